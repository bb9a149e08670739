//! A trust's identity: `content/brands/<id>/brand.yaml` plus its logo.

use super::types::{Email, HexColour, Phone, Text, WebAddress};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A trust's brand: `content/brands/<id>/brand.yaml`, next to its logo.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "careerpress brand")]
pub struct Brand {
    /// Full name, e.g. "Riverside Hospitals NHS Foundation Trust".
    #[schemars(example = &"Eastbrook Hospitals NHS Foundation Trust")]
    pub name: Text,
    /// Short name for tight spaces, e.g. "Riverside Hospitals".
    #[schemars(example = &"Eastbrook Hospitals")]
    pub short_name: Text,
    /// The trust's colours, each `"#RRGGBB"` (quoted).
    #[schemars(example = serde_json::json!({ "primary": "#005293", "secondary": "#00A9CE", "shade": "#E8F1F8" }))]
    pub colours: Colours,
    /// CMYK equivalents (0 to 100 each) for print, where the trust has them.
    #[serde(default)]
    #[schemars(example = serde_json::json!({ "primary": [100, 55, 0, 20] }))]
    pub cmyk: Option<CmykColours>,
    /// The logo file (inside the brand folder) and its alternative text.
    #[schemars(example = serde_json::json!({ "file": "logo.png", "alt": "Eastbrook Hospitals NHS Foundation Trust logo" }))]
    pub logo: Logo,
    /// The trust's own fonts; Liberation Sans (metric-compatible with Arial) otherwise.
    #[serde(default)]
    #[schemars(example = serde_json::json!({
        "family": "Frutiger", "regular": "fonts/Frutiger-Regular.ttf", "bold": "fonts/Frutiger-Bold.ttf",
        "italic": "fonts/Frutiger-Italic.ttf", "bold_italic": "fonts/Frutiger-BoldItalic.ttf"
    }))]
    pub fonts: Option<Fonts>,
    /// The service people should contact.
    #[schemars(example = serde_json::json!({
        "service": "Patient Advice and Liaison Service (PALS)", "phone": "01632 960 123",
        "email": "pals@eastbrook.example.nhs.uk", "address": ["Brook Lane", "Eastbrook", "EB1 4QT"],
        "web_address": "https://www.eastbrook.example.nhs.uk/pals"
    }))]
    pub contact: ServiceContact,
    /// A line for page footers.
    #[schemars(example = &"Eastbrook Hospitals PALS · 01632 960 123 · pals@eastbrook.example.nhs.uk")]
    pub footer: Text,
    /// Languages documents are made in, the first first: `cy` then `en-GB`
    /// for an NHS Wales board (Welsh first), `en-GB` alone in England (give
    /// at least one). Each language other than English needs the job's and
    /// the brand's text in it (`<id>.cy.yaml`, `brand.cy.yaml`).
    #[schemars(example = ["cy", "en-GB"], length(min = 1))]
    pub languages: Vec<Language>,
    /// With more than one language: `sections` (each section in the first
    /// language, then the next: the default), `columns` (side by side where
    /// the format allows) or `separate` (a document per language:
    /// `leaflet.cy.pdf` and `leaflet.en.pdf`).
    #[serde(default)]
    #[schemars(example = &"sections")]
    pub bilingual: Option<Bilingual>,
    /// Settings for professional printing.
    #[serde(default)]
    #[schemars(example = serde_json::json!({ "paper": "A4", "bleed_mm": 3, "crop_marks": true }))]
    pub print: Option<Print>,
    /// Make the large-print edition of the documents whose template is one
    /// (`leaflet-large-print.pdf`: A4, one column, no text under 16 pt).
    /// On unless `false`.
    #[serde(default)]
    #[schemars(example = &false)]
    pub large_print: Option<bool>,
    /// Plain-text summaries and mail: `as_typed` (the default: straight
    /// apostrophes and quotes, as many mail programs and screen readers
    /// expect) or `typographic` (’ ‘ “ ” and en dashes, as the leaflet,
    /// handout and web page always have).
    #[serde(default)]
    #[schemars(example = &"as_typed")]
    pub plain_text_punctuation: Option<Punctuation>,
}

/// Which punctuation a document prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Punctuation {
    /// As the editor typed it.
    #[default]
    AsTyped,
    /// Curly apostrophes and quotation marks, en dashes.
    Typographic,
}

/// The trust's colours.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Colours {
    /// Main colour: bands and headings. Dark enough for white text on it.
    #[schemars(example = &"#005293")]
    pub primary: HexColour,
    /// Accent colour: rules and highlights.
    #[schemars(example = &"#00A9CE")]
    pub secondary: HexColour,
    /// Light tint for shaded boxes.
    #[schemars(example = &"#E8F1F8")]
    pub shade: HexColour,
    /// Body text (black otherwise).
    #[serde(default)]
    #[schemars(example = &"#231F20")]
    pub text: Option<HexColour>,
}

/// What a CMYK colour must be.
const CMYK: &str =
    "Give CMYK as four percentages from 0 to 100, [C, M, Y, K] (e.g. [100, 55, 0, 20]).";

