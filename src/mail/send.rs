//! Sending one message after another over SMTP: at most `--rate` a minute,
//! each accepted message recorded in the journal before the next goes, and
//! the run stopped when going on would do harm or no good (the journal
//! cannot be written, the server refuses every message, or it stopped
//! answering).
//!
//! The send lock that keeps two runs from sending at once is taken before
//! the first row (see `prepare`); this holds what changes from message to
//! message.

use super::compose::Composed;
use super::journal::{self, Journal};
use super::smtp::{Mailer, SendError, SmtpConfig};
use super::{now_epoch, Outcome};
use crate::diagnostic::Diagnostic;
use crate::pipeline;
use lettre::Address;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Consecutive connection failures after which a run stops sending.
const MAX_CONNECTION_FAILURES: usize = 3;

/// A server to send through and how sending has gone so far.
pub(super) struct Sender<'a> {
    mailer: Mailer,
    config: &'a SmtpConfig,
    /// The time between two messages under `--rate`.
    interval: Option<Duration>,
    last_send: Option<Instant>,
    connection_failures: usize,
}

impl<'a> Sender<'a> {
    pub(super) fn new(config: &'a SmtpConfig, rate: Option<u32>) -> Result<Sender<'a>, Diagnostic> {
        Ok(Sender {
            mailer: config.transport()?,
            config,
            interval: rate
                .filter(|r| *r > 0)
                .map(|r| Duration::from_secs_f64(60.0 / f64::from(r))),
            last_send: None,
            connection_failures: 0,
        })
    }

    /// Waits until `--rate` allows the next message; `false` when the run
    /// was interrupted meanwhile (nothing is sent then).
    pub(super) fn wait_turn(&self) -> bool {
        if let (Some(every), Some(last)) = (self.interval, self.last_send) {
            wait_until(last + every);
            if pipeline::INTERRUPTED.load(Ordering::SeqCst) {
                return false;
            }
        }
        true
    }

    /// Sends one message and, once accepted, records it under `key`. The
    /// outcome is the row's; a diagnostic says why the run stops after it.
    pub(super) fn send(
        &mut self,
        composed: &Composed,
        key: String,
        to: &Address,
        journal: &mut Journal,
    ) -> (Outcome, Option<Diagnostic>) {
        self.last_send = Some(Instant::now());
        match self.mailer.send(&composed.message) {
            Ok(reply) => {
                self.connection_failures = 0;
                let entry = journal::Entry {
                    key,
                    message_id: composed.message_id.clone(),
                    to: to.to_string(),
                    sent_at: journal::utc_timestamp(now_epoch()),
                    server: self.config.server(),
                    reply: reply.clone(),
                };
                // Without the journal a re-run could send twice: stop.
                let stop = journal.record(entry).err().map(|e| {
                    Diagnostic::file(
                        journal.path(),
                        format!("cannot write the send journal: {e}"),
                    )
                });
                (Outcome::Sent { reply }, stop)
            }
            Err(e) => {
                let stop = match &e {
                    SendError::Connection(_) => {
                        self.connection_failures += 1;
                        (self.connection_failures >= MAX_CONNECTION_FAILURES).then(|| {
                            Diagnostic::error(format!(
                                "{} messages in a row could not reach {}; run again to send \
                                 the rest (nobody gets a message twice)",
                                self.connection_failures, self.config
                            ))
                        })
                    }
                    SendError::Fatal(m) => Some(Diagnostic::error(format!(
                        "{}: {m}; run again once fixed to send the rest",
                        self.config
                    ))),
                    _ => {
                        self.connection_failures = 0;
                        None
                    }
                };
                let failed = Outcome::Failed {
                    reason: e.reason().into(),
                    detail: e.to_string(),
                };
                (failed, stop)
            }
        }
    }
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
