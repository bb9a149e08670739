//! The small tree one property element (`w:pPr`, `w:rPr`, `w:tblPr`, …)
//! is parsed into while the patches sort and complete it, and the state of
//! the tables the pass is inside.

use std::borrow::Cow;

use super::marker::{self, Marker};
use super::order::rank;
use super::{Done, TableNote};
use crate::document::escape::xml::escape;

/// An element: its start tag, children and end tag as docx-rs wrote them
/// (or as a patch made them). A leaf (an empty element, or text) has no end
/// tag.
pub(super) struct El<'a> {
    name: &'a [u8],
    open: Cow<'a, [u8]>,
    pub kids: Vec<El<'a>>,
    pub close: Cow<'a, [u8]>,
}

impl<'a> El<'a> {
    /// An element from its start tag (its children and end tag follow), or
    /// an empty element or text, as docx-rs wrote it.
    pub fn raw(name: &'a [u8], raw: &'a [u8]) -> Self {
        El {
            name,
            open: Cow::Borrowed(raw),
            kids: Vec::new(),
            close: Cow::Borrowed(b""),
        }
    }

    /// `<name>` with no children yet.
    pub fn empty(name: &'a [u8]) -> Self {
        let tag = |end: &[u8]| [end, name, b">"].concat();
        El {
            name,
            open: Cow::Owned(tag(b"<")),
            kids: Vec::new(),
            close: Cow::Owned(tag(b"</")),
        }
    }

    fn made(name: &'static str, xml: String) -> El<'static> {
        El {
            name: name.as_bytes(),
            open: Cow::Owned(xml.into_bytes()),
            kids: Vec::new(),
            close: Cow::Borrowed(b""),
        }
    }

    fn is_leaf(&self) -> bool {
        self.close.is_empty()
    }

    /// The `w:val` attribute of a leaf.
    fn val(&self) -> Option<&str> {
        let open = std::str::from_utf8(&self.open).ok()?;
        let rest = open.split_once(" w:val=\"")?.1;
        rest.split_once('"').map(|(v, _)| v)
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.open);
        for kid in &self.kids {
            kid.write(out);
        }
        out.extend_from_slice(&self.close);
    }

    /// Takes the marker off the style child `style` (e.g. `w:rStyle`): the
    /// child keeps the real style id, or goes if there is none.
    fn take_marker(&mut self, style: &[u8], done: &mut Done) -> Result<Option<Marker>, String> {
        let Some(i) = self.kids.iter().position(|k| k.name == style) else {
            return Ok(None);
        };
        let val = self.kids[i].val().unwrap_or_default();
        if !val.contains('#') {
            return Ok(None);
        }
        let val = val.to_owned();
        let (real, marker) = marker::parse(&val)?;
        let Some(marker) = marker else {
            return Ok(None);
        };
        done.markers += 1;
        if real.is_empty() {
            self.kids.remove(i);
        } else {
            let name = if style == b"w:rStyle" {
                "w:rStyle"
            } else if style == b"w:pStyle" {
                "w:pStyle"
            } else {
                "w:tblStyle"
            };
            self.kids[i] = El::made(name, format!("<{name} w:val=\"{}\"/>", escape(real)));
        }
        Ok(Some(marker))
    }

