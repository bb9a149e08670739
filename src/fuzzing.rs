//! Fuzz harnesses, shared by the cargo-fuzz targets in `fuzz/` and by
//! `tests/fuzz_regressions.rs`, which replays every input the fuzzers ever
//! found a problem with. Each asserts what must hold for *any* input.

use crate::content::types::Text;
use crate::document::{markup, Block, Inline, Theme};
use crate::pipeline::{self, Options, Project, Target, Writers};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Any bytes as a job profile, brand or project file: an error naming the
/// file, or a model; never a panic, a hang or unbounded memory.
pub fn content_loader(data: &[u8]) {
    let file = Path::new("fuzz.yaml");
    if let Err(errors) = crate::content::parse_job(file, data) {
        for e in errors {
            assert!(e.to_string().starts_with("fuzz.yaml"), "{e}");
        }
    }
    let _ = crate::content::yaml::parse::<crate::content::Brand>(file, data);
    let _ = crate::content::yaml::parse::<crate::content::project::ProjectFile>(file, data);
}

/// Any text as markup: blocks or an error with a line in range; and any
/// text escaped as a content value parses back to exactly that text.
pub fn markup(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = markup::parse(text) {
        assert!(e.line >= 1 && e.line <= text.lines().count().max(1), "{e}");
    }
    let escaped = crate::template::escape_markup(text);
    let blocks = markup::parse(&escaped).expect("escaped text always parses");
    let normal = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if normal.is_empty() {
        assert!(blocks.is_empty(), "{blocks:?}");
    } else {
        assert_eq!(blocks, vec![Block::Paragraph(vec![Inline::Text(normal)])]);
    }
}

struct Fixture {
    project: Project,
    targets: Vec<Target>,
    themes: BTreeMap<(String, String), Theme>,
    writers: Writers,
}

/// The project `pipeline` renders through: the bundled one, unless a caller
/// named another before the first input. `tests/fuzz_regressions.rs` names
/// the tests' own project, so that the replay does not change when a team
/// edits the bundled job, trusts or templates.
static PROJECT: OnceLock<PathBuf> = OnceLock::new();

/// Names the project `pipeline` renders through (it needs the job
/// `pals-officer` and the brand `glan-y-mor`); `false` when one was already
/// chosen (the first input fixes it).
pub fn use_project(root: PathBuf) -> bool {
    PROJECT.set(root).is_ok()
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let root = PROJECT
            .get_or_init(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
            .clone();
        let project = Project::load(&root);
        assert!(project.errors().is_empty(), "{:?}", project.errors());
        let opts = Options {
            root,
            brands: vec!["glan-y-mor".into()],
            ..Options::default()
        };
        let targets = pipeline::plan(&project, &opts).expect("the project plans");
        let themes = pipeline::themes(&project, &targets);
        Fixture {
            project,
            targets,
            themes,
            writers: Writers::default(),
        }
    })
}

/// The whole pipeline into every writer: the input's lines become the PALS
/// officer's title, summary, duties, skills and career path, and go through
/// the project's templates (the bundled ones unless `use_project` named
/// another), the markup parser and the text, PDF and DOCX
/// writers. A document or a clear error; never a panic.
pub fn pipeline(data: &[u8]) {
    let f = fixture();
    let text = String::from_utf8_lossy(data);
    let parts: Vec<&str> = text.split('\n').filter(|s| !s.trim().is_empty()).collect();
    if parts.is_empty() {
        return;
    }
    let pick = |i: usize| Text(parts[i % parts.len()].chars().take(2_000).collect());
    let mut job = f.project.content.jobs["pals-officer"].clone();
    let n = parts.len().min(40);
    job.job.title = pick(0);
    job.job.summary = pick(1);
    job.job.duties.tasks = (0..n).map(|i| pick(i + 2)).collect();
    job.job.skills = (0..n).map(|i| pick(i + 3)).collect();
    job.job.career_path = vec![pick(4)];
    for t in &f.targets {
        let theme = &f.themes[&(t.brand.clone(), t.template.clone())];
        match pipeline::render_job(&f.project, &job, t, theme, f.writers.get(t.format)) {
            Ok(r) => assert!(!r.bytes.is_empty(), "{} is empty", t.path.display()),
            Err(e) => assert!(!e.message.is_empty()),
        }
    }
}
