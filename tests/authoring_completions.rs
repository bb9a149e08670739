//! Shell completions, manual pages and `--version`, all made from the
//! command-line definitions.

use assert_cmd::Command;

const SUBCOMMANDS: [&str; 9] = [
    "build",
    "check",
    "list",
    "schema",
    "new",
    "import",
    "watch",
    "completions",
    "man",
];

fn run(args: &[&str]) -> (bool, String) {
    let out = Command::cargo_bin("careerpress")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn completions_for_every_shell_know_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (ok, script) = run(&["completions", shell]);
        assert!(ok, "{shell}");
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completions lack '{sub}'");
        }
        assert!(script.contains("project"), "{shell}");
    }
    let (ok, _) = run(&["completions", "tcsh"]);
    assert!(!ok);
}

#[test]
fn the_man_page_lists_the_subcommands() {
    let (ok, page) = run(&["man"]);
    assert!(ok);
    assert!(
        page.starts_with(".ie") || page.contains(".TH careerpress 1"),
        "{page}"
    );
    assert!(page.contains(".SH SUBCOMMANDS"));
    for sub in SUBCOMMANDS {
        assert!(
            page.contains(&format!("careerpress\\-{sub}(1)")),
            "the man page lacks '{sub}'"
        );
    }
}

#[test]
fn man_out_writes_a_page_a_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, _) = run(&["man", "--out", dir.path().to_str().unwrap()]);
    assert!(ok);
    let main = std::fs::read_to_string(dir.path().join("careerpress.1")).unwrap();
    assert!(main.contains(".TH careerpress 1"));
    for sub in SUBCOMMANDS {
        let page = dir.path().join(format!("careerpress-{sub}.1"));
        assert!(page.is_file(), "{}", page.display());
    }
    let import = std::fs::read_to_string(dir.path().join("careerpress-import.1")).unwrap();
    assert!(import.contains("plain\\-text careers profiles"), "{import}");
}

#[test]
fn version_is_the_crate_version() {
    let (ok, out) = run(&["--version"]);
    assert!(ok);
    assert_eq!(
        out.trim(),
        format!("careerpress {}", env!("CARGO_PKG_VERSION"))
    );
}
