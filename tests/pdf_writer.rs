//! The PDF writer, read back with lopdf: text in reading order, embedded
//! subset fonts, links, outline, metadata, page boxes, glyph positions, and
//! byte-identical output (also when rendered in parallel).

mod pdf_support;

use std::collections::BTreeMap;
use std::path::Path;

use careerpress::document::{Block, Document, Meta, Paper, PrintOptions, Writer};
use careerpress::pdf::PdfWriter;
use lopdf::Object;
use pdf_support::*;

// ------------------------------------------------------------------ tests

#[test]
fn every_section_is_there_in_reading_order() {
    let out = render(&pals(), &theme(Paper::A4, PrintOptions::default()));
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let doc = load(&out.bytes);
    let text = squash(&all_text(&doc));
    let want = [
        "Riverside Hospitals NHS Foundation Trust",
        "Patient advice and liaison service (PALS) officer",
        "Help patients, families and carers",
        "PALS officers are often the first person",
        "Key facts",
        "Salary",
        "£18,200 to £22,000",
        "Hours",
        "37.5 a week, 9am to 5pm Monday to Friday",
        "Where you could work",
        "Hospital or community",
        "What you'll do",
        "listen to patients",
        "signpost people",
        "How to become one",
        "apply directly",
        "apprenticeships in business administration",
        "Skills",
        "listening",
        "negotiating",
        "staying calm",
        "confidentiality",
        "Career progression",
        "PALS manager",
        "Find out more",
        "0300 123 4567",
        "pals@riverside.nhs.uk",
        "Scan for the full job profile",
    ];
    let mut at = 0;
    for w in want {
        match text[at..].find(w) {
            Some(i) => at += i + w.len(),
            None => panic!("{w:?} missing or out of order in:\n{text}"),
        }
    }
    // The long address is there, whole, even though it wraps, printed
    // without its scheme (nobody types it; the link keeps it).
    let joined: String = all_text(&doc).split_whitespace().collect();
    let printed = JOB_URL.strip_prefix("https://").unwrap_or(JOB_URL);
    assert!(joined.contains(printed), "{joined}");
}

#[test]
fn pals_leaflet_fits_one_sheet_on_a4_and_two_sides_on_a5() {
    let a4 = load(&render(&pals(), &theme(Paper::A4, PrintOptions::default())).bytes);
    assert!(
        a4.get_pages().len() <= 2,
        "A4 pages: {}",
        a4.get_pages().len()
    );
    let a5 = load(&render(&pals(), &theme(Paper::A5, PrintOptions::default())).bytes);
    assert!(a5.get_pages().len() >= 2);
    let text = all_text(&a5);
    let n = a5.get_pages().len();
    assert!(text.contains(&format!("Page 1 of {n}")), "{text}");
    assert!(text.contains(&format!("Page {n} of {n}")));
}

#[test]
fn fonts_are_embedded_and_subset() {
    let doc = load(&render(&pals(), &theme(Paper::A4, PrintOptions::default())).bytes);
    let mut seen = 0;
    for (_, obj) in doc.objects.iter() {
        let Ok(d) = obj.as_dict() else { continue };
        if d.get(b"Type").and_then(Object::as_name).ok() != Some(b"FontDescriptor") {
            continue;
        }
        seen += 1;
        let name =
            String::from_utf8_lossy(d.get(b"FontName").and_then(Object::as_name).expect("name"))
                .to_string();
        let (tag, rest) = name.split_once('+').expect("subset tag");
        assert_eq!(tag.len(), 6, "{name}");
        assert!(tag.chars().all(|c| c.is_ascii_uppercase()), "{name}");
        assert!(rest.starts_with("LiberationSans"), "{name}");
        let file = deref(&doc, d.get(b"FontFile2").expect("embedded TrueType"))
            .as_stream()
            .expect("stream");
        let program = file.decompressed_content().expect("inflates");
        assert!(
            program.len() < 120_000,
            "{name} is not subset: {} bytes",
            program.len()
        );
    }
    assert!(seen >= 2, "regular and bold at least, saw {seen}");
}

