//! DOCX writer: one `Document` + one `Theme` → a Word handout in the trust's
//! brand that the trust can go on editing.
//!
//! docx-rs (0.4.22) builds the body, the header and the footer; careerpress
//! writes what docx-rs cannot and fixes what it gets wrong, in small named
//! steps:
//!
//! - `blocks.rs`, `tables.rs`, `inlines.rs`: the body as docx-rs
//!   paragraphs, runs, hyperlinks and tables; `numbering.rs`: the list
//!   definitions; `page.rs`: page size, header (logo) and footer
//!   (PAGE/NUMPAGES fields). Every id comes from the document's own
//!   [`ids::Ids`], never from docx-rs's process-wide counters, and all
//!   text is cleaned of characters XML cannot carry first ([`xml::clean`]).
//! - [`patch`]: the patches to the parts docx-rs writes (schema order,
//!   `w:lang`, table captions and header rows, picture ids and alt text,
//!   the draft watermark), each counted against what the builder asked for.
//! - `styles.rs`, `theme.rs`, `package.rs`: the parts careerpress writes
//!   itself (styles in the brand, the theme, core and app properties,
//!   settings, the font table, content types), `rels.rs`: relationships
//!   read back from docx-rs, checked and sorted; and the zip, with fixed
//!   timestamps.

mod blocks;
mod ids;
mod inlines;
mod labels;
mod media;
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

use docx_rs::Docx;

use crate::document::{Document, RenderError, Rendered, Theme, Writer};

use blocks::{Body, Flow};
use ids::Ids;
use labels::Labels;
use page::Geometry;
use patch::Notes;
use rels::{natural_cmp, Rels};
use zip::Part;

/// The DOCX writer. Every render is independent, so one writer serves any
/// number of threads and output never depends on what was rendered before;
/// all it keeps is QR code images by URL and the compressed form of parts
/// many documents share, which depend on their own content alone.
#[derive(Debug, Default)]
pub struct DocxWriter {
    qr_cache: media::QrCache,
    deflated: zip::Deflated,
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
        let failed =
            |e: &dyn std::fmt::Display| RenderError::Failed(format!("cannot write the .docx: {e}"));
        let labels = Labels::for_language(&doc.meta.language);
        let built = self.build(doc, theme, &labels);
        let patched =
            patch_parts(&built, doc.meta.draft, &labels, theme).map_err(|e| failed(&e))?;
        let (bytes, warnings) = self
            .package(doc, theme, built, patched)
            .map_err(|e| failed(&e))?;
        Ok(Rendered { bytes, warnings })
    }
}

/// What docx-rs built, and what the builder registered for the patches.
struct Built {
    xml: docx_rs::XMLDocx,
    notes: Notes,
    header_notes: Notes,
    tables: Vec<patch::TableNote>,
    /// Hyperlink targets and their relationship ids.
    links: Vec<(String, String)>,
    warnings: Vec<String>,
}

/// docx-rs's parts after the patches.
struct Patched {
    document: Vec<u8>,
    header: Vec<u8>,
    footer: Vec<u8>,
    numbering: Vec<u8>,
}

impl DocxWriter {
    /// docx-rs builds the body, header and footer, with the document's own ids.
    fn build(&self, doc: &Document, theme: &Theme, labels: &Labels) -> Built {
        let meta = &doc.meta;
        let geometry = Geometry::for_paper(theme.paper);
        let mut ids = Ids::default();
        let mut header_notes = Notes::default();
        let header = page::header(
            theme,
            &geometry,
            labels,
            meta.draft,
            &mut ids,
            &mut header_notes,
        );
        let footer = page::footer(theme, labels, &mut ids);
        let mut body = Body::new(
            theme,
            geometry,
            &mut ids,
            *labels,
            &meta.source,
            &self.qr_cache,
        );
        let flow = body.write(&doc.blocks, meta.draft);
        let Body {
            lists,
            notes,
            tables,
            warnings,
            ..
        } = body;
        let mut docx = Docx::new()
            .header(header)
            .footer(footer)
            .page_size(geometry.width, geometry.height)
            .page_margin(geometry.margins())
            .numberings(lists.numberings());
        for item in flow {
            docx = match item {
                Flow::Para(p) => docx.add_paragraph(*p),
                Flow::Table(t) => docx.add_table(*t),
            };
        }
        // The list styles point at the numbering part even when no
        // paragraph does; docx-rs only links it for numbered paragraphs.
        docx.document_rels.has_numberings = true;
        Built {
            xml: docx.build(),
            notes,
            header_notes,
            tables,
            links: ids.links().to_vec(),
            warnings,
        }
    }

