//! careerpress: canonical careers content → branded PDF leaflets, DOCX
//! handouts and plain-text summaries.
//!
//! The pipeline runs one way (see `DESIGN.md`):
//! `content` (YAML → model) → `template` (Handlebars → markup) →
//! `document` (markup → [`document::Document`]) → writers (`text`, `pdf`,
//! `docx`, `html`) → bytes; `pipeline` plans the run, hands each document
//! to its writer and writes files atomically.

pub mod authoring;
pub mod cli;
pub mod content;
pub mod diagnostic;
pub mod document;
pub mod docx;
#[doc(hidden)]
pub mod fuzzing;
pub mod html;
pub mod mail;
pub mod pdf;
pub mod pipeline;
pub mod safe_fs;
pub mod serve;
pub mod template;
pub mod text;

/// Bytes as lower-case hex (digests, ids): the one place it is done.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}
