//! Sections into fields. Each kind of section has a field its sentences go
//! to; a sentence whose words say it belongs elsewhere (a salary in "What
//! you'll do", hours in "Pay and conditions", a DBS check anywhere) goes
//! there instead (`cues`). Routes are read in `routes`.

use super::cues::{self, Cue};
use super::draft::Draft;
use super::fields;
use super::headings::Kind;
use super::page::{parts, Block, Page, Part, Section};
use super::routes;
use super::text::{sentences, upper_first, words};
use super::Dropped;
use super::{contacts, work};

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
const ANY: &[Cue] = &[
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

/// Places a paragraph sentence by sentence; consecutive sentences going to
/// the same field stay one paragraph.
pub fn prose(d: &mut Draft, text: &str, heading: Option<&str>, pick: impl Fn(&str) -> Target) {
    let mut run: Option<(Target, Vec<String>)> = None;
    let own = pick("");
    for s in sentences(text).iter().flat_map(|s| clauses(s)) {
        let mut t = pick(&s);
        // "However, you may need to work outside these hours": a sentence
        // that goes on from the one before is about the same thing.
        let goes_on = [
            "However",
            "But ",
            "This ",
            "These ",
            "That ",
            "It ",
            "Although",
            "Sometimes",
            "Occasionally",
        ]
        .iter()
        .any(|w| s.starts_with(w));
        if t == own && goes_on {
            if let Some((prev, _)) = &run {
                t = *prev;
            }
        }
        match &mut run {
            Some((rt, v)) if *rt == t && t.joins() => v.push(s),
            _ => {
                if let Some((rt, v)) = run.take() {
                    put(d, rt, &v.join(" "), heading);
                }
                run = Some((t, vec![s]));
            }
        }
    }
    if let Some((rt, v)) = run {
        put(d, rt, &v.join(" "), heading);
    }
}

/// A sentence of two clauses that each say "you …" ("You will need to be
/// patient, and you will need a full driving licence.") as two sentences.
fn clauses(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    for sep in [
        ", and you'll ",
        ", and you will ",
        ", and you'd ",
        ", and you would ",
        ", and you may ",
        ", and you must ",
    ] {
        if let Some(i) = lower.find(sep) {
            let first = format!("{}.", s[..i].trim_end_matches(','));
            let second = upper_first(s[i + ", and ".len()..].trim());
            if words(&first).len() >= 4 && words(&second).len() >= 4 {
                return vec![first, second];
            }
        }
    }
    vec![s.to_string()]
}

/// Puts text in a field.
pub fn put(d: &mut Draft, t: Target, s: &str, heading: Option<&str>) {
    if cues::salary(s) {
        if work::salary(d, s) {
            return;
        }
        d.unsorted(heading, s);
        return;
    }
    match t {
        Target::DutyNote => d.duty_notes.push(s.to_string()),
        Target::Field(Cue::Salary | Cue::Hours | Cue::Shifts) => work::hours(d, s),
        Target::Field(Cue::Conditions) => d
            .conditions
            .push(work::strip_lead(s, &["In this job, ", "In this job "])),
        Target::Field(Cue::Location) => work::locations(d, s),
        Target::Field(Cue::Travel) if d.travel.is_none() => d.travel = Some(s.to_string()),
        Target::Field(Cue::Travel) => d.conditions.push(s.to_string()),
        Target::Field(Cue::Route(r)) => d.route(r).description.push(s.to_string()),
        Target::Field(Cue::Restriction) => d.restrictions.push(s.to_string()),
        Target::Field(Cue::Skill) => d.skills.push(fields::skill_of(s)),
        Target::Field(Cue::Training) => fields::training(d, s),
        Target::Field(Cue::CareerPath) => d.career_path.push(s.to_string()),
        Target::Field(Cue::CareerTip) => d.career_tips.push(s.to_string()),
        Target::Field(Cue::Employers) => work::employers(d, s, heading),
        Target::Field(Cue::Advertised) => work::advertised(d, s, heading),
        Target::Field(Cue::Further) => d.further_text.push(s.to_string()),
        Target::Unsorted => d.unsorted(heading, s),
    }
}

/// A list with its lead-in as one sentence: "Paramedics use equipment such
/// as: a; b" → "Paramedics use equipment such as a, b and c."
pub fn list_sentence(intro: &str, items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| super::text::fragment(i)).collect();
    let list = match items.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    format!("{} {list}.", intro.trim().trim_end_matches(':').trim_end())
}

/// Drops a section as furniture, listing it.
fn drop_section(dropped: &mut Vec<Dropped>, why: &str, sec: &Section) {
    let mut text = sec.heading.clone().unwrap_or_default();
    for b in &sec.blocks {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&b.text());
    }
    dropped.push(Dropped {
        source: String::new(),
        why: why.to_string(),
        text,
    });
}

/// Whether a section under an unknown heading in the routes part ("Armed
/// forces") speaks of a route.
fn about_routes(sec: &Section) -> bool {
    sec.blocks.iter().any(|b| {
        let t = b.text();
        cues::route(&t).is_some()
            || ["gcse", "qualification", "course", "entry requirement"]
                .iter()
                .any(|w| t.to_lowercase().contains(w))
    })
}

