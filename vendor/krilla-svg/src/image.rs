use krilla::geom::{Rect, Size};
use krilla::image::Image;
use krilla::paint::FillRule;
use krilla::surface::Surface;
use usvg::ImageKind;

use crate::util::RectExt;
use crate::{group, ProcessContext};

/// Render an image into a surface.
///
/// Returns `None` if the image could not be rendered.
pub(crate) fn render(
    image: &usvg::Image,
    surface: &mut Surface,
    process_context: &mut ProcessContext,
) -> Option<()> {
    if !image.is_visible() {
        return Some(());
    }

    let size = Size::from_wh(image.size().width(), image.size().height()).unwrap();

    // Vendored change: a JPEG or PNG whose bytes usvg shares between nodes
    // (a photo placed on many cards) is made into a krilla image once: its
    // hash is taken once, and it is embedded once.
    let cached = |d: &std::sync::Arc<Vec<u8>>,
                  ctx: &mut ProcessContext,
                  make: fn(krilla::Data, bool) -> Result<Image, String>| {
        let key = std::sync::Arc::as_ptr(d) as usize;
        if let Some(image) = ctx.images.get(&key) {
            return Some(image.clone());
        }
        let image = make(d.clone().into(), false).ok()?;
        ctx.images.insert(key, image.clone());
        Some(image)
    };
    match image.kind() {
        ImageKind::JPEG(d) => {
            let image = cached(d, process_context, Image::from_jpeg)?;
            surface.draw_image(image, size);
        }
        ImageKind::PNG(d) => {
            let image = cached(d, process_context, Image::from_png)?;
            surface.draw_image(image, size);
        }
        ImageKind::GIF(d) => {
            let image = Image::from_gif(d.clone().into(), false).ok()?;
            surface.draw_image(image, size);
        }
        ImageKind::WEBP(d) => {
            let image = Image::from_webp(d.clone().into(), false).ok()?;
            surface.draw_image(image, size);
        }
        ImageKind::SVG(t) => {
            let clip_path =
                Rect::from_xywh(0.0, 0.0, t.size().width(), t.size().height())?.to_clip_path();
            surface.push_clip_path(&clip_path, &FillRule::NonZero);
            group::render(t.root(), surface, process_context);
            surface.pop();
        }
    }

    Some(())
}
