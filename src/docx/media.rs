//! Pictures: the media parts of the package and the inline drawings that
//! show them (the logo in the header, `::: image`, QR codes).
//!
//! Image bytes are embedded as they are (PNG or JPEG, validated when the
//! brand was loaded), never decoded here: that is fast, loses nothing, and
//! cannot panic on bad bytes the way docx-rs's `Pic::new` does. Bytes that do
//! not even look like their declared format are left out with a warning.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use super::page::EMU_PER_MM;
use super::rels::{Rels, IMAGE};
use super::xml::escape_into;
use crate::document::{ImageAsset, ImageFormat};

/// EMUs per pixel at 96 dpi, Word's notion of an image's natural size.
const EMU_PER_PX: u64 = 9_525;

/// One file under `word/media/`.
pub(crate) struct Media {
    /// What the picture is (`img:logo`, `qr:https://…`), to share one part
    /// between every place that shows it.
    key: String,
    /// Path inside the package, e.g. `word/media/image1.png`.
    pub path: String,
    pub bytes: Arc<Vec<u8>>,
}

/// Media parts and drawing ids shared by the body, header and footer.
#[derive(Default)]
pub(crate) struct Assets {
    pub media: Vec<Media>,
    /// Last `wp:docPr` id used; they must be unique in the whole document.
    drawing_id: u32,
}

/// The box a picture is fitted into, in EMUs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fit {
    pub max_width: u64,
    pub max_height: u64,
    /// Scale small images up to fill the box (logos, QR codes); otherwise
    /// an image never grows beyond its natural size at 96 dpi.
    pub upscale: bool,
}

impl Fit {
    /// Width and height in EMUs for an image of `w` × `h` pixels.
    fn size(self, w: u32, h: u32) -> (u64, u64) {
        let (w, h) = (u64::from(w.max(1)), u64::from(h.max(1)));
        let (nat_w, nat_h) = (w * EMU_PER_PX, h * EMU_PER_PX);
        let (box_w, box_h) = (self.max_width.max(1), self.max_height.max(1));
        // Scale so both sides fit, in exact integer arithmetic.
        let (mut out_w, mut out_h) = if box_w * h <= box_h * w {
            (box_w, box_w * h / w)
        } else {
            (box_h * w / h, box_h)
        };
        if !self.upscale && out_w > nat_w {
            (out_w, out_h) = (nat_w, nat_h);
        }
        (out_w.max(1), out_h.max(1))
    }
}

/// Whether `bytes` start like a `format` file (the brand loader decoded
/// them; this only guards against a mislabelled asset).
fn looks_like(bytes: &[u8], format: ImageFormat) -> bool {
    match format {
        ImageFormat::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        ImageFormat::Jpeg => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
    }
}

impl Assets {
    /// The inline drawing (`<w:drawing>`, to go inside a `<w:r>`) for a theme
    /// image, registering its media part and a relationship in `rels`.
    /// `None` when the bytes are not a usable PNG or JPEG.
    pub(crate) fn picture(
        &mut self,
        rels: &mut Rels,
        name: &str,
        asset: &ImageAsset,
        alt: &str,
        fit: Fit,
    ) -> Option<String> {
        if asset.width_px == 0 || asset.height_px == 0 || !looks_like(&asset.bytes, asset.format) {
            return None;
        }
        let ext = match asset.format {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpeg",
        };
        let key = format!("img:{name}");
        let path = self.media_path(key, ext, || Arc::clone(&asset.bytes));
        let (w, h) = fit.size(asset.width_px, asset.height_px);
        Some(self.drawing(rels, &path, name, alt, w, h))
    }

    /// A QR code for `url` as a crisp black-on-white PNG, `size_mm` square.
    /// `None` when the URL is too long for a QR code.
    pub(crate) fn qr(
        &mut self,
        cache: &QrCache,
        rels: &mut Rels,
        url: &str,
        alt: &str,
        size_mm: u64,
    ) -> Option<String> {
        let key = format!("qr:{url}");
        let path = match self.media.iter().find(|m| m.key == key) {
            Some(m) => m.path.clone(),
            None => {
                let png = cache.png(url)?;
                self.media_path(key, "png", || png)
            }
        };
        let side = size_mm * EMU_PER_MM;
        Some(self.drawing(rels, &path, "QR code", alt, side, side))
    }

