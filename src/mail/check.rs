//! `careerpress check` for mail: every mail template composed, as a run
//! would, for every job and brand that can be mailed and every language a
//! row can ask for, so a broken `email.txt.hbs` fails `check` (file and
//! line) rather than every message of the next mailing.
//!
//! A template sees the recipients file's columns as `applicant.<column>`.
//! `check` has no recipients file: the columns careerpress knows (name,
//! email, job, brand, language) get sample values; another column the
//! template names is taken as one every recipients file must have (said in
//! a note), unless it is so near a known one that it is surely a slip
//! (`applicant.nmae`), which is left out so the error says "did you mean".

use super::compose::{Applicant, Composer};
use crate::diagnostic::Diagnostic;
use crate::pipeline::{Project, Target};
use crate::template::Format;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The columns careerpress itself reads from a recipients file.
const KNOWN_COLUMNS: [&str; 5] = ["name", "email", "job", "brand", "language"];

/// What checking the mail templates found: errors, and notes.
#[derive(Debug, Default)]
pub struct MailCheck {
    pub errors: Vec<Diagnostic>,
    pub notes: Vec<Diagnostic>,
}

/// Composes a message from every mail template for every job and brand
/// that is not a draft, in each language set a row can ask for.
pub fn check_templates(project: &Project) -> MailCheck {
    let mut found = MailCheck::default();
    let epoch = super::mail_epoch().unwrap_or(0);
    let c = &project.content;
    for (name, template) in &project.templates.templates {
        if !template.settings.mail {
            continue;
        }
        let source = std::fs::read_to_string(&template.file).unwrap_or_default();
        let mut extra = Vec::new();
        for column in columns_named(&source) {
            if KNOWN_COLUMNS.contains(&column.as_str()) || is_slip(&column) {
                continue;
            }
            found.notes.push(
                Diagnostic::warning(format!(
                    "the template uses applicant.{column}: every recipients file mailed with it needs a '{column}' column"
                ))
                .in_file(&template.file),
            );
            extra.push(column);
        }
        let mut composer = Composer::new(project, name, epoch, &[]);
        for (job_id, job) in &c.jobs {
            if job.is_draft() {
                continue;
            }
            for (brand_id, brand) in &c.brands {
                if brand.is_draft() {
                    continue;
                }
                let own: Vec<String> = brand
                    .brand
                    .languages
                    .iter()
                    .map(|l| l.tag().to_string())
                    .collect();
                let mut sets = vec![own.clone()];
                if own.len() > 1 {
                    sets.extend(own.iter().map(|l| vec![l.clone()]));
                }
                for languages in sets {
                    if has_missing_translations(project, name, job_id, brand_id, &languages) {
                        // Such a row is skipped (and `check` lists the fields).
                        continue;
                    }
                    let a = sample(job_id, brand_id, &languages, &extra);
                    if let Err(e) = composer.compose(&a) {
                        if !found.errors.contains(&e) {
                            found.errors.push(e);
                        }
                    }
                }
            }
        }
    }
    found
}

fn has_missing_translations(
    project: &Project,
    template: &str,
    job: &str,
    brand: &str,
    languages: &[String],
) -> bool {
    languages.iter().any(|lang| {
        !project
            .missing_translations(&Target {
                brand: brand.to_string(),
                job: job.to_string(),
                template: template.to_string(),
                format: Format::Txt,
                path: PathBuf::new(),
                languages: vec![lang.clone()],
                print: false,
            })
            .is_empty()
    })
}

/// A made-up applicant with every column the template is checked with.
fn sample(job: &str, brand: &str, languages: &[String], extra: &[String]) -> Applicant {
    let email = "applicant@example.org";
    let mut fields = BTreeMap::new();
    for (k, v) in [
        ("name", "Sample Applicant"),
        ("email", email),
        ("job", job),
        ("brand", brand),
        ("language", ""),
    ] {
        fields.insert(k.to_string(), v.to_string());
    }
    for column in extra {
        fields.insert(column.clone(), format!("({column})"));
    }
    Applicant {
        name: "Sample Applicant".into(),
        email: email.parse().expect("a valid sample address"),
        job: job.to_string(),
        brand: brand.to_string(),
        fields,
        languages: languages.to_vec(),
    }
}

/// Whether a column name is a slip for one careerpress knows.
fn is_slip(column: &str) -> bool {
    let lower = column.to_lowercase();
    KNOWN_COLUMNS.iter().any(|k| {
        let near = if k.len() <= 5 { 1 } else { 2 };
        lower == *k || strsim::damerau_levenshtein(&lower, k) <= near
    })
}

/// The columns a template names as `applicant.<column>` or
/// `applicant.[a column]` outside its comments, in order, once each.
fn columns_named(source: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let code = without_comments(source);
    let mut rest = code.as_str();
    while let Some(i) = rest.find("applicant.") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "applicant.".len()..];
        // `@root.applicant.x` and `applicant.x`, not `myapplicant.x`.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let column = if let Some(r) = rest.strip_prefix('[') {
            r.split_once(']').map(|(c, _)| c.to_string())
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len());
            Some(rest[..end].to_string())
        };
        if let Some(c) = column.filter(|c| !c.is_empty()) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// A template's source without its `{{!-- … --}}` and `{{! … }}`
/// comments (the settings comment explains `applicant.<column>`).
fn without_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(i) = rest.find("{{!") {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let close = if after.starts_with("{{!--") {
            "--}}"
        } else {
            "}}"
        };
        match after[3..].find(close) {
            Some(j) => rest = &after[3 + j + close.len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_found_and_slips_told_apart() {
        let src = "{{applicant.name}} {{@root.applicant.[start date]}} {{applicant.reference}} \
                   {{myapplicant.x}} {{applicant.nmae}} {{!-- applicant.[in a comment] --}}\
                   {{! applicant.y }}{{applicant.date}}";
        assert_eq!(
            columns_named(src),
            ["name", "start date", "reference", "nmae", "date"]
        );
        assert!(is_slip("nmae") && is_slip("Emial") && is_slip("brnd"));
        assert!(!is_slip("reference") && !is_slip("start date") && !is_slip("date"));
    }
}
