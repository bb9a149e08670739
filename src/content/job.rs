//! The canonical job profile: one YAML file per job, `content/jobs/<id>.yaml`.
//!
//! Sections follow the UK National Careers Service profile: How to become
//! (`entry_routes`), What it takes (`skills`, `restrictions_and_requirements`),
//! What you'll do (`duties`, `working_environment`), Career path and
//! progression (`career_path`). Lists are plain lists of sentences, so a
//! template can show them as bullets, and any text is written the way it is
//! to be printed.

use super::types::{Date, Email, PayBand, Phone, Text, WebAddress};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A job profile: one file a job, `content/jobs/<id>.yaml` (the id, made of
/// lower-case letters, digits and hyphens, is the file name).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "careerpress job profile")]
pub struct Job {
    /// The job title as people say it, in sentence case.
    #[schemars(example = &"Patient advice and liaison service (PALS) officer")]
    pub title: Text,
    /// "a" or "an", as said before the title ("an occupational therapist").
    #[schemars(example = &"a")]
    pub title_article: Article,
    /// Other names the job is known by.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["PALS officer", "Patient advice and liaison officer"])]
    pub alternative_titles: Vec<Text>,
    /// One or two sentences on what the job is.
    #[schemars(
        example = &"The Patient Advice and Liaison Service (PALS) offers support, advice and information on NHS services to patients, their carers and the public."
    )]
    pub summary: Text,
    /// Where to read more about the job (printed, and as a QR code on leaflets).
    #[schemars(example = &"https://www.healthcareers.nhs.uk/explore-roles")]
    pub web_address: WebAddress,
    /// What you'll do: the day-to-day tasks.
    #[schemars(example = serde_json::json!({
        "intro": "Your work could include:",
        "tasks": ["Giving advice with a view to resolving concerns about services or care."]
    }))]
    pub duties: Duties,
    /// Working hours and pattern.
    #[schemars(example = serde_json::json!({
        "pattern": "9am to 5pm, Monday to Friday",
        "variations": ["You may need to work outside these hours to meet the demands of the job."]
    }))]
    pub working_hours: WorkingHours,
    /// Where the work happens and what it is like.
    #[schemars(example = serde_json::json!({
        "locations": ["in a hospital", "in the community"],
        "travel": "Your working day could involve travelling across different sites."
    }))]
    pub working_environment: WorkingEnvironment,
    /// Salary in whole pounds (GBP) a year.
    #[schemars(example = serde_json::json!({ "starter": 18200, "experienced": 22000 }))]
    pub salary: Salary,
    /// How to become: the ways into the job; give at least one.
    #[schemars(example = serde_json::json!({
        "volunteering": { "in_brief": "volunteering", "description": ["A common entry route is through volunteering."] }
    }))]
    pub entry_routes: EntryRoutes,
    /// Skills and personal qualities, each completing "You'll need …" (give at least one).
    #[schemars(example = ["excellent listening and communication skills", "a non-judgemental approach"], length(min = 1))]
    pub skills: Vec<Text>,
    /// Checks and conditions, such as a DBS check.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["You'll need to pass an enhanced background check."])]
    pub restrictions_and_requirements: Vec<Text>,
    /// Training once in the job.
    #[serde(default)]
    #[schemars(example = serde_json::json!({
        "on_the_job": "Your training would usually involve learning on the job alongside experienced staff.",
        "short_courses": ["equality and diversity", "bereavement"]
    }))]
    pub training: Option<Training>,
    /// Tips for getting in, one sentence or paragraph each.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["When applying for jobs, you'll be expected to show an understanding of how NHS values apply in your work."])]
    pub career_tips: Vec<Text>,
    /// Career path and progression, one paragraph an item (give at least one).
    #[schemars(example = ["With experience, you could progress to senior PALS officer or PALS service manager."], length(min = 1))]
    pub career_path: Vec<Text>,
    /// Where the jobs are: kinds of employer and where vacancies are advertised.
    #[serde(default)]
    #[schemars(example = serde_json::json!({
        "employers": ["hospitals", "ambulance services"],
        "advertised": ["the NHS Jobs website"]
    }))]
    pub where_the_jobs_are: Option<Employers>,
    /// Further information: text and organisations to contact.
    #[serde(default)]
    #[schemars(example = serde_json::json!({
        "text": ["You can find out more about working in healthcare from Health Careers."],
        "contacts": [{ "name": "Health Careers", "web_address": "https://www.healthcareers.nhs.uk" }]
    }))]
    pub further_information: Option<FurtherInformation>,
    /// Titles of related jobs.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["Health service manager", "Advice worker"])]
    pub related_jobs: Vec<Text>,
    /// Where the facts came from (give at least one); fields cite them by `id`.
    #[schemars(example = serde_json::json!([{
        "id": "job-guide",
        "title": "Patient Advice and Liaison Service Officer: The Job and What's Involved",
        "date": "before 2013"
    }]), length(min = 1))]
    pub sources: Vec<Source>,
    /// When a person last checked the whole profile (`YYYY-MM-DD`).
    #[schemars(example = &"2026-11-21")]
    pub last_reviewed: Date,
    /// Text an import could not place, for a person to move into the right
    /// fields (then delete). Never printed: templates do not show it.
    #[serde(
        default,
        deserialize_with = "super::types::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(example = ["(from job-guide, under \"Education and Training\") Advice, counselling or advocacy work could be useful."])]
    pub unsorted: Vec<Text>,
}

