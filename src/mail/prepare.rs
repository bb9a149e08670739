//! Before the first row: everything a run opens once. The messages' date,
//! the recipients file read and its header's columns found, the output
//! folder's lock (shared with builds) and, when sending, the project's send
//! lock (exclusive: two runs never mail anyone twice, the second waits and
//! then finds them sent), the send journal, and the server's transport.
//!
//! Whatever goes wrong here ends the run before any row: a recipients
//! file that cannot be read at all is a usage error (exit 2), the rest are
//! the report's errors.

use super::applicants::Columns;
use super::compose::Composer;
use super::journal::{self, Journal, SendLock};
use super::recipients::{self, BadRow, Row};
use super::send::Sender;
use super::{mail_epoch, Options, Progress, Report};
use crate::diagnostic::Diagnostic;
use crate::pipeline::{OutputLock, Project};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Why a run ends before its first row.
pub(super) enum Halt {
    /// The command line asks for what cannot be (exit 2).
    Usage(Diagnostic),
    /// The report's error: the file, the header, a lock, the journal.
    Report(Diagnostic),
}

/// What every row is mailed with. The locks are held until it is dropped,
/// at the end of the run.
pub(super) struct Session<'a> {
    pub(super) opts: &'a Options,
    pub(super) project: &'a Project,
    /// The output folder; the `.eml` files go in its `mail/`.
    pub(super) out: PathBuf,
    pub(super) header: Vec<String>,
    pub(super) columns: Columns,
    pub(super) composer: Composer<'a>,
    /// The server, when sending (not in a dry run).
    pub(super) sender: Option<Sender<'a>>,
    pub(super) journal: Journal,
    /// Each message's journal key, and the line and address of the row
    /// that first asked for it.
    pub(super) seen: BTreeMap<String, (usize, String)>,
    _send_lock: Option<SendLock>,
    _out_lock: Option<OutputLock>,
}

/// The recipients file's rows, in order, good or bad.
pub(super) type Rows = Vec<Result<Row, BadRow>>;

impl<'a> Session<'a> {
    /// Opens a run: the rows to mail and what they are mailed with. Notes
    /// what it finds (the journal used, its warnings) in `report`.
    pub(super) fn open(
        project: &'a Project,
        opts: &'a Options,
        progress: &dyn Progress,
        report: &mut Report,
    ) -> Result<(Rows, Session<'a>), Halt> {
        let epoch = mail_epoch().map_err(Halt::Report)?;
        let bytes = std::fs::read(&opts.recipients).map_err(|e| {
            Halt::Usage(Diagnostic::error(format!(
                "cannot read the recipients file {}: {e}",
                opts.recipients.display()
            )))
        })?;
        let in_recipients = |e: Diagnostic| Halt::Report(e.in_file(&opts.recipients));
        let table = recipients::read(&bytes).map_err(in_recipients)?;
        let columns = Columns::of(&table.header, opts.brand.is_some()).map_err(in_recipients)?;

        let out = opts.out_dir();
        let sending = opts.smtp.is_some() && !opts.dry_run;
        // Writing .eml files shares the output folder with builds.
        let out_lock = if opts.dry_run {
            None
        } else {
            let lock = OutputLock::shared(&out).map_err(|e| {
                Halt::Report(Diagnostic::file(
                    &out,
                    format!("cannot use the output folder: {e}"),
                ))
            })?;
            Some(lock)
        };
        let send_lock = if sending {
            let lock = SendLock::take(&opts.root, || {
                progress.note(
                    "waiting for another careerpress mail run of this project to finish sending",
                )
            })
            .map_err(|e| {
                Halt::Report(Diagnostic::file(
                    journal::state_dir(&opts.root),
                    format!("cannot lock the mail journal: {e}"),
                ))
            })?;
            Some(lock)
        } else {
            None
        };
        let journal_path = journal::journal_path(&opts.root);
        // Journals older versions kept under an output folder still count.
        let legacy = [
            report.mail_dir.join("sent.jsonl"),
            opts.root.join("output").join("mail").join("sent.jsonl"),
        ];
        let mut journal = Journal::load(&journal_path, &legacy, !opts.dry_run).map_err(|e| {
            Halt::Report(Diagnostic::file(
                &journal_path,
                format!("cannot read the send journal: {e}"),
            ))
        })?;
        if sending {
            journal.check_writable().map_err(|e| {
                Halt::Report(Diagnostic::file(
                    &journal_path,
                    format!(
                        "cannot write the send journal: {e}; nothing was sent (without it a \
                         rerun could mail people twice)"
                    ),
                ))
            })?;
        }
        report.journal = Some(journal_path);
        report.warnings.append(&mut journal.notes);
        let sender = match &opts.smtp {
            Some(config) if sending => {
                Some(Sender::new(config, opts.rate, opts.timeout()).map_err(Halt::Report)?)
            }
            _ => None,
        };

        let session = Session {
            opts,
            project,
            out,
            header: table.header,
            columns,
            composer: Composer::new(project, &opts.template, epoch, &opts.attach),
            sender,
            journal,
            seen: BTreeMap::new(),
            _send_lock: send_lock,
            _out_lock: out_lock,
        };
        Ok((table.rows, session))
    }
}
