//! Reading a tagged PDF as an auditor does: the marked content of each
//! page (what text and painting each sequence holds, and what is outside
//! any), and the structure tree with its kids resolved to that content.

use std::collections::{BTreeMap, HashMap};

use lopdf::{Dictionary, Object, ObjectId};

use super::{deref, fonts_and_content, num, FontInfo};

/// What a marked-content sequence is.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// Content of a structure element: its tag and `/MCID`.
    Mcid(String, i64),
    /// An artifact: its `/Type` and `/Subtype`, if given.
    Artifact(Option<String>, Option<String>),
    /// Some other marked content (not ours).
    Other(String),
}

/// One marked-content sequence on a page (outermost, as ours are).
#[derive(Debug, Clone)]
pub struct Piece {
    pub mark: Mark,
    pub text: String,
    /// Painting operators inside it (fills, strokes, images).
    pub paints: usize,
    /// The bounding box (width, height) of every filled subpath, for QR
    /// modules.
    pub rects: Vec<(f32, f32)>,
}

/// A page's marked content, plus what was drawn outside any sequence.
#[derive(Debug, Default)]
pub struct PageMarks {
    pub pieces: Vec<Piece>,
    pub unmarked_text: String,
    pub unmarked_paints: usize,
}

impl PageMarks {
    pub fn mcid_text(&self) -> HashMap<i64, String> {
        self.pieces
            .iter()
            .filter_map(|p| match &p.mark {
                Mark::Mcid(_, m) => Some((*m, p.text.clone())),
                _ => None,
            })
            .collect()
    }
}

fn name_of(o: &Object) -> Option<String> {
    o.as_name()
        .ok()
        .map(|n| String::from_utf8_lossy(n).to_string())
}

/// The marked content of one page.
pub fn page_marks(doc: &lopdf::Document, page: ObjectId) -> PageMarks {
    let (infos, content) = fonts_and_content(doc, page);
    let mut out = PageMarks::default();
    // Open sequences: index into out.pieces, or None for nested/other.
    let mut stack: Vec<Option<usize>> = Vec::new();
    let mut font: Option<&FontInfo> = None;
    let mut subpaths: Vec<Vec<(f32, f32)>> = Vec::new();
    for op in &content.operations {
        let current = stack.iter().rev().flatten().next().copied();
        match op.operator.as_str() {
            "BDC" | "BMC" => {
                let tag = name_of(&op.operands[0]).unwrap_or_default();
                let props = op.operands.get(1).and_then(|o| o.as_dict().ok());
                let mark = if tag == "Artifact" {
                    let get = |k: &[u8]| props.and_then(|p| p.get(k).ok()).and_then(name_of);
                    Mark::Artifact(get(b"Type"), get(b"Subtype"))
                } else if let Some(m) = props
                    .and_then(|p| p.get(b"MCID").ok())
                    .and_then(|m| m.as_i64().ok())
                {
                    Mark::Mcid(tag, m)
                } else {
                    Mark::Other(tag)
                };
                if stack.is_empty() {
                    out.pieces.push(Piece {
                        mark,
                        text: String::new(),
                        paints: 0,
                        rects: Vec::new(),
                    });
                    stack.push(Some(out.pieces.len() - 1));
                } else {
                    stack.push(None);
                }
            }
            "EMC" => {
                stack.pop();
            }
            "Tf" => font = op.operands[0].as_name().ok().and_then(|n| infos.get(n)),
            "TJ" | "Tj" => {
                let items = match &op.operands[0] {
                    Object::Array(a) => a.clone(),
                    o => vec![o.clone()],
                };
                let mut text = String::new();
                for it in items {
                    if let (Object::String(bytes, _), Some(f)) = (it, font) {
                        for c in bytes.chunks(2) {
                            let code = u16::from_be_bytes([c[0], c[1]]);
                            text.push_str(f.to_unicode.get(&code).map_or("", String::as_str));
                        }
                    }
                }
                match current {
                    Some(i) => out.pieces[i].text.push_str(&text),
                    None => out.unmarked_text.push_str(&text),
                }
            }
            "re" => {
                let v: Vec<f32> = op.operands.iter().map(num).collect();
                subpaths.push(vec![(v[0], v[1]), (v[0] + v[2], v[1] + v[3])]);
            }
            "m" => {
                let v: Vec<f32> = op.operands.iter().map(num).collect();
                subpaths.push(vec![(v[0], v[1])]);
            }
            "l" | "c" | "v" | "y" => {
                let v: Vec<f32> = op.operands.iter().map(num).collect();
                if let Some(sp) = subpaths.last_mut() {
                    for xy in v.chunks(2) {
                        sp.push((xy[0], xy[1]));
                    }
                }
            }
            "f" | "f*" | "F" | "B" | "B*" | "b" | "b*" | "S" | "s" | "Do" | "sh" => {
                match current {
                    Some(i) => {
                        out.pieces[i].paints += 1;
                        if op.operator.starts_with('f') {
                            for sp in &subpaths {
                                let xs = sp.iter().map(|p| p.0);
                                let ys = sp.iter().map(|p| p.1);
                                let w = xs.clone().fold(f32::MIN, f32::max)
                                    - xs.fold(f32::MAX, f32::min);
                                let h = ys.clone().fold(f32::MIN, f32::max)
                                    - ys.fold(f32::MAX, f32::min);
                                out.pieces[i].rects.push((w, h));
                            }
                        }
                    }
                    None => out.unmarked_paints += 1,
                }
                subpaths.clear();
            }
            "n" => subpaths.clear(),
            _ => {}
        }
    }
    out
}

