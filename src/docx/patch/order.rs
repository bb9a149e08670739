//! The order WordprocessingML's schema (ECMA-376 Part 1, transitional)
//! gives the children of the property elements docx-rs writes.
//!
//! docx-rs 0.4.22 writes them in an order of its own: `w:rPr` before
//! `w:pStyle` in a paragraph's properties, `w:rStyle` last in a run's,
//! `w:tblStyle` after `w:tblBorders`, page size before the header
//! reference. Word silently drops run properties that come out of sequence
//! (a link loses its Hyperlink style) and strict validators reject the
//! file, so [`super`] sorts every such element's children by these lists.

/// The schema's sequence for the children of `parent`, by local name;
/// `None` for elements whose children may come in any order.
fn sequence(parent: &[u8]) -> Option<&'static [&'static str]> {
    Some(match parent {
        b"pPr" => &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
        b"rPr" => &[
            "ins",
            "del",
            "moveFrom",
            "moveTo",
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
            "rPrChange",
        ],
        b"tblPr" => &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
            "tblCaption",
            "tblDescription",
            "tblPrChange",
        ],
        b"tcPr" => &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
            "headers",
            "cellIns",
            "cellDel",
            "cellMerge",
            "tcPrChange",
        ],
        // The row properties proper are a choice in any order; only the
        // revision marks must follow them.
        b"trPr" => &["", "ins", "del", "trPrChange"],
        b"sectPr" => &[
            "headerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ],
        b"numPr" => &["ilvl", "numId", "numberingChange", "ins"],
        b"lvl" => &[
            "start",
            "numFmt",
            "lvlRestart",
            "pStyle",
            "isLgl",
            "suff",
            "lvlText",
            "lvlPicBulletId",
            "legacy",
            "lvlJc",
            "pPr",
            "rPr",
        ],
        _ => return None,
    })
}

/// Whether `name` (qualified, e.g. `w:pPr`) is an element whose children
/// this patch puts in order.
pub(super) fn is_ordered(name: &[u8]) -> bool {
    name.strip_prefix(b"w:")
        .is_some_and(|l| sequence(l).is_some())
}

/// Where a child called `child` goes among the children of `parent` (both
/// qualified): its place in the sequence, unknown children last.
pub(super) fn rank(parent: &[u8], child: &[u8]) -> usize {
    let (Some(parent), Some(child)) = (parent.strip_prefix(b"w:"), child.strip_prefix(b"w:"))
    else {
        return usize::MAX;
    };
    let Some(seq) = sequence(parent) else {
        return 0;
    };
    // Footer references share the header references' place.
    let child = if child == b"footerReference" {
        &b"headerReference"[..]
    } else {
        child
    };
    seq.iter()
        .position(|s| s.as_bytes() == child)
        .unwrap_or(if parent == b"trPr" { 0 } else { usize::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_follow_the_schema() {
        assert!(rank(b"w:pPr", b"w:pStyle") < rank(b"w:pPr", b"w:rPr"));
        assert!(rank(b"w:pPr", b"w:spacing") < rank(b"w:pPr", b"w:ind"));
        assert!(rank(b"w:rPr", b"w:rStyle") < rank(b"w:rPr", b"w:b"));
        assert!(rank(b"w:rPr", b"w:i") < rank(b"w:rPr", b"w:lang"));
        assert!(rank(b"w:tblPr", b"w:tblStyle") < rank(b"w:tblPr", b"w:tblW"));
        assert!(rank(b"w:tblPr", b"w:tblLook") < rank(b"w:tblPr", b"w:tblCaption"));
        assert_eq!(
            rank(b"w:sectPr", b"w:footerReference"),
            rank(b"w:sectPr", b"w:headerReference")
        );
        assert!(rank(b"w:sectPr", b"w:headerReference") < rank(b"w:sectPr", b"w:pgSz"));
        assert_eq!(
            rank(b"w:trPr", b"w:cantSplit"),
            rank(b"w:trPr", b"w:tblHeader")
        );
        assert!(rank(b"w:numPr", b"w:ilvl") < rank(b"w:numPr", b"w:numId"));
        assert!(rank(b"w:lvl", b"w:pStyle") < rank(b"w:lvl", b"w:lvlText"));
        assert_eq!(rank(b"w:pPr", b"w:unknown"), usize::MAX);
        assert!(is_ordered(b"w:tcPr") && !is_ordered(b"w:p") && !is_ordered(b"a:rPr"));
    }
}
