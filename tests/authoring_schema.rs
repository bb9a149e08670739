//! The JSON Schemas in `schemas/`: written by `careerpress schema`, up to
//! date with the model, accepting the tests' content (a copy of the bundled
//! content, which `bundled_smoke.rs` checks the same way) and agreeing with
//! the loader on the validated value types.

mod common;
mod schema_support;

use careerpress::authoring::schema::{self, SCHEMAS};
use careerpress::content::types::{Date, Email, HexColour, Phone, Text, WebAddress};
use common::{fixture, repo};
use schema_support::{
    assert_name_their_schema, assert_valid_against_the_schemas, content_files, validator,
    yaml_as_json,
};
use serde_json::Value;

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
fn the_tests_content_is_valid_against_the_schemas() {
    assert!(content_files(&fixture()).len() >= 5);
    assert_valid_against_the_schemas(&fixture());
}

/// The fixtures are a project's content/ folder without its schemas/: the
/// line is resolved as in a project and found among the repository's.
#[test]
fn content_files_name_their_schema_on_the_first_line() {
    assert!(content_files(&fixture()).len() >= 5);
    assert_name_their_schema(&fixture(), &repo().join("schemas"));
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
