//! Plain text into blocks and sections, and the small text tools the
//! importer uses (sentences, lists in prose, salaries, hours, contacts).

/// A block of a plain-text page.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph; its lines as they were (contacts need the line breaks).
    Para(Vec<String>),
    /// A bullet list (`- `, `• `, `* `), one item an entry.
    List(Vec<String>),
}

impl Block {
    /// The block as one string: lines joined by spaces, items by new lines.
    pub fn text(&self) -> String {
        match self {
            Block::Para(lines) => join_lines(lines),
            Block::List(items) => items
                .iter()
                .map(|i| format!("- {i}"))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// A heading and what follows it up to the next heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// `None` for what comes before the first heading.
    pub heading: Option<String>,
    pub blocks: Vec<Block>,
}

/// Joins the lines of a paragraph with single spaces.
pub fn join_lines(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Cleans a line: no control characters, non-breaking spaces as spaces,
/// runs of spaces as one, no trailing space.
pub fn clean(line: &str) -> String {
    let s: String = line
        .chars()
        .map(|c| match c {
            '\u{a0}' | '\t' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim_end().chars() {
        if c == ' ' {
            if !space {
                out.push(c);
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// The text of a bullet line, if it is one.
pub fn bullet(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for mark in ["- ", "• ", "* ", "· ", "– ", "▪ ", "◦ "] {
        if let Some(rest) = t.strip_prefix(mark) {
            return Some(rest.trim());
        }
    }
    None
}

/// Splits cleaned lines into blocks. A file with blank lines between
/// paragraphs is read a paragraph at a time (lines joined); a file without
/// any is read a line at a time (each line its own paragraph).
pub fn blocks(lines: &[String]) -> Vec<(Block, bool)> {
    let interior_blank = {
        let first = lines.iter().position(|l| !l.trim().is_empty());
        let last = lines.iter().rposition(|l| !l.trim().is_empty());
        match (first, last) {
            (Some(a), Some(b)) => lines[a..=b].iter().any(|l| l.trim().is_empty()),
            _ => false,
        }
    };
    let mut out: Vec<(Block, bool)> = Vec::new();
    let mut para: Vec<String> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let flush = |para: &mut Vec<String>, list: &mut Vec<String>, out: &mut Vec<(Block, bool)>| {
        if !para.is_empty() {
            out.push((Block::Para(std::mem::take(para)), false));
        }
        if !list.is_empty() {
            out.push((Block::List(std::mem::take(list)), false));
        }
    };
    for line in lines {
        if line.trim().is_empty() {
            flush(&mut para, &mut list, &mut out);
            if let Some(last) = out.last_mut() {
                last.1 = true; // a blank line follows this block
            }
            continue;
        }
        if let Some(item) = bullet(line) {
            if !para.is_empty() {
                flush(&mut para, &mut Vec::new(), &mut out);
            }
            if !item.is_empty() {
                list.push(item.to_string());
            }
            continue;
        }
        if !list.is_empty() {
            flush(&mut Vec::new(), &mut list, &mut out);
        }
        para.push(line.trim().to_string());
        if !interior_blank {
            flush(&mut para, &mut list, &mut out);
        }
    }
    flush(&mut para, &mut list, &mut out);
    out
}

/// Splits text into sentences at `. `, `! ` or `? ` followed by a capital
/// letter or digit, outside brackets.
pub fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    for i in 0..chars.len() {
        match chars[i] {
            '(' => depth += 1,
            ')' => depth -= 1,
            '.' | '!' | '?' if depth <= 0 => {
                let next = chars.get(i + 1);
                let after = chars.get(i + 2);
                if next == Some(&' ')
                    && after.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                {
                    out.push(
                        chars[start..=i]
                            .iter()
                            .collect::<String>()
                            .trim()
                            .to_string(),
                    );
                    start = i + 2;
                }
            }
            _ => {}
        }
    }
    let rest: String = chars[start..].iter().collect();
    if !rest.trim().is_empty() {
        out.push(rest.trim().to_string());
    }
    out
}

/// Splits a list written in prose ("a, b and c", "a or b") at top-level
/// commas and the last " and "/" or " (not inside brackets). Only the last
/// comma-separated part is split at "and"/"or", so "the local and national
/// press, …" stays whole.
pub fn prose_list(text: &str) -> Vec<String> {
    let text = text.trim().trim_end_matches(['.', ';']);
    let mut parts: Vec<String> = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth <= 0 {
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    parts.push(cur);
    let mut parts: Vec<String> = parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if let Some(last) = parts.pop() {
        let last = last
            .strip_prefix("and ")
            .or_else(|| last.strip_prefix("or "))
            .unwrap_or(&last)
            .to_string();
        match split_last_conjunction(&last) {
            Some((a, b)) => {
                parts.push(a);
                parts.push(b);
            }
            None => parts.push(last),
        }
    }
    parts
}

/// "x and y" → ("x", "y") at the last " and " or " or " outside brackets.
fn split_last_conjunction(s: &str) -> Option<(String, String)> {
    let mut depth = 0i32;
    let mut best = None;
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ' ' if depth <= 0 => {
                for word in [" and ", " or "] {
                    if bytes.len() >= i + word.len() && &s[i..i + word.len()] == word {
                        best = Some((i, word.len()));
                    }
                }
            }
            _ => {}
        }
    }
    let (i, n) = best?;
    let (a, b) = (s[..i].trim(), s[i + n..].trim());
    (!a.is_empty() && !b.is_empty()).then(|| (a.to_string(), b.to_string()))
}

/// Lower-cases the first letter unless the first word is an acronym
/// ("IT", "GCSEs", "NHS"): for list items that complete a sentence.
pub fn lower_first(s: &str) -> String {
    let first_word: String = s.chars().take_while(|c| c.is_alphanumeric()).collect();
    let acronym = first_word.chars().filter(|c| c.is_uppercase()).count() > 1
        || first_word.chars().count() == 1 && first_word != "A";
    if acronym {
        return s.to_string();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Upper-cases the first letter.
pub fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// A list item that completes a sentence: first letter lower-cased, no
/// final full stop.
pub fn fragment(s: &str) -> String {
    lower_first(s.trim().trim_end_matches('.'))
}

/// Sentence case for a title: words after the first lower-cased, unless
/// they are acronyms ("PALS", "NHS").
pub fn sentence_case(title: &str) -> String {
    let mut out = Vec::new();
    for (i, w) in title.split_whitespace().enumerate() {
        let caps = w.chars().filter(|c| c.is_uppercase()).count();
        if i == 0 {
            out.push(upper_first(w));
        } else if caps > 1 || w.starts_with('(') {
            out.push(w.to_string());
        } else {
            out.push(w.to_lowercase());
        }
    }
    out.join(" ")
}

/// "a" or "an" before a word (by its first letter; "an hour", "a union"
/// are left for a person).
pub fn article(word: &str) -> &'static str {
    match word.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

/// Whole pounds in a figure such as "£18,200" or "£27.5k".
pub fn pounds(s: &str) -> Option<u32> {
    let s = s.trim().trim_start_matches('£');
    let digits: String = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let rest = &s[s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map(|(i, _)| i)
        .unwrap_or(s.len())..];
    let value: f64 = digits.trim_end_matches('.').parse().ok()?;
    let value = if rest.starts_with('k') || rest.starts_with('K') {
        value * 1000.0
    } else {
        value
    };
    (0.0..10_000_000.0)
        .contains(&value)
        .then_some(value.round() as u32)
}

/// Every "£…" figure in a text, with its byte position.
pub fn figures(text: &str) -> Vec<(usize, u32)> {
    text.match_indices('£')
        .filter_map(|(i, _)| pounds(&text[i..]).map(|v| (i, v)))
        .collect()
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

/// The working pattern in a sentence: "9am to 5pm, Monday to Friday".
pub fn hours_pattern(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let start = (0..words.len()).find(|&i| {
        is_time(words[i])
            && words.get(i + 1) == Some(&"to")
            && words.get(i + 2).is_some_and(|w| is_time(w))
    })?;
    let mut end = start + 3;
    let day = |w: &str| DAYS.contains(&w.trim_end_matches([',', '.']).to_lowercase().as_str());
    if words.get(end).is_some_and(|w| day(w))
        && words.get(end + 1) == Some(&"to")
        && words.get(end + 2).is_some_and(|w| day(w))
    {
        end += 3;
    }
    let pattern = words[start..end].join(" ");
    Some(pattern.trim_end_matches(['.', ',']).to_string())
}

/// Hours a week: "37.5 hours a week", "between 37 and 40 hours a week".
pub fn hours_per_week(sentence: &str) -> Option<(f32, f32)> {
    let lower = sentence.to_lowercase();
    let at = lower
        .find("hours a week")
        .or_else(|| lower.find("hours per week"))?;
    let before: Vec<f32> = lower[..at]
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter_map(|w| w.trim_end_matches('.').parse::<f32>().ok())
        .collect();
    match before.as_slice() {
        [.., a, b] if lower[..at].contains(" and ") || lower[..at].contains(" to ") => {
            Some((*a, *b))
        }
        [.., a] => Some((*a, *a)),
        [] => None,
    }
}

/// A UK postcode at the end of a line, split off: "Uxbridge UB8 1LH" →
/// ("Uxbridge", "UB8 1LH").
pub fn split_postcode(line: &str) -> (Option<String>, Option<String>) {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() >= 2 {
        let (a, b) = (words[words.len() - 2], words[words.len() - 1]);
        let outward = a.len() >= 2
            && a.len() <= 4
            && a.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && a.chars().any(|c| c.is_ascii_digit())
            && a.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let inward = b.len() == 3
            && b.chars().next().is_some_and(|c| c.is_ascii_digit())
            && b.chars().skip(1).all(|c| c.is_ascii_uppercase());
        if outward && inward {
            let rest = words[..words.len() - 2].join(" ");
            return ((!rest.is_empty()).then_some(rest), Some(format!("{a} {b}")));
        }
    }
    (Some(line.to_string()), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_in_prose() {
        assert_eq!(
            prose_list("the local and national press, Jobcentre Plus offices, the NHS Jobs website and on Directgov (Jobseekers page)."),
            ["the local and national press", "Jobcentre Plus offices", "the NHS Jobs website", "on Directgov (Jobseekers page)"]
        );
        assert_eq!(
            prose_list("equality and diversity, managing difficult situations, and bereavement."),
            [
                "equality and diversity",
                "managing difficult situations",
                "bereavement"
            ]
        );
        assert_eq!(
            prose_list("a hospital or the community (as part of a local Primary Care Trust (PCT))"),
            [
                "a hospital",
                "the community (as part of a local Primary Care Trust (PCT))"
            ]
        );
    }

    #[test]
    fn numbers_and_times() {
        assert_eq!(pounds("£18,200 and"), Some(18200));
        assert_eq!(pounds("£27.5k"), Some(27500));
        assert_eq!(
            hours_pattern("You would normally cover 9am to 5pm, Monday to Friday. However"),
            Some("9am to 5pm, Monday to Friday".into())
        );
        assert_eq!(
            hours_per_week("You'll work 37.5 hours a week."),
            Some((37.5, 37.5))
        );
        assert_eq!(
            hours_per_week("between 37 and 40 hours a week"),
            Some((37.0, 40.0))
        );
        assert_eq!(
            split_postcode("Uxbridge UB8 1LH"),
            (Some("Uxbridge".into()), Some("UB8 1LH".into()))
        );
        assert_eq!(
            split_postcode("PO Box 376"),
            (Some("PO Box 376".into()), None)
        );
    }

    #[test]
    fn cases() {
        assert_eq!(
            sentence_case("Patient Advice and Liaison Service Officer"),
            "Patient advice and liaison service officer"
        );
        assert_eq!(
            fragment("Good IT and keyboard skills."),
            "good IT and keyboard skills"
        );
        assert_eq!(fragment("IT skills."), "IT skills");
        assert_eq!(
            fragment("A non-judgemental approach."),
            "a non-judgemental approach"
        );
        assert_eq!(
            sentences("One. Two (a. B) three. 4 four"),
            ["One.", "Two (a. B) three.", "4 four"]
        );
    }
}
