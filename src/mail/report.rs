//! The run's report: what happened to every row, the problems of the run as
//! a whole, and the closing summary a person reads (how many were written,
//! sent, skipped and failed, and why). The CLI prints it; `--json` writes
//! it as it is.

use super::{Options, Outcome, RowResult};
use crate::diagnostic::Diagnostic;
use crate::pipeline::Project;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The whole run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Problems that are not one row's: the project, the file, the header.
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
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
    pub stopped: Option<Diagnostic>,
    pub interrupted: bool,
}

impl Report {
    /// A report with no rows yet, holding what did not load in the project.
    pub(super) fn new(opts: &Options, project: &Project) -> Report {
        Report {
            errors: project.errors(),
            recipients: opts.recipients.clone(),
            mail_dir: opts.out_dir().join("mail"),
            server: opts.smtp.as_ref().map(ToString::to_string),
            dry_run: opts.dry_run,
            ..Report::default()
        }
    }

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
        // In doubt: by applicant, since a person must find out.
        let doubt: Vec<String> = self
            .rows
            .iter()
            .filter(|r| matches!(r.outcome, Outcome::InDoubt { .. }))
            .map(|r| {
                format!(
                    "{} <{}> (line {})",
                    r.name.as_deref().unwrap_or(""),
                    r.email.as_deref().unwrap_or(""),
                    r.line
                )
            })
            .collect();
        if !doubt.is_empty() {
            parts.push(format!(
                "{} in doubt, not sent again (the server may have taken {}; \
                 --resend-in-doubt sends {} again): {}",
                doubt.len(),
                if doubt.len() == 1 { "it" } else { "them" },
                if doubt.len() == 1 { "it" } else { "them" },
                doubt.join(", ")
            ));
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
