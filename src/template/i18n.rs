//! Message catalogues: every fixed word of the templates, helpers and
//! writers ("Key facts", "a year", "Page 1 of 2", month names, "and" in a
//! list) in each language, as Project Fluent files:
//! `templates/locales/<language>/*.ftl` (`en-GB`, `cy`, …). Templates ask
//! for a message by key, `{{t "key-facts"}}`; a key missing in a language a
//! document is made in is an error naming the template, the key and the
//! language.
//!
//! Which language a message is looked up in is the language being
//! rendered: the document's, or inside `{{#each_language}}` the section's.
//! Rendering is synchronous on one thread, so that is kept per thread.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use sha2::Digest;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::TemplateError;

/// One language's messages.
struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    /// Message ids, with the file and line each comes from.
    keys: BTreeMap<String, (PathBuf, usize)>,
    /// SHA-256 of every file read for the language (names and text), so a
    /// build knows which documents an edit to a catalogue touches.
    digest: Vec<u8>,
}

/// Every language's messages, loaded once per build.
#[derive(Default)]
pub struct Catalogues {
    by_tag: BTreeMap<String, Catalogue>,
    /// The folder they came from, for messages.
    dir: PathBuf,
}

impl std::fmt::Debug for Catalogues {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogues")
            .field("languages", &self.by_tag.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// Largest catalogue file read.
const MAX_FTL_BYTES: u64 = 1024 * 1024;

fn err(file: &Path, line: Option<usize>, message: String) -> TemplateError {
    TemplateError::file(file, message).at_position(line, None)
}

impl Catalogues {
    /// Loads `dir/<tag>/*.ftl`. Returns what loaded and every problem found.
    pub fn load(dir: &Path, root: &Path) -> (Catalogues, Vec<TemplateError>) {
        let mut errors = Vec::new();
        let mut by_tag = BTreeMap::new();
        let mut tags: Vec<PathBuf> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        tags.sort();
        for tag_dir in tags {
            let tag = tag_dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !crate::document::is_language_tag(&tag) {
                errors.push(err(
                    &tag_dir,
                    None,
                    format!("'{tag}' is not a language tag such as en-GB or cy: name the folder after its language"),
                ));
                continue;
            }
            let Ok(langid) = tag.parse::<unic_langid::LanguageIdentifier>() else {
                errors.push(err(
                    &tag_dir,
                    None,
                    format!("'{tag}' is not a language careerpress knows"),
                ));
                continue;
            };
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // No invisible isolation marks around values: the text goes to
            // print, not to a browser that needs them.
            bundle.set_use_isolating(false);
            let mut keys = BTreeMap::new();
            let mut files: Vec<PathBuf> = std::fs::read_dir(&tag_dir)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
                .collect();
            files.sort();
            let mut digest = sha2::Sha256::new();
            for file in files {
                if let Err(m) = crate::safe_fs::check_inside(root, &file) {
                    errors.push(err(&file, None, m));
                    continue;
                }
                let text = match std::fs::metadata(&file) {
                    Ok(m) if m.len() > MAX_FTL_BYTES => {
                        errors.push(err(
                            &file,
                            None,
                            "the catalogue is larger than 1 MiB".into(),
                        ));
                        continue;
                    }
                    _ => match crate::safe_fs::read_text_capped(&file, MAX_FTL_BYTES) {
                        Ok(t) => t,
                        Err(e) => {
                            errors.push(err(
                                &file,
                                None,
                                format!("cannot read the catalogue: {e}"),
                            ));
                            continue;
                        }
                    },
                };
                let name = file.file_name().unwrap_or_default().to_string_lossy();
                for part in [name.as_bytes(), text.as_bytes()] {
                    digest.update((part.len() as u64).to_le_bytes());
                    digest.update(part);
                }
                let line_of =
                    |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
                let resource = match FluentResource::try_new(text.clone()) {
                    Ok(r) => r,
                    Err((r, parse_errors)) => {
                        for e in parse_errors {
                            errors.push(err(
                                &file,
                                Some(line_of(e.pos.start)),
                                format!(
                                    "not a Fluent message: {}",
                                    e.kind.to_string().replace('\n', "\\n").replace('\r', "\\r")
                                ),
                            ));
                        }
                        r
                    }
                };
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        let at = text
                            .find(&format!("\n{} ", m.id.name))
                            .map_or(1, |o| line_of(o + 1));
                        if let Some((first, line)) =
                            keys.insert(m.id.name.to_string(), (file.clone(), at))
                        {
                            errors.push(err(
                                &file,
                                Some(at),
                                format!(
                                    "the message '{}' is also in {}:{line}; each key once",
                                    m.id.name,
                                    first.display()
                                ),
                            ));
                        }
                    }
                }
                // Duplicates are reported above; the first one stands.
                let _ = bundle.add_resource(resource);
            }
            let digest = digest.finalize().to_vec();
            by_tag.insert(
                tag,
                Catalogue {
                    bundle,
                    keys,
                    digest,
                },
            );
        }
        let cats = Catalogues {
            by_tag,
            dir: dir.to_path_buf(),
        };
        errors.extend(cats.check_complete());
        (cats, errors)
    }

