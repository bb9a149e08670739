//! Mail merge: one message per applicant in a recipients CSV, written as
//! `.eml` files and, with an SMTP server, sent.
//!
//! Each row goes through the same pipeline as every document (see
//! [`compose`]); the job's leaflet can be attached. Bad rows are reported
//! with their line number and skipped, never stopping the others. Sending
//! is recorded in a [`journal`] as each message is accepted, so a run that
//! stops half-way is simply run again.
//!
//! Layout:
//!
//! ```text
//! <out>/mail/<brand>/<job>--<email>.eml        one message per applicant
//! <project>/.careerpress/mail/sent.jsonl       the send journal (see journal)
//! ```

pub mod compose;
pub mod journal;
pub mod recipients;
pub mod smtp;

use crate::pipeline::{self, Project, UsageError};
use crate::template::Format;
use compose::{Applicant, Composer};
use journal::Journal;
use serde::Serialize;
use smtp::{SendError, SmtpConfig};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// The mail template used unless another is named.
pub const DEFAULT_TEMPLATE: &str = "email";

/// Consecutive connection failures after which a run stops sending.
const MAX_CONNECTION_FAILURES: usize = 3;

/// What to mail.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The project folder.
    pub root: PathBuf,
    /// The recipients CSV.
    pub recipients: PathBuf,
    /// A template whose settings say `mail: true`.
    pub template: String,
    /// The brand for rows with no `brand` value.
    pub brand: Option<String>,
    /// Output folder; `root/output` when `None`. Mail goes in its `mail/`.
    pub out: Option<PathBuf>,
    /// Documents to attach: each template of this format for the job.
    pub attach: Vec<Format>,
    /// Send through this server (else only write `.eml` files).
    pub smtp: Option<SmtpConfig>,
    /// Show what would be written or sent; write and send nothing.
    pub dry_run: bool,
    /// At most this many messages a minute.
    pub rate: Option<u32>,
}

/// What happened to one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// The `.eml` file was written (no server given).
    Written,
    /// The server accepted the message.
    Sent { reply: String },
    /// The journal says it was accepted in an earlier run: not composed,
    /// written or sent again.
    AlreadySent { sent_at: String },
    /// `--dry-run`: would be written (and sent, with `--smtp`).
    WouldSend,
    /// The row is not usable; nothing was made.
    Skipped { reason: String, detail: String },
    /// The message could not be made, written or sent.
    Failed { reason: String, detail: String },
    /// The run stopped (interrupted, or the server stopped answering)
    /// before this row.
    NotStarted,
}

/// One row of the recipients file and what happened to it.
#[derive(Debug, Clone, Serialize)]
pub struct RowResult {
    pub line: usize,
    pub name: Option<String>,
    pub email: Option<String>,
    pub job: Option<String>,
    pub brand: Option<String>,
    pub subject: Option<String>,
    /// The `.eml` file, when one was written (or would be).
    pub eml: Option<PathBuf>,
    pub attachments: Vec<String>,
    pub outcome: Outcome,
}

impl RowResult {
    fn new(line: usize) -> RowResult {
        RowResult {
            line,
            name: None,
            email: None,
            job: None,
            brand: None,
            subject: None,
            eml: None,
            attachments: Vec::new(),
            outcome: Outcome::NotStarted,
        }
    }

    fn skip(mut self, reason: &str, detail: String) -> RowResult {
        self.outcome = Outcome::Skipped {
            reason: reason.into(),
            detail,
        };
        self
    }

    fn fail(mut self, reason: &str, detail: String) -> RowResult {
        self.outcome = Outcome::Failed {
            reason: reason.into(),
            detail,
        };
        self
    }
}

/// The whole run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Problems that are not one row's: the project, the file, the header.
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    pub rows: Vec<RowResult>,
    /// The recipients file as given.
    pub recipients: PathBuf,
    /// `<out>/mail`.
    pub mail_dir: PathBuf,
    /// The journal, when one was used.
    pub journal: Option<PathBuf>,
    /// `smtp://host:port` when sending.
    pub server: Option<String>,
    pub dry_run: bool,
    /// Why sending stopped before the end, if it did.
    pub stopped: Option<String>,
    pub interrupted: bool,
}

