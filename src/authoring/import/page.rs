//! One page as text: lines, furniture left out, the title (the page's
//! `h1`), then sections, each a heading, what it introduces and its blocks.

use super::furniture::{self, norm, Line};
use super::headings::{self, Kind};
use super::text::{
    bullet, clean, ends_sentence, key, numbered, sentence_case, sentences, title_like,
};
use super::{Dropped, Layout};

/// A block of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Consecutive lines with no blank or bullet between them, as they were
    /// (contacts need the line breaks; `paragraphs` joins wrapped lines).
    Para(Vec<String>),
    /// A bullet or numbered list, one item an entry.
    List(Vec<String>),
}

impl Block {
    /// The block as one string: paragraphs and items on lines of their own.
    pub fn text(&self) -> String {
        match self {
            Block::Para(lines) => paragraphs(lines).join("\n"),
            Block::List(items) => items
                .iter()
                .map(|i| format!("- {i}"))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// The paragraphs of a run of lines: a line that does not end a sentence
/// and is followed by one starting in lower case is a wrapped line.
pub fn paragraphs(lines: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        let l = l.trim();
        if l.is_empty() {
            continue;
        }
        let wrapped = out.last().is_some_and(|prev: &String| {
            !ends_sentence(prev)
                && l.chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase() || c == '(' || c == '£' || c.is_ascii_digit())
        });
        match out.last_mut() {
            Some(prev) if wrapped => {
                prev.push(' ');
                prev.push_str(l);
            }
            _ => out.push(l.to_string()),
        }
    }
    out
}

/// A section's blocks as they read: paragraphs, lists, and lists with the
/// sentence that leads into them.
#[derive(Debug, Clone, PartialEq)]
pub enum Part<'a> {
    Para(String),
    /// A list after its lead-in ("Your work could include:").
    Led(Led<'a>),
    List(&'a [String]),
}

/// A list and its lead-in, with the sentences of the lead-in's paragraph
/// that come before it.
#[derive(Debug, Clone, PartialEq)]
pub struct Led<'a> {
    pub before: Option<String>,
    pub intro: String,
    pub items: &'a [String],
}

impl<'a> Led<'a> {
    /// Gives the sentences before the lead-in to `place`; the lead-in and
    /// the items back.
    pub fn after(self, place: impl FnOnce(&str)) -> (String, &'a [String]) {
        if let Some(b) = &self.before {
            place(b);
        }
        (self.intro, self.items)
    }
}

/// The parts of a section's blocks.
pub fn parts(blocks: &[Block]) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        match (&blocks[i], blocks.get(i + 1)) {
            (Block::Para(lines), next) => {
                let mut paras = paragraphs(lines);
                let led = match (next, paras.last()) {
                    (Some(Block::List(items)), Some(last)) => {
                        let mut s = sentences(last);
                        s.pop()
                            .filter(|intro| intro.trim_end().ends_with(':'))
                            .map(|intro| (intro, s, items))
                    }
                    _ => None,
                };
                match led {
                    Some((intro, before, items)) => {
                        paras.pop();
                        out.extend(paras.into_iter().map(Part::Para));
                        out.push(Part::Led(Led {
                            before: (!before.is_empty()).then(|| before.join(" ")),
                            intro,
                            items,
                        }));
                        i += 1;
                    }
                    None => out.extend(paras.into_iter().map(Part::Para)),
                }
            }
            (Block::List(items), _) => out.push(Part::List(items)),
        }
        i += 1;
    }
    out
}

/// A heading and what follows it up to the next heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// `None` for what comes before the first heading.
    pub heading: Option<String>,
    pub kind: Kind,
    pub blocks: Vec<Block>,
    /// Whether the file marked the heading as one (HTML, Word).
    pub marked: bool,
}

