//! The DOCX writer, read back the way Word would: unzip the handout and
//! look at its XML parts (docx-rs's reader is too weak for files it did not
//! write).
//!
//! `fixture` is shared with `benches/docx.rs` (which includes this file as
//! a module), so the benchmark measures the same full handout.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use careerpress::document::{Block, Document, Inline, Paper, Writer};
use careerpress::docx::DocxWriter;

pub mod fixture {
    //! A full PALS officer handout for a fictional trust, built by hand the
    //! way the markup parser builds it.

    use std::collections::BTreeMap;
    use std::sync::Arc;

    use careerpress::document::{
        Block, Colour, Document, Fact, FontSet, ImageAsset, ImageFormat, Inline, Meta, Paper,
        PrintOptions, Theme,
    };

    pub const ORG: &str = "Riverside Hospitals NHS Foundation Trust";
    pub const FOOTER: &str = "PALS, Riverside Hospital, Mill Lane, Riverside RV1 2AB · 01234 567890 · pals@riverside.nhs.uk";
    /// 2025-03-01T09:30:00Z
    pub const CREATED: i64 = 1_740_821_400;

    /// A 240 × 96 PNG: an NHS-blue lozenge.
    pub fn logo_png() -> Vec<u8> {
        let img = image::RgbImage::from_fn(240, 96, |x, y| {
            let inside = (20..220).contains(&x) && (18..78).contains(&y);
            if inside && (x / 20 + y / 20) % 3 == 0 {
                image::Rgb([255, 255, 255])
            } else {
                image::Rgb([0, 94, 184])
            }
        });
        let mut out = Vec::new();
        img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        out
    }

    pub fn theme(paper: Paper) -> Theme {
        let logo = ImageAsset {
            bytes: Arc::new(logo_png()),
            format: ImageFormat::Png,
            width_px: 240,
            height_px: 96,
            alt: "Riverside Hospitals NHS Foundation Trust logo".into(),
        };
        let empty = Arc::new(Vec::new());
        Theme {
            org_name: ORG.into(),
            org_short_name: "Riverside".into(),
            primary: Colour::rgb(0x00, 0x5E, 0xB8),
            secondary: Colour::rgb(0x41, 0xB6, 0xE6),
            shade: Colour::rgb(0xE8, 0xF1, 0xFA),
            text: Colour::rgb(0x23, 0x1F, 0x20),
            fonts: Arc::new(FontSet {
                id: "liberation".into(),
                family: "Liberation Sans".into(),
                regular: empty.clone(),
                bold: empty.clone(),
                italic: empty.clone(),
                bold_italic: empty,
            }),
            images: BTreeMap::from([("logo".to_owned(), Arc::new(logo))]),
            paper,
            print: PrintOptions::default(),
            body_pt: 11.0,
            footer: FOOTER.into(),
            text_width: 72,
        }
    }

