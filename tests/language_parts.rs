//! Language marking by part, on the tests' own project: a label in two
//! languages ("Dysgu rhagor / Find out more") is two spans, each in its own
//! language, in the PDF (a `Span` with `/Lang`), the DOCX (`w:lang` per
//! run) and the web page (`lang`); every language tag has its region
//! (`cy-GB`, `en-GB`); the Welsh board's metadata is Welsh first, with XMP
//! title and description as language alternatives. Read back with lopdf,
//! the DOCX XML and an HTML parser.

mod common;
// Both helpers load tests/pdf_support/read.rs: this test needs common's
// project and pdf_support's structure reader.
#[allow(clippy::duplicate_mod)]
mod pdf_support;

use common::{assert_exit, Project};
use pdf_support::{all_marks, structure, text_entry};
use scraper::{Html, Selector};
use std::collections::{BTreeMap, HashMap};

const WALES: &str = "output/glan-y-mor/pals-officer";
const ENGLAND: &str = "output/eastbrook-hospitals/pals-officer";

/// The bilingual labels the templates make, (Welsh, English): the PDF
/// leaflet's contact box and QR caption.
const LEAFLET_LABELS: [(&str, &str); 2] = [
    ("Dysgu rhagor", "Find out more"),
    (
        "Sganiwch i ddarllen proffil llawn y swydd",
        "Scan to read the full job profile",
    ),
];

