//! The treatment catalogue, the comparison attributes, the glossary and the references.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `content/treatments.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Treatments {
    pub schema: u32,
    pub treatments: Vec<Treatment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Treatment {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub other_names: Vec<String>,
    pub class: String,
    pub route: String,
    pub mechanism: String,
    pub sites: Vec<Site>,
    /// One cell per attribute id.
    pub values: BTreeMap<String, Cell>,
}

/// Drug classes in order of first appearance, each with its treatments in the given order.
pub fn by_class<'a>(
    treatments: impl IntoIterator<Item = &'a Treatment>,
) -> Vec<(String, Vec<&'a Treatment>)> {
    let mut classes: Vec<(String, Vec<&'a Treatment>)> = Vec::new();
    for t in treatments {
        match classes.iter_mut().find(|(c, _)| *c == t.class) {
            Some((_, list)) => list.push(t),
            None => classes.push((t.class.clone(), vec![t])),
        }
    }
    classes
}

/// Where on the pain pathway a treatment acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Site {
    Periphery,
    SpinalCord,
    Brain,
}

impl Site {
    pub const ALL: [Site; 3] = [Site::Periphery, Site::SpinalCord, Site::Brain];

    pub fn label(self) -> &'static str {
        match self {
            Site::Periphery => "Periphery (nerves and tissues)",
            Site::SpinalCord => "Spinal cord (dorsal horn)",
            Site::Brain => "Brain",
        }
    }
}

/// One comparison cell: what Pathways says about one attribute of one treatment, why, and the
/// sources behind it.
///
/// Most cells hold a value and leave `state` out. A cell without a value says why in `state`,
/// so a gap in Pathways' own work never reads like a finding about the treatment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    #[serde(default, skip_serializing_if = "CellState::is_established")]
    pub state: CellState,
    /// Only for [`CellState::Established`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<CellValue>,
    pub note: String,
    #[serde(default)]
    pub refs: Vec<String>,
    /// Set when the value is the editors' judgement rather than something a source states: one
    /// sentence giving its basis, shown with the cell's details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editorial: Option<String>,
}

/// Why a cell does or does not hold a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CellState {
    /// The cell holds a value, backed by its sources or by the editors' stated basis.
    #[default]
    Established,
    /// The evidence does not establish this; the cell's sources say so.
    NotEstablished,
    /// The attribute does not fit this treatment (a treatment that is not a medicine has no
    /// drug dependence).
    DoesNotApply,
    /// Pathways has not yet checked this against a source: a gap in our work, not a finding.
    NotReviewed,
}

impl CellState {
    pub const ALL: [CellState; 4] = [
        CellState::Established,
        CellState::NotEstablished,
        CellState::DoesNotApply,
        CellState::NotReviewed,
    ];

    pub fn is_established(&self) -> bool {
        *self == CellState::Established
    }

    /// The id used in the JSON (`not-reviewed`).
    pub fn id(self) -> &'static str {
        match self {
            CellState::Established => "established",
            CellState::NotEstablished => "not-established",
            CellState::DoesNotApply => "does-not-apply",
            CellState::NotReviewed => "not-reviewed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CellValue {
    Number(f64),
    Text(String),
}

/// `content/attributes.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attributes {
    pub schema: u32,
    pub attributes: Vec<Attribute>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    pub id: String,
    pub label: String,
    pub group: Group,
    pub kind: AttributeKind,
    /// Ordered levels, for `ordinal` attributes only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<String>,
    /// Unit, for `number` attributes only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Better::is_none")]
    pub better: Better,
    pub description: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttributeKind {
    Ordinal,
    Number,
    Category,
    Text,
}

/// Which end of an ordinal scale (first level) or a number (smaller) is better for the patient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    Low,
    High,
    #[default]
    None,
}

impl Better {
    pub fn is_none(&self) -> bool {
        *self == Better::None
    }
}

/// Comparison row groups, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    Mechanism,
    OnsetDuration,
    ToleranceDependence,
    MoodFunction,
    SettingMonitoring,
    SideEffects,
    SeriousRisks,
    Evidence,
    Guideline,
}

impl Group {
    pub const ALL: [Group; 9] = [
        Group::Mechanism,
        Group::OnsetDuration,
        Group::ToleranceDependence,
        Group::MoodFunction,
        Group::SettingMonitoring,
        Group::SideEffects,
        Group::SeriousRisks,
        Group::Evidence,
        Group::Guideline,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Group::Mechanism => "Mechanism",
            Group::OnsetDuration => "Onset and duration",
            Group::ToleranceDependence => "Tolerance and dependence",
            Group::MoodFunction => "Mood and function",
            Group::SettingMonitoring => "Setting and monitoring",
            Group::SideEffects => "Common side effects",
            Group::SeriousRisks => "Serious risks",
            Group::Evidence => "Evidence for chronic pain",
            Group::Guideline => "Guideline position",
        }
    }

    /// The short id used in URLs and JSON (`onset-duration`).
    pub fn id(self) -> &'static str {
        match self {
            Group::Mechanism => "mechanism",
            Group::OnsetDuration => "onset-duration",
            Group::ToleranceDependence => "tolerance-dependence",
            Group::MoodFunction => "mood-function",
            Group::SettingMonitoring => "setting-monitoring",
            Group::SideEffects => "side-effects",
            Group::SeriousRisks => "serious-risks",
            Group::Evidence => "evidence",
            Group::Guideline => "guideline",
        }
    }

    pub fn from_id(id: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.id() == id)
    }
}

/// `content/glossary.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Glossary {
    pub schema: u32,
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub id: String,
    pub term: String,
    pub definition: String,
}

/// `content/references.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct References {
    pub schema: u32,
    pub references: Vec<Reference>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub id: String,
    pub citation: String,
    pub doi: Option<String>,
    pub url: Option<String>,
    pub pmid: Option<String>,
}

impl Reference {
    /// Where a reader can find the source: the DOI resolver if there is a DOI, else its URL.
    pub fn link(&self) -> Option<String> {
        match (&self.doi, &self.url) {
            (Some(doi), _) => Some(format!("https://doi.org/{doi}")),
            (None, Some(url)) => Some(url.clone()),
            (None, None) => None,
        }
    }
}
