//! A page's content stream, written as bytes in one pass.
//!
//! printpdf's op list is translated into lopdf operations (an object per
//! glyph, a float formatted through `fmt` for every coordinate) and then
//! encoded: about half of a leaflet's time went there (see the README's
//! speed section). The pen writes the same operators straight into a
//! buffer instead: coordinates to the hundredth of a point (a 280th of a
//! millimetre), colours to the thousandth, a line of glyphs as one hex
//! string per kerning gap.

/// Content-stream bytes under construction.
#[derive(Default)]
pub(crate) struct Stream {
    pub(crate) bytes: Vec<u8>,
}

/// `v` rounded to `1 / scale` (10, 100 or 1000), written without trailing
/// zeros: `12`, `12.5`, `-0.25`; never `-0`.
fn number(out: &mut Vec<u8>, v: f32, scale: i64, digits: usize) {
    let v = if v.is_finite() { v } else { 0.0 };
    let n = (f64::from(v) * scale as f64).round() as i64;
    if n < 0 {
        out.push(b'-');
    }
    let n = n.unsigned_abs();
    let scale = scale as u64;
    digits_of(out, n / scale);
    let mut frac = n % scale;
    if frac != 0 {
        out.push(b'.');
        let mut d = digits;
        let mut div = scale / 10;
        while frac != 0 && d > 0 {
            out.push(b'0' + (frac / div) as u8);
            frac %= div;
            div /= 10;
            d -= 1;
        }
    }
}

/// The decimal digits of `n`.
fn digits_of(out: &mut Vec<u8>, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

impl Stream {
    /// A coordinate or length (hundredths of a point), then a space.
    pub(crate) fn num(&mut self, v: f32) -> &mut Self {
        number(&mut self.bytes, v, 100, 2);
        self.bytes.push(b' ');
        self
    }

    /// A colour component (thousandths), then a space.
    pub(crate) fn colour(&mut self, v: f32) -> &mut Self {
        number(&mut self.bytes, v, 1000, 3);
        self.bytes.push(b' ');
        self
    }

    /// A matrix coefficient (a cosine, a sine: hundred-thousandths), then
    /// a space.
    pub(crate) fn ratio(&mut self, v: f32) -> &mut Self {
        number(&mut self.bytes, v, 100_000, 5);
        self.bytes.push(b' ');
        self
    }

    /// A whole number, then a space.
    pub(crate) fn int(&mut self, v: u32) -> &mut Self {
        digits_of(&mut self.bytes, u64::from(v));
        self.bytes.push(b' ');
        self
    }

    /// A name (`/Tag`), then a space. Names here are our own resource and
    /// role names: letters and digits only.
    pub(crate) fn name(&mut self, n: &str) -> &mut Self {
        self.bytes.push(b'/');
        self.bytes.extend_from_slice(n.as_bytes());
        self.bytes.push(b' ');
        self
    }

    /// Raw bytes (a dictionary such as `<</MCID 3>>`), then a space.
    pub(crate) fn raw(&mut self, s: &str) -> &mut Self {
        self.bytes.extend_from_slice(s.as_bytes());
        self.bytes.push(b' ');
        self
    }

    /// An operator, ending the line.
    pub(crate) fn op(&mut self, op: &str) {
        self.bytes.extend_from_slice(op.as_bytes());
        self.bytes.push(b'\n');
    }

    /// A TJ array: glyph codes as hex strings, each kerning adjustment
    /// (thousandths of an em, already rounded) between them.
    pub(crate) fn show(&mut self, glyphs: impl Iterator<Item = (u16, f32)>) {
        self.bytes.push(b'[');
        let mut open = false;
        for (code, adjust) in glyphs {
            if !open {
                self.bytes.push(b'<');
                open = true;
            }
            for shift in [12, 8, 4, 0] {
                self.bytes.push(HEX[usize::from((code >> shift) & 0xF)]);
            }
            if adjust != 0.0 {
                self.bytes.push(b'>');
                open = false;
                number(&mut self.bytes, adjust, 100, 2);
            }
        }
        if open {
            self.bytes.push(b'>');
        }
        self.bytes.extend_from_slice(b"] TJ\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: f32, scale: i64) -> String {
        let mut out = Vec::new();
        number(&mut out, v, scale, if scale == 100 { 2 } else { 3 });
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_are_short_and_exact_to_their_step() {
        assert_eq!(n(12.0, 100), "12");
        assert_eq!(n(12.5, 100), "12.5");
        assert_eq!(n(12.504, 100), "12.5");
        assert_eq!(n(12.506, 100), "12.51");
        assert_eq!(n(0.05, 100), "0.05");
        assert_eq!(n(-0.25, 100), "-0.25");
        assert_eq!(n(-0.001, 100), "0", "never -0");
        assert_eq!(n(595.2756, 100), "595.28");
        assert_eq!(n(0.0039215, 1000), "0.004");
        assert_eq!(n(1.0, 1000), "1");
        assert_eq!(n(f32::NAN, 100), "0");
        assert_eq!(n(1e7, 100), "10000000");
    }

    #[test]
    fn a_run_is_one_array_split_only_where_kerned() {
        let mut s = Stream::default();
        s.show([(0x12, 0.0), (0x3A4, 55.5), (0xB, 0.0), (0xFFFF, 0.0)].into_iter());
        assert_eq!(
            String::from_utf8(s.bytes).unwrap(),
            "[<001203A4>55.5<000BFFFF>] TJ\n"
        );
        // The result decodes as PDF: two strings of two-byte codes and a number.
        let c = lopdf::content::Content::decode(b"BT [<001203A4>55.5<000BFFFF>] TJ ET").unwrap();
        let ops: Vec<&str> = c.operations.iter().map(|o| o.operator.as_str()).collect();
        assert_eq!(ops, ["BT", "TJ", "ET"]);
    }
}
