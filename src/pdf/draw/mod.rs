//! Pages of laid-out items → printpdf ops.
//!
//! printpdf names fonts and images from a process-wide counter, so two
//! documents built in parallel would differ byte-wise; every id here is
//! derived from content instead (font tags from a hash of the face and the
//! glyphs used, images numbered in order of first use).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use printpdf::{
    Actions, BorderArray, ColorArray, ExtendedGraphicsState, ExtendedGraphicsStateId,
    HighlightingMode, LinkAnnotation, Op, PdfDocument, PdfPage, Pt, Rect,
};
use sha2::{Digest, Sha256};

mod pen;
mod stream;

use pen::{round_rect, Pen};

use super::colour::Paint;
use super::fonts::{FaceId, Shaper};
use super::layout::{Geometry, GlyphText, Item, Page, Shape, TextRun, MM};
use super::subsets::{Subset, SubsetCache};
use super::tags::{Artifact, NodeId, Tag, Tree};
use crate::document::{PrintOptions, RenderError};

/// Where the trim box sits inside the media box, and how big the media is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sheet {
    /// Offset of the trim box from the media box's lower-left corner.
    pub(crate) off: f32,
    pub(crate) media_w: f32,
    pub(crate) media_h: f32,
    pub(crate) trim_w: f32,
    pub(crate) trim_h: f32,
    pub(crate) bleed: f32,
    crop_marks: bool,
    /// The press file: CMYK colours (see [`PrintOptions::press`]).
    pub(crate) press: bool,
}

impl Sheet {
    pub(crate) fn new(geo: &Geometry, print: PrintOptions) -> Sheet {
        let off = if print.crop_marks {
            mark_offset(geo.bleed) + 5.0 * MM + 2.0 * MM
        } else {
            geo.bleed
        };
        Sheet {
            off,
            media_w: geo.w + 2.0 * off,
            media_h: geo.h + 2.0 * off,
            trim_w: geo.w,
            trim_h: geo.h,
            bleed: geo.bleed,
            crop_marks: print.crop_marks,
            press: print.press,
        }
    }

    fn x(&self, x: f32) -> f32 {
        self.off + x
    }

    fn y(&self, y: f32) -> f32 {
        self.off + self.trim_h - y
    }
}

/// Crop marks start this far from the trim edge (outside the bleed).
fn mark_offset(bleed: f32) -> f32 {
    bleed.max(3.0 * MM)
}

/// A heading to put in the outline: page index, level, title, PDF y.
#[derive(Clone, Debug)]
pub(crate) struct Anchor {
    pub(crate) page: usize,
    pub(crate) level: u8,
    pub(crate) title: String,
    pub(crate) y: f32,
}

/// Where a structure node's content went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kid {
    /// A marked-content sequence with this `/MCID` on the page.
    Mcid(u32),
    /// The page's n-th link annotation.
    Annot(usize),
}

/// One piece of a node's content: which page, what, and its sequence
/// number (its place among the node's content and children).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Content {
    pub(crate) node: NodeId,
    pub(crate) seq: u32,
    pub(crate) page: usize,
    pub(crate) kid: Kid,
}

/// What drawing marked, for the structure tree.
#[derive(Default)]
pub(crate) struct Marked {
    /// Per page, the node of each marked-content id (the index).
    pub(crate) mcids: Vec<Vec<NodeId>>,
    /// Per page, the node of each link annotation, in `/Annots` order.
    pub(crate) annots: Vec<Vec<Option<NodeId>>>,
    pub(crate) content: Vec<Content>,
    /// A figure's page and bounding box (PDF coordinates), as drawn first.
    pub(crate) bbox: BTreeMap<NodeId, (usize, [f32; 4])>,
}

/// The printpdf document plus what post-processing needs to know.
pub(crate) struct Drawn {
    /// Pages, boxes, link annotations and graphics states; the content of
    /// each page is in `contents`.
    pub(crate) pdf: PdfDocument,
    /// Each page's content stream.
    pub(crate) contents: Vec<Vec<u8>>,
    /// Each face used: its resource name and subset.
    pub(crate) fonts: Vec<(String, Arc<Subset>)>,
    pub(crate) anchors: Vec<Anchor>,
    /// Image names in XObject order: `Im0`, `Im1`, …
    pub(crate) images: Vec<String>,
    pub(crate) marked: Marked,
}