#[test]
fn links_outline_and_metadata() {
    let doc = load(&render(&pals(), &theme(Paper::A4, PrintOptions::default())).bytes);
    // links
    let mut uris = Vec::new();
    for p in doc.get_pages().values() {
        let d = doc.get_dictionary(*p).expect("page");
        if let Ok(annots) = d.get(b"Annots").and_then(Object::as_array) {
            for a in annots {
                let a = deref(&doc, a).as_dict().expect("annot");
                let action = deref(&doc, a.get(b"A").expect("action"))
                    .as_dict()
                    .expect("dict");
                if let Ok(Object::String(u, _)) = action.get(b"URI") {
                    uris.push(String::from_utf8_lossy(u).to_string());
                }
            }
        }
    }
    for want in ["tel:+443001234567", "mailto:pals@riverside.nhs.uk", JOB_URL] {
        assert!(uris.iter().any(|u| u == want), "{want} not among {uris:?}");
    }
    // outline: H1 at the top, H2s nested under it
    let catalog = doc.catalog().expect("catalog");
    let outlines = deref(&doc, catalog.get(b"Outlines").expect("outline"))
        .as_dict()
        .expect("dict");
    let first = deref(&doc, outlines.get(b"First").expect("first"))
        .as_dict()
        .expect("dict");
    let title = |d: &lopdf::Dictionary| match d.get(b"Title") {
        Ok(Object::String(b, _)) => {
            if b.starts_with(&[0xFE, 0xFF]) {
                let u: Vec<u16> = b[2..]
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16_lossy(&u)
            } else {
                String::from_utf8_lossy(b).to_string()
            }
        }
        _ => String::new(),
    };
    assert_eq!(
        title(first),
        "Patient advice and liaison service (PALS) officer"
    );
    let mut kids = Vec::new();
    let mut k = first
        .get(b"First")
        .ok()
        .map(|o| deref(&doc, o).as_dict().expect("dict"));
    while let Some(d) = k {
        kids.push(title(d));
        k = d
            .get(b"Next")
            .ok()
            .map(|o| deref(&doc, o).as_dict().expect("dict"));
    }
    assert_eq!(
        kids,
        [
            "What you'll do",
            "How to become one",
            "Skills",
            "Career progression"
        ]
    );
    // metadata
    let lang = catalog.get(b"Lang").expect("/Lang");
    assert!(matches!(lang, Object::String(s, _) if s == b"en-GB"));
    let info = deref(&doc, doc.trailer.get(b"Info").expect("info"))
        .as_dict()
        .expect("dict");
    assert!(
        matches!(info.get(b"Title"), Ok(Object::String(s, _)) if s == b"Patient advice and liaison service (PALS) officer")
    );
    assert!(
        matches!(info.get(b"Author"), Ok(Object::String(s, _)) if s == b"Riverside Hospitals NHS Foundation Trust")
    );
    assert!(
        matches!(info.get(b"CreationDate"), Ok(Object::String(s, _)) if s == b"D:20240601000000Z")
    );
    assert!(info.get(b"Keywords").is_ok() && info.get(b"Subject").is_ok());
    let xmp = deref(&doc, catalog.get(b"Metadata").expect("xmp"))
        .as_stream()
        .expect("stream");
    let xmp = String::from_utf8_lossy(&xmp.content).to_string();
    assert!(
        xmp.contains("what a PALS officer does &amp; how to become one"),
        "{xmp}"
    );
    assert!(xmp.contains("<rdf:li>en-GB</rdf:li>"));
    assert!(xmp.contains("2024-06-01T00:00:00Z"));
}

