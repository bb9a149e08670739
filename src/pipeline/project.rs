//! The project as a run sees it: content, templates, catalogues, fonts and
//! `careerpress.yaml`, loaded once, with every problem found on the way.

use super::plan::Target;
use super::theme::{self, bundled_fonts};
use crate::content::project::ProjectFile;
use crate::content::{self, Content, ContentError};
use crate::diagnostic::Diagnostic;
use crate::document::FontSet;
use crate::template::{TemplateError, Templates};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Everything a build needs, loaded once.
pub struct Project {
    pub root: PathBuf,
    pub content: Content,
    pub templates: Templates,
    pub template_errors: Vec<TemplateError>,
    /// Problems that are neither content nor template errors (fonts).
    pub other_errors: Vec<Diagnostic>,
    pub fonts: Option<Arc<FontSet>>,
    /// `careerpress.yaml`: build defaults.
    pub settings: ProjectFile,
    /// Whether `careerpress.yaml` is there but could not be read: the
    /// build goes on with the defaults, and no document counts as gone
    /// (what the project makes, and where, is unknown).
    pub settings_failed: bool,
}

impl Project {
    /// Loads content, templates and fonts, compiling every template,
    /// collecting every problem.
    pub fn load(root: &Path) -> Project {
        let mut project = Project::read(root);
        project.compile(None);
        project
    }

    /// Loads what a build with `opts` needs: every template is read, only
    /// those its documents use are compiled (a build of one leaflet
    /// compiles the leaflet and its partials, not the handout).
    pub fn load_for(opts: &super::Options) -> Project {
        let mut project = Project::read(&opts.root);
        let mut used: Vec<String> = super::plan::plan_with_drafts(&project, opts)
            .map(|targets| targets.into_iter().map(|t| t.template).collect())
            .unwrap_or_default();
        used.sort();
        used.dedup();
        project.compile(Some(&used));
        project
    }

    /// Compiles the named templates (all when `None`) and checks that the
    /// messages they ask for are in every language a brand needs.
    fn compile(&mut self, only: Option<&[String]>) {
        self.template_errors = self.templates.compile(only);
        // Every language a brand makes documents in needs every message.
        let missing = self
            .templates
            .missing_messages(&brand_languages(&self.content));
        self.template_errors.extend(missing);
    }

    /// Loads content and fonts and reads the templates, compiling none.
    fn read(root: &Path) -> Project {
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
        let templates = Templates::read(&tdir);
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
            template_errors: Vec::new(),
            other_errors,
            fonts,
            settings,
            settings_failed,
        }
    }

    /// Every language a brand makes documents in, sorted.
    pub fn languages(&self) -> Vec<String> {
        brand_languages(&self.content)
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

    /// Translations no document uses: a job's `<job>.<lang>.yaml` when no
    /// brand makes documents in its language, a brand's
    /// `brand.<lang>.yaml` when that brand does not. Each is a warning
    /// naming the file and what to add to which `brand.yaml`.
    pub fn unused_translations(&self) -> Vec<Diagnostic> {
        use content::overlay::{language_name, primary};
        let c = &self.content;
        let lists = |b: &content::LoadedBrand, lang: &str| {
            b.brand
                .languages
                .iter()
                .any(|l| primary(l.tag()) == primary(lang))
        };
        // `languages: [cy, en-GB]`: a brand's list with the language added.
        let with = |b: &content::LoadedBrand, lang: &str| {
            let mut tags = vec![primary(lang).to_string()];
            tags.extend(b.brand.languages.iter().map(|l| l.tag().to_string()));
            format!("languages: [{}]", tags.join(", "))
        };
        let mut out = Vec::new();
        for job in c.jobs.values() {
            for t in job.translations.by_language.values() {
                if c.brands.values().any(|b| lists(b, &t.language)) {
                    continue;
                }
                let name = language_name(&t.language);
                let brands: Vec<String> = c
                    .brands
                    .values()
                    .map(|b| format!("{} ({})", b.file.display(), with(b, &t.language)))
                    .collect();
                let to = match brands.len() {
                    0 => "a trust's brand.yaml".to_string(),
                    _ => format!(
                        "the brand.yaml of each trust that should print it: {}",
                        brands.join(" or ")
                    ),
                };
                out.push(Diagnostic::warning(format!(
                    "this {name} translation is never used: no trust makes documents in {name}; to use it, add `{}` to `languages:` in {to}",
                    primary(&t.language)
                )).in_file(&t.file));
            }
        }
        for b in c.brands.values() {
            for t in b.translations.by_language.values() {
                if lists(b, &t.language) {
                    continue;
                }
                let name = language_name(&t.language);
                out.push(Diagnostic::warning(format!(
                    "this {name} translation is never used: the trust's documents are not in {name}; to use it, add `{}` to `languages:` in {} ({})",
                    primary(&t.language),
                    b.file.display(),
                    with(b, &t.language)
                )).in_file(&t.file));
            }
        }
        out
    }

    /// Every problem found while loading, each printed
    /// `file:line:column: …`.
    pub fn errors(&self) -> Vec<Diagnostic> {
        let mut all = self.content.errors.clone();
        all.extend(self.template_errors.iter().cloned());
        all.extend(self.other_errors.iter().cloned());
        all
    }
}

fn brand_languages(content: &Content) -> Vec<String> {
    let mut languages: Vec<String> = content
        .brands
        .values()
        .flat_map(|b| b.brand.languages.iter().map(|l| l.tag().to_string()))
        .collect();
    languages.sort();
    languages.dedup();
    languages
}
