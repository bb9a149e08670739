//! Escaping text for the markup the writers write: XML (the DOCX parts
//! careerpress writes itself, and the text it hands to docx-rs and to the
//! PDF's XMP packet) and HTML (the web page, and `serve`'s pages).
//!
//! One escaper with a small table of rules per format ([`Rules`]): the two
//! formats escape the same five characters and differ only in how they
//! spell the apostrophe and in which characters they cannot carry at all.
//! It lives here, in `document`, because writers never import each other
//! and every writer already depends on `document`: a leaf here is the one
//! place both the DOCX and the HTML writer (and the PDF writer's metadata)
//! may share.
//!
//! Values reach the writers as plain text (the template stage escaped them
//! for the *markup*, once; the markup parser turned them back into text),
//! so every piece of text is escaped exactly once, at the moment it is
//! written into a part or a page. Characters a format cannot carry are
//! dropped rather than escaped: they are invisible anyway, and one of them
//! makes Word refuse a whole document or a validator a whole page.

use std::borrow::Cow;

/// How one format escapes text.
pub(crate) struct Rules {
    /// What `'` becomes.
    apostrophe: &'static str,
    /// Whether the format can carry a character at all; the others are dropped.
    carries: fn(char) -> bool,
}

/// XML 1.0: `&apos;`, and C0 controls other than tab, line feed and
/// carriage return, and the non-characters U+FFFE and U+FFFF, dropped.
pub(crate) const XML: Rules = Rules {
    apostrophe: "&apos;",
    carries: is_xml_char,
};

/// HTML: `&#39;` (HTML 4 has no `&apos;`), and what an HTML parser reports
/// as an error dropped: C0 controls other than tab, line feed and carriage
/// return, DEL and the C1 controls, and the Unicode non-characters (`check`
/// warns about them in web and email addresses).
pub(crate) const HTML: Rules = Rules {
    apostrophe: "&#39;",
    carries: is_html_char,
};

impl Rules {
    /// Appends `s` escaped for element content or a double-quoted attribute
    /// value, without the characters the format cannot carry.
    pub(crate) fn escape_into(&self, out: &mut String, s: &str) {
        let mut start = 0;
        for (i, c) in s.char_indices() {
            let rep = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => self.apostrophe,
                // Printable ASCII: every format carries it.
                ' '..='~' => continue,
                c if (self.carries)(c) => continue,
                _ => "",
            };
            out.push_str(&s[start..i]);
            out.push_str(rep);
            start = i + c.len_utf8();
        }
        out.push_str(&s[start..]);
    }

    /// `s` escaped, as a new string.
    pub(crate) fn escape(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len() + 8);
        self.escape_into(&mut out, s);
        out
    }

    /// `s` without the characters the format cannot carry, not escaped: for
    /// libraries that escape markup themselves but pass such characters
    /// through (docx-rs, xmp-writer).
    pub(crate) fn clean<'a>(&self, s: &'a str) -> Cow<'a, str> {
        if s.chars().all(self.carries) {
            Cow::Borrowed(s)
        } else {
            Cow::Owned(s.chars().filter(|&c| (self.carries)(c)).collect())
        }
    }
}

/// Whether XML 1.0 can carry `c` at all. Lone surrogates cannot occur in a
/// `str`; the rest XML forbids cannot appear in a document even escaped.
fn is_xml_char(c: char) -> bool {
    !(((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// Whether an HTML parser takes `c` without reporting an error.
fn is_html_char(c: char) -> bool {
    let u = c as u32;
    matches!(c, '\t' | '\n' | '\r')
        || !(u < 0x20
            || (0x7F..=0x9F).contains(&u)
            || (0xFDD0..=0xFDEF).contains(&u)
            || u & 0xFFFE == 0xFFFE)
}

/// The XML rules as functions, for the DOCX writer and the PDF's metadata.
pub(crate) mod xml {
    use super::XML;
    use std::borrow::Cow;

    /// [`Rules::escape_into`](super::Rules::escape_into) for XML.
    pub(crate) fn escape_into(out: &mut String, s: &str) {
        XML.escape_into(out, s);
    }

    /// [`Rules::escape`](super::Rules::escape) for XML.
    pub(crate) fn escape(s: &str) -> String {
        XML.escape(s)
    }

    /// [`Rules::clean`](super::Rules::clean) for XML: every string
    /// careerpress hands to docx-rs goes through here first, because
    /// docx-rs escapes markup but passes such characters into the part,
    /// making the file unopenable. Losing an invisible control character
    /// is the lesser evil.
    pub(crate) fn clean(s: &str) -> Cow<'_, str> {
        XML.clean(s)
    }
}

/// The HTML rules as functions, for the HTML writer and `serve`.
pub(crate) mod html {
    use super::HTML;

    /// [`Rules::escape_into`](super::Rules::escape_into) for HTML.
    pub(crate) fn escape_into(out: &mut String, s: &str) {
        HTML.escape_into(out, s);
    }

    /// [`Rules::escape`](super::Rules::escape) for HTML.
    pub(crate) fn escape(s: &str) -> String {
        HTML.escape(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_drops_controls() {
        assert_eq!(
            xml::escape("a<b>&\"c'\u{1}\u{FFFF}\td"),
            "a&lt;b&gt;&amp;&quot;c&apos;\td"
        );
        assert_eq!(xml::escape("Llanelli — ŵ ŷ"), "Llanelli — ŵ ŷ");
    }

    #[test]
    fn cleaning_keeps_what_xml_can_carry() {
        assert!(matches!(xml::clean("ŵ ŷ\t\n😀"), Cow::Borrowed(_)));
        assert_eq!(xml::clean("bell\u{7} \u{1}x\u{FFFE}\u{FFFF}"), "bell x");
    }

    #[test]
    fn html_escapes_markup_and_drops_what_html_refuses() {
        assert_eq!(
            html::escape("a<b>&\"c'\u{1}\u{7F}\u{85}\u{FDD0}\u{FFFF}\u{1FFFE}\td\n"),
            "a&lt;b&gt;&amp;&quot;c&#39;\td\n"
        );
        assert_eq!(html::escape("Ffordd y Tŵr — ŷ"), "Ffordd y Tŵr — ŷ");
        assert_eq!(
            html::escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
    }
}
