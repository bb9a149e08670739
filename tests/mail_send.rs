//! `careerpress mail --smtp` against a real SMTP server on 127.0.0.1 that
//! the tests start themselves (tests/mail_support/smtp.rs): what arrives,
//! refused recipients, a run killed or cut off half-way and run again, and
//! credentials. No address other than 127.0.0.1 is ever contacted.

mod common;
mod mail_support;

use common::{assert_exit, stderr, stdout, Project};
use mail_parser::{MessageParser, MimeHeaders};
use mail_support::smtp::{deliveries, AfterLimit, Config, Server};
use mail_support::{applicants, assert_body_width, eml_files, mail, mail_command, TWO};
use std::time::{Duration, Instant};

/// Mails `recipients.csv` through `server`, sending what is in doubt too.
fn resend_in_doubt(p: &Project, server: &Server) -> std::process::Output {
    mail(
        p,
        &[
            "recipients.csv",
            "--smtp",
            &server.url(),
            "--resend-in-doubt",
        ],
    )
}

/// The journal's `sent` lines (each message also has its `sending` line).
fn journal_lines(p: &Project) -> Vec<serde_json::Value> {
    std::fs::read_to_string(p.file(".careerpress/mail/sent.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|l| l["state"] == "sent")
        .collect()
}

#[test]
fn messages_arrive_with_the_right_headers_body_and_leaflet() {
    let server = Server::start(Config::default());
    let p = Project::copy();
    p.write("recipients.csv", TWO);
    let o = mail(
        &p,
        &["recipients.csv", "--smtp", &server.url(), "--attach", "pdf"],
    );
    assert_exit(&o, 0);
    assert!(
        stdout(&o).contains(&format!("Sent 2 messages through {}", server.url())),
        "{}",
        stdout(&o)
    );
    let got = server.accepted();
    assert_eq!(got.len(), 2);
    let ann = got
        .iter()
        .find(|m| m.rcpt_to == ["ann.smith@example.org"])
        .expect("Ann's message");
    assert_eq!(ann.mail_from, "pals@eastbrook.example.nhs.uk");

    let m = MessageParser::default().parse(&ann.data).unwrap();
    let from = m.from().and_then(|a| a.first()).unwrap();
    assert_eq!(
        (from.name(), from.address()),
        (
            Some("Patient Advice and Liaison Service (PALS)"),
            Some("pals@eastbrook.example.nhs.uk")
        )
    );
    assert_eq!(
        m.to().and_then(|a| a.first()).and_then(|a| a.address()),
        Some("ann.smith@example.org")
    );
    assert!(m.subject().unwrap().starts_with("Your application: "));
    let body = m.body_text(0).unwrap();
    assert!(body.starts_with("Dear Ann Smith,"));
    assert_body_width(&body);
    let pdf = m.attachment(0).unwrap();
    assert_eq!(pdf.attachment_name(), Some("pals-officer-leaflet.pdf"));
    assert!(pdf.contents().starts_with(b"%PDF"));

    // What was sent is what was saved, byte for byte (lettre ends DATA with
    // CRLF . CRLF after the message's own last CRLF: one empty line more).
    let saved = std::fs::read(
        p.file("output/mail/eastbrook-hospitals/pals-officer--ann.smith@example.org.eml"),
    )
    .unwrap();
    assert!(
        ann.data.strip_suffix(b"\r\n") == Some(&saved[..]),
        "the .eml differs from what was sent"
    );

    // The journal holds both, with the Message-ID and the server's reply.
    let j = journal_lines(&p);
    assert_eq!(j.len(), 2);
    assert_eq!(j[0]["to"], "ann.smith@example.org");
    assert_eq!(
        j[0]["message_id"],
        m.message_id().map(|id| format!("<{id}>")).unwrap()
    );
    assert!(j[0]["reply"].as_str().unwrap().starts_with("250 "));

    // Run again: nobody gets a second message.
    let o = mail(
        &p,
        &["recipients.csv", "--smtp", &server.url(), "--attach", "pdf"],
    );
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("Sent 0 messages"), "{}", stdout(&o));
    assert!(stdout(&o).contains("2 already sent in an earlier run"));
    assert_eq!(server.accepted().len(), 2);
}

#[test]
fn a_refused_recipient_is_reported_and_does_not_stop_the_others() {
    let server = Server::start(Config {
        refuse: vec!["applicant2@example.org".into()],
        ..Config::default()
    });
    let p = Project::copy();
    p.write("recipients.csv", applicants(4));
    let o = mail(&p, &["recipients.csv", "--smtp", &server.url()]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains(
            "recipients.csv:3: applicant2@example.org: refused by the server: 550 5.1.1 \
             <applicant2@example.org>: Recipient address rejected"
        ),
        "{err}"
    );
    assert!(
        stdout(&o).contains("Sent 3 messages")
            && stdout(&o).contains("failed 1 (1 refused by the server)"),
        "{}",
        stdout(&o)
    );
    let d = deliveries(&[&server]);
    assert_eq!(d.len(), 3);
    assert!(!d.contains_key("applicant2@example.org"));
    // A refused message is not in the journal: the next run tries it again,
    // and only it.
    assert_eq!(journal_lines(&p).len(), 3);
    let o = mail(&p, &["recipients.csv", "--smtp", &server.url()]);
    assert_exit(&o, 1);
    assert!(stdout(&o).contains("3 already sent"), "{}", stdout(&o));
    assert_eq!(server.accepted().len(), 3);
}

#[test]
fn a_run_killed_half_way_and_run_again_delivers_every_message_once() {
    // The first server accepts two messages, then never answers the third,
    // so the run is certainly killed mid-send.
    let first = Server::start(Config {
        limit: Some((2, AfterLimit::Hang)),
        ..Config::default()
    });
    let p = Project::copy();
    p.write("recipients.csv", applicants(6));
    let mut child = mail_command(&p, &["recipients.csv", "--smtp", &first.url()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    assert!(
        first.wait_for_data_ends(3, Duration::from_secs(120)),
        "the third message never came"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(first.accepted().len(), 2);
    assert_eq!(journal_lines(&p).len(), 2);

    // The third was on its way when the run died: in doubt, not resent.
    let second = Server::start(Config::default());
    let o = mail(&p, &["recipients.csv", "--smtp", &second.url()]);
    assert_exit(&o, 1);
    let out = stdout(&o);
    assert!(
        out.contains("Sent 3 messages")
            && out.contains("2 already sent")
            && out.contains("1 in doubt, not sent again")
            && out.contains("Applicant 3 <applicant3@example.org> (line 4)"),
        "{out}"
    );
    assert!(
        stderr(&o).contains("in doubt: the server may have taken it (since ")
            && stderr(&o).contains("a run stopped while sending it"),
        "{}",
        stderr(&o)
    );
    // This server never took it (its log would say so): send it.
    let o = resend_in_doubt(&p, &second);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("Sent 1 message"), "{}", stdout(&o));
    let d = deliveries(&[&first, &second]);
    assert_eq!(d.len(), 6, "{d:?}");
    assert!(d.values().all(|n| *n == 1), "{d:?}");
    assert_eq!(journal_lines(&p).len(), 6);
}

#[test]
fn a_server_that_drops_the_connection_stops_the_run_and_a_rerun_finishes_it() {
    let first = Server::start(Config {
        limit: Some((3, AfterLimit::Drop)),
        ..Config::default()
    });
    let p = Project::copy();
    p.write("recipients.csv", applicants(8));
    let o = mail(&p, &["recipients.csv", "--smtp", &first.url()]);
    assert_exit(&o, 1);
    let out = stdout(&o);
    // The three went whole and got no answer: in doubt, by applicant.
    assert!(
        out.contains("Sent 3 messages")
            && out.contains("3 in doubt, not sent again")
            && out.contains("Applicant 4 <applicant4@example.org> (line 5)")
            && out.contains("2 not started")
            && out.contains("Stopped: 3 messages in a row could not reach"),
        "{out}"
    );
    let second = Server::start(Config::default());
    let o = mail(&p, &["recipients.csv", "--smtp", &second.url()]);
    assert_exit(&o, 1);
    assert!(
        stdout(&o).contains("Sent 2 messages") && stdout(&o).contains("3 in doubt"),
        "{}",
        stdout(&o)
    );
    // The first server's log shows it never kept them: send them.
    let o = resend_in_doubt(&p, &second);
    assert_exit(&o, 0);
    let d = deliveries(&[&first, &second]);
    assert_eq!(d.len(), 8, "{d:?}");
    assert!(d.values().all(|n| *n == 1), "{d:?}");
}

#[test]
fn credentials_come_from_the_environment_and_are_never_shown() {
    let server = Server::start(Config {
        auth: true,
        ..Config::default()
    });
    let p = Project::copy();
    p.write("recipients.csv", TWO);
    let o = mail_command(&p, &["recipients.csv", "--smtp", &server.url()])
        .env("CAREERPRESS_SMTP_USER", "recruit")
        .env("CAREERPRESS_SMTP_PASSWORD", "s3cret-pw")
        .output()
        .unwrap();
    assert_exit(&o, 0);
    let got = server.accepted();
    assert_eq!(got.len(), 2);
    // base64("\0recruit\0s3cret-pw")
    assert_eq!(got[0].auth, ["AUTH PLAIN AHJlY3J1aXQAczNjcmV0LXB3"]);
    assert!(!format!("{}{}", stdout(&o), stderr(&o)).contains("s3cret"));
    assert!(!p.read(".careerpress/mail/sent.jsonl").contains("s3cret"));
    for (_, eml) in eml_files(&p) {
        assert!(!String::from_utf8_lossy(&eml).contains("s3cret"));
    }
    // Half the credentials is a usage error, before anything is sent.
    let o = mail_command(&p, &["recipients.csv", "--smtp", &server.url()])
        .env("CAREERPRESS_SMTP_USER", "recruit")
        .output()
        .unwrap();
    assert_exit(&o, 2);
    assert_eq!(server.accepted().len(), 2);
}

#[test]
fn dry_run_connects_to_nothing_and_rate_spaces_messages_out() {
    let server = Server::start(Config::default());
    let p = Project::copy();
    p.write("recipients.csv", applicants(3));
    let o = mail(
        &p,
        &["recipients.csv", "--smtp", &server.url(), "--dry-run"],
    );
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("would send to Applicant 1 <applicant1@example.org>"));
    assert!(stdout(&o).contains("Dry run: would send 3 messages."));
    assert_eq!(server.connections(), 0);
    assert!(!p.file("output").exists());

    // 120 a minute: one every half second, so three take at least a second.
    let start = Instant::now();
    let o = mail(
        &p,
        &["recipients.csv", "--smtp", &server.url(), "--rate", "120"],
    );
    assert_exit(&o, 0);
    assert!(start.elapsed() >= Duration::from_millis(1000));
    assert_eq!(server.accepted().len(), 3);
}
