//! What a template may say about itself in its opening comment
//! (`{{!-- careerpress … --}}`): paper, body size, line width, bilingual
//! layout, print, mail. Read with the content's own YAML reader, so a
//! mistake gets the same plain words and its line in the template.

use serde::Deserialize;
use std::path::Path;

/// Settings a template may give in its opening comment.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// A4 or A5 (paged formats).
    #[serde(default)]
    pub paper: Option<crate::content::brand::PaperSize>,
    /// Body text size in points (6 to 72).
    #[serde(default, deserialize_with = "crate::content::types::finite_f32_opt")]
    pub body_pt: Option<f32>,
    /// Plain-text line width in columns (20 to 200).
    #[serde(default)]
    pub text_width: Option<usize>,
    /// With more than one language: `sections` or `columns`, over the
    /// brand's choice (a brand that asks for `separate` documents gets them).
    #[serde(default)]
    pub bilingual: Option<crate::content::brand::Bilingual>,
    /// Use the brand's print settings (bleed, crop marks).
    #[serde(default)]
    pub print: bool,
    /// A mail template (`careerpress mail`): it needs an applicant, so
    /// `build` leaves it out of the matrix.
    #[serde(default)]
    pub mail: bool,
    /// Page columns of a paged document: 1 sets the body in one column and
    /// stacks side-by-side `::: columns` (large print); as many as fit
    /// when left out.
    #[serde(default)]
    pub columns: Option<u8>,
    /// No text smaller than this, in points (footers, captions): 16 for
    /// large print.
    #[serde(default, deserialize_with = "crate::content::types::finite_f32_opt")]
    pub smallest_pt: Option<f32>,
    /// Line spacing in multiples of the text size (1 to 3; 1.4 when left
    /// out).
    #[serde(default, deserialize_with = "crate::content::types::finite_f32_opt")]
    pub leading: Option<f32>,
    /// The large-print edition of a document: a brand with
    /// `large_print: false` does not get it.
    #[serde(default)]
    pub large_print: bool,
    /// The vertical rhythm in ems of the body size (paged formats): any of
    /// `paragraph`, `list_item`, `heading_before`, `subheading_before`,
    /// `heading_after`, `box_around`, `box_padding`, `facts_row`, `leading`.
    #[serde(default)]
    pub spacing: Option<crate::document::Spacing>,
    /// Hyphenate running text (paged formats; on unless `false`).
    #[serde(default)]
    pub hyphenate: Option<bool>,
    /// Hyphenation's limits: `min_word`, `min_before`, `min_after`,
    /// `max_in_a_row`.
    #[serde(default)]
    pub hyphenation: Option<crate::document::Hyphenation>,
    /// The sides a paged document is designed for (2: one sheet printed on
    /// both sides); content that needs more is reported.
    #[serde(default)]
    pub sides: Option<u32>,
    /// Tighten the spacing (never the type) to stay within `sides`.
    #[serde(default)]
    pub fit: bool,
    /// How far `fit` may tighten: to this share of each gap (0.3 to 1; 0.5
    /// when left out).
    #[serde(default, deserialize_with = "crate::content::types::finite_f32_opt")]
    pub fit_min: Option<f32>,
}

