//! One document, counted block by block into small accumulators: the only
//! place text becomes counts. A block (a paragraph, heading, list item or
//! quote) is split into sentences and words, each word is looked up in the
//! worker's [`Lexicon`], and what the measures need is added up: occurrences
//! per spelling, proper-noun evidence per term, the sequence of word types
//! (for MATTR and MTLD, 4 bytes a word), term and theme counts. Nothing of
//! a block is kept once it is counted, so memory grows with the document's
//! vocabulary and word count, never with copies of its text.

use super::lexicon::Lexicon;
use super::tally::{DocumentTally, SpellingTally, TypeTally};
use super::{AnalysisRules, KwicLine, SentenceStats};
use crate::text::paragraphs::BlockSpan;
use crate::text::sentences::split_blocks;
use crate::text::words::{words, Word};
use crate::themes::{SentenceWords, ThemeDictionary, ThemeMatch, ThemeTally};
use rustc_hash::FxHashMap;

/// A spelling met in this document.
#[derive(Debug, Clone, Copy)]
struct SpellingSeen {
    /// Its id in the lexicon.
    id: u32,
    /// Its type (term) in this document.
    word_type: u32,
    /// How often it occurs.
    occurrences: usize,
}

/// A type (lowercased term) met in this document.
#[derive(Debug, Clone, Copy)]
struct TypeSeen {
    /// Its term's id in the lexicon.
    term: u32,
    /// Written in lower case somewhere.
    lower_seen: bool,
    /// Written with a capital inside a sentence somewhere.
    capital_inside: bool,
    /// Occurrences, for single-word terms.
    occurrences: usize,
    /// Some theme pattern may start with it.
    starts_theme: bool,
}

/// What one document's blocks add up to so far.
pub struct DocumentCounter<'a> {
    themes: &'a ThemeDictionary,
    rules: &'a AnalysisRules,
    spelling_index: FxHashMap<u32, u32>,
    spellings: Vec<SpellingSeen>,
    type_index: FxHashMap<u32, u32>,
    types: Vec<TypeSeen>,
    tokens: Vec<u32>,
    sentences: usize,
    characters: usize,
    theme_words: usize,
    ngrams: FxHashMap<String, usize>,
    tallies: Vec<ThemeTally>,
    sentence_stats: Vec<SentenceStats>,
    kwic: Vec<KwicLine>,
    /// The matches of the sentence being counted (kept between sentences
    /// so that its room is reused).
    found: Vec<ThemeMatch>,
}

impl<'a> DocumentCounter<'a> {
    /// An empty count under `rules`, matching `themes`.
    pub fn new(themes: &'a ThemeDictionary, rules: &'a AnalysisRules) -> Self {
        DocumentCounter {
            themes,
            rules,
            spelling_index: FxHashMap::default(),
            spellings: Vec::new(),
            type_index: FxHashMap::default(),
            types: Vec::new(),
            tokens: Vec::new(),
            sentences: 0,
            characters: 0,
            theme_words: 0,
            ngrams: FxHashMap::default(),
            tallies: vec![ThemeTally::default(); themes.themes().len()],
            sentence_stats: Vec::new(),
            kwic: Vec::new(),
            found: Vec::new(),
        }
    }

    /// Count one block of `body`.
    pub fn add_block(&mut self, lexicon: &mut Lexicon, body: &str, block: &BlockSpan) {
        let text = &body[block.range.clone()];
        self.characters += non_space_chars(text);
        let offset = block.range.start;
        let mut found = words(text).into_iter().peekable();
        let mut sentence: Vec<Word<'_>> = Vec::new();
        for range in split_blocks(body, std::slice::from_ref(block)) {
            sentence.clear();
            while let Some(word) = found.next_if(|w| w.start + offset < range.end) {
                // Where it starts in the sentence's own text.
                let start = (word.start + offset).saturating_sub(range.start);
                sentence.push(Word { start, ..word });
            }
            self.add_sentence(lexicon, &body[range], &sentence);
        }
    }

