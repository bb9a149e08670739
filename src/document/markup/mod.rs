//! Markup → blocks.
//!
//! Templates render *markup*: CommonMark (parsed with pulldown-cmark, tables
//! on) plus fenced `:::` directives for what Markdown lacks:
//!
//! | directive | kind | becomes |
//! | --- | --- | --- |
//! | `::: banner` … `:::` | container | [`Block::Banner`] |
//! | `::: facts [Title]` … `:::` | container; a bullet list of `**Label** value` items | [`Block::Facts`] |
//! | `::: box [Title]` … `:::` | container | [`Block::Callout`] |
//! | `::: columns` … `:::` | container of `::: column` … `:::` sections | [`Block::Columns`] |
//! | `::: qr URL [caption]` | one line | [`Block::Qr`] |
//! | `::: image NAME [alt text]` | one line | [`Block::Image`] |
//! | `::: pagebreak` | one line | [`Block::PageBreak`] |
//! | `::: lang TAG` … `:::` | container | [`Block::Lang`]: its blocks are in language `TAG` |
//!
//! Inline, `<span lang="TAG">…</span>` marks a passage in another language
//! ([`Inline::Lang`]); it is the only HTML the markup knows, and content values
//! can never make one, as they are escaped.
//! A line of only colons closes the innermost open container. Directive
//! arguments take backslash escapes, so escaped content values can be used in
//! them.

//!
//! `directives` reads the `:::` lines and hands each run of plain markup to
//! `commonmark`, which turns pulldown-cmark's events into blocks and
//! inlines; `escapes` holds the rules both follow for escaped text and
//! links.

mod commonmark;
mod directives;
mod escapes;

pub use escapes::{safe_url, unescape};

use super::Block;

/// A problem in rendered markup, with its 1-based line in the markup.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("markup line {line}: {message}")]
pub struct MarkupError {
    pub line: usize,
    pub message: String,
}

/// Parses markup into blocks.
pub fn parse(src: &str) -> Result<Vec<Block>, MarkupError> {
    let lines: Vec<&str> = src.lines().collect();
    let mut pos = 0;
    let blocks = directives::parse_flow(&lines, &mut pos, None, 0)?;
    Ok(blocks)
}

#[cfg(test)]
mod tests;
