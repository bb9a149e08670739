//! Checks a brand designer would make: every text/background pair the
//! documents draw in a brand's colours has the contrast WCAG 2.2 asks for
//! (named with both colours and the ratio, at the colour's line), and a
//! brand's paper size is the paper its documents are printed on.

mod common;

use common::{assert_exit, stderr, Project};

const BRAND: &str = "content/brands/eastbrook-hospitals/brand.yaml";

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn white_text_on_a_light_primary_colour_is_refused_with_the_ratio() {
    let p = Project::copy();
    p.edit(BRAND, "  primary: \"#005293\"", "  primary: \"#FFE066\"");
    let text = p.read(BRAND);
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    let at = format!(
        "{}:{}:3: colours.primary: ",
        p.file(BRAND).display(),
        line_of(&text, "primary: \"#FFE066\"")
    );
    assert!(
        err.contains(&format!("{at}white #FFFFFF on the primary colour #FFE066 has a contrast ratio of 1.3:1, below the 4.5:1 WCAG 2.2 asks for the banner's trust name and subtitle (3:1 for its large title): choose a darker primary colour")),
        "{err}"
    );
    // The brand's documents are not made; the other brand's are.
    let o = p.run(&["build", "--format", "txt"]);
    assert_exit(&o, 1);
    assert!(!p.file("output/eastbrook-hospitals").exists());
    assert!(p
        .file("output/glan-y-mor/pals-officer/summary.txt")
        .exists());
}

#[test]
fn pale_text_and_a_dark_shade_are_named_too() {
    let p = Project::copy();
    p.edit(BRAND, "  shade: \"#E8F1F8\"", "  shade: \"#6D8FAF\"");
    p.edit(BRAND, "  text: \"#231F20\"", "  text: \"#8A8A8A\"");
    let err = stderr(&p.run(&["check"]));
    for want in [
        "colours.text: the text colour #8A8A8A on white #FFFFFF has a contrast ratio of 3.4:1, below the 4.5:1 WCAG 2.2 asks for body text on the page",
        "colours.shade: the text colour #8A8A8A on the shade #6D8FAF has a contrast ratio of 1:1",
        "colours.shade: the primary colour #005293 on the shade #6D8FAF has a contrast ratio of 2.3:1",
        "colours.text: the footer text (the text colour lightened) #A1A1A1 on white #FFFFFF",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    // The tests' brands (copies of the bundled ones) pass: nothing to say
    // about them.
    let q = Project::copy();
    assert!(!stderr(&q.run(&["check"])).contains("contrast"));
}

/// The width and height in points of a PDF page box (`TrimBox`,
/// `MediaBox`) on the first page.
fn page_box(file: &std::path::Path, key: &[u8]) -> (f64, f64) {
    let pdf = lopdf::Document::load(file).unwrap();
    let page = pdf.get_pages().into_values().next().unwrap();
    let b = pdf
        .get_object(page)
        .unwrap()
        .as_dict()
        .unwrap()
        .get(key)
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    let n = |o: &lopdf::Object| {
        o.as_float()
            .map(f64::from)
            .or_else(|_| o.as_i64().map(|i| i as f64))
            .unwrap()
    };
    (n(&b[2]) - n(&b[0]), n(&b[3]) - n(&b[1]))
}

fn mm(points: f64) -> f64 {
    (points / 72.0 * 25.4 * 10.0).round() / 10.0
}

#[test]
fn a_brands_paper_size_is_the_paper_of_its_documents() {
    let p = Project::copy();
    p.edit(BRAND, "  paper: A4", "  paper: A5");
    let o = p.run(&["build", "--brand", "eastbrook-hospitals"]);
    assert_exit(&o, 0);
    let out = p.file("output/eastbrook-hospitals/pals-officer");
    // A5 is 148 × 210 mm: the screen file, and the print file's trim (its
    // bleed larger by the brand's 3 mm each side).
    let (w, h) = page_box(&out.join("leaflet.pdf"), b"TrimBox");
    assert_eq!((mm(w), mm(h)), (148.0, 210.0));
    let (w, h) = page_box(&out.join("leaflet-print.pdf"), b"TrimBox");
    assert_eq!((mm(w), mm(h)), (148.0, 210.0));
    let (w, h) = page_box(&out.join("leaflet-print.pdf"), b"BleedBox");
    assert_eq!((mm(w), mm(h)), (154.0, 216.0));
    // The Word handout too: A5 in twentieths of a point.
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(out.join("handout.docx")).unwrap()).unwrap();
    let mut docx = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut docx)
        .unwrap();
    let size = docx
        .split("<w:pgSz ")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .unwrap_or_else(|| panic!("no page size: {docx}"));
    assert!(
        size.contains("w:w=\"8391\"") && size.contains("w:h=\"11906\""),
        "{size}"
    );

    // A template that names its paper keeps it.
    let leaflet = p.read("templates/leaflet.pdf.hbs");
    p.write(
        "templates/leaflet.pdf.hbs",
        leaflet.replacen("{{!-- careerpress\n", "{{!-- careerpress\npaper: A4\n", 1),
    );
    assert_exit(
        &p.run(&["build", "--format", "pdf", "--brand", "eastbrook-hospitals"]),
        0,
    );
    let (w, h) = page_box(&out.join("leaflet.pdf"), b"TrimBox");
    assert_eq!((mm(w), mm(h)), (210.0, 297.0));
}

#[test]
fn the_welsh_boards_colours_are_checked_for_all_its_documents() {
    let p = Project::copy();
    let board = "content/brands/glan-y-mor/brand.yaml";
    // Its light green accent as the banner's colour, under white text.
    p.edit(board, "  primary: \"#00664A\"", "  primary: \"#7AB800\"");
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    let at = format!(
        "{}:{}:3: colours.primary: white #FFFFFF on the primary colour #7AB800 has a contrast ratio of 2.4:1, below the 4.5:1",
        p.file(board).display(),
        line_of(&p.read(board), "primary: \"#7AB800\"")
    );
    assert!(err.contains(&at), "{at}\n{err}");
    // Neither its Welsh nor its English documents are made; Eastbrook's are.
    let o = p.run(&["build", "--format", "txt"]);
    assert_exit(&o, 1);
    assert!(!p.file("output/glan-y-mor").exists());
    assert!(p
        .file("output/eastbrook-hospitals/pals-officer/summary.txt")
        .exists());
}
