//! Importing measured values from any CSV never panics and never leaves the
//! document invalid.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut bp = servuction::templates::synthetic(8);
    if servuction::report::import_measurements(&mut bp, text).is_ok() {
        assert!(bp.problems().is_empty());
        servuction::format::to_string(&bp).expect("still writable");
    }
});
