//! Brand + template settings → [`Theme`]. The only place that knows both a
//! brand's YAML model and the writers' theme.

use crate::content::brand::PaperSize;
use crate::content::{types, LoadedBrand};
use crate::diagnostic::Diagnostic;
use crate::document::{Colour, FontSet, ImageAsset, ImageFormat, Paper, PrintOptions, Rgb, Theme};
use crate::template::TemplateInfo;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// The bundled family: Liberation Sans, metric-compatible with Arial (the
/// NHS fallback typeface), SIL OFL, covers Welsh ŵ and ŷ.
pub const BUNDLED_FAMILY: &str = "Liberation Sans";
const BUNDLED_FILES: [&str; 4] = [
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf",
    "LiberationSans-BoldItalic.ttf",
];

/// Reads the bundled fonts from `templates/fonts/`.
pub fn bundled_fonts(templates: &Path) -> Result<FontSet, Diagnostic> {
    let dir = templates.join("fonts");
    let mut faces = Vec::new();
    for name in BUNDLED_FILES {
        let path = dir.join(name);
        if let Some(root) = templates.parent() {
            crate::safe_fs::check_inside(root, &path).map_err(|m| Diagnostic::file(&path, m))?;
        }
        let bytes = crate::safe_fs::read_capped(&path, crate::content::MAX_ASSET_BYTES)
            .map_err(|e| Diagnostic::file(&path, format!("cannot read the bundled font: {e}")))?;
        crate::content::check_font(&bytes).map_err(|m| Diagnostic::file(&path, m))?;
        faces.push(Arc::new(bytes));
    }
    let id = font_id(&faces);
    let mut it = faces.into_iter();
    let mut next = || it.next().unwrap_or_default();
    Ok(FontSet {
        id,
        family: BUNDLED_FAMILY.into(),
        regular: next(),
        bold: next(),
        italic: next(),
        bold_italic: next(),
    })
}

/// A font set's identity: a digest of its bytes, so writers' caches never
/// confuse two sets and the id is the same on every machine.
fn font_id(faces: &[Arc<Vec<u8>>]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for f in faces {
        h.update((f.len() as u64).to_le_bytes());
        h.update(f.as_slice());
    }
    crate::hex(&h.finalize()[..12])
}

/// The font set a brand uses: its own, or the bundled one.
pub fn brand_fonts(brand: &LoadedBrand, bundled: &Arc<FontSet>) -> Arc<FontSet> {
    match &brand.fonts {
        None => bundled.clone(),
        Some(f) => Arc::new(FontSet {
            id: font_id(&f.faces),
            family: f.family.clone(),
            regular: f.faces[0].clone(),
            bold: f.faces[1].clone(),
            italic: f.faces[2].clone(),
            bold_italic: f.faces[3].clone(),
        }),
    }
}

/// Body text when a brand names no text colour: a near-black.
pub const DEFAULT_TEXT: Rgb = Rgb(0x21, 0x2B, 0x32);

/// Every text/background pair the documents would draw in this brand's
/// colours that is below the contrast WCAG 2.2 asks for, as errors on the
/// colour to change (`colours.primary`), naming both colours and the ratio.
pub fn contrast_errors(brand: &LoadedBrand) -> Vec<crate::content::ContentError> {
    let rgb = |hex: &types::HexColour| colour(hex, None).rgb;
    let c = &brand.brand.colours;
    let text = c.text.as_ref().map_or(DEFAULT_TEXT, rgb);
    let problems = crate::document::contrast::problems(rgb(&c.primary), rgb(&c.shade), text);
    if problems.is_empty() {
        return Vec::new();
    }
    let mut errors: Vec<crate::content::ContentError> = problems
        .iter()
        .map(|p| {
            let field = p.blame().field().unwrap_or("text");
            // The default text colour is not in the file: name the section.
            let path = if field == "text" && c.text.is_none() {
                "colours".to_string()
            } else {
                format!("colours.{field}")
            };
            crate::content::ContentError::file(&brand.file, p.explain()).at_path(path)
        })
        .collect();
    let text = crate::safe_fs::read_text_capped(&brand.file, crate::content::yaml::MAX_FILE_BYTES)
        .unwrap_or_default();
    let tree = crate::content::yaml::tree::parse(text.strip_prefix('\u{feff}').unwrap_or(&text));
    crate::content::yaml::locate(&mut errors, tree.as_ref());
    errors
}

