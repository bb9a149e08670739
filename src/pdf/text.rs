//! Paragraph text: inlines → styled spans → shaped glyphs → lines.
//!
//! Each span (a run of one face) is shaped once with rustybuzz, so kerning
//! and ligatures are the font's own; lines are then cut at UAX #14 break
//! opportunities by summing glyph advances. A segment wider than the column
//! (a long web address) is cut between clusters, so no line ever overflows.

use std::collections::BTreeSet;

use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::colour::Paint;
use super::fonts::{FaceId, Shaped, Shaper};
use super::layout::{GlyphText, Item, Shape, TextGlyph, TextRun};
use super::tags::{Role, Tag, Tree};
use crate::document::Inline;

/// How one span looks.
#[derive(Clone, Debug)]
pub(crate) struct SpanStyle {
    pub(crate) face: FaceId,
    pub(crate) colour: Paint,
    pub(crate) link: Option<String>,
    /// The structure node the text belongs to (its paragraph, link or
    /// language span), or the artifact it is.
    pub(crate) tag: Tag,
}

/// Styled text ready for shaping.
#[derive(Clone, Debug, Default)]
pub(crate) struct StyledText {
    pub(crate) text: String,
    /// (start byte, style), in order; a span runs to the next start.
    pub(crate) spans: Vec<(usize, SpanStyle)>,
}

/// Base style for a paragraph.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextStyle {
    pub(crate) bold: bool,
    pub(crate) italic: bool,
    pub(crate) colour: Paint,
    pub(crate) link_colour: Paint,
}

impl StyledText {
    pub(crate) fn plain(text: &str, face: FaceId, colour: Paint, tag: Tag) -> StyledText {
        let mut s = StyledText::default();
        s.push(
            text,
            &SpanStyle {
                face,
                colour,
                link: None,
                tag,
            },
        );
        s
    }

    /// Styled text for `inlines`, tagged as content of node `tag`: a link
    /// becomes a `Link` node under it and text in another language a
    /// `Span` with its own `/Lang`.
    pub(crate) fn from_inlines(
        inlines: &[Inline],
        style: TextStyle,
        tag: Tag,
        tree: &mut Tree,
    ) -> StyledText {
        let mut s = StyledText::default();
        s.add_inlines(inlines, style, None, tag, Some(tree));
        s
    }

    /// Styled text for measuring only: nothing of it is drawn, so it makes
    /// no structure nodes.
    pub(crate) fn measure(inlines: &[Inline], style: TextStyle) -> StyledText {
        let mut s = StyledText::default();
        s.add_inlines(inlines, style, None, Tag::DECO, None);
        s
    }

    fn add_inlines(
        &mut self,
        inlines: &[Inline],
        style: TextStyle,
        link: Option<&str>,
        tag: Tag,
        mut tree: Option<&mut Tree>,
    ) {
        for i in inlines {
            match i {
                Inline::Text(t) => {
                    let colour = if link.is_some() {
                        style.link_colour
                    } else {
                        style.colour
                    };
                    let span = SpanStyle {
                        face: FaceId::new(style.bold, style.italic),
                        colour,
                        link: link.map(str::to_string),
                        tag,
                    };
                    let clean: String = t
                        .chars()
                        .map(|c| {
                            if c == '\n' || c == '\t' || c == '\r' {
                                ' '
                            } else {
                                c
                            }
                        })
                        .collect();
                    self.push(&clean, &span);
                }
                Inline::Strong(c) => self.add_inlines(
                    c,
                    TextStyle {
                        bold: true,
                        ..style
                    },
                    link,
                    tag,
                    tree.as_deref_mut(),
                ),
                Inline::Emphasis(c) => self.add_inlines(
                    c,
                    TextStyle {
                        italic: true,
                        ..style
                    },
                    link,
                    tag,
                    tree.as_deref_mut(),
                ),
                Inline::Link { url, content } => {
                    // A link inside a link (not valid markup) stays the outer one.
                    let inner = match (&mut tree, tag) {
                        (Some(t), Tag::Node(parent)) if link.is_none() => {
                            let id = t.add(Role::Link, parent, None);
                            t.set_alt(id, &link_description(content, url));
                            Tag::Node(id)
                        }
                        _ => tag,
                    };
                    self.add_inlines(content, style, Some(url), inner, tree.as_deref_mut())
                }
                Inline::Lang { lang, content } => {
                    let inner = match (&mut tree, tag) {
                        (Some(t), Tag::Node(parent)) => {
                            let l = t.lang(lang);
                            Tag::Node(t.add(Role::Span, parent, Some(l)))
                        }
                        _ => tag,
                    };
                    self.add_inlines(content, style, link, inner, tree.as_deref_mut())
                }
                Inline::LineBreak => {
                    let span = SpanStyle {
                        face: FaceId::new(style.bold, style.italic),
                        colour: style.colour,
                        link: None,
                        tag,
                    };
                    self.push("\n", &span);
                }
            }
        }
    }

