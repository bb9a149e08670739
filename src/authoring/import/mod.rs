//! `careerpress import`: plain-text careers profiles into a draft job
//! profile.
//!
//! Two layouts are known, those of the seed documents: the National Careers
//! Service "How to become" page (headings such as "College", "Entry
//! requirements", "More Information", one paragraph a line, `- ` bullets)
//! and the older "The Job and What's Involved" job guide (paragraphs between
//! blank lines, `  • ` bullets, facts in prose: salaries, hours, places).
//! Sections are mapped to fields, bullet lists to lists, salaries and hours
//! to numbers, contacts to contact records. Page noise (a "Featured Job
//! Guide" promo for another job, empty "More Information" stubs, empty
//! headings) is dropped and listed in the [`Report`]. Whatever cannot be
//! placed goes to the job's `unsorted` list, labelled with where it came
//! from, for a person to sort: nothing is lost. Several files make one
//! profile, merged field by field; where two give different values for one
//! field, the first is kept and the other goes to `unsorted`.

mod draft;
mod emit;
mod sections;
pub mod text;

pub use draft::Draft;

use crate::content::Job;

/// One input: a name for messages and `sources`, and its text.
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    pub text: String,
}

/// The layout a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A National Careers Service "How to become" page.
    HowToBecome,
    /// A "The Job and What's Involved" job guide.
    JobGuide,
    /// Neither: read with the same rules, sections by known headings.
    Other,
}

impl Layout {
    pub fn describe(self) -> &'static str {
        match self {
            Layout::HowToBecome => "a \"How to become\" careers profile",
            Layout::JobGuide => "a \"The Job and What's Involved\" job guide",
            Layout::Other => "an unrecognised layout",
        }
    }
}

/// Something left out as page noise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// The source id of the file it was in.
    pub source: String,
    /// Why, e.g. "promo for another job".
    pub why: String,
    /// The heading and text left out.
    pub text: String,
}

/// What an import did, for the person who sorts the draft.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Each file: its name, source id and layout.
    pub files: Vec<(String, String, Layout)>,
    /// Page noise left out.
    pub dropped: Vec<Dropped>,
    /// Fields given a draft value a person must check (`# TODO` in the file).
    pub todos: Vec<(String, String)>,
    /// How many items went to `unsorted`.
    pub unsorted: usize,
}

/// A draft profile: the model, its YAML (with comments), and the report.
#[derive(Debug, Clone)]
pub struct Import {
    pub job: Job,
    pub yaml: String,
    pub report: Report,
}

/// Imports one or more plain-text profiles of one job into a draft.
/// `today` (`YYYY-MM-DD`) is the draft's `last_reviewed`, marked TODO.
pub fn import(inputs: &[Input], today: &str) -> Result<Import, String> {
    if inputs.is_empty() {
        return Err("give at least one file to import".into());
    }
    let mut report = Report::default();
    let mut merged: Option<Draft> = None;
    let mut ids: Vec<String> = Vec::new();
    for input in inputs {
        let (layout, mut d) = sections::read(&input.text, &mut report.dropped);
        let base = match layout {
            Layout::HowToBecome => "how-to-become",
            Layout::JobGuide => "job-guide",
            Layout::Other => "source",
        };
        let mut id = base.to_string();
        let mut n = 2;
        while ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        ids.push(id.clone());
        d.set_source(&id, &input.name, layout);
        for dr in report.dropped.iter_mut().filter(|d| d.source.is_empty()) {
            dr.source = id.clone();
        }
        report.files.push((input.name.clone(), id, layout));
        match &mut merged {
            None => merged = Some(d),
            Some(m) => m.merge(d),
        }
    }
    let draft = merged.unwrap_or_default();
    let (job, todos) = draft.into_job(today);
    report.todos = todos;
    report.unsorted = job.unsorted.len();
    let yaml = emit::yaml(&job, &report)?;
    Ok(Import { job, yaml, report })
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
    if id.is_empty() {
        "imported-job".into()
    } else {
        id
    }
}
