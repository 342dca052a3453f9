//! `servuction attach-photo`: a photo of physical evidence added to a
//! touchpoint, from an image file (PNG, JPEG or WebP), downscaled and
//! stored inside the blueprint, which is saved in place (atomically, the
//! previous version kept as NAME.bak). The work is the library's
//! (`servuction::photo`).

use super::{Lang, fail, terminal_safe, write_out};
use servuction::i18n::{CliMsg, Localized, count, decimal, system_language};
use std::path::PathBuf;
use std::process::ExitCode;

/// What `attach-photo` reads and changes.
#[derive(clap::Args)]
pub(super) struct AttachPhotoArgs {
    /// The blueprint to change; it is saved in place.
    file: PathBuf,
    /// The image file to add (PNG, JPEG or WebP).
    photo: PathBuf,
    /// The id of the touchpoint that shows the photo.
    #[arg(long, value_name = "ID")]
    touchpoint: String,
    /// Shown under the photo.
    #[arg(long, value_name = "TEXT", default_value = "")]
    caption: String,
    /// What the photo shows, for screen readers and the exports.
    #[arg(long, value_name = "TEXT", default_value = "")]
    alt: String,
    /// The language of the messages (default: the blueprint's).
    #[arg(short, long, value_enum)]
    lang: Option<Lang>,
}

impl AttachPhotoArgs {
    /// Adds the photo and saves the blueprint; on any error, says why and
    /// leaves the file as it was. Exits 0, or 2 on an error.
    pub(super) fn run(&self) -> ExitCode {
        let file = &self.file;
        let early = self.lang.map_or_else(system_language, Into::into);
        let (mut bp, stamp) =
            match super::in_place::read(file, file, early, CliMsg::PhotoIntoPicture) {
                Ok(read) => read,
                Err(code) => return code,
            };
        let lang = self.lang.map_or(bp.language, Into::into);
        let photo = match servuction::photo::prepare_file(&self.photo) {
            Ok(p) => p,
            Err(e) => return fail(CliMsg::NoPhotoAdded.fill(lang, &[&e.message(lang)])),
        };
        let (id, width, height, bytes) = (
            photo.id.clone(),
            photo.width,
            photo.height,
            photo.data.bytes().len(),
        );
        let attached =
            servuction::photo::attach(&mut bp, &self.touchpoint, photo, &self.caption, &self.alt);
        if let Err(e) = attached {
            let why = format!("{}: {}", file.display(), e.message(lang));
            return fail(CliMsg::NoPhotoAdded.fill(lang, &[&why]));
        }
        let (changed, nothing) = (CliMsg::PhotoChangedWhileReading, CliMsg::NoPhotoAdded);
        if let Err(code) = super::in_place::write(file, &stamp, &bp, lang, changed, nothing) {
            return code;
        }
        let title = (bp.touchpoints.iter())
            .find(|t| t.id.as_str() == self.touchpoint)
            .map_or("", |t| t.title.as_str());
        let size = decimal(bytes as f64 / 1000.0, 0, lang);
        out!(
            "{}",
            terminal_safe(&CliMsg::PhotoAdded.fill(
                lang,
                &[
                    &id,
                    &count(width as usize, lang),
                    &count(height as usize, lang),
                    &size,
                    &self.touchpoint,
                    &CliMsg::Quoted.fill(lang, &[&title]),
                ],
            ))
        );
        if self.alt.trim().is_empty() {
            out!("{}", CliMsg::PhotoNoAlt.text(lang));
        }
        ExitCode::SUCCESS
    }
}
