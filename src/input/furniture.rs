//! Web-page furniture. A scraped article or a saved page exported as text
//! carries the page around the prose: a cookie notice, share buttons, the
//! byline and date above it; related links, an author box, a newsletter box,
//! a comment form and stray CSS below it; photo credits and "Read more:"
//! links between its paragraphs. This module sets that furniture aside,
//! conservatively, line by line within paragraphs (blocks between blank
//! lines). Each line is classed as
//!
//! * *strong* furniture: a known heading or button ("Leave a Reply", "Accept
//!   all cookies"), a furniture phrase, a row of share buttons, a list
//!   heading ("Related articles", "More from Opinion"), a byline ("By Jane
//!   Doe"), a date or reading-time row ("Published 5 May 2024, 10:32 BST",
//!   "Jane Doe | 5 min read"), a wire dateline on its own ("LONDON (Reuters)
//!   -"), a photo credit ("Photo: Jane Doe/Reuters"), a link ("Read more:
//!   Why the pound fell"); so are code, the lines of a short paragraph with
//!   a phrase wrapped over two lines, and the short lines of a byline block
//!   (a paragraph of bylines, dates, buttons and short lines);
//! * *weak*: a short unpunctuated line (a name, a button), a title-like line
//!   (one line of at most 25 words not ending like a sentence, such as a
//!   question headline), an author biography, a headline under a list
//!   heading;
//! * *prose*: everything else.
//!
//! Three cuts are made. At the top, before the first line of prose (or
//! biography), strong lines and listed headlines go but titles and short
//! lines stay, so a headline is never furniture; a one-line standfirst right
//! above a byline or date does not end the top. At the end, the cut starts at
//! the earliest strong line after the first prose after which every line is
//! strong or weak, so a weak line goes only when a strong one stands before
//! it and prose never goes. Anywhere, a credit line, a link line and a row
//! of two or more share buttons go, as none is ever prose. A dateline that
//! opens a paragraph ("LONDON (Reuters) - The bank said…") is wire copy's
//! prose and stays. The cuts never take half the document's words.
//!
//! The word lists live in `data/furniture.txt`.

use super::formats::Block;
use crate::text::paragraphs::paragraphs;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// Most words a paragraph or line may have to be furniture by a phrase in it.
const MAX_PHRASE_PARAGRAPH_WORDS: usize = 60;
/// Longest line, in bytes, that the phrase, credit, link and date rules read.
const MAX_LINE_BYTES: usize = 2_000;
/// Most words an author biography may have.
const MAX_BIO_WORDS: usize = 120;
/// Most words of a short line.
const MAX_SHORT_LINE_WORDS: usize = 8;
/// Most words of a title-like line (as `split_title` allows) or a link line.
const MAX_TITLE_WORDS: usize = 25;
/// Most words of a byline, date, dateline, share row or listed headline.
const MAX_FIELD_LINE_WORDS: usize = 16;
/// Most words of a name in a byline, or of a reading-time note.
const MAX_NAME_WORDS: usize = 6;
/// Most words of a caption with a photo credit, or of a standfirst.
const MAX_CAPTION_WORDS: usize = 40;
/// Characters that end a sentence.
const SENTENCE_ENDS: [char; 4] = ['.', '!', '?', '…'];
/// Characters between the fields of a byline or date row.
const FIELD_SEPARATORS: [char; 5] = ['|', '•', '·', '—', '–'];

/// What was set aside as furniture.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FurnitureCut {
    /// Non-blank lines set aside.
    pub lines: usize,
    /// The text set aside, paragraphs joined by blank lines.
    pub text: String,
}

/// What one line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A furniture heading, button, phrase or code (strong).
    Heading,
    /// A heading over a list of headlines (strong).
    ListHeading,
    /// A byline, date, reading time or wire dateline (strong).
    Meta,
    /// A photo credit, link or share row: furniture wherever it stands (strong).
    Aside,
    /// A headline under a list heading (weak; dropped at the top too).
    ListItem,
    /// A short unpunctuated line (weak; kept at the top).
    Short,
    /// An author biography (weak at the end, prose at the top).
    Bio,
    /// A single line that may be a title (weak; kept at the top).
    Title,
    /// Prose.
    Prose,
}

impl Class {
    fn is_strong(self) -> bool {
        matches!(
            self,
            Class::Heading | Class::ListHeading | Class::Meta | Class::Aside
        )
    }
}

/// One non-blank line of the text, as written, with its paragraph's index.
struct Unit<'a> {
    paragraph: usize,
    line: &'a str,
    class: Class,
}

/// The sections of `data/furniture.txt`, by name without brackets.
type FurnitureLists = HashMap<&'static str, Vec<&'static str>>;

/// The entries of one section of `data/furniture.txt` (empty if missing).
fn list(section: &str) -> &'static [&'static str] {
    static LISTS: OnceLock<FurnitureLists> = OnceLock::new();
    let lists = LISTS.get_or_init(|| parse_lists(crate::data::FURNITURE));
    lists.get(section).map_or(&[], Vec::as_slice)
}

/// Entries are trimmed except biography cues, whose spaces mark word edges.
fn parse_lists(source: &'static str) -> FurnitureLists {
    let mut lists = FurnitureLists::new();
    let mut section = "";
    for (_, line) in crate::data::lines(source) {
        let entry = line.trim();
        match entry.strip_prefix('[').and_then(|e| e.strip_suffix(']')) {
            Some(name) => section = name,
            None if section == "bio_cues" => lists.entry(section).or_default().push(line),
            None => lists.entry(section).or_default().push(entry),
        }
    }
    lists
}

