//! The HTML reader: one saved web page in, its article out, as a reader sees
//! it. A saved op-ed is mostly not the op-ed: menus, cookie banners, share
//! bars, author bios, related links and comments would all be counted as
//! prose if the page were flattened to text, so this module keeps only the
//! article's own blocks and turns the page's metadata into columns.
//!
//! Conventions followed:
//! - **Blocks.** Each `<p>`, `<h1>`–`<h6>`, `<li>` (also `<dt>`, `<dd>`) and
//!   `<blockquote>` paragraph is one [`Block`]; text directly inside a `<div>`
//!   or a table row is a paragraph too. Inline markup is flattened, `<br>`
//!   and table cells become spaces, white space is collapsed, link targets
//!   and image `alt` texts never appear, entities are decoded (html5ever).
//!   An `<h1>` equal to the headline is the title, not a block.
//! - **Furniture** is dropped by tag (`script`, `style`, `noscript`,
//!   `template`, `svg`, `iframe`, `nav`, `aside`, `form`, `button`, `footer`,
//!   `address`, `dialog`, `figcaption`, media; `header` outside an `<article>`
//!   or `<main>`), by `hidden`, `aria-hidden="true"`, `display:none`, by
//!   ARIA role (navigation, complementary, banner, contentinfo, search,
//!   dialog), and by class or id (`html_main::FURNITURE_SUBSTRINGS` and
//!   `FURNITURE_WORDS`; never on `html`, `body`, `main` or `article`,
//!   whose classes carry WordPress categories and tags, and never from class
//!   names that start with `tag-` or `category-`). Of a `<figure>` only a
//!   quotation is kept: photos and their captions and credits are not prose,
//!   and a caption's fragments would distort sentence statistics.
//! - **Main content**, after Readability's idea: the one `<article>` holding
//!   at least 200 letters of paragraph text (if there is exactly one
//!   outermost such), else `[itemprop=articleBody]`, else `<main>` or
//!   `[role=main]`, else the element scored highest: each `<p>` of at least 25
//!   letters scores its letters not inside links, fully to its parent and half
//!   to its grandparent; the winner's siblings scoring a fifth of it, or
//!   `<p>` siblings of 80 letters, extend it (sections of one brief).
//! - **Headline**: the first `<h1>` of the main content, else of the page,
//!   else `og:title`, else schema.org `headline`, else `<title>` without a
//!   site suffix (` | `, ` - `, ` – `, ` — `, ` :: ` then `og:site_name`, or
//!   the last of several separators).
//! - **Metadata** in this order: `author`, `date`, `url`, `site`,
//!   `description`, `section`, `keywords`, from `<meta>` tags (Open Graph's
//!   `og:*` and `article:*`), schema.org JSON-LD (the first object typed
//!   `…Article` or `BlogPosting`, in arrays or `@graph`, with `@id` references
//!   resolved; broken JSON is ignored), `rel=author` links and `<time>`.
//!
//! Every pass is an iterative walk of the parsed tree: linear in the page,
//! and no nesting depth can overflow the stack. Before parsing, the tags of
//! elements nested past 128 levels, or of formatting elements past 32 open
//! ones, are dropped (their text stays): html5ever's tree builder is
//! quadratic in both, and no real page comes near them.

// The page-structure helpers sit beside this file and are declared here,
// as this module's own, so that `formats/mod.rs` needs no line for them.
#[path = "html_main.rs"]
mod html_main;

use super::{Block, BlockKind, Extracted};
use html_main::{limit_nesting, main_content, walk, Step, Words};
use scraper::{ElementRef, Html};
use serde_json::Value;
use std::collections::HashMap;

/// Separators between a headline and a site name in `<title>`.
const TITLE_SEPARATORS: [&str; 5] = [" | ", " - ", " – ", " — ", " :: "];

/// JSON-LD `@type`s (as substrings) that name an article.
const ARTICLE_TYPES: [&str; 2] = ["Article", "BlogPosting"];

