//! Photos of physical evidence in the editor: the pictures the canvas, the
//! inspector and the presentation paint, decoded and downscaled off the UI
//! thread and uploaded once as textures, kept while the photo is in the
//! document; and adding a photo to a card (a dropped file, a pasted image,
//! a file chosen in the inspector), prepared on a worker while the document
//! stays editable, attached as one undo step when ready.

use super::EditorApp;
use super::background::Done;
use super::jobs::{End, Progress};
use crate::edit::Edit;
use crate::i18n::{Localized, Msg};
use crate::model::{Blueprint, Photo, PhotoId, TouchpointId};
use crate::photo::PhotoError;
use foldhash::{HashMap, HashSet};
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// How large a picture is decoded: a card's thumbnail, or the inspector's
/// and the presentation's view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Size {
    Thumb,
    Large,
}

impl Size {
    /// The long edge of the decoded picture, in pixels.
    pub fn long_edge(self) -> u32 {
        match self {
            // A card's 48-unit thumbnail, zoomed in on a projector.
            Size::Thumb => 256,
            Size::Large => 1024,
        }
    }
}

/// How many large pictures are kept (the inspector's card, a stop).
const LARGE_KEPT: usize = 24;
/// How many decoded pictures are uploaded in one frame.
const UPLOADS_PER_FRAME: usize = 8;

enum Entry {
    Decoding,
    Ready {
        texture: egui::TextureHandle,
        size: egui::Vec2,
        /// The frame it was last asked for (large pictures go first).
        used: std::cell::Cell<u64>,
    },
    Failed,
}

struct Decoded {
    id: PhotoId,
    size: Size,
    image: Option<egui::ColorImage>,
}

/// The photos' textures, by photo and size.
pub struct Pictures {
    entries: HashMap<(PhotoId, Size), Entry>,
    /// Asked for while painting and not there: decoded from the next frame.
    wanted: RefCell<Vec<(PhotoId, Size)>>,
    frame: u64,
    /// The document's version last seen, to let go of photos it dropped.
    version: Option<(u64, u64)>,
    tx: Sender<Decoded>,
    rx: Receiver<Decoded>,
}

impl Default for Pictures {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            entries: HashMap::default(),
            wanted: RefCell::default(),
            frame: 0,
            version: None,
            tx,
            rx,
        }
    }
}

impl Pictures {
    /// The texture of a photo at a size, and its size in pixels; asks for
    /// it when it is not there (a placeholder is painted meanwhile).
    pub fn get(&self, id: &PhotoId, size: Size) -> Option<(egui::TextureId, egui::Vec2)> {
        match self.entries.get(&(id.clone(), size)) {
            Some(Entry::Ready {
                texture,
                size,
                used,
            }) => {
                used.set(self.frame);
                Some((texture.id(), *size))
            }
            Some(_) => None,
            None => {
                self.wanted.borrow_mut().push((id.clone(), size));
                None
            }
        }
    }

    /// Whether a photo's picture could not be decoded.
    pub fn failed(&self, id: &PhotoId, size: Size) -> bool {
        matches!(self.entries.get(&(id.clone(), size)), Some(Entry::Failed))
    }

    /// How many textures are uploaded (tests).
    pub fn uploaded(&self) -> usize {
        let ready = |e: &&Entry| matches!(e, Entry::Ready { .. });
        self.entries.values().filter(ready).count()
    }

    /// Once a frame: lets go of the photos the document no longer holds,
    /// starts decoding what was asked for, and uploads a few of the
    /// pictures decoded since.
    pub fn frame(&mut self, ctx: &egui::Context, bp: &Blueprint, version: (u64, u64)) {
        self.frame += 1;
        if self.version != Some(version) {
            self.version = Some(version);
            let held: HashSet<&PhotoId> = bp.photos.iter().map(|p| &p.id).collect();
            self.entries.retain(|(id, _), _| held.contains(id));
        }
        let wanted = std::mem::take(&mut *self.wanted.borrow_mut());
        for (id, size) in wanted {
            if self.entries.contains_key(&(id.clone(), size)) {
                continue;
            }
            let Some(photo) = bp.photos.iter().find(|p| p.id == id) else {
                continue;
            };
            self.entries.insert((id, size), Entry::Decoding);
            decode_later(photo.clone(), size, self.tx.clone(), ctx.clone());
        }
        for done in self
            .rx
            .try_iter()
            .take(UPLOADS_PER_FRAME)
            .collect::<Vec<_>>()
        {
            self.upload(ctx, done);
        }
        self.let_go_of_large();
    }

