//! `{{capitalise "excellent listening"}}` → `Excellent listening`.

use super::{param, simple_helper, string};

simple_helper!(capitalise, |h| {
    let s = string(h, param(h, 0, "{{capitalise text}}")?)?;
    let mut c = s.chars();
    Ok::<_, handlebars::RenderError>(match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    })
});