fn colour(hex: &types::HexColour, cmyk: Option<[f32; 4]>) -> Colour {
    let (r, g, b) = types::parse_hex(hex.as_str()).unwrap_or((0, 0, 0));
    Colour {
        rgb: Rgb(r, g, b),
        cmyk,
    }
}

/// The print file's settings (bleed, crop marks, CMYK) when the brand
/// has print settings and the template asks for them (`print: true`):
/// such a template makes `<template>-print.pdf` beside `<template>.pdf`.
pub fn press_options(brand: &LoadedBrand, template: &TemplateInfo) -> Option<PrintOptions> {
    let p = brand.brand.print.as_ref()?;
    template.settings.print.then(|| PrintOptions {
        press: true,
        bleed_mm: p.bleed_mm.unwrap_or(3.0),
        crop_marks: p.crop_marks,
    })
}

/// How far `fit` may tighten a template's spacing when it does not say
/// (`fit_min`): to this share of each gap.
const FIT_MIN: f32 = 0.5;

/// The theme for one brand and one template (the screen file's).
pub fn theme(
    brand: &LoadedBrand,
    fonts: Arc<FontSet>,
    template: &TemplateInfo,
    default_paper: Option<PaperSize>,
) -> Theme {
    let b = &brand.brand;
    let cmyk = b
        .cmyk
        .clone()
        .unwrap_or(crate::content::brand::CmykColours {
            primary: None,
            secondary: None,
            shade: None,
            text: None,
        });
    let text = match &b.colours.text {
        Some(t) => colour(t, cmyk.text),
        None => Colour {
            rgb: DEFAULT_TEXT,
            cmyk: cmyk.text,
        },
    };
    let mut images = BTreeMap::new();
    images.insert(
        "logo".to_string(),
        Arc::new(ImageAsset {
            bytes: brand.logo.bytes.clone(),
            format: if brand.logo.is_png {
                ImageFormat::Png
            } else {
                ImageFormat::Jpeg
            },
            width_px: brand.logo.width,
            height_px: brand.logo.height,
            alt: b.logo.alt.to_string(),
        }),
    );
    let paper = template
        .settings
        .paper
        .or(b.print.as_ref().and_then(|p| p.paper))
        .or(default_paper)
        .unwrap_or(PaperSize::A4);
    Theme {
        org_name: b.name.to_string(),
        org_short_name: b.short_name.to_string(),
        primary: colour(&b.colours.primary, cmyk.primary),
        secondary: colour(&b.colours.secondary, cmyk.secondary),
        shade: colour(&b.colours.shade, cmyk.shade),
        text,
        fonts,
        images,
        paper: match paper {
            PaperSize::A4 => Paper::A4,
            PaperSize::A5 => Paper::A5,
        },
        // The screen file; `press_options` makes the print file's.
        print: PrintOptions::default(),
        body_pt: template.settings.body_pt.unwrap_or(11.0).clamp(6.0, 24.0),
        footer: b.footer.to_string(),
        text_width: template.settings.text_width.unwrap_or(72).clamp(20, 1000),
        legibility: crate::document::Legibility {
            columns: template.settings.columns,
            smallest_pt: template.settings.smallest_pt.unwrap_or(0.0),
        },
        // `leading:` on its own (large print) is `spacing.leading`.
        spacing: {
            let mut sp = template.settings.spacing.unwrap_or_default();
            if let Some(l) = template.settings.leading {
                sp.leading = l;
            }
            sp
        },
        hyphenation: crate::document::Hyphenation {
            enabled: template.settings.hyphenate.unwrap_or(true),
            ..template.settings.hyphenation.unwrap_or_default()
        },
        sides: crate::document::Sides {
            sides: template.settings.sides,
            fit: template.settings.fit,
            fit_min: template.settings.fit_min.unwrap_or(FIT_MIN),
        },
        typographic: template.format != crate::template::Format::Txt
            || b.plain_text_punctuation == Some(crate::content::brand::Punctuation::Typographic),
    }
}
