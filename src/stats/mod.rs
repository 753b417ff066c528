//! Statistics over a batch: keyness of a term in one document or group
//! against a reference ([`keyness`]), and summaries of one metric across the
//! batch ([`summary`]). Pure functions, tested against published examples.

pub mod histogram;
pub mod keyness;
pub mod summary;
