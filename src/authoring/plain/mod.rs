//! The plain-English check, for editors (`check`, `serve`): each sentence
//! of a job's text over 25 words, each word from the list of hard words
//! ([`words`]), and how easy each job is to read ([`ease`]), in English
//! and in its translations (Welsh: sentence length only).
//!
//! Findings are warnings unless `careerpress.yaml` says `plain_english:
//! error` (then `check` fails on them) or `off`. Text in quotation marks
//! and proper names are never flagged; addresses, web addresses and the
//! profile's sources are not read.

pub mod ease;
pub mod sentences;
pub mod words;

pub use ease::Ease;

use crate::content::project::PlainEnglish;
use crate::content::yaml::tree::{Node, Style, Tree};
use crate::diagnostic::{Diagnostic, Severity};
use crate::pipeline::Project;
use sentences::Sentence;
use std::collections::BTreeMap;
use std::path::Path;

/// A sentence longer than this is hard (the NHS content style guide).
pub const MAX_WORDS: usize = 25;

/// Fields that hold no prose: never read.
const NOT_PROSE: &[&str] = &[
    "web_address",
    "email",
    "phone",
    "address",
    "postcode",
    "source",
    "sources",
    "title_article",
    "id",
    "file",
];

/// What the check found in a project.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// Warnings (or errors, with `plain_english: error`), each naming
    /// file, line and field.
    pub problems: Vec<Diagnostic>,
    /// By job id: the figures for each of its languages, the original's
    /// (English) first.
    pub ease: BTreeMap<String, Vec<(String, Ease)>>,
}

impl Findings {
    /// "English: reading ease 61 (plain English), 14.2 words a sentence;
    /// Welsh: 15.1 words a sentence".
    pub fn describe(&self, job: &str) -> Option<String> {
        let all = self.ease.get(job)?;
        let parts: Vec<String> = all
            .iter()
            .map(|(lang, e)| {
                let name = crate::content::overlay::language_name(lang);
                format!("{name}: {}", e.describe())
            })
            .collect();
        Some(parts.join("; "))
    }
}

/// Checks every job of a project.
pub fn check(project: &Project) -> Findings {
    let level = project.settings.plain_english.unwrap_or_default();
    if level == PlainEnglish::Off {
        return Findings::default();
    }
    let (hard, mut problems) = words::HardWords::load(&project.root);
    let mut ease = BTreeMap::new();
    for (id, job) in &project.content.jobs {
        let mut figures = Vec::new();
        let original = job.translations.original_tree.as_ref();
        let mut files: Vec<(&str, &Path, Option<&Tree>)> = vec![("en-GB", &job.file, original)];
        for t in job.translations.by_language.values() {
            files.push((&t.language, &t.file, Some(&t.tree)));
        }
        for (lang, file, tree) in files {
            let english = crate::content::overlay::primary(lang) == "en";
            let Some(tree) = tree else { continue };
            let Ok(text) = std::fs::read_to_string(file) else {
                continue;
            };
            let mut all = Vec::new();
            let mut texts = Vec::new();
            prose(&tree.root, String::new(), &mut texts);
            let lines: Vec<&str> = text.lines().collect();
            for (path, value, pos) in texts {
                let mut at = Cursor {
                    lines: &lines,
                    line: pos.line.saturating_sub(1),
                };
                for s in sentences::sentences(value) {
                    let here = |at: &Cursor, w: &sentences::Word| {
                        let (line, column) = at.position(&w.text);
                        Diagnostic::file(file, "")
                            .at(line, Some(column))
                            .at_path(path.clone())
                    };
                    if s.words.len() > MAX_WORDS && !s.all_quoted() {
                        let d = here(&at, &s.words[0]);
                        problems.push(long(d, &s));
                    }
                    if english {
                        for f in hard.find(&s) {
                            let first = &s.words[f.at];
                            at.seek(&first.text);
                            let mut d = here(&at, first);
                            d.message = format!(
                                "'{}' is a hard word: say '{}' (plain English; the list is in {})",
                                f.written,
                                f.alternative,
                                words::project_file(Path::new("")).display()
                            );
                            problems.push(d);
                        }
                    }
                    if let Some(w) = s.words.last() {
                        at.seek(&w.text);
                    }
                    all.push(s);
                }
            }
            figures.push((lang.to_string(), Ease::of(&all, english)));
        }
        ease.insert(id.clone(), figures);
    }
    if level == PlainEnglish::Error {
        for p in &mut problems {
            p.severity = Severity::Error;
        }
    } else {
        for p in &mut problems {
            p.severity = Severity::Warning;
        }
    }
    Findings { problems, ease }
}

fn long(mut d: Diagnostic, s: &Sentence) -> Diagnostic {
    let cut = s.split_point();
    let from = cut.saturating_sub(2);
    let before: Vec<&str> = s.words[from..=cut]
        .iter()
        .map(|w| w.text.as_str())
        .collect();
    d.message = format!(
        "a sentence of {} words (plain English keeps to {MAX_WORDS}): \"{}\"; split it after '{}'",
        s.words.len(),
        s.opening(6),
        before.join(" ")
    );
    d
}

/// Where the words of one field are in its file: lines from the field's
/// own, moving on as words are found, so a sentence of a folded block
/// (`>-`) is named at its own line.
struct Cursor<'a> {
    lines: &'a [&'a str],
    /// 0-based.
    line: usize,
}

impl Cursor<'_> {
    /// Moves to the first line from here that holds `word`.
    fn seek(&mut self, word: &str) {
        if let Some(i) = (self.line..self.lines.len().min(self.line + 200))
            .find(|&i| self.lines[i].contains(word))
        {
            self.line = i;
        }
    }

    /// The 1-based line and column of `word` from here (the cursor's line
    /// when it is not found as written, e.g. in escapes).
    fn position(&self, word: &str) -> (usize, u32) {
        let mut probe = Cursor {
            lines: self.lines,
            line: self.line,
        };
        probe.seek(word);
        let line = self.lines.get(probe.line).copied().unwrap_or("");
        let column = line.find(word).map_or(1, |b| line[..b].chars().count() + 1);
        (probe.line + 1, column as u32)
    }
}

/// Every prose value of a tree with its field path and position.
fn prose<'a>(
    node: &'a Node,
    path: String,
    out: &mut Vec<(String, &'a str, crate::content::yaml::tree::Pos)>,
) {
    match node {
        Node::Scalar { value, pos, style } => {
            let number = *style == Style::Plain && value.parse::<f64>().is_ok();
            if !number && !node.is_null() {
                out.push((path, value, *pos));
            }
        }
        Node::Seq { items, .. } => {
            for (i, n) in items.iter().enumerate() {
                prose(n, format!("{path}[{i}]"), out);
            }
        }
        Node::Map { entries, .. } => {
            for (k, _, n) in entries {
                if NOT_PROSE.contains(&k.as_str()) {
                    continue;
                }
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                prose(n, p, out);
            }
        }
        Node::Alias { .. } => {}
    }
}
