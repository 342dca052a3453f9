//! The presentation's side panel: the walkthrough's controls, what the stop
//! is about in large type, the title of a touchpoint just added, sticky
//! notes, dot voting, the timer and the laser pointer.

use super::{Presentation, Screen, Stop};
use crate::app::{Action, UiCommand};
use crate::edit::Edit;
use crate::i18n::{self, Msg};
use crate::model::*;
use crate::shown::{LINE_CHARS, shown_line};

/// The text field where a touchpoint added while presenting is named.
pub const TITLE_ID: &str = "present-title";

/// What the panel shows this frame.
pub struct Input<'a> {
    pub bp: &'a Blueprint,
    pub selection: &'a [TouchpointId],
    /// How many stops the walkthrough has.
    pub stops: usize,
    pub stop: Option<&'a Stop>,
    /// The notes the stop shows.
    pub notes: &'a [Note],
    /// Where a new loose note goes.
    pub loose_place: Option<Point>,
    pub screens: &'a [Screen],
    /// A message for the presenter (the status bar is hidden).
    pub notice: Option<&'a str>,
    pub lang: Language,
    pub now: f64,
    /// The document's version, for what is worked out from it once.
    pub version: (u64, u64),
    /// The photos' pictures.
    pub pictures: &'a super::super::photos::Pictures,
}

/// Shows the panel; returns a screen to move the presentation to.
pub fn show(
    ui: &mut egui::Ui,
    p: &mut Presentation,
    input: &Input<'_>,
    actions: &mut Vec<Action>,
) -> Option<usize> {
    projector_style(ui);
    ui.add_space(12.0);
    let move_to = walkthrough(ui, p, input);
    ui.separator();
    stop_info(ui, input.bp, input.stop, input.lang);
    stop_photos(ui, input);
    ui.separator();
    title_field(ui, input, actions);
    if input.stop.is_some() {
        notes(ui, p, input, actions);
    }
    ui.separator();
    voting(ui, p, input, actions);
    ui.separator();
    timer(ui, p, input.lang, input.now);
    ui.checkbox(&mut p.laser, Msg::LaserPointer.text(input.lang));
    ui.add_space(12.0);
    if ui.button(Msg::PresentLeave.text(input.lang)).clicked() {
        actions.push(Action::Command(UiCommand::LeavePresentation));
    }
    move_to
}

/// The photos of the stop's touchpoint, large, each with its caption.
fn stop_photos(ui: &mut egui::Ui, input: &Input<'_>) {
    let Some(Stop::Touchpoint(id)) = input.stop else {
        return;
    };
    let Some(tp) = input.bp.touchpoint(id) else {
        return;
    };
    for (i, u) in tp.photos.iter().enumerate() {
        let photo = input.bp.photos.iter().find(|p| p.id == u.photo);
        let number = i18n::count(i + 1, input.lang);
        let pictures = input.pictures;
        super::super::photos::picture(ui, photo, &u.alt, &number, pictures, input.lang, 360.0);
        if !u.caption.is_empty() {
            ui.label(shown_line(&u.caption, LINE_CHARS));
        }
    }
}

/// Controls big enough to hit and read on a projector.
fn projector_style(ui: &mut egui::Ui) {
    let style = ui.style_mut();
    for (text_style, size) in [
        (egui::TextStyle::Body, 18.0),
        (egui::TextStyle::Button, 18.0),
        (egui::TextStyle::Small, 14.0),
    ] {
        if let Some(font) = style.text_styles.get_mut(&text_style) {
            font.size = size;
        }
    }
    style.spacing.button_padding = egui::vec2(10.0, 5.0);
    style.spacing.item_spacing = egui::vec2(10.0, 8.0);
    style.spacing.interact_size.y = 30.0;
}

