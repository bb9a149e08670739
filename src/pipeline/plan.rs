//! The matrix: which documents a build makes, and where each one goes.

use super::{Options, Project, UsageError};
use crate::template::Format;
use std::path::PathBuf;

/// One document of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub brand: String,
    pub job: String,
    pub template: String,
    pub format: Format,
    /// Relative to the output folder, from the layout
    /// (default `<brand>/<job>/<template>.<ext>`).
    pub path: PathBuf,
    /// The document's languages, the first its own (`["cy", "en-GB"]` for
    /// a bilingual Welsh board, one language for a brand's `separate`
    /// documents).
    pub languages: Vec<String>,
    /// The print file of a PDF (`<template>-print.pdf`: bleed, crop marks,
    /// CMYK), made beside the screen file for brands with print settings.
    pub print: bool,
}

/// `--shard K/N`: this run builds the K-th of N deterministic slices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based.
    pub index: usize,
    pub count: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let err = || format!("'{s}' is not a shard like 2/8 (the 2nd of 8 slices)");
        let (k, n) = s.split_once('/').ok_or_else(err)?;
        let (index, count): (usize, usize) = (
            k.trim().parse().map_err(|_| err())?,
            n.trim().parse().map_err(|_| err())?,
        );
        if count == 0 || index == 0 || index > count {
            return Err(err());
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether the `i`-th document of the full, sorted matrix is ours.
    /// Round-robin, so each slice gets a fair mix of jobs, brands and formats.
    pub fn owns(self, i: usize) -> bool {
        i % self.count == self.index - 1
    }
}

/// Which part of the matrix a plan covers.
#[derive(Debug, Clone, Copy)]
struct Scope {
    /// Apply `--job`, `--brand`, `--template`, `--format`.
    narrowed: bool,
    /// Apply `--shard`.
    sharded: bool,
    /// Include drafts (profiles or brands with placeholders).
    drafts: bool,
}

/// The whole matrix the project defines (project-file defaults applied; no
/// command-line narrowing, no shard; drafts included): every document the
/// output folder should hold. What is in the manifest and not here is
/// stale. Two documents that would share a file are a usage error.
pub fn full_plan(project: &Project, opts: &Options) -> Result<Vec<Target>, UsageError> {
    let all = plan_with(
        project,
        opts,
        Scope {
            narrowed: false,
            sharded: false,
            drafts: true,
        },
    )?;
    check_collisions(&all, project.settings.layout())?;
    Ok(all)
}

/// The documents this run makes: the full matrix narrowed by the flags,
/// this run's shard of it, and drafts only with `--draft`.
pub fn plan(project: &Project, opts: &Options) -> Result<Vec<Target>, UsageError> {
    plan_with(
        project,
        opts,
        Scope {
            narrowed: true,
            sharded: true,
            drafts: opts.draft,
        },
    )
}

/// The documents this run would make if drafts were allowed: what
/// [`plan`] leaves out are the drafts' documents.
pub fn plan_with_drafts(project: &Project, opts: &Options) -> Result<Vec<Target>, UsageError> {
    plan_with(
        project,
        opts,
        Scope {
            narrowed: true,
            sharded: true,
            drafts: true,
        },
    )
}

/// Two documents of the matrix that map to one file would overwrite each
/// other: refused before anything is written, naming both.
fn check_collisions(targets: &[Target], layout: &str) -> Result<(), UsageError> {
    let mut by_path: std::collections::BTreeMap<&PathBuf, &Target> = Default::default();
    for t in targets {
        if let Some(first) = by_path.insert(&t.path, t) {
            let (a, b) = (first, t);
            return Err(UsageError::new(format!(
                "the output layout '{layout}' (careerpress.yaml) gives two documents the same file {}: brand '{}' + job '{}' + template '{}', and brand '{}' + job '{}' + template '{}'; separate the parts with '/' or another character ids cannot hold, e.g. \"{{brand}}/{{job}}/{{template}}.{{ext}}\"",
                t.path.display(),
                a.brand,
                a.job,
                a.template,
                b.brand,
                b.job,
                b.template
            )));
        }
    }
    Ok(())
}