/// The indefinite article said before the title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Article {
    /// "a", as in "a PALS officer".
    A,
    /// "an", as in "an advice worker".
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
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duties {
    /// A sentence before the list, e.g. "As a PALS officer, you could…".
    #[serde(default)]
    #[schemars(example = &"Your work could also include:")]
    pub intro: Option<Text>,
    /// The tasks, one sentence each (give at least one).
    #[schemars(example = ["Supervising and coordinating PALS volunteers."], length(min = 1))]
    pub tasks: Vec<Text>,
    /// More on the duties, e.g. what a senior post adds.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["As a senior PALS officer you could also manage the day-to-day running of the PALS service."])]
    pub notes: Vec<Text>,
}

/// Working hours and pattern.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkingHours {
    /// Typical hours a week, when known (`min` to `max`, 0 to 100).
    #[serde(default)]
    #[schemars(example = serde_json::json!({ "min": 37.5, "max": 37.5 }))]
    pub hours_per_week: Option<HoursRange>,
    /// The usual pattern, e.g. "9am to 5pm, Monday to Friday".
    #[schemars(example = &"9am to 5pm, Monday to Friday")]
    pub pattern: Text,
    /// When the pattern varies, e.g. "sometimes outside these hours".
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["You may need to work outside these hours to meet the demands of the job."])]
    pub variations: Vec<Text>,
}

/// A range of hours a week; `min` equals `max` for a fixed number.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HoursRange {
    /// Fewest hours a week (0 to 100).
    #[schemars(example = 37.5, range(min = 0, max = 100), extend("errorMessage" = HOURS))]
    #[serde(deserialize_with = "super::types::finite_f32")]
    pub min: f32,
    /// Most hours a week (at least `min`, at most 100).
    #[schemars(example = 40, range(min = 0, max = 100), extend("errorMessage" = HOURS))]
    #[serde(deserialize_with = "super::types::finite_f32")]
    pub max: f32,
}

/// Working environment and locations.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkingEnvironment {
    /// Where you could work, each completing "You could work …".
    #[schemars(example = ["in a hospital", "in the community"])]
    pub locations: Vec<Text>,
    /// Travel, e.g. between sites.
    #[serde(default)]
    #[schemars(example = &"Your working day could involve travelling across different sites within the NHS trust.")]
    pub travel: Option<Text>,
    /// What the work is like, e.g. "emotionally demanding".
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["You would be dealing with a variety of emotional situations."])]
    pub conditions: Vec<Text>,
}

