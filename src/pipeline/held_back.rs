//! What a run holds back, and why: drafts (profiles or brands with
//! placeholders) and documents in a language their job or brand has no text
//! in. Without `--draft` each is an error naming the file and every gap;
//! with it, a warning, and the pages say DRAFT.

use super::plan::{plan_with_drafts, Target};
use super::project::Project;
use super::report::Report;
use super::{Options, UsageError};
use crate::content;
use crate::diagnostic::Diagnostic;

/// Drafts in this run's part of the matrix: without `--draft` their
/// documents are left out and each is an error saying why, with every
/// placeholder; with it, a warning that their pages say DRAFT.
pub(super) fn drafts(
    project: &Project,
    opts: &Options,
    targets: &[Target],
    report: &mut Report,
) -> Result<(), UsageError> {
    let would = plan_with_drafts(project, opts)?;
    let mut seen = std::collections::BTreeSet::new();
    for t in &would {
        let job = &project.content.jobs[&t.job];
        let brand = &project.content.brands[&t.brand];
        for (file, placeholders) in [
            (&job.file, &job.placeholders),
            (&brand.file, &brand.placeholders),
        ] {
            if placeholders.is_empty() || !seen.insert(file.clone()) {
                continue;
            }
            let n = placeholders.len();
            let count = format!("{n} placeholder{}", if n == 1 { "" } else { "s" });
            if opts.draft {
                report.warnings.push(Diagnostic::file(file, format!("a draft ({count}): its documents say DRAFT on every page; never publish them")));
            } else {
                let left_out = would.len() - targets.len();
                report.errors.push(Diagnostic::file(file, format!("a draft: {count} still in it, so its documents were not built ({left_out} left out in all); write the real values, or build with --draft to preview it marked DRAFT")));
                report.errors.extend(placeholders.iter().cloned());
            }
        }
    }
    Ok(())
}

/// Documents in a language their job or brand has no text in (or whose
/// translation still holds placeholders): without `--draft` they are left
/// out, each file and language an error with every field it lacks; with it
/// they are built, the original's text standing in, marked DRAFT.
pub(super) fn untranslated(
    project: &Project,
    opts: &Options,
    targets: Vec<Target>,
    report: &mut Report,
) -> Vec<Target> {
    let mut said = std::collections::BTreeSet::new();
    let mut kept = Vec::with_capacity(targets.len());
    for t in targets {
        let job = &project.content.jobs[&t.job];
        let brand = &project.content.brands[&t.brand];
        let mut ok = true;
        for lang in &t.languages {
            let name = content::overlay::language_name(lang);
            let gaps = [
                (
                    &job.file,
                    job.translations
                        .missing(&job.file, lang, content::overlay::job_policy),
                ),
                (
                    &brand.file,
                    brand
                        .translations
                        .missing(&brand.file, lang, content::overlay::brand_policy),
                ),
            ];
            for (file, missing) in gaps {
                if missing.is_empty() {
                    continue;
                }
                ok = false;
                if !said.insert((file.clone(), lang.clone())) {
                    continue;
                }
                let n = missing.len();
                let translation = content::translations::translation_file(file, lang);
                let untouched = missing.len() == 1 && missing[0].field.is_none();
                if untouched && !opts.draft {
                    // No translation at all: the one error says it all.
                    let mut e = missing[0].clone();
                    e.message = format!(
                        "{}; so its documents in {name} were not built (build with --draft to preview them, the original's text standing in)",
                        e.message
                    );
                    report.errors.push(e);
                    continue;
                }
                if opts.draft {
                    report.warnings.push(Diagnostic::file(file, format!("no {name} text for {n} printed field{}: its {name} documents show the original's, marked DRAFT", if n == 1 { "" } else { "s" })));
                } else {
                    report.errors.push(Diagnostic::file(file, format!("no {name} text for {n} printed field{}, so its documents in {name} were not built; write them in {} (or build with --draft to preview, the original's text standing in)", if n == 1 { "" } else { "s" },
                        translation.display())));
                    report.errors.extend(missing.iter().cloned());
                }
            }
            for tr in [
                job.translations
                    .get(lang)
                    .map(|t| (&t.file, &t.placeholders)),
                brand
                    .translations
                    .get(lang)
                    .map(|t| (&t.file, &t.placeholders)),
            ]
            .into_iter()
            .flatten()
            {
                let (file, placeholders) = tr;
                if placeholders.is_empty() {
                    continue;
                }
                if !opts.draft {
                    ok = false;
                }
                if said.insert((file.clone(), "draft".into())) {
                    let line = format!("a draft translation ({} placeholders)", placeholders.len());
                    if opts.draft {
                        report.warnings.push(Diagnostic::file(
                            file,
                            format!("{line}: its documents say DRAFT"),
                        ));
                    } else {
                        report.errors.push(Diagnostic::file(
                            file,
                            format!("{line}, so its documents were not built"),
                        ));
                        report.errors.extend(placeholders.iter().cloned());
                    }
                }
            }
        }
        if ok || opts.draft {
            kept.push(t);
        }
    }
    kept
}
