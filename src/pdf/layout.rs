//! Layout: blocks → chunks → pages.
//!
//! Every block becomes a list of [`Chunk`]s: one per text line, table row,
//! image, QR code and so on, each with the space it wants above it and
//! whether it must stay on the page with the next one (headings keep with
//! what follows; the first and second-last lines of a paragraph keep with
//! their neighbours, so there are no single-line widows or orphans). Shaded
//! boxes are *groups*: their background is drawn per page behind whichever
//! of their chunks landed there, so a long box can still break across pages.
//! Pagination is then a simple first-fit over keep chains.
//!
//! Coordinates are points, origin at the top-left corner of the trim box,
//! y growing downwards; `draw` flips them for PDF.

use super::fonts::{FaceId, Shaper};
use super::qr::{QrCache, QrMatrix};
use super::text::{Lines, Missing, StyledText, TextStyle};
use crate::document::{Block, Colour, Fact, Inline, Paper, RenderError, Theme};
use std::sync::Arc;

/// Millimetres to points.
pub(crate) const MM: f32 = 72.0 / 25.4;

/// Most pages one document may have; more means runaway content.
pub(crate) const MAX_PAGES: usize = 300;

/// A colour as PDF wants it: RGB, and CMYK when the brand gave one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Paint {
    pub(crate) rgb: [f32; 3],
    pub(crate) cmyk: Option<[f32; 4]>,
}

impl Paint {
    pub(crate) const WHITE: Paint = Paint {
        rgb: [1.0, 1.0, 1.0],
        cmyk: Some([0.0, 0.0, 0.0, 0.0]),
    };
    /// Registration black for crop marks (prints on every plate).
    pub(crate) const REGISTRATION: Paint = Paint {
        rgb: [0.0, 0.0, 0.0],
        cmyk: Some([1.0, 1.0, 1.0, 1.0]),
    };

    pub(crate) fn from_colour(c: Colour) -> Paint {
        let rgb = [
            c.rgb.0 as f32 / 255.0,
            c.rgb.1 as f32 / 255.0,
            c.rgb.2 as f32 / 255.0,
        ];
        let cmyk = c
            .cmyk
            .map(|k| [0, 1, 2, 3].map(|i| (k[i] / 100.0).clamp(0.0, 1.0)));
        Paint { rgb, cmyk }
    }

    /// `self` blended towards `other` by `t` (0 = self).
    pub(crate) fn mix(self, other: Paint, t: f32) -> Paint {
        let rgb = [0, 1, 2].map(|i| self.rgb[i] + (other.rgb[i] - self.rgb[i]) * t);
        let cmyk = match (self.cmyk, other.cmyk) {
            (Some(a), Some(b)) => Some([0, 1, 2, 3].map(|i| a[i] + (b[i] - a[i]) * t)),
            _ => None,
        };
        Paint { rgb, cmyk }
    }
}

