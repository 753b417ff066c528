//! Text stage: words, sentences and syllables. Everything here works on one
//! document's text and knows nothing of files or reports.

mod abbreviations;
mod ascii_segments;
mod glued;
mod line_runs;
mod list_markers;
pub mod numbers;
pub mod paragraphs;
mod period_rules;
pub mod pronouncing;
mod sentence_rules;
pub mod sentences;
pub mod syllables;
pub mod words;

mod word_parts;
mod word_syllables;
pub use word_syllables::{syllables, SyllableSource};
