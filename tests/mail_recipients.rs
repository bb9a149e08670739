//! Who a mailing reaches: `check` composing the mail template as a run
//! would (a broken `email.txt.hbs` fails `check`, with file and line), an
//! address written with a Unicode domain and again in its `xn--` form (one
//! person, mailed once), a quoted local part RFC 5321 allows, and a job
//! named by its title. Through the real SMTP server of mail_support.

mod common;
mod mail_support;

use common::{assert_exit, stderr, stdout, Project};
use mail_support::mail;
use mail_support::smtp::{deliveries, Config, Server};

const TEMPLATE: &str = "templates/email.txt.hbs";

#[test]
fn check_composes_the_mail_template_and_names_the_file_and_line() {
    let p = Project::copy();
    let o = p.run(&["check"]);
    assert_exit(&o, 0);
    // A misspelt applicant field: the template loads, every message fails.
    p.edit(TEMPLATE, "@root.applicant.name", "@root.applicant.nmae");
    let line = p
        .read(TEMPLATE)
        .lines()
        .position(|l| l.contains("applicant.nmae"))
        .unwrap()
        + 1;
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "email.txt.hbs:{line}:1: the field '@root.applicant.nmae' does not exist (did you mean 'name'?)"
        )),
        "{err}"
    );
    assert!(stdout(&o).contains("1 error found"), "{}", stdout(&o));
    p.edit(TEMPLATE, "@root.applicant.nmae", "@root.applicant.name");

    // No subject line: said once, not once per job, brand and language.
    p.edit(TEMPLATE, "\nSubject: ", "\nSubjcet: ");
    let o = p.run(&["check"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert_eq!(
        err.matches("email.txt.hbs: the template must render 'Subject: …' as its first line")
            .count(),
        1,
        "{err}"
    );
    p.edit(TEMPLATE, "\nSubjcet: ", "\nSubject: ");

    // A column of the recipients file careerpress does not know: a note,
    // not an error.
    p.edit(
        TEMPLATE,
        "@root.applicant.name}}",
        "@root.applicant.name}} ({{@root.applicant.reference}})",
    );
    let o = p.run(&["check"]);
    assert_exit(&o, 0);
    assert!(
        stderr(&o).contains(
            "email.txt.hbs: the template uses applicant.reference: every recipients file \
             mailed with it needs a 'reference' column"
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_unicode_and_xn_forms_of_a_domain_are_one_recipient() {
    let server = Server::start(Config::default());
    let p = Project::copy();
    p.write(
        "recipients.csv",
        "name,email,job,brand\n\
         Anna Müller,anna@bücher.example,pals-officer,eastbrook-hospitals\n\
         Anna Müller,Anna@XN--BCHER-KVA.example,pals-officer,eastbrook-hospitals\n",
    );
    let o = mail(&p, &["recipients.csv", "--smtp", &server.url()]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains(
            "recipients.csv:3: skipped: the same applicant, job and brand as line 2 \
             (Anna@XN--BCHER-KVA.example and anna@bücher.example are one address), mailed once"
        ),
        "{err}"
    );
    assert!(stdout(&o).contains("Sent 1 message"), "{}", stdout(&o));
    assert_eq!(server.accepted().len(), 1);
    // A later run with the other form finds it sent.
    p.write(
        "recipients.csv",
        "name,email,job,brand\n\
         Anna Müller,anna@xn--bcher-kva.example,pals-officer,eastbrook-hospitals\n",
    );
    let o = mail(&p, &["recipients.csv", "--smtp", &server.url()]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("1 already sent"), "{}", stdout(&o));
    assert_eq!(server.accepted().len(), 1);
}

#[test]
fn a_quoted_local_part_is_an_address_and_a_broken_one_is_not() {
    let server = Server::start(Config::default());
    let p = Project::copy();
    p.write(
        "recipients.csv",
        "name,email,job,brand\n\
         John Doe,\"\"\"john doe\"\"@example.org\",pals-officer,eastbrook-hospitals\n\
         Jo O'Neil,\"\"\"jo\\\"\"x\"\"@example.org\",pals-officer,eastbrook-hospitals\n\
         Bad Quote,\"\"\"john\"\"doe\"\"@example.org\",pals-officer,eastbrook-hospitals\n\
         Open Quote,\"\"\"john doe@example.org\",pals-officer,eastbrook-hospitals\n",
    );
    let o = mail(&p, &["recipients.csv", "--smtp", &server.url()]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains(
            "recipients.csv:4: skipped: '\"john\"doe\"@example.org' is not an email address"
        ) && err.contains(
            "recipients.csv:5: skipped: '\"john doe@example.org' is not an email address"
        ),
        "{err}"
    );
    let d = deliveries(&[&server]);
    assert_eq!(
        d.keys().collect::<Vec<_>>(),
        ["\"jo\\\"x\"@example.org", "\"john doe\"@example.org"],
        "{d:?}"
    );
    let john = server
        .accepted()
        .into_iter()
        .find(|m| m.rcpt_to == ["\"john doe\"@example.org"])
        .unwrap();
    let m = mail_parser::MessageParser::default()
        .parse(&john.data)
        .unwrap();
    assert_eq!(
        m.to().and_then(|a| a.first()).and_then(|a| a.address()),
        Some("\"john doe\"@example.org"),
        "the To header reads back"
    );
}

#[test]
fn the_job_column_takes_a_title_and_suggests_the_nearest() {
    let p = Project::copy();
    p.write(
        "recipients.csv",
        "name,email,job,brand\n\
         Ann,ann@example.org,patient advice and liaison  service (PALS) officer,eastbrook-hospitals\n\
         Siân,sian@example.org,Swyddog y gwasanaeth cyngor a chyswllt cleifion (PALS),glan-y-mor\n\
         Bob,bob@example.org,Patient advice and liason service (PALS) officer,eastbrook-hospitals\n\
         Cy,cy@example.org,pals-oficer,eastbrook-hospitals\n",
    );
    let o = mail(&p, &["recipients.csv"]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains(
            "recipients.csv:4: skipped: there is no job 'Patient advice and liason service (PALS) officer' \
             (did you mean 'Patient advice and liaison service (PALS) officer'?)"
        ) && err.contains("recipients.csv:5: skipped: there is no job 'pals-oficer' (did you mean 'pals-officer'?)"),
        "{err}"
    );
    assert!(
        stdout(&o).contains("Wrote 2 messages") && stdout(&o).contains("2 unknown job"),
        "{}",
        stdout(&o)
    );
    assert!(p
        .file("output/mail/eastbrook-hospitals/pals-officer--ann@example.org.eml")
        .exists());
    assert!(p
        .file("output/mail/glan-y-mor/pals-officer--sian@example.org.eml")
        .exists());
}
