//! A whole build: plan, hold back what may not be built, render in
//! parallel, write atomically, record in the manifest, and (with
//! `--clean`) remove what the project no longer makes.

use super::held_back::{drafts, untranslated};
use super::lock::OutputLock;
use super::manifest::{self, manifest_path, InputDigests, Manifest};
use super::plan::{full_plan, plan, Shard, Target};
use super::project::Project;
use super::render::{render_one, target_theme, themes};
use super::report::{DocResult, Report, Status};
use super::write::write_within;
use super::writers::Writers;
use super::{dates::source_date_epoch, UsageError};
use crate::diagnostic::Diagnostic;
use crate::document::Theme;
use crate::template::Format;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Set (e.g. by a Ctrl-C handler) to stop a build between documents: every
/// document already started is finished and written whole, none is started.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The project folder (holds `content/` and `templates/`).
    pub root: PathBuf,
    /// Where documents go; `root/output` when `None`.
    pub out: Option<PathBuf>,
    /// Only these job ids (all when empty).
    pub jobs: Vec<String>,
    /// Only these brand ids (all when empty).
    pub brands: Vec<String>,
    /// Only these templates (all when empty).
    pub templates: Vec<String>,
    /// Only these formats (all when empty).
    pub formats: Vec<Format>,
    /// Rebuild documents even when their inputs are unchanged.
    pub force: bool,
    /// Remove files earlier builds wrote that the project no longer makes.
    pub clean: bool,
    /// Build only this slice of the matrix.
    pub shard: Option<Shard>,
    /// Build drafts too (profiles or brands with placeholders), every page
    /// marked DRAFT.
    pub draft: bool,
}

/// Told how a build goes, e.g. to draw a progress bar. Called from many
/// threads.
pub trait Progress: Sync {
    /// Something the person running the build should know now (e.g. that
    /// it waits for another build into the same folder).
    fn note(&self, _message: &str) {}
    /// The number of documents this run will consider.
    fn start(&self, _total: usize) {}
    /// One document is done (built, up to date, failed or skipped).
    fn done(&self, _doc: &DocResult) {}
}

/// No progress reporting.
impl Progress for () {}

/// Runs a whole build: loads the project, plans, renders in parallel,
/// writes every document atomically, and records it in the manifest.
pub fn build(opts: &Options, progress: &dyn Progress) -> Result<Report, UsageError> {
    let start = Instant::now();
    let project = Project::load_for(opts);
    build_project(&project, opts, progress, start)
}

/// A build of an already loaded project (what `watch` and benchmarks reuse).
pub fn build_project(
    project: &Project,
    opts: &Options,
    progress: &dyn Progress,
    start: Instant,
) -> Result<Report, UsageError> {
    let everything = full_plan(project, opts)?;
    let targets = plan(project, opts)?;
    let mut report = Report {
        errors: project.errors(),
        clean_asked: opts.clean,
        ..Report::default()
    };
    drafts(project, opts, &targets, &mut report)?;
    let targets = untranslated(project, opts, targets, &mut report);
    if let Err(e) = source_date_epoch() {
        report.errors.push(e);
        return Ok(report);
    }
    let out = opts.out.clone().unwrap_or_else(|| opts.root.join("output"));
    // Shared with other runs into the same folder, for the whole run.
    let lock = match OutputLock::shared(&out) {
        Ok(l) => l,
        Err(e) => {
            report.errors.push(Diagnostic::file(
                out,
                format!("cannot use the output folder: {e}"),
            ));
            return Ok(report);
        }
    };
    let old = if opts.force {
        Manifest::default()
    } else {
        Manifest::load(&out)
    };
    let digests = InputDigests::new(project);
    let themes = themes(project, &targets);
    let writers = Writers::default();
    progress.start(targets.len());
    let results: Vec<(DocResult, manifest::Change)> = targets
        .par_iter()
        .map(|t| {
            let r = make(project, t, &out, &old, &digests, &themes, &writers);
            progress.done(&r.0);
            r
        })
        .collect();
    let (documents, changes): (Vec<_>, Vec<_>) = results.into_iter().unzip();
    report.documents = documents;
    let manifest = match Manifest::update(&out, changes) {
        Ok(m) => m,
        Err(e) => {
            report.errors.push(Diagnostic::file(
                manifest_path(&out),
                format!("cannot write the build manifest: {e}"),
            ));
            Manifest::load(&out)
        }
    };
    report.stale = stale(project, &manifest, &everything);
    // Never clean while content fails to load: its documents would look stale.
    if opts.clean && report.errors.is_empty() && !report.stale.is_empty() {
        clean(project, &out, &lock, &everything, progress, &mut report);
    }
    let mut jobs: Vec<&str> = targets.iter().map(|t| t.job.as_str()).collect();
    let mut brands: Vec<&str> = targets.iter().map(|t| t.brand.as_str()).collect();
    jobs.sort_unstable();
    jobs.dedup();
    brands.sort_unstable();
    brands.dedup();
    report.jobs = jobs.len();
    report.brands = brands.len();
    report.interrupted = INTERRUPTED.load(Ordering::SeqCst);
    report.seconds = start.elapsed().as_secs_f64();
    drop(lock);
    Ok(report)
}

