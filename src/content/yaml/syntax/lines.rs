//! Lines out of line: a field or list item indented unlike the others of
//! its section, a key written under the wrong field, `- ` on the field's
//! own line; each with the column it should start at.

use super::*;

/// The fields of one section must share a column. Around a line that is
/// out of line, the fields of the section it belongs to (by the schema)
/// are found by their lines, and those at a column the others do not use
/// are the ones out of line: with `intro` one space further in than
/// `tasks` and `notes`, `intro` is the line to move, whichever line the
/// parser stumbled on.
pub(super) fn odd_one_out(
    e: &SyntaxError,
    lines: &mut [String],
    li: usize,
    key: &str,
    schema: &Value,
) -> Option<Mistake> {
    let mut parents = super::super::validate::sections_with_field(schema, key);
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
pub(super) fn misplaced_key(
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

pub(super) fn fields_any(schema: &Value, e: &SyntaxError, key: &str) -> bool {
    e.open
        .iter()
        .any(|o| o.map && fields_at(schema, &o.path).iter().any(|f| f == key))
}

/// Moves line `li` to the column of `target`'s entries, saying so.
pub(super) fn moved(
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
pub(super) fn out_of_line(
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
pub(super) fn item_out_of_line(
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
