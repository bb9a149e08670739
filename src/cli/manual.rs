//! What the manual page says beyond `--help`: the files careerpress reads
//! and writes, its exit codes, and the environment variables it reads.
//! Kept as data beside the code that reads them (the variables' names are
//! the constants the code uses), and rendered as roff sections after the
//! options clap_mangen writes.

use crate::mail::smtp::{PASSWORD_VAR, USER_VAR};
use clap_mangen::roff::{bold, italic, roman, Roff};

/// A section of the page: a title, and entries of a name and its text.
struct Section {
    title: &'static str,
    intro: &'static str,
    entries: Vec<(String, String)>,
}

fn sections() -> Vec<Section> {
    let entry = |name: &str, text: &str| (name.to_string(), text.to_string());
    vec![
        Section {
            title: "FILES",
            intro: "A project is a folder holding content/ and templates/ (or a careerpress.yaml): careerpress run in it or in any folder below it works on it, as cargo finds Cargo.toml; careerpress new project DIR makes one. Content files are YAML in UTF-8 (a BOM and CRLF line ends are accepted), at most 1 MiB each; ids (file and folder names) are lower-case letters, digits and hyphens. Write colours and any text holding \": \" or starting with # in quotes. careerpress check reports every mistake of every file at once, as file:line:column: field: what is wrong.",
            entries: vec![
                entry("careerpress.yaml", "Optional project settings, every one optional: templates, brands and jobs (what a plain build makes; all when left out), output (the layout under output/, with {brand}, {job}, {template} and {ext}; default {brand}/{job}/{template}.{ext}) and paper (A4 or A5, unless a brand or template says otherwise)."),
                entry("content/jobs/ID.yaml", "A job profile, one a job, its id the file name: title, title_article, alternative_titles, summary, web_address, duties, working_hours, working_environment, salary (whole pounds a year), entry_routes, skills, restrictions_and_requirements, training, career_tips, career_path, where_the_jobs_are, further_information, related_jobs, sources and last_reviewed (YYYY-MM-DD). careerpress new job ID writes a commented skeleton. A value with TODO, TBC, lorem ipsum, an .invalid address or a # TODO comment makes the profile a draft: check names each, build leaves drafts out unless --draft."),
                entry("content/jobs/ID.LANG.yaml", "Its text in another language (e.g. ID.cy.yaml, Welsh): the same fields in the same places, only the text translated; salaries, hours, dates, addresses, phone numbers and web addresses come from the original."),
                entry("content/brands/ID/brand.yaml", "A trust or health board: name, short_name, colours (\"#RRGGBB\": primary, secondary, shade, text; checked for WCAG 2.2 contrast), cmyk, logo (a PNG or JPEG file in the folder, with its alt text), fonts (optional TrueType or OpenType files in the folder), contact, footer, languages (e.g. [cy, en-GB], the first first), bilingual (sections, columns or separate) and print (paper A4 or A5, bleed_mm, crop_marks). careerpress new brand ID writes a skeleton."),
                entry("content/brands/ID/brand.LANG.yaml", "The brand's text in another language, as for jobs."),
                entry("templates/NAME.FORMAT.hbs", "A Handlebars template; FORMAT is txt, pdf or docx. An optional first comment {{!-- careerpress ... --}} holds its settings in YAML: paper, body_pt, text_width, print (also make NAME-print.pdf for the print shop), mail (a template for careerpress mail), and for large print columns (1: one column), smallest_pt, leading, hyphenate and large_print (left out for brands with large_print: false). Fixed words come from {{t \"key\"}}; {{#each_language}} repeats a section in each of the brand's languages."),
                entry("templates/partials/NAME.hbs", "A shared piece, used as {{> NAME}}."),
                entry("templates/locales/LANG/careerpress.ftl", "The fixed words of the templates in one language (Project Fluent), en-GB and cy bundled; check names any key missing in either."),
                entry("templates/fonts/", "Liberation Sans, the bundled fonts (SIL Open Font License)."),
                entry("schemas/*.schema.json", "JSON Schemas of the content files for editors (yaml-language-server completes and checks as you type), written by careerpress schema; each content file names its schema on its first line."),
                entry("output/BRAND/JOB/TEMPLATE.EXT", "What build writes (another folder with --out, another layout with careerpress.yaml's output): EXT is pdf, docx or txt; TEMPLATE-print.pdf beside a leaflet is the print shop's file (bleed, crop marks, CMYK); a bilingual brand with bilingual: separate gets TEMPLATE.LANG.EXT. Each file is written whole or not at all."),
                entry("output/.careerpress-manifest.json", "What each document was made from, so a build remakes only what changed, and what --clean may remove."),
                entry("recipients CSV", "For careerpress mail: UTF-8 with a header row and one applicant a row; columns name, email, job and brand (or --brand for every row) are required, language (cy or en) optional; every column is {{applicant.COLUMN}} in the mail template. Messages go to output/mail/BRAND/ as .eml files, or to the server --smtp names."),
                entry(".careerpress/mail/sent.jsonl", "The project's journal of messages an SMTP server accepted: no applicant is sent the same message twice."),
            ],
        },
        Section {
            title: "EXIT STATUS",
            intro: "",
            entries: vec![
                entry("0", "Success: everything asked for was made (check: all good)."),
                entry("1", "Problems in content, templates or documents: each named on standard error; every other document is still made. Also a draft left out, or a value still to fill in."),
                entry("2", "A usage error: an unknown flag or id (the message lists the known ones), an output layout that would put two documents in one file, or a command run outside any project."),
                entry("130", "Interrupted (Ctrl-C): documents finished so far are kept, none is half-written."),
            ],
        },
        Section {
            title: "ENVIRONMENT",
            intro: "",
            entries: vec![
                entry("SOURCE_DATE_EPOCH", "Seconds since 1970 (at most the end of year 9999): the date every document, its metadata and mail carry, for byte-identical builds on any machine. Unset, a document carries its job's last_reviewed date, and mail the time it is made."),
                entry(USER_VAR, "With careerpress mail --smtp: the SMTP user name (never put it in the server address)."),
                entry(PASSWORD_VAR, "With careerpress mail --smtp: the SMTP password. Both or neither."),
                entry("CI", "When set, no progress bar (as when standard error is not a terminal)."),
                entry("COMPLETE", "Set by the shell completion script (careerpress completions SHELL) to ask careerpress what to complete; not for setting by hand."),
            ],
        },
    ]
}

/// The sections as roff, to follow clap_mangen's.
pub fn roff() -> Roff {
    let mut r = Roff::new();
    for s in sections() {
        r.control("SH", [s.title]);
        if !s.intro.is_empty() {
            r.text([roman(s.intro)]);
        }
        for (name, text) in s.entries {
            r.control("TP", []);
            let name = if s.title == "FILES" {
                italic(name)
            } else {
                bold(name)
            };
            r.text([name]);
            r.text([roman(text)]);
        }
    }
    r
}