/// Short lines taken for headings by their shape that head nothing
/// ("Decision making", "Teamwork" in a run of them) are items of a list
/// of the section before, not empty headings: nothing is lost.
fn unheaded(sections: Vec<Section>) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for sec in sections {
        let empty_shape = sec.blocks.is_empty()
            && !sec.marked
            && sec.kind == Kind::Unknown
            && sec.heading.is_some();
        match (empty_shape, out.last_mut()) {
            (true, Some(prev)) if !matches!(prev.kind, Kind::Furniture(_) | Kind::Promo) => {
                let item = sec.heading.unwrap_or_default();
                match prev.blocks.last_mut() {
                    Some(Block::List(items)) => items.push(item),
                    _ => prev.blocks.push(Block::List(vec![item])),
                }
            }
            _ => out.push(sec),
        }
    }
    out
}

/// A page read: where it is from, its title and date, its sections.
#[derive(Debug, Clone)]
pub struct Page {
    pub layout: Layout,
    /// The job title as the page gives it (its `h1`).
    pub title: Option<String>,
    /// The page's own date ("last reviewed 14 March 2024").
    pub date: Option<String>,
    pub sections: Vec<Section>,
}

/// Kinds whose short lines are content, not headings: a contact's name, a
/// related job's title, "Entry-level" before a figure, a promo's title.
fn absorbs(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::RelatedJobs
            | Kind::AltTitles
            | Kind::FurtherInformation
            | Kind::Salary
            | Kind::Shifts
            | Kind::Promo
    ) || matches!(kind, Kind::Furniture(why) if why != "a \"Compare roles\" widget")
}

/// Splits text into lines: cleaned, bullets marked, blank lines noted.
fn lines(input: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut blank = false;
    for raw in input.lines() {
        let l = clean(raw);
        if l.trim().is_empty() {
            blank = true;
            continue;
        }
        let (text, item) = if let Some(b) = bullet(&l) {
            (b.to_string(), true)
        } else if let Some((_, rest)) = numbered(&l) {
            // "1. Entry requirements" is a heading; "1. Home: …" a crumb.
            if headings::kind(rest).is_some() && !rest.trim_end().ends_with('.') {
                (l.trim().to_string(), false)
            } else {
                (rest.to_string(), true)
            }
        } else {
            (l.trim().to_string(), false)
        };
        if text.is_empty() {
            continue;
        }
        out.push(Line {
            text,
            item,
            blank_before: blank,
        });
        blank = false;
    }
    out
}

/// Notes dropped text, joining it to the last entry when it is for the
/// same reason and follows it.
fn drop_line(dropped: &mut Vec<Dropped>, why: &str, text: &str, joined: bool) {
    match dropped.last_mut() {
        Some(d) if joined && d.why == why && d.source.is_empty() => {
            d.text.push('\n');
            d.text.push_str(text);
        }
        _ => dropped.push(Dropped {
            source: String::new(),
            why: why.to_string(),
            text: text.to_string(),
        }),
    }
}

/// A person's name on a line of its own ("Elisha Miller"), or with their
/// job after it ("Hayley, Occupational Therapist").
fn name_line(t: &str) -> bool {
    let t = t.trim().trim_end_matches('.');
    let (name, job) = t.split_once(", ").unwrap_or((t, ""));
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
        && job.split_whitespace().count() <= 5
        && (words.len() >= 2 || !job.is_empty())
        && headings::kind(t).is_none()
        && headings::by_words(t).is_none()
}

/// Leaves out the furniture lines (and the lists that belong to them: a
/// breadcrumb trail, a table of contents, a banner's bullet points), and
/// the names of the people quoted, next to their quotes.
fn strip(lines: Vec<Line>, dropped: &mut Vec<Dropped>, date: &mut Option<String>) -> Vec<Line> {
    let quote = |l: &Line| furniture::line(l) == Some("a quote (speech in the first person)");
    let speaker: Vec<bool> = (0..lines.len())
        .map(|i| {
            !lines[i].item
                && name_line(&lines[i].text)
                && (lines.get(i + 1).is_some_and(quote) || (i > 0 && quote(&lines[i - 1])))
        })
        .collect();
    let mut out = Vec::new();
    // Why the list now being read is furniture, if it is.
    let mut list_is: Option<&'static str> = None;
    let mut last_dropped = false;
    for (i, l) in lines.into_iter().enumerate() {
        if !l.item {
            list_is = None;
        }
        if speaker[i] {
            drop_line(dropped, "the name of the person quoted", &l.text, false);
            last_dropped = true;
            continue;
        }
        let toc = matches!(
            norm(&l.text).as_str(),
            "contents" | "page content" | "on this page" | "in this section"
        );
        let why = if l.item && list_is.is_some() {
            list_is
        } else {
            furniture::line(&l)
        };
        match why {
            Some(why) => {
                if let Some(d) = furniture::date(&l.text) {
                    date.get_or_insert(d);
                }
                if toc || why == "a banner" || why == "a breadcrumb" {
                    list_is = Some(if toc { "a table of contents" } else { why });
                }
                drop_line(dropped, why, &l.text, last_dropped);
                last_dropped = true;
            }
            None => {
                out.push(l);
                last_dropped = false;
            }
        }
    }
    out
}

