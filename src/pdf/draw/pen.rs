//! The pen: per-page drawing state (colour and font set only on change)
//! and marked content, opened and closed as the items' tags change.

use std::collections::BTreeMap;

use printpdf::{
    Cmyk, Color, DictItem, Line, LinePoint, Op, PaintMode, Point, Polygon, PolygonRing, Pt, Rgb,
    WindingOrder,
};

use super::{Content, Kid, Marked};
use crate::pdf::fonts::FaceId;
use crate::pdf::layout::{Item, Paint};
use crate::pdf::tags::{Artifact, Tag, Tree};

/// A paint as the file wants it: CMYK in the press file (the brand's own
/// values, else converted), RGB on screen.
pub(super) fn colour(p: Paint, press: bool) -> Color {
    if press {
        let [c, m, y, k] = p
            .cmyk
            .unwrap_or_else(|| crate::pdf::images::rgb_to_cmyk(p.rgb));
        Color::Cmyk(Cmyk {
            c,
            m,
            y,
            k,
            icc_profile: None,
        })
    } else {
        Color::Rgb(Rgb {
            r: p.rgb[0],
            g: p.rgb[1],
            b: p.rgb[2],
            icc_profile: None,
        })
    }
}

pub(super) fn pt_point(x: f32, y: f32) -> Point {
    Point { x: Pt(x), y: Pt(y) }
}

pub(super) fn lp(x: f32, y: f32, bezier: bool) -> LinePoint {
    LinePoint {
        p: pt_point(x, y),
        bezier,
    }
}

/// A rounded rectangle in PDF coordinates (x, y = lower-left).
pub(super) fn round_rect(x: f32, y: f32, w: f32, h: f32, r: f32) -> Vec<LinePoint> {
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

pub(super) fn rect_ring(x: f32, y: f32, w: f32, h: f32) -> PolygonRing {
    PolygonRing {
        points: vec![
            lp(x, y, false),
            lp(x + w, y, false),
            lp(x + w, y + h, false),
            lp(x, y + h, false),
        ],
    }
}

/// Per-page drawing state, so colour and font ops are only emitted on
/// change, and marked content is opened and closed as tags change.
pub(super) struct Pen<'t> {
    pub(super) ops: Vec<Op>,
    pub(super) in_text: bool,
    pub(super) fill: Option<Paint>,
    pub(super) stroke: Option<(Paint, f32)>,
    pub(super) font: Option<(FaceId, f32)>,
    pub(super) press: bool,
    /// The tag of the open marked-content sequence.
    pub(super) open: Option<Tag>,
    pub(super) tree: &'t Tree,
    pub(super) page: usize,
}

fn name(s: &str) -> DictItem {
    DictItem::Name(s.as_bytes().to_vec())
}

/// The property list of an artifact's marked content.
fn artifact_properties(kind: Artifact) -> DictItem {
    let mut map = BTreeMap::new();
    let (ty, sub) = match kind {
        Artifact::Layout => ("Layout", None),
        Artifact::Footer => ("Pagination", Some("Footer")),
        Artifact::Watermark => ("Pagination", Some("Watermark")),
        Artifact::Page => ("Page", None),
    };
    map.insert("Type".to_string(), name(ty));
    if let Some(sub) = sub {
        map.insert("Subtype".to_string(), name(sub));
    }
    DictItem::Dict { map }
}

impl Pen<'_> {
    pub(super) fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    /// Close the open marked-content sequence (text objects never straddle
    /// one: each sequence opens outside text and closes after it).
    pub(super) fn close(&mut self) {
        self.end_text();
        if self.open.take().is_some() {
            self.ops.push(Op::EndMarkedContent);
        }
    }

    /// Make sure what comes next is marked as `item`'s tag: artifacts by
    /// kind, content as a new `/MCID` for its node.
    pub(super) fn mark(&mut self, item: &Item, marked: &mut Marked) {
        self.mark_as(item.tag, item.seq, marked);
    }

    pub(super) fn mark_as(&mut self, tag: Tag, seq: u32, marked: &mut Marked) {
        if self.open == Some(tag) {
            return;
        }
        self.close();
        match tag {
            Tag::Art(kind) => self.ops.push(Op::BeginMarkedContentWithProperties {
                tag: "Artifact".into(),
                properties: artifact_properties(kind),
            }),
            Tag::Node(node) => {
                let ids = &mut marked.mcids[self.page];
                let mcid = ids.len() as u32;
                ids.push(node);
                marked.content.push(Content {
                    node,
                    seq,
                    page: self.page,
                    kid: Kid::Mcid(mcid),
                });
                let role = self.tree.node(node).map_or("Span", |n| n.role.name());
                let mut map = BTreeMap::new();
                map.insert("MCID".to_string(), DictItem::Int(i64::from(mcid)));
                self.ops.push(Op::BeginMarkedContentWithProperties {
                    tag: role.into(),
                    properties: DictItem::Dict { map },
                });
            }
        }
        self.open = Some(tag);
    }

    pub(super) fn set_fill(&mut self, p: Paint) {
        if self.fill != Some(p) {
            self.ops.push(Op::SetFillColor {
                col: colour(p, self.press),
            });
            self.fill = Some(p);
        }
    }

    pub(super) fn set_stroke(&mut self, p: Paint, w: f32) {
        if self.stroke != Some((p, w)) {
            self.ops.push(Op::SetOutlineColor {
                col: colour(p, self.press),
            });
            self.ops.push(Op::SetOutlineThickness { pt: Pt(w) });
            self.stroke = Some((p, w));
        }
    }

    pub(super) fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![lp(x1, y1, false), lp(x2, y2, false)],
                is_closed: false,
            },
        });
    }

    pub(super) fn fill_rings(&mut self, rings: Vec<PolygonRing>) {
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings,
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }
}
