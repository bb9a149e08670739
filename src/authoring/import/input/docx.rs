//! Word documents (`.docx`), read with docx-rs's reader, which is what
//! trusts' existing job descriptions are: headings by their style (Title,
//! Heading 1–6, or a style based on one), list items by their numbering
//! (or a List style), tables row by row (a two-cell row as `Label: value`),
//! other paragraphs as they are. Headers and footers are not read (they
//! are the trust's name and page numbers). The archive is checked before
//! anything is unpacked: no part over the cap and not too many parts, so a
//! "zip bomb" is refused, not inflated.

use super::marked::{Block, Marked};
use super::MAX_INPUT_BYTES;
use docx_rs::{
    DocumentChild, Paragraph, ParagraphChild, RunChild, Table, TableCellContent, TableChild,
    TableRowChild,
};
use std::collections::HashMap;
use std::io::Cursor;

/// Most parts a Word document of a job may have.
const MAX_PARTS: usize = 2_000;
/// Most bytes all its parts may hold unpacked.
const MAX_UNPACKED: u64 = 4 * MAX_INPUT_BYTES;

/// Checks the archive's parts before docx-rs unpacks them.
fn check_archive(bytes: &[u8]) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| {
        "is a zip archive `import` cannot open; a Word document (.docx) is expected".to_string()
    })?;
    if zip.len() > MAX_PARTS {
        return Err(format!(
            "is a zip archive of {} parts, more than a Word document of a job has ({MAX_PARTS})",
            zip.len()
        ));
    }
    let mut total = 0u64;
    let mut has_document = false;
    let mut open_document = false;
    for i in 0..zip.len() {
        let f = zip
            .by_index_raw(i)
            .map_err(|_| "is a damaged zip archive".to_string())?;
        total = total.saturating_add(f.size());
        has_document |= f.name() == "word/document.xml";
        open_document |= f.name() == "content.xml"
            || f.name().starts_with("xl/")
            || f.name().starts_with("ppt/");
        if f.size() > MAX_UNPACKED || total > MAX_UNPACKED {
            return Err(format!(
                "is a Word document that unpacks to more than {} MiB, the most `import` reads",
                MAX_UNPACKED / (1024 * 1024)
            ));
        }
    }
    if !has_document {
        return Err(if open_document {
            "is an OpenDocument, Excel or PowerPoint file, not a Word document; save it as a Word document (.docx) or as text".into()
        } else {
            "is a zip archive, not a Word document (.docx)".into()
        });
    }
    Ok(())
}

/// The text of a paragraph's runs, hyperlinks and insertions.
fn para_text(children: &[ParagraphChild], out: &mut String) {
    for c in children {
        match c {
            ParagraphChild::Run(run) => {
                for rc in &run.children {
                    match rc {
                        RunChild::Text(t) => out.push_str(&t.text),
                        RunChild::Tab(_) | RunChild::PTab(_) => out.push(' '),
                        RunChild::Break(_) | RunChild::CarriageReturn(_) => out.push('\n'),
                        _ => {}
                    }
                }
            }
            ParagraphChild::Hyperlink(h) => para_text(&h.children, out),
            ParagraphChild::Insert(ins) => {
                for ic in &ins.children {
                    if let docx_rs::InsertChild::Run(run) = ic {
                        para_text(&[ParagraphChild::Run(run.clone())], out);
                    }
                }
            }
            _ => {}
        }
    }
}

/// What each paragraph style is, by its name and what it is based on.
struct Styles {
    /// Style id → (heading level, list).
    kinds: HashMap<String, (Option<u8>, bool)>,
}

