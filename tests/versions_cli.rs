//! `servuction diff`, `merge` and `show`, run as git and users run them:
//! exit codes, what they print, and the bytes they write.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::format;
use servuction::model::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod documents;
use documents::hotel;

fn servuction(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_servuction"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "C")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Saves `bp` as `name` in `dir`.
fn save(dir: &Path, name: &str, bp: &Blueprint) -> PathBuf {
    let path = dir.join(name);
    format::save(&path, bp).unwrap();
    path
}

/// The hotel saved as `a.servuction`, and as `new_name` with its first
/// card retitled: that version, and the two paths.
fn retitled(dir: &Path, new_name: &str) -> (Blueprint, PathBuf, PathBuf) {
    let old = hotel();
    let mut new = old.clone();
    new.touchpoints[0].title = "Arrives on foot".into();
    let (a, b) = (save(dir, "a.servuction", &old), save(dir, new_name, &new));
    (new, a, b)
}

#[test]
fn diff_exits_0_when_equal_1_when_different_and_2_on_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (_, a, b) = retitled(dir.path(), "b.json");
    let old = hotel();

    let same = servuction(&["diff", s(&a), s(&a)]);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    assert_eq!(stdout(&same), "");

    let o = servuction(&["diff", s(&a), s(&b)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let id = &old.touchpoints[0].id;
    assert_eq!(
        stdout(&o),
        format!(
            "touchpoint {id} \"Arrives on foot\": changed\n  title: \"{}\" -> \"Arrives on foot\"\n",
            old.touchpoints[0].title
        )
    );
    let es = servuction(&["diff", s(&a), s(&b), "--lang", "es"]);
    assert!(stdout(&es).starts_with(&format!(
        "punto de interacción {id} «Arrives on foot»: cambió"
    )));

    let json = servuction(&["diff", s(&a), s(&b), "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let c = &v["changes"][0];
    assert_eq!(
        (c["kind"].as_str(), c["change"].as_str()),
        (Some("touchpoint"), Some("changed"))
    );
    assert_eq!(c["fields"][0]["new"], "Arrives on foot");

    let missing = dir.path().join("missing.servuction");
    let e = servuction(&["diff", s(&a), s(&missing)]);
    assert_eq!(e.status.code(), Some(2));
    assert!(stderr(&e).contains("missing.servuction"), "{}", stderr(&e));
}

#[test]
fn diff_reads_the_document_an_exported_picture_carries() {
    let dir = tempfile::tempdir().unwrap();
    let a = save(dir.path(), "a.servuction", &hotel());
    let png = dir.path().join("a.png");
    let svg = dir.path().join("a.svg");
    for out in [&png, &svg] {
        let e = servuction(&["export", s(&a), "-o", s(out)]);
        assert_eq!(e.status.code(), Some(0), "{}", stderr(&e));
        let o = servuction(&["diff", s(out), s(&a)]);
        assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    }
}

#[test]
fn merge_writes_over_ours_and_exits_0_when_clean() {
    let dir = tempfile::tempdir().unwrap();
    let base = hotel();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.touchpoints[0].title = "Ours".into();
    theirs.touchpoints[1].title = "Theirs".into();
    let b = save(dir.path(), "base", &base);
    let o = save(dir.path(), "ours", &ours);
    let t = save(dir.path(), "theirs", &theirs);
    let run = servuction(&["merge", s(&b), s(&o), s(&t)]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(stderr(&run), "");
    let merged = format::read(&o).unwrap();
    assert_eq!(merged.touchpoints[0].title, "Ours");
    assert_eq!(merged.touchpoints[1].title, "Theirs");
    assert!(merged.conflicts.is_empty());
    // Written in canonical form: opened and saved, the same bytes.
    let bytes = std::fs::read_to_string(&o).unwrap();
    assert_eq!(format::to_string(&merged).unwrap(), bytes);
}

#[test]
fn merge_with_a_conflict_exits_1_lists_it_and_writes_a_document_with_both_values() {
    let dir = tempfile::tempdir().unwrap();
    let base = hotel();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.title = "Ours".into();
    theirs.title = "Theirs".into();
    let b = save(dir.path(), "base", &base);
    let o = save(dir.path(), "ours", &ours);
    let t = save(dir.path(), "theirs", &theirs);
    let out = dir.path().join("merged.servuction");
    let run = servuction(&["merge", s(&b), s(&o), s(&t), "-o", s(&out)]);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(
        err.contains("conflict: blueprint: title: ours \"Ours\", theirs \"Theirs\""),
        "{err}"
    );
    assert!(err.contains("1 conflict left to resolve"), "{err}");
    // -o leaves ours as it was.
    assert_eq!(format::read(&o).unwrap(), ours);
    let merged = format::read(&out).unwrap();
    assert_eq!(merged.title, "Ours");
    assert_eq!(merged.conflicts[0].theirs, Some("Theirs".into()));
    // `show` lists the conflict too.
    let shown = stdout(&servuction(&["show", s(&out)]));
    assert!(shown.contains("theirs \"Theirs\""), "{shown}");
    // `check` fails on it, as the editor's problems list shows it.
    let check = servuction(&["check", s(&out)]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stdout(&check).contains("error [merge-conflict] blueprint: `title` was changed two ways"),
        "{}",
        stdout(&check)
    );
    let es = stdout(&servuction(&["check", s(&out), "--lang", "es"]));
    assert!(es.contains("se cambió de dos maneras"), "{es}");
    assert_eq!(
        servuction(&["resolve", s(&out), "--ours"]).status.code(),
        Some(0)
    );
    let check = stdout(&servuction(&["check", s(&out)]));
    assert!(!check.contains("merge-conflict"), "{check}");
}

#[test]
fn merge_of_a_file_that_did_not_change_writes_its_exact_bytes() {
    let dir = tempfile::tempdir().unwrap();
    // A document as a person may have written it: compact, an older version.
    let text = format::to_string(&hotel())
        .unwrap()
        .replace("\"version\": 7", "\"version\": 6");
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let compact = serde_json::to_string(&value).unwrap();
    let base = dir.path().join("base.json");
    std::fs::write(&base, &compact).unwrap();
    let out = dir.path().join("out.json");
    let run = servuction(&["merge", s(&base), s(&base), s(&base), "-o", s(&out)]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), compact);
    // Theirs changed, ours not: theirs' bytes.
    let mut changed = hotel();
    changed.title = "Changed".into();
    let theirs = save(dir.path(), "theirs.json", &changed);
    let ours = dir.path().join("ours.json");
    std::fs::write(&ours, &compact).unwrap();
    let run = servuction(&["merge", s(&base), s(&ours), s(&theirs)]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(
        std::fs::read(&ours).unwrap(),
        std::fs::read(&theirs).unwrap()
    );
    // The saved template opens and saves to the same bytes.
    let saved = save(dir.path(), "saved.servuction", &hotel());
    let bytes = std::fs::read_to_string(&saved).unwrap();
    assert_eq!(
        format::to_string(&format::read(&saved).unwrap()).unwrap(),
        bytes
    );
}

#[test]
fn merge_refuses_a_broken_version_and_a_picture_as_output_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let base = hotel();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.title = "A".into();
    theirs.touchpoints[0].title = "B".into();
    let b = save(dir.path(), "base", &base);
    let o = save(dir.path(), "ours", &ours);
    let t = dir.path().join("theirs");
    std::fs::write(&t, "{ not json").unwrap();
    let before = std::fs::read(&o).unwrap();
    let run = servuction(&["merge", s(&b), s(&o), s(&t)]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("theirs"), "{}", stderr(&run));
    assert_eq!(std::fs::read(&o).unwrap(), before);

    let t = save(dir.path(), "theirs.json", &theirs);
    let png = dir.path().join("out.png");
    std::fs::write(&png, b"picture").unwrap();
    let run = servuction(&["merge", s(&b), s(&o), s(&t), "-o", s(&png), "--lang", "es"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("imagen exportada"),
        "{}",
        stderr(&run)
    );
    assert_eq!(std::fs::read(&png).unwrap(), b"picture");
}

#[test]
fn show_writes_each_element_and_its_fields_the_same_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let bp = hotel();
    let a = save(dir.path(), "a.servuction", &bp);
    let first = servuction(&["show", s(&a)]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let text = stdout(&first);
    assert_eq!(text, stdout(&servuction(&["show", s(&a)])));
    let tp = &bp.touchpoints[0];
    assert!(
        text.contains(&format!("touchpoint {} \"{}\"\n", tp.id, tp.title)),
        "{text}"
    );
    let lane = bp.lane(&tp.lane).unwrap();
    assert!(
        text.contains(&format!("  lane: \"{}\" ({})\n", lane.name, lane.id)),
        "{text}"
    );
    let es = stdout(&servuction(&["show", s(&a), "--lang", "es"]));
    assert!(es.contains("punto de interacción"), "{es}");
    // A text cannot pass for lines of its own, in show or in diff.
    let mut forged = bp.clone();
    forged.touchpoints[0].description = "x\ntouchpoint tp-fake \"Forged\"".into();
    let b = save(dir.path(), "b.servuction", &forged);
    for args in [vec!["show", s(&b)], vec!["diff", s(&a), s(&b)]] {
        let text = stdout(&servuction(&args));
        assert!(
            !text.lines().any(|l| l.starts_with("touchpoint tp-fake")),
            "{text}"
        );
        assert!(text.contains("x\\ntouchpoint tp-fake"), "{text}");
    }
}

#[test]
fn resolve_lists_the_conflicts_and_takes_a_side_for_those_numbered() {
    let dir = tempfile::tempdir().unwrap();
    let base = hotel();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.title = "Ours".into();
    theirs.title = "Theirs".into();
    ours.touchpoints[0].title = "Ours too".into();
    theirs.touchpoints[0].title = "Theirs too".into();
    let b = save(dir.path(), "base", &base);
    let o = save(dir.path(), "ours", &ours);
    let t = save(dir.path(), "theirs", &theirs);
    assert_eq!(
        servuction(&["merge", s(&b), s(&o), s(&t)]).status.code(),
        Some(1)
    );

    let list = servuction(&["resolve", s(&o)]);
    assert_eq!(list.status.code(), Some(1));
    let text = stdout(&list);
    assert!(
        text.starts_with("1. conflict: blueprint: title: ours \"Ours\""),
        "{text}"
    );
    assert!(text.contains("\n2. conflict: touchpoint"), "{text}");

    let out = servuction(&["resolve", s(&o), "--theirs", "2"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let doc = format::read(&o).unwrap();
    assert_eq!(doc.touchpoints[0].title, "Theirs too");
    assert_eq!((doc.title.as_str(), doc.conflicts.len()), ("Ours", 1));

    let bad = servuction(&["resolve", s(&o), "--ours", "5"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("there is no conflict 5; the document has 1"),
        "{}",
        stderr(&bad)
    );

    let done = servuction(&["resolve", s(&o), "--ours"]);
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    assert_eq!(stdout(&done), "");
    let doc = format::read(&o).unwrap();
    assert_eq!(doc.title, "Ours");
    assert!(doc.conflicts.is_empty());
    // Nothing left: the file as a clean merge would have written it.
    assert_eq!(
        std::fs::read_to_string(&o).unwrap(),
        format::to_string(&doc).unwrap()
    );
}

#[test]
fn the_html_report_with_compare_says_what_changed_since_the_other_version() {
    let dir = tempfile::tempdir().unwrap();
    let old = hotel();
    let mut new = old.clone();
    new.touchpoints[0].title = "Arrives <on foot>".into();
    let (a, b) = (
        save(dir.path(), "a.servuction", &old),
        save(dir.path(), "b.servuction", &new),
    );
    let html = dir.path().join("report.html");
    let run = servuction(&["export", s(&b), "-o", s(&html), "--compare", s(&a)]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let page = std::fs::read_to_string(&html).unwrap();
    let section = &page[page
        .find("<section class=\"changes\">")
        .expect("the section")..];
    assert!(
        section.contains("What changed since “Hotel stay”"),
        "{section}"
    );
    assert!(section.contains("1 change</p>"), "{section}");
    let id = &old.touchpoints[0].id;
    assert!(
        section.contains(&format!(
            "<tr><td>touchpoint {id} &quot;Arrives &lt;on foot&gt;&quot;</td><td>changed<br>title: "
        )),
        "{section}"
    );
    assert!(
        section.ends_with("</section>\n</body>\n</html>\n"),
        "{section}"
    );

    let es = servuction(&[
        "export",
        s(&a),
        "-o",
        s(&html),
        "--compare",
        s(&a),
        "--lang",
        "es",
    ]);
    assert_eq!(es.status.code(), Some(0), "{}", stderr(&es));
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .contains("No cambió nada.")
    );

    let png = dir.path().join("report.png");
    let refused = servuction(&["export", s(&b), "-o", s(&png), "--compare", s(&a)]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(!png.exists());
    let missing = dir.path().join("missing.servuction");
    let e = servuction(&["export", s(&b), "-o", s(&html), "--compare", s(&missing)]);
    assert_eq!(e.status.code(), Some(2));
    assert!(stderr(&e).contains("missing.servuction"), "{}", stderr(&e));
}

#[test]
fn the_pdf_with_compare_lists_what_changed_on_a_page_after_the_diagram() {
    let dir = tempfile::tempdir().unwrap();
    let (new, a, b) = retitled(dir.path(), "b.servuction");
    let pages = |pdf: &Path| {
        let bytes = std::fs::read(pdf).unwrap();
        hayro_syntax::Pdf::new(bytes).unwrap().pages().len()
    };
    let (plain, compared) = (
        dir.path().join("plain.pdf"),
        dir.path().join("compared.pdf"),
    );
    let run = servuction(&["export", s(&b), "-o", s(&plain)]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let run = servuction(&["export", s(&b), "-o", s(&compared), "--compare", s(&a)]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(pages(&compared), pages(&plain) + 1);
    // The PDF still carries its document, the new version.
    assert_eq!(format::read(&compared).unwrap(), new);
}
