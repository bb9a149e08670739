//! `careerpress import <file.txt>...`: careers pages of one job, saved as
//! plain text, into a draft job profile (see `authoring::import`).

use crate::authoring::import::{self, Input};
use crate::content::types::check_id;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Careers pages of one job saved as plain text (National Careers
    /// Service, Health Careers, Prospects, My World of Work, job guides);
    /// several are merged into one profile.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The job's id (file name) [default: from the title].
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Write here instead of content/jobs/<id>.yaml ("-" for standard output).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Largest page or document `import` reads (a saved NHS profile page is
/// well under 1 MiB).
const MAX_IMPORT_BYTES: u64 = 16 * 1024 * 1024;

pub fn run(root: PathBuf, args: ImportArgs) -> ExitCode {
    let mut inputs = Vec::new();
    for f in &args.files {
        // A file the user names, wherever it is (a saved page, a pipe);
        // never more than a profile page could be.
        match std::fs::File::open(f)
            .and_then(|file| crate::safe_fs::read_to_cap(file, MAX_IMPORT_BYTES))
        {
            Ok(bytes) => inputs.push(Input {
                name: f.display().to_string(),
                text: String::from_utf8_lossy(&bytes).into_owned(),
            }),
            Err(e) => {
                tell!("error: {}: cannot read the file: {e}", f.display());
                return ExitCode::from(1);
            }
        }
    }
    let today = today();
    let result = match import::import(&inputs, &today) {
        Ok(r) => r,
        Err(e) => {
            tell!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let id = args
        .id
        .clone()
        .unwrap_or_else(|| import::id_for(result.job.title.as_str()));
    if let Err(e) = check_id(&id) {
        tell!("error: {e}");
        return ExitCode::from(2);
    }
    let report = &result.report;
    let mut err = std::io::stderr().lock();
    for (name, sid, layout) in &report.files {
        let _ = writeln!(err, "read {name} as {} (source '{sid}')", layout.describe());
    }
    for d in &report.dropped {
        let _ = writeln!(err, "dropped ({}) from {}:", d.why, d.source);
        for l in d.text.lines() {
            let _ = writeln!(err, "    {l}");
        }
    }
    for (path, why) in &report.todos {
        let _ = writeln!(err, "todo: {path}: {why}");
    }
    // What the draft lacks beyond its placeholders (a salary the pages do
    // not give), before it can even be previewed with `build --draft`.
    let missing: Vec<crate::content::ContentError> =
        crate::content::parse_job(Path::new(&format!("{id}.yaml")), result.yaml.as_bytes())
            .err()
            .unwrap_or_default()
            .into_iter()
            .filter(|e| !e.placeholder)
            .collect();
    for e in &missing {
        let _ = writeln!(
            err,
            "todo: {}: {} (needed before `careerpress build --draft` can preview it)",
            e.field.as_deref().unwrap_or("the file"),
            e.message
        );
    }
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let _ = writeln!(
        err,
        "placed {} in the profile's fields; {} under `unsorted` for you to sort; dropped {} of page furniture (listed above)",
        plural(report.placed, "fact", "facts"),
        plural(report.unsorted, "item", "items"),
        plural(report.dropped.len(), "piece", "pieces"),
    );
    drop(err);
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| root.join("content").join("jobs").join(format!("{id}.yaml")));
    if out.as_os_str() == "-" {
        {
            use std::io::Write as _;
            let _ = write!(std::io::stdout().lock(), "{}", result.yaml);
        }
        return ExitCode::SUCCESS;
    }
    if out.exists() {
        tell!(
            "error: {} already exists; import never overwrites a file (use --out or --id)",
            out.display()
        );
        return ExitCode::from(1);
    }
    if let Some(dir) = out.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&out)
        .and_then(|mut f| f.write_all(result.yaml.as_bytes()));
    if let Err(e) = written {
        tell!("error: {}: cannot write the file: {e}", out.display());
        return ExitCode::from(1);
    }
    say!(
        "Wrote {} (a draft: `careerpress check` lists what is left to do; `careerpress build --draft` previews it)",
        out.display()
    );
    ExitCode::SUCCESS
}

/// Today (UTC), or the day `SOURCE_DATE_EPOCH` names, as `YYYY-MM-DD`.
fn today() -> String {
    let secs = crate::pipeline::source_date_epoch()
        .ok()
        .flatten()
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    crate::pipeline::iso_date(secs)
}
