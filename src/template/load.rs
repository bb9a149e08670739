//! Loading a project's templates: every `templates/*.hbs` and
//! `templates/partials/*.hbs` read (size-capped, UTF-8, inside the project),
//! its settings comment read, compiled, and refused when it could never end
//! (partials that include each other) — every problem collected.

use super::compile::Compiled;
use super::escape::escape_markup;
use super::settings::settings;
use super::{budget, helpers, i18n, recursion, Format, TemplateError, TemplateInfo, Templates};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Largest template file accepted.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

impl Templates {
    /// Reads `dir/*.hbs` and `dir/partials/*.hbs` and their settings,
    /// compiling none of them: [`Templates::compile`] compiles those a run
    /// uses. Every problem found so far is kept for that first compile to
    /// report, in file order with its own.
    pub fn read(dir: &Path) -> Templates {
        let mut hb = handlebars::Handlebars::new();
        hb.set_strict_mode(true);
        hb.set_prevent_indent(true);
        hb.register_escape_fn(escape_markup);
        helpers::register(&mut hb);
        // `each` that counts its turns (see `budget`).
        hb.register_helper("each", Box::new(budget::Each));
        let mut errors = Vec::new();
        let mut templates = BTreeMap::new();
        let mut partials = BTreeMap::new();

        for file in hbs_files(&dir.join("partials"), &mut errors, true) {
            let name = stem(&file);
            if let Some(src) = read(&file, &mut errors) {
                if let Err(m) = recursion::check_nesting(&src) {
                    errors.push(TemplateError::file(&file, m));
                    continue;
                }
                partials.insert(name, src);
            }
        }
        for file in hbs_files(dir, &mut errors, false) {
            let Some((name, format)) = name_and_format(&file) else {
                errors.push(TemplateError::file(&file, "name templates <name>.<format>.hbs, where format is txt, pdf, docx or html (e.g. summary.txt.hbs)"));
                continue;
            };
            if let Err(m) = crate::content::types::check_id(&name) {
                errors.push(TemplateError::file(&file, m));
                continue;
            }
            let Some(src) = read(&file, &mut errors) else {
                continue;
            };
            if let Err(m) = recursion::check_nesting(&src) {
                errors.push(TemplateError::file(&file, m));
                continue;
            }
            let settings = match settings(&src) {
                Ok(s) => s,
                Err((line, column, message)) => {
                    errors
                        .push(TemplateError::file(&file, message).at_position(Some(line), column));
                    continue;
                }
            };
            if templates.contains_key(&name) {
                errors.push(TemplateError::file(
                    &file,
                    format!("another template is also called '{name}'; template names must differ"),
                ));
                continue;
            }
            templates.insert(
                name.clone(),
                TemplateInfo {
                    name,
                    format,
                    file,
                    settings,
                    source: src,
                },
            );
        }
        let on_disk = hbs_files(dir, &mut Vec::new(), true)
            .iter()
            .filter_map(|f| name_and_format(f).map(|(name, _)| name))
            .collect();
        let (catalogues, catalogue_errors) =
            i18n::Catalogues::load(&dir.join("locales"), project_root(dir).unwrap_or(dir));
        let mut t = Templates {
            hb,
            templates,
            partials,
            failed: Vec::new(),
            dir: dir.to_path_buf(),
            catalogues: Arc::new(catalogues),
            compiled: Compiled {
                on_disk,
                read_errors: errors,
                catalogue_errors,
                ..Compiled::default()
            },
        };
        t.failed = t.compiled.failed(&t.templates);
        t
    }

    /// Loads `dir/*.hbs` and `dir/partials/*.hbs` and compiles every
    /// template and partial. Returns what loaded and every problem found.
    pub fn load(dir: &Path) -> (Templates, Vec<TemplateError>) {
        let mut t = Templates::read(dir);
        let errors = t.compile(None);
        (t, errors)
    }
}

fn hbs_files(dir: &Path, errors: &mut Vec<TemplateError>, optional: bool) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            if !optional {
                errors.push(TemplateError::file(
                    dir,
                    format!("cannot read the folder: {e}"),
                ));
            }
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "hbs"))
        .filter(
            |p| match project_root(dir).map(|r| crate::safe_fs::check_inside(r, p)) {
                Some(Err(message)) => {
                    errors.push(TemplateError::file(p, message));
                    false
                }
                _ => true,
            },
        )
        .collect();
    files.sort();
    files
}

/// The project a templates folder (or its `partials/`) belongs to: files
/// read from it must resolve inside.
pub(super) fn project_root(dir: &Path) -> Option<&Path> {
    let templates = if dir.ends_with("partials") {
        dir.parent()?
    } else {
        dir
    };
    Some(
        templates
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new(".")),
    )
}

/// A template's name and format from its file name: `leaflet.pdf.hbs` →
/// `leaflet`, PDF.
pub fn name_and_format(file: &Path) -> Option<(String, Format)> {
    let base = stem(file);
    let (name, format) = base.rsplit_once('.')?;
    Some((name.to_string(), Format::from_extension(format)?))
}

/// The template names of a project, from file names alone (for shell
/// completion of `--template`).
pub fn names(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("templates"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "hbs"))
        .filter_map(|e| name_and_format(&e.path()).map(|(n, _)| n))
        .collect();
    names.sort();
    names.dedup();
    names
}

fn stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read(file: &Path, errors: &mut Vec<TemplateError>) -> Option<String> {
    let err = |message: String| TemplateError::file(file, message);
    match std::fs::metadata(file) {
        Ok(m) if m.len() > MAX_TEMPLATE_BYTES => {
            errors.push(err("the template is larger than 1 MiB".into()));
            return None;
        }
        Err(e) => {
            errors.push(err(format!("cannot read the template: {e}")));
            return None;
        }
        _ => {}
    }
    match crate::safe_fs::read_capped(file, MAX_TEMPLATE_BYTES).map(String::from_utf8) {
        Ok(Ok(s)) => Some(s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s)),
        Ok(Err(_)) => {
            errors.push(err("the template is not UTF-8 text".into()));
            None
        }
        Err(e) => {
            errors.push(err(format!("cannot read the template: {e}")));
            None
        }
    }
}
