//! Helpers for the `careerpress mail` tests: running the binary in a copy
//! of the tests' project, recipients files, and reading `.eml` back.
#![allow(dead_code)]

pub mod smtp;

use crate::common::Project;
use std::process::{Command, Output};

/// A fixed date for byte-identical output: 2026-09-21 14:13:20 UTC.
pub const EPOCH: &str = "1790000000";

/// Two applicants, one per trust of the tests' project.
pub const TWO: &str = "\
name,email,job,brand,reference
Ann Smith,ann.smith@example.org,pals-officer,eastbrook-hospitals,EB-0142
\"Siân O'Brien, MBE\",sian.obrien@example.org,pals-officer,glan-y-mor,GYM-0031
";

/// `careerpress --project <copy> mail …`, run in the copy (so a relative
/// recipients path is found there), with a fixed `SOURCE_DATE_EPOCH` and
/// no SMTP credentials from the environment.
pub fn mail_command(p: &Project, args: &[&str]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("careerpress"));
    cmd.current_dir(p.path())
        .arg("--project")
        .arg(p.path())
        .arg("mail")
        .args(args)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .env_remove("CAREERPRESS_SMTP_USER")
        .env_remove("CAREERPRESS_SMTP_PASSWORD");
    cmd
}

pub fn mail(p: &Project, args: &[&str]) -> Output {
    mail_command(p, args).output().unwrap()
}

/// `n` applicants for the PALS officer job at Eastbrook.
pub fn applicants(n: usize) -> String {
    let mut s = String::from("name,email,job,brand\n");
    for i in 1..=n {
        s.push_str(&format!(
            "Applicant {i},applicant{i}@example.org,pals-officer,eastbrook-hospitals\n"
        ));
    }
    s
}

/// The `.eml` files under `output/mail/`, relative, sorted.
pub fn eml_files(p: &Project) -> Vec<(String, Vec<u8>)> {
    let mut files = p.outputs_in(&p.file("output/mail"));
    files.retain(|(f, _)| f.ends_with(".eml"));
    files
}

/// Asserts the body is wrapped at 72 columns. A web address longer than
/// a line is never broken (a broken link is useless) and stands alone.
pub fn assert_body_width(body: &str) {
    crate::common::assert_wrapped(body, 72);
}
