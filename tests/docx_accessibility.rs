//! The handout as an accessibility officer audits it: tables with captions
//! and real header rows, headings where things look like headings, no
//! empty paragraphs for spacing, pictures with alt text and their own ids,
//! the theme, languages Word can proof, and drafts that say so.

use careerpress::document::{Block, Document, Inline, Paper, Writer};
use careerpress::docx::DocxWriter;

mod docx_support;

use docx_support::fixture::*;
use docx_support::*;

/// The `w:tbl` elements of a part, outermost first, each as its XML.
fn tables(xml: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (start, _) in xml.match_indices("<w:tbl>") {
        // The matching end: count nested tables.
        let mut depth = 0;
        let mut at = start;
        loop {
            let open = xml[at..].find("<w:tbl>").map(|i| at + i);
            let close = xml[at..].find("</w:tbl>").map(|i| at + i).unwrap();
            match open {
                Some(o) if o < close => {
                    depth += 1;
                    at = o + 7;
                }
                _ => {
                    depth -= 1;
                    at = close + 8;
                    if depth == 0 {
                        break;
                    }
                }
            }
        }
        out.push(&xml[start..at]);
    }
    out
}

/// A table's own properties (not a nested table's).
fn table_props(table: &str) -> &str {
    table.split("</w:tblPr>").next().unwrap()
}

#[test]
fn every_table_has_a_caption_and_a_description() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let doc = part(&parts, "word/document.xml");
    let all = tables(&doc);
    assert_eq!(all.len(), 4, "key facts, bands, career tips, contacts");
    let props: Vec<(String, String, String)> = all
        .iter()
        .map(|t| {
            let p = table_props(t);
            (
                value_after(p, "<w:tblStyle w:val=\"").to_owned(),
                unescape(value_after(p, "<w:tblCaption w:val=\"")),
                unescape(value_after(p, "<w:tblDescription w:val=\"")),
            )
        })
        .collect();
    let expect = |style: &str, caption: &str, description: &str| {
        (style.to_owned(), caption.to_owned(), description.to_owned())
    };
    assert_eq!(
        props,
        [
            expect(
                "KeyFacts",
                "Key facts",
                "Salary, Hours, Working pattern, Where you could work"
            ),
            expect(
                "TableGrid",
                "Career path and progression",
                "Columns: Role, Band"
            ),
            expect(
                "CalloutBox",
                "Career tips",
                "A box set apart from the text."
            ),
            expect(
                "LayoutTable",
                "Further information",
                "Layout only: read each column in turn, left to right."
            ),
        ]
    );
    // The schema puts caption and description last in the properties.
    for t in &all {
        assert!(table_props(t).ends_with("\"/>"), "{}", table_props(t));
        let p = table_props(t);
        assert!(p.find("<w:tblLook").unwrap() < p.find("<w:tblCaption").unwrap());
    }
    // A Welsh handout describes its tables in Welsh.
    let (_, cy) = render(&handout("cy"), Paper::A4);
    let doc = part(&cy, "word/document.xml");
    assert!(doc.contains("<w:tblDescription w:val=\"Colofnau: Role, Band\"/>"));
}

#[test]
fn header_rows_are_real_header_rows() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let doc = part(&parts, "word/document.xml");
    for t in tables(&doc) {
        let style = value_after(table_props(t), "<w:tblStyle w:val=\"").to_owned();
        let rows: Vec<&str> = t.split("<w:tr>").skip(1).collect();
        let headers: Vec<bool> = rows
            .iter()
            .map(|r| {
                r.split("</w:trPr>")
                    .next()
                    .unwrap()
                    .contains("<w:tblHeader/>")
            })
            .collect();
        match style.as_str() {
            // The key facts' title row and the bands' column headings
            // repeat on every page and are headers for screen readers;
            // the tables' look says so too.
            "KeyFacts" | "TableGrid" => {
                assert!(headers[0], "{style}: {t}");
                assert!(headers[1..].iter().all(|h| !h), "{style}");
                assert!(table_props(t).contains("w:firstRow=\"1\""), "{style}");
                let first = rows[0];
                assert!(first.contains("<w:pStyle w:val=\"TableHeading\"/>"));
            }
            // Layout tables have no header row.
            _ => assert!(headers.iter().all(|h| !h), "{style}"),
        }
    }
}

