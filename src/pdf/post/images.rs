//! Image XObjects, prepared once per image per writer.
//!
//! JPEGs go in as they are (`DCTDecode`), so a photo is never re-encoded;
//! PNGs are decoded and stored losslessly (`FlateDecode`, alpha as a soft
//! mask). Decoding and deflating a logo costs more than laying out a whole
//! leaflet, and every leaflet of a brand carries the same logo, so the
//! prepared streams are cached by the identity of the image's shared bytes.
//!
//! In the press file an RGB image is converted to CMYK ([`Separation`]):
//! a pixel that is a brand colour, or a tint of it over white, takes the
//! brand's own CMYK values, so the logo prints in the same ink as the band
//! beside it; any other colour gets a plain conversion.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use lopdf::{Dictionary, Object, ObjectId, Stream};

use super::failed;
use crate::document::{ImageAsset, ImageFormat, RenderError};
use crate::pdf::colour::rgb_to_cmyk;
use crate::pdf::deflate::deflate;

/// An image XObject ready to add to a document.
pub(crate) struct Prepared {
    dict: Dictionary,
    data: Vec<u8>,
    smask: Option<(Dictionary, Vec<u8>)>,
}

impl Prepared {
    pub(crate) fn add_to(&self, doc: &mut lopdf::Document) -> ObjectId {
        let mut dict = self.dict.clone();
        if let Some((md, data)) = &self.smask {
            let mask =
                doc.add_object(Stream::new(md.clone(), data.clone()).with_compression(false));
            dict.set("SMask", Object::Reference(mask));
        }
        doc.add_object(Stream::new(dict, self.data.clone()).with_compression(false))
    }
}

/// Number of colour components in a JPEG (from its SOFn segment).
fn jpeg_components(b: &[u8]) -> Option<u8> {
    let mut i = 2;
    while i + 9 < b.len() {
        if b[i] != 0xFF {
            i += 1;
            continue;
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        let len = u16::from_be_bytes([b[i + 2], b[i + 3]]) as usize;
        if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            return b.get(i + 9).copied();
        }
        i += 2 + len;
    }
    None
}

fn image_dict(w: u32, h: u32, colour_space: &[u8]) -> Dictionary {
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"XObject".to_vec()));
    d.set("Subtype", Object::Name(b"Image".to_vec()));
    d.set("Width", Object::Integer(i64::from(w)));
    d.set("Height", Object::Integer(i64::from(h)));
    d.set("BitsPerComponent", Object::Integer(8));
    d.set("ColorSpace", Object::Name(colour_space.to_vec()));
    d
}

/// Flate-compress `data` into `dict` (or store it plain if that is smaller).
fn flate(mut dict: Dictionary, data: Vec<u8>) -> (Dictionary, Vec<u8>) {
    match deflate(&data) {
        Some(z) => {
            dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            (dict, z)
        }
        None => (dict, data),
    }
}

/// How the press file separates RGB pixels: the brand's colours with their
/// CMYK values.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Separation {
    pub(crate) inks: Vec<([f32; 3], [f32; 4])>,
}

impl Separation {
    /// How far (0–1 per channel, Euclidean) a pixel may be from a brand
    /// colour or its tint and still count as it: anti-aliasing and PNG
    /// rounding stay well inside this, a different colour does not.
    const TOLERANCE: f32 = 0.05;

    /// The CMYK of one sRGB pixel.
    pub(crate) fn cmyk(&self, p: [f32; 3]) -> [f32; 4] {
        let mut best: Option<(f32, [f32; 4])> = None;
        for (rgb, cmyk) in &self.inks {
            // p ≈ white + t · (ink − white), t in 0..1
            let d = [0, 1, 2].map(|i| rgb[i] - 1.0);
            let q = [0, 1, 2].map(|i| p[i] - 1.0);
            let dd: f32 = d.iter().map(|v| v * v).sum();
            if dd < 1e-6 {
                continue;
            }
            let t = (d.iter().zip(&q).map(|(a, b)| a * b).sum::<f32>() / dd).clamp(0.0, 1.0);
            let err: f32 = (0..3)
                .map(|i| (q[i] - t * d[i]).powi(2))
                .sum::<f32>()
                .sqrt();
            if err <= Self::TOLERANCE && best.is_none_or(|(e, _)| err < e) {
                best = Some((err, cmyk.map(|v| v * t)));
            }
        }
        match best {
            Some((_, c)) => c,
            None => rgb_to_cmyk(p),
        }
    }

