//! Every export of a blueprint, as the command line and the editor make
//! them: the format from the file's extension, the document carried inside
//! the PNG, SVG and PDF so that they reopen, and the chars no font could
//! draw reported beside the bytes.

pub use super::export_error::{Advice, ExportError};
use super::{fonts::Missing, pdf, svg};
use crate::model::{Blueprint, Language};
use crate::scene::Theme;
use std::path::Path;

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
    Pdf,
    Csv,
    /// The improvement actions as CSV.
    ActionsCsv,
    Html,
}

impl Format {
    /// The format a file name asks for, by its extension.
    pub fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_string_lossy().to_lowercase();
        Some(match ext.as_str() {
            "svg" => Format::Svg,
            "png" => Format::Png,
            "pdf" => Format::Pdf,
            "csv" => Format::Csv,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }
}

/// How to export.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub theme: Theme,
    pub lang: Language,
    /// Pixels per diagram unit, for PNG.
    pub scale: f32,
    /// How an SVG carries its text.
    pub svg_text: svg::TextMode,
    /// How a PDF puts the diagram on paper.
    pub pdf: pdf::Layout,
}

impl Settings {
    pub fn new(theme: Theme, lang: Language) -> Self {
        Self {
            theme,
            lang,
            scale: 1.0,
            svg_text: svg::TextMode::default(),
            pdf: pdf::Layout::default(),
        }
    }
}

/// An export made.
pub struct Exported {
    pub bytes: Vec<u8>,
    /// Chars no font could draw: left blank in the picture.
    pub missing: Missing,
    /// Pages, for a PDF.
    pub pages: usize,
}

/// The bytes of `bp` exported as `format`. An SVG or PDF larger than the
/// reader takes back ([`crate::format::MAX_EXPORT_BYTES`]) is refused: what
/// is written reopens.
pub fn export(
    bp: &Blueprint,
    format: Format,
    settings: &Settings,
) -> Result<Exported, ExportError> {
    export_reporting(bp, format, settings, &|_| true)
}

/// [`export`], telling `progress` the fraction done (0 to 1) as each stage
/// ends: the editor's progress bar. When it answers false the export stops
/// there, with [`ExportError::Cancelled`].
pub fn export_reporting(
    bp: &Blueprint,
    format: Format,
    settings: &Settings,
    progress: &dyn Fn(f32) -> bool,
) -> Result<Exported, ExportError> {
    export_within(
        bp,
        format,
        settings,
        crate::format::MAX_EXPORT_BYTES,
        progress,
    )
}

/// [`export`], with an SVG or PDF over `limit` bytes refused. The advice
/// names only what would work: a plain-text SVG when it would be within
/// the limit (made to find out), and always PNG, whose document is read
/// back whatever the size of its picture.
fn export_within(
    bp: &Blueprint,
    format: Format,
    settings: &Settings,
    limit: u64,
    progress: &dyn Fn(f32) -> bool,
) -> Result<Exported, ExportError> {
    let out = export_unchecked(bp, format, settings, progress)?;
    if matches!(format, Format::Svg | Format::Pdf) && out.bytes.len() as u64 > limit {
        let plain_asked = format == Format::Svg && settings.svg_text == svg::TextMode::Plain;
        let plain_size = (!plain_asked)
            .then(|| {
                let plain = Settings {
                    svg_text: svg::TextMode::Plain,
                    ..*settings
                };
                export_unchecked(bp, Format::Svg, &plain, &|_| true).map(|p| p.bytes.len() as u64)
            })
            .and_then(Result::ok)
            .filter(|&size| size <= limit);
        let advice = match (plain_size, format) {
            (Some(size), Format::Svg) => Advice::PlainSvg(size),
            (Some(size), _) => Advice::PngOrPlainSvg(size),
            (None, _) => Advice::Png,
        };
        return Err(ExportError::TooLarge {
            size: out.bytes.len() as u64,
            limit,
            advice,
        });
    }
    Ok(out)
}

fn export_unchecked(
    bp: &Blueprint,
    format: Format,
    settings: &Settings,
    progress: &dyn Fn(f32) -> bool,
) -> Result<Exported, ExportError> {
    let done = |bytes: Vec<u8>| Exported {
        bytes,
        missing: Missing::default(),
        pages: 0,
    };
    let Settings { theme, lang, .. } = *settings;
    // The picture's title (SVG `<title>`, PDF metadata and footers): as much
    // as a line shows; the document inside keeps the whole title.
    let title = crate::shown::shown_line(&bp.title, crate::shown::LINE_CHARS);
    // The report defines each photo once, for the diagram and its figures.
    let scene = || super::export_scene(bp, &theme, lang);
    let plain_svg = || {
        let scene = scene();
        svg::to_svg_with(
            &scene,
            &title,
            &svg::SvgPhotos::new(&bp.photos, svg::Href::Elsewhere),
        )
    };
    let document = || crate::format::to_string(bp).map_err(ExportError::Document);
    match format {
        Format::Csv => Ok(done(crate::report::standards_csv(bp, lang).into_bytes())),
        Format::ActionsCsv => Ok(done(crate::report::actions_csv(bp, lang).into_bytes())),
        Format::Html => Ok(done(
            crate::report::html(bp, lang, &plain_svg()).into_bytes(),
        )),
        Format::Svg => {
            let doc = document()?;
            let scene = scene();
            let out = svg::export(&scene, &title, Some(&doc), settings.svg_text, &bp.photos)?;
            Ok(Exported {
                bytes: out.svg.into_bytes(),
                missing: out.missing,
                pages: 0,
            })
        }
        Format::Png => {
            let doc = document()?;
            if !progress(0.05) {
                return Err(ExportError::Cancelled);
            }
            let (bytes, missing) = super::export_png_reporting(
                bp,
                &theme,
                lang,
                settings.scale,
                Some(&doc),
                progress,
            )?;
            Ok(Exported {
                bytes,
                missing,
                pages: 0,
            })
        }
        Format::Pdf => pdf_export(bp, settings, progress, None),
    }
}

