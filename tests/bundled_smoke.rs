//! The bundled project, as a careers team gets it and then edits it: it
//! checks clean, builds every format (each document read back), its content
//! is valid against the schemas, it mails its example applicants, and
//! `careerpress new project` (made from it) builds at once.
//!
//! These are the only tests that read the bundled `content/` and
//! `templates/`; every other test works on the tests' own project
//! (`tests/fixtures/`, `common::Project::copy`). So what is asserted here is
//! structure (counts read from the folders, every planned document built
//! and readable, the job's own title inside it), never the bundled wording:
//! a team that edits the bundled job, trusts or templates breaks a test here
//! only when the project no longer checks, builds or mails.

mod common;
mod schema_support;

use common::{assert_exit, copy_dir, read, repo, run_in, stderr, stdout, Project};
use mail_parser::{MessageParser, MimeHeaders};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// The formats `build` makes, each of which the bundled templates cover.
const FORMATS: [&str; 4] = ["pdf", "docx", "txt", "html"];

/// A throw-away copy of the bundled project (its content, templates and
/// fonts, and its project file if it has one): building it writes nothing
/// into the repository.
fn bundled() -> Project {
    let p = Project {
        dir: tempfile::tempdir().unwrap(),
    };
    copy_dir(&repo().join("content"), &p.file("content"));
    copy_dir(&repo().join("templates"), &p.file("templates"));
    if repo().join("careerpress.yaml").is_file() {
        std::fs::copy(repo().join("careerpress.yaml"), p.file("careerpress.yaml")).unwrap();
    }
    p
}

