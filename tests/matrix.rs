//! `careerpress build` over the whole matrix: incremental, sharded,
//! cleaned, narrowed and reported.

mod common;

use common::{assert_exit, stderr, stdout, Project};

const PALS: &str = "content/jobs/pals-officer.yaml";

fn statuses(o: &std::process::Output) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("--json prints JSON");
    let mut s: Vec<(String, String)> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    s.sort();
    s
}

/// A second job, so the matrix has more than one of each.
fn with_second_job(p: &Project) {
    let nurse = p.read(PALS).replace(
        "title: Patient advice and liaison service (PALS) officer",
        "title: Complaints officer",
    );
    p.add_job("complaints-officer", &nurse);
}

#[test]
fn unchanged_documents_are_not_rebuilt() {
    let p = Project::copy();
    with_second_job(&p);
    let first = p.run(&["build", "--json"]);
    assert_exit(&first, 0);
    assert!(statuses(&first).iter().all(|(_, s)| s == "built"));
    // 2 jobs × (4 formats + the print PDF) × 2 trusts
    assert_eq!(statuses(&first).len(), 20);

    let again = p.run(&["build", "--json"]);
    assert_exit(&again, 0);
    assert!(
        statuses(&again).iter().all(|(_, s)| s == "up_to_date"),
        "{:?}",
        statuses(&again)
    );
    let o = p.run(&["build"]);
    assert!(
        stdout(&o).starts_with("Nothing to rebuild: 20 documents up to date"),
        "{}",
        stdout(&o)
    );

    // A change to one job rebuilds that job's documents only.
    p.edit(
        "content/jobs/complaints-officer.yaml",
        "  starter: 18200",
        "  starter: 19000",
    );
    let changed = p.run(&["build", "--json"]);
    for (path, status) in statuses(&changed) {
        let expect = if path.contains("/complaints-officer/") {
            "built"
        } else {
            "up_to_date"
        };
        assert_eq!(status, expect, "{path}");
    }
    // A template change rebuilds that template's documents; --force rebuilds all.
    p.edit(
        "templates/summary.txt.hbs",
        "## {{t \"career-path\"}}",
        "## {{t \"career-progression\"}}",
    );
    let t = statuses(&p.run(&["build", "--json"]));
    assert!(
        t.iter()
            .all(|(path, s)| (s == "built") == path.ends_with("summary.txt")),
        "{t:?}"
    );
    let forced = statuses(&p.run(&["build", "--json", "--force"]));
    assert!(forced.iter().all(|(_, s)| s == "built"));
    // A document deleted by hand is made again.
    std::fs::remove_file(p.file("output/glan-y-mor/pals-officer/leaflet.pdf")).unwrap();
    let d = statuses(&p.run(&["build", "--json"]));
    assert!(
        d.iter().all(
            |(path, s)| (s == "built") == path.ends_with("glan-y-mor/pals-officer/leaflet.pdf")
        ),
        "{d:?}"
    );
}

#[test]
fn stale_documents_are_reported_and_cleaned_only_from_the_manifest() {
    let p = Project::copy();
    with_second_job(&p);
    assert_exit(&p.run(&["build", "--format", "txt"]), 0);
    p.write("output/eastbrook-hospitals/notes-by-hand.txt", "mine");
    std::fs::remove_file(p.file("content/jobs/complaints-officer.yaml")).unwrap();
    std::fs::remove_file(p.file("content/jobs/complaints-officer.cy.yaml")).unwrap();
    let o = p.run(&["build", "--format", "txt"]);
    assert_exit(&o, 0);
    assert!(
        stderr(&o).contains("no longer made: eastbrook-hospitals/complaints-officer/summary.txt"),
        "{}",
        stderr(&o)
    );
    assert!(
        p.file("output/eastbrook-hospitals/complaints-officer/summary.txt")
            .exists(),
        "reported, not removed"
    );
    let o = p.run(&["build", "--format", "txt", "--clean"]);
    assert_exit(&o, 0);
    assert!(
        stdout(&o).contains("2 stale files removed"),
        "{}",
        stdout(&o)
    );
    assert!(!p
        .file("output/eastbrook-hospitals/complaints-officer")
        .exists());
    assert_eq!(
        p.read("output/eastbrook-hospitals/notes-by-hand.txt"),
        "mine",
        "never touches files it did not write"
    );
    assert!(p
        .file("output/eastbrook-hospitals/pals-officer/summary.txt")
        .exists());
}

#[test]
fn narrowing_flags_do_not_make_other_documents_stale() {
    let p = Project::copy();
    assert_exit(&p.run(&["build", "--format", "txt"]), 0);
    let o = p.run(&[
        "build",
        "--format",
        "txt",
        "--brand",
        "glan-y-mor",
        "--clean",
    ]);
    assert_exit(&o, 0);
    assert!(p
        .file("output/eastbrook-hospitals/pals-officer/summary.txt")
        .exists());
    assert!(!stdout(&o).contains("removed"));
}

