//! Templates: Handlebars → markup. Knows Handlebars, its helpers and the
//! model as JSON; never bytes or layout.
//!
//! A template is `templates/<name>.<format>.hbs` (`leaflet.pdf.hbs`,
//! `handout.docx.hbs`, `summary.txt.hbs`); partials live in
//! `templates/partials/<name>.hbs` and are used as `{{> name}}`. A template
//! may open with a settings comment:
//!
//! ```text
//! {{!-- careerpress
//! paper: A5
//! body_pt: 12
//! --}}
//! ```
//!
//! Rendering is strict: a missing field is an error naming the template,
//! line and field, never a silent blank. Every value is escaped for the
//! markup, so `*`, `#`, `_` or `{{` in content print literally.

mod helpers;
mod recursion;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::content::{LoadedBrand, LoadedJob};

/// `£18,200`: the one money format, for whatever writes a figure.
pub use helpers::format_money;
pub use helpers::register as register_helpers;

/// The formats a template can be written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Txt,
    Pdf,
    Docx,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Txt, Format::Pdf, Format::Docx];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }

    pub fn from_extension(ext: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.extension() == ext)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// Settings a template may give in its opening comment.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// A4 or A5 (paged formats).
    #[serde(default)]
    pub paper: Option<crate::content::brand::PaperSize>,
    /// Body text size in points.
    #[serde(default)]
    pub body_pt: Option<f32>,
    /// Plain-text line width in columns.
    #[serde(default)]
    pub text_width: Option<usize>,
    /// Use the brand's print settings (bleed, crop marks).
    #[serde(default)]
    pub print: bool,
    /// A mail template (`careerpress mail`): it needs an applicant, so
    /// `build` leaves it out of the matrix.
    #[serde(default)]
    pub mail: bool,
}

/// One loaded template.
#[derive(Debug, Clone)]
pub struct TemplateInfo {
    /// `leaflet` for `leaflet.pdf.hbs`.
    pub name: String,
    pub format: Format,
    pub file: PathBuf,
    pub settings: Settings,
    /// The source text, for hashing (incremental builds).
    pub source: String,
}

/// A template problem, naming the file and where it could, line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for TemplateError {}

/// Largest template file accepted.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// All templates and partials of a project, compiled once per build.
pub struct Templates {
    hb: handlebars::Handlebars<'static>,
    pub templates: BTreeMap<String, TemplateInfo>,
    /// Partial sources by name, for hashing (incremental builds).
    pub partials: BTreeMap<String, String>,
    dir: PathBuf,
}

impl fmt::Debug for Templates {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Templates")
            .field("templates", &self.templates)
            .finish()
    }
}

