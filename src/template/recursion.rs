//! Partials that include each other in a loop would recurse until the stack
//! overflows (handlebars-rust stops only a partial including itself
//! directly). We read which partials each template and partial includes, and
//! refuse any cycle, and any partial whose name is computed at run time
//! (which could form one), before anything is rendered.

use std::collections::BTreeMap;

/// The partials a template's source includes: `{{> name}}`, `{{~> name}}`,
/// `{{#> name}}`. `Err` for a computed name `{{> (expr)}}`.
pub fn includes(src: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(i) = rest.find("{{") {
        rest = &rest[i + 2..];
        let t = rest.trim_start_matches(['~', '#']).trim_start();
        let Some(t) = t.strip_prefix('>') else {
            continue;
        };
        let t = t.trim_start();
        if t.starts_with('(') {
            return Err(
                "computed partial names ({{> (…)}}) are not allowed: name the partial".into(),
            );
        }
        let name: String = t
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, '}' | '"' | '\'' | '~'))
            .collect();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    Ok(out)
}

/// Finds a cycle among partials reachable from `start`; returns it as a
/// path of names (`a → b → a`).
pub fn cycle(start: &str, graph: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn walk(
        node: &str,
        graph: &BTreeMap<String, Vec<String>>,
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut c = path[i..].to_vec();
            c.push(node.to_string());
            return Some(c);
        }
        if done.iter().any(|d| d == node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = walk(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.push(node.to_string());
        None
    }
    walk(start, graph, &mut Vec::new(), &mut Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_includes_and_cycles() {
        assert_eq!(
            includes("a {{> contact}} {{~> key-facts x=1}} {{#> box}}x{{/box}}").unwrap(),
            ["contact", "key-facts", "box"]
        );
        assert!(includes("{{> (lookup . 'x')}}").is_err());
        let mut g = BTreeMap::new();
        g.insert("t".to_string(), vec!["a".to_string()]);
        g.insert("a".to_string(), vec!["b".to_string()]);
        g.insert("b".to_string(), vec!["a".to_string()]);
        assert_eq!(cycle("t", &g).unwrap(), ["a", "b", "a"]);
        g.insert("b".to_string(), vec![]);
        assert_eq!(cycle("t", &g), None);
    }
}
