//! Each class of bad input gives a clear error naming the file and line,
//! exit code 1, no panic, and no half-written output; good documents in the
//! same build are still made.

mod common;

use common::{assert_exit, stderr, Project};

const PALS: &str = "content/jobs/pals-officer.yaml";

/// Adds a second job file, runs `check` and `build --format txt`, and returns
/// stderr of `check`.
fn bad_job(contents: &[u8]) -> (Project, String) {
    let p = Project::copy();
    p.write("content/jobs/bad.yaml", contents);
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    // The good job is still built; the bad one makes no file at all.
    let b = p.run(&["build", "--format", "txt"]);
    assert_exit(&b, 1);
    let files: Vec<String> = p.outputs().into_iter().map(|f| f.0).collect();
    assert!(files.contains(&"eastbrook-hospitals/pals-officer/summary.txt".to_string()));
    assert!(files.iter().all(|f| !f.contains("/bad/")), "{files:?}");
    assert!(
        files.iter().all(|f| !f.contains(".careerpress-tmp")),
        "{files:?}"
    );
    (p, err)
}

fn valid_job() -> String {
    std::fs::read_to_string(common::fixture().join(PALS)).unwrap()
}

fn path_of(p: &Project) -> String {
    p.file("content/jobs/bad.yaml").display().to_string()
}

#[test]
fn malformed_yaml() {
    let (p, err) = bad_job(
        valid_job()
            .replace("title_article: a\n", "title_article: a\n  oops: [\n")
            .as_bytes(),
    );
    assert!(err.contains(&format!("{}:", path_of(&p))), "{err}");
    let line_col = err.split(&format!("{}:", path_of(&p))).nth(1).unwrap();
    assert!(
        line_col.chars().next().unwrap().is_ascii_digit(),
        "names a line: {err}"
    );
}

#[test]
fn wrong_type_names_the_field_path() {
    let (p, err) = bad_job(
        valid_job()
            .replace("  starter: 18200", "  starter: £18,200")
            .as_bytes(),
    );
    let line = valid_job()
        .lines()
        .position(|l| l == "  starter: 18200")
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!(
            "{}:{line}:12: salary.starter: expected a whole number, without a £ sign or commas",
            path_of(&p)
        )),
        "{err}"
    );
}

#[test]
fn unknown_field_and_nested_path() {
    let (_, err) = bad_job(
        valid_job()
            .replace(
                "      - 4 or 5 GCSEs",
                "      - {grade: 4}\n      - 4 or 5 GCSEs",
            )
            .as_bytes(),
    );
    assert!(
        err.contains("entry_routes.college.entry_requirements[1]"),
        "{err}"
    );
}

#[test]
fn duplicate_keys_are_errors() {
    let (p, err) = bad_job(
        valid_job()
            .replace(
                "title_article: a\n",
                "title_article: a\ntitle_article: an\n",
            )
            .as_bytes(),
    );
    assert!(err.contains(&format!("{}:", path_of(&p))), "{err}");
    assert!(err.contains("appears twice"), "{err}");
}

#[test]
fn missing_required_field() {
    let (_, err) = bad_job(
        valid_job()
            .replace("last_reviewed: 2026-11-21\n", "")
            .as_bytes(),
    );
    assert!(
        err.contains("missing required field 'last_reviewed'"),
        "{err}"
    );
}

#[test]
fn invalid_values_are_explained() {
    let (_, err) = bad_job(
        valid_job()
            .replace("      phone: 01895 857000", "      phone: call us")
            .as_bytes(),
    );
    assert!(
        err.contains("further_information.contacts[2].phone: 'call us' is not a phone number"),
        "{err}"
    );
    let (_, err) = bad_job(
        valid_job()
            .replace(
                "web_address: https://www.healthcareers",
                "web_address: www.healthcareers",
            )
            .as_bytes(),
    );
    assert!(err.contains("web_address: 'www.healthcareers"), "{err}");
    assert!(err.contains("must start with https://"), "{err}");
    let (_, err) = bad_job(
        valid_job()
            .replace("last_reviewed: 2026-11-21", "last_reviewed: 2026-02-30")
            .as_bytes(),
    );
    assert!(
        err.contains("last_reviewed: '2026-02-30' is not a date"),
        "{err}"
    );
}

