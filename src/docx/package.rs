//! The package's own parts: content types, document properties, settings
//! and the font table.
//!
//! docx-rs cannot set title, subject, keywords, language or status (its
//! core properties are private and say creator "unknown"), and its
//! content types name parts it never writes; so careerpress writes these
//! parts from the `Document`'s metadata.

use super::xml::DECLARATION;
use super::zip::{civil, Part};
use crate::document::escape::xml::escape_into;
use crate::document::Meta;

/// `secs` as a W3CDTF date-time, e.g. `2025-03-01T00:00:00Z`.
pub(crate) fn w3cdtf(secs: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(secs);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// The content type of a part careerpress packs, by path.
fn content_type(path: &str) -> Option<String> {
    const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let kind = match path {
        "word/document.xml" => "document.main",
        "word/styles.xml" => "styles",
        "word/numbering.xml" => "numbering",
        "word/settings.xml" => "settings",
        "word/fontTable.xml" => "fontTable",
        "word/theme/theme1.xml" => {
            return Some("application/vnd.openxmlformats-officedocument.theme+xml".into())
        }
        "docProps/core.xml" => {
            return Some("application/vnd.openxmlformats-package.core-properties+xml".into())
        }
        "docProps/app.xml" => {
            return Some(
                "application/vnd.openxmlformats-officedocument.extended-properties+xml".into(),
            )
        }
        p if p.starts_with("word/header") && p.ends_with(".xml") => "header",
        p if p.starts_with("word/footer") && p.ends_with(".xml") => "footer",
        _ => return None,
    };
    Some(format!("{WML}.{kind}+xml"))
}

/// `[Content_Types].xml` for a package of `parts`: a default for each
/// kind of file, an override for each XML part.
pub(crate) fn content_types_xml(parts: &[Part]) -> String {
    let mut s = String::with_capacity(2_000);
    s.push_str(DECLARATION);
    s.push_str(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Default Extension=\"png\" ContentType=\"image/png\"/>\
<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>",
    );
    for part in parts {
        if let Some(kind) = content_type(&part.path) {
            s.push_str("<Override PartName=\"/");
            escape_into(&mut s, &part.path);
            s.push_str("\" ContentType=\"");
            s.push_str(&kind);
            s.push_str("\"/>");
        }
    }
    s.push_str("</Types>");
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

/// `docProps/core.xml`: title, subject, author (the trust), keywords (in
/// every language of a bilingual document, its own first),
/// language and the fixed dates Word shows under File › Info.
pub(crate) fn core_xml(meta: &Meta, author: &str) -> String {
    let mut s = String::with_capacity(1_200);
    s.push_str(DECLARATION);
    s.push_str(
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
    );
    // Core properties hold one string each: a bilingual document's title,
    // subject and keywords in every language, its own (Welsh) first.
    element(&mut s, "dc:title", &meta.titles());
    element(&mut s, "dc:subject", &meta.subjects());
    element(&mut s, "dc:creator", author);
    let all = meta.all_keywords();
    let keywords: Vec<&str> = all
        .iter()
        .map(|k| k.trim())
        .filter(|k| !k.is_empty())
        .collect();
    element(&mut s, "cp:keywords", &keywords.join(", "));
    element(&mut s, "dc:language", &meta.language);
    element(&mut s, "cp:lastModifiedBy", author);
    if meta.draft {
        // Word shows this under File › Info › Status.
        element(&mut s, "cp:contentStatus", "Draft");
    }
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
/// or Welsh proofing, and the mapping from the styles' theme colours
/// (text 1, background 1, …) to the theme part's colour slots.
pub(crate) fn settings_xml(lang: &str) -> String {
    let mut s = String::with_capacity(1_000);
    s.push_str(DECLARATION);
    s.push_str(
        "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
<w:themeFontLang w:val=\"",
    );
    escape_into(&mut s, lang);
    s.push_str(
        "\"/><w:clrSchemeMapping w:bg1=\"light1\" w:t1=\"dark1\" w:bg2=\"light2\" w:t2=\"dark2\" \
w:accent1=\"accent1\" w:accent2=\"accent2\" w:accent3=\"accent3\" w:accent4=\"accent4\" w:accent5=\"accent5\" w:accent6=\"accent6\" \
w:hyperlink=\"hyperlink\" w:followedHyperlink=\"followedHyperlink\"/></w:settings>",
    );
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
}
