//! The send journal: JSON lines, each appended and synced to disk before
//! the run goes on. Before a message's connection opens (so before DATA) a
//! `sending` line says it is about to go; once the server has answered, a
//! second line says what became of it: `sent`, `not_sent` (refused, or the
//! conversation ended before the body went) or `in_doubt` (the whole
//! message went and no answer came). A message's last line decides: `sent`
//! is never sent again; `sending` (the run was killed while it went) and
//! `in_doubt` are *in doubt*, not sent again unless `--resend-in-doubt`;
//! `not_sent` is tried again. So no message goes out unrecorded: when the
//! `sending` line cannot be written (a read-only or full disk), the message
//! is not sent and the run stops.
//!
//! The journal is the project's, not the output folder's: it lives in
//! `<project>/.careerpress/mail/sent.jsonl` whatever `--out` says, so a run
//! with another output folder never mails everyone again. A sending run
//! holds `<project>/.careerpress/mail/send.lock` exclusively from start to
//! end (a second run waits), and checks the journal on disk before each
//! message.
//!
//! A line cut short (a run killed mid-write, even inside a multi-byte
//! character) costs nothing: the intact lines count, the damaged bytes are
//! moved to `sent.jsonl.damaged` for a person to look at, and the journal
//! goes on from its last whole line.
//!
//! The window SMTP itself leaves open (the server took the message, and
//! the run died or the connection dropped before its "250" was read) is
//! never guessed at: such a message is in doubt, and the report names its
//! applicant.

use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// One accepted message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// What makes a message the same message: `brand/job/template/email`.
    pub key: String,
    pub message_id: String,
    pub to: String,
    /// When the server accepted it, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub sent_at: String,
    /// `host:port` of the server (never credentials).
    pub server: String,
    /// The server's reply, e.g. `250 2.0.0 Ok: queued as 4F2A`.
    #[serde(default)]
    pub reply: String,
    /// What this line says; lines of older versions are all `sent`.
    #[serde(default)]
    pub state: State,
    /// Why it is `not_sent` or `in_doubt`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

/// What a journal line says about its message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// About to go: written before the connection opens.
    Sending,
    /// Accepted by the server.
    #[default]
    Sent,
    /// The server cannot have it.
    NotSent,
    /// The whole message went and no answer came.
    InDoubt,
}

/// A message's standing in the journal (its last line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing<'a> {
    /// Never sent, or tried and not taken: send it.
    Unsent,
    Sent(&'a Entry),
    /// The server may have it: when, and why.
    InDoubt(&'a Entry),
}

/// The project's mail state folder.
pub fn state_dir(root: &Path) -> PathBuf {
    root.join(".careerpress").join("mail")
}

/// The journal file of a project.
pub fn journal_path(root: &Path) -> PathBuf {
    state_dir(root).join("sent.jsonl")
}

/// The journal's key for one message. The address is compared as mail
/// delivers it: in any case, and with its domain in ASCII, so
/// `ann@bücher.example` and `ann@xn--bcher-kva.example` are one person.
pub fn key(brand: &str, job: &str, template: &str, email: &str) -> String {
    format!("{brand}/{job}/{template}/{}", canonical_address(email))
}

/// An address as the journal compares it: lower case, the domain in ASCII
/// (IDNA), so the Unicode and `xn--` forms of one domain are the same.
pub fn canonical_address(email: &str) -> String {
    let lower = email.to_lowercase();
    match lower.rsplit_once('@') {
        Some((local, domain)) => match idna::domain_to_ascii(domain) {
            Ok(ascii) => format!("{local}@{ascii}"),
            Err(_) => lower,
        },
        None => lower,
    }
}

/// A key as written by any version: its address made canonical (journals
/// of older versions kept Unicode domains as they were).
fn canonical_key(written: &str) -> String {
    let mut parts = written.splitn(4, '/');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(b), Some(j), Some(t), Some(email)) => key(b, j, t, email),
        _ => written.to_string(),
    }
}

/// The journal, as read from disk.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    sent: BTreeMap<String, Entry>,
    /// Length of the file as last read or written by this run.
    len: u64,
    /// Whether damaged lines may be moved aside (not in a dry run).
    repair: bool,
    /// Problems found reading it: damaged lines set aside, journals of older
    /// versions read in (warnings, each naming its file).
    pub notes: Vec<Diagnostic>,
}

