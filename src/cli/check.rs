//! `careerpress check`: validate all content and templates; write nothing.

use super::print_errors;
use crate::build::{self, Options, Project};
use crate::template::Format;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(root: PathBuf) -> ExitCode {
    let project = Project::load(&root);
    let mut errors = project.errors();
    // A draft is never "all good": each placeholder is an error.
    errors.extend(project.placeholders());
    // Every printed field a document's languages need, and the review
    // notes of translations (said, never holding anything back).
    if let Ok(all) = build::full_plan(
        &project,
        &Options {
            root: root.clone(),
            ..Options::default()
        },
    ) {
        for t in &all {
            for e in project.missing_translations(t) {
                let e = e.to_string();
                if !errors.contains(&e) {
                    errors.push(e);
                }
            }
        }
    }
    let c = &project.content;
    for r in c
        .jobs
        .values()
        .flat_map(|j| j.translations.by_language.values().flat_map(|t| &t.reviews))
        .chain(
            c.brands
                .values()
                .flat_map(|b| b.translations.by_language.values().flat_map(|t| &t.reviews)),
        )
    {
        tell!("note: {r}");
    }
    for t in c
        .jobs
        .values()
        .flat_map(|j| {
            j.translations
                .by_language
                .values()
                .flat_map(|t| &t.placeholders)
        })
        .chain(c.brands.values().flat_map(|b| {
            b.translations
                .by_language
                .values()
                .flat_map(|t| &t.placeholders)
        }))
    {
        errors.push(t.to_string());
    }
    // An imported draft keeps what the importer could not place under
    // `unsorted`: never printed, so say so until a person has sorted it.
    for job in project.content.jobs.values() {
        let n = job.job.unsorted.len();
        if n > 0 {
            tell!(
                "warning: {}: unsorted: {n} item{} from an import still to sort into the right fields (never printed)",
                job.file.display(),
                if n == 1 { "" } else { "s" }
            );
        }
    }
    // Render every document in memory too: a template can be valid
    // Handlebars and still name a field that does not exist.
    {
        if let Ok(targets) = build::plan(
            &project,
            &Options {
                root: root.clone(),
                draft: true,
                ..Options::default()
            },
        ) {
            let themes = build::themes(&project, &targets);
            let writers = build::Writers::default();
            let text = writers.get(Format::Txt);
            for t in &targets {
                if let Some(theme) = themes.get(&(t.brand.clone(), t.template.clone())) {
                    // Templates and markup are checked through the text writer,
                    // which every format shares up to the Document.
                    if let Err(e) = build::render_one(&project, t, theme, text) {
                        if !errors.contains(&e) {
                            errors.push(e);
                        }
                    }
                }
            }
        }
    }
    print_errors(&errors);
    let c = &project.content;
    if errors.is_empty() {
        say!(
            "All good: {} jobs, {} brands, {} templates checked",
            c.jobs.len(),
            c.brands.len(),
            project.templates.templates.len()
        );
        ExitCode::SUCCESS
    } else {
        say!("{} errors found", errors.len());
        ExitCode::from(1)
    }
}
