//! A profile as it is being imported: every field optional, lists open;
//! the merge of several pages' drafts, near-duplicates as one; and the
//! count of facts placed.

use super::numbers::Pay;
use super::text::{key, words};
use super::Layout;

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

/// One page a draft came from.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDraft {
    pub id: String,
    pub name: String,
    pub layout: Layout,
    pub page_title: Option<String>,
    pub date: Option<String>,
}

/// Everything one or more pages said, field by field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// The id of the source being read (set by `set_source`).
    pub source_id: String,
    pub sources: Vec<SourceDraft>,
    pub title: Option<String>,
    pub alternative_titles: Vec<String>,
    pub summary: Option<String>,
    pub web_address: Option<String>,
    pub duties_intro: Option<String>,
    pub tasks: Vec<String>,
    pub duty_notes: Vec<String>,
    pub hours_per_week: Option<(f32, f32)>,
    pub pattern: Option<String>,
    /// NCS "You could work …" ("evenings / weekends on a rota").
    pub shifts: Option<String>,
    pub variations: Vec<String>,
    pub locations: Vec<String>,
    pub travel: Option<String>,
    pub conditions: Vec<String>,
    pub pay: Pay,
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

/// Word stems for comparing two facts: lower case, short words and
/// plural or "-ing" endings left out.
fn stems(s: &str) -> Vec<String> {
    const SMALL: [&str; 24] = [
        "the", "and", "for", "with", "you", "your", "you'll", "you'd", "from", "that", "this",
        "are", "can", "may", "will", "into", "their", "them", "they", "who", "also", "such",
        "other", "about",
    ];
    let mut out: Vec<String> = words(s)
        .into_iter()
        .filter(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                || (w.chars().count() >= 3 && !SMALL.contains(&w.as_str()))
        })
        .map(|w| {
            let w = w.trim_end_matches("'s").to_string();
            let mut w = w;
            for end in ["ing", "es", "ed", "s"] {
                if w.len() > end.len() + 3 && w.ends_with(end) {
                    w.truncate(w.len() - end.len());
                    break;
                }
            }
            if w.len() > 4 && w.ends_with('e') {
                w.pop();
            }
            w
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Whether two facts say the same thing: one's words are (nearly) all in
/// the other's, and they give the same numbers.
pub fn same_fact(a: &str, b: &str) -> bool {
    if key(a) == key(b) {
        return true;
    }
    let (sa, sb) = (stems(a), stems(b));
    let (small, large) = if sa.len() <= sb.len() {
        (&sa, &sb)
    } else {
        (&sb, &sa)
    };
    if small.len() < 2 {
        return false;
    }
    let digits = |v: &Vec<String>| -> Vec<String> {
        v.iter()
            .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
            .cloned()
            .collect()
    };
    if digits(small).iter().any(|d| !large.contains(d)) {
        return false;
    }
    let shared = small.iter().filter(|w| large.contains(w)).count();
    // Short facts must share every word; long ones may differ in a few
    // ("a mix" / "a mixture", "co-ordinator" / "coordinator").
    let need = match small.len() {
        0..=5 => small.len(),
        6..=11 => small.len() * 85 / 100,
        _ => small.len() * 3 / 4,
    };
    shared >= need.max(2)
}

/// A short lead-in into a list, with no fact of its own.
fn lead_in_only(s: &str) -> bool {
    s.trim_end().ends_with(':') && words(s).len() <= 10
}

/// Adds the items of `more` that are not already in `list`; where one is a
/// near-duplicate, the fuller wording is kept in the first one's place.
pub fn union(list: &mut Vec<String>, more: Vec<String>) {
    for m in more {
        match list.iter().position(|l| same_fact(l, &m)) {
            Some(i) => {
                if words(&m).len() > words(&list[i]).len() {
                    list[i] = m;
                }
            }
            None => list.push(m),
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

    /// Names the page this draft came from.
    pub fn set_source(&mut self, source: SourceDraft) {
        let id = source.id.clone();
        self.source_id = id.clone();
        self.sources.push(source);
        for u in &mut self.unsorted {
            *u = u.replace("{source}", &id);
        }
        for (_, src) in &mut self.contacts {
            if src.is_empty() {
                *src = id.clone();
            }
        }
        if !self.pay.is_empty() {
            self.salary_source = Some(id);
        }
    }

    /// How many facts the draft holds in its fields (not `unsorted`).
    pub fn facts(&self) -> usize {
        let some = |o: &Option<String>| usize::from(o.is_some());
        let p = &self.pay;
        let mut n = some(&self.title)
            + self.alternative_titles.len()
            + some(&self.summary)
            + some(&self.web_address)
            + some(&self.duties_intro)
            + self.tasks.len()
            + self.duty_notes.len()
            + usize::from(self.hours_per_week.is_some())
            + some(&self.pattern)
            + some(&self.shifts)
            + self.variations.len()
            + self.locations.len()
            + some(&self.travel)
            + self.conditions.len()
            + usize::from(p.starter.is_some())
            + usize::from(p.experienced.is_some())
            + usize::from(p.single.is_some())
            + p.notes.len()
            + self.skills.len()
            + self.restrictions.len()
            + some(&self.on_the_job)
            + self.short_courses.len()
            + self.training_notes.len()
            + self.career_tips.len()
            + self.career_path.len()
            + self.employers.len()
            + self.advertised.len()
            + self.further_text.len()
            + self.contacts.len()
            + self.related_jobs.len();
        for (_, r) in &self.routes {
            n += some(&r.in_brief)
                + r.description.len()
                + some(&r.requirements_intro)
                + r.entry_requirements.len()
                + r.notes.len();
        }
        n
    }

    /// Merges a later page's draft into this one. Lists are joined, with
    /// near-duplicates as one; a single field keeps this draft's value and
    /// a different one goes to `unsorted`, citing its source. Drafts are
    /// merged best source first (see `import`), so the order the files
    /// were given in changes nothing.
    pub fn merge(&mut self, other: Draft) {
        let from = other.source_id.clone();
        let mut conflicts: Vec<String> = Vec::new();
        let mut single = |mine: &mut Option<String>, theirs: Option<String>, field: &str| match (
            mine.as_ref(),
            theirs,
        ) {
            (_, None) => {}
            (None, Some(t)) => *mine = Some(t),
            (Some(m), Some(t)) if same_fact(m, &t) => {}
            // A second lead-in ("Your tasks could include:") says nothing.
            (Some(_), Some(t)) if lead_in_only(&t) => {}
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
        if let Some(t) = &self.title {
            let t = key(t);
            self.alternative_titles.retain(|a| key(a) != t);
        }
        single(&mut self.summary, other.summary, "summary");
        single(&mut self.web_address, other.web_address, "web_address");
        single(&mut self.duties_intro, other.duties_intro, "duties.intro");
        single(&mut self.pattern, other.pattern, "working_hours.pattern");
        single(&mut self.shifts, other.shifts, "working_hours.pattern");
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
        match (self.hours_per_week, other.hours_per_week) {
            (None, h) => self.hours_per_week = h,
            (Some(a), Some(b)) if a != b => conflicts.push(if b.0 == b.1 {
                format!("(from {from}, other hours) {} hours a week", b.0)
            } else {
                format!("(from {from}, other hours) {} to {} hours a week", b.0, b.1)
            }),
            _ => {}
        }
        if self.pay.is_empty() {
            self.pay = other.pay;
            self.salary_source = other.salary_source;
        } else if !other.pay.is_empty() && other.pay != self.pay {
            conflicts.push(format!(
                "(from {from}, other salary figures) {}",
                describe_pay(&other.pay)
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
        union(&mut self.unsorted, other.unsorted);
        self.unsorted.extend(conflicts);
        self.source_id = from;
    }
}

impl Draft {
    /// Keeps each list within what a profile may hold
    /// (`content::MAX_LIST_ITEMS`); what is over is given back, with its
    /// field, for the report.
    pub fn cap(&mut self) -> Vec<(String, Vec<String>)> {
        let max = crate::content::MAX_LIST_ITEMS;
        let mut over = Vec::new();
        let mut cut = |field: &str, list: &mut Vec<String>| {
            if list.len() > max {
                over.push((field.to_string(), list.split_off(max)));
            }
        };
        cut("alternative_titles", &mut self.alternative_titles);
        cut("duties.tasks", &mut self.tasks);
        cut("duties.notes", &mut self.duty_notes);
        cut("working_hours.variations", &mut self.variations);
        cut("working_environment.locations", &mut self.locations);
        cut("working_environment.conditions", &mut self.conditions);
        cut("skills", &mut self.skills);
        cut("restrictions_and_requirements", &mut self.restrictions);
        cut("training.short_courses", &mut self.short_courses);
        cut("training.notes", &mut self.training_notes);
        cut("career_tips", &mut self.career_tips);
        cut("career_path", &mut self.career_path);
        cut("where_the_jobs_are.employers", &mut self.employers);
        cut("where_the_jobs_are.advertised", &mut self.advertised);
        cut("further_information.text", &mut self.further_text);
        cut("related_jobs", &mut self.related_jobs);
        cut("unsorted", &mut self.unsorted);
        for (k, r) in &mut self.routes {
            cut(&format!("entry_routes.{k}.description"), &mut r.description);
            cut(
                &format!("entry_routes.{k}.entry_requirements"),
                &mut r.entry_requirements,
            );
            cut(&format!("entry_routes.{k}.notes"), &mut r.notes);
        }
        if self.contacts.len() > max {
            let rest = self.contacts.split_off(max);
            over.push((
                "further_information.contacts".into(),
                rest.into_iter().map(|(c, _)| c.name).collect(),
            ));
        }
        if self.pay.notes.len() > max {
            let rest = self.pay.notes.split_off(max);
            over.push((
                "salary.notes".into(),
                rest.into_iter().map(|(w, _, _)| w).collect(),
            ));
        }
        over
    }
}

/// Salary figures in words, for `unsorted`.
pub fn describe_pay(p: &Pay) -> String {
    let mut parts = Vec::new();
    let money = |v: u32| crate::template::format_money(f64::from(v));
    if let Some((v, _)) = p.starter {
        parts.push(format!("starter {}", money(v)));
    }
    if let Some((v, _)) = p.experienced {
        parts.push(format!("experienced {}", money(v)));
    }
    if let Some(v) = p.single {
        parts.push(money(v));
    }
    for (who, up_to, around) in &p.notes {
        match (up_to, around) {
            (Some(v), _) => parts.push(format!("{who} up to {}", money(*v))),
            (_, Some(v)) => parts.push(format!("{who} around {}", money(*v))),
            _ => {}
        }
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_duplicates() {
        assert!(same_fact(
            "Sterilising instruments.",
            "sterilise instruments after the patient has left"
        ));
        assert!(same_fact(
            "Passing instruments to the dentist.",
            "pass instruments to the dentist"
        ));
        assert!(!same_fact(
            "4 or 5 GCSEs at grades 9 to 4 (A* to C), or equivalent, for a level 3 course",
            "5 GCSEs at grades 9 to 4 (A* to C), or equivalent, including English and maths, for an advanced apprenticeship"
        ));
        assert!(!same_fact("2 GCSEs", "5 GCSEs"));
        assert!(!same_fact(
            "making beds",
            "moving beds, wheelchairs and trolleys"
        ));
        let mut l = vec!["Sterilising instruments.".to_string()];
        union(
            &mut l,
            vec![
                "sterilise instruments after the patient has left".into(),
                "make beds".into(),
            ],
        );
        assert_eq!(
            l,
            [
                "sterilise instruments after the patient has left",
                "make beds"
            ]
        );
    }
}
