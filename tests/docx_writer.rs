//! The DOCX writer, read back the way Word would: unzip the handout and
//! look at its XML parts.

use std::io::Cursor;

use careerpress::document::{Block, Document, Inline, Paper, Writer};
use careerpress::docx::DocxWriter;

mod docx_support;

use docx_support::fixture::*;
use docx_support::*;

#[test]
fn the_handout_is_a_well_formed_package_with_every_part() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    assert_well_formed(&parts);
    let names: Vec<&str> = parts.keys().map(String::as_str).collect();
    for needed in [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/theme/theme1.xml",
        "word/header1.xml",
        "word/_rels/header1.xml.rels",
        "word/footer1.xml",
        "word/media/image1.png",
        "word/media/image2.png",
    ] {
        assert!(names.contains(&needed), "{needed} missing from {names:?}");
    }
    // Content types first, as Word and LibreOffice expect.
    let zip = zip::ZipArchive::new(Cursor::new(render(&handout("en-GB"), Paper::A4).0)).unwrap();
    assert_eq!(zip.name_for_index(0), Some("[Content_Types].xml"));
    // Every entry is dated with the document's own date, not the clock.
    let mut zip = zip;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).unwrap();
        let d = entry.last_modified().unwrap();
        assert_eq!(
            (d.year(), d.month(), d.day(), d.hour(), d.minute()),
            (2025, 3, 1, 9, 30),
            "{}",
            entry.name()
        );
    }
}

#[test]
fn every_section_is_there_in_order_under_heading_styles() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let paras = paragraphs(&part(&parts, "word/document.xml"));
    let styled = |style: &str| -> Vec<String> {
        paras
            .iter()
            .filter(|(s, _)| s == style)
            .map(|(_, t)| t.clone())
            .collect()
    };
    assert_eq!(
        styled("Title"),
        ["Patient advice and liaison service (PALS) officer"]
    );
    assert_eq!(
        styled("Subtitle"),
        ["Help patients, families and carers resolve concerns about NHS care."]
    );
    // Sections were `##` in the markup: the top level becomes Heading 1,
    // and the Career tips box's title is a heading one level with the
    // section before it.
    assert_eq!(styled("Heading1"), SECTIONS);
    assert_eq!(
        styled("Heading2"),
        [
            "College",
            "Apprenticeship",
            "Volunteering",
            "Applying directly",
            "Skills and qualities",
            "Restrictions and requirements"
        ]
    );
    assert!(paras.iter().all(|(s, _)| s != "BoxTitle"));

    // The whole text, in order.
    let all: String = paras
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let mut at = 0;
    for needle in [
        "Patient advice and liaison service (PALS) officer",
        "PALS officers give confidential advice and support",
        "Key facts",
        "Salary",
        "£25,674 to £31,695",
        "Where you could work",
        "What you'll do",
        "supervising and coordinating PALS volunteers",
        "How to become a PALS officer",
        "2 or more GCSEs at grades 9 to 3 (A* to D)",
        "intermediate customer service practitioner apprenticeship",
        "Search for PALS jobs on NHS Jobs.",
        "Set up a job alert",
        "compassion",
        "previous experience in a customer care or mediation role",
        "What it takes",
        "empathy and a non-judgemental approach",
        "Disclosure and Barring Service (DBS)",
        "Training and development",
        "Working environment",
        "Career path and progression",
        "PALS service manager",
        "Where the jobs are",
        "Career tips",
        "show an understanding of how NHS values apply",
        "Further information",
        "healthcareers.nhs.uk",
        "0345 60 60 655",
        "pals@riverside.nhs.uk",
        "Read the full profile on Health Careers",
        "Related jobs",
        "Complaints manager",
        "Health records staff",
        "Last reviewed March 2025.",
    ] {
        match all[at..].find(needle) {
            Some(i) => at += i + needle.len(),
            None => panic!("{needle:?} missing or out of order in:\n{}", &all[at..]),
        }
    }
}

