//! List markers: the bullets and enumerators that start list items, at the
//! start of a line (`- `, `• `, `1. `, `2) `, `(c) `) or run together on one
//! line (`The plan: 1.) cut waste 2.) raise pay`, `a. … b. …`, `• i. … •
//! ii. …`).
//!
//! A marker belongs to the item it starts: the item is its own sentence, and
//! the marker stays at its start (so `sentences.csv` shows the item as
//! written), but the marker is not part of the item's sentence punctuation
//! (`1.` never ends anything). Inside a line, an enumerator is a marker only
//! as part of a sequence that counts up from its first value (`1.` `2.`
//! `3.`; `a)` `b)`; `i.` `ii.` `iii.`), each preceded by white space, with
//! the same punctuation: so `grew 3.5 per cent`, `in 2019. Then` and
//! `chapter 2 of` are not markers. A bullet character other than `-`, `*`
//! and `+` (`•`, `⁃`, `▪`) between spaces starts an item anywhere.

use rustc_hash::FxHashMap;

/// Bullet characters that start a list item at the start of a line.
pub const LINE_BULLETS: &[char] = &['-', '*', '+', '•', '◦', '▪', '‣', '·', '⁃'];

/// Bullets that start a list item anywhere in a line.
const INLINE_BULLETS: &[char] = &['•', '◦', '▪', '‣', '⁃'];

/// Lower-case roman numerals one to twelve.
const ROMAN: [&str; 12] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
];

/// If `line` starts (after white space) with a list marker followed by white
/// space, the byte offset where the item's words start.
pub fn line_item_start(line: &str) -> Option<usize> {
    let body = line.trim_start();
    let indent = line.len() - body.len();
    let marker = bullet_len(body).or_else(|| line_enumerator_len(body))?;
    let rest = &body[marker..];
    let gap = rest.len() - rest.trim_start().len();
    if !(gap > 0 || rest.is_empty()) {
        return None;
    }
    // A bullet and then an enumerator (`- 1. cut waste`) are one marker.
    let after = &rest[gap..];
    let numbered = bullet_len(body)
        .and_then(|_| line_enumerator_len(after))
        .filter(|&n| after[n..].starts_with(char::is_whitespace))
        .map_or(0, |n| n + after[n..].len() - after[n..].trim_start().len());
    Some(indent + marker + gap + numbered)
}

/// Length of a bullet character at the start of `body`.
fn bullet_len(body: &str) -> Option<usize> {
    let first = body.chars().next()?;
    LINE_BULLETS.contains(&first).then(|| first.len_utf8())
}

/// Length of an enumerator at the start of a line: `12.`, `12)`, `12.)`,
/// `a)`, `(12)`, `(a)`.
fn line_enumerator_len(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let open = usize::from(bytes.first() == Some(&b'('));
    let digits = bytes[open..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let label = match digits {
        1..=3 => digits,
        0 if bytes.get(open).is_some_and(u8::is_ascii_lowercase) => 1,
        _ => return None,
    };
    let tail = &body[open + label..];
    let close = if open == 1 || digits == 0 {
        [")"].iter().find(|p| tail.starts_with(**p))
    } else {
        [".)", ".", ")"].iter().find(|p| tail.starts_with(**p))
    }?;
    Some(open + label + close.len())
}

/// How an enumerator counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Counting {
    Digits,
    Letters,
    Roman,
}

/// An enumerator found inside a line.
#[derive(Debug, Clone)]
struct Enumerator {
    /// Where its item starts: the bullet before it, if any, or itself.
    start: usize,
    /// Its label (`3`, `c`, `iv`) and the punctuation around it (`.`,
    /// `)`, `.)`, `()`).
    label: String,
    punctuation: &'static str,
    /// A bullet comes before it.
    bulleted: bool,
}

impl Enumerator {
    /// Its value in each way of counting it may follow.
    fn value(&self, counting: Counting) -> Option<usize> {
        match counting {
            Counting::Digits => self.label.parse().ok(),
            Counting::Letters => {
                let mut chars = self.label.chars();
                match (chars.next(), chars.next()) {
                    (Some(c @ 'a'..='z'), None) => Some(c as usize - 'a' as usize + 1),
                    _ => None,
                }
            }
            Counting::Roman => ROMAN.iter().position(|r| *r == self.label).map(|i| i + 1),
        }
    }
}

/// The length of the list marker (a bullet, an enumerator or both, and
/// the white space after them) that an item found by
/// [`inline_item_starts`] starts with.
pub fn item_marker_len(item: &str) -> usize {
    let bullet = bullet_prefix(item);
    let rest = &item[bullet..];
    let Some((_, _, len)) = enumerator_at(rest) else {
        return bullet;
    };
    let after = &rest[len..];
    bullet + len + after.len() - after.trim_start().len()
}

