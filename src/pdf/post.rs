//! lopdf post-processing: what printpdf 0.12 does not write.
//!
//! - page boxes as `[llx lly urx ury]` (printpdf writes `[x y w h]`), with
//!   TrimBox and BleedBox for print;
//! - image XObjects (JPEG passed through as DCT, PNG as Flate with an alpha
//!   soft mask), never re-encoded lossily;
//! - a nested outline from the headings (printpdf's is flat);
//! - `/Lang`, a complete Info dictionary and an XMP packet with escaped
//!   values, dated from `Meta.created`;
//! - a trailer `/ID` derived from the content, not a process-wide counter,
//!   so the same input gives the same bytes.

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

use super::draw::{image_resource, Anchor, Drawn, Sheet};
use super::images::ImageCache;
use crate::document::{Meta, RenderError, Theme};

pub(crate) fn failed(what: &str, e: impl std::fmt::Display) -> RenderError {
    RenderError::Failed(format!("PDF post-processing ({what}): {e}"))
}

/// A PDF text string: literal when ASCII, UTF-16BE with a BOM otherwise.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut v = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            v.extend_from_slice(&u.to_be_bytes());
        }
        Object::String(v, StringFormat::Hexadecimal)
    }
}

fn reals(v: [f32; 4]) -> Object {
    Object::Array(
        v.iter()
            .map(|x| Object::Real((x * 1000.0).round() / 1000.0))
            .collect(),
    )
}

/// Seconds since the epoch → (year, month, day, hour, minute, second), UTC.
fn civil(secs: i64) -> (i64, u32, u32, u32, u32, u32) {
    let c = crate::document::date::Civil::from_epoch(secs);
    (c.year, c.month, c.day, c.hour, c.minute, c.second)
}

fn pdf_date(secs: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(secs);
    format!("D:{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}Z")
}

fn iso_date(secs: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(secs);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// Escape for XML text content, dropping characters XML 1.0 forbids.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

const PRODUCER: &str = "careerpress (printpdf, lopdf)";

fn xmp(meta: &Meta, lang: &str, id: &str) -> String {
    let date = iso_date(meta.created);
    let keywords: String = meta
        .keywords
        .iter()
        .map(|k| format!("<rdf:li>{}</rdf:li>", xml(k)))
        .collect();
    format!(
        "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" \
xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n\
<dc:format>application/pdf</dc:format>\n\
<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>\n\
<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{subject}</rdf:li></rdf:Alt></dc:description>\n\
<dc:subject><rdf:Bag>{keywords}</rdf:Bag></dc:subject>\n\
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n\
<pdf:Keywords>{kw}</pdf:Keywords>\n\
<pdf:Producer>{producer}</pdf:Producer>\n\
<xmp:CreatorTool>careerpress</xmp:CreatorTool>\n\
<xmp:CreateDate>{date}</xmp:CreateDate>\n\
<xmp:ModifyDate>{date}</xmp:ModifyDate>\n\
<xmp:MetadataDate>{date}</xmp:MetadataDate>\n\
<xmpMM:DocumentID>uuid:{id}</xmpMM:DocumentID>\n\
<xmpMM:InstanceID>uuid:{id}</xmpMM:InstanceID>\n\
</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>",
        title = xml(&meta.title),
        author = xml(&meta.author),
        subject = xml(&meta.subject),
        lang = xml(lang),
        kw = xml(&meta.keywords.join(", ")),
        producer = xml(PRODUCER),
    )
}

/// The object id of the XObject dictionary the pages share.
fn xobject_dict_id(doc: &lopdf::Document, page: ObjectId) -> Result<ObjectId, RenderError> {
    let res = doc
        .get_dictionary(page)
        .and_then(|p| p.get(b"Resources"))
        .and_then(Object::as_reference)
        .map_err(|e| failed("resources", e))?;
    doc.get_dictionary(res)
        .and_then(|r| r.get(b"XObject"))
        .and_then(Object::as_reference)
        .map_err(|e| failed("xobjects", e))
}

/// Build a nested outline from headings (levels may skip; a deeper
/// heading nests under the nearest shallower one before it).
fn outline(
    doc: &mut lopdf::Document,
    anchors: &[Anchor],
    pages: &[ObjectId],
    root: ObjectId,
) -> bool {
    let anchors: Vec<&Anchor> = anchors
        .iter()
        .filter(|a| !a.title.trim().is_empty() && a.page < pages.len())
        .collect();
    if anchors.is_empty() {
        return false;
    }
    let ids: Vec<ObjectId> = anchors.iter().map(|_| doc.new_object_id()).collect();
    // parent index for each anchor (None = top level)
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(anchors.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, a) in anchors.iter().enumerate() {
        while stack.last().is_some_and(|&s| anchors[s].level >= a.level) {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    let children = |p: Option<usize>| -> Vec<usize> {
        (0..anchors.len()).filter(|&i| parent[i] == p).collect()
    };
    // descendants count (all open)
    let mut count = vec![0i64; anchors.len()];
    for i in (0..anchors.len()).rev() {
        if let Some(p) = parent[i] {
            count[p] += 1 + count[i];
        }
    }
    for (i, a) in anchors.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", text_string(a.title.trim()));
        d.set(
            "Parent",
            Object::Reference(parent[i].map_or(root, |p| ids[p])),
        );
        let siblings = children(parent[i]);
        let pos = siblings.iter().position(|&s| s == i).unwrap_or(0);
        if pos > 0 {
            d.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
        }
        if let Some(&n) = siblings.get(pos + 1) {
            d.set("Next", Object::Reference(ids[n]));
        }
        let kids = children(Some(i));
        if let (Some(&f), Some(&l)) = (kids.first(), kids.last()) {
            d.set("First", Object::Reference(ids[f]));
            d.set("Last", Object::Reference(ids[l]));
            d.set("Count", Object::Integer(count[i]));
        }
        d.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(pages[a.page]),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(a.y.round()),
                Object::Null,
            ]),
        );
        doc.objects.insert(ids[i], Object::Dictionary(d));
    }
    let top = children(None);
    let mut r = Dictionary::new();
    r.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(&f), Some(&l)) = (top.first(), top.last()) {
        r.set("First", Object::Reference(ids[f]));
        r.set("Last", Object::Reference(ids[l]));
    }
    r.set("Count", Object::Integer(anchors.len() as i64));
    doc.objects.insert(root, Object::Dictionary(r));
    true
}

