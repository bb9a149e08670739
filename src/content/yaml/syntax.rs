//! YAML syntax mistakes in plain words, each with its fix, and reading on
//! past them.
//!
//! The mistakes people make most (text holding `: `, a line out of line, a
//! tab, a quote never closed, `skills: - a`) stop a YAML parser at once,
//! in its own words ("mapping values are not allowed in this context").
//! Here each is explained with the line to change and how, and then
//! *repaired in a scratch copy* (the colon made harmless, the line moved to
//! where it belongs, the tab made spaces, the quote closed) so reading can
//! go on and the rest of the file is checked in the same run. Repairs
//! never add or remove lines, so every later line number is the file's
//! own. A mistake that cannot be repaired ends the file's report, and the
//! message says so.

use super::tree::{self, Open, Pos, SyntaxError, Tree};
use super::validate::fields_at;
use super::words;
use serde_json::Value;
use serde_saphyr::granit_parser::ErrorKind;

/// Most mistakes repaired in one file before giving up on it.
const MAX_REPAIRS: usize = 200;

/// One syntax mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    pub pos: Pos,
    /// The field, when known (filled in from the repaired tree otherwise).
    pub path: Option<String>,
    pub message: String,
    /// Reading stopped here: the rest of the file was not checked.
    pub fatal: bool,
    /// The repair changed the line's value, so other findings on this line
    /// are about the scratch copy, not the file: drop them.
    pub owns_line: bool,
}

/// Reads `text` as a tree, explaining and repairing syntax mistakes on the
/// way; `None` when a mistake could not be repaired.
pub fn read(text: &str, schema: &Value) -> (Option<Tree>, Vec<Mistake>) {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut found = Vec::new();
    tabs(&mut lines, &mut found);
    for _ in 0..MAX_REPAIRS {
        let joined = lines.join("\n");
        let e = match tree::read(&joined) {
            Ok(t) => return (Some(t), found),
            Err(e) => e,
        };
        let before = lines.clone();
        let mistake =
            unclosed_quote_before(&e, &mut lines).or_else(|| explain(&e, &mut lines, schema));
        match mistake {
            Some(m) if lines != before => {
                if !found
                    .iter()
                    .any(|f: &Mistake| f.pos.line == m.pos.line && f.message == m.message)
                {
                    found.push(m);
                }
            }
            other => {
                let mut m = other.unwrap_or_else(|| fallback(&e));
                m.fatal = true;
                m.message.push_str(
                    "; careerpress cannot read the rest of this file until this is fixed, so it was not checked",
                );
                found.push(m);
                return (None, found);
            }
        }
    }
    let last = found
        .last()
        .map(|m| m.pos)
        .unwrap_or(Pos { line: 1, column: 1 });
    found.push(Mistake {
        pos: last,
        path: None,
        message: "too many mistakes to read on; fix these first, then check again".into(),
        fatal: true,
        owns_line: false,
    });
    (None, found)
}

