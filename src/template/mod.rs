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

mod budget;
mod helpers;
pub mod i18n;
mod recursion;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    Html,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Txt, Format::Pdf, Format::Docx, Format::Html];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
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
    /// Body text size in points (6 to 72).
    #[serde(default, deserialize_with = "crate::content::types::finite_f32_opt")]
    pub body_pt: Option<f32>,
    /// Plain-text line width in columns (20 to 200).
    #[serde(default)]
    pub text_width: Option<usize>,
    /// With more than one language: `sections` or `columns`, over the
    /// brand's choice (a brand that asks for `separate` documents gets them).
    #[serde(default)]
    pub bilingual: Option<crate::content::brand::Bilingual>,
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

impl TemplateError {
    /// A problem of a whole file, with no line to point at.
    pub fn whole_file(file: &Path, message: impl Into<String>) -> TemplateError {
        TemplateError {
            file: file.to_path_buf(),
            line: None,
            column: None,
            message: message.into(),
        }
    }
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
    /// Names of templates whose file is there but did not load (a typo in
    /// it): their documents are still the project's.
    pub failed: Vec<String>,
    dir: PathBuf,
    /// The message catalogues, `templates/locales/<language>/*.ftl`.
    catalogues: Arc<i18n::Catalogues>,
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
        // `each` that counts its turns (see `budget`).
        hb.register_helper("each", Box::new(budget::Each));
        let mut errors = Vec::new();
        let mut templates = BTreeMap::new();
        let mut partials = BTreeMap::new();

        for file in hbs_files(&dir.join("partials"), &mut errors, true) {
            let name = stem(&file);
            if let Some(src) = read(&file, &mut errors) {
                if let Err(m) = recursion::check_nesting(&src) {
                    errors.push(TemplateError::whole_file(&file, m));
                    continue;
                }
                if let Err(e) = hb.register_partial(&name, &src) {
                    errors.push(template_error(&file, &e));
                }
                partials.insert(name, src);
            }
        }
        for file in hbs_files(dir, &mut errors, false) {
            let Some((name, format)) = name_and_format(&file) else {
                errors.push(TemplateError::whole_file(&file, "name templates <name>.<format>.hbs, where format is txt, pdf, docx or html (e.g. summary.txt.hbs)"));
                continue;
            };
            if let Err(m) = crate::content::types::check_id(&name) {
                errors.push(TemplateError::whole_file(&file, m));
                continue;
            }
            let Some(src) = read(&file, &mut errors) else {
                continue;
            };
            if let Err(m) = recursion::check_nesting(&src) {
                errors.push(TemplateError::whole_file(&file, m));
                continue;
            }
            let settings = match settings(&src) {
                Ok(s) => s,
                Err((line, column, message)) => {
                    errors.push(TemplateError {
                        file: file.clone(),
                        line: Some(line),
                        column,
                        message,
                    });
                    continue;
                }
            };
            if templates.contains_key(&name) {
                errors.push(TemplateError::whole_file(
                    &file,
                    format!("another template is also called '{name}'; template names must differ"),
                ));
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
        let failed = hbs_files(dir, &mut Vec::new(), true)
            .iter()
            .filter_map(|f| name_and_format(f).map(|(name, _)| name))
            .filter(|name| !templates.contains_key(name))
            .collect();
        let (catalogues, mut catalogue_errors) =
            i18n::Catalogues::load(&dir.join("locales"), project_root(dir).unwrap_or(dir));
        errors.append(&mut catalogue_errors);
        (
            Templates {
                hb,
                templates,
                partials,
                failed,
                dir: dir.to_path_buf(),
                catalogues: Arc::new(catalogues),
            },
            errors,
        )
    }

    /// Renders a template to markup, within the bounds of [`budget`]: a
    /// template that would make too much, loop too often or take too long
    /// is stopped with an error naming it.
    pub fn render(&self, name: &str, data: &Value) -> Result<String, TemplateError> {
        let lang = data.get("lang").and_then(Value::as_str).unwrap_or("en-GB");
        let (result, exceeded) = budget::with_budget(|| {
            i18n::rendering(&self.catalogues, lang, || {
                let mut out = budget::Limited::default();
                self.hb
                    .render_to_write(name, data, &mut out)
                    .map(|()| String::from_utf8(out.bytes).unwrap_or_default())
            })
        });
        if let Some(why) = exceeded {
            let file = self
                .templates
                .get(name)
                .map(|t| t.file.clone())
                .unwrap_or_default();
            return Err(TemplateError::whole_file(&file, why.explain()));
        }
        result.map_err(|e| {
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
                message: render_reason(&e, data),
            }
        })
    }
}

