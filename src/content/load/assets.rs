//! Files a brand names: resolved inside its folder (never through `..` or a
//! link out), size-capped, and decoded or parsed in full, so no writer
//! ever meets a corrupt logo or font.

use crate::content::{brand, BrandFonts, CheckedImage, ContentError};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// Largest logo accepted, in pixels (width × height).
pub const MAX_IMAGE_PIXELS: u64 = 25_000_000;
/// Largest image or font file accepted.
pub const MAX_ASSET_BYTES: u64 = 20 * 1024 * 1024;

/// Resolves a file named in a brand, refusing paths that leave its folder.
pub(super) fn asset(
    dir: &Path,
    file: &Path,
    field: &str,
    rel: &str,
) -> Result<PathBuf, ContentError> {
    let err = |m: String| ContentError::file(file, m).at_path(field);
    let p = Path::new(rel);
    if rel.is_empty() || p.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(err(format!(
            "'{rel}' must be a file name inside the brand folder (no '..', no absolute path)"
        )));
    }
    let full = dir.join(p);
    let meta = std::fs::metadata(&full)
        .map_err(|e| err(format!("cannot read '{}': {e}", full.display())))?;
    let (Ok(real), Ok(real_dir)) = (full.canonicalize(), dir.canonicalize()) else {
        return Err(err(format!("cannot read '{}'", full.display())));
    };
    if !real.starts_with(&real_dir) {
        return Err(err(format!("'{rel}' leads outside the brand folder")));
    }
    if !meta.is_file() {
        return Err(err(format!("'{}' is not a file", full.display())));
    }
    if meta.len() == 0 {
        return Err(err(format!("'{}' is empty", full.display())));
    }
    if meta.len() > MAX_ASSET_BYTES {
        return Err(err(format!("'{}' is larger than 20 MiB", full.display())));
    }
    Ok(full)
}

/// Decodes an image fully (so a writer never meets corrupt bytes), within
/// pixel limits.
pub fn check_image(path: &Path) -> Result<CheckedImage, String> {
    let bytes = crate::safe_fs::read_capped(path, MAX_ASSET_BYTES)
        .map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
    let format = image::guess_format(&bytes)
        .map_err(|_| format!("'{}' is not a PNG or JPEG image", path.display()))?;
    let is_png = match format {
        image::ImageFormat::Png => true,
        image::ImageFormat::Jpeg => false,
        other => {
            return Err(format!(
                "'{}' is {other:?}; logos must be PNG or JPEG",
                path.display()
            ))
        }
    };
    let reader = image::ImageReader::with_format(std::io::Cursor::new(&bytes), format);
    let (width, height) = reader
        .into_dimensions()
        .map_err(|e| format!("'{}' is not a readable image: {e}", path.display()))?;
    if width == 0 || height == 0 || u64::from(width) * u64::from(height) > MAX_IMAGE_PIXELS {
        return Err(format!(
            "'{}' is {width} × {height} pixels; images may have at most 25 million pixels",
            path.display()
        ));
    }
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(&bytes), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    reader
        .decode()
        .map_err(|e| format!("'{}' is a damaged image: {e}", path.display()))?;
    Ok(CheckedImage {
        bytes: Arc::new(bytes),
        is_png,
        width,
        height,
    })
}

pub(super) fn load_fonts(
    dir: &Path,
    file: &Path,
    f: &brand::Fonts,
) -> Result<BrandFonts, ContentError> {
    let names = [
        ("fonts.regular", &f.regular),
        ("fonts.bold", &f.bold),
        ("fonts.italic", &f.italic),
        ("fonts.bold_italic", &f.bold_italic),
    ];
    let mut faces = Vec::new();
    let mut paths = Vec::new();
    for (field, rel) in names {
        let path = asset(dir, file, field, rel)?;
        let bytes = crate::safe_fs::read_capped(&path, MAX_ASSET_BYTES).map_err(|e| {
            ContentError::file(file, format!("cannot read '{}': {e}", path.display()))
                .at_path(field)
        })?;
        check_font(&bytes).map_err(|m| {
            ContentError::file(file, format!("'{}' {m}", path.display())).at_path(field)
        })?;
        faces.push(Arc::new(bytes));
        paths.push(path);
    }
    let faces: [Arc<Vec<u8>>; 4] = faces
        .try_into()
        .map_err(|_| ContentError::file(file, "four font faces are needed"))?;
    let paths: [PathBuf; 4] = paths
        .try_into()
        .map_err(|_| ContentError::file(file, "four font faces are needed"))?;
    Ok(BrandFonts {
        family: f.family.to_string(),
        faces,
        paths,
    })
}

/// Checks that bytes are a TrueType/OpenType font.
pub fn check_font(bytes: &[u8]) -> Result<(), String> {
    use read_fonts::TableProvider;
    let font = read_fonts::FontRef::new(bytes)
        .map_err(|e| format!("is not a TrueType or OpenType font ({e})"))?;
    // What laying out a line needs from every face.
    let needed = [
        font.head().err(),
        font.hhea().err(),
        font.maxp().err(),
        font.cmap().err(),
    ];
    match needed.into_iter().flatten().next() {
        Some(e) => Err(format!("is not a TrueType or OpenType font ({e})")),
        None => Ok(()),
    }
}
