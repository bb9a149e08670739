//! The writer on hand-made documents: every block kind, read back with an
//! HTML5 parser (html5ever, through scraper) as a browser would read it.

use super::HtmlWriter;
use crate::document::{Block, Document, Fact, Inline, Meta, Theme, Writer, DRAFT_NOTICE};
use scraper::{Html, Selector};

fn text(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.to_string())]
}

fn para(s: &str) -> Block {
    Block::Paragraph(text(s))
}

fn heading(level: u8, s: &str) -> Block {
    Block::Heading {
        level,
        content: text(s),
    }
}

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        meta: Meta {
            title: "Porthor".into(),
            author: "Test Trust".into(),
            subject: "Careers information: a porthor".into(),
            language: "en-GB".into(),
            ..Meta::default()
        },
        blocks,
    }
}

fn render(d: &Document) -> (String, Vec<String>) {
    let r = HtmlWriter::new()
        .render(d, &Theme::for_tests(72))
        .expect("renders");
    (String::from_utf8(r.bytes).expect("UTF-8"), r.warnings)
}

/// Parses a page, asserting the HTML5 parser met no error in it.
fn parse(html: &str) -> Html {
    let page = Html::parse_document(html);
    assert!(page.errors.is_empty(), "parse errors: {:?}", page.errors);
    page
}

