//! The pipeline: plans a run (the matrix brand × job × template × format),
//! hands each document to its format's writer, writes files atomically and
//! reports. Knows which writer makes which format, never how a format is
//! drawn.
//!
//! Everything shared (content, templates, fonts, logos, themes, writers) is
//! loaded and parsed once per build and shared by every document; documents
//! are then made in parallel (rayon), each independently, so one broken
//! document never stops the others.

pub mod lock;
mod manifest;
mod plan;
pub mod report;
mod theme;
mod write;

pub use lock::OutputLock;
pub use manifest::{manifest_path, InputDigests, Manifest, MANIFEST_FILE};
pub use plan::{full_plan, plan, plan_with_drafts, Shard, Target};
pub use report::{DocResult, Report, Status};
pub use theme::{brand_fonts, bundled_fonts, press_options, BUNDLED_FAMILY};
pub use write::{write_atomic, write_within, TEMP_PREFIX};

use crate::content::project::ProjectFile;
use crate::content::{self, Content, ContentError, LoadedBrand, LoadedJob};
use crate::document::{markup, Document, FontSet, Meta, Theme, Writer};
use crate::template::{Format, TemplateError, Templates};
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
    /// Build drafts too (profiles or brands with placeholders), every page
    /// marked DRAFT.
    pub draft: bool,
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
    /// Whether `careerpress.yaml` is there but could not be read: the
    /// build goes on with the defaults, and no document counts as gone
    /// (what the project makes, and where, is unknown).
    pub settings_failed: bool,
}

impl Project {
    /// Loads content, templates and fonts, collecting every problem.
    pub fn load(root: &Path) -> Project {
        let mut content = content::load(root);
        // Colours nobody could read are a brand's mistake like any other.
        let unreadable: Vec<String> = content
            .brands
            .iter()
            .filter(|(_, b)| !theme::contrast_errors(b).is_empty())
            .map(|(id, _)| id.clone())
            .collect();
        for id in unreadable {
            if let Some(b) = content.brands.remove(&id) {
                content.errors.extend(theme::contrast_errors(&b));
                content.failed_brands.push(id);
            }
        }
        let mut settings_failed = false;
        let settings = ProjectFile::load(root).unwrap_or_else(|mut e| {
            content.errors.append(&mut e);
            settings_failed = true;
            ProjectFile::default()
        });
        let tdir = root.join("templates");
        let (templates, mut template_errors) = Templates::load(&tdir);
        // Every language a brand makes documents in needs every message.
        let mut languages: Vec<String> = content
            .brands
            .values()
            .flat_map(|b| b.brand.languages.iter().map(|l| l.tag().to_string()))
            .collect();
        languages.sort();
        languages.dedup();
        template_errors.extend(templates.missing_messages(&languages));
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
            settings_failed,
        }
    }

    /// Every placeholder in the project's drafts, as errors
    /// (`file:line:column: field: … is a placeholder`).
    pub fn placeholders(&self) -> Vec<String> {
        let c = &self.content;
        c.jobs
            .values()
            .flat_map(|j| &j.placeholders)
            .chain(c.brands.values().flat_map(|b| &b.placeholders))
            .map(ContentError::to_string)
            .collect()
    }

    /// The printed fields a target's job and brand have no text for in the
    /// target's languages, at their lines in the originals.
    pub fn missing_translations(&self, target: &Target) -> Vec<ContentError> {
        let job = &self.content.jobs[&target.job];
        let brand = &self.content.brands[&target.brand];
        let mut out = Vec::new();
        for tag in &target.languages {
            out.extend(
                job.translations
                    .missing(&job.file, tag, content::overlay::job_policy),
            );
            out.extend(brand.translations.missing(
                &brand.file,
                tag,
                content::overlay::brand_policy,
            ));
        }
        out
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
    if let Ok(Some(e)) = source_date_epoch() {
        return e;
    }
    let (y, m, d) =
        content::types::parse_date(job.job.last_reviewed.as_str()).unwrap_or((1980, 1, 1));
    content::types::days_from_civil(y, m, d) * 86_400
}

/// Latest date a document may carry: 9999-12-31 23:59:59 UTC (PDF, DOCX and
/// mail dates have four-digit years).
pub const MAX_EPOCH: i64 = 253_402_300_799;

