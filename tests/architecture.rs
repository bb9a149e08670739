//! The map in ARCHITECTURE.md, checked: which part of `src/` may use which,
//! writers never use each other, no circle of imports between the modules
//! of one folder (but the ones named here, each with its reason), and no
//! source file grown past the size where it holds more than one concern.
//!
//! A module's uses are read from its source (`crate::…` and `super::…`
//! paths, comments and test modules left out), so the check needs no
//! tool beyond the test itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What each top-level part of `src/` may use, besides the crate root
/// (`crate::hex`) and the leaves `diagnostic` and `safe_fs`, which every
/// part may use and which use nothing.
const MAY_USE: &[(&str, &[&str])] = &[
    ("document", &[]),
    ("content", &["document"]),
    ("template", &["content", "document"]),
    ("text", &["document"]),
    ("pdf", &["document"]),
    ("docx", &["document"]),
    ("html", &["document"]),
    (
        "pipeline",
        &[
            "content", "template", "document", "text", "pdf", "docx", "html",
        ],
    ),
    ("mail", &["pipeline", "content", "template", "document"]),
    (
        "authoring",
        &["pipeline", "content", "template", "document"],
    ),
    (
        "serve",
        &["pipeline", "authoring", "content", "template", "document"],
    ),
    (
        "cli",
        &[
            "pipeline",
            "authoring",
            "content",
            "template",
            "document",
            "mail",
            "serve",
        ],
    ),
    ("fuzzing", &["pipeline", "content", "template", "document"]),
];

const LEAVES: &[&str] = &["diagnostic", "safe_fs"];

/// Circles allowed to remain, each with why (at most one).
const ALLOWED_CIRCLES: &[(&str, &str)] = &[];

/// Past this a file holds more than one concern: split it.
const MAX_LINES: usize = 650;

type Module = Vec<String>;

fn module_of(src: &Path, file: &Path) -> Module {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Module = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The source without comments and without its `#[cfg(test)] mod tests`.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|l| match l.trim_start().starts_with("//") {
            true => "",
            false => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every module path a file names, resolved against its own place.
fn uses(module: &Module, text: &str) -> BTreeSet<Module> {
    let mut out = BTreeSet::new();
    let bytes = text.as_bytes();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(i) = text[from..].find(start) {
            let at = from + i;
            from = at + start.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let path: Vec<&str> = text[at..]
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .next()
                .unwrap_or("")
                .split("::")
                .filter(|s| !s.is_empty())
                .collect();
            let mut base: Module = match path.first() {
                Some(&"crate") => Vec::new(),
                _ => module[..module.len().saturating_sub(1)].to_vec(),
            };
            let mut rest = &path[1..];
            while rest.first() == Some(&"super") {
                base.pop();
                rest = &rest[1..];
            }
            base.extend(rest.iter().map(|s| s.to_string()));
            out.insert(base);
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs")
            // A module's tests (`#[cfg(test)] mod tests;`) may use anything.
            && p.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(p);
        }
    }
}

struct Graph {
    modules: BTreeSet<Module>,
    edges: BTreeMap<Module, BTreeSet<Module>>,
    lines: BTreeMap<PathBuf, usize>,
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut modules = BTreeSet::new();
    let mut raw = BTreeMap::new();
    let mut lines = BTreeMap::new();
    for f in &all {
        let text = std::fs::read_to_string(f).unwrap();
        lines.insert(
            f.strip_prefix(&src).unwrap().to_path_buf(),
            text.lines().count(),
        );
        let m = module_of(&src, f);
        raw.insert(m.clone(), uses(&m, &code(&text)));
        modules.insert(m);
    }
    // A path names the longest module it starts with (`crate::pdf::fonts::X`
    // is the module `pdf::fonts`).
    let resolve = |p: &Module| -> Module {
        let mut p = p.clone();
        while !p.is_empty() && !modules.contains(&p) {
            p.pop();
        }
        p
    };
    let edges = raw
        .into_iter()
        .map(|(m, used)| {
            let to = used
                .iter()
                .map(resolve)
                .filter(|t| *t != m)
                .collect::<BTreeSet<_>>();
            (m, to)
        })
        .collect();
    Graph {
        modules,
        edges,
        lines,
    }
}

#[test]
fn each_part_uses_only_what_the_map_allows() {
    let g = graph();
    let allowed: BTreeMap<&str, &[&str]> = MAY_USE.iter().copied().collect();
    let mut wrong = Vec::new();
    for (m, to) in &g.edges {
        let Some(top) = m.first() else { continue };
        for t in to {
            let Some(other) = t.first() else { continue };
            if other == top {
                continue;
            }
            let ok = if LEAVES.contains(&top.as_str()) {
                false
            } else {
                LEAVES.contains(&other.as_str())
                    || allowed
                        .get(top.as_str())
                        .is_some_and(|a| a.contains(&other.as_str()))
            };
            if !ok {
                wrong.push(format!("{} uses {}", m.join("::"), t.join("::")));
            }
        }
    }
    for m in &g.modules {
        if let Some(top) = m.first() {
            assert!(
                allowed.contains_key(top.as_str()) || LEAVES.contains(&top.as_str()),
                "src/{top} is not on the map (MAY_USE here and ARCHITECTURE.md)"
            );
        }
    }
    assert!(wrong.is_empty(), "not on the map:\n{}", wrong.join("\n"));
}

/// Tarjan's strongly connected components: the groups of nodes that can
/// each reach the others (a circle of imports when a group has two or more).
struct Tarjan<'a> {
    adj: &'a [Vec<usize>],
    index: Vec<Option<usize>>,
    low: Vec<usize>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
    next: usize,
    groups: Vec<Vec<usize>>,
}

