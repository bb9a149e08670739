//! careerpress: canonical careers content → branded PDF leaflets, DOCX
//! handouts and plain-text summaries.
//!
//! The pipeline runs one way (see `DESIGN.md`):
//! `content` (YAML → model) → `template` (Handlebars → markup) →
//! `document` (markup → [`document::Document`]) → writers (`text`, `pdf`,
//! `docx`) → bytes; `build` runs the matrix and writes files atomically.

pub mod authoring;
pub mod build;
pub mod cli;
pub mod content;
pub mod document;
pub mod docx;
#[doc(hidden)]
pub mod fuzzing;
pub mod mail;
pub mod pdf;
pub mod template;
pub mod text;