#[test]
fn page_size_and_print_boxes() {
    let doc = load(&render(&pals(), &theme(Paper::A4, PrintOptions::default())).bytes);
    let p = *doc.get_pages().values().next().expect("a page");
    let media = boxes(&doc, p, b"MediaBox").expect("media box");
    assert!(
        (media[2] - 210.0 * MM).abs() < 0.1 && (media[3] - 297.0 * MM).abs() < 0.1,
        "{media:?}"
    );
    assert!(boxes(&doc, p, b"BleedBox").is_none());

    let a5 = load(&render(&pals(), &theme(Paper::A5, PrintOptions::default())).bytes);
    let p = *a5.get_pages().values().next().expect("a page");
    let media = boxes(&a5, p, b"MediaBox").expect("media box");
    assert!((media[2] - 148.0 * MM).abs() < 0.1 && (media[3] - 210.0 * MM).abs() < 0.1);

    let print = PrintOptions {
        press: true,
        bleed_mm: 3.0,
        crop_marks: false,
    };
    let doc = load(&render(&pals(), &theme(Paper::A4, print)).bytes);
    let p = *doc.get_pages().values().next().expect("a page");
    let trim = boxes(&doc, p, b"TrimBox").expect("trim");
    let bleed = boxes(&doc, p, b"BleedBox").expect("bleed");
    let media = boxes(&doc, p, b"MediaBox").expect("media");
    assert!((trim[2] - trim[0] - 210.0 * MM).abs() < 0.1);
    assert!((trim[3] - trim[1] - 297.0 * MM).abs() < 0.1);
    assert!((trim[0] - bleed[0] - 3.0 * MM).abs() < 0.05);
    assert!((bleed[2] - trim[2] - 3.0 * MM).abs() < 0.05);
    assert!((media[2] - 216.0 * MM).abs() < 0.1, "{media:?}");

    let marks = PrintOptions {
        press: true,
        bleed_mm: 3.0,
        crop_marks: true,
    };
    let doc = load(&render(&pals(), &theme(Paper::A4, marks)).bytes);
    let p = *doc.get_pages().values().next().expect("a page");
    let bleed = boxes(&doc, p, b"BleedBox").expect("bleed");
    let media = boxes(&doc, p, b"MediaBox").expect("media");
    assert!(
        media[2] > bleed[2] + 5.0 * MM,
        "room for crop marks outside the bleed"
    );
}

/// No glyph outside the trim box or the margins, on A4 and A5, with and
/// without bleed.
#[test]
fn no_glyph_outside_the_text_area() {
    for (paper, margin, print) in [
        (Paper::A4, 18.0, PrintOptions::default()),
        (Paper::A5, 12.0, PrintOptions::default()),
        (
            Paper::A4,
            18.0,
            PrintOptions {
                press: true,
                bleed_mm: 3.0,
                crop_marks: true,
            },
        ),
    ] {
        let doc = load(&render(&pals(), &theme(paper, print)).bytes);
        for p in doc.get_pages().values() {
            let trim = boxes(&doc, *p, b"TrimBox").expect("trim");
            let (lo, hi) = (trim[0] + margin * MM - 0.5, trim[2] - margin * MM + 0.5);
            // (spaces draw nothing; one ends each line broken at a space)
            for g in glyphs(&doc, *p)
                .into_iter()
                .filter(|g| !g.text.trim().is_empty())
            {
                assert!(
                    g.x0 >= lo && g.x1 <= hi,
                    "{paper:?}: glyph {:?} at {}..{} outside {lo}..{hi}",
                    g.text,
                    g.x0,
                    g.x1
                );
                assert!(
                    g.y > trim[1] && g.y < trim[3],
                    "{paper:?}: glyph {:?} outside the trim box",
                    g.text
                );
            }
        }
    }
}

/// In two columns, a long web address is broken rather than running into
/// the next column.
#[test]
fn long_words_break_inside_their_column() {
    let url = "https://www.example.nhs.uk/a-very-long-path/that-goes/on-and-on-and-on/without-any-spaces/at-all/index.html";
    let long = "Supercalifragilisticexpialidocious-antidisestablishmentarianism-pneumonoultramicroscopicsilicovolcanoconiosis";
    let doc = Document {
        meta: meta(),
        blocks: vec![Block::Columns(vec![
            vec![para(url), para(long)],
            vec![para(&format!("{long} {url}"))],
        ])],
    };
    let pdf = load(&render(&doc, &theme(Paper::A5, PrintOptions::default())).bytes);
    let page = *pdf.get_pages().values().next().expect("page");
    let trim = boxes(&pdf, page, b"TrimBox").expect("trim");
    let mid = (trim[0] + trim[2]) / 2.0;
    let gs = glyphs(&pdf, page);
    // group glyphs into lines by baseline and starting column
    let mut lines: BTreeMap<(i32, bool), (f32, f32)> = BTreeMap::new();
    for g in &gs {
        if g.y < 80.0 || g.text.trim().is_empty() {
            continue; // footer, or a space (which draws nothing)
        }
        let left = g.x0 < mid;
        let e = lines
            .entry(((g.y * 10.0) as i32, left))
            .or_insert((g.x0, g.x1));
        e.0 = e.0.min(g.x0);
        e.1 = e.1.max(g.x1);
    }
    assert!(lines.len() > 6);
    for ((_, left), (x0, x1)) in lines {
        if left {
            assert!(
                x1 < mid - 5.0,
                "left column line runs to {x1}, gutter at {mid}"
            );
        } else {
            assert!(x0 > mid + 5.0, "right column line starts at {x0}");
        }
    }
    let text: String = all_text(&pdf).split_whitespace().collect();
    assert!(text.contains(url), "{text}");
}

