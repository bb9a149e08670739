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
mod manual;
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
    /// The project folder, holding content/ and templates/ [default: the
    /// folder you are in, or the nearest one above it that is a project].
    #[arg(long, global = true, value_name = "DIR")]
    pub project: Option<PathBuf>,
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
    /// Write a commented skeleton of a new job or brand to fill in, or a
    /// new project that builds at once.
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
    /// Print shell completions (bash, zsh, fish, powershell or elvish),
    /// which offer the project's job, brand and template ids: e.g.
    /// `source <(careerpress completions bash)` in ~/.bashrc.
    Completions(completions::CompletionsArgs),
    /// Print the manual page (or write every page with --out DIR).
    Man(completions::ManArgs),
}

/// Runs the command line and returns the exit code.
pub fn main() -> ExitCode {
    // A shell asking what to complete (before anything is printed).
    completions::answer_shell();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    // Commands that need no project.
    match cli.command {
        Command::Completions(args) => return completions::completions(args),
        Command::Man(args) => return completions::man(args),
        Command::New(args) if args.what.is_project() => return new::run(PathBuf::new(), args),
        _ => {}
    }
    let Some(project) = project_root(cli.project) else {
        return ExitCode::from(2);
    };
    match cli.command {
        Command::Build(args) => build::run(project, args),
        Command::Check => check::run(project),
        Command::List => list::run(project),
        Command::Markup(args) => markup::run(project, args),
        Command::Schema(args) => schema::run(project, args),
        Command::New(args) => new::run(project, args),
        Command::Import(args) => import::run(project, args),
        Command::Mail(args) => mail::run(project, args),
        Command::Watch(args) => watch::run(project, args),
        Command::Serve(args) => serve::run(project, args),
        Command::Completions(_) | Command::Man(_) => ExitCode::SUCCESS,
    }
}

/// The project to work on: `--project` as given, else the folder the
/// command runs in or the nearest folder above it that is a project (as
/// cargo finds `Cargo.toml`). Outside any project, one line says so and
/// how to start one.
pub(crate) fn project_root(given: Option<PathBuf>) -> Option<PathBuf> {
    if let Some(p) = given {
        return Some(p);
    }
    let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    match crate::authoring::starter::find_root(&here) {
        // Paths stay as short as they were: `.` when here is the root.
        Some(root) if root == here => Some(PathBuf::from(".")),
        Some(root) => Some(root),
        None => {
            tell!(
                "error: {}",
                crate::authoring::starter::outside_message(&here)
            );
            None
        }
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
pub(crate) fn print_errors(errors: &[impl std::fmt::Display]) {
    let mut err = std::io::stderr().lock();
    for e in errors {
        let _ = writeln!(err, "error: {e}");
    }
}
