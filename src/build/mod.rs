//! Build: the matrix brand × job × template; parallelism; atomic writes;
//! reporting. Knows which writer makes which format, never how a format is
//! drawn.
//!
//! Everything shared (content, templates, fonts, logos, themes, writers) is
//! loaded and parsed once per build and shared by every document; documents
//! are then made in parallel (rayon), each independently, so one broken
//! document never stops the others.

mod theme;
mod write;

pub use theme::{brand_fonts, bundled_fonts, BUNDLED_FAMILY};
pub use write::{write_atomic, TEMP_PREFIX};

use crate::content::{self, Content, ContentError, LoadedBrand, LoadedJob};
use crate::document::{markup, Document, FontSet, Meta, Theme, Writer};
use crate::template::{self, Format, TemplateError, Templates};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

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
}

impl Project {
    /// Loads content, templates and fonts, collecting every problem.
    pub fn load(root: &Path) -> Project {
        let content = content::load(root);
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

/// One document of the matrix.
#[derive(Debug, Clone)]
pub struct Target {
    pub brand: String,
    pub job: String,
    pub template: String,
    pub format: Format,
    /// Relative to the output folder: `<brand>/<job>/<template>.<ext>`.
    pub path: PathBuf,
}

/// What happened to one document.
#[derive(Debug, Clone)]
pub struct DocResult {
    pub target: Target,
    /// The error that stopped it, if any.
    pub error: Option<String>,
    pub warnings: Vec<String>,
}

/// The outcome of a build.
#[derive(Debug, Default)]
pub struct Report {
    /// Problems found while loading (each reported once).
    pub load_errors: Vec<String>,
    pub documents: Vec<DocResult>,
    pub jobs: usize,
    pub brands: usize,
    pub seconds: f64,
}

impl Report {
    pub fn failed(&self) -> usize {
        self.documents.iter().filter(|d| d.error.is_some()).count()
    }

    /// True when everything asked for was built and nothing was wrong.
    pub fn ok(&self) -> bool {
        self.load_errors.is_empty() && self.failed() == 0
    }

    /// "Built 6 documents (2 PDF, 2 DOCX, 2 TXT) for 1 job × 2 trusts in 0.41 s".
    pub fn summary(&self) -> String {
        let built: Vec<&DocResult> = self
            .documents
            .iter()
            .filter(|d| d.error.is_none())
            .collect();
        let per: Vec<String> = Format::ALL
            .iter()
            .map(|f| (f, built.iter().filter(|d| d.target.format == *f).count()))
            .filter(|(_, n)| *n > 0)
            .map(|(f, n)| format!("{n} {}", f.extension().to_uppercase()))
            .collect();
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut s = format!(
            "Built {}{} for {} × {} in {:.2} s",
            plural(built.len(), "document", "documents"),
            if per.is_empty() {
                String::new()
            } else {
                format!(" ({})", per.join(", "))
            },
            plural(self.jobs, "job", "jobs"),
            plural(self.brands, "trust", "trusts"),
            self.seconds
        );
        let failed = self.failed();
        if failed > 0 {
            s.push_str(&format!(
                "; {} failed",
                plural(failed, "document", "documents")
            ));
        }
        if !self.load_errors.is_empty() {
            s.push_str(&format!(
                "; {} in content or templates",
                plural(self.load_errors.len(), "error", "errors")
            ));
        }
        s
    }
}

/// Checks the filters against what exists, and lists the matrix.
pub fn plan(project: &Project, opts: &Options) -> Result<Vec<Target>, UsageError> {
    let failed_ids = |dir: &str| -> Vec<String> {
        project
            .content
            .errors
            .iter()
            .filter(|e| e.file.starts_with(project.root.join("content").join(dir)))
            .filter_map(|e| {
                let rel = e
                    .file
                    .strip_prefix(project.root.join("content").join(dir))
                    .ok()?;
                let first = rel
                    .components()
                    .next()?
                    .as_os_str()
                    .to_string_lossy()
                    .into_owned();
                Some(
                    first
                        .trim_end_matches(".yaml")
                        .trim_end_matches(".yml")
                        .to_string(),
                )
            })
            .collect()
    };
    let job_ids = select(
        "job",
        &opts.jobs,
        project.content.jobs.keys().cloned().collect(),
        failed_ids("jobs"),
    )?;
    let brand_ids = select(
        "brand",
        &opts.brands,
        project.content.brands.keys().cloned().collect(),
        failed_ids("brands"),
    )?;
    let tmpl_names = select(
        "template",
        &opts.templates,
        project.templates.templates.keys().cloned().collect(),
        Vec::new(),
    )?;
    let mut targets = Vec::new();
    for brand in &brand_ids {
        for job in &job_ids {
            for name in &tmpl_names {
                let t = &project.templates.templates[name];
                if !opts.formats.is_empty() && !opts.formats.contains(&t.format) {
                    continue;
                }
                targets.push(Target {
                    brand: brand.clone(),
                    job: job.clone(),
                    template: name.clone(),
                    format: t.format,
                    path: PathBuf::from(brand)
                        .join(job)
                        .join(format!("{name}.{}", t.format.extension())),
                });
            }
        }
    }
    Ok(targets)
}

/// The ids to build: all loaded ones, or those asked for (each must exist;
/// one whose file failed to load is left out, its error already reported).
fn select(
    kind: &str,
    wanted: &[String],
    known: Vec<String>,
    failed: Vec<String>,
) -> Result<Vec<String>, UsageError> {
    if wanted.is_empty() {
        return Ok(known);
    }
    let mut out = Vec::new();
    for w in wanted {
        if known.contains(w) {
            if !out.contains(w) {
                out.push(w.clone());
            }
        } else if !failed.contains(w) {
            let mut all = known.clone();
            all.extend(failed.iter().cloned());
            all.sort();
            return Err(UsageError(format!(
                "there is no {kind} '{w}'; known {kind}s: {}",
                if all.is_empty() {
                    "(none)".to_string()
                } else {
                    all.join(", ")
                }
            )));
        }
    }
    Ok(out)
}

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
    let z = epoch.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
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
            theme::theme(brand, f, &project.templates.templates[&t.template]),
        );
    }
    themes
}

