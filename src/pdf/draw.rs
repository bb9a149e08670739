//! Pages of laid-out items → printpdf ops.
//!
//! printpdf names fonts and images from a process-wide counter, so two
//! documents built in parallel would differ byte-wise; every id here is
//! derived from content instead (font tags from a hash of the face and the
//! glyphs used, images numbered in order of first use).

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Actions, BorderArray, Cmyk, Color, ColorArray, CurTransMat, FontId, HighlightingMode, Line,
    LinePoint, LinkAnnotation, Op, PaintMode, PdfDocument, PdfFont, PdfFontHandle, PdfPage, Point,
    Polygon, PolygonRing, Pt, Rect, Rgb, TextItem, TextMatrix, WindingOrder, XObjectId,
    XObjectTransform,
};
use sha2::{Digest, Sha256};

use super::fonts::{FaceId, Shaper};
use super::layout::{Geometry, Item, Page, Paint, TextRun, MM};
use crate::document::PrintOptions;

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

/// The printpdf document plus what post-processing needs to know.
pub(crate) struct Drawn {
    pub(crate) pdf: PdfDocument,
    pub(crate) anchors: Vec<Anchor>,
    /// Image names in XObject order: `Im0`, `Im1`, …
    pub(crate) images: Vec<String>,
}

pub(crate) fn image_resource(i: usize) -> String {
    format!("Im{i}")
}

fn colour(p: Paint) -> Color {
    match p.cmyk {
        Some([c, m, y, k]) => Color::Cmyk(Cmyk {
            c,
            m,
            y,
            k,
            icc_profile: None,
        }),
        None => Color::Rgb(Rgb {
            r: p.rgb[0],
            g: p.rgb[1],
            b: p.rgb[2],
            icc_profile: None,
        }),
    }
}

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

fn pt_point(x: f32, y: f32) -> Point {
    Point { x: Pt(x), y: Pt(y) }
}

fn lp(x: f32, y: f32, bezier: bool) -> LinePoint {
    LinePoint {
        p: pt_point(x, y),
        bezier,
    }
}

/// A rounded rectangle in PDF coordinates (x, y = lower-left).
fn round_rect(x: f32, y: f32, w: f32, h: f32, r: f32) -> Vec<LinePoint> {
    let r = r.min(w / 2.0).min(h / 2.0).max(0.0);
    let k = r * 0.552_284_8;
    let (x1, y1) = (x + w, y + h);
    vec![
        lp(x + r, y, false),
        lp(x1 - r, y, false),
        lp(x1 - r + k, y, true),
        lp(x1, y + r - k, true),
        lp(x1, y + r, false),
        lp(x1, y1 - r, false),
        lp(x1, y1 - r + k, true),
        lp(x1 - r + k, y1, true),
        lp(x1 - r, y1, false),
        lp(x + r, y1, false),
        lp(x + r - k, y1, true),
        lp(x, y1 - r + k, true),
        lp(x, y1 - r, false),
        lp(x, y + r, false),
        lp(x, y + r - k, true),
        lp(x + r - k, y, true),
        lp(x + r, y, false),
    ]
}

fn rect_ring(x: f32, y: f32, w: f32, h: f32) -> PolygonRing {
    PolygonRing {
        points: vec![
            lp(x, y, false),
            lp(x + w, y, false),
            lp(x + w, y + h, false),
            lp(x, y + h, false),
        ],
    }
}

/// Per-page drawing state, so colour and font ops are only emitted on change.
struct Pen {
    ops: Vec<Op>,
    in_text: bool,
    fill: Option<Paint>,
    stroke: Option<(Paint, f32)>,
    font: Option<(FaceId, f32)>,
}

impl Pen {
    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    fn set_fill(&mut self, p: Paint) {
        if self.fill != Some(p) {
            self.ops.push(Op::SetFillColor { col: colour(p) });
            self.fill = Some(p);
        }
    }

    fn set_stroke(&mut self, p: Paint, w: f32) {
        if self.stroke != Some((p, w)) {
            self.ops.push(Op::SetOutlineColor { col: colour(p) });
            self.ops.push(Op::SetOutlineThickness { pt: Pt(w) });
            self.stroke = Some((p, w));
        }
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![lp(x1, y1, false), lp(x2, y2, false)],
                is_closed: false,
            },
        });
    }

    fn fill_rings(&mut self, rings: Vec<PolygonRing>) {
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings,
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }
}

