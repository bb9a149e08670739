//! The one place YAML is read. `serde_yaml` is deprecated and silently keeps
//! the last of two duplicate keys; serde-saphyr rejects duplicates, bounds
//! alias expansion and reports line and column. `serde_path_to_error` adds
//! the field path.
//!
//! [`read`] reports *every* mistake of a file in one pass: the file is read
//! into a tree with positions ([`tree`]), syntax mistakes are explained and
//! read past ([`syntax`]), the tree is checked field by field against the
//! model's JSON Schema ([`validate`]), and only then does serde build the
//! value.

pub mod syntax;
pub mod tree;
pub mod validate;
pub mod words;

use super::error::ContentError;
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

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
    crate::safe_fs::read_capped(file, MAX_FILE_BYTES)
        .map_err(|e| ContentError::file(file, format!("cannot read the file: {e}")))
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

/// The JSON Schema of a model, as schemars makes it (draft 7, for reading),
/// made once per type.
pub fn model_schema<T: JsonSchema>() -> Arc<Value> {
    static CACHE: SchemaCache = OnceLock::new();
    once_per_type::<T>(&CACHE, || {
        let mut value = schemars::generate::SchemaSettings::draft07()
            .for_deserialize()
            .into_generator()
            .into_root_schema_for::<T>()
            .to_value();
        limit_lists(&mut value);
        empty_optional_lists(&mut value);
        value
    })
}

/// The schema a translation of a `T` is read against (`pals-officer.cy.yaml`,
/// `brand.cy.yaml`): the model's, with nothing required and no list a
/// least length, as a translation holds only the text that reads
/// differently in its language. Which fields are facts that may not be
/// repeated is the overlay's to say.
pub fn translation_schema<T: JsonSchema>() -> Arc<Value> {
    fn optional(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("required");
                map.remove("minItems");
                map.values_mut().for_each(optional);
            }
            Value::Array(items) => items.iter_mut().for_each(optional),
            _ => {}
        }
    }
    static CACHE: SchemaCache = OnceLock::new();
    once_per_type::<T>(&CACHE, || {
        let mut value = (*model_schema::<T>()).clone();
        optional(&mut value);
        if let Some(map) = value.as_object_mut() {
            map.insert(validate::TRANSLATION.into(), true.into());
        }
        value
    })
}

/// Schemas made once per model type.
type SchemaCache = OnceLock<Mutex<HashMap<String, Arc<Value>>>>;

fn once_per_type<T: JsonSchema>(cache: &SchemaCache, make: impl FnOnce() -> Value) -> Arc<Value> {
    let key = T::schema_id().into_owned();
    let cache = cache.get_or_init(Default::default);
    if let Some(s) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return s;
    }
    let schema = Arc::new(make());
    if let Ok(mut c) = cache.lock() {
        c.insert(key, schema.clone());
    }
    schema
}

