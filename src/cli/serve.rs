//! `careerpress serve`: every document in a browser, rebuilt and shown
//! again as files are saved, until stopped with Ctrl-C (see `serve`).

use super::build::MatrixArgs;
use crate::serve::{self, ServeOptions};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub matrix: MatrixArgs,
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 8000, value_name = "N")]
    pub port: u16,
    /// The address to listen on. Only this machine can connect to the
    /// default; another address lets anyone who can reach the machine read
    /// every document.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
    pub host: String,
    /// How long to wait after a change for more, in milliseconds.
    #[arg(long, default_value_t = 200, value_name = "MS")]
    pub quiet_ms: u64,
}

pub fn run(root: PathBuf, args: ServeArgs) -> ExitCode {
    let opts = ServeOptions {
        build: args.matrix.options(root),
        host: args.host,
        port: args.port,
        quiet: Duration::from_millis(args.quiet_ms),
    };
    let result = serve::run(
        opts,
        |addr| {
            let shown = if addr.ip().is_unspecified() {
                format!("localhost:{}", addr.port())
            } else {
                addr.to_string()
            };
            say!("serving http://{shown}/ (Ctrl-C to stop)");
            if !addr.ip().is_loopback() {
                tell!("warning: listening on {addr}: anyone who can reach this machine can read every document");
            }
        },
        super::watch::print,
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tell!("error: {e}");
            ExitCode::from(1)
        }
    }
}
