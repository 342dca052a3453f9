//! The editor in Spanish, driven through its real UI with egui_kittest:
//! numbers typed and shown as Spanish writes them, new steps numbered, and
//! a scan of every text the UI shows for English left behind.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use servuction::app::EditorApp;
use servuction::model::*;

mod common;
use common::type_text;

/// The editor in Spanish, recovery copies in `recovery`.
fn harness_es(bp: Blueprint, recovery: &std::path::Path) -> Harness<'static, EditorApp> {
    common::editor(bp, Language::Es, recovery)
}

fn hotel_es() -> Blueprint {
    servuction::templates::find("hotel")
        .unwrap()
        .load(Language::Es)
        .unwrap()
}

fn standard<'a>(h: &'a Harness<'_, EditorApp>, statement: &str) -> &'a Standard {
    h.state()
        .blueprint()
        .standards
        .iter()
        .find(|s| s.statement == statement)
        .expect("the standard exists")
}

#[test]
fn a_value_typed_with_a_decimal_comma_is_read_and_shown_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_es(hotel_es(), dir.path());
    h.get_by_label("El portero saluda al huésped").click();
    h.run();
    let statement = "Huésped saludado en la puerta en menos de 30 s";
    // Below the standard's levels and trend: scrolled to, as a user would.
    h.get_by_label("Valor").scroll_to_me();
    h.run();
    h.get_by_label("Valor").click();
    h.run();
    type_text(&mut h, "97,5");
    h.get_by_label("Añadir valor").click();
    h.run();
    let latest = standard(&h, statement).latest().unwrap().value;
    assert_eq!(latest, 97.5, "97,5 was not read as 97.5");
    // The measured values listed under the standard.
    assert!(
        h.query_by_label_contains(": 97,5").is_some(),
        "97,5 is not shown as typed"
    );
    assert!(h.query_by_label_contains(": 97.5").is_none());
}

#[test]
fn an_adequate_level_is_shown_and_edited_with_a_decimal_comma() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_es(hotel_es(), dir.path());
    h.get_by_label("Paga y devuelve la llave").click();
    h.run();
    let statement = "Salida en menos de 3 min";
    // Lower is better: 3 min desired, a tolerance of 0,5 min.
    assert_eq!(standard(&h, statement).tolerance, Some(0.5));
    // The adequate level's field (labelled by "Nivel adecuado") shows 3,5.
    let field = h
        .query_all_by_label("Nivel adecuado")
        .find(|n| n.value().as_deref() == Some("3,5"))
        .expect("the adequate level shows 3,5");
    field.click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, "3,75");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(standard(&h, statement).tolerance, Some(0.75));
    assert!(
        h.query_all_by_label("Nivel adecuado")
            .any(|n| n.value().as_deref() == Some("3,75")),
        "3,75 is not shown"
    );
}

/// The hotel with two photos on the guest's queue at the desk (its
/// inspector is scanned): one captioned and described, one not yet.
fn with_photos(mut bp: Blueprint) -> Blueprint {
    use servuction::edit::{Edit, apply};
    let tp = bp
        .touchpoints
        .iter()
        .find(|t| t.title == "Hace cola en recepción")
        .unwrap()
        .id
        .clone();
    for shade in [40u8, 200] {
        let mut png = Vec::new();
        image::DynamicImage::ImageRgb8(image::RgbImage::from_pixel(
            64,
            48,
            image::Rgb([shade, 90, 120]),
        ))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
        let photo = servuction::photo::prepare(&png).unwrap();
        apply(
            &mut bp,
            Edit::AddPhoto {
                touchpoint: tp.clone(),
                photo,
            },
        )
        .unwrap();
    }
    let mut t = bp.touchpoint(&tp).unwrap().clone();
    t.photos[0].caption = "El mostrador".into();
    t.photos[0].alt = "Mostrador de madera con dos pantallas".into();
    apply(&mut bp, Edit::SetTouchpoint(t)).unwrap();
    bp
}

/// Every text the UI shows: the labels and values of the accessibility tree.
fn texts(h: &Harness<'_, EditorApp>) -> Vec<String> {
    let mut out = Vec::new();
    for node in h.root().children_recursive() {
        let node = node.accesskit_node();
        out.extend(node.label());
        out.extend(node.value());
    }
    out
}

