//! `careerpress new project <dir>`: a minimal project that builds at once
//! (one job, one trust, the bundled templates and fonts, the editor
//! schemas), to replace with a team's own content. And finding the project
//! a command runs in, from any folder inside it, as cargo finds its
//! `Cargo.toml`.

use super::schema;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The project file a new project starts with.
const PROJECT_FILE: &str = "\
# yaml-language-server: $schema=schemas/project.schema.json
# careerpress project settings (all optional). `careerpress` run in this
# folder or any folder below it works on this project.
#
# templates: [leaflet, summary]              # what a plain `build` makes (all when left out)
# brands: [eastbrook-hospitals]              # which brands (all when left out)
# output: \"{brand}/{job}/{template}.{ext}\"   # the layout under output/
# paper: A4                                  # unless a brand or template says otherwise
# plain_english: warn                        # the plain-English check: warn, error or off
";

/// Files of a new project: path inside it, bytes.
fn files() -> Vec<(String, Vec<u8>)> {
    macro_rules! bundled {
        ($($path:literal),* $(,)?) => {
            vec![$(($path.to_string(), include_bytes!(concat!("../../", $path)).to_vec())),*]
        };
    }
    let mut files = bundled![
        "templates/leaflet.pdf.hbs",
        "templates/leaflet-large-print.pdf.hbs",
        "templates/handout.docx.hbs",
        "templates/summary.txt.hbs",
        "templates/email.txt.hbs",
        "templates/page.html.hbs",
        "templates/partials/contact.hbs",
        "templates/partials/hours.hbs",
        "templates/partials/key-facts.hbs",
        "templates/partials/salary-notes.hbs",
        "templates/locales/en-GB/careerpress.ftl",
        "templates/locales/cy/careerpress.ftl",
        "templates/fonts/LiberationSans-Regular.ttf",
        "templates/fonts/LiberationSans-Bold.ttf",
        "templates/fonts/LiberationSans-Italic.ttf",
        "templates/fonts/LiberationSans-BoldItalic.ttf",
        "templates/fonts/LICENSE.txt",
        "content/jobs/pals-officer.yaml",
        "content/brands/eastbrook-hospitals/brand.yaml",
        "content/brands/eastbrook-hospitals/logo.png",
    ];
    files.push(("careerpress.yaml".into(), PROJECT_FILE.as_bytes().to_vec()));
    files.push(("output/.gitkeep".into(), Vec::new()));
    for s in &schema::SCHEMAS {
        files.push((
            format!("{}/{}", schema::SCHEMA_DIR, s.file),
            s.text().into_bytes(),
        ));
    }
    files
}

/// Writes a new project into `dir` (made if missing), refusing a folder
/// that already holds a project or any of the files.
pub fn create(dir: &Path) -> Result<Vec<PathBuf>, String> {
    if is_project(dir) {
        return Err(format!(
            "{} is already a careerpress project; careerpress new project never overwrites (add jobs with `careerpress new job <id>`)",
            dir.display()
        ));
    }
    let files = files();
    for (rel, _) in &files {
        let p = dir.join(rel);
        if p.exists() {
            return Err(format!(
                "{} already exists; careerpress new project never overwrites a file (choose an empty folder)",
                p.display()
            ));
        }
    }
    let mut written = Vec::new();
    for (rel, bytes) in files {
        let p = dir.join(&rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("{}: cannot make the folder: {e}", parent.display()))?;
        }
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&p)
            .and_then(|mut f| f.write_all(&bytes))
            .map_err(|e| format!("{}: cannot write the file: {e}", p.display()))?;
        written.push(p);
    }
    Ok(written)
}

/// Whether a folder is a careerpress project: it has `careerpress.yaml`,
/// or both `content/` and `templates/`.
pub fn is_project(dir: &Path) -> bool {
    dir.join("careerpress.yaml").is_file()
        || (dir.join("content").is_dir() && dir.join("templates").is_dir())
}

/// The project a folder is in: the folder itself or the nearest folder
/// above it that is a project.
pub fn find_root(from: &Path) -> Option<PathBuf> {
    from.ancestors()
        .find(|d| is_project(d))
        .map(Path::to_path_buf)
}

/// The one line said when a command is run outside any project.
pub fn outside_message(from: &Path) -> String {
    format!(
        "{} is not inside a careerpress project (no careerpress.yaml, or content/ and templates/ folders, here or in any folder above); start one with `careerpress new project <folder>`, or name one with --project <folder>",
        from.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_project_is_found_from_any_folder_inside_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("careers");
        let written = create(&root).unwrap();
        assert!(written
            .iter()
            .any(|p| p.ends_with("templates/fonts/LiberationSans-Regular.ttf")));
        assert_eq!(find_root(&root.join("content/jobs")), Some(root.clone()));
        assert_eq!(find_root(&root), Some(root.clone()));
        assert!(find_root(dir.path()).is_none());
        // Never over a project, never over a file.
        assert!(create(&root)
            .unwrap_err()
            .contains("already a careerpress project"));
    }

    /// A file added to the bundled templates (a partial, a catalogue) is
    /// in every new project too, or its templates would not build.
    #[test]
    fn a_new_project_has_every_bundled_template_file() {
        fn walk(dir: &Path, out: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else {
                    out.push(p.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut bundled = Vec::new();
        walk(&repo.join("templates"), &mut bundled);
        let written: Vec<String> = files().into_iter().map(|(p, _)| p).collect();
        for f in bundled {
            let rel = f
                .strip_prefix(&format!("{}/", repo.display()))
                .unwrap()
                .to_string();
            assert!(written.contains(&rel), "{rel} is not in a new project");
        }
    }
}
