//! Markup → blocks.
//!
//! Templates render *markup*: CommonMark (parsed with pulldown-cmark, tables
//! on) plus fenced `:::` directives for what Markdown lacks:
//!
//! | directive | kind | becomes |
//! | --- | --- | --- |
//! | `::: banner` … `:::` | container | [`Block::Banner`] |
//! | `::: facts [Title]` … `:::` | container; a bullet list of `**Label** value` items | [`Block::Facts`] |
//! | `::: box [Title]` … `:::` | container | [`Block::Callout`] |
//! | `::: columns` … `:::` | container of `::: column` … `:::` sections | [`Block::Columns`] |
//! | `::: qr URL [caption]` | one line | [`Block::Qr`] |
//! | `::: image NAME [alt text]` | one line | [`Block::Image`] |
//! | `::: pagebreak` | one line | [`Block::PageBreak`] |
//! | `::: lang TAG` … `:::` | container | [`Block::Lang`]: its blocks are in language `TAG` |
//!
//! Inline, `<span lang="TAG">…</span>` marks a passage in another language
//! ([`Inline::Lang`]); it is the only HTML the markup knows, and content values
//! can never make one, as they are escaped.
//! A line of only colons closes the innermost open container. Directive
//! arguments take backslash escapes, so escaped content values can be used in
//! them.

use super::{Block, Fact, Inline};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A problem in rendered markup, with its 1-based line in the markup.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("markup line {line}: {message}")]
pub struct MarkupError {
    pub line: usize,
    pub message: String,
}

/// Deepest nesting of directives accepted.
const MAX_DEPTH: usize = 16;

const CONTAINERS: &[&str] = &["banner", "facts", "box", "columns", "column", "lang"];
const LEAVES: &[&str] = &["qr", "image", "pagebreak"];

/// Parses markup into blocks.
pub fn parse(src: &str) -> Result<Vec<Block>, MarkupError> {
    let lines: Vec<&str> = src.lines().collect();
    let mut pos = 0;
    let blocks = parse_flow(&lines, &mut pos, None, 0)?;
    Ok(blocks)
}

/// An open container: its name, argument and the line it opened on.
struct Open<'a> {
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

