//! Plain-text writer: a summary a recruitment officer can paste into an email
//! unchanged. UTF-8, wrapped at `theme.text_width` columns (display width,
//! so CJK counts double), headings underlined, bullets with hanging indents,
//! web and email addresses never broken across lines.

use crate::document::{Block, Document, Inline, RenderError, Rendered, Theme, Writer};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Default)]
pub struct TextWriter;

impl Writer for TextWriter {
    fn extension(&self) -> &'static str {
        "txt"
    }

    fn render(&self, doc: &Document, theme: &Theme) -> Result<Rendered, RenderError> {
        let width = theme.text_width.clamp(20, 1000);
        let mut out = Out {
            lines: Vec::new(),
            width,
        };
        // A draft says so before and after the text, so that no part of
        // it can be pasted into a message without the warning.
        let notice = format!("*** {} ***", doc.meta.labels.draft);
        if doc.meta.draft {
            out.lines.push(notice.clone());
            out.blank();
        }
        out.blocks(&doc.blocks, "", "");
        if doc.meta.draft {
            out.blank();
            out.lines.push(notice);
        }
        // Exactly one blank line between blocks, none at the ends.
        let mut text = String::new();
        let mut blank = true;
        for line in out.lines {
            let line = line.trim_end();
            if line.is_empty() {
                if !blank {
                    text.push('\n');
                }
                blank = true;
                continue;
            }
            text.push_str(line);
            text.push('\n');
            blank = false;
        }
        while text.ends_with("\n\n") {
            text.pop();
        }
        Ok(Rendered {
            bytes: text.into_bytes(),
            ..Rendered::default()
        })
    }
}

struct Out {
    lines: Vec<String>,
    width: usize,
}

impl Out {
    fn blank(&mut self) {
        self.lines.push(String::new());
    }

    /// Writes blocks; the first line of the first block starts with `first`,
    /// all others with `rest` (a hanging indent).
    fn blocks(&mut self, blocks: &[Block], first: &str, rest: &str) {
        for (i, b) in blocks.iter().enumerate() {
            let lead = if i == 0 { first } else { rest };
            self.block(b, lead, rest);
        }
    }

