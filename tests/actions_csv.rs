//! Improvement actions as CSV: out and back in, in English and as Spanish
//! Excel writes it (`;`, BOM), through the library and the command line; a
//! bad sheet refused with its line and column, nothing changed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

use servuction::edit::apply;
use servuction::model::*;
use servuction::report::{ImportError, actions_csv, import_actions_bytes};

fn hotel(lang: Language) -> Blueprint {
    servuction::templates::find("hotel")
        .unwrap()
        .load(lang)
        .unwrap()
}

/// The hotel with a third action, on a workshop note, done, that needs
/// protecting from a spreadsheet (`=`) and quoting (`,` and `"`).
fn planned(lang: Language) -> Blueprint {
    let mut bp = hotel(lang);
    let note = Note::loose(
        Point { x: 10.0, y: 10.0 },
        "Guests ask for late check-out".into(),
        NoteColour::Pink,
    );
    bp.actions.push(ImprovementAction {
        owner: "=Reception, \"night\" shift".into(),
        due: Some("2026-12-31".parse().unwrap()),
        status: ActionStatus::Done,
        ..ImprovementAction::new(
            "Offer late check-out at the desk, 12:00 → 14:00",
            Some(Attachment::Note(note.id.clone())),
        )
    });
    bp.notes.push(note);
    assert_eq!(bp.problems(), []);
    bp
}

#[test]
fn actions_go_out_and_come_back_unchanged_in_each_language() {
    for lang in Language::ALL {
        let bp = planned(lang);
        let text = actions_csv(&bp, lang);
        let first = text.lines().next().unwrap();
        match lang {
            Language::En => {
                assert!(
                    first.starts_with("action_id,what,owner,due,status,attached_to"),
                    "{first}"
                );
                assert!(
                    text.contains(",In progress,Fail point,tp-request-receptionist,"),
                    "{text}"
                );
                assert!(
                    text.contains("\"'=Reception, \"\"night\"\" shift\""),
                    "{text}"
                );
            }
            Language::Es => {
                assert!(first.starts_with("\u{feff}action_id;what;owner;due;status;attached_to"));
                assert!(
                    text.contains(";En curso;Punto de fallo;tp-request-receptionist;"),
                    "{text}"
                );
                assert!(text.contains(";Hecha;Nota del taller;"), "{text}");
            }
        }
        // Read back into the same blueprint: every row names its action and
        // changes nothing.
        let import = import_actions_bytes(&bp, text.as_bytes()).unwrap();
        assert_eq!(
            (import.added.len(), import.changed.len(), import.unchanged),
            (0, 0, 3)
        );
        // Into the blueprint without its actions: all three come back equal.
        let mut empty = bp.clone();
        empty.actions.clear();
        let import = import_actions_bytes(&empty, text.as_bytes()).unwrap();
        assert_eq!(import.added, bp.actions, "{lang:?}");
        apply(&mut empty, import.edit()).unwrap();
        assert_eq!(empty, bp);
    }
}

#[test]
fn a_sheet_edited_in_a_spreadsheet_changes_and_adds_actions() {
    let bp = planned(Language::Es);
    // As Spanish Excel saves it: `;`, day-first dates, Windows-1252, its
    // own words for the status, a new row without an id.
    let sheet = "action_id;what;owner;due;status;attached_to;attached_id\r\n\
                 act-room-ready-13h;Pisos marca las habitaciones listas;Gobernanta;15/03/2027;hecha;punto de fallo;tp-register-receptionist\r\n\
                 ;Revisar el registro de quejas cada mañana;Jefe de recepción;;in_progress;estándar;std-complaint-15min\r\n";
    let bytes: Vec<u8> = encoding_rs::WINDOWS_1252.encode(sheet).0.into_owned();
    let import = import_actions_bytes(&bp, &bytes).unwrap();
    assert_eq!(import.format.encoding, "windows-1252");
    assert_eq!(import.format.separator, ';');
    assert_eq!(import.changed.len(), 1);
    let changed = &import.changed[0];
    assert_eq!(changed.status, ActionStatus::Done);
    assert_eq!(changed.due, Some("2027-03-15".parse().unwrap()));
    assert_eq!(changed.what, "Pisos marca las habitaciones listas");
    // The columns the sheet lacks are kept.
    assert_eq!(changed.moves_standard, Some("std-room-ready-15h".into()));
    assert_eq!(import.added.len(), 1);
    let added = &import.added[0];
    assert!(added.id.as_str().starts_with("act-"));
    assert_eq!(added.status, ActionStatus::InProgress);
    assert_eq!(added.owner, "Jefe de recepción");
    assert_eq!(
        added.attached_to,
        Some(Attachment::Standard("std-complaint-15min".into()))
    );
    assert_eq!(
        import.summary(Language::Es),
        "1 acción añadida, 1 cambiada, 0 se quedan iguales"
    );
}

