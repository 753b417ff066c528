//! Measures: small pure functions of [`crate::counts::Counts`] and of a
//! document's word types. Nothing here sees text; every formula is tested on
//! its own against a worked example. [`measures`] is the one registry of
//! them that reports and batch statistics share.

pub mod diversity;
pub mod measures;
pub mod readability;
