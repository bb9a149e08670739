//! One brand folder: `brand.yaml` checked, its logo and fonts read and
//! checked, its translations (`brand.<lang>.yaml`) loaded beside it.

use super::assets::{asset, check_image, load_fonts};
use super::id_of;
use crate::content::{overlay, placeholder, translations, yaml, Brand, ContentError, LoadedBrand};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Loads and checks one brand folder.
pub fn load_brand(dir: &Path) -> Result<LoadedBrand, Vec<ContentError>> {
    let id = id_of(dir, false).map_err(|e| vec![e])?;
    let file = dir.join("brand.yaml");
    let bytes = yaml::read_limited(&file).map_err(|e| vec![e])?;
    let (brand, tree) = match yaml::read::<Brand>(&file, &bytes) {
        Ok(v) => v,
        Err(errors) => return Err(super::job::with_placeholders(&file, &bytes, errors)),
    };
    let placeholders = placeholder::find(&file, &tree);
    let mut errors = Vec::new();
    if brand.languages.is_empty() {
        errors.push(
            ContentError::file(&file, "give at least one language, e.g. en-GB")
                .at_path("languages"),
        );
    }
    if let Some(cmyk) = &brand.cmyk {
        for (name, c) in [
            ("primary", cmyk.primary),
            ("secondary", cmyk.secondary),
            ("shade", cmyk.shade),
            ("text", cmyk.text),
        ] {
            if c.is_some_and(|c| c.iter().any(|v| !(0.0..=100.0).contains(v))) {
                errors.push(
                    ContentError::file(&file, "CMYK values are percentages from 0 to 100")
                        .at_path(format!("cmyk.{name}")),
                );
            }
        }
    }
    if let Some(print) = &brand.print {
        if print.bleed_mm.is_some_and(|b| !(0.0..=10.0).contains(&b)) {
            errors.push(
                ContentError::file(&file, "bleed is 0 to 10 mm (3 is usual)")
                    .at_path("print.bleed_mm"),
            );
        }
    }
    let logo = asset(dir, &file, "logo.file", &brand.logo.file).and_then(|p| {
        check_image(&p).map_err(|m| ContentError::file(&file, m).at_path("logo.file"))
    });
    let fonts = match &brand.fonts {
        None => Ok(None),
        Some(f) => load_fonts(dir, &file, f).map(Some),
    };
    let (logo, fonts) = match (logo, fonts) {
        (Ok(l), Ok(f)) if errors.is_empty() => (l, f),
        (l, f) => {
            errors.extend(l.err());
            errors.extend(f.err());
            yaml::locate(&mut errors, Some(&tree));
            errors.extend(placeholders);
            errors.sort_by_key(|e| e.line.unwrap_or(u32::MAX));
            return Err(errors);
        }
    };
    // `brand.<lang>.yaml` beside it: the brand's text in that language.
    let own: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let lang = overlay::file_language(&name, "brand")?.to_string();
            Some((lang, e.path()))
        })
        .collect::<BTreeMap<_, _>>()
        .into_iter()
        .collect();
    let mut errors = Vec::new();
    let translations = translations::load(
        &brand,
        Some(tree),
        &own,
        overlay::brand_policy,
        |_, _| Vec::new(),
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(LoadedBrand {
        id,
        file,
        brand,
        logo,
        fonts,
        placeholders,
        translations,
    })
}