    /// A digest of the inks, for the cache key.
    fn key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for (rgb, cmyk) in &self.inks {
            for v in rgb.iter().chain(cmyk) {
                v.to_bits().hash(&mut h);
            }
        }
        h.finish() | 1
    }
}

/// RGB bytes (3 a pixel) to CMYK bytes (4 a pixel).
fn separate(rgb: &[u8], sep: &Separation) -> Vec<u8> {
    let mut out = Vec::with_capacity(rgb.len() / 3 * 4);
    // Logos have few distinct colours: convert each once.
    let mut seen: HashMap<[u8; 3], [u8; 4]> = HashMap::new();
    for p in rgb.chunks_exact(3) {
        let key = [p[0], p[1], p[2]];
        let c = *seen.entry(key).or_insert_with(|| {
            sep.cmyk(key.map(|v| f32::from(v) / 255.0))
                .map(|v| (v * 255.0).round() as u8)
        });
        out.extend_from_slice(&c);
    }
    out
}

fn prepare(
    name: &str,
    img: &ImageAsset,
    sep: Option<&Separation>,
) -> Result<Prepared, RenderError> {
    match img.format {
        ImageFormat::Jpeg if sep.is_some() && jpeg_components(&img.bytes) == Some(3) => {
            // An RGB photo in the press file: decoded and separated, stored
            // losslessly (never re-encoded as a lossier JPEG).
            let decoded = image::load_from_memory_with_format(&img.bytes, image::ImageFormat::Jpeg)
                .map_err(|e| failed("image", format!("'{name}': {e}")))?;
            let (w, h) = (decoded.width(), decoded.height());
            let pixels = separate(
                &decoded.to_rgb8().into_raw(),
                sep.unwrap_or(&Separation::default()),
            );
            let (dict, data) = flate(image_dict(w, h, b"DeviceCMYK"), pixels);
            Ok(Prepared {
                dict,
                data,
                smask: None,
            })
        }
        ImageFormat::Jpeg => {
            let comps = jpeg_components(&img.bytes)
                .ok_or_else(|| failed("image", format!("'{name}' is not a readable JPEG")))?;
            let cs: &[u8] = match comps {
                1 => b"DeviceGray",
                4 => b"DeviceCMYK",
                _ => b"DeviceRGB",
            };
            let mut dict = image_dict(img.width_px, img.height_px, cs);
            if comps == 4 {
                // Adobe CMYK JPEGs are stored inverted.
                let decode = [1, 0, 1, 0, 1, 0, 1, 0].map(Object::Integer).to_vec();
                dict.set("Decode", Object::Array(decode));
            }
            dict.set("Filter", Object::Name(b"DCTDecode".to_vec()));
            Ok(Prepared {
                dict,
                data: img.bytes.to_vec(),
                smask: None,
            })
        }
        ImageFormat::Png => {
            let decoded = image::load_from_memory_with_format(&img.bytes, image::ImageFormat::Png)
                .map_err(|e| failed("image", format!("'{name}': {e}")))?;
            let (w, h) = (decoded.width(), decoded.height());
            let grey = !decoded.color().has_color();
            let (pixels, alpha) = if decoded.color().has_alpha() {
                let rgba = decoded.to_rgba8();
                let raw = rgba.as_raw();
                let mut px = Vec::with_capacity(raw.len() / 4 * 3);
                let mut a = Vec::with_capacity(raw.len() / 4);
                for p in raw.chunks_exact(4) {
                    if grey {
                        px.push(p[0]);
                    } else {
                        px.extend_from_slice(&p[..3]);
                    }
                    a.push(p[3]);
                }
                let opaque = a.iter().all(|v| *v == 255);
                (px, (!opaque).then_some(a))
            } else if grey {
                (decoded.to_luma8().into_raw(), None)
            } else {
                (decoded.to_rgb8().into_raw(), None)
            };
            let (cs, pixels): (&[u8], Vec<u8>) = match sep {
                _ if grey => (b"DeviceGray", pixels),
                Some(sep) => (b"DeviceCMYK", separate(&pixels, sep)),
                None => (b"DeviceRGB", pixels),
            };
            let (dict, data) = flate(image_dict(w, h, cs), pixels);
            let smask = alpha.map(|a| flate(image_dict(w, h, b"DeviceGray"), a));
            Ok(Prepared { dict, data, smask })
        }
    }
}

