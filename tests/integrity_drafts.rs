//! A profile that still has placeholders is a draft: `check` names each
//! placeholder's file, line and field; `build` leaves drafts out (exit 1,
//! saying which and why) unless `--draft`, and then the documents say DRAFT;
//! numbers that are no numbers (0 pounds, `.nan`, `.inf`) are refused
//! wherever a number is read.

mod common;

use common::{assert_exit, stderr, stdout, Project};

const PALS: &str = "content/jobs/pals-officer.yaml";
const NURSE: &str = "content/jobs/nurse.yaml";

/// A second job made from the PALS profile, as an import or `new` leaves
/// it: a placeholder value, and a field flagged for a person to check.
fn with_draft() -> Project {
    let p = Project::copy();
    let pals = p.read(PALS);
    let draft = pals
        .replace(
            "title: Patient advice and liaison service (PALS) officer",
            "title: TODO job title",
        )
        .replace(
            "last_reviewed: ",
            "last_reviewed:   # TODO: the date a person checked the profile\n  ",
        );
    assert_ne!(draft, pals);
    p.add_job("nurse", &draft);
    p
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect(needle) + 1
}

#[test]
fn check_names_every_placeholder_with_its_line_and_field() {
    let p = with_draft();
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    let text = p.read(NURSE);
    let file = p.file(NURSE).display().to_string();
    let title = line_of(&text, "title: TODO");
    let reviewed = line_of(&text, "# TODO: the date");
    assert!(
        err.contains(&format!(
            "{file}:{title}:8: title: 'TODO job title' is a placeholder (TODO): write the real text"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{file}:{reviewed}: last_reviewed: marked TODO")),
        "{err}"
    );
    assert!(!stdout(&o).contains("All good"));
}

#[test]
fn build_leaves_drafts_out_unless_asked_and_then_marks_them() {
    let p = with_draft();
    let o = p.run(&["build", "--format", "txt"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "{}: a draft: 2 placeholders still in it, so its documents were not built",
            p.file(NURSE).display()
        )) && err.contains("--draft"),
        "{err}"
    );
    assert!(!p.file("output/eastbrook-hospitals/nurse").exists());
    let pals = p.read("output/eastbrook-hospitals/pals-officer/summary.txt");
    assert!(!pals.contains("DRAFT"), "finished profiles are not marked");

    // Asked for by name, a draft is still reported, not an unknown id.
    let o = p.run(&["build", "--job", "nurse", "--format", "txt"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("a draft"), "{}", stderr(&o));

    let o = p.run(&["build", "--draft", "--format", "txt"]);
    assert_exit(&o, 0);
    assert!(stderr(&o).contains("warning:") && stderr(&o).contains("DRAFT"));
    for brand in ["eastbrook-hospitals", "glan-y-mor"] {
        let txt = p.read(&format!("output/{brand}/nurse/summary.txt"));
        let lines: Vec<&str> = txt.lines().collect();
        assert!(lines[0].contains("DRAFT – not for publication"), "{txt}");
        assert!(lines[lines.len() - 1].contains("DRAFT – not for publication"));
        if brand == "eastbrook-hospitals" {
            assert!(txt.contains("TODO job title"));
        }
    }

    // Finished, it is built unmarked (its draft documents are not "up to date").
    p.edit(NURSE, "title: TODO job title", "title: Nurse");
    p.edit(
        NURSE,
        "last_reviewed:   # TODO: the date a person checked the profile\n  ",
        "last_reviewed: ",
    );
    let o = p.run(&["build", "--format", "txt"]);
    assert_exit(&o, 0);
    let txt = p.read("output/eastbrook-hospitals/nurse/summary.txt");
    assert!(!txt.contains("DRAFT") && txt.contains("Nurse"), "{txt}");
}

#[test]
fn an_import_draft_never_passes_check() {
    let p = Project::copy();
    let seed = common::repo().join("tests/authoring_seeds/job-guide.txt");
    let o = p.run(&["import", &seed.display().to_string(), "--id", "pals-draft"]);
    assert_exit(&o, 0);
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("pals-draft.yaml:"), "{}", stderr(&o));
    let o = p.run(&["build", "--job", "pals-draft"]);
    assert_exit(&o, 1);
    assert!(!p.file("output/eastbrook-hospitals/pals-draft").exists());
}

#[test]
fn numbers_that_are_no_numbers_are_refused_where_they_are_read() {
    let cases: [(&str, &str, &str, &str); 5] = [
        (
            "  starter: 18200\n",
            "  starter: 0\n",
            "salary.starter: £0 is not a starter's salary",
            "starter: 0",
        ),
        (
            "working_hours:\n",
            "working_hours:\n  hours_per_week:\n    min: 37\n    max: .nan\n",
            "working_hours.hours_per_week.max: expected a number: .nan and .inf are not numbers",
            "max: .nan",
        ),
        (
            "working_hours:\n",
            "working_hours:\n  hours_per_week:\n    min: .inf\n    max: 40\n",
            "working_hours.hours_per_week.min: expected a number",
            "min: .inf",
        ),
        (
            "working_hours:\n",
            "working_hours:\n  hours_per_week:\n    min: 0\n    max: 0\n",
            "working_hours.hours_per_week: 0 to 0 is not a range of hours a week",
            "hours_per_week:",
        ),
        (
            "      around: 34200\n",
            "      around: 0\n",
            "salary.notes[1].around: £0 is not a salary",
            "around: 0",
        ),
    ];
    for (from, to, message, at) in cases {
        let p = Project::copy();
        p.edit(PALS, from, to);
        let text = p.read(PALS);
        for args in [&["check"][..], &["build", "--format", "txt"][..]] {
            let o = p.run(args);
            assert_exit(&o, 1);
            let want = format!("{}:{}:", p.file(PALS).display(), line_of(&text, at));
            assert!(
                stderr(&o).contains(&want) && stderr(&o).contains(message),
                "{args:?} {to:?}: want {want} … {message}\n{}",
                stderr(&o)
            );
            assert!(!p.file("output/eastbrook-hospitals/pals-officer").exists());
        }
    }
    // A template's own numbers too.
    let p = Project::copy();
    p.edit(
        "templates/summary.txt.hbs",
        "text_width: 72",
        "text_width: 72\nbody_pt: .nan",
    );
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("summary.txt.hbs:3:10: template settings: body_pt: expected a number"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn whole_hours_print_as_people_write_them() {
    let p = Project::copy();
    p.edit(
        PALS,
        "working_hours:\n",
        "working_hours:\n  hours_per_week:\n    min: 37.0\n    max: 39.5\n",
    );
    assert_exit(&p.run(&["build", "--format", "txt"]), 0);
    let txt = p.read("output/eastbrook-hospitals/pals-officer/summary.txt");
    assert!(txt.contains("37 to 39.5 hours a week"), "{txt}");
    assert!(!txt.contains("37.0"), "{txt}");
}
