//! The DRAFT watermark: large grey text across every page, the way Word's
//! own Design › Watermark › DRAFT makes it (a VML text path in the header,
//! which Word and LibreOffice both show). docx-rs has no shapes, so the
//! header carries a placeholder run that this patch replaces.

use super::PatchError;
use crate::document::escape::xml::escape;

/// The placeholder's text: control characters that
/// [`crate::document::escape::xml::clean`] removes from all content, so no
/// job profile can contain it.
pub(crate) const PLACEHOLDER: &str = "\u{1}careerpress-watermark\u{1}";

/// Replaces the placeholder's text element in `header` by the watermark
/// saying `text` in `font`.
pub(crate) fn apply(header: &[u8], text: &str, font: &str) -> Result<Vec<u8>, PatchError> {
    let needle = format!("<w:t xml:space=\"preserve\">{PLACEHOLDER}</w:t>");
    let fail = |what: String| PatchError {
        part: "word/header1.xml",
        patch: "watermark",
        what,
    };
    let header = std::str::from_utf8(header).map_err(|e| fail(e.to_string()))?;
    let found = header.matches(&needle).count();
    if found != 1 {
        return Err(fail(format!("the placeholder appears {found} times")));
    }
    Ok(header.replacen(&needle, &vml(text, font), 1).into_bytes())
}

/// The watermark as Word writes it: shape type 136 (plain text), centred
/// on the page's margins, rotated 45°, behind the text.
fn vml(text: &str, font: &str) -> String {
    let text = escape(text);
    let font = escape(font).replace("&quot;", "");
    format!(
        "<w:pict><v:shapetype id=\"_x0000_t136\" coordsize=\"21600,21600\" o:spt=\"136\" adj=\"10800\" path=\"m@7,l@8,m@5,21600l@6,21600e\">\
<v:formulas><v:f eqn=\"sum #0 0 10800\"/><v:f eqn=\"prod #0 2 1\"/><v:f eqn=\"sum 21600 0 @1\"/><v:f eqn=\"sum 0 0 @2\"/>\
<v:f eqn=\"sum 21600 0 @3\"/><v:f eqn=\"if @0 @3 0\"/><v:f eqn=\"if @0 21600 @1\"/><v:f eqn=\"if @0 0 @2\"/>\
<v:f eqn=\"if @0 @4 21600\"/><v:f eqn=\"mid @5 @6\"/><v:f eqn=\"mid @8 @5\"/><v:f eqn=\"mid @7 @8\"/>\
<v:f eqn=\"mid @6 @7\"/><v:f eqn=\"sum @6 0 @5\"/></v:formulas>\
<v:path textpathok=\"t\" o:connecttype=\"custom\" o:connectlocs=\"@9,0;@10,10800;@11,21600;@12,10800\" o:connectangles=\"270,180,90,0\"/>\
<v:textpath on=\"t\" fitshape=\"t\"/><v:handles><v:h position=\"#0,bottomRight\" xrange=\"6629,14971\"/></v:handles>\
<o:lock v:ext=\"edit\" text=\"t\" shapetype=\"t\"/></v:shapetype>\
<v:shape id=\"PowerPlusWaterMarkObject1\" o:spid=\"_x0000_s1025\" type=\"#_x0000_t136\" alt=\"{text}\" \
style=\"position:absolute;margin-left:0;margin-top:0;width:440pt;height:110pt;rotation:315;z-index:-251657216;\
mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin\" \
o:allowincell=\"f\" fillcolor=\"#C0C0C0\" stroked=\"f\"><v:fill opacity=\".5\"/>\
<v:textpath style=\"font-family:&quot;{font}&quot;;font-size:1pt\" string=\"{text}\"/>\
<w10:wrap anchorx=\"margin\" anchory=\"margin\"/></v:shape></w:pict>"
    )
}
