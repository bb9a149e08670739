//! The page in WordprocessingML's units: size, margins and the width text
//! may take, per paper size.
//!
//! Lengths in WordprocessingML are twips (1/20 pt, 1/1440 inch) for page
//! layout and EMUs (1/914400 inch) for pictures. A leaf of its own because
//! the body, the page header and the styles part (its right-aligned tab
//! stop) all measure against it; kept in `page.rs` it tied the styles part
//! to the header's pictures and patches.

use docx_rs::PageMargin;

use crate::document::Paper;

/// EMUs per millimetre.
pub(crate) const EMU_PER_MM: u64 = 36_000;
/// EMUs per twip.
pub(crate) const EMU_PER_TWIP: u64 = 635;

/// The page in twips.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Geometry {
    pub width: u32,
    pub height: u32,
    pub margin_x: u32,
    pub margin_top: u32,
    pub margin_bottom: u32,
    /// Distance of the header and footer from the page edge.
    pub header: u32,
    pub footer: u32,
    /// Width between the margins: what tables and pictures must fit in.
    pub text_width: u32,
    /// Height of the logo in the page header, in millimetres.
    pub logo_mm: u64,
}

impl Geometry {
    pub(crate) fn for_paper(paper: Paper) -> Self {
        let (width, height, margin_x, margin_top, margin_bottom, header, footer, logo_mm) =
            match paper {
                // 20 mm sides, room for a 16 mm logo above the text.
                Paper::A4 => (11_906, 16_838, 1_134, 1_701, 1_418, 567, 567, 16),
                // 15 mm sides on the smaller sheet.
                Paper::A5 => (8_391, 11_906, 851, 1_418, 1_247, 454, 454, 12),
            };
        Geometry {
            width,
            height,
            margin_x,
            margin_top,
            margin_bottom,
            header,
            footer,
            text_width: width - 2 * margin_x,
            logo_mm,
        }
    }

    /// The page size and margins, for docx-rs's section properties.
    pub(crate) fn margins(&self) -> PageMargin {
        let t = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
        PageMargin::new()
            .top(t(self.margin_top))
            .right(t(self.margin_x))
            .bottom(t(self.margin_bottom))
            .left(t(self.margin_x))
            .header(t(self.header))
            .footer(t(self.footer))
            .gutter(0)
    }
}
