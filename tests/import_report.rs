//! The import report, through the real binary: each sentence of a real
//! page (not written for the test) is accounted for, saying the field it
//! went to, that it is under `unsorted`, or that it was left out and why,
//! with the sentence; and the draft it writes is never publishable:
//! `build` refuses it, naming the file, and makes none of its documents.

mod common;

use common::Project;
use std::path::Path;

fn real(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import_pages/real")
        .join(name)
}

#[test]
fn the_report_says_what_became_of_each_sentence() {
    let p = Project::copy();
    let page = real("nhs-scotland-nursing-support-worker.txt");
    let out = p.run(&["import", "--id", "imported", &page.display().to_string()]);
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("what each sentence of the pages became:"),
        "{err}"
    );
    let text = std::fs::read_to_string(&page).unwrap();
    let trace = {
        let input = careerpress::authoring::import::read_file(&page).unwrap();
        careerpress::authoring::import::import(&[input], "2026-01-01")
            .unwrap()
            .report
            .trace
    };
    // Every sentence of the page with words in it is in the report, once,
    // under what became of it.
    assert!(trace.len() > 20, "{trace:?}");
    for t in &trace {
        assert!(text.contains(t.sentence.as_str()), "{}", t.sentence);
        assert!(
            err.contains(&format!("\"{}\"", t.sentence)),
            "not in the report: {}\n{err}",
            t.sentence
        );
    }
    use careerpress::authoring::import::trace::Went;
    let field_of = |words: &str| {
        trace
            .iter()
            .find(|t| t.sentence.contains(words))
            .map(|t| t.went.clone())
    };
    // The facts are where the draft has them, and the report says so.
    let yaml = p.read("content/jobs/imported.yaml");
    for t in &trace {
        if let Went::Field(path) = &t.went {
            let leaf = path.rsplit('.').next().unwrap();
            assert!(yaml.contains(&format!("{leaf}:")), "{path} not in\n{yaml}");
        }
    }
    assert!(
        matches!(
            field_of("Nursing Support Workers will provide care"),
            Some(Went::Field(_))
        ),
        "{trace:#?}"
    );
    // The report's sections come in the order an editor checks them.
    let at = |s: &str| err.find(s).unwrap_or(usize::MAX);
    assert!(at("in the fields:") < usize::MAX, "{err}");
    if at("not in the draft (check") < usize::MAX {
        assert!(at("not in the draft (check") < at("in the fields:"));
    }
}

#[test]
fn furniture_is_reported_with_its_sentence_and_why() {
    let p = Project::copy();
    p.write(
        "page.txt",
        "Hospital porter\n\
         We use cookies to make this site work. Accept all cookies\n\
         Porters move patients, equipment and samples around the hospital.\n\
         Working hours\n\
         You will work 37.5 hours a week on a rota.\n",
    );
    let out = p.run(&[
        "import",
        "--id",
        "imported",
        &p.file("page.txt").display().to_string(),
    ]);
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let left_out = err.find("left out as page furniture:").expect(&err);
    let cookie = err
        .find("\"We use cookies to make this site work.\"")
        .expect(&err);
    assert!(cookie > left_out, "{err}");
    assert!(
        err.contains("\"Porters move patients, equipment and samples around the hospital.\""),
        "{err}"
    );
}

#[test]
fn an_imported_draft_is_never_publishable() {
    let p = Project::copy();
    let page = real("nhs-scotland-nursing-support-worker.txt");
    let out = p.run(&["import", "--id", "imported", &page.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    // The draft keeps what could not be placed, for the editor.
    let yaml = p.read("content/jobs/imported.yaml");
    assert!(yaml.contains("# DRAFT"), "{yaml}");
    let build = p.run(&["build"]);
    let err = common::stderr(&build);
    assert_ne!(
        build.status.code(),
        Some(0),
        "build published a draft:\n{err}"
    );
    assert!(err.contains("imported.yaml"), "{err}");
    assert!(err.contains("TODO"), "{err}");
    let made: Vec<String> = p.outputs().into_iter().map(|(n, _)| n).collect();
    assert!(
        !made.iter().any(|n| n.contains("imported")),
        "documents made from a draft: {made:?}"
    );
}

#[test]
fn a_related_jobs_list_holds_names_not_the_page_after_it() {
    // The form of an Australian page: the "related jobs" widget comes
    // first, and the job's text and its skills section follow it.
    let text = "Physiotherapist\n\
                Related jobs\n\
                Occupational therapist\n\
                Physiotherapists assess, treat and prevent disorders in human movement caused by injury and disease.\n\
                Knowledge, skills and attributes\n\
                A physiotherapist needs:\n\
                • good communication skills\n\
                • patience\n";
    let input = careerpress::authoring::import::Input::plain("p.txt", text);
    let job = careerpress::authoring::import::import(&[input], "2026-01-01")
        .unwrap()
        .job;
    let related: Vec<String> = job.related_jobs.iter().map(|r| r.to_string()).collect();
    assert_eq!(related, ["Occupational therapist"], "{job:#?}");
    let skills = format!("{:?}", job.skills);
    assert!(skills.contains("good communication skills"), "{skills}");
    assert!(skills.contains("patience"), "{skills}");
    assert!(
        format!("{:?}", job.summary).contains("assess, treat and prevent"),
        "{:?}",
        job.summary
    );
}
