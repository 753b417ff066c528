//! Theme dictionaries: load the `theme,pattern` CSV (SPEC), compile it, and
//! count matches in a document's words.
//!
//! A pattern is a word (`exclusion`), a prefix with a trailing `*`
//! (`financ*`), or a phrase of several words (`chain of command`, whose last
//! word may also end in `*`). Matching ignores case and stays within one
//! sentence. Within a theme, the longest pattern that matches at a word wins
//! and its words are not matched again, so `rule of law` does not also count
//! as `law` in the same theme; different themes count independently.
//!
//! Themes nest by name: `security/violence` and `security/policing` are
//! children of `security`, which counts every match of either (and of its
//! own patterns) by the same rule, so a word matched by both children is
//! counted once for `security`, never twice.

mod liwc;
mod yaml;

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;
use std::path::Path;

/// The built-in dictionary, as shipped in `data/themes.csv`.
pub const BUILT_IN_CSV: &str = crate::data::THEMES;

/// Why a theme dictionary could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// The file could not be read.
    #[error("cannot read theme dictionary {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A line is not valid.
    #[error("theme dictionary {origin}, line {line}: {message}")]
    Invalid {
        /// The file (or "built-in").
        origin: String,
        /// 1-based line number.
        line: u64,
        /// What is wrong.
        message: String,
    },
}

/// One pattern: its theme and its words, the last maybe a prefix.
#[derive(Debug, Clone)]
struct Pattern {
    /// Its theme and that theme's ancestors, nearest first: a match counts
    /// for each.
    lineage: Vec<usize>,
    words: Vec<String>,
    last_is_prefix: bool,
}

/// A compiled theme dictionary.
#[derive(Debug, Clone)]
pub struct ThemeDictionary {
    themes: Vec<String>,
    patterns: Vec<Pattern>,
    /// First word (exact) → patterns starting with it.
    by_first_word: HashMap<String, Vec<usize>>,
    /// Prefix length → (prefix → single-word prefix patterns).
    prefixes: BTreeMap<usize, HashMap<String, Vec<usize>>>,
    /// What the user should know about how the file was read (entries
    /// left out, and why).
    notes: Vec<String>,
    /// Each theme's parent (`security` for `security/violence`).
    parents: Vec<Option<usize>>,
    /// Count a match after a negator apart (`--theme-negation`).
    negation: bool,
}

/// Matches of one theme in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ThemeTally {
    /// Number of matches (not negated ones, with `--theme-negation`).
    pub count: usize,
    /// Matches with a negator among the three words before them, in the
    /// same sentence, when negation is looked for; not in `count`.
    pub negated: usize,
    /// The matched words or phrases (lowercase) and how often each matched.
    pub matched: BTreeMap<String, usize>,
}

impl ThemeDictionary {
    /// The built-in dictionary.
    pub fn built_in() -> Self {
        Self::parse(BUILT_IN_CSV, "built-in").expect("built-in theme dictionary is valid")
    }

    /// Load a dictionary from a file: LIWC-style for a `.dic` file (see
    /// [`ThemeDictionary::parse_dic`]), YAML for `.yml` or `.yaml` (see
    /// [`ThemeDictionary::parse_yaml`]), else the `theme,pattern` CSV.
    pub fn from_file(path: &Path) -> Result<Self, ThemeError> {
        let text = std::fs::read_to_string(path).map_err(|source| ThemeError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let origin = path.display().to_string();
        let is_dic = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("dic"));
        if is_dic {
            return Self::parse_dic(&text, &origin);
        }
        let is_yaml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yml") || e.eq_ignore_ascii_case("yaml"));
        if is_yaml {
            return Self::parse_yaml(text.trim_start_matches('\u{feff}'), &origin);
        }
        Self::parse(text.trim_start_matches('\u{feff}'), &origin)
    }

