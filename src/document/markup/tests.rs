use super::*;
use crate::document::{Block, Inline};

fn text(s: &str) -> Inline {
    Inline::Text(s.into())
}

#[test]
fn commonmark_blocks_and_inlines() {
    let b = parse(
        "# Title\n\nSome **bold** and *it* [link](https://x.org).\n\n- one\n- two\n\n1. a\n2. b\n",
    )
    .unwrap();
    assert_eq!(
        b[0],
        Block::Heading {
            level: 1,
            content: vec![text("Title")]
        }
    );
    assert_eq!(
        b[1],
        Block::Paragraph(vec![
            text("Some "),
            Inline::Strong(vec![text("bold")]),
            text(" and "),
            Inline::Emphasis(vec![text("it")]),
            text(" "),
            Inline::Link {
                url: "https://x.org".into(),
                content: vec![text("link")]
            },
            text("."),
        ])
    );
    let Block::List { ordered, items, .. } = &b[2] else {
        panic!("{:?}", b[2])
    };
    assert!(!ordered);
    assert_eq!(items[1], vec![Block::Paragraph(vec![text("two")])]);
    assert!(matches!(&b[3], Block::List { ordered: true, items, .. } if items.len() == 2));
}

#[test]
fn directives_nest_and_close() {
    let src = "::: banner\n# Job\n:::\n::: facts Key facts\n- **Salary** £1 to £2\n- **Hours:** 37\n:::\n::: columns\n::: column\nleft\n:::\n::: column\nright\n:::\n:::\n::: qr https://x.org/a\\_b Scan me\n::: pagebreak\n::: box Find out more\nCall us.\n:::\n";
    let b = parse(src).unwrap();
    assert!(matches!(&b[0], Block::Banner { blocks } if blocks.len() == 1));
    let Block::Facts { title, rows } = &b[1] else {
        panic!()
    };
    assert_eq!(title.as_deref(), Some(&[text("Key facts")][..]));
    assert_eq!(rows[0].label, vec![text("Salary")]);
    assert_eq!(rows[0].value, vec![text("£1 to £2")]);
    assert_eq!(rows[1].label, vec![text("Hours:")]);
    assert_eq!(rows[1].value, vec![text("37")]);
    let Block::Columns(cols) = &b[2] else {
        panic!()
    };
    assert_eq!(cols.len(), 2);
    assert_eq!(cols[1], vec![Block::Paragraph(vec![text("right")])]);
    assert_eq!(
        b[3],
        Block::Qr {
            url: "https://x.org/a_b".into(),
            caption: Some(vec![text("Scan me")])
        }
    );
    assert_eq!(b[4], Block::PageBreak);
    assert!(matches!(&b[5], Block::Callout { title: Some(_), blocks } if blocks.len() == 1));
}

#[test]
fn escaped_markdown_stays_literal() {
    let b = parse("\\*not bold\\* \\# \\_x\\_ \\[a\\]\\(b\\)").unwrap();
    assert_eq!(
        b,
        vec![Block::Paragraph(vec![text("*not bold* # _x_ [a](b)")])]
    );
}

#[test]
fn language_blocks_and_spans() {
    let b = parse("::: lang cy\n## Beth fyddwch chi'n ei wneud\n\nTestun.\n:::\nIn <span lang=\"cy\">Ysbyty **Glan-y-Môr**</span> today.\n").unwrap();
    // Tags get their region (`cy` is read as `cy-GB`).
    assert_eq!(
        b[0],
        Block::Lang {
            lang: "cy-GB".into(),
            blocks: vec![
                Block::Heading {
                    level: 2,
                    content: vec![text("Beth fyddwch chi'n ei wneud")]
                },
                Block::Paragraph(vec![text("Testun.")]),
            ]
        }
    );
    assert_eq!(
        b[1],
        Block::Paragraph(vec![
            text("In "),
            Inline::Lang {
                lang: "cy-GB".into(),
                content: vec![text("Ysbyty "), Inline::Strong(vec![text("Glan-y-Môr")])]
            },
            text(" today."),
        ])
    );
    // An unclosed span ends with its paragraph; other HTML stays text.
    let b = parse("<span lang=\"cy\">Croeso\n\n<b>x</b>").unwrap();
    assert_eq!(
        b[0],
        Block::Paragraph(vec![Inline::Lang {
            lang: "cy-GB".into(),
            content: vec![text("Croeso")]
        }])
    );
    assert_eq!(b[1], Block::Paragraph(vec![text("<b>x</b>")]));
    // An escaped value can never open a span.
    let escaped = crate::template::escape_markup("<span lang=\"cy\">x</span>");
    assert_eq!(
        parse(&escaped).unwrap(),
        vec![Block::Paragraph(vec![text("<span lang=\"cy\">x</span>")])]
    );
    let e = parse("::: lang not a tag\nx\n:::\n").unwrap_err();
    assert!(e.message.contains("language tag"), "{e}");
}

