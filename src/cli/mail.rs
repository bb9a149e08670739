//! `careerpress mail`: one message per applicant in a recipients CSV,
//! written as `.eml` files and, with `--smtp`, sent.

use super::completions::{ids, Ids};
use crate::mail::smtp::{SmtpConfig, PASSWORD_VAR, USER_VAR};
use crate::mail::{self, Outcome, RowResult};
use crate::template::Format;
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  careerpress mail applicants.csv                     one .eml a row, into output/mail/<brand>/
  careerpress mail applicants.csv --brand glan-y-mor --attach pdf
  careerpress mail applicants.csv --smtp smtp://smtp.example.nhs.uk --dry-run
  CAREERPRESS_SMTP_USER=… CAREERPRESS_SMTP_PASSWORD=… \\
    careerpress mail applicants.csv --smtp smtp://smtp.example.nhs.uk --rate 30

Sending is recorded in .careerpress/mail/sent.jsonl (in the project, whatever
--out says) as each message is accepted: run the same command again after a
failure and nobody gets a message twice. A message the server may have taken
without saying so (the connection dropped, or the run stopped, after the whole
message went) is in doubt: the summary names its applicant and a rerun does
not send it again unless --resend-in-doubt. Two sending runs never overlap:
the second waits for the first.";

#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct MailArgs {
    /// The recipients: a UTF-8 CSV with a header row naming at least
    /// name, email and job (and brand, unless --brand is given). Every
    /// column reaches the template as applicant.<column>.
    #[arg(value_name = "CSV")]
    pub recipients: PathBuf,
    /// The mail template (its settings comment says `mail: true`).
    #[arg(long, value_name = "NAME", default_value = mail::DEFAULT_TEMPLATE, add = ids(Ids::Templates))]
    pub template: String,
    /// The brand for rows whose brand column is empty or missing.
    #[arg(long, value_name = "ID", add = ids(Ids::Brands))]
    pub brand: Option<String>,
    /// Attach the job's document in this format (repeatable), e.g. the PDF
    /// leaflet.
    #[arg(long = "attach", value_name = "FORMAT")]
    pub attach: Vec<AttachArg>,
    /// Output folder [default: <project>/output]; mail goes in its mail/.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Send through this server: smtp://host[:port] (STARTTLS, port 587)
    /// or smtps://host[:port] (TLS, port 465). Log in with
    /// CAREERPRESS_SMTP_USER and CAREERPRESS_SMTP_PASSWORD from the
    /// environment, never in the address.
    #[arg(long, value_name = "URL")]
    pub smtp: Option<String>,
    /// Show what would be written or sent; write and send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Send at most N messages a minute.
    #[arg(long, value_name = "N", requires = "smtp", value_parser = clap::value_parser!(u32).range(1..))]
    pub rate: Option<u32>,
    /// Give up on a connection, or a message, that takes longer than this
    /// from start to end (a server that stalls or trickles).
    #[arg(long, value_name = "SECONDS", requires = "smtp", default_value_t = mail::DEFAULT_TIMEOUT_SECS, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
    /// Send again the messages in doubt: those the server may have taken
    /// without saying so (a dropped connection or a stopped run after the
    /// whole message went). Check the server's log first.
    #[arg(long, requires = "smtp")]
    pub resend_in_doubt: bool,
    /// Print only problems and the summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print a machine-readable report (JSON) on standard output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AttachArg {
    Pdf,
    Docx,
}

pub fn run(root: PathBuf, args: MailArgs) -> ExitCode {
    let smtp = match args.smtp.as_deref() {
        None => None,
        Some(url) => match SmtpConfig::parse(url, |k| std::env::var(k).ok()) {
            Ok(c) => Some(c),
            Err(e) => {
                tell!("error: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let opts = mail::Options {
        root,
        recipients: args.recipients,
        template: args.template,
        brand: args.brand,
        out: args.out,
        attach: args
            .attach
            .iter()
            .map(|a| match a {
                AttachArg::Pdf => Format::Pdf,
                AttachArg::Docx => Format::Docx,
            })
            .collect(),
        smtp,
        dry_run: args.dry_run,
        rate: args.rate,
        timeout: Some(std::time::Duration::from_secs(args.timeout)),
        resend_in_doubt: args.resend_in_doubt,
    };
    // Ctrl-C: finish the message being sent, record it, send no more.
    let _ = ctrlc::set_handler(|| {
        crate::pipeline::INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst)
    });
    let printer = Printer {
        file: opts.recipients.display().to_string(),
        quiet: args.quiet || args.json,
        dry_run: opts.dry_run,
        sending: opts.smtp.is_some(),
    };
    let report = match mail::run(&opts, &printer) {
        Ok(r) => r,
        Err(e) => {
            tell!("error: {e}");
            if opts.smtp.is_none() && std::env::var_os(PASSWORD_VAR).is_some() {
                tell!("note: {USER_VAR}/{PASSWORD_VAR} are only used with --smtp");
            }
            return ExitCode::from(2);
        }
    };
    for e in &report.errors {
        tell!("error: {e}");
    }
    for w in &report.warnings {
        tell!("warning: {w}");
    }
    super::finish(
        &report,
        Some(report.summary()),
        args.json,
        report.interrupted,
        report.ok(),
    )
}

/// Prints each row as it is done: problems always (standard error), the
/// rest unless quiet; a dry run lists what would go on standard output.
struct Printer {
    file: String,
    quiet: bool,
    dry_run: bool,
    sending: bool,
}

impl mail::Progress for Printer {
    fn note(&self, message: &str) {
        tell!("{message}");
    }

    fn row(&self, r: &RowResult) {
        // Whatever came from the recipients file is shown with its line
        // breaks, NULs and escapes made visible, never raw on the terminal.
        let shown = |s: &str| crate::content::types::printable(s);
        let at = format!("{}:{}", shown(&self.file), r.line);
        let who = shown(r.email.as_deref().unwrap_or(""));
        match &r.outcome {
            Outcome::Skipped { detail, .. } => tell!("{at}: skipped: {}", shown(detail)),
            Outcome::Failed { detail, .. } | Outcome::InDoubt { detail } => {
                tell!("{at}: {who}: {}", shown(detail))
            }
            _ if self.quiet => {}
            Outcome::WouldSend if self.dry_run => {
                let what = match (&r.eml, self.sending) {
                    (Some(p), false) => format!("would write {}:", p.display()),
                    _ => "would send to".to_string(),
                };
                let mut line = format!(
                    "{what} {} <{who}>: {}",
                    shown(r.name.as_deref().unwrap_or("")),
                    shown(r.subject.as_deref().unwrap_or(""))
                );
                if !r.attachments.is_empty() {
                    line.push_str(&format!(" [+ {}]", r.attachments.join(", ")));
                }
                say!("{line}");
            }
            Outcome::Sent { .. } => tell!("sent {who} ({at})"),
            Outcome::AlreadySent { sent_at } => {
                tell!("already sent {who} on {sent_at} ({at})")
            }
            Outcome::Written => {
                if let Some(p) = &r.eml {
                    tell!("wrote {}", p.display());
                }
            }
            _ => {}
        }
    }
}