/// Places every section of a page.
pub fn place(page: Page, d: &mut Draft, dropped: &mut Vec<Dropped>) {
    d.title = page.title.clone();
    let mut st = routes::State::default();
    for sec in page.sections {
        let h = sec.heading.as_deref();
        let entry = matches!(
            sec.kind,
            Kind::Entry | Kind::Route(_) | Kind::EntryRequirements | Kind::WorkExperience
        ) || (sec.kind == Kind::MoreInformation && st.active())
            || (sec.kind == Kind::Unknown && h.is_some() && st.active() && about_routes(&sec));
        if !entry {
            st.leave();
        }
        match sec.kind {
            Kind::Furniture(why) => drop_section(dropped, why, &sec),
            Kind::Promo => drop_section(dropped, "a promo for another job", &sec),
            Kind::MoreInformation if sec.blocks.is_empty() || st.active() => {
                drop_section(
                    dropped,
                    "a \"More Information\" link (empty in text)",
                    &Section {
                        blocks: vec![],
                        ..sec.clone()
                    },
                );
                st.close();
                routes::section(d, &mut st, &sec);
            }
            _ if sec.blocks.is_empty() => {
                if sec.kind == Kind::Unknown && h.is_some() {
                    drop_section(
                        dropped,
                        "an empty heading (a link or a label on the web page)",
                        &sec,
                    );
                }
            }
            _ if entry => routes::section(d, &mut st, &sec),
            Kind::Unknown if h.is_none() => intro(d, &mut st, &sec.blocks),
            Kind::AltTitles => {
                let rest = fields::alternative_titles(d, &sec.blocks);
                intro(d, &mut st, &rest);
            }
            Kind::Salary => {
                let rest = work::salary_section(d, &sec);
                intro(d, &mut st, &rest);
            }
            Kind::Shifts => {
                let rest = work::shifts(d, &sec.blocks);
                intro(d, &mut st, &rest);
            }
            Kind::Hours | Kind::HoursAndEnvironment => each_sentence(d, &sec, |s| {
                choose(
                    s,
                    Target::Field(Cue::Hours),
                    &[
                        Cue::Travel,
                        Cue::Location,
                        Cue::Conditions,
                        Cue::Restriction,
                    ],
                )
            }),
            Kind::Duties => fields::duties(d, &sec, false),
            Kind::Tasks => fields::duties(d, &sec, true),
            Kind::Environment => each_sentence(d, &sec, |s| {
                match choose(
                    s,
                    Target::Field(Cue::Conditions),
                    &[WORK, &[Cue::Employers]].concat(),
                ) {
                    // "Where will I work?": places, and employers by their words.
                    Target::Field(Cue::Conditions) if cues::employers(s) => {
                        Target::Field(Cue::Employers)
                    }
                    t => t,
                }
            }),
            Kind::Skills | Kind::Interests => fields::skills(d, &sec),
            Kind::Restrictions => fields::restrictions(d, &sec),
            Kind::Training => each_sentence(d, &sec, |s| {
                choose(
                    s,
                    Target::Field(Cue::Training),
                    &[Cue::Salary, Cue::Hours, Cue::Restriction],
                )
            }),
            Kind::CareerPath => fields::career_path(d, &sec),
            Kind::CareerTips => each_sentence(d, &sec, |s| {
                choose(s, Target::Field(Cue::CareerTip), &[Cue::Salary])
            }),
            Kind::WhereJobs | Kind::Opportunities => fields::where_jobs(d, &sec),
            Kind::FurtherInformation | Kind::MoreInformation => contacts::further(d, &sec.blocks),
            Kind::RelatedJobs => {
                for b in &sec.blocks {
                    match b {
                        Block::List(items) => d.related_jobs.extend(items.iter().cloned()),
                        Block::Para(lines) => d.related_jobs.extend(lines.iter().cloned()),
                    }
                }
            }
            Kind::Unknown => each_sentence(d, &sec, |s| choose(s, Target::Unsorted, ANY)),
            Kind::Entry | Kind::Route(_) | Kind::EntryRequirements | Kind::WorkExperience => {
                routes::section(d, &mut st, &sec)
            }
        }
    }
}

/// Places every paragraph and list item of a section by `pick`.
pub fn each_sentence(d: &mut Draft, sec: &Section, pick: impl Fn(&str) -> Target) {
    let h = sec.heading.as_deref();
    for part in parts(&sec.blocks) {
        match part {
            Part::Led(led) => {
                let (intro, items) = led.after(|b| prose(d, b, h, &pick));
                // The list takes its field from its lead-in.
                let t = pick(&intro);
                if matches!(
                    t,
                    Target::Unsorted | Target::Field(Cue::Training | Cue::CareerTip)
                ) {
                    put(d, t, &list_sentence(&intro, items), h);
                } else {
                    for it in items {
                        put(d, pick(it), it, h);
                    }
                }
            }
            Part::Para(p) => prose(d, &p, h, &pick),
            Part::List(items) => {
                for it in items {
                    put(d, pick(it), it, h);
                }
            }
        }
    }
}

/// What comes before the first heading: the summary, a list of routes
/// ("You can get into this job through:"), and facts by their words.
fn intro(d: &mut Draft, st: &mut routes::State, blocks: &[Block]) {
    for part in parts(blocks) {
        match part {
            Part::Led(led) => {
                let (intro, items) =
                    led.after(|b| prose(d, b, None, |s| choose(s, Target::DutyNote, ANY)));
                if routes::lists_routes(&intro) {
                    routes::listed(d, st, items);
                } else {
                    put(
                        d,
                        choose(&intro, Target::Unsorted, ANY),
                        &list_sentence(&intro, items),
                        None,
                    );
                }
            }
            Part::Para(p) => {
                if d.summary.is_none() && cues::strong(&p).is_none() {
                    d.summary = Some(p);
                } else {
                    prose(d, &p, None, |s| choose(s, Target::DutyNote, ANY));
                }
            }
            Part::List(items) => {
                for it in items {
                    put(d, choose(it, Target::Unsorted, ANY), it, None);
                }
            }
        }
    }
}
