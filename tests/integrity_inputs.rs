//! A document's input digest covers every file that can change it: edit
//! each kind of input, rebuild, and exactly the documents it reaches are
//! made again (a rebuilt file is renamed into place, so it has a new
//! inode), their words changed; the others are left as they were.

mod common;

use common::{assert_exit, stdout, Project};
use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;

/// Every document's inode and bytes.
fn snapshot(p: &Project) -> BTreeMap<String, (u64, Vec<u8>)> {
    p.outputs()
        .into_iter()
        .map(|(f, bytes)| {
            let ino = std::fs::metadata(p.file("output").join(&f)).unwrap().ino();
            (f, (ino, bytes))
        })
        .collect()
}

fn build(p: &Project) -> String {
    let o = p.run(&["build"]);
    assert_exit(&o, 0);
    stdout(&o)
}

/// Rebuilds after an edit; returns the documents written again.
fn rewritten(p: &Project, before: &BTreeMap<String, (u64, Vec<u8>)>) -> Vec<String> {
    build(p);
    let after = snapshot(p);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
    after
        .iter()
        .filter(|(f, (ino, _))| before[*f].0 != *ino)
        .map(|(f, _)| f.clone())
        .collect()
}

const WELSH: &[&str] = &[
    "glan-y-mor/pals-officer/handout.docx",
    "glan-y-mor/pals-officer/leaflet-large-print.pdf",
    "glan-y-mor/pals-officer/leaflet-print.pdf",
    "glan-y-mor/pals-officer/leaflet.pdf",
    "glan-y-mor/pals-officer/page.html",
    "glan-y-mor/pals-officer/summary.txt",
];

fn all(p: &Project) -> Vec<String> {
    snapshot(p).into_keys().collect()
}

#[test]
fn each_kind_of_input_rebuilds_exactly_the_documents_it_reaches() {
    let p = Project::copy();
    build(&p);
    assert!(build(&p).contains("Nothing to rebuild"));
    let summary = "output/glan-y-mor/pals-officer/summary.txt";
    let english = "output/eastbrook-hospitals/pals-officer/summary.txt";

    // A job's Welsh translation: the Welsh (bilingual) documents only.
    let before = snapshot(&p);
    p.edit(
        "content/jobs/pals-officer.cy.yaml",
        "title: Swyddog y gwasanaeth",
        "title: Uwch swyddog y gwasanaeth",
    );
    assert_eq!(rewritten(&p, &before), WELSH);
    assert!(p.read(summary).contains("Uwch swyddog y gwasanaeth"));

    // A brand's Welsh text: that brand's documents only.
    let before = snapshot(&p);
    p.edit(
        "content/brands/glan-y-mor/brand.cy.yaml",
        "name: Bwrdd Iechyd Prifysgol",
        "name: Bwrdd Iechyd Athrofaol",
    );
    assert_eq!(rewritten(&p, &before), WELSH);
    assert!(p.read(summary).contains("Bwrdd Iechyd Athrofaol"));

    // The Welsh message catalogue: documents written in Welsh only.
    let before = snapshot(&p);
    p.edit(
        "templates/locales/cy/careerpress.ftl",
        "hours = Oriau\n",
        "hours = Oriau gwaith\n",
    );
    assert_eq!(rewritten(&p, &before), WELSH);
    assert!(p.read(summary).contains("Oriau gwaith"));

    // The English catalogue: every document with English in it (all of
    // them here: the Welsh board's are bilingual).
    let before = snapshot(&p);
    p.edit(
        "templates/locales/en-GB/careerpress.ftl",
        "hours = Hours\n",
        "hours = Working hours\n",
    );
    assert_eq!(rewritten(&p, &before), all(&p));
    assert!(p.read(english).contains("Working hours"));

    // A partial: the documents of the templates that include it.
    let users: Vec<String> = ["handout.docx.hbs", "page.html.hbs"]
        .iter()
        .filter(|t| p.read(&format!("templates/{t}")).contains("salary-notes"))
        .map(|t| t.to_string())
        .collect();
    assert!(!users.is_empty());
    let before = snapshot(&p);
    let partial = p.read("templates/partials/salary-notes.hbs");
    p.write(
        "templates/partials/salary-notes.hbs",
        format!("{partial}\n"),
    );
    let expected: Vec<String> = all(&p)
        .into_iter()
        .filter(|f| {
            users
                .iter()
                .any(|t| f.ends_with(t.trim_end_matches(".hbs")))
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(rewritten(&p, &before), expected);

    // A template's settings: that template's documents only.
    let before = snapshot(&p);
    p.edit("templates/leaflet.pdf.hbs", "body_pt: 11", "body_pt: 10.5");
    let leaflets: Vec<String> = all(&p)
        .into_iter()
        .filter(|f| f.ends_with("/leaflet.pdf") || f.ends_with("/leaflet-print.pdf"))
        .collect();
    // Both trusts' screen and print files; the large-print leaflet has a
    // template of its own.
    assert_eq!(leaflets.len(), 4);
    assert_eq!(rewritten(&p, &before), leaflets);

    // The fonts: every document (the writers all draw with them).
    let before = snapshot(&p);
    let fonts = p.file("templates/fonts");
    std::fs::copy(
        fonts.join("LiberationSans-Bold.ttf"),
        fonts.join("LiberationSans-BoldItalic.ttf"),
    )
    .unwrap();
    assert_eq!(rewritten(&p, &before), all(&p));

    // And nothing else moved.
    assert!(build(&p).contains("Nothing to rebuild"));
}

#[test]
fn a_manifest_an_older_careerpress_wrote_rebuilds_everything_but_keeps_what_it_owns() {
    let p = Project::copy();
    build(&p);
    // An older careerpress: another version, other input digests.
    let path = p.file(".careerpress/manifest.json");
    let path = if path.exists() {
        path
    } else {
        p.file("output/.careerpress-manifest.json")
    };
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    m["version"] = "0.0.1".into();
    for e in m["documents"].as_object_mut().unwrap().values_mut() {
        e["inputs"] = "00000000000000000000000000000000".into();
    }
    std::fs::write(&path, serde_json::to_vec(&m).unwrap()).unwrap();
    let before = snapshot(&p);
    assert_eq!(rewritten(&p, &before), all(&p));
    // The files are still careerpress's: a job removed is cleaned away.
    std::fs::remove_file(p.file("content/jobs/pals-officer.cy.yaml")).unwrap();
    std::fs::remove_file(p.file("content/jobs/pals-officer.yaml")).unwrap();
    let o = p.run(&["build", "--clean"]);
    assert!(p.outputs().is_empty(), "{}", stdout(&o));
}
