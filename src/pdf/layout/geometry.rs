//! Page geometry and the type scale.

use super::MM;
use crate::document::Paper;

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
