//! Incremental builds: a manifest under the output folder records, for each
//! document careerpress wrote, a digest of everything it was made from and
//! a digest of the file it wrote. A document whose inputs are unchanged and
//! whose file is still exactly what was written is not made again; a file
//! edited, replaced or swapped for a link is.
//!
//! There is one manifest per output folder, whoever writes into it (a full
//! build, a narrowed one, each shard, `watch`): each run merges what it did
//! into the manifest on disk under a lock (see [`super::lock`]), so no run's
//! record is lost and every run sees what the others built. The manifest is
//! also the list of files careerpress owns: `--clean` removes only files
//! named in it.

use super::lock::ManifestLock;
use super::plan::Target;
use super::Project;
use crate::content::translations::Translation;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What the manifest knows of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Digest of every input; empty when the last attempt failed, so the
    /// document is made again next time (and stays known, for `--clean`).
    pub inputs: String,
    /// Size of the file written (a quick check before the digest).
    pub size: u64,
    /// SHA-256 of the file written, as hex.
    pub digest: String,
    /// The file's size, times and inode when its digest was last checked:
    /// while they all stay the same the file has not been touched, and is
    /// not read again (see [`Stamp`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stamp: Option<Stamp>,
    /// Which part of the matrix made it.
    #[serde(default)]
    pub job: String,
    #[serde(default)]
    pub brand: String,
    #[serde(default)]
    pub template: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// careerpress version that wrote it.
    pub version: String,
    /// Relative path → entry.
    pub documents: BTreeMap<String, Entry>,
}

/// The manifest's file name.
pub const MANIFEST_FILE: &str = ".careerpress-manifest.json";

/// Where the manifest of an output folder is.
pub fn manifest_path(out: &Path) -> PathBuf {
    out.join(MANIFEST_FILE)
}

/// A change one run makes to the manifest.
#[derive(Debug, Clone)]
pub enum Change {
    /// The document was built or checked up to date: record it.
    Set(String, Entry),
    /// The document failed: keep it known (so `--clean` can still remove
    /// its old file) but make sure it is built again.
    Failed(String, Option<Entry>),
    /// The file was removed by `--clean`.
    Remove(String),
}

/// What the file system says of a file: size, modification and change
/// times to the nanosecond, inode and device. Writing a file changes its
/// change time (`ctime`), which no program can set back, and replacing it
/// changes its inode; so a file whose stamp is unchanged still holds the
/// bytes whose digest was recorded with it, and a no-change rebuild checks
/// thousands of files without reading them. A stamp is kept only once it is
/// older than the file system's clock tick (see [`Stamp::settled`]): an edit
/// within the same tick as careerpress's own write would leave the times
/// unchanged, so such a file is read and hashed once more next time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub mtime: (i64, i64),
    pub ctime: (i64, i64),
    pub ino: u64,
    pub dev: u64,
}

impl Stamp {
    /// The stamp of the regular file at `path` (`None` for anything else,
    /// and on systems without inodes).
    pub fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::symlink_metadata(path).ok()?;
        if !m.file_type().is_file() {
            return None;
        }
        Stamp::from_metadata(&m)
    }

    #[cfg(unix)]
    fn from_metadata(m: &std::fs::Metadata) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        Some(Stamp {
            len: m.len(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
            ino: m.ino(),
            dev: m.dev(),
        })
    }

    #[cfg(not(unix))]
    fn from_metadata(_: &std::fs::Metadata) -> Option<Stamp> {
        None
    }

    /// Whether the stamp is old enough to trust at `now` (seconds and
    /// nanoseconds since 1970): its change time at least 100 ms past on a
    /// file system with sub-second times, 2 s past on one without (a stamp
    /// whose nanoseconds are all zero).
    fn settled(&self, now: (i64, i64)) -> bool {
        let margin_ns: i128 = if self.ctime.1 == 0 {
            2_000_000_000
        } else {
            100_000_000
        };
        let ns = |(s, n): (i64, i64)| i128::from(s) * 1_000_000_000 + i128::from(n);
        ns(now) - ns(self.ctime) >= margin_ns
    }
}

fn now() -> (i64, i64) {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    (d.as_secs() as i64, i64::from(d.subsec_nanos()))
}

impl Manifest {
    /// Reads the manifest of `out`; an empty one when missing or unreadable
    /// (then everything is simply rebuilt). Manifests that older versions
    /// wrote per shard (`.careerpress-manifest-K-of-N.json`) are read in.
    pub fn load(out: &Path) -> Manifest {
        let mut m = read(&manifest_path(out)).unwrap_or_default();
        for (_, old) in shard_manifests(out) {
            for (k, e) in old.documents {
                m.documents.entry(k).or_insert(e);
            }
        }
        m
    }

