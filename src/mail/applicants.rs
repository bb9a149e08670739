//! Which rows are applicants: the header's columns found once, then each
//! row's values checked (a name, an address mail can go to, a job and brand
//! that exist and are not drafts, a language the message has text in).
//! A row that fails is skipped with a reason for the summary and a detail
//! for the person fixing the file; the other rows go on.

use super::compose::Applicant;
use super::usage::list;
use super::{Options, RowResult};
use crate::diagnostic::Diagnostic;
use crate::pipeline::{Project, Target};
use crate::template::Format;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Why a row is skipped: the reason (counted in the summary) and the detail.
type Skip = (&'static str, String);

/// Where the required columns are.
pub(super) struct Columns {
    name: usize,
    email: usize,
    job: usize,
    brand: Option<usize>,
    /// The optional `language` column: cy, en, or empty.
    language: Option<usize>,
}

impl Columns {
    /// Finds the columns in the header row; `Err` (at line 1) when one is
    /// missing or named twice.
    pub(super) fn of(header: &[String], brand_flag: bool) -> Result<Columns, Diagnostic> {
        let at_header = |m: String| Diagnostic::error(m).at(1u32, None);
        let find = |c: &str| header.iter().position(|h| h.eq_ignore_ascii_case(c));
        let mut missing = Vec::new();
        for c in ["name", "email", "job"] {
            if find(c).is_none() {
                missing.push(c);
            }
        }
        let brand = find("brand");
        if brand.is_none() && !brand_flag {
            missing.push("brand");
        }
        let mut seen = Vec::new();
        for h in header {
            let l = h.to_lowercase();
            if seen.contains(&l) {
                return Err(at_header(format!(
                    "the header names the column '{h}' twice"
                )));
            }
            seen.push(l);
        }
        if !missing.is_empty() {
            let mut m = format!(
                "the header row has no {} column{}; it has: {}",
                missing
                    .iter()
                    .map(|c| format!("'{c}'"))
                    .collect::<Vec<_>>()
                    .join(", "),
                if missing.len() == 1 { "" } else { "s" },
                header.join(", ")
            );
            if missing.contains(&"brand") {
                m.push_str(" (or give --brand for every row)");
            }
            if header.len() == 1 && header[0].contains(';') {
                m.push_str("; the file looks separated by semicolons: save it with commas");
            }
            return Err(at_header(m));
        }
        Ok(Columns {
            name: find("name").unwrap_or(0),
            email: find("email").unwrap_or(0),
            job: find("job").unwrap_or(0),
            brand,
            language: find("language"),
        })
    }

    /// Checks one row: a name, a valid address, a job and brand that exist.
    /// Whatever the row gives is noted in `res` (for the report) even when
    /// it is skipped; `Err` is the reason (for the summary) and the detail.
    pub(super) fn applicant(
        &self,
        fields: &[String],
        header: &[String],
        opts: &Options,
        project: &Project,
        res: &mut RowResult,
    ) -> Result<Applicant, Skip> {
        let get = |i: usize| fields[i].trim().to_string();
        let brand = self
            .brand
            .map(get)
            .filter(|b| !b.is_empty())
            .or_else(|| opts.brand.clone());
        // A line break in a quoted name would only garble the To header.
        let name = fields[self.name].split_whitespace().collect::<Vec<_>>();
        res.name = Some(name.join(" ")).filter(|s| !s.is_empty());
        res.email = Some(get(self.email)).filter(|s| !s.is_empty());
        res.job = Some(get(self.job)).filter(|s| !s.is_empty());
        res.brand = brand.clone();
        let fail = |reason, detail: String| Err((reason, detail));
        let Some(name) = res.name.clone() else {
            return fail("missing name", "the name is empty".into());
        };
        let Some(email) = res.email.clone() else {
            return fail("missing email address", "the email address is empty".into());
        };
        let Some(address) = valid_address(&email) else {
            return fail(
                "invalid email address",
                format!("'{email}' is not an email address like name@example.org"),
            );
        };
        let Some(asked_job) = res.job.clone() else {
            return fail("unknown job", "the job is empty".into());
        };
        let job = find_job(project, &asked_job).map_err(|detail| ("unknown job", detail))?;
        res.job = Some(job.clone());
        if project.content.jobs[&job].is_draft() {
            return fail(
                "draft job",
                format!(
                    "the job '{job}' is a draft (placeholders in {}): drafts are never mailed",
                    project.content.jobs[&job].file.display()
                ),
            );
        }
        let Some(brand) = brand else {
            return fail(
                "no brand",
                "the brand is empty and no --brand was given".into(),
            );
        };
        if !project.content.brands.contains_key(&brand) {
            let detail = if did_not_load(project, "brands", &brand) {
                format!("the brand '{brand}' did not load (see the errors above)")
            } else {
                let known: Vec<&str> = project.content.brands.keys().map(String::as_str).collect();
                format!(
                    "there is no brand '{brand}'; known brands: {}",
                    list(&known)
                )
            };
            return fail("unknown brand", detail);
        }
        if project.content.brands[&brand].is_draft() {
            return fail(
                "draft brand",
                format!(
                    "the brand '{brand}' is a draft (placeholders in {}): drafts are never mailed",
                    project.content.brands[&brand].file.display()
                ),
            );
        }
        let mut all: BTreeMap<String, String> = header
            .iter()
            .zip(fields)
            .map(|(h, v)| (h.clone(), v.trim().to_string()))
            .collect();
        // The four known columns under their lower-case names, whatever
        // their case in the header.
        for (k, v) in [
            ("name", &name),
            ("email", &email),
            ("job", &job),
            ("brand", &brand),
        ] {
            all.insert(k.to_string(), v.clone());
        }
        // The row's language: `cy`, `en` (or `en-GB`), or empty for the
        // brand's own (a Welsh board's default message is bilingual, Welsh
        // first).
        let brand_languages: Vec<String> = project.content.brands[&brand]
            .brand
            .languages
            .iter()
            .map(|l| l.tag().to_string())
            .collect();
        let asked = self.language.map(get).unwrap_or_default();
        let languages = match asked.to_ascii_lowercase().as_str() {
            "" => brand_languages,
            "cy" | "cy-gb" => vec!["cy".to_string()],
            "en" | "en-gb" => vec!["en-GB".to_string()],
            _ => {
                return fail(
                    "unknown language",
                    format!("'{asked}' is not a language careerpress mails in: write cy, en, or leave it empty for the brand's own"),
                )
            }
        };
        for lang in &languages {
            let missing = project.missing_translations(&Target {
                brand: brand.clone(),
                job: job.clone(),
                template: opts.template.clone(),
                format: Format::Txt,
                path: PathBuf::new(),
                languages: vec![lang.clone()],
                print: false,
            });
            if !missing.is_empty() {
                return fail(
                    "no translation",
                    format!(
                        "the job or brand has no {} text for {} printed fields (run `careerpress check` to see them)",
                        crate::content::overlay::language_name(lang),
                        missing.len()
                    ),
                );
            }
        }
        Ok(Applicant {
            name,
            email: address,
            job,
            brand,
            fields: all,
            languages,
        })
    }
}

/// The job a row's `job` value names: a job's id (`pals-officer`), or its
/// title in any of its languages, in any case (`PALS Officer`). `Err` in
/// words, with the nearest id or title when there is one.
fn find_job(project: &Project, asked: &str) -> Result<String, String> {
    let jobs = &project.content.jobs;
    if jobs.contains_key(asked) {
        return Ok(asked.to_string());
    }
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut titles: Vec<(String, &str)> = Vec::new();
    for (id, j) in jobs {
        titles.push((j.job.title.as_str().to_string(), id));
        for t in j.translations.by_language.values() {
            titles.push((t.value.title.as_str().to_string(), id));
        }
    }
    let mut by_title: Vec<&str> = titles
        .iter()
        .filter(|(t, _)| fold(t) == fold(asked))
        .map(|(_, id)| *id)
        .collect();
    by_title.dedup();
    match by_title[..] {
        [id] => return Ok(id.to_string()),
        [_, _, ..] => {
            return Err(format!(
                "more than one job has the title '{asked}' ({}): write the job's id instead",
                by_title.join(", ")
            ))
        }
        [] => {}
    }
    if did_not_load(project, "jobs", asked) {
        return Err(format!(
            "the job '{asked}' did not load (see the errors above)"
        ));
    }
    let ids: Vec<&str> = jobs.keys().map(String::as_str).collect();
    let mut known: Vec<&str> = ids.clone();
    known.extend(titles.iter().map(|(t, _)| t.as_str()));
    let folded: Vec<String> = known.iter().map(|k| fold(k)).collect();
    let folded_refs: Vec<&str> = folded.iter().map(String::as_str).collect();
    let hint = crate::content::yaml::nearest(&fold(asked), &folded_refs)
        .and_then(|near| folded.iter().position(|f| *f == near))
        .map(|i| format!(" (did you mean '{}'?)", known[i]))
        .unwrap_or_default();
    Err(format!(
        "there is no job '{asked}'{hint}; known jobs: {} (the job column takes a job's id or its title)",
        list(&ids)
    ))
}

/// An address mail can go to, as RFC 5321 and 6531 write one: a local part
/// that is a dot-atom (`ann.smith`) or a quoted string (`"john doe"`), then
/// `@` and a domain with a dot, in Unicode (`bücher.example`) or ASCII
/// (`xn--bcher-kva.example`); nothing invisible, no line breaks.
fn valid_address(s: &str) -> Option<lettre::Address> {
    let is_email = |a: &str| {
        serde_json::from_value::<crate::content::types::Email>(serde_json::Value::String(a.into()))
            .is_ok()
    };
    let (local, domain) = s.rsplit_once('@')?;
    if local.starts_with('"') {
        // The domain as the content model takes it; the local part by RFC 5321.
        if s.len() > 254 || local.len() > 66 || !quoted_local_part(local) {
            return None;
        }
        if !is_email(&format!("q@{domain}")) {
            return None;
        }
    } else if !is_email(s) {
        return None;
    }
    s.parse().ok()
}

/// RFC 5321's Quoted-string: `"`, printable characters (a `"` or `\`
/// escaped with `\`), `"`; UTF-8 beyond ASCII as RFC 6531 allows, never a
/// control or invisible character.
fn quoted_local_part(local: &str) -> bool {
    let Some(inner) = local
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .filter(|i| !i.is_empty())
    else {
        return false;
    };
    let ascii = |c: char| c.is_ascii() && (' '..='~').contains(&c);
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        let ok = match c {
            // A quote or backslash is escaped; so may any printable be.
            '\\' => chars.next().is_some_and(ascii),
            '"' => false,
            c => ascii(c) || (!c.is_ascii() && !crate::content::types::is_invisible(c)),
        };
        if !ok {
            return false;
        }
    }
    true
}

/// Whether `content/<dir>/<id>` exists but failed to load.
fn did_not_load(project: &Project, dir: &str, id: &str) -> bool {
    let base = project.root.join("content").join(dir);
    base.join(id).is_dir() || base.join(format!("{id}.yaml")).is_file()
}
