//! Page geometry, the section properties, and the header and footer parts.
//!
//! Lengths in WordprocessingML are twips (1/20 pt, 1/1440 inch) for page
//! layout and EMUs (1/914400 inch) for pictures.

use std::fmt::Write as _;

use super::media::{Assets, Fit};
use super::rels::Rels;
use super::styles::id;
use super::xml::{escape_into, DECLARATION};
use crate::document::{Paper, Theme};

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

    /// `w:sectPr` for the body, pointing at header and footer relationships.
    pub(crate) fn push_sect_pr(&self, out: &mut String, header_rid: &str, footer_rid: &str) {
        let _ = write!(
            out,
            "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"{header_rid}\"/>\
<w:footerReference w:type=\"default\" r:id=\"{footer_rid}\"/>\
<w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>\
<w:cols w:space=\"708\"/></w:sectPr>",
            self.width,
            self.height,
            self.margin_top,
            self.margin_x,
            self.margin_bottom,
            self.margin_x,
            self.header,
            self.footer,
        );
    }
}

/// The namespaces a part with paragraphs, links and pictures needs.
pub(crate) const PART_NAMESPACES: &str =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

/// The page header: the trust's name on the left, its logo on the right
/// (NHS identity puts the logo top right), on every page.
pub(crate) fn header_xml(
    theme: &Theme,
    geometry: &Geometry,
    assets: &mut Assets,
    rels: &mut Rels,
) -> String {
    let mut s = String::with_capacity(2_000);
    s.push_str(DECLARATION);
    let _ = write!(
        s,
        "<w:hdr {PART_NAMESPACES}><w:p><w:pPr><w:pStyle w:val=\"{}\"/></w:pPr>",
        id::HEADER
    );
    s.push_str("<w:r><w:t xml:space=\"preserve\">");
    escape_into(&mut s, &theme.org_name);
    s.push_str("</w:t></w:r>");
    if let Some(logo) = theme.logo() {
        let fit = Fit {
            // Never wider than half the line, so the name keeps its room.
            max_width: u64::from(geometry.text_width) * EMU_PER_TWIP / 2,
            max_height: geometry.logo_mm * EMU_PER_MM,
            upscale: true,
        };
        let alt = if logo.alt.trim().is_empty() {
            format!("{} logo", theme.org_name)
        } else {
            logo.alt.clone()
        };
        if let Some(pic) = assets.picture(rels, "logo", logo, &alt, fit) {
            s.push_str("<w:r><w:tab/></w:r><w:r>");
            s.push_str(&pic);
            s.push_str("</w:r>");
        }
    }
    s.push_str("</w:p></w:hdr>");
    s
}

/// The page footer: the trust's contact line, then "Page N of M" from real
/// PAGE and NUMPAGES fields (Word and LibreOffice recompute them).
pub(crate) fn footer_xml(theme: &Theme, lang: &str) -> String {
    let (page, of) = if lang.to_ascii_lowercase().starts_with("cy") {
        ("Tudalen ", " o ")
    } else {
        ("Page ", " of ")
    };
    let mut s = String::with_capacity(1_500);
    s.push_str(DECLARATION);
    let _ = write!(s, "<w:ftr {PART_NAMESPACES}>");
    if !theme.footer.trim().is_empty() {
        let _ = write!(
            s,
            "<w:p><w:pPr><w:pStyle w:val=\"{}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">",
            id::FOOTER
        );
        escape_into(&mut s, &theme.footer);
        s.push_str("</w:t></w:r></w:p>");
    }
    let _ = write!(
        s,
        "<w:p><w:pPr><w:pStyle w:val=\"{}\"/></w:pPr>",
        id::FOOTER
    );
    let text = |s: &mut String, t: &str| {
        let _ = write!(s, "<w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r>");
    };
    let field = |s: &mut String, instr: &str| {
        let _ = write!(
            s,
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
<w:r><w:instrText xml:space=\"preserve\"> {instr} </w:instrText></w:r>\
<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\
<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        );
    };
    text(&mut s, page);
    field(&mut s, "PAGE");
    text(&mut s, of);
    field(&mut s, "NUMPAGES");
    s.push_str("</w:p></w:ftr>");
    s
}