    /// Count one sentence's words; `text` is the sentence as written, and
    /// each word's `start` is its offset in `text` (a word that runs past
    /// the sentence's end, as `dangerous.The` where the sentences are
    /// glued, ends past `text`).
    fn add_sentence(&mut self, lexicon: &mut Lexicon, text: &str, words: &[Word<'_>]) {
        if words.is_empty() {
            return;
        }
        self.sentences += 1;
        let mut ids = Vec::with_capacity(words.len());
        let mut starts = Vec::with_capacity(words.len());
        let mut lower_case = Vec::with_capacity(words.len());
        let mut syllables = 0;
        for (position, word) in words.iter().enumerate() {
            let id = lexicon.spelling_id(word.text);
            let spelling = *lexicon.spelling(id);
            syllables += spelling.facts.syllables as usize;
            let word_type = self.count_spelling(id, spelling.term, lexicon);
            let seen = &mut self.types[word_type as usize];
            if !spelling.facts.is_number() {
                seen.lower_seen |= !spelling.facts.capitalized;
                seen.capital_inside |= spelling.facts.capitalized && position > 0;
            }
            starts.push(seen.starts_theme);
            let facts = spelling.facts;
            lower_case.push(!facts.capitalized || (position == 0 && !facts.in_capitals));
            self.tokens.push(word_type);
            ids.push(spelling.term);
        }
        let terms: Vec<&str> = ids.iter().map(|&id| lexicon.term(id)).collect();
        let mut found = std::mem::take(&mut self.found);
        found.clear();
        let keep = self.rules.kwic_window.map(|_| &mut found);
        let sentence_words = SentenceWords {
            terms: &terms,
            starts: &starts,
            lower_case: &lower_case,
        };
        self.theme_words += self
            .themes
            .match_sentence_at(sentence_words, &mut self.tallies, keep);
        if let Some(window) = self.rules.kwic_window {
            let lines = found
                .iter()
                .map(|m| kwic_line(text, words, m, window, self.sentences));
            self.kwic.extend(lines);
        }
        self.found = found;
        self.rules.terms.count_ngrams(&terms, &mut self.ngrams);
        if self.rules.sentences {
            self.sentence_stats.push(SentenceStats {
                text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                words: words.len(),
                syllables,
            });
        }
    }

    /// Add one occurrence of a spelling; its type in this document.
    fn count_spelling(&mut self, id: u32, term: u32, lexicon: &Lexicon) -> u32 {
        let next = self.spellings.len() as u32;
        let index = *self.spelling_index.entry(id).or_insert(next);
        if index == next {
            let word_type = self.type_of(term, lexicon);
            self.spellings.push(SpellingSeen {
                id,
                word_type,
                occurrences: 0,
            });
        }
        let seen = &mut self.spellings[index as usize];
        seen.occurrences += 1;
        self.types[seen.word_type as usize].occurrences += 1;
        seen.word_type
    }

    /// This document's type for a term, numbered in order of first use.
    fn type_of(&mut self, term: u32, lexicon: &Lexicon) -> u32 {
        let next = self.types.len() as u32;
        let index = *self.type_index.entry(term).or_insert(next);
        if index == next {
            self.types.push(TypeSeen {
                term,
                lower_seen: false,
                capital_inside: false,
                occurrences: 0,
                starts_theme: self.themes.may_start(lexicon.term(term)),
            });
        }
        index
    }

    /// What the blocks added up to, free of the lexicon.
    pub fn into_tally(self, lexicon: &Lexicon) -> DocumentTally {
        let spellings = self.spellings.iter().map(|seen| SpellingTally {
            facts: lexicon.spelling(seen.id).facts,
            word_type: seen.word_type,
            occurrences: seen.occurrences,
        });
        let types = self.types.iter().map(|seen| TypeTally {
            term: lexicon.term(seen.term).to_owned(),
            lower_seen: seen.lower_seen,
            capital_inside: seen.capital_inside,
            occurrences: seen.occurrences,
        });
        DocumentTally {
            spellings: spellings.collect(),
            types: types.collect(),
            tokens: self.tokens.into(),
            sentences: self.sentences,
            characters: self.characters,
            theme_words: self.theme_words,
            ngrams: self.ngrams,
            themes: self.tallies,
            sentence_stats: self.sentence_stats.into(),
            kwic: self.kwic.into(),
            ..DocumentTally::default()
        }
    }
}

/// A match in its sentence (`text`, whose `words` start at offsets within
/// it) with up to `window` words either side, each part as written.
fn kwic_line(
    text: &str,
    words: &[Word<'_>],
    found: &ThemeMatch,
    window: usize,
    sentence: usize,
) -> KwicLine {
    let span = |from: usize, to: usize| -> String {
        if from >= to {
            return String::new();
        }
        // A word glued to the next sentence (`dangerous.The`) is cut at
        // the sentence's end.
        let end = words[to - 1].end().min(text.len());
        match text.get(words[from].start.min(end)..end) {
            Some(written) => written.split_whitespace().collect::<Vec<_>>().join(" "),
            None => words[from..to]
                .iter()
                .map(|w| w.text)
                .collect::<Vec<_>>()
                .join(" "),
        }
    };
    let end = found.start + found.len;
    KwicLine {
        sentence,
        theme: found.theme,
        left: span(found.start.saturating_sub(window), found.start),
        matched: span(found.start, end),
        right: span(end, (end + window).min(words.len())),
        negated: found.negated,
    }
}

/// Characters other than white space, bytes at a time where the text is ASCII.
fn non_space_chars(text: &str) -> usize {
    if text.is_ascii() {
        // `char::is_whitespace` in ASCII: tab to carriage return, and space.
        text.bytes()
            .filter(|b| !matches!(b, b'\t'..=b'\r' | b' '))
            .count()
    } else {
        text.chars().filter(|c| !c.is_whitespace()).count()
    }
}