/// Names in `dir` (sorted) that `keep` accepts.
fn names(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| keep(&e.path()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The bundled jobs' ids (`<id>.yaml`, not the translations `<id>.<lang>.yaml`).
fn job_ids(p: &Project) -> Vec<String> {
    names(&p.file("content/jobs"), |f| {
        f.extension().is_some_and(|x| x == "yaml")
            && f.file_stem()
                .is_some_and(|s| !s.to_string_lossy().contains('.'))
    })
    .into_iter()
    .map(|n| n.trim_end_matches(".yaml").to_string())
    .collect()
}

/// The bundled brands' ids (folders holding a `brand.yaml`).
fn brand_ids(p: &Project) -> Vec<String> {
    names(&p.file("content/brands"), |d| {
        d.join("brand.yaml").is_file()
    })
}

fn counted(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

#[test]
fn the_bundled_project_checks_clean() {
    let p = bundled();
    let templates = names(&p.file("templates"), |f| {
        f.is_file() && f.extension().is_some_and(|x| x == "hbs")
    });
    let (jobs, brands) = (job_ids(&p), brand_ids(&p));
    assert!(!jobs.is_empty() && !brands.is_empty() && !templates.is_empty());
    let o = p.run(&["check"]);
    assert_exit(&o, 0);
    let first = stdout(&o).lines().next().unwrap_or("").to_string();
    assert_eq!(
        first,
        format!(
            "All good: {}, {}, {} checked",
            counted(jobs.len(), "job"),
            counted(brands.len(), "brand"),
            counted(templates.len(), "template")
        ),
        "{}",
        stderr(&o)
    );
    assert!(!p.file("output").exists(), "check wrote output/");
}

#[test]
fn the_bundled_project_builds_every_format_readable_back() {
    let p = bundled();
    let o = p.run(&["build", "--json"]);
    assert_exit(&o, 0);
    let report: Value = serde_json::from_str(&stdout(&o)).expect("the build report is JSON");
    assert_eq!(report["errors"], Value::Array(vec![]), "{}", stdout(&o));
    let documents = report["documents"].as_array().expect("documents");
    let mut made = BTreeSet::new();
    for d in documents {
        let field = |k: &str| d[k].as_str().unwrap_or_else(|| panic!("{k} in {d}"));
        assert_eq!(field("status"), "built", "{d}");
        let (brand, job, format) = (field("brand"), field("job"), field("format"));
        made.insert((brand.to_string(), job.to_string(), format.to_string()));
        let bytes = std::fs::read(p.file("output").join(field("path"))).unwrap();
        let text = match format {
            "pdf" => read::pdf_text(&bytes),
            "docx" => read::docx_text(&bytes),
            "html" => read::html_text(&bytes),
            "txt" => String::from_utf8(bytes).expect("UTF-8"),
            other => panic!("a document in an unknown format: {other}"),
        };
        // The job's own title, read from its profile, is in its document.
        let title = common::draft_job(&p.file(&format!("content/jobs/{job}.yaml"))).title;
        assert!(
            read::squash(&text).contains(&read::squash(&title.to_string())),
            "{}: no {title:?} in\n{text}",
            field("path")
        );
    }
    // Every job, for every brand, in every format.
    for brand in brand_ids(&p) {
        for job in job_ids(&p) {
            for format in FORMATS {
                assert!(
                    made.contains(&(brand.clone(), job.clone(), format.to_string())),
                    "no {format} of {job} for {brand}: {made:?}"
                );
            }
        }
    }
}

/// What an editor shows a team as it edits the bundled content: each file
/// names its schema on its first line, and is valid against it.
#[test]
fn the_bundled_content_is_valid_against_the_schemas() {
    schema_support::assert_valid_against_the_schemas(&repo());
    schema_support::assert_name_their_schema(&repo(), &repo().join("schemas"));
}

#[test]
fn the_bundled_example_applicants_are_mailed_with_the_leaflet() {
    let p = bundled();
    let csv = "content/recipients.example.csv";
    let rows = p
        .read(csv)
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count();
    assert!(rows > 0);
    let o = assert_cmd::Command::cargo_bin("careerpress")
        .unwrap()
        .current_dir(p.path())
        .arg("--project")
        .arg(p.path())
        .args(["mail", csv, "--attach", "pdf"])
        .env("SOURCE_DATE_EPOCH", "1790000000")
        .env_remove("CAREERPRESS_SMTP_USER")
        .env_remove("CAREERPRESS_SMTP_PASSWORD")
        .output()
        .unwrap();
    assert_exit(&o, 0);
    let mut eml = p.outputs_in(&p.file("output/mail"));
    eml.retain(|(f, _)| f.ends_with(".eml"));
    assert_eq!(eml.len(), rows, "one message an applicant: {eml:?}");
    for (name, raw) in eml {
        let m = MessageParser::default()
            .parse(&raw)
            .unwrap_or_else(|| panic!("{name} parses as RFC 5322"));
        assert!(m.subject().is_some_and(|s| !s.trim().is_empty()), "{name}");
        assert!(
            m.body_text(0).is_some_and(|b| !b.trim().is_empty()),
            "{name}"
        );
        assert_eq!(m.attachment_count(), 1, "{name}");
        let pdf = m.attachment(0).unwrap();
        let ct = pdf.content_type().unwrap();
        assert_eq!((ct.ctype(), ct.subtype()), ("application", Some("pdf")));
        read::pdf_text(pdf.contents());
    }
}

#[test]
fn a_new_project_builds_and_is_found_from_its_subfolders() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_in(dir.path(), &["new", "project", "careers"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("careerpress build"), "{}", stdout(&o));
    let root = dir.path().join("careers");
    // From deep inside, as a person would after opening a job file.
    common::assert_works_from_inside(
        &root,
        "All good: 1 job, 1 brand, 6 templates checked",
        &root.join("templates"),
        &[
            "eastbrook-hospitals/pals-officer/leaflet.pdf",
            "eastbrook-hospitals/pals-officer/handout.docx",
            "eastbrook-hospitals/pals-officer/summary.txt",
        ],
    );
    // Its schemas are current, and it is never written over.
    assert_exit(&run_in(&root, &["schema", "--check"]), 0);
    let o = run_in(dir.path(), &["new", "project", "careers"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("already a careerpress project"));
}

#[test]
fn a_new_project_in_the_folder_you_are_in() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_in(dir.path(), &["new", "project"]);
    assert_exit(&o, 0);
    assert!(
        stdout(&o).contains("Next: careerpress build"),
        "{}",
        stdout(&o)
    );
    assert!(dir.path().join("careerpress.yaml").is_file());
    assert_exit(&run_in(dir.path(), &["check"]), 0);
    // Where a file of its own is already there, nothing is written.
    let other = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(other.path().join("templates")).unwrap();
    std::fs::write(other.path().join("templates/leaflet.pdf.hbs"), "mine").unwrap();
    let o = run_in(other.path(), &["new", "project"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("never overwrites a file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(other.path().join("templates/leaflet.pdf.hbs")).unwrap(),
        "mine"
    );
    assert!(!other.path().join("content").exists());
}
