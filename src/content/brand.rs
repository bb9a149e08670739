//! A trust's identity: `content/brands/<id>/brand.yaml` plus its logo.

use super::types::{Email, HexColour, Phone, Text, WebAddress};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// Full name, e.g. "Riverside Hospitals NHS Foundation Trust".
    pub name: Text,
    /// Short name for tight spaces, e.g. "Riverside Hospitals".
    pub short_name: Text,
    pub colours: Colours,
    /// CMYK equivalents (0 to 100 each) for print, where the trust has them.
    #[serde(default)]
    pub cmyk: Option<CmykColours>,
    pub logo: Logo,
    /// The trust's own fonts; Liberation Sans (metric-compatible with Arial) otherwise.
    #[serde(default)]
    pub fonts: Option<Fonts>,
    /// The service people should contact.
    pub contact: ServiceContact,
    /// A line for page footers.
    pub footer: Text,
    /// Languages, the main one first: `en-GB`, `cy`.
    pub languages: Vec<Language>,
    #[serde(default)]
    pub print: Option<Print>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Colours {
    /// Main colour: bands and headings. Dark enough for white text on it.
    pub primary: HexColour,
    /// Accent colour: rules and highlights.
    pub secondary: HexColour,
    /// Light tint for shaded boxes.
    pub shade: HexColour,
    /// Body text.
    #[serde(default)]
    pub text: Option<HexColour>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CmykColours {
    #[serde(default)]
    pub primary: Option<[f32; 4]>,
    #[serde(default)]
    pub secondary: Option<[f32; 4]>,
    #[serde(default)]
    pub shade: Option<[f32; 4]>,
    #[serde(default)]
    pub text: Option<[f32; 4]>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// PNG or JPEG file, relative to the brand folder.
    pub file: String,
    /// Alternative text, e.g. "Riverside Hospitals NHS Foundation Trust logo".
    pub alt: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    /// The family name, e.g. "Frutiger".
    pub family: Text,
    /// TrueType/OpenType files relative to the brand folder.
    pub regular: String,
    pub bold: String,
    pub italic: String,
    pub bold_italic: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceContact {
    /// The service's name, e.g. "Patient Advice and Liaison Service (PALS)".
    pub service: Text,
    pub phone: Phone,
    pub email: Email,
    /// Postal address, one line an item.
    pub address: Vec<Text>,
    pub web_address: WebAddress,
    /// Opening times, e.g. "Monday to Friday, 9am to 5pm".
    #[serde(default)]
    pub hours: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Language {
    #[serde(rename = "en-GB")]
    EnGb,
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

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Print {
    /// A4 or A5.
    #[serde(default)]
    pub paper: Option<PaperSize>,
    /// Bleed in millimetres for professional printing (usually 3).
    #[serde(default)]
    pub bleed_mm: Option<f32>,
    #[serde(default)]
    pub crop_marks: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum PaperSize {
    A4,
    A5,
}
