//! YAML syntax mistakes in plain words, each with its fix, and reading on
//! past them.
//!
//! The mistakes people make most (text holding `: `, a line out of line, a
//! tab, a quote never closed, `skills: - a`) stop a YAML parser at once,
//! in its own words ("mapping values are not allowed in this context").
//! Here each is explained with the line to change and how, and then
//! *repaired in a scratch copy* (the colon made harmless, the line moved to
//! where it belongs, the tab made spaces, the quote closed) so reading can
//! go on and the rest of the file is checked in the same run. Repairs
//! never add or remove lines, so every later line number is the file's
//! own. A mistake that cannot be repaired ends the file's report, and the
//! message says so.

mod colon;
mod lines;
mod quotes;

use colon::colon;
use lines::{misplaced_key, odd_one_out, out_of_line};
use quotes::{tabs, unclosed_quote_before};

use super::tree::{self, Open, Pos, SyntaxError, Tree};
use super::validate::fields_at;
use super::words;
use serde_json::Value;
use serde_saphyr::granit_parser::ErrorKind;

/// Most mistakes repaired in one file before giving up on it.
const MAX_REPAIRS: usize = 200;

/// One syntax mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    pub pos: Pos,
    /// The field, when known (filled in from the repaired tree otherwise).
    pub path: Option<String>,
    pub message: String,
    /// Reading stopped here: the rest of the file was not checked.
    pub fatal: bool,
    /// The repair changed the line's value, so other findings on this line
    /// are about the scratch copy, not the file: drop them.
    pub owns_line: bool,
}

/// Reads `text` as a tree, explaining and repairing syntax mistakes on the
/// way; `None` when a mistake could not be repaired.
pub fn read(text: &str, schema: &Value) -> (Option<Tree>, Vec<Mistake>) {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut found = Vec::new();
    tabs(&mut lines, &mut found);
    for _ in 0..MAX_REPAIRS {
        let joined = lines.join("\n");
        let e = match tree::read(&joined) {
            Ok(t) => return (Some(t), found),
            Err(e) => e,
        };
        let before = lines.clone();
        let mistake =
            unclosed_quote_before(&e, &mut lines).or_else(|| explain(&e, &mut lines, schema));
        match mistake {
            Some(m) if lines != before => {
                if !found
                    .iter()
                    .any(|f: &Mistake| f.pos.line == m.pos.line && f.message == m.message)
                {
                    found.push(m);
                }
            }
            other => {
                let mut m = other.unwrap_or_else(|| fallback(&e));
                m.fatal = true;
                m.message.push_str(
                    "; careerpress cannot read the rest of this file until this is fixed, so it was not checked",
                );
                found.push(m);
                return (None, found);
            }
        }
    }
    let last = found
        .last()
        .map(|m| m.pos)
        .unwrap_or(Pos { line: 1, column: 1 });
    found.push(Mistake {
        pos: last,
        path: None,
        message: "too many mistakes to read on; fix these first, then check again".into(),
        fatal: true,
        owns_line: false,
    });
    (None, found)
}

/// List items merged into the item above: a line starting `- ` indented
/// further than the items of its list is, to YAML, more text of the item
/// before it, and an item would be lost silently. Found on the file's own
/// lines, for every list of plain items in the tree.
pub fn merged_items(tree: &Tree, text: &str) -> Vec<Mistake> {
    fn walk(node: &tree::Node, path: &str, lines: &[&str], out: &mut Vec<Mistake>) {
        match node {
            tree::Node::Seq {
                items, flow: false, ..
            } => {
                for (i, item) in items.iter().enumerate() {
                    let p = format!("{path}[{i}]");
                    if let tree::Node::Scalar {
                        pos,
                        style: tree::Style::Plain,
                        value,
                    } = item
                    {
                        if value.contains(" - ") {
                            check_item(
                                *pos,
                                &p,
                                items.get(i + 1).map(|n| n.pos().line),
                                lines,
                                out,
                            );
                        }
                    }
                    walk(item, &p, lines, out);
                }
            }
            tree::Node::Seq { items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"), lines, out);
                }
            }
            tree::Node::Map { entries, .. } => {
                for (k, _, n) in entries {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(n, &p, lines, out);
                }
            }
            _ => {}
        }
    }
    fn check_item(
        pos: Pos,
        path: &str,
        next: Option<usize>,
        lines: &[&str],
        out: &mut Vec<Mistake>,
    ) {
        let Some(first) = lines.get(pos.line - 1) else {
            return;
        };
        let dash = indent(first) + 1;
        let end = next.unwrap_or(lines.len() + 1);
        let last = end.saturating_sub(1).min(lines.len());
        for (j, l) in lines.iter().enumerate().take(last).skip(pos.line) {
            if l.trim_start().starts_with("- ") && indent(l) + 1 > dash {
                out.push(Mistake {
                    pos: Pos { line: j + 1, column: indent(l) + 1 },
                    path: Some(path.to_string()),
                    message: format!(
                        "this line starts with `- ` at column {}, further in than the items of its list (column {dash}), so YAML reads it as more text of the item on line {}: move it to column {dash} to make it an item of its own",
                        indent(l) + 1,
                        pos.line
                    ),
                    fatal: false,
                    owns_line: false,
                });
            }
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    walk(&tree.root, "", &lines, &mut out);
    out
}

/// The number of spaces a line starts with.
fn indent(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ').count()
}

/// The line without its indentation, list dash and line end.
fn body(line: &str) -> &str {
    let t = line.trim_start_matches(' ').trim_end_matches('\r');
    t.strip_prefix("- ").unwrap_or(t)
}

/// The line without a trailing comment (roughly: ` #` outside quotes).
fn code(line: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev == ' ' || prev == '\t' => return line[..i].trim_end(),
            _ => {}
        }
        prev = c;
    }
    line.trim_end()
}