pub(crate) fn image_resource(i: usize) -> String {
    format!("Im{i}")
}

/// The resource name of the transparency the DRAFT mark is drawn with.
const DRAFT_GS: &str = "GSdraft";

/// A six-letter subset tag (and resource name) for one face's subset.
fn font_tag(family: &str, face: FaceId, gids: &BTreeSet<u16>, taken: &[String]) -> String {
    let mut h = Sha256::new();
    h.update(family.as_bytes());
    h.update([face as u8]);
    for g in gids {
        h.update(g.to_be_bytes());
    }
    let mut digest = h.finalize().to_vec();
    loop {
        let tag: String = digest[..6]
            .iter()
            .map(|b| (b'A' + b % 26) as char)
            .collect();
        if !taken.contains(&tag) {
            return tag;
        }
        digest = Sha256::digest(&digest).to_vec();
    }
}

/// Draw `pages`: a printpdf document (pages, link annotations, graphics
/// states) and each page's content, every item marked as content or
/// artifact; the fonts' subsets come from `subsets`.
pub(crate) fn draw(
    pages: &[Page],
    shaper: &Shaper,
    subsets: &SubsetCache,
    sheet: &Sheet,
    title: &str,
    tree: &Tree,
) -> Result<Drawn, RenderError> {
    let family = shaper.family;
    // Which glyphs each face uses, each with the text it stands for (the
    // last one drawn, as printpdf's ToUnicode map would have it).
    let mut used: BTreeMap<FaceId, BTreeMap<u16, GlyphText>> = BTreeMap::new();
    let mut stamps = false;
    for p in pages {
        for it in &p.items {
            let runs: &[TextRun] = match &it.shape {
                Shape::Text(r) => std::slice::from_ref(r),
                Shape::Stamp { runs, .. } => {
                    stamps = true;
                    runs
                }
                _ => &[],
            };
            for r in runs {
                let face = used.entry(r.face).or_default();
                for g in &r.glyphs {
                    face.insert(g.gid, g.text.clone());
                }
            }
        }
    }
    let mut pdf = PdfDocument::new(title);
    let mut fonts: BTreeMap<FaceId, (String, Arc<Subset>)> = BTreeMap::new();
    let mut taken = Vec::new();
    for (face, glyphs) in &used {
        let gids: BTreeSet<u16> = glyphs.keys().copied().collect();
        let tag = font_tag(&family.id, *face, &gids, &taken);
        taken.push(tag.clone());
        let subset = subsets.get(family, *face, &tag, glyphs)?;
        fonts.insert(*face, (tag, subset));
    }
    let mut opacity = 1.0;
    for p in pages {
        for it in &p.items {
            if let Shape::Stamp { opacity: o, .. } = it.shape {
                opacity = o;
            }
        }
    }
    if stamps {
        pdf.resources.extgstates.map.insert(
            ExtendedGraphicsStateId(DRAFT_GS.into()),
            ExtendedGraphicsState::default().with_current_fill_alpha(opacity.clamp(0.0, 1.0)),
        );
    }

    let mut anchors = Vec::new();
    let mut images: Vec<String> = Vec::new();
    let mut marked = Marked::default();
    let mut contents = Vec::with_capacity(pages.len());
    for (pi, page) in pages.iter().enumerate() {
        marked.mcids.push(Vec::new());
        marked.annots.push(Vec::new());
        let mut pen = Pen::new(tree, pi, sheet.press);
        let mut links = Vec::new();
        for it in &page.items {
            match &it.shape {
                Shape::Text(run) => {
                    pen.mark(it, &mut marked);
                    text(&mut pen, run, shaper, sheet, &fonts);
                }
                Shape::Rect { x, y, w, h, fill } => {
                    pen.mark(it, &mut marked);
                    pen.set_fill(*fill);
                    pen.fill_rects([[sheet.x(*x), sheet.y(y + h), *w, *h]]);
                }
                Shape::RoundRect {
                    x,
                    y,
                    w,
                    h,
                    r,
                    fill,
                } => {
                    pen.mark(it, &mut marked);
                    pen.set_fill(*fill);
                    pen.fill_path(&round_rect(sheet.x(*x), sheet.y(y + h), *w, *h, *r));
                }
                Shape::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    colour,
                } => {
                    pen.mark(it, &mut marked);
                    pen.set_stroke(*colour, *width);
                    pen.line(sheet.x(*x1), sheet.y(*y1), sheet.x(*x2), sheet.y(*y2));
                }
                Shape::Image { name, x, y, w, h } => {
                    pen.mark(it, &mut marked);
                    pen.end_text();
                    note_bbox(&mut marked, it, pi, sheet, *x, *y, *w, *h);
                    let idx = match images.iter().position(|n| n == name) {
                        Some(i) => i,
                        None => {
                            images.push(name.clone());
                            images.len() - 1
                        }
                    };
                    pen.out.op("q");
                    pen.out
                        .num(*w)
                        .raw("0 0")
                        .num(*h)
                        .num(sheet.x(*x))
                        .num(sheet.y(y + h))
                        .op("cm");
                    pen.out.name(&image_resource(idx)).op("Do");
                    pen.out.op("Q");
                }
                Shape::Qr {
                    x,
                    y,
                    module,
                    qr,
                    colour,
                } => {
                    pen.mark(it, &mut marked);
                    let side = qr.n as f32 * module;
                    note_bbox(&mut marked, it, pi, sheet, *x, *y, side, side);
                    pen.set_fill(*colour);
                    let rects = qr.runs().into_iter().map(|(row, col, len)| {
                        let top = y + row as f32 * module;
                        [
                            sheet.x(x + col as f32 * module),
                            sheet.y(top + module),
                            len as f32 * module,
                            *module,
                        ]
                    });
                    pen.fill_rects(rects);
                }
                Shape::Stamp {
                    runs, x, y, angle, ..
                } => {
                    pen.mark(it, &mut marked);
                    let centre = (sheet.x(*x), sheet.y(*y));
                    stamp(&mut pen, runs, sheet, centre, *angle, shaper, &fonts);
                }
                // The press file has no annotations (PDF/X-4): links are
                // the screen file's; the address is printed beside them.
                Shape::Link { .. } if sheet.press => {}
                Shape::Link { x, y, w, h, url } => {
                    let n = marked.annots[pi].len();
                    let node = match it.tag {
                        Tag::Node(node) => Some(node),
                        Tag::Art(_) => None,
                    };
                    marked.annots[pi].push(node);
                    if let Some(node) = node {
                        marked.content.push(Content {
                            node,
                            seq: it.seq,
                            page: pi,
                            kid: Kid::Annot(n),
                        });
                    }
                    links.push(Op::LinkAnnotation {
                        link: LinkAnnotation::new(
                            Rect::from_xywh(Pt(sheet.x(*x)), Pt(sheet.y(y + h)), Pt(*w), Pt(*h)),
                            Actions::Uri(url.clone()),
                            Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                            Some(ColorArray::Transparent),
                            Some(HighlightingMode::Invert),
                        ),
                    });
                }
                Shape::Anchor { level, title, y } => anchors.push(Anchor {
                    page: pi,
                    level: *level,
                    title: title.clone(),
                    y: sheet.y(*y),
                }),
            }
        }
        if sheet.crop_marks {
            pen.mark_as(Tag::Art(Artifact::Page), 0, &mut marked);
            crop_marks(&mut pen, sheet);
        }
        pen.close();
        pdf.pages.push(PdfPage {
            media_box: Rect::from_wh(Pt(sheet.media_w), Pt(sheet.media_h)),
            trim_box: Rect::from_wh(Pt(sheet.media_w), Pt(sheet.media_h)),
            crop_box: Rect::from_wh(Pt(sheet.media_w), Pt(sheet.media_h)),
            ops: links,
        });
        contents.push(pen.out.bytes);
    }
    Ok(Drawn {
        pdf,
        contents,
        fonts: fonts.into_values().collect(),
        anchors,
        images,
        marked,
    })
}

