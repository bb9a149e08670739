//! The work and where it is, one sentence at a time: salaries and hours
//! as numbers, the working pattern, places as a list completing "You
//! could work …", employers and where vacancies are advertised. The
//! salary and shifts sections are read in `fields`.

use super::cues;
use super::draft::Draft;
use super::numbers::{self, hours_pattern, hours_per_week};
use super::text::{prose_list, sentences, upper_first, words};

/// A sentence without a lead-in such as "However, ", capitalised again.
pub fn strip_lead(s: &str, leads: &[&str]) -> String {
    for l in leads {
        if let Some(rest) = s.strip_prefix(l) {
            return upper_first(rest);
        }
    }
    s.to_string()
}

/// Reads salary figures; `false` when there were none to place.
pub fn salary(d: &mut Draft, s: &str) -> bool {
    numbers::read_salary(s, &mut d.pay)
}

/// Pay in another currency: a salary note whose "who" says, as a TODO,
/// that it must be converted (the profile's figures are pounds), so the
/// draft cannot be published with it as it is.
pub fn foreign_pay(d: &mut Draft, s: &str) {
    let figures = numbers::foreign_figures(s);
    let Some((value, _)) = figures.first() else {
        d.unsorted(None, s);
        return;
    };
    let text = s.trim().trim_end_matches('.');
    d.pay.notes.push((
        format!("TODO: not in pounds; convert or delete: {text}"),
        None,
        Some(*value),
    ));
}

/// Words that say nothing beyond the hours and pattern themselves.
const FILLER: [&str; 40] = [
    "you",
    "you'll",
    "you'd",
    "would",
    "will",
    "usually",
    "normally",
    "typically",
    "generally",
    "work",
    "working",
    "around",
    "about",
    "approximately",
    "hours",
    "hour",
    "a",
    "week",
    "per",
    "between",
    "and",
    "to",
    "the",
    "on",
    "in",
    "of",
    "is",
    "are",
    "can",
    "may",
    "be",
    "full-time",
    "most",
    "this",
    "job",
    "cover",
    "is",
    "an",
    "usual",
    "up",
];

/// An hours sentence: hours a week and the pattern as values, the rest as
/// a variation.
pub fn hours(d: &mut Draft, text: &str) {
    for s in sentences(text) {
        let work = cues::hours(&s);
        let h = hours_per_week(&s).filter(|_| work);
        let p = hours_pattern(&s).filter(|_| work);
        if let Some(h) = h {
            match d.hours_per_week {
                None => d.hours_per_week = Some(h),
                Some(old) if old != h => {
                    d.variations.push(s.clone());
                    continue;
                }
                _ => {}
            }
        }
        if let Some(p) = &p {
            if d.pattern.is_none() {
                d.pattern = Some(p.clone());
            }
        }
        let rest = match &p {
            Some(p) => s.replace(p.as_str(), ""),
            None => s.clone(),
        };
        let significant = words(&rest)
            .into_iter()
            .filter(|w| !FILLER.contains(&w.as_str()) && !w.chars().any(|c| c.is_ascii_digit()))
            .count();
        if (h.is_none() && p.is_none()) || significant >= 3 {
            d.variations.push(strip_lead(&s, &["However, ", "But "]));
        }
    }
}

