//! Templates that never end: a partial that includes itself, directly or
//! through others, or an inline partial that does
//! (`{{#*inline "a"}}{{> a}}{{/inline}}{{> a}}`), would recurse until the
//! stack overflows and the process dies. Before anything is rendered we read
//! each template with handlebars' own parser, follow every partial it can
//! call, file partials and inline ones alike, and refuse any cycle, and any
//! partial whose name is computed at run time (which could form one).
//!
//! Inline partials are scoped at run time; here a name is taken to mean
//! every partial of that name, file or inline, wherever defined. That can
//! only over-report a cycle, never miss one.

use handlebars::template::{Parameter, Template, TemplateElement};
use std::collections::BTreeMap;

/// What one template or partial source calls.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Calls {
    /// Partials it includes, by name (`{{> name}}`, `{{#> name}}…`).
    pub includes: Vec<String>,
    /// Inline partials it defines, each with the partials its body includes.
    pub inlines: Vec<(String, Vec<String>)>,
}

/// The calls of a template's source. `Err` for a computed partial name;
/// a source that does not parse calls nothing (its error is reported when
/// it is registered).
pub fn calls(src: &str) -> Result<Calls, String> {
    let Ok(t) = Template::compile(src) else {
        return Ok(Calls::default());
    };
    calls_in(&t)
}

/// The calls of a compiled template. `Err` for a computed partial name.
pub fn calls_in(t: &Template) -> Result<Calls, String> {
    let mut calls = Calls::default();
    let mut own = Vec::new();
    walk(t, &mut own, &mut calls.inlines)?;
    calls.includes = own;
    Ok(calls)
}

impl Calls {
    /// Every partial name it may include, its own and its inline
    /// partials' bodies'.
    pub fn names(&self) -> impl Iterator<Item = String> + '_ {
        self.includes
            .iter()
            .chain(self.inlines.iter().flat_map(|(_, c)| c))
            .cloned()
    }
}

fn push(list: &mut Vec<String>, name: String) {
    if !list.contains(&name) {
        list.push(name);
    }
}

