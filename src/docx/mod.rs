//! DOCX writer: one `Document` + one `Theme` → a Word handout in the trust's
//! brand that the trust can go on editing.
//!
//! The handout is plain WordprocessingML written directly:
//!
//! - `styles.rs`: Word's own styles (Title, Heading 1–3, List Bullet, …)
//!   carry the brand's colours and font, so restyling happens in Word's
//!   style pane, not run by run;
//! - `numbering.rs`: the numbering definitions behind the list styles;
//! - `blocks.rs`: the body (headings, lists, key facts, call-outs, columns,
//!   pictures, QR codes, links);
//! - `page.rs`: page size and margins, the header (logo and trust name) and
//!   the footer (contact line, "Page N of M" from PAGE/NUMPAGES fields);
//! - `media.rs`, `rels.rs`: pictures and relationships;
//! - `package.rs`: content types, core and app properties, settings, zip.
//!
//! Why not docx-rs's document model: in 0.4.22 its picture and hyperlink
//! ids come from process-wide counters and hyperlink relationships are
//! collected through a `HashMap`, so documents rendered in parallel (or
//! twice in one process) differ byte-wise; zip entries carry the current
//! time; pictures get no alt text (`descr`) and all share `docPr` id 1;
//! `Pic::new` panics on unreadable bytes; JPEGs are stored as `.png`; and
//! styles, core properties and language would all have to be rewritten
//! after packing anyway. Writing the few parts a handout needs is less code
//! than working around those, is deterministic by construction and is
//! several times faster.

mod blocks;
mod media;
mod numbering;
mod package;
mod page;
mod rels;
mod styles;
mod xml;

use crate::document::{Document, RenderError, Rendered, Theme, Writer};

use blocks::Body;
use package::Part;
use page::{Geometry, PART_NAMESPACES};
use rels::Rels;

/// The DOCX writer. Every render is independent, so one writer serves any
/// number of threads and output never depends on what was rendered before;
/// the only thing it keeps is QR code images by URL, which depend on the URL
/// alone.
#[derive(Debug, Default)]
pub struct DocxWriter {
    qr_cache: media::QrCache,
}

impl DocxWriter {
    pub fn new() -> Self {
        DocxWriter::default()
    }
}

impl Writer for DocxWriter {
    fn extension(&self) -> &'static str {
        "docx"
    }

    fn render(&self, doc: &Document, theme: &Theme) -> Result<Rendered, RenderError> {
        let meta = &doc.meta;
        let lang = styles::word_lang(&meta.language);
        let geometry = Geometry::for_paper(theme.paper);
        let author = if meta.author.trim().is_empty() {
            theme.org_name.as_str()
        } else {
            meta.author.as_str()
        };

        // The document's own relationships, fixed ones first.
        let mut doc_rels = Rels::default();
        for (kind, target) in [
            ("styles", "styles.xml"),
            ("numbering", "numbering.xml"),
            ("settings", "settings.xml"),
            ("fontTable", "fontTable.xml"),
        ] {
            doc_rels.add(kind, target, false);
        }
        let header_rid = doc_rels.add("header", "header1.xml", false);
        let footer_rid = doc_rels.add("footer", "footer1.xml", false);

        let mut body = Body::new(theme, geometry, doc_rels, &meta.source, &self.qr_cache);
        // The header first, so its logo is drawing 1 and image 1.
        let mut header_rels = Rels::default();
        let header = page::header_xml(theme, &geometry, &mut body.assets, &mut header_rels);
        let content = body.write(&doc.blocks);

        let mut document = String::with_capacity(content.len() + 1_000);
        document.push_str(xml::DECLARATION);
        document.push_str("<w:document ");
        document.push_str(PART_NAMESPACES);
        document.push_str("><w:body>");
        document.push_str(&content);
        geometry.push_sect_pr(&mut document, &header_rid, &footer_rid);
        document.push_str("</w:body></w:document>");

        let mut root_rels = Rels::default();
        root_rels.add("officeDocument", "word/document.xml", false);
        root_rels.add("core-properties", "docProps/core.xml", false);
        root_rels.add("extended-properties", "docProps/app.xml", false);

        let mut parts = vec![
            Part {
                path: "[Content_Types].xml",
                xml: package::content_types_xml(true),
            },
            Part {
                path: "_rels/.rels",
                xml: root_rels.xml(),
            },
            Part {
                path: "docProps/core.xml",
                xml: package::core_xml(meta, author),
            },
            Part {
                path: "docProps/app.xml",
                xml: package::app_xml(&theme.org_name),
            },
            Part {
                path: "word/document.xml",
                xml: document,
            },
            Part {
                path: "word/_rels/document.xml.rels",
                xml: body.rels.xml(),
            },
            Part {
                path: "word/styles.xml",
                xml: styles::styles_xml(theme, &lang),
            },
            Part {
                path: "word/numbering.xml",
                xml: body.lists.numbering_xml(),
            },
            Part {
                path: "word/settings.xml",
                xml: package::settings_xml(&lang),
            },
            Part {
                path: "word/fontTable.xml",
                xml: package::font_table_xml(&theme.fonts.family),
            },
            Part {
                path: "word/header1.xml",
                xml: header,
            },
        ];
        if !header_rels.is_empty() {
            parts.push(Part {
                path: "word/_rels/header1.xml.rels",
                xml: header_rels.xml(),
            });
        }
        parts.push(Part {
            path: "word/footer1.xml",
            xml: page::footer_xml(theme, &lang),
        });

        let bytes = package::zip(&parts, &body.assets.media, meta.created)
            .map_err(|e| RenderError::Failed(format!("cannot pack the .docx: {e}")))?;
        Ok(Rendered {
            bytes,
            warnings: std::mem::take(&mut body.warnings),
        })
    }
}
