//! The list of hard words and their plainer alternatives: the one bundled
//! with careerpress (`hard-words.yaml`), with a project's own
//! `content/hard-words.yaml` over it (more words, other alternatives, or
//! `~` to drop one).

use super::sentences::Sentence;
use crate::diagnostic::Diagnostic;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The bundled list.
const BUNDLED: &str = include_str!("hard-words.yaml");

/// Where a project keeps its own words.
pub fn project_file(root: &Path) -> PathBuf {
    root.join("content").join("hard-words.yaml")
}

/// One entry: the word or phrase as listed, its words, and the alternative.
#[derive(Debug, Clone)]
struct Entry {
    listed: String,
    /// Each word's accepted forms, lower case (`utilise`, `utilises`, …).
    forms: Vec<Vec<String>>,
    alternative: String,
}

/// Hard words, longest phrase first.
#[derive(Debug, Clone, Default)]
pub struct HardWords {
    entries: Vec<Entry>,
}

/// A hard word found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The index of its first word in the sentence.
    pub at: usize,
    /// As written (`Utilising`, `in order to`).
    pub written: String,
    pub listed: String,
    pub alternative: String,
}

/// The forms of one word a list entry stands for: `-s`, `-es`, `-d`,
/// `-ed`, `-ing`, `-ies`, `-ied`.
fn forms(word: &str) -> Vec<String> {
    let mut v = vec![word.to_string(), format!("{word}s"), format!("{word}es")];
    if let Some(stem) = word.strip_suffix('e') {
        v.extend([format!("{word}d"), format!("{stem}ing")]);
    } else if let Some(stem) = word.strip_suffix('y') {
        v.extend([
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{word}ing"),
        ]);
    } else {
        v.extend([format!("{word}ed"), format!("{word}ing")]);
    }
    v
}

impl HardWords {
    /// The bundled list with the project's file over it; a mistake in the
    /// project's file is returned (the bundled list is used meanwhile).
    pub fn load(root: &Path) -> (HardWords, Vec<Diagnostic>) {
        let mut map = parse(Path::new("hard-words.yaml"), BUNDLED.as_bytes()).unwrap_or_default();
        let mut errors = Vec::new();
        let file = project_file(root);
        if file.is_file() {
            let read = crate::safe_fs::check_inside(root, &file)
                .map_err(|m| Diagnostic::file(&file, m))
                .and_then(|()| crate::content::yaml::read_limited(&file))
                .and_then(|bytes| parse(&file, &bytes));
            match read {
                Ok(own) => {
                    for (word, alt) in own {
                        map.insert(word, alt);
                    }
                }
                Err(e) => errors.push(e),
            }
        }
        (HardWords::from_map(map), errors)
    }

    fn from_map(map: BTreeMap<String, Option<String>>) -> HardWords {
        let mut entries: Vec<Entry> = map
            .into_iter()
            .filter_map(|(listed, alt)| {
                let alternative = alt.filter(|a| !a.trim().is_empty())?;
                let listed = listed.trim().to_lowercase();
                let forms = listed.split_whitespace().map(forms).collect::<Vec<_>>();
                (!forms.is_empty()).then_some(Entry {
                    listed,
                    forms,
                    alternative: alternative.trim().to_string(),
                })
            })
            .collect();
        entries.sort_by(|a, b| {
            b.forms
                .len()
                .cmp(&a.forms.len())
                .then(a.listed.cmp(&b.listed))
        });
        HardWords { entries }
    }

    #[cfg(test)]
    pub fn of(pairs: &[(&str, &str)]) -> HardWords {
        HardWords::from_map(
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), Some(b.to_string())))
                .collect(),
        )
    }

    /// The hard words of a sentence, left to right. Words in quotation
    /// marks and proper names (a capital not at the sentence's start, or
    /// all capitals) are never flagged.
    pub fn find(&self, s: &Sentence) -> Vec<Found> {
        let words: Vec<String> = s.words.iter().map(|w| w.bare().to_lowercase()).collect();
        let free = |i: usize| {
            let w = &s.words[i];
            let bare = w.bare();
            let capital = bare.chars().next().is_some_and(char::is_uppercase);
            let shouting = bare.chars().filter(|c| c.is_alphabetic()).count() > 1
                && bare.chars().all(|c| !c.is_lowercase());
            let name = capital && i > 0;
            !(w.quoted || name || shouting)
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let hit = self.entries.iter().find(|e| {
                let n = e.forms.len();
                i + n <= words.len()
                    && (i..i + n).all(free)
                    && e.forms
                        .iter()
                        .zip(&words[i..i + n])
                        .all(|(f, w)| f.contains(w))
            });
            match hit {
                Some(e) => {
                    let n = e.forms.len();
                    let written: Vec<&str> = s.words[i..i + n].iter().map(|w| w.bare()).collect();
                    out.push(Found {
                        at: i,
                        written: written.join(" "),
                        listed: e.listed.clone(),
                        alternative: e.alternative.clone(),
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }
}

fn parse(file: &Path, bytes: &[u8]) -> Result<BTreeMap<String, Option<String>>, Diagnostic> {
    let text = String::from_utf8_lossy(bytes);
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Ok(BTreeMap::new());
    }
    crate::content::yaml::parse::<BTreeMap<String, Option<String>>>(file, bytes).map_err(|e| {
        let mut e = e;
        e.message = format!(
            "{} (the list of hard words is `word: plainer word`, one a line)",
            e.message
        );
        e
    })
}

#[cfg(test)]
mod tests {
    use super::super::sentences::sentences;
    use super::*;

    #[test]
    fn the_bundled_list_reads() {
        let map = parse(Path::new("hard-words.yaml"), BUNDLED.as_bytes()).unwrap();
        assert_eq!(map["utilise"].as_deref(), Some("use"));
        assert_eq!(map["facilitate"].as_deref(), Some("help"));
        assert!(map.len() > 40);
    }

    #[test]
    fn forms_phrases_quotes_and_names() {
        let hw = HardWords::of(&[
            ("utilise", "use"),
            ("in order to", "to"),
            ("assist", "help"),
        ]);
        let s =
            &sentences("Utilising skills in order to assist \"Assist Ltd\" and Assist Care.")[0];
        let all = hw.find(s);
        let found: Vec<(usize, &str, &str)> = all
            .iter()
            .map(|f| (f.at, f.written.as_str(), f.alternative.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (0, "Utilising", "use"),
                (2, "in order to", "to"),
                (5, "assist", "help")
            ]
        );
        assert!(hw.find(&sentences("We ASSIST people.")[0]).is_empty());
    }
}
