//! A YAML node tree with source positions, read with the same parser
//! serde-saphyr uses (granit-parser). serde reports where it *failed*; the
//! tree says where every value *is*, so checks made after a file has been
//! read (a placeholder left in, a field with no Welsh) can still name the
//! line and column of the field they are about.
//!
//! Aliases are kept as alias nodes, never expanded, so the tree is never
//! larger than the file.

use serde_saphyr::granit_parser::{Event, Options, Parser};

/// A position in the file: 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// One node of the tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Scalar {
        value: String,
        pos: Pos,
    },
    Seq {
        items: Vec<Node>,
        pos: Pos,
    },
    /// Keys in file order, each with the position of the key itself.
    Map {
        entries: Vec<(String, Pos, Node)>,
        pos: Pos,
    },
    Alias {
        pos: Pos,
    },
}

impl Node {
    pub fn pos(&self) -> Pos {
        match self {
            Node::Scalar { pos, .. }
            | Node::Seq { pos, .. }
            | Node::Map { pos, .. }
            | Node::Alias { pos } => *pos,
        }
    }

    /// The node at a field path as serde_path_to_error writes it
    /// (`entry_routes.college.entry_requirements[1]`); `""` is the root.
    pub fn get(&self, path: &str) -> Option<&Node> {
        let mut node = self;
        for step in steps(path) {
            node = match (node, step) {
                (Node::Map { entries, .. }, Step::Key(k)) => {
                    &entries.iter().find(|(key, _, _)| key == k)?.2
                }
                (Node::Seq { items, .. }, Step::Index(i)) => items.get(i)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// Where a field is: the position of its key when it has one (what an
    /// editor shows as "the line of `salary:`"), else of its value; for a
    /// path that is not in the file, the position of the nearest parent that
    /// is (a missing field is reported at its parent's line).
    pub fn locate(&self, path: &str) -> Option<Pos> {
        let mut node = self;
        let mut found = None;
        for step in steps(path) {
            let next = match (node, step) {
                (Node::Map { entries, .. }, Step::Key(k)) => entries
                    .iter()
                    .find(|(key, _, _)| key == k)
                    .map(|(_, kp, n)| (*kp, n)),
                (Node::Seq { items, .. }, Step::Index(i)) => items.get(i).map(|n| (n.pos(), n)),
                _ => None,
            };
            match next {
                Some((p, n)) => {
                    found = Some(p);
                    node = n;
                }
                None => return found.or(Some(node.pos())),
            }
        }
        found.or(Some(node.pos()))
    }
}

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `a.b[1].c` → `a`, `b`, `1`, `c`.
fn steps(path: &str) -> impl Iterator<Item = Step<'_>> {
    path.split('.').filter(|s| !s.is_empty()).flat_map(|part| {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        let key = (!key.is_empty()).then_some(Step::Key(key));
        let indices = rest
            .split('[')
            .filter_map(|i| i.trim_end_matches(']').parse().ok())
            .map(Step::Index);
        key.into_iter().chain(indices.collect::<Vec<_>>())
    })
}

/// A comment in the file: its line and its text after `#`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub line: usize,
    pub text: String,
}

/// A file read as a tree, with its comments.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    pub root: Node,
    pub comments: Vec<Comment>,
}

impl Tree {
    /// The field path whose key (or list item) starts on `line`, if any;
    /// for a comment on a line of its own, the field on the next line that
    /// has one.
    pub fn path_at_line(&self, line: usize) -> Option<String> {
        fn consider(best: &mut Option<(usize, String)>, line: usize, at: usize, p: &str) {
            if at >= line && best.as_ref().is_none_or(|(b, _)| at <= *b) {
                *best = Some((at, p.to_string()));
            }
        }
        fn walk(node: &Node, path: &str, line: usize, best: &mut Option<(usize, String)>) {
            match node {
                Node::Map { entries, .. } => {
                    for (k, kp, n) in entries {
                        let p = if path.is_empty() {
                            k.clone()
                        } else {
                            format!("{path}.{k}")
                        };
                        consider(best, line, kp.line, &p);
                        walk(n, &p, line, best);
                    }
                }
                Node::Seq { items, .. } => {
                    for (i, n) in items.iter().enumerate() {
                        let p = format!("{path}[{i}]");
                        consider(best, line, n.pos().line, &p);
                        walk(n, &p, line, best);
                    }
                }
                _ => {}
            }
        }
        let mut best = None;
        walk(&self.root, "", line, &mut best);
        best.map(|(_, p)| p)
    }
}