/// Parses the optional `{{!-- careerpress … --}}` settings comment.
pub(super) fn settings(src: &str) -> Result<Settings, (usize, Option<usize>, String)> {
    let leading = src.len() - src.trim_start().len();
    let Some(rest) = src.trim_start().strip_prefix("{{!-- careerpress") else {
        return Ok(Settings::default());
    };
    // Lines of the settings count from the template's first line.
    let first_line = src[..leading].matches('\n').count() + 1;
    let at = |line: usize, column: Option<usize>, m: String| (first_line + line - 1, column, m);
    let body = rest.split_once("--}}").map(|(b, _)| b).ok_or_else(|| {
        at(
            1,
            None,
            "the settings comment is never closed with --}}".into(),
        )
    })?;
    if body.trim().is_empty() {
        return Ok(Settings::default());
    }
    let line_of = |key: &str| {
        body.lines()
            .position(|l| l.trim_start().starts_with(key))
            .map_or(1, |i| i + 1)
    };
    let s = crate::content::yaml::parse::<Settings>(Path::new("settings"), body.as_bytes())
        .map_err(|e| {
            let mut plain = e.clone();
            plain.line = None;
            plain.column = None;
            at(
                e.line.unwrap_or(1) as usize,
                e.column.map(|c| c as usize),
                format!(
                    "template settings: {}",
                    plain.to_string().trim_start_matches("settings:").trim()
                ),
            )
        })?;
    if let Some(pt) = s.body_pt.filter(|pt| !(6.0..=72.0).contains(pt)) {
        return Err(at(line_of("body_pt"), None, format!(
            "template settings: body_pt: {pt} is not a text size; give 6 to 72 points (11 or 12 is usual)"
        )));
    }
    if let Some(w) = s.text_width.filter(|w| !(20..=200).contains(w)) {
        return Err(at(line_of("text_width"), None, format!(
            "template settings: text_width: {w} columns is not a line width; give 20 to 200 (72 is usual)"
        )));
    }
    if let Some(n) = s.columns.filter(|n| !(1..=2).contains(n)) {
        return Err(at(line_of("columns"), None, format!(
            "template settings: columns: {n} is not a number of page columns; give 1 (one column, as large print asks) or 2"
        )));
    }
    if let Some(pt) = s.smallest_pt.filter(|pt| !(6.0..=72.0).contains(pt)) {
        return Err(at(line_of("smallest_pt"), None, format!(
            "template settings: smallest_pt: {pt} is not a text size; give 6 to 72 points (16 for large print)"
        )));
    }
    if let (Some(small), Some(body)) = (s.smallest_pt, s.body_pt) {
        if small > body {
            return Err(at(line_of("smallest_pt"), None, format!(
                "template settings: smallest_pt: {small} is larger than body_pt: {body}; the smallest text cannot be larger than the body"
            )));
        }
    }
    if let Some(l) = s.leading.filter(|l| !(1.0..=3.0).contains(l)) {
        return Err(at(line_of("leading"), None, format!(
            "template settings: leading: {l} is not a line spacing; give 1 to 3 times the text size (1.4 is usual, 1.5 for large print)"
        )));
    }
    if let Some(sp) = &s.spacing {
        for (name, v) in sp.values() {
            let ok = if name == "leading" {
                (1.0..=3.0).contains(&v)
            } else {
                (0.0..=6.0).contains(&v)
            };
            if !ok || !v.is_finite() {
                return Err(at(line_of(name), None, format!(
                    "template settings: spacing.{name}: {v} is not a gap in ems of the body size; give 0 to 6 (leading: 1 to 3)"
                )));
            }
        }
    }
    if let Some(h) = &s.hyphenation {
        if h.min_before == 0 || h.min_after == 0 || h.min_word < h.min_before + h.min_after {
            return Err(at(line_of("hyphenation"), None, format!(
                "template settings: hyphenation: min_word ({}) must be at least min_before ({}) + min_after ({}), each at least 1",
                h.min_word, h.min_before, h.min_after
            )));
        }
    }
    if let Some(k) = s.fit_min.filter(|k| !(0.3..=1.0).contains(k)) {
        return Err(at(line_of("fit_min"), None, format!(
            "template settings: fit_min: {k} is not a share of the gaps; give 0.3 to 1 (0.5 is usual)"
        )));
    }
    if let Some(n) = s.sides.filter(|n| !(1..=64).contains(n)) {
        return Err(at(line_of("sides"), None, format!(
            "template settings: sides: {n} is not a number of sides; give 1 to 64 (2 for one sheet printed on both sides)"
        )));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_comment() {
        let s = settings("{{!-- careerpress\npaper: A5\nbody_pt: 12\n--}}\nbody").unwrap();
        assert_eq!(s.paper, Some(crate::content::brand::PaperSize::A5));
        assert_eq!(s.body_pt, Some(12.0));
        assert_eq!(settings("no settings").unwrap(), Settings::default());
        let (line, _, message) =
            settings("{{!-- careerpress\npaper: A5\npapr: A5\n--}}").unwrap_err();
        assert_eq!(line, 3);
        assert!(message.contains("papr"), "{message}");
        let (line, _, message) = settings("{{!-- careerpress\nbody_pt: 200\n--}}").unwrap_err();
        assert_eq!(line, 2);
        assert!(message.contains("not a text size"), "{message}");
        let s = settings("{{!-- careerpress\nbody_pt: 16\ncolumns: 1\nsmallest_pt: 16\nleading: 1.5\nhyphenate: false\nlarge_print: true\n--}}").unwrap();
        assert_eq!(
            (s.columns, s.smallest_pt, s.leading),
            (Some(1), Some(16.0), Some(1.5))
        );
        assert_eq!((s.hyphenate, s.large_print), (Some(false), true));
        for (bad, line, words) in [
            ("columns: 3", 2, "page columns"),
            ("leading: 0.5", 2, "line spacing"),
            ("body_pt: 12\nsmallest_pt: 16", 3, "larger than body_pt"),
        ] {
            let (l, _, m) = settings(&format!("{{{{!-- careerpress\n{bad}\n--}}}}")).unwrap_err();
            assert_eq!(l, line, "{bad}");
            assert!(m.contains(words), "{m}");
        }
    }
}
