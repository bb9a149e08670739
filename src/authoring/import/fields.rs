//! Filling one field from a section: alternative titles, salary figures
//! and the working pattern, the duties and their tasks, skills as
//! fragments completing "You'll need …", checks as sentences, the career
//! path, and where the jobs are. A sentence on the way that belongs
//! elsewhere is written by `put`, which never reads a section, so the
//! readers here sit above the writers.

use super::cues::{self, Cue};
use super::draft::Draft;
use super::page::{paragraphs, parts, Block, Led, Part, Section};
use super::prose::{list_sentence, prose};
use super::put::put;
use super::target::{choose, Target, WORK};
use super::text::{fragment, lower_first, sentences, upper_first};
use super::work::salary;

/// "Alternative titles for this job include" / "Also known as" and the
/// titles; a sentence after them (the summary) is given back.
pub fn alternative_titles(d: &mut Draft, blocks: &[Block]) -> Vec<Block> {
    let mut rest = Vec::new();
    let titles = |l: &String| {
        !l.trim_end().ends_with(['.', ':', '!', '?']) && l.split_whitespace().count() <= 16
    };
    for (i, b) in blocks.iter().enumerate() {
        let (lines, list) = match b {
            Block::List(items) => (items.clone(), true),
            Block::Para(lines) => (lines.clone(), false),
        };
        let n = if i == 0 {
            lines.iter().take_while(|l| titles(l)).count()
        } else {
            0
        };
        for c in &lines[..n] {
            for t in c.split([',', ';']) {
                let t = t.trim().trim_start_matches("and ").trim();
                if !t.is_empty() {
                    d.alternative_titles.push(upper_first(t));
                }
            }
        }
        if n < lines.len() {
            let more = lines[n..].to_vec();
            rest.push(if list {
                Block::List(more)
            } else {
                Block::Para(more)
            });
        }
    }
    rest
}

/// A salary section: figures (a label on one line and its figure on the
/// next read together), hours and the rest by their words. A page's
/// salary header ("Starting salary £16,000 + per year") is followed by
/// its introduction: when no summary is known yet, the paragraphs after
/// the figures are given back.
pub fn salary_section(d: &mut Draft, sec: &Section) -> Vec<Block> {
    let header = d.summary.is_none();
    let figure_at = sec.blocks.iter().rposition(|b| b.text().contains('£'));
    let (sec_blocks, rest) = match figure_at {
        Some(i) if header => (sec.blocks[..=i].to_vec(), sec.blocks[i + 1..].to_vec()),
        _ => (sec.blocks.clone(), vec![]),
    };
    let h = sec.heading.as_deref();
    let label = h
        .map(|h| h.to_lowercase())
        .filter(|h| h.contains("start") || h.contains("entry"))
        .map(|_| "Starting salary: ");
    let mut lines: Vec<String> = Vec::new();
    for b in &sec_blocks {
        match b {
            Block::Para(l) => lines.extend(paragraphs(l)),
            Block::List(items) => lines.extend(items.iter().cloned()),
        }
    }
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        let is_label = !l.contains('£')
            && !l.chars().any(|c| c.is_ascii_digit())
            && l.split_whitespace().count() <= 3;
        let text = match lines.get(i + 1) {
            Some(next) if is_label && next.trim_start().starts_with('£') => {
                i += 1;
                format!("{l} {next}")
            }
            _ => format!(
                "{}{l}",
                if l.trim_start().starts_with('£') {
                    label.unwrap_or("")
                } else {
                    ""
                }
            ),
        };
        i += 1;
        for s in sentences(&text) {
            if cues::figure(&s) {
                if !salary(d, &s) {
                    d.unsorted(h, &s);
                }
            } else {
                let allowed = [
                    Cue::Hours,
                    Cue::Shifts,
                    Cue::Location,
                    Cue::Travel,
                    Cue::Conditions,
                    Cue::Employers,
                ];
                put(d, choose(&s, Target::Unsorted, &allowed), &s, h);
            }
        }
    }
    rest
}

/// NCS "You could work" and its line ("evenings / weekends on a rota");
/// what follows is given back.
pub fn shifts(d: &mut Draft, blocks: &[Block]) -> Vec<Block> {
    let mut rest = blocks.to_vec();
    if let Some(Block::Para(lines)) = rest.first_mut() {
        if let Some(first) = lines.first().cloned() {
            if !first.ends_with('.') {
                d.shifts.get_or_insert(first.trim().to_string());
                lines.remove(0);
            }
        }
        if lines.is_empty() {
            rest.remove(0);
        }
    }
    rest
}

