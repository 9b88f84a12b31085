//! lexgap: policy-compliance and legislative gap analysis for migration and refugee protection.
//!
//! The pipeline is load → validate → an immutable [`catalogue::Catalogue`] → [`eval::evaluate`], a pure
//! function of (catalogue, date, hypotheses). Reports are views over the serialisable evaluation.

pub mod author;
pub mod catalogue;
pub mod cli;
pub mod diag;
pub mod eval;
pub mod files;
pub mod graph;
pub mod load;
pub mod model;
pub mod report;
