//! Site knowledge as data: one small vocabulary file per site family
//! (`*.yaml` next to this file, described in its `README.md`), embedded in
//! the binary. A file only adds hints: the headings its site uses and what
//! they introduce, and the headings and furniture that say a page is from
//! it (to name and rank the source). The reader works without any of them
//! ([`super::headings::by_words`], fields by content), and a new site
//! needs a new file and its name in [`FILES`], no code.

use super::kinds::{normalise, Kind};
use serde::Deserialize;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

/// The vocabulary files, by name.
pub const FILES: &[(&str, &str)] = &[
    ("ncs.yaml", include_str!("ncs.yaml")),
    ("ncs-2019.yaml", include_str!("ncs-2019.yaml")),
    ("ncs-2012.yaml", include_str!("ncs-2012.yaml")),
    ("health-careers.yaml", include_str!("health-careers.yaml")),
    ("prospects.yaml", include_str!("prospects.yaml")),
    (
        "my-world-of-work.yaml",
        include_str!("my-world-of-work.yaml"),
    ),
    ("job-guide.yaml", include_str!("job-guide.yaml")),
    ("careerpress.yaml", include_str!("careerpress.yaml")),
];

/// A line of a site's own furniture that names it.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    #[serde(default)]
    equals: Option<String>,
    #[serde(default)]
    starts: Option<String>,
    #[serde(default)]
    contains: Option<String>,
    /// A one-word line ending so ("PhysioDesc").
    #[serde(default)]
    word_ends: Option<String>,
    points: i32,
}

impl Mark {
    fn on(&self, raw: &str) -> bool {
        self.equals.as_deref().is_some_and(|e| raw == e)
            || self.starts.as_deref().is_some_and(|s| raw.starts_with(s))
            || self.contains.as_deref().is_some_and(|c| raw.contains(c))
            || self
                .word_ends
                .as_deref()
                .is_some_and(|w| raw.ends_with(w) && !raw.contains(' '))
    }
}

/// One site family's file.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct File {
    id: String,
    describe: String,
    rank: u8,
    #[serde(default)]
    headings: BTreeMap<String, String>,
    #[serde(default)]
    signature: Vec<String>,
    #[serde(default)]
    numbered: bool,
    #[serde(default)]
    numbered_signature: Vec<String>,
    #[serde(default)]
    marks: Vec<Mark>,
}

/// A site family, read from its file.
#[derive(Debug, PartialEq, Eq)]
pub struct Site {
    pub id: String,
    pub describe: String,
    pub rank: u8,
    /// Whole headings (normalised) and what they introduce.
    exact: BTreeMap<String, Kind>,
    /// Headings by how they start ("average salary" for "average salary
    /// (a year)").
    prefixes: Vec<(String, Kind)>,
    signature: Vec<String>,
    numbered: bool,
    numbered_signature: Vec<String>,
    marks: Vec<Mark>,
}

/// The route names a `route:` kind may give (as the profile spells them).
const ROUTES: &[&str] = &[
    "university",
    "college",
    "apprenticeship",
    "work",
    "volunteering",
    "direct_application",
    "other",
];

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

/// The kind a file names ("tasks", "route:college", "furniture:why").
fn kind_of(name: &str) -> Option<Kind> {
    if let Some(r) = name.strip_prefix("route:") {
        return ROUTES.iter().find(|x| **x == r).map(|x| Kind::Route(x));
    }
    if let Some(why) = name.strip_prefix("furniture:") {
        return (!why.trim().is_empty()).then(|| Kind::Furniture(leak(why.trim())));
    }
    Some(match name {
        "alt_titles" => Kind::AltTitles,
        "salary" => Kind::Salary,
        "hours" => Kind::Hours,
        "shifts" => Kind::Shifts,
        "hours_and_environment" => Kind::HoursAndEnvironment,
        "duties" => Kind::Duties,
        "tasks" => Kind::Tasks,
        "environment" => Kind::Environment,
        "entry" => Kind::Entry,
        "entry_requirements" => Kind::EntryRequirements,
        "more_information" => Kind::MoreInformation,
        "work_experience" => Kind::WorkExperience,
        "skills" => Kind::Skills,
        "interests" => Kind::Interests,
        "restrictions" => Kind::Restrictions,
        "training" => Kind::Training,
        "career_path" => Kind::CareerPath,
        "career_tips" => Kind::CareerTips,
        "where_jobs" => Kind::WhereJobs,
        "opportunities" => Kind::Opportunities,
        "further_information" => Kind::FurtherInformation,
        "related_jobs" => Kind::RelatedJobs,
        "promo" => Kind::Promo,
        _ => return None,
    })
}