#[test]
fn styles_are_real_word_styles_carrying_the_brand() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let styles = part(&parts, "word/styles.xml");
    for n in 1..=3 {
        let def = styles
            .split(&format!("w:styleId=\"Heading{n}\">"))
            .nth(1)
            .unwrap()
            .split("</w:style>")
            .next()
            .unwrap();
        assert!(
            def.contains(&format!("<w:name w:val=\"heading {n}\"/>")),
            "{def}"
        );
        assert!(
            def.contains(&format!("<w:outlineLvl w:val=\"{}\"/>", n - 1)),
            "{def}"
        );
    }
    for (id, name) in [
        ("Normal", "Normal"),
        ("Title", "Title"),
        ("Subtitle", "Subtitle"),
        ("ListBullet", "List Bullet"),
        ("ListNumber", "List Number"),
        ("Hyperlink", "Hyperlink"),
        ("Header", "header"),
        ("Footer", "footer"),
        ("KeyFacts", "Key Facts"),
        ("TableGrid", "Table Grid"),
    ] {
        let at = styles
            .find(&format!("w:styleId=\"{id}\">"))
            .unwrap_or_else(|| panic!("no {id}"));
        assert!(styles[at..].starts_with(&format!("w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>")));
    }
    // The font and brand colour live in the styles…
    assert!(styles.contains("w:ascii=\"Liberation Sans\""));
    // …with Arial, its metric twin, where Liberation Sans is not installed.
    assert!(part(&parts, "word/fontTable.xml")
        .contains("<w:font w:name=\"Liberation Sans\"><w:altName w:val=\"Arial\"/>"));
    assert!(part(&parts, "word/_rels/document.xml.rels").contains("Target=\"fontTable.xml\""));
    assert!(styles.contains("005EB8"));
    // …and not on the runs.
    let doc = part(&parts, "word/document.xml");
    assert!(!doc.contains("005EB8"));
    assert!(!doc.contains("<w:rFonts"));
    assert!(!doc.contains("<w:color"));
    // The key facts are a two-column table in the Key Facts style, label
    // column formatted by the style's first-column format.
    let facts = doc
        .split("<w:tblStyle w:val=\"KeyFacts\"/>")
        .nth(1)
        .unwrap();
    assert!(facts.contains("w:firstColumn=\"1\""));
    assert_eq!(
        facts
            .split("</w:tblGrid>")
            .next()
            .unwrap()
            .matches("<w:gridCol")
            .count(),
        2
    );
}

#[test]
fn tables_fit_the_text_width() {
    for (paper, width) in [
        (Paper::A4, 11_906 - 2 * 1_134),
        (Paper::A5, 8_391 - 2 * 851),
    ] {
        let (_, parts) = render(&handout("en-GB"), paper);
        let doc = part(&parts, "word/document.xml");
        let (w, h) = if paper == Paper::A4 {
            (11_906, 16_838)
        } else {
            (8_391, 11_906)
        };
        assert!(doc.contains(&format!("<w:pgSz w:w=\"{w}\" w:h=\"{h}\"/>")));
        for table in doc.split("<w:tblGrid>").skip(1) {
            let grid = table.split("</w:tblGrid>").next().unwrap();
            let total: u32 = grid
                .split("<w:gridCol w:w=\"")
                .skip(1)
                .map(|c| c.split('"').next().unwrap().parse::<u32>().unwrap())
                .sum();
            assert!(
                total <= width,
                "a table {total} twips wide on a {width} twip line"
            );
        }
        // Top-level tables take the whole width.
        assert!(doc.contains(&format!("<w:tblW w:w=\"{width}\" w:type=\"dxa\"/>")));
    }
}

