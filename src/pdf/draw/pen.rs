//! The pen: per-page drawing state (colour and font set only on change)
//! and marked content, opened and closed as the items' tags change.

use super::stream::Stream;
use super::{Content, Kid, Marked};
use crate::pdf::colour::{rgb_to_cmyk, Paint};
use crate::pdf::fonts::FaceId;
use crate::pdf::layout::Item;
use crate::pdf::tags::{Artifact, Tag, Tree};

/// A point of a path: `bezier` marks a control point (two of them, then
/// the end point, make a curve).
#[derive(Clone, Copy, Debug)]
pub(super) struct LinePoint {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) bezier: bool,
}

pub(super) fn lp(x: f32, y: f32, bezier: bool) -> LinePoint {
    LinePoint { x, y, bezier }
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

/// Per-page drawing state, so colour and font ops are only emitted on
/// change, and marked content is opened and closed as tags change.
pub(super) struct Pen<'t> {
    pub(super) out: Stream,
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

/// The property list of an artifact's marked content.
fn artifact_properties(kind: Artifact) -> &'static str {
    match kind {
        Artifact::Layout => "<</Type /Layout>>",
        Artifact::Footer => "<</Subtype /Footer /Type /Pagination>>",
        Artifact::Watermark => "<</Subtype /Watermark /Type /Pagination>>",
        Artifact::Page => "<</Type /Page>>",
    }
}

impl<'t> Pen<'t> {
    pub(super) fn new(tree: &'t Tree, page: usize, press: bool) -> Pen<'t> {
        Pen {
            out: Stream::default(),
            in_text: false,
            fill: None,
            stroke: None,
            font: None,
            press,
            open: None,
            tree,
            page,
        }
    }
}

impl Pen<'_> {
    pub(super) fn begin_text(&mut self) {
        if !self.in_text {
            self.out.op("BT");
            self.in_text = true;
        }
    }

    pub(super) fn end_text(&mut self) {
        if self.in_text {
            self.out.op("ET");
            self.in_text = false;
        }
    }

    /// Close the open marked-content sequence (text objects never straddle
    /// one: each sequence opens outside text and closes after it).
    pub(super) fn close(&mut self) {
        self.end_text();
        if self.open.take().is_some() {
            self.out.op("EMC");
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
            Tag::Art(kind) => {
                self.out
                    .name("Artifact")
                    .raw(artifact_properties(kind))
                    .op("BDC");
            }
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
                self.out.name(role).raw("<</MCID").int(mcid).op(">> BDC");
            }
        }
        self.open = Some(tag);
    }

    /// A paint as the file wants it: CMYK in the press file (the brand's
    /// own values, else converted), RGB on screen.
    fn paint(&mut self, p: Paint, rgb_op: &str, cmyk_op: &str) {
        if self.press {
            let cmyk = p.cmyk.unwrap_or_else(|| rgb_to_cmyk(p.rgb));
            for v in cmyk {
                self.out.colour(v);
            }
            self.out.op(cmyk_op);
        } else {
            for v in p.rgb {
                self.out.colour(v);
            }
            self.out.op(rgb_op);
        }
    }

    pub(super) fn set_fill(&mut self, p: Paint) {
        if self.fill != Some(p) {
            self.paint(p, "rg", "k");
            self.fill = Some(p);
        }
    }

    pub(super) fn set_stroke(&mut self, p: Paint, w: f32) {
        if self.stroke != Some((p, w)) {
            self.paint(p, "RG", "K");
            self.out.num(w).op("w");
            self.stroke = Some((p, w));
        }
    }

    pub(super) fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.out.num(x1).num(y1).op("m");
        self.out.num(x2).num(y2).op("l");
        self.out.op("S");
    }

    /// Fill rectangles (x, y = lower-left, w, h), nonzero winding.
    pub(super) fn fill_rects(&mut self, rects: impl IntoIterator<Item = [f32; 4]>) {
        for [x, y, w, h] in rects {
            self.out.num(x).num(y).num(w).num(h).op("re");
        }
        self.out.op("f");
    }

    /// Fill one closed path; two control points then an end point make a
    /// curve.
    pub(super) fn fill_path(&mut self, points: &[LinePoint]) {
        let Some(first) = points.first() else {
            return;
        };
        self.out.num(first.x).num(first.y).op("m");
        let mut i = 1;
        while i < points.len() {
            let p = points[i];
            if p.bezier && i + 2 < points.len() && points[i + 1].bezier {
                for q in &points[i..i + 3] {
                    self.out.num(q.x).num(q.y);
                }
                self.out.op("c");
                i += 3;
            } else {
                self.out.num(p.x).num(p.y).op("l");
                i += 1;
            }
        }
        self.out.op("h");
        self.out.op("f");
    }
}
