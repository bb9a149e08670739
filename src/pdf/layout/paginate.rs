//! Pagination: first-fit over keep chains.

use super::{Chunk, Layout, Page, MAX_PAGES};
use crate::document::RenderError;

impl Layout<'_> {
    /// First-fit pagination over keep chains.
    pub(super) fn paginate(&mut self, chunks: Vec<Chunk>) -> Result<Vec<Page>, RenderError> {
        let geo = self.geo;
        let mut pages: Vec<Page> = vec![Page { items: Vec::new() }];
        let mut extents: Vec<Vec<(usize, f32, f32)>> = vec![Vec::new()];
        let mut y = geo.top;
        let mut at_top = true;
        let n = chunks.len();
        let new_page = |pages: &mut Vec<Page>,
                        extents: &mut Vec<Vec<(usize, f32, f32)>>,
                        y: &mut f32,
                        at_top: &mut bool|
         -> Result<(), RenderError> {
            if pages.len() >= MAX_PAGES {
                return Err(RenderError::Failed(format!(
                    "the document runs to more than {MAX_PAGES} pages; is its content complete and sane?"
                )));
            }
            pages.push(Page { items: Vec::new() });
            extents.push(Vec::new());
            *y = geo.top;
            *at_top = true;
            Ok(())
        };
        for i in 0..n {
            let c = &chunks[i];
            if c.break_before && !at_top {
                new_page(&mut pages, &mut extents, &mut y, &mut at_top)?;
            }
            // Height of the keep chain starting here.
            let mut h = if at_top { 0.0 } else { c.space_before } + c.height;
            let mut j = i;
            while chunks[j].keep_with_next
                && j + 1 < n
                && !chunks[j + 1].break_before
                && h <= geo.body_height()
            {
                j += 1;
                h += chunks[j].space_before + chunks[j].height;
            }
            if !at_top && y + h > geo.bottom + 0.01 {
                new_page(&mut pages, &mut extents, &mut y, &mut at_top)?;
            }
            let y0 = if at_top && c.bleed_top {
                0.0
            } else if at_top {
                y
            } else {
                y + c.space_before
            };
            let page = pages.len() - 1;
            for g in &c.groups {
                match extents[page].iter_mut().find(|e| e.0 == *g) {
                    Some(e) => e.2 = y0 + c.height,
                    None => extents[page].push((*g, y0, y0 + c.height)),
                }
            }
            for it in &c.items {
                let mut it = it.clone();
                it.shift(0.0, y0);
                pages[page].items.push(it);
            }
            y = y0 + c.height;
            if c.height > 0.0 || !c.items.is_empty() {
                at_top = false;
            }
        }
        // Box backgrounds go first, so text is drawn on top of them.
        for (page, ext) in pages.iter_mut().zip(extents.iter_mut()) {
            ext.sort_by_key(|e| e.0);
            let mut bg = Vec::new();
            for (g, top, bottom) in ext.iter() {
                if let Some(d) = self.decos.get(*g) {
                    bg.extend(d.items(*top, *bottom));
                }
            }
            bg.append(&mut page.items);
            page.items = bg;
        }
        Ok(pages)
    }
}
