//! The command line's own messages, and its help in Spanish.
//!
//! The English help is the doc comments of `src/main.rs` (clap derive). In
//! Spanish, [`localize`] puts the texts of [`HELP_ES`] in their place, and
//! Spanish headings, value names, defaults and clap's own flags and `help`
//! command, on the built command (clap has no catalogue of its own).

use crate::model::Language;

super::catalogue! {
    /// A message of the command line.
    CliMsg;
    NoTemplate => ("there is no template `{}`; choose one of: {}", "no hay ninguna plantilla «{}»; elija una de: {}"),
    ExistsUseForce => ("{} exists already; pass --force to overwrite it", "{} ya existe; pase --force para sobrescribirlo"),
    TemplateBroken => ("the template `{}` is broken: {}", "la plantilla «{}» está dañada: {}"),
    CannotExportTo => (
        "cannot export to `{}`: the output must end in .svg, .png, .pdf, .csv or .html",
        "no se puede exportar a «{}»: la salida debe terminar en .svg, .png, .pdf, .csv o .html"
    ),
    PdfOnlyOptions => (
        "--paper, --tile and --landscape are for PDF; `{}` is not a .pdf",
        "--paper, --tile y --landscape son para PDF; «{}» no es un .pdf"
    ),
    LandscapeNeedsPaper => (
        "--landscape needs --paper or --tile (a PDF is one page the size of the diagram otherwise)",
        "--landscape necesita --paper o --tile (si no, el PDF es una página del tamaño del diagrama)"
    ),
    ImportIntoPicture => (
        "{} is an exported picture (PNG, SVG or PDF): the measured values would replace it with JSON text; write them to a document with --output NAME.servuction",
        "{} es una imagen exportada (PNG, SVG o PDF): los valores medidos la sustituirían por texto JSON; escríbalos en un documento con --output NOMBRE.servuction"
    ),
    ReadAs => ("read as {}", "leído como {}"),
    Skipped => ("skipped", "omitida"),
    ChangedWhileReading => (
        "{} changed while the measured values were read; nothing was written (run the import again)",
        "{} cambió mientras se leían los valores medidos; no se escribió nada (vuelva a importar)"
    ),
    NoValueAdded => ("{}; no measured value was added", "{}; no se añadió ningún valor medido"),
    DoesNotExist => ("{} does not exist", "{} no existe"),
    NoEditor => (
        "this build has no editor (built without the `app` feature); use `servuction --help`",
        "esta compilación no tiene editor (se compiló sin la función `app`); use `servuction --help`"
    ),
    Warning => ("warning", "aviso"),
    // Severities as `check` prints them in text (JSON keeps the English ids).
    SeverityError => ("error", "error"),
    SeverityHint => ("hint", "sugerencia"),
    CannotWriteOutput => ("cannot write the output: {}", "no se puede escribir la salida: {}"),
    // Improvement actions as CSV.
    CsvOnlyOption => ("--csv is for CSV; `{}` is not a .csv", "--csv es para CSV; «{}» no es un .csv"),
    NoActionChanged => ("{}; no action was added or changed", "{}; no se añadió ni cambió ninguna acción"),
    KindAction => ("improvement action", "acción de mejora"),
    // Versions: diff, merge and show name the kinds of element without an article.
    KindBlueprint => ("blueprint", "plano"),
    KindStage => ("stage", "etapa"),
    KindStep => ("step", "paso"),
    KindLane => ("lane", "carril"),
    KindLine => ("line", "línea"),
    KindTouchpoint => ("touchpoint", "punto de interacción"),
    KindConnector => ("connector", "conector"),
    KindStandard => ("standard", "estándar"),
    KindMeasurement => ("measured value", "valor medido"),
    KindNote => ("note", "nota"),
    DiffAdded => ("added", "se añadió"),
    DiffRemoved => ("removed", "se quitó"),
    DiffMoved => ("moved", "se movió"),
    DiffChanged => ("changed", "cambió"),
    DiffCompliance => ("compliance {} -> {}", "cumplimiento {} -> {}"),
    ValueNone => ("(none)", "(ninguno)"),
    ValueYes => ("yes", "sí"),
    ValueNo => ("no", "no"),
    Quoted => ("\"{}\"", "«{}»"),
    ConflictField => (
        "conflict: {}: {}: ours {}, theirs {} (ours kept)",
        "conflicto: {}: {}: nuestro {}, suyo {} (se conserva el nuestro)"
    ),
    ConflictDeletedInOurs => (
        "conflict: {}: deleted in ours, changed or still needed in theirs (kept)",
        "conflicto: {}: borrado en el nuestro, cambiado o aún necesario en el suyo (se conserva)"
    ),
    ConflictDeletedInTheirs => (
        "conflict: {}: deleted in theirs, changed or still needed in ours (kept)",
        "conflicto: {}: borrado en el suyo, cambiado o aún necesario en el nuestro (se conserva)"
    ),
    ConflictDeletedInBoth => (
        "conflict: {}: deleted in both, still needed (kept)",
        "conflicto: {}: borrado en ambos, aún necesario (se conserva)"
    ),
    ConflictOrder => (
        "conflict: the order of each {} was changed two ways (ours kept)",
        "conflicto: el orden de cada {} cambió de dos maneras (se conserva el nuestro)"
    ),
    ConflictDocument => (
        "conflict: the versions could not be mixed into a valid document: ours kept, theirs stored whole in its conflicts",
        "conflicto: las versiones no se pudieron mezclar en un documento válido: se conserva el nuestro y el suyo se guarda entero en sus conflictos"
    ),
    MergeLeft => (
        "{}: {} left to resolve; the document holds ours and keeps theirs in its conflicts",
        "{}: {} por resolver; el documento tiene el nuestro y guarda el suyo en sus conflictos"
    ),
    MergeIntoPicture => (
        "{} is an exported picture (PNG, SVG or PDF): the merged document would replace it with JSON text; write it to a document with --output NAME.servuction",
        "{} es una imagen exportada (PNG, SVG o PDF): el documento mezclado la sustituiría por texto JSON; escríbalo en un documento con --output NOMBRE.servuction"
    ),
    ResolveInPicture => (
        "{} is an exported picture (PNG, SVG or PDF): resolve the conflicts in the document it was exported from",
        "{} es una imagen exportada (PNG, SVG o PDF): resuelva los conflictos en el documento desde el que se exportó"
    ),
    ConflictKept => ("conflict {} kept: {}", "se conserva el conflicto {}: {}"),
    CompareHtmlOnly => (
        "--compare is for the HTML report and the PDF; `{}` is neither a .html nor a .pdf",
        "--compare es para el informe HTML y el PDF; «{}» no es un .html ni un .pdf"
    ),
    // Photos of physical evidence (#30).
    DiffPhotoAdded => ("photo added: {}", "foto añadida: {}"),
    DiffPhotoRemoved => ("photo removed: {}", "foto quitada: {}"),
    DiffPhotoCaption => ("caption of photo {}: {} -> {}", "pie de la foto {}: {} -> {}"),
    DiffPhotoAlt => ("text alternative of photo {}: {} -> {}", "texto alternativo de la foto {}: {} -> {}"),
    DiffPhotosReordered => ("photos in another order", "fotos en otro orden"),
    PhotoIntoPicture => (
        "{} is an exported picture (PNG, SVG or PDF): a photo cannot be added to it; add it to the document it was exported from",
        "{} es una imagen exportada (PNG, SVG o PDF): no se le puede añadir una foto; añádala al documento del que se exportó"
    ),
    NoPhotoAdded => ("{}; no photo was added", "{}; no se añadió ninguna foto"),
    PhotoChangedWhileReading => (
        "{} changed while the photo was read; nothing was written (add it again)",
        "{} cambió mientras se leía la foto; no se escribió nada (vuelva a añadirla)"
    ),
    PhotoAdded => (
        "added photo {} ({} × {} pixels, {} KB) to touchpoint {} {}",
        "se añadió la foto {} ({} × {} píxeles, {} KB) al punto de interacción {} {}"
    ),
    PhotoNoAlt => (
        "the photo does not say what it shows yet: give it a text alternative with --alt (the check photo-without-alt lists it)",
        "la foto aún no dice qué muestra: dele un texto alternativo con --alt (la revisión photo-without-alt la lista)"
    ),
}

