//! File-system confinement: careerpress reads only inside its project and
//! writes or removes only inside its output folder, whatever symbolic links
//! a contributor or an attacker has put in either. One place decides, so
//! the loader, the writers, `--clean` and `watch` cannot disagree.

use std::io;
use std::path::{Component, Path, PathBuf};

/// Checks that `path`, with every symbolic link resolved, lies inside
/// `root` (also resolved). `Err` says, in words, where it leads instead.
pub fn check_inside(root: &Path, path: &Path) -> Result<(), String> {
    let real_root = root
        .canonicalize()
        .map_err(|e| format!("cannot read '{}': {e}", root.display()))?;
    let real = path
        .canonicalize()
        .map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
    if real.starts_with(&real_root) {
        Ok(())
    } else {
        Err(format!(
            "'{}' is a link to '{}', outside the project; careerpress reads only files inside the project (copy the file in instead)",
            path.display(),
            real.display()
        ))
    }
}

/// Opens `path` for reading without following a symbolic link at its end
/// and without waiting on a pipe, and refuses anything that is not a
/// regular file (a FIFO, `/dev/zero`, a folder): the file read is the file
/// checked.
pub fn open_file(path: &Path) -> io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let f = o.open(path).map_err(|e| {
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            io::Error::other("it is a symbolic link; careerpress follows no links here")
        } else {
            e
        }
    })?;
    if !f.metadata()?.is_file() {
        return Err(io::Error::other("it is not a plain file"));
    }
    Ok(f)
}

/// Reads the regular file at `path` (see [`open_file`]), at most `max`
/// bytes: the cap holds while reading, whatever the file's size said when
/// it was opened, so a file that grows, or lies about its size, cannot
/// fill the memory.
pub fn read_capped(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    read_to_cap(open_file(path)?, max)
}

/// Reads `r` to its end, at most `max` bytes (more is an error, found after
/// reading `max + 1`, never by trusting a size).
pub fn read_to_cap(r: impl io::Read, max: u64) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let f = r;
    let mut bytes = Vec::new();
    f.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(io::Error::other(format!(
            "it is larger than {}",
            size_words(max)
        )));
    }
    Ok(bytes)
}

/// [`read_capped`], as UTF-8 text.
pub fn read_text_capped(path: &Path, max: u64) -> io::Result<String> {
    String::from_utf8(read_capped(path, max)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "it is not UTF-8 text"))
}

/// A size in words: `1 MiB`, `64 KiB`, `12 bytes`.
fn size_words(n: u64) -> String {
    match n {
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// A relative path made only of plain names: no `..`, no root, no drive.
pub fn is_plain_relative(rel: &Path) -> bool {
    rel.components().next().is_some() && rel.components().all(|c| matches!(c, Component::Normal(_)))
}

/// Creates `base/rel` as folders, refusing to pass through a symbolic
/// link or anything that is not a folder: a link planted under the output
/// folder can never redirect a write elsewhere. `base` itself may be a
/// link (an output folder on another disk).
pub fn create_dirs_within(base: &Path, rel: &Path) -> io::Result<PathBuf> {
    if !rel.as_os_str().is_empty() && !is_plain_relative(rel) {
        return Err(io::Error::other(format!(
            "'{}' is not a plain path inside the output folder",
            rel.display()
        )));
    }
    std::fs::create_dir_all(base)?;
    let mut dir = base.to_path_buf();
    for part in rel.components() {
        dir.push(part);
        match std::fs::symlink_metadata(&dir) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(io::Error::other(format!(
                    "'{}' is a symbolic link; careerpress writes only into real folders under the output folder",
                    dir.display()
                )))
            }
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(io::Error::other(format!(
                    "'{}' is a file where a folder is needed",
                    dir.display()
                )))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => match std::fs::create_dir(&dir) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    // Made meanwhile by a parallel writer: check it again.
                    let m = std::fs::symlink_metadata(&dir)?;
                    if !m.is_dir() || m.file_type().is_symlink() {
                        return Err(io::Error::other(format!(
                            "'{}' is not a real folder",
                            dir.display()
                        )));
                    }
                }
                Err(e) => return Err(e),
            },
            Err(e) => return Err(e),
        }
    }
    Ok(dir)
}

/// Whether every folder between `base` and `base/rel`'s parent is a real
/// folder (no symbolic link on the way).
fn real_folders_to(base: &Path, rel: &Path) -> bool {
    let mut dir = base.to_path_buf();
    let parts: Vec<_> = rel.components().collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        dir.push(part);
        match std::fs::symlink_metadata(&dir) {
            Ok(m) if m.is_dir() && !m.file_type().is_symlink() => {}
            _ => return false,
        }
    }
    true
}

/// Removes the file `base/rel`, never through a symbolic link: every folder
/// on the way must be a real folder, and a file that has become a link is
/// removed as a link (its target is untouched). `Ok(false)` when there was
/// nothing to remove; `Err` when the path is not safe to remove.
pub fn remove_file_within(base: &Path, rel: &Path) -> io::Result<bool> {
    if !is_plain_relative(rel) || !real_folders_to(base, rel) {
        return Err(io::Error::other(format!(
            "'{}' is not a plain file path inside the output folder (a symbolic link on the way?); left alone",
            rel.display()
        )));
    }
    let path = base.join(rel);
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
        Ok(m) if m.is_dir() => Err(io::Error::other(format!(
            "'{}' is a folder, not a document; left alone",
            path.display()
        ))),
        Ok(_) => std::fs::remove_file(&path).map(|()| true),
    }
}

/// Removes the folders of `rel` that are now empty, deepest first, up to
/// (not including) `base`; never a link, never outside.
pub fn remove_empty_folders_within(base: &Path, rel: &Path) {
    let parts: Vec<_> = rel.components().collect();
    for n in (1..parts.len()).rev() {
        let dir: PathBuf = parts[..n].iter().collect();
        let full = base.join(&dir);
        match std::fs::symlink_metadata(&full) {
            Ok(m) if m.is_dir() && !m.file_type().is_symlink() => {
                if std::fs::remove_dir(&full).is_err() {
                    break;
                }
            }
            _ => break,
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_never_lead_a_write_or_removal_outside() {
        let out = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::write(elsewhere.path().join("precious.txt"), "keep").unwrap();
        symlink(elsewhere.path(), out.path().join("brand")).unwrap();
        assert!(create_dirs_within(out.path(), Path::new("brand/job")).is_err());
        assert!(remove_file_within(out.path(), Path::new("brand/precious.txt")).is_err());
        assert!(elsewhere.path().join("precious.txt").exists());
        // A file that became a link is removed as a link.
        symlink(
            elsewhere.path().join("precious.txt"),
            out.path().join("doc.pdf"),
        )
        .unwrap();
        assert!(remove_file_within(out.path(), Path::new("doc.pdf")).unwrap());
        assert!(elsewhere.path().join("precious.txt").exists());
        assert!(!remove_file_within(out.path(), Path::new("doc.pdf")).unwrap());
        assert!(remove_file_within(out.path(), Path::new("../x")).is_err());
        let made = create_dirs_within(out.path(), Path::new("a/b")).unwrap();
        assert!(made.is_dir());
        remove_empty_folders_within(out.path(), Path::new("a/b/file.pdf"));
        assert!(!out.path().join("a").exists());
        assert!(check_inside(out.path(), &out.path().join("brand")).is_err());
    }
}
