//! Broken and hostile input: every case is a fixture with the exact error
//! it must give. For each: `check` names the file (and line and field where
//! there is one) with the right exit code; `build` makes every good
//! document all the same; nothing panics; no partial or temporary file is
//! left; nothing is written outside the output folder.

mod common;

use common::{assert_exit, stderr, Project};

const PALS: &str = "content/jobs/pals-officer.yaml";
const BAD_JOB: &str = "content/jobs/bad.yaml";
const BAD_BRAND: &str = "content/brands/bad-brand/brand.yaml";

/// Where the broken input goes.
#[derive(Clone, Copy)]
enum Target {
    /// A second job file, `content/jobs/bad.yaml`.
    Job,
    /// A second brand folder, `content/brands/bad-brand/`.
    Brand,
    /// A second template, `templates/broken.txt.hbs`.
    Template,
    /// The project itself (flags, project file).
    Project,
}

struct Case {
    name: &'static str,
    target: Target,
    /// Builds the broken input in a fresh copy of the tests' project.
    setup: fn(&Project),
    /// Arguments to run (`check` unless a case needs more).
    args: &'static [&'static str],
    code: i32,
    /// Text stderr must hold; `{file}` is the broken file's full path.
    expect: &'static [&'static str],
}

fn pals() -> String {
    std::fs::read_to_string(common::fixture().join(PALS)).unwrap()
}

fn brand() -> String {
    std::fs::read_to_string(common::fixture().join("content/brands/eastbrook-hospitals/brand.yaml"))
        .unwrap()
}

/// The PALS profile with one edit, as `bad.yaml`.
fn job_with(p: &Project, from: &str, to: &str) {
    let s = pals();
    assert!(
        s.contains(from),
        "fixture: {from:?} not in the PALS profile"
    );
    p.add_job("bad", &s.replacen(from, to, 1));
}

/// A copy of the Eastbrook brand with one edit, as `bad-brand`.
fn brand_with(p: &Project, from: &str, to: &str) {
    let s = brand();
    assert!(s.contains(from), "fixture: {from:?} not in the brand");
    p.write(BAD_BRAND, s.replacen(from, to, 1));
    std::fs::copy(
        p.file("content/brands/eastbrook-hospitals/logo.png"),
        p.file("content/brands/bad-brand/logo.png"),
    )
    .unwrap();
}

/// A PNG whose header claims `w × h` pixels (the pixels are not there).
fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, 0]);
    v.extend(13u32.to_be_bytes());
    let crc = crc32(&ihdr);
    v.extend(ihdr);
    v.extend(crc.to_be_bytes());
    for chunk in [&b"IDAT"[..], &b"IEND"[..]] {
        v.extend(0u32.to_be_bytes());
        v.extend(chunk);
        v.extend(crc32(chunk).to_be_bytes());
    }
    v
}

fn crc32(data: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}

fn line_of(s: &str, needle: &str) -> usize {
    s.lines().position(|l| l.contains(needle)).unwrap() + 1
}

const CHECK: &[&str] = &["check"];

