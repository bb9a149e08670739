//! Paragraph text, step one: inlines → styled spans.
//!
//! A paragraph's inlines become one string and a list of spans, each a run
//! of one face, colour, link and structure node: what shaping
//! ([`super::shape`]) works on, span by span, and what line breaking
//! ([`super::lines`]) draws from. Links and language spans open their
//! structure nodes here, in reading order.

use crate::document::Inline;
use crate::pdf::colour::Paint;
use crate::pdf::fonts::FaceId;
use crate::pdf::tags::{Role, Tag, Tree};

/// How one span looks.
#[derive(Clone, Debug)]
pub(crate) struct SpanStyle {
    pub(crate) face: FaceId,
    pub(crate) colour: Paint,
    pub(crate) link: Option<String>,
    /// The structure node the text belongs to (its paragraph, link or
    /// language span), or the artifact it is.
    pub(crate) tag: Tag,
}

/// Styled text ready for shaping.
#[derive(Clone, Debug, Default)]
pub(crate) struct StyledText {
    pub(crate) text: String,
    /// (start byte, style), in order; a span runs to the next start.
    pub(crate) spans: Vec<(usize, SpanStyle)>,
}

/// Base style for a paragraph.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextStyle {
    pub(crate) bold: bool,
    pub(crate) italic: bool,
    pub(crate) colour: Paint,
    pub(crate) link_colour: Paint,
}

impl StyledText {
    pub(crate) fn plain(text: &str, face: FaceId, colour: Paint, tag: Tag) -> StyledText {
        let mut s = StyledText::default();
        s.push(
            text,
            &SpanStyle {
                face,
                colour,
                link: None,
                tag,
            },
        );
        s
    }

    /// Styled text for `inlines`, tagged as content of node `tag`: a link
    /// becomes a `Link` node under it and text in another language a
    /// `Span` with its own `/Lang`.
    pub(crate) fn from_inlines(
        inlines: &[Inline],
        style: TextStyle,
        tag: Tag,
        tree: &mut Tree,
    ) -> StyledText {
        let mut s = StyledText::default();
        s.add_inlines(inlines, style, None, tag, Some(tree));
        s
    }

    /// Styled text for measuring only: nothing of it is drawn, so it makes
    /// no structure nodes.
    pub(crate) fn measure(inlines: &[Inline], style: TextStyle) -> StyledText {
        let mut s = StyledText::default();
        s.add_inlines(inlines, style, None, Tag::DECO, None);
        s
    }

    fn add_inlines(
        &mut self,
        inlines: &[Inline],
        style: TextStyle,
        link: Option<&str>,
        tag: Tag,
        mut tree: Option<&mut Tree>,
    ) {
        for i in inlines {
            match i {
                Inline::Text(t) => {
                    let colour = if link.is_some() {
                        style.link_colour
                    } else {
                        style.colour
                    };
                    let span = SpanStyle {
                        face: FaceId::new(style.bold, style.italic),
                        colour,
                        link: link.map(str::to_string),
                        tag,
                    };
                    let clean: String = t
                        .chars()
                        .map(|c| {
                            if c == '\n' || c == '\t' || c == '\r' {
                                ' '
                            } else {
                                c
                            }
                        })
                        .collect();
                    self.push(&clean, &span);
                }
                Inline::Strong(c) => self.add_inlines(
                    c,
                    TextStyle {
                        bold: true,
                        ..style
                    },
                    link,
                    tag,
                    tree.as_deref_mut(),
                ),
                Inline::Emphasis(c) => self.add_inlines(
                    c,
                    TextStyle {
                        italic: true,
                        ..style
                    },
                    link,
                    tag,
                    tree.as_deref_mut(),
                ),
                Inline::Link { url, content } => {
                    // A link inside a link (not valid markup) stays the outer one.
                    let inner = match (&mut tree, tag) {
                        (Some(t), Tag::Node(parent)) if link.is_none() => {
                            let id = t.add(Role::Link, parent, None);
                            t.set_alt(id, &link_description(content, url));
                            Tag::Node(id)
                        }
                        _ => tag,
                    };
                    // An address printed as itself loses its scheme, which
                    // nobody types (the link keeps it).
                    let shown;
                    let content = match content.as_slice() {
                        [Inline::Text(t)] if t.trim() == url && display_url(url) != url => {
                            shown = [Inline::Text(display_url(url).to_string())];
                            &shown[..]
                        }
                        _ => &content[..],
                    };
                    self.add_inlines(content, style, Some(url), inner, tree.as_deref_mut())
                }
                Inline::Lang { lang, content } => {
                    let inner = match (&mut tree, tag) {
                        (Some(t), Tag::Node(parent)) => {
                            let l = t.lang(lang);
                            Tag::Node(t.add(Role::Span, parent, Some(l)))
                        }
                        _ => tag,
                    };
                    self.add_inlines(content, style, link, inner, tree.as_deref_mut())
                }
                Inline::LineBreak => {
                    let span = SpanStyle {
                        face: FaceId::new(style.bold, style.italic),
                        colour: style.colour,
                        link: None,
                        tag,
                    };
                    self.push("\n", &span);
                }
            }
        }
    }

    fn push(&mut self, text: &str, style: &SpanStyle) {
        if text.is_empty() {
            return;
        }
        let same = self.spans.last().is_some_and(|(_, s)| {
            s.face == style.face
                && s.colour == style.colour
                && s.link == style.link
                && s.tag == style.tag
        });
        if !same {
            self.spans.push((self.text.len(), style.clone()));
        }
        self.text.push_str(text);
    }

    pub(super) fn span_end(&self, i: usize) -> usize {
        self.spans.get(i + 1).map_or(self.text.len(), |s| s.0)
    }
}

/// What a link's annotation says (its `/Contents`): the link's text, and
/// where it goes when the text does not say so.
fn link_description(content: &[Inline], url: &str) -> String {
    let text = Inline::plain(content)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let target = url
        .strip_prefix("mailto:")
        .or_else(|| url.strip_prefix("tel:"))
        .unwrap_or(url);
    let plain_target: String = target.chars().filter(|c| !c.is_whitespace()).collect();
    let plain_text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        format!("Link to {url}")
    } else if plain_text == plain_target || plain_text == url {
        text
    } else if url.starts_with("mailto:") {
        format!("{text} (email {target})")
    } else if url.starts_with("tel:") {
        format!("{text} (phone {target})")
    } else {
        format!("{text} ({url})")
    }
}

/// An address as printed: without the `https://` or `http://`, which
/// nobody types.
pub(super) fn display_url(url: &str) -> &str {
    url.strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(url)
}
