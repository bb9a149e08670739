//! Text in other languages: a job or brand file can have a translation
//! beside it, `content/jobs/<id>.<lang>.yaml` (e.g. `pals-officer.cy.yaml`)
//! or `content/brands/<id>/brand.<lang>.yaml`. A translation is the same
//! model, holding only what reads differently in that language: every
//! printed text, in the same places and lists of the same length. The
//! facts that do not change (salaries, hours, dates, addresses, phone
//! numbers, web addresses) are not repeated and may not be given.
//!
//! The translation is merged over the original and the result is checked
//! by the same loader as any profile, so a Welsh profile is exactly as
//! valid as an English one. A printed field with no translation is
//! reported, at its line in the original, whenever a document in that
//! language needs it.

use super::error::ContentError;
use super::yaml::tree::{Node, Tree};
use serde_json::Value;
use std::path::Path;

/// Whether a field may, must or must not be translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Printed text: a document in the language needs it.
    Required,
    /// Text that may be translated (a proper name, a source's title) but
    /// that reads well untranslated.
    Optional,
    /// A fact that is the same in every language.
    Fact,
}

/// What a model says of each field: `path` is the field's keys without
/// list indices, e.g. `["salary", "notes", "who"]`.
pub type Policy = fn(path: &[&str]) -> Kind;

/// A job profile's fields.
pub fn job_policy(path: &[&str]) -> Kind {
    match path {
        ["title_article"]
        | ["web_address"]
        | ["salary", "band" | "starter" | "experienced" | "source"]
        | ["salary", "notes", "up_to" | "around"]
        | ["working_hours", "hours_per_week", ..]
        | ["further_information", "contacts", "address" | "phone" | "email" | "web_address" | "source"]
        | ["sources", "id"]
        | ["last_reviewed"]
        | ["unsorted", ..] => Kind::Fact,
        ["further_information", "contacts", "name"] | ["sources", ..] => Kind::Optional,
        _ => Kind::Required,
    }
}

/// A brand's fields.
pub fn brand_policy(path: &[&str]) -> Kind {
    match path {
        ["name"] | ["short_name"] | ["logo", "alt"] | ["footer"] => Kind::Required,
        ["contact", "service" | "hours"] => Kind::Required,
        _ => Kind::Fact,
    }
}

