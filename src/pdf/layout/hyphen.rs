//! Where a word may be hyphenated: Liang's algorithm (the one TeX uses)
//! over the hyph-utf8 patterns for British English and Welsh, kept
//! unmodified in `patterns/` with their licences (both MIT).
//!
//! Why not a crate: `hypher` (typst's, maintained) has neither British
//! English nor Welsh patterns, and `hyphenation` (which has both) has had
//! no release since 2021 and pulls in bincode 1, unmaintained
//! (RUSTSEC-2025-0141). The algorithm itself is a page of code.
//!
//! Patterns are parsed once per process, on first use of the language.

use std::collections::HashMap;
use std::sync::OnceLock;

/// One language's patterns and exceptions.
struct Patterns {
    /// Letters of a pattern → the digits between them (one more than the
    /// letters), e.g. `"ab"` → `[0, 4, 0]` for `a4b`.
    table: HashMap<Vec<char>, Vec<u8>>,
    longest: usize,
    /// Whole words hyphenated by hand (`uni-ver-sity`): break offsets in chars.
    exceptions: HashMap<String, Vec<usize>>,
    /// The fewest letters before and after a hyphen the patterns were made for.
    left: usize,
    right: usize,
}

const EN_GB: &str = include_str!("patterns/hyph-en-gb.tex");
const CY: &str = include_str!("patterns/hyph-cy.tex");

/// A language careerpress can hyphenate, from a BCP 47 tag (`en-GB`,
/// `cy`, `cy-GB`); others are not hyphenated. Every English is set with
/// the British patterns: the documents are written in British English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HyphenLang {
    EnglishGb,
    Welsh,
}

impl HyphenLang {
    pub(crate) fn from_tag(tag: &str) -> Option<HyphenLang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(HyphenLang::EnglishGb),
            "cy" => Some(HyphenLang::Welsh),
            _ => None,
        }
    }

    fn patterns(self) -> &'static Patterns {
        static EN: OnceLock<Patterns> = OnceLock::new();
        static WELSH: OnceLock<Patterns> = OnceLock::new();
        match self {
            HyphenLang::EnglishGb => EN.get_or_init(|| Patterns::parse(EN_GB, 2, 3)),
            HyphenLang::Welsh => WELSH.get_or_init(|| Patterns::parse(CY, 2, 3)),
        }
    }
}

/// The body of `\name{ … }` in a TeX pattern file, comments removed.
fn group<'a>(src: &'a str, name: &str) -> Vec<&'a str> {
    let Some(at) = src.find(name) else {
        return Vec::new();
    };
    let rest = &src[at + name.len()..];
    let end = rest.find('}').unwrap_or(rest.len());
    rest[..end]
        .lines()
        .map(|l| l.split('%').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
        .collect()
}

impl Patterns {
    fn parse(src: &str, left: usize, right: usize) -> Patterns {
        let mut table = HashMap::new();
        let mut longest = 0;
        for p in group(src, "\\patterns{") {
            let mut letters = Vec::new();
            let mut digits = vec![0u8];
            for c in p.chars() {
                match c.to_digit(10) {
                    Some(d) => {
                        if let Some(last) = digits.last_mut() {
                            *last = d as u8;
                        }
                    }
                    None => {
                        letters.push(c);
                        digits.push(0);
                    }
                }
            }
            longest = longest.max(letters.len());
            table.insert(letters, digits);
        }
        let mut exceptions = HashMap::new();
        for w in group(src, "\\hyphenation{") {
            let mut breaks = Vec::new();
            let mut n = 0;
            for c in w.chars() {
                if c == '-' {
                    breaks.push(n);
                } else {
                    n += 1;
                }
            }
            exceptions.insert(w.replace('-', ""), breaks);
        }
        Patterns {
            table,
            longest,
            exceptions,
            left,
            right,
        }
    }

