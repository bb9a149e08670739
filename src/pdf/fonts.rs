//! Fonts: parsed once per build, shaped per document.
//!
//! Parsing a face for PDF embedding (printpdf's `ParsedFont`, which reads the
//! cmap, metrics and layout tables) is the expensive part, so [`FontCache`]
//! keeps one [`Family`] per `FontSet::id` for the life of the writer, shared
//! by every thread, and each face is parsed so only when a subset of it is
//! first made. Shaping uses harfrust (HarfBuzz's own Rust port; printpdf
//! 0.12 does not kern): each face's harfrust font is made once per family
//! and keeps its layout tables, and a [`Shaper`] is made per document from
//! them, which reads nothing. Shaped text
//! is kept per writer too ([`ShapeCache`]): the same paragraphs and list
//! items recur across trusts and jobs, and shaping is a pure function of
//! the face and the text.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use crate::document::{FontSet, RenderError};

/// One of the four faces of a family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum FaceId {
    Regular = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = 3,
}

impl FaceId {
    pub(crate) const ALL: [FaceId; 4] = [
        FaceId::Regular,
        FaceId::Bold,
        FaceId::Italic,
        FaceId::BoldItalic,
    ];

    pub(crate) fn new(bold: bool, italic: bool) -> FaceId {
        match (bold, italic) {
            (false, false) => FaceId::Regular,
            (true, false) => FaceId::Bold,
            (false, true) => FaceId::Italic,
            (true, true) => FaceId::BoldItalic,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// A parsed face: its bytes, the metrics layout needs (in em) and, made
/// on first use, printpdf's parse for embedding and subsetting (the costly
/// part, needed only for a glyph set not subset before, and only for the
/// faces a build draws with: most leaflets never use the italics).
pub(crate) struct Face {
    pub(crate) bytes: Arc<Vec<u8>>,
    /// The face for shaping (harfrust keeps its layout tables with it).
    shaping: harfrust::Font,
    family: String,
    id: FaceId,
    pdf: OnceLock<Result<printpdf::ParsedFont, String>>,
    pub(crate) units_per_em: f32,
    pub(crate) ascender: f32,
    pub(crate) descender: f32,
}

/// The four parsed faces of one `FontSet`.
pub(crate) struct Family {
    pub(crate) id: String,
    pub(crate) faces: [Face; 4],
}

impl Face {
    /// printpdf's parse of the face, made on first use.
    pub(crate) fn pdf(&self) -> Result<&printpdf::ParsedFont, RenderError> {
        self.pdf
            .get_or_init(|| {
                let mut warnings = Vec::new();
                printpdf::ParsedFont::from_bytes(&self.bytes, 0, &mut warnings).ok_or_else(|| {
                    why(
                        &self.family,
                        self.id,
                        "printpdf could not parse it for embedding",
                    )
                })
            })
            .as_ref()
            .map_err(|m| RenderError::Failed(m.clone()))
    }
}

fn why(family: &str, id: FaceId, why: &str) -> String {
    format!("font {family} ({id:?}) cannot be used for PDF output: {why}")
}

fn bad_face(family: &str, id: FaceId, reason: &str) -> RenderError {
    RenderError::Failed(why(family, id, reason))
}

impl Family {
    pub(crate) fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.index()]
    }

    fn parse(set: &FontSet) -> Result<Family, RenderError> {
        let sources = [&set.regular, &set.bold, &set.italic, &set.bold_italic];
        let mut faces = Vec::with_capacity(4);
        for (id, bytes) in FaceId::ALL.iter().zip(sources) {
            faces.push(parse_face(&set.family, *id, bytes)?);
        }
        let faces: [Face; 4] = faces
            .try_into()
            .map_err(|_| RenderError::Failed("font family must have four faces".into()))?;
        Ok(Family {
            id: set.id.clone(),
            faces,
        })
    }
}

fn parse_face(family: &str, id: FaceId, bytes: &Arc<Vec<u8>>) -> Result<Face, RenderError> {
    let bad = |why: &str| bad_face(family, id, why);
    let not_a_font = || bad("not a TrueType/OpenType font");
    let shaping = harfrust::Font::new(blob(bytes), 0).ok_or_else(not_a_font)?;
    let units_per_em = shaping.units_per_em() as f32;
    if units_per_em <= 0.0 {
        return Err(bad("units per em is zero"));
    }
    let (ascender, descender) = line_metrics(bytes).ok_or_else(not_a_font)?;
    let ascender = ascender as f32 / units_per_em;
    let descender = descender as f32 / units_per_em;
    Ok(Face {
        bytes: Arc::clone(bytes),
        shaping,
        family: family.to_string(),
        id,
        pdf: OnceLock::new(),
        units_per_em,
        ascender,
        descender,
    })
}

/// The font's bytes as harfrust reads them, shared, not copied.
fn blob(bytes: &Arc<Vec<u8>>) -> harfrust::font::Blob {
    let shared: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::clone(bytes) as _;
    shared.into()
}

/// A face's ascender and descender in font units, as a line is laid out
/// with them: OS/2's typographic values when the font asks for them
/// (`USE_TYPO_METRICS`, OS/2 version 4 on), else hhea's, and when hhea
/// has none, OS/2's typographic, then its Windows values.
fn line_metrics(bytes: &[u8]) -> Option<(i16, i16)> {
    use read_fonts::tables::os2::SelectionFlags;
    use read_fonts::TableProvider;
    let font = read_fonts::FontRef::new(bytes).ok()?;
    let hhea = font.hhea().ok()?;
    let os2 = font.os2().ok();
    if let Some(os2) = &os2 {
        if os2.version() >= 4
            && os2
                .fs_selection()
                .contains(SelectionFlags::USE_TYPO_METRICS)
        {
            return Some((os2.s_typo_ascender(), os2.s_typo_descender()));
        }
    }
    let pick = |hhea: i16,
                typo: fn(&read_fonts::tables::os2::Os2) -> i16,
                win: fn(&read_fonts::tables::os2::Os2) -> i16| {
        match &os2 {
            Some(os2) if hhea == 0 => match typo(os2) {
                0 => win(os2),
                t => t,
            },
            _ => hhea,
        }
    };
    Some((
        pick(
            hhea.ascender().to_i16(),
            |o| o.s_typo_ascender(),
            |o| o.us_win_ascent() as i16,
        ),
        pick(
            hhea.descender().to_i16(),
            |o| o.s_typo_descender(),
            |o| -(o.us_win_descent() as i16),
        ),
    ))
}

/// Parsed families keyed by `FontSet::id`; shared by all threads of a build.
#[derive(Default)]
pub(crate) struct FontCache {
    map: RwLock<HashMap<String, Arc<Family>>>,
}

impl FontCache {
    /// The parsed family for `set`, parsing it on first use.
    pub(crate) fn get(&self, set: &FontSet) -> Result<Arc<Family>, RenderError> {
        {
            let map = self.map.read().unwrap_or_else(|e| e.into_inner());
            if let Some(f) = map.get(&set.id) {
                return Ok(Arc::clone(f));
            }
        }
        // Parse outside the lock so other families are not held up; if two
        // threads race, the first insert wins and both use it.
        let parsed = Arc::new(Family::parse(set)?);
        let mut map = self.map.write().unwrap_or_else(|e| e.into_inner());
        Ok(Arc::clone(map.entry(set.id.clone()).or_insert(parsed)))
    }

