//! LIWC-22 `.dicx` dictionaries: the CSV that LIWC-22's Dictionary
//! Workbench saves (its layout as shown in quanteda issue #2183 and read by
//! the `liwca` package):
//!
//! ```text
//! DicTerm,security,economy
//! attack*,X,
//! interest rate*,,X
//! budget,X,X
//! ```
//!
//! The first column holds the entries (headed `DicTerm`, or `Entry`); every
//! other column is a category, a theme here, in header order. A cell marks
//! the entry as a member: `X` (either case) or `1` is a weight of 1,
//! another number is the entry's weight in that category (a weighted
//! dictionary), an empty cell or `0` is not a member. Anything else in a
//! cell is an error naming the line and the category. An entry with no word
//! in it (an emoticon) is left out with a note, as in `.dic` files.

use super::{parse_weight, PatternRule, ThemeDictionary, WEIGHT_UNIT};

/// Read `.dicx` text into `dictionary`; returns the number of entries
/// with no word in them (left out); an error is (line, message).
pub(super) fn read_dicx(
    text: &str,
    dictionary: &mut ThemeDictionary,
) -> Result<usize, (u64, String)> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(record) => record.map_err(|e| (1, e.to_string()))?,
        None => return Err((1, "the file is empty".into())),
    };
    let categories = declare(&header, dictionary).map_err(|m| (1, m))?;
    let mut not_words = 0;
    for record in records {
        let record = record.map_err(|e| (e.position().map_or(0, |p| p.line()), e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        let entry = record.get(0).unwrap_or("").trim();
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if crate::text::words::words(entry.trim_end_matches('*')).is_empty() {
            not_words += usize::from(!entry.is_empty());
            if entry.is_empty() {
                return Err((line, "a row needs an entry in its first column".into()));
            }
            continue;
        }
        add_row(&record, entry, &categories, dictionary).map_err(|m| (line, m))?;
    }
    Ok(not_words)
}

/// Register the header's categories as themes, in order; their names.
fn declare(
    header: &csv::StringRecord,
    dictionary: &mut ThemeDictionary,
) -> Result<Vec<String>, String> {
    let first = header.get(0).unwrap_or("").trim();
    if !["dicterm", "entry"].contains(&first.to_ascii_lowercase().as_str()) {
        return Err(format!(
            "a .dicx file's first column is headed `DicTerm` (or `Entry`), not `{first}`"
        ));
    }
    let mut names: Vec<String> = Vec::new();
    for name in header.iter().skip(1).map(str::trim) {
        if name.is_empty() {
            return Err("every category column needs a name".into());
        }
        if names.iter().any(|n| n == name) {
            return Err(format!("category `{name}` is a column twice"));
        }
        dictionary.theme_index(name)?;
        names.push(name.to_owned());
    }
    if names.is_empty() {
        return Err("the header names no category after the entry column".into());
    }
    Ok(names)
}

/// Add the entry of one row to each category its cells mark.
fn add_row(
    record: &csv::StringRecord,
    entry: &str,
    categories: &[String],
    dictionary: &mut ThemeDictionary,
) -> Result<(), String> {
    let extra = record
        .iter()
        .skip(categories.len() + 1)
        .any(|c| !c.trim().is_empty());
    if extra {
        return Err(format!(
            "entry `{entry}` has {} cells, more than the header's {} columns",
            record.len(),
            categories.len() + 1
        ));
    }
    for (category, cell) in categories.iter().zip(record.iter().skip(1)) {
        let weight = membership(cell.trim())
            .map_err(|m| format!("entry `{entry}`, category `{category}`: {m}"))?;
        if let Some(weight) = weight {
            let rule = PatternRule {
                weight,
                ..PatternRule::default()
            };
            dictionary.add_with(category, entry, rule)?;
        }
    }
    Ok(())
}

/// A cell's meaning: not a member (`None`) or a member of this weight.
fn membership(cell: &str) -> Result<Option<i64>, String> {
    match cell {
        "" | "0" => Ok(None),
        "X" | "x" => Ok(Some(WEIGHT_UNIT)),
        number => match parse_weight(number) {
            Ok(0) => Ok(None),
            Ok(weight) => Ok(Some(weight)),
            Err(_) => Err(format!(
                "`{number}` is neither a mark (`X`) nor a weight (a number)"
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<(ThemeDictionary, usize), (u64, String)> {
        let mut dictionary = ThemeDictionary::empty("t.dicx");
        read_dicx(text, &mut dictionary).map(|n| (dictionary, n))
    }

    #[test]
    fn marks_and_weights_make_members() {
        let text =
            "DicTerm,security,economy\nattack*,X,\ninterest rate*,,x\nbudget,1,0.5\nfoo,,\n:),X,\n";
        let (d, not_words) = read(text).unwrap();
        assert_eq!(d.themes(), ["security", "economy"]);
        let rows: Vec<(usize, String, i64)> = d
            .patterns
            .iter()
            .map(|p| (p.lineage[0], p.words.join(" "), p.weight))
            .collect();
        assert_eq!(
            rows,
            [
                (0, "attack".into(), 1_000_000),
                (1, "interest rate".into(), 1_000_000),
                (0, "budget".into(), 1_000_000),
                (1, "budget".into(), 500_000),
            ]
        );
        assert_eq!(not_words, 1, "the emoticon");
    }

    #[test]
    fn what_cannot_be_read_names_line_and_category() {
        let err = |text: &str| read(text).unwrap_err();
        assert_eq!(err("Word,a\nx,X\n").0, 1, "the first column's name");
        assert_eq!(err("DicTerm,a,a\nx,X,\n").0, 1, "a category twice");
        assert_eq!(err("DicTerm\nx\n").0, 1, "no category");
        let (line, message) = err("Entry,a,b\nx,X,\ny,,yes\n");
        assert_eq!(line, 3);
        assert!(
            message.contains("`y`") && message.contains("`b`"),
            "{message}"
        );
        assert_eq!(err("Entry,a\nx,X,X\n").0, 2, "more cells than columns");
        assert!(
            read("Entry,a\nx,X,\n").is_ok(),
            "an empty extra cell is nothing"
        );
        assert_eq!(err("Entry,a\n,X\n").0, 2, "no entry");
        assert_eq!(err("").0, 1);
    }
}
