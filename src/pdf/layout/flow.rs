//! The flow: paragraphs, headings, lists, columns, images and QR codes.

use super::hyphen::HyphenLang;
use super::items::{side_by_side, stack};
use super::lines::{Hyphenate, Lines};
use super::spans::{StyledText, TextStyle};
use super::{Chunk, Env, Item, Layout, Shape, MM};
use crate::document::{Block, Inline};
use crate::pdf::fonts::FaceId;
use crate::pdf::tags::{Numbering, Role, Tag};

impl Layout<'_, '_> {
    /// Lay out `blocks` one after another, the first at the top of its
    /// flow (no space above it).
    pub(super) fn flow(&mut self, blocks: &[Block], env: Env, out: &mut Vec<Chunk>) {
        let start = out.len();
        self.sequence(blocks, env, out);
        if let Some(c) = out.get_mut(start) {
            c.space_before = 0.0;
        }
    }

    /// Blocks one after another, spaced by the theme's rhythm: whatever
    /// follows a heading stands the same distance below it, and a box has
    /// the same space above and below it, whatever is next to it.
    fn sequence(&mut self, blocks: &[Block], env: Env, out: &mut Vec<Chunk>) {
        let sz = self.sz;
        let mut prev: Option<&Block> = None;
        for b in blocks {
            let first = out.len();
            self.block(b, env, out);
            if let (Some(p), Some(c)) = (prev, out.get_mut(first)) {
                if matches!(last_of(p), Block::Heading { .. }) {
                    c.space_before = sz.heading_after;
                } else if is_box(last_of(p)) || is_box(first_of(b)) {
                    c.space_before = c.space_before.max(sz.box_around);
                }
            }
            if out.len() > first {
                prev = Some(b);
            }
        }
    }

