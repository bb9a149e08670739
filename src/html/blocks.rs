//! The page body: each block and inline of the `Document` as semantic HTML
//! (headings, paragraphs, lists, tables with header cells, key facts as a
//! table of `<th scope="row">` labels, call-outs, columns, images with alt
//! text, QR codes as inline SVG with their address as a link), every piece
//! of text escaped once through [`escape_into`].

use super::qr::QrCache;
use crate::document::escape::html::{escape, escape_into};
use crate::document::markup::safe_url;
use crate::document::{Block, Fact, ImageFormat, Inline, Theme};
use base64::Engine as _;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// A second-level heading of the page, for the "On this page" list.
pub(crate) struct Section {
    pub id: String,
    pub text: String,
}

/// One top-level part of the page: a full-width brand band, or a run of
/// ordinary content.
pub(crate) enum Part {
    Band(String),
    Flow(String),
}

pub(crate) struct Body<'a> {
    theme: &'a Theme,
    qr: &'a QrCache,
    out: String,
    ids: BTreeSet<String>,
    pub sections: Vec<Section>,
    pub warnings: Vec<String>,
    /// The next paragraph directly after a band is the page's lead.
    lead_next: bool,
}

impl<'a> Body<'a> {
    pub(crate) fn new(theme: &'a Theme, qr: &'a QrCache) -> Body<'a> {
        Body {
            theme,
            qr,
            out: String::new(),
            // The page's own anchors.
            ids: ["main", "contents-title"].map(String::from).into(),
            sections: Vec::new(),
            warnings: Vec::new(),
            lead_next: false,
        }
    }

    /// The document's top-level blocks as parts: each top-level banner is
    /// a band of its own, everything between bands is flow.
    pub(crate) fn parts(&mut self, blocks: &[Block]) -> Vec<Part> {
        let mut parts = Vec::new();
        for b in blocks {
            if let Block::Banner { blocks } = b {
                self.flush(&mut parts);
                self.band(blocks);
                parts.push(Part::Band(std::mem::take(&mut self.out)));
                self.lead_next = true;
            } else {
                self.block(b, 2);
            }
        }
        self.flush(&mut parts);
        parts
    }

    fn flush(&mut self, parts: &mut Vec<Part>) {
        if !self.out.is_empty() {
            parts.push(Part::Flow(std::mem::take(&mut self.out)));
        }
    }

    fn blocks(&mut self, blocks: &[Block], box_level: u8) {
        for b in blocks {
            self.block(b, box_level);
        }
    }

    /// Writes one block. `box_level` is the heading level a box's title takes.
    fn block(&mut self, block: &Block, box_level: u8) {
        let lead = std::mem::take(&mut self.lead_next);
        match block {
            Block::Heading { level, content } => {
                self.heading((*level).clamp(1, 6), content, true);
            }
            Block::Paragraph(content) => {
                self.out
                    .push_str(if lead { "<p class=\"lead\">" } else { "<p>" });
                self.inlines(content);
                self.out.push_str("</p>\n");
            }
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, *start, items, box_level),
            Block::Table { header, rows } => self.table(*header, rows),
            Block::Facts { title, rows } => self.facts(title.as_deref(), rows, box_level),
            Block::Callout { title, blocks } => {
                self.out.push_str("<div class=\"box\">\n");
                if let Some(t) = title {
                    self.heading(box_level, t, true);
                }
                self.blocks(blocks, (box_level + 1).min(6));
                self.out.push_str("</div>\n");
            }
            Block::Banner { blocks } => {
                // A band inside a box or column: the same look, in place.
                self.out
                    .push_str("<div class=\"hero\"><div class=\"wrap\">\n");
                self.banner_blocks(blocks);
                self.out.push_str("</div></div>\n");
            }
            Block::Columns(columns) => {
                self.out.push_str("<div class=\"columns\">\n");
                for col in columns {
                    self.out.push_str("<div>\n");
                    self.blocks(col, box_level);
                    self.out.push_str("</div>\n");
                }
                self.out.push_str("</div>\n");
            }
            Block::Image { name, alt } => self.image(name, alt),
            Block::Qr { url, caption } => self.qr(url, caption.as_deref()),
            Block::Rule => self.out.push_str("<hr>\n"),
            Block::PageBreak => self
                .out
                .push_str("<div class=\"page-break\" aria-hidden=\"true\"></div>\n"),
            Block::Lang { lang, blocks } => {
                self.out.push_str("<div lang=\"");
                escape_into(&mut self.out, &crate::document::regional(lang));
                self.out.push_str("\">\n");
                self.blocks(blocks, box_level);
                self.out.push_str("</div>\n");
            }
        }
    }

    fn band(&mut self, blocks: &[Block]) {
        self.out
            .push_str("<div class=\"hero\">\n<div class=\"wrap\">\n");
        self.banner_blocks(blocks);
        self.out.push_str("</div>\n</div>\n");
    }

    /// A band's blocks: headings keep their level (the first is the page's
    /// title), and are not listed under "On this page".
    fn banner_blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            match b {
                Block::Heading { level, content } => {
                    self.heading((*level).clamp(1, 6), content, false);
                }
                other => self.block(other, 2),
            }
        }
    }

    /// A heading; second- and third-level headings get an id to link to,
    /// and second-level ones in the flow are listed under "On this page".
    /// Returns the heading's id, if it has one.
    fn heading(&mut self, level: u8, content: &[Inline], listed: bool) -> Option<String> {
        let text = Inline::plain(content);
        let _ = write!(self.out, "<h{level}");
        let mut id = None;
        if listed && (2..=3).contains(&level) {
            let new = self.unique_id(&text);
            let _ = write!(self.out, " id=\"{new}\"");
            if level == 2 {
                self.sections.push(Section {
                    id: new.clone(),
                    text,
                });
            }
            id = Some(new);
        }
        self.out.push('>');
        self.inlines(content);
        let _ = writeln!(self.out, "</h{level}>");
        id
    }

    /// An id made from a heading's words (`what-you-ll-do`), unique in the
    /// page: the same document always gets the same ids.
    fn unique_id(&mut self, text: &str) -> String {
        let mut slug = String::new();
        for c in text.chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        while slug.ends_with('-') {
            slug.pop();
        }
        if slug.is_empty() || slug.starts_with(|c: char| c.is_numeric()) {
            slug.insert_str(0, "section-");
            if slug.ends_with('-') {
                slug.pop();
            }
        }
        let mut id = slug.clone();
        let mut n = 2;
        while !self.ids.insert(id.clone()) {
            id = format!("{slug}-{n}");
            n += 1;
        }
        id
    }

    fn list(&mut self, ordered: bool, start: u64, items: &[Vec<Block>], box_level: u8) {
        let tag = if ordered { "ol" } else { "ul" };
        if ordered && start != 1 {
            let _ = writeln!(self.out, "<ol start=\"{start}\">");
        } else {
            let _ = writeln!(self.out, "<{tag}>");
        }
        for item in items {
            self.out.push_str("<li>");
            match item.as_slice() {
                // A tight item: its text straight in the <li>.
                [Block::Paragraph(content)] => self.inlines(content),
                blocks => {
                    self.out.push('\n');
                    self.blocks(blocks, box_level);
                }
            }
            self.out.push_str("</li>\n");
        }
        let _ = writeln!(self.out, "</{tag}>");
    }

    fn table(&mut self, header: bool, rows: &[Vec<Vec<Inline>>]) {
        self.out.push_str("<table>\n");
        let (head, body) = match (header, rows.split_first()) {
            (true, Some((first, rest))) => (Some(first), rest),
            _ => (None, rows),
        };
        if let Some(cells) = head {
            self.out.push_str("<thead>");
            self.row(cells, "<th scope=\"col\">", "</th>");
            self.out.push_str("</thead>\n");
        }
        self.out.push_str("<tbody>\n");
        for row in body {
            self.row(row, "<td>", "</td>");
            self.out.push('\n');
        }
        self.out.push_str("</tbody>\n</table>\n");
    }

    /// One table row, each cell between `open` and `close`.
    fn row(&mut self, cells: &[Vec<Inline>], open: &str, close: &str) {
        self.out.push_str("<tr>");
        for c in cells {
            self.out.push_str(open);
            self.inlines(c);
            self.out.push_str(close);
        }
        self.out.push_str("</tr>");
    }

    /// Key facts: a table whose row headers are the labels, named by the
    /// box's title, so a screen reader says "Salary, £18,200 to £22,000".
    fn facts(&mut self, title: Option<&[Inline]>, rows: &[Fact], level: u8) {
        self.out.push_str("<div class=\"facts\">\n");
        match title.and_then(|t| self.heading(level, t, true)) {
            Some(id) => {
                let _ = writeln!(self.out, "<table aria-labelledby=\"{id}\">");
            }
            None => self.out.push_str("<table>\n"),
        }
        self.out.push_str("<tbody>\n");
        for f in rows {
            self.out.push_str("<tr><th scope=\"row\">");
            self.inlines(&f.label);
            self.out.push_str("</th><td>");
            self.inlines(&f.value);
            self.out.push_str("</td></tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n</div>\n");
    }

    fn image(&mut self, name: &str, alt: &str) {
        let Some(asset) = self.theme.images.get(name) else {
            self.warnings.push(format!(
                "no image named {name:?} in the brand; its alt text is shown instead"
            ));
            if !alt.trim().is_empty() {
                self.out.push_str("<p>");
                escape_into(&mut self.out, alt);
                self.out.push_str("</p>\n");
            }
            return;
        };
        let alt = if alt.trim().is_empty() {
            asset.alt.as_str()
        } else {
            alt
        };
        self.out.push_str("<div class=\"image\">");
        push_img(&mut self.out, asset, alt, "");
        self.out.push_str("</div>\n");
    }

    fn qr(&mut self, url: &str, caption: Option<&[Inline]>) {
        let caption = caption.filter(|c| !Inline::plain(c).trim().is_empty());
        let label = match caption {
            Some(c) => format!("QR code: {} ({url})", Inline::plain(c).trim()),
            None => format!("QR code for {url}"),
        };
        self.out.push_str("<figure class=\"qr\">");
        match self.qr.symbol(url) {
            Some(symbol) => {
                self.out.push_str(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"",
                );
                escape_into(&mut self.out, &label);
                let _ = write!(
                    self.out,
                    "\" viewBox=\"0 0 {0} {0}\" shape-rendering=\"crispEdges\"><rect width=\"{0}\" height=\"{0}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{1}\"/></svg>",
                    symbol.size, symbol.path
                );
            }
            None => self.warnings.push(format!(
                "{url:?} is too long for a QR code; only the link is shown"
            )),
        }
        self.out.push_str("<figcaption>");
        if let Some(c) = caption {
            self.inlines(c);
            self.out.push_str("<br>");
        }
        self.inline(&Inline::Link {
            url: url.to_owned(),
            content: vec![Inline::Text(url.to_owned())],
        });
        self.out.push_str("</figcaption></figure>\n");
    }

    fn inlines(&mut self, content: &[Inline]) {
        for i in content {
            self.inline(i);
        }
    }

    fn inline(&mut self, inline: &Inline) {
        match inline {
            Inline::Text(t) => escape_into(&mut self.out, t),
            Inline::Strong(c) => {
                self.out.push_str("<strong>");
                self.inlines(c);
                self.out.push_str("</strong>");
            }
            Inline::Emphasis(c) => {
                self.out.push_str("<em>");
                self.inlines(c);
                self.out.push_str("</em>");
            }
            Inline::Link { url, content } if safe_url(url) => {
                // A link that shows its own address needs no address after
                // it on paper.
                let text = Inline::plain(content);
                let bare = text == *url
                    || url
                        .split_once(':')
                        .is_some_and(|(_, rest)| rest.trim_start_matches('/') == text);
                self.out.push_str("<a href=\"");
                escape_into(&mut self.out, url);
                self.out.push_str(if bare {
                    "\" class=\"bare-link\">"
                } else {
                    "\">"
                });
                if url.to_ascii_lowercase().starts_with("tel:") {
                    // A phone number never breaks across lines.
                    let joined = no_break(content);
                    self.inlines(&joined);
                } else {
                    self.inlines(content);
                }
                self.out.push_str("</a>");
            }
            Inline::Link { content, .. } => self.inlines(content),
            Inline::LineBreak => self.out.push_str("<br>\n"),
            Inline::Lang { lang, content } => {
                self.out.push_str("<span lang=\"");
                escape_into(&mut self.out, &crate::document::regional(lang));
                self.out.push_str("\">");
                self.inlines(content);
                self.out.push_str("</span>");
            }
        }
    }
}

