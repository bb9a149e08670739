//! Relationship parts (`*.rels`): which part links to which target.
//!
//! Ids are handed out in order of first use and kept in a `Vec`, so the
//! same document always gets the same ids in the same order (docx-rs
//! collects hyperlinks through a `HashMap` and numbers them from a
//! process-wide counter, which is why this writer keeps its own).

use std::fmt::Write as _;

use super::xml::{escape_into, DECLARATION};

const NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub(crate) const HYPERLINK: &str = "hyperlink";
pub(crate) const IMAGE: &str = "image";

struct Rel {
    /// The relationship type's last path segment, e.g. `styles`.
    kind: &'static str,
    target: String,
    external: bool,
}

/// The relationships of one part.
#[derive(Default)]
pub(crate) struct Rels {
    rels: Vec<Rel>,
}

impl Rels {
    /// Adds a relationship (or finds the same one) and returns its id.
    pub(crate) fn add(&mut self, kind: &'static str, target: &str, external: bool) -> String {
        let n = match self
            .rels
            .iter()
            .position(|r| r.kind == kind && r.target == target)
        {
            Some(i) => i + 1,
            None => {
                self.rels.push(Rel {
                    kind,
                    target: target.to_owned(),
                    external,
                });
                self.rels.len()
            }
        };
        format!("rId{n}")
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rels.is_empty()
    }

    pub(crate) fn xml(&self) -> String {
        let mut s = String::with_capacity(300 + self.rels.len() * 160);
        s.push_str(DECLARATION);
        s.push_str("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (i, rel) in self.rels.iter().enumerate() {
            let _ = write!(s, "<Relationship Id=\"rId{}\" Type=\"", i + 1);
            // Package-level relationships (core and extended properties)
            // live outside the officeDocument namespace.
            match rel.kind {
                "core-properties" => s.push_str(
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                ),
                kind => {
                    let _ = write!(s, "{NS}/{kind}");
                }
            }
            s.push_str("\" Target=\"");
            escape_into(&mut s, &rel.target);
            s.push('"');
            if rel.external {
                s.push_str(" TargetMode=\"External\"");
            }
            s.push_str("/>");
        }
        s.push_str("</Relationships>");
        s
    }
}
