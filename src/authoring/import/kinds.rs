//! What a heading introduces, and a heading's normal form: the leaf that
//! the heading readers ([`super::headings`]) and the sites' vocabulary
//! files ([`super::sites`]) share.

use super::furniture::norm;

/// What a heading introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// "Alternative titles for this job include", "Also known as".
    AltTitles,
    /// "Average salary (a year)" and other salary sections.
    Salary,
    /// "Typical hours (a week)", "Hours", "Working hours".
    Hours,
    /// NCS "You could work" (evenings / weekends on a rota).
    Shifts,
    /// The job guides' "Hours and Environment", NCS 2019 "Working hours,
    /// patterns and environment".
    HoursAndEnvironment,
    /// What the job is and what you do: "The Job and What's Involved",
    /// "Working life", "What's it like?", "The work".
    Duties,
    /// "Day-to-day tasks", "Responsibilities".
    Tasks,
    /// "Working environment", "Where will I work?", "What to expect".
    Environment,
    /// How to get in, routes in prose: "How to become", "Entry
    /// requirements and training", "Qualifications", "Getting in".
    Entry,
    /// One route: "College", "Apprenticeship", "Volunteering".
    Route(&'static str),
    /// "Entry requirements": a route's when under one.
    EntryRequirements,
    /// "More Information": a link on the web page; empty in text.
    MoreInformation,
    /// "Work experience" (Prospects).
    WorkExperience,
    Skills,
    /// "Your Interests": items become "an interest in …".
    Interests,
    /// "Restrictions and Requirements", "Registration".
    Restrictions,
    Training,
    CareerPath,
    CareerTips,
    /// Employers and vacancies: "Employers", "Getting Started with this
    /// Career Choice".
    WhereJobs,
    /// The job guides' "Opportunities": employers, vacancies, progression.
    Opportunities,
    FurtherInformation,
    RelatedJobs,
    /// A promo for another job ("Featured Job Guide - …").
    Promo,
    /// A section of furniture, with why.
    Furniture(&'static str),
    Unknown,
}

/// A heading normalised: no numbering ("1. "), no "(a year)", no
/// apostrophes, "&" as "and".
pub fn normalise(line: &str) -> String {
    let n = norm(line);
    let n = n
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', ')'])
        .trim()
        .to_string();
    let n = n.replace('&', "and").replace(['\'', ','], "");
    n.split_whitespace().collect::<Vec<_>>().join(" ")
}
