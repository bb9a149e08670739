//! Shared test helpers: a throw-away copy of the tests' own project
//! (`tests/fixtures/`), and the binary. Only `bundled_smoke.rs` reads the
//! bundled `content/` and `templates/`.
#![allow(dead_code)]

pub mod read;

use std::path::{Path, PathBuf};
use std::process::Output;

/// The repository root (the bundled project is there; the tests read its
/// fonts, and only `bundled_smoke.rs` its content and templates).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The tests' own content (`tests/fixtures/content`: the PALS profile and
/// the two fictional trusts), so the tests pass whatever a user has added
/// to, or changed in, the live `content/` folder.
pub fn fixture() -> PathBuf {
    repo().join("tests").join("fixtures")
}

/// A temporary project: the tests' own content and templates
/// (`tests/fixtures/`), drawn with the bundled fonts.
pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    pub fn copy() -> Project {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_fixture(dir.path());
        Project { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let p = self.file(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.file(rel)).unwrap()
    }

    /// Replaces the one occurrence of `from` in a file.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let s = self.read(rel);
        assert_eq!(
            s.matches(from).count(),
            1,
            "{from:?} should occur once in {rel}"
        );
        self.write(rel, s.replace(from, to));
    }

    /// Runs careerpress with `--project` set to this copy.
    pub fn run(&self, args: &[&str]) -> Output {
        let mut cmd = assert_cmd::Command::cargo_bin("careerpress").unwrap();
        cmd.arg("--project").arg(self.path()).args(args);
        cmd.env_remove("SOURCE_DATE_EPOCH");
        cmd.output().unwrap()
    }

    /// Every document under `output/` (not the build manifest), relative,
    /// sorted, with its bytes.
    pub fn outputs(&self) -> Vec<(String, Vec<u8>)> {
        self.outputs_in(&self.file("output"))
    }

    pub fn outputs_in(&self, dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        walk(dir, dir, &mut files);
        // careerpress's own state (manifest, locks) is not a document.
        files.retain(|(f, _)| !f.starts_with(".careerpress"));
        files.sort();
        files
    }
}

fn walk(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(root, &p, files);
        } else {
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            files.push((rel, std::fs::read(&p).unwrap()));
        }
    }
}

