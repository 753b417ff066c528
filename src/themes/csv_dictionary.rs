//! The theme dictionary CSV of the SPEC: a header naming the columns
//! `theme,pattern`, then one pattern a row. Two more columns may be given:
//! `weight` (a number, 1 when the cell is empty: the pattern's share of the
//! weighted score) and `case` (`lower` for a pattern that matches only words
//! written in lower case, or capitalized as a sentence's first word; `any`
//! or empty otherwise). Lines starting with `#` before the header are
//! comments (the built-in dictionaries name their sources there). A column
//! the reader does not know is an error, never silently dropped.

use super::{parse_weight, PatternRule, ThemeDictionary, WEIGHT_UNIT};

/// The columns a dictionary CSV may have.
const COLUMNS: [&str; 4] = ["theme", "pattern", "weight", "case"];

/// Where each column is in the file.
struct Layout {
    theme: usize,
    pattern: usize,
    weight: Option<usize>,
    case: Option<usize>,
    /// Columns without a name (a spreadsheet's trailing commas): allowed
    /// while they hold nothing.
    unnamed: Vec<usize>,
}

/// Read dictionary CSV text into `dictionary`; an error is (line, message).
pub(super) fn read_csv(text: &str, dictionary: &mut ThemeDictionary) -> Result<(), (u64, String)> {
    let (comment_lines, body) = without_leading_comments(text);
    let at = |line: u64| line + comment_lines;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(body.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| (at(1), e.to_string()))?
        .clone();
    let layout = layout(&headers).map_err(|m| (at(1), m))?;
    for record in reader.records() {
        let record =
            record.map_err(|e| (at(e.position().map_or(0, |p| p.line())), e.to_string()))?;
        let line = at(record.position().map_or(0, |p| p.line()));
        // A blank row (`,,` from a spreadsheet) holds nothing to read.
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cell = |column: usize| record.get(column).unwrap_or("").trim();
        let rule = rule(&record, &layout).map_err(|m| (line, m))?;
        dictionary
            .add_with(cell(layout.theme), cell(layout.pattern), rule)
            .map_err(|message| (line, message))?;
    }
    Ok(())
}

/// The number of `#` comment lines (and blank lines among them) before the
/// header, and the text from the header on.
fn without_leading_comments(text: &str) -> (u64, &str) {
    let mut rest = text;
    let mut skipped = 0;
    while let Some((line, after)) = rest.split_once('\n') {
        let line = line.trim();
        // A spreadsheet that saved the file may have quoted the comment.
        let comment = line.starts_with('#') || line.starts_with("\"#");
        if !(comment || line.is_empty()) {
            break;
        }
        rest = after;
        skipped += 1;
    }
    (skipped, rest)
}

/// Where the known columns are; an error for a missing `theme` or
/// `pattern`, or a column of another name.
fn layout(headers: &csv::StringRecord) -> Result<Layout, String> {
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    if let Some(unknown) = headers
        .iter()
        .map(str::trim)
        .find(|h| !h.is_empty() && !COLUMNS.iter().any(|k| h.eq_ignore_ascii_case(k)))
    {
        return Err(format!(
            "unknown column `{unknown}`: a theme dictionary has the columns \
             `theme,pattern` and, optionally, `weight` and `case`"
        ));
    }
    for (at, name) in headers.iter().enumerate() {
        let name = name.trim();
        let again = headers
            .iter()
            .skip(at + 1)
            .any(|h| h.trim().eq_ignore_ascii_case(name));
        if !name.is_empty() && again {
            return Err(format!("column `{name}` is named twice"));
        }
    }
    let (Some(theme), Some(pattern)) = (column("theme"), column("pattern")) else {
        return Err("the header must name the columns `theme,pattern`".into());
    };
    Ok(Layout {
        theme,
        pattern,
        weight: column("weight"),
        case: column("case"),
        unnamed: (0..headers.len())
            .filter(|&c| headers[c].trim().is_empty())
            .collect(),
    })
}

