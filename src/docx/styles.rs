//! `word/styles.xml`: real Word styles carrying the brand.
//!
//! Brand colours and the font live here and nowhere else, so a trust can
//! restyle a whole handout from Word's style pane. Built-in styles use the
//! ids and (lower-case) names Word itself uses ("Heading1" / "heading 1"),
//! so Word treats them as its own (navigation pane, outline levels, the
//! style gallery) instead of as look-alike custom styles.

use std::fmt::Write as _;

use super::xml::{escape, DECLARATION};
use crate::document::{Paper, Theme};

/// Style ids used by the body, header and footer.
pub(crate) mod id {
    pub const TITLE: &str = "Title";
    pub const SUBTITLE: &str = "Subtitle";
    pub const HEADINGS: [&str; 3] = ["Heading1", "Heading2", "Heading3"];
    pub const LIST_BULLET: &str = "ListBullet";
    pub const LIST_NUMBER: &str = "ListNumber";
    pub const LIST_CONTINUE: &str = "ListContinue";
    pub const HYPERLINK: &str = "Hyperlink";
    pub const HEADER: &str = "Header";
    pub const FOOTER: &str = "Footer";
    pub const CAPTION: &str = "Caption";
    pub const BOX_TITLE: &str = "BoxTitle";
    pub const RULE: &str = "Rule";
    pub const TABLE_HEADING: &str = "TableHeading";
    pub const TABLE_GRID: &str = "TableGrid";
    pub const KEY_FACTS: &str = "KeyFacts";
    pub const CALLOUT: &str = "CalloutBox";
    pub const LAYOUT: &str = "LayoutTable";
}

/// The numbering ids the list styles are tied to (see `numbering.rs`).
pub(crate) const BULLET_NUM_ID: u32 = 1;
pub(crate) const NUMBER_NUM_ID: u32 = 2;

/// Word's language tag for `Meta.language`: Word's proofing tools know
/// regional tags (`cy-GB`), so a bare `cy` or `en` gets its British region.
pub(crate) fn word_lang(tag: &str) -> String {
    let tag = tag.trim();
    match tag.to_ascii_lowercase().as_str() {
        "" | "en" => "en-GB".to_owned(),
        "cy" => "cy-GB".to_owned(),
        _ => tag.to_owned(),
    }
}

