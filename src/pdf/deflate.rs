//! Deflating streams, at zlib's fastest level, for every part of the PDF
//! writer that stores one: page content and metadata after post-processing,
//! image XObjects, and the font subsets kept across documents.
//!
//! A leaf of its own because its users sit on both sides of the pipeline
//! (subsets are made while drawing, images and the final pass after it);
//! kept in `post` it made drawing depend on post-processing.
//!
//! lopdf's own `compress` uses the slowest zlib level, a third of the time
//! per leaflet; the fastest level takes a tenth of that and makes a PALS
//! leaflet 60 KB instead of 45 KB, which no printer or mail server will
//! notice.

use lopdf::{Object, Stream};

/// `data` deflated (zlib's fastest level), or `None` when that does not save space.
pub(crate) fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut enc = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(data.len() / 2),
        flate2::Compression::fast(),
    );
    enc.write_all(data).ok()?;
    let z = enc.finish().ok()?;
    (z.len() + 19 < data.len()).then_some(z)
}

/// Deflates `stream` in place when it may be compressed, has no filter yet
/// and deflating saves space.
pub(crate) fn compress_stream(stream: &mut Stream) {
    if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
        return;
    }
    if let Some(z) = deflate(&stream.content) {
        stream
            .dict
            .set("Filter", Object::Name(b"FlateDecode".to_vec()));
        stream.set_content(z);
    }
}
