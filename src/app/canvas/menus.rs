//! The canvas' context menus: a card's flags and connectors, a note's text,
//! colour and pin, and the structure menus of lanes, steps and stages.

use crate::app::{Action, UiCommand};
use crate::edit::Edit;
use crate::i18n::{self, Msg};
use crate::layout::{self, Layout, Pos};
use crate::model::*;
use crate::shown::{LINE_CHARS, shown_line};

/// What the background's menu keeps while it is open.
#[derive(Default)]
pub struct MenuState {
    /// Where on the diagram the menu was opened.
    at: Option<Pos>,
    rename: String,
    /// The text of a note being written in a cell's menu.
    note_draft: String,
}

impl MenuState {
    /// The menu was opened at a point of the diagram.
    pub fn opened_at(&mut self, at: Option<Pos>) {
        self.at = at;
        self.rename.clear();
    }

    /// The menu of whatever was right-clicked: a lane, a step, a stage, or
    /// the diagram's structure.
    pub fn header_menu(
        &mut self,
        ui: &mut egui::Ui,
        bp: &Blueprint,
        layout: &Layout,
        lang: Language,
        actions: &mut Vec<Action>,
    ) {
        if let Some(at) = self.at {
            header_menu(
                ui,
                bp,
                layout,
                at,
                lang,
                (&mut self.rename, &mut self.note_draft),
                actions,
            );
        }
    }
}

/// A card's fail point, when its F badge is hovered: what goes wrong, and
/// how staff recover.
pub fn fail_tooltip(ui: &mut egui::Ui, tp: &Touchpoint, lang: Language) {
    let Some(fail) = tp.fail_point.as_deref() else {
        return;
    };
    if fail.failure.trim().is_empty() {
        ui.strong(Msg::FailBadgeUndescribed.text(lang));
    } else {
        ui.strong(Msg::FailBadgeTooltip.fill(lang, &[&shown_line(&fail.failure, LINE_CHARS)]));
    }
    if !fail.recovery.trim().is_empty() {
        ui.label(format!(
            "{}: {}",
            Msg::ReportRecovery.text(lang),
            shown_line(&fail.recovery, LINE_CHARS)
        ));
    }
}

/// A card's standards, when hovered.
pub fn standards_tooltip(ui: &mut egui::Ui, bp: &Blueprint, tp: &Touchpoint, lang: Language) {
    ui.strong(shown_line(&tp.title, LINE_CHARS));
    let mut any = false;
    for s in bp.standards_of(&tp.id) {
        any = true;
        let latest = s.latest().map_or_else(
            || "—".to_owned(),
            |m| format!("{} {}", m.value, shown_line(&s.unit, 50)),
        );
        ui.label(format!(
            "• {} — {} ({})",
            shown_line(&s.statement, LINE_CHARS),
            latest,
            i18n::compliance(s.compliance()).text(lang)
        ));
    }
    if !any {
        ui.weak(Msg::TooltipNoStandards.text(lang));
    }
}

