//! Theme dictionaries: read them (the `theme,pattern` CSV of the SPEC,
//! LIWC `.dic` and `.dicx`, quanteda YAML), compile them, and count their
//! matches in a document's words ([`matching`]).
//!
//! A pattern is a word (`exclusion`), a prefix with a trailing `*`
//! (`financ*`), or a phrase of several words (`chain of command`, whose last
//! word may also end in `*`). Matching ignores case (unless a pattern is
//! marked lower-case only) and stays within one sentence. Within a theme,
//! the longest pattern that matches at a word wins and its words are not
//! matched again, so `rule of law` does not also count as `law` in the same
//! theme; different themes count independently. A pattern may carry a
//! weight, summed into a weighted score beside the count.
//!
//! Themes nest by name: `security/violence` and `security/policing` are
//! children of `security`, which counts every match of either (and of its
//! own patterns) by the same rule, so a word matched by both children is
//! counted once for `security`, never twice.
//!
//! The commentary pack ([`built_in`]) is a second dictionary appended to
//! the one in use: its themes are counted and reported like any other, but
//! kept out of `dictionary_coverage`, which measures the user's dictionary.

pub mod built_in;
mod csv_dictionary;
mod dicx;
mod liwc;
mod matching;
mod yaml;

pub use matching::{SentenceWords, ThemeMatch, NEGATION_WINDOW};

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;
use std::path::Path;

/// The built-in theme dictionary, as shipped in `data/themes.csv`.
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

/// A pattern's weight is kept in millionths, so that weighted scores add
/// up exactly, in any order.
pub const WEIGHT_UNIT: i64 = 1_000_000;

/// The largest weight a pattern may have, either sign.
pub const MAX_WEIGHT: f64 = 1000.0;

/// How one pattern counts, besides its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatternRule {
    /// Its weight, in millionths ([`WEIGHT_UNIT`] is a weight of 1).
    pub weight: i64,
    /// Matches only words written in lower case (or capitalized as their
    /// sentence's first word): `may` the verb, not `May` the month.
    pub lower_case_only: bool,
}

impl Default for PatternRule {
    fn default() -> Self {
        PatternRule {
            weight: WEIGHT_UNIT,
            lower_case_only: false,
        }
    }
}

/// One pattern: its theme and its words, the last maybe a prefix.
#[derive(Debug, Clone)]
struct Pattern {
    /// Its theme and that theme's ancestors, nearest first: a match counts
    /// for each.
    lineage: Vec<usize>,
    words: Vec<String>,
    last_is_prefix: bool,
    weight: i64,
    lower_case_only: bool,
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
    /// Where the dictionary came from (`built-in` or the file).
    origin: String,
    /// Themes before this index are the dictionary's own; those after it
    /// are the commentary pack's.
    own_themes: usize,
}

/// Matches of one theme in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ThemeTally {
    /// Number of matches (not negated ones, with `--theme-negation`).
    pub count: usize,
    /// Matches with a negator among the three words before them, in the
    /// same sentence, when negation is looked for; not in `count`.
    pub negated: usize,
    /// The sum of the weights of the matches in `count`, in millionths
    /// ([`WEIGHT_UNIT`]); equal to `count` units when no weight is given.
    pub weighted: i64,
    /// The matched words or phrases (lowercase) and how often each matched.
    pub matched: BTreeMap<String, usize>,
}

impl ThemeTally {
    /// The weighted score: the sum of the weights of the matches.
    pub fn weighted_score(&self) -> f64 {
        self.weighted as f64 / WEIGHT_UNIT as f64
    }
}

/// A theme as the reports show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeLabel {
    /// Its name (`security/violence`).
    pub name: String,
    /// The dictionary it comes from: `built-in`, the file given, or
    /// `commentary` for the commentary pack.
    pub dictionary: String,
    /// A theme of the commentary pack.
    pub commentary: bool,
}

impl ThemeLabel {
    /// Its rate's column in `documents.csv` (and metric name):
    /// `theme_security_per_1000`, or `hedging_per_1000` for the pack.
    pub fn rate_name(&self) -> String {
        if self.commentary {
            format!("{}_per_1000", self.name)
        } else {
            format!("theme_{}_per_1000", self.name)
        }
    }
}

impl ThemeDictionary {
    /// The built-in dictionary.
    pub fn built_in() -> Self {
        Self::parse(BUILT_IN_CSV, "built-in").expect("built-in theme dictionary is valid")
    }

