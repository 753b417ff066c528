//! Worked examples. Each test states the counts of an example passage and
//! the value worked out by hand from the published formula.

use super::*;

/// A passage of 100 words in 5 sentences with 140 syllables.
fn passage() -> Counts {
    Counts {
        sentences: 5,
        words: 100,
        syllables: 140,
        letters: 450,
        letters_and_digits: 460,
        monosyllables: 70,
        polysyllables: 12,
        complex_words: 10,
        long_words: 25,
        mini_words: 40,
        difficult_words: 8,
        spache_unfamiliar_distinct: 15,
        ..Counts::default()
    }
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("defined");
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

#[test]
fn flesch_reading_ease_example() {
    // 206.835 − 1.015 × 20 − 84.6 × 1.4 = 206.835 − 20.3 − 118.44
    close(flesch_reading_ease(&passage()), 68.095);
}

#[test]
fn flesch_kincaid_example() {
    // 0.39 × 20 + 11.8 × 1.4 − 15.59 = 7.8 + 16.52 − 15.59
    close(flesch_kincaid_grade(&passage()), 8.73);
}

#[test]
fn gunning_fog_example() {
    // Gunning's own reading: 20 words a sentence, 10% hard words → 0.4 × 30 = 12
    close(gunning_fog(&passage()), 12.0);
}

#[test]
fn smog_example() {
    // McLaughlin: 30 sentences with 36 polysyllables; √36 = 6.
    let c = Counts {
        sentences: 30,
        words: 600,
        polysyllables: 36,
        ..Counts::default()
    };
    close(smog(&c), 1.0430 * 6.0 + 3.1291);
    // 15 sentences, 18 polysyllables: normalized to 36 per 30 sentences.
    let half = Counts {
        sentences: 15,
        words: 300,
        polysyllables: 18,
        ..Counts::default()
    };
    close(smog(&half), 1.0430 * 6.0 + 3.1291);
    assert!(smog_sample_too_short(&half) && !smog_sample_too_short(&c));
}

#[test]
fn smog_short_text_follows_mclaughlins_procedure() {
    // McLaughlin's steps for a text under 30 sentences: 20 sentences with
    // 40 polysyllables average 2 a sentence; 10 sentences short of 30 add
    // 2 × 10 = 20, so the count is 60, as if 30 sentences had been read.
    let c = Counts {
        sentences: 20,
        words: 400,
        polysyllables: 40,
        ..Counts::default()
    };
    close(smog(&c), 1.0430 * 60f64.sqrt() + 3.1291);
}

#[test]
fn coleman_liau_example() {
    // L = 450 letters per 100 words, S = 5 sentences per 100 words
    // 0.0588 × 450 − 0.296 × 5 − 15.8 = 26.46 − 1.48 − 15.8
    close(coleman_liau(&passage()), 9.18);
}

#[test]
fn ari_example() {
    // 4.71 × 4.6 + 0.5 × 20 − 21.43 = 21.666 + 10 − 21.43
    close(ari(&passage()), 10.236);
}

#[test]
fn coleman_liau_two_step_example() {
    // L' = 450, S' = 5: CP = 141.8401 − 96.56550 + 5.39906 = 50.67366
    close(
        coleman_liau_cloze(&passage()),
        141.8401 - 0.214590 * 450.0 + 1.079812 * 5.0,
    );
    // grade = −27.4004 × 0.5067366 + 23.06395
    close(
        coleman_liau_grade(&passage()),
        -27.4004 * 0.5067366 + 23.06395,
    );
}

#[test]
fn powers_sumner_kearl_example() {
    // 0.0778 × 20 + 0.0455 × 140 − 2.2029 = 1.556 + 6.37 − 2.2029
    close(powers_sumner_kearl(&passage()), 5.7231);
}

#[test]
fn wiener_sachtextformel_2_to_4_examples() {
    // MS 12, SL 20, IW 25
    close(
        wiener_sachtextformel_2(&passage()),
        0.2007 * 12.0 + 0.1682 * 20.0 + 0.1373 * 25.0 - 2.779,
    );
    close(
        wiener_sachtextformel_3(&passage()),
        0.2963 * 12.0 + 0.1905 * 20.0 - 1.1144,
    );
    close(
        wiener_sachtextformel_4(&passage()),
        0.2744 * 12.0 + 0.2656 * 20.0 - 1.693,
    );
}

#[test]
fn sample_length_flags() {
    let short = Counts {
        words: 99,
        sentences: 29,
        ..Counts::default()
    };
    assert!(
        smog_sample_too_short(&short)
            && word_sample_too_short(&short)
            && forcast_sample_too_short(&short)
    );
    let long = Counts {
        words: 150,
        sentences: 30,
        ..Counts::default()
    };
    assert!(
        !smog_sample_too_short(&long)
            && !word_sample_too_short(&long)
            && !forcast_sample_too_short(&long)
    );
}

#[test]
fn dale_chall_example() {
    // 8% difficult > 5%: 0.1579 × 8 + 0.0496 × 20 + 3.6365
    close(dale_chall(&passage()), 1.2632 + 0.992 + 3.6365);
    // 4% difficult: no adjustment
    let easy = Counts {
        difficult_words: 4,
        ..passage()
    };
    close(dale_chall(&easy), 0.6316 + 0.992);
}

#[test]
fn dale_chall_grade_bands() {
    let cases = [
        (4.9, "4 and below", None, Some(4)),
        (5.0, "5 to 6", Some(5), Some(6)),
        (6.95, "7 to 8", Some(7), Some(8)),
        (7.0, "9 to 10", Some(9), Some(10)),
        (8.5, "11 to 12", Some(11), Some(12)),
        (9.99, "13 to 15", Some(13), Some(15)),
        (10.0, "16 and above", Some(16), None),
    ];
    for (score, label, low, high) in cases {
        let band = dale_chall_grade(score);
        assert_eq!(band.label(), label, "{score}");
        assert_eq!((band.low, band.high), (low, high), "{score}");
    }
}

#[test]
fn spache_example() {
    // 0.121 × 20 + 0.082 × 15 + 0.659 = 2.42 + 1.23 + 0.659
    close(spache(&passage()), 4.309);
}

#[test]
fn linsear_write_example() {
    // (88 easy + 3 × 12 hard) / 5 = 24.8 > 20 → 12.4
    close(linsear_write(&passage()), 12.4);
    // 10 sentences: r = 12.4 ≤ 20 → (12.4 − 2)/2 = 5.2
    close(
        linsear_write(&Counts {
            sentences: 10,
            ..passage()
        }),
        5.2,
    );
}

#[test]
fn lix_and_rix_examples() {
    close(lix(&passage()), 20.0 + 25.0);
    close(rix(&passage()), 5.0);
}

#[test]
fn forcast_example() {
    // 70 monosyllables per 100 words = 105 per 150: 20 − 10.5
    close(forcast(&passage()), 9.5);
}

#[test]
fn eflaw_example() {
    close(mcalpine_eflaw(&passage()), 140.0 / 5.0);
}

#[test]
fn wiener_sachtextformel_example() {
    // 0.1935 × 12 + 0.1672 × 20 + 0.1297 × 25 − 0.0327 × 70 − 0.875
    close(
        wiener_sachtextformel_1(&passage()),
        2.322 + 3.344 + 3.2425 - 2.289 - 0.875,
    );
}

#[test]
fn consensus_is_the_clamped_median() {
    // FK 8.73, Fog 12, SMOG 1.043×√72+3.1291 ≈ 11.98, CL 9.18, ARI 10.236,
    // Linsear 12.4, FORCAST 9.5 → sorted median is ARI's 10.236
    close(consensus_grade(&passage()), 10.236);
    let mut values = [3.0, 1.0, 2.0, 4.0];
    assert_eq!(median(&mut values), Some(2.5));
}

#[test]
fn undefined_without_words_or_sentences() {
    let empty = Counts::default();
    let measures = [
        flesch_reading_ease,
        flesch_kincaid_grade,
        gunning_fog,
        smog,
        coleman_liau,
        ari,
        dale_chall,
        spache,
        linsear_write,
        lix,
        rix,
        forcast,
        mcalpine_eflaw,
        wiener_sachtextformel_1,
        consensus_grade,
    ];
    for measure in measures {
        assert_eq!(measure(&empty), None);
    }
}

#[test]
fn reading_time_at_238_words_a_minute() {
    let c = Counts {
        words: 476,
        ..Counts::default()
    };
    assert!((reading_time_minutes(&c) - 2.0).abs() < 1e-12);
}
