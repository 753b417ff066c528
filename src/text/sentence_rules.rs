//! Punctuation-level rules of the sentence splitter: where, inside one block of
//! running text (a paragraph, or one list item), a run of end punctuation closes
//! a sentence.
//!
//! The block-level rules (paragraphs, list items, headings) and the loading of
//! `data/abbreviations.txt` live in `super::sentences`; this module gets the
//! parsed [`Abbreviations`] passed in. The rules, in the order they are tried:
//!
//! 1. A run of `.`, `!`, `?`, `…` (also `. . .`) takes any closing quotes and
//!    brackets after it, and a footnote marker such as `[3]`.
//! 2. With no space after the run, see [`super::glued`]: `economy.Ministers`
//!    and `$2.5bn.Critics` are two sentences; decimals, versions, `U.S.`,
//!    `e.g.`, domains and file names stay whole.
//! 3. A parenthetical citation with a number in it, closed by end punctuation
//!    (`…possible." (Orwell 1946, 12).`), stays in the sentence before it.
//! 4. `!`/`?` runs end a sentence unless the next word is lowercase
//!    (`"Why?" he asked.`), a speaker and a verb of saying follow a closing
//!    quote (`"Why now?" Jones asked.`), or a company suffix follows a brand
//!    (`Yahoo! Inc.`).
//! 5. An ellipsis of three dots (`...`, `…`, `word . . .`, `[...]`) never
//!    ends a sentence: it marks words left out inside one. A full stop and
//!    an ellipsis end one before a capitalized word: four dots (`....`,
//!    `. . . .`, `.…`), or a spaced ellipsis whose first dot is attached to
//!    the word (`word. . .`).
//! 6. A single `.`: see [`super::period_rules`] (ordinary words, and the
//!    abbreviation classes of `data/abbreviations.txt`).

use super::abbreviations::{
    is_clause_opener, is_reporting_verb, is_sentence_starter, AbbrevClass, Abbreviations,
};
use super::glued::glued_break;
use super::period_rules::period_ends_sentence;
use std::ops::Range;

/// Characters that end a sentence.
pub(super) const TERMINALS: &[char] = &['.', '!', '?', '…'];
/// Closing quotes and brackets kept with the sentence they follow.
pub(super) const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '}'];
/// Opening quotes and brackets that may come before the first word of a sentence.
pub(super) const OPENERS: &[char] = &['"', '\'', '“', '‘', '«', '(', '[', '{'];

/// What kind of end punctuation a run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RunKind {
    /// A single `.`.
    Period,
    /// `...`, `…`, `. . .` or `..`.
    Ellipsis {
        /// A full stop and an ellipsis: four dots or more (`....`,
        /// `. . . .`, `.…`), or a spaced ellipsis whose first dot is
        /// attached to the word before it (`word. . .`).
        with_full_stop: bool,
    },
    /// Contains `!` or `?`.
    Strong,
}

/// The longest stretch without white space that the rules look at around a
/// period: enough for any word, abbreviation, URL or file name in prose.
pub(super) const MAX_TOKEN_BYTES: usize = 256;

/// Byte offsets in `block`, in order, just after each punctuation run (with its
/// closing quotes/brackets) that ends a sentence before the end of the block.
/// The end of the block itself is never included.
pub fn sentence_ends(block: &str, abbreviations: &Abbreviations) -> Vec<usize> {
    let mut ends: Vec<usize> = Vec::new();
    let mut pos = 0;
    while let Some(found) = block[pos..].find(TERMINALS) {
        let start = pos + found;
        let (run_end, kind) = terminal_run(block, start);
        let end = closers_end(block, run_end);
        let sentence = ends.last().copied().unwrap_or(0)..start;
        if end < block.len() && ends_sentence(block, sentence, run_end, end, kind, abbreviations) {
            ends.push(end);
        }
        pos = end;
    }
    ends
}

/// Whether `line` ends with end punctuation, possibly followed by closing quotes or brackets.
pub fn ends_with_terminal(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(CLOSERS)
        .ends_with(TERMINALS)
}

