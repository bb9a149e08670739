//! Sending one message after another over SMTP: at most `--rate` a minute,
//! each one's `sending` line in the journal, on disk, before its connection
//! opens, and what became of it recorded before the next goes; the run
//! stopped when going on would do harm or no good (the journal cannot be
//! written, the server refuses every message, or it stopped answering).
//!
//! The send lock that keeps two runs from sending at once is taken before
//! the first row (see `prepare`); this holds what changes from message to
//! message.

use super::compose::Composed;
use super::connection::{Delivery, Route};
use super::journal::{self, Journal, State};
use super::smtp::{SendError, SmtpConfig};
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
    route: Route,
    config: &'a SmtpConfig,
    /// The time between two messages under `--rate`.
    interval: Option<Duration>,
    last_send: Option<Instant>,
    connection_failures: usize,
}

impl<'a> Sender<'a> {
    pub(super) fn new(
        config: &'a SmtpConfig,
        rate: Option<u32>,
        timeout: Duration,
    ) -> Result<Sender<'a>, Diagnostic> {
        Ok(Sender {
            route: Route::new(config, timeout)?,
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

    /// Sends one message, recorded under `key`: `sending` before, what
    /// became of it after. The outcome is the row's; a diagnostic says why
    /// the run stops after it.
    pub(super) fn send(
        &mut self,
        composed: &Composed,
        key: String,
        to: &Address,
        journal: &mut Journal,
    ) -> (Outcome, Option<Diagnostic>) {
        let line = |state: State, reply: String, detail: String| journal::Entry {
            key: key.clone(),
            message_id: composed.message_id.clone(),
            to: to.to_string(),
            sent_at: journal::utc_timestamp(now_epoch()),
            server: self.config.server(),
            reply,
            state,
            detail,
        };
        let cannot_write = |journal: &Journal, e: std::io::Error, what: &str| {
            Diagnostic::file(
                journal.path(),
                format!("cannot write the send journal: {e}; {what}"),
            )
        };
        // Nothing goes out that the journal does not know is going.
        if let Err(e) = journal.record(line(State::Sending, String::new(), String::new())) {
            let why = cannot_write(
                journal,
                e,
                "this message and the rest were not sent (nothing is sent unrecorded)",
            );
            let outcome = Outcome::Failed {
                reason: "not sent: the journal cannot be written".into(),
                detail: why.to_string(),
            };
            return (outcome, Some(why));
        }
        self.last_send = Some(Instant::now());
        let delivery = self
            .route
            .deliver(composed.message.envelope(), composed.bytes.clone());
        let (entry, outcome, stop) = match delivery {
            Delivery::Accepted(reply) => {
                self.connection_failures = 0;
                (
                    line(State::Sent, reply.clone(), String::new()),
                    Outcome::Sent { reply },
                    None,
                )
            }
            Delivery::InDoubt(why) => {
                self.connection_failures += 1;
                let stop = self.too_many_failures();
                (
                    line(State::InDoubt, String::new(), why.clone()),
                    Outcome::InDoubt {
                        detail: in_doubt_detail(&why),
                    },
                    stop,
                )
            }
            Delivery::NotSent(e) => {
                let stop = match &e {
                    SendError::Connection(_) | SendError::TimedOut(_) => {
                        self.connection_failures += 1;
                        self.too_many_failures()
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
                (
                    line(State::NotSent, String::new(), e.to_string()),
                    failed,
                    stop,
                )
            }
        };
        // Without the journal a re-run could not tell: stop.
        let stop = match journal.record(entry) {
            Ok(()) => stop,
            Err(e) => Some(cannot_write(
                journal,
                e,
                "the rest were not sent; this message counts as in doubt",
            )),
        };
        (outcome, stop)
    }

    fn too_many_failures(&self) -> Option<Diagnostic> {
        (self.connection_failures >= MAX_CONNECTION_FAILURES).then(|| {
            Diagnostic::error(format!(
                "{} messages in a row could not reach {}; run again to send the rest \
                 (nobody gets a message twice)",
                self.connection_failures, self.config
            ))
        })
    }
}

/// What a row in doubt tells the person running the mailing.
pub(super) fn in_doubt_detail(why: &str) -> String {
    format!(
        "in doubt: the server may have taken it ({why}); not sent again: check with \
         the server's log or the applicant, then run with --resend-in-doubt to send it"
    )
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
