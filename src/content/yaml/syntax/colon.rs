//! Text holding ': ' that YAML reads as a new field: put in quotes.

use super::*;

/// "mapping values are not allowed in this context": text with `: ` in
/// it, or a field indented more than its neighbours.
pub(super) fn colon(
    e: &SyntaxError,
    lines: &mut [String],
    li: usize,
    line: &str,
    schema: &Value,
) -> Option<Mistake> {
    let idx = e.pos.column - 1;
    let chars: Vec<char> = line.chars().collect();
    if chars.get(idx) != Some(&':') {
        return None;
    }
    let lead = indent(line);
    let dash = line[lead..].starts_with("- ");
    let start = lead + if dash { 2 } else { 0 };
    let before: String = chars[start..idx].iter().collect();
    // An earlier `key: ` on the line: the colon is in that key's text.
    if let Some(k) = before.find(": ").map(|i| before[..i].to_string()) {
        let value: String = chars[start + k.len() + 2..].iter().collect::<String>();
        let value = code(value.trim_end_matches('\r')).trim().to_string();
        for (i, c) in chars.iter().enumerate().skip(start + k.len() + 1) {
            if *c == ':' {
                replace_char(&mut lines[li], i, SAFE_COLON);
            }
        }
        let fix = format!("{k}: {}", words::quoted(&value));
        return Some(Mistake {
            owns_line: true,
            ..mistake(
                Pos { line: e.pos.line, column: e.pos.column },
                None,
                format!(
                    "the text of `{k}` contains ': ', which YAML reads as the start of a new field: put the text in quotes: {}",
                    words::shown(&fix)
                ),
            )
        })
        .map(|m| Mistake { path: Some(path_join(&e.path(), &k, &e.open)), ..m });
    }
    let key = before.trim().to_string();
    // A field of a section, at another column than its neighbours.
    if let Some(m) = odd_one_out(e, lines, li, &key, schema) {
        return Some(m);
    }
    if let Some(m) = misplaced_key(e, lines, li, line, &key, schema) {
        return Some(m);
    }
    // A line of multi-line text holding `: `.
    let field = e.path();
    let from = e
        .open
        .iter()
        .rev()
        .find(|o| o.map)
        .and_then(|o| o.keys.last())
        .map(|(k, p)| (k.clone(), p.line));
    for (i, c) in chars.iter().enumerate() {
        if *c == ':' && chars.get(i + 1).is_none_or(|n| *n == ' ' || *n == '\r') {
            replace_char(&mut lines[li], i, SAFE_COLON);
        }
    }
    let (name, first) = from.unwrap_or((field.clone(), e.pos.line));
    Some(Mistake {
        owns_line: true,
        ..mistake(
            e.pos,
            Some(field).filter(|f| !f.is_empty()),
            format!(
                "the text of `{name}` (from line {first}) has ': ' on this line, which YAML reads as the start of a new field: put the whole text in quotes, or write `{name}: >-` and the text on the lines below it, indented"
            ),
        )
    })
}

/// The path of `key` in the innermost open section.
pub(super) fn path_join(reading: &str, key: &str, open: &[Open]) -> String {
    match open.iter().rev().find(|o| o.map) {
        Some(o) if o.path.is_empty() => key.to_string(),
        Some(o) => format!("{}.{key}", o.path),
        None if reading.is_empty() => key.to_string(),
        None => reading.to_string(),
    }
}