/// The tests' own project (`tests/fixtures/content` and
/// `tests/fixtures/templates`) with the bundled fonts, into `to`: what the
/// tests read back does not change when a team edits the bundled content or
/// templates.
pub fn copy_fixture(to: &Path) {
    copy_dir(&fixture().join("content"), &to.join("content"));
    copy_dir(&fixture().join("templates"), &to.join("templates"));
    copy_dir(
        &repo().join("templates").join("fonts"),
        &to.join("templates").join("fonts"),
    );
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        let dest = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

/// Runs careerpress in `dir` without `--project`, as a person would in a
/// terminal: the project is the one `dir` is in, if any.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    assert_cmd::Command::cargo_bin("careerpress")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}

/// What a person does from inside the project at `root`, each command run
/// in a subfolder without `--project`: `check` from its jobs folder (its
/// first line starting with `all_good`), `new job` there (the skeleton
/// removed again), and `build` from `build_in`; each of `docs` (paths
/// under `output/`) is there and more than a few bytes.
pub fn assert_works_from_inside(root: &Path, all_good: &str, build_in: &Path, docs: &[&str]) {
    let jobs = root.join("content").join("jobs");
    let o = run_in(&jobs, &["check"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).starts_with(all_good), "{}", stdout(&o));
    let o = run_in(&jobs, &["new", "job", "nurse"]);
    assert_exit(&o, 0);
    assert!(jobs.join("nurse.yaml").is_file());
    std::fs::remove_file(jobs.join("nurse.yaml")).unwrap();
    let o = run_in(build_in, &["build"]);
    assert_exit(&o, 0);
    for f in docs {
        let doc = root.join("output").join(f);
        assert!(doc.metadata().unwrap().len() > 100, "{f}");
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts the run exited with `code` and did not panic.
pub fn assert_exit(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "exit code\nstdout:\n{}\nstderr:\n{}",
        stdout(o),
        stderr(o)
    );
    assert!(!stderr(o).contains("panicked"), "panic: {}", stderr(o));
}

/// Whether a content error is one a draft is expected to have: a
/// placeholder, a field flagged `# TODO`, or a salary of £0 (what an import
/// leaves when a page gives no salary). Anything else is a real mistake.
pub fn is_draft_problem(message: &str) -> bool {
    message.contains("is a placeholder")
        || message.contains("marked TODO")
        || message.contains("£0 is not")
        || message.contains("no Welsh text yet")
}

/// Asserts every problem in `errors` is one a draft is expected to have.
pub fn assert_only_draft_problems(errors: &[careerpress::content::ContentError], context: &str) {
    for e in errors {
        assert!(
            e.placeholder || e.message.contains("£0 is not"),
            "{e}\n{context}"
        );
    }
}

/// A draft profile read as the model, whatever placeholders it still holds.
pub fn draft_job(file: &Path) -> careerpress::content::Job {
    careerpress::content::yaml::load(file).unwrap_or_else(|e| panic!("{e}"))
}

impl Project {
    /// Adds a job made from the PALS profile's text (`text`, e.g. with its
    /// title changed) as `content/jobs/<id>.yaml`, with the PALS profile's
    /// Welsh beside it (the Welsh board makes documents in Welsh).
    pub fn add_job(&self, id: &str, text: &str) {
        self.write(&format!("content/jobs/{id}.yaml"), text);
        let cy = std::fs::read(self.file("content/jobs/pals-officer.cy.yaml"))
            .or_else(|_| std::fs::read(fixture().join("content/jobs/pals-officer.cy.yaml")))
            .unwrap();
        self.write(&format!("content/jobs/{id}.cy.yaml"), cy);
    }
}

impl Project {
    /// A project whose output layout (`{brand}-{job}-{template}.{ext}`)
    /// gives two documents one file: brand `st-marys` with job
    /// `hospital-porter`, and brand `st-marys-hospital` with job `porter`.
    pub fn with_colliding_layout() -> Project {
        let p = Project::copy();
        let pals = p.read("content/jobs/pals-officer.yaml");
        std::fs::remove_file(p.file("content/jobs/pals-officer.yaml")).unwrap();
        p.add_job("hospital-porter", &pals);
        p.add_job("porter", &pals);
        std::fs::remove_file(p.file("content/jobs/pals-officer.cy.yaml")).unwrap();
        for brand in ["st-marys", "st-marys-hospital"] {
            copy_dir(
                &p.file("content/brands/eastbrook-hospitals"),
                &p.file(&format!("content/brands/{brand}")),
            );
        }
        p.write(
            "careerpress.yaml",
            "output: \"{brand}-{job}-{template}.{ext}\"\n",
        );
        p
    }
}

/// Asserts plain text (a summary, a mail body) is wrapped at `width`
/// columns (display width): only a line that is one web or email address,
/// after its indent and list marker, may be wider, since a broken address
/// is useless.
pub fn assert_wrapped(text: &str, width: usize) {
    use unicode_width::UnicodeWidthStr;
    for line in text.lines() {
        let t = line.trim_start();
        let t = t.strip_prefix("* ").unwrap_or(t);
        let t = t.trim_matches(|c: char| "()[]<>.,;:".contains(c));
        // A web address may be written without its scheme
        // (`example.nhs.uk/pals`).
        let host = |h: &str| {
            h.contains('.')
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c))
        };
        let address = !t.contains(' ')
            && (t.contains("://")
                || t.contains('@')
                || t.starts_with("www.")
                || t.split_once('/').is_some_and(|(h, _)| host(h)));
        assert!(
            line.width() <= width || address,
            "a line wider than {width} columns that is not one address: {line:?} in\n{text}"
        );
    }
}