impl Report {
    /// No errors, and every row written or sent (or already sent).
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
            && self.stopped.is_none()
            && !self.interrupted
            && self.rows.iter().all(|r| {
                matches!(
                    r.outcome,
                    Outcome::Written
                        | Outcome::Sent { .. }
                        | Outcome::AlreadySent { .. }
                        | Outcome::WouldSend
                )
            })
    }

    fn count(&self, f: impl Fn(&Outcome) -> bool) -> usize {
        self.rows.iter().filter(|r| f(&r.outcome)).count()
    }

    /// The closing summary: how many were written, sent, skipped and failed,
    /// and why.
    pub fn summary(&self) -> String {
        let n = |k: usize, what: &str| format!("{k} {what}{}", if k == 1 { "" } else { "s" });
        let mut parts = Vec::new();
        let mail_dir = self.mail_dir.display();
        let would = self.count(|o| matches!(o, Outcome::WouldSend));
        if self.dry_run {
            let verb = if self.server.is_some() {
                "would send"
            } else {
                "would write"
            };
            parts.push(format!("Dry run: {verb} {}", n(would, "message")));
        } else if let Some(server) = &self.server {
            let sent = self.count(|o| matches!(o, Outcome::Sent { .. }));
            parts.push(format!("Sent {} through {server}", n(sent, "message")));
        } else {
            let written = self.count(|o| matches!(o, Outcome::Written));
            parts.push(format!("Wrote {} to {mail_dir}", n(written, "message")));
        }
        let already = self.count(|o| matches!(o, Outcome::AlreadySent { .. }));
        if already > 0 {
            parts.push(format!(
                "{already} already sent in an earlier run (see {})",
                self.journal
                    .as_deref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default()
            ));
        }
        for (what, pick) in [("skipped", true), ("failed", false)] {
            let mut why: BTreeMap<&str, usize> = BTreeMap::new();
            for r in &self.rows {
                match (&r.outcome, pick) {
                    (Outcome::Skipped { reason, .. }, true)
                    | (Outcome::Failed { reason, .. }, false) => {
                        *why.entry(reason).or_default() += 1
                    }
                    _ => {}
                }
            }
            if !why.is_empty() {
                let total: usize = why.values().sum();
                let list: Vec<String> = why.iter().map(|(r, k)| format!("{k} {r}")).collect();
                parts.push(format!("{what} {total} ({})", list.join(", ")));
            }
        }
        let not_started = self.count(|o| matches!(o, Outcome::NotStarted));
        if not_started > 0 {
            parts.push(format!("{not_started} not started (run again to continue)"));
        }
        let mut s = parts.join("; ");
        s.push('.');
        if let Some(why) = &self.stopped {
            s.push_str(&format!("\nStopped: {why}"));
        }
        s
    }
}

/// Told about each row as it is done, e.g. to print progress.
pub trait Progress {
    fn row(&self, _row: &RowResult) {}
    /// Something to know now (e.g. that the run waits for another).
    fn note(&self, _message: &str) {}
}

impl Progress for () {}

