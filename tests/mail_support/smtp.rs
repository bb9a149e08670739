//! A small SMTP server on 127.0.0.1 for the mail tests, on std's
//! TcpListener (no runtime, nothing to install in CI). It speaks enough
//! ESMTP for lettre (EHLO, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA, RSET, NOOP,
//! QUIT), records every message it accepts, and can misbehave on purpose:
//! refuse chosen recipients, or stop accepting after N messages by hanging
//! or by dropping the connection.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// One accepted message.
#[derive(Debug, Clone)]
pub struct Received {
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    /// The message as sent (dot-unstuffed, CRLF line ends).
    pub data: Vec<u8>,
    /// The AUTH lines of the session, as sent.
    pub auth: Vec<String>,
}

/// What the server does once it has accepted `limit` messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterLimit {
    /// Reads the next message and never answers it (until the client goes).
    Hang,
    /// Reads the next message and closes the connection without answering.
    Drop,
    /// Takes the next message (it is delivered: it counts in `accepted`)
    /// and closes the connection without answering: the in-doubt case.
    KeepAndDrop,
}

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Recipients refused at RCPT with 550.
    pub refuse: Vec<String>,
    /// Accept at most this many messages, then behave as `after`.
    pub limit: Option<(usize, AfterLimit)>,
    /// Advertise AUTH PLAIN LOGIN.
    pub auth: bool,
    /// Send the greeting one byte at a time, this long apart.
    pub trickle_greeting: Option<Duration>,
}

#[derive(Default)]
struct State {
    accepted: Vec<Received>,
    /// Messages whose data ended, answered or not.
    data_ends: usize,
    connections: usize,
}

/// A running server; it lives until the test process ends.
#[derive(Clone)]
pub struct Server {
    pub port: u16,
    config: Arc<Config>,
    state: Arc<(Mutex<State>, Condvar)>,
}

