//! Incremental builds: a manifest under the output folder records, for each
//! document careerpress wrote, a digest of everything it was made from. A
//! document whose inputs are unchanged (and whose file is still there) is
//! not made again. The manifest is also the list of files careerpress
//! owns: `--clean` removes only files named in it.

use super::plan::{Shard, Target};
use super::Project;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What the manifest knows of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Digest of every input.
    pub inputs: String,
    /// Size of the file written, to notice a file changed or truncated by hand.
    pub size: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// careerpress version that wrote it.
    pub version: String,
    /// Relative path → entry.
    pub documents: BTreeMap<String, Entry>,
}

/// The manifest's file name: one per shard, so the shards of one build can
/// share an output folder.
pub fn manifest_path(out: &Path, shard: Option<Shard>) -> PathBuf {
    match shard {
        None => out.join(".careerpress-manifest.json"),
        Some(s) => out.join(format!(
            ".careerpress-manifest-{}-of-{}.json",
            s.index, s.count
        )),
    }
}

impl Manifest {
    /// Reads the manifest; an empty one when missing or unreadable (then
    /// everything is simply rebuilt).
    pub fn load(path: &Path) -> Manifest {
        std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
            .filter(|m| m.version == env!("CARGO_PKG_VERSION"))
            .map(|mut m| {
                // The manifest says which files careerpress may remove: a
                // tampered entry must never reach outside the output folder.
                m.documents.retain(|k, _| safe_key(k));
                m
            })
            .unwrap_or_default()
    }

    pub fn save(&mut self, path: &Path) -> std::io::Result<()> {
        self.version = env!("CARGO_PKG_VERSION").to_string();
        let bytes = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        super::write_atomic(path, &bytes)
    }

    /// Whether `target` is up to date in `out`.
    pub fn fresh(&self, out: &Path, target: &Target, inputs: &str) -> bool {
        let key = key(&target.path);
        match self.documents.get(&key) {
            Some(e) if e.inputs == inputs => {
                std::fs::metadata(out.join(&target.path)).is_ok_and(|m| m.len() == e.size)
            }
            _ => false,
        }
    }
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

/// Digests of the inputs, computed once per job, brand and template.
pub struct InputDigests {
    global: Vec<u8>,
    jobs: BTreeMap<String, Vec<u8>>,
    brands: BTreeMap<String, Vec<u8>>,
    templates: BTreeMap<String, Vec<u8>>,
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
        let partials: Vec<u8> = project
            .templates
            .partials
            .iter()
            .flat_map(|(n, s)| digest(&[n.as_bytes(), s.as_bytes()]))
            .collect();
        let fonts = project
            .fonts
            .as_ref()
            .map(|f| f.id.clone())
            .unwrap_or_default();
        let global = digest(&[
            env!("CARGO_PKG_VERSION").as_bytes(),
            std::env::var("SOURCE_DATE_EPOCH")
                .unwrap_or_default()
                .as_bytes(),
            fonts.as_bytes(),
            &partials,
            &json(&project.settings),
        ]);
        let jobs = project
            .content
            .jobs
            .iter()
            .map(|(id, j)| (id.clone(), digest(&[&json(&j.job)])))
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
                    digest(&[&json(&b.brand), &b.logo.bytes, &fonts]),
                )
            })
            .collect();
        let templates = project
            .templates
            .templates
            .iter()
            .map(|(n, t)| (n.clone(), digest(&[n.as_bytes(), t.source.as_bytes()])))
            .collect();
        InputDigests {
            global,
            jobs,
            brands,
            templates,
        }
    }

    /// The digest of one document's inputs, as hex.
    pub fn of(&self, t: &Target) -> String {
        let get = |m: &BTreeMap<String, Vec<u8>>, k: &str| m.get(k).cloned().unwrap_or_default();
        let d = digest(&[
            &self.global,
            &get(&self.jobs, &t.job),
            &get(&self.brands, &t.brand),
            &get(&self.templates, &t.template),
            key(&t.path).as_bytes(),
        ]);
        d.iter().take(16).map(|b| format!("{b:02x}")).collect()
    }
}

/// A model as JSON bytes, for digests: comments and formatting in the YAML
/// do not count as changes, only values do.
fn json<T: Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).unwrap_or_default()
}