    pub(super) fn block(&mut self, b: &Block, env: Env, out: &mut Vec<Chunk>) {
        let sz = self.sz;
        match b {
            Block::Heading { level, content } => self.heading(*level, content, env, out),
            Block::Paragraph(inl) => {
                let p = self.node(Role::P, env);
                let st = StyledText::from_inlines(
                    inl,
                    self.style(env, false),
                    Tag::Node(p),
                    &mut self.tags,
                );
                // Running text keeps to the measure, however wide the page.
                let env = Env {
                    w: env.w.min(sz.measure),
                    ..env
                };
                let hyphenate = self.hyphenate(inl, &st, env);
                let lines = Lines::hyphenated(
                    self.shaper,
                    st,
                    sz.body,
                    env.w,
                    &mut self.missing,
                    hyphenate.as_ref(),
                );
                self.line_chunks(lines, sz.leading, env, sz.gap, false, out);
            }
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, *start, items, env, out),
            Block::Table { header, rows } => self.table(*header, rows, env, out),
            Block::Facts { title, rows } => self.facts(title.as_deref(), rows, env, out),
            Block::Callout { title, blocks } => self.callout(title.as_deref(), blocks, env, out),
            Block::Banner { blocks } => self.banner(blocks, env, out),
            Block::Columns(cols) => self.columns(cols, env, out),
            Block::Image { name, alt } => self.image(name, alt, env, out),
            Block::Qr { url, caption } => self.qr(url, caption.as_deref(), env, out),
            Block::Rule => out.push(Chunk {
                space_before: sz.gap,
                height: sz.gap,
                items: vec![Item::deco(Shape::Line {
                    x1: env.x,
                    y1: sz.gap * 0.5,
                    x2: env.x + env.w,
                    y2: sz.gap * 0.5,
                    width: 0.75,
                    colour: self.pal.secondary,
                })],
                ..Chunk::default()
            }),
            Block::PageBreak => out.push(Chunk {
                break_before: true,
                ..Chunk::default()
            }),
            Block::Lang { lang, blocks } => {
                let env = Env {
                    lang: Some(self.tags.lang(lang)),
                    ..env
                };
                self.sequence(blocks, env, out);
            }
        }
    }

    /// How a paragraph in `env` may hyphenate: in its language's patterns
    /// when the theme allows, never an address or a block of lines (a
    /// postal address, a contact block), never in a link, a bold name or a
    /// passage in another language.
    fn hyphenate(&self, inl: &[Inline], st: &StyledText, env: Env) -> Option<Hyphenate> {
        let h = self.theme.hyphenation;
        if !h.enabled || inl.iter().any(|i| matches!(i, Inline::LineBreak)) {
            return None;
        }
        let lang_id = env.lang.unwrap_or(0);
        let tag = self.tags.langs.get(lang_id as usize)?;
        let lang = HyphenLang::from_tag(tag)?;
        let spans = st
            .spans
            .iter()
            .map(|(_, s)| {
                let own_lang = match s.tag {
                    Tag::Node(n) => self.tags.node(n).and_then(|n| n.lang),
                    _ => None,
                };
                s.link.is_none()
                    && matches!(s.face, FaceId::Regular | FaceId::Italic)
                    && own_lang.is_none_or(|l| l == lang_id)
            })
            .collect();
        Some(Hyphenate {
            lang,
            min_word: h.min_word,
            min_before: h.min_before,
            min_after: h.min_after,
            max_in_a_row: h.max_in_a_row,
            spans,
        })
    }

    pub(super) fn style(&self, env: Env, bold: bool) -> TextStyle {
        TextStyle {
            bold,
            italic: false,
            colour: env.text,
            link_colour: env.link,
        }
    }

    /// Shape and break `st`; one chunk per line.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn text_chunks(
        &mut self,
        st: StyledText,
        size: f32,
        leading: f32,
        env: Env,
        space_before: f32,
        keep_all: bool,
        out: &mut Vec<Chunk>,
    ) -> usize {
        let lines = Lines::layout(self.shaper, st, size, env.w, &mut self.missing);
        self.line_chunks(lines, leading, env, space_before, keep_all, out)
    }

    /// One chunk per line of `lines`, left edge at `env.x`.
    pub(super) fn line_chunks(
        &mut self,
        lines: Lines,
        leading: f32,
        env: Env,
        space_before: f32,
        keep_all: bool,
        out: &mut Vec<Chunk>,
    ) -> usize {
        let size = lines.size;
        let n = lines.lines.len();
        self.too_wide.extend(lines.cut.iter().cloned());
        let fam = self.shaper.family.face(FaceId::Regular);
        let half = (leading - (fam.ascender - fam.descender) * size) / 2.0;
        let baseline = half + fam.ascender * size;
        for i in 0..n {
            let keep = keep_all || (n > 1 && (i == 0 || i + 2 == n));
            out.push(Chunk {
                space_before: if i == 0 { space_before } else { 0.0 },
                height: leading,
                items: lines.line_items(i, env.x, baseline, &self.tags),
                keep_with_next: keep,
                first_baseline: Some(baseline),
                ..Chunk::default()
            });
        }
        n
    }

    pub(super) fn heading(
        &mut self,
        level: u8,
        content: &[Inline],
        env: Env,
        out: &mut Vec<Chunk>,
    ) {
        let sz = self.sz;
        let level = level.clamp(1, 6);
        self.last_heading = level;
        let (size, space, colour) = match level {
            1 => (sz.h1, sz.heading_before, env.heading),
            2 => (sz.h2, sz.heading_before, env.heading),
            _ => (sz.h3, sz.subheading_before, env.text),
        };
        let h = self.node(Role::H(level), env);
        let st = StyledText::from_inlines(
            content,
            TextStyle {
                bold: true,
                italic: false,
                colour,
                link_colour: colour,
            },
            Tag::Node(h),
            &mut self.tags,
        );
        let leading = size * if level <= 1 { 1.15 } else { 1.25 };
        let start = out.len();
        let lines = Lines::balanced(self.shaper, st, size, env.w, &mut self.missing);
        self.line_chunks(lines, leading, env, space, true, out);
        if let Some(c) = out.get_mut(start) {
            c.items.insert(
                0,
                Item::deco(Shape::Anchor {
                    level,
                    title: Inline::plain(content).replace('\n', " "),
                    y: 0.0,
                }),
            );
        }
        if level == 2 && !env.on_band {
            // A short accent rule under the heading, in the second colour;
            // what follows stands `heading_after` below it.
            let y = size * 0.45;
            let h = 2.2 * self.geo.scale.max(0.8);
            out.push(Chunk {
                height: y + h,
                items: vec![Item::deco(Shape::Rect {
                    x: env.x,
                    y,
                    w: (14.0 * MM * self.geo.scale).min(env.w),
                    h,
                    fill: self.pal.secondary,
                })],
                keep_with_next: true,
                ..Chunk::default()
            });
        }
    }

    pub(super) fn list(
        &mut self,
        ordered: bool,
        start: u64,
        items: &[Vec<Block>],
        env: Env,
        out: &mut Vec<Chunk>,
    ) {
        let sz = self.sz;
        let labels: Vec<String> = (0..items.len())
            .map(|k| {
                if ordered {
                    format!("{}.", start.saturating_add(k as u64))
                } else if env.list_depth == 0 {
                    "\u{2022}".to_string()
                } else {
                    "\u{2013}".to_string()
                }
            })
            .collect();
        let marker_face = if ordered {
            FaceId::Bold
        } else {
            FaceId::Regular
        };
        let marker_colour = if env.on_band {
            env.text
        } else {
            self.pal.primary
        };
        let list = self.node(
            Role::L(if ordered {
                Numbering::Decimal
            } else {
                Numbering::Disc
            }),
            env,
        );
        let list_env = Env {
            parent: list,
            ..env
        };
        // Each item is an LI holding its label and its body, labels first.
        let mut nodes = Vec::with_capacity(items.len());
        let mut shaped: Vec<Lines> = Vec::with_capacity(items.len());
        for l in &labels {
            let li = self.node(Role::LI, list_env);
            let li_env = Env {
                parent: li,
                ..list_env
            };
            let lbl = self.node(Role::Lbl, li_env);
            let body = self.node(Role::LBody, li_env);
            nodes.push(body);
            shaped.push(Lines::layout(
                self.shaper,
                StyledText::plain(l, marker_face, marker_colour, Tag::Node(lbl)),
                sz.body,
                f32::MAX / 4.0,
                &mut self.missing,
            ));
        }
        let widest = shaped.iter().map(Lines::max_width).fold(0.0, f32::max);
        let gap = sz.body * 0.55;
        let indent = (widest + gap).max(sz.body * 1.3).min(env.w * 0.3);
        let inner = Env {
            x: env.x + indent,
            w: env.w - indent,
            list_depth: env.list_depth.saturating_add(1),
            ..env
        };
        for (k, item) in items.iter().enumerate() {
            let first = out.len();
            let body_env = Env {
                parent: nodes[k],
                ..inner
            };
            self.flow(item, body_env, out);
            if out.len() == first {
                out.push(Chunk {
                    height: sz.leading,
                    first_baseline: Some(sz.leading * 0.75),
                    ..Chunk::default()
                });
            }
            // A list stands a paragraph's gap from what is before it (a
            // list inside a list, an item's); its items `list_item` apart.
            let space = if k == 0 && env.list_depth == 0 {
                sz.gap
            } else {
                sz.list_item
            };
            let c = &mut out[first];
            c.space_before = space;
            let baseline = c.first_baseline.unwrap_or(sz.leading * 0.75);
            let label = &shaped[k];
            let lw = label.max_width();
            // numbers right-aligned against the text, bullets centred in the gutter
            let x = if ordered {
                inner.x - gap - lw
            } else {
                env.x + (indent - gap - lw).max(0.0) * 0.35
            };
            let mut marker = label.line_items(0, x, baseline, &self.tags);
            marker.append(&mut c.items);
            c.items = marker;
        }
    }

    pub(super) fn columns(&mut self, cols: &[Vec<Block>], env: Env, out: &mut Vec<Chunk>) {
        let sz = self.sz;
        let n = cols.len();
        if n == 0 {
            return;
        }
        let gutter = sz.body * 1.6;
        let cw = (env.w - gutter * (n as f32 - 1.0)) / n as f32;
        // One column asked for (large print): side by side is stacked too.
        let one = self.theme.legibility.columns == Some(1);
        if n == 1 || one || cw < sz.body * self.design.min_nested_column_em {
            self.stacked(cols, env, out);
            return;
        }
        let g0 = self.decos.len();
        let mut parts = Vec::new();
        for (k, col) in cols.iter().enumerate() {
            let cenv = Env {
                x: env.x + k as f32 * (cw + gutter),
                w: cw,
                ..env
            };
            let mut chunks = Vec::new();
            self.flow(col, cenv, &mut chunks);
            parts.push(stack(chunks, &self.decos, g0));
        }
        let mut all = side_by_side(parts);
        // A row side by side cannot break: one that leaves no room on a
        // page for a box's padding and title around it is stacked.
        let room = self.geo.body_height() - 2.0 * sz.box_padding - sz.h3 * 1.3 - sz.box_around;
        if all.height > room {
            // Too tall to keep side by side on one page: one after another.
            self.stacked(cols, env, out);
            return;
        }
        all.space_before = sz.gap;
        out.push(all);
    }

    /// Columns too narrow (or too tall) to stand side by side, one after
    /// another: a list split in two columns reads as one list again, its
    /// items the usual `list_item` apart.
    fn stacked(&mut self, cols: &[Vec<Block>], env: Env, out: &mut Vec<Chunk>) {
        let sz = self.sz;
        let mut prev: Option<&Block> = None;
        for c in cols {
            let start = out.len();
            self.flow(c, env, out);
            if let (Some(ch), Some(first)) = (out.get_mut(start), c.first()) {
                let lists = prev.is_some_and(|p| matches!(last_of(p), Block::List { .. }))
                    && matches!(first_of(first), Block::List { .. });
                ch.space_before = if lists { sz.list_item } else { sz.gap };
            }
            if let Some(l) = c.last() {
                prev = Some(l);
            }
        }
    }

    pub(super) fn image(&mut self, name: &str, alt: &str, env: Env, out: &mut Vec<Chunk>) {
        let sz = self.sz;
        let Some(asset) = self.theme.images.get(name) else {
            self.warnings.push(format!(
                "image '{name}' is not in the theme; its alt text is printed instead"
            ));
            let p = self.node(Role::P, env);
            let st = StyledText::from_inlines(
                &[Inline::Emphasis(vec![Inline::Text(alt.to_string())])],
                self.style(env, false),
                Tag::Node(p),
                &mut self.tags,
            );
            self.text_chunks(st, sz.body, sz.leading, env, sz.gap, false, out);
            return;
        };
        let (pw, ph) = (asset.width_px.max(1) as f32, asset.height_px.max(1) as f32);
        // At most the column width, at least 150 dpi, at most half a page tall.
        let mut w = (pw * 72.0 / 150.0).min(env.w);
        let mut h = w * ph / pw;
        let max_h = self.geo.body_height() * 0.5;
        if h > max_h {
            h = max_h;
            w = h * pw / ph;
        }
        let item = Shape::Image {
            name: name.to_string(),
            x: env.x,
            y: 0.0,
            w,
            h,
        };
        let item = self.figure(item, alt, &asset.alt, env);
        out.push(Chunk {
            space_before: sz.gap,
            height: h,
            items: vec![item],
            ..Chunk::default()
        });
    }

    /// An image as a `Figure` with its alternative text (`alt`, else the
    /// asset's own); with neither, it is taken as decoration, since a
    /// figure without a description is worse than none.
    pub(super) fn figure(&mut self, shape: Shape, alt: &str, fallback: &str, env: Env) -> Item {
        let alt = [alt, fallback]
            .into_iter()
            .map(str::trim)
            .find(|a| !a.is_empty());
        match alt {
            Some(alt) => {
                let f = self.node(Role::Figure, env);
                self.tags.set_alt(f, alt);
                Item::new(shape, Tag::Node(f), self.tags.tick())
            }
            None => Item::deco(shape),
        }
    }
}

/// The block a flow of `b` ends with (a language section's last).
fn last_of(b: &Block) -> &Block {
    match b {
        Block::Lang { blocks, .. } => blocks.last().map_or(b, last_of),
        _ => b,
    }
}

/// The block a flow of `b` starts with (a language section's first).
fn first_of(b: &Block) -> &Block {
    match b {
        Block::Lang { blocks, .. } => blocks.first().map_or(b, first_of),
        _ => b,
    }
}

fn is_box(b: &Block) -> bool {
    matches!(b, Block::Facts { .. } | Block::Callout { .. })
}
