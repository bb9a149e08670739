//! Tagged PDF, checked as an accessibility auditor would, by reading the
//! file back with lopdf: the structure tree follows the `Document`, every
//! figure has alt text, every link annotation a description and a place in
//! the structure, every marked-content id is in the parent tree, and every
//! mark on the page is either tagged content or an artifact. Also what the
//! leaflet must show (footer line, address beside the QR code, measure,
//! balanced titles, DRAFT) and the screen and print files.

mod pdf_support;

use std::collections::{BTreeMap, HashMap};

use careerpress::document::{Block, Document, Inline, Paper, PrintOptions, Theme};
use lopdf::{Object, ObjectId};
use pdf_support::*;

fn screen(paper: Paper) -> Theme {
    theme(paper, PrintOptions::default())
}

fn press(paper: Paper) -> Theme {
    theme(
        paper,
        PrintOptions {
            press: true,
            bleed_mm: 3.0,
            crop_marks: true,
        },
    )
}

fn span_cy(s: &str) -> Inline {
    Inline::Lang {
        lang: "cy".into(),
        content: vec![t(s)],
    }
}

/// The PALS leaflet plus what it lacks: a table with a header row, an
/// image, a Welsh section and a Welsh name inside an English sentence.
fn rich() -> Document {
    let mut d = pals();
    d.blocks.push(h(2, "Pay bands"));
    d.blocks.push(Block::Table {
        header: true,
        rows: vec![
            vec![vec![t("Band")], vec![t("Starting salary")]],
            vec![vec![t("Band 3")], vec![t("£24,071")]],
            vec![vec![t("Band 4")], vec![t("£26,530")]],
        ],
    });
    d.blocks.push(Block::Paragraph(vec![
        t("Our main site is "),
        span_cy("Ysbyty Glan-y-Môr"),
        t(", by the sea."),
    ]));
    d.blocks.push(Block::Image {
        name: "logo".into(),
        alt: "The trust's logo, a blue lozenge".into(),
    });
    d.blocks.push(Block::Lang {
        lang: "cy".into(),
        blocks: vec![
            h(2, "Gwybodaeth yn Gymraeg"),
            para("Mae'r daflen hon ar gael yn Gymraeg. Ffoniwch ni: ŵ ŷ."),
        ],
    });
    d
}

struct Read {
    doc: lopdf::Document,
    tree: Elem,
    marks: BTreeMap<ObjectId, PageMarks>,
    texts: BTreeMap<ObjectId, HashMap<i64, String>>,
}

fn read(d: &Document, th: &Theme) -> Read {
    let out = render(d, th);
    let doc = load(&out.bytes);
    let tree = structure(&doc);
    let marks = all_marks(&doc);
    let texts = marks.iter().map(|(p, m)| (*p, m.mcid_text())).collect();
    Read {
        doc,
        tree,
        marks,
        texts,
    }
}

impl Read {
    /// (role, text) of every element that holds text itself, in order.
    fn leaves(&self) -> Vec<(String, String)> {
        self.tree
            .walk()
            .into_iter()
            .filter(|e| {
                matches!(
                    e.role.as_str(),
                    "H1" | "H2" | "H3" | "P" | "TH" | "TD" | "Caption" | "Lbl"
                )
            })
            .map(|e| (e.role.clone(), squash(&e.text(&self.texts))))
            .collect()
    }

    fn all(&self, role: &str) -> Vec<&Elem> {
        self.tree
            .walk()
            .into_iter()
            .filter(|e| e.role == role)
            .collect()
    }
}

/// The themes every structural check runs on: screen and press, A4 and A5.
fn themes() -> Vec<Theme> {
    vec![screen(Paper::A4), screen(Paper::A5), press(Paper::A4)]
}

