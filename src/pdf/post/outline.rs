//! The outline (bookmarks), nested by heading level (printpdf writes a
//! flat one).

use lopdf::{Dictionary, Object, ObjectId};

use super::text_string;
use crate::pdf::draw::Anchor;

/// Build a nested outline from headings (levels may skip; a deeper
/// heading nests under the nearest shallower one before it).
pub(super) fn outline(
    doc: &mut lopdf::Document,
    anchors: &[Anchor],
    pages: &[ObjectId],
    root: ObjectId,
) -> bool {
    let anchors: Vec<&Anchor> = anchors
        .iter()
        .filter(|a| !a.title.trim().is_empty() && a.page < pages.len())
        .collect();
    if anchors.is_empty() {
        return false;
    }
    let ids: Vec<ObjectId> = anchors.iter().map(|_| doc.new_object_id()).collect();
    // parent index for each anchor (None = top level)
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(anchors.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, a) in anchors.iter().enumerate() {
        while stack.last().is_some_and(|&s| anchors[s].level >= a.level) {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    let children = |p: Option<usize>| -> Vec<usize> {
        (0..anchors.len()).filter(|&i| parent[i] == p).collect()
    };
    // descendants count (all open)
    let mut count = vec![0i64; anchors.len()];
    for i in (0..anchors.len()).rev() {
        if let Some(p) = parent[i] {
            count[p] += 1 + count[i];
        }
    }
    for (i, a) in anchors.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", text_string(a.title.trim()));
        d.set(
            "Parent",
            Object::Reference(parent[i].map_or(root, |p| ids[p])),
        );
        let siblings = children(parent[i]);
        let pos = siblings.iter().position(|&s| s == i).unwrap_or(0);
        if pos > 0 {
            d.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
        }
        if let Some(&n) = siblings.get(pos + 1) {
            d.set("Next", Object::Reference(ids[n]));
        }
        let kids = children(Some(i));
        if let (Some(&f), Some(&l)) = (kids.first(), kids.last()) {
            d.set("First", Object::Reference(ids[f]));
            d.set("Last", Object::Reference(ids[l]));
            d.set("Count", Object::Integer(count[i]));
        }
        d.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(pages[a.page]),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(a.y.round()),
                Object::Null,
            ]),
        );
        doc.objects.insert(ids[i], Object::Dictionary(d));
    }
    let top = children(None);
    let mut r = Dictionary::new();
    r.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(&f), Some(&l)) = (top.first(), top.last()) {
        r.set("First", Object::Reference(ids[f]));
        r.set("Last", Object::Reference(ids[l]));
    }
    r.set("Count", Object::Integer(anchors.len() as i64));
    doc.objects.insert(root, Object::Dictionary(r));
    true
}
