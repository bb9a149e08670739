//! Page furniture: the running footer and the DRAFT marks.
//!
//! The footer is a rule, the trust's name on the left, "Page N of M" on the
//! right and the brand's footer line (contact details, "Croesewir gohebiaeth
//! yn Gymraeg") between them. A footer line that does not fit between the
//! two is set a little smaller, and when that is not enough it gets a row of
//! its own, wrapped, under the name: it is never left out without a
//! warning. Since a row of its own takes room from the body, the plan is
//! made before pagination ([`Layout::plan_footer`]).

use super::lines::Lines;
use super::spans::{StyledText, TextStyle};
use super::{Item, Layout, Page, Shape};
use crate::pdf::colour::Paint;
use crate::pdf::fonts::FaceId;
use crate::pdf::tags::{Artifact, Role, Tag, ROOT};

/// The most pages whose label the footer plan makes room for (a document
/// has at most [`MAX_PAGES`](super::MAX_PAGES)), so the plan holds for any
/// count.
const WIDEST_PAGE: usize = 300;

/// Most rows a footer line may wrap to.
const MAX_FOOTER_ROWS: usize = 3;

/// Where the footer line goes.
pub(crate) enum Middle {
    None,
    /// Between the name and the page number, at this size.
    Inline(Lines),
    /// Under them, on rows of its own.
    Rows(Lines),
}

/// The footer's text, laid out once for every page.
pub(crate) struct FooterPlan {
    left: Lines,
    middle: Middle,
    /// Height of one footer row.
    row: f32,
}

const FOOTER: Tag = Tag::Art(Artifact::Footer);
const WATERMARK: Tag = Tag::Art(Artifact::Watermark);

impl Layout<'_, '_> {
    fn footer_colour(&self) -> Paint {
        // As `check` measures its contrast.
        self.pal.text.mix(
            Paint::WHITE,
            crate::document::contrast::FOOTER_LIGHTEN as f32,
        )
    }

    fn footer_text(&mut self, text: &str, face: FaceId, size: f32, width: f32) -> Lines {
        let colour = self.footer_colour();
        Lines::layout(
            self.shaper,
            StyledText::plain(text, face, colour, FOOTER),
            size,
            width,
            &mut self.missing,
        )
    }

    /// Decide how the footer is set, and move the footer rule (and the
    /// bottom of the body) up when the footer line needs rows of its own.
    pub(super) fn plan_footer(&mut self) -> FooterPlan {
        let (geo, sz) = (self.geo, self.sz);
        let width = geo.right - geo.left;
        let unbounded = f32::MAX / 4.0;
        // The trust's full name, or its short name when the full one would
        // need a second line (never a name cut off mid-word).
        let name = self.theme.org_name.clone();
        let mut left = self.footer_text(&name, FaceId::Bold, sz.small, width * 0.6);
        if left.lines.len() > 1 {
            let short = self.theme.org_short_name.clone();
            left = self.footer_text(&short, FaceId::Bold, sz.small, width * 0.6);
        }
        left.lines.truncate(1);
        let row = sz.small * 1.3;
        let footer = self.theme.footer.trim().to_string();
        if footer.is_empty() {
            return FooterPlan {
                left,
                middle: Middle::None,
                row,
            };
        }
        let widest = self.meta.labels.page(WIDEST_PAGE, WIDEST_PAGE);
        let label = self.footer_text(&widest.text(), FaceId::Regular, sz.small, unbounded);
        let gap = sz.small * 2.0;
        let room = width - left.max_width() - label.max_width() - 2.0 * gap;
        let natural = self.footer_text(&footer, FaceId::Regular, sz.small, unbounded);
        let middle = if natural.max_width() <= room {
            Middle::Inline(natural)
        } else {
            let shrunk = sz.small * room / natural.max_width().max(1.0);
            let least = (sz.small * self.design.footer_min_scale)
                .max(self.design.footer_min_pt)
                .max(sz.smallest);
            if shrunk >= least {
                Middle::Inline(self.footer_text(&footer, FaceId::Regular, shrunk, unbounded))
            } else {
                let mut rows = self.footer_text(&footer, FaceId::Regular, sz.small, width);
                if rows.lines.len() > MAX_FOOTER_ROWS {
                    self.warnings.push(format!(
                        "the footer line \"{footer}\" needs more than {MAX_FOOTER_ROWS} lines; \
                         only the first {MAX_FOOTER_ROWS} are printed (shorten it in brand.yaml)"
                    ));
                    rows.lines.truncate(MAX_FOOTER_ROWS);
                }
                let extra = rows.lines.len() as f32 * row;
                self.geo.footer_rule -= extra;
                self.geo.bottom -= extra;
                Middle::Rows(rows)
            }
        };
        FooterPlan { left, middle, row }
    }

