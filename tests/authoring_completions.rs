//! Shell completions, manual pages and `--version`, all made from the
//! command-line definitions.

mod common;

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

/// Runs the binary in an empty folder: scripts, pages and the version are
/// made from the command-line definitions, never from a project (and not
/// from the repository's bundled one).
fn run(args: &[&str]) -> (bool, String) {
    let nowhere = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("careerpress")
        .unwrap()
        .current_dir(nowhere.path())
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn completions_for_every_shell_ask_the_binary() {
    let bin = assert_cmd::cargo::cargo_bin("careerpress");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (ok, script) = run(&["completions", shell]);
        assert!(ok, "{shell}");
        // The script calls this binary with COMPLETE=<shell> as words are
        // completed (so ids come from the project), for the command
        // people type.
        assert!(
            script.contains(&*bin.to_string_lossy()),
            "{shell}: {script}"
        );
        assert!(
            script.contains(&format!("\"{shell}\"")) || script.contains(&format!("={shell}")),
            "{shell}: {script}"
        );
        assert!(script.contains("careerpress"), "{shell}");
    }
    let (ok, _) = run(&["completions", "tcsh"]);
    assert!(!ok);
}

/// What the binary offers for the word at `index` of `words` (the command
/// line as bash gives it), run from `dir` as a shell would run it.
fn offered(dir: &std::path::Path, shell: &str, words: &[&str]) -> Vec<String> {
    let out = Command::cargo_bin("careerpress")
        .unwrap()
        .current_dir(dir)
        .env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut got: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.split(['\t', ':']).next().unwrap_or("").to_string())
        .filter(|l| !l.is_empty())
        .collect();
    got.sort();
    got
}

/// A project of its own: the fixture content, a second job, and a file
/// in the jobs folder that is not a job.
fn project() -> common::Project {
    let p = common::Project::copy();
    p.add_job("nurse", &p.read("content/jobs/pals-officer.yaml"));
    p.write("content/jobs/notes.txt", "not a job");
    p
}

#[test]
fn job_brand_and_template_flags_complete_to_the_projects_ids() {
    let p = project();
    let jobs = p.file("content/jobs");
    for shell in ["bash", "zsh", "fish"] {
        // From inside the project, as after opening a job file.
        assert_eq!(
            offered(&jobs, shell, &["careerpress", "build", "--job", ""]),
            ["nurse", "pals-officer"],
            "{shell}"
        );
        assert_eq!(
            offered(&jobs, shell, &["careerpress", "build", "--brand", ""]),
            ["eastbrook-hospitals", "glan-y-mor"],
            "{shell}"
        );
        assert_eq!(
            offered(&jobs, shell, &["careerpress", "build", "--brand", "g"]),
            ["glan-y-mor"],
            "{shell}"
        );
    }
    assert_eq!(
        offered(&jobs, "bash", &["careerpress", "watch", "--template", ""]),
        [
            "email",
            "handout",
            "leaflet",
            "leaflet-large-print",
            "page",
            "summary"
        ]
    );
    assert_eq!(
        offered(&jobs, "bash", &["careerpress", "markup", "--job", "n"]),
        ["nurse"]
    );
    // From elsewhere, with --project.
    let elsewhere = tempfile::tempdir().unwrap();
    let root = p.path().to_str().unwrap();
    assert_eq!(
        offered(
            elsewhere.path(),
            "bash",
            &["careerpress", "--project", root, "build", "--job", "p"]
        ),
        ["pals-officer"]
    );
    // Outside any project: nothing to offer, and no error.
    assert!(offered(
        elsewhere.path(),
        "bash",
        &["careerpress", "build", "--job", ""]
    )
    .is_empty());
    // Subcommands still complete.
    assert!(offered(&jobs, "bash", &["careerpress", "bu"]).contains(&"build".to_string()));
}