    /// Every key of the English catalogue must be in every other, and no
    /// other may have keys English lacks: a translator sees what is missing.
    fn check_complete(&self) -> Vec<TemplateError> {
        let Some(reference) = self.by_tag.iter().find(|(t, _)| t.starts_with("en")) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (tag, cat) in &self.by_tag {
            if tag == reference.0 {
                continue;
            }
            for (key, (file, line)) in &reference.1.keys {
                if !cat.keys.contains_key(key) {
                    out.push(err(
                        &self.dir.join(tag),
                        None,
                        format!(
                            "no {} message '{key}' (it is in {}:{line})",
                            crate::content::overlay::language_name(tag),
                            file.display()
                        ),
                    ));
                }
            }
            for (key, (file, line)) in &cat.keys {
                if !reference.1.keys.contains_key(key) {
                    out.push(err(
                        file,
                        Some(*line),
                        format!(
                            "the message '{key}' is not in the {} catalogue: a misspelt key?",
                            reference.0
                        ),
                    ));
                }
            }
        }
        out
    }

    /// The catalogue for a language tag: exact (`en-GB`), else the first of
    /// the same language (`cy` for `cy-GB`, `en-GB` for `en`).
    fn catalogue(&self, tag: &str) -> Option<&Catalogue> {
        self.by_tag.get(tag).or_else(|| {
            let lang = crate::content::overlay::primary(tag);
            self.by_tag
                .iter()
                .find(|(t, _)| crate::content::overlay::primary(t) == lang)
                .map(|(_, c)| c)
        })
    }

    /// A digest of the messages a document in `tag` is written with (empty
    /// when there are none): what an edit to that language's catalogue
    /// changes, and nothing else.
    pub fn digest(&self, tag: &str) -> &[u8] {
        self.catalogue(tag).map_or(&[], |c| c.digest.as_slice())
    }

    /// Whether there are messages for a language.
    pub fn has_language(&self, tag: &str) -> bool {
        self.catalogue(tag).is_some()
    }

    /// Whether a language has a message.
    pub fn has(&self, tag: &str, key: &str) -> bool {
        self.catalogue(tag)
            .is_some_and(|c| c.keys.contains_key(key))
    }

    /// An attribute of a message (`.mutation = soft`), when it has one.
    pub fn attribute(&self, tag: &str, key: &str, attr: &str) -> Option<String> {
        let cat = self.catalogue(tag)?;
        let msg = cat.bundle.get_message(key)?;
        let pattern = msg.get_attribute(attr)?.value();
        let mut errors = Vec::new();
        Some(
            cat.bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned(),
        )
    }

    /// A message in a language, its `{ $name }` variables filled from
    /// `args`. `Err` names the key and the language.
    pub fn message(&self, tag: &str, key: &str, args: &[(&str, Arg)]) -> Result<String, String> {
        let cat = self.catalogue(tag).ok_or_else(|| {
            format!(
                "there are no {} messages: add {}/{tag}/careerpress.ftl",
                crate::content::overlay::language_name(tag),
                self.dir.display()
            )
        })?;
        let msg = cat.bundle.get_message(key).ok_or_else(|| {
            format!(
                "the message '{key}' is not in the {} catalogue ({}/{tag}/)",
                crate::content::overlay::language_name(tag),
                self.dir.display()
            )
        })?;
        let pattern = msg
            .value()
            .ok_or_else(|| format!("the message '{key}' ({tag}) has no text"))?;
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fargs.set(*name, FluentValue::from(s.as_str())),
                Arg::Number(n) => fargs.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let text = cat
            .bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned();
        match errors.first() {
            None => Ok(text),
            Some(e) => Err(format!("the message '{key}' ({tag}): {e}")),
        }
    }
}

