//! The command line as a careers team uses it: build, check, list, and the
//! errors they see when a file is wrong.

mod common;

use common::{assert_exit, stderr, stdout, Project};
use unicode_width::UnicodeWidthStr;

const PALS: &str = "content/jobs/pals-officer.yaml";
const SUMMARY: &str = "output/eastbrook-hospitals/pals-officer/summary.txt";

#[test]
fn build_writes_a_summary_for_every_job_and_trust() {
    let p = Project::copy();
    let o = p.run(&["build", "--format", "txt"]);
    assert_exit(&o, 0);
    let files: Vec<String> = p.outputs().into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        files,
        [
            "eastbrook-hospitals/pals-officer/summary.txt",
            "glan-y-mor/pals-officer/summary.txt"
        ]
    );
    assert!(
        stdout(&o).contains("Built 2 documents (2 TXT) for 1 job × 2 trusts"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn summary_holds_title_salary_and_trust_contact() {
    let p = Project::copy();
    assert_exit(
        &p.run(&["build", "--format", "txt", "--brand", "eastbrook-hospitals"]),
        0,
    );
    let s = p.read(SUMMARY);
    assert!(
        s.starts_with("Patient advice and liaison service (PALS) officer\n===="),
        "{s}"
    );
    assert!(s.contains("Salary: £18,200 to £22,000 a year"));
    for contact in [
        "Patient Advice and Liaison Service (PALS)",
        "Eastbrook Hospitals NHS Foundation Trust",
        "Phone: 01632 960 123",
        "Email: pals@eastbrook.example.nhs.uk",
        "Web: https://www.eastbrook.example.nhs.uk/pals",
    ] {
        assert!(s.contains(contact), "missing {contact:?}");
    }
    // The contact block comes last.
    assert!(s.trim_end().ends_with("Open: Monday to Friday, 9am to 5pm"));
    // Headings are underlined to their width, bullets hang.
    assert!(s.contains("What you'll do\n--------------\n"));
    assert!(s.contains(
        "* Giving advice with a view to resolving concerns about services or\n  care.\n"
    ));
}

#[test]
fn no_summary_line_is_over_72_columns() {
    let p = Project::copy();
    assert_exit(&p.run(&["build", "--format", "txt"]), 0);
    for (file, bytes) in p.outputs() {
        let text = String::from_utf8(bytes).expect("summaries are UTF-8");
        for line in text.lines() {
            // A web address is never broken: it may stand alone on a longer line.
            let lone_address = !line.trim().contains(' ') && line.trim().starts_with("https://");
            assert!(
                line.width() <= 72 || lone_address,
                "{file}: {} columns: {line:?}",
                line.width()
            );
        }
        let url = "https://www.healthcareers.nhs.uk/explore-roles/wider-healthcare-team/roles-wider-healthcare-team/corporate-services/patient-advice-and-liaison-service-pals-officer";
        assert!(
            text.lines().any(|l| l == url),
            "the job's address is whole on one line"
        );
    }
}

#[test]
fn the_text_width_is_configurable() {
    let p = Project::copy();
    p.edit(
        "templates/summary.txt.hbs",
        "text_width: 72",
        "text_width: 50",
    );
    assert_exit(&p.run(&["build", "--format", "txt"]), 0);
    let s = p.read(SUMMARY);
    let widest = s
        .lines()
        .filter(|l| !l.contains("https://"))
        .map(|l| l.width())
        .max()
        .unwrap();
    assert!(widest <= 50 && widest > 40, "widest line {widest}");
}

#[test]
fn two_builds_are_byte_identical() {
    let a = Project::copy();
    let b = Project::copy();
    assert_exit(&a.run(&["build"]), 0);
    assert_exit(&b.run(&["build"]), 0);
    let (oa, ob) = (a.outputs(), b.outputs());
    // (4 formats + the print file) × 2 trusts: both have print settings
    assert_eq!(
        oa.len(),
        10,
        "{:?}",
        oa.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for ((fa, ba), (fb, bb)) in oa.iter().zip(&ob) {
        assert_eq!(fa, fb);
        assert!(ba == bb, "{fa} differs between two builds");
    }
    // And a rebuild over the same folder gives the same bytes again.
    assert_exit(&a.run(&["build"]), 0);
    assert_eq!(a.outputs(), oa);
}

#[test]
fn content_values_print_literally() {
    let p = Project::copy();
    p.edit(
        PALS,
        "  - mediation skills\n",
        "  - \"*mediation* skills # _not_ {{job.title}} [x](https://evil.example)\"\n",
    );
    assert_exit(
        &p.run(&["build", "--format", "txt", "--brand", "eastbrook-hospitals"]),
        0,
    );
    let s = p.read(SUMMARY);
    assert!(
        s.contains("* *mediation* skills # _not_ {{job.title}} [x](https://evil.example)\n"),
        "{s}"
    );
}

#[test]
fn list_shows_jobs_brands_and_templates() {
    let p = Project::copy();
    let o = p.run(&["list"]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    let firsts: Vec<(&str, &str)> = out
        .lines()
        .map(|l| {
            let mut w = l.split_whitespace();
            (w.next().unwrap(), w.next().unwrap())
        })
        .collect();
    assert_eq!(
        firsts,
        [
            ("job", "pals-officer"),
            ("brand", "eastbrook-hospitals"),
            ("brand", "glan-y-mor"),
            ("template", "email"),
            ("template", "handout"),
            ("template", "leaflet"),
            ("template", "page"),
            ("template", "summary"),
        ]
    );
}

#[test]
fn check_is_clean_on_the_tests_project_and_writes_nothing() {
    let p = Project::copy();
    let o = p.run(&["check"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("All good"));
    assert!(!p.file("output").exists());
}

#[test]
fn misspelt_key_names_file_line_column_and_suggests() {
    let p = Project::copy();
    p.edit(
        PALS,
        "    requirements_intro: \"You'll usually need:\"",
        "    requirments_intro: \"You'll usually need:\"",
    );
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    let line = p
        .read(PALS)
        .lines()
        .position(|l| l.contains("requirments_intro"))
        .unwrap()
        + 1;
    let expected = format!(
        "{}:{line}:5: entry_routes.college.requirments_intro: unknown field 'requirments_intro'",
        p.file(PALS).display()
    );
    assert!(err.contains(&expected), "{err}");
    assert!(
        err.contains("(did you mean 'requirements_intro'?)"),
        "{err}"
    );
    assert!(!p.file("output").exists(), "check writes nothing");
}

#[test]
fn unknown_ids_in_flags_are_usage_errors() {
    let p = Project::copy();
    let o = p.run(&["build", "--job", "nurse"]);
    assert_exit(&o, 2);
    assert!(
        stderr(&o).contains("there is no job 'nurse'; known jobs: pals-officer"),
        "{}",
        stderr(&o)
    );
    let o = p.run(&["build", "--format", "odt"]);
    assert_exit(&o, 2);
    assert!(!p.file("output").exists());
}

#[test]
fn help_has_examples() {
    let p = Project::copy();
    let o = p.run(&["--help"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("careerpress build --job pals-officer --format txt"));
}

#[test]
fn check_warns_about_unsorted_imported_text() {
    let p = Project::copy();
    let s = p.read("content/jobs/pals-officer.yaml");
    p.write(
        "content/jobs/pals-officer.yaml",
        format!("{s}unsorted:\n  - a sentence the importer could not place\n"),
    );
    let o = p.run(&["check"]);
    assert_exit(&o, 0);
    assert!(
        stderr(&o).contains("pals-officer.yaml: unsorted: 1 item from an import still to sort"),
        "{}",
        stderr(&o)
    );
}
