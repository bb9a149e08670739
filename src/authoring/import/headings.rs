//! The heading vocabulary of the sites careers teams migrate from, and what
//! each heading introduces. A heading is recognised wherever it is on the
//! page; the same words mean the same section on every site, so one table
//! serves them all. Which site a page is from is read from the headings and
//! furniture it has (`Layout::detect`), only to name and rank the source.

use super::furniture::norm;
use super::Layout;

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

/// The kind of a known heading, if the line is one.
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
    if starts("real-life stor") || starts("real life stor") || starts("case stud") {
        return Some(Kind::Furniture("a link to a case study"));
    }
    if starts("career outlook") {
        return Some(Kind::Furniture("labour market figures for a group of jobs"));
    }
    if starts("compare roles") || n == "compare" {
        return Some(Kind::Furniture("a \"Compare roles\" widget"));
    }
    if starts("how to become ") || starts("how do i become") || starts("becoming a") {
        return Some(Kind::Entry);
    }
    if starts("average salary")
        || starts("salary range")
        || starts("uk salary")
        || starts("starting salary")
    {
        return Some(Kind::Salary);
    }
    if starts("typical hours") {
        return Some(Kind::Hours);
    }
    Some(match n.as_str() {
        "you could work" => Kind::Shifts,
        "the job and whats involved"
        | "the job and what is involved"
        | "what youll do"
        | "what you will do"
        | "job description"
        | "whats it like"
        | "what is it like"
        | "working life"
        | "the work"
        | "overview"
        | "what the job involves"
        | "about the job"
        | "what does the job involve" => Kind::Duties,
        "day-to-day tasks"
        | "day to day tasks"
        | "responsibilities"
        | "duties"
        | "typical duties"
        | "main duties"
        | "typical work activities"
        | "tasks" => Kind::Tasks,
        "working environment"
        | "work environment"
        | "environment"
        | "where will i work"
        | "where you could work"
        | "what to expect"
        | "working conditions"
        | "where youll work"
        | "workplace" => Kind::Environment,
        "hours" | "working hours" | "hours of work" | "working hours and patterns" => Kind::Hours,
        "hours and environment"
        | "working hours patterns and environment"
        | "hours and working environment"
        | "hours and conditions" => Kind::HoursAndEnvironment,
        "salary"
        | "income"
        | "pay"
        | "pay and conditions"
        | "salary and other benefits"
        | "salary and benefits"
        | "earnings"
        | "annual salary"
        | "what you could earn"
        | "pay and benefits" => Kind::Salary,
        "how to become"
        | "entry requirements and training"
        | "qualifications"
        | "getting in"
        | "how to get in"
        | "entry"
        | "entry routes"
        | "entry routes and training"
        | "education and training"
        | "entry requirements and qualifications"
        | "qualifications and training"
        | "how to get into this job"
        | "getting into the job"
        | "routes into the job"
        | "requirements" => Kind::Entry,
        "entry requirements" => Kind::EntryRequirements,
        "university" | "university course" | "degree" => Kind::Route("university"),
        "college" | "college course" => Kind::Route("college"),
        "apprenticeship" | "apprenticeships" => Kind::Route("apprenticeship"),
        "work" | "working towards this role" | "on the job" => Kind::Route("work"),
        "volunteering" | "volunteer" | "volunteering and experience" => Kind::Route("volunteering"),
        "direct application" | "applying directly" | "apply directly" => {
            Kind::Route("direct_application")
        }
        "other routes" | "other route" | "other" | "other ways in" => Kind::Route("other"),
        "more information" => Kind::MoreInformation,
        "work experience" => Kind::WorkExperience,
        "skills"
        | "skills and knowledge"
        | "skills required"
        | "skills and personal qualities"
        | "skills and personal qualities needed"
        | "skills interests and qualities"
        | "what it takes"
        | "personal qualities"
        | "skills and values"
        | "skills and abilities"
        | "key skills"
        | "skills and qualities"
        | "skills needed"
        | "related skills" => Kind::Skills,
        "your interests" | "interests" => Kind::Interests,
        "restrictions and requirements"
        | "registration"
        | "professional registration"
        | "checks"
        | "restrictions" => Kind::Restrictions,
        "training"
        | "training and development"
        | "professional development"
        | "a few more exams you might need"
        | "continuing professional development"
        | "training and qualifications"
        | "on-the-job training" => Kind::Training,
        "career path and progression"
        | "career path"
        | "progression"
        | "career prospects"
        | "your long term prospects"
        | "where can the role lead"
        | "getting on"
        | "career development"
        | "career progression"
        | "prospects"
        | "promotion"
        | "career development and progression"
        | "where the role can lead" => Kind::CareerPath,
        "career tips" | "tips" => Kind::CareerTips,
        "getting started with this career choice"
        | "where the jobs are"
        | "employers"
        | "job market"
        | "finding a job"
        | "jobs"
        | "vacancies"
        | "where to find jobs" => Kind::WhereJobs,
        "opportunities" => Kind::Opportunities,
        "further information"
        | "get further information"
        | "find out more"
        | "useful contacts"
        | "contacts"
        | "professional and industry bodies"
        | "where to find out more"
        | "useful links"
        | "more info"
        | "links" => Kind::FurtherInformation,
        "related careers"
        | "related jobs"
        | "other related jobs"
        | "other roles that may interest you"
        | "related roles"
        | "similar jobs"
        | "similar roles"
        | "other roles you might like" => Kind::RelatedJobs,
        "current opportunities" => Kind::Furniture("live vacancies and courses"),
        "uk employment status" | "employment status" => {
            Kind::Furniture("labour market figures for a group of jobs")
        }
        "related case studies" | "case studies" => Kind::Furniture("a link to a case study"),
        _ => return None,
    })
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
        } else if has(&["employer", "vacanc", "where the jobs"]) {
            Kind::WhereJobs
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

impl Layout {
    /// The site a page is from, by the headings and furniture it has.
    pub fn detect(lines: &[String]) -> Layout {
        let mut score = [0i32; 7];
        let has = |s: &str| lines.iter().any(|l| norm(l).starts_with(s));
        let mut add = |i: usize, n: i32| score[i] += n;
        for l in lines {
            let n = normalise(l);
            let raw = norm(l);
            let numbered = l.trim_start().starts_with(|c: char| c.is_ascii_digit());
            match n.as_str() {
                "what it takes"
                | "typical hours a week"
                | "average salary a year"
                | "you could work"
                | "day-to-day tasks" => add(0, 2),
                "skills required" | "working hours patterns and environment" if numbered => {
                    add(1, 3)
                }
                "the work" | "income" | "skills interests and qualities" => add(2, 2),
                "working life"
                | "pay and conditions"
                | "where can the role lead"
                | "where will i work"
                | "entry requirements and training" => add(3, 2),
                "responsibilities"
                | "what to expect"
                | "career prospects"
                | "work experience"
                | "professional development" => add(4, 2),
                "whats it like" | "getting in" | "getting on" | "uk salary ranges"
                | "working conditions" => add(5, 2),
                "the job and whats involved"
                | "hours and environment"
                | "salary and other benefits"
                | "your long term prospects"
                | "get further information"
                | "other related jobs" => add(6, 2),
                _ => {}
            }
            if numbered && kind(l).is_some() {
                add(1, 1);
            }
            if raw.contains("try an improved version") || raw.contains("a pound sign") {
                add(1, 3);
            }
            if raw == "skip ribbon commands" || raw.ends_with("desc") && !raw.contains(' ') {
                add(2, 3);
            }
            if raw.contains("written by prospects") || raw.starts_with("prospects") {
                add(4, 3);
            }
            if raw.contains("lmi for all") || raw == "my world of work" {
                add(5, 3);
            }
            if raw.starts_with("featured job guide") {
                add(6, 3);
            }
            if raw == "health careers" || raw.contains("help us improve health careers") {
                add(3, 3);
            }
            if raw.starts_with("how to become ") {
                add(0, 2);
            }
        }
        if has("you can get into this job through") {
            score[0] += 2;
        }
        let (best, &top) = score
            .iter()
            .enumerate()
            .max_by_key(|(i, s)| (**s, -(*i as i32)))
            .unwrap_or((0, &0));
        if top < 2 {
            return Layout::Other;
        }
        [
            Layout::Ncs,
            Layout::Ncs2019,
            Layout::Ncs2012,
            Layout::HealthCareers,
            Layout::Prospects,
            Layout::MyWorldOfWork,
            Layout::JobGuide,
        ][best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_every_site() {
        assert_eq!(kind("1. Entry requirements"), Some(Kind::EntryRequirements));
        assert_eq!(kind("What's it like?"), Some(Kind::Duties));
        assert_eq!(kind("What you’ll do"), Some(Kind::Duties));
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
