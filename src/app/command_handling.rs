//! What each command and action does, applied after the frame's UI pass.

use super::dialogs::{Dialog, Then};
use super::document::Step;
use super::{Action, EditorApp, UiCommand, inspector, present};
use crate::edit::Edit;
use crate::i18n::{Localized, Msg};
use crate::model::*;

impl EditorApp {
    /// Applies what the UI asked for this frame, in order.
    pub(super) fn apply_actions(&mut self, ctx: &egui::Context, actions: Vec<Action>) {
        // The frame that asked was drawn before the change: one more shows
        // it (a ticked box's consequences, a state's new word) without
        // waiting for the pointer to move.
        if !actions.is_empty() {
            ctx.request_repaint();
        }
        for a in actions {
            match a {
                Action::Edit(e) => self.apply_edits(vec![e], Step::New),
                Action::Edits(edits) => self.apply_edits(edits, Step::New),
                Action::Typing(e) => self.apply_edits(vec![e], Step::Burst),
                Action::Command(c) => self.run_command(ctx, c),
                Action::Select(ids) => self.selection = ids,
                Action::NewFrom(name) => self.guard(ctx, Then::NewFrom(name)),
                Action::OpenPath(p) => self.guard(ctx, Then::Open(Some(p))),
                Action::AddPhoto { touchpoint, source } => self.start_add_photo(touchpoint, source),
                Action::AddTouchpointAt { lane, step } => self.add_touchpoint_at(ctx, lane, step),
                Action::Paste(text) => self.paste(&text),
                Action::VoteTouchpoint(id) => {
                    if self.take_dot() {
                        self.edit(Edit::VoteTouchpoint { id, dots: 1 });
                    }
                }
                Action::VoteNote(id) => {
                    if self.take_dot() {
                        self.edit(Edit::VoteNote { id, dots: 1 });
                    }
                }
                Action::Show(id) => {
                    self.canvas.reveal = Some(id.clone());
                    self.selection = vec![id];
                }
                Action::ShowNote(id) => {
                    self.canvas.reveal_note = Some(id);
                    self.selection.clear();
                }
                Action::AskPath(purpose) => self.ask_path(purpose),
                Action::EditBlueprintTitle => {
                    self.selection.clear();
                    let title = self.doc.blueprint().title.clone();
                    let field = egui::Id::unique(inspector::BLUEPRINT_TITLE_ID);
                    inspector::focus_all(ctx, field, &title);
                }
                Action::Compare(act) => self.compare_act(act),
            }
        }
    }

    /// The one way the document changes: edits applied as one undo step
    /// (or as part of the burst of typing); a refused edit is reported.
    pub(super) fn apply_edits(&mut self, edits: Vec<Edit>, step: Step) {
        match self.doc.apply(edits, step) {
            Ok(()) => self.prune_selection(),
            Err(e) => self.notify(e.message(self.prefs.lang), true),
        }
    }

    /// Drops from the selection the touchpoints an edit took away: one
    /// pass over the touchpoints, however many are selected.
    fn prune_selection(&mut self) {
        if self.selection.is_empty() {
            return;
        }
        // One pass over the touchpoints, each looked up among the few
        // selected (not a set of every id made on each edit).
        let bp = self.doc.blueprint();
        let selected: foldhash::HashSet<&str> =
            self.selection.iter().map(TouchpointId::as_str).collect();
        let mut present: foldhash::HashSet<&str> = foldhash::HashSet::default();
        for tp in &bp.touchpoints {
            if selected.contains(tp.id.as_str()) {
                present.insert(tp.id.as_str());
                if present.len() == selected.len() {
                    return;
                }
            }
        }
        drop(selected);
        self.selection.retain(|id| present.contains(id.as_str()));
    }

