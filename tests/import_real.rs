//! `careerpress import` on real careers pages of many sites
//! (`tests/import_pages/real/`: stored public copies, not written by the
//! team), scored against fact tables written before the importer was run on
//! them. `HELD_BACK` lists the pages never used to tune the importer; their
//! figures are the ones the README reports. Run
//! `cargo test --test import_real -- --nocapture` to see the table.
//!
//! Aims: on pages of sites the importer has no vocabulary for, at least 75%
//! of facts in the right field, at most 5% lost and almost no furniture; on
//! known sites at least 85% and no furniture.

mod import_support;

use careerpress::authoring::import;
use import_support::Score;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import_pages/real")
}

fn held_back() -> Vec<String> {
    std::fs::read_to_string(dir().join("HELD_BACK"))
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Whether the page's `.source` says its site is a known one.
fn known(name: &str) -> bool {
    let s = std::fs::read_to_string(dir().join(format!("{name}.source"))).unwrap();
    s.lines().any(|l| l.starts_with("site: known"))
}

struct Row {
    name: String,
    held_back: bool,
    known: bool,
    score: Score,
    misses: Vec<String>,
}

fn rows() -> Vec<Row> {
    rows_with(false)
}

/// The pages read with no site's vocabulary file when `generic` (the
/// generic reader alone).
fn rows_with(generic: bool) -> Vec<Row> {
    let held = held_back();
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for h in &held {
        assert!(
            names.contains(h),
            "HELD_BACK names {h}, which is not a page"
        );
    }
    names
        .into_iter()
        .map(|name| {
            let path = dir().join(format!("{name}.txt"));
            let bytes = std::fs::read(&path).unwrap();
            let input = import::read_input(&format!("{name}.txt"), &bytes)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let run = || import::import(&[input], "2026-01-01");
            let got = if generic {
                import::without_site_hints(run)
            } else {
                run()
            }
            .unwrap_or_else(|e| panic!("{name}: {e}"));
            let facts = std::fs::read_to_string(dir().join(format!("{name}.facts"))).unwrap();
            let (score, misses) = import_support::score(&got, &facts, &name);
            Row {
                held_back: held.contains(&name),
                known: known(&name),
                name,
                score,
                misses,
            }
        })
        .collect()
}

/// Prints a set's table and gives its total. The misses of held-back
/// pages are shown only when asked for (`IMPORT_SHOW_HELD_BACK=1`), so that
/// nobody tunes on them by reading them.
fn table(title: &str, rows: &[&Row]) -> Score {
    println!("\n{title}: page | facts | right | unsorted | wrong | lost | furniture");
    let show = std::env::var_os("IMPORT_SHOW_HELD_BACK").is_some();
    let mut total = Score::default();
    for r in rows {
        println!("{}", r.score.row(&r.name));
        for m in r.misses.iter().filter(|_| show || !r.held_back) {
            println!("    {m}");
        }
        total.add(&r.score);
    }
    println!("{}", total.row(&format!("{title}, all")));
    total
}

#[test]
fn real_pages_place_their_facts() {
    let rows = rows();
    let pick = |held: bool, known: bool| -> Vec<&Row> {
        rows.iter()
            .filter(|r| r.held_back == held && r.known == known)
            .collect()
    };
    let tuned_known = table("tuning set, known sites", &pick(false, true));
    let tuned_unseen = table("tuning set, unseen sites", &pick(false, false));
    let held_known = table("held back, known sites", &pick(true, true));
    let held_unseen = table("held back, unseen sites", &pick(true, false));
    println!("\nsummary | facts | right | unsorted | wrong | lost | furniture");
    for (t, s) in [
        ("tuning, known", tuned_known),
        ("tuning, unseen", tuned_unseen),
        ("held back, known", held_known),
        ("held back, unseen", held_unseen),
    ] {
        println!("{}", s.row(t));
    }
    // The generic reader alone, without any site's vocabulary file: it
    // must read every page, and the hints only add to it.
    let mut generic = Score::default();
    for r in rows_with(true) {
        generic.add(&r.score);
    }
    let mut with_hints = Score::default();
    for r in &rows {
        with_hints.add(&r.score);
    }
    println!("{}", generic.row("all pages, no site hints"));
    println!("{}", with_hints.row("all pages, with site hints"));
    assert!(generic.pct(generic.right) >= 66.0);
    // Floors at what is reached (2026-12-07), so it cannot slip unseen;
    // the aims (75% / 85%) are not all met yet: see the README.
    assert!(tuned_known.pct(tuned_known.right) >= 80.0);
    assert!(tuned_unseen.pct(tuned_unseen.right) >= 69.0);
    assert!(held_known.pct(held_known.right) >= 85.0);
    assert!(held_unseen.pct(held_unseen.right) >= 62.0);
}
