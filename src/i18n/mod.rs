//! The catalogue of every user-facing string, in English and Spanish.
//!
//! Each message is a variant of [`Msg`]; `Msg::X.text(lang)` gives its text.
//! Add a message by adding one line to the `catalogue!` list below, with
//! both languages. Texts with parameters use `{}` placeholders, filled by
//! [`Msg::fill`].

use crate::model::Language;

mod cli;
mod dates;
mod errors;
mod numbers;
mod plural;
mod words;

pub use cli::{CliMsg, system_language};
pub mod cli_help {
    pub use super::cli::{HELP_ES, error_es, localize, matches};
}
pub use dates::date;
pub use errors::{ErrMsg, io_message};
pub use numbers::{count, decimal, parse_decimal, percent};
pub use plural::{Plural, standards_met};
pub use words::*;

/// A value whose message the user reads (an error, a finding) in their
/// language.
pub trait Localized {
    fn message(&self, lang: Language) -> String;
}

/// Defines a catalogue: an enum of messages, each with its English and
/// Spanish text, `ALL`, `text(lang)` and `fill(lang, args)`.
macro_rules! catalogue {
    ($(#[$doc:meta])* $enum:ident; $($name:ident => ($en:expr, $es:expr),)*) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $enum {
            $($name,)*
        }

        impl $enum {
            /// Every message, for tests of the catalogue.
            pub const ALL: &'static [$enum] = &[$($enum::$name,)*];

            /// The text of this message in a language.
            pub fn text(self, lang: $crate::model::Language) -> &'static str {
                use $crate::model::Language;
                match (self, lang) {
                    $(($enum::$name, Language::En) => $en,
                      ($enum::$name, Language::Es) => $es,)*
                }
            }

            /// The text with each `{}` replaced by the next argument.
            pub fn fill(
                self,
                lang: $crate::model::Language,
                args: &[&dyn std::fmt::Display],
            ) -> String {
                $crate::i18n::fill_text(self.text(lang), args)
            }
        }
    };
}
pub(crate) use catalogue;

/// `text` with each `{}` replaced by the next argument.
pub(crate) fn fill_text(text: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::new();
    let mut args = args.iter();
    let mut parts = text.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        if let Some(a) = args.next() {
            out.push_str(&a.to_string());
        }
        out.push_str(part);
    }
    out
}