/// Remember where a figure is (layout coordinates → PDF), once per node.
#[allow(clippy::too_many_arguments)]
fn note_bbox(
    marked: &mut Marked,
    item: &Item,
    page: usize,
    sheet: &Sheet,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
) {
    if let Tag::Node(node) = item.tag {
        marked.bbox.entry(node).or_insert((
            page,
            [sheet.x(x), sheet.y(y + h), sheet.x(x + w), sheet.y(y)],
        ));
    }
}

/// Text turned about `(cx, cy)` (PDF coordinates), drawn see-through.
fn stamp(
    pen: &mut Pen,
    runs: &[TextRun],
    sheet: &Sheet,
    (cx, cy): (f32, f32),
    angle: f32,
    shaper: &Shaper,
    fonts: &BTreeMap<FaceId, (String, Arc<Subset>)>,
) {
    pen.end_text();
    let saved = (pen.fill, pen.stroke, pen.font);
    let (sin, cos) = angle.to_radians().sin_cos();
    pen.out.op("q");
    pen.out.name(DRAFT_GS).op("gs");
    pen.out
        .ratio(cos)
        .ratio(sin)
        .ratio(-sin)
        .ratio(cos)
        .num(cx)
        .num(cy)
        .op("cm");
    // Inside the turned frame, layout's y (down) is the frame's -y.
    let flat = Sheet {
        off: 0.0,
        trim_h: 0.0,
        ..*sheet
    };
    for r in runs {
        text(pen, r, shaper, &flat, fonts);
    }
    pen.end_text();
    pen.out.op("Q");
    (pen.fill, pen.stroke, pen.font) = saved;
}

