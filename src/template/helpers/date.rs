//! `{{date "2026-11-21"}}` → `21 November 2026` (`21 Tachwedd 2026` in
//! Welsh); `{{date d "month"}}` → `November 2026`.

use super::{message, param, simple_helper, string, text_arg};
use crate::content::types::parse_date;
use handlebars::RenderErrorReason;

simple_helper!(date, |h| {
    let s = string(h, param(h, 0, "{{date \"YYYY-MM-DD\" [\"month\"]}}")?)?;
    let (y, m, d) = parse_date(s).map_err(|e| RenderErrorReason::Other(format!("'date': {e}")))?;
    // Month names and the order of the parts come from the catalogue of
    // the language being rendered ("21 Tachwedd 2026").
    let month = message(&format!("month-{m}"), &[])?;
    let key = match h.param(1).and_then(|p| p.value().as_str()) {
        Some("month") => "date-month",
        _ => "date-full",
    };
    message(
        key,
        &[
            ("day", text_arg(d.to_string())),
            ("month", text_arg(month)),
            ("year", text_arg(y.to_string())),
        ],
    )
});
