//! QR codes as vector modules (crisp at any print size).

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use qrcode::{Color, EcLevel, QrCode};

/// A QR symbol: `n` × `n` modules, row-major, `true` = dark.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct QrMatrix {
    pub(crate) n: usize,
    pub(crate) dark: Vec<bool>,
}

/// Longest URL we put in a QR code: beyond this the modules get too small
/// to scan at leaflet size, so the writer prints the address instead.
pub(crate) const MAX_QR_BYTES: usize = 600;

impl QrMatrix {
    /// Error-correction levels, most robust first: a code on a leaflet gets
    /// creased, smudged and photographed at an angle, so it takes the most
    /// correction its size allows.
    pub(crate) const LEVELS: [EcLevel; 4] = [EcLevel::H, EcLevel::Q, EcLevel::M, EcLevel::L];

    pub(crate) fn encode(url: &str, level: EcLevel) -> Result<QrMatrix, String> {
        if url.len() > MAX_QR_BYTES {
            return Err(format!(
                "the address is {} bytes long; a QR code at leaflet size holds {MAX_QR_BYTES}",
                url.len()
            ));
        }
        let code = QrCode::with_error_correction_level(url.as_bytes(), level)
            .map_err(|e| e.to_string())?;
        let n = code.width();
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        Ok(QrMatrix { n, dark })
    }

    /// How many modules wide the symbol for `url` at `level` is, without
    /// making it (choosing the mask is most of the cost of a symbol).
    pub(crate) fn width(url: &str, level: EcLevel) -> Result<usize, String> {
        if url.len() > MAX_QR_BYTES {
            return Err(format!(
                "the address is {} bytes long; a QR code at leaflet size holds {MAX_QR_BYTES}",
                url.len()
            ));
        }
        let bits = qrcode::bits::encode_auto(url.as_bytes(), level).map_err(|e| e.to_string())?;
        usize::try_from(bits.version().width()).map_err(|e| e.to_string())
    }

    /// Dark modules merged into horizontal runs: (row, first column, length).
    pub(crate) fn runs(&self) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for row in 0..self.n {
            let mut col = 0;
            while col < self.n {
                if self.dark[row * self.n + col] {
                    let start = col;
                    while col < self.n && self.dark[row * self.n + col] {
                        col += 1;
                    }
                    out.push((row, start, col - start));
                } else {
                    col += 1;
                }
            }
        }
        out
    }
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
        let made = QrMatrix::encode(url, level).map(Arc::new);
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
    fn encodes_and_merges_runs() {
        let q = QrMatrix::encode("https://example.org/", EcLevel::M).expect("encodes");
        assert_eq!(q.dark.len(), q.n * q.n);
        let covered: usize = q.runs().iter().map(|r| r.2).sum();
        assert_eq!(covered, q.dark.iter().filter(|d| **d).count());
    }

    #[test]
    fn width_is_the_width_of_the_symbol() {
        for level in QrMatrix::LEVELS {
            let url = "https://www.healthcareers.nhs.uk/explore-roles/wider-healthcare-team";
            let q = QrMatrix::encode(url, level).expect("encodes");
            assert_eq!(QrMatrix::width(url, level), Ok(q.n));
        }
    }

    #[test]
    fn refuses_huge_payloads() {
        assert!(QrMatrix::encode(&"x".repeat(5000), EcLevel::L).is_err());
    }
}
