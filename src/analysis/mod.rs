//! One document, one pass: body text → sentences and words → per-word facts
//! → counts, lexical diversity, terms, theme tallies and (optionally)
//! per-sentence figures. Every measure is computed later from what this
//! returns; nothing re-tokenizes.

mod counter;
pub mod lexicon;
pub mod spill_log;
mod tally;
mod terms;
pub mod token_log;

pub use counter::DocumentCounter;
pub use tally::DocumentTally;
pub use terms::{sorted_counts, TermRules};

use crate::counts::Counts;
use crate::input::{Document, InputError, MetadataTable};
use crate::metrics::diversity::{Diversity, MATTR_WINDOW};
use crate::text::paragraphs::{bounded_blocks, count_paragraphs, BlockSpan};
use crate::text::words::words;
use crate::themes::{ThemeDictionary, ThemeTally};
use lexicon::with_lexicon;
use rayon::prelude::*;
pub use spill_log::{KwicLog, SentenceLog};

/// Everything counted in one document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    /// The document id.
    pub id: String,
    /// The headline, if any.
    pub title: Option<String>,
    /// Metadata: the document's own, then any from the metadata file.
    pub metadata: Vec<(String, String)>,
    /// Sums over the body.
    pub counts: Counts,
    /// Lines set aside as page furniture.
    pub furniture_lines: usize,
    /// Words set aside as page furniture.
    pub furniture_words: usize,
    /// The encoding the input was read in.
    #[serde(with = "crate::input::encoding_serde")]
    pub encoding: EncodingName,
    /// Bytes re-decoded or replaced while reading it.
    pub decode_errors: usize,
    /// Lexical diversity of the body's words.
    pub diversity: Diversity,
    /// Term frequencies under the batch's [`TermRules`], most frequent
    /// first (ties by term).
    pub terms: Vec<(String, usize)>,
    /// One tally per theme of the dictionary, in its order.
    pub themes: Vec<ThemeTally>,
    /// Per-sentence figures, when asked for (a long document's in a
    /// scratch file, see [`spill_log`]). Kept apart from the rest when an
    /// analysis is serialized: see `batch::store`.
    #[serde(skip)]
    pub sentences: SentenceLog,
    /// Each theme match in its context, when asked for (`--kwic`); kept
    /// like `sentences`.
    #[serde(skip)]
    pub kwic: KwicLog,
}

/// The name of an encoding read. (Written through this alias so that
/// serde does not take the field for text borrowed from its input: a
/// name read back is the same `&'static str`, see
/// [`crate::input::encoding_serde`].)
pub type EncodingName = &'static str;

/// One theme match in its context (a line of `kwic.csv`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KwicLine {
    /// The sentence it is in (1-based, as in `sentences.csv`).
    pub sentence: usize,
    /// The theme, as its index in the dictionary.
    pub theme: usize,
    /// The words before it in the sentence (up to the window), as written.
    pub left: String,
    /// The matched words, as written.
    pub matched: String,
    /// The words after it in the sentence (up to the window), as written.
    pub right: String,
    /// A negator comes before it (with `--theme-negation`).
    pub negated: bool,
}

/// Figures for one sentence.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SentenceStats {
    /// The sentence, white space collapsed to single spaces.
    pub text: String,
    /// Words.
    pub words: usize,
    /// Syllables.
    pub syllables: usize,
}

/// How documents are analyzed: the same for every document of a batch.
#[derive(Debug)]
pub struct AnalysisRules {
    /// Keep per-sentence figures.
    pub sentences: bool,
    /// Keep each theme match with this many words of context either side.
    pub kwic_window: Option<usize>,
    /// The MATTR window, in words.
    pub mattr_window: usize,
    /// How words become terms.
    pub terms: TermRules,
    /// Metadata to attach by document id or file name (`--metadata`).
    pub metadata: MetadataTable,
}

impl Default for AnalysisRules {
    /// No sentences kept, the standard MATTR window, every word a term.
    fn default() -> Self {
        AnalysisRules {
            sentences: false,
            kwic_window: None,
            mattr_window: MATTR_WINDOW,
            terms: TermRules::default(),
            metadata: MetadataTable::default(),
        }
    }
}

/// A document's counts, diversity, terms, themes and sentences.
pub struct Counted {
    /// Sums over the counted blocks (`paragraphs` is the caller's).
    pub counts: Counts,
    /// Lexical diversity.
    pub diversity: Diversity,
    /// Terms, most frequent first.
    pub terms: Vec<(String, usize)>,
    /// One tally per theme.
    pub themes: Vec<ThemeTally>,
    /// Per-sentence figures, when the rules ask for them.
    pub sentences: SentenceLog,
    /// Theme matches in context, when the rules ask for them.
    pub kwic: KwicLog,
}

/// Text counted on one thread before the next piece of a document goes to
/// another: a document longer than this is cut, at block boundaries, into
/// pieces about this long, counted in parallel and put together in order.
pub const PIECE_BYTES: usize = 1 << 20;

