//! DOCX writer: one `Document` + one `Theme` → a Word handout in the trust's
//! brand that the trust can go on editing.
//!
//! docx-rs (0.4.22) builds the body, the header, the footer and the list
//! definitions; careerpress writes what docx-rs cannot and fixes what it
//! gets wrong, in small named steps:
//!
//! - `body.rs` the body being built, and `blocks.rs`, `tables.rs`,
//!   `inlines.rs` what it is built of: docx-rs paragraphs, tables, runs
//!   and hyperlinks; `numbering.rs`: the list definitions; `page.rs`: the
//!   header (logo) and footer (PAGE/NUMPAGES fields), on the page of
//!   `geometry.rs`; `names.rs`: the style and numbering ids the parts
//!   refer to each other by. Every id comes from the document's own
//!   [`ids::Ids`], never from docx-rs's process-wide counters, and all
//!   text is cleaned of characters XML cannot carry first
//!   ([`crate::document::escape::xml::clean`]).
//! - [`patch`]: the patches to the parts docx-rs writes (schema order,
//!   `w:lang`, table captions and header rows, picture ids and alt text,
//!   the draft watermark), each counted against what the builder asked for.
//! - `styles.rs`, `theme.rs`, `package.rs`, `rels.rs`, `media.rs`: the parts
//!   careerpress writes itself (styles in the brand, the theme, core and app
//!   properties, settings, the font table, content types, every part's
//!   relationships, the pictures), and `zip.rs` the zip, with fixed
//!   timestamps.
//!
//! docx-rs renders each part it builds with its own XML builder
//! (`BuildXML::build` on its `Document`, `Header`, `Footer` and
//! `Numberings`). `Docx::build`, which does the same for a whole package,
//! is not used: it also renders a dozen parts careerpress replaces
//! (styles, settings, fonts, comments, properties, content types) and
//! collects relationships through a `HashMap`, for about 0.2 ms a document,
//! more than the rest of the body takes.

mod blocks;
mod body;
mod geometry;
mod ids;
mod inlines;
mod media;
mod names;
mod numbering;
mod package;
mod page;
mod patch;
mod rels;
mod styles;
mod tables;
mod theme;
mod xml;
mod zip;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use docx_rs::{BuildXML, PageSize};

use crate::document::{Document, RenderError, Rendered, Theme, Writer};

use crate::document::Labels;
use body::{Body, Flow};
use geometry::Geometry;
use ids::Ids;
use media::Media;
use patch::Notes;
use rels::Rels;
use zip::Part;

/// The relationship ids of the document's header and footer.
const HEADER_RID: &str = "rIdHeader1";
const FOOTER_RID: &str = "rIdFooter1";

/// The DOCX writer. Every render is independent, so one writer serves any
/// number of threads and output never depends on what was rendered before;
/// all it keeps is what depends on its own input alone: QR code images by
/// URL, list definitions by the lists' starts, and the compressed form of
/// parts many documents share.
#[derive(Debug, Default)]
pub struct DocxWriter {
    qr_cache: media::QrCache,
    numbering: NumberingCache,
    deflated: zip::Deflated,
}

impl DocxWriter {
    pub fn new() -> Self {
        DocxWriter::default()
    }
}

/// What one part registers while it is built: notes for its patches, and
/// its relationships.
#[derive(Debug, Default)]
pub(crate) struct PartNotes {
    pub notes: Notes,
    pub rels: Rels,
}

impl Writer for DocxWriter {
    fn extension(&self) -> &'static str {
        "docx"
    }

    fn render(&self, doc: &Document, theme: &Theme) -> Result<Rendered, RenderError> {
        let failed =
            |e: &dyn std::fmt::Display| RenderError::Failed(format!("cannot write the .docx: {e}"));
        let built = self
            .build(doc, theme, &doc.meta.labels)
            .map_err(|e| failed(&e))?;
        let (bytes, warnings) = self.package(doc, theme, built).map_err(|e| failed(&e))?;
        Ok(Rendered {
            bytes,
            warnings,
            ..Rendered::default()
        })
    }
}

/// docx-rs's parts, patched, and what the package needs besides.
struct Built {
    document: Vec<u8>,
    header: Vec<u8>,
    footer: Vec<u8>,
    numbering: Arc<Vec<u8>>,
    document_rels: Rels,
    header_rels: Rels,
    media: Media,
    warnings: Vec<String>,
}

