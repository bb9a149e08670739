//! The theme: everything about *how* a document looks that is not in the
//! document itself. Built by `pipeline` from a brand and a template's settings;
//! writers read it and never see the brand's YAML.

use std::collections::BTreeMap;
use std::sync::Arc;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#RRGGBB` (upper case).
    pub fn hex(self) -> String {
        format!("{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

/// A brand colour: RGB always, CMYK (0–100 %) when the brand gives one for print.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour {
    pub rgb: Rgb,
    pub cmyk: Option<[f32; 4]>,
}

impl Colour {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Colour {
            rgb: Rgb(r, g, b),
            cmyk: None,
        }
    }
}

/// The four faces of one font family, as TrueType/OpenType bytes. Shared
/// (`Arc`) by every document of a build; writers key their parse caches on
/// `id`.
#[derive(Debug, Clone)]
pub struct FontSet {
    /// Stable identity of this set within a build (e.g. its file paths).
    pub id: String,
    /// The family name Word should use, e.g. "Liberation Sans".
    pub family: String,
    pub regular: Arc<Vec<u8>>,
    pub bold: Arc<Vec<u8>>,
    pub italic: Arc<Vec<u8>>,
    pub bold_italic: Arc<Vec<u8>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
}

/// An image validated at load time (decodable, within pixel limits).
#[derive(Debug, Clone)]
pub struct ImageAsset {
    pub bytes: Arc<Vec<u8>>,
    pub format: ImageFormat,
    pub width_px: u32,
    pub height_px: u32,
    /// Alternative text for accessibility.
    pub alt: String,
}

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    A5,
}

impl Paper {
    /// Width and height in millimetres (portrait).
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A5 => (148.0, 210.0),
        }
    }
}

/// Which file a paged document is, and its professional print settings.
/// The default is the screen file: trim size, RGB.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PrintOptions {
    /// The press file (`<template>-print.pdf`): CMYK colours, the logo
    /// included, and an output intent naming the printing condition.
    pub press: bool,
    /// Bleed in millimetres (0 for none; 3 is the printers' usual).
    pub bleed_mm: f32,
    /// Draw crop marks outside the bleed.
    pub crop_marks: bool,
}

/// How easy a paged document is to read at a distance: set by a template
/// (`columns`, `smallest_pt`, `leading`), and what makes a large-print
/// edition large print (RNIB clear print: one column, no text under 16 pt,
/// generous line spacing).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Legibility {
    /// Page columns: `Some(1)` sets the body in one column and stacks
    /// side-by-side `::: columns`; `None` as many as fit (two on A4).
    pub columns: Option<u8>,
    /// No text smaller than this, in points (footers, captions); 0 for the
    /// writer's own smallest size.
    pub smallest_pt: f32,
}

impl Default for Legibility {
    fn default() -> Self {
        Legibility {
            columns: None,
            smallest_pt: 0.0,
        }
    }
}

/// How documents of one brand and template look.
#[derive(Debug, Clone)]
pub struct Theme {
    /// The trust's full name, e.g. "Riverside Hospitals NHS Foundation Trust".
    pub org_name: String,
    pub org_short_name: String,
    /// Main brand colour (bands, headings).
    pub primary: Colour,
    /// Second colour (rules, accents).
    pub secondary: Colour,
    /// Tint for shaded boxes.
    pub shade: Colour,
    /// Body text colour.
    pub text: Colour,
    pub fonts: Arc<FontSet>,
    /// Images documents may use by name; `logo` is the trust's logo.
    pub images: BTreeMap<String, Arc<ImageAsset>>,
    pub paper: Paper,
    pub print: PrintOptions,
    /// Body text size in points.
    pub body_pt: f32,
    /// A short line for running footers (PDF) and page footers (DOCX),
    /// e.g. the service's contact details.
    pub footer: String,
    /// Plain-text line width in columns.
    pub text_width: usize,
    /// Columns, smallest text and line spacing (paged documents).
    pub legibility: Legibility,
    /// The vertical rhythm (paged documents).
    pub spacing: super::Spacing,
    /// Hyphenation of running text (paged documents).
    pub hyphenation: super::Hyphenation,
    /// The sides a paged document is designed for, and `fit`.
    pub sides: super::Sides,
    /// Put typographic apostrophes, quotation marks and dashes in the text
    /// (see [`super::typography`]); plain text only when the brand asks.
    pub typographic: bool,
}

impl Theme {
    pub fn logo(&self) -> Option<&ImageAsset> {
        self.images.get("logo").map(|a| a.as_ref())
    }
}

#[cfg(test)]
impl Theme {
    /// A theme with no font bytes, for writers that draw no glyphs (text).
    pub(crate) fn for_tests(text_width: usize) -> Theme {
        let empty = Arc::new(Vec::new());
        Theme {
            org_name: "Test Trust".into(),
            org_short_name: "Test".into(),
            primary: Colour::rgb(0, 0x52, 0x93),
            secondary: Colour::rgb(0, 0xA9, 0xCE),
            shade: Colour::rgb(0xE8, 0xF1, 0xF8),
            text: Colour::rgb(0x23, 0x1F, 0x20),
            fonts: Arc::new(FontSet {
                id: "none".into(),
                family: "None".into(),
                regular: empty.clone(),
                bold: empty.clone(),
                italic: empty.clone(),
                bold_italic: empty,
            }),
            images: BTreeMap::new(),
            paper: Paper::A4,
            print: PrintOptions::default(),
            body_pt: 11.0,
            footer: String::new(),
            text_width,
            legibility: Legibility::default(),
            spacing: super::Spacing::default(),
            hyphenation: super::Hyphenation::default(),
            sides: super::Sides::default(),
            typographic: false,
        }
    }
}
