//! Bilingual documents for NHS Wales: the Welsh board's documents are in
//! Welsh first, then English, every heading and label in both, the Welsh
//! marked as Welsh and the English as English; English trusts' documents
//! hold no Welsh; a job with no Welsh text is reported, field by field.

mod common;

use common::read::{docx_text, pdf_text, squash};
use common::{assert_exit, stderr, stdout, Project};

const WALES: &str = "output/glan-y-mor/pals-officer";
const ENGLAND: &str = "output/eastbrook-hospitals/pals-officer";

/// Welsh words the documents print: labels from the catalogue, and the
/// job's and board's Welsh text.
const WELSH: [&str; 6] = [
    "Beth fyddwch chi'n ei wneud",
    "Ffeithiau allweddol",
    "£18,200 i £22,000 y flwyddyn",
    "Swyddog y gwasanaeth cyngor a chyswllt cleifion (PALS)",
    "gwrando a chyfathrebu rhagorol",
    "Bwrdd Iechyd Prifysgol Glan-y-Môr",
];

/// Their English counterparts, which follow them.
const ENGLISH: [&str; 6] = [
    "What you'll do",
    "Key facts",
    "£18,200 to £22,000 a year",
    "Patient advice and liaison service (PALS) officer",
    "listening and communication skills",
    "Glan-y-Môr University Health Board",
];

/// `s` as `format` prints it: the printed formats set typographic
/// apostrophes (chi’n, you’ll), plain text keeps them as typed.
fn printed(format: &str, s: &str) -> String {
    if format == "TXT" {
        s.to_string()
    } else {
        s.replace('\'', "’")
    }
}

fn texts(p: &Project, dir: &str) -> Vec<(&'static str, String)> {
    let d = p.file(dir);
    vec![
        (
            "TXT",
            squash(&std::fs::read_to_string(d.join("summary.txt")).unwrap()),
        ),
        (
            "PDF",
            squash(&pdf_text(&std::fs::read(d.join("leaflet.pdf")).unwrap())),
        ),
        (
            "DOCX",
            squash(&docx_text(&std::fs::read(d.join("handout.docx")).unwrap())),
        ),
    ]
}

#[test]
fn the_welsh_boards_documents_are_welsh_first_then_english() {
    let p = Project::copy();
    assert_exit(&p.run(&["build"]), 0);
    for (format, text) in texts(&p, WALES) {
        for (cy, en) in WELSH.iter().zip(ENGLISH) {
            let (cy, en) = (printed(format, cy), printed(format, en));
            let w = text
                .find(&cy)
                .unwrap_or_else(|| panic!("{format}: no {cy:?}:\n{text}"));
            let e = text
                .find(&en)
                .unwrap_or_else(|| panic!("{format}: no {en:?}:\n{text}"));
            assert!(w < e, "{format}: {cy:?} comes after {en:?}");
        }
        // Letters English lacks survive in every format.
        assert!(text.contains("Ffordd y Tŵr"), "{format}: ŵ is lost");
    }
    // Dates have Welsh month names in the Welsh half.
    let docx = &texts(&p, WALES)[2].1;
    assert!(
        docx.contains("Adolygwyd ddiwethaf 21 Tachwedd 2026."),
        "{docx}"
    );
    assert!(docx.contains("Last reviewed 21 November 2026."), "{docx}");
}

#[test]
fn english_trusts_documents_hold_no_welsh() {
    let p = Project::copy();
    assert_exit(&p.run(&["build"]), 0);
    for (format, text) in texts(&p, ENGLAND) {
        for cy in WELSH.iter().chain(&["Tudalen", "Cyflog", "GIG", "Annwyl"]) {
            assert!(
                !text.contains(cy),
                "{format}: Welsh {cy:?} in an English trust's document"
            );
        }
        assert!(
            text.contains(&printed(format, "What you'll do")),
            "{format}"
        );
    }
}

