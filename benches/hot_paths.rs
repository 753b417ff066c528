//! The hot functions of counting, timed one by one on the seed article
//! (`cargo bench`): word segmentation (the ASCII path and the Unicode
//! segmenter), sentence splitting, syllables from the dictionary and from
//! the rules, and one whole document analyzed. `bench/run.sh` times the
//! whole binary; this says where inside a document the time goes.

use std::hint::black_box;
use textgauge::analysis::{analyze_document, AnalysisRules};
use textgauge::input::Document;
use textgauge::text::sentences::split_sentences;
use textgauge::text::words::words;
use textgauge::themes::ThemeDictionary;

fn main() {
    divan::main();
}

/// The seed article, as shipped in `seeds/`.
fn seed() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let entry = std::fs::read_dir(dir)
        .expect("seeds/ is readable")
        .next()
        .expect("seeds/ holds the seed")
        .expect("entry");
    std::fs::read_to_string(entry.path()).expect("the seed is UTF-8")
}

#[divan::bench]
fn words_ascii(bencher: divan::Bencher) {
    // The seed with its few non-ASCII characters (curly quotes) made ASCII.
    let text: String = seed()
        .chars()
        .map(|c| if c.is_ascii() { c } else { '\'' })
        .collect();
    bencher.bench(|| words(black_box(&text)).len());
}

#[divan::bench]
fn words_unicode(bencher: divan::Bencher) {
    // The whole seed, with a bullet (`•`): the Unicode segmenter.
    let text = seed();
    assert!(text.contains('•'));
    bencher.bench(|| words(black_box(&text)).len());
}

#[divan::bench]
fn sentences(bencher: divan::Bencher) {
    let text = seed();
    bencher.bench(|| split_sentences(black_box(&text)).len());
}

#[divan::bench(args = ["government", "Afghanistan's", "unpronounceably", "qwzxt"])]
fn syllables(word: &str) -> u32 {
    textgauge::text::syllables(black_box(word))
}

#[divan::bench]
fn analyze_seed(bencher: divan::Bencher) {
    let document = Document::from_text("seed".into(), &seed(), false);
    let dictionary = ThemeDictionary::built_in();
    let rules = AnalysisRules::default();
    bencher.bench(|| {
        analyze_document(black_box(&document), &dictionary, &rules)
            .counts
            .words
    });
}