#[test]
fn lists_are_on_real_numbering() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let doc = part(&parts, "word/document.xml");
    let numbering = part(&parts, "word/numbering.xml");
    let styles = part(&parts, "word/styles.xml");
    let paras: Vec<&str> = paragraph_xml(&doc);
    let bullets: Vec<&&str> = paras
        .iter()
        .filter(|p| p.contains("w:val=\"ListBullet\""))
        .collect();
    let numbers: Vec<&&str> = paras
        .iter()
        .filter(|p| p.contains("w:val=\"ListNumber\""))
        .collect();
    assert!(bullets.len() > 20);
    assert_eq!(numbers.len(), 3);
    // Bullets are on the numbering List Bullet itself names.
    let style_num = |id: &str| {
        let def = styles
            .split(&format!("w:styleId=\"{id}\">"))
            .nth(1)
            .unwrap();
        value_after(def, "<w:numId w:val=\"").to_owned()
    };
    let bullet_num = style_num("ListBullet");
    for p in &bullets {
        assert!(
            p.contains(&format!("<w:numId w:val=\"{bullet_num}\"/>")),
            "{p}"
        );
    }
    // The nested bullets in item 3 are one level down.
    assert_eq!(
        bullets
            .iter()
            .filter(|p| p.contains("<w:ilvl w:val=\"1\"/>"))
            .count(),
        2
    );
    // The numbered list has its own w:num, restarting at 1.
    let num_id = value_after(numbers[0], "<w:numId w:val=\"");
    assert!(numbers
        .iter()
        .all(|p| p.contains(&format!("<w:numId w:val=\"{num_id}\"/>"))));
    assert_ne!(num_id, style_num("ListNumber"));
    let numbers_abstract = value_after(
        numbering
            .split(&format!("<w:num w:numId=\"{}\">", style_num("ListNumber")))
            .nth(1)
            .unwrap(),
        "<w:abstractNumId w:val=\"",
    );
    assert!(numbering.contains(&format!(
        "<w:num w:numId=\"{num_id}\"><w:abstractNumId w:val=\"{numbers_abstract}\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>"
    )));
    // The level's paragraph style comes before its text, as the schema has it.
    assert!(numbering.contains("<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:pStyle w:val=\"ListBullet\"/><w:lvlText"));
    assert!(numbering.contains("<w:numFmt w:val=\"bullet\"/>"));
    assert!(numbering.contains("<w:numFmt w:val=\"decimal\"/>"));
    // A second paragraph in an item continues at its indent, unnumbered.
    let continued = paras
        .iter()
        .find(|p| p.contains(">Set up a job alert"))
        .unwrap();
    assert!(
        continued.contains("<w:pStyle w:val=\"ListContinue\"/>"),
        "{continued}"
    );
    assert!(continued.contains("<w:ind w:left=\"360\""), "{continued}");
    assert!(!continued.contains("<w:numPr>"), "{continued}");
}

#[test]
fn the_footer_has_the_contact_line_and_page_n_of_m_fields() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let footer = part(&parts, "word/footer1.xml");
    assert!(footer.contains(FOOTER));
    let paras = paragraphs(&footer);
    assert_eq!(paras.last().unwrap().1, "Page 1 of 1");
    assert_eq!(
        footer.matches("<w:fldChar w:fldCharType=\"begin\"").count(),
        2
    );
    assert_eq!(
        footer.matches("<w:fldChar w:fldCharType=\"end\"").count(),
        2
    );
    // The two fields, in order: PAGE, then NUMPAGES.
    let instructions: Vec<&str> = footer
        .split("<w:instrText")
        .skip(1)
        .map(|i| {
            i.split_once('>')
                .unwrap()
                .1
                .split("</w:instrText>")
                .next()
                .unwrap()
                .trim()
        })
        .collect();
    assert_eq!(instructions, ["PAGE", "NUMPAGES"]);
}