/// CMYK equivalents of the colours, for print.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CmykColours {
    /// The primary colour as [C, M, Y, K], each 0 to 100.
    #[serde(default)]
    #[schemars(example = [100, 55, 0, 20])]
    #[serde(deserialize_with = "super::types::finite_f32x4_opt")]
    #[schemars(inner(range(min = 0, max = 100)), extend("errorMessage" = CMYK))]
    pub primary: Option<[f32; 4]>,
    /// The secondary colour as [C, M, Y, K], each 0 to 100.
    #[serde(default)]
    #[schemars(example = [80, 0, 10, 0])]
    #[serde(deserialize_with = "super::types::finite_f32x4_opt")]
    #[schemars(inner(range(min = 0, max = 100)), extend("errorMessage" = CMYK))]
    pub secondary: Option<[f32; 4]>,
    /// The shade colour as [C, M, Y, K], each 0 to 100.
    #[serde(default)]
    #[schemars(example = [8, 2, 0, 0])]
    #[serde(deserialize_with = "super::types::finite_f32x4_opt")]
    #[schemars(inner(range(min = 0, max = 100)), extend("errorMessage" = CMYK))]
    pub shade: Option<[f32; 4]>,
    /// The text colour as [C, M, Y, K], each 0 to 100.
    #[serde(default)]
    #[schemars(example = [0, 0, 0, 95])]
    #[serde(deserialize_with = "super::types::finite_f32x4_opt")]
    #[schemars(inner(range(min = 0, max = 100)), extend("errorMessage" = CMYK))]
    pub text: Option<[f32; 4]>,
}

/// The trust's logo.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// PNG or JPEG file, relative to the brand folder.
    #[schemars(example = &"logo.png")]
    pub file: String,
    /// Alternative text, e.g. "Riverside Hospitals NHS Foundation Trust logo".
    #[schemars(example = &"Eastbrook Hospitals NHS Foundation Trust logo")]
    pub alt: Text,
}

/// The trust's own font family: four faces.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    /// The family name, e.g. "Frutiger".
    #[schemars(example = &"Frutiger")]
    pub family: Text,
    /// The regular face: a TrueType/OpenType file relative to the brand folder.
    #[schemars(example = &"fonts/Frutiger-Regular.ttf")]
    pub regular: String,
    /// The bold face, relative to the brand folder.
    #[schemars(example = &"fonts/Frutiger-Bold.ttf")]
    pub bold: String,
    /// The italic face, relative to the brand folder.
    #[schemars(example = &"fonts/Frutiger-Italic.ttf")]
    pub italic: String,
    /// The bold italic face, relative to the brand folder.
    #[schemars(example = &"fonts/Frutiger-BoldItalic.ttf")]
    pub bold_italic: String,
}

/// The service people should contact.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceContact {
    /// The service's name, e.g. "Patient Advice and Liaison Service (PALS)".
    #[schemars(example = &"Patient Advice and Liaison Service (PALS)")]
    pub service: Text,
    /// The service's telephone number.
    #[schemars(example = &"01632 960 123")]
    pub phone: Phone,
    /// The service's email address.
    #[schemars(example = &"pals@eastbrook.example.nhs.uk")]
    pub email: Email,
    /// Postal address, one line an item.
    #[schemars(example = ["Eastbrook General Hospital", "Brook Lane", "Eastbrook", "EB1 4QT"])]
    pub address: Vec<Text>,
    /// The service's web page.
    #[schemars(example = &"https://www.eastbrook.example.nhs.uk/pals")]
    pub web_address: WebAddress,
    /// Opening times, e.g. "Monday to Friday, 9am to 5pm".
    #[serde(default)]
    #[schemars(example = &"Monday to Friday, 9am to 5pm")]
    pub hours: Option<Text>,
}

/// A language documents are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Language {
    /// British English.
    #[serde(rename = "en-GB")]
    EnGb,
    /// Welsh (Cymraeg).
    #[serde(rename = "cy")]
    Cy,
}

impl Language {
    pub fn tag(self) -> &'static str {
        match self {
            Language::EnGb => "en-GB",
            Language::Cy => "cy",
        }
    }
}

/// How documents in more than one language are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Bilingual {
    /// Each section in every language, one after the other.
    Sections,
    /// The languages side by side, where the format allows.
    Columns,
    /// A separate document for each language.
    Separate,
}

impl Bilingual {
    pub fn as_str(self) -> &'static str {
        match self {
            Bilingual::Sections => "sections",
            Bilingual::Columns => "columns",
            Bilingual::Separate => "separate",
        }
    }
}

/// Settings for professional printing.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Print {
    /// A4 or A5.
    #[serde(default)]
    #[schemars(example = &"A4")]
    pub paper: Option<PaperSize>,
    /// Bleed in millimetres for professional printing (0 to 10; usually 3).
    #[serde(default)]
    #[schemars(example = 3, range(min = 0, max = 10), extend("errorMessage" = "Give the bleed in millimetres, 0 to 10 (3 is usual)."))]
    #[serde(deserialize_with = "super::types::finite_f32_opt")]
    pub bleed_mm: Option<f32>,
    /// Draw crop marks outside the page (false when left out).
    #[serde(default)]
    #[schemars(example = true)]
    pub crop_marks: bool,
}

/// A paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum PaperSize {
    A4,
    A5,
}
