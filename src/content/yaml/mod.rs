//! The one place YAML is read. `serde_yaml` is deprecated and silently keeps
//! the last of two duplicate keys; serde-saphyr rejects duplicates, bounds
//! alias expansion and reports line and column. `serde_path_to_error` adds
//! the field path.

pub mod tree;

use super::error::ContentError;
use serde::de::DeserializeOwned;
use std::path::Path;

/// Largest content file accepted.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Reads and parses one YAML file into `T`.
pub fn load<T: DeserializeOwned>(file: &Path) -> Result<T, ContentError> {
    let bytes = read_limited(file)?;
    parse(file, &bytes)
}

/// Reads a file, refusing one over [`MAX_FILE_BYTES`] before reading it.
pub fn read_limited(file: &Path) -> Result<Vec<u8>, ContentError> {
    let meta = std::fs::metadata(file)
        .map_err(|e| ContentError::file(file, format!("cannot read the file: {e}")))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(ContentError::file(
            file,
            format!(
                "the file is {} bytes; content files may be at most {} bytes (1 MiB)",
                meta.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    std::fs::read(file).map_err(|e| ContentError::file(file, format!("cannot read the file: {e}")))
}

/// Limits far above any real profile and far below harm: a 1 MiB file can
/// still hold an alias bomb ("billion laughs") or thousands of nested
/// brackets; these stop it at once with bounded memory.
fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_recorded_anchor_events = 100_000;
    budget.max_recorded_anchor_bytes = 1024 * 1024;
    budget.max_depth = 32;
    budget.flow_nesting_limit = 32;
    budget.max_nodes = 200_000;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    // `.nan` and `.inf` are never hours, pounds or sizes.
    options.non_finite_float_policy = serde_saphyr::NonFiniteFloatPolicy::Reject;
    options
}

/// Parses YAML bytes into `T`, and reads them as a [`tree::Tree`] too, so
/// checks made after parsing can name the line of the field they are about.
pub fn parse_with_tree<T: DeserializeOwned>(
    file: &Path,
    bytes: &[u8],
) -> Result<(T, Option<tree::Tree>), ContentError> {
    let value = parse(file, bytes)?;
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    let tree = tree::parse(text.strip_prefix('\u{feff}').unwrap_or(text));
    Ok((value, tree))
}

/// Fills in the line and column of errors that name a field but no place,
/// from the file's tree.
pub fn locate(errors: &mut [ContentError], tree: Option<&tree::Tree>) {
    let Some(tree) = tree else { return };
    for e in errors.iter_mut().filter(|e| e.line.is_none()) {
        if let Some(pos) = e.path.as_deref().and_then(|p| tree.root.locate(p)) {
            e.line = Some(pos.line as u64);
            e.column = Some(pos.column as u64);
        }
    }
}

/// Parses YAML bytes (UTF-8, an optional BOM, LF or CRLF) into `T`.
pub fn parse<T: DeserializeOwned>(file: &Path, bytes: &[u8]) -> Result<T, ContentError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
            + 1;
        ContentError {
            line: Some(line),
            ..ContentError::file(
                file,
                format!(
                    "the file is not UTF-8 text (bad byte at offset {}); save it as UTF-8",
                    e.valid_up_to()
                ),
            )
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty()
        || text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(ContentError::file(file, "the file is empty"));
    }
    let mut path = String::new();
    let result = serde_saphyr::with_deserializer_from_str_with_options(text, options(), |de| {
        serde_path_to_error::deserialize(de).map_err(|e| {
            path = e.path().to_string();
            e.into_inner()
        })
    });
    result.map_err(|e| to_error(file, &path, &e))
}

fn to_error(file: &Path, path: &str, e: &serde_saphyr::Error) -> ContentError {
    let location = e.location();
    let (message, suggestion) = explain(e.without_snippet());
    ContentError {
        file: file.to_path_buf(),
        line: location.map(|l| l.line()).filter(|&l| l > 0),
        column: location.map(|l| l.column()).filter(|&c| c > 0),
        path: (!path.is_empty() && path != ".").then(|| path.to_string()),
        message,
        suggestion,
        placeholder: false,
    }
}

/// Turns serde-saphyr's error into a careers writer's words, and finds the
/// nearest known field for a misspelt key. Location and snippet are left
/// out: we print `file:line:column:` ourselves, the form editors know.
fn explain(e: &serde_saphyr::Error) -> (String, Option<String>) {
    use serde_saphyr::{Error as E, MessageFormatter};
    match e {
        E::SerdeUnknownField {
            field, expected, ..
        } => {
            let suggestion = nearest(field, expected);
            let message = if expected.is_empty() {
                format!("unknown field '{field}'")
            } else {
                format!(
                    "unknown field '{field}'; known fields here: {}",
                    expected.join(", ")
                )
            };
            (message, suggestion)
        }
        E::SerdeMissingField { field, .. } => (format!("missing required field '{field}'"), None),
        E::NonFiniteFloat { .. } => (
            "expected a number: .nan and .inf are not numbers (e.g. 37.5)".to_string(),
            None,
        ),
        E::DuplicateMappingKey { key, .. } => (
            match key {
                Some(k) => format!("the key '{k}' appears twice; each key may appear once"),
                None => "a key appears twice; each key may appear once".into(),
            },
            None,
        ),
        E::InvalidScalar { ty, .. } => (
            match *ty {
                "u8" | "u16" | "u32" | "u64" | "i32" | "i64" => {
                    "expected a whole number, without a £ sign or commas (e.g. 18200)".to_string()
                }
                "f32" | "f64" => "expected a number (e.g. 37.5)".to_string(),
                "bool" => "expected true or false".to_string(),
                other => format!("expected a value of type {other}"),
            },
            None,
        ),
        other => {
            let m = serde_saphyr::DefaultMessageFormatter
                .format_message(other)
                .into_owned();
            (m.replace('`', "'"), None)
        }
    }
}

/// The known name closest to a misspelt one, if any is close.
pub fn nearest(word: &str, known: &[&str]) -> Option<String> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(word, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.to_string())
}

/// Writes a model as YAML (for generated content such as benchmark corpora).
pub fn to_string<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_saphyr::to_string(value).map_err(|e| e.to_string())
}