/// Extract the article of one saved web page.
pub fn read_html(html: &str) -> Extracted {
    let doc = Html::parse_document(&limit_nesting(html));
    let page = PageMeta::collect(doc.root_element());
    let content = main_content(&doc);
    let mut blocks = Blocks::default();
    for root in &content.roots {
        walk(*root, &mut |step| {
            blocks.step(step);
            true
        });
        blocks.flush(BlockKind::Paragraph);
    }
    let first_h1 = blocks.h1s.first().map(|&at| blocks.blocks[at].text.clone());
    let title = first_h1
        .or_else(|| content.first_h1.map(element_text))
        .or_else(|| page.headline());
    let mut out = Extracted {
        blocks: blocks.without(title.as_deref()),
        title,
        ..Extracted::default()
    };
    page.fill(&mut out, &content.roots);
    out
}

/// The text of `e` outside furniture, white space collapsed.
fn element_text(e: ElementRef) -> String {
    let mut text = Collapsed::default();
    walk(e, &mut |step| {
        match step {
            Step::Text(t) => text.push(t),
            Step::Open(e) if SPACER_TAGS.has(e.value().name()) => text.space = true,
            _ => {}
        }
        true
    });
    text.take()
}

/// Text being gathered with white space collapsed to single spaces.
#[derive(Default)]
struct Collapsed {
    text: String,
    space: bool,
}

impl Collapsed {
    /// Append `text`, collapsing white space and dropping invisible marks.
    fn push(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else if !matches!(c, '\u{ad}' | '\u{200b}' | '\u{feff}') {
                if self.space && !self.text.is_empty() {
                    self.text.push(' ');
                }
                self.space = false;
                self.text.push(c);
            }
        }
    }

    /// The text so far, leaving this empty.
    fn take(&mut self) -> String {
        self.space = false;
        std::mem::take(&mut self.text)
    }
}

/// Tags that read as a space between words.
static SPACER_TAGS: Words = Words::new("br td th");

/// Tags that start a new block of text.
static BLOCK_TAGS: Words = Words::new(
    "p h1 h2 h3 h4 h5 h6 li dt dd blockquote div section article main header body ul ol dl pre \
    table tr caption figure hr details summary center hgroup fieldset menu",
);

/// Each metadata field, in their fixed order, with its sources, best
/// first: `meta:NAME` the first `<meta>` so named (by `name`, `property` or
/// `itemprop`), `metas:NAME` all of them joined by `; ` (profile URLs left
/// out), `ld:PATH` the names at a dotted path of the JSON-LD article (joined
/// by `; `), `ld-text:PATH` the string there, `canonical` the
/// `<link rel=canonical>`, `rel-author` the text of a `rel=author` link,
/// `time` the first `<time datetime>` of the main content.
const SOURCES: [(&str, &str); 7] = [
    (
        "author",
        "meta:author metas:article:author ld:author rel-author",
    ),
    (
        "date",
        "meta:article:published_time ld-text:datePublished time meta:date meta:pubdate",
    ),
    (
        "url",
        "canonical meta:og:url ld-text:url ld-text:mainEntityOfPage.@id ld-text:mainEntityOfPage",
    ),
    ("site", "meta:og:site_name ld:publisher"),
    ("description", "meta:description meta:og:description"),
    ("section", "meta:article:section ld:articleSection"),
    ("keywords", "metas:article:tag meta:keywords ld:keywords"),
];

/// Blocks being cut from the walk of the main content.
#[derive(Default)]
struct Blocks {
    blocks: Vec<Block>,
    text: Collapsed,
    /// The kind of each open block element, innermost last.
    kinds: Vec<BlockKind>,
    /// How many `<figure>`s are open: outside quotes their text is dropped.
    figures: usize,
    /// Which blocks are whole `<h1>`s.
    h1s: Vec<usize>,
}

impl Blocks {
    /// Take one step of the walk.
    fn step(&mut self, step: Step) {
        match step {
            Step::Text(text) if self.figures == 0 || self.kind() == BlockKind::Quote => {
                self.text.push(text)
            }
            Step::Text(_) => {}
            Step::Open(e) if BLOCK_TAGS.has(e.value().name()) => self.open_block(e.value().name()),
            Step::Open(e) if SPACER_TAGS.has(e.value().name()) => self.text.space = true,
            Step::Close(e) if BLOCK_TAGS.has(e.value().name()) => {
                let (kind, at) = (self.kinds.pop(), self.blocks.len());
                self.flush(kind.unwrap_or(BlockKind::Paragraph));
                if e.value().name() == "h1" && self.blocks.len() > at {
                    self.h1s.push(at);
                }
                self.figures -= usize::from(e.value().name() == "figure");
            }
            Step::Close(e) if SPACER_TAGS.has(e.value().name()) => self.text.space = true,
            _ => {}
        }
    }

