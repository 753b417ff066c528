//! Matching a compiled dictionary against one sentence's words: the rules
//! README's "Matching rules" writes down.
//!
//! Patterns are found by their first word (exact) or, for a one-word
//! prefix pattern, by the word's first letters. At each word where some
//! pattern matches, each theme takes its longest matching pattern (the
//! first listed among equals), unless an earlier match of that theme still
//! covers the word: so `rule of law` is not also `law`, and a word counts
//! at most once for a theme. A nested theme's pattern is a pattern of
//! every ancestor too, under the same rule. A pattern marked lower-case
//! only (`may`) matches a word written in lower case, or capitalized as its
//! sentence's first word, never `May` inside a sentence or `MAY`. With
//! negation on, a match with a negator among the three words before it is
//! counted as negated instead (the window of VADER, Hutto & Gilbert 2014).

use super::{Pattern, ThemeDictionary, ThemeTally};

/// One sentence's words as the matcher needs them.
#[derive(Debug, Clone, Copy)]
pub struct SentenceWords<'s> {
    /// The words' terms (lowercase, apostrophes straight).
    pub terms: &'s [&'s str],
    /// Whether some pattern may start at each word
    /// ([`ThemeDictionary::may_start`] of its term).
    pub starts: &'s [bool],
    /// Whether each word is written as a lower-case-only pattern accepts:
    /// in lower case, or capitalized (not in capitals) as the first word.
    pub lower_case: &'s [bool],
}

/// One match found in a sentence: its theme, its first word and number of
/// words, and whether a negator comes before it (with negation on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeMatch {
    /// The theme's index in the dictionary.
    pub theme: usize,
    /// Its first word's position in the sentence.
    pub start: usize,
    /// Its words.
    pub len: usize,
    /// A negator comes before it.
    pub negated: bool,
}

/// Words before a match in which a negator counts.
pub const NEGATION_WINDOW: usize = 3;

impl ThemeDictionary {
    /// Count matches in one sentence's terms (lowercase words, every one
    /// taken as written in lower case) and add them to `tallies` (one per
    /// theme); returns the words inside any match of the dictionary's own
    /// themes.
    pub fn match_sentence(&self, terms: &[&str], tallies: &mut [ThemeTally]) -> usize {
        let starts: Vec<bool> = terms.iter().map(|term| self.may_start(term)).collect();
        let lower_case = vec![true; terms.len()];
        let words = SentenceWords {
            terms,
            starts: &starts,
            lower_case: &lower_case,
        };
        self.match_sentence_at(words, tallies, None)
    }

    /// Whether some pattern may start at `term` (lowercase): a caller that
    /// meets the same terms again and again works this out once a term.
    pub fn may_start(&self, term: &str) -> bool {
        self.candidates(term).next().is_some()
    }

    /// Count the matches in one sentence and add them to `tallies` (one per
    /// theme), pushing each to `sink` when given. Returns how many of the
    /// words are inside a match of the dictionary's own themes (not the
    /// commentary pack's), each counted once.
    pub fn match_sentence_at(
        &self,
        words: SentenceWords<'_>,
        tallies: &mut [ThemeTally],
        mut sink: Option<&mut Vec<ThemeMatch>>,
    ) -> usize {
        if !words.starts.contains(&true) {
            return 0;
        }
        // Matches are found at rising starts: the words covered so far are
        // those before `covered_to`, and a match adds what lies past it.
        let (mut covered, mut covered_to) = (0, 0);
        let mut free_from = vec![0usize; self.themes.len()];
        let mut best: Vec<Option<usize>> = vec![None; self.themes.len()];
        for start in (0..words.terms.len()).filter(|&start| words.starts[start]) {
            self.best_at(words, start, &free_from, &mut best);
            for (theme, found) in best.iter().enumerate() {
                let Some(pattern) = found else { continue };
                let pattern = &self.patterns[*pattern];
                let len = pattern.words.len();
                let negated = self.negation && follows_negator(&words.terms[..start]);
                if let Some(sink) = sink.as_deref_mut() {
                    let found = ThemeMatch {
                        theme,
                        start,
                        len,
                        negated,
                    };
                    sink.push(found);
                }
                tallies[theme].add(&words.terms[start..start + len], pattern.weight, negated);
                free_from[theme] = start + len;
                if theme < self.own_themes {
                    covered += (start + len).saturating_sub(start.max(covered_to));
                    covered_to = covered_to.max(start + len);
                }
            }
        }
        covered
    }

    /// Each theme's longest pattern matching at `start` (the first listed
    /// among equals), if the theme is free there.
    fn best_at(
        &self,
        words: SentenceWords<'_>,
        start: usize,
        free_from: &[usize],
        best: &mut [Option<usize>],
    ) {
        best.fill(None);
        for index in self.candidates(words.terms[start]) {
            let p = &self.patterns[index];
            if !p.matches(&words.terms[start..], &words.lower_case[start..]) {
                continue;
            }
            for &theme in &p.lineage {
                let longer =
                    best[theme].is_none_or(|b| p.words.len() > self.patterns[b].words.len());
                if start >= free_from[theme] && longer {
                    best[theme] = Some(index);
                }
            }
        }
    }

