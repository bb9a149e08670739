//! The structure tree, written with lopdf from the [`Tree`] layout built
//! and the [`Marked`] content drawing recorded (ISO 32000-1, 14.7–14.8;
//! ISO 14289-1, PDF/UA-1).
//!
//! - every node with content becomes a `StructElem`, its kids in reading
//!   order: child elements, marked-content ids (`MCR` where the content is
//!   on another page than the element's `/Pg`) and `OBJR`s for link
//!   annotations;
//! - `/Alt` on figures, `/Lang` where the language changes, `/Scope` and
//!   an `/ID` on table header cells and `/Headers` on the cells they head
//!   ([`headers`](super::headers), with the root's `/IDTree`),
//!   `/ListNumbering` on lists, `/BBox` on figures;
//! - the parent tree maps each page's `/StructParents` (its index) to the
//!   element of each of its marked-content ids, and each annotation's
//!   `/StructParent` (numbered after the pages) to its `Link`;
//! - link annotations become indirect objects (an `OBJR` needs a reference)
//!   with `/Contents` and `/F 4` (print); pages get `/Tabs /S` (tab order
//!   follows the structure). The press file has no annotations (PDF/X),
//!   so its links are written as `Span`s.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Object, ObjectId};

use super::{failed, headers, text_string};
use crate::document::RenderError;
use crate::pdf::draw::{Kid, Marked};
use crate::pdf::tags::{Numbering, Role, Scope, Tree};

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// Which nodes are written: those with content, and their ancestors.
fn kept(tree: &Tree, marked: &Marked) -> Vec<bool> {
    let mut keep = vec![false; tree.nodes.len()];
    for c in &marked.content {
        if let Some(k) = keep.get_mut(c.node as usize) {
            *k = true;
        }
    }
    // A parent is always made before its children, so one pass from the
    // end carries "kept" up to the root.
    for i in (1..tree.nodes.len()).rev() {
        if keep[i] {
            keep[tree.nodes[i].parent as usize] = true;
        }
    }
    if let Some(root) = keep.first_mut() {
        *root = true;
    }
    keep
}

/// Where each node sits among its parent's kids. A block (a paragraph, a
/// list item's label) sits where it was opened; an inline node (a link, a
/// language span) is opened while its paragraph's text is being styled,
/// before any of that text is drawn, so it sits where its own first
/// content is.
fn order_keys(tree: &Tree, marked: &Marked) -> Vec<u32> {
    let mut first = vec![u32::MAX; tree.nodes.len()];
    for c in &marked.content {
        if let Some(f) = first.get_mut(c.node as usize) {
            *f = (*f).min(c.seq);
        }
    }
    for i in (1..tree.nodes.len()).rev() {
        let p = tree.nodes[i].parent as usize;
        first[p] = first[p].min(first[i]);
    }
    tree.nodes
        .iter()
        .enumerate()
        .map(|(i, n)| match n.role {
            Role::Link | Role::Span if first[i] != u32::MAX => first[i],
            _ => n.seq,
        })
        .collect()
}

/// The attribute dictionary a role carries, if any.
fn attributes(role: Role, bbox: Option<[f32; 4]>) -> Option<Dictionary> {
    let mut a = Dictionary::new();
    match role {
        Role::TH(scope) => {
            a.set("O", name("Table"));
            a.set(
                "Scope",
                name(match scope {
                    Scope::Row => "Row",
                    Scope::Column => "Column",
                }),
            );
        }
        Role::L(n) => {
            a.set("O", name("List"));
            a.set(
                "ListNumbering",
                name(match n {
                    Numbering::Disc => "Disc",
                    Numbering::Decimal => "Decimal",
                }),
            );
        }
        Role::Figure => {
            let b = bbox?;
            a.set("O", name("Layout"));
            a.set("Placement", name("Block"));
            a.set(
                "BBox",
                Object::Array(
                    b.iter()
                        .map(|v| Object::Real((v * 100.0).round() / 100.0))
                        .collect(),
                ),
            );
        }
        _ => return None,
    }
    Some(a)
}

