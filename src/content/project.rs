//! The optional project file, `careerpress.yaml` at the project root: build
//! defaults a team sets once.
//!
//! ```yaml
//! templates: [leaflet, summary]     # which templates a plain `build` makes (default: all)
//! brands: [eastbrook-hospitals]     # which brands (default: all)
//! output: "{brand}/{job}/{template}.{ext}"   # the layout under output/
//! paper: A5                         # default paper size for paged formats
//! plain_english: warn               # the plain-English check: warn (default), error or off
//! ```

use super::brand::PaperSize;
use super::ContentError;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The default output layout.
pub const DEFAULT_LAYOUT: &str = "{brand}/{job}/{template}.{ext}";

/// `careerpress.yaml`: build defaults for the project.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "careerpress project settings")]
pub struct ProjectFile {
    /// Templates a plain `build` makes; all when absent.
    #[serde(default)]
    #[schemars(example = ["leaflet", "summary"])]
    pub templates: Option<Vec<String>>,
    /// Brands a plain `build` makes; all when absent.
    #[serde(default)]
    #[schemars(example = ["eastbrook-hospitals"])]
    pub brands: Option<Vec<String>>,
    /// Jobs a plain `build` makes; all when absent.
    #[serde(default)]
    #[schemars(example = ["pals-officer"])]
    pub jobs: Option<Vec<String>>,
    /// Output layout with `{brand}`, `{job}`, `{template}` and `{ext}`.
    #[serde(default)]
    #[schemars(example = &"{brand}/{job}/{template}.{ext}")]
    pub output: Option<String>,
    /// Default paper size, unless a template says otherwise.
    #[serde(default)]
    #[schemars(example = &"A5")]
    pub paper: Option<PaperSize>,
    /// The plain-English check of `check` and `serve` (sentences over 25
    /// words, hard words): `warn` (the default), `error` (`check` fails on
    /// them) or `off`.
    #[serde(default)]
    #[schemars(example = &"warn")]
    pub plain_english: Option<PlainEnglish>,
}

/// What the plain-English check's findings are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PlainEnglish {
    /// Warnings: said, never failing a check.
    #[default]
    Warn,
    /// Errors: `check` fails until they are fixed.
    Error,
    /// Not checked.
    Off,
}

impl ProjectFile {
    /// Reads `root/careerpress.yaml`; the defaults when there is none.
    /// Every mistake in the file is reported.
    pub fn load(root: &Path) -> Result<ProjectFile, Vec<ContentError>> {
        let file = root.join("careerpress.yaml");
        if !file.exists() {
            return Ok(ProjectFile::default());
        }
        let one = |e: ContentError| vec![e];
        crate::safe_fs::check_inside(root, &file).map_err(|m| one(ContentError::file(&file, m)))?;
        let bytes = super::yaml::read_limited(&file).map_err(one)?;
        // Every setting is optional: a file of comments sets none.
        let text = String::from_utf8_lossy(&bytes);
        if text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            return Ok(ProjectFile::default());
        }
        let (pf, tree) = super::yaml::read::<ProjectFile>(&file, &bytes)?;
        if let Some(layout) = &pf.output {
            check_layout(layout).map_err(|m| {
                let mut e = vec![ContentError::file(&file, m).at_path("output")];
                super::yaml::locate(&mut e, Some(&tree));
                e
            })?;
        }
        Ok(pf)
    }

    pub fn layout(&self) -> &str {
        self.output.as_deref().unwrap_or(DEFAULT_LAYOUT)
    }
}

/// A layout must name every part of the matrix (or two documents would
/// share a file) and stay inside the output folder.
pub fn check_layout(layout: &str) -> Result<(), String> {
    for part in ["{brand}", "{job}", "{template}"] {
        if !layout.contains(part) {
            return Err(format!("the output layout '{layout}' must contain {part}, or documents would overwrite each other"));
        }
    }
    let probe = layout
        .replace("{brand}", "b")
        .replace("{job}", "j")
        .replace("{template}", "t")
        .replace("{ext}", "x");
    if probe.contains('{') || probe.contains('}') {
        return Err(format!("the output layout '{layout}' has an unknown {{placeholder}}; use {{brand}}, {{job}}, {{template}} and {{ext}}"));
    }
    let p = Path::new(&probe);
    if probe.contains('\\')
        || p.components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        return Err(format!(
            "the output layout '{layout}' must be a relative path without '..'"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_layout;

    #[test]
    fn layouts() {
        assert!(check_layout("{brand}/{job}/{template}.{ext}").is_ok());
        assert!(check_layout("{job}-{brand}-{template}.{ext}").is_ok());
        assert!(check_layout("{job}/{template}.{ext}")
            .unwrap_err()
            .contains("{brand}"));
        assert!(check_layout("../{brand}/{job}/{template}.{ext}")
            .unwrap_err()
            .contains(".."));
        assert!(check_layout("/{brand}/{job}/{template}.{ext}").is_err());
        assert!(check_layout("{brand}/{job}/{templat}{template}.{ext}")
            .unwrap_err()
            .contains("placeholder"));
    }
}
