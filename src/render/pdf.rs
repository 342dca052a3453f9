//! A scene as PDF: the export's SVG tree drawn by krilla (through
//! krilla-svg), so the PDF shows the same picture as the PNG, with the text
//! selectable and searchable and its fonts embedded as subsets. The blueprint
//! travels inside as an attached file, so that the PDF reopens.
//!
//! Paper: one page the size of the diagram (1 unit = 0.75 pt, as CSS pixels
//! are), or A4, A3 or Letter with the diagram fitted on one page or tiled
//! across pages at full size for a wall, with crop marks, an overlap and a
//! "row, column" label on each page.

use super::fonts;
use crate::i18n::Msg;
use crate::model::Language;
use krilla::geom::{PathBuilder, Rect, Size, Transform};
use krilla::page::PageSettings;
use krilla::paint::FillRule;
use krilla::{Data, Document};
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::usvg;

/// The name of the attached document, read back by [`crate::format`].
pub const ATTACHMENT: &str = "servuction-document.json";

/// Points per diagram unit: a unit is a CSS pixel, 1/96 in; a point 1/72 in.
const PT_PER_UNIT: f32 = 0.75;
/// The largest page side most PDF readers accept (200 in).
const MAX_PAGE_PT: f32 = 14_400.0;
/// Margin around the printed area of a sheet: 10 mm.
const MARGIN: f32 = 28.35;
/// The most sheets a tiled PDF may have.
const MAX_SHEETS: usize = 1_000;
/// What neighbouring tiles repeat, to glue them over: 6 mm.
const OVERLAP: f32 = 17.0;

/// A sheet of paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    A4,
    A3,
    Letter,
}

impl Paper {
    /// Width and height in points, portrait.
    fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::A3 => (841.89, 1190.55),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// How the diagram goes on paper.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// One page the size of the diagram.
    #[default]
    Diagram,
    /// The whole diagram on one sheet, scaled down to fit.
    Fit { paper: Paper, landscape: bool },
    /// The diagram at full size across as many sheets as it takes.
    Tile { paper: Paper, landscape: bool },
}

/// A PDF made.
pub struct PdfExport {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Chars no font could draw (left blank).
    pub missing: fonts::Missing,
}

/// Why a PDF could not be made.
#[derive(Debug)]
pub enum PdfError {
    /// The diagram could not be drawn: the library's words.
    Svg(String),
    /// The PDF could not be written: the library's words.
    Write(String),
    /// A tiled PDF of more sheets than [`MAX_SHEETS`].
    TooManySheets {
        total: usize,
        cols: usize,
        rows: usize,
        max: usize,
    },
}

