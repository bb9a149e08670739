//! Relationship parts (`*.rels`): which part links to which target.
//!
//! The package's own relationships are careerpress's; a part docx-rs wrote
//! keeps docx-rs's relationships, read back with [`Rels::parse`], checked,
//! completed and written out again sorted by id. docx-rs collects
//! hyperlinks through a `HashMap`, so its order changes from run to run;
//! it also names a `commentsExtended.xml` part it never writes.

use std::cmp::Ordering;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::xml::{escape_into, DECLARATION};

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

impl Rel {
    /// Whether this is an officeDocument relationship of type `kind`
    /// (`"image"`, `"hyperlink"`).
    pub(crate) fn is(&self, kind: &str) -> bool {
        self.kind.strip_prefix(OFFICE) == Some(kind)
    }
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

    /// The relationships in a part docx-rs wrote.
    pub(crate) fn parse(xml: &[u8]) -> Result<Rels, String> {
        let mut reader = Reader::from_reader(xml);
        let mut rels = Rels::default();
        loop {
            match reader.read_event().map_err(|e| e.to_string())? {
                Event::Eof => break,
                Event::Empty(e) | Event::Start(e) if e.name().as_ref() == b"Relationship" => {
                    let mut rel = Rel {
                        id: String::new(),
                        kind: String::new(),
                        target: String::new(),
                        external: false,
                    };
                    for attr in e.attributes() {
                        let attr = attr.map_err(|e| e.to_string())?;
                        let value = attr
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .map_err(|e| e.to_string())?
                            .into_owned();
                        match attr.key.as_ref() {
                            b"Id" => rel.id = value,
                            b"Type" => rel.kind = value,
                            b"Target" => rel.target = value,
                            b"TargetMode" => rel.external = value == "External",
                            _ => {}
                        }
                    }
                    if rel.id.is_empty() || rel.kind.is_empty() {
                        return Err("a relationship without an id or type".into());
                    }
                    rels.rels.push(rel);
                }
                _ => {}
            }
        }
        Ok(rels)
    }

    pub(crate) fn get(&self, id: &str) -> Option<&Rel> {
        self.rels.iter().find(|r| r.id == id)
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
    fn relationships_round_trip_sorted() {
        let xml = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="link10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://e.org/?a=1&amp;b=&quot;2&quot;" TargetMode="External" /><Relationship Id="link2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="tel:1" TargetMode="External" /><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml" /></Relationships>"#;
        let rels = Rels::parse(xml).unwrap();
        assert_eq!(
            rels.get("link10").unwrap().target,
            "https://e.org/?a=1&b=\"2\""
        );
        assert!(rels.get("link10").unwrap().external && rels.get("link2").unwrap().is("hyperlink"));
        let out = rels.xml();
        let order: Vec<usize> = ["link2\"", "link10\"", "rId1\""]
            .iter()
            .map(|id| out.find(id).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{out}");
        assert!(out.contains(
            "Target=\"https://e.org/?a=1&amp;b=&quot;2&quot;\" TargetMode=\"External\"/>"
        ));
        assert_eq!(Rels::parse(out.as_bytes()).unwrap().rels.len(), 3);
    }
}