/// Prepared images keyed by the address and length of their shared bytes;
/// the cache holds a clone of the `Arc`, so an address cannot be reused by
/// other bytes while its entry lives.
#[derive(Default)]
pub(crate) struct ImageCache {
    map: RwLock<HashMap<BytesKey, Entry>>,
}

/// Address and length of an image's shared bytes, and the separation it
/// was made for (0: none, the screen file).
type BytesKey = (usize, usize, u64);

/// The bytes (kept alive so their address stays theirs) and the result.
type Entry = (Arc<Vec<u8>>, Arc<Prepared>);

/// Most images kept (a build has a logo or two per brand).
const MAX_CACHED: usize = 256;

impl ImageCache {
    /// The XObject for `img`: as it is for the screen, separated to CMYK
    /// with `sep` for the press.
    pub(crate) fn get(
        &self,
        name: &str,
        img: &ImageAsset,
        sep: Option<&Separation>,
    ) -> Result<Arc<Prepared>, RenderError> {
        let key = (
            Arc::as_ptr(&img.bytes) as usize,
            img.bytes.len(),
            sep.map_or(0, Separation::key),
        );
        if let Some((_, p)) = self.map.read().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(Arc::clone(p));
        }
        let prepared = Arc::new(prepare(name, img, sep)?);
        let mut map = self.map.write().unwrap_or_else(|e| e.into_inner());
        if map.len() >= MAX_CACHED {
            map.clear();
        }
        map.insert(key, (Arc::clone(&img.bytes), Arc::clone(&prepared)));
        Ok(prepared)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_jpeg_component_count() {
        let img = image::RgbImage::from_pixel(4, 3, image::Rgb([10, 20, 30]));
        let mut bytes = Vec::new();
        img.write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Jpeg,
        )
        .expect("jpeg encodes");
        assert_eq!(jpeg_components(&bytes), Some(3));
        assert_eq!(jpeg_components(b"not a jpeg at all"), None);
    }

    #[test]
    fn brand_colours_and_their_tints_separate_to_the_brand_inks() {
        let primary = [0.0, 82.0 / 255.0, 147.0 / 255.0];
        let sep = Separation {
            inks: vec![(primary, [1.0, 0.55, 0.0, 0.2])],
        };
        let close = |a: [f32; 4], b: [f32; 4]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.02);
        assert!(close(sep.cmyk(primary), [1.0, 0.55, 0.0, 0.2]));
        // a 75 % tint over white (anti-aliased edge)
        let tint = [0, 1, 2].map(|i| 1.0 + 0.75 * (primary[i] - 1.0));
        assert!(close(sep.cmyk(tint), [0.75, 0.4125, 0.0, 0.15]));
        assert!(close(sep.cmyk([1.0, 1.0, 1.0]), [0.0; 4]));
        // another colour: a plain conversion, not the brand's ink
        assert!(close(sep.cmyk([1.0, 0.0, 0.0]), [0.0, 1.0, 1.0, 0.0]));
        assert!(close(rgb_to_cmyk([0.0, 0.0, 0.0]), [0.0, 0.0, 0.0, 1.0]));
    }
}