    fn upload(&mut self, ctx: &egui::Context, done: Decoded) {
        let key = (done.id, done.size);
        // A photo that left the document while it was decoded.
        if !self.entries.contains_key(&key) {
            return;
        }
        let entry = match done.image {
            Some(image) => {
                let size = egui::vec2(image.size[0] as f32, image.size[1] as f32);
                let name = format!("photo-{}-{:?}", key.0, key.1);
                let texture = ctx.load_texture(name, image, egui::TextureOptions::LINEAR);
                ctx.request_repaint();
                Entry::Ready {
                    texture,
                    size,
                    used: self.frame.into(),
                }
            }
            None => Entry::Failed,
        };
        self.entries.insert(key, entry);
    }

    /// Keeps the large pictures used last, up to [`LARGE_KEPT`].
    fn let_go_of_large(&mut self) {
        let mut large: Vec<(u64, PhotoId)> = self
            .entries
            .iter()
            .filter_map(|((id, size), e)| match e {
                Entry::Ready { used, .. } if *size == Size::Large => Some((used.get(), id.clone())),
                _ => None,
            })
            .collect();
        if large.len() <= LARGE_KEPT {
            return;
        }
        large.sort_unstable_by_key(|(used, _)| std::cmp::Reverse(*used));
        for (_, id) in large.into_iter().skip(LARGE_KEPT) {
            self.entries.remove(&(id, Size::Large));
        }
    }

    /// Whether pictures are being decoded or wait to be uploaded.
    pub fn decoding(&self) -> bool {
        self.entries.values().any(|e| matches!(e, Entry::Decoding))
    }
}

/// Decodes a photo at a size on a pool thread and sends it back.
fn decode_later(photo: Photo, size: Size, tx: Sender<Decoded>, ctx: egui::Context) {
    rayon::spawn(move || {
        let image = downscaled(&photo, size.long_edge()).ok();
        let _ = tx.send(Decoded {
            id: photo.id,
            size,
            image,
        });
        ctx.request_repaint();
    });
}

/// A photo's pixels, downscaled to a long edge of at most `long_edge`.
pub fn downscaled(photo: &Photo, long_edge: u32) -> Result<egui::ColorImage, PhotoError> {
    let rgba = crate::photo::decode(photo)?;
    let (w, h) = rgba.dimensions();
    let rgba = if w.max(h) > long_edge {
        let scale = long_edge as f32 / w.max(h) as f32;
        let (nw, nh) = (
            ((w as f32 * scale).round() as u32).max(1),
            ((h as f32 * scale).round() as u32).max(1),
        );
        image::imageops::resize(&rgba, nw, nh, image::imageops::FilterType::Triangle)
    } else {
        rgba
    };
    let size = [rgba.width() as usize, rgba.height() as usize];
    Ok(egui::ColorImage::from_rgba_unmultiplied(
        size,
        rgba.as_raw(),
    ))
}