    pub fn t(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.into())]
    }

    pub fn h(level: u8, s: &str) -> Block {
        Block::Heading {
            level,
            content: t(s),
        }
    }

    pub fn p(s: &str) -> Block {
        Block::Paragraph(t(s))
    }

    pub fn link(url: &str, s: &str) -> Inline {
        Inline::Link {
            url: url.into(),
            content: t(s),
        }
    }

    pub fn bullets(items: &[&str]) -> Block {
        Block::List {
            ordered: false,
            start: 1,
            items: items.iter().map(|i| vec![p(i)]).collect(),
        }
    }

    fn fact(label: &str, value: &str) -> Fact {
        Fact {
            label: t(label),
            value: t(value),
        }
    }

    /// Every section of the handout, in order, as the template writes them
    /// (sections at `##`, routes at `###`).
    pub const SECTIONS: [&str; 10] = [
        "What you'll do",
        "How to become a PALS officer",
        "What it takes",
        "Training and development",
        "Working environment",
        "Career path and progression",
        "Where the jobs are",
        "Career tips",
        "Further information",
        "Related jobs",
    ];

    pub fn handout(language: &str) -> Document {
        let blocks = vec![
            Block::Banner {
                blocks: vec![
                    h(1, "Patient advice and liaison service (PALS) officer"),
                    p("Help patients, families and carers resolve concerns about NHS care."),
                ],
            },
            Block::Paragraph(vec![
                Inline::Text("PALS officers give ".into()),
                Inline::Strong(t("confidential advice")),
                Inline::Text(" and support to patients, their families and carers, and ".into()),
                Inline::Emphasis(t("help sort out concerns")),
                Inline::Text(" about NHS services.".into()),
            ]),
            Block::Facts {
                title: Some(t("Key facts")),
                rows: vec![
                    fact("Salary", "£25,674 to £31,695 a year (Agenda for Change band 4 to 5)"),
                    fact("Hours", "37.5 hours a week"),
                    fact("Working pattern", "9am to 5pm, Monday to Friday; occasionally evenings"),
                    fact("Where you could work", "Hospitals, community health services, ambulance trusts"),
                ],
            },
            h(2, SECTIONS[0]),
            p("Your duties could range from helping distressed patients understand the NHS complaints procedure to advising bereaved relatives."),
            bullets(&[
                "giving advice to resolve concerns about services or care",
                "liaising with staff, managers and support groups",
                "listening to patients' concerns, suggestions and experiences",
                "supervising and coordinating PALS volunteers",
            ]),
            h(2, SECTIONS[1]),
            p("You can get into this job through:"),
            bullets(&["a college course", "an apprenticeship", "volunteering", "applying directly"]),
            h(3, "College"),
            p("You could do a Level 2 or 3 Diploma in Customer Service."),
            Block::Paragraph(vec![Inline::Strong(t("Entry requirements"))]),
            bullets(&[
                "2 or more GCSEs at grades 9 to 3 (A* to D), or equivalent, for a level 2 course",
                "4 or 5 GCSEs at grades 9 to 4 (A* to C), or equivalent, for a level 3 course",
            ]),
            h(3, "Apprenticeship"),
            p("You could do an intermediate customer service practitioner apprenticeship."),
            Block::Paragraph(vec![Inline::Strong(t("Entry requirements"))]),
            bullets(&[
                "5 GCSEs at grades 9 to 4 (A* to C), or equivalent, including English and maths",
                "some GCSEs, usually including English and maths, for an intermediate apprenticeship",
            ]),
            h(3, "Volunteering"),
            p("Contact the voluntary services co-ordinator at your local NHS trust."),
            h(3, "Applying directly"),
            Block::List {
                ordered: true,
                start: 1,
                items: vec![
                    vec![p("Check the entry requirements below.")],
                    vec![
                        p("Search for PALS jobs on NHS Jobs."),
                        p("Set up a job alert so you hear about new posts."),
                    ],
                    vec![
                        p("Apply, showing how NHS values apply in your work:"),
                        bullets(&["respect and dignity", "compassion"]),
                    ],
                ],
            },
            Block::Paragraph(vec![Inline::Strong(t("Entry requirements"))]),
            bullets(&[
                "a good general standard of education, including GCSE English and maths",
                "previous experience in a customer care or mediation role",
            ]),
            h(2, SECTIONS[2]),
            h(3, "Skills and qualities"),
            bullets(&[
                "excellent listening and communication skills",
                "the ability to deal with complex and sensitive situations",
                "empathy and a non-judgemental approach",
            ]),
            h(3, "Restrictions and requirements"),
            bullets(&["an enhanced background check by the Disclosure and Barring Service (DBS)"]),
            h(2, SECTIONS[3]),
            p("Training is mostly on the job, with short courses in equality and diversity, advanced communication skills and bereavement."),
            h(2, SECTIONS[4]),
            p("You could work in an office or at a hospital. You may travel between sites."),
            h(2, SECTIONS[5]),
            p("With experience you could become a senior PALS officer or PALS service manager."),
            Block::Table {
                header: true,
                rows: vec![
                    vec![t("Role"), t("Band")],
                    vec![t("PALS officer"), t("4 to 5")],
                    vec![t("Senior PALS officer"), t("6")],
                    vec![t("PALS service manager"), t("7")],
                ],
            },
            h(2, SECTIONS[6]),
            p("Most jobs are in hospitals, ambulance services and community health services."),
            Block::Callout {
                title: Some(t(SECTIONS[7])),
                blocks: vec![p("When applying for jobs, show an understanding of how NHS values apply in your work.")],
            },
            h(2, SECTIONS[8]),
            Block::Columns(vec![
                vec![
                    Block::Paragraph(vec![Inline::Strong(t("Health Careers"))]),
                    Block::Paragraph(vec![
                        link("https://www.healthcareers.nhs.uk/", "healthcareers.nhs.uk"),
                        Inline::LineBreak,
                        link("tel:03456060655", "0345 60 60 655"),
                    ]),
                ],
                vec![
                    Block::Paragraph(vec![Inline::Strong(t("Riverside PALS"))]),
                    Block::Paragraph(vec![
                        link("mailto:pals@riverside.nhs.uk", "pals@riverside.nhs.uk"),
                        Inline::LineBreak,
                        Inline::Text("Mill Lane, Riverside RV1 2AB".into()),
                    ]),
                ],
            ]),
            Block::Qr {
                url: "https://www.healthcareers.nhs.uk/explore-roles/wider-healthcare-team/roles-wider-healthcare-team/corporate-services/patient-advice-and-liaison-service-pals-officer".into(),
                caption: Some("Read the full profile on Health Careers".into()),
            },
            h(2, SECTIONS[9]),
            Block::List {
                ordered: false,
                start: 1,
                items: vec![
                    vec![Block::Paragraph(vec![link("https://www.healthcareers.nhs.uk/explore-roles/complaints-manager", "Complaints manager")])],
                    vec![Block::Paragraph(vec![link("https://www.healthcareers.nhs.uk/explore-roles/health-records-staff", "Health records staff")])],
                ],
            },
            Block::Rule,
            p("Last reviewed March 2025."),
        ];
        Document {
            meta: Meta {
                title: "Patient advice and liaison service (PALS) officer".into(),
                author: ORG.into(),
                subject: "Careers handout: PALS officer".into(),
                keywords: vec![
                    "PALS".into(),
                    "NHS careers".into(),
                    "wider healthcare team".into(),
                ],
                language: language.into(),
                created: CREATED,
                source: "content/jobs/pals-officer.yaml".into(),
                draft: false,
                labels: Default::default(),
            },
            blocks,
        }
    }
}

