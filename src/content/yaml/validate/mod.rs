//! Every mistake of a file at once: a YAML tree (with positions) checked
//! against the JSON Schema of the model it is to become (made by schemars
//! from the same Rust types), field by field. serde stops at the first
//! error; this walks the whole tree and collects each problem with its
//! line, column and field path, in a careers writer's words.
//!
//! It is generic over the model: any type with a schema can be checked
//! (a job, a brand, the project file, a language overlay). The rules of
//! the validated value types (`Text`, `WebAddress`, …) are the Rust checks
//! themselves, found by the schema's definition name, so the words are the
//! same as when serde reads the value.
//!
//! Where serde-saphyr is lenient (a quoted number is a number, `yes` is
//! true), so is this: it must never refuse what the model accepts. serde
//! still reads the file afterwards and has the last word.

mod lookup;
mod values;

pub use lookup::{fields_at, sections_with_field};

use super::tree::{Node, Pos, Tree};
use super::words;
use lookup::{resolve, types_of};
use serde_json::Value;
use values::{accepts, plain_value};

/// One problem found in a tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub pos: Pos,
    pub path: String,
    pub message: String,
    /// The nearest known field, for a misspelt key.
    pub suggestion: Option<String>,
    /// An empty value still to write (a new skeleton's fields), not a
    /// mistake in what was written.
    pub to_fill: bool,
}

/// The mark of a translation's schema (every field optional, as the
/// translation holds only what reads differently in its language).
pub const TRANSLATION: &str = "x-translation";

/// The check of a validated string type, by its schema name (`Text`).
pub type Checks = fn(&str) -> Option<crate::content::types::Rule>;

/// Checks a tree against a JSON Schema (draft 7, as schemars writes it).
pub fn validate(tree: &Tree, schema: &Value, checks: Checks) -> Vec<Issue> {
    let mut v = Validator {
        root: schema,
        tree,
        checks,
        out: Vec::new(),
    };
    let field = Field {
        path: String::new(),
        key: None,
        key_pos: None,
        about: About::of(schema),
        optional_section: None,
    };
    v.node(&tree.root, schema, &field);
    v.out.sort_by_key(|i| (i.pos.line, i.pos.column));
    v.out
}

/// What the schema says about a field, for messages.
#[derive(Debug, Clone, Default)]
struct About {
    description: Option<String>,
    example: Option<String>,
    error_message: Option<String>,
}

impl About {
    fn of(schema: &Value) -> About {
        let text = |k: &str| schema.get(k).and_then(Value::as_str).map(str::to_string);
        let example = schema
            .get("examples")
            .and_then(Value::as_array)
            .and_then(|e| e.first())
            .and_then(|e| match e {
                Value::String(s) if s.chars().count() <= 50 => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            });
        About {
            description: text("description"),
            example,
            error_message: text("errorMessage"),
        }
    }

    /// Fills gaps from a schema further in (a `$ref`'s target).
    fn or(self, other: About) -> About {
        About {
            description: self.description.or(other.description),
            example: self.example.or(other.example),
            error_message: self.error_message.or(other.error_message),
        }
    }
}

/// The field being checked.
#[derive(Debug, Clone)]
struct Field {
    path: String,
    /// The nearest key: `skills` for `skills[2]`.
    key: Option<String>,
    /// Where that key is written.
    key_pos: Option<Pos>,
    about: About,
    /// The nearest enclosing section that may be left out, if any.
    optional_section: Option<String>,
}

impl Field {
    fn name(&self) -> String {
        self.key.clone().unwrap_or_else(|| "the file".into())
    }
}

/// What a value in the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    Empty,
    Text,
    List,
    Section,
}

fn found(node: &Node) -> Option<Found> {
    match node {
        Node::Alias { .. } => None,
        n if n.is_null() => Some(Found::Empty),
        Node::Scalar { .. } => Some(Found::Text),
        Node::Seq { .. } => Some(Found::List),
        Node::Map { .. } => Some(Found::Section),
    }
}

struct Validator<'a> {
    root: &'a Value,
    tree: &'a Tree,
    checks: Checks,
    out: Vec<Issue>,
}

impl<'a> Validator<'a> {
    fn issue(&mut self, pos: Pos, f: &Field, message: String) {
        self.out.push(Issue {
            pos,
            path: f.path.clone(),
            message,
            suggestion: None,
            to_fill: false,
        });
    }

    fn resolve(&self, schema: &'a Value) -> (&'a Value, Option<&'a str>) {
        resolve(self.root, schema)
    }