    /// How many families have been parsed (for tests and benchmarks).
    pub(crate) fn len(&self) -> usize {
        self.map.read().unwrap_or_else(|e| e.into_inner()).len()
    }
}

/// One shaped glyph, in font units.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shaped {
    pub(crate) gid: u16,
    /// Byte offset of the glyph's cluster in the shaped text.
    pub(crate) cluster: u32,
    pub(crate) x_advance: i32,
    pub(crate) x_offset: i32,
}

/// Shaped runs of text, kept for the life of a writer and shared by its
/// threads: (family, face, text) → glyphs. What is kept changes speed,
/// never output.
#[derive(Default)]
pub(crate) struct ShapeCache {
    map: Mutex<ShapeMap>,
}

#[derive(Default)]
struct ShapeMap {
    /// By a hash of the key; each bucket holds the keys that share it.
    buckets: HashMap<u64, Vec<ShapeEntry>>,
    /// Bytes of text kept, to bound the cache.
    bytes: usize,
}

/// One shaped text and its glyphs.
type ShapeEntry = (ShapeKey, Arc<[Shaped]>);

#[derive(PartialEq, Eq)]
struct ShapeKey {
    family: Arc<str>,
    face: FaceId,
    text: Box<str>,
}

/// Most text the cache keeps (a few dozen leaflets' worth, some 4 MB of
/// glyphs at most); past that it starts again, so memory stays flat
/// however many documents a build makes.
const MAX_SHAPED_BYTES: usize = 1 << 18;