use fixture::*;

/// The parts of a .docx, by path.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut buf = Vec::new();
        f.read_to_end(&mut buf).unwrap();
        parts.insert(f.name().to_owned(), buf);
    }
    parts
}

fn part(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        parts
            .get(name)
            .unwrap_or_else(|| panic!("no {name}"))
            .clone(),
    )
    .unwrap()
}

fn render(doc: &Document, paper: Paper) -> (Vec<u8>, BTreeMap<String, Vec<u8>>) {
    let out = DocxWriter::new().render(doc, &theme(paper)).unwrap();
    let parts = unzip(&out.bytes);
    (out.bytes, parts)
}

/// Every XML part parses, with matching end tags.
fn assert_well_formed(parts: &BTreeMap<String, Vec<u8>>) {
    for (name, bytes) in parts {
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut reader = quick_xml::Reader::from_reader(bytes.as_slice());
        let mut buf = Vec::new();
        let mut depth = 0i32;
        loop {
            match reader.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Start(_)) => depth += 1,
                Ok(quick_xml::events::Event::End(_)) => depth -= 1,
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed: {e}"),
            }
            buf.clear();
        }
        assert_eq!(depth, 0, "{name} has unclosed elements");
    }
}

/// The text after the first `marker` in `xml`, up to the next quote: an
/// attribute's value when `marker` ends with `="`.
fn value_after<'a>(xml: &'a str, marker: &str) -> &'a str {
    let rest = xml
        .split_once(marker)
        .unwrap_or_else(|| panic!("no {marker} in {xml}"))
        .1;
    rest.split('"').next().unwrap()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The paragraphs of a part as (style id, text), in document order; line
