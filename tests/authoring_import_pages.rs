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
//! The `.facts` format, one fact a line:
//! - `path | text`: the text is in a field under `path` (paths without list
//!   indices, alternatives separated by `,`; `unsorted` for facts no field
//!   of the model holds);
//! - `path = value`: the field at `path` has that value (a number or text);
//! - `! text`: furniture, nowhere in the draft.

mod common;

use careerpress::authoring::import::{self, Input};
use careerpress::authoring::schema;
use careerpress::content::{parse_job, yaml};
use std::path::{Path, PathBuf};

/// Every leaf of a value: its path (no indices) and its text.
fn leaves(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                leaves(v, &p, out);
            }
        }
        serde_json::Value::Array(a) => {
            for v in a {
                leaves(v, path, out);
            }
        }
        serde_json::Value::String(s) => out.push((path.to_string(), s.clone())),
        serde_json::Value::Number(n) => out.push((path.to_string(), n.to_string())),
        _ => {}
    }
}

/// Text compared loosely: lower case, straight quotes, single spaces, no
/// final full stop.
fn norm(s: &str) -> String {
    s.replace(['’', '‘'], "'")
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .to_string()
}

#[derive(Debug, Default, Clone, Copy)]
struct Score {
    facts: usize,
    right: usize,
    unsorted: usize,
    wrong: usize,
    lost: usize,
    furniture: usize,
}

impl Score {
    /// A row of the table: name | facts | right | unsorted | wrong | lost | furniture.
    fn row(&self, name: &str) -> String {
        format!(
            "{name} | {} | {:.1}% | {:.1}% | {:.1}% | {:.1}% | {}",
            self.facts,
            self.pct(self.right),
            self.pct(self.unsorted),
            self.pct(self.wrong),
            self.pct(self.lost),
            self.furniture
        )
    }

    fn pct(&self, n: usize) -> f64 {
        if self.facts == 0 {
            0.0
        } else {
            100.0 * n as f64 / self.facts as f64
        }
    }
}

/// Imports one page and scores it against its facts; also the misses.
fn score(page: &Path) -> (Score, Vec<String>, String) {
    let text = std::fs::read_to_string(page).unwrap();
    let facts = std::fs::read_to_string(page.with_extension("facts")).unwrap();
    let got = import::import(
        &[Input {
            name: page.file_name().unwrap().to_string_lossy().into_owned(),
            text,
        }],
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
    let mut all = Vec::new();
    leaves(&serde_json::to_value(&got.job).unwrap(), "", &mut all);
    // Sources describe the pages; they hold no facts of the job.
    all.retain(|(p, _)| !p.starts_with("sources") && p != "last_reviewed" && p != "title_article");
    let mut s = Score::default();
    let mut misses = Vec::new();
    for line in facts
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if let Some(probe) = line.strip_prefix('!') {
            let probe = norm(probe);
            // A one-word probe ("Register") is furniture as a value of its own.
            let hit = |v: &str| {
                if probe.contains(' ') {
                    norm(v).contains(&probe)
                } else {
                    norm(v) == probe
                }
            };
            if let Some((p, v)) = all.iter().find(|(_, v)| hit(v)) {
                s.furniture += 1;
                misses.push(format!("FURNITURE {probe:?} in {p}: {v}"));
            }
            continue;
        }
        s.facts += 1;
        let (paths, probe, exact) = match (line.split_once(" = "), line.split_once(" | ")) {
            (Some((p, v)), _) => (p, v, true),
            (None, Some((p, v))) => (p, v, false),
            _ => panic!("{}: bad fact line {line:?}", page.display()),
        };
        let probe = norm(probe);
        let paths: Vec<&str> = paths.split(',').map(str::trim).collect();
        let under = |p: &str| {
            paths
                .iter()
                .any(|e| p == *e || p.starts_with(&format!("{e}.")))
        };
        let matches = |v: &str| {
            if exact {
                match (v.parse::<f64>(), probe.parse::<f64>()) {
                    (Ok(a), Ok(b)) => a == b,
                    _ => norm(v) == probe,
                }
            } else {
                norm(v).contains(&probe)
            }
        };
        let found: Vec<&(String, String)> = all.iter().filter(|(_, v)| matches(v)).collect();
        let in_unsorted = all
            .iter()
            .any(|(p, v)| p == "unsorted" && norm(v).contains(&probe.replace(',', "")))
            || all
                .iter()
                .any(|(p, v)| p == "unsorted" && norm(v).contains(&probe));
        if found.iter().any(|(p, _)| under(p)) {
            s.right += 1;
        } else if in_unsorted || found.iter().any(|(p, _)| p == "unsorted") {
            s.unsorted += 1;
            misses.push(format!("UNSORTED {line}"));
        } else if let Some((p, v)) = found.first() {
            s.wrong += 1;
            misses.push(format!("WRONG {line}  (in {p}: {v})"));
        } else {
            s.lost += 1;
            misses.push(format!("LOST {line}"));
        }
    }
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
        total.facts += s.facts;
        total.right += s.right;
        total.unsorted += s.unsorted;
        total.wrong += s.wrong;
        total.lost += s.lost;
        total.furniture += s.furniture;
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
