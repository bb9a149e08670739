//! `{{join list}}` → `a, b and c`; `{{join list "or"}}` → `a, b or c`;
//! `{{join routes key="in_brief"}}` joins one field of a list of objects.
//! "and" and "or" are the catalogue's `list-and` and `list-or` in the
//! language being rendered (Welsh `a`, or `ac` before a vowel: the message
//! is told whether the last item starts with one); any other word is used
//! as given.

use super::{message, not_a, param, simple_helper, text_arg};
use handlebars::RenderError;
use serde_json::Value;

/// Joins items the way people write lists.
pub fn join_words(items: &[String], conjunction: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}

simple_helper!(join, |h| {
    let list = param(h, 0, "{{join list [\"and\"|\"or\"]}}")?;
    let items = list.as_array().ok_or_else(|| not_a(h, "a list", list))?;
    let key = h.hash_get("key").and_then(|k| k.value().as_str());
    let words = items
        .iter()
        .map(|v| match key {
            Some(k) => v.get(k).unwrap_or(&Value::Null),
            None => v,
        })
        .map(|v| match v {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => Ok(n.to_string()),
            other => Err(not_a(h, "a list of text", other)),
        })
        .collect::<Result<Vec<_>, RenderError>>()?;
    let conjunction = h.param(1).and_then(|p| p.value().as_str()).unwrap_or("and");
    let next = match words.last().and_then(|w| w.trim_start().chars().next()) {
        Some(c) if "aeiouwyâêîôûŵŷAEIOUWYÂÊÎÔÛŴŶ".contains(c) => "vowel",
        _ => "other",
    };
    let key = format!("list-{conjunction}");
    let known = matches!(conjunction, "and" | "or");
    let word = if known {
        message(&key, &[("next", text_arg(next))])?
    } else {
        conjunction.to_string()
    };
    // The word after the conjunction may change its first sound (Welsh
    // "neu gyfnodolion"): the catalogue says so with `.mutation`.
    let mut words = words;
    let mutation = known
        .then(|| super::super::i18n::attribute(&key, "mutation"))
        .flatten()
        .and_then(|m| super::mutation::Mutation::parse(&m));
    if let (Some(m), true) = (mutation, words.len() > 1) {
        if let Some(last) = words.last_mut() {
            *last = super::mutation::mutate(last, m);
        }
    }
    Ok::<_, RenderError>(join_words(&words, &word))
});

#[cfg(test)]
mod tests {
    use super::join_words;

    #[test]
    fn lists() {
        let v = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_words(&v(&[]), "and"), "");
        assert_eq!(join_words(&v(&["a"]), "and"), "a");
        assert_eq!(join_words(&v(&["a", "b"]), "and"), "a and b");
        assert_eq!(join_words(&v(&["a", "b", "c"]), "or"), "a, b or c");
    }
}