#[test]
fn a_bad_sheet_is_refused_with_its_line_and_column_and_nothing_changes() {
    let bp = planned(Language::En);
    let refused = |sheet: &str| -> String {
        match import_actions_bytes(&bp, sheet.as_bytes()) {
            Err(e) => {
                assert!(
                    matches!(
                        e,
                        ImportError::Refused { .. } | ImportError::NoWhatColumn { .. }
                    ),
                    "{e:?}"
                );
                e.to_string()
            }
            Ok(i) => panic!("{sheet} read as {i:?}"),
        }
    };
    let head = "action_id,what,owner,due,status,attached_to,attached_id,moves_standard_id\n";
    for (rows, want) in [
        (
            ",Fix it,,,later,,,\n",
            "line 2, column 5: `later` is not a status",
        ),
        (
            ",Fix it,,31/12/2026,,,,\n",
            "line 2, column 4: `31/12/2026` is not a date of the form YYYY-MM-DD",
        ),
        (
            ",Fix it,,,,fail_point,tp-nowhere,\n",
            "line 2, column 7: no touchpoint has the id `tp-nowhere`",
        ),
        (
            ",Fix it,,,,room,tp-arrive-doorman,\n",
            "line 2, column 6: `room` is not something an action is attached to",
        ),
        (
            ",Fix it,,,,,,std-nowhere\n",
            "line 2, column 8: no standard has the id `std-nowhere`",
        ),
        (
            ",  ,Ann,,,,,\n",
            "line 2, column 2: the action says nothing in `what`",
        ),
        (
            ",Fix it,,,,,,,1.5\n",
            "line 2, column 9: the row has 9 fields but the header has 8",
        ),
        (
            "act-x,A,,,,,,\nact-x,B,,,,,,\n",
            "line 3, column 1: the action `act-x` is on line 2 already",
        ),
    ] {
        let got = refused(&format!("{head}{rows}"));
        assert!(got.starts_with(want), "{rows}: {got}");
        assert!(got.contains("nothing was added"), "{got}");
    }
    // Two bad rows: the first, and how many more.
    let got = refused(&format!("{head},,Ann,,,,,\n,A,,,bad,,,\n"));
    assert!(got.contains("and an error on 1 more row"), "{got}");
    let got = refused("id,title\n1,x\n");
    assert!(got.contains("no `what` column"), "{got}");
    assert!(got.contains("`id`, `title`"), "{got}");
    // Spanish messages.
    use servuction::i18n::Localized;
    let e =
        import_actions_bytes(&bp, format!("{head},Fix it,,,later,,,\n").as_bytes()).unwrap_err();
    assert!(
        e.message(Language::Es)
            .starts_with("línea 2, columna 5: `later` no es un estado")
    );
}

#[test]
fn the_command_line_exports_and_imports_actions() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hotel.servuction");
    let bp = planned(Language::En);
    servuction::format::save(&file, &bp).unwrap();
    let path = |p: &std::path::Path| p.to_str().unwrap().to_owned();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_servuction"))
            .args(args)
            .output()
            .unwrap()
    };
    let ok = |o: std::process::Output| {
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{err}");
        String::from_utf8(o.stdout).unwrap()
    };
    let (file, csv) = (path(&file), path(&dir.path().join("plan.csv")));
    ok(run(&["export", &file, "--csv", "actions", "-o", &csv]));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text, actions_csv(&bp, Language::En));
    // The standards' sheet is still the default.
    let standards = path(&dir.path().join("standards.csv"));
    ok(run(&["export", &file, "-o", &standards]));
    assert!(
        std::fs::read_to_string(&standards)
            .unwrap()
            .starts_with("standard_id,")
    );
    // --csv with another format is refused.
    let o = run(&["export", &file, "--csv", "actions", "-o", "x.svg"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--csv is for CSV"));

    // Changed in the sheet, imported into a copy.
    std::fs::write(&csv, text.replace(",In progress,", ",Done,")).unwrap();
    let out = path(&dir.path().join("after.servuction"));
    let said = ok(run(&["import-actions", &file, "--csv", &csv, "-o", &out]));
    assert_eq!(said.trim(), "0 actions added, 1 changed, 2 unchanged");
    let after = servuction::format::read(std::path::Path::new(&out)).unwrap();
    assert_eq!(after.actions[0].status, ActionStatus::Done);
    // A bad sheet: exit 2, its line and column, the blueprint untouched.
    std::fs::write(&csv, "what,status\nFix,soon\n").unwrap();
    let before = std::fs::read(&file).unwrap();
    let o = run(&["import-actions", &file, "--csv", &csv, "--lang", "es"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("línea 2, columna 2: `soon` no es un estado"),
        "{err}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}