/// The `mail` subcommand's work. `Err` is a usage error (exit 2); problems
/// with the file or rows are in the report.
pub fn run(opts: &Options, progress: &dyn Progress) -> Result<Report, UsageError> {
    let project = Project::load(&opts.root);
    let out = opts.out.clone().unwrap_or_else(|| opts.root.join("output"));
    let mail_dir = out.join("mail");
    let mut report = Report {
        errors: project.errors().iter().map(ToString::to_string).collect(),
        recipients: opts.recipients.clone(),
        mail_dir: mail_dir.clone(),
        server: opts.smtp.as_ref().map(ToString::to_string),
        dry_run: opts.dry_run,
        ..Report::default()
    };
    check_usage(&project, opts, &report.errors)?;
    let epoch = match mail_epoch() {
        Ok(e) => e,
        Err(e) => {
            report.errors.push(e);
            return Ok(report);
        }
    };
    let bytes = std::fs::read(&opts.recipients).map_err(|e| {
        UsageError::new(format!(
            "cannot read the recipients file {}: {e}",
            opts.recipients.display()
        ))
    })?;
    let file = opts.recipients.display().to_string();
    let table = match recipients::read(&bytes) {
        Ok(t) => t,
        Err(e) => {
            report.errors.push(format!("{file}: {e}"));
            return Ok(report);
        }
    };
    let columns = match Columns::of(&table.header, opts.brand.is_some()) {
        Ok(c) => c,
        Err(e) => {
            report.errors.push(format!("{file}:1: {e}"));
            return Ok(report);
        }
    };

    let sending = opts.smtp.is_some() && !opts.dry_run;
    // Writing .eml files shares the output folder with builds; sending
    // holds the project's send lock for the whole run, so two runs never
    // mail anyone twice (the second waits, then finds them sent).
    let _out_lock = if opts.dry_run {
        None
    } else {
        match pipeline::OutputLock::shared(&out) {
            Ok(l) => Some(l),
            Err(e) => {
                report.errors.push(format!(
                    "{}: cannot use the output folder: {e}",
                    out.display()
                ));
                return Ok(report);
            }
        }
    };
    let _send_lock = if sending {
        match journal::SendLock::take(&opts.root, || {
            progress
                .note("waiting for another careerpress mail run of this project to finish sending")
        }) {
            Ok(l) => Some(l),
            Err(e) => {
                report.errors.push(format!(
                    "{}: cannot lock the mail journal: {e}",
                    journal::state_dir(&opts.root).display()
                ));
                return Ok(report);
            }
        }
    } else {
        None
    };
    let journal_path = journal::journal_path(&opts.root);
    // Journals older versions kept under an output folder still count.
    let legacy = [
        mail_dir.join("sent.jsonl"),
        opts.root.join("output").join("mail").join("sent.jsonl"),
    ];
    let mut journal = match Journal::load(&journal_path, &legacy, !opts.dry_run) {
        Ok(j) => j,
        Err(e) => {
            report.errors.push(format!(
                "{}: cannot read the send journal: {e}",
                journal_path.display()
            ));
            return Ok(report);
        }
    };
    report.journal = Some(journal_path.clone());
    report.warnings.append(&mut journal.notes);
    let mailer = match (&opts.smtp, opts.dry_run) {
        (Some(c), false) => match c.transport() {
            Ok(m) => Some(m),
            Err(e) => {
                report.errors.push(e);
                return Ok(report);
            }
        },
        _ => None,
    };

    let mut composer = Composer::new(&project, &opts.template, epoch, &opts.attach);
    let interval = opts
        .rate
        .filter(|r| *r > 0)
        .map(|r| Duration::from_secs_f64(60.0 / f64::from(r)));
    let mut last_send: Option<Instant> = None;
    let mut connection_failures = 0;
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();

    for row in table.rows {
        let line = match &row {
            Ok(r) => r.line,
            Err(b) => b.line,
        };
        let mut res = RowResult::new(line);
        if pipeline::INTERRUPTED.load(Ordering::SeqCst) {
            report.interrupted = true;
        }
        if report.interrupted || report.stopped.is_some() {
            report.rows.push(res);
            continue;
        }
        let row = match row {
            Ok(r) => r,
            Err(bad) => {
                let reason = match bad.kind {
                    recipients::BadRowKind::BrokenQuoting(_) => "broken quoting",
                    recipients::BadRowKind::FieldCount { found, expected } if found < expected => {
                        "missing columns"
                    }
                    recipients::BadRowKind::FieldCount { .. } => "too many values",
                };
                let res = res.skip(reason, bad.kind.to_string());
                progress.row(&res);
                report.rows.push(res);
                continue;
            }
        };
        let applicant =
            match columns.applicant(&row.fields, &table.header, opts, &project, &mut res) {
                Ok(a) => a,
                Err((reason, detail)) => {
                    let res = res.skip(reason, detail);
                    progress.row(&res);
                    report.rows.push(res);
                    continue;
                }
            };
        res.name = Some(applicant.name.clone());
        res.email = Some(applicant.email.to_string());
        res.job = Some(applicant.job.clone());
        res.brand = Some(applicant.brand.clone());
        let key = journal::key(
            &applicant.brand,
            &applicant.job,
            &opts.template,
            applicant.email.as_ref(),
        );
        if let Some(first) = seen.get(&key) {
            let res = res.skip(
                "duplicate rows",
                format!("the same applicant, job and brand as line {first}"),
            );
            progress.row(&res);
            report.rows.push(res);
            continue;
        }
        seen.insert(key.clone(), line);
        let rel = PathBuf::from("mail")
            .join(&applicant.brand)
            .join(eml_name(&applicant, &opts.template));
        let path = out.join(&rel);
        // The journal on disk, under the send lock, decides.
        if let Err(e) = journal.refresh() {
            report.stopped = Some(format!(
                "{}: cannot read the send journal: {e}",
                journal.path().display()
            ));
            report.rows.push(res);
            continue;
        }
        report.warnings.append(&mut journal.notes);
        if let Some(entry) = journal.get(&key) {
            res.eml = Some(path);
            res.outcome = Outcome::AlreadySent {
                sent_at: entry.sent_at.clone(),
            };
            progress.row(&res);
            report.rows.push(res);
            continue;
        }
        let composed = match composer.compose(&applicant) {
            Ok(c) => c,
            Err(e) => {
                let res = res.fail("could not be made", e);
                progress.row(&res);
                report.rows.push(res);
                continue;
            }
        };
        res.subject = Some(composed.subject.clone());
        res.attachments = composed.attachments.clone();
        res.eml = Some(path.clone());
        if opts.dry_run {
            res.outcome = Outcome::WouldSend;
            progress.row(&res);
            report.rows.push(res);
            continue;
        }
        if let Err(e) = pipeline::write_within(&out, &rel, &composed.bytes) {
            let res = res.fail("could not be written", format!("{}: {e}", path.display()));
            progress.row(&res);
            report.rows.push(res);
            continue;
        }
        let (Some(mailer), Some(config)) = (&mailer, &opts.smtp) else {
            res.outcome = Outcome::Written;
            progress.row(&res);
            report.rows.push(res);
            continue;
        };
        if let (Some(every), Some(last)) = (interval, last_send) {
            wait_until(last + every);
            if pipeline::INTERRUPTED.load(Ordering::SeqCst) {
                report.interrupted = true;
                report.rows.push(res);
                continue;
            }
        }
        last_send = Some(Instant::now());
        match mailer.send(&composed.message) {
            Ok(reply) => {
                connection_failures = 0;
                let entry = journal::Entry {
                    key,
                    message_id: composed.message_id.clone(),
                    to: applicant.email.to_string(),
                    sent_at: journal::utc_timestamp(now_epoch()),
                    server: config.server(),
                    reply: reply.clone(),
                };
                if let Err(e) = journal.record(entry) {
                    // Without the journal a re-run could send twice: stop.
                    report.stopped = Some(format!(
                        "{}: cannot write the send journal: {e}",
                        journal.path().display()
                    ));
                }
                res.outcome = Outcome::Sent { reply };
            }
            Err(e) => {
                let reason = match &e {
                    SendError::Refused(_) => "refused by the server",
                    SendError::Deferred(_) => "deferred by the server",
                    SendError::Connection(_) => "no connection to the server",
                    SendError::Fatal(_) => "not accepted by the server",
                };
                match &e {
                    SendError::Connection(_) => {
                        connection_failures += 1;
                        if connection_failures >= MAX_CONNECTION_FAILURES {
                            report.stopped = Some(format!(
                                "{} messages in a row could not reach {}; run again to send \
                                 the rest (nobody gets a message twice)",
                                connection_failures, config
                            ));
                        }
                    }
                    SendError::Fatal(m) => {
                        report.stopped = Some(format!(
                            "{config}: {m}; run again once fixed to send the rest"
                        ))
                    }
                    _ => connection_failures = 0,
                }
                res = res.fail(reason, e.to_string());
            }
        }
        progress.row(&res);
        report.rows.push(res);
    }
    Ok(report)
}

