//! Gives the binary an identity of its own code, `CAREERPRESS_BUILD_ID`:
//! a digest of `src/`, `Cargo.toml` and `Cargo.lock`. Every document's input
//! digest includes it, so a new careerpress (even one that keeps its version
//! number) makes every document again instead of trusting what an older one
//! wrote.

use std::hash::Hasher;
use std::path::Path;

fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, files);
        } else {
            files.push(p);
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("Cargo.toml"), root.join("Cargo.lock")];
    walk(&root.join("src"), &mut files);
    files.sort();
    // Two differently seeded 64-bit digests: 128 bits of identity.
    let mut a = std::collections::hash_map::DefaultHasher::new();
    let mut b = std::collections::hash_map::DefaultHasher::new();
    b.write(b"careerpress");
    for f in &files {
        let rel = f.strip_prefix(root).unwrap_or(f);
        let bytes = std::fs::read(f).unwrap_or_default();
        for h in [&mut a, &mut b] {
            h.write(rel.to_string_lossy().as_bytes());
            h.write_u64(bytes.len() as u64);
            h.write(&bytes);
        }
    }
    println!(
        "cargo:rustc-env=CAREERPRESS_BUILD_ID={}-{:016x}{:016x}",
        env!("CARGO_PKG_VERSION"),
        a.finish(),
        b.finish()
    );
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.toml");
    println!("cargo:rerun-if-changed=Cargo.lock");
}
