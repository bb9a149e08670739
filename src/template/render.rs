//! Rendering one template to markup, within the budget (see `budget`), in
//! the language being rendered; a Handlebars error becomes a problem in
//! plain words naming the template file, line and the nearest real field.

use super::{budget, i18n, TemplateError, Templates};
use serde_json::Value;

impl Templates {
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
            return Err(TemplateError::file(&file, why.explain()));
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
            TemplateError::file(file, render_reason(&e, data)).at_position(e.line_no, e.column_no)
        })
    }
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
