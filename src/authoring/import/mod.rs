//! `careerpress import`: careers pages copied as plain text into a draft
//! job profile.
//!
//! The pages careers teams migrate from are the National Careers Service
//! job profiles (today's layout, the 2019 one with numbered sections and
//! the 2012 one), NHS Health Careers role pages, Prospects, My World of
//! Work and the older job guides. A page is read by its content, not by
//! where things are on it:
//!
//! - [`furniture`] leaves out what the site puts around the facts (skip
//!   links, breadcrumbs, banners, feedback prompts, transcripts, widgets)
//!   and lists it in the [`Report`];
//! - [`page`] finds the title and splits the page at headings, recognised
//!   wherever they are by their shape and words ([`headings`]), with the
//!   hints of the sites' vocabulary files ([`sites`], data, not code);
//! - [`place`] and [`routes`] put each section's text in its field, and a
//!   sentence whose words say otherwise where they say ([`cues`],
//!   [`target`]): a salary or hours in any section become numbers
//!   ([`numbers`]). The section readers ([`place`], [`fields`], [`routes`],
//!   [`prose`]) stand on the one writer of a sentence into a field
//!   ([`put`], with [`work`]), which reads no section;
//! - what cannot be placed goes to the job's `unsorted` list, labelled with
//!   its source and heading, for a person to sort: nothing is lost.
//!
//! Several pages of one job merge into one draft ([`draft`]): read best
//! source first whatever order the files were given in, lists joined with
//! near-duplicates as one, a second value of a single field kept under
//! `unsorted` with its source, and the salary citing the page it is from.
//! The result is always a draft: values the pages do not give are the
//! placeholders of [`placeholders`], each with a `# TODO` comment.

mod contacts;
mod cues;
mod draft;
mod emit;
mod fields;
pub mod furniture;
mod headings;
pub mod input;
mod kinds;
mod numbers;
mod page;
mod pairs;
mod place;
pub mod placeholders;
mod prose;
mod put;
mod routes;
mod sites;
mod target;
pub mod text;
mod to_job;
pub mod trace;
mod work;

pub use draft::Draft;
pub use input::{read_file, read_input, Form, MAX_INPUT_BYTES};

use crate::content::Job;

/// One input: a name for messages and `sources`, its text, and what the
/// file itself said of its structure (see [`input`]).
#[derive(Debug, Clone, Default)]
pub struct Input {
    pub name: String,
    pub text: String,
    /// What the file was read as.
    pub form: input::Form,
    /// The encoding its bytes were in (`UTF-8`, `windows-1252`, …).
    pub encoding: String,
    /// The lines the file marks as headings (HTML `h1`–`h6`, Word's
    /// heading styles), in order; empty for plain text.
    pub headings: Vec<String>,
    /// The title the file gives (its first `h1` or Title paragraph).
    pub title: Option<String>,
}

impl Input {
    /// Plain text already in memory.
    pub fn plain(name: &str, text: &str) -> Input {
        Input {
            name: name.to_string(),
            text: text.to_string(),
            encoding: "UTF-8".into(),
            ..Input::default()
        }
    }
}

/// The site a page is from: one of the site families of [`sites`], or
/// none of them (read with the same rules).
#[derive(Debug, Clone, Copy)]
pub struct Layout(Option<&'static sites::Site>);

impl PartialEq for Layout {
    fn eq(&self, other: &Layout) -> bool {
        self.id() == other.id()
    }
}

impl Eq for Layout {}

impl Layout {
    /// A page of no site the importer has a vocabulary file for.
    pub const OTHER: Layout = Layout(None);

    /// The site a page is from, by the headings and furniture it has.
    pub fn detect(lines: &[String]) -> Layout {
        Layout(sites::detect(lines, |l| headings::kind(l).is_some()))
    }

    pub fn describe(self) -> &'static str {
        self.0
            .map_or("a careers page in an unrecognised layout", |s| &s.describe)
    }

    /// How current the site's figures are, best first: today's sites,
    /// then the older layouts (whose salaries and grades have dated).
    pub fn rank(self) -> u8 {
        self.0.map_or(u8::MAX, |s| s.rank)
    }

    /// The id its source gets in the profile.
    pub fn id(self) -> &'static str {
        self.0.map_or("source", |s| &s.id)
    }
}

/// Runs `f` with the generic reader alone, no site's vocabulary file
/// (to measure what the hints add).
pub fn without_site_hints<R>(f: impl FnOnce() -> R) -> R {
    sites::without(f)
}

/// Something left out as page furniture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// The source id of the page it was on.
    pub source: String,
    /// Why, e.g. "a promo for another job".
    pub why: String,
    /// The text left out, heading first.
    pub text: String,
}

