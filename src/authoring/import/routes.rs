//! Routes into the job. "You can get into this job through:" and its list
//! (in `•`, `-`, `*`, numbers or short lines) name the routes; a route's
//! heading ("College") or, where the page has none, its words ("You could
//! do a … apprenticeship") start its text; "Entry requirements" lists
//! belong to the route they are under; "More Information" ends a route
//! (it is a link on the web page) without taking the next one's text.

use super::cues::{self, Cue};
use super::draft::{default_in_brief, Draft};
use super::headings::Kind;
use super::page::{parts, Part, Section};
use super::put::put;
use super::target::Target;
use super::text::{fragment, sentences, upper_first};

/// Where the reading of routes is.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Routes named by the page's list, in its order.
    listed: Vec<&'static str>,
    /// The route being read.
    current: Option<&'static str>,
    /// Whether `current` came from a heading (then the route's words do
    /// not move a sentence to another route).
    by_heading: bool,
    /// Whether the route's requirements have been read (later paragraphs
    /// are notes).
    after_requirements: bool,
    /// Whether the page is in its routes part.
    active: bool,
}

impl State {
    pub fn active(&self) -> bool {
        self.active
    }

    /// Leaves the routes part of the page.
    pub fn leave(&mut self) {
        self.active = false;
        self.current = None;
    }

    /// Ends the route being read ("More Information").
    pub fn close(&mut self) {
        self.current = None;
        self.by_heading = false;
        self.after_requirements = false;
    }

    fn start(&mut self, r: &'static str, by_heading: bool) {
        self.current = Some(r);
        self.by_heading = by_heading;
        self.after_requirements = false;
    }
}

/// Which route a short item such as "a college course" names.
pub fn named(s: &str) -> Option<&'static str> {
    let l = s.to_lowercase();
    Some(
        if l.contains("university") || l.contains("degree") && !l.contains("apprentice") {
            "university"
        } else if l.contains("college") {
            "college"
        } else if l.contains("apprentice") {
            "apprenticeship"
        } else if l.contains("volunteer") {
            "volunteering"
        } else if l.contains("applying directly")
            || l.contains("apply directly")
            || l.contains("direct application")
        {
            "direct_application"
        } else if l.contains("working towards")
            || l.contains("work your way")
            || l.contains("trainee")
            || l.contains("on the job")
        {
            "work"
        } else if l.contains("specialist course")
            || l.contains("private training")
            || l.contains("other")
        {
            "other"
        } else {
            return None;
        },
    )
}

/// Whether a lead-in introduces the list of routes.
pub fn lists_routes(intro: &str) -> bool {
    let l = intro.to_lowercase();
    [
        "get into this job",
        "get into this career",
        "ways into",
        "routes into",
        "you can either",
        "become a",
        "become an",
    ]
    .iter()
    .any(|w| l.contains(w))
        && !l.contains("need")
}

/// The routes list: each item a route's `in_brief`, or its description
/// when it says more than a few words.
pub fn listed(d: &mut Draft, st: &mut State, items: &[String]) {
    st.active = true;
    for item in items {
        match named(item) {
            Some(r) => {
                if !st.listed.contains(&r) {
                    st.listed.push(r);
                }
                let short = item.split_whitespace().count() <= 6;
                if short {
                    d.route(r).in_brief.get_or_insert(fragment(item));
                } else {
                    d.route(r)
                        .in_brief
                        .get_or_insert(default_in_brief(r).to_string());
                    d.route(r)
                        .description
                        .push(format!("You could {}.", fragment(item)));
                }
            }
            None => d.unsorted(Some("You can get into this job through"), item),
        }
    }
}

/// The route a sentence goes to when no heading says.
fn route_for(st: &mut State, d: &Draft, s: &str) -> &'static str {
    let cue = cues::route(s);
    match (st.current, cue) {
        (Some(cur), Some(r)) if !st.by_heading && r != cur => {
            st.start(r, false);
            r
        }
        (Some(cur), _) => cur,
        (None, Some(r)) => {
            st.start(r, false);
            r
        }
        (None, None) => {
            // The next route the list named that has no text yet.
            let next = st
                .listed
                .iter()
                .copied()
                .find(|r| {
                    d.routes
                        .iter()
                        .find(|(k, _)| k == r)
                        .is_none_or(|(_, rd)| rd.description.is_empty())
                })
                .unwrap_or("direct_application");
            st.start(next, false);
            next
        }
    }
}