    /// The package: docx-rs's patched parts, its relationships checked and
    /// completed, careerpress's own parts, the pictures, and the zip.
    fn package(
        &self,
        doc: &Document,
        theme: &Theme,
        built: Built,
        patched: Patched,
    ) -> Result<(Vec<u8>, Vec<String>), String> {
        let meta = &doc.meta;
        let lang = styles::word_lang(&meta.language);
        let author = if meta.author.trim().is_empty() {
            theme.org_name.as_str()
        } else {
            meta.author.as_str()
        };
        let xml = built.xml;
        let media = MediaNames::new(&xml.media);
        let mut doc_rels = Rels::parse(&xml.document_rels)?;
        document_rels(&mut doc_rels, &media, &built.links)?;
        let mut header_rels = Rels::parse(xml.header_rels.first().map_or(&[][..], Vec::as_slice))?;
        media.rename(&mut header_rels)?;
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
            Part::new("word/document.xml", patched.document),
            Part::new("word/_rels/document.xml.rels", doc_rels.xml()),
            Part::shared("word/styles.xml", styles::styles_xml(theme, &lang)),
            Part::shared("word/numbering.xml", patched.numbering),
            Part::shared("word/settings.xml", package::settings_xml(&lang)),
            Part::shared(
                "word/fontTable.xml",
                package::font_table_xml(&theme.fonts.family),
            ),
            Part::shared("word/theme/theme1.xml", theme::theme_xml(theme)),
            Part::shared("word/header1.xml", patched.header),
        ];
        if !header_rels.is_empty() {
            parts.push(Part::shared(
                "word/_rels/header1.xml.rels",
                header_rels.xml(),
            ));
        }
        parts.push(Part::shared("word/footer1.xml", patched.footer));
        let mut pictures: Vec<Part> = xml
            .media
            .into_iter()
            .zip(&media.names)
            .map(|((_, bytes), (_, name))| Part::new(format!("word/{name}"), bytes))
            .collect();
        pictures.sort_by(|a, b| natural_cmp(&a.path, &b.path));
        parts.extend(pictures);
        let types = package::content_types_xml(&parts);
        parts.insert(0, Part::shared("[Content_Types].xml", types));
        let bytes = zip::zip(&parts, meta.created, &self.deflated).map_err(|e| e.to_string())?;
        Ok((bytes, built.warnings))
    }
}

/// Every patch on every part docx-rs wrote.
fn patch_parts(
    built: &Built,
    draft: bool,
    labels: &Labels,
    theme: &Theme,
) -> Result<Patched, patch::PatchError> {
    let xml = &built.xml;
    let document = patch::rewrite(
        "word/document.xml",
        &xml.document,
        &built.notes,
        &built.tables,
    )?;
    let mut header = xml.headers.first().cloned().unwrap_or_default();
    if draft {
        header = patch::watermark::apply(&header, labels.draft_mark, &theme.fonts.family)?;
    }
    let header = patch::rewrite("word/header1.xml", &header, &built.header_notes, &[])?;
    let footer = match xml.footers.first() {
        Some(f) => patch::rewrite("word/footer1.xml", f, &Notes::default(), &[])?,
        None => Vec::new(),
    };
    let numbering = patch::rewrite(
        "word/numbering.xml",
        &xml.numberings,
        &Notes::default(),
        &[],
    )?;
    Ok(Patched {
        document,
        header,
        footer,
        numbering,
    })
}

/// The document's relationships as docx-rs wrote them, made whole: the
/// relationship to `commentsExtended.xml` (a part docx-rs names but never
/// writes) goes, pictures get their media parts' real names, the theme is
/// added, and every hyperlink the body made must be there with its target.
fn document_rels(
    rels: &mut Rels,
    media: &MediaNames,
    links: &[(String, String)],
) -> Result<(), String> {
    rels.rels.retain(|r| !r.kind.ends_with("/commentsExtended"));
    for (target, id) in links {
        match rels.get(id) {
            Some(r) if r.is("hyperlink") && r.external && r.target == *target => {}
            other => {
                return Err(format!(
                    "hyperlink {id} to {target:?} came out as {other:?}"
                ))
            }
        }
    }
    let links_written = rels.rels.iter().filter(|r| r.is("hyperlink")).count();
    if links_written != links.len() {
        return Err(format!(
            "{} hyperlinks made, {links_written} relationships",
            links.len()
        ));
    }
    media.rename(rels)?;
    for (kind, target) in [
        ("styles", "styles.xml"),
        ("numbering", "numbering.xml"),
        ("settings", "settings.xml"),
        ("fontTable", "fontTable.xml"),
    ] {
        if !rels.rels.iter().any(|r| r.is(kind) && r.target == target) {
            return Err(format!("no relationship to {target}"));
        }
    }
    rels.add("theme1", "theme", "theme/theme1.xml", false);
    Ok(())
}

/// Names for docx-rs's media parts: `media/image1.png`, `media/image2.jpeg`,
/// … after the first picture that shows them, with the extension the bytes
/// call for (docx-rs names every picture `.png`, JPEGs included).
struct MediaNames {
    /// (docx-rs's target, ours), both relative to `word/`.
    names: Vec<(String, String)>,
}

impl MediaNames {
    fn new(media: &[(String, Vec<u8>)]) -> Self {
        let names = media
            .iter()
            .map(|(id, bytes)| {
                // The picture's own id (`image3`), without the prefix docx-rs
                // gives pictures in the header.
                let name = id.strip_prefix("header").unwrap_or(id);
                let ext = media::extension(bytes);
                (format!("media/{id}.png"), format!("media/{name}.{ext}"))
            })
            .collect();
        MediaNames { names }
    }

    /// Points every picture relationship in `rels` at its media part's name.
    fn rename(&self, rels: &mut Rels) -> Result<(), String> {
        for rel in rels.rels.iter_mut().filter(|r| r.is("image")) {
            let Some((_, ours)) = self.names.iter().find(|(theirs, _)| *theirs == rel.target)
            else {
                return Err(format!(
                    "picture {} points at {:?}, not a media part",
                    rel.id, rel.target
                ));
            };
            rel.target.clone_from(ours);
        }
        Ok(())
    }
}
