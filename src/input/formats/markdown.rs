//! The Markdown reader: one `.md` draft to an [`Extracted`] document (title,
//! metadata, blocks), so that a piece's structure reaches sentence splitting
//! as its author wrote it. It replaces a line-by-line stripper that guessed at
//! headings, links and code and lost paragraph, list and quote boundaries.
//! It never panics and runs in linear time.
//!
//! The body is parsed as CommonMark by pulldown-cmark, with GitHub tables,
//! footnotes, strikethrough and task lists; smart punctuation, math, super-
//! and subscript stay off, so every character of prose stays as written.
//! Front matter follows the convention of Jekyll, Hugo and Pandoc:
//!
//! - YAML: a `---` line at the very start (after an optional BOM) up to the
//!   next `---` or `...` line. As in Pandoc, a `---` followed by a blank line
//!   is a thematic break; a `---` line anywhere later is Markdown (a break,
//!   or a Setext heading's underline). An opening line that nothing closes,
//!   invalid YAML, or YAML that is not a mapping is a [`FrontMatterError`]
//!   with its line number in the file.
//! - TOML (Hugo): a `+++` line up to the next `+++` line, read leniently:
//!   `key = value` lines and one level of `[table]`; a quoted string is
//!   unquoted, a one-line array of scalars joined by `; `, anything else kept
//!   as written; lines it does not understand are skipped, never an error.
//!
//! Front-matter keys become metadata in the order written (names lowercased,
//! first occurrence wins). Scalars keep their exact text (`2024-05-05`,
//! `007` and `yes` stay so); YAML nulls are no value. A list becomes its
//! scalar items joined by `; ` (`tags`, `authors`…). A nested mapping is
//! flattened one level as `parent.child`; anything deeper, and lists of
//! mappings, are skipped. `title` becomes [`Extracted::title`] only, not
//! metadata (the report has a title column).
//!
//! The title is front matter's `title`, else the first block if it is a
//! heading (ATX or Setext, any level). A first heading that repeats the
//! front-matter title is dropped. Blocks: paragraphs; each list item, or each
//! paragraph of a loose item; each paragraph in a block quote (lists in a
//! quote too); later headings; each table row (header included), its cells
//! separated by spaces. Inside a block, soft and hard breaks (and `<br>`)
//! become spaces and white space is collapsed. Inline code keeps its text (it
//! is often a name in prose), link text stays and targets go. Dropped: code
//! blocks, HTML blocks and inline tags and comments (words between inline
//! tags stay), images with their alt text, reference definitions, footnote
//! definitions and markers (citations, not the piece's prose), task-list
//! boxes and thematic breaks.

use super::{Block, BlockKind, Extracted};
use pulldown_cmark::{Event, Options, Parser, TagEnd};
use std::collections::HashMap;
use yaml_rust2::parser::{Event as YamlEvent, Parser as YamlParser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// Why front matter could not be read (with the 1-based line number in the file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("front matter, line {line}: {message}")]
pub struct FrontMatterError {
    /// Where the problem is: the 1-based line in the file (a BOM is no line).
    pub line: usize,
    /// What the problem is.
    pub message: String,
}

/// Read one Markdown document: front matter, title, blocks.
///
/// # Errors
///
/// A [`FrontMatterError`] when the document opens with front matter that
/// is never closed, is not valid YAML, or is not `key: value` lines.
pub fn read_markdown(markdown: &str) -> Result<Extracted, FrontMatterError> {
    let text = markdown.strip_prefix('\u{feff}').unwrap_or(markdown);
    let mut extracted = Extracted::default();
    let body = match split_front_matter(text)? {
        Some(front) if front.toml => {
            read_toml(front.text, &mut extracted);
            front.body
        }
        Some(front) => {
            read_yaml(front.text, &mut extracted)?;
            front.body
        }
        None => text,
    };
    extracted.blocks = read_blocks(body);
    take_title_heading(&mut extracted);
    Ok(extracted)
}

/// Front matter found at the start of a document.
struct FrontMatter<'a> {
    /// `+++` (TOML) rather than `---` (YAML).
    toml: bool,
    /// Its text, delimiter lines excluded: it starts on line 2 of the file.
    text: &'a str,
    /// The Markdown after the closing delimiter line.
    body: &'a str,
}