fn cases() -> Vec<Case> {
    vec![
        // Malformed YAML.
        Case {
            name: "bad indentation",
            target: Target::Job,
            setup: |p| job_with(p, "duties:\n  intro:", "duties:\n    intro:"),
            args: CHECK,
            code: 1,
            expect: &["{file}:"],
        },
        Case {
            name: "tab indentation",
            target: Target::Job,
            setup: |p| job_with(p, "\n  pattern: 9am", "\n\tpattern: 9am"),
            args: CHECK,
            code: 1,
            expect: &["{file}:"],
        },
        Case {
            name: "unclosed quote",
            target: Target::Job,
            setup: |p| job_with(p, "requirements_intro: \"You'll usually need:\"", "requirements_intro: \"You'll usually need:"),
            args: CHECK,
            code: 1,
            expect: &["{file}:"],
        },
        Case {
            name: "truncated file",
            target: Target::Job,
            setup: |p| p.write(BAD_JOB, &pals()[..pals().len() / 2]),
            args: CHECK,
            code: 1,
            expect: &["{file}:"],
        },
        Case {
            name: "unclosed flow list",
            target: Target::Job,
            setup: |p| job_with(p, "title_article: a\n", "title_article: a\nalternative_titles: [PALS officer\n"),
            args: CHECK,
            code: 1,
            expect: &["{file}:"],
        },
        // Wrong types.
        Case {
            name: "money as text",
            target: Target::Job,
            setup: |p| job_with(p, "  starter: 18200", "  starter: £18,200"),
            args: CHECK,
            code: 1,
            expect: &["{file}:{line:starter: £18,200}:12: salary.starter: expected a whole number, without a £ sign or commas (e.g. 18200)"],
        },
        Case {
            name: "text where a list belongs",
            target: Target::Job,
            setup: |p| job_with(p, "related_jobs:\n  - Health service manager", "related_jobs: Health service manager\nxx:\n  - Health service manager"),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "related_jobs:"],
        },
        Case {
            name: "a list where a section belongs",
            target: Target::Job,
            setup: |p| job_with(p, "working_hours:\n  pattern: 9am to 5pm, Monday to Friday", "working_hours:\n  - pattern: 9am to 5pm, Monday to Friday"),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "working_hours"],
        },
        Case {
            name: "title as a mapping",
            target: Target::Job,
            setup: |p| job_with(p, "title: Patient advice", "title:\n  text: Patient advice"),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "title"],
        },
        Case {
            name: "a/an that is neither",
            target: Target::Job,
            setup: |p| job_with(p, "title_article: a", "title_article: the"),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "title_article"],
        },
        // Unknown and misspelt fields.
        Case {
            name: "misspelt top-level key",
            target: Target::Job,
            setup: |p| job_with(p, "\nsummary: >-", "\nsumary: >-"),
            args: CHECK,
            code: 1,
            expect: &["{file}:{line:sumary:}:1: sumary: unknown field 'sumary'", "(did you mean 'summary'?)"],
        },
        Case {
            name: "misspelt nested key",
            target: Target::Job,
            setup: |p| job_with(p, "    entry_requirements:\n      - 2 or more", "    entry_requirments:\n      - 2 or more"),
            args: CHECK,
            code: 1,
            expect: &["entry_routes.college.entry_requirments: unknown field 'entry_requirments'", "(did you mean 'entry_requirements'?)"],
        },
        Case {
            name: "unknown brand field",
            target: Target::Brand,
            setup: |p| brand_with(p, "short_name:", "nickname: Eb\nshort_name:"),
            args: CHECK,
            code: 1,
            expect: &["{file}:{line:nickname}:1: nickname: unknown field 'nickname'"],
        },
        // Duplicate keys.
        Case {
            name: "duplicate top-level key",
            target: Target::Job,
            setup: |p| job_with(p, "title_article: a\n", "title_article: a\ntitle_article: an\n"),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "the key 'title_article' appears twice"],
        },
        Case {
            name: "duplicate nested key",
            target: Target::Job,
            setup: |p| job_with(p, "  starter: 18200\n", "  starter: 18200\n  starter: 19000\n"),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "the key 'starter' appears twice"],
        },
        // Missing required fields.
        Case {
            name: "missing title",
            target: Target::Job,
            setup: |p| job_with(p, "title: Patient advice and liaison service (PALS) officer\n", ""),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "missing required field 'title'"],
        },
        Case {
            name: "missing experienced salary",
            target: Target::Job,
            setup: |p| job_with(p, "  experienced: 22000\n", ""),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "salary: missing required field 'experienced'"],
        },
        Case {
            name: "missing brand email",
            target: Target::Brand,
            setup: |p| brand_with(p, "  email: pals@eastbrook.example.nhs.uk\n", ""),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "contact: missing required field 'email'"],
        },
        // Empty files, encodings and line endings.
        Case {
            name: "empty file",
            target: Target::Job,
            setup: |p| p.write(BAD_JOB, ""),
            args: CHECK,
            code: 1,
            expect: &["{file}: the file is empty"],
        },
        Case {
            name: "only comments",
            target: Target::Job,
            setup: |p| p.write(BAD_JOB, "# to do\n\n# later\n"),
            args: CHECK,
            code: 1,
            expect: &["{file}: the file is empty"],
        },
        Case {
            name: "UTF-8 BOM is accepted",
            target: Target::Job,
            setup: |p| p.write(BAD_JOB, format!("\u{feff}{}", pals())),
            args: CHECK,
            code: 0,
            expect: &[],
        },
        Case {
            name: "CRLF line endings are accepted",
            target: Target::Job,
            setup: |p| p.write(BAD_JOB, pals().replace('\n', "\r\n")),
            args: CHECK,
            code: 0,
            expect: &[],
        },
        Case {
            name: "not UTF-8 (Latin-1 £)",
            target: Target::Job,
            setup: |p| {
                let mut b = pals().into_bytes();
                let at = line_of(&pals(), "salary:");
                let pos = pals().lines().take(at).map(|l| l.len() + 1).sum::<usize>();
                b.splice(pos..pos, b"  # \xa3 pounds\n".iter().copied());
                p.write(BAD_JOB, b);
            },
            args: CHECK,
            code: 1,
            expect: &["{file}:{line:pounds}: the file is not UTF-8 text", "save it as UTF-8"],
        },
        Case {
            name: "a 50 MB file",
            target: Target::Job,
            setup: |p| {
                let f = std::fs::File::create(p.file(BAD_JOB)).unwrap();
                f.set_len(50 * 1024 * 1024).unwrap();
            },
            args: CHECK,
            code: 1,
            expect: &["{file}: the file is 52428800 bytes; content files may be at most 1048576 bytes (1 MiB)"],
        },
        Case {
            name: "alias bomb (billion laughs)",
            target: Target::Job,
            setup: |p| {
                let mut s = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
                for i in 1..10 {
                    s += &format!("a{i}: &a{i} [{}]\n", vec![format!("*a{}", i - 1); 10].join(", "));
                }
                s += "title: *a9\n";
                p.write(BAD_JOB, s);
            },
            args: CHECK,
            code: 1,
            expect: &["{file}:1:1:"],
        },
        Case {
            name: "alias bomb inside a list field",
            target: Target::Job,
            setup: |p| {
                let mut s = pals();
                s = s.replacen("alternative_titles:\n  - PALS officer\n  - Patient advice and liaison officer\n", "alternative_titles: &x [PALS officer, PALS officer]\n", 1);
                let refs = vec!["*x"; 5000].join(", ");
                s = s.replacen("related_jobs:\n", &format!("unsorted: [{refs}]\nrelated_jobs:\n"), 1);
                p.write(BAD_JOB, s);
            },
            args: CHECK,
            code: 1,
            expect: &["{file}:"],
        },
        Case {
            name: "deeply nested value",
            target: Target::Job,
            setup: |p| job_with(p, "title_article: a\n", &format!("title_article: a\nalternative_titles: {}{}\n", "[".repeat(5000), "]".repeat(5000))),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "alternative_titles"],
        },
        // Ids become file names.
        Case {
            name: "id with spaces",
            target: Target::Project,
            setup: |p| p.write("content/jobs/PALS officer.yaml", pals()),
            args: CHECK,
            code: 1,
            expect: &["content/jobs/PALS officer.yaml: 'PALS officer' is not a valid id"],
        },
        Case {
            name: "job flag with ../",
            target: Target::Project,
            setup: |_| {},
            args: &["build", "--job", "../../etc/passwd"],
            code: 2,
            expect: &["there is no job '../../etc/passwd'; known jobs: pals-officer"],
        },
        Case {
            name: "brand flag with a slash",
            target: Target::Project,
            setup: |_| {},
            args: &["build", "--brand", "eastbrook-hospitals/x"],
            code: 2,
            expect: &["there is no brand 'eastbrook-hospitals/x'"],
        },
        Case {
            name: "output layout leaving the output folder",
            target: Target::Project,
            setup: |p| p.write("careerpress.yaml", "output: \"../{brand}/{job}/{template}.{ext}\"\n"),
            args: CHECK,
            code: 1,
            expect: &["careerpress.yaml:1:1: output: the output layout '../{brand}/{job}/{template}.{ext}' must be a relative path without '..'"],
        },
        // Logos.
        Case {
            name: "logo outside the project",
            target: Target::Brand,
            setup: |p| brand_with(p, "  file: logo.png", "  file: ../../../../../etc/passwd"),
            args: CHECK,
            code: 1,
            expect: &["{file}:{line:  file:}:3: logo.file: '../../../../../etc/passwd' must be a file name inside the brand folder"],
        },
        Case {
            name: "logo missing",
            target: Target::Brand,
            setup: |p| brand_with(p, "  file: logo.png", "  file: missing.png"),
            args: CHECK,
            code: 1,
            expect: &["{file}:{line:  file:}:3: logo.file: cannot read", "missing.png"],
        },
        Case {
            name: "logo empty",
            target: Target::Brand,
            setup: |p| {
                brand_with(p, "  file: logo.png", "  file: empty.png");
                p.write("content/brands/bad-brand/empty.png", "");
            },
            args: CHECK,
            code: 1,
            expect: &["{file}:{line:  file:}:3: logo.file:", "empty.png' is empty"],
        },
        Case {
            name: "logo corrupt",
            target: Target::Brand,
            setup: |p| {
                brand_with(p, "  file: logo.png", "  file: bad.png");
                let mut b = std::fs::read(common::fixture().join("content/brands/eastbrook-hospitals/logo.png")).unwrap();
                b.truncate(120);
                p.write("content/brands/bad-brand/bad.png", b);
            },
            args: CHECK,
            code: 1,
            expect: &["{file}:{line:  file:}:3: logo.file:", "bad.png' is a damaged image"],
        },
        Case {
            name: "logo 20000 x 20000 pixels",
            target: Target::Brand,
            setup: |p| {
                brand_with(p, "  file: logo.png", "  file: huge.png");
                p.write("content/brands/bad-brand/huge.png", png_header(20_000, 20_000));
            },
            args: CHECK,
            code: 1,
            expect: &["{file}:{line:  file:}:3: logo.file:", "huge.png' is 20000 × 20000 pixels; images may have at most 25 million pixels"],
        },
        Case {
            name: "logo that is not an image",
            target: Target::Brand,
            setup: |p| {
                brand_with(p, "  file: logo.png", "  file: logo.svg");
                p.write("content/brands/bad-brand/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
            },
            args: CHECK,
            code: 1,
            expect: &["{file}:{line:  file:}:3: logo.file:", "logo.svg' is not a PNG or JPEG image"],
        },
        // Brand values.
        Case {
            name: "colour without quotes",
            target: Target::Brand,
            setup: |p| brand_with(p, "  primary: \"#005293\"", "  primary: #005293"),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "colours.primary"],
        },
        Case {
            name: "CMYK out of range",
            target: Target::Brand,
            setup: |p| brand_with(p, "  primary: [100, 55, 0, 20]", "  primary: [100, 155, 0, 20]"),
            args: CHECK,
            code: 1,
            expect: &["{file}:{line:  primary: [100, 155}:18: cmyk.primary[1]: 155 is out of range: give CMYK as four percentages from 0 to 100"],
        },
        Case {
            name: "unknown language",
            target: Target::Brand,
            setup: |p| brand_with(p, "languages: [en-GB]", "languages: [fr]"),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "languages[0]"],
        },
        Case {
            name: "invalid brand email",
            target: Target::Brand,
            setup: |p| brand_with(p, "  email: pals@eastbrook.example.nhs.uk", "  email: pals at eastbrook"),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "contact.email: 'pals at eastbrook' is not an email address"],
        },
        // Templates.
        Case {
            name: "template syntax error",
            target: Target::Template,
            setup: |p| p.write("templates/broken.txt.hbs", "# {{job.title}}\n\n{{#each job.skills}}\n- {{this}}\n"),
            args: CHECK,
            code: 1,
            expect: &["{file}:"],
        },
        Case {
            name: "unknown helper",
            target: Target::Template,
            setup: |p| p.write("templates/broken.txt.hbs", "# {{job.title}}\n\n{{shout job.summary}}\n"),
            args: CHECK,
            code: 1,
            expect: &["{file}:3:", "unknown helper 'shout'"],
        },
        Case {
            name: "unknown partial",
            target: Target::Template,
            setup: |p| p.write("templates/broken.txt.hbs", "# {{job.title}}\n\n{{> footer}}\n"),
            args: CHECK,
            code: 1,
            expect: &["{file}:3:", "unknown partial 'footer'"],
        },
        Case {
            name: "missing field in strict mode",
            target: Target::Template,
            setup: |p| p.write("templates/broken.txt.hbs", "# {{job.title}}\n\n{{job.salary.median}}\n"),
            args: CHECK,
            code: 1,
            expect: &["{file}:3:", "the field 'job.salary.median' does not exist"],
        },
        Case {
            name: "partials that include each other",
            target: Target::Template,
            setup: |p| {
                p.write("templates/partials/ping.hbs", "{{> pong}}");
                p.write("templates/partials/pong.hbs", "{{> ping}}");
                p.write("templates/broken.txt.hbs", "# {{job.title}}\n\n{{> ping}}\n");
            },
            args: CHECK,
            code: 1,
            expect: &["the partial 'ping' includes itself (the partial 'ping' → the partial 'pong' → the partial 'ping')"],
        },
        Case {
            name: "computed partial name",
            target: Target::Template,
            setup: |p| p.write("templates/broken.txt.hbs", "# {{job.title}}\n\n{{> (lookup job 'id')}}\n"),
            args: CHECK,
            code: 1,
            expect: &["{file}: computed partial names"],
        },
        Case {
            name: "template making an unknown directive",
            target: Target::Template,
            setup: |p| p.write("templates/broken.txt.hbs", "# {{job.title}}\n\n::: sidebar\ntext\n:::\n"),
            args: CHECK,
            code: 1,
            expect: &["{file}: the template made markup that does not parse: markup line 3: unknown directive '::: sidebar'"],
        },
        Case {
            name: "template file that is not UTF-8",
            target: Target::Template,
            setup: |p| p.write("templates/broken.txt.hbs", b"# {{job.title}} \xff\n"),
            args: CHECK,
            code: 1,
            expect: &["{file}: the template is not UTF-8 text"],
        },
        // Limits.
        Case {
            name: "a 500-item list",
            target: Target::Job,
            setup: |p| {
                let items: String = (1..=500).map(|i| format!("  - skill number {i}\n")).collect();
                job_with(p, "skills:\n", &format!("skills:\n{items}"));
            },
            args: CHECK,
            code: 1,
            expect: &["{file}:{line:skills:}:1: skills: the list has 512 items; lists may have at most 200"],
        },
        Case {
            name: "a paragraph longer than 10,000 characters",
            target: Target::Job,
            setup: |p| job_with(p, "summary: >-\n", &format!("summary: >-\n  {}\n", "word ".repeat(2_500))),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "summary: is longer than 10000 characters"],
        },
        Case {
            name: "control characters in text",
            target: Target::Job,
            setup: |p| {
                job_with(p, "title: Patient advice and liaison service (PALS) officer", "title: \"Patient\\u0007 advice\"")
            },
            args: CHECK,
            code: 1,
            expect: &["{file}:", "title: contains the control character U+0007"],
        },
        Case {
            name: "a web address that is not one",
            target: Target::Job,
            setup: |p| job_with(p, "web_address: https://www.healthcareers", "web_address: javascript:alert(1)//www.healthcareers"),
            args: CHECK,
            code: 1,
            expect: &["{file}:", "web_address: 'javascript:alert(1)//www.healthcareers"],
        },
    ]
}

