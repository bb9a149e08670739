//! The date a document carries: fixed by `SOURCE_DATE_EPOCH` or the job's
//! review date, never the clock, so the same input gives the same bytes.

use crate::content::{self, LoadedJob};
use crate::diagnostic::Diagnostic;

/// The date documents carry: `SOURCE_DATE_EPOCH` when set, else the job's
/// review date, so the same input always gives the same bytes.
pub fn document_epoch(job: &LoadedJob) -> i64 {
    if let Ok(Some(e)) = source_date_epoch() {
        return e;
    }
    let (y, m, d) =
        content::types::parse_date(job.job.last_reviewed.as_str()).unwrap_or((1980, 1, 1));
    content::types::days_from_civil(y, m, d) * 86_400
}

/// Latest date a document may carry: 9999-12-31 23:59:59 UTC (PDF, DOCX and
/// mail dates have four-digit years).
pub const MAX_EPOCH: i64 = 253_402_300_799;

/// `SOURCE_DATE_EPOCH` (seconds since 1970, for byte-identical output):
/// `Ok(None)` when unset, `Err` in words when it is not a date documents
/// can carry (e.g. milliseconds given for seconds).
pub fn source_date_epoch() -> Result<Option<i64>, Diagnostic> {
    let Some(raw) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let raw = raw.to_string_lossy();
    let v = raw.trim();
    if v.is_empty() {
        return Ok(None);
    }
    match v.parse::<i64>() {
        Ok(e) if (0..=MAX_EPOCH).contains(&e) => Ok(Some(e)),
        Ok(e) => Err(Diagnostic::error(format!(
            "SOURCE_DATE_EPOCH={e} is not a date documents can carry: it counts seconds since 1970 and must be at most {MAX_EPOCH} (the end of year 9999); milliseconds given for seconds?"
        ))),
        Err(_) => Err(Diagnostic::error(format!(
            "SOURCE_DATE_EPOCH='{}' is not a whole number of seconds since 1970",
            crate::content::types::printable(v)
        ))),
    }
}

/// `YYYY-MM-DD` for seconds since the epoch.
pub fn iso_date(epoch: i64) -> String {
    crate::document::date::Civil::from_epoch(epoch).iso_date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(19_783 * 86_400 + 5), "2024-03-01");
    }
}
