//! The merged draft as a job profile: a draft value (from `placeholders`)
//! and a TODO for each field the pages did not give.

use super::draft::{default_in_brief, Draft};
use super::placeholders as ph;
use crate::content::job::{
    Article, Contact, Duties, Employers, EntryRoutes, FurtherInformation, HoursRange, Job, Route,
    Salary, SalaryNote, Source, Training, WorkingEnvironment, WorkingHours,
};
use crate::content::types::{Date, Email, Phone, Text, WebAddress};

/// A value checked by its type's own validation (the loader's rules).
fn valid<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

/// "Many work shifts, including early starts, evenings and nights." →
/// "shifts, including early starts, evenings and nights" (it completes "You
/// would normally work …"); the clause giving hours is left out.
fn shift_phrase(s: &str) -> Option<String> {
    let lower = s.to_lowercase();
    // It must say shifts or a rota: "evenings" alone is not a pattern.
    if !(lower.contains("shift") || lower.contains("rota")) {
        return None;
    }
    // From the first word of the pattern: "shifts", "evenings", "nights" …
    let at = [
        "on shifts",
        "shifts",
        "a shift",
        "early starts",
        "evenings",
        "nights",
        "weekends",
        "on a rota",
        "a rota",
    ]
    .iter()
    .filter_map(|w| {
        lower
            .find(w)
            .filter(|&i| super::text::has_word(&lower[i..], w))
    })
    .min()?;
    let rest = s[at..].trim().trim_end_matches(['.', ';']);
    let mut clauses: Vec<String> = Vec::new();
    for (i, c) in rest.split(", ").enumerate() {
        if c.chars().any(|ch| ch.is_ascii_digit()) {
            if i == 0 {
                let head: Vec<&str> = c
                    .split_whitespace()
                    .take_while(|w| {
                        !w.chars().any(|ch| ch.is_ascii_digit())
                            && !["totalling", "of", "typically", "around", "adding"].contains(w)
                    })
                    .collect();
                if !head.is_empty() {
                    clauses.push(head.join(" "));
                }
            }
            continue;
        }
        clauses.push(c.to_string());
    }
    let phrase = clauses.join(", ");
    (!phrase.is_empty()).then_some(phrase)
}