/// What an import did, for the person who sorts the draft.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Each page: its name, source id and layout (best source first).
    pub files: Vec<(String, String, Layout)>,
    /// How each file was read ("a web page (HTML), UTF-8"), by name.
    pub read_as: Vec<(String, String)>,
    /// Page furniture left out.
    pub dropped: Vec<Dropped>,
    /// Fields given a draft value a person must check (`# TODO` in the file).
    pub todos: Vec<(String, String)>,
    /// How many facts went into the profile's fields.
    pub placed: usize,
    /// How many items went to `unsorted`.
    pub unsorted: usize,
    /// Each sentence of the pages and what became of it (read back from
    /// the draft: see [`trace`]).
    pub trace: Vec<trace::Traced>,
}

/// A draft profile: the model, its YAML (with comments), and the report.
#[derive(Debug, Clone)]
pub struct Import {
    pub job: Job,
    pub yaml: String,
    pub report: Report,
}

/// One page read, before it is named and merged.
struct Read {
    name: String,
    read_as: String,
    text: String,
    layout: Layout,
    title: Option<String>,
    date: Option<String>,
    draft: Draft,
    dropped: Vec<Dropped>,
}

/// Imports one or more plain-text pages of one job into a draft.
/// `today` (`YYYY-MM-DD`) is the draft's `last_reviewed`, marked TODO.
pub fn import(inputs: &[Input], today: &str) -> Result<Import, String> {
    if inputs.is_empty() {
        return Err("give at least one file to import".into());
    }
    let mut reads: Vec<Read> = inputs
        .iter()
        .map(|input| {
            let mut dropped = Vec::new();
            let page = page::read(
                &input.text,
                &input.headings,
                input.title.as_deref(),
                &mut dropped,
            );
            let (layout, title, date) = (page.layout, page.title.clone(), page.date.clone());
            let mut draft = Draft::default();
            place::place(page, &mut draft, &mut dropped);
            Read {
                name: input.name.clone(),
                read_as: match (&input.form, input.encoding.as_str()) {
                    (Form::Word, _) | (_, "") => input.form.describe().to_string(),
                    (f, enc) => format!("{}, {enc}", f.describe()),
                },
                text: input.text.clone(),
                layout,
                title,
                date,
                draft,
                dropped,
            }
        })
        .collect();
    // Best source first (today's sites before older ones, a newer page
    // before an older one), then by content: the order the files were given
    // in changes nothing.
    let year = |r: &Read| std::cmp::Reverse(r.date.as_deref().and_then(year_of).unwrap_or(0));
    reads.sort_by(|a, b| {
        (a.layout.rank(), year(a), &a.text, &a.name).cmp(&(
            b.layout.rank(),
            year(b),
            &b.text,
            &b.name,
        ))
    });
    let pages: Vec<(String, String)> = reads
        .iter()
        .map(|r| (r.name.clone(), r.text.clone()))
        .collect();
    let mut report = Report::default();
    let mut merged: Option<Draft> = None;
    let mut ids: Vec<String> = Vec::new();
    for r in reads {
        let base = r.layout.id();
        let mut id = base.to_string();
        let mut n = 2;
        while ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        ids.push(id.clone());
        let mut d = r.draft;
        d.set_source(draft::SourceDraft {
            id: id.clone(),
            name: r.name.clone(),
            layout: r.layout,
            page_title: r.title,
            date: r.date,
        });
        for mut dr in r.dropped {
            dr.source = id.clone();
            report.dropped.push(dr);
        }
        report.read_as.push((r.name.clone(), r.read_as));
        report.files.push((r.name, id, r.layout));
        match &mut merged {
            None => merged = Some(d),
            Some(m) => m.merge(d),
        }
    }
    let mut draft = merged.unwrap_or_default();
    // Items past what a list may hold are left out, and said so.
    for (field, items) in draft.cap() {
        report.dropped.push(Dropped {
            source: "the merged draft".into(),
            why: format!(
                "more items for {field} than a profile may hold ({})",
                crate::content::MAX_LIST_ITEMS
            ),
            text: items.join("\n"),
        });
    }
    report.placed = draft.facts();
    let (job, todos) = draft.into_job(today);
    report.todos = todos;
    report.unsorted = job.unsorted.len();
    report.trace = trace::trace(&pages, &job, &report.dropped);
    let yaml = emit::yaml(&job, &report)?;
    Ok(Import { job, yaml, report })
}

/// The year in a page's date ("last reviewed 14 March 2024" → 2024).
fn year_of(date: &str) -> Option<u32> {
    date.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .next_back()
}

/// A file name for a title: "Patient advice and liaison service officer" →
/// `patient-advice-and-liaison-service-officer`.
pub fn id_for(title: &str) -> String {
    let mut id = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    let mut id: String = id.chars().take(64).collect();
    while id.ends_with('-') {
        id.pop();
    }
    if id.is_empty() || id.starts_with("todo") {
        "imported-job".into()
    } else {
        id
    }
}
