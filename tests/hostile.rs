//! Hostile input to file reading, the command line and the limits (issue 24):
//! each input is made here, so that every landing runs it again. A former
//! hang runs on a thread with a generous deadline, only to turn a hang into
//! a failure; the assertions are on what comes out.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

use servuction::format;
use servuction::model::{Blueprint, Language};
use servuction::render::export::{self, Format, Settings};
use servuction::scene::Theme;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

#[path = "documents/photos.rs"]
#[allow(dead_code)]
mod photo_docs;
#[path = "hostile/photos.rs"]
mod photos;

fn template(name: &str) -> Blueprint {
    servuction::templates::find(name)
        .unwrap()
        .load(Language::En)
        .unwrap()
}

/// `f`'s answer, or a failure if it gives none within 30 seconds (a hang).
fn within_30_s<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(v) => v,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => panic!("{what}: no answer in 30 s"),
        Err(e) => panic!("{what}: {e} (it panicked)"),
    }
}

fn servuction(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_servuction"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Runs the command line with a 30-second deadline (killed after it).
fn servuction_within_30_s(args: &[&std::ffi::OsStr]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_servuction"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            let _ = child.wait();
            panic!("{args:?}: no answer in 30 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn svg_of(bp: &Blueprint) -> String {
    let out = export::export(bp, Format::Svg, &Settings::new(Theme::LIGHT, Language::En)).unwrap();
    String::from_utf8(out.bytes).unwrap()
}

/// Reads `text` as the file `name` in a new folder.
fn read_as(name: &str, text: &[u8]) -> Result<Blueprint, format::ReadError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    format::read(&path)
}

#[test]
fn an_svg_with_many_attributes_on_one_element_opens_at_once() {
    let bp = template("hotel");
    let svg = svg_of(&bp);
    // 3 MB of attributes (some 330,000): on the metadata itself, which was
    // parsed alone, and on the root element with our namespace moved there,
    // which was parsed whole. Each attribute was compared with every
    // earlier one (1 MB took 20 s, 10.9 MB half an hour).
    let many: String = (0..330_000).map(|i| format!(" a{i}=''")).collect();
    let on_metadata = svg.replacen("<metadata>", &format!("<metadata{many}>"), 1);
    let on_root = svg
        .replacen(
            "<svg ",
            &format!("<svg xmlns:s=\"urn:servuction:document\"{many} "),
            1,
        )
        .replacen(
            "<document xmlns=\"urn:servuction:document\">",
            "<s:document>",
            1,
        )
        .replacen("</document>", "</s:document>", 1);
    for (what, text) in [("on <metadata>", on_metadata), ("on <svg>", on_root)] {
        assert!(text.len() > 3_000_000);
        let read = within_30_s(what, move || read_as("many.svg", text.as_bytes()));
        assert!(read.unwrap() == bp, "{what}: another document");
    }
}

#[test]
fn a_metadata_in_a_comment_does_not_win_over_the_real_one() {
    let real = template("hotel");
    let decoy = svg_of(&template("bank"));
    let start = decoy.find("<metadata>").unwrap();
    let end = decoy.find("</metadata>").unwrap() + "</metadata>".len();
    let svg = svg_of(&real).replacen(
        "<metadata>",
        &format!("<!-- {} -->\n<metadata>", &decoy[start..end]),
        1,
    );
    let read = read_as("commented.svg", svg.as_bytes()).unwrap();
    assert!(read == real, "the comment's document won: {}", read.title);
    // In a CDATA section or a processing instruction, the same.
    let svg = svg_of(&real).replacen(
        "<metadata>",
        &format!(
            "<style><![CDATA[ {} ]]></style><?x {} ?>\n<metadata>",
            &decoy[start..end],
            &decoy[start..end]
        ),
        1,
    );
    let read = read_as("cdata.svg", svg.as_bytes()).unwrap();
    assert!(read == real, "a CDATA's document won: {}", read.title);
    // A commented-out document alone is no document.
    let only = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- {} --></svg>",
        &decoy[start..end]
    );
    let err = read_as("only.svg", only.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(err.contains("no Servuction diagram"), "{err}");
}

#[test]
fn temporary_files_of_interrupted_saves_are_removed_once_stale() {
    let dir = tempfile::tempdir().unwrap();
    let put = |name: &str, age: Duration| {
        let path = dir.path().join(name);
        std::fs::write(&path, b"half a save").unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(std::time::SystemTime::now() - age)
            .unwrap();
        path
    };
    let hour = format::STALE_TMP_AGE;
    let two_hours = 2 * hour;
    let stale = put(".servuction-a1B2c3.tmp", two_hours);
    let fresh = put(".servuction-d4E5f6.tmp", Duration::from_secs(60));
    // Not our pattern, however old: the user's.
    let others = [
        put(".servuction-notes.tmp", two_hours),
        put(".servuction-a1B2c3.tmp.keep", two_hours),
        put("servuction-a1B2c3.tmp", two_hours),
    ];
    // A folder named as ours is not a file: kept.
    let folder = dir.path().join(".servuction-g7H8i9.tmp");
    std::fs::create_dir(&folder).unwrap();
    format::save(&dir.path().join("stay.servuction"), &template("hotel")).unwrap();
    assert!(!stale.exists(), "the stale temporary file was removed");
    assert!(fresh.exists(), "a fresh one (a save in progress) is kept");
    for other in others {
        assert!(other.exists(), "{} is kept", other.display());
    }
    assert!(folder.is_dir());
}

/// A CSV file `len` bytes long that takes no room (a hole).
fn sparse(path: &Path, len: u64) {
    std::fs::File::create(path).unwrap().set_len(len).unwrap();
}

#[test]
fn import_measurements_refuses_devices_pipes_and_huge_csvs_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("stay.servuction");
    format::save(&doc, &template("hotel")).unwrap();
    let before = std::fs::read(&doc).unwrap();
    let huge = dir.path().join("huge.csv");
    sparse(&huge, servuction::report::MAX_CSV_BYTES + 1);
    let fifo = dir.path().join("pipe.csv");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success(),
        "mkfifo"
    );
    for (csv, expected) in [
        (
            huge.as_path(),
            "bytes; files over 67,108,864 bytes are refused",
        ),
        (Path::new("/dev/zero"), "not a regular file"),
        (fifo.as_path(), "not a regular file"),
    ] {
        let o = servuction_within_30_s(&[
            "import-measurements".as_ref(),
            doc.as_os_str(),
            "--csv".as_ref(),
            csv.as_os_str(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{}: {}",
            csv.display(),
            stderr(&o)
        );
        assert!(
            stderr(&o).contains(expected),
            "{}: {}",
            csv.display(),
            stderr(&o)
        );
        assert_eq!(std::fs::read(&doc).unwrap(), before, "nothing written");
    }
}

/// Whether `text` holds a control character other than a line end: an
/// escape sequence that would retitle or clear a terminal.
fn has_controls(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && c != '\n')
}

