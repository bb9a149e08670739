//! The canonical PALS profile holds every fact of both seed profiles, and
//! none of their noise.

mod common;

use careerpress::content::{self, Job};

fn pals() -> Job {
    let file = common::fixture().join("content/jobs/pals-officer.yaml");
    content::load_job(&file)
        .expect("the PALS profile loads")
        .job
}

/// All of the profile's text, lower-cased, to search for facts.
fn all_text() -> String {
    serde_json::to_string(&pals()).unwrap().to_lowercase()
}

#[test]
fn the_tests_content_loads_without_errors() {
    let c = content::load(&common::fixture());
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    assert!(c.jobs.contains_key("pals-officer"));
    assert!(c.brands.contains_key("eastbrook-hospitals"));
    let wales = &c.brands["glan-y-mor"].brand;
    let langs: Vec<&str> = wales.languages.iter().map(|l| l.tag()).collect();
    assert_eq!(langs, ["cy", "en-GB"], "Welsh first");
}

#[test]
fn duties_are_all_there() {
    let job = pals();
    let tasks: Vec<String> = job.duties.tasks.iter().map(|t| t.to_string()).collect();
    assert_eq!(tasks.len(), 6);
    for phrase in [
        "resolving concerns about services or care",
        "Liaising with staff, managers and support groups",
        "get more involved in their own health care",
        "raising these with people who design and manage services",
        "independent help with a complaint",
        "Supervising and coordinating PALS volunteers",
    ] {
        assert!(
            tasks.iter().any(|t| t.contains(phrase)),
            "missing duty: {phrase}"
        );
    }
    let intro = job.duties.intro.unwrap().to_string();
    assert!(intro.contains("NHS complaints procedure") && intro.contains("bereaved relatives"));
    assert!(job.duties.notes[0]
        .as_str()
        .contains("day-to-day running of the PALS service"));
}

#[test]
fn routes_carry_their_gcse_requirements() {
    let job = pals();
    let r = &job.entry_routes;
    let college = r.college.as_ref().unwrap();
    assert!(college.description[0]
        .as_str()
        .contains("Level 2 or 3 Diploma in Customer Service"));
    assert_eq!(college.entry_requirements.len(), 2);
    assert!(college.entry_requirements[0]
        .as_str()
        .starts_with("2 or more GCSEs at grades 9 to 3 (A* to D)"));
    assert!(college.entry_requirements[1]
        .as_str()
        .starts_with("4 or 5 GCSEs at grades 9 to 4 (A* to C)"));
    let app = r.apprenticeship.as_ref().unwrap();
    assert!(app.entry_requirements[0].as_str().contains(
        "5 GCSEs at grades 9 to 4 (A* to C), or equivalent, including English and maths"
    ));
    assert!(app
        .description
        .iter()
        .any(|d| d.as_str().contains("NHS Jobs")));
    assert!(r.work.as_ref().unwrap().description[0]
        .as_str()
        .contains("secretary or administrator"));
    assert!(r.volunteering.as_ref().unwrap().description[0]
        .as_str()
        .contains("mix of paid staff and volunteers"));
    let direct = r.direct_application.as_ref().unwrap();
    let reqs = direct
        .entry_requirements
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        reqs.contains("English and maths") && reqs.contains("BTEC National Diploma or NVQ Level 3")
    );
    assert!(reqs.contains("customer care, mediation"));
    let notes = direct
        .notes
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    for phrase in [
        "degree",
        "British Sign Language",
        "nursing",
        "advocacy and counselling",
        "voluntary sector",
    ] {
        assert!(
            notes.contains(phrase),
            "direct application note missing: {phrase}"
        );
    }
    assert!(
        r.university.is_none(),
        "neither seed gives a university route"
    );
}