#[test]
fn missing_characters_warn_and_show_a_fallback() {
    let mut doc = pals();
    doc.blocks
        .push(para("We love feedback 😀 and speak 日本語."));
    let out = render(&doc, &theme(Paper::A4, PrintOptions::default()));
    let w = out.warnings.join("\n");
    assert!(w.contains("😀") && w.contains("U+1F600"), "{w}");
    assert!(
        w.contains('日') && w.contains("content/jobs/pals-officer.yaml"),
        "{w}"
    );
    let pdf = load(&out.bytes);
    let text = all_text(&pdf);
    assert!(
        text.contains("feedback \u{FFFD} and speak \u{FFFD}\u{FFFD}\u{FFFD}."),
        "{text}"
    );
}

#[test]
fn headings_are_not_left_at_the_foot_of_a_page() {
    // Fill most of a page, then a heading and a long paragraph.
    let mut blocks = Vec::new();
    for i in 0..60 {
        blocks.push(h(2, &format!("Heading {i}")));
        blocks.push(para(
            &"Some words to fill the page with text that wraps over several lines. ".repeat(3),
        ));
    }
    let doc = Document {
        meta: meta(),
        blocks,
    };
    let pdf = load(&render(&doc, &theme(Paper::A5, PrintOptions::default())).bytes);
    assert!(pdf.get_pages().len() > 5);
    for p in pdf.get_pages().values() {
        let text = page_text(&pdf, *p);
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| !l.contains("Page ") && !l.contains("Riverside"))
            .collect();
        let last = lines.last().expect("text on page");
        assert!(
            !last.starts_with("Heading"),
            "page ends with a heading: {text}"
        );
        // no orphan: a heading is followed by at least two lines of its paragraph
        if let Some(i) = lines.iter().position(|l| l.starts_with("Heading")) {
            assert!(
                lines.len() >= i + 3,
                "heading with fewer than two lines after it: {text}"
            );
        }
    }
}

#[test]
fn renders_are_byte_identical_also_in_parallel() {
    use rayon::prelude::*;
    let th = theme(Paper::A4, PrintOptions::default());
    let a = render(&pals(), &th).bytes;
    let b = render(&pals(), &th).bytes;
    assert!(a == b, "two renders differ");
    let writer = PdfWriter::new();
    let mut docs: Vec<Document> = Vec::new();
    for i in 0..24 {
        let mut d = pals();
        if i % 2 == 1 {
            d.meta.title = format!("Variant {i}");
            d.blocks
                .push(para(&format!("Variant {i} adds a paragraph.")));
        }
        docs.push(d);
    }
    let parallel: Vec<Vec<u8>> = docs
        .par_iter()
        .map(|d| writer.render(d, &th).expect("renders").bytes)
        .collect();
    assert_eq!(
        writer.parsed_font_families(),
        1,
        "fonts parsed once per writer"
    );
    for (i, d) in docs.iter().enumerate() {
        let alone = PdfWriter::new().render(d, &th).expect("renders").bytes;
        assert!(
            alone == parallel[i],
            "document {i} differs when rendered in parallel"
        );
    }
    assert!(parallel[0] == a);
}

