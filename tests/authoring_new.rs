//! `careerpress new job|brand <id>`: a commented skeleton with every field,
//! refused by `check` until filled in, accepted once it is; never
//! overwrites.

mod common;

use careerpress::authoring::{schema, skeleton};
use careerpress::content::yaml;
use common::{fixture, repo, Project};
use serde_json::Value;
use std::path::Path;

fn empty_project() -> Project {
    let p = Project::copy();
    std::fs::remove_dir_all(p.file("content")).unwrap();
    p
}

/// Fills a skeleton in the way a person would: a value for every `""`,
/// empty number and empty list item; `up_to` kept and `around` dropped.
fn fill(skeleton: &str) -> String {
    let mut out = Vec::new();
    let mut parents: Vec<(usize, String)> = Vec::new();
    for line in skeleton.lines() {
        let indent = line.len() - line.trim_start().len();
        let body = line.trim_start().trim_start_matches("- ");
        let code = body.split(" #").next().unwrap_or("").trim_end();
        if line.trim_start().starts_with('#') || code.is_empty() {
            out.push(line.to_string());
            continue;
        }
        while parents.last().is_some_and(|(i, _)| *i >= indent) {
            parents.pop();
        }
        let parent = parents.last().map(|(_, k)| k.clone()).unwrap_or_default();
        let key = code.split(':').next().unwrap_or("").to_string();
        if code.ends_with(':') {
            parents.push((indent, key.clone()));
        }
        if key == "around" {
            continue;
        }
        let value = match (parent.as_str(), key.as_str()) {
            (_, "web_address") => "https://example.org/page",
            (_, "email") => "pals@example.org",
            (_, "phone") => "0123 456 7890",
            (_, "last_reviewed") => "2026-01-01",
            (_, "id" | "source") => "src",
            // Colours a reader can read (`check` measures their contrast).
            ("colours", "primary") => "\"#005293\"",
            ("colours", "shade") => "\"#E8F1F8\"",
            ("colours", _) => "\"#00A9CE\"",
            ("cmyk", _) => "[0, 0, 0, 100]",
            ("fonts", "family") => "Liberation Sans",
            ("fonts", "regular") => "LiberationSans-Regular.ttf",
            ("fonts", "bold") => "LiberationSans-Bold.ttf",
            ("fonts", "italic") => "LiberationSans-Italic.ttf",
            ("fonts", "bold_italic") => "LiberationSans-BoldItalic.ttf",
            (_, "starter") => "18000",
            (_, "experienced" | "up_to") => "22000",
            (_, "min" | "max") => "37.5",
            _ => "Some words",
        };
        let filled = if code == "- \"\"" || line.trim() == "- \"\"" {
            line.replace("\"\"", "Some words")
        } else if code.ends_with(": \"\"") {
            line.replacen("\"\"", value, 1)
        } else if code.ends_with(':')
            && matches!(
                key.as_str(),
                "starter" | "experienced" | "up_to" | "min" | "max"
            )
            || parent == "cmyk"
        {
            format!("{line} {value}")
        } else {
            line.to_string()
        };
        out.push(filled);
    }
    out.join("\n") + "\n"
}

fn check(p: &Project) -> (bool, String) {
    let out = p.run(&["check"]);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn new_job_is_refused_by_check_until_filled_in_then_accepted() {
    let p = empty_project();
    std::fs::create_dir_all(p.file("content/brands")).unwrap();
    // A brand to build against: copy one of the tests' trusts.
    for f in ["brand.yaml", "logo.png"] {
        p.write(
            &format!("content/brands/eastbrook-hospitals/{f}"),
            std::fs::read(fixture().join("content/brands/eastbrook-hospitals").join(f)).unwrap(),
        );
    }
    let out = p.run(&["new", "job", "occupational-therapist"]);
    assert!(out.status.success(), "{out:?}");
    let rel = "content/jobs/occupational-therapist.yaml";
    let text = p.read(rel);
    assert!(text.starts_with(&schema::job_modeline()));
    let out = p.run(&["check"]);
    let (ok, stderr) = (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(!ok);
    // A fresh skeleton reads as the fields to fill in, each with its line
    // and field, in the order of the file: no mistakes, no wall of errors.
    let lines: Vec<&str> = stderr.lines().collect();
    let file = p.file(rel).display().to_string();
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with(&format!("todo: {file}:")) && l.contains(": to fill in: ")),
        "{stderr}"
    );
    assert!(
        lines.len() <= 16,
        "{} fields to fill in:\n{stderr}",
        lines.len()
    );
    for field in [
        "title",
        "summary",
        "web_address",
        "salary.starter",
        "sources[0].date",
        "last_reviewed",
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&format!(": {field}: to fill in: "))),
            "{field}\n{stderr}"
        );
    }
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("{} values to fill in", lines.len())
    );

    p.write(rel, fill(&text));
    let (ok, stderr) = check(&p);
    assert!(ok, "{stderr}\n{}", p.read(rel));
    let built = p.run(&["build", "--format", "txt"]);
    assert!(built.status.success(), "{built:?}");
}