/// The Spanish help: the path of a command (`""` for the program,
/// `"check"`) or of an argument (`"check.lang"`), its short help, and its
/// long help where the English has one.
pub const HELP_ES: &[(&str, &str, Option<&str>)] = &[
    (
        "",
        "Servuction: diseñe planos de servicio y diagramas de servucción.",
        Some(
            "Servuction: diseñe planos de servicio y diagramas de servucción.\n\nSin una orden, abre el editor (con ARCHIVO si se da).",
        ),
    ),
    (
        ".file",
        "Un plano para abrir en el editor (.servuction o .json, o un .png, .svg o .pdf exportado por Servuction)",
        None,
    ),
    (
        "new",
        "Crear un archivo de plano a partir de una plantilla",
        None,
    ),
    (
        "new.template",
        "La plantilla: vea `servuction templates`",
        None,
    ),
    (
        "new.lang",
        "El idioma del plano nuevo (predeterminado: el del sistema)",
        None,
    ),
    (
        "new.output",
        "El archivo que se escribe; se rechaza si existe, salvo con --force",
        None,
    ),
    (
        "new.force",
        "Sobrescribir el archivo de salida si existe",
        None,
    ),
    ("templates", "Listar las plantillas", None),
    (
        "templates.lang",
        "El idioma de las descripciones (predeterminado: el del sistema)",
        None,
    ),
    (
        "check",
        "Validar archivos de planos y pasar las revisiones de salud del método",
        Some(
            "Validar archivos de planos y pasar las revisiones de salud del método.\n\nEscribe `archivo:línea:col: error: mensaje` por cada problema del propio archivo, y `archivo: gravedad [id-de-regla] elemento: mensaje` por cada hallazgo de las revisiones de salud (vea `servuction rules`). Sale con 2 si un archivo no se puede leer o no es válido, con 1 si una revisión encuentra un error, y si no con 0.",
        ),
    ),
    ("check.files", "Los archivos que se revisan", None),
    (
        "check.format",
        "Cómo escribir los resultados: texto, o JSON para otras herramientas",
        None,
    ),
    (
        "check.lang",
        "El idioma de los mensajes (predeterminado: el de cada plano)",
        None,
    ),
    (
        "export",
        "Exportar el diagrama completo, los estándares o un informe",
        Some(
            "Exportar el diagrama completo, los estándares o un informe.\n\nEl formato sigue la extensión de la salida: .svg, .png y .pdf (el diagrama; cada uno lleva el plano dentro y se vuelve a abrir como documento editable), .csv (cada estándar con su lugar, niveles deseado y adecuado y último valor) y .html (un informe imprimible con el diagrama, el cumplimiento, los estándares, los problemas y el tiempo). Los caracteres que ninguna fuente instalada puede dibujar se nombran en un aviso.",
        ),
    ),
    (
        "export.file",
        "El plano (.servuction o .json, o un .png, .svg o .pdf exportado por Servuction)",
        None,
    ),
    ("export.output", "El archivo que se escribe", None),
    (
        "export.scale",
        "Píxeles por unidad del diagrama, para PNG",
        None,
    ),
    (
        "export.theme",
        "Los colores: claro (para imprimir) u oscuro",
        None,
    ),
    (
        "export.lang",
        "El idioma de las etiquetas, las leyendas y los números (predeterminado: el del plano)",
        None,
    ),
    (
        "export.svg_text",
        "Texto del SVG: contornos de los glifos bajo texto invisible seleccionable, iguales en todas partes (outlines), o solo texto, dibujado con las fuentes instaladas donde se abra el SVG (plain; el archivo más pequeño)",
        None,
    ),
    (
        "export.paper",
        "PDF: imprimir en este papel, con el diagrama entero ajustado a una hoja (predeterminado: una página del tamaño del diagrama)",
        None,
    ),
    (
        "export.landscape",
        "PDF: hojas apaisadas (si no, las hojas en mosaico toman la orientación que necesite menos hojas)",
        None,
    ),
    (
        "export.tile",
        "PDF: el diagrama en tantas hojas como haga falta (A4 salvo --paper), a tamaño real o hasta el 80 % donde eso ahorre hojas, cortado entre etapas, pasos y carriles, con los nombres de los carriles en cada hoja, marcas de corte, la fila y la columna de cada hoja y un mapa de montaje",
        None,
    ),
    (
        "rules",
        "Listar las reglas de las revisiones de salud con sus ids y gravedades",
        None,
    ),
    (
        "rules.lang",
        "El idioma de las descripciones (predeterminado: el del sistema)",
        None,
    ),
    (
        "import-measurements",
        "Añadir valores medidos a los estándares de un plano desde un archivo CSV",
        Some(
            "Añadir valores medidos a los estándares de un plano desde un archivo CSV.\n\nEl CSV necesita las columnas `date` (AAAA-MM-DD) y `value` y una columna `standard_id` (o `statement`); una hoja escrita por `servuction export ARCHIVO -o estandares.csv` sirve tal cual, también después de que una hoja de cálculo la guarde de nuevo (separadores `;`, comas decimales, fechas con el día primero, UTF-8, UTF-16 o Windows-1252). Las filas que no se pueden emparejar se listan y se omiten; una fila con más campos que la cabecera o un número que se lee de dos maneras hace rechazar el archivo. Sale con 0 si se usaron todas las filas, con 1 si se omitió alguna, y con 2 si un archivo no se puede leer o escribir o se rechaza (el plano queda entonces como estaba).",
        ),
    ),
    (
        "import-measurements.file",
        "El plano al que se añade; se guarda en su sitio salvo con --output",
        None,
    ),
    (
        "import-measurements.csv",
        "El archivo CSV con los valores medidos",
        None,
    ),
    (
        "import-measurements.output",
        "Escribir el resultado aquí en lugar de sobre ARCHIVO",
        None,
    ),
    (
        "import-measurements.lang",
        "El idioma del informe (predeterminado: el del plano)",
        None,
    ),
    (
        "export.csv",
        "CSV: lo que lista la hoja, los estándares (predeterminado) o las acciones de mejora (el plan de acción)",
        None,
    ),
    (
        "import-actions",
        "Añadir o cambiar las acciones de mejora de un plano desde un archivo CSV",
        Some(
            "Añadir o cambiar las acciones de mejora de un plano desde un archivo CSV.\n\nEl CSV necesita una columna `what`; `action_id`, `owner`, `due` (AAAA-MM-DD), `status` (open, in_progress, done, dropped), `attached_to` (fail_point, standard, note) con `attached_id`, y `moves_standard_id` se leen si están. Una fila cuyo `action_id` nombra una acción del plano la cambia; cualquier otra añade una. Una hoja escrita por `servuction export ARCHIVO --csv actions -o plan.csv` sirve tal cual, también después de que una hoja de cálculo la guarde de nuevo. Una fila que no se puede leer hace rechazar el archivo entero, con su línea y columna, y no cambia nada. Sale con 0 si todo fue bien, y con 2 si un archivo no se puede leer o escribir o se rechaza.",
        ),
    ),
    (
        "import-actions.file",
        "El plano que se cambia; se guarda en su sitio salvo con --output",
        None,
    ),
    (
        "import-actions.csv",
        "El archivo CSV con las acciones",
        None,
    ),
    (
        "import-actions.output",
        "Escribir el resultado aquí en lugar de sobre ARCHIVO",
        None,
    ),
    (
        "import-actions.lang",
        "El idioma del informe (predeterminado: el del plano)",
        None,
    ),
    (
        "schema",
        "Escribir el esquema JSON del formato de archivo",
        None,
    ),
    (
        "diff",
        "Mostrar qué cambió de una versión de un plano a otra",
        Some(
            "Mostrar qué cambió de una versión de un plano a otra.\n\nLista los puntos de interacción, conectores, estándares, valores medidos, notas, acciones de mejora, carriles, pasos y etapas que se añadieron, se quitaron, se movieron (a otro carril, paso o etapa) y cambiaron (campo: antes -> después), y los estándares cuyo cumplimiento cambió. Sale con 0 si las versiones son iguales, con 1 si difieren y con 2 si hay un error, como diff.",
        ),
    ),
    (
        "diff.old",
        "La versión antigua (.servuction o .json, o un .png, .svg o .pdf exportado por Servuction)",
        None,
    ),
    ("diff.new", "La versión nueva", None),
    (
        "diff.format",
        "Cómo escribir los cambios: texto, o JSON para otras herramientas",
        None,
    ),
    (
        "diff.lang",
        "El idioma del texto (predeterminado: el de la versión nueva)",
        None,
    ),
    (
        "merge",
        "Mezclar dos versiones de un plano con su base común (un controlador de mezcla de git: `servuction merge %O %A %B`)",
        Some(
            "Mezclar dos versiones de un plano con su base común (un controlador de mezcla de git: `servuction merge %O %A %B`).\n\nA tres bandas, por id: se mezclan los cambios a elementos o campos distintos, y los valores medidos añadidos en ambos lados se unen por fecha. Un campo cambiado de dos maneras, o un elemento borrado en un lado y cambiado en el otro, es un conflicto: el documento tiene el nuestro (o el elemento cambiado) y guarda el suyo en su lista de conflictos, para resolverlo en el editor; siempre es un documento válido. El resultado sustituye a NUESTRO salvo con --output; un resultado igual a una versión es ese archivo, byte a byte. Sale con 0 si no hay conflictos, con 1 si los hay (listados en la salida de errores) y con 2 si hay un error.",
        ),
    ),
    ("merge.base", "La base común (%O de git)", None),
    (
        "merge.ours",
        "Nuestra versión, que el resultado sustituye (%A de git)",
        None,
    ),
    ("merge.theirs", "Su versión (%B de git)", None),
    (
        "merge.output",
        "Escribir el resultado aquí en lugar de sobre NUESTRO",
        None,
    ),
    (
        "merge.lang",
        "El idioma de los mensajes (predeterminado: el de nuestra versión)",
        None,
    ),
    (
        "show",
        "Escribir un plano como texto, elemento tras elemento, cada campo en su línea (para leerlo, y para `git diff` como textconv)",
        None,
    ),
    (
        "show.file",
        "El plano (.servuction o .json, o un .png, .svg o .pdf exportado por Servuction)",
        None,
    ),
    (
        "show.lang",
        "El idioma del texto (predeterminado: el del plano)",
        None,
    ),
    (
        "resolve",
        "Listar los conflictos que una mezcla dejó en un plano, o resolverlos",
        Some(
            "Listar los conflictos que una mezcla dejó en un plano, o resolverlos.\n\nSin --ours ni --theirs, lista los conflictos numerados. Con una de las dos, toma ese lado en los conflictos con los números dados (en todos si no se da ninguno) y guarda el plano; un conflicto cuyo valor ya no cabe se indica y se conserva. Sale con 0 si no queda ningún conflicto, con 1 si quedan, y con 2 si hay un error.",
        ),
    ),
    (
        "resolve.file",
        "El plano con los conflictos; se guarda en su sitio",
        None,
    ),
    (
        "resolve.numbers",
        "Los números de los conflictos que se resuelven, como los lista la orden (predeterminado: todos)",
        None,
    ),
    (
        "resolve.ours",
        "Conservar nuestros valores (los que tiene el documento)",
        None,
    ),
    ("resolve.theirs", "Tomar sus valores", None),
    (
        "resolve.lang",
        "El idioma de los mensajes (predeterminado: el del plano)",
        None,
    ),
    (
        "export.compare",
        "HTML y PDF: añadir lo que cambió desde ANTIGUO, otra versión del plano (como lo lista `servuction diff ANTIGUO ARCHIVO`): una sección del informe, páginas tras el diagrama del PDF",
        None,
    ),
    (
        "attach-photo",
        "Añadir una foto de la evidencia física a un punto de interacción",
        Some(
            "Añadir una foto de la evidencia física a un punto de interacción.\n\nLa imagen (PNG, JPEG o WebP) se endereza, se reduce a 1.600 píxeles en su lado mayor y se guarda dentro del plano, una sola vez por muchos puntos de interacción que la muestren; el plano se guarda en su sitio, con su versión anterior como NOMBRE.bak. Un archivo demasiado grande, de demasiados píxeles, dañado o de otro formato, un punto de interacción que no existe, o un punto de interacción o un plano sin sitio para otra foto se rechazan con su motivo, y el plano queda como estaba. Sale con 0 si todo fue bien, y con 2 si hay un error.",
        ),
    ),
    (
        "attach-photo.file",
        "El plano que se cambia; se guarda en su sitio",
        None,
    ),
    (
        "attach-photo.photo",
        "El archivo de imagen que se añade (PNG, JPEG o WebP)",
        None,
    ),
    (
        "attach-photo.touchpoint",
        "El id del punto de interacción que muestra la foto",
        None,
    ),
    (
        "attach-photo.caption",
        "El pie que se muestra bajo la foto",
        None,
    ),
    (
        "attach-photo.alt",
        "Lo que muestra la foto, para los lectores de pantalla y las exportaciones",
        None,
    ),
    (
        "attach-photo.lang",
        "El idioma de los mensajes (predeterminado: el del plano)",
        None,
    ),
];

