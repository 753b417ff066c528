//! Syllables of real words missing from the pronouncing dictionary: the
//! hand-counted list in `tests/syllables/out_of_dictionary.txt` (769 words
//! from news text: compounds, British spellings, names, places, brands,
//! coinages, acronyms; its header says how they were chosen and counted).
//! The exact-match rate must stay at 97% or more; the rate of each kind
//! and every miss are printed (`cargo test --test syllable_accuracy --
//! --nocapture`).

use std::collections::BTreeMap;

/// One hand-counted word.
struct Counted {
    word: String,
    syllables: u32,
    kind: String,
}

fn fixture() -> Vec<Counted> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/syllables/out_of_dictionary.txt"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "{line}");
            Counted {
                word: fields[0].to_owned(),
                syllables: fields[1].parse().unwrap(),
                kind: fields[2].to_owned(),
            }
        })
        .collect()
}

#[test]
fn out_of_dictionary_words_are_counted_exactly_97_percent_of_the_time() {
    let words = fixture();
    assert!(words.len() >= 300, "{} words", words.len());
    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for counted in &words {
        let got = textgauge::text::syllables(&counted.word);
        let entry = by_kind.entry(&counted.kind).or_default();
        entry.1 += 1;
        if got == counted.syllables {
            entry.0 += 1;
        } else {
            misses.push(format!(
                "{} {} (counted {got})",
                counted.word, counted.syllables
            ));
        }
    }
    let exact = words.len() - misses.len();
    let rate = exact as f64 / words.len() as f64;
    println!("{exact}/{} exact ({:.1}%)", words.len(), 100.0 * rate);
    for (kind, (hit, total)) in &by_kind {
        println!("  {kind}: {hit}/{total}");
    }
    println!("misses: {}", misses.join("; "));
    assert!(rate >= 0.97, "{:.1}% exact", 100.0 * rate);
}

#[test]
fn no_listed_word_is_in_the_pronouncing_dictionary() {
    for counted in fixture() {
        let lower = counted.word.to_lowercase();
        assert_eq!(
            textgauge::text::pronouncing::dictionary_syllables(&lower),
            None,
            "{} is in CMUdict",
            counted.word
        );
    }
}
