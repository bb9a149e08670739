//! QR codes as SVG paths, crisp at any size on screen and paper: the
//! modules of [`crate::document::qr`] (a longer address than it takes is
//! shown as a link only), one `M x y h n v1 h-n z` run each.

use qrcode::EcLevel;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use crate::document::qr::{QrMatrix, MAX_QR_BYTES, QUIET_ZONE};

/// A QR symbol drawn as one SVG path.
#[derive(Debug)]
pub(crate) struct Symbol {
    /// Width and height in modules, quiet zone included.
    pub size: usize,
    /// The dark modules, one `M x y h n v1 h-n z` run each.
    pub path: String,
}

/// Symbols by address, for the whole build: choosing the best mask is most
/// of a QR code's cost, and each job's address appears in every trust's page.
#[derive(Debug, Default)]
pub(crate) struct QrCache(Mutex<BTreeMap<String, Option<Arc<Symbol>>>>);

impl QrCache {
    pub(crate) fn symbol(&self, url: &str) -> Option<Arc<Symbol>> {
        if let Ok(cache) = self.0.lock() {
            if let Some(s) = cache.get(url) {
                return s.clone();
            }
        }
        let made = encode(url).map(Arc::new);
        if let Ok(mut cache) = self.0.lock() {
            cache.insert(url.to_string(), made.clone());
        }
        made
    }
}

fn encode(url: &str) -> Option<Symbol> {
    if url.len() > MAX_QR_BYTES {
        return None;
    }
    let code = QrMatrix::encode(url, EcLevel::M).ok()?;
    let mut path = String::new();
    for (row, start, len) in code.runs() {
        path.push_str(&format!(
            "M{} {}h{len}v1h-{len}z",
            start + QUIET_ZONE,
            row + QUIET_ZONE
        ));
    }
    Some(Symbol {
        size: code.n + 2 * QUIET_ZONE,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcode::{Color, QrCode};

    #[test]
    fn symbols_cover_the_dark_modules_and_long_addresses_are_refused() {
        let url = "https://www.healthcareers.nhs.uk/";
        let s = QrCache::default().symbol(url).unwrap();
        let code = QrCode::with_error_correction_level(url, EcLevel::M).unwrap();
        let dark = code
            .to_colors()
            .iter()
            .filter(|c| **c == Color::Dark)
            .count();
        // Every run's length, added up, is the number of dark modules.
        let covered: usize = s
            .path
            .split('h')
            .skip(1)
            .step_by(2)
            .map(|n| n.split('v').next().unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(covered, dark);
        assert_eq!(s.size, code.width() + 8);
        assert!(QrCache::default().symbol(&"x".repeat(5_000)).is_none());
    }
}