/// Write the structure tree and everything that points into it; returns
/// the `StructTreeRoot`'s id.
pub(super) fn write(
    doc: &mut lopdf::Document,
    tree: &Tree,
    marked: &Marked,
    pages: &[ObjectId],
    press: bool,
) -> Result<ObjectId, RenderError> {
    let root_id = doc.new_object_id();
    let keep = kept(tree, marked);
    let cells = headers::cells(tree, &keep);
    let mut id_tree: BTreeMap<String, ObjectId> = BTreeMap::new();
    let ids: Vec<Option<ObjectId>> = keep
        .iter()
        .map(|k| k.then(|| doc.new_object_id()))
        .collect();

    // Link annotations: indirect, with /StructParent, /Contents and /F.
    let mut annot_ids: Vec<Vec<ObjectId>> = Vec::with_capacity(pages.len());
    let mut nums: Vec<Object> = Vec::new();
    let mut next_key = pages.len() as i64;
    let mut annot_entries: Vec<(i64, ObjectId)> = Vec::new();
    for (pi, page) in pages.iter().enumerate() {
        let inline: Vec<Object> = doc
            .get_dictionary(*page)
            .and_then(|d| d.get(b"Annots"))
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default();
        let nodes = marked.annots.get(pi).map(Vec::as_slice).unwrap_or(&[]);
        let mut refs = Vec::with_capacity(inline.len());
        for (k, a) in inline.into_iter().enumerate() {
            let mut dict = match a {
                Object::Dictionary(d) => d,
                Object::Reference(r) => doc
                    .get_dictionary(r)
                    .cloned()
                    .map_err(|e| failed("annotation", e))?,
                _ => continue,
            };
            dict.set("F", Object::Integer(4));
            let node = nodes.get(k).copied().flatten();
            let contents = node
                .and_then(|n| tree.node(n))
                .and_then(|n| n.alt.clone())
                .or_else(|| {
                    dict.get(b"A")
                        .and_then(Object::as_dict)
                        .and_then(|a| a.get(b"URI"))
                        .and_then(Object::as_str)
                        .ok()
                        .map(|u| format!("Link to {}", String::from_utf8_lossy(u)))
                });
            if let Some(c) = contents {
                dict.set("Contents", text_string(&c));
            }
            if let Some(elem) = node.and_then(|n| ids.get(n as usize).copied().flatten()) {
                dict.set("StructParent", Object::Integer(next_key));
                let id = doc.add_object(dict);
                annot_entries.push((next_key, elem));
                next_key += 1;
                refs.push(id);
            } else {
                refs.push(doc.add_object(dict));
            }
        }
        if !refs.is_empty() {
            let d = doc
                .get_dictionary_mut(*page)
                .map_err(|e| failed("page", e))?;
            d.set(
                "Annots",
                Object::Array(refs.iter().map(|r| Object::Reference(*r)).collect()),
            );
        }
        annot_ids.push(refs);
    }

    // Kids of every element, in reading order.
    let mut kids: BTreeMap<usize, Vec<(u32, Object)>> = BTreeMap::new();
    let mut first_page: BTreeMap<usize, usize> = BTreeMap::new();
    for c in &marked.content {
        if let Kid::Mcid(_) = c.kid {
            first_page.entry(c.node as usize).or_insert(c.page);
        }
    }
    let order = order_keys(tree, marked);
    for (i, n) in tree.nodes.iter().enumerate().skip(1) {
        if let Some(id) = ids[i] {
            kids.entry(n.parent as usize)
                .or_default()
                .push((order[i], Object::Reference(id)));
        }
    }
    for c in &marked.content {
        let node = c.node as usize;
        let Some(page) = pages.get(c.page) else {
            continue;
        };
        let kid = match c.kid {
            Kid::Mcid(m) if first_page.get(&node) == Some(&c.page) => Object::Integer(i64::from(m)),
            Kid::Mcid(m) => {
                let mut r = Dictionary::new();
                r.set("Type", name("MCR"));
                r.set("Pg", Object::Reference(*page));
                r.set("MCID", Object::Integer(i64::from(m)));
                Object::Dictionary(r)
            }
            Kid::Annot(k) => {
                let Some(annot) = annot_ids.get(c.page).and_then(|a| a.get(k)) else {
                    continue;
                };
                let mut r = Dictionary::new();
                r.set("Type", name("OBJR"));
                r.set("Pg", Object::Reference(*page));
                r.set("Obj", Object::Reference(*annot));
                Object::Dictionary(r)
            }
        };
        kids.entry(node).or_default().push((c.seq, kid));
    }

    // The elements.
    for (i, n) in tree.nodes.iter().enumerate() {
        let Some(id) = ids[i] else { continue };
        let mut d = Dictionary::new();
        d.set("Type", name("StructElem"));
        // The press file has no annotations: a link there is text that
        // reads as a link (its address is printed), a Span.
        let role = match n.role {
            Role::Link if press => Role::Span,
            r => r,
        };
        d.set("S", name(role.name()));
        let parent = if i == 0 {
            root_id
        } else {
            ids[n.parent as usize].unwrap_or(root_id)
        };
        d.set("P", Object::Reference(parent));
        if let Some(p) = first_page.get(&i).and_then(|p| pages.get(*p)) {
            d.set("Pg", Object::Reference(*p));
        }
        let mut k = kids.remove(&i).unwrap_or_default();
        k.sort_by_key(|(seq, _)| *seq);
        let mut k: Vec<Object> = k.into_iter().map(|(_, o)| o).collect();
        // One kid stands alone (the common case: a line of text).
        let k = if k.len() == 1 {
            k.remove(0)
        } else {
            Object::Array(k)
        };
        d.set("K", k);
        if let Some(l) = n.lang.and_then(|l| tree.langs.get(l as usize)) {
            d.set("Lang", text_string(l));
        }
        if n.role == Role::Figure {
            if let Some(alt) = &n.alt {
                d.set("Alt", text_string(alt));
            }
        }
        let bbox = marked.bbox.get(&(i as u32)).map(|(_, b)| *b);
        let mut a = attributes(n.role, bbox);
        if let Some(cell_id) = &cells.id[i] {
            d.set("ID", Object::string_literal(cell_id.as_bytes()));
            id_tree.insert(cell_id.clone(), id);
        }
        if !cells.headers[i].is_empty() {
            let a = a.get_or_insert_with(|| {
                let mut t = Dictionary::new();
                t.set("O", name("Table"));
                t
            });
            let heads = cells.headers[i]
                .iter()
                .map(|h| Object::string_literal(h.as_bytes()))
                .collect();
            a.set("Headers", Object::Array(heads));
        }
        if let Some(a) = a {
            d.set("A", Object::Dictionary(a));
        }
        doc.objects.insert(id, Object::Dictionary(d));
    }

    // The parent tree: pages (by index), then annotations.
    for (pi, page) in pages.iter().enumerate() {
        let elems: Vec<Object> = marked
            .mcids
            .get(pi)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .map(|n| Object::Reference(ids[*n as usize].unwrap_or(root_id)))
            .collect();
        let arr = doc.add_object(Object::Array(elems));
        nums.push(Object::Integer(pi as i64));
        nums.push(Object::Reference(arr));
        let d = doc
            .get_dictionary_mut(*page)
            .map_err(|e| failed("page", e))?;
        d.set("StructParents", Object::Integer(pi as i64));
        d.set("Tabs", name("S"));
    }
    for (key, elem) in annot_entries {
        nums.push(Object::Integer(key));
        nums.push(Object::Reference(elem));
    }
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", Object::Array(nums));
    let parent_tree = doc.add_object(parent_tree);

    let mut root = Dictionary::new();
    root.set("Type", name("StructTreeRoot"));
    if let Some(doc_elem) = ids[0] {
        root.set("K", Object::Array(vec![Object::Reference(doc_elem)]));
    }
    root.set("ParentTree", Object::Reference(parent_tree));
    if !id_tree.is_empty() {
        // A name tree of one leaf, its keys in order.
        let names = id_tree
            .into_iter()
            .flat_map(|(k, v)| [Object::string_literal(k.into_bytes()), Object::Reference(v)])
            .collect();
        let mut ids = Dictionary::new();
        ids.set("Names", Object::Array(names));
        root.set("IDTree", Object::Dictionary(ids));
    }
    root.set("ParentTreeNextKey", Object::Integer(next_key));
    doc.objects.insert(root_id, Object::Dictionary(root));
    Ok(root_id)
}
