//! The colours of the diagram, light and dark.

use super::*;

/// Colours of the diagram.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub dark: bool,
    pub background: Rgba,
    pub text: Rgba,
    pub muted: Rgba,
    pub grid: Rgba,
    pub header: Rgba,
    pub card: Rgba,
    pub card_border: Rgba,
    pub line: Rgba,
    pub connector: Rgba,
    pub feedback: Rgba,
    pub met: Rgba,
    pub exceeds: Rgba,
    pub at_risk: Rgba,
    pub missed: Rgba,
    pub not_measured: Rgba,
    pub moment: Rgba,
    pub fail: Rgba,
    pub wait: Rgba,
    /// How much of the lane colour shows in the band (0 = none).
    pub lane_tint: f32,
}

impl Theme {
    /// The print-friendly light theme, the default for export.
    pub const LIGHT: Theme = Theme {
        dark: false,
        background: Rgba::rgb(0xff, 0xff, 0xff),
        text: Rgba::rgb(0x1f, 0x29, 0x33),
        muted: Rgba::rgb(0x61, 0x6e, 0x7c),
        grid: Rgba::rgb(0xd9, 0xdd, 0xe3),
        header: Rgba::rgb(0xf3, 0xf4, 0xf6),
        card: Rgba::rgb(0xff, 0xff, 0xff),
        card_border: Rgba::rgb(0xb8, 0xc0, 0xcc),
        line: Rgba::rgb(0x3e, 0x4c, 0x59),
        connector: Rgba::rgb(0x52, 0x60, 0x6d),
        feedback: Rgba::rgb(0xb4, 0x4d, 0x12),
        met: Rgba::rgb(0x1a, 0x7f, 0x37),
        exceeds: Rgba::rgb(0x0b, 0x6e, 0x8a),
        at_risk: Rgba::rgb(0xbf, 0x87, 0x00),
        missed: Rgba::rgb(0xcf, 0x22, 0x2e),
        not_measured: Rgba::rgb(0x8c, 0x95, 0x9f),
        moment: Rgba::rgb(0xd9, 0x8e, 0x04),
        fail: Rgba::rgb(0xcf, 0x22, 0x2e),
        wait: Rgba::rgb(0x09, 0x69, 0xda),
        lane_tint: 1.0,
    };

    /// A dark theme for the screen.
    pub const DARK: Theme = Theme {
        dark: true,
        background: Rgba::rgb(0x16, 0x1b, 0x22),
        text: Rgba::rgb(0xe6, 0xed, 0xf3),
        muted: Rgba::rgb(0x9d, 0xa7, 0xb3),
        grid: Rgba::rgb(0x30, 0x36, 0x3d),
        header: Rgba::rgb(0x21, 0x26, 0x2d),
        card: Rgba::rgb(0x22, 0x27, 0x2e),
        card_border: Rgba::rgb(0x48, 0x4f, 0x58),
        line: Rgba::rgb(0xc9, 0xd1, 0xd9),
        connector: Rgba::rgb(0x8b, 0x94, 0x9e),
        feedback: Rgba::rgb(0xf0, 0x88, 0x3e),
        met: Rgba::rgb(0x3f, 0xb9, 0x50),
        exceeds: Rgba::rgb(0x39, 0xc5, 0xcf),
        at_risk: Rgba::rgb(0xd2, 0x99, 0x22),
        missed: Rgba::rgb(0xf8, 0x51, 0x49),
        not_measured: Rgba::rgb(0x8b, 0x94, 0x9e),
        moment: Rgba::rgb(0xe3, 0xb3, 0x41),
        fail: Rgba::rgb(0xf8, 0x51, 0x49),
        wait: Rgba::rgb(0x58, 0xa6, 0xff),
        lane_tint: 0.16,
    };

    pub(super) fn lane_fill(&self, c: Colour) -> Rgba {
        if self.dark {
            self.background.mix(Rgba::from_colour(c), self.lane_tint)
        } else {
            Rgba::from_colour(c)
        }
    }

    /// The colour of a compliance status.
    pub fn compliance(&self, c: Compliance) -> Rgba {
        match c {
            Compliance::Met => self.met,
            Compliance::Exceeds => self.exceeds,
            Compliance::AtRisk => self.at_risk,
            Compliance::Missed => self.missed,
            Compliance::NotMeasured => self.not_measured,
        }
    }
}
