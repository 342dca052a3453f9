//! Importing measured values from any bytes never panics, stores only finite
//! values and leaves the document valid, and stores nothing when it returns
//! an error. Each input is tried as it is and as a spreadsheet elsewhere
//! would have saved it: `;` separators with decimal commas, Windows-1252,
//! UTF-16 with a byte-order mark, UTF-8 with a byte-order mark and CRLF.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn check(bytes: &[u8]) {
    let mut bp = servuction::templates::synthetic(8);
    let before = bp.clone();
    match servuction::report::import_measurements_bytes(&mut bp, bytes) {
        Ok(report) => {
            let stored: usize = bp.standards.iter().map(|s| s.measurements.len()).sum();
            let held: usize = before.standards.iter().map(|s| s.measurements.len()).sum();
            assert_eq!(stored, held + report.added);
            assert!(
                bp.standards
                    .iter()
                    .flat_map(|s| &s.measurements)
                    .all(|m| m.value.is_finite())
            );
            assert!(bp.problems().is_empty());
            servuction::format::to_string(&bp).expect("still writable");
        }
        Err(_) => assert!(bp == before, "stored although refused"),
    }
}

fuzz_target!(|data: &[u8]| {
    check(data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The English sheet as a Spanish spreadsheet writes it.
    let european = text.replace(',', ";").replace('.', ",");
    check(european.as_bytes());
    // Windows-1252 (here: Latin-1's letters), as spreadsheets on Windows write "CSV".
    let latin1: Vec<u8> = european
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    check(&latin1);
    // UTF-16 with its byte-order mark, as "Unicode text".
    let utf16: Vec<u8> = std::iter::once(0xFEFF)
        .chain(text.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    check(&utf16);
    // UTF-8 with a byte-order mark and CRLF line ends.
    let bom = format!("\u{FEFF}{}", european.replace('\n', "\r\n"));
    check(bom.as_bytes());
});