    /// The package path for `key`, adding the media part on first use.
    fn media_path(
        &mut self,
        key: String,
        ext: &str,
        bytes: impl FnOnce() -> Arc<Vec<u8>>,
    ) -> String {
        if let Some(m) = self.media.iter().find(|m| m.key == key) {
            return m.path.clone();
        }
        let path = format!("word/media/image{}.{ext}", self.media.len() + 1);
        self.media.push(Media {
            key,
            path: path.clone(),
            bytes: bytes(),
        });
        path
    }

    fn drawing(
        &mut self,
        rels: &mut Rels,
        path: &str,
        name: &str,
        alt: &str,
        w: u64,
        h: u64,
    ) -> String {
        // Targets are relative to `word/`, where every part that shows a
        // picture lives.
        let rid = rels.add(IMAGE, path.trim_start_matches("word/"), false);
        self.drawing_id += 1;
        let id = self.drawing_id;
        let mut names = String::with_capacity(name.len() + alt.len() + 32);
        names.push_str(" name=\"");
        escape_into(&mut names, name);
        names.push_str("\" descr=\"");
        escape_into(&mut names, alt);
        names.push('"');
        let mut s = String::with_capacity(1_200);
        let _ = write!(
            s,
            "<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
<wp:extent cx=\"{w}\" cy=\"{h}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>\
<wp:docPr id=\"{id}\"{names}/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\"{names}/><pic:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></pic:cNvPicPr></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"{rid}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{w}\" cy=\"{h}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>\
</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
        );
        s
    }
}

/// QR code PNGs by URL, kept by the writer for the whole build: qrcode's
/// mask search takes about 2 ms a code, and a build shows the same job URL
/// in every trust's handout. The PNG depends on the URL alone, so sharing
/// it changes no output.
#[derive(Debug, Default)]
pub(crate) struct QrCache(Mutex<BTreeMap<String, Option<Arc<Vec<u8>>>>>);

/// Distinct URLs kept at most; beyond that codes are made afresh.
const QR_CACHE_MAX: usize = 4_096;

impl QrCache {
    pub(crate) fn png(&self, url: &str) -> Option<Arc<Vec<u8>>> {
        // A poisoned lock only means another render panicked mid-insert of
        // a complete value; the map is still sound.
        let lock = || self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(png) = lock().get(url) {
            return png.clone();
        }
        // Made outside the lock, so threads with different URLs do not wait.
        let png = qr_png(url).map(Arc::new);
        let mut map = lock();
        if map.len() < QR_CACHE_MAX {
            map.insert(url.to_owned(), png.clone());
        }
        png
    }
}

/// Pixels per QR module: big enough that Word's smoothing keeps edges sharp.
const QR_MODULE_PX: usize = 8;
/// The quiet zone scanners need, in modules.
const QR_QUIET: usize = 4;

/// `url` as a QR code PNG (8-bit grey, black on white).
fn qr_png(url: &str) -> Option<Vec<u8>> {
    let code = qrcode::QrCode::with_error_correction_level(url, qrcode::EcLevel::M).ok()?;
    let modules = code.width();
    let colors = code.to_colors();
    let side = (modules + 2 * QR_QUIET) * QR_MODULE_PX;
    let mut pixels = vec![255u8; side * side];
    for (i, c) in colors.iter().enumerate() {
        if *c != qrcode::Color::Dark {
            continue;
        }
        let (mx, my) = (i % modules + QR_QUIET, i / modules + QR_QUIET);
        for y in my * QR_MODULE_PX..(my + 1) * QR_MODULE_PX {
            let row = y * side;
            pixels[row + mx * QR_MODULE_PX..row + (mx + 1) * QR_MODULE_PX].fill(0);
        }
    }
    let mut png = Vec::with_capacity(2_048);
    let encoder = image::codecs::png::PngEncoder::new(&mut png);
    let side = u32::try_from(side).ok()?;
    image::ImageEncoder::write_image(encoder, &pixels, side, side, image::ExtendedColorType::L8)
        .ok()?;
    Some(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_inside_the_box_keeping_the_aspect_ratio() {
        let fit = Fit {
            max_width: 1_000_000,
            max_height: 500_000,
            upscale: true,
        };
        assert_eq!(fit.size(200, 100), (1_000_000, 500_000));
        assert_eq!(fit.size(100, 100), (500_000, 500_000));
        let natural = Fit {
            upscale: false,
            ..fit
        };
        assert_eq!(natural.size(10, 10), (95_250, 95_250));
    }

    #[test]
    fn qr_codes_are_pngs_and_overlong_urls_are_refused() {
        let png = qr_png("https://www.healthcareers.nhs.uk/").unwrap();
        assert!(png.starts_with(b"\x89PNG"));
        assert!(qr_png(&"x".repeat(5_000)).is_none());
    }
}
