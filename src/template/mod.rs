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
mod compile;
mod context;
mod escape;
mod format;
mod helpers;
pub mod i18n;
mod load;
mod messages;
pub mod recursion;
mod render;
mod settings;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

pub use context::route_title;
pub use escape::escape_markup;
pub use format::Format;
/// `£18,200`: the one money format, for whatever writes a figure.
pub use helpers::format_money;
pub use helpers::register as register_helpers;
pub use load::{name_and_format, names};
pub use messages::REQUIRED_KEYS;
pub use settings::Settings;

/// A template's problem: the crate's one [`Diagnostic`](crate::diagnostic::Diagnostic),
/// naming the file and, where it can, line and column.
pub use crate::diagnostic::Diagnostic as TemplateError;

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
    /// What is compiled so far ([`Templates::compile`]).
    compiled: compile::Compiled,
}

impl fmt::Debug for Templates {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Templates")
            .field("templates", &self.templates)
            .finish()
    }
}
