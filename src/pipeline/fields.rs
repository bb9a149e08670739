//! Which content field a piece of printed text came from: so that a
//! writer's warning about a word ("wider than its column") names the job
//! or brand file, the line and the field path to change, not just the
//! document it showed up in.

use crate::content::{LoadedBrand, LoadedJob};
use crate::diagnostic::Diagnostic;
use serde_json::Value;
use std::path::Path;

/// The first field of `value` (in file order) whose text contains `needle`,
/// as a path (`contact.web_address`, `duties.tasks[2]`).
fn find(value: &Value, needle: &str, path: &mut String) -> bool {
    match value {
        Value::String(s) => s.contains(needle),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                if find(v, needle, path) {
                    return true;
                }
                path.truncate(len);
            }
            false
        }
        Value::Object(map) => {
            for (k, v) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                if find(v, needle, path) {
                    return true;
                }
                path.truncate(len);
            }
            false
        }
        _ => false,
    }
}

/// `needle` looked for in one content file's values: a diagnostic at its
/// field and line, or `None`.
fn in_file<T: serde::Serialize>(value: &T, file: &Path, needle: &str) -> Option<Diagnostic> {
    let json = serde_json::to_value(value).ok()?;
    let mut path = String::new();
    if !find(&json, needle, &mut path) {
        return None;
    }
    let mut found = [Diagnostic::warning(String::new())
        .in_file(file)
        .at_path(&path)];
    let bytes = crate::content::yaml::read_limited(file).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    let tree = crate::content::yaml::tree::parse(text.strip_prefix('\u{feff}').unwrap_or(&text));
    crate::content::yaml::locate(&mut found, tree.as_ref());
    let [d] = found;
    Some(d)
}

/// Where `needle` (a word as printed) is written: the job, the brand, then
/// their translations in the document's languages; `None` when it came
/// from the template or its message catalogue.
pub fn locate(
    job: &LoadedJob,
    brand: &LoadedBrand,
    languages: &[String],
    needle: &str,
) -> Option<Diagnostic> {
    // Typography may have curled an apostrophe: look for the word as typed.
    let typed: String = needle
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            c => c,
        })
        .collect();
    let needles = [needle, typed.as_str()];
    // The original first: a translation holds the original's text wherever
    // it has none of its own.
    let original = needles.iter().find_map(|n| {
        in_file(&job.job, &job.file, n).or_else(|| in_file(&brand.brand, &brand.file, n))
    });
    original.or_else(|| {
        languages.iter().find_map(|lang| {
            needles.iter().find_map(|n| {
                let j = job
                    .translations
                    .get(lang)
                    .and_then(|t| in_file(&t.value, &t.file, n));
                j.or_else(|| {
                    brand
                        .translations
                        .get(lang)
                        .and_then(|t| in_file(&t.value, &t.file, n))
                })
            })
        })
    })
}
