//! File → Export…: one dialog for every export (PNG, SVG, PDF, the HTML
//! report, the standards CSV) with the options the command line has, a
//! preview of the PDF's pages, and the choice remembered for the document.
//!
//! The options are the command line's own type, [`Settings`]: what the
//! dialog sets, `servuction export` sets from its flags.

use super::EditorApp;
use super::dialogs::Dialog;
use super::files::{self, Purpose};
use crate::i18n::{self, Msg, Plural};
use crate::model::Language;
use crate::render::export::{Format, Settings};
use crate::render::pdf::{self, Layout, Paper};
use crate::render::svg::TextMode;
use crate::scene::Theme;
use std::path::PathBuf;

/// An export chosen: the format and its options, and where it went last.
#[derive(Clone, Copy, Debug)]
pub struct ExportChoice {
    pub format: Format,
    pub settings: Settings,
}

/// The dialog's state while it is open.
#[derive(Clone, Debug)]
pub struct ExportForm {
    pub format: Format,
    pub settings: Settings,
    pub path: String,
    /// The preview, made again only when the document or the PDF's
    /// options change: a frame costs what the dialog shows, not what the
    /// document holds.
    preview: Option<Preview>,
}

/// What the PDF preview shows, and what it was made for.
#[derive(Clone)]
struct Preview {
    /// The document's version, the language and the PDF's layout.
    key: ((u64, u64), Language, Layout),
    /// The diagram's size, in its units.
    size: (f32, f32),
    /// The diagram in small (a texture of its own: the canvas's overview
    /// keeps its own size).
    texture: egui::TextureHandle,
    /// Where each page of the diagram lies on it.
    sheets: Vec<[f32; 4]>,
    /// The pages of the workshop after the diagram.
    workshop: usize,
}

impl std::fmt::Debug for Preview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Preview")
            .field("key", &self.key)
            .field("sheets", &self.sheets.len())
            .field("workshop", &self.workshop)
            .finish_non_exhaustive()
    }
}

/// How the PDF puts the diagram on paper, as the dialog offers it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pages {
    Diagram,
    Fit,
    Tile,
}

const FORMATS: [Format; 6] = [
    Format::Png,
    Format::Svg,
    Format::Pdf,
    Format::Html,
    Format::Csv,
    Format::ActionsCsv,
];

fn format_name(f: Format) -> Msg {
    match f {
        Format::Png => Msg::ExportFormatPng,
        Format::Svg => Msg::ExportFormatSvg,
        Format::Pdf => Msg::ExportFormatPdf,
        Format::Html => Msg::ExportFormatHtml,
        Format::Csv => Msg::ExportFormatCsv,
        Format::ActionsCsv => Msg::ExportFormatActionsCsv,
    }
}

/// The purpose (and so the extension) of an export format.
pub fn purpose_of(f: Format) -> Purpose {
    match f {
        Format::Png => Purpose::ExportPng,
        Format::Svg => Purpose::ExportSvg,
        Format::Pdf => Purpose::ExportPdf,
        Format::Html => Purpose::ExportHtml,
        Format::Csv => Purpose::ExportCsv,
        Format::ActionsCsv => Purpose::ExportActionsCsv,
    }
}

/// `path` with the extension of `format` (a name without one gets it).
fn with_extension(path: &str, format: Format) -> String {
    let p = PathBuf::from(path);
    let known = p.extension().is_some_and(|e| {
        Format::of(&PathBuf::from(format!("x.{}", e.to_string_lossy()))).is_some()
    });
    let base = if known { p.with_extension("") } else { p };
    files::export_target(purpose_of(format), &base)
        .display()
        .to_string()
}

impl EditorApp {
    /// Opens File → Export… with the document's last choice, or the
    /// view's language and a light picture.
    pub(super) fn open_export_dialog(&mut self) {
        let view = self.view();
        let choice = self.doc.export_choice().unwrap_or(ExportChoice {
            format: Format::Pdf,
            settings: Settings::new(Theme::LIGHT, view.lang),
        });
        let current = self.doc.suggested_place();
        let name = match self.doc.path() {
            Some(_) => self.doc.name(self.prefs.lang),
            None => files::file_name_for(&self.doc.blueprint().title)
                .unwrap_or_else(|| self.doc.name(self.prefs.lang)),
        };
        let path = self.doc.export_path().map_or_else(
            || files::suggested_path(purpose_of(choice.format), current.as_deref(), &name),
            |p| p.display().to_string(),
        );
        self.dialog = Some(Dialog::Export(Box::new(ExportForm {
            format: choice.format,
            settings: choice.settings,
            path: with_extension(&path, choice.format),
            preview: None,
        })));
    }

