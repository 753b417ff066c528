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
//! 2. With no space after the run it ends a sentence only for `word.Next`
//!    (lowercase word of 2+ letters, then a capitalized word) or `word?Next`,
//!    and never inside a URL, e-mail address or domain; so decimals, times,
//!    versions, `U.S.`, `e.g.` and `www.bbc.co.uk` stay whole.
//! 3. `!`/`?` runs end a sentence unless the next word is lowercase
//!    (`"Why?" he asked.`); ellipses only before a capitalized word.
//! 4. A single `.` after an ordinary word ends a sentence unless the next word
//!    is lowercase. After an abbreviation it depends on the abbreviation's
//!    [`AbbrevClass`] from `data/abbreviations.txt`: `inner` (titles, ranks,
//!    `e.g.`) never splits; `end` (`etc.`, `Inc.`, `U.S.`, `p.m.`) splits only
//!    before an opening quote or a capitalized common sentence starter (listed
//!    in `data/sentence_starters.txt`), so "U.S. Army" stays whole but "U.S. Then" splits;
//!    `num` (`No.`, `p.`) is an abbreviation only before a number, `unit`
//!    (`in.`) only after one, `cap` (`Sat.`) only when capitalized. Unlisted
//!    single capitals (initials: `George W. Bush`) and dotted single-letter
//!    acronyms (`U.N.`) count as `end`.

use super::abbreviations::{is_sentence_starter, AbbrevClass, Abbreviations};
use std::ops::Range;

/// Characters that end a sentence.
const TERMINALS: &[char] = &['.', '!', '?', '…'];
/// Closing quotes and brackets kept with the sentence they follow.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '}'];
/// Opening quotes and brackets that may come before the first word of a sentence.
const OPENERS: &[char] = &['"', '\'', '“', '‘', '«', '(', '[', '{'];

/// What kind of end punctuation a run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RunKind {
    /// A single `.`.
    Period,
    /// `...`, `…`, `. . .` or `..`.
    Ellipsis,
    /// Contains `!` or `?`.
    Strong,
}

/// The longest stretch without white space that the rules look at around a
/// period: enough for any word, abbreviation, URL or file name in prose.
const MAX_TOKEN_BYTES: usize = 256;

