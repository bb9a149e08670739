//! What layout produces: items to draw, chunks of the flow, box
//! backgrounds, and the two ways of combining chunks (stacked, side by side).

use super::super::fonts::FaceId;
use super::super::tags::Tag;
use crate::document::qr::QrMatrix;
use crate::pdf::colour::Paint;
use std::sync::Arc;

/// One glyph to draw: `x` is where its origin goes on the page.
#[derive(Clone, Debug)]
pub(crate) struct TextGlyph {
    pub(crate) gid: u16,
    pub(crate) x: f32,
    /// The source text this glyph stands for (for copy and search).
    pub(crate) text: GlyphText,
}

/// The text a glyph stands for: nearly always one character, kept without
/// an allocation; a ligature's several; nothing for the second glyph of a
/// character drawn with two.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum GlyphText {
    Empty,
    Char(char),
    Str(Box<str>),
}

impl GlyphText {
    pub(crate) fn new(s: &str) -> GlyphText {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (None, _) => GlyphText::Empty,
            (Some(c), None) => GlyphText::Char(c),
            _ => GlyphText::Str(s.into()),
        }
    }

    pub(crate) fn to_text(&self) -> String {
        match self {
            GlyphText::Empty => String::new(),
            GlyphText::Char(c) => c.to_string(),
            GlyphText::Str(s) => s.to_string(),
        }
    }
}

/// A run of glyphs in one face, size and colour on one baseline.
#[derive(Clone, Debug)]
pub(crate) struct TextRun {
    pub(crate) face: FaceId,
    pub(crate) size: f32,
    pub(crate) colour: Paint,
    pub(crate) baseline: f32,
    pub(crate) glyphs: Vec<TextGlyph>,
}

/// Something to draw.
#[derive(Clone, Debug)]
pub(crate) enum Shape {
    Text(TextRun),
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Paint,
    },
    RoundRect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        r: f32,
        fill: Paint,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        colour: Paint,
    },
    Image {
        name: String,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
    Qr {
        x: f32,
        y: f32,
        module: f32,
        qr: Arc<QrMatrix>,
        colour: Paint,
    },
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        url: String,
    },
    /// Text turned by `angle` degrees (anticlockwise) about its centre
    /// `(x, y)` and drawn at `opacity`: the glyphs' x and baselines are
    /// relative to that centre, unturned.
    Stamp {
        runs: Vec<TextRun>,
        x: f32,
        y: f32,
        angle: f32,
        opacity: f32,
    },
    /// A bookmark target (a heading).
    Anchor {
        level: u8,
        title: String,
        y: f32,
    },
}

/// A shape and what it is in the document's structure.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub(crate) shape: Shape,
    pub(crate) tag: Tag,
    /// Orders it among the content of its structure node (see [`Tree::tick`]).
    ///
    /// [`Tree::tick`]: crate::pdf::tags::Tree::tick
    pub(crate) seq: u32,
}

impl Item {
    pub(crate) fn new(shape: Shape, tag: Tag, seq: u32) -> Item {
        Item { shape, tag, seq }
    }

    /// Decoration: drawn, but no part of the document's content.
    pub(crate) fn deco(shape: Shape) -> Item {
        Item::new(shape, Tag::DECO, 0)
    }

    pub(crate) fn shift(&mut self, dx: f32, dy: f32) {
        self.shape.shift(dx, dy);
    }
}