    /// The PDF preview for the form's options, made again only when the
    /// document or those options changed since it was last made.
    fn preview(&mut self, ctx: &egui::Context, form: &mut ExportForm) -> Preview {
        let key = (self.doc.version(), form.settings.lang, form.settings.pdf);
        if let Some(p) = form.preview.as_ref().filter(|p| p.key == key) {
            return p.clone();
        }
        let view = self.view();
        let (bp, derived) = self.doc.view(view);
        let image = crate::render::egui::overview_image(&derived.scene, 240, 160);
        let texture = match form.preview.take() {
            Some(mut p) => {
                p.texture.set(image, egui::TextureOptions::LINEAR);
                p.texture
            }
            None => ctx.load_texture("export-preview", image, egui::TextureOptions::LINEAR),
        };
        let preview = Preview {
            key,
            size: (derived.layout.size.x, derived.layout.size.y),
            texture,
            sheets: pdf::sheets(&derived.layout, key.2),
            workshop: pdf::workshop_pages(bp, key.1, key.2),
        };
        form.preview = Some(preview.clone());
        preview
    }

    /// Shows the dialog; returns it while it stays open.
    pub(super) fn export_dialog(
        &mut self,
        ctx: &egui::Context,
        mut form: Box<ExportForm>,
    ) -> Option<Dialog> {
        let lang = self.prefs.lang;
        let t = |m: Msg| m.text(lang);
        let preview = (form.format == Format::Pdf).then(|| self.preview(ctx, &mut form));
        // The picture's size, for a PNG's pixels.
        let size = preview.as_ref().map_or_else(
            || {
                let (_, derived) = self.doc.view(self.view());
                (derived.layout.size.x, derived.layout.size.y)
            },
            |p| p.size,
        );
        let r = egui::Modal::new(egui::Id::unique("export-dialog")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(t(Msg::ExportTitle));
            egui::Grid::new("export-options")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    let before = form.format;
                    let l = ui.label(t(Msg::ExportFormat)).id;
                    egui::ComboBox::from_id_salt("export-format")
                        .selected_text(t(format_name(form.format)))
                        .show_ui(ui, |ui| {
                            for f in FORMATS {
                                ui.selectable_value(&mut form.format, f, t(format_name(f)));
                            }
                        })
                        .response
                        .labelled_by(l);
                    if form.format != before {
                        form.path = with_extension(&form.path, form.format);
                    }
                    ui.end_row();

                    let l = ui.label(t(Msg::ExportLanguage)).id;
                    ui.horizontal(|ui| {
                        for (code, l) in [("English", Language::En), ("Español", Language::Es)] {
                            ui.radio_value(&mut form.settings.lang, l, code);
                        }
                    })
                    .response
                    .labelled_by(l);
                    ui.end_row();

                    if matches!(form.format, Format::Png | Format::Svg | Format::Pdf) {
                        let l = ui.label(t(Msg::ExportColours)).id;
                        let mut dark = form.settings.theme == Theme::DARK;
                        ui.horizontal(|ui| {
                            ui.radio_value(&mut dark, false, t(Msg::ExportLight));
                            ui.radio_value(&mut dark, true, t(Msg::ExportDark));
                        })
                        .response
                        .labelled_by(l);
                        form.settings.theme = if dark { Theme::DARK } else { Theme::LIGHT };
                        ui.end_row();
                    }
                    match form.format {
                        Format::Png => png_options(ui, &mut form.settings, size, lang),
                        Format::Svg => {
                            let l = ui.label(t(Msg::ExportSvgText)).id;
                            ui.vertical(|ui| {
                                let m = &mut form.settings.svg_text;
                                ui.radio_value(m, TextMode::Outlines, t(Msg::ExportSvgOutlines));
                                ui.radio_value(m, TextMode::Plain, t(Msg::ExportSvgPlain));
                            })
                            .response
                            .labelled_by(l);
                            ui.end_row();
                        }
                        Format::Pdf => pdf_options(ui, &mut form.settings, lang),
                        Format::Html | Format::Csv | Format::ActionsCsv => {}
                    }

                    let l = ui.label(t(Msg::FieldPath)).id;
                    ui.add(egui::TextEdit::singleline(&mut form.path).desired_width(400.0))
                        .labelled_by(l);
                    ui.end_row();
                });
            if let Some(p) = &preview {
                pdf_preview(ui, p, lang);
            }
            ui.separator();
            ui.horizontal(|ui| {
                let export = ui.button(t(Msg::ExportButton)).clicked();
                (export, ui.button(t(Msg::Cancel)).clicked())
            })
            .inner
        });
        match r.inner {
            (true, _) if !form.path.trim().is_empty() => {
                self.doc.set_export_choice(ExportChoice {
                    format: form.format,
                    settings: form.settings,
                });
                let path = files::expand_path(form.path.trim());
                let purpose = purpose_of(form.format);
                let target = files::export_target(purpose, &path);
                self.doc.set_export_path(target.clone());
                if target.exists() {
                    Some(Dialog::Replace {
                        purpose,
                        path,
                        text: form.path.clone(),
                    })
                } else {
                    self.path_chosen(purpose, path);
                    None
                }
            }
            (_, true) => None,
            _ if r.should_close() => None,
            _ => Some(Dialog::Export(form)),
        }
    }
}

