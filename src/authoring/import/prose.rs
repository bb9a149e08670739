//! Placing a paragraph or a section sentence by sentence, each where its
//! words say (`target::choose`), consecutive sentences for the same field
//! kept one paragraph, and a list with its lead-in read as one sentence.

use super::cues::Cue;
use super::draft::Draft;
use super::page::{parts, Part, Section};
use super::put::put;
use super::target::Target;
use super::text::{fragment, sentences, upper_first, words};

/// Places a paragraph sentence by sentence; consecutive sentences going to
/// the same field stay one paragraph.
pub fn prose(d: &mut Draft, text: &str, heading: Option<&str>, pick: impl Fn(&str) -> Target) {
    let mut run: Option<(Target, Vec<String>)> = None;
    let own = pick("");
    for s in sentences(text).iter().flat_map(|s| clauses(s)) {
        let mut t = pick(&s);
        // A quick fact ("Workforce Size: 16700") no cue places is for a
        // person to sort, never a duty or the summary.
        if t == own && figure_pair(&s) {
            t = Target::Unsorted;
        }
        // "However, you may need to work outside these hours": a sentence
        // that goes on from the one before is about the same thing.
        let goes_on = [
            "However",
            "But ",
            "This ",
            "These ",
            "That ",
            "It ",
            "Although",
            "Sometimes",
            "Occasionally",
        ]
        .iter()
        .any(|w| s.starts_with(w));
        if t == own && goes_on {
            if let Some((prev, _)) = &run {
                t = *prev;
            }
        }
        match &mut run {
            Some((rt, v)) if *rt == t && t.joins() => v.push(s),
            _ => {
                if let Some((rt, v)) = run.take() {
                    put(d, rt, &v.join(" "), heading);
                }
                run = Some((t, vec![s]));
            }
        }
    }
    if let Some((rt, v)) = run {
        put(d, rt, &v.join(" "), heading);
    }
}

/// A label and a figure: "Employed: 43,000", "Future Growth: 28.7%".
pub fn figure_pair(s: &str) -> bool {
    s.split_once(": ").is_some_and(|(label, value)| {
        label.split_whitespace().count() <= 6
            && value.chars().any(|c| c.is_ascii_digit())
            && value.split_whitespace().count() <= 6
    })
}

/// A sentence of two clauses that each say "you …" ("You will need to be
/// patient, and you will need a full driving licence.") as two sentences.
fn clauses(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    for sep in [
        ", and you'll ",
        ", and you will ",
        ", and you'd ",
        ", and you would ",
        ", and you may ",
        ", and you must ",
    ] {
        if let Some(i) = lower.find(sep) {
            let first = format!("{}.", s[..i].trim_end_matches(','));
            let second = upper_first(s[i + ", and ".len()..].trim());
            if words(&first).len() >= 4 && words(&second).len() >= 4 {
                return vec![first, second];
            }
        }
    }
    vec![s.to_string()]
}

/// A list with its lead-in as one sentence: "Paramedics use equipment such
/// as: a; b" → "Paramedics use equipment such as a, b and c."
pub fn list_sentence(intro: &str, items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| fragment(i)).collect();
    let list = match items.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    format!("{} {list}.", intro.trim().trim_end_matches(':').trim_end())
}

/// Places every paragraph and list item of a section by `pick`.
pub fn each_sentence(d: &mut Draft, sec: &Section, pick: impl Fn(&str) -> Target) {
    let h = sec.heading.as_deref();
    for part in parts(&sec.blocks) {
        match part {
            Part::Led(led) => {
                let (intro, items) = led.after(|b| prose(d, b, h, &pick));
                // The list takes its field from its lead-in.
                let t = pick(&intro);
                // A list of tasks keeps its items whatever its lead-in says.
                let tasks = items.iter().filter(|i| super::target::task_like(i)).count();
                let whole = matches!(
                    t,
                    Target::Unsorted | Target::Field(Cue::Training | Cue::CareerTip)
                ) && !(t == Target::Unsorted && tasks * 2 >= items.len());
                if whole {
                    put(d, t, &list_sentence(&intro, items), h);
                } else {
                    for it in items {
                        put(d, pick(it), it, h);
                    }
                }
            }
            Part::Para(p) => prose(d, &p, h, &pick),
            Part::List(items) => {
                for it in items {
                    put(d, pick(it), it, h);
                }
            }
        }
    }
}