/// Problems with the command line itself: exit 2, before any row is read.
fn check_usage(
    project: &Project,
    opts: &Options,
    load_errors: &[String],
) -> Result<(), UsageError> {
    let templates = &project.templates.templates;
    let mail_templates: Vec<&str> = templates
        .values()
        .filter(|t| t.settings.mail)
        .map(|t| t.name.as_str())
        .collect();
    match templates.get(&opts.template) {
        None if !load_errors.is_empty() => {
            return Err(UsageError::new(format!(
                "the template '{}' did not load:\n{}",
                opts.template,
                load_errors.join("\n")
            )))
        }
        None => {
            return Err(UsageError::new(format!(
                "there is no template '{}'; mail templates: {}",
                opts.template,
                list(&mail_templates)
            )))
        }
        Some(t) if !t.settings.mail || t.format != Format::Txt => {
            return Err(UsageError::new(format!(
                "'{}' is not a mail template: a mail template is a .txt.hbs whose settings \
                 comment says 'mail: true'; mail templates: {}",
                t.file.display(),
                list(&mail_templates)
            )))
        }
        Some(_) => {}
    }
    let brands: Vec<&str> = project.content.brands.keys().map(String::as_str).collect();
    if let Some(b) = &opts.brand {
        if !project.content.brands.contains_key(b) {
            return Err(UsageError::new(format!(
                "there is no brand '{b}'; known brands: {}",
                list(&brands)
            )));
        }
    }
    for &f in &opts.attach {
        let any = project
            .templates
            .templates
            .values()
            .any(|t| t.format == f && !t.settings.mail);
        if !any {
            return Err(UsageError::new(format!(
                "--attach {f}: the project has no {f} template to attach"
            )));
        }
    }
    Ok(())
}

