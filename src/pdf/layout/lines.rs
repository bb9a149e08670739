//! Paragraph text, step three: shaped glyphs → lines → items to draw.
//!
//! Lines are cut at UAX #14 break opportunities by summing glyph advances
//! (greedy first fit, or balanced for headings). A segment wider than the
//! column (a long web address) is cut between clusters, so no line ever
//! overflows. A line then becomes text runs, underlines and link areas,
//! each tagged with its structure node.

use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::shape::{shaped, space_glyphs, Glyph, Missing};
use super::spans::StyledText;
use super::{GlyphText, Item, Shape, TextGlyph, TextRun};
use crate::pdf::fonts::Shaper;
use crate::pdf::tags::{Tag, Tree};

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

impl Lines {
    fn new(shaper: &Shaper, text: StyledText, size: f32, lines: Vec<Line>) -> Lines {
        Lines {
            text,
            size,
            spaces: space_glyphs(shaper),
            lines,
        }
    }

    /// Shape `text` at `size` pt and break it into lines at most `width` wide.
    pub(crate) fn layout(
        shaper: &Shaper,
        mut text: StyledText,
        size: f32,
        width: f32,
        missing: &mut Missing,
    ) -> Lines {
        let glyphs = shaped(shaper, &mut text, size, missing);
        let lines = break_lines(&text.text, glyphs, width.max(size));
        Lines::new(shaper, text, size, lines)
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
        let glyphs = shaped(shaper, &mut text, size, missing);
        let width = width.max(size);
        let lines = break_lines(&text.text, glyphs.clone(), width);
        let n = lines.len();
        if n < 2 || lines.iter().any(|l| l.width > width + 0.01) {
            return Lines::new(shaper, text, size, lines);
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
        Lines::new(shaper, text, size, best)
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
