//! The document body being built: the state every body file writes into
//! (`blocks.rs` blocks, `tables.rs` tables, `inlines.rs` runs and links),
//! and the paragraph every one of them starts from.
//!
//! A module of its own so the body files depend on it and not on each
//! other's state: blocks contain inlines, so `blocks.rs` uses
//! `inlines.rs`, and nothing here or in `inlines.rs` needs a block.

use docx_rs::{Paragraph, ParagraphProperty, ParagraphStyle, Table};

use super::geometry::Geometry;
use super::ids::Ids;
use super::media::{Media, QrCache};
use super::numbering::Lists;
use super::patch::{mark, Marker, TableNote};
use super::PartNotes;
use crate::document::{Labels, Theme};

/// One block-level item of a body or a table cell.
pub(crate) enum Flow {
    /// Boxed: a docx-rs paragraph is over 2 kB, a table over 600 bytes.
    Para(Box<Paragraph>),
    Table(Box<Table>),
}

/// Where blocks are being written.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    /// Width available, in twips.
    pub width: u32,
}

/// The document body being built, plus everything it registers on the
/// way (numbered lists, pictures and tables for the patches, warnings).
pub(crate) struct Body<'a> {
    pub(crate) theme: &'a Theme,
    pub(crate) geometry: Geometry,
    pub(crate) ids: &'a mut Ids,
    pub(crate) media: &'a mut Media,
    pub(crate) labels: Labels,
    pub(crate) lists: Lists,
    /// The body part's notes for the patches and its relationships.
    pub(crate) part: PartNotes,
    pub(crate) tables: Vec<TableNote>,
    pub(crate) warnings: Vec<String>,
    /// Subtracted from heading levels so the top level in the document is
    /// Heading 1 (templates may start sections at `##`).
    pub(super) heading_shift: u8,
    /// The last heading so far: its level (after the shift) and text. A
    /// box title is a heading at its level; a table's caption is its text.
    pub(crate) last_heading: Option<(u8, String)>,
    /// The language of the text being written, as Word names it, when a
    /// `Lang` block or span set one.
    pub(crate) lang: Option<String>,
    source: &'a str,
    pub(super) qr_cache: &'a QrCache,
}

impl<'a> Body<'a> {
    pub(crate) fn new(
        theme: &'a Theme,
        geometry: Geometry,
        ids: &'a mut Ids,
        media: &'a mut Media,
        labels: Labels,
        source: &'a str,
        qr_cache: &'a QrCache,
    ) -> Self {
        Body {
            theme,
            geometry,
            ids,
            media,
            labels,
            lists: Lists::default(),
            part: PartNotes::default(),
            tables: Vec::new(),
            warnings: Vec::new(),
            heading_shift: 0,
            last_heading: None,
            lang: None,
            source,
            qr_cache,
        }
    }

    pub(crate) fn warn(&mut self, message: String) {
        if self.source.is_empty() {
            self.warnings.push(message);
        } else {
            self.warnings.push(format!("{}: {message}", self.source));
        }
    }

    /// A new paragraph in `style` ("" for Normal) with its own id, marked
    /// with the current language.
    pub(crate) fn paragraph(&mut self, style: &str) -> Paragraph {
        // Made directly rather than by `Paragraph::new`, which formats an id
        // from docx-rs's thread-local counter only to have it replaced.
        let mut property = ParagraphProperty::new();
        if let Some(style) = self.style_id(style) {
            property.style = Some(ParagraphStyle::new(Some(style)));
        }
        Paragraph {
            id: self.ids.paragraph(),
            children: Vec::new(),
            property,
            has_numbering: false,
        }
    }

    /// The style id to give docx-rs for `style` ("" for none) in the
    /// current language: the style itself, or the style with a language
    /// marker; `None` for no style at all.
    pub(crate) fn style_id(&mut self, style: &str) -> Option<String> {
        match &self.lang {
            Some(lang) => {
                self.part.notes.markers += 1;
                Some(mark(style, &Marker::Lang(lang.clone())))
            }
            None if style.is_empty() => None,
            None => Some(style.to_owned()),
        }
    }
}
