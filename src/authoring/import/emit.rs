//! The draft as YAML: written by `content::yaml` (the one YAML writer), then
//! tidied line by line: empty optional fields left out, a `# TODO` after each
//! drafted value, and a header naming the sources and what was left out.

use super::placeholders as ph;
use super::Report;
use crate::authoring::schema;
use crate::content::{yaml, Job};

/// Required lists kept even when empty (the rest are left out when empty).
const REQUIRED_LISTS: [&str; 7] = [
    "tasks",
    "locations",
    "skills",
    "career_path",
    "description",
    "employers",
    "sources",
];

pub fn yaml(job: &Job, report: &Report) -> Result<String, String> {
    let body = yaml::to_string(job)?;
    let mut out = String::new();
    out.push_str(&schema::job_modeline());
    out.push('\n');
    out.push_str(ph::HEADER);
    out.push('\n');
    for (name, id, layout) in &report.files {
        out.push_str(&format!(
            "#   {name} (source '{id}': {})\n",
            layout.describe()
        ));
    }
    out.push_str(
        "# Check every field against the sources, fix each TODO, move what is under\n\
         # `unsorted` (at the end) into the right fields, then run `careerpress check`.\n",
    );
    out.push_str(&format!(
        "# {} facts placed in the fields, {} left under `unsorted`.\n",
        report.placed, report.unsorted
    ));
    if !report.dropped.is_empty() {
        out.push_str("# Left out as page furniture:\n");
        for d in &report.dropped {
            let first = d.text.lines().next().unwrap_or("");
            let more = d.text.lines().count().saturating_sub(1);
            let more = match more {
                0 => String::new(),
                1 => " (and 1 more line)".to_string(),
                n => format!(" (and {n} more lines)"),
            };
            out.push_str(&format!(
                "#   - \"{first}\"{more} in {}: {}\n",
                d.source, d.why
            ));
        }
    }
    out.push('\n');
    // Track the path of each key by indentation; skip block scalars' lines.
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut block_indent: Option<usize> = None;
    for line in body.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some(b) = block_indent {
            if indent > b || line.trim().is_empty() {
                out.push_str(line);
                out.push('\n');
                continue;
            }
            block_indent = None;
        }
        let trimmed = line.trim_start();
        let (key_indent, rest) = match trimmed.strip_prefix("- ") {
            Some(r) => (indent + 2, r),
            None => (indent, trimmed),
        };
        let key = rest
            .split_once(':')
            .filter(|(k, _)| k.chars().all(|c| c.is_ascii_lowercase() || c == '_') && !k.is_empty())
            .map(|(k, v)| (k.to_string(), v.trim().to_string()));
        if let Some((k, v)) = &key {
            while stack.last().is_some_and(|(i, _)| *i >= key_indent) {
                stack.pop();
            }
            stack.push((key_indent, k.clone()));
            if v == "null" || (v == "[]" && !REQUIRED_LISTS.contains(&k.as_str())) {
                stack.pop();
                continue;
            }
            if v.starts_with('>') || v.starts_with('|') {
                block_indent = Some(if trimmed.starts_with("- ") {
                    indent
                } else {
                    key_indent
                });
            }
        } else if rest.starts_with('>') || rest.starts_with('|') {
            block_indent = Some(indent);
        }
        if key.as_ref().is_some_and(|(k, _)| k == "unsorted") && indent == 0 {
            out.push_str(
                "# For a person to sort into the fields above, then delete (never printed):\n",
            );
        }
        out.push_str(line);
        if let Some((_, why)) = key.as_ref().and_then(|_| {
            let path: Vec<&str> = stack.iter().map(|(_, k)| k.as_str()).collect();
            let path = path.join(".");
            let value = line
                .split_once(':')
                .map(|(_, v)| v.trim().trim_matches(['\'', '"']))
                .unwrap_or("");
            report.todos.iter().find(|(p, _)| {
                *p == path
                    || (p.starts_with("sources[")
                        && path == "sources.date"
                        && value == ph::SOURCE_DATE)
            })
        }) {
            out.push_str(&format!("  # TODO: {why}"));
        }
        out.push('\n');
    }
    Ok(out)
}
