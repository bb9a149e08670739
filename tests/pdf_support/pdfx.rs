//! A PDF/X-4 check of our own, on lopdf alone (nothing of careerpress):
//! what a print shop's preflight looks at first, rule by rule. Used by
//! tests/pdf_print.rs and, as `cargo run --example pdfx-check -- FILE…`,
//! by CI on every print file a build makes.
//!
//! [`check`] returns one line per rule with what it found, and whether it
//! holds; [`problems`] only those that do not.
#![allow(dead_code)]

use lopdf::{Dictionary, Object, ObjectId};

/// One rule and what the file does about it.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static str,
    pub ok: bool,
    pub detail: String,
}

/// The rules that do not hold in `bytes`, as "rule: detail" lines.
pub fn problems(bytes: &[u8]) -> Vec<String> {
    check(bytes)
        .into_iter()
        .filter(|f| !f.ok)
        .map(|f| format!("{}: {}", f.rule, f.detail))
        .collect()
}

fn deref<'a>(doc: &'a lopdf::Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        o => o,
    }
}

fn dict<'a>(doc: &'a lopdf::Document, o: &'a Object) -> Option<&'a Dictionary> {
    match deref(doc, o) {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

fn text(doc: &lopdf::Document, d: &Dictionary, key: &[u8]) -> Option<String> {
    match deref(doc, d.get(key).ok()?) {
        Object::String(b, _) => Some(decode_text(b)),
        _ => None,
    }
}

/// A PDF text string: UTF-16BE with a BOM, else (for what we write) ASCII.
pub fn decode_text(b: &[u8]) -> String {
    if b.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = b[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        b.iter().map(|&c| c as char).collect()
    }
}

fn name_of(doc: &lopdf::Document, d: &Dictionary, key: &[u8]) -> Option<String> {
    match deref(doc, d.get(key).ok()?) {
        Object::Name(n) => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    }
}

fn rect(doc: &lopdf::Document, d: &Dictionary, key: &[u8]) -> Option<[f32; 4]> {
    let Object::Array(a) = deref(doc, d.get(key).ok()?) else {
        return None;
    };
    let v: Vec<f32> = a
        .iter()
        .filter_map(|o| match deref(doc, o) {
            Object::Integer(i) => Some(*i as f32),
            Object::Real(r) => Some(*r),
            _ => None,
        })
        .collect();
    (v.len() == 4).then(|| {
        [
            v[0].min(v[2]),
            v[1].min(v[3]),
            v[0].max(v[2]),
            v[1].max(v[3]),
        ]
    })
}

fn inside(inner: [f32; 4], outer: [f32; 4]) -> bool {
    const E: f32 = 0.01;
    inner[0] >= outer[0] - E
        && inner[1] >= outer[1] - E
        && inner[2] <= outer[2] + E
        && inner[3] <= outer[3] + E
}

/// The value of one simple XMP property (`<prefix:name>value</…>`, or the
/// first `rdf:li` inside it).
pub fn xmp_value(xmp: &str, prop: &str) -> Option<String> {
    let open = format!("<{prop}");
    let start = xmp.find(&open)? + open.len();
    let rest = &xmp[start..];
    let rest = &rest[rest.find('>')? + 1..];
    let end = rest.find(&format!("</{prop}>"))?;
    let body = &rest[..end];
    let body = match body.find("<rdf:li") {
        Some(li) => {
            let b = &body[li..];
            let b = &b[b.find('>')? + 1..];
            &b[..b.find("</rdf:li>")?]
        }
        None => body,
    };
    Some(
        body.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

/// `D:YYYYMMDDHHmmSSZ` (or with an offset) as `YYYY-MM-DDTHH:mm:SS`.
fn info_date_as_xmp(d: &str) -> Option<String> {
    let d = d.strip_prefix("D:")?;
    if d.len() < 14 {
        return None;
    }
    Some(format!(
        "{}-{}-{}T{}:{}:{}",
        &d[0..4],
        &d[4..6],
        &d[6..8],
        &d[8..10],
        &d[10..12],
        &d[12..14]
    ))
}

/// Every rule, with what the file does about it.
pub fn check(bytes: &[u8]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut rule =
        |rule: &'static str, ok: bool, detail: String| out.push(Finding { rule, ok, detail });
    let doc = match lopdf::Document::load_mem(bytes) {
        Ok(d) => d,
        Err(e) => {
            rule(
                "readable",
                false,
                format!("lopdf cannot read the file: {e}"),
            );
            return out;
        }
    };

    // PDF 1.6.
    let header = String::from_utf8_lossy(&bytes[..bytes.len().min(8)]).into_owned();
    let catalog = doc.catalog().ok();
    let cat_version = catalog.and_then(|c| name_of(&doc, c, b"Version"));
    rule(
        "PDF version 1.6 (or lower)",
        matches!(
            header.as_str(),
            "%PDF-1.3" | "%PDF-1.4" | "%PDF-1.5" | "%PDF-1.6"
        ) && cat_version.as_deref().is_none_or(|v| v <= "1.6"),
        format!("header {header:?}, catalog /Version {cat_version:?}"),
    );

    // Not encrypted; a document id.
    rule(
        "not encrypted",
        doc.trailer.get(b"Encrypt").is_err(),
        "no /Encrypt in the trailer".into(),
    );
    let id_ok = matches!(doc.trailer.get(b"ID"), Ok(Object::Array(a))
        if a.len() == 2 && a.iter().all(|o| matches!(o, Object::String(s, _) if !s.is_empty())));
    rule(
        "document ID",
        id_ok,
        "trailer /ID is an array of two non-empty strings".into(),
    );

    // Info.
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| dict(&doc, o))
        .cloned()
        .unwrap_or_default();
    let pdfx = text(&doc, &info, b"GTS_PDFXVersion");
    rule(
        "Info GTS_PDFXVersion (PDF/X-4)",
        pdfx.as_deref() == Some("PDF/X-4"),
        format!("{pdfx:?}"),
    );
    let trapped = name_of(&doc, &info, b"Trapped");
    rule(
        "Info Trapped is True or False",
        matches!(trapped.as_deref(), Some("True" | "False")),
        format!("{trapped:?}"),
    );
    let title = text(&doc, &info, b"Title").unwrap_or_default();
    rule("Info Title", !title.trim().is_empty(), format!("{title:?}"));
    let created = text(&doc, &info, b"CreationDate");
    let modified = text(&doc, &info, b"ModDate");
    rule(
        "Info CreationDate and ModDate",
        created.is_some() && modified.is_some(),
        format!("{created:?}, {modified:?}"),
    );

    // XMP, and that it says what Info says.
    let xmp = catalog
        .and_then(|c| c.get(b"Metadata").ok())
        .and_then(|o| match deref(&doc, o) {
            Object::Stream(s) => {
                let raw = s
                    .decompressed_content()
                    .unwrap_or_else(|_| s.content.clone());
                Some(String::from_utf8_lossy(&raw).into_owned())
            }
            _ => None,
        })
        .unwrap_or_default();
    rule(
        "XMP metadata stream",
        !xmp.is_empty(),
        format!("{} bytes", xmp.len()),
    );
    let v = |p: &str| xmp_value(&xmp, p);
    rule(
        "XMP pdfxid:GTS_PDFXVersion (PDF/X-4)",
        v("pdfxid:GTS_PDFXVersion").as_deref() == Some("PDF/X-4"),
        format!("{:?}", v("pdfxid:GTS_PDFXVersion")),
    );
    rule(
        "XMP pdf:Trapped matches Info",
        v("pdf:Trapped") == trapped,
        format!("XMP {:?}, Info {trapped:?}", v("pdf:Trapped")),
    );
    rule(
        "XMP dc:title (first alternative) matches Info Title",
        v("dc:title").as_deref() == Some(title.as_str()),
        format!("XMP {:?}, Info {title:?}", v("dc:title")),
    );
    let xmp_date = |p: &str| v(p).map(|d| d.chars().take(19).collect::<String>());
    rule(
        "XMP xmp:CreateDate matches Info CreationDate",
        xmp_date("xmp:CreateDate").is_some()
            && xmp_date("xmp:CreateDate") == created.as_deref().and_then(info_date_as_xmp),
        format!("XMP {:?}, Info {created:?}", v("xmp:CreateDate")),
    );
    rule(
        "XMP xmp:ModifyDate matches Info ModDate",
        xmp_date("xmp:ModifyDate").is_some()
            && xmp_date("xmp:ModifyDate") == modified.as_deref().and_then(info_date_as_xmp),
        format!("XMP {:?}, Info {modified:?}", v("xmp:ModifyDate")),
    );
    let producer = text(&doc, &info, b"Producer");
    rule(
        "XMP pdf:Producer matches Info Producer",
        v("pdf:Producer") == producer,
        format!("XMP {:?}, Info {producer:?}", v("pdf:Producer")),
    );
    for p in [
        "xmpMM:DocumentID",
        "xmpMM:VersionID",
        "xmpMM:RenditionClass",
    ] {
        rule(
            "XMP xmpMM identification",
            v(p).is_some(),
            format!("{p}: {:?}", v(p)),
        );
    }

    // The output intent and its profile.
    let intents: Vec<&Dictionary> = catalog
        .and_then(|c| c.get(b"OutputIntents").ok())
        .and_then(|o| match deref(&doc, o) {
            Object::Array(a) => Some(a.iter().filter_map(|i| dict(&doc, i)).collect()),
            _ => None,
        })
        .unwrap_or_default();
    let gts: Vec<&&Dictionary> = intents
        .iter()
        .filter(|d| name_of(&doc, d, b"S").as_deref() == Some("GTS_PDFX"))
        .collect();
    rule(
        "one GTS_PDFX output intent",
        gts.len() == 1,
        format!("{} output intents, {} GTS_PDFX", intents.len(), gts.len()),
    );
    if let Some(intent) = gts.first() {
        let id = text(&doc, intent, b"OutputConditionIdentifier");
        rule(
            "OutputConditionIdentifier",
            id.as_deref().is_some_and(|s| !s.is_empty()),
            format!("{id:?}"),
        );
        let profile = intent
            .get(b"DestOutputProfile")
            .ok()
            .map(|o| deref(&doc, o));
        let (n, header) = match profile {
            Some(Object::Stream(s)) => (
                s.dict.get(b"N").and_then(Object::as_i64).ok(),
                s.decompressed_content()
                    .unwrap_or_else(|_| s.content.clone()),
            ),
            _ => (None, Vec::new()),
        };
        let icc_ok = header.len() > 40
            && &header[12..16] == b"prtr"
            && &header[16..20] == b"CMYK"
            && &header[36..40] == b"acsp";
        rule(
            "embedded ICC output profile (CMYK, printer class)",
            n == Some(4) && icc_ok,
            format!("/N {n:?}, {} bytes", header.len()),
        );
    }

    // Pages: boxes, no annotations, transparency groups.
    let transparency = has_transparency(&doc);
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    rule("pages", !pages.is_empty(), format!("{} pages", pages.len()));
    for (i, p) in pages.iter().enumerate() {
        let Ok(d) = doc.get_dictionary(*p) else {
            continue;
        };
        let media = rect(&doc, d, b"MediaBox");
        let bleed = rect(&doc, d, b"BleedBox");
        let trim = rect(&doc, d, b"TrimBox");
        let boxes_ok = match (media, bleed, trim) {
            (Some(m), Some(b), Some(t)) => inside(t, b) && inside(b, m),
            _ => false,
        };
        rule(
            "TrimBox inside BleedBox inside MediaBox",
            boxes_ok,
            format!(
                "page {}: media {media:?}, bleed {bleed:?}, trim {trim:?}",
                i + 1
            ),
        );
        rule(
            "no ArtBox beside the TrimBox",
            d.get(b"ArtBox").is_err(),
            format!("page {}", i + 1),
        );
        let annots = match d.get(b"Annots").map(|o| deref(&doc, o)) {
            Ok(Object::Array(a)) => a.len(),
            Ok(_) => 1,
            Err(_) => 0,
        };
        rule(
            "no annotations",
            annots == 0,
            format!("page {}: {annots} annotations", i + 1),
        );
        if transparency {
            let cs = d
                .get(b"Group")
                .ok()
                .and_then(|g| dict(&doc, g))
                .and_then(|g| name_of(&doc, g, b"CS"));
            rule(
                "transparency blends in CMYK (page group /CS)",
                cs.as_deref() == Some("DeviceCMYK"),
                format!("page {}: group colour space {cs:?}", i + 1),
            );
        }
        let ops = colour_ops(&doc, *p);
        rule(
            "content paints only in CMYK or grey",
            ops.is_empty(),
            format!("page {}: {}", i + 1, ops.join(", ")),
        );
    }

    // Every font embedded.
    let mut unembedded = Vec::new();
    let mut fonts = 0;
    for o in doc.objects.values() {
        let Some(d) = dict(&doc, o) else { continue };
        if name_of(&doc, d, b"Type").as_deref() != Some("FontDescriptor") {
            continue;
        }
        fonts += 1;
        if !(d.has(b"FontFile") || d.has(b"FontFile2") || d.has(b"FontFile3")) {
            unembedded.push(name_of(&doc, d, b"FontName").unwrap_or_default());
        }
    }
    rule(
        "every font embedded",
        fonts > 0 && unembedded.is_empty(),
        format!("{fonts} font descriptors; not embedded: {unembedded:?}"),
    );

    // Colour spaces anywhere in the file: device CMYK or grey only.
    let mut spaces = Vec::new();
    for (id, o) in &doc.objects {
        let Some(d) = dict(&doc, o) else { continue };
        for key in [b"ColorSpace".as_slice(), b"CS"] {
            if let Ok(cs) = d.get(key) {
                walk_spaces(&doc, cs, &mut |s| {
                    if !matches!(s, "DeviceCMYK" | "DeviceGray" | "Pattern") {
                        spaces.push(format!("{s} in object {} {}", id.0, id.1));
                    }
                });
            }
        }
    }
    let rgb_anywhere = doc.objects.values().any(mentions_rgb);
    rule(
        "only DeviceCMYK and DeviceGray colour spaces (images included)",
        spaces.is_empty() && !rgb_anywhere,
        if spaces.is_empty() && rgb_anywhere {
            "a DeviceRGB or three-component ICC space is named".into()
        } else {
            spaces.join(", ")
        },
    );

    // No actions or JavaScript.
    let actions = doc.objects.values().any(|o| {
        dict(&doc, o).is_some_and(|d| {
            d.has(b"JavaScript")
                || d.has(b"AA")
                || d.has(b"OpenAction")
                || name_of(&doc, d, b"S").as_deref() == Some("JavaScript")
        })
    });
    rule(
        "no actions or JavaScript",
        !actions,
        "no /JavaScript, /AA or /OpenAction".into(),
    );
    out
}

/// Colour spaces named by `o` (a name, an array such as `[/ICCBased …]`,
/// or a dictionary of named spaces in a resource dictionary).
fn walk_spaces(doc: &lopdf::Document, o: &Object, f: &mut dyn FnMut(&str)) {
    match deref(doc, o) {
        Object::Name(n) => f(&String::from_utf8_lossy(n)),
        Object::Array(a) => {
            if let Some(Object::Name(n)) = a.first() {
                let family = String::from_utf8_lossy(n).into_owned();
                if family == "ICCBased" {
                    let n = a
                        .get(1)
                        .and_then(|s| dict(doc, s))
                        .and_then(|s| s.get(b"N").and_then(Object::as_i64).ok());
                    f(match n {
                        Some(1) => "DeviceGray",
                        Some(4) => "DeviceCMYK",
                        _ => "ICCBased (not grey or CMYK)",
                    });
                } else {
                    f(&family);
                }
            }
        }
        Object::Dictionary(d) => {
            for (_, v) in d.iter() {
                walk_spaces(doc, v, f);
            }
        }
        _ => {}
    }
}

fn mentions_rgb(o: &Object) -> bool {
    match o {
        Object::Name(n) => n == b"DeviceRGB" || n == b"CalRGB",
        Object::Array(a) => a.iter().any(mentions_rgb),
        Object::Dictionary(d) => d.iter().any(|(_, v)| mentions_rgb(v)),
        Object::Stream(s) => s.dict.iter().any(|(_, v)| mentions_rgb(v)),
        _ => false,
    }
}

/// Whether anything in the file is transparent: a soft-masked image or a
/// graphics state with a constant alpha below 1.
pub fn has_transparency(doc: &lopdf::Document) -> bool {
    fn in_dict(d: &Dictionary) -> bool {
        let below = |k: &[u8]| {
            d.get(k)
                .ok()
                .and_then(|o| match o {
                    Object::Real(r) => Some(*r),
                    Object::Integer(i) => Some(*i as f32),
                    _ => None,
                })
                .is_some_and(|v| v < 1.0)
        };
        matches!(
            d.get(b"SMask"),
            Ok(Object::Reference(_) | Object::Dictionary(_))
        ) || below(b"ca")
            || below(b"CA")
            || d.iter().any(|(_, v)| in_obj(v))
    }
    fn in_obj(o: &Object) -> bool {
        match o {
            Object::Dictionary(d) => in_dict(d),
            Object::Stream(s) => in_dict(&s.dict),
            Object::Array(a) => a.iter().any(in_obj),
            _ => false,
        }
    }
    doc.objects.values().any(in_obj)
}

/// Colour operators on a page that are not CMYK or grey (`rg`, `RG`, or
/// `sc`/`scn` with three operands, or a `cs`/`CS` to another space).
fn colour_ops(doc: &lopdf::Document, page: ObjectId) -> Vec<String> {
    let Ok(content) = doc.get_and_decode_page_content(page) else {
        return vec!["content cannot be decoded".into()];
    };
    let mut bad = Vec::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "rg" | "RG" => bad.push(op.operator.clone()),
            "sc" | "scn" | "SC" | "SCN" if op.operands.len() == 3 => bad.push(op.operator.clone()),
            "cs" | "CS" => {
                if let Some(Object::Name(n)) = op.operands.first() {
                    if !matches!(n.as_slice(), b"DeviceCMYK" | b"DeviceGray") {
                        bad.push(format!("{} /{}", op.operator, String::from_utf8_lossy(n)));
                    }
                }
            }
            _ => {}
        }
    }
    bad.sort();
    bad.dedup();
    bad
}
