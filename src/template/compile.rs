//! Compiling templates when a run first needs them. [`Templates::read`]
//! reads every file and its settings (enough to plan a build);
//! [`Templates::compile`] compiles the templates a run uses and the partials
//! they can reach, and refuses any that could never end (partials that
//! include each other). A build of one leaflet compiles the leaflet and its
//! partials only; `check` compiles everything.
//!
//! Problems are reported as a whole load always did: those of partials,
//! then those of templates, each in file order, then the loops.

use super::recursion::{self, Calls};
use super::{TemplateError, TemplateInfo, Templates};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What has been compiled so far, and what is still to report.
#[derive(Default)]
pub(super) struct Compiled {
    /// Every template name with a file (for [`Templates::failed`]).
    pub(super) on_disk: Vec<String>,
    /// Templates compiled (or refused) so far.
    pub(super) templates: BTreeSet<String>,
    /// Partials compiled so far, with what each calls.
    pub(super) partials: BTreeMap<String, Result<Calls, String>>,
    /// Problems found while reading, reported by the first compile.
    pub(super) read_errors: Vec<TemplateError>,
    /// Problems of the message catalogues, reported after the templates'.
    pub(super) catalogue_errors: Vec<TemplateError>,
}

impl Compiled {
    pub(super) fn has_template(&self, name: &str) -> bool {
        self.templates.contains(name)
    }

    pub(super) fn has_partial(&self, name: &str) -> bool {
        self.partials.contains_key(name)
    }

    /// Templates whose file is there but that did not load.
    pub(super) fn failed(&self, loaded: &BTreeMap<String, TemplateInfo>) -> Vec<String> {
        self.on_disk
            .iter()
            .filter(|n| !loaded.contains_key(*n))
            .cloned()
            .collect()
    }
}

impl Templates {
    /// Compiles the named templates (every template when `None`) and the
    /// partials they can reach (every partial when `None`); a template
    /// that does not compile, or that could never end, is reported and left
    /// out. Compiling again what is compiled does nothing. Returns the
    /// problems not reported before.
    pub fn compile(&mut self, only: Option<&[String]>) -> Vec<TemplateError> {
        let wanted: Vec<String> = self
            .templates
            .keys()
            .filter(|n| only.is_none_or(|o| o.contains(n)))
            .filter(|n| !self.compiled.templates.contains(*n))
            .cloned()
            .collect();
        let mut errors = std::mem::take(&mut self.compiled.read_errors);
        let mut template_calls = BTreeMap::new();
        for name in &wanted {
            self.compiled.templates.insert(name.clone());
            let t = &self.templates[name];
            match self.hb.register_template_string(name, &t.source) {
                Ok(()) => {
                    let calls = self
                        .hb
                        .get_template(name)
                        .map_or_else(|| Ok(Calls::default()), recursion::calls_in);
                    template_calls.insert(name.clone(), calls);
                }
                Err(e) => {
                    errors.push(template_error(&t.file, &e));
                    self.templates.remove(name);
                }
            }
        }
        // The partials to compile: all, or those the templates can reach.
        let before: BTreeSet<String> = self.compiled.partials.keys().cloned().collect();
        let mut queue: Vec<String> = match only {
            None => self.partials.keys().cloned().collect(),
            Some(_) => template_calls
                .values()
                .flatten()
                .flat_map(Calls::names)
                .collect(),
        };
        while let Some(name) = queue.pop() {
            if self.compiled.partials.contains_key(&name) {
                continue;
            }
            let Some(src) = self.partials.get(&name) else {
                continue; // unknown: an error when rendered
            };
            let calls = match self.hb.register_partial(&name, src) {
                Ok(()) => self
                    .hb
                    .get_template(&name)
                    .map_or_else(|| Ok(Calls::default()), recursion::calls_in),
                Err(e) => {
                    errors.push(template_error(&self.partial_file(&name), &e));
                    Ok(Calls::default())
                }
            };
            if let Ok(c) = &calls {
                queue.extend(c.names());
            }
            self.compiled.partials.insert(name, calls);
        }
        order(&mut errors, &self.dir.join("partials"));
        let dir = self.dir.clone();
        check_recursion(
            &dir,
            &mut self.templates,
            &template_calls,
            &self.compiled.partials,
            &before,
            &mut errors,
        );
        errors.append(&mut self.compiled.catalogue_errors);
        self.failed = self.compiled.failed(&self.templates);
        errors
    }

    fn partial_file(&self, name: &str) -> PathBuf {
        self.dir.join("partials").join(format!("{name}.hbs"))
    }
}

/// A Handlebars compile error as a TemplateError at its line and column.
fn template_error(file: &Path, e: &handlebars::TemplateError) -> TemplateError {
    let (line, column) = e.pos().map_or((None, None), |(l, c)| (Some(l), Some(c)));
    TemplateError::file(file, e.reason().to_string()).at_position(line, column)
}

/// Partials' problems first, then templates', each in file order (as a
/// load that compiled everything in turn reported them).
fn order(errors: &mut [TemplateError], partials: &Path) {
    errors.sort_by(|a, b| {
        let key = |e: &TemplateError| {
            let f = e.file.clone().unwrap_or_default();
            (!f.starts_with(partials), f)
        };
        key(a).cmp(&key(b))
    });
}

/// Refuses templates that would never end: partials, file or inline, that
/// include each other in a loop (rendering one would overflow the stack).
/// Such a template is reported, naming the loop, and left out. Only the
/// templates of `template_calls` (those just compiled) are looked at.
fn check_recursion(
    dir: &Path,
    templates: &mut BTreeMap<String, TemplateInfo>,
    template_calls: &BTreeMap<String, Result<Calls, String>>,
    partials: &BTreeMap<String, Result<Calls, String>>,
    reported_before: &BTreeSet<String>,
    errors: &mut Vec<TemplateError>,
) {
    let error = |file: PathBuf, message: String| TemplateError::file(&file, message);
    let partial_file = |name: &str| dir.join("partials").join(format!("{name}.hbs"));
    let mut partial_calls = BTreeMap::new();
    let mut bad_partials = Vec::new();
    for (name, calls) in partials {
        match calls {
            Ok(c) => {
                partial_calls.insert(name.clone(), c.clone());
            }
            Err(m) => {
                bad_partials.push(format!("partial:{name}"));
                if !reported_before.contains(name) {
                    errors.push(error(partial_file(name), m.clone()));
                }
            }
        }
    }
    let mut calls_of = BTreeMap::new();
    templates.retain(|name, t| match template_calls.get(name) {
        None => true,
        Some(Ok(c)) => {
            calls_of.insert(name.clone(), c.clone());
            true
        }
        Some(Err(m)) => {
            errors.push(error(t.file.clone(), m.clone()));
            false
        }
    });
    let graph = recursion::graph(&calls_of, &partial_calls);
    let mut reported: Vec<Vec<String>> = Vec::new();
    templates.retain(|name, t| {
        if !calls_of.contains_key(name) {
            return true;
        }
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
