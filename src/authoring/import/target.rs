//! Where a sentence goes: the field a cue names, a duty note, or
//! `unsorted`, and the cues a section lets move its sentences elsewhere.
//! A leaf under the section readers (`fields`, `routes`, `place`) and the
//! writers (`put`), so that each of them can name a field without reading
//! the others.

use super::cues::{self, Cue};

/// Where a sentence goes: the field a cue names, a duty note, or
/// `unsorted`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The field of a cue (a salary, hours and shifts go to the hours,
    /// figures read first).
    Field(Cue),
    DutyNote,
    Unsorted,
}

impl Target {
    /// Whether consecutive sentences for this field stay one paragraph
    /// (fields read as lists take them one by one).
    pub fn joins(self) -> bool {
        matches!(
            self,
            Target::DutyNote
                | Target::Unsorted
                | Target::Field(Cue::Route(_) | Cue::CareerPath | Cue::CareerTip | Cue::Further)
        )
    }
}

/// Every cue, for sections whose sentences may be about anything.
pub const ANY: &[Cue] = &[
    Cue::Salary,
    Cue::Hours,
    Cue::Restriction,
    Cue::Further,
    Cue::Advertised,
    Cue::Travel,
    Cue::CareerTip,
    Cue::CareerPath,
    Cue::Training,
    Cue::Route("any"),
    Cue::Shifts,
    Cue::Location,
    Cue::Conditions,
    Cue::Employers,
    Cue::Skill,
];
/// What the work is like, wherever it is said.
pub const WORK: &[Cue] = &[
    Cue::Salary,
    Cue::Hours,
    Cue::Restriction,
    Cue::Travel,
    Cue::Shifts,
    Cue::Location,
    Cue::Conditions,
];

/// The field for a sentence: the first of its cues the section allows,
/// else the section's own.
pub fn choose(s: &str, own: Target, allowed: &[Cue]) -> Target {
    for c in cues::all(s) {
        let ok = allowed.iter().any(|a| match (a, c) {
            (Cue::Route(_), Cue::Route(_)) => true,
            (a, c) => *a == c,
        });
        if ok {
            return Target::Field(c);
        }
    }
    own
}
