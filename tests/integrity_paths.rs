//! Every file careerpress opens is the file it means: no lock file, input
//! or state file is opened through a symbolic link, and every read is
//! capped while reading, so a pipe or a device in the project cannot hang a
//! run or fill the memory.

mod common;

use common::{assert_exit, stderr, stdout, Project};
use std::os::unix::fs::symlink;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs careerpress, killing it (and failing) if it takes over a minute.
fn run_bounded(p: &Project, args: &[&str]) -> std::process::Output {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("careerpress"))
        .arg("--project")
        .arg(p.path())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("careerpress {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_dangling_link_where_a_lock_belongs_never_makes_a_file_outside() {
    for lock in [".careerpress.lock", ".careerpress-manifest.lock"] {
        let p = Project::copy();
        let outside = tempfile::tempdir().unwrap();
        let target = outside.path().join("created-by-careerpress");
        std::fs::create_dir_all(p.file("output")).unwrap();
        symlink(&target, p.file("output").join(lock)).unwrap();
        let o = run_bounded(&p, &["build"]);
        assert!(!target.exists(), "{lock}: a file was made outside");
        assert_ne!(o.status.code(), Some(0), "{lock}");
        assert!(
            stderr(&o).contains("symbolic link") || stdout(&o).contains("symbolic link"),
            "{lock}: {}{}",
            stdout(&o),
            stderr(&o)
        );
        assert!(!stderr(&o).contains("panicked"));
    }
}

#[test]
fn a_pipe_or_device_in_the_project_is_refused_not_read_forever() {
    // A brand's logo that is a pipe: reading it would wait for ever.
    let p = Project::copy();
    let logo = p.file("content/brands/eastbrook-hospitals/logo.png");
    std::fs::remove_file(&logo).unwrap();
    assert!(Command::new("mkfifo")
        .arg(&logo)
        .status()
        .unwrap()
        .success());
    let o = run_bounded(&p, &["check"]);
    assert_exit(&o, 1);
    let all = format!("{}{}", stdout(&o), stderr(&o));
    assert!(all.contains("logo.png") && all.contains("not a"), "{all}");

    // Pipes where files are listed (a job, a template, a catalogue) are
    // never opened: the run ends.
    let p = Project::copy();
    for f in [
        "content/jobs/nurse.yaml",
        "templates/flyer.txt.hbs",
        "templates/locales/cy/extra.ftl",
    ] {
        assert!(Command::new("mkfifo")
            .arg(p.file(f))
            .status()
            .unwrap()
            .success());
    }
    let o = run_bounded(&p, &["check"]);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn import_of_an_endless_file_stops_at_its_cap() {
    let p = Project::copy();
    let o = run_bounded(&p, &["import", "/dev/zero", "--out", "-"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("larger than 8 MiB"), "{}", stderr(&o));
}