/// The front matter opening `text` (BOM already removed), if any.
fn split_front_matter(text: &str) -> Result<Option<FrontMatter<'_>>, FrontMatterError> {
    let mut lines = text.split_inclusive('\n');
    let toml = match lines.next().map(str::trim_end) {
        Some("---") => false,
        Some("+++") => true,
        _ => return Ok(None),
    };
    let start = text.find('\n').map_or(text.len(), |at| at + 1);
    let mut offset = start;
    for (index, line) in lines.enumerate() {
        let content = line.trim_end();
        if index == 0 && content.is_empty() && !toml {
            return Ok(None); // `---` and a blank line: a thematic break
        }
        if closes_front_matter(content, toml) {
            let (text, body) = (&text[start..offset], &text[offset + line.len()..]);
            return Ok(Some(FrontMatter { toml, text, body }));
        }
        offset += line.len();
    }
    match offset == start {
        true => Ok(None),
        false if toml => Err(error_at(1, "no `+++` line closes the front matter")),
        false => Err(error_at(
            1,
            "no `---` or `...` line closes the front matter",
        )),
    }
}

/// Whether a line (its end trimmed) closes `+++` (`toml`) or `---` front matter.
fn closes_front_matter(line: &str, toml: bool) -> bool {
    if toml {
        line == "+++"
    } else {
        line == "---" || line == "..."
    }
}

/// A [`FrontMatterError`] at `line` of the file.
fn error_at(line: usize, message: &str) -> FrontMatterError {
    FrontMatterError {
        line,
        message: message.to_owned(),
    }
}

/// Record one front-matter field: `title` as the title, the rest as metadata.
fn set_field(extracted: &mut Extracted, name: &str, value: &str) {
    if !name.trim().eq_ignore_ascii_case("title") {
        extracted.add_metadata(name, value);
    } else if extracted.title.is_none() {
        let title = collapse(value);
        extracted.title = (!title.is_empty()).then_some(title);
    }
}

/// `parent.child`, or `child` at the top; `None` for a key to skip.
fn field_name(prefix: Option<&str>, key: &str) -> Option<String> {
    match prefix {
        _ if key.trim().is_empty() => None,
        Some(prefix) => Some(format!("{prefix}.{key}")),
        None => Some(key.to_owned()),
    }
}

/// Read YAML front matter into `extracted` (see the module doc for how).
fn read_yaml(yaml: &str, extracted: &mut Extracted) -> Result<(), FrontMatterError> {
    let mut parser = YamlParser::new_from_str(yaml);
    let mut fields = YamlFields {
        extracted,
        stack: Vec::new(),
        anchors: HashMap::new(),
        done: false,
    };
    loop {
        let (event, mark) = parser
            .next_token()
            .map_err(|err| error_at(err.marker().line() + 1, err.info()))?;
        match event {
            YamlEvent::StreamEnd => return Ok(()),
            YamlEvent::MappingStart(..) => fields.open(true, mark)?,
            YamlEvent::SequenceStart(..) => fields.open(false, mark)?,
            YamlEvent::MappingEnd | YamlEvent::SequenceEnd => fields.close(),
            YamlEvent::Scalar(value, style, anchor, _) => {
                let value = scalar_text(value, style);
                if anchor > 0 {
                    fields.anchors.insert(anchor, value.clone());
                }
                fields.scalar(value, mark)?;
            }
            YamlEvent::Alias(id) => {
                let value = fields.anchors.get(&id).cloned().unwrap_or_default();
                fields.scalar(value, mark)?;
            }
            _ => {}
        }
    }
}

/// A YAML scalar's text as written; a null (`~`, `null`…) is empty.
fn scalar_text(value: String, style: TScalarStyle) -> String {
    let null = matches!(&*value, "~" | "null" | "Null" | "NULL");
    if style == TScalarStyle::Plain && null {
        String::new()
    } else {
        value
    }
}

/// One open YAML collection while reading front matter.
enum Frame {
    /// A mapping, named `prefix` unless at the top; `key` awaits its value
    /// (an empty key: a value to skip).
    Map {
        prefix: Option<String>,
        key: Option<String>,
    },
    /// A list whose scalar items become one `; `-joined value of `name`.
    List {
        name: Option<String>,
        items: Vec<String>,
    },
    /// A collection too deep, or in the wrong place, to become metadata.
    Skip,
}

/// YAML events to fields: a stack of open collections, bounded in what it
/// keeps (two levels) so that no input builds a deep tree.
struct YamlFields<'a> {
    extracted: &'a mut Extracted,
    stack: Vec<Frame>,
    /// Scalar values by anchor id, for aliases (`*name`).
    anchors: HashMap<usize, String>,
    /// The top mapping has been read; later documents are ignored.
    done: bool,
}

