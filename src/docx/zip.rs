//! The zip itself: every entry dated with the document's own date (docx-rs
//! would date them 1980; the clock would make every build differ), XML
//! deflated, pictures stored as they are.
//!
//! Most parts of a handout are the same for every document of a trust
//! (styles, theme, settings, header, footer, numbering): a build of 200
//! jobs deflates each of them once. [`Deflated`] keeps their compressed
//! form by content, and the package copies it in raw. A part is compressed
//! into its one-entry archive whether or not it was seen before, so the
//! file is the same either way.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};
use std::sync::{Arc, Mutex};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// A finished part: its path in the package and its bytes.
pub(crate) struct Part {
    pub path: String,
    pub bytes: Arc<Vec<u8>>,
    /// The same for every document of a trust (and template): its
    /// compressed form is kept.
    pub shared: bool,
}

impl Part {
    /// A part of this document alone.
    pub(crate) fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Part {
        Part::media(path, Arc::new(bytes.into()))
    }

    /// A part many documents have in common.
    pub(crate) fn shared(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Part {
        Part::shared_arc(path, Arc::new(bytes.into()))
    }

    /// A shared part whose bytes are kept elsewhere too.
    pub(crate) fn shared_arc(path: impl Into<String>, bytes: Arc<Vec<u8>>) -> Part {
        Part {
            shared: true,
            ..Part::media(path, bytes)
        }
    }

    /// A picture (or any part) whose bytes are kept elsewhere too.
    pub(crate) fn media(path: impl Into<String>, bytes: Arc<Vec<u8>>) -> Part {
        Part {
            path: path.into(),
            bytes,
            shared: false,
        }
    }

    fn is_media(&self) -> bool {
        self.path.starts_with("word/media/")
    }
}

/// A shared part's path and length: where to look for its compressed copy.
type PartKey = (String, usize);

/// Compressed shared parts, by path and length, then by content.
#[derive(Debug, Default)]
pub(crate) struct Deflated(Mutex<BTreeMap<PartKey, Vec<Arc<Entry>>>>);

#[derive(Debug)]
pub(crate) struct Entry {
    bytes: Arc<Vec<u8>>,
    /// A zip archive holding only this part, deflated, read once.
    archive: ZipArchive<Cursor<Arc<[u8]>>>,
}

/// Distinct shared parts kept at most; beyond that they are compressed
/// afresh each time.
const DEFLATED_MAX: usize = 2_048;

impl Deflated {
    fn entry(&self, part: &Part) -> zip::result::ZipResult<Arc<Entry>> {
        let key = (part.path.clone(), part.bytes.len());
        // A poisoned lock only means another render panicked mid-insert of
        // a complete value; the map is still sound.
        let lock = || self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = lock()
            .get(&key)
            .and_then(|v| v.iter().find(|e| e.bytes == part.bytes))
        {
            return Ok(Arc::clone(found));
        }
        // Compressed outside the lock, so other threads do not wait.
        let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(part.bytes.len() / 3 + 256)));
        zip.start_file(
            part.path.as_str(),
            options(DateTime::default(), SHARED_LEVEL),
        )?;
        zip.write_all(part.bytes.as_slice())?;
        let archive: Arc<[u8]> = zip.finish()?.into_inner().into();
        let entry = Arc::new(Entry {
            bytes: Arc::clone(&part.bytes),
            archive: ZipArchive::new(Cursor::new(archive))?,
        });
        let mut map = lock();
        if map.len() < DEFLATED_MAX {
            map.entry(key).or_default().push(Arc::clone(&entry));
        }
        Ok(entry)
    }
}

/// Deflate level for a shared part, compressed once per build.
const SHARED_LEVEL: i64 = 6;
/// Deflate level for a part of one document: measured on a handout's
/// `document.xml`, level 5 is 0.7 % larger than level 6 in just over half
/// the time (zlib-rs switches to its slower lazy matching at 6).
const DOCUMENT_LEVEL: i64 = 5;

/// How XML parts are stored: deflated at `level`, readable by everyone.
fn options(stamp: DateTime, level: i64) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(level))
        .last_modified_time(stamp)
        .unix_permissions(0o644)
}

/// Packs `parts` in order (`[Content_Types].xml` must be first), every
/// entry dated `created`.
pub(crate) fn zip(
    parts: &[Part],
    created: i64,
    cache: &Deflated,
) -> zip::result::ZipResult<Vec<u8>> {
    let size: usize = parts
        .iter()
        .map(|p| {
            if p.is_media() {
                p.bytes.len()
            } else {
                p.bytes.len() / 4
            }
        })
        .sum::<usize>()
        + 4_096;
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(size)));
    let stamp = zip_date(created);
    let xml = options(stamp, DOCUMENT_LEVEL);
    let stored = xml
        .compression_method(CompressionMethod::Stored)
        .compression_level(None);
    for part in parts {
        if part.shared {
            let mut archive = cache.entry(part)?.archive.clone();
            zip.raw_copy_file_touch(archive.by_index_raw(0)?, stamp, Some(0o644))?;
        } else {
            zip.start_file(
                part.path.as_str(),
                if part.is_media() { stored } else { xml },
            )?;
            zip.write_all(part.bytes.as_slice())?;
        }
    }
    Ok(zip.finish()?.into_inner())
}

/// The zip timestamp: the document's date where zip can hold it (1980 to
/// 2107), else the zip epoch.
fn zip_date(created: i64) -> DateTime {
    let (y, mo, d, h, mi, s) = civil(created);
    u16::try_from(y)
        .ok()
        .and_then(|y| DateTime::from_date_and_time(y, mo, d, h, mi, s).ok())
        .unwrap_or_default()
}

/// Seconds since the Unix epoch as (year, month, day, hour, minute,
/// second), UTC.
pub(crate) fn civil(secs: i64) -> (i64, u8, u8, u8, u8, u8) {
    let c = crate::document::date::Civil::from_epoch(secs);
    let b = |v: u32| v as u8;
    (
        c.year,
        b(c.month),
        b(c.day),
        b(c.hour),
        b(c.minute),
        b(c.second),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn zip_dates_fall_back_to_the_zip_epoch() {
        assert_eq!(zip_date(0), DateTime::default());
        let d = zip_date(1_709_251_199);
        assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
    }

    #[test]
    fn shared_parts_come_out_the_same_whether_kept_or_not() {
        let parts = || {
            vec![
                Part::shared("word/styles.xml", "<a>styles</a>".repeat(50)),
                Part::new("word/document.xml", "<b/>"),
            ]
        };
        let cache = Deflated::default();
        let cold = zip(&parts(), 1_709_251_199, &cache).unwrap();
        let warm = zip(&parts(), 1_709_251_199, &cache).unwrap();
        assert_eq!(cold, warm);
        assert_eq!(
            zip(&parts(), 1_709_251_199, &Deflated::default()).unwrap(),
            cold
        );
        // The kept entry is re-dated and reads back whole.
        let other_day = zip(&parts(), 1_000_000_000, &cache).unwrap();
        let mut archive = ZipArchive::new(Cursor::new(other_day)).unwrap();
        let mut styles = archive.by_name("word/styles.xml").unwrap();
        assert_eq!(styles.last_modified().unwrap().year(), 2001);
        assert_eq!(styles.compression(), CompressionMethod::Deflated);
        let mut text = String::new();
        styles.read_to_string(&mut text).unwrap();
        assert_eq!(text, "<a>styles</a>".repeat(50));
    }
}
