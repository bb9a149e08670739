//! Pictures in the handout: the logo in the header, `::: image` and QR
//! codes, each with its own id and alt text, embedded as they are.

use std::io::Cursor;

use careerpress::document::{Block, Document, Paper, Writer};
use careerpress::docx::DocxWriter;

mod docx_support;

use docx_support::fixture::*;
use docx_support::*;

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
fn pictures_have_their_own_ids_and_alt_text() {
    let mut theme = theme(Paper::A4);
    let mut photo = theme.images["logo"].as_ref().clone();
    photo.alt = "Default & \"alt\"".into();
    theme
        .images
        .insert("photo".into(), std::sync::Arc::new(photo));
    let mut doc = handout("en-GB");
    doc.blocks.insert(
        3,
        Block::Image {
            name: "photo".into(),
            alt: String::new(),
        },
    );
    doc.blocks.insert(
        4,
        Block::Image {
            name: "photo".into(),
            alt: "A PALS officer with a patient".into(),
        },
    );
    let out = DocxWriter::new().render(&doc, &theme).unwrap();
    let parts = unzip(&out.bytes);
    let header = part(&parts, "word/header1.xml");
    let body = part(&parts, "word/document.xml");
    let props = |xml: &str, tag: &str| -> Vec<(u32, String, String)> {
        xml.split(tag)
            .skip(1)
            .map(|d| {
                (
                    d.split('"').nth(1).unwrap().parse().unwrap(),
                    unescape(value_after(d, "name=\"")),
                    unescape(value_after(d, "descr=\"")),
                )
            })
            .collect()
    };
    let mut all = props(&header, "<wp:docPr id=");
    all.extend(props(&body, "<wp:docPr id="));
    let alt = |id: u32, name: &str, alt: &str| (id, name.to_owned(), alt.to_owned());
    assert_eq!(
        all,
        [
            alt(1, "Logo", "Riverside Hospitals NHS Foundation Trust logo"),
            alt(2, "photo", "Default & \"alt\""),
            alt(3, "photo", "A PALS officer with a patient"),
            alt(4, "QR code", "QR code: Read the full profile on Health Careers (https://www.healthcareers.nhs.uk/explore-roles/wider-healthcare-team/roles-wider-healthcare-team/corporate-services/patient-advice-and-liaison-service-pals-officer)"),
        ]
    );
    // The picture's own properties say the same.
    let mut inner = props(&header, "<pic:cNvPr id=");
    inner.extend(props(&body, "<pic:cNvPr id="));
    assert_eq!(inner, all);
    // The photo shown twice is one media part, both pictures pointing at
    // it: the logo, the photo and the QR code are three.
    let media: Vec<&String> = parts
        .keys()
        .filter(|k| k.starts_with("word/media/"))
        .collect();
    assert_eq!(media.len(), 3, "{media:?}");
    let rels = part(&parts, "word/_rels/document.xml.rels");
    let target = |rid: &str| {
        value_after(
            rels.split(&format!("Id=\"{rid}\"")).nth(1).unwrap(),
            "Target=\"",
        )
        .to_owned()
    };
    let embeds: Vec<String> = body
        .split("r:embed=\"")
        .skip(1)
        .map(|e| target(e.split('"').next().unwrap()))
        .collect();
    assert_eq!(embeds[0], embeds[1]);
    assert_ne!(embeds[1], embeds[2]);
}
