//! One problem, in plain words, where it is: the one type every stage
//! reports in (content, templates, the pipeline, mail, the command line).
//!
//! A diagnostic names the file and, where known, the line, column and field
//! path (`entry_routes.college.entry_requirements[1]`), so that whoever
//! reads it knows exactly what to fix. Problems that have no file (an
//! environment variable, a mail server that does not answer) leave `file`
//! empty and say what they are about in the message.
//!
//! It is printed as `file:line:column: field: message (did you mean 'x'?)`,
//! the form editors and terminals turn into links. Lines and columns are
//! `u32` (four thousand million lines is enough) so that a diagnostic stays
//! small enough to return by value in a `Result`.

use serde::{Serialize, Serializer};
use std::fmt;
use std::path::{Path, PathBuf};

/// Whether a problem stops a document or only needs a look.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

/// One problem, where it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file it is in, when it is in one.
    pub file: Option<PathBuf>,
    /// 1-based line and column, when known.
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The field path, such as `entry_routes.college.entry_requirements[1]`.
    pub field: Option<String>,
    /// What is wrong, in plain words.
    pub message: String,
    /// "did you mean …?" for a misspelt name.
    pub suggestion: Option<String>,
    /// A placeholder left in a draft (see `content::placeholder`), not a
    /// mistake in what was written.
    pub placeholder: bool,
}

impl Diagnostic {
    /// An error with no file (yet): add one with [`Diagnostic::in_file`].
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            message: message.into(),
            ..Diagnostic::default()
        }
    }

    /// A warning: worth a look, stops nothing.
    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// An error about a whole file, with no line to point at.
    pub fn file(file: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message).in_file(file)
    }

    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Diagnostic {
        self.file = Some(file.into());
        self
    }

    /// At a 1-based line and (when known) column.
    pub fn at(mut self, line: impl TryInto<u32>, column: Option<u32>) -> Diagnostic {
        self.line = Some(line.try_into().unwrap_or(u32::MAX));
        self.column = column;
        self
    }

    /// At a line and column when known (as parsers give them).
    pub fn at_position(mut self, line: Option<usize>, column: Option<usize>) -> Diagnostic {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.line = line.map(small);
        self.column = column.map(small);
        self
    }

    pub fn at_path(mut self, field: impl Into<String>) -> Diagnostic {
        self.field = Some(field.into());
        self
    }

    pub fn suggest(mut self, suggestion: impl Into<String>) -> Diagnostic {
        self.suggestion = Some(suggestion.into());
        self
    }

    pub fn as_warning(mut self) -> Diagnostic {
        self.severity = Severity::Warning;
        self
    }

    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    /// The file, or an empty path when there is none.
    pub fn file_path(&self) -> &Path {
        self.file.as_deref().unwrap_or(Path::new(""))
    }
}

/// A message in words only (an I/O error, a server's answer): a diagnostic
/// with no file, for the caller to place with [`Diagnostic::in_file`].
impl From<String> for Diagnostic {
    fn from(message: String) -> Diagnostic {
        Diagnostic::error(message)
    }
}

impl From<&str> for Diagnostic {
    fn from(message: &str) -> Diagnostic {
        Diagnostic::error(message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
                if let Some(col) = self.column {
                    write!(f, ":{col}")?;
                }
            }
            write!(f, ": ")?;
        }
        if let Some(field) = self.field.as_deref().filter(|p| !p.is_empty()) {
            write!(f, "{field}: ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(s) = &self.suggestion {
            write!(f, " (did you mean '{s}'?)")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// In `--json` reports a diagnostic is the line a person reads.
impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_as_editors_link_it() {
        let d = Diagnostic::file("content/jobs/a.yaml", "expected a whole number")
            .at(12u64, Some(5))
            .at_path("salary.starter")
            .suggest("starter");
        assert_eq!(
            d.to_string(),
            "content/jobs/a.yaml:12:5: salary.starter: expected a whole number (did you mean 'starter'?)"
        );
        assert_eq!(
            Diagnostic::file("t.hbs", "no such partial").to_string(),
            "t.hbs: no such partial"
        );
        assert_eq!(
            Diagnostic::error("the server did not answer").to_string(),
            "the server did not answer"
        );
        assert_eq!(
            serde_json::to_string(&d.clone().as_warning()).unwrap(),
            serde_json::to_string(&d.to_string()).unwrap()
        );
    }

    #[test]
    fn small_enough_to_return_by_value() {
        // clippy's result_large_err starts at 128 bytes.
        assert!(std::mem::size_of::<Diagnostic>() <= 128);
    }
}