    /// Merges `changes` into the manifest on disk, under the manifest lock,
    /// and writes it; returns the merged manifest.
    pub fn update(out: &Path, changes: Vec<Change>) -> std::io::Result<Manifest> {
        let _lock = ManifestLock::take(out)?;
        let mut m = Manifest::load(out);
        for c in changes {
            match c {
                Change::Set(k, e) => {
                    m.documents.insert(k, e);
                }
                Change::Failed(k, fallback) => match (m.documents.get_mut(&k), fallback) {
                    (Some(e), _) => e.inputs.clear(),
                    (None, Some(e)) => {
                        m.documents.insert(k, e);
                    }
                    (None, None) => {}
                },
                Change::Remove(k) => {
                    m.documents.remove(&k);
                }
            }
        }
        m.version = BUILD_ID.to_string();
        let now = now();
        for e in m.documents.values_mut() {
            if e.stamp.as_ref().is_some_and(|s| !s.settled(now)) {
                e.stamp = None;
            }
        }
        let bytes = serde_json::to_vec_pretty(&m).map_err(std::io::Error::other)?;
        super::write_atomic(&manifest_path(out), &bytes)?;
        for (path, _) in shard_manifests(out) {
            let _ = std::fs::remove_file(path);
        }
        Ok(m)
    }

    /// The record of `target` when it is up to date in `out` (same inputs,
    /// and the file there is a regular file with exactly the bytes
    /// written), with the file's current stamp; `None` when it must be made.
    pub fn fresh(&self, out: &Path, target: &Target, inputs: &str) -> Option<Entry> {
        let key = key(&target.path);
        let e = self.documents.get(&key)?;
        if e.inputs.is_empty() || e.inputs != inputs {
            return None;
        }
        let path = out.join(&target.path);
        let stamp = Stamp::of(&path);
        if stamp.is_some() && stamp == e.stamp {
            return Some(e.clone());
        }
        // Not known untouched: read it.
        if file_digest(&path, e.size).as_deref() != Some(&e.digest) {
            return None;
        }
        let mut e = e.clone();
        e.stamp = stamp.filter(|s| s.len == e.size);
        Some(e)
    }
}

/// Largest manifest read (some 50,000 documents).
const MAX_MANIFEST_BYTES: u64 = 64 * 1024 * 1024;

fn read(path: &Path) -> Option<Manifest> {
    crate::safe_fs::read_capped(path, MAX_MANIFEST_BYTES)
        .ok()
        .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
        .map(|mut m| {
            // The manifest says which files careerpress may remove: a
            // tampered entry must never reach outside the output folder.
            m.documents.retain(|k, _| safe_key(k));
            m
        })
}

/// Per-shard manifests an older version left in `out`.
fn shard_manifests(out: &Path) -> Vec<(PathBuf, Manifest)> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, Manifest)> = entries
        .flatten()
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(".careerpress-manifest-") && n.ends_with(".json")
        })
        .filter_map(|e| read(&e.path()).map(|m| (e.path(), m)))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// SHA-256 of bytes, as hex.
pub fn hex_digest(bytes: &[u8]) -> String {
    crate::hex(&Sha256::digest(bytes))
}

/// The digest of the regular file at `path` when it has `size` bytes;
/// `None` for a missing file, a link, a folder or another size.
fn file_digest(path: &Path, size: u64) -> Option<String> {
    let m = std::fs::symlink_metadata(path).ok()?;
    if !m.file_type().is_file() || m.len() != size {
        return None;
    }
    crate::safe_fs::read_capped(path, size)
        .ok()
        .map(|b| hex_digest(&b))
}

/// An entry for a file found where a failed document belongs, so that a
/// later `--clean` can still remove it.
pub fn found_entry(out: &Path, t: &Target) -> Option<Entry> {
    let path = out.join(&t.path);
    let m = std::fs::symlink_metadata(&path).ok()?;
    if !m.file_type().is_file() {
        return None;
    }
    Some(Entry {
        inputs: String::new(),
        size: m.len(),
        digest: file_digest(&path, m.len())?,
        stamp: None,
        job: t.job.clone(),
        brand: t.brand.clone(),
        template: t.template.clone(),
    })
}

