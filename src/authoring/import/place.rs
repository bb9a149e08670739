//! Sections into fields. Each kind of section has a field its sentences go
//! to; a sentence whose words say it belongs elsewhere (a salary in "What
//! you'll do", hours in "Pay and conditions", a DBS check anywhere) goes
//! there instead (`cues`, `target`). Routes are read in `routes`, the other
//! sections that need more than sentence by sentence in `fields`.

use super::contacts;
use super::cues::{self, Cue};
use super::draft::Draft;
use super::fields;
use super::headings::Kind;
use super::page::{parts, Block, Page, Part, Section};
use super::prose::{each_sentence, list_sentence, prose};
use super::put::put;
use super::routes;
use super::target::{choose, Target, ANY, WORK};
use super::Dropped;

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
                let rest = fields::salary_section(d, &sec);
                intro(d, &mut st, &rest);
            }
            Kind::Shifts => {
                let rest = fields::shifts(d, &sec.blocks);
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
            // A related job is a name: a sentence under the heading is not
            // one (a page that puts its text after a "Related jobs" widget)
            // and is read as text before any heading is.
            Kind::RelatedJobs => {
                let mut text = Vec::new();
                for b in &sec.blocks {
                    let lines = match b {
                        Block::List(items) | Block::Para(items) => items,
                    };
                    let (names, rest): (Vec<&String>, Vec<&String>) =
                        lines.iter().partition(|l| job_name(l));
                    d.related_jobs.extend(names.into_iter().cloned());
                    if !rest.is_empty() {
                        let rest = rest.into_iter().cloned().collect();
                        text.push(match b {
                            Block::List(_) => Block::List(rest),
                            Block::Para(_) => Block::Para(rest),
                        });
                    }
                }
                intro(d, &mut st, &text);
            }
            // A heading nothing names: each sentence by its words, a task by
            // its form, a sentence telling the reader what they do as a
            // duty; the rest for a person to sort.
            Kind::Unknown => each_sentence(d, &sec, |s| match choose(s, Target::Unsorted, ANY) {
                Target::Unsorted if super::target::task_like(s) => Target::Task,
                Target::Unsorted if super::target::second_person(s) => Target::DutyNote,
                t => t,
            }),
            Kind::Entry | Kind::Route(_) | Kind::EntryRequirements | Kind::WorkExperience => {
                routes::section(d, &mut st, &sec)
            }
        }
    }
}

/// Whether a line reads as a job's name ("Dental nurse", "Healthcare
/// science assistant"), not a sentence.
fn job_name(l: &str) -> bool {
    let t = l.trim();
    !super::text::ends_sentence(t) && !t.contains(": ") && t.split_whitespace().count() <= 8
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
                if d.summary.is_none()
                    && cues::strong(&p).is_none()
                    && !super::prose::figure_pair(&p)
                {
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
