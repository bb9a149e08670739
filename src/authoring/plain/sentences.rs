//! Text → sentences → words, for the plain-English check.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets
//! after it) when the next word starts a sentence (a capital, a digit, an
//! opening quote) or the text ends, and never after an abbreviation
//! (`e.g.`, `Dr.`, `N.H.S.`, an initial, Welsh `e.e.`, `h.y.`, `Parch.`).
//! A blank line, a list item (`- `, `* `, `• `, `1. `, `1) ` at the start
//! of a line) and a line ending with `:` or `;` end a sentence too, so a
//! list is read item by item. Words in quotes are marked so the checks can
//! leave them alone.

/// One word as written (its punctuation kept), where it is in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    /// Byte offset in the text.
    pub start: usize,
    /// Inside quotation marks: a quotation, a title, a name as printed.
    pub quoted: bool,
}

impl Word {
    /// The word without punctuation around it (`(PALS)` → `PALS`).
    pub fn bare(&self) -> &str {
        self.text.trim_matches(|c: char| !c.is_alphanumeric())
    }
}

/// One sentence: its words in order (tokens with no letter or digit, such
/// as a dash, are not words).
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub words: Vec<Word>,
}

impl Sentence {
    /// Its first `n` words, with "…" when there are more.
    pub fn opening(&self, n: usize) -> String {
        let mut s: Vec<&str> = self.words.iter().take(n).map(|w| w.text.as_str()).collect();
        if self.words.len() > n {
            if let Some(last) = s.last_mut() {
                *last = last.trim_end_matches([',', ';', ':']);
            }
            return s.join(" ") + "…";
        }
        s.join(" ")
    }

    /// Where a long sentence splits best: the index of the word to end the
    /// first part with. A semicolon or colon is best, then a comma before
    /// a joining word ("and", "but", "which"), then a joining word alone,
    /// then any comma; of equals, the one nearest the middle. Never in the
    /// first or last five words; the middle when nothing fits.
    pub fn split_point(&self) -> usize {
        const JOINS: &[&str] = &[
            "and",
            "but",
            "or",
            "so",
            "which",
            "who",
            "because",
            "while",
            "although",
            "including",
            "as",
            "where",
            "when",
            "then",
            "ac",
            "ond",
            "neu",
            "sy'n",
            "oherwydd",
            "felly",
        ];
        let n = self.words.len();
        let middle = n / 2;
        let score = |i: usize| {
            let w = self.words[i].text.as_str();
            let next = self.words[i + 1].bare().to_lowercase();
            let joins = JOINS.contains(&next.as_str());
            if w.ends_with([';', ':']) {
                4
            } else if w.ends_with(',') && joins {
                3
            } else if joins && !w.ends_with(['(', '-']) {
                2
            } else if w.ends_with(',') || w.ends_with(')') {
                1
            } else {
                0
            }
        };
        let edge = 5.min(n / 3);
        (edge..n.saturating_sub(edge + 1))
            .filter(|&i| !self.words[i].quoted && score(i) > 0)
            .max_by_key(|&i| (score(i), std::cmp::Reverse(i.abs_diff(middle))))
            .unwrap_or(middle.saturating_sub(1))
    }

    /// Every word is inside quotation marks: a quotation, left as it is.
    pub fn all_quoted(&self) -> bool {
        self.words.iter().all(|w| w.quoted)
    }
}

/// Abbreviations that end in a full stop and do not end a sentence
/// (English and Welsh), lower case.
const ABBREVIATIONS: &[&str] = &[
    "e.g.", "eg.", "i.e.", "ie.", "cf.", "vs.", "viz.", "approx.", "incl.", "dept.", "no.", "nos.",
    "tel.", "dr.", "mr.", "mrs.", "ms.", "mx.", "prof.", "st.", "sr.", "jr.", "rev.", "hon.",
    "ltd.", "co.", "a.m.", "p.m.", "fig.", "ref.", "min.", "max.", // English
    "e.e.", "h.y.", "parch.", "gol.", "cyf.", "rhif.", "ayb.", "sef.", "yr.", // Welsh
];

/// List markers at the start of a line.
fn list_marker(token: &str) -> bool {
    matches!(token, "-" | "*" | "•" | "–")
        || (token.len() <= 4
            && (token.ends_with('.') || token.ends_with(')'))
            && token[..token.len() - 1].chars().all(|c| c.is_ascii_digit())
            && token.len() > 1)
}

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '«'];

/// Whether a token ends a sentence, given the token after it (if any).
fn ends_sentence(token: &str, next: Option<&str>) -> bool {
    let core = token.trim_end_matches(CLOSERS);
    let Some(last) = core.chars().last() else {
        return false;
    };
    if last == '!' || last == '?' {
        return next.is_none_or(starts_sentence);
    }
    if last != '.' || core.ends_with("...") {
        return next.is_none() && last == '.';
    }
    if next.is_none() {
        return true;
    }
    let lower = core.trim_start_matches(OPENERS).to_lowercase();
    // "etc." often ends a sentence: it does when a capital follows.
    let abbreviation = ABBREVIATIONS.contains(&lower.as_str())
        // An initial (J.) or letters with stops (N.H.S.).
        || (lower.len() >= 2
            && lower
                .split_terminator('.')
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic)));
    !abbreviation && next.is_some_and(starts_sentence)
}