/// Refuses templates that would never end: partials, file or inline, that
/// include each other in a loop (rendering one would overflow the stack).
/// Such a template is reported, naming the loop, and left out.
fn check_recursion(
    dir: &Path,
    templates: &mut BTreeMap<String, TemplateInfo>,
    partials: &BTreeMap<String, String>,
    errors: &mut Vec<TemplateError>,
) {
    let error = |file: PathBuf, message: String| TemplateError::whole_file(&file, message);
    let partial_file = |name: &str| dir.join("partials").join(format!("{name}.hbs"));
    let mut partial_calls = BTreeMap::new();
    let mut bad_partials = Vec::new();
    for (name, src) in partials {
        match recursion::calls(src) {
            Ok(c) => {
                partial_calls.insert(name.clone(), c);
            }
            Err(m) => {
                bad_partials.push(format!("partial:{name}"));
                errors.push(error(partial_file(name), m));
            }
        }
    }
    let mut template_calls = BTreeMap::new();
    templates.retain(|name, t| match recursion::calls(&t.source) {
        Ok(c) => {
            template_calls.insert(name.clone(), c);
            true
        }
        Err(m) => {
            errors.push(error(t.file.clone(), m));
            false
        }
    });
    let graph = recursion::graph(&template_calls, &partial_calls);
    let mut reported: Vec<Vec<String>> = Vec::new();
    templates.retain(|name, t| {
        let start = format!("template:{name}");
        if let Some(c) = recursion::cycle(&start, &graph) {
            let mut key = c[..c.len() - 1].to_vec();
            key.sort();
            let first = &c[0];
            let file = match first.split_once(':') {
                Some(("partial", p)) => partial_file(p),
                _ => t.file.clone(),
            };
            if !reported.contains(&key) {
                reported.push(key);
                let names: Vec<String> = c.iter().map(|n| recursion::describe(n)).collect();
                errors.push(error(
                    file,
                    format!(
                        "{} includes itself ({}), used by {}: it would never end",
                        recursion::describe(first),
                        names.join(" → "),
                        t.file.display()
                    ),
                ));
            } else {
                errors.push(error(
                    t.file.clone(),
                    format!(
                        "uses {}, which includes itself (see above): left out",
                        recursion::describe(first)
                    ),
                ));
            }
            return false;
        }
        if recursion::depth(&start, &graph) > recursion::MAX_PARTIAL_DEPTH {
            errors.push(error(
                t.file.clone(),
                format!(
                    "partials include partials more than {} deep: too deep to render safely",
                    recursion::MAX_PARTIAL_DEPTH
                ),
            ));
            return false;
        }
        // A template that uses a partial refused above is left out too.
        let mut reach = vec![start];
        let mut seen = Vec::new();
        while let Some(n) = reach.pop() {
            if bad_partials.contains(&n) {
                return false;
            }
            if !seen.contains(&n) {
                reach.extend(graph.get(&n).into_iter().flatten().cloned());
                seen.push(n);
            }
        }
        true
    });
}

fn render_reason(e: &handlebars::RenderError, data: &Value) -> String {
    use handlebars::RenderErrorReason as R;
    match e.reason() {
        R::MissingVariable(Some(path)) => match nearest_field(path, data) {
            Some(near) => format!("the field '{path}' does not exist (did you mean '{near}'?)"),
            None => format!("the field '{path}' does not exist (strict mode: check its spelling against the content model)"),
        },
        R::HelperNotFound(h) => format!("unknown helper '{h}'"),
        R::PartialNotFound(p) => {
            format!("unknown partial '{p}' (partials live in templates/partials/)")
        }
        other => other.to_string(),
    }
}

