//! Typographic punctuation: the apostrophes, quotation marks and dashes
//! printed matter uses, put in once over a [`Document`] so that every
//! writer (PDF, DOCX, HTML, and plain text when a brand asks) shows the
//! same. The content files keep what the editor typed.
//!
//! Per language: British English and Welsh (which follows the same
//! conventions) get ’ for an apostrophe, ‘ ’ and “ ” for quotation marks,
//! and a spaced en dash where a spaced hyphen or a double hyphen was typed
//! as a dash (the NHS content style guide: "If you use a dash, it should
//! be an en dash"; it asks for "to", not a dash, in ranges, so a hyphen
//! between numbers is left as it is). Text in any other language is left
//! as typed. Web and email addresses are never touched.

use super::{Block, Document, Fact, Inline};

/// The conventions of a language, or `None` to leave its text as typed.
fn conventions(lang: &str) -> Option<Quotes> {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    match primary.to_ascii_lowercase().as_str() {
        "en" | "cy" => Some(BRITISH),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug)]
struct Quotes {
    open_single: char,
    close_single: char,
    open_double: char,
    close_double: char,
    dash: char,
}

const BRITISH: Quotes = Quotes {
    open_single: '‘',
    close_single: '’',
    open_double: '“',
    close_double: '”',
    dash: '–',
};

/// `doc` with typographic punctuation in its text, title and labels.
pub fn smarten(doc: &mut Document) {
    let lang = doc.meta.language.clone();
    smarten_str(&mut doc.meta.title, &lang);
    smarten_str(&mut doc.meta.subject, &lang);
    let l = &mut doc.meta.labels;
    for s in [
        &mut l.key_facts,
        &mut l.table,
        &mut l.note,
        &mut l.callout,
        &mut l.skip_link,
        &mut l.contents,
    ] {
        // Each language's part by its own conventions.
        for (tag, text) in &mut s.parts {
            let tag = if tag.is_empty() {
                lang.as_str()
            } else {
                tag.as_str()
            };
            smarten_str(text, tag);
        }
    }
    blocks(&mut doc.blocks, &lang);
}

/// One string on its own (a title, a caption).
pub fn smarten_str(s: &mut String, lang: &str) {
    let mut inl = vec![Inline::Text(std::mem::take(s))];
    inlines(&mut inl, lang);
    if let Some(Inline::Text(t)) = inl.pop() {
        *s = t;
    }
}

fn blocks(bs: &mut [Block], lang: &str) {
    for b in bs {
        match b {
            Block::Heading { content, .. } | Block::Paragraph(content) => inlines(content, lang),
            Block::List { items, .. } => items.iter_mut().for_each(|i| blocks(i, lang)),
            Block::Table { rows, .. } => rows
                .iter_mut()
                .flatten()
                .for_each(|cell| inlines(cell, lang)),
            Block::Facts { title, rows } => {
                if let Some(t) = title {
                    inlines(t, lang);
                }
                for Fact { label, value } in rows {
                    inlines(label, lang);
                    inlines(value, lang);
                }
            }
            Block::Callout {
                title,
                blocks: inner,
            } => {
                if let Some(t) = title {
                    inlines(t, lang);
                }
                blocks(inner, lang);
            }
            Block::Banner { blocks: inner } => blocks(inner, lang),
            Block::Columns(cols) => cols.iter_mut().for_each(|c| blocks(c, lang)),
            Block::Image { alt, .. } => smarten_str(alt, lang),
            Block::Qr { caption, .. } => {
                if let Some(c) = caption {
                    inlines(c, lang);
                }
            }
            Block::Lang {
                lang: inner,
                blocks: bs,
            } => {
                let inner = inner.clone();
                blocks(bs, &inner);
            }
            Block::Rule | Block::PageBreak => {}
        }
    }
}

/// A piece of text with the conventions it is set in (`None`: as typed).
struct Piece<'a> {
    text: &'a mut String,
    quotes: Option<Quotes>,
}

fn collect<'a>(inl: &'a mut [Inline], lang: &str, out: &mut Vec<Piece<'a>>) {
    for i in inl {
        match i {
            Inline::Text(t) => out.push(Piece {
                text: t,
                quotes: conventions(lang),
            }),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => {
                collect(c, lang, out)
            }
            Inline::Lang { lang: l, content } => {
                let l = l.clone();
                collect(content, &l, out)
            }
            Inline::LineBreak => {}
        }
    }
}