/// A photo as large as the panel is wide (and at most `max_h` tall),
/// labelled with its text alternative (or, without one, its `number`); a
/// placeholder while it is decoded.
pub(super) fn picture(
    ui: &mut egui::Ui,
    photo: Option<&Photo>,
    alt: &str,
    number: &str,
    pictures: &Pictures,
    lang: crate::model::Language,
    max_h: f32,
) {
    let (w, h) = photo.map_or((4.0, 3.0), |p| (p.width as f32, p.height as f32));
    let width = ui.available_width().max(40.0);
    let scale = (width / w.max(1.0)).min(max_h / h.max(1.0));
    let size = egui::vec2(w * scale, h * scale);
    let label = if alt.trim().is_empty() {
        Msg::PhotoNoAlt.fill(lang, &[&number])
    } else {
        crate::shown::shown_line(alt, crate::shown::LINE_CHARS).into_owned()
    };
    let (rect, resp) = ui.allocate_exact_size(size, egui::Sense::hover());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    let texture = photo.and_then(|p| pictures.get(&p.id, Size::Large));
    match texture {
        Some((tex, _)) => {
            let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
            ui.painter().image(tex, rect, uv, egui::Color32::WHITE);
        }
        None => {
            let failed = photo.is_none_or(|p| pictures.failed(&p.id, Size::Large));
            let text = if failed {
                Msg::PhotoUnreadable
            } else {
                Msg::PhotoLoading
            };
            let visuals = ui.visuals();
            ui.painter().rect_filled(rect, 4.0, visuals.faint_bg_color);
            ui.painter().text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                text.text(lang),
                egui::FontId::proportional(13.0),
                visuals.weak_text_color(),
            );
        }
    }
    if !alt.is_empty() {
        resp.on_hover_text(crate::shown::shown_line(alt, crate::shown::BLOCK_CHARS));
    }
}

/// Where a photo to add comes from.
#[derive(Clone, Debug)]
pub enum Source {
    /// A file on disk (dropped, or chosen).
    File(PathBuf),
    /// A file dropped without a path to read it at (read through the
    /// window system, on the worker).
    Dropped(egui::DroppedFileHandle),
    /// An image pasted from the clipboard.
    Pasted(Arc<egui::ColorImage>),
}

impl Source {
    /// What the status bar calls it.
    fn name(&self, lang: crate::model::Language) -> String {
        match self {
            Source::File(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Source::Dropped(f) => f.path().display().to_string(),
            Source::Pasted(_) => Msg::PastedImage.text(lang).to_owned(),
        }
    }

    /// The file's bytes, read within the limit (an image pasted is
    /// written as a PNG first).
    fn bytes(self) -> Result<Arc<[u8]>, AddError> {
        match self {
            Source::File(path) => {
                let len = std::fs::metadata(&path).map_err(AddError::Read)?.len();
                if len > crate::photo::MAX_FILE_BYTES {
                    return Err(AddError::Photo(PhotoError::TooLarge {
                        bytes: len,
                        limit: crate::photo::MAX_FILE_BYTES,
                    }));
                }
                std::fs::read(&path).map(Into::into).map_err(AddError::Read)
            }
            Source::Dropped(f) => f
                .bytes()
                .map(Into::into)
                .map_err(|e| AddError::Read(std::io::Error::other(e))),
            Source::Pasted(image) => {
                let [w, h] = image.size;
                let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
                let mut out = Vec::new();
                image::RgbaImage::from_raw(w as u32, h as u32, rgba)
                    .ok_or(AddError::Photo(PhotoError::Unsupported { format: None }))?
                    .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
                    .map_err(|e| AddError::Photo(PhotoError::Encode(e.to_string())))?;
                Ok(out.into())
            }
        }
    }
}

/// Why a photo was not added.
#[derive(Debug)]
pub enum AddError {
    /// The file could not be read.
    Read(std::io::Error),
    /// The file is not a photo we read, or breaks a limit.
    Photo(PhotoError),
}

impl Localized for AddError {
    fn message(&self, lang: crate::model::Language) -> String {
        match self {
            AddError::Read(e) => crate::i18n::io_message(e, lang),
            AddError::Photo(e) => e.message(lang),
        }
    }
}

impl EditorApp {
    /// Prepares a photo for a card in the background: read, decoded,
    /// downscaled and re-encoded on a worker; attached when ready.
    pub(super) fn start_add_photo(&mut self, touchpoint: TouchpointId, source: Source) {
        let lang = self.prefs.lang;
        let name = source.name(lang);
        let label = Msg::PreparingPhoto.fill(lang, &[&name]);
        self.jobs.start(label, false, move |p: &Progress| {
            let result = source.bytes().and_then(|bytes| {
                p.set(0.2);
                crate::photo::prepare(&bytes).map_err(AddError::Photo)
            });
            End::Done(Done::PhotoPrepared {
                touchpoint,
                name,
                result,
            })
        });
    }

