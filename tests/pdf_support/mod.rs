//! Shared by the PDF tests: fixtures (fonts, a logo, a theme, a PALS
//! leaflet as a `Document`) and a small reader for what a PDF holds
//! (glyphs as a viewer places them, marked content, the structure tree).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use careerpress::document::{
    Block, Colour, Document, Fact, FontSet, ImageAsset, ImageFormat, Inline, Meta, Paper,
    PrintOptions, Theme, Writer,
};
use careerpress::pdf::PdfWriter;
use lopdf::ObjectId;

pub mod pdfx;
mod read;
mod structure;
#[allow(unused_imports)]
pub use read::*;
#[allow(unused_imports)]
pub use structure::*;

// ---------------------------------------------------------------- fixtures

pub fn font(name: &str) -> Arc<Vec<u8>> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("templates/fonts")
        .join(name);
    Arc::new(std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
}

pub fn fonts() -> Arc<FontSet> {
    Arc::new(FontSet {
        id: "templates/fonts/LiberationSans".into(),
        family: "Liberation Sans".into(),
        regular: font("LiberationSans-Regular.ttf"),
        bold: font("LiberationSans-Bold.ttf"),
        italic: font("LiberationSans-Italic.ttf"),
        bold_italic: font("LiberationSans-BoldItalic.ttf"),
    })
}

