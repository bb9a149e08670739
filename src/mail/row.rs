//! One row from start to end: read → an applicant → not mailed twice →
//! composed → written as `.eml` → sent. Each step that fails ends the row
//! with its outcome (skipped, failed, already sent) and the run goes on at
//! the next row; only what would make going on wrong (the journal cannot be
//! read, an interruption) stops the run, noted in the report.

use super::eml;
use super::journal::{self, Standing, State};
use super::prepare::Session;
use super::recipients::{BadRow, Row};
use super::send::in_doubt_detail;
use super::{Outcome, Report, RowResult};
use crate::diagnostic::Diagnostic;
use crate::pipeline;
use std::sync::atomic::Ordering;

impl Session<'_> {
    /// Mails one row. A row left `NotStarted` is one the run stopped
    /// before (interrupted, or `report.stopped`).
    pub(super) fn mail(&mut self, row: Result<Row, BadRow>, report: &mut Report) -> RowResult {
        let line = match &row {
            Ok(r) => r.line,
            Err(b) => b.line,
        };
        let mut res = RowResult::new(line);
        if pipeline::INTERRUPTED.load(Ordering::SeqCst) {
            report.interrupted = true;
        }
        if report.interrupted || report.stopped.is_some() {
            return res;
        }
        let row = match row {
            Ok(r) => r,
            Err(bad) => return res.skip(bad.kind.reason(), bad.kind.to_string()),
        };
        let applicant = match self.columns.applicant(
            &row.fields,
            &self.header,
            self.opts,
            self.project,
            &mut res,
        ) {
            Ok(a) => a,
            Err((reason, detail)) => return res.skip(reason, detail),
        };
        res.name = Some(applicant.name.clone());
        res.email = Some(applicant.email.to_string());
        res.job = Some(applicant.job.clone());
        res.brand = Some(applicant.brand.clone());
        let template = &self.opts.template;
        let key = journal::key(
            &applicant.brand,
            &applicant.job,
            template,
            applicant.email.as_ref(),
        );
        if let Some((first, first_email)) = self.seen.get(&key) {
            let mut detail = format!("the same applicant, job and brand as line {first}");
            let this = applicant.email.to_string();
            if !first_email.eq_ignore_ascii_case(&this) {
                // The Unicode and xn-- forms of one domain.
                detail.push_str(&format!(
                    " ({this} and {first_email} are one address), mailed once"
                ));
            }
            return res.skip("duplicate rows", detail);
        }
        self.seen
            .insert(key.clone(), (line, applicant.email.to_string()));
        let rel = eml::rel_path(&applicant, template);
        let path = self.out.join(&rel);

        // The journal on disk, under the send lock, decides.
        if let Err(e) = self.journal.refresh() {
            report.stopped = Some(Diagnostic::file(
                self.journal.path(),
                format!("cannot read the send journal: {e}"),
            ));
            return res;
        }
        report.warnings.append(&mut self.journal.notes);
        match self.journal.standing(&key) {
            Standing::Sent(entry) => {
                res.eml = Some(path);
                res.outcome = Outcome::AlreadySent {
                    sent_at: entry.sent_at.clone(),
                };
                return res;
            }
            Standing::InDoubt(entry) if !self.opts.resend_in_doubt => {
                let why = if entry.state == State::Sending {
                    "a run stopped while sending it".to_string()
                } else {
                    entry.detail.clone()
                };
                res.eml = Some(path);
                res.outcome = Outcome::InDoubt {
                    detail: in_doubt_detail(&format!("since {}: {why}", entry.sent_at)),
                };
                return res;
            }
            _ => {}
        }

        let composed = match self.composer.compose(&applicant) {
            Ok(c) => c,
            Err(e) => return res.fail("could not be made", e.to_string()),
        };
        res.subject = Some(composed.subject.clone());
        res.attachments = composed.attachments.clone();
        res.eml = Some(path);
        if self.opts.dry_run {
            res.outcome = Outcome::WouldSend;
            return res;
        }
        if let Err(e) = eml::write(&self.out, &rel, &composed.bytes) {
            return res.fail("could not be written", e.to_string());
        }

        let Some(sender) = &mut self.sender else {
            res.outcome = Outcome::Written;
            return res;
        };
        if !sender.wait_turn() {
            report.interrupted = true;
            return res;
        }
        let (outcome, stop) = sender.send(&composed, key, &applicant.email, &mut self.journal);
        res.outcome = outcome;
        if let Some(why) = stop {
            report.stopped = Some(why);
        }
        res
    }
}
