//! One message over one SMTP connection, step by step and within
//! deadlines, told apart by what the server can have done with it.
//!
//! lettre's `SmtpTransport::send` runs the whole conversation in one call
//! and its timeout is per read, so a server that trickles a byte every few
//! seconds holds it for ever, and a connection lost after the message went
//! looks like one lost before. Here the conversation runs on lettre's
//! `SmtpConnection`, one command at a time, on a worker thread the run
//! waits for with two overall deadlines (`--timeout`): one for setting up
//! the connection (greeting, EHLO, STARTTLS, login), one for the message
//! (envelope, data, the server's answer). The worker says when the body
//! starts to go; from that moment a silence or a dropped connection means
//! the server may have the message: [`Delivery::InDoubt`], never "not
//! sent". A worker the run stopped waiting for is told never to begin the
//! body.

use super::smtp::{classify, SendError, SmtpConfig};
use crate::diagnostic::Diagnostic;
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{SmtpConnection, Tls};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// `--timeout` unless given: seconds each connection, and each message,
/// may take from start to end.
pub const DEFAULT_TIMEOUT_SECS: u64 = 60;

/// What became of one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The server answered 250: its reply.
    Accepted(String),
    /// The server cannot have it: refused, deferred, or the conversation
    /// ended before the body went.
    NotSent(SendError),
    /// The whole message may have reached the server, which never said
    /// whether it took it: why.
    InDoubt(String),
}

/// Where one server is and how to speak to it.
#[derive(Clone)]
pub(super) struct Route {
    pub host: String,
    pub port: u16,
    pub tls: Tls,
    pub credentials: Option<Credentials>,
    /// `smtp://host:port`, for messages.
    pub shown: String,
    /// `--timeout`.
    pub timeout: Duration,
}

/// The step the worker is at, shared with the run waiting for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Connecting,
    Envelope,
    /// The body is on its way or sent: the server may take it.
    Body,
}

impl Step {
    fn what(self) -> &'static str {
        match self {
            Step::Connecting => "connecting (its greeting, EHLO, STARTTLS and login)",
            Step::Envelope => "the envelope (MAIL FROM, RCPT TO, DATA)",
            Step::Body => "its answer to the whole message",
        }
    }
}

struct Shared {
    step: Step,
    /// The run stopped waiting: begin no body.
    abandoned: bool,
}

enum Event {
    /// The connection is set up: the message's deadline starts.
    Ready,
    Done(Delivery),
}

impl Route {
    /// How to reach a server, each connection and message within `timeout`.
    pub(super) fn new(config: &SmtpConfig, timeout: Duration) -> Result<Route, Diagnostic> {
        Ok(Route {
            host: config.host.clone(),
            port: config.port,
            tls: config.tls()?,
            credentials: config.credentials(),
            shown: config.to_string(),
            timeout,
        })
    }

