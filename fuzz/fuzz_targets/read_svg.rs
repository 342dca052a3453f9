//! Reading a blueprint out of any text that starts like an SVG never panics;
//! a document found is read like a JSON one.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(json) = servuction::format::svg::embedded_document(&text) {
        let _ = servuction::format::from_str(&json);
    }
});
