//! The recipients CSV: UTF-8, a header row, one applicant a row.
//!
//! The reader is strict RFC 4180 on purpose, and stricter still: one
//! applicant is one line. The `csv` crate is lenient by design: an unclosed
//! quote silently swallows the rest of the file into one field, and a stray
//! quote is taken literally. For a mailing that is the worst case (two
//! applicants merged into one message, or a mail sent to a garbled
//! address), so every row here is either exactly right or reported with its
//! line number and skipped, and reading goes on at the next line. No value
//! of a recipients file holds a line break, so a quoted value that runs on
//! to another line is a quote gone wrong, never a value: the row is
//! reported and the next line is read as the next applicant.

use crate::diagnostic::Diagnostic;
use std::fmt;

/// A row that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// 1-based line where the row starts (the header is line 1).
    pub line: usize,
    pub kind: BadRowKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadRowKind {
    /// A quoted value that is never closed, a quote inside an unquoted value,
    /// or text after a closing quote.
    BrokenQuoting(String),
    /// More or fewer values than the header has columns.
    FieldCount { found: usize, expected: usize },
}

impl BadRowKind {
    /// Why, in the few words the summary counts rows by.
    pub fn reason(&self) -> &'static str {
        match self {
            BadRowKind::BrokenQuoting(_) => "broken quoting",
            BadRowKind::FieldCount { found, expected } if found < expected => "missing columns",
            BadRowKind::FieldCount { .. } => "too many values",
        }
    }
}

impl fmt::Display for BadRowKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadRowKind::BrokenQuoting(why) => write!(f, "broken quoting: {why}"),
            BadRowKind::FieldCount { found, expected } if found < expected => write!(
                f,
                "missing columns: the row has {found} values, the header has {expected} columns"
            ),
            BadRowKind::FieldCount { found, expected } => write!(
                f,
                "too many values: the row has {found}, the header has {expected} columns \
                 (a value holding a comma must be in double quotes)"
            ),
        }
    }
}

/// One well-formed row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub fields: Vec<String>,
}

/// A whole file: the header, then every row in order, good or bad.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Result<Row, BadRow>>,
}

/// Reads a whole file. `Err` only when there is no usable header; the
/// caller knows the file's name and puts it on.
pub fn read(bytes: &[u8]) -> Result<Table, Diagnostic> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        Diagnostic::error(format!(
            "line {line}: the file is not UTF-8 text (in Excel: Save As, \
             'CSV UTF-8 (Comma delimited)')"
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader {
        s: text,
        pos: 0,
        line: 1,
    };
    let header = loop {
        match reader.record() {
            None => {
                return Err(Diagnostic::error(
                    "the file is empty: it needs a header row",
                ))
            }
            Some((_, Ok(fields))) if is_blank(&fields) => continue,
            Some((line, Ok(fields))) => break (line, fields),
            Some((line, Err(why))) => {
                return Err(Diagnostic::error(format!(
                    "line {line}: the header row has broken quoting: {why}"
                )))
            }
        }
    };
    let (_, header) = header;
    let expected = header.len();
    let mut rows = Vec::new();
    while let Some((line, r)) = reader.record() {
        match r {
            Ok(fields) if is_blank(&fields) => {}
            Ok(fields) if fields.len() != expected => rows.push(Err(BadRow {
                line,
                kind: BadRowKind::FieldCount {
                    found: fields.len(),
                    expected,
                },
            })),
            Ok(fields) => rows.push(Ok(Row { line, fields })),
            Err(why) => rows.push(Err(BadRow {
                line,
                kind: BadRowKind::BrokenQuoting(why),
            })),
        }
    }
    Ok(Table {
        header: header.into_iter().map(|h| h.trim().to_string()).collect(),
        rows,
    })
}

/// An empty line (or one of only commas and spaces) is no row at all.
fn is_blank(fields: &[String]) -> bool {
    fields.iter().all(|f| f.trim().is_empty())
}

struct Reader<'a> {
    s: &'a str,
    /// Byte offset of the next record.
    pos: usize,
    /// Line of `pos`, 1-based.
    line: usize,
}