/// An `<img>` with the picture inside it (a `data:` address, so the page
/// needs nothing from anywhere else), its size and its alt text.
pub(crate) fn push_img(
    out: &mut String,
    asset: &crate::document::ImageAsset,
    alt: &str,
    class: &str,
) {
    let mime = match asset.format {
        ImageFormat::Png => "image/png",
        ImageFormat::Jpeg => "image/jpeg",
    };
    out.push_str("<img");
    if !class.is_empty() {
        let _ = write!(out, " class=\"{}\"", escape(class));
    }
    let _ = write!(
        out,
        " src=\"data:{mime};base64,{}\" width=\"{}\" height=\"{}\" alt=\"",
        base64::engine::general_purpose::STANDARD.encode(asset.bytes.as_slice()),
        asset.width_px,
        asset.height_px
    );
    escape_into(out, alt);
    out.push_str("\">");
}

/// Inline text with its spaces and hyphens made non-breaking (phone numbers).
fn no_break(content: &[Inline]) -> Vec<Inline> {
    content
        .iter()
        .map(|i| match i {
            Inline::Text(t) => Inline::Text(t.replace(' ', "\u{A0}").replace('-', "\u{2011}")),
            Inline::Strong(c) => Inline::Strong(no_break(c)),
            Inline::Emphasis(c) => Inline::Emphasis(no_break(c)),
            Inline::Lang { lang, content } => Inline::Lang {
                lang: lang.clone(),
                content: no_break(content),
            },
            other => other.clone(),
        })
        .collect()
}
