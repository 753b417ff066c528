//! Every data file the program carries, embedded at build time from `data/`,
//! and the one line format they share: one entry per line, blank lines and
//! lines starting with `#` ignored. Word lists, abbreviations, syllable
//! tables and dictionaries live as files so that they can be read, diffed
//! and extended without touching code; each module that uses one parses the
//! fields of its entries.
//!
//! This is the bottom layer: it imports nothing from the crate.

/// CMUdict syllable counts, `word count` per line (see `text/pronouncing.rs`).
pub const CMUDICT_SYLLABLES: &str = include_str!("../data/cmudict_syllables.txt");
/// Abbreviations for the sentence splitter, `abbreviation class` per line.
pub const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
/// Domain and file endings, lowercase.
pub const WEB_SUFFIXES: &str = include_str!("../data/web_suffixes.txt");
/// Prepositions that open a fronted time or place phrase.
pub const PREPOSITIONS: &str = include_str!("../data/prepositions.txt");
/// Day and month names, lowercase.
pub const CALENDAR_NAMES: &str = include_str!("../data/calendar_names.txt");
/// Words that open a reported clause after a verb of saying, lowercase.
pub const CLAUSE_OPENERS: &str = include_str!("../data/clause_openers.txt");
/// Verbs of saying, lowercase.
pub const REPORTING_VERBS: &str = include_str!("../data/reporting_verbs.txt");
/// Words that commonly begin an English sentence.
pub const SENTENCE_STARTERS: &str = include_str!("../data/sentence_starters.txt");
/// Acronyms that the pronouncing dictionary lists only as ordinary words.
pub const ACRONYMS_SPELLED: &str = include_str!("../data/acronyms_spelled.txt");
/// British spellings and their American forms, `british american` per line.
pub const BRITISH_SPELLINGS: &str = include_str!("../data/british_spellings.txt");
/// Syllable-rule exceptions, `word count` per line.
pub const SYLLABLE_EXCEPTIONS: &str = include_str!("../data/syllable_exceptions.txt");
/// Syllable-rule suffixes, `suffix adjustment` per line.
pub const SYLLABLE_SUFFIXES: &str = include_str!("../data/syllable_suffixes.txt");
/// Compound heads for the syllable rules, `head count` per line.
pub const SYLLABLE_COMPOUND_HEADS: &str = include_str!("../data/syllable_compound_heads.txt");
/// Letter patterns for the syllable rules, `pattern adjustment` per line.
pub const SYLLABLE_PATTERNS: &str = include_str!("../data/syllable_patterns.txt");
/// The Dale–Chall familiar words (Chall & Dale 1995).
pub const DALE_CHALL: &str = include_str!("../data/dale_chall.txt");
/// The revised Spache familiar words (Spache 1974).
pub const SPACHE: &str = include_str!("../data/spache.txt");
/// Page furniture: labels, phrases and biography cues, in `[section]`s.
pub const FURNITURE: &str = include_str!("../data/furniture.txt");
/// Words a spreadsheet reads as values (months, booleans, error literals).
pub const SPREADSHEET_WORDS: &str = include_str!("../data/spreadsheet_words.txt");
/// Negators for `--theme-negation`, one term a line (after VADER's list).
pub const NEGATORS: &str = include_str!("../data/negators.txt");
/// The built-in theme dictionary (CSV, `theme,pattern`).
pub const THEMES: &str = include_str!("../data/themes.csv");
/// The commentary pack: hedging (CSV `theme,pattern,case`).
pub const HEDGING: &str = include_str!("../data/commentary/hedging.csv");
/// The commentary pack: boosters.
pub const BOOSTERS: &str = include_str!("../data/commentary/boosters.csv");
/// The commentary pack: attribution.
pub const ATTRIBUTION: &str = include_str!("../data/commentary/attribution.csv");
/// The commentary pack: concession.
pub const CONCESSION: &str = include_str!("../data/commentary/concession.csv");
/// The commentary pack: first-person stance.
pub const FIRST_PERSON: &str = include_str!("../data/commentary/first_person.csv");
/// The English stopword list of the Snowball project.
pub const STOPWORDS_ENGLISH: &str = include_str!("../data/stopwords_english.txt");

/// The entries of a data file as a set, made on first use: for word lists
/// looked up word by word (`static STARTERS: EntrySet =
/// EntrySet::new(SENTENCE_STARTERS)`).
pub struct EntrySet {
    source: &'static str,
    set: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>>,
}

impl EntrySet {
    /// The entries of the data file `source`.
    pub const fn new(source: &'static str) -> Self {
        EntrySet {
            source,
            set: std::sync::OnceLock::new(),
        }
    }

    /// Whether `entry` is one of them.
    pub fn contains(&self, entry: &str) -> bool {
        self.set
            .get_or_init(|| entries(self.source).collect())
            .contains(entry)
    }
}

/// The entry lines of a data file with their 1-based line numbers, exactly
/// as written (callers trim when white space does not matter to them).
pub fn lines(source: &str) -> impl Iterator<Item = (usize, &str)> {
    source
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line))
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
}

/// The entries of a data file, trimmed.
pub fn entries(source: &str) -> impl Iterator<Item = &str> {
    lines(source).map(|(_, line)| line.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_not_entries() {
        let source = "# a comment\n\nalpha\n   \n  # indented comment\n beta \n";
        assert_eq!(entries(source).collect::<Vec<_>>(), ["alpha", "beta"]);
        assert_eq!(
            lines(source).map(|(n, _)| n).collect::<Vec<_>>(),
            [3, 6],
            "line numbers count every line"
        );
        assert_eq!(lines(source).nth(1).unwrap().1, " beta ");
    }
}
