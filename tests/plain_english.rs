//! The plain-English check of `check`: sentences over 25 words and hard
//! words, at their file, line and field, with a hint; quotations and proper
//! names left alone; the project's own word list; the reading figures; and
//! the project setting that makes them errors or turns them off. Fixture
//! text with known sentence lengths and words.

mod common;

use common::{assert_exit, stderr, stdout, Project};

const JOB: &str = "content/jobs/pals-officer.yaml";

/// The fixture's summary replaced by sentences whose lengths and words are
/// known: line 10 has two hard words, line 11 a sentence of 30 words with
/// abbreviations in it, line 12 a quotation and a company's name.
fn project() -> Project {
    let p = Project::copy();
    let text = p.read(JOB);
    let start = text.find("summary: >-\n").unwrap();
    let end = start + text[start..].find("\nweb_address:").unwrap();
    let summary = "summary: >-\n  You will utilise your skills to facilitate change.\n  Staff at St. Mary's, e.g. nurses and porters from the NHS trust, work long shifts every week, and they also help patients and families find their way around the wards.\n  \"We utilise every skill we have\" is what Facilitate Ltd says.\n  Short one.";
    p.write(JOB, format!("{}{summary}{}", &text[..start], &text[end..]));
    assert!(p.read(JOB).lines().nth(9).unwrap().contains("utilise"));
    p
}

fn warnings(err: &str) -> Vec<&str> {
    err.lines()
        .filter(|l| l.starts_with("warning: ") && l.contains(": summary: "))
        .filter(|l| l.contains("/content/jobs/pals-officer.yaml:"))
        .collect()
}

#[test]
fn long_sentences_and_hard_words_are_warned_at_their_lines() {
    let p = project();
    let o = p.run(&["check"]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    let ours = warnings(&err);
    assert!(
        ours.iter().any(|l| l.contains("pals-officer.yaml:10:")
            && l.contains("summary: 'utilise' is a hard word: say 'use'")),
        "{err}"
    );
    assert!(
        ours.iter().any(|l| l.contains("pals-officer.yaml:10:")
            && l.contains("'facilitate' is a hard word: say 'help'")),
        "{err}"
    );
    let long: Vec<&&str> = ours
        .iter()
        .filter(|l| l.contains("a sentence of"))
        .collect();
    assert_eq!(long.len(), 1, "{err}");
    assert!(
        long[0].contains("pals-officer.yaml:11:3: summary: a sentence of 30 words"),
        "{err}"
    );
    assert!(
        long[0].contains("\"Staff at St. Mary's, e.g. nurses…\""),
        "{err}"
    );
    assert!(
        long[0].contains("split it after 'shifts every week,'"),
        "{err}"
    );
    // The quotation and the company's name are not flagged.
    assert!(!ours.iter().any(|l| l.contains("yaml:12:")), "{err}");
    assert_eq!(ours.len(), 3, "{err}");
    // The closing line counts them; the figures follow, Welsh by length.
    let out = stdout(&o);
    assert!(
        out.lines().next().unwrap().starts_with("All good: "),
        "{out}"
    );
    assert!(out.contains("warnings on plain English"), "{out}");
    let reading = out
        .lines()
        .find(|l| l.starts_with("Reading: pals-officer: "))
        .unwrap();
    assert!(reading.contains("English: reading ease "), "{reading}");
    assert!(
        reading.contains("Welsh: ") && !reading.contains("Welsh: reading ease"),
        "{reading}"
    );
}

#[test]
fn a_project_extends_the_word_list_and_makes_them_errors_or_turns_them_off() {
    let p = project();
    p.write(
        "content/hard-words.yaml",
        "# ours\nshift: turn\nutilise: ~\n",
    );
    let o = p.run(&["check"]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    let ours = warnings(&err);
    assert!(
        ours.iter()
            .any(|l| l.contains(":11:") && l.contains("'shifts' is a hard word: say 'turn'")),
        "{err}"
    );
    assert!(!ours.iter().any(|l| l.contains("'utilise'")), "{err}");
    // A mistake in the list: named at its line, and the check goes on.
    p.write("content/hard-words.yaml", "shift: [turn\n");
    let o = p.run(&["check"]);
    assert!(
        stderr(&o).contains("content/hard-words.yaml"),
        "{}",
        stderr(&o)
    );

    p.write("content/hard-words.yaml", "# none\n");
    p.write("careerpress.yaml", "plain_english: error\n");
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.lines()
            .any(|l| l.starts_with("error: ")
                && l.contains(":11:3: summary: a sentence of 30 words")),
        "{err}"
    );

    p.write("careerpress.yaml", "plain_english: off\n");
    let o = p.run(&["check"]);
    assert_exit(&o, 0);
    assert!(!stderr(&o).contains("plain English"), "{}", stderr(&o));
    assert!(!stdout(&o).contains("Reading:"), "{}", stdout(&o));

    p.write("careerpress.yaml", "plain_english: sometimes\n");
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("careerpress.yaml:1"), "{}", stderr(&o));
}
