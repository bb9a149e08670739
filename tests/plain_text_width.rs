//! Plain text and mail at 72 columns: every line of every text summary and
//! mail body, in English and Welsh, fits 72 columns, except a line that is
//! one web or email address (never broken). Content with long Welsh words,
//! long addresses and an address after a label.

mod common;
mod mail_support;

use common::{assert_exit, assert_wrapped, Project};
use mail_parser::MessageParser;
use mail_support::{eml_files, mail, TWO};

const LONG_WEB: &str =
    "https://www.eastbrook.example.nhs.uk/services/patient-advice-and-liaison-service/contact-us-and-opening-hours";
const LONG_EMAIL: &str = "gwasanaeth.cyngor.a.chyswllt.cleifion@glanymor.example.nhs.wales";
const PLACE: &str = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";

/// The tests' project with long words and addresses in both languages.
fn long_words() -> Project {
    let p = Project::copy();
    p.edit(
        "content/brands/eastbrook-hospitals/brand.yaml",
        "web_address: https://www.eastbrook.example.nhs.uk/pals",
        &format!("web_address: {LONG_WEB}"),
    );
    p.edit(
        "content/brands/glan-y-mor/brand.yaml",
        "email: pals@glanymor.example.wales.nhs.uk",
        &format!("email: {LONG_EMAIL}"),
    );
    p.edit(
        "content/jobs/pals-officer.yaml",
        "design and manage those services.",
        &format!(
            "design and manage those services, from {PLACE} to \
             eastbrook.example.nhs.uk/services/patient-advice-and-liaison-service/volunteering."
        ),
    );
    p.edit(
        "content/jobs/pals-officer.cy.yaml",
        "bobl sy'n cynllunio ac yn rheoli'r gwasanaethau hynny.",
        &format!(
            "bobl sy'n cynllunio ac yn rheoli'r gwasanaethau hynny, o {PLACE} i \
             Ysbyty'r Brifysgol, a'u cyfrifoldebau gweinyddol-ddatblygiadol."
        ),
    );
    p
}

#[test]
fn text_summaries_are_72_columns_but_for_a_lone_address() {
    let p = long_words();
    let o = p.run(&["build", "--format", "txt"]);
    assert_exit(&o, 0);
    let texts: Vec<(String, String)> = p
        .outputs()
        .into_iter()
        .filter(|(f, _)| f.ends_with(".txt"))
        .map(|(f, b)| (f, String::from_utf8(b).unwrap()))
        .collect();
    assert_eq!(texts.len(), 2, "one summary per trust");
    for (file, text) in &texts {
        assert_wrapped(text, 72);
        assert!(
            text.contains(PLACE),
            "{file}: the long Welsh word whole\n{text}"
        );
        assert!(
            text.lines()
                .any(|l| l.trim_end_matches('.').ends_with("/volunteering")
                    && l.trim().starts_with("eastbrook.example.nhs.uk/")),
            "{file}: an address without its scheme is not broken\n{text}"
        );
    }
    let eastbrook = &texts
        .iter()
        .find(|(f, _)| f.starts_with("eastbrook"))
        .unwrap()
        .1;
    assert!(
        eastbrook.lines().any(|l| l.trim() == LONG_WEB),
        "the long web address stands alone\n{eastbrook}"
    );
}

#[test]
fn mail_bodies_are_72_columns_but_for_a_lone_address() {
    let p = long_words();
    p.write("recipients.csv", TWO);
    let o = mail(&p, &["recipients.csv"]);
    assert_exit(&o, 0);
    let files = eml_files(&p);
    assert_eq!(files.len(), 2);
    for (file, raw) in files {
        let m = MessageParser::default().parse(&raw).unwrap();
        let body = m.body_text(0).unwrap().replace("\r\n", "\n");
        assert_wrapped(&body, 72);
        assert!(body.contains(PLACE), "{file}\n{body}");
        if file.starts_with("eastbrook") {
            assert!(body.lines().any(|l| l.trim() == LONG_WEB), "{body}");
        } else {
            // English and Welsh, both wrapped; the long email address whole.
            assert!(
                body.contains("Diolch") && body.contains("Thank you"),
                "{body}"
            );
            assert!(body.contains(LONG_EMAIL), "{body}");
        }
    }
}
