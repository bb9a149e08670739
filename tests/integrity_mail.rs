//! Mail: every applicant gets exactly one message, and nobody is lost. Two
//! sending runs at once (real processes, in parallel, several rounds), a
//! journal cut mid-line inside a character, a run with another `--out`, the
//! longest address there is, a stray quote in the recipients file, a
//! `SOURCE_DATE_EPOCH` in milliseconds, and rows whose values hold control
//! characters.

mod common;
mod mail_support;

use common::{assert_exit, stderr, Project};
use mail_support::smtp::{Config, Server};
use mail_support::{applicants, eml_files, mail, mail_command, mail_together};
use std::collections::BTreeMap;
use std::io::Write;

fn deliveries(server: &Server) -> BTreeMap<String, usize> {
    let mut n = BTreeMap::new();
    for m in server.accepted() {
        for r in m.rcpt_to {
            *n.entry(r).or_default() += 1;
        }
    }
    n
}

const JOURNAL: &str = ".careerpress/mail/sent.jsonl";

#[test]
fn runs_started_together_mail_each_applicant_once() {
    // Three rounds of three sending runs started at the same moment.
    for round in 0..3 {
        let server = Server::start(Config::default());
        let p = Project::copy();
        p.write("recipients.csv", applicants(25));
        for o in mail_together(&p, 3, &["recipients.csv", "--smtp", &server.url()]) {
            assert_exit(&o, 0);
        }
        let got = deliveries(&server);
        assert_eq!(got.len(), 25, "round {round}: {got:?}");
        assert!(
            got.values().all(|n| *n == 1),
            "round {round}: someone was mailed twice: {got:?}"
        );
        // Two lines a message: about to send, then sent.
        let journal = p.read(JOURNAL);
        let lines = |state: &str| journal.matches(&format!("\"state\":\"{state}\"")).count();
        assert_eq!(
            (lines("sending"), lines("sent"), journal.lines().count()),
            (25, 25, 50),
            "round {round}: two journal lines a message"
        );
    }
}

