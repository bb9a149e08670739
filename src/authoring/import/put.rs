//! Writing one sentence into its field. Most fields take the sentence as
//! it is; pay, hours and places become values (`work`), a skill becomes a
//! fragment completing "You'll need …", and training is split into short
//! courses, on-the-job training and notes.

use super::cues::{self, Cue};
use super::draft::Draft;
use super::target::Target;
use super::text::{fragment, prose_list};
use super::work;

/// Puts text in a field.
pub fn put(d: &mut Draft, t: Target, s: &str, heading: Option<&str>) {
    if cues::foreign_pay(s) {
        work::foreign_pay(d, s);
        return;
    }
    if cues::salary(s) {
        if work::salary(d, s) {
            return;
        }
        d.unsorted(heading, s);
        return;
    }
    match t {
        Target::DutyNote => d.duty_notes.push(s.to_string()),
        Target::Task => d.tasks.push(s.to_string()),
        Target::Field(Cue::Salary | Cue::Hours | Cue::Shifts) => work::hours(d, s),
        Target::Field(Cue::Conditions) => d
            .conditions
            .push(work::strip_lead(s, &["In this job, ", "In this job "])),
        Target::Field(Cue::Location) => work::locations(d, s),
        Target::Field(Cue::Travel) if d.travel.is_none() => d.travel = Some(s.to_string()),
        Target::Field(Cue::Travel) => d.conditions.push(s.to_string()),
        Target::Field(Cue::Route(r)) => d.route(r).description.push(s.to_string()),
        Target::Field(Cue::Restriction) => d.restrictions.push(s.to_string()),
        Target::Field(Cue::Skill) => d.skills.push(skill_of(s)),
        Target::Field(Cue::Training) => training(d, s),
        Target::Field(Cue::CareerPath) => d.career_path.push(s.to_string()),
        Target::Field(Cue::CareerTip) => d.career_tips.push(s.to_string()),
        Target::Field(Cue::Employers) => work::employers(d, s, heading),
        Target::Field(Cue::Advertised) => work::advertised(d, s, heading),
        Target::Field(Cue::Further) => d.further_text.push(s.to_string()),
        Target::Unsorted => d.unsorted(heading, s),
    }
}

/// A skill from a sentence: "You'll also need good communication skills."
/// → "good communication skills".
pub fn skill_of(s: &str) -> String {
    let lower = s.to_lowercase();
    for lead in [
        "you'll also need ",
        "you will also need ",
        "you'll need ",
        "you will need ",
        "you'd need ",
        "you need ",
        "you would need ",
    ] {
        if let Some(i) = lower.find(lead) {
            let rest = &s[i + lead.len()..];
            let rest = rest.strip_prefix("to have ").unwrap_or(rest);
            return fragment(rest);
        }
    }
    fragment(s)
}

/// Training: on the job, short courses ("in areas such as …") and notes.
pub fn training(d: &mut Draft, s: &str) {
    let lower = s.to_lowercase();
    let such = lower.find(" such as ").filter(|_| {
        [
            "course",
            "qualification",
            "training",
            "train in",
            "specialis",
        ]
        .iter()
        .any(|w| lower.contains(w))
    });
    // "…take short courses, run by your employer or external
    // organisations, in a, b and c." (careerpress's own lead-in).
    let courses_in = lower
        .find("short courses")
        .and_then(|c| lower[c..].rfind(", in ").map(|i| c + i));
    if let (None, Some(at)) = (such, courses_in) {
        d.short_courses
            .extend(prose_list(s[at + ", in ".len()..].trim_end_matches('.')));
        return;
    }
    if let Some(at) = such {
        let list_at = lower[..at]
            .rfind(" in areas")
            .or_else(|| lower[..at].rfind(" in subjects"))
            .or_else(|| lower[..at].rfind(" in a specialist area"))
            .unwrap_or(at);
        d.short_courses
            .extend(prose_list(&s[at + " such as ".len()..]));
        d.training_notes
            .push(format!("{}.", s[..list_at].trim_end_matches(',')));
    } else if d.on_the_job.is_none()
        && (lower.contains("on the job") || lower.contains("induction"))
    {
        d.on_the_job = Some(s.to_string());
    } else {
        d.training_notes.push(s.to_string());
    }
}
