//! One run of plain CommonMark (pulldown-cmark, tables on) into blocks and
//! inlines, `<span lang="TAG">` its only HTML.

use super::escapes::{safe_url, unescape};
use super::MarkupError;
use crate::document::{Block, Inline};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Parses one run of plain CommonMark.
pub(super) fn markdown(text: &str, first_line: usize) -> Result<Vec<Block>, MarkupError> {
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
    crate::document::is_language_tag(tag).then_some(tag)
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
                    self.stack.push(Frame::Span(
                        SpanKind::Lang(crate::document::regional(lang)),
                        Vec::new(),
                    ));
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