/// List items merged into the item above: a line starting `- ` indented
/// further than the items of its list is, to YAML, more text of the item
/// before it, and an item would be lost silently. Found on the file's own
/// lines, for every list of plain items in the tree.
pub fn merged_items(tree: &Tree, text: &str) -> Vec<Mistake> {
    fn walk(node: &tree::Node, path: &str, lines: &[&str], out: &mut Vec<Mistake>) {
        match node {
            tree::Node::Seq {
                items, flow: false, ..
            } => {
                for (i, item) in items.iter().enumerate() {
                    let p = format!("{path}[{i}]");
                    if let tree::Node::Scalar {
                        pos,
                        style: tree::Style::Plain,
                        value,
                    } = item
                    {
                        if value.contains(" - ") {
                            check_item(
                                *pos,
                                &p,
                                items.get(i + 1).map(|n| n.pos().line),
                                lines,
                                out,
                            );
                        }
                    }
                    walk(item, &p, lines, out);
                }
            }
            tree::Node::Seq { items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"), lines, out);
                }
            }
            tree::Node::Map { entries, .. } => {
                for (k, _, n) in entries {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(n, &p, lines, out);
                }
            }
            _ => {}
        }
    }
    fn check_item(
        pos: Pos,
        path: &str,
        next: Option<usize>,
        lines: &[&str],
        out: &mut Vec<Mistake>,
    ) {
        let Some(first) = lines.get(pos.line - 1) else {
            return;
        };
        let dash = indent(first) + 1;
        let end = next.unwrap_or(lines.len() + 1);
        let last = end.saturating_sub(1).min(lines.len());
        for (j, l) in lines.iter().enumerate().take(last).skip(pos.line) {
            if l.trim_start().starts_with("- ") && indent(l) + 1 > dash {
                out.push(Mistake {
                    pos: Pos { line: j + 1, column: indent(l) + 1 },
                    path: Some(path.to_string()),
                    message: format!(
                        "this line starts with `- ` at column {}, further in than the items of its list (column {dash}), so YAML reads it as more text of the item on line {}: move it to column {dash} to make it an item of its own",
                        indent(l) + 1,
                        pos.line
                    ),
                    fatal: false,
                    owns_line: false,
                });
            }
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    walk(&tree.root, "", &lines, &mut out);
    out
}

/// The number of spaces a line starts with.
fn indent(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ').count()
}

/// The line without its indentation, list dash and line end.
fn body(line: &str) -> &str {
    let t = line.trim_start_matches(' ').trim_end_matches('\r');
    t.strip_prefix("- ").unwrap_or(t)
}

/// The line without a trailing comment (roughly: ` #` outside quotes).
fn code(line: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev == ' ' || prev == '\t' => return line[..i].trim_end(),
            _ => {}
        }
        prev = c;
    }
    line.trim_end()
}

/// The key a line starts with (`pattern` for `  pattern: 9am`), if any.
fn key_of(line: &str) -> Option<&str> {
    let b = body(line);
    let end = b
        .find(": ")
        .or_else(|| b.ends_with(':').then(|| b.len() - 1))?;
    let key = &b[..end];
    (!key.is_empty() && !key.contains(['"', '\'', '[', '{', '#'])).then_some(key)
}

fn set_indent(line: &mut String, spaces: usize) {
    let rest = line.trim_start_matches([' ', '\t']).to_string();
    *line = format!("{}{rest}", " ".repeat(spaces));
}

/// Replaces the character at a 0-based character index.
fn replace_char(line: &mut String, index: usize, with: &str) {
    if let Some((b, c)) = line.char_indices().nth(index) {
        line.replace_range(b..b + c.len_utf8(), with);
    }
}

/// A colon that YAML will not read as a field's colon (U+A789).
const SAFE_COLON: &str = "\u{A789}";

fn mistake(pos: Pos, path: Option<String>, message: String) -> Mistake {
    Mistake {
        pos,
        path,
        message,
        fatal: false,
        owns_line: false,
    }
}