#[test]
fn the_box_title_is_a_real_heading_and_nothing_looks_like_one() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let doc = part(&parts, "word/document.xml");
    let callout = tables(&doc)
        .into_iter()
        .find(|t| t.contains("<w:tblStyle w:val=\"CalloutBox\"/>"))
        .unwrap();
    assert_eq!(
        paragraphs(callout)[0],
        ("Heading1".to_owned(), "Career tips".to_owned())
    );
    let styles = part(&parts, "word/styles.xml");
    assert!(!styles.contains("BoxTitle"));
    // A box after a level-2 heading has a level-2 title.
    let doc = Document {
        meta: handout("en-GB").meta,
        blocks: vec![
            h(2, "Section"),
            h(3, "Subsection"),
            Block::Callout {
                title: Some(t("Tip")),
                blocks: vec![p("Text")],
            },
        ],
    };
    let (_, parts) = render(&doc, Paper::A4);
    let paras = paragraphs(&part(&parts, "word/document.xml"));
    assert!(
        paras.contains(&("Heading2".to_owned(), "Tip".to_owned())),
        "{paras:?}"
    );
}

#[test]
fn no_empty_paragraphs_make_space() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let doc = part(&parts, "word/document.xml");
    let body = doc.split("<w:body>").nth(1).unwrap();
    // A rule (`---`) is drawn as its paragraph's border; that is what it
    // is for, not space.
    let rules = paragraph_xml(body)
        .into_iter()
        .filter(|p| p.contains("<w:pStyle w:val=\"Rule\"/>"))
        .count();
    assert_eq!(rules, 1);
    let empty: Vec<&str> = paragraph_xml(body)
        .into_iter()
        .filter(|p| text_of(p).is_empty() && !p.contains("<w:drawing>"))
        .filter(|p| !p.contains("<w:pStyle w:val=\"Rule\"/>"))
        .collect();
    // The only other empty paragraphs are the ones a table cell must end
    // with after a nested table, and none of those is in this handout.
    assert!(empty.is_empty(), "{empty:?}");
    // Where Word requires one, it is a point high, in its own style.
    let doc = Document {
        meta: handout("en-GB").meta,
        blocks: vec![Block::Callout {
            title: None,
            blocks: vec![Block::Table {
                header: false,
                rows: vec![vec![t("a")]],
            }],
        }],
    };
    let (_, parts) = render(&doc, Paper::A4);
    let doc = part(&parts, "word/document.xml");
    let empty: Vec<&str> = paragraph_xml(&doc)
        .into_iter()
        .filter(|p| text_of(p).is_empty())
        .collect();
    assert_eq!(empty.len(), 1);
    assert!(empty[0].contains("<w:pStyle w:val=\"TableEnd\"/>"));
    assert!(
        doc.contains("</w:tbl><w:p w14:paraId"),
        "the end paragraph follows the inner table"
    );
    let styles = part(&parts, "word/styles.xml");
    let end = styles.split("w:styleId=\"TableEnd\">").nth(1).unwrap();
    assert!(end
        .split("</w:style>")
        .next()
        .unwrap()
        .contains("w:line=\"20\" w:lineRule=\"exact\""));
    // Space between paragraphs and around tables comes from the styles.
    assert!(styles.contains("<w:pPrDefault><w:pPr><w:spacing w:before=\"100\" w:after=\"100\""));
}

#[test]
fn the_theme_carries_the_brand_and_the_styles_use_it() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let theme = part(&parts, "word/theme/theme1.xml");
    for slot in [
        "<a:dk1><a:srgbClr val=\"231F20\"/></a:dk1>",
        "<a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>",
        "<a:lt2><a:srgbClr val=\"E8F1FA\"/></a:lt2>",
        "<a:accent1><a:srgbClr val=\"005EB8\"/></a:accent1>",
        "<a:accent2><a:srgbClr val=\"41B6E6\"/></a:accent2>",
        "<a:hlink><a:srgbClr val=\"005EB8\"/></a:hlink>",
        "<a:majorFont><a:latin typeface=\"Liberation Sans\"/>",
        "<a:minorFont><a:latin typeface=\"Liberation Sans\"/>",
    ] {
        assert!(theme.contains(slot), "{slot} not in {theme}");
    }
    assert!(part(&parts, "word/_rels/document.xml.rels").contains(
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"theme/theme1.xml\""
    ));
    assert!(part(&parts, "[Content_Types].xml").contains(
        "<Override PartName=\"/word/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
    ));
    // Every brand colour in the styles names its theme colour, and the font
    // names the theme's fonts, so Design › Colours and Fonts restyle it all.
    let styles = part(&parts, "word/styles.xml");
    for (hex, theme) in [
        ("005EB8", "accent1"),
        ("41B6E6", "accent2"),
        ("E8F1FA", "background2"),
        ("231F20", "text1"),
    ] {
        let uses = styles.matches(&format!("\"{hex}\"")).count();
        let themed = styles
            .matches(&format!("\"{hex}\" w:themeColor=\"{theme}\""))
            .count()
            + styles
                .matches(&format!("w:fill=\"{hex}\" w:themeFill=\"{theme}\""))
                .count()
            + styles
                .matches(&format!("\"{hex}\" w:themeColor=\"hyperlink\""))
                .count();
        assert!(
            uses > 0 && uses == themed,
            "{hex}: {uses} uses, {themed} themed"
        );
    }
    assert!(styles.contains("w:asciiTheme=\"minorHAnsi\""));
    assert!(styles.contains("w:asciiTheme=\"majorHAnsi\""));
    assert!(part(&parts, "word/settings.xml")
        .contains("<w:clrSchemeMapping w:bg1=\"light1\" w:t1=\"dark1\""));
}