/// Stage by stage or moment by moment, the stop, and the screen.
fn walkthrough(ui: &mut egui::Ui, p: &mut Presentation, input: &Input<'_>) -> Option<usize> {
    let lang = input.lang;
    let t = |m: Msg| m.text(lang);
    ui.horizontal(|ui| {
        for (by_moments, m) in [(false, Msg::PresentByStage), (true, Msg::PresentByMoment)] {
            if ui
                .selectable_label(p.by_moments == by_moments, t(m))
                .clicked()
            {
                p.by_moments = by_moments;
                p.stop = 0;
            }
        }
    });
    ui.horizontal(|ui| {
        if ui.button("<").clicked() && p.stop > 0 {
            p.stop -= 1;
        }
        ui.label(Msg::PresentStop.fill(
            lang,
            &[
                &i18n::count(p.stop + 1, lang),
                &i18n::count(input.stops.max(1), lang),
            ],
        ));
        if ui.button(">").clicked() && p.stop + 1 < input.stops {
            p.stop += 1;
        }
    });
    if let Some(text) = input.notice {
        ui.colored_label(ui.visuals().warn_fg_color, shown_line(text, LINE_CHARS));
    }
    // Another screen, while presenting: the projector may be plugged in late.
    let mut move_to = None;
    if input.screens.len() > 1 {
        ui.horizontal(|ui| {
            let l = ui.label(t(Msg::ScreenLabel)).id;
            let current = p
                .screen
                .and_then(|i| input.screens.get(i).map(|s| s.label(i)))
                .unwrap_or_else(|| t(Msg::ScreenOwn).to_owned());
            egui::ComboBox::from_id_salt("present-screen")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for (i, s) in input.screens.iter().enumerate() {
                        if ui
                            .selectable_label(p.screen == Some(i), s.label(i))
                            .clicked()
                        {
                            move_to = Some(i);
                        }
                    }
                })
                .response
                .labelled_by(l);
        });
    }
    move_to
}

/// A touchpoint added (double-click a cell) or clicked while presenting:
/// its title, typed straight away.
fn title_field(ui: &mut egui::Ui, input: &Input<'_>, actions: &mut Vec<Action>) {
    let [id] = input.selection else { return };
    let Some(tp) = input.bp.touchpoint(id) else {
        return;
    };
    ui.horizontal(|ui| {
        let l = ui.label(Msg::FieldTitle.text(input.lang)).id;
        let id = Some(egui::Id::unique(TITLE_ID));
        let (r, title) = crate::app::fields::line(ui, &tp.title, id, 340.0, input.lang);
        r.labelled_by(l);
        if let Some(title) = title {
            let mut edited = tp.clone();
            edited.title = title;
            actions.push(Action::Typing(Edit::SetTouchpoint(edited)));
        }
    });
    ui.separator();
}

/// Sticky notes at this stop, captured as the group speaks.
fn notes(ui: &mut egui::Ui, p: &mut Presentation, input: &Input<'_>, actions: &mut Vec<Action>) {
    let lang = input.lang;
    let t = |m: Msg| m.text(lang);
    ui.horizontal(|ui| {
        if ui
            .button(egui::RichText::new(t(Msg::AddNote)).size(18.0))
            .clicked()
            && let Some((lane, step)) = input.stop.and_then(|s| super::note_cell(input.bp, s))
        {
            let note = Note::pinned(lane, step, String::new(), p.note_colour);
            p.focus_note = Some(note.id.clone());
            actions.push(Action::Edit(Edit::AddNote(note)));
        }
        if ui
            .button(egui::RichText::new(t(Msg::AddLooseNote)).size(18.0))
            .on_hover_text(t(Msg::AddLooseNoteHint))
            .clicked()
            && let Some(at) = input.loose_place
        {
            let note = Note::loose(at, String::new(), p.note_colour);
            p.focus_note = Some(note.id.clone());
            actions.push(Action::Edit(Edit::AddNote(note)));
        }
    });
    ui.horizontal(|ui| {
        for c in NoteColour::ALL {
            ui.selectable_value(&mut p.note_colour, c, super::colour_name(c).text(lang));
        }
    });
    let noted = match &p.noted {
        Some((v, set)) if *v == input.version => std::sync::Arc::clone(set),
        _ => {
            let set: std::collections::HashSet<NoteId> = (input.bp.actions.iter())
                .filter_map(|a| match &a.attached_to {
                    Some(Attachment::Note(n)) => Some(n.clone()),
                    _ => None,
                })
                .collect();
            let set = std::sync::Arc::new(set);
            p.noted = Some((input.version, std::sync::Arc::clone(&set)));
            set
        }
    };
    for note in input.notes {
        ui.horizontal(|ui| {
            let l = ui.label(t(Msg::NoteText)).id;
            let (r, text) = crate::app::fields::block(ui, &note.text, 2, 300.0, lang);
            let r = r.labelled_by(l);
            if p.focus_note.as_ref() == Some(&note.id) {
                r.request_focus();
                p.focus_note = None;
            }
            if let Some(text) = text {
                let mut n = note.clone();
                n.text = text;
                actions.push(Action::Typing(Edit::SetNote(n)));
            }
            if ui.button("x").on_hover_text(t(Msg::DeleteNote)).clicked() {
                actions.push(Action::Edit(Edit::DeleteNote(note.id.clone())));
            }
        });
        make_action(ui, note, noted.contains(&note.id), lang, actions);
    }
}

