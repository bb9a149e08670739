//! Content errors: every one names the file, and where YAML gave one, the
//! line, column and field path, so a person knows exactly what to fix.

use std::fmt;
use std::path::PathBuf;

/// One problem in one content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: PathBuf,
    /// 1-based line and column, when known.
    pub line: Option<u64>,
    pub column: Option<u64>,
    /// Field path such as `entry_routes.college.entry_requirements[1]`.
    pub path: Option<String>,
    pub message: String,
    /// "did you mean …?" for a misspelt key.
    pub suggestion: Option<String>,
    /// A placeholder left in a draft (see `content::placeholder`), not a
    /// mistake in what was written.
    pub placeholder: bool,
}

impl ContentError {
    pub fn file(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        ContentError {
            file: file.into(),
            line: None,
            column: None,
            path: None,
            message: message.into(),
            suggestion: None,
            placeholder: false,
        }
    }

    pub fn at_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": ")?;
        if let Some(path) = self.path.as_deref().filter(|p| !p.is_empty()) {
            write!(f, "{path}: ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(s) = &self.suggestion {
            write!(f, " (did you mean '{s}'?)")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentError {}