#[test]
fn welsh_text_is_marked_welsh_for_word_to_proof() {
    let mut doc = handout("en-GB");
    doc.blocks.push(Block::Lang {
        lang: "cy".into(),
        blocks: vec![
            h(2, "Cysylltu â ni"),
            Block::Paragraph(vec![
                Inline::Text("Ffoniwch ni ar ".into()),
                Inline::Strong(t("029 2018 0456")),
                Inline::Text(" neu ".into()),
                link("https://glanymor.example.nhs.wales/", "ewch i’n gwefan"),
            ]),
            bullets(&["Dydd Llun i ddydd Gwener", "ŵ ŷ"]),
        ],
    });
    doc.blocks.push(Block::Paragraph(vec![
        Inline::Text("Ask for ".into()),
        Inline::Lang {
            lang: "cy".into(),
            content: t("Gwasanaeth Cyngor a Chyswllt Cleifion"),
        },
        Inline::Text(" at reception.".into()),
    ]));
    let (_, parts) = render(&doc, Paper::A4);
    let xml = part(&parts, "word/document.xml");
    assert!(!xml.contains('#'), "a marker was left behind");
    let runs_of = |needle: &str| -> Vec<String> {
        let para = paragraph_xml(&xml)
            .into_iter()
            .find(|p| text_of(p).contains(needle))
            .unwrap_or_else(|| panic!("no {needle}"));
        para.split("<w:r>").skip(1).map(|r| r.to_owned()).collect()
    };
    // Every run of the Welsh block is Welsh, links and bold included, and
    // so are its paragraph marks.
    for needle in ["Cysylltu â ni", "Ffoniwch ni", "Dydd Llun", "ŵ ŷ"] {
        let runs = runs_of(needle);
        assert!(!runs.is_empty());
        for run in &runs {
            assert!(run.contains("<w:lang w:val=\"cy-GB\"/>"), "{needle}: {run}");
        }
        let para = paragraph_xml(&xml)
            .into_iter()
            .find(|p| text_of(p).contains(needle))
            .unwrap();
        let ppr = para.split("</w:pPr>").next().unwrap();
        assert!(
            ppr.contains("<w:rPr><w:lang w:val=\"cy-GB\"/></w:rPr>"),
            "{ppr}"
        );
    }
    let link_run = runs_of("ewch i")
        .into_iter()
        .find(|r| r.contains("ewch i"))
        .unwrap();
    assert!(
        link_run.starts_with("<w:rPr><w:rStyle w:val=\"Hyperlink\"/>"),
        "{link_run}"
    );
    // In an English paragraph, only the Welsh span is Welsh.
    let runs = runs_of("Ask for");
    let welsh: Vec<bool> = runs.iter().map(|r| r.contains("cy-GB")).collect();
    assert_eq!(welsh, [false, true, false], "{runs:?}");
    // The rest of the document is in the document's language, from the styles.
    assert!(
        part(&parts, "word/styles.xml").contains("<w:lang w:val=\"en-GB\" w:eastAsia=\"en-GB\"")
    );
    assert_eq!(
        xml.matches("<w:lang ").count(),
        xml.matches("cy-GB").count()
    );
    // A bare `en` is British English too.
    let mut en = handout("cy");
    en.blocks = vec![Block::Lang {
        lang: "en".into(),
        blocks: vec![p("Hello")],
    }];
    let (_, parts) = render(&en, Paper::A4);
    assert!(part(&parts, "word/document.xml").contains("<w:lang w:val=\"en-GB\"/>"));
    assert!(part(&parts, "word/styles.xml").contains("<w:lang w:val=\"cy-GB\""));
}

