//! JSON Schemas of the content files, from the model itself (schemars), so
//! an editor with a YAML language server completes and checks a job profile
//! or brand as it is typed. The schemas in `schemas/` are written by
//! `careerpress schema`; a test fails when they fall behind the model.
//!
//! Draft 7 is used because it is the draft editors support best (the YAML
//! extension for VS Code, IntelliJ, Neovim's yaml-language-server).

use crate::content::project::ProjectFile;
use crate::content::{Brand, Job};
use schemars::JsonSchema;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The folder, under the project root, that holds the schemas.
pub const SCHEMA_DIR: &str = "schemas";

/// One schema file: its name in `schemas/`, and what it describes.
#[derive(Debug, Clone, Copy)]
pub struct SchemaFile {
    pub file: &'static str,
    pub describes: &'static str,
    make: fn() -> serde_json::Value,
}

impl SchemaFile {
    /// The schema as pretty JSON with a final newline (what is written).
    pub fn text(&self) -> String {
        let mut s = serde_json::to_string_pretty(&(self.make)()).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The schema as JSON.
    pub fn value(&self) -> serde_json::Value {
        (self.make)()
    }
}

/// Every schema careerpress writes.
pub const SCHEMAS: [SchemaFile; 5] = [
    SchemaFile {
        file: "job.schema.json",
        describes: "content/jobs/<id>.yaml",
        make: schema_of::<Job>,
    },
    SchemaFile {
        file: "brand.schema.json",
        describes: "content/brands/<id>/brand.yaml",
        make: schema_of::<Brand>,
    },
    SchemaFile {
        file: "job-translation.schema.json",
        describes: "content/jobs/<id>.<language>.yaml",
        make: translation_of::<Job>,
    },
    SchemaFile {
        file: "brand-translation.schema.json",
        describes: "content/brands/<id>/brand.<language>.yaml",
        make: translation_of::<Brand>,
    },
    SchemaFile {
        file: "project.schema.json",
        describes: "careerpress.yaml",
        make: schema_of::<ProjectFile>,
    },
];

/// The schema file for a kind of content: `job`, `brand` or `project`.
pub fn schema_file(kind: &str) -> Option<&'static SchemaFile> {
    SCHEMAS
        .iter()
        .find(|s| s.file.strip_suffix(".schema.json") == Some(kind))
}

fn schema_of<T: JsonSchema>() -> serde_json::Value {
    editors_schema(&crate::content::yaml::model_schema::<T>())
}

/// A schema careerpress reads with, as written for editors.
fn editors_schema(reading: &Value) -> Value {
    let mut value = for_editors(reading.clone());
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "$comment".into(),
            "Written by `careerpress schema` from the content model; do not edit by hand.".into(),
        );
    }
    value
}

/// The model's schema made to help in an editor (yaml-language-server reads
/// `errorMessage`, `patternErrorMessage` and the field's own description):
///
/// - each validated text type (`Text`, `WebAddress`, …) is written out in
///   the field that uses it, so hovering over `title` shows the title's
///   help and example, not a generic "Text as it is to be printed";
/// - an empty value says "To fill in: …" with the field's description (a
///   fresh skeleton reads as a list of fields to fill in), a wrong one says
///   what the value must look like, never a raw regular expression; one
///   message a field, not one for each rule it breaks;
/// - a salary of 0 is left to `careerpress check`: it is how an import marks
///   a figure still to find.
pub fn for_editors(mut root: Value) -> Value {
    let defs = root.get("definitions").cloned().unwrap_or(Value::Null);
    inline_leaves(&mut root, &defs, None);
    if let Some(Value::Object(d)) = root.get_mut("definitions") {
        d.retain(|name, _| crate::content::types::check_for(name).is_none());
        for def in d.values_mut() {
            inline_leaves(def, &defs, None);
        }
    }
    root
}

/// The validated type a schema stands for (`{"$ref": "#/definitions/Text"}`,
/// or that inside `allOf`), and whether it may also be empty (`anyOf` with
/// null).
fn leaf_of(v: &Value) -> Option<(&str, bool)> {
    fn name(r: &Value) -> Option<&str> {
        r.get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/definitions/"))
            .filter(|n| crate::content::types::check_for(n).is_some())
    }
    if let Some(n) = name(v) {
        return Some((n, false));
    }
    if let Some([one]) = v.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
        return name(one).map(|n| (n, false));
    }
    if let Some([a, b]) = v.get("anyOf").and_then(Value::as_array).map(Vec::as_slice) {
        if b.get("type").and_then(Value::as_str) == Some("null") {
            return name(a).map(|n| (n, true));
        }
    }
    None
}