/// The context menu of a sticky note: its text, colour, pin, votes.
pub fn note_menu(
    ui: &mut egui::Ui,
    layout: &Layout,
    nb: &layout::NoteBox,
    note: &Note,
    lang: Language,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    let l = ui.label(t(Msg::NoteText)).id;
    let (r, text) = crate::app::fields::block(ui, &note.text, 3, 240.0, lang);
    r.labelled_by(l);
    if let Some(text) = text {
        let mut n = note.clone();
        n.text = text;
        actions.push(Action::Typing(Edit::SetNote(n)));
    }
    ui.horizontal(|ui| {
        ui.label(t(Msg::NoteColourLabel));
        for c in NoteColour::ALL {
            if ui
                .selectable_label(
                    note.colour == c,
                    crate::app::present::colour_name(c).text(lang),
                )
                .clicked()
                && note.colour != c
            {
                let mut n = note.clone();
                n.colour = c;
                actions.push(Action::Edit(Edit::SetNote(n)));
            }
        }
    });
    ui.separator();
    if note.cell().is_some() {
        if ui.button(t(Msg::NoteUnpin)).clicked() {
            // Loose where it lies now, a little aside so it is seen to come off.
            let mut n = note.clone();
            n.unpin(Point::rounded(nb.rect.min.x + 12.0, nb.rect.min.y + 12.0));
            actions.push(Action::Edit(Edit::SetNote(n)));
            ui.close();
        }
    } else {
        // The cell it lies over, or else the one it was put over (a note
        // put on a busy cell is drawn at the nearest free spot).
        let cell = layout.cell_at(nb.rect.center()).or_else(|| {
            let at = note.at?;
            let (w, h) = (nb.rect.width(), nb.rect.height());
            layout.cell_at(layout::pos(at.x as f32 + w / 2.0, at.y as f32 + h / 2.0))
        });
        if ui
            .add_enabled(cell.is_some(), egui::Button::new(t(Msg::NotePin)))
            .clicked()
            && let Some((lane, step)) = cell
        {
            let mut n = note.clone();
            n.pin(lane, step);
            actions.push(Action::Edit(Edit::SetNote(n)));
            ui.close();
        }
    }
    if note.votes > 0 && ui.button(t(Msg::NoteClearVotes)).clicked() {
        let mut n = note.clone();
        n.votes = 0;
        actions.push(Action::Edit(Edit::SetNote(n)));
        ui.close();
    }
    if ui.button(t(Msg::DeleteNote)).clicked() {
        actions.push(Action::Edit(Edit::DeleteNote(note.id.clone())));
        ui.close();
    }
}

/// A card's menu: its flags, its connectors, duplicate and delete; returns
/// the touchpoint to connect from when "Connect from here" was chosen.
pub fn card_menu(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    tp: &Touchpoint,
    lang: Language,
    actions: &mut Vec<Action>,
) -> Option<TouchpointId> {
    let t = |m: Msg| m.text(lang);
    let toggle = |ui: &mut egui::Ui, on: bool, cmd: UiCommand, actions: &mut Vec<Action>| {
        let mut v = on;
        if ui.checkbox(&mut v, cmd.text().text(lang)).clicked() {
            actions.push(Action::Select(vec![tp.id.clone()]));
            actions.push(Action::Command(cmd));
            ui.close();
        }
    };
    toggle(
        ui,
        tp.moment_of_truth == MomentOfTruth::Moment,
        UiCommand::ToggleMoment,
        actions,
    );
    toggle(
        ui,
        tp.moment_of_truth == MomentOfTruth::Critical,
        UiCommand::ToggleCritical,
        actions,
    );
    toggle(ui, tp.is_fail_point(), UiCommand::ToggleFail, actions);
    toggle(ui, tp.wait_point, UiCommand::ToggleWait, actions);
    ui.separator();
    let mut connect = None;
    if ui.button(t(Msg::CmdConnectFrom)).clicked() {
        connect = Some(tp.id.clone());
        ui.close();
    }
    for c in bp
        .connectors
        .iter()
        .filter(|c| c.from == tp.id || c.to == tp.id)
    {
        let other = if c.from == tp.id { &c.to } else { &c.from };
        let name = shown_line(
            bp.touchpoint(other).map_or("", |o| o.title.as_str()),
            LINE_CHARS,
        );
        let arrow = if c.from == tp.id { "->" } else { "<-" };
        ui.menu_button(format!("{arrow} {name}"), |ui| {
            for kind in [
                ConnectorKind::Flow,
                ConnectorKind::Dependency,
                ConnectorKind::Feedback,
            ] {
                if ui
                    .radio(c.kind == kind, i18n::connector_kind(kind).text(lang))
                    .clicked()
                {
                    actions.push(Action::Edit(Edit::SetConnectorKind {
                        id: c.id.clone(),
                        kind,
                    }));
                    ui.close();
                }
            }
            if ui.button(t(Msg::CmdDelete)).clicked() {
                actions.push(Action::Edit(Edit::DeleteConnector(c.id.clone())));
                ui.close();
            }
        });
    }
    ui.separator();
    if ui.button(t(Msg::CmdDuplicate)).clicked() {
        actions.push(Action::Select(vec![tp.id.clone()]));
        actions.push(Action::Command(UiCommand::Duplicate));
        ui.close();
    }
    if ui.button(t(Msg::CmdDelete)).clicked() {
        actions.push(Action::Edit(Edit::DeleteTouchpoints(vec![tp.id.clone()])));
        ui.close();
    }
    connect
}

