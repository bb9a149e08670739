//! Numbers in careers text: salaries ("£23,000 Starter", "Starter: £15,250
//! to £16,750", "can earn between £13,300 to £16,300", "up to around
//! £27,500"), hours ("37 to 40 a week", "37.5 hours a week") and working
//! patterns ("9am to 5pm, Monday to Friday").

use super::text::{has_word, upper_first};

/// Whole pounds in a figure such as "£18,200" or "£27.5k".
pub fn pounds(s: &str) -> Option<u32> {
    let s = s.trim().trim_start_matches('£');
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    let digits: String = s[..end].chars().filter(|c| *c != ',').collect();
    let value: f64 = digits.trim_end_matches('.').parse().ok()?;
    let rest = &s[end..];
    let value = if rest.starts_with(['k', 'K']) {
        value * 1000.0
    } else {
        value
    };
    (0.0..10_000_000.0)
        .contains(&value)
        .then_some(value.round() as u32)
}

/// What a figure is paid for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    Year,
    /// An hourly, daily, weekly or monthly rate: not a yearly salary.
    Other,
}

/// A "£…" figure in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    /// Byte offsets of the figure ("£" to its last digit or "k").
    pub at: usize,
    pub end: usize,
    pub value: u32,
    pub per: Per,
}

/// Every "£…" figure in a text.
pub fn figures(text: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('£') {
        let Some(value) = pounds(&text[i..]) else {
            continue;
        };
        let body = &text[i + '£'.len_utf8()..];
        let mut len = body
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
            .map(|(j, _)| j)
            .unwrap_or(body.len());
        if body[len..].starts_with(['k', 'K']) {
            len += 1;
        }
        let end = i + '£'.len_utf8() + len;
        let after: String = text[end..]
            .chars()
            .take(16)
            .collect::<String>()
            .to_lowercase();
        let per = if [
            "an hour",
            "per hour",
            "a day",
            "per day",
            "a week",
            "per week",
            "a month",
            "per month",
            "ph ",
            "p/h",
        ]
        .iter()
        .any(|u| after.trim_start().starts_with(u))
        {
            Per::Other
        } else {
            Per::Year
        };
        out.push(Figure {
            at: i,
            end,
            value,
            per,
        });
    }
    out
}

/// A figure in another currency than pounds: "$81,220", "US$1,250",
/// "€30,000", "A$1,701". Its value and the text of the figure.
pub fn foreign_figures(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if c != '$' && c != '€' {
            continue;
        }
        let rest = &text[i + c.len_utf8()..];
        if !rest.starts_with(|d: char| d.is_ascii_digit()) {
            continue;
        }
        let end = rest
            .char_indices()
            .find(|(_, d)| !(d.is_ascii_digit() || *d == ',' || *d == '.'))
            .map(|(j, _)| j)
            .unwrap_or(rest.len());
        let digits: String = rest[..end].chars().filter(|d| *d != ',').collect();
        let Ok(v) = digits.trim_end_matches('.').parse::<f64>() else {
            continue;
        };
        let k = rest[end..].starts_with(['k', 'K']);
        let v = if k { v * 1000.0 } else { v };
        if (1.0..10_000_000.0).contains(&v) {
            out.push((v.round() as u32, format!("{c}{}", &rest[..end])));
        }
    }
    out
}

/// Salary figures read from a page: starter and experienced with how sure
/// the reading is (2 labelled, 1 a range in prose, 0 a page header's
/// average), figures for others, and a lone figure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pay {
    pub starter: Option<(u32, u8)>,
    pub experienced: Option<(u32, u8)>,
    /// (who, up_to, around)
    pub notes: Vec<(String, Option<u32>, Option<u32>)>,
    /// A figure for the job with no level ("Paramedics earn around £30,000").
    pub single: Option<u32>,
}

impl Pay {
    pub fn is_empty(&self) -> bool {
        *self == Pay::default()
    }

    fn set(slot: &mut Option<(u32, u8)>, value: u32, sure: u8) {
        if slot.is_none_or(|(_, s)| sure > s) {
            *slot = Some((value, sure));
        }
    }
}

/// Words that make a figure a starter's.
const STARTER: [&str; 11] = [
    "at age",
    "starter",
    "starting",
    "start",
    "starts",
    "entry-level",
    "entry level",
    "newly qualified",
    "newly-qualified",
    "new entrants",
    "trainee",
];
/// Words that make a figure someone else's: a note with who earns it.
const OTHERS: [&str; 14] = [
    "highly experienced",
    "senior",
    "specialist",
    "manager",
    "team leader",
    "head",
    "advanced",
    "consultant",
    "lead",
    "chief",
    "principal",
    "supervisor",
    "director",
    "extended",
];