#[test]
fn shards_together_are_a_full_build() {
    let p = Project::copy();
    with_second_job(&p);
    let full = p.path().join("full");
    assert_exit(&p.run(&["build", "--out", full.to_str().unwrap()]), 0);
    let shards = p.path().join("shards");
    let mut counts = Vec::new();
    for k in 1..=3 {
        let o = p.run(&[
            "build",
            "--shard",
            &format!("{k}/3"),
            "--out",
            shards.to_str().unwrap(),
            "--json",
        ]);
        assert_exit(&o, 0);
        counts.push(statuses(&o).len());
    }
    assert_eq!(counts, [7, 7, 6], "an even split of 20 documents");
    assert_eq!(
        p.outputs_in(&shards),
        p.outputs_in(&full),
        "the union of the shards is byte-identical to a full build"
    );
    let bad = p.run(&["build", "--shard", "4/3"]);
    assert_exit(&bad, 2);
}

/// How a batch engine spreads a matrix over machines (a Kubernetes Indexed
/// Job, a CI matrix): every shard a process of its own, all at once, each
/// into a folder of its own; merged afterwards, the folders are exactly a
/// full build.
#[test]
fn shards_in_parallel_into_their_own_folders_merge_into_a_full_build() {
    let p = Project::copy();
    with_second_job(&p);
    let full = p.path().join("full");
    assert_exit(&p.run(&["build", "--out", full.to_str().unwrap()]), 0);
    let n = 4;
    let bin = assert_cmd::cargo::cargo_bin("careerpress");
    let children: Vec<_> = (1..=n)
        .map(|k| {
            std::process::Command::new(&bin)
                .arg("--project")
                .arg(p.path())
                .args(["build", "--quiet", "--shard", &format!("{k}/{n}"), "--out"])
                .arg(p.path().join(format!("shard-{k}")))
                .env_remove("SOURCE_DATE_EPOCH")
                .spawn()
                .expect("starts")
        })
        .collect();
    for mut c in children {
        assert!(c.wait().expect("runs").success());
    }
    let mut merged = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for k in 1..=n {
        let part = p.outputs_in(&p.path().join(format!("shard-{k}")));
        assert!(!part.is_empty(), "shard {k} of {n} made documents");
        for (name, bytes) in part {
            assert!(seen.insert(name.clone()), "{name} made by two shards");
            merged.push((name, bytes));
        }
    }
    merged.sort();
    let full = p.outputs_in(&full);
    assert_eq!(
        merged.iter().map(|f| &f.0).collect::<Vec<_>>(),
        full.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert!(
        merged == full,
        "the merged shards are byte-identical to a full build"
    );
}

#[test]
fn the_project_file_sets_defaults_and_layout() {
    let p = Project::copy();
    p.write("careerpress.yaml", "templates: [summary, leaflet]\nbrands: [glan-y-mor]\noutput: \"{job}/{brand}-{template}.{ext}\"\n");
    assert_exit(&p.run(&["build"]), 0);
    let files: Vec<String> = p.outputs().into_iter().map(|f| f.0).collect();
    assert_eq!(
        files,
        [
            "pals-officer/glan-y-mor-leaflet-print.pdf",
            "pals-officer/glan-y-mor-leaflet.pdf",
            "pals-officer/glan-y-mor-summary.txt"
        ]
    );
    // Flags still narrow further, and may name what the file leaves out.
    assert_exit(
        &p.run(&[
            "build",
            "--template",
            "handout",
            "--brand",
            "eastbrook-hospitals",
        ]),
        0,
    );
    assert!(p
        .file("output/pals-officer/eastbrook-hospitals-handout.docx")
        .exists());

    p.write("careerpress.yaml", "output: \"{job}/{template}.{ext}\"\n");
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("careerpress.yaml:1:1: output: the output layout '{job}/{template}.{ext}' must contain {brand}"), "{}", stderr(&o));
    p.write("careerpress.yaml", "templats: [summary]\n");
    let o = p.run(&["check"]);
    assert!(
        stderr(&o).contains("did you mean 'templates'?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn unknown_template_lists_the_known_ones() {
    let p = Project::copy();
    let o = p.run(&["build", "--template", "poster"]);
    assert_exit(&o, 2);
    assert!(
        stderr(&o).contains(
            "there is no template 'poster'; known templates: handout, leaflet, page, summary"
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn quiet_prints_nothing_and_json_is_a_report() {
    let p = Project::copy();
    let o = p.run(&["build", "--quiet", "--format", "txt"]);
    assert_exit(&o, 0);
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), "", "no progress bar when not on a terminal");
    let o = p.run(&["build", "--json", "--force", "--format", "txt"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["jobs"], 1);
    assert_eq!(v["brands"], 2);
    assert_eq!(v["errors"].as_array().unwrap().len(), 0);
    assert!(v["seconds"].as_f64().unwrap() > 0.0);
}

#[test]
fn a_broken_job_fails_alone_with_exit_1() {
    let p = Project::copy();
    with_second_job(&p);
    p.edit(
        "content/jobs/complaints-officer.yaml",
        "title_article: a",
        "title_article: the",
    );
    let o = p.run(&["build", "--json"]);
    assert_exit(&o, 1);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["errors"][0]
            .as_str()
            .unwrap()
            .contains("complaints-officer.yaml"),
        "{v}"
    );
    assert_eq!(statuses(&o).len(), 10, "the PALS documents are all built");
}