    /// Parse a LIWC-style `.dic` dictionary (see [`liwc`]); `origin`
    /// names it in error messages and notes.
    pub fn parse_dic(text: &str, origin: &str) -> Result<Self, ThemeError> {
        let invalid = invalid_in(origin);
        let mut dictionary = ThemeDictionary::empty();
        let notes = liwc::read_dic(text, &mut dictionary).map_err(|(l, m)| invalid(l, m))?;
        let mut dictionary = dictionary.non_empty(origin, "no entries")?;
        if notes.not_words > 0 {
            dictionary.notes.push(format!(
                "{} entr(ies) with no word in them (emoticons such as `:)`) left out: \
                 textgauge matches words",
                notes.not_words
            ));
        }
        if notes.conditional > 0 {
            dictionary.notes.push(format!(
                "{} conditional category reference(s) (LIWC 2007's `(02 134)125/464` form, \
                 which depends on the word before) left out",
                notes.conditional
            ));
        }
        Ok(dictionary)
    }

    /// The same dictionary, counting a match that a negator (`not`, `no`,
    /// `never`, `without`… `data/negators.txt`) comes before, within three
    /// words of the same sentence, as negated instead of as a match.
    pub fn with_negation(mut self, negation: bool) -> Self {
        self.negation = negation;
        self
    }

    /// Parse a YAML dictionary (see [`yaml`]): nested keys are nested
    /// themes; `origin` names it in error messages.
    pub fn parse_yaml(text: &str, origin: &str) -> Result<Self, ThemeError> {
        let invalid = invalid_in(origin);
        let mut dictionary = ThemeDictionary::empty();
        yaml::read_yaml(text, &mut dictionary).map_err(|(l, m)| invalid(l, m))?;
        dictionary.non_empty(origin, "no patterns")
    }

    /// The dictionary, or an error saying `none` when it has no pattern.
    fn non_empty(self, origin: &str, none: &str) -> Result<Self, ThemeError> {
        if self.patterns.is_empty() {
            return Err(invalid_in(origin)(1, none.to_owned()));
        }
        Ok(self)
    }

