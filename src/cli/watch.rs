//! `careerpress watch`: rebuild the documents a change affects, printing
//! errors as they happen, until stopped with Ctrl-C (see
//! `authoring::watch`).

use super::build::MatrixArgs;
use super::print_errors;
use crate::authoring::watch::{self, Change, Event};
use crate::pipeline::Status;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub matrix: MatrixArgs,
    /// How long to wait after a change for more, in milliseconds.
    #[arg(long, default_value_t = 200, value_name = "MS")]
    pub quiet_ms: u64,
}

pub fn run(root: PathBuf, args: WatchArgs) -> ExitCode {
    let base = args.matrix.options(root);
    let result = watch::run(&base, Duration::from_millis(args.quiet_ms), |e| print(&e));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tell!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// Prints one event of a watch: what is watched, what changed, what was
/// built and every error (also used by `serve`).
pub(super) fn print(e: &Event) {
    let mut out = std::io::stdout().lock();
    match e {
        Event::Watching(paths) => {
            let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            let _ = writeln!(out, "watching {} (Ctrl-C to stop)", list.join(", "));
        }
        Event::Changed(changes) => {
            let what: Vec<String> = changes
                .iter()
                .map(|c| match c {
                    Change::Job(j) => format!("job {j}"),
                    Change::Brand(b) => format!("brand {b}"),
                    Change::Template(t) => format!("template {t}"),
                    Change::Everything => "shared files".to_string(),
                })
                .collect();
            let _ = writeln!(out, "changed: {}", what.join(", "));
        }
        Event::Built(report) => {
            print_errors(&report.errors);
            let mut err = std::io::stderr().lock();
            for d in &report.documents {
                if let Some(e) = &d.error {
                    let _ = writeln!(err, "error: {}: {e}", d.path);
                }
                for w in &d.warnings {
                    let _ = writeln!(err, "warning: {}: {w}", d.path);
                }
            }
            for d in report
                .documents
                .iter()
                .filter(|d| d.status == Status::Built)
            {
                let _ = writeln!(out, "  built {}", d.path);
            }
            let _ = writeln!(out, "{}", report.summary());
        }
        Event::Problem(p) => {
            let _ = writeln!(std::io::stderr(), "error: {p}");
        }
    }
    let _ = out.flush();
}