#[test]
fn a_draft_says_draft_on_every_page_and_in_its_text() {
    for (lang, notice, mark) in [
        ("en-GB", "DRAFT – not for publication", "DRAFT"),
        ("cy", "DRAFFT – nid i’w gyhoeddi", "DRAFFT"),
    ] {
        let mut doc = handout(lang);
        doc.meta.draft = true;
        let (_, parts) = render(&doc, Paper::A4);
        assert_well_formed(&parts);
        // The header is the default header of the only section: every page.
        let header = part(&parts, "word/header1.xml");
        let paras = paragraphs(&header);
        assert!(
            paras.contains(&("DraftNotice".to_owned(), notice.to_owned())),
            "{paras:?}"
        );
        // The watermark across every page.
        assert!(header.contains(&format!("string=\"{mark}\"")), "{header}");
        assert!(header.contains("<v:shape id=\"PowerPlusWaterMarkObject1\""));
        // The text says it straight after the title band.
        let body = paragraphs(&part(&parts, "word/document.xml"));
        assert_eq!(body[0].0, "Title");
        assert_eq!(body[2], ("DraftNotice".to_owned(), notice.to_owned()));
        assert!(part(&parts, "docProps/core.xml")
            .contains("<cp:contentStatus>Draft</cp:contentStatus>"));
        assert!(part(&parts, "word/styles.xml").contains("w:styleId=\"DraftNotice\""));
    }
    // Without a title band, the text opens with the notice.
    let mut doc = handout("en-GB");
    doc.meta.draft = true;
    doc.blocks.remove(0);
    let (_, parts) = render(&doc, Paper::A4);
    let body = paragraphs(&part(&parts, "word/document.xml"));
    assert_eq!(body[0].0, "DraftNotice");
    // A finished handout says none of it.
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    for name in ["word/header1.xml", "word/document.xml", "docProps/core.xml"] {
        let xml = part(&parts, name);
        assert!(
            !xml.contains("DRAFT") && !xml.contains("Draft") && !xml.contains("v:shape"),
            "{name}"
        );
    }
}

#[test]
fn properties_are_in_schema_order() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let doc = part(&parts, "word/document.xml");
    // Style first in paragraph and run properties (Word ignores a run
    // style that comes after other properties), table style first in a
    // table's, header and footer references first in a section's.
    for ppr in doc.split("<w:pPr>").skip(1) {
        if let Some(i) = ppr.find("<w:pStyle") {
            assert_eq!(i, 0, "{ppr}");
        }
        let ppr = ppr.split("</w:pPr>").next().unwrap();
        if let (Some(r), Some(k)) = (ppr.find("<w:rPr>"), ppr.find("<w:keepNext")) {
            assert!(k < r, "{ppr}");
        }
    }
    for rpr in doc.split("<w:rPr>").skip(1) {
        if let Some(i) = rpr.split("</w:rPr>").next().unwrap().find("<w:rStyle") {
            assert_eq!(i, 0, "{rpr}");
        }
    }
    for tblpr in doc.split("<w:tblPr>").skip(1) {
        assert!(tblpr.starts_with("<w:tblStyle "), "{tblpr}");
    }
    let sect = doc.split("<w:sectPr>").nth(1).unwrap();
    assert!(sect.starts_with("<w:headerReference"), "{sect}");
    assert!(sect.find("<w:footerReference").unwrap() < sect.find("<w:pgSz").unwrap());
    for numpr in doc.split("<w:numPr>").skip(1) {
        assert!(numpr.starts_with("<w:ilvl "), "{numpr}");
    }
}

#[test]
fn text_content_cannot_break_the_package() {
    let mut theme = theme(Paper::A4);
    theme.org_name = "Trust \u{1}& <Co>\u{FFFF}".into();
    theme.footer = "Tel\u{8}: 01234 \"5\"".into();
    let mut logo = theme.images["logo"].as_ref().clone();
    logo.alt = "Logo\u{7} & <alt>".into();
    theme
        .images
        .insert("logo".into(), std::sync::Arc::new(logo));
    let doc = Document {
        meta: handout("en-GB").meta,
        blocks: vec![
            Block::Facts {
                title: Some(t("Facts\u{1}")),
                rows: vec![careerpress::document::Fact {
                    label: t("A\u{2}&B"),
                    value: t("\u{FFFE}x"),
                }],
            },
            Block::Paragraph(vec![link("https://example.org/\u{1}?q=<&>", "go")]),
            Block::Qr {
                url: "https://example.org/\u{3}".into(),
                caption: Some(vec![Inline::Text("scan\u{4} me".into())]),
            },
        ],
    };
    let out = DocxWriter::new().render(&doc, &theme).unwrap();
    let parts = unzip(&out.bytes);
    assert_well_formed(&parts);
    assert!(part(&parts, "word/header1.xml").contains("Trust &amp; &lt;Co&gt;"));
    assert!(part(&parts, "word/header1.xml").contains("descr=\"Logo &amp; &lt;alt&gt;\""));
    assert!(part(&parts, "word/footer1.xml").contains("Tel: 01234 &quot;5&quot;"));
    let xml = part(&parts, "word/document.xml");
    assert!(
        xml.contains("<w:tblCaption w:val=\"Facts\"/><w:tblDescription w:val=\"A&amp;B\"/>"),
        "{xml}"
    );
    assert!(part(&parts, "word/_rels/document.xml.rels")
        .contains("Target=\"https://example.org/?q=&lt;&amp;&gt;\""));
}