fn shape_hash(family: &str, face: FaceId, text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    family.hash(&mut h);
    face.hash(&mut h);
    text.hash(&mut h);
    h.finish()
}

impl ShapeCache {
    fn get(&self, family: &str, face: FaceId, text: &str) -> Option<Arc<[Shaped]>> {
        let map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.buckets
            .get(&shape_hash(family, face, text))?
            .iter()
            .find(|(k, _)| k.face == face && &*k.text == text && &*k.family == family)
            .map(|(_, v)| Arc::clone(v))
    }

    fn put(&self, family: &Arc<str>, face: FaceId, text: &str, glyphs: Arc<[Shaped]>) {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if map.bytes + text.len() > MAX_SHAPED_BYTES {
            map.buckets.clear();
            map.bytes = 0;
        }
        map.bytes += text.len();
        let key = ShapeKey {
            family: Arc::clone(family),
            face,
            text: text.into(),
        };
        map.buckets
            .entry(shape_hash(family, face, text))
            .or_default()
            .push((key, glyphs));
    }
}

/// harfrust fonts for one document, borrowing a cached family's.
pub(crate) struct Shaper<'a> {
    pub(crate) family: &'a Family,
    faces: Vec<harfrust::ShaperFont<'a, 'a>>,
    cache: &'a ShapeCache,
    family_id: Arc<str>,
}

impl<'a> Shaper<'a> {
    pub(crate) fn new(
        family: &'a Family,
        cache: &'a ShapeCache,
    ) -> Result<Shaper<'a>, RenderError> {
        let faces = family
            .faces
            .iter()
            .map(|f| harfrust::ShaperFont::new(&f.shaping))
            .collect();
        Ok(Shaper {
            family,
            faces,
            cache,
            family_id: family.id.as_str().into(),
        })
    }

    fn font(&self, face: FaceId) -> &harfrust::ShaperFont<'a, 'a> {
        &self.faces[face.index()]
    }

    /// Whether `face` has a glyph for `c`.
    pub(crate) fn covers(&self, face: FaceId, c: char) -> bool {
        self.glyph(face, c) != 0
    }

    /// The glyph `face` draws `c` with (0, .notdef, when it has none).
    pub(crate) fn glyph(&self, face: FaceId, c: char) -> u16 {
        self.font(face)
            .nominal_glyph(u32::from(c))
            .map_or(0, |g| u16::try_from(g.to_u32()).unwrap_or(0))
    }

    /// Advance width of `gid` in font units (the hmtx value).
    pub(crate) fn advance_units(&self, face: FaceId, gid: u16) -> i32 {
        self.font(face)
            .glyph_h_advance(harfrust::GlyphId::new(u32::from(gid)))
    }

    /// Advance width of `gid` as the PDF `/W` array states it (printpdf
    /// truncates to whole thousandths of an em); kerning offsets are
    /// computed against this so the viewer's pen lands where we laid out.
    pub(crate) fn pdf_width(&self, face: FaceId, gid: u16) -> f32 {
        let f = self.family.face(face);
        (self.advance_units(face, gid) as f32 * 1000.0 / f.units_per_em).trunc()
    }

    /// Shape `text` (left to right) with kerning and ligatures.
    pub(crate) fn shape(&self, face: FaceId, text: &str, out: &mut Vec<Shaped>) {
        out.clear();
        if text.is_empty() {
            return;
        }
        if let Some(glyphs) = self.cache.get(&self.family_id, face, text) {
            out.extend_from_slice(&glyphs);
            return;
        }
        let mut buf = harfrust::Buffer::new();
        buf.push_str(text);
        buf.set_direction(harfrust::Direction::LeftToRight);
        buf.guess_segment_properties();
        // Left to right with the direction set: nothing for harfrust to refuse.
        if harfrust::shape(self.font(face), &mut buf, harfrust::ShapeOptions::new()).is_err() {
            return;
        }
        out.extend(
            buf.glyph_infos()
                .iter()
                .zip(buf.glyph_positions())
                .map(|(i, p)| Shaped {
                    gid: u16::try_from(i.glyph_id).unwrap_or(0),
                    cluster: i.cluster,
                    x_advance: p.x_advance,
                    x_offset: p.x_offset,
                }),
        );
        self.cache
            .put(&self.family_id, face, text, out.as_slice().into());
    }
}
