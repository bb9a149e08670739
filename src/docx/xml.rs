//! The little XML of its own this writer needs besides escaping (which is
//! [`crate::document::escape`], shared with the other writers): the
//! declaration every part starts with, and `w:val` elements.
//!
//! Parts of our own are written straight into a `String`; their shape is
//! fixed and a string builder is both the fastest and the most predictable
//! way to get byte-identical output.

use crate::document::escape::xml::escape_into;

/// The XML declaration every part of our own starts with.
pub(crate) const DECLARATION: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

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
    fn val_elements_escape_their_value() {
        let mut out = String::new();
        val_element(&mut out, "w:tblCaption", "Q&A");
        assert_eq!(out, "<w:tblCaption w:val=\"Q&amp;A\"/>");
    }
}