#[test]
fn the_shortcuts_list_names_the_keys_as_a_spanish_keyboard_prints_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_es(hotel_es(), dir.path());
    h.key_press(Key::F1);
    h.run();
    assert!(h.query_all_by_label("Atajos de teclado").count() > 1);
    for keys in [
        "Supr / Retroceso",
        "Derecha / AvPág / Espacio",
        "Izquierda / RePág",
        "Ctrl+Más / Ctrl+=",
        "Ctrl+Mayús+Z / Ctrl+Y",
        "Esc",
    ] {
        assert!(h.query_all_by_label(keys).next().is_some(), "no {keys}");
    }
    let english = [
        "Delete",
        "Backspace",
        "Escape",
        "PageDown",
        "PageUp",
        "Shift",
        "Plus",
        "Space",
        "Right",
    ];
    for text in texts(&h) {
        for word in english {
            assert!(!text.contains(word), "{word} in {text:?}");
        }
    }
}

fn step_names(h: &Harness<'_, EditorApp>) -> Vec<String> {
    h.state()
        .blueprint()
        .steps()
        .map(|(_, s)| s.name.clone())
        .collect()
}

#[test]
fn new_stages_and_steps_are_numbered_for_a_workshop_to_name_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut bp = hotel_es();
    // A step named in English with the number the next would take.
    bp.stages[0].steps[0].name = "Step 13".into();
    let mut h = harness_es(bp, dir.path());
    assert_eq!(step_names(&h).len(), 12);
    h.get_by_label("Edición").click();
    h.run();
    h.get_by_label("Añadir etapa").click();
    h.run();
    let bp = h.state().blueprint();
    assert_eq!(bp.stages.len(), 5);
    assert_eq!(bp.stages[4].name, "Etapa 5");
    assert_eq!(bp.stages[4].steps[0].name, "Paso 14", "13 is taken");
    // From the toolbar, twice: the next numbers.
    for _ in 0..2 {
        h.get_all_by_label("Añadir paso").next().unwrap().click();
        h.run();
    }
    let names = step_names(&h);
    assert_eq!(names.len(), 15);
    for n in ["Step 13", "Paso 14", "Paso 15", "Paso 16"] {
        assert_eq!(
            names.iter().filter(|s| *s == n).count(),
            1,
            "{n}: {names:?}"
        );
    }
    // In English, the same count.
    h.state_mut().set_language(Language::En);
    h.run();
    h.get_all_by_label("Add step").next().unwrap().click();
    h.run();
    assert!(
        step_names(&h).contains(&"Step 17".to_owned()),
        "{:?}",
        step_names(&h)
    );
}

/// The English texts of the catalogue that Spanish writes otherwise, long
/// enough not to be found inside a Spanish word by chance.
fn english_only() -> Vec<&'static str> {
    use servuction::i18n::Msg;
    Msg::ALL
        .iter()
        .map(|m| (m.text(Language::En), m.text(Language::Es)))
        .filter(|(en, es)| en != es && en.chars().count() > 3)
        // A text with a placeholder is looked for by its longest piece.
        .filter_map(|(en, _)| en.split("{}").max_by_key(|p| p.len()))
        .map(str::trim)
        .filter(|piece| piece.chars().count() > 3)
        .collect()
}

/// Whether `text` holds `words` as whole words ("Present" is not in
/// "Presentar").
fn contains_words(text: &str, words: &str) -> bool {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(words).any(|(at, _)| {
        !letter(text[..at].chars().next_back()) && !letter(text[at + words.len()..].chars().next())
    })
}

/// A number with a decimal point in `text`: a digit, a point and a digit,
/// unless the point groups thousands (three digits and no fourth after it).
fn decimal_point(text: &str) -> Option<String> {
    let c: Vec<char> = text.chars().collect();
    (1..c.len().saturating_sub(1)).find_map(|i| {
        let digit = |j: usize| c.get(j).is_some_and(|d| d.is_ascii_digit());
        let grouping = digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4);
        (c[i] == '.' && digit(i - 1) && digit(i + 1) && !grouping).then(|| {
            let from = i.saturating_sub(6);
            c[from..(i + 6).min(c.len())].iter().collect()
        })
    })
}

/// Every text on screen now, and what is wrong with it for a Spanish user.
fn scan(h: &Harness<'_, EditorApp>, place: &str, found: &mut Vec<String>) {
    let english = english_only();
    let version = env!("CARGO_PKG_VERSION");
    for text in texts(h) {
        // Names, not English: the fonts' licence is called so in Spanish too.
        let named = text.replace("SIL Open Font License", "");
        if let Some(en) = english.iter().find(|en| contains_words(&named, en)) {
            found.push(format!("{place}: English {en:?} in {text:?}"));
        }
        // Names with versions in them, not figures.
        let mut plain = text.clone();
        for name in [version, "Apache-2.0", "License 1.1"] {
            plain = plain.replace(name, "");
        }
        if let Some(n) = decimal_point(&plain) {
            found.push(format!("{place}: decimal point {n:?} in {text:?}"));
        }
    }
}