/// A kid of a structure element.
#[derive(Debug, Clone)]
pub enum Kid {
    Elem(Elem),
    Mcid {
        page: ObjectId,
        mcid: i64,
    },
    Objr {
        page: Option<ObjectId>,
        obj: ObjectId,
    },
}

/// A structure element, read back.
#[derive(Debug, Clone)]
pub struct Elem {
    pub id: Option<ObjectId>,
    pub role: String,
    pub dict: Dictionary,
    pub kids: Vec<Kid>,
}

fn text_of(o: &Object) -> Option<String> {
    match o {
        Object::String(b, _) if b.starts_with(&[0xFE, 0xFF]) => {
            let u: Vec<u16> = b[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]))
                .collect();
            Some(String::from_utf16_lossy(&u))
        }
        Object::String(b, _) => Some(String::from_utf8_lossy(b).to_string()),
        _ => None,
    }
}

/// A text string entry of a dictionary.
pub fn text_entry(d: &Dictionary, key: &[u8]) -> Option<String> {
    d.get(key).ok().and_then(text_of)
}

impl Elem {
    pub fn alt(&self) -> Option<String> {
        text_entry(&self.dict, b"Alt")
    }

    pub fn lang(&self) -> Option<String> {
        text_entry(&self.dict, b"Lang")
    }

    /// `/A` attribute `key` as a name.
    pub fn attr(&self, key: &[u8]) -> Option<String> {
        let a = self.dict.get(b"A").ok()?.as_dict().ok()?;
        a.get(key).ok().and_then(name_of)
    }

    /// Every element below this one, in order (preorder, this one first).
    pub fn walk(&self) -> Vec<&Elem> {
        let mut out = vec![self];
        for k in &self.kids {
            if let Kid::Elem(e) = k {
                out.extend(e.walk());
            }
        }
        out
    }

    /// The text of this element and everything below it, in order.
    pub fn text(&self, marks: &BTreeMap<ObjectId, HashMap<i64, String>>) -> String {
        let mut s = String::new();
        for k in &self.kids {
            match k {
                Kid::Elem(e) => s.push_str(&e.text(marks)),
                Kid::Mcid { page, mcid } => {
                    if let Some(t) = marks.get(page).and_then(|m| m.get(mcid)) {
                        s.push_str(t);
                    }
                }
                Kid::Objr { .. } => {}
            }
        }
        s
    }
}

