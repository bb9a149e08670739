//! Page geometry and the type scale.

use super::MM;
use crate::document::{Legibility, Paper, Spacing};

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
    /// No text is set smaller (the theme's `smallest_pt`; 0 for none).
    pub(crate) smallest: f32,
    /// Space between paragraphs.
    pub(crate) gap: f32,
    /// The theme's vertical rhythm in points (see [`Spacing`]).
    pub(crate) list_item: f32,
    pub(crate) heading_before: f32,
    pub(crate) subheading_before: f32,
    pub(crate) heading_after: f32,
    pub(crate) box_around: f32,
    pub(crate) box_padding: f32,
    pub(crate) facts_row: f32,
    /// The longest line of running text (paragraphs, list items): about
    /// 70 characters, whatever the paper.
    pub(crate) measure: f32,
}

impl Sizes {
    pub(crate) fn new(body_pt: f32, paper: Paper, legibility: &Legibility, sp: &Spacing) -> Sizes {
        let body = if body_pt.is_finite() {
            body_pt.clamp(8.0, 20.0)
        } else {
            12.0
        };
        let h1 = match paper {
            Paper::A4 => body * 2.25,
            Paper::A5 => body * 1.8,
        };
        let smallest = if legibility.smallest_pt.is_finite() {
            legibility.smallest_pt.clamp(0.0, body)
        } else {
            0.0
        };
        let leading = if sp.leading.is_finite() {
            sp.leading.clamp(1.0, 3.0)
        } else {
            Spacing::default().leading
        };
        Sizes {
            body,
            leading: body * leading,
            h1,
            h2: body * 1.4,
            h3: body * 1.12,
            small: (body * 0.75).max(8.0).max(smallest),
            smallest,
            gap: body * sp.paragraph,
            list_item: body * sp.list_item,
            heading_before: body * sp.heading_before,
            subheading_before: body * sp.subheading_before,
            heading_after: body * sp.heading_after,
            box_around: body * sp.box_around,
            box_padding: body * sp.box_padding,
            facts_row: body * sp.facts_row,
            measure: body * DESIGN.measure_em,
        }
    }
}

/// Design values of the PDF layout that are not part of the type scale,
/// in one place so a designer can tune them without reading layout code.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Design {
    /// Longest line of running text, in ems of the body size. Comfortable
    /// reading wants 45 to 75 characters a line; Liberation Sans (and Arial)
    /// sets English at about 0.47 em a character, so 32 em is about 68
    /// characters and no line passes 75.
    pub(crate) measure_em: f32,
    /// The body runs in two columns when two of at least this many ems of
    /// the body size fit side by side (A4 at 11 pt: two columns of about
    /// 46 characters, where one would be 90), else in one.
    pub(crate) min_column_em: f32,
    /// Space between page columns.
    pub(crate) column_gutter_mm: f32,
    /// Side-by-side `::: columns` narrower than this many ems each are
    /// stacked instead (inside a page column, say).
    pub(crate) min_nested_column_em: f32,
    /// A QR code's side on A4, quiet zone included (smaller on A5).
    pub(crate) qr_mm: f32,
    /// The smallest module a phone camera reads reliably at arm's length.
    pub(crate) qr_min_module_mm: f32,
    /// Narrowest column worth printing a QR code's caption and address in
    /// beside the code; narrower, they go under it.
    pub(crate) qr_text_min_mm: f32,
    /// A footer line that does not fit beside the name and page number may
    /// shrink to this share of the footer size (but not below
    /// `footer_min_pt`) before it gets a row of its own.
    pub(crate) footer_min_scale: f32,
    pub(crate) footer_min_pt: f32,
    /// The DRAFT marks: the strip's words, the diagonal word, its opacity.
    pub(crate) draft_opacity: f32,
}

pub(crate) const DESIGN: Design = Design {
    measure_em: 32.0,
    min_column_em: 20.0,
    column_gutter_mm: 6.0,
    min_nested_column_em: 12.0,
    qr_mm: 30.0,
    qr_min_module_mm: 0.4,
    qr_text_min_mm: 32.0,
    footer_min_scale: 0.88,
    footer_min_pt: 7.0,
    draft_opacity: 0.16,
};