#[test]
fn bash_itself_completes_job_ids_through_the_script() {
    let p = project();
    let (ok, script) = run(&["completions", "bash"]);
    assert!(ok);
    let file = p.file("completion.bash");
    std::fs::write(&file, script).unwrap();
    // What bash does on `careerpress build --job <TAB>`: the registered
    // function is called with the words, and COMPREPLY holds the offers.
    let probe = format!(
        "source '{}'\nCOMP_WORDS=(careerpress build --job '')\nCOMP_CWORD=3\nCOMP_TYPE=9\n\
         _clap_complete_careerpress careerpress '' --job\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        file.display()
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(probe)
        .current_dir(p.file("content"))
        .output()
        .unwrap();
    let got = String::from_utf8_lossy(&out.stdout);
    let mut got: Vec<&str> = got.lines().collect();
    got.sort();
    assert_eq!(
        got,
        ["nurse", "pals-officer"],
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
fn the_man_page_documents_files_exit_codes_and_the_environment() {
    let (ok, page) = run(&["man"]);
    assert!(ok);
    let section = |title: &str| -> String {
        let start = page
            .find(&format!(".SH \"{title}\""))
            .or_else(|| page.find(&format!(".SH {title}\n")))
            .unwrap_or_else(|| panic!("no {title} section:\n{page}"));
        let rest = &page[start + 4..];
        rest[..rest.find("\n.SH ").unwrap_or(rest.len())].to_string()
    };
    let files = section("FILES");
    for f in [
        "careerpress.yaml",
        "content/jobs/ID.yaml",
        "content/jobs/ID.LANG.yaml",
        "content/brands/ID/brand.yaml",
        "templates/NAME.FORMAT.hbs",
        "templates/locales/LANG/careerpress.ftl",
        "output/BRAND/JOB/TEMPLATE.EXT",
        "recipients CSV",
    ] {
        assert!(files.contains(f), "FILES lacks {f}:\n{files}");
    }
    let exit = section("EXIT STATUS");
    for code in ["0", "1", "2", "130"] {
        assert!(
            exit.contains(&format!("\\fB{code}\\fR")),
            "EXIT STATUS lacks {code}:\n{exit}"
        );
    }
    // Every variable the code reads is there: found in the source itself.
    let env = section("ENVIRONMENT");
    let mut read = Vec::new();
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let src = std::fs::read_to_string(&p).unwrap();
                for (i, _) in src.match_indices("env::var") {
                    let rest = &src[i..];
                    if let Some(name) = rest
                        .split_once("(\"")
                        .filter(|(before, _)| before.len() < 12)
                        .and_then(|(_, after)| after.split_once('"'))
                        .map(|(name, _)| name.to_string())
                    {
                        out.push(name);
                    }
                }
                for line in src.lines().filter(|l| l.contains("_VAR: &str = \"")) {
                    out.push(line.split('"').nth(1).unwrap().to_string());
                }
            }
        }
    }
    walk(&common::repo().join("src"), &mut read);
    read.sort();
    read.dedup();
    assert!(read.contains(&"SOURCE_DATE_EPOCH".to_string()), "{read:?}");
    assert!(read.len() >= 4, "{read:?}");
    for var in read {
        let shown = var.replace('_', "\\_");
        assert!(
            env.contains(&format!("\\fB{var}\\fR")) || env.contains(&format!("\\fB{shown}\\fR")),
            "ENVIRONMENT lacks {var}:\n{env}"
        );
    }
    // The whole page reads as a manual: man renders it without warnings.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("careerpress.1");
    std::fs::write(&file, &page).unwrap();
    if let Ok(o) = std::process::Command::new("man")
        .args(["--warnings", "-l"])
        .arg(&file)
        .env("MANWIDTH", "80")
        .output()
    {
        if o.status.success() {
            let text = String::from_utf8_lossy(&o.stdout);
            assert!(text.contains("SOURCE_DATE_EPOCH"), "{text}");
            assert!(
                String::from_utf8_lossy(&o.stderr).trim().is_empty(),
                "{}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
    }
}

#[test]
fn man_out_writes_a_page_a_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, _) = run(&["man", "--out", dir.path().to_str().unwrap()]);
    assert!(ok);
    let main = std::fs::read_to_string(dir.path().join("careerpress.1")).unwrap();
    assert!(main.contains(".TH careerpress 1"));
    // The page written is the whole page, as `careerpress man` prints it.
    assert_eq!(main, run(&["man"]).1);
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
