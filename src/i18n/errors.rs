//! The messages of errors: reading, saving, exporting and importing files,
//! and edits that are refused. Each error type maps its variants to these
//! (see [`super::Localized`]).

use crate::model::Language;

super::catalogue! {
    /// A message of an error.
    ErrMsg;
    // Where: prefixed to a message.
    AtLine => ("line {}, column {}", "línea {}, columna {}"),
    PathAt => ("{} (line {}, column {})", "{} (línea {}, columna {})"),
    Quoted => ("{}", "«{}»"),
    // Input and output, as the system reports them.
    IoNotFound => ("no such file or folder", "no existe ese archivo o carpeta"),
    IoPermission => ("permission denied", "permiso denegado"),
    IoExists => ("it already exists", "ya existe"),
    IoIsFolder => ("it is a folder", "es una carpeta"),
    IoNotFolder => ("a part of the path is not a folder", "una parte de la ruta no es una carpeta"),
    IoNoSpace => ("no space left on the device", "no queda espacio en el disco"),
    IoReadOnly => ("the file system is read-only", "el sistema de archivos es de solo lectura"),
    IoTooLarge => ("the file is too large", "el archivo es demasiado grande"),
    IoInvalidData => ("the data is not valid", "los datos no son válidos"),
    IoOther => ("{}", "error del sistema («{}»)"),
    // Reading a file.
    ReadIo => ("cannot read the file: {}", "no se puede leer el archivo: {}"),
    ReadTooLarge => ("the file is {} bytes; files over {} bytes are refused", "el archivo tiene {} bytes; no se aceptan archivos de más de {} bytes"),
    ReadNotAFile => ("this is not a regular file (it is a device, a pipe or a folder)", "esto no es un archivo normal (es un dispositivo, una tubería o una carpeta)"),
    ReadEmbeddedTooLarge => (
        "the Servuction document inside this {} is larger than {} bytes once inflated, more than a document may have; it was not opened",
        "el documento de Servuction dentro de este {} ocupa más de {} bytes una vez descomprimido, más de lo que puede tener un documento; no se abrió"
    ),
    ReadNotServuction => ("this is not a Servuction file: {}", "esto no es un archivo de Servuction: {}"),
    NotJsonObject => ("the file is not a JSON object", "el archivo no es un objeto JSON"),
    OtherFormat => ("its format is `{}`, not `{}`", "su formato es `{}`, no `{}`"),
    NoFormatField => ("it has no `format` field naming `servuction`", "no tiene un campo `format` que diga `servuction`"),
    ReadNewerVersion => (
        "this file was made by a newer Servuction (format version {}; this one reads up to {}); update Servuction to open it",
        "este archivo lo hizo un Servuction más reciente (versión de formato {}; este lee hasta la {}); actualice Servuction para abrirlo"
    ),
    ReadWouldNotSave => (
        "this document would take more than {} bytes once written, even without indentation (its numbers and default fields written out): Servuction could not save it, so it does not open it; split it, or shorten its texts, with another editor",
        "este documento ocuparía más de {} bytes al escribirlo, incluso sin sangría (con sus números y campos por defecto escritos): Servuction no podría guardarlo, así que no lo abre; divídalo, o acorte sus textos, con otro editor"
    ),
    MoreProblemsOne => ("{} (and 1 more problem)", "{} (y 1 problema más)"),
    MoreProblems => ("{} (and {} more problems)", "{} (y {} problemas más)"),
    FileInvalid => ("the file is invalid", "el archivo no es válido"),
    VersionNotWhole => ("the `version` must be a whole number from 1 up", "la `version` debe ser un número entero desde 1"),
    NotUtf8 => ("the file is not valid UTF-8 text", "el archivo no es texto UTF-8 válido"),
    Migrated => ("{} (in a file migrated from version {})", "{} (en un archivo migrado desde la versión {})"),
    // serde's and serde_json's messages.
    JsonInvalidType => ("invalid type: {}, expected {}", "tipo no válido: {}; se esperaba {}"),
    JsonInvalidValue => ("invalid value: {}, expected {}", "valor no válido: {}; se esperaba {}"),
    JsonInvalidLength => ("invalid length {}, expected {}", "longitud no válida ({}); se esperaba {}"),
    JsonUnknownVariant => ("unknown variant `{}`, {}", "`{}` no es un valor posible: {}"),
    JsonUnknownField => ("unknown field `{}`, {}", "el campo `{}` no existe: {}"),
    AllowedNoVariants => ("there are no variants", "no hay ninguno"),
    AllowedNoFields => ("there are no fields", "no hay ninguno"),
    AllowedOne => ("expected {}", "el único posible es {}"),
    AllowedTwo => ("expected {} or {}", "los posibles son {} y {}"),
    AllowedMany => ("expected one of {}", "los posibles son {}"),
    JsonMissingField => ("missing field `{}`", "falta el campo `{}`"),
    JsonDuplicateField => ("duplicate field `{}`", "el campo `{}` aparece dos veces"),
    JsonOther => ("{}", "el contenido no es válido («{}»)"),
    JsonEofList => ("EOF while parsing a list", "el archivo termina dentro de una lista"),
    JsonEofObject => ("EOF while parsing an object", "el archivo termina dentro de un objeto"),
    JsonEofString => ("EOF while parsing a string", "el archivo termina dentro de un texto"),
    JsonEofValue => ("EOF while parsing a value", "el archivo termina donde se esperaba un valor"),
    JsonExpectedColon => ("expected `:`", "se esperaba `:`"),
    JsonExpectedCommaOrBracket => ("expected `,` or `]`", "se esperaba `,` o `]`"),
    JsonExpectedCommaOrBrace => ("expected `,` or `}`", "se esperaba `,` o `}`"),
    JsonExpectedIdent => ("expected ident", "se esperaba `true`, `false` o `null`"),
    JsonExpectedValue => ("expected value", "se esperaba un valor"),
    JsonExpectedQuote => ("expected `\"`", "se esperaba `\"`"),
    JsonInvalidEscape => ("invalid escape", "secuencia de escape no válida"),
    JsonInvalidNumber => ("invalid number", "número no válido"),
    JsonNumberOutOfRange => (
        "the number is not finite (it is too large for a 64-bit float)",
        "el número no es finito (es demasiado grande para un número de coma flotante de 64 bits)"
    ),
    JsonInvalidUnicode => ("invalid unicode code point", "punto de código Unicode no válido"),
    JsonControlCharacter => ("control character (\\u0000-\\u001F) found while parsing a string", "carácter de control (\\u0000-\\u001F) dentro de un texto"),
    JsonKeyMustBeString => ("key must be a string", "la clave debe ser un texto"),
    JsonLoneSurrogate => ("lone leading surrogate in hex escape", "sustituto inicial aislado en un escape hexadecimal"),
    JsonTrailingComma => ("trailing comma", "coma sobrante al final"),
    JsonTrailingCharacters => ("trailing characters", "caracteres sobrantes tras el documento"),
    JsonEndOfHexEscape => ("unexpected end of hex escape", "escape hexadecimal incompleto"),
    JsonRecursionLimit => ("recursion limit exceeded", "anidamiento demasiado profundo (más de 128 niveles)"),
    FoundNull => ("null", "null"),
    FoundBoolean => ("boolean `{}`", "el valor lógico `{}`"),
    FoundInteger => ("integer `{}`", "el número entero `{}`"),
    FoundFloat => ("floating point `{}`", "el número `{}`"),
    FoundText => ("string \"{}\"", "el texto «{}»"),
    FoundSequence => ("sequence", "una lista"),
    FoundMap => ("map", "un objeto"),
    ExpectText => ("a string", "un texto"),
    ExpectBoolean => ("a boolean", "un valor lógico (true o false)"),
    ExpectUnsigned => ("a whole number from 0 up", "un número entero no negativo"),
    ExpectSigned => ("a whole number", "un número entero"),
    ExpectNumber => ("a number", "un número"),
    ExpectChar => ("a character", "un carácter"),
    ExpectSequence => ("a sequence", "una lista"),
    ExpectMap => ("a map", "un objeto"),
    ExpectStruct => ("struct {}", "un objeto ({})"),
    // A document's integrity.
    IntDuplicateId => ("the id `{}` is used by more than one element (first at {})", "el id `{}` lo usa más de un elemento (el primero en {})"),
    IntEmptyId => ("the id is empty", "el id está vacío"),
    IntDangling => ("{} `{}` refers to {} `{}`, which does not exist", "{} `{}` remite a un elemento que no existe: {} `{}`"),
    IntNotFinite => ("the number is not finite", "el número no es finito"),
    IntNegative => ("{} must not be negative (found {})", "{} no puede ser menor que cero (es {})"),
    IntFeeling => ("the feeling {} is outside -2..+2", "la emoción {} está fuera de -2..+2"),
    IntDuplicateLine => ("the line `{}` appears more than once", "la línea `{}` aparece más de una vez"),
    IntHiddenLine => ("the line `{}` belongs to the method and cannot be hidden", "la línea `{}` es parte del método y no se puede ocultar"),
    IntTooMany => ("{} {} is more than the {} a blueprint may hold", "{} {} son más de los {} que puede tener un plano"),
    IntSelfConnector => ("connector `{}` connects touchpoint `{}` to itself", "el conector `{}` une el punto de interacción `{}` consigo mismo"),
    IntNotePlacement => (
        "note `{}` must be either pinned to a cell (`lane` and `step`) or loose (`at`), {}",
        "la nota `{}` debe estar fijada a una celda (`lane` y `step`) o suelta (`at`), {}"
    ),
    IntRating => ("the rating {} is outside 1..10", "la puntuación {} está fuera de 1..10"),
    IntOffDiagram => ("{} is off the diagram (a loose note lies within 0..{})", "{} está fuera del diagrama (una nota suelta está dentro de 0..{})"),
    WordTouchpoint => ("touchpoint", "el punto de interacción"),
    WordLane => ("lane", "el carril"),
    WordStep => ("step", "el paso"),
    WordStage => ("stage", "la etapa"),
    WordNote => ("note", "la nota"),
    WordConnector => ("connector", "el conector"),
    WordStandard => ("standard", "el estándar"),
    WordLine => ("line", "la línea"),
    WordDuration => ("a duration", "una duración"),
    WordExpectedWait => ("an expected wait", "una espera prevista"),
    WordTarget => ("a target", "una meta"),
    WordTolerance => ("a tolerance", "una tolerancia"),
    WordRecoveryTime => ("a recovery time", "un tiempo de recuperación"),
    WordLanes => ("lanes", "carriles"),
    WordSteps => ("steps", "pasos"),
    WordTouchpoints => ("touchpoints", "puntos de interacción"),
    WordConnectors => ("connectors", "conectores"),
    WordStandards => ("standards", "estándares"),
    WordMeasuredValues => ("measured values", "valores medidos"),
    WordNotes => ("notes", "notas"),
    WordDisabledRules => ("disabled rules", "reglas desactivadas"),
    NoteNeither => ("but has neither", "pero no tiene ninguna de las dos cosas"),
    NoteBoth => ("not both", "no ambas cosas"),
    NoteLaneNoStep => ("but has a lane and no step", "pero tiene carril y no paso"),
    NoteStepNoLane => ("but has a step and no lane", "pero tiene paso y no carril"),
    // Writing a file.
    WriteInvalid => ("the document is not valid: {}", "el documento no es válido: {}"),
    WriteIo => ("cannot write {}: {}", "no se puede escribir {}: {}"),
    WriteTooLarge => (
        "the document would be {} bytes even without indentation, more than the {} bytes a blueprint file may have (Servuction could not open it again); nothing was written",
        "el documento ocuparía {} bytes incluso sin sangría, más de los {} bytes que puede tener un archivo de plano (Servuction no podría volver a abrirlo); no se escribió nada"
    ),
    // Documents inside exported pictures.
    PngUnreadable => ("this PNG cannot be read: {}", "no se puede leer este PNG («{}»)"),
    PngDamaged => ("the Servuction diagram in this PNG is damaged: {}", "el diagrama de Servuction de este PNG está dañado («{}»)"),
    PngNoDiagram => (
        "this PNG has no Servuction diagram in it; only PNGs exported by Servuction can be opened",
        "este PNG no contiene un diagrama de Servuction; solo se pueden abrir los PNG exportados por Servuction"
    ),
    PdfNoRepair => (
        "this PDF's cross-reference table is missing or damaged, and Servuction rebuilds one only in a PDF of up to {} bytes (this one has {}); the PDFs Servuction exports always have one: export the diagram again from its document",
        "la tabla de referencias cruzadas de este PDF falta o está dañada, y Servuction solo la reconstruye en un PDF de hasta {} bytes (este tiene {}); los PDF que exporta Servuction siempre la tienen: vuelva a exportar el diagrama desde su documento"
    ),
    PdfUnreadable => ("this PDF cannot be read: {}", "no se puede leer este PDF («{}»)"),
    PdfNoDiagram => (
        "this PDF has no Servuction diagram in it; only PDFs exported by Servuction can be opened",
        "este PDF no contiene un diagrama de Servuction; solo se pueden abrir los PDF exportados por Servuction"
    ),
    PdfStoredOddly => (
        "the Servuction diagram in this PDF is damaged or stored in a way Servuction does not read",
        "el diagrama de Servuction de este PDF está dañado o guardado de una forma que Servuction no lee"
    ),
    PdfNotUtf8 => ("the Servuction diagram in this PDF is damaged: it is not UTF-8 text", "el diagrama de Servuction de este PDF está dañado: no es texto UTF-8"),
    SvgNotSvg => (
        "this is XML but not SVG; Servuction opens its JSON documents and the PNG, SVG and PDF files it exports",
        "esto es XML pero no SVG; Servuction abre sus documentos JSON y los archivos PNG, SVG y PDF que exporta"
    ),
    SvgNoDiagram => (
        "this SVG has no Servuction diagram in it; only SVGs exported by Servuction can be opened",
        "este SVG no contiene un diagrama de Servuction; solo se pueden abrir los SVG exportados por Servuction"
    ),
    SvgUnreadable => ("this SVG cannot be read: {}", "no se puede leer este SVG: {}"),
    SvgDamaged => ("the Servuction diagram in this SVG is damaged: {}", "el diagrama de Servuction de este SVG está dañado: {}"),
    SvgMarkup => ("it holds markup where Servuction writes only text", "tiene marcas donde Servuction escribe solo texto"),
    SvgAmpersand => ("an `&` does not start a reference", "un `&` no empieza una referencia"),
    SvgUnknownReference => ("`&{};` is not a reference XML knows", "`&{};` no es una referencia que XML conozca"),
    SvgCommentOpen => ("a comment is not closed", "un comentario no está cerrado"),
    SvgCdataOpen => ("a CDATA section is not closed", "una sección CDATA no está cerrada"),
    SvgInstructionOpen => ("a processing instruction is not closed", "una instrucción de procesamiento no está cerrada"),
    SvgDoctypeOpen => ("a DOCTYPE is not closed", "un DOCTYPE no está cerrado"),
    SvgQuoteOpen => ("a quoted text is not closed", "un texto entre comillas no está cerrado"),
    SvgTagNoName => ("a tag has no name", "una etiqueta no tiene nombre"),
    SvgTagOpen => ("a tag is not closed", "una etiqueta no está cerrada"),
    SvgSlash => ("a `/` in a tag is not followed by `>`", "una `/` en una etiqueta no va seguida de `>`"),
    SvgTagCharacter => ("unexpected character in a tag", "carácter inesperado en una etiqueta"),
    SvgAttributeNoValue => ("an attribute has no `=` and value", "un atributo no tiene `=` ni valor"),
    SvgAttributeUnquoted => ("an attribute value is not quoted", "el valor de un atributo no está entre comillas"),
    SvgAttributeOpen => ("an attribute value is not closed", "el valor de un atributo no está cerrado"),
    SvgAttributeLess => ("unescaped `<` in an attribute value", "`<` sin escapar en el valor de un atributo"),
    SvgNamespaceReference => ("a namespace holds a bad reference", "un espacio de nombres tiene una referencia errónea"),
    SvgTooDeep => ("elements are nested deeper than 4,096 levels", "los elementos se anidan a más de 4.096 niveles"),
    SvgClosingOpen => ("a closing tag is not closed", "una etiqueta de cierre no está cerrada"),
    SvgClosingMismatch => ("a closing tag does not match the open element", "una etiqueta de cierre no corresponde al elemento abierto"),
    SvgRootOpen => ("the document element is not closed", "el elemento del documento no está cerrado"),
    // Migrating an older file.
    MigrateNoBlueprint => ("a version 1 file needs a `blueprint` object", "un archivo de la versión 1 necesita un objeto `blueprint`"),
    MigrateStepsNotList => ("`steps` must be a list", "`steps` debe ser una lista"),
    MigrateStagesNotList => ("`stages` must be a list", "`stages` debe ser una lista"),
    MigrateStepNotObject => ("a step must be an object", "un paso debe ser un objeto"),
    MigrateStepNoStage => ("the step names no stage", "el paso no nombra ninguna etapa"),
    MigrateNoSuchStage => ("step refers to stage `{}`, which does not exist", "el paso remite a la etapa `{}`, que no existe"),
    // Exports.
    ExportTooLarge => (
        "the file would be {} bytes, more than the {} bytes Servuction reads back; nothing was written ({})",
        "el archivo ocuparía {} bytes, más de los {} bytes que Servuction vuelve a leer; no se escribió nada ({})"
    ),
    AdvisePlainSvg => ("export with --svg-text plain (an SVG of {} bytes), or export PNG", "exporte con --svg-text plain (un SVG de {} bytes), o exporte PNG"),
    AdvisePngOrPlainSvg => ("export PNG, or SVG with --svg-text plain (a file of {} bytes)", "exporte PNG, o SVG con --svg-text plain (un archivo de {} bytes)"),
    AdvisePng => ("export PNG: its document is read back whatever the size of its picture", "exporte PNG: su documento se vuelve a leer sea cual sea el tamaño de la imagen"),
    ExportCancelled => ("cancelled", "cancelado"),
    ExportDraw => ("the diagram could not be drawn: {}", "no se pudo dibujar el diagrama («{}»)"),
    PngTooLarge => (
        "the image would be {} × {} pixels, over the limit of {} megapixels; export with --scale {} or less",
        "la imagen tendría {} × {} píxeles, más del límite de {} megapíxeles; exporte con --scale {} o menos"
    ),
    PngBadScale => ("the scale must be a positive number, not {}", "la escala debe ser un número positivo, no {}"),
    PngEncode => ("the PNG could not be encoded: {}", "no se pudo codificar el PNG («{}»)"),
    PdfWrite => ("the PDF could not be written: {}", "no se pudo escribir el PDF («{}»)"),
    PdfTooManySheets => (
        "the PDF could not be written: the diagram would take {} sheets at full size ({} across, {} down), more than {}; fit it on one sheet with --paper without --tile",
        "no se pudo escribir el PDF: a tamaño real el diagrama ocuparía {} hojas ({} de ancho, {} de alto), más de {}; ajústelo a una hoja con --paper sin --tile"
    ),
    // Importing measured values from CSV.
    CsvBadUtf8 => (
        "line {}: the file begins with a UTF-8 byte-order mark, but its text is not UTF-8 (byte {}); save it again as \"CSV UTF-8\"",
        "línea {}: el archivo empieza con una marca de orden de bytes UTF-8, pero su texto no es UTF-8 (byte {}); vuelva a guardarlo como «CSV UTF-8»"
    ),
    CsvBadUtf16 => (
        "the file begins with a {} byte-order mark, but its text is not {} (an odd number of bytes or a broken surrogate pair)",
        "el archivo empieza con una marca de orden de bytes {}, pero su texto no es {} (un número impar de bytes o un par sustituto roto)"
    ),
    CsvNulBytes => (
        "the file holds NUL bytes: it is UTF-16 without a byte-order mark, or not text; save it as \"CSV UTF-8\"",
        "el archivo contiene bytes NUL: es UTF-16 sin marca de orden de bytes, o no es texto; guárdelo como «CSV UTF-8»"
    ),
    CsvHeader => ("cannot read the CSV header ({}): {}", "no se puede leer la cabecera del CSV ({}): «{}»"),
    CsvNoDateValue => (
        "the CSV needs `date` and `value` columns; its header, read as {}, has {}",
        "el CSV necesita las columnas `date` y `value`; su cabecera, leída como {}, tiene {}"
    ),
    NoColumns => ("none", "ninguna"),
    CsvNoStandardColumn => ("the CSV needs a `standard_id` or a `statement` column", "el CSV necesita una columna `standard_id` o `statement`"),
    CsvTooManyValues => (
        "line {}: the blueprint would hold more than {} measured values, the most it may ({} now, and this file adds more than {}); nothing was added",
        "línea {}: el plano tendría más de {} valores medidos, el máximo que puede tener ({} ahora, y este archivo añade más de {}); no se añadió nada"
    ),
    CsvAt => ("line {}, column {}: {}", "línea {}, columna {}: {}"),
    CsvNothingAdded => ("{}; nothing was added", "{}; no se añadió nada"),
    CsvOneMoreRow => ("{} (and an error on 1 more row); nothing was added", "{} (y un error en 1 fila más); no se añadió nada"),
    CsvMoreRows => ("{} (and errors on {} more rows); nothing was added", "{} (y errores en {} filas más); no se añadió nada"),
    CsvTooManyFields => ("the row has {} fields but the header has {}", "la fila tiene {} campos pero la cabecera tiene {}"),
    CsvTooManyFieldsComma => (
        "the row has {} fields but the header has {}; is it a decimal comma? In a `,`-separated file a number like 91,5 must be quoted (\"91,5\")",
        "la fila tiene {} campos pero la cabecera tiene {}; ¿es una coma decimal? En un archivo separado por `,` un número como 91,5 debe ir entre comillas (\"91,5\")"
    ),
    CsvOtherGrouping => (
        "`{}` groups thousands with `{}`, but line {} grouped them with `{}`; a file writes its numbers one way",
        "`{}` agrupa los miles con `{}`, pero la línea {} los agrupó con `{}`; un archivo escribe sus números de una sola forma"
    ),
    CsvDecimalMark => (
        "`{}` groups thousands with `{}`, but in a {}-separated file `{}` marks decimals; write {}",
        "`{}` agrupa los miles con `{}`, pero en un archivo separado por {} `{}` marca los decimales; escriba {}"
    ),
    CsvAmbiguous => (
        "`{}` is ambiguous: its `{}` may group thousands ({}) or mark decimals ({}); write {} or {}",
        "`{}` es ambiguo: su `{}` puede agrupar miles ({}) o marcar decimales ({}); escriba {} o {}"
    ),
    CsvFormat => ("{}, fields separated by {}", "{}, campos separados por {}"),
    CsvFormatBom => ("{} with a byte-order mark, fields separated by {}", "{} con marca de orden de bytes, campos separados por {}"),
    CsvTab => ("tab", "tabulador"),
    SkipUnreadable => ("unreadable row: {}", "fila ilegible («{}»)"),
    SkipNotANumber => ("`{}` is not a number", "`{}` no es un número"),
    SkipNoId => ("no standard has the id `{}`", "ningún estándar tiene el id `{}`"),
    SkipNoStatement => ("no standard reads \"{}\"", "ningún estándar dice «{}»"),
    SkipManyStatements => ("{} standards read \"{}\"; give a standard_id", "{} estándares dicen «{}»; indique un standard_id"),
    DateNotIso => ("`{}` is not a date of the form YYYY-MM-DD", "`{}` no es una fecha de la forma AAAA-MM-DD"),
    DateNotIsoNorDayFirst => ("`{}` is not a date of the form YYYY-MM-DD or DD/MM/YYYY", "`{}` no es una fecha de la forma AAAA-MM-DD o DD/MM/AAAA"),
    DateNotADay => ("`{}` is not a day of the calendar", "`{}` no es un día del calendario"),
    // The recovery copy.
    RecoveryNoDataDir => ("no data folder is known for this user", "no se conoce ninguna carpeta de datos para este usuario"),
    RecoveryIo => ("cannot use the recovery folder {}: {}", "no se puede usar la carpeta de recuperación {}: {}"),
    RecoveryDamaged => ("the recovery copy is damaged: {}", "la copia de recuperación está dañada: {}"),
    RecoveryHeader => ("the recovery copy's header could not be written: {}", "no se pudo escribir la cabecera de la copia de recuperación («{}»)"),
    // Edits refused.
    EditMissing => ("no {} `{}`", "no existe {} `{}`"),
    // Improvement actions (format 7).
    WordAction => ("action", "la acción"),
    WordActions => ("actions", "acciones"),
    CsvNoWhatColumn => ("the CSV ({}) has no `what` column, which says what each action is; its columns: {}", "el CSV ({}) no tiene columna `what`, que dice qué es cada acción; sus columnas: {}"),
    CsvEmptyWhat => ("the action says nothing in `what`", "la acción no dice nada en `what`"),
    CsvBadStatus => ("`{}` is not a status: write open, in_progress, done or dropped", "`{}` no es un estado: escriba abierta, en curso, hecha o descartada"),
    CsvBadKind => ("`{}` is not something an action is attached to: write fail_point, standard or note", "`{}` no es algo a lo que se asocie una acción: escriba punto de fallo, estándar o nota del taller"),
    CsvNoSuchElement => ("no {} has the id `{}`", "no existe {} con el id `{}`"),
    CsvRepeatedId => ("the action `{}` is on line {} already", "la acción `{}` ya está en la línea {}"),
    // Resolving a merge's conflicts.
    ResolveNoConflict => ("there is no conflict {}; the document has {}", "no hay ningún conflicto {}; el documento tiene {}"),
    ResolveGone => ("the {} `{}` of this conflict is no longer in the document", "el elemento ({}) `{}` de este conflicto ya no está en el documento"),
    ResolveNeeded => (
        "the {} `{}` is still needed by other elements: keep it, or resolve their conflicts first",
        "el elemento ({}) `{}` aún lo necesitan otros elementos: consérvelo, o resuelva antes sus conflictos"
    ),
    ResolveInvalid => ("their value would make the document invalid: {}", "su valor haría el documento no válido: {}"),
    ResolveUnfit => ("their value of `{}` does not fit the field", "su valor de `{}` no cabe en el campo"),
    EditTooManyPhotos => ("a touchpoint shows at most {} photos", "un punto de interacción muestra como mucho {} fotos"),
    EditMissingPhoto => ("no photo `{}`", "no existe la foto `{}`"),
    // Photos of physical evidence (format 8).
    PhotoFileTooLarge => ("the file is {} MB; photos over {} MB are refused", "el archivo ocupa {} MB; no se aceptan fotos de más de {} MB"),
    PhotoUnsupportedKnown => ("this is a {} image; Servuction reads PNG, JPEG and WebP photos", "esta es una imagen {}; Servuction lee fotos PNG, JPEG y WebP"),
    PhotoUnsupported => ("this is not an image Servuction reads: photos must be PNG, JPEG or WebP", "esto no es una imagen que Servuction lea: las fotos deben ser PNG, JPEG o WebP"),
    PhotoTooManyPixels => (
        "the image is {} × {} pixels, more than Servuction reads (at most {} pixels a side and {} megapixels); it was not decoded",
        "la imagen tiene {} × {} píxeles, más de los que lee Servuction (como mucho {} píxeles de lado y {} megapíxeles); no se descodificó"
    ),
    PhotoCorrupt => (
        "the image is damaged, cut short or of a kind Servuction does not decode (\"{}\")",
        "la imagen está dañada, incompleta o es de un tipo que Servuction no descodifica («{}»)"
    ),
    PhotoEncode => ("the photo could not be stored (\"{}\")", "no se pudo guardar la foto («{}»)"),
    PhotoTooManyOnTouchpoint => (
        "touchpoint `{}` already shows {} photos, the most a touchpoint may; remove one first",
        "el punto de interacción `{}` ya muestra {} fotos, el máximo posible; quite una antes"
    ),
    PhotoTooManyInBlueprint => (
        "the blueprint already stores {} photos, the most a blueprint may; remove one first",
        "el plano ya guarda {} fotos, el máximo que puede tener; quite una antes"
    ),
    PhotoBlueprintFull => (
        "the blueprint's photos would take {} MB, more than the {} MB a blueprint may hold; remove a photo first",
        "las fotos del plano ocuparían {} MB, más de los {} MB que puede tener un plano; quite una foto antes"
    ),
    PhotoNoTouchpoint => ("there is no touchpoint `{}`", "no existe el punto de interacción `{}`"),
    PhotoReadFile => ("cannot read {}: {}", "no se puede leer {}: {}"),
    PhotoInFile => ("{}: {}", "{}: {}"),
    WordPhoto => ("photo", "la foto"),
    WordPhotos => ("photos", "fotos"),
    WordCaption => ("a caption", "un pie de foto"),
    WordAlt => ("a text alternative", "un texto alternativo"),
    IntTooManyOnTouchpoint => ("{} {} is more than the {} a touchpoint may show", "{} {} son más de los {} que puede mostrar un punto de interacción"),
    IntPhotoTooLarge => ("the photo takes {} bytes, more than the {} a stored photo may", "la foto ocupa {} bytes, más de los {} que puede ocupar una foto guardada"),
    IntPhotosTooLarge => ("the photos take {} bytes, more than the {} a blueprint may hold", "las fotos ocupan {} bytes, más de los {} que puede tener un plano"),
    IntTextTooLong => ("{} of {} characters is longer than the {} it may have", "{} de {} caracteres es más largo que los {} que puede tener"),
    IntPhotoSize => ("a photo of {} × {} pixels is outside 1 to {} pixels a side", "una foto de {} × {} píxeles está fuera de 1 a {} píxeles de lado"),
    IntPhotoNotItsFormat => ("the photo's data is not {} data", "los datos de la foto no son datos {}"),
    IntPhotoSizeDisagrees => (
        "the photo's data is {} × {} pixels, not the {} × {} its `width` and `height` say",
        "los datos de la foto miden {} × {} píxeles, no los {} × {} que dicen su `width` y su `height`"
    ),
    IntPhotoDamaged => ("the photo's data is damaged: {}", "los datos de la foto están dañados: {}"),
    PhotoHeaderCut => ("it ends before its size is given", "terminan antes de dar su tamaño"),
    PhotoHeaderNoSize => ("no frame gives its size before the image data", "ningún marco da su tamaño antes de los datos de la imagen"),
}

/// What the system said of a failed read or write, in a language: in
/// English the system's own words, in Spanish the kind of failure (the
/// system's words quoted when the kind says too little).
pub fn io_message(e: &std::io::Error, lang: Language) -> String {
    use std::io::ErrorKind as K;
    if lang == Language::En {
        return e.to_string();
    }
    let m = match e.kind() {
        K::NotFound => ErrMsg::IoNotFound,
        K::PermissionDenied => ErrMsg::IoPermission,
        K::AlreadyExists => ErrMsg::IoExists,
        K::IsADirectory => ErrMsg::IoIsFolder,
        K::NotADirectory => ErrMsg::IoNotFolder,
        K::StorageFull | K::QuotaExceeded => ErrMsg::IoNoSpace,
        K::ReadOnlyFilesystem => ErrMsg::IoReadOnly,
        K::FileTooLarge => ErrMsg::IoTooLarge,
        K::InvalidData => ErrMsg::IoInvalidData,
        _ => return ErrMsg::IoOther.fill(lang, &[e]),
    };
    m.text(lang).to_owned()
}
