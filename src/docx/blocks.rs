//! `word/document.xml`: blocks and inlines as WordprocessingML.
//!
//! Every paragraph names a style and carries no brand formatting of its own
//! (the only direct formatting is bold and italic from the markup), so the
//! document restyles from Word's style pane. Tables are laid out with a
//! fixed grid in twips that adds up to exactly the width they sit in, so
//! nothing overflows the page, however deep call-outs and columns nest.

use std::fmt::Write as _;

use super::media::{Assets, Fit, QrCache};
use super::numbering::{Lists, INDENT, MAX_LEVEL};
use super::page::{Geometry, EMU_PER_TWIP};
use super::rels::{Rels, HYPERLINK};
use super::styles::{id, BULLET_NUM_ID};
use super::xml::escape_into;
use crate::document::{Block, Fact, Inline, Theme};

/// Cell margins (left + right) of the table styles, in twips; see `styles.rs`.
const CALLOUT_CELL_PAD: u32 = 2 * 227;
const LAYOUT_GUTTER: u32 = 284;
/// Share of a key-facts table taken by the label column, in per cent.
const FACT_LABEL_PERCENT: u32 = 34;
/// Side of a QR code, in millimetres.
const QR_MM: u64 = 25;

/// Direct run formatting from the markup.
#[derive(Debug, Clone, Copy, Default)]
struct Fmt {
    bold: bool,
    italic: bool,
    /// Inside a hyperlink (links do not nest).
    link: bool,
}

/// Where blocks are being written.
#[derive(Debug, Clone, Copy)]
struct Frame {
    /// Width available, in twips.
    width: u32,
    /// Inside a table cell: the cell must end with a paragraph.
    in_cell: bool,
}

/// The document body being written, plus everything it registers on the
/// way (relationships, media, numbered lists, warnings).
pub(crate) struct Body<'a> {
    theme: &'a Theme,
    geometry: Geometry,
    out: String,
    pub(crate) rels: Rels,
    pub(crate) assets: Assets,
    pub(crate) lists: Lists,
    pub(crate) warnings: Vec<String>,
    /// Subtracted from heading levels so the top level in the document is
    /// Heading 1 (templates may start sections at `##`).
    heading_shift: u8,
    source: &'a str,
    qr_cache: &'a QrCache,
}

impl<'a> Body<'a> {
    pub(crate) fn new(
        theme: &'a Theme,
        geometry: Geometry,
        rels: Rels,
        source: &'a str,
        qr_cache: &'a QrCache,
    ) -> Self {
        Body {
            theme,
            geometry,
            out: String::new(),
            rels,
            assets: Assets::default(),
            lists: Lists::default(),
            warnings: Vec::new(),
            heading_shift: 0,
            source,
            qr_cache,
        }
    }

    /// Writes `blocks` as the content of `<w:body>` (without the `sectPr`).
    pub(crate) fn write(&mut self, blocks: &[Block]) -> String {
        self.heading_shift = min_heading_level(blocks).map_or(0, |l| l.saturating_sub(1));
        self.out = String::with_capacity(4_096 + blocks.len() * 600);
        let frame = Frame {
            width: self.geometry.text_width,
            in_cell: false,
        };
        self.blocks(blocks, frame);
        if blocks.is_empty() {
            self.out.push_str("<w:p/>");
        }
        std::mem::take(&mut self.out)
    }

    fn warn(&mut self, message: String) {
        if self.source.is_empty() {
            self.warnings.push(message);
        } else {
            self.warnings.push(format!("{}: {message}", self.source));
        }
    }

    fn blocks(&mut self, blocks: &[Block], frame: Frame) {
        for (i, block) in blocks.iter().enumerate() {
            let table = self.block(block, frame);
            // Word needs a paragraph after a table at the end of a cell, and
            // text straight after a table needs a line of air.
            if table && (!frame.in_cell || i + 1 == blocks.len()) {
                self.spacer();
            }
        }
        if frame.in_cell && blocks.is_empty() {
            self.out.push_str("<w:p/>");
        }
    }

