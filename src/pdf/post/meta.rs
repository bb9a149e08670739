//! Document metadata: the Info dictionary and the XMP packet (written with
//! `xmp-writer`), dated from `Meta.created`, with the PDF/UA-1
//! identification (`pdfuaid:part 1`).

use lopdf::{Dictionary, Object, StringFormat};
use xmp_writer::{DateTime, LangId, RenditionClass, Timezone, XmpWriter};

use super::text_string;
use crate::document::date::Civil;
use crate::document::escape::xml;
use crate::document::Meta;

pub(super) const PRODUCER: &str = "careerpress (printpdf, lopdf)";

fn pdf_date(secs: i64) -> String {
    let c = Civil::from_epoch(secs);
    format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}Z",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    )
}

fn xmp_date(secs: i64) -> DateTime {
    let c = Civil::from_epoch(secs);
    let n = |v: u32| Some(u8::try_from(v).unwrap_or(0));
    DateTime {
        year: u16::try_from(c.year.clamp(0, 9999)).unwrap_or(1970),
        month: n(c.month),
        day: n(c.day),
        hour: n(c.hour),
        minute: n(c.minute),
        second: n(c.second),
        timezone: Some(Timezone::Utc),
    }
}

/// The Info dictionary.
pub(super) fn info(meta: &Meta) -> Dictionary {
    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    info.set("Author", text_string(&meta.author));
    // A bilingual document's subject and keywords in both languages, its
    // own first; the title is its own (XMP has it in each language).
    info.set("Subject", text_string(&meta.subjects()));
    info.set("Keywords", text_string(&meta.all_keywords().join(", ")));
    info.set("Creator", text_string("careerpress"));
    info.set("Producer", text_string(PRODUCER));
    let date = Object::String(pdf_date(meta.created).into_bytes(), StringFormat::Literal);
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    info
}

/// The XMP packet: the same values as [`info`], plus the document's
/// language and id and the PDF/UA identification.
pub(super) fn xmp(meta: &Meta, lang: &str, id: &str, press: bool) -> String {
    // xmp-writer escapes markup but passes what XML forbids through.
    let title = xml::clean(&meta.title);
    let author = xml::clean(&meta.author);
    let subject = xml::clean(&meta.subjects()).into_owned();
    let keywords: Vec<String> = meta
        .all_keywords()
        .iter()
        .map(|k| xml::clean(k).into_owned())
        .collect();
    let joined = keywords.join(", ");
    // xmp-writer writes a language tag as it is: only a well-formed one.
    let lang = if crate::document::is_language_tag(lang) {
        lang
    } else {
        "und"
    };
    let uuid = format!("uuid:{id}");
    let date = xmp_date(meta.created);

    let mut w = XmpWriter::new();
    w.format("application/pdf");
    // Title and description as language alternatives: x-default as in
    // Info (the document's own title; the subject in every language), then
    // each language's own, the document's first.
    let alternates: Vec<(String, String, String)> = meta
        .alternates
        .iter()
        .filter(|a| crate::document::is_language_tag(&a.language))
        .map(|a| {
            (
                a.language.clone(),
                xml::clean(&a.title).into_owned(),
                xml::clean(&a.subject).into_owned(),
            )
        })
        .collect();
    let titles = alternates
        .iter()
        .map(|(l, t, _)| (Some(LangId(l)), t.as_str()));
    w.title(std::iter::once((None::<LangId>, &*title)).chain(titles));
    w.creator([&*author]);
    let subjects = alternates
        .iter()
        .map(|(l, _, s)| (Some(LangId(l)), s.as_str()));
    w.description(std::iter::once((None::<LangId>, subject.as_str())).chain(subjects));
    w.subject(keywords.iter().map(String::as_str));
    w.language([LangId(lang)]);
    w.pdf_keywords(&joined);
    w.producer(PRODUCER);
    w.creator_tool("careerpress");
    w.create_date(date);
    w.modify_date(date);
    w.metadata_date(date);
    w.document_id(&uuid);
    w.instance_id(&uuid);
    w.version_id("1");
    w.rendition_class(RenditionClass::Default);
    w.pdfua_part(1);
    if press {
        w.pdfx_version(super::pdfx::PDFX_VERSION);
        w.trapped(false);
    }
    w.finish(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_civil() {
        assert_eq!(pdf_date(0), "D:19700101000000Z");
        assert_eq!(pdf_date(1_709_251_199), "D:20240229235959Z");
        assert_eq!(pdf_date(-1), "D:19691231235959Z");
    }

    #[test]
    fn xmp_is_escaped_and_declares_pdf_ua() {
        let meta = Meta {
            title: "A & B <c> \"d\" 'e'\u{1}".into(),
            language: "cy".into(),
            created: 1_709_251_199,
            ..Meta::default()
        };
        let x = xmp(&meta, "cy", "0", false);
        assert!(
            x.contains("A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;<"),
            "{x}"
        );
        assert!(!x.contains('\u{1}'));
        assert!(x.contains("<pdfuaid:part>1</pdfuaid:part>"), "{x}");
        assert!(x.contains("2024-02-29T23:59:59Z"), "{x}");
        assert!(x.contains(">cy<"), "{x}");
    }
}
