//! Reading a document never panics, and what it accepts writes back and reads
//! again to the same document.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match servuction::format::from_str(text) {
        Ok(bp) => {
            let written = servuction::format::to_string(&bp).expect("a read document writes");
            let again = servuction::format::from_str(&written).expect("a written document reads");
            assert_eq!(again, bp);
            let _ = servuction::check::check(&bp);
            let _ = servuction::check::time_budget(&bp);
        }
        Err(e) => {
            let _ = e.diagnostics();
        }
    }
});