/// The lock a sending run holds (released when dropped or when the process
/// ends, however it ends).
pub struct SendLock(#[allow(dead_code)] File);

impl SendLock {
    /// Takes the project's send lock, waiting for another sending run to
    /// finish; `waiting` is called once if it has to wait.
    pub fn take(root: &Path, waiting: impl FnOnce()) -> std::io::Result<SendLock> {
        let dir = state_dir(root);
        std::fs::create_dir_all(&dir)?;
        let f = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join("send.lock"))?;
        if f.try_lock().is_err() {
            waiting();
            f.lock()?;
        }
        Ok(SendLock(f))
    }
}

impl Journal {
    /// Reads the journal at `path` (a missing file is an empty journal),
    /// setting a damaged tail aside when `repair` (not in a dry run).
    /// `legacy` are journals older versions kept under an output folder:
    /// their entries count too.
    pub fn load(path: &Path, legacy: &[PathBuf], repair: bool) -> std::io::Result<Journal> {
        let mut j = Journal {
            path: path.to_path_buf(),
            sent: BTreeMap::new(),
            len: 0,
            repair,
            notes: Vec::new(),
        };
        for old in legacy.iter().filter(|p| p.as_path() != path) {
            if let Ok(bytes) = std::fs::read(old) {
                let (entries, _) = parse(&bytes);
                if !entries.is_empty() {
                    j.notes.push(Diagnostic::warning(format!(
                        "{} messages recorded there by an earlier version are counted as sent (the journal is now {})",
                        entries.len(),
                        path.display()
                    )).in_file(old));
                }
                for e in entries {
                    j.sent.insert(canonical_key(&e.key), e);
                }
            }
        }
        j.reload()?;
        Ok(j)
    }

    /// Reads the file again if it changed since this run last saw it
    /// (another process appended to it).
    pub fn refresh(&mut self) -> std::io::Result<()> {
        let len = std::fs::metadata(&self.path).map_or(0, |m| m.len());
        if len != self.len {
            self.reload()?;
        }
        Ok(())
    }

    fn reload(&mut self) -> std::io::Result<()> {
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                self.len = 0;
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        let (entries, damaged) = parse(&bytes);
        for e in entries {
            self.sent.insert(canonical_key(&e.key), e);
        }
        self.len = bytes.len() as u64;
        if damaged.is_empty() {
            return Ok(());
        }
        if self.repair {
            self.set_aside(&bytes, &damaged)?;
        } else {
            for (line, _) in &damaged {
                self.notes.push(
                    Diagnostic::warning(
                        "a damaged line (a run cut short while writing it?); the message it was about may be sent again",
                    )
                    .in_file(&self.path)
                    .at(*line, None),
                );
            }
        }
        Ok(())
    }

    /// Moves damaged lines out of the journal: appended to
    /// `sent.jsonl.damaged`, and the journal rewritten without them.
    fn set_aside(&mut self, bytes: &[u8], damaged: &[(usize, &[u8])]) -> std::io::Result<()> {
        let side = self.path.with_extension("jsonl.damaged");
        let mut f = OpenOptions::new().create(true).append(true).open(&side)?;
        for (line, b) in damaged {
            f.write_all(b)?;
            f.write_all(b"\n")?;
            self.notes.push(
                Diagnostic::warning(format!(
                    "a damaged line (a run cut short while writing it?) was moved to {}; the message it was about may be sent again",
                    side.display()
                ))
                .in_file(&self.path)
                .at(*line, None),
            );
        }
        f.sync_all()?;
        // Keep every whole, readable line, in order.
        let mut kept = Vec::with_capacity(bytes.len());
        for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
            let bad = damaged.iter().any(|(n, _)| *n == i + 1);
            if !bad && !line.iter().all(u8::is_ascii_whitespace) {
                kept.extend_from_slice(line);
                kept.push(b'\n');
            }
        }
        crate::pipeline::write_atomic(&self.path, &kept)?;
        File::open(&self.path)?.sync_all()?;
        self.len = kept.len() as u64;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The last line about a message, if any.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.sent.get(key)
    }

    /// What the journal says of a message. Read under the send lock, a
    /// `sending` line is a run that died while the message went.
    pub fn standing(&self, key: &str) -> Standing<'_> {
        match self.sent.get(key) {
            None => Standing::Unsent,
            Some(e) => match e.state {
                State::Sent => Standing::Sent(e),
                State::NotSent => Standing::Unsent,
                State::Sending | State::InDoubt => Standing::InDoubt(e),
            },
        }
    }

    /// Checks before the first message that the journal can be written:
    /// its folder made, the file opened for appending. (A full disk shows
    /// only when a line is written: each message's `sending` line is.)
    pub fn check_writable(&self) -> std::io::Result<()> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .map(drop)
    }

    /// Appends one line and waits until it is on disk.
    pub fn record(&mut self, entry: Entry) -> std::io::Result<()> {
        let new_file = !self.path.exists();
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut line = serde_json::to_string(&entry).map_err(std::io::Error::other)?;
        line.push('\n');
        let mut f = OpenOptions::new()
            .create(true)
            .read(true)
            .append(true)
            .open(&self.path)?;
        // A line cut short by a killed run, after this run read the file:
        // start a fresh line so this entry parses.
        let len = f.metadata()?.len();
        if len > 0 {
            let mut last = [0u8; 1];
            f.seek(SeekFrom::Start(len - 1))?;
            f.read_exact(&mut last)?;
            if last[0] != b'\n' {
                line.insert(0, '\n');
            }
        }
        f.write_all(line.as_bytes())?;
        f.sync_data()?;
        if new_file {
            // The file's name must reach the disk too.
            if let Some(dir) = self.path.parent() {
                if let Ok(d) = File::open(dir) {
                    let _ = d.sync_all();
                }
            }
        }
        self.len = f.metadata()?.len();
        self.sent.insert(entry.key.clone(), entry);
        Ok(())
    }
}