/// "Hospital porter | Prospects.ac.uk" → "Hospital porter".
fn title_text(line: &str) -> String {
    let t = line
        .split(" | ")
        .next()
        .unwrap_or(line)
        .trim()
        .trim_start_matches("Job profile: ")
        .trim_end_matches(" job profile")
        .trim();
    let t = t
        .strip_prefix("How to become ")
        .map(|r| {
            r.strip_prefix("an ")
                .or_else(|| r.strip_prefix("a "))
                .unwrap_or(r)
        })
        .unwrap_or(t);
    sentence_case(t)
}

/// Finds the title among the first lines; takes it (and a breadcrumb
/// trail of plain lines before it, and its repeat) out of `lines`.
fn take_title(
    lines: &mut Vec<Line>,
    dropped: &mut Vec<Dropped>,
    after_home: bool,
) -> Option<String> {
    let first = lines.first()?;
    if first.item {
        return None;
    }
    if norm(&first.text).starts_with("how to become ") {
        let l = lines.remove(0);
        return Some(title_text(&l.text));
    }
    let plain = |l: &Line| !l.item && title_like(&l.text) && headings::kind(&l.text).is_none();
    if !plain(first) {
        return None;
    }
    // A trail "Explore roles / Dental team / Dental nurse / Dental nurse":
    // the title is its last line.
    let mut run = 1;
    while run < lines.len()
        && plain(&lines[run])
        && (after_home || key(&lines[run].text) == key(&lines[0].text))
    {
        run += 1;
    }
    let mut end = run;
    if run >= 2 && key(&lines[run - 1].text) == key(&lines[run - 2].text) {
        end = run - 1;
    }
    let title = lines[end - 1].text.clone();
    if end > 1 {
        let trail: Vec<String> = lines[..end - 1].iter().map(|l| l.text.clone()).collect();
        drop_line(dropped, "a breadcrumb", &trail.join("\n"), false);
    }
    lines.drain(..run);
    Some(title_text(&title))
}

/// Lines after a lead-in ("You can get into this job through:") that read
/// as items (no sentence punctuation, not a heading) are a list, bullets
/// or not.
fn short_line_lists(lines: &mut [Line]) {
    let mut in_list = false;
    for i in 0..lines.len() {
        let t = lines[i].text.trim();
        let heading = headings::kind(t).is_some() && !t.starts_with(char::is_lowercase);
        let item_like = !lines[i].item
            && !heading
            && (!t.ends_with(['.', '!', '?', ':']) || t.split_whitespace().count() <= 6)
            && t.split_whitespace().count() <= 30;
        if in_list && item_like {
            lines[i].item = true;
            continue;
        }
        in_list = !lines[i].item
            && t.ends_with(':')
            && lines
                .get(i + 1)
                .is_some_and(|n| !n.item && !n.text.trim_start().starts_with('£'));
    }
}