/// A writer keeps parsed fonts, shaped text and font subsets for a whole
/// build; none of that may change a document: each must come out as it
/// does from a writer that has made nothing else, whatever came before
/// (other words, other glyphs, the same words in another face).
#[test]
fn what_a_writer_keeps_never_changes_a_document() {
    let th = theme(Paper::A4, PrintOptions::default());
    let same_words = "AVATAR WAVY Toyota ffi fl";
    let mut welsh = pals();
    welsh.blocks = vec![
        h(2, same_words),
        para("Gwasanaeth cyngor a chyswllt cleifion: ŵyr, ŷd, dŵr a thŷ."),
        bullets(&["Gwrando ar gleifion", "Egluro’r drefn gwyno"]),
    ];
    let mut plain = pals();
    plain.blocks.push(para(same_words));
    let mut long = pals();
    for i in 0..40 {
        long.blocks.push(para(&format!(
            "Paragraph {i}: quick brown foxes jump over {} lazy dogs — «quoted» text.",
            i * 7
        )));
    }
    let docs = [pals(), welsh, plain, long];
    let alone: Vec<Vec<u8>> = docs
        .iter()
        .map(|d| PdfWriter::new().render(d, &th).expect("renders").bytes)
        .collect();
    let shared = PdfWriter::new();
    for round in 0..2 {
        for i in (0..docs.len()).rev() {
            let bytes = shared.render(&docs[i], &th).expect("renders").bytes;
            assert!(
                bytes == alone[i],
                "document {i} differs from a fresh writer's in round {round}"
            );
        }
    }
    // And the words themselves: the heading (bold) and the paragraph
    // (regular) with the same text are shaped each in its own face.
    let text = all_text(&load(&alone[2]));
    assert!(squash(&text).contains(&squash(same_words)), "{text}");
}

#[test]
fn screen_is_rgb_and_press_is_cmyk() {
    let screen = load(&render(&pals(), &theme(Paper::A4, PrintOptions::default())).bytes);
    let press = PrintOptions {
        press: true,
        ..PrintOptions::default()
    };
    let print = load(&render(&pals(), &theme(Paper::A4, press)).bytes);
    let ops = |doc: &lopdf::Document| -> Vec<String> {
        let mut all = Vec::new();
        for p in doc.get_pages().values() {
            let c = lopdf::content::Content::decode(&doc.get_page_content(*p)).expect("decodes");
            all.extend(c.operations.into_iter().map(|o| o.operator));
        }
        all
    };
    let (s, p) = (ops(&screen), ops(&print));
    let colour_ops = ["rg", "RG", "k", "K", "g", "G"];
    assert!(s.iter().any(|o| o == "rg"));
    assert!(!s.iter().any(|o| o == "k" || o == "K"), "no CMYK on screen");
    assert!(p.iter().any(|o| o == "k"));
    assert!(
        !p.iter().any(|o| o == "rg" || o == "RG"),
        "no RGB in the press file"
    );
    assert!(
        s.iter()
            .filter(|o| colour_ops.contains(&o.as_str()))
            .count()
            > 3
    );
    // the brand's own CMYK for its primary colour
    let first = *print.get_pages().values().next().expect("page");
    let content = String::from_utf8_lossy(&print.get_page_content(first)).to_string();
    assert!(content.contains("1 0.5 0 0 k"), "primary colour in CMYK");
}

#[test]
fn pathological_input_is_an_error_not_a_panic() {
    let blocks = (0..5000)
        .map(|_| Block::PageBreak)
        .chain([para("x")])
        .collect();
    let doc = Document {
        meta: meta(),
        blocks,
    };
    let writer = PdfWriter::new();
    // page breaks at the top of a page do not add pages
    assert!(writer
        .render(&doc, &theme(Paper::A4, PrintOptions::default()))
        .is_ok());
    let blocks = (0..400)
        .flat_map(|i| [para(&format!("page {i}")), Block::PageBreak])
        .collect();
    let doc = Document {
        meta: meta(),
        blocks,
    };
    let err = writer
        .render(&doc, &theme(Paper::A4, PrintOptions::default()))
        .expect_err("too many pages");
    assert!(err.to_string().contains("pages"), "{err}");
    // empty documents and odd blocks still render
    let odd = Document {
        meta: Meta::default(),
        blocks: vec![
            Block::Table {
                header: true,
                rows: vec![],
            },
            Block::Columns(vec![]),
            Block::List {
                ordered: true,
                start: u64::MAX,
                items: vec![vec![], vec![]],
            },
            Block::Image {
                name: "nope".into(),
                alt: "missing".into(),
            },
            Block::Qr {
                url: "x".repeat(4000),
                caption: None,
            },
            Block::Heading {
                level: 9,
                content: vec![],
            },
            Block::Facts {
                title: None,
                rows: vec![],
            },
            Block::Callout {
                title: None,
                blocks: vec![],
            },
            Block::Banner { blocks: vec![] },
            Block::Rule,
        ],
    };
    let out = writer
        .render(&odd, &theme(Paper::A5, PrintOptions::default()))
        .expect("renders");
    assert!(out.warnings.iter().any(|w| w.contains("nope")));
    assert!(out.warnings.iter().any(|w| w.contains("QR")));
    load(&out.bytes);
}

