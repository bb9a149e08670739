//! A handout careerpress itself made (DOCX, the tests' own PALS profile and
//! English trust) imported back: its facts, field by field, in the same
//! fields of the draft. Run with `-- --nocapture` for the table.

mod common;
mod import_support;

use careerpress::authoring::import;
use common::Project;

/// Each text leaf of the original profile as a fact line: `path | text`
/// (numbers as `path = n`).
fn facts_of(job: &careerpress::content::Job) -> String {
    let mut all = Vec::new();
    import_support::leaves(&serde_json::to_value(job).unwrap(), "", &mut all);
    let mut out = String::new();
    for (path, value) in all {
        // What the handout does not print: the profile's own bookkeeping.
        if path.starts_with("sources")
            || path == "last_reviewed"
            || path == "title_article"
            || path.ends_with(".source")
            || path == "unsorted"
        {
            continue;
        }
        if value.parse::<f64>().is_ok() {
            out.push_str(&format!("{path} = {value}\n"));
        } else {
            // A probe of the first words (the handout may join a lead-in).
            let probe: String = value
                .split_whitespace()
                .take(8)
                .collect::<Vec<_>>()
                .join(" ");
            out.push_str(&format!(
                "{path} | {}\n",
                probe.trim_end_matches(['.', ',', ':'])
            ));
        }
    }
    out
}

#[test]
fn a_careerpress_handout_imports_back_with_its_facts() {
    let p = Project::copy();
    let out = p.run(&["build", "--job", "pals-officer", "--format", "docx"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let handouts: Vec<(String, Vec<u8>)> = p
        .outputs()
        .into_iter()
        .filter(|(n, _)| n.ends_with(".docx"))
        .collect();
    assert!(!handouts.is_empty());
    // The English trust's handout.
    let (name, bytes) = handouts
        .iter()
        .find(|(n, _)| n.contains("eastbrook"))
        .unwrap_or(&handouts[0]);
    let input = import::read_input(name, bytes).unwrap();
    assert_eq!(input.form, import::Form::Word);
    let got = import::import(&[input], "2026-01-01").unwrap();
    let original = common::draft_job(&p.file("content/jobs/pals-officer.yaml"));
    let facts = facts_of(&original);
    let (score, misses) = import_support::score(&got, &facts, name);
    println!("handout {name} | facts | right | unsorted | wrong | lost");
    println!("{}", score.row("handout"));
    for m in &misses {
        println!("    {m}");
    }
    assert_eq!(got.job.title.as_str(), original.title.as_str());
    // The aim: at least 90% (measured 92.7%, 2026-12-07, with the
    // handout's own headings in the careerpress vocabulary file); what is
    // left is the contacts' addresses.
    assert!(
        score.pct(score.right) >= 90.0,
        "{}\n{}",
        score.row("handout"),
        misses.join("\n")
    );
}
