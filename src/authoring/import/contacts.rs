//! Further information: organisations to contact (a name, address lines,
//! "Tel:", a web address) as records, and the rest as text.

use super::draft::{ContactDraft, Draft};
use super::page::{paragraphs, Block};
use super::text::{join_lines, split_postcode};

/// Further information: contacts (a name, address lines, "Tel:") and text.
pub fn further(d: &mut Draft, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Para(lines) => {
                for group in contact_groups(lines) {
                    match contact(&group) {
                        Some(c) => d.contacts.push((c, String::new())),
                        None => {
                            for para in paragraphs(&group) {
                                match page_address(&para) {
                                    Some(url) if d.web_address.is_none() => {
                                        d.web_address = Some(url)
                                    }
                                    _ => d.further_text.push(para),
                                }
                            }
                        }
                    }
                }
            }
            Block::List(items) => d.further_text.extend(items.iter().cloned()),
        }
    }
}

/// The job page's own address in "Read more about this job at https://…"
/// (what careerpress's documents and many sites end with).
fn page_address(para: &str) -> Option<String> {
    let lower = para.to_lowercase();
    let lead = [
        "read more about this job at ",
        "read the full job profile at ",
    ]
    .iter()
    .find_map(|l| lower.starts_with(l).then_some(l.len()))?;
    let url = para[lead..].trim().trim_end_matches('.');
    (url.starts_with("https://") && !url.contains(char::is_whitespace)).then(|| url.to_string())
}

/// Whether a line is a contact's detail (a phone, email or web line).
fn detail(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    [
        "tel",
        "phone",
        "telephone",
        "email",
        "e-mail",
        "web",
        "www.",
        "http",
    ]
    .iter()
    .any(|p| l.starts_with(p))
        || l.contains("(tel")
}

/// Splits lines into contacts: a new one starts at a plain line after a
/// detail line.
fn contact_groups(lines: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for l in lines {
        let starts_new = out
            .last()
            .and_then(|g| g.last())
            .is_some_and(|prev| detail(prev) && !detail(l));
        match out.last_mut() {
            Some(g) if !starts_new => g.push(l.clone()),
            _ => out.push(vec![l.clone()]),
        }
    }
    out
}

/// A contact block: "Name, address, …" lines with a "Tel:", "Email:" or web
/// line. `None` for ordinary text.
fn contact(lines: &[String]) -> Option<ContactDraft> {
    let mut c = ContactDraft::default();
    let mut parts: Vec<String> = Vec::new();
    let mut found = false;
    for line in lines {
        let mut l = line.trim().to_string();
        // "NHS Careers (Tel: 0345 60 60 655)"
        if let Some(i) = l.to_lowercase().find("(tel") {
            let inner = l[i + 1..].trim_end_matches(')').to_string();
            c.phone = inner.split_once(':').map(|(_, v)| v.trim().to_string());
            found = true;
            l = l[..i].trim().to_string();
        }
        let lower = l.to_lowercase();
        let value = l.split_once(':').map(|(_, v)| v.trim().to_string());
        if lower.starts_with("tel") || lower.starts_with("phone") || lower.starts_with("telephone")
        {
            c.phone = value;
            found = true;
        } else if lower.starts_with("email") || lower.starts_with("e-mail") {
            c.email = value;
            found = true;
        } else if lower.starts_with("http") || lower.starts_with("www.") || lower.starts_with("web")
        {
            let w = value
                .filter(|_| !lower.starts_with("http"))
                .unwrap_or_else(|| l.to_string());
            c.web_address = Some(if w.starts_with("http") {
                w
            } else {
                format!("https://{w}")
            });
            found = true;
        } else if !l.is_empty() {
            parts.extend(
                l.split(',')
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty()),
            );
        }
    }
    if !found || parts.is_empty() || join_lines(lines).ends_with('.') {
        return None;
    }
    c.name = parts.remove(0);
    for p in parts {
        match split_postcode(&p) {
            (Some(town), Some(pc)) => {
                c.address.push(town);
                c.address.push(pc);
            }
            (None, Some(pc)) => c.address.push(pc),
            (Some(line), None) => c.address.push(line),
            (None, None) => {}
        }
    }
    Some(c)
}