#[test]
fn core_properties_language_and_company_are_set() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let core = part(&parts, "docProps/core.xml");
    for expected in [
        "<dc:title>Patient advice and liaison service (PALS) officer</dc:title>",
        "<dc:subject>Careers handout: PALS officer</dc:subject>",
        &format!("<dc:creator>{ORG}</dc:creator>"),
        "<cp:keywords>PALS, NHS careers, wider healthcare team</cp:keywords>",
        "<dc:language>en-GB</dc:language>",
        "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-03-01T09:30:00Z</dcterms:created>",
        "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2025-03-01T09:30:00Z</dcterms:modified>",
    ] {
        assert!(core.contains(expected), "{expected} not in {core}");
    }
    assert!(part(&parts, "docProps/app.xml").contains(&format!("<Company>{ORG}</Company>")));
    assert!(part(&parts, "word/styles.xml").contains("<w:lang w:val=\"en-GB\""));
    assert!(part(&parts, "_rels/.rels").contains("Target=\"docProps/core.xml\""));

    let (_, cy) = render(&handout("cy"), Paper::A4);
    assert!(part(&cy, "word/styles.xml").contains("<w:lang w:val=\"cy-GB\""));
    assert!(part(&cy, "docProps/core.xml").contains("<dc:language>cy</dc:language>"));
    assert_eq!(
        paragraphs(&part(&cy, "word/footer1.xml")).last().unwrap().1,
        "Tudalen 1 o 1"
    );
}

#[test]
fn links_are_real_hyperlinks() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let doc = part(&parts, "word/document.xml");
    let rels = part(&parts, "word/_rels/document.xml.rels");
    let mut targets = Vec::new();
    for link in doc.split("<w:hyperlink r:id=\"").skip(1) {
        let rid = link.split('"').next().unwrap();
        let rel = rels
            .split(&format!("Id=\"{rid}\" "))
            .nth(1)
            .unwrap_or_else(|| panic!("no relationship {rid}"));
        assert!(rel
            .split("/>")
            .next()
            .unwrap()
            .contains("TargetMode=\"External\""));
        targets.push(value_after(rel, "Target=\"").to_owned());
        assert!(link.contains("<w:rStyle w:val=\"Hyperlink\"/>"));
    }
    for url in [
        "https://www.healthcareers.nhs.uk/",
        "tel:03456060655",
        "mailto:pals@riverside.nhs.uk",
        "https://www.healthcareers.nhs.uk/explore-roles/complaints-manager",
    ] {
        assert!(
            targets.iter().any(|t| t == url),
            "{url} not linked: {targets:?}"
        );
    }
}

#[test]
fn the_same_input_gives_the_same_bytes_even_in_parallel() {
    let doc = handout("en-GB");
    let writer = DocxWriter::new();
    let theme = theme(Paper::A4);
    let first = writer.render(&doc, &theme).unwrap().bytes;
    // Something else in between must not change the next render.
    writer.render(&handout("cy"), &theme).unwrap();
    assert_eq!(writer.render(&doc, &theme).unwrap().bytes, first);
    let parallel: Vec<Vec<u8>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| s.spawn(|| writer.render(&doc, &theme).unwrap().bytes))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(parallel.iter().all(|b| *b == first));
}

