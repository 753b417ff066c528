//! The theme-dictionary parser on arbitrary text, and the matcher on the
//! dictionary's own words: it must load or refuse with a line number, never
//! panic, and matching must never count more matches than words.
#![no_main]

use libfuzzer_sys::fuzz_target;
use textgauge::themes::{ThemeDictionary, ThemeTally};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match ThemeDictionary::parse(text, "fuzz.csv") {
        Ok(dictionary) => {
            let terms: Vec<String> = text
                .split(|c: char| c == ',' || c.is_whitespace())
                .map(|t| t.trim_end_matches('*').to_lowercase())
                .filter(|t| !t.is_empty())
                .collect();
            let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
            let mut tallies = vec![ThemeTally::default(); dictionary.themes().len()];
            dictionary.match_sentence(&terms, &mut tallies);
            for tally in &tallies {
                assert!(tally.count <= terms.len());
            }
        }
        Err(err) => assert!(err.to_string().contains("line"), "{err}"),
    }
});
