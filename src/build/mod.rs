//! Build: the matrix brand × job × template; parallelism; atomic writes;
//! reporting. Knows which writer makes which format, never how a format is
//! drawn.
//!
//! Everything shared (content, templates, fonts, logos, themes, writers) is
//! loaded and parsed once per build and shared by every document; documents
//! are then made in parallel (rayon), each independently, so one broken
//! document never stops the others.

mod manifest;
mod plan;
mod report;
mod theme;
mod write;

pub use manifest::{manifest_path, InputDigests, Manifest};
pub use plan::{full_plan, plan, Shard, Target};
pub use report::{DocResult, Report, Status};
pub use theme::{brand_fonts, bundled_fonts, press_options, BUNDLED_FAMILY};
pub use write::{write_atomic, TEMP_PREFIX};

use crate::content::project::ProjectFile;
use crate::content::{self, Content, ContentError, LoadedBrand, LoadedJob};
use crate::document::{markup, Document, FontSet, Meta, Theme, Writer};
use crate::template::{self, Format, TemplateError, Templates};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
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
}

/// Everything a build needs, loaded once.
pub struct Project {
    pub root: PathBuf,
    pub content: Content,
    pub templates: Templates,
    pub template_errors: Vec<TemplateError>,
    /// Problems that are neither content nor template errors (fonts).
    pub other_errors: Vec<String>,
    pub fonts: Option<Arc<FontSet>>,
    /// `careerpress.yaml`: build defaults.
    pub settings: ProjectFile,
}

impl Project {
    /// Loads content, templates and fonts, collecting every problem.
    pub fn load(root: &Path) -> Project {
        let mut content = content::load(root);
        let settings = ProjectFile::load(root).unwrap_or_else(|e| {
            content.errors.push(e);
            ProjectFile::default()
        });
        let tdir = root.join("templates");
        let (templates, template_errors) = Templates::load(&tdir);
        let mut other_errors = Vec::new();
        let fonts = match bundled_fonts(&tdir) {
            Ok(f) => Some(Arc::new(f)),
            Err(e) => {
                other_errors.push(e);
                None
            }
        };
        Project {
            root: root.to_path_buf(),
            content,
            templates,
            template_errors,
            other_errors,
            fonts,
            settings,
        }
    }

    /// Every problem found while loading, formatted `file:line:column: …`.
    pub fn errors(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .content
            .errors
            .iter()
            .map(ContentError::to_string)
            .collect();
        all.extend(self.template_errors.iter().map(TemplateError::to_string));
        all.extend(self.other_errors.iter().cloned());
        all
    }
}

/// A usage error: the command line asks for something that does not exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The date documents carry: `SOURCE_DATE_EPOCH` when set, else the job's
/// review date, so the same input always gives the same bytes.
pub fn document_epoch(job: &LoadedJob) -> i64 {
    if let Some(e) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
    {
        return e;
    }
    let (y, m, d) =
        content::types::parse_date(job.job.last_reviewed.as_str()).unwrap_or((1980, 1, 1));
    content::types::days_from_civil(y, m, d) * 86_400
}

/// `YYYY-MM-DD` for seconds since the epoch.
pub fn iso_date(epoch: i64) -> String {
    crate::document::date::Civil::from_epoch(epoch).iso_date()
}

/// The writers, one per format, made once per build.
pub struct Writers {
    text: crate::text::TextWriter,
    pdf: crate::pdf::PdfWriter,
    docx: crate::docx::DocxWriter,
}

impl Default for Writers {
    fn default() -> Self {
        Writers {
            text: crate::text::TextWriter,
            pdf: crate::pdf::PdfWriter::new(),
            docx: crate::docx::DocxWriter::new(),
        }
    }
}

impl Writers {
    pub fn get(&self, f: Format) -> &dyn Writer {
        match f {
            Format::Txt => &self.text,
            Format::Pdf => &self.pdf,
            Format::Docx => &self.docx,
        }
    }
}

