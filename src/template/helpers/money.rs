//! `{{money 18200}}` → `£18,200`; `{{salary_range 18200 22000}}` → `£18,200 to £22,000`;
//! `{{salary_range 18200 22000 band="Band 5"}}` → `Band 5: £18,200 to £22,000`.

use super::{number, param, simple_helper};
use handlebars::{Helper, RenderError, RenderErrorReason};

/// Pounds with thousands separators; pence only when there are any.
pub fn format_money(amount: f64) -> String {
    let pence = (amount * 100.0).round() as i64;
    let (sign, pence) = if pence < 0 {
        ("-", -pence)
    } else {
        ("", pence)
    };
    let pounds = (pence / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in pounds.chars().enumerate() {
        if i > 0 && (pounds.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match pence % 100 {
        0 => format!("{sign}£{grouped}"),
        p => format!("{sign}£{grouped}.{p:02}"),
    }
}

fn amount(h: &Helper, i: usize, usage: &'static str) -> Result<f64, RenderError> {
    let v = number(h, param(h, i, usage)?)?;
    if !v.is_finite() {
        return Err(RenderErrorReason::Other(format!(
            "'{}' got a number that is not finite",
            h.name()
        ))
        .into());
    }
    Ok(v)
}

simple_helper!(money, |h| amount(h, 0, "{{money amount}}")
    .map(format_money));

simple_helper!(salary_range, |h| {
    let usage = "{{salary_range from to}}";
    let (from, to) = (amount(h, 0, usage)?, amount(h, 1, usage)?);
    // "£18,200 to £22,000", "£18,200 i £22,000": the catalogue's `range`.
    let range = if from == to {
        format_money(from)
    } else {
        super::message(
            "range",
            &[
                ("from", super::text_arg(format_money(from))),
                ("to", super::text_arg(format_money(to))),
            ],
        )?
    };
    // An Agenda for Change band, when the job has one, comes first:
    // "Band 5: £18,200 to £22,000".
    Ok::<String, RenderError>(match h.hash_get("band").map(|b| b.value()) {
        Some(serde_json::Value::String(band)) if !band.trim().is_empty() => {
            format!("{band}: {range}")
        }
        _ => range,
    })
});

#[cfg(test)]
mod tests {
    use super::format_money;

    #[test]
    fn pounds() {
        assert_eq!(format_money(18200.0), "£18,200");
        assert_eq!(format_money(1234567.5), "£1,234,567.50");
        assert_eq!(format_money(999.0), "£999");
        assert_eq!(format_money(0.0), "£0");
    }
}