/// Salary in pounds (GBP) a year.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Salary {
    /// The NHS Agenda for Change pay band (optional), e.g. "Band 5":
    /// printed before the figures ("Band 5: £18,200 to £22,000 a year").
    #[serde(default)]
    #[schemars(example = &"Band 5")]
    pub band: Option<PayBand>,
    /// A starter's salary, whole pounds a year, without £ or commas.
    #[schemars(example = 18200, range(min = 1), extend("errorMessage" = SALARY, "x-out-of-range" = "£{} is not a starter's salary"))]
    pub starter: Money,
    /// An experienced person's salary (at least the starter's).
    #[schemars(example = 22000, range(min = 1), extend("errorMessage" = SALARY, "x-out-of-range" = "£{} is not an experienced person's salary"))]
    pub experienced: Money,
    /// Other figures, e.g. specialists and managers.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = serde_json::json!([{ "who": "Managers", "around": 34200 }]))]
    pub notes: Vec<SalaryNote>,
    /// The `id` of the source the figures come from (figures date quickly).
    #[serde(default)]
    #[schemars(example = &"job-guide")]
    pub source: Option<String>,
}

/// Whole pounds a year.
pub type Money = u32;

/// What a salary must be, in the words editors and `check` show.
const SALARY: &str =
    "Give the salary in whole pounds a year, more than 0, without a £ sign or commas (e.g. 18200).";

/// What hours a week must be.
const HOURS: &str = "Give hours a week as a number from 0 to 100 (e.g. 37.5).";

/// A further salary figure: who earns it, and "up to" or "around" it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SalaryNote {
    /// Who, e.g. "Specialists, for example in bereavement".
    #[schemars(example = &"Specialists, for example in bereavement,")]
    pub who: Text,
    /// "may earn up to" this, in whole pounds a year (give this or `around`).
    #[serde(default)]
    #[schemars(example = 27500, range(min = 1), extend("errorMessage" = SALARY, "x-out-of-range" = "£{} is not a salary"))]
    pub up_to: Option<Money>,
    /// "can earn around" this, in whole pounds a year (give this or `up_to`).
    #[serde(default)]
    #[schemars(example = 34200, range(min = 1), extend("errorMessage" = SALARY, "x-out-of-range" = "£{} is not a salary"))]
    pub around: Option<Money>,
}

/// The ways into the job (How to become).
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EntryRoutes {
    /// A university course, e.g. a degree.
    #[serde(default)]
    #[schemars(example = serde_json::json!({ "in_brief": "a university course", "description": ["You could do a degree in health and social care."] }))]
    pub university: Option<Route>,
    /// A college course, e.g. a diploma.
    #[serde(default)]
    #[schemars(example = serde_json::json!({ "in_brief": "a college course", "description": ["You could do a Level 2 or 3 Diploma in Customer Service."] }))]
    pub college: Option<Route>,
    /// An apprenticeship.
    #[serde(default)]
    #[schemars(example = serde_json::json!({ "in_brief": "an apprenticeship", "description": ["You could do a customer service specialist advanced apprenticeship."] }))]
    pub apprenticeship: Option<Route>,
    /// Working towards the role, e.g. starting in a related post.
    #[serde(default)]
    #[schemars(example = serde_json::json!({ "in_brief": "working towards this role", "description": ["You may be able to start as a PALS administrator and work your way up."] }))]
    pub work: Option<Route>,
    /// Volunteering.
    #[serde(default)]
    #[schemars(example = serde_json::json!({ "in_brief": "volunteering", "description": ["A common entry route is through volunteering, particularly within the NHS."] }))]
    pub volunteering: Option<Route>,
    /// Applying directly, with the experience or qualifications asked for.
    #[serde(default)]
    #[schemars(example = serde_json::json!({ "in_brief": "applying directly", "description": ["You can apply directly for PALS officer jobs."] }))]
    pub direct_application: Option<Route>,
    /// Any other route, e.g. a graduate training scheme.
    #[serde(default)]
    #[schemars(example = serde_json::json!({ "in_brief": "other routes", "description": ["You could take a graduate training scheme."] }))]
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
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// The route in one line, for leaflets, completing "You can get into this
    /// job through …", e.g. "a college course".
    #[schemars(example = &"a college course")]
    pub in_brief: Text,
    /// The route in full, one paragraph an item.
    #[schemars(example = ["You could get some of the skills you need for this job by doing a Level 2 or 3 Diploma in Customer Service."])]
    pub description: Vec<Text>,
    /// Said before the requirements, e.g. "You'll usually need:".
    #[serde(default)]
    #[schemars(example = &"You'll usually need:")]
    pub requirements_intro: Option<Text>,
    /// Entry requirements, each completing the `requirements_intro`.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["2 or more GCSEs at grades 9 to 3 (A* to D), or equivalent, for a level 2 course"])]
    pub entry_requirements: Vec<Text>,
    /// Anything else useful, e.g. experience that helps.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["A background in a health profession such as nursing could be useful."])]
    pub notes: Vec<Text>,
}