impl Server {
    pub fn start(config: Config) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().unwrap().port();
        let server = Server {
            port,
            config: Arc::new(config),
            state: Arc::default(),
        };
        let s = server.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let s = s.clone();
                std::thread::spawn(move || {
                    let _ = s.session(stream);
                });
            }
        });
        server
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn accepted(&self) -> Vec<Received> {
        self.state.0.lock().unwrap().accepted.clone()
    }

    pub fn connections(&self) -> usize {
        self.state.0.lock().unwrap().connections
    }

    /// Waits until `n` messages have been fully received (answered or not).
    pub fn wait_for_data_ends(&self, n: usize, timeout: Duration) -> bool {
        let (lock, cv) = &*self.state;
        let deadline = Instant::now() + timeout;
        let mut st = lock.lock().unwrap();
        while st.data_ends < n {
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            st = cv.wait_timeout(st, deadline - now).unwrap().0;
        }
        true
    }

    fn session(&self, stream: TcpStream) -> std::io::Result<()> {
        stream.set_read_timeout(Some(Duration::from_secs(120)))?;
        let mut out = stream.try_clone()?;
        let mut input = BufReader::new(stream);
        self.state.0.lock().unwrap().connections += 1;
        let reply = |out: &mut TcpStream, s: &str| out.write_all(format!("{s}\r\n").as_bytes());
        match self.config.trickle_greeting {
            None => reply(&mut out, "220 127.0.0.1 test ESMTP")?,
            Some(every) => {
                for b in b"220 127.0.0.1 a very slow test ESMTP\r\n" {
                    std::thread::sleep(every);
                    out.write_all(&[*b])?;
                }
            }
        }
        let mut auth = Vec::new();
        let mut from = None::<String>;
        let mut rcpt = Vec::new();
        let mut line = String::new();
        loop {
            line.clear();
            if input.read_line(&mut line)? == 0 {
                return Ok(());
            }
            let cmd = line.trim_end().to_string();
            let upper = cmd.to_ascii_uppercase();
            if upper.starts_with("EHLO") {
                let mut lines = vec!["250-127.0.0.1", "250-8BITMIME", "250-SMTPUTF8"];
                if self.config.auth {
                    lines.push("250-AUTH PLAIN LOGIN");
                }
                lines.push("250 SIZE 50000000");
                reply(&mut out, &lines.join("\r\n"))?;
            } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
                reply(&mut out, "250 ok")?;
            } else if upper.starts_with("AUTH PLAIN") && self.config.auth {
                let mut entry = cmd.clone();
                if upper.trim() == "AUTH PLAIN" {
                    reply(&mut out, "334 ")?;
                    line.clear();
                    input.read_line(&mut line)?;
                    entry = format!("AUTH PLAIN {}", line.trim_end());
                }
                auth.push(entry);
                reply(&mut out, "235 2.7.0 authenticated")?;
            } else if upper.starts_with("AUTH LOGIN") && self.config.auth {
                let mut entry = cmd.clone();
                for prompt in ["334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6"] {
                    reply(&mut out, prompt)?;
                    line.clear();
                    input.read_line(&mut line)?;
                    entry.push(' ');
                    entry.push_str(line.trim_end());
                }
                auth.push(entry);
                reply(&mut out, "235 2.7.0 authenticated")?;
            } else if upper.starts_with("MAIL FROM:") {
                from = Some(addr(&cmd["MAIL FROM:".len()..]));
                rcpt.clear();
                reply(&mut out, "250 2.1.0 ok")?;
            } else if upper.starts_with("RCPT TO:") {
                let a = addr(&cmd["RCPT TO:".len()..]);
                if self
                    .config
                    .refuse
                    .iter()
                    .any(|r| r.eq_ignore_ascii_case(&a))
                {
                    reply(
                        &mut out,
                        &format!("550 5.1.1 <{a}>: Recipient address rejected: User unknown"),
                    )?;
                } else {
                    rcpt.push(a);
                    reply(&mut out, "250 2.1.5 ok")?;
                }
            } else if upper == "DATA" {
                if from.is_none() || rcpt.is_empty() {
                    reply(&mut out, "554 5.5.1 no valid recipients")?;
                    continue;
                }
                reply(&mut out, "354 end data with <CR><LF>.<CR><LF>")?;
                let mut data = Vec::new();
                loop {
                    let mut l = Vec::new();
                    if input.read_until(b'\n', &mut l)? == 0 {
                        return Ok(());
                    }
                    if l == b".\r\n" || l == b".\n" {
                        break;
                    }
                    let l = if l.starts_with(b"..") {
                        &l[1..]
                    } else {
                        &l[..]
                    };
                    data.extend_from_slice(l);
                }
                let over_limit = {
                    let (lock, cv) = &*self.state;
                    let mut st = lock.lock().unwrap();
                    st.data_ends += 1;
                    cv.notify_all();
                    let over = match self.config.limit {
                        Some((n, after)) if st.accepted.len() >= n => Some(after),
                        _ => None,
                    };
                    if matches!(over, None | Some(AfterLimit::KeepAndDrop)) {
                        st.accepted.push(Received {
                            mail_from: from.clone().unwrap_or_default(),
                            rcpt_to: rcpt.clone(),
                            data,
                            auth: auth.clone(),
                        });
                    }
                    over
                };
                match over_limit {
                    None => {
                        let n = self.state.0.lock().unwrap().accepted.len();
                        reply(&mut out, &format!("250 2.0.0 Ok: queued as T{n}"))?;
                    }
                    Some(AfterLimit::Drop | AfterLimit::KeepAndDrop) => return Ok(()),
                    Some(AfterLimit::Hang) => {
                        // Never answer; return once the client is gone.
                        let mut sink = Vec::new();
                        let _ = input.read_until(b'\n', &mut sink);
                        return Ok(());
                    }
                }
                from = None;
                rcpt.clear();
            } else if upper == "RSET" {
                from = None;
                rcpt.clear();
                reply(&mut out, "250 2.0.0 ok")?;
            } else if upper == "QUIT" {
                reply(&mut out, "221 2.0.0 bye")?;
                return Ok(());
            } else {
                reply(&mut out, "502 5.5.2 command not recognised")?;
            }
        }
    }
}

/// `<a@b> SIZE=…` → `a@b`.
fn addr(s: &str) -> String {
    let s = s.trim();
    match (s.find('<'), s.find('>')) {
        (Some(a), Some(b)) if a < b => s[a + 1..b].to_string(),
        _ => s.split_whitespace().next().unwrap_or("").to_string(),
    }
}

/// How many messages each address received, over all servers.
pub fn deliveries(servers: &[&Server]) -> std::collections::BTreeMap<String, usize> {
    let mut n = std::collections::BTreeMap::new();
    for s in servers {
        for m in s.accepted() {
            for r in m.rcpt_to {
                *n.entry(r).or_default() += 1;
            }
        }
    }
    n
}
