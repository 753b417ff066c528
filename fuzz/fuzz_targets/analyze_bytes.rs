//! The whole analysis of arbitrary bytes, out to CSV (see `checks.rs`).
#![no_main]

#[allow(dead_code)]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check_analysis(data));