    /// Load a dictionary from a file: LIWC-style for a `.dic` file (see
    /// [`ThemeDictionary::parse_dic`]), LIWC-22's CSV for `.dicx` (see
    /// [`ThemeDictionary::parse_dicx`]), YAML for `.yml` or `.yaml` (see
    /// [`ThemeDictionary::parse_yaml`]), else the `theme,pattern` CSV.
    pub fn from_file(path: &Path) -> Result<Self, ThemeError> {
        let text = std::fs::read_to_string(path).map_err(|source| ThemeError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let origin = path.display().to_string();
        let text = text.trim_start_matches('\u{feff}');
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("dic") => Self::parse_dic(text, &origin),
            Some("dicx") => Self::parse_dicx(text, &origin),
            Some("yml" | "yaml") => Self::parse_yaml(text, &origin),
            _ => Self::parse(text, &origin),
        }
    }

    /// Parse a LIWC-style `.dic` dictionary (see [`liwc`]); `origin`
    /// names it in error messages and notes.
    pub fn parse_dic(text: &str, origin: &str) -> Result<Self, ThemeError> {
        let invalid = invalid_in(origin);
        let mut dictionary = ThemeDictionary::empty(origin);
        let notes = liwc::read_dic(text, &mut dictionary).map_err(|(l, m)| invalid(l, m))?;
        let mut dictionary = dictionary.non_empty("no entries")?;
        dictionary.note_not_words(notes.not_words);
        if notes.conditional > 0 {
            dictionary.notes.push(format!(
                "{} conditional category reference(s) (LIWC 2007's `(02 134)125/464` form, \
                 which depends on the word before) left out",
                notes.conditional
            ));
        }
        Ok(dictionary)
    }

    /// Parse a LIWC-22 `.dicx` dictionary (see [`dicx`]): one row an
    /// entry, one column a category, a cell marked or weighted.
    pub fn parse_dicx(text: &str, origin: &str) -> Result<Self, ThemeError> {
        let mut dictionary = ThemeDictionary::empty(origin);
        let not_words =
            dicx::read_dicx(text, &mut dictionary).map_err(|(l, m)| invalid_in(origin)(l, m))?;
        let mut dictionary = dictionary.non_empty("no entries")?;
        dictionary.note_not_words(not_words);
        Ok(dictionary)
    }

    /// Tell the user that `entries` entries had no word in them.
    fn note_not_words(&mut self, entries: usize) {
        if entries > 0 {
            self.notes.push(format!(
                "{entries} entr(ies) with no word in them (emoticons such as `:)`) left out: \
                 textgauge matches words"
            ));
        }
    }

    /// Parse a YAML dictionary (see [`yaml`]): nested keys are nested
    /// themes; `origin` names it in error messages.
    pub fn parse_yaml(text: &str, origin: &str) -> Result<Self, ThemeError> {
        let mut dictionary = ThemeDictionary::empty(origin);
        yaml::read_yaml(text, &mut dictionary).map_err(|(l, m)| invalid_in(origin)(l, m))?;
        dictionary.non_empty("no patterns")
    }

    /// Parse dictionary CSV text (see [`csv_dictionary`]); `origin` names
    /// it in error messages.
    pub fn parse(text: &str, origin: &str) -> Result<Self, ThemeError> {
        let mut dictionary = ThemeDictionary::empty(origin);
        csv_dictionary::read_csv(text, &mut dictionary)
            .map_err(|(l, m)| invalid_in(origin)(l, m))?;
        dictionary.non_empty("no patterns")
    }

    /// The same dictionary, counting a match that a negator (`not`, `no`,
    /// `never`, `without`… `data/negators.txt`) comes before, within three
    /// words of the same sentence, as negated instead of as a match.
    pub fn with_negation(mut self, negation: bool) -> Self {
        self.negation = negation;
        self
    }

    /// The same dictionary with the themes of `pack` appended as commentary
    /// themes: counted and reported, but not in `dictionary_coverage`.
    pub fn with_commentary(mut self, pack: &ThemeDictionary) -> Self {
        let offset = self.themes.len();
        let first_pattern = self.patterns.len();
        self.themes.extend(pack.themes.iter().cloned());
        let parents = pack.parents.iter().map(|p| p.map(|p| p + offset));
        self.parents.extend(parents);
        for pattern in &pack.patterns {
            let mut pattern = pattern.clone();
            pattern.lineage.iter_mut().for_each(|t| *t += offset);
            self.index_pattern(&pattern, self.patterns.len());
            self.patterns.push(pattern);
        }
        debug_assert_eq!(self.patterns.len(), first_pattern + pack.patterns.len());
        self
    }