fn built() -> Project {
    let p = Project::copy();
    assert_exit(&p.run(&["build"]), 0);
    p
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// (role, /Lang, text) of every structure element of a PDF.
fn pdf_elements(bytes: &[u8]) -> (lopdf::Document, Vec<(String, Option<String>, String)>) {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let tree = structure(&doc);
    let texts: BTreeMap<_, HashMap<i64, String>> = all_marks(&doc)
        .iter()
        .map(|(p, m)| (*p, m.mcid_text()))
        .collect();
    let elems = tree
        .walk()
        .into_iter()
        .map(|e| (e.role.clone(), e.lang(), squash(&e.text(&texts))))
        .collect();
    (doc, elems)
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
    s
}

/// The language of the run holding exactly `text` in a DOCX part.
fn run_lang(xml: &str, text: &str) -> Option<String> {
    let at = xml.find(&format!(">{text}</w:t>"))?;
    let run = &xml[xml[..at].rfind("<w:r>")?..at];
    let lang = run.split("<w:lang w:val=\"").nth(1)?;
    Some(lang[..lang.find('"')?].to_string())
}

/// A tag with a region: `cy-GB`, `en-GB`.
fn has_region(tag: &str) -> bool {
    tag.split('-')
        .nth(1)
        .is_some_and(|r| r.len() == 2 && r.chars().all(|c| c.is_ascii_uppercase()))
}

#[test]
fn each_half_of_a_bilingual_label_is_its_own_span_in_every_format() {
    let p = built();
    for file in ["leaflet.pdf", "leaflet-print.pdf"] {
        let bytes = std::fs::read(p.file(WALES).join(file)).unwrap();
        let (_, elems) = pdf_elements(&bytes);
        for (cy, en) in LEAFLET_LABELS {
            let span = |text: &str, lang: &str| {
                elems
                    .iter()
                    .any(|(r, l, t)| r == "Span" && l.as_deref() == Some(lang) && t == text)
            };
            assert!(
                span(cy, "cy-GB"),
                "{file}: no Welsh Span {cy:?}: {elems:#?}"
            );
            assert!(span(en, "en-GB"), "{file}: no English Span {en:?}");
            // The two halves are one heading or paragraph, Welsh first.
            let whole = format!("{cy} / {en}");
            assert!(
                elems.iter().any(|(r, _, t)| r != "Span" && *t == whole),
                "{file}: {whole:?} is not one element"
            );
        }
    }
    // The handout: the contact box's title and the page footer, a run per
    // language.
    let docx = std::fs::read(p.file(WALES).join("handout.docx")).unwrap();
    let body = part(&docx, "word/document.xml");
    assert_eq!(run_lang(&body, "Cysylltu â ni").as_deref(), Some("cy-GB"));
    assert_eq!(run_lang(&body, "Contact us").as_deref(), Some("en-GB"));
    let footer = part(&docx, "word/footer1.xml");
    assert_eq!(run_lang(&footer, "Tudalen ").as_deref(), Some("cy-GB"));
    assert_eq!(run_lang(&footer, "Page ").as_deref(), Some("en-GB"));
    // The web page: the contact heading and the skip link.
    let html = Html::parse_document(&p.read(&format!("{WALES}/page.html")));
    let spans = |css: &str| -> Vec<(String, String)> {
        html.select(&Selector::parse(css).unwrap())
            .map(|e| {
                (
                    e.value().attr("lang").unwrap_or_default().to_string(),
                    e.text().collect::<String>(),
                )
            })
            .collect()
    };
    assert_eq!(
        spans("a.skip-link span"),
        [
            ("cy-GB".into(), "Neidio i’r prif gynnwys".into()),
            ("en-GB".into(), "Skip to main content".into())
        ]
    );
    assert!(
        spans("h2 span[lang]").windows(2).any(|w| w
            == [
                ("cy-GB".into(), "Cysylltu â ni".into()),
                ("en-GB".into(), "Contact us".into())
            ]),
        "{:?}",
        spans("h2 span[lang]")
    );
    // An English trust's labels are one language: no spans at all.
    let bytes = std::fs::read(p.file(ENGLAND).join("leaflet.pdf")).unwrap();
    let (_, elems) = pdf_elements(&bytes);
    assert!(elems.iter().all(|(r, _, _)| r != "Span"), "{elems:#?}");
    let page = p.read(&format!("{ENGLAND}/page.html"));
    assert!(
        !page.contains("<span lang"),
        "an English page marks nothing"
    );
}

#[test]
fn every_language_tag_has_its_region() {
    let p = built();
    for dir in [WALES, ENGLAND] {
        let own = if dir == WALES { "cy-GB" } else { "en-GB" };
        // PDF: the catalogue, every structure element, the XMP.
        for file in ["leaflet.pdf", "leaflet-print.pdf"] {
            let bytes = std::fs::read(p.file(dir).join(file)).unwrap();
            let (doc, elems) = pdf_elements(&bytes);
            let catalog = doc.catalog().unwrap();
            assert_eq!(
                text_entry(catalog, b"Lang").as_deref(),
                Some(own),
                "{dir}/{file}"
            );
            for (role, lang, text) in &elems {
                if let Some(l) = lang {
                    assert!(has_region(l), "{dir}/{file}: {role} {text:?} is /Lang {l}");
                }
            }
            let xmp = String::from_utf8_lossy(&bytes).to_string();
            let langs = xmp
                .split("<dc:language><rdf:Bag><rdf:li>")
                .nth(1)
                .and_then(|s| s.split('<').next())
                .unwrap_or_default();
            assert_eq!(langs, own, "{dir}/{file}: XMP dc:language");
        }
        // DOCX: every w:lang and the core properties.
        let docx = std::fs::read(p.file(dir).join("handout.docx")).unwrap();
        for name in [
            "word/document.xml",
            "word/styles.xml",
            "word/footer1.xml",
            "word/header1.xml",
        ] {
            let xml = part(&docx, name);
            for v in xml.split("<w:lang ").skip(1) {
                let element = &v[..v.find("/>").unwrap_or(v.len())];
                for attr in element.split_whitespace() {
                    let (_, tag) = attr.split_once("=\"").unwrap();
                    let tag = tag.trim_end_matches('"');
                    assert!(has_region(tag), "{dir} {name}: w:lang {tag}");
                }
            }
        }
        let core = part(&docx, "docProps/core.xml");
        assert!(
            core.contains(&format!("<dc:language>{own}</dc:language>")),
            "{core}"
        );
        // HTML: every lang attribute.
        let html = Html::parse_document(&p.read(&format!("{dir}/page.html")));
        let langs: Vec<&str> = html
            .select(&Selector::parse("[lang]").unwrap())
            .filter_map(|e| e.value().attr("lang"))
            .collect();
        assert_eq!(langs[0], own, "{dir}: <html lang>");
        for l in langs {
            assert!(has_region(l), "{dir}: lang={l}");
        }
    }
}

/// The `rdf:li` of an XMP property: (xml:lang, text).
fn alternatives(xmp: &str, property: &str) -> Vec<(String, String)> {
    let open = format!("<{property}><rdf:Alt>");
    let Some(body) = xmp
        .split(&open)
        .nth(1)
        .and_then(|s| s.split("</rdf:Alt>").next())
    else {
        return Vec::new();
    };
    body.split("<rdf:li xml:lang=\"")
        .skip(1)
        .map(|li| {
            let (lang, rest) = li.split_once("\">").unwrap();
            (
                lang.to_string(),
                rest.split("</rdf:li>").next().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_welsh_boards_metadata_is_welsh_first_in_both_languages() {
    let p = built();
    let cy_title = "Swyddog y gwasanaeth cyngor a chyswllt cleifion (PALS)";
    let en_title = "Patient advice and liaison service (PALS) officer";
    let cy_subject = format!("Gwybodaeth am yrfaoedd: {cy_title}");
    let en_subject = format!("Careers information: a {en_title}");
    for file in ["leaflet.pdf", "leaflet-print.pdf"] {
        let bytes = std::fs::read(p.file(WALES).join(file)).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let info_id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
        let info = doc.get_dictionary(info_id).unwrap();
        assert_eq!(text_entry(info, b"Title").as_deref(), Some(cy_title));
        assert_eq!(
            text_entry(info, b"Subject").unwrap(),
            format!("{cy_subject} / {en_subject}"),
            "{file}: Info Subject, Welsh then English"
        );
        let keywords = text_entry(info, b"Keywords").unwrap();
        let (cy, en) = (keywords.find("Gyrfaoedd GIG"), keywords.find("NHS careers"));
        assert!(cy.is_some() && en.is_some() && cy < en, "{keywords}");
        assert!(keywords.starts_with(cy_title), "{keywords}");
        let xmp = String::from_utf8_lossy(&bytes).to_string();
        assert_eq!(
            alternatives(&xmp, "dc:title"),
            [
                ("x-default".into(), cy_title.into()),
                ("cy-GB".into(), cy_title.into()),
                ("en-GB".into(), en_title.into())
            ],
            "{file}: dc:title"
        );
        let description = alternatives(&xmp, "dc:description");
        assert_eq!(
            description[1..],
            [
                ("cy-GB".into(), cy_subject.clone()),
                ("en-GB".into(), en_subject.clone())
            ],
            "{file}: dc:description"
        );
        // x-default is the Info Subject (Info and XMP agree, as PDF/X asks).
        assert_eq!(
            description[0],
            ("x-default".into(), format!("{cy_subject} / {en_subject}"))
        );
        assert!(xmp.contains(&format!("<pdf:Keywords>{keywords}</pdf:Keywords>")));
    }
    let docx = std::fs::read(p.file(WALES).join("handout.docx")).unwrap();
    let core = part(&docx, "docProps/core.xml");
    let field = |name: &str| {
        core.split(&format!("<{name}>"))
            .nth(1)
            .and_then(|s| s.split(&format!("</{name}>")).next())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(field("dc:title"), format!("{cy_title} / {en_title}"));
    assert_eq!(field("dc:subject"), format!("{cy_subject} / {en_subject}"));
    let keywords = field("cp:keywords");
    assert!(keywords.starts_with(cy_title), "{keywords}");
    assert!(keywords.find("Gyrfaoedd GIG") < keywords.find("NHS careers"));
    assert!(keywords.contains("Bwrdd Iechyd Glan-y-Môr"), "{keywords}");

    // An English trust: one language, one title and description, as
    // before; no Welsh in its metadata.
    let bytes = std::fs::read(p.file(ENGLAND).join("leaflet.pdf")).unwrap();
    let xmp = String::from_utf8_lossy(&bytes).to_string();
    assert_eq!(
        alternatives(&xmp, "dc:title"),
        [("x-default".into(), en_title.into())]
    );
    assert_eq!(
        alternatives(&xmp, "dc:description"),
        [("x-default".into(), en_subject.clone())]
    );
    let docx = std::fs::read(p.file(ENGLAND).join("handout.docx")).unwrap();
    let core = part(&docx, "docProps/core.xml");
    assert!(
        core.contains(&format!("<dc:title>{en_title}</dc:title>")),
        "{core}"
    );
    assert!(!core.contains("Gyrfaoedd"), "{core}");
}
