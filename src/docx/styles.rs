//! `word/styles.xml`: real Word styles carrying the brand.
//!
//! Brand colours and the font live here and in the theme part
//! ([`super::theme`]) and nowhere else, so a trust can restyle a whole
//! handout from Word's style pane, or from Design › Colours and Fonts:
//! every colour names its theme colour (`w:themeColor="accent1"`) and the
//! font names the theme's fonts, with the brand's values beside them for
//! readers that ignore themes. Built-in styles use the ids and (lower-case)
//! names Word itself uses ("Heading1" / "heading 1"), so Word treats them
//! as its own (navigation pane, outline levels, the style gallery) instead
//! of as look-alike custom styles.
//!
//! docx-rs can write styles, but not table style conditional formatting
//! (`w:tblStylePr`), `w:contextualSpacing` or theme colours; the whole part
//! is careerpress's.
//!
//! Spacing lives here too, never in empty paragraphs: the document default
//! puts the same space before and after every paragraph, so text keeps its
//! distance from tables above and below it as well as from other text.

use std::fmt::Write as _;

use super::geometry::Geometry;
use super::names::{id, BULLET_NUM_ID, NUMBER_NUM_ID};
use super::xml::DECLARATION;
use crate::document::escape::xml::escape;
use crate::document::{Paper, Theme};

/// Space before and after a body paragraph, in twips: paragraphs are
/// `2 × PARA_SPACE` apart, tables `PARA_SPACE` from the text around them.
const PARA_SPACE: u32 = 100;
/// Space before and after a list item: items `2 × ITEM_SPACE` apart.
const ITEM_SPACE: u32 = 30;
/// Space before headings 1 to 3 (after: none, the text follows closely).
const HEADING_BEFORE: [u32; 3] = [300, 220, 160];
/// The warning colour of a draft: dark red, 6.6:1 on white.
pub(crate) const DRAFT_RED: &str = "C00000";

/// Half-points from points, never below 2 (1 pt).
fn half_points(pt: f32) -> u32 {
    ((pt * 2.0).round() as u32).max(2)
}

/// `w:val` and the theme colour it stands for, for `w:color`.
fn colour(hex: &str, theme: &str) -> String {
    format!("w:val=\"{hex}\" w:themeColor=\"{theme}\"")
}

/// A border edge in a theme colour.
fn edge(side: &str, size: u32, space: u32, hex: &str, theme: &str) -> String {
    format!("<w:{side} w:val=\"single\" w:sz=\"{size}\" w:space=\"{space}\" w:color=\"{hex}\" w:themeColor=\"{theme}\"/>")
}

/// Solid shading in a theme colour.
fn fill(hex: &str, theme: &str) -> String {
    format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{hex}\" w:themeFill=\"{theme}\"/>")
}

