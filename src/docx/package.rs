//! The OPC package: content types, package relationships, document
//! properties, settings, and the zip itself.
//!
//! docx-rs cannot set title, author, subject, keywords or language, and it
//! stamps zip entries with the current time; here every part is written
//! from the `Document`'s metadata and every entry carries the document's own
//! date, so the same input gives a byte-identical file.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::media::Media;
use super::xml::{escape_into, DECLARATION};
use crate::document::Meta;

/// A finished part: its path in the package and its content.
pub(crate) struct Part {
    pub path: &'static str,
    pub xml: String,
}

/// Packs `parts` (in order; `[Content_Types].xml` first) and `media` into a
/// .docx. XML is deflated; PNG and JPEG are stored, they are compressed
/// already.
pub(crate) fn zip(
    parts: &[Part],
    media: &[Media],
    created: i64,
) -> zip::result::ZipResult<Vec<u8>> {
    let size: usize = parts.iter().map(|p| p.xml.len() / 4).sum::<usize>()
        + media.iter().map(|m| m.bytes.len()).sum::<usize>()
        + 4_096;
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(size)));
    let stamp = zip_date(created);
    let xml = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let stored = xml
        .compression_method(CompressionMethod::Stored)
        .compression_level(None);
    for part in parts {
        zip.start_file(part.path, xml)?;
        zip.write_all(part.xml.as_bytes())?;
    }
    for m in media {
        zip.start_file(m.path.as_str(), stored)?;
        zip.write_all(&m.bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The zip timestamp: the document's date where zip can hold it (1980 to
/// 2107), else the zip epoch.
fn zip_date(created: i64) -> DateTime {
    let (y, mo, d, h, mi, s) = civil(created);
    u16::try_from(y)
        .ok()
        .and_then(|y| DateTime::from_date_and_time(y, mo, d, h, mi, s).ok())
        .unwrap_or_default()
}

/// Seconds since the Unix epoch as (year, month, day, hour, minute,
/// second), UTC (Howard Hinnant's days-to-civil algorithm).
fn civil(secs: i64) -> (i64, u8, u8, u8, u8, u8) {
    let c = crate::document::date::Civil::from_epoch(secs);
    let b = |v: u32| v as u8;
    (
        c.year,
        b(c.month),
        b(c.day),
        b(c.hour),
        b(c.minute),
        b(c.second),
    )
}

/// `secs` as a W3CDTF date-time, e.g. `2025-03-01T00:00:00Z`.
pub(crate) fn w3cdtf(secs: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(secs);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// `[Content_Types].xml`.
pub(crate) fn content_types_xml(has_header: bool) -> String {
    let mut s = String::with_capacity(1_600);
    s.push_str(DECLARATION);
    s.push_str(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Default Extension=\"png\" ContentType=\"image/png\"/>\
<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>",
    );
    if has_header {
        s.push_str(
            "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>",
        );
    }
    s.push_str(
        "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>",
    );
    s
}

fn element(s: &mut String, name: &str, value: &str) {
    if value.trim().is_empty() {
        return;
    }
    s.push('<');
    s.push_str(name);
    s.push('>');
    escape_into(s, value.trim());
    s.push_str("</");
    s.push_str(name);
    s.push('>');
}

/// `docProps/core.xml`: title, subject, author (the trust), keywords,
/// language and the fixed dates Word shows under File › Info.
pub(crate) fn core_xml(meta: &Meta, author: &str) -> String {
    let mut s = String::with_capacity(1_200);
    s.push_str(DECLARATION);
    s.push_str(
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
    );
    element(&mut s, "dc:title", &meta.title);
    element(&mut s, "dc:subject", &meta.subject);
    element(&mut s, "dc:creator", author);
    let keywords: Vec<&str> = meta
        .keywords
        .iter()
        .map(|k| k.trim())
        .filter(|k| !k.is_empty())
        .collect();
    element(&mut s, "cp:keywords", &keywords.join(", "));
    element(&mut s, "dc:language", &meta.language);
    element(&mut s, "cp:lastModifiedBy", author);
    s.push_str("<cp:revision>1</cp:revision>");
    let date = w3cdtf(meta.created);
    for name in ["dcterms:created", "dcterms:modified"] {
        s.push('<');
        s.push_str(name);
        s.push_str(" xsi:type=\"dcterms:W3CDTF\">");
        s.push_str(&date);
        s.push_str("</");
        s.push_str(name);
        s.push('>');
    }
    s.push_str("</cp:coreProperties>");
    s
}

/// `docProps/app.xml`: the application and the company (the trust).
pub(crate) fn app_xml(company: &str) -> String {
    let mut s = String::with_capacity(500);
    s.push_str(DECLARATION);
    s.push_str(
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
<Application>careerpress</Application><DocSecurity>0</DocSecurity>",
    );
    element(&mut s, "Company", company);
    s.push_str("</Properties>");
    s
}

/// `word/settings.xml`: Word 2013+ layout (compatibility mode 15), British
/// or Welsh proofing, and no "update fields?" prompt on opening.
pub(crate) fn settings_xml(lang: &str) -> String {
    let mut s = String::with_capacity(800);
    s.push_str(DECLARATION);
    s.push_str(
        "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
<w:themeFontLang w:val=\"",
    );
    escape_into(&mut s, lang);
    s.push_str("\"/></w:settings>");
    s
}

/// `word/fontTable.xml`: tells Word what to use where the brand's font is
/// not installed. Liberation Sans is metric-compatible with Arial (the NHS
/// fallback typeface), so Word substitutes Arial and the layout holds;
/// any other family is at least marked sans-serif.
pub(crate) fn font_table_xml(family: &str) -> String {
    let mut s = String::with_capacity(600);
    s.push_str(DECLARATION);
    s.push_str("<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:font w:name=\"");
    escape_into(&mut s, family);
    s.push_str("\">");
    if family.trim().eq_ignore_ascii_case("Liberation Sans") {
        s.push_str("<w:altName w:val=\"Arial\"/><w:panose1 w:val=\"020B0604020202020204\"/>");
    }
    s.push_str("<w:charset w:val=\"00\"/><w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_w3cdtf() {
        assert_eq!(w3cdtf(0), "1970-01-01T00:00:00Z");
        assert_eq!(w3cdtf(1_709_251_199), "2024-02-29T23:59:59Z");
        assert_eq!(w3cdtf(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(w3cdtf(i64::MIN), "0000-01-01T00:00:00Z");
        assert_eq!(w3cdtf(i64::MAX), "9999-12-31T23:59:59Z");
    }

    #[test]
    fn zip_dates_fall_back_to_the_zip_epoch() {
        assert_eq!(zip_date(0), DateTime::default());
        let d = zip_date(1_709_251_199);
        assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
    }
}
