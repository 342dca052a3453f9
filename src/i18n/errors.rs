//! The messages of errors: reading, saving, exporting and importing files,
//! and edits that are refused. Each error type maps its variants to these
//! (see [`super::Localized`]).

super::catalogue! {
    /// A message of an error.
    ErrMsg;
    // Where: prefixed to a message.
    AtLine => ("line {}, column {}", "línea {}, columna {}"),
}
