//! Abbreviations and sentence starters for the sentence splitter: the
//! parsed `data/abbreviations.txt` (each abbreviation with how it behaves
//! before the next word) and the list of common sentence-opening words in
//! `data/sentence_starters.txt`, which decides whether a capitalized word
//! after an abbreviation starts a new sentence.

use crate::data::EntrySet;
use std::collections::HashMap;

/// How an abbreviation behaves before the next word (second column of
/// `data/abbreviations.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Never ends a sentence: titles and ranks before a name, `e.g.`, `vs.`.
    Inner,
    /// May end a sentence: splits only before a capitalized sentence starter.
    End,
    /// An abbreviation only before a number (`No. 5`); else an ordinary word.
    Number,
    /// An abbreviation only after a number (`5 in.`); then it splits before
    /// anything but a lowercase word or a number (`6 ft. 2 in.`).
    Unit,
    /// An abbreviation only when capitalized (`Sat.`), then like `End`.
    Capitalized,
    /// A courtesy title (`Mr.`, `Dr.`): never splits, and after an `End`
    /// abbreviation starts a new sentence.
    Title,
    /// Ends a name or phrase (`etc.`, `Inc.`, `a.m.`): splits before any
    /// capitalized word but a day or month name, an acronym or another
    /// `Final` abbreviation.
    Final,
}

impl AbbrevClass {
    fn from_keyword(keyword: &str) -> Option<Self> {
        match keyword {
            "inner" => Some(Self::Inner),
            "end" => Some(Self::End),
            "num" => Some(Self::Number),
            "unit" => Some(Self::Unit),
            "cap" => Some(Self::Capitalized),
            "title" => Some(Self::Title),
            "final" => Some(Self::Final),
            _ => None,
        }
    }
}

/// The parsed abbreviation list: lowercase abbreviation without its final
/// period (two-word ones joined by one space) mapped to its class.
#[derive(Debug, Default)]
pub struct Abbreviations {
    classes: HashMap<String, AbbrevClass>,
}

impl Abbreviations {
    /// Parses the `data/abbreviations.txt` format (see that file's header).
    /// Errors name the offending line: unknown class, uppercase, final period, duplicate.
    pub fn parse(data: &str) -> Result<Self, String> {
        let mut classes = HashMap::new();
        for (number, raw) in crate::data::lines(data) {
            let line = raw.trim();
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (keyword, words) = fields.split_last().expect("line is not empty");
            let class = AbbrevClass::from_keyword(keyword)
                .filter(|_| !words.is_empty())
                .ok_or_else(|| format!("line {}: expected `<abbr> <class>`", number))?;
            let abbr = words.join(" ");
            if abbr != abbr.to_lowercase() || abbr.ends_with('.') {
                return Err(format!(
                    "line {}: `{abbr}` must be lowercase without final period",
                    number
                ));
            }
            if classes.insert(abbr.clone(), class).is_some() {
                return Err(format!("line {}: duplicate `{abbr}`", number));
            }
        }
        Ok(Self { classes })
    }

    /// The class of a lowercase abbreviation, if listed.
    pub fn class_of(&self, abbr: &str) -> Option<AbbrevClass> {
        self.classes.get(abbr).copied()
    }
}

/// Whether `word` (lowercase, straight apostrophes) commonly begins an
/// English sentence.
pub fn is_sentence_starter(word: &str) -> bool {
    static STARTERS: EntrySet = EntrySet::new(crate::data::SENTENCE_STARTERS);
    STARTERS.contains(word)
}

/// Whether `word` (lowercase) is a day or month name
/// (`data/calendar_names.txt`).
pub fn is_calendar_name(word: &str) -> bool {
    static NAMES: EntrySet = EntrySet::new(crate::data::CALENDAR_NAMES);
    NAMES.contains(word)
}

/// Whether `word` (lowercase) opens a reported clause after a verb of
/// saying (`that`, `he`: `data/clause_openers.txt`).
pub fn is_clause_opener(word: &str) -> bool {
    static OPENERS: EntrySet = EntrySet::new(crate::data::CLAUSE_OPENERS);
    OPENERS.contains(word)
}

/// Whether `word` (lowercase) is a verb of saying (`asked`, `said`:
/// `data/reporting_verbs.txt`).
pub fn is_reporting_verb(word: &str) -> bool {
    static VERBS: EntrySet = EntrySet::new(crate::data::REPORTING_VERBS);
    VERBS.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starters_are_lowercase_words() {
        let starters: Vec<&str> = crate::data::entries(crate::data::SENTENCE_STARTERS).collect();
        assert!(starters.len() > 200);
        assert!(starters
            .iter()
            .all(|w| *w == w.to_lowercase() && !w.contains(' ')));
        assert!(is_sentence_starter("however") && is_sentence_starter("they're"));
        assert!(!is_sentence_starter("army") && !is_sentence_starter("will"));
    }

    #[test]
    fn parse_rejects_bad_lines() {
        assert!(Abbreviations::parse("dr").is_err());
        assert!(Abbreviations::parse("dr rank").is_err());
        assert!(Abbreviations::parse("Dr inner").is_err());
        assert!(Abbreviations::parse("dr. inner").is_err());
        assert!(Abbreviations::parse("dr inner\ndr end").is_err());
        assert_eq!(
            Abbreviations::parse("# c\n\net al end")
                .unwrap()
                .class_of("et al"),
            Some(AbbrevClass::End)
        );
    }
}
