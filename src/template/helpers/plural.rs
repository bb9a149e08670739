//! `{{plural 2 "route"}}` → `2 routes`; `{{plural n "person" "people"}}`.

use super::{number, param, simple_helper, string};

simple_helper!(plural, |h| {
    let usage = "{{plural count \"singular\" [\"plural\"]}}";
    let n = number(h, param(h, 0, usage)?)?;
    let one = string(h, param(h, 1, usage)?)?;
    let many = match h.param(2) {
        Some(p) => string(h, p.value())?.to_string(),
        None => format!("{one}s"),
    };
    Ok::<_, handlebars::RenderError>(format!("{n} {}", if n == 1.0 { one } else { &many }))
});