fn run_case(case: &Case) {
    let p = Project::copy();
    (case.setup)(&p);
    let file = match case.target {
        Target::Job => p.file(BAD_JOB),
        Target::Brand => p.file(BAD_BRAND),
        Target::Template => p.file("templates/broken.txt.hbs"),
        Target::Project => p.path().to_path_buf(),
    };
    // A job a case writes needs the Welsh beside it, as every job of a
    // project with a Welsh board does.
    if p.file(BAD_JOB).exists() && !p.file("content/jobs/bad.cy.yaml").exists() {
        p.write(
            "content/jobs/bad.cy.yaml",
            std::fs::read(p.file("content/jobs/pals-officer.cy.yaml")).unwrap(),
        );
    }
    let o = p.run(case.args);
    let err = stderr(&o);
    assert_eq!(
        o.status.code(),
        Some(case.code),
        "{}: exit code; stderr:\n{err}",
        case.name
    );
    assert!(!err.contains("panicked"), "{}: panic:\n{err}", case.name);
    let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap_or_default()).into_owned();
    for e in case.expect {
        let mut want = e.replace("{file}", &file.display().to_string());
        // `{line:needle}`: the line of the broken file that holds `needle`.
        while let Some(i) = want.find("{line:") {
            let end = want[i..].find('}').unwrap() + i;
            let n = line_of(&text, &want[i + 6..end]);
            want.replace_range(i..=end, &n.to_string());
        }
        assert!(
            err.contains(&want),
            "{}: stderr should contain\n  {want}\nbut was:\n{err}",
            case.name
        );
    }
    if case.args == CHECK {
        assert!(
            !p.file("output").exists(),
            "{}: check wrote output",
            case.name
        );
        // The same input in a build: good documents are made, the bad input
        // makes nothing, and no temporary file is left.
        let b = p.run(&["build", "--format", "txt"]);
        assert!(
            !stderr(&b).contains("panicked"),
            "{}: build panicked",
            case.name
        );
        assert_eq!(
            b.status.code(),
            Some(case.code),
            "{}: build exit code:\n{}",
            case.name,
            stderr(&b)
        );
        let files: Vec<String> = p.outputs().into_iter().map(|f| f.0).collect();
        assert!(
            files.contains(&"eastbrook-hospitals/pals-officer/summary.txt".to_string()),
            "{}: {files:?}",
            case.name
        );
        assert!(
            files.iter().all(|f| !f.contains(".careerpress-tmp")),
            "{}: {files:?}",
            case.name
        );
        if case.code != 0 {
            assert!(
                files.iter().all(|f| !f.contains("/bad/")
                    && !f.starts_with("bad-brand/")
                    && !f.contains("broken.")),
                "{}: {files:?}",
                case.name
            );
        }
    }
}