    fn block(&mut self, block: &Block, first: &str, rest: &str) {
        match block {
            Block::Heading { level, content } => {
                let text = words_text(content);
                self.blank();
                let start = self.lines.len();
                self.wrap(&text, first, rest);
                let w = self.lines[start..]
                    .iter()
                    .map(|l| l.width())
                    .max()
                    .unwrap_or(0);
                let under = if *level == 1 { '=' } else { '-' };
                self.lines.push(format!(
                    "{rest}{}",
                    under.to_string().repeat(w.saturating_sub(rest.width()))
                ));
                self.blank();
            }
            Block::Paragraph(inlines) => {
                self.paragraph(inlines, first, rest);
                self.blank();
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                let last = *start + items.len().saturating_sub(1) as u64;
                let marker_width = if *ordered {
                    last.to_string().len() + 2
                } else {
                    2
                };
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{:>w$}. ", *start + i as u64, w = marker_width - 2)
                    } else {
                        "* ".to_string()
                    };
                    let hang = format!("{rest}{}", " ".repeat(marker_width));
                    let lead = format!("{}{marker}", if i == 0 { first } else { rest });
                    self.list_item(item, &lead, &hang);
                }
                self.blank();
            }
            Block::Table { rows, .. } => {
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| words_text(c)).collect();
                    self.wrap(&cells.join(" | "), first, rest);
                }
                self.blank();
            }
            Block::Facts { title, rows } => {
                self.box_title(title.as_deref(), first, rest);
                let labels: Vec<String> =
                    rows.iter().map(|f| label(&words_text(&f.label))).collect();
                let w = labels.iter().map(|l| l.width()).max().unwrap_or(0) + 1;
                for (l, fact) in labels.iter().zip(rows) {
                    let lead = format!("{rest}{l}{}", " ".repeat(w - l.width()));
                    let hang = format!("{rest}{}", " ".repeat(w));
                    self.wrap(&words_text(&fact.value), &lead, &hang);
                }
                self.blank();
            }
            Block::Callout { title, blocks } => {
                self.box_title(title.as_deref(), first, rest);
                self.blocks(blocks, rest, rest);
            }
            Block::Banner { blocks } => self.blocks(blocks, first, rest),
            Block::Columns(cols) => {
                for col in cols {
                    self.blocks(col, rest, rest);
                }
            }
            Block::Image { alt, .. } => {
                if !alt.is_empty() {
                    self.wrap(&format!("[{alt}]"), first, rest);
                    self.blank();
                }
            }
            Block::Qr { url, caption } => {
                let text = match caption {
                    Some(c) => format!("{}: {url}", Inline::plain(c).trim()),
                    None => url.clone(),
                };
                self.wrap(&text, first, rest);
                self.blank();
            }
            Block::Rule => {
                self.blank();
                self.lines.push(format!(
                    "{rest}{}",
                    "-".repeat(self.width.saturating_sub(rest.width()).min(72))
                ));
                self.blank();
            }
            Block::PageBreak => self.blank(),
            Block::Lang { blocks, .. } => self.blocks(blocks, first, rest),
        }
    }

    /// A box's title (key facts, call-outs) as a second-level heading.
    fn box_title(&mut self, title: Option<&[Inline]>, first: &str, rest: &str) {
        if let Some(t) = title {
            let heading = Block::Heading {
                level: 2,
                content: t.to_vec(),
            };
            self.block(&heading, first, rest);
        }
    }

    fn list_item(&mut self, item: &[Block], lead: &str, hang: &str) {
        for (i, b) in item.iter().enumerate() {
            match b {
                // Paragraphs inside an item stay tight.
                Block::Paragraph(inlines) => {
                    self.paragraph(inlines, if i == 0 { lead } else { hang }, hang)
                }
                other => self.block(other, if i == 0 { lead } else { hang }, hang),
            }
        }
    }

    fn paragraph(&mut self, inlines: &[Inline], first: &str, rest: &str) {
        // A hard line break starts a new line with the same indent.
        let text = words_text(inlines);
        for (i, line) in text.split('\n').enumerate() {
            self.wrap(line, if i == 0 { first } else { rest }, rest);
        }
    }

    /// Greedy wrap at spaces. A web or email address is one unbreakable
    /// word (it may run past the width rather than break); any other word
    /// wider than a line is split.
    fn wrap(&mut self, text: &str, first: &str, rest: &str) {
        let mut line = first.to_string();
        let mut has_word = false;
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let sep = usize::from(has_word);
            if has_word && line.width() + sep + word.width() > self.width {
                self.lines
                    .push(std::mem::replace(&mut line, rest.to_string()));
                has_word = false;
            }
            let room = self.width.saturating_sub(line.width());
            // An address too long for what is left of a line that starts
            // with words (a fact's label, "Web:") goes on a line of its
            // own: only a line that is one address may pass the width.
            if !has_word && word.width() > room && unbreakable(word) && !is_indent(&line) {
                self.lines
                    .push(std::mem::replace(&mut line, rest.to_string()));
            }
            let room = self.width.saturating_sub(line.width());
            if !has_word && word.width() > room && !unbreakable(word) && room > 0 {
                for piece in split_width(word, room, self.width.saturating_sub(rest.width()).max(1))
                {
                    if has_word {
                        self.lines
                            .push(std::mem::replace(&mut line, rest.to_string()));
                    }
                    line.push_str(&piece);
                    has_word = true;
                }
                continue;
            }
            if has_word {
                line.push(' ');
            }
            line.push_str(word);
            has_word = true;
        }
        if has_word || !first.trim().is_empty() {
            self.lines.push(line);
        }
    }
}

/// Facts labels end with a colon: "Salary:".
fn label(l: &str) -> String {
    if l.ends_with(':') {
        l.to_string()
    } else {
        format!("{l}:")
    }
}

/// Web addresses (with or without their scheme: `https://…`, `www.…`,
/// `example.nhs.uk/pals`) and email addresses must never be broken.
fn unbreakable(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '[', '<', '"', '\'', '‘', '“']);
    word.contains("://")
        || word.contains('@')
        || word.starts_with("www.")
        || word.split_once('/').is_some_and(|(host, _)| is_host(host))
}

