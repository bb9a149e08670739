//! Colours as PDF wants them: RGB, and CMYK for the press file.
//!
//! A leaf of its own because layout chooses colours, drawing writes them
//! (converting to CMYK in the press file) and post-processing separates the
//! logo into the same inks: kept with any one of them, the others would
//! import it back.

use crate::document::Colour;

/// A colour as PDF wants it: RGB, and CMYK when the brand gave one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Paint {
    pub(crate) rgb: [f32; 3],
    pub(crate) cmyk: Option<[f32; 4]>,
}

impl Paint {
    pub(crate) const WHITE: Paint = Paint {
        rgb: [1.0, 1.0, 1.0],
        cmyk: Some([0.0, 0.0, 0.0, 0.0]),
    };
    /// Black: K only in print, so text and QR codes print on one plate.
    pub(crate) const BLACK: Paint = Paint {
        rgb: [0.0, 0.0, 0.0],
        cmyk: Some([0.0, 0.0, 0.0, 1.0]),
    };
    /// The red of the DRAFT marks (contrast 6.6:1 with white).
    pub(crate) const DRAFT: Paint = Paint {
        rgb: [0.698, 0.094, 0.133],
        cmyk: Some([0.0, 0.95, 0.85, 0.25]),
    };
    /// Registration black for crop marks (prints on every plate).
    pub(crate) const REGISTRATION: Paint = Paint {
        rgb: [0.0, 0.0, 0.0],
        cmyk: Some([1.0, 1.0, 1.0, 1.0]),
    };

    pub(crate) fn from_colour(c: Colour) -> Paint {
        let rgb = [
            c.rgb.0 as f32 / 255.0,
            c.rgb.1 as f32 / 255.0,
            c.rgb.2 as f32 / 255.0,
        ];
        let cmyk = c
            .cmyk
            .map(|k| [0, 1, 2, 3].map(|i| (k[i] / 100.0).clamp(0.0, 1.0)));
        Paint { rgb, cmyk }
    }

    /// `self` blended towards `other` by `t` (0 = self).
    pub(crate) fn mix(self, other: Paint, t: f32) -> Paint {
        let rgb = [0, 1, 2].map(|i| self.rgb[i] + (other.rgb[i] - self.rgb[i]) * t);
        let cmyk = match (self.cmyk, other.cmyk) {
            (Some(a), Some(b)) => Some([0, 1, 2, 3].map(|i| a[i] + (b[i] - a[i]) * t)),
            _ => None,
        };
        Paint { rgb, cmyk }
    }
}

/// sRGB (0–1) to CMYK (0–1) without a profile: black from the darkest
/// channel, the rest from what is left. For colours the brand gives no
/// CMYK for; the output intent names the printing condition assumed.
pub(crate) fn rgb_to_cmyk(rgb: [f32; 3]) -> [f32; 4] {
    let [r, g, b] = rgb.map(|v| v.clamp(0.0, 1.0));
    let k = 1.0 - r.max(g).max(b);
    if k >= 0.999 {
        return [0.0, 0.0, 0.0, 1.0];
    }
    let part = |v: f32| ((1.0 - v - k) / (1.0 - k)).clamp(0.0, 1.0);
    [part(r), part(g), part(b), k]
}
