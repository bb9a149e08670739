//! QR codes in the flow: the symbol, the address printed beside it (a QR
//! code alone is no use to someone who cannot scan it) and its caption.

use super::items::{side_by_side, stack};
use super::spans::{display_url, StyledText, TextStyle};
use super::{Chunk, Env, Item, Layout, Shape, MM};
use crate::document::qr::QrMatrix;
use crate::document::Inline;
use crate::pdf::colour::Paint;
use crate::pdf::qr;
use crate::pdf::tags::{Role, Tag};
use std::sync::Arc;

impl Layout<'_, '_> {
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
