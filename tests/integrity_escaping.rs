//! Content prints exactly as written, whatever helper it goes through:
//! plain (`{{capitalise x}}`), nested (`{{capitalise (join xs "or")}}`), in
//! a block (`{{#each (half xs 1)}}`), or handed to a partial
//! (`{{> p v=(join …)}}`). Escaping for the markup happens once, where a
//! value is written out; a helper's result used inside another helper was
//! once escaped twice, printing `GP\'s surgery \(sometimes\)` in every
//! format. Checked in the text, the PDF (read back through its fonts) and
//! the DOCX (read back from its XML) and the web page (read back by an HTML5
//! parser), with content nobody wrote for the
//! templates: punctuation, markup characters, Handlebars braces, Welsh and
//! other scripts.

mod common;

use common::read::{docx_text, html_text, pdf_text, squash};
use common::{assert_exit, Project};

const PALS: &str = "content/jobs/pals-officer.yaml";

/// Values no template was written for. Each starts with a character that
/// `capitalise` and `lower_first` leave alone, so the expected text is the
/// value itself.
const LOCATIONS: [&str; 3] = [
    "(sometimes) in a GP's surgery",
    "#1 *St* Mary's [ward] {{job.title}} <b>x</b> & 100% \\ back_slash `code` ~tilde~ | pipe",
    "“in” Ysbyty Glan-y-Môr — ŵ ŷ £18,200 ½ ‘quoted’ Ελληνικά Русский",
];

const SKILLS: [&str; 3] = [
    "(1) listening: \"really\" listening",
    "-- not a list, > not a quote, = not a heading",
    "ŵ {{#each x}}loops{{/each}} ::: pagebreak",
];

/// The probe template: every helper, plain and nested, each line its own
/// paragraph with a label, so each can be found in every format.
const PROBE: &str = r#"P01 {{capitalise (join job.working_environment.locations "or")}} P01

P02 {{join job.working_environment.locations}} P02