impl Templates {
    /// Loads `dir/*.hbs` and `dir/partials/*.hbs`. Returns what loaded and
    /// every problem found.
    pub fn load(dir: &Path) -> (Templates, Vec<TemplateError>) {
        let mut hb = handlebars::Handlebars::new();
        hb.set_strict_mode(true);
        hb.set_prevent_indent(true);
        hb.register_escape_fn(escape_markup);
        helpers::register(&mut hb);
        let mut errors = Vec::new();
        let mut templates = BTreeMap::new();
        let mut partials = BTreeMap::new();

        for file in hbs_files(&dir.join("partials"), &mut errors, true) {
            let name = stem(&file);
            if let Some(src) = read(&file, &mut errors) {
                if let Err(e) = hb.register_partial(&name, &src) {
                    errors.push(template_error(&file, &e));
                }
                partials.insert(name, src);
            }
        }
        for file in hbs_files(dir, &mut errors, false) {
            let base = stem(&file);
            let Some((name, format)) = base
                .rsplit_once('.')
                .and_then(|(n, f)| Some((n.to_string(), Format::from_extension(f)?)))
            else {
                errors.push(TemplateError {
                    file: file.clone(),
                    line: None,
                    column: None,
                    message: "name templates <name>.<format>.hbs, where format is txt, pdf or docx (e.g. summary.txt.hbs)".into(),
                });
                continue;
            };
            if let Err(m) = crate::content::types::check_id(&name) {
                errors.push(TemplateError {
                    file: file.clone(),
                    line: None,
                    column: None,
                    message: m,
                });
                continue;
            }
            let Some(src) = read(&file, &mut errors) else {
                continue;
            };
            let settings = match settings(&src) {
                Ok(s) => s,
                Err(message) => {
                    errors.push(TemplateError {
                        file: file.clone(),
                        line: Some(1),
                        column: None,
                        message,
                    });
                    continue;
                }
            };
            if templates.contains_key(&name) {
                errors.push(TemplateError {
                    file: file.clone(),
                    line: None,
                    column: None,
                    message: format!(
                        "another template is also called '{name}'; template names must differ"
                    ),
                });
                continue;
            }
            match hb.register_template_string(&name, &src) {
                Ok(()) => {
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
                Err(e) => errors.push(template_error(&file, &e)),
            }
        }
        check_recursion(dir, &mut templates, &partials, &mut errors);
        (
            Templates {
                hb,
                templates,
                partials,
                dir: dir.to_path_buf(),
            },
            errors,
        )
    }

    /// Renders a template to markup.
    pub fn render(&self, name: &str, data: &Value) -> Result<String, TemplateError> {
        self.hb.render(name, data).map_err(|e| {
            let file = match e.template_name.as_deref() {
                Some(t) if self.templates.contains_key(t) => self.templates[t].file.clone(),
                Some(t) => self.dir.join("partials").join(format!("{t}.hbs")),
                None => self
                    .templates
                    .get(name)
                    .map(|t| t.file.clone())
                    .unwrap_or_default(),
            };
            TemplateError {
                file,
                line: e.line_no,
                column: e.column_no,
                message: render_reason(&e),
            }
        })
    }
}

/// Refuses partials that include each other in a loop: such a template is
/// reported and left out (rendering it would overflow the stack).
fn check_recursion(
    dir: &Path,
    templates: &mut BTreeMap<String, TemplateInfo>,
    partials: &BTreeMap<String, String>,
    errors: &mut Vec<TemplateError>,
) {
    let mut graph: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut bad_partials = Vec::new();
    for (name, src) in partials {
        match recursion::includes(src) {
            Ok(inc) => {
                graph.insert(name.clone(), inc);
            }
            Err(m) => {
                bad_partials.push(name.clone());
                errors.push(TemplateError {
                    file: dir.join("partials").join(format!("{name}.hbs")),
                    line: None,
                    column: None,
                    message: m,
                });
            }
        }
    }
    let mut reported = Vec::new();
    templates.retain(|name, t| {
        let inc = match recursion::includes(&t.source) {
            Ok(inc) => inc,
            Err(m) => {
                errors.push(TemplateError {
                    file: t.file.clone(),
                    line: None,
                    column: None,
                    message: m,
                });
                return false;
            }
        };
        let mut g = graph.clone();
        g.insert(format!("template:{name}"), inc);
        if let Some(c) = recursion::cycle(&format!("template:{name}"), &g) {
            let first = c[0].clone();
            if !reported.contains(&first) {
                reported.push(first.clone());
                errors.push(TemplateError {
                    file: dir.join("partials").join(format!("{first}.hbs")),
                    line: None,
                    column: None,
                    message: format!(
                        "partials include each other in a loop ({}): that would never end",
                        c.join(" → ")
                    ),
                });
            }
            return false;
        }
        let uses_bad = g.values().flatten().any(|p| bad_partials.contains(p));
        !uses_bad
    });
}

fn render_reason(e: &handlebars::RenderError) -> String {
    use handlebars::RenderErrorReason as R;
    match e.reason() {
        R::MissingVariable(Some(path)) => {
            format!("the field '{path}' does not exist (strict mode: check its spelling against the content model)")
        }
        R::HelperNotFound(h) => format!("unknown helper '{h}'"),
        R::PartialNotFound(p) => {
            format!("unknown partial '{p}' (partials live in templates/partials/)")
        }
        other => other.to_string(),
    }
}

fn template_error(file: &Path, e: &handlebars::TemplateError) -> TemplateError {
    let (line, column) = e.pos().map_or((None, None), |(l, c)| (Some(l), Some(c)));
    TemplateError {
        file: file.to_path_buf(),
        line,
        column,
        message: e.reason().to_string(),
    }
}

fn hbs_files(dir: &Path, errors: &mut Vec<TemplateError>, optional: bool) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            if !optional {
                errors.push(TemplateError {
                    file: dir.to_path_buf(),
                    line: None,
                    column: None,
                    message: format!("cannot read the folder: {e}"),
                });
            }
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "hbs"))
        .collect();
    files.sort();
    files
}

