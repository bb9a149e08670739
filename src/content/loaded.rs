//! What loading a project gives: each job and brand as read and checked,
//! with its placeholders and translations, and every problem found.

use super::{translations, Brand, ContentError, Job};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// A job loaded from `content/jobs/<id>.yaml`.
#[derive(Debug, Clone)]
pub struct LoadedJob {
    pub id: String,
    pub file: PathBuf,
    pub job: Job,
    /// Placeholders still in the file (see [`placeholder`]): when there are
    /// any, the job is a draft.
    pub placeholders: Vec<ContentError>,
    /// The profile in other languages (`<id>.<lang>.yaml` beside it).
    pub translations: translations::Translations<Job>,
}

impl LoadedJob {
    /// A profile with placeholders: never published by accident.
    pub fn is_draft(&self) -> bool {
        !self.placeholders.is_empty()
    }
}

/// A decoded, checked image.
#[derive(Debug, Clone)]
pub struct CheckedImage {
    pub bytes: Arc<Vec<u8>>,
    pub is_png: bool,
    pub width: u32,
    pub height: u32,
}

/// A brand's own font files, read and checked.
#[derive(Debug, Clone)]
pub struct BrandFonts {
    pub family: String,
    /// Regular, bold, italic, bold italic.
    pub faces: [Arc<Vec<u8>>; 4],
    pub paths: [PathBuf; 4],
}

/// A brand loaded from `content/brands/<id>/brand.yaml` with its assets.
#[derive(Debug, Clone)]
pub struct LoadedBrand {
    pub id: String,
    pub file: PathBuf,
    pub brand: Brand,
    pub logo: CheckedImage,
    pub fonts: Option<BrandFonts>,
    /// Placeholders still in `brand.yaml`: when there are any, the brand is
    /// a draft.
    pub placeholders: Vec<ContentError>,
    /// The brand's text in other languages (`brand.<lang>.yaml`).
    pub translations: translations::Translations<Brand>,
}

impl LoadedBrand {
    pub fn is_draft(&self) -> bool {
        !self.placeholders.is_empty()
    }
}

/// Everything that loaded, and every problem found.
#[derive(Debug, Default)]
pub struct Content {
    pub jobs: BTreeMap<String, LoadedJob>,
    pub brands: BTreeMap<String, LoadedBrand>,
    pub errors: Vec<ContentError>,
    /// Valid ids whose job file failed to load: asking for one by name is
    /// not a usage error, its content error is reported instead.
    pub failed_jobs: Vec<String>,
    /// Valid ids whose brand folder failed to load.
    pub failed_brands: Vec<String>,
}