/// Writes sample leaflets for looking at (`CAREERPRESS_PDF_SAMPLES=dir`).
#[test]
fn write_samples_when_asked() {
    let Ok(dir) = std::env::var("CAREERPRESS_PDF_SAMPLES") else {
        return;
    };
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).expect("dir");
    let bleed = PrintOptions {
        press: true,
        bleed_mm: 3.0,
        crop_marks: true,
    };
    for (name, th) in [
        ("pals-a4.pdf", theme(Paper::A4, PrintOptions::default())),
        ("pals-a5.pdf", theme(Paper::A5, PrintOptions::default())),
        ("pals-a4-print.pdf", theme(Paper::A4, bleed)),
    ] {
        std::fs::write(dir.join(name), render(&pals(), &th).bytes).expect("write");
    }
    let mut odd = pals();
    odd.blocks.insert(
        1,
        para("We love feedback 😀 and speak 日本語, Cymraeg: ŵ ŷ."),
    );
    let th = theme(Paper::A4, PrintOptions::default());
    std::fs::write(dir.join("missing.pdf"), render(&odd, &th).bytes).expect("write");
    let mut draft = pals();
    draft.meta.draft = true;
    std::fs::write(dir.join("draft-a4.pdf"), render(&draft, &th).bytes).expect("write");
    let th = theme(Paper::A5, bleed);
    std::fs::write(dir.join("draft-a5-print.pdf"), render(&draft, &th).bytes).expect("write");
}

/// Rough timing without criterion (`cargo test --release -- --ignored
/// --nocapture timing`): the minimum is robust on a busy machine.
#[test]
#[ignore]
fn timing() {
    let th = theme(Paper::A4, PrintOptions::default());
    let doc = pals();
    let writer = PdfWriter::new();
    writer.render(&doc, &th).expect("renders");
    let mut times: Vec<f64> = (0..300)
        .map(|_| {
            let t = std::time::Instant::now();
            std::hint::black_box(writer.render(&doc, &th).expect("renders"));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "pdf render ms: min {:.2} median {:.2}",
        times[0], times[150]
    );
}

/// The print file of a draft: its see-through DRAFT stamp (and the logo's
/// soft edge) is transparency, which PDF/X-4 allows when it blends in the
/// inks it prints in.
#[test]
fn a_drafts_see_through_stamp_blends_in_cmyk() {
    let press = PrintOptions {
        press: true,
        bleed_mm: 3.0,
        crop_marks: true,
    };
    let mut draft = pals();
    draft.meta.draft = true;
    let bytes = render(&draft, &theme(Paper::A5, press)).bytes;
    let doc = load(&bytes);
    assert!(
        pdf_support::pdfx::has_transparency(&doc),
        "the stamp and the logo are transparent"
    );
    let bad = pdf_support::pdfx::problems(&bytes);
    assert!(
        bad.is_empty(),
        "a draft print file is not PDF/X-4:\n{}",
        bad.join("\n")
    );
    for (n, p) in doc.get_pages() {
        let group = doc
            .get_dictionary(p)
            .and_then(|d| d.get(b"Group"))
            .and_then(lopdf::Object::as_dict)
            .unwrap_or_else(|_| panic!("page {n} has no transparency group"));
        assert_eq!(
            group.get(b"CS").and_then(lopdf::Object::as_name).ok(),
            Some(&b"DeviceCMYK"[..]),
            "page {n}"
        );
    }
}
