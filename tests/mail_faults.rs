//! `careerpress mail --smtp` when things go wrong around the message: a
//! journal that cannot be written (immutable, a full disk), a server that
//! takes the whole message and never answers (in doubt), a server that
//! trickles its greeting (deadlines), and two runs at once meeting a
//! message in doubt. Real processes, a real SMTP server on 127.0.0.1
//! (tests/mail_support/smtp.rs), real file systems.

mod common;
mod mail_support;

use common::{assert_exit, stderr, stdout, Project};
use mail_support::smtp::{deliveries, AfterLimit, Config, Server};
use mail_support::{applicants, mail, mail_together};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const JOURNAL: &str = ".careerpress/mail/sent.jsonl";

/// The journal's lines as JSON.
fn journal(p: &Project) -> Vec<serde_json::Value> {
    std::fs::read_to_string(p.file(JOURNAL))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Makes a file unwritable for whoever runs the tests: immutable for root
/// (whom permissions do not stop), read-only for anyone else. Undone on drop.
struct Unwritable(PathBuf);

impl Unwritable {
    fn new(path: &Path) -> Option<Unwritable> {
        let ok = Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            let mut perm = std::fs::metadata(path).ok()?.permissions();
            perm.set_readonly(true);
            std::fs::set_permissions(path, perm).ok()?;
        }
        // Refuse to test what the test cannot arrange.
        std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .is_err()
            .then(|| Unwritable(path.to_path_buf()))
    }
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        if let Ok(m) = std::fs::metadata(&self.0) {
            let mut perm = m.permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perm.set_readonly(false);
            let _ = std::fs::set_permissions(&self.0, perm);
        }
    }
}

#[test]
fn an_unwritable_journal_stops_the_run_before_anything_is_sent() {
    let server = Server::start(Config::default());
    let p = Project::copy();
    p.write("recipients.csv", applicants(1));
    let o = mail(&p, &["recipients.csv", "--smtp", &server.url()]);
    assert_exit(&o, 0);
    p.write("recipients.csv", applicants(3));
    let Some(lock) = Unwritable::new(&p.file(JOURNAL)) else {
        panic!("cannot make the journal unwritable here (chattr or chmod)");
    };
    let o = mail(&p, &["recipients.csv", "--smtp", &server.url()]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains("sent.jsonl: cannot write the send journal")
            && err.contains("nothing was sent"),
        "{err}"
    );
    assert_eq!(server.accepted().len(), 1, "a message went out unrecorded");
    drop(lock);
    // Once it can be written, the rest go, each once.
    let o = mail(&p, &["recipients.csv", "--smtp", &server.url()]);
    assert_exit(&o, 0);
    let d = deliveries(&[&server]);
    assert_eq!(d.len(), 3, "{d:?}");
    assert!(d.values().all(|n| *n == 1), "{d:?}");
}

/// A tiny tmpfs mounted on a folder, filled to the last byte; unmounted on
/// drop. `None` where mounting is not allowed (not root).
struct FullDisk {
    at: PathBuf,
}

impl FullDisk {
    fn mount(at: &Path) -> Option<FullDisk> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
            .arg(at)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            return None;
        }
        let disk = FullDisk {
            at: at.to_path_buf(),
        };
        // Fill it: one byte at a time at the end, until no byte more fits.
        let mut f = std::fs::File::create(at.join("filler")).ok()?;
        use std::io::Write;
        while f.write_all(&[0u8; 4096]).is_ok() {}
        while f.write_all(&[0u8]).is_ok() {}
        Some(disk)
    }

    fn free(&self) {
        let _ = std::fs::remove_file(self.at.join("filler"));
    }
}

impl Drop for FullDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.at).status();
    }
}

#[test]
fn a_full_disk_sends_nothing_unrecorded_and_the_rerun_sends_each_once() {
    let server = Server::start(Config::default());
    let p = Project::copy();
    p.write("recipients.csv", applicants(3));
    let Some(disk) = FullDisk::mount(&p.file(".careerpress/mail")) else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    let o = mail(&p, &["recipients.csv", "--smtp", &server.url()]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains("cannot write the send journal") && err.contains("No space left"),
        "{err}"
    );
    assert!(
        err.contains("nothing is sent unrecorded"),
        "the stop must say why: {err}"
    );
    assert_eq!(server.accepted().len(), 0, "a message went out unrecorded");
    assert_eq!(server.connections(), 0);
    disk.free();
    let o = mail(&p, &["recipients.csv", "--smtp", &server.url()]);
    assert_exit(&o, 0);
    let d = deliveries(&[&server]);
    assert_eq!(d.len(), 3, "{d:?}");
    assert!(d.values().all(|n| *n == 1), "{d:?}");
    let sent = journal(&p).iter().filter(|l| l["state"] == "sent").count();
    assert_eq!(sent, 3);
}