#[test]
fn export_and_import_print_outside_text_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let osc = "\u{1b}]0;owned\u{7}\u{1b}[2J";
    // A document whose error names a reference that carries escape
    // sequences.
    let mut json: serde_json::Value =
        serde_json::from_str(&format::to_string(&template("hotel")).unwrap()).unwrap();
    json["blueprint"]["standards"][0]["touchpoint"] = format!("nope{osc}").into();
    let bad = dir.path().join(format!("bad{osc}.json"));
    std::fs::write(&bad, json.to_string()).unwrap();
    let o = servuction(&[
        "export".as_ref(),
        bad.as_os_str(),
        "-o".as_ref(),
        dir.path().join("x.svg").as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!has_controls(&stderr(&o)), "{:?}", stderr(&o));
    assert!(stderr(&o).contains("\\u{1b}]0;owned"), "{}", stderr(&o));
    // A missing file, named with escape sequences.
    let o = servuction(&[
        "export".as_ref(),
        dir.path().join(format!("gone{osc}.json")).as_os_str(),
        "-o".as_ref(),
        dir.path().join(format!("x{osc}.svg")).as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!has_controls(&stderr(&o)), "{:?}", stderr(&o));

    // A CSV named so, whose rows name standards so.
    let doc = dir.path().join("stay.servuction");
    format::save(&doc, &template("hotel")).unwrap();
    let csv = dir.path().join(format!("march{osc}.csv"));
    std::fs::write(
        &csv,
        format!("standard_id\tdate\tvalue\nstd{osc}\t2026-04-30\t1.5\n"),
    )
    .unwrap();
    let o = servuction(&[
        "import-measurements".as_ref(),
        doc.as_os_str(),
        "--csv".as_ref(),
        csv.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("skipped"), "{out}");
    assert!(out.contains("read as"), "{out}");
    assert!(!has_controls(&out), "{out:?}");
    assert!(out.contains("std\\u{1b}]0;owned"), "{out}");
}

/// zlib data that inflates to `len` spaces.
fn deflated_spaces(len: usize) -> Vec<u8> {
    use std::io::Write as _;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let block = vec![b' '; 1 << 20];
    let mut left = len;
    while left > 0 {
        let n = left.min(block.len());
        z.write_all(&block[..n]).unwrap();
        left -= n;
    }
    z.finish().unwrap()
}

/// A PDF written by hand: `objects` (bodies as bytes), a cross-reference
/// table and a trailer.
fn pdf_of(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A PDF whose attachment is `data` deflated.
fn pdf_with_attachment(deflated: &[u8]) -> Vec<u8> {
    let name = servuction::render::pdf::ATTACHMENT;
    let mut stream = format!(
        "<< /Type /EmbeddedFile /Filter /FlateDecode /Length {} >>\nstream\n",
        deflated.len()
    )
    .into_bytes();
    stream.extend_from_slice(deflated);
    stream.extend_from_slice(b"\nendstream");
    pdf_of(&[
        b"<< /Type /Catalog /Pages 2 0 R /Names 3 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
        b"<< /EmbeddedFiles 4 0 R >>".to_vec(),
        format!("<< /Names [({name}) 5 0 R] >>").into_bytes(),
        b"<< /Type /Filespec /EF << /F 6 0 R >> >>".to_vec(),
        stream,
    ])
}

#[test]
fn a_document_that_inflates_past_the_limit_is_named_so_not_the_file() {
    let limit = format::MAX_DOCUMENT_BYTES;
    let bomb = deflated_spaces(limit as usize + 1);
    let pdf = pdf_with_attachment(&bomb);
    assert!(pdf.len() < 2_000_000, "a small file: {}", pdf.len());
    let err = read_as("bomb.pdf", &pdf).unwrap_err().to_string();
    assert!(
        err.contains(&format!(
            "the Servuction document inside this PDF is larger than {} bytes once inflated",
            grouped(limit)
        )),
        "{err}"
    );
    assert!(!err.contains("the file is"), "{err}");
    // The same document within the limit is read (as JSON: spaces alone
    // are not one, which is the point: it got past the size check).
    let err = read_as("fine.pdf", &pdf_with_attachment(&deflated_spaces(10)))
        .unwrap_err()
        .to_string();
    assert!(err.contains("EOF"), "{err}");
}

#[test]
fn a_png_bomb_is_refused_with_our_limit_not_the_png_crates_advice() {
    use std::io::Write as _;
    let limit = format::MAX_DOCUMENT_BYTES;
    // An iTXt chunk `servuction`, compressed, that inflates past the limit.
    let mut data = b"servuction\0\x01\x00\0\0".to_vec();
    data.extend_from_slice(&deflated_spaces(limit as usize + 1));
    let chunk = |kind: &[u8; 4], data: &[u8]| {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        let mut crc = flate2::Crc::new();
        crc.update(&c[4..]);
        c.extend_from_slice(&crc.sum().to_be_bytes());
        c
    };
    let mut png = format::png::SIGNATURE.to_vec();
    png.extend(chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
    png.extend(chunk(b"iTXt", &data));
    let mut idat = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    idat.write_all(&[0, 0]).unwrap();
    png.extend(chunk(b"IDAT", &idat.finish().unwrap()));
    png.extend(chunk(b"IEND", &[]));
    let err = read_as("bomb.png", &png).unwrap_err().to_string();
    assert!(
        err.contains(&format!(
            "the Servuction document inside this PNG is larger than {} bytes once inflated",
            grouped(limit)
        )),
        "{err}"
    );
    assert!(!err.contains("Try with a larger limit"), "{err}");
}

#[test]
fn a_scale_too_large_is_told_the_largest_that_fits_not_one() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("stay.servuction");
    let bp = template("hotel");
    format::save(&doc, &bp).unwrap();
    let out = dir.path().join("stay.png");
    let o = servuction(&[
        "export".as_ref(),
        doc.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--scale".as_ref(),
        "1e9".as_ref(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    let suggested = err
        .split("--scale ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_else(|| panic!("no scale in {err}"));
    let scale: f32 = suggested.parse().unwrap();
    let (w, h) = servuction::render::export_size(&bp);
    let png = servuction::render::png::pixel_size;
    assert!(png(w, h, scale).is_ok(), "{suggested} does not fit");
    // The next value with as many decimals does not fit: it is the largest.
    let decimals = suggested.split('.').nth(1).map_or(0, str::len);
    let step = 10f32.powi(-(decimals as i32));
    assert!(
        png(w, h, scale + step).is_err(),
        "{suggested} + {step} fits too"
    );
    assert!(scale > 1.0, "{suggested}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_large_pdf_without_a_usable_cross_reference_table_is_refused_at_once() {
    let limit = format::pdf::MAX_REPAIR_BYTES;
    // Objects that each start a dictionary: hayro-syntax rebuilt the table
    // of such a file at some 3 µs a byte.
    let body = [b"%PDF-1.7\n".as_slice(), &b"1 0 obj <<".repeat(400_000)].concat();
    // A table that lies: object 1 at the start of the file.
    let mut lying = body.clone();
    let xref = lying.len();
    lying.extend_from_slice(
        format!(
            "xref\n0 2\n0000000000 65535 f \n0000000000 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
        )
        .as_bytes(),
    );
    for (what, pdf) in [("no table", body), ("a lying table", lying)] {
        assert!(pdf.len() > limit);
        let err = within_30_s(what, move || read_as("hostile.pdf", &pdf))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!(
                "cross-reference table is missing or damaged, and Servuction rebuilds one only in a PDF of up to {} bytes",
                grouped(limit)
            )),
            "{what}: {err}"
        );
    }
}

#[test]
fn large_pdfs_we_export_and_small_damaged_ones_still_open() {
    let settings = Settings::new(Theme::LIGHT, Language::En);
    let big = servuction::templates::synthetic(1000);
    let pdf = export::export(&big, Format::Pdf, &settings).unwrap().bytes;
    assert!(pdf.len() > format::pdf::MAX_REPAIR_BYTES, "{}", pdf.len());
    assert!(read_as("big.pdf", &pdf).unwrap() == big);
    // Saved again by a tool that appends an update (a table with /Prev):
    // both tables are checked, and it reads.
    let text = String::from_utf8_lossy(&pdf).into_owned();
    let old_xref: usize = text
        .rsplit("startxref")
        .next()
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let trailer = &text[text.rfind("trailer").unwrap() + 7..text.rfind("startxref").unwrap()];
    let trailer = trailer.trim().strip_suffix(">>").unwrap();
    let mut updated = pdf.clone();
    let new_xref = updated.len();
    updated.extend_from_slice(
        format!(
            "xref\n0 1\n0000000000 65535 f \ntrailer\n{trailer} /Prev {old_xref} >>\nstartxref\n{new_xref}\n%%EOF\n"
        )
        .as_bytes(),
    );
    assert!(read_as("updated.pdf", &updated).unwrap() == big);
    // An update whose /Prev points at no table: refused, not scanned.
    let mut broken = pdf.clone();
    let new_xref = broken.len();
    broken.extend_from_slice(
        format!(
            "xref\n0 1\n0000000000 65535 f \ntrailer\n{trailer} /Prev {} >>\nstartxref\n{new_xref}\n%%EOF\n",
            old_xref + 1
        )
        .as_bytes(),
    );
    let err = read_as("broken.pdf", &broken).err().unwrap().to_string();
    assert!(err.contains("missing or damaged"), "{err}");
    // A small PDF whose table was cut off is still rebuilt.
    let hotel = template("hotel");
    let pdf = export::export(&hotel, Format::Pdf, &settings)
        .unwrap()
        .bytes;
    let cut = pdf.windows(9).rposition(|w| w == b"startxref").unwrap();
    assert!(read_as("cut.pdf", &pdf[..cut]).unwrap() == hotel);
}

/// The hotel with `count` measured values spread over its standards, each
/// `value`.
fn hotel_measured(count: usize, value: f64) -> Blueprint {
    use servuction::model::{Date, Measurement};
    let mut bp = template("hotel");
    let standards = bp.standards.len();
    for (i, s) in bp.standards.iter_mut().enumerate() {
        s.measurements.clear();
        let n = count / standards + usize::from(i < count % standards);
        s.measurements.extend((0..n).map(|k| {
            Measurement {
                date: Date::new(
                    2000 + (k / 365 % 100) as u16,
                    1 + (k % 12) as u8,
                    1 + (k % 28) as u8,
                )
                .unwrap(),
                value,
            }
        }));
    }
    bp
}

/// A file's text as another tool might write it: compact JSON.
fn compact(bp: &Blueprint) -> String {
    format!(
        "{{\"format\":\"servuction\",\"version\":{},\"blueprint\":{}}}",
        format::CURRENT_VERSION,
        serde_json::to_string(bp).unwrap()
    )
}

#[test]
fn a_compact_file_at_the_measurement_limit_opens_saves_and_reads_back() {
    let limit = servuction::model::limits::MEASUREMENTS;
    let bp = hotel_measured(limit, 87.5);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("year.servuction");
    let text = compact(&bp);
    assert!(text.len() as u64 <= format::MAX_FILE_BYTES);
    std::fs::write(&file, &text).unwrap();
    drop(text);
    let read = format::read(&file).map_err(|e| e.to_string()).unwrap();
    assert!(read == bp);
    // Saved (too large pretty, so compact), and the same again.
    let saved = dir.path().join("saved.servuction");
    format::save(&saved, &read)
        .map_err(|e| e.to_string())
        .unwrap();
    let written = std::fs::read_to_string(&saved).unwrap();
    assert!(written.len() as u64 <= format::MAX_FILE_BYTES);
    assert_eq!(written, format::to_string(&read).unwrap(), "deterministic");
    drop(written);
    assert!(format::read(&saved).unwrap() == bp);
    // A document that fits pretty is still written pretty.
    let small = format::to_string(&template("hotel")).unwrap();
    assert!(
        small.starts_with("{\n  \"format\": \"servuction\""),
        "{small:.40}"
    );
}

#[test]
fn a_file_that_could_not_be_saved_again_does_not_open() {
    // 1,000,000 values written `1e15` (written back as
    // 1000000000000000.0) and a 25 MB description: 60 MB, within the
    // limit; written by Servuction, over 67 MB.
    let mut bp = hotel_measured(servuction::model::limits::MEASUREMENTS, 1e15);
    bp.description = "d".repeat(25_000_000);
    let text = compact(&bp).replace("1000000000000000.0", "1e15");
    assert!(
        text.len() as u64 <= format::MAX_FILE_BYTES,
        "{}",
        text.len()
    );
    let err = match format::from_str(&text) {
        Ok(_) => panic!("it opened (and could not be saved)"),
        Err(e) => e.to_string(),
    };
    assert!(
        err.contains("would take more than 67,108,864 bytes once written"),
        "{err:.300}"
    );
}

#[test]
fn disabled_rules_have_a_limit_like_every_other_list() {
    let limit = servuction::model::limits::DISABLED_RULES;
    let mut bp = template("hotel");
    bp.disabled_rules = (0..=limit).map(|i| format!("rule-{i}")).collect();
    let err = match format::from_str(&compact(&bp)) {
        Ok(_) => panic!("it opened"),
        Err(e) => e.to_string(),
    };
    assert!(
        err.contains(&format!(
            "{} disabled rules is more than the {} a blueprint may hold",
            grouped(limit + 1),
            grouped(limit)
        )),
        "{err}"
    );
    bp.disabled_rules.pop();
    assert!(format::from_str(&compact(&bp)).unwrap() == bp);
}

/// What the measure at open relies on: Servuction's compact text of a
/// document is at most `MAX_REWRITE_GROWTH` times the file it was read
/// from, for files made of the records that grow most when written (the
/// fewest characters, default fields written out, numbers such as `1e15`
/// written in full).
#[test]
fn the_written_text_grows_less_than_the_bound_the_reader_relies_on() {
    let n = 2_000;
    let skeleton = |extra: &str| {
        format!(
            "{{\"format\":\"servuction\",\"version\":5,\"blueprint\":{{\"title\":\"\",\
             \"lanes\":[{{\"id\":\"l\",\"kind\":\"customer\",\"name\":\"\",\"colour\":\"#ffffff\"}}],\
             {extra}}}}}"
        )
    };
    let many = |record: &dyn Fn(usize) -> String| (0..n).map(record).collect::<Vec<_>>().join(",");
    let stage = "{\"id\":\"g\",\"name\":\"\",\"steps\":[{\"id\":\"s\",\"name\":\"\"}]}";
    let cases = [
        (
            "stages",
            skeleton(&format!(
                "\"stages\":[{stage},{}]",
                many(&|i| format!("{{\"id\":\"g{i}\",\"name\":\"\"}}"))
            )),
        ),
        (
            "steps",
            skeleton(&format!(
                "\"stages\":[{{\"id\":\"g\",\"name\":\"\",\"steps\":[{}]}}]",
                many(&|i| format!("{{\"id\":\"s{i}\",\"name\":\"\",\"duration_min\":1e15}}"))
            )),
        ),
        (
            "touchpoints",
            skeleton(&format!(
                "\"stages\":[{stage}],\"touchpoints\":[{}]",
                many(&|i| format!(
                    "{{\"id\":\"t{i}\",\"lane\":\"l\",\"step\":\"s\",\"title\":\"\",\"duration_min\":1e15,\"expected_wait_min\":1e15}}"
                ))
            )),
        ),
        (
            "standards",
            skeleton(&format!(
                "\"stages\":[{stage}],\"touchpoints\":[{{\"id\":\"t\",\"lane\":\"l\",\"step\":\"s\",\"title\":\"\"}}],\"standards\":[{}]",
                many(&|i| format!(
                    "{{\"id\":\"d{i}\",\"touchpoint\":\"t\",\"statement\":\"\",\"target\":1e15,\"tolerance\":1e15,\"measurements\":[{{\"date\":\"2026-01-01\",\"value\":1e15}}]}}"
                ))
            )),
        ),
        (
            "measurements",
            skeleton(&format!(
                "\"stages\":[{stage}],\"touchpoints\":[{{\"id\":\"t\",\"lane\":\"l\",\"step\":\"s\",\"title\":\"\"}}],\"standards\":[{{\"id\":\"d\",\"touchpoint\":\"t\",\"statement\":\"\",\"measurements\":[{}]}}]",
                many(&|_| "{\"date\":\"2026-01-01\",\"value\":1e15}".to_owned())
            )),
        ),
        (
            "connectors",
            skeleton(&format!(
                "\"stages\":[{stage}],\"touchpoints\":[{{\"id\":\"a\",\"lane\":\"l\",\"step\":\"s\",\"title\":\"\"}},{{\"id\":\"b\",\"lane\":\"l\",\"step\":\"s\",\"title\":\"\"}}],\"connectors\":[{}]",
                many(&|i| format!("{{\"id\":\"c{i}\",\"from\":\"a\",\"to\":\"b\"}}"))
            )),
        ),
        (
            "notes",
            skeleton(&format!(
                "\"stages\":[{stage}],\"notes\":[{}]",
                many(&|i| format!(
                    "{{\"id\":\"n{i}\",\"text\":\"\",\"at\":{{\"x\":1e5,\"y\":1e5}}}}"
                ))
            )),
        ),
        (
            // Improvement actions: their status is written out.
            "actions",
            skeleton(&format!(
                "\"stages\":[{stage}],\"actions\":[{}]",
                many(&|i| format!("{{\"id\":\"a{i}\",\"what\":\"\"}}"))
            )),
        ),
    ];
    for (what, text) in cases {
        let bp = format::from_str(&text)
            .map_err(|e| format!("{what}: {e}"))
            .unwrap();
        let growth = compact(&bp).len() as f64 / text.len() as f64;
        eprintln!("{what}: {growth:.2}");
        assert!(growth < 1.9, "{what} grow {growth:.2} times");
        assert!(growth < format::MAX_REWRITE_GROWTH as f64);
    }
}

#[test]
fn a_version_1_file_with_many_stages_and_steps_is_migrated_at_once() {
    // 100,000 stages and 100,000 steps in the last: each step searched the
    // stages for its own (10^10 comparisons, minutes).
    let n = 100_000;
    let stages: Vec<String> = (0..n)
        .map(|i| format!("{{\"id\":\"g{i}\",\"name\":\"\"}}"))
        .collect();
    let steps: Vec<String> = (0..n)
        .map(|i| format!("{{\"id\":\"s{i}\",\"name\":\"\",\"stage\":\"g{}\"}}", n - 1))
        .collect();
    let text = format!(
        "{{\"format\":\"servuction\",\"version\":1,\"blueprint\":{{\"title\":\"\",\"stages\":[{}],\"steps\":[{}]}}}}",
        stages.join(","),
        steps.join(",")
    );
    let err = within_30_s("version 1", move || format::from_str(&text).map(|_| ()))
        .unwrap_err()
        .to_string();
    // Migrated, then refused for its count of steps.
    assert!(
        err.contains("100,000 steps is more than the 10,000 a blueprint may hold"),
        "{err}"
    );
}

#[test]
fn a_large_pdf_whose_table_is_right_but_an_object_is_broken_is_not_scanned() {
    // Our 1,000-touchpoint PDF, its catalog broken in place (offsets kept,
    // so the table checks out), and 24 MB of hostile objects after its end:
    // the catalog not being where the table says made hayro-syntax rebuild
    // the table by scanning the whole file (some 1.5 µs a byte here).
    let settings = Settings::new(Theme::LIGHT, Language::En);
    let big = servuction::templates::synthetic(1000);
    let mut pdf = export::export(&big, Format::Pdf, &settings).unwrap().bytes;
    let text = String::from_utf8_lossy(&pdf).into_owned();
    let root: usize = text
        .rsplit("/Root ")
        .next()
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let find = |bytes: &[u8], what: &[u8]| bytes.windows(what.len()).position(|w| w == what);
    let header = format!("\n{root} 0 obj");
    let at = find(&pdf, header.as_bytes()).unwrap() + header.len();
    let open = at + find(&pdf[at..], b"<<").unwrap();
    pdf[open..open + 2].copy_from_slice(b"[(");
    pdf.extend_from_slice(&b"1 0 obj <<".repeat(2_400_000));
    let err = within_30_s("broken catalog", move || read_as("broken.pdf", &pdf))
        .err()
        .map(|e| e.to_string());
    let err = err.expect("refused");
    assert!(err.contains("PDF"), "{err}");
}

/// A whole number as English messages write it: 67,108,864.
fn grouped(n: impl TryInto<usize>) -> String {
    servuction::i18n::count(
        n.try_into().unwrap_or(usize::MAX),
        servuction::model::Language::En,
    )
}
