//! Guards: each patch, run on what docx-rs 0.4.22 really writes. Every test
//! first asserts the exact form of docx-rs's output the patch relies on,
//! so a docx-rs release that changes it fails here, naming the patch,
//! before any handout goes wrong.

use docx_rs::{
    BuildXML, Document, Header, Hyperlink, HyperlinkData, HyperlinkType, IndentLevel, LineSpacing,
    NumberingId, Paragraph, Pic, Run, Table, TableCell, TableLayoutType, TableRow, WidthType,
};
use quick_xml::events::Event;

use super::order::{is_ordered, rank};
use super::{mark, rewrite, watermark, Look, Marker, Notes, Picture, TableNote};

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The document part docx-rs writes for `document`, as the writer has it
/// written.
fn document(document: Document) -> String {
    text(&document.build())
}

/// Every property element's children are in schema order.
fn assert_in_order(xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    // For each open element: its name and the rank of its last child.
    let mut open: Vec<(Vec<u8>, usize)> = Vec::new();
    loop {
        let (name, start) = match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) => (e.name().as_ref().to_vec(), true),
            Event::Empty(e) => (e.name().as_ref().to_vec(), false),
            Event::End(_) => {
                open.pop();
                continue;
            }
            _ => continue,
        };
        if let Some((parent, last)) = open.last_mut() {
            if is_ordered(parent) {
                let r = rank(parent, &name);
                assert!(
                    r >= *last,
                    "{} out of order in {}:\n{xml}",
                    String::from_utf8_lossy(&name),
                    String::from_utf8_lossy(parent)
                );
                *last = r;
            }
        }
        if start {
            open.push((name, 0));
        }
    }
}

fn styled_paragraph() -> Paragraph {
    Paragraph::new()
        .id("0000000A")
        .style(&mark("Heading1", &Marker::Lang("cy-GB".into())))
        .keep_next(true)
        .numbering(NumberingId::new(2), IndentLevel::new(1))
        .indent(Some(360), None, None, None)
        .line_spacing(LineSpacing::new().after(0))
        .add_run(
            Run::new()
                .bold()
                .italic()
                .style(&mark("Hyperlink", &Marker::Lang("cy-GB".into())))
                .add_text("Bore da"),
        )
        .add_run(Run::new().add_text("plain"))
}

#[test]
fn schema_order_docx_rs_still_writes_properties_out_of_order() {
    let xml = document(Document::new().add_paragraph(styled_paragraph()));
    // What the patch exists for: run properties after the paragraph style's
    // place, the style last in a run, `numId` before `ilvl`, and the page
    // size before the header reference.
    assert!(
        xml.contains("<w:pPr><w:rPr /><w:pStyle w:val=\"Heading1#Lcy-GB\" />"),
        "{xml}"
    );
    assert!(
        xml.contains("<w:iCs /><w:rStyle w:val=\"Hyperlink#Lcy-GB\" /></w:rPr>"),
        "{xml}"
    );
    assert!(
        xml.contains("<w:numPr><w:numId w:val=\"2\" /><w:ilvl w:val=\"1\" /></w:numPr>"),
        "{xml}"
    );
    assert!(xml.contains("<w:sectPr><w:pgSz"), "{xml}");
    let notes = Notes {
        markers: 2,
        ..Notes::default()
    };
    let out = text(&rewrite("word/document.xml", xml.as_bytes(), &notes, &[]).unwrap());
    assert_in_order(&out);
    assert!(
        out.contains("<w:numPr><w:ilvl w:val=\"1\" /><w:numId w:val=\"2\" /></w:numPr>"),
        "{out}"
    );
}

