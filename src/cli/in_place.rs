//! A blueprint file that a command changes in place (`import-measurements`,
//! `import-actions`, `attach-photo`): read only when what will be written
//! is not an exported picture, and written back, the previous version kept
//! as NAME.bak, only if nobody changed it meanwhile.

use super::fail;
use servuction::format;
use servuction::i18n::{CliMsg, Localized};
use servuction::model::{Blueprint, Language};
use servuction::recovery::FileStamp;
use std::path::Path;
use std::process::ExitCode;

/// Reads `file`, to be changed and written to `target`. A PNG, SVG or PDF
/// target carries the document inside a picture: writing JSON over it
/// would lose the picture, so it is refused with `into_picture` before
/// anything is read. Gives the blueprint and the target's stamp as it was
/// before reading.
pub(super) fn read(
    file: &Path,
    target: &Path,
    early: Language,
    into_picture: CliMsg,
) -> Result<(Blueprint, Option<FileStamp>), ExitCode> {
    if format::is_export(target) {
        return Err(fail(into_picture.fill(early, &[&target.display()])));
    }
    let stamp = FileStamp::of(target);
    match format::read(file) {
        Ok(bp) => Ok((bp, stamp)),
        Err(e) => Err(fail(format!("{}: {}", file.display(), e.message(early)))),
    }
}

/// Writes `bp` to `target`, the previous version kept as NAME.bak, as the
/// editor does; refused with `changed` if the target changed since
/// `stamp`, and with `nothing` (filled with the reason) if it cannot be
/// written.
pub(super) fn write(
    target: &Path,
    stamp: &Option<FileStamp>,
    bp: &Blueprint,
    lang: Language,
    changed: CliMsg,
    nothing: CliMsg,
) -> Result<(), ExitCode> {
    if FileStamp::of(target) != *stamp {
        return Err(fail(changed.fill(lang, &[&target.display()])));
    }
    servuction::recovery::save_with_backup(target, bp)
        .map_err(|e| fail(nothing.fill(lang, &[&e.message(lang)])))
}
