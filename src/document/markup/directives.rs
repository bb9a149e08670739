//! The `:::` directives: containers (`banner`, `facts`, `box`, `columns`,
//! `column`, `lang`) and one-line leaves (`qr`, `image`, `pagebreak`), with
//! the plain markup between them parsed as CommonMark.

use super::commonmark::markdown;
use super::escapes::{safe_url, unescape};
use super::MarkupError;
use crate::document::{Block, Fact, Inline};

/// Deepest nesting of directives accepted.
const MAX_DEPTH: usize = 16;

const CONTAINERS: &[&str] = &["banner", "facts", "box", "columns", "column", "lang"];
const LEAVES: &[&str] = &["qr", "image", "pagebreak"];

/// An open container: its name, argument and the line it opened on.
pub(super) struct Open<'a> {
    name: &'a str,
    arg: String,
    line: usize,
}

/// Splits a directive line into (name, argument); `Some(("", ""))` for a
/// closing fence; `None` when the line is not a directive.
fn directive(line: &str) -> Option<(&str, &str)> {
    let t = line.trim();
    let colons = t.len() - t.trim_start_matches(':').len();
    if colons < 3 {
        return None;
    }
    let rest = t[colons..].trim();
    let (name, arg) = match rest.split_once(char::is_whitespace) {
        Some((n, a)) => (n, a.trim()),
        None => (rest, ""),
    };
    Some((name, arg))
}

pub(super) fn parse_flow(
    lines: &[&str],
    pos: &mut usize,
    open: Option<&Open>,
    depth: usize,
) -> Result<Vec<Block>, MarkupError> {
    let mut blocks = Vec::new();
    let mut chunk: Vec<&str> = Vec::new();
    let mut chunk_start = *pos;
    while *pos < lines.len() {
        let line_no = *pos + 1;
        let Some((name, arg)) = directive(lines[*pos]) else {
            if chunk.is_empty() {
                chunk_start = *pos;
            }
            chunk.push(lines[*pos]);
            *pos += 1;
            continue;
        };
        *pos += 1;
        flush(&mut chunk, chunk_start, &mut blocks)?;
        if name.is_empty() {
            if open.is_some() {
                return Ok(blocks);
            }
            return Err(MarkupError {
                line: line_no,
                message: "a closing ':::' with no open directive".into(),
            });
        }
        let arg = unescape(arg);
        if LEAVES.contains(&name) {
            blocks.push(leaf(name, &arg, line_no)?);
        } else if CONTAINERS.contains(&name) {
            if depth >= MAX_DEPTH {
                return Err(MarkupError {
                    line: line_no,
                    message: format!("directives nested more than {MAX_DEPTH} deep"),
                });
            }
            let inner = Open {
                name,
                arg,
                line: line_no,
            };
            let body = parse_flow(lines, pos, Some(&inner), depth + 1)?;
            blocks.push(container(&inner, body)?);
        } else {
            return Err(MarkupError {
                line: line_no,
                message: format!(
                    "unknown directive '::: {name}' (known: {})",
                    [CONTAINERS, LEAVES].concat().join(", ")
                ),
            });
        }
    }
    flush(&mut chunk, chunk_start, &mut blocks)?;
    match open {
        Some(o) => Err(MarkupError {
            line: o.line,
            message: format!("'::: {}' is never closed with ':::'", o.name),
        }),
        None => Ok(blocks),
    }
}

fn flush(chunk: &mut Vec<&str>, start: usize, blocks: &mut Vec<Block>) -> Result<(), MarkupError> {
    if chunk.iter().any(|l| !l.trim().is_empty()) {
        let text = chunk.join("\n");
        blocks.extend(markdown(&text, start + 1)?);
    }
    chunk.clear();
    Ok(())
}

fn leaf(name: &str, arg: &str, line: usize) -> Result<Block, MarkupError> {
    let (first, rest) = match arg.split_once(char::is_whitespace) {
        Some((f, r)) => (
            f.to_string(),
            Some(r.trim().to_string()).filter(|r| !r.is_empty()),
        ),
        None => (arg.to_string(), None),
    };
    let need = |what: &str| MarkupError {
        line,
        message: format!("'::: {name}' needs {what}"),
    };
    Ok(match name {
        "qr" => {
            if first.is_empty() {
                return Err(need("a web address"));
            }
            if !safe_url(&first) {
                return Err(MarkupError {
                    line,
                    message: format!(
                        "'::: qr' web address '{first}' is not http(s), mailto or tel"
                    ),
                });
            }
            Block::Qr {
                url: first,
                caption: rest,
            }
        }
        "image" => {
            if first.is_empty() {
                return Err(need("an image name, e.g. 'logo'"));
            }
            Block::Image {
                name: first,
                alt: rest.unwrap_or_default(),
            }
        }
        _ => Block::PageBreak,
    })
}

fn container(open: &Open, body: Vec<Block>) -> Result<Block, MarkupError> {
    let title = (!open.arg.is_empty()).then(|| vec![Inline::Text(open.arg.clone())]);
    let err = |message: String| MarkupError {
        line: open.line,
        message,
    };
    Ok(match open.name {
        "banner" => Block::Banner { blocks: body },
        "lang" => {
            if !crate::document::is_language_tag(&open.arg) {
                return Err(err(format!(
                    "'::: lang' needs a language tag such as cy or en-GB, not '{}'",
                    open.arg
                )));
            }
            Block::Lang {
                lang: open.arg.clone(),
                blocks: body,
            }
        }
        "box" => Block::Callout {
            title,
            blocks: body,
        },
        "facts" => {
            let mut rows = Vec::new();
            for block in body {
                let Block::List { items, .. } = block else {
                    return Err(err(
                        "'::: facts' holds a bullet list of '**Label** value' items".into(),
                    ));
                };
                for item in items {
                    rows.push(fact(item).ok_or_else(|| {
                        err("each '::: facts' item starts with a **bold label**".into())
                    })?);
                }
            }
            Block::Facts { title, rows }
        }
        "columns" => {
            let mut cols = Vec::new();
            for block in body {
                match block {
                    Block::Columns(mut c) if c.len() == 1 => cols.append(&mut c),
                    _ => return Err(err("'::: columns' holds only '::: column' sections".into())),
                }
            }
            Block::Columns(cols)
        }
        // A lone column: wrapped so that `columns` can collect it.
        _ => Block::Columns(vec![body]),
    })
}

/// Splits a facts item into its bold label and the rest.
fn fact(item: Vec<Block>) -> Option<Fact> {
    let mut inlines = match item.into_iter().next()? {
        Block::Paragraph(i) => i,
        _ => return None,
    };
    if inlines.is_empty() {
        return None;
    }
    let Inline::Strong(label) = inlines.remove(0) else {
        return None;
    };
    if let Some(Inline::Text(t)) = inlines.first_mut() {
        let trimmed = t
            .trim_start_matches([' ', ':', '\u{2013}', '\u{2014}', '-'])
            .to_string();
        *t = trimmed;
        if t.is_empty() {
            inlines.remove(0);
        }
    }
    Some(Fact {
        label,
        value: inlines,
    })
}