fn listed(section: &str, entry: &str) -> bool {
    list(section).contains(&entry)
}

/// Split `text` into the article body and the furniture around it.
/// Paragraphs are as [`paragraphs`] defines them. Nothing is copied when
/// nothing is cut; otherwise the body is `text` itself compacted in place
/// (kept lines joined by a line break, kept paragraphs by a blank line), so
/// a huge document never needs room for two copies of itself.
pub fn strip_furniture(text: String) -> (String, FurnitureCut) {
    strip_furniture_within(text, Reach::Whole)
}

/// Which part of a document a text is, for the furniture rules: a whole
/// document has furniture at its top and its end; a section of a document
/// streamed in sections (see `input::stream`) has the top cut only if it
/// is the first, the end cut only if it is the last, and credit and share
/// lines wherever they stand alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// A whole document.
    Whole,
    /// The first section.
    Start,
    /// A section neither first nor last.
    Middle,
    /// The last section.
    End,
}

impl Reach {
    fn top(self) -> bool {
        matches!(self, Reach::Whole | Reach::Start)
    }

    fn end(self) -> bool {
        matches!(self, Reach::Whole | Reach::End)
    }
}

/// [`strip_furniture`] for a text that is the `reach` part of a document.
pub fn strip_furniture_within(text: String, reach: Reach) -> (String, FurnitureCut) {
    let (kept, cut) = {
        let paragraphs: Vec<&str> = paragraphs(&text).map(|r| text[r].trim()).collect();
        let Some(cut) = furniture_cut(&paragraphs, reach) else {
            return (text, FurnitureCut::default());
        };
        let kept: Vec<(Range<usize>, &str)> = pieces(&paragraphs, &cut.units, &cut.drop, false)
            .into_iter()
            .map(|(piece, separator)| (offset_in(&text, piece), separator))
            .collect();
        let lines = cut.drop.iter().filter(|&&d| d).count();
        let dropped = joined(&pieces(&paragraphs, &cut.units, &cut.drop, true));
        let cut = FurnitureCut {
            lines,
            text: dropped,
        };
        (kept, cut)
    };
    (compacted(text, &kept), cut)
}

/// Where `piece`, a slice of `text`, lies in it.
fn offset_in(text: &str, piece: &str) -> Range<usize> {
    let start = piece.as_ptr() as usize - text.as_ptr() as usize;
    start..start + piece.len()
}

/// `text` cut down to `pieces` (ranges of it in order, each with the
/// separator written before it), in place: every piece moves left.
fn compacted(text: String, pieces: &[(Range<usize>, &str)]) -> String {
    let mut bytes = text.into_bytes();
    let mut end = 0;
    for (range, separator) in pieces {
        // The gap before a piece is at least as long as its separator.
        bytes[end..end + separator.len()].copy_from_slice(separator.as_bytes());
        end += separator.len();
        bytes.copy_within(range.clone(), end);
        end += range.len();
    }
    bytes.truncate(end);
    String::from_utf8(bytes).expect("whole lines of UTF-8 text stay UTF-8")
}

/// Pieces with their separators, as one string.
fn joined(pieces: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|(p, s)| p.len() + s.len()).sum());
    for (piece, separator) in pieces {
        out.push_str(separator);
        out.push_str(piece);
    }
    out
}

/// Which of `blocks` (each one line, as readers give them) are the article
/// and which are furniture, by the same rules as for plain text.
pub fn strip_block_furniture(blocks: Vec<Block>) -> (Vec<Block>, FurnitureCut) {
    let blocks: Vec<Block> = blocks
        .into_iter()
        .filter(|b| !b.text.trim().is_empty())
        .collect();
    let lines: Vec<&str> = blocks.iter().map(|b| b.text.trim()).collect();
    let Some(cut) = furniture_cut(&lines, Reach::Whole) else {
        return (blocks, FurnitureCut::default());
    };
    let dropped_blocks: Vec<usize> = cut
        .units
        .iter()
        .zip(&cut.drop)
        .filter(|(_, &d)| d)
        .map(|(u, _)| u.paragraph)
        .collect();
    let text = joined(&pieces(&lines, &cut.units, &cut.drop, true));
    let cut = FurnitureCut {
        lines: dropped_blocks.len(),
        text,
    };
    let kept = blocks
        .into_iter()
        .enumerate()
        .filter(|(i, _)| dropped_blocks.binary_search(i).is_err())
        .map(|(_, b)| b)
        .collect();
    (kept, cut)
}

/// A furniture cut of some paragraphs: their lines and which are dropped.
struct Cut<'a> {
    units: Vec<Unit<'a>>,
    drop: Vec<bool>,
}

/// The furniture cut of `paragraphs`, the `reach` part of a document, or
/// `None` when there is nothing to cut (or the cut would leave a whole
/// document fewer words than it takes).
fn furniture_cut<'a>(paragraphs: &[&'a str], reach: Reach) -> Option<Cut<'a>> {
    let units = units(paragraphs);
    let drop = furniture_mask(&units, reach);
    if !drop.contains(&true) {
        return None;
    }
    let words = |dropped: bool| -> usize {
        let chosen = units.iter().zip(&drop).filter(|(_, &d)| d == dropped);
        chosen.map(|(unit, _)| word_count(unit.line)).sum()
    };
    // A section of a long document is judged as part of it: its kept
    // words are not its own to weigh against the furniture.
    (reach != Reach::Whole || words(false) > words(true)).then_some(Cut { units, drop })
}