    /// Writes one block; returns whether it ended with a table.
    fn block(&mut self, block: &Block, frame: Frame) -> bool {
        match block {
            Block::Heading { level, content } => {
                let level = level.saturating_sub(self.heading_shift).clamp(1, 3);
                self.paragraph(id::HEADINGS[usize::from(level) - 1], "", content);
            }
            Block::Paragraph(content) => self.paragraph("", "", content),
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, *start, items, 0, frame),
            Block::Table { header, rows } => {
                self.table(*header, rows, frame);
                return true;
            }
            Block::Facts { title, rows } => {
                self.facts(title.as_deref(), rows, frame);
                return true;
            }
            Block::Callout { title, blocks } => {
                self.callout(title.as_deref(), blocks, frame);
                return true;
            }
            Block::Banner { blocks } => self.banner(blocks, frame),
            Block::Columns(columns) => {
                if self.columns(columns, frame) {
                    return true;
                }
            }
            Block::Image { name, alt } => self.image(name, alt, frame),
            Block::Qr { url, caption } => self.qr(url, caption.as_deref()),
            Block::Rule => {
                let _ = write!(
                    self.out,
                    "<w:p><w:pPr><w:pStyle w:val=\"{}\"/></w:pPr></w:p>",
                    id::RULE
                );
            }
            Block::PageBreak => self
                .out
                .push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"),
            Block::Lang { blocks, .. } => {
                let mut table = false;
                for b in blocks {
                    table = self.block(b, frame);
                }
                return table;
            }
        }
        false
    }

    /// A paragraph in `style` ("" for Normal) with extra `w:pPr` children
    /// (already in schema order after `w:pStyle`).
    fn paragraph(&mut self, style: &str, ppr: &str, content: &[Inline]) {
        self.open_paragraph(style, ppr);
        self.inlines(content, Fmt::default());
        self.out.push_str("</w:p>");
    }

    fn open_paragraph(&mut self, style: &str, ppr: &str) {
        if style.is_empty() && ppr.is_empty() {
            self.out.push_str("<w:p>");
        } else {
            self.out.push_str("<w:p><w:pPr>");
            if !style.is_empty() {
                let _ = write!(self.out, "<w:pStyle w:val=\"{style}\"/>");
            }
            self.out.push_str(ppr);
            self.out.push_str("</w:pPr>");
        }
    }

    /// An empty paragraph: air after a table, and the paragraph a cell must end with.
    fn spacer(&mut self) {
        self.out
            .push_str("<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>");
    }

    fn inlines(&mut self, content: &[Inline], fmt: Fmt) {
        for inline in content {
            match inline {
                Inline::Text(t) => self.run(t, fmt),
                Inline::Strong(c) => self.inlines(c, Fmt { bold: true, ..fmt }),
                Inline::Emphasis(c) => self.inlines(
                    c,
                    Fmt {
                        italic: true,
                        ..fmt
                    },
                ),
                Inline::Link { url, content } => self.link(url, content, fmt),
                Inline::Lang { content, .. } => self.inlines(content, fmt),
                Inline::LineBreak => {
                    self.open_run(fmt);
                    self.out.push_str("<w:br/></w:r>");
                }
            }
        }
    }

    fn link(&mut self, url: &str, content: &[Inline], fmt: Fmt) {
        let fallback;
        let content = if content.is_empty() {
            fallback = [Inline::Text(url.to_owned())];
            &fallback[..]
        } else {
            content
        };
        if fmt.link {
            return self.inlines(content, fmt);
        }
        if !is_linkable(url) {
            self.warn(format!("link to {url:?} left as plain text: only https, http, mailto and tel links are written"));
            return self.inlines(content, fmt);
        }
        let rid = self.rels.add(HYPERLINK, url.trim(), true);
        let _ = write!(self.out, "<w:hyperlink r:id=\"{rid}\" w:history=\"1\">");
        self.inlines(content, Fmt { link: true, ..fmt });
        self.out.push_str("</w:hyperlink>");
    }

    fn open_run(&mut self, fmt: Fmt) {
        if !(fmt.bold || fmt.italic || fmt.link) {
            self.out.push_str("<w:r>");
            return;
        }
        self.out.push_str("<w:r><w:rPr>");
        if fmt.link {
            let _ = write!(self.out, "<w:rStyle w:val=\"{}\"/>", id::HYPERLINK);
        }
        if fmt.bold {
            self.out.push_str("<w:b/><w:bCs/>");
        }
        if fmt.italic {
            self.out.push_str("<w:i/><w:iCs/>");
        }
        self.out.push_str("</w:rPr>");
    }

    /// A run of text; tabs and line feeds become Word's own elements.
    fn run(&mut self, text: &str, fmt: Fmt) {
        if text.is_empty() {
            return;
        }
        self.open_run(fmt);
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' || c == '\t' {
                self.text(&text[start..i]);
                self.out
                    .push_str(if c == '\t' { "<w:tab/>" } else { "<w:br/>" });
                start = i + 1;
            }
        }
        self.text(&text[start..]);
        self.out.push_str("</w:r>");
    }

    fn text(&mut self, text: &str) {
        if !text.is_empty() {
            self.out.push_str("<w:t xml:space=\"preserve\">");
            escape_into(&mut self.out, text);
            self.out.push_str("</w:t>");
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
    ) {
        let level = level.min(MAX_LEVEL);
        let (style, num_id) = if ordered {
            (id::LIST_NUMBER, self.lists.numbered(start, level))
        } else {
            (id::LIST_BULLET, BULLET_NUM_ID)
        };
        let numbered =
            format!("<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num_id}\"/></w:numPr>");
        let continued = format!("<w:ind w:left=\"{}\"/>", INDENT * (level as u32 + 1));
        let inner = Frame {
            width: frame
                .width
                .saturating_sub(INDENT * (level as u32 + 1))
                .max(1_000),
            ..frame
        };
        for item in items {
            let mut first = true;
            for block in item {
                match block {
                    Block::Paragraph(c) | Block::Heading { content: c, .. } => {
                        if first {
                            self.paragraph(style, &numbered, c);
                        } else {
                            self.paragraph(id::LIST_CONTINUE, &continued, c);
                        }
                    }
                    Block::List {
                        ordered,
                        start,
                        items,
                    } => {
                        if first {
                            self.paragraph(style, &numbered, &[]);
                        }
                        self.list(*ordered, *start, items, level + 1, frame);
                    }
                    other => {
                        if first {
                            self.paragraph(style, &numbered, &[]);
                        }
                        if self.block(other, inner) {
                            self.spacer();
                        }
                    }
                }
                first = false;
            }
            if first {
                self.paragraph(style, &numbered, &[]);
            }
        }
    }

    /// `<w:tbl>` with its properties and a grid of `cols` (twips) that adds
    /// up to the table's width.
    fn open_table(&mut self, style: &str, look: Look, cols: &[u32]) {
        let width: u32 = cols.iter().sum();
        let _ = write!(
            self.out,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"{style}\"/><w:tblW w:w=\"{width}\" w:type=\"dxa\"/>\
<w:tblLayout w:type=\"fixed\"/>{}</w:tblPr><w:tblGrid>",
            look.xml()
        );
        for c in cols {
            let _ = write!(self.out, "<w:gridCol w:w=\"{c}\"/>");
        }
        self.out.push_str("</w:tblGrid>");
    }

    fn open_row(&mut self, row: Row) {
        self.out.push_str(if row.header {
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        } else {
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        });
    }

    fn open_cell(&mut self, width: u32, span: usize) {
        let _ = write!(
            self.out,
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"
        );
        if span > 1 {
            let _ = write!(self.out, "<w:gridSpan w:val=\"{span}\"/>");
        }
        self.out.push_str("</w:tcPr>");
    }

    /// A cell holding one paragraph of inline content: Table Heading in a
    /// header row, kept with the next row so short tables do not split.
    fn inline_cell(&mut self, row: Row, width: u32, span: usize, content: &[Inline]) {
        self.open_cell(width, span);
        let style = if row.header { id::TABLE_HEADING } else { "" };
        let ppr = if row.last { "" } else { "<w:keepNext/>" };
        self.paragraph(style, ppr, content);
        self.out.push_str("</w:tc>");
    }

    fn table(&mut self, header: bool, rows: &[Vec<Vec<Inline>>], frame: Frame) {
        let ncols = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let cols = split_width(frame.width, &vec![1; ncols]);
        self.open_table(
            id::TABLE_GRID,
            Look {
                first_row: header,
                first_col: false,
            },
            &cols,
        );
        for (r, cells) in rows.iter().enumerate() {
            let row = Row::new(header && r == 0, r + 1 == rows.len());
            self.open_row(row);
            for (c, width) in cols.iter().enumerate() {
                self.inline_cell(row, *width, 1, cells.get(c).map_or(&[][..], Vec::as_slice));
            }
            self.out.push_str("</w:tr>");
        }
        if rows.is_empty() {
            self.empty_row(cols[0], 1);
        }
        self.out.push_str("</w:tbl>");
    }

    /// The row a table with no rows still needs.
    fn empty_row(&mut self, width: u32, span: usize) {
        let row = Row::new(false, true);
        self.open_row(row);
        self.inline_cell(row, width, span, &[]);
        self.out.push_str("</w:tr>");
    }

    /// Key facts: a two-column table in the Key Facts style, its title (if
    /// any) a header row across both columns.
    fn facts(&mut self, title: Option<&[Inline]>, rows: &[Fact], frame: Frame) {
        let label = frame.width * FACT_LABEL_PERCENT / 100;
        let cols = [label, frame.width - label];
        self.open_table(
            id::KEY_FACTS,
            Look {
                first_row: title.is_some(),
                first_col: true,
            },
            &cols,
        );
        if let Some(title) = title {
            let row = Row::new(true, rows.is_empty());
            self.open_row(row);
            self.inline_cell(row, frame.width, 2, title);
            self.out.push_str("</w:tr>");
        }
        for (r, fact) in rows.iter().enumerate() {
            let row = Row::new(false, r + 1 == rows.len());
            self.open_row(row);
            self.inline_cell(row, cols[0], 1, &fact.label);
            self.inline_cell(row, cols[1], 1, &fact.value);
            self.out.push_str("</w:tr>");
        }
        if rows.is_empty() && title.is_none() {
            self.empty_row(frame.width, 2);
        }
        self.out.push_str("</w:tbl>");
    }

    /// A call-out: a one-cell table in the Call-out Box style (shaded, a
    /// brand-coloured bar on the left), its title in Box Title.
    fn callout(&mut self, title: Option<&[Inline]>, blocks: &[Block], frame: Frame) {
        self.open_table(id::CALLOUT, Look::default(), &[frame.width]);
        self.open_row(Row::new(false, true));
        self.out.push_str("<w:tc><w:tcPr>");
        let _ = write!(
            self.out,
            "<w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr>",
            frame.width
        );
        if let Some(title) = title {
            self.paragraph(id::BOX_TITLE, "", title);
        }
        let inner = Frame {
            width: frame.width.saturating_sub(CALLOUT_CELL_PAD).max(1_000),
            in_cell: true,
        };
        if title.is_some() && blocks.is_empty() {
            // The title paragraph already ends the cell.
        } else {
            self.blocks(blocks, inner);
        }
        self.out.push_str("</w:tc></w:tr></w:tbl>");
    }

    /// The banner: the first heading in Title, the rest (the strap line) in
    /// Subtitle, together one band of brand colour. The logo and the trust's
    /// name are in the page header on every page.
    fn banner(&mut self, blocks: &[Block], frame: Frame) {
        let mut titled = false;
        for block in blocks {
            match block {
                Block::Heading { content, .. } if !titled => {
                    titled = true;
                    self.paragraph(id::TITLE, "", content);
                }
                Block::Heading { content, .. } | Block::Paragraph(content) => {
                    self.paragraph(id::SUBTITLE, "", content)
                }
                other => {
                    if self.block(other, frame) {
                        self.spacer();
                    }
                }
            }
        }
        self.spacer();
    }

    /// Columns as a borderless layout table, one cell per column: it keeps
    /// them side by side in Word and LibreOffice and edits like a table.
    /// Returns false when there was nothing to lay out.
    fn columns(&mut self, columns: &[Vec<Block>], frame: Frame) -> bool {
        if columns.is_empty() {
            return false;
        }
        if columns.len() == 1 {
            self.blocks(&columns[0], frame);
            return false;
        }
        let cols = split_width(frame.width, &vec![1; columns.len()]);
        self.open_table(id::LAYOUT, Look::default(), &cols);
        self.open_row(Row::new(false, true));
        for (column, width) in columns.iter().zip(&cols) {
            self.open_cell(*width, 1);
            let inner = Frame {
                width: width.saturating_sub(LAYOUT_GUTTER).max(1_000),
                in_cell: true,
            };
            self.blocks(column, inner);
            self.out.push_str("</w:tc>");
        }
        self.out.push_str("</w:tr></w:tbl>");
        true
    }

    fn image(&mut self, name: &str, alt: &str, frame: Frame) {
        let Some(asset) = self.theme.images.get(name) else {
            self.warn(format!(
                "no image named {name:?} in the brand; its alt text is shown instead"
            ));
            return self.paragraph(id::CAPTION, "", &[Inline::Text(alt.to_owned())]);
        };
        let fit = Fit {
            max_width: u64::from(frame.width) * EMU_PER_TWIP,
            max_height: u64::from(self.geometry.height) * EMU_PER_TWIP / 3,
            upscale: false,
        };
        let alt = if alt.trim().is_empty() {
            asset.alt.as_str()
        } else {
            alt
        };
        match self.assets.picture(&mut self.rels, name, asset, alt, fit) {
            Some(drawing) => {
                self.out
                    .push_str("<w:p><w:pPr><w:keepNext/><w:jc w:val=\"center\"/></w:pPr><w:r>");
                self.out.push_str(&drawing);
                self.out.push_str("</w:r></w:p>");
            }
            None => {
                self.warn(format!(
                    "image {name:?} is not a readable PNG or JPEG; its alt text is shown instead"
                ));
                self.paragraph(id::CAPTION, "", &[Inline::Text(alt.to_owned())]);
            }
        }
    }

    /// A QR code picture, then its caption and the URL as a real link (the
    /// URL is always there, for anyone reading on screen).
    fn qr(&mut self, url: &str, caption: Option<&str>) {
        let alt = match caption {
            Some(c) if !c.trim().is_empty() => format!("QR code: {c} ({url})"),
            _ => format!("QR code for {url}"),
        };
        match self
            .assets
            .qr(self.qr_cache, &mut self.rels, url, &alt, QR_MM)
        {
            Some(drawing) => {
                self.out
                    .push_str("<w:p><w:pPr><w:keepNext/><w:spacing w:after=\"0\"/></w:pPr><w:r>");
                self.out.push_str(&drawing);
                self.out.push_str("</w:r></w:p>");
            }
            None => self.warn(format!(
                "{url:?} is too long for a QR code; only the link is shown"
            )),
        }
        let mut content = Vec::with_capacity(3);
        if let Some(c) = caption.filter(|c| !c.trim().is_empty()) {
            content.push(Inline::Text(c.to_owned()));
            content.push(Inline::LineBreak);
        }
        content.push(Inline::Link {
            url: url.to_owned(),
            content: vec![Inline::Text(url.to_owned())],
        });
        self.paragraph(id::CAPTION, "", &content);
    }
}

