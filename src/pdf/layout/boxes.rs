//! Shaded boxes (key facts, call-outs), tables and the brand band.

use super::items::{side_by_side, stack};
use super::lines::Lines;
use super::spans::{StyledText, TextStyle};
use super::{Chunk, Deco, Env, Item, Layout, Shape, MM};
use crate::document::{Block, Fact, Inline};
use crate::pdf::colour::Paint;
use crate::pdf::fonts::FaceId;
use crate::pdf::tags::{NodeId, Role, Scope, Tag};

impl Layout<'_, '_> {
    pub(super) fn table(
        &mut self,
        header: bool,
        rows: &[Vec<Vec<Inline>>],
        env: Env,
        out: &mut Vec<Chunk>,
    ) {
        let ncols = rows.iter().map(Vec::len).max().unwrap_or(0);
        if ncols == 0 {
            return;
        }
        let sz = self.sz;
        let padx = sz.body * 0.45;
        let pady = sz.body * 0.35;
        // Natural width of each column, then share the table width out.
        let mut natural = vec![sz.body * 3.0; ncols];
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let st = StyledText::measure(cell, self.style(env, header && r == 0));
                let l = Lines::layout(self.shaper, st, sz.body, f32::MAX / 4.0, &mut self.missing);
                natural[c] = natural[c].max(l.max_width() + 2.0 * padx);
            }
        }
        let total: f32 = natural.iter().sum();
        let widths: Vec<f32> = if total <= env.w {
            natural
                .iter()
                .map(|w| w + (env.w - total) / ncols as f32)
                .collect()
        } else {
            let min = (sz.body * 4.0).min(env.w / ncols as f32);
            let flexible: f32 = natural.iter().map(|w| (w - min).max(0.0)).sum();
            let spare = env.w - min * ncols as f32;
            natural
                .iter()
                .map(|w| {
                    min + if flexible > 0.0 {
                        (w - min).max(0.0) / flexible * spare
                    } else {
                        0.0
                    }
                })
                .collect()
        };
        let first_row = out.len();
        let table = self.node(Role::Table, env);
        // A header row goes in THead, the rest in TBody.
        let (head, body) = if header {
            let t = Env {
                parent: table,
                ..env
            };
            (self.node(Role::THead, t), self.node(Role::TBody, t))
        } else {
            (table, table)
        };
        for (r, row) in rows.iter().enumerate() {
            let is_head = header && r == 0;
            let tr = self.node(
                Role::TR,
                Env {
                    parent: if is_head { head } else { body },
                    ..env
                },
            );
            let cell_role = if is_head {
                Role::TH(Scope::Column)
            } else {
                Role::TD
            };
            let cell_nodes: Vec<NodeId> = row
                .iter()
                .map(|_| self.node(cell_role, Env { parent: tr, ..env }))
                .collect();
            let mut x = env.x;
            let mut cells = Vec::new();
            for (c, w) in widths.iter().enumerate() {
                let mut cell_chunks = Vec::new();
                if let Some(cell) = row.get(c) {
                    let st = StyledText::from_inlines(
                        cell,
                        self.style(env, is_head),
                        Tag::Node(cell_nodes[c]),
                        &mut self.tags,
                    );
                    let cenv = Env {
                        x: x + padx,
                        w: w - 2.0 * padx,
                        ..env
                    };
                    self.text_chunks(st, sz.body, sz.leading, cenv, 0.0, false, &mut cell_chunks);
                }
                cells.push(stack(cell_chunks, &self.decos, self.decos.len()));
                x += w;
            }
            let mut row_chunk = side_by_side(cells);
            for it in &mut row_chunk.items {
                it.shift(0.0, pady);
            }
            row_chunk.height += 2.0 * pady;
            let mut bg = if is_head {
                vec![Item::deco(Shape::Rect {
                    x: env.x,
                    y: 0.0,
                    w: env.w,
                    h: row_chunk.height,
                    fill: self.pal.shade,
                })]
            } else {
                Vec::new()
            };
            bg.push(Item::deco(Shape::Line {
                x1: env.x,
                y1: row_chunk.height,
                x2: env.x + env.w,
                y2: row_chunk.height,
                width: 0.5,
                colour: self.pal.secondary,
            }));
            bg.append(&mut row_chunk.items);
            row_chunk.items = bg;
            row_chunk.keep_with_next = is_head;
            if row_chunk.height > self.geo.body_height() {
                // A row taller than a page: let its text flow instead (still
                // tagged as the row's cells).
                for (c, cell) in row.iter().enumerate() {
                    let st = StyledText::from_inlines(
                        cell,
                        self.style(env, is_head),
                        Tag::Node(cell_nodes[c]),
                        &mut self.tags,
                    );
                    self.text_chunks(st, sz.body, sz.leading, env, sz.gap * 0.5, false, out);
                }
                continue;
            }
            out.push(row_chunk);
        }
        if let Some(c) = out.get_mut(first_row) {
            c.space_before = sz.gap;
        }
    }

    pub(super) fn new_group(&mut self, env: Env, accent: bool) -> usize {
        self.decos.push(Deco {
            x: env.x,
            w: env.w,
            fill: self.pal.shade,
            accent: accent.then_some((self.pal.primary, (self.sz.body * 0.33).max(3.0))),
        });
        self.decos.len() - 1
    }

    /// Wrap `inner` (chunks of a box's content) in padding and add them to
    /// `out` as members of `group`.
    pub(super) fn boxed(
        &mut self,
        group: usize,
        mut inner: Vec<Chunk>,
        pad: f32,
        out: &mut Vec<Chunk>,
    ) {
        let mut chunks = vec![Chunk {
            space_before: self.sz.box_around,
            height: pad,
            keep_with_next: true,
            ..Chunk::default()
        }];
        if let Some(c) = inner.first_mut() {
            c.space_before = 0.0;
        }
        if let Some(c) = inner.last_mut() {
            c.keep_with_next = true;
        }
        chunks.append(&mut inner);
        chunks.push(Chunk {
            height: pad,
            ..Chunk::default()
        });
        // A box is moved as a unit; only one taller than a whole column is
        // split (never leaving its padding alone at a column's foot).
        let total: f32 = chunks.iter().map(|c| c.height).sum::<f32>()
            + chunks.iter().skip(1).map(|c| c.space_before).sum::<f32>();
        let whole = total <= self.geo.body_height();
        let last = chunks.len() - 1;
        for (i, c) in chunks.iter_mut().enumerate() {
            c.groups.insert(0, group);
            if whole && i < last {
                c.keep_with_next = true;
            }
        }
        out.append(&mut chunks);
    }

    /// A box's title, as a `role` node (a heading, or a table's caption).
    pub(super) fn box_title(
        &mut self,
        title: Option<&[Inline]>,
        role: Role,
        env: Env,
        out: &mut Vec<Chunk>,
    ) {
        if let Some(t) = title {
            let node = self.node(role, env);
            let st = StyledText::from_inlines(
                t,
                TextStyle {
                    bold: true,
                    italic: false,
                    colour: self.pal.primary,
                    link_colour: self.pal.primary,
                },
                Tag::Node(node),
                &mut self.tags,
            );
            let sz = self.sz;
            let lines = Lines::balanced(self.shaper, st, sz.h3, env.w, &mut self.missing);
            self.line_chunks(lines, sz.h3 * 1.3, env, 0.0, true, out);
            if let Some(c) = out.last_mut() {
                c.height += sz.gap * 0.7;
            }
        }
    }

    pub(super) fn facts(
        &mut self,
        title: Option<&[Inline]>,
        rows: &[Fact],
        env: Env,
        out: &mut Vec<Chunk>,
    ) {
        let sz = self.sz;
        let pad = sz.box_padding;
        let group = self.new_group(env, false);
        let inner = Env {
            x: env.x + pad,
            w: env.w - 2.0 * pad,
            ..env
        };
        // Key facts are a table: a caption, then a row per fact whose label
        // heads it.
        let table = self.node(Role::Table, env);
        let inner = Env {
            parent: table,
            ..inner
        };
        let mut chunks = Vec::new();
        self.box_title(title, Role::Caption, inner, &mut chunks);
        // Label column: as wide as the widest label, within limits.
        let label_style = TextStyle {
            bold: true,
            ..self.style(inner, true)
        };
        let mut lw: f32 = 0.0;
        for r in rows {
            let l = Lines::layout(
                self.shaper,
                StyledText::measure(&r.label, label_style),
                sz.body,
                f32::MAX / 4.0,
                &mut self.missing,
            );
            lw = lw.max(l.max_width());
        }
        let gap = sz.body * 1.2;
        let lw = lw.min(inner.w * 0.38);
        // Labels beside their values while the values keep a sensible width.
        let stacked = inner.w - lw - gap < sz.body * 12.0;
        let row_gap = sz.facts_row / 2.0;
        for (k, r) in rows.iter().enumerate() {
            let g0 = self.decos.len();
            let tr = self.node(Role::TR, inner);
            let th = self.node(
                Role::TH(Scope::Row),
                Env {
                    parent: tr,
                    ..inner
                },
            );
            let td = self.node(
                Role::TD,
                Env {
                    parent: tr,
                    ..inner
                },
            );
            let mut label = Vec::new();
            let lenv = Env {
                w: if stacked { inner.w } else { lw },
                ..inner
            };
            let st = StyledText::from_inlines(&r.label, label_style, Tag::Node(th), &mut self.tags);
            self.text_chunks(st, sz.body, sz.leading, lenv, 0.0, false, &mut label);
            let mut value = Vec::new();
            let venv = if stacked {
                inner
            } else {
                Env {
                    x: inner.x + lw + gap,
                    w: inner.w - lw - gap,
                    ..inner
                }
            };
            let st = StyledText::from_inlines(
                &r.value,
                self.style(inner, false),
                Tag::Node(td),
                &mut self.tags,
            );
            self.text_chunks(st, sz.body, sz.leading, venv, 0.0, false, &mut value);
            let mut row = if stacked {
                label.append(&mut value);
                stack(label, &self.decos, g0)
            } else {
                side_by_side(vec![
                    stack(label, &self.decos, g0),
                    stack(value, &self.decos, g0),
                ])
            };
            if k > 0 {
                row.space_before = row_gap * 2.0;
                row.items.insert(
                    0,
                    Item::deco(Shape::Line {
                        x1: inner.x,
                        y1: -row_gap,
                        x2: inner.x + inner.w,
                        y2: -row_gap,
                        width: 1.0,
                        colour: Paint::WHITE,
                    }),
                );
            }
            chunks.push(row);
        }
        self.boxed(group, chunks, pad, out);
    }

    pub(super) fn callout(
        &mut self,
        title: Option<&[Inline]>,
        blocks: &[Block],
        env: Env,
        out: &mut Vec<Chunk>,
    ) {
        let sz = self.sz;
        let pad = sz.box_padding;
        let group = self.new_group(env, true);
        let bar = (sz.body * 0.33).max(3.0);
        // A box is a section: its title a heading one below the section it
        // sits in (a peer of the sections after the first), its body inside.
        let sect = self.node(Role::Sect, env);
        let level = match self.last_heading {
            0 => 1,
            1 => 2,
            n => n,
        };
        let inner = Env {
            x: env.x + bar + pad,
            w: env.w - bar - 2.0 * pad,
            parent: sect,
            ..env
        };
        let (qrs, rest): (Vec<&Block>, Vec<&Block>) =
            blocks.iter().partition(|b| matches!(b, Block::Qr { .. }));
        // The QR column: as wide as its widest code needs, a little more.
        let need = qrs
            .iter()
            .filter_map(|b| match b {
                Block::Qr { url, .. } => self.qr_choice(url).ok().map(|(_, side)| side),
                _ => None,
            })
            .fold(0.0, f32::max);
        let qr_w = (need * 1.07)
            .max(32.0 * MM * self.geo.scale)
            .min(inner.w * 0.4);
        let mut chunks = Vec::new();
        // One column asked for (large print): the codes go under the text.
        let one = self.theme.legibility.columns == Some(1);
        if !qrs.is_empty() && !one && inner.w > qr_w * 2.5 {
            // Contact details on the left, QR codes in a column on the right.
            let g0 = self.decos.len();
            let gutter = sz.body * 1.5;
            let lenv = Env {
                w: inner.w - qr_w - gutter,
                ..inner
            };
            let renv = Env {
                x: inner.x + inner.w - qr_w,
                w: qr_w,
                ..inner
            };
            let mut left = Vec::new();
            self.box_title(title, Role::H(level), lenv, &mut left);
            let rest: Vec<Block> = rest.into_iter().cloned().collect();
            let start = left.len();
            self.flow(&rest, lenv, &mut left);
            if start > 0 {
                if let Some(c) = left.get_mut(start) {
                    c.space_before = sz.gap * 0.5;
                }
            }
            let mut right = Vec::new();
            let qrs: Vec<Block> = qrs.into_iter().cloned().collect();
            self.flow(&qrs, renv, &mut right);
            let both = side_by_side(vec![
                stack(left, &self.decos, g0),
                stack(right, &self.decos, g0),
            ]);
            if both.height <= self.geo.body_height() - 2.0 * pad {
                chunks.push(both);
                self.boxed(group, chunks, pad, out);
                return;
            }
            chunks.clear();
        }
        self.box_title(title, Role::H(level), inner, &mut chunks);
        let start = chunks.len();
        self.flow(blocks, inner, &mut chunks);
        if start > 0 {
            if let Some(c) = chunks.get_mut(start) {
                c.space_before = sz.gap * 0.5;
            }
        }
        self.boxed(group, chunks, pad, out);
    }

    pub(super) fn banner(&mut self, blocks: &[Block], env: Env, out: &mut Vec<Chunk>) {
        let sz = self.sz;
        let geo = self.geo;
        let white = Paint::WHITE;
        let pad_top = 9.0 * MM * geo.scale + self.draft_strip_height();
        let pad_bottom = 10.0 * MM * geo.scale;
        let mut items = Vec::new();
        // Read first: the trust's name (top left), then its logo (top right).
        let name_node = self.node(Role::P, env);
        // Logo on a white tile, top right.
        let mut top_row_bottom = pad_top;
        let mut tile_w = 0.0;
        if let Some(logo) = self.theme.logo() {
            let (pw, ph) = (logo.width_px.max(1) as f32, logo.height_px.max(1) as f32);
            let tpad = 2.5 * MM * geo.scale;
            let mut lh = 15.0 * MM * geo.scale;
            let mut lw = lh * pw / ph;
            let max_w = 55.0 * MM * geo.scale;
            if lw > max_w {
                lw = max_w;
                lh = lw * ph / pw;
            }
            tile_w = lw + 2.0 * tpad;
            let tile_h = lh + 2.0 * tpad;
            let tx = geo.right - tile_w;
            items.push(Item::deco(Shape::RoundRect {
                x: tx,
                y: pad_top,
                w: tile_w,
                h: tile_h,
                r: 1.8 * MM * geo.scale,
                fill: white,
            }));
            let alt = logo.alt.clone();
            let logo = Shape::Image {
                name: "logo".into(),
                x: tx + tpad,
                y: pad_top + tpad,
                w: lw,
                h: lh,
            };
            let logo = self.figure(logo, &alt, "", env);
            items.push(logo);
            top_row_bottom = pad_top + tile_h;
        }
        // The trust's name, top left.
        let name_env = Env {
            x: geo.left,
            w: (geo.right - geo.left - tile_w - sz.body * 1.5).max(sz.body * 6.0),
            text: white,
            heading: white,
            link: white,
            list_depth: 0,
            on_band: true,
            ..env
        };
        let mut name = Vec::new();
        self.text_chunks(
            StyledText::plain(
                &self.theme.org_name,
                FaceId::Bold,
                white,
                Tag::Node(name_node),
            ),
            sz.body,
            sz.body * 1.25,
            name_env,
            0.0,
            false,
            &mut name,
        );
        let mut name = stack(name, &self.decos, self.decos.len());
        for it in &mut name.items {
            it.shift(0.0, pad_top);
        }
        top_row_bottom = top_row_bottom.max(pad_top + name.height);
        items.append(&mut name.items);
        // The banner's own blocks (title, strap line) in white.
        let content_env = Env {
            x: geo.left,
            w: geo.right - geo.left,
            ..name_env
        };
        let g0 = self.decos.len();
        let mut content = Vec::new();
        self.flow(blocks, content_env, &mut content);
        let mut content = stack(content, &self.decos, g0);
        let content_top = top_row_bottom + sz.gap * 2.2;
        for it in &mut content.items {
            it.shift(0.0, content_top);
        }
        let band_h = content_top + content.height + pad_bottom;
        if band_h > geo.body_height() + geo.top {
            self.warnings
                .push("the banner is taller than a page; it is printed without its band".into());
            self.flow(blocks, env, out);
            return;
        }
        let bleed = geo.bleed;
        let stripe = 1.6 * MM * geo.scale;
        let mut all = vec![
            Item::deco(Shape::Rect {
                x: -bleed,
                y: -bleed,
                w: geo.w + 2.0 * bleed,
                h: band_h + bleed,
                fill: self.pal.primary,
            }),
            Item::deco(Shape::Rect {
                x: -bleed,
                y: band_h,
                w: geo.w + 2.0 * bleed,
                h: stripe,
                fill: self.pal.secondary,
            }),
        ];
        all.append(&mut items);
        all.append(&mut content.items);
        out.push(Chunk {
            space_before: 0.0,
            height: band_h + stripe + sz.gap * 1.5,
            items: all,
            bleed_top: true,
            span: true,
            ..Chunk::default()
        });
    }
}
