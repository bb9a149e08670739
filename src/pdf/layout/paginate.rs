//! Pagination: first-fit over keep chains, into one or more page columns.
//!
//! A chunk that spans (the brand band) takes the page's full width; below
//! it the body runs down the first column, then the next. The last page's
//! columns are balanced: the shortest column height that still holds
//! everything on that page, so a short final page is not all on the left.

use super::{Chunk, Item, Layout, Page, MAX_PAGES};
use crate::document::RenderError;

/// Where a chunk goes: its page, its column and the y of its top.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Pos {
    page: usize,
    col: usize,
    y: f32,
}

/// A chunk that has to start a new page or column: everything the
/// first-fit loop needs to know about where it stands.
struct Cursor {
    page: usize,
    col: usize,
    y: f32,
    /// Nothing placed yet in this column (space above is dropped).
    at_top: bool,
    /// Nothing placed yet on this page.
    page_empty: bool,
    /// Where the columns start on this page (below a spanning chunk).
    col_top: f32,
}

impl Layout<'_, '_> {
    fn too_many_pages() -> RenderError {
        RenderError::Failed(format!(
            "the document runs to more than {MAX_PAGES} pages; is its content complete and sane?"
        ))
    }

    /// Positions for `chunks` in `cols` columns, the columns at most
    /// `col_height` tall when given (for balancing), else down to the
    /// bottom margin.
    fn positions(
        &self,
        chunks: &[Chunk],
        cols: usize,
        col_height: Option<f32>,
    ) -> Result<Vec<Pos>, RenderError> {
        let geo = self.geo;
        let mut at = Cursor {
            page: 0,
            col: 0,
            y: geo.top,
            at_top: true,
            page_empty: true,
            col_top: geo.top,
        };
        let bottom = |at: &Cursor| match col_height {
            Some(h) => (at.col_top + h).min(geo.bottom),
            None => geo.bottom,
        };
        let new_page = |at: &mut Cursor| -> Result<(), RenderError> {
            if at.page + 1 >= MAX_PAGES {
                return Err(Self::too_many_pages());
            }
            *at = Cursor {
                page: at.page + 1,
                col: 0,
                y: geo.top,
                at_top: true,
                page_empty: true,
                col_top: geo.top,
            };
            Ok(())
        };
        let n = chunks.len();
        let mut out = Vec::with_capacity(n);
        let mut overlong_until: Option<usize> = None;
        for i in 0..n {
            let c = &chunks[i];
            if c.span {
                // Across the page: only where nothing is beside it yet.
                if at.col > 0 || (!at.page_empty && c.bleed_top) {
                    new_page(&mut at)?;
                }
                let y0 = if at.page_empty && c.bleed_top {
                    0.0
                } else if at.at_top {
                    at.y
                } else {
                    at.y + c.space_before
                };
                out.push(Pos {
                    page: at.page,
                    col: 0,
                    y: y0,
                });
                at.y = y0 + c.height;
                at.col_top = at.y;
                at.at_top = true;
                at.page_empty = false;
                continue;
            }
            if c.break_before && !at.page_empty {
                new_page(&mut at)?;
            }
            // Height of the keep chain starting here.
            let limit = geo.body_height();
            let mut h = if at.at_top { 0.0 } else { c.space_before } + c.height;
            let mut j = i;
            while chunks[j].keep_with_next
                && j + 1 < n
                && !chunks[j + 1].break_before
                && !chunks[j + 1].span
                && h <= limit
            {
                j += 1;
                h += chunks[j].space_before + chunks[j].height;
            }
            // Inside a chain too tall for any column, begun at a column's
            // top: its chunks go first-fit one by one (split as late as
            // possible, never a chunk alone on a page of its own).
            if i <= overlong_until.unwrap_or(0) && overlong_until.is_some() {
                h = if at.at_top { 0.0 } else { c.space_before } + c.height;
                // A box's closing padding (nothing drawn in it) may run
                // into the margin rather than stand alone on a page.
                if c.items.is_empty() && !c.groups.is_empty() {
                    h = 0.0;
                }
            } else {
                overlong_until = None;
            }
            // The chain from a column's top; one that fits a whole column
            // (a shaded box, a heading with its first lines) is moved as a
            // unit to the first column with room for it, never split.
            let h_top = h - if at.at_top { 0.0 } else { c.space_before };
            let whole = h_top <= limit + 0.01;
            if at.y + h > bottom(&at) + 0.01 && (!at.at_top || (whole && !at.page_empty)) {
                loop {
                    if at.col + 1 < cols {
                        at.col += 1;
                        at.y = at.col_top;
                        at.at_top = true;
                    } else {
                        new_page(&mut at)?;
                    }
                    let fresh = at.page_empty && at.col == 0;
                    if !whole || fresh || at.y + h_top <= bottom(&at) + 0.01 {
                        break;
                    }
                }
            }
            if !whole && overlong_until.is_none() {
                overlong_until = Some(j);
            }
            let y0 = if at.at_top {
                at.y
            } else {
                at.y + c.space_before
            };
            out.push(Pos {
                page: at.page,
                col: at.col,
                y: y0,
            });
            at.y = y0 + c.height;
            if c.height > 0.0 || !c.items.is_empty() {
                at.at_top = false;
                at.page_empty = false;
            }
        }
        Ok(out)
    }