/// A rename field with an OK button; returns the new name when confirmed.
fn rename_field(
    ui: &mut egui::Ui,
    current: &str,
    buffer: &mut String,
    lang: Language,
) -> Option<String> {
    if buffer.is_empty() {
        // A name longer than a field edits is renamed from its start.
        *buffer = current
            .chars()
            .take(crate::app::fields::LINE_EDIT_CHARS)
            .collect();
    }
    let mut out = None;
    ui.horizontal(|ui| {
        let l = ui.label(Msg::CmdRename.text(lang)).id;
        let r = ui
            .add(
                egui::TextEdit::singleline(buffer)
                    .desired_width(180.0)
                    .char_limit(crate::app::fields::LINE_EDIT_CHARS),
            )
            .labelled_by(l);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(Msg::CmdRename.text(lang)).clicked() || enter) && !buffer.trim().is_empty() {
            out = Some(buffer.trim().to_owned());
        }
    });
    out
}

/// The context menu of a lane label, a step header or a stage header.
fn header_menu(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    layout: &Layout,
    at: Pos,
    lang: Language,
    (rename, draft): (&mut String, &mut String),
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    if let Some(lane) = layout.lane_at(at).and_then(|l| bp.lane(&l.id)) {
        ui.label(egui::RichText::new(shown_line(&lane.name, LINE_CHARS)).strong());
        if let Some(name) = rename_field(ui, &lane.name, rename, lang) {
            actions.push(Action::Edit(Edit::RenameLane {
                id: lane.id.clone(),
                name,
            }));
            ui.close();
        }
        for (m, by) in [(Msg::CmdMoveUp, -1), (Msg::CmdMoveDown, 1)] {
            if ui.button(t(m)).clicked() {
                actions.push(Action::Edit(Edit::MoveLane {
                    id: lane.id.clone(),
                    by,
                }));
                ui.close();
            }
        }
        if ui.button(t(Msg::CmdHide)).clicked() {
            actions.push(Action::Edit(Edit::SetLaneHidden {
                id: lane.id.clone(),
                hidden: true,
            }));
            ui.close();
        }
        if ui.button(t(Msg::CmdDelete)).clicked() {
            actions.push(Action::Edit(Edit::DeleteLane(lane.id.clone())));
            ui.close();
        }
        if let Some((_, step)) = layout.cell_at(at) {
            if ui.button(t(Msg::CmdAddTouchpoint)).clicked() {
                actions.push(Action::AddTouchpointAt {
                    lane: lane.id.clone(),
                    step: step.clone(),
                });
                ui.close();
            }
            // A sticky note: written here, then pinned to the cell or left
            // loose where the menu was opened.
            ui.separator();
            let l = ui.label(t(Msg::NoteText)).id;
            ui.add(
                egui::TextEdit::multiline(draft)
                    .desired_rows(2)
                    .desired_width(220.0)
                    .char_limit(crate::app::fields::BLOCK_EDIT_CHARS),
            )
            .labelled_by(l);
            ui.horizontal(|ui| {
                let colour = NoteColour::default();
                if ui.button(t(Msg::AddNote)).clicked() {
                    let text = std::mem::take(draft);
                    let note = Note::pinned(lane.id.clone(), step, text, colour);
                    actions.push(Action::Edit(Edit::AddNote(note)));
                    ui.close();
                }
                if ui.button(t(Msg::AddLooseNote)).clicked() {
                    let place = Point::rounded(at.x, at.y);
                    let note = Note::loose(place, std::mem::take(draft), colour);
                    actions.push(Action::Edit(Edit::AddNote(note)));
                    ui.close();
                }
            });
        }
        return;
    }
    if let Some(sb) = layout.step_header_at(at)
        && let Some((stage, step)) = bp.steps().find(|(_, s)| s.id == sb.id)
    {
        step_menu(ui, bp, stage, step, lang, rename, actions);
        return;
    }
    if let Some(sb) = layout.stage_at(at)
        && let Some(i) = bp.stages.iter().position(|s| s.id == sb.id)
    {
        stage_menu(ui, bp, i, lang, rename, actions);
        return;
    }
    structure_menu(ui, bp, lang, actions);
}

