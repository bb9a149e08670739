//! The flow: paragraphs, headings, lists, columns, images and QR codes.

use super::items::{side_by_side, stack};
use super::lines::Lines;
use super::spans::{StyledText, TextStyle};
use super::{Chunk, Env, Item, Layout, Shape, MM};
use crate::document::qr::QrMatrix;
use crate::document::{Block, Inline};
use crate::pdf::colour::Paint;
use crate::pdf::fonts::FaceId;
use crate::pdf::qr;
use crate::pdf::tags::{Numbering, Role, Tag};
use std::sync::Arc;

impl Layout<'_> {
    pub(super) fn flow(&mut self, blocks: &[Block], env: Env, out: &mut Vec<Chunk>) {
        let start = out.len();
        for b in blocks {
            self.block(b, env, out);
        }
        if let Some(c) = out.get_mut(start) {
            c.space_before = 0.0;
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
                self.text_chunks(st, sz.body, sz.leading, env, sz.gap, false, out);
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
                for b in blocks {
                    self.block(b, env, out);
                }
            }
        }
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
            1 => (sz.h1, sz.gap * 2.0, env.heading),
            2 => (sz.h2, sz.gap * 2.2, env.heading),
            _ => (sz.h3, sz.gap * 1.5, env.text),
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
            // A short accent rule under the heading, in the second colour.
            let y = size * 0.45;
            out.push(Chunk {
                height: y + sz.body * 0.15,
                items: vec![Item::deco(Shape::Rect {
                    x: env.x,
                    y,
                    w: (14.0 * MM * self.geo.scale).min(env.w),
                    h: 2.2 * self.geo.scale.max(0.8),
                    fill: self.pal.secondary,
                })],
                keep_with_next: true,
                ..Chunk::default()
            });
        } else if let Some(c) = out.last_mut() {
            c.height += sz.body * 0.2;
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
            let space = if k == 0 {
                if env.list_depth == 0 {
                    sz.gap
                } else {
                    sz.gap * 0.3
                }
            } else {
                sz.gap * 0.45
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
            for c in cols {
                self.flow(c, env, out);
            }
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
        if all.height > self.geo.body_height() {
            // Too tall to keep side by side on one page: one after another.
            for c in cols {
                let start = out.len();
                self.flow(c, env, out);
                if let Some(ch) = out.get_mut(start) {
                    ch.space_before = sz.gap;
                }
            }
            return;
        }
        all.space_before = sz.gap;
        out.push(all);
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

    /// A QR code with the address printed beside it (a QR code alone is no
    /// use to someone who cannot scan it), and its caption.
    pub(super) fn qr(
        &mut self,
        url: &str,
        caption: Option<&[Inline]>,
        env: Env,
        out: &mut Vec<Chunk>,
    ) {
        let sz = self.sz;
        let d = self.design;
        let Some((qr, size)) = self.qr_symbol(url, env.w) else {
            // No symbol fits with modules big enough to scan: the address alone.
            let p = self.node(Role::P, env);
            let st = StyledText::from_inlines(
                &[Inline::Link {
                    url: url.to_string(),
                    content: vec![Inline::Text(url.to_string())],
                }],
                self.style(env, false),
                Tag::Node(p),
                &mut self.tags,
            );
            self.text_chunks(st, sz.body, sz.leading, env, sz.gap, false, out);
            return;
        };
        let module = size / (qr.n as f32 + 8.0);
        // The code is a link (its annotation and the figure inside it).
        let link = self.node(Role::Link, env);
        self.tags.set_alt(link, &format!("QR code: {url}"));
        let fig_env = Env {
            parent: link,
            ..env
        };
        let symbol = self.figure(
            Shape::Qr {
                x: env.x + 4.0 * module,
                y: 4.0 * module,
                module,
                qr,
                colour: Paint::BLACK,
            },
            &format!("QR code linking to {url}"),
            "",
            fig_env,
        );
        let mut code = vec![
            Item::deco(Shape::Rect {
                x: env.x,
                y: 0.0,
                w: size,
                h: size,
                fill: Paint::WHITE,
            }),
            symbol,
            Item::new(
                Shape::Link {
                    x: env.x,
                    y: 0.0,
                    w: size,
                    h: size,
                    url: url.to_string(),
                },
                Tag::Node(link),
                self.tags.tick(),
            ),
        ];
        // Caption and address: beside the code when there is room, else under it.
        let gap = sz.body * 0.8;
        let beside = env.w - size - gap >= d.qr_text_min_mm * MM * self.geo.scale;
        let tenv = if beside {
            Env {
                x: env.x + size + gap,
                w: env.w - size - gap,
                ..env
            }
        } else {
            env
        };
        let small = sz.small.max(sz.body * 0.85);
        let mut text = Vec::new();
        if let Some(c) = caption.filter(|c| !Inline::plain(c).trim().is_empty()) {
            // In bold; each language of a bilingual caption its own Span.
            let p = self.node(Role::P, tenv);
            let bold = TextStyle {
                bold: true,
                colour: env.text,
                ..self.style(env, false)
            };
            let st = StyledText::from_inlines(c, bold, Tag::Node(p), &mut self.tags);
            self.text_chunks(st, small, small * 1.3, tenv, 0.0, true, &mut text);
        }
        let p = self.node(Role::P, tenv);
        let st = StyledText::from_inlines(
            &[Inline::Link {
                url: url.to_string(),
                content: vec![Inline::Text(display_url(url).to_string())],
            }],
            self.style(env, false),
            Tag::Node(p),
            &mut self.tags,
        );
        self.text_chunks(st, small, small * 1.3, tenv, sz.gap * 0.3, true, &mut text);
        let g0 = self.decos.len();
        let text = stack(text, &self.decos, g0);
        if beside {
            let mut row = side_by_side(vec![
                Chunk {
                    height: size,
                    items: code,
                    ..Chunk::default()
                },
                text,
            ]);
            row.space_before = sz.gap;
            out.push(row);
        } else {
            let mut text = text;
            for it in &mut text.items {
                it.shift(0.0, size + sz.gap * 0.4);
            }
            code.append(&mut text.items);
            out.push(Chunk {
                space_before: sz.gap,
                height: size + sz.gap * 0.4 + text.height,
                items: code,
                ..Chunk::default()
            });
        }
    }

    /// The symbol for `url` and the side it needs (quiet zone included):
    /// the most error correction whose modules are at least the design's
    /// minimum at the usual size, else the least correction, drawn larger
    /// so its modules stay scannable.
    pub(super) fn qr_choice(&self, url: &str) -> Result<(Arc<QrMatrix>, f32), String> {
        let d = self.design;
        let base = d.qr_mm * MM * self.geo.scale;
        let min_module = d.qr_min_module_mm * MM;
        // Sizes first (cheap), then only the chosen symbol is made.
        let mut last = Err(String::new());
        for level in qr::LEVELS {
            match qr::width(url, level) {
                Ok(n) if base / (n as f32 + 8.0) >= min_module - 1e-3 => {
                    return Ok((self.qrs.get(url, level)?, base));
                }
                Ok(_) => last = Ok(level),
                Err(e) => last = last.or(Err(e)),
            }
        }
        let level = last?;
        let q = self.qrs.get(url, level)?;
        let need = (q.n as f32 + 8.0) * min_module;
        Ok((q, need))
    }

    /// [`Layout::qr_choice`] within `max` points, or a warning and `None`.
    fn qr_symbol(&mut self, url: &str, max: f32) -> Option<(Arc<QrMatrix>, f32)> {
        match self.qr_choice(url) {
            Ok((q, size)) if size <= max + 0.01 => Some((q, size)),
            Ok(_) => {
                self.warnings.push(format!(
                    "no QR code for {url}: at {:.0} mm wide its modules would be under {:.1} mm, too small to scan; the address is printed instead",
                    max / MM,
                    self.design.qr_min_module_mm
                ));
                None
            }
            Err(why) => {
                self.warnings.push(format!(
                    "no QR code for {url}: {why}; the address is printed instead"
                ));
                None
            }
        }
    }
}

/// An address as printed: without the scheme, which nobody types.
fn display_url(url: &str) -> &str {
    url.strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url)
}
