//! The little XML this writer needs: escaping text and attribute values.
//!
//! Every part is written straight into a `String`; there is no DOM and no
//! XML library, because the parts are small, their shape is fixed and a
//! string builder is both the fastest and the most predictable way to get
//! byte-identical output.

/// The XML declaration every part starts with.
pub(crate) const DECLARATION: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Appends `s` escaped for element content or an attribute value.
///
/// Characters XML 1.0 cannot carry at all (C0 controls other than tab, line
/// feed and carriage return, lone surrogates cannot occur in a `str`, and the
/// non-characters U+FFFE/U+FFFF) are dropped: Word refuses a whole document
/// for one of them, so losing an invisible control character is the lesser
/// evil.
pub(crate) fn escape_into(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            '\t' | '\n' | '\r' => continue,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(rep);
        start = i + c.len_utf8();
    }
    out.push_str(&s[start..]);
}

/// `s` escaped, as a new string.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_controls() {
        assert_eq!(
            escape("a<b>&\"c'\u{1}\u{FFFF}\td"),
            "a&lt;b&gt;&amp;&quot;c&apos;\td"
        );
        assert_eq!(escape("Llanelli — ŵ ŷ"), "Llanelli — ŵ ŷ");
    }
}
