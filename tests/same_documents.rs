//! Every document, byte for byte: the tests' own project (both trusts, every
//! format, the print file, mail with an attachment) and a synthetic corpus
//! of longer and shorter profiles are built, and each file's SHA-256 is
//! compared with `tests/fixtures/documents.sha256`.
//!
//! A change that should not change any document (a refactor, a speed-up)
//! must leave this test green. A change that means to change documents
//! rewrites the list (`CAREERPRESS_BLESS=1 cargo test --test same_documents`)
//! in the same commit, so the commit shows exactly which documents changed.

mod common;

use common::{assert_exit, copy_fixture, Project};
use sha2::{Digest, Sha256};
use std::path::Path;

const LIST: &str = "tests/fixtures/documents.sha256";

fn digests(project: &Project, out: &Path, prefix: &str, into: &mut Vec<String>) {
    for (path, bytes) in project.outputs_in(out) {
        let digest = careerpress::hex(&Sha256::digest(&bytes));
        into.push(format!("{digest}  {prefix}{path}"));
    }
}

/// Documents are dated from the content; mail is dated when it is written,
/// so it is given a fixed date here (`epoch`).
fn run(project: &Project, args: &[&str], epoch: Option<&str>) {
    let mut cmd = assert_cmd::Command::cargo_bin("careerpress").unwrap();
    cmd.arg("--project").arg(project.path()).args(args);
    match epoch {
        Some(e) => cmd.env("SOURCE_DATE_EPOCH", e),
        None => cmd.env_remove("SOURCE_DATE_EPOCH"),
    };
    let o = cmd.output().unwrap();
    assert_exit(&o, 0);
}

#[test]
fn every_document_is_the_same_bytes_as_listed() {
    let mut got = Vec::new();

    // The tests' own project: two trusts (one bilingual Welsh-first), every
    // template, the print file, and mail with the leaflet attached.
    let fixture = Project::copy();
    run(&fixture, &["build", "--quiet"], None);
    run(
        &fixture,
        &[
            "mail",
            "content/recipients.example.csv",
            "--attach",
            "pdf",
            "--quiet",
        ],
        Some("1733011200"),
    );
    digests(&fixture, &fixture.file("output"), "fixture/", &mut got);

    // A synthetic corpus from the same profile: six lengths of profile (one
    // page to several) for three trusts of other colours.
    let corpus = Project {
        dir: tempfile::tempdir().unwrap(),
    };
    let source = tempfile::tempdir().unwrap();
    copy_fixture(source.path());
    careerpress::content::corpus::generate(source.path(), corpus.path(), 6, 3).unwrap();
    common::copy_dir(
        &common::repo().join("templates").join("fonts"),
        &corpus.file("templates/fonts"),
    );
    run(&corpus, &["build", "--quiet"], None);
    digests(&corpus, &corpus.file("output"), "corpus/", &mut got);

    let got = got.join("\n") + "\n";
    let list = common::repo().join(LIST);
    if std::env::var_os("CAREERPRESS_BLESS").is_some() {
        std::fs::write(&list, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&list).unwrap_or_default();
    if got != want {
        let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
        let changed: Vec<&str> = g.iter().filter(|l| !w.contains(l)).copied().collect();
        let gone: Vec<&str> = w.iter().filter(|l| !g.contains(l)).copied().collect();
        panic!(
            "documents differ from {LIST}:\nnow:\n  {}\nlisted:\n  {}\n\
             If the change means to change these documents, rewrite the list with\n  \
             CAREERPRESS_BLESS=1 cargo test --test same_documents\nand commit it with the change.",
            changed.join("\n  "),
            gone.join("\n  ")
        );
    }
}