fn starts_sentence(token: &str) -> bool {
    let t = token.trim_start_matches(OPENERS);
    t.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || t.is_empty()
}

/// Splits text into sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    // Tokens with their offsets, and where a line break forces a new
    // sentence before a token.
    let mut tokens: Vec<(usize, &str, bool)> = Vec::new();
    let mut offset = 0;
    let mut break_next = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end();
        if body.trim().is_empty() {
            break_next = true;
        }
        let mut first = true;
        for (i, tok) in split_whitespace_indices(body) {
            let marker = first && list_marker(tok);
            if first && (marker || tokens.last().is_some_and(|t| t.1.ends_with([':', ';']))) {
                break_next = true;
            }
            first = false;
            if marker {
                continue;
            }
            tokens.push((offset + i, tok, break_next));
            break_next = false;
        }
        offset += line.len();
    }
    let quoted = quoted_tokens(&tokens.iter().map(|t| t.1).collect::<Vec<_>>());
    let mut out = Vec::new();
    let mut current = Vec::new();
    for (k, &(start, tok, forced)) in tokens.iter().enumerate() {
        if forced && !current.is_empty() {
            out.push(Sentence {
                words: std::mem::take(&mut current),
            });
        }
        if is_word(tok) {
            current.push(Word {
                text: tok.to_string(),
                start,
                quoted: quoted[k],
            });
        }
        let next = tokens.get(k + 1).filter(|t| !t.2).map(|t| t.1);
        if ends_sentence(tok, next) && !current.is_empty() {
            out.push(Sentence {
                words: std::mem::take(&mut current),
            });
        }
    }
    if !current.is_empty() {
        out.push(Sentence { words: current });
    }
    out
}

fn split_whitespace_indices(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(char::is_whitespace)
        .scan(0usize, |pos, part| {
            let at = *pos;
            *pos += part.len()
                + s[at + part.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            Some((at, part))
        })
        .filter(|(_, p)| !p.is_empty())
}

/// Which tokens are inside quotation marks: from a token that opens a
/// quote to the one that closes it. An apostrophe (`you'll`, `patients'`)
/// is not a quote, and a quote never closed marks nothing.
fn quoted_tokens(tokens: &[&str]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut open: Option<(usize, char)> = None;
    for (i, t) in tokens.iter().enumerate() {
        let lead = t.trim_start_matches(['(', '[']);
        if open.is_none() {
            if let Some(q) = lead.chars().next().filter(|c| "\"“‘'«".contains(*c)) {
                open = Some((i, q));
            }
        }
        if let Some((from, q)) = open {
            let close = match q {
                '“' => '”',
                '‘' => '’',
                '«' => '»',
                c => c,
            };
            let tail = t.trim_end_matches(|c: char| ".,;:!?)]".contains(c));
            let closes = tail.ends_with(close) && (i > from || tail.chars().count() > 1);
            if closes {
                out[from..=i].iter_mut().for_each(|b| *b = true);
                open = None;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lengths(text: &str) -> Vec<usize> {
        sentences(text).iter().map(|s| s.words.len()).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            lengths("Ask Dr. Jones, e.g. at the NHS desk. Then go home."),
            vec![8, 3]
        );
        assert_eq!(lengths("See N.H.S. Wales for more. It helps."), vec![5, 2]);
        assert_eq!(
            lengths("Mae'r gwaith, e.e. gyda chleifion, yn dda. Da iawn."),
            vec![7, 2]
        );
        assert_eq!(
            lengths("It costs £2.50 a day. Really?  Yes! ok"),
            vec![5, 1, 2]
        );
        // A full stop before a small letter is not the end.
        assert_eq!(lengths("Pay is approx. £20,000 a year."), vec![6]);
    }

    #[test]
    fn lists_and_lines_end_sentences() {
        let text = "You will need:\n- good English\n- a kind manner\n\n1. Apply online\n2) Wait";
        assert_eq!(lengths(text), vec![3, 2, 3, 2, 1]);
        assert_eq!(lengths("one two;\nthree four"), vec![2, 2]);
        // A dash inside a line is not a word or a list.
        assert_eq!(lengths("Days – and nights – vary"), vec![4]);
    }

    #[test]
    fn split_points() {
        let s = &sentences("a good general standard of education, which varies between NHS trusts; for some this means GCSEs at grades 9 to 4 including English and maths, for others a level 3 qualification")[0];
        assert_eq!(s.words[s.split_point()].text, "trusts;");
        let s = &sentences("one two three four five six seven, and eight nine ten eleven twelve thirteen fourteen fifteen")[0];
        assert_eq!(s.words[s.split_point()].text, "seven,");
        let s = &sentences("one two three four five six seven eight nine ten")[0];
        assert_eq!(s.split_point(), 4);
    }

    #[test]
    fn quotes_are_marked() {
        let s = &sentences("Read \"Working in the NHS\" and don't utilise patients' time.")[0];
        let quoted: Vec<bool> = s.words.iter().map(|w| w.quoted).collect();
        assert_eq!(
            quoted,
            [false, true, true, true, true, false, false, false, false, false]
        );
        assert!(sentences("‘Facilitate everything.’")[0].all_quoted());
        assert_eq!(s.words[4].bare(), "NHS");
        assert_eq!(sentences("Hello (PALS).")[0].words[1].bare(), "PALS");
    }
}
