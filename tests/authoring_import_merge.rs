//! `careerpress import` with several pages of one job: one draft whatever
//! the order of the files, near-duplicates as one, figures citing the page
//! they come from; and the report the command prints.

mod common;

use careerpress::authoring::import::{self, placeholders, Input};
use careerpress::content::load_job;
use common::Project;
use std::path::PathBuf;

fn page(name: &str) -> PathBuf {
    common::repo().join("tests/import_pages/tuned").join(name)
}

fn run_import(p: &Project, id: &str, files: &[PathBuf]) -> std::process::Output {
    let mut args: Vec<String> = vec!["import".into(), "--id".into(), id.into()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    p.run(&args)
}

fn input(name: &str, text: &str) -> Input {
    Input::plain(name, text)
}

#[test]
fn the_order_of_the_files_changes_nothing() {
    let ncs = page("ncs-hospital-porter.txt");
    let hc = page("health-careers-porter.txt");
    let p = Project::copy();
    let a = run_import(&p, "porter-a", &[ncs.clone(), hc.clone()]);
    let b = run_import(&p, "porter-b", &[hc, ncs]);
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let ya = p.read("content/jobs/porter-a.yaml");
    let yb = p.read("content/jobs/porter-b.yaml");
    // The same draft, byte for byte, and the same report.
    assert_eq!(ya, yb);
    assert_eq!(a.stderr, b.stderr);
    let job = common::draft_job(&p.file("content/jobs/porter-a.yaml"));
    // Facts from both pages.
    assert_eq!(job.title.as_str(), "Hospital porter");
    assert!(job
        .alternative_titles
        .iter()
        .any(|t| t.as_str() == "Porter"));
    let tasks: Vec<&str> = job.duties.tasks.iter().map(|t| t.as_str()).collect();
    assert!(
        tasks
            .iter()
            .any(|t| t.contains("transfer bodies to the mortuary")),
        "{tasks:?}"
    );
    assert!(
        tasks.iter().any(|t| t.contains("oxygen cylinders")),
        "{tasks:?}"
    );
    // The salary is the National Careers Service's, and says so; the
    // Health Careers page's other hours are kept, citing it.
    assert_eq!(
        (job.salary.starter, job.salary.experienced),
        (22_383, 25_000)
    );
    assert_eq!(job.salary.source.as_deref(), Some("ncs"));
    assert!(job
        .unsorted
        .iter()
        .any(|u| u.as_str() == "(from health-careers, other hours) 37.5 hours a week"));
    // Each page a source, with its date when the page gives one.
    let ids: Vec<&str> = job.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["ncs", "health-careers"]);
    assert_eq!(job.sources[1].date.as_str(), "last reviewed 14 March 2024");
    assert_eq!(job.sources[0].date.as_str(), placeholders::SOURCE_DATE);
    // And it is a valid profile, but a draft: `check` reports only what the
    // import left for a person to check.
    let check = p.run(&["check"]);
    let err = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(1), "{err}");
    for l in err.lines().filter(|l| l.starts_with("error:")) {
        assert!(common::is_draft_problem(l), "{l}");
    }
}

#[test]
fn near_duplicates_are_one_fact_and_figures_cite_their_page() {
    let guide = "Dental Nurse\n\nThe Job and What's Involved\n\nDental nurses help dentists.\n\n\
                 Your work could include:\n\n  • Sterilising instruments.\n  • Passing instruments to the dentist.\n  • Processing X-rays.\n\n\
                 Dental nurses can earn between £14,000 and £17,500 a year.\n";
    let ncs = "Dental nurse\nDental nurses support dentists.\nAverage salary (a year)\n£23,000 Starter\n£35,000 Experienced\n\
               What you'll do\nDay-to-day tasks\nIn your day-to-day tasks, you could:\n\
               - sterilise instruments after each patient\n- pass instruments to the dentist\n- book appointments\n";
    let forward = import::import(
        &[input("guide.txt", guide), input("ncs.txt", ncs)],
        "2026-01-01",
    )
    .unwrap();
    let back = import::import(
        &[input("ncs.txt", ncs), input("guide.txt", guide)],
        "2026-01-01",
    )
    .unwrap();
    assert_eq!(forward.yaml, back.yaml);
    let tasks: Vec<&str> = forward
        .job
        .duties
        .tasks
        .iter()
        .map(|t| t.as_str())
        .collect();
    assert_eq!(
        tasks,
        [
            "sterilise instruments after each patient",
            "pass instruments to the dentist",
            "book appointments",
            "Processing X-rays."
        ]
    );
    // The newer page's figures, citing it; the older page's kept, citing it.
    let job = &forward.job;
    assert_eq!(
        (job.salary.starter, job.salary.experienced),
        (23_000, 35_000)
    );
    assert_eq!(job.salary.source.as_deref(), Some("ncs"));
    assert!(
        job.unsorted.iter().any(|u| u.as_str()
            == "(from job-guide, other salary figures) starter £14,000; experienced £17,500"),
        "{:?}",
        job.unsorted
    );
}

