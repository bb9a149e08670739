//! Command line: arguments, exit codes and what is printed. Calls the
//! library for everything else.
//!
//! Exit codes: 0 success, 1 content, template or document errors, 2 usage
//! errors (clap's own, and unknown ids in flags).

use crate::build::{self, DocResult, Options, Project, Status};
use crate::template::Format;
use clap::{Parser, Subcommand, ValueEnum};
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
    Build(BuildArgs),
    /// Validate all content and templates; write nothing.
    Check,
    /// List jobs, brands and templates, one a line.
    List,
    /// Print the markup a template makes for one job and brand (for
    /// template authors: what the writers are given).
    Markup {
        #[arg(long, value_name = "ID")]
        job: String,
        #[arg(long, value_name = "ID")]
        brand: String,
        #[arg(long, value_name = "NAME")]
        template: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Only this job (repeatable).
    #[arg(long = "job", value_name = "ID")]
    pub jobs: Vec<String>,
    /// Only this brand (repeatable).
    #[arg(long = "brand", value_name = "ID")]
    pub brands: Vec<String>,
    /// Only this template (repeatable).
    #[arg(long = "template", value_name = "NAME")]
    pub templates: Vec<String>,
    /// Only this format (repeatable).
    #[arg(long = "format", value_name = "FORMAT")]
    pub formats: Vec<FormatArg>,
    /// Output folder [default: <project>/output].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
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
    pub shard: Option<build::Shard>,
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

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Txt,
    Pdf,
    Docx,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Txt => Format::Txt,
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Docx => Format::Docx,
        }
    }
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
        Command::Build(args) => build_cmd(cli.project, args),
        Command::Check => check_cmd(cli.project),
        Command::List => list_cmd(cli.project),
        Command::Markup {
            job,
            brand,
            template,
        } => markup_cmd(cli.project, &job, &brand, &template),
    }
}

fn print_errors(errors: &[String]) {
    let mut err = std::io::stderr().lock();
    for e in errors {
        let _ = writeln!(err, "error: {e}");
    }
}

fn build_cmd(root: PathBuf, args: BuildArgs) -> ExitCode {
    let opts = Options {
        root,
        out: args.out,
        jobs: args.jobs,
        brands: args.brands,
        templates: args.templates,
        formats: args.formats.into_iter().map(Format::from).collect(),
        force: args.force,
        clean: args.clean,
        shard: args.shard,
    };
    // Ctrl-C: finish the documents being made, start no more, exit 130.
    let _ =
        ctrlc::set_handler(|| build::INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst));
    let progress = CliProgress {
        bar: progress_bar(args.quiet || args.json),
        verbose: args.verbose && !args.json,
    };
    let report = match build::build(&opts, &progress) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(b) = &progress.bar {
        b.finish_and_clear();
    }
    print_errors(&report.errors);
    let mut err = std::io::stderr().lock();
    for d in &report.documents {
        for w in &d.warnings {
            let _ = writeln!(err, "warning: {}: {w}", d.path);
        }
        if let Some(e) = &d.error {
            let _ = writeln!(err, "error: {}: {e}", d.path);
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
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else if !args.quiet {
        println!("{}", report.summary());
    }
    if report.interrupted {
        ExitCode::from(130)
    } else if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Progress on the terminal: a bar, and with `--verbose` a line a document.
struct CliProgress {
    bar: Option<indicatif::ProgressBar>,
    verbose: bool,
}

impl build::Progress for CliProgress {
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
                None => eprintln!("{line}"),
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

fn check_cmd(root: PathBuf) -> ExitCode {
    let project = Project::load(&root);
    let mut errors = project.errors();
    // Render every document in memory too: a template can be valid
    // Handlebars and still name a field that does not exist.
    {
        if let Ok(targets) = build::plan(
            &project,
            &Options {
                root: root.clone(),
                ..Options::default()
            },
        ) {
            let themes = build::themes(&project, &targets);
            let writers = build::Writers::default();
            let text = writers.get(Format::Txt);
            for t in &targets {
                if let Some(theme) = themes.get(&(t.brand.clone(), t.template.clone())) {
                    // Templates and markup are checked through the text writer,
                    // which every format shares up to the Document.
                    if let Err(e) = build::render_one(&project, t, theme, text) {
                        if !errors.contains(&e) {
                            errors.push(e);
                        }
                    }
                }
            }
        }
    }
    print_errors(&errors);
    let c = &project.content;
    if errors.is_empty() {
        println!(
            "All good: {} jobs, {} brands, {} templates checked",
            c.jobs.len(),
            c.brands.len(),
            project.templates.templates.len()
        );
        ExitCode::SUCCESS
    } else {
        println!("{} errors found", errors.len());
        ExitCode::from(1)
    }
}

fn list_cmd(root: PathBuf) -> ExitCode {
    let project = Project::load(&root);
    let mut out = std::io::stdout().lock();
    for (id, j) in &project.content.jobs {
        let _ = writeln!(out, "job       {id:<24} {}", j.job.title);
    }
    for (id, b) in &project.content.brands {
        let _ = writeln!(out, "brand     {id:<24} {}", b.brand.name);
    }
    for (name, t) in &project.templates.templates {
        let _ = writeln!(out, "template  {name:<24} {}", t.format);
    }
    let errors = project.errors();
    print_errors(&errors);
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn markup_cmd(root: PathBuf, job: &str, brand: &str, template: &str) -> ExitCode {
    let project = Project::load(&root);
    let opts = Options {
        root,
        jobs: vec![job.to_string()],
        brands: vec![brand.to_string()],
        templates: vec![template.to_string()],
        ..Options::default()
    };
    let target = match build::plan(&project, &opts) {
        Ok(t) => t.into_iter().next(),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(target) = target else {
        print_errors(&project.errors());
        return ExitCode::from(1);
    };
    match build::render_markup(&project, &target) {
        Ok(m) => {
            print!("{m}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            print_errors(&[e]);
            ExitCode::from(1)
        }
    }
}
