//! Content errors: every one names the file, and where YAML gave one, the
//! line, column and field path, so a person knows exactly what to fix.
//! They are the crate's one problem type, [`Diagnostic`]; the name says
//! where they come from.

pub use crate::diagnostic::Diagnostic as ContentError;
