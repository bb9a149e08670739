//! The intermediate document: what every writer renders.
//!
//! Templates produce *markup* (CommonMark plus a few `:::` directives, see
//! [`markup`]); the markup is parsed into one [`Document`], and each writer
//! (`text`, `pdf`, `docx`) turns a `Document` plus a [`Theme`] into bytes.
//! Nothing here knows YAML or Handlebars, and no writer knows another writer,
//! so a new format is one new writer (pandoc's readers → AST → writers).

pub mod contrast;
pub mod date;
pub mod design;
pub(crate) mod escape;
pub mod markup;
pub(crate) mod qr;
pub mod theme;
pub mod typography;

pub use design::{Hyphenation, Sides, Spacing};
pub use theme::{Colour, FontSet, ImageAsset, ImageFormat, Paper, PrintOptions, Rgb, Theme};

/// A whole document: metadata plus a flow of blocks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub meta: Meta,
    pub blocks: Vec<Block>,
}

/// Document metadata. Writers put it in the file's properties (PDF Info/XMP,
/// DOCX core.xml) so a document is findable and accessible.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// The document's title, e.g. "PALS officer".
    pub title: String,
    /// The author: the trust that issues the document.
    pub author: String,
    /// One line on what the document is.
    pub subject: String,
    pub keywords: Vec<String>,
    /// BCP 47 language tag, e.g. `en-GB` or `cy`.
    pub language: String,
    /// Creation date as seconds since the Unix epoch. Fixed by the build
    /// (from `SOURCE_DATE_EPOCH` or the content's review date) so that the
    /// same input always gives byte-identical output.
    pub created: i64,
    /// The content file this document was made from, for warnings
    /// ("the fonts cannot draw '😀' in content/jobs/x.yaml").
    pub source: String,
    /// A draft (built with `--draft` from a profile that still has
    /// placeholders): every writer says DRAFT on every page, so a draft can
    /// never pass for a finished document.
    pub draft: bool,
    /// The fixed words writers print themselves, in the document's
    /// languages (from the message catalogues).
    pub labels: Labels,
}

/// The fixed words a writer prints itself. Made by the build from the
/// message catalogues in the document's languages (Welsh first in a
/// bilingual document), so no writer holds a word of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Labels {
    /// A page number: `{page}` and `{pages}` are replaced, e.g.
    /// "Tudalen {page} o {pages} · Page {page} of {pages}".
    pub page_of: String,
    /// What every page of a draft says.
    pub draft: String,
    /// The word stamped across a draft's pages ("DRAFFT / DRAFT").
    pub draft_word: String,
    /// The name of a key facts box without a title of its own (a table's
    /// caption for screen readers).
    pub key_facts: String,
    /// The caption of a data table with no heading before it.
    pub table: String,
    /// The caption of a call-out box without a title.
    pub note: String,
    /// What a data table holds: `{columns}` is replaced by its column
    /// names ("Columns: Role, Band").
    pub table_columns: String,
    /// What a table used only to set text in columns is, for screen readers.
    pub layout_table: String,
    /// What a call-out box is, for screen readers.
    pub callout: String,
    /// A web page's first link, past its header to the content.
    pub skip_link: String,
    /// The heading of a long web page's list of its sections.
    pub contents: String,
}

impl Default for Labels {
    fn default() -> Self {
        Labels {
            page_of: "Page {page} of {pages}".into(),
            draft: DRAFT_NOTICE.into(),
            draft_word: "DRAFT".into(),
            key_facts: "Key facts".into(),
            table: "Table".into(),
            note: "Note".into(),
            table_columns: "Columns: {columns}".into(),
            layout_table: "Layout only: read each column in turn, left to right.".into(),
            callout: "A box set apart from the text.".into(),
            skip_link: "Skip to main content".into(),
            contents: "On this page".into(),
        }
    }
}

impl Labels {
    /// `page_of` with the numbers in.
    pub fn page(&self, page: usize, pages: usize) -> String {
        self.page_of
            .replace("{page}", &page.to_string())
            .replace("{pages}", &pages.to_string())
    }

    /// `table_columns` with the column names in.
    pub fn columns(&self, names: &str) -> String {
        self.table_columns.replace("{columns}", names)
    }
}

/// What every page of a draft says (see [`Meta::draft`]) when no catalogue
/// gives it in the document's language.
pub const DRAFT_NOTICE: &str = "DRAFT – not for publication";