fn parse_flow(
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
            if !super::is_language_tag(&open.arg) {
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

/// Removes CommonMark backslash escapes (`\*` → `*`).
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&n) = chars.peek() {
                if n.is_ascii_punctuation() {
                    out.push(n);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Links are only ever web, mail or phone addresses.
pub fn safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Parses one run of plain CommonMark.
fn markdown(text: &str, first_line: usize) -> Result<Vec<Block>, MarkupError> {
    let mut b = Builder::default();
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        b.event(event);
    }
    b.finish().map_err(|message| MarkupError {
        line: first_line,
        message,
    })
}

/// What is being built at one level of nesting.
enum Frame {
    /// A flow of blocks (the root, a list item, a block quote).
    Flow(Vec<Block>),
    Paragraph(Vec<Inline>),
    Heading(u8, Vec<Inline>),
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Table {
        header: bool,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Row(Vec<Vec<Inline>>),
    Cell(Vec<Inline>),
    Span(SpanKind, Vec<Inline>),
}

enum SpanKind {
    Strong,
    Emphasis,
    Link(String),
    /// `<span lang="…">`: a passage in another language.
    Lang(String),
    /// Formatting careerpress does not draw (strike-through, an image's alt
    /// text): its text is kept as plain text.
    Plain,
}

/// The language of an opening `<span lang="TAG">` tag, when `html` is one.
fn lang_span_open(html: &str) -> Option<&str> {
    let tag = html
        .trim()
        .strip_prefix("<span lang=\"")?
        .strip_suffix("\">")?;
    super::is_language_tag(tag).then_some(tag)
}

/// Deepest nesting of Markdown structure (lists in quotes in lists…) kept:
/// far beyond any leaflet, and every writer walks the tree recursively.
const MAX_MARKDOWN_DEPTH: usize = 48;

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    root: Vec<Block>,
    /// Elements opened beyond [`MAX_MARKDOWN_DEPTH`], not built.
    too_deep: usize,
    refused: bool,
}

impl Builder {
    fn event(&mut self, event: Event) {
        // Structure nested too deep is refused (see `finish`), not built.
        match &event {
            Event::Start(_) if self.too_deep > 0 || self.stack.len() >= MAX_MARKDOWN_DEPTH => {
                self.too_deep += 1;
                self.refused = true;
                return;
            }
            Event::End(_) if self.too_deep > 0 => {
                self.too_deep -= 1;
                return;
            }
            _ if self.too_deep > 0 => return,
            _ => {}
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::InlineHtml(t) => {
                if let Some(lang) = lang_span_open(&t) {
                    self.stack
                        .push(Frame::Span(SpanKind::Lang(lang.to_string()), Vec::new()));
                } else if t.trim() == "</span>" && self.in_lang_span() {
                    self.close_lang_span();
                } else {
                    self.text(&t)
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) => self.text(&t),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.inline(Inline::LineBreak),
            Event::Rule => self.block(Block::Rule),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        let frame = match tag {
            Tag::Paragraph | Tag::CodeBlock(_) | Tag::HtmlBlock => Frame::Paragraph(Vec::new()),
            Tag::Heading { level, .. } => Frame::Heading(heading_level(level), Vec::new()),
            Tag::List(start) => Frame::List {
                ordered: start.is_some(),
                start: start.unwrap_or(1),
                items: Vec::new(),
            },
            Tag::Item | Tag::BlockQuote(_) => Frame::Flow(Vec::new()),
            Tag::Table(_) => Frame::Table {
                header: false,
                rows: Vec::new(),
            },
            Tag::TableHead | Tag::TableRow => Frame::Row(Vec::new()),
            Tag::TableCell => Frame::Cell(Vec::new()),
            Tag::Strong => Frame::Span(SpanKind::Strong, Vec::new()),
            Tag::Emphasis => Frame::Span(SpanKind::Emphasis, Vec::new()),
            Tag::Link { dest_url, .. } => {
                Frame::Span(SpanKind::Link(unescape(&dest_url)), Vec::new())
            }
            _ => Frame::Span(SpanKind::Plain, Vec::new()),
        };
        self.stack.push(frame);
    }

    fn in_lang_span(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Span(SpanKind::Lang(_), _)))
    }

    fn close_lang_span(&mut self) {
        if let Some(Frame::Span(SpanKind::Lang(lang), content)) = self.stack.pop() {
            self.inline(Inline::Lang { lang, content });
        }
    }

    fn end(&mut self, tag: TagEnd) {
        // A language span left open closes with the element around it.
        while self.in_lang_span() {
            self.close_lang_span();
        }
        // The end of a tight list item also ends its implicit paragraph.
        let closes_paragraph = matches!(
            tag,
            TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::HtmlBlock
        );
        if !closes_paragraph && matches!(self.stack.last(), Some(Frame::Paragraph(_))) {
            if let Some(Frame::Paragraph(inlines)) = self.stack.pop() {
                self.block(Block::Paragraph(trim(inlines)));
            }
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Flow(blocks) => match tag {
                TagEnd::BlockQuote(_) => self.block(Block::Callout {
                    title: None,
                    blocks,
                }),
                _ => {
                    if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                        items.push(blocks);
                    }
                }
            },
            Frame::Paragraph(inlines) => {
                if !inlines.is_empty() {
                    self.block(Block::Paragraph(trim(inlines)))
                }
            }
            Frame::Heading(level, inlines) => self.block(Block::Heading {
                level,
                content: trim(inlines),
            }),
            Frame::List {
                ordered,
                start,
                items,
            } => self.block(Block::List {
                ordered,
                start,
                items,
            }),
            Frame::Table { header, rows } => self.block(Block::Table { header, rows }),
            Frame::Row(cells) => {
                if let Some(Frame::Table { header, rows }) = self.stack.last_mut() {
                    if matches!(tag, TagEnd::TableHead) {
                        *header = true;
                    }
                    rows.push(cells);
                }
            }
            Frame::Cell(inlines) => {
                if let Some(Frame::Row(cells)) = self.stack.last_mut() {
                    cells.push(trim(inlines));
                }
            }
            Frame::Span(kind, content) => match kind {
                SpanKind::Strong => self.inline(Inline::Strong(content)),
                SpanKind::Emphasis => self.inline(Inline::Emphasis(content)),
                SpanKind::Link(url) if safe_url(&url) => self.inline(Inline::Link { url, content }),
                SpanKind::Lang(lang) => self.inline(Inline::Lang { lang, content }),
                SpanKind::Link(_) | SpanKind::Plain => {
                    for i in content {
                        self.inline(i)
                    }
                }
            },
        }
    }

    fn text(&mut self, t: &str) {
        if let Some(Inline::Text(prev)) = self.inlines().and_then(|v| v.last_mut()) {
            prev.push_str(t);
            return;
        }
        self.inline(Inline::Text(t.to_string()));
    }

    /// The inline list being filled, opening an implicit paragraph inside a
    /// tight list item.
    fn inlines(&mut self) -> Option<&mut Vec<Inline>> {
        if matches!(self.stack.last(), Some(Frame::Flow(_))) {
            self.stack.push(Frame::Paragraph(Vec::new()));
        }
        match self.stack.last_mut()? {
            Frame::Paragraph(v) | Frame::Heading(_, v) | Frame::Cell(v) | Frame::Span(_, v) => {
                Some(v)
            }
            _ => None,
        }
    }

    fn inline(&mut self, i: Inline) {
        if let Some(v) = self.inlines() {
            v.push(i);
        }
    }

    fn block(&mut self, b: Block) {
        // A block ends any implicit paragraph of a tight list item.
        if let Some(Frame::Paragraph(_)) = self.stack.last() {
            if let Some(Frame::Paragraph(inlines)) = self.stack.pop() {
                self.block(Block::Paragraph(trim(inlines)));
            }
        }
        match self.stack.last_mut() {
            Some(Frame::Flow(v)) => v.push(b),
            None => self.root.push(b),
            _ => {}
        }
    }

    fn finish(mut self) -> Result<Vec<Block>, String> {
        if self.refused {
            return Err(format!(
                "the markup nests lists, quotes or emphasis more than {MAX_MARKDOWN_DEPTH} deep"
            ));
        }
        // Close an implicit paragraph left open at the end of a tight item.
        while let Some(frame) = self.stack.pop() {
            match frame {
                Frame::Paragraph(inlines) => self.block(Block::Paragraph(trim(inlines))),
                Frame::Span(SpanKind::Lang(lang), content) => {
                    self.inline(Inline::Lang { lang, content })
                }
                _ => return Err("unbalanced markup".into()),
            }
        }
        Ok(self.root)
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        _ => 3,
    }
}

/// Trims leading and trailing white space of an inline run.
fn trim(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = inlines.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Inline::Text(t)) = inlines.last_mut() {
        *t = t.trim_end().to_string();
    }
    inlines.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    inlines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn commonmark_blocks_and_inlines() {
        let b = parse("# Title\n\nSome **bold** and *it* [link](https://x.org).\n\n- one\n- two\n\n1. a\n2. b\n").unwrap();
        assert_eq!(
            b[0],
            Block::Heading {
                level: 1,
                content: vec![text("Title")]
            }
        );
        assert_eq!(
            b[1],
            Block::Paragraph(vec![
                text("Some "),
                Inline::Strong(vec![text("bold")]),
                text(" and "),
                Inline::Emphasis(vec![text("it")]),
                text(" "),
                Inline::Link {
                    url: "https://x.org".into(),
                    content: vec![text("link")]
                },
                text("."),
            ])
        );
        let Block::List { ordered, items, .. } = &b[2] else {
            panic!("{:?}", b[2])
        };
        assert!(!ordered);
        assert_eq!(items[1], vec![Block::Paragraph(vec![text("two")])]);
        assert!(matches!(&b[3], Block::List { ordered: true, items, .. } if items.len() == 2));
    }

    #[test]
    fn directives_nest_and_close() {
        let src = "::: banner\n# Job\n:::\n::: facts Key facts\n- **Salary** £1 to £2\n- **Hours:** 37\n:::\n::: columns\n::: column\nleft\n:::\n::: column\nright\n:::\n:::\n::: qr https://x.org/a\\_b Scan me\n::: pagebreak\n::: box Find out more\nCall us.\n:::\n";
        let b = parse(src).unwrap();
        assert!(matches!(&b[0], Block::Banner { blocks } if blocks.len() == 1));
        let Block::Facts { title, rows } = &b[1] else {
            panic!()
        };
        assert_eq!(title.as_deref(), Some(&[text("Key facts")][..]));
        assert_eq!(rows[0].label, vec![text("Salary")]);
        assert_eq!(rows[0].value, vec![text("£1 to £2")]);
        assert_eq!(rows[1].label, vec![text("Hours:")]);
        assert_eq!(rows[1].value, vec![text("37")]);
        let Block::Columns(cols) = &b[2] else {
            panic!()
        };
        assert_eq!(cols.len(), 2);
        assert_eq!(cols[1], vec![Block::Paragraph(vec![text("right")])]);
        assert_eq!(
            b[3],
            Block::Qr {
                url: "https://x.org/a_b".into(),
                caption: Some("Scan me".into())
            }
        );
        assert_eq!(b[4], Block::PageBreak);
        assert!(matches!(&b[5], Block::Callout { title: Some(_), blocks } if blocks.len() == 1));
    }

    #[test]
    fn escaped_markdown_stays_literal() {
        let b = parse("\\*not bold\\* \\# \\_x\\_ \\[a\\]\\(b\\)").unwrap();
        assert_eq!(
            b,
            vec![Block::Paragraph(vec![text("*not bold* # _x_ [a](b)")])]
        );
    }

    #[test]
    fn language_blocks_and_spans() {
        let b = parse("::: lang cy\n## Beth fyddwch chi'n ei wneud\n\nTestun.\n:::\nIn <span lang=\"cy\">Ysbyty **Glan-y-Môr**</span> today.\n").unwrap();
        assert_eq!(
            b[0],
            Block::Lang {
                lang: "cy".into(),
                blocks: vec![
                    Block::Heading {
                        level: 2,
                        content: vec![text("Beth fyddwch chi'n ei wneud")]
                    },
                    Block::Paragraph(vec![text("Testun.")]),
                ]
            }
        );
        assert_eq!(
            b[1],
            Block::Paragraph(vec![
                text("In "),
                Inline::Lang {
                    lang: "cy".into(),
                    content: vec![text("Ysbyty "), Inline::Strong(vec![text("Glan-y-Môr")])]
                },
                text(" today."),
            ])
        );
        // An unclosed span ends with its paragraph; other HTML stays text.
        let b = parse("<span lang=\"cy\">Croeso\n\n<b>x</b>").unwrap();
        assert_eq!(
            b[0],
            Block::Paragraph(vec![Inline::Lang {
                lang: "cy".into(),
                content: vec![text("Croeso")]
            }])
        );
        assert_eq!(b[1], Block::Paragraph(vec![text("<b>x</b>")]));
        // An escaped value can never open a span.
        let escaped = crate::template::escape_markup("<span lang=\"cy\">x</span>");
        assert_eq!(
            parse(&escaped).unwrap(),
            vec![Block::Paragraph(vec![text("<span lang=\"cy\">x</span>")])]
        );
        let e = parse("::: lang not a tag\nx\n:::\n").unwrap_err();
        assert!(e.message.contains("language tag"), "{e}");
    }

    #[test]
    fn structure_nested_too_deep_is_an_error_not_a_crash() {
        let deep = format!("{}x", "> ".repeat(5000));
        let e = parse(&deep).unwrap_err();
        assert!(e.message.contains("more than 48 deep"), "{e}");
        let lists: String = (0..200)
            .map(|i| format!("{}- a\n", "  ".repeat(i)))
            .collect();
        assert!(parse(&lists).is_err());
        assert!(parse("> > > quoted\n").is_ok());
    }

    #[test]
    fn unsafe_links_become_text() {
        let b = parse("[click](javascript:alert(1))").unwrap();
        assert_eq!(b, vec![Block::Paragraph(vec![text("click")])]);
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("text\n\n::: facts\n- **a** b\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("never closed"), "{e}");
        let e = parse("ok\n::: wibble\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("unknown directive"), "{e}");
        let e = parse(":::\n").unwrap_err();
        assert!(e.message.contains("no open directive"), "{e}");
        let e = parse("::: facts\nnot a list\n:::\n").unwrap_err();
        assert!(e.message.contains("bullet list"), "{e}");
    }

    #[test]
    fn loose_list_items_and_tables() {
        let b = parse("- a\n\n  more\n\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n").unwrap();
        let Block::List { items, .. } = &b[0] else {
            panic!()
        };
        assert_eq!(items[0].len(), 2);
        let Block::Table { header, rows } = &b[1] else {
            panic!()
        };
        assert!(header);
        assert_eq!(rows[1][1], vec![text("2")]);
    }
}