/// A paragraph's inlines, read as one run of text so that a quotation mark
/// at the edge of a bold word is seen with its neighbours.
fn inlines(inl: &mut [Inline], lang: &str) {
    let mut pieces = Vec::new();
    collect(inl, lang, &mut pieces);
    // Every character with the piece it belongs to.
    let chars: Vec<(usize, char)> = pieces
        .iter()
        .enumerate()
        .flat_map(|(k, p)| p.text.chars().map(move |c| (k, c)))
        .collect();
    if !chars
        .iter()
        .any(|(_, c)| matches!(c, '\'' | '"' | '-' | '—'))
    {
        return;
    }
    let protected = addresses(&chars);
    let mut out: Vec<String> = vec![String::new(); pieces.len()];
    let mut i = 0;
    // The last character written: a quotation mark after an opening one
    // (`"'Nested'`) opens too.
    let mut prev: Option<char> = None;
    while i < chars.len() {
        let (k, c) = chars[i];
        let next = chars.get(i + 1).map(|x| x.1);
        let (put, used) = match pieces[k].quotes {
            Some(q) if !protected[i] => match c {
                '\'' => (single(prev, next, chars.get(i + 2).map(|x| x.1), q), 1),
                '"' if opens(prev) => (q.open_double, 1),
                '"' => (q.close_double, 1),
                // A double hyphen is a dash, as typewriters wrote it.
                '-' if next == Some('-') && chars.get(i + 2).map(|x| x.1) != Some('-') => {
                    (q.dash, 2)
                }
                // A spaced hyphen or em dash is a dash between words.
                '-' | '—'
                    if prev.is_some_and(char::is_whitespace)
                        && next.is_some_and(char::is_whitespace) =>
                {
                    (q.dash, 1)
                }
                _ => (c, 1),
            },
            _ => (c, 1),
        };
        out[k].push(put);
        prev = Some(put);
        i += used;
    }
    for (p, s) in pieces.iter_mut().zip(out) {
        *p.text = s;
    }
}

/// Whether a quotation mark after `prev` opens a quotation: at the start,
/// after a space, an opening bracket, a dash or another opening mark.
fn opens(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => p.is_whitespace() || matches!(p, '(' | '[' | '{' | '‘' | '“' | '–' | '—' | '/'),
    }
}

fn single(prev: Option<char>, next: Option<char>, after: Option<char>, q: Quotes) -> char {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if letter(prev) {
        // you'll, Mae'r, nurses' (an apostrophe or a closing mark: the same)
        return q.close_single;
    }
    if opens(prev) {
        // '90s: an apostrophe for the century's missing digits
        if next.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit()) {
            return q.close_single;
        }
        if letter(next) || matches!(next, Some('"' | '“')) {
            return q.open_single;
        }
    }
    q.close_single
}

/// Which characters belong to a web or email address (a word with `://`,
/// starting `www.`, or with an `@` and a dot after it), to be left alone.
fn addresses(chars: &[(usize, char)]) -> Vec<bool> {
    let mut out = vec![false; chars.len()];
    let mut start = 0;
    while start < chars.len() {
        if chars[start].1.is_whitespace() {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < chars.len() && !chars[end].1.is_whitespace() {
            end += 1;
        }
        let word: String = chars[start..end].iter().map(|x| x.1).collect();
        if is_address(&word) {
            out[start..end].iter_mut().for_each(|p| *p = true);
        }
        start = end;
    }
    out
}

/// A web or email address, as it might be written in running text.
pub fn is_address(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '<', '[', '"', '\'', '‘', '“']);
    w.contains("://")
        || w.to_ascii_lowercase().starts_with("www.")
        || w.starts_with("mailto:")
        || w.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.starts_with('.')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str, lang: &str) -> String {
        let mut t = text.to_string();
        smarten_str(&mut t, lang);
        t
    }

    #[test]
    fn apostrophes_and_quotes_become_typographic_in_english_and_welsh() {
        assert_eq!(
            s("you'll find 'PALS' here", "en-GB"),
            "you’ll find ‘PALS’ here"
        );
        assert_eq!(s("Mae'r gwasanaeth", "cy"), "Mae’r gwasanaeth");
        assert_eq!(s("a'r \"swyddog\"", "cy-GB"), "a’r “swyddog”");
        assert_eq!(s("the nurses' room", "en-GB"), "the nurses’ room");
        assert_eq!(s("in the '90s", "en-GB"), "in the ’90s");
        assert_eq!(s("(\"quoted\")", "en-GB"), "(“quoted”)");
        assert_eq!(s("\"'Nested' words\"", "en-GB"), "“‘Nested’ words”");
    }

    #[test]
    fn dashes_become_spaced_en_dashes_and_hyphens_and_ranges_stay() {
        assert_eq!(s("listen - then act", "en-GB"), "listen – then act");
        assert_eq!(s("listen -- then act", "en-GB"), "listen – then act");
        assert_eq!(s("listen — then act", "en-GB"), "listen – then act");
        assert_eq!(s("well-being, 9-5, -3", "en-GB"), "well-being, 9-5, -3");
        assert_eq!(s("Glan-y-Môr", "cy"), "Glan-y-Môr");
    }

    #[test]
    fn addresses_and_other_languages_are_left_as_typed() {
        assert_eq!(
            s(
                "see https://x.example/it's--here or o'neil@example.nhs.uk",
                "en-GB"
            ),
            "see https://x.example/it's--here or o'neil@example.nhs.uk"
        );
        assert_eq!(s("l'hôpital", "fr"), "l'hôpital");
        let mut inl = vec![
            Inline::Text("The ".into()),
            Inline::Lang {
                lang: "fr".into(),
                content: vec![Inline::Text("l'hôpital".into())],
            },
            Inline::Text(" isn't".into()),
        ];
        inlines(&mut inl, "en-GB");
        assert_eq!(Inline::plain(&inl), "The l'hôpital isn’t");
    }

    #[test]
    fn a_quotation_mark_at_the_edge_of_bold_text_is_seen_with_its_neighbours() {
        let mut inl = vec![
            Inline::Text("say \"".into()),
            Inline::Strong(vec![Inline::Text("yes".into())]),
            Inline::Text("\" now".into()),
        ];
        inlines(&mut inl, "en-GB");
        assert_eq!(Inline::plain(&inl), "say “yes” now");
    }
}
