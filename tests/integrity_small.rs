//! The small ones: output to a closed pipe ends quietly, and addresses that
//! hide characters are refused with the characters made visible.

mod common;

use common::{assert_exit, stderr, Project};
use std::io::Read;
use std::process::{Command, Stdio};

#[test]
fn a_closed_pipe_ends_quietly() {
    let p = Project::copy();
    for args in [
        &["build", "--json"][..],
        &["list"][..],
        &["completions", "bash"][..],
        &["man"][..],
    ] {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("careerpress"))
            .arg("--project")
            .arg(p.path())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read a little, then hang up, like `| head -c 10`.
        let mut first = [0u8; 10];
        let mut out = child.stdout.take().unwrap();
        let _ = out.read(&mut first);
        drop(out);
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = child.wait().unwrap();
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_ne!(status.code(), Some(101), "{args:?}: {err}");
        assert!(
            status.code().is_some_and(|c| c == 0 || c == 1),
            "{args:?}: {status:?} {err}"
        );
    }
}

#[test]
fn addresses_with_invisible_characters_are_refused_and_shown() {
    let cases = [
        (
            "content/brands/eastbrook-hospitals/brand.yaml",
            "  email: pals@eastbrook.example.nhs.uk",
            "  email: \"pals@eastbrook.example.nhs.uk\\u202e\"",
            "<U+202E>",
        ),
        (
            "content/jobs/pals-officer.yaml",
            "web_address: https://www.healthcareers.nhs.uk/",
            "web_address: \"https://www.health\\u200bcareers.nhs.uk/",
            "<U+200B>",
        ),
        (
            "content/brands/glan-y-mor/brand.yaml",
            "  web_address: https://glanymor.example.nhs.wales/pals",
            "  web_address: \"https://glanymor.example.nhs.wales/\\u2066pals\\u2069\"",
            "<U+2066>",
        ),
    ];
    for (file, from, to, shown) in cases {
        let p = Project::copy();
        let text = p.read(file);
        let line = text
            .lines()
            .find(|l| l.starts_with(from))
            .expect(from)
            .to_string();
        let new_line = if to.matches('"').count() % 2 == 1 {
            format!("{to}{}\"", &line[from.len()..])
        } else {
            to.to_string()
        };
        p.write(file, text.replace(&line, &new_line));
        let o = p.run(&["check"]);
        assert_exit(&o, 1);
        let err = stderr(&o);
        assert!(err.contains("invisible character"), "{file}: {err}");
        assert!(err.contains(shown), "{file}: {err}");
        for raw in ['\u{202e}', '\u{200b}', '\u{2066}', '\u{2069}'] {
            assert!(!err.contains(raw), "{file}: raw {raw:?} echoed");
        }
    }
}
