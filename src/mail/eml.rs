//! Where a message's `.eml` file goes, and writing it there.
//!
//! `<out>/mail/<brand>/<job>--<email>.eml`: one file a message, named so
//! that a person finds an applicant's by eye, and so that no address, however
//! odd or long, makes a name a file system refuses or two addresses share
//! one.

use super::compose::Applicant;
use super::DEFAULT_TEMPLATE;
use crate::diagnostic::Diagnostic;
use crate::pipeline;
use std::path::{Path, PathBuf};

/// `mail/<brand>/<name>`, under the output folder.
pub(super) fn rel_path(a: &Applicant, template: &str) -> PathBuf {
    PathBuf::from("mail")
        .join(&a.brand)
        .join(eml_name(a, template))
}

/// Writes the message at `out/rel` as the pipeline writes documents
/// (atomically, never through a link out of `out`).
pub(super) fn write(out: &Path, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    pipeline::write_within(out, rel, bytes)
        .map_err(|e| Diagnostic::file(out.join(rel), e.to_string()))
}

/// Longest address part of an `.eml` file name: every file system takes
/// 255 bytes a name, and an address may have 254 characters.
const MAX_SLUG: usize = 80;

/// `<job>--<email>.eml`, plus `--<template>` for a template other than the
/// default; characters unsafe in file names become `_`, with a short digest
/// so two addresses never share a file, and a long address is shortened
/// (with its digest) so the name fits any file system.
fn eml_name(a: &Applicant, template: &str) -> String {
    let email = a.email.to_string().to_lowercase();
    let mut slug: String = email
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "@.+-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if slug != email || slug.len() > MAX_SLUG {
        use sha2::{Digest, Sha256};
        let d = Sha256::digest(email.as_bytes());
        slug.truncate(MAX_SLUG - 9);
        slug.push('-');
        slug.push_str(&crate::hex(&d[..4]));
    }
    if template == DEFAULT_TEMPLATE {
        format!("{}--{slug}.eml", a.job)
    } else {
        format!("{}--{slug}--{template}.eml", a.job)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn eml_names_are_safe_and_distinct() {
        let a = |email: &str| Applicant {
            name: "A".into(),
            email: email.parse().unwrap(),
            job: "pals-officer".into(),
            brand: "b".into(),
            fields: BTreeMap::new(),
            languages: vec!["en-GB".into()],
        };
        assert_eq!(
            eml_name(&a("Ann.Smith@Example.org"), "email"),
            "pals-officer--ann.smith@example.org.eml"
        );
        assert_eq!(
            eml_name(&a("ann@example.org"), "reminder"),
            "pals-officer--ann@example.org--reminder.eml"
        );
        // The longest address there may be still makes a name any file
        // system takes, and two long ones differ.
        let long = format!(
            "{}@{}.{}.{}.org",
            "a".repeat(64),
            "b".repeat(63),
            "c".repeat(63),
            "d".repeat(57)
        );
        assert_eq!(long.len(), 254);
        let name = eml_name(&a(&long), "email");
        assert!(name.len() < 200, "{name}");
        let other = long.replacen("a@", "c@", 1);
        assert_ne!(name, eml_name(&a(&other), "email"));
        let odd = eml_name(&a("a/b@example.org"), "email");
        assert!(odd.starts_with("pals-officer--a_b@example.org-") && !odd.contains('/'));
        assert_ne!(odd, eml_name(&a("a_b@example.org"), "email"));
    }
}
