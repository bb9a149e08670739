//! `word/numbering.xml`: the numbering definitions behind List Bullet and
//! List Number.
//!
//! Two abstract definitions (bullets, and decimal / letter / roman numbers)
//! and one concrete `w:num` per list. All bullet lists share `w:num` 1; each
//! numbered list gets its own `w:num` with a start override, so every list
//! restarts at its own `start` and a trust can still renumber in Word.

use std::fmt::Write as _;

use super::styles::{id, BULLET_NUM_ID, NUMBER_NUM_ID};
use super::xml::DECLARATION;

/// Nesting Word supports: levels 0 to 8.
pub(crate) const MAX_LEVEL: usize = 8;
/// Indent per level, in twips (a quarter inch).
pub(crate) const INDENT: u32 = 360;

const BULLETS: [&str; 3] = ["\u{2022}", "\u{2013}", "\u{25AA}"];
const NUMBER_FORMATS: [&str; 3] = ["decimal", "lowerLetter", "lowerRoman"];

/// The numbered lists of one document, in order of appearance.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    /// `(start, level)` of each numbered list.
    starts: Vec<(u64, usize)>,
}

impl Lists {
    /// A new numbered list at nesting `level` starting at `start`; returns
    /// its `w:numId`.
    pub(crate) fn numbered(&mut self, start: u64, level: usize) -> u32 {
        self.starts.push((start, level));
        NUMBER_NUM_ID + self.starts.len() as u32
    }

    pub(crate) fn numbering_xml(&self) -> String {
        let mut s = String::with_capacity(4_000 + self.starts.len() * 160);
        s.push_str(DECLARATION);
        s.push_str("<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        for (abs, style) in [(0, id::LIST_BULLET), (1, id::LIST_NUMBER)] {
            let _ = write!(
                s,
                "<w:abstractNum w:abstractNumId=\"{abs}\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
            );
            for lvl in 0..=MAX_LEVEL {
                let (fmt, text) = if abs == 0 {
                    ("bullet", BULLETS[lvl % 3].to_owned())
                } else {
                    (NUMBER_FORMATS[lvl % 3], format!("%{}.", lvl + 1))
                };
                let left = INDENT * (lvl as u32 + 1);
                let _ = write!(
                    s,
                    "<w:lvl w:ilvl=\"{lvl}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/>{pstyle}<w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/>\
<w:pPr><w:ind w:left=\"{left}\" w:hanging=\"{INDENT}\"/></w:pPr></w:lvl>",
                    pstyle = if lvl == 0 {
                        format!("<w:pStyle w:val=\"{style}\"/>")
                    } else {
                        String::new()
                    },
                );
            }
            s.push_str("</w:abstractNum>");
        }
        let _ = write!(
            s,
            "<w:num w:numId=\"{BULLET_NUM_ID}\"><w:abstractNumId w:val=\"0\"/></w:num>\
<w:num w:numId=\"{NUMBER_NUM_ID}\"><w:abstractNumId w:val=\"1\"/></w:num>"
        );
        for (i, (start, level)) in self.starts.iter().enumerate() {
            let _ = write!(
                s,
                "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"{level}\"><w:startOverride w:val=\"{}\"/></w:lvlOverride></w:num>",
                NUMBER_NUM_ID + 1 + i as u32,
                (*start).min(i32::MAX as u64),
            );
        }
        s.push_str("</w:numbering>");
        s
    }
}
