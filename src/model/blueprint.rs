//! The blueprint document: lanes and lines, stages and steps, touchpoints,
//! connectors and standards. Plain data, no UI types and no I/O.

use super::action::ImprovementAction;
use super::conflict::Conflict;
use super::fail::FailPoint;
use super::ids::{ConnectorId, LaneId, NoteId, StageId, StepId, TouchpointId};
use super::photo::{Photo, PhotoUse};
use super::standard::Standard;
use super::values::Colour;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The language a document or a user interface speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    En,
    Es,
}

impl Language {
    /// Every supported language.
    pub const ALL: [Language; 2] = [Language::En, Language::Es];

    /// The ISO 639-1 code: `en`, `es`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
        }
    }

    /// The language of an ISO 639-1 code or a locale such as `es_ES.UTF-8`.
    pub fn from_code(code: &str) -> Option<Self> {
        let lower = code.to_ascii_lowercase();
        if lower.starts_with("es") {
            Some(Language::Es)
        } else if lower.starts_with("en") {
            Some(Language::En)
        } else {
            None
        }
    }
}

/// How much contact the organisation has with its customers. The higher the
/// contact, the more lanes and moments of truth a blueprint has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContactLevel {
    High,
    #[default]
    Medium,
    Low,
}

/// A service blueprint: one service cycle drawn as lanes crossed by steps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Blueprint {
    /// The service this blueprint describes, e.g. "Hotel stay".
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The language the blueprint is written in.
    #[serde(default)]
    pub language: Language,
    #[serde(default)]
    pub contact_level: ContactLevel,
    /// Stages in time order, each holding its steps in time order.
    #[serde(default)]
    pub stages: Vec<Stage>,
    /// Lanes from top to bottom.
    #[serde(default)]
    pub lanes: Vec<Lane>,
    /// The lines drawn between lanes.
    #[serde(default)]
    pub lines: Vec<Line>,
    #[serde(default)]
    pub touchpoints: Vec<Touchpoint>,
    #[serde(default)]
    pub connectors: Vec<Connector>,
    #[serde(default)]
    pub standards: Vec<Standard>,
    /// Ids of health-check rules switched off for this blueprint.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disabled_rules: Vec<String>,
    /// Sticky notes captured in a workshop, pinned to cells.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Whether the customer's-feeling chart is drawn under the diagram (on
    /// the canvas and in every export). Format version 5.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub emotion_curve: bool,
    /// Improvement actions: what will be done where the service fails or
    /// misses a standard. Format version 7.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ImprovementAction>,
    /// What a merge left for the user to resolve: our value is in the
    /// document, theirs is kept here. Format version 7.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// Photos of physical evidence, each stored once however many
    /// touchpoints show it ([`Touchpoint::photos`]). Format version 8.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = super::limits::PHOTOS))]
    pub photos: Vec<Photo>,
}

impl Default for Blueprint {
    fn default() -> Self {
        Self {
            title: String::new(),
            description: String::new(),
            language: Language::default(),
            contact_level: ContactLevel::default(),
            stages: Vec::new(),
            lanes: Vec::new(),
            lines: Vec::new(),
            touchpoints: Vec::new(),
            connectors: Vec::new(),
            standards: Vec::new(),
            disabled_rules: Vec::new(),
            notes: Vec::new(),
            emotion_curve: true,
            actions: Vec::new(),
            conflicts: Vec::new(),
            photos: Vec::new(),
        }
    }
}

/// The colour of a sticky note.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoteColour {
    #[default]
    Yellow,
    Pink,
    Green,
    Blue,
}

impl NoteColour {
    /// Every colour.
    pub const ALL: [NoteColour; 4] = [
        NoteColour::Yellow,
        NoteColour::Pink,
        NoteColour::Green,
        NoteColour::Blue,
    ];
}

/// A point on the diagram, in diagram units (a card is 176 wide) from its
/// top-left corner.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    /// A point from layout coordinates, in whole units and never left of or
    /// above the diagram's corner.
    pub fn rounded(x: f32, y: f32) -> Self {
        Self {
            x: f64::from(x.max(0.0)).round(),
            y: f64::from(y.max(0.0)).round(),
        }
    }
}

/// A sticky note: an idea captured in a workshop. A note is either pinned to
/// a cell (`lane` and `step`), where it is laid out with the cell's cards, or
/// loose (`at`), lying wherever it was put.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: NoteId,
    /// The lane of a pinned note's cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lane: Option<LaneId>,
    /// The step of a pinned note's cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<StepId>,
    /// Where a loose note's top-left corner lies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Point>,
    pub text: String,
    #[serde(default)]
    pub colour: NoteColour,
    /// Dots the group gave it in a vote.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub votes: u32,
}

