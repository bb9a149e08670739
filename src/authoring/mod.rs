//! Authoring tools for content editors: JSON Schemas for editors
//! ([`schema`]), skeletons of new jobs and brands ([`skeleton`]), an
//! importer of plain-text careers profiles ([`import`]) and a watcher that
//! rebuilds what a change affects ([`watch`]).
//!
//! Everything here sits on `content` (the model and its one YAML reader and
//! writer) and `pipeline` (for `watch`); nothing in the pipeline depends on it.

pub mod import;
pub mod plain;
pub mod schema;
pub mod skeleton;
pub mod starter;
pub mod watch;
