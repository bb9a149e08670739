//! `{{#each (half job.skills 1)}}` → the first half of a list, `2` the
//! second: for lists shown in two columns. The first half gets the odd item.

use handlebars::handlebars_helper;
use serde_json::Value;

pub fn half_of(list: &[Value], which: u64) -> Vec<Value> {
    let mid = list.len().div_ceil(2);
    match which {
        1 => list[..mid].to_vec(),
        _ => list[mid..].to_vec(),
    }
}

handlebars_helper!(half: |list: array, which: u64| Value::Array(half_of(list, which)));

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