/// A step header's menu: rename, add steps beside it, split its stage
/// here, move it (a place, or another stage), delete.
fn step_menu(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    stage: &Stage,
    step: &Step,
    lang: Language,
    rename: &mut String,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    ui.label(egui::RichText::new(shown_line(&step.name, LINE_CHARS)).strong());
    if let Some(name) = rename_field(ui, &step.name, rename, lang) {
        actions.push(Action::Edit(Edit::RenameStep {
            id: step.id.clone(),
            name,
        }));
        ui.close();
    }
    let at = stage
        .steps
        .iter()
        .position(|s| s.id == step.id)
        .unwrap_or(0);
    for (m, index) in [(Msg::CmdAddStepBefore, at), (Msg::CmdAddStepAfter, at + 1)] {
        if ui.button(t(m)).clicked() {
            actions.push(Action::Edit(Edit::InsertStep {
                stage: stage.id.clone(),
                index,
                step: new_step(bp, lang),
            }));
            ui.close();
        }
    }
    if ui
        .add_enabled(at > 0, egui::Button::new(t(Msg::CmdSplitStage)))
        .clicked()
    {
        actions.push(Action::Edit(Edit::SplitStage {
            at: step.id.clone(),
            new_stage: Stage {
                id: StageId::generate(),
                name: stage_name(bp, lang),
                steps: Vec::new(),
            },
        }));
        ui.close();
    }
    ui.menu_button(t(Msg::CmdMoveToStage), |ui| {
        for other in bp.stages.iter().filter(|s| s.id != stage.id) {
            if ui.button(&other.name).clicked() {
                actions.push(Action::Edit(Edit::MoveStepTo {
                    id: step.id.clone(),
                    stage: other.id.clone(),
                    index: other.steps.len(),
                }));
                ui.close();
            }
        }
    });
    for (m, by) in [(Msg::CmdMoveLeft, -1), (Msg::CmdMoveRight, 1)] {
        if ui.button(t(m)).clicked() {
            actions.push(Action::Edit(Edit::MoveStep {
                id: step.id.clone(),
                by,
            }));
            ui.close();
        }
    }
    if ui.button(t(Msg::CmdDelete)).clicked() {
        actions.push(Action::Edit(Edit::DeleteStep(step.id.clone())));
        ui.close();
    }
}

/// A stage header's menu: rename, add a step at its end, add stages beside
/// it, move, delete.
fn stage_menu(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    i: usize,
    lang: Language,
    rename: &mut String,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    let stage = &bp.stages[i];
    ui.label(egui::RichText::new(shown_line(&stage.name, LINE_CHARS)).strong());
    if let Some(name) = rename_field(ui, &stage.name, rename, lang) {
        actions.push(Action::Edit(Edit::RenameStage {
            id: stage.id.clone(),
            name,
        }));
        ui.close();
    }
    add_step_button(ui, bp, &stage.id, lang, actions);
    for (m, index) in [(Msg::CmdAddStageBefore, i), (Msg::CmdAddStageAfter, i + 1)] {
        if ui.button(t(m)).clicked() {
            actions.push(Action::Edit(Edit::InsertStage {
                index,
                stage: new_stage(bp, lang),
            }));
            ui.close();
        }
    }
    for (m, by) in [(Msg::CmdMoveLeft, -1), (Msg::CmdMoveRight, 1)] {
        if ui.button(t(m)).clicked() {
            actions.push(Action::Edit(Edit::MoveStage {
                id: stage.id.clone(),
                by,
            }));
            ui.close();
        }
    }
    if ui.button(t(Msg::CmdDelete)).clicked() {
        actions.push(Action::Edit(Edit::DeleteStage(stage.id.clone())));
        ui.close();
    }
}

