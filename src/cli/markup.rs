//! `careerpress markup`: what a template makes for one job and brand, for
//! template authors (and for Pandoc, which reads the same `:::` divs).

use super::completions::{ids, Ids};
use super::print_errors;
use crate::pipeline::{self, Options, Project};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct MarkupArgs {
    #[arg(long, value_name = "ID", add = ids(Ids::Jobs))]
    pub job: String,
    #[arg(long, value_name = "ID", add = ids(Ids::Brands))]
    pub brand: String,
    #[arg(long, value_name = "NAME", add = ids(Ids::Templates))]
    pub template: String,
}

pub fn run(root: PathBuf, args: MarkupArgs) -> ExitCode {
    let (job, brand, template) = (&args.job, &args.brand, &args.template);
    let project = Project::load(&root);
    let opts = Options {
        root,
        jobs: vec![job.to_string()],
        brands: vec![brand.to_string()],
        templates: vec![template.to_string()],
        ..Options::default()
    };
    let target = match pipeline::plan(&project, &opts) {
        Ok(t) => t.into_iter().next(),
        Err(e) => {
            tell!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(target) = target else {
        print_errors(&project.errors());
        return ExitCode::from(1);
    };
    match pipeline::render_markup(&project, &target) {
        Ok(m) => {
            {
                use std::io::Write as _;
                let _ = write!(std::io::stdout().lock(), "{m}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            print_errors(&[e]);
            ExitCode::from(1)
        }
    }
}
