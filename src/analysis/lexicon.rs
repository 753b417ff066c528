//! The words a worker has met, each worked out once: a spelling's
//! syllables, letters and list memberships, and its lowercased term. A
//! batch meets the same few thousand spellings in every document, so
//! looking them up here instead of recounting them is most of what makes
//! counting fast; and a word that is already known costs a hash lookup and
//! no allocation.
//!
//! Every fact here is a pure function of the spelling, so which documents
//! a worker read first never changes a count: reports are the same for any
//! thread count. Each worker thread keeps its own lexicon (no locks); it is
//! cleared when it grows past [`MAX_SPELLINGS`], so memory stays bounded
//! on text made of endless distinct tokens.

use crate::counts::SpellingFacts;
use crate::text::words::term;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Most spellings a lexicon keeps before it starts afresh.
pub const MAX_SPELLINGS: usize = 1 << 18;

/// Interned spellings and terms with their facts.
#[derive(Debug, Default)]
pub struct Lexicon {
    spelling_ids: FxHashMap<Box<str>, u32>,
    spellings: Vec<Spelling>,
    term_ids: FxHashMap<Box<str>, u32>,
    terms: Vec<Box<str>>,
}

/// One interned spelling: its facts and its term's id.
#[derive(Debug, Clone, Copy)]
pub struct Spelling {
    /// What is known of it.
    pub facts: SpellingFacts,
    /// The id of its lowercased term.
    pub term: u32,
}

impl Lexicon {
    /// The id of `word`'s spelling, working its facts out if it is new.
    pub fn spelling_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.spelling_ids.get(word) {
            return id;
        }
        let lower = term(word);
        let facts = SpellingFacts::of(word, &lower);
        let term = self.term_id(lower);
        let id = self.spellings.len() as u32;
        self.spellings.push(Spelling { facts, term });
        self.spelling_ids.insert(word.into(), id);
        id
    }

    fn term_id(&mut self, lower: String) -> u32 {
        if let Some(&id) = self.term_ids.get(lower.as_str()) {
            return id;
        }
        let id = self.terms.len() as u32;
        let lower: Box<str> = lower.into();
        self.terms.push(lower.clone());
        self.term_ids.insert(lower, id);
        id
    }

    /// The spelling of this id.
    pub fn spelling(&self, id: u32) -> &Spelling {
        &self.spellings[id as usize]
    }

    /// The lowercased term of this id.
    pub fn term(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    /// How many spellings it holds.
    pub fn len(&self) -> usize {
        self.spellings.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.spellings.is_empty()
    }

    /// Start afresh if it has grown past [`MAX_SPELLINGS`]. Only between
    /// documents: ids held by a document in progress would go stale.
    pub fn trim(&mut self) {
        if self.len() > MAX_SPELLINGS {
            *self = Lexicon::default();
        }
    }
}

thread_local! {
    static LEXICON: RefCell<Lexicon> = RefCell::new(Lexicon::default());
}

/// Run `work` with this thread's lexicon, trimmed first.
pub fn with_lexicon<R>(work: impl FnOnce(&mut Lexicon) -> R) -> R {
    LEXICON.with(|cell| {
        let mut lexicon = cell.borrow_mut();
        lexicon.trim();
        work(&mut lexicon)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_share_their_term_and_are_worked_out_once() {
        let mut lexicon = Lexicon::default();
        let upper = lexicon.spelling_id("Kabul");
        let lower = lexicon.spelling_id("kabul");
        assert_ne!(upper, lower);
        assert_eq!(lexicon.spelling_id("Kabul"), upper);
        assert_eq!(lexicon.spelling(upper).term, lexicon.spelling(lower).term);
        assert_eq!(lexicon.term(lexicon.spelling(upper).term), "kabul");
        assert_eq!(lexicon.len(), 2);
        let quote = lexicon.spelling_id("don\u{2019}t");
        assert_eq!(lexicon.term(lexicon.spelling(quote).term), "don't");
    }

    #[test]
    fn a_full_lexicon_starts_afresh() {
        let mut lexicon = Lexicon::default();
        for n in 0..=MAX_SPELLINGS {
            lexicon.spelling_ids.insert(n.to_string().into(), n as u32);
            lexicon.spellings.push(Spelling {
                facts: SpellingFacts::of("a", "a"),
                term: 0,
            });
        }
        lexicon.trim();
        assert!(lexicon.is_empty());
    }
}