/// Draw `pages` into a printpdf document (fonts registered, images left
/// for post-processing).
pub(crate) fn draw(pages: &[Page], shaper: &Shaper, sheet: &Sheet, title: &str) -> Drawn {
    let family = shaper.family;
    // Which glyphs each face uses decides its subset tag.
    let mut used: BTreeMap<FaceId, BTreeSet<u16>> = BTreeMap::new();
    for p in pages {
        for it in &p.items {
            if let Item::Text(r) = it {
                used.entry(r.face)
                    .or_default()
                    .extend(r.glyphs.iter().map(|g| g.gid));
            }
        }
    }
    let mut pdf = PdfDocument::new(title);
    let mut font_ids: BTreeMap<FaceId, FontId> = BTreeMap::new();
    let mut taken = Vec::new();
    for (face, gids) in &used {
        let tag = font_tag(&family.id, *face, gids, &taken);
        taken.push(tag.clone());
        let id = FontId(tag);
        pdf.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(family.face(*face).pdf.clone()));
        font_ids.insert(*face, id);
    }

    let mut anchors = Vec::new();
    let mut images: Vec<String> = Vec::new();
    for (pi, page) in pages.iter().enumerate() {
        let mut pen = Pen {
            ops: Vec::new(),
            in_text: false,
            fill: None,
            stroke: None,
            font: None,
        };
        for it in &page.items {
            match it {
                Item::Text(run) => text(&mut pen, run, shaper, sheet, &font_ids),
                Item::Rect { x, y, w, h, fill } => {
                    pen.end_text();
                    pen.set_fill(*fill);
                    pen.fill_rings(vec![rect_ring(sheet.x(*x), sheet.y(y + h), *w, *h)]);
                }
                Item::RoundRect {
                    x,
                    y,
                    w,
                    h,
                    r,
                    fill,
                } => {
                    pen.end_text();
                    pen.set_fill(*fill);
                    pen.fill_rings(vec![PolygonRing {
                        points: round_rect(sheet.x(*x), sheet.y(y + h), *w, *h, *r),
                    }]);
                }
                Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    colour,
                } => {
                    pen.end_text();
                    pen.set_stroke(*colour, *width);
                    pen.line(sheet.x(*x1), sheet.y(*y1), sheet.x(*x2), sheet.y(*y2));
                }
                Item::Image { name, x, y, w, h } => {
                    pen.end_text();
                    let idx = match images.iter().position(|n| n == name) {
                        Some(i) => i,
                        None => {
                            images.push(name.clone());
                            images.len() - 1
                        }
                    };
                    pen.ops.push(Op::SaveGraphicsState);
                    pen.ops.push(Op::SetTransformationMatrix {
                        matrix: CurTransMat::Raw([*w, 0.0, 0.0, *h, sheet.x(*x), sheet.y(y + h)]),
                    });
                    pen.ops.push(Op::UseXobject {
                        id: XObjectId(image_resource(idx)),
                        transform: XObjectTransform {
                            no_auto_scale: true,
                            ..XObjectTransform::default()
                        },
                    });
                    pen.ops.push(Op::RestoreGraphicsState);
                }
                Item::Qr {
                    x,
                    y,
                    module,
                    qr,
                    colour,
                } => {
                    pen.end_text();
                    pen.set_fill(*colour);
                    let rings = qr
                        .runs()
                        .into_iter()
                        .map(|(row, col, len)| {
                            let top = y + row as f32 * module;
                            rect_ring(
                                sheet.x(x + col as f32 * module),
                                sheet.y(top + module),
                                len as f32 * module,
                                *module,
                            )
                        })
                        .collect();
                    pen.fill_rings(rings);
                }
                Item::Link { x, y, w, h, url } => {
                    pen.ops.push(Op::LinkAnnotation {
                        link: LinkAnnotation::new(
                            Rect::from_xywh(Pt(sheet.x(*x)), Pt(sheet.y(y + h)), Pt(*w), Pt(*h)),
                            Actions::Uri(url.clone()),
                            Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                            Some(ColorArray::Transparent),
                            Some(HighlightingMode::Invert),
                        ),
                    });
                }
                Item::Anchor { level, title, y } => anchors.push(Anchor {
                    page: pi,
                    level: *level,
                    title: title.clone(),
                    y: sheet.y(*y),
                }),
            }
        }
        pen.end_text();
        if sheet.crop_marks {
            crop_marks(&mut pen, sheet);
        }
        pdf.pages.push(PdfPage {
            media_box: Rect::from_wh(Pt(sheet.media_w), Pt(sheet.media_h)),
            trim_box: Rect::from_wh(Pt(sheet.media_w), Pt(sheet.media_h)),
            crop_box: Rect::from_wh(Pt(sheet.media_w), Pt(sheet.media_h)),
            ops: pen.ops,
        });
    }
    Drawn {
        pdf,
        anchors,
        images,
    }
}

fn text(
    pen: &mut Pen,
    run: &TextRun,
    shaper: &Shaper,
    sheet: &Sheet,
    fonts: &BTreeMap<FaceId, FontId>,
) {
    let (Some(first), Some(font)) = (run.glyphs.first(), fonts.get(&run.face)) else {
        return;
    };
    if !pen.in_text {
        pen.ops.push(Op::StartTextSection);
        pen.in_text = true;
    }
    if pen.font != Some((run.face, run.size)) {
        pen.ops.push(Op::SetFont {
            font: PdfFontHandle::External(font.clone()),
            size: Pt(run.size),
        });
        pen.font = Some((run.face, run.size));
    }
    pen.set_fill(run.colour);
    pen.ops.push(Op::SetTextMatrix {
        matrix: TextMatrix::Translate(Pt(sheet.x(first.x)), Pt(sheet.y(run.baseline))),
    });
    // Each glyph is followed by the adjustment that moves the viewer's pen
    // (which advances by the font's /W width) to where the shaper put the
    // next glyph: that is the kerning.
    let scale = 1000.0 / run.size;
    let mut cps = Vec::with_capacity(run.glyphs.len());
    for (i, g) in run.glyphs.iter().enumerate() {
        let offset = match run.glyphs.get(i + 1) {
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
        cps.push(printpdf::Codepoint {
            gid: g.gid,
            offset,
            cid: Some(g.text.clone()),
        });
    }
    pen.ops.push(Op::ShowText {
        items: vec![TextItem::GlyphIds(cps)],
    });
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
