//! `careerpress list`: jobs, brands and templates, one a line.

use super::print_errors;
use crate::pipeline::Project;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(root: PathBuf) -> ExitCode {
    let project = Project::load(&root);
    let mut out = std::io::stdout().lock();
    for (id, j) in &project.content.jobs {
        let _ = writeln!(out, "job       {id:<24} {}", j.job.title);
    }
    for (id, b) in &project.content.brands {
        let _ = writeln!(out, "brand     {id:<24} {}", b.brand.name);
    }
    for (name, t) in &project.templates.templates {
        let kind = if t.settings.mail {
            " (mail: used by careerpress mail)"
        } else {
            ""
        };
        let _ = writeln!(out, "template  {name:<24} {}{kind}", t.format);
    }
    let errors = project.errors();
    print_errors(&errors);
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
