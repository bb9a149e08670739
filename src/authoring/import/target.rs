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
    /// One of the day-to-day tasks (a list item that starts with what is
    /// done: "resuscitating patients", "monitor the patient's condition").
    Task,
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

/// Verbs that start a task written as an instruction.
const TASK_VERBS: [&str; 40] = [
    "assess",
    "provide",
    "use",
    "listen",
    "monitor",
    "record",
    "help",
    "support",
    "make",
    "take",
    "manage",
    "prepare",
    "check",
    "plan",
    "keep",
    "deliver",
    "carry",
    "move",
    "clean",
    "give",
    "write",
    "attend",
    "advise",
    "liaise",
    "ensure",
    "maintain",
    "administer",
    "treat",
    "teach",
    "suggest",
    "create",
    "develop",
    "decide",
    "explain",
    "arrange",
    "organise",
    "collect",
    "assist",
    "work",
    "answer",
];

/// Whether a list item reads as a task: it starts with what is done.
pub fn task_like(item: &str) -> bool {
    let first = item
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    (first.ends_with("ing")
        && first.len() > 5
        && !["during", "nothing", "something", "building"].contains(&first.as_str()))
        || TASK_VERBS.contains(&first.as_str())
}

/// A sentence that tells the reader what they will do ("You'll need to
/// undertake a full assessment"): a duty, when no cue says otherwise.
pub fn second_person(s: &str) -> bool {
    let l = s.to_lowercase();
    [
        "you'll ",
        "you will ",
        "you would ",
        "you'd ",
        "you may ",
        "you could ",
        "you might ",
    ]
    .iter()
    .any(|w| l.contains(w))
}

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