catalogue! {
    /// A message of the editor's UI, the exports and the report.
    Msg;
    // The method's words.
    LineInteraction => ("Line of interaction", "Línea de interacción"),
    LineVisibility => ("Line of visibility", "Línea de visibilidad"),
    LineInternalInteraction => ("Line of internal interaction", "Línea de interacción interna"),
    LineOrderPenetration => ("Line of order penetration", "Línea de penetración de pedidos"),
    LineImplementation => ("Line of implementation", "Línea de implementación"),
    LaneCustomer => ("Customer", "Cliente"),
    LaneContactPersonnel => ("Contact personnel", "Personal en contacto"),
    LaneContactBackstage => ("Contact personnel (backstage)", "Personal en contacto (trastienda)"),
    LanePhysicalSupport => ("Physical support", "Soporte físico"),
    LaneBackOffice => ("Back office", "Organización interna"),
    LaneOtherCustomers => ("Other customers", "Otros clientes"),
    LaneCustom => ("Custom lane", "Carril propio"),
    MomentNone => ("Not a moment of truth", "No es momento de la verdad"),
    MomentOfTruth => ("Moment of truth", "Momento de la verdad"),
    CriticalMomentOfTruth => ("Critical moment of truth", "Momento de la verdad crítico"),
    FailPoint => ("Fail point", "Punto de fallo"),
    WaitPoint => ("Wait point", "Punto de espera"),
    ComplianceMet => ("Met", "Cumplido"),
    ComplianceAtRisk => ("At risk", "En riesgo"),
    ComplianceMissed => ("Missed", "Incumplido"),
    ComplianceNotMeasured => ("Not measured", "Sin medir"),
    ContactHigh => ("High contact", "Alto contacto"),
    ContactMedium => ("Medium contact", "Contacto medio"),
    ContactLow => ("Low contact", "Bajo contacto"),
    EvidenceObserved => ("Observed", "Observado"),
    EvidenceAssumed => ("Assumed", "Supuesto"),
    EvidenceProposed => ("Proposed", "Propuesto"),
    ConnectorFlow => ("Flow", "Flujo"),
    ConnectorDependency => ("Dependency", "Dependencia"),
    ConnectorFeedback => ("Feedback / rework", "Retroalimentación / reproceso"),
    DirectionHigher => ("Higher is better", "Más es mejor"),
    DirectionLower => ("Lower is better", "Menos es mejor"),
    MethodTiming => ("Timing", "Cronometraje"),
    MethodSurvey => ("Survey or rating card", "Encuesta o tarjeta de valoración"),
    MethodComplaints => ("Complaints and claims", "Quejas y reclamos"),
    MethodMysteryShopper => ("Mystery shopper", "Cliente misterioso"),
    MethodSuggestionBox => ("Suggestion box", "Buzón de sugerencias"),
    MethodFocusGroup => ("Focus group", "Grupo focal"),
    MethodOther => ("Other", "Otro"),
    Stage => ("Stage", "Etapa"),
    Step => ("Step", "Paso"),
    Lane => ("Lane", "Carril"),
    Touchpoint => ("Touchpoint", "Punto de interacción"),
    Standard => ("Standard", "Estándar"),
    Indicator => ("Indicator", "Indicador"),
    Target => ("Desired level", "Nivel deseado"),
    MeasurementMethod => ("Measurement method", "Método de medición"),
    // Health checks: rule summaries and findings.
    RuleStandardMissed => ("A standard is missed", "Un estándar está incumplido"),
    RuleCriticalWithoutStandard => ("A critical moment of truth has no standard", "Un momento de la verdad crítico no tiene estándar"),
    RuleMomentWithoutStandard => ("A moment of truth has no standard", "Un momento de la verdad no tiene estándar"),
    RuleStandardAtRisk => ("A standard is at risk", "Un estándar está en riesgo"),
    RuleStandardIncomplete => ("A standard lacks indicator, desired level or measurement method", "Un estándar no tiene indicador, nivel deseado o método de medición"),
    RuleVisibleWithoutSupport => ("A visible touchpoint has no link to back-office work", "Un punto de interacción visible no está enlazado con trabajo de la organización interna"),
    RuleStepWithoutPhysicalSupport => ("A customer step has no physical support", "Un paso del cliente no tiene soporte físico"),
    RuleFailPointWithoutOwner => ("A fail point has no owner", "Un punto de fallo no tiene responsable"),
    RuleFailPointWithoutRecovery => ("A fail point has no recovery", "Un punto de fallo no tiene recuperación"),
    RuleWaitWithoutExpectedWait => ("A wait point has no expected wait", "Un punto de espera no tiene espera prevista"),
    RuleWaitWithoutTimeStandard => ("A wait point has no time standard", "Un punto de espera no tiene estándar de tiempo"),
    RuleStepWithoutCustomer => ("A step has no customer touchpoint (except a back-office-only step of a low-contact blueprint, whose customer is rarely present while the work is done)", "Un paso no tiene punto de interacción del cliente (salvo un paso solo de organización interna en un plano de bajo contacto, cuyo cliente rara vez está presente mientras se hace el trabajo)"),
    RuleConnectorBackwards => ("A connector goes back in time without being feedback", "Un conector retrocede en el tiempo sin ser retroalimentación"),
    RuleHighContactWithoutCritical => ("A high-contact blueprint has no critical moment of truth", "Un plano de alto contacto no tiene momento de la verdad crítico"),
    RuleEmptyLane => ("A lane is empty", "Un carril está vacío"),
    RuleEmptyStage => ("A stage is empty", "Una etapa está vacía"),
    FindStandardMissed => ("the standard \"{}\" is missed: latest value {}, short of the adequate level {} (desired level {})", "el estándar «{}» está incumplido: último valor {}, peor que el nivel adecuado {} (nivel deseado {})"),
    FindStandardAtRisk => ("the standard \"{}\" is at risk: latest value {}, within the zone of tolerance from the adequate level {} to the desired level {}", "el estándar «{}» está en riesgo: último valor {}, dentro de la zona de tolerancia entre el nivel adecuado {} y el nivel deseado {}"),
    FindCriticalWithoutStandard => ("the critical moment of truth \"{}\" has no standard", "el momento de la verdad crítico «{}» no tiene estándar"),
    FindMomentWithoutStandard => ("the moment of truth \"{}\" has no standard", "el momento de la verdad «{}» no tiene estándar"),
    FindStandardIncomplete => ("the standard \"{}\" has no {}", "al estándar «{}» le falta: {}"),
    FindVisibleWithoutSupport => ("the contact personnel's \"{}\" has nothing behind it: no link across the line of visibility to the back-office work that makes it possible", "«{}», del personal en contacto, no tiene nada detrás: ningún enlace, a través de la línea de visibilidad, con el trabajo interno que lo hace posible"),
    FindCustomerWithoutSupport => ("the customer's \"{}\" has no physical evidence in its step and no link to the back-office work that makes it possible", "«{}», del cliente, no tiene soporte físico en su paso ni enlace con el trabajo interno que lo hace posible"),
    FindStepWithoutPhysicalSupport => ("the customer sees no physical support at step \"{}\"", "el cliente no ve ningún soporte físico en el paso «{}»"),
    FindFailPointWithoutOwner => ("the fail point \"{}\" has no owner", "el punto de fallo «{}» no tiene responsable"),
    FindFailPointWithoutRecovery => ("the fail point \"{}\" has no recovery: nothing says what staff do when it happens", "el punto de fallo «{}» no tiene recuperación: nada dice qué hace el personal cuando ocurre"),
    FindWaitWithoutExpectedWait => ("the wait point \"{}\" has no expected wait", "el punto de espera «{}» no tiene espera prevista"),
    FindWaitWithoutTimeStandard => ("the wait point \"{}\" has no time standard", "el punto de espera «{}» no tiene estándar de tiempo"),
    FindStepWithoutCustomer => ("the step \"{}\" has no customer touchpoint", "el paso «{}» no tiene punto de interacción del cliente"),
    FindConnectorBackwards => ("the connector from \"{}\" to \"{}\" goes back in time but is not a feedback", "el conector de «{}» a «{}» retrocede en el tiempo y no es de retroalimentación"),
    FindHighContactWithoutCritical => ("this high-contact service has no critical moment of truth", "este servicio de alto contacto no tiene ningún momento de la verdad crítico"),
    FindEmptyLane => ("the lane \"{}\" is empty", "el carril «{}» está vacío"),
    FindEmptyStage => ("the stage \"{}\" is empty", "la etapa «{}» está vacía"),
    // The printable report.
    ReportCompliance => ("Compliance", "Cumplimiento"),
    ReportByStage => ("By stage", "Por etapa"),
    ReportByLane => ("By lane", "Por carril"),
    ReportStandardsTitle => ("Service standards", "Estándares de servicio"),
    ReportLatest => ("Latest value", "Último valor"),
    ReportOwner => ("Owner", "Responsable"),
    ReportStatus => ("Status", "Estado"),
    ReportProblems => ("Problems", "Problemas"),
    ReportNoProblems => ("The health checks found no problems.", "Las comprobaciones no encontraron problemas."),
    SeverityError => ("Error", "Error"),
    SeverityWarning => ("Warning", "Aviso"),
    SeverityHint => ("Hint", "Sugerencia"),
    ReportTime => ("The customer's time", "El tiempo del cliente"),
    ReportServiceTime => ("Service time", "Tiempo de servicio"),
    ReportWaits => ("Waits", "Esperas"),
    ReportTotal => ("Total", "Total"),
    // The diagram (layout, scene, exports).
    DiagramEmotionCurve => ("Customer's feeling", "Emoción del cliente"),
    // The editor.
    MenuFile => ("File", "Archivo"),
    MenuEdit => ("Edit", "Edición"),
    MenuView => ("View", "Ver"),
    MenuHelp => ("Help", "Ayuda"),
    MenuNewFrom => ("New from template", "Nuevo desde plantilla"),
    MenuRecent => ("Open recent", "Abrir reciente"),
    MenuAddLane => ("Add lane", "Añadir carril"),
    CmdOpen => ("Open…", "Abrir…"),
    CmdSave => ("Save", "Guardar"),
    CmdSaveAs => ("Save as…", "Guardar como…"),
    CmdExportPng => ("Export PNG…", "Exportar PNG…"),
    CmdExportSvg => ("Export SVG…", "Exportar SVG…"),
    CmdExportPdf => ("Export PDF…", "Exportar PDF…"),
    CmdCopyImage => ("Copy as image", "Copiar como imagen"),
    CmdUndo => ("Undo", "Deshacer"),
    CmdRedo => ("Redo", "Rehacer"),
    CmdDelete => ("Delete", "Eliminar"),
    CmdDuplicate => ("Duplicate", "Duplicar"),
    CmdAddTouchpoint => ("Add touchpoint", "Añadir punto de interacción"),
    CmdZoomIn => ("Zoom in", "Acercar"),
    CmdZoomOut => ("Zoom out", "Alejar"),
    CmdZoomFit => ("Zoom to fit", "Ajustar a la ventana"),
    CmdFit => ("Fit", "Ajustar"),
    Overview => ("Overview of the whole diagram", "Vista general del diagrama"),
    CmdToggleMoment => ("Moment of truth", "Momento de la verdad"),
    CmdToggleCritical => ("Critical moment of truth", "Momento de la verdad crítico"),
    CmdToggleFail => ("Fail point", "Punto de fallo"),
    CmdToggleWait => ("Wait point", "Punto de espera"),
    CmdShortcuts => ("Keyboard shortcuts", "Atajos de teclado"),
    CmdAbout => ("About Servuction", "Acerca de Servuction"),
    AboutWhat => ("Editor for service blueprints and servuction diagrams", "Editor de planos de servicio y de diagramas de servucción"),
    AboutLicence => ("Licence: MIT or Apache-2.0, at your choice", "Licencia: MIT o Apache-2.0, a su elección"),
    AboutFonts => (
        "Fonts: Noto Sans, Noto Sans Arabic, Noto Sans Devanagari and Noto Emoji, © Google, under the SIL Open Font License 1.1",
        "Fuentes: Noto Sans, Noto Sans Arabic, Noto Sans Devanagari y Noto Emoji, © Google, con la SIL Open Font License 1.1"
    ),
    AboutLibraries => (
        "Built with egui, resvg, krilla and other Rust libraries under MIT, Apache-2.0 and similar licences",
        "Hecho con egui, resvg, krilla y otras bibliotecas de Rust con licencias MIT, Apache-2.0 y similares"
    ),
    CmdPresent => ("Present", "Presentar"),
    PresentByStage => ("Stage by stage", "Etapa a etapa"),
    PresentByMoment => ("Moments of truth", "Momentos de la verdad"),
    PresentStop => ("{} of {}", "{} de {}"),
    PresentLeave => ("Leave (Esc)", "Salir (Esc)"),
    TimerStart => ("Start", "Iniciar"),
    TimerPause => ("Pause", "Pausar"),
    TimerReset => ("Reset", "Reiniciar"),
    TimerMinutes => ("Minutes", "Minutos"),
    TimerDone => ("Time is up", "Se acabó el tiempo"),
    LaserPointer => ("Laser pointer", "Puntero láser"),
    AddNote => ("Add note", "Añadir nota"),
    AddLooseNote => ("Loose note", "Nota suelta"),
    PresentOn => ("Present on", "Presentar en"),
    ScreenOwn => ("The window's screen", "La pantalla de la ventana"),
    ScreenMissing => ("The screen {} is not connected: presenting on the window's screen", "La pantalla {} no está conectada: se presenta en la pantalla de la ventana"),
    ScreenLabel => ("Screen", "Pantalla"),
    AddLooseNoteHint => ("A note not pinned to a cell: drag it anywhere", "Una nota que no está fijada a una celda: arrástrela a cualquier sitio"),
    NotePin => ("Pin to this cell", "Fijar a esta celda"),
    NoteUnpin => ("Unpin (loose note)", "Soltar (nota suelta)"),
    NoteColourLabel => ("Colour", "Color"),
    NoteClearVotes => ("Clear votes", "Borrar votos"),
    NoteLabel => ("Note: {}", "Nota: {}"),
    NoteText => ("Note", "Nota"),
    DeleteNote => ("Delete note", "Eliminar nota"),
    NoteYellow => ("Yellow", "Amarilla"),
    NotePink => ("Pink", "Rosa"),
    NoteGreen => ("Green", "Verde"),
    NoteBlue => ("Blue", "Azul"),
    DotVoting => ("Dot voting", "Votación con puntos"),
    DotsPerPerson => ("Dots per person", "Puntos por persona"),
    NextParticipant => ("Next participant", "Siguiente participante"),
    CmdCopy => ("Copy", "Copiar"),
    CmdCut => ("Cut", "Cortar"),
    CmdPaste => ("Paste", "Pegar"),
    CmdCancel => ("Cancel connecting, select nothing", "Cancelar la conexión, no seleccionar nada"),
    CmdNextStop => ("Next stop", "Siguiente parada"),
    CmdPreviousStop => ("Previous stop", "Parada anterior"),
    CmdLeavePresentation => ("Leave the presentation", "Salir de la presentación"),
    TipOpen => ("Open a blueprint (.json, or a .png exported with its document inside)", "Abrir un plano (.json, o un .png exportado con su documento dentro)"),
    TipSave => ("Save the blueprint to its file", "Guardar el plano en su archivo"),
    TipSaveAs => ("Save the blueprint to a new file", "Guardar el plano en un archivo nuevo"),
    TipExportPng => ("A picture of the whole diagram, with the document inside", "Una imagen de todo el diagrama, con el documento dentro"),
    TipExportSvg => ("The whole diagram as a vector drawing that looks the same everywhere, with the document inside", "Todo el diagrama como dibujo vectorial que se ve igual en todas partes, con el documento dentro"),
    TipExportPdf => ("The whole diagram on one page, text selectable, with the document inside (paper sizes and tiling: servuction export --paper, --tile)", "Todo el diagrama en una página, con texto seleccionable y el documento dentro (tamaños de papel y mosaico: servuction export --paper, --tile)"),
    TipCopyImage => ("Copy the diagram, or the selected cards, as a picture to paste into a document or a slide", "Copiar el diagrama, o las tarjetas seleccionadas, como imagen para pegar en un documento o una diapositiva"),
    SaveOverExport => (
        "{} is an exported picture or the open document: a blueprint is saved as NAME.servuction (or .json), and an export needs a name of its own",
        "{} es una imagen exportada o el documento abierto: un plano se guarda como NOMBRE.servuction (o .json), y una exportación necesita un nombre propio"
    ),
    MissingGlyphs => (
        "Exported {}, but no font on this machine draws {}. Install a font that has them ({}) and export again",
        "Exportado {}, pero ninguna fuente de este equipo dibuja {}. Instale una fuente que los tenga ({}) y vuelva a exportar"
    ),
    TipImportCsv => ("Add measured values to the standards from a CSV file", "Añadir valores medidos a los estándares desde un archivo CSV"),
    TipUndo => ("Take back the last change", "Deshacer el último cambio"),
    TipRedo => ("Make again the change taken back", "Volver a hacer el cambio deshecho"),
    TipCopy => ("Copy the selected touchpoints with their standards", "Copiar los puntos de interacción seleccionados con sus estándares"),
    TipCut => ("Cut the selected touchpoints", "Cortar los puntos de interacción seleccionados"),
    TipPaste => ("Paste touchpoints copied here or in another window", "Pegar puntos de interacción copiados aquí o en otra ventana"),
    TipDelete => ("Delete the selected touchpoints", "Eliminar los puntos de interacción seleccionados"),
    TipDuplicate => ("Copy the selected touchpoints into the same cells", "Copiar los puntos de interacción seleccionados en las mismas celdas"),
    TipAddTouchpoint => ("A new touchpoint beside the selected one (or in the customer lane)", "Un punto de interacción nuevo junto al seleccionado (o en el carril del cliente)"),
    TipZoomIn => ("Zoom in around the centre", "Acercar alrededor del centro"),
    TipZoomOut => ("Zoom out around the centre", "Alejar alrededor del centro"),
    TipZoomFit => ("Show the whole diagram", "Mostrar todo el diagrama"),
    TipToggle => ("Switch it on or off for the selected touchpoints", "Activarlo o desactivarlo en los puntos de interacción seleccionados"),
    TipShortcuts => ("Every keyboard shortcut", "Todos los atajos de teclado"),
    TipAbout => ("The version, the licence and the fonts' licence", "La versión, la licencia y la licencia de las fuentes"),
    TipPresent => ("Full screen for a workshop: stage by stage or moment by moment", "Pantalla completa para un taller: etapa a etapa o momento a momento"),
    TipCancel => ("Stop connecting and clear the selection", "Dejar de conectar y vaciar la selección"),
    TipNextStop => ("Go to the next stage or moment of truth", "Ir a la siguiente etapa o momento de la verdad"),
    TipPreviousStop => ("Go back to the previous stage or moment of truth", "Volver a la etapa o momento de la verdad anterior"),
    TipLeavePresentation => ("Back to editing", "Volver a la edición"),
    HelpScopeAlways => ("Anywhere", "En cualquier momento"),
    HelpScopeDocument => ("When no text field is being typed into", "Cuando no se escribe en un campo de texto"),
    HelpScopeCanvas => ("On the canvas", "En el lienzo"),
    HelpScopePresenting => ("While presenting", "Durante la presentación"),
    CmdDarkTheme => ("Dark theme", "Tema oscuro"),
    CmdComplianceView => ("Compliance view", "Vista de cumplimiento"),
    CmdImportCsv => ("Import measurements (CSV)…", "Importar mediciones (CSV)…"),
    CmdAddStage => ("Add stage", "Añadir etapa"),
    CmdAddStep => ("Add step", "Añadir paso"),
    CmdAddStepBefore => ("Add step before", "Añadir paso antes"),
    CmdAddStepAfter => ("Add step after", "Añadir paso después"),
    CmdSplitStage => ("Split the stage here", "Dividir la etapa aquí"),
    CmdMoveToStage => ("Move to stage", "Mover a la etapa"),
    CmdAddStageBefore => ("Add stage before", "Añadir etapa antes"),
    CmdAddStageAfter => ("Add stage after", "Añadir etapa después"),
    TipAddStep => ("A new step after the selected touchpoint's, or at the end", "Un paso nuevo tras el del punto de interacción seleccionado, o al final"),
    CmdRename => ("Rename", "Renombrar"),
    CmdMoveUp => ("Move up", "Subir"),
    CmdMoveDown => ("Move down", "Bajar"),
    CmdMoveLeft => ("Move earlier", "Mover antes"),
    CmdMoveRight => ("Move later", "Mover después"),
    CmdHide => ("Hide", "Ocultar"),
    CmdConnectFrom => ("Connect from here", "Conectar desde aquí"),
    ConnectHandle => ("Connect \"{}\" to…", "Conectar «{}» con…"),
    CmdShowLine => ("Show {}", "Mostrar {}"),
    Language => ("Language", "Idioma"),
    Untitled => ("Untitled", "Sin título"),
    NewTouchpoint => ("New touchpoint", "Nuevo punto de interacción"),
    NewLane => ("New lane", "Nuevo carril"),
    NewStandard => ("New standard", "Nuevo estándar"),
    PathOpen => ("Open a blueprint", "Abrir un plano"),
    PathSave => ("Save the blueprint as", "Guardar el plano como"),
    PathExport => ("Export to", "Exportar a"),
    PathHint => ("No file dialog is available on this system: type the file's path.", "No hay diálogo de archivos en este sistema: escriba la ruta del archivo."),
    Ok => ("OK", "Aceptar"),
    Cancel => ("Cancel", "Cancelar"),
    UnsavedTitle => ("Unsaved changes", "Cambios sin guardar"),
    UnsavedBody => ("\"{}\" has changes that are not saved.", "«{}» tiene cambios sin guardar."),
    SaveFirst => ("Save", "Guardar"),
    Discard => ("Discard changes", "Descartar cambios"),
    Saved => ("Saved {}", "Guardado {}"),
    Exported => ("Exported {}", "Exportado {}"),
    PdfTile => (
        "Row {}, column {} · page {} of {} · {}",
        "Fila {}, columna {} · página {} de {} · {}"
    ),
    ExportedScaled => (
        "Exported {} at {} of full size: at full size the picture would be over 100 megapixels",
        "Exportado {} al {} del tamaño real: a tamaño real la imagen pasaría de 100 megapíxeles"
    ),
    OpenFailed => ("Could not open {}: {}", "No se pudo abrir {}: {}"),
    SaveFailed => ("Could not save {}: {}", "No se pudo guardar {}: {}"),
    ChangedOnDisk => ("{} was changed by someone else since it was opened. Save over it anyway?", "Otra persona cambió {} desde que se abrió. ¿Guardar encima de todos modos?"),
    Overwrite => ("Save over it", "Guardar encima"),
    RecoverTitle => ("Recover unsaved work", "Recuperar trabajo sin guardar"),
    RecoverBody => ("Servuction closed before these changes were saved:", "Servuction se cerró antes de guardar estos cambios:"),
    Restore => ("Restore", "Restaurar"),
    InspectorTitle => ("Touchpoint", "Punto de interacción"),
    BlueprintHeading => ("Blueprint", "Plano"),
    FieldContactLevel => ("Contact level", "Nivel de contacto"),
    FieldBlueprintLanguage => ("Written in", "Escrito en"),
    FieldEmotionCurve => ("Customer's feeling", "Emoción del cliente"),
    TipEmotionCurve => ("The chart under the diagram, on the canvas and in every export", "El gráfico bajo el diagrama, en el lienzo y en todas las exportaciones"),
    ViewEmotionCurve => ("Customer's feeling chart", "Gráfico de la emoción del cliente"),
    FieldTitle => ("Title", "Título"),
    FieldDescription => ("Description", "Descripción"),
    FieldOwner => ("Owner", "Responsable"),
    FieldDuration => ("Duration (min)", "Duración (min)"),
    FieldExpectedWait => ("Expected wait (min)", "Espera prevista (min)"),
    FieldFeeling => ("Customer's feeling", "Emoción del cliente"),
    FieldEvidence => ("Evidence", "Evidencia"),
    FieldProtocol => ("Service protocol", "Protocolo de servicio"),
    FieldStatement => ("Statement", "Enunciado"),
    FieldUnit => ("Unit", "Unidad"),
    FieldDirection => ("Direction", "Dirección"),
    FieldLatest => ("Latest", "Último"),
    FieldDate => ("Date", "Fecha"),
    FieldPath => ("Path", "Ruta"),
    FieldValue => ("Value", "Valor"),
    Exporting => ("Exporting {}…", "Exportando {}…"),
    ReplaceTitle => ("Replace the file?", "¿Reemplazar el archivo?"),
    ReplaceBody => ("{} already exists. Replacing it overwrites what it holds.", "{} ya existe. Reemplazarlo sobrescribe su contenido."),
    Replace => ("Replace", "Reemplazar"),
    RestoredChangedOnDisk => (
        "{} was changed on disk after this work was last saved: Save will ask before writing over it.",
        "{} cambió en el disco después de guardar este trabajo por última vez: Guardar preguntará antes de sobrescribirlo."
    ),
    CopyingImage => ("Copying as an image…", "Copiando como imagen…"),
    Opening => ("Opening {}…", "Abriendo {}…"),
    Importing => ("Importing {}…", "Importando {}…"),
    WritingRecovery => ("Writing the recovery copy…", "Escribiendo la copia de recuperación…"),
    SavingFile => ("Saving {}…", "Guardando {}…"),
    Cancelled => ("Cancelled: nothing was written.", "Cancelado: no se escribió nada."),
    Unprotected => (
        "Your changes are not protected: the recovery copy could not be written ({})",
        "Sus cambios no están protegidos: no se pudo escribir la copia de recuperación ({})"
    ),
    AddStandard => ("Add standard", "Añadir estándar"),
    AddMeasurement => ("Add value", "Añadir valor"),
    BadDate => ("The date must be YYYY-MM-DD", "La fecha debe ser AAAA-MM-DD"),
    BadNumber => ("The value must be a number", "El valor debe ser un número"),
    NothingSelected => ("Select a touchpoint to see and edit it. Double-click a cell to add one.", "Seleccione un punto de interacción para verlo y editarlo. Haga doble clic en una celda para añadir uno."),
    AllStandards => ("All standards", "Todos los estándares"),
    ProblemsTitle => ("Problems", "Problemas"),
    SwitchOffRule => ("Switch off the rule \"{}\" for this blueprint", "Desactivar la regla «{}» en este plano"),
    FilterAll => ("All", "Todos"),
    FilterAllLanes => ("All lanes", "Todos los carriles"),
    Standards => ("Standards", "Estándares"),
    TooltipNoStandards => ("No standards yet", "Aún sin estándares"),
    HelpCanvas => ("Double-click a cell: add a touchpoint · Drag a card: move it · Drag the background: pan · Ctrl+scroll: zoom · Right-click: more", "Doble clic en una celda: añadir un punto de interacción · Arrastrar una tarjeta: moverla · Arrastrar el fondo: desplazar · Ctrl+rueda: zoom · Clic derecho: más"),
    DateHint => ("YYYY-MM-DD", "AAAA-MM-DD"),
    // The health-check rules' names, in sentences and the report.
    RuleNameStandardMissed => ("standard missed", "estándar incumplido"),
    RuleNameCriticalWithoutStandard => ("critical moment of truth without a standard", "momento de la verdad crítico sin estándar"),
    RuleNameMomentWithoutStandard => ("moment of truth without a standard", "momento de la verdad sin estándar"),
    RuleNameStandardAtRisk => ("standard at risk", "estándar en riesgo"),
    RuleNameStandardIncomplete => ("incomplete standard", "estándar incompleto"),
    RuleNameVisibleWithoutSupport => ("visible touchpoint without back-office support", "punto de interacción visible sin apoyo interno"),
    RuleNameStepWithoutPhysicalSupport => ("step without physical support", "paso sin soporte físico"),
    RuleNameFailPointWithoutOwner => ("fail point without an owner", "punto de fallo sin responsable"),
    RuleNameFailPointWithoutRecovery => ("fail point without recovery", "punto de fallo sin recuperación"),
    RuleNameWaitWithoutExpectedWait => ("wait point without an expected wait", "punto de espera sin espera prevista"),
    RuleNameWaitWithoutTimeStandard => ("wait point without a time standard", "punto de espera sin estándar de tiempo"),
    RuleNameStepWithoutCustomer => ("step without the customer", "paso sin el cliente"),
    RuleNameConnectorBackwards => ("connector going back in time", "conector que retrocede en el tiempo"),
    RuleNameHighContactWithoutCritical => ("high contact without a critical moment of truth", "alto contacto sin momento de la verdad crítico"),
    RuleNameEmptyLane => ("empty lane", "carril vacío"),
    RuleNameEmptyStage => ("empty stage", "etapa vacía"),
    // File → Export…
    CmdExport => ("Export…", "Exportar…"),
    TipExport => ("Export the diagram, the report or the standards, with every option", "Exportar el diagrama, el informe o los estándares, con todas las opciones"),
    ExportTitle => ("Export", "Exportar"),
    ExportFormat => ("Format", "Formato"),
    ExportFormatPng => ("PNG picture", "Imagen PNG"),
    ExportFormatSvg => ("SVG picture", "Imagen SVG"),
    ExportFormatPdf => ("PDF document", "Documento PDF"),
    ExportFormatHtml => ("HTML report", "Informe HTML"),
    ExportFormatCsv => ("Standards (CSV)", "Estándares (CSV)"),
    ExportLanguage => ("Language", "Idioma"),
    ExportColours => ("Colours", "Colores"),
    ExportLight => ("Light (for print)", "Claros (para imprimir)"),
    ExportDark => ("Dark", "Oscuros"),
    ExportSvgText => ("Text", "Texto"),
    ExportSvgOutlines => ("As outlines: looks the same everywhere", "Como contornos: se ve igual en todas partes"),
    ExportSvgPlain => ("Plain: the smallest file, drawn with the fonts where it opens", "Sin contornos: el archivo más pequeño, dibujado con las fuentes de donde se abra"),
    ExportScale => ("Scale", "Escala"),
    ExportPixels => ("{} × {} pixels", "{} × {} píxeles"),
    ExportScaledDown => ("Over 100 megapixels at this scale: exported at {} of it", "Más de 100 megapíxeles a esta escala: se exporta al {} de ella"),
    ExportPages => ("Pages", "Páginas"),
    ExportPagesDiagram => ("One page the size of the diagram", "Una página del tamaño del diagrama"),
    ExportPagesFit => ("The whole diagram on one sheet", "El diagrama entero en una hoja"),
    ExportPagesTile => ("Across sheets, to glue together (full size, or down to 80 % to save sheets)", "En varias hojas, para pegar (a tamaño real, o hasta el 80 % para ahorrar hojas)"),
    ExportPaper => ("Paper", "Papel"),
    ExportLetter => ("Letter", "Carta"),
    ExportOrientation => ("Orientation", "Orientación"),
    ExportPortrait => ("Portrait", "Vertical"),
    ExportLandscape => ("Landscape", "Apaisada"),
    ExportOrientationFewest => ("Whichever takes fewer sheets", "La que necesite menos hojas"),
    ExportButton => ("Export", "Exportar"),
    // Dot voting.
    VoteParticipants => ("Participants", "Participantes"),
    VoteParticipantOf => ("Participant {} of {}", "Participante {} de {}"),
    VoteNoDotsNext => ("No dots left: pass to the next participant", "No quedan puntos: pase al siguiente participante"),
    VoteEveryoneVoted => ("Everyone has voted: end the vote to see the results", "Todos han votado: termine la votación para ver los resultados"),
    VoteEnd => ("End the vote and show the results", "Terminar la votación y ver los resultados"),
    VoteResults => ("Results of the vote", "Resultados de la votación"),
    VoteResultsShow => ("Show the results of the vote", "Ver los resultados de la votación"),
    VoteResultsClose => ("Hide the results", "Ocultar los resultados"),
    VotesClear => ("Clear the votes", "Borrar los votos"),
    PdfFurnitureSheet => ("Emotion curve and legend of the sheets above", "Curva de emociones y leyenda de las hojas de arriba"),
    PdfTileZoom => ("{} of full size", "{} del tamaño real"),
    PdfAssembly => ("Assembly", "Montaje"),
    ReportWorkshop => ("Workshop", "Taller"),
    ReportNotes => ("Notes", "Notas"),
    ReportLooseNotes => ("Loose notes", "Notas sueltas"),
    ReportVotes => ("Vote results", "Resultados de la votación"),
    ReportNote => ("Note", "Nota"),
    ReportMoments => ("Moments of truth and fail points", "Momentos de la verdad y puntos de fallo"),
    ReportMarks => ("Marks", "Marcas"),
    ReportCellTouchpoints => ("Touchpoints here: {}", "Puntos de interacción aquí: {}"),
    ReportNoStandard => ("No standard yet", "Aún sin estándar"),
    // Titles cut on their cards.
    RuleTitleCut => ("A touchpoint's title is too long for its card and is cut", "El título de un punto de interacción no cabe en su tarjeta y se corta"),
    RuleNameTitleCut => ("title cut on its card", "título cortado en su tarjeta"),
    FindTitleCut => ("the title \"{}\" does not fit on its card: the card shows its start, the exports carry it whole", "el título «{}» no cabe en su tarjeta: la tarjeta muestra el principio, las exportaciones lo llevan entero"),
    FullTitle => ("Whole title", "Título completo"),
    // Fail points with content (format 6).
    RuleFailPointWithoutPokaYoke => ("A high-priority fail point (RPN 200 or more) has no poka-yoke", "Un punto de fallo de alta prioridad (NPR de 200 o más) no tiene poka-yoke"),
    FindFailPointWithoutPokaYoke => ("the fail point \"{}\" has a risk priority of {} (severity × occurrence × detection) and no poka-yoke: a failure this serious, frequent and hard to catch should be prevented at its source, not only recovered", "el punto de fallo «{}» tiene una prioridad de riesgo de {} (gravedad × ocurrencia × detección) y ningún poka-yoke: un fallo tan grave, frecuente y difícil de detectar debe prevenirse en su origen, no solo recuperarse"),
    RuleNameFailPointWithoutPokaYoke => ("high-priority fail point without a poka-yoke", "punto de fallo de alta prioridad sin poka-yoke"),
    FieldFailure => ("What goes wrong", "Qué falla"),
    FieldFailType => ("Type of failure", "Tipo de fallo"),
    FailTypeNone => ("Not classified", "Sin clasificar"),
    FailServerTask => ("Server: task", "Servidor: tarea"),
    FailServerTreatment => ("Server: treatment", "Servidor: trato"),
    FailServerTangibles => ("Server: tangibles", "Servidor: tangibles"),
    FailCustomerPreparation => ("Customer: preparation", "Cliente: preparación"),
    FailCustomerEncounter => ("Customer: encounter", "Cliente: encuentro"),
    FailCustomerResolution => ("Customer: resolution", "Cliente: resolución"),
    FieldPokaYoke => ("Poka-yoke (prevents it)", "Poka-yoke (lo previene)"),
    FieldRecovery => ("Recovery (what staff do)", "Recuperación (qué hace el personal)"),
    FieldRecoveryTime => ("Recovered within, min", "Recuperado en, min"),
    FieldSeverity => ("Severity, 1–10", "Gravedad, 1–10"),
    FieldOccurrence => ("Occurrence, 1–10", "Ocurrencia, 1–10"),
    FieldDetection => ("Detection, 1–10", "Detección, 1–10"),
    FailPriority => ("Priority (RPN): {}", "Prioridad (NPR): {}"),
    FailPriorityUnrated => ("Priority (RPN): rate all three to see it", "Prioridad (NPR): puntúe las tres para verla"),
    FailBadgeTooltip => ("Fail point: {}", "Punto de fallo: {}"),
    FailBadgeUndescribed => ("Fail point: what goes wrong is not written yet", "Punto de fallo: aún no se ha escrito qué falla"),
    ReportFailPoints => ("Fail points", "Puntos de fallo"),
    ReportFailure => ("Failure", "Fallo"),
    ReportFailType => ("Type", "Tipo"),
    ReportPokaYoke => ("Poka-yoke", "Poka-yoke"),
    ReportRecovery => ("Recovery", "Recuperación"),
    ReportRecoveryWithin => ("within {} min", "en {} min"),
    ReportPriority => ("Priority (RPN)", "Prioridad (NPR)"),
    ReportNotWritten => ("not written", "sin escribir"),
    // Improvement actions (format 7).
    ActionOpen => ("Open", "Abierta"),
    ActionInProgress => ("In progress", "En curso"),
    ActionDone => ("Done", "Hecha"),
    ActionDropped => ("Dropped", "Descartada"),
    RuleMissedWithoutAction => ("A missed standard has no open improvement action", "Un estándar incumplido no tiene ninguna acción de mejora abierta"),
    RuleNameMissedWithoutAction => ("missed standard without an open action", "estándar incumplido sin acción abierta"),
    FindMissedWithoutAction => ("the standard \"{}\" is missed and no open or in-progress action is attached to it or meant to move it: plan what will be done, by whom and by when", "el estándar «{}» se incumple y ninguna acción abierta o en curso está asociada a él ni pretende mejorarlo: planifique qué se hará, quién y para cuándo"),
    RuleActionOverdue => ("An improvement action is past its due date", "Una acción de mejora ha pasado su fecha límite"),
    RuleNameActionOverdue => ("action overdue", "acción vencida"),
    ActionOnFailPoint => ("Fail point", "Punto de fallo"),
    ActionOnStandard => ("Standard", "Estándar"),
    ActionOnNote => ("Workshop note", "Nota del taller"),
    CmdImportActionsCsv => ("Import improvement actions (CSV)…", "Importar acciones de mejora (CSV)…"),
    TipImportActionsCsv => ("Add or change improvement actions from a CSV file (as Export writes it)", "Añadir o cambiar acciones de mejora desde un archivo CSV (como lo escribe Exportar)"),
    ExportFormatActionsCsv => ("Improvement actions (CSV)", "Acciones de mejora (CSV)"),
    ActionPlan => ("Action plan", "Plan de acción"),
    ActionWhat => ("What will be done", "Qué se hará"),
    ActionDue => ("Due", "Fecha límite"),
    ActionAttachedTo => ("Attached to", "Asociada a"),
    ActionMovesStandard => ("Standard it should move", "Estándar que debe mejorar"),
    ActionOverdue => ("overdue", "vencida"),
    ActionsHeading => ("Improvement actions", "Acciones de mejora"),
    ActionsNone => ("No action planned here yet", "Aún no hay ninguna acción planificada aquí"),
    ActionAdd => ("Add action", "Añadir acción"),
    ActionAddTip => ("Plan what will be done about this fail point or standard: who, by when", "Planificar qué se hará con este punto de fallo o estándar: quién y para cuándo"),
    ActionAddNeeds => ("Mark the touchpoint as a fail point or give it a standard first: an action is attached to one", "Marque antes el punto de interacción como punto de fallo o dele un estándar: una acción se asocia a uno de ellos"),
    ActionNewWhat => ("New improvement action", "Nueva acción de mejora"),
    ActionElsewhere => ("Something else", "Otro elemento"),
    ActionMovesNone => ("None", "Ninguno"),
    ActionDelete => ("Delete action", "Eliminar acción"),
    CmdActionPlan => ("Action plan", "Plan de acción"),
    TipActionPlan => ("Show or hide every improvement action, soonest due first, with filters", "Mostrar u ocultar todas las acciones de mejora, la más urgente primero, con filtros"),
    ActionOverdueOnly => ("Overdue only", "Solo vencidas"),
    ActionPlanEmpty => ("No improvement action yet: add one from a fail point or a standard in the inspector, or from a workshop note while presenting", "Aún no hay acciones de mejora: añada una desde un punto de fallo o un estándar en el inspector, o desde una nota del taller al presentar"),
    ActionPlanNoneShown => ("No action matches the filters", "Ninguna acción cumple los filtros"),
    ActionShowCard => ("Show the card it is attached to", "Mostrar la tarjeta a la que está asociada"),
    NoteMakeAction => ("Make an action", "Convertir en acción"),
    NoteMakeActionTip => ("Turn this note into an open improvement action, its text as what will be done; give it an owner and a due date in the action plan or the inspector", "Convertir esta nota en una acción de mejora abierta, con su texto como lo que se hará; asígnele responsable y fecha límite en el plan de acción o el inspector"),
    NoteMakeActionEmpty => ("Write the note first", "Escriba antes la nota"),
    NoteActionMade => ("An action is attached to this note", "Esta nota tiene una acción asociada"),
    ActionEdit => ("Edit", "Editar"),
    ActionEditClose => ("Close", "Cerrar"),
    ActionShowNote => ("Show the workshop note it is attached to", "Mostrar la nota del taller a la que está asociada"),
    FindActionOverdue => ("the action \"{}\" was due on {} and is still {}", "la acción «{}» vencía el {} y sigue {}"),
    // Conflicts a merge left in the document (format 7).
    RuleMergeConflict => ("A merge left a conflict to resolve", "Una mezcla dejó un conflicto por resolver"),
    RuleNameMergeConflict => ("merge conflict to resolve", "conflicto de mezcla por resolver"),
    FindMergeField => (
        "`{}` was changed two ways in a merge: this document holds one value, the other is kept in its conflicts (`servuction resolve` lists them)",
        "`{}` se cambió de dos maneras en una mezcla: este documento tiene un valor y el otro se guarda en sus conflictos (`servuction resolve` los lista)"
    ),
    FindMergeKept => (
        "deleted in one version and changed or still needed in the other: kept here until the conflict is resolved (`servuction resolve` lists it)",
        "borrado en una versión y cambiado o aún necesario en la otra: se conserva aquí hasta que se resuelva el conflicto (`servuction resolve` lo lista)"
    ),
    FindMergeOrder => (
        "the order was changed two ways in a merge: this document keeps one, the other is kept in its conflicts (`servuction resolve` lists them)",
        "el orden se cambió de dos maneras en una mezcla: este documento conserva uno y el otro se guarda en sus conflictos (`servuction resolve` los lista)"
    ),
    // The report's "what changed" section (`export --compare OLD`).
    ReportChanges => ("What changed since “{}”", "Qué cambió desde «{}»"),
    ReportNoChanges => ("Nothing changed.", "No cambió nada."),
    ReportElement => ("Element", "Elemento"),
    ReportChange => ("Change", "Cambio"),
    // The zone of tolerance.
    ComplianceExceeds => ("Exceeds", "Supera"),
    AdequateLevel => ("Adequate level", "Nivel adecuado"),
    ZoneOfTolerance => ("Zone of tolerance", "Zona de tolerancia"),
    ZoneDefaultBelow => ("not set: {} below the desired level is used ({})", "sin fijar: se usa un {} por debajo del nivel deseado ({})"),
    ZoneDefaultAbove => ("not set: {} above the desired level is used ({})", "sin fijar: se usa un {} por encima del nivel deseado ({})"),
    ZoneNeedsDesired => ("set a desired level first", "fije antes un nivel deseado"),
    ZoneSetAdequate => ("Set the adequate level", "Fijar el nivel adecuado"),
    // Table heads, with the full names on hover.
    DesiredShort => ("Desired", "Deseado"),
    AdequateShort => ("Adequate", "Adecuado"),
    ReportTrend => ("Trend", "Tendencia"),
    // The editor's comparison with another version, and its list of a
    // merge's conflicts.
    CmdCompareWith => ("Compare with…", "Comparar con…"),
    TipCompareWith => ("Lay another version of this blueprint over this one, to see and take over its changes", "Superponer otra versión de este plano a esta, para ver sus cambios y tomarlos"),
    PathCompare => ("Compare with another version", "Comparar con otra versión"),
    Comparing => ("Reading {} to compare…", "Leyendo {} para comparar…"),
    CompareFailed => ("Could not compare with {}: {}", "No se pudo comparar con {}: {}"),
    CompareTitle => ("Compared with {}", "Comparado con {}"),
    CompareLeave => ("Close the comparison", "Cerrar la comparación"),
    TipCompareLeave => ("Stop comparing; this document stays as it is, with the changes taken over", "Dejar de comparar; este documento queda como está, con los cambios tomados"),
    CompareSame => ("The two versions are the same.", "Las dos versiones son iguales."),
    CompareAdded => ("added here", "añadido aquí"),
    CompareRemoved => ("removed here (ghost)", "quitado aquí (fantasma)"),
    CompareChanged => ("changed", "cambiado"),
    CompareMoved => ("moved", "movido"),
    CompareTake => ("Take", "Tomar"),
    TipCompareTake => ("Make this element here as it is in the other version (one undo step)", "Dejar este elemento aquí como está en la otra versión (un paso de deshacer)"),
    CompareCannotTake => ("This kind of change cannot be taken over in the editor", "Este tipo de cambio no se puede tomar en el editor"),
    CompareGone => ("The element is no longer in this version", "El elemento ya no está en esta versión"),
    CompareUnfit => ("The other version's value does not fit this document", "El valor de la otra versión no encaja en este documento"),
    CompareTaken => ("Taken over: {}", "Tomado: {}"),
    CmdConflicts => ("Merge conflicts", "Conflictos de la mezcla"),
    TipConflicts => ("List the conflicts a merge left in this document, to resolve them one by one", "Listar los conflictos que una mezcla dejó en este documento, para resolverlos uno a uno"),
    ConflictsTitle => ("Conflicts to resolve", "Conflictos por resolver"),
    ConflictsClose => ("Hide", "Ocultar"),
    ConflictsNone => ("No conflicts left: saving writes a clean document.", "No quedan conflictos: al guardar se escribe un documento limpio."),
    ConflictKeepOurs => ("Keep ours", "Quedarse con la nuestra"),
    ConflictTakeTheirs => ("Take theirs", "Tomar la suya"),
    ConflictEdit => ("Edit value", "Editar valor"),
    ConflictMarkResolved => ("Mark resolved", "Marcar resuelto"),
    TipConflictKeepOurs => ("Keep the value this document holds (one undo step)", "Conservar el valor que tiene este documento (un paso de deshacer)"),
    TipConflictTakeTheirs => ("Take the other side's value, kept in the conflict (one undo step)", "Tomar el valor del otro lado, guardado en el conflicto (un paso de deshacer)"),
    TipConflictEdit => ("Select the element, to edit its value in the inspector; then mark the conflict resolved", "Seleccionar el elemento, para editar su valor en el inspector; después marcar el conflicto resuelto"),
    TipConflictMarkResolved => ("Keep the element as it is now and take the conflict off the list (one undo step)", "Dejar el elemento como está ahora y quitar el conflicto de la lista (un paso de deshacer)"),
    ConflictCannotResolve => ("This conflict cannot be resolved that way in the editor: use `servuction resolve`, or edit the element and mark it resolved", "Este conflicto no se puede resolver así en el editor: use `servuction resolve`, o edite el elemento y márquelo resuelto"),
    ConflictEditHint => ("Edit this element in the diagram (its menu or the Edit menu), then mark the conflict resolved", "Edite este elemento en el diagrama (su menú o el menú Editar) y después marque el conflicto resuelto"),
    // Photos of physical evidence (#30).
    PastedImage => ("pasted image", "imagen pegada"),
    PreparingPhoto => ("Adding the photo {}…", "Añadiendo la foto {}…"),
    PhotoCardGone => ("its touchpoint was deleted meanwhile", "su punto de interacción se eliminó entretanto"),
    PhotoAdded => ("Photo {} added", "Foto {} añadida"),
    PhotoNotAdded => ("The photo {} was not added: {}", "No se añadió la foto {}: {}"),
    PhotoPasteSelect => ("Select one touchpoint to paste a photo onto it", "Seleccione un punto de interacción para pegarle una foto"),
    InspectorPhotos => ("Photos of physical evidence", "Fotos de la evidencia física"),
    PhotoCaption => ("Caption", "Pie de foto"),
    PhotoAlt => ("Text alternative", "Texto alternativo"),
    TipPhotoAlt => ("What the photo shows, for screen readers and the exports; a photo without one is a check finding", "Lo que muestra la foto, para lectores de pantalla y exportaciones; una foto sin él es un hallazgo de la revisión"),
    PhotoRemove => ("Remove photo {}", "Quitar la foto {}"),
    PhotoEarlier => ("Move photo {} earlier", "Mover antes la foto {}"),
    PhotoLater => ("Move photo {} later", "Mover después la foto {}"),
    AddPhoto => ("Add photo…", "Añadir foto…"),
    TipAddPhoto => ("Attach a photo (PNG, JPEG or WebP); you can also drop an image file on the card, or paste an image", "Adjuntar una foto (PNG, JPEG o WebP); también puede soltar un archivo de imagen sobre la tarjeta o pegar una imagen"),
    PhotoNoAlt => ("Photo {} without a text alternative", "Foto {} sin texto alternativo"),
    PhotoLoading => ("Loading the photo…", "Cargando la foto…"),
    PhotoUnreadable => ("This photo cannot be shown", "Esta foto no se puede mostrar"),
    PhotosNone => ("No photos yet.", "Aún no hay fotos."),
    Earlier => ("Earlier", "Antes"),
    Later => ("Later", "Después"),
    RulePhotoWithoutAlt => ("A photo of physical evidence does not say what it shows (no text alternative)", "Una foto de la evidencia física no dice qué muestra (no tiene texto alternativo)"),
    RuleNamePhotoWithoutAlt => ("photo without text alternative", "foto sin texto alternativo"),
    FindPhotoWithoutAlt => (
        "photo {} of \"{}\" has no text alternative: say what the physical evidence shows, for screen readers and the exports",
        "la foto {} de «{}» no tiene texto alternativo: diga qué muestra la evidencia física, para los lectores de pantalla y las exportaciones"
    ),
    ReportPhotos => ("Photos of physical evidence", "Fotos de la evidencia física"),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages_with_the_same_placeholders() {
        let all = Msg::ALL
            .iter()
            .map(|m| (format!("{m:?}"), m.text(Language::En), m.text(Language::Es)))
            .chain(
                ErrMsg::ALL
                    .iter()
                    .map(|m| (format!("{m:?}"), m.text(Language::En), m.text(Language::Es))),
            )
            .chain(
                CliMsg::ALL
                    .iter()
                    .map(|m| (format!("{m:?}"), m.text(Language::En), m.text(Language::Es))),
            );
        for (msg, en, es) in all {
            assert!(!en.is_empty() && !es.is_empty(), "{msg} is empty");
            assert_eq!(en.matches("{}").count(), es.matches("{}").count(), "{msg}");
        }
    }

    #[test]
    fn fill_replaces_placeholders_in_order() {
        assert_eq!(
            Msg::LineVisibility.fill(Language::En, &[]),
            "Line of visibility"
        );
    }
}
