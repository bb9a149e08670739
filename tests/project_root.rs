//! Where you are: careerpress run in any folder of a project works on that
//! project (as cargo finds `Cargo.toml`); run outside one, it says so in one
//! line and how to start one. (`careerpress new project`, which writes the
//! bundled project, is tested in `bundled_smoke.rs`.)

mod common;

use common::{assert_exit, run_in, stderr, Project};

#[test]
fn outside_a_project_one_line_says_how_to_start_one() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["check"][..],
        &["build"],
        &["list"],
        &["new", "job", "nurse"],
    ] {
        let o = run_in(dir.path(), args);
        assert_exit(&o, 2);
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("is not inside a careerpress project"), "{err}");
        assert!(err.contains("careerpress new project <folder>"), "{err}");
    }
    assert!(!dir.path().join("content").exists());
}

#[test]
fn a_project_is_found_from_its_subfolders() {
    // The tests' own project, with a project file as a new project has.
    let p = Project::copy();
    p.write("careerpress.yaml", "# careerpress project settings\n");
    // From deep inside, as a person would after opening a job file.
    common::assert_works_from_inside(
        p.path(),
        "All good: 1 job, 2 brands, 6 templates checked",
        &p.file("templates/partials"),
        &[
            "eastbrook-hospitals/pals-officer/leaflet.pdf",
            "eastbrook-hospitals/pals-officer/handout.docx",
            "eastbrook-hospitals/pals-officer/summary.txt",
            "glan-y-mor/pals-officer/page.html",
        ],
    );
    assert!(!p.file("content/jobs/output").exists());
    assert!(!p.file("templates/partials/output").exists());
}
