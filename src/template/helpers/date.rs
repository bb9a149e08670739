//! `{{date "2026-11-21"}}` → `21 November 2026`; `{{date d "month"}}` → `November 2026`.

use super::{param, simple_helper, string};
use crate::content::types::parse_date;
use handlebars::RenderErrorReason;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

simple_helper!(date, |h| {
    let s = string(h, param(h, 0, "{{date \"YYYY-MM-DD\" [\"month\"]}}")?)?;
    let (y, m, d) = parse_date(s).map_err(|e| RenderErrorReason::Other(format!("'date': {e}")))?;
    let month = MONTHS[(m - 1) as usize];
    Ok::<_, handlebars::RenderError>(match h.param(1).and_then(|p| p.value().as_str()) {
        Some("month") => format!("{month} {y}"),
        _ => format!("{d} {month} {y}"),
    })
});
