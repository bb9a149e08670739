//! Content: YAML → validated model. Knows YAML, jobs and brands; never
//! templates or formats.
//!
//! [`load`] reads every job and brand of a project and returns what loaded
//! together with *all* the problems found, so one run reports every mistake
//! and a build can still make the documents of the good files.

// Content errors are rich (file, line, column, field path, suggestion) and
// only made on the cold path, once per bad file: boxing them buys nothing.
#![allow(clippy::result_large_err)]

pub mod brand;
#[doc(hidden)]
pub mod corpus;
mod error;
pub mod job;
pub mod overlay;
pub mod placeholder;
pub mod project;
pub mod translations;
pub mod types;
pub mod yaml;

pub use brand::Brand;
pub use error::ContentError;
pub use job::Job;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// Largest logo accepted, in pixels (width × height).
pub const MAX_IMAGE_PIXELS: u64 = 25_000_000;
/// Largest image or font file accepted.
pub const MAX_ASSET_BYTES: u64 = 20 * 1024 * 1024;

/// A job loaded from `content/jobs/<id>.yaml`.
#[derive(Debug, Clone)]
pub struct LoadedJob {
    pub id: String,
    pub file: PathBuf,
    pub job: Job,
    /// Placeholders still in the file (see [`placeholder`]): when there are
    /// any, the job is a draft.
    pub placeholders: Vec<ContentError>,
    /// The profile in other languages (`<id>.<lang>.yaml` beside it).
    pub translations: translations::Translations<Job>,
}

impl LoadedJob {
    /// A profile with placeholders: never published by accident.
    pub fn is_draft(&self) -> bool {
        !self.placeholders.is_empty()
    }
}

/// A decoded, checked image.
#[derive(Debug, Clone)]
pub struct CheckedImage {
    pub bytes: Arc<Vec<u8>>,
    pub is_png: bool,
    pub width: u32,
    pub height: u32,
}

/// A brand's own font files, read and checked.
#[derive(Debug, Clone)]
pub struct BrandFonts {
    pub family: String,
    /// Regular, bold, italic, bold italic.
    pub faces: [Arc<Vec<u8>>; 4],
    pub paths: [PathBuf; 4],
}

/// A brand loaded from `content/brands/<id>/brand.yaml` with its assets.
#[derive(Debug, Clone)]
pub struct LoadedBrand {
    pub id: String,
    pub file: PathBuf,
    pub brand: Brand,
    pub logo: CheckedImage,
    pub fonts: Option<BrandFonts>,
    /// Placeholders still in `brand.yaml`: when there are any, the brand is
    /// a draft.
    pub placeholders: Vec<ContentError>,
    /// The brand's text in other languages (`brand.<lang>.yaml`).
    pub translations: translations::Translations<Brand>,
}

impl LoadedBrand {
    pub fn is_draft(&self) -> bool {
        !self.placeholders.is_empty()
    }
}

/// Everything that loaded, and every problem found.
#[derive(Debug, Default)]
pub struct Content {
    pub jobs: BTreeMap<String, LoadedJob>,
    pub brands: BTreeMap<String, LoadedBrand>,
    pub errors: Vec<ContentError>,
    /// Valid ids whose job file failed to load: asking for one by name is
    /// not a usage error, its content error is reported instead.
    pub failed_jobs: Vec<String>,
    /// Valid ids whose brand folder failed to load.
    pub failed_brands: Vec<String>,
}

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
fn valid_id(path: &Path, stem: bool) -> Option<String> {
    id_of(path, stem).ok()
}

/// The id a file or folder name gives, checked.
fn id_of(path: &Path, stem: bool) -> Result<String, ContentError> {
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
    let (job, tree) = yaml::parse_with_tree::<Job>(file, bytes).map_err(|e| vec![e])?;
    let mut errors = check_job(file, &job);
    yaml::locate(&mut errors, tree.as_ref());
    let placeholders = tree
        .as_ref()
        .map(|t| placeholder::find(file, t))
        .unwrap_or_default();
    if errors.is_empty() {
        Ok((job, placeholders, tree))
    } else {
        // Every problem at once: the placeholders too.
        errors.extend(placeholders);
        errors.sort_by_key(|e| e.line.unwrap_or(u64::MAX));
        Err(errors)
    }
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

/// Loads and checks one brand folder.
pub fn load_brand(dir: &Path) -> Result<LoadedBrand, Vec<ContentError>> {
    let id = id_of(dir, false).map_err(|e| vec![e])?;
    let file = dir.join("brand.yaml");
    let bytes = yaml::read_limited(&file).map_err(|e| vec![e])?;
    let (brand, tree) = yaml::parse_with_tree::<Brand>(&file, &bytes).map_err(|e| vec![e])?;
    let placeholders = tree
        .as_ref()
        .map(|t| placeholder::find(&file, t))
        .unwrap_or_default();
    let mut errors = Vec::new();
    if brand.languages.is_empty() {
        errors.push(
            ContentError::file(&file, "give at least one language, e.g. en-GB")
                .at_path("languages"),
        );
    }
    if let Some(cmyk) = &brand.cmyk {
        for (name, c) in [
            ("primary", cmyk.primary),
            ("secondary", cmyk.secondary),
            ("shade", cmyk.shade),
            ("text", cmyk.text),
        ] {
            if c.is_some_and(|c| c.iter().any(|v| !(0.0..=100.0).contains(v))) {
                errors.push(
                    ContentError::file(&file, "CMYK values are percentages from 0 to 100")
                        .at_path(format!("cmyk.{name}")),
                );
            }
        }
    }
    if let Some(print) = &brand.print {
        if print.bleed_mm.is_some_and(|b| !(0.0..=10.0).contains(&b)) {
            errors.push(
                ContentError::file(&file, "bleed is 0 to 10 mm (3 is usual)")
                    .at_path("print.bleed_mm"),
            );
        }
    }
    let logo = asset(dir, &file, "logo.file", &brand.logo.file).and_then(|p| {
        check_image(&p).map_err(|m| ContentError::file(&file, m).at_path("logo.file"))
    });
    let fonts = match &brand.fonts {
        None => Ok(None),
        Some(f) => load_fonts(dir, &file, f).map(Some),
    };
    let (logo, fonts) = match (logo, fonts) {
        (Ok(l), Ok(f)) if errors.is_empty() => (l, f),
        (l, f) => {
            errors.extend(l.err());
            errors.extend(f.err());
            yaml::locate(&mut errors, tree.as_ref());
            errors.extend(placeholders);
            errors.sort_by_key(|e| e.line.unwrap_or(u64::MAX));
            return Err(errors);
        }
    };
    // `brand.<lang>.yaml` beside it: the brand's text in that language.
    let own: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let lang = overlay::file_language(&name, "brand")?.to_string();
            Some((lang, e.path()))
        })
        .collect::<BTreeMap<_, _>>()
        .into_iter()
        .collect();
    let mut errors = Vec::new();
    let translations = translations::load(
        &brand,
        tree,
        &own,
        overlay::brand_policy,
        |_, _| Vec::new(),
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(LoadedBrand {
        id,
        file,
        brand,
        logo,
        fonts,
        placeholders,
        translations,
    })
}

