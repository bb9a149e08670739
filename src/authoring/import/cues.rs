//! What a sentence is about, from its words: the field a fact goes to when
//! its heading is unknown, or when a section mixes facts (Health Careers'
//! "Pay and conditions" gives pay and hours; a job guide's first section
//! gives duties, hours, places and pay).

use super::numbers::{figures, hours_pattern, hours_per_week, Per};
use super::text::has_word;

/// Where a sentence belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Salary,
    Hours,
    Shifts,
    Travel,
    Location,
    Conditions,
    Route(&'static str),
    Restriction,
    Skill,
    Training,
    CareerPath,
    CareerTip,
    Employers,
    Advertised,
    Further,
}

fn any(l: &str, words: &[&str]) -> bool {
    words.iter().any(|w| l.contains(w))
}

/// Where the first of `words` is in `l`.
fn first(l: &str, words: &[&str]) -> Option<usize> {
    words.iter().filter_map(|w| l.find(w)).min()
}

/// A yearly figure in the sentence (any "£…" of £1,000 or more that is
/// not an hourly, daily or weekly rate).
pub fn figure(s: &str) -> bool {
    figures(s)
        .iter()
        .any(|f| f.per == Per::Year && f.value >= 1000)
}

/// A yearly salary in the sentence: a figure and words about pay (outside
/// a salary section, "£1,234 prizes" is not a salary).
pub fn salary(s: &str) -> bool {
    let l = s.to_lowercase();
    figure(s)
        && any(
            &l,
            &[
                "earn",
                "salar",
                "pay",
                "paid",
                "wage",
                "income",
                "a year",
                "per year",
                "per annum",
                "a pound sign",
                "starter",
                "experienced",
                "band",
                "start on",
                "start at",
            ],
        )
}

/// Pay in another currency than pounds ("2022 Median Pay $81,220 per
/// year", "Weekly Earnings: $1,701"): read as pay, kept as a note for a
/// person to convert, never as the profile's salary in pounds.
pub fn foreign_pay(s: &str) -> bool {
    let l = s.to_lowercase();
    !super::numbers::foreign_figures(s).is_empty()
        && !s.contains('£')
        && any(
            &l,
            &[
                "pay",
                "earn",
                "salar",
                "wage",
                "income",
                "paid",
                "a year",
                "per year",
                "per annum",
                "weekly",
            ],
        )
        && !any(&l, &["fees", "fund", "loan", "grant", "bursar"])
}

/// Hours of *work* (not of study) a week, or a working pattern.
pub fn hours(s: &str) -> bool {
    let l = s.to_lowercase();
    let study = any(
        &l,
        &[
            "study",
            "course",
            "training",
            "college",
            "placement",
            "volunteer",
        ],
    );
    !study && (hours_per_week(s).is_some() || hours_pattern(s).is_some())
}

/// Shifts, rotas, nights, part-time work.
fn shifts_at(l: &str) -> Option<usize> {
    first(
        l,
        &[
            "shifts",
            "shift work",
            "shift pattern",
            "shift system",
            "on a shift",
            " rota",
            "nights",
            "night work",
            "weekends",
            "evenings",
            "bank holiday",
            "public holiday",
            "early start",
            "on call",
            "on-call",
            "part-time",
            "part time",
            "flexible hours",
            "flexible working",
            "overtime",
            "job share",
            "saturday",
            "sunday",
            "unsocial hours",
            "term time",
        ],
    )
}

/// A route into the job the sentence is about, if it names one.
pub fn route(s: &str) -> Option<&'static str> {
    let l = s.to_lowercase();
    let employers = [
        "employers will expect",
        "employers expect",
        "employers usually",
        "employers may",
        "employers will usually",
        "employers often",
        "employers will look",
        "employers look",
        "employers ask",
    ];
    // "an approved degree … or an apprenticeship degree": the route named
    // first is the one the sentence is about.
    let degree_at = first(&l, &["degree", "university"]);
    let apprentice_at = l.find("apprentice");
    if let (Some(dg), Some(ap)) = (degree_at, apprentice_at) {
        if dg < ap && !l[..ap].contains("degree apprentice") {
            return Some("university");
        }
    }
    Some(if any(&l, &["apprentice"]) {
        "apprenticeship"
    } else if any(&l, &["volunteer"]) {
        "volunteering"
    } else if any(&l, &employers) {
        "direct_application"
    } else if any(
        &l,
        &[
            "start as",
            "start in a",
            "work your way up",
            "working towards",
            "trainee",
            "train on the job",
            "while you work",
            "while working",
            "promotion from",
            "you could start",
            "move into this role",
            "recruit student",
            "nvq",
            "svq",
        ],
    ) {
        "work"
    } else if any(
        &l,
        &[
            "degree",
            "university",
            "postgraduate",
            "higher national",
            "foundation course",
        ],
    ) || a_levels(&l)
    {
        "university"
    } else if any(
        &l,
        &[
            "college",
            "diploma",
            "t level",
            "btec",
            "access to higher education",
            "level 2 course",
            "level 3 course",
        ],
    ) {
        "college"
    } else if any(
        &l,
        &[
            "apply directly",
            "applying directly",
            "no set entry requirements",
            "no formal entry",
            "no set requirements",
            "you'll usually need",
            "experience of",
            "work experience",
        ],
    ) {
        "direct_application"
    } else {
        return None;
    })
}

