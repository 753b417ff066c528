//! The batch's vocabulary: every term seen, numbered in order of first
//! use, so that per-document and per-group term counts are small integer
//! pairs instead of strings. Numbers are internal: every report orders
//! terms by count and text, never by number, so two batches that met their
//! terms in different orders give the same reports.

use rustc_hash::FxHashMap;

/// A term's number in a [`Vocabulary`].
pub type TermId = u32;

/// Terms and their numbers. As bytes, only the terms, in number order.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(from = "Vec<Box<str>>", into = "Vec<Box<str>>")]
pub struct Vocabulary {
    ids: FxHashMap<Box<str>, TermId>,
    terms: Vec<Box<str>>,
}

impl Vocabulary {
    /// The number of `term`, given a new one if it has none yet.
    pub fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = TermId::try_from(self.terms.len()).expect("fewer than 2^32 distinct terms");
        self.terms.push(term.into());
        self.ids.insert(term.into(), id);
        id
    }

    /// The number of `term`, if it has been seen.
    pub fn id(&self, term: &str) -> Option<TermId> {
        self.ids.get(term).copied()
    }

    /// The term numbered `id`.
    pub fn term(&self, id: TermId) -> &str {
        &self.terms[id as usize]
    }

    /// Distinct terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether no term has been seen.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms, in number order.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| &**t)
    }
}

impl From<Vec<Box<str>>> for Vocabulary {
    fn from(terms: Vec<Box<str>>) -> Self {
        let mut vocabulary = Vocabulary::default();
        for term in terms {
            vocabulary.intern(&term);
        }
        vocabulary
    }
}

impl From<Vocabulary> for Vec<Box<str>> {
    fn from(vocabulary: Vocabulary) -> Self {
        vocabulary.terms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_keeps_its_first_number() {
        let mut vocabulary = Vocabulary::default();
        assert_eq!(vocabulary.intern("war"), 0);
        assert_eq!(vocabulary.intern("peace"), 1);
        assert_eq!(vocabulary.intern("war"), 0);
        assert_eq!(vocabulary.term(1), "peace");
        assert_eq!(vocabulary.id("peace"), Some(1));
        assert_eq!(vocabulary.id("truce"), None);
        assert_eq!(vocabulary.len(), 2);
    }
}
