//! `careerpress mail` without a server: one `.eml` per applicant, read back
//! with a MIME parser; bad rows reported and skipped; usage errors.

mod common;
mod mail_support;

use common::{assert_exit, stderr, stdout, Project};
use mail_parser::{MessageParser, MimeHeaders};
use mail_support::{assert_body_width, eml_files, mail, mail_command, EPOCH, TWO};

const ANN: &str = "output/mail/eastbrook-hospitals/pals-officer--ann.smith@example.org.eml";
const SIAN: &str = "output/mail/glan-y-mor/pals-officer--sian.obrien@example.org.eml";

#[test]
fn one_eml_per_applicant_with_brand_headers_body_and_leaflet() {
    let p = Project::copy();
    p.write("recipients.csv", TWO);
    let o = mail(&p, &["recipients.csv", "--attach", "pdf"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("Wrote 2 messages to"), "{}", stdout(&o));
    let names: Vec<String> = eml_files(&p).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        names,
        [
            "eastbrook-hospitals/pals-officer--ann.smith@example.org.eml",
            "glan-y-mor/pals-officer--sian.obrien@example.org.eml"
        ]
    );

    let raw = std::fs::read(p.file(ANN)).unwrap();
    let m = MessageParser::default()
        .parse(&raw)
        .expect("parses as RFC 5322");
    let from = m.from().and_then(|a| a.first()).unwrap();
    assert_eq!(from.address(), Some("pals@eastbrook.example.nhs.uk"));
    assert_eq!(
        from.name(),
        Some("Patient Advice and Liaison Service (PALS)")
    );
    let reply_to = m.reply_to().and_then(|a| a.first()).unwrap();
    assert_eq!(reply_to.address(), Some("pals@eastbrook.example.nhs.uk"));
    let to = m.to().and_then(|a| a.first()).unwrap();
    assert_eq!(
        (to.name(), to.address()),
        (Some("Ann Smith"), Some("ann.smith@example.org"))
    );
    assert_eq!(
        m.subject(),
        Some("Your application: Patient advice and liaison service (PALS) officer, Eastbrook Hospitals")
    );
    assert_eq!(
        m.date().unwrap().to_timestamp(),
        EPOCH.parse::<i64>().unwrap()
    );
    let id = m.message_id().unwrap();
    assert!(id.ends_with("@eastbrook.example.nhs.uk"), "{id}");

    // The body: UTF-8 plain text, personalised, the job summary, ≤ 72 columns.
    let text = m.text_part(0).unwrap();
    let ct = text.content_type().unwrap();
    assert_eq!((ct.ctype(), ct.subtype()), ("text", Some("plain")));
    assert!(ct
        .attribute("charset")
        .is_some_and(|c| c.eq_ignore_ascii_case("utf-8")));
    let body = m.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(body.starts_with("Dear Ann Smith,\n"), "{body}");
    for part in [
        "Thank you for applying for the post of patient advice and liaison",
        "Salary: £18,200 to £22,000 a year",
        "What you'll do\n--------------",
        "Email: pals@eastbrook.example.nhs.uk",
    ] {
        assert!(body.contains(part), "missing {part:?} in\n{body}");
    }
    assert!(!body.contains("Subject:"), "{body}");
    assert!(!body.contains('\\'), "markup escapes leaked: {body}");
    assert_body_width(&body);
    // On the wire: CRLF line ends, the body's encoded lines at most 78
    // characters, headers within RFC 5322's hard limit.
    let raw_text = String::from_utf8(raw.clone()).unwrap();
    let (head, rest) = raw_text.split_once("\r\n\r\n").unwrap();
    assert!(head.split("\r\n").all(|l| l.len() <= 998));
    assert!(!rest.replace("\r\n", "").contains('\n'));
    for l in rest.split("\r\n") {
        assert!(l.len() <= 78, "raw line too long: {l:?}");
    }

    // The leaflet, the same bytes `build` makes.
    assert_eq!(m.attachment_count(), 1);
    let pdf = m.attachment(0).unwrap();
    assert_eq!(pdf.attachment_name(), Some("pals-officer-leaflet.pdf"));
    let ct = pdf.content_type().unwrap();
    assert_eq!((ct.ctype(), ct.subtype()), ("application", Some("pdf")));
    assert!(pdf.contents().starts_with(b"%PDF"));
    let mut build = assert_cmd::Command::cargo_bin("careerpress").unwrap();
    build
        .arg("--project")
        .arg(p.path())
        .args([
            "build",
            "--job",
            "pals-officer",
            "--brand",
            "eastbrook-hospitals",
            "--format",
            "pdf",
        ])
        .env("SOURCE_DATE_EPOCH", EPOCH);
    assert_exit(&build.output().unwrap(), 0);
    let leaflet =
        std::fs::read(p.file("output/eastbrook-hospitals/pals-officer/leaflet.pdf")).unwrap();
    assert!(
        pdf.contents() == leaflet.as_slice(),
        "the attachment is not the built leaflet"
    );

    // Welsh names and a comma in a display name survive the encoding.
    let raw = std::fs::read(p.file(SIAN)).unwrap();
    let m = MessageParser::default().parse(&raw).unwrap();
    let to = m.to().and_then(|a| a.first()).unwrap();
    assert_eq!(to.name(), Some("Siân O'Brien, MBE"));
    // The Welsh board writes in Welsh, then English.
    assert_eq!(
        m.subject().unwrap(),
        "Eich cais: Swyddog y gwasanaeth cyngor a chyswllt cleifion (PALS), Bwrdd Iechyd Glan-y-Môr / Your application: Patient advice and liaison service (PALS) officer, Glan-y-Môr Health Board"
    );
    let body = m.body_text(0).unwrap();
    assert!(body.starts_with("Annwyl Siân O'Brien, MBE,\r\n"), "{body}");
    let (welsh, english) = (
        body.find("Annwyl").unwrap(),
        body.find("Dear Siân O'Brien, MBE,").unwrap(),
    );
    assert!(welsh < english, "{body}");
}