impl YamlFields<'_> {
    /// A mapping (`mapping`) or a list starts at `mark`.
    fn open(&mut self, mapping: bool, mark: Marker) -> Result<(), FrontMatterError> {
        let frame = match self.stack.last_mut() {
            None if self.done => Frame::Skip,
            None if !mapping => return Err(not_a_mapping(mark)),
            None => Frame::Map {
                prefix: None,
                key: None,
            },
            Some(Frame::Map { prefix, key }) => match key.take() {
                Some(child) => child_frame(prefix.as_deref(), &child, mapping),
                None => {
                    *key = Some(String::new()); // a complex key: skip its value too
                    Frame::Skip
                }
            },
            Some(_) => Frame::Skip,
        };
        self.stack.push(frame);
        Ok(())
    }

    /// A scalar (or an alias to one) at `mark`.
    fn scalar(&mut self, value: String, mark: Marker) -> Result<(), FrontMatterError> {
        match self.stack.last_mut() {
            None if self.done || value.trim().is_empty() => {}
            None => return Err(not_a_mapping(mark)),
            Some(Frame::Map {
                key: key @ None, ..
            }) => *key = Some(value),
            Some(Frame::Map { prefix, key }) => {
                let key = key.take().unwrap_or_default();
                if let Some(name) = field_name(prefix.as_deref(), &key) {
                    set_field(self.extracted, &name, &value);
                }
            }
            Some(Frame::List { items, .. }) if !value.trim().is_empty() => items.push(value),
            Some(_) => {}
        }
        Ok(())
    }

    /// The innermost open collection ends.
    fn close(&mut self) {
        if let Some(Frame::List {
            name: Some(name),
            items,
        }) = self.stack.pop()
        {
            set_field(self.extracted, &name, &items.join("; "));
        }
        self.done |= self.stack.is_empty();
    }
}

/// The frame for a mapping (`mapping`) or list that is the value of `key`
/// in a mapping named `prefix`: only the top mapping's maps are read.
fn child_frame(prefix: Option<&str>, key: &str, mapping: bool) -> Frame {
    let name = field_name(prefix, key);
    match (mapping, prefix.is_none() && name.is_some()) {
        (false, _) => Frame::List {
            name,
            items: Vec::new(),
        },
        (true, true) => Frame::Map {
            prefix: name,
            key: None,
        },
        (true, false) => Frame::Skip,
    }
}

/// The error for front matter that is not `key: value` lines.
fn not_a_mapping(mark: Marker) -> FrontMatterError {
    error_at(mark.line() + 1, "expected `key: value` lines")
}

/// Read TOML front matter into `extracted`, leniently (see the module doc).
fn read_toml(toml: &str, extracted: &mut Extracted) {
    let (mut prefix, mut skipping) = (None::<String>, false);
    for line in toml.lines().map(str::trim) {
        if let Some(header) = line.strip_prefix('[') {
            let name = header
                .split(']')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('"');
            skipping = header.starts_with('[') || name.contains('.') || name.is_empty();
            prefix = Some(name.to_owned());
            continue;
        }
        let Some((key, value)) = line.split_once('=').filter(|_| !skipping) else {
            continue;
        };
        let key = key.trim().trim_matches(['"', '\'']);
        let name = field_name(prefix.as_deref(), key).filter(|_| !key.starts_with('#'));
        if let (Some(name), Some(value)) = (name, toml_value(value)) {
            set_field(extracted, &name, &value);
        }
    }
}

/// A TOML value as text: a one-line array's scalars joined by `; `, else
/// one scalar; `None` for what this reader does not understand.
fn toml_value(text: &str) -> Option<String> {
    let text = text.trim_start();
    let Some(mut rest) = text.strip_prefix('[') else {
        return toml_scalar(text).map(|(value, _)| value);
    };
    let mut items = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.starts_with(']') {
            return Some(items.join("; "));
        }
        let (item, after) = toml_scalar(rest)?;
        items.extend((!item.is_empty()).then_some(item));
        let after = after.trim_start();
        rest = match after.strip_prefix(',') {
            Some(after) => after,
            None if after.starts_with(']') => after,
            None => return None,
        };
    }
}