fn list(items: &[&str]) -> String {
    if items.is_empty() {
        "(none)".into()
    } else {
        items.join(", ")
    }
}

/// Where the required columns are.
struct Columns {
    name: usize,
    email: usize,
    job: usize,
    brand: Option<usize>,
    /// The optional `language` column: cy, en, or empty.
    language: Option<usize>,
}

impl Columns {
    fn of(header: &[String], brand_flag: bool) -> Result<Columns, String> {
        let find = |c: &str| header.iter().position(|h| h.eq_ignore_ascii_case(c));
        let mut missing = Vec::new();
        for c in ["name", "email", "job"] {
            if find(c).is_none() {
                missing.push(c);
            }
        }
        let brand = find("brand");
        if brand.is_none() && !brand_flag {
            missing.push("brand");
        }
        let mut seen = Vec::new();
        for h in header {
            let l = h.to_lowercase();
            if seen.contains(&l) {
                return Err(format!("the header names the column '{h}' twice"));
            }
            seen.push(l);
        }
        if !missing.is_empty() {
            let mut m = format!(
                "the header row has no {} column{}; it has: {}",
                missing
                    .iter()
                    .map(|c| format!("'{c}'"))
                    .collect::<Vec<_>>()
                    .join(", "),
                if missing.len() == 1 { "" } else { "s" },
                header.join(", ")
            );
            if missing.contains(&"brand") {
                m.push_str(" (or give --brand for every row)");
            }
            if header.len() == 1 && header[0].contains(';') {
                m.push_str("; the file looks separated by semicolons: save it with commas");
            }
            return Err(m);
        }
        Ok(Columns {
            name: find("name").unwrap_or(0),
            email: find("email").unwrap_or(0),
            job: find("job").unwrap_or(0),
            brand,
            language: find("language"),
        })
    }