fn all(page: &Html, css: &str) -> Vec<String> {
    let sel = Selector::parse(css).expect("selector");
    page.select(&sel)
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

fn attr(page: &Html, css: &str, name: &str) -> Vec<String> {
    let sel = Selector::parse(css).expect("selector");
    page.select(&sel)
        .filter_map(|e| e.value().attr(name).map(str::to_string))
        .collect()
}

fn every_block() -> Vec<Block> {
    vec![
        Block::Banner {
            blocks: vec![heading(1, "Porthor"), para("Careers at Test")],
        },
        para("The lead paragraph."),
        Block::Facts {
            title: Some(text("Key facts")),
            rows: vec![
                Fact {
                    label: text("Salary"),
                    value: text("£18,200 a year"),
                },
                Fact {
                    label: text("Hours"),
                    value: text("37.5 a week"),
                },
            ],
        },
        heading(2, "What you'll do"),
        Block::List {
            ordered: false,
            start: 1,
            items: vec![vec![para("Meet people")], vec![para("Carry things")]],
        },
        Block::List {
            ordered: true,
            start: 3,
            items: vec![vec![para("third"), para("more on it")]],
        },
        Block::Table {
            header: true,
            rows: vec![
                vec![text("Band"), text("Pay")],
                vec![text("2"), text("£24,071")],
            ],
        },
        heading(2, "What you'll do"),
        Block::Callout {
            title: Some(text("Contact us")),
            blocks: vec![Block::Paragraph(vec![
                Inline::Strong(text("PALS")),
                Inline::LineBreak,
                Inline::Text("Phone: ".into()),
                Inline::Link {
                    url: "tel:+441632960123".into(),
                    content: text("01632 960 123"),
                },
            ])],
        },
        Block::Columns(vec![vec![para("left")], vec![para("right")]]),
        Block::Image {
            name: "nowhere".into(),
            alt: "A missing picture".into(),
        },
        Block::Qr {
            url: "https://example.org/jobs/porthor".into(),
            caption: Some(text("Scan me")),
        },
        Block::Rule,
        Block::PageBreak,
        Block::Lang {
            lang: "cy".into(),
            blocks: vec![para("Croeso i Ffordd y Tŵr")],
        },
        Block::Paragraph(vec![
            Inline::Text("Ask for ".into()),
            Inline::Lang {
                lang: "cy".into(),
                content: text("Gwasanaeth Cyngor"),
            },
            Inline::Text(" at ".into()),
            Inline::Link {
                url: "javascript:alert(1)".into(),
                content: text("a bad link"),
            },
            Inline::Emphasis(text(" today")),
        ]),
    ]
}

#[test]
fn every_block_is_semantic_html_a_parser_reads_without_error() {
    let (html, warnings) = render(&doc(every_block()));
    let page = parse(&html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
    assert_eq!(all(&page, "main h1"), ["Porthor"]);
    assert_eq!(all(&page, ".hero p"), ["Careers at Test"]);
    assert_eq!(all(&page, "p.lead"), ["The lead paragraph."]);
    // Key facts: row headers, named by the box's heading.
    assert_eq!(all(&page, ".facts th[scope=row]"), ["Salary", "Hours"]);
    assert_eq!(all(&page, ".facts td"), ["£18,200 a year", "37.5 a week"]);
    assert_eq!(
        attr(&page, ".facts table", "aria-labelledby"),
        ["key-facts"]
    );
    assert_eq!(all(&page, "#key-facts"), ["Key facts"]);
    // A table with a header row has column headers.
    assert_eq!(all(&page, "thead th[scope=col]"), ["Band", "Pay"]);
    assert_eq!(
        all(&page, "tbody td"),
        ["£18,200 a year", "37.5 a week", "2", "£24,071"]
    );
    assert_eq!(all(&page, "ul > li"), ["Meet people", "Carry things"]);
    assert_eq!(attr(&page, "ol[start]", "start"), ["3"]);
    assert_eq!(all(&page, "ol[start] > li > p"), ["third", "more on it"]);
    // Two headings with the same words get different ids.
    assert_eq!(
        attr(&page, "h2[id]", "id"),
        [
            "contents-title",
            "key-facts",
            "what-you-ll-do",
            "what-you-ll-do-2",
            "contact-us"
        ]
    );
    assert_eq!(all(&page, ".box h2"), ["Contact us"]);
    assert_eq!(all(&page, ".box strong"), ["PALS"]);
    // A phone number never breaks.
    assert_eq!(all(&page, "a[href^='tel:']"), ["01632\u{A0}960\u{A0}123"]);
    assert_eq!(all(&page, ".columns > div"), ["left", "right"]);
    // A missing image: its alt text, and a warning.
    assert!(all(&page, "p").contains(&"A missing picture".to_string()));
    assert!(
        warnings.iter().any(|w| w.contains("\"nowhere\"")),
        "{warnings:?}"
    );
    // The QR code is a picture with a name, and its address is a link.
    assert_eq!(
        attr(&page, "figure.qr svg[role=img]", "aria-label"),
        ["QR code: Scan me (https://example.org/jobs/porthor)"]
    );
    assert_eq!(
        attr(&page, "figure.qr figcaption a.bare-link", "href"),
        ["https://example.org/jobs/porthor"]
    );
    assert_eq!(all(&page, "hr").len(), 1);
    assert_eq!(attr(&page, ".page-break", "aria-hidden"), ["true"]);
    // Languages are marked on the element that holds them.
    assert_eq!(all(&page, "div[lang=cy-GB]"), ["Croeso i Ffordd y Tŵr"]);
    assert_eq!(all(&page, "span[lang=cy-GB]"), ["Gwasanaeth Cyngor"]);
    assert_eq!(all(&page, "em"), ["today"]);
    // A link that is not web, mail or phone is text only.
    assert!(!html.contains("javascript:"));
    assert!(all(&page, "p").iter().any(|p| p.contains("a bad link")));
    // "On this page" lists the page's sections, in order.
    assert_eq!(
        attr(&page, "nav.contents a", "href"),
        [
            "#key-facts",
            "#what-you-ll-do",
            "#what-you-ll-do-2",
            "#contact-us"
        ]
    );
}

#[test]
fn pages_are_self_contained_and_run_nothing() {
    let (html, _) = render(&doc(every_block()));
    let page = parse(&html);
    for css in [
        "script", "link", "iframe", "object", "embed", "base", "form", "[style]",
    ] {
        assert!(all(&page, css).is_empty(), "{css} in the page");
    }
    // Nothing in the page points anywhere but at links a reader follows.
    for e in page.select(&Selector::parse("[src]").unwrap()) {
        let src = e.value().attr("src").unwrap();
        assert!(src.starts_with("data:"), "{src}");
    }
    for e in page.select(&Selector::parse("*").unwrap()) {
        for (name, _) in e.value().attrs() {
            assert!(!name.starts_with("on"), "event handler {name}");
        }
    }
    // The policy forbids everything but this page's own stylesheet and
    // pictures in it, and names the stylesheet by its digest.
    let csp = attr(&page, "meta[http-equiv=Content-Security-Policy]", "content");
    assert_eq!(csp.len(), 1);
    assert!(
        csp[0].starts_with("default-src 'none'; img-src data:;"),
        "{}",
        csp[0]
    );
    // The digest is of the style element's exact text, as browsers take it.
    let style: String = page
        .select(&Selector::parse("style").unwrap())
        .flat_map(|e| e.text())
        .collect();
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest =
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style.as_bytes()));
    assert!(
        csp[0].contains(&format!("style-src 'sha256-{digest}'")),
        "{}",
        csp[0]
    );
    // A print stylesheet, on the template's paper.
    assert!(style.contains("@media print"));
    assert!(style.contains("@page{size:A4;"));
}