fn walk(
    t: &Template,
    includes: &mut Vec<String>,
    inlines: &mut Vec<(String, Vec<String>)>,
) -> Result<(), String> {
    for e in &t.elements {
        match e {
            TemplateElement::PartialExpression(d) | TemplateElement::PartialBlock(d) => {
                match &d.name {
                    Parameter::Name(n) if n == "@partial-block" => {}
                    Parameter::Name(n) => push(includes, n.clone()),
                    Parameter::Literal(serde_json::Value::String(n)) => push(includes, n.clone()),
                    Parameter::Path(handlebars::Path::Relative((_, raw)))
                    | Parameter::Path(handlebars::Path::Local((_, _, raw))) => {
                        let name = raw.trim_start_matches('[').trim_end_matches(']');
                        if name != "@partial-block" {
                            push(includes, name.to_string())
                        }
                    }
                    _ => {
                        return Err(
                            "computed partial names ({{> (…)}}) are not allowed: name the partial"
                                .into(),
                        )
                    }
                }
                // A partial block's body is the caller's: it runs as part of it.
                if let Some(body) = &d.template {
                    walk(body, includes, inlines)?;
                }
            }
            TemplateElement::DecoratorBlock(d) | TemplateElement::DecoratorExpression(d) if matches!(&d.name, Parameter::Name(n) if n == "inline") =>
            {
                let name = match d.params.first() {
                    Some(Parameter::Literal(serde_json::Value::String(n))) => n.clone(),
                    Some(Parameter::Name(n)) => n.clone(),
                    _ => continue,
                };
                let mut body_calls = Vec::new();
                if let Some(body) = &d.template {
                    walk(body, &mut body_calls, inlines)?;
                }
                match inlines.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, calls)) => {
                        for c in body_calls {
                            push(calls, c);
                        }
                    }
                    None => inlines.push((name, body_calls)),
                }
            }
            TemplateElement::HelperBlock(h) => {
                for body in [&h.template, &h.inverse].into_iter().flatten() {
                    walk(body, includes, inlines)?;
                }
            }
            TemplateElement::DecoratorBlock(d) => {
                if let Some(body) = &d.template {
                    walk(body, includes, inlines)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Deepest nesting of blocks (`{{#if}}`, `{{#each}}`, …) and brackets
/// (`(join (half …))`) a template may have. Real templates use 4 or 5;
/// thousands would overflow the stack of handlebars' parser or renderer.
pub const MAX_NESTING: usize = 32;

/// Checks how deeply a source nests blocks and brackets, before handlebars
/// reads it (its parser and renderer recurse once per level). It counts
/// every opening `{{#…}}` and `{{^…}}` and closing `{{/…}}`, skipping
/// comments, so it can only over-count.
pub fn check_nesting(src: &str) -> Result<(), String> {
    let mut depth = 0usize;
    let mut rest = src;
    while let Some(i) = rest.find("{{") {
        rest = &rest[i + 2..];
        let body = rest
            .trim_start_matches('{')
            .trim_start_matches('~')
            .trim_start();
        if let Some(c) = body.strip_prefix("!--") {
            rest = c.split_once("--}}").map_or("", |(_, r)| r);
            continue;
        }
        if body.starts_with('!') {
            rest = body.split_once("}}").map_or("", |(_, r)| r);
            continue;
        }
        let end = body.find("}}").unwrap_or(body.len());
        let tag = &body[..end];
        let brackets = tag.chars().fold((0usize, 0usize), |(d, max), c| match c {
            '(' => (d + 1, max.max(d + 1)),
            ')' => (d.saturating_sub(1), max),
            _ => (d, max),
        });
        if tag.starts_with('#') || (tag.starts_with('^') && tag.trim_end_matches('~').trim() != "^")
        {
            depth += 1;
        } else if tag.starts_with('/') {
            depth = depth.saturating_sub(1);
        }
        if depth.max(brackets.1) > MAX_NESTING {
            let line = src[..src.len() - rest.len()].matches('\n').count() + 1;
            return Err(format!(
                "line {line}: blocks or brackets nested more than {MAX_NESTING} deep; a template this deep would crash careerpress, so it is refused"
            ));
        }
        rest = &body[end..];
    }
    Ok(())
}

/// Longest chain of partials including partials a template may have.
pub const MAX_PARTIAL_DEPTH: usize = 16;

/// The longest chain of calls from `start` (which has no cycle).
pub fn depth(start: &str, graph: &BTreeMap<String, Vec<String>>) -> usize {
    fn walk(
        n: &str,
        g: &BTreeMap<String, Vec<String>>,
        memo: &mut BTreeMap<String, usize>,
    ) -> usize {
        if let Some(d) = memo.get(n) {
            return *d;
        }
        memo.insert(n.to_string(), 0);
        let d = g
            .get(n)
            .into_iter()
            .flatten()
            .map(|c| 1 + walk(c, g, memo))
            .max()
            .unwrap_or(0);
        memo.insert(n.to_string(), d);
        d
    }
    walk(start, graph, &mut BTreeMap::new())
}

/// The file partials `src` can include, directly or through other partials
/// and inline ones, sorted: what an edit to a partial changes. (A computed
/// partial name is refused when templates load, so none is missed.)
pub fn reachable_partials(src: &str, partials: &BTreeMap<String, String>) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut queue = vec![src.to_string()];
    while let Some(source) = queue.pop() {
        let Ok(c) = calls(&source) else { continue };
        let names = c
            .includes
            .iter()
            .chain(c.inlines.iter().flat_map(|(_, calls)| calls));
        for name in names {
            if let Some(p) = partials.get(name) {
                if !seen.contains(name) {
                    seen.push(name.clone());
                    queue.push(p.clone());
                }
            }
        }
    }
    seen.sort();
    seen
}

/// The call graph of a project's templates and partials: nodes are
/// `template:NAME`, `partial:NAME` and `inline:NAME`; a call to a name goes
/// to every partial of that name.
pub fn graph(
    templates: &BTreeMap<String, Calls>,
    partials: &BTreeMap<String, Calls>,
) -> BTreeMap<String, Vec<String>> {
    let inline_names: Vec<&String> = templates
        .values()
        .chain(partials.values())
        .flat_map(|c| c.inlines.iter().map(|(n, _)| n))
        .collect();
    let targets = |name: &str| -> Vec<String> {
        let mut t = Vec::new();
        if partials.contains_key(name) {
            t.push(format!("partial:{name}"));
        }
        if inline_names.iter().any(|n| *n == name) {
            t.push(format!("inline:{name}"));
        }
        t
    };
    let mut g: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut add = |node: String, calls: &[String]| {
        let entry = g.entry(node).or_default();
        for c in calls {
            for t in targets(c) {
                if !entry.contains(&t) {
                    entry.push(t);
                }
            }
        }
    };
    for (kind, map) in [("template", templates), ("partial", partials)] {
        for (name, c) in map {
            add(format!("{kind}:{name}"), &c.includes);
            for (inline, calls) in &c.inlines {
                add(format!("inline:{inline}"), calls);
            }
        }
    }
    g
}

/// Finds a cycle among partials reachable from `start`; returns it as a
/// path of nodes (`partial:a → partial:b → partial:a`).
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

/// A node as people say it: "the partial 'a'", "the inline partial 'a'".
pub fn describe(node: &str) -> String {
    match node.split_once(':') {
        Some(("partial", n)) => format!("the partial '{n}'"),
        Some(("inline", n)) => format!("the inline partial '{n}'"),
        Some(("template", n)) => format!("the template '{n}'"),
        _ => node.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cycle_from(template: &str, partials: &[(&str, &str)]) -> Option<Vec<String>> {
        let mut t = BTreeMap::new();
        t.insert("t".to_string(), calls(template).unwrap());
        let p: BTreeMap<String, Calls> = partials
            .iter()
            .map(|(n, s)| (n.to_string(), calls(s).unwrap()))
            .collect();
        cycle("template:t", &graph(&t, &p))
    }

    #[test]
    fn finds_calls_and_cycles_of_every_kind() {
        let c = calls("a {{> contact}} {{~> key-facts x=1}} {{#> box}}{{> inner}}{{/box}}{{#if x}}{{> deep}}{{/if}}").unwrap();
        assert_eq!(c.includes, ["contact", "key-facts", "box", "inner", "deep"]);
        assert!(calls("{{> (concat \"a\" \"b\")}}").is_err());
        // File partials in a loop.
        assert_eq!(
            cycle_from("{{> a}}", &[("a", "{{> b}}"), ("b", "{{> a}}")]).unwrap(),
            ["partial:a", "partial:b", "partial:a"]
        );
        assert_eq!(cycle_from("{{> a}}", &[("a", "{{> b}}"), ("b", "x")]), None);
        // An inline partial that includes itself, in the template or a partial.
        assert!(cycle_from("{{#*inline \"a\"}}{{> a}}{{/inline}}{{> a}}", &[]).is_some());
        assert!(cycle_from(
            "{{> p}}",
            &[("p", "{{#*inline \"q\"}}x{{> q}}{{/inline}}{{> q}}")]
        )
        .is_some());
        // Inline partials calling each other through a file partial.
        assert!(cycle_from(
            "{{#*inline \"a\"}}{{> p}}{{/inline}}{{> a}}",
            &[("p", "{{> a}}")]
        )
        .is_some());
        // Nesting is bounded before handlebars reads a template.
        let deep = "{{#if x}}".repeat(40) + &"{{/if}}".repeat(40);
        assert!(check_nesting(&deep)
            .unwrap_err()
            .contains("nested more than 32"));
        assert!(check_nesting(&format!(
            "{{{{x {}y{}}}}}",
            "(a ".repeat(40),
            ")".repeat(40)
        ))
        .is_err());
        let ok = "{{#each a}}{{#if b}}{{^c}}{{!-- {{#x}}{{#x}} --}}{{else}}{{/c}}{{/if}}{{/each}}";
        assert!(check_nesting(&ok.repeat(100)).is_ok());
        // An inline partial that is defined and used without a loop.
        assert_eq!(
            cycle_from("{{#*inline \"a\"}}hi{{/inline}}{{> a}}{{> a}}", &[]),
            None
        );
    }
}