    /// The dictionary, or an error saying `none` when it has no pattern.
    fn non_empty(self, none: &str) -> Result<Self, ThemeError> {
        if self.patterns.is_empty() {
            return Err(invalid_in(&self.origin)(1, none.to_owned()));
        }
        Ok(self)
    }

    /// What the user should know about how the dictionary was read.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    fn empty(origin: &str) -> Self {
        ThemeDictionary {
            themes: Vec::new(),
            patterns: Vec::new(),
            by_first_word: HashMap::default(),
            prefixes: BTreeMap::new(),
            notes: Vec::new(),
            parents: Vec::new(),
            negation: false,
            origin: origin.to_owned(),
            own_themes: 0,
        }
    }

    /// Add a pattern of weight 1, matching any case, to `theme`.
    fn add(&mut self, theme: &str, pattern: &str) -> Result<(), String> {
        self.add_with(theme, pattern, PatternRule::default())
    }

    /// Add a pattern to `theme` (registered if new), counting by `rule`.
    fn add_with(&mut self, theme: &str, pattern: &str, rule: PatternRule) -> Result<(), String> {
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
        let pattern = Pattern {
            lineage: self.lineage(theme),
            words,
            last_is_prefix,
            weight: rule.weight,
            lower_case_only: rule.lower_case_only,
        };
        self.index_pattern(&pattern, self.patterns.len());
        self.patterns.push(pattern);
        Ok(())
    }

    /// File pattern number `index` under its first word or its prefix.
    fn index_pattern(&mut self, pattern: &Pattern, index: usize) {
        let first = pattern.words[0].clone();
        if pattern.last_is_prefix && pattern.words.len() == 1 {
            let by_prefix = self.prefixes.entry(first.len()).or_default();
            by_prefix.entry(first).or_default().push(index);
        } else {
            self.by_first_word.entry(first).or_default().push(index);
        }
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
        self.own_themes = self.themes.len();
        Ok(self.themes.len() - 1)
    }

    /// Theme `theme` and its ancestors, nearest first.
    fn lineage(&self, theme: usize) -> Vec<usize> {
        std::iter::successors(Some(theme), |&t| self.parents[t]).collect()
    }

    /// Theme names, in the order the dictionary first gives them (a
    /// nested theme's parent just before its first child), then the
    /// commentary pack's.
    pub fn themes(&self) -> &[String] {
        &self.themes
    }

    /// Each theme's name and where it comes from, in [`Self::themes`] order.
    pub fn labels(&self) -> Vec<ThemeLabel> {
        let label = |(index, name): (usize, &String)| {
            let commentary = index >= self.own_themes;
            ThemeLabel {
                name: name.clone(),
                dictionary: if commentary {
                    built_in::COMMENTARY.to_owned()
                } else {
                    self.origin.clone()
                },
                commentary,
            }
        };
        self.themes.iter().enumerate().map(label).collect()
    }

    /// Number of patterns.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Whether some pattern has a weight other than 1.
    pub fn is_weighted(&self) -> bool {
        self.patterns.iter().any(|p| p.weight != WEIGHT_UNIT)
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

/// A weight as written (`1`, `0.75`, `-2.5e-1`) in millionths: a finite
/// number between -[`MAX_WEIGHT`] and [`MAX_WEIGHT`], rounded to six
/// decimals.
fn parse_weight(written: &str) -> Result<i64, String> {
    let weight: f64 = written
        .trim()
        .parse()
        .map_err(|_| format!("weight `{written}` is not a number"))?;
    if !weight.is_finite() || weight.abs() > MAX_WEIGHT {
        return Err(format!(
            "weight `{written}` is out of range: weights lie between -{MAX_WEIGHT} and {MAX_WEIGHT}"
        ));
    }
    Ok((weight * WEIGHT_UNIT as f64).round() as i64)
}

/// Errors of the dictionary `origin`, by line.
fn invalid_in(origin: &str) -> impl Fn(u64, String) -> ThemeError + '_ {
    move |line, message| ThemeError::Invalid {
        origin: origin.to_owned(),
        line,
        message,
    }
}

/// The parent of a nested theme (`security` for `security/violence`;
/// `""` for a theme at the top).
pub fn theme_parent(theme: &str) -> &str {
    theme.rsplit_once('/').map_or("", |(parent, _)| parent)
}