/// The PNG's scale and the picture it makes.
fn png_options(ui: &mut egui::Ui, settings: &mut Settings, size: (f32, f32), lang: Language) {
    let t = |m: Msg| m.text(lang);
    let l = ui.label(t(Msg::ExportScale)).id;
    ui.vertical(|ui| {
        ui.add(egui::Slider::new(&mut settings.scale, 0.5..=4.0).step_by(0.25))
            .labelled_by(l);
        let fits = crate::render::png::fitting_scale(size.0, size.1, settings.scale);
        let px = |v: f32| i18n::count((v * fits).ceil() as usize, lang);
        ui.label(Msg::ExportPixels.fill(lang, &[&px(size.0), &px(size.1)]));
        if fits < settings.scale {
            ui.label(Msg::ExportScaledDown.fill(
                lang,
                &[&i18n::percent(
                    f64::from(fits / settings.scale) * 100.0,
                    0,
                    lang,
                )],
            ));
        }
    });
    ui.end_row();
}

/// The PDF's pages: one the diagram's size, one sheet, or tiles; paper and
/// orientation.
fn pdf_options(ui: &mut egui::Ui, settings: &mut Settings, lang: Language) {
    let t = |m: Msg| m.text(lang);
    let (mut pages, mut paper, mut landscape) = match settings.pdf {
        Layout::Diagram => (Pages::Diagram, Paper::A4, true),
        Layout::Fit { paper, landscape } => (Pages::Fit, paper, landscape),
        Layout::Tile { paper, landscape } => (Pages::Tile, paper, landscape),
    };
    let l = ui.label(t(Msg::ExportPages)).id;
    ui.vertical(|ui| {
        ui.radio_value(&mut pages, Pages::Diagram, t(Msg::ExportPagesDiagram));
        ui.radio_value(&mut pages, Pages::Fit, t(Msg::ExportPagesFit));
        ui.radio_value(&mut pages, Pages::Tile, t(Msg::ExportPagesTile));
    })
    .response
    .labelled_by(l);
    ui.end_row();
    if pages != Pages::Diagram {
        let l = ui.label(t(Msg::ExportPaper)).id;
        ui.horizontal(|ui| {
            for (p, name) in [
                (Paper::A4, "A4"),
                (Paper::A3, "A3"),
                (Paper::Letter, t(Msg::ExportLetter)),
            ] {
                ui.radio_value(&mut paper, p, name);
            }
        })
        .response
        .labelled_by(l);
        ui.end_row();
        let l = ui.label(t(Msg::ExportOrientation)).id;
        // Tiles take whichever orientation needs fewer sheets, unless told.
        let free = if pages == Pages::Tile {
            Msg::ExportOrientationFewest
        } else {
            Msg::ExportPortrait
        };
        ui.horizontal(|ui| {
            ui.radio_value(&mut landscape, false, t(free));
            ui.radio_value(&mut landscape, true, t(Msg::ExportLandscape));
        })
        .response
        .labelled_by(l);
        ui.end_row();
    }
    settings.pdf = match pages {
        Pages::Diagram => Layout::Diagram,
        Pages::Fit => Layout::Fit { paper, landscape },
        Pages::Tile => Layout::Tile { paper, landscape },
    };
}

/// The diagram in small with the pages over it, and how many there are.
fn pdf_preview(ui: &mut egui::Ui, p: &Preview, lang: Language) {
    let (sheets, workshop, size, texture) = (&p.sheets, p.workshop, p.size, &p.texture);
    ui.label(Plural::Pages.count(lang, sheets.len() + workshop));
    if workshop > 0 {
        ui.label(Plural::WorkshopPages.count(lang, workshop));
    }
    let max = egui::vec2(520.0, 220.0);
    let k = (max.x / size.0.max(1.0)).min(max.y / size.1.max(1.0));
    let shown = egui::vec2(size.0 * k, size.1 * k);
    let (rect, _) = ui.allocate_exact_size(max, egui::Sense::hover());
    let origin = rect.min + (max - shown) / 2.0;
    let diagram = egui::Rect::from_min_size(origin, shown);
    let painter = ui.painter_at(rect);
    painter.image(
        texture.id(),
        diagram,
        egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
        egui::Color32::WHITE,
    );
    let stroke = egui::Stroke::new(1.5, egui::Color32::from_rgb(0x1f, 0x6f, 0xd0));
    for (i, s) in sheets.iter().enumerate() {
        let r = egui::Rect::from_min_size(
            origin + egui::vec2(s[0] * k, s[1] * k),
            egui::vec2(s[2] * k, s[3] * k),
        );
        painter.rect_stroke(r, 0.0, stroke, egui::StrokeKind::Inside);
        if sheets.len() > 1 {
            painter.text(
                r.min + egui::vec2(4.0, 3.0),
                egui::Align2::LEFT_TOP,
                i18n::count(i + 1, lang),
                egui::FontId::proportional(11.0),
                stroke.color,
            );
        }
    }
}
