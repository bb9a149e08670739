//! One applicant → one RFC 5322 message, on the same pipeline as every
//! other document: the mail template renders markup (with `applicant`
//! added to what templates see), the markup is parsed into a `Document`,
//! and the pipeline hands it to the text writer, which wraps it for the
//! body. lettre's message builder writes the headers and the MIME
//! structure.
//!
//! The first line the template renders is the subject, `Subject: …`; it is
//! taken off before the rest is parsed as the body.
//!
//! Everything lettre would make up at random is fixed here, so the same
//! input and `SOURCE_DATE_EPOCH` give byte-identical `.eml` files: the
//! Message-ID and the MIME boundary are digests of the message itself.

use crate::content::{LoadedBrand, LoadedJob};
use crate::diagnostic::Diagnostic;
use crate::document::{markup, Block, Document, Inline, Meta, Theme};
use crate::pipeline::{self, Project, Target, Writers};
use crate::template::Format;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{Address, Message};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, UNIX_EPOCH};

/// Mail bodies are wrapped at most this wide (RFC 5322's 78 columns).
pub const MAX_BODY_WIDTH: usize = 78;

/// One applicant from a recipients row.
#[derive(Debug, Clone)]
pub struct Applicant {
    pub name: String,
    pub email: Address,
    pub job: String,
    pub brand: String,
    /// Every column of the row, by header name (`name`, `email`, `job`,
    /// `brand` and any other), as the template sees them in `applicant`.
    pub fields: BTreeMap<String, String>,
    /// The message's languages, its own first: the row's `language`
    /// (`cy`, `en`), else the brand's (Welsh first for a Welsh board).
    pub languages: Vec<String>,
}

/// A finished message.
#[derive(Debug, Clone)]
pub struct Composed {
    pub subject: String,
    /// The plain-text body as rendered (LF line ends).
    pub body: String,
    pub message_id: String,
    /// File names of the attachments.
    pub attachments: Vec<String>,
    pub message: Message,
    /// The whole message as sent and saved (CRLF line ends).
    pub bytes: Vec<u8>,
}

/// An attachment made once per job × brand and shared by every applicant.
#[derive(Debug, Clone)]
struct Attached {
    name: String,
    mime: &'static str,
    bytes: Vec<u8>,
}

/// What a set of attachments is made for: job, brand and languages.
type AttachmentKey = (String, String, Vec<String>);

/// Makes messages for one mail template; caches themes and attachments.
pub struct Composer<'a> {
    project: &'a Project,
    template: String,
    /// Seconds since the epoch: the Date header and `build.date`.
    epoch: i64,
    attach: Vec<Format>,
    writers: Writers,
    themes: BTreeMap<String, Theme>,
    attachments: BTreeMap<AttachmentKey, Result<Vec<Attached>, Diagnostic>>,
}

impl<'a> Composer<'a> {
    pub fn new(project: &'a Project, template: &str, epoch: i64, attach: &[Format]) -> Self {
        Composer {
            project,
            template: template.to_string(),
            epoch,
            attach: attach.to_vec(),
            writers: Writers::default(),
            themes: BTreeMap::new(),
            attachments: BTreeMap::new(),
        }
    }