fn inline_leaves(v: &mut Value, defs: &Value, description: Option<&str>) {
    let Value::Object(map) = v else {
        if let Value::Array(items) = v {
            items
                .iter_mut()
                .for_each(|i| inline_leaves(i, defs, description));
        }
        return;
    };
    // A salary of 0: `check` refuses it; an import's draft may hold it.
    if map.remove("x-out-of-range").is_some() {
        map.remove("minimum");
    }
    let own = map
        .get("description")
        .and_then(Value::as_str)
        .map(str::to_string)
        .or(description.map(str::to_string));
    let leaf = leaf_of(&Value::Object(map.clone())).map(|(n, null)| (n.to_string(), null));
    if let Some((name, nullable)) = leaf {
        let def = &defs[name.as_str()];
        map.remove("allOf");
        map.remove("anyOf");
        map.remove("$ref");
        map.insert(
            "type".into(),
            if nullable {
                serde_json::json!(["string", "null"])
            } else {
                "string".into()
            },
        );
        if let Some(max) = def.get("maxLength") {
            map.insert("maxLength".into(), max.clone());
        }
        if own.is_some() && !map.contains_key("description") {
            map.insert("description".into(), own.clone().into());
        }
        if !map.contains_key("examples") {
            if let Some(e) = def.get("examples") {
                map.insert("examples".into(), e.clone());
            }
        }
        let fill = fill_message(own.as_deref());
        map.insert("errorMessage".into(), fill.clone().into());
        map.insert(
            "if".into(),
            serde_json::json!({ "type": "string", "pattern": "^\\s*$" }),
        );
        map.insert(
            "then".into(),
            serde_json::json!({ "pattern": "\\S", "patternErrorMessage": fill }),
        );
        let mut otherwise = serde_json::Map::new();
        if let Some(p) = def.get("pattern") {
            otherwise.insert("pattern".into(), p.clone());
        }
        otherwise.insert("patternErrorMessage".into(), invalid(&name).into());
        map.insert("else".into(), Value::Object(otherwise));
        return;
    }
    // Plain text that may not be empty: one message, in words.
    if map.get("type").and_then(Value::as_str) == Some("string")
        && map.get("minLength").and_then(Value::as_u64).unwrap_or(0) > 0
        && !map.contains_key("pattern")
    {
        map.remove("minLength");
        map.insert("pattern".into(), "\\S".into());
        map.insert(
            "patternErrorMessage".into(),
            fill_message(own.as_deref()).into(),
        );
    }
    let items_description = own.clone();
    for (k, child) in map.iter_mut() {
        match k.as_str() {
            // A list's items take the list's description.
            "items" => inline_leaves(child, defs, items_description.as_deref()),
            "properties" => {
                if let Value::Object(props) = child {
                    for (name, p) in props.iter_mut() {
                        inline_leaves(p, defs, None);
                        if let Value::Object(p) = p {
                            p.entry("title").or_insert_with(|| title_of(name).into());
                        }
                    }
                }
            }
            "definitions" => {
                if let Value::Object(props) = child {
                    props
                        .values_mut()
                        .for_each(|p| inline_leaves(p, defs, None));
                }
            }
            "allOf" | "anyOf" | "oneOf" => inline_leaves(child, defs, None),
            _ => {}
        }
    }
}

/// "To fill in: the job title …", from a field's description.
fn fill_message(description: Option<&str>) -> String {
    let what = description
        .map(|d| {
            let one_line = d.split_whitespace().collect::<Vec<_>>().join(" ");
            crate::content::yaml::words::lower_first(one_line.trim_end_matches('.'))
        })
        .unwrap_or_else(|| "a value".into());
    format!("To fill in: {what}.")
}

