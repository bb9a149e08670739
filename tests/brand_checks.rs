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
    // The bundled brands pass: nothing to say about them.
    let q = Project::copy();
    assert!(!stderr(&q.run(&["check"])).contains("contrast"));
}

#[test]
fn a_brands_paper_size_is_the_paper_of_its_documents() {
    let p = Project::copy();
    p.edit(BRAND, "  paper: A4", "  paper: A5");
    let o = p.run(&["build", "--format", "pdf", "--brand", "eastbrook-hospitals"]);
    assert_exit(&o, 0);
    let pdf = lopdf::Document::load(p.file("output/eastbrook-hospitals/pals-officer/leaflet.pdf"))
        .unwrap();
    let page = pdf.get_pages().into_values().next().unwrap();
    let trim = pdf
        .get_object(page)
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"TrimBox")
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
    let (w, h) = (n(&trim[2]) - n(&trim[0]), n(&trim[3]) - n(&trim[1]));
    // A5: 148 × 210 mm.
    assert!(
        (w - 148.0 / 25.4 * 72.0).abs() < 1.0 && (h - 210.0 / 25.4 * 72.0).abs() < 1.0,
        "{w} × {h}"
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
    let pdf = lopdf::Document::load(p.file("output/eastbrook-hospitals/pals-officer/leaflet.pdf"))
        .unwrap();
    let page = pdf.get_pages().into_values().next().unwrap();
    let trim = pdf
        .get_object(page)
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"TrimBox")
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    assert!((n(&trim[2]) - n(&trim[0]) - 595.3).abs() < 1.0);
}
