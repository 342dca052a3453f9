//! The standards in the inspector: the selected touchpoint's, each
//! editable with its measured values, and every standard of the blueprint.

use super::levels::level_rows;
use super::trend;
use super::{Inspector, Sort, label};
use crate::app::Action;
use crate::app::fields;
use crate::edit::Edit;
use crate::i18n::{self, Msg};
use crate::model::*;
use crate::shown::{LINE_CHARS, shown, shown_line};
use egui_extras::{Column, TableBuilder};
use std::borrow::Cow;

/// How many of a standard's latest measured values are listed.
const SHOWN_VALUES: usize = 12;

pub fn standards_of(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    version: (u64, u64),
    tp: &Touchpoint,
    lang: Language,
    st: &mut Inspector,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    ui.heading(t(Msg::Standards));
    standards_table(ui, bp, tp, lang);
    for s in bp.standards_of(&tp.id) {
        // Copied only when a field changes (a standard may hold a million
        // measured values).
        let mut e = Cow::Borrowed(s);
        egui::CollapsingHeader::new(format!(
            "{} — {}",
            shown_line(&s.statement, LINE_CHARS),
            i18n::compliance(s.compliance()).text(lang)
        ))
        .id_salt(("std", s.id.as_str()))
        .default_open(bp.standards_of(&tp.id).count() == 1)
        .show(ui, |ui| {
            standard_fields(ui, &mut e, lang);
            // The latest measured values, oldest first, and a new one.
            let (before, latest) = st.histories.of(s, version);
            let shown = &latest[latest.len().saturating_sub(SHOWN_VALUES)..];
            let values: Vec<String> = shown
                .iter()
                .map(|m| format!("{}: {}", m.date, i18n::decimal(m.value, 3, lang)))
                .collect();
            if !values.is_empty() {
                trend::chart(ui, s, latest, lang);
                let earlier = before + latest.len() - shown.len();
                let more = if earlier > 0 {
                    format!("(+{}) ", i18n::count(earlier, lang))
                } else {
                    String::new()
                };
                ui.label(format!("{more}{}", values.join(" · ")));
            }
            // The date a value is measured on is most often today.
            let (date, value) = st
                .new_value
                .entry(s.id.clone())
                .or_insert_with(|| (Date::today().to_string(), String::new()));
            ui.horizontal(|ui| {
                let l = label(ui, t(Msg::FieldDate));
                ui.add(
                    egui::TextEdit::singleline(date)
                        .hint_text(t(Msg::DateHint))
                        .desired_width(90.0),
                )
                .labelled_by(l);
                let l = label(ui, t(Msg::FieldValue));
                ui.add(egui::TextEdit::singleline(value).desired_width(60.0))
                    .labelled_by(l);
                if ui.button(t(Msg::AddMeasurement)).clicked() {
                    match (
                        date.trim().parse::<Date>(),
                        i18n::parse_decimal(value, lang).ok_or(()),
                    ) {
                        (Ok(d), Ok(v)) if v.is_finite() => {
                            actions.push(Action::Edit(Edit::AddMeasurement {
                                standard: s.id.clone(),
                                measurement: Measurement { date: d, value: v },
                            }));
                            value.clear();
                            st.error = None;
                        }
                        (Err(_), _) => st.error = Some(t(Msg::BadDate).to_owned()),
                        _ => st.error = Some(t(Msg::BadNumber).to_owned()),
                    }
                }
            });
            if ui.button(t(Msg::CmdDelete)).clicked() {
                actions.push(Action::Edit(Edit::DeleteStandard(s.id.clone())));
            }
        });
        if let Cow::Owned(e) = e
            && e != *s
        {
            actions.push(Action::Typing(Edit::SetStandard(e)));
        }
    }
    if let Some(err) = &st.error {
        ui.colored_label(ui.visuals().error_fg_color, err);
    }
    if ui.button(t(Msg::AddStandard)).clicked() {
        actions.push(Action::Edit(Edit::AddStandard(Standard::new(
            tp.id.clone(),
            t(Msg::NewStandard),
        ))));
    }
}

