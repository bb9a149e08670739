//! One job profile: read, checked field by field against the model and
//! then across fields (salaries, sources, routes), with its placeholders.

use super::id_of;
use crate::content::{placeholder, translations, yaml, ContentError, Job, LoadedJob};
use std::collections::BTreeMap;
use std::path::Path;

/// Loads and checks one job file.
pub fn load_job(file: &Path) -> Result<LoadedJob, Vec<ContentError>> {
    let id = id_of(file, true).map_err(|e| vec![e])?;
    let bytes = yaml::read_limited(file).map_err(|e| vec![e])?;
    let (job, placeholders, tree) = parse_job_with_placeholders(file, &bytes)?;
    Ok(LoadedJob {
        id,
        file: file.to_path_buf(),
        job,
        placeholders,
        translations: translations::Translations {
            by_language: BTreeMap::new(),
            original_tree: tree,
        },
    })
}

/// Parses and checks a job profile's bytes; `file` names it in errors.
pub fn parse_job(file: &Path, bytes: &[u8]) -> Result<Job, Vec<ContentError>> {
    parse_job_with_placeholders(file, bytes).map(|(job, _, _)| job)
}

/// [`parse_job`], also returning the placeholders the file still holds.
type Parsed = (Job, Vec<ContentError>, Option<yaml::tree::Tree>);

fn parse_job_with_placeholders(file: &Path, bytes: &[u8]) -> Result<Parsed, Vec<ContentError>> {
    let (job, tree) = match yaml::read::<Job>(file, bytes) {
        Ok(v) => v,
        Err(errors) => return Err(with_placeholders(file, bytes, errors)),
    };
    let mut errors = check_job(file, &job);
    yaml::locate(&mut errors, Some(&tree));
    let placeholders = placeholder::find(file, &tree);
    if errors.is_empty() {
        Ok((job, placeholders, Some(tree)))
    } else {
        // Every problem at once: the placeholders too.
        errors.extend(placeholders);
        errors.sort_by_key(|e| e.line.unwrap_or(u32::MAX));
        Err(errors)
    }
}

/// A file's mistakes with its placeholders, in line order: every problem
/// at once, a placeholder on a line that already has a mistake left out.
pub(crate) fn with_placeholders(
    file: &Path,
    bytes: &[u8],
    mut errors: Vec<ContentError>,
) -> Vec<ContentError> {
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    if let Some(tree) = yaml::tree::parse(text.strip_prefix('\u{feff}').unwrap_or(text)) {
        for p in placeholder::find(file, &tree) {
            if !errors.iter().any(|e| e.line == p.line) {
                errors.push(p);
            }
        }
    }
    errors.sort_by_key(|e| (e.line.unwrap_or(u32::MAX), e.column));
    errors
}

/// Most items a list may have: far more than any careers profile needs,
/// and it keeps a runaway list from making a hundred-page leaflet.
pub const MAX_LIST_ITEMS: usize = 200;

/// Lists longer than [`MAX_LIST_ITEMS`], with their field paths.
fn long_lists(value: &serde_json::Value, path: &str, out: &mut Vec<(String, usize)>) {
    match value {
        serde_json::Value::Array(items) => {
            if items.len() > MAX_LIST_ITEMS {
                out.push((path.to_string(), items.len()));
            }
            for (i, v) in items.iter().enumerate() {
                long_lists(v, &format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                long_lists(v, &p, out);
            }
        }
        _ => {}
    }
}

/// Checks that need more than one field at a time.
pub fn check_job(file: &Path, job: &Job) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut long = Vec::new();
    long_lists(
        &serde_json::to_value(job).unwrap_or_default(),
        "",
        &mut long,
    );
    for (path, n) in long {
        errors.push(
            ContentError::file(
                file,
                format!("the list has {n} items; lists may have at most {MAX_LIST_ITEMS}"),
            )
            .at_path(path),
        );
    }
    let mut err =
        |path: &str, msg: String| errors.push(ContentError::file(file, msg).at_path(path));
    let no_salary = |what: &str| {
        format!("£0 is not {what}: give the salary in whole pounds a year, e.g. 18200")
    };
    if job.salary.starter == 0 {
        err("salary.starter", no_salary("a starter's salary"));
    }
    if job.salary.experienced == 0 {
        err(
            "salary.experienced",
            no_salary("an experienced person's salary"),
        );
    }
    for (i, note) in job.salary.notes.iter().enumerate() {
        for (field, v) in [("up_to", note.up_to), ("around", note.around)] {
            if v == Some(0) {
                err(&format!("salary.notes[{i}].{field}"), no_salary("a salary"));
            }
        }
    }
    if job.salary.starter > job.salary.experienced {
        err(
            "salary",
            format!(
                "the starter salary ({}) is more than the experienced salary ({})",
                job.salary.starter, job.salary.experienced
            ),
        );
    }
    for (i, note) in job.salary.notes.iter().enumerate() {
        if note.up_to.is_none() == note.around.is_none() {
            err(
                &format!("salary.notes[{i}]"),
                "give exactly one of 'up_to' or 'around'".into(),
            );
        }
    }
    if let Some(h) = job.working_hours.hours_per_week {
        let hours = 0.0..=100.0;
        if !hours.contains(&h.min) || !hours.contains(&h.max) || h.min > h.max || h.max == 0.0 {
            err(
                "working_hours.hours_per_week",
                format!("{} to {} is not a range of hours a week", h.min, h.max),
            );
        }
    }
    if job.entry_routes.present().is_empty() {
        err(
            "entry_routes",
            "give at least one route into the job".into(),
        );
    }
    let mut ids: Vec<&str> = Vec::new();
    for (i, s) in job.sources.iter().enumerate() {
        if ids.contains(&s.id.as_str()) {
            err(
                &format!("sources[{i}].id"),
                format!("the source id '{}' is used twice", s.id),
            );
        }
        ids.push(&s.id);
    }
    let mut cite = |path: String, id: &Option<String>| {
        if let Some(id) = id {
            if !ids.contains(&id.as_str()) {
                err(
                    &path,
                    format!("no source has the id '{id}' (known: {})", ids.join(", ")),
                );
            }
        }
    };
    cite("salary.source".into(), &job.salary.source);
    if let Some(fi) = &job.further_information {
        for (i, c) in fi.contacts.iter().enumerate() {
            cite(
                format!("further_information.contacts[{i}].source"),
                &c.source,
            );
        }
    }
    for (list, path) in [
        (&job.duties.tasks, "duties.tasks"),
        (&job.skills, "skills"),
        (&job.career_path, "career_path"),
    ] {
        if list.is_empty() {
            err(path, "the list is empty; give at least one item".into());
        }
    }
    if job.sources.is_empty() {
        err("sources", "give at least one source".into());
    }
    errors
}
