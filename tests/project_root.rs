//! Where you are: careerpress run in any folder of a project works on that
//! project (as cargo finds `Cargo.toml`); run outside one, it says so in one
//! line and how to start one; `careerpress new project` writes a project
//! that builds at once.

mod common;

use common::{assert_exit, stderr, stdout};

fn careerpress(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("careerpress")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}

#[test]
fn outside_a_project_one_line_says_how_to_start_one() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["check"][..],
        &["build"],
        &["list"],
        &["new", "job", "nurse"],
    ] {
        let o = careerpress(dir.path(), args);
        assert_exit(&o, 2);
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("is not inside a careerpress project"), "{err}");
        assert!(err.contains("careerpress new project <folder>"), "{err}");
    }
    assert!(!dir.path().join("content").exists());
}

#[test]
fn a_new_project_builds_and_is_found_from_its_subfolders() {
    let dir = tempfile::tempdir().unwrap();
    let o = careerpress(dir.path(), &["new", "project", "careers"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("careerpress build"), "{}", stdout(&o));
    let root = dir.path().join("careers");
    // From deep inside, as a person would after opening a job file.
    let jobs = root.join("content").join("jobs");
    let o = careerpress(&jobs, &["check"]);
    assert_exit(&o, 0);
    assert!(
        stdout(&o).starts_with("All good: 1 job, 1 brand, 5 templates checked"),
        "{}",
        stdout(&o)
    );
    let o = careerpress(&jobs, &["new", "job", "nurse"]);
    assert_exit(&o, 0);
    assert!(jobs.join("nurse.yaml").is_file());
    std::fs::remove_file(jobs.join("nurse.yaml")).unwrap();
    let o = careerpress(&root.join("templates"), &["build"]);
    assert_exit(&o, 0);
    let out = root.join("output/eastbrook-hospitals/pals-officer");
    for f in ["leaflet.pdf", "handout.docx", "summary.txt"] {
        assert!(out.join(f).metadata().unwrap().len() > 100, "{f}");
    }
    // Its schemas are current, and it is never written over.
    assert_exit(&careerpress(&root, &["schema", "--check"]), 0);
    let o = careerpress(dir.path(), &["new", "project", "careers"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("already a careerpress project"));
}

#[test]
fn a_new_project_in_the_folder_you_are_in() {
    let dir = tempfile::tempdir().unwrap();
    let o = careerpress(dir.path(), &["new", "project"]);
    assert_exit(&o, 0);
    assert!(
        stdout(&o).contains("Next: careerpress build"),
        "{}",
        stdout(&o)
    );
    assert!(dir.path().join("careerpress.yaml").is_file());
    assert_exit(&careerpress(dir.path(), &["check"]), 0);
    // Where a file of its own is already there, nothing is written.
    let other = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(other.path().join("templates")).unwrap();
    std::fs::write(other.path().join("templates/leaflet.pdf.hbs"), "mine").unwrap();
    let o = careerpress(other.path(), &["new", "project"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("never overwrites a file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(other.path().join("templates/leaflet.pdf.hbs")).unwrap(),
        "mine"
    );
    assert!(!other.path().join("content").exists());
}