/// breaks as `\n`, tabs as `\t`.
fn paragraphs(xml: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for chunk in xml.split("<w:p>").skip(1) {
        let para = chunk.split("</w:p>").next().unwrap_or("");
        let style = para
            .split("<w:pStyle w:val=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or("Normal")
            .to_owned();
        let mut text = String::new();
        let mut rest = para;
        while let Some(i) = rest.find('<') {
            rest = &rest[i..];
            let end = rest.find('>').unwrap();
            let tag = &rest[..=end];
            rest = &rest[end + 1..];
            if tag == "<w:t>" || tag.starts_with("<w:t ") {
                let close = rest.find("</w:t>").unwrap();
                text.push_str(&unescape(&rest[..close]));
                rest = &rest[close..];
            } else if tag == "<w:br/>" {
                text.push('\n');
            } else if tag == "<w:tab/>" {
                text.push('\t');
            }
        }
        out.push((style, text));
    }
    out
}

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
    // Sections were `##` in the markup: the top level becomes Heading 1.
    let mut sections: Vec<String> = styled("Heading1");
    sections.insert(7, "Career tips".into());
    assert_eq!(sections, SECTIONS);
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
    assert_eq!(styled("BoxTitle"), ["Career tips"]);

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
    let paras: Vec<&str> = doc.split("<w:p>").skip(1).collect();
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
    for p in &bullets {
        assert!(p.contains("<w:numId w:val=\"1\"/>"), "{p}");
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
    assert!(numbering.contains(&format!(
        "<w:num w:numId=\"{num_id}\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>"
    )));
    assert!(numbering.contains("<w:numFmt w:val=\"bullet\"/>"));
    assert!(numbering.contains("<w:numFmt w:val=\"decimal\"/>"));
    // A second paragraph in an item continues at its indent, unnumbered.
    assert!(doc.contains("<w:pStyle w:val=\"ListContinue\"/><w:ind w:left=\"360\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Set up a job alert"));
}

#[test]
fn the_header_has_the_logo_with_alt_text_and_the_trust_name() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let header = part(&parts, "word/header1.xml");
    assert!(header.contains(ORG));
    assert!(header.contains("descr=\"Riverside Hospitals NHS Foundation Trust logo\""));
    let rid = value_after(&header, "r:embed=\"");
    let rels = part(&parts, "word/_rels/header1.xml.rels");
    assert!(rels.contains(&format!("Id=\"{rid}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image1.png\"")));
    assert_eq!(parts["word/media/image1.png"], logo_png());
    // Header and footer are on every page of the section.
    let doc = part(&parts, "word/document.xml");
    assert!(doc.contains("<w:headerReference w:type=\"default\""));
    assert!(doc.contains("<w:footerReference w:type=\"default\""));
}

