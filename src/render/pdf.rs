//! A scene as PDF: the export's SVG tree drawn by krilla (through
//! krilla-svg), so the PDF shows the same picture as the PNG, with the text
//! selectable and searchable and its fonts embedded as subsets. The blueprint
//! travels inside as an attached file, so that the PDF reopens.
//!
//! Paper: one page the size of the diagram (1 unit = 0.75 pt, as CSS pixels
//! are), or A4, A3 or Letter with the diagram fitted on one page or tiled
//! across sheets made for print (see [`sheets`]): breaks between stages,
//! steps and lanes, the lane names on every sheet, crop marks, a "row,
//! column, page" label clear of them and a map of the sheets on the first.

use super::{fonts, sheets};
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
const MARGIN: f32 = sheets::MARGIN;
/// The most sheets a tiled PDF may have.
const MAX_SHEETS: usize = sheets::MAX_SHEETS;

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
    /// The diagram at full size (or a little less, to save sheets) across
    /// as many sheets as it takes; in landscape when `landscape`, else in
    /// whichever orientation needs fewer sheets.
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
    export_with(svg, title, document, layout, lang, None, After::default())
}

pub use super::pdf_workshop::Changed;

/// What the PDF adds after the diagram, each on pages of its own; and
/// the photos the diagram's SVG names.
#[derive(Clone, Default)]
pub struct After<'a> {
    /// The workshop's notes and votes, when there are any.
    pub workshop: Option<&'a crate::report::Workshop>,
    /// What changed since another version (`export --compare OLD`).
    pub changes: Option<&'a Changed>,
    /// The photos of the diagram ([`super::svg::Href::Resolved`]), prepared
    /// for print.
    pub images: Option<super::photo_images::PhotoImages>,
}

/// [`export`], with the geometry the SVG was drawn from: tiles then break
/// between stages, steps and lanes, never through a card, and repeat the
/// lane names (see [`sheets`]); and with what comes `after` on pages of
/// its own: what changed since another version, and the workshop when it
/// has notes or votes.
pub fn export_with(
    svg: &str,
    title: &str,
    document: Option<&str>,
    layout: Layout,
    lang: Language,
    geometry: Option<&crate::layout::Layout>,
    after: After<'_>,
) -> Result<PdfExport, PdfError> {
    let options = fonts::options(fonts::database(std::iter::once(svg)));
    let options = after.images.unwrap_or_default().resolving(options);
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
        Layout::Tile { paper, landscape } => {
            let cuts = geometry.map_or_else(|| sheets::Cuts::plain(dw, dh), sheets::Cuts::of);
            tile(&mut doc, &tree, &cuts, title, paper, landscape, lang)?
        }
    };
    // What changed, then the workshop, after the diagram, on the export's
    // paper.
    let paper = workshop_paper(layout);
    let changes = (after.changes).map_or(0, |c| {
        super::pdf_workshop::add_changes(&mut doc, c, lang, paper)
    });
    let workshop =
        (after.workshop).map_or(0, |w| super::pdf_workshop::add(&mut doc, w, lang, paper));
    let pages = pages + changes + workshop;
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

/// The diagram across sheets, as [`sheets::plan`] lays them out.
fn tile(
    doc: &mut Document,
    tree: &usvg::Tree,
    cuts: &sheets::Cuts,
    title: &str,
    paper: Paper,
    landscape: bool,
    lang: Language,
) -> Result<usize, PdfError> {
    let (dw, dh) = (tree.size().width(), tree.size().height());
    let Some(plan) = sheets::plan(cuts, paper.size(), landscape) else {
        let (pw, ph) = sheet(paper, landscape);
        let s = sheets::FULL_SIZE * sheets::MIN_ZOOM;
        let count = |len: f32, room: f32| (len * s / room.max(1.0)).ceil().max(1.0) as usize;
        let (cols, rows) = (
            count(dw, pw - 2.0 * MARGIN),
            count(dh, ph - 2.0 * MARGIN - sheets::FOOTER_H),
        );
        return Err(PdfError::TooManySheets {
            total: cols.saturating_mul(rows),
            cols,
            rows,
            max: MAX_SHEETS,
        });
    };
    let (pw, ph) = plan.paper;
    let total = plan.sheets.len();
    let mut diagram: Option<krilla::graphic::Graphic> = None;
    let k = plan.scale;
    for sh in &plan.sheets {
        let mut page = doc.start_page_with(settings(pw, ph)?);
        let mut s = page.surface();
        // The diagram is written once, one point a unit, and placed on
        // every sheet.
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
        let (part, header) = plan.placed(sh);
        let mut windows = vec![(part, sh.part)];
        if let (Some(at), Some(src)) = (header, sh.header) {
            windows.push((at, src));
        }
        for (at, src) in windows {
            let mut clip = PathBuilder::new();
            if let Some(r) = Rect::from_xywh(at.min.x, at.min.y, at.width(), at.height()) {
                clip.push_rect(r);
            }
            let Some(clip) = clip.finish() else {
                continue;
            };
            s.push_clip_path(&clip, &FillRule::NonZero);
            s.push_transform(&Transform::from_row(
                k,
                0.0,
                0.0,
                k,
                at.min.x - src.min.x * k,
                at.min.y - src.min.y * k,
            ));
            s.draw_graphic(graphic.clone());
            s.pop();
            s.pop();
        }
        let mut label = Msg::PdfTile.fill(
            lang,
            &[&(sh.row + 1), &(sh.col + 1), &sh.number, &total, &title],
        );
        if sh.furniture_only {
            label = format!("{} · {label}", Msg::PdfFurnitureSheet.text(lang));
        }
        if plan.zoom() < 0.999 {
            let zoom = crate::i18n::percent(f64::from(plan.zoom()) * 100.0, 0, lang);
            label = format!("{label} · {}", Msg::PdfTileZoom.fill(lang, &[&zoom]));
        }
        let furniture = furniture(&plan, sh, &label, lang);
        let options = fonts::options(fonts::database(std::iter::once(furniture.as_str())));
        if let Ok(t) = usvg::Tree::from_str(&furniture, &options) {
            s.draw_svg(&t, size(pw, ph)?, SvgSettings::default());
        }
        s.finish();
        page.finish();
    }
    Ok(total)
}