/// The end of the punctuation run starting at `start`, and its kind.
fn terminal_run(block: &str, start: usize) -> (usize, RunKind) {
    let (mut end, mut dots, mut strong, mut ellipses) = (start, 0, false, 0);
    let attached = !block[..start].ends_with(char::is_whitespace);
    let mut spaced = false;
    loop {
        let rest = &block[end..];
        if let Some(tail) = rest.strip_prefix(". . .") {
            let more = count_spaced_dots(tail);
            end += 5 + 2 * more;
            dots += 3 + more;
            spaced = true;
            continue;
        }
        match rest.chars().next() {
            Some('.') => dots += 1,
            Some('!' | '?') => strong = true,
            Some('…') => ellipses += 1,
            _ => break,
        }
        end += rest.chars().next().map_or(0, char::len_utf8);
    }
    let kind = if strong {
        RunKind::Strong
    } else if ellipses == 0 && dots == 2 {
        // `..`: a full stop typed twice, in informal text.
        RunKind::Period
    } else if ellipses > 0 || dots > 1 {
        RunKind::Ellipsis {
            with_full_stop: dots + 3 * ellipses >= 4 || (spaced && attached && start > 0),
        }
    } else {
        RunKind::Period
    };
    (end, kind)
}

/// How many ` .` pairs directly start `rest` (the tail of a spaced ellipsis).
fn count_spaced_dots(rest: &str) -> usize {
    let mut count = 0;
    while rest[count * 2..].starts_with(" .") {
        count += 1;
    }
    count
}

/// The end of the closing quotes, brackets, further end punctuation and a
/// footnote marker (`[12]`) that follow a run ending at `end`.
fn closers_end(block: &str, mut end: usize) -> usize {
    while let Some(c) = block[end..].chars().next() {
        if !CLOSERS.contains(&c) && !TERMINALS.contains(&c) {
            break;
        }
        end += c.len_utf8();
    }
    end + footnote_len(&block[end..])
}

/// Length of a footnote marker such as `[3]` at the start of `rest`, else 0.
fn footnote_len(rest: &str) -> usize {
    let Some(inner) = rest.strip_prefix('[') else {
        return 0;
    };
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) && inner[digits..].starts_with(']') {
        digits + 2
    } else {
        0
    }
}

/// Whether the run from the end of `sentence` (which starts after the last
/// sentence end) to `run_end`, its closers ending at `end`, ends a sentence.
fn ends_sentence(
    block: &str,
    sentence: Range<usize>,
    run_end: usize,
    end: usize,
    kind: RunKind,
    abbr: &Abbreviations,
) -> bool {
    let run = sentence.end..run_end;
    let after = &block[end..];
    if !after.starts_with(char::is_whitespace) {
        let glued_kind = match kind {
            RunKind::Ellipsis {
                with_full_stop: false,
            } => return false,
            RunKind::Period | RunKind::Ellipsis { .. } => true,
            RunKind::Strong => false,
        };
        return end == run.end && glued_break(block, run, glued_kind, abbr);
    }
    let next = after.trim_start();
    if citation_follows(next) {
        return false;
    }
    match kind {
        RunKind::Strong => {
            let closers = &block[run.end..end];
            let quoted =
                closers.contains(['"', '”', '\'', '’', '»']) && !closers.contains(TERMINALS);
            let speaker = quoted && speaker_follows(next);
            let brand = end == run.end && company_suffix_follows(next, abbr);
            !(next_word_is_lowercase(next) || speaker || brand)
        }
        RunKind::Ellipsis { with_full_stop } => with_full_stop && starts_uppercase(next),
        RunKind::Period => period_ends_sentence(block, sentence, next, abbr),
    }
}

/// Whether `next` starts, after opening quotes or brackets, with a capital.
fn starts_uppercase(next: &str) -> bool {
    next.trim_start_matches(OPENERS)
        .starts_with(char::is_uppercase)
}