/// A block-level element.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Heading, level 1 (title) to 3.
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    /// A bullet (`ordered == false`) or numbered list; each item is a flow of blocks.
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    /// A table; the first row is the header when `header` is true.
    Table {
        header: bool,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// Key facts: labelled values shown as a shaded box (PDF), a styled
    /// table (DOCX) or "Label: value" lines (text). From `::: facts`.
    Facts {
        title: Option<Vec<Inline>>,
        rows: Vec<Fact>,
    },
    /// A shaded call-out box with an optional title. From `::: box [Title]`.
    Callout {
        title: Option<Vec<Inline>>,
        blocks: Vec<Block>,
    },
    /// The brand band at the top of a document: the writer draws the trust's
    /// colour, logo and name from the [`Theme`]; `blocks` (usually the job
    /// title and a strap line) go on the band. From `::: banner`.
    Banner {
        blocks: Vec<Block>,
    },
    /// Side-by-side columns; each column is a flow of blocks. From
    /// `::: columns` containing `::: column` sections.
    Columns(Vec<Vec<Block>>),
    /// An image from the theme's image set (e.g. `logo`).
    Image {
        name: String,
        alt: String,
    },
    /// A QR code for `url`; formats that cannot show one print the URL.
    Qr {
        url: String,
        caption: Option<String>,
    },
    /// A horizontal rule.
    Rule,
    /// Start a new page (paged formats only).
    PageBreak,
    /// Blocks in a language other than the surrounding text (a Welsh
    /// section in a bilingual leaflet). Writers mark the language (`/Lang`
    /// on structure elements, `w:lang`, `lang=`). From `::: lang TAG`.
    Lang {
        /// BCP 47 tag, e.g. `cy` or `en-GB`.
        lang: String,
        blocks: Vec<Block>,
    },
}

/// One row of a [`Block::Facts`] box.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub label: Vec<Inline>,
    pub value: Vec<Inline>,
}

/// Inline content.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    /// A link; `url` is `https:`, `http:`, `mailto:` or `tel:`.
    Link {
        url: String,
        content: Vec<Inline>,
    },
    /// A hard line break within a paragraph.
    LineBreak,
    /// Text in another language than its paragraph (a Welsh name in an
    /// English sentence). From `<span lang="cy">…</span>` in markup.
    Lang {
        /// BCP 47 tag, e.g. `cy`.
        lang: String,
        content: Vec<Inline>,
    },
}

impl Inline {
    /// The plain text of inline content, without formatting.
    pub fn plain(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for i in inlines {
            i.push_plain(&mut out);
        }
        out
    }

    fn push_plain(&self, out: &mut String) {
        match self {
            Inline::Text(t) => out.push_str(t),
            Inline::Strong(c)
            | Inline::Emphasis(c)
            | Inline::Link { content: c, .. }
            | Inline::Lang { content: c, .. } => {
                for i in c {
                    i.push_plain(out);
                }
            }
            Inline::LineBreak => out.push('\n'),
        }
    }
}

/// Whether `tag` is a well-formed BCP 47 language tag as documents use them
/// (`cy`, `en-GB`, `cy-GB`): a 2–3 letter language, then 2–8 character
/// subtags.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    lang_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The bytes a writer made, plus warnings for the person running the build
/// (for example a character no font can draw).
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub warnings: Vec<String>,
    /// Words and addresses wider than their column, as printed: broken at
    /// the column's edge (the pipeline names the field each came from).
    pub too_wide: Vec<String>,
    /// A paged document that needs more sides than its template is made for.
    pub overrun: Option<Overrun>,
}

/// How far a paged document runs over the sides it is designed for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overrun {
    /// The sides the template is made for.
    pub sides: u32,
    /// The pages the content needs.
    pub pages: usize,
    /// How much of a page's body is over, in pages (0.4: two fifths of a page).
    pub over: f32,
}

/// Why a writer could not render a document.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{format} output is not built yet")]
    NotImplemented { format: &'static str },
    #[error("{0}")]
    Failed(String),
}

/// One output format. Implementations are created once per build and shared
/// by every document (across threads), so anything expensive to prepare
/// (parsed fonts) is cached inside the writer, not redone per document.
pub trait Writer: Send + Sync {
    /// The file extension, e.g. `pdf`.
    fn extension(&self) -> &'static str;
    fn render(&self, doc: &Document, theme: &Theme) -> Result<Rendered, RenderError>;
}
