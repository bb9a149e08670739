//! Builds never lose or clobber a document: runs into one output folder at
//! the same time (real processes in parallel, several rounds), shards and
//! `--clean`, a failed document's record, outputs edited behind careerpress's
//! back, and output layouts that would put two documents in one file.

mod common;

use common::{assert_exit, stderr, stdout, Project};
use std::process::{Child, Command, Stdio};

fn spawn(p: &Project, args: &[&str]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("careerpress"))
        .arg("--project")
        .arg(p.path())
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// A project with a few more jobs, so that runs overlap for a while.
fn bigger() -> Project {
    let p = Project::copy();
    let pals = p.read("content/jobs/pals-officer.yaml");
    for i in 1..=5 {
        p.add_job(
            &format!("job-{i}"),
            &pals.replace(
                "title: Patient advice and liaison service (PALS) officer",
                &format!("title: Job number {i}"),
            ),
        );
    }
    p
}

#[test]
fn runs_into_one_folder_at_once_all_succeed_and_agree() {
    let reference = bigger();
    assert_exit(&reference.run(&["build"]), 0);
    let want = reference.outputs();
    // 6 jobs × 2 trusts × (4 templates + the print leaflet).
    assert_eq!(want.len(), 6 * 2 * 5);
    for round in 0..3 {
        let p = bigger();
        // The three shards of a build, two more builds of the PDFs and a
        // narrowed one, all at once into the same folder.
        let runs: Vec<Vec<&str>> = vec![
            vec!["build", "--shard", "1/3"],
            vec!["build", "--shard", "2/3"],
            vec!["build", "--shard", "3/3"],
            vec!["build", "--format", "pdf", "--force"],
            vec!["build", "--format", "pdf", "--force"],
            vec!["build", "--format", "txt", "--force"],
        ];
        let children: Vec<Child> = runs.iter().map(|a| spawn(&p, a)).collect();
        for (args, c) in runs.iter().zip(children) {
            let o = c.wait_with_output().unwrap();
            assert_exit(&o, 0);
            assert!(
                !stderr(&o).contains("error"),
                "round {round}, {args:?}: {}",
                stderr(&o)
            );
        }
        assert_eq!(p.outputs(), want, "round {round}: the same documents");
        let leftovers: Vec<String> = walk(&p.file("output"))
            .into_iter()
            .filter(|f| f.contains(".careerpress-tmp-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
        // Every run's record was kept: nothing is rebuilt.
        let o = p.run(&["build"]);
        assert!(
            stdout(&o).contains("Nothing to rebuild: 60 documents up to date"),
            "{}",
            stdout(&o)
        );
    }
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p.display().to_string());
        }
    }
    out
}

