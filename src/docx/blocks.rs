//! The body: blocks as docx-rs paragraphs and tables.
//!
//! Every paragraph names a style and carries no brand formatting of its own
//! (the only direct formatting is bold and italic from the markup, and the
//! indent of a list item's later paragraphs), so the document restyles
//! from Word's style pane. Spacing comes from the styles; the only empty
//! paragraphs are those Word requires (a table cell ends with one).
//! Tables are in `tables.rs`, runs and links in `inlines.rs`.

use docx_rs::{AlignmentType, BreakType, IndentLevel, NumberingId, Paragraph};

use super::body::{Body, Flow, Frame};
use super::geometry::{EMU_PER_MM, EMU_PER_TWIP};
use super::inlines::Fmt;
use super::media::Fit;
use super::names::{id, word_lang, BULLET_NUM_ID};
use super::numbering::{INDENT, MAX_LEVEL};
use super::patch::Picture;
use crate::document::{Block, Inline};

/// Side of a QR code, in millimetres.
const QR_MM: u64 = 25;

impl Body<'_> {
    /// The body's blocks. A draft's notice comes first, or straight after
    /// the title band when the document opens with one (the page header
    /// says it above the band too), so it is among the first things read.
    pub(crate) fn write(&mut self, blocks: &[Block], draft: bool) -> Vec<Flow> {
        self.heading_shift = min_heading_level(blocks).map_or(0, |l| l.saturating_sub(1));
        let mut out = Vec::with_capacity(blocks.len() + 1);
        let frame = Frame {
            width: self.geometry.text_width,
        };
        let rest = match blocks.split_first() {
            Some((banner @ Block::Banner { .. }, rest)) => {
                self.block(banner, frame, &mut out);
                rest
            }
            _ => blocks,
        };
        if draft {
            let notice = self.paragraph(id::DRAFT);
            let words = self.labels.draft.inlines();
            let notice = self.with_inlines(notice, &words);
            out.push(Flow::Para(Box::new(notice)));
        }
        self.blocks(rest, frame, &mut out);
        if out.is_empty() {
            out.push(Flow::Para(Box::new(self.paragraph(""))));
        }
        out
    }

    pub(crate) fn blocks(&mut self, blocks: &[Block], frame: Frame, out: &mut Vec<Flow>) {
        for block in blocks {
            self.block(block, frame, out);
        }
    }

    fn block(&mut self, block: &Block, frame: Frame, out: &mut Vec<Flow>) {
        match block {
            Block::Heading { level, content } => {
                let level = level.saturating_sub(self.heading_shift).clamp(1, 3);
                self.last_heading = Some((level, Inline::plain(content)));
                let p = self.paragraph(id::HEADINGS[usize::from(level) - 1]);
                out.push(Flow::Para(Box::new(self.with_inlines(p, content))));
            }
            Block::Paragraph(content) => {
                let p = self.paragraph("");
                out.push(Flow::Para(Box::new(self.with_inlines(p, content))));
            }
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, *start, items, 0, frame, out),
            Block::Table { header, rows } => {
                out.push(Flow::Table(Box::new(self.table(*header, rows, frame))))
            }
            Block::Facts { title, rows } => out.push(Flow::Table(Box::new(self.facts(
                title.as_deref(),
                rows,
                frame,
            )))),
            Block::Callout { title, blocks } => {
                let t = self.callout(title.as_deref(), blocks, frame);
                out.push(Flow::Table(Box::new(t)));
            }
            Block::Banner { blocks } => self.banner(blocks, frame, out),
            Block::Columns(columns) => self.columns(columns, frame, out),
            Block::Image { name, alt } => {
                let p = self.image(name, alt, frame);
                out.push(Flow::Para(Box::new(p)));
            }
            Block::Qr { url, caption } => self.qr(url, caption.as_deref(), out),
            Block::Rule => out.push(Flow::Para(Box::new(self.paragraph(id::RULE)))),
            Block::PageBreak => {
                let p = self.paragraph("");
                let run = self.run(Fmt::default()).add_break(BreakType::Page);
                out.push(Flow::Para(Box::new(p.add_run(run))));
            }
            Block::Lang { lang, blocks } => {
                let outer = self.lang.replace(word_lang(lang));
                self.blocks(blocks, frame, out);
                self.lang = outer;
            }
        }
    }

    /// A list; items' first paragraphs are numbered, later paragraphs
    /// continue at the item's indent, nested lists go one level deeper.
    fn list(
        &mut self,
        ordered: bool,
        start: u64,
        items: &[Vec<Block>],
        level: usize,
        frame: Frame,
        out: &mut Vec<Flow>,
    ) {
        let level = level.min(MAX_LEVEL);
        let (style, num_id) = if ordered {
            (id::LIST_NUMBER, self.lists.numbered(start, level))
        } else {
            (id::LIST_BULLET, BULLET_NUM_ID)
        };
        let indent = INDENT * (level as u32 + 1);
        let inner = Frame {
            width: frame.width.saturating_sub(indent).max(1_000),
        };
        let numbered = |body: &mut Self| {
            body.paragraph(style)
                .numbering(NumberingId::new(num_id), IndentLevel::new(level))
        };
        for item in items {
            let mut first = true;
            for block in item {
                match block {
                    Block::Paragraph(c) | Block::Heading { content: c, .. } => {
                        let p = if first {
                            numbered(self)
                        } else {
                            self.paragraph(id::LIST_CONTINUE).indent(
                                Some(indent as i32),
                                None,
                                None,
                                None,
                            )
                        };
                        out.push(Flow::Para(Box::new(self.with_inlines(p, c))));
                    }
                    Block::List {
                        ordered,
                        start,
                        items,
                    } => {
                        if first {
                            out.push(Flow::Para(Box::new(numbered(self))));
                        }
                        self.list(*ordered, *start, items, level + 1, frame, out);
                    }
                    other => {
                        if first {
                            out.push(Flow::Para(Box::new(numbered(self))));
                        }
                        self.block(other, inner, out);
                    }
                }
                first = false;
            }
            if first {
                out.push(Flow::Para(Box::new(numbered(self))));
            }
        }
    }

    /// The banner: the first heading in Title, the rest (the strap line) in
    /// Subtitle, together one band of brand colour. The logo and the trust's
    /// name are in the page header on every page.
    fn banner(&mut self, blocks: &[Block], frame: Frame, out: &mut Vec<Flow>) {
        let mut titled = false;
        for block in blocks {
            match block {
                Block::Heading { content, .. } if !titled => {
                    titled = true;
                    let p = self.paragraph(id::TITLE);
                    out.push(Flow::Para(Box::new(self.with_inlines(p, content))));
                }
                Block::Heading { content, .. } | Block::Paragraph(content) => {
                    let p = self.paragraph(id::SUBTITLE);
                    out.push(Flow::Para(Box::new(self.with_inlines(p, content))));
                }
                other => self.block(other, frame, out),
            }
        }
    }

    /// A picture on its own line, or its alt text as a caption when the
    /// brand has no such image.
    fn image(&mut self, name: &str, alt: &str, frame: Frame) -> Paragraph {
        let alt_or = |asset_alt: &str| {
            if alt.trim().is_empty() {
                asset_alt.to_owned()
            } else {
                alt.to_owned()
            }
        };
        let Some(asset) = self.theme.images.get(name).cloned() else {
            self.warn(format!(
                "no image named {name:?} in the brand; its alt text is shown instead"
            ));
            let p = self.paragraph(id::CAPTION);
            return self.with_inlines(p, &[Inline::Text(alt.to_owned())]);
        };
        let fit = Fit {
            max_width: u64::from(frame.width) * EMU_PER_TWIP,
            max_height: u64::from(self.geometry.height) * EMU_PER_TWIP / 3,
            upscale: false,
        };
        let alt = alt_or(&asset.alt);
        let rid = self.ids.picture();
        match self.media.picture(name, &asset, fit, &rid) {
            Some((pic, target)) => {
                self.part.rels.add(&rid, "image", &target, false);
                self.part.notes.pictures.push(Picture {
                    id: self.ids.drawing(),
                    name: name.to_owned(),
                    alt,
                });
                let p = self
                    .paragraph("")
                    .keep_next(true)
                    .align(AlignmentType::Center);
                let run = self.run(Fmt::default()).add_image(pic);
                p.add_run(run)
            }
            None => {
                self.warn(format!(
                    "image {name:?} is not a readable PNG or JPEG; its alt text is shown instead"
                ));
                let p = self.paragraph(id::CAPTION);
                self.with_inlines(p, &[Inline::Text(alt)])
            }
        }
    }

    /// A QR code picture, then its caption and the URL as a real link (the
    /// URL is always there, for anyone reading on screen).
    fn qr(&mut self, url: &str, caption: Option<&[Inline]>, out: &mut Vec<Flow>) {
        let caption = caption.filter(|c| !Inline::plain(c).trim().is_empty());
        let alt = match caption {
            Some(c) => format!("QR code: {} ({url})", Inline::plain(c).trim()),
            None => format!("QR code for {url}"),
        };
        match self.qr_cache.png(url) {
            Some(png) => {
                let rid = self.ids.picture();
                let (pic, target) = self.media.qr(url, png, QR_MM * EMU_PER_MM, &rid);
                self.part.rels.add(&rid, "image", &target, false);
                self.part.notes.pictures.push(Picture {
                    id: self.ids.drawing(),
                    name: "QR code".into(),
                    alt,
                });
                let p = self.paragraph(id::CAPTION).keep_next(true);
                let run = self.run(Fmt::default()).add_image(pic);
                out.push(Flow::Para(Box::new(p.add_run(run))));
            }
            None => self.warn(format!(
                "{url:?} is too long for a QR code; only the link is shown"
            )),
        }
        let mut content = Vec::with_capacity(3);
        if let Some(c) = caption {
            content.extend_from_slice(c);
            content.push(Inline::LineBreak);
        }
        content.push(Inline::Link {
            url: url.to_owned(),
            content: vec![Inline::Text(url.to_owned())],
        });
        let p = self.paragraph(id::CAPTION);
        out.push(Flow::Para(Box::new(self.with_inlines(p, &content))));
    }
}

/// The smallest heading level outside banners.
pub(crate) fn min_heading_level(blocks: &[Block]) -> Option<u8> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some((*level).max(1)),
            Block::Callout { blocks, .. } | Block::Lang { blocks, .. } => min_heading_level(blocks),
            Block::Columns(cols) => cols.iter().filter_map(|c| min_heading_level(c)).min(),
            _ => None,
        })
        .min()
}
