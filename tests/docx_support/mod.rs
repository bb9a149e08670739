//! Shared by the DOCX tests and `benches/docx.rs`: a full handout
//! fixture, and reading a .docx back the way Word would (unzip it and look
//! at its XML parts).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use careerpress::document::{Document, Paper, Writer};
use careerpress::docx::DocxWriter;

pub mod fixture {
    //! A full PALS officer handout for a fictional trust, built by hand the
    //! way the markup parser builds it.

    /// The labels a build gives a document in `language` (from the
    /// catalogues in templates/locales): Welsh for Welsh, else English.
    pub fn labels(language: &str) -> careerpress::document::Labels {
        if !language.starts_with("cy") {
            return Default::default();
        }
        careerpress::document::Labels {
            page_of: "Tudalen {page} o {pages}".into(),
            draft: "DRAFFT – nid i’w gyhoeddi".into(),
            draft_word: "DRAFFT".into(),
            key_facts: "Ffeithiau allweddol".into(),
            table: "Tabl".into(),
            note: "Nodyn".into(),
            table_columns: "Colofnau: {columns}".into(),
            layout_table: "Cynllun yn unig: darllenwch bob colofn yn ei thro.".into(),
            callout: "Blwch ar wahân i’r testun.".into(),
            ..Default::default()
        }
    }

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
            legibility: Default::default(),
            spacing: Default::default(),
            hyphenation: Default::default(),
            sides: Default::default(),
            typographic: false,
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
                caption: Some(vec![Inline::Text("Read the full profile on Health Careers".into())]),
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
                alternates: Vec::new(),
                labels: labels(language),
            },
            blocks,
        }
    }
}

use fixture::*;

/// The parts of a .docx, by path.
pub fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
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

/// A part's XML, with empty elements written `<a/>` whether the writer
/// wrote `<a/>` or `<a />` (docx-rs writes the latter), so assertions
/// compare content, not spacing. Text cannot contain either form: `>` in
/// text is escaped.
pub fn part(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        parts
            .get(name)
            .unwrap_or_else(|| panic!("no {name}"))
            .clone(),
    )
    .unwrap()
    .replace(" />", "/>")
}

pub fn render(doc: &Document, paper: Paper) -> (Vec<u8>, BTreeMap<String, Vec<u8>>) {
    let out = DocxWriter::new().render(doc, &theme(paper)).unwrap();
    let parts = unzip(&out.bytes);
    (out.bytes, parts)
}

/// Every XML part parses, with matching end tags, and holds no character
/// XML forbids.
pub fn assert_well_formed(parts: &BTreeMap<String, Vec<u8>>) {
    for (name, bytes) in parts {
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        if let Some(c) = text.chars().find(|&c| {
            ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
                || c == '\u{FFFE}'
                || c == '\u{FFFF}'
        }) {
            panic!("{name} holds {c:?}, which XML forbids");
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
pub fn value_after<'a>(xml: &'a str, marker: &str) -> &'a str {
    let rest = xml
        .split_once(marker)
        .unwrap_or_else(|| panic!("no {marker} in {xml}"))
        .1;
    rest.split('"').next().unwrap()
}

pub fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The XML of each paragraph (`<w:p …>…</w:p>`) in a part, in order.
pub fn paragraph_xml(xml: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<w:p") {
        let after = &rest[i + 4..];
        if !(after.starts_with('>') || after.starts_with(' ')) {
            rest = after;
            continue;
        }
        let end = after.find("</w:p>").map_or(after.len(), |e| e + 6);
        out.push(&rest[i..i + 4 + end]);
        rest = &after[end..];
    }
    out
}

/// The paragraphs of a part as (style id, text), in document order; line
/// breaks as `\n`, tabs as `\t`.
pub fn paragraphs(xml: &str) -> Vec<(String, String)> {
    paragraph_xml(xml)
        .into_iter()
        .map(|para| {
            let style = para
                .split("<w:pStyle w:val=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or("Normal")
                .to_owned();
            (style, text_of(para))
        })
        .collect()
}

/// The text of some runs: `w:t` content, breaks as `\n`, tabs as `\t`.
pub fn text_of(xml: &str) -> String {
    let mut text = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        let end = rest.find('>').unwrap();
        let tag = &rest[..=end];
        rest = &rest[end + 1..];
        if tag == "<w:t>" || tag.starts_with("<w:t ") {
            let close = rest.find("</w:t>").unwrap();
            text.push_str(&unescape(&rest[..close]));
            rest = &rest[close..];
        } else if tag.starts_with("<w:br") && !tag.contains("w:type=\"page\"") {
            text.push('\n');
        } else if tag == "<w:tab/>" {
            text.push('\t');
        }
    }
    text
}
