//! Frameworks and their behaviours.

#[allow(unused_imports)]
use super::*;
use crate::domain::lifecycle::VersionStatus;
use serde::{Deserialize, Serialize};

// ---- Frameworks -------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrameworkSummary {
    pub id: i32,
    pub version: i32,
    pub name: String,
    /// draft, published or retired.
    pub status: VersionStatus,
    pub published_on: Option<String>,
    pub behaviours: usize,
    pub reviews: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BehaviourView {
    pub id: i32,
    pub cluster_id: i32,
    pub lineage: String,
    pub key: String,
    pub name: String,
    pub definition: String,
    pub positive: Vec<String>,
    pub negative: Vec<String>,
    pub weight: u32,
    pub critical: bool,
    pub anchors: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterView {
    pub id: i32,
    pub name: String,
    pub description: String,
    pub behaviours: Vec<BehaviourView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrameworkView {
    pub id: i32,
    pub version: i32,
    pub name: String,
    pub description: String,
    pub status: VersionStatus,
    pub clusters: Vec<ClusterView>,
}

impl FrameworkView {
    pub fn behaviours(&self) -> impl Iterator<Item = &BehaviourView> {
        self.clusters.iter().flat_map(|c| c.behaviours.iter())
    }
}