/// "Make an action" under a note: in one click an open improvement action,
/// attached to the note, its text as what will be done; once made, says so.
fn make_action(
    ui: &mut egui::Ui,
    note: &Note,
    made: bool,
    lang: Language,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    if made {
        ui.weak(t(Msg::NoteActionMade));
        return;
    }
    let written = !note.text.trim().is_empty();
    let button = ui.add_enabled(written, egui::Button::new(t(Msg::NoteMakeAction)));
    let button = if written {
        button.on_hover_text(t(Msg::NoteMakeActionTip))
    } else {
        button.on_disabled_hover_text(t(Msg::NoteMakeActionEmpty))
    };
    if button.clicked() {
        let to = Some(Attachment::Note(note.id.clone()));
        let action = ImprovementAction::new(note.text.trim(), to);
        actions.push(Action::Edit(Edit::AddAction(action)));
    }
}

/// Dot voting: the participants and their dots set when it opens, each
/// participant in turn, the results ranked when it ends, and votes cleared.
fn voting(ui: &mut egui::Ui, p: &mut Presentation, input: &Input<'_>, actions: &mut Vec<Action>) {
    let lang = input.lang;
    let t = |m: Msg| m.text(lang);
    if ui.checkbox(&mut p.voting, t(Msg::DotVoting)).changed() && p.voting {
        p.dots_left = p.dots_per_person;
        p.participant = 1;
        p.results = false;
    }
    let ranked = match &p.ranked {
        Some((v, r)) if *v == input.version => std::sync::Arc::clone(r),
        _ => {
            let r = std::sync::Arc::new(ranked_votes(input.bp));
            p.ranked = Some((input.version, std::sync::Arc::clone(&r)));
            r
        }
    };
    if !p.voting {
        if p.results {
            results(ui, &ranked, lang);
            if ui.button(t(Msg::VoteResultsClose)).clicked() {
                p.results = false;
            }
        } else if !ranked.is_empty() && ui.button(t(Msg::VoteResultsShow)).clicked() {
            p.results = true;
        }
        if !ranked.is_empty() && ui.button(t(Msg::VotesClear)).clicked() {
            actions.push(Action::Edits(clear_votes(input.bp)));
            p.results = false;
        }
        return;
    }
    let first = p.participant <= 1 && p.dots_left == p.dots_per_person;
    ui.horizontal(|ui| {
        let l = ui.label(t(Msg::VoteParticipants)).id;
        ui.add_enabled(
            first,
            egui::DragValue::new(&mut p.participants).range(1..=50),
        )
        .labelled_by(l);
        let l = ui.label(t(Msg::DotsPerPerson)).id;
        let r = ui
            .add_enabled(
                first,
                egui::DragValue::new(&mut p.dots_per_person).range(1..=20),
            )
            .labelled_by(l);
        if r.changed() {
            p.dots_left = p.dots_per_person;
        }
    });
    p.participant = p.participant.clamp(1, p.participants.max(1));
    ui.label(Msg::VoteParticipantOf.fill(
        lang,
        &[
            &i18n::count(p.participant as usize, lang),
            &i18n::count(p.participants as usize, lang),
        ],
    ));
    let last = p.participant >= p.participants;
    let left = match (p.dots_left, last) {
        (0, false) => t(Msg::VoteNoDotsNext).to_owned(),
        (0, true) => t(Msg::VoteEveryoneVoted).to_owned(),
        (n, _) => i18n::Plural::DotsLeft.count(lang, n as usize),
    };
    ui.label(egui::RichText::new(left).size(20.0));
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!last, egui::Button::new(t(Msg::NextParticipant)))
            .clicked()
        {
            p.participant += 1;
            p.dots_left = p.dots_per_person;
        }
        if ui.button(t(Msg::VoteEnd)).clicked() {
            p.voting = false;
            p.results = true;
        }
    });
}