/// Value names in Spanish (`<FILE>` → `<ARCHIVO>`).
const VALUE_NAMES_ES: &[(&str, &str)] = &[
    ("FILE", "ARCHIVO"),
    ("FILES", "ARCHIVOS"),
    ("OUTPUT", "SALIDA"),
    ("TEMPLATE", "PLANTILLA"),
    ("LANG", "IDIOMA"),
    ("FORMAT", "FORMATO"),
    ("SCALE", "ESCALA"),
    ("THEME", "TEMA"),
    ("SVG_TEXT", "TEXTO_SVG"),
    ("PAPER", "PAPEL"),
    ("CSV", "CSV"),
    ("COMMAND", "ORDEN"),
    ("OLD", "ANTIGUO"),
    ("NEW", "NUEVO"),
    ("OURS", "NUESTRO"),
    ("THEIRS", "SUYO"),
    ("NUMBERS", "NÚMEROS"),
];

/// The language the command line speaks when `--lang` does not say:
/// the system's (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), English if it is not
/// Spanish.
pub fn system_language() -> Language {
    ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty() && v != "C" && v != "C.UTF-8" && v != "POSIX")
        .and_then(|v| Language::from_code(&v))
        .unwrap_or(Language::En)
}

/// The help of `cmd` (built here) in `lang`: unchanged in English.
pub fn localize(mut cmd: clap::Command, lang: Language) -> clap::Command {
    if lang == Language::En {
        return cmd;
    }
    cmd.build();
    spanish(cmd, "")
}