P03 {{#each (half job.skills 1)}}{{capitalise this}} / {{/each}}P03

P04 {{#each (half job.skills 2)}}{{lower_first this}} / {{/each}}P04

P05 {{> probe-echo value=(join job.skills "or")}} P05

P06 {{#with job.working_environment}}{{capitalise (lower_first (join locations))}}{{/with}} P06

P07 {{capitalise (capitalise (capitalise (join job.skills "and")))}} P07

P08 {{#each job.working_environment.locations}}[{{this}}]{{/each}} P08

P09 {{salary_range job.salary.starter job.salary.experienced}} P09
"#;

fn join(items: &[&str], conj: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} {conj} {last}", init.join(", ")),
    }
}

/// What each probe line must read, from the values alone.
fn expected() -> Vec<(String, String)> {
    let loc = LOCATIONS;
    let skills = SKILLS;
    let first_half = &skills[..2];
    let second_half = &skills[2..];
    let each = |items: &[&str]| items.iter().map(|s| format!("{s} / ")).collect::<String>();
    vec![
        ("P01".into(), join(&loc, "or")),
        ("P02".into(), join(&loc, "and")),
        ("P03".into(), each(first_half)),
        ("P04".into(), each(second_half)),
        ("P05".into(), format!("[{}]", join(&skills, "or"))),
        ("P06".into(), join(&loc, "and")),
        ("P07".into(), join(&skills, "and")),
        (
            "P08".into(),
            loc.iter().map(|s| format!("[{s}]")).collect::<String>(),
        ),
        ("P09".into(), "£18,200 to £22,000".into()),
    ]
}

/// A YAML list of `items` indented by `indent`, each quoted.
fn yaml_list(items: &[&str], indent: &str) -> String {
    items
        .iter()
        .map(|s| format!("{indent}- {}\n", serde_json::to_string(s).unwrap()))
        .collect()
}

/// `text` with the list under the line `key` replaced by `items`.
fn replace_list(text: &str, key: &str, items: &[&str]) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        if line == key {
            let indent: String = lines
                .peek()
                .map(|l| l.chars().take_while(|c| *c == ' ').collect())
                .unwrap_or_default();
            while lines.peek().is_some_and(|l| {
                l.starts_with(&format!("{indent}- ")) || l.starts_with(&format!("{indent}  "))
            }) {
                lines.next();
            }
            out.push_str(&yaml_list(items, &indent));
        }
    }
    out
}

fn project() -> Project {
    let p = Project::copy();
    let text = replace_list(&p.read(PALS), "  locations:", &LOCATIONS);
    let text = replace_list(&text, "skills:", &SKILLS);
    p.write(PALS, text);
    // The probe builds for the English trust: the Welsh, with its own
    // lists, is not this test's.
    std::fs::remove_file(p.file("content/jobs/pals-officer.cy.yaml")).unwrap();
    p.write("templates/partials/probe-echo.hbs", "[{{value}}]");
    for ext in ["txt", "pdf", "docx", "html"] {
        p.write(&format!("templates/probe-{ext}.{ext}.hbs"), PROBE);
    }
    p
}

/// The text between `label` and its closing `label`, squashed.
fn probe(text: &str, label: &str) -> String {
    let flat = squash(text);
    let start = flat
        .find(&format!("{label} "))
        .unwrap_or_else(|| panic!("{label} not found in:\n{flat}"))
        + label.len()
        + 1;
    let end = flat[start..]
        .find(&format!(" {label}"))
        .or_else(|| flat[start..].find(label))
        .unwrap_or_else(|| panic!("{label} is not closed in:\n{flat}"))
        + start;
    flat[start..end].trim().to_string()
}

#[test]
fn every_helper_plain_or_nested_prints_content_exactly_as_written() {
    let p = project();
    let o = p.run(&[
        "build",
        "--template",
        "probe-txt",
        "--template",
        "probe-pdf",
        "--template",
        "probe-docx",
        "--template",
        "probe-html",
        "--brand",
        "eastbrook-hospitals",
    ]);
    assert_exit(&o, 0);
    let dir = p.file("output/eastbrook-hospitals/pals-officer");
    let texts = [
        (
            "TXT",
            std::fs::read_to_string(dir.join("probe-txt.txt")).unwrap(),
        ),
        (
            "PDF",
            pdf_text(&std::fs::read(dir.join("probe-pdf.pdf")).unwrap()),
        ),
        (
            "DOCX",
            docx_text(&std::fs::read(dir.join("probe-docx.docx")).unwrap()),
        ),
        (
            "HTML",
            html_text(&std::fs::read(dir.join("probe-html.html")).unwrap()),
        ),
    ];
    for (format, text) in &texts {
        // The only backslash is the one the content has.
        let bare: String = text.split_whitespace().collect();
        assert!(
            !bare.replace("\\back_slash", "").contains('\\'),
            "{format}: {text}"
        );
        for (label, want) in expected() {
            // Printed formats set typographic punctuation (’ “ ” –); plain
            // text keeps it as typed.
            let mut want = want;
            if *format != "TXT" {
                careerpress::document::typography::smarten_str(&mut want, "en-GB");
            }
            // Lines may break after any space or slash: compare the
            // characters, which is where a stray backslash would show.
            let bare = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(
                bare(&probe(text, &label)),
                bare(&want),
                "{format}, {label}: printed differently from the content"
            );
        }
    }
}

#[test]
fn the_key_facts_partial_prints_a_location_with_punctuation_as_written() {
    // The very case that printed `In a GP\'s surgery \(sometimes\)`: the
    // key-facts partial, in the leaflet, the handout, the summary and the
    // applicant email.
    let p = Project::copy();
    p.edit(
        PALS,
        "    - in a hospital\n",
        "    - \"in a GP's surgery (sometimes)\"\n",
    );
    assert_exit(&p.run(&["build", "--brand", "eastbrook-hospitals"]), 0);
    let dir = p.file("output/eastbrook-hospitals/pals-officer");
    let want = "In a GP's surgery (sometimes) or in the community";
    let curly = "In a GP’s surgery (sometimes) or in the community";
    let txt = std::fs::read_to_string(dir.join("summary.txt")).unwrap();
    let pdf = pdf_text(&std::fs::read(dir.join("leaflet.pdf")).unwrap());
    let docx = docx_text(&std::fs::read(dir.join("handout.docx")).unwrap());
    let html = html_text(&std::fs::read(dir.join("page.html")).unwrap());
    for (format, text, want) in [
        ("TXT", txt, want),
        ("PDF", pdf, curly),
        ("DOCX", docx, curly),
        ("HTML", html, curly),
    ] {
        assert!(squash(&text).contains(want), "{format}:\n{text}");
        assert!(
            !text.contains("GP\\'s"),
            "{format}: a backslash was printed"
        );
    }
    p.write(
        "applicants.csv",
        "name,email,job,brand\nAnn,ann@example.org,pals-officer,eastbrook-hospitals\n",
    );
    let o = p.run(&["mail", &p.file("applicants.csv").display().to_string()]);
    assert_exit(&o, 0);
    let eml =
        std::fs::read(p.file("output/mail/eastbrook-hospitals/pals-officer--ann@example.org.eml"))
            .unwrap();
    let msg = mail_parser::MessageParser::default().parse(&eml).unwrap();
    let body = msg.body_text(0).unwrap();
    assert!(!body.contains('\\'), "{body}");
    assert!(
        squash(&body).contains(want) || squash(&body).contains("GP's surgery (sometimes)"),
        "{body}"
    );
}
