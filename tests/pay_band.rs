//! A job's Agenda for Change pay band (`salary.band`): read in the ways
//! people write it, refused with the valid bands otherwise, and printed
//! before the figures wherever pay is, in every format.

mod common;

use common::read::{docx_text, html_text, pdf_text, squash};
use common::{assert_exit, stderr, Project};

const JOB: &str = "content/jobs/pals-officer.yaml";

fn with_band(written: &str) -> Project {
    let p = Project::copy();
    p.edit(
        JOB,
        "salary:\n  starter: 18200",
        &format!("salary:\n  band: {written}\n  starter: 18200"),
    );
    p
}

#[test]
fn the_band_is_printed_before_the_pay_in_every_format() {
    let p = with_band("band 8A");
    let o = p.run(&["build"]);
    assert_exit(&o, 0);
    let dir = p.file("output/eastbrook-hospitals/pals-officer");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let text = match path.extension().and_then(|e| e.to_str()) {
            Some("pdf") => pdf_text(&bytes),
            Some("docx") => docx_text(&bytes),
            Some("html") => html_text(&bytes),
            Some("txt") => String::from_utf8(bytes).unwrap(),
            _ => continue,
        };
        assert!(
            squash(&text).contains(&squash("Band 8a: £18,200 to £22,000 a year")),
            "{}: {text}",
            path.display()
        );
        seen += 1;
    }
    assert!(seen >= 4, "{seen} documents in {}", dir.display());
    let summary = p.read("output/eastbrook-hospitals/pals-officer/summary.txt");
    assert!(
        summary.contains("Band 8a: £18,200 to £22,000 a year"),
        "{summary}"
    );
}

#[test]
fn a_band_written_as_a_number_is_that_band() {
    let p = with_band("5");
    assert_exit(&p.run(&["build"]), 0);
    let summary = p.read("output/eastbrook-hospitals/pals-officer/summary.txt");
    assert!(
        summary.contains("Band 5: £18,200 to £22,000 a year"),
        "{summary}"
    );
}

#[test]
fn a_band_that_is_not_one_is_refused_naming_the_bands() {
    for bad in ["Band 10", "8", "\"Band 5a\"", "Grade 5"] {
        let p = with_band(bad);
        let o = p.run(&["check"]);
        assert_exit(&o, 1);
        let e = stderr(&o);
        assert!(e.contains("pals-officer.yaml:46"), "{bad}: {e}");
        assert!(e.contains("salary.band"), "{bad}: {e}");
        assert!(
            e.contains("Band 1 to Band 9") && e.contains("8a"),
            "{bad}: {e}"
        );
        assert!(!p
            .file("output/eastbrook-hospitals/pals-officer/summary.txt")
            .exists());
    }
}