    /// The running footer on every page.
    pub(super) fn footers(&mut self, pages: &mut [Page]) {
        let (geo, sz) = (self.geo, self.sz);
        let Some(plan) = self.footer.take() else {
            return;
        };
        let total = pages.len();
        let gap = sz.small * 2.0;
        let rows_below = match &plan.middle {
            Middle::Rows(m) => m.lines.len(),
            _ => 0,
        };
        let baseline = geo.footer_baseline - rows_below as f32 * plan.row;
        for (i, page) in pages.iter_mut().enumerate() {
            // "Page 1 of 2", in the document's languages (the catalogues').
            let label = self.meta.labels.page(i + 1, total);
            let right = self.footer_text(&label.text(), FaceId::Regular, sz.small, f32::MAX / 4.0);
            let rw = right.max_width();
            let lw = plan.left.max_width();
            page.items.push(Item::new(
                Shape::Line {
                    x1: geo.left,
                    y1: geo.footer_rule,
                    x2: geo.right,
                    y2: geo.footer_rule,
                    width: 0.5,
                    colour: self.pal.secondary,
                },
                FOOTER,
                0,
            ));
            page.items
                .extend(plan.left.line_items(0, geo.left, baseline, &self.tags));
            match &plan.middle {
                Middle::None => {}
                Middle::Inline(m) => {
                    let mw = m.max_width();
                    let x = (geo.left + lw + gap).max(geo.left + (geo.right - geo.left - mw) / 2.0);
                    let x = x.min(geo.right - rw - gap - mw);
                    page.items.extend(m.line_items(0, x, baseline, &self.tags));
                }
                Middle::Rows(m) => {
                    for k in 0..m.lines.len() {
                        let y = baseline + (k + 1) as f32 * plan.row;
                        page.items.extend(m.line_items(k, geo.left, y, &self.tags));
                    }
                }
            }
            page.items
                .extend(right.line_items(0, geo.right - rw, baseline, &self.tags));
        }
        self.footer = Some(plan);
    }

    /// The height of a draft's red strip (the band's content starts below
    /// it); 0 for a finished document.
    pub(super) fn draft_strip_height(&self) -> f32 {
        if self.meta.draft {
            (self.sz.body * 2.0).min(self.geo.top * 0.9)
        } else {
            0.0
        }
    }

    /// A draft says so on every page: a red strip across the top reading
    /// "DRAFT – not for publication" and a large diagonal DRAFT over the
    /// page. The first page's strip is the first thing in the structure
    /// (a screen reader announces it); the rest are watermark artifacts.
    pub(super) fn draft_marks(&mut self, pages: &mut [Page]) {
        let (geo, sz, d) = (self.geo, self.sz, self.design);
        let unbounded = f32::MAX / 4.0;
        let red = Paint::DRAFT;
        let size = sz.body;
        let strip_h = self.draft_strip_height();
        let first = self.tags.add_first(Role::P, ROOT);
        // The first page's strip is read, each language of a bilingual
        // notice in its own Span; the rest repeat it as artifacts.
        let white = TextStyle {
            bold: true,
            italic: false,
            colour: Paint::WHITE,
            link_colour: Paint::WHITE,
        };
        let words = self.meta.labels.draft.inlines();
        let first_text = StyledText::from_inlines(&words, white, Tag::Node(first), &mut self.tags);
        let rest_text = StyledText::plain(
            &self.meta.labels.draft.text(),
            FaceId::Bold,
            Paint::WHITE,
            WATERMARK,
        );
        let mut strip_text =
            |text: StyledText| Lines::layout(self.shaper, text, size, unbounded, &mut self.missing);
        let strip_first = strip_text(first_text);
        let strip_rest = strip_text(rest_text);
        // The diagonal: the word across most of the page's diagonal.
        let word = Lines::layout(
            self.shaper,
            StyledText::plain(
                &self.meta.labels.draft_word.text(),
                FaceId::Bold,
                red,
                WATERMARK,
            ),
            100.0,
            unbounded,
            &mut self.missing,
        );
        let diagonal = (geo.w * geo.w + geo.h * geo.h).sqrt();
        let big = (100.0 * diagonal * 0.55 / word.max_width().max(1.0)).min(geo.w * 0.4);
        let word = Lines::layout(
            self.shaper,
            StyledText::plain(
                &self.meta.labels.draft_word.text(),
                FaceId::Bold,
                red,
                WATERMARK,
            ),
            big,
            unbounded,
            &mut self.missing,
        );
        let ww = word.max_width();
        let angle = (geo.h / geo.w).atan().to_degrees();
        let bleed = geo.bleed;
        for (i, page) in pages.iter_mut().enumerate() {
            let tag = if i == 0 { Tag::DECO } else { WATERMARK };
            page.items.push(Item::new(
                Shape::Rect {
                    x: -bleed,
                    y: -bleed,
                    w: geo.w + 2.0 * bleed,
                    h: strip_h + bleed,
                    fill: red,
                },
                tag,
                0,
            ));
            let text = if i == 0 { &strip_first } else { &strip_rest };
            let tw = text.max_width();
            let fam = self.shaper.family.face(FaceId::Bold);
            let baseline = (strip_h + (fam.ascender + fam.descender) * size) / 2.0;
            page.items
                .extend(text.line_items(0, (geo.w - tw) / 2.0, baseline, &self.tags));
            let runs = word
                .line_items(0, -ww / 2.0, big * 0.36, &self.tags)
                .into_iter()
                .filter_map(|it| match it.shape {
                    Shape::Text(r) => Some(r),
                    _ => None,
                })
                .collect();
            page.items.push(Item::new(
                Shape::Stamp {
                    runs,
                    x: geo.w / 2.0,
                    y: geo.h / 2.0,
                    angle,
                    opacity: d.draft_opacity,
                },
                WATERMARK,
                0,
            ));
        }
    }
}