/// Every non-blank line, classed, headlines under list headings marked.
fn units<'a>(paragraphs: &[&'a str]) -> Vec<Unit<'a>> {
    let mut units = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let lines: Vec<&str> = paragraph.lines().filter(|l| !l.trim().is_empty()).collect();
        let classes = classify_paragraph(paragraph, &lines);
        units.extend(lines.into_iter().zip(classes).map(|(line, class)| Unit {
            paragraph: index,
            line,
            class,
        }));
    }
    mark_list_items(&mut units);
    units
}

/// Which units are furniture: credits and links anywhere, the top cut and
/// the end cut (as far as `reach` has them).
fn furniture_mask(units: &[Unit], reach: Reach) -> Vec<bool> {
    let mut drop: Vec<bool> = units.iter().map(|u| u.class == Class::Aside).collect();
    let first_prose = (0..units.len())
        .find(|&i| starts_the_prose(units, i))
        .unwrap_or(units.len());
    if reach.top() {
        for (index, unit) in units[..first_prose].iter().enumerate() {
            drop[index] |= unit.class.is_strong() || unit.class == Class::ListItem;
        }
    }
    if reach.end() {
        let from = if reach.top() { first_prose + 1 } else { 0 };
        let end_cut = end_cut_index(units, from);
        drop[end_cut..].iter_mut().for_each(|d| *d = true);
    }
    drop
}

/// Whether unit `index` is prose that ends the top furniture: a standfirst
/// (a short paragraph of one line right before a byline or date) is not.
fn starts_the_prose(units: &[Unit], index: usize) -> bool {
    let unit = &units[index];
    if !matches!(unit.class, Class::Prose | Class::Bio) {
        return false;
    }
    let alone = |other: Option<&Unit>| other.is_none_or(|o| o.paragraph != unit.paragraph);
    let standfirst = alone(index.checked_sub(1).map(|i| &units[i]))
        && units
            .get(index + 1)
            .is_some_and(|next| next.class == Class::Meta)
        && alone(units.get(index + 1))
        && word_count(unit.line) <= MAX_CAPTION_WORDS;
    !standfirst
}

/// Index of the first unit of the trailing furniture, looked for from
/// `from` on, after the first prose (`units.len()` when there is none).
fn end_cut_index(units: &[Unit], from: usize) -> usize {
    let mut cut = units.len();
    for (index, unit) in units.iter().enumerate().skip(from).rev() {
        if unit.class.is_strong() {
            cut = index;
        } else if !matches!(
            unit.class,
            Class::ListItem | Class::Short | Class::Bio | Class::Title
        ) {
            break;
        }
    }
    cut
}

