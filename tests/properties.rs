//! Invariants that hold for any text, checked on generated inputs.

use proptest::prelude::*;
use textgauge::analysis::{analyze_document, analyze_in_pieces, AnalysisRules};
use textgauge::batch::Batch;
use textgauge::input::{decode_text, Document};
use textgauge::report::{build_tables, Cell, TableOptions};
use textgauge::text::sentences::split_sentences;
use textgauge::text::words::words;
use textgauge::themes::ThemeDictionary;

/// Text that looks like prose: words, numbers, punctuation, spaces, line and paragraph breaks.
fn prose() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        "[A-Za-z]{1,12}",
        "[A-Z][a-z]{1,8}",
        "[0-9]{1,5}(\\.[0-9]{1,2})?",
        "[a-z]{2,6}-[a-z]{2,6}",
        "[a-z]{2,5}'[a-z]{1,2}",
        prop_oneof![
            Just(". "),
            Just("? "),
            Just("! "),
            Just("... "),
            Just(", "),
            Just(" — "),
            Just("\n"),
            Just("\n\n"),
            Just("Dr. "),
            Just("U.S. "),
            Just("\"")
        ]
        .prop_map(String::from),
    ];
    proptest::collection::vec(token, 0..80).prop_map(|tokens| tokens.join(" "))
}

/// Analyze `text` as a document body (no headline or furniture detection,
/// which are tested on their own).
fn analyze(text: &str) -> textgauge::analysis::Analysis {
    let document = Document {
        metadata: Vec::new(),
        id: "p".into(),
        title: None,
        body: text.to_owned(),
        blocks: Vec::new(),
        furniture: Default::default(),
        encoding: "UTF-8",
        decode_errors: 0,
    };
    analyze_document(&document, &ThemeDictionary::built_in(), &with_sentences())
}

fn with_sentences() -> AnalysisRules {
    AnalysisRules {
        sentences: true,
        ..AnalysisRules::default()
    }
}

/// Analyze `text` as a whole input: headline and furniture detection too.
fn analyze_input(text: &str) -> textgauge::analysis::Analysis {
    analyze_document(
        &Document::from_text("p".into(), text, false),
        &ThemeDictionary::built_in(),
        &with_sentences(),
    )
}

proptest! {
    #[test]
    fn sentences_are_ordered_trimmed_and_inside_the_text(text in prose()) {
        let mut previous_end = 0;
        for range in split_sentences(&text) {
            prop_assert!(range.start >= previous_end && range.start < range.end && range.end <= text.len());
            let sentence = &text[range.clone()];
            prop_assert_eq!(sentence, sentence.trim());
            previous_end = range.end;
        }
    }

    #[test]
    fn every_word_lies_in_one_sentence(text in prose()) {
        let analysis = analyze(&text);
        let in_sentences: usize = analysis.sentences.iter().map(|s| s.words).sum();
        prop_assert_eq!(in_sentences, analysis.counts.words);
        prop_assert_eq!(analysis.sentences.len(), analysis.counts.sentences);
    }

    #[test]
    fn counts_are_consistent(text in prose()) {
        let c = analyze(&text).counts;
        prop_assert!(c.monosyllables + c.polysyllables <= c.words);
        prop_assert!(c.complex_words <= c.polysyllables);
        prop_assert!(c.syllables >= c.words, "every word has a syllable");
        prop_assert!(c.letters <= c.letters_and_digits && c.letters_and_digits <= c.characters);
        prop_assert!(c.difficult_words <= c.words && c.long_words <= c.words);
        prop_assert!(c.sentences <= c.words);
    }

    #[test]
    fn term_counts_add_up_to_the_words(text in prose()) {
        let analysis = analyze(&text);
        prop_assert_eq!(analysis.terms.iter().map(|(_, n)| n).sum::<usize>(), analysis.counts.words);
    }

    #[test]
    fn line_ends_and_byte_order_mark_change_nothing(text in prose()) {
        let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        let decoded = decode_text(windows.as_bytes(), None).unwrap().text;
        prop_assert_eq!(analyze_input(&decoded).counts, analyze_input(&text).counts);
    }

    #[test]
    fn extra_spaces_change_no_word_or_sentence_count(text in prose()) {
        let spaced = text.replace(' ', "  ");
        let (a, b) = (analyze(&text).counts, analyze(&spaced).counts);
        prop_assert_eq!((a.words, a.sentences, a.syllables), (b.words, b.sentences, b.syllables));
    }

    #[test]
    fn word_offsets_point_at_the_words(text in "\\PC{0,200}") {
        for word in words(&text) {
            prop_assert_eq!(&text[word.start..word.end()], word.text);
        }
    }

    #[test]
    fn no_cell_is_ever_nan_or_infinite(text in "\\PC{0,300}") {
        let analysis = analyze_input(&text);
        let themes = ThemeDictionary::built_in().labels();
        let batch = Batch::from_analyses(vec![analysis], themes, None).unwrap();
        let options = TableOptions { sentences: true, ..TableOptions::default() };
        for table in build_tables(&batch, options) {
            for cell in table.rows.flatten() {
                if let Cell::Number(Some(value), _) = cell {
                    let rendered = cell.render();
                    prop_assert!(value.is_finite() || rendered.is_empty());
                }
            }
        }
    }
}

proptest! {
    /// A document counted in pieces on several threads, put together in
    /// order, gives exactly what counting it whole gives.
    #[test]
    fn counting_in_pieces_gives_what_counting_whole_gives(
        text in prose(),
        piece in prop_oneof![Just(1usize), Just(7), Just(64), Just(300)],
    ) {
        let document = Document::from_text("p".into(), &text, true);
        let dictionary = ThemeDictionary::built_in();
        let rules = AnalysisRules {
            sentences: true,
            kwic_window: Some(3),
            terms: textgauge::analysis::TermRules::new(
                textgauge::wordlists::english_stopwords(),
                false,
                (1, 2),
            ),
            ..AnalysisRules::default()
        };
        let whole = analyze_in_pieces(&document, &dictionary, &rules, usize::MAX);
        let pieces = analyze_in_pieces(&document, &dictionary, &rules, piece);
        prop_assert_eq!(whole, pieces);
    }
}

#[test]
fn the_seed_counted_in_pieces_is_the_seed_counted_whole() {
    let seed = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n");
    let document = Document::from_text("seed".into(), &seed.repeat(3), false);
    let dictionary = ThemeDictionary::built_in();
    let rules = AnalysisRules {
        kwic_window: Some(5),
        ..AnalysisRules::default()
    };
    let whole = analyze_in_pieces(&document, &dictionary, &rules, usize::MAX);
    assert!(whole.kwic.len() > 100, "the seed has theme matches to show");
    for piece in [1, 100, 2_000] {
        assert_eq!(
            analyze_in_pieces(&document, &dictionary, &rules, piece),
            whole
        );
    }
}