/// The TOML scalar opening `text`, as text, and what follows it: a quoted
/// string unquoted (escapes read simply), else the text up to `,` `]` `#`.
fn toml_scalar(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start();
    let quote = text.chars().next().filter(|c| matches!(c, '"' | '\''));
    let Some(quote) = quote else {
        let end = text.find([',', ']', '#']).unwrap_or(text.len());
        let value = text[..end].trim();
        let inline_table = value.starts_with(['{', '[', '"', '\'']);
        return (!inline_table).then(|| (value.to_owned(), &text[end..]));
    };
    let (mut value, mut chars) = (String::new(), text[1..].char_indices());
    while let Some((at, c)) = chars.next() {
        match c {
            _ if c == quote => return Some((value, &text[1 + at + 1..])),
            '\\' if quote == '"' => match chars.next()?.1 {
                'n' | 't' | 'r' => value.push(' '),
                escaped => value.push(escaped),
            },
            _ => value.push(c),
        }
    }
    None
}

/// The blocks of a Markdown body, in reading order.
fn read_blocks(body: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut reader = BlockReader::default();
    for event in Parser::new_ext(body, options) {
        reader.event(event);
    }
    reader.flush();
    reader.blocks
}

/// Gathers blocks from pulldown-cmark events: the text of the block being
/// read, and how deep the reader is in each kind of container.
#[derive(Default)]
struct BlockReader {
    blocks: Vec<Block>,
    text: String,
    /// Inside code blocks, images, footnote definitions: text is dropped.
    skip: usize,
    heading: usize,
    quote: usize,
    item: usize,
}

impl BlockReader {
    /// Take one event.
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.edge(tag.to_end(), true),
            Event::End(tag) => self.edge(tag, false),
            Event::Text(text) | Event::Code(text) => self.push(&text),
            Event::SoftBreak | Event::HardBreak => self.push(" "),
            Event::InlineHtml(html) if is_line_break(&html) => self.push(" "),
            Event::Rule => self.flush(),
            _ => {} // HTML, footnote references, task-list boxes
        }
    }

    /// A container opens (`opening`) or closes: a block boundary, unless
    /// it is inline markup.
    fn edge(&mut self, tag: TagEnd, opening: bool) {
        let counter = match tag {
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => return,
            TagEnd::Superscript | TagEnd::Subscript => return,
            TagEnd::TableCell => return self.push(" "),
            TagEnd::Image => &mut self.skip,
            _ => {
                self.flush();
                match tag {
                    TagEnd::Heading(_) => &mut self.heading,
                    TagEnd::BlockQuote(_) => &mut self.quote,
                    TagEnd::Item => &mut self.item,
                    TagEnd::CodeBlock | TagEnd::FootnoteDefinition => &mut self.skip,
                    TagEnd::MetadataBlock(_) => &mut self.skip,
                    _ => return,
                }
            }
        };
        *counter = if opening {
            *counter + 1
        } else {
            counter.saturating_sub(1)
        };
    }

    /// Add text to the block being read, unless it is to be dropped.
    fn push(&mut self, text: &str) {
        if self.skip == 0 {
            self.text.push_str(text);
        }
    }

    /// End the block being read: keep it if it holds any text.
    fn flush(&mut self) {
        if self.skip > 0 || self.text.trim().is_empty() {
            return self.text.clear();
        }
        let text = collapse(&self.text);
        self.text.clear();
        let kind = if self.heading > 0 {
            BlockKind::Heading
        } else if self.quote > 0 {
            BlockKind::Quote
        } else if self.item > 0 {
            BlockKind::ListItem
        } else {
            BlockKind::Paragraph
        };
        self.blocks.push(Block::new(kind, text));
    }
}

