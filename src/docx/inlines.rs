//! Inline content as docx-rs runs and hyperlinks.
//!
//! Text is cleaned of characters XML cannot carry before docx-rs sees it
//! (docx-rs escapes markup but passes those through). Tabs and line feeds
//! in text become Word's own tab and break elements.

use docx_rs::{
    Break, BreakType, Hyperlink, HyperlinkData, HyperlinkType, Paragraph, ParagraphChild, Run,
    RunChild, Tab, Text,
};

use super::body::Body;
use super::names::{id, word_lang};
use crate::document::escape::xml::clean;
use crate::document::Inline;

/// Direct run formatting from the markup.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Fmt {
    bold: bool,
    italic: bool,
    /// Inside a hyperlink (links do not nest).
    link: bool,
}

impl Body<'_> {
    /// `p` with `content` added.
    pub(crate) fn with_inlines(&mut self, mut p: Paragraph, content: &[Inline]) -> Paragraph {
        self.inlines(&mut p.children, content, Fmt::default());
        p
    }

    /// A run formatted `fmt` in the current language: bold and italic
    /// directly, links by their character style, the language by a marker
    /// the patches turn into `w:lang`.
    pub(crate) fn run(&mut self, fmt: Fmt) -> Run {
        let mut run = Run::new();
        if fmt.bold {
            run.run_property = run.run_property.bold();
        }
        if fmt.italic {
            run.run_property = run.run_property.italic();
        }
        if let Some(style) = self.style_id(if fmt.link { id::HYPERLINK } else { "" }) {
            run.run_property = run.run_property.style(&style);
        }
        run
    }

    /// Adds `content` to `out`: a paragraph's children, or a hyperlink's.
    fn inlines(&mut self, out: &mut Vec<ParagraphChild>, content: &[Inline], fmt: Fmt) {
        for inline in content {
            match inline {
                Inline::Text(t) => self.text(out, t, fmt),
                Inline::Strong(c) => self.inlines(out, c, Fmt { bold: true, ..fmt }),
                Inline::Emphasis(c) => self.inlines(
                    out,
                    c,
                    Fmt {
                        italic: true,
                        ..fmt
                    },
                ),
                Inline::Link { url, content } => self.link(out, url, content, fmt),
                Inline::Lang { lang, content } => {
                    let outer = self.lang.replace(word_lang(lang));
                    self.inlines(out, content, fmt);
                    self.lang = outer;
                }
                Inline::LineBreak => {
                    let mut run = self.run(fmt);
                    run.children
                        .push(RunChild::Break(Break::new(BreakType::TextWrapping)));
                    out.push(ParagraphChild::Run(Box::new(run)));
                }
            }
        }
    }

    /// A run of text; tabs and line feeds become Word's own elements.
    fn text(&mut self, out: &mut Vec<ParagraphChild>, text: &str, fmt: Fmt) {
        let text = clean(text);
        if text.is_empty() {
            return;
        }
        let mut run = self.run(fmt);
        let mut rest: &str = &text;
        while let Some(i) = rest.find(['\n', '\t']) {
            if i > 0 {
                run.children.push(RunChild::Text(Text::new(&rest[..i])));
            }
            run.children.push(if rest.as_bytes()[i] == b'\t' {
                RunChild::Tab(Tab::new())
            } else {
                RunChild::Break(Break::new(BreakType::TextWrapping))
            });
            rest = &rest[i + 1..];
        }
        if !rest.is_empty() {
            run.children.push(RunChild::Text(Text::new(rest)));
        }
        out.push(ParagraphChild::Run(Box::new(run)));
    }

    fn link(&mut self, out: &mut Vec<ParagraphChild>, url: &str, content: &[Inline], fmt: Fmt) {
        let fallback;
        let content = if content.is_empty() {
            fallback = [Inline::Text(url.to_owned())];
            &fallback[..]
        } else {
            content
        };
        // Links do not nest.
        if fmt.link {
            return self.inlines(out, content, fmt);
        }
        if !is_linkable(url) {
            self.warn(format!("link to {url:?} left as plain text: only https, http, mailto and tel links are written"));
            return self.inlines(out, content, fmt);
        }
        let target = clean(url.trim()).into_owned();
        let mut link = Hyperlink::new(target.as_str(), HyperlinkType::External);
        // docx-rs numbers hyperlinks from a process-wide counter; the
        // relationship id is the document's own instead.
        if let HyperlinkData::External { rid, .. } = &mut link.link {
            *rid = self.ids.link(&target);
        }
        self.inlines(&mut link.children, content, Fmt { link: true, ..fmt });
        out.push(ParagraphChild::Hyperlink(link));
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
