//! careerpress reads only inside its project and writes or removes only
//! inside its output folder, whatever symbolic links are planted in either;
//! and `watch` keeps working when folders are replaced or link elsewhere.
#![cfg(unix)]

mod common;

use common::{assert_exit, stderr, Project};
use std::os::unix::fs::symlink;
use std::path::Path;

/// A secret outside the project that must never reach a document.
fn secret(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let f = dir.join(name);
    std::fs::write(&f, text).unwrap();
    f
}

fn no_document_contains(p: &Project, needle: &str) {
    for (f, bytes) in p.outputs() {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(needle),
            "{f} contains the secret"
        );
    }
}

#[test]
fn content_and_templates_linking_outside_the_project_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    let pals = std::fs::read_to_string(common::fixture().join("content/jobs/pals-officer.yaml"))
        .unwrap()
        .replace(
            "title: Patient advice and liaison service (PALS) officer",
            "title: SECRET-JOB",
        );
    let cases: Vec<(&str, std::path::PathBuf)> = vec![
        (
            "templates/leak.txt.hbs",
            secret(
                outside.path(),
                "leak.txt.hbs",
                "SECRET-TEMPLATE {{job.title}}",
            ),
        ),
        (
            "templates/partials/contact.hbs",
            secret(outside.path(), "contact.hbs", "SECRET-PARTIAL"),
        ),
        (
            "content/jobs/leak.yaml",
            secret(outside.path(), "leak.yaml", &pals),
        ),
        (
            "content/brands/eastbrook-hospitals/brand.yaml",
            secret(
                outside.path(),
                "brand.yaml",
                &std::fs::read_to_string(
                    common::fixture().join("content/brands/eastbrook-hospitals/brand.yaml"),
                )
                .unwrap()
                .replace("Eastbrook Hospitals NHS Foundation Trust", "SECRET-BRAND"),
            ),
        ),
    ];
    for (rel, target) in cases {
        let p = Project::copy();
        let _ = std::fs::remove_file(p.file(rel));
        symlink(&target, p.file(rel)).unwrap();
        for args in [&["check"][..], &["build"][..]] {
            let o = p.run(args);
            assert_exit(&o, 1);
            assert!(
                stderr(&o).contains("outside the project"),
                "{rel} {args:?}: {}",
                stderr(&o)
            );
        }
        no_document_contains(&p, "SECRET");
    }
}

#[test]
fn clean_and_writes_never_go_through_a_link_under_output() {
    let p = Project::copy();
    assert_exit(&p.run(&["build", "--format", "txt"]), 0);
    // The brand's folder under output/ is moved away and linked back.
    let outside = tempfile::tempdir().unwrap();
    let moved = outside.path().join("eastbrook");
    std::fs::rename(p.file("output/eastbrook-hospitals"), &moved).unwrap();
    symlink(&moved, p.file("output/eastbrook-hospitals")).unwrap();
    let kept = moved.join("pals-officer/summary.txt");
    assert!(kept.exists());
    // The job goes: its documents are stale, and --clean must not follow
    // the link to remove them.
    std::fs::remove_file(p.file("content/jobs/pals-officer.yaml")).unwrap();
    let pals =
        std::fs::read_to_string(common::fixture().join("content/jobs/pals-officer.yaml")).unwrap();
    p.write("content/jobs/nurse.yaml", &pals);
    let o = p.run(&["build", "--format", "txt", "--clean"]);
    assert!(kept.exists(), "--clean removed a file through a link");
    assert!(
        stderr(&o).contains("symbolic link"),
        "the link is reported: {}",
        stderr(&o)
    );
    // Nor is a document written through it.
    assert!(
        !moved.join("nurse").exists(),
        "a document was written through a link"
    );
}

#[test]
fn watch_follows_folders_replaced_wholesale_and_ignores_links_out() {
    use std::io::{BufRead, BufReader};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};
    let p = Project::copy();
    // A link to the root of the file system: must not be walked.
    symlink("/", p.file("templates/everything")).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("careerpress"))
        .arg("--project")
        .arg(p.path())
        .args(["watch", "--format", "txt", "--quiet-ms", "100"])
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let log = Arc::new(Mutex::new(String::new()));
    for r in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let log = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(r).lines().map_while(Result::ok) {
                let mut l = log.lock().unwrap();
                l.push_str(&line);
                l.push('\n');
            }
        });
    }
    let summary = "output/eastbrook-hospitals/pals-officer/summary.txt";
    let wait = |what: &str, ok: &dyn Fn() -> bool| {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            if ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("timed out waiting for {what}:\n{}", log.lock().unwrap());
    };
    wait("the first build", &|| p.file(summary).exists());
    // content/ moved away and back, then deleted and copied in again.
    std::fs::rename(p.file("content"), p.file("content.away")).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    std::fs::rename(p.file("content.away"), p.file("content")).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let fresh = tempfile::tempdir().unwrap();
    common::copy_dir(&p.file("content"), fresh.path());
    std::fs::remove_dir_all(p.file("content")).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    common::copy_dir(fresh.path(), &p.file("content"));
    std::thread::sleep(Duration::from_millis(500));
    // An edit in the new folder is picked up.
    p.edit(
        "content/jobs/pals-officer.yaml",
        "title: Patient advice and liaison service (PALS) officer",
        "title: Patient advice and liaison service (PALS) lead",
    );
    wait("the rebuild after the folder was replaced", &|| {
        std::fs::read_to_string(p.file(summary)).is_ok_and(|t| t.contains("(PALS) lead"))
    });
    assert!(child.try_wait().unwrap().is_none(), "watch stopped");
    let _ = child.kill();
    let _ = child.wait();
}
