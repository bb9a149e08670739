//! What `import` reads: a file's bytes, capped, into one [`Input`]: plain
//! text, HTML saved from a browser, or a Word document (`.docx`), its
//! encoding detected (UTF-8, UTF-16 with its byte-order mark, Windows-1252
//! and the other legacy encodings by their letters). Anything else (a PDF,
//! an old `.doc`, a picture, a spreadsheet, bytes that are not text) is an
//! error that says what the file is and what to do instead.
//!
//! HTML and Word give the page's structure, which plain text can only
//! suggest: their headings, list items and `Label: value` pairs become
//! marked text (`marked`), the same form the text reader reads, with the
//! headings named, so the rest of the importer is one reader for all three.

mod decode;
mod docx;
mod html;
mod marked;

use super::Input;
use std::io::Read;
use std::path::Path;

/// The largest input read: a saved careers page is well under 1 MiB, a
/// job description in Word a few hundred KiB.
pub const MAX_INPUT_BYTES: u64 = 8 * 1024 * 1024;

/// What a file was read as, for the report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Form {
    /// Plain text, in the encoding named.
    #[default]
    Text,
    /// HTML saved from a browser.
    Html,
    /// A Word document.
    Word,
}

impl Form {
    pub fn describe(&self) -> &'static str {
        match self {
            Form::Text => "plain text",
            Form::Html => "a web page (HTML)",
            Form::Word => "a Word document",
        }
    }
}

/// Reads a file named on the command line, never more than
/// [`MAX_INPUT_BYTES`] of it (a device such as `/dev/zero` or a file that
/// grows is cut off there and refused), then [`read_input`].
pub fn read_file(path: &Path) -> Result<Input, String> {
    let shown = path.display();
    let file =
        std::fs::File::open(path).map_err(|e| format!("{shown}: cannot read the file: {e}"))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(format!("{shown}: is a folder; give the files in it"));
    }
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{shown}: cannot read the file: {e}"))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_big(&shown.to_string()));
    }
    read_input(&shown.to_string(), &bytes)
}

/// The message for an input over the cap.
pub(super) fn too_big(name: &str) -> String {
    format!(
        "{name}: the file is larger than {} MiB, the most `import` reads (a saved careers page is well under 1 MiB); save only the page itself, as text, HTML or .docx",
        MAX_INPUT_BYTES / (1024 * 1024)
    )
}

/// Reads one input from its bytes: by what the bytes are, whatever the
/// file is called (the name's extension only breaks a tie between HTML and
/// text).
pub fn read_input(name: &str, bytes: &[u8]) -> Result<Input, String> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_big(name));
    }
    if let Some(what) = not_readable(bytes) {
        return Err(format!("{name}: {what}"));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let m = docx::read(bytes).map_err(|e| format!("{name}: {e}"))?;
        return Ok(m.into_input(name, Form::Word, String::new()));
    }
    let (text, encoding) = decode::text(bytes).map_err(|e| format!("{name}: {e}"))?;
    let lower_name = name.to_ascii_lowercase();
    let by_name = lower_name.ends_with(".html") || lower_name.ends_with(".htm");
    if html::looks_like_html(&text) || (by_name && text.trim_start().starts_with('<')) {
        // A page that says its own encoding, read again in it when the
        // bytes were not UTF-8.
        let text = match html::declared_charset(&text) {
            Some(label) if encoding != "UTF-8" && !encoding.starts_with("UTF-16") => {
                decode::with_label(bytes, &label).unwrap_or(text)
            }
            _ => text,
        };
        let m = html::read(&text);
        return Ok(m.into_input(name, Form::Html, encoding));
    }
    Ok(Input {
        name: name.to_string(),
        text,
        form: Form::Text,
        encoding,
        headings: Vec::new(),
        title: None,
    })
}

/// What a file that `import` cannot read is, by its first bytes.
fn not_readable(bytes: &[u8]) -> Option<&'static str> {
    const KINDS: [(&[u8], &str); 9] = [
        (b"%PDF", "is a PDF; `import` reads text, HTML and Word (.docx): open it, copy the text into a .txt file, or save the web page itself (as HTML)"),
        (b"\xD0\xCF\x11\xE0", "is an old Word (.doc) or Excel file; open it in Word and save it as a Word document (.docx)"),
        (b"{\\rtf", "is a Rich Text (.rtf) file; open it in Word and save it as a Word document (.docx)"),
        (b"\x89PNG", "is a picture (PNG); `import` reads text, HTML and Word (.docx)"),
        (b"\xFF\xD8\xFF", "is a picture (JPEG); `import` reads text, HTML and Word (.docx)"),
        (b"GIF8", "is a picture (GIF); `import` reads text, HTML and Word (.docx)"),
        (b"\x1F\x8B", "is compressed (gzip); unpack it first"),
        (b"7z\xBC\xAF", "is a 7-Zip archive; unpack it first"),
        (b"Rar!", "is a RAR archive; unpack it first"),
    ];
    KINDS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_cannot_be_read_says_what_it_is() {
        for (bytes, says) in [
            (&b"%PDF-1.7 ..."[..], "is a PDF"),
            (&b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"[..], "old Word"),
            (&b"\x89PNG\r\n\x1a\n"[..], "picture"),
            (&b"PK\x03\x04not really a zip"[..], "zip"),
            (
                &b"\x00\x01\x02\x03\x04\x05\x06\x07binary\x00\x00\x00\x00"[..],
                "not text",
            ),
        ] {
            let e = read_input("page.bin", bytes).unwrap_err();
            assert!(e.starts_with("page.bin: "), "{e}");
            assert!(e.contains(says), "{e}");
        }
    }

    #[test]
    fn text_html_and_encodings() {
        let t = read_input("a.txt", "Dental nurse\nDental nurses help.\n".as_bytes()).unwrap();
        assert_eq!((t.form.clone(), t.encoding.as_str()), (Form::Text, "UTF-8"));
        // Windows-1252: "£23,000" and curly quotes as single bytes.
        let bytes = b"Salary\n\xA323,000 a year \x96 it\x92s a start\n";
        let t = read_input("a.txt", bytes).unwrap();
        assert!(
            t.text.contains("£23,000 a year – it’s a start"),
            "{}",
            t.text
        );
        assert_eq!(t.encoding, "windows-1252");
        // UTF-16 with its byte-order mark, both ways round.
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Porter – £24k".encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(read_input("a.txt", &le).unwrap().text, "Porter – £24k");
        assert_eq!(read_input("a.txt", &be).unwrap().text, "Porter – £24k");
        let h = read_input(
            "page.html",
            b"<!DOCTYPE html><html><head><title>Porter | Careers</title></head><body><nav><a>Home</a></nav><main><h1>Porter</h1><p>Porters move patients.</p></main></body></html>",
        )
        .unwrap();
        assert_eq!(h.form, Form::Html);
        assert!(!h.text.contains("Home"), "{}", h.text);
        assert_eq!(h.title.as_deref(), Some("Porter"));
    }
}
