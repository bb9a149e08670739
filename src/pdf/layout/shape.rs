//! Paragraph text, step two: styled spans → shaped glyphs.
//!
//! Each span (a run of one face) is shaped once with rustybuzz, so kerning
//! and ligatures are the font's own; a character no face can draw becomes
//! a visible fallback and is remembered for the warning. The glyphs carry
//! what line breaking ([`super::lines`]) needs: advance, cluster, and
//! whether they are a space or a hard break.

use std::collections::BTreeSet;

use super::spans::StyledText;
use crate::pdf::fonts::{FaceId, Shaped, Shaper};

/// A glyph placed on a line, before the line is positioned on the page.
#[derive(Clone, Debug)]
pub(super) struct Glyph {
    pub(super) gid: u16,
    pub(super) cluster: usize,
    pub(super) cluster_end: usize,
    /// Advance in points (kerning included).
    pub(super) adv: f32,
    pub(super) x_off: f32,
    pub(super) span: usize,
    pub(super) space: bool,
    pub(super) newline: bool,
}

/// Characters no face could draw, collected across a document.
pub(crate) type Missing = BTreeSet<char>;

/// The character put in place of one the fonts lack: U+FFFD, which a
/// font without it draws as its .notdef glyph (a box) and which copies
/// and searches as the Unicode replacement character.
const FALLBACK: char = '\u{FFFD}';

fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// Replace characters the span's face cannot draw with a visible fallback
/// and remember them for the warning.
fn substitute_missing(shaper: &Shaper, text: &mut StyledText, missing: &mut Missing) {
    let mut out = String::with_capacity(text.text.len());
    let mut spans = Vec::with_capacity(text.spans.len());
    for i in 0..text.spans.len() {
        let (start, style) = &text.spans[i];
        let end = text.span_end(i);
        spans.push((out.len(), style.clone()));
        for c in text.text[*start..end].chars() {
            if c == '\n' || c == ' ' || shaper.covers(style.face, c) {
                out.push(c);
            } else if is_invisible(c) {
                // joiners, variation selectors: nothing to draw
            } else {
                missing.insert(c);
                out.push(FALLBACK);
            }
        }
    }
    text.text = out;
    text.spans = spans;
}

/// `text` with the characters its faces lack replaced ([`substitute_missing`]),
/// shaped at `size` pt.
pub(super) fn shaped(
    shaper: &Shaper,
    text: &mut StyledText,
    size: f32,
    missing: &mut Missing,
) -> Vec<Glyph> {
    substitute_missing(shaper, text, missing);
    shape_all(shaper, text, size)
}

/// The space glyph of each face.
pub(super) fn space_glyphs(shaper: &Shaper) -> [u16; 4] {
    FaceId::ALL.map(|f| shaper.glyph(f, ' '))
}

fn shape_all(shaper: &Shaper, text: &StyledText, size: f32) -> Vec<Glyph> {
    let mut out = Vec::with_capacity(text.text.len());
    let mut shaped: Vec<Shaped> = Vec::new();
    for (i, (start, style)) in text.spans.iter().enumerate() {
        let end = text.span_end(i);
        let slice = &text.text[*start..end];
        shaper.shape(style.face, slice, &mut shaped);
        let upm = shaper.family.face(style.face).units_per_em;
        let scale = size / upm;
        let first = out.len();
        for s in &shaped {
            let cluster = *start + s.cluster as usize;
            let c = text.text[cluster..].chars().next().unwrap_or(' ');
            out.push(Glyph {
                gid: s.gid,
                cluster,
                cluster_end: end,
                adv: advance(shaper, style.face, s, upm) * size / 1000.0,
                x_off: s.x_offset as f32 * scale,
                span: i,
                space: c.is_whitespace(),
                newline: c == '\n',
            });
        }
        // A cluster ends where the next (different) cluster starts; the
        // text of a cluster goes to its first glyph only, so copied text
        // is not doubled when one character becomes two glyphs.
        let mut k = out.len();
        let mut next_start = end;
        while k > first {
            k -= 1;
            let c = out[k].cluster;
            out[k].cluster_end = next_start;
            if k > first && out[k - 1].cluster == c {
                out[k].cluster_end = c;
            } else {
                next_start = c;
            }
        }
    }
    // Newlines draw nothing and take no room.
    for g in &mut out {
        if g.newline {
            g.adv = 0.0;
        }
    }
    out
}

/// A glyph's advance in thousandths of an em: the width the PDF's `/W`
/// array gives it (whole thousandths) plus the shaper's kerning, so that
/// only real kerning needs an adjustment in the content stream.
fn advance(shaper: &Shaper, face: FaceId, s: &Shaped, upm: f32) -> f32 {
    let kern = (s.x_advance - shaper.advance_units(face, s.gid)) as f32;
    shaper.pdf_width(face, s.gid) + kern * 1000.0 / upm
}
