//! Shared by the PDF tests: fixtures (fonts, a logo, a theme, a PALS
//! leaflet as a `Document`) and a small reader for what a PDF holds
//! (glyphs as a viewer places them, marked content, the structure tree).
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use careerpress::document::{
    Block, Colour, Document, Fact, FontSet, ImageAsset, ImageFormat, Inline, Meta, Paper,
    PrintOptions, Theme, Writer,
};
use careerpress::pdf::PdfWriter;
use lopdf::{Object, ObjectId};

mod structure;
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
                        caption: Some("Scan for the full job profile".into()),
                    },
                ],
            },
        ],
    }
}

pub fn render(doc: &Document, theme: &Theme) -> careerpress::document::Rendered {
    PdfWriter::new().render(doc, theme).expect("renders")
}

pub fn load(bytes: &[u8]) -> lopdf::Document {
    lopdf::Document::load_mem(bytes).expect("lopdf reads the PDF back")
}

// ------------------------------------------------- a tiny text interpreter

/// A glyph as a viewer would place it.
#[derive(Debug, Clone)]
pub struct Placed {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
}

pub struct FontInfo {
    widths: HashMap<u16, f32>,
    to_unicode: HashMap<u16, String>,
}

pub fn deref<'a>(doc: &'a lopdf::Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).expect("reference resolves"),
        o => o,
    }
}

pub fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => panic!("not a number: {o:?}"),
    }
}

pub fn font_info(doc: &lopdf::Document, font: &lopdf::Dictionary) -> FontInfo {
    let desc = deref(doc, font.get(b"DescendantFonts").expect("Type0"))
        .as_array()
        .expect("array");
    let cid = deref(doc, &desc[0]).as_dict().expect("CIDFont");
    let w = deref(doc, cid.get(b"W").expect("/W"))
        .as_array()
        .expect("W array");
    let mut widths = HashMap::new();
    let mut i = 0;
    while i < w.len() {
        let first = num(&w[i]) as u16;
        match &w[i + 1] {
            Object::Array(ws) => {
                for (k, v) in ws.iter().enumerate() {
                    widths.insert(first + k as u16, num(v));
                }
                i += 2;
            }
            last => {
                let last = num(last) as u16;
                let v = num(&w[i + 2]);
                for c in first..=last {
                    widths.insert(c, v);
                }
                i += 3;
            }
        }
    }
    let tu = deref(doc, font.get(b"ToUnicode").expect("ToUnicode"))
        .as_stream()
        .expect("stream");
    let cmap = String::from_utf8_lossy(&tu.decompressed_content().unwrap_or(tu.content.clone()))
        .to_string();
    let mut to_unicode = HashMap::new();
    let mut in_bf = false;
    for line in cmap.lines() {
        if line.ends_with("beginbfchar") {
            in_bf = true;
        } else if line == "endbfchar" {
            in_bf = false;
        } else if in_bf {
            let parts: Vec<&str> = line
                .split(['<', '>', ' '])
                .filter(|s| !s.is_empty())
                .collect();
            if parts.len() == 2 {
                let code = u16::from_str_radix(parts[0], 16).expect("hex");
                let units: Vec<u16> = (0..parts[1].len() / 4)
                    .map(|k| u16::from_str_radix(&parts[1][k * 4..k * 4 + 4], 16).expect("hex"))
                    .collect();
                to_unicode.insert(code, String::from_utf16_lossy(&units));
            }
        }
    }
    FontInfo { widths, to_unicode }
}

/// A page's fonts (by resource name) and its decoded content stream.
pub fn fonts_and_content(
    doc: &lopdf::Document,
    page: ObjectId,
) -> (HashMap<Vec<u8>, FontInfo>, lopdf::content::Content) {
    let fonts = doc.get_page_fonts(page).expect("fonts");
    let infos = fonts
        .iter()
        .map(|(name, d)| (name.clone(), font_info(doc, d)))
        .collect();
    let content =
        lopdf::content::Content::decode(&doc.get_page_content(page)).expect("content decodes");
    (infos, content)
}

/// Every glyph drawn on a page, in content-stream order.
pub fn glyphs(doc: &lopdf::Document, page: ObjectId) -> Vec<Placed> {
    let (infos, content) = fonts_and_content(doc, page);
    let mut out = Vec::new();
    let mut font: Option<&FontInfo> = None;
    let mut size = 0.0;
    let (mut x, mut y) = (0.0f32, 0.0f32);
    for op in &content.operations {
        match op.operator.as_str() {
            "Tf" => {
                font = op.operands[0].as_name().ok().and_then(|n| infos.get(n));
                size = num(&op.operands[1]);
            }
            "Tm" => {
                x = num(&op.operands[4]);
                y = num(&op.operands[5]);
            }
            "TJ" | "Tj" => {
                let f = font.expect("font set before text");
                let items = match &op.operands[0] {
                    Object::Array(a) => a.clone(),
                    o => vec![o.clone()],
                };
                for it in items {
                    match it {
                        Object::String(bytes, _) => {
                            for c in bytes.chunks(2) {
                                let code = u16::from_be_bytes([c[0], c[1]]);
                                let w =
                                    f.widths.get(&code).copied().unwrap_or(1000.0) * size / 1000.0;
                                out.push(Placed {
                                    text: f.to_unicode.get(&code).cloned().unwrap_or_default(),
                                    x0: x,
                                    x1: x + w,
                                    y,
                                });
                                x += w;
                            }
                        }
                        o => x -= num(&o) * size / 1000.0,
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The text of a page: glyph text in stream order, a newline per baseline.
pub fn page_text(doc: &lopdf::Document, page: ObjectId) -> String {
    let mut s = String::new();
    let mut last: Option<(f32, f32)> = None;
    for g in glyphs(doc, page) {
        if let Some((ly, lx)) = last {
            if (ly - g.y).abs() > 0.5 {
                s.push('\n');
            } else if g.x0 > lx + 0.5 && !s.ends_with(' ') {
                s.push(' ');
            }
        }
        s.push_str(&g.text);
        last = Some((g.y, g.x1));
    }
    s
}

pub fn all_text(doc: &lopdf::Document) -> String {
    doc.get_pages()
        .values()
        .map(|p| page_text(doc, *p))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn boxes(doc: &lopdf::Document, page: ObjectId, key: &[u8]) -> Option<[f32; 4]> {
    let d = doc.get_dictionary(page).ok()?;
    let a = d.get(key).ok()?.as_array().ok()?;
    Some([num(&a[0]), num(&a[1]), num(&a[2]), num(&a[3])])
}

pub const MM: f32 = 72.0 / 25.4;
