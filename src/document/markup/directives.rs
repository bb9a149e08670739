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
    /// The argument as a title: text, with its language spans.
    title: Vec<Inline>,
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
        let raw = arg;
        let arg = unescape(arg);
        if LEAVES.contains(&name) {
            blocks.push(leaf(name, raw, line_no)?);
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
                title: arg_inlines(raw),
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

/// A leaf's argument, `raw` as written (escapes in): the first word, and
/// the rest as text (`rest`) and as inlines with their language spans.
fn leaf(name: &str, raw: &str, line: usize) -> Result<Block, MarkupError> {
    let (first, rest_raw) = match raw.split_once(char::is_whitespace) {
        Some((f, r)) => (unescape(f), Some(r.trim()).filter(|r| !r.is_empty())),
        None => (unescape(raw), None),
    };
    let rest = rest_raw.map(unescape);
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
                caption: rest_raw.map(arg_inlines),
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
    let title = (!open.arg.is_empty()).then(|| open.title.clone());
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
                lang: crate::document::regional(&open.arg),
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

/// A directive's argument (escapes in) as inlines: text, and the language
/// spans a bilingual label is made of (`<span lang="cy">Dysgu rhagor</span>
/// / <span lang="en-GB">Find out more</span>`, from `{{#each_language
/// separator}}`), each a `Lang` with its region. An escaped `\<` is text,
/// so no value from the content can open a span.
pub(super) fn arg_inlines(raw: &str) -> Vec<Inline> {
    const OPEN: &str = "<span lang=\"";
    const CLOSE: &str = "</span>";
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = raw;
    let flush = |text: &mut String, out: &mut Vec<Inline>| {
        if !text.is_empty() {
            out.push(Inline::Text(unescape(text)));
            text.clear();
        }
    };
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix(OPEN) {
            let span = after.split_once("\">").and_then(|(tag, body)| {
                let (content, tail) = body.split_once(CLOSE)?;
                (crate::document::is_language_tag(tag) && !content.contains(OPEN))
                    .then_some((tag, content, tail))
            });
            if let Some((tag, content, tail)) = span {
                flush(&mut text, &mut out);
                out.push(Inline::Lang {
                    lang: crate::document::regional(tag),
                    content: vec![Inline::Text(unescape(content))],
                });
                rest = tail;
                continue;
            }
        }
        let mut chars = rest.chars();
        let c = chars.next().unwrap_or_default();
        text.push(c);
        if c == '\\' {
            // An escape and what it escapes stay together.
            if let Some(n) = chars.next() {
                text.push(n);
            }
        }
        rest = chars.as_str();
    }
    flush(&mut text, &mut out);
    out
}