fn any_word(text: &str, list: &[&str]) -> bool {
    list.iter()
        .any(|w| has_word(text, w) || (w.ends_with('r') && has_word(text, &format!("{w}s"))))
}

/// Splits a sentence into clauses that each carry their own figures:
/// "Senior technicians can earn around £27,000, and managers may earn up
/// to £35,000." is two.
fn clauses(s: &str) -> Vec<String> {
    let mut parts: Vec<String> = vec![s.to_string()];
    for sep in ["; ", ", and ", ", while ", ". "] {
        let mut next = Vec::new();
        for p in parts {
            let pieces: Vec<&str> = p.split(sep).collect();
            let mut cur = String::new();
            for (i, piece) in pieces.iter().enumerate() {
                if i > 0 && !cur.contains('£') {
                    cur.push_str(sep);
                    cur.push_str(piece);
                    continue;
                }
                if i > 0 && piece.contains('£') && earns(piece) {
                    next.push(std::mem::take(&mut cur));
                    cur.push_str(piece);
                } else {
                    if i > 0 {
                        cur.push_str(sep);
                    }
                    cur.push_str(piece);
                }
            }
            next.push(cur);
        }
        parts = next;
    }
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

/// Whether a clause says who earns: "managers may earn up to £35,000".
fn earns(s: &str) -> bool {
    let l = s.to_lowercase();
    ["earn", "paid", "salar", "start on", "start at"]
        .iter()
        .any(|w| l.contains(w))
}

/// Who a clause's figure is for: the words before "can earn", "may earn",
/// "earn", or before a "Label:".
fn who(clause: &str, first_figure: usize) -> Option<String> {
    let before = &clause[..first_figure];
    let lower = before.to_lowercase();
    let cut = [
        " can earn",
        " may earn",
        " could earn",
        " might earn",
        " will earn",
        " earn",
        " are paid",
        " is paid",
        " can be paid",
    ]
    .iter()
    .filter_map(|w| lower.find(w))
    .min()
    .or_else(|| before.find(':'))?;
    let w = before[..cut].trim().trim_end_matches(',');
    let w = w
        .strip_prefix("With experience, ")
        .or_else(|| w.strip_prefix("With experience "))
        .unwrap_or(w);
    // A label ("Highly Experienced") in sentence case; a phrase as written.
    let w = w.trim();
    (!w.is_empty()).then(|| {
        if w.split_whitespace().count() <= 3 {
            super::text::sentence_case(w)
        } else {
            upper_first(w)
        }
    })
}

/// Removes the alt text of an icon before a figure ("Salary, a pound sign
/// Salary: …", "Hours, a clock face Hours: …").
pub fn strip_icon_text(s: &str) -> String {
    let mut s = s.to_string();
    for (alt, _) in [(", a pound sign", ()), (", a clock face", ())] {
        if let Some(i) = s.find(alt) {
            // "Salary, a pound sign Salary: …" → "Salary: …"
            let head = s[..i].trim().to_string();
            let rest = s[i + alt.len()..].trim().to_string();
            s = if rest.starts_with(&head) {
                rest
            } else {
                format!("{head} {rest}")
            };
        }
    }
    s
}

/// Reads the yearly salary figures of one statement into `pay`. `false`
/// when it holds none it could place (the caller keeps the text).
pub fn read_salary(statement: &str, pay: &mut Pay) -> bool {
    let statement = strip_icon_text(statement);
    let mut placed = false;
    for clause in clauses(&statement) {
        placed |= read_clause(&clause, pay);
    }
    placed
}

fn read_clause(clause: &str, pay: &mut Pay) -> bool {
    let figs: Vec<Figure> = figures(clause)
        .into_iter()
        .filter(|f| f.per == Per::Year && f.value >= 1000)
        .collect();
    if figs.is_empty() {
        return false;
    }
    // NCS: "£22,383 Starter £25,000 Experienced": the label follows.
    let after_label = |f: &Figure| {
        let rest = clause[f.end..].trim_start().to_lowercase();
        if rest.starts_with("starter") || rest.starts_with("entry") {
            Some(true)
        } else if rest.starts_with("experienced") {
            Some(false)
        } else {
            None
        }
    };
    if figs.iter().all(|f| after_label(f).is_some()) {
        for f in &figs {
            match after_label(f) {
                Some(true) => Pay::set(&mut pay.starter, f.value, 2),
                _ => Pay::set(&mut pay.experienced, f.value, 2),
            }
        }
        return true;
    }
    let lower = clause.to_lowercase();
    let first = figs[0];
    let range = figs.get(1).filter(|second| {
        let between = lower[first.end..second.at].trim();
        ["to", "and", "-", "–", "—", "to around", "and around"].contains(&between)
    });
    let (lo, hi) = match range {
        Some(second) => (first.value.min(second.value), first.value.max(second.value)),
        None => (first.value, first.value),
    };
    let before = &lower[..first.at];
    let up_to = before.contains("up to") || before.contains("as much as") || range.is_some();
    let who = who(clause, first.at);
    let label = who.as_deref().unwrap_or("").to_lowercase();
    let context = format!("{label} {before}");
    if any_word(&context, &OTHERS) && !any_word(&label, &STARTER) {
        let who = who.unwrap_or_else(|| upper_first(clause[..first.at].trim()));
        if up_to {
            pay.notes.push((who, Some(hi), None));
        } else {
            pay.notes.push((who, None, Some(lo)));
        }
        return true;
    }
    if any_word(&context, &STARTER) {
        Pay::set(&mut pay.starter, lo, 2);
        if let Some(second) = figs.get(1).filter(|_| range.is_none()) {
            // "Starting at £A, rising to £B with experience."
            if lower[first.end..].contains("experience") {
                Pay::set(&mut pay.experienced, second.value, 2);
            }
        }
        return true;
    }
    if context.contains("experience") {
        Pay::set(&mut pay.experienced, hi, 2);
        return true;
    }
    if range.is_some() {
        let sure = if lower.contains("average") { 0 } else { 1 };
        Pay::set(&mut pay.starter, lo, sure);
        Pay::set(&mut pay.experienced, hi, sure);
        return true;
    }
    if let Some(w) = who.filter(|w| !w.is_empty() && up_to) {
        pay.notes.push((w, Some(hi), None));
        return true;
    }
    if pay.single.is_none() {
        pay.single = Some(lo);
    }
    true
}

/// A time of day such as "9am", "5.30pm" or "17:00".
fn is_time(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']).to_ascii_lowercase();
    let core = w.trim_end_matches("am").trim_end_matches("pm");
    (w.ends_with("am") || w.ends_with("pm") || w.contains(':'))
        && !core.is_empty()
        && core
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ':')
}

const DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn is_day(w: &str) -> bool {
    DAYS.contains(&w.trim_end_matches([',', '.', ';']).to_lowercase().as_str())
}

/// The working pattern in a sentence: "9am to 5pm, Monday to Friday",
/// "between 9am and 5pm", "Monday to Friday".
pub fn hours_pattern(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let joiner = |w: Option<&&str>| w.is_some_and(|w| *w == "to" || *w == "and" || *w == "-");
    let times = (0..words.len()).find(|&i| {
        is_time(words[i])
            && joiner(words.get(i + 1))
            && words.get(i + 2).is_some_and(|w| is_time(w))
    });
    let days_at = |from: usize| {
        (from..words.len()).find(|&i| {
            is_day(words[i])
                && words.get(i + 1) == Some(&"to")
                && words.get(i + 2).is_some_and(|w| is_day(w))
        })
    };
    let pattern = match times {
        Some(start) => {
            let mut end = start + 3;
            let mut start = start;
            if start > 0
                && words[start - 1].eq_ignore_ascii_case("between")
                && words[start + 1] == "and"
            {
                start -= 1;
            }
            if let Some(d) = days_at(end).filter(|d| *d == end) {
                end = d + 3;
            }
            words[start..end].join(" ")
        }
        None => {
            let d = days_at(0)?;
            words[d..d + 3].join(" ")
        }
    };
    Some(pattern.trim_end_matches(['.', ',', ';']).to_string())
}

