//! Content: YAML → validated model. Knows YAML, jobs and brands; never
//! templates or formats.
//!
//! [`load`] reads every job and brand of a project and returns what loaded
//! together with *all* the problems found, so one run reports every mistake
//! and a build can still make the documents of the good files.
//!
//! The model is `job`, `brand` and `types` (with `project` for
//! `careerpress.yaml`); `loaded` is what a load gives; `load/` is the
//! loader; `yaml` the one YAML reader and writer; `overlay` and
//! `translations` the other languages; `placeholder` finds drafts.

pub mod brand;
#[doc(hidden)]
pub mod corpus;
mod error;
pub mod job;
mod load;
mod loaded;
pub mod overlay;
pub mod placeholder;
pub mod project;
pub mod translations;
pub mod types;
pub mod yaml;

pub use brand::Brand;
pub use error::ContentError;
pub use job::Job;

pub(crate) use load::with_placeholders;
pub use load::{
    check_font, check_image, check_job, ids, load, load_brand, load_job, parse_job,
    MAX_ASSET_BYTES, MAX_IMAGE_PIXELS, MAX_LIST_ITEMS,
};
pub use loaded::{BrandFonts, CheckedImage, Content, LoadedBrand, LoadedJob};
