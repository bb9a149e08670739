//! Lines by their form, before the page is read: widgets that show a value
//! above its label ("£24,440" then "Average Salary") turned round into
//! `Label: value`; a list written on one line with "•" between its items
//! split into items; separator lines ("-", "|") left out.

use super::furniture::Line;

/// Words of the labels that quick-facts widgets put under a figure.
const LABEL_WORDS: [&str; 24] = [
    "salary",
    "pay",
    "earnings",
    "income",
    "wage",
    "hours",
    "week",
    "growth",
    "employed",
    "employment",
    "share",
    "age",
    "workforce",
    "size",
    "prospects",
    "replacement",
    "outlook",
    "rate",
    "jobs",
    "workers",
    "median",
    "average",
    "typical",
    "full-time",
];

fn words(t: &str) -> usize {
    t.split_whitespace().count()
}

/// A figure shown on its own: "£24,440", "40", "28.7%", "$1,701", "35 – 40".
fn value_like(t: &str) -> bool {
    let t = t.trim();
    words(t) <= 4
        && t.chars().any(|c| c.is_ascii_digit())
        && !t.ends_with(['.', ':'])
        && t.chars()
            .all(|c| c.is_ascii_digit() || " ,.%£$€k+–-—".contains(c) || c.is_alphabetic())
        && t.chars().filter(|c| c.is_alphabetic()).count() <= 3
}

/// A label under a figure: short, no figure of its own, a label's words.
fn label_like(t: &str) -> bool {
    let l = t.trim().to_lowercase();
    (1..=7).contains(&words(&l))
        && !l.contains(['£', '$', '€', ':'])
        && !l.ends_with('.')
        && LABEL_WORDS.iter().any(|w| {
            l.split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|x| x == *w)
        })
}

/// Lines of a page with widgets turned round and inline lists split.
pub fn by_form(lines: Vec<Line>) -> Vec<Line> {
    let mut split: Vec<Line> = Vec::new();
    for l in lines {
        if !l.text.chars().any(char::is_alphanumeric) {
            continue;
        }
        let parts: Vec<&str> = l.text.split(" • ").collect();
        if parts.len() >= 3 {
            let lead = parts[0].trim().trim_start_matches("• ").trim();
            if !lead.is_empty() {
                split.push(Line {
                    text: lead.to_string(),
                    ..l.clone()
                });
            }
            for p in &parts[1..] {
                split.push(Line {
                    text: p.trim().to_string(),
                    item: true,
                    blank_before: false,
                });
            }
        } else {
            split.push(l);
        }
    }
    let mut out: Vec<Line> = Vec::new();
    let mut i = 0;
    while i < split.len() {
        let l = &split[i];
        if let Some(next) = split.get(i + 1) {
            if !l.item && !next.item && value_like(&l.text) && label_like(&next.text) {
                out.push(Line {
                    text: format!("{}: {}", next.text.trim(), l.text.trim()),
                    item: false,
                    blank_before: true,
                });
                i += 2;
                continue;
            }
        }
        out.push(l.clone());
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(t: &str) -> Line {
        Line {
            text: t.into(),
            item: false,
            blank_before: true,
        }
    }

    #[test]
    fn widgets_turned_round_and_inline_lists_split() {
        let got = by_form(
            [
                "£17,680",
                "Average salary at age 20",
                "40",
                "Average hours per week",
                "-",
                "Description",
                "Tasks include: • Lift patients. • Move beds. • Deliver post.",
            ]
            .into_iter()
            .map(line)
            .collect(),
        );
        let texts: Vec<(&str, bool)> = got.iter().map(|l| (l.text.as_str(), l.item)).collect();
        assert_eq!(
            texts,
            [
                ("Average salary at age 20: £17,680", false),
                ("Average hours per week: 40", false),
                ("Description", false),
                ("Tasks include:", false),
                ("Lift patients.", true),
                ("Move beds.", true),
                ("Deliver post.", true),
            ]
        );
        // A figure in a sentence, or a heading after a figure, stays.
        let got = by_form(vec![line("37.5"), line("Skills")]);
        assert_eq!(got.len(), 2);
    }
}