impl Note {
    /// A note pinned to a cell.
    pub fn pinned(lane: LaneId, step: StepId, text: String, colour: NoteColour) -> Self {
        Self {
            id: NoteId::generate(),
            lane: Some(lane),
            step: Some(step),
            at: None,
            text,
            colour,
            votes: 0,
        }
    }

    /// A loose note with its top-left corner at a point.
    pub fn loose(at: Point, text: String, colour: NoteColour) -> Self {
        Self {
            id: NoteId::generate(),
            lane: None,
            step: None,
            at: Some(at),
            text,
            colour,
            votes: 0,
        }
    }

    /// The cell of a pinned note.
    pub fn cell(&self) -> Option<(&LaneId, &StepId)> {
        match (&self.lane, &self.step) {
            (Some(l), Some(s)) if self.at.is_none() => Some((l, s)),
            _ => None,
        }
    }

    /// Pins the note to a cell.
    pub fn pin(&mut self, lane: LaneId, step: StepId) {
        self.lane = Some(lane);
        self.step = Some(step);
        self.at = None;
    }

    /// Makes the note loose, its corner at a point.
    pub fn unpin(&mut self, at: Point) {
        self.lane = None;
        self.step = None;
        self.at = Some(at);
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A group of steps, such as Arrival, Check-in, Stay, Check-out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
    /// Steps of this stage in time order.
    #[serde(default)]
    pub steps: Vec<Step>,
}

/// One column of the blueprint: a moment in the service cycle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: StepId,
    pub name: String,
    /// How long the step takes the customer, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_min: Option<f64>,
}

/// What a lane holds, in the words of the servuction model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LaneKind {
    /// The customer's own actions.
    Customer,
    /// Contact personnel the customer meets (onstage).
    ContactPersonnel,
    /// Contact personnel's work out of the customer's sight (backstage).
    ContactBackstage,
    /// Physical support (physical evidence): premises, forms, screens.
    PhysicalSupport,
    /// Back office, the invisible organisation and support processes.
    BackOffice,
    /// Other customers present at the same time.
    OtherCustomers,
    /// A lane of the user's own.
    Custom,
}

impl LaneKind {
    /// Every kind, in the order of a classic blueprint.
    pub const ALL: [LaneKind; 7] = [
        LaneKind::PhysicalSupport,
        LaneKind::Customer,
        LaneKind::OtherCustomers,
        LaneKind::ContactPersonnel,
        LaneKind::ContactBackstage,
        LaneKind::BackOffice,
        LaneKind::Custom,
    ];

    /// Whether the customer sees what happens in lanes of this kind.
    pub fn is_visible_to_customer(self) -> bool {
        matches!(
            self,
            LaneKind::Customer
                | LaneKind::ContactPersonnel
                | LaneKind::PhysicalSupport
                | LaneKind::OtherCustomers
        )
    }
}

/// A horizontal band of the blueprint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    pub id: LaneId,
    pub kind: LaneKind,
    pub name: String,
    pub colour: Colour,
    /// A hidden lane keeps its touchpoints but is not drawn.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
}

/// The lines that separate lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Between the customer and contact personnel.
    Interaction,
    /// Between what the customer sees and what it does not.
    Visibility,
    /// Between contact staff and support processes.
    InternalInteraction,
    /// Between customer-induced and customer-independent activities (optional).
    OrderPenetration,
    /// Between preparation and management activities (optional).
    Implementation,
}

impl LineKind {
    /// Every kind, from top to bottom as they usually appear.
    pub const ALL: [LineKind; 5] = [
        LineKind::Interaction,
        LineKind::Visibility,
        LineKind::InternalInteraction,
        LineKind::OrderPenetration,
        LineKind::Implementation,
    ];

    /// Whether a blueprint may leave this line out or hide it.
    pub fn is_optional(self) -> bool {
        matches!(self, LineKind::OrderPenetration | LineKind::Implementation)
    }
}

/// A line drawn under one lane, between it and the next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub kind: LineKind,
    /// The lane above the line.
    pub after_lane: LaneId,
    /// Optional lines can be hidden; the three lines of the method are always shown.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub shown: bool,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// Whether a touchpoint is a moment of truth, and how decisive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MomentOfTruth {
    #[default]
    None,
    /// The customer forms an opinion of the organisation here.
    Moment,
    /// A decisive moment of truth, such as check-in and check-out in a hotel.
    Critical,
}

