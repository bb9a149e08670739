//! `{{lower_first job.title}}` → `patient advice and liaison service (PALS) officer`,
//! for a sentence-case title used mid-sentence. An initialism (`NHS`, `PALS`)
//! keeps its capitals.

use super::{param, simple_helper, string};

pub fn lower_first(s: &str) -> String {
    let first_word = s.split_whitespace().next().unwrap_or("");
    let initialism = first_word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && first_word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let mut c = s.chars();
    match c.next() {
        Some(f) if !initialism => f.to_lowercase().chain(c).collect(),
        _ => s.to_string(),
    }
}

simple_helper!(lower_first_helper, |h| Ok::<_, handlebars::RenderError>(
    lower_first(string(h, param(h, 0, "{{lower_first text}}")?)?)
));

#[cfg(test)]
mod tests {
    use super::lower_first;

    #[test]
    fn keeps_initialisms() {
        assert_eq!(
            lower_first("Patient advice (PALS) officer"),
            "patient advice (PALS) officer"
        );
        assert_eq!(lower_first("NHS manager"), "NHS manager");
    }
}
