//! Shared by the schema tests (`authoring_schema.rs`, on the tests' own
//! content, and `bundled_smoke.rs`, on the bundled content): a project's
//! content files, each validated against its JSON Schema and naming it on
//! its first line.
#![allow(dead_code)]

use careerpress::authoring::schema;
use careerpress::content::yaml;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::validator_for(schema).expect("the schema compiles")
}

/// A YAML content file as JSON, read through the one YAML reader.
pub fn yaml_as_json(file: &Path) -> Value {
    yaml::load::<Value>(file).unwrap_or_else(|e| panic!("{e}"))
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The content files of the project at `root` (jobs, brands and their
/// translations), each with the kind of schema it is checked against.
pub fn content_files(root: &Path) -> Vec<(PathBuf, &'static str)> {
    let mut files = Vec::new();
    for e in std::fs::read_dir(root.join("content/jobs")).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".yaml") {
            // `<id>.<lang>.yaml` is a translation.
            let kind = if name.matches('.').count() == 2 {
                "job-translation"
            } else {
                "job"
            };
            files.push((p, kind));
        }
    }
    for e in std::fs::read_dir(root.join("content/brands")).unwrap() {
        let dir = e.unwrap().path();
        for f in std::fs::read_dir(&dir).unwrap() {
            let p = f.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if name == "brand.yaml" {
                files.push((p, "brand"));
            } else if name.starts_with("brand.") && name.ends_with(".yaml") {
                files.push((p, "brand-translation"));
            }
        }
    }
    files.sort();
    assert!(!files.is_empty(), "no content in {}", root.display());
    files
}

/// Every content file of the project at `root` is valid against its schema.
pub fn assert_valid_against_the_schemas(root: &Path) {
    for (file, kind) in content_files(root) {
        let schema = schema::schema_file(kind).unwrap().value();
        let v = validator(&schema);
        let instance = yaml_as_json(&file);
        let errs = errors(&v, &instance);
        assert!(errs.is_empty(), "{}: {errs:#?}", file.display());
    }
}

/// Every content file of the project at `root` names its schema on its
/// first line, by a path that, resolved from where the file sits in the
/// project, is one of the schemas in `schemas` (a project's `schemas/`).
pub fn assert_name_their_schema(root: &Path, schemas: &Path) {
    for (file, kind) in content_files(root) {
        let text = std::fs::read_to_string(&file).unwrap();
        let first = text.lines().next().unwrap();
        let expected = match kind {
            "job" => schema::job_modeline(),
            "job-translation" => schema::job_translation_modeline(),
            "brand-translation" => schema::brand_translation_modeline(),
            _ => schema::brand_modeline(),
        };
        assert_eq!(first, expected, "{}", file.display());
        // Resolved from where the file sits in the project, as a path in
        // the project, then found among `schemas`.
        let rel = first.split_once("$schema=").unwrap().1;
        let in_project = file.strip_prefix(root).unwrap();
        let mut resolved = PathBuf::new();
        for part in in_project.parent().unwrap().join(rel).components() {
            match part {
                std::path::Component::ParentDir => {
                    assert!(resolved.pop(), "{rel} leaves the project")
                }
                std::path::Component::CurDir => {}
                other => resolved.push(other),
            }
        }
        let in_schemas = resolved.strip_prefix("schemas").unwrap_or_else(|_| {
            panic!(
                "{}: {} is not in schemas/",
                file.display(),
                resolved.display()
            )
        });
        let target = schemas.join(in_schemas);
        assert!(target.is_file(), "{} does not exist", target.display());
    }
}