/// Where a sentence of the routes part goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Field(Target),
    Description(&'static str),
    Note(&'static str),
}

/// Decides where one sentence of the routes part goes.
fn decide(d: &Draft, st: &mut State, s: &str) -> Place {
    if let Some(c) = cues::strong(s) {
        return Place::Field(Target::Field(c));
    }
    let l = s.to_lowercase();
    let entry_words = [
        "gcse",
        "a level",
        "a-level",
        "degree",
        "apprentice",
        "college",
        "entry requirement",
        "qualif",
        "national 5",
        "higher",
    ];
    if cues::further(s) && !entry_words.iter().any(|w| l.contains(w)) {
        return Place::Field(Target::Field(Cue::Further));
    }
    if cues::tip(s) && cues::route(s).is_none_or(|r| r == "direct_application") {
        return Place::Field(Target::Field(Cue::CareerTip));
    }
    let route_words = cues::route(s).is_some_and(|r| r != "direct_application" && r != "work");
    if cues::training(s)
        && !route_words
        && !l.contains("entry requirement")
        && !l.contains("to get onto")
    {
        return Place::Field(Target::Field(Cue::Training));
    }
    let r = route_for(st, d, s);
    let has_requirements = d
        .routes
        .iter()
        .any(|(k, rd)| k == r && !rd.entry_requirements.is_empty());
    if st.after_requirements || (has_requirements && st.by_heading) {
        Place::Note(r)
    } else {
        Place::Description(r)
    }
}

fn apply(d: &mut Draft, p: Place, text: &str, heading: Option<&str>) {
    match p {
        Place::Field(t) => put(d, t, text, heading),
        Place::Description(r) => d.route(r).description.push(text.to_string()),
        Place::Note(r) => d.route(r).notes.push(text.to_string()),
    }
}

/// Places a paragraph sentence by sentence, consecutive sentences of one
/// place kept together.
fn paragraph(d: &mut Draft, st: &mut State, text: &str, heading: Option<&str>) {
    let mut runs: Vec<(Place, Vec<String>)> = Vec::new();
    for s in sentences(text) {
        let p = decide(d, st, &s);
        match runs.last_mut() {
            Some((last, v)) if *last == p && !matches!(p, Place::Field(t) if !t.joins()) => {
                v.push(s)
            }
            _ => runs.push((p, vec![s])),
        }
    }
    for (p, v) in runs {
        apply(d, p, &v.join(" "), heading);
    }
}

/// A route's requirements: "You'll usually need:" and its list.
fn requirements(d: &mut Draft, st: &mut State, intro: Option<String>, items: &[String]) {
    let r = match st.current {
        Some(r) => r,
        None => {
            let r = intro
                .as_deref()
                .and_then(cues::route)
                .unwrap_or("direct_application");
            st.start(r, false);
            r
        }
    };
    let route = d.route(r);
    match intro {
        Some(i) if route.requirements_intro.is_none() => route.requirements_intro = Some(i),
        Some(i) => route.notes.push(i),
        None => {}
    }
    route
        .entry_requirements
        .extend(items.iter().map(|s| fragment(s)));
    st.after_requirements = true;
}

/// A section of the routes part: a route, its requirements, or prose about
/// getting in.
pub fn section(d: &mut Draft, st: &mut State, sec: &Section) {
    st.active = true;
    let h = sec.heading.as_deref();
    match sec.kind {
        Kind::Route(r) => {
            st.start(r, true);
            d.route(r)
                .in_brief
                .get_or_insert(default_in_brief(r).to_string());
        }
        Kind::EntryRequirements => st.after_requirements = false,
        Kind::Entry | Kind::WorkExperience if !st.listed.is_empty() || st.current.is_some() => {
            st.close()
        }
        _ => {}
    }
    for part in parts(&sec.blocks) {
        match part {
            Part::Led(led) => {
                let (intro, items) = led.after(|b| paragraph(d, st, b, h));
                let named_items = items.iter().filter(|i| named(i).is_some()).count();
                if lists_routes(&intro) && named_items * 2 >= items.len() {
                    listed(d, st, items);
                    st.close();
                } else {
                    requirements(d, st, Some(intro), items);
                }
            }
            Part::List(items) => {
                // Requirements under "Entry requirements"; elsewhere each
                // item is a sentence of its own ("• You'll need to register").
                let sentences_all = items.iter().all(|i| i.trim_end().ends_with('.'));
                if sec.kind == Kind::EntryRequirements || (st.current.is_some() && !sentences_all) {
                    requirements(d, st, None, items);
                } else {
                    for it in items {
                        paragraph(d, st, &upper_first(it), h);
                    }
                }
            }
            Part::Para(p) => paragraph(d, st, &p, h),
        }
    }
}