/// Longest block counted as one: a longer paragraph (a file without blank
/// lines) is cut at a line break or space so that its words never need
/// listing all at once (see [`bounded_blocks`]).
pub const MAX_BLOCK_BYTES: usize = 4 << 20;

/// Analyze one document against a theme dictionary: its blocks counted
/// one after another (see [`DocumentCounter`]) with this thread's lexicon,
/// or, for a long document, piece by piece in parallel.
pub fn analyze_document(
    document: &Document,
    themes: &ThemeDictionary,
    rules: &AnalysisRules,
) -> Analysis {
    analyze_in_pieces(document, themes, rules, PIECE_BYTES)
}

/// [`analyze_document`] with pieces of `piece_bytes`: the result is the
/// same for any piece size (a test holds it to that).
pub fn analyze_in_pieces(
    document: &Document,
    themes: &ThemeDictionary,
    rules: &AnalysisRules,
    piece_bytes: usize,
) -> Analysis {
    let blocks = document.blocks();
    let counted = count_in_pieces(&document.body, &blocks, themes, rules, piece_bytes.max(1));
    let set_aside = SetAside::of(document);
    assembled(
        document,
        counted,
        count_paragraphs(&blocks),
        set_aside,
        rules,
    )
}

/// What a document (or a section of one) set aside as furniture.
#[derive(Debug, Clone, Copy, Default)]
struct SetAside {
    lines: usize,
    words: usize,
}

impl SetAside {
    fn of(document: &Document) -> Self {
        SetAside {
            lines: document.furniture.lines,
            words: words(&document.furniture.text).len(),
        }
    }
}

/// The analysis of `document` (its id, title, metadata and how it was
/// read) from what was counted, its paragraphs and furniture set aside.
fn assembled(
    document: &Document,
    counted: Counted,
    paragraphs: usize,
    set_aside: SetAside,
    rules: &AnalysisRules,
) -> Analysis {
    let mut counts = counted.counts;
    counts.paragraphs = paragraphs;
    Analysis {
        id: document.id.clone(),
        title: document.title.clone(),
        metadata: metadata_of(document, &rules.metadata),
        counts,
        furniture_lines: set_aside.lines,
        furniture_words: set_aside.words,
        encoding: document.encoding,
        decode_errors: document.decode_errors,
        diversity: counted.diversity,
        terms: counted.terms,
        themes: counted.themes,
        sentences: counted.sentences,
        kwic: counted.kwic,
    }
}

/// Count `blocks` of `body` in pieces of about `piece_bytes`, a few pieces
/// at a time in parallel (so what waits to be put together stays small),
/// put together in document order.
fn count_in_pieces(
    body: &str,
    blocks: &[BlockSpan],
    themes: &ThemeDictionary,
    rules: &AnalysisRules,
    piece_bytes: usize,
) -> Counted {
    let blocks = bounded_blocks(body, blocks, MAX_BLOCK_BYTES);
    let pieces = pieces(&blocks, piece_bytes);
    if pieces.len() <= 1 {
        return count_piece(body, &blocks, themes, rules).finish(rules);
    }
    let mut whole = DocumentTally::default();
    tally_pieces(&mut whole, body, &pieces, themes, rules);
    whole.finish(rules)
}

/// Count `pieces` of `body`, two a thread at a time in parallel, and add
/// them to `whole` in order.
fn tally_pieces(
    whole: &mut DocumentTally,
    body: &str,
    pieces: &[&[BlockSpan]],
    themes: &ThemeDictionary,
    rules: &AnalysisRules,
) {
    let round = 2 * rayon::current_num_threads();
    for group in pieces.chunks(round) {
        let tallies: Vec<DocumentTally> = group
            .par_iter()
            .map(|piece| count_piece(body, piece, themes, rules))
            .collect();
        tallies.into_iter().for_each(|tally| whole.append(tally));
    }
}

/// Count one piece of `body` with this thread's lexicon.
fn count_piece(
    body: &str,
    piece: &[BlockSpan],
    themes: &ThemeDictionary,
    rules: &AnalysisRules,
) -> DocumentTally {
    with_lexicon(|lexicon| {
        let mut counter = DocumentCounter::new(themes, rules);
        for block in piece {
            counter.add_block(lexicon, body, block);
        }
        counter.into_tally(lexicon)
    })
}

