//! Pictures: the logo in the header, `::: image` and QR codes, as docx-rs
//! pictures with ids of the document's own, and the media parts behind
//! them.
//!
//! Image bytes are embedded as they are (PNG or JPEG, validated when the
//! brand was loaded), never decoded here: docx-rs's `Pic::new` decodes and
//! panics on bad bytes and re-encodes JPEG as PNG, so pictures are made
//! with `Pic::new_with_dimensions`, which does neither. docx-rs only writes
//! the drawing (its relationship id is the picture's id); the media part
//! and the relationship to it are careerpress's ([`Media`]), so the bytes
//! are never copied. Bytes that do not even look like their declared
//! format are left out with a warning.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use docx_rs::Pic;

use crate::document::qr::{QrMatrix, QUIET_ZONE};
use crate::document::{ImageAsset, ImageFormat};

/// EMUs per pixel at 96 dpi, Word's notion of an image's natural size.
const EMU_PER_PX: u64 = 9_525;

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

/// The media parts of one document (`word/media/image1.png`, …), each
/// once however often it is shown, named in order of first use.
#[derive(Debug, Default)]
pub(crate) struct Media {
    files: Vec<MediaFile>,
}

#[derive(Debug)]
pub(crate) struct MediaFile {
    /// What the picture is (`img:logo`, `qr:https://…`).
    key: String,
    /// Path relative to `word/`, e.g. `media/image1.png`.
    pub target: String,
    pub bytes: Arc<Vec<u8>>,
}

impl Media {
    /// The target of the media part for `key`, added on first use.
    fn file(&mut self, key: String, ext: &str, bytes: impl FnOnce() -> Arc<Vec<u8>>) -> String {
        if let Some(f) = self.files.iter().find(|f| f.key == key) {
            return f.target.clone();
        }
        let target = format!("media/image{}.{ext}", self.files.len() + 1);
        self.files.push(MediaFile {
            key,
            target: target.clone(),
            bytes: bytes(),
        });
        target
    }

    /// A theme image as a docx-rs picture with relationship id `id`,
    /// fitted into `fit`, and the target its relationship points at; `None`
    /// when the bytes are not a usable PNG or JPEG.
    pub(crate) fn picture(
        &mut self,
        name: &str,
        asset: &ImageAsset,
        fit: Fit,
        id: &str,
    ) -> Option<(Pic, String)> {
        if asset.width_px == 0 || asset.height_px == 0 || !looks_like(&asset.bytes, asset.format) {
            return None;
        }
        let ext = match asset.format {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpeg",
        };
        let target = self.file(format!("img:{name}"), ext, || Arc::clone(&asset.bytes));
        let (w, h) = fit.size(asset.width_px, asset.height_px);
        Some((sized(w, h, id), target))
    }

    /// A square QR code picture of `side` EMUs, and its target.
    pub(crate) fn qr(
        &mut self,
        url: &str,
        png: Arc<Vec<u8>>,
        side: u64,
        id: &str,
    ) -> (Pic, String) {
        let target = self.file(format!("qr:{url}"), "png", || png);
        (sized(side, side, id), target)
    }

    pub(crate) fn files(&self) -> &[MediaFile] {
        &self.files
    }
}

fn sized(w: u64, h: u64, id: &str) -> Pic {
    let emu = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
    // docx-rs writes only the drawing: no bytes, and the pixel size is
    // replaced by the fitted size at once.
    Pic::new_with_dimensions(Vec::new(), 1, 1)
        .size(emu(w), emu(h))
        .id(id)
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
/// `url` as a QR code PNG (8-bit grey, black on white), with the quiet
/// zone scanners need.
fn qr_png(url: &str) -> Option<Vec<u8>> {
    let code = QrMatrix::encode(url, qrcode::EcLevel::M).ok()?;
    let modules = code.n;
    let side = (modules + 2 * QUIET_ZONE) * QR_MODULE_PX;
    let mut pixels = vec![255u8; side * side];
    for (i, dark) in code.dark.iter().enumerate() {
        if !dark {
            continue;
        }
        let (mx, my) = (i % modules + QUIET_ZONE, i / modules + QUIET_ZONE);
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