/// Crop marks at the corners of a sheet's printed area, its label in the
/// footer, and on the first sheet the map of the sheets.
fn furniture(plan: &sheets::Plan, sheet: &sheets::Sheet, label: &str, lang: Language) -> String {
    use std::fmt::Write as _;
    let (pw, ph) = plan.paper;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pw}\" height=\"{ph}\" viewBox=\"0 0 {pw} {ph}\"><g stroke=\"#555\" stroke-width=\"0.5\">"
    );
    for [x1, y1, x2, y2] in plan.crop_marks() {
        let _ = write!(s, "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\"/>");
    }
    if let (_, Some(h)) = plan.placed(sheet) {
        // Where the repeated lane names end: cut here to join the sheets.
        let _ = write!(
            s,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke-dasharray=\"2 2\"/>",
            h.min.y,
            h.max.y,
            x = h.max.x
        );
    }
    s.push_str("</g>");
    let b = plan.label_box(sheet);
    let text = crate::font::clip(label, sheets::LABEL_SIZE, false, b.width());
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"#333\">",
        b.min.x,
        b.max.y - 2.0,
        sheets::LABEL_SIZE
    );
    super::svg::push_escaped(&mut s, &text);
    s.push_str("</text>");
    if sheet.number == 1 && plan.sheets.len() > 1 {
        let map = plan.map_box();
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"7\" fill=\"#333\" text-anchor=\"end\">",
            map.min.x - sheets::LABEL_INSET,
            map.center().y + 2.5
        );
        super::svg::push_escaped(&mut s, Msg::PdfAssembly.text(lang));
        s.push_str("</text>");
        for (r, n) in plan.map_cells() {
            let fill = if n == sheet.number { "#d0d7de" } else { "none" };
            let _ = write!(
                s,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"#555\" stroke-width=\"0.5\"/>",
                r.min.x,
                r.min.y,
                r.width(),
                r.height()
            );
            let fs = (r.height() * 0.6).min(r.width() * 0.45).min(7.0);
            let _ = write!(
                s,
                "<text x=\"{}\" y=\"{}\" font-size=\"{fs}\" fill=\"#333\" text-anchor=\"middle\">{n}</text>",
                r.center().x,
                r.center().y + fs * 0.35
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// The paper of the pages of the workshop after the diagram.
fn workshop_paper(layout: Layout) -> (f32, f32) {
    match layout {
        Layout::Diagram => Paper::A4.size(),
        Layout::Fit { paper, landscape } | Layout::Tile { paper, landscape } => {
            sheet(paper, landscape)
        }
    }
}

/// How many pages the workshop (notes and votes) takes after the diagram.
pub fn workshop_pages(bp: &crate::model::Blueprint, lang: Language, layout: Layout) -> usize {
    let w = crate::report::workshop::workshop(bp, lang);
    if w.is_empty() {
        return 0;
    }
    super::pdf_workshop::pages(&w, lang, workshop_paper(layout)).len()
}

/// Where each page of a PDF lies on a diagram laid out as `geometry`, in
/// its units (x, y, width, height), in page order, as the export will
/// place them: for a preview of the pages before the export. Empty when a
/// tiling would take too many sheets.
pub fn sheets(geometry: &crate::layout::Layout, layout: Layout) -> Vec<[f32; 4]> {
    let (dw, dh) = (geometry.size.x, geometry.size.y);
    match layout {
        Layout::Diagram | Layout::Fit { .. } => vec![[0.0, 0.0, dw, dh]],
        Layout::Tile { paper, landscape } => {
            let cuts = sheets::Cuts::of(geometry);
            sheets::plan(&cuts, paper.size(), landscape).map_or_else(Vec::new, |plan| {
                plan.sheets
                    .iter()
                    .map(|s| {
                        let r = s.part;
                        [r.min.x, r.min.y, r.max.x - r.min.x, r.max.y - r.min.y]
                    })
                    .collect()
            })
        }
    }
}
