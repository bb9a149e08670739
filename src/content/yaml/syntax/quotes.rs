//! Tabs, and quotes never closed: found where they start, repaired so
//! reading goes on.

use super::*;

/// Lines indented with a tab: YAML allows only spaces. Each is reported on
/// its own line and given the spaces the lines around it suggest.
pub(super) fn tabs(lines: &mut [String], found: &mut Vec<Mistake>) {
    let mut prev: Option<String> = None;
    for (i, slot) in lines.iter_mut().enumerate() {
        let line = slot.clone();
        let lead: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let blank = line[lead.len()..].trim().is_empty();
        if lead.contains('\t') && !blank {
            let want = match &prev {
                None => 0,
                Some(p) => {
                    let c = code(p);
                    let opens = c.ends_with(':')
                        || c.ends_with('|')
                        || c.ends_with('>')
                        || c.ends_with("|-")
                        || c.ends_with(">-");
                    let item = p.trim_start().starts_with("- ");
                    let this_item = line.trim_start().starts_with("- ");
                    if opens || (item && !this_item) {
                        indent(p) + 2
                    } else {
                        indent(p)
                    }
                }
            };
            set_indent(slot, want);
            found.push(mistake(
                Pos { line: i + 1, column: 1 },
                None,
                format!(
                    "this line is indented with a tab, which YAML does not allow: indent it with spaces ({want} here)"
                ),
            ));
        }
        let now = &*slot;
        if !now.trim().is_empty() && !now.trim_start().starts_with('#') {
            prev = Some(now.clone());
        }
    }
}

/// A value opened with a quote on an earlier line and not closed on it:
/// the parser reads on to the next quote and fails far below, so the
/// mistake is reported where the quote opens.
pub(super) fn unclosed_quote_before(e: &SyntaxError, lines: &mut [String]) -> Option<Mistake> {
    if !matches!(
        e.kind,
        ErrorKind::UnclosedQuotedScalar
            | ErrorKind::InvalidTrailingDoubleQuotedScalar
            | ErrorKind::InvalidTrailingSingleQuotedScalar
            | ErrorKind::MappingValueNotAllowed
            | ErrorKind::ExpectedBlockMappingKey
            | ErrorKind::ExpectedBlockSequenceEntry
            | ErrorKind::InvalidIndentation
            | ErrorKind::InvalidQuotedScalarIndent
    ) {
        return None;
    }
    for i in 0..e.pos.line.min(lines.len()) {
        let line = lines[i].trim_end_matches('\r');
        let b = body(line);
        let value = match key_of(line) {
            Some(k) => b[k.len() + 1..].trim_start(),
            None if line.trim_start().starts_with("- ") => b,
            None => continue,
        };
        let Some(q) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if closes(&value[1..], q) {
            continue;
        }
        // A multi-line quoted text closed properly further on is fine: the
        // quote that closes it ends its line.
        if (i + 1..lines.len()).find_map(|j| closing_line(&lines[j], q)) == Some(true)
            && i + 1 != e.pos.line
        {
            continue;
        }
        let column = line.chars().count() - value.chars().count() + 1;
        let end = if lines[i].ends_with('\r') {
            lines[i].len() - 1
        } else {
            lines[i].len()
        };
        lines[i].insert(end, q);
        return Some(Mistake {
            pos: Pos { line: i + 1, column },
            path: None,
            message: format!(
                "the quote {q} that starts the text here is never closed: end the text with {q} on this line"
            ),
            fatal: false,
            owns_line: true,
        });
    }
    None
}

/// Whether a quoted text (after its opening quote) closes on this line.
pub(super) fn closes(rest: &str, q: char) -> bool {
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if q == '"' => {
                chars.next();
            }
            c if c == q => {
                if q == '\'' && chars.peek() == Some(&'\'') {
                    chars.next();
                    continue;
                }
                return true;
            }
            _ => {}
        }
    }
    false
}

/// For the next line holding the quote `q`: `Some(true)` when that quote
/// ends the line (a multi-line text closing), `Some(false)` when it opens
/// another value.
pub(super) fn closing_line(line: &str, q: char) -> Option<bool> {
    let at = line.find(q)?;
    Some(code(&line[at + 1..]).is_empty())
}
