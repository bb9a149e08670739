//! Placeholders: the marks of a profile that is not finished. A value such
//! as "TODO job title" or a field flagged `# TODO: check it` (what
//! `careerpress import` and people leave in drafts) makes the whole file a
//! *draft*: `check` reports each placeholder as an error, and `build` leaves
//! a draft's documents out unless asked for drafts (then they say DRAFT on
//! every page). A review note (`# REVIEW: …`) is not a placeholder.

use super::error::ContentError;
use super::yaml::tree::{Node, Tree};
use super::yaml::words::shown;
use std::path::Path;

/// Words that, standing alone in capitals, mark text not written yet.
pub const MARKERS: &[&str] = &["TODO", "FIXME", "TBC", "TBD", "XXX"];

/// Dummy text that is never real content (compared ignoring case).
const DUMMY_TEXT: &[&str] = &["lorem ipsum"];

/// The placeholder a text holds, if any: a marker word standing alone
/// (`TODO`, `TODO:`, `(TBC)`, not `TODOS` or `Toddler`), dummy text, or a
/// web or email address on a `.invalid` host (reserved for addresses that
/// can never be real, RFC 2606).
pub fn in_text(text: &str) -> Option<String> {
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if MARKERS.contains(&word) {
            return Some(word.to_string());
        }
    }
    for token in text.split_whitespace() {
        let rest = token.split_once("://").map_or(token, |(_, r)| r);
        let host = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
        let host = host.split(['/', '?', '#', ':']).next().unwrap_or("");
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        if host == "invalid" || host.ends_with(".invalid") {
            return Some("an address on .invalid".into());
        }
    }
    let lower = text.to_lowercase();
    DUMMY_TEXT
        .iter()
        .find(|d| lower.contains(*d))
        .map(|d| d.to_string())
}

/// The marker a comment starts with (`# TODO: why`), if any.
fn in_comment(text: &str) -> Option<&'static str> {
    let first = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '#')
        .split(|c: char| !c.is_alphanumeric())
        .next()?;
    MARKERS.iter().find(|m| **m == first).copied()
}

/// Every placeholder in a file read as a tree, in file order, each as an
/// error naming its line, column and field.
pub fn find(file: &Path, tree: &Tree) -> Vec<ContentError> {
    let mut found: Vec<(usize, ContentError)> = Vec::new();
    walk(file, &tree.root, "", &mut found);
    for c in &tree.comments {
        let Some(marker) = in_comment(&c.text) else {
            continue;
        };
        let path = tree.path_at_line(c.line);
        let note = shown(
            c.text
                .trim()
                .trim_start_matches(marker)
                .trim_start_matches(':')
                .trim(),
        );
        let message = if note.is_empty() {
            format!("marked {marker}: check this value, then delete the comment")
        } else {
            format!("marked {marker} ({note}): check this value, then delete the comment")
        };
        let mut e = ContentError::file(file, message);
        e.placeholder = true;
        e.line = Some(c.line as u32);
        e.field = path;
        found.push((c.line, e));
    }
    found.sort_by_key(|(line, _)| *line);
    // A placeholder value flagged by a comment too is one placeholder.
    let mut out: Vec<ContentError> = Vec::new();
    for (_, e) in found {
        match out.last() {
            Some(prev) if prev.line == e.line && prev.field == e.field => {}
            _ => out.push(e),
        }
    }
    out
}

fn walk(file: &Path, node: &Node, path: &str, out: &mut Vec<(usize, ContentError)>) {
    match node {
        Node::Scalar { value, pos, .. } => {
            if let Some(marker) = in_text(value) {
                let mut e = ContentError::file(
                    file,
                    format!(
                        "'{}' is a placeholder ({marker}): write the real text",
                        shown(value)
                    ),
                );
                e.placeholder = true;
                e.line = Some(pos.line as u32);
                e.column = Some(pos.column as u32);
                e.field = (!path.is_empty()).then(|| path.to_string());
                out.push((pos.line, e));
            }
        }
        Node::Seq { items, .. } => {
            for (i, n) in items.iter().enumerate() {
                walk(file, n, &format!("{path}[{i}]"), out);
            }
        }
        Node::Map { entries, .. } => {
            for (k, _, n) in entries {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(file, n, &p, out);
            }
        }
        Node::Alias { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::yaml::tree;

    #[test]
    fn marker_words_stand_alone() {
        assert_eq!(in_text("TODO job title").as_deref(), Some("TODO"));
        assert_eq!(in_text("Salary (TBC)").as_deref(), Some("TBC"));
        assert_eq!(in_text("Lorem ipsum dolor").as_deref(), Some("lorem ipsum"));
        assert!(in_text("https://todo.invalid/web-address").is_some());
        assert!(in_text("pals@example.INVALID").is_some());
        assert_eq!(in_text("https://www.invalidcarers.org.uk/help"), None);
        for real in [
            "Toddlers and todos",
            "TODOS",
            "a GP's surgery",
            "XXXL scrubs",
        ] {
            assert_eq!(in_text(real), None, "{real}");
        }
    }

    #[test]
    fn values_and_comments_name_their_line_and_field() {
        let src = "# Check every field, fix each TODO\ntitle: TODO job title\nweb_address: https://x.org  # TODO: no web address in the sources\nskills:\n  - listening\n  # REVIEW: a Welsh speaker to check\n  - FIXME\n";
        let t = tree::parse(src).unwrap();
        let got: Vec<String> = find(Path::new("j.yaml"), &t)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            got,
            [
                "j.yaml:2:8: title: 'TODO job title' is a placeholder (TODO): write the real text",
                "j.yaml:3: web_address: marked TODO (no web address in the sources): check this value, then delete the comment",
                "j.yaml:7:5: skills[1]: 'FIXME' is a placeholder (FIXME): write the real text",
            ]
        );
    }
}
