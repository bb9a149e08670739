//! A small reader for what a PDF holds, as a viewer or an auditor's tool
//! reads it: glyphs placed through their fonts' widths and ToUnicode maps,
//! and the text of a page or a document. Shared by the PDF tests and by
//! tests/common (which reads every format back).
#![allow(dead_code)]

use std::collections::HashMap;

use lopdf::{Object, ObjectId};

pub fn load(bytes: &[u8]) -> lopdf::Document {
    lopdf::Document::load_mem(bytes).expect("lopdf reads the PDF back")
}

// ------------------------------------------------- a tiny text interpreter

/// A glyph as a viewer would place it.
#[derive(Debug, Clone)]
pub struct Placed {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
}

pub struct FontInfo {
    pub widths: HashMap<u16, f32>,
    pub to_unicode: HashMap<u16, String>,
}

pub fn deref<'a>(doc: &'a lopdf::Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).expect("reference resolves"),
        o => o,
    }
}

pub fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => panic!("not a number: {o:?}"),
    }
}

pub fn font_info(doc: &lopdf::Document, font: &lopdf::Dictionary) -> FontInfo {
    let desc = deref(doc, font.get(b"DescendantFonts").expect("Type0"))
        .as_array()
        .expect("array");
    let cid = deref(doc, &desc[0]).as_dict().expect("CIDFont");
    let w = deref(doc, cid.get(b"W").expect("/W"))
        .as_array()
        .expect("W array");
    let mut widths = HashMap::new();
    let mut i = 0;
    while i < w.len() {
        let first = num(&w[i]) as u16;
        match &w[i + 1] {
            Object::Array(ws) => {
                for (k, v) in ws.iter().enumerate() {
                    widths.insert(first + k as u16, num(v));
                }
                i += 2;
            }
            last => {
                let last = num(last) as u16;
                let v = num(&w[i + 2]);
                for c in first..=last {
                    widths.insert(c, v);
                }
                i += 3;
            }
        }
    }
    let tu = deref(doc, font.get(b"ToUnicode").expect("ToUnicode"))
        .as_stream()
        .expect("stream");
    let cmap = String::from_utf8_lossy(&tu.decompressed_content().unwrap_or(tu.content.clone()))
        .to_string();
    let mut to_unicode = HashMap::new();
    let mut in_bf = false;
    for line in cmap.lines() {
        if line.ends_with("beginbfchar") {
            in_bf = true;
        } else if line == "endbfchar" {
            in_bf = false;
        } else if in_bf {
            let parts: Vec<&str> = line
                .split(['<', '>', ' '])
                .filter(|s| !s.is_empty())
                .collect();
            if parts.len() == 2 {
                let code = u16::from_str_radix(parts[0], 16).expect("hex");
                let units: Vec<u16> = (0..parts[1].len() / 4)
                    .map(|k| u16::from_str_radix(&parts[1][k * 4..k * 4 + 4], 16).expect("hex"))
                    .collect();
                to_unicode.insert(code, String::from_utf16_lossy(&units));
            }
        }
    }
    FontInfo { widths, to_unicode }
}

/// A page's fonts (by resource name) and its decoded content stream.
pub fn fonts_and_content(
    doc: &lopdf::Document,
    page: ObjectId,
) -> (HashMap<Vec<u8>, FontInfo>, lopdf::content::Content) {
    let fonts = doc.get_page_fonts(page).expect("fonts");
    let infos = fonts
        .iter()
        .map(|(name, d)| (name.clone(), font_info(doc, d)))
        .collect();
    let content =
        lopdf::content::Content::decode(&doc.get_page_content(page)).expect("content decodes");
    (infos, content)
}

/// Every glyph drawn on a page, in content-stream order.
pub fn glyphs(doc: &lopdf::Document, page: ObjectId) -> Vec<Placed> {
    let (infos, content) = fonts_and_content(doc, page);
    let mut out = Vec::new();
    let mut font: Option<&FontInfo> = None;
    let mut size = 0.0;
    let (mut x, mut y) = (0.0f32, 0.0f32);
    for op in &content.operations {
        match op.operator.as_str() {
            "Tf" => {
                font = op.operands[0].as_name().ok().and_then(|n| infos.get(n));
                size = num(&op.operands[1]);
            }
            "Tm" => {
                x = num(&op.operands[4]);
                y = num(&op.operands[5]);
            }
            "TJ" | "Tj" => {
                let f = font.expect("font set before text");
                let items = match &op.operands[0] {
                    Object::Array(a) => a.clone(),
                    o => vec![o.clone()],
                };
                for it in items {
                    match it {
                        Object::String(bytes, _) => {
                            for c in bytes.chunks(2) {
                                let code = u16::from_be_bytes([c[0], c[1]]);
                                let w =
                                    f.widths.get(&code).copied().unwrap_or(1000.0) * size / 1000.0;
                                out.push(Placed {
                                    text: f.to_unicode.get(&code).cloned().unwrap_or_default(),
                                    x0: x,
                                    x1: x + w,
                                    y,
                                });
                                x += w;
                            }
                        }
                        o => x -= num(&o) * size / 1000.0,
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The text of a page: glyph text in stream order, a newline per baseline.
pub fn page_text(doc: &lopdf::Document, page: ObjectId) -> String {
    let mut s = String::new();
    let mut last: Option<(f32, f32)> = None;
    for g in glyphs(doc, page) {
        if let Some((ly, lx)) = last {
            if (ly - g.y).abs() > 0.5 {
                s.push('\n');
            } else if g.x0 > lx + 0.5 && !s.ends_with(' ') {
                s.push(' ');
            }
        }
        s.push_str(&g.text);
        last = Some((g.y, g.x1));
    }
    s
}

pub fn all_text(doc: &lopdf::Document) -> String {
    doc.get_pages()
        .values()
        .map(|p| page_text(doc, *p))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
