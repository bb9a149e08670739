//! Every id one document needs, handed out by the document itself.
//!
//! docx-rs numbers pictures and hyperlinks from process-wide counters
//! (`pic_id.rs`, `hyperlink_id.rs`) and paragraphs from a thread-local one,
//! so a document's ids would depend on what else the process had built, and
//! on which thread. careerpress sets every one of them explicitly from this
//! per-document source instead: the same document always gets the same ids,
//! whether it is built alone, in another order or on 32 threads at once.

/// Ids in order of first use within one document.
#[derive(Debug, Default)]
pub(crate) struct Ids {
    paragraph: u32,
    picture: u32,
    drawing: u32,
    /// Hyperlink relationship ids, one per distinct target.
    links: Vec<(String, String)>,
}

impl Ids {
    /// The next `w14:paraId`: unique in the document and, as Word requires,
    /// below 0x80000000.
    pub(crate) fn paragraph(&mut self) -> String {
        self.paragraph += 1;
        format!("{:08X}", self.paragraph & 0x7FFF_FFFF)
    }

    /// The next picture id: the relationship id docx-rs gives the picture
    /// (prefixed `header` in the header) and the name of its media part.
    pub(crate) fn picture(&mut self) -> String {
        self.picture += 1;
        format!("image{}", self.picture)
    }

    /// The next `wp:docPr` id: drawings are numbered across the whole
    /// document, header included.
    pub(crate) fn drawing(&mut self) -> u32 {
        self.drawing += 1;
        self.drawing
    }

    /// The relationship id for a hyperlink to `target`, shared by every
    /// link to the same target.
    pub(crate) fn link(&mut self, target: &str) -> String {
        if let Some((_, id)) = self.links.iter().find(|(t, _)| t == target) {
            return id.clone();
        }
        let id = format!("link{}", self.links.len() + 1);
        self.links.push((target.to_owned(), id.clone()));
        id
    }

    /// Hyperlink targets by relationship id, in order of first use.
    pub(crate) fn links(&self) -> &[(String, String)] {
        &self.links
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_sequential_and_links_shared_by_target() {
        let mut ids = Ids::default();
        assert_eq!(ids.paragraph(), "00000001");
        assert_eq!(ids.paragraph(), "00000002");
        assert_eq!(ids.picture(), "image1");
        assert_eq!((ids.drawing(), ids.drawing()), (1, 2));
        assert_eq!(ids.link("https://a.example/"), "link1");
        assert_eq!(ids.link("tel:+441234"), "link2");
        assert_eq!(ids.link("https://a.example/"), "link1");
        assert_eq!(ids.links().len(), 2);
        // Another document starts again from 1, whatever ran before.
        assert_eq!(Ids::default().paragraph(), "00000001");
    }
}