/// The entries of a journal's bytes, and the damaged lines (1-based line
/// number and bytes).
fn parse(bytes: &[u8]) -> (Vec<Entry>, Vec<(usize, &[u8])>) {
    let mut entries = Vec::new();
    let mut damaged = Vec::new();
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match std::str::from_utf8(line)
            .ok()
            .and_then(|s| serde_json::from_str::<Entry>(s).ok())
        {
            Some(e) => entries.push(e),
            None => damaged.push((i + 1, line)),
        }
    }
    (entries, damaged)
}

/// `YYYY-MM-DDTHH:MM:SSZ` for seconds since the Unix epoch.
pub fn utc_timestamp(epoch: i64) -> String {
    let s = epoch.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        crate::pipeline::iso_date(epoch),
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str) -> Entry {
        Entry {
            key: key.into(),
            message_id: "<a@b>".into(),
            to: "a@b.org".into(),
            sent_at: utc_timestamp(0),
            server: "127.0.0.1:25".into(),
            reply: "250 ok".into(),
            state: State::Sent,
            detail: String::new(),
        }
    }

    #[test]
    fn a_line_cut_inside_a_character_is_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mail/sent.jsonl");
        let mut j = Journal::load(&path, &[], true).unwrap();
        j.record(entry("one")).unwrap();
        let mut two = entry("twö");
        two.to = "Zoë <z@b.org>".into();
        let line = serde_json::to_string(&two).unwrap();
        // A run killed mid-write, inside the two bytes of 'ö'.
        let cut = line.find('ö').unwrap() + 1;
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(&line.as_bytes()[..cut]).unwrap();
        drop(f);
        let mut j = Journal::load(&path, &[], true).unwrap();
        assert!(j.get("one").is_some());
        assert_eq!(j.notes.len(), 1, "{:?}", j.notes);
        assert!(j.notes[0]
            .to_string()
            .contains("sent.jsonl:2: a damaged line"));
        let side = std::fs::read(path.with_extension("jsonl.damaged")).unwrap();
        assert_eq!(&side[..cut], &line.as_bytes()[..cut]);
        j.record(entry("three")).unwrap();
        let j = Journal::load(&path, &[], true).unwrap();
        assert!(j.get("one").is_some() && j.get("three").is_some());
        assert!(j.notes.is_empty(), "{:?}", j.notes);
        assert_eq!(utc_timestamp(86_400 + 3661), "1970-01-02T01:01:01Z");
    }

    #[test]
    fn keys_ignore_the_case_of_the_address_and_the_form_of_its_domain() {
        assert_eq!(
            key("b", "j", "email", "Ann@X.org"),
            key("b", "j", "email", "ann@x.org")
        );
        assert_eq!(
            key("b", "j", "email", "ann@Bücher.example"),
            "b/j/email/ann@xn--bcher-kva.example"
        );
        assert_eq!(
            canonical_key("b/j/email/ann@bücher.example"),
            key("b", "j", "email", "ann@xn--bcher-kva.example")
        );
    }
}
