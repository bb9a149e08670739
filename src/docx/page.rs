//! The page header and footer, built with docx-rs (the page's size and
//! margins are in `geometry.rs`).

use docx_rs::{Footer, Header, NumPages, PageNum, Paragraph, Run};

use super::geometry::{Geometry, EMU_PER_MM, EMU_PER_TWIP};
use super::ids::Ids;
use super::media::{Fit, Media};
use super::names::{id, word_lang};
use super::patch::{mark, watermark, Marker, Notes, Picture};
use super::PartNotes;
use crate::document::escape::xml::clean;
use crate::document::Theme;
use crate::document::{Label, Labels};

/// A label's runs: in a bilingual label each part is a run (or runs, with
/// the page fields between) in its own language (`w:lang`, by marker), so
/// Word reads and proofs the English half as English. `markers` counts the
/// markers put in, for the part's patch to check.
fn label_runs(mut p: Paragraph, label: &Label, markers: &mut usize) -> Paragraph {
    for (i, (lang, text)) in label.parts.iter().enumerate() {
        if i > 0 {
            p = p.add_run(Run::new().add_text(clean(&label.joiner)));
        }
        let mut run = |t: &str| {
            let r = Run::new().add_text(clean(t));
            if label.is_bilingual() {
                *markers += 1;
                r.style(&mark("", &Marker::Lang(word_lang(lang))))
            } else {
                r
            }
        };
        for piece in page_pieces(text) {
            p = match piece {
                Piece::Text(t) => p.add_run(run(t)),
                Piece::Page => p.add_page_num(PageNum::new()),
                Piece::Pages => p.add_num_pages(NumPages::new()),
            };
        }
    }
    p
}

/// The page header, on every page: the trust's name on the left, its logo
/// on the right (NHS identity puts the logo top right); on a draft, a
/// "DRAFT – not for publication" line under them and the watermark.
pub(crate) fn header(
    theme: &Theme,
    geometry: &Geometry,
    labels: &Labels,
    draft: bool,
    ids: &mut Ids,
    media: &mut Media,
    part: &mut PartNotes,
) -> Header {
    let mut name = Paragraph::new()
        .id(ids.paragraph())
        .style(id::HEADER)
        .add_run(Run::new().add_text(clean(&theme.org_name)));
    if let Some(logo) = theme.logo() {
        let fit = Fit {
            // Never wider than half the line, so the name keeps its room.
            max_width: u64::from(geometry.text_width) * EMU_PER_TWIP / 2,
            max_height: geometry.logo_mm * EMU_PER_MM,
            upscale: true,
        };
        let rid = ids.picture();
        if let Some((pic, target)) = media.picture("logo", logo, fit, &rid) {
            let alt = if logo.alt.trim().is_empty() {
                format!("{} logo", theme.org_name)
            } else {
                logo.alt.clone()
            };
            part.rels.add(&rid, "image", &target, false);
            part.notes.pictures.push(Picture {
                id: ids.drawing(),
                name: "Logo".into(),
                alt,
            });
            name = name
                .add_run(Run::new().add_tab())
                .add_run(Run::new().add_image(pic));
        }
    }
    let mut header = Header::new().add_paragraph(name);
    if draft {
        let line = Paragraph::new().id(ids.paragraph()).style(id::DRAFT);
        header = header.add_paragraph(
            label_runs(line, &labels.draft, &mut part.notes.markers)
                .add_run(Run::new().add_text(watermark::PLACEHOLDER)),
        );
    }
    header
}

/// The page footer: the trust's contact line, then "Page N of M" from real
/// PAGE and NUMPAGES fields (Word and LibreOffice recompute them).
pub(crate) fn footer(theme: &Theme, labels: &Labels, ids: &mut Ids, notes: &mut Notes) -> Footer {
    let mut footer = Footer::new();
    if !theme.footer.trim().is_empty() {
        footer = footer.add_paragraph(
            Paragraph::new()
                .id(ids.paragraph())
                .style(id::FOOTER)
                .add_run(Run::new().add_text(clean(&theme.footer))),
        );
    }
    // "Tudalen {page} o {pages} · Page {page} of {pages}": the words as
    // runs, each mark as its field.
    let line = Paragraph::new().id(ids.paragraph()).style(id::FOOTER);
    footer.add_paragraph(label_runs(line, &labels.page_of, &mut notes.markers))
}

/// A piece of a page label: words, or where a number goes.
#[derive(Debug, PartialEq)]
enum Piece<'a> {
    Text(&'a str),
    Page,
    Pages,
}

/// `label` cut at its `{page}` and `{pages}` marks.
fn page_pieces(label: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = label;
    while let Some(at) = rest.find('{') {
        let (mark, piece) = if rest[at..].starts_with("{pages}") {
            ("{pages}", Piece::Pages)
        } else if rest[at..].starts_with("{page}") {
            ("{page}", Piece::Page)
        } else {
            out.push(Piece::Text(&rest[..=at]));
            rest = &rest[at + 1..];
            continue;
        };
        if at > 0 {
            out.push(Piece::Text(&rest[..at]));
        }
        out.push(piece);
        rest = &rest[at + mark.len()..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_labels_cut_at_their_numbers() {
        assert_eq!(
            page_pieces("Tudalen {page} o {pages} · Page {page} of {pages}"),
            [
                Piece::Text("Tudalen "),
                Piece::Page,
                Piece::Text(" o "),
                Piece::Pages,
                Piece::Text(" · Page "),
                Piece::Page,
                Piece::Text(" of "),
                Piece::Pages,
            ]
        );
        assert_eq!(
            page_pieces("{page}/{pages}"),
            [Piece::Page, Piece::Text("/"), Piece::Pages]
        );
        assert_eq!(
            page_pieces("p. {x}"),
            [Piece::Text("p. {"), Piece::Text("x}")]
        );
    }
}