/// The paragraphs holding units whose drop flag is `dropped`, with only
/// those lines: the pieces in order, each with the separator before it (a
/// line break between lines of a paragraph, a blank line between
/// paragraphs). A paragraph taken whole is one piece, as it stands.
fn pieces<'a>(
    paragraphs: &[&'a str],
    units: &[Unit<'a>],
    drop: &[bool],
    dropped: bool,
) -> Vec<(&'a str, &'static str)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < units.len() {
        let paragraph = units[start].paragraph;
        let end = start + units[start..].partition_point(|u| u.paragraph == paragraph);
        let chosen: Vec<&str> = (start..end)
            .filter(|&i| drop[i] == dropped)
            .map(|i| units[i].line)
            .collect();
        let first = if out.is_empty() { "" } else { "\n\n" };
        if chosen.len() == end - start {
            out.push((paragraphs[paragraph], first));
        } else if let [only] = chosen[..] {
            out.push((only.trim(), first));
        } else if let [head, middle @ .., tail] = &chosen[..] {
            out.push((head.trim_start(), first));
            out.extend(middle.iter().map(|line| (*line, "\n")));
            out.push((tail.trim_end(), "\n"));
        }
        start = end;
    }
    out
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The classes of a paragraph's lines: all furniture for code; line by
/// line otherwise. Of several lines (or one the line rules skip), a short
/// paragraph holding a furniture phrase no line was found furniture by (a
/// phrase wrapped over two lines) is furniture whole, a biography with
/// prose in it is taken whole, and a byline block is joined.
fn classify_paragraph(paragraph: &str, lines: &[&str]) -> Vec<Class> {
    if looks_like_code(paragraph) {
        return vec![Class::Heading; lines.len()];
    }
    let mut classes: Vec<Class> = Vec::with_capacity(lines.len());
    for line in lines {
        let wrapped = classes.last().is_some_and(|c| !c.is_strong());
        classes.push(classify_line(line.trim(), wrapped));
    }
    let read_whole = lines.len() == 1 && starts_a_line(lines[0].trim());
    if read_whole || classes.iter().any(|c| c.is_strong()) {
        join_byline_block(&mut classes);
        return classes;
    }
    let lower = paragraph.to_lowercase();
    let words = word_count(paragraph);
    if has_phrase(&lower, words) {
        classes.fill(Class::Heading);
    } else if classes.contains(&Class::Prose) && is_bio(&lower, words) {
        classes.fill(Class::Bio);
    }
    classes
}

/// A paragraph of only bylines, dates, buttons and short lines (a name, a
/// role, a separator) is one byline block.
fn join_byline_block(classes: &mut [Class]) {
    let in_block = |c: &Class| matches!(c, Class::Meta | Class::Short | Class::Heading);
    if classes.contains(&Class::Meta) && classes.iter().all(in_block) {
        for class in classes.iter_mut().filter(|c| **c == Class::Short) {
            *class = Class::Meta;
        }
    }
}

/// Headlines under a list heading (short lines not ending like a sentence),
/// up to the next line of prose, are list items.
fn mark_list_items(units: &mut [Unit]) {
    let mut in_list = false;
    let is_headline = |line: &str| {
        word_count(line) <= MAX_FIELD_LINE_WORDS && !line.trim().ends_with(['.', ',', ';', ':'])
    };
    for unit in units {
        match unit.class {
            Class::ListHeading => in_list = true,
            Class::Short | Class::Title | Class::Prose if in_list && is_headline(unit.line) => {
                unit.class = Class::ListItem;
            }
            Class::Prose | Class::Title | Class::Bio => in_list = false,
            _ => {}
        }
    }
}

/// The class of one line; `wrapped` when a line other than furniture stands
/// before it in its paragraph, so that a lowercase start continues a
/// sentence (prose).
fn classify_line(line: &str, wrapped: bool) -> Class {
    let lower = line.to_lowercase();
    let words = word_count(line);
    let lowercase = line.starts_with(char::is_lowercase);
    let starts_line = starts_a_line(line);
    let buttons = share_buttons(&lower);
    if is_label(&lower) || buttons == 1 {
        Class::Heading
    } else if buttons > 1 {
        Class::Aside
    } else if starts_line && has_phrase(&lower, words) {
        Class::Heading
    } else if is_list_heading(line, &lower, words) {
        Class::ListHeading
    } else if starts_line && (is_credit(line, &lower, words) || is_link(line, words)) {
        Class::Aside
    } else if starts_line && words <= MAX_FIELD_LINE_WORDS && is_meta(line) {
        Class::Meta
    } else if wrapped && lowercase {
        Class::Prose
    } else if words <= MAX_SHORT_LINE_WORDS && !line.ends_with(SENTENCE_ENDS) {
        Class::Short
    } else if words <= MAX_TITLE_WORDS && !line.ends_with(['.', ',', ';', ':']) {
        Class::Title
    } else if is_bio(&lower, words) {
        Class::Bio
    } else {
        Class::Prose
    }
}

/// Whether the line rules read `line`: it does not continue a sentence
/// (start lowercase) and is not too long.
fn starts_a_line(line: &str) -> bool {
    !line.starts_with(char::is_lowercase) && line.len() <= MAX_LINE_BYTES
}

/// The text without bullets, separators, spaces and a trailing colon around it.
fn bare(lower: &str) -> &str {
    lower
        .trim_matches(|c: char| c.is_whitespace() || "•·*-–—:|".contains(c))
        .trim()
}

fn is_label(lower: &str) -> bool {
    listed("labels", bare(lower))
}

fn has_phrase(lower: &str, words: usize) -> bool {
    words <= MAX_PHRASE_PARAGRAPH_WORDS && list("phrases").iter().any(|p| lower.contains(p))
}

fn is_bio(lower: &str, words: usize) -> bool {
    words <= MAX_BIO_WORDS && list("bio_cues").iter().any(|cue| lower.contains(cue))
}

/// `text` without `prefix`, compared without regard to ASCII case.
fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn starts_capitalized(text: &str) -> bool {
    text.trim_start()
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"'“‘".contains(c))
}

/// A list heading by name ("Related articles") or by prefix and a
/// capitalized word ("More from Opinion").
fn is_list_heading(line: &str, lower: &str, words: usize) -> bool {
    if listed("list_labels", bare(lower)) {
        return true;
    }
    words <= MAX_SHORT_LINE_WORDS
        && !line.ends_with(SENTENCE_ENDS)
        && list("list_prefixes").iter().any(|prefix| {
            strip_prefix_ci(line, prefix)
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(starts_capitalized)
        })
}

/// A stand-alone link to another page: "Read more: Why the pound fell".
fn is_link(line: &str, words: usize) -> bool {
    words <= MAX_TITLE_WORDS
        && !line.ends_with('.')
        && list("link_prefixes").iter().any(|prefix| {
            strip_prefix_ci(line, prefix)
                .is_some_and(|rest| !rest.trim().is_empty() && starts_capitalized(rest))
        })
}

/// How many words of a row of share buttons ("Share on Facebook Twitter
/// Email", "Email") `lower` has: 0 unless every word is a button or a
/// filler ("on", "this") and one is a button.
fn share_buttons(lower: &str) -> usize {
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || "|•·/,:".contains(c))
        .filter(|t| !t.is_empty())
        .take(MAX_FIELD_LINE_WORDS + 1)
        .collect();
    let button = |t: &&str| listed("share_words", t);
    let row = tokens.len() <= MAX_FIELD_LINE_WORDS
        && tokens.iter().any(button)
        && tokens
            .iter()
            .all(|t| button(t) || listed("share_fillers", t));
    if row {
        tokens.len()
    } else {
        0
    }
}

/// A photo credit: a short line, or the last sentence or bracket of a
/// caption, that starts with a credit cue and does not end like prose
/// (unless it names a photographer/agency with a slash), or a line ending
/// with an agency after a slash or "via".
fn is_credit(line: &str, lower: &str, words: usize) -> bool {
    if words > MAX_CAPTION_WORDS {
        return false;
    }
    let cue = starts_with_cue(line) || starts_with_cue(last_part(line));
    let open = !line.trim_end_matches(')').ends_with(SENTENCE_ENDS) || line.contains('/');
    (cue && open) || ends_with_agency(lower)
}

/// What follows the last full stop or opening bracket of `line`.
fn last_part(line: &str) -> &str {
    let after_stop = line.rfind(". ").map_or(0, |i| i + 2);
    let after_bracket = line.rfind('(').map_or(0, |i| i + 1);
    &line[after_stop.max(after_bracket)..]
}

