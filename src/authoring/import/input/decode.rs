//! Bytes into text: a byte-order mark first (UTF-8, UTF-16 either way
//! round), then UTF-8 if the bytes are that, else the legacy encoding their
//! letters point to (chardetng, the detector Firefox uses; for careers
//! pages it is Windows-1252), decoded by encoding_rs. Bytes that are not
//! text at all are refused.

use encoding_rs::Encoding;

/// The text and the name of the encoding it was in.
pub fn text(bytes: &[u8]) -> Result<(String, String), String> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return checked(text.into_owned(), enc.name());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return checked(s.to_string(), "UTF-8");
    }
    // UTF-16 without its mark: every other byte zero in plain English.
    let zeros = |start: usize| {
        bytes
            .iter()
            .skip(start)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let half = bytes.len() / 2;
    if bytes.len() >= 8 && (zeros(1) * 10 >= half * 9 || zeros(0) * 10 >= half * 9) {
        let enc = if zeros(1) > zeros(0) {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return checked(text.into_owned(), enc.name());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // The pages careers teams migrate from are British: the hint makes
    // a short page with a "£" Windows-1252 rather than a Central European
    // code page, as a longer text would show anyway.
    let enc = detector.guess(Some(b"uk"), chardetng::Utf8Detection::Deny);
    let (text, _, _) = enc.decode(bytes);
    checked(text.into_owned(), enc.name())
}

/// Decodes with the encoding a page declares (`<meta charset>`).
pub fn with_label(bytes: &[u8], label: &str) -> Option<String> {
    let enc = Encoding::for_label(label.trim().as_bytes())?;
    let (text, _, had_errors) = enc.decode(bytes);
    (!had_errors).then(|| text.into_owned())
}

/// Refuses text that is mostly control characters (a binary file).
fn checked(text: String, name: &str) -> Result<(String, String), String> {
    let total = text.chars().count().max(1);
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control * 100 > total {
        return Err(
            "is not text (it holds binary data); `import` reads text, HTML and Word (.docx)".into(),
        );
    }
    Ok((text, name.to_string()))
}