/// Makes one document's bytes: template → markup → Document → writer.
pub fn render_one(
    project: &Project,
    target: &Target,
    theme: &Theme,
    writer: &dyn Writer,
) -> Result<crate::document::Rendered, String> {
    let job = &project.content.jobs[&target.job];
    let brand = &project.content.brands[&target.brand];
    let tmpl = &project.templates.templates[&target.template];
    let epoch = document_epoch(job);
    let data = template::context(job, brand, &iso_date(epoch));
    let markup = project
        .templates
        .render(&target.template, &data)
        .map_err(|e| e.to_string())?;
    let blocks = markup::parse(&markup).map_err(|e| {
        format!(
            "{}: the template made markup that does not parse: {e}",
            tmpl.file.display()
        )
    })?;
    let doc = Document {
        meta: meta(job, brand, epoch, &project.root),
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
    }
}

/// Runs a whole build: loads the project, plans, renders in parallel and
/// writes every document atomically.
pub fn build(opts: &Options) -> Result<Report, UsageError> {
    let start = Instant::now();
    let project = Project::load(&opts.root);
    let targets = plan(&project, opts)?;
    let out = opts.out.clone().unwrap_or_else(|| opts.root.join("output"));
    let themes = themes(&project, &targets);
    let writers = Writers::default();
    let documents: Vec<DocResult> = targets
        .par_iter()
        .map(|t| {
            let result = match themes.get(&(t.brand.clone(), t.template.clone())) {
                None => Err("no fonts to draw with (see the error above)".to_string()),
                Some(theme) => {
                    render_one(&project, t, theme, writers.get(t.format)).and_then(|r| {
                        let path = out.join(&t.path);
                        write_atomic(&path, &r.bytes)
                            .map(|()| r.warnings)
                            .map_err(|e| format!("{}: cannot write: {e}", path.display()))
                    })
                }
            };
            match result {
                Ok(warnings) => DocResult {
                    target: t.clone(),
                    error: None,
                    warnings,
                },
                Err(e) => DocResult {
                    target: t.clone(),
                    error: Some(e),
                    warnings: Vec::new(),
                },
            }
        })
        .collect();
    let mut jobs: Vec<&str> = targets.iter().map(|t| t.job.as_str()).collect();
    let mut brands: Vec<&str> = targets.iter().map(|t| t.brand.as_str()).collect();
    jobs.sort();
    jobs.dedup();
    brands.sort();
    brands.dedup();
    Ok(Report {
        load_errors: project.errors(),
        jobs: jobs.len(),
        brands: brands.len(),
        documents,
        seconds: start.elapsed().as_secs_f64(),
    })
}

#[cfg(test)]
pub(crate) fn default_theme_for_tests(text_width: usize) -> Theme {
    use crate::document::{Colour, Paper, PrintOptions};
    let empty = Arc::new(Vec::new());
    Theme {
        org_name: "Test Trust".into(),
        org_short_name: "Test".into(),
        primary: Colour::rgb(0, 0x52, 0x93),
        secondary: Colour::rgb(0, 0xA9, 0xCE),
        shade: Colour::rgb(0xE8, 0xF1, 0xF8),
        text: Colour::rgb(0x23, 0x1F, 0x20),
        fonts: Arc::new(FontSet {
            id: "none".into(),
            family: "None".into(),
            regular: empty.clone(),
            bold: empty.clone(),
            italic: empty.clone(),
            bold_italic: empty,
        }),
        images: BTreeMap::new(),
        paper: Paper::A4,
        print: PrintOptions::default(),
        body_pt: 11.0,
        footer: String::new(),
        text_width,
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

    #[test]
    fn unknown_ids_list_the_known_ones() {
        let e = select(
            "job",
            &["nurse".into()],
            vec!["pals-officer".into()],
            vec![],
        )
        .unwrap_err();
        assert_eq!(e.0, "there is no job 'nurse'; known jobs: pals-officer");
        assert_eq!(
            select("job", &[], vec!["a".into()], vec![]).unwrap(),
            vec!["a"]
        );
    }
}