/// Deepest nesting read (the serde pass has the same bound).
const MAX_NESTING: usize = 32;

/// Reads the first document of `text` into a tree; `None` when the text is
/// not YAML the parser can read (the serde pass reports why).
pub fn parse(text: &str) -> Option<Tree> {
    let mut options = Options::default();
    options.flow_nesting_limit = MAX_NESTING;
    options.block_nesting_limit = MAX_NESTING;
    let mut parser = Parser::new_from_str_with_options(text, options);
    let mut stack: Vec<Frame> = Vec::new();
    let mut comments = Vec::new();
    loop {
        let (event, span) = parser.next_event()?.ok()?;
        let pos = Pos {
            line: span.start.line(),
            column: span.start.col() + 1,
        };
        let node = match event {
            Event::Comment(text, _) => {
                comments.push(Comment {
                    line: pos.line,
                    text: text.into_owned(),
                });
                continue;
            }
            Event::Scalar(v, ..) => Node::Scalar {
                value: v.into_owned(),
                pos,
            },
            Event::Alias(_) | Event::UnresolvedAlias(_) => Node::Alias { pos },
            Event::SequenceStart(..) => {
                stack.push(Frame::Seq(Vec::new(), pos));
                continue;
            }
            Event::MappingStart(..) => {
                stack.push(Frame::Map(Vec::new(), None, pos));
                continue;
            }
            Event::SequenceEnd => match stack.pop()? {
                Frame::Seq(items, pos) => Node::Seq { items, pos },
                Frame::Map(..) => return None,
            },
            Event::MappingEnd => match stack.pop()? {
                Frame::Map(entries, _, pos) => Node::Map { entries, pos },
                Frame::Seq(..) => return None,
            },
            Event::DocumentEnd | Event::StreamEnd if stack.is_empty() => return None,
            _ => continue,
        };
        match stack.last_mut() {
            None => {
                // Comments after the last value still belong to the file.
                while let Some(Ok((event, span))) = parser.next_event() {
                    if let Event::Comment(text, _) = event {
                        comments.push(Comment {
                            line: span.start.line(),
                            text: text.into_owned(),
                        });
                    }
                }
                return Some(Tree {
                    root: node,
                    comments,
                });
            }
            Some(Frame::Seq(items, _)) => items.push(node),
            Some(Frame::Map(entries, key, _)) => match key.take() {
                None => {
                    // A key: only scalar keys name fields.
                    let name = match &node {
                        Node::Scalar { value, .. } => value.clone(),
                        _ => String::new(),
                    };
                    *key = Some((name, node.pos()));
                }
                Some((name, kpos)) => entries.push((name, kpos, node)),
            },
        }
    }
}

enum Frame {
    Seq(Vec<Node>, Pos),
    Map(Vec<(String, Pos, Node)>, Option<(String, Pos)>, Pos),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_by_path() {
        let tree = parse("title: A # TODO check\nsalary:\n  starter: 0\nroutes:\n  - x\n  # TODO: a route\n  - in_brief: 'y'\n").unwrap();
        let t = &tree.root;
        assert_eq!(t.locate("title"), Some(Pos { line: 1, column: 1 }));
        assert_eq!(t.locate("salary.starter"), Some(Pos { line: 3, column: 3 }));
        assert_eq!(
            t.locate("routes[1].in_brief"),
            Some(Pos { line: 7, column: 5 })
        );
        assert_eq!(t.locate("routes[0]"), Some(Pos { line: 5, column: 5 }));
        // Not in the file: the nearest parent that is.
        assert_eq!(
            t.locate("salary.notes[0]"),
            Some(Pos { line: 2, column: 1 })
        );
        match t.get("routes[1].in_brief") {
            Some(Node::Scalar { value, .. }) => assert_eq!(value, "y"),
            other => panic!("{other:?}"),
        }
        assert!(parse("a: [").is_none());
        assert_eq!(
            tree.comments,
            [
                Comment {
                    line: 1,
                    text: " TODO check".into()
                },
                Comment {
                    line: 6,
                    text: " TODO: a route".into()
                }
            ]
        );
        assert_eq!(tree.path_at_line(1).as_deref(), Some("title"));
        assert_eq!(tree.path_at_line(6).as_deref(), Some("routes[1].in_brief"));
    }
}