impl Styles {
    fn new(docx: &docx_rs::Docx) -> Styles {
        let mut own: HashMap<String, (Option<u8>, bool, Option<String>)> = HashMap::new();
        for s in &docx.styles.styles {
            let level = if s.name.is_heading() {
                s.name.get_heading_number().map(|n| n.clamp(1, 6) as u8)
            } else if s.name.starts_with("Title") || s.name.starts_with("title") {
                Some(1)
            } else {
                None
            };
            let list = s.name.starts_with("List") || s.name.starts_with("list");
            // `BasedOn` keeps its value private; it serialises as the id.
            let base = s
                .based_on
                .as_ref()
                .and_then(|b| serde_json::to_value(b).ok())
                .and_then(|v| v.as_str().map(String::from));
            own.insert(s.style_id.clone(), (level, list, base));
        }
        let mut kinds = HashMap::new();
        for id in own.keys() {
            let (mut level, mut list) = (None, false);
            let mut at = Some(id.clone());
            // Up the chain of `basedOn`, at most a few steps.
            for _ in 0..8 {
                let Some(cur) = at.take() else { break };
                let Some((l, li, base)) = own.get(&cur) else {
                    break;
                };
                level = level.or(*l);
                list |= *li;
                at = base.clone();
            }
            kinds.insert(id.clone(), (level, list));
        }
        Styles { kinds }
    }

    fn of(&self, p: &Paragraph) -> (Option<u8>, bool) {
        let id = p
            .property
            .style
            .as_ref()
            .map(|s| s.val.as_str())
            .unwrap_or("");
        let (mut level, list) = self.kinds.get(id).copied().unwrap_or((None, false));
        // Ids Word gives its built-in styles, when the styles part is missing.
        if level.is_none() {
            if let Some(n) = id
                .strip_prefix("Heading")
                .and_then(|n| n.parse::<u8>().ok())
            {
                level = Some(n.clamp(1, 6));
            } else if id == "Title" {
                level = Some(1);
            }
        }
        (level, list || p.property.numbering_property.is_some())
    }
}

fn paragraph(p: &Paragraph, styles: &Styles, m: &mut Marked) {
    let mut t = String::new();
    para_text(&p.children, &mut t);
    match styles.of(p) {
        (Some(level), _) => m.push(Block::Heading(level, t.replace('\n', " "))),
        (None, true) => m.push(Block::Item(t.replace('\n', " "))),
        (None, false) => m.push(Block::Para(t)),
    }
}

fn table(t: &Table, m: &mut Marked) {
    for TableChild::TableRow(row) in &t.rows {
        let mut cells = Vec::new();
        for TableRowChild::TableCell(cell) in &row.cells {
            let mut s = String::new();
            for c in &cell.children {
                match c {
                    TableCellContent::Paragraph(p) => {
                        let mut pt = String::new();
                        para_text(&p.children, &mut pt);
                        if !s.is_empty() && !pt.is_empty() {
                            s.push('\n');
                        }
                        s.push_str(&pt);
                    }
                    TableCellContent::Table(inner) => table(inner, m),
                    _ => {}
                }
            }
            cells.push(s);
        }
        let cells: Vec<String> = cells.into_iter().filter(|c| !c.trim().is_empty()).collect();
        match cells.as_slice() {
            [] => {}
            // A one-cell row is a box of text (a callout): its paragraphs.
            [one] => {
                for l in one.lines() {
                    m.push(Block::Para(l.to_string()));
                }
            }
            [l, v] => m.push(Block::Pair(l.replace('\n', " "), v.replace('\n', "; "))),
            _ => m.push(Block::Row(
                cells.iter().map(|c| c.replace('\n', " ")).collect(),
            )),
        }
    }
}

/// Reads a Word document's body.
pub fn read(bytes: &[u8]) -> Result<Marked, String> {
    check_archive(bytes)?;
    let options = docx_rs::ReadDocxOptions::default().with_image_previews(false);
    // docx-rs is given only an archive checked above; a panic inside it on
    // a malformed part is still an error about the file, never a crash.
    let read = std::panic::catch_unwind(|| docx_rs::read_docx_with_options(bytes, options));
    let docx = match read {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => return Err(format!("is a Word document that cannot be read ({e})")),
        Err(_) => return Err("is a Word document that cannot be read (a damaged part)".into()),
    };
    let styles = Styles::new(&docx);
    let mut m = Marked::default();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => paragraph(p, &styles, &mut m),
            DocumentChild::Table(t) => table(t, &mut m),
            _ => {}
        }
    }
    Ok(m)
}
