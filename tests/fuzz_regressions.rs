//! Replays every input under `fuzz/regressions/<target>/` (crashes the
//! fuzzers found, and seeds) through the same harness the fuzz target runs,
//! so a fixed crash stays fixed. The pipeline harness renders through the
//! tests' own project (`tests/fixtures/`), not the bundled one.

mod common;

use std::path::PathBuf;

fn replay(target: &str, harness: fn(&[u8])) -> usize {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let data = std::fs::read(e.path()).unwrap();
        let r = std::panic::catch_unwind(|| harness(&data));
        assert!(r.is_ok(), "{} fails again", e.path().display());
        n += 1;
    }
    n
}

#[test]
fn content_loader_inputs() {
    assert!(replay("content_loader", careerpress::fuzzing::content_loader) > 0);
}

#[test]
fn markup_inputs() {
    assert!(replay("markup", careerpress::fuzzing::markup) > 0);
}

#[test]
fn pipeline_inputs() {
    let project = tempfile::tempdir().unwrap();
    common::copy_fixture(project.path());
    assert!(careerpress::fuzzing::use_project(
        project.path().to_path_buf()
    ));
    assert!(replay("pipeline", careerpress::fuzzing::pipeline) > 0);
}
