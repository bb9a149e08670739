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

use super::tree::{Node, Pos, Style, Tree};
use super::words;
use serde_json::Value;

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

    #[allow(clippy::too_many_arguments)]
    fn scalar(
        &mut self,
        value: &str,
        pos: Pos,
        schema: &Value,
        name: Option<&str>,
        types: &[&str],
        f: &Field,
    ) {
        if types.contains(&"string") {
            if let Some(check) = name.and_then(self.checks) {
                if let Err(m) = check(value) {
                    if value.trim().is_empty() {
                        self.fill_in(pos, f, None);
                    } else {
                        self.issue(pos, f, m);
                    }
                }
                return;
            }
            let len = value.chars().count() as u64;
            if value.trim().is_empty()
                && schema.get("minLength").and_then(Value::as_u64).unwrap_or(0) > 0
            {
                self.fill_in(pos, f, None);
            } else if let Some(max) = schema
                .get("maxLength")
                .and_then(Value::as_u64)
                .filter(|m| len > *m)
            {
                self.issue(pos, f, format!("is longer than {max} characters"));
            }
            return;
        }
        if types.iter().any(|t| *t == "integer" || *t == "number") {
            let Some(n) = number(value) else { return };
            let min = schema.get("minimum").and_then(Value::as_f64);
            let max = schema.get("maximum").and_then(Value::as_f64);
            let out_of_range = min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m);
            if out_of_range {
                let message = f
                    .about
                    .error_message
                    .as_deref()
                    .map(|m| {
                        // The schema may say how to name a value out of range
                        // (`£{} is not a salary`).
                        let what = schema
                            .get("x-out-of-range")
                            .and_then(Value::as_str)
                            .map(|w| w.replace("{}", value.trim()))
                            .unwrap_or_else(|| format!("{} is out of range", value.trim()));
                        format!("{what}: {}", said(m))
                    })
                    .unwrap_or_else(|| match (min, max) {
                        (Some(a), Some(b)) => format!(
                            "{} is not between {} and {}",
                            value.trim(),
                            words::num(a),
                            words::num(b)
                        ),
                        (Some(a), None) => {
                            format!("{} is less than {}", value.trim(), words::num(a))
                        }
                        (None, Some(b)) => {
                            format!("{} is more than {}", value.trim(), words::num(b))
                        }
                        (None, None) => String::new(),
                    });
                self.issue(pos, f, message);
            }
        }
    }

    fn wrong_type(&mut self, node: &Node, what: Found, types: &[&str], f: &Field) {
        let name = f.name();
        let expected = words::expected(types);
        // An empty value is reported at its key (it has no place of its own).
        let pos = match (what, f.key_pos) {
            (Found::Empty, Some(k)) => k,
            _ => node.pos(),
        };
        if what == Found::Empty {
            if let Some(m) = self.hash_read_as_comment(node, f) {
                self.issue(pos, f, m);
            } else if types.contains(&"array") {
                self.fill_in(
                    pos,
                    f,
                    Some(format!(
                        "a list: put each item on its own line below `{name}:`, starting with `- `"
                    )),
                );
            } else if types.contains(&"object") {
                self.fill_in(
                    pos,
                    f,
                    Some(format!(
                        "its fields go on the lines below `{name}:`, indented"
                    )),
                );
            } else {
                self.fill_in(pos, f, None);
            }
            return;
        }
        let message = if let Some(m) = f
            .about
            .error_message
            .as_deref()
            .filter(|_| what == Found::Text && !matches!(expected, words::Kind::Number { .. }))
        {
            said(m)
        } else {
            match (what, expected) {
                (Found::Text, words::Kind::List) => format!(
                    "{name} is a list: put each item on its own line starting with `- `"
                ),
                (Found::Section, words::Kind::List) => format!(
                    "{name} is a list, not a section of fields: start each item with `- `"
                ),
                (Found::List, words::Kind::Section) => format!(
                    "{name} is a section of fields, not a list: remove the `- ` before its fields"
                ),
                (Found::Text, words::Kind::Section) => format!(
                    "{name} is a section: put its fields on the lines below `{name}:`, indented by two spaces"
                ),
                (Found::List, words::Kind::Text) => format!(
                    "{name} is text, not a list: write it after `{name}: ` on the same line, without `- `"
                ),
                (Found::Section, words::Kind::Text) => self.text_read_as_section(node, &name),
                (Found::Text, words::Kind::Number { whole: true }) => {
                    "expected a whole number, without a £ sign or commas (e.g. 18200)".into()
                }
                (Found::Text, words::Kind::Number { whole: false }) => {
                    if is_non_finite(node) {
                        "expected a number: .nan and .inf are not numbers (e.g. 37.5)".into()
                    } else {
                        "expected a number (e.g. 37.5)".into()
                    }
                }
                (Found::Text, words::Kind::Bool) => "expected true or false".into(),
                (_, kind) => format!(
                    "{name} is {}: write it after `{name}: `",
                    kind.a()
                ),
            }
        };
        self.issue(pos, f, message);
    }

    /// A section where text belongs: most often text with `: ` in it, which
    /// YAML reads as a field name and its value.
    fn text_read_as_section(&self, node: &Node, name: &str) -> String {
        if let Node::Map {
            entries,
            pos,
            flow: false,
        } = node
        {
            if let [(k, kp, Node::Scalar { value, .. })] = entries.as_slice() {
                if kp.line == pos.line && !value.contains('\n') {
                    let text = format!("{k}: {value}");
                    return format!(
                        "the text contains ': ', so YAML reads '{}' as a field name: put the text in quotes: {}",
                        words::shown(k),
                        words::shown(&words::quoted(&text))
                    );
                }
            }
        }
        format!("{name} is text, not a section of fields: write the text after `{name}: ` (in quotes if it holds ': ')")
    }

    /// `primary: #7A1F5C`: a value starting with `#` is a comment to YAML,
    /// so the field reads as empty.
    fn hash_read_as_comment(&self, node: &Node, f: &Field) -> Option<String> {
        let line = f.key_pos.map_or(node.pos().line, |p| p.line);
        let comment = self.tree.comments.iter().find(|c| c.line == line)?;
        let word = comment.text.split_whitespace().next().unwrap_or("");
        if comment.text.starts_with(char::is_whitespace) || word.is_empty() {
            return None;
        }
        let name = f.name();
        let value = format!("#{word}");
        let hex = word.len() == 6 && word.chars().all(|c| c.is_ascii_hexdigit());
        Some(if hex {
            format!(
                "the colour {value} is not in quotes, so YAML reads it as a comment and {name} is empty: put colours in quotes: {name}: \"{value}\""
            )
        } else {
            format!(
                "the value starts with #, so YAML reads it as a comment and {name} is empty: put it in quotes: {name}: \"{}\"",
                words::shown(&format!("#{}", comment.text.trim_end()))
            )
        })
    }

    fn fill_in(&mut self, pos: Pos, f: &Field, how: Option<String>) {
        let what = f
            .about
            .description
            .as_deref()
            .map(|d| words::flat(&words::lower_first(d.trim_end_matches('.'))))
            .unwrap_or_else(|| "a value".into());
        let mut message = format!("to fill in: {what}");
        if let Some(e) = &f.about.example {
            if !what.contains(e.as_str()) && !what.contains("e.g.") {
                message.push_str(&format!("; for example: {e}"));
            }
        }
        if let Some(h) = how {
            message.push_str(&format!("; {h}"));
        }
        // In a translation every field is optional in the schema, yet a
        // section left out is text the documents in its language lack.
        let translation = self.root.get(TRANSLATION).is_some();
        if let Some(s) = f.optional_section.as_ref().filter(|_| !translation) {
            if s != &f.path {
                message.push_str(&format!(
                    " (or delete the optional `{}` section)",
                    s.rsplit('.').next().unwrap_or(s)
                ));
            }
        }
        self.out.push(Issue {
            pos,
            path: f.path.clone(),
            message,
            suggestion: None,
            to_fill: true,
        });
    }
}