impl MomentOfTruth {
    fn is_none(&self) -> bool {
        *self == MomentOfTruth::None
    }
}

/// How sure we are that a touchpoint happens as drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// Seen happen in the service as it is.
    #[default]
    Observed,
    /// Believed to happen, not yet observed.
    Assumed,
    /// A change being designed.
    Proposed,
}

/// A card in one lane at one step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Touchpoint {
    pub id: TouchpointId,
    pub lane: LaneId,
    pub step: StepId,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "MomentOfTruth::is_none")]
    pub moment_of_truth: MomentOfTruth,
    /// Where the service is likely to go wrong: what goes wrong, what
    /// prevents it, how staff recover. `None` where it is not a fail point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_point: Option<Box<FailPoint>>,
    /// Where the customer waits.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub wait_point: bool,
    /// The wait the customer should expect here, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_wait_min: Option<f64>,
    /// Who is responsible for this touchpoint.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// How long the touchpoint takes, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_min: Option<f64>,
    /// The customer's feeling here, from -2 (very bad) to +2 (very good).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feeling: Option<i8>,
    #[serde(default)]
    pub evidence: Evidence,
    /// The service protocol staff follow here: a reference or a link.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub protocol: String,
    /// Dots the group gave it in a vote.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub votes: u32,
    /// Photos of what the customer sees and touches here, in the order
    /// shown. Format version 8.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = super::limits::PHOTOS_PER_TOUCHPOINT))]
    pub photos: Vec<PhotoUse>,
}

impl Touchpoint {
    /// Whether the service is likely to go wrong here.
    pub fn is_fail_point(&self) -> bool {
        self.fail_point.is_some()
    }

    /// A new touchpoint with a fresh id and nothing but its place and title.
    pub fn new(lane: LaneId, step: StepId, title: impl Into<String>) -> Self {
        Self {
            id: TouchpointId::generate(),
            lane,
            step,
            title: title.into(),
            description: String::new(),
            moment_of_truth: MomentOfTruth::None,
            fail_point: None,
            wait_point: false,
            expected_wait_min: None,
            owner: String::new(),
            duration_min: None,
            feeling: None,
            evidence: Evidence::default(),
            protocol: String::new(),
            votes: 0,
            photos: Vec::new(),
        }
    }
}

/// What a connector means.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConnectorKind {
    /// The service moves on from one touchpoint to the next.
    #[default]
    Flow,
    /// One touchpoint needs the other to happen.
    Dependency,
    /// Feedback or rework: the flow goes back to recover.
    Feedback,
}

/// An arrow from one touchpoint to another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Connector {
    pub id: ConnectorId,
    pub from: TouchpointId,
    pub to: TouchpointId,
    #[serde(default)]
    pub kind: ConnectorKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}

impl Blueprint {
    /// All steps in time order, with the stage each belongs to.
    pub fn steps(&self) -> impl Iterator<Item = (&Stage, &Step)> {
        self.stages
            .iter()
            .flat_map(|stage| stage.steps.iter().map(move |step| (stage, step)))
    }

    /// The position of a step in time order.
    pub fn step_index(&self, id: &StepId) -> Option<usize> {
        self.steps().position(|(_, s)| &s.id == id)
    }

    /// The position of a lane from the top.
    pub fn lane_index(&self, id: &LaneId) -> Option<usize> {
        self.lanes.iter().position(|l| &l.id == id)
    }

    /// The lane with this id.
    pub fn lane(&self, id: &LaneId) -> Option<&Lane> {
        self.lanes.iter().find(|l| &l.id == id)
    }

    /// The touchpoint with this id.
    pub fn touchpoint(&self, id: &TouchpointId) -> Option<&Touchpoint> {
        self.touchpoints.iter().find(|t| &t.id == id)
    }

    /// The touchpoint with this id, to change.
    pub fn touchpoint_mut(&mut self, id: &TouchpointId) -> Option<&mut Touchpoint> {
        self.touchpoints.iter_mut().find(|t| &t.id == id)
    }

    /// The standards a touchpoint must meet.
    pub fn standards_of<'a>(
        &'a self,
        touchpoint: &'a TouchpointId,
    ) -> impl Iterator<Item = &'a Standard> + 'a {
        self.standards
            .iter()
            .filter(move |s| &s.touchpoint == touchpoint)
    }

    /// The line of this kind, if the blueprint has it.
    pub fn line(&self, kind: LineKind) -> Option<&Line> {
        self.lines.iter().find(|l| l.kind == kind)
    }
}
