//! The one registry of per-document measures: each has a name (its column
//! in `documents.csv` and its `metric` in `compare.csv` and `groups.csv`),
//! what kind of value it is (a count, a score printed with so many
//! decimals, a yes/no flag, a text label) and the pure function that
//! computes it from a document's [`Figures`]. Reports and batch statistics
//! both read this list, so a measure added here appears everywhere.

use super::diversity::Diversity;
use super::readability as r;
use crate::counts::Counts;

/// What a measure is computed from: a document's counts and diversity.
#[derive(Debug, Clone, Copy)]
pub struct Figures<'a> {
    /// The document's counts.
    pub counts: &'a Counts,
    /// The document's lexical diversity.
    pub diversity: &'a Diversity,
}

/// How a measure's value is computed and shown.
#[derive(Debug, Clone, Copy)]
pub enum Value {
    /// A whole number.
    Count(fn(&Counts) -> usize),
    /// A real number shown with this many decimals; `None` where undefined.
    Number(fn(&Figures<'_>) -> Option<f64>, usize),
    /// Yes or no (a sample-size warning), shown as 1 or 0; never compared.
    Flag(fn(&Counts) -> bool),
    /// A text label (a grade band); never compared.
    Label(fn(&Figures<'_>) -> Option<String>),
}

/// One measure of a document.
#[derive(Debug, Clone, Copy)]
pub struct Measure {
    /// Its column name.
    pub name: &'static str,
    /// How it is computed and shown.
    pub value: Value,
}

impl Measure {
    /// The measure as a number, for batch statistics: counts and real
    /// numbers; `None` for flags and labels, and where undefined.
    pub fn number(&self, figures: &Figures<'_>) -> Option<f64> {
        match self.value {
            Value::Count(count) => Some(count(figures.counts) as f64),
            Value::Number(number, _) => number(figures).filter(|v| v.is_finite()),
            Value::Flag(_) | Value::Label(_) => None,
        }
    }

    /// Whether batch statistics compare documents on it (counts and real
    /// numbers do; flags and labels do not).
    pub fn is_compared(&self) -> bool {
        matches!(self.value, Value::Count(_) | Value::Number(..))
    }

    /// Decimals a value is shown with (0 for counts).
    pub fn decimals(&self) -> usize {
        match self.value {
            Value::Number(_, decimals) => decimals,
            _ => 0,
        }
    }
}

/// Decimals for scores and grades.
const SCORE: usize = 2;
/// Decimals for per-word and per-sentence ratios.
const RATIO: usize = 3;
/// Decimals for diversity ratios between 0 and 1.
const SHARE: usize = 4;

const fn count(name: &'static str, count: fn(&Counts) -> usize) -> Measure {
    Measure {
        name,
        value: Value::Count(count),
    }
}

const fn score(name: &'static str, f: fn(&Figures<'_>) -> Option<f64>, decimals: usize) -> Measure {
    Measure {
        name,
        value: Value::Number(f, decimals),
    }
}

const fn flag(name: &'static str, too_short: fn(&Counts) -> bool) -> Measure {
    Measure {
        name,
        value: Value::Flag(too_short),
    }
}

fn grade_band(f: &Figures<'_>) -> Option<r::GradeBand> {
    r::dale_chall(f.counts).map(r::dale_chall_grade)
}

/// Every measure, in `documents.csv` column order. SPEC fixes the names and
/// order of the first ten (after `document` and `title`).
pub const MEASURES: &[Measure] = &[
    count("words", |c| c.words),
    count("sentences", |c| c.sentences),
    count("syllables", |c| c.syllables),
    score(
        "flesch_reading_ease",
        |f| r::flesch_reading_ease(f.counts),
        SCORE,
    ),
    score(
        "flesch_kincaid_grade",
        |f| r::flesch_kincaid_grade(f.counts),
        SCORE,
    ),
    score("gunning_fog", |f| r::gunning_fog(f.counts), SCORE),
    score("smog", |f| r::smog(f.counts), SCORE),
    score("coleman_liau", |f| r::coleman_liau(f.counts), SCORE),
    score("ari", |f| r::ari(f.counts), SCORE),
    score("dale_chall", |f| r::dale_chall(f.counts), SCORE),
    Measure {
        name: "dale_chall_grade",
        value: Value::Label(|f| grade_band(f).map(r::GradeBand::label)),
    },
    score(
        "dale_chall_grade_low",
        |f| grade_band(f)?.low.map(f64::from),
        0,
    ),
    score(
        "dale_chall_grade_high",
        |f| grade_band(f)?.high.map(f64::from),
        0,
    ),
    score(
        "coleman_liau_grade",
        |f| r::coleman_liau_grade(f.counts),
        SCORE,
    ),
    score(
        "coleman_liau_cloze",
        |f| r::coleman_liau_cloze(f.counts),
        SCORE,
    ),
    score("spache", |f| r::spache(f.counts), SCORE),
    score(
        "powers_sumner_kearl",
        |f| r::powers_sumner_kearl(f.counts),
        SCORE,
    ),
    score("linsear_write", |f| r::linsear_write(f.counts), SCORE),
    score("lix", |f| r::lix(f.counts), SCORE),
    score("rix", |f| r::rix(f.counts), SCORE),
    score("forcast", |f| r::forcast(f.counts), SCORE),
    score("mcalpine_eflaw", |f| r::mcalpine_eflaw(f.counts), SCORE),
    score(
        "wiener_sachtextformel_1",
        |f| r::wiener_sachtextformel_1(f.counts),
        SCORE,
    ),
    score(
        "wiener_sachtextformel_2",
        |f| r::wiener_sachtextformel_2(f.counts),
        SCORE,
    ),
    score(
        "wiener_sachtextformel_3",
        |f| r::wiener_sachtextformel_3(f.counts),
        SCORE,
    ),
    score(
        "wiener_sachtextformel_4",
        |f| r::wiener_sachtextformel_4(f.counts),
        SCORE,
    ),
    score("consensus_grade", |f| r::consensus_grade(f.counts), SCORE),
    flag("smog_short_text", |c| {
        c.words > 0 && r::smog_sample_too_short(c)
    }),
    flag("short_text", |c| c.words > 0 && r::word_sample_too_short(c)),
    flag("forcast_short_text", |c| {
        c.words > 0 && r::forcast_sample_too_short(c)
    }),
    score("ttr", |f| f.diversity.ttr, SHARE),
    score("root_ttr", |f| f.diversity.root_ttr, RATIO),
    score("herdan_c", |f| f.diversity.herdan_c, SHARE),
    score("maas_a2", |f| f.diversity.maas_a2, SHARE),
    score("mattr", |f| f.diversity.mattr, SHARE),
    score("mtld", |f| f.diversity.mtld, SCORE),
    score("hdd", |f| f.diversity.hdd, SHARE),
    score("yules_k", |f| f.diversity.yules_k, SCORE),
    count("paragraphs", |c| c.paragraphs),
    count("characters", |c| c.characters),
    count("letters", |c| c.letters),
    count("monosyllables", |c| c.monosyllables),
    count("polysyllables", |c| c.polysyllables),
    count("complex_words", |c| c.complex_words),
    count("long_words", |c| c.long_words),
    count("mini_words", |c| c.mini_words),
    count("difficult_words", |c| c.difficult_words),
    count("spache_unfamiliar_words", |c| c.spache_unfamiliar_distinct),
    count("unique_terms", |c| c.types),
    count("theme_words", |c| c.theme_words),
    score(
        "dictionary_coverage",
        |f| dictionary_coverage(f.counts),
        SHARE,
    ),
    score(
        "words_per_sentence",
        |f| r::words_per_sentence(f.counts),
        RATIO,
    ),
    score(
        "syllables_per_word",
        |f| r::syllables_per_word(f.counts),
        RATIO,
    ),
    score("letters_per_word", |f| r::letters_per_word(f.counts), RATIO),
    score(
        "reading_time_minutes",
        |f| Some(r::reading_time_minutes(f.counts)),
        SCORE,
    ),
];

/// The share of words inside a match of any theme (LIWC's "Dic"; 0 to 1):
/// how much of a text the dictionary speaks to. Undefined without words.
pub fn dictionary_coverage(counts: &Counts) -> Option<f64> {
    (counts.words > 0).then(|| counts.theme_words as f64 / counts.words as f64)
}

/// Occurrences per 1,000 words; undefined for a document without words.
pub fn per_thousand(count: usize, words: usize) -> Option<f64> {
    (words > 0).then(|| 1000.0 * count as f64 / words as f64)
}

/// Occurrences per million words; undefined for no words.
pub fn per_million(count: u64, words: u64) -> Option<f64> {
    (words > 0).then(|| 1e6 * count as f64 / words as f64)
}

/// The measures batch statistics compare documents on, in registry order.
pub fn compared() -> impl Iterator<Item = &'static Measure> {
    MEASURES.iter().filter(|m| m.is_compared())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_coverage_is_the_share_of_words_in_a_theme() {
        let counts = Counts {
            words: 8,
            theme_words: 2,
            ..Counts::default()
        };
        assert_eq!(dictionary_coverage(&counts), Some(0.25));
        assert_eq!(dictionary_coverage(&Counts::default()), None);
    }

    #[test]
    fn names_are_unique_and_spec_columns_come_first() {
        let names: Vec<&str> = MEASURES.iter().map(|m| m.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        assert_eq!(
            names[..10],
            [
                "words",
                "sentences",
                "syllables",
                "flesch_reading_ease",
                "flesch_kincaid_grade",
                "gunning_fog",
                "smog",
                "coleman_liau",
                "ari",
                "dale_chall"
            ]
        );
        for spec in [
            "ttr", "root_ttr", "herdan_c", "maas_a2", "mattr", "mtld", "hdd", "yules_k",
        ] {
            assert!(names.contains(&spec), "{spec}");
        }
    }

    #[test]
    fn flags_and_labels_are_not_compared() {
        let counts = Counts {
            words: 10,
            ..Counts::default()
        };
        let diversity = Diversity::default();
        let figures = Figures {
            counts: &counts,
            diversity: &diversity,
        };
        for measure in MEASURES {
            let is_compared = measure.is_compared();
            assert_eq!(is_compared, compared().any(|m| m.name == measure.name));
            if !is_compared {
                assert_eq!(measure.number(&figures), None, "{}", measure.name);
            }
        }
        assert_eq!(MEASURES[0].number(&figures), Some(10.0));
    }

    #[test]
    fn rates_per_thousand_words() {
        assert_eq!(per_thousand(3, 1500), Some(2.0));
        assert_eq!(per_thousand(3, 0), None);
        assert_eq!(per_million(4, 12), Some(1e6 / 3.0));
        assert_eq!(per_million(1, 0), None);
    }
}