/// Resolves a file named in a brand, refusing paths that leave its folder.
fn asset(dir: &Path, file: &Path, field: &str, rel: &str) -> Result<PathBuf, ContentError> {
    let err = |m: String| ContentError::file(file, m).at_path(field);
    let p = Path::new(rel);
    if rel.is_empty() || p.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(err(format!(
            "'{rel}' must be a file name inside the brand folder (no '..', no absolute path)"
        )));
    }
    let full = dir.join(p);
    let meta = std::fs::metadata(&full)
        .map_err(|e| err(format!("cannot read '{}': {e}", full.display())))?;
    let (Ok(real), Ok(real_dir)) = (full.canonicalize(), dir.canonicalize()) else {
        return Err(err(format!("cannot read '{}'", full.display())));
    };
    if !real.starts_with(&real_dir) {
        return Err(err(format!("'{rel}' leads outside the brand folder")));
    }
    if !meta.is_file() {
        return Err(err(format!("'{}' is not a file", full.display())));
    }
    if meta.len() == 0 {
        return Err(err(format!("'{}' is empty", full.display())));
    }
    if meta.len() > MAX_ASSET_BYTES {
        return Err(err(format!("'{}' is larger than 20 MiB", full.display())));
    }
    Ok(full)
}

/// Decodes an image fully (so a writer never meets corrupt bytes), within
/// pixel limits.
pub fn check_image(path: &Path) -> Result<CheckedImage, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
    let format = image::guess_format(&bytes)
        .map_err(|_| format!("'{}' is not a PNG or JPEG image", path.display()))?;
    let is_png = match format {
        image::ImageFormat::Png => true,
        image::ImageFormat::Jpeg => false,
        other => {
            return Err(format!(
                "'{}' is {other:?}; logos must be PNG or JPEG",
                path.display()
            ))
        }
    };
    let reader = image::ImageReader::with_format(std::io::Cursor::new(&bytes), format);
    let (width, height) = reader
        .into_dimensions()
        .map_err(|e| format!("'{}' is not a readable image: {e}", path.display()))?;
    if width == 0 || height == 0 || u64::from(width) * u64::from(height) > MAX_IMAGE_PIXELS {
        return Err(format!(
            "'{}' is {width} × {height} pixels; images may have at most 25 million pixels",
            path.display()
        ));
    }
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(&bytes), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    reader
        .decode()
        .map_err(|e| format!("'{}' is a damaged image: {e}", path.display()))?;
    Ok(CheckedImage {
        bytes: Arc::new(bytes),
        is_png,
        width,
        height,
    })
}

fn load_fonts(dir: &Path, file: &Path, f: &brand::Fonts) -> Result<BrandFonts, ContentError> {
    let names = [
        ("fonts.regular", &f.regular),
        ("fonts.bold", &f.bold),
        ("fonts.italic", &f.italic),
        ("fonts.bold_italic", &f.bold_italic),
    ];
    let mut faces = Vec::new();
    let mut paths = Vec::new();
    for (field, rel) in names {
        let path = asset(dir, file, field, rel)?;
        let bytes = std::fs::read(&path).map_err(|e| {
            ContentError::file(file, format!("cannot read '{}': {e}", path.display()))
                .at_path(field)
        })?;
        check_font(&bytes).map_err(|m| {
            ContentError::file(file, format!("'{}' {m}", path.display())).at_path(field)
        })?;
        faces.push(Arc::new(bytes));
        paths.push(path);
    }
    let faces: [Arc<Vec<u8>>; 4] = faces
        .try_into()
        .map_err(|_| ContentError::file(file, "four font faces are needed"))?;
    let paths: [PathBuf; 4] = paths
        .try_into()
        .map_err(|_| ContentError::file(file, "four font faces are needed"))?;
    Ok(BrandFonts {
        family: f.family.to_string(),
        faces,
        paths,
    })
}

/// Checks that bytes are a TrueType/OpenType font.
pub fn check_font(bytes: &[u8]) -> Result<(), String> {
    rustybuzz::ttf_parser::Face::parse(bytes, 0)
        .map(|_| ())
        .map_err(|e| format!("is not a TrueType or OpenType font ({e})"))
}
