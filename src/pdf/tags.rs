//! The logical structure of a document, built while it is laid out.
//!
//! Layout walks the [`Document`](crate::document::Document) in order and
//! opens a structure node for every heading, paragraph, list item, table
//! cell, figure and link it meets; every item it draws carries a [`Tag`]:
//! the node whose content it is, or the kind of artifact (decoration,
//! running footer, printer's marks) it is. `draw` turns tags into marked
//! content (`BDC … EMC` with an `/MCID`), and `post::tagging` writes the
//! structure tree, the parent tree and the annotations' `/StructParent`s.
//!
//! Reading order is the order nodes were opened, which is the order of the
//! `Document`, not the order things land on the page: a column is read to
//! its end before the next, a box's title before its body. Within one node,
//! its own content and its child nodes are ordered by a sequence number
//! taken when each was made ([`Tree::tick`]), so a link inside a paragraph
//! sits between the words around it.
//!
//! Layout sometimes tries a block one way, throws the result away and lays
//! it out again (columns too tall for a page, say). The nodes of the
//! discarded attempt draw nothing, and nodes without content are pruned
//! when the tree is written.

use std::cell::Cell;

/// Index of a node in its [`Tree`]; the root (`Document`) is 0.
pub(crate) type NodeId = u32;

/// The document's root node.
pub(crate) const ROOT: NodeId = 0;

/// How a list marks its items (the `/ListNumbering` attribute).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Numbering {
    Disc,
    Decimal,
}

/// Which cells a table header cell heads (the `/Scope` attribute).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    Row,
    Column,
}

/// A standard structure type (ISO 32000-1, 14.8.4), so no role map is
/// needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Document,
    Sect,
    /// A heading, level 1 to 6.
    H(u8),
    P,
    L(Numbering),
    LI,
    Lbl,
    LBody,
    Table,
    THead,
    TBody,
    TR,
    TH(Scope),
    TD,
    Caption,
    Figure,
    Link,
    Span,
}

impl Role {
    /// The structure type's name, as written in `/S`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Sect => "Sect",
            Role::H(1) => "H1",
            Role::H(2) => "H2",
            Role::H(3) => "H3",
            Role::H(4) => "H4",
            Role::H(5) => "H5",
            Role::H(_) => "H6",
            Role::P => "P",
            Role::L(_) => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::THead => "THead",
            Role::TBody => "TBody",
            Role::TR => "TR",
            Role::TH(_) => "TH",
            Role::TD => "TD",
            Role::Caption => "Caption",
            Role::Figure => "Figure",
            Role::Link => "Link",
            Role::Span => "Span",
        }
    }
}

/// What kind of artifact an item is (ISO 32000-1, 14.8.2.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Artifact {
    /// Decoration: the brand band, rules, box backgrounds, underlines.
    Layout,
    /// The running footer on every page.
    Footer,
    /// The DRAFT mark repeated on every page.
    Watermark,
    /// Printer's marks outside the trim (crop marks).
    Page,
}

/// What an item drawn on a page is, for tagging.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    Art(Artifact),
    Node(NodeId),
}

impl Tag {
    /// Decoration.
    pub(crate) const DECO: Tag = Tag::Art(Artifact::Layout);
}

/// One structure element.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub(crate) role: Role,
    pub(crate) parent: NodeId,
    /// Orders this node among its parent's content and other children.
    pub(crate) seq: u32,
    /// Its own `/Lang`, when it differs from its parent's.
    pub(crate) lang: Option<u16>,
    /// The language in force for it (its own or inherited).
    effective_lang: u16,
    /// `/Alt` for a figure; the annotation's `/Contents` for a link.
    pub(crate) alt: Option<String>,
}

/// The structure tree of one document.
pub(crate) struct Tree {
    pub(crate) nodes: Vec<Node>,
    /// Language tags by id; 0 is the document's own.
    pub(crate) langs: Vec<String>,
    seq: Cell<u32>,
}

impl Tree {
    /// A tree holding only the `Document` root, in language `lang`.
    pub(crate) fn new(lang: &str) -> Tree {
        Tree {
            nodes: vec![Node {
                role: Role::Document,
                parent: ROOT,
                seq: 0,
                lang: None,
                effective_lang: 0,
                alt: None,
            }],
            langs: vec![crate::document::regional(lang)],
            seq: Cell::new(1),
        }
    }

    /// The next sequence number (for a node or an item of content).
    pub(crate) fn tick(&self) -> u32 {
        let s = self.seq.get();
        self.seq.set(s.wrapping_add(1));
        s
    }

    /// The id of language `tag`, interned.
    pub(crate) fn lang(&mut self, tag: &str) -> u16 {
        let tag = crate::document::regional(tag);
        match self.langs.iter().position(|l| l.eq_ignore_ascii_case(&tag)) {
            Some(i) => i as u16,
            None => {
                self.langs.push(tag);
                (self.langs.len() - 1) as u16
            }
        }
    }

    /// Open a node under `parent`; `lang` is the language asked for here
    /// (`None`: the parent's). `/Lang` is only written where it changes,
    /// and on every language `Span`.
    pub(crate) fn add(&mut self, role: Role, parent: NodeId, lang: Option<u16>) -> NodeId {
        let parent = if (parent as usize) < self.nodes.len() {
            parent
        } else {
            ROOT
        };
        let inherited = self.nodes[parent as usize].effective_lang;
        let effective_lang = lang.unwrap_or(inherited);
        let seq = self.tick();
        self.nodes.push(Node {
            role,
            parent,
            seq,
            // A language span says its language even where it is its
            // parent's: the two halves of "Dysgu rhagor / Find out more"
            // are each marked, not one by inheritance.
            lang: (effective_lang != inherited || (role == Role::Span && lang.is_some()))
                .then_some(effective_lang),
            effective_lang,
            alt: None,
        });
        (self.nodes.len() - 1) as NodeId
    }

    /// Open a node under `parent` that is read before all its siblings,
    /// whenever it is made (the DRAFT notice, made after layout).
    pub(crate) fn add_first(&mut self, role: Role, parent: NodeId) -> NodeId {
        let id = self.add(role, parent, None);
        self.nodes[id as usize].seq = 0;
        id
    }

    /// Set a node's alternative description.
    pub(crate) fn set_alt(&mut self, id: NodeId, alt: &str) {
        if let Some(n) = self.nodes.get_mut(id as usize) {
            n.alt = Some(alt.to_string());
        }
    }

    pub(crate) fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_is_written_only_where_it_changes() {
        let mut t = Tree::new("en-GB");
        let cy = t.lang("cy");
        assert_eq!(t.lang("CY"), cy, "tags compare case-insensitively");
        let p = t.add(Role::P, ROOT, Some(cy));
        let span = t.add(Role::Span, p, Some(cy));
        let en = t.lang("en-GB");
        let back = t.add(Role::Span, p, Some(en));
        let plain = t.add(Role::P, ROOT, None);
        assert_eq!(t.nodes[p as usize].lang, Some(cy));
        assert_eq!(t.nodes[span as usize].lang, Some(cy), "a span says its own");
        let plain_span = t.add(Role::Span, p, None);
        assert_eq!(
            t.nodes[plain_span as usize].lang, None,
            "inherited from its P"
        );
        assert_eq!(t.langs[cy as usize], "cy-GB", "with its region");
        assert_eq!(t.nodes[back as usize].lang, Some(0));
        assert_eq!(t.nodes[plain as usize].lang, None);
        assert!(t.nodes[span as usize].seq > t.nodes[p as usize].seq);
    }
}
