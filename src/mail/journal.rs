//! The send journal: one JSON line per message the SMTP server accepted,
//! appended and flushed to disk before the next message is sent. A run that
//! is interrupted or fails half-way is simply run again: whatever the
//! journal holds is not sent a second time.
//!
//! The only window left is between the server's "250 accepted" and the
//! journal line reaching the disk (milliseconds); a crash exactly there
//! sends that one message again on the next run. SMTP itself offers no way
//! to close it.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
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
}

/// The journal file, loaded once and appended to.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    sent: BTreeMap<String, Entry>,
    /// Lines that did not parse (a run killed mid-write), kept for the report.
    pub unreadable: Vec<usize>,
}

/// The journal's key for one message.
pub fn key(brand: &str, job: &str, template: &str, email: &str) -> String {
    format!("{brand}/{job}/{template}/{}", email.to_lowercase())
}

impl Journal {
    /// Reads the journal at `path`; a missing file is an empty journal.
    pub fn load(path: &Path) -> std::io::Result<Journal> {
        let mut sent = BTreeMap::new();
        let mut unreadable = Vec::new();
        match std::fs::read_to_string(path) {
            Ok(text) => {
                for (i, line) in text.lines().enumerate() {
                    if line.trim().is_empty() {
                        continue;
                    }
                    match serde_json::from_str::<Entry>(line) {
                        Ok(e) => {
                            sent.insert(e.key.clone(), e);
                        }
                        Err(_) => unreadable.push(i + 1),
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        Ok(Journal {
            path: path.to_path_buf(),
            sent,
            unreadable,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The entry for a message already accepted, if any.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.sent.get(key)
    }

    /// Appends one accepted message and waits until it is on disk.
    pub fn record(&mut self, entry: Entry) -> std::io::Result<()> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut line = serde_json::to_string(&entry).map_err(std::io::Error::other)?;
        line.push('\n');
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        // A previous run killed mid-line left no newline: start a fresh line
        // so this entry parses.
        if f.metadata()?.len() > 0 && !ends_with_newline(&self.path)? {
            line.insert(0, '\n');
        }
        f.write_all(line.as_bytes())?;
        f.sync_data()?;
        self.sent.insert(entry.key.clone(), entry);
        Ok(())
    }
}

fn ends_with_newline(path: &Path) -> std::io::Result<bool> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = std::fs::File::open(path)?;
    f.seek(SeekFrom::End(-1))?;
    let mut b = [0u8; 1];
    f.read_exact(&mut b)?;
    Ok(b[0] == b'\n')
}

/// `YYYY-MM-DDTHH:MM:SSZ` for seconds since the Unix epoch.
pub fn utc_timestamp(epoch: i64) -> String {
    let s = epoch.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        crate::build::iso_date(epoch),
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
        }
    }

    #[test]
    fn survives_a_line_cut_short() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mail/sent.jsonl");
        let mut j = Journal::load(&path).unwrap();
        j.record(entry("one")).unwrap();
        // A run killed mid-write.
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        f.write_all(b"{\"key\":\"tw").unwrap();
        let mut j = Journal::load(&path).unwrap();
        assert_eq!(j.unreadable, [2]);
        j.record(entry("three")).unwrap();
        let j = Journal::load(&path).unwrap();
        assert!(j.get("one").is_some() && j.get("three").is_some());
        assert_eq!(j.unreadable, [2]);
        assert_eq!(utc_timestamp(86_400 + 3661), "1970-01-02T01:01:01Z");
    }

    #[test]
    fn keys_ignore_the_case_of_the_address() {
        assert_eq!(
            key("b", "j", "email", "Ann@X.org"),
            key("b", "j", "email", "ann@x.org")
        );
    }
}