    /// Patterns that may match starting at a word: by its exact form (words
    /// and phrases) and by each prefix length.
    fn candidates<'a>(&'a self, term: &'a str) -> impl Iterator<Item = usize> + 'a {
        let exact = self.by_first_word.get(term).into_iter().flatten();
        let prefixed = self
            .prefixes
            .iter()
            .filter_map(move |(len, map)| term.get(..*len).and_then(|head| map.get(head)));
        exact.chain(prefixed.flatten()).copied()
    }
}

impl ThemeTally {
    /// Add one match of the words `matched`, of weight `weight` (in
    /// millionths), as negated or not.
    fn add(&mut self, matched: &[&str], weight: i64, negated: bool) {
        if negated {
            self.negated += 1;
            return;
        }
        self.count += 1;
        self.weighted += weight;
        *self.matched.entry(matched.join(" ")).or_default() += 1;
    }
}

impl Pattern {
    /// Whether the pattern matches the words `terms` start with (written
    /// in lower case where `lower_case` says so).
    fn matches(&self, terms: &[&str], lower_case: &[bool]) -> bool {
        let n = self.words.len();
        if terms.len() < n || (self.lower_case_only && !lower_case[..n].iter().all(|&l| l)) {
            return false;
        }
        let exact = self.words[..n - 1].iter().zip(terms).all(|(w, t)| w == t);
        let last = &self.words[n - 1];
        exact
            && if self.last_is_prefix {
                terms[n - 1].starts_with(last.as_str())
            } else {
                terms[n - 1] == last
            }
    }
}