/// An optional list may be left empty (`notes:` with nothing after it), as
/// the model reads it (`types::list`): in every section, a list that is not
/// required takes `null` too.
fn empty_optional_lists(v: &mut Value) {
    match v {
        Value::Object(map) => {
            let required: Vec<String> = map
                .get("required")
                .and_then(Value::as_array)
                .map(|r| {
                    r.iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            if let Some(Value::Object(props)) = map.get_mut("properties") {
                for (name, p) in props.iter_mut() {
                    if required.contains(name) {
                        continue;
                    }
                    if p.get("type").and_then(Value::as_str) == Some("array") {
                        p["type"] = serde_json::json!(["array", "null"]);
                    }
                }
            }
            map.values_mut().for_each(empty_optional_lists);
        }
        Value::Array(items) => items.iter_mut().for_each(empty_optional_lists),
        _ => {}
    }
}

/// Every list in a schema holds at most [`super::MAX_LIST_ITEMS`] items.
fn limit_lists(v: &mut Value) {
    match v {
        Value::Object(map) => {
            let is_list = match map.get("type") {
                Some(Value::String(t)) => t == "array",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "array"),
                _ => false,
            };
            if is_list && !map.contains_key("maxItems") {
                map.insert("maxItems".into(), super::MAX_LIST_ITEMS.into());
            }
            map.values_mut().for_each(limit_lists);
        }
        Value::Array(items) => items.iter_mut().for_each(limit_lists),
        _ => {}
    }
}

/// Reads YAML bytes into `T`, reporting every mistake in the file at once
/// (see the module documentation), each with its line, column and field.
/// Also returns the file as a tree, for checks made afterwards.
pub fn read<T: DeserializeOwned + JsonSchema>(
    file: &Path,
    bytes: &[u8],
) -> Result<(T, tree::Tree), Vec<ContentError>> {
    read_with_schema(file, bytes, &model_schema::<T>())
}

/// [`read`] against a given schema (e.g. the model's, with every field made
/// optional for a file that only adds to another).
pub fn read_with_schema<T: DeserializeOwned>(
    file: &Path,
    bytes: &[u8],
    schema: &Value,
) -> Result<(T, tree::Tree), Vec<ContentError>> {
    let text = text_of(file, bytes).map_err(|e| vec![e])?;
    let (tree, mut mistakes) = syntax::read(text, schema);
    if let Some(t) = &tree {
        mistakes.extend(syntax::merged_items(t, text));
    }
    let mut errors: Vec<ContentError> = Vec::new();
    let mut owned_lines: Vec<usize> = Vec::new();
    for m in &mistakes {
        if m.owns_line {
            owned_lines.push(m.pos.line);
        }
        let path = m.path.clone().or_else(|| {
            tree.as_ref()
                .and_then(|t| t.path_at_line(m.pos.line))
                .filter(|p| {
                    tree.as_ref()
                        .and_then(|t| t.root.locate(p))
                        .is_some_and(|pos| pos.line == m.pos.line)
                })
        });
        errors.push(ContentError {
            file: Some(file.to_path_buf()),
            line: Some(m.pos.line as u32),
            column: Some(m.pos.column as u32),
            field: path,
            message: m.message.clone(),
            ..ContentError::default()
        });
    }
    let Some(tree) = tree else {
        return Err(errors);
    };
    for issue in validate::validate(&tree, schema, super::types::check_for) {
        if owned_lines.contains(&issue.pos.line) {
            continue;
        }
        errors.push(ContentError {
            file: Some(file.to_path_buf()),
            line: Some(issue.pos.line as u32),
            column: Some(issue.pos.column as u32),
            field: Some(issue.path).filter(|p| !p.is_empty()),
            message: issue.message,
            suggestion: issue.suggestion,
            placeholder: issue.to_fill,
            ..ContentError::default()
        });
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| (e.line, e.column));
        return Err(errors);
    }
    // The tree is sound: serde builds the value (and has the last word).
    match parse::<T>(file, bytes) {
        Ok(v) => Ok((v, tree)),
        Err(mut e) => {
            if e.line.is_none() {
                locate(std::slice::from_mut(&mut e), Some(&tree));
            }
            Err(vec![e])
        }
    }
}

/// The text of a content file: UTF-8, without a BOM, not empty.
fn text_of<'a>(file: &Path, bytes: &'a [u8]) -> Result<&'a str, ContentError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u32
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
    Ok(text)
}

/// Fills in the line and column of errors that name a field but no place,
/// from the file's tree.
pub fn locate(errors: &mut [ContentError], tree: Option<&tree::Tree>) {
    let Some(tree) = tree else { return };
    for e in errors.iter_mut().filter(|e| e.line.is_none()) {
        if let Some(pos) = e.field.as_deref().and_then(|p| tree.root.locate(p)) {
            e.line = Some(pos.line as u32);
            e.column = Some(pos.column as u32);
        }
    }
}

/// Parses YAML bytes (UTF-8, an optional BOM, LF or CRLF) into `T`,
/// stopping at the first mistake (for small files with no schema, such as
/// a template's settings; content files use [`read`]).
pub fn parse<T: DeserializeOwned>(file: &Path, bytes: &[u8]) -> Result<T, ContentError> {
    let text = text_of(file, bytes)?;
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
        file: Some(file.to_path_buf()),
        line: location.map(|l| l.line() as u32).filter(|&l| l > 0),
        column: location.map(|l| l.column() as u32).filter(|&c| c > 0),
        field: (!path.is_empty() && path != ".").then(|| path.to_string()),
        message,
        suggestion,
        ..ContentError::default()
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
                other => words::plain(&format!("expected a value of type {other}")),
            },
            None,
        ),
        other => {
            let m = serde_saphyr::DefaultMessageFormatter
                .format_message(other)
                .into_owned();
            (words::plain(&m), None)
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