/// Whether `next` opens with a parenthetical holding a number and closed by
/// end punctuation right after its bracket: a citation (`(Orwell 1946,
/// 12).`, `(p. 4)!`) that belongs to the sentence before it.
fn citation_follows(next: &str) -> bool {
    let Some(inner) = next.strip_prefix('(') else {
        return false;
    };
    let window = inner.floor_char_boundary(inner.len().min(120));
    let Some(close) = inner[..window].find(')') else {
        return false;
    };
    let cited = &inner[..close];
    cited.contains(|c: char| c.is_ascii_digit())
        && !cited.contains(['(', '!', '?'])
        && !ends_with_terminal(cited)
        && inner[close + 1..].starts_with(['.', '!', '?'])
}

/// Whether `next` is a speaker (up to three capitalized words, not a
/// pronoun or other sentence opener) and then a verb of saying that ends
/// its clause: `Jones asked the minister`, `Mr. Smith said.`, after a
/// quoted question or exclamation; not `Mr Blair said he would` (a new
/// sentence reporting something else).
pub(super) fn speaker_follows(next: &str) -> bool {
    let words: Vec<&str> = next.split_whitespace().take(5).collect();
    let names = words
        .iter()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count();
    let bare = |w: &str| -> String {
        w.chars()
            .take_while(|c| c.is_alphabetic() || *c == '\'')
            .collect::<String>()
            .to_lowercase()
    };
    let Some(verb) = words.get(names) else {
        return false;
    };
    let ends_clause = verb.ends_with([',', '.', '!', '?', ';', ':'])
        || words
            .get(names + 1)
            .is_none_or(|w| !is_clause_opener(&bare(w)));
    (1..=3).contains(&names)
        && !is_sentence_starter(&bare(words[0]))
        && is_reporting_verb(&bare(verb))
        && ends_clause
}

/// Whether `next` starts with a company suffix (`Inc.`, `Ltd.`): the `!`
/// before it ends a brand name (`Yahoo! Inc.`), not a sentence.
fn company_suffix_follows(next: &str, abbr: &Abbreviations) -> bool {
    let letters = next
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(next.len());
    let (word, rest) = next.split_at(letters);
    !word.is_empty()
        && rest.starts_with('.')
        && abbr.class_of(&word.to_lowercase()) == Some(AbbrevClass::Final)
}