/// Themes for every brand × template pair in the plan, made once.
pub fn themes(project: &Project, targets: &[Target]) -> BTreeMap<(String, String), Theme> {
    let mut themes = BTreeMap::new();
    let Some(bundled) = &project.fonts else {
        return themes;
    };
    let mut fonts: BTreeMap<&str, Arc<FontSet>> = BTreeMap::new();
    for t in targets {
        let key = (t.brand.clone(), t.template.clone());
        if themes.contains_key(&key) {
            continue;
        }
        let brand = &project.content.brands[&t.brand];
        let f = fonts
            .entry(&t.brand)
            .or_insert_with(|| brand_fonts(brand, bundled))
            .clone();
        themes.insert(
            key,
            theme::theme(
                brand,
                f,
                &project.templates.templates[&t.template],
                project.settings.paper,
            ),
        );
    }
    themes
}

/// The markup a template makes for one document.
pub fn render_markup(project: &Project, target: &Target) -> Result<String, String> {
    markup_for(project, &project.content.jobs[&target.job], target)
}

fn markup_for(project: &Project, job: &LoadedJob, target: &Target) -> Result<String, String> {
    let brand = &project.content.brands[&target.brand];
    let data = template::context(job, brand, &iso_date(document_epoch(job)));
    project
        .templates
        .render(&target.template, &data)
        .map_err(|e| e.to_string())
}

/// Makes one document's bytes: template → markup → Document → writer.
pub fn render_one(
    project: &Project,
    target: &Target,
    theme: &Theme,
    writer: &dyn Writer,
) -> Result<crate::document::Rendered, String> {
    render_job(
        project,
        &project.content.jobs[&target.job],
        target,
        theme,
        writer,
    )
}

/// [`render_one`] for a given job in place of the target's (for fuzzing and
/// previews of unsaved edits).
pub fn render_job(
    project: &Project,
    job: &LoadedJob,
    target: &Target,
    theme: &Theme,
    writer: &dyn Writer,
) -> Result<crate::document::Rendered, String> {
    let brand = &project.content.brands[&target.brand];
    let tmpl = &project.templates.templates[&target.template];
    let markup = markup_for(project, job, target)?;
    let blocks = markup::parse(&markup).map_err(|e| {
        format!(
            "{}: the template made markup that does not parse: {e}",
            tmpl.file.display()
        )
    })?;
    let doc = Document {
        meta: meta(job, brand, document_epoch(job), &project.root),
        blocks,
    };
    writer.render(&doc, theme).map_err(|e| e.to_string())
}

fn meta(job: &LoadedJob, brand: &LoadedBrand, epoch: i64, root: &Path) -> Meta {
    let j = &job.job;
    let mut keywords = vec![j.title.to_string()];
    keywords.extend(j.alternative_titles.iter().map(|t| t.to_string()));
    keywords.extend([
        "NHS careers".to_string(),
        brand.brand.short_name.to_string(),
    ]);
    Meta {
        title: j.title.to_string(),
        author: brand.brand.name.to_string(),
        subject: format!(
            "Careers information: {} {}",
            j.title_article.as_str(),
            j.title
        ),
        keywords,
        language: brand
            .brand
            .languages
            .first()
            .map(|l| l.tag())
            .unwrap_or("en-GB")
            .to_string(),
        created: epoch,
        source: job
            .file
            .strip_prefix(root)
            .unwrap_or(&job.file)
            .display()
            .to_string(),
        draft: false,
    }
}

/// Told how a build goes, e.g. to draw a progress bar. Called from many
/// threads.
pub trait Progress: Sync {
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
    let project = Project::load(&opts.root);
    build_project(&project, opts, progress, start)
}

