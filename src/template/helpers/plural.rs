//! `{{plural 2 "route"}}` → `2 routes`; `{{plural n "person" "people"}}`.
//! Which form a number takes is the catalogue's `plural-form` (English:
//! `one` for 1, else `other`; Welsh keeps the singular after a numeral,
//! "2 swydd"), so the rule is the language's, not the code's.

use super::{message, number, param, simple_helper, string};

simple_helper!(plural, |h| {
    let usage = "{{plural count \"singular\" [\"plural\"]}}";
    let n = number(h, param(h, 0, usage)?)?;
    let one = string(h, param(h, 1, usage)?)?;
    let many = match h.param(2) {
        Some(p) => string(h, p.value())?.to_string(),
        None => format!("{one}s"),
    };
    let form = message("plural-form", &[("n", super::super::i18n::Arg::Number(n))])?;
    let shown = if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    };
    Ok::<_, handlebars::RenderError>(format!(
        "{shown} {}",
        if form.trim() == "one" { one } else { &many }
    ))
});
