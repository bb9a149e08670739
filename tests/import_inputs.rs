//! What `careerpress import` reads, through the real binary: plain text,
//! HTML saved from a browser, Word documents, in UTF-8, UTF-16 or
//! Windows-1252; every input capped (a file over the cap and `/dev/zero`
//! are refused with the file's name and the cap, at once, nothing
//! written); anything else refused, saying what it is.

mod common;

use careerpress::authoring::import::MAX_INPUT_BYTES;
use common::Project;
use std::path::Path;
use std::time::{Duration, Instant};

fn import(p: &Project, file: &Path) -> (Option<i32>, String) {
    let out = p.run(&["import", "--id", "imported", &file.display().to_string()]);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn nothing_written(p: &Project) {
    assert!(!p.file("content/jobs/imported.yaml").exists());
}

#[test]
fn an_input_over_the_cap_is_refused_naming_the_file_and_the_cap() {
    let p = Project::copy();
    let big = p.file("big-page.txt");
    // A real page's text repeated past the cap (so it is text, not noise).
    let line = "Porters move patients, equipment and samples around the hospital.\n";
    let mut text = String::with_capacity(MAX_INPUT_BYTES as usize + line.len());
    while (text.len() as u64) <= MAX_INPUT_BYTES {
        text.push_str(line);
    }
    std::fs::write(&big, &text).unwrap();
    let (code, err) = import(&p, &big);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("big-page.txt"), "{err}");
    assert!(err.contains("larger than 8 MiB"), "{err}");
    nothing_written(&p);
    // At the cap it is read (the reader, not the whole import: placing
    // 8 MiB of sentences is not what this test is about).
    std::fs::write(&big, &text.as_bytes()[..MAX_INPUT_BYTES as usize]).unwrap();
    let input = careerpress::authoring::import::read_file(&big).unwrap();
    assert_eq!(input.text.len() as u64, MAX_INPUT_BYTES);
}

#[cfg(unix)]
#[test]
fn dev_zero_is_cut_off_at_the_cap() {
    let p = Project::copy();
    let start = Instant::now();
    let (code, err) = import(&p, Path::new("/dev/zero"));
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("/dev/zero"), "{err}");
    assert!(err.contains("larger than 8 MiB"), "{err}");
    // It stops at the cap: seconds, not until memory runs out.
    assert!(start.elapsed() < Duration::from_secs(60));
    nothing_written(&p);
}

#[test]
fn files_that_are_not_pages_say_what_they_are() {
    let p = Project::copy();
    for (name, bytes, says) in [
        (
            "job.pdf",
            &b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"[..],
            "is a PDF",
        ),
        (
            "job.doc",
            &b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0"[..],
            "save it as a Word document (.docx)",
        ),
        (
            "logo.png",
            &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..],
            "is a picture",
        ),
        (
            "data.bin",
            &[0u8, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0, 9, 9, 9, 9][..],
            "is not text",
        ),
        ("notes.zip", &b"PK\x03\x04\x14\0\0\0broken"[..], "zip"),
    ] {
        let f = p.file(name);
        std::fs::write(&f, bytes).unwrap();
        let (code, err) = import(&p, &f);
        assert_eq!(code, Some(1), "{name}: {err}");
        assert!(err.contains(name) && err.contains(says), "{name}: {err}");
        nothing_written(&p);
    }
}

#[test]
fn a_folder_or_a_missing_file_is_an_error() {
    let p = Project::copy();
    let (code, err) = import(&p, &p.file("content"));
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("is a folder"), "{err}");
    let (code, err) = import(&p, &p.file("no-such-page.txt"));
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("no-such-page.txt: cannot read the file"),
        "{err}"
    );
}

/// A page in three encodings and as HTML: the same facts each time.
#[test]
fn text_in_any_encoding_and_html_import_alike() {
    let page = "Hospital porter\n\nPorters move patients and equipment around the hospital – it’s an active job.\n\nSalary\n\nStarter: £22,383\nExperienced: £24,071\n\nSkills\n\n• physical fitness\n• good communication skills\n";
    let mut utf16 = vec![0xFF, 0xFE];
    for u in page.encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(page);
    let html = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Hospital porter | Careers</title></head><body>\
        <header><a href=\"#main\">Skip to main content</a><nav><a href=\"/\">Home</a> <a href=\"/jobs\">Jobs</a></nav></header>\
        <main id=\"main\"><h1>Hospital porter</h1><p>Porters move patients and equipment around the hospital – it’s an active job.</p>\
        <h2>Salary</h2><dl><dt>Starter</dt><dd>£22,383</dd><dt>Experienced</dt><dd>£24,071</dd></dl>\
        <h2>Skills</h2><ul><li>physical fitness</li><li>good communication skills</li></ul></main>\
        <footer>Cookies · Accessibility · © 2026</footer></body></html>";
    for (name, bytes, how) in [
        (
            "porter-utf8.txt",
            page.as_bytes().to_vec(),
            "plain text, UTF-8",
        ),
        ("porter-utf16.txt", utf16, "plain text, UTF-16LE"),
        (
            "porter-1252.txt",
            cp1252.into_owned(),
            "plain text, windows-1252",
        ),
        (
            "porter.html",
            html.as_bytes().to_vec(),
            "a web page (HTML), UTF-8",
        ),
    ] {
        let p = Project::copy();
        let f = p.file(name);
        std::fs::write(&f, &bytes).unwrap();
        let (code, err) = import(&p, &f);
        assert_eq!(code, Some(0), "{name}: {err}");
        assert!(err.contains(&format!("({how})")), "{name}: {err}");
        let job = common::draft_job(&p.file("content/jobs/imported.yaml"));
        assert_eq!(job.title.as_str(), "Hospital porter", "{name}");
        assert!(
            job.summary.as_str().contains("it’s an active job")
                || job.summary.as_str().contains("it's an active job"),
            "{name}: {}",
            job.summary.as_str()
        );
        assert_eq!(
            (job.salary.starter, job.salary.experienced),
            (22_383, 24_071),
            "{name}"
        );
        let skills: Vec<&str> = job.skills.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            skills,
            ["physical fitness", "good communication skills"],
            "{name}"
        );
        let yaml = p.read("content/jobs/imported.yaml");
        for gone in ["Skip to main content", "Cookies", "© 2026"] {
            assert!(
                !yaml
                    .lines()
                    .filter(|l| !l.starts_with('#'))
                    .any(|l| l.contains(gone)),
                "{name}: {gone}\n{yaml}"
            );
        }
    }
}
