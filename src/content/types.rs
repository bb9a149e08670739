//! Validated value types. Each checks itself while YAML is read, so a bad
//! value is reported with its file, line, column and field path.

use serde::de::{Deserialize, Deserializer, Error};
use serde::Serialize;
use std::fmt;

/// A validated string type: `$check` runs while YAML is read; `$schema` is
/// the same rule as JSON Schema (a `pattern`, `format` or length), so editors
/// flag a bad value as it is typed.
macro_rules! validated_string {
    ($(#[$doc:meta])* $name:ident, $check:expr, schema: $schema:tt) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                let check: fn(&str) -> Result<(), String> = $check;
                check(&s).map_err(D::Error::custom)?;
                Ok($name(s))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The rule this type holds a value to.
            pub fn check(s: &str) -> Result<(), String> {
                let check: fn(&str) -> Result<(), String> = $check;
                check(s)
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!($schema)
            }
        }
    };
}

/// Characters that do not show, or that change how the text around them
/// shows: control characters, bidirectional overrides and isolates (which
/// can make `https://bank.example/moc.nhs` read as something else) and
/// zero-width characters. Never allowed in an address; shown as `<U+202E>`
/// when echoed in a message.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{061C}' | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}')
}

/// A value as it may be echoed to a terminal or a log: invisible characters
/// (line breaks, NUL, escapes, bidi overrides) written as `<U+000A>`, so a
/// message never carries them raw.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_invisible(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Refuses an address holding a character that does not show (see
/// [`is_invisible`]).
fn visible_address(s: &str, what: &str) -> Result<(), String> {
    match s.chars().find(|c| is_invisible(*c)) {
        Some(c) => Err(format!(
            "'{}' contains the invisible character U+{:04X}; {what} may hold only characters that show",
            printable(s),
            c as u32
        )),
        None => Ok(()),
    }
}

/// Deserialises an optional list: left out, or left empty (`notes:` with
/// nothing after it), it is an empty list. Use with `#[serde(default,
/// deserialize_with = "…")]` on every optional list of the model; the
/// schema says the same (`yaml::model_schema` lets such lists be empty).
pub fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// Deserialises a number that must be finite: `.nan` and `.inf` are YAML
/// floats, but never hours, sizes or percentages. Use with
/// `#[serde(deserialize_with = "…")]` on every float of the model.
pub fn finite_f32<'de, D: Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
    let v = f32::deserialize(d)?;
    check_finite(v).map_err(D::Error::custom)
}

/// [`finite_f32`] for an optional number.
pub fn finite_f32_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f32>, D::Error> {
    Option::<f32>::deserialize(d)?
        .map(check_finite)
        .transpose()
        .map_err(D::Error::custom)
}

/// [`finite_f32`] for four optional numbers (CMYK).
pub fn finite_f32x4_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<[f32; 4]>, D::Error> {
    let v = Option::<[f32; 4]>::deserialize(d)?;
    if let Some(a) = v {
        for x in a {
            check_finite(x).map_err(D::Error::custom)?;
        }
    }
    Ok(v)
}

fn check_finite(v: f32) -> Result<f32, String> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err("expected a number: .nan and .inf are not numbers (e.g. 37.5)".into())
    }
}

/// Longest single text value accepted (a paragraph, not a book).
pub const MAX_TEXT_CHARS: usize = 10_000;

validated_string!(
    /// Non-empty text, at most [`MAX_TEXT_CHARS`] characters, no control characters.
    Text,
    |s| {
        if s.trim().is_empty() {
            return Err("is empty; write some text (an optional field can be left out instead)".into());
        }
        if s.chars().count() > MAX_TEXT_CHARS {
            return Err(format!("is longer than {MAX_TEXT_CHARS} characters"));
        }
        if let Some(c) = s.chars().find(|c| c.is_control() && !matches!(c, '\n' | '\t')) {
            return Err(format!("contains the control character U+{:04X}", c as u32));
        }
        Ok(())
    },
    schema: {
        "type": "string",
        "description": "Text as it is to be printed: not empty, at most 10,000 characters, no control characters other than new lines and tabs.",
        "minLength": 1,
        "maxLength": 10000,
        "pattern": "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$"
    }
);