    /// Sends one message, within the deadlines.
    pub(super) fn deliver(&self, envelope: &Envelope, bytes: Vec<u8>) -> Delivery {
        let shared = Arc::new(Mutex::new(Shared {
            step: Step::Connecting,
            abandoned: false,
        }));
        let (tx, rx) = mpsc::channel();
        let (route, env, sh) = (self.clone(), envelope.clone(), Arc::clone(&shared));
        let spawned = std::thread::Builder::new()
            .name("smtp".into())
            .spawn(move || {
                let done = route.converse(&env, &bytes, &sh, &tx);
                let _ = tx.send(Event::Done(done));
            });
        if let Err(e) = spawned {
            return Delivery::NotSent(SendError::Connection(format!("cannot start: {e}")));
        }
        let mut deadline = Instant::now() + self.timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(Event::Ready) => deadline = Instant::now() + self.timeout,
                Ok(Event::Done(d)) => return d,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    let mut s = shared.lock().unwrap_or_else(|p| p.into_inner());
                    s.abandoned = true;
                    let why = format!(
                        "timed out after {} s waiting for {} on {}",
                        self.timeout.as_secs(),
                        s.step.what(),
                        self.shown
                    );
                    return if s.step == Step::Body {
                        Delivery::InDoubt(why)
                    } else {
                        Delivery::NotSent(SendError::TimedOut(why))
                    };
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    let s = shared.lock().unwrap_or_else(|p| p.into_inner());
                    let why = "the connection ended unexpectedly".to_string();
                    return if s.step == Step::Body {
                        Delivery::InDoubt(why)
                    } else {
                        Delivery::NotSent(SendError::Connection(why))
                    };
                }
            }
        }
    }

    /// The conversation, on the worker thread.
    fn converse(
        &self,
        envelope: &Envelope,
        bytes: &[u8],
        shared: &Mutex<Shared>,
        events: &mpsc::Sender<Event>,
    ) -> Delivery {
        let not_sent = |e: lettre::transport::smtp::Error| Delivery::NotSent(classify(&e));
        let hello = ClientId::default();
        let wrapper = match &self.tls {
            Tls::Wrapper(p) => Some(p),
            _ => None,
        };
        let mut conn = match SmtpConnection::connect(
            (self.host.as_str(), self.port),
            Some(self.timeout),
            &hello,
            wrapper,
            None,
        ) {
            Ok(c) => c,
            Err(e) => return not_sent(e),
        };
        if let Tls::Required(p) = &self.tls {
            if let Err(e) = conn.starttls(p, &hello) {
                return not_sent(e);
            }
        }
        if let Some(c) = &self.credentials {
            if let Err(e) = conn.auth(DEFAULT_MECHANISMS, c) {
                conn.abort();
                return not_sent(e);
            }
        }
        let _ = events.send(Event::Ready);
        let step = |s: Step| {
            let mut sh = shared.lock().unwrap_or_else(|p| p.into_inner());
            if sh.abandoned {
                return false;
            }
            sh.step = s;
            true
        };
        if !step(Step::Envelope) {
            conn.abort();
            return Delivery::NotSent(SendError::Connection("abandoned".into()));
        }
        let mut params = Vec::new();
        if !envelope.to().iter().all(|a| a.to_string().is_ascii())
            || envelope.from().is_some_and(|a| !a.to_string().is_ascii())
        {
            if !conn.server_info().supports_feature(Extension::SmtpUtfEight) {
                conn.abort();
                return Delivery::NotSent(SendError::Refused(
                    "the address is not ASCII and the server does not take SMTPUTF8".into(),
                ));
            }
            params.push(MailParameter::SmtpUtfEight);
        }
        if !bytes.is_ascii() {
            if !conn.server_info().supports_feature(Extension::EightBitMime) {
                conn.abort();
                return Delivery::NotSent(SendError::Fatal(
                    "the message is UTF-8 and the server does not take 8BITMIME".into(),
                ));
            }
            params.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        let envelope_ok = conn
            .command(Mail::new(envelope.from().cloned(), params))
            .and_then(|_| {
                for to in envelope.to() {
                    conn.command(Rcpt::new(to.clone(), vec![]))?;
                }
                conn.command(Data)
            });
        if let Err(e) = envelope_ok {
            conn.abort();
            return not_sent(e);
        }
        if !step(Step::Body) {
            conn.abort();
            return Delivery::NotSent(SendError::Connection("abandoned".into()));
        }
        match conn.message(bytes) {
            Ok(r) => {
                let _ = conn.quit();
                Delivery::Accepted(format!(
                    "{} {}",
                    r.code(),
                    r.message().collect::<Vec<_>>().join(" ")
                ))
            }
            // The server answered: it did not take the message.
            Err(e) if e.status().is_some() => {
                conn.abort();
                not_sent(e)
            }
            Err(e) => {
                conn.abort();
                Delivery::InDoubt(format!(
                    "the whole message was sent to {} and the connection ended without an answer ({})",
                    self.shown,
                    super::smtp::error_text(&e)
                ))
            }
        }
    }
}
