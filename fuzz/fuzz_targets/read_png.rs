//! Reading a blueprint out of any bytes that start like a PNG never panics
//! and never decodes pixels.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = servuction::format::png::SIGNATURE.to_vec();
    bytes.extend_from_slice(data);
    if let Ok(text) = servuction::format::png::embedded_document(&bytes) {
        let _ = servuction::format::from_str(&text);
    }
});