#[test]
fn salary_hours_and_environment() {
    let job = pals();
    assert_eq!(
        (job.salary.starter, job.salary.experienced),
        (18_200, 22_000)
    );
    let notes: Vec<(String, Option<u32>, Option<u32>)> = job
        .salary
        .notes
        .iter()
        .map(|n| (n.who.to_string(), n.up_to, n.around))
        .collect();
    assert!(notes
        .iter()
        .any(|(w, up, _)| w.contains("bereavement") && *up == Some(27_500)));
    assert!(notes
        .iter()
        .any(|(w, _, around)| w.starts_with("Managers") && *around == Some(34_200)));
    assert_eq!(
        job.salary.source.as_deref(),
        Some("job-guide"),
        "dated salary figures record their source"
    );
    assert_eq!(
        job.working_hours.pattern.as_str(),
        "9am to 5pm, Monday to Friday"
    );
    assert!(job.working_hours.variations[0]
        .as_str()
        .contains("outside these hours"));
    let env = &job.working_environment;
    assert!(env
        .locations
        .iter()
        .any(|l| l.as_str().contains("hospital")));
    assert!(env
        .locations
        .iter()
        .any(|l| l.as_str().contains("community")));
    assert!(env
        .travel
        .as_ref()
        .unwrap()
        .as_str()
        .contains("different sites"));
    assert!(env.conditions[0].as_str().contains("emotional situations"));
}

#[test]
fn skills_training_progression_and_employers() {
    let job = pals();
    assert_eq!(job.skills.len(), 12);
    let skills = job
        .skills
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join("|");
    for s in [
        "listening and communication",
        "non-judgemental",
        "Mediation skills",
        "confidentiality",
        "IT and keyboard",
    ] {
        assert!(
            skills.to_lowercase().contains(&s.to_lowercase()),
            "missing skill {s}"
        );
    }
    let training = job.training.unwrap();
    assert!(training
        .on_the_job
        .unwrap()
        .as_str()
        .contains("data protection and confidentiality"));
    assert_eq!(training.short_courses.len(), 4);
    let path = job
        .career_path
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(path.contains("senior PALS officer") && path.contains("PALS service manager"));
    assert!(path.contains("postgraduate diploma") && path.contains("health care management"));
    assert!(job.career_tips[0].as_str().contains("NHS values"));
    let where_ = job.where_the_jobs_are.unwrap();
    for e in ["hospitals", "ambulance services", "community"] {
        assert!(
            where_.employers.iter().any(|x| x.as_str().contains(e)),
            "employer {e}"
        );
    }
    assert!(where_
        .advertised
        .iter()
        .any(|x| x.as_str().contains("NHS Jobs")));
}

#[test]
fn both_contacts_with_phone_numbers() {
    let fi = pals().further_information.unwrap();
    let find = |name: &str| {
        fi.contacts
            .iter()
            .find(|c| c.name.as_str() == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let careers = find("NHS Careers");
    assert_eq!(careers.phone.as_ref().unwrap().as_str(), "0345 60 60 655");
    assert!(careers.address.iter().any(|l| l.as_str() == "BS99 3EY"));
    let people = find("People 1st");
    assert_eq!(people.phone.as_ref().unwrap().as_str(), "01895 857000");
    assert!(people
        .address
        .iter()
        .any(|l| l.as_str().contains("Armstrong House")));
    assert!(people.address.iter().any(|l| l.as_str() == "UB8 1LH"));
    assert!(fi.text[0].as_str().contains("Health Careers"));
}

#[test]
fn no_noise_from_the_seeds() {
    let text = all_text();
    for noise in [
        "roustabout",
        "roughneck",
        "oil drilling",
        "featured job",
        "more information",
        "additional resources",
    ] {
        assert!(!text.contains(noise), "noise in canonical content: {noise}");
    }
}

#[test]
fn sources_are_recorded_and_dated() {
    let job = pals();
    assert_eq!(job.sources.len(), 2);
    assert!(job.sources.iter().all(|s| !s.date.as_str().is_empty()));
    assert_eq!(job.last_reviewed.as_str(), "2026-11-21");
}
