//! Sending through an SMTP server with lettre.
//!
//! `smtp://host[:port]` uses STARTTLS (port 587 unless given) and refuses to
//! go on when the server does not offer it, so neither credentials nor
//! applicants' mail cross a network in clear; `smtps://host[:port]` is TLS
//! from the first byte (port 465). The one exception is a loopback host
//! (`localhost`, `127.0.0.1`, `[::1]`): a local relay or tunnel, whose
//! traffic never leaves the machine, is spoken to in plain SMTP.
//!
//! Credentials come only from the environment
//! ([`USER_VAR`], [`PASSWORD_VAR`]): a URL with a user or password in it is
//! refused, since command lines end up in shell history and process lists.
//! Nothing here ever prints them.

use crate::diagnostic::Diagnostic;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use std::fmt;

/// The SMTP user name, from the environment only.
pub const USER_VAR: &str = "CAREERPRESS_SMTP_USER";
/// The SMTP password, from the environment only.
pub const PASSWORD_VAR: &str = "CAREERPRESS_SMTP_PASSWORD";

/// Where and how to send.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpConfig {
    /// TLS from the first byte (`smtps://`) rather than STARTTLS.
    pub implicit_tls: bool,
    pub host: String,
    pub port: u16,
    user: Option<String>,
    password: Option<String>,
}

impl fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never the password.
        f.debug_struct("SmtpConfig")
            .field("server", &self.to_string())
            .field("user", &self.user)
            .finish()
    }
}

/// `smtp://host:port` (no credentials: safe to print and to log).
impl fmt::Display for SmtpConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = if self.implicit_tls { "smtps" } else { "smtp" };
        if self.host.contains(':') {
            write!(f, "{scheme}://[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{scheme}://{}:{}", self.host, self.port)
        }
    }
}

impl SmtpConfig {
    /// Parses `--smtp URL`, taking credentials from `env` (the process
    /// environment in the CLI). Errors never repeat what was in the URL's
    /// user or password part.
    pub fn parse(
        url: &str,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<SmtpConfig, Diagnostic> {
        let example = "like smtp://smtp.example.nhs.uk:587 or smtps://smtp.example.nhs.uk";
        let u = url::Url::parse(url).map_err(|e| {
            Diagnostic::error(format!("--smtp: not a server address {example} ({e})"))
        })?;
        if !u.username().is_empty() || u.password().is_some() {
            return Err(Diagnostic::error(format!(
                "--smtp: the address holds a user name or password; remove them and set \
                 {USER_VAR} and {PASSWORD_VAR} in the environment instead"
            )));
        }
        let implicit_tls = match u.scheme() {
            "smtp" => false,
            "smtps" => true,
            other => {
                return Err(Diagnostic::error(format!(
                    "--smtp: '{other}://' is not supported; use smtp:// (STARTTLS) or \
                     smtps:// (TLS), {example}"
                )))
            }
        };
        let host = match u.host() {
            Some(url::Host::Domain(d)) if !d.is_empty() => d.to_string(),
            Some(url::Host::Ipv4(a)) => a.to_string(),
            Some(url::Host::Ipv6(a)) => a.to_string(),
            _ => {
                return Err(Diagnostic::error(format!(
                    "--smtp: no server name, {example}"
                )))
            }
        };
        if !matches!(u.path(), "" | "/") || u.query().is_some() || u.fragment().is_some() {
            return Err(Diagnostic::error(format!(
                "--smtp: give only the scheme, server and port, {example}"
            )));
        }
        let port = u.port().unwrap_or(if implicit_tls { 465 } else { 587 });
        let non_empty = |v: &str| env(v).filter(|s| !s.is_empty());
        let (user, password) = (non_empty(USER_VAR), non_empty(PASSWORD_VAR));
        if user.is_some() != password.is_some() {
            return Err(Diagnostic::error(format!(
                "set both {USER_VAR} and {PASSWORD_VAR}, or neither (for a server that \
                 needs no login)"
            )));
        }
        Ok(SmtpConfig {
            implicit_tls,
            host,
            port,
            user,
            password,
        })
    }

    /// Whether the server is on this machine.
    pub fn is_loopback(&self) -> bool {
        self.host.eq_ignore_ascii_case("localhost")
            || self
                .host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|a| a.is_loopback())
    }

    /// How the connection is secured: TLS from the start for `smtps://`,
    /// STARTTLS required for `smtp://`, plain only on loopback.
    pub fn tls_policy(&self) -> TlsPolicy {
        if self.implicit_tls {
            TlsPolicy::Implicit
        } else if self.is_loopback() {
            TlsPolicy::PlainLoopback
        } else {
            TlsPolicy::StartTlsRequired
        }
    }

    /// `host:port`, for the journal.
    pub fn server(&self) -> String {
        self.to_string()
            .split_once("://")
            .map(|(_, s)| s.to_string())
            .unwrap_or_default()
    }

    /// lettre's TLS settings for [`SmtpConfig::tls_policy`].
    pub(super) fn tls(&self) -> Result<Tls, Diagnostic> {
        let params = || {
            TlsParameters::new(self.host.clone())
                .map_err(|e| Diagnostic::error(format!("{self}: cannot set up TLS: {e}")))
        };
        Ok(match self.tls_policy() {
            TlsPolicy::Implicit => Tls::Wrapper(params()?),
            TlsPolicy::StartTlsRequired => Tls::Required(params()?),
            TlsPolicy::PlainLoopback => Tls::None,
        })
    }