#[test]
fn the_structure_follows_the_document() {
    for th in themes() {
        let r = read(&rich(), &th);
        assert_eq!(r.tree.role, "Document");
        let leaves = r.leaves();
        let want: &[(&str, &str)] = &[
            ("P", "Riverside Hospitals NHS Foundation Trust"),
            ("H1", "Patient advice and liaison service (PALS) officer"),
            ("P", "Help patients, families and carers"),
            ("P", "PALS officers are often the first person"),
            ("Caption", "Key facts"),
            ("TH", "Salary"),
            ("TD", "£18,200 to £22,000"),
            ("TH", "Hours"),
            ("TD", "37.5 a week"),
            ("TH", "Where you could work"),
            ("TD", "Hospital or community"),
            ("H2", "What you'll do"),
            ("Lbl", "•"),
            ("P", "listen to patients"),
            ("P", "signpost people"),
            ("H2", "How to become one"),
            ("P", "apply directly"),
            ("H2", "Skills"),
            // a whole column, then the next
            ("P", "listening"),
            ("P", "negotiating"),
            ("P", "staying calm"),
            ("P", "confidentiality"),
            ("H2", "Career progression"),
            ("P", "With experience"),
            // a box: its title, then its body, the QR code's words last
            ("H2", "Find out more"),
            ("P", "Riverside Hospitals PALS"),
            ("P", "Read the full profile at"),
            ("P", "Scan for the full job profile"),
            ("P", "www.healthcareers.nhs.uk/explore-roles"),
            ("H2", "Pay bands"),
            ("TH", "Band"),
            ("TH", "Starting salary"),
            ("TD", "Band 3"),
            ("TD", "£24,071"),
            ("P", "Our main site is Ysbyty Glan-y-Môr, by the sea."),
            ("H2", "Gwybodaeth yn Gymraeg"),
            ("P", "Mae'r daflen hon ar gael yn Gymraeg"),
        ];
        let mut at = 0;
        for (role, text) in want {
            match leaves[at..]
                .iter()
                .position(|(r, t)| r == role && t.starts_with(text))
            {
                Some(i) => at += i + 1,
                None => panic!(
                    "{role} {text:?} missing or out of order ({:?} {}mm); after #{at}:\n{:#?}",
                    th.paper,
                    th.print.bleed_mm,
                    &leaves[at.min(leaves.len())..]
                ),
            }
        }
        // Words broken across lines keep their space in the tagged text.
        assert!(
            leaves
                .iter()
                .any(|(_, t)| t
                    .contains("You listen, explain, and work with staff across the hospital")),
            "{leaves:#?}"
        );
        // Lists: every item is a label and a body, in that order.
        for li in r.all("LI") {
            let roles: Vec<&str> = li
                .kids
                .iter()
                .filter_map(|k| match k {
                    Kid::Elem(e) => Some(e.role.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(roles, ["Lbl", "LBody"]);
        }
        for l in r.all("L") {
            assert_eq!(l.attr(b"ListNumbering").as_deref(), Some("Disc"));
        }
        // A table's header row is its THead, the other rows its TBody.
        let thead = r.all("THead");
        assert_eq!(thead.len(), 1);
        assert!(squash(&thead[0].text(&r.texts)).starts_with("BandStarting salary"));
        assert_eq!(r.all("TBody").len(), 1);
        // Table header cells say what they head.
        let ths = r.all("TH");
        assert!(ths.len() >= 5);
        for th_elem in ths {
            let scope = th_elem.attr(b"Scope");
            assert!(
                matches!(scope.as_deref(), Some("Row") | Some("Column")),
                "{scope:?}"
            );
        }
    }
}

#[test]
fn headings_are_in_order_and_never_skip_a_level() {
    let r = read(&rich(), &screen(Paper::A4));
    let levels: Vec<u8> = r
        .tree
        .walk()
        .iter()
        .filter_map(|e| e.role.strip_prefix('H').and_then(|n| n.parse().ok()))
        .collect();
    assert_eq!(levels[0], 1, "{levels:?}");
    for w in levels.windows(2) {
        assert!(w[1] <= w[0] + 1, "a heading level is skipped: {levels:?}");
    }
}

#[test]
fn every_mark_is_tagged_content_or_an_artifact() {
    for th in themes() {
        let r = read(&rich(), &th);
        for (page, m) in &r.marks {
            assert_eq!(
                m.unmarked_paints, 0,
                "painting outside marked content on {page:?}"
            );
            assert_eq!(m.unmarked_text, "", "text outside marked content");
            for p in &m.pieces {
                assert!(!matches!(p.mark, Mark::Other(_)), "{:?}", p.mark);
            }
        }
        // Decoration (band, rules, box backgrounds, underlines) is painted
        // only in artifacts; the only painting in content is a figure's.
        let figures: Vec<(ObjectId, i64)> = r
            .all("Figure")
            .iter()
            .flat_map(|f| {
                f.kids.iter().filter_map(|k| match k {
                    Kid::Mcid { page, mcid } => Some((*page, *mcid)),
                    _ => None,
                })
            })
            .collect();
        let mut artifact_paints = 0;
        for (page, m) in &r.marks {
            for p in &m.pieces {
                match &p.mark {
                    Mark::Mcid(_, mcid) if p.paints > 0 => assert!(
                        figures.contains(&(*page, *mcid)),
                        "content {mcid} paints {} shapes but is not a figure",
                        p.paints
                    ),
                    Mark::Artifact(..) => artifact_paints += p.paints,
                    _ => {}
                }
            }
        }
        assert!(
            artifact_paints > 10,
            "the decoration is there, as artifacts"
        );
        // The running footer is a pagination artifact, on every page.
        let n = r.marks.len();
        for (i, m) in r.marks.values().enumerate() {
            let footer: String = m
                .pieces
                .iter()
                .filter(|p| {
                    p.mark == Mark::Artifact(Some("Pagination".into()), Some("Footer".into()))
                })
                .map(|p| p.text.as_str())
                .collect();
            assert!(
                footer.contains(&format!("Page {} of {n}", i + 1)),
                "{footer}"
            );
            assert!(footer.contains("PALS: 0300 123 4567"), "{footer}");
        }
        let tagged = r.tree.text(&r.texts);
        assert!(!tagged.contains("Page 1 of"), "footers are not content");
        // Crop marks, in the press file, are printer's marks.
        let page_marks = r
            .marks
            .values()
            .flat_map(|m| &m.pieces)
            .filter(|p| p.mark == Mark::Artifact(Some("Page".into()), None))
            .count();
        assert_eq!(page_marks > 0, th.print.crop_marks);
    }
}

#[test]
fn every_mcid_is_in_the_parent_tree_and_back() {
    for th in themes() {
        let r = read(&rich(), &th);
        let pt = parent_tree(&r.doc);
        // Every element's MCID kids, by page.
        let mut owner: HashMap<(ObjectId, i64), ObjectId> = HashMap::new();
        for e in r.tree.walk() {
            for k in &e.kids {
                if let Kid::Mcid { page, mcid } = k {
                    let prev = owner.insert((*page, *mcid), e.id.expect("indirect element"));
                    assert!(prev.is_none(), "MCID {mcid} has two parents");
                }
            }
        }
        for (page, m) in &r.marks {
            let d = r.doc.get_dictionary(*page).unwrap();
            assert_eq!(
                d.get(b"Tabs").and_then(Object::as_name).ok(),
                Some(&b"S"[..])
            );
            let key = d
                .get(b"StructParents")
                .and_then(Object::as_i64)
                .expect("/StructParents");
            let arr = deref(
                &r.doc,
                pt.get(&key).expect("the page's key in the parent tree"),
            )
            .as_array()
            .expect("an array");
            let mut seen = 0;
            for p in &m.pieces {
                let Mark::Mcid(_, mcid) = p.mark else {
                    continue;
                };
                seen += 1;
                let parent = arr
                    .get(mcid as usize)
                    .and_then(|o| o.as_reference().ok())
                    .unwrap_or_else(|| panic!("MCID {mcid} missing from the parent tree"));
                assert_eq!(
                    owner.get(&(*page, mcid)),
                    Some(&parent),
                    "MCID {mcid}: the parent tree and the element disagree"
                );
            }
            assert_eq!(seen, arr.len(), "one parent tree entry per MCID");
        }
        assert_eq!(
            owner.len(),
            r.marks
                .values()
                .flat_map(|m| &m.pieces)
                .filter(|p| matches!(p.mark, Mark::Mcid(..)))
                .count(),
            "every MCID the tree names is on its page"
        );
    }
}

#[test]
fn figures_have_alt_text_and_links_are_described() {
    for th in themes() {
        let r = read(&rich(), &th);
        let figures = r.all("Figure");
        let alts: Vec<String> = figures
            .iter()
            .map(|f| f.alt().unwrap_or_default())
            .collect();
        assert!(alts.iter().all(|a| !a.trim().is_empty()), "{alts:?}");
        assert!(alts.contains(&"Riverside Hospitals NHS Foundation Trust logo".to_string()));
        assert!(alts.contains(&"The trust's logo, a blue lozenge".to_string()));
        assert!(alts
            .iter()
            .any(|a| a.contains("QR code") && a.contains(JOB_URL)));
        for f in &figures {
            assert!(f.dict.get(b"A").is_ok(), "a figure's bounding box");
        }

        if th.print.press {
            // PDF/X-4: no annotations; a link is printed text, a Span.
            assert!(
                r.all("Link").is_empty(),
                "the print file has no Link elements"
            );
            for page in r.doc.get_pages().values() {
                let d = r.doc.get_dictionary(*page).unwrap();
                assert!(
                    d.get(b"Annots").is_err(),
                    "the print file has no annotations"
                );
            }
            continue;
        }
        let pt = parent_tree(&r.doc);
        let links = r.all("Link");
        let mut annots = 0;
        for page in r.doc.get_pages().values() {
            let d = r.doc.get_dictionary(*page).unwrap();
            let Ok(list) = d.get(b"Annots").and_then(Object::as_array) else {
                continue;
            };
            for a in list {
                annots += 1;
                let id = a.as_reference().expect("annotations are indirect");
                let ad = r.doc.get_dictionary(id).unwrap();
                let contents = text_entry(ad, b"Contents").unwrap_or_default();
                assert!(!contents.trim().is_empty(), "a link without /Contents");
                assert_eq!(ad.get(b"F").and_then(Object::as_i64).ok(), Some(4));
                let key = ad
                    .get(b"StructParent")
                    .and_then(Object::as_i64)
                    .expect("/StructParent");
                let elem = pt[&key].as_reference().expect("a Link element");
                let link = links
                    .iter()
                    .find(|l| l.id == Some(elem))
                    .expect("the annotation's parent is a Link");
                assert!(
                    link.kids
                        .iter()
                        .any(|k| matches!(k, Kid::Objr { obj, .. } if *obj == id)),
                    "the Link holds an OBJR to its annotation"
                );
            }
        }
        assert!(annots >= 4, "tel, mailto, the profile link, the QR code");
        let described: Vec<String> = r
            .doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Link"))
            .filter_map(|d| text_entry(d, b"Contents"))
            .collect();
        assert!(
            described
                .iter()
                .any(|c| c.contains("0300 123 4567") && c.contains("phone")),
            "{described:?}"
        );
    }
}

#[test]
fn the_catalog_and_metadata_declare_a_tagged_accessible_file() {
    let r = read(&rich(), &screen(Paper::A4));
    let cat = r.doc.catalog().unwrap();
    let mi = deref(&r.doc, cat.get(b"MarkInfo").expect("/MarkInfo"))
        .as_dict()
        .unwrap();
    assert_eq!(mi.get(b"Marked").and_then(Object::as_bool).ok(), Some(true));
    let vp = deref(&r.doc, cat.get(b"ViewerPreferences").unwrap())
        .as_dict()
        .unwrap();
    assert_eq!(
        vp.get(b"DisplayDocTitle").and_then(Object::as_bool).ok(),
        Some(true)
    );
    assert_eq!(text_entry(cat, b"Lang").as_deref(), Some("en-GB"));
    let xmp = deref(&r.doc, cat.get(b"Metadata").unwrap())
        .as_stream()
        .unwrap();
    let xmp = String::from_utf8_lossy(&xmp.content);
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
    assert!(xmp.contains("Patient advice and liaison service (PALS) officer"));
    assert!(
        cat.get(b"OutputIntents").is_err(),
        "no output intent on screen"
    );
}

#[test]
fn other_languages_are_marked_where_they_change() {
    let r = read(&rich(), &screen(Paper::A4));
    let cy: Vec<(String, String)> = r
        .tree
        .walk()
        .into_iter()
        .filter(|e| e.lang().as_deref() == Some("cy-GB"))
        .map(|e| (e.role.clone(), squash(&e.text(&r.texts))))
        .collect();
    assert!(
        cy.contains(&("Span".into(), "Ysbyty Glan-y-Môr".into())),
        "{cy:?}"
    );
    assert!(
        cy.contains(&("H2".into(), "Gwybodaeth yn Gymraeg".into())),
        "{cy:?}"
    );
    assert!(
        cy.iter().any(|(r, t)| r == "P" && t.contains("ŵ ŷ")),
        "{cy:?}"
    );
    // Text in the document's own language carries no /Lang of its own.
    let others = r
        .tree
        .walk()
        .into_iter()
        .filter(|e| e.lang().is_some() && e.lang().as_deref() != Some("cy-GB"))
        .count();
    assert_eq!(others, 0);
    // A Welsh document: its own language is cy, an English span en-GB.
    let mut d = rich();
    d.meta.language = "cy".into();
    d.blocks.push(Block::Paragraph(vec![
        t("Croeso. "),
        Inline::Lang {
            lang: "en-GB".into(),
            content: vec![t("Welcome.")],
        },
    ]));
    let r = read(&d, &screen(Paper::A4));
    let en: Vec<String> = r
        .tree
        .walk()
        .into_iter()
        .filter(|e| e.lang().as_deref() == Some("en-GB"))
        .map(|e| e.text(&r.texts))
        .collect();
    assert_eq!(en, ["Welcome."]);
    assert!(
        r.all("H2").iter().all(|h| h.lang().is_none()),
        "cy is the document's"
    );
}

#[test]
fn a_draft_says_so_on_every_page() {
    let mut d = rich();
    d.meta.draft = true;
    for th in [screen(Paper::A5), press(Paper::A4)] {
        let out = render(&d, &th);
        let doc = load(&out.bytes);
        assert!(doc.get_pages().len() >= 2);
        for p in doc.get_pages().values() {
            let text = page_text(&doc, *p);
            assert!(text.contains("DRAFT – not for publication"), "{text}");
            let m = page_marks(&doc, *p);
            let stamped = m.pieces.iter().any(|p| {
                p.text.ends_with("DRAFT")
                    && p.mark == Mark::Artifact(Some("Pagination".into()), Some("Watermark".into()))
            });
            assert!(stamped, "the large diagonal DRAFT on every page");
        }
        // The first thing a screen reader meets.
        let r = read(&d, &th);
        assert_eq!(
            r.leaves()[0],
            ("P".into(), "DRAFT – not for publication".into())
        );
        // The diagonal is turned and see-through.
        let content = String::from_utf8_lossy(
            &doc.get_page_content(*doc.get_pages().values().next().unwrap()),
        )
        .to_string();
        assert!(
            content.contains("/GSdraft gs"),
            "drawn with its transparency"
        );
    }
    // A finished document says nothing of the kind.
    let out = render(&rich(), &screen(Paper::A4));
    let doc = load(&out.bytes);
    assert!(!all_text(&doc).contains("DRAFT"));
}

#[test]
fn a_footer_line_that_does_not_fit_wraps_and_is_never_dropped() {
    let welsh = "PALS Glan-y-Môr · 029 2018 0456 · pals@glanymor.example.wales.nhs.uk · Croesewir gohebiaeth yn Gymraeg";
    for paper in [Paper::A4, Paper::A5] {
        let mut th = screen(paper);
        th.footer = welsh.into();
        let out = render(&rich(), &th);
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
        let doc = load(&out.bytes);
        for p in doc.get_pages().values() {
            let footer: String = page_marks(&doc, *p)
                .pieces
                .iter()
                .filter(|p| matches!(&p.mark, Mark::Artifact(_, Some(s)) if s == "Footer"))
                .map(|p| p.text.clone())
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                squash(&footer).contains("Croesewir gohebiaeth yn Gymraeg"),
                "{paper:?}: {footer}"
            );
        }
    }
    // One far too long to print whole says so.
    let mut th = screen(Paper::A5);
    th.footer = "Call us about anything at all, any day of the week. ".repeat(12);
    let out = render(&rich(), &th);
    assert!(
        out.warnings.iter().any(|w| w.contains("footer line")),
        "{:?}",
        out.warnings
    );
}

#[test]
fn the_address_is_printed_beside_a_qr_code_with_modules_big_enough_to_scan() {
    for paper in [Paper::A5, Paper::A4] {
        let out = render(&rich(), &screen(paper));
        let doc = load(&out.bytes);
        let r = read(&rich(), &screen(paper));
        let qr = r
            .all("Figure")
            .into_iter()
            .find(|f| f.alt().is_some_and(|a| a.contains("QR")))
            .expect("the QR code is a figure");
        let Some(Kid::Mcid { page, mcid }) = qr.kids.first().cloned() else {
            panic!("the QR figure has content");
        };
        let piece = r.marks[&page]
            .pieces
            .iter()
            .find(|p| p.mark == Mark::Mcid("Figure".into(), mcid))
            .expect("its marked content")
            .clone();
        assert!(piece.rects.len() > 100, "the modules are drawn");
        let module = piece
            .rects
            .iter()
            .map(|(w, h)| w.min(*h))
            .fold(f32::MAX, f32::min);
        assert!(
            module >= 0.4 * MM - 0.01,
            "{paper:?}: modules of {:.3} mm",
            module / MM
        );
        // The address as text on the same page, beside the code (to its
        // right, or under it where its column is narrow).
        let bbox: Vec<f32> = qr
            .dict
            .get(b"A")
            .unwrap()
            .as_dict()
            .unwrap()
            .get(b"BBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(num)
            .collect();
        let beside: String = glyphs(&doc, page)
            .into_iter()
            .filter(|g| {
                let right = g.y > bbox[1] - 30.0 && g.y < bbox[3] && g.x0 > bbox[2];
                let under = g.y < bbox[1] && g.y > bbox[1] - 120.0 && g.x0 > bbox[0] - 20.0;
                right || under
            })
            .map(|g| g.text)
            .collect();
        let beside: String = beside.split_whitespace().collect();
        assert!(
            beside.contains("www.healthcareers.nhs.uk/explore-roles"),
            "{paper:?}: {beside}"
        );
    }
}

/// Lines of running text on A4 at 11 pt: 45 to 75 characters.
#[test]
fn a4_body_lines_keep_to_a_readable_measure() {
    let mut th = screen(Paper::A4);
    th.body_pt = 11.0;
    let long = "Patients and their families often come to the service when they are worried, \
                upset or unsure where to turn, and the officer's first job is to listen carefully, \
                understand what has happened and explain clearly what can be done next. ";
    let mut d = rich();
    d.blocks.push(para(&long.repeat(4)));
    let doc = load(&render(&d, &th).bytes);
    let mut full = Vec::new();
    for p in doc.get_pages().values() {
        let trim = boxes(&doc, *p, b"TrimBox").unwrap();
        let mid = (trim[0] + trim[2]) / 2.0;
        let mut lines: BTreeMap<(bool, i32), String> = BTreeMap::new();
        for g in glyphs(&doc, *p) {
            let e = lines.entry((g.x0 > mid, (g.y * 10.0) as i32)).or_default();
            e.push_str(&g.text);
        }
        full.extend(
            lines
                .into_values()
                // A line ending in a hyphenated word counts with its hyphen.
                .filter(|l| {
                    let l = l.trim();
                    l.len() > 20 && long.contains(l.strip_suffix('-').unwrap_or(l))
                }),
        );
    }
    assert!(full.len() > 8, "{full:?}");
    let counts: Vec<usize> = full.iter().map(|l| l.trim_end().chars().count()).collect();
    assert!(counts.iter().all(|n| *n <= 75), "{counts:?} {full:#?}");
    let mean = counts.iter().sum::<usize>() as f32 / counts.len() as f32;
    assert!(mean >= 45.0, "mean {mean}: {counts:?} {full:#?}");
}

#[test]
fn titles_do_not_leave_a_word_alone() {
    for title in [
        "Patient advice and liaison service (PALS) officer",
        "Clinical support worker in the emergency department and urgent care",
        "Ysgrifennydd meddygol ar gyfer gwasanaethau plant a phobl ifanc",
    ] {
        for paper in [Paper::A4, Paper::A5] {
            let mut d = rich();
            if let Block::Banner { blocks } = &mut d.blocks[0] {
                blocks[0] = h(1, title);
            }
            let doc = load(&render(&d, &screen(paper)).bytes);
            let page = *doc.get_pages().values().next().unwrap();
            // the title's lines: the largest glyphs
            let gl = glyphs(&doc, page);
            let mut lines: BTreeMap<i32, String> = BTreeMap::new();
            let first = title.split(' ').next().unwrap();
            let words: Vec<&str> = title.split(' ').collect();
            let _ = first;
            for g in &gl {
                lines
                    .entry(-(g.y * 10.0) as i32)
                    .or_default()
                    .push_str(&g.text);
            }
            let title_lines: Vec<String> = lines
                .into_values()
                .map(|l| squash(&l))
                .filter(|l| l.split(' ').all(|w| words.contains(&w)) && !l.is_empty())
                .collect();
            let last = title_lines.last().expect("the title is there");
            assert!(
                title_lines.len() == 1 || last.split(' ').count() >= 2,
                "{paper:?}: {title_lines:?}"
            );
        }
    }
}

#[test]
fn screen_and_print_files_differ_as_they_should() {
    let s = load(&render(&rich(), &screen(Paper::A4)).bytes);
    let p = load(&render(&rich(), &press(Paper::A4)).bytes);
    // Screen: trim size, RGB logo, no output intent.
    let sp = *s.get_pages().values().next().unwrap();
    let media = boxes(&s, sp, b"MediaBox").unwrap();
    assert!((media[2] - 210.0 * MM).abs() < 0.1 && (media[3] - 297.0 * MM).abs() < 0.1);
    assert!(boxes(&s, sp, b"BleedBox").is_none());
    let spaces = |doc: &lopdf::Document| -> Vec<(String, Vec<u8>)> {
        doc.objects
            .values()
            .filter_map(|o| o.as_stream().ok())
            .filter(|st| st.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image"))
            .filter(|st| st.dict.get(b"Width").and_then(Object::as_i64).ok() == Some(240))
            .filter(|st| {
                st.dict.get(b"ColorSpace").and_then(Object::as_name).ok() != Some(b"DeviceGray")
            })
            .map(|st| {
                (
                    String::from_utf8_lossy(st.dict.get(b"ColorSpace").unwrap().as_name().unwrap())
                        .to_string(),
                    st.decompressed_content()
                        .unwrap_or_else(|_| st.content.clone()),
                )
            })
            .collect()
    };
    let si = spaces(&s);
    assert!(
        !si.is_empty() && si.iter().all(|(cs, _)| cs == "DeviceRGB"),
        "{:?}",
        si.iter().map(|x| &x.0).collect::<Vec<_>>()
    );
    // Print: bleed, CMYK logo in the brand's own ink, an output intent.
    let pp = *p.get_pages().values().next().unwrap();
    assert!(boxes(&p, pp, b"BleedBox").is_some());
    let pi = spaces(&p);
    assert!(!pi.is_empty() && pi.iter().all(|(cs, _)| cs == "DeviceCMYK"));
    // The fixture logo's blue is the theme's primary (0, 94, 184) with
    // CMYK 100 50 0 0: its pixels separate to exactly that.
    let mut counts: HashMap<[u8; 4], usize> = HashMap::new();
    for px in pi[0].1.chunks_exact(4) {
        *counts.entry([px[0], px[1], px[2], px[3]]).or_default() += 1;
    }
    let commonest = counts.into_iter().max_by_key(|(_, n)| *n).unwrap().0;
    assert_eq!(commonest, [255, 128, 0, 0], "the brand's CMYK primary");
    let cat = p.catalog().unwrap();
    let intents = deref(&p, cat.get(b"OutputIntents").expect("an output intent"))
        .as_array()
        .unwrap();
    let oi = deref(&p, &intents[0]).as_dict().unwrap();
    assert_eq!(
        text_entry(oi, b"OutputConditionIdentifier").as_deref(),
        Some("FOGRA39")
    );
    assert_eq!(
        oi.get(b"S").and_then(Object::as_name).ok(),
        Some(&b"GTS_PDFX"[..])
    );
}

#[test]
fn table_cells_name_their_headers_as_typst_does() {
    let r = read(&rich(), &screen(Paper::A4));
    // Every header cell has an ID the root's IDTree finds it by.
    let root = r
        .doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .and_then(|id| r.doc.get_dictionary(id))
        .unwrap();
    let names = root
        .get(b"IDTree")
        .and_then(Object::as_dict)
        .and_then(|t| t.get(b"Names"))
        .and_then(Object::as_array)
        .unwrap();
    let tree: BTreeMap<String, ObjectId> = names
        .chunks(2)
        .map(|p| {
            let k = String::from_utf8(p[0].as_str().unwrap().to_vec()).unwrap();
            (k, p[1].as_reference().unwrap())
        })
        .collect();
    let keys: Vec<&String> = tree.keys().collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "a name tree's keys are in order");
    let id_of = |e: &Elem| {
        e.dict
            .get(b"ID")
            .and_then(Object::as_str)
            .map(|b| String::from_utf8(b.to_vec()).unwrap())
            .ok()
    };
    let ths = r.all("TH");
    assert!(!ths.is_empty());
    for th in &ths {
        let id = id_of(th).expect("every TH has an /ID");
        assert_eq!(tree.get(&id), th.id.as_ref(), "{id} in the IDTree");
    }
    let headers = |e: &Elem| -> Vec<String> {
        let a = e.dict.get(b"A").and_then(Object::as_dict).ok();
        a.and_then(|a| a.get(b"Headers").and_then(Object::as_array).ok())
            .map(|h| {
                h.iter()
                    .map(|s| String::from_utf8(s.as_str().unwrap().to_vec()).unwrap())
                    .collect()
            })
            .unwrap_or_default()
    };
    let text = |id: &str| {
        let th = ths
            .iter()
            .find(|t| id_of(t).as_deref() == Some(id))
            .unwrap();
        squash(&th.text(&r.texts))
    };
    // The pay-band table: each body cell is headed by its column's TH.
    let body = &r.all("TBody")[0];
    let cells: Vec<(String, Vec<String>)> = body
        .walk()
        .into_iter()
        .filter(|e| e.role == "TD")
        .map(|e| {
            let heads = headers(e).iter().map(|h| text(h)).collect();
            (squash(&e.text(&r.texts)), heads)
        })
        .collect();
    assert_eq!(
        cells,
        [
            ("Band 3".to_string(), vec!["Band".to_string()]),
            ("£24,071".to_string(), vec!["Starting salary".to_string()]),
            ("Band 4".to_string(), vec!["Band".to_string()]),
            ("£26,530".to_string(), vec!["Starting salary".to_string()]),
        ]
    );
    // Key facts: each value is headed by its row's label.
    let facts = r
        .all("Table")
        .into_iter()
        .find(|t| {
            t.walk()
                .iter()
                .any(|e| e.attr(b"Scope").as_deref() == Some("Row"))
        })
        .expect("the key facts table");
    for tr in facts.walk().into_iter().filter(|e| e.role == "TR") {
        let kids: Vec<&Elem> = tr.walk().into_iter().skip(1).collect();
        let label = kids.iter().find(|e| e.role == "TH").unwrap();
        for td in kids.iter().filter(|e| e.role == "TD") {
            assert_eq!(headers(td), [id_of(label).unwrap()]);
        }
    }
}