/// `SOURCE_DATE_EPOCH` (seconds since 1970, for byte-identical output):
/// `Ok(None)` when unset, `Err` in words when it is not a date documents
/// can carry (e.g. milliseconds given for seconds).
pub fn source_date_epoch() -> Result<Option<i64>, String> {
    let Some(raw) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let raw = raw.to_string_lossy();
    let v = raw.trim();
    if v.is_empty() {
        return Ok(None);
    }
    match v.parse::<i64>() {
        Ok(e) if (0..=MAX_EPOCH).contains(&e) => Ok(Some(e)),
        Ok(e) => Err(format!(
            "SOURCE_DATE_EPOCH={e} is not a date documents can carry: it counts seconds since 1970 and must be at most {MAX_EPOCH} (the end of year 9999); milliseconds given for seconds?"
        )),
        Err(_) => Err(format!(
            "SOURCE_DATE_EPOCH='{}' is not a whole number of seconds since 1970",
            crate::content::types::printable(v)
        )),
    }
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
    html: crate::html::HtmlWriter,
}

impl Default for Writers {
    fn default() -> Self {
        Writers {
            text: crate::text::TextWriter,
            pdf: crate::pdf::PdfWriter::new(),
            docx: crate::docx::DocxWriter::new(),
            html: crate::html::HtmlWriter::new(),
        }
    }
}

