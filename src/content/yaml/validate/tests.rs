use super::*;
use crate::content::yaml::tree;

fn schema() -> Value {
    serde_json::json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["title", "salary", "skills"],
        "properties": {
            "title": { "allOf": [{ "$ref": "#/definitions/Text" }], "description": "The job title." },
            "skills": { "type": "array", "items": { "$ref": "#/definitions/Text" }, "description": "Skills." },
            "salary": { "$ref": "#/definitions/Salary" },
            "article": { "oneOf": [{ "const": "a" }, { "const": "an" }] },
            "travel": { "anyOf": [{ "$ref": "#/definitions/Text" }, { "type": "null" }] }
        },
        "definitions": {
            "Text": { "type": "string" },
            "Salary": {
                "type": "object", "additionalProperties": false,
                "required": ["starter", "experienced"],
                "properties": {
                    "starter": { "type": "integer", "minimum": 1 },
                    "experienced": { "type": "integer", "minimum": 1 }
                }
            }
        }
    })
}

fn checks(name: &str) -> Option<crate::content::types::Rule> {
    (name == "Text").then_some(
        (|s: &str| {
            if s.trim().is_empty() {
                Err("is empty".to_string())
            } else {
                Ok(())
            }
        }) as fn(&str) -> Result<(), String>,
    )
}

fn issues(src: &str) -> Vec<String> {
    let t = tree::read(src).unwrap();
    validate(&t, &schema(), checks)
        .into_iter()
        .map(|i| format!("{}:{} {}: {}", i.pos.line, i.pos.column, i.path, i.message))
        .collect()
}

#[test]
fn every_problem_of_a_file_at_once() {
    let got =
        issues("titel: Nurse\nsalary:\n  starter: £18,200\nskills: listening\narticle: the\n");
    assert_eq!(got.len(), 5, "{got:#?}");
    // The misspelt key names the missing field: one problem, not two.
    assert!(
        got[0].starts_with("1:1 titel: unknown field 'titel'"),
        "{got:#?}"
    );
    assert!(
        got.iter().any(|g| g.starts_with(
            "2:1 salary: missing required field 'experienced': add `experienced:` under `salary:`"
        )),
        "{got:#?}"
    );
    assert!(got.iter().any(|g| g == "3:12 salary.starter: expected a whole number, without a £ sign or commas (e.g. 18200)"), "{got:#?}");
    assert!(
        got.iter().any(|g| g
            == "4:9 skills: skills is a list: put each item on its own line starting with `- `"),
        "{got:#?}"
    );
    assert!(
        got.iter()
            .any(|g| g == "5:10 article: 'the' is not one of the choices: write a or an"),
        "{got:#?}"
    );
}

#[test]
fn lenient_where_serde_is() {
    assert!(issues(
        "title: 1999\nsalary:\n  starter: \"18_200\"\n  experienced: 0x10\nskills: [a]\ntravel:\n"
    )
    .is_empty());
}

#[test]
fn empty_values_are_to_fill_in_and_text_with_a_colon_is_named() {
    let got = issues(
        "title: \"\"\nsalary:\n  starter:\n  experienced: 1\nskills:\n  - Listening: and more\n",
    );
    assert_eq!(got[0], "1:8 title: to fill in: the job title");
    assert!(
        got[1].starts_with("3:3 salary.starter: to fill in"),
        "{got:#?}"
    );
    assert_eq!(got[2], "6:5 skills[0]: the text contains ': ', so YAML reads 'Listening' as a field name: put the text in quotes: \"Listening: and more\"");
}