/// Lines indented with a tab: YAML allows only spaces. Each is reported on
/// its own line and given the spaces the lines around it suggest.
fn tabs(lines: &mut [String], found: &mut Vec<Mistake>) {
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
fn unclosed_quote_before(e: &SyntaxError, lines: &mut [String]) -> Option<Mistake> {
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
fn closes(rest: &str, q: char) -> bool {
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
fn closing_line(line: &str, q: char) -> Option<bool> {
    let at = line.find(q)?;
    Some(code(&line[at + 1..]).is_empty())
}

/// Explains a syntax error, repairing the scratch copy where it can.
fn explain(e: &SyntaxError, lines: &mut [String], schema: &Value) -> Option<Mistake> {
    let li = e.pos.line.checked_sub(1)?;
    let line = lines.get(li)?.clone();
    let path = Some(e.path()).filter(|p| !p.is_empty());
    let innermost_flow = e.open.iter().rev().find(|o| o.flow);
    match &e.kind {
        ErrorKind::MappingValueNotAllowed => colon(e, lines, li, &line, schema),
        ErrorKind::ExpectedBlockMappingKey
        | ErrorKind::ExpectedBlockSequenceEntry
        | ErrorKind::InvalidIndentation
        | ErrorKind::InvalidBlockScalarIndent
        | ErrorKind::InvalidFlowScalarIndent => out_of_line(e, lines, li, &line, schema),
        ErrorKind::TabInBlockIndentation
        | ErrorKind::TabInIndentation
        | ErrorKind::TabAtBlockScalarStart
        | ErrorKind::TabInPlainScalar
        | ErrorKind::TabNotAllowed => {
            let at = line.find('\t')?;
            let column = line[..at].chars().count() + 1;
            lines[li].replace_range(at..at + 1, " ");
            Some(mistake(
                Pos { line: e.pos.line, column },
                None,
                "a tab here, which YAML does not allow in this place: use spaces".into(),
            ))
        }
        ErrorKind::UnclosedQuotedScalar => {
            let q = line.chars().nth(e.pos.column - 1).filter(|c| *c == '"' || *c == '\'').unwrap_or('"');
            let end = if line.ends_with('\r') { line.len() - 1 } else { line.len() };
            lines[li].insert(end, q);
            Some(Mistake {
                owns_line: true,
                ..mistake(
                    e.pos,
                    path,
                    format!("the quote {q} that starts the text here is never closed: end the text with {q}"),
                )
            })
        }
        ErrorKind::InvalidTrailingDoubleQuotedScalar | ErrorKind::InvalidTrailingSingleQuotedScalar => {
            let q = if matches!(e.kind, ErrorKind::InvalidTrailingDoubleQuotedScalar) { '"' } else { '\'' };
            let upto: String = line.chars().take(e.pos.column.saturating_sub(1)).collect();
            let at = upto.rfind(q)?;
            let mut fixed = line.trim_end_matches('\r').to_string();
            fixed.remove(at);
            fixed.push(q);
            let shown = fixed.trim().to_string();
            lines[li] = if line.ends_with('\r') { format!("{fixed}\r") } else { fixed };
            Some(Mistake {
                owns_line: true,
                ..mistake(
                    e.pos,
                    path,
                    format!(
                        "there is text after the closing quote {q}: put all of the text inside the quotes ({})",
                        words::shown(&shown)
                    ),
                )
            })
        }
        ErrorKind::BlockSequenceEntryNotAllowed | ErrorKind::BlockEntryInFlowCollection
            if innermost_flow.is_none() =>
        {
            let idx = e.pos.column - 1;
            let key = key_of(&line).unwrap_or("the field").to_string();
            let item: String = line.chars().skip(idx + 2).collect();
            // The scratch copy keeps the field, without the item.
            let keep: String = line.chars().take(idx).collect();
            lines[li] = keep.trim_end().to_string();
            Some(Mistake {
                owns_line: true,
                ..mistake(
                    e.pos,
                    path,
                    format!(
                        "a list item cannot start on the line of `{key}:`: put `- {}` on a line of its own below it, indented by two more spaces",
                        words::shown(item.trim())
                    ),
                )
            })
        }
        _ if innermost_flow.is_some() && flow_kind(&e.kind) => {
            let open = innermost_flow?;
            let (opening, closing) = if open.map { ('{', '}') } else { ('[', ']') };
            let oi = open.pos.line - 1;
            let end = if lines[oi].ends_with('\r') { lines[oi].len() - 1 } else { lines[oi].len() };
            // Close it at the end of the line it opens on.
            let code_end = code(&lines[oi][..end]).len();
            lines[oi].insert(code_end, closing);
            Some(Mistake {
                owns_line: true,
                ..mistake(
                    open.pos,
                    Some(open.path.clone()).filter(|p| !p.is_empty()),
                    format!(
                        "the {} that starts with {opening} here is never closed: end it with {closing}",
                        if open.map { "section" } else { "list" }
                    ),
                )
            })
        }
        ErrorKind::MisplacedFlowCollectionEnd => {
            let c = line.chars().nth(e.pos.column - 1).unwrap_or(']');
            replace_char(&mut lines[li], e.pos.column - 1, " ");
            Some(mistake(e.pos, path, format!("a {c} that closes nothing: remove it")))
        }
        ErrorKind::RecursionLimitExceeded => Some(mistake(
            e.pos,
            path.map(|p| shorten(&p)),
            format!(
                "the value is nested more than {} levels deep (lists in lists or sections in sections): write it flat",
                tree::MAX_NESTING
            ),
        )),
        ErrorKind::UnknownAnchor => Some(mistake(
            e.pos,
            path,
            "this *name refers to an &name that is not defined above it: define the anchor first, or write the value out".into(),
        )),
        _ => None,
    }
}

fn flow_kind(k: &ErrorKind) -> bool {
    matches!(
        k,
        ErrorKind::UnexpectedEofFlowSequence
            | ErrorKind::UnexpectedEofFlowMapping
            | ErrorKind::UnexpectedEofImplicitFlowMapping
            | ErrorKind::ExpectedFlowSequenceSeparator
            | ErrorKind::ExpectedFlowMappingSeparator
            | ErrorKind::InvalidColonPlacement
            | ErrorKind::UnclosedFlowCollection { .. }
            | ErrorKind::MismatchedFlowCollectionEnd { .. }
            | ErrorKind::BlockEntryInFlowCollection
            | ErrorKind::BlockSequenceEntryNotAllowed
            | ErrorKind::MappingValueNotAllowed
            | ErrorKind::ExpectedBlockMappingKey
            | ErrorKind::UnexpectedEof
            | ErrorKind::InvalidIndentation
    )
}

/// `a[0][0][0]…` → `a[0]…`: a runaway path, kept readable.
fn shorten(path: &str) -> String {
    match path.find("[0][0]") {
        Some(i) => format!("{}[0]…", &path[..i]),
        None => path.to_string(),
    }
}

/// "mapping values are not allowed in this context": text with `: ` in
/// it, or a field indented more than its neighbours.
fn colon(
    e: &SyntaxError,
    lines: &mut [String],
    li: usize,
    line: &str,
    schema: &Value,
) -> Option<Mistake> {
    let idx = e.pos.column - 1;
    let chars: Vec<char> = line.chars().collect();
    if chars.get(idx) != Some(&':') {
        return None;
    }
    let lead = indent(line);
    let dash = line[lead..].starts_with("- ");
    let start = lead + if dash { 2 } else { 0 };
    let before: String = chars[start..idx].iter().collect();
    // An earlier `key: ` on the line: the colon is in that key's text.
    if let Some(k) = before.find(": ").map(|i| before[..i].to_string()) {
        let value: String = chars[start + k.len() + 2..].iter().collect::<String>();
        let value = code(value.trim_end_matches('\r')).trim().to_string();
        for (i, c) in chars.iter().enumerate().skip(start + k.len() + 1) {
            if *c == ':' {
                replace_char(&mut lines[li], i, SAFE_COLON);
            }
        }
        let fix = format!("{k}: {}", words::quoted(&value));
        return Some(Mistake {
            owns_line: true,
            ..mistake(
                Pos { line: e.pos.line, column: e.pos.column },
                None,
                format!(
                    "the text of `{k}` contains ': ', which YAML reads as the start of a new field: put the text in quotes: {}",
                    words::shown(&fix)
                ),
            )
        })
        .map(|m| Mistake { path: Some(path_join(&e.path(), &k, &e.open)), ..m });
    }
    let key = before.trim().to_string();
    // A field of a section, at another column than its neighbours.
    if let Some(m) = odd_one_out(e, lines, li, &key, schema) {
        return Some(m);
    }
    if let Some(m) = misplaced_key(e, lines, li, line, &key, schema) {
        return Some(m);
    }
    // A line of multi-line text holding `: `.
    let field = e.path();
    let from = e
        .open
        .iter()
        .rev()
        .find(|o| o.map)
        .and_then(|o| o.keys.last())
        .map(|(k, p)| (k.clone(), p.line));
    for (i, c) in chars.iter().enumerate() {
        if *c == ':' && chars.get(i + 1).is_none_or(|n| *n == ' ' || *n == '\r') {
            replace_char(&mut lines[li], i, SAFE_COLON);
        }
    }
    let (name, first) = from.unwrap_or((field.clone(), e.pos.line));
    Some(Mistake {
        owns_line: true,
        ..mistake(
            e.pos,
            Some(field).filter(|f| !f.is_empty()),
            format!(
                "the text of `{name}` (from line {first}) has ': ' on this line, which YAML reads as the start of a new field: put the whole text in quotes, or write `{name}: >-` and the text on the lines below it, indented"
            ),
        )
    })
}

/// The path of `key` in the innermost open section.
fn path_join(reading: &str, key: &str, open: &[Open]) -> String {
    match open.iter().rev().find(|o| o.map) {
        Some(o) if o.path.is_empty() => key.to_string(),
        Some(o) => format!("{}.{key}", o.path),
        None if reading.is_empty() => key.to_string(),
        None => reading.to_string(),
    }
}

/// The fields of one section must share a column. Around a line that is
/// out of line, the fields of the section it belongs to (by the schema)
/// are found by their lines, and those at a column the others do not use
/// are the ones out of line: with `intro` one space further in than
/// `tasks` and `notes`, `intro` is the line to move, whichever line the
/// parser stumbled on.
fn odd_one_out(
    e: &SyntaxError,
    lines: &mut [String],
    li: usize,
    key: &str,
    schema: &Value,
) -> Option<Mistake> {
    let mut parents = super::validate::sections_with_field(schema, key);
    if schema.get("properties").and_then(|p| p.get(key)).is_some() {
        parents.insert(0, String::new());
    }
    for parent in parents {
        // Sections that are list items are left to the parser's account.
        if parent.ends_with(']') {
            continue;
        }
        let name = parent.rsplit('.').next().unwrap_or("").to_string();
        // The parent's own line, above; the whole file for the top level.
        let (start, parent_indent) = if parent.is_empty() {
            (0, None)
        } else {
            let Some(p) = (0..li).rev().find(|&j| {
                key_of(&lines[j]) == Some(name.as_str()) && code(body(&lines[j])).ends_with(':')
            }) else {
                continue;
            };
            (p + 1, Some(indent(&lines[p])))
        };
        let fields = fields_at(schema, &parent);
        let mut siblings: Vec<(usize, usize)> = Vec::new();
        // A block of text (`>-`, `|`) takes the column of its first line.
        let mut scalar_block: Option<(usize, Option<usize>)> = None;
        for (j, l) in lines.iter().enumerate().skip(start) {
            let l = l.trim_end_matches('\r');
            if l.trim().is_empty() || l.trim_start().starts_with('#') {
                continue;
            }
            let i = indent(l);
            if parent_indent.is_some_and(|p| i <= p) {
                break;
            }
            match scalar_block {
                Some((key, None)) if i > key => {
                    scalar_block = Some((key, Some(i)));
                    continue;
                }
                Some((_, Some(text))) if i >= text => continue,
                _ => scalar_block = None,
            }
            let c = code(l);
            if c.ends_with('|') || c.ends_with('>') || c.ends_with("|-") || c.ends_with(">-") {
                scalar_block = Some((i, None));
            }
            if l.trim_start().starts_with('-') {
                continue;
            }
            if key_of(l).is_some_and(|k| fields.iter().any(|f| f == k)) {
                siblings.push((j, i));
            }
        }
        if !siblings.iter().any(|(j, _)| *j == li) {
            continue;
        }
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for (_, i) in &siblings {
            match counts.iter_mut().find(|(c, _)| c == i) {
                Some(c) => c.1 += 1,
                None => counts.push((*i, 1)),
            }
        }
        // Most lines win; on a tie, two spaces in from the parent, else
        // the column of the first field.
        let best = counts.iter().map(|c| c.1).max()?;
        let tied: Vec<usize> = counts.iter().filter(|c| c.1 == best).map(|c| c.0).collect();
        let want = match (tied.as_slice(), parent_indent) {
            ([one], _) => *one,
            (many, Some(p)) if many.contains(&(p + 2)) => p + 2,
            _ => siblings[0].1,
        };
        let odd: Vec<usize> = siblings
            .iter()
            .filter(|(_, i)| *i != want)
            .map(|(j, _)| *j)
            .collect();
        let first = *odd.first()?;
        let like = siblings
            .iter()
            .find(|(j, i)| *i == want && *j != first)
            .map(|(j, _)| {
                format!(
                    " (like `{}:` on line {})",
                    key_of(&lines[*j]).unwrap_or(""),
                    j + 1
                )
            })
            .unwrap_or_default();
        let whose = if parent.is_empty() {
            "the top-level fields".to_string()
        } else {
            format!("the other fields of `{name}`")
        };
        let here = indent(&lines[first]) + 1;
        let k = key_of(&lines[first]).unwrap_or(key).to_string();
        set_indent(&mut lines[first], want);
        let _ = e;
        return Some(Mistake {
            owns_line: true,
            ..mistake(
                Pos { line: first + 1, column: here },
                Some(if parent.is_empty() { k.clone() } else { format!("{parent}.{k}") }),
                format!(
                    "this line is out of line: `{k}:` starts at column {here}, but {whose} start at column {}{like}; move it to column {}",
                    want + 1,
                    want + 1
                ),
            )
        });
    }
    None
}

/// A key at a column where no section of its own is open: the column of
/// the section that has such a field, and the line moved there.
fn misplaced_key(
    e: &SyntaxError,
    lines: &mut [String],
    li: usize,
    line: &str,
    key: &str,
    schema: &Value,
) -> Option<Mistake> {
    if key.is_empty() || key.contains(' ') && !fields_any(schema, e, key) {
        return None;
    }
    let here = indent(line) + 1;
    let target = e
        .open
        .iter()
        .rev()
        .filter(|o| o.map && !o.flow && o.pos.column != here)
        .find(|o| fields_at(schema, &o.path).iter().any(|f| f == key))?;
    Some(moved(e, lines, li, target, here, &format!("`{key}:`")))
}

fn fields_any(schema: &Value, e: &SyntaxError, key: &str) -> bool {
    e.open
        .iter()
        .any(|o| o.map && fields_at(schema, &o.path).iter().any(|f| f == key))
}

/// Moves line `li` to the column of `target`'s entries, saying so.
fn moved(
    e: &SyntaxError,
    lines: &mut [String],
    li: usize,
    target: &Open,
    here: usize,
    what: &str,
) -> Mistake {
    let want = target.pos.column;
    set_indent(&mut lines[li], want - 1);
    let whose = if target.path.is_empty() {
        "the top-level fields".to_string()
    } else if target.map {
        format!("the fields of `{}`", target.path)
    } else {
        format!("the items of `{}`", target.path)
    };
    let like = target
        .keys
        .last()
        .map(|(k, p)| format!(" (like `{k}:` on line {})", p.line))
        .unwrap_or_else(|| format!(" (like line {})", target.pos.line));
    Mistake {
        owns_line: true,
        ..mistake(
            Pos { line: e.pos.line, column: here },
            None,
            format!(
                "this line is out of line: {what} starts at column {here}, but {whose} start at column {want}{like}; move it to column {want}"
            ),
        )
    }
}

/// "did not find expected key" and the like: a line at a column where
/// nothing open can take it.
fn out_of_line(
    e: &SyntaxError,
    lines: &mut [String],
    li: usize,
    line: &str,
    schema: &Value,
) -> Option<Mistake> {
    let here = indent(line) + 1;
    let item = line.trim_start().starts_with("- ") || line.trim() == "-";
    let key = key_of(line).map(str::to_string);
    if item {
        if let Some(m) = item_out_of_line(e, lines, li, here) {
            return Some(m);
        }
    } else if let Some(m) = key
        .as_deref()
        .and_then(|k| odd_one_out(e, lines, li, k, schema))
    {
        return Some(m);
    }
    let block: Vec<&Open> = e.open.iter().filter(|o| !o.flow && o.map != item).collect();
    // A section that has this field, else the nearest column (the deeper
    // one on a tie).
    let by_field = key.as_deref().and_then(|k| {
        block
            .iter()
            .rev()
            .find(|o| fields_at(schema, &o.path).iter().any(|f| f == k))
            .copied()
    });
    let target = by_field.or_else(|| {
        block
            .iter()
            .rev()
            .min_by_key(|o| o.pos.column.abs_diff(here))
            .copied()
    })?;
    if target.pos.column == here {
        return None;
    }
    let what = match (&key, item) {
        (_, true) => "the list item".to_string(),
        (Some(k), _) => format!("`{k}:`"),
        (None, _) => "the text".to_string(),
    };
    Some(moved(e, lines, li, target, here, &what))
}

/// A list item at a column where no list is open: the list it follows
/// (already closed by the parser when it met the item) is found by its
/// lines: the nearest item above, and the field that holds it.
fn item_out_of_line(
    e: &SyntaxError,
    lines: &mut [String],
    li: usize,
    here: usize,
) -> Option<Mistake> {
    let mut above = None;
    for j in (0..li).rev() {
        let l = lines[j].trim_end_matches('\r');
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        if l.trim_start().starts_with("- ") || l.trim() == "-" {
            above = Some(j);
            break;
        }
        if indent(l) + 1 < here {
            break;
        }
    }
    let j = above?;
    let want = indent(&lines[j]) + 1;
    if want == here {
        return None;
    }
    let holder = (0..j)
        .rev()
        .map(|k| lines[k].as_str())
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .find(|l| indent(l) + 1 < want)
        .and_then(key_of)
        .unwrap_or("the list")
        .to_string();
    set_indent(&mut lines[li], want - 1);
    Some(Mistake {
        owns_line: true,
        ..mistake(
            Pos { line: e.pos.line, column: here },
            None,
            format!(
                "this line is out of line: the list item starts at column {here}, but the items of `{holder}` start at column {want} (like line {}); move it to column {want}",
                j + 1
            ),
        )
    })
}

/// Any other syntax error, in the plainest words the parser's give.
fn fallback(e: &SyntaxError) -> Mistake {
    mistake(
        e.pos,
        Some(e.path()).filter(|p| !p.is_empty()),
        format!("YAML cannot read this: {}", words::plain(&e.raw)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema() -> Value {
        serde_json::json!({
            "type": "object",
            "properties": {
                "title": { "type": "string" },
                "summary": { "type": "string" },
                "duties": { "type": "object", "properties": {
                    "intro": { "type": "string" },
                    "tasks": { "type": "array", "items": { "type": "string" } },
                    "notes": { "type": "array", "items": { "type": "string" } }
                }},
                "working_hours": { "type": "object", "properties": { "pattern": { "type": "string" }, "variations": { "type": "array" } } }
            }
        })
    }

    fn mistakes(src: &str) -> (bool, Vec<String>) {
        let (tree, found) = read(src, &schema());
        (
            tree.is_some(),
            found
                .iter()
                .map(|m| format!("{}:{}: {}", m.pos.line, m.pos.column, m.message))
                .collect(),
        )
    }

    #[test]
    fn text_with_a_colon_is_quoted_and_reading_goes_on() {
        let (ok, m) = mistakes(
            "title: A\nsummary: The PALS: a service\nduties:\n  intro: x\n   tasks:\n    - a\n",
        );
        assert!(ok, "{m:#?}");
        assert_eq!(m.len(), 2, "{m:#?}");
        assert!(
            m[0].starts_with("2:18: the text of `summary` contains ': '"),
            "{m:#?}"
        );
        assert!(
            m[0].ends_with("put the text in quotes: summary: \"The PALS: a service\""),
            "{m:#?}"
        );
        assert_eq!(m[1], "5:4: this line is out of line: `tasks:` starts at column 4, but the other fields of `duties` start at column 3 (like `intro:` on line 4); move it to column 3");
    }

    #[test]
    fn tabs_and_list_items_out_of_line() {
        let (ok, m) =
            mistakes("working_hours:\n\tpattern: 9am\nduties:\n  tasks:\n    - a\n   - b\n");
        assert!(ok, "{m:#?}");
        assert_eq!(m[0], "2:1: this line is indented with a tab, which YAML does not allow: indent it with spaces (2 here)");
        assert_eq!(m[1], "6:4: this line is out of line: the list item starts at column 4, but the items of `tasks` start at column 5 (like line 5); move it to column 5");
    }

    #[test]
    fn a_quote_never_closed_is_found_where_it_opens() {
        let (ok, m) = mistakes("title: \"You'll usually need:\nsummary: \"x\"\n");
        assert!(ok, "{m:#?}");
        assert!(
            m[0].starts_with("1:8: the quote \" that starts the text here is never closed"),
            "{m:#?}"
        );
    }

    #[test]
    fn multi_line_text_with_a_colon() {
        let (ok, m) = mistakes("summary: The PALS offers\n  support: advice\ntitle: x\n");
        assert!(ok, "{m:#?}");
        assert!(
            m[0].starts_with("2:10: the text of `summary` (from line 1) has ': ' on this line"),
            "{m:#?}"
        );
    }
}
