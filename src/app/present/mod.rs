//! Presentation mode for workshops on a shared screen: full screen, no
//! editing chrome, a walk through the service cycle stage by stage or moment
//! of truth by moment of truth, large type, a timer and a laser pointer.

pub mod overlay;
mod panel;

pub use panel::TITLE_ID;

use super::canvas::{self, Spotlight};
use super::{Action, EditorApp};

use crate::i18n::Msg;
use crate::layout::{Layout, Rect, pos};
use crate::model::*;

/// One stop of the walkthrough.
#[derive(Clone, Debug, PartialEq)]
pub enum Stop {
    Stage(StageId),
    Touchpoint(TouchpointId),
}

/// Cards and notes with dots, most first: their name and their dots.
pub type Ranked = std::sync::Arc<Vec<(String, u32)>>;

/// The state of a presentation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Presentation {
    /// The current stop.
    pub stop: usize,
    /// Walk moment of truth by moment of truth instead of stage by stage.
    pub by_moments: bool,
    /// The timer's length, in minutes.
    pub timer_minutes: f64,
    /// When a running timer ends (the UI clock, in seconds).
    pub timer_end: Option<f64>,
    /// Seconds left on a paused timer.
    pub timer_paused: Option<f64>,
    /// Dot voting is open: clicks on cards and notes add dots.
    pub voting: bool,
    pub dots_per_person: u32,
    /// Dots the current participant has left.
    pub dots_left: u32,
    /// How many take part in the vote, set when it opens.
    pub participants: u32,
    /// The participant voting now, from 1.
    pub participant: u32,
    /// The vote's results are shown, ranked.
    pub results: bool,
    /// The cards and notes with dots, ranked, and the document's version
    /// they were ranked for: not ranked again every frame.
    pub ranked: Option<((u64, u64), Ranked)>,
    /// The colour of new notes.
    pub note_colour: NoteColour,
    /// A note just added, whose text field takes the keyboard.
    pub focus_note: Option<NoteId>,
    /// The screen it went full screen on, by its place in the list of
    /// screens; `None`: the window's own screen.
    pub screen: Option<usize>,
    /// A laser-pointer highlight follows the mouse.
    pub laser: bool,
    /// The notes an improvement action is attached to, and the document's
    /// version they were gathered for: not gathered again every frame.
    pub noted: Option<((u64, u64), Noted)>,
}

/// The notes an improvement action is attached to.
pub type Noted = std::sync::Arc<std::collections::HashSet<NoteId>>;

/// A screen connected to the computer.
#[derive(Clone, Debug, PartialEq)]
pub struct Screen {
    /// The name the system gives it, e.g. `HDMI-1`.
    pub name: String,
    /// Its size in pixels.
    pub size: [u32; 2],
    /// Its top-left corner on the desktop, in pixels.
    pub position: [i32; 2],
}

impl Screen {
    /// How a menu names it: `2 · HDMI-1 · 1920×1080`.
    pub fn label(&self, i: usize) -> String {
        format!(
            "{} · {} · {}×{}",
            i + 1,
            self.name,
            self.size[0],
            self.size[1]
        )
    }
}

impl Presentation {
    pub fn new() -> Self {
        Self {
            timer_minutes: 10.0,
            // Three dots each, as most dot votes run.
            dots_per_person: 3,
            participants: 5,
            participant: 1,
            laser: true,
            ..Default::default()
        }
    }
}

/// The stops of a walkthrough, in the order the customer lives them.
pub fn stops(bp: &Blueprint, by_moments: bool) -> Vec<Stop> {
    if !by_moments {
        return bp
            .stages
            .iter()
            .map(|s| Stop::Stage(s.id.clone()))
            .collect();
    }
    let mut moments: Vec<(usize, &Touchpoint)> = bp
        .touchpoints
        .iter()
        .filter(|t| t.moment_of_truth != MomentOfTruth::None)
        .filter_map(|t| Some((bp.step_index(&t.step)?, t)))
        .collect();
    moments.sort_by_key(|(step, t)| (*step, bp.lane_index(&t.lane)));
    moments
        .into_iter()
        .map(|(_, t)| Stop::Touchpoint(t.id.clone()))
        .collect()
}

