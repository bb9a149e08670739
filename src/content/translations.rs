//! Loading translations (see [`super::overlay`]): each `<id>.<lang>.yaml`
//! beside a job, and each `brand.<lang>.yaml` in a brand's folder, merged
//! over the original and checked like any profile.

use super::error::ContentError;
use super::overlay::{self, Policy};
use super::yaml::{self, tree::Tree};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One loaded translation of a job or brand.
#[derive(Debug, Clone)]
pub struct Translation<T> {
    /// The language tag of the file name, e.g. `cy`.
    pub language: String,
    pub file: PathBuf,
    /// The original with the translated text in place.
    pub value: T,
    /// Placeholders in the translation (a TODO in the Welsh text makes the
    /// Welsh documents drafts).
    pub placeholders: Vec<ContentError>,
    /// Review notes (`# REVIEW: …`): said by `check`, never holding a
    /// build back.
    pub reviews: Vec<ContentError>,
    /// The translation's own tree.
    pub(crate) tree: Tree,
}

/// An original's translations and what they lack.
#[derive(Debug, Clone, Default)]
pub struct Translations<T> {
    pub by_language: BTreeMap<String, Translation<T>>,
    /// The original's own tree, to say where a missing translation belongs.
    pub(crate) original_tree: Option<Tree>,
}

impl<T> Translations<T> {
    /// The translation for a language tag: exact (`cy-GB`), else by its
    /// language (`cy`).
    pub fn get(&self, tag: &str) -> Option<&Translation<T>> {
        self.by_language.get(tag).or_else(|| {
            self.by_language
                .values()
                .find(|t| overlay::primary(&t.language) == overlay::primary(tag))
        })
    }

    /// The printed fields a document in `tag` would lack, at their lines in
    /// `original_file`; empty for the original's own language (English).
    pub fn missing(&self, original_file: &Path, tag: &str, policy: Policy) -> Vec<ContentError> {
        if overlay::primary(tag) == "en" {
            return Vec::new();
        }
        let Some(tree) = &self.original_tree else {
            return Vec::new();
        };
        let t = self.get(tag);
        let file = t
            .map(|t| t.file.clone())
            .unwrap_or_else(|| translation_file(original_file, overlay::primary(tag)));
        let gaps = overlay::missing(original_file, tree, t.map(|t| &t.tree), tag, &file, policy);
        if t.is_none() && !gaps.is_empty() {
            // No translation at all: one error, not one a field.
            let name = overlay::language_name(tag);
            let message = if file.exists() {
                // Its own mistakes are reported at their lines.
                format!(
                    "the {name} text in {} could not be read (its mistakes are listed at their lines): documents in {name} print {} of this file's fields",
                    file.display(),
                    gaps.len()
                )
            } else {
                format!(
                    "no {name} text yet: documents in {name} print {} of its fields; write them in {} (the same fields in the same places, only the text in {name})",
                    gaps.len(),
                    file.display()
                )
            };
            return vec![ContentError::file(original_file, message)];
        }
        gaps
    }
}

/// Where the translation of `original` into `lang` goes:
/// `pals-officer.yaml` → `pals-officer.cy.yaml`, `brand.yaml` →
/// `brand.cy.yaml`.
pub fn translation_file(original: &Path, lang: &str) -> PathBuf {
    let stem = original
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    original.with_file_name(format!("{stem}.{lang}.yaml"))
}

/// Loads the translations `files` (language, file) of an original whose
/// model value is `value`; `check` validates each merged value as the
/// loader validates originals. Problems go to `errors`.
pub fn load<T>(
    value: &T,
    original_tree: Option<Tree>,
    files: &[(String, PathBuf)],
    policy: Policy,
    check: impl Fn(&Path, &T) -> Vec<ContentError>,
    errors: &mut Vec<ContentError>,
) -> Translations<T>
where
    T: Serialize + DeserializeOwned + JsonSchema,
{
    let mut out = Translations {
        by_language: BTreeMap::new(),
        original_tree,
    };
    let original = match serde_json::to_value(value) {
        Ok(v) => v,
        Err(_) => return out,
    };
    for (lang, file) in files {
        match load_one(&original, lang, file, policy, &check) {
            Ok(t) => {
                out.by_language.insert(lang.clone(), t);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    out
}

fn load_one<T: DeserializeOwned + JsonSchema>(
    original: &serde_json::Value,
    lang: &str,
    file: &Path,
    policy: Policy,
    check: &impl Fn(&Path, &T) -> Vec<ContentError>,
) -> Result<Translation<T>, Vec<ContentError>> {
    // Only files inside the folder of the original are read.
    let dir = file.parent().unwrap_or(Path::new("."));
    crate::safe_fs::check_inside(dir, file).map_err(|m| vec![ContentError::file(file, m)])?;
    let bytes = yaml::read_limited(file).map_err(|e| vec![e])?;
    // Read as every content file is: every mistake at once, in plain words,
    // against the model's schema with nothing required (and its own
    // placeholders beside them).
    let (_, tree) =
        yaml::read_with_schema::<serde_json::Value>(file, &bytes, &yaml::translation_schema::<T>())
            .map_err(|e| super::with_placeholders(file, &bytes, e))?;
    let merged = overlay::merge(file, original, &tree, policy)?;
    let value: T = serde_path_to_error::deserialize(merged).map_err(|e| {
        let path = e.path().to_string();
        let mut err = ContentError::file(file, plain(&e.inner().to_string())).at_path(path);
        yaml::locate(std::slice::from_mut(&mut err), Some(&tree));
        vec![err]
    })?;
    let mut problems = check(file, &value);
    yaml::locate(&mut problems, Some(&tree));
    if !problems.is_empty() {
        return Err(problems);
    }
    let reviews = tree
        .comments
        .iter()
        .filter(|c| {
            c.text
                .trim_start()
                .to_ascii_uppercase()
                .starts_with("REVIEW")
        })
        .map(|c| {
            let mut e = ContentError::file(
                file,
                format!(
                    "review note: {}",
                    super::yaml::words::shown(
                        c.text
                            .trim()
                            .trim_start_matches(|ch: char| ch.is_alphabetic())
                            .trim_start_matches(':')
                            .trim()
                    )
                ),
            );
            e.line = Some(c.line as u32);
            e
        })
        .collect();
    Ok(Translation {
        language: lang.to_string(),
        file: file.to_path_buf(),
        placeholders: super::placeholder::find(file, &tree),
        value,
        reviews,
        tree,
    })
}

/// A serde message without its Rust wording.
fn plain(m: &str) -> String {
    m.replace("invalid type: ", "")
        .replace("a sequence", "a list")
        .replace("a map", "a group of fields")
        .replace("string", "text")
}
