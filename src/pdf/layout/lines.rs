//! Paragraph text, step three: shaped glyphs → lines → items to draw.
//!
//! Lines are cut at UAX #14 break opportunities by summing glyph advances
//! (greedy first fit, or balanced for headings). A segment wider than the
//! column (a long web address) is cut between clusters, so no line ever
//! overflows. A line then becomes text runs, underlines and link areas,
//! each tagged with its structure node.

use super::breaks::{addresses, opportunities};
use super::hyphen::{points, HyphenLang};
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
    /// The line ends in a word broken by hyphenation: the hyphen to draw
    /// after its glyphs (drawn as an artifact, so that the word reads whole
    /// in the structure), its advance included in `width`.
    hyphen: Option<Hyphen>,
}

#[derive(Clone, Copy, Debug)]
struct Hyphen {
    gid: u16,
    span: usize,
}

/// How a paragraph may hyphenate (`None` in `Lines::layout`: never).
#[derive(Clone, Debug)]
pub(crate) struct Hyphenate {
    pub(crate) lang: HyphenLang,
    pub(crate) min_word: usize,
    pub(crate) min_before: usize,
    pub(crate) min_after: usize,
    pub(crate) max_in_a_row: usize,
    /// Per span: whether its words may break (not in links, bold names,
    /// or a passage in another language).
    pub(crate) spans: Vec<bool>,
}

/// A shaped, broken paragraph.
pub(crate) struct Lines {
    text: StyledText,
    pub(crate) size: f32,
    /// Each face's space glyph (see [`Line::broke_at_space`]).
    spaces: [u16; 4],
    pub(crate) lines: Vec<Line>,
    /// Words and addresses wider than the column, cut at its edge.
    pub(crate) cut: Vec<String>,
}

impl Lines {
    fn new(shaper: &Shaper, text: StyledText, size: f32, broken: Broken) -> Lines {
        Lines {
            text,
            size,
            spaces: space_glyphs(shaper),
            lines: broken.lines,
            cut: broken.cut,
        }
    }

    /// Shape `text` at `size` pt and break it into lines at most `width` wide.
    pub(crate) fn layout(
        shaper: &Shaper,
        text: StyledText,
        size: f32,
        width: f32,
        missing: &mut Missing,
    ) -> Lines {
        Lines::hyphenated(shaper, text, size, width, missing, None)
    }

    /// Like [`Lines::layout`], hyphenating where `hyphenate` allows.
    pub(crate) fn hyphenated(
        shaper: &Shaper,
        mut text: StyledText,
        size: f32,
        width: f32,
        missing: &mut Missing,
        hyphenate: Option<&Hyphenate>,
    ) -> Lines {
        let glyphs = shaped(shaper, &mut text, size, missing);
        let b = Breaker::new(shaper, &text, size, hyphenate);
        let lines = b.run(glyphs, width.max(size));
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
        let b = Breaker::new(shaper, &text, size, None);
        let lines = b.run(glyphs.clone(), width);
        let n = lines.lines.len();
        if n < 2 || !lines.cut.is_empty() {
            return Lines::new(shaper, text, size, lines);
        }
        // Binary search for the narrowest width still giving n lines.
        let (mut lo, mut hi) = (width / n as f32 * 0.9, width);
        let mut best = lines;
        for _ in 0..12 {
            let mid = (lo + hi) / 2.0;
            let tried = b.run(glyphs.clone(), mid);
            if tried.lines.len() <= n && tried.cut.is_empty() {
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
        let hyphen_at = pen;
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
        if let Some(h) = line.hyphen {
            let style = &self.text.spans[h.span].1;
            items.push(Item::deco(Shape::Text(TextRun {
                face: style.face,
                size: self.size,
                colour: style.colour,
                baseline: y,
                glyphs: vec![TextGlyph {
                    gid: h.gid,
                    x: hyphen_at,
                    text: GlyphText::Char('-'),
                }],
            })));
        }
        items
    }
}

/// Lines and the words cut to make them.
struct Broken {
    lines: Vec<Line>,
    cut: Vec<String>,
}

/// Greedy first-fit line breaking at the paragraph's break opportunities,
/// hyphenating a word that does not fit where that is allowed.
struct Breaker<'a> {
    text: &'a StyledText,
    opportunities: Vec<(usize, bool)>,
    addresses: Vec<(usize, usize)>,
    hyphenate: Option<&'a Hyphenate>,
    /// Each face's hyphen glyph and its advance at this size.
    hyphens: [(u16, f32); 4],
}

impl<'a> Breaker<'a> {
    fn new(
        shaper: &Shaper,
        text: &'a StyledText,
        size: f32,
        hyphenate: Option<&'a Hyphenate>,
    ) -> Breaker<'a> {
        let links: Vec<(usize, usize)> = (0..text.spans.len())
            .filter(|&i| text.spans[i].1.link.is_some())
            .map(|i| (text.spans[i].0, text.span_end(i)))
            .collect();
        let addresses = addresses(&text.text, &links);
        let hyphens = crate::pdf::fonts::FaceId::ALL.map(|f| {
            let gid = shaper.glyph(f, '-');
            (gid, shaper.pdf_width(f, gid) * size / 1000.0)
        });
        Breaker {
            text,
            opportunities: opportunities(&text.text, &addresses),
            addresses,
            hyphenate,
            hyphens,
        }
    }