/// Reads one page: its text, the lines its file marks as headings (HTML,
/// Word) and the title the file gives.
pub fn read(
    input: &str,
    marked: &[String],
    given_title: Option<&str>,
    dropped: &mut Vec<Dropped>,
) -> Page {
    let all = super::pairs::by_form(lines(input));
    let layout = Layout::detect(&all.iter().map(|l| l.text.clone()).collect::<Vec<_>>());
    let mut date = None;
    let home_at = all
        .iter()
        .position(|l| norm(&l.text) == "home")
        .filter(|i| *i < 12);
    let first_kept_after_home = home_at.is_some();
    let mut lines = strip(all, dropped, &mut date);
    let title = match given_title {
        // The file's own title: its first line that says it is dropped as
        // the title, whatever came before it.
        Some(t) => {
            if let Some(i) = lines.iter().position(|l| !l.item && key(&l.text) == key(t)) {
                if i > 0 && i <= 3 {
                    let before: Vec<String> = lines[..i].iter().map(|l| l.text.clone()).collect();
                    drop_line(dropped, "a breadcrumb", &before.join("\n"), false);
                    lines.drain(..i);
                }
            }
            Some(title_text(t))
        }
        None => take_title(&mut lines, dropped, first_kept_after_home),
    };
    let is_marked = |l: &Line| !l.item && marked.iter().any(|m| m == &l.text);
    // A bullet that is a known label ("• Hours" then "37.5 per week") is a
    // heading.
    for i in 0..lines.len() {
        let label = lines[i].item
            && lines.get(i + 1).is_some_and(|n| !n.item)
            && headings::kind(&lines[i].text)
                .is_some_and(|k| matches!(k, Kind::Hours | Kind::Salary));
        if label {
            lines[i].item = false;
        }
    }
    short_line_lists(&mut lines);
    let mut sections: Vec<Section> = vec![Section {
        heading: None,
        kind: Kind::Unknown,
        blocks: vec![],
        marked: false,
    }];
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        let cur = sections.last().map(|s| s.kind).unwrap_or(Kind::Unknown);
        // Headings start with a capital ("working towards this role" is an
        // item of a list).
        let heading = if is_marked(l) {
            // The file says it is a heading: the vocabulary names its kind,
            // else it is a section whose text is placed by its words.
            if title.as_deref().is_some_and(|t| key(t) == key(&l.text)) {
                None
            } else {
                Some(
                    headings::kind(&l.text)
                        .or_else(|| headings::by_words(&l.text))
                        .unwrap_or(Kind::Unknown),
                )
            }
        } else if l.item || l.text.starts_with(char::is_lowercase) {
            None
        } else {
            match headings::kind(&l.text) {
                // A promo or furniture runs on over the unknown headings
                // (the other job's title, "Apprenticeships", "Courses").
                Some(k)
                    if matches!(cur, Kind::Furniture("live vacancies and courses"))
                        && matches!(k, Kind::Route(_) | Kind::WhereJobs | Kind::Unknown) =>
                {
                    None
                }
                Some(k) => Some(k),
                // In a list of names or a run of furniture, a line is a
                // heading when its words name another section and text,
                // not another name, follows it ("Knowledge, skills and
                // attributes" then "A physiotherapist needs:"); a vacancy
                // or promo ("Dental Nurse Apprentice", "Wage: …") runs on.
                None if absorbs(cur)
                    && !(!matches!(
                        cur,
                        Kind::Promo | Kind::Furniture("live vacancies and courses")
                    ) && title_like(&l.text)
                        && lines.get(i + 1).is_some_and(|n| {
                            !n.item
                                && !title_like(&n.text)
                                && n.text.split_whitespace().count() >= 3
                        })
                        && headings::by_words(&l.text).is_some_and(|k| k != cur)) =>
                {
                    None
                }
                None if title_like(&l.text)
                    && !ends_sentence(&l.text)
                    && lines.get(i + 1).is_some()
                    && title.as_deref().is_none_or(|t| key(t) != key(&l.text)) =>
                {
                    Some(headings::by_words(&l.text).unwrap_or(Kind::Unknown))
                }
                None => None,
            }
        };
        if let Some(k) = heading {
            let marked_here = is_marked(l);
            // "Also known as: A, B": the label's value is its first block.
            let value = (k == Kind::AltTitles)
                .then(|| headings::alt_titles_value(&l.text))
                .flatten();
            sections.push(Section {
                heading: Some(l.text.clone()),
                kind: k,
                blocks: value.map(|v| Block::Para(vec![v])).into_iter().collect(),
                marked: marked_here,
            });
            i += 1;
            continue;
        }
        // A repeat of the title (a second h1, a tab's title) is dropped.
        if !l.item && title.as_deref().is_some_and(|t| key(t) == key(&l.text)) {
            i += 1;
            continue;
        }
        let sec = sections.last_mut().expect("one section at least");
        let joins = |b: Option<&Block>| match b {
            Some(Block::Para(_)) => !l.blank_before && !l.item,
            Some(Block::List(_)) => l.item,
            None => false,
        };
        if joins(sec.blocks.last()) {
            match sec.blocks.last_mut() {
                Some(Block::Para(p)) | Some(Block::List(p)) => p.push(l.text.clone()),
                None => {}
            }
        } else if l.item {
            sec.blocks.push(Block::List(vec![l.text.clone()]));
        } else {
            sec.blocks.push(Block::Para(vec![l.text.clone()]));
        }
        i += 1;
    }
    let mut sections = unheaded(sections);
    // No title above the text (a "compare roles" page, a widget first):
    // the first heading that names no section is the job's.
    let mut title = title;
    if title.is_none() {
        if let Some(i) = sections.iter().position(|s| {
            s.kind == Kind::Unknown
                && s.heading
                    .as_deref()
                    .is_some_and(|h| title_like(h) && h.split_whitespace().count() <= 5)
        }) {
            let t = sections[i].heading.take().unwrap_or_default();
            title = Some(title_text(&t));
            // Its text is the job's introduction.
            let blocks = std::mem::take(&mut sections[i].blocks);
            sections[i].kind = Kind::Unknown;
            if i > 0 || sections[0].heading.is_none() {
                sections[i].blocks = blocks;
            }
        }
    }
    Page {
        layout,
        title,
        date,
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_title_and_sections() {
        let text =
            "Skip to main content\n1. Home: Explore careers\n2. Dental nurse\nDental nurse\n\
                    Dental nurses support dentists.\nAverage salary (a year)\n£23,000 Starter\n\
                    How to become\nYou can get into this job through:\n• a college course\n\
                    Is this page useful?\nYes\nNo\n";
        let mut dropped = Vec::new();
        let page = read(text, &[], None, &mut dropped);
        assert_eq!(page.title.as_deref(), Some("Dental nurse"));
        let kinds: Vec<Kind> = page.sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [Kind::Unknown, Kind::Salary, Kind::Entry]);
        assert_eq!(
            page.sections[0].blocks,
            [Block::Para(vec!["Dental nurses support dentists.".into()])]
        );
        let all: String = dropped
            .iter()
            .map(|d| d.text.clone())
            .collect::<Vec<_>>()
            .join("\n");
        for f in [
            "Skip to main content",
            "Home: Explore careers",
            "Is this page useful?",
            "Yes",
        ] {
            assert!(all.contains(f), "{f}: {dropped:?}");
        }
        let text =
            "Home\nExplore roles\nDental team\nDental nurse\nDental nurse\nDental nurses help.\n";
        let mut dropped = Vec::new();
        let page = read(text, &[], None, &mut dropped);
        assert_eq!(page.title.as_deref(), Some("Dental nurse"));
        assert_eq!(page.sections[0].blocks.len(), 1);
    }

    #[test]
    fn short_lines_after_a_lead_in_are_a_list() {
        let text = "Dental nurse\nDental nurses help dentists.\n\nYou can get into this job through:\n\
                    a college course\nan apprenticeship\nworking towards this role\n\nCollege\nYou could do a course.\n";
        let page = read(text, &[], None, &mut Vec::new());
        let items: Vec<&Block> = page.sections[0]
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::List(_)))
            .collect();
        assert_eq!(
            items,
            [&Block::List(vec![
                "a college course".into(),
                "an apprenticeship".into(),
                "working towards this role".into()
            ])]
        );
        assert_eq!(page.sections[1].kind, Kind::Route("college"));
    }

    #[test]
    fn wrapped_lines_join() {
        assert_eq!(
            paragraphs(&[
                "You would normally cover".into(),
                "9am to 5pm.".into(),
                "Next one.".into()
            ]),
            ["You would normally cover 9am to 5pm.", "Next one."]
        );
    }
}
