//! The pipeline: plans a run (the matrix brand × job × template × format),
//! hands each document to its format's writer, writes files atomically and
//! reports. Knows which writer makes which format, never how a format is
//! drawn.
//!
//! Everything shared (content, templates, fonts, logos, themes, writers) is
//! loaded and parsed once per build and shared by every document; documents
//! are then made in parallel (rayon), each independently, so one broken
//! document never stops the others.

mod dates;
mod fields;
mod held_back;
pub mod lock;
pub mod manifest;
mod plan;
mod project;
mod render;
pub mod report;
mod run;
mod theme;
mod write;
mod writers;

pub use lock::OutputLock;
pub use manifest::{manifest_path, InputDigests, Manifest, MANIFEST_FILE};
pub use plan::{full_plan, plan, plan_with_drafts, Shard, Target};
pub use report::{DocResult, Report, Status};
pub use theme::{brand_fonts, bundled_fonts, press_options, BUNDLED_FAMILY};
pub use write::{write_atomic, write_within, TEMP_PREFIX};

pub use dates::{document_epoch, iso_date, source_date_epoch, MAX_EPOCH};
pub use project::Project;
pub use render::{
    labels, layout, render_document, render_job, render_markup, render_one, target_theme, themes,
};
pub use run::{build, build_project, Options, Progress, INTERRUPTED};
pub use writers::{format_info, FormatInfo, Writers, FORMATS};

/// A usage error: the command line (or the project's output layout) asks
/// for something that cannot be: the run stops before any document, with
/// exit code 2.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub crate::diagnostic::Diagnostic);

impl UsageError {
    pub fn new(message: impl Into<String>) -> UsageError {
        UsageError(crate::diagnostic::Diagnostic::error(message))
    }
}