/// Parses the command line with the help and the errors in `lang`; exits
/// (as clap does: 0 for help and version, 2 for an error) when it is not a
/// command to run.
pub fn matches(cmd: clap::Command, lang: Language) -> clap::ArgMatches {
    let mut cmd = localize(cmd, lang);
    match cmd.try_get_matches_from_mut(std::env::args_os()) {
        Ok(m) => m,
        Err(e) => match (lang, error_es(&e, &cmd)) {
            (Language::Es, Some(text)) => {
                eprint!("{text}");
                std::process::exit(2)
            }
            _ => e.exit(),
        },
    }
}

/// The Spanish help of `lang`'s text for a path, if there is one.
fn help_es(path: &str) -> Option<(&'static str, Option<&'static str>)> {
    HELP_ES
        .iter()
        .find(|(p, _, _)| *p == path)
        .map(|&(_, short, long)| (short, long))
}

/// A command (at `path`) and its subcommands with the Spanish help.
fn spanish(mut cmd: clap::Command, path: &str) -> clap::Command {
    const TEMPLATE: &str = "{about-with-newline}\nUso: {usage}\n\n{all-args}{after-help}";
    let help_about = "Mostrar este mensaje o la ayuda de las órdenes dadas";
    // The `help` command holds a copy of every command under it.
    let own = path.strip_prefix("help ").unwrap_or(path);
    if own == "help" {
        cmd = cmd.about(help_about);
    } else if let Some((short, long)) = help_es(own) {
        cmd = cmd.about(short).long_about(long);
    }
    cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("Órdenes")
        .subcommand_value_name("ORDEN")
        .mut_args(|arg| {
            let id = arg.get_id().as_str().to_owned();
            let heading = if arg.is_positional() {
                "Argumentos"
            } else {
                "Opciones"
            };
            let mut arg = arg.help_heading(heading);
            match id.as_str() {
                "help" => {
                    return arg
                        .help("Mostrar la ayuda (más con '--help')")
                        .long_help("Mostrar la ayuda (un resumen con '-h')");
                }
                "version" => return arg.help("Mostrar la versión"),
                "subcommand" => return arg.help("Mostrar la ayuda de las órdenes"),
                _ => {}
            }
            if let Some(names) = arg.get_value_names() {
                let names: Vec<clap::builder::Str> = names
                    .iter()
                    .map(|n| {
                        VALUE_NAMES_ES
                            .iter()
                            .find(|(en, _)| *en == n.as_str())
                            .map_or_else(|| n.clone(), |&(_, es)| es.into())
                    })
                    .collect();
                arg = arg.value_names(names);
            }
            let Some((short, long)) = help_es(&format!("{own}.{id}")) else {
                return arg;
            };
            // Defaults and possible values, said in Spanish.
            let mut extra = String::new();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            if !values.is_empty() {
                extra.push_str(&format!("\n[valores posibles: {}]", values.join(", ")));
            }
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && arg.get_num_args().is_none_or(|n| n.takes_values()) {
                extra.push_str(&format!("\n[predeterminado: {}]", defaults.join(", ")));
            }
            arg.help(short)
                .long_help(format!("{}{extra}", long.unwrap_or(short)))
                .hide_default_value(true)
                .hide_possible_values(true)
        });
    let usage = usage_es(&cmd);
    cmd = cmd.override_usage(usage);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |sub| spanish(sub, &sub_path));
    }
    cmd
}