/// "The Job and What's Involved", "Working life", "Day-to-day tasks": the
/// first paragraph is the summary (unless `tasks_only`), the first list and
/// its lead-in the tasks, the rest duty notes or whatever their words say.
pub fn duties(d: &mut Draft, sec: &Section, tasks_only: bool) {
    let h = sec.heading.as_deref();
    let pick = |s: &str| choose(s, Target::DutyNote, WORK);
    for part in parts(&sec.blocks) {
        match part {
            Part::Led(Led {
                before,
                intro,
                items,
            }) => {
                // The lead-in's whole paragraph leads into the tasks ("As a
                // PALS officer, your duties could range from … Your work
                // could also include:").
                let whole = before
                    .as_ref()
                    .filter(|b| d.tasks.is_empty() && cues::all(b).is_empty())
                    .map(|b| format!("{b} {intro}"));
                let intro = match whole {
                    Some(w) => w,
                    None => {
                        if let Some(b) = &before {
                            prose(d, b, h, pick);
                        }
                        intro
                    }
                };
                let l = intro.to_lowercase();
                let more_tasks = [
                    "include", "involve", "could", "duties", "tasks", "might", "would", "need to",
                    "you'll", "may",
                ]
                .iter()
                .any(|w| l.contains(w));
                if d.tasks.is_empty() {
                    d.duties_intro.get_or_insert(intro);
                    d.tasks.extend(items.iter().cloned());
                } else if more_tasks {
                    d.duty_notes.push(intro);
                    d.tasks.extend(items.iter().cloned());
                } else {
                    d.duty_notes.push(list_sentence(&intro, items));
                }
            }
            Part::List(items) => {
                for it in items {
                    match pick(it) {
                        Target::DutyNote => d.tasks.push(it.clone()),
                        t => put(d, t, it, h),
                    }
                }
            }
            Part::Para(p) => {
                if !tasks_only
                    && d.summary.is_none()
                    && d.tasks.is_empty()
                    && cues::strong(&p).is_none()
                {
                    d.summary = Some(p);
                } else {
                    prose(d, &p, h, pick);
                }
            }
        }
    }
}

/// What a list's lead-in makes of its items: "You'll need to be:" →
/// "to be …", "A paramedic needs to:" → "to …", "interested in:" → "an
/// interest in …".
fn skill_item(intro: &str, item: &str, interests: bool) -> String {
    let l = intro.to_lowercase();
    let f = fragment(item);
    if interests || l.contains("interested in") {
        return format!("an interest in {}", lower_first(&f));
    }
    if (l.ends_with("to be:") || l.ends_with("be:")) && !f.starts_with("to be") {
        return format!("to be {f}");
    }
    if l.ends_with("to:") && !f.starts_with("to ") {
        return format!("to {f}");
    }
    f
}

/// Skills: lists as fragments completing "You'll need …"; sentences by
/// their words.
pub fn skills(d: &mut Draft, sec: &Section) {
    let h = sec.heading.as_deref();
    let interests = sec.kind == super::headings::Kind::Interests;
    let pick = |s: &str| {
        choose(
            s,
            Target::Field(Cue::Skill),
            &[Cue::Salary, Cue::Hours, Cue::Restriction],
        )
    };
    for part in parts(&sec.blocks) {
        match part {
            Part::Led(led) => {
                let (intro, items) = led.after(|b| prose(d, b, h, pick));
                d.skills
                    .extend(items.iter().map(|it| skill_item(&intro, it, interests)));
            }
            Part::List(items) => d
                .skills
                .extend(items.iter().map(|it| skill_item("", it, interests))),
            Part::Para(p) => {
                for s in sentences(&p) {
                    put(d, pick(&s), &s, h);
                }
            }
        }
    }
}

/// Checks and registration: "You'll need to:" + "pass enhanced background
/// checks" → "You'll need to pass enhanced background checks."
pub fn restrictions(d: &mut Draft, sec: &Section) {
    for part in parts(&sec.blocks) {
        let (intro, items) = match part {
            Part::Para(p) => {
                d.restrictions.push(p);
                continue;
            }
            Part::Led(led) => led.after(|b| d.restrictions.push(b.to_string())),
            Part::List(items) => (String::new(), items),
        };
        for it in items {
            let t = it.trim();
            let sentence = t.chars().next().is_some_and(char::is_uppercase) && t.ends_with('.');
            if sentence || intro.is_empty() {
                d.restrictions.push(t.to_string());
            } else {
                d.restrictions
                    .push(format!("{} {}.", intro.trim_end_matches(':'), fragment(t)));
            }
        }
    }
}

/// Career path: paragraphs whole, a list with its lead-in as one.
pub fn career_path(d: &mut Draft, sec: &Section) {
    let h = sec.heading.as_deref();
    for part in parts(&sec.blocks) {
        match part {
            Part::Led(led) => {
                let (intro, items) = led.after(|b| d.career_path.push(b.to_string()));
                d.career_path.push(list_sentence(&intro, items));
            }
            Part::Para(p) => prose(d, &p, h, |s| {
                choose(s, Target::Field(Cue::CareerPath), &[Cue::Salary])
            }),
            Part::List(items) => d.career_path.extend(items.iter().cloned()),
        }
    }
}

/// Employers, vacancies and progression ("Opportunities").
pub fn where_jobs(d: &mut Draft, sec: &Section) {
    let h = sec.heading.as_deref();
    let allowed = [
        Cue::Salary,
        Cue::Advertised,
        Cue::CareerPath,
        Cue::Employers,
        Cue::Location,
        Cue::Further,
    ];
    let pick = |s: &str| match choose(s, Target::Unsorted, &allowed) {
        Target::Field(Cue::Location) => Target::Field(Cue::Employers),
        t => t,
    };
    for part in parts(&sec.blocks) {
        match part {
            Part::Led(led) => {
                let (intro, items) = led.after(|b| prose(d, b, h, pick));
                let l = intro.to_lowercase();
                let list =
                    if l.contains("vacanc") || l.contains("advertis") || l.contains("look for") {
                        &mut d.advertised
                    } else {
                        &mut d.employers
                    };
                list.extend(items.iter().map(|s| fragment(s)));
            }
            Part::Para(p) => prose(d, &p, h, pick),
            Part::List(items) => d.employers.extend(items.iter().map(|s| fragment(s))),
        }
    }
}