fn starts_with_cue(text: &str) -> bool {
    let text = text.trim_start();
    list("credit_cues")
        .iter()
        .any(|cue| strip_prefix_ci(text, cue).is_some())
}

/// "Jane Doe/Getty Images", "AFP via Getty Images", "© Reuters", "Reuters"
/// (not "Reuters.", the end of a wrapped sentence).
fn ends_with_agency(lower: &str) -> bool {
    let text = lower.trim_end_matches([')', ' ']);
    list("agencies").iter().any(|agency| {
        text.strip_suffix(agency).is_some_and(|before| {
            let before = before.trim_end();
            before.is_empty()
                || before.ends_with(['/', '|', '©'])
                || before == "via"
                || before.ends_with(" via")
        })
    })
}

/// A byline, a wire dateline on a line of its own, or a row of fields
/// (bylines, names, dates, reading times, labels) with at least one byline,
/// date or reading time: "Jane Doe | 5 May 2024", "5 min read". A line that
/// ends a sentence ("October.", the end of a wrapped line) is none of these.
fn is_meta(line: &str) -> bool {
    let sentence_end = line.ends_with(SENTENCE_ENDS) && !line.ends_with(".m.");
    if sentence_end {
        return false;
    }
    if is_byline(line) || is_wire_dateline(line) {
        return true;
    }
    let row = line.replace(" - ", " | ");
    let fields: Vec<&str> = row
        .split(FIELD_SEPARATORS)
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    let anchor = |f: &&str| is_date(f) || is_read_time(f) || is_byline(f);
    let field = |f: &&str| anchor(f) || is_name(f, MAX_NAME_WORDS) || is_label(&f.to_lowercase());
    fields.iter().any(anchor) && fields.iter().all(field)
}

/// "By Jane Doe", "BY JANE DOE and JOHN ROE", "Written by Jane Doe, Political
/// Editor", "(Reporting by Jane Doe; Editing by John Roe)": a byline prefix,
/// then capitalized names up to the first comma, semicolon or separator,
/// and no end punctuation.
fn is_byline(line: &str) -> bool {
    let line = line.trim_start_matches('(');
    let Some(rest) = list("byline_prefixes")
        .iter()
        .find_map(|prefix| strip_prefix_ci(line, prefix)?.strip_prefix(' '))
    else {
        return false;
    };
    let name = rest.split([',', ';', '(']).next().unwrap_or("");
    let name = name.split(FIELD_SEPARATORS).next().unwrap_or("");
    !line.ends_with(SENTENCE_ENDS) && is_name(name, MAX_NAME_WORDS)
}

/// Capitalized words (and connectors such as "and", "de"), the first
/// capitalized, none of them a word that makes a title ("Any Means"), and
/// not a lone date word ("Monday").
fn is_name(text: &str, max_words: usize) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(max_words + 1).collect();
    let capitalized = |w: &str| w.starts_with(char::is_uppercase);
    let fits = |w: &&str| {
        let lower = w.trim_end_matches(',').to_lowercase();
        listed("byline_connectors", &lower) || (capitalized(w) && !listed("not_names", &lower))
    };
    let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
    let lone_date = words.len() == 1 && (is_date_anchor(&first) || listed("date_words", &first));
    !words.is_empty()
        && words.len() <= max_words
        && capitalized(words[0])
        && !lone_date
        && words.iter().all(fits)
}

/// A wire dateline standing alone: an upper-case place, perhaps a region
/// or date after commas and an agency in brackets, and a closing dash or
/// the agency: "LONDON (Reuters) -", "WASHINGTON, May 5 (AP) —".
fn is_wire_dateline(line: &str) -> bool {
    let head = line.trim_end_matches(|c: char| c.is_whitespace() || "-–—".contains(c));
    let dashed = head.len() < line.len();
    let (place, agency) = match head.split_once('(') {
        Some((place, agency)) => (place, Some(agency.trim_end_matches(')'))),
        None => (head, None),
    };
    let mut parts = place.split(',').map(str::trim);
    let city = parts.next().unwrap_or("");
    let upper = city.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !city.chars().any(char::is_lowercase);
    let rest = parts.all(|p| is_date(p) || is_name(p, 3));
    let agency_ok = agency.is_none_or(|a| listed("agencies", &a.trim().to_lowercase()));
    upper && rest && agency_ok && (dashed || agency.is_some())
}

/// A date or time in words and numbers: "Published 5 May 2024, 10:32 BST",
/// "Updated 2 hours ago", "2024-05-05".
fn is_date(text: &str) -> bool {
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| t.trim_matches(['.', ':', ';', '(', ')']).to_lowercase())
        .filter(|t| !t.is_empty())
        .take(MAX_FIELD_LINE_WORDS + 1)
        .collect();
    tokens.len() <= MAX_FIELD_LINE_WORDS
        && tokens.iter().any(|t| is_date_anchor(t))
        && tokens
            .iter()
            .all(|t| is_date_anchor(t) || listed("date_words", t) || is_day_number(t))
}

/// A month, a relative day, a year, a clock time ("10:32", "9.05pm") or a
/// numeric date ("05/05/2024").
fn is_date_anchor(token: &str) -> bool {
    let numeric = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let clock = token.trim_end_matches("am").trim_end_matches("pm");
    let clock_groups: Vec<&str> = clock.split([':', '.']).collect();
    let date_groups: Vec<&str> = token.split(['/', '-', '.']).collect();
    let year = token.len() == 4 && (token.starts_with("19") || token.starts_with("20"));
    listed("date_anchors", token)
        || (year && numeric(token))
        || (clock_groups.len() == 2 && clock_groups.iter().all(|g| numeric(g)))
        || (date_groups.len() == 3 && date_groups.iter().all(|g| numeric(g)))
}

