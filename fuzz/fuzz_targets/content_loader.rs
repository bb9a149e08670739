//! See `careerpress::fuzzing::content_loader` for what must hold for any input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| careerpress::fuzzing::content_loader(data));