/// The PDF of an export's SVG (plain text), with `document` attached.
pub fn export(
    svg: &str,
    title: &str,
    document: Option<&str>,
    layout: Layout,
    lang: Language,
) -> Result<PdfExport, PdfError> {
    let options = fonts::options(fonts::database(std::iter::once(svg)));
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| PdfError::Svg(e.to_string()))?;
    let missing = fonts::Missing::of_tree(&tree);
    let (dw, dh) = (tree.size().width(), tree.size().height());
    let mut doc = Document::new();
    doc.set_metadata(
        krilla::metadata::Metadata::new()
            .title(title.to_owned())
            .creator(format!("Servuction {}", env!("CARGO_PKG_VERSION")))
            .language(lang.code().to_owned()),
    );
    let pages = match layout {
        Layout::Diagram => {
            let scale = PT_PER_UNIT.min(MAX_PAGE_PT / dw.max(dh).max(1.0));
            let (pw, ph) = (dw * scale, dh * scale);
            let mut page = doc.start_page_with(settings(pw, ph)?);
            let mut s = page.surface();
            s.draw_svg(&tree, size(pw, ph)?, SvgSettings::default())
                .ok_or_else(|| PdfError::Svg("the diagram could not be drawn".into()))?;
            s.finish();
            page.finish();
            1
        }
        Layout::Fit { paper, landscape } => {
            let (pw, ph) = sheet(paper, landscape);
            let (cw, ch) = (pw - 2.0 * MARGIN, ph - 2.0 * MARGIN);
            let scale = PT_PER_UNIT.min(cw / dw.max(1.0)).min(ch / dh.max(1.0));
            let (w, h) = (dw * scale, dh * scale);
            let mut page = doc.start_page_with(settings(pw, ph)?);
            let mut s = page.surface();
            s.push_transform(&Transform::from_translate((pw - w) / 2.0, (ph - h) / 2.0));
            s.draw_svg(&tree, size(w, h)?, SvgSettings::default())
                .ok_or_else(|| PdfError::Svg("the diagram could not be drawn".into()))?;
            s.pop();
            s.finish();
            page.finish();
            1
        }
        Layout::Tile { paper, landscape } => tile(&mut doc, &tree, title, paper, landscape, lang)?,
    };
    if let Some(json) = document {
        doc.embed_file(krilla::embed::EmbeddedFile {
            path: ATTACHMENT.into(),
            mime_type: krilla::embed::MimeType::new("application/json"),
            description: Some("Servuction blueprint".into()),
            association_kind: krilla::embed::AssociationKind::Source,
            data: Data::from(json.as_bytes().to_vec()),
            modification_date: None,
            compress: Some(true),
            location: None,
        });
    }
    let bytes = doc
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))?;
    Ok(PdfExport {
        bytes,
        pages,
        missing,
    })
}

fn sheet(paper: Paper, landscape: bool) -> (f32, f32) {
    let (w, h) = paper.size();
    if landscape { (h, w) } else { (w, h) }
}

fn settings(w: f32, h: f32) -> Result<PageSettings, PdfError> {
    PageSettings::from_wh(w.max(1.0), h.max(1.0))
        .ok_or_else(|| PdfError::Write(format!("no page can be {w} × {h} pt")))
}

fn size(w: f32, h: f32) -> Result<Size, PdfError> {
    Size::from_wh(w.max(0.1), h.max(0.1))
        .ok_or_else(|| PdfError::Write(format!("no picture can be {w} × {h} pt")))
}

/// The number of sheets of `step` (plus the overlap) that cover `length`.
fn count(length: f32, step: f32) -> usize {
    (((length - OVERLAP) / step).ceil().max(1.0)) as usize
}

/// The diagram at full size across sheets, row by row.
fn tile(
    doc: &mut Document,
    tree: &usvg::Tree,
    title: &str,
    paper: Paper,
    landscape: bool,
    lang: Language,
) -> Result<usize, PdfError> {
    let (pw, ph) = sheet(paper, landscape);
    let (cw, ch) = (pw - 2.0 * MARGIN, ph - 2.0 * MARGIN);
    let (dw, dh) = (
        tree.size().width() * PT_PER_UNIT,
        tree.size().height() * PT_PER_UNIT,
    );
    let (step_x, step_y) = (cw - OVERLAP, ch - OVERLAP);
    let (cols, rows) = (count(dw, step_x), count(dh, step_y));
    let total = cols.saturating_mul(rows);
    if total > MAX_SHEETS {
        return Err(PdfError::TooManySheets {
            total,
            cols,
            rows,
            max: MAX_SHEETS,
        });
    }
    let mut diagram: Option<krilla::graphic::Graphic> = None;
    for row in 0..rows {
        for col in 0..cols {
            let mut page = doc.start_page_with(settings(pw, ph)?);
            let mut s = page.surface();
            // The diagram is written once and placed on every sheet.
            let graphic = match &diagram {
                Some(g) => g.clone(),
                None => {
                    let mut builder = s.stream_builder();
                    let mut inner = builder.surface();
                    inner
                        .draw_svg(tree, size(dw, dh)?, SvgSettings::default())
                        .ok_or_else(|| PdfError::Svg("the diagram could not be drawn".into()))?;
                    inner.finish();
                    let g = krilla::graphic::Graphic::new(builder.finish(), false);
                    diagram = Some(g.clone());
                    g
                }
            };
            let mut clip = PathBuilder::new();
            if let Some(r) = Rect::from_xywh(MARGIN, MARGIN, cw, ch) {
                clip.push_rect(r);
            }
            let clip = clip
                .finish()
                .ok_or_else(|| PdfError::Write("empty printed area".into()))?;
            s.push_clip_path(&clip, &FillRule::NonZero);
            s.push_transform(&Transform::from_translate(
                MARGIN - col as f32 * step_x,
                MARGIN - row as f32 * step_y,
            ));
            s.draw_graphic(graphic);
            s.pop();
            s.pop();
            let label = Msg::PdfTile.fill(
                lang,
                &[
                    &crate::i18n::count(row + 1, lang),
                    &crate::i18n::count(col + 1, lang),
                    &crate::i18n::count(row * cols + col + 1, lang),
                    &crate::i18n::count(total, lang),
                    &title,
                ],
            );
            let furniture = furniture(pw, ph, &label);
            let options = fonts::options(fonts::database(std::iter::once(label.as_str())));
            if let Ok(t) = usvg::Tree::from_str(&furniture, &options) {
                s.draw_svg(&t, size(pw, ph)?, SvgSettings::default());
            }
            s.finish();
            page.finish();
        }
    }
    Ok(total)
}