/// Half-points from points, never below 2 (1 pt).
fn half_points(pt: f32) -> u32 {
    ((pt * 2.0).round() as u32).max(2)
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

    let mut s = String::with_capacity(12_000);
    s.push_str(DECLARATION);
    s.push_str(
        "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    );
    // Document defaults: the font, size, colour and language every run inherits.
    let _ = write!(
        s,
        "<w:docDefaults><w:rPrDefault><w:rPr>\
<w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\" w:eastAsia=\"{font}\" w:cs=\"{font}\"/>\
<w:sz w:val=\"{body}\"/><w:szCs w:val=\"{body}\"/>\
<w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"ar-SA\"/>\
</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>\
<w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    );

    // The text colour is on Normal, not in the defaults: LibreOffice applies
    // a table style's inherited defaults as direct formatting, which would
    // turn links in tables black.
    let _ = write!(
        s,
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:widowControl/></w:pPr><w:rPr><w:color w:val=\"{text}\"/></w:rPr></w:style>\
<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>\
<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>",
    );

    // The title band: white on the brand colour, padded by same-coloured borders.
    let band = format!(
        "<w:pBdr><w:top w:val=\"single\" w:sz=\"48\" w:space=\"4\" w:color=\"{primary}\"/>\
<w:left w:val=\"single\" w:sz=\"48\" w:space=\"6\" w:color=\"{primary}\"/>\
<w:bottom w:val=\"single\" w:sz=\"48\" w:space=\"4\" w:color=\"{primary}\"/>\
<w:right w:val=\"single\" w:sz=\"48\" w:space=\"6\" w:color=\"{primary}\"/></w:pBdr>\
<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{primary}\"/>"
    );
    let _ = write!(
        s,
        "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/>{band}<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:left=\"170\" w:right=\"170\"/><w:contextualSpacing/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:color w:val=\"FFFFFF\"/><w:kern w:val=\"28\"/><w:sz w:val=\"{title}\"/><w:szCs w:val=\"{title}\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"11\"/><w:qFormat/>\
<w:pPr><w:keepNext/>{band}<w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:left=\"170\" w:right=\"170\"/><w:contextualSpacing/></w:pPr>\
<w:rPr><w:color w:val=\"FFFFFF\"/><w:sz w:val=\"{subtitle}\"/><w:szCs w:val=\"{subtitle}\"/></w:rPr></w:style>"
    );

    for (level, (size, colour, before)) in
        [(h1, &primary, 360), (h2, &primary, 240), (h3, &text, 200)]
            .into_iter()
            .enumerate()
    {
        let n = level + 1;
        let _ = write!(
            s,
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{n}\"><w:name w:val=\"heading {n}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/>{unhide}<w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"80\"/><w:outlineLvl w:val=\"{level}\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:color w:val=\"{colour}\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr></w:style>",
            unhide = if n > 1 { "<w:unhideWhenUsed/>" } else { "" },
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
<w:pPr><w:numPr><w:numId w:val=\"{num}\"/></w:numPr><w:spacing w:after=\"60\"/></w:pPr></w:style>"
        );
    }
    s.push_str(
        "<w:style w:type=\"paragraph\" w:styleId=\"ListContinue\"><w:name w:val=\"List Continue\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>\
<w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"360\"/></w:pPr></w:style>",
    );

    let _ = write!(
        s,
        "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>\
<w:rPr><w:color w:val=\"{primary}\"/><w:u w:val=\"single\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>\
<w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"{primary}\"/></w:pBdr><w:tabs><w:tab w:val=\"right\" w:pos=\"{tab}\"/></w:tabs><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:color w:val=\"{primary}\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>\
<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/></w:pPr>\
<w:rPr><w:sz w:val=\"{small}\"/><w:szCs w:val=\"{small}\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"35\"/><w:unhideWhenUsed/><w:qFormat/>\
<w:pPr><w:spacing w:after=\"160\"/></w:pPr><w:rPr><w:sz w:val=\"{small}\"/><w:szCs w:val=\"{small}\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"BoxTitle\"><w:name w:val=\"Box Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"20\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:spacing w:before=\"60\" w:after=\"60\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val=\"{primary}\"/><w:sz w:val=\"{h3}\"/><w:szCs w:val=\"{h3}\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableHeading\"><w:name w:val=\"Table Heading\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"21\"/><w:qFormat/>\
<w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val=\"FFFFFF\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Rule\"><w:name w:val=\"Rule\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"30\"/>\
<w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"1\" w:color=\"{secondary}\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"240\" w:line=\"120\" w:lineRule=\"exact\"/></w:pPr></w:style>",
        tab = super::page::Geometry::for_paper(theme.paper).text_width,
    );

    // Table styles. Cell margins are in the styles so tables fit the width
    // they are given (100 %) whatever the margins.
    let cell_mar = "<w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"113\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"113\" w:type=\"dxa\"/></w:tblCellMar>";
    let borders = |c: &str| {
        format!(
            "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{c}\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{c}\"/>\
<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{c}\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{c}\"/>\
<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{c}\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{c}\"/></w:tblBorders>"
        )
    };
    let header_row = format!(
        "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr>\
<w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{primary}\"/></w:tcPr></w:tblStylePr>"
    );
    let _ = write!(
        s,
        "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/>\
<w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr><w:tblPr>{grid}{cell_mar}</w:tblPr>{header_row}</w:style>\
<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"KeyFacts\"><w:name w:val=\"Key Facts\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"40\"/><w:qFormat/>\
<w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr><w:tblPr>{facts}{cell_mar}</w:tblPr>{header_row}\
<w:tblStylePr w:type=\"firstCol\"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{shade}\"/></w:tcPr></w:tblStylePr></w:style>\
<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"CalloutBox\"><w:name w:val=\"Call-out Box\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"41\"/><w:qFormat/>\
<w:tblPr><w:tblBorders><w:left w:val=\"single\" w:sz=\"36\" w:space=\"0\" w:color=\"{primary}\"/></w:tblBorders>\
<w:tblCellMar><w:top w:w=\"113\" w:type=\"dxa\"/><w:left w:w=\"227\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"227\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>\
<w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{shade}\"/></w:tcPr></w:style>\
<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"LayoutTable\"><w:name w:val=\"Layout Columns\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"42\"/>\
<w:tblPr><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"284\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
        grid = borders(&secondary),
        facts = borders(&primary),
    );
    s.push_str("</w:styles>");
    s
}
