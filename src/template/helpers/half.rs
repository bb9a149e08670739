//! `{{#each (half job.skills 1)}}` → the first half of a list, `2` the
//! second: for lists shown in two columns. The first half gets the odd item.

use super::{not_a, number, param, simple_helper};
use serde_json::Value;

pub fn half_of(list: &[Value], which: u64) -> Vec<Value> {
    let mid = list.len().div_ceil(2);
    match which {
        1 => list[..mid].to_vec(),
        _ => list[mid..].to_vec(),
    }
}

// A field that does not exist is named (`job.skils`), as everywhere in
// strict mode (see `param`).
simple_helper!(half, |h| {
    let usage = "{{#each (half list 1)}} or (half list 2)";
    let list = param(h, 0, usage)?;
    let which = number(h, param(h, 1, usage)?)? as u64;
    let items = list.as_array().ok_or_else(|| not_a(h, "a list", list))?;
    Ok::<_, handlebars::RenderError>(half_of(items, which))
});

#[cfg(test)]
mod tests {
    use super::half_of;
    use serde_json::json;

    #[test]
    fn halves() {
        let l = [json!(1), json!(2), json!(3)];
        assert_eq!(half_of(&l, 1), vec![json!(1), json!(2)]);
        assert_eq!(half_of(&l, 2), vec![json!(3)]);
    }
}