/// Hours a week: "37 to 40 a week", "37.5 hours a week", "30-40 per
/// week", "between 37 and 40 hours", and a label's value ("Average hours
/// per week: 40", "Hours per week: 35 – 40").
pub fn hours_per_week(sentence: &str) -> Option<(f32, f32)> {
    let lower = sentence.to_lowercase().replace(['–', '—'], "-");
    if let Some((label, value)) = lower.split_once(": ") {
        if label.contains("hour") && label.split_whitespace().count() <= 6 {
            let nums: Vec<f32> = value
                .split(|c: char| !(c.is_ascii_digit() || c == '.'))
                .filter_map(|n| n.trim_end_matches('.').parse().ok())
                .take(2)
                .collect();
            let found = match nums.as_slice() {
                [a] => Some((*a, *a)),
                [a, b] => Some((*a, *b)),
                _ => None,
            };
            if let Some((a, b)) = found.filter(|(a, b)| *a > 0.0 && *b <= 100.0 && a <= b) {
                return Some((a, b));
            }
        }
    }
    let anchors = [
        "hours a week",
        "hours per week",
        "hours each week",
        "hours weekly",
        "hrs a week",
        "hrs per week",
        " a week",
        " per week",
        " hours",
    ];
    let mut best: Option<(f32, f32)> = None;
    let mut best_at = usize::MAX;
    for anchor in anchors {
        let Some(at) = lower.find(anchor) else {
            continue;
        };
        if at >= best_at {
            continue;
        }
        let window_start = lower[..at]
            .char_indices()
            .rev()
            .nth(30)
            .map(|(i, _)| i)
            .unwrap_or(0);
        let window = &lower[window_start..at];
        // A bare " a week" needs a number right before it ("37 to 40 a week").
        let last = window.split_whitespace().last().unwrap_or("");
        if !anchor.contains("hour")
            && !anchor.contains("hrs")
            && !last.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        let tokens: Vec<&str> = window
            .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
            .filter(|t| !t.is_empty())
            .collect();
        let mut nums: Vec<(usize, f32)> = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if t.starts_with('£') {
                continue;
            }
            for part in t.split('-') {
                if let Ok(v) = part.trim_end_matches([',', '.', '+']).parse::<f32>() {
                    nums.push((i, v));
                }
            }
        }
        let found = match nums.as_slice() {
            [.., (ia, a), (ib, b)] if *ib <= ia + 2 => Some((*a, *b)),
            [.., (_, a)] => Some((*a, *a)),
            [] => None,
        };
        if let Some((a, b)) = found.filter(|(a, b)| *a > 0.0 && *b <= 100.0 && a <= b) {
            best = Some((a, b));
            best_at = at;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pay(lines: &[&str]) -> Pay {
        let mut p = Pay::default();
        for l in lines {
            read_salary(l, &mut p);
        }
        p
    }

    #[test]
    fn salaries_in_every_notation() {
        let p = pay(&["£23,000 Starter", "£35,000 Experienced"]);
        assert_eq!(
            (p.starter, p.experienced),
            (Some((23000, 2)), Some((35000, 2)))
        );
        let p = pay(&["£23,000 Starter £35,000 Experienced"]);
        assert_eq!(
            (p.starter, p.experienced),
            (Some((23000, 2)), Some((35000, 2)))
        );
        let p = pay(&["Officers can earn between £13,300 to £16,300 a year."]);
        assert_eq!(
            (p.starter, p.experienced),
            (Some((13300, 1)), Some((16300, 1)))
        );
        let p = pay(&[
            "Starter: £15,250 to £16,750",
            "Experienced: £17,000 to £20,000",
            "Highly Experienced: up to £22,500",
        ]);
        assert_eq!(
            (p.starter, p.experienced),
            (Some((15250, 2)), Some((20000, 2)))
        );
        assert_eq!(
            p.notes,
            [("Highly experienced".to_string(), Some(22500), None)]
        );
        let p = pay(&["Specialists, for example in bereavement, may earn up to around £27,500. Managers can earn around £34,200."]);
        assert_eq!(p.notes.len(), 2);
        assert_eq!(p.notes[1], ("Managers".to_string(), None, Some(34200)));
        let p = pay(&[
            "Senior technicians can earn around £27,000, and managers may earn up to £35,000.",
        ]);
        assert_eq!(p.notes.len(), 2, "{p:?}");
        let p = pay(&["Salary, a pound sign Salary: £17,652 to £21,089 average per year"]);
        assert_eq!(p.starter, Some((17652, 0)));
        let p = pay(&["Apprentices earn £6.40 an hour."]);
        assert!(p.is_empty());
        let p = pay(&[
            "Newly qualified paramedics start on Band 5, at £29,970.",
            "With experience you can move to Band 6, earning between £37,338 and £44,962.",
        ]);
        assert_eq!(
            (p.starter, p.experienced),
            (Some((29970, 2)), Some((44962, 2)))
        );
    }

    #[test]
    fn hours_and_patterns() {
        assert_eq!(hours_per_week("37 to 40 a week"), Some((37.0, 40.0)));
        assert_eq!(
            hours_per_week("Hours: 37 to 39 per week"),
            Some((37.0, 39.0))
        );
        assert_eq!(hours_per_week("30-40 per week"), Some((30.0, 40.0)));
        assert_eq!(
            hours_per_week("You'll work 37.5 hours a week."),
            Some((37.5, 37.5))
        );
        assert_eq!(
            hours_per_week("between 37 and 40 hours a week"),
            Some((37.0, 40.0))
        );
        assert_eq!(
            hours_per_week("work shifts totalling around 37.5 hours a week"),
            Some((37.5, 37.5))
        );
        assert_eq!(hours_per_week("You'll work 5 days a week"), None);
        assert_eq!(
            hours_pattern("You would normally cover 9am to 5pm, Monday to Friday. However"),
            Some("9am to 5pm, Monday to Friday".into())
        );
        assert_eq!(
            hours_pattern("37.5 hours a week, between 9am and 5pm, Monday to Friday"),
            Some("between 9am and 5pm, Monday to Friday".into())
        );
        assert_eq!(
            hours_pattern("You'd work Monday to Friday."),
            Some("Monday to Friday".into())
        );
    }
}
