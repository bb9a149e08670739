//! Escaping, once, where a value from the content enters the markup: a
//! value can never format itself or start a block.

/// Escapes a value for the markup: every ASCII punctuation character gets
/// a backslash (CommonMark allows that for all of them), and runs of white
/// space, line breaks included, become one space, so a value can neither
/// format itself nor start a new block.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_content_literal() {
        assert_eq!(escape_markup("*a* #b_"), "\\*a\\* \\#b\\_");
        assert_eq!(escape_markup("  two\n\nlines "), "two lines");
        assert_eq!(escape_markup("£18,200"), "£18\\,200");
        let parsed =
            crate::document::markup::parse(&escape_markup("# {{x}} [a](b) 1. *x*")).unwrap();
        assert_eq!(
            parsed,
            vec![crate::document::Block::Paragraph(vec![
                crate::document::Inline::Text("# {{x}} [a](b) 1. *x*".into())
            ])]
        );
    }
}