/// `a.b[1].c` from segments.
fn join(path: &[Seg]) -> String {
    let mut s = String::new();
    for p in path {
        match p {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

#[derive(Debug, Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

fn keys(path: &[Seg]) -> Vec<&str> {
    path.iter()
        .filter_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        })
        .collect()
}

/// Merges a translation (as its YAML tree) over the original (as JSON),
/// returning the merged JSON, or every problem with the translation, each
/// at its line in the translation's file.
pub fn merge(
    file: &Path,
    original: &Value,
    translation: &Tree,
    policy: Policy,
) -> Result<Value, Vec<ContentError>> {
    let mut merged = original.clone();
    let mut errors = Vec::new();
    walk(
        file,
        &mut merged,
        &translation.root,
        &mut Vec::new(),
        policy,
        &mut errors,
    );
    if errors.is_empty() {
        Ok(merged)
    } else {
        Err(errors)
    }
}

fn error(file: &Path, node_pos: (usize, usize), path: &[Seg], message: String) -> ContentError {
    let mut e = ContentError::file(file, message);
    e.line = Some(node_pos.0 as u32);
    e.column = Some(node_pos.1 as u32);
    e.field = (!path.is_empty()).then(|| join(path));
    e
}

fn walk(
    file: &Path,
    into: &mut Value,
    node: &Node,
    path: &mut Vec<Seg>,
    policy: Policy,
    errors: &mut Vec<ContentError>,
) {
    let pos = (node.pos().line, node.pos().column);
    // A group or list may hold translatable text and facts side by side:
    // what is a fact is decided at its text.
    let leaf = !matches!(into, Value::Object(_) | Value::Array(_));
    if leaf && policy(&keys(path)) == Kind::Fact && !path.is_empty() {
        errors.push(error(
            file,
            pos,
            path,
            "is the same in every language: leave it out of the translation (it comes from the original)"
                .into(),
        ));
        return;
    }
    match (node, into) {
        (Node::Map { entries, .. }, Value::Object(map)) => {
            for (k, kpos, child) in entries {
                path.push(Seg::Key(k.clone()));
                match map.get_mut(k) {
                    Some(target) => walk(file, target, child, path, policy, errors),
                    None => errors.push(error(
                        file,
                        (kpos.line, kpos.column),
                        path,
                        "is not in the original: a translation holds the same fields as the profile it translates"
                            .into(),
                    )),
                }
                path.pop();
            }
        }
        (Node::Seq { items, .. }, Value::Array(list)) => {
            if items.len() != list.len() {
                errors.push(error(
                    file,
                    pos,
                    path,
                    format!(
                        "the original has {} item{}, the translation {}: translate each item, in the same order",
                        list.len(),
                        if list.len() == 1 { "" } else { "s" },
                        items.len()
                    ),
                ));
                return;
            }
            for (i, (child, target)) in items.iter().zip(list.iter_mut()).enumerate() {
                path.push(Seg::Index(i));
                walk(file, target, child, path, policy, errors);
                path.pop();
            }
        }
        (Node::Scalar { value, .. }, target @ Value::String(_)) => {
            *target = Value::String(value.clone());
        }
        (Node::Alias { .. }, _) => errors.push(error(
            file,
            pos,
            path,
            "aliases (*name) are not used in translations: write the text out".into(),
        )),
        (_, original) => {
            let what = match original {
                Value::Object(_) => "a group of fields",
                Value::Array(_) => "a list",
                Value::String(_) => "text",
                Value::Null => "left out",
                _ => "a number or a yes/no",
            };
            errors.push(error(
                file,
                pos,
                path,
                format!("is {what} in the original: write it the same way in the translation"),
            ));
        }
    }
}

/// Every field the original prints that the translation does not give,
/// each at its line in the original's file: what a document in the
/// translation's language would lack.
pub fn missing(
    original_file: &Path,
    original: &Tree,
    translation: Option<&Tree>,
    language: &str,
    translation_file: &Path,
    policy: Policy,
) -> Vec<ContentError> {
    let mut out = Vec::new();
    gaps(
        &original.root,
        translation.map(|t| &t.root),
        &mut Vec::new(),
        policy,
        &mut |path, pos| {
            let mut e = ContentError::file(
                original_file,
                format!(
                    "no {} text for it in {} (documents in that language print this field)",
                    language_name(language),
                    translation_file.display()
                ),
            );
            e.line = Some(pos.0 as u32);
            e.column = Some(pos.1 as u32);
            e.field = Some(join(path));
            out.push(e);
        },
    );
    out
}

/// Told of each gap: its field path and its (line, column).
type Report<'a> = dyn FnMut(&[Seg], (usize, usize)) + 'a;

fn gaps(
    original: &Node,
    translation: Option<&Node>,
    path: &mut Vec<Seg>,
    policy: Policy,
    report: &mut Report<'_>,
) {
    if !path.is_empty() && policy(&keys(path)) != Kind::Required {
        return;
    }
    match original {
        Node::Map { entries, .. } => {
            for (k, kpos, child) in entries {
                path.push(Seg::Key(k.clone()));
                let t = match translation {
                    Some(Node::Map { entries, .. }) => {
                        entries.iter().find(|(tk, _, _)| tk == k).map(|(_, _, n)| n)
                    }
                    _ => None,
                };
                let is_text = matches!(child, Node::Scalar { .. });
                if is_text && t.is_none() && policy(&keys(path)) == Kind::Required {
                    report(path, (kpos.line, kpos.column));
                } else {
                    gaps(child, t, path, policy, report);
                }
                path.pop();
            }
        }
        Node::Seq { items, .. } => {
            for (i, child) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                let t = match translation {
                    Some(Node::Seq { items, .. }) => items.get(i),
                    _ => None,
                };
                if matches!(child, Node::Scalar { .. }) && t.is_none() {
                    let p = child.pos();
                    report(path, (p.line, p.column));
                } else {
                    gaps(child, t, path, policy, report);
                }
                path.pop();
            }
        }
        _ => {}
    }
}