    /// What the user should know about how the dictionary was read.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Parse dictionary CSV text; `origin` names it in error messages.
    pub fn parse(text: &str, origin: &str) -> Result<Self, ThemeError> {
        let invalid = invalid_in(origin);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| invalid(1, e.to_string()))?
            .clone();
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
        };
        let (Some(theme_col), Some(pattern_col)) = (column("theme"), column("pattern")) else {
            return Err(invalid(
                1,
                "the header must name the columns `theme,pattern`".into(),
            ));
        };
        // A column this reader does not know would be silently dropped:
        // a `weight` column, say, whose weights would not count.
        if let Some(unknown) = headers.iter().map(str::trim).find(|h| {
            !["theme", "pattern"]
                .iter()
                .any(|k| h.eq_ignore_ascii_case(k))
        }) {
            return Err(invalid(
                1,
                format!(
                    "unknown column `{unknown}`: a theme dictionary has the columns \
                     `theme,pattern` only (weights are not read yet)"
                ),
            ));
        }
        let mut dictionary = ThemeDictionary::empty();
        for record in reader.records() {
            let record =
                record.map_err(|e| invalid(e.position().map_or(0, |p| p.line()), e.to_string()))?;
            let line = record.position().map_or(0, |p| p.line());
            let theme = record.get(theme_col).unwrap_or("").trim();
            let pattern = record.get(pattern_col).unwrap_or("").trim();
            dictionary
                .add(theme, pattern)
                .map_err(|message| invalid(line, message))?;
        }
        dictionary.non_empty(origin, "no patterns")
    }

    fn empty() -> Self {
        ThemeDictionary {
            themes: Vec::new(),
            patterns: Vec::new(),
            by_first_word: HashMap::default(),
            prefixes: BTreeMap::new(),
            notes: Vec::new(),
            parents: Vec::new(),
            negation: false,
        }
    }

    fn add(&mut self, theme: &str, pattern: &str) -> Result<(), String> {
        if theme.is_empty() || pattern.is_empty() {
            return Err("a row needs both a theme and a pattern".into());
        }
        if theme.contains(char::is_control) || pattern.contains(char::is_control) {
            return Err("a theme or pattern may not hold a line break or control \
                        character (is a quote left unclosed?)"
                .into());
        }
        let (words, last_is_prefix) = pattern_words(pattern)?;
        let theme = self.theme_index(theme)?;
        let index = self.patterns.len();
        if last_is_prefix && words.len() == 1 {
            let prefix = &words[0];
            self.prefixes
                .entry(prefix.len())
                .or_default()
                .entry(prefix.clone())
                .or_default()
                .push(index);
        } else {
            self.by_first_word
                .entry(words[0].clone())
                .or_default()
                .push(index);
        }
        self.patterns.push(Pattern {
            lineage: self.lineage(theme),
            words,
            last_is_prefix,
        });
        Ok(())
    }

    /// The index of theme `name`, registered if new, after its parent
    /// (`security` for `security/violence`), which is registered first if
    /// it is new too.
    fn theme_index(&mut self, name: &str) -> Result<usize, String> {
        if let Some(index) = self.themes.iter().position(|t| t == name) {
            return Ok(index);
        }
        if name.split('/').any(|level| level.trim().is_empty()) {
            return Err(format!(
                "theme `{name}`: every level of a nested theme needs a name \
                 (`security/violence`)"
            ));
        }
        let parent = match name.rsplit_once('/') {
            Some((parent, _)) => Some(self.theme_index(parent)?),
            None => None,
        };
        self.themes.push(name.to_owned());
        self.parents.push(parent);
        Ok(self.themes.len() - 1)
    }

    /// Theme `theme` and its ancestors, nearest first.
    fn lineage(&self, theme: usize) -> Vec<usize> {
        std::iter::successors(Some(theme), |&t| self.parents[t]).collect()
    }

    /// Theme names, in the order the dictionary first gives them (a
    /// nested theme's parent just before its first child).
    pub fn themes(&self) -> &[String] {
        &self.themes
    }

    /// Number of patterns.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Count matches in one sentence's terms (lowercase words) and add them
    /// to `tallies` (one per theme); returns the words inside any match.
    pub fn match_sentence(&self, terms: &[&str], tallies: &mut [ThemeTally]) -> usize {
        let starts: Vec<bool> = terms.iter().map(|term| self.may_start(term)).collect();
        self.match_sentence_at(terms, &starts, tallies, None)
    }

    /// Whether some pattern may start at `term` (lowercase): a caller that
    /// meets the same terms again and again works this out once a term.
    pub fn may_start(&self, term: &str) -> bool {
        self.candidates(term).next().is_some()
    }

    /// [`ThemeDictionary::match_sentence`], told which terms may start a
    /// pattern (`starts[i]` is [`ThemeDictionary::may_start`] of `terms[i]`).
    /// Returns how many of the words are inside a match of any theme, each
    /// counted once.
    /// Each match is also pushed to `sink`, when given.
    pub fn match_sentence_at(
        &self,
        terms: &[&str],
        starts: &[bool],
        tallies: &mut [ThemeTally],
        mut sink: Option<&mut Vec<ThemeMatch>>,
    ) -> usize {
        if !starts.contains(&true) {
            return 0;
        }
        // Matches are found at rising starts: the words covered so far are
        // those before `covered_to`, and a match adds what lies past it.
        let (mut covered, mut covered_to) = (0, 0);
        let mut free_from = vec![0usize; self.themes.len()];
        let mut best: Vec<Option<usize>> = vec![None; self.themes.len()];
        for start in (0..terms.len()).filter(|&start| starts[start]) {
            best.fill(None);
            for pattern in self.candidates(terms[start]) {
                let p = &self.patterns[pattern];
                if !p.matches(&terms[start..]) {
                    continue;
                }
                for &theme in &p.lineage {
                    let longer =
                        best[theme].is_none_or(|b| p.words.len() > self.patterns[b].words.len());
                    if start >= free_from[theme] && longer {
                        best[theme] = Some(pattern);
                    }
                }
            }
            for (theme, found) in best.iter().enumerate() {
                if let Some(pattern) = found {
                    let len = self.patterns[*pattern].words.len();
                    let text = terms[start..start + len].join(" ");
                    let tally = &mut tallies[theme];
                    let negated = self.negation && follows_negator(&terms[..start]);
                    if let Some(sink) = sink.as_deref_mut() {
                        sink.push(ThemeMatch {
                            theme,
                            start,
                            len,
                            negated,
                        });
                    }
                    if negated {
                        tally.negated += 1;
                    } else {
                        tally.count += 1;
                        *tally.matched.entry(text).or_default() += 1;
                    }
                    free_from[theme] = start + len;
                    covered += (start + len).saturating_sub(start.max(covered_to));
                    covered_to = covered_to.max(start + len);
                }
            }
        }
        covered
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

/// A pattern's words, cut as a text's words are (`al-Qaeda` and `don't`
/// are one word each, `interest rates` two) and made terms
/// (lowercase, curly apostrophes straight), and whether the last is a
/// prefix (the pattern ends in `*`).
fn pattern_words(pattern: &str) -> Result<(Vec<String>, bool), String> {
    let stem = pattern.strip_suffix('*');
    let body = stem.unwrap_or(pattern);
    let star_misplaced =
        body.contains('*') || stem.is_some_and(|s| s.ends_with(char::is_whitespace));
    let words: Vec<String> = crate::text::words::words(body)
        .iter()
        .map(|word| crate::text::words::term(word.text))
        .collect();
    if star_misplaced || words.is_empty() {
        return Err(format!(
            "pattern `{pattern}`: `*` may only end the last word, after at least one letter"
        ));
    }
    Ok((words, stem.is_some()))
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

/// Errors of the dictionary `origin`, by line.
fn invalid_in(origin: &str) -> impl Fn(u64, String) -> ThemeError + '_ {
    move |line, message| ThemeError::Invalid {
        origin: origin.to_owned(),
        line,
        message,
    }
}

/// Words before a match in which a negator counts.
pub const NEGATION_WINDOW: usize = 3;

/// Whether a negator is among the last [`NEGATION_WINDOW`] of `before`
/// (the terms before a match, in its sentence).
fn follows_negator(before: &[&str]) -> bool {
    static NEGATORS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let negators = NEGATORS.get_or_init(|| crate::data::entries(crate::data::NEGATORS).collect());
    let from = before.len().saturating_sub(NEGATION_WINDOW);
    before[from..].iter().any(|term| negators.contains(term))
}

/// The parent of a nested theme (`security` for `security/violence`;
/// `""` for a theme at the top).
pub fn theme_parent(theme: &str) -> &str {
    theme.rsplit_once('/').map_or("", |(parent, _)| parent)
}

impl Pattern {
    fn matches(&self, terms: &[&str]) -> bool {
        let n = self.words.len();
        if terms.len() < n {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn bad_dictionaries_are_rejected_with_a_line() {
        let err =
            ThemeDictionary::parse("theme,pattern\nx,good\nx,bad*word\n", "f.csv").unwrap_err();
        assert!(err.to_string().contains("line 3"), "{err}");
        assert!(ThemeDictionary::parse("name,value\nx,y\n", "f").is_err());
        assert!(ThemeDictionary::parse("theme,pattern\n", "f").is_err());
        assert!(ThemeDictionary::parse("theme,pattern\nx,*\n", "f").is_err());
        let unclosed = ThemeDictionary::parse("theme,pattern\nx,\"open\ny,z\n", "f").unwrap_err();
        assert!(unclosed.to_string().contains("line 2"), "{unclosed}");
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
}