/// A relative path of plain names: no `..`, no root, no drive, no backslash.
pub fn safe_key(key: &str) -> bool {
    !key.is_empty()
        && !key.contains('\\')
        && !key.contains('\0')
        && Path::new(key)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// A manifest key: the relative path with `/` separators.
pub fn key(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Digests of the inputs, computed once per job, brand, template and
/// language: everything a document is made from. The binary itself (its
/// code, not only its version number), `SOURCE_DATE_EPOCH`, the bundled
/// fonts and `careerpress.yaml` reach every document; a job or a brand
/// (its YAML, logo and fonts) only its own; a template (its source, the
/// settings in it and the partials it can include) only its own; and a language's text (the
/// job's and the brand's translations into it, its message catalogue)
/// only the documents written in that language.
pub struct InputDigests {
    global: Vec<u8>,
    jobs: BTreeMap<String, Vec<u8>>,
    brands: BTreeMap<String, Vec<u8>>,
    templates: BTreeMap<String, Vec<u8>>,
    /// (job or brand id, language) → digest of its translation, for the
    /// languages the originals have translations in.
    job_texts: BTreeMap<(String, String), Vec<u8>>,
    brand_texts: BTreeMap<(String, String), Vec<u8>>,
    /// Language → digest of its message catalogue.
    messages: BTreeMap<String, Vec<u8>>,
}

/// The identity of this careerpress: its version and a digest of its code
/// (see `build.rs`).
pub const BUILD_ID: &str = env!("CAREERPRESS_BUILD_ID");

/// The digest of a translation as a document in `tag` would use it:
/// the merged text and whether it is a draft (`None`: no translation).
fn translation_digest<T: Serialize>(t: Option<&Translation<T>>) -> Vec<u8> {
    match t {
        None => digest(&[b"none"]),
        Some(t) => digest(&[
            t.file.file_name().unwrap_or_default().as_encoded_bytes(),
            &json(&t.value),
            &[u8::from(!t.placeholders.is_empty())],
        ]),
    }
}

fn digest(parts: &[&[u8]]) -> Vec<u8> {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize().to_vec()
}

impl InputDigests {
    pub fn new(project: &Project) -> InputDigests {
        let fonts = project
            .fonts
            .as_ref()
            .map(|f| f.id.clone())
            .unwrap_or_default();
        let global = digest(&[
            BUILD_ID.as_bytes(),
            std::env::var("SOURCE_DATE_EPOCH")
                .unwrap_or_default()
                .as_bytes(),
            fonts.as_bytes(),
            &json(&project.settings),
        ]);
        let jobs = project
            .content
            .jobs
            .iter()
            .map(|(id, j)| {
                (
                    id.clone(),
                    digest(&[&json(&j.job), &[u8::from(j.is_draft())]]),
                )
            })
            .collect();
        let brands = project
            .content
            .brands
            .iter()
            .map(|(id, b)| {
                let fonts: Vec<u8> = b
                    .fonts
                    .iter()
                    .flat_map(|f| f.faces.iter().flat_map(|x| digest(&[x])))
                    .collect();
                (
                    id.clone(),
                    digest(&[
                        &json(&b.brand),
                        &b.logo.bytes,
                        &fonts,
                        &[u8::from(b.is_draft())],
                    ]),
                )
            })
            .collect();
        let templates = project
            .templates
            .templates
            .iter()
            .map(|(n, t)| {
                let partials = &project.templates.partials;
                let used: Vec<u8> =
                    crate::template::recursion::reachable_partials(&t.source, partials)
                        .iter()
                        .flat_map(|p| digest(&[p.as_bytes(), partials[p].as_bytes()]))
                        .collect();
                (
                    n.clone(),
                    digest(&[n.as_bytes(), t.source.as_bytes(), &used]),
                )
            })
            .collect();
        let languages = project.languages();
        let mut job_texts = BTreeMap::new();
        let mut brand_texts = BTreeMap::new();
        let mut messages = BTreeMap::new();
        for tag in &languages {
            for (id, j) in &project.content.jobs {
                job_texts.insert(
                    (id.clone(), tag.clone()),
                    translation_digest(j.translations.get(tag)),
                );
            }
            for (id, b) in &project.content.brands {
                brand_texts.insert(
                    (id.clone(), tag.clone()),
                    translation_digest(b.translations.get(tag)),
                );
            }
            let cats = project.templates.catalogues();
            messages.insert(tag.clone(), digest(&[tag.as_bytes(), cats.digest(tag)]));
        }
        InputDigests {
            global,
            jobs,
            brands,
            templates,
            job_texts,
            brand_texts,
            messages,
        }
    }

    /// The digest of one document's inputs, as hex.
    pub fn of(&self, t: &Target) -> String {
        let get = |m: &BTreeMap<String, Vec<u8>>, k: &str| m.get(k).cloned().unwrap_or_default();
        let text = |m: &BTreeMap<(String, String), Vec<u8>>, id: &str, tag: &str| {
            m.get(&(id.to_string(), tag.to_string()))
                .cloned()
                .unwrap_or_default()
        };
        let languages: Vec<u8> = t
            .languages
            .iter()
            .flat_map(|tag| {
                digest(&[
                    tag.as_bytes(),
                    &text(&self.job_texts, &t.job, tag),
                    &text(&self.brand_texts, &t.brand, tag),
                    &get(&self.messages, tag),
                ])
            })
            .collect();
        let d = digest(&[
            &self.global,
            &get(&self.jobs, &t.job),
            &get(&self.brands, &t.brand),
            &get(&self.templates, &t.template),
            &languages,
            &[u8::from(t.print)],
            key(&t.path).as_bytes(),
        ]);
        crate::hex(&d[..16])
    }
}

/// A model as JSON bytes, for digests: comments and formatting in the YAML
/// do not count as changes, only values do.
fn json<T: Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).unwrap_or_default()
}
