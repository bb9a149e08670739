//! Tables in the body: data tables, key facts, call-out boxes and columns,
//! as docx-rs tables.
//!
//! Tables are laid out with a fixed grid in twips that adds up to exactly
//! the width they sit in, so nothing overflows the page, however deep
//! call-outs and columns nest. Each table registers a [`TableNote`] (its
//! caption, description, header rows and `w:tblLook`) for the patches,
//! since docx-rs writes none of them.

use docx_rs::{Table, TableCell, TableLayoutType, TableRow, WidthType};

use super::body::{Body, Flow, Frame};
use super::names::id;
use super::patch::{mark, Look, Marker, TableNote};
use crate::document::{Block, Fact, Inline};

/// Cell margins (left + right) of the table styles, in twips; see `styles.rs`.
const CALLOUT_CELL_PAD: u32 = 2 * 227;
const LAYOUT_GUTTER: u32 = 284;
/// Share of a key-facts table taken by the label column, in per cent.
const FACT_LABEL_PERCENT: u32 = 34;

/// Where a table row is.
#[derive(Debug, Clone, Copy)]
struct Row {
    /// The header row, repeated on every page the table runs onto.
    header: bool,
    last: bool,
}

impl Body<'_> {
    /// A table in `style` over a grid of `cols` (twips), described by `note`.
    fn new_table(
        &mut self,
        style: &str,
        note: TableNote,
        cols: &[u32],
        rows: Vec<TableRow>,
    ) -> Table {
        self.tables.push(note);
        self.part.notes.markers += 1;
        let style = mark(style, &Marker::Table(self.tables.len() - 1));
        let width: u32 = cols.iter().sum();
        Table::without_borders(rows)
            .style(style)
            .width(width as usize, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .set_grid(cols.iter().map(|&c| c as usize).collect())
    }

    /// A cell holding one paragraph of inline content: Table Heading in a
    /// header row, kept with the next row so short tables do not split.
    fn inline_cell(&mut self, row: Row, width: u32, span: usize, content: &[Inline]) -> TableCell {
        let style = if row.header { id::TABLE_HEADING } else { "" };
        let mut p = self.paragraph(style);
        if !row.last {
            p = p.keep_next(true);
        }
        let p = self.with_inlines(p, content);
        let cell = TableCell::new().width(width as usize, WidthType::Dxa);
        let cell = if span > 1 { cell.grid_span(span) } else { cell };
        cell.add_paragraph(p)
    }

    /// A cell holding blocks; Word requires a cell to end with a
    /// paragraph, so one that would end with a table (or hold nothing) gets
    /// an empty one in the Table End style, a point high.
    fn block_cell(
        &mut self,
        width: u32,
        inner: Frame,
        head: Vec<Flow>,
        blocks: &[Block],
    ) -> TableCell {
        let mut flow = head;
        self.blocks(blocks, inner, &mut flow);
        if !matches!(flow.last(), Some(Flow::Para(_))) {
            let end = self.paragraph(id::TABLE_END);
            flow.push(Flow::Para(Box::new(end)));
        }
        let mut cell = TableCell::new().width(width as usize, WidthType::Dxa);
        for item in flow {
            cell = match item {
                Flow::Para(p) => cell.add_paragraph(*p),
                Flow::Table(t) => cell.add_table(*t),
            };
        }
        cell
    }

    /// A data table; the first row is a header row when `header` is set.
    pub(crate) fn table(&mut self, header: bool, rows: &[Vec<Vec<Inline>>], frame: Frame) -> Table {
        let ncols = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let cols = split_width(frame.width, &vec![1; ncols]);
        let first: Vec<String> = rows
            .first()
            .map(|r| r.iter().map(|c| Inline::plain(c)).collect())
            .unwrap_or_default();
        let note = TableNote {
            look: Look {
                first_row: header,
                first_col: false,
            },
            caption: self
                .last_heading
                .as_ref()
                .map_or(self.labels.table.text(), |(_, t)| t.clone()),
            description: if header {
                self.labels.columns(&first.join(", ")).text()
            } else {
                first.join(" | ")
            },
            header_rows: usize::from(header && !rows.is_empty()),
        };
        let mut out = Vec::with_capacity(rows.len().max(1));
        for (r, cells) in rows.iter().enumerate() {
            let row = Row {
                header: header && r == 0,
                last: r + 1 == rows.len(),
            };
            let cells = cols
                .iter()
                .enumerate()
                .map(|(c, width)| {
                    self.inline_cell(row, *width, 1, cells.get(c).map_or(&[][..], Vec::as_slice))
                })
                .collect();
            out.push(TableRow::new(cells).cant_split());
        }
        if rows.is_empty() {
            out.push(self.empty_row(cols[0], 1));
        }
        self.new_table(id::TABLE_GRID, note, &cols, out)
    }

    /// The row a table with no rows still needs.
    fn empty_row(&mut self, width: u32, span: usize) -> TableRow {
        let row = Row {
            header: false,
            last: true,
        };
        TableRow::new(vec![self.inline_cell(row, width, span, &[])]).cant_split()
    }

    /// Key facts: a two-column table in the Key Facts style, its title (if
    /// any) a header row across both columns.
    pub(crate) fn facts(&mut self, title: Option<&[Inline]>, rows: &[Fact], frame: Frame) -> Table {
        let label = frame.width * FACT_LABEL_PERCENT / 100;
        let cols = [label, frame.width - label];
        let labels: Vec<String> = rows.iter().map(|f| Inline::plain(&f.label)).collect();
        let note = TableNote {
            look: Look {
                first_row: title.is_some(),
                first_col: true,
            },
            caption: title.map_or(self.labels.key_facts.text(), Inline::plain),
            description: labels.join(", "),
            header_rows: usize::from(title.is_some()),
        };
        let mut out = Vec::with_capacity(rows.len() + 1);
        if let Some(title) = title {
            let row = Row {
                header: true,
                last: rows.is_empty(),
            };
            out.push(
                TableRow::new(vec![self.inline_cell(row, frame.width, 2, title)]).cant_split(),
            );
        }
        for (r, fact) in rows.iter().enumerate() {
            let row = Row {
                header: false,
                last: r + 1 == rows.len(),
            };
            let cells = vec![
                self.inline_cell(row, cols[0], 1, &fact.label),
                self.inline_cell(row, cols[1], 1, &fact.value),
            ];
            out.push(TableRow::new(cells).cant_split());
        }
        if out.is_empty() {
            out.push(self.empty_row(frame.width, 2));
        }
        self.new_table(id::KEY_FACTS, note, &cols, out)
    }

    /// A call-out: a one-cell table in the Call-out Box style (shaded, a
    /// brand-coloured bar on the left). Its title is a real heading, one
    /// level with the section it follows, so it is in Word's navigation
    /// pane and a screen reader's list of headings.
    pub(crate) fn callout(
        &mut self,
        title: Option<&[Inline]>,
        blocks: &[Block],
        frame: Frame,
    ) -> Table {
        let level = self.last_heading.as_ref().map_or(1, |(l, _)| *l);
        let note = TableNote {
            caption: title.map_or(self.labels.note.text(), Inline::plain),
            description: self.labels.callout.text(),
            ..TableNote::default()
        };
        let outer = self.last_heading.clone();
        let mut head = Vec::new();
        if let Some(title) = title {
            self.last_heading = Some((level, Inline::plain(title)));
            let p = self.paragraph(id::HEADINGS[usize::from(level) - 1]);
            head.push(Flow::Para(Box::new(self.with_inlines(p, title))));
        }
        let inner = Frame {
            width: frame.width.saturating_sub(CALLOUT_CELL_PAD).max(1_000),
        };
        let cell = self.block_cell(frame.width, inner, head, blocks);
        self.last_heading = outer;
        let rows = vec![TableRow::new(vec![cell]).cant_split()];
        self.new_table(id::CALLOUT, note, &[frame.width], rows)
    }

    /// Columns as a borderless layout table, one cell per column: it keeps
    /// them side by side in Word and LibreOffice and edits like a table.
    pub(crate) fn columns(&mut self, columns: &[Vec<Block>], frame: Frame, out: &mut Vec<Flow>) {
        match columns.len() {
            0 => return,
            1 => return self.blocks(&columns[0], frame, out),
            _ => {}
        }
        let cols = split_width(frame.width, &vec![1; columns.len()]);
        let note = TableNote {
            caption: self
                .last_heading
                .as_ref()
                .map_or(self.labels.layout_table.text(), |(_, t)| t.clone()),
            description: self.labels.layout_table.text(),
            ..TableNote::default()
        };
        let cells = columns
            .iter()
            .zip(&cols)
            .map(|(column, width)| {
                let inner = Frame {
                    width: width.saturating_sub(LAYOUT_GUTTER).max(1_000),
                };
                self.block_cell(*width, inner, Vec::new(), column)
            })
            .collect();
        let rows = vec![TableRow::new(cells).cant_split()];
        out.push(Flow::Table(Box::new(self.new_table(
            id::LAYOUT,
            note,
            &cols,
            rows,
        ))));
    }
}

/// `width` split in proportion to `weights`, the last column taking the
/// rounding so the grid adds up exactly.
fn split_width(width: u32, weights: &[u32]) -> Vec<u32> {
    let total: u32 = weights.iter().sum::<u32>().max(1);
    let mut cols: Vec<u32> = weights.iter().map(|w| width * w / total).collect();
    let used: u32 = cols.iter().sum();
    if let Some(last) = cols.last_mut() {
        *last += width - used;
    }
    cols
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grids_add_up_to_the_width() {
        assert_eq!(split_width(9_638, &[1, 1, 1]), vec![3_212, 3_212, 3_214]);
        assert_eq!(split_width(100, &[]), Vec::<u32>::new());
    }
}