    fn run_command(&mut self, ctx: &egui::Context, cmd: UiCommand) {
        use UiCommand::*;
        if !self.can(cmd) {
            return;
        }
        match cmd {
            Open => self.guard(ctx, Then::Open(None)),
            Save => {
                self.save();
            }
            Export => self.open_export_dialog(),
            SaveAs | ExportPng | ExportSvg | ExportPdf | ImportCsv | ImportActionsCsv => {
                if let Some(purpose) = Self::purpose_of(cmd) {
                    self.ask_path(purpose);
                }
            }
            Undo => {
                self.doc.undo();
                self.prune_selection();
            }
            Redo => {
                self.doc.redo();
                self.prune_selection();
            }
            Copy | Cut => {
                if let Some(text) =
                    crate::edit::clipboard::copy(self.doc.blueprint(), &self.selection)
                {
                    ctx.copy_text(text);
                    if cmd == Cut {
                        self.run_command(ctx, Delete);
                    }
                }
            }
            CopyImage => self.copy_image(),
            Paste => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            Delete => {
                let ids = std::mem::take(&mut self.selection);
                self.edit(Edit::DeleteTouchpoints(ids));
            }
            Duplicate => self.duplicate(),
            AddTouchpoint => self.add_touchpoint(ctx),
            AddStep => self.add_step(),
            ToggleMoment | ToggleCritical | ToggleFail | ToggleWait => self.toggle(cmd),
            Cancel => {
                self.canvas.reset_gestures();
                self.selection.clear();
            }
            ZoomIn => self.canvas.view.zoom_by(1.25),
            ZoomOut => self.canvas.view.zoom_by(0.8),
            ZoomFit => self.canvas.zoom_to_fit(),
            Present => self.set_presenting(ctx, self.presentation.is_none()),
            ActionPlan => self.plan.open = !self.plan.open,
            LeavePresentation => self.set_presenting(ctx, false),
            NextStop | PreviousStop => self.step_stop(cmd == NextStop),
            Shortcuts => self.dialog = Some(Dialog::Shortcuts),
            About => self.dialog = Some(Dialog::About),
            CompareWith => self.ask_path(super::files::Purpose::Compare),
            LeaveComparison => self.compare = None,
            Conflicts => self.conflicts.open = true,
        }
    }

    fn duplicate(&mut self) {
        let n = self.doc.blueprint().touchpoints.len();
        self.edit(Edit::DuplicateTouchpoints(self.selection.clone()));
        let all = &self.doc.blueprint().touchpoints;
        self.selection = all[n.min(all.len())..]
            .iter()
            .map(|t| t.id.clone())
            .collect();
    }

    /// A flag switched on the selected cards: one undo step for all.
    fn toggle(&mut self, cmd: UiCommand) {
        let bp = self.doc.blueprint();
        let flip = |on: bool, m: MomentOfTruth| if on { MomentOfTruth::None } else { m };
        let edits: Vec<Edit> = self
            .selection
            .iter()
            .filter_map(|id| bp.touchpoint(id).cloned())
            .map(|mut tp| {
                match cmd {
                    UiCommand::ToggleMoment => {
                        tp.moment_of_truth = flip(
                            tp.moment_of_truth == MomentOfTruth::Moment,
                            MomentOfTruth::Moment,
                        )
                    }
                    UiCommand::ToggleCritical => {
                        tp.moment_of_truth = flip(
                            tp.moment_of_truth == MomentOfTruth::Critical,
                            MomentOfTruth::Critical,
                        )
                    }
                    UiCommand::ToggleFail => {
                        tp.fail_point = match tp.fail_point {
                            Some(_) => None,
                            None => Some(Box::default()),
                        }
                    }
                    _ => tp.wait_point = !tp.wait_point,
                }
                Edit::SetTouchpoint(tp)
            })
            .collect();
        self.apply_edits(edits, Step::New);
    }

    /// A step after the selected touchpoint's, or at the end of the last
    /// stage.
    fn add_step(&mut self) {
        let bp = self.doc.blueprint();
        let step = super::canvas::new_step(bp, self.prefs.lang);
        let after = self
            .selection
            .first()
            .and_then(|id| bp.touchpoint(id))
            .and_then(|t| {
                bp.stages.iter().find_map(|s| {
                    let i = s.steps.iter().position(|p| p.id == t.step)?;
                    Some((s.id.clone(), i + 1))
                })
            })
            .or_else(|| bp.stages.last().map(|s| (s.id.clone(), s.steps.len())));
        if let Some((stage, index)) = after {
            self.edit(Edit::InsertStep { stage, index, step });
        }
    }