    /// Balance the last page's columns: find the shortest column height
    /// that keeps the page's chunks on one page.
    fn balance(&self, chunks: &[Chunk], pos: &mut [Pos], cols: usize) -> Result<(), RenderError> {
        let Some(last) = pos.last().map(|p| p.page) else {
            return Ok(());
        };
        if cols < 2 {
            return Ok(());
        }
        let first = pos.iter().position(|p| p.page == last).unwrap_or(0);
        let tail = &chunks[first..];
        let fits = |h: f32| -> Result<Option<Vec<Pos>>, RenderError> {
            let p = self.positions(tail, cols, Some(h))?;
            Ok(p.iter().all(|q| q.page == 0).then_some(p))
        };
        let (mut lo, mut hi) = (0.0f32, self.geo.body_height());
        let mut best = None;
        for _ in 0..14 {
            let mid = (lo + hi) / 2.0;
            match fits(mid)? {
                Some(p) => {
                    best = Some(p);
                    hi = mid;
                }
                None => lo = mid,
            }
            if hi - lo < 1.0 {
                break;
            }
        }
        if let Some(p) = best {
            for (slot, q) in pos[first..].iter_mut().zip(p) {
                *slot = Pos {
                    page: last,
                    col: q.col,
                    y: q.y,
                };
            }
        }
        Ok(())
    }

    /// Move the closing box down to the foot of the last page, when it is
    /// there whole, in one column (the columns above stay balanced).
    fn to_foot(&self, chunks: &[Chunk], pos: &mut [Pos]) {
        let Some(from) = self.foot_from.filter(|f| *f < chunks.len()) else {
            return;
        };
        let (last, col) = (pos[pos.len() - 1].page, pos[from].col);
        if pos[from..].iter().any(|p| p.page != last || p.col != col) {
            return;
        }
        let bottom = chunks[from..]
            .iter()
            .zip(&pos[from..])
            .map(|(c, p)| p.y + c.height)
            .fold(0.0, f32::max);
        let dy = self.geo.bottom - bottom;
        if dy > 0.0 {
            pos[from..].iter_mut().for_each(|p| p.y += dy);
        }
    }

    /// First-fit pagination over keep chains, in the layout's page columns.
    pub(super) fn paginate(&mut self, chunks: Vec<Chunk>) -> Result<Vec<Page>, RenderError> {
        let cols = self.cols.max(1);
        let mut pos = self.positions(&chunks, cols, None)?;
        self.balance(&chunks, &mut pos, cols)?;
        // How full the last page is (its columns' content over their
        // room): what an overrun of the template's sides is measured in.
        let last_page = pos.last().map_or(0, |p| p.page);
        let mut used = vec![0.0f32; cols];
        for (c, p) in chunks.iter().zip(&pos) {
            if p.page == last_page && !c.span {
                used[p.col] = used[p.col].max(p.y + c.height - self.geo.top);
            }
        }
        self.last_fill = used.iter().sum::<f32>() / (cols as f32 * self.geo.body_height());
        self.to_foot(&chunks, &mut pos);
        let npages = pos.last().map_or(1, |p| p.page + 1);
        let mut pages: Vec<Page> = (0..npages).map(|_| Page { items: Vec::new() }).collect();
        // Box extents per page: (group, column, top, bottom).
        let mut extents: Vec<Vec<(usize, usize, f32, f32)>> = vec![Vec::new(); npages];
        let step = self.col_w + self.gutter;
        for (c, p) in chunks.iter().zip(&pos) {
            let dx = p.col as f32 * step;
            for g in &c.groups {
                match extents[p.page]
                    .iter_mut()
                    .find(|e| e.0 == *g && e.1 == p.col)
                {
                    Some(e) => e.3 = p.y + c.height,
                    None => extents[p.page].push((*g, p.col, p.y, p.y + c.height)),
                }
            }
            for it in &c.items {
                let mut it = it.clone();
                it.shift(dx, p.y);
                pages[p.page].items.push(it);
            }
        }
        // Box backgrounds go first, so text is drawn on top of them.
        for (page, ext) in pages.iter_mut().zip(extents.iter_mut()) {
            ext.sort_by_key(|e| (e.0, e.1));
            let mut bg: Vec<Item> = Vec::new();
            for (g, col, top, bottom) in ext.iter() {
                if let Some(d) = self.decos.get(*g) {
                    let dx = *col as f32 * step;
                    bg.extend(d.items(*top, *bottom).into_iter().map(|mut it| {
                        it.shift(dx, 0.0);
                        it
                    }));
                }
            }
            bg.append(&mut page.items);
            page.items = bg;
        }
        Ok(pages)
    }
}
