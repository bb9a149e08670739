//! Image XObjects, prepared once per image per writer.
//!
//! JPEGs go in as they are (`DCTDecode`), so a photo is never re-encoded;
//! PNGs are decoded and stored losslessly (`FlateDecode`, alpha as a soft
//! mask). Decoding and deflating a logo costs more than laying out a whole
//! leaflet, and every leaflet of a brand carries the same logo, so the
//! prepared streams are cached by the identity of the image's shared bytes.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use lopdf::{Dictionary, Object, ObjectId, Stream};

use super::post::{deflate, failed};
use crate::document::{ImageAsset, ImageFormat, RenderError};

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

fn prepare(name: &str, img: &ImageAsset) -> Result<Prepared, RenderError> {
    match img.format {
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
            let cs: &[u8] = if grey { b"DeviceGray" } else { b"DeviceRGB" };
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

/// Address and length of an image's shared bytes.
type BytesKey = (usize, usize);

/// The bytes (kept alive so their address stays theirs) and the result.
type Entry = (Arc<Vec<u8>>, Arc<Prepared>);

/// Most images kept (a build has a logo or two per brand).
const MAX_CACHED: usize = 256;

impl ImageCache {
    pub(crate) fn get(&self, name: &str, img: &ImageAsset) -> Result<Arc<Prepared>, RenderError> {
        let key = (Arc::as_ptr(&img.bytes) as usize, img.bytes.len());
        if let Some((_, p)) = self.map.read().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(Arc::clone(p));
        }
        let prepared = Arc::new(prepare(name, img)?);
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
}