/// A placeholder logo: a white-on-blue lozenge with a bar, as a PNG.
pub fn logo_png() -> Arc<ImageAsset> {
    let (w, h) = (240u32, 96u32);
    let img = image::RgbaImage::from_fn(w, h, |x, y| {
        let inside = x > 8 && x < w - 8 && y > 8 && y < h - 8;
        let bar = (30..210).contains(&x) && (40..56).contains(&y);
        if bar {
            image::Rgba([255, 255, 255, 255])
        } else if inside {
            image::Rgba([0, 94, 184, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    let mut bytes = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut bytes),
        image::ImageFormat::Png,
    )
    .expect("png encodes");
    Arc::new(ImageAsset {
        bytes: Arc::new(bytes),
        format: ImageFormat::Png,
        width_px: w,
        height_px: h,
        alt: "Riverside Hospitals NHS Foundation Trust logo".into(),
    })
}

pub fn theme(paper: Paper, print: PrintOptions) -> Theme {
    let mut images = BTreeMap::new();
    images.insert("logo".to_string(), logo_png());
    Theme {
        org_name: "Riverside Hospitals NHS Foundation Trust".into(),
        org_short_name: "Riverside".into(),
        primary: Colour {
            rgb: careerpress::document::Rgb(0, 94, 184),
            cmyk: Some([100.0, 50.0, 0.0, 0.0]),
        },
        secondary: Colour::rgb(0, 164, 153),
        shade: Colour::rgb(232, 240, 248),
        text: Colour::rgb(33, 43, 50),
        fonts: fonts(),
        images,
        paper,
        print,
        body_pt: 12.0,
        footer: "PALS: 0300 123 4567".into(),
        text_width: 72,
        legibility: Default::default(),
        spacing: Default::default(),
        hyphenation: Default::default(),
        sides: Default::default(),
        typographic: false,
    }
}

pub fn t(s: &str) -> Inline {
    Inline::Text(s.into())
}

pub fn para(s: &str) -> Block {
    Block::Paragraph(vec![t(s)])
}

pub fn h(level: u8, s: &str) -> Block {
    Block::Heading {
        level,
        content: vec![t(s)],
    }
}

pub fn bullets(items: &[&str]) -> Block {
    Block::List {
        ordered: false,
        start: 1,
        items: items.iter().map(|i| vec![para(i)]).collect(),
    }
}

pub const JOB_URL: &str = "https://www.healthcareers.nhs.uk/explore-roles/wider-healthcare-team/roles-wider-healthcare-team/corporate-services/patient-advice-and-liaison-service-pals-officer";

pub fn meta() -> Meta {
    Meta {
        title: "Patient advice and liaison service (PALS) officer".into(),
        author: "Riverside Hospitals NHS Foundation Trust".into(),
        subject: "Careers leaflet: what a PALS officer does & how to become one".into(),
        keywords: vec![
            "PALS".into(),
            "careers".into(),
            "wider healthcare team".into(),
        ],
        language: "en-GB".into(),
        created: 1_717_200_000,
        source: "content/jobs/pals-officer.yaml".into(),
        draft: false,
        labels: Default::default(),
        alternates: Vec::new(),
    }
}

pub fn pals() -> Document {
    let fact = |l: &str, v: &str| Fact {
        label: vec![t(l)],
        value: vec![t(v)],
    };
    Document {
        meta: meta(),
        blocks: vec![
            Block::Banner {
                blocks: vec![
                    h(1, "Patient advice and liaison service (PALS) officer"),
                    para("Help patients, families and carers get answers, sort out problems and be heard."),
                ],
            },
            para(
                "PALS officers are often the first person a patient or relative talks to when something \
                 has gone wrong or they need help finding their way around the NHS. You listen, explain, \
                 and work with staff across the hospital to put things right quickly.",
            ),
            Block::Facts {
                title: Some(vec![t("Key facts")]),
                rows: vec![
                    fact("Salary", "£18,200 to £22,000"),
                    fact("Hours", "37.5 a week, 9am to 5pm Monday to Friday"),
                    fact("Where you could work", "Hospital or community"),
                ],
            },
            h(2, "What you'll do"),
            bullets(&[
                "listen to patients, relatives and carers and help them with concerns and questions",
                "explain NHS complaints procedures and how to use them",
                "liaise with staff and managers to resolve problems quickly",
                "keep accurate records of every enquiry and its outcome",
                "spot trends and report them so services can improve",
                "signpost people to independent advocacy and support services",
            ]),
            h(2, "How to become one"),
            bullets(&[
                "apply directly: there are no set entry requirements, but good GCSEs help",
                "experience of customer service or advice work is valued",
                "a health and social care qualification can help",
                "volunteering with a patient group is a good start",
                "some trusts offer apprenticeships in business administration",
            ]),
            h(2, "Skills"),
            Block::Columns(vec![
                vec![bullets(&[
                    "listening",
                    "patience and tact",
                    "clear speaking",
                    "clear writing",
                    "problem solving",
                    "negotiating",
                ])],
                vec![bullets(&[
                    "staying calm",
                    "empathy",
                    "record keeping",
                    "IT skills",
                    "team working",
                    "confidentiality",
                ])],
            ]),
            h(2, "Career progression"),
            para(
                "With experience you could become a PALS manager or move into patient experience, \
                 complaints management or governance roles. Some PALS officers go on to train in \
                 management or healthcare administration.",
            ),
            Block::Callout {
                title: Some(vec![t("Find out more")]),
                blocks: vec![
                    Block::Paragraph(vec![
                        Inline::Strong(vec![t("Riverside Hospitals PALS")]),
                        Inline::LineBreak,
                        t("Riverside General Hospital, River Road, Riverside RV1 2AB"),
                        Inline::LineBreak,
                        t("Telephone: "),
                        Inline::Link {
                            url: "tel:+443001234567".into(),
                            content: vec![t("0300 123 4567")],
                        },
                        Inline::LineBreak,
                        t("Email: "),
                        Inline::Link {
                            url: "mailto:pals@riverside.nhs.uk".into(),
                            content: vec![t("pals@riverside.nhs.uk")],
                        },
                    ]),
                    Block::Paragraph(vec![
                        t("Read the full profile at "),
                        Inline::Link {
                            url: JOB_URL.into(),
                            content: vec![t(JOB_URL)],
                        },
                    ]),
                    Block::Qr {
                        url: JOB_URL.into(),
                        caption: Some(vec![Inline::Text("Scan for the full job profile".into())]),
                    },
                ],
            },
        ],
    }
}

pub fn render(doc: &Document, theme: &Theme) -> careerpress::document::Rendered {
    PdfWriter::new().render(doc, theme).expect("renders")
}

pub fn boxes(doc: &lopdf::Document, page: ObjectId, key: &[u8]) -> Option<[f32; 4]> {
    let d = doc.get_dictionary(page).ok()?;
    let a = d.get(key).ok()?.as_array().ok()?;
    Some([num(&a[0]), num(&a[1]), num(&a[2]), num(&a[3])])
}

pub const MM: f32 = 72.0 / 25.4;