fn plan_with(project: &Project, opts: &Options, scope: Scope) -> Result<Vec<Target>, UsageError> {
    let pf = &project.settings;
    let content = &project.content;
    let drafts_ok = |draft: bool| scope.drafts || !draft;
    let jobs_known: Vec<String> = content
        .jobs
        .iter()
        .filter(|(_, j)| drafts_ok(j.is_draft()))
        .map(|(id, _)| id.clone())
        .collect();
    let brands_known: Vec<String> = content
        .brands
        .iter()
        .filter(|(_, b)| drafts_ok(b.is_draft()))
        .map(|(id, _)| id.clone())
        .collect();
    // Asking for a draft by name is not a usage error: it is reported as a
    // draft instead, like a job whose file failed to load.
    // Those whose file failed to load, and drafts unless drafts are built.
    fn not_built<'a, T: 'a>(
        failed: &[String],
        items: impl IntoIterator<Item = (&'a String, &'a T)>,
        held: impl Fn(&T) -> bool,
    ) -> Vec<String> {
        let mut v = failed.to_vec();
        v.extend(
            items
                .into_iter()
                .filter(|(_, t)| held(t))
                .map(|(id, _)| id.clone()),
        );
        v
    }
    let failed_jobs = not_built(&content.failed_jobs, &content.jobs, |j| {
        !drafts_ok(j.is_draft())
    });
    let failed_brands = not_built(&content.failed_brands, &content.brands, |b| {
        !drafts_ok(b.is_draft())
    });
    // Mail templates need an applicant: `careerpress mail` uses them, not `build`.
    let tmpl_known: Vec<String> = project
        .templates
        .templates
        .iter()
        .filter(|(_, t)| !t.settings.mail)
        .map(|(n, _)| n.clone())
        .collect();
    // The project file narrows the defaults; flags narrow further.
    let defaults = |from: &Option<Vec<String>>, known: &Vec<String>| {
        from.clone().unwrap_or_else(|| known.clone())
    };
    let none = Vec::new();
    let flags = |v: &'_ Vec<String>| {
        if scope.narrowed {
            v.clone()
        } else {
            none.clone()
        }
    };
    let job_ids = select(
        "job",
        &flags(&opts.jobs),
        &defaults(&pf.jobs, &jobs_known),
        &jobs_known,
        &failed_jobs,
    )?;
    let brand_ids = select(
        "brand",
        &flags(&opts.brands),
        &defaults(&pf.brands, &brands_known),
        &brands_known,
        &failed_brands,
    )?;
    let tmpl_names = select(
        "template",
        &flags(&opts.templates),
        &defaults(&pf.templates, &tmpl_known),
        &tmpl_known,
        &[],
    )?;
    let layout = pf.layout();
    let mut targets = Vec::new();
    for brand in &brand_ids {
        let b = &content.brands[brand].brand;
        let languages: Vec<String> = b.languages.iter().map(|l| l.tag().to_string()).collect();
        // A brand that asks for separate documents gets one per language,
        // `leaflet.cy.pdf` beside `leaflet.en.pdf`.
        let separate =
            languages.len() > 1 && b.bilingual == Some(crate::content::brand::Bilingual::Separate);
        let versions: Vec<(Vec<String>, String)> = if separate {
            languages
                .iter()
                .map(|l| {
                    let short = crate::content::overlay::primary(l).to_string();
                    (vec![l.clone()], format!(".{short}"))
                })
                .collect()
        } else {
            vec![(languages.clone(), String::new())]
        };
        for job in &job_ids {
            for name in &tmpl_names {
                let t = &project.templates.templates[name];
                if scope.narrowed && !opts.formats.is_empty() && !opts.formats.contains(&t.format) {
                    continue;
                }
                // A brand may turn its large-print edition off.
                if t.settings.large_print && b.large_print == Some(false) {
                    continue;
                }
                let press = t.format == Format::Pdf
                    && super::theme::press_options(&project.content.brands[brand], t).is_some();
                for (langs, suffix) in &versions {
                    for print in [false, true] {
                        if print && !press {
                            continue;
                        }
                        let file = if print {
                            format!("{name}{suffix}-print")
                        } else {
                            format!("{name}{suffix}")
                        };
                        let path = layout
                            .replace("{brand}", brand)
                            .replace("{job}", job)
                            .replace("{template}", &file)
                            .replace("{ext}", t.format.extension());
                        targets.push(Target {
                            brand: brand.clone(),
                            job: job.clone(),
                            template: name.clone(),
                            format: t.format,
                            path: PathBuf::from(path),
                            languages: langs.clone(),
                            print,
                        });
                    }
                }
            }
        }
    }
    targets.sort_by(|a, b| a.path.cmp(&b.path));
    if let (true, Some(shard)) = (scope.sharded, opts.shard) {
        targets = targets
            .into_iter()
            .enumerate()
            .filter(|(i, _)| shard.owns(*i))
            .map(|(_, t)| t)
            .collect();
    }
    Ok(targets)
}

/// The ids to build: `defaults` when nothing is asked for, else those asked
/// for; each must exist (one whose file failed to load is left out, its
/// error already reported).
fn select(
    kind: &str,
    wanted: &[String],
    defaults: &[String],
    known: &[String],
    failed: &[String],
) -> Result<Vec<String>, UsageError> {
    let unknown = |w: &str| {
        let mut all: Vec<String> = known.iter().chain(failed).cloned().collect();
        all.sort();
        all.dedup();
        UsageError::new(format!(
            "there is no {kind} '{w}'; known {kind}s: {}",
            if all.is_empty() {
                "(none)".to_string()
            } else {
                all.join(", ")
            }
        ))
    };
    let list = if wanted.is_empty() { defaults } else { wanted };
    let mut out: Vec<String> = Vec::new();
    for w in list {
        if known.contains(w) {
            if !out.contains(w) {
                out.push(w.clone());
            }
        } else if !failed.contains(w) {
            return Err(unknown(w));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_ids_list_the_known_ones() {
        let known = vec!["pals-officer".to_string()];
        let e = select("job", &["nurse".into()], &known, &known, &[]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "there is no job 'nurse'; known jobs: pals-officer"
        );
        assert_eq!(select("job", &[], &known, &known, &[]).unwrap(), known);
        // A job whose file failed is skipped, not a usage error.
        assert!(select(
            "job",
            &["broken".into()],
            &known,
            &known,
            &["broken".into()]
        )
        .unwrap()
        .is_empty());
    }

    #[test]
    fn shards_partition_the_matrix() {
        let s: Shard = "2/3".parse().unwrap();
        assert_eq!(s, Shard { index: 2, count: 3 });
        assert!(["0/3", "4/3", "1/0", "x", "1/"]
            .iter()
            .all(|b| b.parse::<Shard>().is_err()));
        for i in 0..30 {
            let owners = (1..=3)
                .filter(|k| {
                    Shard {
                        index: *k,
                        count: 3,
                    }
                    .owns(i)
                })
                .count();
            assert_eq!(owners, 1);
        }
    }
}
