//! The message catalogues as templates use them: the keys careerpress
//! itself needs in every language, and every `{{t "key"}}` a template asks
//! for that a language's catalogue lacks.

use super::{i18n, TemplateError, Templates};
use std::sync::Arc;

/// Keys every language's catalogue needs whatever the templates ask for:
/// the routes' headings, and the words of the helpers and writers.
pub const REQUIRED_KEYS: &[&str] = &[
    "route-university",
    "route-college",
    "route-apprenticeship",
    "route-work",
    "route-volunteering",
    "route-direct_application",
    "route-other",
    "list-and",
    "list-or",
    "range",
    "date-full",
    "date-month",
    "month-1",
    "month-2",
    "month-3",
    "month-4",
    "month-5",
    "month-6",
    "month-7",
    "month-8",
    "month-9",
    "month-10",
    "month-11",
    "month-12",
    "plural-form",
    "with-article",
    "page-of",
    "draft-notice",
    "draft-word",
    "key-facts",
    "table-caption",
    "note-caption",
    "table-columns",
    "layout-table",
    "callout-description",
    "skip-to-content",
    "on-this-page",
];

impl Templates {
    /// The catalogues of the project's templates.
    pub fn catalogues(&self) -> &Arc<i18n::Catalogues> {
        &self.catalogues
    }

    /// Every message key a template asks for with `{{t "key"}}` that a
    /// language's catalogue lacks, as errors naming the template, the key
    /// and the language; and the keys every language needs.
    pub fn missing_messages(&self, languages: &[String]) -> Vec<TemplateError> {
        let mut out = Vec::new();
        for tag in languages {
            if !self.catalogues.has_language(tag) {
                out.push(TemplateError::file(
                    self.dir.join("locales").join(tag),
                    format!(
                        "there are no {} messages, and a brand makes documents in it: add templates/locales/{tag}/careerpress.ftl",
                        crate::content::overlay::language_name(tag)
                    ),
                ));
                continue;
            }
            for key in REQUIRED_KEYS {
                if !self.catalogues.has(tag, key) {
                    out.push(TemplateError::file(
                        self.dir.join("locales").join(tag),
                        format!(
                            "the message '{key}' is missing in {} (careerpress itself uses it)",
                            crate::content::overlay::language_name(tag)
                        ),
                    ));
                }
            }
            // The templates and partials compiled: those a run uses.
            let sources = self
                .templates
                .values()
                .filter(|t| self.compiled.has_template(&t.name))
                .map(|t| (t.file.clone(), t.source.as_str()))
                .chain(
                    self.partials
                        .iter()
                        .filter(|(n, _)| self.compiled.has_partial(n))
                        .map(|(n, s)| {
                            (
                                self.dir.join("partials").join(format!("{n}.hbs")),
                                s.as_str(),
                            )
                        }),
                );
            for (file, src) in sources {
                for (key, line) in message_keys(src) {
                    if !self.catalogues.has(tag, &key) {
                        out.push(TemplateError::file(
                            file.clone(),
                            format!(
                                "{{{{t \"{key}\"}}}}: the message '{key}' is not in the {} catalogue (templates/locales/{tag}/)",
                                crate::content::overlay::language_name(tag)
                            ),
                        )
                        .at_position(Some(line), None));
                    }
                }
            }
        }
        out
    }
}

/// The keys a template source asks for with `{{t "key" …}}` or
/// `(t "key" …)`, each with its line.
fn message_keys(src: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("t \"") {
            let before = rest[..at].chars().last();
            rest = &rest[at + 3..];
            if !matches!(before, Some('{') | Some('(') | Some(' ') | Some('~')) {
                continue;
            }
            if let Some(end) = rest.find('"') {
                let key = &rest[..end];
                if !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    out.push((key.to_string(), i + 1));
                }
            }
        }
    }
    out
}