/// The key a line starts with (`pattern` for `  pattern: 9am`), if any.
fn key_of(line: &str) -> Option<&str> {
    let b = body(line);
    let end = b
        .find(": ")
        .or_else(|| b.ends_with(':').then(|| b.len() - 1))?;
    let key = &b[..end];
    (!key.is_empty() && !key.contains(['"', '\'', '[', '{', '#'])).then_some(key)
}

fn set_indent(line: &mut String, spaces: usize) {
    let rest = line.trim_start_matches([' ', '\t']).to_string();
    *line = format!("{}{rest}", " ".repeat(spaces));
}

/// Replaces the character at a 0-based character index.
fn replace_char(line: &mut String, index: usize, with: &str) {
    if let Some((b, c)) = line.char_indices().nth(index) {
        line.replace_range(b..b + c.len_utf8(), with);
    }
}

/// A colon that YAML will not read as a field's colon (U+A789).
const SAFE_COLON: &str = "\u{A789}";

fn mistake(pos: Pos, path: Option<String>, message: String) -> Mistake {
    Mistake {
        pos,
        path,
        message,
        fatal: false,
        owns_line: false,
    }
}

/// Explains a syntax error, repairing the scratch copy where it can.
fn explain(e: &SyntaxError, lines: &mut [String], schema: &Value) -> Option<Mistake> {
    let li = e.pos.line.checked_sub(1)?;
    let line = lines.get(li)?.clone();
    let path = Some(e.path()).filter(|p| !p.is_empty());
    let innermost_flow = e.open.iter().rev().find(|o| o.flow);
    match &e.kind {
        ErrorKind::MappingValueNotAllowed => colon(e, lines, li, &line, schema),
        ErrorKind::ExpectedBlockMappingKey
        | ErrorKind::ExpectedBlockSequenceEntry
        | ErrorKind::InvalidIndentation
        | ErrorKind::InvalidBlockScalarIndent
        | ErrorKind::InvalidFlowScalarIndent => out_of_line(e, lines, li, &line, schema),
        ErrorKind::TabInBlockIndentation
        | ErrorKind::TabInIndentation
        | ErrorKind::TabAtBlockScalarStart
        | ErrorKind::TabInPlainScalar
        | ErrorKind::TabNotAllowed => {
            let at = line.find('\t')?;
            let column = line[..at].chars().count() + 1;
            lines[li].replace_range(at..at + 1, " ");
            Some(mistake(
                Pos { line: e.pos.line, column },
                None,
                "a tab here, which YAML does not allow in this place: use spaces".into(),
            ))
        }
        ErrorKind::UnclosedQuotedScalar => {
            let q = line.chars().nth(e.pos.column - 1).filter(|c| *c == '"' || *c == '\'').unwrap_or('"');
            let end = if line.ends_with('\r') { line.len() - 1 } else { line.len() };
            lines[li].insert(end, q);
            Some(Mistake {
                owns_line: true,
                ..mistake(
                    e.pos,
                    path,
                    format!("the quote {q} that starts the text here is never closed: end the text with {q}"),
                )
            })
        }
        ErrorKind::InvalidTrailingDoubleQuotedScalar | ErrorKind::InvalidTrailingSingleQuotedScalar => {
            let q = if matches!(e.kind, ErrorKind::InvalidTrailingDoubleQuotedScalar) { '"' } else { '\'' };
            let upto: String = line.chars().take(e.pos.column.saturating_sub(1)).collect();
            let at = upto.rfind(q)?;
            let mut fixed = line.trim_end_matches('\r').to_string();
            fixed.remove(at);
            fixed.push(q);
            let shown = fixed.trim().to_string();
            lines[li] = if line.ends_with('\r') { format!("{fixed}\r") } else { fixed };
            Some(Mistake {
                owns_line: true,
                ..mistake(
                    e.pos,
                    path,
                    format!(
                        "there is text after the closing quote {q}: put all of the text inside the quotes ({})",
                        words::shown(&shown)
                    ),
                )
            })
        }
        ErrorKind::BlockSequenceEntryNotAllowed | ErrorKind::BlockEntryInFlowCollection
            if innermost_flow.is_none() =>
        {
            let idx = e.pos.column - 1;
            let key = key_of(&line).unwrap_or("the field").to_string();
            let item: String = line.chars().skip(idx + 2).collect();
            // The scratch copy keeps the field, without the item.
            let keep: String = line.chars().take(idx).collect();
            lines[li] = keep.trim_end().to_string();
            Some(Mistake {
                owns_line: true,
                ..mistake(
                    e.pos,
                    path,
                    format!(
                        "a list item cannot start on the line of `{key}:`: put `- {}` on a line of its own below it, indented by two more spaces",
                        words::shown(item.trim())
                    ),
                )
            })
        }
        _ if innermost_flow.is_some() && flow_kind(&e.kind) => {
            let open = innermost_flow?;
            let (opening, closing) = if open.map { ('{', '}') } else { ('[', ']') };
            let oi = open.pos.line - 1;
            let end = if lines[oi].ends_with('\r') { lines[oi].len() - 1 } else { lines[oi].len() };
            // Close it at the end of the line it opens on.
            let code_end = code(&lines[oi][..end]).len();
            lines[oi].insert(code_end, closing);
            Some(Mistake {
                owns_line: true,
                ..mistake(
                    open.pos,
                    Some(open.path.clone()).filter(|p| !p.is_empty()),
                    format!(
                        "the {} that starts with {opening} here is never closed: end it with {closing}",
                        if open.map { "section" } else { "list" }
                    ),
                )
            })
        }
        ErrorKind::MisplacedFlowCollectionEnd => {
            let c = line.chars().nth(e.pos.column - 1).unwrap_or(']');
            replace_char(&mut lines[li], e.pos.column - 1, " ");
            Some(mistake(e.pos, path, format!("a {c} that closes nothing: remove it")))
        }
        ErrorKind::RecursionLimitExceeded => Some(mistake(
            e.pos,
            path.map(|p| shorten(&p)),
            format!(
                "the value is nested more than {} levels deep (lists in lists or sections in sections): write it flat",
                tree::MAX_NESTING
            ),
        )),
        ErrorKind::UnknownAnchor => Some(mistake(
            e.pos,
            path,
            "this *name refers to an &name that is not defined above it: define the anchor first, or write the value out".into(),
        )),
        _ => None,
    }
}

