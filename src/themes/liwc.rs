//! LIWC-style `.dic` dictionaries: the format of LIWC 2001–2015, also used
//! by the Moral Foundations Dictionary, the Lexicoder Sentiment Dictionary
//! and many published studies, and read by quanteda (`dictionary(file =
//! …, format = "LIWC")`).
//!
//! ```text
//! %
//! 1    security
//! 2    economy
//! %
//! attack*    1
//! interest rate*    2
//! budget    2    1
//! ```
//!
//! (tabs between the fields, shown here as spaces.) Between the two `%`
//! lines, one category a line: its number and its name. After them, one
//! entry a line: a word, a `*`-ended prefix or a phrase, then the numbers
//! of its categories, separated by tabs or spaces. What real files hold is read: a byte-order mark, Windows line
//! ends, blank lines, `#` comment lines, an entry repeated (its
//! categories joined), categories declared and never used (themes that
//! count nothing). LIWC 2007's conditional categories (`like
//! (02 134)125/464 …`, which depend on the word before) cannot be
//! followed here: they are left out and counted in a note. Anything else
//! that cannot be read is an error naming the line. An entry without a
//! word in it (an emoticon such as `:)`, which word segmentation never
//! yields) is left out and counted in a note too.

use super::ThemeDictionary;

/// What a `.dic` file gave besides its entries: things the user should
/// know.
#[derive(Debug, Default)]
pub(super) struct DicNotes {
    /// Conditional category references left out.
    pub conditional: usize,
    /// Entries with no word in them (emoticons such as `:)`), left out.
    pub not_words: usize,
}

/// Read `.dic` text into `dictionary`; an error is (line, message).
pub(super) fn read_dic(
    text: &str,
    dictionary: &mut ThemeDictionary,
) -> Result<DicNotes, (u64, String)> {
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .map(|(index, line)| (index as u64 + 1, line.trim_end_matches('\r')))
        .filter(|(_, line)| !is_blank_or_comment(line));
    match lines.next() {
        Some((_, line)) if line.trim() == "%" => {}
        Some((number, _)) => {
            return Err((
                number,
                "a .dic file starts with a `%` line, then its categories".into(),
            ))
        }
        None => return Err((1, "the file is empty".into())),
    }
    let mut categories: Vec<(u64, usize)> = Vec::new();
    let mut header_closed = false;
    let mut notes = DicNotes::default();
    let mut seen: std::collections::HashSet<(String, usize)> = Default::default();
    for (number, line) in lines {
        if !header_closed {
            if line.trim() == "%" {
                header_closed = true;
            } else {
                let (category, name) = category_line(line).map_err(|m| (number, m))?;
                declare(dictionary, &mut categories, category, name).map_err(|m| (number, m))?;
            }
            continue;
        }
        let entry = entry_line(line).map_err(|m| (number, m))?;
        notes.conditional += entry.conditional;
        let body = entry.pattern.trim_end_matches('*');
        if crate::text::words::words(body).is_empty() {
            notes.not_words += 1;
            continue;
        }
        for category in entry.categories {
            let theme = theme_of(&categories, category).ok_or_else(|| {
                let message = format!(
                    "entry `{}` names category {category}, which the header does not declare",
                    entry.pattern
                );
                (number, message)
            })?;
            if seen.insert((entry.pattern.to_lowercase(), theme)) {
                let name = dictionary.themes()[theme].clone();
                dictionary
                    .add(&name, &entry.pattern)
                    .map_err(|m| (number, m))?;
            }
        }
    }
    if !header_closed {
        return Err((
            1,
            "the category list is never closed by a second `%` line".into(),
        ));
    }
    Ok(notes)
}

/// A blank line or a `#` comment.
fn is_blank_or_comment(line: &str) -> bool {
    let line = line.trim();
    line.is_empty() || line == "#" || line.starts_with("# ")
}

/// `1<tab>security` → (1, "security").
fn category_line(line: &str) -> Result<(u64, &str), String> {
    let line = line.trim();
    let (number, name) = line
        .split_once(char::is_whitespace)
        .ok_or_else(|| format!("category line `{line}`: expected a number and a name"))?;
    let number: u64 = number
        .parse()
        .map_err(|_| format!("category line `{line}`: `{number}` is not a category number"))?;
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("category {number} has no name"));
    }
    Ok((number, name))
}

