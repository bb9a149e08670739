//! `{{tel "01632 960 123"}}` → `tel:+441632960123`, for phone links.

use super::{param, simple_helper, string};

/// A UK number as a `tel:` URI in international form.
pub fn tel_uri(phone: &str) -> String {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit()).collect();
    if phone.trim_start().starts_with('+') {
        format!("tel:+{digits}")
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("tel:+44{rest}")
    } else {
        format!("tel:{digits}")
    }
}

simple_helper!(tel, |h| Ok::<_, handlebars::RenderError>(tel_uri(string(
    h,
    param(h, 0, "{{tel phone}}")?
)?)));