/// A standard's fields; a change copies the standard (once) into `e`.
fn standard_fields(ui: &mut egui::Ui, e: &mut Cow<'_, Standard>, lang: Language) {
    let t = |m: Msg| m.text(lang);
    let id = e.id.clone();
    let text_field = |ui: &mut egui::Ui,
                      e: &mut Cow<'_, Standard>,
                      m: Msg,
                      field: fn(&mut Standard) -> &mut String| {
        let l = label(ui, t(m));
        let current: &str = match m {
            Msg::FieldStatement => &e.statement,
            Msg::Indicator => &e.indicator,
            Msg::FieldUnit => &e.unit,
            _ => &e.owner,
        };
        let (r, new) = fields::line(ui, current, None, 200.0, lang);
        r.labelled_by(l);
        if let Some(new) = new {
            *field(e.to_mut()) = new;
        }
        ui.end_row();
    };
    let (mut direction, mut target, mut tolerance, mut method) =
        (e.direction, e.target, e.tolerance, e.method);
    egui::Grid::new(("std-grid", id.as_str()))
        .num_columns(2)
        .show(ui, |ui| {
            text_field(ui, e, Msg::FieldStatement, |s| &mut s.statement);
            text_field(ui, e, Msg::Indicator, |s| &mut s.indicator);
            text_field(ui, e, Msg::FieldUnit, |s| &mut s.unit);
            let l = label(ui, t(Msg::FieldDirection));
            egui::ComboBox::from_id_salt(("dir", id.as_str()))
                .selected_text(i18n::direction(direction).text(lang))
                .show_ui(ui, |ui| {
                    for d in [Direction::HigherIsBetter, Direction::LowerIsBetter] {
                        ui.selectable_value(&mut direction, d, i18n::direction(d).text(lang));
                    }
                })
                .response
                .labelled_by(l);
            ui.end_row();
            level_rows(ui, direction, &mut target, &mut tolerance, lang);
            let l = label(ui, t(Msg::MeasurementMethod));
            let current = method.map_or("—", |m| i18n::method(m).text(lang));
            egui::ComboBox::from_id_salt(("method", id.as_str()))
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for m in MeasurementMethod::ALL {
                        ui.selectable_value(&mut method, Some(m), i18n::method(m).text(lang));
                    }
                })
                .response
                .labelled_by(l);
            ui.end_row();
            text_field(ui, e, Msg::FieldOwner, |s| &mut s.owner);
        });
    if (direction, target, tolerance, method) != (e.direction, e.target, e.tolerance, e.method) {
        let e = e.to_mut();
        (e.direction, e.target, e.tolerance, e.method) = (direction, target, tolerance, method);
    }
}

/// Every standard of the blueprint, filterable by status, sortable; a click
/// selects the standard's touchpoint.
pub fn all_standards(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    version: (u64, u64),
    lang: Language,
    st: &mut Inspector,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    ui.heading(t(Msg::AllStandards));
    // Wrapped: five states and "All" are wider than a narrow panel.
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(&mut st.filter, None, t(Msg::FilterAll));
        for c in Compliance::ALL {
            ui.selectable_value(&mut st.filter, Some(c), i18n::compliance(c).text(lang));
        }
    });
    let lane_name = st
        .lane_filter
        .as_ref()
        .and_then(|id| bp.lane(id))
        .map_or(t(Msg::FilterAllLanes), |l| l.name.as_str());
    let lane_name = shown_line(lane_name, LINE_CHARS);
    let l = ui.label(t(Msg::Lane)).id;
    egui::ComboBox::from_id_salt("lane-filter")
        .selected_text(lane_name)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut st.lane_filter, None, t(Msg::FilterAllLanes));
            for lane in &bp.lanes {
                let name = shown_line(&lane.name, LINE_CHARS);
                ui.selectable_value(&mut st.lane_filter, Some(lane.id.clone()), name);
            }
        })
        .response
        .labelled_by(l);
    // Filtered and sorted once per revision of the document and choice of
    // filters and order, not every frame.
    let key = RowsKey {
        version,
        filter: st.filter,
        lane: st.lane_filter.clone(),
        sort: st.sort,
    };
    if st.rows.as_ref().is_none_or(|(k, _)| *k != key) {
        st.rows = Some((key, table_rows(bp, st)));
    }
    let rows: Vec<&Standard> = match &st.rows {
        Some((_, rows)) => rows.iter().filter_map(|&i| bp.standards.get(i)).collect(),
        None => Vec::new(),
    };
    let mut header = |ui: &mut egui::Ui, text: &str, sort: Sort| {
        let mark = if st.sort == sort { " *" } else { "" };
        if ui.button(format!("{text}{mark}")).clicked() {
            st.sort = if st.sort == sort {
                Sort::Document
            } else {
                sort
            };
        }
    };
    // Scrolled sideways rather than widening the panel.
    egui::ScrollArea::horizontal()
        .id_salt("all-standards-scroll")
        .show(ui, |ui| {
            all_standards_table(ui, &rows, lang, &mut header, actions)
        });
}