impl Draft {
    /// The job, with a draft value (and a TODO) for each required field the
    /// pages did not give.
    pub fn into_job(mut self, today: &str) -> (Job, Vec<(String, String)>) {
        let mut todos: Vec<(String, String)> = Vec::new();
        let mut todo = |path: &str, why: &str| todos.push((path.to_string(), why.to_string()));
        let t = |s: &str| Text(s.to_string());
        let list = |v: Vec<String>| v.into_iter().map(Text).collect::<Vec<_>>();
        // The pattern: the hours given, NCS "You could work …", or the
        // first sentence about shifts.
        if self.pattern.is_none() {
            self.pattern = self.shifts.take();
        }
        if self.pattern.is_none() {
            if let Some(i) = self
                .variations
                .iter()
                .position(|v| shift_phrase(v).is_some())
            {
                self.pattern = shift_phrase(&self.variations.remove(i));
            }
        } else if let Some(s) = self.shifts.take() {
            self.variations.insert(0, super::text::upper_first(&s));
        }
        let title = match self.title {
            Some(s) => Text(s),
            None => {
                todo("title", "no title found; write the job title");
                t(ph::TITLE)
            }
        };
        let summary = match self.summary {
            Some(s) => Text(s),
            None => {
                todo("summary", "no summary found");
                t(ph::SUMMARY)
            }
        };
        let pattern = match self.pattern {
            Some(s) => Text(s),
            None => {
                todo("working_hours.pattern", "no working hours found");
                t(ph::PATTERN)
            }
        };
        let first = title.as_str().split_whitespace().next().unwrap_or("");
        let article = if super::text::article(first) == "an" {
            Article::An
        } else {
            Article::A
        };
        todo(
            "title_article",
            "guessed from the first letter of the title; check it",
        );
        let web_address = match self.web_address.as_deref().and_then(valid::<WebAddress>) {
            Some(w) => w,
            None => {
                todo(
                    "web_address",
                    "no web address in the sources; give the page to read more",
                );
                WebAddress(ph::WEB_ADDRESS.into())
            }
        };
        let mut tasks = list(self.tasks);
        if tasks.is_empty() {
            todo("duties.tasks", "no tasks found");
            tasks.push(t(ph::TASK));
        }
        let mut skills = list(self.skills);
        if skills.is_empty() {
            todo("skills", "no skills found");
            skills.push(t(ph::SKILL));
        }
        let mut career_path = list(self.career_path);
        if career_path.is_empty() {
            todo("career_path", "no career path found");
            career_path.push(t(ph::CAREER_PATH));
        }
        let pay = &self.pay;
        let starter = pay.starter.map(|(v, _)| v);
        let experienced = pay.experienced.map(|(v, _)| v);
        let (starter, experienced) = match (starter.or(pay.single), experienced.or(pay.single)) {
            (Some(s), Some(e)) if starter.is_some() && experienced.is_some() => {
                (s.min(e), s.max(e))
            }
            (Some(s), Some(e)) => {
                todo(
                    "salary",
                    "only one salary figure found; it is given as both",
                );
                (s.min(e), s.max(e))
            }
            (Some(s), None) | (None, Some(s)) => {
                todo(
                    "salary",
                    "only one salary figure found; it is given as both",
                );
                (s, s)
            }
            (None, None) => {
                todo("salary", "no salary found; give starter and experienced");
                (ph::SALARY, ph::SALARY)
            }
        };
        if self.salary_source.is_some() {
            todo(
                "salary.source",
                "salary figures date quickly: check them against current pay bands",
            );
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
                todo(
                    &format!("entry_routes.{k}.description"),
                    "the source gave no description of this route",
                );
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
            todo("entry_routes", "no routes into the job found");
            routes.other = Some(Route {
                in_brief: t(ph::ROUTE),
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
        if self.employers.is_empty() && !self.advertised.is_empty() {
            todo("where_the_jobs_are.employers", "no employers found");
        }
        let where_the_jobs_are =
            (!self.employers.is_empty() || !self.advertised.is_empty()).then(|| Employers {
                employers: list(self.employers),
                advertised: list(self.advertised),
            });
        let mut unsorted = self.unsorted;
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
            .map(|s| {
                let date = match &s.date {
                    Some(d) => Text(d.clone()),
                    None => {
                        todo(
                            &format!("sources[{}].date", s.id),
                            "when the source was published; the page does not say",
                        );
                        t(ph::SOURCE_DATE)
                    }
                };
                Source {
                    id: s.id.clone(),
                    title: Text(match &s.page_title {
                        Some(title) => format!("{title} ({})", s.layout.describe()),
                        None => s.layout.describe().to_string(),
                    }),
                    date,
                    notes: vec![
                        Text(format!("Imported from {}.", s.name)),
                        t(ph::SOURCE_NOTE),
                    ],
                }
            })
            .collect();
        todo(
            "last_reviewed",
            "the date of the import; set it when a person has checked the whole profile",
        );
        let notes = self
            .pay
            .notes
            .into_iter()
            .map(|(who, up_to, around)| SalaryNote {
                who: Text(who),
                up_to,
                around,
            })
            .collect();
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
                band: None,
                starter,
                experienced,
                notes,
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
        (job, todos)
    }
}

#[cfg(test)]
mod tests {
    use super::shift_phrase;

    #[test]
    fn shift_phrases() {
        assert_eq!(
            shift_phrase(
                "Many work shifts, including early starts, evenings, nights and weekends."
            ),
            Some("shifts, including early starts, evenings, nights and weekends".into())
        );
        assert_eq!(
            shift_phrase("Paramedics work shifts totalling around 37.5 hours a week, including nights, weekends and public holidays."),
            Some("shifts, including nights, weekends and public holidays".into())
        );
        assert_eq!(shift_phrase("You'll work Monday to Friday."), None);
        assert_eq!(
            shift_phrase("You'll usually work 37 to 40 hours a week, which may include evenings and weekends on a rota."),
            Some("evenings and weekends on a rota".into())
        );
    }
}
