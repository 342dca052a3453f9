//! Messages that hold a count, in the form its number takes in each
//! language: "1 touchpoint" / "2 touchpoints", "1 punto" / "2 puntos".
//!
//! English and Spanish both use the singular for exactly one and the
//! plural otherwise (0 included), as CLDR's rules for both say for whole
//! numbers.

use super::count;
use crate::model::Language;

macro_rules! plurals {
    ($($name:ident => ($en1:expr, $en:expr; $es1:expr, $es:expr),)*) => {
        /// A message with a count, in its singular and plural forms.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Plural {
            $($name,)*
        }

        impl Plural {
            /// Every message, for tests of the catalogue.
            pub const ALL: &'static [Plural] = &[$(Plural::$name,)*];

            /// The form for `n` in a language.
            pub fn text(self, lang: Language, n: usize) -> &'static str {
                let one = n == 1;
                match (self, lang, one) {
                    $((Plural::$name, Language::En, true) => $en1,
                      (Plural::$name, Language::En, false) => $en,
                      (Plural::$name, Language::Es, true) => $es1,
                      (Plural::$name, Language::Es, false) => $es,)*
                }
            }
        }
    };
}

impl Plural {
    /// The form for `n`, its one `{}` filled with `n` as the language
    /// writes it.
    pub fn count(self, lang: Language, n: usize) -> String {
        self.fill(lang, n, &[&count(n, lang)])
    }

    /// The form for `n`, each `{}` filled with the next argument.
    pub fn fill(self, lang: Language, n: usize, args: &[&dyn std::fmt::Display]) -> String {
        super::fill_text(self.text(lang, n), args)
    }
}

/// "3 of 4 standards met", or that there are none yet.
pub fn standards_met(met: usize, total: usize, lang: Language) -> String {
    if total == 0 {
        return super::Msg::TooltipNoStandards.text(lang).to_owned();
    }
    Plural::StandardsMet.fill(lang, total, &[&count(met, lang), &count(total, lang)])
}

plurals! {
    Touchpoints => ("{} touchpoint", "{} touchpoints"; "{} punto de interacción", "{} puntos de interacción"),
    Selected => ("{} selected", "{} selected"; "{} seleccionado", "{} seleccionados"),
    DotsLeft => ("{} dot left: click a card or note", "{} dots left: click cards or notes"; "Queda {} punto: haga clic en una tarjeta o nota", "Quedan {} puntos: haga clic en tarjetas o notas"),
    // The form follows the number of standards (the second number).
    StandardsMet => ("{} of {} standard met", "{} of {} standards met"; "{} de {} estándar cumplido", "{} de {} estándares cumplidos"),
    ValuesAdded => ("{} measured value added", "{} measured values added"; "{} valor medido añadido", "{} valores medidos añadidos"),
    ValuesThere => ("{} already there", "{} already there"; "{} ya estaba", "{} ya estaban"),
    RowsSkipped => ("{} row skipped", "{} rows skipped"; "{} fila omitida", "{} filas omitidas"),
    Characters => ("{} character", "{} characters"; "{} carácter", "{} caracteres"),
    Findings => ("{} problem", "{} problems"; "{} problema", "{} problemas"),
    Votes => ("{} vote", "{} votes"; "{} voto", "{} votos"),
    Standards => ("{} standard", "{} standards"; "{} estándar", "{} estándares"),
    CardPhotos => ("{} photo: {}", "{} photos: {}"; "{} foto: {}", "{} fotos: {}"),
    // The form follows the number of pixels.
    CopiedImage => ("Copied as an image ({} × {} pixel)", "Copied as an image ({} × {} pixels)"; "Copiado como imagen ({} × {} píxel)", "Copiado como imagen ({} × {} píxeles)"),
    TextTooLong => (
        "Longer than the {} character this field edits; the whole text stays in the file.",
        "Longer than the {} characters this field edits; the whole text stays in the file.";
        "Más largo que {} carácter, lo que edita este campo; el texto completo se conserva en el archivo.",
        "Más largo que los {} caracteres que edita este campo; el texto completo se conserva en el archivo."
    ),
    TextKeepStart => ("Keep {} character from the start", "Keep the first {} characters"; "Conservar {} carácter del principio", "Conservar los primeros {} caracteres"),
    WrittenAt => ("written {} minute ago", "written {} minutes ago"; "escrito hace {} minuto", "escrito hace {} minutos"),
    LateSteps => ("Step whose time standards are missed: {}", "Steps whose time standards are missed: {}"; "Paso cuyos estándares de tiempo se incumplen: {}", "Pasos cuyos estándares de tiempo se incumplen: {}"),
    MoreResults => ("and {} more result, in the report", "and {} more results, in the report"; "y {} resultado más, en el informe", "y {} resultados más, en el informe"),
    Pages => ("{} page", "{} pages"; "{} página", "{} páginas"),
    WorkshopPages => ("{} page at the end for the workshop's notes and votes and the action plan", "{} pages at the end for the workshop's notes and votes and the action plan"; "{} página al final para las notas y los votos del taller y el plan de acción", "{} páginas al final para las notas y los votos del taller y el plan de acción"),
    Minutes => ("{} minute", "{} minutes"; "{} minuto", "{} minutos"),
    // Improvement actions imported from CSV.
    ActionsAdded => ("{} action added", "{} actions added"; "{} acción añadida", "{} acciones añadidas"),
    ActionsChanged => ("{} changed", "{} changed"; "{} cambiada", "{} cambiadas"),
    ActionsUnchanged => ("{} unchanged", "{} unchanged"; "{} se queda igual", "{} se quedan iguales"),
    Changes => ("{} change", "{} changes"; "{} cambio", "{} cambios"),
    Conflicts => ("{} conflict", "{} conflicts"; "{} conflicto", "{} conflictos"),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_plural_has_both_forms_in_both_languages_with_the_same_placeholders() {
        for p in Plural::ALL {
            let forms: Vec<&str> = Language::ALL
                .iter()
                .flat_map(|&l| [p.text(l, 1), p.text(l, 2)])
                .collect();
            for f in &forms {
                assert!(!f.is_empty(), "{p:?}");
                assert_eq!(
                    f.matches("{}").count(),
                    forms[0].matches("{}").count(),
                    "{p:?}"
                );
            }
            assert_ne!(p.text(Language::Es, 1), p.text(Language::Es, 2), "{p:?}");
        }
    }

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        use Language::{En, Es};
        assert_eq!(Plural::Touchpoints.count(Es, 1), "1 punto de interacción");
        assert_eq!(Plural::Touchpoints.count(Es, 0), "0 puntos de interacción");
        assert_eq!(
            Plural::Touchpoints.count(Es, 2_000),
            "2.000 puntos de interacción"
        );
        assert_eq!(Plural::Selected.count(Es, 1), "1 seleccionado");
        assert_eq!(
            Plural::DotsLeft.count(En, 1),
            "1 dot left: click a card or note"
        );
        assert_eq!(
            Plural::StandardsMet.fill(Es, 1, &[&1, &1]),
            "1 de 1 estándar cumplido"
        );
    }
}