#[test]
fn the_footer_has_the_contact_line_and_page_n_of_m_fields() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let footer = part(&parts, "word/footer1.xml");
    assert!(footer.contains(FOOTER));
    let paras = paragraphs(&footer);
    assert_eq!(paras.last().unwrap().1, "Page 1 of 1");
    assert_eq!(
        footer
            .matches("<w:fldChar w:fldCharType=\"begin\"/>")
            .count(),
        2
    );
    assert!(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
    assert!(footer.contains("<w:instrText xml:space=\"preserve\"> NUMPAGES </w:instrText>"));
    assert!(footer.find(" PAGE ").unwrap() < footer.find(" NUMPAGES ").unwrap());
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
fn the_qr_code_is_a_picture_with_the_url_as_a_link() {
    let (_, parts) = render(&handout("en-GB"), Paper::A4);
    let doc = part(&parts, "word/document.xml");
    assert!(doc.contains("descr=\"QR code: Read the full profile on Health Careers (https://www.healthcareers.nhs.uk/explore-roles/"));
    assert!(parts["word/media/image2.png"].starts_with(b"\x89PNG"));
    // Drawing ids are unique across header and body.
    assert!(part(&parts, "word/header1.xml").contains("<wp:docPr id=\"1\""));
    assert!(doc.contains("<wp:docPr id=\"2\""));
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
fn bad_images_and_links_warn_instead_of_failing() {
    let mut theme = theme(Paper::A4);
    let mut broken = theme.images["logo"].as_ref().clone();
    broken.bytes = std::sync::Arc::new(b"not a png".to_vec());
    theme
        .images
        .insert("logo".into(), std::sync::Arc::new(broken.clone()));
    theme
        .images
        .insert("photo".into(), std::sync::Arc::new(broken));
    let doc = Document {
        meta: handout("en-GB").meta,
        blocks: vec![
            Block::Image {
                name: "photo".into(),
                alt: "A PALS officer at work".into(),
            },
            Block::Image {
                name: "missing".into(),
                alt: "Nothing here".into(),
            },
            Block::Paragraph(vec![link("javascript:alert(1)", "click")]),
            Block::Qr {
                url: "https://example.org/".repeat(300),
                caption: None,
            },
        ],
    };
    let out = DocxWriter::new().render(&doc, &theme).unwrap();
    assert_eq!(out.warnings.len(), 4, "{:?}", out.warnings);
    assert!(out
        .warnings
        .iter()
        .all(|w| w.starts_with("content/jobs/pals-officer.yaml: ")));
    let parts = unzip(&out.bytes);
    assert_well_formed(&parts);
    let doc = part(&parts, "word/document.xml");
    assert!(!doc.contains("<w:drawing>"));
    assert!(!doc.contains("javascript"));
    assert!(doc.contains("A PALS officer at work"));
    assert!(!part(&parts, "word/header1.xml").contains("<w:drawing>"));
    assert!(!parts.keys().any(|k| k.starts_with("word/media/")));
}

#[test]
fn images_keep_their_format_and_fit_the_page() {
    let mut theme = theme(Paper::A5);
    let jpeg = {
        let img = image::RgbImage::from_pixel(4_000, 1_000, image::Rgb([200, 30, 30]));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Jpeg)
            .unwrap();
        out
    };
    theme.images.insert(
        "wide".into(),
        std::sync::Arc::new(careerpress::document::ImageAsset {
            bytes: std::sync::Arc::new(jpeg.clone()),
            format: careerpress::document::ImageFormat::Jpeg,
            width_px: 4_000,
            height_px: 1_000,
            alt: "Default alt".into(),
        }),
    );
    let doc = Document {
        meta: handout("en-GB").meta,
        blocks: vec![Block::Image {
            name: "wide".into(),
            alt: "A ward".into(),
        }],
    };
    let out = DocxWriter::new().render(&doc, &theme).unwrap();
    assert!(out.warnings.is_empty());
    let parts = unzip(&out.bytes);
    assert_eq!(parts["word/media/image2.jpeg"], jpeg);
    let xml = part(&parts, "word/document.xml");
    assert!(xml.contains("descr=\"A ward\""));
    let cx: u64 = value_after(&xml, "<wp:extent cx=\"").parse().unwrap();
    assert_eq!(cx, u64::from(8_391u32 - 2 * 851) * 635);
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
    assert!(xml.contains("tab</w:t><w:tab/><w:t xml:space=\"preserve\">here</w:t><w:br/>"));
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
    assert!(part(&parts, "word/document.xml").contains("<w:body><w:p/><w:sectPr>"));
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
    for (name, lang, paper) in [
        ("handout-a4", "en-GB", Paper::A4),
        ("handout-a5-cy", "cy", Paper::A5),
    ] {
        let out = DocxWriter::new()
            .render(&handout(lang), &theme(paper))
            .unwrap();
        std::fs::write(dir.join(format!("{name}.docx")), out.bytes).unwrap();
    }
}
