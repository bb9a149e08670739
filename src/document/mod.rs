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
pub use theme::{
    Colour, FontSet, ImageAsset, ImageFormat, Legibility, Paper, PrintOptions, Rgb, Theme,
};

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
    /// BCP 47 language tag with its region ([`regional`]), e.g. `en-GB`
    /// or `cy-GB`.
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
    /// The title, subject and keywords in each language of a bilingual
    /// document, in its order (Welsh first): XMP holds them as language
    /// alternatives, Info and DOCX core properties all of them at once
    /// ([`Meta::subjects`], [`Meta::all_keywords`]). Empty for a document
    /// in one language, whose `title`, `subject` and `keywords` say it all.
    pub alternates: Vec<Alternate>,
}

/// A document's title, subject and keywords in one of its languages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alternate {
    /// BCP 47 tag with its region.
    pub language: String,
    pub title: String,
    pub subject: String,
    pub keywords: Vec<String>,
}

impl Meta {
    /// The titles in every language, the document's first ("Swyddog… /
    /// … officer"); the title alone in a one-language document.
    pub fn titles(&self) -> String {
        self.joined(|a| &a.title, &self.title)
    }

    /// The subjects in every language, the document's first.
    pub fn subjects(&self) -> String {
        self.joined(|a| &a.subject, &self.subject)
    }

    /// The keywords of every language, the document's first, each once.
    pub fn all_keywords(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let lists = if self.alternates.is_empty() {
            vec![&self.keywords]
        } else {
            self.alternates.iter().map(|a| &a.keywords).collect()
        };
        for k in lists.into_iter().flatten() {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(k)) {
                out.push(k.clone());
            }
        }
        out
    }

    fn joined(&self, part: impl Fn(&Alternate) -> &String, alone: &str) -> String {
        let mut out: Vec<&str> = Vec::new();
        for a in &self.alternates {
            let p = part(a).as_str();
            if !p.trim().is_empty() && !out.contains(&p) {
                out.push(p);
            }
        }
        if out.is_empty() {
            alone.to_string()
        } else {
            out.join(" / ")
        }
    }
}

/// A fixed phrase in the document's languages: one part per language, in
/// the document's order (Welsh first in a bilingual document), and what
/// joins them on one line ("Dysgu rhagor / Find out more"). Writers print
/// each part in its own language ([`Label::inlines`]: a `Lang` span each,
/// so a screen reader reads the English half in English) and use the joined
/// text ([`Label::text`]) only where a format has room for one string (an
/// attribute, a caption property).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// (language tag, text); an empty tag is the document's own language.
    pub parts: Vec<(String, String)>,
    /// What stands between two parts.
    pub joiner: String,
}

impl Label {
    /// A label in the document's own language only.
    pub fn one(text: impl Into<String>) -> Label {
        Label {
            parts: vec![(String::new(), text.into())],
            joiner: " / ".into(),
        }
    }

    /// The parts joined, as one string.
    pub fn text(&self) -> String {
        let texts: Vec<&str> = self.parts.iter().map(|(_, t)| t.as_str()).collect();
        texts.join(&self.joiner)
    }

    /// Whether the label has more than one language.
    pub fn is_bilingual(&self) -> bool {
        self.parts.len() > 1
    }

    /// The label as inline content: one part is plain text; more are a
    /// `Lang` span each (with its region), the joiner between them.
    pub fn inlines(&self) -> Vec<Inline> {
        if !self.is_bilingual() {
            return vec![Inline::Text(self.text())];
        }
        let mut out = Vec::new();
        for (i, (lang, text)) in self.parts.iter().enumerate() {
            if i > 0 {
                out.push(Inline::Text(self.joiner.clone()));
            }
            out.push(Inline::Lang {
                lang: regional(lang),
                content: vec![Inline::Text(text.clone())],
            });
        }
        out
    }

    /// The label with `from` replaced by `to` in every part.
    pub fn replace(&self, from: &str, to: &str) -> Label {
        Label {
            parts: self
                .parts
                .iter()
                .map(|(l, t)| (l.clone(), t.replace(from, to)))
                .collect(),
            joiner: self.joiner.clone(),
        }
    }
}

