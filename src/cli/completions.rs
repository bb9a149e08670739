//! `careerpress completions <shell>` and `careerpress man`: shell
//! completions (clap_complete) and manual pages (clap_mangen), made from
//! the same definitions as the command line itself, so they never drift.
//!
//! Completion is dynamic: the shell asks the binary itself as it completes
//! (`COMPLETE=bash careerpress -- careerpress build --job <TAB>`, see
//! [`clap_complete::env`]), so `--job`, `--brand` and `--template` offer
//! the ids of the project being worked in, not file names.

use super::Cli;
use clap::CommandFactory;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use std::ffi::OsStr;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Answers a shell's completion request and exits, when the binary runs
/// under `COMPLETE=<shell>`; otherwise returns at once.
pub fn answer_shell() {
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
}

/// careerpress.1: clap_mangen's sections, then the files, exit codes and
/// environment, then the version.
fn main_page(cmd: clap::Command, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(cmd);
    man.render_title(w)?;
    man.render_name_section(w)?;
    man.render_synopsis_section(w)?;
    man.render_description_section(w)?;
    man.render_options_section(w)?;
    man.render_subcommands_section(w)?;
    man.render_extra_section(w)?;
    super::manual::roff().to_writer(w)?;
    man.render_version_section(w)
}

/// What an id flag completes to.
#[derive(Debug, Clone, Copy)]
pub enum Ids {
    Jobs,
    Brands,
    Templates,
}

/// The completer of an id flag: `#[arg(add = ids(Ids::Jobs))]`.
pub fn ids(kind: Ids) -> ArgValueCompleter {
    ArgValueCompleter::new(move |current: &OsStr| candidates(kind, current))
}

fn candidates(kind: Ids, current: &OsStr) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    let Some(root) = completing_root() else {
        return Vec::new();
    };
    let (jobs, brands) = crate::content::ids(&root);
    let all = match kind {
        Ids::Jobs => jobs,
        Ids::Brands => brands,
        Ids::Templates => crate::template::names(&root),
    };
    all.into_iter()
        .filter(|id| id.starts_with(current.as_ref()))
        .map(CompletionCandidate::new)
        .collect()
}

/// The project of the command line being completed: its `--project`, else
/// the project the shell is in (as every command finds it).
fn completing_root() -> Option<PathBuf> {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let given = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--project=")
            .map(str::to_string)
            .or_else(|| {
                (a == "--project")
                    .then(|| args.get(i + 1).cloned())
                    .flatten()
            })
    });
    match given {
        Some(p) => Some(PathBuf::from(p)),
        None => crate::authoring::starter::find_root(&std::env::current_dir().ok()?),
    }
}

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

/// Prints the completion script for a shell: the same as
/// `COMPLETE=<shell> careerpress` prints. It asks this binary what to
/// offer as each word is completed, so ids come from the project the
/// shell is in.
pub fn completions(args: CompletionsArgs) -> ExitCode {
    let name = args.shell.to_string();
    let shells = clap_complete::env::Shells::builtins();
    let Some(shell) = shells.completer(&name) else {
        tell!("error: no completions for {name}");
        return ExitCode::from(2);
    };
    let completer = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "careerpress".into());
    // Made in memory, then written: a closed pipe ends it quietly.
    let mut script = Vec::new();
    let bin = Cli::command().get_name().to_string();
    if let Err(e) = shell.write_registration("COMPLETE", &bin, &bin, &completer, &mut script) {
        tell!("error: cannot make the {name} completions: {e}");
        return ExitCode::from(1);
    }
    let _ = std::io::stdout().lock().write_all(&script);
    ExitCode::SUCCESS
}

/// Prints the manual page, or writes every page into a folder. The main
/// page adds the files careerpress reads and writes, its exit codes and
/// environment variables (see `manual`) to what `--help` says.
pub fn man(args: ManArgs) -> ExitCode {
    let cmd = Cli::command();
    let result = match &args.out {
        Some(dir) => std::fs::create_dir_all(dir)
            .and_then(|()| clap_mangen::generate_to(cmd.clone(), dir))
            .and_then(|()| {
                let mut page = Vec::new();
                main_page(cmd, &mut page)?;
                std::fs::write(dir.join("careerpress.1"), page)
            })
            .map(|()| say!("Wrote the manual pages into {}", dir.display())),
        None => {
            let mut page = Vec::new();
            main_page(cmd, &mut page).and_then(|()| std::io::stdout().write_all(&page))
        }
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
