//! What became of each sentence of the pages, for the editor who checks a
//! draft: the field it went to, `unsorted`, left out as furniture (and
//! why), or not found in the draft. It is read back from the finished
//! draft, not from the readers' intentions, so what a reader lost on the
//! way shows as "not in the draft" instead of passing unseen.

use super::text::{sentences, words};
use super::Dropped;
use crate::content::Job;
use std::collections::HashSet;

/// Where a sentence went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Went {
    /// Into this field (`duties.tasks`, `salary.min`).
    Field(String),
    /// Under `unsorted`, for a person to sort.
    Unsorted,
    /// Left out as page furniture, with why.
    Dropped(String),
    /// A short line that reads as a heading, or a lead-in ("You'll need
    /// to be:"): it placed what follows and is not itself a fact.
    Heading,
    /// Nowhere in the draft: the editor should look at it first.
    Missing,
}

/// One sentence of a page and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Traced {
    /// The file it is from.
    pub file: String,
    pub sentence: String,
    pub went: Went,
}

/// A text of the draft and the words in it.
struct Value {
    path: String,
    words: HashSet<String>,
    text: String,
}

/// Every text and number in the job, by field (no list indexes, no
/// sources, no placeholders).
fn values(job: &Job) -> Vec<Value> {
    let mut out = Vec::new();
    if let Ok(v) = serde_json::to_value(job) {
        walk(&v, String::new(), &mut out);
    }
    // A list's items together too: "Most porters work in hospitals, in the
    // NHS or in private healthcare." became three places.
    let mut lists: Vec<Value> = Vec::new();
    for v in out.iter().filter(|v| !v.words.is_empty()) {
        match lists.iter_mut().find(|l| l.path == v.path) {
            Some(l) => {
                l.words.extend(v.words.iter().cloned());
                l.text.push('\n');
                l.text.push_str(&v.text);
            }
            None => lists.push(Value {
                path: v.path.clone(),
                words: v.words.clone(),
                text: v.text.clone(),
            }),
        }
    }
    out.extend(lists);
    out
}

fn walk(v: &serde_json::Value, path: String, out: &mut Vec<Value>) {
    use serde_json::Value as V;
    let child = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match v {
        V::Object(m) => {
            for (k, x) in m {
                if path.is_empty() && (k == "sources" || k == "id") {
                    continue;
                }
                walk(x, child(k), out);
            }
        }
        V::Array(xs) => {
            for x in xs {
                walk(x, path.clone(), out);
            }
        }
        V::String(s) if !s.starts_with("TODO") => out.push(Value {
            words: words(s).into_iter().collect(),
            text: s.to_lowercase(),
            path,
        }),
        V::Number(n) => out.push(Value {
            words: HashSet::new(),
            text: n.to_string(),
            path,
        }),
        _ => {}
    }
}

/// The words that carry a sentence's meaning (not "the", "and", …).
fn content_words(s: &str) -> Vec<String> {
    const SMALL: &[&str] = &[
        "the", "and", "for", "you", "your", "are", "can", "with", "will", "this", "that", "from",
        "have", "may", "also", "such", "who", "its", "our", "all", "any", "but", "not", "they",
    ];
    words(s)
        .into_iter()
        .filter(|w| w.chars().count() > 2 && !SMALL.contains(&w.as_str()))
        .collect()
}

/// The share of `ws` found in `set`.
fn cover(ws: &[String], set: &HashSet<String>) -> f32 {
    if ws.is_empty() {
        return 0.0;
    }
    ws.iter().filter(|w| set.contains(*w)).count() as f32 / ws.len() as f32
}