#[test]
fn structure_nested_too_deep_is_an_error_not_a_crash() {
    let deep = format!("{}x", "> ".repeat(5000));
    let e = parse(&deep).unwrap_err();
    assert!(e.message.contains("more than 48 deep"), "{e}");
    let lists: String = (0..200)
        .map(|i| format!("{}- a\n", "  ".repeat(i)))
        .collect();
    assert!(parse(&lists).is_err());
    assert!(parse("> > > quoted\n").is_ok());
}

#[test]
fn unsafe_links_become_text() {
    let b = parse("[click](javascript:alert(1))").unwrap();
    assert_eq!(b, vec![Block::Paragraph(vec![text("click")])]);
}

#[test]
fn errors_name_the_line() {
    let e = parse("text\n\n::: facts\n- **a** b\n").unwrap_err();
    assert_eq!(e.line, 3);
    assert!(e.message.contains("never closed"), "{e}");
    let e = parse("ok\n::: wibble\n").unwrap_err();
    assert_eq!(e.line, 2);
    assert!(e.message.contains("unknown directive"), "{e}");
    let e = parse(":::\n").unwrap_err();
    assert!(e.message.contains("no open directive"), "{e}");
    let e = parse("::: facts\nnot a list\n:::\n").unwrap_err();
    assert!(e.message.contains("bullet list"), "{e}");
}

#[test]
fn loose_list_items_and_tables() {
    let b = parse("- a\n\n  more\n\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n").unwrap();
    let Block::List { items, .. } = &b[0] else {
        panic!()
    };
    assert_eq!(items[0].len(), 2);
    let Block::Table { header, rows } = &b[1] else {
        panic!()
    };
    assert!(header);
    assert_eq!(rows[1][1], vec![text("2")]);
}

#[test]
fn a_bilingual_title_or_caption_is_a_span_per_language() {
    let b = parse(concat!(
        "::: box <span lang=\"cy\">Dysgu rhagor</span> / <span lang=\"en-GB\">Find out more</span>\n",
        "::: qr https://x.org <span lang=\"cy\">Sganiwch i\\'r wefan</span> / <span lang=\"en\">Scan me</span>\n",
        ":::\n",
        "::: box Text \\<span lang=\\\"cy\\\"\\>not a span\\</span\\>\n:::\n",
    ))
    .unwrap();
    let span = |lang: &str, t: &str| Inline::Lang {
        lang: lang.into(),
        content: vec![text(t)],
    };
    let Block::Callout { title, blocks } = &b[0] else {
        panic!("{b:?}")
    };
    assert_eq!(
        title.as_deref().unwrap(),
        [
            span("cy-GB", "Dysgu rhagor"),
            text(" / "),
            span("en-GB", "Find out more")
        ]
    );
    assert_eq!(
        blocks[0],
        Block::Qr {
            url: "https://x.org".into(),
            caption: Some(vec![
                span("cy-GB", "Sganiwch i'r wefan"),
                text(" / "),
                span("en-GB", "Scan me")
            ]),
        }
    );
    // An escaped span (from a content value) stays text.
    let Block::Callout { title, .. } = &b[1] else {
        panic!("{b:?}")
    };
    assert_eq!(
        title.as_deref().unwrap(),
        [text("Text <span lang=\"cy\">not a span</span>")]
    );
}
