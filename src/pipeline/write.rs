//! Atomic writes: a temporary file in the same folder, then a rename, so an
//! interrupted build (Ctrl-C, a crash, a full disk) never leaves a truncated
//! document behind: readers see the old file or the new one, whole.
//!
//! No fsync: it made a 1,000-summary build about ten times slower, and it
//! guards only against power loss, after which a rebuild makes any lost
//! document again (the manifest checks digests).
//!
//! Temporary files are named after their process. Only a run that holds
//! the output folder alone (see [`super::lock`]) sweeps them up, so a build
//! never deletes the half-written file of another build running beside it.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Prefix of temporary files, so a later build can sweep up after a crash.
pub const TEMP_PREFIX: &str = ".careerpress-tmp-";

/// Writes `bytes` to `path` atomically, creating parent folders. For files
/// whose folder careerpress chose itself (manifests, schemas); documents go
/// through [`write_within`].
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    write_in(dir, path, bytes)
}

/// Writes `bytes` to `base/rel` atomically. Every folder between `base` and
/// the file is created as a real folder, and a symbolic link on the way is
/// refused, so nothing is ever written outside `base`; a link at the file
/// itself is replaced, not followed.
pub fn write_within(base: &Path, rel: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let parent = rel.parent().unwrap_or(Path::new(""));
    let dir = crate::safe_fs::create_dirs_within(base, parent)?;
    let name = rel
        .file_name()
        .ok_or_else(|| std::io::Error::other(format!("'{}' has no file name", rel.display())))?;
    write_in(&dir, &dir.join(name), bytes)
}

fn write_in(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!("{TEMP_PREFIX}{}-{n}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Removes temporary files under `dir` that a killed run left. Call only
/// while holding the output folder alone: then no live run owns any.
pub fn sweep_temp_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            sweep_temp_files(&e.path());
        } else if e.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}
