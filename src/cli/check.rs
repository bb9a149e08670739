//! `careerpress check`: validate all content and templates; write nothing.
//!
//! Every problem of every file is listed at once. A value still to write
//! (an empty field of a new skeleton, a placeholder left in a draft) is a
//! `todo:` line, a mistake an `error:` line; the closing line counts both,
//! so a fresh skeleton reads as a list of fields to fill in.

use crate::content::overlay;
use crate::content::translations::{translation_file, Translations};
use crate::content::ContentError;
use crate::pipeline::{self, Options, Project};
use crate::template::Format;
use std::path::PathBuf;
use std::process::ExitCode;

/// One line of the report.
struct Line {
    todo: bool,
    text: String,
}

/// A content's translations' placeholders, or their review notes.
fn translated<T>(t: &Translations<T>, reviews: bool) -> impl Iterator<Item = &ContentError> {
    t.by_language
        .values()
        .flat_map(move |t| if reviews { &t.reviews } else { &t.placeholders })
}

pub fn run(root: PathBuf) -> ExitCode {
    let project = Project::load(&root);
    let c = &project.content;
    let content = |e: &ContentError| Line {
        todo: e.placeholder,
        text: e.to_string(),
    };
    let mut lines: Vec<Line> = c.errors.iter().map(content).collect();
    lines.extend(project.template_errors.iter().map(|e| Line {
        todo: false,
        text: e.to_string(),
    }));
    lines.extend(project.other_errors.iter().map(|e| Line {
        todo: false,
        text: e.to_string(),
    }));
    // A draft is never "all good": each placeholder is listed, the
    // originals' and their translations'.
    for p in c
        .jobs
        .values()
        .flat_map(|j| &j.placeholders)
        .chain(c.brands.values().flat_map(|b| &b.placeholders))
        .chain(
            c.jobs
                .values()
                .flat_map(|j| translated(&j.translations, false)),
        )
        .chain(
            c.brands
                .values()
                .flat_map(|b| translated(&b.translations, false)),
        )
    {
        lines.push(content(p));
    }
    // Every printed field a document's languages need, and the review
    // notes of translations (said, never holding anything back).
    let mut gaps: Vec<(PathBuf, String, Vec<String>)> = Vec::new();
    let mut headlines: Vec<String> = Vec::new();
    if let Ok(all) = pipeline::full_plan(
        &project,
        &Options {
            root: root.clone(),
            ..Options::default()
        },
    ) {
        for t in &all {
            for e in project.missing_translations(t) {
                // A translation with mistakes of its own: those are its lines.
                let own_mistakes = t.languages.iter().any(|l| {
                    let f = translation_file(e.file_path(), overlay::primary(l));
                    c.errors.iter().any(|x| x.file.as_ref() == Some(&f))
                });
                if e.field.is_none() && own_mistakes {
                    continue;
                }
                if e.field.is_some() {
                    // A field a translation lacks: gathered under its file.
                    let file = t
                        .languages
                        .iter()
                        .map(|l| translation_file(e.file_path(), overlay::primary(l)))
                        .find(|f| e.message.contains(&f.display().to_string()));
                    if let Some(file) = file {
                        let lang = overlay::language_name(&t.languages[0]);
                        let at = match gaps.iter().position(|(f, _, _)| *f == file) {
                            Some(i) => i,
                            None => {
                                gaps.push((file, lang, Vec::new()));
                                gaps.len() - 1
                            }
                        };
                        let line = e.to_string();
                        if !gaps[at].2.contains(&line) {
                            gaps[at].2.push(line);
                        }
                        continue;
                    }
                }
                let line = content(&e);
                if !lines.iter().any(|l| l.text == line.text) {
                    lines.push(line);
                }
            }
        }
    }
    // One headline a translation file, with its count, then its fields.
    for (file, lang, fields) in gaps {
        let names: Vec<&str> = fields
            .iter()
            .filter_map(|l| l.split(": ").nth(1))
            .take(6)
            .collect();
        let more = if fields.len() > names.len() {
            ", …"
        } else {
            ""
        };
        headlines.push(format!(
            "{}: {} no {lang} text yet: {}{more}",
            file.display(),
            match fields.len() {
                1 => "1 field has".to_string(),
                n => format!("{n} fields have"),
            },
            names.join(", ")
        ));
        lines.push(Line {
            todo: false,
            text: headlines.last().cloned().unwrap_or_default(),
        });
        lines.extend(fields.into_iter().map(|text| Line { todo: false, text }));
    }
    for r in c
        .jobs
        .values()
        .flat_map(|j| translated(&j.translations, true))
        .chain(
            c.brands
                .values()
                .flat_map(|b| translated(&b.translations, true)),
        )
    {
        tell!("note: {r}");
    }
    // An imported draft keeps what the importer could not place under
    // `unsorted`: never printed, so say so until a person has sorted it.
    for job in c.jobs.values() {
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
    let mut rendered: Vec<crate::diagnostic::Diagnostic> = Vec::new();
    if let Ok(targets) = pipeline::plan(
        &project,
        &Options {
            root: root.clone(),
            draft: true,
            ..Options::default()
        },
    ) {
        let themes = pipeline::themes(&project, &targets);
        let writers = pipeline::Writers::default();
        let text = writers.get(Format::Txt);
        for t in &targets {
            if let Some(theme) = themes.get(&(t.brand.clone(), t.template.clone())) {
                // Templates and markup are checked through the text writer,
                // which every format shares up to the Document.
                if let Err(e) = pipeline::render_one(&project, t, theme, text) {
                    if !rendered.contains(&e) {
                        rendered.push(e);
                    }
                }
            }
        }
    }
    // And every mail template, as `careerpress mail` would compose it.
    let mail = crate::mail::check::check_templates(&project);
    for n in &mail.notes {
        tell!("note: {n}");
    }
    for e in mail.errors {
        if !rendered.contains(&e) {
            rendered.push(e);
        }
    }
    lines.extend(rendered.into_iter().map(|e| Line {
        todo: false,
        text: e.to_string(),
    }));
    // Plain English: warnings (errors with `plain_english: error`).
    let plain = crate::authoring::plain::check(&project);
    let (plain_errors, warnings): (Vec<_>, Vec<_>) =
        plain.problems.iter().partition(|d| !d.is_warning());
    lines.extend(plain_errors.iter().map(|e| Line {
        todo: false,
        text: e.to_string(),
    }));
    {
        use std::io::Write as _;
        let mut err = std::io::stderr().lock();
        for w in &warnings {
            let _ = writeln!(err, "warning: {w}");
        }
        for w in project.unused_translations() {
            let _ = writeln!(err, "warning: {w}");
        }
        for l in &lines {
            let _ = writeln!(err, "{}: {}", if l.todo { "todo" } else { "error" }, l.text);
        }
    }
    let todo = lines.iter().filter(|l| l.todo).count();
    // A headline sums up its fields' lines; only the fields count.
    let errors = lines.len() - todo - headlines.len();
    use crate::pipeline::report::plural;
    let warned = match warnings.len() {
        0 => String::new(),
        n => format!("; {} on plain English", plural(n, "warning", "warnings")),
    };
    // How easy each job is to read, under the closing line.
    let reading = || {
        for id in c.jobs.keys() {
            if let Some(figures) = plain.describe(id) {
                say!("Reading: {id}: {figures}");
            }
        }
    };
    if lines.is_empty() {
        say!(
            "All good: {}, {}, {} checked{warned}",
            plural(c.jobs.len(), "job", "jobs"),
            plural(c.brands.len(), "brand", "brands"),
            plural(project.templates.templates.len(), "template", "templates"),
        );
        reading();
        ExitCode::SUCCESS
    } else {
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        say!(
            "{}{warned}",
            match (errors, todo) {
                (0, t) => format!("{} to fill in", count(t, "value", "values")),
                (e, 0) => count(e, "error", "errors") + " found",
                (e, t) => format!(
                    "{} found, and {} to fill in",
                    count(e, "error", "errors"),
                    count(t, "value", "values")
                ),
            }
        );
        reading();
        ExitCode::from(1)
    }
}