#[test]
fn markers_docx_rs_writes_style_ids_verbatim_and_the_patch_turns_them_into_languages() {
    let xml = document(Document::new().add_paragraph(styled_paragraph()));
    let notes = Notes {
        markers: 2,
        ..Notes::default()
    };
    let out = text(&rewrite("word/document.xml", xml.as_bytes(), &notes, &[]).unwrap());
    assert!(!out.contains('#'), "{out}");
    // The paragraph mark and the marked run are Welsh, with their real styles.
    assert!(out.contains("<w:pStyle w:val=\"Heading1\"/>"), "{out}");
    assert!(
        out.contains("<w:rPr><w:lang w:val=\"cy-GB\"/></w:rPr></w:pPr>"),
        "{out}"
    );
    assert!(out.contains("<w:rPr><w:rStyle w:val=\"Hyperlink\"/><w:b /><w:bCs /><w:i /><w:iCs /><w:lang w:val=\"cy-GB\"/></w:rPr><w:t xml:space=\"preserve\">Bore da</w:t>"), "{out}");
    // The plain run lost its empty `<w:rPr />`.
    assert!(
        out.contains("<w:r><w:t xml:space=\"preserve\">plain</w:t></w:r>"),
        "{out}"
    );
    // A marker the builder did not count is an error, not silent output.
    let err = rewrite("word/document.xml", xml.as_bytes(), &Notes::default(), &[]).unwrap_err();
    assert!(err.to_string().contains("2 found"), "{err}");
    // A language marker on a run without any other style leaves no style.
    let bare = document(
        Document::new().add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .style(&mark("", &Marker::Lang("en-GB".into())))
                    .add_text("x"),
            ),
        ),
    );
    let notes = Notes {
        markers: 1,
        ..Notes::default()
    };
    let out = text(&rewrite("word/document.xml", bare.as_bytes(), &notes, &[]).unwrap());
    assert!(
        out.contains("<w:r><w:rPr><w:lang w:val=\"en-GB\"/></w:rPr><w:t"),
        "{out}"
    );
}

fn cell(s: &str) -> TableCell {
    TableCell::new()
        .width(1000, WidthType::Dxa)
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(s)))
}

#[test]
fn tables_docx_rs_has_no_look_caption_or_header_rows_and_the_patch_adds_them() {
    let inner = Table::without_borders(vec![TableRow::new(vec![cell("in")]).cant_split()])
        .style(mark("TableGrid", &Marker::Table(1)))
        .set_grid(vec![1000]);
    let outer = Table::without_borders(vec![
        TableRow::new(vec![cell("head"), cell("head 2")]).cant_split(),
        TableRow::new(vec![
            cell("body"),
            TableCell::new()
                .add_table(inner)
                .add_paragraph(Paragraph::new()),
        ])
        .cant_split(),
    ])
    .style(mark("KeyFacts", &Marker::Table(0)))
    .width(2000, WidthType::Dxa)
    .layout(TableLayoutType::Fixed)
    .set_grid(vec![1000, 1000]);
    let xml = document(Document::new().add_table(outer));
    assert!(xml.contains("<w:tblPr><w:tblW w:w=\"2000\" w:type=\"dxa\" /><w:jc w:val=\"left\" /><w:tblBorders /><w:tblStyle w:val=\"KeyFacts#T0\" />"), "{xml}");
    assert!(
        xml.contains("<w:gridCol w:w=\"1000\" w:type=\"dxa\" />"),
        "{xml}"
    );
    assert!(
        xml.contains("<w:tr><w:trPr><w:cantSplit /></w:trPr>"),
        "{xml}"
    );
    assert!(!xml.contains("tblHeader") && !xml.contains("tblLook") && !xml.contains("tblCaption"));
    let tables = [
        TableNote {
            look: Look {
                first_row: true,
                first_col: true,
            },
            caption: "Key facts".into(),
            description: "Salary & hours".into(),
            header_rows: 1,
        },
        TableNote {
            caption: "Inner".into(),
            ..TableNote::default()
        },
    ];
    let notes = Notes {
        markers: 2,
        ..Notes::default()
    };
    let out = text(&rewrite("word/document.xml", xml.as_bytes(), &notes, &tables).unwrap());
    assert_in_order(&out);
    assert!(out.contains("<w:tblPr><w:tblStyle w:val=\"KeyFacts\"/><w:tblW w:w=\"2000\" w:type=\"dxa\" /><w:jc w:val=\"left\" /><w:tblBorders /><w:tblLayout w:type=\"fixed\" /><w:tblLook w:val=\"06A0\""), "{out}");
    assert!(out.contains("<w:tblCaption w:val=\"Key facts\"/><w:tblDescription w:val=\"Salary &amp; hours\"/></w:tblPr>"), "{out}");
    assert!(
        out.contains("<w:tblStyle w:val=\"TableGrid\"/>")
            && out.contains("<w:tblCaption w:val=\"Inner\"/>"),
        "{out}"
    );
    // Only the outer table's first row is a header row; the nested table's
    // row is not, nor is the row after it.
    assert_eq!(out.matches("<w:tblHeader/>").count(), 1, "{out}");
    assert!(out.contains("<w:trPr><w:cantSplit /><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\" /></w:tcPr><w:p w14:paraId"), "{out}");
    // The schema has no `w:type` on a grid column.
    assert!(
        out.contains("<w:gridCol w:w=\"1000\"/>") && !out.contains("w:type=\"dxa\" /><w:gridCol"),
        "{out}"
    );
    // Header rows registered but not found are an error.
    let mut more = tables.clone();
    more[1].header_rows = 3;
    assert!(rewrite("word/document.xml", xml.as_bytes(), &notes, &more).is_err());
}