#[test]
fn the_welsh_is_marked_welsh_and_the_english_english() {
    let p = Project::copy();
    assert_exit(&p.run(&["build", "--brand", "glan-y-mor"]), 0);
    // PDF: the document is Welsh; the English sections' structure elements
    // say so.
    let bytes = std::fs::read(p.file(WALES).join("leaflet.pdf")).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"cy-GB");
    let langs: Vec<Vec<u8>> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").is_ok() && d.get(b"P").is_ok())
        .filter_map(|d| d.get(b"Lang").ok()?.as_str().ok().map(<[u8]>::to_vec))
        .collect();
    assert!(
        langs.iter().any(|l| l == b"en-GB"),
        "no English structure element"
    );
    // DOCX: Welsh by default (cy-GB, as Word spells it), the English
    // passages marked English; the footer, table captions and
    // descriptions and the draft words from the Welsh catalogue first.
    let docx = std::fs::read(p.file(WALES).join("handout.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let styles = part("word/styles.xml");
    assert!(styles.contains("<w:lang w:val=\"cy-GB\""), "{styles}");
    let body = part("word/document.xml");
    assert!(body.contains("<w:lang w:val=\"en-GB\"/>"), "no English run");
    assert!(
        body.contains("<w:tblCaption w:val=\"Ffeithiau allweddol"),
        "{body}"
    );
    let footer = part("word/footer1.xml");
    let tudalen = footer.find("Tudalen").expect("no Welsh page label");
    assert!(tudalen < footer.find("Page").expect("no English page label"));
    assert_eq!(footer.matches("NUMPAGES").count(), 2, "{footer}");
    // Web page: Welsh, its English passages marked English, its own words
    // (skip link, contents) Welsh first.
    let page = p.read(&format!("{WALES}/page.html"));
    assert!(page.contains("<html lang=\"cy-GB\">"), "{}", &page[..300]);
    assert!(page.contains("lang=\"en-GB\""), "no English passage marked");
    assert!(page.contains(
        "<span lang=\"cy-GB\">Neidio i’r prif gynnwys</span> / <span lang=\"en-GB\">Skip to main content</span>"
    ));
    let cy = page.find("Beth fyddwch chi").expect("no Welsh section");
    assert!(cy < page.find("What you’ll do").expect("no English section"));
    // Text summary and every message: Welsh, then English.
    let txt = p.read(&format!("{WALES}/summary.txt"));
    assert!(txt.find("Beth fyddwch").unwrap() < txt.find("What you'll do").unwrap());
}

#[test]
fn a_job_without_its_welsh_is_reported_field_by_field() {
    let p = Project::copy();
    // A translation that leaves a skill out and mistranslates a fact.
    let cy = p.read("content/jobs/pals-officer.cy.yaml");
    p.write(
        "content/jobs/pals-officer.cy.yaml",
        cy.replace("  - sgiliau TG a bysellfwrdd da\n", "").replace(
            "title: Swyddog",
            "web_address: https://example.org\ntitle: Swyddog",
        ),
    );
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    let file = p
        .file("content/jobs/pals-officer.cy.yaml")
        .display()
        .to_string();
    let at = p
        .read("content/jobs/pals-officer.cy.yaml")
        .lines()
        .position(|l| l.starts_with("web_address:"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!(
            "{file}:{at}:14: web_address: is the same in every language"
        )),
        "{err}"
    );
    assert!(
        err.contains("skills: the original has 12 items, the translation 11"),
        "{err}"
    );

    // No translation at all: one error, and the Welsh documents are not
    // built (the English trust's are).
    std::fs::remove_file(p.file("content/jobs/pals-officer.cy.yaml")).unwrap();
    let o = p.run(&["build", "--format", "txt"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("no Welsh text yet"), "{}", stderr(&o));
    assert!(!p.file(&format!("{WALES}/summary.txt")).exists());
    assert!(p.file(&format!("{ENGLAND}/summary.txt")).exists());

    // A translation with a field missing: that field, at its English line.
    let kept = cy.replace("related_jobs:\n  - Rheolwr gwasanaeth iechyd\n  - Gweithiwr cynghori\n  - Eiriolwr\n  - Cwnselydd\n", "");
    p.write("content/jobs/pals-officer.cy.yaml", kept);
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let english = p.read("content/jobs/pals-officer.yaml");
    let line = english
        .lines()
        .position(|l| l == "  - Health service manager")
        .unwrap()
        + 1;
    assert!(
        stderr(&o).contains(&format!(
            "{}:{line}:5: related_jobs[0]: no Welsh text for it in",
            p.file("content/jobs/pals-officer.yaml").display()
        )),
        "{}",
        stderr(&o)
    );
    // --draft builds it, the English standing in, marked DRAFT.
    let o = p.run(&["build", "--draft", "--format", "txt"]);
    assert_exit(&o, 0);
    let txt = p.read(&format!("{WALES}/summary.txt"));
    assert!(
        txt.starts_with("*** DRAFFT – nid i'w gyhoeddi · DRAFT – not for publication ***"),
        "{txt}"
    );
}

#[test]
fn a_board_may_ask_for_separate_welsh_and_english_documents() {
    let p = Project::copy();
    let brand = "content/brands/glan-y-mor/brand.yaml";
    p.edit(
        brand,
        "languages: [cy, en-GB]",
        "languages: [cy, en-GB]\nbilingual: separate",
    );
    assert_exit(&p.run(&["build", "--brand", "glan-y-mor"]), 0);
    let cy = p.read(&format!("{WALES}/summary.cy.txt"));
    let en = p.read(&format!("{WALES}/summary.en.txt"));
    assert!(cy.contains("Beth fyddwch chi'n ei wneud") && !cy.contains("What you'll do"));
    assert!(en.contains("What you'll do") && !en.contains("Beth fyddwch"));
    let pdf = pdf_text(&std::fs::read(p.file(&format!("{WALES}/leaflet.cy.pdf"))).unwrap());
    assert!(
        pdf.contains("Tudalen 1 o") && !pdf.contains("Page 1 of"),
        "{pdf}"
    );
    assert!(p.file(&format!("{WALES}/handout.en.docx")).exists());
    assert!(!p.file(&format!("{WALES}/summary.txt")).exists());
}

#[test]
fn side_by_side_columns_where_the_brand_asks() {
    let p = Project::copy();
    p.edit(
        "content/brands/glan-y-mor/brand.yaml",
        "languages: [cy, en-GB]",
        "languages: [cy, en-GB]\nbilingual: columns",
    );
    let o = p.run(&[
        "markup",
        "--job",
        "pals-officer",
        "--brand",
        "glan-y-mor",
        "--template",
        "handout",
    ]);
    assert_exit(&o, 0);
    let m = stdout(&o);
    assert!(
        m.contains("::: columns\n::: column\n## Beth fyddwch"),
        "{m}"
    );
    assert!(m.contains("::: column\n::: lang en-GB\n## What you"), "{m}");
}

#[test]
fn applicants_get_their_language() {
    let p = Project::copy();
    p.write(
        "recipients.csv",
        "name,email,job,brand,language\n\
         Ann,ann@example.org,pals-officer,glan-y-mor,cy\n\
         Bob,bob@example.org,pals-officer,glan-y-mor,en\n\
         Cai,cai@example.org,pals-officer,glan-y-mor,\n\
         Dee,dee@example.org,pals-officer,glan-y-mor,fr\n",
    );
    let o = p.run(&["mail", &p.file("recipients.csv").display().to_string()]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("recipients.csv:5: skipped: 'fr' is not a language"),
        "{}",
        stderr(&o)
    );
    let read = |who: &str| {
        let raw = std::fs::read(p.file(&format!(
            "output/mail/glan-y-mor/pals-officer--{who}@example.org.eml"
        )))
        .unwrap();
        let m = mail_parser::MessageParser::default().parse(&raw).unwrap();
        (
            m.subject().unwrap().to_string(),
            m.body_text(0).unwrap().to_string(),
        )
    };
    let (s, b) = read("ann");
    assert!(
        s.starts_with("Eich cais:") && !s.contains("Your application"),
        "{s}"
    );
    assert!(b.starts_with("Annwyl Ann,") && !b.contains("Dear"), "{b}");
    let (s, b) = read("bob");
    assert!(
        s.starts_with("Your application:") && !s.contains("Eich cais"),
        "{s}"
    );
    assert!(b.starts_with("Dear Bob,") && !b.contains("Annwyl"), "{b}");
    let (s, b) = read("cai");
    assert!(
        s.starts_with("Eich cais:") && s.contains(" / Your application:"),
        "{s}"
    );
    assert!(
        b.find("Annwyl Cai,").unwrap() < b.find("Dear Cai,").unwrap(),
        "{b}"
    );
}

#[test]
fn a_message_missing_in_a_language_names_the_template_key_and_language() {
    let p = Project::copy();
    let cy = p.read("templates/locales/cy/careerpress.ftl");
    p.write(
        "templates/locales/cy/careerpress.ftl",
        cy.replace("key-facts = Ffeithiau allweddol\n", ""),
    );
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("no Welsh message 'key-facts'"), "{err}");
    let partial = p
        .file("templates/partials/key-facts.hbs")
        .display()
        .to_string();
    assert!(
        err.contains(&format!(
            "{partial}:1: {{{{t \"key-facts\"}}}}: the message 'key-facts' is not in the Welsh catalogue"
        )),
        "{err}"
    );
}

#[test]
fn a_translation_no_trust_uses_is_a_warning_naming_what_to_add() {
    let p = Project::copy();
    // The Welsh board made English-only: both Welsh files go unused.
    p.edit(
        "content/brands/glan-y-mor/brand.yaml",
        "languages: [cy, en-GB]",
        "languages: [en-GB]",
    );
    let o = p.run(&["check"]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    let job = p.file("content/jobs/pals-officer.cy.yaml");
    let wales = p.file("content/brands/glan-y-mor/brand.yaml");
    assert!(
        err.contains(&format!(
            "warning: {}: this Welsh translation is never used: no trust makes documents in Welsh; to use it, add `cy` to `languages:` in the brand.yaml of each trust that should print it: ",
            job.display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{} (languages: [cy, en-GB])", wales.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "warning: {}: this Welsh translation is never used: the trust's documents are not in Welsh; to use it, add `cy` to `languages:` in {} (languages: [cy, en-GB])",
            p.file("content/brands/glan-y-mor/brand.cy.yaml").display(),
            wales.display()
        )),
        "{err}"
    );
    assert!(stdout(&o).starts_with("All good"), "{}", stdout(&o));

    // With the Welsh board back, nothing is unused.
    let o = Project::copy().run(&["check"]);
    assert!(!stderr(&o).contains("never used"), "{}", stderr(&o));
}

#[test]
fn a_partial_translation_gets_one_headline_with_its_count_then_its_fields() {
    let p = Project::copy();
    let cy = p.read("content/jobs/pals-officer.cy.yaml");
    p.write(
        "content/jobs/pals-officer.cy.yaml",
        cy.replace("related_jobs:\n  - Rheolwr gwasanaeth iechyd\n  - Gweithiwr cynghori\n  - Eiriolwr\n  - Cwnselydd\n", ""),
    );
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    let headline = format!(
        "error: {}: 4 fields have no Welsh text yet: related_jobs[0], related_jobs[1], related_jobs[2], related_jobs[3]\n",
        p.file("content/jobs/pals-officer.cy.yaml").display()
    );
    assert_eq!(err.matches(&headline).count(), 1, "{err}");
    // The per-field lines follow it, each at its English line.
    let at = err.find(&headline).unwrap() + headline.len();
    let fields: Vec<&str> = err[at..].lines().take(4).collect();
    for (i, l) in fields.iter().enumerate() {
        assert!(
            l.starts_with(&format!(
                "error: {}:",
                p.file("content/jobs/pals-officer.yaml").display()
            )) && l.contains(&format!("related_jobs[{i}]: no Welsh text for it in")),
            "{err}"
        );
    }
    // Only the fields count.
    assert!(stdout(&o).starts_with("4 errors found"), "{}", stdout(&o));
}