fn flow_kind(k: &ErrorKind) -> bool {
    matches!(
        k,
        ErrorKind::UnexpectedEofFlowSequence
            | ErrorKind::UnexpectedEofFlowMapping
            | ErrorKind::UnexpectedEofImplicitFlowMapping
            | ErrorKind::ExpectedFlowSequenceSeparator
            | ErrorKind::ExpectedFlowMappingSeparator
            | ErrorKind::InvalidColonPlacement
            | ErrorKind::UnclosedFlowCollection { .. }
            | ErrorKind::MismatchedFlowCollectionEnd { .. }
            | ErrorKind::BlockEntryInFlowCollection
            | ErrorKind::BlockSequenceEntryNotAllowed
            | ErrorKind::MappingValueNotAllowed
            | ErrorKind::ExpectedBlockMappingKey
            | ErrorKind::UnexpectedEof
            | ErrorKind::InvalidIndentation
    )
}

/// `a[0][0][0]…` → `a[0]…`: a runaway path, kept readable.
fn shorten(path: &str) -> String {
    match path.find("[0][0]") {
        Some(i) => format!("{}[0]…", &path[..i]),
        None => path.to_string(),
    }
}

/// Any other syntax error, in the plainest words the parser's give.
fn fallback(e: &SyntaxError) -> Mistake {
    mistake(
        e.pos,
        Some(e.path()).filter(|p| !p.is_empty()),
        format!("YAML cannot read this: {}", words::plain(&e.raw)),
    )
}

#[cfg(test)]
mod tests;
