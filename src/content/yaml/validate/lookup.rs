//! Looking things up in a schema: what a `$ref` stands for, the types a
//! field takes, and which sections have a field (for "did you mean" and
//! for a key written in the wrong place).

use serde_json::Value;

/// Collects the paths of sections under `s` that have a field `key`
/// (list items as `[0]`).
pub(super) fn sections_with(
    root: &Value,
    s: &Value,
    path: &str,
    key: &str,
    depth: usize,
    out: &mut Vec<String>,
) {
    if depth > 12 {
        return;
    }
    let (s, _) = resolve(root, s);
    for list in ["allOf", "anyOf", "oneOf"] {
        for sub in s.get(list).and_then(Value::as_array).into_iter().flatten() {
            sections_with(root, sub, path, key, depth + 1, out);
        }
    }
    if let Some(items) = s.get("items") {
        sections_with(root, items, &format!("{path}[0]"), key, depth + 1, out);
    }
    if let Some(props) = s.get("properties").and_then(Value::as_object) {
        if props.contains_key(key) && !path.is_empty() && !out.contains(&path.to_string()) {
            out.push(path.to_string());
        }
        for (k, sub) in props {
            let p = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            sections_with(root, sub, &p, key, depth + 1, out);
        }
    }
}

/// The paths of the sections (not the top level) that have a field `key`.
pub fn sections_with_field(root: &Value, key: &str) -> Vec<String> {
    let mut out = Vec::new();
    sections_with(root, root, "", key, 0, &mut out);
    out
}

/// The field names of the section at `path` (`duties`, `entry_routes.college`,
/// `sources[0]`) in a schema; empty when the path is not a section.
pub fn fields_at(root: &Value, path: &str) -> Vec<String> {
    let mut schema = root;
    let steps = super::super::tree::steps_of(path);
    for step in steps.iter().map(Some).chain([None]) {
        // Into the branch that has properties or items.
        for _ in 0..8 {
            let (s, _) = resolve(root, schema);
            schema = s;
            let branch = ["allOf", "anyOf", "oneOf"].iter().find_map(|k| {
                schema.get(*k).and_then(Value::as_array).and_then(|l| {
                    l.iter().find(|b| {
                        let (r, _) = resolve(root, b);
                        r.get("properties").is_some()
                            || r.get("items").is_some()
                            || r.get("allOf").is_some()
                    })
                })
            });
            match branch {
                Some(b) if schema.get("properties").is_none() && schema.get("items").is_none() => {
                    schema = b
                }
                _ => break,
            }
        }
        let Some(step) = step else { break };
        let next = match step {
            super::super::tree::PathStep::Key(k) => {
                schema.get("properties").and_then(|p| p.get(k.as_str()))
            }
            super::super::tree::PathStep::Index(_) => schema.get("items"),
        };
        match next {
            Some(n) => schema = n,
            None => return Vec::new(),
        }
    }
    schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

/// Follows `$ref`s from `schema` within `root`; returns the schema and the
/// last definition name (`Text`).
pub(super) fn resolve<'a>(root: &'a Value, mut schema: &'a Value) -> (&'a Value, Option<&'a str>) {
    let mut name = None;
    for _ in 0..32 {
        let Some(r) = schema.get("$ref").and_then(Value::as_str) else {
            break;
        };
        let Some(def) = r
            .strip_prefix("#/definitions/")
            .or_else(|| r.strip_prefix("#/$defs/"))
        else {
            break;
        };
        name = Some(def);
        match root
            .get("definitions")
            .or_else(|| root.get("$defs"))
            .and_then(|d| d.get(def))
        {
            Some(s) => schema = s,
            None => break,
        }
    }
    (schema, name)
}

/// The JSON types a schema allows, from `type` or from what it holds.
pub(super) fn types_of(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ if schema.get("properties").is_some() => vec!["object"],
        _ if schema.get("items").is_some() => vec!["array"],
        _ => Vec::new(),
    }
}
