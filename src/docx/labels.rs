//! The few fixed words a handout needs, in the document's language:
//! English, or Welsh for a Welsh document (NHS Wales bodies publish in
//! both). Anything else falls back to English.

/// Fixed strings for one document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Labels {
    /// "Page 1 of 2", split around the two numbers.
    pub page: &'static str,
    pub of: &'static str,
    /// On every page of a draft, and at the top of its text.
    pub draft_notice: &'static str,
    /// The watermark across every page of a draft.
    pub draft_mark: &'static str,
    /// Caption of a key facts table without a title.
    pub key_facts: &'static str,
    /// Caption of a data table with no heading before it.
    pub table: &'static str,
    /// Caption of a call-out box without a title.
    pub note: &'static str,
    /// Description of a data table: "Columns: Role, Band".
    pub columns: &'static str,
    /// Description of a layout table of columns.
    pub layout: &'static str,
    /// Description of a call-out box.
    pub callout: &'static str,
}

const ENGLISH: Labels = Labels {
    page: "Page ",
    of: " of ",
    draft_notice: "DRAFT \u{2013} not for publication",
    draft_mark: "DRAFT",
    key_facts: "Key facts",
    table: "Table",
    note: "Note",
    columns: "Columns: ",
    layout: "Layout only: read each column in turn, left to right.",
    callout: "A box set apart from the text.",
};

const WELSH: Labels = Labels {
    page: "Tudalen ",
    of: " o ",
    draft_notice: "DRAFFT \u{2013} nid i\u{2019}w gyhoeddi",
    draft_mark: "DRAFFT",
    key_facts: "Ffeithiau allweddol",
    table: "Tabl",
    note: "Nodyn",
    columns: "Colofnau: ",
    layout: "Cynllun yn unig: darllenwch bob colofn yn ei thro, o\u{2019}r chwith i\u{2019}r dde.",
    callout: "Blwch ar wah\u{e2}n i\u{2019}r testun.",
};

impl Labels {
    /// The labels for a document in `lang` (a BCP 47 tag).
    pub(crate) fn for_language(lang: &str) -> Labels {
        let primary = lang.split('-').next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("cy") {
            WELSH
        } else {
            ENGLISH
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_documents_get_welsh_labels() {
        assert_eq!(Labels::for_language("cy").page, "Tudalen ");
        assert_eq!(Labels::for_language("CY-GB").of, " o ");
        assert_eq!(Labels::for_language("en-GB").page, "Page ");
        assert_eq!(Labels::for_language("").page, "Page ");
        assert!(Labels::for_language("fr").draft_notice.starts_with("DRAFT"));
    }
}