/// A build of an already loaded project (what `watch` and benchmarks reuse).
pub fn build_project(
    project: &Project,
    opts: &Options,
    progress: &dyn Progress,
    start: Instant,
) -> Result<Report, UsageError> {
    let targets = plan(project, opts)?;
    let everything = full_plan(project, opts)?;
    let out = opts.out.clone().unwrap_or_else(|| opts.root.join("output"));
    let manifest_file = manifest_path(&out, opts.shard);
    let old = if opts.force {
        Manifest::default()
    } else {
        Manifest::load(&manifest_file)
    };
    sweep_temp_files(&out);
    let digests = InputDigests::new(project);
    let themes = themes(project, &targets);
    let writers = Writers::default();
    progress.start(targets.len());
    let results: Vec<(DocResult, Option<manifest::Entry>)> = targets
        .par_iter()
        .map(|t| {
            let r = make(project, t, &out, &old, &digests, &themes, &writers);
            progress.done(&r.0);
            r
        })
        .collect();

    // The manifest keeps what it knew of documents outside this run.
    let mut manifest = Manifest::load(&manifest_file);
    let mut documents = Vec::with_capacity(results.len());
    for (doc, entry) in results {
        match entry {
            Some(e) => {
                manifest.documents.insert(doc.path.clone(), e);
            }
            None if doc.status == Status::Failed => {
                manifest.documents.remove(&doc.path);
            }
            None => {}
        }
        documents.push(doc);
    }
    let mut report = Report {
        errors: project.errors(),
        documents,
        ..Report::default()
    };
    let wanted: Vec<String> = everything.iter().map(|t| manifest::key(&t.path)).collect();
    report.stale = manifest
        .documents
        .keys()
        .filter(|k| !wanted.contains(k))
        .cloned()
        .collect();
    // Never clean while content fails to load: its documents would look stale.
    if opts.clean && report.errors.is_empty() {
        for k in &report.stale {
            let p = out.join(k);
            if p.starts_with(&out) && (std::fs::remove_file(&p).is_ok() || !p.exists()) {
                manifest.documents.remove(k);
                report.removed.push(k.clone());
                remove_empty_parents(&p, &out);
            }
        }
    }
    if let Err(e) = manifest.save(&manifest_file) {
        report.errors.push(format!(
            "{}: cannot write the build manifest: {e}",
            manifest_file.display()
        ));
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
    Ok(report)
}

/// Makes one document unless it is up to date; returns its result and the
/// manifest entry to record.
fn make(
    project: &Project,
    t: &Target,
    out: &Path,
    old: &Manifest,
    digests: &InputDigests,
    themes: &BTreeMap<(String, String), Theme>,
    writers: &Writers,
) -> (DocResult, Option<manifest::Entry>) {
    if INTERRUPTED.load(Ordering::SeqCst) {
        return (DocResult::new(t, Status::Skipped), None);
    }
    let inputs = digests.of(t);
    if old.fresh(out, t, &inputs) {
        let entry = old.documents.get(&manifest::key(&t.path)).cloned();
        return (DocResult::new(t, Status::UpToDate), entry);
    }
    let result = match themes.get(&(t.brand.clone(), t.template.clone())) {
        None => Err("no fonts to draw with (see the error above)".to_string()),
        Some(theme) => render_one(
            project,
            t,
            &target_theme(project, t, theme),
            writers.get(t.format),
        )
        .and_then(|r| {
            let path = out.join(&t.path);
            write_atomic(&path, &r.bytes)
                .map(|()| (r.warnings, r.bytes.len() as u64))
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))
        }),
    };
    match result {
        Ok((warnings, size)) => {
            let mut d = DocResult::new(t, Status::Built);
            d.warnings = warnings;
            (d, Some(manifest::Entry { inputs, size }))
        }
        Err(e) => {
            let mut d = DocResult::new(t, Status::Failed);
            d.error = Some(e);
            (d, None)
        }
    }
}

/// The theme of one target: the screen theme, or for a print file the
/// same with the brand's print settings.
fn target_theme<'a>(
    project: &Project,
    t: &Target,
    screen: &'a Theme,
) -> std::borrow::Cow<'a, Theme> {
    let press = t.print.then(|| {
        press_options(
            &project.content.brands[&t.brand],
            &project.templates.templates[&t.template],
        )
    });
    match press.flatten() {
        Some(print) => std::borrow::Cow::Owned(Theme {
            print,
            ..screen.clone()
        }),
        None => std::borrow::Cow::Borrowed(screen),
    }
}

/// Removes temporary files an earlier, killed build may have left.
fn sweep_temp_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() && !p.is_symlink() {
            sweep_temp_files(&p);
        } else if e.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            let _ = std::fs::remove_file(&p);
        }
    }
}

/// Removes folders a clean left empty, up to (not including) `out`.
fn remove_empty_parents(file: &Path, out: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == out || !d.starts_with(out) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(19_783 * 86_400 + 5), "2024-03-01");
    }
}
