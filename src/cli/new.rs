//! `careerpress new job <id>` and `careerpress new brand <id>`: a commented
//! skeleton to fill in (see `authoring::skeleton`). Never overwrites.

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
}

pub fn run(root: PathBuf, args: NewArgs) -> ExitCode {
    let (kind, id) = match &args.what {
        What::Job { id } => (Kind::Job, id),
        What::Brand { id } => (Kind::Brand, id),
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