    fn push(&mut self, text: &str, style: &SpanStyle) {
        if text.is_empty() {
            return;
        }
        let same = self.spans.last().is_some_and(|(_, s)| {
            s.face == style.face
                && s.colour == style.colour
                && s.link == style.link
                && s.tag == style.tag
        });
        if !same {
            self.spans.push((self.text.len(), style.clone()));
        }
        self.text.push_str(text);
    }

    fn span_end(&self, i: usize) -> usize {
        self.spans.get(i + 1).map_or(self.text.len(), |s| s.0)
    }
}

/// What a link's annotation says (its `/Contents`): the link's text, and
/// where it goes when the text does not say so.
fn link_description(content: &[Inline], url: &str) -> String {
    let text = Inline::plain(content)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let target = url
        .strip_prefix("mailto:")
        .or_else(|| url.strip_prefix("tel:"))
        .unwrap_or(url);
    let plain_target: String = target.chars().filter(|c| !c.is_whitespace()).collect();
    let plain_text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        format!("Link to {url}")
    } else if plain_text == plain_target || plain_text == url {
        text
    } else if url.starts_with("mailto:") {
        format!("{text} (email {target})")
    } else if url.starts_with("tel:") {
        format!("{text} (phone {target})")
    } else {
        format!("{text} ({url})")
    }
}

/// A glyph placed on a line, before the line is positioned on the page.
#[derive(Clone, Debug)]
struct Glyph {
    gid: u16,
    cluster: usize,
    cluster_end: usize,
    /// Advance in points (kerning included).
    adv: f32,
    x_off: f32,
    span: usize,
    space: bool,
    newline: bool,
}

/// One laid-out line: glyph range plus its natural width.
pub(crate) struct Line {
    glyphs: Vec<Glyph>,
    pub(crate) width: f32,
    /// The line was broken at a space (or a hard break), which is not
    /// drawn; an invisible space is put back at its end so that text read
    /// in structure order ("liaison service") keeps its word break.
    broke_at_space: bool,
}

/// A shaped, broken paragraph.
pub(crate) struct Lines {
    text: StyledText,
    pub(crate) size: f32,
    /// Each face's space glyph (see [`Line::broke_at_space`]).
    spaces: [u16; 4],
    pub(crate) lines: Vec<Line>,
}

/// Characters no face could draw, collected across a document.
pub(crate) type Missing = BTreeSet<char>;

/// The character put in place of one the fonts lack: U+FFFD, which a
/// font without it draws as its .notdef glyph (a box) and which copies
/// and searches as the Unicode replacement character.
const FALLBACK: char = '\u{FFFD}';

fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// Replace characters the span's face cannot draw with a visible fallback
/// and remember them for the warning.
fn substitute_missing(shaper: &Shaper, text: &mut StyledText, missing: &mut Missing) {
    let mut out = String::with_capacity(text.text.len());
    let mut spans = Vec::with_capacity(text.spans.len());
    for i in 0..text.spans.len() {
        let (start, style) = &text.spans[i];
        let end = text.span_end(i);
        spans.push((out.len(), style.clone()));
        for c in text.text[*start..end].chars() {
            if c == '\n' || c == ' ' || shaper.covers(style.face, c) {
                out.push(c);
            } else if is_invisible(c) {
                // joiners, variation selectors: nothing to draw
            } else {
                missing.insert(c);
                out.push(FALLBACK);
            }
        }
    }
    text.text = out;
    text.spans = spans;
}

impl Lines {
    /// Shape `text` at `size` pt and break it into lines at most `width` wide.
    pub(crate) fn layout(
        shaper: &Shaper,
        mut text: StyledText,
        size: f32,
        width: f32,
        missing: &mut Missing,
    ) -> Lines {
        substitute_missing(shaper, &mut text, missing);
        let glyphs = shape_all(shaper, &text, size);
        let lines = break_lines(&text.text, glyphs, width.max(size));
        Lines {
            text,
            size,
            spaces: space_glyphs(shaper),
            lines,
        }
    }