    /// The login, when the environment gave one.
    pub(super) fn credentials(&self) -> Option<Credentials> {
        match (&self.user, &self.password) {
            (Some(u), Some(p)) => Some(Credentials::new(u.clone(), p.clone())),
            _ => None,
        }
    }
}

/// See [`SmtpConfig::tls_policy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsPolicy {
    Implicit,
    StartTlsRequired,
    PlainLoopback,
}

/// Why one message was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// The server refused this message for good (5xx), e.g. an unknown
    /// recipient. The others still go.
    Refused(String),
    /// The server asked to try later (4xx): running again retries it.
    Deferred(String),
    /// No conversation with the server (connection, network).
    Connection(String),
    /// The server did not finish a step within `--timeout` (which, in
    /// the message).
    TimedOut(String),
    /// Nothing will be accepted: login refused, TLS failed, STARTTLS not
    /// offered. The run stops.
    Fatal(String),
}

impl SendError {
    /// Why, in the few words the summary counts rows by.
    pub fn reason(&self) -> &'static str {
        match self {
            SendError::Refused(_) => "refused by the server",
            SendError::Deferred(_) => "deferred by the server",
            SendError::Connection(_) => "no connection to the server",
            SendError::TimedOut(_) => "timed out",
            SendError::Fatal(_) => "not accepted by the server",
        }
    }
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendError::Refused(m) => write!(f, "refused by the server: {m}"),
            SendError::Deferred(m) => write!(f, "deferred by the server (run again to retry): {m}"),
            SendError::Connection(m) => write!(f, "not sent, no connection to the server: {m}"),
            SendError::TimedOut(m) => write!(f, "not sent, {m}"),
            SendError::Fatal(m) => write!(f, "not sent: {m}"),
        }
    }
}

/// What a lettre error means for the message.
pub(super) fn classify(e: &lettre::transport::smtp::Error) -> SendError {
    let mut text = error_text(e);
    // "permanent error (550): 5.1.1 …" → "550 5.1.1 …", as servers write it.
    if let (Some(code), Some((_, rest))) = (e.status(), text.split_once("): ")) {
        text = format!("{code} {rest}");
    }
    match e.status() {
        // 530 authentication required, 534/535/538: login refused.
        Some(code)
            if e.is_permanent()
                && matches!(code.to_string().as_str(), "530" | "534" | "535" | "538") =>
        {
            SendError::Fatal(format!("the server refused the login: {text}"))
        }
        Some(_) if e.is_permanent() => SendError::Refused(text),
        Some(_) => SendError::Deferred(text),
        None if e.is_tls() || e.is_client() => SendError::Fatal(text),
        None => SendError::Connection(text),
    }
}

/// lettre's error with its causes, on one line.
pub(super) fn error_text(e: &(dyn std::error::Error + 'static)) -> String {
    let mut s = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let c_text = c.to_string();
        if !s.contains(&c_text) {
            s.push_str(": ");
            s.push_str(&c_text);
        }
        cause = c.source();
    }
    s.replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(user: Option<&str>, pass: Option<&str>) -> impl Fn(&str) -> Option<String> {
        let (u, p) = (user.map(String::from), pass.map(String::from));
        move |k| match k {
            USER_VAR => u.clone(),
            PASSWORD_VAR => p.clone(),
            _ => None,
        }
    }

    #[test]
    fn credentials_in_the_url_are_refused_without_repeating_them() {
        for url in [
            "smtp://ann:s3cret@smtp.example.org",
            "smtps://ann@smtp.example.org",
            "smtp://:s3cret@127.0.0.1:2525",
        ] {
            let e = SmtpConfig::parse(url, env(None, None))
                .unwrap_err()
                .to_string();
            assert!(e.contains(USER_VAR), "{e}");
            assert!(!e.contains("s3cret") && !e.contains("ann"), "{e}");
        }
    }

    #[test]
    fn plain_smtp_is_only_for_loopback() {
        let p = |u: &str| SmtpConfig::parse(u, env(None, None)).unwrap();
        assert_eq!(
            p("smtp://smtp.example.org").tls_policy(),
            TlsPolicy::StartTlsRequired
        );
        assert_eq!(p("smtp://smtp.example.org").port, 587);
        assert_eq!(
            p("smtp://10.0.0.1:25").tls_policy(),
            TlsPolicy::StartTlsRequired
        );
        assert_eq!(
            p("smtps://smtp.example.org").tls_policy(),
            TlsPolicy::Implicit
        );
        assert_eq!(p("smtps://smtp.example.org").port, 465);
        for local in [
            "smtp://127.0.0.1:2525",
            "smtp://localhost:25",
            "smtp://[::1]:25",
        ] {
            assert_eq!(p(local).tls_policy(), TlsPolicy::PlainLoopback, "{local}");
        }
        assert_eq!(p("smtp://[::1]:25").to_string(), "smtp://[::1]:25");
        assert_eq!(p("smtp://127.0.0.1:2525").server(), "127.0.0.1:2525");
    }

    #[test]
    fn other_schemes_paths_and_half_credentials_are_refused() {
        for url in [
            "http://x.org",
            "smtp://x.org/inbox",
            "smtp://x.org?tls=no",
            "smtp://",
        ] {
            assert!(SmtpConfig::parse(url, env(None, None)).is_err(), "{url}");
        }
        assert!(SmtpConfig::parse("smtp://x.org", env(Some("u"), None)).is_err());
        let c = SmtpConfig::parse("smtp://x.org", env(Some("u"), Some("pw"))).unwrap();
        assert!(!format!("{c:?} {c}").contains("pw"));
    }
}
