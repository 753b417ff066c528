//! Trailing page furniture. A scraped article often ends with the page's
//! author box, comment form, share prompts and stray CSS or script. This
//! module finds that tail and sets it aside, conservatively:
//!
//! * each trailing paragraph is classed as *strong* furniture (code, a known
//!   furniture heading such as "Leave a Reply", a short paragraph with a
//!   comment-form or share phrase), *weak* (a short unpunctuated line such as
//!   a byline, or an author biography) or *content*;
//! * the cut starts at the earliest strong paragraph after which everything
//!   is strong or weak, so a weak paragraph is dropped only when a strong one
//!   stands before it, and content is never dropped;
//! * the cut never takes half or more of the document's words.
//!
//! The word lists live in `data/furniture.txt`.

use std::sync::OnceLock;

/// Most words a paragraph may have to be furniture by a phrase in it.
const MAX_PHRASE_PARAGRAPH_WORDS: usize = 60;
/// Most words an author biography may have.
const MAX_BIO_WORDS: usize = 120;
/// Most words of a byline-like short line.
const MAX_SHORT_LINE_WORDS: usize = 8;

/// What was set aside as furniture.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FurnitureCut {
    /// Non-blank lines set aside.
    pub lines: usize,
    /// The text set aside, paragraphs joined by blank lines.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Strong,
    Weak,
    Content,
}

struct FurnitureLists {
    labels: Vec<String>,
    phrases: Vec<String>,
    bio_cues: Vec<String>,
}

fn lists() -> &'static FurnitureLists {
    static LISTS: OnceLock<FurnitureLists> = OnceLock::new();
    LISTS.get_or_init(|| parse_lists(crate::data::FURNITURE))
}

fn parse_lists(source: &str) -> FurnitureLists {
    let mut lists = FurnitureLists {
        labels: Vec::new(),
        phrases: Vec::new(),
        bio_cues: Vec::new(),
    };
    let mut section = "";
    for (_, line) in crate::data::lines(source) {
        match line.trim() {
            header if header.starts_with('[') => section = line.trim(),
            _ => match section {
                "[labels]" => lists.labels.push(line.trim().to_owned()),
                "[phrases]" => lists.phrases.push(line.trim().to_owned()),
                "[bio_cues]" => lists.bio_cues.push(line.to_owned()),
                _ => {}
            },
        }
    }
    lists
}

/// Split `text` into the article body and its trailing furniture.
pub fn strip_furniture(text: &str) -> (String, FurnitureCut) {
    let paragraphs: Vec<&str> = paragraphs(text).collect();
    let kinds: Vec<Kind> = paragraphs.iter().map(|p| classify(p)).collect();
    let cut = cut_index(&kinds);
    let kept_words = word_estimate(&paragraphs[..cut]);
    let dropped_words = word_estimate(&paragraphs[cut..]);
    if cut == paragraphs.len() || kept_words <= dropped_words {
        return (paragraphs.join("\n\n"), FurnitureCut::default());
    }
    let dropped = paragraphs[cut..].join("\n\n");
    let cut_info = FurnitureCut {
        lines: dropped.lines().filter(|l| !l.trim().is_empty()).count(),
        text: dropped,
    };
    (paragraphs[..cut].join("\n\n"), cut_info)
}

/// Paragraphs: blocks separated by blank lines, trimmed, never empty.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

/// Index of the first paragraph to drop (`kinds.len()` when none is).
fn cut_index(kinds: &[Kind]) -> usize {
    let mut cut = kinds.len();
    for (index, kind) in kinds.iter().enumerate().rev() {
        match kind {
            Kind::Strong => cut = index,
            Kind::Weak => {}
            Kind::Content => break,
        }
    }
    cut
}

fn word_estimate(paragraphs: &[&str]) -> usize {
    paragraphs
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum()
}

fn classify(paragraph: &str) -> Kind {
    let lower = paragraph.to_lowercase();
    let words = paragraph.split_whitespace().count();
    if looks_like_code(paragraph) || is_label(&lower) || has_phrase(&lower, words) {
        Kind::Strong
    } else if is_short_line(paragraph, words) || is_bio(&lower, words) {
        Kind::Weak
    } else {
        Kind::Content
    }
}

fn is_label(lower: &str) -> bool {
    let bare = lower
        .trim_matches(|c: char| c.is_whitespace() || "•·*-–—:|".contains(c))
        .trim();
    lists().labels.iter().any(|label| label == bare)
}

fn has_phrase(lower: &str, words: usize) -> bool {
    words <= MAX_PHRASE_PARAGRAPH_WORDS
        && lists().phrases.iter().any(|p| lower.contains(p.as_str()))
}

fn is_short_line(paragraph: &str, words: usize) -> bool {
    !paragraph.contains('\n')
        && words <= MAX_SHORT_LINE_WORDS
        && !paragraph.trim_end().ends_with(['.', '!', '?', '…'])
}

fn is_bio(lower: &str, words: usize) -> bool {
    words <= MAX_BIO_WORDS
        && lists()
            .bio_cues
            .iter()
            .any(|cue| lower.contains(cue.as_str()))
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

    const ARTICLE: &str =
        "First paragraph of the piece, long enough to be real prose with many words in it.\n\n\
        Second paragraph, also real prose that carries the argument a little further on.\n\n\
        Last paragraph, with a short sentence to close the argument.";

    #[test]
    fn drops_author_box_comment_form_and_css() {
        let text = format!(
            "{ARTICLE}\n\nAuthor\n\n  • jane doe\n\n    Jane Doe is a senior fellow who writes about security.\n\n\
             Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n\n\
             #x .y{{color:red;}} #z{{display:none;}}"
        );
        let (body, cut) = strip_furniture(&text);
        assert_eq!(body, ARTICLE);
        assert_eq!(cut.lines, 6);
        assert!(cut.text.starts_with("Author"));
    }

    #[test]
    fn keeps_an_article_without_furniture() {
        let (body, cut) = strip_furniture(ARTICLE);
        assert_eq!(body, ARTICLE);
        assert_eq!(cut, FurnitureCut::default());
    }

    #[test]
    fn keeps_a_short_closing_line_with_no_furniture_before_it() {
        let text = format!("{ARTICLE}\n\nThe end");
        assert_eq!(strip_furniture(&text).0, text);
    }

    #[test]
    fn keeps_a_bio_like_paragraph_without_a_furniture_heading() {
        let text = format!("{ARTICLE}\n\nThe minister is a former professor of law.");
        assert_eq!(strip_furniture(&text).0, text);
    }

    #[test]
    fn never_drops_half_the_words() {
        let text = "Short intro.\n\nShare this\n\nA long paragraph follows here after the label with many words in it so that it outweighs the rest.";
        assert_eq!(strip_furniture(text).0, text);
    }

    #[test]
    fn drops_share_prompts_and_script() {
        let text = format!("{ARTICLE}\n\nShare this:\n\n<script>var a = 1;</script>");
        let (body, cut) = strip_furniture(&text);
        assert_eq!(body, ARTICLE);
        assert_eq!(cut.lines, 2);
    }
}
