//! `careerpress import`: the two seed profiles (a "How to become" page and a
//! "The Job and What's Involved" guide) into one draft that `check` accepts
//! and that holds every fact in them; page noise dropped and reported;
//! nothing unplaceable lost.

mod common;

use careerpress::authoring::import::{self, Input};
use careerpress::content::load_job;
use common::Project;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn seeds() -> Vec<PathBuf> {
    // Copies of ../shared/seeds, so the test runs on a clean checkout.
    let dir = common::repo().join("tests/authoring_seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    files
}

fn seed_text(i: usize) -> String {
    std::fs::read_to_string(&seeds()[i]).unwrap()
}

/// Runs `careerpress import` on files into a copy of the tests' project.
fn import_into(p: &Project, files: &[PathBuf], id: &str) -> std::process::Output {
    let mut args: Vec<String> = vec!["import".into(), "--id".into(), id.into()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    p.run(&args)
}

/// Words of a text, lower case, with thousands separators removed
/// ("£18,200" → "18200").
fn words(text: &str) -> BTreeSet<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut s = String::new();
    for (i, c) in chars.iter().enumerate() {
        let between_digits = *c == ','
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !between_digits {
            s.push(*c);
        }
    }
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn both_seeds_make_one_draft_profile_with_every_fact() {
    let p = Project::copy();
    let out = import_into(&p, &seeds(), "pals-import");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let file = p.file("content/jobs/pals-import.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    assert!(yaml.starts_with("# yaml-language-server: $schema=../../schemas/job.schema.json\n"));

    // Every value is valid; what keeps it from being published are the
    // fields the import marked for a person to check.
    let check = p.run(&["check"]);
    let err = String::from_utf8_lossy(&check.stderr).into_owned();
    assert_eq!(check.status.code(), Some(1), "{err}\n{yaml}");
    for l in err.lines().filter(|l| l.starts_with("error:")) {
        assert!(common::is_draft_problem(l), "{l}\n{yaml}");
    }
    let loaded = load_job(&file).unwrap();
    assert!(loaded.is_draft());
    let job = loaded.job;

    // Title, from both (the same once in sentence case).
    assert_eq!(
        job.title.as_str(),
        "Patient advice and liaison service officer"
    );
    assert!(job
        .summary
        .as_str()
        .starts_with("The Patient Advice and Liaison Service (PALS) offers support"));
    // Duties: the list and the senior post.
    assert!(job
        .duties
        .intro
        .as_ref()
        .unwrap()
        .as_str()
        .ends_with("Your work could also include:"));
    assert_eq!(job.duties.tasks.len(), 6);
    assert_eq!(
        job.duties.tasks[5].as_str(),
        "Supervising and coordinating PALS volunteers."
    );
    assert!(job.duties.notes[0].as_str().contains("senior PALS officer"));
    // Hours and place.
    assert_eq!(
        job.working_hours.pattern.as_str(),
        "9am to 5pm, Monday to Friday"
    );
    assert!(job.working_hours.variations[0]
        .as_str()
        .starts_with("You may need to work outside"));
    let places: Vec<&str> = job
        .working_environment
        .locations
        .iter()
        .map(|t| t.as_str())
        .collect();
    assert_eq!(places[0], "in a hospital");
    assert!(places[1].starts_with("in the community"));
    assert!(job
        .working_environment
        .travel
        .as_ref()
        .unwrap()
        .as_str()
        .contains("different sites"));
    assert!(job.working_environment.conditions[0]
        .as_str()
        .contains("emotional situations"));
    // Salaries as numbers, with their source.
    assert_eq!(
        (job.salary.starter, job.salary.experienced),
        (18_200, 22_000)
    );
    assert_eq!(job.salary.notes.len(), 2);
    assert!(job.salary.notes[0].who.as_str().starts_with("Specialists"));
    assert_eq!(job.salary.notes[0].up_to, Some(27_500));
    assert_eq!(job.salary.notes[1].who.as_str(), "Managers");
    assert_eq!(job.salary.notes[1].around, Some(34_200));
    assert_eq!(job.salary.source.as_deref(), Some("job-guide"));
    // Routes from both pages.
    let routes: Vec<&str> = job.entry_routes.present().iter().map(|(k, _)| *k).collect();
    assert_eq!(
        routes,
        [
            "college",
            "apprenticeship",
            "work",
            "volunteering",
            "direct_application"
        ]
    );
    let college = job.entry_routes.college.as_ref().unwrap();
    assert_eq!(college.in_brief.as_str(), "a college course");
    assert_eq!(
        college.requirements_intro.as_ref().unwrap().as_str(),
        "You'll usually need:"
    );
    assert_eq!(college.entry_requirements.len(), 2);
    let apprenticeship = job.entry_routes.apprenticeship.as_ref().unwrap();
    assert_eq!(apprenticeship.description.len(), 2);
    assert_eq!(apprenticeship.entry_requirements.len(), 2);
    let direct = job.entry_routes.direct_application.as_ref().unwrap();
    // Both pages' requirements; the two about experience in customer care
    // are one fact, kept in the fuller wording.
    let reqs: Vec<&str> = direct
        .entry_requirements
        .iter()
        .map(|t| t.as_str())
        .collect();
    assert_eq!(reqs.len(), 3, "{reqs:?}");
    assert_eq!(
        reqs.iter().filter(|r| r.contains("customer care")).count(),
        1,
        "{reqs:?}"
    );
    assert!(
        reqs.iter().any(|r| r.contains("service user focused role")),
        "{reqs:?}"
    );
    assert!(direct
        .notes
        .iter()
        .any(|n| n.as_str().contains("British Sign Language")));
    assert!(direct
        .notes
        .iter()
        .any(|n| n.as_str().contains("might want you to have a degree")));
    // Skills as fragments.
    assert_eq!(job.skills.len(), 12);
    assert_eq!(
        job.skills[0].as_str(),
        "excellent listening and communication skills"
    );
    assert_eq!(job.skills[11].as_str(), "good IT and keyboard skills");
    // Training: on the job, short courses from prose.
    let training = job.training.as_ref().unwrap();
    assert!(training
        .on_the_job
        .as_ref()
        .unwrap()
        .as_str()
        .contains("learning on the job"));
    let courses: Vec<&str> = training.short_courses.iter().map(|t| t.as_str()).collect();
    assert_eq!(
        courses,
        [
            "equality and diversity",
            "advanced communication skills",
            "managing difficult situations",
            "bereavement"
        ]
    );
    // Tips, path, where the jobs are.
    assert_eq!(job.career_tips.len(), 1);
    assert_eq!(job.career_path.len(), 2);
    let wj = job.where_the_jobs_are.as_ref().unwrap();
    let employers: Vec<&str> = wj.employers.iter().map(|t| t.as_str()).collect();
    assert_eq!(
        employers,
        [
            "hospitals",
            "ambulance services",
            "the community with local NHS Primary Care Trusts"
        ]
    );
    assert_eq!(wj.advertised.len(), 5);
    assert!(wj
        .advertised
        .iter()
        .any(|a| a.as_str().contains("Directgov")));
    // Contacts as records.
    let fi = job.further_information.as_ref().unwrap();
    assert!(fi.text[0].as_str().contains("Health Careers"));
    let people = &fi.contacts[0];
    assert_eq!(people.name.as_str(), "People 1st");
    assert_eq!(people.phone.as_ref().unwrap().as_str(), "01895 857000");
    let address: Vec<&str> = people.address.iter().map(|t| t.as_str()).collect();
    assert_eq!(
        address,
        [
            "2nd Floor",
            "Armstrong House",
            "38 Market Square",
            "Uxbridge",
            "UB8 1LH"
        ]
    );
    let nhs = &fi.contacts[1];
    assert_eq!(nhs.name.as_str(), "NHS Careers");
    assert_eq!(nhs.phone.as_ref().unwrap().as_str(), "0345 60 60 655");
    assert_eq!(nhs.address.last().unwrap().as_str(), "BS99 3EY");
    assert_eq!(nhs.source.as_deref(), Some("job-guide"));
    // Sources: one a file.
    let ids: Vec<&str> = job.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["ncs", "job-guide"]);
    // Drafted values are marked.
    for field in ["web_address:", "last_reviewed:", "title_article:"] {
        let line = yaml.lines().find(|l| l.starts_with(field)).unwrap();
        assert!(line.contains("# TODO"), "{line}");
    }

    // Noise: dropped, and listed in the report.
    let lower = yaml.to_lowercase();
    for noise in [
        "roustabout",
        "roughneck",
        "drilling",
        "additional resources",
    ] {
        assert!(
            !lower
                .lines()
                .filter(|l| !l.starts_with('#'))
                .any(|l| l.contains(noise)),
            "{noise} in the draft"
        );
    }
    assert!(
        stderr.contains("Featured Job Guide - Oil Drilling Roustabout"),
        "{stderr}"
    );
    assert!(stderr.contains("Roughnecks do practical tasks"), "{stderr}");
    assert!(stderr.contains("More Information"), "{stderr}");

    // Nothing else lost: every word of both seeds, outside headings and the
    // promo, is somewhere in the draft. The few left out are the framing of
    // sentences that became lists, numbers or a working pattern, and the
    // second wording of near-duplicates merged into one.
    let framing: BTreeSet<String> = [
        "however",
        "normally",
        "cover",
        "around",
        "can",
        "earn",
        "between",
        "year",
        "may",
        "find",
        "most",
        "opportunities",
        "you",
        "will",
        "within",
        "jobs",
        "through",
        "and",
        "the",
        "with",
        "areas",
        "such",
        "tel",
        "also",
        "this",
        "job",
        "would",
        "officers",
        "get",
        "into",
        "needs",
        "based",
        "could",
        // The job guide's wording of a sentence both pages give, merged
        // into the "How to become" page's ("a mix of", "co-ordinator").
        "mixture",
        "coordinator",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    let have = words(&yaml);
    let mut missing = BTreeSet::new();
    for i in 0..2 {
        let text = seed_text(i);
        let mut in_promo = false;
        for line in text.lines() {
            let t = line.trim();
            if t.starts_with("Featured Job Guide") {
                in_promo = true;
            }
            if in_promo && t.starts_with("Skills and Personal Qualities") {
                in_promo = false;
            }
            let heading = !t.is_empty()
                && !t.ends_with(['.', ':', ','])
                && !t.starts_with(['-', '•'])
                && t.split_whitespace().count() <= 8
                && !t.contains("Tel:");
            if in_promo || heading {
                continue;
            }
            for w in words(t) {
                if !have.contains(&w) && !framing.contains(&w) {
                    missing.insert(w);
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "words of the seeds not in the draft: {missing:?}\n{yaml}"
    );
}

#[test]
fn each_seed_alone_makes_a_draft_that_check_reports_as_one() {
    for (i, seed) in seeds().iter().enumerate() {
        let p = Project::copy();
        let id = format!("seed-{i}");
        let out = import_into(&p, std::slice::from_ref(seed), &id);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // A draft is never "all good": each placeholder is an error naming
        // its line and field; the only other thing a seed may lack is a
        // salary, which no draft value can stand in for.
        let check = p.run(&["check"]);
        let err = String::from_utf8_lossy(&check.stderr).into_owned();
        let draft = p.read(&format!("content/jobs/{id}.yaml"));
        assert_eq!(check.status.code(), Some(1), "{err}\n{draft}");
        let file = format!("content/jobs/{id}.yaml:");
        // Placeholders are `todo:` lines, mistakes `error:` lines.
        let errors: Vec<&str> = err
            .lines()
            .filter(|l| l.starts_with("error:") || l.starts_with("todo:"))
            .collect();
        assert!(
            errors
                .iter()
                .any(|l| l.contains(&file) && l.contains("marked TODO")),
            "{err}"
        );
        for l in errors {
            assert!(
                l.contains(&file) && (common::is_draft_problem(l) || l.contains("salary")),
                "unexpected error for a draft: {l}\n{draft}"
            );
        }
    }
}

#[test]
fn what_cannot_be_placed_is_kept_under_unsorted() {
    let text = "How to become an orthoptist\n\
                College\n\
                You could do a course.\n\
                Entry requirements\n\
                You'll usually need:\n\
                - 2 GCSEs\n\
                Strange Heading\n\
                A fact nobody expected, about £1,234 prizes.\n";
    let got = import::import(&[Input::plain("x.txt", text)], "2026-01-01").unwrap();
    assert_eq!(got.job.title.as_str(), "Orthoptist");
    assert_eq!(got.job.title_article.as_str(), "an");
    let unsorted: Vec<&str> = got.job.unsorted.iter().map(|t| t.as_str()).collect();
    assert_eq!(unsorted.len(), 1, "{unsorted:?}");
    assert!(unsorted[0].contains("Strange Heading"));
    assert!(unsorted[0].contains("A fact nobody expected, about £1,234 prizes."));
    assert!(got.yaml.contains("unsorted:"));
    assert_eq!(got.report.unsorted, 1);
    // The draft reads as YAML of the model; what it lacks is its salary
    // (the page gives none), and it is a draft.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("orthoptist.yaml");
    std::fs::write(&file, &got.yaml).unwrap();
    let errors = load_job(&file).err().unwrap_or_default();
    assert!(
        errors.iter().all(
            |e| e.field.as_deref().is_some_and(|p| p.starts_with("salary"))
                || e.message.contains("placeholder")
                || e.message.contains("marked TODO")
        ),
        "{errors:?}\n{}",
        got.yaml
    );
}

#[test]
fn import_never_overwrites() {
    let p = Project::copy();
    let before = p.read("content/jobs/pals-officer.yaml");
    let out = import_into(&p, &seeds(), "pals-officer");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(p.read("content/jobs/pals-officer.yaml"), before);
}