/// The PDF: the diagram, then what changed since another version (when
/// given) and the workshop, each on pages of their own.
fn pdf_export(
    bp: &Blueprint,
    settings: &Settings,
    progress: &dyn Fn(f32) -> bool,
    changes: Option<&pdf::Changed>,
) -> Result<Exported, ExportError> {
    let Settings { theme, lang, .. } = *settings;
    let title = crate::shown::shown_line(&bp.title, crate::shown::LINE_CHARS);
    let doc = crate::format::to_string(bp).map_err(ExportError::Document)?;
    if !progress(0.05) {
        return Err(ExportError::Cancelled);
    }
    let geometry = crate::layout::layout(bp, crate::layout::Options::default());
    let scene = crate::scene::scene(bp, &geometry, &theme, lang);
    let photos = svg::SvgPhotos::new(&bp.photos, svg::Href::Resolved);
    let svg = svg::to_svg_with(&scene, &title, &photos);
    let images = super::photo_images::PhotoImages::of(
        &scene,
        &bp.photos,
        super::photo_images::Purpose::Print,
    );
    drop(scene);
    if !progress(0.2) {
        return Err(ExportError::Cancelled);
    }
    let workshop = crate::report::workshop(bp, lang);
    let after = pdf::After {
        workshop: Some(&workshop),
        changes,
        images: Some(images),
    };
    let out = pdf::export_with(
        &svg,
        &title,
        Some(&doc),
        settings.pdf,
        lang,
        Some(&geometry),
        after,
    )?;
    Ok(Exported {
        bytes: out.bytes,
        missing: out.missing,
        pages: out.pages,
    })
}

/// `bp` exported as `format` with what changed since `old` (`export
/// --compare OLD`): the HTML report gets a section of it, the PDF pages
/// after the diagram; other formats export as [`export`] does.
pub fn export_compared(
    bp: &Blueprint,
    old: &Blueprint,
    format: Format,
    settings: &Settings,
) -> Result<Exported, ExportError> {
    match format {
        Format::Pdf => {
            let changed = pdf::Changed::of(old, bp, settings.lang);
            pdf_export(bp, settings, &|_| true, Some(&changed))
        }
        Format::Html => {
            let mut out = export(bp, format, settings)?;
            let page = String::from_utf8_lossy(&out.bytes).into_owned();
            let section = crate::report::changes_section(old, bp, settings.lang);
            out.bytes = crate::report::with_section(page, &section).into_bytes();
            Ok(out)
        }
        _ => export(bp, format, settings),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The advice on an export over the limit names `--svg-text plain`
    /// only when that export is within it, and then it is.
    #[test]
    fn an_export_over_the_limit_advises_only_what_works() {
        let bp = crate::testing::hotel();
        let settings = Settings::new(Theme::LIGHT, Language::En);
        let plain = Settings {
            svg_text: svg::TextMode::Plain,
            ..settings
        };
        let plain_size = export_unchecked(&bp, Format::Svg, &plain, &|_| true)
            .unwrap()
            .bytes
            .len() as u64;
        let outlines_size = export_unchecked(&bp, Format::Svg, &settings, &|_| true)
            .unwrap()
            .bytes
            .len() as u64;
        assert!(outlines_size > plain_size);

        // Plain fits: advised, and it works.
        let err = export_within(&bp, Format::Svg, &settings, plain_size, &|_| true)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("export with --svg-text plain"), "{err}");
        assert!(export_within(&bp, Format::Svg, &plain, plain_size, &|_| true).is_ok());

        // Plain does not fit either: not advised.
        for (format, settings) in [(Format::Svg, settings), (Format::Svg, plain)] {
            let err = export_within(&bp, format, &settings, plain_size - 1, &|_| true)
                .err()
                .unwrap()
                .to_string();
            assert!(!err.contains("--svg-text plain"), "{format:?}: {err}");
            assert!(err.contains("export PNG"), "{format:?}: {err}");
        }

        // A PDF over the limit: the plain SVG advised as it fits or not.
        let pdf_size = export_unchecked(&bp, Format::Pdf, &settings, &|_| true)
            .unwrap()
            .bytes
            .len() as u64;
        let err = export_within(&bp, Format::Pdf, &settings, pdf_size - 1, &|_| true)
            .err()
            .unwrap()
            .to_string();
        assert_eq!(
            err.contains("or SVG with --svg-text plain"),
            plain_size < pdf_size,
            "{err}"
        );
        assert!(err.contains("export PNG"), "{err}");
    }
}
