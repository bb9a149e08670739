//! DOCX writer on docx-rs.

use crate::document::{Document, RenderError, Rendered, Theme, Writer};

#[derive(Default)]
pub struct DocxWriter {}

impl DocxWriter {
    pub fn new() -> Self {
        DocxWriter {}
    }
}

impl Writer for DocxWriter {
    fn extension(&self) -> &'static str {
        "docx"
    }
    fn render(&self, _doc: &Document, _theme: &Theme) -> Result<Rendered, RenderError> {
        Err(RenderError::NotImplemented { format: "DOCX" })
    }
}
