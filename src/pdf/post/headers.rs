//! Which header cells head each table cell, as Typst's tagged output says
//! it: every `TH` gets an `/ID`, and every cell `/Headers` (a `/Table`
//! attribute) naming the `TH` of its column (from the `THead` row) and of
//! its row (a key fact's label), so a screen reader can announce a cell
//! with its headers even where `/Scope` alone leaves it to guess
//! (ISO 32000-1, 14.8.5.7; PDF/UA-1, 7.5).

use crate::pdf::tags::{Role, Scope, Tree};

/// For each node of the tree: its `/ID` (header cells only) and the IDs of
/// the header cells that head it (cells only; empty for others).
pub(super) struct Cells {
    pub(super) id: Vec<Option<String>>,
    pub(super) headers: Vec<Vec<String>>,
}

/// The IDs and headers of every table's cells. Only nodes that are
/// written (`keep`) get an ID or are named in `/Headers`.
pub(super) fn cells(tree: &Tree, keep: &[bool]) -> Cells {
    let n = tree.nodes.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, node) in tree.nodes.iter().enumerate().skip(1) {
        if let Some(c) = children.get_mut(node.parent as usize) {
            c.push(i);
        }
    }
    let mut out = Cells {
        id: vec![None; n],
        headers: vec![Vec::new(); n],
    };
    let kept = |i: usize| keep.get(i).copied().unwrap_or(false);
    let tables = (0..n).filter(|&i| tree.nodes[i].role == Role::Table && kept(i));
    for (t, table) in tables.enumerate() {
        // Its rows in order, each with whether it is a header row.
        let mut rows: Vec<(usize, bool)> = Vec::new();
        for &kid in &children[table] {
            match tree.nodes[kid].role {
                Role::TR => rows.push((kid, false)),
                Role::THead => rows.extend(children[kid].iter().map(|&r| (r, true))),
                Role::TBody => rows.extend(children[kid].iter().map(|&r| (r, false))),
                _ => {}
            }
        }
        let mut column_heads: Vec<Option<String>> = Vec::new();
        for (r, &(row, in_head)) in rows.iter().enumerate() {
            // Cells in column order (the order they were made), kept or not,
            // so an empty cell keeps its column.
            let cells: Vec<usize> = children[row]
                .iter()
                .copied()
                .filter(|&c| matches!(tree.nodes[c].role, Role::TH(_) | Role::TD))
                .collect();
            let id_of = |c: usize, col: usize| kept(c).then(|| format!("T{}R{r}C{col}", t + 1));
            let row_head = cells.iter().enumerate().find_map(|(col, &c)| {
                (tree.nodes[c].role == Role::TH(Scope::Row))
                    .then(|| id_of(c, col))
                    .flatten()
            });
            for (col, &c) in cells.iter().enumerate() {
                let column = column_heads.get(col).cloned().flatten();
                match tree.nodes[c].role {
                    Role::TH(Scope::Column) if in_head => {
                        out.id[c] = id_of(c, col);
                        if column_heads.len() <= col {
                            column_heads.resize(col + 1, None);
                        }
                        column_heads[col] = out.id[c].clone();
                    }
                    Role::TH(_) => {
                        out.id[c] = id_of(c, col);
                        out.headers[c].extend(column);
                    }
                    _ => {
                        out.headers[c].extend(column);
                        out.headers[c].extend(row_head.clone());
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::tags::{NodeId, ROOT};

    #[test]
    fn cells_name_their_column_and_row_headers() {
        let mut t = Tree::new("en-GB");
        // A data table with a header row.
        let table = t.add(Role::Table, ROOT, None);
        let head = t.add(Role::THead, table, None);
        let body = t.add(Role::TBody, table, None);
        let tr = t.add(Role::TR, head, None);
        let h0 = t.add(Role::TH(Scope::Column), tr, None);
        let h1 = t.add(Role::TH(Scope::Column), tr, None);
        let tr = t.add(Role::TR, body, None);
        let d0 = t.add(Role::TD, tr, None);
        let d1 = t.add(Role::TD, tr, None);
        // Key facts: a row header per row, no header row.
        let facts = t.add(Role::Table, ROOT, None);
        let tr = t.add(Role::TR, facts, None);
        let label = t.add(Role::TH(Scope::Row), tr, None);
        let value = t.add(Role::TD, tr, None);
        let keep = vec![true; t.nodes.len()];
        let c = cells(&t, &keep);
        let id = |n: NodeId| c.id[n as usize].clone();
        let heads = |n: NodeId| c.headers[n as usize].clone();
        assert_eq!(id(h0).as_deref(), Some("T1R0C0"));
        assert_eq!(id(h1).as_deref(), Some("T1R0C1"));
        assert_eq!(heads(d0), ["T1R0C0"]);
        assert_eq!(heads(d1), ["T1R0C1"]);
        assert_eq!(id(d0), None, "only header cells get an ID");
        assert_eq!(id(label).as_deref(), Some("T2R0C0"));
        assert_eq!(heads(value), ["T2R0C0"]);
        assert!(heads(label).is_empty());
        // A header cell that is not written is named nowhere.
        let mut keep = keep;
        keep[h1 as usize] = false;
        let c = cells(&t, &keep);
        assert!(c.headers[d1 as usize].is_empty());
        assert_eq!(c.id[h1 as usize], None);
    }
}