validated_string!(
    /// A web address: `https://` or `http://`, no spaces.
    WebAddress,
    |s| {
        visible_address(s, "a web address")?;
        let lower = s.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .ok_or_else(|| format!("'{s}' is not a web address: it must start with https://"))?;
        if rest.is_empty() || !rest.split('/').next().is_some_and(|h| h.contains('.')) {
            return Err(format!("'{s}' has no host name after https://"));
        }
        if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(format!("'{s}' contains a space; web addresses cannot"));
        }
        if s.len() > 2000 {
            return Err("is longer than 2000 characters".into());
        }
        Ok(())
    },
    schema: {
        "type": "string",
        "description": "A web address starting https:// (or http://), with a host name and no spaces.",
        "format": "uri",
        "maxLength": 2000,
        "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^/\\s\\u0000-\\u001F\\u007F-\\u009F]*\\.[^\\s\\u0000-\\u001F\\u007F-\\u009F]*$",
        "examples": ["https://www.healthcareers.nhs.uk"]
    }
);

validated_string!(
    /// An email address such as `pals@example.nhs.uk`.
    Email,
    |s| {
        visible_address(s, "an email address")?;
        let ok = s.len() <= 254
            && s.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
            })
            && !s.chars().any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\"\\".contains(c));
        if ok {
            Ok(())
        } else {
            Err(format!("'{s}' is not an email address like name@example.nhs.uk"))
        }
    },
    schema: {
        "type": "string",
        "description": "An email address such as pals@example.nhs.uk.",
        "format": "email",
        "maxLength": 254,
        "pattern": "^[^@\\s<>()\\[\\],;:\"\\\\\\u0000-\\u001F\\u007F-\\u009F]+@[^.@\\s<>()\\[\\],;:\"\\\\\\u0000-\\u001F\\u007F-\\u009F][^@\\s<>()\\[\\],;:\"\\\\\\u0000-\\u001F\\u007F-\\u009F]*\\.[^@\\s<>()\\[\\],;:\"\\\\\\u0000-\\u001F\\u007F-\\u009F]*[^.@\\s<>()\\[\\],;:\"\\\\\\u0000-\\u001F\\u007F-\\u009F]$",
        "examples": ["pals@example.nhs.uk"]
    }
);

validated_string!(
    /// A UK phone number as people write it: digits, spaces, `+`, brackets, hyphens.
    Phone,
    |s| {
        let digits = s.chars().filter(char::is_ascii_digit).count();
        if !(6..=15).contains(&digits) || !s.chars().all(|c| c.is_ascii_digit() || " +()-".contains(c)) {
            return Err(format!("'{}' is not a phone number like 0345 60 60 655", printable(s)));
        }
        Ok(())
    },
    schema: {
        "type": "string",
        "description": "A UK phone number as people write it: 6 to 15 digits with spaces, +, brackets or hyphens.",
        "pattern": "^[ +()\\-]*([0-9][ +()\\-]*){6,15}$",
        "examples": ["0345 60 60 655", "+44 29 2018 0456"]
    }
);

validated_string!(
    /// A date, `YYYY-MM-DD`.
    Date,
    |s| parse_date(s).map(|_| ()),
    schema: {
        "type": "string",
        "description": "A date, YYYY-MM-DD (year-month-day), between 1900 and 2999.",
        "format": "date",
        "pattern": "^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        "examples": ["2026-11-21"]
    }
);

validated_string!(
    /// A colour as `#RRGGBB`.
    HexColour,
    |s| parse_hex(s).map(|_| ()),
    schema: {
        "type": "string",
        "description": "A colour as \"#RRGGBB\" (quote it in YAML: # starts a comment).",
        "pattern": "^#[0-9A-Fa-f]{6}$",
        "examples": ["#005EB8"]
    }
);

