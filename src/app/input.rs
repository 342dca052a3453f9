//! Input faster than frames: keys typed right after a click wait for the
//! frame after it, when what the click did (a new card whose title takes
//! the keyboard) has happened; and in the window, each click gets a frame of
//! its own.

use egui::{Event, RawInput};

/// Events held back for the next frame.
#[derive(Default)]
pub struct InputPacer {
    /// Raw events for the next frames (eframe's input hook).
    raw_held: Vec<Event>,
    /// Keys and text for the next frame.
    held: Vec<Event>,
    /// A text field had the keyboard at the end of the last frame.
    typed_last_frame: bool,
}

/// Whether an event is typing: it goes to whatever has the keyboard.
fn is_typing(e: &Event) -> bool {
    matches!(
        e,
        Event::Key { .. }
            | Event::Text(_)
            | Event::Paste(_)
            | Event::Copy
            | Event::Cut
            | Event::Ime(_)
    )
}

fn is_press(e: &Event) -> bool {
    matches!(e, Event::PointerButton { pressed: true, .. })
}

impl InputPacer {
    /// Splits a frame's raw input where clicks and typing meet: typing
    /// that follows a click waits for the next frame, in which the click
    /// has taken effect (a double-click's new card has its title ready for
    /// the keys); a click that follows typing waits too, so the field typed
    /// into still has the keyboard when the keys arrive. Clicks stay
    /// together, so a double-click is still one. Called by eframe before
    /// each frame.
    pub fn pace(&mut self, raw: &mut RawInput) {
        let mut events = std::mem::take(&mut self.raw_held);
        events.append(&mut raw.events);
        let mut run: Option<bool> = None;
        let cut = events.iter().position(|e| {
            let typing = if is_typing(e) {
                true
            } else if matches!(e, Event::PointerButton { .. }) {
                false
            } else {
                return false;
            };
            *run.get_or_insert(typing) != typing
        });
        if let Some(at) = cut {
            self.raw_held = events.split_off(at);
        }
        raw.events = events;
    }

    /// Whether events wait for another frame (the caller asks for one).
    pub fn holding(&self) -> bool {
        !self.raw_held.is_empty() || !self.held.is_empty()
    }

    /// At the start of a frame, before any widget reads the input: gives
    /// this frame the keys held from the last one, and holds the keys and
    /// text that follow a pointer press in this frame's events.
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        let held = &mut self.held;
        ctx.input_mut(|i| {
            let mut events = std::mem::take(held);
            events.append(&mut i.events);
            let mut after_press = false;
            let mut now = Vec::with_capacity(events.len());
            for e in events {
                after_press |= is_press(&e);
                if after_press && is_typing(&e) {
                    held.push(e);
                } else {
                    now.push(e);
                }
            }
            i.events = now;
        });
        if self.holding() {
            ctx.request_repaint();
        }
    }

    /// Takes an Escape that just left a text field, so that it does
    /// nothing more (egui drops the focus on Escape before the frame's
    /// widgets run): it does not also clear the selection or leave the
    /// presentation. Dialogs still see it.
    pub fn escape_left_a_field(&mut self, ctx: &egui::Context) {
        if std::mem::take(&mut self.typed_last_frame) {
            ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        }
    }

    /// At the end of a frame: whether a text field has the keyboard.
    pub fn end_frame(&mut self, typing: bool) {
        self.typed_last_frame = typing;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Key, Modifiers, PointerButton, pos2};

    fn click(pressed: bool) -> Event {
        Event::PointerButton {
            pos: pos2(10.0, 10.0),
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        }
    }

    fn key(k: Key) -> Event {
        Event::Key {
            key: k,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        }
    }

    #[test]
    fn clicks_and_typing_get_frames_of_their_own_and_a_double_click_stays_whole() {
        let mut pacer = InputPacer::default();
        let typed = |t: &str| Event::Text(t.into());
        let mut raw = RawInput {
            events: vec![
                click(true),
                click(false),
                click(true),
                click(false),
                typed("C"),
                key(Key::Enter),
                click(true),
                click(false),
                typed("P"),
            ],
            ..Default::default()
        };
        pacer.pace(&mut raw);
        assert_eq!(raw.events.len(), 4, "the double-click");
        let mut frames = vec![raw.events.len()];
        while pacer.holding() {
            let mut raw = RawInput::default();
            pacer.pace(&mut raw);
            frames.push(raw.events.len());
        }
        // The typing, the next click, what was typed after it.
        assert_eq!(frames, [4, 2, 2, 1]);
    }
}