/// The figures in a sentence as the model writes them ("£23,500" →
/// "23500", "37.5" → "37.5").
fn figures(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map(|w| w.trim_matches(['.', ',']).replace(',', ""))
        .filter(|w| !w.is_empty() && w.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

/// Each sentence of each page and what became of it. `pages` are (file
/// name, text) pairs; `dropped` is what the readers left out.
pub fn trace(pages: &[(String, String)], job: &Job, dropped: &[Dropped]) -> Vec<Traced> {
    let values = values(job);
    let dropped: Vec<(HashSet<String>, &Dropped)> = dropped
        .iter()
        .map(|d| (words(&d.text).into_iter().collect(), d))
        .collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (file, text) in pages {
        for line in text.lines() {
            for s in sentences(line.trim()) {
                let ws = content_words(&s);
                if ws.is_empty() || !seen.insert(super::text::key(&s)) {
                    continue;
                }
                out.push(Traced {
                    file: file.clone(),
                    went: went(&s, &ws, &values, &dropped),
                    sentence: s,
                });
            }
        }
    }
    out
}

fn went(s: &str, ws: &[String], values: &[Value], dropped: &[(HashSet<String>, &Dropped)]) -> Went {
    let lower = s.to_lowercase();
    let best = values
        .iter()
        .filter(|v| !v.words.is_empty())
        .map(|v| {
            // A value that holds the whole sentence, or most of its words.
            let c = if v.text.contains(&lower) {
                1.0
            } else {
                cover(ws, &v.words)
            };
            (c, v)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let to = |v: &Value| {
        if v.path == "unsorted" {
            Went::Unsorted
        } else {
            Went::Field(v.path.clone())
        }
    };
    if let Some((_, v)) = best.filter(|(c, _)| *c >= 0.7) {
        return to(v);
    }
    if let Some((_, d)) = dropped
        .iter()
        .find(|(set, d)| d.text.to_lowercase().contains(&lower) || cover(ws, set) >= 0.8)
    {
        return Went::Dropped(d.why.clone());
    }
    // Pay and hours become numbers.
    let figs = figures(s);
    if let Some(v) = values
        .iter()
        .find(|v| v.words.is_empty() && figs.contains(&v.text))
    {
        return to(v);
    }
    let lead_in = s.ends_with(':') && s.split_whitespace().count() <= 10;
    if lead_in || super::text::title_like(s) && s.split_whitespace().count() <= 7 {
        return Went::Heading;
    }
    match best.filter(|(c, _)| *c >= 0.5) {
        Some((_, v)) => to(v),
        None => Went::Missing,
    }
}

/// The trace as an editor reads it: what is not in the draft first, then
/// what was left out and why, then each field with its sentences.
pub fn describe(trace: &[Traced]) -> String {
    let count = |f: &dyn Fn(&Went) -> bool| trace.iter().filter(|t| f(&t.went)).count();
    let mut out = format!(
        "what each sentence of the pages became: {} in fields, {} under `unsorted`, {} left out, {} headings and lead-ins, {} not in the draft\n",
        count(&|w| matches!(w, Went::Field(_))),
        count(&|w| *w == Went::Unsorted),
        count(&|w| matches!(w, Went::Dropped(_))),
        count(&|w| *w == Went::Heading),
        count(&|w| *w == Went::Missing),
    );
    let files: HashSet<&str> = trace.iter().map(|t| t.file.as_str()).collect();
    let from = |t: &Traced| {
        if files.len() > 1 {
            let name = t.file.rsplit(['/', '\\']).next().unwrap_or(&t.file);
            format!(" ({name})")
        } else {
            String::new()
        }
    };
    let section = |out: &mut String, title: &str, pick: &dyn Fn(&Went) -> Option<String>| {
        let mut rows: Vec<(String, &Traced)> = trace
            .iter()
            .filter_map(|t| pick(&t.went).map(|k| (k, t)))
            .collect();
        if rows.is_empty() {
            return;
        }
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        out.push_str(title);
        out.push('\n');
        let mut last = None;
        for (k, t) in rows {
            if last.as_deref() != Some(k.as_str()) && !k.is_empty() {
                out.push_str(&format!("  {k}:\n"));
            }
            out.push_str(&format!("    \"{}\"{}\n", t.sentence, from(t)));
            last = Some(k);
        }
    };
    section(
        &mut out,
        "not in the draft (check these first: put them in a field or leave them out):",
        &|w| (*w == Went::Missing).then(String::new),
    );
    section(&mut out, "left out as page furniture:", &|w| match w {
        Went::Dropped(why) => Some(why.clone()),
        _ => None,
    });
    section(
        &mut out,
        "under `unsorted` (kept in the draft for you to sort):",
        &|w| (*w == Went::Unsorted).then(String::new),
    );
    section(
        &mut out,
        "read as headings and lead-ins (they place what follows):",
        &|w| (*w == Went::Heading).then(String::new),
    );
    section(&mut out, "in the fields:", &|w| match w {
        Went::Field(p) => Some(p.clone()),
        _ => None,
    });
    out
}
