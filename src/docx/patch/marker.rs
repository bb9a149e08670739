//! Markers: how the body builder tells the patches what docx-rs cannot
//! write, through docx-rs itself.
//!
//! docx-rs has no `w:lang` on runs, and no `w:tblLook`, `w:tblCaption`,
//! `w:tblDescription` or `w:tblHeader` on tables. It does write a style id
//! verbatim, so the builder appends a marker to the style id of the run,
//! paragraph or table concerned (`Hyperlink#Lcy-GB`, `KeyFacts#T3`), and
//! [`super::rewrite`] removes every marker again, writing what it stands
//! for in its place. Style ids are careerpress's own, never content, so a
//! marker cannot be forged by a job profile; a marker left behind is an
//! error, never silent output.

/// Separates a style id from its marker. Never part of a style id of ours.
const SEP: char = '#';

/// What a marker asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Marker {
    /// The run (or, on a paragraph style, the paragraph mark) is in this
    /// language, as Word names it (`cy-GB`).
    Lang(String),
    /// The table described by the writer's table note at this index.
    Table(usize),
}

/// `style` carrying `marker`; `style` may be empty (no style).
pub(crate) fn mark(style: &str, marker: &Marker) -> String {
    match marker {
        Marker::Lang(lang) => format!("{style}{SEP}L{lang}"),
        Marker::Table(i) => format!("{style}{SEP}T{i}"),
    }
}

/// A style id as docx-rs wrote it, split into the real style id and its
/// marker. `Err` for a marker this writer never makes.
pub(crate) fn parse(val: &str) -> Result<(&str, Option<Marker>), String> {
    let Some((style, marker)) = val.split_once(SEP) else {
        return Ok((val, None));
    };
    let bad = || format!("unknown marker {marker:?} on style {style:?}");
    let marker = match marker.split_at_checked(1) {
        Some(("L", lang)) if crate::document::is_language_tag(lang) => {
            Marker::Lang(lang.to_owned())
        }
        Some(("T", i)) => Marker::Table(i.parse().map_err(|_| bad())?),
        _ => return Err(bad()),
    };
    Ok((style, Some(marker)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_round_trip() {
        for (style, marker) in [
            ("Hyperlink", Marker::Lang("cy-GB".into())),
            ("", Marker::Lang("en-GB".into())),
            ("KeyFacts", Marker::Table(12)),
        ] {
            let val = mark(style, &marker);
            assert_eq!(parse(&val).unwrap(), (style, Some(marker)));
        }
        assert_eq!(parse("Heading1").unwrap(), ("Heading1", None));
        assert!(parse("Heading1#Lnot a tag").is_err());
        assert!(parse("x#Tten").is_err());
        assert!(parse("x#").is_err());
    }
}