/// Where, in `block`, list items start that are run together on one line
/// (0 included when the block starts with one): each enumerator of a
/// counting sequence, and each inline bullet.
pub fn inline_item_starts(block: &str) -> Vec<usize> {
    let enumerators = enumerators(block);
    let mut starts: Vec<usize> = Vec::new();
    let mut used = vec![false; enumerators.len()];
    let index = EnumeratorIndex::new(&enumerators);
    for first in 0..enumerators.len() {
        if used[first] || !opens_list(block, &enumerators[first]) {
            continue;
        }
        for counting in [Counting::Digits, Counting::Roman, Counting::Letters] {
            let chain = sequence_from(&enumerators, &index, first, counting);
            if chain.len() >= 2 {
                for &index in &chain {
                    used[index] = true;
                    starts.push(enumerators[index].start);
                }
                break;
            }
        }
    }
    starts.extend(inline_bullets(block));
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// Whether an enumerator may open an inline list. A bare `N.` is also how
/// a sentence ends on a number (`…cut to 1. By March…`), so without a
/// bullet it opens a list only at the start of the block or after `:`,
/// `;` or a dash (`The plan: 1. …`); other forms (`1)`, `1.)`, `(1)`)
/// anywhere.
fn opens_list(block: &str, enumerator: &Enumerator) -> bool {
    if enumerator.punctuation != "." || enumerator.bulleted {
        return true;
    }
    let before = block[..enumerator.start].trim_end();
    before.is_empty() || before.ends_with([':', ';', '—', '–'])
}

/// Where each enumerator of a way of counting and punctuation, by value,
/// is: so that a sequence finds its next item without scanning them all.
struct EnumeratorIndex(FxHashMap<(Counting, &'static str, usize), Vec<usize>>);

impl EnumeratorIndex {
    fn new(enumerators: &[Enumerator]) -> Self {
        let mut map: FxHashMap<(Counting, &'static str, usize), Vec<usize>> = FxHashMap::default();
        for (at, enumerator) in enumerators.iter().enumerate() {
            for counting in [Counting::Digits, Counting::Roman, Counting::Letters] {
                if let Some(value) = enumerator.value(counting) {
                    let key = (counting, enumerator.punctuation, value);
                    map.entry(key).or_default().push(at);
                }
            }
        }
        EnumeratorIndex(map)
    }

    /// The first enumerator after `after` of this key that `accept`s.
    fn next(
        &self,
        key: (Counting, &'static str, usize),
        after: usize,
        accept: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let found = self.0.get(&key)?;
        let from = found.partition_point(|&at| at <= after);
        found[from..].iter().copied().find(|&at| accept(at))
    }
}

/// The enumerators of a sequence counting up by one from `first`, with the
/// same punctuation: from the value 1, or from any value when every one of
/// them has a bullet before it (`• 9. … • 10. …`). Their indices, or fewer
/// than two.
fn sequence_from(
    enumerators: &[Enumerator],
    index: &EnumeratorIndex,
    first: usize,
    counting: Counting,
) -> Vec<usize> {
    let start = &enumerators[first];
    let Some(value) = start.value(counting) else {
        return Vec::new();
    };
    if value != 1 && !start.bulleted {
        return Vec::new();
    }
    let mut chain = vec![first];
    let mut expected = value + 1;
    let accept = |at: usize| value == 1 || enumerators[at].bulleted;
    while let Some(next) = index.next(
        (counting, start.punctuation, expected),
        *chain.last().expect("never empty"),
        accept,
    ) {
        chain.push(next);
        expected += 1;
    }
    chain
}

/// Every token of `block` that looks like an enumerator: at the start or
/// after white space (and an optional bullet), then white space and a word.
fn enumerators(block: &str) -> Vec<Enumerator> {
    let mut found = Vec::new();
    let mut covered = 0;
    for (start, _) in block.char_indices().filter(|&(i, c)| {
        !c.is_whitespace() && (i == 0 || block[..i].ends_with(char::is_whitespace))
    }) {
        if start < covered {
            continue;
        }
        let rest = &block[start..];
        let after_bullet = bullet_prefix(rest);
        if let Some((label, punctuation, len)) = enumerator_at(&rest[after_bullet..]) {
            let tail = &rest[after_bullet + len..];
            let word_follows = tail.starts_with(char::is_whitespace)
                && tail
                    .trim_start()
                    .starts_with(|c: char| c.is_alphanumeric() || c == '"');
            if word_follows {
                covered = start + after_bullet + len;
                found.push(Enumerator {
                    start,
                    label,
                    punctuation,
                    bulleted: after_bullet > 0,
                });
            }
        }
    }
    found
}

/// Length of a bullet and the white space after it at the start of `rest`
/// (`- `, `• `), else 0.
fn bullet_prefix(rest: &str) -> usize {
    let Some(first) = rest.chars().next() else {
        return 0;
    };
    if !LINE_BULLETS.contains(&first) {
        return 0;
    }
    let after = &rest[first.len_utf8()..];
    let gap = after.len() - after.trim_start().len();
    // `⁃9.`: a bullet that is no dash or star may touch its number.
    let touching =
        INLINE_BULLETS.contains(&first) && after.starts_with(|c: char| c.is_ascii_digit());
    match LINE_BULLETS.contains(&first) && (gap > 0 || touching) {
        true => first.len_utf8() + gap,
        false => 0,
    }
}

/// An enumerator at the start of `rest`: its label, punctuation and length.
fn enumerator_at(rest: &str) -> Option<(String, &'static str, usize)> {
    let open = rest.starts_with('(');
    let body = &rest[usize::from(open)..];
    let label: String = body
        .chars()
        .take_while(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
        .collect();
    let is_number =
        !label.is_empty() && label.len() <= 2 && label.bytes().all(|b| b.is_ascii_digit());
    let is_letter = label.len() == 1 && label.bytes().all(|b| b.is_ascii_lowercase());
    if !(is_number || is_letter || ROMAN.contains(&label.as_str())) {
        return None;
    }
    let tail = &body[label.len()..];
    let punctuation = match (open, tail) {
        (true, t) if t.starts_with(')') => "()",
        (false, t) if t.starts_with(".)") => ".)",
        (false, t) if t.starts_with('.') => ".",
        (false, t) if t.starts_with(')') => ")",
        _ => return None,
    };
    let len = label.len()
        + if punctuation == "." || punctuation == ")" {
            1
        } else {
            2
        };
    Some((label, punctuation, len))
}

/// Where inline bullets (`•`, `⁃`) between white space start items.
fn inline_bullets(block: &str) -> Vec<usize> {
    block
        .char_indices()
        .filter(|&(i, c)| {
            INLINE_BULLETS.contains(&c)
                && (i == 0 || block[..i].ends_with(char::is_whitespace))
                && block[i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(block: &str) -> Vec<&str> {
        let mut starts = inline_item_starts(block);
        if starts.first() != Some(&0) {
            starts.insert(0, 0);
        }
        starts.push(block.len());
        starts
            .windows(2)
            .map(|w| block[w[0]..w[1]].trim())
            .collect()
    }

    #[test]
    fn enumerators_at_line_starts() {
        assert_eq!(line_item_start("1. x"), Some(3));
        assert_eq!(line_item_start("  12) x"), Some(6));
        assert_eq!(line_item_start("3.) x"), Some(4));
        assert_eq!(line_item_start("(a) x"), Some(4));
        assert_eq!(line_item_start("10.30 today"), None);
        assert_eq!(line_item_start("2024. It was"), None);
        assert_eq!(line_item_start("-5 degrees"), None);
        assert_eq!(line_item_start("A. Lincoln"), None);
        assert_eq!(line_item_start("- 1. Cut"), Some(5));
        assert_eq!(line_item_start("• (a) Cut"), Some(8));
    }

    #[test]
    fn counting_sequences_inside_a_line_are_items() {
        assert_eq!(
            items("The plan: 1.) Cut waste 2.) Raise pay 3.) Build homes"),
            [
                "The plan:",
                "1.) Cut waste",
                "2.) Raise pay",
                "3.) Build homes"
            ]
        );
        assert_eq!(
            items("a. The first item b. The second item c. The third item"),
            [
                "a. The first item",
                "b. The second item",
                "c. The third item"
            ]
        );
        assert_eq!(
            items("Aims: i) growth ii) jobs iii) homes iv) roads"),
            ["Aims:", "i) growth", "ii) jobs", "iii) homes", "iv) roads"]
        );
        assert_eq!(
            items("Steps • 1. plan • 2. build"),
            ["Steps", "• 1. plan", "• 2. build"]
        );
        assert_eq!(
            items("Do (1) this and (2) that"),
            ["Do", "(1) this and", "(2) that"]
        );
        assert_eq!(
            items("Later steps: • 4. test it • 5. ship it"),
            ["Later steps:", "• 4. test it", "• 5. ship it"]
        );
        assert_eq!(
            items("Options ▪7) keep ▪8) sell"),
            ["Options", "▪7) keep", "▪8) sell"]
        );
        assert_eq!(item_marker_len("• 2. build"), "• 2. ".len());
        assert_eq!(item_marker_len("(b) elections"), 4);
        assert_eq!(item_marker_len("• cut waste"), "• ".len());
    }

    #[test]
    fn numbers_that_do_not_count_up_are_not_markers() {
        for text in [
            "Prices grew 3.5 per cent in 2019. Then they fell.",
            "See chapter 2 of the report and chapter 3. It is long.",
            "The 1990s. 2. Not a list",
            "He scored 1. Then 3. Then 5.",
            "Mixed 1. one 2) two",
        ] {
            assert_eq!(items(text), [text.trim()], "{text}");
        }
    }

    #[test]
    fn inline_bullets_start_items() {
        assert_eq!(
            items("Key points • cut waste • raise pay"),
            ["Key points", "• cut waste", "• raise pay"]
        );
    }
}