#[test]
fn empty_not_utf8_and_too_big() {
    let (p, err) = bad_job(b"");
    assert!(
        err.contains(&format!("{}: the file is empty", path_of(&p))),
        "{err}"
    );
    let (p, err) = bad_job(b"# only a comment\n");
    assert!(
        err.contains(&format!("{}: the file is empty", path_of(&p))),
        "{err}"
    );
    let (p, err) = bad_job(b"title: caf\xe9\n");
    assert!(
        err.contains(&format!("{}:1: the file is not UTF-8 text", path_of(&p))),
        "{err}"
    );
    let mut big = valid_job().into_bytes();
    big.extend(std::iter::repeat_n(b'#', 1024 * 1024));
    let (p, err) = bad_job(&big);
    assert!(
        err.contains(&format!("{}: the file is", path_of(&p)))
            && err.contains("at most 1048576 bytes (1 MiB)"),
        "{err}"
    );
}

#[test]
fn not_yaml_at_all() {
    let (p, err) = bad_job(b"<html><body>Job</body></html>\n");
    assert!(err.contains(&path_of(&p)), "{err}");
}

#[test]
fn ids_must_be_safe_file_names() {
    let p = Project::copy();
    p.write("content/jobs/PALS Officer.yaml", valid_job());
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("'PALS Officer' is not a valid id"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let p = Project::copy();
    let crlf = format!("\u{feff}{}", valid_job().replace('\n', "\r\n"));
    p.write(PALS, crlf);
    assert_exit(&p.run(&["check"]), 0);
}

#[test]
fn all_errors_of_a_run_are_reported_together() {
    let p = Project::copy();
    p.write("content/jobs/one.yaml", b"");
    p.write(
        "content/jobs/two.yaml",
        valid_job().replace("  starter: 18200", "  starter: x"),
    );
    p.write(
        "content/brands/eastbrook-hospitals/brand.yaml",
        p.read("content/brands/eastbrook-hospitals/brand.yaml")
            .replace("  primary: \"#005293\"", "  primary: blue"),
    );
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("one.yaml: the file is empty"), "{err}");
    assert!(
        err.contains("two.yaml:") && err.contains("salary.starter"),
        "{err}"
    );
    assert!(
        err.contains("brand.yaml:") && err.contains("colours.primary: 'blue' is not a colour"),
        "{err}"
    );
}

#[test]
fn logo_problems_name_the_brand_file() {
    let p = Project::copy();
    p.write("content/brands/eastbrook-hospitals/logo.png", b"not a png");
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("brand.yaml:16:3: logo.file:"),
        "{}",
        stderr(&o)
    );
    let p = Project::copy();
    p.edit(
        "content/brands/eastbrook-hospitals/brand.yaml",
        "  file: logo.png",
        "  file: ../../../Cargo.toml",
    );
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("must be a file name inside the brand folder"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn template_errors_name_template_line_and_field() {
    let p = Project::copy();
    p.edit(
        "templates/summary.txt.hbs",
        "{{job.summary}}",
        "{{job.sumary}}",
    );
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    let line = p
        .read("templates/summary.txt.hbs")
        .lines()
        .position(|l| l.contains("job.sumary"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!(
            "{}:{line}:",
            p.file("templates/summary.txt.hbs").display()
        )),
        "{err}"
    );
    assert!(
        err.contains("the field 'job.sumary' does not exist"),
        "{err}"
    );
    // A broken template fails its own documents only.
    let b = p.run(&["build"]);
    assert_exit(&b, 1);
    let files: Vec<String> = p.outputs().into_iter().map(|f| f.0).collect();
    assert!(
        files.iter().any(|f| f.ends_with("leaflet.pdf"))
            && !files.iter().any(|f| f.ends_with("summary.txt")),
        "{files:?}"
    );
}

#[test]
fn template_syntax_errors_and_unknown_helpers() {
    let p = Project::copy();
    p.edit(
        "templates/summary.txt.hbs",
        "{{job.summary}}",
        "{{#if job.summary}}",
    );
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("summary.txt.hbs:"), "{}", stderr(&o));
    let p = Project::copy();
    p.edit(
        "templates/summary.txt.hbs",
        "{{job.summary}}",
        "{{shout job.summary}}",
    );
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("unknown helper 'shout'"),
        "{}",
        stderr(&o)
    );
}
