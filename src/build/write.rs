//! Atomic writes: a temporary file in the same folder, then a rename, so an
//! interrupted build (Ctrl-C, a crash, a full disk) never leaves a truncated
//! document behind: readers see the old file or the new one, whole.
//!
//! No fsync: it made a 1,000-summary build about ten times slower, and it
//! guards only against power loss, after which a rebuild makes any lost
//! document again (the manifest checks sizes).

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Prefix of temporary files, so a later build can sweep up after a crash.
pub const TEMP_PREFIX: &str = ".careerpress-tmp-";

/// Writes `bytes` to `path` atomically, creating parent folders.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!("{TEMP_PREFIX}{}-{n}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
