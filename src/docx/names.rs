//! What the parts of a handout call things: style ids, the numbering ids
//! the list styles are tied to, and Word's language tags.
//!
//! The body, the header and footer, the numbering part and the styles part
//! all refer to each other by these names; kept in the styles part, the
//! numbering definitions and every body file imported the writer of
//! `styles.xml` for a string. Here they are a leaf every part may use.

/// Style ids used by the body, header and footer.
pub(crate) mod id {
    pub const TITLE: &str = "Title";
    pub const SUBTITLE: &str = "Subtitle";
    pub const HEADINGS: [&str; 3] = ["Heading1", "Heading2", "Heading3"];
    pub const LIST_BULLET: &str = "ListBullet";
    pub const LIST_NUMBER: &str = "ListNumber";
    pub const LIST_CONTINUE: &str = "ListContinue";
    pub const HYPERLINK: &str = "Hyperlink";
    pub const HEADER: &str = "Header";
    pub const FOOTER: &str = "Footer";
    pub const CAPTION: &str = "Caption";
    pub const RULE: &str = "Rule";
    pub const TABLE_HEADING: &str = "TableHeading";
    pub const TABLE_END: &str = "TableEnd";
    pub const DRAFT: &str = "DraftNotice";
    pub const TABLE_GRID: &str = "TableGrid";
    pub const KEY_FACTS: &str = "KeyFacts";
    pub const CALLOUT: &str = "CalloutBox";
    pub const LAYOUT: &str = "LayoutTable";
}

/// The numbering ids the list styles are tied to (`numbering.rs` defines
/// them, `styles.rs` names them in List Bullet and List Number).
pub(crate) const BULLET_NUM_ID: usize = 2;
pub(crate) const NUMBER_NUM_ID: usize = 3;

/// Word's language tag for a BCP 47 tag: Word's proofing tools know
/// regional tags (`cy-GB`), so a bare `cy` or `en` gets its British region
/// ([`regional`](crate::document::regional)); no tag at all is English.
pub(crate) fn word_lang(tag: &str) -> String {
    match tag.trim() {
        "" => "en-GB".to_owned(),
        t => crate::document::regional(t),
    }
}