/// The table of all standards: `rows` as filtered and sorted, `header` a
/// column's heading that sorts by it.
fn all_standards_table(
    ui: &mut egui::Ui,
    rows: &[&Standard],
    lang: Language,
    header: &mut dyn FnMut(&mut egui::Ui, &str, Sort),
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    TableBuilder::new(ui)
        .id_salt("all-standards")
        .striped(true)
        // The state first, then the figures: what a narrow panel cuts off
        // (it scrolls sideways) is the levels.
        .column(Column::remainder().at_least(80.0).clip(true))
        .column(Column::auto().at_least(60.0))
        .column(Column::auto().at_least(60.0))
        .columns(Column::auto().at_least(40.0), 2)
        .header(20.0, |mut h| {
            h.col(|ui| header(ui, t(Msg::Standard), Sort::Statement));
            h.col(|ui| header(ui, t(Msg::ReportStatus), Sort::Status));
            h.col(|ui| header(ui, t(Msg::FieldLatest), Sort::Latest));
            for (short, full) in [
                (Msg::DesiredShort, Msg::Target),
                (Msg::AdequateShort, Msg::AdequateLevel),
            ] {
                h.col(|ui| {
                    // On one line: the column is as wide as its figures.
                    let head = egui::RichText::new(t(short)).strong();
                    ui.add(egui::Label::new(head).extend())
                        .on_hover_text(t(full));
                });
            }
        })
        .body(|body| {
            // Only the rows on screen are built, however many standards there are.
            body.rows(20.0, rows.len(), |mut row| {
                let s = rows[row.index()];
                row.col(|ui| {
                    if ui.link(shown_line(&s.statement, LINE_CHARS)).clicked() {
                        actions.push(Action::Show(s.touchpoint.clone()));
                    }
                });
                row.col(|ui| {
                    let c = s.compliance();
                    let text = egui::RichText::new(i18n::compliance(c).text(lang))
                        .color(trend::compliance_colour(ui, c));
                    ui.add(egui::Label::new(text).extend());
                });
                row.col(|ui| {
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
                    // On one line: a row is one line high ("4,7 puntos").
                    ui.add(egui::Label::new(latest).extend());
                });
                let zone = s.zone();
                let default = zone.is_some_and(|z| z.default_width);
                for (level, default) in [
                    (zone.map(|z| z.desired), false),
                    (zone.map(|z| z.adequate), default),
                ] {
                    row.col(|ui| {
                        ui.add(egui::Label::new(level_text(level, default, lang)).extend());
                    });
                }
            });
        });
}

/// What the rows of the table of all standards depend on.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct RowsKey {
    version: (u64, u64),
    filter: Option<Compliance>,
    lane: Option<LaneId>,
    sort: Sort,
}

