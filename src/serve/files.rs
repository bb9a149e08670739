//! Which files `serve` hands out: documents under the output folder, and
//! nothing else. A request path is taken apart segment by segment *before*
//! any file-system call, so no spelling of `..` (plain, `%2e%2e`, `%2f`
//! inside a segment, a backslash) and no absolute path can name anything
//! outside; then every folder on the way and the file itself must be real
//! (no symbolic link, even one pointing inside), and the file must be a
//! document careerpress made: of a format it makes (`.html`, `.pdf`,
//! `.docx`, `.txt`), listed in the manifest with the digest of its bytes.
//! So the manifest, locks, mail merges (`.eml`, personal data) and any file
//! someone else put in the output folder are never served.

use crate::template::Format;
use percent_encoding::percent_decode_str;
use std::path::{Path, PathBuf};

/// A document found under the output folder.
#[derive(Debug)]
pub(crate) struct Found {
    pub path: PathBuf,
    pub format: Format,
    /// The SHA-256 the manifest records for the file careerpress wrote.
    pub digest: String,
}

/// `brand/job/page.html` from the part of a request path after its prefix
/// (still percent-encoded), or `None` when any segment is empty, `.`, `..`,
/// hidden, or decodes to something holding a separator or a control.
pub(crate) fn relative(encoded: &str) -> Option<PathBuf> {
    let mut rel = PathBuf::new();
    for seg in encoded.split('/') {
        let s = percent_decode_str(seg).decode_utf8().ok()?;
        let bad = s.is_empty()
            || s.starts_with('.')
            || s.chars()
                .any(|c| matches!(c, '/' | '\\' | ':') || c.is_control());
        if bad {
            return None;
        }
        rel.push(s.as_ref());
    }
    Some(rel).filter(|r| crate::safe_fs::is_plain_relative(r))
}

/// The document `out/rel`, if it is a real file reached through real
/// folders only, of a format careerpress makes, and one careerpress made:
/// the manifest lists it, at the size it was written (a file someone else
/// put in the output folder is never served).
pub(crate) fn find(out: &Path, rel: &Path) -> Option<Found> {
    let format = Format::from_extension(rel.extension()?.to_str()?)?;
    let manifest = crate::pipeline::Manifest::load(out);
    let entry = manifest
        .documents
        .get(&crate::pipeline::manifest::key(rel))?;
    let mut path = out.to_path_buf();
    let parts: Vec<_> = rel.components().collect();
    for (i, part) in parts.iter().enumerate() {
        path.push(part);
        let m = std::fs::symlink_metadata(&path).ok()?;
        let last = i + 1 == parts.len();
        let ok = if last { m.is_file() } else { m.is_dir() };
        if m.file_type().is_symlink() || !ok || (last && m.len() != entry.size) {
            return None;
        }
    }
    Some(Found {
        path,
        format,
        digest: entry.digest.clone(),
    })
}

/// Reads a found document, checking once more, on the open file, that it
/// is the plain file inside the output folder that [`find`] saw.
pub(crate) fn read(out: &Path, found: &Found) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut f = crate::safe_fs::open_file(&found.path).ok()?;
    let real_out = out.canonicalize().ok()?;
    let real = found.path.canonicalize().ok()?;
    if !real.starts_with(&real_out) || !f.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes).ok()?;
    // Still the bytes careerpress wrote, not a file swapped in since.
    (crate::pipeline::manifest::hex_digest(&bytes) == found.digest).then_some(bytes)
}

/// The media type a browser needs, and whether the file is for download
/// (DOCX and text) rather than for showing (pages and PDFs).
pub(crate) fn media_type(format: Format) -> (&'static str, bool) {
    let f = crate::pipeline::format_info(format);
    (f.media_type, f.download)
}

/// The name a download is saved under: `pals-officer-summary.txt` for
/// `eastbrook-hospitals/pals-officer/summary.txt` (ids and template names
/// are `[a-z0-9-]`, so the name needs no quoting; anything else is dropped).
pub(crate) fn download_name(rel: &Path) -> String {
    let parts: Vec<String> = rel
        .iter()
        .rev()
        .take(2)
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let name = match parts.as_slice() {
        [file, job] => format!("{job}-{file}"),
        [file] => file.clone(),
        _ => "document".into(),
    };
    name.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_cannot_name_anything_outside() {
        assert_eq!(
            relative("eastbrook-hospitals/pals-officer/page.html"),
            Some(PathBuf::from("eastbrook-hospitals/pals-officer/page.html"))
        );
        for bad in [
            "../etc/passwd",
            "a/../../x.txt",
            "%2e%2e/x.txt",
            "%2E%2E/x.txt",
            "a/%2e%2e%2f%2e%2e%2fx.txt",
            "..%2fx.txt",
            "..%5cx.txt",
            "/etc/passwd.txt",
            "%2fetc%2fpasswd.txt",
            "a//b.txt",
            "",
            ".careerpress-manifest.json",
            "a/./b.txt",
            "c:%5cwindows.txt",
            "a%00.txt",
            "%ff.txt",
        ] {
            assert_eq!(relative(bad), None, "{bad}");
        }
    }

    #[test]
    fn downloads_are_named_after_job_and_template() {
        assert_eq!(
            download_name(Path::new("eastbrook-hospitals/pals-officer/summary.txt")),
            "pals-officer-summary.txt"
        );
        assert_eq!(download_name(Path::new("x\"y.txt")), "xy.txt");
    }
}
