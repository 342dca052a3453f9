//! Importing any bytes as a photo never panics and never decodes past the
//! limits; what it stores decodes again, at the size it says, and its
//! header agrees; a stored photo's header is read safely whatever it holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use servuction::model::PhotoFormat;
use servuction::photo;

fuzz_target!(|data: &[u8]| {
    let _ = photo::header(PhotoFormat::Jpeg, data);
    let _ = photo::header(PhotoFormat::Png, data);
    if let Ok(p) = photo::prepare(data) {
        assert!(p.width.max(p.height) <= photo::LONG_EDGE, "{}x{}", p.width, p.height);
        assert_eq!(photo::header(p.format, p.data.bytes()), Ok((p.width, p.height)));
        let pixels = photo::decode(&p).expect("a stored photo decodes");
        assert_eq!(pixels.dimensions(), (p.width, p.height));
    }
});