    fn node(&mut self, node: &Node, schema: &'a Value, f: &Field) {
        let (schema, name) = self.resolve(schema);
        let f = &Field {
            about: f.about.clone().or(About::of(schema)),
            ..f.clone()
        };
        if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
            for s in all {
                self.node(node, s, f);
            }
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(list) = schema.get(key).and_then(Value::as_array) {
                self.alternatives(node, list, f);
                return;
            }
        }
        let Some(what) = found(node) else { return };
        let types = types_of(schema);
        if !types.is_empty() && !types.iter().any(|t| accepts(t, node)) {
            self.wrong_type(node, what, &types, f);
            return;
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            self.one_of_values(node, values, f);
            return;
        }
        if let Some(c) = schema.get("const") {
            self.one_of_values(node, std::slice::from_ref(c), f);
            return;
        }
        match node {
            Node::Map { entries, pos, .. } => self.section(entries, *pos, schema, f),
            Node::Seq { items, pos, .. } => self.list(items, *pos, schema, f),
            Node::Scalar { value, pos, .. } => self.scalar(value, *pos, schema, name, &types, f),
            Node::Alias { .. } => {}
        }
    }

    /// `anyOf` / `oneOf`: an optional value (`T` or empty), a choice of
    /// fixed words, or a choice of shapes.
    fn alternatives(&mut self, node: &Node, list: &'a [Value], f: &Field) {
        if node.is_null()
            && list
                .iter()
                .any(|s| types_of(self.resolve(s).0).contains(&"null"))
        {
            // `text: #231F20`: empty to YAML, but never meant to be.
            let takes_text = list.iter().any(|s| {
                let (r, _) = self.resolve(s);
                types_of(r).contains(&"string") || r.get("allOf").is_some()
            });
            if takes_text {
                if let Some(m) = self.hash_read_as_comment(node, f) {
                    self.issue(f.key_pos.unwrap_or(node.pos()), f, m);
                }
            }
            return;
        }
        let consts: Vec<&Value> = list
            .iter()
            .filter_map(|s| self.resolve(s).0.get("const"))
            .collect();
        if !consts.is_empty() && consts.len() == list.len() {
            let values: Vec<Value> = consts.into_iter().cloned().collect();
            self.one_of_values(node, &values, f);
            return;
        }
        let real: Vec<&'a Value> = list
            .iter()
            .filter(|s| types_of(self.resolve(s).0) != ["null"])
            .collect();
        if let [only] = real.as_slice() {
            self.node(node, only, f);
            return;
        }
        // Several shapes: the first that fits wholly, else the first whose
        // kind fits, reported as it is.
        let mut best: Option<Vec<Issue>> = None;
        for s in &real {
            let mut trial = Validator {
                root: self.root,
                tree: self.tree,
                checks: self.checks,
                out: Vec::new(),
            };
            trial.node(node, s, f);
            if trial.out.is_empty() {
                return;
            }
            let fits = !trial.out.iter().any(|i| i.path == f.path && !i.to_fill);
            if best.is_none() || fits {
                best = Some(trial.out);
                if fits {
                    break;
                }
            }
        }
        self.out.extend(best.unwrap_or_default());
    }

    fn one_of_values(&mut self, node: &Node, values: &[Value], f: &Field) {
        let shown: Vec<String> = values.iter().map(plain_value).collect();
        let ok = match node {
            Node::Scalar { value, .. } if !node.is_null() => {
                values.iter().any(|v| plain_value(v) == *value)
            }
            _ => false,
        };
        if ok {
            return;
        }
        if node.is_null() {
            self.fill_in(
                f.key_pos.unwrap_or(node.pos()),
                f,
                Some(format!("one of {}", words::or_list(&shown))),
            );
            return;
        }
        let got = match node {
            Node::Scalar { value, .. } => {
                format!("'{}' is not one of the choices: ", words::shown(value))
            }
            _ => String::new(),
        };
        self.issue(
            node.pos(),
            f,
            format!("{got}write {}", words::or_list(&shown)),
        );
    }

    fn section(&mut self, entries: &[(String, Pos, Node)], pos: Pos, schema: &'a Value, f: &Field) {
        let props = schema.get("properties").and_then(Value::as_object);
        let closed = schema.get("additionalProperties") == Some(&Value::Bool(false));
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut seen: Vec<(&str, Pos)> = Vec::new();
        for (key, kpos, value) in entries {
            let path = if f.path.is_empty() {
                key.clone()
            } else {
                format!("{}.{key}", f.path)
            };
            if let Some((_, first)) = seen.iter().find(|(k, _)| k == key) {
                let first = first.line;
                self.out.push(Issue {
                    pos: *kpos,
                    path,
                    message: format!(
                        "the key '{key}' appears twice (first on line {first}); each key may appear once"
                    ),
                    suggestion: None,
                    to_fill: false,
                });
                continue;
            }
            seen.push((key, *kpos));
            match props.and_then(|p| p.get(key)) {
                Some(sub) => {
                    let optional =
                        !required.contains(&key.as_str()) && matches!(value, Node::Map { .. });
                    let child = Field {
                        path: path.clone(),
                        key: Some(key.clone()),
                        key_pos: Some(*kpos),
                        about: About::of(sub),
                        optional_section: if optional {
                            Some(path.clone())
                        } else {
                            f.optional_section.clone()
                        },
                    };
                    self.node(value, sub, &child);
                }
                None if closed => self.unknown(key, *kpos, path, props, f),
                None => {
                    if let Some(extra) =
                        schema.get("additionalProperties").filter(|v| v.is_object())
                    {
                        let child = Field {
                            path,
                            key: Some(key.clone()),
                            key_pos: Some(*kpos),
                            about: About::of(extra),
                            optional_section: f.optional_section.clone(),
                        };
                        self.node(value, extra, &child);
                    }
                }
            }
        }
        let misspelt: Vec<String> = entries
            .iter()
            .filter(|(k, _, _)| props.is_some_and(|p| !p.contains_key(k.as_str())))
            .filter_map(|(k, _, _)| {
                let known: Vec<&str> = props?.keys().map(String::as_str).collect();
                super::nearest(k, &known)
            })
            .collect();
        for name in required {
            // A misspelt key already names it ("did you mean …?").
            if entries.iter().any(|(k, _, _)| k == name) || misspelt.iter().any(|m| m == name) {
                continue;
            }
            let sub = props.and_then(|p| p.get(name));
            let about = sub.map(|s| {
                let (r, _) = self.resolve(s);
                About::of(s).or(About::of(r))
            });
            let what = about
                .and_then(|a| a.description)
                .map(|d| {
                    format!(
                        " ({})",
                        words::flat(&words::lower_first(d.trim_end_matches('.')))
                    )
                })
                .unwrap_or_default();
            let under = match &f.key {
                Some(k) => format!(" under `{k}:`"),
                None => String::new(),
            };
            self.issue(
                f.key_pos.unwrap_or(pos),
                f,
                format!("missing required field '{name}': add `{name}:`{under}{what}"),
            );
        }
    }

    /// An unknown key: the nearest known one, or where it belongs when it
    /// is a field of another section (a line indented wrongly).
    fn unknown(
        &mut self,
        key: &str,
        kpos: Pos,
        path: String,
        props: Option<&serde_json::Map<String, Value>>,
        f: &Field,
    ) {
        let known: Vec<&str> = props
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let suggestion = super::nearest(key, &known);
        // With a near name to offer, the list of every field is noise.
        let mut message = if known.is_empty() || suggestion.is_some() && known.len() > 8 {
            format!("unknown field '{key}'")
        } else {
            format!(
                "unknown field '{key}'; known fields here: {}",
                known.join(", ")
            )
        };
        if suggestion.is_none() {
            let elsewhere = self.paths_of_key(key);
            if !elsewhere.is_empty() {
                let here = match &f.key {
                    Some(k) => format!("under `{k}:`"),
                    None => "at the top of the file".into(),
                };
                message = format!(
                    "'{key}' is not a field {here}: it belongs under {}; check the line's indentation",
                    words::or_list(&elsewhere.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>())
                );
            }
        }
        self.out.push(Issue {
            pos: kpos,
            path,
            message,
            suggestion,
            to_fill: false,
        });
    }

    /// The sections of the schema that have a field called `key`.
    fn paths_of_key(&self, key: &str) -> Vec<String> {
        let mut out = sections_with_field(self.root, key);
        // The top level too, when the key is one of its fields.
        if self
            .root
            .get("properties")
            .and_then(|p| p.get(key))
            .is_some()
        {
            out.insert(0, "the top of the file (no indentation)".into());
        }
        out.truncate(3);
        out
    }

    fn list(&mut self, items: &[Node], pos: Pos, schema: &'a Value, f: &Field) {
        let at = f.key_pos.unwrap_or(pos);
        if let Some(max) = schema.get("maxItems").and_then(Value::as_u64) {
            if items.len() as u64 > max {
                self.issue(
                    at,
                    f,
                    format!(
                        "the list has {} items; lists may have at most {max}",
                        items.len()
                    ),
                );
            }
        }
        if let Some(min) = schema.get("minItems").and_then(Value::as_u64) {
            if (items.len() as u64) < min {
                self.fill_in(at, f, None);
            }
        }
        if let Some(item) = schema.get("items") {
            for (i, n) in items.iter().enumerate() {
                let child = Field {
                    path: format!("{}[{i}]", f.path),
                    key: f.key.clone(),
                    key_pos: Some(n.pos()),
                    about: f.about.clone(),
                    optional_section: f.optional_section.clone(),
                };
                self.node(n, item, &child);
            }
        }
    }
}

#[cfg(test)]
mod tests;