    /// Start a block element `tag`, ending the text before it.
    fn open_block(&mut self, tag: &str) {
        self.flush(self.kind());
        let kind = match tag {
            _ if self.kind() == BlockKind::Quote => BlockKind::Quote,
            "blockquote" => BlockKind::Quote,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
            "li" | "dt" | "dd" => BlockKind::ListItem,
            _ => self.kind(),
        };
        self.kinds.push(kind);
        self.figures += usize::from(tag == "figure");
    }

    /// The kind of text at this point of the walk.
    fn kind(&self) -> BlockKind {
        self.kinds.last().copied().unwrap_or(BlockKind::Paragraph)
    }

    /// End the text gathered so far as a block of `kind`, if any.
    fn flush(&mut self, kind: BlockKind) {
        let text = self.text.take();
        if !text.is_empty() {
            self.blocks.push(Block::new(kind, text));
        }
    }

    /// The blocks, less the `<h1>`s that are the `title`.
    fn without(self, title: Option<&str>) -> Vec<Block> {
        let title_at = |at: &usize| Some(self.blocks[*at].text.as_str()) == title;
        let drop: Vec<usize> = self.h1s.iter().copied().filter(title_at).collect();
        let blocks = self.blocks.into_iter().enumerate();
        blocks
            .filter(|(at, _)| !drop.contains(at))
            .map(|(_, b)| b)
            .collect()
    }
}

/// `text` with white space collapsed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A `<title>` without its site name (see the module doc).
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = collapse(title);
    let site = collapse(site.unwrap_or(""));
    for sep in TITLE_SEPARATORS.iter().filter(|_| !site.is_empty()) {
        let suffix = format!("{sep}{site}");
        let cut = title.len().saturating_sub(suffix.len());
        if title.is_char_boundary(cut) && cut > 0 && title[cut..].eq_ignore_ascii_case(&suffix) {
            return title[..cut].trim().to_string();
        }
        let prefix = format!("{site}{sep}");
        if title.len() > prefix.len()
            && title.is_char_boundary(prefix.len())
            && title[..prefix.len()].eq_ignore_ascii_case(&prefix)
        {
            return title[prefix.len()..].trim().to_string();
        }
    }
    let cuts = TITLE_SEPARATORS
        .iter()
        .flat_map(|sep| title.match_indices(sep));
    let (count, last) = cuts.fold((0, 0), |(n, last), (at, _)| (n + 1, last.max(at)));
    if count >= 2 {
        return title[..last].trim().to_string();
    }
    title
}

/// What the page says about itself: `<meta>`, `<link>`, `<title>`, JSON-LD.
#[derive(Default)]
struct PageMeta {
    /// `<meta>` (name or property, lowercased; content), in page order.
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    title: Option<String>,
    author_link: Option<String>,
    /// The JSON-LD article object, if any.
    article: Option<Value>,
    /// JSON-LD objects by `@id`, to resolve references.
    ids: HashMap<String, Value>,
}

impl PageMeta {
    /// Read every `<meta>`, `<link>`, `<title>` and JSON-LD of the page.
    fn collect(root: ElementRef) -> Self {
        let mut page = PageMeta::default();
        root.descendent_elements().for_each(|e| page.read(e));
        page
    }

    /// Read what one element says about the page, if anything.
    fn read(&mut self, e: ElementRef) {
        let v = e.value();
        let rel = v.attr("rel").unwrap_or("").to_ascii_lowercase();
        let rel_is = |name: &str| rel.split_whitespace().any(|r| r == name);
        let json_ld = |t: &str| t.to_ascii_lowercase().contains("ld+json");
        match v.name() {
            "meta" => {
                let content = v.attr("content").unwrap_or("");
                let names = [v.attr("property"), v.attr("name"), v.attr("itemprop")];
                for name in names.into_iter().flatten() {
                    self.metas
                        .push((name.trim().to_ascii_lowercase(), content.to_string()));
                }
            }
            "link" if rel_is("canonical") && self.canonical.is_none() => {
                self.canonical = v.attr("href").map(String::from)
            }
            "title" if self.title.is_none() => self.title = Some(e.text().collect()),
            "a" if rel_is("author") && self.author_link.is_none() => {
                self.author_link = Some(e.text().collect())
            }
            "script" if v.attr("type").is_some_and(json_ld) => {
                self.add_json_ld(&e.text().collect::<String>())
            }
            _ => {}
        }
    }