#[test]
fn a_journal_cut_inside_a_character_does_not_stop_sending() {
    let server = Server::start(Config::default());
    let p = Project::copy();
    p.write("recipients.csv", applicants(3));
    let o = mail(&p, &["recipients.csv", "--smtp", &server.url()]);
    assert_exit(&o, 0);
    assert_eq!(server.accepted().len(), 3);
    // A fourth applicant, and a killed run's line cut inside 'ö'.
    p.write("recipients.csv", applicants(4));
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(p.file(JOURNAL))
        .unwrap();
    let partial = "{\"key\":\"eastbrook-hospitals/pals-officer/email/zoë@example.org\",\"to\":\"Zö"
        .as_bytes();
    f.write_all(&partial[..partial.len() - 1]).unwrap();
    drop(f);
    let o = mail(&p, &["recipients.csv", "--smtp", &server.url()]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    assert!(err.contains("sent.jsonl:7: a damaged line"), "{err}");
    assert_eq!(
        server.accepted().len(),
        4,
        "only the new applicant is mailed"
    );
    assert_eq!(deliveries(&server).values().max(), Some(&1));
    // The journal reads whole again; the damaged bytes are kept aside.
    let journal = std::fs::read(p.file(JOURNAL)).unwrap();
    let text = String::from_utf8(journal).expect("the journal is UTF-8 again");
    assert_eq!(text.lines().count(), 8);
    assert!(p.file(".careerpress/mail/sent.jsonl.damaged").exists());
}

#[test]
fn another_output_folder_does_not_mail_everyone_again() {
    let server = Server::start(Config::default());
    let p = Project::copy();
    p.write("recipients.csv", applicants(3));
    assert_exit(&mail(&p, &["recipients.csv", "--smtp", &server.url()]), 0);
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().display().to_string();
    let o = mail(
        &p,
        &["recipients.csv", "--smtp", &server.url(), "--out", &out],
    );
    assert_exit(&o, 0);
    assert_eq!(server.accepted().len(), 3, "nobody is mailed twice");
    assert!(
        common::stdout(&o).contains("3 already sent"),
        "{}",
        common::stdout(&o)
    );
}

#[test]
fn the_longest_valid_address_is_mailable() {
    let server = Server::start(Config::default());
    let p = Project::copy();
    let long = format!(
        "{}@{}.{}.{}.org",
        "a".repeat(64),
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(57)
    );
    assert_eq!(long.len(), 254);
    p.write(
        "recipients.csv",
        format!("name,email,job,brand\nAl,{long},pals-officer,eastbrook-hospitals\n"),
    );
    let o = mail(&p, &["recipients.csv", "--smtp", &server.url()]);
    assert_exit(&o, 0);
    assert_eq!(deliveries(&server).get(&long), Some(&1));
    let files = eml_files(&p);
    assert_eq!(files.len(), 1);
    assert!(files[0].0.len() < 255, "{}", files[0].0);
}

#[test]
fn a_stray_quote_never_merges_two_applicants() {
    let p = Project::copy();
    // Ann's opening quote is closed only after Bob's name: once that read
    // as one applicant, "Ann Smith,ann@example.org,… Bob Jones", mailed to
    // Bob's address.
    p.write(
        "recipients.csv",
        "name,email,job,brand\n\
         \"Ann Smith,ann@example.org,pals-officer,eastbrook-hospitals\n\
         Bob Jones\",bob@example.org,pals-officer,eastbrook-hospitals\n\
         Cy Young,cy@example.org,pals-officer,eastbrook-hospitals,extra\n\
         Di Evans,di@example.org,pals-officer,eastbrook-hospitals\n",
    );
    let o = mail(&p, &["recipients.csv"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains("recipients.csv:2: skipped: broken quoting"),
        "{err}"
    );
    assert!(
        err.contains("recipients.csv:3: skipped: broken quoting"),
        "{err}"
    );
    assert!(
        err.contains("recipients.csv:4: skipped: too many values"),
        "{err}"
    );
    let files = eml_files(&p);
    let names: Vec<&str> = files.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        names,
        ["eastbrook-hospitals/pals-officer--di@example.org.eml"]
    );
    for (_, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("Ann") && !text.contains("Bob"), "{text}");
    }
}

#[test]
fn a_date_past_year_9999_is_a_clear_error() {
    let p = Project::copy();
    p.write("recipients.csv", applicants(1));
    let o = mail_command(&p, &["recipients.csv"])
        .env("SOURCE_DATE_EPOCH", "1790000000000")
        .output()
        .unwrap();
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("SOURCE_DATE_EPOCH=1790000000000 is not a date"),
        "{}",
        stderr(&o)
    );
    assert!(eml_files(&p).is_empty());
    // A build says the same, and writes nothing.
    let mut cmd = assert_cmd::Command::cargo_bin("careerpress").unwrap();
    let o = cmd
        .arg("--project")
        .arg(p.path())
        .args(["build", "--format", "txt"])
        .env("SOURCE_DATE_EPOCH", "1790000000000")
        .output()
        .unwrap();
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("milliseconds"), "{}", stderr(&o));
    assert!(p.outputs().is_empty());
}

#[test]
fn skipped_rows_never_echo_control_characters() {
    let p = Project::copy();
    p.write(
        "recipients.csv",
        "name,email,job,brand\n\
         Eve,eve\u{1b}[2J@example.org,pals-officer,eastbrook-hospitals\n\
         Mal,mal\u{202e}gro.elpmaxe@x.org,pals-officer,eastbrook-hospitals\n\
         Nul,nul\u{0}@example.org,pals-officer,eastbrook-hospitals\n\
         Car,car\r@example.org,pals-officer,eastbrook-hospitals\n",
    );
    let o = mail(&p, &["recipients.csv"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    for raw in ['\u{1b}', '\u{202e}', '\u{0}', '\r'] {
        assert!(!err.contains(raw), "{raw:?} echoed raw: {err:?}");
    }
    for shown in ["<U+001B>", "<U+202E>", "<U+0000>", "<U+000D>"] {
        assert!(err.contains(shown), "{shown} not shown: {err}");
    }
    assert!(eml_files(&p).is_empty());
}