/// Crop marks at the corners of a sheet's printed area, and its label.
fn furniture(pw: f32, ph: f32, label: &str) -> String {
    use std::fmt::Write as _;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pw}\" height=\"{ph}\" viewBox=\"0 0 {pw} {ph}\"><g stroke=\"#555\" stroke-width=\"0.5\">"
    );
    let (l, t, r, b) = (MARGIN, MARGIN, pw - MARGIN, ph - MARGIN);
    let (gap, len) = (3.0, 12.0);
    for (x, y, dx, dy) in [
        (l, t, -1.0, -1.0),
        (r, t, 1.0, -1.0),
        (l, b, -1.0, 1.0),
        (r, b, 1.0, 1.0),
    ] {
        let _ = write!(
            s,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/><line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>",
            x + dx * gap,
            x + dx * (gap + len),
            y + dy * gap,
            y + dy * (gap + len),
        );
    }
    s.push_str("</g><text x=\"");
    let _ = write!(
        s,
        "{}\" y=\"{}\" font-size=\"8\" fill=\"#333\">",
        MARGIN,
        ph - MARGIN / 2.0 + 3.0
    );
    super::svg::push_escaped(&mut s, label);
    s.push_str("</text></svg>");
    s
}

/// Where each page of a PDF lies on a diagram of `dw` × `dh` units, in
/// those units (x, y, width, height), in page order: for a preview of the
/// pages before the export.
pub fn sheets(dw: f32, dh: f32, layout: Layout) -> Vec<[f32; 4]> {
    match layout {
        Layout::Diagram | Layout::Fit { .. } => vec![[0.0, 0.0, dw, dh]],
        Layout::Tile { paper, landscape } => {
            let (pw, ph) = sheet(paper, landscape);
            let (cw, ch) = (pw - 2.0 * MARGIN, ph - 2.0 * MARGIN);
            let (step_x, step_y) = (cw - OVERLAP, ch - OVERLAP);
            let (cols, rows) = (
                count(dw * PT_PER_UNIT, step_x),
                count(dh * PT_PER_UNIT, step_y),
            );
            if cols.saturating_mul(rows) > MAX_SHEETS {
                return Vec::new();
            }
            let u = |pt: f32| pt / PT_PER_UNIT;
            (0..rows)
                .flat_map(|r| (0..cols).map(move |c| (r, c)))
                .map(|(r, c)| [u(c as f32 * step_x), u(r as f32 * step_y), u(cw), u(ch)])
                .collect()
        }
    }
}
