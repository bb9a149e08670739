//! QR symbols as a grid of modules, for every writer that shows one: the
//! PDF draws the modules as rectangles, the web page as one SVG path, the
//! handout as a PNG.
//!
//! A leaf in `document` because writers never import each other and every
//! writer already depends on `document`: one encoder (and one way to merge
//! dark modules into runs) instead of one per writer. How big a symbol is
//! drawn, and how much error correction it gets, stays with each writer.

use qrcode::{Color, EcLevel, QrCode};

/// Longest address the PDF and HTML writers put in a QR code: beyond this
/// the modules get too small to scan at leaflet size, so they show the
/// address instead.
pub(crate) const MAX_QR_BYTES: usize = 600;

/// Light modules around a symbol, as the QR standard asks.
pub(crate) const QUIET_ZONE: usize = 4;

/// A QR symbol: `n` × `n` modules, row-major, `true` = dark.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct QrMatrix {
    pub(crate) n: usize,
    pub(crate) dark: Vec<bool>,
}

impl QrMatrix {
    /// The symbol for `data` at `level`, or qrcode's reason there is none
    /// (too much data for any version).
    pub(crate) fn encode(data: &str, level: EcLevel) -> Result<QrMatrix, String> {
        let code = QrCode::with_error_correction_level(data.as_bytes(), level)
            .map_err(|e| e.to_string())?;
        let n = code.width();
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        Ok(QrMatrix { n, dark })
    }

    /// Dark modules merged into horizontal runs: (row, first column, length),
    /// row by row, left to right.
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
}