fn read_elem(
    doc: &lopdf::Document,
    id: Option<ObjectId>,
    d: &Dictionary,
    pg: Option<ObjectId>,
) -> Elem {
    let role = d.get(b"S").ok().and_then(name_of).unwrap_or_default();
    let pg = d.get(b"Pg").ok().and_then(|p| p.as_reference().ok()).or(pg);
    let raw = match d.get(b"K") {
        Ok(Object::Array(a)) => a.clone(),
        Ok(o) => vec![o.clone()],
        Err(_) => Vec::new(),
    };
    let mut kids = Vec::new();
    for k in raw {
        match &k {
            Object::Integer(m) => kids.push(Kid::Mcid {
                page: pg.expect("an MCID kid needs a /Pg on its element"),
                mcid: *m,
            }),
            Object::Reference(r) => {
                let kd = doc.get_dictionary(*r).expect("kid resolves");
                kids.push(Kid::Elem(read_elem(doc, Some(*r), kd, pg)));
            }
            Object::Dictionary(kd) => {
                let ty = kd.get(b"Type").ok().and_then(name_of);
                let kpg = kd.get(b"Pg").ok().and_then(|p| p.as_reference().ok());
                match ty.as_deref() {
                    Some("MCR") => kids.push(Kid::Mcid {
                        page: kpg.or(pg).expect("MCR page"),
                        mcid: kd.get(b"MCID").and_then(Object::as_i64).expect("MCID"),
                    }),
                    Some("OBJR") => kids.push(Kid::Objr {
                        page: kpg.or(pg),
                        obj: kd.get(b"Obj").and_then(Object::as_reference).expect("Obj"),
                    }),
                    _ => kids.push(Kid::Elem(read_elem(doc, None, kd, pg))),
                }
            }
            _ => panic!("unexpected kid {k:?}"),
        }
    }
    Elem {
        id,
        role,
        dict: d.clone(),
        kids,
    }
}

/// The document's structure: the StructTreeRoot's single kid.
pub fn structure(doc: &lopdf::Document) -> Elem {
    let root = deref(
        doc,
        doc.catalog()
            .expect("catalog")
            .get(b"StructTreeRoot")
            .expect("a structure tree"),
    )
    .as_dict()
    .expect("dict");
    assert_eq!(
        root.get(b"Type").ok().and_then(name_of).as_deref(),
        Some("StructTreeRoot")
    );
    let k = match root.get(b"K").expect("/K") {
        Object::Array(a) => {
            assert_eq!(a.len(), 1, "one Document element");
            a[0].clone()
        }
        o => o.clone(),
    };
    let id = k.as_reference().expect("a reference");
    read_elem(doc, Some(id), doc.get_dictionary(id).expect("elem"), None)
}

/// Each page's MCID texts, by page id.
pub fn all_marks(doc: &lopdf::Document) -> BTreeMap<ObjectId, PageMarks> {
    doc.get_pages()
        .values()
        .map(|p| (*p, page_marks(doc, *p)))
        .collect()
}

/// The parent tree as a map from key to its value.
pub fn parent_tree(doc: &lopdf::Document) -> BTreeMap<i64, Object> {
    let root = deref(doc, doc.catalog().unwrap().get(b"StructTreeRoot").unwrap())
        .as_dict()
        .unwrap();
    let pt = deref(doc, root.get(b"ParentTree").expect("/ParentTree"))
        .as_dict()
        .unwrap();
    let nums = deref(doc, pt.get(b"Nums").expect("a flat number tree"))
        .as_array()
        .unwrap();
    nums.chunks(2)
        .map(|kv| (kv[0].as_i64().expect("key"), kv[1].clone()))
        .collect()
}
