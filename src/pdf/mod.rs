//! PDF writer: lays out a [`Document`] itself on printpdf's ops API.

use crate::document::{Document, RenderError, Rendered, Theme, Writer};

#[derive(Default)]
pub struct PdfWriter {}

impl PdfWriter {
    pub fn new() -> Self {
        PdfWriter {}
    }
}

impl Writer for PdfWriter {
    fn extension(&self) -> &'static str {
        "pdf"
    }
    fn render(&self, _doc: &Document, _theme: &Theme) -> Result<Rendered, RenderError> {
        Err(RenderError::NotImplemented { format: "PDF" })
    }
}