/// Whether the first word of `next`, after opening quotes or brackets, starts lowercase.
pub(super) fn next_word_is_lowercase(next: &str) -> bool {
    let word = next.trim_start_matches(OPENERS);
    let mut letters = word.chars().take_while(|c| c.is_alphanumeric());
    // A brand such as `iPhone` or `eBay` starts lowercase yet can open a sentence.
    letters.next().is_some_and(char::is_lowercase) && !letters.any(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abbr() -> Abbreviations {
        Abbreviations::parse("dr inner\netc end\nno num\nin unit\nsat cap\net al end\ne.g inner")
            .unwrap()
    }

    fn split(block: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = 0;
        for end in sentence_ends(block, &abbr())
            .into_iter()
            .chain([block.len()])
        {
            out.push(block[start..end].trim());
            start = end;
        }
        out
    }

    #[test]
    fn a_brand_with_an_inner_capital_can_start_a_sentence() {
        assert_eq!(
            split("Apple cut prices. iPhone sales rose."),
            ["Apple cut prices.", "iPhone sales rose."]
        );
        assert_eq!(
            split("Prices fell. eBay sellers left."),
            ["Prices fell.", "eBay sellers left."]
        );
        assert_eq!(
            split("It was cheap. and then it was not."),
            ["It was cheap. and then it was not."]
        );
    }

    #[test]
    fn runs_and_closers() {
        assert_eq!(split("Really?! Yes."), ["Really?!", "Yes."]);
        assert_eq!(
            split("He said \"Stop.\" Then he left."),
            ["He said \"Stop.\"", "Then he left."]
        );
        assert_eq!(
            split("It ended (finally!) There."),
            ["It ended (finally!)", "There."]
        );
        assert_eq!(
            split("As shown.[3] Next one."),
            ["As shown.[3]", "Next one."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split("He paused... and went on."),
            ["He paused... and went on."]
        );
        // Three dots leave words out inside a sentence, even before a capital.
        assert_eq!(
            split("It was over… Then came dawn."),
            ["It was over… Then came dawn."]
        );
        assert_eq!(split("It is . . . I mean."), ["It is . . . I mean."]);
        // A spaced ellipsis attached to its word holds a full stop.
        assert_eq!(split("Wait. . . Now go."), ["Wait. . .", "Now go."]);
        assert_eq!(split("Bohr [...] Then wrote."), ["Bohr [...] Then wrote."]);
        // Four are a full stop and an ellipsis.
        assert_eq!(
            split("I never meant that.... She left."),
            ["I never meant that....", "She left."]
        );
        assert_eq!(
            split("So it ends. . . . Next."),
            ["So it ends. . . .", "Next."]
        );
        assert_eq!(split("So it ends.… Next."), ["So it ends.…", "Next."]);
        assert_eq!(split("So it ends.... and on."), ["So it ends.... and on."]);
    }

    #[test]
    fn strong_punctuation_before_lowercase_continues() {
        assert_eq!(split("\"Why?\" he asked."), ["\"Why?\" he asked."]);
        assert_eq!(split("Stop! Go."), ["Stop!", "Go."]);
    }

    #[test]
    fn abbreviation_classes() {
        assert_eq!(split("Dr. Who came."), ["Dr. Who came."]);
        assert_eq!(split("Pens, etc. The end."), ["Pens, etc.", "The end."]);
        assert_eq!(
            split("Pens etc. Smith said so."),
            ["Pens etc. Smith said so."]
        );
        assert_eq!(split("It is No. 5 now."), ["It is No. 5 now."]);
        assert_eq!(
            split("It was no. Smith left."),
            ["It was no.", "Smith left."]
        );
        assert_eq!(
            split("It fell 2 in. Smith saw."),
            ["It fell 2 in.", "Smith saw."]
        );
        assert_eq!(
            split("It was 6 in. 3 days later, 9 in."),
            ["It was 6 in. 3 days later, 9 in."]
        );
        assert_eq!(
            split("He came in. Smith saw."),
            ["He came in.", "Smith saw."]
        );
        assert_eq!(
            split("On Sat. Smith went. They sat. Smith left."),
            ["On Sat. Smith went.", "They sat.", "Smith left."]
        );
        assert_eq!(
            split("By Lee et al. The data."),
            ["By Lee et al.", "The data."]
        );
        assert_eq!(
            split("Cities (e.g. Rome) grew."),
            ["Cities (e.g. Rome) grew."]
        );
        assert_eq!(
            split("Led by Lee (capt). Then rain."),
            ["Led by Lee (capt).", "Then rain."]
        );
        assert_eq!(
            split("It runs on MS. Then it fails."),
            ["It runs on MS.", "Then it fails."]
        );
    }

    #[test]
    fn initials_and_acronyms() {
        assert_eq!(split("George W. Bush won."), ["George W. Bush won."]);
        assert_eq!(
            split("He moved to the U.N. Then he quit."),
            ["He moved to the U.N.", "Then he quit."]
        );
        assert_eq!(
            split("The U.N. Security Council met."),
            ["The U.N. Security Council met."]
        );
    }

    #[test]
    fn numbers_and_web_tokens_do_not_split() {
        assert_eq!(
            split("It cost $3.50 at 10.30 in v1.2.3 today."),
            ["It cost $3.50 at 10.30 in v1.2.3 today."]
        );
        assert_eq!(
            split("Mail john.Doe@example.com now."),
            ["Mail john.Doe@example.com now."]
        );
        assert_eq!(split("See www.bbc.Co.uk now."), ["See www.bbc.Co.uk now."]);
    }

    #[test]
    fn missing_space_after_period() {
        assert_eq!(
            split("It ended.Then it began."),
            ["It ended.", "Then it began."]
        );
        assert_eq!(split("Really?Yes."), ["Really?", "Yes."]);
        assert_eq!(split("In the U.S.Then"), ["In the U.S.Then"]);
    }

    #[test]
    fn ends_with_terminal_sees_through_closers() {
        assert!(ends_with_terminal("He left.\")"));
        assert!(!ends_with_terminal("A heading"));
    }
}