    /// Sorts, completes and checks one property element and everything in
    /// it; `None` when nothing is left in it.
    pub fn finish(mut self, tables: &mut Tables, done: &mut Done) -> Result<Option<Self>, String> {
        match self.name {
            b"w:rPr" => {
                if let Some(marker) = self.take_marker(b"w:rStyle", done)? {
                    let Marker::Lang(lang) = marker else {
                        return Err(format!("a table marker on a run: {marker:?}"));
                    };
                    self.kids.push(lang_el(&lang));
                }
            }
            b"w:pPr" => {
                if let Some(marker) = self.take_marker(b"w:pStyle", done)? {
                    let Marker::Lang(lang) = marker else {
                        return Err(format!("a table marker on a paragraph: {marker:?}"));
                    };
                    // The paragraph mark's language: its run properties.
                    let mut rpr = match self.kids.iter().position(|k| k.name == b"w:rPr") {
                        Some(i) => self.kids.remove(i),
                        None => El::empty(b"w:rPr"),
                    };
                    if rpr.is_leaf() {
                        rpr = El::empty(b"w:rPr");
                    }
                    rpr.kids.push(lang_el(&lang));
                    self.kids.push(rpr);
                }
            }
            b"w:tblPr" => {
                if let Some(marker) = self.take_marker(b"w:tblStyle", done)? {
                    let Marker::Table(i) = marker else {
                        return Err(format!("a language marker on a table: {marker:?}"));
                    };
                    let note = tables.note(i)?;
                    let mut look = Vec::new();
                    note.look.push_xml(&mut look);
                    self.kids.push(El {
                        name: b"w:tblLook",
                        open: Cow::Owned(look),
                        kids: Vec::new(),
                        close: Cow::Borrowed(b""),
                    });
                    for (name, text) in [
                        ("w:tblCaption", &note.caption),
                        ("w:tblDescription", &note.description),
                    ] {
                        if !text.trim().is_empty() {
                            let mut s = String::new();
                            crate::docx::xml::val_element(&mut s, name, text.trim());
                            self.kids.push(El::made(name, s));
                        }
                    }
                    tables.set_header_rows(note.header_rows);
                }
            }
            b"w:trPr" if tables.in_header_row() => {
                done.header_rows += 1;
                self.kids
                    .push(El::made("w:tblHeader", "<w:tblHeader/>".to_owned()));
            }
            _ => {}
        }
        let mut kids = std::mem::take(&mut self.kids);
        let mut failed = None;
        kids.retain_mut(|kid| {
            if kid.is_leaf() {
                // An empty `<w:rPr />` inside a paragraph's or a numbering
                // level's properties says nothing (and in a level, the
                // schema has no place for it).
                return kid.name != b"w:rPr";
            }
            match std::mem::replace(kid, El::raw(b"", b"")).finish(tables, done) {
                Ok(Some(done)) => {
                    *kid = done;
                    true
                }
                Ok(None) => false,
                Err(e) => {
                    failed = Some(e);
                    false
                }
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        self.kids = kids;
        let parent = self.name;
        if self.kids.len() > 1 {
            self.kids.sort_by_key(|k| rank(parent, k.name));
        }
        let droppable = matches!(self.name, b"w:rPr" | b"w:pPr");
        Ok(if droppable && self.kids.is_empty() {
            None
        } else {
            Some(self)
        })
    }
}

fn lang_el(lang: &str) -> El<'static> {
    El::made("w:lang", format!("<w:lang w:val=\"{}\"/>", escape(lang)))
}

/// The tables the pass is inside, innermost last.
pub(super) struct Tables<'n> {
    notes: &'n [TableNote],
    /// For each open table: its header rows and the row the pass is in.
    open: Vec<(usize, usize)>,
}

impl<'n> Tables<'n> {
    pub fn new(notes: &'n [TableNote]) -> Self {
        Tables {
            notes,
            open: Vec::new(),
        }
    }

    /// An element starts outside any property element.
    pub fn start(&mut self, name: &[u8]) {
        match name {
            b"w:tbl" => self.open.push((0, 0)),
            b"w:tr" => {
                if let Some(t) = self.open.last_mut() {
                    t.1 += 1;
                }
            }
            _ => {}
        }
    }

    pub fn end(&mut self, name: &[u8]) {
        if name == b"w:tbl" {
            self.open.pop();
        }
    }

    fn note(&self, i: usize) -> Result<&'n TableNote, String> {
        self.notes
            .get(i)
            .ok_or_else(|| format!("no table note {i} ({} registered)", self.notes.len()))
    }

    fn set_header_rows(&mut self, n: usize) {
        if let Some(t) = self.open.last_mut() {
            t.0 = n;
        }
    }

    fn in_header_row(&self) -> bool {
        self.open
            .last()
            .is_some_and(|&(header, row)| row >= 1 && row <= header)
    }
}
