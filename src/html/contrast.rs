//! WCAG 2.2 contrast: the page's colours come from the brand, and a brand's
//! colours are chosen for print and logos, not always for small text on a
//! screen. Every colour the page uses for text, or behind text, is checked
//! against what it sits on and, where it falls short of AA (4.5:1 for body
//! text), darkened or lightened in small steps until it passes: the brand's
//! hue is kept, the page stays readable whatever a trust's `brand.yaml`
//! says.

use crate::document::Rgb;

/// WCAG AA for text of normal size.
pub(crate) const AA_TEXT: f64 = 4.5;

pub(crate) const WHITE: Rgb = Rgb(0xFF, 0xFF, 0xFF);
pub(crate) const BLACK: Rgb = Rgb(0, 0, 0);

/// Relative luminance (WCAG 2.2, sRGB).
pub(crate) fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// The contrast ratio of two colours, 1 to 21.
pub(crate) fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// `c` mixed with `toward`: `t` = 0 is `c`, 1 is `toward`.
fn mix(c: Rgb, toward: Rgb, t: f64) -> Rgb {
    let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    Rgb(m(c.0, toward.0), m(c.1, toward.1), m(c.2, toward.2))
}

/// The first of `c` mixed ever more with `toward` (in 2 % steps) for which
/// `ok` holds; `toward` itself at worst.
fn shift_until(c: Rgb, toward: Rgb, ok: impl Fn(Rgb) -> bool) -> Rgb {
    (0..=50)
        .map(|i| mix(c, toward, f64::from(i) / 50.0))
        .find(|&m| ok(m))
        .unwrap_or(toward)
}

/// `c`, darkened as little as needed to reach `min` against `on`.
pub(crate) fn darken_for(c: Rgb, on: Rgb, min: f64) -> Rgb {
    shift_until(c, BLACK, |m| ratio(m, on) >= min)
}

/// `c`, lightened as little as needed to reach `min` against `with`.
pub(crate) fn lighten_for(c: Rgb, with: Rgb, min: f64) -> Rgb {
    shift_until(c, WHITE, |m| ratio(m, with) >= min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_match_wcag() {
        assert!((ratio(BLACK, WHITE) - 21.0).abs() < 1e-9);
        assert!((ratio(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #767676 is the lightest grey that passes AA on white (4.54:1),
        // #777777 just fails (4.48:1), as WebAIM's checker says.
        assert!((ratio(Rgb(0x76, 0x76, 0x76), WHITE) - 4.54).abs() < 0.01);
        assert!(ratio(Rgb(0x77, 0x77, 0x77), WHITE) < AA_TEXT);
        // NHS blue on white: 6.38:1.
        assert!((ratio(Rgb(0x00, 0x5E, 0xB8), WHITE) - 6.38).abs() < 0.01);
    }

    #[test]
    fn colours_are_shifted_only_as_far_as_needed() {
        let sky = Rgb(0x00, 0xA9, 0xCE);
        assert!(ratio(sky, WHITE) < AA_TEXT);
        let d = darken_for(sky, WHITE, AA_TEXT);
        assert!(ratio(d, WHITE) >= AA_TEXT);
        // One step less would not have done.
        assert!(ratio(mix(d, sky, 0.1), WHITE) < AA_TEXT + 0.5);
        // A colour that already passes is kept.
        let navy = Rgb(0x00, 0x30, 0x87);
        assert_eq!(darken_for(navy, WHITE, AA_TEXT), navy);
        let dark_shade = Rgb(0x40, 0x40, 0x40);
        let l = lighten_for(dark_shade, BLACK, 12.0);
        assert!(ratio(l, BLACK) >= 12.0);
    }
}
