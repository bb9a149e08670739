//! Patches to the parts docx-rs writes (`document.xml`, the header and
//! footer, `numbering.xml`), each small and named, all applied in one pass.
//!
//! | patch | what docx-rs 0.4.22 gets wrong |
//! | --- | --- |
//! | [`order`] | children of `w:pPr`, `w:rPr`, `w:tblPr`, `w:tcPr`, `w:sectPr`, `w:numPr`, `w:lvl` out of schema order (Word drops run properties out of sequence) |
//! | empty properties | an empty `<w:rPr />` in every run and paragraph, and inside numbering levels where the schema has none |
//! | [`marker`] languages | no `w:lang`: runs and paragraph marks of a `Lang` block or span get theirs |
//! | [`marker`] tables | no `w:tblLook`, `w:tblCaption`, `w:tblDescription`, `w:tblHeader` |
//! | drawings | every picture is `<wp:docPr id="1" name="Figure"/>` with no alt text: ids unique in the document, name and `descr` (alt text) from the brand |
//! | grid columns | `w:type` on `w:gridCol`, an attribute the schema does not have |
//!
//! The pass reads docx-rs's output with quick-xml and copies it byte for
//! byte, except inside the property elements above, which it parses into a
//! small tree, sorts, completes and writes back. Every patch counts what it
//! did against what the body builder registered ([`Notes`]), so output
//! from a docx-rs that has changed under a patch is an error, never a
//! silently broken file; the tests in `tests.rs` fail first.

mod marker;
mod order;
#[cfg(test)]
mod tests;
mod tree;
pub(crate) mod watermark;

pub(crate) use marker::{mark, Marker};

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::document::escape::xml::escape_into;

use tree::{El, Tables};

/// How a table looks up its table style's conditional formats (`w:tblLook`).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Look {
    pub first_row: bool,
    pub first_col: bool,
}

impl Look {
    fn push_xml(self, out: &mut Vec<u8>) {
        // The legacy hex value and the attributes say the same thing; Word
        // writes both, older readers (and LibreOffice) want the hex.
        let val = 0x0400 // no vertical banding
            | 0x0200 // no horizontal banding
            | if self.first_row { 0x0020 } else { 0 }
            | if self.first_col { 0x0080 } else { 0 };
        out.extend_from_slice(
            format!(
                "<w:tblLook w:val=\"{val:04X}\" w:firstRow=\"{}\" w:lastRow=\"0\" w:firstColumn=\"{}\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>",
                u8::from(self.first_row),
                u8::from(self.first_col)
            )
            .as_bytes(),
        );
    }
}

/// What docx-rs cannot say about one table.
#[derive(Debug, Clone, Default)]
pub(crate) struct TableNote {
    pub look: Look,
    /// `w:tblCaption`: the table's title, what a screen reader announces.
    pub caption: String,
    /// `w:tblDescription`: what is in it.
    pub description: String,
    /// Rows at the top that repeat on every page and are headers for
    /// assistive technology (`w:tblHeader`).
    pub header_rows: usize,
}

/// A picture's identity and alternative text.
#[derive(Debug, Clone)]
pub(crate) struct Picture {
    /// `wp:docPr` id: unique across the whole document.
    pub id: u32,
    pub name: String,
    /// The alternative text (`descr`).
    pub alt: String,
}

/// What the builder registered for the patches of one part.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    /// Pictures in the order they appear in the part.
    pub pictures: Vec<Picture>,
    /// How many markers the builder put into the part.
    pub markers: usize,
}

/// docx-rs wrote something a patch does not recognise.
#[derive(Debug, thiserror::Error)]
#[error("docx-rs's {part} no longer matches careerpress's patch for {patch}: {what}")]
pub(crate) struct PatchError {
    part: &'static str,
    patch: &'static str,
    what: String,
}

/// Counts of what the patches did, checked against [`Notes`].
#[derive(Default)]
pub(super) struct Done {
    pictures: usize,
    markers: usize,
    header_rows: usize,
}

