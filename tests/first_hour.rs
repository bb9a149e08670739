//! What a new careers officer meets in the first hour: mistakes explained
//! as what is wrong with the value written, with the fix.

mod common;

use common::{assert_exit, stderr, Project};

fn check_errors(p: &Project) -> String {
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    stderr(&o)
}

#[test]
fn a_quoted_colour_is_told_what_is_wrong_with_it_never_to_quote_it() {
    let brand = "content/brands/eastbrook-hospitals/brand.yaml";
    for (value, says) in [
        ("#005EB", "'#005EB' has 5 digits after the #"),
        ("005EB8", "'005EB8' starts without # (write \"#005EB8\")"),
        ("blue", "'blue' is not a colour"),
        ("#00G5B8", "'#00G5B8' has 'G', which is not a hex digit"),
    ] {
        let p = Project::copy();
        p.edit(
            brand,
            "primary: \"#005293\"",
            &format!("primary: \"{value}\""),
        );
        let e = check_errors(&p);
        let line = e
            .lines()
            .find(|l| l.contains("colours.primary"))
            .unwrap_or_else(|| panic!("{value}: {e}"));
        assert!(line.contains(says), "{value}: {line}");
        assert!(line.contains("six hex digits, e.g. \"#005EB8\""), "{line}");
        assert!(!line.contains("quote"), "{line}");
    }
}

#[test]
fn a_salary_written_as_a_range_is_told_to_use_the_two_fields() {
    let job = "content/jobs/pals-officer.yaml";
    let p = Project::copy();
    p.edit(job, "starter: 18200", "starter: £18,200 - £22,000");
    let e = check_errors(&p);
    assert!(
        e.contains("salary.starter: '18200 to 22000' is a range")
            && e.contains("`starter: 18200` and `experienced: 22000`"),
        "{e}"
    );
    let p = Project::copy();
    let text = p.read(job);
    let start = text.find("salary:\n").unwrap();
    let end = start + text[start..].find("\n  notes:").unwrap();
    p.write(
        job,
        format!(
            "{}salary: 18200-22000\nsalary_notes_removed:{}",
            &text[..start],
            &text[end..]
        ),
    );
    let e = check_errors(&p);
    assert!(
        e.contains("'18200 to 22000' is a range: give its two ends as two fields"),
        "{e}"
    );
}

#[test]
fn clean_with_errors_says_why_nothing_was_removed() {
    let p = Project::copy();
    assert_exit(&p.run(&["build"]), 0);
    // A job gone (stale documents) and a brand with a mistake.
    for ext in ["yaml", "cy.yaml"] {
        p.write(
            &format!("content/jobs/old-role.{ext}"),
            p.read(&format!("content/jobs/pals-officer.{ext}")),
        );
    }
    assert_exit(&p.run(&["build"]), 0);
    for ext in ["yaml", "cy.yaml"] {
        std::fs::remove_file(p.file(&format!("content/jobs/old-role.{ext}"))).unwrap();
    }
    p.edit(
        "content/brands/eastbrook-hospitals/brand.yaml",
        "primary: \"#005293\"",
        "primary: \"#00529\"",
    );
    let o = p.run(&["build", "--clean"]);
    let out = format!("{}{}", common::stdout(&o), stderr(&o));
    assert!(!out.contains("remove with --clean"), "{out}");
    assert!(
        out.contains("not removed: --clean removes nothing while there are errors"),
        "{out}"
    );
    assert!(p.file("output/glan-y-mor/old-role/summary.txt").exists());
}