/// A value given to a message.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

thread_local! {
    /// The languages being rendered, innermost last.
    static LANGUAGE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The catalogues of the render under way on this thread.
    static CATALOGUES: RefCell<Option<std::sync::Arc<Catalogues>>> = const { RefCell::new(None) };
}

/// The language being rendered on this thread (`en-GB` outside a render).
pub fn current() -> String {
    LANGUAGE.with(|l| l.borrow().last().cloned().unwrap_or_else(|| "en-GB".into()))
}

/// Whether a language section (`{{#each_language}}`) is open.
pub fn depth() -> usize {
    LANGUAGE.with(|l| l.borrow().len())
}

/// Renders `f` in `tag`: messages and helpers inside use that language.
pub fn within<T>(tag: &str, f: impl FnOnce() -> T) -> T {
    LANGUAGE.with(|l| l.borrow_mut().push(tag.to_string()));
    let r = f();
    LANGUAGE.with(|l| {
        l.borrow_mut().pop();
    });
    r
}

/// Runs one render with `cats` and the document's language `tag`.
pub fn rendering<T>(cats: &std::sync::Arc<Catalogues>, tag: &str, f: impl FnOnce() -> T) -> T {
    let before = CATALOGUES.with(|c| c.replace(Some(cats.clone())));
    let r = within(tag, f);
    CATALOGUES.with(|c| *c.borrow_mut() = before);
    r
}

/// An attribute of a message in the language being rendered.
pub fn attribute(key: &str, attr: &str) -> Option<String> {
    let tag = current();
    CATALOGUES.with(|c| c.borrow().as_ref()?.attribute(&tag, key, attr))
}

/// A message in the language being rendered.
pub fn message(key: &str, args: &[(&str, Arg)]) -> Result<String, String> {
    let tag = current();
    CATALOGUES.with(|c| match c.borrow().as_ref() {
        Some(cats) => cats.message(&tag, key, args),
        None => Err(format!("no message catalogues to look '{key}' up in")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn messages_by_language_with_variables_and_plurals() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "en-GB/a.ftl", "key-facts = Key facts\npage-of = Page { $page } of { $pages }\nform = { $n ->\n    [one] one\n   *[other] other\n}\n");
        write(d.path(), "cy/a.ftl", "key-facts = Ffeithiau allweddol\npage-of = Tudalen { $page } o { $pages }\nform = one\n");
        let (c, e) = Catalogues::load(d.path(), d.path());
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(
            c.message("cy", "key-facts", &[]).unwrap(),
            "Ffeithiau allweddol"
        );
        assert_eq!(
            c.message("cy-GB", "key-facts", &[]).unwrap(),
            "Ffeithiau allweddol"
        );
        assert_eq!(c.message("en", "key-facts", &[]).unwrap(), "Key facts");
        let args = [
            ("page", Arg::Text("1".into())),
            ("pages", Arg::Text("2".into())),
        ];
        assert_eq!(c.message("cy", "page-of", &args).unwrap(), "Tudalen 1 o 2");
        assert_eq!(
            c.message("en-GB", "form", &[("n", Arg::Number(2.0))])
                .unwrap(),
            "other"
        );
        assert_eq!(
            c.message("en-GB", "form", &[("n", Arg::Number(1.0))])
                .unwrap(),
            "one"
        );
        let e = c.message("cy", "nope", &[]).unwrap_err();
        assert!(e.contains("'nope'") && e.contains("Welsh"), "{e}");
        assert!(c.message("fr", "key-facts", &[]).is_err());
    }

    #[test]
    fn a_key_missing_from_a_language_is_reported() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "en-GB/a.ftl", "one = One\ntwo = Two\n");
        write(
            d.path(),
            "cy/a.ftl",
            "one = Un\nthree = Tri\nbroken = { $\n",
        );
        let (_, e) = Catalogues::load(d.path(), d.path());
        let m: Vec<String> = e.iter().map(|e| e.to_string()).collect();
        assert!(
            m.iter().any(|m| m.contains("no Welsh message 'two'")),
            "{m:?}"
        );
        assert!(
            m.iter()
                .any(|m| m.contains("'three' is not in the en-GB catalogue")),
            "{m:?}"
        );
        assert!(
            m.iter()
                .any(|m| m.contains("a.ftl:3: not a Fluent message")),
            "{m:?}"
        );
    }
}