/// The standards the table lists (by index), filtered and sorted: each
/// standard's lane found through a table of the touchpoints' lanes.
fn table_rows(bp: &Blueprint, st: &Inspector) -> Vec<usize> {
    let lanes: std::collections::HashMap<&TouchpointId, &LaneId> = if st.lane_filter.is_some() {
        bp.touchpoints.iter().map(|t| (&t.id, &t.lane)).collect()
    } else {
        Default::default()
    };
    let mut rows: Vec<usize> = (0..bp.standards.len())
        .filter(|&i| {
            let s = &bp.standards[i];
            st.filter.is_none_or(|f| s.compliance() == f)
                && st
                    .lane_filter
                    .as_ref()
                    .is_none_or(|lane| lanes.get(&s.touchpoint) == Some(&lane))
        })
        .collect();
    let s = |i: &usize| &bp.standards[*i];
    match st.sort {
        Sort::Document => {}
        Sort::Statement => {
            rows.sort_by_cached_key(|i| shown(&s(i).statement, LINE_CHARS).to_lowercase())
        }
        Sort::Latest => rows.sort_by_cached_key(|i| {
            let v = s(i).latest().map_or(f64::NEG_INFINITY, |m| m.value);
            // Ordered as floats are (total order).
            let bits = v.to_bits() as i64;
            bits ^ (((bits >> 63) as u64) >> 1) as i64
        }),
        Sort::Status => rows.sort_by_cached_key(|i| s(i).compliance()),
    }
    rows
}

/// The touchpoint's standards at a glance, one row each; they are edited in
/// the sections below the table.
fn standards_table(ui: &mut egui::Ui, bp: &Blueprint, tp: &Touchpoint, lang: Language) {
    let rows: Vec<&Standard> = bp.standards_of(&tp.id).collect();
    if rows.is_empty() {
        return;
    }
    let t = |m: Msg| m.text(lang);
    let num = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| i18n::decimal(v, 3, lang));
    egui::ScrollArea::horizontal()
        .id_salt("tp-standards-scroll")
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt(("tp-standards", tp.id.as_str()))
                .striped(true);
            for _ in 0..10 {
                table = table.column(Column::auto().at_least(40.0));
            }
            table
                .header(20.0, |mut h| {
                    for m in [
                        Msg::FieldStatement,
                        Msg::Indicator,
                        Msg::FieldUnit,
                        Msg::FieldDirection,
                        Msg::Target,
                        Msg::AdequateLevel,
                        Msg::MeasurementMethod,
                        Msg::FieldOwner,
                        Msg::FieldLatest,
                        Msg::ReportStatus,
                    ] {
                        h.col(|ui| {
                            ui.strong(t(m));
                        });
                    }
                })
                .body(|mut body| {
                    for s in &rows {
                        body.row(20.0, |mut row| {
                            let adequate = s.zone().map(|z| z.adequate);
                            let cells = [
                                shown_line(&s.statement, LINE_CHARS).into_owned(),
                                shown_line(&s.indicator, LINE_CHARS).into_owned(),
                                shown_line(&s.unit, LINE_CHARS).into_owned(),
                                i18n::direction(s.direction).text(lang).to_owned(),
                                num(s.target),
                                level_text(adequate, s.tolerance.is_none(), lang),
                                s.method
                                    .map_or("—", |m| i18n::method(m).text(lang))
                                    .to_owned(),
                                shown_line(&s.owner, LINE_CHARS).into_owned(),
                                s.latest().map_or_else(
                                    || "—".to_owned(),
                                    |m| format!("{} ({})", num(Some(m.value)), m.date),
                                ),
                                i18n::compliance(s.compliance()).text(lang).to_owned(),
                            ];
                            for c in cells {
                                row.col(|ui| {
                                    ui.add(egui::Label::new(c).extend());
                                });
                            }
                        });
                    }
                });
        });
}

/// A level in a table: "—" when there is none, and in parentheses when it is
/// the default adequate level rather than one the standard sets.
fn level_text(level: Option<f64>, default: bool, lang: Language) -> String {
    match level {
        None => "—".to_owned(),
        Some(v) if default => format!("({})", i18n::decimal(v, 3, lang)),
        Some(v) => i18n::decimal(v, 3, lang),
    }
}