/// The cards and notes with dots, most first (then in the blueprint's
/// order): their name and their dots.
pub fn ranked_votes(bp: &Blueprint) -> Vec<(String, u32)> {
    let mut ranked: Vec<(String, u32)> = bp
        .touchpoints
        .iter()
        .filter(|tp| tp.votes > 0)
        .map(|tp| (shown_line(&tp.title, LINE_CHARS).into_owned(), tp.votes))
        .chain(
            bp.notes
                .iter()
                .filter(|n| n.votes > 0)
                .map(|n| (shown_line(&n.text, LINE_CHARS).into_owned(), n.votes)),
        )
        .collect();
    // Stable: equal counts keep the blueprint's order.
    ranked.sort_by_key(|(_, votes)| std::cmp::Reverse(*votes));
    ranked
}

/// The results, ranked: "1. Title — 5 votes", the first [`RESULTS_SHOWN`]
/// (the report lists them all).
fn results(ui: &mut egui::Ui, ranked: &[(String, u32)], lang: Language) {
    ui.label(egui::RichText::new(Msg::VoteResults.text(lang)).strong());
    for (i, (name, votes)) in ranked.iter().enumerate().take(RESULTS_SHOWN) {
        ui.label(format!(
            "{}. {name} — {}",
            i18n::count(i + 1, lang),
            i18n::Plural::Votes.count(lang, *votes as usize)
        ));
    }
    if ranked.len() > RESULTS_SHOWN {
        ui.label(i18n::Plural::MoreResults.count(lang, ranked.len() - RESULTS_SHOWN));
    }
}

/// The most results the panel lists.
const RESULTS_SHOWN: usize = 20;

/// The edits that take every dot back: one undo step.
fn clear_votes(bp: &Blueprint) -> Vec<Edit> {
    let dots = |v: u32| -(i32::try_from(v).unwrap_or(i32::MAX));
    bp.touchpoints
        .iter()
        .filter(|tp| tp.votes > 0)
        .map(|tp| Edit::VoteTouchpoint {
            id: tp.id.clone(),
            dots: dots(tp.votes),
        })
        .chain(
            bp.notes
                .iter()
                .filter(|n| n.votes > 0)
                .map(|n| Edit::VoteNote {
                    id: n.id.clone(),
                    dots: dots(n.votes),
                }),
        )
        .collect()
}

/// The timer, with a visible end signal.
fn timer(ui: &mut egui::Ui, p: &mut Presentation, lang: Language, now: f64) {
    let t = |m: Msg| m.text(lang);
    let left = match (p.timer_end, p.timer_paused) {
        (Some(end), _) => end - now,
        (None, Some(left)) => left,
        (None, None) => p.timer_minutes * 60.0,
    };
    let done = p.timer_end.is_some() && left <= 0.0;
    let colour = if done && (now * 2.0) as i64 % 2 == 0 {
        ui.visuals().warn_fg_color
    } else {
        ui.visuals().strong_text_color()
    };
    ui.label(
        egui::RichText::new(super::clock(left))
            .size(48.0)
            .color(colour),
    );
    if done {
        ui.label(
            egui::RichText::new(t(Msg::TimerDone))
                .size(24.0)
                .color(ui.visuals().warn_fg_color),
        );
    }
    ui.horizontal(|ui| {
        let l = ui.label(t(Msg::TimerMinutes)).id;
        ui.add(
            egui::DragValue::new(&mut p.timer_minutes)
                .range(1.0..=180.0)
                .custom_formatter(move |v, _| i18n::decimal(v, 2, lang))
                .custom_parser(move |s| i18n::parse_decimal(s, lang)),
        )
        .labelled_by(l);
        if p.timer_end.is_some() {
            if ui.button(t(Msg::TimerPause)).clicked() {
                p.timer_paused = Some(left.max(0.0));
                p.timer_end = None;
            }
        } else if ui.button(t(Msg::TimerStart)).clicked() {
            p.timer_end = Some(now + p.timer_paused.take().unwrap_or(p.timer_minutes * 60.0));
        }
        if ui.button(t(Msg::TimerReset)).clicked() {
            p.timer_end = None;
            p.timer_paused = None;
        }
    });
    if p.timer_end.is_some() {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(250));
    }
}

