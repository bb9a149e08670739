//! How easy a job's text is to read: the Flesch reading ease for English
//! (206.835 − 1.015 × words a sentence − 84.6 × syllables a word; 60 to 70
//! is plain English, under 50 hard), and for Welsh, where English formulas
//! do not apply, the average sentence length only.

use super::sentences::Sentence;
use serde::Serialize;

/// The figures for one job in one language.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Ease {
    pub sentences: usize,
    pub words: usize,
    /// Words a sentence, on average.
    pub average: f32,
    /// The Flesch reading ease (English only).
    pub flesch: Option<f32>,
}

impl Ease {
    /// The figures of a set of sentences; `english` gives the Flesch score.
    pub fn of(sentences: &[Sentence], english: bool) -> Ease {
        let words: usize = sentences.iter().map(|s| s.words.len()).sum();
        let n = sentences.len().max(1) as f32;
        let average = words as f32 / n;
        let flesch = (english && words > 0).then(|| {
            let syllables: usize = sentences
                .iter()
                .flat_map(|s| &s.words)
                .map(|w| syllables(w.bare()))
                .sum();
            206.835 - 1.015 * average - 84.6 * syllables as f32 / words as f32
        });
        Ease {
            sentences: sentences.len(),
            words,
            average,
            flesch,
        }
    }

    /// "reading ease 58 (fairly hard), 17.2 words a sentence".
    pub fn describe(&self) -> String {
        let length = format!("{:.1} words a sentence", self.average);
        match self.flesch {
            Some(f) => format!("reading ease {f:.0} ({}), {length}", band(f)),
            None => length,
        }
    }
}

/// Flesch's own bands, in words a careers team would use.
fn band(score: f32) -> &'static str {
    match score {
        s if s >= 80.0 => "easy",
        s if s >= 70.0 => "fairly easy",
        s if s >= 60.0 => "plain English",
        s if s >= 50.0 => "fairly hard",
        s if s >= 30.0 => "hard",
        _ => "very hard",
    }
}

/// Syllables in an English word, by its groups of vowels: a silent final
/// `e` (but not `-le`) and `-es`/`-ed` endings that add no sound do not
/// count; every word has at least one. Numbers and abbreviations count
/// one a character group (`NHS` one, as the formula's authors did).
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    if w.is_empty() {
        return 1;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut groups = 0;
    let mut previous = false;
    for &c in &w {
        let v = vowel(c);
        if v && !previous {
            groups += 1;
        }
        previous = v;
    }
    let n = w.len();
    let ends = |s: &str| w.iter().collect::<String>().ends_with(s);
    if n > 2 && w[n - 1] == 'e' && !vowel(w[n - 2]) && !ends("le") {
        groups -= 1;
    } else if n > 3 && (ends("es") || ends("ed")) && !ends("ted") && !ends("ded") {
        let before = w[n - 3];
        if !vowel(before) && !"scxzgh".contains(before) {
            groups -= 1;
        }
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    use super::super::sentences::sentences;
    use super::*;

    #[test]
    fn syllables_of_common_words() {
        for (w, n) in [
            ("the", 1),
            ("cake", 1),
            ("table", 2),
            ("patients", 2),
            ("people", 2),
            ("hospital", 3),
            ("helped", 1),
            ("wanted", 2),
            ("boxes", 2),
            ("communication", 5),
            ("rhythm", 1),
            ("NHS", 1),
        ] {
            assert_eq!(syllables(w), n, "{w}");
        }
    }

    #[test]
    fn flesch_and_welsh() {
        // 2 sentences, 8 words, 8 syllables: 206.835 − 1.015 × 4 − 84.6 × 1.
        let s = sentences("The cat sat down. The dog ran off.");
        let e = Ease::of(&s, true);
        assert_eq!((e.sentences, e.words), (2, 8));
        assert!((e.flesch.unwrap() - (206.835 - 4.06 - 84.6)).abs() < 0.01);
        assert!(e
            .describe()
            .starts_with("reading ease 118 (easy), 4.0 words"));
        let cy = Ease::of(
            &sentences("Mae'r gath yn eistedd. Mae'r ci yn rhedeg i ffwrdd."),
            false,
        );
        assert_eq!(cy.flesch, None);
        assert_eq!(cy.describe(), "5.0 words a sentence");
    }
}