/// Whether inline HTML is a `<br>` tag (`<br>`, `<br/>`, `<BR />`…).
fn is_line_break(html: &str) -> bool {
    let bytes = html.as_bytes();
    bytes.len() > 3
        && bytes[..3].eq_ignore_ascii_case(b"<br")
        && matches!(bytes[3], b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n')
}

/// Make a first heading the title when front matter named none; drop it
/// when it repeats the front-matter title.
fn take_title_heading(extracted: &mut Extracted) {
    let Some(first) = extracted.blocks.first() else {
        return;
    };
    if first.kind != BlockKind::Heading {
        return;
    }
    match &extracted.title {
        None => extracted.title = Some(extracted.blocks.remove(0).text),
        Some(title) if title.to_lowercase() == first.text.to_lowercase() => {
            extracted.blocks.remove(0);
        }
        Some(_) => {}
    }
}

/// `text` with runs of white space made single spaces, ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use BlockKind::{Heading, ListItem, Paragraph, Quote};

    fn read(markdown: &str) -> Extracted {
        read_markdown(markdown).expect("front matter should be valid")
    }

    fn blocks(markdown: &str) -> Vec<(BlockKind, String)> {
        let blocks = read(markdown).blocks.into_iter();
        blocks.map(|block| (block.kind, block.text)).collect()
    }

    fn texts(markdown: &str) -> Vec<String> {
        read(markdown)
            .blocks
            .into_iter()
            .map(|block| block.text)
            .collect()
    }

    fn meta(extracted: &Extracted) -> Vec<(&str, &str)> {
        let pairs = extracted.metadata.iter();
        pairs
            .map(|(name, value)| (name.as_str(), value.as_str()))
            .collect()
    }

    fn error(markdown: &str) -> FrontMatterError {
        read_markdown(markdown).expect_err("front matter should be invalid")
    }

    // The cases of the old line stripper (`src/input/markdown.rs`).

    #[test]
    fn removes_markup_and_keeps_words() {
        let md = "# A Title #\n\nSome **bold** and `code` with [a link](http://x.y/z).\n\n![pic](p.png)\n```\nlet x = 1;\n```\nEnd.";
        let doc = read(md);
        assert_eq!(doc.title.as_deref(), Some("A Title"));
        assert_eq!(texts(md), ["Some bold and code with a link.", "End."]);
    }

    #[test]
    fn brackets_that_are_not_links_stay() {
        let md = "see [1] and [a](b c) or [x](y)\n\n[[nested](u)]";
        assert_eq!(texts(md), ["see [1] and [a](b c) or x", "[nested]"]);
    }

    #[test]
    fn hash_without_space_is_not_a_heading() {
        let doc = read("#hashtag here");
        assert_eq!(doc.title, None);
        assert_eq!(
            blocks("#hashtag here"),
            [(Paragraph, "#hashtag here".into())]
        );
    }

    // Front matter.

    #[test]
    fn yaml_front_matter_becomes_title_and_metadata_in_order() {
        let md = "---\nTitle: The Piece\nAuthor: A. Writer\ndate: 2024-05-05\ntags: [a, b c]\nOutlet: Paper\nurl: https://x.y/z\n---\nBody.";
        let doc = read(md);
        assert_eq!(doc.title.as_deref(), Some("The Piece"));
        let expected = [
            ("author", "A. Writer"),
            ("date", "2024-05-05"),
            ("tags", "a; b c"),
        ];
        assert_eq!(meta(&doc)[..3], expected);
        assert_eq!(
            meta(&doc)[3..],
            [("outlet", "Paper"), ("url", "https://x.y/z")]
        );
        assert_eq!(texts(md), ["Body."]);
    }

    #[test]
    fn lists_are_joined_and_author_lists_too() {
        let md =
            "---\ntags:\n  - one\n  - two\nauthor:\n  - A\n  - ''\n  - B\nauthors: [C, D]\n---\n";
        let doc = read(md);
        let expected = [
            ("tags", "one; two"),
            ("author", "A; B"),
            ("authors", "C; D"),
        ];
        assert_eq!(meta(&doc), expected);
    }

    #[test]
    fn scalars_keep_their_text_and_nulls_are_no_value() {
        let md = "---\ndate: 2024-05-05\nwhen: 2024-05-05T10:00:00+02:00\nid: 007\nhex: 0x1F\nratio: 1.50\nflag: yes\nnone: ~\nempty:\nq: \"null\"\n---\n";
        let doc = read(md);
        let expected = [
            ("date", "2024-05-05"),
            ("when", "2024-05-05T10:00:00+02:00"),
            ("id", "007"),
        ];
        assert_eq!(meta(&doc)[..3], expected);
        let expected = [
            ("hex", "0x1F"),
            ("ratio", "1.50"),
            ("flag", "yes"),
            ("q", "null"),
        ];
        assert_eq!(meta(&doc)[3..], expected);
    }

    #[test]
    fn nested_maps_flatten_one_level_and_deeper_is_skipped() {
        let md = "---\nsource:\n  name: Paper\n  tags: [x, y]\n  deep:\n    no: 1\n  people:\n    - name: Z\nafter: yes\n---\n";
        let doc = read(md);
        let expected = [
            ("source.name", "Paper"),
            ("source.tags", "x; y"),
            ("after", "yes"),
        ];
        assert_eq!(meta(&doc), expected);
    }

    #[test]
    fn title_is_not_repeated_as_metadata_and_first_wins() {
        let doc = read("---\ntitle: One\nTITLE: Two\nsub:\n  title: Three\n---\n");
        assert_eq!(doc.title.as_deref(), Some("One"));
        assert_eq!(meta(&doc), [("sub.title", "Three")]);
    }

    #[test]
    fn aliases_and_block_scalars_are_read() {
        let doc = read("---\na: &who Jane Roe\nb: *who\nc: |\n  two\n  lines\n---\n");
        assert_eq!(
            meta(&doc),
            [("a", "Jane Roe"), ("b", "Jane Roe"), ("c", "two lines")]
        );
    }

    #[test]
    fn invalid_yaml_is_an_error_with_its_line_in_the_file() {
        let err = error("---\ntitle: ok\nauthor: A\n  bad: indent\n---\nBody");
        assert_eq!(err.line, 4);
        assert!(
            err.to_string().starts_with("front matter, line 4: "),
            "{err}"
        );
        assert_eq!(
            error("\u{feff}---\nx: 1\ny: [unclosed, z\nw: 2\n---\n").line,
            4
        );
    }

    #[test]
    fn front_matter_that_is_not_key_value_lines_is_an_error() {
        let err = error("---\n# a comment\nJust a sentence.\n---\nBody");
        assert_eq!(
            (err.line, err.message.as_str()),
            (3, "expected `key: value` lines")
        );
        assert_eq!(error("---\n- a\n- b\n---\n").line, 2);
    }

    #[test]
    fn unclosed_front_matter_is_an_error_at_line_one() {
        let err = error("---\ntitle: x\n\nBody without a closing line.");
        assert_eq!(err.line, 1);
        assert_eq!(error("+++\ntitle = 'x'\n").line, 1);
    }

    #[test]
    fn rule_not_at_the_very_start_is_no_front_matter() {
        let md = "Intro.\n\n---\nauthor: X\n\n---\n\nMore.";
        let doc = read(md);
        assert!(doc.metadata.is_empty());
        assert_eq!(texts(md), ["Intro.", "author: X", "More."]);
        assert!(read("\n---\nauthor: X\n---\nBody").metadata.is_empty());
        let md = "---\n\nA rule, then text.\n\n---\n\nMore.";
        assert_eq!(texts(md), ["A rule, then text.", "More."]);
        assert_eq!(texts("---"), Vec::<String>::new());
    }

    #[test]
    fn bom_before_front_matter_and_crlf_lines() {
        let doc = read("\u{feff}---\r\ntitle: T\r\nauthor: A\r\n...\r\n\r\nBody.\r\n");
        assert_eq!(doc.title.as_deref(), Some("T"));
        assert_eq!(meta(&doc), [("author", "A")]);
        assert_eq!(texts("\u{feff}# Heading\n\nBody."), ["Body."]);
    }

    #[test]
    fn empty_documents_and_empty_front_matter() {
        assert_eq!(read(""), Extracted::default());
        assert_eq!(read(" \n\n\t\n"), Extracted::default());
        assert_eq!(read("\u{feff}"), Extracted::default());
        assert_eq!(read("---\n---\n"), Extracted::default());
        assert_eq!(read("---\n# only a comment\n---\nBody.").blocks.len(), 1);
    }

    #[test]
    fn toml_front_matter_is_read_leniently() {
        let md = "+++\ntitle = \"A \\\"B\\\"\"\ndate = 2024-05-05 # note\ntags = ['x', \"y\"]\nodd = {a = 1}\nmulti = [\n  \"z\",\n]\n[params]\noutlet = \"P\"\n[[menu]]\nname = \"M\"\n+++\nBody.";
        let doc = read(md);
        assert_eq!(doc.title.as_deref(), Some("A \"B\""));
        let expected = [
            ("date", "2024-05-05"),
            ("tags", "x; y"),
            ("params.outlet", "P"),
        ];
        assert_eq!(meta(&doc), expected);
        assert_eq!(texts(md), ["Body."]);
    }

    // Title.

    #[test]
    fn first_heading_is_the_title_only_when_first_and_untitled() {
        let doc = read("## Sub level title\n\nText.\n\n# Later\n\nMore.");
        assert_eq!(doc.title.as_deref(), Some("Sub level title"));
        assert_eq!(doc.blocks[1], Block::new(Heading, "Later"));
        let doc = read("Setext *title*\n====\n\nText.");
        assert_eq!(
            (doc.title.as_deref(), doc.blocks.len()),
            (Some("Setext title"), 1)
        );
        assert_eq!(
            read("Dashes\n---\n\nText.").title.as_deref(),
            Some("Dashes")
        );
        let doc = read("Text first.\n\n# Heading");
        assert_eq!(doc.title, None);
        assert_eq!(
            blocks("Text first.\n\n# Heading")[1],
            (Heading, "Heading".into())
        );
    }

    #[test]
    fn front_matter_title_wins_and_a_repeated_heading_is_dropped() {
        let doc = read("---\ntitle: The Title\n---\n# the  title\n\nText.");
        assert_eq!(
            (
                doc.title.as_deref(),
                texts("---\ntitle: The Title\n---\n# the title\n\nText.")
            ),
            (Some("The Title"), vec!["Text.".to_owned()])
        );
        let md = "---\ntitle: The Title\n---\n# Another\n\nText.";
        assert_eq!(
            blocks(md),
            [(Heading, "Another".into()), (Paragraph, "Text.".into())]
        );
    }

    // Blocks.

    #[test]
    fn list_items_nested_ordered_tight_and_loose() {
        let md = "1. one\n   - a\n   - b\n2. two\n\n- loose\n\n  second para\n- [x] done";
        let kinds = blocks(md).into_iter().map(|(kind, _)| kind);
        assert!(kinds.into_iter().all(|kind| kind == ListItem));
        assert_eq!(
            texts(md),
            ["one", "a", "b", "two", "loose", "second para", "done"]
        );
    }

    #[test]
    fn quote_paragraphs_are_quote_blocks() {
        let md = "> one\n> still one\n>\n> two\n> > nested\n> - listed\n\nAfter.";
        let expected = [
            (Quote, "one still one"),
            (Quote, "two"),
            (Quote, "nested"),
            (Quote, "listed"),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(kind, text)| (*kind, text.to_string()))
            .collect();
        assert_eq!(blocks(md)[..4], expected);
        assert_eq!(blocks(md)[4], (Paragraph, "After.".into()));
    }

    #[test]
    fn table_rows_are_paragraphs() {
        let md = "| Item | *Cost* |\n|---|--:|\n| Tea | 2 |\n| Cake | `3` |";
        assert_eq!(texts(md), ["Item Cost", "Tea 2", "Cake 3"]);
        assert!(blocks(md).iter().all(|(kind, _)| *kind == Paragraph));
    }

    #[test]
    fn footnotes_are_dropped_with_their_markers() {
        let md = "Claim.[^n] More.\n\n[^n]: A source, 2020.\n\n    Its second paragraph.\n\nAfter.";
        assert_eq!(texts(md), ["Claim. More.", "After."]);
    }

    #[test]
    fn code_blocks_are_dropped_and_inline_code_kept() {
        let md = "Run `cargo test` now.\n\n```rust\nfn main() {}\n```\n\n~~~\ntilde\n~~~\n\n    indented code\n\nEnd.";
        assert_eq!(texts(md), ["Run cargo test now.", "End."]);
    }

    #[test]
    fn html_is_dropped_and_br_is_a_space() {
        let md = "<div>\n<p>Block text</p>\n</div>\n\nA<br>B<BR/>C <span>kept</span> <!-- note\nover lines --> end.\n\n<!--\n\nhidden\n\n-->\n\nLast.";
        assert_eq!(texts(md), ["A B C kept end.", "Last."]);
    }

    #[test]
    fn images_links_and_reference_definitions() {
        let md = "See [the report][r] and [this](http://a.b \"t\"), <http://c.d>, ![alt text](i.png).\n\n[![badge](b.svg)](http://e.f)\n\n[r]: http://g.h\n";
        assert_eq!(texts(md), ["See the report and this, http://c.d, ."]);
    }

    #[test]
    fn breaks_are_spaces_and_punctuation_stays_as_written() {
        let md = "One  \ntwo\\\nthree\nfour *em* __strong__ ~~gone marks~~.\n\n\"Quotes\" -- 'single' ... $5 and ~6.";
        let expected = [
            "One two three four em strong gone marks.",
            "\"Quotes\" -- 'single' ... $5 and ~6.",
        ];
        assert_eq!(texts(md), expected);
    }

    #[test]
    fn thematic_breaks_separate_blocks() {
        assert_eq!(
            texts("One\n\n***\n\nTwo\n\n- - -\n\nThree"),
            ["One", "Two", "Three"]
        );
    }

    #[test]
    fn body_text_joins_blocks_with_blank_lines() {
        assert_eq!(read("# T\n\nA *b*\nc.\n\n- d").body_text(), "A b c.\n\nd");
    }

    // Robustness.

    #[test]
    fn pathological_inputs_do_not_panic() {
        let unit = [
            "[", "*a", "> ", "- ", "`", "<a ", "![", "](", "\\", "|", "[^", "~~", "\u{feff}", "é",
        ];
        for piece in unit {
            let md = piece.repeat(20_000);
            let _ = read_markdown(&md);
            let _ = read_markdown(&format!("---\n{md}\n---\n{md}"));
            let _ = read_markdown(&format!("+++\n{md}\n+++\n{md}"));
        }
        let deep = format!("---\na: {}{}\n---\n", "[".repeat(5000), "]".repeat(5000));
        let _ = read_markdown(&deep);
        let nested = format!("---\n{}x: 1\n---\n", "a:\n ".repeat(2000));
        let _ = read_markdown(&nested);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "(---\n|\\+\\+\\+\n)?[-+#*_>`~|!:\\[\\]()<>/\\\\ \n\taé.=\"'&{}^0-9?%@,]{0,200}") {
            let _ = read_markdown(&text);
        }
    }

    /// Every `NAME.md` in `tests/inputs/markdown/` against `NAME.expected`.
    #[test]
    fn fixtures_match_their_expectations() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/inputs/markdown");
        let entries = std::fs::read_dir(folder).expect("fixture folder").flatten();
        let mut paths: Vec<_> = entries.map(|entry| entry.path()).collect();
        paths.retain(|path| path.extension().is_some_and(|ext| ext == "md"));
        paths.sort();
        assert!(paths.len() >= 4, "expected at least 4 fixtures in {folder}");
        let failures: Vec<String> = paths.iter().flat_map(|path| check_fixture(path)).collect();
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    /// The failed expectations of one fixture, each naming the file.
    fn check_fixture(path: &std::path::Path) -> Vec<String> {
        let markdown = std::fs::read_to_string(path).expect("fixture text");
        let expected = std::fs::read_to_string(path.with_extension("expected"))
            .unwrap_or_else(|err| panic!("{}: no .expected file: {err}", path.display()));
        let doc = match read_markdown(&markdown) {
            Ok(doc) => doc,
            Err(err) => return vec![format!("{}: {err}", path.display())],
        };
        let lines = expected.lines().map(str::trim);
        let lines = lines.filter(|line| !line.is_empty() && !line.starts_with('#'));
        let failed = lines.filter_map(|line| check_line(&doc, line).err());
        failed
            .map(|why| format!("{}: {why}", path.display()))
            .collect()
    }

    /// Check one `key = value` line of an `.expected` file.
    fn check_line(doc: &Extracted, line: &str) -> Result<(), String> {
        let (key, want) = line
            .split_once('=')
            .ok_or(format!("not `key = value`: {line}"))?;
        let (key, want) = (key.trim(), want.trim());
        let texts: Vec<&str> = doc.blocks.iter().map(|block| block.text.as_str()).collect();
        let ok = match key.split_once('.') {
            _ if key == "title" => doc.title.as_deref() == Some(want),
            _ if key == "blocks" => want.parse() == Ok(texts.len()),
            _ if key == "first" => texts.first().is_some_and(|text| text.starts_with(want)),
            _ if key == "last" => texts.last().is_some_and(|text| text.ends_with(want)),
            _ if key == "absent" => texts.iter().all(|text| !text.contains(want)),
            Some(("meta", name)) => meta(doc).contains(&(name, want)),
            Some(("kind", index)) => index
                .parse()
                .ok()
                .and_then(|i: usize| doc.blocks.get(i))
                .is_some_and(|block| format!("{:?}", block.kind) == want),
            _ => return Err(format!("unknown key: {line}")),
        };
        let found = format!(
            "title {:?}, metadata {:?}, {} blocks, first {:?}, last {:?}",
            doc.title,
            doc.metadata,
            texts.len(),
            texts.first(),
            texts.last()
        );
        ok.then_some(())
            .ok_or(format!("`{line}` does not hold: {found}"))
    }
}