    /// The message for one applicant, whose job and brand exist.
    pub fn compose(&mut self, a: &Applicant) -> Result<Composed, Diagnostic> {
        let job = &self.project.content.jobs[&a.job];
        let brand = &self.project.content.brands[&a.brand];
        let (subject, body) = self.render(a, job, brand)?;
        let attachments = self.attachments(&a.job, &a.brand, &a.languages)?;
        let service = a
            .languages
            .first()
            .and_then(|l| brand.translations.get(l))
            .map_or(&brand.brand.contact.service, |t| &t.value.contact.service);

        let from_address: Address = brand.brand.contact.email.as_str().parse().map_err(|e| {
            Diagnostic::file(
                &brand.file,
                format!("contact.email cannot be a From address: {e}"),
            )
        })?;
        let from = Mailbox::new(Some(service.to_string()), from_address);
        let to = Mailbox::new(Some(a.name.clone()), a.email.clone());

        // Digest of everything the message says: a new message gets a new id.
        let mut h = Sha256::new();
        for part in [
            a.brand.as_str(),
            a.job.as_str(),
            self.template.as_str(),
            &a.email.to_string().to_lowercase(),
            &self.epoch.to_string(),
            &subject,
            &body,
        ] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        for att in &attachments {
            h.update((att.bytes.len() as u64).to_le_bytes());
            h.update(&att.bytes);
        }
        let digest = crate::hex(&h.finalize());
        let message_id = format!("<{}@{}>", &digest[..32], from.email.domain());

        let builder = Message::builder()
            .from(from.clone())
            .reply_to(from)
            .to(to)
            .subject(subject.clone())
            .date(UNIX_EPOCH + Duration::from_secs(u64::try_from(self.epoch).unwrap_or(0)))
            .message_id(Some(message_id.clone()));
        // lettre ends every part with a line break of its own.
        let text = SinglePart::builder()
            .header(ContentType::TEXT_PLAIN)
            .body(body.trim_end_matches('\n').to_string());
        let built = if attachments.is_empty() {
            builder.singlepart(text)
        } else {
            let mut parts = MultiPart::mixed()
                .boundary(format!("careerpress-{}", &digest[32..64]))
                .singlepart(text);
            for att in &attachments {
                let mime = ContentType::parse(att.mime).map_err(|e| e.to_string())?;
                parts = parts
                    .singlepart(Attachment::new(att.name.clone()).body(att.bytes.clone(), mime));
            }
            builder.multipart(parts)
        };
        let message =
            built.map_err(|e| Diagnostic::error(format!("cannot build the message: {e}")))?;
        Ok(Composed {
            subject,
            body,
            message_id,
            attachments: attachments.iter().map(|a| a.name.clone()).collect(),
            bytes: message.formatted(),
            message,
        })
    }

    /// Template → (subject, wrapped body).
    fn render(
        &mut self,
        a: &Applicant,
        job: &LoadedJob,
        brand: &LoadedBrand,
    ) -> Result<(String, String), Diagnostic> {
        let file = self.project.templates.templates[&self.template]
            .file
            .clone();
        let target = Target {
            brand: a.brand.clone(),
            job: a.job.clone(),
            template: self.template.clone(),
            format: Format::Txt,
            path: PathBuf::new(),
            languages: a.languages.clone(),
            print: false,
        };
        let mut data = self.project.templates.context(
            job,
            brand,
            &pipeline::iso_date(self.epoch),
            &a.languages,
            pipeline::layout(self.project, &target),
        );
        if let Value::Object(m) = &mut data {
            let fields = a
                .fields
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect();
            m.insert("applicant".into(), Value::Object(fields));
        }
        let markup = self.project.templates.render(&self.template, &data)?;
        let (subject_src, body_src) = split_subject(&markup).ok_or_else(|| {
            Diagnostic::file(
                &file,
                "the template must render 'Subject: …' as its first line",
            )
        })?;
        let parse_err = |e: markup::MarkupError| {
            Diagnostic::file(
                &file,
                format!("the template made markup that does not parse: {e}"),
            )
        };
        let subject = plain_text(&markup::parse(subject_src).map_err(parse_err)?);
        if subject.is_empty() {
            return Err(Diagnostic::file(&file, "the subject is empty"));
        }
        let blocks = markup::parse(body_src).map_err(parse_err)?;
        let doc = Document {
            meta: Meta {
                title: subject.clone(),
                author: brand.brand.name.to_string(),
                subject: subject.clone(),
                keywords: Vec::new(),
                language: crate::document::regional(
                    a.languages.first().map_or("en-GB", String::as_str),
                ),
                created: self.epoch,
                source: job.file.display().to_string(),
                draft: false,
                labels: pipeline::labels(self.project, &a.languages),
                alternates: Vec::new(),
            },
            blocks,
        };
        self.load_theme(&a.brand, &a.job)?;
        let rendered =
            pipeline::render_document(&doc, &self.themes[&a.brand], self.writers.get(Format::Txt))?;
        let body = String::from_utf8(rendered.bytes).map_err(|e| e.to_string())?;
        Ok((subject, body))
    }

    /// Makes the mail template's theme for a brand (at most 78 columns
    /// wide) unless it is made.
    fn load_theme(&mut self, brand: &str, job: &str) -> Result<(), Diagnostic> {
        if !self.themes.contains_key(brand) {
            let target = Target {
                brand: brand.to_string(),
                job: job.to_string(),
                template: self.template.clone(),
                format: Format::Txt,
                path: PathBuf::new(),
                languages: Vec::new(),
                print: false,
            };
            let mut theme = pipeline::themes(self.project, &[target])
                .into_values()
                .next()
                .ok_or("no fonts loaded (see the errors above)")?;
            theme.text_width = theme.text_width.min(MAX_BODY_WIDTH);
            self.themes.insert(brand.to_string(), theme);
        }
        Ok(())
    }