/// A field's name in words, for an editor's hover: `web_address` → "Web address".
fn title_of(key: &str) -> String {
    let words = key.replace('_', " ");
    let mut c = words.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// What an editor says of a value that breaks a validated type's rule.
fn invalid(name: &str) -> &'static str {
    match name {
        "WebAddress" => "Not a web address: write it starting https://, with a host name and no spaces (e.g. https://www.healthcareers.nhs.uk).",
        "Email" => "Not an email address: write it like pals@example.nhs.uk.",
        "Phone" => "Not a phone number: 6 to 15 digits, with spaces, +, brackets or hyphens as people write them (e.g. 0345 60 60 655).",
        "Date" => "Not a date: write it as YYYY-MM-DD (year-month-day), e.g. 2026-11-21.",
        "HexColour" => "Not a colour: write it as \"#RRGGBB\" in quotes, e.g. \"#005EB8\" (without quotes, # starts a comment).",
        _ => "The text may hold no control characters other than new lines and tabs.",
    }
}

/// The schema of a translation (`pals-officer.cy.yaml`): the same fields,
/// none of them required, as a translation holds only the text that reads
/// differently in its language (the loader says which fields are facts
/// that may not be repeated).
fn translation_of<T: JsonSchema>() -> serde_json::Value {
    let mut value = editors_schema(&crate::content::yaml::translation_schema::<T>());
    if let Some(obj) = value.as_object_mut() {
        let title = obj
            .get("title")
            .and_then(|t| t.as_str())
            .unwrap_or("careerpress")
            .to_string();
        obj.insert("title".into(), format!("{title}: translation").into());
        obj.insert(
            "description".into(),
            "The text of a job or brand in another language, beside the original (e.g. pals-officer.cy.yaml): the same fields in the same places, only the text translated; salaries, hours, dates, addresses, phone numbers and web addresses come from the original and are left out.".into(),
        );
    }
    value
}

/// What `write` did to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    Created(PathBuf),
    Updated(PathBuf),
    Unchanged(PathBuf),
}

/// Largest schema file compared (ours are a few KiB).
const MAX_SCHEMA_BYTES: u64 = 4 * 1024 * 1024;

/// Writes every schema into `dir`, leaving files that are already up to
/// date untouched (so their modification time means something).
pub fn write(dir: &Path) -> std::io::Result<Vec<Written>> {
    let mut done = Vec::new();
    for s in &SCHEMAS {
        let path = dir.join(s.file);
        let text = s.text();
        match crate::safe_fs::read_text_capped(&path, MAX_SCHEMA_BYTES) {
            Ok(old) if old == text => done.push(Written::Unchanged(path)),
            old => {
                crate::pipeline::write_atomic(&path, text.as_bytes())?;
                done.push(if old.is_ok() {
                    Written::Updated(path)
                } else {
                    Written::Created(path)
                });
            }
        }
    }
    Ok(done)
}

/// The schema files in `dir` that are missing or differ from the model.
pub fn stale(dir: &Path) -> Vec<PathBuf> {
    SCHEMAS
        .iter()
        .map(|s| (dir.join(s.file), s.text()))
        .filter(|(p, text)| {
            crate::safe_fs::read_text_capped(p, MAX_SCHEMA_BYTES)
                .ok()
                .as_ref()
                != Some(text)
        })
        .map(|(p, _)| p)
        .collect()
}

/// The first line a content file carries so editors find its schema:
/// `# yaml-language-server: $schema=<relative path>`.
pub fn modeline(relative: &str) -> String {
    format!("# yaml-language-server: $schema={relative}")
}

/// The modeline of a job file (`content/jobs/<id>.yaml`).
pub fn job_modeline() -> String {
    modeline(&format!("../../{SCHEMA_DIR}/job.schema.json"))
}

/// The modeline of a job's translation (`content/jobs/<id>.<lang>.yaml`).
pub fn job_translation_modeline() -> String {
    modeline(&format!("../../{SCHEMA_DIR}/job-translation.schema.json"))
}

/// The modeline of a brand's translation (`content/brands/<id>/brand.<lang>.yaml`).
pub fn brand_translation_modeline() -> String {
    modeline(&format!(
        "../../../{SCHEMA_DIR}/brand-translation.schema.json"
    ))
}

/// The modeline of a brand file (`content/brands/<id>/brand.yaml`).
pub fn brand_modeline() -> String {
    modeline(&format!("../../../{SCHEMA_DIR}/brand.schema.json"))
}