#[test]
fn awkward_text_stays_well_formed() {
    let doc = Document {
        meta: careerpress::document::Meta {
            title: "A & B <c> \"d\"".into(),
            keywords: vec!["x&y".into()],
            ..Default::default()
        },
        blocks: vec![
            h(1, "Tom & Jerry's <job>"),
            Block::Paragraph(t("tab\there\nnew line \u{1} bell\u{7} ŵ ŷ 😀")),
            Block::Paragraph(vec![link("https://example.org/?a=1&b=\"2\"", "q&a")]),
            Block::PageBreak,
            Block::List {
                ordered: true,
                start: 4,
                items: vec![vec![], vec![Block::Rule]],
            },
            Block::Table {
                header: false,
                rows: vec![vec![t("1")], vec![t("2"), t("3")]],
            },
            Block::Callout {
                title: None,
                blocks: vec![],
            },
            Block::Columns(vec![vec![Block::Facts {
                title: None,
                rows: vec![],
            }]]),
            Block::Columns(vec![]),
        ],
    };
    let out = DocxWriter::new().render(&doc, &theme(Paper::A4)).unwrap();
    let parts = unzip(&out.bytes);
    assert_well_formed(&parts);
    let xml = part(&parts, "word/document.xml");
    assert!(xml.contains("Tom &amp; Jerry&apos;s &lt;job&gt;"));
    assert!(xml.contains(
        "tab</w:t><w:tab/><w:t xml:space=\"preserve\">here</w:t><w:br w:type=\"textWrapping\"/>"
    ));
    // Characters XML forbids are gone, the rest kept.
    let texts: String = paragraphs(&xml).into_iter().map(|(_, t)| t).collect();
    assert!(texts.contains("new line  bell ŵ ŷ 😀"), "{texts}");
    assert!(xml.contains("<w:br w:type=\"page\"/>"));
    assert!(
        xml.contains("<w:startOverride w:val=\"4\"/>")
            || part(&parts, "word/numbering.xml").contains("<w:startOverride w:val=\"4\"/>")
    );
    assert!(part(&parts, "word/_rels/document.xml.rels")
        .contains("Target=\"https://example.org/?a=1&amp;b=&quot;2&quot;\""));
    assert!(part(&parts, "docProps/core.xml")
        .contains("<dc:title>A &amp; B &lt;c&gt; &quot;d&quot;</dc:title>"));
    // The author falls back to the trust.
    assert!(part(&parts, "docProps/core.xml").contains(&format!("<dc:creator>{ORG}</dc:creator>")));
}

#[test]
fn an_empty_document_still_opens() {
    let out = DocxWriter::new()
        .render(&Document::default(), &theme(Paper::A4))
        .unwrap();
    let parts = unzip(&out.bytes);
    assert_well_formed(&parts);
    let doc = part(&parts, "word/document.xml");
    let body = doc
        .split("<w:body>")
        .nth(1)
        .unwrap()
        .split("<w:sectPr>")
        .next()
        .unwrap();
    assert_eq!(paragraphs(body), [("Normal".to_owned(), String::new())]);
    assert!(!body.contains("<w:tbl>"));
}

#[test]
fn the_writer_is_shareable_and_says_docx() {
    fn shareable<T: Send + Sync>(_: &T) {}
    let w = DocxWriter::new();
    shareable(&w);
    assert_eq!(w.extension(), "docx");
    let _ = Inline::LineBreak;
}

/// Writes sample handouts for a look in Word or LibreOffice:
/// `DOCX_SAMPLES=/tmp/x cargo test --test docx_writer -- --ignored`, then
/// `soffice --headless --convert-to pdf --outdir /tmp/x /tmp/x/*.docx`.
#[test]
#[ignore]
fn write_sample_handouts() {
    let dir = std::path::PathBuf::from(
        std::env::var("DOCX_SAMPLES").unwrap_or("target/docx-samples".into()),
    );
    std::fs::create_dir_all(&dir).unwrap();
    for (name, lang, paper, draft) in [
        ("handout-a4", "en-GB", Paper::A4, false),
        ("handout-a5-cy", "cy", Paper::A5, false),
        ("handout-a4-draft", "en-GB", Paper::A4, true),
    ] {
        let mut doc = handout(lang);
        doc.meta.draft = draft;
        if draft {
            doc.blocks.push(Block::Lang {
                lang: "cy".into(),
                blocks: vec![h(2, "Cysylltu â ni"), p("Croesewir gohebiaeth yn Gymraeg.")],
            });
        }
        let out = DocxWriter::new().render(&doc, &theme(paper)).unwrap();
        std::fs::write(dir.join(format!("{name}.docx")), out.bytes).unwrap();
    }
}

#[test]
#[ignore]
fn timing_probe() {
    let doc = handout("en-GB");
    let theme = theme(Paper::A4);
    let w = DocxWriter::new();
    for _ in 0..500 {
        w.render(&doc, &theme).unwrap();
    }
    std::env::set_var("CP_TIMING", "1");
    for _ in 0..6 {
        w.render(&doc, &theme).unwrap();
    }
}