/// Reads one vocabulary file; a mistake names the file, the line and the
/// field.
pub fn parse(name: &str, text: &str) -> Result<Site, String> {
    let f: File =
        crate::content::yaml::parse(Path::new(name), text.as_bytes()).map_err(|e| e.to_string())?;
    let mut exact = BTreeMap::new();
    let mut prefixes = Vec::new();
    for (heading, kind) in &f.headings {
        let k = kind_of(kind).ok_or_else(|| {
            format!("{name}: headings.{heading}: \"{kind}\" is not a kind the importer knows (see sites/README.md)")
        })?;
        match heading.strip_suffix('*') {
            Some(p) => prefixes.push((normalise(p), k)),
            None => {
                exact.insert(normalise(heading), k);
            }
        }
    }
    // The longest start first: "uk salary ranges" before "uk salary".
    prefixes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    Ok(Site {
        id: f.id,
        describe: f.describe,
        rank: f.rank,
        exact,
        prefixes,
        signature: f.signature,
        numbered: f.numbered,
        numbered_signature: f.numbered_signature,
        marks: f.marks,
    })
}

/// Every site family whose file reads (all do: a unit test reads each).
pub fn all() -> &'static [Site] {
    static SITES: OnceLock<Vec<Site>> = OnceLock::new();
    SITES.get_or_init(|| {
        FILES
            .iter()
            .filter_map(|(name, text)| parse(name, text).ok())
            .collect()
    })
}

thread_local! {
    static OFF: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with no site hints: the generic reader alone (to measure it).
pub fn without<R>(f: impl FnOnce() -> R) -> R {
    let before = OFF.with(|o| o.replace(true));
    let r = f();
    OFF.with(|o| o.set(before));
    r
}

fn sites() -> &'static [Site] {
    if OFF.with(Cell::get) {
        &[]
    } else {
        all()
    }
}

/// The kind a site's vocabulary gives a normalised heading.
pub fn hint(n: &str) -> Option<Kind> {
    let sites = sites();
    sites
        .iter()
        .find_map(|s| s.exact.get(n).copied())
        .or_else(|| {
            sites
                .iter()
                .flat_map(|s| s.prefixes.iter())
                .filter(|(p, _)| n.starts_with(p.as_str()))
                .max_by_key(|(p, _)| p.len())
                .map(|(_, k)| *k)
        })
}

/// The site a page is from, by its headings and furniture: the one with
/// most points, at least 2. `known` says whether a line is a heading the
/// importer knows (a numbered one is a point for a site with `numbered`).
pub fn detect(lines: &[String], known: impl Fn(&str) -> bool) -> Option<&'static Site> {
    let sites = sites();
    let mut score = vec![0i32; sites.len()];
    for l in lines {
        let n = normalise(l);
        let raw = super::furniture::norm(l);
        let numbered = l.trim_start().starts_with(|c: char| c.is_ascii_digit());
        for (i, s) in sites.iter().enumerate() {
            if numbered && s.numbered_signature.contains(&n) {
                score[i] += 3;
            } else if s.signature.contains(&n) {
                score[i] += 2;
            }
            if numbered && s.numbered && known(l) {
                score[i] += 1;
            }
            score[i] += s
                .marks
                .iter()
                .filter(|m| m.on(&raw))
                .map(|m| m.points)
                .sum::<i32>();
        }
    }
    let (best, top) = score
        .iter()
        .enumerate()
        .max_by_key(|(i, s)| (**s, -(*i as i32)))?;
    (*top >= 2).then(|| &sites[best])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_reads_and_names_known_kinds() {
        for (name, text) in FILES {
            let s = parse(name, text).unwrap_or_else(|e| panic!("{e}"));
            assert!(!s.exact.is_empty(), "{name} gives no headings");
            assert_eq!(format!("{}.yaml", s.id), *name);
        }
        assert_eq!(all().len(), FILES.len());
    }

    #[test]
    fn every_file_in_the_folder_is_embedded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/authoring/import/sites");
        for e in std::fs::read_dir(dir).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".yaml") {
                assert!(
                    FILES.iter().any(|(n, _)| *n == name),
                    "{name} is not in sites::FILES"
                );
            }
        }
    }

    #[test]
    fn a_mistake_names_the_file_and_heading() {
        let e = parse(
            "x.yaml",
            "id: x\ndescribe: X\nrank: 9\nheadings:\n  pay: wages\n",
        )
        .unwrap_err();
        assert!(e.contains("x.yaml") && e.contains("headings.pay"), "{e}");
        let e = parse("y.yaml", "id: y\ndescribe: Y\nrank: 9\nheading: {}\n").unwrap_err();
        assert!(e.contains("y.yaml"), "{e}");
    }

    #[test]
    fn hints_and_none_without_them() {
        assert_eq!(hint("average salary a year"), Some(Kind::Salary));
        assert_eq!(hint("college"), Some(Kind::Route("college")));
        assert_eq!(without(|| hint("college")), None);
        assert_eq!(hint("college"), Some(Kind::Route("college")));
    }
}
