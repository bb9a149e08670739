//! Translations (`<id>.cy.yaml`, `brand.cy.yaml`) are read as every content
//! file is: every mistake of the file in one run, each at its line and
//! column with its field, in plain words with the fix; a value left empty
//! is a thing to fill in. The English documents are built all the same.

mod common;

use common::{assert_exit, stderr, Project};

const JOB_CY: &str = "content/jobs/pals-officer.cy.yaml";
const BRAND_CY: &str = "content/brands/glan-y-mor/brand.cy.yaml";

/// Lines of stderr about one file, without the project's folder.
fn about(err: &str, file: &str) -> Vec<String> {
    err.lines()
        .filter(|l| l.contains(&format!("{file}:")))
        .map(|l| l.to_string())
        .collect()
}

fn line_of(p: &Project, rel: &str, start: &str) -> usize {
    p.read(rel)
        .lines()
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("{start:?} not in {rel}"))
        + 1
}

#[test]
fn every_mistake_of_a_translation_in_one_run_in_plain_words() {
    let p = Project::copy();
    // Four mistakes in the Welsh job: text with ': ', a misspelt field, a
    // tab, and a list where text belongs.
    p.edit(
        JOB_CY,
        "title: Swyddog y gwasanaeth cyngor a chyswllt cleifion (PALS)",
        "title: Swyddog PALS: cyngor a chyswllt cleifion",
    );
    p.edit(JOB_CY, "alternative_titles:\n", "alternativ_titles:\n");
    p.edit(
        JOB_CY,
        "    - Goruchwylio a chydlynu gwirfoddolwyr PALS.",
        "\t- Goruchwylio a chydlynu gwirfoddolwyr PALS.",
    );
    let summary = p.read(JOB_CY);
    let start = summary.find("summary: >-\n").unwrap();
    let end = start + summary[start..].find("\n\n").unwrap();
    p.write(
        JOB_CY,
        format!(
            "{}summary:\n  - Mae PALS yn helpu.\n  - Cymorth a chyngor.{}",
            &summary[..start],
            &summary[end..]
        ),
    );
    // Three in the Welsh brand: a misspelt field, text with ': ' and an
    // empty value.
    p.edit(BRAND_CY, "short_name:", "short_nme:");
    p.edit(
        BRAND_CY,
        "  hours: Dydd Llun i ddydd Gwener, 9am i 5pm",
        "  hours: Oriau: Dydd Llun i ddydd Gwener",
    );
    p.edit(
        BRAND_CY,
        "  service: Gwasanaeth Cyngor a Chyswllt Cleifion (PALS)",
        "  service: \"\"",
    );

    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    let job = about(&err, "pals-officer.cy.yaml");
    let brand = about(&err, "brand.cy.yaml");
    let says = |lines: &[String], place: String, what: &str, fix: &str| {
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&place) && l.contains(what) && l.contains(fix)),
            "{place} {what} … {fix}:\n{err}"
        );
    };
    let at = |start: &str| format!("pals-officer.cy.yaml:{}:", line_of(&p, JOB_CY, start));
    says(
        &job,
        at("title:"),
        "title: the text of `title` contains ': '",
        "put the text in quotes",
    );
    says(
        &job,
        at("alternativ_titles:"),
        "unknown field 'alternativ_titles'",
        "did you mean 'alternative_titles'?",
    );
    says(
        &job,
        at("  - Mae PALS"),
        "summary: summary is text, not a list",
        "without `- `",
    );
    says(
        &job,
        at("\t- Goruchwylio"),
        "duties.tasks[5]",
        "indented with a tab",
    );
    let at = |start: &str| format!("brand.cy.yaml:{}:", line_of(&p, BRAND_CY, start));
    says(
        &brand,
        at("short_nme:"),
        "unknown field 'short_nme'",
        "did you mean 'short_name'?",
    );
    says(
        &brand,
        at("  hours:"),
        "contact.hours: the text of `hours` contains ': '",
        "put the text in quotes",
    );
    says(
        &brand,
        at("  service:"),
        "todo: ",
        "contact.service: to fill in: ",
    );
    // Plain words only, and no second, vaguer line about the same files.
    for l in job.iter().chain(&brand) {
        for jargon in ["Option<", "scalar", "sequence", "deserializ", "mapping"] {
            assert!(!l.contains(jargon), "{jargon}: {l}");
        }
    }
    assert!(!err.contains("no Welsh text yet"), "{err}");
    assert!(!err.contains("could not be read"), "{err}");
    // Every field of a translation may be left out, but a section left out
    // is text the Welsh documents lack: no advice to delete one.
    assert!(!err.contains("or delete the optional"), "{err}");

    // With the brand put right: the English documents are built, the
    // Welsh board's are held back, saying why.
    p.write(
        BRAND_CY,
        std::fs::read(common::fixture().join(BRAND_CY)).unwrap(),
    );
    let o = p.run(&["build", "--format", "txt"]);
    assert_exit(&o, 1);
    assert!(p
        .file("output/eastbrook-hospitals/pals-officer/summary.txt")
        .is_file());
    assert!(!p
        .file("output/glan-y-mor/pals-officer/summary.txt")
        .exists());
    assert!(
        stderr(&o).contains("so its documents in Welsh were not built"),
        "{}",
        stderr(&o)
    );
}
