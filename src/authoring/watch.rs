//! `careerpress watch`: rebuild what a change affects, as files are saved.
//!
//! Changes are collected for a short quiet spell (editors save in several
//! steps), then mapped to build filters: a job file rebuilds that job's
//! documents, a brand folder that brand's, a template that template's;
//! anything else (partials, fonts, `careerpress.yaml`) rebuilds everything,
//! which is still cheap because the build is incremental (its manifest
//! skips documents whose inputs did not change). A broken file is reported
//! like any content error and the watch goes on.

use crate::diagnostic::Diagnostic;
use crate::pipeline::{self, Options, Report};
use notify::{RecursiveMode, Watcher};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What a changed file affects.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    Job(String),
    Brand(String),
    Template(String),
    /// Shared inputs: partials, fonts, the project file.
    Everything,
}

/// What a changed path affects, or `None` for files that are no input
/// (editor backups and swap files, hidden files, build temporaries).
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let name = parts.last()?;
    if name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.starts_with(pipeline::TEMP_PREFIX)
        || name == "4913"
    {
        return None;
    }
    let stem = |n: &str| n.split('.').next().unwrap_or("").to_string();
    match parts
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["content", "jobs", file] if file.ends_with(".yaml") || file.ends_with(".yml") => {
            Some(Change::Job(stem(file)))
        }
        ["content", "jobs", ..] => None,
        ["content", "brands", id, ..] => Some(Change::Brand(id.to_string())),
        ["templates", file] if file.ends_with(".hbs") => Some(Change::Template(stem(file))),
        ["templates", ..] => Some(Change::Everything),
        ["careerpress.yaml"] => Some(Change::Everything),
        _ => None,
    }
}

/// The build options for a set of changes: narrowed to the jobs, brands or
/// templates changed, or the whole of `base` when changes are mixed. `None`
/// when nothing `base` builds is affected.
pub fn options_for(changes: &[Change], base: &Options) -> Option<Options> {
    let mut opts = base.clone();
    let all = |f: fn(&Change) -> Option<&String>| -> Option<Vec<String>> {
        changes.iter().map(|c| f(c).cloned()).collect()
    };
    if changes.is_empty() || changes.contains(&Change::Everything) {
        return Some(opts);
    }
    let narrow = |wanted: Vec<String>, base: &[String]| -> Vec<String> {
        if base.is_empty() {
            wanted
        } else {
            wanted.into_iter().filter(|w| base.contains(w)).collect()
        }
    };
    if let Some(jobs) = all(|c| match c {
        Change::Job(j) => Some(j),
        _ => None,
    }) {
        opts.jobs = narrow(jobs, &base.jobs);
    } else if let Some(brands) = all(|c| match c {
        Change::Brand(b) => Some(b),
        _ => None,
    }) {
        opts.brands = narrow(brands, &base.brands);
    } else if let Some(templates) = all(|c| match c {
        Change::Template(t) => Some(t),
        _ => None,
    }) {
        opts.templates = narrow(templates, &base.templates);
    }
    let narrowed_away = |now: &[String], before: &[String]| now.is_empty() && !before.is_empty();
    if narrowed_away(&opts.jobs, &base.jobs)
        || narrowed_away(&opts.brands, &base.brands)
        || narrowed_away(&opts.templates, &base.templates)
    {
        return None;
    }
    Some(opts)
}

