//! The loader: walks a project's `content/` folder (refusing links that
//! leave the project), loads every job and brand with its translations, and
//! collects *every* problem, so one run reports every mistake and a build
//! can still make the documents of the good files.
//!
//! `job` reads and checks one profile, `brand` one brand folder, `assets`
//! the files a brand names (logo, fonts).

mod assets;
mod brand;
mod job;

pub use assets::{check_font, check_image, MAX_ASSET_BYTES, MAX_IMAGE_PIXELS};
pub use brand::load_brand;
pub(crate) use job::with_placeholders;
pub use job::{check_job, load_job, parse_job, MAX_LIST_ITEMS};

use super::{overlay, translations, types, Content, ContentError};
use std::path::{Path, PathBuf};

/// Loads all jobs and brands under `root/content`.
pub fn load(root: &Path) -> Content {
    let mut content = Content::default();
    let jobs_dir = root.join("content").join("jobs");
    let files = list(root, &jobs_dir, &mut content.errors, |p| {
        p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml")
    });
    // `<id>.<lang>.yaml` is the translation of `<id>.yaml`, not a job.
    let (originals, translated): (Vec<PathBuf>, Vec<PathBuf>) =
        files.into_iter().partition(|f| translation_of(f).is_none());
    for file in originals {
        match load_job(&file) {
            Ok(mut job) => {
                let own: Vec<(String, PathBuf)> = translated
                    .iter()
                    .filter_map(|t| {
                        let (stem, lang) = translation_of(t)?;
                        (stem == job.id).then(|| (lang, t.clone()))
                    })
                    .collect();
                job.translations = translations::load(
                    &job.job,
                    job.translations.original_tree.take(),
                    &own,
                    overlay::job_policy,
                    check_job,
                    &mut content.errors,
                );
                content.jobs.insert(job.id.clone(), job);
            }
            Err(mut errs) => {
                content.failed_jobs.extend(valid_id(&file, true));
                content.errors.append(&mut errs);
            }
        }
    }
    let brands_dir = root.join("content").join("brands");
    for dir in list(root, &brands_dir, &mut content.errors, |p| p.is_dir()) {
        if let Err(m) = crate::safe_fs::check_inside(root, &dir.join("brand.yaml")) {
            content.failed_brands.extend(valid_id(&dir, false));
            content
                .errors
                .push(ContentError::file(dir.join("brand.yaml"), m));
            continue;
        }
        match load_brand(&dir) {
            Ok(brand) => {
                content.brands.insert(brand.id.clone(), brand);
            }
            Err(mut errs) => {
                content.failed_brands.extend(valid_id(&dir, false));
                content.errors.append(&mut errs);
            }
        }
    }
    for t in &translated {
        if let Some((stem, _)) = translation_of(t) {
            if !content.jobs.contains_key(&stem) && !content.failed_jobs.contains(&stem) {
                content.errors.push(ContentError::file(
                    t,
                    format!("a translation of '{stem}', but there is no content/jobs/{stem}.yaml to translate"),
                ));
            }
        }
    }
    content
}

/// The ids of a project's jobs and brands, from file and folder names
/// alone (nothing is read or checked): what a shell offers to complete
/// `--job` and `--brand`.
pub fn ids(root: &Path) -> (Vec<String>, Vec<String>) {
    let mut ignored = Vec::new();
    let jobs = list(
        root,
        &root.join("content").join("jobs"),
        &mut ignored,
        |p| {
            p.is_file()
                && p.extension().is_some_and(|e| e == "yaml" || e == "yml")
                && translation_of(p).is_none()
        },
    )
    .iter()
    .filter_map(|f| valid_id(f, true))
    .collect();
    let brands = list(
        root,
        &root.join("content").join("brands"),
        &mut ignored,
        |p| p.join("brand.yaml").is_file(),
    )
    .iter()
    .filter_map(|d| valid_id(d, false))
    .collect();
    (jobs, brands)
}

/// `(id, lang)` when `file` is a translation, `<id>.<lang>.yaml`.
fn translation_of(file: &Path) -> Option<(String, String)> {
    let name = file.file_name()?.to_string_lossy().into_owned();
    let stem = name.split('.').next()?.to_string();
    let lang = overlay::file_language(&name, &stem)?.to_string();
    Some((stem, lang))
}

/// The entries of a folder that pass `keep`, sorted (so runs are repeatable).
/// An entry that is a link leading outside the project `root` is an error,
/// never read: a contributor could otherwise print a secret file into every
/// published leaflet.
fn list(
    root: &Path,
    dir: &Path,
    errors: &mut Vec<ContentError>,
    keep: impl Fn(&Path) -> bool,
) -> Vec<PathBuf> {
    if let Err(m) = crate::safe_fs::check_inside(root, dir) {
        if dir.exists() {
            errors.push(ContentError::file(dir, m));
            return Vec::new();
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(ContentError::file(
                dir,
                format!("cannot read the folder: {e}"),
            ));
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .filter(|p| keep(p))
        .filter(|p| match crate::safe_fs::check_inside(root, p) {
            Ok(()) => true,
            Err(m) => {
                errors.push(ContentError::file(p, m));
                false
            }
        })
        .collect();
    paths.sort();
    paths
}

/// The id a file or folder name gives, when it is a valid one.
pub(super) fn valid_id(path: &Path, stem: bool) -> Option<String> {
    id_of(path, stem).ok()
}

/// The id a file or folder name gives, checked.
pub(super) fn id_of(path: &Path, stem: bool) -> Result<String, ContentError> {
    let name = if stem {
        path.file_stem()
    } else {
        path.file_name()
    };
    let id = name
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    types::check_id(&id).map_err(|m| ContentError::file(path, m))?;
    Ok(id)
}
