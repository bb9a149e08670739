//! Command line: arguments, exit codes and what is printed. Calls the
//! library for everything else.
//!
//! Exit codes: 0 success, 1 content, template or document errors, 2 usage
//! errors (clap's own, and unknown ids in flags).

/// `println!` that never panics: what is written to a closed pipe
/// (`careerpress build --json | head`) is dropped quietly, and the run goes
/// on to finish its work.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// `eprintln!` that never panics (see [`say!`]).
macro_rules! tell {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod build;
mod check;
mod completions;
mod import;
mod list;
mod mail;
mod markup;
mod new;
mod schema;
mod serve;
mod watch;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  careerpress build                          every document into output/
  careerpress build --job pals-officer --format txt
  careerpress build --brand glan-y-mor --out /tmp/leaflets
  careerpress check                          validate everything, write nothing
  careerpress list                           jobs, brands and templates";

#[derive(Debug, Parser)]
#[command(name = "careerpress", version, about = "Turns canonical careers content into branded PDF leaflets, DOCX handouts and plain-text summaries.", after_help = EXAMPLES)]
pub struct Cli {
    /// The project folder, holding content/ and templates/.
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub project: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build documents: every job × brand × template unless narrowed.
    #[command(after_help = EXAMPLES)]
    Build(build::BuildArgs),
    /// Validate all content and templates; write nothing.
    Check,
    /// List jobs, brands and templates, one a line.
    List,
    /// Print the markup a template makes for one job and brand (for
    /// template authors: what the writers are given).
    Markup(markup::MarkupArgs),
    /// Write the JSON Schemas of job, brand and project files (for editors).
    Schema(schema::SchemaArgs),
    /// Write a commented skeleton of a new job or brand to fill in.
    New(new::NewArgs),
    /// Turn plain-text careers profiles of one job into a draft job profile.
    Import(import::ImportArgs),
    /// Mail each applicant in a recipients CSV a summary of their job:
    /// .eml files, or sent with --smtp.
    Mail(mail::MailArgs),
    /// Rebuild the documents a change affects as files are saved (Ctrl-C to stop).
    Watch(watch::WatchArgs),
    /// Show every document in a browser, rebuilt and shown again as files
    /// are saved (http://127.0.0.1:8000/; Ctrl-C to stop).
    Serve(serve::ServeArgs),
    /// Print shell completions: bash, zsh, fish, powershell or elvish.
    Completions(completions::CompletionsArgs),
    /// Print the manual page (or write every page with --out DIR).
    Man(completions::ManArgs),
}

/// Runs the command line and returns the exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Build(args) => build::run(cli.project, args),
        Command::Check => check::run(cli.project),
        Command::List => list::run(cli.project),
        Command::Markup(args) => markup::run(cli.project, args),
        Command::Schema(args) => schema::run(cli.project, args),
        Command::New(args) => new::run(cli.project, args),
        Command::Import(args) => import::run(cli.project, args),
        Command::Mail(args) => mail::run(cli.project, args),
        Command::Watch(args) => watch::run(cli.project, args),
        Command::Serve(args) => serve::run(cli.project, args),
        Command::Completions(args) => completions::completions(args),
        Command::Man(args) => completions::man(args),
    }
}

/// The end of a run that made things: the JSON report or the closing line
/// on standard output, and the exit code (130 interrupted, 0 all good, 1
/// otherwise).
pub(crate) fn finish(
    report: &impl serde::Serialize,
    summary: Option<String>,
    json: bool,
    interrupted: bool,
    ok: bool,
) -> ExitCode {
    if json {
        say!(
            "{}",
            serde_json::to_string_pretty(report).unwrap_or_default()
        );
    } else if let Some(s) = summary {
        say!("{s}");
    }
    if interrupted {
        ExitCode::from(130)
    } else if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Prints errors to standard error, one a line.
pub(crate) fn print_errors(errors: &[String]) {
    let mut err = std::io::stderr().lock();
    for e in errors {
        let _ = writeln!(err, "error: {e}");
    }
}
