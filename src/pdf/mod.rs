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

use crate::document::{Document, Overrun, RenderError, Rendered, Theme, Writer};

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

/// The shares of the theme's gaps `fit` tries, loosest first (down to
/// the template's `fit_min`).
const FIT_STEPS: [f32; 8] = [0.9, 0.8, 0.7, 0.6, 0.5, 0.45, 0.4, 0.3];

/// The tightest line spacing `fit` sets, in body sizes (the type itself
/// never shrinks).
const FIT_MIN_LEADING: f32 = 1.25;

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
        // Within the sides the template is made for: with `fit`, the
        // spacing is tightened step by step (never the type) until it fits.
        let fitted = match theme.sides.sides {
            Some(n) if theme.sides.fit => {
                let first = Layout::new(&shaper, theme, &self.qrs, &doc.meta, lang)
                    .run(&doc.blocks)?
                    .len();
                let mut chosen = None;
                if first > n as usize {
                    for k in FIT_STEPS
                        .iter()
                        .filter(|k| **k >= theme.sides.fit_min - 1e-3)
                    {
                        let mut t = theme.clone();
                        t.spacing = theme.spacing.tightened(*k, FIT_MIN_LEADING);
                        let n_pages = Layout::new(&shaper, &t, &self.qrs, &doc.meta, lang)
                            .run(&doc.blocks)?
                            .len();
                        let fits = n_pages <= n as usize;
                        chosen = Some(t);
                        if fits {
                            break;
                        }
                    }
                }
                chosen
            }
            _ => None,
        };
        let theme = fitted.as_ref().unwrap_or(theme);
        let mut layout = Layout::new(&shaper, theme, &self.qrs, &doc.meta, lang);
        let pages = layout.run(&doc.blocks)?;
        let overrun = theme
            .sides
            .sides
            .filter(|n| pages.len() > *n as usize)
            .map(|n| Overrun {
                sides: n,
                pages: pages.len(),
                over: (pages.len() - n as usize - 1) as f32 + layout.last_fill,
            });
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
            overrun,
        })
    }
}