/// The part of the diagram a stop shows.
pub fn focus_rect(layout: &Layout, stop: &Stop) -> Option<Rect> {
    // Room on the left for the lane names, as wide as their column: the
    // first stage shows the names themselves, later stops their chips over
    // the veiled column before, never over the stop's own cards.
    let room = crate::layout::metrics::LABEL_W;
    match stop {
        Stop::Stage(id) => {
            let header = layout.stages.iter().find(|s| &s.id == id)?.rect;
            let bottom = layout
                .emotion
                .as_ref()
                .map_or(layout.grid.max.y, |e| e.rect.max.y);
            Some(Rect {
                min: pos(header.min.x - room, header.min.y),
                max: pos(header.max.x, bottom),
            })
        }
        Stop::Touchpoint(id) => {
            // The moment's whole column with the steps before and after it:
            // every lane, the support lanes too, as the group lives it.
            let card = layout.card(id)?;
            let (first, last) = (layout.lanes.first()?, layout.lanes.last()?);
            let steps = &layout.steps;
            let before = &steps[card.step.saturating_sub(1)];
            let after = &steps[(card.step + 1).min(steps.len() - 1)];
            Some(Rect {
                min: pos(before.column.min.x - room, first.rect.min.y),
                max: pos(after.column.max.x, last.rect.max.y),
            })
        }
    }
}

/// What stays clear of the veil at a stop shown in `view` (its
/// [`focus_rect`]), and the card to ring: a stage whole; for a touchpoint,
/// its step's column across the lanes shown (the moment as every lane lives
/// it), the touchpoint ringed.
pub fn spotlight(layout: &Layout, stop: &Stop, view: Rect) -> Option<(Rect, Option<Rect>)> {
    match stop {
        // The stage itself: the room left of it for the names is veiled.
        Stop::Stage(_) => Some((
            Rect {
                min: pos(view.min.x + crate::layout::metrics::LABEL_W, view.min.y),
                max: view.max,
            },
            None,
        )),
        Stop::Touchpoint(id) => {
            let card = layout.card(id)?;
            let column = layout.steps[card.step].column;
            Some((
                Rect {
                    min: pos(column.min.x, view.min.y),
                    max: pos(column.max.x, view.max.y),
                },
                Some(card.rect),
            ))
        }
    }
}

impl EditorApp {
    /// The presentation: the canvas on the current stop, the rest dimmed,
    /// and a panel with the stop's standards in large type, the
    /// walkthrough's controls and the timer.
    pub(super) fn presentation_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.prefs.lang;
        let now = ui.input(|i| i.time);
        let view = self.view();
        let version = self.doc.version();
        let (bp, derived) = self.doc.view(view);
        let Some(p) = self.presentation.as_mut() else {
            return;
        };
        let all = stops(bp, p.by_moments);
        p.stop = p.stop.min(all.len().saturating_sub(1));
        let stop = all.get(p.stop);
        let layout = &derived.layout;
        let focus = stop.and_then(|s| focus_rect(layout, s));
        let spotlight = stop.zip(focus).and_then(|(s, view)| {
            let (clear, ring) = spotlight(layout, s, view)?;
            Some(Spotlight {
                focus: view,
                clear,
                ring,
                laser: p.laser,
                voting: p.voting,
            })
        });
        let notes_here: Vec<Note> = stop.map_or_else(Vec::new, |s| {
            notes_at(bp, layout, s, focus)
                .into_iter()
                .cloned()
                .collect()
        });
        let loose_here = notes_here.iter().filter(|n| n.cell().is_none()).count();
        let input = panel::Input {
            bp,
            selection: &self.selection,
            stops: all.len(),
            stop,
            notes: &notes_here,
            loose_place: focus.map(|view| loose_note_place(view, loose_here)),
            screens: &self.screens,
            notice: self.notice.as_ref().map(|n| n.text.as_str()),
            lang,
            now,
            version,
            pictures: &self.pictures,
        };
        let move_to = egui::Panel::right("presentation")
            .exact_size(480.0)
            .show(ui, |ui| {
                // A stop with many standards and notes scrolls: its notes'
                // buttons stay within reach.
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| panel::show(ui, p, &input, actions))
                    .inner
            })
            .inner;
        let canvas_input = canvas::Input {
            bp,
            derived,
            selection: &self.selection,
            lang,
            dark: self.prefs.dark,
            spotlight,
            tooltip: None,
            photos: Some(&|id| self.pictures.get(id, super::photos::Size::Thumb)),
        };
        egui::CentralPanel::no_frame().show(ui, |ui| self.canvas.show(ui, canvas_input, actions));
        if let Some(i) = move_to {
            self.prefs.present_screen = self.screens.get(i).map(|s| s.name.clone());
            self.present_on(ui.ctx(), i);
        }
    }
}