fn stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read(file: &Path, errors: &mut Vec<TemplateError>) -> Option<String> {
    let err = |message: String| TemplateError {
        file: file.to_path_buf(),
        line: None,
        column: None,
        message,
    };
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
    match std::fs::read(file).map(String::from_utf8) {
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

/// Parses the optional `{{!-- careerpress … --}}` settings comment.
fn settings(src: &str) -> Result<Settings, String> {
    let Some(rest) = src.trim_start().strip_prefix("{{!-- careerpress") else {
        return Ok(Settings::default());
    };
    let body = rest
        .split_once("--}}")
        .map(|(b, _)| b)
        .ok_or("the settings comment is never closed with --}}")?;
    if body.trim().is_empty() {
        return Ok(Settings::default());
    }
    crate::content::yaml::parse::<Settings>(Path::new("settings"), body.as_bytes()).map_err(|e| {
        format!(
            "template settings: {}",
            e.to_string().trim_start_matches("settings:").trim()
        )
    })
}

/// Escapes a value for the markup: every ASCII punctuation character gets
/// a backslash (CommonMark allows that for all of them), and runs of white
/// space, line breaks included, become one space, so a value can neither
/// format itself nor start a new block.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The data a template sees: `job`, `brand` and `build`.
pub fn context(job: &LoadedJob, brand: &LoadedBrand, build_date: &str) -> Value {
    let mut j = serde_json::to_value(&job.job).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut j {
        map.insert("id".into(), json!(job.id));
        let routes: Vec<Value> = job
            .job
            .entry_routes
            .present()
            .into_iter()
            .map(|(key, route)| {
                let mut r = serde_json::to_value(route).unwrap_or(Value::Null);
                if let Value::Object(m) = &mut r {
                    m.insert("key".into(), json!(key));
                    m.insert("title".into(), json!(route_title(key)));
                }
                r
            })
            .collect();
        map.insert("routes".into(), Value::Array(routes));
    }
    let mut b = serde_json::to_value(&brand.brand).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut b {
        map.insert("id".into(), json!(brand.id));
        let lang = brand
            .brand
            .languages
            .first()
            .map(|l| l.tag())
            .unwrap_or("en-GB");
        map.insert("language".into(), json!(lang));
        map.insert(
            "welsh".into(),
            json!(brand.brand.languages.iter().any(|l| l.tag() == "cy")),
        );
    }
    json!({ "job": j, "brand": b, "build": { "date": build_date } })
}

/// How a route is headed in documents.
pub fn route_title(key: &str) -> &'static str {
    match key {
        "university" => "University",
        "college" => "College",
        "apprenticeship" => "Apprenticeship",
        "work" => "Work",
        "volunteering" => "Volunteering",
        "direct_application" => "Direct application",
        _ => "Other routes",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_content_literal() {
        assert_eq!(escape_markup("*a* #b_"), "\\*a\\* \\#b\\_");
        assert_eq!(escape_markup("  two\n\nlines "), "two lines");
        assert_eq!(escape_markup("£18,200"), "£18\\,200");
        let parsed =
            crate::document::markup::parse(&escape_markup("# {{x}} [a](b) 1. *x*")).unwrap();
        assert_eq!(
            parsed,
            vec![crate::document::Block::Paragraph(vec![
                crate::document::Inline::Text("# {{x}} [a](b) 1. *x*".into())
            ])]
        );
    }

    #[test]
    fn settings_comment() {
        let s = settings("{{!-- careerpress\npaper: A5\nbody_pt: 12\n--}}\nbody").unwrap();
        assert_eq!(s.paper, Some(crate::content::brand::PaperSize::A5));
        assert_eq!(s.body_pt, Some(12.0));
        assert_eq!(settings("no settings").unwrap(), Settings::default());
        assert!(settings("{{!-- careerpress\npapr: A5\n--}}")
            .unwrap_err()
            .contains("papr"));
    }
}
