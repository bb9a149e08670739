//! Mail merge: one message per applicant in a recipients CSV, written as
//! `.eml` files and, with an SMTP server, sent.
//!
//! Each row goes through the same pipeline as every document (see
//! [`compose`]); the job's leaflet can be attached. Bad rows are reported
//! with their line number and skipped, never stopping the others. Sending
//! is recorded in a [`journal`] before and after each message, so a run that
//! stops half-way is simply run again; a message the server may have taken
//! without saying so is *in doubt*, named in the report and not sent again
//! unless `--resend-in-doubt`.
//!
//! Layout:
//!
//! ```text
//! <out>/mail/<brand>/<job>--<email>.eml        one message per applicant
//! <project>/.careerpress/mail/sent.jsonl       the send journal (see journal)
//! ```
//!
//! A run, stage by stage (each a file):
//!
//! ```text
//! usage       the command line: template, brand, --attach exist (exit 2)
//! prepare     before the first row: the recipients file read (recipients)
//!             and its header checked (applicants), the output and send
//!             locks taken, the journal loaded, the server's transport made
//! row         one row start to end:
//!   applicants  the row's values checked: a name, an address, a job and brand
//!   journal     already sent in an earlier run? then nothing more
//!   compose     the message, on the pipeline (attachments too)
//!   eml         where its .eml goes; written there
//!   send        "about to send" in the journal, then over SMTP at --rate,
//!               then what became of it in the journal
//!   connection  one message on one connection, within --timeout: sent,
//!               not sent, or in doubt
//! report      what happened to every row, and the closing summary
//! check       for `careerpress check`: every mail template composed
//! ```
//!
//! Problems with the run as a whole are [`Diagnostic`]s naming the file
//! (the CSV, the template, the journal) and the CSV's line where known; a
//! row's own problem is its [`Outcome`], so the other rows go on.

mod applicants;
pub mod check;
pub mod compose;
mod connection;
mod eml;
pub mod journal;
mod prepare;
pub mod recipients;
mod report;
mod row;
mod send;
pub mod smtp;
mod usage;

pub use connection::DEFAULT_TIMEOUT_SECS;
pub use report::Report;

use crate::diagnostic::Diagnostic;
use crate::pipeline::{self, Project};
use crate::template::Format;
use prepare::{Halt, Session};
use serde::Serialize;
use smtp::SmtpConfig;
use std::path::PathBuf;
use std::time::Duration;

/// The mail template used unless another is named.
pub const DEFAULT_TEMPLATE: &str = "email";

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
    /// How long each connection, and each message, may take from start to
    /// end; [`DEFAULT_TIMEOUT_SECS`] when `None`.
    pub timeout: Option<Duration>,
    /// Send again messages the journal has in doubt.
    pub resend_in_doubt: bool,
}

impl Options {
    /// The output folder: `--out`, else `<root>/output`.
    fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.root.join("output"))
    }

    fn timeout(&self) -> Duration {
        self.timeout
            .unwrap_or(Duration::from_secs(DEFAULT_TIMEOUT_SECS))
    }
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
    /// The server may have taken it, in this run or an earlier one (the
    /// whole message went and no answer came, or a run died while it
    /// went): not sent again unless `--resend-in-doubt`.
    InDoubt { detail: String },
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

/// Told about each row as it is done, e.g. to print progress.
pub trait Progress {
    fn row(&self, _row: &RowResult) {}
    /// Something to know now (e.g. that the run waits for another).
    fn note(&self, _message: &str) {}
}

impl Progress for () {}

/// The `mail` subcommand's work. `Err` is a usage error (exit 2); problems
/// with the file or rows are in the report.
pub fn run(opts: &Options, progress: &dyn Progress) -> Result<Report, Diagnostic> {
    let project = Project::load(&opts.root);
    let mut report = Report::new(opts, &project);
    usage::check(&project, opts, &report.errors)?;
    let (rows, mut session) = match Session::open(&project, opts, progress, &mut report) {
        Ok(ready) => ready,
        Err(Halt::Usage(e)) => return Err(e),
        Err(Halt::Report(e)) => {
            report.errors.push(e);
            return Ok(report);
        }
    };
    for row in rows {
        let res = session.mail(row, &mut report);
        // A row the run never started on is only counted, in the summary.
        if res.outcome != Outcome::NotStarted {
            progress.row(&res);
        }
        report.rows.push(res);
    }
    Ok(report)
}

/// The messages' date: `SOURCE_DATE_EPOCH` when set (byte-identical
/// output), else now; `Err` in words for a value no message can carry.
pub fn mail_epoch() -> Result<i64, Diagnostic> {
    Ok(pipeline::source_date_epoch()?.unwrap_or_else(now_epoch))
}

fn now_epoch() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
