//! The flow: paragraphs, headings, lists, columns, images and QR codes.

use super::items::{side_by_side, stack};
use super::{Chunk, Env, Item, Layout, Paint, MM};
use crate::document::{Block, Inline};
use crate::pdf::fonts::FaceId;
use crate::pdf::text::{Lines, StyledText, TextStyle};

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
                let st = StyledText::from_inlines(inl, self.style(env, false));
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
                items: vec![Item::Line {
                    x1: env.x,
                    y1: sz.gap * 0.5,
                    x2: env.x + env.w,
                    y2: sz.gap * 0.5,
                    width: 0.75,
                    colour: self.pal.secondary,
                }],
                ..Chunk::default()
            }),
            Block::PageBreak => out.push(Chunk {
                break_before: true,
                ..Chunk::default()
            }),
            Block::Lang { blocks, .. } => {
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
        let n = lines.lines.len();
        let fam = self.shaper.family.face(FaceId::Regular);
        let half = (leading - (fam.ascender - fam.descender) * size) / 2.0;
        let baseline = half + fam.ascender * size;
        for i in 0..n {
            let keep = keep_all || (n > 1 && (i == 0 || i + 2 == n));
            out.push(Chunk {
                space_before: if i == 0 { space_before } else { 0.0 },
                height: leading,
                items: lines.line_items(i, env.x, baseline),
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
        let (size, space, colour) = match level {
            0 | 1 => (sz.h1, sz.gap * 2.0, env.heading),
            2 => (sz.h2, sz.gap * 2.2, env.heading),
            _ => (sz.h3, sz.gap * 1.5, env.text),
        };
        let st = StyledText::from_inlines(
            content,
            TextStyle {
                bold: true,
                italic: false,
                colour,
                link_colour: colour,
            },
        );
        let leading = size * if level <= 1 { 1.15 } else { 1.25 };
        let start = out.len();
        self.text_chunks(st, size, leading, env, space, true, out);
        if let Some(c) = out.get_mut(start) {
            c.items.insert(
                0,
                Item::Anchor {
                    level: level.clamp(1, 6),
                    title: Inline::plain(content).replace('\n', " "),
                    y: 0.0,
                },
            );
        }
        if level == 2 && !env.on_band {
            // A short accent rule under the heading, in the second colour.
            let y = size * 0.45;
            out.push(Chunk {
                height: y + sz.body * 0.15,
                items: vec![Item::Rect {
                    x: env.x,
                    y,
                    w: (14.0 * MM * self.geo.scale).min(env.w),
                    h: 2.2 * self.geo.scale.max(0.8),
                    fill: self.pal.secondary,
                }],
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
        let shaped: Vec<Lines> = labels
            .iter()
            .map(|l| {
                Lines::layout(
                    self.shaper,
                    StyledText::plain(l, marker_face, marker_colour),
                    sz.body,
                    f32::MAX / 4.0,
                    &mut self.missing,
                )
            })
            .collect();
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
            self.flow(item, inner, out);
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
            let mut marker = label.line_items(0, x, baseline);
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
        if n == 1 || cw < sz.body * 8.0 {
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
            let st = StyledText::from_inlines(
                &[Inline::Emphasis(vec![Inline::Text(alt.to_string())])],
                self.style(env, false),
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
        out.push(Chunk {
            space_before: sz.gap,
            height: h,
            items: vec![Item::Image {
                name: name.to_string(),
                x: env.x,
                y: 0.0,
                w,
                h,
            }],
            ..Chunk::default()
        });
    }

    pub(super) fn qr(&mut self, url: &str, caption: Option<&str>, env: Env, out: &mut Vec<Chunk>) {
        let sz = self.sz;
        let qr = match self.qrs.get(url) {
            Ok(q) => q,
            Err(e) => {
                self.warnings.push(format!(
                    "no QR code for {url}: {e}; the address is printed instead"
                ));
                let st = StyledText::from_inlines(
                    &[Inline::Link {
                        url: url.to_string(),
                        content: vec![Inline::Text(url.to_string())],
                    }],
                    self.style(env, false),
                );
                self.text_chunks(st, sz.body, sz.leading, env, sz.gap, false, out);
                return;
            }
        };
        let size = (30.0 * MM * self.geo.scale).min(env.w);
        let module = size / (qr.n as f32 + 8.0);
        let items = vec![
            Item::Rect {
                x: env.x,
                y: 0.0,
                w: size,
                h: size,
                fill: Paint::WHITE,
            },
            Item::Qr {
                x: env.x + 4.0 * module,
                y: 4.0 * module,
                module,
                qr,
                colour: Paint {
                    rgb: [0.0, 0.0, 0.0],
                    cmyk: Some([0.0, 0.0, 0.0, 1.0]),
                },
            },
            Item::Link {
                x: env.x,
                y: 0.0,
                w: size,
                h: size,
                url: url.to_string(),
            },
        ];
        out.push(Chunk {
            space_before: sz.gap,
            height: size,
            items,
            keep_with_next: caption.is_some(),
            ..Chunk::default()
        });
        if let Some(c) = caption {
            let st = StyledText::plain(c, FaceId::Regular, env.text);
            let small = sz.small.max(sz.body * 0.85);
            let cenv = Env {
                w: env.w.max(size),
                ..env
            };
            let start = out.len();
            self.text_chunks(st, small, small * 1.3, cenv, sz.gap * 0.4, true, out);
            if let Some(ch) = out.last_mut() {
                ch.keep_with_next = false;
            }
            let _ = start;
        }
    }
}
