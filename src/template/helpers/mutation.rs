//! Initial consonant mutation, as Welsh (and the other Celtic languages)
//! changes the first sound of a word after certain words: "neu" (or)
//! softens ("neu gyfnodolion", not "neu cyfnodolion"), "a" (and)
//! aspirates ("a chymorth"). Which word mutates what is the catalogue's
//! (`.mutation = soft` on `list-or`); this is only the change itself, for
//! words written in lower case (names and English words keep their form).

/// What happens to the first sound of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mutation {
    /// Treiglad meddal: c→g, p→b, t→d, g→(nothing), b→f, d→dd, ll→l, m→f, rh→r.
    Soft,
    /// Treiglad llaes: c→ch, p→ph, t→th.
    Aspirate,
}

impl Mutation {
    pub fn parse(s: &str) -> Option<Mutation> {
        match s.trim() {
            "soft" => Some(Mutation::Soft),
            "aspirate" => Some(Mutation::Aspirate),
            _ => None,
        }
    }
}

/// `word` with its first sound mutated; unchanged when it starts with a
/// capital (a name, an acronym) or with a sound that does not mutate.
pub fn mutate(word: &str, m: Mutation) -> String {
    if !word.chars().next().is_some_and(char::is_lowercase) {
        return word.to_string();
    }
    // Digraphs that are sounds of their own come first.
    for keep in ["ch", "ph", "th", "ng", "dd", "ff"] {
        if word.starts_with(keep) {
            return word.to_string();
        }
    }
    let (from, to): (&str, &str) = match m {
        Mutation::Soft => {
            if let Some(rest) = word.strip_prefix("ll") {
                return format!("l{rest}");
            }
            if let Some(rest) = word.strip_prefix("rh") {
                return format!("r{rest}");
            }
            match word.chars().next() {
                Some('c') => ("c", "g"),
                Some('p') => ("p", "b"),
                Some('t') => ("t", "d"),
                Some('g') => ("g", ""),
                Some('b') => ("b", "f"),
                Some('d') => ("d", "dd"),
                Some('m') => ("m", "f"),
                _ => return word.to_string(),
            }
        }
        Mutation::Aspirate => match word.chars().next() {
            Some('c') => ("c", "ch"),
            Some('p') => ("p", "ph"),
            Some('t') => ("t", "th"),
            _ => return word.to_string(),
        },
    };
    format!("{to}{}", &word[from.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_and_aspirate() {
        let s = |w| mutate(w, Mutation::Soft);
        assert_eq!(s("cyfnodolion"), "gyfnodolion");
        assert_eq!(s("gwasanaethau"), "wasanaethau");
        assert_eq!(s("llyfrgell"), "lyfrgell");
        assert_eq!(s("rhaglen"), "raglen");
        assert_eq!(s("dysgu"), "ddysgu");
        assert_eq!(s("theatr"), "theatr");
        assert_eq!(s("NHS Jobs"), "NHS Jobs");
        assert_eq!(s("ysbytai"), "ysbytai");
        let a = |w| mutate(w, Mutation::Aspirate);
        assert_eq!(a("cymorth"), "chymorth");
        assert_eq!(a("pobl"), "phobl");
        assert_eq!(a("bwrdd"), "bwrdd");
    }
}
