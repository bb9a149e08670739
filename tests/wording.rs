//! What the templates say (the tests' copy of the bundled ones), read back
//! from the documents: fixed
//! hours are one figure, a salary note starts its sentence with a capital,
//! a route's requirements follow its heading without a second colon, and a
//! template's misspelt field is named once, with the nearest real one.

mod common;

use common::{assert_exit, stderr, Project};

const PALS: &str = "content/jobs/pals-officer.yaml";

fn markup(p: &Project, template: &str) -> String {
    markup_for(p, template, "eastbrook-hospitals")
}

fn markup_for(p: &Project, template: &str, brand: &str) -> String {
    let o = p.run(&[
        "markup",
        "--template",
        template,
        "--job",
        "pals-officer",
        "--brand",
        brand,
    ]);
    assert_exit(&o, 0);
    common::stdout(&o)
}

#[test]
fn hours_notes_and_requirements_read_as_sentences() {
    let p = Project::copy();
    p.edit(
        PALS,
        "working_hours:\n",
        "working_hours:\n  hours_per_week:\n    min: 37.5\n    max: 37.5\n",
    );
    p.edit(PALS, "    - who: Managers", "    - who: managers");
    for template in ["summary", "leaflet", "handout"] {
        let m = markup(&p, template);
        assert!(m.contains("37\\.5 hours a week"), "{template}: {m}");
        assert!(!m.contains(" to 37\\.5"), "{template}: {m}");
    }
    // In Welsh too: the Welsh board's documents, each section in Welsh.
    let welsh = markup_for(&p, "summary", "glan-y-mor");
    assert!(welsh.contains("37\\.5 awr yr wythnos"), "{welsh}");
    assert!(!welsh.contains(" i 37\\.5"), "{welsh}");
    let handout = markup(&p, "handout");
    assert!(handout.contains("Managers can earn around"), "{handout}");
    assert!(!handout.contains("managers can earn"), "{handout}");

    let o = p.run(&["build", "--format", "txt", "--brand", "eastbrook-hospitals"]);
    assert_exit(&o, 0);
    let txt = p.read("output/eastbrook-hospitals/pals-officer/summary.txt");
    assert!(!txt.contains(": You'll usually need:"), "{txt}");
    assert!(
        txt.contains("College\n-------\n\nYou'll usually need:"),
        "{txt}"
    );

    // A range stays a range.
    p.edit(PALS, "    max: 37.5\n", "    max: 40\n");
    assert!(markup(&p, "summary").contains("37\\.5 to 40 hours a week"));
}

#[test]
fn a_misspelt_field_in_a_template_is_named_once_with_the_nearest() {
    let p = Project::copy();
    let handout = p.read("templates/handout.docx.hbs");
    p.write(
        "templates/handout.docx.hbs",
        handout.replace("date job.last_reviewed", "date job.last_reviewd"),
    );
    let want = "the field 'job.last_reviewd' does not exist (did you mean 'job.last_reviewed'?)";
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    assert_eq!(stderr(&o).matches(want).count(), 1, "{}", stderr(&o));
    let o = p.run(&["build", "--format", "docx"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert_eq!(err.matches(want).count(), 1, "{err}");
    assert!(err.contains("(stopped 2 documents: "), "{err}");
    // Inside a helper's list, and inside {{#each}}, too.
    p.write(
        "templates/extra.txt.hbs",
        "{{#each (half job.skils 1)}}{{this}}{{/each}}\n",
    );
    let o = p.run(&["check"]);
    assert!(
        stderr(&o).contains("the field 'job.skils' does not exist (did you mean 'job.skills'?)"),
        "{}",
        stderr(&o)
    );
    // The catalogue's helpers: a named value of {{t}}, and any helper's
    // field inside {{#each_language}} (the Welsh text as well as the English).
    for (line, wrong, right) in [
        (
            "{{#each_language}}{{t \"also-known-as\" titles=job.alternative_title}}{{/each_language}}",
            "job.alternative_title",
            "job.alternative_titles",
        ),
        (
            "{{#each_language}}{{salary_range job.salary.startr job.salary.experienced}}{{/each_language}}",
            "job.salary.startr",
            "job.salary.starter",
        ),
        (
            "{{#each_language}}{{a_an (lower_first job.tilte)}}{{/each_language}}",
            "job.tilte",
            "job.title",
        ),
    ] {
        p.write("templates/extra.txt.hbs", format!("{line}\n"));
        let o = p.run(&["check"]);
        assert_exit(&o, 1);
        let want = format!("the field '{wrong}' does not exist (did you mean '{right}'?)");
        assert_eq!(stderr(&o).matches(&want).count(), 1, "{want}\n{}", stderr(&o));
    }
}