/// What the current stop is about, in large type: a stage's steps and the
/// standards of its touchpoints, or a moment of truth and its standards,
/// each with its target, latest value and status.
fn stop_info(ui: &mut egui::Ui, bp: &Blueprint, stop: Option<&Stop>, lang: Language) {
    let big = |t: &str| {
        egui::RichText::new(shown_line(t, LINE_CHARS))
            .size(34.0)
            .strong()
    };
    let mid = |t: &str| egui::RichText::new(shown_line(t, LINE_CHARS)).size(24.0);
    match stop {
        Some(Stop::Stage(id)) => {
            let Some(stage) = bp.stages.iter().find(|s| &s.id == id) else {
                return;
            };
            ui.label(big(&stage.name));
            // The first steps' names: as many as a line can show.
            let steps: Vec<_> = (stage.steps.iter().take(40))
                .map(|s| shown_line(&s.name, 80))
                .collect();
            ui.label(mid(&steps.join(" · ")));
            ui.add_space(12.0);
            let in_stage: std::collections::HashSet<&StepId> =
                stage.steps.iter().map(|s| &s.id).collect();
            let here: std::collections::HashSet<&TouchpointId> = bp
                .touchpoints
                .iter()
                .filter(|t| in_stage.contains(&t.step))
                .map(|t| &t.id)
                .collect();
            let standards: Vec<&Standard> = bp
                .standards
                .iter()
                .filter(|s| here.contains(&s.touchpoint))
                .collect();
            let met = standards.iter().filter(|s| s.compliance().is_met()).count();
            ui.label(mid(&i18n::standards_met(met, standards.len(), lang)));
            standard_rows(ui, &standards, lang);
        }
        Some(Stop::Touchpoint(id)) => {
            let Some(tp) = bp.touchpoint(id) else { return };
            ui.label(big(&tp.title));
            ui.label(mid(i18n::moment(tp.moment_of_truth).text(lang)));
            ui.add_space(16.0);
            let standards: Vec<&Standard> = bp.standards_of(id).collect();
            if standards.is_empty() {
                ui.label(mid(Msg::TooltipNoStandards.text(lang)));
            }
            standard_rows(ui, &standards, lang);
        }
        None => {
            ui.label(big(&bp.title));
        }
    }
}

/// Standards in large type: the statement, the target, and the latest value
/// with its status in a colour that carries across a room (and its word).
/// At most six, then how many more.
fn standard_rows(ui: &mut egui::Ui, standards: &[&Standard], lang: Language) {
    const SHOWN: usize = 6;
    for s in standards.iter().take(SHOWN) {
        ui.add_space(8.0);
        ui.label(egui::RichText::new(shown_line(&s.statement, LINE_CHARS)).size(22.0));
        if let Some(zone) = s.zone() {
            let op = match s.direction {
                Direction::HigherIsBetter => "≥",
                Direction::LowerIsBetter => "≤",
            };
            let unit = shown_line(&s.unit, 50);
            for (name, v, size) in [
                (Msg::Target, zone.desired, 20.0),
                (Msg::AdequateLevel, zone.adequate, 16.0),
            ] {
                let level = format!("{op} {} {unit}", i18n::decimal(v, 3, lang));
                let text = format!("{}: {}", name.text(lang), level.trim_end());
                ui.label(egui::RichText::new(text).size(size));
            }
        }
        let latest = s.latest().map_or_else(
            || "—".to_owned(),
            |m| {
                format!(
                    "{} {}",
                    i18n::decimal(m.value, 3, lang),
                    shown_line(&s.unit, 50)
                )
            },
        );
        let colour = match s.compliance() {
            Compliance::Met => egui::Color32::from_rgb(0x13, 0x7a, 0x33),
            Compliance::Exceeds => egui::Color32::from_rgb(0x08, 0x5a, 0x72),
            Compliance::AtRisk => egui::Color32::from_rgb(0xa8, 0x5a, 0x00),
            Compliance::Missed => egui::Color32::from_rgb(0xc0, 0x1c, 0x1c),
            Compliance::NotMeasured => ui.visuals().weak_text_color(),
        };
        ui.label(
            egui::RichText::new(format!(
                "{latest} · {}",
                i18n::compliance(s.compliance()).text(lang)
            ))
            .size(26.0)
            .strong()
            .color(colour),
        );
    }
    if standards.len() > SHOWN {
        ui.label(egui::RichText::new(format!("+{}", standards.len() - SHOWN)).size(20.0));
    }
}
