//! The data a template sees: the job and brand as JSON in the document's
//! language (and each other language under `langs`), with the routes
//! present, titled from the catalogue, and numbers as people write them.

use super::Templates;
use crate::content::{LoadedBrand, LoadedJob};
use serde_json::{json, Value};

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