/// Analyze a document given as sections in order (a long plain-text file,
/// see [`crate::input::stream`]): each section counted in pieces as it
/// comes, then dropped, so memory holds a section and what grows with the
/// vocabulary, whatever the document's length. Gives what analyzing the
/// sections joined as one document gives; the encoding and decoding
/// errors are the caller's to set (known once the file is read).
pub fn analyze_sections(
    mut sections: impl Iterator<Item = Result<Document, InputError>>,
    themes: &ThemeDictionary,
    rules: &AnalysisRules,
) -> Result<Analysis, InputError> {
    let first = sections.next().ok_or(InputError::Empty)??;
    let mut whole = DocumentTally::default();
    let (mut paragraphs, mut set_aside) = (0, SetAside::default());
    let mut add = |section: &Document| {
        let blocks = section.blocks();
        let bounded = bounded_blocks(&section.body, &blocks, MAX_BLOCK_BYTES);
        let pieces = pieces(&bounded, PIECE_BYTES);
        tally_pieces(&mut whole, &section.body, &pieces, themes, rules);
        paragraphs += count_paragraphs(&blocks);
        let section = SetAside::of(section);
        set_aside.lines += section.lines;
        set_aside.words += section.words;
    };
    add(&first);
    for section in sections {
        add(&section?);
    }
    let counted = whole.finish(rules);
    Ok(assembled(&first, counted, paragraphs, set_aside, rules))
}

/// `blocks` cut into runs of whole blocks of about `piece_bytes` each.
fn pieces(blocks: &[BlockSpan], piece_bytes: usize) -> Vec<&[BlockSpan]> {
    let mut pieces = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (index, block) in blocks.iter().enumerate() {
        size += block.range.len();
        if size >= piece_bytes {
            pieces.push(&blocks[start..=index]);
            (start, size) = (index + 1, 0);
        }
    }
    if start < blocks.len() {
        pieces.push(&blocks[start..]);
    }
    pieces
}

/// A document's metadata, with the metadata file's columns attached.
fn metadata_of(document: &Document, table: &MetadataTable) -> Vec<(String, String)> {
    let mut metadata = document.metadata.clone();
    table.attach(&document.id, &mut metadata);
    metadata
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyze(text: &str) -> Analysis {
        let document = Document::from_text("t".into(), text, false);
        let rules = AnalysisRules {
            sentences: true,
            ..AnalysisRules::default()
        };
        analyze_document(&document, &ThemeDictionary::built_in(), &rules)
    }

    #[test]
    fn counts_words_sentences_and_paragraphs_of_the_body_only() {
        let analysis = analyze("The Headline Here\n\nOne two three. Four five!\n\nSix seven");
        assert_eq!(analysis.title.as_deref(), Some("The Headline Here"));
        assert_eq!(analysis.counts.words, 7);
        assert_eq!(analysis.counts.sentences, 3);
        assert_eq!(analysis.counts.paragraphs, 2);
        assert_eq!(analysis.sentences.kept()[2].text, "Six seven");
    }

    #[test]
    fn terms_are_counted_lowercase_most_frequent_first() {
        let analysis = analyze("War and war. Peace and war.");
        assert_eq!(analysis.terms[0], ("war".to_owned(), 3));
        assert_eq!(analysis.terms[1], ("and".to_owned(), 2));
        assert_eq!(analysis.terms[2], ("peace".to_owned(), 1));
    }

    #[test]
    fn themes_are_tallied_per_document() {
        let analysis = analyze("The militants attacked the checkpoint. Corruption grew.");
        let dictionary = ThemeDictionary::built_in();
        let security = dictionary
            .themes()
            .iter()
            .position(|t| t == "security_violence")
            .unwrap();
        assert!(
            analysis.themes[security].count >= 2,
            "{:?}",
            analysis.themes[security]
        );
    }

    #[test]
    fn the_default_mattr_window_is_the_published_one() {
        let options = crate::config::AnalysisOptions::default();
        assert_eq!(options.mattr_window, MATTR_WINDOW);
        assert_eq!(AnalysisRules::default().mattr_window, MATTR_WINDOW);
    }

    #[test]
    fn diversity_counts_every_word_but_terms_follow_the_rules() {
        let document = Document::from_text("t".into(), "The war and the peace. The war.", false);
        let rules = AnalysisRules {
            terms: TermRules::new(crate::wordlists::english_stopwords(), false, (1, 2)),
            ..AnalysisRules::default()
        };
        let analysis = analyze_document(&document, &ThemeDictionary::built_in(), &rules);
        assert_eq!(analysis.counts.types, 4, "the, war, and, peace");
        assert_eq!(analysis.diversity.ttr, Some(4.0 / 7.0));
        let terms: Vec<(&str, usize)> = analysis
            .terms
            .iter()
            .map(|(t, n)| (t.as_str(), *n))
            .collect();
        assert_eq!(
            terms,
            [("war", 2), ("peace", 1)],
            "stopwords out, no bigram crosses `and`"
        );
    }

    #[test]
    fn furniture_words_are_counted_apart() {
        let text = "A first paragraph of real prose with words. Another sentence here to add words.\n\nLeave a Reply\n\nYour email address will not be published.";
        let analysis = analyze(text);
        assert_eq!(analysis.counts.words, 14);
        assert_eq!(analysis.furniture_lines, 2);
        assert_eq!(analysis.furniture_words, 10);
    }
}