/// Writes the whole styles part.
pub(crate) fn styles_xml(theme: &Theme, lang: &str) -> String {
    let font = escape(&theme.fonts.family);
    let primary = theme.primary.rgb.hex();
    let secondary = theme.secondary.rgb.hex();
    let shade = theme.shade.rgb.hex();
    let text = theme.text.rgb.hex();
    let lang = escape(lang);
    let body_pt = if theme.body_pt.is_finite() && theme.body_pt >= 6.0 {
        theme.body_pt.min(24.0)
    } else {
        11.0
    };
    let body = half_points(body_pt);
    let small = half_points(body_pt * 0.85);
    let (title, subtitle, h1, h2, h3) = match theme.paper {
        Paper::A4 => (
            half_points(body_pt * 2.4),
            half_points(body_pt * 1.3),
            half_points(body_pt * 1.55),
            half_points(body_pt * 1.25),
            half_points(body_pt * 1.05),
        ),
        Paper::A5 => (
            half_points(body_pt * 2.0),
            half_points(body_pt * 1.2),
            half_points(body_pt * 1.4),
            half_points(body_pt * 1.2),
            half_points(body_pt * 1.05),
        ),
    };
    let minor = "w:asciiTheme=\"minorHAnsi\" w:hAnsiTheme=\"minorHAnsi\"";

    let mut s = String::with_capacity(14_000);
    s.push_str(DECLARATION);
    s.push_str(
        "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    );
    // Document defaults: the font, size, language and spacing every
    // paragraph inherits. Spacing is here rather than on Normal so that
    // table styles (which outrank the defaults, not Normal) can close it up
    // inside tables.
    let _ = write!(
        s,
        "<w:docDefaults><w:rPrDefault><w:rPr>\
<w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\" w:eastAsia=\"{font}\" w:cs=\"{font}\" {minor}/>\
<w:sz w:val=\"{body}\"/><w:szCs w:val=\"{body}\"/>\
<w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"ar-SA\"/>\
</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>\
<w:spacing w:before=\"{PARA_SPACE}\" w:after=\"{PARA_SPACE}\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    );

    // The text colour is on Normal, not in the defaults: LibreOffice applies
    // a table style's inherited defaults as direct formatting, which would
    // turn links in tables black.
    let _ = write!(
        s,
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:widowControl/></w:pPr><w:rPr><w:color {text_colour}/></w:rPr></w:style>\
<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>\
<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>",
        text_colour = colour(&text, "text1"),
    );

    // The title band: white on the brand colour, padded by same-coloured
    // borders; the strap line's space after separates the band from the text.
    let band = format!(
        "<w:pBdr>{}{}{}{}</w:pBdr>{}",
        edge("top", 48, 4, &primary, "accent1"),
        edge("left", 48, 6, &primary, "accent1"),
        edge("bottom", 48, 4, &primary, "accent1"),
        edge("right", 48, 6, &primary, "accent1"),
        fill(&primary, "accent1"),
    );
    let white = colour("FFFFFF", "background1");
    let major = "<w:rFonts w:asciiTheme=\"majorHAnsi\" w:hAnsiTheme=\"majorHAnsi\"/>";
    let _ = write!(
        s,
        "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/>{band}<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:left=\"170\" w:right=\"170\"/><w:contextualSpacing/></w:pPr>\
<w:rPr>{major}<w:b/><w:bCs/><w:color {white}/><w:kern w:val=\"28\"/><w:sz w:val=\"{title}\"/><w:szCs w:val=\"{title}\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"11\"/><w:qFormat/>\
<w:pPr><w:keepNext/>{band}<w:spacing w:before=\"0\" w:after=\"{after}\"/><w:ind w:left=\"170\" w:right=\"170\"/><w:contextualSpacing/></w:pPr>\
<w:rPr><w:color {white}/><w:sz w:val=\"{subtitle}\"/><w:szCs w:val=\"{subtitle}\"/></w:rPr></w:style>",
        after = 2 * PARA_SPACE,
    );

    let accent = colour(&primary, "accent1");
    for (level, (size, colour)) in [(h1, &accent), (h2, &accent), (h3, &colour(&text, "text1"))]
        .into_iter()
        .enumerate()
    {
        let n = level + 1;
        let _ = write!(
            s,
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{n}\"><w:name w:val=\"heading {n}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/>{unhide}<w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"0\"/><w:outlineLvl w:val=\"{level}\"/></w:pPr>\
<w:rPr>{major}<w:b/><w:bCs/><w:color {colour}/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr></w:style>",
            unhide = if n > 1 { "<w:unhideWhenUsed/>" } else { "" },
            before = HEADING_BEFORE[level],
        );
    }

    // Lists: the styles carry their numbering, so "List Bullet" from Word's
    // style pane makes a bulleted paragraph by itself.
    for (sid, name, num) in [
        (id::LIST_BULLET, "List Bullet", BULLET_NUM_ID),
        (id::LIST_NUMBER, "List Number", NUMBER_NUM_ID),
    ] {
        let _ = write!(
            s,
            "<w:style w:type=\"paragraph\" w:styleId=\"{sid}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:qFormat/>\
<w:pPr><w:numPr><w:numId w:val=\"{num}\"/></w:numPr><w:spacing w:before=\"{ITEM_SPACE}\" w:after=\"{ITEM_SPACE}\"/></w:pPr></w:style>"
        );
    }
    let _ = write!(
        s,
        "<w:style w:type=\"paragraph\" w:styleId=\"ListContinue\"><w:name w:val=\"List Continue\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>\
<w:pPr><w:spacing w:before=\"{ITEM_SPACE}\" w:after=\"{ITEM_SPACE}\"/><w:ind w:left=\"360\"/></w:pPr></w:style>",
    );

    let _ = write!(
        s,
        "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>\
<w:rPr><w:color w:val=\"{primary}\" w:themeColor=\"hyperlink\"/><w:u w:val=\"single\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>\
<w:pPr><w:pBdr>{rule}</w:pBdr><w:tabs><w:tab w:val=\"right\" w:pos=\"{tab}\"/></w:tabs><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:color {accent}/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>\
<w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/></w:pPr>\
<w:rPr><w:sz w:val=\"{small}\"/><w:szCs w:val=\"{small}\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"35\"/><w:unhideWhenUsed/><w:qFormat/>\
<w:pPr><w:spacing w:before=\"0\" w:after=\"{caption_after}\"/><w:contextualSpacing/></w:pPr><w:rPr><w:sz w:val=\"{small}\"/><w:szCs w:val=\"{small}\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableHeading\"><w:name w:val=\"Table Heading\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"21\"/><w:qFormat/>\
<w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/><w:color {white}/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableEnd\"><w:name w:val=\"Table End\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>\
<w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/></w:pPr><w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"DraftNotice\"><w:name w:val=\"Draft Notice\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"8\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:pBdr><w:top w:val=\"single\" w:sz=\"12\" w:space=\"2\" w:color=\"{DRAFT_RED}\"/><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"2\" w:color=\"{DRAFT_RED}\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"{PARA_SPACE}\"/><w:jc w:val=\"center\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:caps/><w:color w:val=\"{DRAFT_RED}\"/><w:sz w:val=\"{body}\"/><w:szCs w:val=\"{body}\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Rule\"><w:name w:val=\"Rule\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"30\"/>\
<w:pPr><w:pBdr>{rule2}</w:pBdr><w:spacing w:before=\"0\" w:after=\"240\" w:line=\"120\" w:lineRule=\"exact\"/></w:pPr></w:style>",
        rule = edge("bottom", 8, 4, &primary, "accent1"),
        rule2 = edge("bottom", 8, 1, &secondary, "accent2"),
        tab = Geometry::for_paper(theme.paper).text_width,
        caption_after = 2 * PARA_SPACE,
    );

    // Table styles. Cell margins are in the styles so tables fit the width
    // they are given (100 %) whatever the margins; the paragraph spacing is
    // closed up inside data tables.
    let cell_mar = "<w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"113\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"113\" w:type=\"dxa\"/></w:tblCellMar>";
    let borders = |c: &str, t: &str| {
        format!(
            "<w:tblBorders>{}{}{}{}{}{}</w:tblBorders>",
            edge("top", 4, 0, c, t),
            edge("left", 4, 0, c, t),
            edge("bottom", 4, 0, c, t),
            edge("right", 4, 0, c, t),
            edge("insideH", 4, 0, c, t),
            edge("insideV", 4, 0, c, t),
        )
    };
    let header_row = format!(
        "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr>\
<w:tcPr>{}</w:tcPr></w:tblStylePr>",
        fill(&primary, "accent1")
    );
    let tight = "<w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr>";
    let _ = write!(
        s,
        "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/>\
{tight}<w:tblPr>{grid}{cell_mar}</w:tblPr>{header_row}</w:style>\
<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"KeyFacts\"><w:name w:val=\"Key Facts\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"40\"/><w:qFormat/>\
{tight}<w:tblPr>{facts}{cell_mar}</w:tblPr>{header_row}\
<w:tblStylePr w:type=\"firstCol\"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/><w:tcPr>{shade_fill}</w:tcPr></w:tblStylePr></w:style>\
<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"CalloutBox\"><w:name w:val=\"Call-out Box\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"41\"/><w:qFormat/>\
<w:pPr><w:spacing w:before=\"{half}\" w:after=\"{half}\"/></w:pPr>\
<w:tblPr><w:tblBorders>{bar}</w:tblBorders>\
<w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"227\" w:type=\"dxa\"/><w:bottom w:w=\"113\" w:type=\"dxa\"/><w:right w:w=\"227\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>\
<w:tcPr>{shade_fill}</w:tcPr></w:style>\
<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"LayoutTable\"><w:name w:val=\"Layout Columns\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"42\"/>\
<w:tblPr><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"284\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
        grid = borders(&secondary, "accent2"),
        facts = borders(&primary, "accent1"),
        shade_fill = fill(&shade, "background2"),
        bar = edge("left", 36, 0, &primary, "accent1"),
        half = PARA_SPACE / 2,
    );
    s.push_str("</w:styles>");
    s
}