/// Minutes and seconds, e.g. `9:05`.
pub fn clock(seconds: f64) -> String {
    let s = seconds.max(0.0).ceil() as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

/// The cell a new note goes to at a stop: the touchpoint's cell, or the
/// customer lane at the stage's first step.
pub fn note_cell(bp: &Blueprint, stop: &Stop) -> Option<(LaneId, StepId)> {
    match stop {
        Stop::Touchpoint(id) => bp.touchpoint(id).map(|t| (t.lane.clone(), t.step.clone())),
        Stop::Stage(id) => {
            let stage = bp.stages.iter().find(|s| &s.id == id)?;
            let lane = bp
                .lanes
                .iter()
                .find(|l| l.kind == LaneKind::Customer)
                .or(bp.lanes.first())?;
            Some((lane.id.clone(), stage.steps.first()?.id.clone()))
        }
    }
}

/// The notes a stop shown in `view` shows: those pinned in the stage's steps
/// or in the touchpoint's cell, and loose ones lying in `view`.
pub fn notes_at<'a>(
    bp: &'a Blueprint,
    layout: &Layout,
    stop: &Stop,
    view: Option<Rect>,
) -> Vec<&'a Note> {
    let loose_in_view: std::collections::HashSet<usize> = layout
        .notes
        .iter()
        .filter(|b| b.loose && view.is_some_and(|v| b.rect.intersects(&v)))
        .map(|b| b.index)
        .collect();
    let pinned_here = |n: &Note| match (stop, n.cell()) {
        (Stop::Stage(id), Some((_, step))) => bp
            .stages
            .iter()
            .find(|s| &s.id == id)
            .is_some_and(|stage| stage.steps.iter().any(|s| &s.id == step)),
        (Stop::Touchpoint(id), Some((lane, step))) => bp
            .touchpoint(id)
            .is_some_and(|t| &t.lane == lane && &t.step == step),
        (_, None) => false,
    };
    bp.notes
        .iter()
        .enumerate()
        .filter(|(i, n)| pinned_here(n) || loose_in_view.contains(i))
        .map(|(_, n)| n)
        .collect()
}

/// Where a new loose note goes in a stop's `view`: near its top right
/// corner, a little lower for each of the `already` loose notes there.
pub fn loose_note_place(view: Rect, already: usize) -> Point {
    let x = (view.max.x - crate::layout::metrics::CARD_W - 16.0).max(view.min.x);
    let y = view.min.y + 16.0 + 28.0 * (already % 12) as f32;
    Point::rounded(x, y)
}

/// The name of a note colour.
pub fn colour_name(c: NoteColour) -> Msg {
    match c {
        NoteColour::Yellow => Msg::NoteYellow,
        NoteColour::Pink => Msg::NotePink,
        NoteColour::Green => Msg::NoteGreen,
        NoteColour::Blue => Msg::NoteBlue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_follow_the_cycle() {
        let bp = crate::testing::hotel();
        assert_eq!(stops(&bp, false).len(), 4);
        let moments = stops(&bp, true);
        assert_eq!(
            moments.first(),
            Some(&Stop::Touchpoint("tp-arrive-doorman".into()))
        );
        assert_eq!(
            moments.last(),
            Some(&Stop::Touchpoint("tp-leave-doorman".into()))
        );
        let l = crate::layout::layout(&bp, Default::default());
        assert!(moments.iter().all(|s| focus_rect(&l, s).is_some()));
        // A moment of truth: its column and the ones beside it, every lane
        // whole; its column clear of the veil, itself ringed.
        let stop = &moments[1];
        let Stop::Touchpoint(id) = stop else {
            unreachable!()
        };
        let card = l.card(id).unwrap();
        let view = focus_rect(&l, stop).unwrap();
        let (clear, ring) = spotlight(&l, stop, view).unwrap();
        assert_eq!(ring, Some(card.rect));
        assert_eq!(clear.width(), l.steps[card.step].column.width());
        assert!(view.width() >= 3.0 * clear.width() - 1.0);
        // Room for the lane names left of the stop's cards.
        let first_column = l.steps[card.step.saturating_sub(1)].column;
        assert!(view.min.x <= first_column.min.x - crate::layout::metrics::LABEL_W + 0.5);
        for (i, lane) in l.lanes.iter().enumerate() {
            let shown = view.min.y <= lane.rect.min.y && lane.rect.max.y <= view.max.y;
            assert!(shown, "lane {i} is cut");
        }
        assert_eq!(clock(545.2), "9:06");
    }
}
