//! Markup → Document.