/// Byte offsets in `block`, in order, just after each punctuation run (with its
/// closing quotes/brackets) that ends a sentence before the end of the block.
/// The end of the block itself is never included.
pub fn sentence_ends(block: &str, abbreviations: &Abbreviations) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut pos = 0;
    while let Some(found) = block[pos..].find(TERMINALS) {
        let start = pos + found;
        let (run_end, kind) = terminal_run(block, start);
        let end = closers_end(block, run_end);
        if end < block.len() && ends_sentence(block, start..run_end, end, kind, abbreviations) {
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
    let (mut end, mut dots, mut strong, mut ellipsis) = (start, 0, false, false);
    loop {
        let rest = &block[end..];
        if let Some(tail) = rest.strip_prefix(". . .") {
            end += 5 + 2 * count_spaced_dots(tail);
            dots += 3;
            continue;
        }
        match rest.chars().next() {
            Some('.') => dots += 1,
            Some('!' | '?') => strong = true,
            Some('…') => ellipsis = true,
            _ => break,
        }
        end += rest.chars().next().map_or(0, char::len_utf8);
    }
    let kind = if strong {
        RunKind::Strong
    } else if ellipsis || dots > 1 {
        RunKind::Ellipsis
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

/// Whether the run `run` (whose closers end at `end`) ends a sentence.
fn ends_sentence(
    block: &str,
    run: Range<usize>,
    end: usize,
    kind: RunKind,
    abbr: &Abbreviations,
) -> bool {
    let after = &block[end..];
    if !after.starts_with(char::is_whitespace) {
        return end == run.end && joined_sentence_break(block, run, kind);
    }
    let next = after.trim_start();
    match kind {
        RunKind::Strong => !next_word_is_lowercase(next),
        RunKind::Ellipsis => next
            .trim_start_matches(OPENERS)
            .starts_with(char::is_uppercase),
        RunKind::Period => period_ends_sentence(block, run.start, next, abbr),
    }
}

/// Rule for a missing space: `word.Next`, `word?Next`, `word...Next`.
fn joined_sentence_break(block: &str, run: Range<usize>, kind: RunKind) -> bool {
    let left: Vec<char> = block[..run.start]
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let left_ok = match kind {
        RunKind::Period => left.len() >= 2 && left.iter().all(|c| c.is_lowercase()),
        _ => !left.is_empty(),
    };
    left_ok && starts_capitalized_word(&block[run.end..]) && !in_web_token(block, run.start)
}

/// Whether `s` starts with a capital followed by a lowercase letter, or is a
/// lone capital (`I`, `A`) followed by a space or apostrophe.
fn starts_capitalized_word(s: &str) -> bool {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() => {
            second.is_lowercase() || second.is_whitespace() || second == '\'' || second == '’'
        }
        _ => false,
    }
}

/// Whether the whitespace-delimited token around `pos` is a URL, e-mail
/// address, path or domain name (several dots).
fn in_web_token(block: &str, pos: usize) -> bool {
    let start = after_last_space(&block[..pos]);
    let ahead = block.floor_char_boundary(pos + MAX_TOKEN_BYTES);
    let end = block[pos..ahead]
        .find(char::is_whitespace)
        .map_or(ahead, |i| pos + i);
    let token =
        block[start..end].trim_end_matches(|c| TERMINALS.contains(&c) || CLOSERS.contains(&c));
    let lower = token.to_lowercase();
    lower.contains("://")
        || lower.starts_with("www.")
        || token.contains(['@', '/'])
        || token.matches('.').count() > 1
}

/// Whether the first word of `next`, after opening quotes or brackets, starts lowercase.
fn next_word_is_lowercase(next: &str) -> bool {
    let word = next.trim_start_matches(OPENERS);
    let mut letters = word.chars().take_while(|c| c.is_alphanumeric());
    // A brand such as `iPhone` or `eBay` starts lowercase yet can open a sentence.
    letters.next().is_some_and(char::is_lowercase) && !letters.any(char::is_uppercase)
}

/// Decision for a single period followed by whitespace and then `next`.
fn period_ends_sentence(block: &str, dot: usize, next: &str, abbr: &Abbreviations) -> bool {
    let (previous, word) = words_before(block, dot);
    let class = match could_be_abbreviation(word) {
        true => resolve_class(strip_quotes(previous), strip_quotes(word), next, abbr),
        false => None,
    };
    match class {
        Some(AbbrevClass::Inner) => false,
        Some(AbbrevClass::Unit) => {
            !next_word_is_lowercase(next) && !next.starts_with(|c: char| c.is_ascii_digit())
        }
        Some(_) => starts_new_sentence(next),
        None => !next_word_is_lowercase(next),
    }
}

/// The raw whitespace-delimited token right before `pos` and the one before it.
fn words_before(block: &str, pos: usize) -> (&str, &str) {
    let head = &block[..pos];
    let word_start = after_last_space(head);
    let before = head[..word_start].trim_end();
    let previous_start = after_last_space(before);
    (&before[previous_start..], &head[word_start..])
}

/// Whether the token before a period can be an abbreviation: not when a
/// closing quote or bracket separates it from the period (`(capt).`), and not
/// an all-capitals undotted acronym (`MS.`, `NATO.`), which is a plain word.
fn could_be_abbreviation(token: &str) -> bool {
    let word = token.trim_start_matches(OPENERS);
    let closed = word.ends_with(CLOSERS);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = letters >= 2 && !word.contains('.') && word.chars().all(|c| !c.is_lowercase());
    !closed && !acronym
}

/// Byte offset just after the last whitespace character of `head`, or 0.
/// Only the last [`MAX_TOKEN_BYTES`] are searched: a longer run without
/// white space is cut there, so text without spaces stays linear to split.
fn after_last_space(head: &str) -> usize {
    let window = head.floor_char_boundary(head.len().saturating_sub(MAX_TOKEN_BYTES));
    head[window..]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(window, |(i, c)| window + i + c.len_utf8())
}

fn strip_quotes(token: &str) -> &str {
    token.trim_start_matches(OPENERS).trim_end_matches(CLOSERS)
}

/// The effective class of `word` (the text before a period), reduced to
/// `Inner`, `End` or `Unit` (after a number), or `None` for an ordinary word.
fn resolve_class(
    previous: &str,
    word: &str,
    next: &str,
    abbr: &Abbreviations,
) -> Option<AbbrevClass> {
    let lower = word.to_lowercase();
    let pair = format!("{} {lower}", previous.to_lowercase());
    let class = abbr.class_of(&pair).or_else(|| abbr.class_of(&lower));
    match class {
        Some(AbbrevClass::Number) => next
            .starts_with(|c: char| c.is_ascii_digit() || c == '#')
            .then_some(AbbrevClass::Inner),
        Some(AbbrevClass::Unit) => previous
            .starts_with(|c: char| c.is_ascii_digit())
            .then_some(AbbrevClass::Unit),
        Some(AbbrevClass::Capitalized) => word
            .starts_with(char::is_uppercase)
            .then_some(AbbrevClass::End),
        Some(other) => Some(other),
        None => is_initial_or_acronym(word).then_some(AbbrevClass::End),
    }
}

/// A single capital letter (`J`) or single letters joined by periods (`U.N`, `a.k.a`).
fn is_initial_or_acronym(word: &str) -> bool {
    let segments: Vec<&str> = word.split('.').collect();
    let single_letters = segments
        .iter()
        .all(|s| s.chars().count() == 1 && s.chars().all(char::is_alphabetic));
    single_letters && (segments.len() > 1 || word.starts_with(char::is_uppercase))
}

/// After an `end` abbreviation: does `next` look like the start of a new
/// sentence? Yes for an opening quote before a capital, or a capitalized
/// sentence starter (`data/sentence_starters.txt`).
fn starts_new_sentence(next: &str) -> bool {
    let unquoted = next.trim_start_matches(['"', '“', '‘', '\'', '«']);
    if unquoted.len() < next.len() {
        return unquoted.starts_with(char::is_uppercase);
    }
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '\'' || *c == '’')
        .collect();
    let word = word.to_lowercase().replace('’', "'");
    next.starts_with(char::is_uppercase) && is_sentence_starter(&word)
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
        assert_eq!(
            split("It was over… Then came dawn."),
            ["It was over…", "Then came dawn."]
        );
        assert_eq!(split("Wait. . . Now go."), ["Wait. . .", "Now go."]);
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