/// Collects the paths of sections under `s` that have a field `key`
/// (list items as `[0]`).
fn sections_with(
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
    let steps = super::tree::steps_of(path);
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
            super::tree::PathStep::Key(k) => {
                schema.get("properties").and_then(|p| p.get(k.as_str()))
            }
            super::tree::PathStep::Index(_) => schema.get("items"),
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
fn resolve<'a>(root: &'a Value, mut schema: &'a Value) -> (&'a Value, Option<&'a str>) {
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
fn types_of(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ if schema.get("properties").is_some() => vec!["object"],
        _ if schema.get("items").is_some() => vec!["array"],
        _ => Vec::new(),
    }
}

/// Whether a node can be read as a JSON type, as leniently as serde-saphyr
/// reads it.
fn accepts(ty: &str, node: &Node) -> bool {
    match (ty, node) {
        (_, Node::Alias { .. }) => true,
        ("null", n) => n.is_null(),
        (_, n) if n.is_null() => false,
        ("object", Node::Map { .. }) | ("array", Node::Seq { .. }) => true,
        ("string", Node::Scalar { .. }) => true,
        ("integer", Node::Scalar { value, style, .. }) => {
            *style != Style::Block && integer(value).is_some()
        }
        ("number", Node::Scalar { value, style, .. }) => {
            *style != Style::Block && number(value).is_some_and(f64::is_finite)
        }
        ("boolean", Node::Scalar { value, .. }) => {
            let v = value.trim().to_ascii_lowercase();
            matches!(
                v.as_str(),
                "true" | "false" | "yes" | "no" | "y" | "n" | "on" | "off"
            )
        }
        _ => false,
    }
}