/// A usage line in Spanish: clap writes `[OPTIONS]` itself.
fn usage_es(cmd: &clap::Command) -> String {
    let usage = cmd.clone().render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    usage.replace("[OPTIONS]", "[OPCIONES]")
}

/// A command-line error as clap found it, said in Spanish: what is wrong,
/// the usage, and where to read more. Help and version are not errors:
/// None, and clap prints them.
pub fn error_es(e: &clap::Error, cmd: &clap::Command) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = get(ContextKind::InvalidArg);
    let what = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::UnknownArgument => format!("argumento inesperado «{arg}»"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "orden desconocida «{}»",
                get(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue);
            let mut m = format!(
                "valor «{}» no válido para «{arg}»",
                get(ContextKind::InvalidValue)
            );
            if !valid.is_empty() {
                m.push_str(&format!("; valores posibles: {valid}"));
            }
            m
        }
        ErrorKind::MissingRequiredArgument => {
            format!("faltan argumentos obligatorios: {arg}")
        }
        ErrorKind::MissingSubcommand => "falta una orden".to_owned(),
        ErrorKind::ArgumentConflict => format!(
            "«{arg}» no se puede usar con «{}»",
            get(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("número de valores incorrecto para «{arg}»")
        }
        ErrorKind::ValueValidation => format!(
            "valor «{}» no válido para «{arg}»",
            get(ContextKind::InvalidValue)
        ),
        ErrorKind::NoEquals => format!("«{arg}» necesita un valor con «=»"),
        ErrorKind::InvalidUtf8 => "un argumento no es UTF-8 válido".to_owned(),
        _ => "argumentos no válidos".to_owned(),
    };
    // The usage of the command the error is in (clap's own words replaced).
    let usage = match e.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(u)) => {
            let u = u.to_string();
            u.strip_prefix("Usage: ")
                .unwrap_or(&u)
                .replace("[OPTIONS]", "[OPCIONES]")
        }
        // Else the usage of the command named on the line, if any.
        _ => {
            let named = std::env::args()
                .skip(1)
                .find_map(|a| cmd.find_subcommand(&a));
            usage_es(named.unwrap_or(cmd))
        }
    };
    Some(format!(
        "error: {what}\n\nUso: {usage}\n\nPara más información, pruebe «--help».\n"
    ))
}
