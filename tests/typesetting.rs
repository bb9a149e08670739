//! Typesetting of the leaflet, read back from the PDFs made from the tests'
//! own content (both trusts, English and Welsh, long addresses): address
//! line breaks, typographic punctuation, hyphenation, the closing box kept
//! whole at the foot of the last page, and `sides` overruns reported.
//! Positions come from `pdftotext -bbox`, as a print shop would measure.

mod common;

use common::read::pdf_text;
use common::{assert_exit, stderr, stdout, Project};
use std::process::Command;

const EAST: &str = "output/eastbrook-hospitals/pals-officer";
const WALES: &str = "output/glan-y-mor/pals-officer";
const LEAFLET: &str = "templates/leaflet.pdf.hbs";

/// A word as `pdftotext -bbox` places it.
#[derive(Debug, Clone)]
struct Word {
    page: usize,
    x0: f32,
    y0: f32,
    y1: f32,
    text: String,
}

fn words(p: &Project, rel: &str) -> Vec<Word> {
    let out = Command::new("pdftotext")
        .args(["-bbox"])
        .arg(p.file(rel))
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let html = String::from_utf8_lossy(&out.stdout).to_string();
    let attr = |s: &str, name: &str| -> f32 {
        let at = s.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        s[at..at + s[at..].find('"').unwrap()].parse().unwrap()
    };
    let mut page = 0;
    let mut out = Vec::new();
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page") {
            page += 1;
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let text = rest[rest.find('>').unwrap() + 1..rest.rfind("</word>").unwrap()]
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'");
            out.push(Word {
                page,
                x0: attr(rest, "xMin"),
                y0: attr(rest, "yMin"),
                y1: attr(rest, "yMax"),
                text,
            });
        }
    }
    out
}

/// Lines of text as `pdftotext -layout` would not join them: per page and
/// column, the words sharing a baseline, in order.
fn lines(ws: &[Word]) -> Vec<String> {
    let mut keyed: Vec<(usize, bool, i32, f32, &str)> = ws
        .iter()
        .map(|w| {
            (
                w.page,
                w.x0 > 297.0,
                (w.y1 * 2.0) as i32,
                w.x0,
                w.text.as_str(),
            )
        })
        .collect();
    keyed.sort_by(|a, b| {
        (a.0, a.1, a.2)
            .cmp(&(b.0, b.1, b.2))
            .then(a.3.total_cmp(&b.3))
    });
    let mut out: Vec<String> = Vec::new();
    let mut last = None;
    for (page, right, y, _, t) in keyed {
        if last == Some((page, right, y)) {
            let l = out.last_mut().unwrap();
            l.push(' ');
            l.push_str(t);
        } else {
            out.push(t.to_string());
            last = Some((page, right, y));
        }
    }
    out
}

/// Both trusts' leaflets on `paper`.
fn set_paper(p: &Project, paper: &str) {
    for brand in ["eastbrook-hospitals", "glan-y-mor"] {
        let f = format!("content/brands/{brand}/brand.yaml");
        let text = p.read(&f);
        let text = if text.contains("  paper: ") {
            text.replace("  paper: A4", &format!("  paper: {paper}"))
                .replace("  paper: A5", &format!("  paper: {paper}"))
        } else {
            format!("{}\nprint:\n  paper: {paper}\n", text.trim_end())
        };
        p.write(&f, text);
    }
}

