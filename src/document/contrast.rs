//! Colour contrast as WCAG 2.2 measures it (success criterion 1.4.3): the
//! text/background pairs the writers draw with a theme's colours, and the
//! ratio each needs. A light primary colour under white banner text, or a
//! mid-grey body text on a tinted box, is a document nobody can read at a
//! careers stand; a brand designer checks these pairs, and so does
//! `careerpress check`. The HTML writer measures with the same ratio when
//! it shifts a brand's colours until the page passes ([`darken_for`],
//! [`lighten_for`]).

use super::Rgb;

/// White, the page and the banner's text.
pub const WHITE: Rgb = Rgb(0xFF, 0xFF, 0xFF);
/// Black, the darkest a colour can be shifted to.
pub const BLACK: Rgb = Rgb(0, 0, 0);

/// Least contrast for body text (WCAG 2.2, 1.4.3).
pub const BODY: f64 = 4.5;
/// Least contrast for large text: 18 pt, or 14 pt bold (WCAG 2.2, 1.4.3).
pub const LARGE: f64 = 3.0;

/// A brand colour, by its field in `brand.yaml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Primary,
    Shade,
    Text,
    /// White (not a brand colour).
    White,
    /// The text colour lightened for page footers.
    Footer,
}

impl Role {
    pub fn field(self) -> Option<&'static str> {
        match self {
            Role::Primary => Some("primary"),
            Role::Shade => Some("shade"),
            Role::Text | Role::Footer => Some("text"),
            Role::White => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Role::Primary => "the primary colour",
            Role::Shade => "the shade",
            Role::Text => "the text colour",
            Role::White => "white",
            Role::Footer => "the footer text (the text colour lightened)",
        }
    }
}

/// One text/background pair the documents use.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub text: (Role, Rgb),
    pub background: (Role, Rgb),
    /// Where the pair is used, e.g. "links and headings on the page".
    pub uses: &'static str,
    /// The contrast the pair needs: [`BODY`], or [`LARGE`] when all its
    /// text is large.
    pub needs: f64,
}

impl Pair {
    pub fn ratio(&self) -> f64 {
        ratio(self.text.1, self.background.1)
    }

    /// The brand colour to change: the one that is not white; for the
    /// primary colour on the shade, the shade (a tint should be light)
    /// unless the primary colour is too light on white too.
    pub fn blame(&self) -> Role {
        match (self.text.0, self.background.0) {
            (t, Role::White) => t,
            (Role::White, b) => b,
            (Role::Primary, Role::Shade) if ratio(self.text.1, WHITE) < BODY => Role::Primary,
            (_, b) => b,
        }
    }

    /// "white text on the primary colour #FFE066 has a contrast ratio of
    /// 1.3:1; the banner's title and trust name need at least 4.5:1 …".
    pub fn explain(&self) -> String {
        let fix = match self.blame() {
            Role::Shade => "choose a lighter shade",
            Role::Primary => "choose a darker primary colour",
            _ => "choose a darker text colour",
        };
        format!(
            "{} {} on {} {} has a contrast ratio of {}:1, below the {}:1 WCAG 2.2 asks for {}: {fix}",
            self.text.0.name(),
            self.text.1.hex_hash(),
            self.background.0.name(),
            self.background.1.hex_hash(),
            shown_ratio(self.ratio()),
            shown_ratio(self.needs),
            self.uses,
        )
    }
}

impl Rgb {
    /// `#RRGGBB`, as written in `brand.yaml`.
    pub fn hex_hash(self) -> String {
        format!("#{}", self.hex())
    }
}

/// A ratio as people quote it: one decimal, rounded down so 4.48 never
/// reads as a passing 4.5.
fn shown_ratio(r: f64) -> String {
    let down = (r * 10.0).floor() / 10.0;
    if down.fract() == 0.0 {
        format!("{}", down as i64)
    } else {
        format!("{down:.1}")
    }
}