#[test]
fn new_brand_is_accepted_once_filled_in_with_a_logo_and_fonts() {
    let p = empty_project();
    p.write(
        "content/jobs/pals-officer.yaml",
        std::fs::read(fixture().join("content/jobs/pals-officer.yaml")).unwrap(),
    );
    let out = p.run(&["new", "brand", "riverside"]);
    assert!(out.status.success(), "{out:?}");
    let rel = "content/brands/riverside/brand.yaml";
    let text = p.read(rel);
    assert!(text.starts_with(&schema::brand_modeline()));
    assert!(!check(&p).0);
    p.write(rel, fill(&text));
    p.write(
        "content/brands/riverside/logo.png",
        std::fs::read(fixture().join("content/brands/eastbrook-hospitals/logo.png")).unwrap(),
    );
    for face in ["Regular", "Bold", "Italic", "BoldItalic"] {
        let f = format!("LiberationSans-{face}.ttf");
        p.write(
            &format!("content/brands/riverside/{f}"),
            std::fs::read(repo().join("templates/fonts").join(&f)).unwrap(),
        );
    }
    let (ok, stderr) = check(&p);
    assert!(ok, "{stderr}\n{}", p.read(rel));
}

#[test]
fn new_never_overwrites_and_checks_the_id() {
    let p = Project::copy();
    let before = p.read("content/jobs/pals-officer.yaml");
    let out = p.run(&["new", "job", "pals-officer"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(p.read("content/jobs/pals-officer.yaml"), before);

    let before = p.read("content/brands/glan-y-mor/brand.yaml");
    let out = p.run(&["new", "brand", "glan-y-mor"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(p.read("content/brands/glan-y-mor/brand.yaml"), before);

    for bad in ["Nurse", "../escape", "a b", ""] {
        let out = p.run(&["new", "job", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
    assert!(!p.file("escape.yaml").exists());
}

/// Every field the schema knows is in the skeleton, as a value or in an
/// example line of an optional part (a field added to the model must be
/// added to the skeleton too). Routes other than `university` show only
/// `in_brief` and `description`.
#[test]
fn skeletons_hold_every_field_of_the_schemas() {
    fn resolve<'a>(root: &'a Value, v: &'a Value) -> &'a Value {
        if let Some(r) = v.get("$ref").and_then(Value::as_str) {
            let name = r.rsplit('/').next().unwrap();
            return resolve(root, &root["definitions"][name]);
        }
        for key in ["allOf", "anyOf", "oneOf"] {
            if let Some(list) = v.get(key).and_then(Value::as_array) {
                for s in list {
                    let s = resolve(root, s);
                    if s.get("properties").is_some() || s.get("items").is_some() {
                        return s;
                    }
                }
            }
        }
        v
    }
    fn walk(root: &Value, schema: &Value, value: &Value, path: &str, missing: &mut Vec<String>) {
        let schema = resolve(root, schema);
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (k, sub) in props {
                let here = format!("{path}.{k}");
                let short_route = path.starts_with(".entry_routes.")
                    && path != ".entry_routes.university"
                    && !matches!(k.as_str(), "in_brief" | "description");
                match value.get(k) {
                    // An optional part left empty: its key is there.
                    Some(Value::Null) => {}
                    Some(v) => walk(root, sub, v, &here, missing),
                    None if short_route => {}
                    None => missing.push(here),
                }
            }
        } else if let (Some(items), Some(list)) = (schema.get("items"), value.as_array()) {
            // The items together show the fields (one note `up_to`, one `around`).
            let mut all = serde_json::Map::new();
            for item in list {
                if let Value::Object(m) = item {
                    all.extend(m.clone());
                }
            }
            let first = if all.is_empty() {
                list.first().cloned().unwrap_or(Value::Null)
            } else {
                Value::Object(all)
            };
            walk(root, items, &first, &format!("{path}[0]"), missing);
        }
    }
    for (kind, text) in [("job", skeleton::job("x")), ("brand", skeleton::brand("x"))] {
        let root = schema::schema_file(kind).unwrap().value();
        // The skeleton as it stands is valid YAML; optional parts show their
        // fields in example lines (`#   field: …`) to take the `# ` from.
        let _: Value = yaml::parse(Path::new("skeleton.yaml"), text.as_bytes()).unwrap();
        let uncommented: String = text
            .lines()
            .map(|l| {
                let t = l.trim_start();
                match t.strip_prefix("# ") {
                    Some(rest) if rest.starts_with("  ") => {
                        format!("{}{rest}\n", &l[..l.len() - t.len()])
                    }
                    _ => format!("{l}\n"),
                }
            })
            .collect();
        let value: Value = yaml::parse(Path::new("skeleton.yaml"), uncommented.as_bytes())
            .unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
        let mut missing = Vec::new();
        walk(&root, &root, &value, "", &mut missing);
        assert!(missing.is_empty(), "{kind}: {missing:#?}");
    }
}
