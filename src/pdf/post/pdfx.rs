//! What makes the press file PDF/X-4 (ISO 15930-7:2010), beyond what the
//! rest of post-processing writes for both files:
//!
//! - the output intent (`GTS_PDFX`) naming the printing condition, coated
//!   offset FOGRA39, with its ICC profile embedded (`DestOutputProfile`,
//!   the bytes of `assets/print/`, deflated once per process);
//! - `GTS_PDFXVersion` and `Trapped` in Info (the XMP says the same,
//!   [`super::meta`]);
//! - a transparency group blending in CMYK on every page that has
//!   transparency (the logo's soft mask, a draft's see-through stamp), so
//!   what is blended is blended in the inks it prints in.
//!
//! The rest of PDF/X-4 holds by construction and is asserted by
//! `tests/pdf_print.rs`: PDF 1.6, TrimBox inside BleedBox inside MediaBox
//! on every page, no annotations (links are the screen file's), every font
//! embedded, only DeviceCMYK and DeviceGray colour (the logo separated to
//! CMYK), a document id, no encryption, actions or JavaScript.

use std::sync::OnceLock;

use lopdf::{Dictionary, Object, ObjectId, Stream};

use super::text_string;
use crate::pdf::deflate::deflate;

/// The PDF version PDF/X-4 is based on.
pub(super) const VERSION: &str = "1.6";

/// What Info's `GTS_PDFXVersion` and XMP's `pdfxid:GTS_PDFXVersion` say.
pub(crate) const PDFX_VERSION: &str = "PDF/X-4";

/// The printing condition's registered name (the ICC's registry of
/// characterisations, <http://www.color.org>).
pub(crate) const CONDITION: &str = "FOGRA39";

/// The ICC output profile for [`CONDITION`] (see `assets/print/README.md`).
static PROFILE: &[u8] = include_bytes!("../../../assets/print/FOGRA39L-careerpress.icc");

/// The profile deflated, made once: every print file of a build embeds it.
fn deflated_profile() -> &'static Option<Vec<u8>> {
    static Z: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    Z.get_or_init(|| deflate(PROFILE))
}

/// The ICC profile stream (four components, CMYK).
fn profile_stream() -> Stream {
    let mut d = Dictionary::new();
    d.set("N", Object::Integer(4));
    d.set("Alternate", Object::Name(b"DeviceCMYK".to_vec()));
    match deflated_profile() {
        Some(z) => {
            d.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            Stream::new(d, z.clone()).with_compression(false)
        }
        None => Stream::new(d, PROFILE.to_vec()).with_compression(false),
    }
}

/// Adds the output intent and its profile; returns the intent's id.
pub(super) fn output_intent(doc: &mut lopdf::Document) -> ObjectId {
    let profile = doc.add_object(profile_stream());
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"OutputIntent".to_vec()));
    d.set("S", Object::Name(b"GTS_PDFX".to_vec()));
    d.set("OutputConditionIdentifier", text_string(CONDITION));
    d.set(
        "OutputCondition",
        text_string("Offset printing, coated paper (ISO 12647-2:2004)"),
    );
    d.set("RegistryName", text_string("http://www.color.org"));
    d.set("Info", text_string("Coated FOGRA39 (ISO 12647-2:2004)"));
    d.set("DestOutputProfile", Object::Reference(profile));
    doc.add_object(d)
}

/// The Info entries PDF/X adds.
pub(super) fn info(info: &mut Dictionary) {
    info.set("GTS_PDFXVersion", text_string(PDFX_VERSION));
    // Nobody has trapped the file: the print shop may.
    info.set("Trapped", Object::Name(b"False".to_vec()));
}

/// A page group blending in CMYK on each page of `pages` when the
/// document has any transparency: a soft-masked image or a graphics state
/// with a constant alpha below 1.
pub(super) fn blend_in_cmyk(doc: &mut lopdf::Document, pages: &[ObjectId]) {
    if !has_transparency(doc) {
        return;
    }
    for p in pages {
        if let Ok(d) = doc.get_dictionary_mut(*p) {
            let mut g = Dictionary::new();
            g.set("Type", Object::Name(b"Group".to_vec()));
            g.set("S", Object::Name(b"Transparency".to_vec()));
            g.set("CS", Object::Name(b"DeviceCMYK".to_vec()));
            d.set("Group", Object::Dictionary(g));
        }
    }
}

fn has_transparency(doc: &lopdf::Document) -> bool {
    fn dict(d: &Dictionary) -> bool {
        let below_one = |k: &[u8]| d.get(k).and_then(Object::as_float).is_ok_and(|v| v < 1.0);
        d.get(b"SMask").is_ok_and(|m| m.as_name().is_err())
            || below_one(b"ca")
            || below_one(b"CA")
            || d.iter().any(|(_, v)| obj(v))
    }
    fn obj(o: &Object) -> bool {
        match o {
            Object::Dictionary(d) => dict(d),
            Object::Stream(s) => dict(&s.dict),
            Object::Array(a) => a.iter().any(obj),
            _ => false,
        }
    }
    doc.objects.values().any(obj)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_is_a_cmyk_output_profile() {
        // ICC header: size, then device class 'prtr', colour space 'CMYK'
        // and connection space 'Lab ' at bytes 12, 16 and 20.
        assert_eq!(
            u32::from_be_bytes([PROFILE[0], PROFILE[1], PROFILE[2], PROFILE[3]]) as usize,
            PROFILE.len()
        );
        assert_eq!(&PROFILE[12..16], b"prtr");
        assert_eq!(&PROFILE[16..20], b"CMYK");
        assert_eq!(&PROFILE[20..24], b"Lab ");
        assert_eq!(&PROFILE[36..40], b"acsp");
    }
}