/// Documents the manifest knows that the project no longer makes. The
/// documents of a job, brand or template whose file fails to load, or is a
/// draft, are still wanted, and all of them while the project file fails:
/// a typo must not make them look gone.
fn stale(project: &Project, manifest: &Manifest, everything: &[Target]) -> Vec<String> {
    let wanted: std::collections::HashSet<String> =
        everything.iter().map(|t| manifest::key(&t.path)).collect();
    if project.settings_failed {
        return Vec::new();
    }
    let c = &project.content;
    manifest
        .documents
        .iter()
        .filter(|(k, _)| !wanted.contains(*k))
        .filter(|(_, e)| {
            !c.failed_jobs.contains(&e.job)
                && !c.failed_brands.contains(&e.brand)
                && !project.templates.failed.contains(&e.template)
        })
        .map(|(k, _)| k.clone())
        .collect()
}

/// `--clean`: with the output folder alone (waiting for other runs), removes
/// the stale files the manifest names, never through a symbolic link.
fn clean(
    project: &Project,
    out: &Path,
    lock: &OutputLock,
    everything: &[Target],
    progress: &dyn Progress,
    report: &mut Report,
) {
    if let Err(e) = lock.upgrade(|| {
        progress.note(&format!(
            "waiting for another careerpress run writing into {} to finish before cleaning",
            out.display()
        ))
    }) {
        report.errors.push(Diagnostic::file(
            out,
            format!("cannot lock the output folder: {e}"),
        ));
        return;
    }
    // Other runs may have written meanwhile: decide again on what is on disk.
    let stale_now = stale(project, &Manifest::load(out), everything);
    let mut removed = Vec::new();
    for k in &stale_now {
        let rel = Path::new(k);
        match crate::safe_fs::remove_file_within(out, rel) {
            Ok(_) => {
                crate::safe_fs::remove_empty_folders_within(out, rel);
                removed.push(k.clone());
            }
            Err(e) => report
                .errors
                .push(Diagnostic::error(format!("--clean: {e}"))),
        }
    }
    let changes = removed
        .iter()
        .map(|k| manifest::Change::Remove(k.clone()))
        .collect();
    if let Err(e) = Manifest::update(out, changes) {
        report.errors.push(Diagnostic::file(
            manifest_path(out),
            format!("cannot write the build manifest: {e}"),
        ));
    }
    report.stale = stale_now;
    report.removed = removed;
}

/// Makes one document unless it is up to date; returns its result and the
/// change to the manifest.
fn make(
    project: &Project,
    t: &Target,
    out: &Path,
    old: &Manifest,
    digests: &InputDigests,
    themes: &BTreeMap<(String, String), Theme>,
    writers: &Writers,
) -> (DocResult, manifest::Change) {
    let key = manifest::key(&t.path);
    let failed = |d: DocResult| {
        let found = manifest::found_entry(out, t);
        (d, manifest::Change::Failed(key.clone(), found))
    };
    if INTERRUPTED.load(Ordering::SeqCst) {
        // Not attempted: whatever the manifest knew stands.
        let change = match old.documents.get(&key) {
            Some(e) => manifest::Change::Set(key.clone(), e.clone()),
            None => manifest::Change::Failed(key.clone(), None),
        };
        return (DocResult::new(t, Status::Skipped), change);
    }
    let inputs = digests.of(t);
    if let Some(e) = old.fresh(out, t, &inputs) {
        return (
            DocResult::new(t, Status::UpToDate),
            manifest::Change::Set(key, e),
        );
    }
    let result = match themes.get(&(t.brand.clone(), t.template.clone())) {
        None => Err(Diagnostic::error(
            "no fonts to draw with (see the error above)",
        )),
        Some(theme) => render_one(
            project,
            t,
            &target_theme(project, t, theme),
            writers.get(t.format),
        )
        .and_then(|r| {
            write_within(out, &t.path, &r.bytes)
                .map(|()| r)
                .map_err(|e| Diagnostic::file(out.join(&t.path), format!("cannot write: {e}")))
        }),
    };
    match result {
        Ok(r) => {
            let mut d = DocResult::new(t, Status::Built);
            d.warnings = r.warnings;
            d.notes = too_wide(project, t, &r.too_wide);
            d.overrun = r.overrun.map(|o| {
                format!(
                    "needs {} pages for the {} side{} it is designed for ({:.1} of a page over)",
                    o.pages,
                    o.sides,
                    if o.sides == 1 { "" } else { "s" },
                    o.over
                )
            });
            let entry = manifest::Entry {
                inputs,
                size: r.bytes.len() as u64,
                digest: manifest::hex_digest(&r.bytes),
                stamp: manifest::Stamp::of(&out.join(&t.path))
                    .filter(|s| s.len == r.bytes.len() as u64),
                job: t.job.clone(),
                brand: t.brand.clone(),
                template: t.template.clone(),
            };
            (d, manifest::Change::Set(key, entry))
        }
        Err(e) => {
            let mut d = DocResult::new(t, Status::Failed);
            d.error = Some(e);
            failed(d)
        }
    }
}

/// A warning per word or address the writer had to cut at its column's
/// edge, at the content field it came from (or the document's template).
fn too_wide(project: &Project, t: &Target, words: &[String]) -> Vec<Diagnostic> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for w in words {
        if seen.contains(&w.as_str()) {
            continue;
        }
        seen.push(w);
        let (job, brand) = (
            &project.content.jobs[&t.job],
            &project.content.brands[&t.brand],
        );
        let at = super::fields::locate(job, brand, &t.languages, w).unwrap_or_else(|| {
            let file = &project.templates.templates[&t.template].file;
            Diagnostic::warning(String::new()).in_file(file)
        });
        out.push(Diagnostic {
            message: format!(
                "\u{201c}{w}\u{201d} is wider than its column in {}: it is broken at the column's edge; a shorter form (an address without its path, say) keeps it whole",
                manifest::key(&t.path)
            ),
            ..at
        });
    }
    out
}
