//! Embedded font subsets, made by printpdf once per glyph set and kept for
//! the life of the writer.
//!
//! A build makes the same job for several trusts, and many jobs share
//! nearly every glyph, so the same subset would be made again and again:
//! printpdf's subsetter re-reads the font, renumbers its glyphs and parses
//! the subset back for its widths, an eighth of a leaflet's time. Here
//! printpdf makes each subset once, in a document of its own holding one
//! line of the glyphs a face uses (each with the text it stands for, so the
//! ToUnicode map is the one a document would get); the font's objects are
//! kept with their streams already deflated, with the glyph renumbering read
//! back from that line, and copied into every document that uses exactly
//! that glyph set. A document's bytes depend only on the document: a subset
//! from the cache is the one printpdf would have made for it.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use lopdf::{Object, ObjectId};
use printpdf::{
    Codepoint, FontId, Mm, Op, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Pt,
    TextItem,
};

use super::deflate::compress_stream;
use super::fonts::{FaceId, Family};
use super::layout::GlyphText;
use crate::document::RenderError;

/// One face's subset as a document embeds it.
pub(crate) struct Subset {
    /// The font's objects: the Type0 font first, then everything it refers to.
    objects: Vec<(ObjectId, Object)>,
    /// Original glyph id → the code the content stream shows it with.
    codes: HashMap<u16, u16>,
    /// What printpdf said while making it.
    pub(crate) warnings: Vec<String>,
}

impl Subset {
    /// The code for glyph `gid` (0, .notdef, for a glyph not in the subset).
    pub(crate) fn code(&self, gid: u16) -> u16 {
        self.codes.get(&gid).copied().unwrap_or(0)
    }

    /// Copies the font's objects into `doc` under new ids; returns the
    /// Type0 font's.
    pub(crate) fn add_to(&self, doc: &mut lopdf::Document) -> ObjectId {
        let ids: HashMap<ObjectId, ObjectId> = self
            .objects
            .iter()
            .map(|(id, _)| (*id, doc.new_object_id()))
            .collect();
        for (id, obj) in &self.objects {
            let mut obj = obj.clone();
            renumber(&mut obj, &ids);
            doc.objects.insert(ids[id], obj);
        }
        ids[&self.objects[0].0]
    }
}

fn renumber(obj: &mut Object, ids: &HashMap<ObjectId, ObjectId>) {
    match obj {
        Object::Reference(r) => {
            if let Some(n) = ids.get(r) {
                *r = *n;
            }
        }
        Object::Array(a) => a.iter_mut().for_each(|o| renumber(o, ids)),
        Object::Dictionary(d) => d.iter_mut().for_each(|(_, o)| renumber(o, ids)),
        Object::Stream(s) => s.dict.iter_mut().for_each(|(_, o)| renumber(o, ids)),
        _ => {}
    }
}

/// Which glyphs of which face, each with its text: all a subset depends on.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    family: String,
    face: FaceId,
    tag: String,
    glyphs: Vec<(u16, GlyphText)>,
}

/// Most subsets kept; past that the cache starts again (a cached subset is
/// only ever the same bytes, so what is kept changes speed, never output).
const MAX_SUBSETS: usize = 128;

/// Subsets made so far, shared by every thread of a build.
#[derive(Default)]
pub(crate) struct SubsetCache {
    map: Mutex<HashMap<Key, Arc<Subset>>>,
}