/// The known field nearest a misspelt one: among the fields beside it when
/// its parent is found from the top (`job.last_reviewd` → `job.last_reviewed`),
/// else among every field name in the data (a path inside `{{#each}}`).
fn nearest_field(path: &str, data: &Value) -> Option<String> {
    let (parent, last) = path.rsplit_once('.').unwrap_or(("", path));
    let mut node = data;
    let mut found = true;
    for step in parent.split('.').filter(|s| !s.is_empty()) {
        match node.get(step) {
            Some(n) => node = n,
            None => {
                found = false;
                break;
            }
        }
    }
    let mut names: Vec<String> = Vec::new();
    if found {
        if let Value::Object(m) = node {
            names.extend(m.keys().cloned());
        }
    } else {
        fn all(v: &Value, out: &mut Vec<String>) {
            match v {
                Value::Object(m) => {
                    for (k, v) in m {
                        if !out.contains(k) {
                            out.push(k.clone());
                        }
                        all(v, out);
                    }
                }
                Value::Array(a) => a.iter().for_each(|v| all(v, out)),
                _ => {}
            }
        }
        all(data, &mut names);
    }
    let known: Vec<&str> = names.iter().map(String::as_str).collect();
    let near = crate::content::yaml::nearest(last, &known).filter(|n| n != last)?;
    Some(if found && !parent.is_empty() {
        format!("{parent}.{near}")
    } else {
        near
    })
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
                errors.push(TemplateError::whole_file(
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
                    errors.push(TemplateError::whole_file(p, message));
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
fn project_root(dir: &Path) -> Option<&Path> {
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
    let err = |message: String| TemplateError::whole_file(file, message);
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
fn settings(src: &str) -> Result<Settings, (usize, Option<usize>, String)> {
    let leading = src.len() - src.trim_start().len();
    let Some(rest) = src.trim_start().strip_prefix("{{!-- careerpress") else {
        return Ok(Settings::default());
    };
    // Lines of the settings count from the template's first line.
    let first_line = src[..leading].matches('\n').count() + 1;
    let at = |line: usize, column: Option<usize>, m: String| (first_line + line - 1, column, m);
    let body = rest.split_once("--}}").map(|(b, _)| b).ok_or_else(|| {
        at(
            1,
            None,
            "the settings comment is never closed with --}}".into(),
        )
    })?;
    if body.trim().is_empty() {
        return Ok(Settings::default());
    }
    let line_of = |key: &str| {
        body.lines()
            .position(|l| l.trim_start().starts_with(key))
            .map_or(1, |i| i + 1)
    };
    let s = crate::content::yaml::parse::<Settings>(Path::new("settings"), body.as_bytes())
        .map_err(|e| {
            let mut plain = e.clone();
            plain.line = None;
            plain.column = None;
            at(
                e.line.unwrap_or(1) as usize,
                e.column.map(|c| c as usize),
                format!(
                    "template settings: {}",
                    plain.to_string().trim_start_matches("settings:").trim()
                ),
            )
        })?;
    if let Some(pt) = s.body_pt.filter(|pt| !(6.0..=72.0).contains(pt)) {
        return Err(at(line_of("body_pt"), None, format!(
            "template settings: body_pt: {pt} is not a text size; give 6 to 72 points (11 or 12 is usual)"
        )));
    }
    if let Some(w) = s.text_width.filter(|w| !(20..=200).contains(w)) {
        return Err(at(line_of("text_width"), None, format!(
            "template settings: text_width: {w} columns is not a line width; give 20 to 200 (72 is usual)"
        )));
    }
    Ok(s)
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
    /// The data a template sees for one document in `languages` (its own
    /// first): `job`, `brand` and `build` in the document's language, `lang`,
    /// `languages`, `bilingual`, and `langs.<tag>` with the `job` and
    /// `brand` of each other language (what `{{#each_language}}` shows).
    /// A language a job or brand has no translation into falls back to the
    /// original; whether that may be built is for the caller to decide.
    pub fn context(
        &self,
        job: &LoadedJob,
        brand: &LoadedBrand,
        build_date: &str,
        languages: &[String],
        layout: crate::content::brand::Bilingual,
    ) -> Value {
        let primary = languages.first().map_or("en-GB", String::as_str);
        let mut root = self.language_data(job, brand, build_date, primary);
        let mut langs = serde_json::Map::new();
        for tag in languages.iter().skip(1) {
            langs.insert(tag.clone(), self.language_data(job, brand, build_date, tag));
        }
        if let Value::Object(m) = &mut root {
            m.insert("languages".into(), json!(languages));
            m.insert("bilingual".into(), json!(layout.as_str()));
            m.insert("langs".into(), Value::Object(langs));
        }
        root
    }

    /// `job`, `brand`, `build` and `lang` for one language.
    fn language_data(
        &self,
        job: &LoadedJob,
        brand: &LoadedBrand,
        build_date: &str,
        tag: &str,
    ) -> Value {
        let job_text = job.translations.get(tag).map_or(&job.job, |t| &t.value);
        let brand_text = brand
            .translations
            .get(tag)
            .map_or(&brand.brand, |t| &t.value);
        let mut j = serde_json::to_value(job_text).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut j {
            map.insert("id".into(), json!(job.id));
            let routes: Vec<Value> = job_text
                .entry_routes
                .present()
                .into_iter()
                .map(|(key, route)| {
                    let mut r = serde_json::to_value(route).unwrap_or(Value::Null);
                    if let Value::Object(m) = &mut r {
                        m.insert("key".into(), json!(key));
                        let title = self
                            .catalogues
                            .message(tag, &format!("route-{key}"), &[])
                            .unwrap_or_else(|_| route_title(key).to_string());
                        m.insert("title".into(), json!(title));
                    }
                    r
                })
                .collect();
            map.insert("routes".into(), Value::Array(routes));
        }
        let mut b = serde_json::to_value(brand_text).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut b {
            map.insert("id".into(), json!(brand.id));
            map.insert("language".into(), json!(tag));
            map.insert(
                "welsh".into(),
                json!(brand.brand.languages.iter().any(|l| l.tag() == "cy")),
            );
        }
        let mut data =
            json!({ "job": j, "brand": b, "build": { "date": build_date }, "lang": tag });
        whole_numbers(&mut data);
        data
    }

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
                out.push(TemplateError {
                    file: self.dir.join("locales").join(tag),
                    line: None,
                    column: None,
                    message: format!(
                        "there are no {} messages, and a brand makes documents in it: add templates/locales/{tag}/careerpress.ftl",
                        crate::content::overlay::language_name(tag)
                    ),
                });
                continue;
            }
            for key in REQUIRED_KEYS {
                if !self.catalogues.has(tag, key) {
                    out.push(TemplateError {
                        file: self.dir.join("locales").join(tag),
                        line: None,
                        column: None,
                        message: format!(
                            "the message '{key}' is missing in {} (careerpress itself uses it)",
                            crate::content::overlay::language_name(tag)
                        ),
                    });
                }
            }
            let sources = self
                .templates
                .values()
                .map(|t| (t.file.clone(), t.source.as_str()))
                .chain(self.partials.iter().map(|(n, s)| {
                    (
                        self.dir.join("partials").join(format!("{n}.hbs")),
                        s.as_str(),
                    )
                }));
            for (file, src) in sources {
                for (key, line) in message_keys(src) {
                    if !self.catalogues.has(tag, &key) {
                        out.push(TemplateError {
                            file: file.clone(),
                            line: Some(line),
                            column: None,
                            message: format!(
                                "{{{{t \"{key}\"}}}}: the message '{key}' is not in the {} catalogue (templates/locales/{tag}/)",
                                crate::content::overlay::language_name(tag)
                            ),
                        });
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

/// Numbers as people write them: a whole number of hours read as a float
/// (`37.0`) becomes `37`, so a template printing it never shows `.0`.
fn whole_numbers(v: &mut Value) {
    match v {
        Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15) {
                *v = json!(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_numbers),
        Value::Object(map) => map.values_mut().for_each(whole_numbers),
        _ => {}
    }
}

/// How a route is headed when a catalogue has no `route-<key>` message.
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
        let (line, _, message) =
            settings("{{!-- careerpress\npaper: A5\npapr: A5\n--}}").unwrap_err();
        assert_eq!(line, 3);
        assert!(message.contains("papr"), "{message}");
        let (line, _, message) = settings("{{!-- careerpress\nbody_pt: 200\n--}}").unwrap_err();
        assert_eq!(line, 2);
        assert!(message.contains("not a text size"), "{message}");
    }
}
