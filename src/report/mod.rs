//! Data out of and into a blueprint for other tools: the standards as CSV for
//! spreadsheet users, measured values imported from CSV, and a printable
//! HTML report.

mod csv_actions;
mod csv_error;
mod csv_io;
mod csv_text;
mod html;
mod html_actions;
mod html_changes;
mod html_fail;
mod html_photos;
mod html_trend;
mod html_workshop;
mod plan;
pub(crate) mod workshop;

pub use csv_actions::{
    ActionsImport, actions_csv, attachment_id, attachment_kind, import_actions_bytes, status_word,
};
pub use csv_error::{DateError, ImportError, NumberRefusal, Refusal, RowError, SkipReason};
pub use csv_io::{
    CsvFormat, ImportReport, MAX_CSV_BYTES, SkippedRow, import_measurements,
    import_measurements_bytes, read_csv_file, standards_csv,
};
pub use html::{escape, html};
pub use html_changes::{changes_section, with_section};
pub use plan::{PlanItem, action_plan, plan_order};
pub use workshop::{NoteGroup, Voted, Workshop, workshop};