    /// A touchpoint beside the selected one, or in the customer lane at the
    /// first step.
    fn add_touchpoint(&mut self, ctx: &egui::Context) {
        let bp = self.doc.blueprint();
        let at = self.selected_cell().or_else(|| {
            let lane = bp
                .lanes
                .iter()
                .find(|l| l.kind == LaneKind::Customer)
                .or(bp.lanes.first())?;
            Some((lane.id.clone(), bp.steps().next()?.1.id.clone()))
        });
        if let Some((lane, step)) = at {
            self.add_touchpoint_at(ctx, lane, step);
        }
    }

    /// The cell of the (first) selected card.
    fn selected_cell(&self) -> Option<(LaneId, StepId)> {
        let bp = self.doc.blueprint();
        let tp = bp.touchpoint(self.selection.first()?)?;
        Some((tp.lane.clone(), tp.step.clone()))
    }

    /// Adds a touchpoint in a cell, selects it and gives its title the
    /// keyboard at once: keys typed in the next frame go into it.
    fn add_touchpoint_at(&mut self, ctx: &egui::Context, lane: LaneId, step: StepId) {
        let placeholder = Msg::NewTouchpoint.text(self.prefs.lang);
        let tp = Touchpoint::new(lane, step, placeholder);
        let id = tp.id.clone();
        self.edit(Edit::AddTouchpoint(tp));
        if self.doc.blueprint().touchpoint(&id).is_some() {
            self.selection = vec![id];
            let field = if self.presentation.is_some() {
                present::TITLE_ID
            } else {
                inspector::TITLE_ID
            };
            inspector::focus_all(ctx, egui::Id::unique(field), placeholder);
        }
    }

    /// Pastes copied touchpoints as one undo step, and selects them.
    pub fn paste(&mut self, text: &str) {
        let bp = self.doc.blueprint();
        let at = self.selected_cell().or_else(|| {
            Some((
                bp.lanes.first()?.id.clone(),
                bp.steps().next()?.1.id.clone(),
            ))
        });
        let Some((lane, step)) = at else { return };
        let Some((edits, ids)) = crate::edit::clipboard::paste(bp, text, (&lane, &step)) else {
            return;
        };
        if self.doc.apply(edits, Step::New).is_ok() {
            self.selection = ids;
        }
    }

    /// Takes one of the current participant's dots, if any are left.
    fn take_dot(&mut self) -> bool {
        match &mut self.presentation {
            Some(p) if p.voting && p.dots_left > 0 => {
                p.dots_left -= 1;
                true
            }
            _ => false,
        }
    }

    /// Moves the walkthrough a stop on or back.
    fn step_stop(&mut self, next: bool) {
        let Some(p) = &mut self.presentation else {
            return;
        };
        let n = present::stops(self.doc.blueprint(), p.by_moments).len();
        if next && p.stop + 1 < n {
            p.stop += 1;
        }
        if !next && p.stop > 0 {
            p.stop -= 1;
        }
    }

    /// Enters or leaves presentation mode (full screen, no editing chrome).
    pub fn set_presenting(&mut self, ctx: &egui::Context, on: bool) {
        if on == self.presentation.is_some() {
            return;
        }
        self.presentation = on.then(present::Presentation::new);
        self.canvas.reset_gestures();
        if !on {
            self.canvas.zoom_to_fit();
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            return;
        }
        let chosen = self.prefs.present_screen.clone().map(|name| {
            let at = self.screens.iter().position(|s| s.name == name);
            (name, at)
        });
        match chosen {
            Some((_, Some(i))) => self.present_on(ctx, i),
            Some((name, None)) => {
                // The chosen screen is not connected: present where the window is.
                let msg = Msg::ScreenMissing.fill(self.prefs.lang, &[&name]);
                self.notify(msg, false);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            }
            None => ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true)),
        }
    }

    /// Goes full screen on a screen, by its place in the list of screens.
    pub fn present_on(&mut self, ctx: &egui::Context, screen: usize) {
        ctx.send_viewport_cmd(egui::ViewportCommand::SetMonitor(screen));
        if let Some(p) = &mut self.presentation {
            p.screen = Some(screen);
        }
    }
}
