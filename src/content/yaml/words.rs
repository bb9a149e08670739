//! The words messages use: what a value is, as a careers writer would
//! say it ("a list", "text", "a whole number"), never a programmer's
//! (`sequence`, `scalar`, `Option<String>`), and small helpers to quote
//! values back.

/// A value as shown in a message: short, on one line, control characters
/// made visible, so a message never carries a raw line break or escape.
pub fn shown(s: &str) -> String {
    let one_line = crate::content::types::printable(s);
    if one_line.chars().count() > 60 {
        format!("{}…", one_line.chars().take(60).collect::<String>())
    } else {
        one_line
    }
}

/// `a`, `a or b`, `a, b or c`.
pub fn or_list(items: &[String]) -> String {
    join(items, "or")
}

/// `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    join(items, "and")
}

fn join(items: &[String], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

/// "The job title" → "the job title"; "PALS officer" stays.
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_string(),
    }
}

/// A description without brackets of its own, so it can stand in
/// brackets: "text (at least one)" → "text, at least one".
pub fn flat(s: &str) -> String {
    s.replace(" (", ", ").replace([')', '`'], "")
}

/// A text written in YAML quotes: double quotes, or single quotes when the
/// text holds double ones.
pub fn quoted(s: &str) -> String {
    if s.contains('"') {
        format!("'{}'", s.replace('\'', "''"))
    } else {
        format!("\"{}\"", s.replace('\\', "\\\\"))
    }
}

/// A number without a needless `.0`.
pub fn num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// What kind of value a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Number { whole: bool },
    Bool,
    List,
    Section,
    Other,
}

impl Kind {
    /// "a list", "text", …
    pub fn a(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Number { whole: true } => "a whole number",
            Kind::Number { whole: false } => "a number",
            Kind::Bool => "true or false",
            Kind::List => "a list",
            Kind::Section => "a section of fields",
            Kind::Other => "a value",
        }
    }
}

/// The kind a field takes, from the JSON types its schema allows.
pub fn expected(types: &[&str]) -> Kind {
    let real: Vec<&str> = types.iter().copied().filter(|t| *t != "null").collect();
    match real.as_slice() {
        ["string"] => Kind::Text,
        ["integer"] => Kind::Number { whole: true },
        ["number"] | ["integer", "number"] | ["number", "integer"] => Kind::Number { whole: false },
        ["boolean"] => Kind::Bool,
        ["array"] => Kind::List,
        ["object"] => Kind::Section,
        _ => Kind::Other,
    }
}

/// Words that belong to the parser or to Rust, never to a message, with
/// what to say instead. Applied to every message that did not come from
/// careerpress itself (the last resort for a parser's words).
const JARGON: &[(&str, &str)] = &[
    ("block mapping", "section"),
    ("flow mapping", "section in { }"),
    ("block sequence", "list"),
    ("flow sequence", "list in [ ]"),
    ("mapping values", "fields"),
    ("mapping", "section"),
    ("sequence", "list"),
    ("scalar", "value"),
    ("deserialize", "read"),
    ("deserialise", "read"),
    ("Option<String>", "text"),
    ("Vec<", "list of "),
    ("struct ", "section "),
    ("enum ", "choice "),
    ("variant", "choice"),
    ("invalid type", "wrong kind of value"),
    ("string", "text"),
    ("u32", "whole number"),
    ("f32", "number"),
];

/// A message in plain words: parser and Rust words replaced.
pub fn plain(message: &str) -> String {
    let mut out = message.replace('`', "'");
    for (jargon, word) in JARGON {
        if out.to_lowercase().contains(&jargon.to_lowercase()) {
            out = replace_ignoring_case(&out, jargon, word);
        }
    }
    out
}

fn replace_ignoring_case(s: &str, from: &str, to: &str) -> String {
    let lower = s.to_lowercase();
    let from_lower = from.to_lowercase();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    // Lower-casing keeps byte offsets for the ASCII words above.
    if lower.len() != s.len() {
        return s.replace(from, to);
    }
    for (i, _) in lower.match_indices(&from_lower) {
        out.push_str(&s[last..i]);
        out.push_str(to);
        last = i + from.len();
    }
    out.push_str(&s[last..]);
    out
}

/// Whether a message is free of parser and Rust words (what every test of
/// messages asserts).
pub fn is_plain(message: &str) -> bool {
    let lower = message.to_lowercase();
    ![
        "option<",
        "scalar",
        "sequence",
        "deserializ",
        "mapping",
        "struct ",
        "serde",
        "vec<",
        "invalid type",
        "u32",
        "f32",
        "unwrap",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words() {
        assert_eq!(
            plain("while parsing a block mapping, did not find expected key"),
            "while parsing a section, did not find expected key"
        );
        assert_eq!(
            plain("invalid type: sequence, expected a string"),
            "wrong kind of value: list, expected a text"
        );
        assert!(is_plain(&plain(
            "cannot deserialize null into string; use Option<String>"
        )));
        assert_eq!(or_list(&["a".into(), "an".into()]), "a or an");
        assert_eq!(lower_first("The job title"), "the job title");
        assert_eq!(lower_first("PALS officer"), "PALS officer");
        assert_eq!(quoted("a: b"), "\"a: b\"");
        assert_eq!(quoted("say \"hi\": now"), "'say \"hi\": now'");
    }
}