impl DocxWriter {
    /// docx-rs builds the body, header, footer and lists, with the
    /// document's own ids; then the patches run on what it wrote.
    fn build(
        &self,
        doc: &Document,
        theme: &Theme,
        labels: &Labels,
    ) -> Result<Built, patch::PatchError> {
        let meta = &doc.meta;
        let geometry = Geometry::for_paper(theme.paper);
        let mut ids = Ids::default();
        let mut media = Media::default();
        let mut head = PartNotes::default();
        let header = page::header(
            theme, &geometry, labels, meta.draft, &mut ids, &mut media, &mut head,
        );
        let mut foot = Notes::default();
        let footer = page::footer(theme, labels, &mut ids, &mut foot);
        let mut body = Body::new(
            theme,
            geometry,
            &mut ids,
            &mut media,
            labels.clone(),
            &meta.source,
            &self.qr_cache,
        );
        let flow = body.write(&doc.blocks, meta.draft);
        let Body {
            lists,
            part,
            tables,
            warnings,
            ..
        } = body;

        let mut header_xml = header.build();
        if meta.draft {
            header_xml = patch::watermark::apply(
                &header_xml,
                &labels.draft_word.text(),
                &theme.fonts.family,
            )?;
        }
        let header_xml = patch::rewrite("word/header1.xml", &header_xml, &head.notes, &[])?;
        let footer_xml = footer.build();
        let footer_xml = patch::rewrite("word/footer1.xml", &footer_xml, &foot, &[])?;
        let mut document = docx_rs::Document::new()
            .page_size(PageSize::new().size(geometry.width, geometry.height))
            .page_margin(geometry.margins())
            .header(header, HEADER_RID)
            .footer(footer, FOOTER_RID);
        for item in flow {
            document = match item {
                Flow::Para(p) => document.add_paragraph(*p),
                Flow::Table(t) => document.add_table(*t),
            };
        }
        let document_xml = document.build();
        let document_xml =
            patch::rewrite("word/document.xml", &document_xml, &part.notes, &tables)?;
        let numbering = self.numbering.get(&lists)?;

        let mut document_rels = part.rels;
        for (kind, id, target) in [
            ("styles", "rId1", "styles.xml"),
            ("numbering", "rId2", "numbering.xml"),
            ("settings", "rId3", "settings.xml"),
            ("fontTable", "rId4", "fontTable.xml"),
            ("theme", "rId5", "theme/theme1.xml"),
            ("header", HEADER_RID, "header1.xml"),
            ("footer", FOOTER_RID, "footer1.xml"),
        ] {
            document_rels.add(id, kind, target, false);
        }
        for (target, id) in ids.links() {
            document_rels.add(id, "hyperlink", target, true);
        }
        Ok(Built {
            document: document_xml,
            header: header_xml,
            footer: footer_xml,
            numbering,
            document_rels,
            header_rels: head.rels,
            media,
            warnings,
        })
    }

    /// The package: docx-rs's patched parts and their relationships,
    /// careerpress's own parts, the pictures, and the zip.
    fn package(
        &self,
        doc: &Document,
        theme: &Theme,
        built: Built,
    ) -> Result<(Vec<u8>, Vec<String>), ::zip::result::ZipError> {
        let meta = &doc.meta;
        let lang = names::word_lang(&meta.language);
        let author = if meta.author.trim().is_empty() {
            theme.org_name.as_str()
        } else {
            meta.author.as_str()
        };
        let mut root_rels = Rels::default();
        root_rels.add("rId1", "officeDocument", "word/document.xml", false);
        root_rels.add("rId2", rels::CORE, "docProps/core.xml", false);
        root_rels.add("rId3", "extended-properties", "docProps/app.xml", false);

        // Parts every handout of this trust and template has in common are
        // marked shared, so they are compressed once per build.
        let mut parts = vec![
            Part::shared("_rels/.rels", root_rels.xml()),
            Part::new("docProps/core.xml", package::core_xml(meta, author)),
            Part::shared("docProps/app.xml", package::app_xml(&theme.org_name)),
            Part::new("word/document.xml", built.document),
            Part::new("word/_rels/document.xml.rels", built.document_rels.xml()),
            Part::shared("word/styles.xml", styles::styles_xml(theme, &lang)),
            Part::shared_arc("word/numbering.xml", built.numbering),
            Part::shared("word/settings.xml", package::settings_xml(&lang)),
            Part::shared(
                "word/fontTable.xml",
                package::font_table_xml(&theme.fonts.family),
            ),
            Part::shared("word/theme/theme1.xml", theme::theme_xml(theme)),
            Part::shared("word/header1.xml", built.header),
        ];
        if !built.header_rels.is_empty() {
            parts.push(Part::shared(
                "word/_rels/header1.xml.rels",
                built.header_rels.xml(),
            ));
        }
        parts.push(Part::shared("word/footer1.xml", built.footer));
        for file in built.media.files() {
            parts.push(Part::media(
                format!("word/{}", file.target),
                Arc::clone(&file.bytes),
            ));
        }
        let types = package::content_types_xml(&parts);
        parts.insert(0, Part::shared("[Content_Types].xml", types));
        let bytes = zip::zip(&parts, meta.created, &self.deflated)?;
        Ok((bytes, built.warnings))
    }
}

/// The numbering part, by the numbered lists it defines (their starts and
/// levels): the same for most handouts of a template, and docx-rs takes
/// about as long to write its 27 list levels as the rest of the body.
#[derive(Debug, Default)]
struct NumberingCache(Mutex<BTreeMap<ListShapes, Arc<Vec<u8>>>>);

/// Each numbered list's start and number of levels.
type ListShapes = Vec<(u64, usize)>;

/// Distinct numbering parts kept at most.
const NUMBERING_MAX: usize = 1_024;

impl NumberingCache {
    fn get(&self, lists: &numbering::Lists) -> Result<Arc<Vec<u8>>, patch::PatchError> {
        let key = lists.starts().to_vec();
        // A poisoned lock only means another render panicked mid-insert of
        // a complete value; the map is still sound.
        let lock = || self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(xml) = lock().get(&key) {
            return Ok(Arc::clone(xml));
        }
        let xml = lists.numberings().build();
        let xml = Arc::new(patch::rewrite(
            "word/numbering.xml",
            &xml,
            &Notes::default(),
            &[],
        )?);
        let mut map = lock();
        if map.len() < NUMBERING_MAX {
            map.insert(key, Arc::clone(&xml));
        }
        Ok(xml)
    }
}