    /// Byte offsets inside `glyphs[g0..g1]`'s word where it may be
    /// hyphenated, as glyph indices, widest last.
    fn hyphen_points(&self, glyphs: &[Glyph], g0: usize, g1: usize) -> Vec<usize> {
        let Some(h) = self.hyphenate else {
            return Vec::new();
        };
        if g0 >= g1 || !h.spans.get(glyphs[g0].span).copied().unwrap_or(false) {
            return Vec::new();
        }
        let from = glyphs[g0].cluster;
        let to = glyphs[g1 - 1].cluster_end.max(glyphs[g1 - 1].cluster);
        if self.addresses.iter().any(|&(s, e)| s < to && from < e) {
            return Vec::new();
        }
        let seg = &self.text.text[from..to];
        // The word: the segment without its trailing spaces and punctuation.
        let word = seg.trim_end_matches(|c: char| !c.is_alphanumeric());
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        // A capitalised word is a name (a person, a place, a trust).
        if letters < h.min_word || word.chars().next().is_some_and(char::is_uppercase) {
            return Vec::new();
        }
        let span_of = |g: &Glyph| g.span;
        points(word, h.lang, h.min_before, h.min_after)
            .into_iter()
            .filter_map(|p| {
                let at = from + p;
                (g0..g1).find(|&k| glyphs[k].cluster >= at && glyphs[k].cluster == at)
            })
            // One face and span across the break, so the hyphen matches.
            .filter(|&k| span_of(&glyphs[k - 1]) == span_of(&glyphs[k]))
            .collect()
    }

    fn run(&self, glyphs: Vec<Glyph>, width: f32) -> Broken {
        // Segments between break opportunities, as glyph index ranges.
        let mut segments: Vec<(usize, usize, bool)> = Vec::new(); // (g0, g1, mandatory after)
        let mut g = 0;
        for &(pos, mandatory) in &self.opportunities {
            let g0 = g;
            while g < glyphs.len() && glyphs[g].cluster < pos {
                g += 1;
            }
            segments.push((g0, g, mandatory));
        }
        if g < glyphs.len() {
            segments.push((g, glyphs.len(), true));
        }
        let adv = |gs: &[Glyph]| -> f32 { gs.iter().map(|g| g.adv).sum() };
        let visible = |gs: &[Glyph]| -> f32 {
            let trailing: f32 = gs
                .iter()
                .rev()
                .take_while(|g| g.space || g.newline)
                .map(|g| g.adv)
                .sum();
            adv(gs) - trailing
        };
        let mut out = Broken {
            lines: Vec::new(),
            cut: Vec::new(),
        };
        let mut cur: Vec<Glyph> = Vec::new();
        let mut cur_w = 0.0f32; // width including trailing spaces
        let mut in_a_row = 0usize;
        let finish = |cur: &mut Vec<Glyph>, lines: &mut Vec<Line>, hyphen: Option<Hyphen>| {
            let mut broke_at_space = false;
            while cur.last().is_some_and(|g| g.space || g.newline) {
                cur.pop();
                broke_at_space = true;
            }
            let mut width: f32 = cur.iter().map(|g| g.adv).sum();
            if let Some(h) = hyphen {
                width += self.hyphens[self.text.spans[h.span].1.face.index()].1;
            }
            lines.push(Line {
                glyphs: std::mem::take(cur),
                width,
                broke_at_space,
                hyphen,
            });
        };
        for (g0, g1, mandatory) in segments {
            let mut g0 = g0;
            loop {
                let seg = &glyphs[g0..g1];
                let seg_vis = visible(seg);
                if cur_w + seg_vis <= width + 0.01 {
                    cur.extend_from_slice(seg);
                    cur_w += adv(seg);
                    break;
                }
                // It does not fit: hyphenate it where the rest of the line allows.
                let fit = (in_a_row < self.hyphenate.map_or(0, |h| h.max_in_a_row))
                    .then(|| {
                        self.hyphen_points(&glyphs, g0, g1)
                            .into_iter()
                            .rev()
                            .find(|&k| {
                                let face = self.text.spans[glyphs[k - 1].span].1.face.index();
                                cur_w + adv(&glyphs[g0..k]) + self.hyphens[face].1 <= width + 0.01
                            })
                    })
                    .flatten();
                if let Some(k) = fit {
                    cur.extend_from_slice(&glyphs[g0..k]);
                    let span = glyphs[k - 1].span;
                    let gid = self.hyphens[self.text.spans[span].1.face.index()].0;
                    finish(&mut cur, &mut out.lines, Some(Hyphen { gid, span }));
                    in_a_row += 1;
                    cur_w = 0.0;
                    g0 = k;
                    continue;
                }
                if !cur.is_empty() {
                    finish(&mut cur, &mut out.lines, None);
                    in_a_row = 0;
                    cur_w = 0.0;
                    continue;
                }
                // Too wide for any line: cut between clusters, and say so.
                let text = &self.text.text[seg[0].cluster..seg[seg.len() - 1].cluster_end];
                out.cut.push(text.trim().to_string());
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
                        let cw = adv(&seg[i..j]);
                        if w + cw > width + 0.01 && i > start && !seg[i].space {
                            break;
                        }
                        w += cw;
                        i = j;
                    }
                    cur.extend_from_slice(&seg[start..i]);
                    cur_w = w;
                    if i < seg.len() {
                        finish(&mut cur, &mut out.lines, None);
                        cur_w = 0.0;
                    }
                }
                in_a_row = 0;
                break;
            }
            if mandatory {
                finish(&mut cur, &mut out.lines, None);
                in_a_row = 0;
                cur_w = 0.0;
            }
        }
        if !cur.is_empty() {
            finish(&mut cur, &mut out.lines, None);
        }
        // A trailing mandatory break leaves an empty last line; drop it unless
        // it is the only one.
        while out.lines.len() > 1 && out.lines.last().is_some_and(|l| l.glyphs.is_empty()) {
            out.lines.pop();
        }
        out
    }
}
