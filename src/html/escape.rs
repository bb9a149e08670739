//! The one HTML escaping helper of the HTML writer (and of `serve`'s pages).
//!
//! Values reach the writer as plain text (the template stage escaped them
//! for the *markup*, once; the markup parser turned them back into text), so
//! every piece of text is escaped here exactly once, at the moment it is
//! written into the page.

/// Appends `s` escaped for HTML text or a double-quoted attribute value.
///
/// Characters an HTML parser reports as errors (C0 controls other than tab,
/// line feed and carriage return, DEL and the C1 controls, and the Unicode
/// non-characters) are dropped: an HTML5 validator refuses a page for one of
/// them, and they are invisible anyway (`check` warns about them in web and
/// email addresses).
pub(crate) fn escape_into(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\t' | '\n' | '\r' => continue,
            c if is_unwanted(c) => "",
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
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(&mut out, s);
    out
}

/// Controls and non-characters, which HTML's parser reports as errors.
fn is_unwanted(c: char) -> bool {
    let u = c as u32;
    u < 0x20 || (0x7F..=0x9F).contains(&u) || (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_html_refuses() {
        assert_eq!(
            escape("a<b>&\"c'\u{1}\u{7F}\u{85}\u{FDD0}\u{FFFF}\u{1FFFE}\td\n"),
            "a&lt;b&gt;&amp;&quot;c&#39;\td\n"
        );
        assert_eq!(escape("Ffordd y Tŵr — ŷ"), "Ffordd y Tŵr — ŷ");
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
    }
}
