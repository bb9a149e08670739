//! The little XML this writer needs: which characters XML can carry,
//! cleaning text before it reaches docx-rs, and escaping for the parts
//! careerpress writes itself.
//!
//! Parts of our own are written straight into a `String`; their shape is
//! fixed and a string builder is both the fastest and the most predictable
//! way to get byte-identical output.

use std::borrow::Cow;

/// The XML declaration every part of our own starts with.
pub(crate) const DECLARATION: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Whether XML 1.0 can carry `c` at all. C0 controls other than tab, line
/// feed and carriage return, and the non-characters U+FFFE and U+FFFF,
/// cannot appear in a document even escaped (lone surrogates cannot occur
/// in a `str`). Word refuses a whole document for one of them.
pub(crate) fn is_xml_char(c: char) -> bool {
    !(((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// `s` without the characters XML cannot carry: every string careerpress
/// hands to docx-rs goes through here first, because docx-rs escapes markup
/// but passes such characters into the part, making the file unopenable.
/// Losing an invisible control character is the lesser evil.
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// Appends `s` escaped for element content or an attribute value, without
/// the characters XML cannot carry.
pub(crate) fn escape_into(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            c if is_xml_char(c) => continue,
            _ => "",
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

/// Appends `<name w:val="value"/>` (value escaped).
pub(crate) fn val_element(out: &mut String, name: &str, value: &str) {
    out.push('<');
    out.push_str(name);
    out.push_str(" w:val=\"");
    escape_into(out, value);
    out.push_str("\"/>");
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

    #[test]
    fn cleaning_keeps_what_xml_can_carry() {
        assert!(matches!(clean("ŵ ŷ\t\n😀"), Cow::Borrowed(_)));
        assert_eq!(clean("bell\u{7} \u{1}x\u{FFFE}\u{FFFF}"), "bell x");
        let mut out = String::new();
        val_element(&mut out, "w:tblCaption", "Q&A");
        assert_eq!(out, "<w:tblCaption w:val=\"Q&amp;A\"/>");
    }
}
