//! Relationship parts (`*.rels`): which part links to which target.
//!
//! careerpress writes every part's relationships itself, from what the
//! builder registered, sorted by id: docx-rs's `Docx::build` collects
//! hyperlinks through a `HashMap` (their order changes from run to run),
//! names a `commentsExtended.xml` part it never writes, and calls every
//! picture `.png`. The ids are the ones the builder gave docx-rs (a
//! picture's id, a hyperlink's relationship id), so docx-rs's parts and
//! these relationships agree.

use std::cmp::Ordering;

use super::xml::DECLARATION;
use crate::document::escape::xml::escape_into;

/// Relationship types in the officeDocument namespace, by last segment.
pub(crate) const OFFICE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
/// The core properties' relationship type, outside that namespace.
pub(crate) const CORE: &str =
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

/// One relationship; `target` unescaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rel {
    pub id: String,
    /// The full relationship type URI.
    pub kind: String,
    pub target: String,
    pub external: bool,
}

/// The relationships of one part.
#[derive(Debug, Default)]
pub(crate) struct Rels {
    pub rels: Vec<Rel>,
}

impl Rels {
    /// Adds a relationship of officeDocument type `kind` with id `id`.
    pub(crate) fn add(&mut self, id: &str, kind: &str, target: &str, external: bool) {
        let kind = if kind.contains("://") {
            kind.to_owned()
        } else {
            format!("{OFFICE}{kind}")
        };
        self.rels.push(Rel {
            id: id.to_owned(),
            kind,
            target: target.to_owned(),
            external,
        });
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rels.is_empty()
    }

    /// The part, relationships sorted by id (`rId2` before `rId10`).
    pub(crate) fn xml(&self) -> String {
        let mut sorted: Vec<&Rel> = self.rels.iter().collect();
        sorted.sort_by(|a, b| natural_cmp(&a.id, &b.id));
        let mut s = String::with_capacity(300 + self.rels.len() * 160);
        s.push_str(DECLARATION);
        s.push_str("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for rel in sorted {
            s.push_str("<Relationship Id=\"");
            escape_into(&mut s, &rel.id);
            s.push_str("\" Type=\"");
            escape_into(&mut s, &rel.kind);
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

/// Compares names by their letters, then by the number they end in (after
/// any extension): `rId2` before `rId10`, `image2.png` before `image10.png`.
pub(crate) fn natural_cmp(a: &str, b: &str) -> Ordering {
    let split = |s: &str| {
        let stem = s.rsplit_once('.').map_or(s, |(stem, _)| stem);
        let digits = stem.len() - stem.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (head, tail) = stem.split_at(stem.len() - digits);
        (
            head.to_owned(),
            tail.parse::<u64>().unwrap_or(0),
            s.to_owned(),
        )
    };
    split(a).cmp(&split(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationships_are_sorted_and_escaped() {
        let mut rels = Rels::default();
        rels.add("link10", "hyperlink", "https://e.org/?a=1&b=\"2\"", true);
        rels.add("rId1", "styles", "styles.xml", false);
        rels.add("link2", "hyperlink", "tel:1", true);
        rels.add("rId2", CORE, "docProps/core.xml", false);
        let out = rels.xml();
        let order: Vec<usize> = ["link2\"", "link10\"", "rId1\"", "rId2\""]
            .iter()
            .map(|id| out.find(id).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{out}");
        assert!(out.contains(
            "Target=\"https://e.org/?a=1&amp;b=&quot;2&quot;\" TargetMode=\"External\"/>"
        ));
        assert!(out.contains("Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"));
        assert!(out.contains("Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\""));
    }
}