    /// Checks one row: a name, a valid address, a job and brand that exist.
    /// Whatever the row gives is noted in `res` (for the report) even when
    /// it is skipped; `Err` is the reason (for the summary) and the detail.
    fn applicant(
        &self,
        fields: &[String],
        header: &[String],
        opts: &Options,
        project: &Project,
        res: &mut RowResult,
    ) -> Result<Applicant, (&'static str, String)> {
        let get = |i: usize| fields[i].trim().to_string();
        let brand = self
            .brand
            .map(get)
            .filter(|b| !b.is_empty())
            .or_else(|| opts.brand.clone());
        // A line break in a quoted name would only garble the To header.
        let name = fields[self.name].split_whitespace().collect::<Vec<_>>();
        res.name = Some(name.join(" ")).filter(|s| !s.is_empty());
        res.email = Some(get(self.email)).filter(|s| !s.is_empty());
        res.job = Some(get(self.job)).filter(|s| !s.is_empty());
        res.brand = brand.clone();
        let fail = |reason, detail: String| Err((reason, detail));
        let Some(name) = res.name.clone() else {
            return fail("missing name", "the name is empty".into());
        };
        let Some(email) = res.email.clone() else {
            return fail("missing email address", "the email address is empty".into());
        };
        let Some(address) = valid_address(&email) else {
            return fail(
                "invalid email address",
                format!("'{email}' is not an email address like name@example.org"),
            );
        };
        let Some(job) = res.job.clone() else {
            return fail("unknown job", "the job is empty".into());
        };
        if !project.content.jobs.contains_key(&job) {
            let detail = if did_not_load(project, "jobs", &job) {
                format!("the job '{job}' did not load (see the errors above)")
            } else {
                let known: Vec<&str> = project.content.jobs.keys().map(String::as_str).collect();
                format!("there is no job '{job}'; known jobs: {}", list(&known))
            };
            return fail("unknown job", detail);
        }
        if project.content.jobs[&job].is_draft() {
            return fail(
                "draft job",
                format!(
                    "the job '{job}' is a draft (placeholders in {}): drafts are never mailed",
                    project.content.jobs[&job].file.display()
                ),
            );
        }
        let Some(brand) = brand else {
            return fail(
                "no brand",
                "the brand is empty and no --brand was given".into(),
            );
        };
        if !project.content.brands.contains_key(&brand) {
            let detail = if did_not_load(project, "brands", &brand) {
                format!("the brand '{brand}' did not load (see the errors above)")
            } else {
                let known: Vec<&str> = project.content.brands.keys().map(String::as_str).collect();
                format!(
                    "there is no brand '{brand}'; known brands: {}",
                    list(&known)
                )
            };
            return fail("unknown brand", detail);
        }
        if project.content.brands[&brand].is_draft() {
            return fail(
                "draft brand",
                format!(
                    "the brand '{brand}' is a draft (placeholders in {}): drafts are never mailed",
                    project.content.brands[&brand].file.display()
                ),
            );
        }
        let mut all: BTreeMap<String, String> = header
            .iter()
            .zip(fields)
            .map(|(h, v)| (h.clone(), v.trim().to_string()))
            .collect();
        // The four known columns under their lower-case names, whatever
        // their case in the header.
        for (k, v) in [
            ("name", &name),
            ("email", &email),
            ("job", &job),
            ("brand", &brand),
        ] {
            all.insert(k.to_string(), v.clone());
        }
        // The row's language: `cy`, `en` (or `en-GB`), or empty for the
        // brand's own (a Welsh board's default message is bilingual, Welsh
        // first).
        let brand_languages: Vec<String> = project.content.brands[&brand]
            .brand
            .languages
            .iter()
            .map(|l| l.tag().to_string())
            .collect();
        let asked = self.language.map(get).unwrap_or_default();
        let languages = match asked.to_ascii_lowercase().as_str() {
            "" => brand_languages,
            "cy" | "cy-gb" => vec!["cy".to_string()],
            "en" | "en-gb" => vec!["en-GB".to_string()],
            _ => {
                return fail(
                    "unknown language",
                    format!("'{asked}' is not a language careerpress mails in: write cy, en, or leave it empty for the brand's own"),
                )
            }
        };
        for lang in &languages {
            let missing = project.missing_translations(&crate::pipeline::Target {
                brand: brand.clone(),
                job: job.clone(),
                template: opts.template.clone(),
                format: Format::Txt,
                path: PathBuf::new(),
                languages: vec![lang.clone()],
                print: false,
            });
            if !missing.is_empty() {
                return fail(
                    "no translation",
                    format!(
                        "the job or brand has no {} text for {} printed fields (run `careerpress check` to see them)",
                        crate::content::overlay::language_name(lang),
                        missing.len()
                    ),
                );
            }
        }
        Ok(Applicant {
            name,
            email: address,
            job,
            brand,
            fields: all,
            languages,
        })
    }
}

/// An address lettre can send to and the content model accepts (a domain
/// with a dot, no spaces or brackets).
fn valid_address(s: &str) -> Option<lettre::Address> {
    serde_json::from_value::<crate::content::types::Email>(serde_json::Value::String(s.into()))
        .ok()?;
    s.parse().ok()
}

/// Whether `content/<dir>/<id>` exists but failed to load.
fn did_not_load(project: &Project, dir: &str, id: &str) -> bool {
    let base = project.root.join("content").join(dir);
    base.join(id).is_dir() || base.join(format!("{id}.yaml")).is_file()
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

/// The messages' date: `SOURCE_DATE_EPOCH` when set (byte-identical
/// output), else now; `Err` in words for a value no message can carry.
pub fn mail_epoch() -> Result<i64, String> {
    Ok(pipeline::source_date_epoch()
        .map_err(|e| e.to_string())?
        .unwrap_or_else(now_epoch))
}

fn now_epoch() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Sleeps until `t`, waking early when the run is interrupted.
fn wait_until(t: Instant) {
    while !pipeline::INTERRUPTED.load(Ordering::SeqCst) {
        let now = Instant::now();
        if now >= t {
            break;
        }
        std::thread::sleep((t - now).min(Duration::from_millis(100)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