/// An NHS Agenda for Change pay band, held as it is printed: `Band 5`,
/// `Band 8a`. Written `Band 5`, `band 8A` or `5`; bands are 1 to 9, with
/// 8a to 8d.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct PayBand(pub String);

impl PayBand {
    /// `Band 5` from `Band 5`, `band 8A` or `5`; `Err` says what is wrong.
    pub fn parse(s: &str) -> Result<PayBand, String> {
        let t = s.trim();
        let rest = match t.get(..4) {
            Some(w) if w.eq_ignore_ascii_case("band") => t[4..].trim_start(),
            _ => t,
        };
        let band = rest.to_ascii_lowercase();
        let ok = matches!(band.as_str(), "1" | "2" | "3" | "4" | "5" | "6" | "7" | "9")
            || matches!(band.as_str(), "8a" | "8b" | "8c" | "8d");
        if !ok {
            return Err(format!(
                "'{}' is not an Agenda for Change pay band: write Band 1 to Band 9, with Band 8a, 8b, 8c or 8d (e.g. \"Band 5\")",
                printable(t)
            ));
        }
        Ok(PayBand(format!("Band {band}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The rule `check` holds a written band to.
    pub fn check(s: &str) -> Result<(), String> {
        PayBand::parse(s).map(|_| ())
    }
}

impl<'de> Deserialize<'de> for PayBand {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // `band: 5` is a number to YAML; take it as the band it names.
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Written {
            Number(u64),
            Text(String),
        }
        let s = match Written::deserialize(d)? {
            Written::Number(n) => n.to_string(),
            Written::Text(s) => s,
        };
        PayBand::parse(&s).map_err(D::Error::custom)
    }
}

impl fmt::Display for PayBand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl schemars::JsonSchema for PayBand {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PayBand".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": ["string", "integer"],
            "description": "The NHS Agenda for Change pay band, e.g. \"Band 5\" (Band 1 to Band 9, with Band 8a to 8d); printed before the salary.",
            "pattern": "^\\s*([Bb][Aa][Nn][Dd]\\s*)?([1-79]|8[A-Da-d])\\s*$",
            "minimum": 1,
            "maximum": 9,
            "not": { "const": 8 },
            "examples": ["Band 5", "Band 8a"]
        })
    }
}

/// The rule a validated string type holds a value to.
pub type Rule = fn(&str) -> Result<(), String>;

/// The rule of a validated string type, by its schema name: what the
/// one-pass validator (`yaml::validate`) holds a value of that type to.
pub fn check_for(name: &str) -> Option<Rule> {
    Some(match name {
        "Text" => Text::check,
        "WebAddress" => WebAddress::check,
        "Email" => Email::check,
        "Phone" => Phone::check,
        "Date" => Date::check,
        "HexColour" => HexColour::check,
        "PayBand" => PayBand::check,
        _ => return None,
    })
}

/// Parses `YYYY-MM-DD` into (year, month, day).
pub fn parse_date(s: &str) -> Result<(i32, u32, u32), String> {
    let err = || {
        format!(
            "'{}' is not a date like 2024-03-31 (year-month-day)",
            printable(s)
        )
    };
    let mut parts = s.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(err());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(err());
    }
    let (y, m, d): (i32, u32, u32) = (
        y.parse().map_err(|_| err())?,
        m.parse().map_err(|_| err())?,
        d.parse().map_err(|_| err())?,
    );
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d == 0 || d > days[(m - 1) as usize] || !(1900..=2999).contains(&y)
    {
        return Err(err());
    }
    Ok((y, m, d))
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Parses `#RRGGBB` into its three bytes; `Err` says what is wrong with
/// the value as written (a colour not in quotes never gets here: YAML reads
/// it as a comment, and the loader says so).
pub fn parse_hex(s: &str) -> Result<(u8, u8, u8), String> {
    let shown = printable(s);
    let digits = s.strip_prefix('#');
    let h = digits
        .filter(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()))
        .ok_or_else(|| {
            let body = digits.unwrap_or(s.trim());
            let what = if digits.is_none()
                && body.len() == 6
                && body.chars().all(|c| c.is_ascii_hexdigit())
            {
                format!("starts without # (write \"#{body}\")")
            } else if digits.is_none() {
                "is not a colour".to_string()
            } else if let Some(c) = body.chars().find(|c| !c.is_ascii_hexdigit()) {
                format!(
                    "has '{}', which is not a hex digit (0 to 9, A to F)",
                    printable(&c.to_string())
                )
            } else {
                let n = body.chars().count();
                format!("has {n} digit{} after the #", if n == 1 { "" } else { "s" })
            };
            format!("'{shown}' {what}: a colour is # and six hex digits, e.g. \"#005EB8\"")
        })?;
    let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).unwrap_or(0);
    Ok((byte(0), byte(2), byte(4)))
}