/// Where a table row is.
#[derive(Debug, Clone, Copy)]
struct Row {
    /// The header row, repeated on every page the table runs onto.
    header: bool,
    last: bool,
}

impl Row {
    fn new(header: bool, last: bool) -> Self {
        Row { header, last }
    }
}

/// Which conditional formats of a table style apply (`w:tblLook`).
#[derive(Debug, Clone, Copy, Default)]
struct Look {
    first_row: bool,
    first_col: bool,
}

impl Look {
    fn xml(self) -> String {
        // The legacy hex value and the attributes say the same thing; Word
        // writes both, older readers (and LibreOffice) want the hex.
        let val = 0x0400 // no vertical banding
            | 0x0200 // no horizontal banding
            | if self.first_row { 0x0020 } else { 0 }
            | if self.first_col { 0x0080 } else { 0 };
        format!(
            "<w:tblLook w:val=\"{val:04X}\" w:firstRow=\"{}\" w:lastRow=\"0\" w:firstColumn=\"{}\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>",
            u8::from(self.first_row),
            u8::from(self.first_col)
        )
    }
}

/// `width` split in proportion to `weights`, the last column taking the
/// rounding so the grid adds up exactly.
fn split_width(width: u32, weights: &[u32]) -> Vec<u32> {
    let total: u32 = weights.iter().sum::<u32>().max(1);
    let mut cols: Vec<u32> = weights.iter().map(|w| width * w / total).collect();
    let used: u32 = cols.iter().sum();
    if let Some(last) = cols.last_mut() {
        *last += width - used;
    }
    cols
}

/// The smallest heading level outside banners.
fn min_heading_level(blocks: &[Block]) -> Option<u8> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some((*level).max(1)),
            Block::Callout { blocks, .. } => min_heading_level(blocks),
            Block::Columns(cols) => cols.iter().filter_map(|c| min_heading_level(c)).min(),
            _ => None,
        })
        .min()
}

/// Whether `url` may become a live link.
fn is_linkable(url: &str) -> bool {
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
    fn grids_add_up_to_the_width() {
        assert_eq!(split_width(9_638, &[1, 1, 1]), vec![3_212, 3_212, 3_214]);
        assert_eq!(split_width(100, &[]), Vec::<u32>::new());
    }

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
