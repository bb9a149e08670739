//! QR codes for the leaflet: the error correction a symbol gets, and the
//! symbols of a build, each encoded once. The modules themselves are
//! [`crate::document::qr`]'s, shared with the other writers; `draw` draws
//! them as vector rectangles (crisp at any print size).

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use qrcode::EcLevel;

use crate::document::qr::{QrMatrix, MAX_QR_BYTES};

/// Error-correction levels, most robust first: a code on a leaflet gets
/// creased, smudged and photographed at an angle, so it takes the most
/// correction its size allows.
pub(crate) const LEVELS: [EcLevel; 4] = [EcLevel::H, EcLevel::Q, EcLevel::M, EcLevel::L];

/// Why `url` gets no QR code on a leaflet, when it is too long for one.
fn too_long(url: &str) -> Result<(), String> {
    if url.len() > MAX_QR_BYTES {
        return Err(format!(
            "the address is {} bytes long; a QR code at leaflet size holds {MAX_QR_BYTES}",
            url.len()
        ));
    }
    Ok(())
}

/// The symbol for `url` at `level`, or why there is none.
pub(crate) fn encode(url: &str, level: EcLevel) -> Result<QrMatrix, String> {
    too_long(url)?;
    QrMatrix::encode(url, level)
}

/// How many modules wide the symbol for `url` at `level` is, without
/// making it (choosing the mask is most of the cost of a symbol).
pub(crate) fn width(url: &str, level: EcLevel) -> Result<usize, String> {
    too_long(url)?;
    let bits = qrcode::bits::encode_auto(url.as_bytes(), level).map_err(|e| e.to_string())?;
    usize::try_from(bits.version().width()).map_err(|e| e.to_string())
}

/// Encoded symbols by URL, shared by a build: choosing the best mask is
/// most of the cost of a QR code, and the same job's address appears in
/// every brand's leaflet.
#[derive(Default)]
pub(crate) struct QrCache {
    map: RwLock<HashMap<(String, u8), Encoded>>,
}

/// A symbol, or why there is none.
type Encoded = Result<Arc<QrMatrix>, String>;

/// Most symbols kept; a build has one address per job.
const MAX_CACHED: usize = 4096;

impl QrCache {
    pub(crate) fn get(&self, url: &str, level: EcLevel) -> Result<Arc<QrMatrix>, String> {
        let key = (url.to_string(), level as u8);
        if let Some(hit) = self.map.read().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return hit.clone();
        }
        let made = encode(url, level).map(Arc::new);
        let mut map = self.map.write().unwrap_or_else(|e| e.into_inner());
        if map.len() >= MAX_CACHED {
            map.clear();
        }
        map.insert(key, made.clone());
        made
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_is_the_width_of_the_symbol() {
        for level in LEVELS {
            let url = "https://www.healthcareers.nhs.uk/explore-roles/wider-healthcare-team";
            let q = encode(url, level).expect("encodes");
            assert_eq!(width(url, level), Ok(q.n));
        }
    }

    #[test]
    fn refuses_huge_payloads() {
        assert!(encode(&"x".repeat(5000), EcLevel::L).is_err());
    }
}
