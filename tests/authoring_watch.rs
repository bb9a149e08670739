//! `careerpress watch`: run as a child process on a copy of the project;
//! a change rebuilds the affected documents, a broken file is reported on
//! standard error while the watch goes on, and a fix is picked up.

mod common;

use common::Project;
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running `careerpress watch`, killed when dropped.
struct Watch {
    child: Child,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn pipe(r: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let buf = Arc::new(Mutex::new(String::new()));
    let b = buf.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(r).lines() {
            let Ok(line) = line else { break };
            let mut b = b.lock().unwrap();
            b.push_str(&line);
            b.push('\n');
        }
    });
    buf
}

fn watch(p: &Project, args: &[&str]) -> Watch {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("careerpress"))
        .arg("--project")
        .arg(p.path())
        .arg("watch")
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = pipe(child.stdout.take().unwrap());
    let stderr = pipe(child.stderr.take().unwrap());
    Watch {
        child,
        stdout,
        stderr,
    }
}

/// Waits (at most 30 s) until `ok` holds.
fn wait_for(what: &str, w: &mut Watch, mut ok: impl FnMut(&Watch) -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if ok(w) {
            return;
        }
        assert!(
            w.child.try_wait().unwrap().is_none(),
            "watch exited while waiting for {what}\nstdout:\n{}\nstderr:\n{}",
            w.stdout.lock().unwrap(),
            w.stderr.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!(
        "timed out waiting for {what}\nstdout:\n{}\nstderr:\n{}",
        w.stdout.lock().unwrap(),
        w.stderr.lock().unwrap()
    );
}

/// Counts the lines of stdout that contain `s`.
fn count(w: &Watch, s: &str) -> usize {
    w.stdout
        .lock()
        .unwrap()
        .lines()
        .filter(|l| l.contains(s))
        .count()
}

#[test]
fn watch_rebuilds_on_change_reports_broken_files_and_keeps_going() {
    let p = Project::copy();
    let summary = "output/eastbrook-hospitals/pals-officer/summary.txt";
    let mut w = watch(&p, &["--format", "txt", "--quiet-ms", "100"]);
    wait_for("the first build", &mut w, |w| count(w, "Built ") >= 1);
    assert!(p.file(summary).exists());
    // Give the watcher a moment to settle before the first edit.
    std::thread::sleep(Duration::from_millis(300));

    // A change rebuilds the job's documents.
    p.edit(
        "content/jobs/pals-officer.yaml",
        "title: Patient advice and liaison service (PALS) officer",
        "title: Patient experience caseworker",
    );
    wait_for("the rebuilt summary", &mut w, |_| {
        std::fs::read_to_string(p.file(summary))
            .is_ok_and(|s| s.contains("Patient experience caseworker"))
    });
    assert!(w
        .stdout
        .lock()
        .unwrap()
        .contains("changed: job pals-officer"));

    // A broken file: the error on stderr, naming the file; still running.
    let good = p.read("content/jobs/pals-officer.yaml");
    p.write(
        "content/jobs/pals-officer.yaml",
        good.replace("salary:\n  starter: 18200", "salary:\n  starter: lots"),
    );
    wait_for("the error", &mut w, |w| {
        w.stderr.lock().unwrap().contains("pals-officer.yaml:")
    });
    let stderr = w.stderr.lock().unwrap().clone();
    assert!(stderr.contains("error:"), "{stderr}");
    assert!(stderr.contains("salary.starter"), "{stderr}");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        w.child.try_wait().unwrap().is_none(),
        "watch exited on a broken file"
    );

    // Fixed again: rebuilt again.
    let builds = count(&w, "built eastbrook-hospitals/pals-officer/summary.txt");
    p.write(
        "content/jobs/pals-officer.yaml",
        good.replace(
            "Patient experience caseworker",
            "Patient liaison caseworker",
        ),
    );
    wait_for("the rebuild after the fix", &mut w, |w| {
        count(w, "built eastbrook-hospitals/pals-officer/summary.txt") > builds
    });
    assert!(p.read(summary).contains("Patient liaison caseworker"));

    // A template change rebuilds that template's documents.
    let before = count(&w, "changed: template summary");
    let t = p.read("templates/summary.txt.hbs");
    p.write("templates/summary.txt.hbs", format!("{t}\nWatched.\n"));
    wait_for("the template rebuild", &mut w, |w| {
        count(w, "changed: template summary") > before
    });
    wait_for("the rebuilt summary", &mut w, |_| {
        std::fs::read_to_string(p.file(summary)).is_ok_and(|s| s.contains("Watched."))
    });
}

/// The documents under `output/`, relative, sorted.
fn documents(p: &Project) -> Vec<String> {
    p.outputs().into_iter().map(|(f, _)| f).collect()
}

#[test]
fn a_typo_keeps_the_broken_files_documents_and_never_calls_them_gone() {
    let p = Project::copy();
    let mut w = watch(&p, &["--quiet-ms", "100"]);
    wait_for("the first build", &mut w, |w| count(w, "Built ") >= 1);
    let made = documents(&p);
    // (4 formats + the print leaflet) × 2 trusts.
    assert_eq!(made.len(), 10, "{made:?}");
    std::thread::sleep(Duration::from_millis(300));

    // One typo at a time, each put right again: a template that no longer
    // compiles, a job file YAML cannot read, a Welsh text with a misspelt
    // field, the project file left unclosed.
    let typos: [(&str, &str, &str); 4] = [
        (
            "templates/handout.docx.hbs",
            "{{#each_language}}",
            "{{#each_language}",
        ),
        (
            "content/jobs/pals-officer.yaml",
            "title: Patient",
            "title: \"Patient",
        ),
        ("content/jobs/pals-officer.cy.yaml", "\ntitle: ", "\ntitl: "),
        ("careerpress.yaml", "", "templates: [leaflet\n"),
    ];
    for (file, from, to) in typos {
        let good = std::fs::read_to_string(p.file(file)).unwrap_or_default();
        let builds = count(&w, "Built ") + count(&w, "Nothing to rebuild");
        let errors = w.stderr.lock().unwrap().matches("error:").count();
        p.write(file, good.replacen(from, to, 1));
        let name = file.rsplit('/').next().unwrap();
        wait_for(&format!("the error in {file}"), &mut w, |w| {
            let e = w.stderr.lock().unwrap();
            e.matches("error:").count() > errors && e.contains(&format!("{name}:"))
        });
        wait_for(&format!("the build after {file}"), &mut w, |w| {
            count(w, "Built ") + count(w, "Nothing to rebuild") > builds
        });
        let said = format!("{}{}", w.stdout.lock().unwrap(), w.stderr.lock().unwrap());
        assert!(!said.contains("no longer made"), "{file}:\n{said}");
        assert_eq!(documents(&p), made, "{file}");
        // Put right: the watch goes on, nothing was lost.
        if good.is_empty() {
            std::fs::remove_file(p.file(file)).unwrap();
        } else {
            p.write(file, &good);
        }
        wait_for(&format!("the build after fixing {file}"), &mut w, |w| {
            count(w, "Built ") + count(w, "Nothing to rebuild") > builds + 1
        });
        std::thread::sleep(Duration::from_millis(200));
    }
    let said = w.stdout.lock().unwrap().clone();
    assert!(!said.contains("no longer made"), "{said}");
    assert_eq!(documents(&p), made);
}
