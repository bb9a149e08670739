//! `careerpress build`: the matrix, with progress and a closing report.

use super::completions::{ids, Ids};
use super::print_errors;
use crate::pipeline::{self, DocResult, Options, Status};
use crate::template::Format;
use clap::ValueEnum;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The part of the matrix to make: shared by `build` and `watch`.
#[derive(Debug, clap::Args)]
pub struct MatrixArgs {
    /// Only this job (repeatable).
    #[arg(long = "job", value_name = "ID", add = ids(Ids::Jobs))]
    pub jobs: Vec<String>,
    /// Only this brand (repeatable).
    #[arg(long = "brand", value_name = "ID", add = ids(Ids::Brands))]
    pub brands: Vec<String>,
    /// Only this template (repeatable).
    #[arg(long = "template", value_name = "NAME", add = ids(Ids::Templates))]
    pub templates: Vec<String>,
    /// Only this format (repeatable).
    #[arg(long = "format", value_name = "FORMAT")]
    pub formats: Vec<FormatArg>,
    /// Output folder [default: <project>/output].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Build drafts too (profiles with placeholders such as TODO), every
    /// page marked DRAFT, to preview them; without it drafts are left out.
    #[arg(long)]
    pub draft: bool,
}

impl MatrixArgs {
    /// Build options for this part of the matrix.
    pub fn options(self, root: PathBuf) -> Options {
        Options {
            root,
            out: self.out,
            jobs: self.jobs,
            brands: self.brands,
            templates: self.templates,
            formats: self.formats.into_iter().map(|f| f.0).collect(),
            draft: self.draft,
            ..Options::default()
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub matrix: MatrixArgs,
    /// Rebuild every document, even those whose inputs are unchanged.
    #[arg(long)]
    pub force: bool,
    /// Remove files earlier builds wrote that the project no longer makes
    /// (only files careerpress wrote, from its manifest).
    #[arg(long)]
    pub clean: bool,
    /// Build only slice K of N of the matrix (e.g. 2/8), for batch runners;
    /// the N slices together are exactly a full build.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<pipeline::Shard>,
    /// Print only errors.
    #[arg(long, short, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print every document as it is made.
    #[arg(long, short)]
    pub verbose: bool,
    /// Print a machine-readable report (JSON) on standard output.
    #[arg(long)]
    pub json: bool,
}

/// `--format`: any format careerpress makes, by its extension (the list
/// comes from [`Format::ALL`], so a new format needs nothing here).
#[derive(Debug, Clone, Copy)]
pub struct FormatArg(pub Format);

impl ValueEnum for FormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        static ALL: std::sync::LazyLock<Vec<FormatArg>> =
            std::sync::LazyLock::new(|| Format::ALL.into_iter().map(FormatArg).collect());
        &ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0.extension()))
    }
}

pub fn run(root: PathBuf, args: BuildArgs) -> ExitCode {
    let opts = Options {
        force: args.force,
        clean: args.clean,
        shard: args.shard,
        ..args.matrix.options(root)
    };
    // Ctrl-C: finish the documents being made, start no more, exit 130.
    let _ = ctrlc::set_handler(|| {
        pipeline::INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst)
    });
    let progress = CliProgress {
        bar: progress_bar(args.quiet || args.json),
        verbose: args.verbose && !args.json,
    };
    let report = match pipeline::build(&opts, &progress) {
        Ok(r) => r,
        Err(e) => {
            tell!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(b) = &progress.bar {
        b.finish_and_clear();
    }
    print_errors(&report.errors);
    let mut err = std::io::stderr().lock();
    for w in &report.warnings {
        let _ = writeln!(err, "warning: {w}");
    }
    // A template's mistake is the same in every document made with it:
    // said once, naming the documents it stopped.
    let mut failed: Vec<(&crate::diagnostic::Diagnostic, Vec<&str>)> = Vec::new();
    for d in &report.documents {
        for w in &d.warnings {
            let _ = writeln!(err, "warning: {}: {w}", d.path);
        }
        for n in &d.notes {
            let _ = writeln!(err, "warning: {n}");
        }
        if let Some(e) = &d.error {
            match failed.iter_mut().find(|(m, _)| *m == e) {
                Some((_, docs)) => docs.push(&d.path),
                None => failed.push((e, vec![&d.path])),
            }
        }
    }
    for (e, docs) in &failed {
        match docs.as_slice() {
            [one] => {
                let _ = writeln!(err, "error: {one}: {e}");
            }
            [first, rest @ ..] => {
                let more = if rest.len() > 2 {
                    format!("{}, {} and {} more", rest[0], rest[1], rest.len() - 2)
                } else {
                    rest.join(", ")
                };
                let _ = writeln!(
                    err,
                    "error: {e} (stopped {} documents: {first}, {more})",
                    docs.len()
                );
            }
            [] => {}
        }
    }
    if !args.quiet && !args.json {
        for s in &report.stale {
            let verb = if report.removed.contains(s) {
                "removed"
            } else {
                "no longer made"
            };
            let _ = writeln!(err, "{verb}: {s}");
        }
    }
    drop(err);
    let summary = (!args.quiet).then(|| report.summary());
    super::finish(&report, summary, args.json, report.interrupted, report.ok())
}

/// Progress on the terminal: a bar, and with `--verbose` a line a document.
struct CliProgress {
    bar: Option<indicatif::ProgressBar>,
    verbose: bool,
}

impl pipeline::Progress for CliProgress {
    fn note(&self, message: &str) {
        match &self.bar {
            Some(b) => b.println(message),
            None => tell!("{message}"),
        }
    }

    fn start(&self, total: usize) {
        if let Some(b) = &self.bar {
            b.set_length(total as u64);
        }
    }

    fn done(&self, d: &DocResult) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
        if self.verbose {
            let what = match d.status {
                Status::Built => "built",
                Status::UpToDate => "up to date",
                Status::Failed => "failed",
                Status::Skipped => "not started",
            };
            let line = format!("{what:>11}  {}", d.path);
            match &self.bar {
                Some(b) => b.println(line),
                None => tell!("{line}"),
            }
        }
    }
}

/// A progress bar on a terminal; nothing in pipes, files or CI.
fn progress_bar(hidden: bool) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if hidden || !std::io::stderr().is_terminal() || std::env::var_os("CI").is_some() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40.cyan/blue} {pos}/{len} documents {elapsed}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(bar)
}