    /// Attaches a prepared photo to its card, as one undo step; says why
    /// not when it was not.
    pub(super) fn take_in_photo(
        &mut self,
        touchpoint: TouchpointId,
        name: &str,
        result: Result<Photo, AddError>,
    ) {
        let lang = self.prefs.lang;
        let outcome = result.map_err(|e| e.message(lang)).and_then(|photo| {
            if self.doc.blueprint().touchpoint(&touchpoint).is_none() {
                return Err(Msg::PhotoCardGone.text(lang).to_owned());
            }
            // Room on the card and in the blueprint (how many photos, how
            // many bytes), said as the command line says it.
            crate::photo::room_for(self.doc.blueprint(), touchpoint.as_str(), &photo)
                .map_err(|e| e.message(lang))?;
            let edit = Edit::AddPhoto { touchpoint, photo };
            self.doc
                .apply(vec![edit], super::document::Step::New)
                .map_err(|e| e.message(lang))
        });
        match outcome {
            Ok(()) => self.notify(Msg::PhotoAdded.fill(lang, &[&name]), false),
            Err(why) => self.notify(Msg::PhotoNotAdded.fill(lang, &[&name, &why]), true),
        }
    }
}

/// Whether a dropped file looks like a photo (by its name, or its type
/// where there is no name): dropped on a card it is added there; other
/// files open as documents.
pub fn looks_like_photo(file: &egui::DroppedFileHandle) -> bool {
    file.path()
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| matches!(e.as_str(), "png" | "jpg" | "jpeg" | "webp"))
}

impl EditorApp {
    /// The canvas' scene, if it is up to date with the document (tests).
    pub fn scene(&self) -> Option<&crate::scene::Scene> {
        self.doc.derived_if_fresh(self.view()).map(|d| &d.scene)
    }

    /// Adds the photo in a file to a card, in the background (benchmarks;
    /// users drop, paste or choose one).
    pub fn add_photo_file(&mut self, touchpoint: TouchpointId, path: PathBuf) {
        self.start_add_photo(touchpoint, Source::File(path));
    }

    /// How many photo pictures are uploaded as textures, and whether more
    /// are being decoded (tests).
    pub fn pictures(&self) -> (usize, bool) {
        (self.pictures.uploaded(), self.pictures.decoding())
    }

