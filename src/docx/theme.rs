//! `word/theme/theme1.xml`: the brand as an Office theme.
//!
//! The styles name theme colours and fonts (see [`super::styles`]); this
//! part says what they are for this trust: text and background from the
//! brand's text colour and white, accent 1 and 2 its primary and secondary
//! colours, the light background its shade, and the brand's font as both
//! heading and body font. Word's Design › Colours and Fonts then restyle
//! the whole handout at once. docx-rs writes no theme part.

use super::xml::DECLARATION;
use crate::document::escape::xml::escape;
use crate::document::{Rgb, Theme};

/// `colour` moved `t` (0–255) of the way towards `towards`.
fn mix(colour: Rgb, towards: Rgb, t: u16) -> Rgb {
    let m = |a: u8, b: u8| ((u16::from(a) * (255 - t) + u16::from(b) * t + 127) / 255) as u8;
    Rgb(
        m(colour.0, towards.0),
        m(colour.1, towards.1),
        m(colour.2, towards.2),
    )
}

const WHITE: Rgb = Rgb(255, 255, 255);

/// The theme part for `theme`.
pub(crate) fn theme_xml(theme: &Theme) -> String {
    let primary = theme.primary.rgb;
    let secondary = theme.secondary.rgb;
    let text = theme.text.rgb;
    let font = escape(&theme.fonts.family);
    let name = escape(&theme.org_short_name);
    let slots = [
        ("dk1", text),
        ("lt1", WHITE),
        ("dk2", primary),
        ("lt2", theme.shade.rgb),
        ("accent1", primary),
        ("accent2", secondary),
        ("accent3", mix(primary, WHITE, 96)),
        ("accent4", mix(secondary, text, 96)),
        ("accent5", mix(primary, text, 96)),
        ("accent6", mix(secondary, WHITE, 96)),
        ("hlink", primary),
        ("folHlink", mix(primary, text, 128)),
    ];
    let mut s = String::with_capacity(4_000);
    s.push_str(DECLARATION);
    s.push_str(&format!(
        "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"{name}\">\
<a:themeElements><a:clrScheme name=\"{name}\">"
    ));
    for (slot, rgb) in slots {
        s.push_str(&format!(
            "<a:{slot}><a:srgbClr val=\"{}\"/></a:{slot}>",
            rgb.hex()
        ));
    }
    s.push_str(&format!(
        "</a:clrScheme><a:fontScheme name=\"{name}\">\
<a:majorFont><a:latin typeface=\"{font}\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont>\
<a:minorFont><a:latin typeface=\"{font}\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont>\
</a:fontScheme>"
    ));
    s.push_str(FORMAT_SCHEME);
    s.push_str("</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>");
    s
}

/// Fills, lines, effects and backgrounds for shapes: the schema needs three
/// of each; these are Office's plain defaults, in the theme's colours.
const FORMAT_SCHEME: &str = "<a:fmtScheme name=\"Office\">\
<a:fillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>\
<a:solidFill><a:schemeClr val=\"phClr\"><a:tint val=\"50000\"/></a:schemeClr></a:solidFill>\
<a:solidFill><a:schemeClr val=\"phClr\"><a:shade val=\"80000\"/></a:schemeClr></a:solidFill></a:fillStyleLst>\
<a:lnStyleLst><a:ln w=\"6350\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln>\
<a:ln w=\"12700\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln>\
<a:ln w=\"19050\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln></a:lnStyleLst>\
<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>\
<a:bgFillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>\
<a:solidFill><a:schemeClr val=\"phClr\"><a:tint val=\"95000\"/></a:schemeClr></a:solidFill>\
<a:solidFill><a:schemeClr val=\"phClr\"><a:shade val=\"90000\"/></a:schemeClr></a:solidFill></a:bgFillStyleLst></a:fmtScheme>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixing_moves_between_colours() {
        let black = Rgb(0, 0, 0);
        assert_eq!(mix(black, WHITE, 0), black);
        assert_eq!(mix(black, WHITE, 255), WHITE);
        assert_eq!(mix(black, WHITE, 128), Rgb(128, 128, 128));
    }

    #[test]
    fn the_theme_carries_the_brand() {
        let theme = Theme::for_tests(72);
        let xml = theme_xml(&theme);
        assert!(xml.contains("<a:accent1><a:srgbClr val=\"005293\"/></a:accent1>"));
        assert!(xml.contains("<a:accent2><a:srgbClr val=\"00A9CE\"/></a:accent2>"));
        assert!(xml.contains("<a:dk1><a:srgbClr val=\"231F20\"/></a:dk1>"));
        assert!(xml.contains("<a:minorFont><a:latin typeface=\"None\"/>"));
        assert_eq!(
            xml.matches("<a:solidFill>").count() + xml.matches("<a:effectStyle>").count(),
            12
        );
    }
}