#[test]
fn a_draft_says_so_first_last_in_its_title_and_on_paper() {
    let mut d = doc(every_block());
    d.meta.draft = true;
    let (html, _) = render(&d);
    let page = parse(&html);
    let body = Selector::parse("body > *").unwrap();
    let texts: Vec<String> = page
        .select(&body)
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect();
    // Straight after the skip link, before the trust's header.
    assert_eq!(texts[1], DRAFT_NOTICE);
    assert_eq!(all(&page, ".draft-notice"), [DRAFT_NOTICE]);
    assert!(all(&page, "footer").concat().contains(DRAFT_NOTICE));
    assert_eq!(all(&page, ".draft-watermark"), [DRAFT_NOTICE]);
    assert!(all(&page, "title")[0].starts_with(DRAFT_NOTICE));
    assert_eq!(
        attr(&page, "meta[name=robots]", "content"),
        ["noindex, nofollow"]
    );
    // A finished page says none of it.
    let (clean, _) = render(&doc(every_block()));
    assert!(!clean.contains("DRAFT"));
    assert!(!clean.contains("robots"));
}

#[test]
fn text_is_escaped_once_and_invisible_controls_dropped() {
    let nasty = "<script>alert('x')</script> & \"quotes\" *stars* {{hb}} Tŵr ŷ \u{7}\u{202E}";
    let mut d = doc(vec![
        Block::Banner {
            blocks: vec![heading(1, nasty)],
        },
        para(nasty),
        Block::Paragraph(vec![Inline::Link {
            url: "https://example.org/?a=1&b=\"2\"".into(),
            content: text(nasty),
        }]),
    ]);
    d.meta.title = nasty.into();
    let (html, _) = render(&d);
    let page = parse(&html);
    assert!(all(&page, "script").is_empty());
    let want = "<script>alert('x')</script> & \"quotes\" *stars* {{hb}} Tŵr ŷ \u{202E}";
    assert_eq!(all(&page, "h1"), [want]);
    assert_eq!(all(&page, "main p:not(.lead) a"), [want]);
    assert_eq!(
        attr(&page, "main a", "href"),
        ["https://example.org/?a=1&b=\"2\""]
    );
    assert!(all(&page, "title")[0].starts_with(want));
    assert!(html.contains("&lt;script&gt;") && !html.contains("&amp;lt;"));
}

#[test]
fn the_page_language_and_a_bad_tag() {
    let mut d = doc(vec![para("Croeso")]);
    d.meta.language = "cy".into();
    let (html, _) = render(&d);
    assert!(html.contains("<html lang=\"cy-GB\">"), "with its region");
    d.meta.language = "not a tag\"><script>".into();
    let (html, _) = render(&d);
    assert!(
        html.contains("<html lang=\"en-GB\">"),
        "a bad tag falls back"
    );
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let d = doc(every_block());
    assert_eq!(render(&d).0, render(&d).0);
    // And a short page lists no sections.
    let (short, _) = render(&doc(vec![heading(2, "One"), para("x")]));
    assert!(!short.contains("On this page"));
}
