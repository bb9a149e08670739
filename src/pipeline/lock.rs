//! Runs that write into one output folder at once (two builds, the shards
//! of one build, `watch` beside a build, a mail run) are safe together:
//!
//! - every such run holds a *shared* lock on `<out>/.careerpress.lock` for as
//!   long as it writes; documents themselves are written atomically and
//!   deterministically, so two runs writing the same document agree;
//! - a run that removes files (`--clean`, sweeping temporary files left by a
//!   killed run) needs the folder alone, and takes the lock *exclusively*,
//!   waiting for the others;
//! - the manifest is read, merged and written under its own short exclusive
//!   lock (`.careerpress-manifest.lock`), so no run's record is lost.
//!
//! Locks are the operating system's (`flock`), released when a process
//! ends, however it ends.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// The lock a run holds on an output folder.
pub struct OutputLock {
    file: File,
    path: PathBuf,
}

/// The name of the run lock inside the output folder.
pub const LOCK_FILE: &str = ".careerpress.lock";
/// The name of the manifest lock inside the output folder.
pub const MANIFEST_LOCK_FILE: &str = ".careerpress-manifest.lock";

/// Opens (creating) a lock file, never through a symbolic link: a link
/// planted where a lock belongs, dangling or not, is refused rather than
/// followed, so no run ever creates or opens a file outside the folder.
fn open(path: &Path) -> io::Result<File> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut o = OpenOptions::new();
    o.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW);
    }
    let file = o.open(path).map_err(|e| {
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            io::Error::other(format!(
                "'{}' is a symbolic link; careerpress follows no links for its lock files (remove it)",
                path.display()
            ))
        } else {
            e
        }
    })?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other(format!(
            "'{}' is not a plain file (remove it)",
            path.display()
        )));
    }
    Ok(file)
}

impl OutputLock {
    /// Shares `out` with other runs. If no other run is using it, first
    /// sweeps temporary files killed runs left behind (only then is none of
    /// them a live run's).
    pub fn shared(out: &Path) -> io::Result<OutputLock> {
        let path = out.join(LOCK_FILE);
        let file = open(&path)?;
        if file.try_lock().is_ok() {
            super::write::sweep_temp_files(out);
        }
        // Taking the shared lock converts an exclusive one.
        file.lock_shared()?;
        Ok(OutputLock { file, path })
    }

    /// Holds `out` alone, waiting while other runs use it; `waiting` is
    /// called once if it has to wait.
    pub fn exclusive(out: &Path, waiting: impl FnOnce()) -> io::Result<OutputLock> {
        let path = out.join(LOCK_FILE);
        let file = open(&path)?;
        if file.try_lock().is_err() {
            waiting();
            file.lock()?;
        }
        super::write::sweep_temp_files(out);
        Ok(OutputLock { file, path })
    }

    /// Moves a shared lock to an exclusive one (for `--clean` at the end of
    /// a build), waiting for the other runs.
    pub fn upgrade(&self, waiting: impl FnOnce()) -> io::Result<()> {
        if self.file.try_lock().is_err() {
            waiting();
            self.file.lock()?;
        }
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Holds the manifest lock for the life of the value.
pub struct ManifestLock(#[allow(dead_code)] File);

impl ManifestLock {
    pub fn take(out: &Path) -> io::Result<ManifestLock> {
        let file = open(&out.join(MANIFEST_LOCK_FILE))?;
        file.lock()?;
        Ok(ManifestLock(file))
    }
}