impl Reader<'_> {
    /// The next record and the line it starts on. After a broken record,
    /// reading resumes at the line after the one the record started on, so
    /// one bad quote costs one row, not the rest of the file.
    fn record(&mut self) -> Option<(usize, Result<Vec<String>, String>)> {
        if self.pos >= self.s.len() {
            return None;
        }
        let start = (self.pos, self.line);
        match self.parse() {
            Ok(fields) => Some((start.1, Ok(fields))),
            Err(why) => {
                let rest = &self.s[start.0..];
                self.pos = start.0 + rest.find('\n').map_or(rest.len(), |i| i + 1);
                self.line = start.1 + 1;
                Some((start.1, Err(why)))
            }
        }
    }

    fn parse(&mut self) -> Result<Vec<String>, String> {
        let s = self.s;
        let b = s.as_bytes();
        let mut fields = Vec::new();
        let mut i = self.pos;
        loop {
            let mut field = String::new();
            if b.get(i) == Some(&b'"') {
                let opened = self.line;
                i += 1;
                loop {
                    let line_end = s[i..].find('\n').map_or(s.len(), |e| i + e);
                    let Some(q) = s[i..].find('"').map(|q| i + q) else {
                        return Err(format!(
                            "the quoted value opened on line {opened} is never closed"
                        ));
                    };
                    if q > line_end {
                        return Err(format!(
                            "the quoted value opened on line {opened} is never closed on its line: a quote is missing or extra (no value may hold a line break)"
                        ));
                    }
                    if s[i..q].contains('\n') {
                        return Err(format!(
                            "the quoted value opened on line {opened} runs on to the next line: a quote is missing or extra (no value may hold a line break)"
                        ));
                    }
                    field.push_str(&s[i..q]);
                    i = q + 1;
                    if b.get(i) == Some(&b'"') {
                        field.push('"');
                        i += 1;
                    } else {
                        break;
                    }
                }
                match b.get(i) {
                    None | Some(b',' | b'\n') => {}
                    Some(b'\r') if matches!(b.get(i + 1), None | Some(b'\n')) => {}
                    Some(_) if self.line > opened => {
                        return Err(format!(
                            "the quoted value opened on line {opened} is never closed \
                             (it runs on to line {})",
                            self.line
                        ))
                    }
                    Some(_) => {
                        return Err(format!(
                            "text after the closing quote of \"{}\" (a quote inside a \
                             quoted value is written twice: \"\")",
                            clip(&field)
                        ))
                    }
                }
            } else {
                let end = s[i..].find([',', '\n']).map_or(s.len(), |e| i + e);
                let raw = s[i..end].strip_suffix('\r').unwrap_or(&s[i..end]);
                if raw.contains('"') {
                    return Err(format!(
                        "a quote inside the unquoted value {} (quote the whole value and \
                         write the quote twice: \"\")",
                        clip(raw)
                    ));
                }
                field.push_str(raw);
                i = end;
            }
            fields.push(field);
            match b.get(i) {
                Some(b',') => i += 1,
                Some(b'\r') => {
                    i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    self.line += 1;
                    break;
                }
                Some(b'\n') => {
                    i += 1;
                    self.line += 1;
                    break;
                }
                _ => break,
            }
        }
        self.pos = i;
        Ok(fields)
    }
}

/// A value shortened for a message.
fn clip(s: &str) -> String {
    let s = s.replace(['\r', '\n'], " ");
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Rows<'a> = Vec<Result<(usize, Vec<&'a str>), (usize, String)>>;

    fn rows(t: &Table) -> Rows<'_> {
        t.rows
            .iter()
            .map(|r| match r {
                Ok(r) => Ok((r.line, r.fields.iter().map(String::as_str).collect())),
                Err(e) => Err((e.line, e.kind.to_string())),
            })
            .collect()
    }

    #[test]
    fn reads_quoted_values_crlf_and_a_bom() {
        let t = read(
            "\u{feff}name,email,note\r\n\"Smith, Ann\",ann@x.org,\"said \"\"hi\"\"\"\r\n\r\nBob,bob@x.org,\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(t.header, ["name", "email", "note"]);
        assert_eq!(
            rows(&t),
            [
                Ok((2, vec!["Smith, Ann", "ann@x.org", "said \"hi\""])),
                Ok((4, vec!["Bob", "bob@x.org", ""]))
            ]
        );
    }

    #[test]
    fn a_stray_quote_never_merges_two_applicants() {
        // The quote before Ann's name is never closed on her line; a later
        // quote would once have closed it, making Ann and Bob one message.
        let csv = "name,email,job\n\"Ann Smith,ann@example.org,pals-officer\nBob Jones,bob@example.org,\"pals-officer\"\nCy,\"cy@example.org\nDi\",di@example.org,pals-officer\n";
        let t = read(csv.as_bytes()).unwrap();
        let r = rows(&t);
        assert!(
            matches!(&r[0], Err((2, m)) if m.contains("line 2 is never closed on its line")),
            "{r:?}"
        );
        assert_eq!(
            r[1],
            Ok((3, vec!["Bob Jones", "bob@example.org", "pals-officer"]))
        );
        assert!(
            matches!(&r[2], Err((4, m)) if m.contains("line 4")),
            "{r:?}"
        );
        assert!(matches!(&r[3], Err((5, _))), "{r:?}");
        assert_eq!(r.len(), 4);
    }

    #[test]
    fn a_broken_row_is_reported_and_the_rest_are_read() {
        let csv = "name,email\nAnn,ann@x.org\n\"Bob,bob@x.org\nCy,cy@x.org\nDi \"D\" Jones,di@x.org\n\"Ed\" E,ed@x.org\nFay,fay@x.org,extra\nGus\nHal,hal@x.org";
        let t = read(csv.as_bytes()).unwrap();
        let r = rows(&t);
        assert_eq!(r[0], Ok((2, vec!["Ann", "ann@x.org"])));
        assert!(
            matches!(&r[1], Err((3, m)) if m.contains("opened on line 3 is never closed")),
            "{r:?}"
        );
        assert_eq!(r[2], Ok((4, vec!["Cy", "cy@x.org"])));
        assert!(matches!(&r[3], Err((5, m)) if m.contains("a quote inside the unquoted value")));
        assert!(matches!(&r[4], Err((6, m)) if m.contains("text after the closing quote")));
        assert!(matches!(&r[5], Err((7, m)) if m.starts_with("too many values")));
        assert!(matches!(&r[6], Err((8, m)) if m.starts_with("missing columns")));
        assert_eq!(r[7], Ok((9, vec!["Hal", "hal@x.org"])));
        assert_eq!(r.len(), 8);
    }

    #[test]
    fn a_file_that_is_not_utf8_or_has_no_header_is_refused() {
        assert!(read(b"name,email\nJos\xe9,j@x.org\n")
            .unwrap_err()
            .message
            .contains("line 2: the file is not UTF-8"));
        assert!(read(b"\n\n").unwrap_err().message.contains("empty"));
    }
}
