//! Dates for document metadata. Documents carry a fixed creation time
//! ([`super::Meta::created`], seconds since 1970) so output is repeatable;
//! every writer turns it into its format's date with this one conversion.

/// A UTC date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl Civil {
    /// Seconds since 1970-01-01 as a UTC date and time, clamped to the years
    /// 0 to 9999 that every document date format can hold (Howard
    /// Hinnant's days-to-civil algorithm).
    pub fn from_epoch(secs: i64) -> Civil {
        let secs = secs.clamp(-62_167_219_200, 253_402_300_799);
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Civil {
            year: yoe + era * 400 + i64::from(month <= 2),
            month,
            day,
            hour: (rem / 3_600) as u32,
            minute: (rem / 60 % 60) as u32,
            second: (rem % 60) as u32,
        }
    }

    /// `YYYY-MM-DD`.
    pub fn iso_date(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::Civil;

    #[test]
    fn conversions() {
        assert_eq!(Civil::from_epoch(0).iso_date(), "1970-01-01");
        let c = Civil::from_epoch(19_783 * 86_400 + 3_723);
        assert_eq!(
            (c.year, c.month, c.day, c.hour, c.minute, c.second),
            (2024, 3, 1, 1, 2, 3)
        );
        assert_eq!(Civil::from_epoch(i64::MAX).year, 9999);
    }
}