#[test]
fn drawings_docx_rs_writes_every_picture_as_figure_1_and_the_patch_names_them() {
    let pic = |id: &str| {
        Pic::new_with_dimensions(Vec::new(), 1, 1)
            .size(100, 100)
            .id(id)
    };
    let header = text(
        &Header::new()
            .add_paragraph(Paragraph::new().add_run(Run::new().add_image(pic("image1"))))
            .build(),
    );
    let body = document(
        Document::new()
            .add_paragraph(Paragraph::new().add_run(Run::new().add_image(pic("image2"))))
            .add_paragraph(Paragraph::new().add_run(Run::new().add_image(pic("image3")))),
    );
    for xml in [&body, &header] {
        assert!(
            xml.contains("<wp:docPr id=\"1\" name=\"Figure\" />"),
            "{xml}"
        );
        assert!(xml.contains("<pic:cNvPr id=\"0\" name=\"\" />"), "{xml}");
    }
    // A picture's id is its relationship id.
    assert!(body.contains("r:embed=\"image2\"") && body.contains("r:embed=\"image3\""));
    assert!(header.contains("r:embed=\"image1\""), "{header}");
    let notes = Notes {
        pictures: vec![
            Picture {
                id: 2,
                name: "photo".into(),
                alt: "A ward & its \"team\"".into(),
            },
            Picture {
                id: 3,
                name: "QR code".into(),
                alt: "QR code for https://example.org/".into(),
            },
        ],
        markers: 0,
    };
    let out = text(&rewrite("word/document.xml", body.as_bytes(), &notes, &[]).unwrap());
    assert!(
        out.contains(
            "<wp:docPr id=\"2\" name=\"photo\" descr=\"A ward &amp; its &quot;team&quot;\"/>"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "<pic:cNvPr id=\"2\" name=\"photo\" descr=\"A ward &amp; its &quot;team&quot;\"/>"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "<wp:docPr id=\"3\" name=\"QR code\" descr=\"QR code for https://example.org/\"/>"
        ),
        "{out}"
    );
    assert!(!out.contains("name=\"Figure\""));
    // More drawings than pictures placed, or fewer, is an error.
    let one = Notes {
        pictures: notes.pictures[..1].to_vec(),
        markers: 0,
    };
    assert!(rewrite("word/document.xml", body.as_bytes(), &one, &[]).is_err());
    let three = Notes {
        pictures: [notes.pictures.clone(), notes.pictures[..1].to_vec()].concat(),
        markers: 0,
    };
    assert!(rewrite("word/document.xml", body.as_bytes(), &three, &[]).is_err());
}

#[test]
fn watermark_docx_rs_writes_the_placeholder_verbatim() {
    let header = Header::new().add_paragraph(
        Paragraph::new()
            .add_run(Run::new().add_text("DRAFT"))
            .add_run(Run::new().add_text(watermark::PLACEHOLDER)),
    );
    let xml = &header.build();
    assert!(text(xml).contains(&format!(
        "<w:t xml:space=\"preserve\">{}</w:t>",
        watermark::PLACEHOLDER
    )));
    let out = text(&watermark::apply(xml, "DRAFT", "Liberation Sans").unwrap());
    assert!(!out.contains(watermark::PLACEHOLDER));
    assert!(out.contains("<v:textpath style=\"font-family:&quot;Liberation Sans&quot;;font-size:1pt\" string=\"DRAFT\"/>"), "{out}");
    // The header declares the VML namespaces the watermark uses.
    for ns in ["xmlns:v=", "xmlns:o=", "xmlns:w10="] {
        assert!(out.contains(ns), "{ns}");
    }
    assert!(watermark::apply(out.as_bytes(), "DRAFT", "x").is_err());
}

