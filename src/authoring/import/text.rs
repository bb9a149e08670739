//! The small text tools the importer uses: cleaning lines, bullets,
//! sentences, lists in prose, cases, loose comparison, postcodes.

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
            '\u{a0}' | '\t' | '\u{2002}' | '\u{2003}' | '\u{2009}' | '\u{202f}' => ' ',
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{200b}' | '\u{feff}' | '\u{ad}' => '\u{0}',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let s: String = s.chars().filter(|c| *c != '\u{0}').collect();
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

/// The text of a bullet line, if it is one: `- `, `• `, `* ` and the like.
pub fn bullet(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for mark in [
        "- ", "• ", "* ", "· ", "– ", "▪ ", "◦ ", "○ ", "● ", "‣ ", "■ ", "→ ",
    ] {
        if let Some(rest) = t.strip_prefix(mark) {
            return Some(rest.trim());
        }
    }
    None
}

/// A numbered line: "1. Entry requirements", "2) a degree".
pub fn numbered(line: &str) -> Option<(u32, &str)> {
    let t = line.trim_start();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let rest = &t[digits.len()..];
    let rest = rest
        .strip_prefix(". ")
        .or_else(|| rest.strip_prefix(") "))?;
    let n = digits.parse().ok()?;
    (!rest.trim().is_empty()).then(|| (n, rest.trim()))
}

/// Whether a line ends a sentence (so the next line is a new paragraph).
pub fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '\'', ')', '”'])
        .ends_with(['.', '!', '?', ':', ';'])
}

/// Text compared loosely: letters and digits only, lower case.
pub fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words of a text, lower case, letters and digits only.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `text` contains `word` as a whole word (case-insensitive).
pub fn has_word(text: &str, word: &str) -> bool {
    let lower = text.to_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(word) {
        let at = from + i;
        let before = lower[..at].chars().next_back();
        let after = lower[at + word.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = at + word.len().max(1);
    }
    false
}

/// Whether a line reads as a title or heading: short, capitalised, no
/// sentence punctuation, no figures.
pub fn title_like(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    (1..=8).contains(&words)
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !t.ends_with(['.', ',', ';', '!', ':'])
        && !t.contains(['£', '@', '|', '%'])
        && !t.chars().any(|c| c.is_ascii_digit())
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
    let listed = !parts.is_empty() && parts.len() >= 2;
    if let Some(last) = parts.pop() {
        let last = last
            .strip_prefix("and ")
            .or_else(|| last.strip_prefix("or "))
            .unwrap_or(&last)
            .to_string();
        // "a, b and c" is a list; "an NHS or private hospital" is one place,
        // "a hospital or the community" two.
        let split = split_last_conjunction(&last).filter(|(_, b)| {
            let first = b.split_whitespace().next().unwrap_or("").to_lowercase();
            listed
                || [
                    "in", "at", "on", "for", "with", "from", "a", "an", "the", "some", "other",
                    "their", "your", "local", "as",
                ]
                .contains(&first.as_str())
        });
        match split {
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
    fn postcodes_bullets_and_numbers() {
        assert_eq!(
            split_postcode("Uxbridge UB8 1LH"),
            (Some("Uxbridge".into()), Some("UB8 1LH".into()))
        );
        assert_eq!(
            split_postcode("PO Box 376"),
            (Some("PO Box 376".into()), None)
        );
        assert_eq!(bullet("  • Giving advice."), Some("Giving advice."));
        assert_eq!(bullet("-5 degrees"), None);
        assert_eq!(
            numbered("1. Entry requirements"),
            Some((1, "Entry requirements"))
        );
        assert_eq!(numbered("2) a degree"), Some((2, "a degree")));
        assert_eq!(numbered("2024. A year"), None);
        assert!(has_word("An apprenticeship.", "apprenticeship"));
        assert!(!has_word("apprenticeships", "apprenticeship"));
        assert_eq!(
            clean("It\u{2019}s\u{a0}\u{a0}a  test\u{200b} "),
            "It's a test"
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