impl From<&str> for Label {
    fn from(text: &str) -> Label {
        Label::one(text)
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

/// The fixed words a writer prints itself. Made by the build from the
/// message catalogues in the document's languages (Welsh first in a
/// bilingual document), so no writer holds a word of its own; each is a
/// [`Label`], its languages kept apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Labels {
    /// A page number: `{page}` and `{pages}` are replaced, e.g.
    /// "Tudalen {page} o {pages} · Page {page} of {pages}".
    pub page_of: Label,
    /// What every page of a draft says.
    pub draft: Label,
    /// The word stamped across a draft's pages ("DRAFFT / DRAFT").
    pub draft_word: Label,
    /// The name of a key facts box without a title of its own (a table's
    /// caption for screen readers).
    pub key_facts: Label,
    /// The caption of a data table with no heading before it.
    pub table: Label,
    /// The caption of a call-out box without a title.
    pub note: Label,
    /// What a data table holds: `{columns}` is replaced by its column
    /// names ("Columns: Role, Band").
    pub table_columns: Label,
    /// What a table used only to set text in columns is, for screen readers.
    pub layout_table: Label,
    /// What a call-out box is, for screen readers.
    pub callout: Label,
    /// A web page's first link, past its header to the content.
    pub skip_link: Label,
    /// The heading of a long web page's list of its sections.
    pub contents: Label,
}

impl Default for Labels {
    fn default() -> Self {
        Labels {
            page_of: Label::one("Page {page} of {pages}"),
            draft: Label::one(DRAFT_NOTICE),
            draft_word: Label::one("DRAFT"),
            key_facts: Label::one("Key facts"),
            table: Label::one("Table"),
            note: Label::one("Note"),
            table_columns: Label::one("Columns: {columns}"),
            layout_table: Label::one("Layout only: read each column in turn, left to right."),
            callout: Label::one("A box set apart from the text."),
            skip_link: Label::one("Skip to main content"),
            contents: Label::one("On this page"),
        }
    }
}

impl Labels {
    /// `page_of` with the numbers in.
    pub fn page(&self, page: usize, pages: usize) -> Label {
        self.page_of
            .replace("{page}", &page.to_string())
            .replace("{pages}", &pages.to_string())
    }

    /// `table_columns` with the column names in.
    pub fn columns(&self, names: &str) -> Label {
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
        /// What the code is for; a bilingual caption is a `Lang` span per
        /// language.
        caption: Option<Vec<Inline>>,
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

/// `tag` with its region, as every writer marks languages: screen readers,
/// Word's proofing tools and hyphenation pick a voice or dictionary by it,
/// and a bare `cy` or `en` leaves them to guess. The languages of Great
/// Britain get `GB` (`cy` → `cy-GB`, `en` → `en-GB`, `gd` → `gd-GB`); a tag
/// that has a region keeps it, in the usual case (`en-gb` → `en-GB`); any
/// other tag is left as it is. The markup parser and the pipeline apply it,
/// so a `Document` holds only regional tags where there is one.
pub fn regional(tag: &str) -> String {
    let tag = tag.trim();
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("").to_ascii_lowercase();
    let rest: Vec<String> = parts
        .map(|p| match p.len() {
            2 => p.to_ascii_uppercase(),
            4 => {
                let mut c = p.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + &c.as_str().to_ascii_lowercase())
                    .unwrap_or_default()
            }
            _ => p.to_ascii_lowercase(),
        })
        .collect();
    if rest.is_empty() && matches!(lang.as_str(), "en" | "cy" | "gd") {
        return format!("{lang}-GB");
    }
    if !is_language_tag(tag) {
        return tag.to_string();
    }
    std::iter::once(lang)
        .chain(rest)
        .collect::<Vec<_>>()
        .join("-")
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

#[cfg(test)]
mod tests {
    use super::regional;

    #[test]
    fn languages_get_their_region() {
        assert_eq!(regional("cy"), "cy-GB");
        assert_eq!(regional("CY"), "cy-GB");
        assert_eq!(regional("en"), "en-GB");
        assert_eq!(regional("en-gb"), "en-GB");
        assert_eq!(regional("cy-GB"), "cy-GB");
        assert_eq!(regional("gd"), "gd-GB");
        assert_eq!(regional("en-US"), "en-US");
        assert_eq!(regional("zh-hant-tw"), "zh-Hant-TW");
        assert_eq!(regional("fr"), "fr");
        assert_eq!(regional("not a tag"), "not a tag");
    }
}
