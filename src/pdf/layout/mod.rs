//! Layout: blocks → chunks → pages.
//!
//! Every block becomes a list of [`Chunk`]s: one per text line, table row,
//! image, QR code and so on, each with the space it wants above it and
//! whether it must stay on the page with the next one (headings keep with
//! what follows; the first and second-last lines of a paragraph keep with
//! their neighbours, so there are no single-line widows or orphans). Shaded
//! boxes are *groups*: their background is drawn per page behind whichever
//! of their chunks landed there, so a long box can still break across pages.
//! Pagination is then a simple first-fit over keep chains.
//!
//! Text goes through three files, one way: `spans.rs` (inlines → styled
//! spans), `shape.rs` (spans → glyphs, rustybuzz), `lines.rs` (glyphs →
//! lines → items to draw).
//!
//! Coordinates are points, origin at the top-left corner of the trim box,
//! y growing downwards; `draw` flips them for PDF.

mod boxes;
mod breaks;
mod codes;
mod flow;
mod furniture;
mod geometry;
mod hyphen;
mod items;
mod lines;
mod paginate;
mod shape;
mod spans;

pub(crate) use geometry::{Design, Geometry, Sizes, DESIGN};
pub(crate) use items::{Chunk, Deco, GlyphText, Item, Shape, TextGlyph, TextRun};

use super::colour::Paint;
use super::fonts::Shaper;
use super::qr::QrCache;
use super::tags::{NodeId, Role, Tree, ROOT};
use crate::document::{Block, Meta, RenderError, Theme};
use shape::Missing;

/// Millimetres to points.
pub(crate) const MM: f32 = 72.0 / 25.4;

/// Most pages one document may have; more means runaway content.
pub(crate) const MAX_PAGES: usize = 300;

/// Colours used in the layout.
#[derive(Clone, Copy, Debug)]
struct Palette {
    text: Paint,
    primary: Paint,
    secondary: Paint,
    shade: Paint,
}

/// Where and how a flow is laid out.
#[derive(Clone, Copy, Debug)]
struct Env {
    x: f32,
    w: f32,
    text: Paint,
    heading: Paint,
    link: Paint,
    list_depth: u8,
    on_band: bool,
    /// The structure node what is laid out here belongs to.
    parent: NodeId,
    /// The language asked for here (`::: lang`), if any.
    lang: Option<u16>,
}

/// A finished page: items in reading order with absolute coordinates.
pub(crate) struct Page {
    pub(crate) items: Vec<Item>,
}

/// Lays out one document.
/// `'s` is the fonts' lifetime (the shaper's faces borrow them), `'a`
/// everything else's: a theme tightened by `fit` lives shorter than the
/// shaper.
pub(crate) struct Layout<'a, 's> {
    shaper: &'a Shaper<'s>,
    theme: &'a Theme,
    qrs: &'a QrCache,
    pub(crate) geo: Geometry,
    pub(crate) sz: Sizes,
    design: Design,
    pal: Palette,
    /// Page columns, their width and the gutter between them.
    cols: usize,
    col_w: f32,
    gutter: f32,
    /// The footer's plan, made before pagination.
    footer: Option<furniture::FooterPlan>,
    decos: Vec<Deco>,
    /// The logical structure, in reading order.
    pub(crate) tags: Tree,
    /// The level of the last heading outside boxes (0 before the first),
    /// so a box's title gets a level that does not skip one.
    last_heading: u8,
    meta: &'a Meta,
    pub(crate) missing: Missing,
    pub(crate) warnings: Vec<String>,
    /// Words and addresses wider than their column (cut at its edge).
    pub(crate) too_wide: Vec<String>,
    /// How full the last page's columns are (0 to 1), after pagination.
    pub(crate) last_fill: f32,
    /// The first chunk of a box kept at the foot of the last page.
    foot_from: Option<usize>,
}

impl<'a, 's> Layout<'a, 's> {
    pub(crate) fn new(
        shaper: &'a Shaper<'s>,
        theme: &'a Theme,
        qrs: &'a QrCache,
        meta: &'a Meta,
        lang: &str,
    ) -> Layout<'a, 's> {
        let sz = Sizes::new(
            theme.body_pt,
            theme.paper,
            &theme.legibility,
            &theme.spacing,
        );
        let geo = Geometry::new(theme.paper, theme.print.bleed_mm, sz.body);
        let pal = Palette {
            text: Paint::from_colour(theme.text),
            primary: Paint::from_colour(theme.primary),
            secondary: Paint::from_colour(theme.secondary),
            shade: Paint::from_colour(theme.shade),
        };
        let width = geo.right - geo.left;
        let gutter = DESIGN.column_gutter_mm * MM;
        let two = (width - gutter) / 2.0;
        let one = theme.legibility.columns == Some(1);
        let (cols, col_w) = if !one && two >= sz.body * DESIGN.min_column_em {
            (2, two)
        } else {
            (1, width)
        };
        let mut layout = Layout {
            shaper,
            theme,
            qrs,
            geo,
            sz,
            design: DESIGN,
            pal,
            cols,
            col_w,
            gutter,
            footer: None,
            decos: Vec::new(),
            tags: Tree::new(lang),
            last_heading: 0,
            meta,
            missing: Missing::new(),
            warnings: Vec::new(),
            too_wide: Vec::new(),
            last_fill: 0.0,
            foot_from: None,
        };
        layout.footer = Some(layout.plan_footer());
        layout
    }

    fn body_env(&self) -> Env {
        Env {
            x: self.geo.left,
            w: self.col_w,
            text: self.pal.text,
            heading: self.pal.primary,
            link: self.pal.primary,
            list_depth: 0,
            on_band: false,
            parent: ROOT,
            lang: None,
        }
    }

    /// Open a structure node for what is laid out in `env`.
    fn node(&mut self, role: Role, env: Env) -> NodeId {
        self.tags.add(role, env.parent, env.lang)
    }

    /// Lay out the whole document into pages (footers included).
    pub(crate) fn run(&mut self, blocks: &[Block]) -> Result<Vec<Page>, RenderError> {
        let mut chunks = Vec::new();
        let env = self.body_env();
        // A shaded box that ends the document ("Find out more": the
        // contact block and QR code) stands at the foot of the last page.
        match blocks.split_last() {
            Some((last @ Block::Callout { .. }, rest)) if !rest.is_empty() => {
                self.flow(rest, env, &mut chunks);
                let from = chunks.len();
                self.block(last, env, &mut chunks);
                self.foot_from = Some(from);
            }
            _ => self.flow(blocks, env, &mut chunks),
        }
        let mut pages = self.paginate(chunks)?;
        self.footers(&mut pages);
        if self.meta.draft {
            self.draft_marks(&mut pages);
        }
        Ok(pages)
    }
}