/// What the watcher tells its caller.
#[derive(Debug)]
pub enum Event<'a> {
    /// Watching these folders and files.
    Watching(&'a [PathBuf]),
    /// Files changed; a build is starting.
    Changed(&'a [Change]),
    /// A build finished.
    Built(&'a Report),
    /// A problem that is not about one document (e.g. a deleted id named
    /// in the filters, or the watcher itself).
    Problem(String),
}

/// The folders a watch follows, and which folder each watch is on: when
/// `content/` or `templates/` is replaced wholesale (moved away and back,
/// deleted and copied in again), the old watch follows the old folder, so
/// the watch is set up again on the new one.
struct Armed {
    root: PathBuf,
    /// Each recursive folder, the identity of the folder watched there, and
    /// whether the watcher said it went.
    folders: Vec<(PathBuf, Option<FolderId>, bool)>,
}

/// What makes a folder the same folder: its device and inode (Unix) and
/// its creation time where the file system keeps one. A folder deleted and
/// made again can get the same inode number, so the watcher's own word that
/// a watched folder went (see [`Armed::forget`]) counts too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FolderId(u64, u64, u128);

fn folder_id(p: &Path) -> Option<FolderId> {
    let m = std::fs::metadata(p).ok().filter(|m| m.is_dir())?;
    let born = m
        .created()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(FolderId(m.dev(), m.ino(), born))
    }
    #[cfg(not(unix))]
    {
        Some(FolderId(0, 0, born))
    }
}

impl Armed {
    fn new(root: &Path) -> Armed {
        Armed {
            root: root.to_path_buf(),
            folders: ["content", "templates"]
                .iter()
                .map(|f| (root.join(f), None, false))
                .collect(),
        }
    }

    /// Watches every folder that is not watched as it is now; returns the
    /// folders (re)armed. The project root itself is watched once, not
    /// recursively, so that a folder replaced there is noticed.
    fn arm(&mut self, watcher: &mut impl Watcher, on: &mut dyn FnMut(Event)) -> Vec<PathBuf> {
        let mut armed = Vec::new();
        for (path, id, gone) in &mut self.folders {
            let now = folder_id(path);
            if now == *id && !*gone {
                continue;
            }
            if id.is_some() {
                let _ = watcher.unwatch(path);
            }
            *id = None;
            *gone = false;
            if now.is_some() {
                match watcher.watch(path, RecursiveMode::Recursive) {
                    Ok(()) => {
                        *id = now;
                        armed.push(path.clone());
                    }
                    Err(e) => on(Event::Problem(format!(
                        "{}: cannot watch: {e}",
                        path.display()
                    ))),
                }
            }
        }
        armed
    }

    /// The watcher says `path` went (deleted, or moved away): whatever is
    /// there next is watched anew.
    fn forget(&mut self, path: &Path, real_root: &Path) {
        for (folder, _, gone) in &mut self.folders {
            let real = real_root.join(folder.strip_prefix(&self.root).unwrap_or(folder));
            if path == folder.as_path() || path == real {
                *gone = true;
            }
        }
    }

    fn watching(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = self
            .folders
            .iter()
            .filter(|(_, id, _)| id.is_some())
            .map(|(p, _, _)| p.clone())
            .collect();
        v.push(self.root.clone());
        v
    }
}

/// Builds once, then rebuilds on every change until the watcher fails.
/// `quiet` is how long to wait after a change for more.
pub fn run(base: &Options, quiet: Duration, mut on: impl FnMut(Event)) -> Result<(), Diagnostic> {
    let root = base.root.clone();
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    // Links are not followed: a `templates/x -> /` link must not make the
    // watch walk (and watch) the whole file system.
    let config = notify::Config::default().with_follow_symlinks(false);
    let mut watcher = notify::RecommendedWatcher::new(
        move |e| {
            let _ = tx.send(e);
        },
        config,
    )
    .map_err(|e| Diagnostic::error(format!("cannot watch files: {e}")))?;
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| Diagnostic::file(&root, format!("cannot watch: {e}")))?;
    let mut armed = Armed::new(&root);
    armed.arm(&mut watcher, &mut on);
    on(Event::Watching(&armed.watching()));
    build_and_report(base, &mut on);
    // Paths are compared in the form the watcher reports them.
    let real_root = root.canonicalize().unwrap_or_else(|_| root.clone());
    loop {
        let first = match rx.recv() {
            Ok(e) => e,
            Err(_) => return Err(Diagnostic::error("the file watcher stopped")),
        };
        let mut changes: Vec<Change> = Vec::new();
        let mut collect = |e: notify::Result<notify::Event>, on: &mut dyn FnMut(Event)| match e {
            Ok(ev) => {
                if matches!(ev.kind, notify::EventKind::Access(_)) {
                    return;
                }
                let gone = matches!(
                    ev.kind,
                    notify::EventKind::Remove(_)
                        | notify::EventKind::Modify(notify::event::ModifyKind::Name(_))
                );
                for p in ev.paths {
                    if gone {
                        armed.forget(&p, &real_root);
                    }
                    let c = classify(&root, &p).or_else(|| classify(&real_root, &p));
                    if let Some(c) = c {
                        if !changes.contains(&c) {
                            changes.push(c);
                        }
                    }
                }
            }
            Err(e) => on(Event::Problem(format!("file watcher: {e}"))),
        };
        collect(first, &mut on);
        let mut deadline = Instant::now() + quiet;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(e) => {
                    collect(e, &mut on);
                    deadline = Instant::now() + quiet;
                }
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err("the file watcher stopped".into())
                }
            }
        }
        // A folder replaced wholesale: watch the new one, rebuild everything.
        if !armed.arm(&mut watcher, &mut on).is_empty() {
            on(Event::Watching(&armed.watching()));
            changes.push(Change::Everything);
        }
        if changes.is_empty() {
            continue;
        }
        changes.sort();
        changes.dedup();
        on(Event::Changed(&changes));
        if let Some(opts) = options_for(&changes, base) {
            build_and_report(&opts, &mut on);
        }
    }
}