impl Tarjan<'_> {
    fn groups(adj: &[Vec<usize>]) -> Vec<Vec<usize>> {
        let n = adj.len();
        let mut t = Tarjan {
            adj,
            index: vec![None; n],
            low: vec![0; n],
            on_stack: vec![false; n],
            stack: Vec::new(),
            next: 0,
            groups: Vec::new(),
        };
        for v in 0..n {
            if t.index[v].is_none() {
                t.visit(v);
            }
        }
        t.groups
    }

    fn visit(&mut self, v: usize) {
        self.index[v] = Some(self.next);
        self.low[v] = self.next;
        self.next += 1;
        self.stack.push(v);
        self.on_stack[v] = true;
        for &w in &self.adj[v] {
            match self.index[w] {
                None => {
                    self.visit(w);
                    self.low[v] = self.low[v].min(self.low[w]);
                }
                Some(iw) if self.on_stack[w] => self.low[v] = self.low[v].min(iw),
                Some(_) => {}
            }
        }
        if Some(self.low[v]) == self.index[v] {
            let mut group = Vec::new();
            while let Some(w) = self.stack.pop() {
                self.on_stack[w] = false;
                group.push(w);
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                self.groups.push(group);
            }
        }
    }
}

/// Circles among the modules of each folder ("a child uses a sibling").
fn circles(g: &Graph) -> Vec<String> {
    let parents: BTreeSet<Module> = g
        .modules
        .iter()
        .filter(|m| !m.is_empty())
        .map(|m| m[..m.len() - 1].to_vec())
        .collect();
    let mut found = Vec::new();
    for p in parents {
        let child = |m: &Module| -> Option<Module> {
            (m.len() > p.len() && m[..p.len()] == p[..]).then(|| m[..=p.len()].to_vec())
        };
        let nodes: Vec<Module> = g
            .modules
            .iter()
            .filter_map(child)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let ix = |m: &Module| nodes.iter().position(|n| n == m);
        let mut adj = vec![Vec::new(); nodes.len()];
        for (m, to) in &g.edges {
            let Some(c) = child(m).and_then(|c| ix(&c)) else {
                continue;
            };
            for t in to {
                if let Some(ct) = child(t).and_then(|t| ix(&t)) {
                    if ct != c && !adj[c].contains(&ct) {
                        adj[c].push(ct);
                    }
                }
            }
        }
        for group in Tarjan::groups(&adj) {
            let mut names: Vec<String> = group.iter().map(|&i| nodes[i].join("::")).collect();
            names.sort();
            found.push(names.join(" <-> "));
        }
    }
    found.sort();
    found
}

#[test]
fn no_circle_of_imports_but_the_one_explained() {
    let g = graph();
    let allowed: Vec<&str> = ALLOWED_CIRCLES.iter().map(|(c, _)| *c).collect();
    assert!(ALLOWED_CIRCLES.len() <= 1, "at most one circle may remain");
    let found = circles(&g);
    let unexplained: Vec<&String> = found
        .iter()
        .filter(|c| !allowed.contains(&c.as_str()))
        .collect();
    assert!(
        unexplained.is_empty(),
        "modules of one folder that use each other (move what they share into a leaf):\n{}",
        unexplained
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn no_file_holds_more_than_one_concern() {
    let g = graph();
    let long: Vec<String> = g
        .lines
        .iter()
        .filter(|(_, n)| **n > MAX_LINES)
        .map(|(f, n)| format!("src/{}: {n} lines", f.display()))
        .collect();
    assert!(
        long.is_empty(),
        "split by concern (over {MAX_LINES} lines):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_checker_sees_a_circle_and_a_use_off_the_map() {
    // The checks above would pass vacuously if the reader saw no uses.
    let m: Module = vec!["pdf".into(), "draw".into()];
    let u = uses(
        &m,
        &code("use super::images::x;\n// crate::docx::y\nlet a = crate::html::Z;"),
    );
    assert!(u.contains(&vec!["pdf".to_string(), "images".into(), "x".into()]));
    assert!(u.contains(&vec!["html".to_string(), "Z".into()]));
    assert!(!u
        .iter()
        .any(|p| p.first().map(String::as_str) == Some("docx")));
    let g = graph();
    assert!(g.edges.values().map(BTreeSet::len).sum::<usize>() > 100);
    let m = |s: &str| -> Module { s.split("::").map(String::from).collect() };
    let looped = Graph {
        modules: [m("a"), m("a::x"), m("a::y"), m("a::z")].into(),
        edges: [
            (m("a::x"), [m("a::y")].into()),
            (m("a::y"), [m("a::x")].into()),
            (m("a::z"), [m("a::x")].into()),
        ]
        .into(),
        lines: BTreeMap::new(),
    };
    assert_eq!(circles(&looped), ["a::x <-> a::y"]);
}
