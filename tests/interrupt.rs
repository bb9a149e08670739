//! An interrupted build (Ctrl-C sets the flag) starts no new document and
//! leaves no partial file. Its own test binary: the flag is process-wide.

mod common;

use careerpress::pipeline::{self, Options, Status, INTERRUPTED};
use std::sync::atomic::Ordering;

#[test]
fn an_interrupted_build_starts_nothing_and_writes_no_partial_file() {
    let p = common::Project::copy();
    INTERRUPTED.store(true, Ordering::SeqCst);
    let opts = Options {
        root: p.path().to_path_buf(),
        ..Options::default()
    };
    let report = pipeline::build(&opts, &()).unwrap();
    INTERRUPTED.store(false, Ordering::SeqCst);
    assert!(report.interrupted);
    assert!(!report.ok());
    // (4 formats + the print PDF) × 2 trusts
    assert_eq!(report.documents.len(), 10);
    assert!(report.documents.iter().all(|d| d.status == Status::Skipped));
    assert!(
        p.outputs().is_empty(),
        "{:?}",
        p.outputs().iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert!(
        report.summary().contains("interrupted, 10 not started"),
        "{}",
        report.summary()
    );
    // The next build makes them all.
    let report = pipeline::build(&opts, &()).unwrap();
    assert!(report.ok());
    assert_eq!(report.count(Status::Built), 10);
}
