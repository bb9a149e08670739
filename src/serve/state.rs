//! What `serve` shows: every document of the matrix with its last build
//! status and error, the jobs and trusts by name, and the project's
//! problems, kept up to date from the watch's events.
//!
//! A document whose job, brand or template fails to load is *held back*,
//! not dropped: its last good file stays on show beside the error that
//! stops it being rebuilt, just as a build never calls it stale.

use crate::authoring::watch::Event;
use crate::pipeline::{self, Options, Project, Report, Status, Target};
use crate::template::Format;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One document of the matrix.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    /// Relative to the output folder, with `/`.
    pub path: String,
    pub brand: String,
    pub job: String,
    pub template: String,
    pub format: Format,
    /// The print file of a leaflet (bleed, crop marks, CMYK), beside its
    /// screen file.
    pub print: bool,
    /// Which of a template's files this is, when it has several: "for
    /// print", or the language of a brand's separate Welsh and English
    /// documents.
    pub variant: Option<String>,
    /// What the last build that made or considered it said; `None` before
    /// the first build.
    pub status: Option<Status>,
    pub error: Option<String>,
    pub warnings: Vec<String>,
    /// Bumped each time the file is rebuilt, so a page showing it knows
    /// when to show it again.
    pub version: u64,
    /// Not rebuilt while its job, brand or template fails to load, or
    /// while it is a draft and drafts are not built.
    pub held_back: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct JobInfo {
    pub title: String,
    pub draft: bool,
    /// How easy it is to read (the plain-English check's figures).
    pub reading: Option<String>,
}

/// Everything the pages show.
#[derive(Debug, Default)]
pub(crate) struct State {
    /// Bumped on every change; pages compare it to know they are stale.
    pub generation: u64,
    /// A build is under way (a change was seen and not yet built).
    pub building: bool,
    /// The first build has finished.
    pub ready: bool,
    /// The last build's problems: content and template errors with file,
    /// line and column, drafts left out with their placeholders.
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    /// The watcher's own problems (a folder it cannot watch), latest last.
    pub problems: Vec<String>,
    /// By id: the trust's name.
    pub brands: BTreeMap<String, String>,
    pub jobs: BTreeMap<String, JobInfo>,
    /// By path.
    pub docs: BTreeMap<String, Doc>,
    /// Paths shown to people relative to this (the project folder).
    root: PathBuf,
}

/// The watcher's problems kept for the index.
const MAX_PROBLEMS: usize = 20;

impl State {
    pub(crate) fn new(root: &Path) -> State {
        State {
            root: root.to_path_buf(),
            building: true,
            ..State::default()
        }
    }

    /// Takes in one event from the watch; for a build, `project` is the
    /// project as loaded after it (for names and the matrix).
    pub(crate) fn apply(&mut self, event: &Event, base: &Options, project: Option<&Project>) {
        match event {
            Event::Watching(_) => return,
            Event::Changed(_) => self.building = true,
            Event::Built(report) => match project {
                Some(project) => self.built(project, report, base),
                None => return,
            },
            Event::Problem(p) => {
                // A build that could not run is over too: the page says
                // why, and that it watches for the fix.
                self.building = false;
                self.ready = true;
                self.problems.push(p.clone());
                let extra = self.problems.len().saturating_sub(MAX_PROBLEMS);
                self.problems.drain(..extra);
            }
        }
        self.generation += 1;
    }

