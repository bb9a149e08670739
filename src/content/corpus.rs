//! A synthetic corpus for benchmarks: many jobs and trusts made from the
//! bundled content, with varied lengths, so a benchmark measures a careers
//! service's real scale (hundreds of jobs, dozens of trusts) rather than one
//! document.

use super::{load_brand, load_job, yaml};
use crate::content::types::Text;
use std::path::Path;

const TITLES: [&str; 8] = [
    "Patient advice and liaison service (PALS) officer",
    "Complaints officer",
    "Patient experience lead",
    "Health records clerk",
    "Medical secretary",
    "Volunteer services coordinator",
    "Advocacy worker",
    "Ward clerk",
];

const COLOURS: [(&str, &str, &str); 5] = [
    ("#005293", "#00A9CE", "#E8F1F8"),
    ("#00664A", "#7AB800", "#E9F3EE"),
    ("#7C2855", "#ED8B00", "#F6EAF0"),
    ("#330072", "#AE2573", "#EFEAF6"),
    ("#425563", "#41B6E6", "#ECEFF1"),
];

/// Writes `jobs` jobs and `brands` brands under `dest` (a new project with
/// `content/` and `templates/`), made from the project at `src`.
pub fn generate(src: &Path, dest: &Path, jobs: usize, brands: usize) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let base = load_job(&src.join("content/jobs/pals-officer.yaml"))
        .map_err(|e| format!("{e:?}"))?
        .job;
    let jobs_dir = dest.join("content/jobs");
    std::fs::create_dir_all(&jobs_dir).map_err(io)?;
    for i in 0..jobs {
        let mut job = base.clone();
        let title = format!("{} {}", TITLES[i % TITLES.len()], i + 1);
        job.title = Text(title);
        // Varied lengths: from a short profile to one well over a page.
        let cycle = |list: &[Text], n: usize| -> Vec<Text> {
            list.iter().cycle().take(n).cloned().collect()
        };
        job.duties.tasks = cycle(&base.duties.tasks, 3 + (i * 7) % 10);
        job.skills = cycle(&base.skills, 4 + (i * 5) % 14);
        job.career_path = cycle(&base.career_path, 1 + i % 4);
        if i % 3 == 0 {
            job.summary = Text(format!("{} {}", base.summary, base.summary));
        }
        if i % 4 == 0 {
            job.training = None;
        }
        job.salary.starter = 18_000 + (i as u32 % 20) * 500;
        job.salary.experienced = job.salary.starter + 4_000 + (i as u32 % 7) * 1_000;
        let text = yaml::to_string(&job)?;
        std::fs::write(jobs_dir.join(format!("job-{:04}.yaml", i + 1)), text).map_err(io)?;
    }
    let base_brand = load_brand(&src.join("content/brands/eastbrook-hospitals"))
        .map_err(|e| format!("{e:?}"))?;
    for b in 0..brands {
        let dir = dest.join(format!("content/brands/trust-{:02}", b + 1));
        std::fs::create_dir_all(&dir).map_err(io)?;
        let mut brand = base_brand.brand.clone();
        brand.name = Text(format!("Trust {} NHS Foundation Trust", b + 1));
        brand.short_name = Text(format!("Trust {}", b + 1));
        let (p, s, sh) = COLOURS[b % COLOURS.len()];
        brand.colours.primary = crate::content::types::HexColour(p.into());
        brand.colours.secondary = crate::content::types::HexColour(s.into());
        brand.colours.shade = crate::content::types::HexColour(sh.into());
        std::fs::write(dir.join("brand.yaml"), yaml::to_string(&brand)?).map_err(io)?;
        std::fs::write(dir.join(&brand.logo.file), base_brand.logo.bytes.as_slice()).map_err(io)?;
    }
    copy_dir(&src.join("templates"), &dest.join("templates")).map_err(io)
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let dest = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &dest)?;
        } else {
            std::fs::copy(e.path(), dest)?;
        }
    }
    Ok(())
}