    /// Like [`Lines::layout`], but with lines of even length: as many lines
    /// as `width` needs, in the narrowest width that keeps that many, so a
    /// heading never ends on one word alone when it need not.
    pub(crate) fn balanced(
        shaper: &Shaper,
        mut text: StyledText,
        size: f32,
        width: f32,
        missing: &mut Missing,
    ) -> Lines {
        substitute_missing(shaper, &mut text, missing);
        let glyphs = shape_all(shaper, &text, size);
        let width = width.max(size);
        let lines = break_lines(&text.text, glyphs.clone(), width);
        let n = lines.len();
        if n < 2 || lines.iter().any(|l| l.width > width + 0.01) {
            return Lines {
                text,
                size,
                spaces: space_glyphs(shaper),
                lines,
            };
        }
        // Binary search for the narrowest width still giving n lines.
        let (mut lo, mut hi) = (width / n as f32 * 0.9, width);
        let mut best = lines;
        for _ in 0..12 {
            let mid = (lo + hi) / 2.0;
            let tried = break_lines(&text.text, glyphs.clone(), mid);
            if tried.len() <= n && tried.iter().all(|l| l.width <= mid + 0.01) {
                best = tried;
                hi = mid;
            } else {
                lo = mid;
            }
            if hi - lo < 0.5 {
                break;
            }
        }
        Lines {
            text,
            size,
            spaces: space_glyphs(shaper),
            lines: best,
        }
    }

    /// The natural width of the widest line.
    pub(crate) fn max_width(&self) -> f32 {
        self.lines.iter().map(|l| l.width).fold(0.0, f32::max)
    }

    /// Items drawing line `i` with its left edge at `x` and baseline at `y`;
    /// `tree` numbers them in reading order.
    pub(crate) fn line_items(&self, i: usize, x: f32, y: f32, tree: &Tree) -> Vec<Item> {
        let mut items = Vec::new();
        let Some(line) = self.lines.get(i) else {
            return items;
        };
        let mut pen = x;
        let mut run: Option<TextRun> = None;
        let mut run_span = usize::MAX;
        let mut run_tag = Tag::DECO;
        // Underlines and link areas per span on this line.
        let mut link_start: Option<(usize, f32)> = None;
        let flush_link = |items: &mut Vec<Item>, span: usize, from: f32, to: f32| {
            let style = &self.text.spans[span].1;
            if let Some(url) = &style.link {
                let thick = (self.size * 0.06).max(0.5);
                items.push(Item::deco(Shape::Rect {
                    x: from,
                    y: y + self.size * 0.12,
                    w: to - from,
                    h: thick,
                    fill: style.colour,
                }));
                items.push(Item::new(
                    Shape::Link {
                        x: from,
                        y: y - self.size * 0.9,
                        w: to - from,
                        h: self.size * 1.15,
                        url: url.clone(),
                    },
                    style.tag,
                    tree.tick(),
                ));
            }
        };
        for g in &line.glyphs {
            if g.newline {
                continue;
            }
            if g.span != run_span {
                if let Some(r) = run.take() {
                    items.push(Item::new(Shape::Text(r), run_tag, tree.tick()));
                }
                if let Some((s, from)) = link_start.take() {
                    flush_link(&mut items, s, from, pen);
                }
                let style = &self.text.spans[g.span].1;
                run_tag = style.tag;
                run = Some(TextRun {
                    face: style.face,
                    size: self.size,
                    colour: style.colour,
                    baseline: y,
                    glyphs: Vec::new(),
                });
                if style.link.is_some() {
                    link_start = Some((g.span, pen));
                }
                run_span = g.span;
            }
            if let Some(r) = run.as_mut() {
                r.glyphs.push(TextGlyph {
                    gid: g.gid,
                    x: pen + g.x_off,
                    text: GlyphText::new(&self.text.text[g.cluster..g.cluster_end]),
                });
            }
            pen += g.adv;
        }
        if let Some(mut r) = run.take() {
            if line.broke_at_space && i + 1 < self.lines.len() {
                r.glyphs.push(TextGlyph {
                    gid: self.spaces[r.face.index()],
                    x: pen,
                    text: GlyphText::Char(' '),
                });
            }
            items.push(Item::new(Shape::Text(r), run_tag, tree.tick()));
        }
        if let Some((s, from)) = link_start.take() {
            flush_link(&mut items, s, from, x + line.width);
        }
        items
    }
}

/// The space glyph of each face.
fn space_glyphs(shaper: &Shaper) -> [u16; 4] {
    FaceId::ALL.map(|f| shaper.glyph(f, ' '))
}