/// `nhs.uk`, `www.eastbrook.example.nhs.uk`: labels of letters, digits and
/// hyphens joined by dots, the last all letters.
fn is_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|l| l.len() >= 2 && l.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Whether a line so far is only indentation and a list marker (`* `,
/// `12. `): an address may follow it past the width.
fn is_indent(line: &str) -> bool {
    let marker = line.trim();
    marker.is_empty()
        || marker == "*"
        || marker
            .strip_suffix('.')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Splits an over-long word into pieces: the first fits `first` columns, the
/// others `rest` columns.
fn split_width(word: &str, first: usize, rest: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut cur = String::new();
    let mut limit = first;
    for c in word.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if cur.width() + w > limit && !cur.is_empty() {
            pieces.push(std::mem::take(&mut cur));
            limit = rest;
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        pieces.push(cur);
    }
    pieces
}

/// Inline content as plain text: links show their address when the text
/// does not already say it.
fn words_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) => s.push_str(t),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Lang { content: c, .. } => {
                s.push_str(&words_text(c))
            }
            Inline::Link { url, content } => {
                let text = words_text(content);
                let bare = url
                    .strip_prefix("mailto:")
                    .or_else(|| url.strip_prefix("tel:"))
                    .unwrap_or(url);
                s.push_str(&text);
                if !url.starts_with("tel:") && text.trim() != bare && text.trim() != url.as_str() {
                    s.push_str(&format!(" ({bare})"));
                }
            }
            Inline::LineBreak => s.push('\n'),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::markup::parse;

    fn render(markup: &str, width: usize) -> String {
        let doc = Document {
            blocks: parse(markup).unwrap(),
            ..Default::default()
        };
        let theme = Theme::for_tests(width);
        String::from_utf8(TextWriter.render(&doc, &theme).unwrap().bytes).unwrap()
    }

    #[test]
    fn headings_are_underlined() {
        let t = render("# PALS officer\n\n## What you'll do\n\nText.", 72);
        assert_eq!(
            t,
            "PALS officer\n============\n\nWhat you'll do\n--------------\n\nText.\n"
        );
    }

    #[test]
    fn bullets_hang_and_wrap() {
        let t = render(
            "- one two three four five six seven eight nine ten eleven twelve\n- b",
            30,
        );
        assert_eq!(
            t,
            "* one two three four five six\n  seven eight nine ten eleven\n  twelve\n* b\n"
        );
    }

    #[test]
    fn addresses_are_never_broken() {
        let url = "https://www.example.nhs.uk/a/very/long/path/that/goes/on/and/on";
        let t = render(
            &format!("See [the page]({url}) now, or mail pals@x.nhs.uk."),
            30,
        );
        assert!(t.lines().any(|l| l.trim() == format!("({url})")), "{t}");
        assert!(t.lines().any(|l| l.contains("pals@x.nhs.uk.")), "{t}");
        // Only the address may exceed the width.
        for l in t.lines().filter(|l| !l.contains("https://")) {
            assert!(l.width() <= 30, "{l:?}");
        }
    }

    /// Whether a line is one address, after its indent and list marker.
    fn one_address(line: &str) -> bool {
        let t = line.trim_start();
        let t = t.strip_prefix("* ").unwrap_or(t);
        !t.contains(' ') && unbreakable(t)
    }

    #[test]
    fn only_a_line_that_is_one_address_passes_the_width() {
        let long = "https://www.eastbrook.example.nhs.uk/services/patient-advice-and-liaison-service/contact-us";
        let bare = "eastbrook.example.nhs.uk/gwasanaethau/cyngor-a-chyswllt-cleifion/cysylltu-a-ni";
        let welsh = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
        let markup = format!(
            "::: facts\n- **Gwefan / Website** {long}\n- **Cyfeiriad** {bare}\n:::\n\n\
             Ewch i {long} neu {bare} i ddysgu rhagor am Ysbyty {welsh} a'r gwasanaethau \
             cyngor, ac ysgrifennwch at gwasanaeth.cyngor.a.chyswllt.cleifion@glan-y-mor.example.wales.\n\n\
             - {long}\n- Gweler ({long}).\n"
        );
        let t = render(&markup, 40);
        for line in t.lines() {
            assert!(line.width() <= 40 || one_address(line), "{line:?} in\n{t}");
        }
        // Each address whole on a line, the label before it alone.
        assert!(t.lines().any(|l| l == "Gwefan / Website:"), "{t}");
        assert!(t.lines().any(|l| l.trim() == long), "{t}");
        assert!(t.lines().any(|l| l.trim() == bare), "{t}");
        assert!(t.lines().any(|l| l.trim() == format!("({long}).")), "{t}");
        assert!(t.lines().any(|l| l == format!("* {long}")), "{t}");
        // At 72 columns the long Welsh word fits a line and is not broken.
        let t = render(&markup, 72);
        assert!(t.lines().any(|l| l.contains(welsh)), "{t}");
        for line in t.lines() {
            assert!(line.width() <= 72 || one_address(line), "{line:?} in\n{t}");
        }
    }

    #[test]
    fn words_that_look_like_addresses() {
        for w in [
            "https://x.org",
            "pals@x.nhs.uk",
            "www.nhs.uk",
            "nhs.uk/pals",
            "(www.x.org/a)",
        ] {
            assert!(unbreakable(w), "{w}");
        }
        for w in ["and/or", "Llun/Gwener", "9am–5pm", "£18,200", "e.g./i.e."] {
            assert!(!unbreakable(w), "{w}");
        }
    }

    #[test]
    fn facts_align_and_long_words_split() {
        let t = render(
            "::: facts\n- **Salary** £18,200 to £22,000\n- **Hours** 9am to 5pm\n:::\n",
            72,
        );
        assert_eq!(t, "Salary: £18,200 to £22,000\nHours:  9am to 5pm\n");
        let t = render(&"x".repeat(50), 20);
        assert_eq!(
            t.lines().map(str::len).collect::<Vec<_>>(),
            vec![20, 20, 10]
        );
    }
}