/// "A levels" (the qualification), not "a Level 3 Diploma".
fn a_levels(l: &str) -> bool {
    l.match_indices("a level")
        .chain(l.match_indices("a-level"))
        .any(|(i, m)| {
            let before = l[..i].chars().next_back();
            let after: String = l[i + m.len()..].chars().take(2).collect();
            !before.is_some_and(char::is_alphanumeric)
                && (after.starts_with('s')
                    || !after.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        })
}

/// Checks, registration and licences.
pub fn restriction(s: &str) -> bool {
    let l = s.to_lowercase();
    any(
        &l,
        &[
            "background check",
            "dbs",
            "disclosure and barring",
            "criminal record",
            "protecting vulnerable groups",
            "pvg",
            "medical check",
            "health check",
            "fitness test",
            "immunis",
            "vaccinat",
        ],
    ) || (any(
        &l,
        &["registered with", "register with", "registration with"],
    ) && !any(
        &l,
        &[
            "to register, you",
            "to register you",
            "stay registered",
            "remain registered",
        ],
    )) || (has_word(&l, "licence") && !any(&l, &["useful", "help"]))
}

/// Progression.
pub fn career_path(s: &str) -> bool {
    let l = s.to_lowercase();
    any(
        &l,
        &[
            "with experience",
            "progress",
            "promot",
            "could become",
            "move into",
            "go on to",
            "move on to",
            "train to become",
            "train as a",
            "train as an",
            "further training, you could",
            "specialise",
            "career",
            "senior",
            "team leader",
        ],
    )
}

/// Training once in the job.
pub fn training(s: &str) -> bool {
    let l = s.to_lowercase();
    any(
        &l,
        &[
            "training",
            "trained",
            "induction",
            "cpd",
            "continuing professional development",
            "short course",
            "keep your skills up to date",
            "in-house",
        ],
    )
}

/// Skills and qualities.
fn skill_at(l: &str) -> Option<usize> {
    first(
        l,
        &[
            "skills",
            "ability to",
            "qualities",
            "you'll need to be",
            "you need to be",
            "you will need to be",
        ],
    )
    .filter(|_| !any(l, &["gcse", "a level", "degree", "qualification"]))
}

/// Places: "You could work in an NHS or private hospital".
fn location_at(l: &str) -> Option<usize> {
    // "You'll work in a team with …" is not a place.
    let not_places = [
        "work in a team",
        "work in teams",
        "work in partnership",
        "work in shifts",
        "work in a pharmacy for",
    ];
    if any(l, &not_places) {
        return None;
    }
    first(
        l,
        &[
            "you could work in",
            "you could work at",
            "you could work for",
            "you could work on",
            "you'd work in",
            "you'd work on",
            "you'd work at",
            "you would work in",
            "you would work at",
            "you may work at",
            "you may work in",
            "you might work in",
            "you can work in",
            "based in",
            "based at",
            "work in hospitals",
            "work in a hospital",
            "you'll work in",
        ],
    )
    .or_else(|| first(l, &[" work in ", " work at "]))
}

/// What the work is like.
fn conditions_at(l: &str) -> Option<usize> {
    first(
        l,
        &[
            "uniform",
            "protective clothing",
            "demanding",
            "stressful",
            "distressing",
            "on your feet",
            "standing",
            "lifting",
            "outdoors",
            "all weathers",
            "well lit",
            "well-lit",
            "noisy",
            "dirty",
            "cramped",
            "at height",
            "emotional",
            "upsetting",
            "messy",
            "working environment may be",
            "pressure",
            "pressured",
            " lift ",
            " push",
            "walk a lot",
        ],
    )
}

/// Employers.
pub fn employers(s: &str) -> bool {
    employers_at(&s.to_lowercase()).is_some()
}

fn employers_at(l: &str) -> Option<usize> {
    // "If you work for the NHS the salary is covered by the Agenda for
    // Change pay rates" is about pay, not employers.
    if any(
        l,
        &[
            "salary",
            "pay rates",
            "pay band",
            "agenda for change",
            "payscale",
        ],
    ) {
        return None;
    }
    first(
        l,
        &[
            "employers include",
            "employed by",
            "work for",
            "jobs are with",
            "opportunities are available",
            "opportunities are with",
            "opportunities with",
            "most jobs are",
            "employers are",
            "work in the nhs",
            "jobs are in",
            "jobs in",
            "job opportunities",
        ],
    )
}

/// Where vacancies are advertised.
pub fn advertised(s: &str) -> bool {
    let l = s.to_lowercase();
    any(
        &l,
        &[
            "advertised",
            "vacancies",
            "search for",
            "look for job",
            "nhs jobs",
        ],
    )
}

/// Pointers to more information.
pub fn further(s: &str) -> bool {
    let l = s.to_lowercase();
    any(
        &l,
        &[
            "find out more",
            "more information",
            "has information",
            "more details",
            "www.",
            "http",
            "visit the",
        ],
    )
}

/// Tips for getting in.
pub fn tip(s: &str) -> bool {
    let l = s.to_lowercase();
    any(
        &l,
        &[
            "it may help",
            "it helps if",
            "it will help",
            "when applying",
            "it's a good idea",
            "it is a good idea",
            "will help your application",
            "you'll improve your chances",
        ],
    )
}

/// Every cue of a sentence, surest first: figures, then the words.
pub fn all(s: &str) -> Vec<Cue> {
    [
        (salary(s) || foreign_pay(s), Cue::Salary),
        (hours(s), Cue::Hours),
        (restriction(s), Cue::Restriction),
        (further(s), Cue::Further),
        (advertised(s), Cue::Advertised),
        (s.to_lowercase().contains("travel"), Cue::Travel),
        (tip(s), Cue::CareerTip),
        (career_path(s), Cue::CareerPath),
        (training(s), Cue::Training),
    ]
    .into_iter()
    .filter_map(|(yes, c)| yes.then_some(c))
    .chain(route(s).map(Cue::Route))
    .chain(weak(s))
    .collect()
}

/// The cues that only say what a sentence is about, in the order they
/// come in it: "The work can be pressured, especially when you're on call"
/// is about the work, not the hours.
fn weak(s: &str) -> Vec<Cue> {
    let l = s.to_lowercase();
    let mut found: Vec<(usize, Cue)> = [
        (shifts_at(&l), Cue::Shifts),
        (location_at(&l), Cue::Location),
        (conditions_at(&l), Cue::Conditions),
        (employers_at(&l), Cue::Employers),
        (skill_at(&l), Cue::Skill),
    ]
    .into_iter()
    .filter_map(|(at, c)| at.map(|a| (a, c)))
    .collect();
    found.sort_by_key(|(a, _)| *a);
    found.into_iter().map(|(_, c)| c).collect()
}

/// A cue strong enough to take a sentence out of the section it is in:
/// figures, hours and checks are the same fact wherever they are said.
pub fn strong(s: &str) -> Option<Cue> {
    if salary(s) || foreign_pay(s) {
        Some(Cue::Salary)
    } else if hours(s) {
        Some(Cue::Hours)
    } else if restriction(s) {
        Some(Cue::Restriction)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues() {
        assert_eq!(
            all("Porters usually work around 37.5 hours a week.")[0],
            Cue::Hours
        );
        assert!(!hours(
            "You'll need to be working in a pharmacy for at least 14 hours a week while you study."
        ));
        assert_eq!(
            all("You'll need to pass enhanced background checks.")[0],
            Cue::Restriction
        );
        assert_eq!(
            all("Some employers ask for a driving licence.")[0],
            Cue::Restriction
        );
        assert_eq!(
            route("You could do a pharmacy technician advanced apprenticeship."),
            Some("apprenticeship")
        );
        assert_eq!(
            route("You could start as a pharmacy assistant."),
            Some("work")
        );
        assert_eq!(
            all("Vacancies are advertised on NHS Jobs.")[0],
            Cue::Advertised
        );
        assert!(!salary("A fact nobody expected, about £1,234 prizes."));
        assert_eq!(
            all("The work can be pressured, especially when you're on call.")[0],
            Cue::Conditions
        );
        assert_eq!(
            all("You'll walk a lot during your shift and will need to lift and push.")[0],
            Cue::Conditions
        );
        assert_eq!(
            all("You'll work evenings and weekends in a busy ward.")[0],
            Cue::Shifts
        );
        assert!(salary(
            "Newly qualified paramedics can earn around £21,200 a year."
        ));
    }
}
