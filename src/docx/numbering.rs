//! The numbering definitions behind List Bullet and List Number, as
//! docx-rs numbering.
//!
//! Two abstract definitions (bullets, and decimal / letter / roman numbers)
//! and one concrete `w:num` per list. All bullet lists share one `w:num`;
//! each numbered list gets its own with a start override, so every list
//! restarts at its own `start` and a trust can still renumber in Word.
//!
//! docx-rs always writes a default definition of its own as abstract
//! numbering 1 and `w:num` 1, so careerpress's ids start at 2; nothing
//! refers to docx-rs's.

use docx_rs::{
    AbstractNumbering, Level, LevelJc, LevelOverride, LevelText, NumberFormat, Numbering,
    Numberings, SpecialIndentType, Start,
};

use super::names::{id, BULLET_NUM_ID, NUMBER_NUM_ID};

/// Nesting Word supports: levels 0 to 8.
pub(crate) const MAX_LEVEL: usize = 8;
/// Indent per level, in twips (a quarter inch).
pub(crate) const INDENT: u32 = 360;

const BULLETS: [&str; 3] = ["\u{2022}", "\u{2013}", "\u{25AA}"];
const NUMBER_FORMATS: [&str; 3] = ["decimal", "lowerLetter", "lowerRoman"];
/// The abstract definitions: bullets, then numbers.
const ABSTRACT_BULLETS: usize = 2;
const ABSTRACT_NUMBERS: usize = 3;

/// The numbered lists of one document, in order of appearance.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    /// `(start, level)` of each numbered list.
    starts: Vec<(u64, usize)>,
}

impl Lists {
    /// A new numbered list at nesting `level` starting at `start`; returns
    /// its `w:numId`.
    pub(crate) fn numbered(&mut self, start: u64, level: usize) -> usize {
        self.starts.push((start, level));
        NUMBER_NUM_ID + self.starts.len()
    }

    /// `(start, level)` of each numbered list, in order.
    pub(crate) fn starts(&self) -> &[(u64, usize)] {
        &self.starts
    }

    /// Every definition, for docx-rs to write.
    pub(crate) fn numberings(&self) -> Numberings {
        let mut n = Numberings::new();
        for (abs, style) in [
            (ABSTRACT_BULLETS, id::LIST_BULLET),
            (ABSTRACT_NUMBERS, id::LIST_NUMBER),
        ] {
            let mut def = AbstractNumbering::new(abs);
            for lvl in 0..=MAX_LEVEL {
                let (fmt, text) = if abs == ABSTRACT_BULLETS {
                    ("bullet", BULLETS[lvl % 3].to_owned())
                } else {
                    (NUMBER_FORMATS[lvl % 3], format!("%{}.", lvl + 1))
                };
                let left = INDENT * (lvl as u32 + 1);
                let mut level = Level::new(
                    lvl,
                    Start::new(1),
                    NumberFormat::new(fmt),
                    LevelText::new(text),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(left as i32),
                    Some(SpecialIndentType::Hanging(INDENT as i32)),
                    None,
                    None,
                );
                if lvl == 0 {
                    level = level.paragraph_style(style);
                }
                def = def.add_level(level);
            }
            n = n.add_abstract_numbering(def);
        }
        n = n
            .add_numbering(Numbering::new(BULLET_NUM_ID, ABSTRACT_BULLETS))
            .add_numbering(Numbering::new(NUMBER_NUM_ID, ABSTRACT_NUMBERS));
        for (i, (start, level)) in self.starts.iter().enumerate() {
            let start = usize::try_from((*start).min(i32::MAX as u64)).unwrap_or(1);
            n = n.add_numbering(
                Numbering::new(NUMBER_NUM_ID + 1 + i, ABSTRACT_NUMBERS)
                    .add_override(LevelOverride::new(*level).start(start)),
            );
        }
        n
    }
}