    /// Images pasted onto the selected card, and photo files dropped on a
    /// card. True if the dropped files were taken as photos (else they
    /// open as documents).
    pub(super) fn photo_input(
        &mut self,
        ctx: &egui::Context,
        actions: &mut Vec<super::Action>,
    ) -> bool {
        let pasted = ctx.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::PasteImage(image) => Some(Arc::clone(image)),
                _ => None,
            })
        });
        if let Some(image) = pasted
            && self.dialog.is_none()
        {
            match self.selection.as_slice() {
                [one] => actions.push(super::Action::AddPhoto {
                    touchpoint: one.clone(),
                    source: Source::Pasted(image),
                }),
                _ => {
                    let text = Msg::PhotoPasteSelect.text(self.prefs.lang).to_owned();
                    self.notify(text, true);
                }
            }
        }
        let files = ctx.input(|i| i.raw.dropped_files.clone());
        if !files.iter().any(looks_like_photo) {
            return false;
        }
        let Some(card) = self.card_under_pointer(ctx) else {
            return false;
        };
        for f in files.into_iter().filter(looks_like_photo) {
            // A file on disk is read within the limit; others whole.
            let source = if f.path().is_absolute() {
                Source::File(f.path().to_owned())
            } else {
                Source::Dropped(f)
            };
            actions.push(super::Action::AddPhoto {
                touchpoint: card.clone(),
                source,
            });
        }
        true
    }

    /// The card under the pointer on the canvas, as drawn last frame.
    pub(super) fn card_under_pointer(&self, ctx: &egui::Context) -> Option<TouchpointId> {
        let p = ctx.input(|i| i.pointer.latest_pos())?;
        let screen = self.canvas.screen?;
        if !screen.rect.contains(p) {
            return None;
        }
        let derived = self.doc.derived_if_fresh(self.view())?;
        let card = derived.layout.card_at(screen.t.inverse(p))?;
        Some(card.id.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> EditorApp {
        EditorApp::new(crate::testing::hotel(), None)
    }

    #[test]
    fn a_photo_for_a_card_deleted_meanwhile_is_not_added_and_says_so() {
        let mut app = app();
        let before = app.doc.blueprint().clone();
        let photo = crate::edit::test_photo(b"lobby");
        let gone = TouchpointId::from("tp-deleted-meanwhile");
        app.take_in_photo(gone, "lobby.jpg", Ok(photo.clone()));
        assert_eq!(*app.doc.blueprint(), before);
        let notice = app.notice.as_ref().unwrap();
        assert!(notice.error);
        assert!(notice.text.contains("deleted meanwhile"), "{}", notice.text);
        // In Spanish, in Spanish.
        app.prefs.lang = crate::model::Language::Es;
        let tp = before.touchpoints[0].id.clone();
        app.take_in_photo(
            tp.clone(),
            "roto.png",
            Err(AddError::Read(std::io::Error::from(
                std::io::ErrorKind::NotFound,
            ))),
        );
        let text = &app.notice.as_ref().unwrap().text;
        assert!(text.starts_with("No se añadió la foto roto.png"), "{text}");
        // A photo ready for a card that is there: attached, one undo step.
        app.take_in_photo(tp.clone(), "lobby.jpg", Ok(photo.clone()));
        assert_eq!(app.doc.blueprint().photos, vec![photo]);
        assert!(!app.notice.as_ref().unwrap().error);
        assert!(app.doc.undo());
        assert_eq!(*app.doc.blueprint(), before);
    }

    #[test]
    fn pictures_are_decoded_off_the_frame_and_let_go_with_their_photo() {
        let mut bytes = Vec::new();
        let img = image::RgbImage::from_fn(900, 300, |x, _| image::Rgb([(x % 256) as u8, 80, 160]));
        image::DynamicImage::ImageRgb8(img)
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .unwrap();
        let photo = crate::photo::prepare(&bytes).unwrap();
        let mut bp = crate::testing::hotel();
        let tp = bp.touchpoints[0].id.clone();
        let add = Edit::AddPhoto {
            touchpoint: tp.clone(),
            photo: photo.clone(),
        };
        crate::edit::apply(&mut bp, add).unwrap();
        let ctx = egui::Context::default();
        let mut pictures = Pictures::default();
        assert!(pictures.get(&photo.id, Size::Thumb).is_none(), "asked for");
        pictures.frame(&ctx, &bp, (0, 1));
        let start = std::time::Instant::now();
        let got = loop {
            pictures.frame(&ctx, &bp, (0, 1));
            if let Some(got) = pictures.get(&photo.id, Size::Thumb) {
                break got;
            }
            assert!(start.elapsed().as_secs() < 60, "never decoded");
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        // Downscaled to the thumbnail's long edge, in its proportions.
        assert_eq!(got.1, egui::vec2(256.0, 85.0));
        assert_eq!(pictures.uploaded(), 1);
        // Asked again: the same texture, nothing decoded again.
        assert_eq!(pictures.get(&photo.id, Size::Thumb).unwrap().0, got.0);
        assert!(!pictures.decoding());
        // The photo leaves the document: its texture goes.
        let remove = Edit::RemovePhoto {
            touchpoint: tp,
            index: 0,
        };
        crate::edit::apply(&mut bp, remove).unwrap();
        pictures.frame(&ctx, &bp, (0, 2));
        assert_eq!(pictures.uploaded(), 0);
        let mut out = ctx.run_ui(Default::default(), |_| {});
        out.textures_delta.clear();
    }
}