    /// Char offsets inside `word` (all letters, lower case) where it may break.
    fn breaks(&self, word: &[char], left: usize, right: usize) -> Vec<usize> {
        let n = word.len();
        let (left, right) = (left.max(self.left), right.max(self.right));
        if n < left + right {
            return Vec::new();
        }
        let key: String = word.iter().collect();
        if let Some(b) = self.exceptions.get(&key) {
            return b
                .iter()
                .copied()
                .filter(|&i| i >= left && i + right <= n)
                .collect();
        }
        let mut dotted = Vec::with_capacity(n + 2);
        dotted.push('.');
        dotted.extend_from_slice(word);
        dotted.push('.');
        let mut points = vec![0u8; dotted.len() + 1];
        for start in 0..dotted.len() {
            for len in 1..=self.longest.min(dotted.len() - start) {
                if let Some(digits) = self.table.get(&dotted[start..start + len]) {
                    for (k, d) in digits.iter().enumerate() {
                        let p = &mut points[start + k];
                        *p = (*p).max(*d);
                    }
                }
            }
        }
        // points[i] sits before dotted[i]; dotted[i] is word[i - 1], so a
        // break before word[j] is points[j + 1].
        (left..=n - right)
            .filter(|&j| points[j + 1] % 2 == 1)
            .collect()
    }
}

/// Byte offsets in `word` where a hyphen may go, at least `left` letters
/// from its start and `right` from its end (never fewer than the
/// patterns were made for). A word with anything but letters (an
/// apostrophe, a digit, a hyphen of its own) is split at those and only
/// its letter runs are hyphenated.
pub(crate) fn points(word: &str, lang: HyphenLang, left: usize, right: usize) -> Vec<usize> {
    let pats = lang.patterns();
    let mut out = Vec::new();
    let mut run: Vec<(usize, char)> = Vec::new();
    let flush = |run: &mut Vec<(usize, char)>, out: &mut Vec<usize>| {
        if !run.is_empty() {
            let lower: Vec<char> = run
                .iter()
                .map(|(_, c)| c.to_lowercase().next().unwrap_or(*c))
                .collect();
            for j in pats.breaks(&lower, left, right) {
                out.push(run[j].0);
            }
            run.clear();
        }
    };
    for (i, c) in word.char_indices() {
        if c.is_alphabetic() {
            run.push((i, c));
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hyphenated(word: &str, lang: HyphenLang) -> String {
        let p = points(word, lang, 2, 3);
        let mut s = String::new();
        for (i, c) in word.char_indices() {
            if p.contains(&i) {
                s.push('-');
            }
            s.push(c);
        }
        s
    }

    #[test]
    fn british_english_words_break_where_a_british_dictionary_breaks_them() {
        let en = HyphenLang::EnglishGb;
        assert_eq!(hyphenated("university", en), "uni-ver-sity");
        assert_eq!(hyphenated("hyphenation", en), "hy-phen-a-tion");
        assert!(hyphenated("confidentiality", en).contains('-'));
        // Too short for two letters before and three after.
        assert_eq!(hyphenated("data", en), "data");
        // Capitals are hyphenated as their lower case.
        assert_eq!(hyphenated("University", en), "Uni-ver-sity");
    }

    #[test]
    fn welsh_words_break_by_the_welsh_patterns_keeping_digraphs_whole() {
        let cy = HyphenLang::Welsh;
        let w = hyphenated("gwybodaeth", cy);
        assert!(w.contains('-'), "{w}");
        for word in ["cyfrinachedd", "cynghorydd", "gwasanaethau", "ddefnyddiol"] {
            let h = hyphenated(word, cy);
            assert!(h.contains('-'), "{h}");
            // Welsh letters written with two characters stay together.
            for pair in ["c-h", "d-d", "f-f", "n-g", "l-l", "p-h", "r-h", "t-h"] {
                assert!(!h.contains(pair), "{h} splits {pair}");
            }
        }
    }

    #[test]
    fn words_with_apostrophes_or_digits_break_only_in_their_letter_runs() {
        let en = HyphenLang::EnglishGb;
        let p = points("organisation's", en, 2, 3);
        assert!(p.iter().all(|&i| i < "organisation".len()));
        assert!(points("12345678", en, 2, 3).is_empty());
        assert_eq!(HyphenLang::from_tag("cy-GB"), Some(HyphenLang::Welsh));
        assert_eq!(HyphenLang::from_tag("en-US"), Some(HyphenLang::EnglishGb));
        assert_eq!(HyphenLang::from_tag("fr"), None);
    }
}
