//! JSON Schemas of the content files, from the model itself (schemars), so
//! an editor with a YAML language server completes and checks a job profile
//! or brand as it is typed. The schemas in `schemas/` are written by
//! `careerpress schema`; a test fails when they fall behind the model.
//!
//! Draft 7 is used because it is the draft editors support best (the YAML
//! extension for VS Code, IntelliJ, Neovim's yaml-language-server).

use crate::content::project::ProjectFile;
use crate::content::{Brand, Job};
use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
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
    let schema = SchemaSettings::draft07()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<T>();
    let mut value = schema.to_value();
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "$comment".into(),
            "Written by `careerpress schema` from the content model; do not edit by hand.".into(),
        );
    }
    value
}

/// The schema of a translation (`pals-officer.cy.yaml`): the same fields,
/// none of them required, as a translation holds only the text that reads
/// differently in its language (the loader says which fields are facts
/// that may not be repeated).
fn translation_of<T: JsonSchema>() -> serde_json::Value {
    fn optional(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.remove("required");
                map.remove("minItems");
                map.values_mut().for_each(optional);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(optional),
            _ => {}
        }
    }
    let mut value = schema_of::<T>();
    optional(&mut value);
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

/// Writes every schema into `dir`, leaving files that are already up to
/// date untouched (so their modification time means something).
pub fn write(dir: &Path) -> std::io::Result<Vec<Written>> {
    let mut done = Vec::new();
    for s in &SCHEMAS {
        let path = dir.join(s.file);
        let text = s.text();
        match std::fs::read_to_string(&path) {
            Ok(old) if old == text => done.push(Written::Unchanged(path)),
            old => {
                crate::build::write_atomic(&path, text.as_bytes())?;
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
        .filter(|(p, text)| std::fs::read_to_string(p).ok().as_ref() != Some(text))
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