#[test]
fn web_and_email_addresses_break_only_where_people_read_them_and_the_scheme_is_not_printed() {
    let p = Project::copy();
    // A long address without a scheme, in running text.
    p.edit(
        "content/brands/glan-y-mor/brand.yaml",
        "web_address: https://glanymor.example.nhs.wales/pals",
        "web_address: https://glanymor.example.nhs.wales/pals/cysylltu-a-ni/gwasanaeth",
    );
    // A path segment with no break in it, wider than any column.
    p.edit(
        "content/jobs/pals-officer.yaml",
        "patient-advice-and-liaison-service-pals-officer",
        "patientadviceandliaisonservicepalsofficerprofile",
    );
    let o = p.run(&["build", "--format", "pdf"]);
    assert_exit(&o, 0);
    for dir in [EAST, WALES] {
        let rel = format!("{dir}/leaflet.pdf");
        let ls = lines(&words(&p, &rel));
        for l in &ls {
            let last = l.split_whitespace().last().unwrap_or("");
            assert!(
                !last.ends_with("://") && !last.ends_with("www.") && !last.ends_with("www"),
                "{rel}: a line ends inside an address: {l:?}"
            );
            // No hyphen is added inside an address.
            assert!(
                !(last.ends_with('-') && (last.contains('.') || last.contains('/'))),
                "{rel}: {l:?}"
            );
        }
        let text = pdf_text(&std::fs::read(p.file(&rel)).unwrap());
        // The printed address has no scheme; the link keeps it.
        assert!(!text.contains("https://"), "{rel}: a scheme is printed");
        let raw = std::fs::read(p.file(&rel)).unwrap();
        assert!(
            raw.windows(8).any(|w| w == b"https://"),
            "{rel}: the links lost their scheme"
        );
    }
    // An address wider than its column is broken at the edge and reported
    // at the field it came from.
    let err = stderr(&o);
    assert!(
        err.contains("content/jobs/pals-officer.yaml:15:1: web_address: “patientadviceandliaisonservicepalsofficerprofile” is wider than its column"),
        "{err}"
    );
    // A path's own hyphens are break points: the fixture's slugs
    // ("roles-wider-healthcare-team") fit once broken there.
    assert!(!err.contains("roles-wider-healthcare-team"), "{err}");
    let unedited = Project::copy();
    let o = unedited.run(&["build", "--format", "pdf"]);
    assert_exit(&o, 0);
    assert!(
        !stderr(&o).contains("wider than its column"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn printed_formats_set_typographic_punctuation_in_both_languages_and_text_keeps_it_as_typed() {
    let p = Project::copy();
    let before = p.read("content/jobs/pals-officer.cy.yaml");
    assert_exit(&p.run(&["build"]), 0);
    let east = pdf_text(&std::fs::read(p.file(&format!("{EAST}/leaflet.pdf"))).unwrap());
    let wales = pdf_text(&std::fs::read(p.file(&format!("{WALES}/leaflet.pdf"))).unwrap());
    assert!(
        east.contains("you’ll") && !east.contains("you'll"),
        "{east}"
    );
    assert!(
        wales.contains("chi’n") && !wales.contains("chi'n"),
        "{wales}"
    );
    let txt = p.read(&format!("{EAST}/summary.txt"));
    assert!(txt.contains("you'll") && !txt.contains('’'), "{txt}");
    // The content files stay as the editor typed them.
    assert_eq!(p.read("content/jobs/pals-officer.cy.yaml"), before);
    // A brand may ask for typographic plain text.
    p.edit(
        "content/brands/eastbrook-hospitals/brand.yaml",
        "footer:",
        "plain_text_punctuation: typographic\nfooter:",
    );
    assert_exit(&p.run(&["build", "--format", "txt"]), 0);
    let txt = p.read(&format!("{EAST}/summary.txt"));
    assert!(txt.contains("you’ll"), "{txt}");
}

#[test]
fn narrow_columns_hyphenate_running_text_never_headings_and_a_template_can_turn_it_off() {
    let p = Project::copy();
    set_paper(&p, "A5");
    assert_exit(&p.run(&["build", "--format", "pdf"]), 0);
    let mut hyphenated = 0;
    for dir in [EAST, WALES] {
        let ls = lines(&words(&p, &format!("{dir}/leaflet.pdf")));
        let mut run = 0;
        for l in &ls {
            let last = l.split_whitespace().last().unwrap_or("");
            let broken = last.len() > 3
                && last.ends_with('-')
                && last[..last.len() - 1].chars().all(char::is_alphabetic);
            if broken {
                hyphenated += 1;
                run += 1;
                assert!(run <= 2, "{dir}: three hyphenated lines in a row at {l:?}");
                // Never a name (a capitalised word).
                assert!(!last.starts_with(char::is_uppercase), "{dir}: {l:?}");
            } else {
                run = 0;
            }
        }
    }
    assert!(hyphenated > 0, "A5 columns hyphenate nothing");
    // Off: no word is broken with a hyphen.
    p.edit(LEAFLET, "body_pt: 11\n", "body_pt: 11\nhyphenate: false\n");
    assert_exit(&p.run(&["build", "--format", "pdf"]), 0);
    let ls = lines(&words(&p, &format!("{EAST}/leaflet.pdf")));
    assert!(
        !ls.iter()
            .any(|l| l.split_whitespace().last().is_some_and(|w| w.len() > 3
                && w.ends_with('-')
                && w[..w.len() - 1].chars().all(char::is_alphabetic))),
        "{ls:#?}"
    );
}

#[test]
fn the_find_out_more_box_stays_whole_at_the_foot_of_the_last_page() {
    let p = Project::copy();
    for paper in ["A4", "A5"] {
        set_paper(&p, paper);
        assert_exit(&p.run(&["build", "--format", "pdf"]), 0);
        for dir in [EAST, WALES] {
            let ws = words(&p, &format!("{dir}/leaflet.pdf"));
            let last = ws.iter().map(|w| w.page).max().unwrap();
            let title = (0..ws.len().saturating_sub(2))
                .rev()
                .find(|&i| {
                    ws[i].text == "Find" && ws[i + 1].text == "out" && ws[i + 2].text == "more"
                })
                .map(|i| ws[i].clone())
                .expect("a Find out more box");
            let scan = ws
                .iter()
                .rev()
                .find(|w| w.text == "Scan")
                .expect("a QR caption");
            // One page, one column: the box moved as a unit.
            assert_eq!((title.page, scan.page), (last, last), "{dir} {paper}");
            if paper == "A4" {
                // Two page columns: the box's title and its QR caption in one.
                assert_eq!(title.x0 > 297.6, scan.x0 > 297.6, "{dir} {paper}");
            }
            // At the foot: nothing of the body below it but the footer.
            let below: Vec<&Word> = ws
                .iter()
                .filter(|w| w.page == last && w.y0 > scan.y1 + 60.0)
                .collect();
            let footer_top = below.iter().map(|w| w.y0).fold(f32::MAX, f32::min);
            assert!(
                below.iter().all(|w| w.y0 >= footer_top - 1.0),
                "{dir} {paper}: {below:?}"
            );
        }
    }
}

#[test]
fn a_leaflet_over_its_sides_is_reported_by_job_trust_and_how_far() {
    let p = Project::copy();
    p.edit(LEAFLET, "body_pt: 11\n", "body_pt: 11\nsides: 1\n");
    let o = p.run(&["build", "--format", "pdf"]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    assert!(
        out.contains("over its sides: pals-officer for eastbrook-hospitals, eastbrook-hospitals/pals-officer/leaflet.pdf (needs 2 pages for the 1 side it is designed for"),
        "{out}"
    );
    // `fit` tightens the spacing, never the type: fewer pages or the same.
    p.edit(LEAFLET, "sides: 1\n", "sides: 2\nfit: true\n");
    let o = p.run(&["build", "--format", "pdf"]);
    assert_exit(&o, 0);
    assert!(
        !stdout(&o).contains("for eastbrook-hospitals"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn list_items_stand_the_same_distance_apart_in_every_list_and_under_every_heading() {
    let p = Project::copy();
    assert_exit(&p.run(&["build", "--format", "pdf"]), 0);
    for dir in [EAST, WALES] {
        let ws = words(&p, &format!("{dir}/leaflet.pdf"));
        // Per page and column, the baselines in order, and which are bullets.
        let mut rows: Vec<(usize, bool, f32, bool)> = Vec::new();
        for w in &ws {
            let key = (w.page, w.x0 > 297.6);
            match rows
                .iter_mut()
                .find(|r| (r.0, r.1) == key && (r.2 - w.y1).abs() < 1.0)
            {
                Some(r) => r.3 |= w.text == "•",
                None => rows.push((key.0, key.1, w.y1, w.text == "•")),
            }
        }
        rows.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(a.2.total_cmp(&b.2)));
        // The leading of running text: the most common step between lines.
        let steps: Vec<f32> = rows
            .windows(2)
            .filter(|w| (w[0].0, w[0].1) == (w[1].0, w[1].1))
            .map(|w| w[1].2 - w[0].2)
            .collect();
        let leading = steps
            .iter()
            .copied()
            .filter(|s| *s > 10.0 && *s < 20.0)
            .fold(f32::MAX, f32::min);
        // Between one bullet's last line and the next bullet: the same extra
        // space (the theme's list_item) in every list.
        let mut extras = Vec::new();
        for w in rows.windows(2) {
            if (w[0].0, w[0].1) == (w[1].0, w[1].1) && w[1].3 {
                let gap = w[1].2 - w[0].2 - leading;
                if gap < leading {
                    extras.push(gap);
                }
            }
        }
        assert!(extras.len() > 10, "{dir}: {extras:?}");
        let (lo, hi) = extras
            .iter()
            .fold((f32::MAX, f32::MIN), |(a, b), x| (a.min(*x), b.max(*x)));
        // Items after an item (list_item) and a list's first item after its
        // lead-in paragraph (paragraph) are the two gaps there may be.
        let distinct: Vec<f32> = extras.iter().fold(Vec::new(), |mut v, x| {
            if !v.iter().any(|y: &f32| (y - x).abs() < 0.6) {
                v.push(*x);
            }
            v
        });
        assert!(
            distinct.len() <= 3,
            "{dir}: list gaps {lo:.1} to {hi:.1} pt: {distinct:?}"
        );
    }
}
