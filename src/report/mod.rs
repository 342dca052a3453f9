//! Data out of and into a blueprint for other tools: the standards as CSV for
//! spreadsheet users, and measured values imported from CSV.

mod csv_io;

pub use csv_io::{ImportReport, SkippedRow, import_measurements, standards_csv};