fn text(
    pen: &mut Pen,
    run: &TextRun,
    shaper: &Shaper,
    sheet: &Sheet,
    fonts: &BTreeMap<FaceId, (String, Arc<Subset>)>,
) {
    let (Some(first), Some((tag, subset))) = (run.glyphs.first(), fonts.get(&run.face)) else {
        return;
    };
    pen.begin_text();
    if pen.font != Some((run.face, run.size)) {
        pen.out.name(tag).colour(run.size).op("Tf");
        pen.font = Some((run.face, run.size));
    }
    pen.set_fill(run.colour);
    pen.out
        .raw("1 0 0 1")
        .num(sheet.x(first.x))
        .num(sheet.y(run.baseline))
        .op("Tm");
    // Each glyph is followed by the adjustment that moves the viewer's pen
    // (which advances by the font's /W width) to where the shaper put the
    // next glyph: that is the kerning.
    let scale = 1000.0 / run.size;
    let glyphs = &run.glyphs;
    pen.out.show(glyphs.iter().enumerate().map(|(i, g)| {
        let offset = match glyphs.get(i + 1) {
            Some(next) => {
                let want = (next.x - g.x) * scale;
                let o = shaper.pdf_width(run.face, g.gid) - want;
                if o.abs() < 0.05 {
                    0.0
                } else {
                    (o * 100.0).round() / 100.0
                }
            }
            None => 0.0,
        };
        (subset.code(g.gid), offset)
    }));
}

fn crop_marks(pen: &mut Pen, sheet: &Sheet) {
    let gap = mark_offset(sheet.bleed);
    let len = 5.0 * MM;
    pen.set_stroke(Paint::REGISTRATION, 0.25);
    let (l, r) = (sheet.off, sheet.off + sheet.trim_w);
    let (b, t) = (sheet.off, sheet.off + sheet.trim_h);
    for &x in &[l, r] {
        for &y in &[b, t] {
            let sx = if x == l { -1.0 } else { 1.0 };
            let sy = if y == b { -1.0 } else { 1.0 };
            // horizontal mark, level with the trim edge
            pen.line(x + sx * gap, y, x + sx * (gap + len), y);
            // vertical mark
            pen.line(x, y + sy * gap, x, y + sy * (gap + len));
        }
    }
}
