//! `careerpress import` on careers pages written the way each site presents
//! them (National Careers Service today, 2019 and 2012, Health Careers,
//! Prospects, My World of Work, job guides), with the furniture where the
//! sites put it. Each page has a `.facts` file saying where every fact of
//! the page belongs and which lines are furniture. Per page, at least 80%
//! of the facts must land in the right field, at most 5% may be lost, and
//! no furniture may reach the draft.
//!
//! `tests/import_pages/tuned/` are the pages the importer was developed
//! on (twelve first, then eight written as a held-back set, measured once
//! and then used to fix what they showed). `tests/import_pages/unseen/`
//! were written after that and are not used to tune the heuristics: their
//! first measurement found two outright bugs (a working pattern losing its
//! first words, "work in a team with …" read as places), which were fixed;
//! their other misses are left as they are, so their figures show how the
//! importer does on pages it was not tuned for.
//!
//! The `.facts` format is described in `tests/import_support`.

mod common;
mod import_support;

use careerpress::authoring::import::{self, Input};
use careerpress::authoring::schema;
use careerpress::content::{parse_job, yaml};
use import_support::Score;
use std::path::{Path, PathBuf};

/// Imports one page and scores it against its facts; also the misses.
fn score(page: &Path) -> (Score, Vec<String>, String) {
    let text = std::fs::read_to_string(page).unwrap();
    let facts = std::fs::read_to_string(page.with_extension("facts")).unwrap();
    let got = import::import(
        &[Input::plain(
            &page.file_name().unwrap().to_string_lossy(),
            &text,
        )],
        "2026-01-01",
    )
    .unwrap_or_else(|e| panic!("{}: {e}", page.display()));
    // The draft is a valid profile as written, for the loader and for the
    // JSON Schema editors check it against.
    if let Err(e) = parse_job(page, got.yaml.as_bytes()) {
        common::assert_only_draft_problems(&e, &format!("{}\n{}", page.display(), got.yaml));
    }
    let as_json: serde_json::Value = yaml::parse(page, got.yaml.as_bytes()).unwrap();
    let validator =
        jsonschema::validator_for(&schema::schema_file("job").unwrap().value()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&as_json)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}: {errors:?}", page.display());
    let (s, misses) = import_support::score(&got, &facts, &page.display().to_string());
    (s, misses, got.yaml)
}

fn pages(set: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import_pages")
        .join(set);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

/// Scores every page of a set, prints the table, and checks the aims.
fn check_set(set: &str) {
    let pages = pages(set);
    assert!(pages.len() >= 6, "{set}: {} pages", pages.len());
    let mut failures = Vec::new();
    let mut total = Score::default();
    println!("{set}: page | facts | right | unsorted | wrong | lost | furniture");
    for page in &pages {
        let (s, misses, yaml) = score(page);
        let name = page.file_stem().unwrap().to_string_lossy();
        println!("{}", s.row(&name));
        for m in &misses {
            println!("    {m}");
        }
        total.add(&s);
        if s.pct(s.right) < 80.0 || s.pct(s.lost) > 5.0 || s.furniture > 0 {
            failures.push(format!("{name}: {s:?}\n{}\n{yaml}", misses.join("\n")));
        }
    }
    println!("{}", total.row(&format!("{set} overall")));
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn tuned_pages_place_their_facts() {
    check_set("tuned");
}

#[test]
fn unseen_pages_place_their_facts() {
    check_set("unseen");
}
