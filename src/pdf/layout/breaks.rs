//! Where a line may break: UAX #14's opportunities, except inside web and
//! email addresses, which break by the rules people read them by.
//!
//! UAX #14 lets a URL break after any `/`, so `https://` ended a line with
//! the host on the next ("Web: https://" / "www.eastbrook…"), and never
//! before a `.`, so a long host could not break at all. Inside an address
//! a line breaks only after a `/` of the path, or before a `.` or `@` (and
//! `?`, `#`) — never inside or right after the scheme, never after `www.`,
//! and no hyphen is added (a hyphen would read as part of the address).
//! A path's own hyphens (`/patient-advice-and-liaison-service`, the slugs
//! careers sites use) are break points too, before the hyphen, as the
//! Chicago Manual of Style has it (the hyphen starts the next line, so it
//! cannot be read as one added at the line's end); without them such a
//! segment is wider than a leaflet's column and is cut mid-word.

use unicode_linebreak::{linebreaks, BreakOpportunity};

use crate::document::typography::is_address;

/// A break opportunity: the byte offset the next line starts at, and
/// whether the break is mandatory (a hard line break).
pub(super) type Opportunity = (usize, bool);

/// Byte ranges of `text` holding a web or email address: a word that reads
/// as one, or any word of `links` (byte ranges of link text) with a `.`
/// or `/` in it ("glanymor.example.nhs.wales/pals").
pub(super) fn addresses(text: &str, links: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let push = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
        // Trailing sentence punctuation is not part of the address.
        let word = text[s..e].trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '’', '"']);
        let e = s + word.len();
        let in_link = links.iter().any(|&(a, b)| a <= s && e <= b);
        if e > s && (is_address(word) || (in_link && word.contains(['.', '/']))) {
            out.push((s, e));
        }
    };
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                push(s, i, &mut out);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut out);
    }
    out
}

/// Where an address (`text[s..e]`) may break, as offsets inside it.
fn address_breaks(text: &str, s: usize, e: usize) -> Vec<usize> {
    let addr = &text[s..e];
    // Never inside the scheme or right after it.
    let body = addr
        .find("://")
        .map(|i| i + 3)
        .or_else(|| addr.strip_prefix("mailto:").map(|_| 7))
        .unwrap_or(0);
    let bytes = addr.as_bytes();
    // Where the path starts: the first `/` after the host.
    let path = addr[body..].find('/').map_or(addr.len(), |i| body + i);
    let mut out = Vec::new();
    for (i, c) in addr.char_indices() {
        if i <= body {
            continue;
        }
        let after_alnum = |k: usize| {
            addr[k..]
                .chars()
                .nth(1)
                .is_some_and(|n| n.is_alphanumeric() || n == '_')
        };
        match c {
            '/' if i + 1 < addr.len() && bytes.get(i + 1) != Some(&b'/') => out.push(i + 1),
            '-' | '_'
                if i > path
                    && addr[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                    && after_alnum(i) =>
            {
                out.push(i)
            }
            '.' | '@' | '?' | '#' if after_alnum(i) => {
                // Not between "www" and the rest of the host.
                let label = addr[..i].rsplit(['/', '.', '@']).next().unwrap_or("");
                let label_start = i - label.len();
                if !(c == '.' && label.eq_ignore_ascii_case("www") && label_start <= body) {
                    out.push(i);
                }
            }
            _ => {}
        }
    }
    out.into_iter().map(|i| s + i).collect()
}

/// Every break opportunity in `text`, addresses broken by their own rules.
pub(super) fn opportunities(text: &str, addresses: &[(usize, usize)]) -> Vec<Opportunity> {
    let inside = |p: usize| addresses.iter().any(|&(s, e)| s < p && p < e);
    let mut out: Vec<Opportunity> = linebreaks(text)
        .filter(|&(p, _)| !inside(p))
        .map(|(p, kind)| (p, kind == BreakOpportunity::Mandatory))
        .collect();
    for &(s, e) in addresses {
        out.extend(address_breaks(text, s, e).into_iter().map(|p| (p, false)));
    }
    out.sort_unstable();
    out.dedup_by_key(|o| o.0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_at(text: &str) -> Vec<&str> {
        let a = addresses(text, &[]);
        let mut out = Vec::new();
        let mut from = 0;
        for (p, _) in opportunities(text, &a) {
            out.push(&text[from..p]);
            from = p;
        }
        out
    }

    #[test]
    fn a_web_address_breaks_after_slashes_and_before_dots_never_after_the_scheme_or_www() {
        let parts = lines_at("Web: https://www.eastbrook.example.nhs.uk/pals/contact-us");
        assert_eq!(
            parts,
            [
                "Web: ",
                "https://www.eastbrook",
                ".example",
                ".nhs",
                ".uk/",
                "pals/",
                "contact",
                "-us"
            ]
        );
    }

    #[test]
    fn a_paths_hyphens_break_before_the_hyphen_but_a_hosts_do_not() {
        let parts = lines_at("https://www.health-careers.nhs.uk/roles/pals-officer");
        assert_eq!(
            parts,
            [
                "https://www.health-careers",
                ".nhs",
                ".uk/",
                "roles/",
                "pals",
                "-officer"
            ]
        );
    }

    #[test]
    fn an_email_address_breaks_before_the_at_sign_and_the_dots_of_its_host() {
        let parts = lines_at("Email: pals@glanymor.example.wales.nhs.uk.");
        assert_eq!(
            parts,
            [
                "Email: ",
                "pals",
                "@glanymor",
                ".example",
                ".wales",
                ".nhs",
                ".uk."
            ]
        );
    }

    #[test]
    fn link_text_without_a_scheme_is_an_address_too() {
        let text = "glanymor.example.nhs.wales/pals";
        let a = addresses(text, &[(0, text.len())]);
        assert_eq!(a, [(0, text.len())]);
        let parts: Vec<usize> = opportunities(text, &a).iter().map(|o| o.0).collect();
        assert_eq!(parts, [8, 16, 20, 27, 31]);
        // Ordinary words in a link are not addresses.
        assert!(addresses("Find out more", &[(0, 13)]).is_empty());
    }
}