    /// The documents to attach for a job and brand in the applicant's
    /// languages, made once.
    fn attachments(
        &mut self,
        job: &str,
        brand: &str,
        languages: &[String],
    ) -> Result<Vec<Attached>, Diagnostic> {
        let key = (job.to_string(), brand.to_string(), languages.to_vec());
        if !self.attachments.contains_key(&key) {
            let made = self.make_attachments(job, brand, languages);
            self.attachments.insert(key.clone(), made);
        }
        self.attachments[&key].clone()
    }

    fn make_attachments(
        &self,
        job: &str,
        brand: &str,
        languages: &[String],
    ) -> Result<Vec<Attached>, Diagnostic> {
        let mut out = Vec::new();
        for &format in &self.attach {
            let mut targets = attachment_targets(self.project, job, brand, format)?;
            // A brand with a document per language: the applicant's.
            if targets.iter().any(|t| t.languages == languages) {
                targets.retain(|t| t.languages == languages);
            }
            let themes = pipeline::themes(self.project, &targets);
            for t in &targets {
                let theme = themes
                    .get(&(t.brand.clone(), t.template.clone()))
                    .ok_or("no fonts loaded (see the errors above)")?;
                let r = pipeline::render_one(self.project, t, theme, self.writers.get(format))
                    .map_err(|e| {
                        Diagnostic::error(format!("cannot make the {format} to attach: {e}"))
                    })?;
                let file = t
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| format!("{}.{}", t.template, format.extension()));
                out.push(Attached {
                    name: format!("{}-{file}", t.job),
                    mime: pipeline::format_info(format).media_type,
                    bytes: r.bytes,
                });
            }
        }
        Ok(out)
    }
}

/// The build targets that make the documents of `format` for a job and
/// brand (e.g. the PDF leaflet).
pub fn attachment_targets(
    project: &Project,
    job: &str,
    brand: &str,
    format: Format,
) -> Result<Vec<Target>, Diagnostic> {
    pipeline::plan(
        project,
        &pipeline::Options {
            root: project.root.clone(),
            jobs: vec![job.to_string()],
            brands: vec![brand.to_string()],
            formats: vec![format],
            ..pipeline::Options::default()
        },
    )
    // Mail gets the screen file, never the print file.
    .map(|ts| ts.into_iter().filter(|t| !t.print).collect())
    // The pipeline's own error, at mail's door.
    .map_err(|e| e.0)
}

/// Splits rendered markup into the subject (after `Subject:` on the first
/// non-blank line) and the rest.
fn split_subject(markup: &str) -> Option<(&str, &str)> {
    let start = markup.len() - markup.trim_start().len();
    let rest = &markup[start..];
    let (line, body) = rest.split_once('\n').unwrap_or((rest, ""));
    let subject = line.strip_prefix("Subject:")?;
    Some((subject.trim(), body))
}

/// The text of parsed markup, formatting dropped, white space collapsed.
fn plain_text(blocks: &[Block]) -> String {
    fn inlines(list: &[Inline], out: &mut String) {
        for i in list {
            match i {
                Inline::Text(t) => out.push_str(t),
                Inline::Strong(c)
                | Inline::Emphasis(c)
                | Inline::Link { content: c, .. }
                | Inline::Lang { content: c, .. } => inlines(c, out),
                Inline::LineBreak => out.push(' '),
            }
        }
    }
    let mut out = String::new();
    for b in blocks {
        if let Block::Paragraph(i) | Block::Heading { content: i, .. } = b {
            inlines(i, &mut out);
            out.push(' ');
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subject_is_the_first_line() {
        assert_eq!(
            split_subject("\n\nSubject: Your application\nDear Ann,\n"),
            Some(("Your application", "Dear Ann,\n"))
        );
        assert_eq!(split_subject("Dear Ann,\nSubject: x"), None);
        let blocks = markup::parse("Your *application* \\(PALS\\)").unwrap();
        assert_eq!(plain_text(&blocks), "Your application (PALS)");
    }
}