#[test]
fn a_plain_build_after_shards_rebuilds_nothing() {
    let p = bigger();
    for s in ["1/2", "2/2"] {
        assert_exit(&p.run(&["build", "--shard", s]), 0);
    }
    let o = p.run(&["build"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("Nothing to rebuild"), "{}", stdout(&o));
}

#[test]
fn clean_in_a_shard_removes_only_what_the_whole_matrix_no_longer_makes() {
    let p = bigger();
    for s in ["1/2", "2/2"] {
        assert_exit(&p.run(&["build", "--shard", s]), 0);
    }
    let before = p.outputs().len();
    // Adding a job deals the documents to shards afresh.
    let pals = p.read("content/jobs/pals-officer.yaml");
    p.add_job("aaa-new", &pals.replace("(PALS) officer", "(PALS) lead"));
    std::fs::remove_file(p.file("content/jobs/job-5.yaml")).unwrap();
    std::fs::remove_file(p.file("content/jobs/job-5.cy.yaml")).unwrap();
    let o = p.run(&["build", "--shard", "1/2", "--clean"]);
    assert_exit(&o, 0);
    for (f, _) in p.outputs() {
        assert!(!f.contains("/job-5/"), "{f} should have been removed");
    }
    // Nothing another shard made, or will make, was removed.
    let o = p.run(&["build", "--shard", "2/2"]);
    assert_exit(&o, 0);
    assert_eq!(p.outputs().len(), before, "one job gone, one added");
    for (f, _) in p.outputs() {
        assert!(!f.contains("/job-5/"));
    }
}

#[test]
fn a_failed_document_stays_known_so_clean_can_remove_its_old_file() {
    let p = Project::copy();
    assert_exit(&p.run(&["build", "--format", "txt"]), 0);
    let old = "output/eastbrook-hospitals/pals-officer/summary.txt";
    assert!(p.file(old).exists());
    // The template now fails (strict mode, a field that does not exist)…
    p.edit(
        "templates/summary.txt.hbs",
        "{{job.summary}}",
        "{{job.summary}} {{job.no_such_field}}",
    );
    assert_exit(&p.run(&["build", "--format", "txt"]), 1);
    // …then the job is renamed. Its old documents are stale, and removable.
    p.edit("templates/summary.txt.hbs", " {{job.no_such_field}}", "");
    for lang in ["", ".cy"] {
        std::fs::rename(
            p.file(&format!("content/jobs/pals-officer{lang}.yaml")),
            p.file(&format!("content/jobs/pals-lead{lang}.yaml")),
        )
        .unwrap();
    }
    let o = p.run(&["build", "--format", "txt", "--clean"]);
    assert_exit(&o, 0);
    assert!(!p.file(old).exists(), "{}", stderr(&o));
    assert!(p
        .file("output/eastbrook-hospitals/pals-lead/summary.txt")
        .exists());
}

#[test]
fn an_output_edited_or_replaced_is_made_again() {
    let p = Project::copy();
    assert_exit(&p.run(&["build", "--format", "txt"]), 0);
    let rel = "output/eastbrook-hospitals/pals-officer/summary.txt";
    let good = p.read(rel);
    // Same length, different bytes.
    let edited: String = good
        .chars()
        .map(|c| if c == 'a' { 'o' } else { c })
        .collect();
    assert_eq!(edited.len(), good.len());
    p.write(rel, &edited);
    let o = p.run(&["build", "--format", "txt"]);
    assert!(stdout(&o).contains("Built 1 document"), "{}", stdout(&o));
    assert_eq!(p.read(rel), good);
    // Replaced by a link to a file of the same size: rebuilt as a file,
    // and the linked file is left alone.
    #[cfg(unix)]
    {
        let other = tempfile::tempdir().unwrap();
        let decoy = other.path().join("decoy.txt");
        std::fs::write(&decoy, &edited).unwrap();
        std::fs::remove_file(p.file(rel)).unwrap();
        std::os::unix::fs::symlink(&decoy, p.file(rel)).unwrap();
        let o = p.run(&["build", "--format", "txt"]);
        assert!(stdout(&o).contains("Built 1 document"), "{}", stdout(&o));
        let m = std::fs::symlink_metadata(p.file(rel)).unwrap();
        assert!(m.file_type().is_file());
        assert_eq!(p.read(rel), good);
        assert_eq!(std::fs::read_to_string(&decoy).unwrap(), edited);
    }
}

/// A no-change rebuild trusts a file's size, times and inode instead of
/// reading it; an edit in place that keeps the size and puts the old
/// modification time back must still be caught (writing changes the
/// file's change time, which cannot be set back).
#[cfg(unix)]
#[test]
fn an_output_edited_with_its_old_time_put_back_is_made_again() {
    let p = Project::copy();
    assert_exit(&p.run(&["build", "--format", "txt"]), 0);
    // Stamps are kept once they are older than the clock's tick; the
    // second build, with nothing to do, records them.
    std::thread::sleep(std::time::Duration::from_millis(250));
    let o = p.run(&["build", "--format", "txt"]);
    assert!(stdout(&o).contains("Nothing to rebuild"), "{}", stdout(&o));
    let manifest = p.read("output/.careerpress-manifest.json");
    assert!(
        manifest.matches("\"stamp\"").count() >= 2,
        "the no-change build recorded stamps: {manifest}"
    );
    let rel = "output/eastbrook-hospitals/pals-officer/summary.txt";
    let good = p.read(rel);
    let mtime = std::fs::metadata(p.file(rel)).unwrap().modified().unwrap();
    let edited = good.replacen('a', "o", 1);
    assert_eq!(edited.len(), good.len());
    {
        use std::io::{Seek, Write};
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(p.file(rel))
            .unwrap();
        f.seek(std::io::SeekFrom::Start(0)).unwrap();
        f.write_all(edited.as_bytes()).unwrap();
        f.set_modified(mtime).unwrap();
    }
    assert_eq!(
        std::fs::metadata(p.file(rel)).unwrap().modified().unwrap(),
        mtime
    );
    let o = p.run(&["build", "--format", "txt"]);
    assert!(stdout(&o).contains("Built 1 document"), "{}", stdout(&o));
    assert_eq!(p.read(rel), good);
    // Untouched since: nothing to do.
    let o = p.run(&["build", "--format", "txt"]);
    assert!(stdout(&o).contains("Nothing to rebuild"), "{}", stdout(&o));
}

#[test]
fn two_documents_mapping_to_one_file_are_refused_before_anything_is_written() {
    let p = Project::with_colliding_layout();
    let o = p.run(&["build"]);
    assert_exit(&o, 2);
    let err = stderr(&o);
    assert!(
        err.contains("the same file st-marys-hospital-porter-")
            && err.contains("brand 'st-marys' + job 'hospital-porter'")
            && err.contains("brand 'st-marys-hospital' + job 'porter'"),
        "{err}"
    );
    assert!(p.outputs().is_empty(), "nothing was written");
}
