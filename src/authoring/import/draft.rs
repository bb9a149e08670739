//! A profile as it is being imported: every field optional, lists
//! open, and a merge of two drafts that never drops a value.

use super::Layout;
use crate::content::job::{
    Article, Contact, Duties, Employers, EntryRoutes, FurtherInformation, HoursRange, Job, Route,
    Salary, SalaryNote, Source, Training, WorkingEnvironment, WorkingHours,
};
use crate::content::types::{Date, Email, Phone, Text, WebAddress};

/// A route's usual one-line form.
pub fn default_in_brief(route: &str) -> &'static str {
    match route {
        "university" => "a university course",
        "college" => "a college course",
        "apprenticeship" => "an apprenticeship",
        "work" => "working towards this role",
        "volunteering" => "volunteering",
        "direct_application" => "applying directly",
        _ => "other routes",
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RouteDraft {
    pub in_brief: Option<String>,
    pub description: Vec<String>,
    pub requirements_intro: Option<String>,
    pub entry_requirements: Vec<String>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactDraft {
    pub name: String,
    pub address: Vec<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub web_address: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SalaryDraft {
    pub starter: Option<u32>,
    pub experienced: Option<u32>,
    /// (who, up_to, around)
    pub notes: Vec<(String, Option<u32>, Option<u32>)>,
}

/// Everything one or more files said, field by field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub source_id: String,
    /// (id, file name, layout, page title)
    pub sources: Vec<(String, String, Layout, Option<String>)>,
    /// The page's own title (its first line), for `sources`.
    pub page_title: Option<String>,
    pub title: Option<String>,
    pub alternative_titles: Vec<String>,
    pub summary: Option<String>,
    pub web_address: Option<String>,
    pub duties_intro: Option<String>,
    pub tasks: Vec<String>,
    pub duty_notes: Vec<String>,
    pub hours_per_week: Option<(f32, f32)>,
    pub pattern: Option<String>,
    pub variations: Vec<String>,
    pub locations: Vec<String>,
    pub travel: Option<String>,
    pub conditions: Vec<String>,
    pub salary: SalaryDraft,
    /// Which source the salary figures came from.
    pub salary_source: Option<String>,
    pub routes: Vec<(String, RouteDraft)>,
    pub skills: Vec<String>,
    pub restrictions: Vec<String>,
    pub on_the_job: Option<String>,
    pub short_courses: Vec<String>,
    pub training_notes: Vec<String>,
    pub career_tips: Vec<String>,
    pub career_path: Vec<String>,
    pub employers: Vec<String>,
    pub advertised: Vec<String>,
    pub further_text: Vec<String>,
    /// Contacts with the id of the source that gave them.
    pub contacts: Vec<(ContactDraft, String)>,
    pub related_jobs: Vec<String>,
    pub unsorted: Vec<String>,
}

/// A value checked by its type's own validation (the loader's rules).
fn valid<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

/// Text compared loosely: letters and digits only, lower case.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Adds the items of `more` not already in `list` (compared loosely).
fn union(list: &mut Vec<String>, more: Vec<String>) {
    for m in more {
        if !list.iter().any(|l| key(l) == key(&m)) {
            list.push(m);
        }
    }
}

impl Draft {
    /// The route draft for a key, made when missing.
    pub fn route(&mut self, key: &str) -> &mut RouteDraft {
        let i = match self.routes.iter().position(|(k, _)| k == key) {
            Some(i) => i,
            None => {
                self.routes.push((key.to_string(), RouteDraft::default()));
                self.routes.len() - 1
            }
        };
        &mut self.routes[i].1
    }

    /// Text for a person to place, labelled with where it came from.
    pub fn unsorted(&mut self, heading: Option<&str>, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let label = match heading {
            Some(h) => format!("(from {{source}}, under \"{h}\") "),
            None => "(from {source}) ".to_string(),
        };
        self.unsorted.push(format!("{label}{text}"));
    }

    /// Names the file this draft came from.
    pub fn set_source(&mut self, id: &str, name: &str, layout: Layout) {
        self.source_id = id.to_string();
        self.sources.push((
            id.to_string(),
            name.to_string(),
            layout,
            self.page_title.clone(),
        ));
        for u in &mut self.unsorted {
            *u = u.replace("{source}", id);
        }
        for (_, src) in &mut self.contacts {
            if src.is_empty() {
                *src = id.to_string();
            }
        }
        if self.salary != SalaryDraft::default() {
            self.salary_source = Some(id.to_string());
        }
    }

    /// Merges a later file's draft into this one: lists are joined (without
    /// repeats), the first value of a single field is kept and a different
    /// later one goes to `unsorted`, so nothing is lost.
    pub fn merge(&mut self, other: Draft) {
        let from = other.source_id.clone();
        let mut conflicts: Vec<String> = Vec::new();
        let mut single = |mine: &mut Option<String>, theirs: Option<String>, field: &str| match (
            mine.as_ref(),
            theirs,
        ) {
            (_, None) => {}
            (None, Some(t)) => *mine = Some(t),
            (Some(m), Some(t)) if key(m) == key(&t) => {}
            (Some(_), Some(t)) => {
                conflicts.push(format!("(from {from}, another value for {field}) {t}"))
            }
        };
        // Titles: a second title that differs becomes an alternative title.
        match (&self.title, other.title) {
            (None, t) => self.title = t,
            (Some(m), Some(t)) if key(m) != key(&t) => union(&mut self.alternative_titles, vec![t]),
            _ => {}
        }
        single(&mut self.summary, other.summary, "summary");
        single(&mut self.web_address, other.web_address, "web_address");
        single(&mut self.duties_intro, other.duties_intro, "duties.intro");
        single(&mut self.pattern, other.pattern, "working_hours.pattern");
        single(&mut self.travel, other.travel, "working_environment.travel");
        single(
            &mut self.on_the_job,
            other.on_the_job,
            "training.on_the_job",
        );
        for (k, r) in other.routes {
            let mine = self.route(&k);
            let field = |f: &str| format!("entry_routes.{k}.{f}");
            let mut in_brief = mine.in_brief.take();
            single(&mut in_brief, r.in_brief, &field("in_brief"));
            mine.in_brief = in_brief;
            let mut intro = mine.requirements_intro.take();
            single(
                &mut intro,
                r.requirements_intro,
                &field("requirements_intro"),
            );
            mine.requirements_intro = intro;
            union(&mut mine.description, r.description);
            union(&mut mine.entry_requirements, r.entry_requirements);
            union(&mut mine.notes, r.notes);
        }
        if self.hours_per_week.is_none() {
            self.hours_per_week = other.hours_per_week;
        }
        if self.salary == SalaryDraft::default() {
            self.salary = other.salary;
            self.salary_source = other.salary_source;
        } else if other.salary != SalaryDraft::default() && other.salary != self.salary {
            let s = &other.salary;
            conflicts.push(format!(
                "(from {from}, other salary figures) starter {:?}, experienced {:?}, notes {:?}",
                s.starter, s.experienced, s.notes
            ));
        }
        union(&mut self.alternative_titles, other.alternative_titles);
        union(&mut self.tasks, other.tasks);
        union(&mut self.duty_notes, other.duty_notes);
        union(&mut self.variations, other.variations);
        union(&mut self.locations, other.locations);
        union(&mut self.conditions, other.conditions);
        union(&mut self.skills, other.skills);
        union(&mut self.restrictions, other.restrictions);
        union(&mut self.short_courses, other.short_courses);
        union(&mut self.training_notes, other.training_notes);
        union(&mut self.career_tips, other.career_tips);
        union(&mut self.career_path, other.career_path);
        union(&mut self.employers, other.employers);
        union(&mut self.advertised, other.advertised);
        union(&mut self.further_text, other.further_text);
        union(&mut self.related_jobs, other.related_jobs);
        for (c, src) in other.contacts {
            if !self
                .contacts
                .iter()
                .any(|(m, _)| key(&m.name) == key(&c.name))
            {
                self.contacts.push((c, src));
            }
        }
        self.sources.extend(other.sources);
        self.unsorted.extend(other.unsorted);
        self.unsorted.extend(conflicts);
        self.source_id = from;
    }

    /// The job, with a draft value (and a TODO) for each required field the
    /// files did not give.
    pub fn into_job(self, today: &str) -> (Job, Vec<(String, String)>) {
        let mut todos: Vec<(String, String)> = Vec::new();
        let mut todo = |path: &str, why: &str| todos.push((path.to_string(), why.to_string()));
        let mut unsorted = self.unsorted;
        let t = |s: &str| Text(s.to_string());
        let list = |v: Vec<String>| v.into_iter().map(Text).collect::<Vec<_>>();
        let mut need = |v: Option<String>, path: &str, placeholder: &str, why: &str| -> Text {
            match v {
                Some(s) => Text(s),
                None => {
                    todo(path, why);
                    t(placeholder)
                }
            }
        };
        let title = need(
            self.title,
            "title",
            "TODO job title",
            "no title found; write the job title",
        );
        let summary = need(
            self.summary,
            "summary",
            "TODO: one or two sentences on what the job is.",
            "no summary found",
        );
        let pattern = need(
            self.pattern,
            "working_hours.pattern",
            "TODO: the usual pattern, e.g. 9am to 5pm, Monday to Friday",
            "no working hours found",
        );
        let first = title.as_str().split_whitespace().next().unwrap_or("");
        let article = if super::text::article(first) == "an" {
            Article::An
        } else {
            Article::A
        };
        let mut todos2: Vec<(String, String)> = Vec::new();
        todos2.push((
            "title_article".into(),
            "guessed from the first letter of the title; check it".into(),
        ));
        let web_address = match self.web_address {
            Some(w) => WebAddress(w),
            None => {
                todos2.push((
                    "web_address".into(),
                    "no web address in the sources; give the page to read more".into(),
                ));
                WebAddress("https://www.healthcareers.nhs.uk".into())
            }
        };
        let mut tasks = list(self.tasks);
        if tasks.is_empty() {
            todos2.push(("duties.tasks".into(), "no tasks found".into()));
            tasks.push(t("TODO: the tasks, one sentence each."));
        }
        let mut skills = list(self.skills);
        if skills.is_empty() {
            todos2.push(("skills".into(), "no skills found".into()));
            skills.push(t("TODO: skills and personal qualities"));
        }
        let mut career_path = list(self.career_path);
        if career_path.is_empty() {
            todos2.push(("career_path".into(), "no career path found".into()));
            career_path.push(t("TODO: career path and progression."));
        }
        let (starter, experienced) = match (self.salary.starter, self.salary.experienced) {
            (Some(s), Some(e)) => (s.min(e), s.max(e)),
            (Some(s), None) | (None, Some(s)) => {
                todos2.push((
                    "salary".into(),
                    "only one salary figure found; it is given as both".into(),
                ));
                (s, s)
            }
            (None, None) => {
                todos2.push((
                    "salary".into(),
                    "no salary found; give starter and experienced".into(),
                ));
                (0, 0)
            }
        };
        if self.salary_source.is_some() {
            todos2.push((
                "salary.source".into(),
                "salary figures date quickly: check them against current pay bands".into(),
            ));
        }
        let mut routes = EntryRoutes::default();
        for (k, r) in self.routes {
            let route = Route {
                in_brief: Text(
                    r.in_brief
                        .unwrap_or_else(|| default_in_brief(&k).to_string()),
                ),
                description: list(r.description),
                requirements_intro: r.requirements_intro.map(Text),
                entry_requirements: list(r.entry_requirements),
                notes: list(r.notes),
            };
            if route.description.is_empty() {
                todos2.push((
                    format!("entry_routes.{k}.description"),
                    "the source gave no description of this route".into(),
                ));
            }
            let slot = match k.as_str() {
                "university" => &mut routes.university,
                "college" => &mut routes.college,
                "apprenticeship" => &mut routes.apprenticeship,
                "work" => &mut routes.work,
                "volunteering" => &mut routes.volunteering,
                "direct_application" => &mut routes.direct_application,
                _ => &mut routes.other,
            };
            *slot = Some(route);
        }
        if routes.present().is_empty() {
            todos2.push(("entry_routes".into(), "no routes into the job found".into()));
            routes.other = Some(Route {
                in_brief: t("TODO: a route into the job"),
                description: vec![],
                requirements_intro: None,
                entry_requirements: vec![],
                notes: vec![],
            });
        }
        let training = (self.on_the_job.is_some()
            || !self.short_courses.is_empty()
            || !self.training_notes.is_empty())
        .then(|| Training {
            on_the_job: self.on_the_job.map(Text),
            short_courses: list(self.short_courses),
            notes: list(self.training_notes),
        });
        let where_the_jobs_are = if self.employers.is_empty() && !self.advertised.is_empty() {
            todos2.push((
                "where_the_jobs_are.employers".into(),
                "no employers found".into(),
            ));
            Some(Employers {
                employers: vec![],
                advertised: list(self.advertised),
            })
        } else {
            (!self.employers.is_empty()).then(|| Employers {
                employers: list(self.employers),
                advertised: list(self.advertised),
            })
        };
        let mut contacts = Vec::new();
        for (c, src) in self.contacts {
            let mut bad = |what: &str, v: &str| {
                unsorted.push(format!(
                    "(from {src}, contact {}) {what} not understood: {v}",
                    c.name
                ));
            };
            let phone = c.phone.and_then(|p| {
                valid::<Phone>(&p).or_else(|| {
                    bad("phone", &p);
                    None
                })
            });
            let email = c.email.and_then(|e| {
                valid::<Email>(&e).or_else(|| {
                    bad("email", &e);
                    None
                })
            });
            let web = c.web_address.and_then(|w| {
                valid::<WebAddress>(&w).or_else(|| {
                    bad("web address", &w);
                    None
                })
            });
            contacts.push(Contact {
                name: Text(c.name.clone()),
                address: list(c.address),
                phone,
                email,
                web_address: web,
                source: Some(src),
            });
        }
        let further_information =
            (!self.further_text.is_empty() || !contacts.is_empty()).then(|| FurtherInformation {
                text: list(self.further_text),
                contacts,
            });
        let sources = self
            .sources
            .iter()
            .map(|(id, name, layout, page_title)| {
                todos2.push((
                    format!("sources[{id}].date"),
                    "when the source was published; the files do not say".into(),
                ));
                Source {
                    id: id.clone(),
                    title: Text(match page_title {
                        Some(t) => format!("{t} ({})", layout.describe()),
                        None => layout.describe().to_string(),
                    }),
                    date: t("unknown"),
                    notes: vec![Text(format!("Imported from {name}."))],
                }
            })
            .collect();
        todos2.push((
            "last_reviewed".into(),
            "the date of the import; set it when a person has checked the whole profile".into(),
        ));
        let job = Job {
            title,
            title_article: article,
            alternative_titles: list(self.alternative_titles),
            summary,
            web_address,
            duties: Duties {
                intro: self.duties_intro.map(Text),
                tasks,
                notes: list(self.duty_notes),
            },
            working_hours: WorkingHours {
                hours_per_week: self
                    .hours_per_week
                    .map(|(min, max)| HoursRange { min, max }),
                pattern,
                variations: list(self.variations),
            },
            working_environment: WorkingEnvironment {
                locations: list(self.locations),
                travel: self.travel.map(Text),
                conditions: list(self.conditions),
            },
            salary: Salary {
                starter,
                experienced,
                notes: self
                    .salary
                    .notes
                    .into_iter()
                    .map(|(who, up_to, around)| SalaryNote {
                        who: Text(who),
                        up_to,
                        around,
                    })
                    .collect(),
                source: self.salary_source,
            },
            entry_routes: routes,
            skills,
            restrictions_and_requirements: list(self.restrictions),
            training,
            career_tips: list(self.career_tips),
            career_path,
            where_the_jobs_are,
            further_information,
            related_jobs: list(self.related_jobs),
            sources,
            last_reviewed: Date(today.to_string()),
            unsorted: list(unsorted),
        };
        todos.extend(todos2);
        (job, todos)
    }
}
