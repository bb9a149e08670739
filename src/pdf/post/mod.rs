//! lopdf post-processing: what printpdf 0.12 does not write.
//!
//! - page boxes as `[llx lly urx ury]` (printpdf writes `[x y w h]`), with
//!   TrimBox and BleedBox for print;
//! - image XObjects (JPEG passed through as DCT, PNG as Flate with an alpha
//!   soft mask), never re-encoded lossily, prepared once per writer
//!   ([`images`]);
//! - a nested outline from the headings (printpdf's is flat);
//! - `/Lang`, a complete Info dictionary and an XMP packet with escaped
//!   values, dated from `Meta.created` ([`meta`]);
//! - the structure tree, parent tree and tagged annotations ([`tagging`]);
//! - in the press file, what makes it PDF/X-4 ([`pdfx`]): the output
//!   intent with its ICC profile, the PDF/X keys, CMYK blending;
//! - a trailer `/ID` derived from the content, not a process-wide counter,
//!   so the same input gives the same bytes.

mod headers;
pub(super) mod images;
mod meta;
mod outline;
mod pdfx;
mod tagging;

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

use super::colour::Paint;
use super::deflate::compress_stream;
use super::draw::{image_resource, Drawn, Sheet};
use super::tags::Tree;
use crate::document::{Meta, RenderError, Theme};
use images::{ImageCache, Separation};

pub(crate) fn failed(what: &str, e: impl std::fmt::Display) -> RenderError {
    RenderError::Failed(format!("PDF post-processing ({what}): {e}"))
}

/// A PDF text string: literal when ASCII, UTF-16BE with a BOM otherwise.
pub(super) fn text_string(s: &str) -> Object {
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

/// The object id of one of the resource dictionaries the pages share
/// (`XObject`, `Font`).
fn page_resource_id(
    doc: &lopdf::Document,
    page: ObjectId,
    kind: &[u8],
) -> Result<ObjectId, RenderError> {
    let res = doc
        .get_dictionary(page)
        .and_then(|p| p.get(b"Resources"))
        .and_then(Object::as_reference)
        .map_err(|e| failed("resources", e))?;
    doc.get_dictionary(res)
        .and_then(|r| r.get(kind))
        .and_then(Object::as_reference)
        .map_err(|e| failed("resources", e))
}

/// Deflate every stream that may be compressed ([`compress_stream`]).
fn compress(doc: &mut lopdf::Document) {
    for obj in doc.objects.values_mut() {
        if let Object::Stream(stream) = obj {
            compress_stream(stream);
        }
    }
}

/// How the press file separates the logo: the brand's colours that have
/// CMYK values.
fn separation(theme: &Theme) -> Separation {
    let inks = [theme.primary, theme.secondary, theme.shade, theme.text]
        .into_iter()
        .filter_map(|c| {
            let p = Paint::from_colour(c);
            p.cmyk.map(|k| (p.rgb, k))
        })
        .collect();
    Separation { inks }
}

/// Turn printpdf's document into the final bytes.
pub(crate) fn finish(
    drawn: Drawn,
    tree: &Tree,
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
    doc.version = if sheet.press { pdfx::VERSION } else { "1.7" }.into();

    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    if pages.is_empty() {
        return Err(failed("pages", "the document has no pages"));
    }

    // Each page's content, as drawing wrote it, and the fonts it uses.
    for (p, content) in pages.iter().zip(drawn.contents) {
        let id = doc
            .get_dictionary(*p)
            .and_then(|d| d.get(b"Contents"))
            .and_then(Object::as_reference)
            .map_err(|e| failed("page content", e))?;
        doc.objects
            .insert(id, Object::Stream(Stream::new(Dictionary::new(), content)));
    }
    if !drawn.fonts.is_empty() {
        let fonts_id = page_resource_id(&doc, pages[0], b"Font")?;
        let mut refs = Vec::with_capacity(drawn.fonts.len());
        for (tag, subset) in &drawn.fonts {
            refs.push((tag, subset.add_to(&mut doc)));
            warnings.extend(subset.warnings.iter().cloned());
        }
        let dict = doc
            .get_dictionary_mut(fonts_id)
            .map_err(|e| failed("fonts", e))?;
        for (tag, id) in refs {
            dict.set(tag.as_bytes(), Object::Reference(id));
        }
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
        let sep = sheet.press.then(|| separation(theme));
        let xdict = page_resource_id(&doc, pages[0], b"XObject")?;
        for (i, name) in drawn.images.iter().enumerate() {
            let Some(asset) = theme.images.get(name) else {
                continue;
            };
            let prepared = images.get(name, asset, sep.as_ref())?;
            let id = prepared.add_to(&mut doc);
            doc.get_dictionary_mut(xdict)
                .map_err(|e| failed("xobjects", e))?
                .set(image_resource(i), Object::Reference(id));
        }
    }

    // Structure tree, parent tree, tagged annotations.
    let struct_root = tagging::write(&mut doc, tree, &drawn.marked, &pages, sheet.press)?;

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
    hasher.update([u8::from(sheet.press)]);
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
        crate::document::regional(&meta.language)
    };
    let mut info = meta::info(meta);
    if sheet.press {
        pdfx::info(&mut info);
        pdfx::blend_in_cmyk(&mut doc, &pages);
    }
    let info_id = doc.add_object(info);
    if let Ok(old) = doc.trailer.get(b"Info").and_then(Object::as_reference) {
        doc.objects.remove(&old);
    }
    doc.trailer.set("Info", Object::Reference(info_id));

    // XMP, uncompressed so any tool can read it.
    let mut md = Dictionary::new();
    md.set("Type", Object::Name(b"Metadata".to_vec()));
    md.set("Subtype", Object::Name(b"XML".to_vec()));
    let packet = meta::xmp(meta, &lang, &uuid, sheet.press).into_bytes();
    let xmp_id = doc.add_object(Stream::new(md, packet).with_compression(false));

    // Outline.
    let outline_root = doc.new_object_id();
    let has_outline = outline::outline(&mut doc, &drawn.anchors, &pages, outline_root);

    let intent = sheet.press.then(|| pdfx::output_intent(&mut doc));
    let catalog = doc.catalog_mut().map_err(|e| failed("catalog", e))?;
    catalog.set("Lang", text_string(&lang));
    catalog.set("Metadata", Object::Reference(xmp_id));
    let mut vp = Dictionary::new();
    vp.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(vp));
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark_info));
    catalog.set("StructTreeRoot", Object::Reference(struct_root));
    if let Some(intent) = intent {
        catalog.set(
            "OutputIntents",
            Object::Array(vec![Object::Reference(intent)]),
        );
    }
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
