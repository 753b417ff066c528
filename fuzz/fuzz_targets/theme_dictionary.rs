//! The theme-dictionary parser and matcher on arbitrary text (see `checks.rs`).
#![no_main]

#[allow(dead_code)]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check_dictionary(data));
