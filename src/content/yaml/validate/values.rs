//! The checks of single values: text, numbers and yes/no against the
//! schema's type and rules, a value of the wrong kind (a list where text
//! belongs, text read as a section), and an empty value to fill in.

use super::super::tree::{Node, Pos, Style};
use super::super::words;
use super::{Field, Found, Issue, Validator, TRANSLATION};
use serde_json::Value;

impl Validator<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn scalar(
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

    pub(super) fn wrong_type(&mut self, node: &Node, what: Found, types: &[&str], f: &Field) {
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
                (Found::Text, words::Kind::Section) if range_of(node).is_some() => {
                    let (a, b) = range_of(node).unwrap_or_default();
                    format!(
                        "'{a} to {b}' is a range: give its two ends as two fields on the lines below `{name}:`, indented: `starter: {a}` and `experienced: {b}`"
                    )
                }
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
                (Found::Text, words::Kind::Number { whole: true }) => match range_of(node) {
                    Some((a, b)) => format!(
                        "'{a} to {b}' is a range, and {name} is one number: a salary's two ends are two fields, `starter: {a}` and `experienced: {b}`, under `salary:`"
                    ),
                    None => "expected a whole number, without a £ sign or commas (e.g. 18200)".into(),
                },
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
    pub(super) fn text_read_as_section(&self, node: &Node, name: &str) -> String {
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
    pub(super) fn hash_read_as_comment(&self, node: &Node, f: &Field) -> Option<String> {
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

    pub(super) fn fill_in(&mut self, pos: Pos, f: &Field, how: Option<String>) {
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

/// Whether a node can be read as a JSON type, as leniently as serde-saphyr
/// reads it.
pub(super) fn accepts(ty: &str, node: &Node) -> bool {
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

pub(super) fn is_non_finite(node: &Node) -> bool {
    matches!(node, Node::Scalar { value, .. } if number(value).is_some_and(|n| !n.is_finite()))
}

/// A YAML integer (`18200`, `18_200`, `+5`, `0x10`).
pub(super) fn integer(s: &str) -> Option<i128> {
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
pub(super) fn number(s: &str) -> Option<f64> {
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
pub(super) fn said(m: &str) -> String {
    words::lower_first(m.trim().trim_end_matches('.'))
}

/// A fixed value as a person writes it: `a`, not `"a"`.
pub(super) fn plain_value(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The two ends of a range written as one value (`18200-22000`,
/// `£18,200 to £22,000`, `18200 – 22000`), as whole numbers.
fn range_of(node: &Node) -> Option<(String, String)> {
    let Node::Scalar { value, .. } = node else {
        return None;
    };
    let v = value.replace(['£', ','], "");
    let (a, b) = ["-", "–", "—", " to "]
        .iter()
        .find_map(|sep| v.split_once(sep))?;
    let whole = |x: &str| {
        let x = x.trim();
        (!x.is_empty() && x.len() < 10 && x.chars().all(|c| c.is_ascii_digit()))
            .then(|| x.to_string())
    };
    Some((whole(a)?, whole(b)?))
}