fn shape_all(shaper: &Shaper, text: &StyledText, size: f32) -> Vec<Glyph> {
    let mut out = Vec::with_capacity(text.text.len());
    let mut shaped: Vec<Shaped> = Vec::new();
    for (i, (start, style)) in text.spans.iter().enumerate() {
        let end = text.span_end(i);
        let slice = &text.text[*start..end];
        shaper.shape(style.face, slice, &mut shaped);
        let upm = shaper.family.face(style.face).units_per_em;
        let scale = size / upm;
        let first = out.len();
        for s in &shaped {
            let cluster = *start + s.cluster as usize;
            let c = text.text[cluster..].chars().next().unwrap_or(' ');
            out.push(Glyph {
                gid: s.gid,
                cluster,
                cluster_end: end,
                adv: advance(shaper, style.face, s, upm) * size / 1000.0,
                x_off: s.x_offset as f32 * scale,
                span: i,
                space: c.is_whitespace(),
                newline: c == '\n',
            });
        }
        // A cluster ends where the next (different) cluster starts; the
        // text of a cluster goes to its first glyph only, so copied text
        // is not doubled when one character becomes two glyphs.
        let mut k = out.len();
        let mut next_start = end;
        while k > first {
            k -= 1;
            let c = out[k].cluster;
            out[k].cluster_end = next_start;
            if k > first && out[k - 1].cluster == c {
                out[k].cluster_end = c;
            } else {
                next_start = c;
            }
        }
    }
    // Newlines draw nothing and take no room.
    for g in &mut out {
        if g.newline {
            g.adv = 0.0;
        }
    }
    out
}

/// A glyph's advance in thousandths of an em: the width the PDF's `/W`
/// array gives it (whole thousandths) plus the shaper's kerning, so that
/// only real kerning needs an adjustment in the content stream.
fn advance(shaper: &Shaper, face: FaceId, s: &Shaped, upm: f32) -> f32 {
    let kern = (s.x_advance - shaper.advance_units(face, s.gid)) as f32;
    shaper.pdf_width(face, s.gid) + kern * 1000.0 / upm
}

/// Greedy first-fit line breaking at UAX #14 opportunities.
fn break_lines(text: &str, glyphs: Vec<Glyph>, width: f32) -> Vec<Line> {
    // Segments between break opportunities, as glyph index ranges.
    let mut segments: Vec<(usize, usize, bool)> = Vec::new(); // (g0, g1, mandatory after)
    let mut g = 0;
    for (pos, kind) in linebreaks(text) {
        let g0 = g;
        while g < glyphs.len() && glyphs[g].cluster < pos {
            g += 1;
        }
        segments.push((g0, g, kind == BreakOpportunity::Mandatory));
    }
    if g < glyphs.len() {
        segments.push((g, glyphs.len(), true));
    }

    let mut lines = Vec::new();
    let mut cur: Vec<Glyph> = Vec::new();
    let mut cur_w = 0.0f32; // width including trailing spaces
    let visible = |gs: &[Glyph]| -> f32 {
        let mut w: f32 = gs.iter().map(|g| g.adv).sum();
        for g in gs.iter().rev() {
            if g.space || g.newline {
                w -= g.adv;
            } else {
                break;
            }
        }
        w
    };
    let finish = |cur: &mut Vec<Glyph>, lines: &mut Vec<Line>| {
        let mut broke_at_space = false;
        while cur.last().is_some_and(|g| g.space || g.newline) {
            cur.pop();
            broke_at_space = true;
        }
        let width = cur.iter().map(|g| g.adv).sum();
        lines.push(Line {
            glyphs: std::mem::take(cur),
            width,
            broke_at_space,
        });
    };
    for (g0, g1, mandatory) in segments {
        let seg = &glyphs[g0..g1];
        let seg_vis = visible(seg);
        let seg_w: f32 = seg.iter().map(|g| g.adv).sum();
        if !cur.is_empty() && cur_w + seg_vis > width + 0.01 {
            finish(&mut cur, &mut lines);
            cur_w = 0.0;
        }
        if cur.is_empty() && seg_vis > width + 0.01 {
            // Too wide for any line: cut between clusters.
            let mut i = 0;
            while i < seg.len() {
                let mut w = 0.0;
                let start = i;
                while i < seg.len() {
                    // keep a cluster's glyphs together
                    let mut j = i + 1;
                    while j < seg.len() && seg[j].cluster == seg[i].cluster {
                        j += 1;
                    }
                    let cw: f32 = seg[i..j].iter().map(|g| g.adv).sum();
                    let is_space = seg[i].space;
                    if w + cw > width + 0.01 && i > start && !is_space {
                        break;
                    }
                    w += cw;
                    i = j;
                }
                cur.extend_from_slice(&seg[start..i]);
                cur_w = w;
                if i < seg.len() {
                    finish(&mut cur, &mut lines);
                    cur_w = 0.0;
                }
            }
        } else {
            cur.extend_from_slice(seg);
            cur_w += seg_w;
        }
        if mandatory {
            finish(&mut cur, &mut lines);
            cur_w = 0.0;
        }
    }
    if !cur.is_empty() {
        finish(&mut cur, &mut lines);
    }
    // A trailing mandatory break leaves an empty last line; drop it unless
    // it is the only one.
    while lines.len() > 1 && lines.last().is_some_and(|l| l.glyphs.is_empty()) {
        lines.pop();
    }
    lines
}