impl Writers {
    pub fn get(&self, f: Format) -> &dyn Writer {
        match f {
            Format::Txt => &self.text,
            Format::Pdf => &self.pdf,
            Format::Docx => &self.docx,
            Format::Html => &self.html,
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
    let data = project.templates.context(
        job,
        brand,
        &iso_date(document_epoch(job)),
        &target.languages,
        layout(project, target),
    );
    project
        .templates
        .render(&target.template, &data)
        .map_err(|e| e.to_string())
}

/// How a document in more than one language is laid out: the template's
/// setting, else the brand's, else a section at a time.
pub fn layout(project: &Project, target: &Target) -> crate::content::brand::Bilingual {
    use crate::content::brand::Bilingual;
    let template = project.templates.templates[&target.template]
        .settings
        .bilingual;
    let brand = project.content.brands[&target.brand].brand.bilingual;
    match (template, brand) {
        (Some(t @ (Bilingual::Sections | Bilingual::Columns)), _) => t,
        (_, Some(Bilingual::Columns)) => Bilingual::Columns,
        _ => Bilingual::Sections,
    }
}

/// The fixed words writers print, in the document's languages (the first
/// first), from the catalogues; English when a catalogue lacks them.
pub fn labels(project: &Project, languages: &[String]) -> crate::document::Labels {
    use crate::template::i18n::Arg;
    let cats = project.templates.catalogues();
    let mut labels = crate::document::Labels::default();
    let marks = [
        ("page", Arg::Text("{page}".into())),
        ("pages", Arg::Text("{pages}".into())),
        ("columns", Arg::Text("{columns}".into())),
    ];
    // Each label in every language of the document, Welsh first in a
    // bilingual one; a label no catalogue has keeps its English default.
    let fields: [(&mut String, &str, &str); 11] = [
        (&mut labels.page_of, "page-of", " · "),
        (&mut labels.draft, "draft-notice", " · "),
        (&mut labels.draft_word, "draft-word", " / "),
        (&mut labels.key_facts, "key-facts", " / "),
        (&mut labels.table, "table-caption", " / "),
        (&mut labels.note, "note-caption", " / "),
        (&mut labels.table_columns, "table-columns", " / "),
        (&mut labels.layout_table, "layout-table", " / "),
        (&mut labels.callout, "callout-description", " / "),
        (&mut labels.skip_link, "skip-to-content", " / "),
        (&mut labels.contents, "on-this-page", " / "),
    ];
    for (field, key, joiner) in fields {
        let said: Vec<String> = languages
            .iter()
            .filter_map(|tag| cats.message(tag, key, &marks).ok())
            .collect();
        if !said.is_empty() {
            *field = said.join(joiner);
        }
    }
    labels
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
    let mut meta = meta(job, brand, document_epoch(job), &project.root);
    meta.language = target
        .languages
        .first()
        .cloned()
        .unwrap_or_else(|| meta.language.clone());
    if let Some(t) = job.translations.get(&meta.language) {
        meta.title = t.value.title.to_string();
    }
    meta.labels = labels(project, &target.languages);
    meta.draft = job.is_draft()
        || brand.is_draft()
        || !project.missing_translations(target).is_empty()
        || target.languages.iter().any(|l| {
            job.translations
                .get(l)
                .is_some_and(|t| !t.placeholders.is_empty())
                || brand
                    .translations
                    .get(l)
                    .is_some_and(|t| !t.placeholders.is_empty())
        });
    let doc = Document { meta, blocks };
    render_document(&doc, theme, writer)
}

/// Hands a document made from more than a job's template (a mail body,
/// whose subject line and applicant are mail's) to a writer, as
/// [`render_job`] does with a template's.
pub fn render_document(
    doc: &Document,
    theme: &Theme,
    writer: &dyn Writer,
) -> Result<crate::document::Rendered, String> {
    writer.render(doc, theme).map_err(|e| e.to_string())
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
        labels: crate::document::Labels::default(),
    }
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
    let everything = full_plan(project, opts)?;
    let targets = plan(project, opts)?;
    let mut report = Report {
        errors: project.errors(),
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
            report.errors.push(format!(
                "{}: cannot use the output folder: {e}",
                out.display()
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
            report.errors.push(format!(
                "{}: cannot write the build manifest: {e}",
                manifest_path(&out).display()
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

/// Drafts in this run's part of the matrix: without `--draft` their
/// documents are left out and each is an error saying why, with every
/// placeholder; with it, a warning that their pages say DRAFT.
fn drafts(
    project: &Project,
    opts: &Options,
    targets: &[Target],
    report: &mut Report,
) -> Result<(), UsageError> {
    let would = plan_with_drafts(project, opts)?;
    let mut seen = std::collections::BTreeSet::new();
    for t in &would {
        let job = &project.content.jobs[&t.job];
        let brand = &project.content.brands[&t.brand];
        for (file, placeholders) in [
            (&job.file, &job.placeholders),
            (&brand.file, &brand.placeholders),
        ] {
            if placeholders.is_empty() || !seen.insert(file.clone()) {
                continue;
            }
            let n = placeholders.len();
            let count = format!("{n} placeholder{}", if n == 1 { "" } else { "s" });
            if opts.draft {
                report.warnings.push(format!(
                    "{}: a draft ({count}): its documents say DRAFT on every page; never publish them",
                    file.display()
                ));
            } else {
                let left_out = would.len() - targets.len();
                report.errors.push(format!(
                    "{}: a draft: {count} still in it, so its documents were not built ({left_out} left out in all); write the real values, or build with --draft to preview it marked DRAFT",
                    file.display()
                ));
                report
                    .errors
                    .extend(placeholders.iter().map(ContentError::to_string));
            }
        }
    }
    Ok(())
}

/// Documents in a language their job or brand has no text in (or whose
/// translation still holds placeholders): without `--draft` they are left
/// out, each file and language an error with every field it lacks; with it
/// they are built, the original's text standing in, marked DRAFT.
fn untranslated(
    project: &Project,
    opts: &Options,
    targets: Vec<Target>,
    report: &mut Report,
) -> Vec<Target> {
    let mut said = std::collections::BTreeSet::new();
    let mut kept = Vec::with_capacity(targets.len());
    for t in targets {
        let job = &project.content.jobs[&t.job];
        let brand = &project.content.brands[&t.brand];
        let mut ok = true;
        for lang in &t.languages {
            let name = content::overlay::language_name(lang);
            let gaps = [
                (
                    &job.file,
                    job.translations
                        .missing(&job.file, lang, content::overlay::job_policy),
                ),
                (
                    &brand.file,
                    brand
                        .translations
                        .missing(&brand.file, lang, content::overlay::brand_policy),
                ),
            ];
            for (file, missing) in gaps {
                if missing.is_empty() {
                    continue;
                }
                ok = false;
                if !said.insert((file.clone(), lang.clone())) {
                    continue;
                }
                let n = missing.len();
                let translation = content::translations::translation_file(file, lang);
                let untouched = missing.len() == 1 && missing[0].path.is_none();
                if untouched && !opts.draft {
                    // No translation at all: the one error says it all.
                    report.errors.push(format!(
                        "{}; so its documents in {name} were not built (build with --draft to preview them, the original's text standing in)",
                        missing[0]
                    ));
                    continue;
                }
                if opts.draft {
                    report.warnings.push(format!(
                        "{}: no {name} text for {n} printed field{}: its {name} documents show the original's, marked DRAFT",
                        file.display(),
                        if n == 1 { "" } else { "s" }
                    ));
                } else {
                    report.errors.push(format!(
                        "{}: no {name} text for {n} printed field{}, so its documents in {name} were not built; write them in {} (or build with --draft to preview, the original's text standing in)",
                        file.display(),
                        if n == 1 { "" } else { "s" },
                        translation.display()
                    ));
                    report
                        .errors
                        .extend(missing.iter().map(ContentError::to_string));
                }
            }
            for tr in [
                job.translations
                    .get(lang)
                    .map(|t| (&t.file, &t.placeholders)),
                brand
                    .translations
                    .get(lang)
                    .map(|t| (&t.file, &t.placeholders)),
            ]
            .into_iter()
            .flatten()
            {
                let (file, placeholders) = tr;
                if placeholders.is_empty() {
                    continue;
                }
                if !opts.draft {
                    ok = false;
                }
                if said.insert((file.clone(), "draft".into())) {
                    let line = format!(
                        "{}: a draft translation ({} placeholders)",
                        file.display(),
                        placeholders.len()
                    );
                    if opts.draft {
                        report
                            .warnings
                            .push(format!("{line}: its documents say DRAFT"));
                    } else {
                        report
                            .errors
                            .push(format!("{line}, so its documents were not built"));
                        report
                            .errors
                            .extend(placeholders.iter().map(ContentError::to_string));
                    }
                }
            }
        }
        if ok || opts.draft {
            kept.push(t);
        }
    }
    kept
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
        report.errors.push(format!(
            "{}: cannot lock the output folder: {e}",
            out.display()
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
            Err(e) => report.errors.push(format!("--clean: {e}")),
        }
    }
    let changes = removed
        .iter()
        .map(|k| manifest::Change::Remove(k.clone()))
        .collect();
    if let Err(e) = Manifest::update(out, changes) {
        report.errors.push(format!(
            "{}: cannot write the build manifest: {e}",
            manifest_path(out).display()
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
        None => Err("no fonts to draw with (see the error above)".to_string()),
        Some(theme) => render_one(
            project,
            t,
            &target_theme(project, t, theme),
            writers.get(t.format),
        )
        .and_then(|r| {
            write_within(out, &t.path, &r.bytes)
                .map(|()| r)
                .map_err(|e| format!("{}: cannot write: {e}", out.join(&t.path).display()))
        }),
    };
    match result {
        Ok(r) => {
            let mut d = DocResult::new(t, Status::Built);
            d.warnings = r.warnings;
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

/// The theme of one target: the screen theme, or for a print file the
/// same with the brand's print settings; and the trust's name, footer line
/// and logo text in the document's own language (a Welsh-first document
/// names the board in Welsh).
pub fn target_theme<'a>(
    project: &Project,
    t: &Target,
    screen: &'a Theme,
) -> std::borrow::Cow<'a, Theme> {
    let brand = &project.content.brands[&t.brand];
    let press = t
        .print
        .then(|| press_options(brand, &project.templates.templates[&t.template]))
        .flatten();
    let translated = t
        .languages
        .first()
        .and_then(|l| brand.translations.get(l))
        .map(|tr| &tr.value);
    if press.is_none() && translated.is_none() {
        return std::borrow::Cow::Borrowed(screen);
    }
    let mut theme = screen.clone();
    if let Some(print) = press {
        theme.print = print;
    }
    if let Some(b) = translated {
        theme.org_name = b.name.to_string();
        theme.org_short_name = b.short_name.to_string();
        theme.footer = b.footer.to_string();
        if let Some(logo) = theme.images.get("logo").cloned() {
            let mut logo = (*logo).clone();
            logo.alt = b.logo.alt.to_string();
            theme.images.insert("logo".into(), Arc::new(logo));
        }
    }
    std::borrow::Cow::Owned(theme)
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
