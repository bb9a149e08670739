//! What a build did, for people (one closing line) and for machines (`--json`).

use super::plan::Target;
use crate::diagnostic::Diagnostic;
use crate::template::Format;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Built,
    /// Inputs unchanged since the last build: not made again.
    UpToDate,
    Failed,
    /// Not started: the build was interrupted.
    Skipped,
}

/// What happened to one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocResult {
    pub path: String,
    pub brand: String,
    pub job: String,
    pub template: String,
    pub format: Format,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Diagnostic>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Problems in the content the document shows, at their file, line and
    /// field (a word wider than its column).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Diagnostic>,
    /// A paged document that needs more sides than its template is made
    /// for: how far over, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overrun: Option<String>,
}

impl DocResult {
    pub fn new(t: &Target, status: Status) -> DocResult {
        DocResult {
            path: super::manifest::key(&t.path),
            brand: t.brand.clone(),
            job: t.job.clone(),
            template: t.template.clone(),
            format: t.format,
            status,
            error: None,
            warnings: Vec::new(),
            notes: Vec::new(),
            overrun: None,
        }
    }
}

/// The outcome of a build.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Problems found while loading content and templates.
    pub errors: Vec<Diagnostic>,
    /// Things to know that are not errors (drafts built with `--draft`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Diagnostic>,
    pub documents: Vec<DocResult>,
    /// Files a previous build wrote that this project no longer makes.
    pub stale: Vec<String>,
    /// Stale files removed (`--clean`).
    pub removed: Vec<String>,
    /// Whether `--clean` was asked for (so a summary never tells the user
    /// to add it when they did).
    #[serde(skip)]
    pub clean_asked: bool,
    pub jobs: usize,
    pub brands: usize,
    pub seconds: f64,
    pub interrupted: bool,
}

impl Report {
    pub fn count(&self, status: Status) -> usize {
        self.documents.iter().filter(|d| d.status == status).count()
    }

    /// True when everything asked for was made and nothing was wrong.
    pub fn ok(&self) -> bool {
        self.errors.is_empty() && self.count(Status::Failed) == 0 && !self.interrupted
    }

    /// "Built 6 documents (2 PDF, 2 DOCX, 2 TXT) for 1 job × 2 trusts in 0.41 s".
    pub fn summary(&self) -> String {
        let built: Vec<&DocResult> = self
            .documents
            .iter()
            .filter(|d| d.status == Status::Built)
            .collect();
        let per: Vec<String> = super::FORMATS
            .iter()
            .map(|i| {
                (
                    i.format,
                    built.iter().filter(|d| d.format == i.format).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .map(|(f, n)| format!("{n} {}", f.extension().to_uppercase()))
            .collect();
        let fresh = self.count(Status::UpToDate);
        let mut s = if built.is_empty() && fresh > 0 {
            format!(
                "Nothing to rebuild: {} up to date for {} × {} ({:.2} s)",
                plural(fresh, "document", "documents"),
                plural(self.jobs, "job", "jobs"),
                plural(self.brands, "trust", "trusts"),
                self.seconds
            )
        } else {
            format!(
                "Built {}{} for {} × {} in {:.2} s",
                plural(built.len(), "document", "documents"),
                if per.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", per.join(", "))
                },
                plural(self.jobs, "job", "jobs"),
                plural(self.brands, "trust", "trusts"),
                self.seconds
            )
        };
        let mut more = Vec::new();
        if fresh > 0 && !built.is_empty() {
            more.push(format!("{fresh} up to date"));
        }
        let failed = self.count(Status::Failed);
        if failed > 0 {
            more.push(format!(
                "{} failed",
                plural(failed, "document", "documents")
            ));
        }
        if !self.errors.is_empty() {
            more.push(format!(
                "{} in content or templates",
                plural(self.errors.len(), "error", "errors")
            ));
        }
        if !self.removed.is_empty() {
            more.push(format!(
                "{} removed",
                plural(self.removed.len(), "stale file", "stale files")
            ));
        } else if !self.stale.is_empty() && self.clean_asked {
            more.push(format!(
                "{} no longer made, not removed: --clean removes nothing while there are errors in content or templates (a job or brand that fails to load would look gone); fix them and build again",
                plural(self.stale.len(), "file", "files")
            ));
        } else if !self.stale.is_empty() {
            more.push(format!(
                "{} no longer made (remove with --clean)",
                plural(self.stale.len(), "file", "files")
            ));
        }
        if self.interrupted {
            more.push(format!(
                "interrupted, {} not started",
                self.count(Status::Skipped)
            ));
        }
        if !more.is_empty() {
            s.push_str("; ");
            s.push_str(&more.join("; "));
        }
        // Never silently a third page: which job, which trust, how far over.
        for d in self.documents.iter() {
            if let Some(o) = &d.overrun {
                s.push_str(&format!(
                    "\nover its sides: {} for {}, {} ({o})",
                    d.job, d.brand, d.path
                ));
            }
        }
        s
    }
}

/// "1 job", "2 jobs": a count with its noun, for what careerpress says.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
