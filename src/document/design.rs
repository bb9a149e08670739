//! Design values a template may set in its settings comment: the vertical
//! rhythm, hyphenation, and how many sides a paged document is made for.
//! Part of the [`Theme`](super::Theme); writers read them, and nothing in a
//! writer hard-codes a gap it could take from here.

use serde::Deserialize;

/// The vertical rhythm, in ems of the body size, so it grows and shrinks
/// with the type: every gap between blocks comes from here, the same
/// wherever the block stands (a list in a column, a list under a heading).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Spacing {
    /// Between paragraphs, and between a paragraph and a list, table or
    /// columns.
    pub paragraph: f32,
    /// Between the items of a list (added to the line spacing).
    pub list_item: f32,
    /// Above a section heading (level 2; the title is on the band).
    pub heading_before: f32,
    /// Above a smaller heading (level 3 and below).
    pub subheading_before: f32,
    /// Between a heading (or its rule) and what follows it, whatever that is.
    pub heading_after: f32,
    /// Above and below a shaded box.
    pub box_around: f32,
    /// Inside a shaded box, around its content.
    pub box_padding: f32,
    /// Between the rows of a key facts box (half above the rule, half below).
    pub facts_row: f32,
    /// Line spacing of running text, as a multiple of the body size.
    pub leading: f32,
}

impl Default for Spacing {
    fn default() -> Spacing {
        Spacing {
            paragraph: 0.7,
            list_item: 0.3,
            heading_before: 1.6,
            subheading_before: 1.1,
            heading_after: 0.6,
            box_around: 1.2,
            box_padding: 1.0,
            facts_row: 1.1,
            leading: 1.4,
        }
    }
}

impl Spacing {
    /// The values and their names, for checking a template's settings.
    pub fn values(&self) -> [(&'static str, f32); 9] {
        [
            ("paragraph", self.paragraph),
            ("list_item", self.list_item),
            ("heading_before", self.heading_before),
            ("subheading_before", self.subheading_before),
            ("heading_after", self.heading_after),
            ("box_around", self.box_around),
            ("box_padding", self.box_padding),
            ("facts_row", self.facts_row),
            ("leading", self.leading),
        ]
    }

    /// Every gap times `k` (leading too, but never below `min_leading`):
    /// what `fit` tries when a document runs over its sides.
    pub fn tightened(&self, k: f32, min_leading: f32) -> Spacing {
        Spacing {
            paragraph: self.paragraph * k,
            list_item: self.list_item * k,
            heading_before: self.heading_before * k,
            subheading_before: self.subheading_before * k,
            heading_after: self.heading_after * k,
            box_around: self.box_around * k,
            box_padding: self.box_padding * k.max(0.6),
            facts_row: self.facts_row * k,
            leading: (self.leading * (1.0 - (1.0 - k) * 0.25)).max(min_leading.min(self.leading)),
        }
    }
}

/// Hyphenation of running text (paged documents): with the patterns of
/// each passage's language, never in headings, names (a capitalised word)
/// or addresses.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Hyphenation {
    /// Off for large print, where a broken word is harder to read.
    pub enabled: bool,
    /// Words shorter than this (in letters) are never broken.
    pub min_word: usize,
    /// Letters kept before and after the hyphen.
    pub min_before: usize,
    pub min_after: usize,
    /// At most this many hyphenated lines one after another.
    pub max_in_a_row: usize,
}

impl Default for Hyphenation {
    fn default() -> Hyphenation {
        Hyphenation {
            enabled: true,
            min_word: 7,
            min_before: 3,
            min_after: 3,
            max_in_a_row: 2,
        }
    }
}

/// How many sides a paged document is designed for, and whether it may
/// tighten its spacing to stay within them.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Sides {
    /// `None`: as many as the content needs.
    pub sides: Option<u32>,
    /// Tighten the spacing (down to `fit_min` of the theme's) before
    /// running over; type sizes never shrink.
    pub fit: bool,
    pub fit_min: f32,
}
