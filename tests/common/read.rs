//! Reading documents back as a reader (or an auditor's tool) would: the
//! text of a PDF, glyph by glyph through its fonts' ToUnicode maps, and the
//! text of a DOCX, paragraph by paragraph.
#![allow(dead_code)]

#[path = "../pdf_support/read.rs"]
mod pdf;
#[allow(unused_imports)]
pub use pdf::{all_text, glyphs, page_text, squash, Placed};

pub fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf reads the PDF back");
    all_text(&doc)
}

/// The text of a web page's `<main>` as a browser's parser reads it
/// (entities decoded), a line per block.
pub fn html_text(bytes: &[u8]) -> String {
    let page = scraper::Html::parse_document(std::str::from_utf8(bytes).expect("UTF-8"));
    let blocks =
        scraper::Selector::parse("main h1, main h2, main h3, main p, main li, main th, main td")
            .expect("selector");
    page.select(&blocks)
        .map(|e| e.text().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of a DOCX's body, a line per paragraph.
pub fn docx_text(bytes: &[u8]) -> String {
    docx_part_text(bytes, "word/document.xml")
}

/// The text of one part of a DOCX (`word/header1.xml`, …), a line per
/// paragraph.
pub fn docx_part_text(bytes: &[u8], part: &str) -> String {
    use quick_xml::events::Event;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(part).expect("the part"), &mut xml).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::Text(t) if in_text => out.push_str(&t.decode().expect("text")),
            Event::GeneralRef(r) if in_text => {
                match r.resolve_char_ref().expect("a character reference") {
                    Some(c) => out.push(c),
                    None => out.push_str(match r.decode().expect("a name").as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("unknown entity &{other};"),
                    }),
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"w:tab" => out.push('\t'),
            Event::Empty(e) if e.name().as_ref() == b"w:br" => out.push('\n'),
            Event::End(e) if e.name().as_ref() == b"w:p" => out.push('\n'),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}