/// Applies every patch to `xml`, the part `part` as docx-rs wrote it.
/// `tables` are the table notes the part's markers point into.
pub(crate) fn rewrite(
    part: &'static str,
    xml: &[u8],
    notes: &Notes,
    tables: &[TableNote],
) -> Result<Vec<u8>, PatchError> {
    let fail = |patch: &'static str, what: String| PatchError { part, patch, what };
    let mut out = Vec::with_capacity(xml.len());
    let mut reader = Reader::from_reader(xml);
    let mut stack: Vec<El> = Vec::new();
    let mut state = Tables::new(tables);
    let mut done = Done::default();
    let mut start = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| fail("reading", e.to_string()))?;
        let end = usize::try_from(reader.buffer_position()).unwrap_or(xml.len());
        let raw = &xml[start..end];
        start = end;
        // The element's name, borrowed from the input: `<name …`.
        let name_of = |len: usize| raw.get(1..1 + len).unwrap_or_default();
        match event {
            Event::Eof => break,
            Event::Start(e) if !stack.is_empty() || order::is_ordered(e.name().as_ref()) => {
                stack.push(El::raw(name_of(e.name().as_ref().len()), raw));
            }
            Event::Empty(e) if !stack.is_empty() => {
                let top = stack.last_mut().expect("not empty");
                top.kids
                    .push(El::raw(name_of(e.name().as_ref().len()), raw));
            }
            Event::End(_) if !stack.is_empty() => {
                let mut el = stack.pop().expect("not empty");
                el.close = std::borrow::Cow::Borrowed(raw);
                match stack.last_mut() {
                    Some(parent) => parent.kids.push(el),
                    None => {
                        if let Some(el) = el
                            .finish(&mut state, &mut done)
                            .map_err(|what| fail("markers", what))?
                        {
                            el.write(&mut out);
                        }
                    }
                }
            }
            _ if !stack.is_empty() => {
                // Text between properties: none in docx-rs's output, kept
                // if there ever is any.
                stack
                    .last_mut()
                    .expect("not empty")
                    .kids
                    .push(El::raw(b"", raw));
            }
            Event::Start(e) => {
                state.start(e.name().as_ref());
                out.extend_from_slice(raw);
            }
            Event::End(e) => {
                state.end(e.name().as_ref());
                out.extend_from_slice(raw);
            }
            // A run or paragraph with no properties at all.
            Event::Empty(e) if matches!(e.name().as_ref(), b"w:rPr" | b"w:pPr") => {}
            Event::Empty(e) if order::is_ordered(e.name().as_ref()) => {
                // Properties with nothing in them yet: a patch may add some
                // (a header row's `w:tblHeader`).
                if let Some(el) = El::empty(name_of(e.name().as_ref().len()))
                    .finish(&mut state, &mut done)
                    .map_err(|what| fail("markers", what))?
                {
                    el.write(&mut out);
                }
            }
            Event::Empty(e) => match e.name().as_ref() {
                b"wp:docPr" | b"pic:cNvPr" => {
                    let first = e.name().as_ref() == b"wp:docPr";
                    let index = if first {
                        done.pictures += 1;
                        done.pictures - 1
                    } else {
                        done.pictures.wrapping_sub(1)
                    };
                    let Some(pic) = notes.pictures.get(index) else {
                        return Err(fail(
                            "drawings",
                            format!(
                                "a picture the builder did not place ({raw:?})",
                                raw = String::from_utf8_lossy(raw)
                            ),
                        ));
                    };
                    picture_props(&mut out, e.name().as_ref(), pic);
                }
                b"w:gridCol" => {
                    let w =
                        e.try_get_attribute("w:w").ok().flatten().ok_or_else(|| {
                            fail("grid columns", "a column without a width".into())
                        })?;
                    out.extend_from_slice(b"<w:gridCol w:w=\"");
                    out.extend_from_slice(&w.value);
                    out.extend_from_slice(b"\"/>");
                }
                _ => out.extend_from_slice(raw),
            },
            _ => out.extend_from_slice(raw),
        }
    }
    if !stack.is_empty() {
        return Err(fail("reading", "the part ends inside an element".into()));
    }
    if done.pictures != notes.pictures.len() {
        return Err(fail(
            "drawings",
            format!(
                "{} pictures placed, {} drawings found",
                notes.pictures.len(),
                done.pictures
            ),
        ));
    }
    if done.markers != notes.markers {
        return Err(fail(
            "markers",
            format!("{} markers put in, {} found", notes.markers, done.markers),
        ));
    }
    let header_rows: usize = if part == "word/document.xml" {
        tables.iter().map(|t| t.header_rows).sum()
    } else {
        0
    };
    if done.header_rows != header_rows {
        return Err(fail(
            "tables",
            format!(
                "{header_rows} header rows registered, {} marked",
                done.header_rows
            ),
        ));
    }
    Ok(out)
}

/// `wp:docPr` or `pic:cNvPr` for `pic`: its own id, its name and its
/// alternative text, which Word shows under Alt Text and screen readers
/// read out.
fn picture_props(out: &mut Vec<u8>, name: &[u8], pic: &Picture) {
    let mut s = String::with_capacity(64 + pic.name.len() + pic.alt.len());
    s.push('<');
    s.push_str(std::str::from_utf8(name).unwrap_or("wp:docPr"));
    s.push_str(&format!(" id=\"{}\" name=\"", pic.id));
    escape_into(&mut s, &pic.name);
    s.push_str("\" descr=\"");
    escape_into(&mut s, &pic.alt);
    s.push_str("\"/>");
    out.extend_from_slice(s.as_bytes());
}
