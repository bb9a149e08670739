//! The page's stylesheet: the design in `page.css` (layout, type scale,
//! spacing, the print stylesheet, all as CSS a designer can read), and the
//! theme's part (brand colours made to pass WCAG AA, the font, the body
//! size, the paper) as custom properties in front of it.

use crate::document::contrast::{self, BLACK, BODY, WHITE};
use crate::document::{Paper, Rgb, Theme};

/// The design: everything about the page's look that is not the brand's.
const PAGE_CSS: &str = include_str!("page.css");

/// Body text size, in points, that the browser's default text size stands
/// for: a template's `body_pt: 12` keeps the reader's own setting (usually
/// 16 px), `body_pt: 14` makes everything a sixth larger.
const BROWSER_DEFAULT_PT: f32 = 12.0;

/// Fonts after the brand's own, in order: the bundled family, then what
/// every machine has (Arial is the NHS identity's fallback typeface).
const FALLBACK_FONTS: &str = "\"Liberation Sans\",Arial,Helvetica,sans-serif";

/// The colours of one page, each checked for contrast where text meets it.
///
/// A brand's colours are chosen for print and logos, not always for small
/// text on a screen: every colour the page uses for text, or behind text,
/// is checked against what it sits on and, where it falls short of AA
/// (4.5:1 for body text), darkened or lightened in small steps until it
/// passes. The brand's hue is kept, and the page stays readable whatever a
/// trust's `brand.yaml` says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Palette {
    /// Body text, on white and on `shade`.
    pub ink: Rgb,
    /// Headings and list markers: the brand's main colour, on white and on `shade`.
    pub heading: Rgb,
    /// Links: as `heading`.
    pub link: Rgb,
    /// The brand band (title band, footer, box edges), with `on_band` text.
    pub band: Rgb,
    pub on_band: Rgb,
    /// Shaded boxes (key facts, call-outs).
    pub shade: Rgb,
    /// The stripe under the header: decoration only, never behind text.
    pub accent: Rgb,
}

impl Palette {
    pub(crate) fn new(theme: &Theme) -> Palette {
        // A shade dark enough to hide text is lightened first, then every
        // text colour is made to pass on it (and so on white, which is lighter).
        let shade = contrast::lighten_for(theme.shade.rgb, BLACK, 15.0);
        let ink = contrast::darken_for(theme.text.rgb, shade, BODY);
        let heading = contrast::darken_for(theme.primary.rgb, shade, BODY);
        let band = contrast::darken_for(theme.primary.rgb, WHITE, BODY);
        Palette {
            ink,
            heading,
            link: heading,
            band,
            on_band: WHITE,
            shade,
            accent: theme.secondary.rgb,
        }
    }
}

/// A font family name as a CSS string: only the characters family names
/// are made of, so nothing in a brand's font name can end the stylesheet.
fn css_family(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .collect();
    let clean = clean.trim();
    if clean.is_empty() || clean == "Liberation Sans" {
        FALLBACK_FONTS.to_string()
    } else {
        format!("\"{clean}\",{FALLBACK_FONTS}")
    }
}

/// The whole stylesheet for a theme.
pub(crate) fn stylesheet(theme: &Theme, p: &Palette) -> String {
    let hex = |c: Rgb| format!("#{}", c.hex());
    let size = if theme.body_pt.is_finite() {
        theme.body_pt
    } else {
        BROWSER_DEFAULT_PT
    };
    let paper = match theme.paper {
        Paper::A4 => "A4",
        Paper::A5 => "A5",
    };
    let mut css = String::with_capacity(PAGE_CSS.len() + 400);
    css.push_str(&format!(
        ":root{{--font:{};--root-size:{:.2}%;--print-size:{}pt;--ink:{};--heading:{};--link:{};--band:{};--on-band:{};--shade:{};--accent:{}}}\n",
        css_family(&theme.fonts.family),
        size / BROWSER_DEFAULT_PT * 100.0,
        size,
        hex(p.ink),
        hex(p.heading),
        hex(p.link),
        hex(p.band),
        hex(p.on_band),
        hex(p.shade),
        hex(p.accent),
    ));
    css.push_str(&format!("@page{{size:{paper};margin:15mm 15mm 18mm}}\n"));
    css.push_str(PAGE_CSS);
    css
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Colour;

    #[test]
    fn every_text_colour_passes_aa_whatever_the_brand_says() {
        let mut theme = Theme::for_tests(72);
        // A brand of pale colours: sky blue, lime, a grey text, a dark "shade".
        theme.primary = Colour::rgb(0x7F, 0xD3, 0xFF);
        theme.secondary = Colour::rgb(0xCC, 0xFF, 0x00);
        theme.text = Colour::rgb(0x99, 0x99, 0x99);
        theme.shade = Colour::rgb(0x30, 0x30, 0x60);
        let p = Palette::new(&theme);
        for (what, fg, bg) in [
            ("text on white", p.ink, WHITE),
            ("text in a box", p.ink, p.shade),
            ("headings on white", p.heading, WHITE),
            ("headings in a box", p.heading, p.shade),
            ("links in a box", p.link, p.shade),
            ("text on the band", p.on_band, p.band),
        ] {
            let r = contrast::ratio(fg, bg);
            assert!(r >= BODY, "{what}: {r:.2}:1");
        }
        // The bundled trusts' colours already pass and are used as given.
        let east = Theme::for_tests(72);
        let p = Palette::new(&east);
        assert_eq!(p.heading, east.primary.rgb);
        assert_eq!(p.band, east.primary.rgb);
        assert_eq!(p.shade, east.shade.rgb);
    }

    #[test]
    fn a_font_name_cannot_break_out_of_the_stylesheet() {
        assert_eq!(
            css_family("Frutiger</style><script>"),
            format!("\"Frutigerstylescript\",{FALLBACK_FONTS}")
        );
        assert_eq!(css_family("Liberation Sans"), FALLBACK_FONTS);
    }
}
