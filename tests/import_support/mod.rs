//! Scoring an import against a page's fact table, for the tests on the
//! team's pages (`authoring_import_pages.rs`), on real pages
//! (`import_real.rs`) and on careerpress's own handout (`import_docx.rs`).
//!
//! The `.facts` format, one fact a line (`#` starts a comment):
//! - `path | text`: the text is in a field under `path` (paths without list
//!   indices, alternatives separated by `,`; `unsorted` for facts no field
//!   of the model holds);
//! - `path = value`: the field at `path` has that value (a number or text;
//!   alternatives of `path` as above, alternatives of the value with `,`
//!   only for text);
//! - `! text`: furniture, nowhere in the draft.
//!
//! A fact is *right* when it is in one of its fields, *unsorted* when it is
//! only under `unsorted`, *wrong* when it is in another field, and *lost*
//! when it is nowhere.
#![allow(dead_code)]

use careerpress::authoring::import::Import;

/// Every leaf of a value: its path (no indices) and its text.
pub fn leaves(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
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
pub fn norm(s: &str) -> String {
    s.replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .to_string()
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub facts: usize,
    pub right: usize,
    pub unsorted: usize,
    pub wrong: usize,
    pub lost: usize,
    /// Furniture lines found in the draft.
    pub furniture: usize,
    /// Furniture lines the fact tables name.
    pub furniture_probes: usize,
}

impl Score {
    /// A row of the table: name | facts | right | unsorted | wrong | lost | furniture.
    pub fn row(&self, name: &str) -> String {
        format!(
            "{name} | {} | {:.1}% | {:.1}% | {:.1}% | {:.1}% | {} of {}",
            self.facts,
            self.pct(self.right),
            self.pct(self.unsorted),
            self.pct(self.wrong),
            self.pct(self.lost),
            self.furniture,
            self.furniture_probes
        )
    }

    pub fn pct(&self, n: usize) -> f64 {
        if self.facts == 0 {
            0.0
        } else {
            100.0 * n as f64 / self.facts as f64
        }
    }

    pub fn add(&mut self, o: &Score) {
        self.facts += o.facts;
        self.right += o.right;
        self.unsorted += o.unsorted;
        self.wrong += o.wrong;
        self.lost += o.lost;
        self.furniture += o.furniture;
        self.furniture_probes += o.furniture_probes;
    }
}

/// Scores an import against a fact table; also the misses, one a line.
pub fn score(got: &Import, facts: &str, what: &str) -> (Score, Vec<String>) {
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
            s.furniture_probes += 1;
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
            _ => panic!("{what}: bad fact line {line:?}"),
        };
        let paths: Vec<&str> = paths.split(',').map(str::trim).collect();
        let probes: Vec<String> = if exact && probe.parse::<f64>().is_err() {
            probe.split(',').map(norm).collect()
        } else {
            vec![norm(probe)]
        };
        let under = |p: &str| {
            paths
                .iter()
                .any(|e| p == *e || p.starts_with(&format!("{e}.")))
        };
        let matches = |v: &str| {
            probes.iter().any(|probe| {
                if exact {
                    match (v.parse::<f64>(), probe.parse::<f64>()) {
                        (Ok(a), Ok(b)) => (a - b).abs() < 1e-6,
                        _ => norm(v) == *probe,
                    }
                } else {
                    norm(v).contains(probe.as_str())
                        || norm(&v.replace(',', "")).contains(&probe.replace(',', ""))
                }
            })
        };
        let found: Vec<&(String, String)> = all.iter().filter(|(_, v)| matches(v)).collect();
        let in_unsorted = all.iter().any(|(p, v)| {
            p == "unsorted"
                && probes.iter().any(|probe| {
                    norm(v).contains(probe.as_str())
                        || norm(&v.replace(',', "")).contains(&probe.replace(',', ""))
                })
        });
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
    (s, misses)
}
