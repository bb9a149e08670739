//! Problems with the command line itself (exit 2), found before the
//! recipients file is read: the template is not a mail template, a brand
//! or an attachment format the project does not have.

use super::Options;
use crate::diagnostic::Diagnostic;
use crate::pipeline::Project;
use crate::template::Format;

/// `Err` when the command asks for what the project does not have.
/// `load_errors` are the project's, shown when the template did not load.
pub(super) fn check(
    project: &Project,
    opts: &Options,
    load_errors: &[Diagnostic],
) -> Result<(), Diagnostic> {
    let templates = &project.templates.templates;
    let mail_templates: Vec<&str> = templates
        .values()
        .filter(|t| t.settings.mail)
        .map(|t| t.name.as_str())
        .collect();
    match templates.get(&opts.template) {
        None if !load_errors.is_empty() => {
            let errors: Vec<String> = load_errors.iter().map(ToString::to_string).collect();
            return Err(Diagnostic::error(format!(
                "the template '{}' did not load:\n{}",
                opts.template,
                errors.join("\n")
            )));
        }
        None => {
            return Err(Diagnostic::error(format!(
                "there is no template '{}'; mail templates: {}",
                opts.template,
                list(&mail_templates)
            )))
        }
        Some(t) if !t.settings.mail || t.format != Format::Txt => {
            return Err(Diagnostic::error(format!(
                "'{}' is not a mail template: a mail template is a .txt.hbs whose settings \
                 comment says 'mail: true'; mail templates: {}",
                t.file.display(),
                list(&mail_templates)
            )))
        }
        Some(_) => {}
    }
    let brands: Vec<&str> = project.content.brands.keys().map(String::as_str).collect();
    if let Some(b) = &opts.brand {
        if !project.content.brands.contains_key(b) {
            return Err(Diagnostic::error(format!(
                "there is no brand '{b}'; known brands: {}",
                list(&brands)
            )));
        }
    }
    for &f in &opts.attach {
        let any = project
            .templates
            .templates
            .values()
            .any(|t| t.format == f && !t.settings.mail);
        if !any {
            return Err(Diagnostic::error(format!(
                "--attach {f}: the project has no {f} template to attach"
            )));
        }
    }
    Ok(())
}

/// Names for a message: `a, b, c`, or `(none)`.
pub(super) fn list(items: &[&str]) -> String {
    if items.is_empty() {
        "(none)".into()
    } else {
        items.join(", ")
    }
}