/// One glyph to draw: `x` is where its origin goes on the page.
#[derive(Clone, Debug)]
pub(crate) struct TextGlyph {
    pub(crate) gid: u16,
    pub(crate) x: f32,
    /// The source text this glyph stands for (for copy and search).
    pub(crate) text: String,
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
pub(crate) enum Item {
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
    /// A bookmark target (a heading).
    Anchor {
        level: u8,
        title: String,
        y: f32,
    },
}

impl Item {
    fn shift(&mut self, dx: f32, dy: f32) {
        match self {
            Item::Text(r) => {
                r.baseline += dy;
                for g in &mut r.glyphs {
                    g.x += dx;
                }
            }
            Item::Rect { x, y, .. }
            | Item::RoundRect { x, y, .. }
            | Item::Image { x, y, .. }
            | Item::Qr { x, y, .. }
            | Item::Link { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Item::Line { x1, y1, x2, y2, .. } => {
                *x1 += dx;
                *x2 += dx;
                *y1 += dy;
                *y2 += dy;
            }
            Item::Anchor { y, .. } => *y += dy,
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
    pub(crate) first_baseline: Option<f32>,
}

/// The background of a shaded box.
#[derive(Clone, Debug)]
pub(crate) struct Deco {
    x: f32,
    w: f32,
    fill: Paint,
    accent: Option<(Paint, f32)>,
}

impl Deco {
    fn items(&self, top: f32, bottom: f32) -> Vec<Item> {
        let mut v = vec![Item::Rect {
            x: self.x,
            y: top,
            w: self.w,
            h: bottom - top,
            fill: self.fill,
        }];
        if let Some((paint, w)) = self.accent {
            v.push(Item::Rect {
                x: self.x,
                y: top,
                w,
                h: bottom - top,
                fill: paint,
            });
        }
        v
    }
}

/// Page geometry, in points relative to the trim box.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Geometry {
    pub(crate) w: f32,
    pub(crate) h: f32,
    pub(crate) left: f32,
    pub(crate) right: f32,
    pub(crate) top: f32,
    pub(crate) bottom: f32,
    pub(crate) footer_rule: f32,
    pub(crate) footer_baseline: f32,
    pub(crate) bleed: f32,
    /// 1 for A4, smaller for A5; scales fixed dimensions.
    pub(crate) scale: f32,
}

impl Geometry {
    pub(crate) fn new(paper: Paper, bleed_mm: f32, body: f32) -> Geometry {
        let (wmm, hmm) = paper.size_mm();
        let (w, h) = (wmm * MM, hmm * MM);
        let scale = wmm / 210.0;
        let margin = match paper {
            Paper::A4 => 18.0 * MM,
            Paper::A5 => 12.0 * MM,
        };
        let footer_baseline = h - margin * 0.6;
        let footer_rule = footer_baseline - body * 1.3;
        Geometry {
            w,
            h,
            left: margin,
            right: w - margin,
            top: margin,
            bottom: footer_rule - body * 1.2,
            footer_rule,
            footer_baseline,
            bleed: bleed_mm.clamp(0.0, 20.0) * MM,
            scale,
        }
    }

    pub(crate) fn body_height(&self) -> f32 {
        self.bottom - self.top
    }
}

/// The type scale, from the theme's body size.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sizes {
    pub(crate) body: f32,
    pub(crate) leading: f32,
    pub(crate) h1: f32,
    pub(crate) h2: f32,
    pub(crate) h3: f32,
    pub(crate) small: f32,
    /// Space between paragraphs.
    pub(crate) gap: f32,
}

impl Sizes {
    pub(crate) fn new(body_pt: f32, paper: Paper) -> Sizes {
        let body = if body_pt.is_finite() {
            body_pt.clamp(8.0, 20.0)
        } else {
            12.0
        };
        let h1 = match paper {
            Paper::A4 => body * 2.25,
            Paper::A5 => body * 1.8,
        };
        Sizes {
            body,
            leading: body * 1.4,
            h1,
            h2: body * 1.4,
            h3: body * 1.12,
            small: (body * 0.75).max(8.0),
            gap: body * 0.7,
        }
    }
}

/// Colours used in the layout.
#[derive(Clone, Copy, Debug)]
struct Palette {
    text: Paint,
    primary: Paint,
    secondary: Paint,
    shade: Paint,
}

/// Where and how a flow is laid out.
#[derive(Clone, Copy, Debug)]
struct Env {
    x: f32,
    w: f32,
    text: Paint,
    heading: Paint,
    link: Paint,
    list_depth: u8,
    on_band: bool,
}

/// A finished page: items in reading order with absolute coordinates.
pub(crate) struct Page {
    pub(crate) items: Vec<Item>,
}

/// Lays out one document.
pub(crate) struct Layout<'a> {
    shaper: &'a Shaper<'a>,
    theme: &'a Theme,
    qrs: &'a QrCache,
    pub(crate) geo: Geometry,
    pub(crate) sz: Sizes,
    pal: Palette,
    decos: Vec<Deco>,
    pub(crate) missing: Missing,
    pub(crate) warnings: Vec<String>,
}

/// Stack `chunks` into one (space between them kept, page breaks ignored),
/// turning the backgrounds of boxes that start and end inside it into
/// plain rectangles.
fn stack(chunks: Vec<Chunk>, decos: &[Deco], first_inner_group: usize) -> Chunk {
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
fn side_by_side(parts: Vec<Chunk>) -> Chunk {
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

impl<'a> Layout<'a> {
    pub(crate) fn new(shaper: &'a Shaper<'a>, theme: &'a Theme, qrs: &'a QrCache) -> Layout<'a> {
        let sz = Sizes::new(theme.body_pt, theme.paper);
        let geo = Geometry::new(theme.paper, theme.print.bleed_mm, sz.body);
        let pal = Palette {
            text: Paint::from_colour(theme.text),
            primary: Paint::from_colour(theme.primary),
            secondary: Paint::from_colour(theme.secondary),
            shade: Paint::from_colour(theme.shade),
        };
        Layout {
            shaper,
            theme,
            qrs,
            geo,
            sz,
            pal,
            decos: Vec::new(),
            missing: Missing::new(),
            warnings: Vec::new(),
        }
    }

    fn body_env(&self) -> Env {
        Env {
            x: self.geo.left,
            w: self.geo.right - self.geo.left,
            text: self.pal.text,
            heading: self.pal.primary,
            link: self.pal.primary,
            list_depth: 0,
            on_band: false,
        }
    }

    /// Lay out the whole document into pages (footers included).
    pub(crate) fn run(&mut self, blocks: &[Block]) -> Result<Vec<Page>, RenderError> {
        let mut chunks = Vec::new();
        let env = self.body_env();
        self.flow(blocks, env, &mut chunks);
        let mut pages = self.paginate(chunks)?;
        self.footers(&mut pages);
        Ok(pages)
    }

    fn flow(&mut self, blocks: &[Block], env: Env, out: &mut Vec<Chunk>) {
        let start = out.len();
        for b in blocks {
            self.block(b, env, out);
        }
        if let Some(c) = out.get_mut(start) {
            c.space_before = 0.0;
        }
    }

    fn block(&mut self, b: &Block, env: Env, out: &mut Vec<Chunk>) {
        let sz = self.sz;
        match b {
            Block::Heading { level, content } => self.heading(*level, content, env, out),
            Block::Paragraph(inl) => {
                let st = StyledText::from_inlines(inl, self.style(env, false));
                self.text_chunks(st, sz.body, sz.leading, env, sz.gap, false, out);
            }
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, *start, items, env, out),
            Block::Table { header, rows } => self.table(*header, rows, env, out),
            Block::Facts { title, rows } => self.facts(title.as_deref(), rows, env, out),
            Block::Callout { title, blocks } => self.callout(title.as_deref(), blocks, env, out),
            Block::Banner { blocks } => self.banner(blocks, env, out),
            Block::Columns(cols) => self.columns(cols, env, out),
            Block::Image { name, alt } => self.image(name, alt, env, out),
            Block::Qr { url, caption } => self.qr(url, caption.as_deref(), env, out),
            Block::Rule => out.push(Chunk {
                space_before: sz.gap,
                height: sz.gap,
                items: vec![Item::Line {
                    x1: env.x,
                    y1: sz.gap * 0.5,
                    x2: env.x + env.w,
                    y2: sz.gap * 0.5,
                    width: 0.75,
                    colour: self.pal.secondary,
                }],
                ..Chunk::default()
            }),
            Block::PageBreak => out.push(Chunk {
                break_before: true,
                ..Chunk::default()
            }),
            Block::Lang { blocks, .. } => {
                for b in blocks {
                    self.block(b, env, out);
                }
            }
        }
    }

    fn style(&self, env: Env, bold: bool) -> TextStyle {
        TextStyle {
            bold,
            italic: false,
            colour: env.text,
            link_colour: env.link,
        }
    }

    /// Shape and break `st`; one chunk per line.
    #[allow(clippy::too_many_arguments)]
    fn text_chunks(
        &mut self,
        st: StyledText,
        size: f32,
        leading: f32,
        env: Env,
        space_before: f32,
        keep_all: bool,
        out: &mut Vec<Chunk>,
    ) -> usize {
        let lines = Lines::layout(self.shaper, st, size, env.w, &mut self.missing);
        let n = lines.lines.len();
        let fam = self.shaper.family.face(FaceId::Regular);
        let half = (leading - (fam.ascender - fam.descender) * size) / 2.0;
        let baseline = half + fam.ascender * size;
        for i in 0..n {
            let keep = keep_all || (n > 1 && (i == 0 || i + 2 == n));
            out.push(Chunk {
                space_before: if i == 0 { space_before } else { 0.0 },
                height: leading,
                items: lines.line_items(i, env.x, baseline),
                keep_with_next: keep,
                first_baseline: Some(baseline),
                ..Chunk::default()
            });
        }
        n
    }

    fn heading(&mut self, level: u8, content: &[Inline], env: Env, out: &mut Vec<Chunk>) {
        let sz = self.sz;
        let (size, space, colour) = match level {
            0 | 1 => (sz.h1, sz.gap * 2.0, env.heading),
            2 => (sz.h2, sz.gap * 2.2, env.heading),
            _ => (sz.h3, sz.gap * 1.5, env.text),
        };
        let st = StyledText::from_inlines(
            content,
            TextStyle {
                bold: true,
                italic: false,
                colour,
                link_colour: colour,
            },
        );
        let leading = size * if level <= 1 { 1.15 } else { 1.25 };
        let start = out.len();
        self.text_chunks(st, size, leading, env, space, true, out);
        if let Some(c) = out.get_mut(start) {
            c.items.insert(
                0,
                Item::Anchor {
                    level: level.clamp(1, 6),
                    title: Inline::plain(content).replace('\n', " "),
                    y: 0.0,
                },
            );
        }
        if level == 2 && !env.on_band {
            // A short accent rule under the heading, in the second colour.
            let y = size * 0.45;
            out.push(Chunk {
                height: y + sz.body * 0.15,
                items: vec![Item::Rect {
                    x: env.x,
                    y,
                    w: (14.0 * MM * self.geo.scale).min(env.w),
                    h: 2.2 * self.geo.scale.max(0.8),
                    fill: self.pal.secondary,
                }],
                keep_with_next: true,
                ..Chunk::default()
            });
        } else if let Some(c) = out.last_mut() {
            c.height += sz.body * 0.2;
        }
    }

    fn list(
        &mut self,
        ordered: bool,
        start: u64,
        items: &[Vec<Block>],
        env: Env,
        out: &mut Vec<Chunk>,
    ) {
        let sz = self.sz;
        let labels: Vec<String> = (0..items.len())
            .map(|k| {
                if ordered {
                    format!("{}.", start.saturating_add(k as u64))
                } else if env.list_depth == 0 {
                    "\u{2022}".to_string()
                } else {
                    "\u{2013}".to_string()
                }
            })
            .collect();
        let marker_face = if ordered {
            FaceId::Bold
        } else {
            FaceId::Regular
        };
        let marker_colour = if env.on_band {
            env.text
        } else {
            self.pal.primary
        };
        let shaped: Vec<Lines> = labels
            .iter()
            .map(|l| {
                Lines::layout(
                    self.shaper,
                    StyledText::plain(l, marker_face, marker_colour),
                    sz.body,
                    f32::MAX / 4.0,
                    &mut self.missing,
                )
            })
            .collect();
        let widest = shaped.iter().map(Lines::max_width).fold(0.0, f32::max);
        let gap = sz.body * 0.55;
        let indent = (widest + gap).max(sz.body * 1.3).min(env.w * 0.3);
        let inner = Env {
            x: env.x + indent,
            w: env.w - indent,
            list_depth: env.list_depth.saturating_add(1),
            ..env
        };
        for (k, item) in items.iter().enumerate() {
            let first = out.len();
            self.flow(item, inner, out);
            if out.len() == first {
                out.push(Chunk {
                    height: sz.leading,
                    first_baseline: Some(sz.leading * 0.75),
                    ..Chunk::default()
                });
            }
            let space = if k == 0 {
                if env.list_depth == 0 {
                    sz.gap
                } else {
                    sz.gap * 0.3
                }
            } else {
                sz.gap * 0.45
            };
            let c = &mut out[first];
            c.space_before = space;
            let baseline = c.first_baseline.unwrap_or(sz.leading * 0.75);
            let label = &shaped[k];
            let lw = label.max_width();
            // numbers right-aligned against the text, bullets centred in the gutter
            let x = if ordered {
                inner.x - gap - lw
            } else {
                env.x + (indent - gap - lw).max(0.0) * 0.35
            };
            let mut marker = label.line_items(0, x, baseline);
            marker.append(&mut c.items);
            c.items = marker;
        }
    }

    fn table(&mut self, header: bool, rows: &[Vec<Vec<Inline>>], env: Env, out: &mut Vec<Chunk>) {
        let ncols = rows.iter().map(Vec::len).max().unwrap_or(0);
        if ncols == 0 {
            return;
        }
        let sz = self.sz;
        let padx = sz.body * 0.45;
        let pady = sz.body * 0.35;
        // Natural width of each column, then share the table width out.
        let mut natural = vec![sz.body * 3.0; ncols];
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let st = StyledText::from_inlines(cell, self.style(env, header && r == 0));
                let l = Lines::layout(self.shaper, st, sz.body, f32::MAX / 4.0, &mut self.missing);
                natural[c] = natural[c].max(l.max_width() + 2.0 * padx);
            }
        }
        let total: f32 = natural.iter().sum();
        let widths: Vec<f32> = if total <= env.w {
            natural
                .iter()
                .map(|w| w + (env.w - total) / ncols as f32)
                .collect()
        } else {
            let min = (sz.body * 4.0).min(env.w / ncols as f32);
            let flexible: f32 = natural.iter().map(|w| (w - min).max(0.0)).sum();
            let spare = env.w - min * ncols as f32;
            natural
                .iter()
                .map(|w| {
                    min + if flexible > 0.0 {
                        (w - min).max(0.0) / flexible * spare
                    } else {
                        0.0
                    }
                })
                .collect()
        };
        let first_row = out.len();
        for (r, row) in rows.iter().enumerate() {
            let is_head = header && r == 0;
            let mut x = env.x;
            let mut cells = Vec::new();
            for (c, w) in widths.iter().enumerate() {
                let mut cell_chunks = Vec::new();
                if let Some(cell) = row.get(c) {
                    let st = StyledText::from_inlines(cell, self.style(env, is_head));
                    let cenv = Env {
                        x: x + padx,
                        w: w - 2.0 * padx,
                        ..env
                    };
                    self.text_chunks(st, sz.body, sz.leading, cenv, 0.0, false, &mut cell_chunks);
                }
                cells.push(stack(cell_chunks, &self.decos, self.decos.len()));
                x += w;
            }
            let mut row_chunk = side_by_side(cells);
            for it in &mut row_chunk.items {
                it.shift(0.0, pady);
            }
            row_chunk.height += 2.0 * pady;
            let mut bg = if is_head {
                vec![Item::Rect {
                    x: env.x,
                    y: 0.0,
                    w: env.w,
                    h: row_chunk.height,
                    fill: self.pal.shade,
                }]
            } else {
                Vec::new()
            };
            bg.push(Item::Line {
                x1: env.x,
                y1: row_chunk.height,
                x2: env.x + env.w,
                y2: row_chunk.height,
                width: 0.5,
                colour: self.pal.secondary,
            });
            bg.append(&mut row_chunk.items);
            row_chunk.items = bg;
            row_chunk.keep_with_next = is_head;
            if row_chunk.height > self.geo.body_height() {
                // A row taller than a page: let its text flow instead.
                for cell in row {
                    let st = StyledText::from_inlines(cell, self.style(env, is_head));
                    self.text_chunks(st, sz.body, sz.leading, env, sz.gap * 0.5, false, out);
                }
                continue;
            }
            out.push(row_chunk);
        }
        if let Some(c) = out.get_mut(first_row) {
            c.space_before = sz.gap;
        }
    }

    fn new_group(&mut self, env: Env, accent: bool) -> usize {
        self.decos.push(Deco {
            x: env.x,
            w: env.w,
            fill: self.pal.shade,
            accent: accent.then_some((self.pal.primary, (self.sz.body * 0.33).max(3.0))),
        });
        self.decos.len() - 1
    }

    /// Wrap `inner` (chunks of a box's content) in padding and add them to
    /// `out` as members of `group`.
    fn boxed(&mut self, group: usize, mut inner: Vec<Chunk>, pad: f32, out: &mut Vec<Chunk>) {
        let mut chunks = vec![Chunk {
            space_before: self.sz.gap * 1.6,
            height: pad,
            keep_with_next: true,
            ..Chunk::default()
        }];
        if let Some(c) = inner.first_mut() {
            c.space_before = 0.0;
        }
        if let Some(c) = inner.last_mut() {
            c.keep_with_next = true;
        }
        chunks.append(&mut inner);
        chunks.push(Chunk {
            height: pad,
            ..Chunk::default()
        });
        for c in &mut chunks {
            c.groups.insert(0, group);
        }
        out.append(&mut chunks);
    }

    fn box_title(&mut self, title: Option<&[Inline]>, env: Env, out: &mut Vec<Chunk>) {
        if let Some(t) = title {
            let st = StyledText::from_inlines(
                t,
                TextStyle {
                    bold: true,
                    italic: false,
                    colour: self.pal.primary,
                    link_colour: self.pal.primary,
                },
            );
            let sz = self.sz;
            self.text_chunks(st, sz.h3, sz.h3 * 1.3, env, 0.0, true, out);
            if let Some(c) = out.last_mut() {
                c.height += sz.gap * 0.7;
            }
        }
    }

    fn facts(&mut self, title: Option<&[Inline]>, rows: &[Fact], env: Env, out: &mut Vec<Chunk>) {
        let sz = self.sz;
        let pad = sz.body * 1.0;
        let group = self.new_group(env, false);
        let inner = Env {
            x: env.x + pad,
            w: env.w - 2.0 * pad,
            ..env
        };
        let mut chunks = Vec::new();
        self.box_title(title, inner, &mut chunks);
        // Label column: as wide as the widest label, within limits.
        let label_style = TextStyle {
            bold: true,
            ..self.style(inner, true)
        };
        let mut lw: f32 = 0.0;
        for r in rows {
            let l = Lines::layout(
                self.shaper,
                StyledText::from_inlines(&r.label, label_style),
                sz.body,
                f32::MAX / 4.0,
                &mut self.missing,
            );
            lw = lw.max(l.max_width());
        }
        let gap = sz.body * 1.2;
        let stacked = inner.w < sz.body * 22.0;
        let lw = lw.min(inner.w * 0.38);
        let row_gap = sz.body * 0.55;
        for (k, r) in rows.iter().enumerate() {
            let g0 = self.decos.len();
            let mut label = Vec::new();
            let lenv = Env {
                w: if stacked { inner.w } else { lw },
                ..inner
            };
            self.text_chunks(
                StyledText::from_inlines(&r.label, label_style),
                sz.body,
                sz.leading,
                lenv,
                0.0,
                false,
                &mut label,
            );
            let mut value = Vec::new();
            let venv = if stacked {
                inner
            } else {
                Env {
                    x: inner.x + lw + gap,
                    w: inner.w - lw - gap,
                    ..inner
                }
            };
            self.text_chunks(
                StyledText::from_inlines(&r.value, self.style(inner, false)),
                sz.body,
                sz.leading,
                venv,
                0.0,
                false,
                &mut value,
            );
            let mut row = if stacked {
                label.append(&mut value);
                stack(label, &self.decos, g0)
            } else {
                side_by_side(vec![
                    stack(label, &self.decos, g0),
                    stack(value, &self.decos, g0),
                ])
            };
            if k > 0 {
                row.space_before = row_gap * 2.0;
                row.items.insert(
                    0,
                    Item::Line {
                        x1: inner.x,
                        y1: -row_gap,
                        x2: inner.x + inner.w,
                        y2: -row_gap,
                        width: 1.0,
                        colour: Paint::WHITE,
                    },
                );
            }
            chunks.push(row);
        }
        self.boxed(group, chunks, pad, out);
    }

    fn callout(
        &mut self,
        title: Option<&[Inline]>,
        blocks: &[Block],
        env: Env,
        out: &mut Vec<Chunk>,
    ) {
        let sz = self.sz;
        let pad = sz.body * 1.0;
        let group = self.new_group(env, true);
        let bar = (sz.body * 0.33).max(3.0);
        let inner = Env {
            x: env.x + bar + pad,
            w: env.w - bar - 2.0 * pad,
            ..env
        };
        let (qrs, rest): (Vec<&Block>, Vec<&Block>) =
            blocks.iter().partition(|b| matches!(b, Block::Qr { .. }));
        let qr_w = (32.0 * MM * self.geo.scale).min(inner.w * 0.35);
        let mut chunks = Vec::new();
        if !qrs.is_empty() && inner.w > qr_w * 2.5 {
            // Contact details on the left, QR codes in a column on the right.
            let g0 = self.decos.len();
            let gutter = sz.body * 1.5;
            let lenv = Env {
                w: inner.w - qr_w - gutter,
                ..inner
            };
            let renv = Env {
                x: inner.x + inner.w - qr_w,
                w: qr_w,
                ..inner
            };
            let mut left = Vec::new();
            self.box_title(title, lenv, &mut left);
            let rest: Vec<Block> = rest.into_iter().cloned().collect();
            let start = left.len();
            self.flow(&rest, lenv, &mut left);
            if start > 0 {
                if let Some(c) = left.get_mut(start) {
                    c.space_before = sz.gap * 0.5;
                }
            }
            let mut right = Vec::new();
            let qrs: Vec<Block> = qrs.into_iter().cloned().collect();
            self.flow(&qrs, renv, &mut right);
            let both = side_by_side(vec![
                stack(left, &self.decos, g0),
                stack(right, &self.decos, g0),
            ]);
            if both.height <= self.geo.body_height() - 2.0 * pad {
                chunks.push(both);
                self.boxed(group, chunks, pad, out);
                return;
            }
            chunks.clear();
        }
        self.box_title(title, inner, &mut chunks);
        let start = chunks.len();
        self.flow(blocks, inner, &mut chunks);
        if start > 0 {
            if let Some(c) = chunks.get_mut(start) {
                c.space_before = sz.gap * 0.5;
            }
        }
        self.boxed(group, chunks, pad, out);
    }

    fn banner(&mut self, blocks: &[Block], env: Env, out: &mut Vec<Chunk>) {
        let sz = self.sz;
        let geo = self.geo;
        let white = Paint::WHITE;
        let pad_top = 9.0 * MM * geo.scale;
        let pad_bottom = 10.0 * MM * geo.scale;
        let mut items = Vec::new();
        // Logo on a white tile, top right.
        let mut top_row_bottom = pad_top;
        let mut tile_w = 0.0;
        if let Some(logo) = self.theme.logo() {
            let (pw, ph) = (logo.width_px.max(1) as f32, logo.height_px.max(1) as f32);
            let tpad = 2.5 * MM * geo.scale;
            let mut lh = 15.0 * MM * geo.scale;
            let mut lw = lh * pw / ph;
            let max_w = 55.0 * MM * geo.scale;
            if lw > max_w {
                lw = max_w;
                lh = lw * ph / pw;
            }
            tile_w = lw + 2.0 * tpad;
            let tile_h = lh + 2.0 * tpad;
            let tx = geo.right - tile_w;
            items.push(Item::RoundRect {
                x: tx,
                y: pad_top,
                w: tile_w,
                h: tile_h,
                r: 1.8 * MM * geo.scale,
                fill: white,
            });
            items.push(Item::Image {
                name: "logo".into(),
                x: tx + tpad,
                y: pad_top + tpad,
                w: lw,
                h: lh,
            });
            top_row_bottom = pad_top + tile_h;
        }
        // The trust's name, top left.
        let name_env = Env {
            x: geo.left,
            w: (geo.right - geo.left - tile_w - sz.body * 1.5).max(sz.body * 6.0),
            text: white,
            heading: white,
            link: white,
            list_depth: 0,
            on_band: true,
        };
        let mut name = Vec::new();
        self.text_chunks(
            StyledText::plain(&self.theme.org_name, FaceId::Bold, white),
            sz.body,
            sz.body * 1.25,
            name_env,
            0.0,
            false,
            &mut name,
        );
        let mut name = stack(name, &self.decos, self.decos.len());
        for it in &mut name.items {
            it.shift(0.0, pad_top);
        }
        top_row_bottom = top_row_bottom.max(pad_top + name.height);
        items.append(&mut name.items);
        // The banner's own blocks (title, strap line) in white.
        let content_env = Env {
            x: geo.left,
            w: geo.right - geo.left,
            ..name_env
        };
        let g0 = self.decos.len();
        let mut content = Vec::new();
        self.flow(blocks, content_env, &mut content);
        let mut content = stack(content, &self.decos, g0);
        let content_top = top_row_bottom + sz.gap * 2.2;
        for it in &mut content.items {
            it.shift(0.0, content_top);
        }
        let band_h = content_top + content.height + pad_bottom;
        if band_h > geo.body_height() + geo.top {
            self.warnings
                .push("the banner is taller than a page; it is printed without its band".into());
            self.flow(blocks, env, out);
            return;
        }
        let bleed = geo.bleed;
        let stripe = 1.6 * MM * geo.scale;
        let mut all = vec![
            Item::Rect {
                x: -bleed,
                y: -bleed,
                w: geo.w + 2.0 * bleed,
                h: band_h + bleed,
                fill: self.pal.primary,
            },
            Item::Rect {
                x: -bleed,
                y: band_h,
                w: geo.w + 2.0 * bleed,
                h: stripe,
                fill: self.pal.secondary,
            },
        ];
        all.append(&mut items);
        all.append(&mut content.items);
        out.push(Chunk {
            space_before: 0.0,
            height: band_h + stripe + sz.gap * 1.5,
            items: all,
            bleed_top: true,
            ..Chunk::default()
        });
    }

    fn columns(&mut self, cols: &[Vec<Block>], env: Env, out: &mut Vec<Chunk>) {
        let sz = self.sz;
        let n = cols.len();
        if n == 0 {
            return;
        }
        let gutter = sz.body * 1.6;
        let cw = (env.w - gutter * (n as f32 - 1.0)) / n as f32;
        if n == 1 || cw < sz.body * 8.0 {
            for c in cols {
                self.flow(c, env, out);
            }
            return;
        }
        let g0 = self.decos.len();
        let mut parts = Vec::new();
        for (k, col) in cols.iter().enumerate() {
            let cenv = Env {
                x: env.x + k as f32 * (cw + gutter),
                w: cw,
                ..env
            };
            let mut chunks = Vec::new();
            self.flow(col, cenv, &mut chunks);
            parts.push(stack(chunks, &self.decos, g0));
        }
        let mut all = side_by_side(parts);
        if all.height > self.geo.body_height() {
            // Too tall to keep side by side on one page: one after another.
            for c in cols {
                let start = out.len();
                self.flow(c, env, out);
                if let Some(ch) = out.get_mut(start) {
                    ch.space_before = sz.gap;
                }
            }
            return;
        }
        all.space_before = sz.gap;
        out.push(all);
    }

    fn image(&mut self, name: &str, alt: &str, env: Env, out: &mut Vec<Chunk>) {
        let sz = self.sz;
        let Some(asset) = self.theme.images.get(name) else {
            self.warnings.push(format!(
                "image '{name}' is not in the theme; its alt text is printed instead"
            ));
            let st = StyledText::from_inlines(
                &[Inline::Emphasis(vec![Inline::Text(alt.to_string())])],
                self.style(env, false),
            );
            self.text_chunks(st, sz.body, sz.leading, env, sz.gap, false, out);
            return;
        };
        let (pw, ph) = (asset.width_px.max(1) as f32, asset.height_px.max(1) as f32);
        // At most the column width, at least 150 dpi, at most half a page tall.
        let mut w = (pw * 72.0 / 150.0).min(env.w);
        let mut h = w * ph / pw;
        let max_h = self.geo.body_height() * 0.5;
        if h > max_h {
            h = max_h;
            w = h * pw / ph;
        }
        out.push(Chunk {
            space_before: sz.gap,
            height: h,
            items: vec![Item::Image {
                name: name.to_string(),
                x: env.x,
                y: 0.0,
                w,
                h,
            }],
            ..Chunk::default()
        });
    }

    fn qr(&mut self, url: &str, caption: Option<&str>, env: Env, out: &mut Vec<Chunk>) {
        let sz = self.sz;
        let qr = match self.qrs.get(url) {
            Ok(q) => q,
            Err(e) => {
                self.warnings.push(format!(
                    "no QR code for {url}: {e}; the address is printed instead"
                ));
                let st = StyledText::from_inlines(
                    &[Inline::Link {
                        url: url.to_string(),
                        content: vec![Inline::Text(url.to_string())],
                    }],
                    self.style(env, false),
                );
                self.text_chunks(st, sz.body, sz.leading, env, sz.gap, false, out);
                return;
            }
        };
        let size = (30.0 * MM * self.geo.scale).min(env.w);
        let module = size / (qr.n as f32 + 8.0);
        let items = vec![
            Item::Rect {
                x: env.x,
                y: 0.0,
                w: size,
                h: size,
                fill: Paint::WHITE,
            },
            Item::Qr {
                x: env.x + 4.0 * module,
                y: 4.0 * module,
                module,
                qr,
                colour: Paint {
                    rgb: [0.0, 0.0, 0.0],
                    cmyk: Some([0.0, 0.0, 0.0, 1.0]),
                },
            },
            Item::Link {
                x: env.x,
                y: 0.0,
                w: size,
                h: size,
                url: url.to_string(),
            },
        ];
        out.push(Chunk {
            space_before: sz.gap,
            height: size,
            items,
            keep_with_next: caption.is_some(),
            ..Chunk::default()
        });
        if let Some(c) = caption {
            let st = StyledText::plain(c, FaceId::Regular, env.text);
            let small = sz.small.max(sz.body * 0.85);
            let cenv = Env {
                w: env.w.max(size),
                ..env
            };
            let start = out.len();
            self.text_chunks(st, small, small * 1.3, cenv, sz.gap * 0.4, true, out);
            if let Some(ch) = out.last_mut() {
                ch.keep_with_next = false;
            }
            let _ = start;
        }
    }

    /// First-fit pagination over keep chains.
    fn paginate(&mut self, chunks: Vec<Chunk>) -> Result<Vec<Page>, RenderError> {
        let geo = self.geo;
        let mut pages: Vec<Page> = vec![Page { items: Vec::new() }];
        let mut extents: Vec<Vec<(usize, f32, f32)>> = vec![Vec::new()];
        let mut y = geo.top;
        let mut at_top = true;
        let n = chunks.len();
        let new_page = |pages: &mut Vec<Page>,
                        extents: &mut Vec<Vec<(usize, f32, f32)>>,
                        y: &mut f32,
                        at_top: &mut bool|
         -> Result<(), RenderError> {
            if pages.len() >= MAX_PAGES {
                return Err(RenderError::Failed(format!(
                    "the document runs to more than {MAX_PAGES} pages; is its content complete and sane?"
                )));
            }
            pages.push(Page { items: Vec::new() });
            extents.push(Vec::new());
            *y = geo.top;
            *at_top = true;
            Ok(())
        };
        for i in 0..n {
            let c = &chunks[i];
            if c.break_before && !at_top {
                new_page(&mut pages, &mut extents, &mut y, &mut at_top)?;
            }
            // Height of the keep chain starting here.
            let mut h = if at_top { 0.0 } else { c.space_before } + c.height;
            let mut j = i;
            while chunks[j].keep_with_next
                && j + 1 < n
                && !chunks[j + 1].break_before
                && h <= geo.body_height()
            {
                j += 1;
                h += chunks[j].space_before + chunks[j].height;
            }
            if !at_top && y + h > geo.bottom + 0.01 {
                new_page(&mut pages, &mut extents, &mut y, &mut at_top)?;
            }
            let y0 = if at_top && c.bleed_top {
                0.0
            } else if at_top {
                y
            } else {
                y + c.space_before
            };
            let page = pages.len() - 1;
            for g in &c.groups {
                match extents[page].iter_mut().find(|e| e.0 == *g) {
                    Some(e) => e.2 = y0 + c.height,
                    None => extents[page].push((*g, y0, y0 + c.height)),
                }
            }
            for it in &c.items {
                let mut it = it.clone();
                it.shift(0.0, y0);
                pages[page].items.push(it);
            }
            y = y0 + c.height;
            if c.height > 0.0 || !c.items.is_empty() {
                at_top = false;
            }
        }
        // Box backgrounds go first, so text is drawn on top of them.
        for (page, ext) in pages.iter_mut().zip(extents.iter_mut()) {
            ext.sort_by_key(|e| e.0);
            let mut bg = Vec::new();
            for (g, top, bottom) in ext.iter() {
                if let Some(d) = self.decos.get(*g) {
                    bg.extend(d.items(*top, *bottom));
                }
            }
            bg.append(&mut page.items);
            page.items = bg;
        }
        Ok(pages)
    }

    /// The running footer: a rule, the trust's name left, "Page N of M"
    /// right, and the theme's footer line in between if it fits.
    fn footers(&mut self, pages: &mut [Page]) {
        let geo = self.geo;
        let sz = self.sz;
        let total = pages.len();
        let colour = self.pal.text.mix(Paint::WHITE, 0.2);
        let width = geo.right - geo.left;
        // The trust's full name, or its short name when the full one would
        // need a second line (never a name cut off mid-word).
        let mut left = Lines::layout(
            self.shaper,
            StyledText::plain(&self.theme.org_name, FaceId::Bold, colour),
            sz.small,
            width * 0.6,
            &mut self.missing,
        );
        if left.lines.len() > 1 {
            left = Lines::layout(
                self.shaper,
                StyledText::plain(&self.theme.org_short_name, FaceId::Bold, colour),
                sz.small,
                width * 0.6,
                &mut self.missing,
            );
        }
        left.lines.truncate(1);
        let footer = self.theme.footer.trim();
        let middle = (!footer.is_empty()).then(|| {
            Lines::layout(
                self.shaper,
                StyledText::plain(footer, FaceId::Regular, colour),
                sz.small,
                f32::MAX / 4.0,
                &mut self.missing,
            )
        });
        for (i, page) in pages.iter_mut().enumerate() {
            let label = format!("Page {} of {}", i + 1, total);
            let right = Lines::layout(
                self.shaper,
                StyledText::plain(&label, FaceId::Regular, colour),
                sz.small,
                f32::MAX / 4.0,
                &mut self.missing,
            );
            let rw = right.max_width();
            let lw = left.max_width();
            page.items.push(Item::Line {
                x1: geo.left,
                y1: geo.footer_rule,
                x2: geo.right,
                y2: geo.footer_rule,
                width: 0.5,
                colour: self.pal.secondary,
            });
            page.items
                .extend(left.line_items(0, geo.left, geo.footer_baseline));
            if let Some(m) = &middle {
                let mw = m.max_width();
                let gap = sz.small * 2.0;
                if lw + mw + rw + 2.0 * gap <= width {
                    let x = (geo.left + lw + gap).max(geo.left + (width - mw) / 2.0);
                    let x = x.min(geo.right - rw - gap - mw);
                    page.items.extend(m.line_items(0, x, geo.footer_baseline));
                }
            }
            page.items
                .extend(right.line_items(0, geo.right - rw, geo.footer_baseline));
        }
    }
}
