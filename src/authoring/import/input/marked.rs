//! Marked text: what HTML and Word documents are turned into. Each block
//! is a line (or lines) of the text the page reader reads: a heading on a
//! line of its own with a blank line around it, and named in `headings` so
//! the reader knows it is one whatever its shape; a list item as `• item`;
//! a label and its value (a `dt`/`dd`, a two-cell table row) as
//! `Label: value`; a paragraph followed by a blank line.

use super::{Form, Input};

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading and its level (1 to 6).
    Heading(u8, String),
    Para(String),
    Item(String),
    Pair(String, String),
    /// A table row of more than two cells.
    Row(Vec<String>),
}

#[derive(Debug, Default)]
pub struct Marked {
    pub blocks: Vec<Block>,
    /// The document's own title (HTML `<title>`, Word's title property),
    /// used when it has no level-1 heading.
    pub doc_title: Option<String>,
}

/// Whitespace collapsed to single spaces, trimmed.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Marked {
    pub fn push(&mut self, b: Block) {
        let empty = match &b {
            Block::Heading(_, t) | Block::Para(t) | Block::Item(t) => t.trim().is_empty(),
            Block::Pair(l, v) => l.trim().is_empty() && v.trim().is_empty(),
            Block::Row(cells) => cells.iter().all(|c| c.trim().is_empty()),
        };
        if !empty {
            self.blocks.push(b);
        }
    }

    /// The text and its headings.
    pub fn into_input(self, name: &str, form: Form, encoding: String) -> Input {
        let mut text = String::new();
        let mut headings = Vec::new();
        let mut title = None;
        let mut last_item = false;
        for b in &self.blocks {
            let is_item = matches!(b, Block::Item(_) | Block::Pair(..) | Block::Row(_));
            if last_item && !is_item {
                text.push('\n');
            }
            match b {
                Block::Heading(level, t) => {
                    let t = squash(t);
                    if *level == 1 && title.is_none() {
                        title = Some(t.clone());
                    }
                    if !text.is_empty() && !text.ends_with("\n\n") {
                        text.push('\n');
                    }
                    text.push_str(&t);
                    text.push_str("\n\n");
                    headings.push(t);
                }
                Block::Para(t) => {
                    // Line breaks inside a paragraph (`<br>`, Word's soft
                    // breaks) stay lines: an address needs them.
                    for l in t.lines().map(squash).filter(|l| !l.is_empty()) {
                        text.push_str(&l);
                        text.push('\n');
                    }
                    text.push('\n');
                }
                Block::Item(t) => {
                    text.push_str("• ");
                    text.push_str(&squash(t));
                    text.push('\n');
                }
                Block::Pair(l, v) => {
                    let (l, v) = (squash(l), squash(v));
                    let l = l.trim_end_matches(':');
                    if v.is_empty() {
                        text.push_str(l);
                    } else {
                        text.push_str(&format!("{l}: {v}"));
                    }
                    text.push('\n');
                }
                Block::Row(cells) => {
                    let cells: Vec<String> = cells.iter().map(|c| squash(c)).collect();
                    text.push_str(&cells.join("; "));
                    text.push('\n');
                }
            }
            last_item = is_item;
        }
        let title = title.or(self.doc_title.map(|t| squash(&t)));
        Input {
            name: name.to_string(),
            text,
            form,
            encoding,
            headings,
            title,
        }
    }
}