    /// The headline the page's metadata gives: `og:title`, JSON-LD
    /// `headline`, or `<title>` without its site name.
    fn headline(&self) -> Option<String> {
        let og = self.meta("og:title").map(collapse);
        let ld = || self.article_field(&["headline"]).into_iter().next();
        let site = self.meta("og:site_name");
        let title = || self.title.as_deref().map(|t| strip_site_suffix(t, site));
        og.or_else(ld).or_else(title).filter(|t| !t.is_empty())
    }

    /// Parse one JSON-LD script; broken JSON is ignored.
    fn add_json_ld(&mut self, text: &str) {
        let text = text
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->");
        let text = text.replace(['\n', '\r', '\t'], " ");
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            return;
        };
        let mut objects = Vec::new();
        flatten_json_ld(value, &mut objects);
        for object in objects {
            if let Some(id) = object.get("@id").and_then(Value::as_str) {
                self.ids
                    .entry(id.to_string())
                    .or_insert_with(|| object.clone());
            }
            if self.article.is_none() && is_article(&object) {
                self.article = Some(object);
            }
        }
    }

    /// The content of the first `<meta>` called `name`, if not blank.
    fn meta(&self, name: &str) -> Option<&str> {
        self.metas_named(name).into_iter().next()
    }

    /// The contents of every non-blank `<meta>` called `name`.
    fn metas_named(&self, name: &str) -> Vec<&str> {
        let found = self.metas.iter().filter(|(n, _)| n == name);
        found
            .map(|(_, c)| c.trim())
            .filter(|c| !c.is_empty())
            .collect()
    }

    /// The names or texts at `path` in the JSON-LD article.
    fn article_field(&self, path: &[&str]) -> Vec<String> {
        let mut value = self.article.as_ref();
        for step in path {
            value = value.map(|v| self.resolve(v)).and_then(|v| v.get(*step));
        }
        value.map(|v| self.names(v)).unwrap_or_default()
    }

    /// The string at `path` in the JSON-LD article, blank if not a string.
    fn article_string(&self, path: &[&str]) -> String {
        let mut value = self.article.as_ref();
        for step in path {
            value = value.map(|v| self.resolve(v)).and_then(|v| v.get(*step));
        }
        value
            .and_then(Value::as_str)
            .map(collapse)
            .unwrap_or_default()
    }

    /// `value`, or the object its `@id` refers to when it holds only that.
    fn resolve<'v>(&'v self, value: &'v Value) -> &'v Value {
        let only_id = value.as_object().is_some_and(|o| o.len() == 1);
        let target = value
            .get("@id")
            .and_then(Value::as_str)
            .and_then(|id| self.ids.get(id));
        target.filter(|_| only_id).unwrap_or(value)
    }

    /// The strings a value names: itself, its `name`, each item's (an
    /// object's `name` is not resolved, so that references never cycle).
    fn names(&self, value: &Value) -> Vec<String> {
        match self.resolve(value) {
            Value::String(s) => vec![collapse(s)],
            Value::Array(items) => items.iter().flat_map(|v| self.names(v)).collect(),
            Value::Object(o) => o
                .get("name")
                .and_then(Value::as_str)
                .map(collapse)
                .into_iter()
                .collect(),
            Value::Number(n) => vec![n.to_string()],
            _ => Vec::new(),
        }
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect()
    }

    /// Set the metadata of `out` from [`SOURCES`], in their order.
    fn fill(&self, out: &mut Extracted, roots: &[ElementRef]) {
        for (name, sources) in SOURCES {
            for source in sources.split(' ') {
                out.add_metadata(name, &self.source(source, roots));
            }
        }
    }

    /// The value one source of [`SOURCES`] gives; blank when none.
    fn source(&self, source: &str, roots: &[ElementRef]) -> String {
        let (kind, name) = source.split_once(':').unwrap_or((source, ""));
        let path: Vec<&str> = name.split('.').collect();
        match kind {
            "meta" => self.meta(name).unwrap_or("").to_string(),
            "metas" => {
                let values = self.metas_named(name).into_iter();
                values
                    .filter(|v| !v.starts_with("http"))
                    .collect::<Vec<_>>()
                    .join("; ")
            }
            "ld" => self.article_field(&path).join("; "),
            "ld-text" => self.article_string(&path),
            "canonical" => self.canonical.clone().unwrap_or_default(),
            "rel-author" => self.author_link.clone().unwrap_or_default(),
            "time" => time_in(roots),
            _ => String::new(),
        }
    }
}

