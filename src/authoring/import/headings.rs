//! What a heading introduces. A heading is recognised wherever it is on
//! the page: by the words in it ([`by_words`], the words of careers pages
//! in general), and by the hints of the sites' vocabulary files
//! ([`super::sites`]; the same words mean the same section on every site,
//! so every file's hints serve every page). Which site a page is from is
//! read from its headings and furniture, only to name and rank the source.

pub use super::kinds::{normalise, Kind};

/// The kind of a known heading, if the line is one: a label whose form
/// is the same on any careers page ("Also known as: …", "Video: …",
/// "How to become a …", "Featured job: …"), else what a site's vocabulary
/// file says of it ([`super::sites`]).
pub fn kind(line: &str) -> Option<Kind> {
    let n = normalise(line);
    let starts = |p: &str| n.starts_with(p);
    // A label with its value on the same line: "Also known as: A, B, C".
    if starts("also known as") || starts("alternative titles") || starts("other job titles") {
        return Some(Kind::AltTitles);
    }
    if n.is_empty() || n.split_whitespace().count() > 9 {
        return None;
    }
    if starts("featured job") || starts("featured career") {
        return Some(Kind::Promo);
    }
    if starts("video") || starts("watch ") {
        return Some(Kind::Furniture("a video and its transcript"));
    }
    if starts("how to become ") || starts("how do i become") || starts("becoming a") {
        return Some(Kind::Entry);
    }
    super::sites::hint(&n)
}

/// The kind of a heading the vocabulary does not know, by the words in
/// it: "Skills, Interests and Abilities", "Main duties of the job", "Where
/// do physiotherapists work?", "What's next after GCSE?". The words are
/// those of careers pages in general, not of one site; a heading none of
/// them is in stays `Unknown`, and its text is placed by its own words.
pub fn by_words(line: &str) -> Option<Kind> {
    let n = normalise(line);
    let words = n.split_whitespace().count();
    if n.is_empty() || words > 10 {
        return None;
    }
    let has = |ws: &[&str]| ws.iter().any(|w| n.contains(w));
    Some(
        if has(&[
            "also known",
            "alternative title",
            "alternative name",
            "job titles",
            "other titles",
        ]) {
            Kind::AltTitles
        } else if has(&[
            "related job",
            "related career",
            "related role",
            "similar job",
            "similar role",
            "similar occupation",
        ]) {
            Kind::RelatedJobs
        } else if has(&[
            "salary", "salaries", "pay ", "pay", "earn", "wage", "income",
        ]) && !has(&["payment"])
        {
            Kind::Salary
        } else if has(&["hours", "shift"]) {
            Kind::Hours
        } else if has(&[
            "skill",
            "qualities",
            "abilities",
            "attributes",
            "personal qualit",
            "sound like you",
            "what it takes",
            "youll need",
            "you will need",
        ]) {
            Kind::Skills
        } else if has(&[
            "environment",
            "conditions",
            "where will",
            "where do",
            "where you",
            "workplace",
            "settings",
        ]) {
            Kind::Environment
        } else if has(&[
            "qualification",
            "entry",
            "requirement",
            "education",
            "become",
            "getting in",
            "get in",
            "route",
            "pathway",
            "after gcse",
            "after a level",
            "study",
            "apprentice",
        ]) {
            Kind::Entry
        } else if has(&["training", "development"]) {
            Kind::Training
        } else if has(&[
            "career path",
            "progression",
            "promotion",
            "career development",
            "specialis",
            "specializ",
            "where can",
            "lead to",
        ]) {
            Kind::CareerPath
        } else if has(&["employer", "vacanc", "where the jobs"]) {
            Kind::WhereJobs
        } else if has(&[
            "dut",
            "task",
            "responsibilit",
            "activities",
            "what they do",
            "what you do",
            "what youll do",
            "the role",
            "role detail",
            "about the job",
            "about the role",
            "description",
            "day in",
            "a day as",
            "day to day",
            "day-to-day",
            "working life",
            "the job",
            "introduction",
            "overview",
            "summary",
        ]) {
            Kind::Duties
        } else if has(&[
            "further information",
            "more information",
            "useful links",
            "find out more",
            "contacts",
            "professional bod",
            "industry bod",
        ]) {
            Kind::FurtherInformation
        } else {
            return None;
        },
    )
}

/// The titles on the label's own line: "Also known as: A, B",
/// "Alternative titles for this job include A, B".
pub fn alt_titles_value(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let at = [
        "for this job include",
        "also known as",
        "other job titles",
        "alternative titles",
    ]
    .iter()
    .filter_map(|l| lower.find(l).map(|i| i + l.len()))
    .max()?;
    // "Also known as A or B." (careerpress's own documents say it so): the
    // titles, not a sentence.
    let v = line[at..].trim().trim_start_matches(':').trim();
    let v = v.trim_end_matches('.').replace(" or ", ", ");
    (!v.is_empty()).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_every_site() {
        assert_eq!(kind("1. Entry requirements"), Some(Kind::EntryRequirements));
        assert_eq!(kind("What's it like?"), Some(Kind::Duties));
        assert_eq!(kind("Job description"), None, "a generic heading: no hint");
        assert_eq!(by_words("Job description"), Some(Kind::Duties));
        assert_eq!(by_words("What you’ll do"), Some(Kind::Duties));
        assert_eq!(kind("Average salary (a year)"), Some(Kind::Salary));
        assert_eq!(
            kind("5. Working hours, patterns and environment"),
            Some(Kind::HoursAndEnvironment)
        );
        assert_eq!(kind("Where will I work?"), Some(Kind::Environment));
        assert_eq!(kind("How to become a dental nurse"), Some(Kind::Entry));
        assert_eq!(kind("Featured Job Guide - Lifeguard"), Some(Kind::Promo));
        assert_eq!(kind("Skills and Personal Qualities"), Some(Kind::Skills));
        assert_eq!(
            kind("Direct Application"),
            Some(Kind::Route("direct_application"))
        );
        assert_eq!(kind("Dental nurse"), None);
        assert_eq!(
            by_words("Skills, Interests and Abilities"),
            Some(Kind::Skills)
        );
        assert_eq!(by_words("Main duties of the job"), Some(Kind::Duties));
        assert_eq!(
            by_words("Where do Physiotherapists work?"),
            Some(Kind::Environment)
        );
        assert_eq!(by_words("What's next after GCSE?"), Some(Kind::Entry));
        assert_eq!(by_words("Dental nurse"), None);
        assert_eq!(
            kind("You'll need to pass enhanced background checks."),
            None
        );
    }
}