fn is_non_finite(node: &Node) -> bool {
    matches!(node, Node::Scalar { value, .. } if number(value).is_some_and(|n| !n.is_finite()))
}

/// A YAML integer (`18200`, `18_200`, `+5`, `0x10`).
fn integer(s: &str) -> Option<i128> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let digits: String = t.chars().filter(|c| *c != '_').collect();
    let v = if let Some(h) = digits.strip_prefix("0x") {
        i128::from_str_radix(h, 16).ok()?
    } else if let Some(o) = digits.strip_prefix("0o") {
        i128::from_str_radix(o, 8).ok()?
    } else if let Some(b) = digits.strip_prefix("0b") {
        i128::from_str_radix(b, 2).ok()?
    } else if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        digits.parse().ok()?
    } else {
        return None;
    };
    Some(if neg { -v } else { v })
}

/// A YAML number, `.nan` and `.inf` included (refused elsewhere).
fn number(s: &str) -> Option<f64> {
    if let Some(i) = integer(s) {
        return Some(i as f64);
    }
    let t = s.trim();
    match t.to_ascii_lowercase().as_str() {
        ".nan" => return Some(f64::NAN),
        ".inf" | "+.inf" => return Some(f64::INFINITY),
        "-.inf" => return Some(f64::NEG_INFINITY),
        _ => {}
    }
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || "+-.eE".contains(c)) {
        return None;
    }
    t.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A schema's `errorMessage` (a sentence for an editor's tooltip) as part
/// of a message: lower case first, no full stop.
fn said(m: &str) -> String {
    words::lower_first(m.trim().trim_end_matches('.'))
}

/// A fixed value as a person writes it: `a`, not `"a"`.
fn plain_value(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
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
        assert!(got.iter().any(|g| g.starts_with("2:1 salary: missing required field 'experienced': add `experienced:` under `salary:`")), "{got:#?}");
        assert!(got.iter().any(|g| g == "3:12 salary.starter: expected a whole number, without a £ sign or commas (e.g. 18200)"), "{got:#?}");
        assert!(got.iter().any(|g| g == "4:9 skills: skills is a list: put each item on its own line starting with `- `"), "{got:#?}");
        assert!(
            got.iter()
                .any(|g| g == "5:10 article: 'the' is not one of the choices: write a or an"),
            "{got:#?}"
        );
    }

    #[test]
    fn lenient_where_serde_is() {
        assert!(issues("title: 1999\nsalary:\n  starter: \"18_200\"\n  experienced: 0x10\nskills: [a]\ntravel:\n").is_empty());
    }

    #[test]
    fn empty_values_are_to_fill_in_and_text_with_a_colon_is_named() {
        let got = issues("title: \"\"\nsalary:\n  starter:\n  experienced: 1\nskills:\n  - Listening: and more\n");
        assert_eq!(got[0], "1:8 title: to fill in: the job title");
        assert!(
            got[1].starts_with("3:3 salary.starter: to fill in"),
            "{got:#?}"
        );
        assert_eq!(got[2], "6:5 skills[0]: the text contains ': ', so YAML reads 'Listening' as a field name: put the text in quotes: \"Listening: and more\"");
    }
}