/// The `datetime` of the first `<time>` in the main content.
fn time_in(roots: &[ElementRef]) -> String {
    let times = roots.iter().flat_map(|r| r.descendent_elements());
    let mut found = times.filter(|e| e.value().name() == "time");
    found
        .find_map(|e| e.value().attr("datetime"))
        .unwrap_or("")
        .to_string()
}

/// Every object of a JSON-LD value: itself, array items, `@graph` members.
fn flatten_json_ld(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten_json_ld(v, out)),
        Value::Object(mut object) => {
            if let Some(graph) = object.remove("@graph") {
                flatten_json_ld(graph, out);
            }
            out.push(Value::Object(object));
        }
        _ => {}
    }
}

/// Whether a JSON-LD object's `@type` is or contains an article type.
fn is_article(object: &Value) -> bool {
    let named = |t: &Value| {
        t.as_str()
            .is_some_and(|t| ARTICLE_TYPES.iter().any(|a| t.contains(a)))
    };
    match object.get("@type") {
        Some(Value::Array(types)) => types.iter().any(named),
        Some(t) => named(t),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The text of the blocks of `html`, one string a block.
    fn texts(html: &str) -> Vec<String> {
        read_html(html).blocks.into_iter().map(|b| b.text).collect()
    }

    /// The metadata `name` of `extracted`, if set.
    fn meta<'e>(extracted: &'e Extracted, name: &str) -> Option<&'e str> {
        let found = extracted.metadata.iter().find(|(n, _)| n == name);
        found.map(|(_, v)| v.as_str())
    }

    /// Check one `key = value` line of a `.expected` file against `got`:
    /// `title`, `first` (words the first block starts with), `last` (words
    /// the last block ends with), `present` and `absent` (in the body text),
    /// `blocks`, `headings`, `items`, `quotes` (counts), `missing` (a
    /// metadata name not set), else the metadata of that name.
    fn check(got: &Extracted, key: &str, value: &str) -> Result<(), String> {
        let body = got.body_text();
        let (ok, found) = match key {
            "blocks" | "headings" | "items" | "quotes" => count(got, key, value)?,
            "title" | "first" | "last" => text_at(got, key, value),
            "present" => (body.contains(value), "not in the body".into()),
            "absent" => (!body.contains(value), "in the body".into()),
            "missing" => (
                meta(got, value).is_none(),
                format!("{:?}", meta(got, value)),
            ),
            _ => (
                meta(got, key) == Some(value),
                format!("{:?}", meta(got, key)),
            ),
        };
        match ok {
            true => Ok(()),
            false => Err(format!("{key} = {value}: found {found}")),
        }
    }

    /// Whether the title is `value`, the first block starts with it or the
    /// last block ends with it (as `key` says).
    fn text_at(got: &Extracted, key: &str, value: &str) -> (bool, String) {
        let text = match key {
            "title" => got.title.as_deref(),
            "first" => got.blocks.first().map(|b| b.text.as_str()),
            _ => got.blocks.last().map(|b| b.text.as_str()),
        };
        let ok = match key {
            "title" => text == Some(value),
            "first" => text.is_some_and(|t| t.starts_with(value)),
            _ => text.is_some_and(|t| t.ends_with(value)),
        };
        (ok, format!("{text:?}"))
    }

    /// Whether `got` has `value` blocks (of the kind `key` names).
    fn count(got: &Extracted, key: &str, value: &str) -> Result<(bool, String), String> {
        let expected: usize = value.parse().map_err(|e| format!("{key} = {value}: {e}"))?;
        let kind = match key {
            "headings" => Some(BlockKind::Heading),
            "items" => Some(BlockKind::ListItem),
            "quotes" => Some(BlockKind::Quote),
            _ => None,
        };
        let blocks = got
            .blocks
            .iter()
            .filter(|b| kind.is_none_or(|k| b.kind == k));
        let found = blocks.count();
        Ok((found == expected, format!("{found} in {:#?}", got.blocks)))
    }

    /// What of `page`'s `.expected` file does not hold.
    fn failures(page: &Path) -> Vec<String> {
        let html = std::fs::read_to_string(page).expect("fixture page");
        let unlimited = matches!(super::limit_nesting(&html), std::borrow::Cow::Borrowed(_));
        assert!(unlimited, "{}: no real page is capped", page.display());
        let got = read_html(&html);
        let expected = std::fs::read_to_string(page.with_extension("expected"));
        let expected = expected.expect("NAME.expected beside NAME.html");
        let lines = expected.lines().map(str::trim);
        let lines = lines.filter(|l| !l.is_empty() && !l.starts_with('#'));
        let checks = lines.map(|line| match line.split_once('=') {
            Some((key, value)) => check(&got, key.trim(), value.trim()),
            None => Err(format!("not `key = value`: {line}")),
        });
        let failed = checks.filter_map(Result::err);
        failed.map(|f| format!("{}: {f}", page.display())).collect()
    }

    /// Every `NAME.html` in `tests/inputs/html/` meets its `NAME.expected`
    /// (`key = value` lines, see `check`; `#` comments).
    #[test]
    fn fixtures_meet_their_expectations() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/inputs/html");
        let entries = std::fs::read_dir(&folder).expect("fixture folder");
        let mut pages: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        pages.retain(|p| p.extension().is_some_and(|e| e == "html"));
        pages.sort();
        assert!(
            pages.len() >= 5,
            "fixtures missing from {}",
            folder.display()
        );
        let failures: Vec<String> = pages.iter().flat_map(|p| failures(p)).collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn title_loses_its_site_suffix() {
        let herald = Some("The Herald");
        let cases = [
            ("Why Trees Matter | The Herald", herald, "Why Trees Matter"),
            ("Why Trees Matter - the herald", herald, "Why Trees Matter"),
            ("Why Trees Matter — The Herald", herald, "Why Trees Matter"),
            ("Why Trees Matter :: The Herald", herald, "Why Trees Matter"),
            ("The Herald | Why Trees Matter", herald, "Why Trees Matter"),
            (
                "Why Trees Matter | Opinion | Herald",
                None,
                "Why Trees Matter | Opinion",
            ),
            ("Brexit - what next?", None, "Brexit - what next?"),
            ("  Only   a title ", herald, "Only a title"),
        ];
        for (title, site, expected) in cases {
            assert_eq!(strip_site_suffix(title, site), expected, "{title}");
        }
        let page = "<title>Why Trees Matter | The Herald</title>\
            <meta property='og:site_name' content='The Herald'>";
        assert_eq!(read_html(page).title.as_deref(), Some("Why Trees Matter"));
    }

    #[test]
    fn headline_prefers_h1_then_og_title_then_title() {
        let og = "<meta property='og:title' content='From OG'><title>From title | Site | X</title>";
        assert_eq!(read_html(og).title.as_deref(), Some("From OG"));
        let h1 = format!("{og}<h1>From <em>h1</em></h1><p>Text.</p>");
        let got = read_html(&h1);
        assert_eq!(got.title.as_deref(), Some("From h1"));
        assert_eq!(texts(&h1), ["Text."], "the headline is not a block");
        assert_eq!(read_html("<p>No title here.</p>").title, None);
    }

    #[test]
    fn json_ld_graph_resolves_references() {
        let page = r##"<script type="application/ld+json">{"@graph":[
            {"@type":"WebSite","@id":"#site","name":"Site"},
            {"@type":"Person","@id":"#p1","name":"Ada Byron"},
            {"@type":["Article","ReportageNewsArticle"],"headline":"Graph Headline",
             "author":[{"@id":"#p1"},{"@type":"Person","name":"Bo  Chen"}],
             "datePublished":"2025-01-02","publisher":{"@id":"#org"},
             "mainEntityOfPage":"https://x.example/a"},
            {"@type":"Organization","@id":"#org","name":"Org Press"}]}</script><p>Body.</p>"##;
        let got = read_html(page);
        assert_eq!(got.title.as_deref(), Some("Graph Headline"));
        let expected = [
            ("author", "Ada Byron; Bo Chen"),
            ("date", "2025-01-02"),
            ("url", "https://x.example/a"),
            ("site", "Org Press"),
        ];
        assert_eq!(
            got.metadata,
            expected.map(|(n, v)| (n.to_string(), v.to_string()))
        );
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let broken = r#"<script type="application/ld+json">
            {"@type":"NewsArticle","author":{"name":"X",}</script>"#;
        let good = "<script type='application/ld+json'>\
            [{\"@type\":\"NewsArticle\",\"headline\":\"Line\nbreak\"}]</script>";
        let got = read_html(&format!(
            "{broken}{good}<meta name=author content='Meta Author'><p>Body text.</p>"
        ));
        assert_eq!(meta(&got, "author"), Some("Meta Author"));
        assert_eq!(
            got.title.as_deref(),
            Some("Line break"),
            "raw new lines in JSON strings are tolerated"
        );
        assert_eq!(read_html(broken).metadata, vec![]);
    }

    #[test]
    fn metadata_comes_in_fixed_order() {
        let page = "<meta property='article:tag' content='b'><meta name='keywords' content='k'>\
            <meta property='article:section' content='S'><meta name='description' content='D'>\
            <meta property='og:site_name' content='Site'><meta property='og:url' content='U'>\
            <meta name='pubdate' content='2020'>\
            <meta property='article:author' content='https://fb.example/x'>\
            <meta property='article:author' content='A'><meta property='article:tag' content='c'>";
        let got = read_html(page);
        let names: Vec<&str> = got.metadata.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "author",
                "date",
                "url",
                "site",
                "description",
                "section",
                "keywords"
            ]
        );
        assert_eq!(
            meta(&got, "author"),
            Some("A"),
            "profile URLs are not names"
        );
        assert_eq!(meta(&got, "keywords"), Some("b; c"));
    }

    #[test]
    fn inline_markup_is_flattened_and_link_targets_dropped() {
        let page = "<p>See <a href='https://t.example/r'>the <b>report</b></a>,&nbsp;now<br>\
            and <span>then</span>&amp;\n  again.</p>";
        assert_eq!(texts(page), ["See the report, now and then& again."]);
        assert!(!read_html(page).body_text().contains("t.example"));
        assert_eq!(
            texts("<p>co\u{ad}operate<img alt='A photo' src='x.jpg'></p>"),
            ["cooperate"]
        );
    }

    #[test]
    fn lists_quotes_and_headings_are_their_own_blocks() {
        let page = "<h2>Points</h2><ul><li>One <em>item</em></li><li><p>Two</p></li></ul>\
            <blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>\
            <h1>Other</h1><p>After.</p><h1>Two</h1>";
        assert_eq!(read_html(page).title.as_deref(), Some("Other"));
        let got: Vec<(BlockKind, String)> = read_html(page)
            .blocks
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect();
        use BlockKind::*;
        let expected = [
            (Heading, "Points"),
            (ListItem, "One item"),
            (ListItem, "Two"),
            (Quote, "Quoted one."),
            (Quote, "Quoted two."),
            (Paragraph, "After."),
            (Heading, "Two"),
        ];
        assert_eq!(got, expected.map(|(k, t)| (k, t.to_string())));
    }

    #[test]
    fn hidden_and_furniture_elements_are_dropped() {
        let page = "<div hidden><p>Hidden attribute.</p></div>\
            <p aria-hidden='true'>Aria hidden.</p><p style='display: none'>Display none.</p>\
            <p>Kept <span class='sr-only'>(opens a new tab)</span>text.</p>\
            <div id='cookieConsent'><p>Cookies.</p></div><div class='social-share'>Share</div>\
            <div role='navigation'>Menu</div><div class='ad-slot'>Advertisement</div>\
            <section class='comments'><p>A comment.</p></section>\
            <template><p>Template.</p></template>\
            <figure><img src='a.jpg'><figcaption>A caption.</figcaption><p>Credit.</p></figure>\
            <div class='commentary-body'><p>Commentary is prose.</p></div>";
        assert_eq!(texts(page), ["Kept text.", "Commentary is prose."]);
    }

    #[test]
    fn furniture_names_match_words_and_substrings() {
        for name in [
            "cookie-banner",
            "relatedArticles",
            "ad",
            "ad-slot",
            "post__tags",
            "authorBio",
            "pull_quote",
        ] {
            assert!(super::html_main::furniture_name(name), "{name}");
        }
        for name in [
            "commentary",
            "header",
            "shadow",
            "loaded",
            "article-body",
            "subscriber-content",
        ] {
            assert!(!super::html_main::furniture_name(name), "{name}");
        }
        let wordpress = "<article class='post category-social tag-share'>\
            <p>This post is kept whole.</p></article>";
        assert_eq!(texts(wordpress), ["This post is kept whole."]);
    }

    #[test]
    fn main_content_is_found_without_article() {
        let filler = "Running text of the piece, long enough to count as a paragraph. ".repeat(3);
        let links =
            "<p><a href='/a'>A teaser headline that is only a link to elsewhere</a></p>".repeat(5);
        let page = format!(
            "<div class='wrap'><div class='menu'>{links}</div><div class='col'><h1>Head</h1>\
             <div class='part'><p>First {filler}</p><p>{filler}</p></div><h2>Between</h2>\
             <div class='part'><p>Second {filler}</p></div></div>\
             <div class='side'><p>Side {filler}</p></div></div>"
        );
        let got = read_html(&page);
        assert_eq!(got.title.as_deref(), Some("Head"));
        let texts: Vec<&str> = got.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts.len(), 4, "{texts:?}");
        assert!(
            texts[0].starts_with("First")
                && texts[2] == "Between"
                && texts[3].starts_with("Second")
        );
        assert!(!got.body_text().contains("teaser") && !got.body_text().contains("Side"));
    }

    #[test]
    fn one_substantial_article_wins_over_teasers() {
        let long = "Sentence of the real article that goes on for a while. ".repeat(6);
        let teaser = "<article><p>A short teaser of another story, linked.</p></article>";
        let page = format!("<main>{teaser}<article><p>{long}</p></article>{teaser}</main>");
        assert_eq!(texts(&page), [long.trim()]);
        let one = format!("<article><p>One. {long}</p></article>");
        let two = format!("<main>{one}<article><p>Two. {long}</p></article></main>");
        assert_eq!(texts(&two).len(), 2, "two long articles: the whole <main>");
    }

    #[test]
    fn any_input_is_read_without_panic() {
        assert_eq!(read_html(""), Extracted::default());
        assert_eq!(read_html("   \n"), Extracted::default());
        for junk in [
            "\0\u{1}\u{fffd}<<>>&#0;&#xD800;",
            "<p",
            "</p></div><table><td>x",
            "<script>never closed",
            "\u{feff}<p>\u{0}</p>",
        ] {
            read_html(junk);
        }
        let deep = "<div>".repeat(100_000) + "<p>Deep down.</p>";
        assert_eq!(texts(&deep), ["Deep down."]);
        let deep_quotes = "<blockquote><li>".repeat(20_000) + "x";
        assert!(!read_html(&deep_quotes).blocks.is_empty());
    }

    #[test]
    fn deep_nesting_is_capped_before_parsing() {
        use super::html_main::{limit_nesting, MAX_DEPTH};
        let page = "<p>Kept <b>as <i>it</i> is</b>.</p><!-- <div> --><script>if (a<b) x()</script>";
        assert!(matches!(limit_nesting(page), std::borrow::Cow::Borrowed(_)));
        let deep =
            "<div>".repeat(MAX_DEPTH + 10) + "<p>Deep</p>" + &"</div>".repeat(MAX_DEPTH + 10);
        let capped = limit_nesting(&deep);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        let formatting: String = (0..100).map(|i| format!("<b class=c{i}>")).collect();
        let page = formatting + &"<p>Bold paragraph.</p>".repeat(3);
        assert_eq!(texts(&page), ["Bold paragraph."; 3]);
        assert_eq!(limit_nesting(&page).matches("<b ").count(), 32);
    }

    #[test]
    fn cyclic_json_ld_references_end() {
        let page = r#"<script type="application/ld+json">[{"@id":"a","name":{"@id":"a"}},
            {"@type":"Article","author":{"@id":"a"},
             "publisher":[{"@id":"a"},{"@id":"b"}]}]</script>"#;
        assert_eq!(read_html(page).metadata, vec![]);
    }

    #[test]
    fn a_five_megabyte_page_takes_well_under_seconds() {
        let paragraph = "<div class='c'><p>Words <a href='/x'>and links</a> in a paragraph \
            of some length, again.</p></div>\n";
        let page = paragraph.repeat(5_000_000 / paragraph.len());
        let start = std::time::Instant::now();
        let got = read_html(&page);
        assert!(got.blocks.len() > 40_000);
        assert!(start.elapsed().as_secs_f64() < 5.0, "{:?}", start.elapsed());
    }
}
