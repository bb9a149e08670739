//! `careerpress schema`: write the JSON Schemas of job, brand and project
//! files into `schemas/`, for editors (see `authoring::schema`).

use crate::authoring::schema::{self, Written};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Folder to write into [default: <project>/schemas].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Write nothing; exit 1 when a schema file is missing or out of date.
    #[arg(long)]
    pub check: bool,
}

pub fn run(root: PathBuf, args: SchemaArgs) -> ExitCode {
    let dir = args.out.unwrap_or_else(|| root.join(schema::SCHEMA_DIR));
    if args.check {
        let stale = schema::stale(&dir);
        for p in &stale {
            tell!(
                "error: {}: out of date; run `careerpress schema`",
                p.display()
            );
        }
        return if stale.is_empty() {
            say!("Schemas are up to date in {}", dir.display());
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        };
    }
    match schema::write(&dir) {
        Ok(done) => {
            for w in done {
                match w {
                    Written::Created(p) => say!("created {}", p.display()),
                    Written::Updated(p) => say!("updated {}", p.display()),
                    Written::Unchanged(p) => say!("up to date {}", p.display()),
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            tell!("error: {}: cannot write the schemas: {e}", dir.display());
            ExitCode::from(1)
        }
    }
}