/// A day or a count: "5", "21st".
fn is_day_number(token: &str) -> bool {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token[digits.len()..];
    !digits.is_empty()
        && digits.len() <= 3
        && digits.bytes().all(|b| b.is_ascii_digit())
        && ["", "st", "nd", "rd", "th"].contains(&suffix)
}

/// "5 min read", "Reading time: 4 minutes".
fn is_read_time(text: &str) -> bool {
    let lower = text.to_lowercase();
    word_count(text) <= MAX_NAME_WORDS && list("read_time").iter().any(|p| lower.contains(p))
}

/// CSS, script or markup: braces with declarations, tags, or a text where
/// code symbols are dense.
fn looks_like_code(paragraph: &str) -> bool {
    let rule =
        paragraph.contains('{') && paragraph.contains('}') && paragraph.contains([':', ';', '(']);
    let tag = paragraph.contains("</") || paragraph.contains("/>");
    let symbols = paragraph
        .chars()
        .filter(|c| "{}[]<>;=#$\\|".contains(*c))
        .count();
    let letters = paragraph.chars().filter(|c| c.is_alphabetic()).count();
    rule || tag || symbols * 8 > letters
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const ARTICLE: &str =
        "First paragraph of the piece, long enough to be real prose with many words in it.\n\n\
        Second paragraph, also real prose that carries the argument a little further on.\n\n\
        Last paragraph, with a short sentence to close the argument.";

    /// `top` and `end` around `ARTICLE`, separated by blank lines.
    fn around(top: &str, end: &str) -> String {
        [top, ARTICLE, end]
            .iter()
            .filter(|part| !part.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// Asserts that `ARTICLE` is all that is kept of `text`, `lines` lines cut.
    fn assert_cut(text: &str, lines: usize) {
        let (body, cut) = strip_furniture(text.to_owned());
        assert_eq!(body, ARTICLE, "cut:\n{}", cut.text);
        assert_eq!(cut.lines, lines, "cut:\n{}", cut.text);
    }

    /// Asserts that nothing of `text` is cut.
    fn assert_kept(text: &str) {
        let (body, cut) = strip_furniture(text.to_owned());
        assert_eq!(cut, FurnitureCut::default(), "cut:\n{}", cut.text);
        assert_eq!(body, text);
    }

    #[test]
    fn typed_blocks_are_cut_by_the_same_rules_and_keep_their_kinds() {
        use crate::input::formats::{Block, BlockKind};
        let mut blocks = vec![Block::new(BlockKind::Paragraph, "Share this article")];
        for (index, paragraph) in ARTICLE.split("\n\n").enumerate() {
            let kind = [BlockKind::Paragraph, BlockKind::Quote, BlockKind::ListItem][index];
            blocks.push(Block::new(kind, paragraph));
        }
        blocks.push(Block::new(BlockKind::Heading, "Related articles"));
        blocks.push(Block::new(BlockKind::ListItem, "Why the pound fell"));
        let (kept, cut) = strip_block_furniture(blocks.clone());
        assert_eq!(kept, blocks[1..4], "cut:\n{}", cut.text);
        assert_eq!(cut.lines, 3);
        assert_eq!(
            cut.text,
            "Share this article\n\nRelated articles\n\nWhy the pound fell"
        );
        let (kept, cut) = strip_block_furniture(blocks[1..4].to_vec());
        assert_eq!((kept.len(), cut), (3, FurnitureCut::default()));
    }

    #[test]
    fn a_line_of_white_space_is_a_paragraph_break_here_too() {
        let text = around(
            "Share this article",
            "Related articles\n \nWhy the pound fell",
        );
        assert_cut(&text.replace("\n\n", "\n\t\n"), 3);
    }

    #[test]
    fn every_section_of_the_data_file_is_read() {
        for section in [
            "labels",
            "list_labels",
            "list_prefixes",
            "link_prefixes",
            "phrases",
            "share_words",
            "share_fillers",
            "bio_cues",
            "byline_prefixes",
            "byline_connectors",
            "not_names",
            "date_anchors",
            "date_words",
            "read_time",
            "credit_cues",
            "agencies",
        ] {
            assert!(!list(section).is_empty(), "[{section}]");
        }
        assert!(
            listed("bio_cues", " is a "),
            "biography cues keep their spaces"
        );
    }

    #[test]
    fn drops_author_box_comment_form_and_css() {
        let text = format!(
            "{ARTICLE}\n\nAuthor\n\n  • jane doe\n\n    Jane Doe is a senior fellow who writes about security.\n\n\
             Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n\n\
             #x .y{{color:red;}} #z{{display:none;}}"
        );
        let (body, cut) = strip_furniture(text.clone());
        assert_eq!(body, ARTICLE);
        assert_eq!(cut.lines, 6);
        assert!(cut.text.starts_with("Author"));
    }

    #[test]
    fn keeps_an_article_without_furniture() {
        assert_kept(ARTICLE);
    }

    #[test]
    fn keeps_a_short_closing_line_with_no_furniture_before_it() {
        assert_kept(&format!("{ARTICLE}\n\nThe end"));
    }

    #[test]
    fn keeps_a_bio_like_paragraph_without_a_furniture_heading() {
        assert_kept(&format!(
            "{ARTICLE}\n\nThe minister is a former professor of law."
        ));
    }

    #[test]
    fn never_drops_half_the_words() {
        assert_kept("Short intro.\n\nShare this\n\nA long paragraph follows here after the label with many words in it so that it outweighs the rest.");
        assert_kept("Share this\n\nRead more\n\nCookies\n\nTwo words.");
    }

    #[test]
    fn drops_share_prompts_and_script() {
        assert_cut(&around("", "Share this:\n\n<script>var a = 1;</script>"), 2);
    }

    #[test]
    fn drops_a_cookie_notice_at_the_top_and_at_the_end() {
        let notice = "We use cookies to improve your experience and to show you relevant ads. \
                      By continuing you agree to our use of cookies.\nAccept all cookies\nManage preferences";
        assert_cut(&around(notice, ""), 3);
        assert_cut(&around("", notice), 3);
        assert_cut(
            &around("Accept all\n\nReject all\n\nCookie settings", ""),
            3,
        );
    }

    #[test]
    fn drops_share_rows_at_the_top_and_at_the_end() {
        let rows = "Share this article\nShare on Facebook Twitter Email\nFacebook | X | LinkedIn\nCopy link";
        assert_cut(&around(rows, ""), 4);
        assert_cut(&around("", rows), 4);
    }

    #[test]
    fn drops_related_lists_with_their_headlines() {
        let related =
            "Related articles\n\nWhy the pound's slide matters more than ministers admit\n\n\
                       Could rate cuts come too late for small firms?\n\nCouncils brace for cuts";
        assert_cut(&around("", related), 4);
        let more = "More from Opinion\nThe case against a four-day week\nWhat the census tells us";
        assert_cut(&around("", more), 3);
        let most_read =
            "Most read\n1\nMinisters promise a decision on rail fares\n2\nA quiet week at the zoo";
        assert_cut(&around("", most_read), 5);
        assert_cut(
            &around("Recommended\n\nThe case against a four-day week", ""),
            2,
        );
    }

    #[test]
    fn drops_newsletter_boxes() {
        let boxed = "Sign up for our newsletter\n\nThe week's best commentary, delivered to your inbox every Friday.\n\n\
                     Enter your email address\n\nSubscribe";
        assert_cut(&around("", boxed), 4);
        assert_cut(&around("Subscribe now\n\nSign in", ""), 2);
    }

    #[test]
    fn drops_bylines_and_dates_at_the_top() {
        for top in [
            "By Jane Doe",
            "By JANE DOE and JOHN ROE",
            "By Ana de Souza, Political Editor",
            "Jane Doe | 5 May 2024",
            "Published 5 May 2024, 10:32 BST",
            "Updated 6 May 2024",
            "Last updated: 2 hours ago",
            "5 min read",
            "Jane Doe · 5 min read · May 5, 2024",
            "Tue 5 May 2024 10.32 BST",
        ] {
            assert_cut(&around(top, ""), 1);
        }
    }

    #[test]
    fn a_byline_block_goes_whole() {
        assert_cut(
            &around("Jane Doe\nPolitical editor\nTue 5 May 2024 10.32 BST", ""),
            3,
        );
        assert_cut(
            &around("Jane Doe\nFollow\n5 min read\n·\nMay 5, 2024", ""),
            5,
        );
    }

    #[test]
    fn drops_a_dateline_line_but_not_a_dateline_prefix() {
        assert_cut(&around("LONDON (Reuters) -", ""), 1);
        assert_cut(&around("WASHINGTON, May 5 (AP) —", ""), 1);
        let wire = format!("LONDON (Reuters) - {ARTICLE}");
        assert_kept(&wire);
    }

    #[test]
    fn drops_photo_credits_anywhere() {
        let credits = [
            "Photo: Jane Doe/Reuters",
            "Image: Jane Doe / Getty Images",
            "(Credit: Jane Doe)",
            "Illustration by John Roe",
            "Protesters gather outside parliament on Monday. Photograph: Jane Doe/AFP via Getty Images",
            "Workers repair a power line on Sunday. (AP Photo/Jane Doe)",
        ];
        for credit in credits {
            let middle = ARTICLE.replacen("\n\n", &format!("\n\n{credit}\n\n"), 1);
            let (body, cut) = strip_furniture(middle.clone());
            assert_eq!((body.as_str(), cut.text.as_str()), (ARTICLE, credit));
            assert_cut(&around(credit, ""), 1);
            assert_cut(&around("", credit), 1);
        }
    }

    #[test]
    fn drops_rows_of_share_buttons_anywhere() {
        let row = "Share this article: Facebook Twitter Email";
        let middle = ARTICLE.replacen("\n\n", &format!("\n\n{row}\n\n"), 1);
        assert_cut(&middle, 1);
        let button = ARTICLE.replacen("\n\n", "\n\nEmail\n\n", 1);
        assert_kept(&button);
    }

    #[test]
    fn drops_read_more_links_anywhere() {
        let middle = ARTICLE.replacen(
            "\n\n",
            "\n\nRead more: Why slow reading is having a moment\n\n",
            1,
        );
        assert_cut(&middle, 1);
    }

    #[test]
    fn keeps_the_title_and_standfirst_but_drops_the_byline_after_them() {
        let top = "Britain's high streets need landlords who answer the phone\n\n\
                   Empty shops are not a law of nature.\n\nBy Jane Doe\n\n5 May 2024";
        let (body, cut) = strip_furniture(around(top, ""));
        assert!(body.starts_with("Britain's high streets need landlords"));
        assert!(body.contains("Empty shops are not a law of nature.\n\nFirst paragraph"));
        assert_eq!(cut.text, "By Jane Doe\n\n5 May 2024");
    }

    #[test]
    fn a_question_headline_is_a_title_not_furniture() {
        let top = "Could Yukos be a blessing in disguise?\n\nBy Jane Doe";
        let (body, cut) = strip_furniture(around(top, ""));
        assert_eq!(
            body,
            format!("Could Yukos be a blessing in disguise?\n\n{ARTICLE}")
        );
        assert_eq!(cut.lines, 1);
    }

    #[test]
    fn drops_top_furniture_lines_of_a_text_without_blank_lines() {
        let text = "By Jane Doe\n5 May 2024\nShare this article\nThe council met on Monday and argued about money for hours.\nNothing was decided.";
        let (body, cut) = strip_furniture(text.to_owned());
        assert!(body.starts_with("The council met on Monday"), "{body}");
        assert_eq!(cut.lines, 3);
    }

    #[test]
    fn keeps_prose_that_starts_like_furniture() {
        for first in [
            "By the end of the year, the council will have spent its reserves.",
            "By the end of the year",
            "By Any Means Necessary",
            "By Monday",
            "Share prices fell sharply after the announcement.",
            "Related to this, the council has cut its bus subsidies.",
            "Subscribe to the view that markets correct themselves and you will wait a long time.",
            "More on that later.",
            "Picture: a farmer standing in a dry field, waiting for rain.",
            "Updated guidance arrives next week.",
            "May the best argument win.",
            "LONDON",
        ] {
            assert_kept(&around(first, ""));
            assert_kept(&around("", first));
        }
    }

    #[test]
    fn keeps_top_furniture_after_the_first_prose_paragraph() {
        let text = format!("{ARTICLE}\n\nBy Jane Doe\n\n5 May 2024\n\n{ARTICLE}");
        assert_kept(&text);
        let long_first = format!(
            "{} {ARTICLE}",
            "Words of a long opening paragraph. ".repeat(8)
        );
        let text = long_first.replacen("\n\n", "\n\nBy Jane Doe\n\n", 1);
        assert_kept(&text);
    }

    #[test]
    fn keeps_a_list_heading_followed_by_prose() {
        assert_kept(&format!("{ARTICLE}\n\nRelated\n\n{ARTICLE}"));
    }

    #[test]
    fn keeps_a_wrapped_line_that_holds_a_phrase() {
        let wrapped = "A letter of complaint, sent to the council in the spring and copied\n\
                       to the local paper, set out the whole case again in detail.\n"
            .repeat(3);
        assert_kept(&format!(
            "{ARTICLE}\n\n{wrapped}posted in March and never answered."
        ));
    }

    #[test]
    fn keeps_a_hard_wrapped_last_paragraph() {
        let wrapped = "The holding company, owned by the government,\n\
                       holds most of the listed shares. It cut its\n\
                       holding from 75% to 60% on 20\n\
                       October.";
        assert_kept(&format!("{ARTICLE}\n\n{wrapped}"));
        let wrapped = "The coach praised two veterans on\n\
                       Wednesday - Paolo Maldini and Alessandro\n\
                       Costacurta. \"They have managed to play\n\
                       at a high level for so long.\"";
        assert_kept(&format!("{ARTICLE}\n\n{wrapped}"));
    }

    #[test]
    fn drops_a_long_footer_line_after_other_furniture() {
        let footer =
            "Share this\n\nExample Media Ltd is registered in England and Wales with number 123456";
        assert_cut(&around("", footer), 2);
    }

    /// The `key = value` pairs of an `.expected` file, comments left out.
    fn expectations(path: &Path) -> Vec<(String, String)> {
        let text = std::fs::read_to_string(path).unwrap();
        text.lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| {
                let (key, value) = l
                    .split_once('=')
                    .unwrap_or_else(|| panic!("{}: `{l}` is not `key = value`", path.display()));
                (key.trim().to_owned(), value.trim().to_owned())
            })
            .collect()
    }

    /// What one fixture's expectation says that `body` and `cut` break.
    fn mismatch(body: &str, cut: &FurnitureCut, key: &str, value: &str) -> Option<String> {
        let flat = body.split_whitespace().collect::<Vec<_>>().join(" ");
        let holds = match key {
            "first" => flat.starts_with(value),
            "last" => flat.ends_with(value),
            "furniture_lines" => cut.lines.to_string() == value,
            "absent" => !flat.contains(value),
            "present" => flat.contains(value),
            _ => panic!("unknown key {key}"),
        };
        (!holds).then(|| format!("{key} = {value} (cut {}: {:?})", cut.lines, cut.text))
    }

    /// Every `tests/inputs/furniture/NAME.txt`, read as the input stage reads
    /// it (headline split off, then furniture), meets `NAME.expected`.
    #[test]
    fn exported_pages_keep_what_their_expectations_say() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/inputs/furniture");
        let mut cases = 0;
        let mut failures = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "expected") {
                continue;
            }
            let text = std::fs::read_to_string(path.with_extension("txt")).unwrap();
            let (_, rest) = crate::input::split_title(&text);
            let (body, cut) = strip_furniture(rest.to_owned());
            for (key, value) in expectations(&path) {
                if let Some(problem) = mismatch(&body, &cut, &key, &value) {
                    failures.push(format!("{}: {problem}", path.display()));
                }
            }
            cases += 1;
        }
        assert!(cases >= 4, "the fixtures are in place");
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}
