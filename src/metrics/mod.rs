//! Measures: small pure functions of [`crate::counts::Counts`]. Nothing here
//! sees text; every formula is tested on its own against a worked example.

pub mod readability;