#[test]
fn every_case_gives_its_error() {
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    // Run the cases on a few threads; each has its own project copy.
    let failures: Vec<String> = std::thread::scope(|s| {
        let chunks: Vec<&[Case]> = cases.chunks(cases.len().div_ceil(4)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .filter_map(|c| {
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_case(c)))
                                .err()
                                .map(|e| {
                                    e.downcast_ref::<String>()
                                        .cloned()
                                        .unwrap_or_else(|| c.name.to_string())
                                })
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn content_markup_and_handlebars_stay_literal_in_every_format() {
    let p = Project::copy();
    p.edit(
        PALS,
        "  - mediation skills\n",
        "  - \"**not bold** # {{job.title}} ::: pagebreak <b>x</b> [a](javascript:x)\"\n",
    );
    let o = p.run(&["build", "--brand", "eastbrook-hospitals"]);
    assert_exit(&o, 0);
    let literal = "**not bold** # {{job.title}} ::: pagebreak <b>x</b> [a](javascript:x)";
    let txt = p.read("output/eastbrook-hospitals/pals-officer/summary.txt");
    assert!(txt.contains(literal), "{txt}");
    let docx =
        std::fs::read(p.file("output/eastbrook-hospitals/pals-officer/handout.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(
        xml.contains(
            "**not bold** # {{job.title}} ::: pagebreak &lt;b&gt;x&lt;/b&gt; [a](javascript:x)"
        ),
        "DOCX holds the text literally"
    );
    assert!(!xml.contains("javascript:x\""), "no link made from content");
}

#[test]
fn emoji_and_cjk_warn_and_still_build() {
    let p = Project::copy();
    p.edit(
        PALS,
        "  - mediation skills\n",
        "  - mediation skills 😀 and 調停\n",
    );
    let o = p.run(&["build", "--brand", "eastbrook-hospitals", "--format", "pdf"]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    assert!(
        err.contains("warning:")
            && err.contains("😀")
            && err.contains("content/jobs/pals-officer.yaml"),
        "{err}"
    );
    assert!(p
        .file("output/eastbrook-hospitals/pals-officer/leaflet.pdf")
        .exists());
}

#[test]
fn very_long_words_and_addresses_build_in_every_format() {
    let p = Project::copy();
    let long_url = format!(
        "https://www.example.nhs.uk/{}",
        "very-long-path-segment/".repeat(20)
    );
    p.edit(PALS, "web_address: https://www.healthcareers.nhs.uk/explore-roles/wider-healthcare-team/roles-wider-healthcare-team/corporate-services/patient-advice-and-liaison-service-pals-officer", &format!("web_address: {long_url}"));
    p.edit(
        PALS,
        "  - mediation skills\n",
        &format!(
            "  - {}\n",
            "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(4)
        ),
    );
    let o = p.run(&["build", "--brand", "eastbrook-hospitals"]);
    assert_exit(&o, 0);
    let txt = p.read("output/eastbrook-hospitals/pals-officer/summary.txt");
    assert!(
        txt.lines().any(|l| l == long_url),
        "the address stays whole"
    );
    assert!(
        txt.lines()
            .all(|l| l == long_url || l.chars().count() <= 72),
        "long words are split at 72 columns"
    );
}

#[test]
fn a_tampered_manifest_cannot_make_clean_remove_files_outside_output() {
    let p = Project::copy();
    assert_exit(&p.run(&["build", "--format", "txt"]), 0);
    let outside = p.file("precious.txt");
    std::fs::write(&outside, "keep me").unwrap();
    let manifest = p.file("output/.careerpress-manifest.json");
    let m = std::fs::read_to_string(&manifest).unwrap();
    let tampered = m.replacen(
        "\"documents\": {",
        "\"documents\": {\n    \"../precious.txt\": {\"inputs\": \"x\", \"size\": 7},\n    \"/etc/hostname\": {\"inputs\": \"x\", \"size\": 7},",
        1,
    );
    assert_ne!(m, tampered);
    std::fs::write(&manifest, tampered).unwrap();
    let o = p.run(&["build", "--format", "txt", "--clean"]);
    assert_exit(&o, 0);
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep me");
}