/// Deflate every stream that may be compressed. lopdf's own `compress`
/// uses the slowest zlib level, a third of the time per leaflet; the
/// fastest level takes a tenth of that and makes a PALS leaflet 60 KB
/// instead of 45 KB, which no printer or mail server will notice.
fn compress(doc: &mut lopdf::Document) {
    for obj in doc.objects.values_mut() {
        let Object::Stream(stream) = obj else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        if let Some(z) = deflate(&stream.content) {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(z);
        }
    }
}

/// `data` deflated (zlib's fastest level), or `None` when that does not save space.
pub(crate) fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut enc = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(data.len() / 2),
        flate2::Compression::fast(),
    );
    enc.write_all(data).ok()?;
    let z = enc.finish().ok()?;
    (z.len() + 19 < data.len()).then_some(z)
}

/// Turn printpdf's document into the final bytes.
pub(crate) fn finish(
    drawn: Drawn,
    images: &ImageCache,
    sheet: &Sheet,
    meta: &Meta,
    theme: &Theme,
) -> Result<(Vec<u8>, Vec<String>), RenderError> {
    let mut warnings = Vec::new();
    let opts = printpdf::PdfSaveOptions {
        optimize: false,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut pp_warnings = Vec::new();
    let mut doc = drawn.pdf.to_lopdf_document(&opts, &mut pp_warnings);
    for w in pp_warnings {
        if w.severity == printpdf::PdfParseErrorSeverity::Error {
            warnings.push(format!("PDF writer: {}", w.msg));
        }
    }
    doc.version = "1.7".into();

    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    if pages.is_empty() {
        return Err(failed("pages", "the document has no pages"));
    }

    // Page boxes.
    let (o, w, h, b) = (sheet.off, sheet.trim_w, sheet.trim_h, sheet.bleed);
    for p in &pages {
        let d = doc.get_dictionary_mut(*p).map_err(|e| failed("page", e))?;
        let media = reals([0.0, 0.0, sheet.media_w, sheet.media_h]);
        d.set("MediaBox", media.clone());
        d.set("CropBox", media);
        d.set("TrimBox", reals([o, o, o + w, o + h]));
        if b > 0.0 || o > 0.0 {
            d.set("BleedBox", reals([o - b, o - b, o + w + b, o + h + b]));
        }
        if d.get(b"Annots")
            .and_then(Object::as_array)
            .is_ok_and(|a| a.is_empty())
        {
            d.remove(b"Annots");
        }
    }

    // Images.
    if !drawn.images.is_empty() {
        let xdict = xobject_dict_id(&doc, pages[0])?;
        for (i, name) in drawn.images.iter().enumerate() {
            let Some(asset) = theme.images.get(name) else {
                continue;
            };
            let prepared = images.get(name, asset)?;
            let id = prepared.add_to(&mut doc);
            doc.get_dictionary_mut(xdict)
                .map_err(|e| failed("xobjects", e))?
                .set(image_resource(i), Object::Reference(id));
        }
    }

    // A content-derived document id.
    let mut hasher = Sha256::new();
    for s in [
        &meta.title,
        &meta.author,
        &meta.subject,
        &meta.language,
        &meta.source,
    ] {
        hasher.update(s.as_bytes());
        hasher.update([0]);
    }
    hasher.update(meta.created.to_be_bytes());
    for p in &pages {
        hasher.update(doc.get_page_content(*p));
    }
    let digest = hasher.finalize();
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    let uuid = format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    );
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(digest[..16].to_vec(), StringFormat::Hexadecimal),
            Object::String(digest[..16].to_vec(), StringFormat::Hexadecimal),
        ]),
    );

    // Info.
    let lang = if meta.language.trim().is_empty() {
        "en-GB".to_string()
    } else {
        meta.language.trim().to_string()
    };
    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    info.set("Author", text_string(&meta.author));
    info.set("Subject", text_string(&meta.subject));
    info.set("Keywords", text_string(&meta.keywords.join(", ")));
    info.set("Creator", text_string("careerpress"));
    info.set("Producer", text_string(PRODUCER));
    let date = Object::String(pdf_date(meta.created).into_bytes(), StringFormat::Literal);
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    let info_id = doc.add_object(info);
    if let Ok(old) = doc.trailer.get(b"Info").and_then(Object::as_reference) {
        doc.objects.remove(&old);
    }
    doc.trailer.set("Info", Object::Reference(info_id));

    // XMP, uncompressed so any tool can read it.
    let mut md = Dictionary::new();
    md.set("Type", Object::Name(b"Metadata".to_vec()));
    md.set("Subtype", Object::Name(b"XML".to_vec()));
    let xmp_id = doc
        .add_object(Stream::new(md, xmp(meta, &lang, &uuid).into_bytes()).with_compression(false));

    // Outline.
    let outline_root = doc.new_object_id();
    let has_outline = outline(&mut doc, &drawn.anchors, &pages, outline_root);

    let catalog = doc.catalog_mut().map_err(|e| failed("catalog", e))?;
    catalog.set("Lang", text_string(&lang));
    catalog.set("Metadata", Object::Reference(xmp_id));
    let mut vp = Dictionary::new();
    vp.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(vp));
    if has_outline {
        catalog.set("Outlines", Object::Reference(outline_root));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    } else {
        catalog.remove(b"Outlines");
        catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
    }

    compress(&mut doc);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).map_err(|e| failed("save", e))?;
    Ok((bytes, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_civil() {
        assert_eq!(pdf_date(0), "D:19700101000000Z");
        assert_eq!(iso_date(1_709_251_199), "2024-02-29T23:59:59Z");
        assert_eq!(iso_date(-1), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn xml_is_escaped() {
        assert_eq!(
            xml("A & B <c> \"d\" 'e'\u{1}"),
            "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;"
        );
    }

    #[test]
    fn text_strings_are_utf16_when_needed() {
        assert!(matches!(
            text_string("abc"),
            Object::String(_, StringFormat::Literal)
        ));
        match text_string("ŵ") {
            Object::String(v, _) => assert_eq!(v, vec![0xFE, 0xFF, 0x01, 0x75]),
            _ => panic!("not a string"),
        }
    }
}
