//! The HTML pages as a user makes them (`careerpress build`, the tests'
//! copy of the bundled `page.html.hbs`), read back with an HTML5 parser.

mod common;

use common::{assert_exit, stderr, Project};
use scraper::{Html, Selector};

const EAST: &str = "output/eastbrook-hospitals/pals-officer/page.html";
const GLAN: &str = "output/glan-y-mor/pals-officer/page.html";
const PALS: &str = "content/jobs/pals-officer.yaml";

fn page(p: &Project, rel: &str) -> Html {
    let html = p.read(rel);
    let page = Html::parse_document(&html);
    assert!(page.errors.is_empty(), "{rel}: {:?}", page.errors);
    page
}

fn all(page: &Html, css: &str) -> Vec<String> {
    let sel = Selector::parse(css).expect("selector");
    page.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn attr(page: &Html, css: &str, name: &str) -> Vec<String> {
    let sel = Selector::parse(css).expect("selector");
    page.select(&sel)
        .filter_map(|e| e.value().attr(name).map(str::to_string))
        .collect()
}

#[test]
fn each_trust_gets_its_branded_accessible_page() {
    let p = Project::copy();
    assert_exit(&p.run(&["build", "--format", "html"]), 0);
    for (rel, trust, alt, colour) in [(
        EAST,
        "Eastbrook Hospitals NHS Foundation Trust",
        "Eastbrook Hospitals NHS Foundation Trust logo",
        "#005293",
    )] {
        let page = page(&p, rel);
        assert_eq!(attr(&page, "html", "lang"), ["en-GB"], "{rel}");
        assert_eq!(all(&page, "header .org-name"), [trust]);
        assert_eq!(attr(&page, "header img", "alt"), [alt]);
        let logo = attr(&page, "header img", "src").remove(0);
        let logo_file = format!("content/brands/{}/logo.png", rel.split('/').nth(1).unwrap());
        use base64::Engine as _;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(logo.strip_prefix("data:image/png;base64,").unwrap())
            .unwrap();
        assert_eq!(bytes, std::fs::read(p.file(&logo_file)).unwrap());
        assert_eq!(
            all(&page, "main h1"),
            ["Patient advice and liaison service (PALS) officer"]
        );
        assert_eq!(all(&page, "h1").len(), 1);
        assert_eq!(
            all(&page, ".facts th[scope=row]"),
            ["Salary", "Hours", "Where you could work", "Ways in"]
        );
        assert_eq!(
            all(&page, ".facts td")[0],
            "£18,200 to £22,000 a year",
            "{rel}"
        );
        let h2: Vec<String> = all(&page, "main .content h2");
        assert_eq!(
            &h2[..4],
            [
                "Key facts",
                "What you’ll do",
                "How to become a patient advice and liaison service (PALS) officer",
                "Career tips"
            ]
        );
        assert!(h2.contains(&"Contact us".to_string()));
        // Headings never skip a level: h1, then h2, then h3.
        let levels: Vec<u8> = Html::parse_document(&p.read(rel))
            .select(&Selector::parse("main h1, main h2, main h3").unwrap())
            .map(|h| h.value().name()[1..].parse().unwrap())
            .collect();
        assert_eq!(levels[0], 1);
        assert!(
            levels.windows(2).all(|w| w[1] <= w[0] + 1),
            "{rel}: {levels:?}"
        );
        assert!(all(&page, "main li").len() > 20);
        assert_eq!(all(&page, "a.skip-link"), ["Skip to main content"]);
        assert_eq!(attr(&page, "main", "id"), ["main"]);
        // Every "On this page" link goes to a heading of the page.
        for href in attr(&page, "nav.contents a", "href") {
            let id = href.strip_prefix('#').unwrap();
            assert_eq!(
                attr(&page, &format!("[id='{id}']"), "id").len(),
                1,
                "{href}"
            );
        }
        // The brand's colour, passing AA on white, is the headings' colour.
        let css = all(&page, "style").concat();
        assert!(css.contains(&format!("--heading:{colour}")), "{rel}");
        // The phone number is a link, never broken across lines.
        let phone = attr(&page, ".box a[href^='tel:']", "href");
        assert!(!phone.is_empty());
        // Contact details from the brand.
        assert!(all(&page, ".box")
            .concat()
            .contains("Patient Advice and Liaison Service (PALS)"));
        assert!(all(&page, "footer").concat().contains(trust));
        assert!(!p.read(rel).contains("DRAFT"));
    }
    // The Welsh board's page: Welsh first, not second-rate; its own name,
    // logo text and page words in Welsh; every English passage marked.
    let page = page(&p, GLAN);
    assert_eq!(attr(&page, "html", "lang"), ["cy-GB"]);
    assert_eq!(
        all(&page, "header .org-name"),
        ["Bwrdd Iechyd Prifysgol Glan-y-Môr"]
    );
    assert_eq!(
        attr(&page, "header img", "alt"),
        ["Logo Bwrdd Iechyd Prifysgol Glan-y-Môr"]
    );
    assert_eq!(
        all(&page, "main h1"),
        [
            "Swyddog y gwasanaeth cyngor a chyswllt cleifion (PALS)",
            "Patient advice and liaison service (PALS) officer"
        ]
    );
    assert_eq!(
        all(&page, "[lang=en-GB] h1"),
        ["Patient advice and liaison service (PALS) officer"]
    );
    let rows = all(&page, ".facts th[scope=row]");
    assert_eq!(rows[0], "Cyflog");
    assert!(rows.contains(&"Salary".to_string()), "{rows:?}");
    assert_eq!(
        all(&page, "a.skip-link"),
        ["Neidio i’r prif gynnwys / Skip to main content"]
    );
    assert_eq!(
        all(&page, "nav.contents h2"),
        ["Ar y dudalen hon / On this page"]
    );
    assert!(all(&page, "[lang=en-GB] h2").contains(&"What you’ll do".to_string()));
    assert!(!all(&page, "[lang=en-GB] h2").contains(&"Beth fyddwch chi'n ei wneud".to_string()));
}

#[test]
fn a_passage_in_another_language_is_marked_on_its_element() {
    let p = Project::copy();
    p.write(
        "templates/croeso.html.hbs",
        "::: banner\n# {{job.title}}\n:::\n\nWelcome. <span lang=\"cy\">Croeso i {{brand.short_name}}</span>.\n\n::: lang cy\n## Gwybodaeth\n\nMae'r swydd hon ar gael yn Ffordd y Tŵr.\n:::\n",
    );
    // A brand whose first language is Welsh (the Glan-y-Môr board) gets a
    // Welsh page.
    let o = p.run(&["build", "--template", "croeso"]);
    assert_exit(&o, 0);
    let cy = page(&p, "output/glan-y-mor/pals-officer/croeso.html");
    assert_eq!(attr(&cy, "html", "lang"), ["cy-GB"]);
    let en = page(&p, "output/eastbrook-hospitals/pals-officer/croeso.html");
    assert_eq!(attr(&en, "html", "lang"), ["en-GB"]);
    assert_eq!(
        all(&en, "p span[lang=cy-GB]"),
        ["Croeso i Eastbrook Hospitals"]
    );
    assert_eq!(
        all(&en, "div[lang=cy-GB]"),
        ["Gwybodaeth Mae’r swydd hon ar gael yn Ffordd y Tŵr."]
    );
    assert_eq!(all(&en, "div[lang=cy-GB] h2"), ["Gwybodaeth"]);
}

#[test]
fn content_is_text_whatever_it_holds() {
    let p = Project::copy();
    let summary = "Nurses & <b>doctors</b> say \"it's *great*\" {{job.title}} <script>alert(1)</script> — Tŵr ŷ";
    let yaml = p.read(PALS);
    let start = yaml.find("\nsummary:").expect("a summary");
    let end = start + 1 + yaml[start + 1..].find("\n").unwrap();
    let mut next = end;
    // The summary may run over several indented lines.
    while yaml[next + 1..].starts_with("  ") {
        next += 1 + yaml[next + 1..].find('\n').unwrap();
    }
    let edited = format!(
        "{}\nsummary: '{}'{}",
        &yaml[..start],
        summary.replace('\'', "''"),
        &yaml[next..]
    );
    p.write(PALS, edited);
    assert_exit(&p.run(&["build", "--format", "html"]), 0);
    let page = page(&p, EAST);
    // As typed, but with typographic punctuation (once: the markup is text).
    let mut printed = summary.to_string();
    careerpress::document::typography::smarten_str(&mut printed, "en-GB");
    assert_eq!(all(&page, "p.lead"), [printed]);
    assert!(all(&page, "script").is_empty());
    assert!(all(&page, "b").is_empty());
}

#[test]
fn a_draft_page_cannot_pass_for_a_published_one() {
    let p = Project::copy();
    p.edit(
        PALS,
        "title: Patient advice and liaison service (PALS) officer",
        "title: TODO job title",
    );
    let o = p.run(&["build", "--format", "html"]);
    assert_exit(&o, 1);
    assert!(
        !p.file(EAST).exists(),
        "a draft is not built without --draft"
    );
    let o = p.run(&["build", "--format", "html", "--draft"]);
    assert_exit(&o, 0);
    assert!(stderr(&o).contains("a draft"), "{}", stderr(&o));
    let page = page(&p, EAST);
    assert_eq!(
        all(&page, "p.draft-notice"),
        ["DRAFT – not for publication"]
    );
    assert!(all(&page, "title")[0].starts_with("DRAFT – not for publication"));
    assert_eq!(
        attr(&page, "meta[name=robots]", "content"),
        ["noindex, nofollow"]
    );
    assert!(all(&page, "footer")[0].contains("DRAFT – not for publication"));
}

#[test]
fn builds_are_byte_identical_and_incremental() {
    let a = Project::copy();
    let b = Project::copy();
    assert_exit(&a.run(&["build", "--format", "html"]), 0);
    assert_exit(&b.run(&["build", "--format", "html"]), 0);
    assert_eq!(a.read(EAST), b.read(EAST));
    assert_eq!(a.read(GLAN), b.read(GLAN));
    let o = a.run(&["build", "--format", "html"]);
    assert!(
        common::stdout(&o).starts_with("Nothing to rebuild: 2 documents up to date"),
        "{}",
        common::stdout(&o)
    );
    let o = a.run(&["build"]);
    assert!(
        common::stdout(&o).contains("(6 PDF, 2 DOCX, 2 TXT)"),
        "{}",
        common::stdout(&o)
    );
}
