//! PDF writer: lays out a [`Document`] itself on printpdf's ops API.
//!
//! The pipeline per document:
//! 1. [`fonts`]: the theme's family, parsed once per writer (cached by
//!    `FontSet::id`) and wrapped in rustybuzz faces for shaping;
//! 2. [`layout`]: blocks → styled spans → shaped, broken lines → chunks →
//!    pages, with keep rules, boxes, columns and the running footer;
//! 3. [`draw`]: pages → each page's content stream, written in one pass
//!    (glyph ids; their source text goes in the fonts' ToUnicode maps, so
//!    copy and search work), and a printpdf document holding the pages,
//!    their link annotations and graphics states; fonts are subset by
//!    printpdf once per glyph set ([`subsets`]);
//! 4. [`post`]: lopdf fills what printpdf 0.12 lacks (boxes, images,
//!    nested outline, language, metadata, the structure tree, a stable
//!    document id).
//!
//! Every item layout makes carries a [`tags::Tag`] (its structure node, or
//! the kind of artifact it is), so the PDF is tagged (PDF/UA-1): the
//! structure follows the `Document`, figures have alt text, links are
//! tagged annotations, decoration and footers are artifacts.
//!
//! A theme whose [`PrintOptions::press`](crate::document::PrintOptions) is
//! set makes the press file (bleed, crop marks, CMYK, an output intent);
//! otherwise the screen file (trim size, RGB).
//!
//! One `PdfWriter` serves a whole build from many threads.

mod colour;
mod deflate;
mod draw;
mod fonts;
mod layout;
mod post;
mod qr;
mod subsets;
mod tags;

use crate::document::{Document, RenderError, Rendered, Theme, Writer};

use fonts::{FontCache, ShapeCache, Shaper};
use layout::Layout;

/// Renders documents to PDF. Cheap to create; parsed fonts are cached
/// inside, so create one per build and share it.
#[derive(Default)]
pub struct PdfWriter {
    fonts: FontCache,
    shaped: ShapeCache,
    subsets: subsets::SubsetCache,
    qrs: qr::QrCache,
    images: post::images::ImageCache,
}

impl PdfWriter {
    pub fn new() -> Self {
        PdfWriter::default()
    }

    /// How many font families this writer has parsed so far (each is
    /// parsed once, however many documents use it).
    pub fn parsed_font_families(&self) -> usize {
        self.fonts.len()
    }
}

/// Most blocks one document may have before we call it runaway input.
const MAX_BLOCKS: usize = 20_000;

fn count_blocks(blocks: &[crate::document::Block]) -> usize {
    use crate::document::Block;
    blocks
        .iter()
        .map(|b| {
            1 + match b {
                Block::List { items, .. } => items.iter().map(|i| count_blocks(i)).sum(),
                Block::Callout { blocks, .. }
                | Block::Banner { blocks }
                | Block::Lang { blocks, .. } => count_blocks(blocks),
                Block::Columns(cols) => cols.iter().map(|c| count_blocks(c)).sum(),
                Block::Table { rows, .. } => rows.iter().map(Vec::len).sum(),
                Block::Facts { rows, .. } => rows.len(),
                _ => 0,
            }
        })
        .sum()
}

fn describe(c: char) -> String {
    format!("'{c}' (U+{:04X})", c as u32)
}

impl Writer for PdfWriter {
    fn extension(&self) -> &'static str {
        "pdf"
    }

    fn render(&self, doc: &Document, theme: &Theme) -> Result<Rendered, RenderError> {
        if count_blocks(&doc.blocks) > MAX_BLOCKS {
            return Err(RenderError::Failed(format!(
                "the document has more than {MAX_BLOCKS} blocks; is its content complete and sane?"
            )));
        }
        let family = self.fonts.get(&theme.fonts)?;
        let shaper = Shaper::new(&family, &self.shaped)?;
        let lang = match doc.meta.language.trim() {
            "" => "en-GB",
            l => l,
        };
        let mut layout = Layout::new(&shaper, theme, &self.qrs, &doc.meta, lang);
        let pages = layout.run(&doc.blocks)?;
        let sheet = draw::Sheet::new(&layout.geo, theme.print);
        let drawn = draw::draw(
            &pages,
            &shaper,
            &self.subsets,
            &sheet,
            &doc.meta.title,
            &layout.tags,
        )?;
        let (bytes, mut post_warnings) =
            post::finish(drawn, &layout.tags, &self.images, &sheet, &doc.meta, theme)?;

        let source = if doc.meta.source.is_empty() {
            "the document".to_string()
        } else {
            doc.meta.source.clone()
        };
        let mut warnings = Vec::new();
        if !layout.missing.is_empty() {
            let chars: Vec<String> = layout.missing.iter().map(|c| describe(*c)).collect();
            warnings.push(format!(
                "{source}: the font {} cannot draw {}; shown as a replacement mark in the PDF",
                theme.fonts.family,
                chars.join(", ")
            ));
        }
        for w in layout.warnings.drain(..) {
            warnings.push(format!("{source}: {w}"));
        }
        warnings.append(&mut post_warnings);
        Ok(Rendered {
            bytes,
            warnings,
            too_wide: std::mem::take(&mut layout.too_wide),
            overrun: layout.overrun,
        })
    }
}