/// The WCAG relative luminance of an sRGB colour.
pub fn luminance(c: Rgb) -> f64 {
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

/// The WCAG contrast ratio of two colours, 1 to 21.
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `c` mixed with `toward`: `t` = 0 is `c`, 1 is `toward` (the footers'
/// text is the text colour mixed with white, as the PDF draws it).
pub fn mix(c: Rgb, toward: Rgb, t: f64) -> Rgb {
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
pub fn darken_for(c: Rgb, on: Rgb, min: f64) -> Rgb {
    shift_until(c, BLACK, |m| ratio(m, on) >= min)
}

/// `c`, lightened as little as needed to reach `min` against `with`.
pub fn lighten_for(c: Rgb, with: Rgb, min: f64) -> Rgb {
    shift_until(c, WHITE, |m| ratio(m, with) >= min)
}

/// How much the footer text is lightened (PDF running footers).
pub const FOOTER_LIGHTEN: f64 = 0.2;

/// Every text/background pair the writers draw with these colours (PDF and
/// DOCX alike): body text on the page and in shaded boxes, the primary
/// colour for headings, links and key-fact labels on both, white on the
/// primary colour in the banner (its title is large, the trust's name and
/// the subtitle are not), and the lightened footer text.
pub fn pairs(primary: Rgb, shade: Rgb, text: Rgb) -> Vec<Pair> {
    let p = (Role::Primary, primary);
    let s = (Role::Shade, shade);
    let t = (Role::Text, text);
    let w = (Role::White, WHITE);
    vec![
        Pair {
            text: t,
            background: w,
            uses: "body text on the page",
            needs: BODY,
        },
        Pair {
            text: t,
            background: s,
            uses: "the text in shaded boxes (key facts, call-outs)",
            needs: BODY,
        },
        Pair {
            text: p,
            background: w,
            uses: "links and key-fact labels on the page (3:1 for headings)",
            needs: BODY,
        },
        Pair {
            text: p,
            background: s,
            uses: "links, labels and box titles in shaded boxes",
            needs: BODY,
        },
        Pair {
            text: w,
            background: p,
            uses: "the banner's trust name and subtitle (3:1 for its large title)",
            needs: BODY,
        },
        Pair {
            text: (Role::Footer, mix(text, WHITE, FOOTER_LIGHTEN)),
            background: w,
            uses: "page footers",
            needs: BODY,
        },
    ]
}

/// The pairs below the contrast they need.
pub fn problems(primary: Rgb, shade: Rgb, text: Rgb) -> Vec<Pair> {
    pairs(primary, shade, text)
        .into_iter()
        .filter(|p| p.ratio() < p.needs)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_as_wcag_measures_them() {
        // Known values: black on white is 21:1; #767676 on white is the
        // lightest grey that passes 4.5:1.
        assert!((ratio(Rgb(0, 0, 0), WHITE) - 21.0).abs() < 1e-9);
        assert!(ratio(Rgb(0x76, 0x76, 0x76), WHITE) >= 4.5);
        assert!(ratio(Rgb(0x77, 0x77, 0x77), WHITE) < 4.5);
        assert_eq!(ratio(Rgb(1, 2, 3), Rgb(1, 2, 3)), 1.0);
        assert_eq!(shown_ratio(4.4999), "4.4");
        assert_eq!(shown_ratio(21.0), "21");
        assert!((ratio(BLACK, WHITE) - 21.0).abs() < 1e-9);
        assert!((ratio(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #767676 is the lightest grey that passes AA on white (4.54:1),
        // #777777 just fails (4.48:1), as WebAIM's checker says.
        assert!((ratio(Rgb(0x76, 0x76, 0x76), WHITE) - 4.54).abs() < 0.01);
        assert!(ratio(Rgb(0x77, 0x77, 0x77), WHITE) < BODY);
        // NHS blue on white: 6.38:1.
        assert!((ratio(Rgb(0x00, 0x5E, 0xB8), WHITE) - 6.38).abs() < 0.01);
    }

    #[test]
    fn a_light_primary_under_white_text_is_named_with_its_ratio() {
        let bad = problems(
            Rgb(0xFF, 0xE0, 0x66),
            Rgb(0xFF, 0xF8, 0xE0),
            Rgb(0x21, 0x2B, 0x32),
        );
        let banner = bad
            .iter()
            .find(|p| p.text.0 == Role::White)
            .expect("the banner fails");
        assert_eq!(banner.blame(), Role::Primary);
        assert_eq!(
            banner.explain(),
            "white #FFFFFF on the primary colour #FFE066 has a contrast ratio of 1.3:1, below the 4.5:1 WCAG 2.2 asks for the banner's trust name and subtitle (3:1 for its large title): choose a darker primary colour"
        );
        // NHS blue passes everything on white and a pale tint.
        assert!(problems(
            Rgb(0x00, 0x5E, 0xB8),
            Rgb(0xE8, 0xF1, 0xF8),
            Rgb(0x21, 0x2B, 0x32)
        )
        .is_empty());
    }

    #[test]
    fn colours_are_shifted_only_as_far_as_needed() {
        let sky = Rgb(0x00, 0xA9, 0xCE);
        assert!(ratio(sky, WHITE) < BODY);
        let d = darken_for(sky, WHITE, BODY);
        assert!(ratio(d, WHITE) >= BODY);
        // One step less would not have done.
        assert!(ratio(mix(d, sky, 0.1), WHITE) < BODY + 0.5);
        // A colour that already passes is kept.
        let navy = Rgb(0x00, 0x30, 0x87);
        assert_eq!(darken_for(navy, WHITE, BODY), navy);
        let dark_shade = Rgb(0x40, 0x40, 0x40);
        let l = lighten_for(dark_shade, BLACK, 12.0);
        assert!(ratio(l, BLACK) >= 12.0);
    }
}