impl Shape {
    pub(crate) fn shift(&mut self, dx: f32, dy: f32) {
        match self {
            Shape::Text(r) => {
                r.baseline += dy;
                for g in &mut r.glyphs {
                    g.x += dx;
                }
            }
            Shape::Rect { x, y, .. }
            | Shape::RoundRect { x, y, .. }
            | Shape::Image { x, y, .. }
            | Shape::Qr { x, y, .. }
            | Shape::Link { x, y, .. }
            | Shape::Stamp { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Shape::Line { x1, y1, x2, y2, .. } => {
                *x1 += dx;
                *x2 += dx;
                *y1 += dy;
                *y2 += dy;
            }
            Shape::Anchor { y, .. } => *y += dy,
        }
    }
}

/// A vertical piece of the flow that is never split across pages.
#[derive(Clone, Debug, Default)]
pub(crate) struct Chunk {
    /// Space wanted above; dropped at the top of a page.
    pub(crate) space_before: f32,
    pub(crate) height: f32,
    /// Items with y relative to the chunk's top.
    pub(crate) items: Vec<Item>,
    pub(crate) keep_with_next: bool,
    /// Shaded boxes this chunk is inside (outermost first).
    pub(crate) groups: Vec<usize>,
    pub(crate) break_before: bool,
    /// At the top of a page, start at the trim edge instead of the margin
    /// (the brand band).
    pub(crate) bleed_top: bool,
    /// Takes the page's full width, across its columns (the brand band).
    pub(crate) span: bool,
    pub(crate) first_baseline: Option<f32>,
}

/// The background of a shaded box.
#[derive(Clone, Debug)]
pub(crate) struct Deco {
    pub(super) x: f32,
    pub(super) w: f32,
    pub(super) fill: Paint,
    pub(super) accent: Option<(Paint, f32)>,
}

impl Deco {
    pub(super) fn items(&self, top: f32, bottom: f32) -> Vec<Item> {
        let mut v = vec![Item::deco(Shape::Rect {
            x: self.x,
            y: top,
            w: self.w,
            h: bottom - top,
            fill: self.fill,
        })];
        if let Some((paint, w)) = self.accent {
            v.push(Item::deco(Shape::Rect {
                x: self.x,
                y: top,
                w,
                h: bottom - top,
                fill: paint,
            }));
        }
        v
    }
}

/// Stack `chunks` into one (space between them kept, page breaks ignored),
/// turning the backgrounds of boxes that start and end inside it into
/// plain rectangles.
pub(super) fn stack(chunks: Vec<Chunk>, decos: &[Deco], first_inner_group: usize) -> Chunk {
    let mut out = Chunk {
        groups: chunks
            .first()
            .map(|c| {
                c.groups
                    .iter()
                    .copied()
                    .filter(|g| *g < first_inner_group)
                    .collect()
            })
            .unwrap_or_default(),
        ..Chunk::default()
    };
    let mut y = 0.0;
    let mut extents: Vec<(usize, f32, f32)> = Vec::new();
    let mut items = Vec::new();
    for (i, mut c) in chunks.into_iter().enumerate() {
        if i > 0 {
            y += c.space_before;
        }
        if out.first_baseline.is_none() {
            out.first_baseline = c.first_baseline.map(|b| b + y);
        }
        for g in c.groups.iter().filter(|g| **g >= first_inner_group) {
            match extents.iter_mut().find(|e| e.0 == *g) {
                Some(e) => e.2 = y + c.height,
                None => extents.push((*g, y, y + c.height)),
            }
        }
        for it in &mut c.items {
            it.shift(0.0, y);
        }
        items.append(&mut c.items);
        y += c.height;
    }
    extents.sort_by_key(|e| e.0);
    for (g, top, bottom) in extents {
        if let Some(d) = decos.get(g) {
            out.items.extend(d.items(top, bottom));
        }
    }
    out.items.append(&mut items);
    out.height = y;
    out
}

/// Put chunks side by side (their items already carry their x).
pub(super) fn side_by_side(parts: Vec<Chunk>) -> Chunk {
    let mut out = Chunk::default();
    for (i, mut p) in parts.into_iter().enumerate() {
        if i == 0 {
            out.groups = std::mem::take(&mut p.groups);
            out.first_baseline = p.first_baseline;
        }
        out.height = out.height.max(p.height);
        out.items.append(&mut p.items);
    }
    out
}
