//! The formats and their writers: the one table that says which writer
//! makes which format, and what each format is to the people and programs
//! that receive it (its media type, its name). Adding a format is a writer
//! folder (`src/<format>/`, implementing [`Writer`]), its variant in
//! [`Format`], and one line in [`FORMATS`].
//!
//! The writers are made once per run and shared by every document: each
//! keeps caches that pay across documents (fonts, subsets, shaped text).

use crate::document::Writer;
use crate::template::Format;

/// One format: its writer and how it is named and sent.
pub struct FormatInfo {
    pub format: Format,
    /// The media type it is served and attached as.
    pub media_type: &'static str,
    /// Whether a browser should save it rather than show it.
    pub download: bool,
    /// What it is to a careers team, as a label ("Word") and in a sentence
    /// ("Word document", e.g. for a screen reader's link name).
    pub label: &'static str,
    pub words: &'static str,
    make: fn() -> Box<dyn Writer>,
}

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Every format careerpress makes, in the order a build summary counts them.
#[rustfmt::skip]
pub const FORMATS: [FormatInfo; 4] = [
    FormatInfo { format: Format::Pdf, media_type: "application/pdf", download: false, label: "PDF", words: "PDF", make: || Box::new(crate::pdf::PdfWriter::new()) },
    FormatInfo { format: Format::Docx, media_type: DOCX, download: true, label: "Word", words: "Word document", make: || Box::new(crate::docx::DocxWriter::new()) },
    FormatInfo { format: Format::Html, media_type: "text/html; charset=utf-8", download: false, label: "Web page", words: "web page", make: || Box::new(crate::html::HtmlWriter::new()) },
    FormatInfo { format: Format::Txt, media_type: "text/plain; charset=utf-8", download: true, label: "Text", words: "plain text", make: || Box::new(crate::text::TextWriter) },
];

/// What careerpress knows of a format.
pub fn format_info(format: Format) -> &'static FormatInfo {
    FORMATS
        .iter()
        .find(|f| f.format == format)
        .unwrap_or(&FORMATS[0])
}

/// The writers, one per format, made once per run.
pub struct Writers {
    writers: Vec<(Format, Box<dyn Writer>)>,
}

impl Default for Writers {
    fn default() -> Self {
        Writers {
            writers: FORMATS.iter().map(|f| (f.format, (f.make)())).collect(),
        }
    }
}

impl Writers {
    pub fn get(&self, format: Format) -> &dyn Writer {
        let (_, w) = self
            .writers
            .iter()
            .find(|(f, _)| *f == format)
            .unwrap_or(&self.writers[0]);
        w.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_one_writer_of_its_own_extension() {
        let writers = Writers::default();
        for f in Format::ALL {
            assert_eq!(FORMATS.iter().filter(|i| i.format == f).count(), 1, "{f}");
            assert_eq!(writers.get(f).extension(), f.extension());
            assert_eq!(format_info(f).format, f);
        }
        assert_eq!(FORMATS.len(), Format::ALL.len());
    }
}
