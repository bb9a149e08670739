//! The large-print leaflet (`leaflet-large-print.pdf`, RNIB clear print):
//! made for every trust, every glyph at least 16 pt as drawn (the font
//! size times the text and graphics matrices, read back from the content
//! stream), one column, the standard leaflet's headings in the same order
//! and languages (Welsh first in Wales), its QR code and printed address;
//! a brand can turn it off.

mod common;
// pdf_support's reader is also in common::read: both are needed here.
#[allow(clippy::duplicate_mod)]
mod pdf_support;

use common::{assert_exit, stdout, Project};
use lopdf::{Object, ObjectId};
use pdf_support::*;

const BRANDS: [&str; 2] = ["eastbrook-hospitals", "glan-y-mor"];

fn pdf(p: &Project, brand: &str, name: &str) -> lopdf::Document {
    load(&std::fs::read(p.file(&format!("output/{brand}/pals-officer/{name}"))).unwrap())
}

/// A 2×3 matrix [a b c d e f] times another.
fn times(m: [f32; 6], n: [f32; 6]) -> [f32; 6] {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

/// Every text-showing operation of a page: its size as drawn (Tf size ×
/// the vertical scale of text matrix × CTM), where it starts (x in page
/// space) and what it shows.
fn drawn_sizes(doc: &lopdf::Document, page: ObjectId) -> Vec<(f32, [f32; 2], String)> {
    let (infos, content) = fonts_and_content(doc, page);
    let one = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    let (mut ctm, mut stack) = (one, Vec::new());
    let (mut tm, mut size, mut font) = (one, 0.0f32, None);
    let mut out = Vec::new();
    for op in &content.operations {
        let m = || -> [f32; 6] {
            let v: Vec<f32> = op.operands.iter().map(num).collect();
            [v[0], v[1], v[2], v[3], v[4], v[5]]
        };
        match op.operator.as_str() {
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(one),
            "cm" => ctm = times(m(), ctm),
            "BT" => tm = one,
            "Tm" => tm = m(),
            "Td" | "TD" => {
                let (x, y) = (num(&op.operands[0]), num(&op.operands[1]));
                tm = times([1.0, 0.0, 0.0, 1.0, x, y], tm);
            }
            "Tf" => {
                font = op.operands[0].as_name().ok().and_then(|n| infos.get(n));
                size = num(&op.operands[1]);
            }
            "TJ" | "Tj" => {
                let f = font.expect("a font before text");
                let mut text = String::new();
                let items = match &op.operands[0] {
                    Object::Array(a) => a.clone(),
                    o => vec![o.clone()],
                };
                for it in items {
                    if let Object::String(bytes, _) = it {
                        for c in bytes.chunks(2) {
                            let code = u16::from_be_bytes([c[0], c[1]]);
                            text.push_str(&f.to_unicode.get(&code).cloned().unwrap_or_default());
                        }
                    }
                }
                let all = times(tm, ctm);
                let scale = (all[2] * all[2] + all[3] * all[3]).sqrt();
                if !text.trim().is_empty() {
                    out.push((size * scale, [all[4], all[5]], text));
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_trust_gets_a_large_print_leaflet_with_no_glyph_under_16_pt() {
    let p = Project::copy();
    assert_exit(&p.run(&["build"]), 0);
    for brand in BRANDS {
        let doc = pdf(&p, brand, "leaflet-large-print.pdf");
        let pages = doc.get_pages();
        assert!(pages.len() >= 2, "{brand}");
        let mut sizes = Vec::new();
        for &page in pages.values() {
            let drawn = drawn_sizes(&doc, page);
            assert!(!drawn.is_empty());
            for (pt, _, text) in &drawn {
                assert!(*pt >= 16.0 - 0.01, "{brand}: {text:?} at {pt} pt");
                sizes.push(*pt);
            }
            // One column: every line above the footer starts at the left
            // margin, or beside a QR code or inside a box, never halfway
            // across the page.
            // A line is drawn in several pieces (a label in two languages
            // is two spans and a separator): where a line starts is the
            // leftmost piece on its baseline.
            let [_, _, w, h] = boxes(&doc, page, b"MediaBox").unwrap();
            let mut starts: Vec<(f32, [f32; 2], &String)> = Vec::new();
            for (pt, [x, y], text) in &drawn {
                match starts
                    .iter_mut()
                    .find(|(_, [_, sy], _)| (sy - y).abs() < 0.5)
                {
                    Some(s) if *x < s.1[0] => *s = (*pt, [*x, *y], text),
                    Some(_) => {}
                    None => starts.push((*pt, [*x, *y], text)),
                }
            }
            for (_, [x, y], text) in &starts {
                assert!(
                    *y < h * 0.12 || *x < w * 0.3 || *x > w * 0.75,
                    "{brand}: {text:?} starts at {x} of {w}: a second column?"
                );
            }
        }
        // Headings larger than the body.
        let biggest = sizes.iter().cloned().fold(0.0, f32::max);
        assert!(biggest >= 30.0, "{brand}: the title is {biggest} pt");
        // The standard leaflet has text under 16 pt (the check is real).
        let standard = pdf(&p, brand, "leaflet.pdf");
        let least = standard
            .get_pages()
            .values()
            .flat_map(|pg| drawn_sizes(&standard, *pg))
            .map(|(pt, _, _)| pt)
            .fold(f32::MAX, f32::min);
        assert!(least < 16.0, "{brand}: {least}");
    }
}

/// The headings of a tagged PDF with their languages, in reading order.
fn headings(doc: &lopdf::Document) -> Vec<(String, Option<String>, String)> {
    let tree = structure(doc);
    let texts = all_marks(doc)
        .iter()
        .map(|(p, m)| (*p, m.mcid_text()))
        .collect();
    tree.walk()
        .into_iter()
        .filter(|e| e.role.starts_with('H') || e.role == "Figure")
        .map(|e| (e.role.clone(), e.lang(), squash(&e.text(&texts))))
        .collect()
}

#[test]
fn it_is_tagged_and_ordered_like_the_standard_leaflet_with_its_qr_code_and_address() {
    let p = Project::copy();
    assert_exit(&p.run(&["build"]), 0);
    for brand in BRANDS {
        let large = pdf(&p, brand, "leaflet-large-print.pdf");
        let standard = pdf(&p, brand, "leaflet.pdf");
        let (hl, hs) = (headings(&large), headings(&standard));
        // The same headings and figures (logo, QR code), the same levels,
        // languages and order: Welsh first on the Welsh board.
        assert_eq!(hl, hs, "{brand}");
        assert!(hl.iter().any(|(r, _, _)| r == "Figure"), "{brand}: {hl:?}");
        let cat = large.catalog().unwrap();
        let lang = cat.get(b"Lang").and_then(Object::as_str).unwrap();
        let text = squash(&all_text(&large));
        if brand == "glan-y-mor" {
            assert_eq!(lang, b"cy-GB");
            let cy = text.find("Beth fyddwch chi’n ei wneud").unwrap();
            let en = text.find("What you’ll do").unwrap();
            assert!(cy < en, "Welsh first");
            assert!(text.contains("SA99 2TW"), "{text}");
        } else {
            assert_eq!(lang, b"en-GB");
            assert!(text.contains("EB1 4QT"), "{text}");
        }
        // The QR code's address is printed beside it too.
        assert!(
            text.contains("www.healthcareers.nhs.uk/explore-roles"),
            "{text}"
        );
    }
}

#[test]
fn a_brand_can_turn_large_print_off() {
    let p = Project::copy();
    let brand = "content/brands/eastbrook-hospitals/brand.yaml";
    let text = p.read(brand);
    p.write(brand, format!("{text}\nlarge_print: false\n"));
    let o = p.run(&["build"]);
    assert_exit(&o, 0);
    assert!(!p
        .file("output/eastbrook-hospitals/pals-officer/leaflet-large-print.pdf")
        .exists());
    assert!(p
        .file("output/eastbrook-hospitals/pals-officer/leaflet.pdf")
        .exists());
    assert!(p
        .file("output/glan-y-mor/pals-officer/leaflet-large-print.pdf")
        .exists());
    // The JSON report lists it with the other documents.
    let o = p.run(&["build", "--json"]);
    let report = stdout(&o);
    assert!(
        report.contains("glan-y-mor/pals-officer/leaflet-large-print.pdf"),
        "{report}"
    );
    assert!(!report.contains("eastbrook-hospitals/pals-officer/leaflet-large-print.pdf"));
}