/// A language as people name it in messages.
pub fn language_name(tag: &str) -> String {
    match primary(tag) {
        "cy" => "Welsh".into(),
        "en" => "English".into(),
        "ga" => "Irish".into(),
        "gd" => "Gaelic".into(),
        _ => format!("'{tag}'"),
    }
}

/// The language of a tag: `cy` for `cy-GB`.
pub fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// The language a translation's file name gives: `cy` for
/// `pals-officer.cy.yaml` (with `stem` `pals-officer`) or `brand.cy.yaml`.
pub fn file_language<'a>(name: &'a str, stem: &str) -> Option<&'a str> {
    let rest = name.strip_prefix(stem)?.strip_prefix('.')?;
    let lang = rest
        .strip_suffix(".yaml")
        .or_else(|| rest.strip_suffix(".yml"))?;
    crate::document::is_language_tag(lang).then_some(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::yaml::tree;

    fn original() -> (Value, Tree) {
        let src = "title: Porter\nweb_address: https://x.org\nskills:\n  - lifting\n  - care\nsalary:\n  starter: 1\n  notes:\n    - who: Managers\n      around: 2\n";
        let v: Value = crate::content::yaml::parse(Path::new("o.yaml"), src.as_bytes()).unwrap();
        (v, tree::parse(src).unwrap())
    }

    #[test]
    fn a_translation_replaces_text_and_keeps_the_facts() {
        let (o, _) = original();
        let t = tree::parse("title: Porthor\nskills:\n  - codi\n  - gofal\nsalary:\n  notes:\n    - who: Rheolwyr\n").unwrap();
        let m = merge(Path::new("o.cy.yaml"), &o, &t, job_policy).unwrap();
        assert_eq!(m["title"], "Porthor");
        assert_eq!(m["skills"][1], "gofal");
        assert_eq!(m["salary"]["notes"][0]["who"], "Rheolwyr");
        assert_eq!(m["salary"]["notes"][0]["around"], 2);
        assert_eq!(m["web_address"], "https://x.org");
    }

    #[test]
    fn facts_extra_fields_and_other_lengths_are_refused_at_their_line() {
        let (o, _) = original();
        let t = tree::parse(
            "web_address: https://y.org\nskills:\n  - codi\ntitel: x\nsalary:\n  starter: 5\n",
        )
        .unwrap();
        let e: Vec<String> = merge(Path::new("o.cy.yaml"), &o, &t, job_policy)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            e[0].starts_with("o.cy.yaml:1:14: web_address: is the same in every language"),
            "{e:?}"
        );
        assert!(
            e[1].starts_with("o.cy.yaml:3:3: skills: the original has 2 items, the translation 1"),
            "{e:?}"
        );
        assert!(
            e[2].starts_with("o.cy.yaml:4:1: titel: is not in the original"),
            "{e:?}"
        );
        assert!(
            e[3].starts_with("o.cy.yaml:6:12: salary.starter: is the same"),
            "{e:?}"
        );
    }

    #[test]
    fn missing_text_is_reported_at_its_line_in_the_original() {
        let (_, ot) = original();
        let t = tree::parse("title: Porthor\nskills:\n  - codi\n  - gofal\n").unwrap();
        let e: Vec<String> = missing(
            Path::new("o.yaml"),
            &ot,
            Some(&t),
            "cy",
            Path::new("o.cy.yaml"),
            job_policy,
        )
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(e, ["o.yaml:9:7: salary.notes[0].who: no Welsh text for it in o.cy.yaml (documents in that language print this field)"]);
        let all = missing(
            Path::new("o.yaml"),
            &ot,
            None,
            "cy",
            Path::new("o.cy.yaml"),
            job_policy,
        );
        assert_eq!(all.len(), 4, "{all:?}");
        assert_eq!(
            file_language("pals-officer.cy.yaml", "pals-officer"),
            Some("cy")
        );
        assert_eq!(file_language("brand.en-GB.yaml", "brand"), Some("en-GB"));
        assert_eq!(file_language("pals-officer.yaml", "pals-officer"), None);
    }
}