/// How a row's pattern counts, from its `weight` and `case` cells.
fn rule(record: &csv::StringRecord, layout: &Layout) -> Result<PatternRule, String> {
    let cell = |column: Option<usize>| column.and_then(|c| record.get(c)).unwrap_or("").trim();
    if let Some(&c) = layout.unnamed.iter().find(|&&c| !cell(Some(c)).is_empty()) {
        return Err(format!(
            "`{}` is in a column without a name (column {})",
            cell(Some(c)),
            c + 1
        ));
    }
    let weight = match cell(layout.weight) {
        "" => WEIGHT_UNIT,
        written => parse_weight(written)?,
    };
    let lower_case_only = match cell(layout.case).to_ascii_lowercase().as_str() {
        "" | "any" => false,
        "lower" => true,
        other => {
            return Err(format!(
                "case `{other}`: a pattern's case is `any` (the default) or `lower`"
            ))
        }
    };
    Ok(PatternRule {
        weight,
        lower_case_only,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::themes::ThemeTally;

    fn parse(text: &str) -> Result<ThemeDictionary, String> {
        ThemeDictionary::parse(text, "f.csv").map_err(|e| e.to_string())
    }

    #[test]
    fn bad_dictionaries_are_rejected_with_a_line() {
        let err = parse("theme,pattern\nx,good\nx,bad*word\n").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
        assert!(parse("name,value\nx,y\n").is_err());
        assert!(parse("theme,pattern\n").is_err());
        assert!(parse("theme,pattern\nx,*\n").is_err());
        let unclosed = parse("theme,pattern\nx,\"open\ny,z\n").unwrap_err();
        assert!(unclosed.contains("line 2"), "{unclosed}");
    }

    #[test]
    fn an_unknown_column_is_an_error_naming_it() {
        let err = parse("theme,pattern,score\nx,y,1\n").unwrap_err();
        assert!(err.contains("line 1") && err.contains("`score`"), "{err}");
    }

    #[test]
    fn comments_before_the_header_are_skipped_and_lines_still_counted() {
        let text = "# sources\n#\n\ntheme,pattern\nx,good\nx,bad*word\n";
        let err = parse(text).unwrap_err();
        assert!(err.contains("line 6"), "{err}");
        assert_eq!(
            parse("# a\ntheme,pattern\nx,y\n").unwrap().pattern_count(),
            1
        );
        let resaved = "\"# sources, with a comma\",,\ntheme,pattern,\nx,y,\n";
        assert_eq!(parse(resaved).unwrap().pattern_count(), 1);
        assert_eq!(
            parse("theme,pattern\nx,y\n,\n\nz,w\n")
                .unwrap()
                .pattern_count(),
            2
        );
        let twice = parse("theme,pattern,weight,weight\nx,y,1,2\n").unwrap_err();
        assert!(twice.contains("`weight` is named twice"), "{twice}");
        let stray = parse("theme,pattern,\nx,y,z\n").unwrap_err();
        assert!(stray.contains("line 2") && stray.contains("`z`"), "{stray}");
    }

    #[test]
    fn weights_are_read_exactly_and_checked() {
        let d = parse("theme,pattern,weight\nx,good,0.25\nx,bad,-1.5\nx,plain,\n").unwrap();
        let weights: Vec<i64> = d.patterns.iter().map(|p| p.weight).collect();
        assert_eq!(weights, [250_000, -1_500_000, 1_000_000]);
        assert!(d.is_weighted());
        for bad in ["abc", "1e9", "NaN", "inf"] {
            let err = parse(&format!("theme,pattern,weight\nx,y,{bad}\n")).unwrap_err();
            assert!(
                err.contains("line 2") && err.contains("weight"),
                "{bad}: {err}"
            );
        }
        let plain = parse("theme,pattern,weight\nx,y,1\n").unwrap();
        assert!(!plain.is_weighted());
    }

    #[test]
    fn the_weighted_score_sums_the_weights_of_the_matches() {
        let d =
            parse("theme,pattern,weight\ntone,good,2\ntone,bad,-1.5\ntone,very bad,-3\n").unwrap();
        let mut tallies = vec![ThemeTally::default()];
        let terms = ["good", "and", "bad", "and", "very", "bad", "good"];
        d.match_sentence(&terms, &mut tallies);
        assert_eq!(tallies[0].count, 4);
        assert_eq!(tallies[0].weighted_score(), 2.0 - 1.5 - 3.0 + 2.0);
    }

    #[test]
    fn case_is_any_or_lower() {
        let d = parse("theme,pattern,case\nh,may,lower\nh,might,ANY\nh,could,\n").unwrap();
        let lower: Vec<bool> = d.patterns.iter().map(|p| p.lower_case_only).collect();
        assert_eq!(lower, [true, false, false]);
        let err = parse("theme,pattern,case\nh,may,upper\n").unwrap_err();
        assert!(err.contains("line 2") && err.contains("`upper`"), "{err}");
    }
}