/// Training once in the job.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// Training on the job, as a paragraph.
    #[serde(default)]
    #[schemars(example = &"Your training would usually involve learning on the job alongside experienced staff.")]
    pub on_the_job: Option<Text>,
    /// Subjects of short courses.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["equality and diversity", "advanced communication skills"])]
    pub short_courses: Vec<Text>,
    /// More on training, one paragraph an item.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["You may have the opportunity to take short courses run through your employer or external organisations."])]
    pub notes: Vec<Text>,
}

/// Where the jobs are.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Employers {
    /// Kinds of employer, e.g. "hospitals".
    #[schemars(example = ["hospitals", "ambulance services"])]
    pub employers: Vec<Text>,
    /// Where vacancies are advertised.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["the NHS Jobs website", "local and national press"])]
    pub advertised: Vec<Text>,
}

/// Further information.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FurtherInformation {
    /// Paragraphs of further information.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["You can find out more about working in healthcare from Health Careers."])]
    pub text: Vec<Text>,
    /// Organisations to contact.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = serde_json::json!([{ "name": "NHS Careers", "address": ["PO Box 376", "Bristol", "BS99 3EY"], "phone": "0345 60 60 655" }]))]
    pub contacts: Vec<Contact>,
}

/// An organisation to contact.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The organisation's name.
    #[schemars(example = &"NHS Careers")]
    pub name: Text,
    /// Postal address, one line an item.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["PO Box 376", "Bristol", "BS99 3EY"])]
    pub address: Vec<Text>,
    /// Telephone number.
    #[serde(default)]
    #[schemars(example = &"0345 60 60 655")]
    pub phone: Option<Phone>,
    /// Email address.
    #[serde(default)]
    #[schemars(example = &"advice@example.org.uk")]
    pub email: Option<Email>,
    /// Web site.
    #[serde(default)]
    #[schemars(example = &"https://www.healthcareers.nhs.uk")]
    pub web_address: Option<WebAddress>,
    /// The `id` of the source that gave these details.
    #[serde(default)]
    #[schemars(example = &"job-guide")]
    pub source: Option<String>,
}

/// A source of facts.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// A short id that fields use to cite this source (unique in the profile).
    #[schemars(example = &"job-guide", length(min = 1))]
    pub id: String,
    /// The source's title.
    #[schemars(example = &"Patient Advice and Liaison Service Officer: The Job and What's Involved (job guide)")]
    pub title: Text,
    /// When it was published, or what dates it (e.g. "before 2013").
    #[schemars(example = &"before 2013 (mentions Primary Care Trusts)")]
    pub date: Text,
    /// What the source gave, and how far to trust it.
    #[serde(default, deserialize_with = "super::types::list")]
    #[schemars(example = ["Its salary figures are from that time; check them before print."])]
    pub notes: Vec<Text>,
}