impl SubsetCache {
    /// The subset of `face` holding `glyphs` (glyph id → its text), under
    /// the resource name `tag`.
    pub(crate) fn get(
        &self,
        family: &Family,
        face: FaceId,
        tag: &str,
        glyphs: &BTreeMap<u16, GlyphText>,
    ) -> Result<Arc<Subset>, RenderError> {
        let key = Key {
            family: family.id.clone(),
            face,
            tag: tag.to_string(),
            glyphs: glyphs.iter().map(|(g, t)| (*g, t.clone())).collect(),
        };
        if let Some(s) = self.lock().get(&key) {
            return Ok(Arc::clone(s));
        }
        let made = Arc::new(make(family, face, tag, glyphs)?);
        let mut map = self.lock();
        if map.len() >= MAX_SUBSETS {
            map.clear();
        }
        Ok(Arc::clone(map.entry(key).or_insert(made)))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Arc<Subset>>> {
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn failed(e: impl std::fmt::Display) -> RenderError {
    RenderError::Failed(format!("PDF font subset: {e}"))
}

/// printpdf makes the subset: a one-page document showing each glyph once.
fn make(
    family: &Family,
    face: FaceId,
    tag: &str,
    glyphs: &BTreeMap<u16, GlyphText>,
) -> Result<Subset, RenderError> {
    let id = FontId(tag.to_string());
    let mut pdf = PdfDocument::new("");
    pdf.resources
        .fonts
        .map
        .insert(id.clone(), PdfFont::new(family.face(face).pdf()?.clone()));
    let line: Vec<Codepoint> = glyphs
        .iter()
        .map(|(gid, text)| Codepoint {
            gid: *gid,
            offset: 0.0,
            cid: Some(text.to_text()),
        })
        .collect();
    pdf.pages.push(PdfPage::new(
        Mm(10.0),
        Mm(10.0),
        vec![
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(10.0),
            },
            Op::ShowText {
                items: vec![TextItem::GlyphIds(line)],
            },
            Op::EndTextSection,
        ],
    ));
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut pp_warnings = Vec::new();
    let mut doc = pdf.to_lopdf_document(&opts, &mut pp_warnings);
    let warnings = pp_warnings
        .into_iter()
        .filter(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
        .map(|w| format!("PDF writer: {}", w.msg))
        .collect();
    let page = *doc
        .get_pages()
        .values()
        .next()
        .ok_or_else(|| failed("no page"))?;
    let root = doc
        .get_page_fonts(page)
        .map_err(failed)?
        .keys()
        .next()
        .cloned()
        .ok_or_else(|| failed("printpdf embedded no font"))
        .and_then(|name| font_ref(&doc, page, &name))?;
    // The codes of the glyphs, in the order they were shown (ascending
    // original ids), read back from the line printpdf wrote.
    let content = lopdf::content::Content::decode(&doc.get_page_content(page)).map_err(failed)?;
    let mut shown = Vec::new();
    for op in content
        .operations
        .iter()
        .filter(|o| o.operator == "TJ" || o.operator == "Tj")
    {
        let items = match op.operands.first() {
            Some(Object::Array(a)) => a.clone(),
            Some(o) => vec![o.clone()],
            None => Vec::new(),
        };
        for it in items {
            if let Object::String(bytes, _) = it {
                shown.extend(bytes.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])));
            }
        }
    }
    if shown.len() != glyphs.len() {
        return Err(failed(format!(
            "{} glyphs shown, {} read back",
            glyphs.len(),
            shown.len()
        )));
    }
    let codes = glyphs.keys().copied().zip(shown).collect();
    // The font and everything it refers to, streams deflated once here.
    let mut objects = Vec::new();
    let mut todo = vec![root];
    while let Some(id) = todo.pop() {
        if objects.iter().any(|(i, _)| *i == id) {
            continue;
        }
        let mut obj = doc
            .objects
            .remove(&id)
            .ok_or_else(|| failed("a font object is missing"))?;
        refs(&obj, &mut todo);
        if let Object::Stream(s) = &mut obj {
            compress_stream(s);
        }
        objects.push((id, obj));
    }
    Ok(Subset {
        objects,
        codes,
        warnings,
    })
}

fn font_ref(doc: &lopdf::Document, page: ObjectId, name: &[u8]) -> Result<ObjectId, RenderError> {
    let res = doc
        .get_dictionary(page)
        .and_then(|p| p.get(b"Resources"))
        .and_then(Object::as_reference)
        .and_then(|r| doc.get_dictionary(r))
        .map_err(failed)?;
    let fonts = match res.get(b"Font").map_err(failed)? {
        Object::Reference(r) => doc.get_dictionary(*r).map_err(failed)?,
        Object::Dictionary(d) => d,
        _ => return Err(failed("no font resources")),
    };
    fonts
        .get(name)
        .and_then(Object::as_reference)
        .map_err(failed)
}

fn refs(obj: &Object, out: &mut Vec<ObjectId>) {
    match obj {
        Object::Reference(r) => out.push(*r),
        Object::Array(a) => a.iter().for_each(|o| refs(o, out)),
        Object::Dictionary(d) => d.iter().for_each(|(_, o)| refs(o, out)),
        Object::Stream(s) => s.dict.iter().for_each(|(_, o)| refs(o, out)),
        _ => {}
    }
}