#[test]
fn numbering_docx_rs_adds_a_default_definition_and_levels_out_of_order() {
    let lists = crate::docx::numbering::Lists::default();
    let xml = text(&lists.numberings().build());
    // docx-rs's own definition is abstract 1 / num 1, which is why ours
    // start at 2.
    assert!(
        xml.contains("<w:abstractNum w:abstractNumId=\"1\">"),
        "{xml}"
    );
    assert!(
        xml.contains("<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\" /></w:num>"),
        "{xml}"
    );
    assert!(
        xml.contains("<w:num w:numId=\"2\"><w:abstractNumId w:val=\"2\" /></w:num>"),
        "{xml}"
    );
    // The paragraph style after the level's properties, an empty run
    // property inside them.
    assert!(xml.contains("<w:pPr><w:rPr /><w:ind w:left=\"360\" w:right=\"0\" w:hanging=\"360\" /></w:pPr><w:rPr /><w:pStyle w:val=\"ListBullet\" />"), "{xml}");
    let out = text(&rewrite("word/numbering.xml", xml.as_bytes(), &Notes::default(), &[]).unwrap());
    assert_in_order(&out);
    assert!(!out.contains("<w:rPr"), "{out}");
    assert!(
        out.contains("<w:numFmt w:val=\"bullet\" /><w:pStyle w:val=\"ListBullet\" /><w:lvlText"),
        "{out}"
    );
}

#[test]
fn relationships_docx_rs_writes_the_ids_careerpress_gives_it() {
    // careerpress writes every relationship itself; docx-rs's parts must
    // point at them with exactly the ids the builder chose.
    let mut link = Hyperlink::new("https://e.org/?a=1&b=\"2\"", HyperlinkType::External)
        .add_run(Run::new().add_text("e"));
    if let HyperlinkData::External { rid, .. } = &mut link.link {
        *rid = "link1".into();
    }
    let pic = Pic::new_with_dimensions(Vec::new(), 1, 1)
        .size(10, 10)
        .id("image2");
    let header = Header::new()
        .add_paragraph(Paragraph::new().add_run(
            Run::new().add_image(Pic::new_with_dimensions(Vec::new(), 1, 1).id("image1")),
        ));
    let header_xml = text(&header.build());
    let document = docx_rs::Document::new()
        .header(header, "rIdHeader1")
        .footer(docx_rs::Footer::new(), "rIdFooter1")
        .add_paragraph(Paragraph::new().id("00000001").add_hyperlink(link))
        .add_paragraph(Paragraph::new().add_run(Run::new().add_image(pic)));
    let xml = text(&document.build());
    assert!(xml.contains("<w:p w14:paraId=\"00000001\">"), "{xml}");
    assert!(
        xml.contains("<w:hyperlink r:id=\"link1\" w:history=\"1\">"),
        "{xml}"
    );
    assert!(xml.contains("<a:blip r:embed=\"image2\" />"), "{xml}");
    assert!(
        header_xml.contains("<a:blip r:embed=\"image1\" />"),
        "{header_xml}"
    );
    assert!(
        xml.contains("<w:headerReference w:type=\"default\" r:id=\"rIdHeader1\" />"),
        "{xml}"
    );
    assert!(
        xml.contains("<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\" />"),
        "{xml}"
    );
    // The namespaces the parts use are declared on their roots.
    for ns in [
        "xmlns:r=",
        "xmlns:w=",
        "xmlns:wp=",
        "xmlns:w14=",
        "mc:Ignorable=\"w14 wp14\"",
    ] {
        assert!(xml.contains(ns) && header_xml.contains(ns), "{ns}");
    }
}