/// Checks an id: `[a-z0-9-]+`, as ids become file and folder names.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty()
        || id.len() > 64
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || id.starts_with('-')
    {
        return Err(format!(
            "'{id}' is not a valid id: use 1 to 64 lower-case letters, digits and hyphens (a-z, 0-9, -), e.g. 'pals-officer'"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-02-29"), Ok((2024, 2, 29)));
        assert!(parse_date("2023-02-29").is_err());
        assert!(parse_date("2024-2-1").is_err());
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2024, 3, 1), 19_783);
    }

    #[test]
    fn ids() {
        assert!(check_id("pals-officer").is_ok());
        for bad in ["", "../x", "a/b", "A", "a b", "a\0b", "-x"] {
            assert!(check_id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn addresses_refuse_invisible_characters() {
        let web = |s: &str| serde_json::from_value::<WebAddress>(serde_json::json!(s));
        let mail = |s: &str| serde_json::from_value::<Email>(serde_json::json!(s));
        assert!(web("https://www.nhs.uk/pals").is_ok());
        assert!(mail("pals@example.nhs.uk").is_ok());
        for bad in [
            "\u{202E}", "\u{200B}", "\u{2066}", "\u{FEFF}", "\u{0007}", "\r",
        ] {
            let e = web(&format!("https://www.nhs.uk/{bad}x"))
                .unwrap_err()
                .to_string();
            assert!(e.contains("invisible character"), "{e}");
            assert!(!e.contains(bad), "raw character echoed: {e:?}");
            assert!(mail(&format!("pa{bad}ls@example.nhs.uk")).is_err());
        }
        assert_eq!(printable("a\nb\u{202E}c"), "a<U+000A>b<U+202E>c");
    }

    #[test]
    fn colours() {
        assert_eq!(parse_hex("#005EB8"), Ok((0, 0x5e, 0xb8)));
        assert!(parse_hex("005EB8").is_err());
        assert!(parse_hex("#05EB8").is_err());
    }

    #[test]
    fn pay_bands() {
        for (written, band) in [
            ("Band 5", "Band 5"),
            ("band 8a", "Band 8a"),
            ("5", "Band 5"),
            (" BAND 8D ", "Band 8d"),
            ("Band9", "Band 9"),
        ] {
            assert_eq!(
                PayBand::parse(written).map(|b| b.0),
                Ok(band.to_string()),
                "{written}"
            );
        }
        for bad in [
            "",
            "Band",
            "Band 8",
            "Band 10",
            "0",
            "8e",
            "Band 5a",
            "Band 5\u{202E}",
        ] {
            let e = PayBand::parse(bad).unwrap_err();
            assert!(e.contains("Band 1 to Band 9") && e.contains("8a"), "{e}");
            assert!(!e.contains('\u{202E}'));
        }
        let read = |v: serde_json::Value| serde_json::from_value::<PayBand>(v).map(|b| b.0);
        assert_eq!(read(serde_json::json!(6)).unwrap(), "Band 6");
        assert!(read(serde_json::json!(8)).is_err());
    }
}
