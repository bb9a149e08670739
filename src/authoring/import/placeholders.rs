//! The values an import writes where the sources do not say: one list, so
//! that whatever decides whether a profile is still a draft can match
//! exactly what the importer writes.
//!
//! Every text placeholder starts with [`TODO`]; the one web address and the
//! one salary figure an import can draft are [`WEB_ADDRESS`] and
//! [`SALARY`]. Each imported source carries [`SOURCE_NOTE`] (a person
//! deletes it once they have checked the facts against that source), so an
//! import is a draft even when every field was found. In the YAML each
//! drafted value also has a `# TODO: why` comment after it ([`COMMENT`]).

/// What every text placeholder starts with.
pub const TODO: &str = "TODO";
/// The comment after a drafted value in the YAML (`  # TODO: why`).
pub const COMMENT: &str = "# TODO";
/// The first line of the draft's header comment.
pub const HEADER: &str = "# DRAFT imported by `careerpress import` from:";

/// `title` when no title was found.
pub const TITLE: &str = "TODO job title";
/// `summary` when none was found.
pub const SUMMARY: &str = "TODO: one or two sentences on what the job is.";
/// `working_hours.pattern` when none was found.
pub const PATTERN: &str = "TODO: the usual pattern, e.g. 9am to 5pm, Monday to Friday";
/// The one item of `duties.tasks` when none were found.
pub const TASK: &str = "TODO: the tasks, one sentence each.";
/// The one item of `skills` when none were found.
pub const SKILL: &str = "TODO: skills and personal qualities";
/// The one item of `career_path` when none was found.
pub const CAREER_PATH: &str = "TODO: career path and progression.";
/// `entry_routes.other.in_brief` when no route was found.
pub const ROUTE: &str = "TODO: a route into the job";
/// `sources[].date` when the page does not say when it was published.
pub const SOURCE_DATE: &str = "TODO: when the source was published";
/// A note on every imported source, deleted by the person who checks it.
pub const SOURCE_NOTE: &str =
    "TODO: check every fact taken from this source, then delete this note.";
/// `web_address` when the sources give none (`.invalid` never resolves).
pub const WEB_ADDRESS: &str = "https://todo.invalid/web-address";
/// `salary.starter` and `salary.experienced` when no figure was found.
pub const SALARY: u32 = 0;

/// Every text placeholder, for matching.
pub const TEXTS: [&str; 9] = [
    TITLE,
    SUMMARY,
    PATTERN,
    TASK,
    SKILL,
    CAREER_PATH,
    ROUTE,
    SOURCE_DATE,
    SOURCE_NOTE,
];

/// Whether a text value is an import's placeholder (starts with "TODO").
pub fn is_placeholder(text: &str) -> bool {
    text.trim_start().starts_with(TODO)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_recognised() {
        for t in TEXTS {
            assert!(is_placeholder(t), "{t}");
        }
        assert!(!is_placeholder("Todos los días"));
        assert!(WEB_ADDRESS.contains(".invalid/"));
    }
}
