//! Inline content as docx-rs runs and hyperlinks.
//!
//! Text is cleaned of characters XML cannot carry before docx-rs sees it
//! (docx-rs escapes markup but passes those through). Tabs and line feeds
//! in text become Word's own tab and break elements.

use docx_rs::{BreakType, Hyperlink, HyperlinkData, HyperlinkType, Paragraph, Run};

use super::blocks::Body;
use super::styles::{id, word_lang};
use super::xml::clean;
use crate::document::Inline;

/// Direct run formatting from the markup.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Fmt {
    bold: bool,
    italic: bool,
    /// Inside a hyperlink (links do not nest).
    link: bool,
}

/// What a paragraph is being filled with: runs go straight into it, or
/// into the hyperlink being built.
enum Sink {
    Paragraph(Paragraph),
    Link(Paragraph, Hyperlink),
}

impl Sink {
    fn push(self, run: Run) -> Sink {
        match self {
            Sink::Paragraph(p) => Sink::Paragraph(p.add_run(run)),
            Sink::Link(p, h) => Sink::Link(p, h.add_run(run)),
        }
    }
}

impl Body<'_> {
    /// `p` with `content` added.
    pub(crate) fn with_inlines(&mut self, p: Paragraph, content: &[Inline]) -> Paragraph {
        match self.inlines(Sink::Paragraph(p), content, Fmt::default()) {
            Sink::Paragraph(p) => p,
            // Links are always closed by `link`.
            Sink::Link(p, h) => p.add_hyperlink(h),
        }
    }

    /// A run formatted `fmt` in the current language: bold and italic
    /// directly, links by their character style, the language by a marker
    /// the patches turn into `w:lang`.
    pub(crate) fn run(&mut self, fmt: Fmt) -> Run {
        let mut run = Run::new();
        if fmt.bold {
            run = run.bold();
        }
        if fmt.italic {
            run = run.italic();
        }
        match self.style_id(if fmt.link { id::HYPERLINK } else { "" }) {
            Some(style) => run.style(&style),
            None => run,
        }
    }

    fn inlines(&mut self, mut sink: Sink, content: &[Inline], fmt: Fmt) -> Sink {
        for inline in content {
            sink = match inline {
                Inline::Text(t) => self.text(sink, t, fmt),
                Inline::Strong(c) => self.inlines(sink, c, Fmt { bold: true, ..fmt }),
                Inline::Emphasis(c) => self.inlines(
                    sink,
                    c,
                    Fmt {
                        italic: true,
                        ..fmt
                    },
                ),
                Inline::Link { url, content } => self.link(sink, url, content, fmt),
                Inline::Lang { lang, content } => {
                    let outer = self.lang.replace(word_lang(lang));
                    let sink = self.inlines(sink, content, fmt);
                    self.lang = outer;
                    sink
                }
                Inline::LineBreak => {
                    let run = self.run(fmt).add_break(BreakType::TextWrapping);
                    sink.push(run)
                }
            };
        }
        sink
    }

    /// A run of text; tabs and line feeds become Word's own elements.
    fn text(&mut self, sink: Sink, text: &str, fmt: Fmt) -> Sink {
        let text = clean(text);
        if text.is_empty() {
            return sink;
        }
        let mut run = self.run(fmt);
        let mut rest: &str = &text;
        while let Some(i) = rest.find(['\n', '\t']) {
            if i > 0 {
                run = run.add_text(&rest[..i]);
            }
            run = if rest.as_bytes()[i] == b'\t' {
                run.add_tab()
            } else {
                run.add_break(BreakType::TextWrapping)
            };
            rest = &rest[i + 1..];
        }
        if !rest.is_empty() {
            run = run.add_text(rest);
        }
        sink.push(run)
    }

    fn link(&mut self, sink: Sink, url: &str, content: &[Inline], fmt: Fmt) -> Sink {
        let fallback;
        let content = if content.is_empty() {
            fallback = [Inline::Text(url.to_owned())];
            &fallback[..]
        } else {
            content
        };
        if fmt.link {
            return self.inlines(sink, content, fmt);
        }
        if !is_linkable(url) {
            self.warn(format!("link to {url:?} left as plain text: only https, http, mailto and tel links are written"));
            return self.inlines(sink, content, fmt);
        }
        let p = match sink {
            Sink::Paragraph(p) => p,
            // Already inside a link: links do not nest.
            inside => return self.inlines(inside, content, fmt),
        };
        let target = clean(url.trim()).into_owned();
        let mut link = Hyperlink::new(target.as_str(), HyperlinkType::External);
        // docx-rs numbers hyperlinks from a process-wide counter; the
        // relationship id is the document's own instead.
        if let HyperlinkData::External { rid, .. } = &mut link.link {
            *rid = self.ids.link(&target);
        }
        let inner = Fmt { link: true, ..fmt };
        match self.inlines(Sink::Link(p, link), content, inner) {
            Sink::Link(p, h) => Sink::Paragraph(p.add_hyperlink(h)),
            done => done,
        }
    }
}

/// Whether `url` may become a live link.
pub(crate) fn is_linkable(url: &str) -> bool {
    let url = url.trim();
    let scheme = url.split_once(':').map_or("", |(s, _)| s);
    ["https", "http", "mailto", "tel"]
        .iter()
        .any(|s| scheme.eq_ignore_ascii_case(s))
        && url.len() > scheme.len() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_mail_and_phone_links_are_live() {
        assert!(is_linkable("https://www.nhs.uk"));
        assert!(is_linkable("mailto:pals@example.nhs.uk"));
        assert!(is_linkable("tel:+441234567890"));
        assert!(!is_linkable("javascript:alert(1)"));
        assert!(!is_linkable("https:"));
        assert!(!is_linkable("file:///etc/passwd"));
    }
}
