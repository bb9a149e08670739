//! One document, from template to bytes: the template renders markup from
//! the job and brand, the markup becomes a [`Document`] with its metadata
//! and labels in the document's languages, and the format's writer draws it
//! in the target's theme.

use super::dates::{document_epoch, iso_date};
use super::plan::Target;
use super::project::Project;
use super::theme::{self, brand_fonts, press_options};
use crate::content::{LoadedBrand, LoadedJob};
use crate::diagnostic::Diagnostic;
use crate::document::{markup, Document, FontSet, Meta, Theme, Writer};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

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
pub fn render_markup(project: &Project, target: &Target) -> Result<String, Diagnostic> {
    markup_for(project, &project.content.jobs[&target.job], target)
}

fn markup_for(project: &Project, job: &LoadedJob, target: &Target) -> Result<String, Diagnostic> {
    let brand = &project.content.brands[&target.brand];
    let data = project.templates.context(
        job,
        brand,
        &iso_date(document_epoch(job)),
        &target.languages,
        layout(project, target),
    );
    project.templates.render(&target.template, &data)
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
    let fields: [(&mut crate::document::Label, &str, &str); 11] = [
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
    // Each part keeps its language, so every writer marks it: the English
    // half of "Dysgu rhagor / Find out more" is read as English.
    for (field, key, joiner) in fields {
        let parts: Vec<(String, String)> = languages
            .iter()
            .filter_map(|tag| {
                cats.message(tag, key, &marks)
                    .ok()
                    .map(|m| (crate::document::regional(tag), m))
            })
            .collect();
        if !parts.is_empty() {
            *field = crate::document::Label {
                parts,
                joiner: joiner.to_string(),
            };
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
) -> Result<crate::document::Rendered, Diagnostic> {
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
) -> Result<crate::document::Rendered, Diagnostic> {
    let brand = &project.content.brands[&target.brand];
    let tmpl = &project.templates.templates[&target.template];
    let markup = markup_for(project, job, target)?;
    let blocks = markup::parse(&markup).map_err(|e| {
        Diagnostic::file(
            &tmpl.file,
            format!("the template made markup that does not parse: {e}"),
        )
    })?;
    let mut meta = meta(job, brand, document_epoch(job), &project.root);
    let first = target
        .languages
        .first()
        .cloned()
        .unwrap_or_else(|| meta.language.clone());
    // Title, subject and keywords in the document's language; in each of
    // them, the document's first, for a bilingual one.
    let own = about(project, job, brand, &first);
    meta.title = own.title.clone();
    meta.subject = own.subject.clone();
    meta.keywords = own.keywords.clone();
    if target.languages.len() > 1 {
        meta.alternates = target
            .languages
            .iter()
            .map(|tag| about(project, job, brand, tag))
            .collect();
    }
    meta.language = crate::document::regional(&first);
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
) -> Result<crate::document::Rendered, Diagnostic> {
    // Typographic punctuation, once for every format that prints it.
    let smart;
    let doc = if theme.typographic {
        let mut d = doc.clone();
        crate::document::typography::smarten(&mut d);
        smart = d;
        &smart
    } else {
        doc
    };
    writer
        .render(doc, theme)
        .map_err(|e| Diagnostic::error(e.to_string()))
}

/// What a document is, in language `tag`: the job's title and the
/// brand's name in that language (the original where there is no
/// translation), the subject from the catalogue's `document-subject`
/// (English words where a catalogue lacks it), and keywords.
fn about(
    project: &Project,
    job: &LoadedJob,
    brand: &LoadedBrand,
    tag: &str,
) -> crate::document::Alternate {
    use crate::template::i18n::Arg;
    let j = job.translations.get(tag).map_or(&job.job, |t| &t.value);
    let b = brand
        .translations
        .get(tag)
        .map_or(&brand.brand, |t| &t.value);
    let cats = project.templates.catalogues();
    let args = [
        ("title", Arg::Text(j.title.to_string())),
        ("article", Arg::Text(j.title_article.as_str().to_string())),
    ];
    let subject = cats
        .message(tag, "document-subject", &args)
        .unwrap_or_else(|_| {
            format!(
                "Careers information: {} {}",
                j.title_article.as_str(),
                j.title
            )
        });
    let careers = cats
        .message(tag, "nhs-careers", &[])
        .unwrap_or_else(|_| "NHS careers".to_string());
    let mut keywords = vec![j.title.to_string()];
    keywords.extend(j.alternative_titles.iter().map(|t| t.to_string()));
    keywords.extend([careers, b.short_name.to_string()]);
    crate::document::Alternate {
        language: crate::document::regional(tag),
        title: j.title.to_string(),
        subject,
        keywords,
    }
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
        alternates: Vec::new(),
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