/// One build; a filter naming an id that is gone (a deleted file) falls back
/// to the whole of the base options.
fn build_and_report(opts: &Options, on: &mut dyn FnMut(Event)) {
    let project = pipeline::Project::load(&opts.root);
    match pipeline::build_project(&project, opts, &(), Instant::now()) {
        Ok(report) => on(Event::Built(&report)),
        Err(e) => {
            let wider = Options {
                jobs: vec![],
                brands: vec![],
                templates: vec![],
                ..opts.clone()
            };
            match pipeline::build_project(&project, &wider, &(), Instant::now()) {
                Ok(report) => on(Event::Built(&report)),
                Err(e2) if e2 == e => on(Event::Problem(e.to_string())),
                Err(e2) => on(Event::Problem(format!("{e}; {e2}"))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_what_they_affect() {
        let root = Path::new("/p");
        let c = |s: &str| classify(root, Path::new(s));
        assert_eq!(
            c("/p/content/jobs/nurse.yaml"),
            Some(Change::Job("nurse".into()))
        );
        assert_eq!(
            c("/p/content/brands/east/logo.png"),
            Some(Change::Brand("east".into()))
        );
        assert_eq!(
            c("/p/templates/leaflet.pdf.hbs"),
            Some(Change::Template("leaflet".into()))
        );
        assert_eq!(
            c("/p/templates/partials/contact.hbs"),
            Some(Change::Everything)
        );
        assert_eq!(c("/p/careerpress.yaml"), Some(Change::Everything));
        assert_eq!(c("/p/content/jobs/.nurse.yaml.swp"), None);
        assert_eq!(c("/p/content/jobs/nurse.yaml~"), None);
        assert_eq!(c("/p/output/east/nurse/summary.txt"), None);
        assert_eq!(c("/elsewhere/x.yaml"), None);
    }

    #[test]
    fn changes_narrow_the_build() {
        let base = Options::default();
        let o = options_for(&[Change::Job("a".into()), Change::Job("b".into())], &base).unwrap();
        assert_eq!(o.jobs, ["a", "b"]);
        assert!(o.brands.is_empty() && o.templates.is_empty());
        let o = options_for(&[Change::Brand("x".into())], &base).unwrap();
        assert_eq!(o.brands, ["x"]);
        let o = options_for(&[Change::Job("a".into()), Change::Brand("x".into())], &base).unwrap();
        assert!(o.jobs.is_empty() && o.brands.is_empty());
        let o = options_for(&[Change::Template("t".into()), Change::Everything], &base).unwrap();
        assert!(o.templates.is_empty());
        let only_a = Options {
            jobs: vec!["a".into()],
            ..Options::default()
        };
        assert!(options_for(&[Change::Job("b".into())], &only_a).is_none());
        assert_eq!(
            options_for(&[Change::Job("a".into())], &only_a)
                .unwrap()
                .jobs,
            ["a"]
        );
    }
}
