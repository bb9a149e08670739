//! `careerpress new job <id>` and `careerpress new brand <id>`: a commented
//! skeleton to fill in (see `authoring::skeleton`); `careerpress new project
//! [dir]`: a project that builds at once (see `authoring::starter`). Never
//! overwrites.

use crate::authoring::skeleton::{self, Kind, NewError};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    #[command(subcommand)]
    pub what: What,
}

#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// A job profile: content/jobs/<ID>.yaml.
    Job {
        /// Lower-case letters, digits and hyphens, e.g. occupational-therapist.
        id: String,
    },
    /// A trust's brand: content/brands/<ID>/brand.yaml (add the logo yourself).
    Brand {
        /// Lower-case letters, digits and hyphens, e.g. riverside-hospitals.
        id: String,
    },
    /// A new project in DIR that builds at once: one job, one trust, the
    /// bundled templates and fonts, and the editor schemas.
    Project {
        /// The folder to make, or one without a project in it [default: the
        /// folder you are in].
        dir: Option<PathBuf>,
    },
}

impl What {
    pub fn is_project(&self) -> bool {
        matches!(self, What::Project { .. })
    }
}

pub fn run(root: PathBuf, args: NewArgs) -> ExitCode {
    let (kind, id) = match &args.what {
        What::Job { id } => (Kind::Job, id),
        What::Brand { id } => (Kind::Brand, id),
        What::Project { dir } => {
            return project(dir.as_deref().unwrap_or(std::path::Path::new(".")))
        }
    };
    match skeleton::create(&root, kind, id) {
        Ok(file) => {
            say!("Wrote {}", file.display());
            if kind == Kind::Brand {
                say!("Put the trust's logo (PNG or JPEG) next to it as logo.png.");
            }
            say!("Fill it in, then run `careerpress check`.");
            ExitCode::SUCCESS
        }
        Err(e @ NewError::BadId(_)) => {
            tell!("error: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            tell!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// `careerpress new project <dir>`.
fn project(dir: &std::path::Path) -> ExitCode {
    match crate::authoring::starter::create(dir) {
        Ok(files) => {
            say!(
                "Wrote a new project in {} ({} files):",
                dir.display(),
                files.len()
            );
            say!("  content/jobs/pals-officer.yaml             an example job profile");
            say!("  content/brands/eastbrook-hospitals/        an example (fictional) trust");
            say!("  templates/                                 leaflet (PDF), handout (DOCX), summary and email (text)");
            say!("  schemas/                                   for editors (completion and checks as you type)");
            if dir == std::path::Path::new(".") {
                say!("Next: careerpress build");
            } else {
                say!("Next: cd {} && careerpress build", dir.display());
            }
            say!("Then add your own: careerpress new job <id>, careerpress new brand <id>.");
            ExitCode::SUCCESS
        }
        Err(e) => {
            tell!("error: {e}");
            ExitCode::from(1)
        }
    }
}