/// The name of a new step or stage: "Paso 9", "Etapa 3", so that a
/// workshop can refer to it. The number is the count of `names` plus one
/// (where a new one at the end would be), or the next after it that no
/// name of the form "Step N" or "Paso N" (`word` in either language) uses.
fn numbered<'a>(word: Msg, names: impl Iterator<Item = &'a str>, lang: Language) -> String {
    let mut count = 0;
    let mut used = std::collections::HashSet::new();
    for name in names {
        count += 1;
        for l in Language::ALL {
            if let Some(n) = name
                .strip_prefix(word.text(l))
                .and_then(|rest| rest.strip_prefix(' '))
                .and_then(|n| n.parse::<usize>().ok())
            {
                used.insert(n);
            }
        }
    }
    let mut n = count + 1;
    while used.contains(&n) {
        n += 1;
    }
    format!("{} {n}", word.text(lang))
}

/// The name of a new stage of `bp`.
fn stage_name(bp: &Blueprint, lang: Language) -> String {
    numbered(Msg::Stage, bp.stages.iter().map(|s| s.name.as_str()), lang)
}

/// A new step of `bp`, numbered.
pub fn new_step(bp: &Blueprint, lang: Language) -> Step {
    Step {
        id: StepId::generate(),
        name: numbered(Msg::Step, bp.steps().map(|(_, s)| s.name.as_str()), lang),
        duration_min: None,
    }
}

/// A new stage of `bp` with one new step, both numbered.
fn new_stage(bp: &Blueprint, lang: Language) -> Stage {
    Stage {
        id: StageId::generate(),
        name: stage_name(bp, lang),
        steps: vec![new_step(bp, lang)],
    }
}

/// A button that adds a step at the end of a stage.
fn add_step_button(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    stage: &StageId,
    lang: Language,
    actions: &mut Vec<Action>,
) {
    if ui.button(Msg::CmdAddStep.text(lang)).clicked() {
        actions.push(Action::Edit(Edit::AddStep {
            stage: stage.clone(),
            step: new_step(bp, lang),
        }));
        ui.close();
    }
}

/// Adding lanes and stages, showing hidden lanes and optional lines.
pub fn structure_menu(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    lang: Language,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    ui.menu_button(t(Msg::MenuAddLane), |ui| {
        for kind in LaneKind::ALL {
            if ui.button(i18n::lane_kind(kind).text(lang)).clicked() {
                let lane = Lane {
                    id: LaneId::generate(),
                    kind,
                    name: i18n::lane_kind(kind).text(lang).to_owned(),
                    colour: Colour::rgb(0xf1, 0xf3, 0xf5),
                    hidden: false,
                };
                actions.push(Action::Edit(Edit::AddLane(lane)));
                ui.close();
            }
        }
    });
    if ui.button(t(Msg::CmdAddStage)).clicked() {
        actions.push(Action::Edit(Edit::AddStage(new_stage(bp, lang))));
        ui.close();
    }
    for lane in bp.lanes.iter().filter(|l| l.hidden) {
        if ui
            .button(Msg::CmdShowLine.fill(lang, &[&shown_line(&lane.name, LINE_CHARS)]))
            .clicked()
        {
            actions.push(Action::Edit(Edit::SetLaneHidden {
                id: lane.id.clone(),
                hidden: false,
            }));
            ui.close();
        }
    }
    let last = bp.lanes.last().map(|l| l.id.clone());
    for kind in [LineKind::OrderPenetration, LineKind::Implementation] {
        let shown = bp.line(kind).is_some_and(|l| l.shown);
        let mut v = shown;
        if let Some(last) = &last
            && ui
                .checkbox(&mut v, i18n::line_kind(kind).text(lang))
                .clicked()
        {
            let after = bp.line(kind).map_or(last.clone(), |l| l.after_lane.clone());
            actions.push(Action::Edit(Edit::SetLineShown {
                kind,
                shown: v,
                after_lane: after,
            }));
            ui.close();
        }
    }
}