/// Strips "in " from the front of each item of a list in prose.
fn items_after(text: &str) -> Vec<String> {
    prose_list(text)
        .into_iter()
        .map(|p| {
            p.strip_prefix("in ")
                .or_else(|| p.strip_prefix("on "))
                .or_else(|| p.strip_prefix("with "))
                .or_else(|| p.strip_prefix("at "))
                .unwrap_or(&p)
                .trim()
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Cuts a list in prose where the sentence moves on (", which", ",
/// helping", " so ").
fn cut_list(text: &str) -> (&str, &str) {
    let lower = text.to_lowercase();
    let mut cut = text.len();
    for stop in [
        ", which",
        ", where",
        ", so ",
        " so you",
        ", but",
        ", although",
        ", especially",
        " throughout the uk",
        " across the uk",
        " in the uk",
        " and may ",
        " and will ",
        " and can ",
        " and you",
        " and might ",
    ] {
        if let Some(i) = lower.find(stop) {
            cut = cut.min(i);
        }
    }
    // ", helping nurses": a comma and a word in -ing.
    for (i, _) in lower.match_indices(", ") {
        let next = lower[i + 2..].split_whitespace().next().unwrap_or("");
        if next.ends_with("ing") && next.len() > 4 && i < cut {
            cut = i;
        }
    }
    (&text[..cut], &text[cut..])
}

/// Places from a sentence: "You could work in an NHS or private hospital"
/// → "in an NHS or private hospital"; each item completes "You could
/// work …".
pub fn locations(d: &mut Draft, s: &str) {
    let lower = s.to_lowercase();
    let at = [
        " work in ",
        " work at ",
        " work on ",
        " work for ",
        " based in ",
        " based at ",
        " work from ",
    ]
    .iter()
    .filter_map(|m| lower.find(m).map(|i| i + m[1..].find(' ').unwrap_or(0) + 2))
    .min();
    let Some(at) = at else {
        d.conditions.push(s.to_string());
        return;
    };
    let body = s[at..].trim().trim_end_matches(['.', ';']);
    let (list, rest) = cut_list(body);
    let mut prep = "in";
    for p in prose_list(list) {
        let first = p.split_whitespace().next().unwrap_or("").to_lowercase();
        let item = if [
            "in", "at", "on", "for", "from", "with", "as", "inside", "outside",
        ]
        .contains(&first.as_str())
        {
            prep = [
                "in", "at", "on", "for", "from", "with", "as", "inside", "outside",
            ]
            .into_iter()
            .find(|w| *w == first)
            .unwrap_or("in");
            p.clone()
        } else {
            format!("{prep} {p}")
        };
        d.locations.push(item);
    }
    // "…, advising doctors on medicines": the sentence goes on with what
    // you do; "…, which is clean and well lit": with what the place is like.
    if words(rest).len() >= 3 {
        let gerund = rest
            .trim_start_matches([',', ' '])
            .split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with("ing"));
        if gerund {
            d.duty_notes.push(s.to_string());
        } else {
            d.conditions.push(s.to_string());
        }
    }
}

/// Employers from a sentence ("Most jobs are with hospitals, …"), and
/// from each clause that goes on ("…, but there are also opportunities
/// with private companies").
pub fn employers(d: &mut Draft, s: &str, heading: Option<&str>) {
    let markers = [
        " within ",
        " employed by ",
        " work for ",
        " jobs are with ",
        " are with ",
        " opportunities in ",
        " opportunities with ",
        " throughout the uk in ",
        " across the uk in ",
        " jobs in ",
        " jobs are in ",
        " work in ",
        " employers include ",
    ];
    let mut rest = s;
    let mut found = false;
    while let Some(i) = {
        let lower = rest.to_lowercase();
        markers
            .iter()
            .filter_map(|m| lower.find(m).map(|i| i + m.len()))
            .min()
    } {
        let (list, after) = cut_list(&rest[i..]);
        d.employers.extend(items_after(list));
        found = true;
        rest = after;
    }
    if !found {
        d.unsorted(heading, s);
    }
}

/// Where vacancies are advertised ("advertised in local newspapers, …").
pub fn advertised(d: &mut Draft, s: &str, heading: Option<&str>) {
    let lower = s.to_lowercase();
    let markers = [
        " advertised through ",
        " advertised in ",
        " advertised on ",
        " advertised by ",
        " advertised at ",
    ];
    match markers
        .iter()
        .filter_map(|m| lower.find(m).map(|i| i + m.len()))
        .min()
    {
        Some(i) => d.advertised.extend(items_after(&s[i..])),
        None if lower.contains("nhs jobs") => d.advertised.push(s.to_string()),
        None => d.unsorted(heading, s),
    }
}