#[test]
fn the_spanish_ui_shows_no_english_and_no_decimal_point_anywhere_it_is_scanned() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_es(with_photos(hotel_es()), dir.path());
    let mut found = Vec::new();
    scan(&h, "start", &mut found);
    for menu in ["Archivo", "Edición", "Ver", "Ayuda"] {
        h.get_by_label(menu).click();
        h.run();
        scan(&h, menu, &mut found);
        h.key_press(Key::Escape);
        h.run();
    }
    // A touchpoint with a wait and its one standard (open), measured in
    // decimals.
    h.get_by_label("Hace cola en recepción").click();
    h.run();
    scan(&h, "inspector", &mut found);
    h.key_press(Key::F1);
    h.run();
    scan(&h, "F1", &mut found);
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Ayuda").click();
    h.run();
    h.get_by_label("Acerca de Servuction").click();
    h.run();
    scan(&h, "about", &mut found);
    h.key_press(Key::Escape);
    h.run();
    // A fail point with its fields open in the inspector.
    h.get_by_label("El recepcionista registra al huésped")
        .click();
    h.run();
    scan(&h, "fail point", &mut found);
    // Its improvement action open in the inspector, and the action plan.
    let action = h
        .get_all_by_label_contains("Pisos marca cada")
        .next()
        .unwrap();
    action.scroll_to_me();
    h.run_steps(30);
    h.get_all_by_label_contains("Pisos marca cada")
        .next()
        .unwrap()
        .click();
    h.run();
    scan(&h, "action", &mut found);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    h.run();
    scan(&h, "action plan", &mut found);
    // File → Export…, with the tiles' options shown.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    h.run();
    scan(&h, "export", &mut found);
    h.get_by_label_contains("En varias hojas").click();
    h.run();
    scan(&h, "export, tiles", &mut found);
    h.get_by_label("Cancelar").click();
    h.run();
    h.key_press(Key::F5);
    // The presentation animates into place.
    h.run_steps(60);
    scan(&h, "presenting", &mut found);
    // A note, and the button that makes it an action.
    h.key_press(Key::ArrowRight);
    h.run_steps(60);
    h.get_by_label("Añadir nota").click();
    h.run_steps(60);
    h.event(egui::Event::Text("Avisar al huésped".into()));
    h.key_press(Key::Escape);
    h.run_steps(60);
    scan(&h, "note", &mut found);
    h.get_by_label("Convertir en acción").click();
    h.run_steps(60);
    scan(&h, "note with an action", &mut found);
    found.dedup();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_comparison_and_the_conflicts_speak_spanish() {
    use servuction::edit::{Edit, apply};
    let dir = tempfile::tempdir().unwrap();
    let here = hotel_es();
    // Another version: the doorman's card retitled and the stay's title.
    let retitled = |bp: &Blueprint, title: &str| {
        let mut bp = bp.clone();
        let mut tp = bp.touchpoint(&"tp-arrive-doorman".into()).unwrap().clone();
        tp.title = title.into();
        apply(&mut bp, Edit::SetTouchpoint(tp)).unwrap();
        bp
    };
    let other = retitled(&here, "El portero da la bienvenida por el nombre");
    let path = dir.path().join("antes.servuction");
    servuction::format::save(&path, &other).unwrap();
    let mut h = harness_es(here.clone(), dir.path());
    h.get_by_label("Archivo").click();
    h.run();
    h.get_by_label_contains("Comparar con…").click();
    h.run();
    h.get_by_label("Ruta").click();
    h.run();
    type_text(&mut h, path.to_str().unwrap());
    h.get_by_label("Aceptar").click();
    common::settle(&mut h);
    assert!(h.query_by_label("1 cambio").is_some());
    let mut found = Vec::new();
    scan(&h, "comparison", &mut found);

    // A merge whose two sides retitled the card two ways.
    let ours = retitled(&here, "Nuestro portero");
    let theirs = retitled(&here, "Su portero");
    let merged = servuction::versions::merge(&here, &ours, &theirs).doc;
    let mut h = harness_es(merged, dir.path());
    assert!(h.query_by_label("Conflictos por resolver").is_some());
    scan(&h, "conflicts", &mut found);
    h.get_by_label("Tomar la suya").click();
    h.run();
    assert!(h.query_by_label_contains("No quedan conflictos").is_some());
    scan(&h, "no conflicts", &mut found);
    found.dedup();
    assert!(found.is_empty(), "{}", found.join("\n"));
}