    fn built(&mut self, project: &Project, report: &Report, base: &Options) {
        self.building = false;
        self.ready = true;
        self.errors = report.errors.iter().map(|e| self.shorten(e)).collect();
        self.warnings = report.warnings.iter().map(|w| self.shorten(w)).collect();
        // Plain English, as `check` says it: warnings, or errors when the
        // project makes them so.
        let plain = crate::authoring::plain::check(project);
        for p in &plain.problems {
            let line = self.shorten(p);
            if p.is_warning() {
                self.warnings.push(line);
            } else {
                self.errors.push(line);
            }
        }
        let c = &project.content;
        for (id, b) in &c.brands {
            self.brands.insert(id.clone(), b.brand.name.to_string());
        }
        for (id, j) in &c.jobs {
            let info = JobInfo {
                title: j.job.title.to_string(),
                draft: j.is_draft(),
                reading: plain.describe(id),
            };
            self.jobs.insert(id.clone(), info);
        }
        // A plan that cannot be made (an output layout giving two documents
        // one file, say) is shown with the problems, and the documents
        // already shown stay, as while a file fails to load.
        let (plan, planning_failed) = match pipeline::plan_with_drafts(project, base) {
            Ok(plan) => (plan, false),
            Err(e) => {
                self.errors.push(self.shorten(&e));
                (Vec::new(), true)
            }
        };
        let loading_failed = planning_failed || !project.errors().is_empty();
        let mut old = std::mem::take(&mut self.docs);
        for t in &plan {
            // The key a build's report uses for this document.
            let key = pipeline::DocResult::new(t, Status::Skipped).path;
            let mut doc = old.remove(&key).unwrap_or_else(|| Doc {
                path: key.clone(),
                brand: t.brand.clone(),
                job: t.job.clone(),
                template: t.template.clone(),
                format: t.format,
                print: t.print,
                variant: variant(t),
                status: None,
                error: None,
                warnings: Vec::new(),
                version: 0,
                held_back: None,
            });
            let draft = c.jobs.get(&t.job).is_some_and(|j| j.is_draft())
                || c.brands.get(&t.brand).is_some_and(|b| b.is_draft());
            doc.held_back = (draft && !base.draft).then(|| {
                "a draft: it still has placeholders (listed with the problems); run serve with --draft to preview it marked DRAFT".to_string()
            });
            self.docs.insert(key, doc);
        }
        // Documents the project no longer plans: kept, held back, while
        // something fails to load (a typo must not make them vanish);
        // dropped once everything loads.
        if loading_failed {
            for (key, mut doc) in old {
                doc.held_back = Some(
                    "its job, trust or template has an error: the last good version is shown until it is fixed"
                        .to_string(),
                );
                self.docs.insert(key, doc);
            }
        }
        let known: BTreeSet<&String> = self.docs.values().map(|d| &d.job).collect();
        self.jobs.retain(|id, _| known.contains(id));
        for d in &report.documents {
            let error = d.error.as_ref().map(|e| self.shorten(e));
            if let Some(doc) = self.docs.get_mut(&d.path) {
                doc.status = Some(d.status);
                doc.error = error;
                doc.warnings = d.warnings.clone();
                if d.status == Status::Built {
                    doc.version += 1;
                }
            }
        }
    }

    /// `path/to/project/content/jobs/x.yaml:3:1: …` as `content/jobs/x.yaml:3:1: …`.
    fn shorten(&self, problem: &impl std::fmt::Display) -> String {
        let message = problem.to_string();
        let root = self.root.display().to_string();
        let prefix = format!("{}/", root.trim_end_matches('/'));
        match message.strip_prefix(&prefix) {
            Some(rest) => rest.to_string(),
            None => message,
        }
    }

    /// The problems that concern one document: those naming its job's
    /// file, its brand's folder or its template.
    pub(crate) fn problems_for(&self, doc: &Doc) -> Vec<&String> {
        let ext = doc.format.extension();
        let needles = [
            format!("content/jobs/{}.yaml", doc.job),
            format!("content/jobs/{}.yml", doc.job),
            format!("content/brands/{}/", doc.brand),
            format!("templates/{}.{ext}.hbs", doc.template),
            "templates/partials/".to_string(),
            "templates/fonts/".to_string(),
        ];
        self.errors
            .iter()
            .filter(|e| needles.iter().any(|n| e.starts_with(n.as_str())))
            .collect()
    }
}

/// "for print", "cy", "en": what tells a template's files apart.
fn variant(t: &Target) -> Option<String> {
    if t.print {
        return Some("for print".into());
    }
    let stem = t.path.file_stem()?.to_string_lossy().into_owned();
    let (_, tag) = stem.rsplit_once('.')?;
    (t.languages.len() == 1 && t.languages[0].starts_with(tag)).then(|| tag.to_string())
}
