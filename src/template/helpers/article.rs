//! `{{a_an "apprenticeship"}}` → `an apprenticeship`.

use super::{param, simple_helper, string};

/// "a" or "an" as the word is said: vowel sounds take "an" (an hour, an
/// NHS trust), consonant sounds "a" (a university, a one-off).
pub fn article(word: &str) -> &'static str {
    let lower = word.trim().to_lowercase();
    let first = lower.chars().next().unwrap_or('x');
    const AN_SILENT_H: &[&str] = &["hour", "honest", "honour", "heir"];
    const A_DESPITE_VOWEL: &[&str] =
        &["uni", "use", "usu", "uk", "eu", "one", "once", "ure", "uro"];
    // Initialisms said letter by letter: "an NHS", "an MRI", "a GP".
    let initialism: String = word
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_uppercase())
        .collect();
    if initialism.len() >= 2 {
        return if "AEFHILMNORSX".contains(&initialism[..1]) {
            "an"
        } else {
            "a"
        };
    }
    if AN_SILENT_H.iter().any(|p| lower.starts_with(p)) {
        return "an";
    }
    if A_DESPITE_VOWEL.iter().any(|p| lower.starts_with(p)) {
        return "a";
    }
    if "aeiou".contains(first) {
        "an"
    } else {
        "a"
    }
}

simple_helper!(a_an, |h| {
    let word = string(h, param(h, 0, "{{a_an word}}")?)?;
    // English chooses "a" or "an" by sound; other languages say it as
    // their catalogue's `with-article` does (Welsh has no "a": the word
    // alone).
    let lang = super::super::i18n::current();
    if crate::content::overlay::primary(&lang) == "en" {
        Ok::<_, handlebars::RenderError>(format!("{} {word}", article(word)))
    } else {
        super::message("with-article", &[("word", super::text_arg(word))])
    }
});

#[cfg(test)]
mod tests {
    use super::article;

    #[test]
    fn articles() {
        for (w, a) in [
            ("apprenticeship", "an"),
            ("college course", "a"),
            ("hour", "an"),
            ("university course", "a"),
            ("NHS trust", "an"),
            ("GP practice", "a"),
            ("officer", "an"),
            ("one-off", "a"),
        ] {
            assert_eq!(article(w), a, "{w}");
        }
    }
}