#[test]
fn a_message_taken_without_an_answer_is_in_doubt_and_not_resent() {
    // The server takes the second and later messages and hangs up before
    // saying so: their applicants did get them.
    let server = Server::start(Config {
        limit: Some((1, AfterLimit::KeepAndDrop)),
        ..Config::default()
    });
    let p = Project::copy();
    p.write("recipients.csv", applicants(3));
    let o = mail(&p, &["recipients.csv", "--smtp", &server.url()]);
    assert_exit(&o, 1);
    let (out, err) = (stdout(&o), stderr(&o));
    assert!(
        err.contains(
            "recipients.csv:3: applicant2@example.org: in doubt: the server may have taken it"
        ),
        "{err}"
    );
    assert!(
        out.contains("Sent 1 message")
            && out.contains("2 in doubt, not sent again")
            && out.contains("Applicant 2 <applicant2@example.org> (line 3)")
            && out.contains("Applicant 3 <applicant3@example.org> (line 4)")
            && out.contains("--resend-in-doubt"),
        "{out}"
    );
    assert_eq!(server.accepted().len(), 3);

    // Run again, even through a server that answers: not sent again, and
    // the report still says who is in doubt.
    let good = Server::start(Config::default());
    let o = mail(&p, &["recipients.csv", "--smtp", &good.url()]);
    assert_exit(&o, 1);
    let out = stdout(&o);
    assert!(
        out.contains("1 already sent")
            && out.contains("2 in doubt")
            && out.contains("Applicant 2 <applicant2@example.org> (line 3)"),
        "{out}"
    );
    assert!(stderr(&o).contains("in doubt: the server may have taken it (since "));
    assert_eq!(
        good.accepted().len(),
        0,
        "a message in doubt was sent again"
    );

    // Asked to, it sends them again, once.
    let o = mail(
        &p,
        &["recipients.csv", "--smtp", &good.url(), "--resend-in-doubt"],
    );
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("Sent 2 messages"), "{}", stdout(&o));
    let o = mail(
        &p,
        &["recipients.csv", "--smtp", &good.url(), "--resend-in-doubt"],
    );
    assert_exit(&o, 0);
    assert_eq!(good.accepted().len(), 2);
}

#[test]
fn a_server_trickling_its_greeting_is_cut_off_and_the_report_names_it() {
    let server = Server::start(Config {
        trickle_greeting: Some(Duration::from_secs(2)),
        ..Config::default()
    });
    let p = Project::copy();
    p.write("recipients.csv", applicants(1));
    let start = Instant::now();
    let o = mail(
        &p,
        &["recipients.csv", "--smtp", &server.url(), "--timeout", "3"],
    );
    let took = start.elapsed();
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "applicant1@example.org: not sent, timed out after 3 s waiting for connecting \
             (its greeting, EHLO, STARTTLS and login) on {}",
            server.url()
        )),
        "{err}"
    );
    assert!(
        stdout(&o).contains("failed 1 (1 timed out)"),
        "{}",
        stdout(&o)
    );
    // The greeting alone would take 80 s.
    assert!(took < Duration::from_secs(30), "took {took:?}");
    // Never begun, so not in doubt: a rerun tries it again.
    assert_eq!(journal(&p).last().unwrap()["state"], "not_sent");
}

#[test]
fn two_runs_at_once_never_resend_a_message_in_doubt() {
    for round in 0..2 {
        let server = Server::start(Config {
            limit: Some((2, AfterLimit::KeepAndDrop)),
            ..Config::default()
        });
        let p = Project::copy();
        p.write("recipients.csv", applicants(4));
        let outs = mail_together(&p, 2, &["recipients.csv", "--smtp", &server.url()]);
        let d = deliveries(&[&server]);
        assert_eq!(d.len(), 4, "round {round}: {d:?}");
        assert!(
            d.values().all(|n| *n == 1),
            "round {round}: someone was mailed twice: {d:?}"
        );
        for o in &outs {
            assert_exit(o, 1);
            assert!(stdout(o).contains("2 in doubt"), "{}", stdout(o));
        }
    }
}