#[test]
fn the_same_input_gives_byte_identical_messages() {
    let p = Project::copy();
    p.write("recipients.csv", TWO);
    assert_exit(&mail(&p, &["recipients.csv", "--attach", "pdf"]), 0);
    let first = eml_files(&p);
    assert_exit(&mail(&p, &["recipients.csv", "--attach", "pdf"]), 0);
    assert_eq!(first, eml_files(&p));
    // Another date gives other bytes (Date, and so the Message-ID).
    let o = mail_command(&p, &["recipients.csv"])
        .env("SOURCE_DATE_EPOCH", "1790086400")
        .output()
        .unwrap();
    assert_exit(&o, 0);
    let later = std::fs::read_to_string(p.file(ANN)).unwrap();
    assert!(later.contains("Date: Tue, 22 Sep 2026 14:13:20 +0000"));
    let id = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("Message-ID:"))
            .unwrap()
            .to_string()
    };
    assert_ne!(id(&later), id(&String::from_utf8_lossy(&first[0].1)));
}

#[test]
fn bad_rows_are_reported_with_their_line_and_skipped_and_the_rest_go() {
    let p = Project::copy();
    p.write(
        "recipients.csv",
        "name,email,job,brand\n\
         Ann Smith,ann@example.org,pals-officer,eastbrook-hospitals\n\
         Bob Jones,bob.jones@,pals-officer,eastbrook-hospitals\n\
         Cy Patel,,pals-officer,eastbrook-hospitals\n\
         Di Evans,di@example.org,nurse,eastbrook-hospitals\n\
         Ed Hughes,ed@example.org,pals-officer,riverside\n\
         \"Fay Lee,fay@example.org,pals-officer,glan-y-mor\n\
         Gus Khan,gus@example.org,pals-officer,glan-y-mor,extra\n\
         Hal Reid,hal@example.org\n\
         Ann Smith,ANN@example.org,pals-officer,eastbrook-hospitals\n\
         Ivy Cole,ivy@example.org,pals-officer,glan-y-mor\n",
    );
    let o = mail(&p, &["recipients.csv"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    for expected in [
        "recipients.csv:3: skipped: 'bob.jones@' is not an email address",
        "recipients.csv:4: skipped: the email address is empty",
        "recipients.csv:5: skipped: there is no job 'nurse'; known jobs: pals-officer",
        "recipients.csv:6: skipped: there is no brand 'riverside'; known brands: eastbrook-hospitals, glan-y-mor",
        "recipients.csv:7: skipped: broken quoting: the quoted value opened on line 7 is never closed",
        "recipients.csv:8: skipped: too many values",
        "recipients.csv:9: skipped: missing columns",
        "recipients.csv:10: skipped: the same applicant, job and brand as line 2",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
    }
    let names: Vec<String> = eml_files(&p).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        names,
        [
            "eastbrook-hospitals/pals-officer--ann@example.org.eml",
            "glan-y-mor/pals-officer--ivy@example.org.eml"
        ]
    );
    assert_eq!(
        stdout(&o).trim(),
        format!(
            "Wrote 2 messages to {}; skipped 8 (1 broken quoting, 1 duplicate rows, 1 invalid \
             email address, 1 missing columns, 1 missing email address, 1 too many values, \
             1 unknown brand, 1 unknown job).",
            p.file("output/mail").display()
        )
    );
}

#[test]
fn a_header_without_the_needed_columns_is_reported() {
    let p = Project::copy();
    p.write(
        "recipients.csv",
        "name,e-mail,job\nAnn,ann@example.org,pals-officer\n",
    );
    let o = mail(&p, &["recipients.csv"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains(
            "recipients.csv:1: the header row has no 'email', 'brand' columns; it has: name, e-mail, job (or give --brand for every row)"
        ),
        "{}",
        stderr(&o)
    );
    assert!(eml_files(&p).is_empty());
    p.write(
        "recipients.csv",
        "name;email;job\nAnn;ann@example.org;pals-officer\n",
    );
    let o = mail(&p, &["recipients.csv", "--brand", "glan-y-mor"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("separated by semicolons"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_brand_flag_fills_rows_without_one_and_columns_reach_the_template() {
    let p = Project::copy();
    p.write(
        "templates/invite.txt.hbs",
        "{{!-- careerpress\nmail: true\n--}}\n\
         Subject: Interview on {{applicant.[interview date]}} for {{applicant.name}}\n\
         Dear {{applicant.name}}, bring *{{applicant.reference}}*. Job: {{applicant.job}}.\n",
    );
    p.write(
        "recipients.csv",
        "Name,Email,Job,Brand,reference,interview date\n\
         Ann Smith,ann@example.org,pals-officer,,EB_0142 *urgent*,3 March\n\
         Bo Li,bo@example.org,pals-officer,eastbrook-hospitals,EB-7,4 March\n",
    );
    let o = mail(
        &p,
        &[
            "recipients.csv",
            "--template",
            "invite",
            "--brand",
            "glan-y-mor",
        ],
    );
    assert_exit(&o, 0);
    let raw =
        std::fs::read(p.file("output/mail/glan-y-mor/pals-officer--ann@example.org--invite.eml"))
            .unwrap();
    let m = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(m.subject(), Some("Interview on 3 March for Ann Smith"));
    // CSV values print literally: no markup from `*` or `_`.
    assert_eq!(
        m.body_text(0).unwrap().trim_end(),
        "Dear Ann Smith, bring EB_0142 *urgent*. Job: pals-officer."
    );
    assert!(p
        .file("output/mail/eastbrook-hospitals/pals-officer--bo@example.org--invite.eml")
        .exists());
}

#[test]
fn a_template_error_fails_that_row_only_with_the_field_named() {
    let p = Project::copy();
    p.write(
        "templates/invite.txt.hbs",
        "{{!-- careerpress\nmail: true\n--}}\nSubject: Hi\nDear {{applicant.name}}, {{applicant.room}}\n",
    );
    p.write(
        "recipients.csv",
        "name,email,job,brand,room\nAnn,ann@example.org,pals-officer,glan-y-mor,B12\nBo,bo@example.org,pals-officer,glan-y-mor\n",
    );
    let o = mail(&p, &["recipients.csv", "--template", "invite"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("recipients.csv:3: skipped: missing columns"),
        "{}",
        stderr(&o)
    );

    p.write(
        "recipients.csv",
        "name,email,job,brand\nAnn,ann@example.org,pals-officer,glan-y-mor\n",
    );
    let o = mail(&p, &["recipients.csv", "--template", "invite"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains("recipients.csv:2: ann@example.org:")
            && err.contains("invite.txt.hbs:5")
            && err.contains("'applicant.room' does not exist"),
        "{err}"
    );
    assert!(
        stdout(&o).contains("failed 1 (1 could not be made)"),
        "{}",
        stdout(&o)
    );

    p.write(
        "templates/invite.txt.hbs",
        "{{!-- careerpress\nmail: true\n--}}\nDear {{applicant.name}}\n",
    );
    let o = mail(&p, &["recipients.csv", "--template", "invite"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("must render 'Subject: …' as its first line"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn dry_run_lists_and_writes_nothing() {
    let p = Project::copy();
    p.write("recipients.csv", TWO);
    let o = mail(&p, &["recipients.csv", "--dry-run", "--attach", "pdf"]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    assert!(
        out.contains("Ann Smith <ann.smith@example.org>: Your application: Patient advice")
            && out.contains("[+ pals-officer-leaflet.pdf]")
            && out.contains("Dry run: would write 2 messages."),
        "{out}"
    );
    assert!(!p.file("output").exists());
}

#[test]
fn usage_errors_exit_2() {
    let p = Project::copy();
    p.write("recipients.csv", TWO);
    let cases: [(&[&str], &str); 6] = [
        (
            &["missing.csv"],
            "cannot read the recipients file missing.csv",
        ),
        (
            &["recipients.csv", "--template", "summary"],
            "is not a mail template",
        ),
        (
            &["recipients.csv", "--template", "nope"],
            "there is no template 'nope'; mail templates: email",
        ),
        (
            &["recipients.csv", "--brand", "nope"],
            "there is no brand 'nope'",
        ),
        (&["recipients.csv", "--rate", "10"], "--smtp"),
        (
            &[
                "recipients.csv",
                "--smtp",
                "smtp://recruit:hunter2@127.0.0.1:2525",
            ],
            "CAREERPRESS_SMTP_PASSWORD",
        ),
    ];
    for (args, expected) in cases {
        let o = mail(&p, args);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains(expected), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("hunter2"), "the password was printed");
    }
    assert!(!p.file("output").exists());
}

#[test]
fn build_leaves_the_mail_template_out() {
    let p = Project::copy();
    assert_exit(&p.run(&["build", "--format", "txt"]), 0);
    assert!(p.outputs().iter().all(|(f, _)| !f.contains("email")));
}