/// Declare category `number` named `name`: a theme of the dictionary, in
/// header order, even if no entry uses it.
fn declare(
    dictionary: &mut ThemeDictionary,
    categories: &mut Vec<(u64, usize)>,
    number: u64,
    name: &str,
) -> Result<(), String> {
    if categories.iter().any(|&(n, _)| n == number) {
        return Err(format!("category number {number} is declared twice"));
    }
    if dictionary.themes().iter().any(|theme| theme == name) {
        return Err(format!("category name `{name}` is declared twice"));
    }
    categories.push((number, dictionary.theme_index(name)?));
    Ok(())
}

/// The theme of category `number`.
fn theme_of(categories: &[(u64, usize)], number: u64) -> Option<usize> {
    categories
        .iter()
        .find(|&&(n, _)| n == number)
        .map(|&(_, theme)| theme)
}

/// One entry: its pattern, its categories, and how many conditional
/// category references were left out.
#[derive(Debug)]
struct Entry {
    pattern: String,
    categories: Vec<u64>,
    conditional: usize,
}

/// `interest rate*<tab>2<tab>7`, or the same with spaces, where the
/// trailing numbers are the categories.
fn entry_line(line: &str) -> Result<Entry, String> {
    let (pattern, rest) = match line.split_once('\t') {
        Some((pattern, rest)) => (pattern.trim().to_owned(), rest.to_owned()),
        None => split_on_spaces(line),
    };
    let (rest, conditional) = without_conditionals(&rest);
    let mut categories = Vec::new();
    for token in rest.split_whitespace() {
        let number = token
            .parse()
            .map_err(|_| format!("entry `{pattern}`: `{token}` is not a category number"))?;
        categories.push(number);
    }
    if pattern.is_empty() {
        return Err("an entry line without a word".into());
    }
    if categories.is_empty() && conditional == 0 {
        return Err(format!("entry `{pattern}` names no category"));
    }
    Ok(Entry {
        pattern,
        categories,
        conditional,
    })
}

/// A space-separated entry: the words before the first token that is a
/// category reference (a number or a conditional one), and the rest.
fn split_on_spaces(line: &str) -> (String, String) {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let is_reference = |t: &str| t.starts_with('(') || t.parse::<u64>().is_ok();
    let first = (1..tokens.len())
        .find(|&i| {
            tokens[i..]
                .iter()
                .all(|t| is_reference(t) || t.contains(')'))
        })
        .unwrap_or(tokens.len());
    (tokens[..first].join(" "), tokens[first..].join(" "))
}

/// Category references with LIWC 2007's conditions (`(02 134)125/464`)
/// taken out, and how many there were.
fn without_conditionals(references: &str) -> (String, usize) {
    let mut kept = String::new();
    let mut conditional = 0;
    let mut rest = references;
    while let Some(open) = rest.find('(') {
        kept.push_str(&rest[..open]);
        let after = rest[open..]
            .find(')')
            .map_or(rest.len(), |close| open + close + 1);
        let token_end = rest[after..]
            .find(char::is_whitespace)
            .map_or(rest.len(), |end| after + end);
        conditional += 1;
        rest = &rest[token_end..];
    }
    kept.push_str(rest);
    (kept, conditional)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_split_on_tabs_or_on_trailing_numbers() {
        let entry = entry_line("interest rate*\t2\t7").unwrap();
        assert_eq!(
            (entry.pattern.as_str(), entry.categories),
            ("interest rate*", vec![2, 7])
        );
        let entry = entry_line("interest rate*  2 7").unwrap();
        assert_eq!(
            (entry.pattern.as_str(), entry.categories),
            ("interest rate*", vec![2, 7])
        );
        let entry = entry_line("like\t(02 134)125/464\t(02 134)126\t253\t466").unwrap();
        assert_eq!(entry.categories, [253, 466]);
        assert_eq!(entry.conditional, 2);
        let entry = entry_line("like (02 134 )125/464 (02 134)126 253 466").unwrap();
        assert_eq!(
            (entry.pattern.as_str(), entry.categories),
            ("like", vec![253, 466])
        );
        assert!(entry_line("budget").is_err());
        assert!(entry_line("budget\tten").unwrap_err().contains("`ten`"));
    }

    #[test]
    fn comments_are_lines_starting_with_a_hash_and_a_space() {
        assert!(is_blank_or_comment("# from Hyland (2005)"));
        assert!(is_blank_or_comment("   "));
        assert!(
            !is_blank_or_comment("#metoo\t3"),
            "a hashtag entry is an entry"
        );
    }
}
