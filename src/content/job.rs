//! The canonical job profile: one YAML file per job, `content/jobs/<id>.yaml`.
//!
//! Sections follow the UK National Careers Service profile: How to become
//! (`entry_routes`), What it takes (`skills`, `restrictions_and_requirements`),
//! What you'll do (`duties`, `working_environment`), Career path and
//! progression (`career_path`). Lists are plain lists of sentences, so a
//! template can show them as bullets, and any text is written the way it is
//! to be printed.

use super::types::{Date, Email, Phone, Text, WebAddress};
use serde::{Deserialize, Serialize};

/// A job profile.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Job {
    /// The job title as people say it, in sentence case.
    pub title: Text,
    /// "a" or "an", as said before the title.
    pub title_article: Article,
    /// Other names the job is known by.
    #[serde(default)]
    pub alternative_titles: Vec<Text>,
    /// One or two sentences on what the job is.
    pub summary: Text,
    /// Where to read more about the job.
    pub web_address: WebAddress,
    pub duties: Duties,
    pub working_hours: WorkingHours,
    pub working_environment: WorkingEnvironment,
    pub salary: Salary,
    pub entry_routes: EntryRoutes,
    /// Skills and personal qualities.
    pub skills: Vec<Text>,
    /// Checks and conditions, such as a DBS check.
    #[serde(default)]
    pub restrictions_and_requirements: Vec<Text>,
    #[serde(default)]
    pub training: Option<Training>,
    #[serde(default)]
    pub career_tips: Vec<Text>,
    /// Career path and progression, one paragraph an item.
    pub career_path: Vec<Text>,
    #[serde(default)]
    pub where_the_jobs_are: Option<Employers>,
    #[serde(default)]
    pub further_information: Option<FurtherInformation>,
    #[serde(default)]
    pub related_jobs: Vec<Text>,
    /// Where the facts came from.
    pub sources: Vec<Source>,
    /// When a person last checked the whole profile (`YYYY-MM-DD`).
    pub last_reviewed: Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Article {
    A,
    An,
}

impl Article {
    pub fn as_str(self) -> &'static str {
        match self {
            Article::A => "a",
            Article::An => "an",
        }
    }
}

/// What you'll do: day-to-day tasks.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Duties {
    /// A sentence before the list, e.g. "As a PALS officer, you could…".
    #[serde(default)]
    pub intro: Option<Text>,
    /// The tasks, one sentence each.
    pub tasks: Vec<Text>,
    /// More on the duties, e.g. what a senior post adds.
    #[serde(default)]
    pub notes: Vec<Text>,
}

/// Working hours and pattern.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WorkingHours {
    /// Typical hours a week, when known.
    #[serde(default)]
    pub hours_per_week: Option<HoursRange>,
    /// The usual pattern, e.g. "9am to 5pm, Monday to Friday".
    pub pattern: Text,
    /// When the pattern varies, e.g. "sometimes outside these hours".
    #[serde(default)]
    pub variations: Vec<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HoursRange {
    pub min: f32,
    pub max: f32,
}

/// Working environment and locations.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WorkingEnvironment {
    /// Where you could work, e.g. "in a hospital".
    pub locations: Vec<Text>,
    /// Travel, e.g. between sites.
    #[serde(default)]
    pub travel: Option<Text>,
    /// What the work is like, e.g. "emotionally demanding".
    #[serde(default)]
    pub conditions: Vec<Text>,
}

/// Salary in pounds (GBP) a year.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Salary {
    /// A starter's salary.
    pub starter: Money,
    /// An experienced person's salary.
    pub experienced: Money,
    /// Other figures, e.g. specialists and managers.
    #[serde(default)]
    pub notes: Vec<SalaryNote>,
    /// The `id` of the source the figures come from (figures date quickly).
    #[serde(default)]
    pub source: Option<String>,
}

/// Whole pounds a year.
pub type Money = u32;

/// A further salary figure: who earns it, and "up to" or "around" it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SalaryNote {
    /// Who, e.g. "Specialists, for example in bereavement".
    pub who: Text,
    #[serde(default)]
    pub up_to: Option<Money>,
    #[serde(default)]
    pub around: Option<Money>,
}

/// The ways into the job (How to become).
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EntryRoutes {
    #[serde(default)]
    pub university: Option<Route>,
    #[serde(default)]
    pub college: Option<Route>,
    #[serde(default)]
    pub apprenticeship: Option<Route>,
    #[serde(default)]
    pub work: Option<Route>,
    #[serde(default)]
    pub volunteering: Option<Route>,
    #[serde(default)]
    pub direct_application: Option<Route>,
    #[serde(default)]
    pub other: Option<Route>,
}

impl EntryRoutes {
    /// The routes given, in the order the National Careers Service lists them.
    pub fn present(&self) -> Vec<(&'static str, &Route)> {
        [
            ("university", &self.university),
            ("college", &self.college),
            ("apprenticeship", &self.apprenticeship),
            ("work", &self.work),
            ("volunteering", &self.volunteering),
            ("direct_application", &self.direct_application),
            ("other", &self.other),
        ]
        .into_iter()
        .filter_map(|(k, r)| r.as_ref().map(|r| (k, r)))
        .collect()
    }
}

/// One way into the job.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// The route in one line, for leaflets, e.g. "a college course".
    pub in_brief: Text,
    /// The route in full, one paragraph an item.
    pub description: Vec<Text>,
    /// Said before the requirements, e.g. "You'll usually need:".
    #[serde(default)]
    pub requirements_intro: Option<Text>,
    #[serde(default)]
    pub entry_requirements: Vec<Text>,
    /// Anything else useful, e.g. experience that helps.
    #[serde(default)]
    pub notes: Vec<Text>,
}

/// Training once in the job.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    #[serde(default)]
    pub on_the_job: Option<Text>,
    /// Subjects of short courses.
    #[serde(default)]
    pub short_courses: Vec<Text>,
    #[serde(default)]
    pub notes: Vec<Text>,
}

/// Where the jobs are.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Employers {
    /// Kinds of employer, e.g. "hospitals".
    pub employers: Vec<Text>,
    /// Where vacancies are advertised.
    #[serde(default)]
    pub advertised: Vec<Text>,
}

/// Further information.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FurtherInformation {
    #[serde(default)]
    pub text: Vec<Text>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
}

/// An organisation to contact.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: Text,
    /// Postal address, one line an item.
    #[serde(default)]
    pub address: Vec<Text>,
    #[serde(default)]
    pub phone: Option<Phone>,
    #[serde(default)]
    pub email: Option<Email>,
    #[serde(default)]
    pub web_address: Option<WebAddress>,
    /// The `id` of the source that gave these details.
    #[serde(default)]
    pub source: Option<String>,
}

/// A source of facts.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// A short id that fields use to cite this source.
    pub id: String,
    pub title: Text,
    /// When it was published, or what dates it (e.g. "before 2013").
    pub date: Text,
    #[serde(default)]
    pub notes: Vec<Text>,
}
