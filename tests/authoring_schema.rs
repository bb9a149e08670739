//! The JSON Schemas in `schemas/`: written by `careerpress schema`, up to
//! date with the model, accepting the bundled content and agreeing with the
//! loader on the validated value types.

mod common;

use careerpress::authoring::schema::{self, SCHEMAS};
use careerpress::content::types::{Date, Email, HexColour, Phone, Text, WebAddress};
use careerpress::content::yaml;
use common::{fixture, repo};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::validator_for(schema).expect("the schema compiles")
}

/// A YAML content file as JSON, read through the one YAML reader.
fn yaml_as_json(file: &Path) -> Value {
    yaml::load::<Value>(file).unwrap_or_else(|e| panic!("{e}"))
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn content_files() -> Vec<(PathBuf, &'static str)> {
    let mut files = Vec::new();
    for e in std::fs::read_dir(fixture().join("content/jobs")).unwrap() {
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
    for e in std::fs::read_dir(fixture().join("content/brands")).unwrap() {
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
    assert!(files.len() >= 5, "{files:?}");
    files
}

#[test]
fn schema_files_in_the_repository_are_up_to_date() {
    let stale = schema::stale(&repo().join("schemas"));
    assert!(
        stale.is_empty(),
        "{stale:?} are out of date with the content model: run `cargo run -- schema` and commit schemas/"
    );
}

#[test]
fn careerpress_schema_writes_the_same_files_and_check_spots_stale_ones() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        assert_cmd::Command::cargo_bin("careerpress")
            .unwrap()
            .arg("--project")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["schema", "--check"]);
    assert_eq!(out.status.code(), Some(1), "missing schemas are stale");
    let out = run(&["schema"]);
    assert!(out.status.success(), "{out:?}");
    for s in &SCHEMAS {
        let written = std::fs::read(dir.path().join("schemas").join(s.file)).unwrap();
        let kept = std::fs::read(repo().join("schemas").join(s.file)).unwrap();
        assert_eq!(written, kept, "{}", s.file);
    }
    assert!(run(&["schema", "--check"]).status.success());
    std::fs::write(dir.path().join("schemas/job.schema.json"), "{}").unwrap();
    let out = run(&["schema", "--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("job.schema.json"));
}

#[test]
fn bundled_content_is_valid_against_the_schemas() {
    for (file, kind) in content_files() {
        let schema = schema::schema_file(kind).unwrap().value();
        let v = validator(&schema);
        let instance = yaml_as_json(&file);
        let errs = errors(&v, &instance);
        assert!(errs.is_empty(), "{}: {errs:#?}", file.display());
    }
}

#[test]
fn content_files_name_their_schema_on_the_first_line() {
    for (file, kind) in content_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let first = text.lines().next().unwrap();
        let expected = match kind {
            "job" => schema::job_modeline(),
            "job-translation" => schema::job_translation_modeline(),
            "brand-translation" => schema::brand_translation_modeline(),
            _ => schema::brand_modeline(),
        };
        assert_eq!(first, expected, "{}", file.display());
        // Resolved from where the file sits in a project (the fixtures are
        // a project's content/ folder without its schemas/), as a path in
        // the project, then found among the repository's schemas.
        let rel = first.split_once("$schema=").unwrap().1;
        let in_project = file.strip_prefix(fixture()).unwrap();
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
        assert!(resolved.starts_with("schemas"), "{}", resolved.display());
        let target = repo().join(&resolved);
        assert!(target.is_file(), "{} does not exist", target.display());
    }
}

#[test]
fn schemas_describe_and_exemplify_every_field() {
    fn walk(v: &Value, path: &str, missing: &mut Vec<String>) {
        if let Some(props) = v.get("properties").and_then(Value::as_object) {
            for (name, p) in props {
                let here = format!("{path}.{name}");
                if p.get("description").is_none() {
                    missing.push(format!("{here}: description"));
                }
                if p.get("examples").is_none() {
                    missing.push(format!("{here}: examples"));
                }
            }
        }
        if let Some(defs) = v.get("definitions").and_then(Value::as_object) {
            for (name, d) in defs {
                walk(d, name, missing);
            }
        }
    }
    for s in &SCHEMAS {
        let mut missing = Vec::new();
        walk(&s.value(), s.file, &mut missing);
        assert!(missing.is_empty(), "{missing:#?}");
    }
}

#[test]
fn a_typo_and_a_bad_value_fail_the_schema_as_they_fail_the_loader() {
    let v = validator(&schema::schema_file("job").unwrap().value());
    let good = yaml_as_json(&fixture().join("content/jobs/pals-officer.yaml"));
    let mut typo = good.clone();
    let title = typo["title"].take();
    typo.as_object_mut().unwrap().insert("titel".into(), title);
    assert!(!v.is_valid(&typo));
    let mut bad = good.clone();
    bad["salary"]["starter"] = "£18,200".into();
    assert!(!v.is_valid(&bad));
    let mut bad = good;
    bad["last_reviewed"] = "21/11/2026".into();
    assert!(!v.is_valid(&bad));
}

/// Each validated type's schema accepts exactly what its loader accepts, on
/// values at the edges of the rules.
#[test]
fn value_type_schemas_agree_with_their_validation() {
    fn agree<T: schemars::JsonSchema + serde::de::DeserializeOwned>(samples: &[&str]) {
        let schema = schemars::generate::SchemaSettings::draft07()
            .into_generator()
            .into_root_schema_for::<T>();
        let v = validator(&schema.to_value());
        for s in samples {
            let loader = serde_json::from_value::<T>(Value::String(s.to_string())).is_ok();
            let schema_ok = v.is_valid(&Value::String(s.to_string()));
            assert_eq!(
                loader,
                schema_ok,
                "{}: {s:?}: loader says {loader}, schema says {schema_ok}",
                std::any::type_name::<T>()
            );
        }
    }
    agree::<Text>(&[
        "PALS officer",
        "",
        "   ",
        "\n",
        "two\nlines\tand a tab",
        "bell\u{7}",
        "carriage\rreturn",
        "Gwasanaeth Cyngor a Chyswllt Cleifion ŵ ŷ",
        " x ",
    ]);
    agree::<WebAddress>(&[
        "https://www.healthcareers.nhs.uk",
        "http://example.org/a/b?c=d",
        "HTTPS://EXAMPLE.ORG",
        "www.example.org",
        "https://",
        "https://localhost/a.b",
        "https://example.org/a b",
        "ftp://example.org",
    ]);
    agree::<Email>(&[
        "pals@example.nhs.uk",
        "a@b.c",
        "@example.org",
        "pals@example",
        "pals@.example.org",
        "pals@example.org.",
        "pals@@example.org",
        "pals example@example.org",
        "pals;x@example.org",
    ]);
    agree::<Phone>(&[
        "0345 60 60 655",
        "+44 (0)29 2018-0456",
        "12345",
        "123456",
        "123456789012345",
        "1234567890123456",
        "01895 857000 ext 2",
        "",
    ]);
    agree::<Date>(&[
        "2026-11-21",
        "1900-01-01",
        "2999-12-31",
        "1899-12-31",
        "3000-01-01",
        "2026-13-01",
        "2026-1-01",
        "21/11/2026",
        "2026-00-10",
        "2026-01-32",
    ]);
    agree::<HexColour>(&[
        "#005EB8",
        "#005eb8",
        "005EB8",
        "#05EB8",
        "#005EB8FF",
        "#GGGGGG",
    ]);
}
