//! `careerpress completions <shell>` and `careerpress man`: shell
//! completions (clap_complete) and manual pages (clap_mangen), made from
//! the same definitions as the command line itself, so they never drift.

use super::Cli;
use clap::CommandFactory;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write careerpress.1 and a page a subcommand (careerpress-build.1, …)
    /// into this folder instead of printing careerpress.1.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Prints the completion script for a shell.
pub fn completions(args: CompletionsArgs) -> ExitCode {
    let mut cmd = Cli::command();
    let name = cmd.get_name().to_string();
    // Made in memory, then written: a closed pipe ends it quietly.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, name, &mut script);
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(&script);
    ExitCode::SUCCESS
}

/// Prints the manual page, or writes every page into a folder.
pub fn man(args: ManArgs) -> ExitCode {
    let cmd = Cli::command();
    let result = match &args.out {
        Some(dir) => std::fs::create_dir_all(dir)
            .and_then(|()| clap_mangen::generate_to(cmd, dir))
            .map(|()| say!("Wrote the manual pages into {}", dir.display())),
        None => clap_mangen::Man::new(cmd).render(&mut std::io::stdout()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `careerpress man | head`: the reader has seen enough.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            tell!("error: cannot write the manual page: {e}");
            ExitCode::from(1)
        }
    }
}