#[test]
fn todays_sites_give_the_figures_before_older_layouts() {
    // A 2019 National Careers Service page and a My World of Work page: the
    // current site's salary, citing it; the older one's under `unsorted`.
    let old = std::fs::read_to_string(page("ncs-2019-porter.txt")).unwrap();
    let new = std::fs::read_to_string(
        common::repo().join("tests/import_pages/unseen/mwow-hospital-porter.txt"),
    )
    .unwrap();
    for files in [
        [("old.txt", &old), ("new.txt", &new)],
        [("new.txt", &new), ("old.txt", &old)],
    ] {
        let got = import::import(&files.map(|(n, t)| input(n, t)), "2026-01-01").unwrap();
        let job = &got.job;
        assert_eq!(
            (job.salary.starter, job.salary.experienced),
            (21_300, 24_800)
        );
        assert_eq!(job.salary.source.as_deref(), Some("my-world-of-work"));
        assert!(
            job.unsorted.iter().any(|u| u
                .as_str()
                .starts_with("(from ncs-2019, other salary figures) starter £17,460")),
            "{:?}",
            job.unsorted
        );
        let ids: Vec<&str> = job.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["my-world-of-work", "ncs-2019"]);
    }
}

#[test]
fn the_report_says_what_was_placed_sorted_and_dropped() {
    let p = Project::copy();
    let out = run_import(&p, "porter", &[page("health-careers-porter.txt")]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let job = common::draft_job(&p.file("content/jobs/porter.yaml"));
    let text = std::fs::read_to_string(page("health-careers-porter.txt")).unwrap();
    let report = import::import(&[input("p.txt", &text)], "2026-01-01")
        .unwrap()
        .report;
    assert!(report.placed >= 30, "{}", report.placed);
    assert_eq!(job.unsorted.len(), 4);
    assert_eq!(report.dropped.len(), 15);
    let last = stderr.lines().last().unwrap();
    assert_eq!(
        last,
        format!(
            "placed {} facts in the profile's fields; 4 items under `unsorted` for you to sort; dropped 15 pieces of page furniture (listed above)",
            report.placed
        )
    );
    // What was dropped is listed under why, sentence by sentence.
    let left_out = stderr.find("left out as page furniture:").expect(&stderr);
    for shown in [
        "  a video and its transcript:\n",
        "    \"Hi, I'm Dave and I've been a porter",
        "  a cookie banner:\n",
        "  a breadcrumb:\n",
        "  a \"Compare roles\" widget:\n",
    ] {
        let at = stderr.find(shown);
        assert!(at.is_some_and(|a| a > left_out), "{shown:?} in\n{stderr}");
    }
    // The draft's header says the same.
    let yaml = p.read("content/jobs/porter.yaml");
    assert!(yaml.contains(&format!(
        "# {} facts placed in the fields, 4 left under `unsorted`.",
        report.placed
    )));
    assert!(yaml.contains("#   - \"Video: Dave, porter\" (and 1 more line) in health-careers: a video and its transcript"));
}

#[test]
fn a_draft_is_recognisable_as_a_draft() {
    // Even a page that gives every field leaves placeholders a check can
    // find: each source's note, the web address.
    let got = import::import(
        &[input(
            "p.txt",
            &std::fs::read_to_string(page("ncs-hospital-porter.txt")).unwrap(),
        )],
        "2026-01-01",
    )
    .unwrap();
    assert!(got.job.sources.iter().all(|s| s
        .notes
        .iter()
        .any(|n| n.as_str() == placeholders::SOURCE_NOTE)));
    assert_eq!(got.job.web_address.as_str(), placeholders::WEB_ADDRESS);
    assert!(got.yaml.starts_with("# yaml-language-server"));
    assert!(got.yaml.contains(placeholders::HEADER));
    // A page with nothing placeable: every required field is a placeholder.
    let got = import::import(
        &[input(
            "empty.txt",
            "Skip to main content\n\nIs this page useful?\n",
        )],
        "2026-01-01",
    )
    .unwrap();
    let job = &got.job;
    assert_eq!(job.title.as_str(), placeholders::TITLE);
    assert_eq!(job.summary.as_str(), placeholders::SUMMARY);
    assert_eq!(job.working_hours.pattern.as_str(), placeholders::PATTERN);
    assert_eq!(job.duties.tasks[0].as_str(), placeholders::TASK);
    assert_eq!(job.skills[0].as_str(), placeholders::SKILL);
    assert_eq!(job.career_path[0].as_str(), placeholders::CAREER_PATH);
    assert_eq!(
        job.entry_routes.other.as_ref().unwrap().in_brief.as_str(),
        placeholders::ROUTE
    );
    assert_eq!(
        (job.salary.starter, job.salary.experienced),
        (placeholders::SALARY, placeholders::SALARY)
    );
    assert_eq!(got.report.placed, 0);
    assert_eq!(got.report.dropped.len(), 2);
    assert!(
        got.yaml
            .lines()
            .filter(|l| l.contains(placeholders::COMMENT))
            .count()
            >= 8
    );
}

#[test]
fn odd_pages_never_panic() {
    for text in [
        "",
        "\n\n\n",
        "£££ £ £1,2,3,4 £99999999999 £.",
        "1.\n2.\n•\n- \n* ",
        "Salary\n£23,000\n£35,000\nHours\n999 to 1000 a week\nHours: 37 to 9 a week",
        "Gweithiwr cymorth gofal iechyd\n\nBeth yw'r swydd?\n\nByddwch chi'n helpu cleifion i ymolchi a gwisgo. Mae'r gwaith yn gallu bod yn ŵyl ac yn ŷd.\n",
        "How to become a \nYou can get into this job through:\n- \n",
        &"Tel: 0\n".repeat(500),
        &"Entry requirements\nYou'll usually need:\n- a thing\nMore Information\n".repeat(200),
    ] {
        let got = import::import(&[input("odd.txt", text)], "2026-01-01").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("odd.yaml");
        std::fs::write(&file, &got.yaml).unwrap();
        if let Err(e) = load_job(&file) {
            common::assert_only_draft_problems(&e, &format!("{text:?}\n{}", got.yaml));
        }
    }
}