/// Whether a negator is among the last [`NEGATION_WINDOW`] of `before`
/// (the terms before a match, in its sentence).
fn follows_negator(before: &[&str]) -> bool {
    static NEGATORS: crate::data::EntrySet = crate::data::EntrySet::new(crate::data::NEGATORS);
    let from = before.len().saturating_sub(NEGATION_WINDOW);
    before[from..].iter().any(|term| NEGATORS.contains(term))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::themes::{pattern_words, theme_parent};

    fn dictionary() -> ThemeDictionary {
        let csv = "theme,pattern\nmoney,financ*\nmoney,pay\ncommand,chain of command\ncommand,command\ncommand,rule of law*\n";
        ThemeDictionary::parse(csv, "test").unwrap()
    }

    fn tally(dictionary: &ThemeDictionary, sentence: &str) -> Vec<ThemeTally> {
        let mut tallies = vec![ThemeTally::default(); dictionary.themes().len()];
        let terms: Vec<&str> = sentence.split(' ').collect();
        dictionary.match_sentence(&terms, &mut tallies);
        tallies
    }

    #[test]
    fn words_prefixes_and_phrases_match() {
        let tallies = tally(
            &dictionary(),
            "financial pay and financing the chain of command under rule of lawyers",
        );
        assert_eq!(tallies[0].count, 3);
        assert_eq!(tallies[0].matched["financial"], 1);
        assert_eq!(tallies[1].count, 2);
        assert_eq!(tallies[1].matched["chain of command"], 1);
        assert_eq!(tallies[1].matched["rule of lawyers"], 1);
    }

    #[test]
    fn words_covered_by_several_themes_count_once() {
        let csv = "theme,pattern\nlong,chain of command\nshort,command\nmoney,financ*\n";
        let dictionary = ThemeDictionary::parse(csv, "test").unwrap();
        let mut tallies = vec![ThemeTally::default(); 3];
        let terms: Vec<&str> = "the chain of command and financing command"
            .split(' ')
            .collect();
        let covered = dictionary.match_sentence(&terms, &mut tallies);
        assert_eq!(
            covered, 5,
            "chain of command (3, `command` inside it once), financing, command"
        );
        assert_eq!(
            (tallies[0].count, tallies[1].count, tallies[2].count),
            (1, 2, 1)
        );
        assert_eq!(dictionary.match_sentence(&["no", "match"], &mut tallies), 0);
    }

    #[test]
    fn nested_themes_roll_up_counting_a_word_once_for_a_parent() {
        let csv = "theme,pattern\nsecurity/violence,attack*\nsecurity/violence,armed*\n\
                   security/policing,police\nsecurity/policing,armed police\nsecurity,security\n";
        let dictionary = ThemeDictionary::parse(csv, "test").unwrap();
        assert_eq!(
            dictionary.themes(),
            ["security", "security/violence", "security/policing"],
            "a parent comes just before its first child"
        );
        let tallies = tally(&dictionary, "armed police attack the police security");
        // violence: armed, attack; policing: armed police, police;
        // security: armed police (once, though both children match in it),
        // attack, police, security.
        let counts: Vec<usize> = tallies.iter().map(|t| t.count).collect();
        assert_eq!(counts, [4, 2, 2]);
        assert_eq!(tallies[0].matched["armed police"], 1);
        assert_eq!(theme_parent("security/violence"), "security");
        assert_eq!(theme_parent("a/b/c"), "a/b");
        assert_eq!(theme_parent("security"), "");
        for bad in ["a//b", "/a", "a/", "a/ /b"] {
            let csv = format!("theme,pattern\n{bad},word\n");
            let err = ThemeDictionary::parse(&csv, "f").unwrap_err().to_string();
            assert!(err.contains("every level"), "{bad}: {err}");
        }
    }

    #[test]
    fn a_match_within_three_words_after_a_negator_is_negated() {
        let csv = "theme,pattern\neconomy,tax*\nsecurity,attack*\nsecurity,armed attack\n";
        let on = ThemeDictionary::parse(csv, "test")
            .unwrap()
            .with_negation(true);
        let count = |d: &ThemeDictionary, sentence: &str| -> Vec<(usize, usize)> {
            tally(d, sentence)
                .iter()
                .map(|t| (t.count, t.negated))
                .collect()
        };
        // `tax` has `no` two words before; `attack` has `tax and the`.
        assert_eq!(
            count(&on, "there was no new tax and the attack came"),
            [(0, 1), (1, 0)]
        );
        // Three words before is the limit; four is too far.
        assert_eq!(count(&on, "not a single new attack"), [(0, 0), (1, 0)]);
        assert_eq!(count(&on, "not a single attack"), [(0, 0), (0, 1)]);
        // A phrase is negated by what comes before its first word.
        assert_eq!(count(&on, "without an armed attack"), [(0, 0), (0, 1)]);
        assert_eq!(count(&on, "they don't tax"), [(0, 1), (0, 0)]);
        let off = ThemeDictionary::parse(csv, "test").unwrap();
        assert_eq!(count(&off, "there was no new tax"), [(1, 0), (0, 0)]);
    }

    #[test]
    fn pattern_words_are_cut_as_the_text_is() {
        let words = |p: &str| pattern_words(p).map(|(w, prefix)| (w.join(" "), prefix));
        // As in the text: a hyphenated compound is one word, its term
        // lowercase.
        assert_eq!(words("al-Qaeda"), Ok(("al-qaeda".into(), false)));
        assert_eq!(words("Don\u{2019}t"), Ok(("don't".into(), false)));
        assert_eq!(words("interest rate*"), Ok(("interest rate".into(), true)));
        assert_eq!(words("U.S."), Ok(("u.s".into(), false)));
        for bad in ["*", "rate *", "wo*rd", ":)"] {
            assert!(pattern_words(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_longest_match_wins_within_a_theme() {
        let tallies = tally(&dictionary(), "the chain of command and command");
        assert_eq!(tallies[1].count, 2, "the phrase once, the lone word once");
    }

    #[test]
    fn a_prefix_does_not_match_a_shorter_word() {
        assert_eq!(tally(&dictionary(), "fin finance")[0].count, 1);
    }

    #[test]
    fn the_built_in_dictionary_has_seven_themes_of_25_patterns() {
        let dictionary = ThemeDictionary::built_in();
        assert!(dictionary.themes().len() >= 7);
        for theme in 0..dictionary.themes().len() {
            let n = dictionary
                .patterns
                .iter()
                .filter(|p| p.lineage[0] == theme)
                .count();
            assert!(n >= 25, "{} has {n}", dictionary.themes()[theme]);
        }
    }

    #[test]
    fn a_lower_case_pattern_skips_capitals_inside_a_sentence() {
        let csv = "theme,pattern,case\nhedging,may,lower\nhedging,might,\n";
        let dictionary = ThemeDictionary::parse(csv, "test").unwrap();
        // "May we hope? In May it may rain, MAY might": as the counter
        // flags the words (capitalized first words pass, capitals inside
        // or shouted words do not).
        let terms = ["may", "in", "may", "it", "may", "rain", "may", "might"];
        let lower_case = [true, true, false, true, true, true, false, true];
        let starts: Vec<bool> = terms.iter().map(|t| dictionary.may_start(t)).collect();
        let words = SentenceWords {
            terms: &terms,
            starts: &starts,
            lower_case: &lower_case,
        };
        let mut tallies = vec![ThemeTally::default()];
        dictionary.match_sentence_at(words, &mut tallies, None);
        assert_eq!(tallies[0].count, 3, "may (first), may (lower), might");
        assert_eq!(tallies[0].matched["may"], 2);
    }

    #[test]
    fn commentary_themes_count_but_stay_out_of_coverage() {
        let own = ThemeDictionary::parse("theme,pattern\neconomy,tax\n", "t").unwrap();
        let pack =
            ThemeDictionary::parse("theme,pattern\nhedging,may\nhedging,tax\n", "p").unwrap();
        let both = ThemeDictionary::empty("p").with_commentary(&pack);
        let dictionary = own.with_commentary(&both);
        let mut tallies = vec![ThemeTally::default(); 2];
        let covered = dictionary.match_sentence(&["tax", "may", "rise"], &mut tallies);
        assert_eq!((tallies[0].count, tallies[1].count), (1, 2));
        assert_eq!(covered, 1, "only `tax`, of the dictionary's own theme");
    }
}
