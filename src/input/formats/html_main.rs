//! The HTML reader's view of a page's structure: an iterative walk that
//! leaves furniture out, and the choice of the elements holding the article
//! (see the `html` module doc for the rules and why).

use rustc_hash::FxHashSet;
use scraper::node::Element;
use scraper::{ElementRef, Html};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Tags whose whole subtree is furniture, never prose.
pub static DROPPED_TAGS: Words = Words::new(
    "head script style noscript template svg math iframe nav aside \
    form button footer address dialog figcaption select textarea object embed canvas video audio",
);

/// ARIA roles whose whole subtree is furniture.
pub static DROPPED_ROLES: Words =
    Words::new("navigation complementary banner contentinfo search dialog");

/// Class or id substrings (lowercased, `-` and `_` removed) marking furniture.
pub const FURNITURE_SUBSTRINGS: &str = "cookie consent newsletter sidebar breadcrumb byline \
    dateline social share related promo advert pullquote sronly visuallyhidden screenreader";

/// Whole words of a class or id (split at non-letters and at camelCase)
/// marking furniture: words, so that `commentary` or `header` never match.
pub static FURNITURE_WORDS: Words =
    Words::new("ad ads comment comments subscribe tags meta bio date kicker label skip");

/// Paragraph letters an `<article>` needs to count as the article.
pub const MIN_ARTICLE_CHARS: f64 = 200.0;

/// Letters a `<p>` needs to score at all (as in Readability).
const MIN_PARAGRAPH_CHARS: usize = 25;

/// How deep elements may nest before [`limit_nesting`] drops the tags of
/// deeper ones: four times the depth past which Lighthouse calls a page's
/// DOM excessive (32).
pub const MAX_DEPTH: usize = 128;

/// How many formatting elements may be open before [`limit_nesting`] drops
/// the tags of more: the parser reopens each of them in every paragraph.
pub const MAX_FORMATTING: usize = 32;

/// Tags that never hold other elements, or whose end tags are implied.
static UNNESTED_TAGS: Words = Words::new(
    "area base br col embed hr img input link meta param source track \
    wbr keygen p li dt dd td th tr tbody thead tfoot option optgroup rb rt rp colgroup caption \
    html head body",
);

/// Tags whose text is not markup.
static RAW_TEXT_TAGS: Words =
    Words::new("script style textarea title xmp iframe noembed noframes noscript");

/// The formatting tags that the parser reopens in each paragraph.
static FORMATTING_TAGS: Words =
    Words::new("a b big code em font i nobr s small strike strong tt u");

/// `html` without the tags of elements nested past [`MAX_DEPTH`] or of
/// formatting elements past [`MAX_FORMATTING`] (their text stays), found by
/// one linear scan that pairs end tags with start tags by name. html5ever
/// checks scope by scanning its stack of open elements and reopens every
/// open formatting element in each paragraph, so that such pages would take
/// quadratic time; no real page comes near these limits.
pub fn limit_nesting(html: &str) -> Cow<'_, str> {
    let mut nesting = Nesting::default();
    let (mut out, mut copied, mut at) = (String::new(), 0, 0);
    while let Some(found) = html[at..].find('<') {
        let start = at + found;
        let (name, closing, end) = tag_at(html, start);
        at = end.max(start + 1);
        let keep = match (name.as_str(), closing) {
            ("", _) => true,
            (name, true) => nesting.end(name),
            (name, false) if RAW_TEXT_TAGS.has(name) => {
                at = raw_text_end(html, at, name);
                true
            }
            (name, false) => html[..end].ends_with("/>") || nesting.start(name),
        };
        if !keep {
            out.push_str(&html[copied..start]);
            copied = end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// The elements open at a point of [`limit_nesting`]'s scan.
#[derive(Default)]
struct Nesting {
    /// Their names, innermost last, and how many of each.
    open: Vec<String>,
    counts: HashMap<String, usize>,
    /// How many of them are formatting elements.
    formatting: usize,
    /// How many start tags past the depth limit are still unclosed.
    excess: usize,
}

impl Nesting {
    /// Open an element `name`; whether to keep its tag.
    fn start(&mut self, name: &str) -> bool {
        let formatting = FORMATTING_TAGS.has(name);
        if UNNESTED_TAGS.has(name) {
            return true;
        } else if formatting && self.formatting >= MAX_FORMATTING {
            return false;
        } else if self.open.len() >= MAX_DEPTH {
            self.excess += 1;
            return false;
        }
        self.formatting += usize::from(formatting);
        *self.counts.entry(name.to_string()).or_default() += 1;
        self.open.push(name.to_string());
        true
    }

    /// Close the innermost open `name` and all opened after it; whether to
    /// keep the end tag (not if it closes an element past the depth limit).
    fn end(&mut self, name: &str) -> bool {
        if UNNESTED_TAGS.has(name) {
            return true;
        } else if self.excess > 0 {
            self.excess -= 1;
            return false;
        }
        if self.counts.get(name).is_some_and(|&n| n > 0) {
            while let Some(closed) = self.open.pop() {
                self.formatting -= usize::from(FORMATTING_TAGS.has(&closed));
                *self.counts.entry(closed.clone()).or_default() -= 1;
                if closed == name {
                    break;
                }
            }
        }
        true
    }
}

/// The tag starting at `html[start]` (a `<`): its lowercased name (empty
/// for a comment or other markup), whether it is an end tag, and where it
/// ends (past its `>`, or past a comment's `-->`).
fn tag_at(html: &str, start: usize) -> (String, bool, usize) {
    let rest = &html[start + 1..];
    if rest.starts_with("!--") {
        return (
            String::new(),
            false,
            rest.find("-->").map_or(html.len(), |e| start + e + 4),
        );
    }
    let closing = rest.starts_with('/');
    let name_start = &rest[usize::from(closing)..];
    let name_len = name_start
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name_start.len());
    let name = &name_start[..name_len];
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return (String::new(), false, start + 1);
    }
    let end = rest.find('>').map_or(html.len(), |e| start + e + 2);
    (name.to_ascii_lowercase(), closing, end)
}

/// Where the raw text of a `name` element that starts at `from` ends: at
/// its end tag, or at the end of `html`.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(found) = html[at..].find("</") {
        let start = at + found;
        let after = html.as_bytes().get(start + 2..start + 2 + name.len());
        if after.is_some_and(|a| a.eq_ignore_ascii_case(name.as_bytes())) {
            return start;
        }
        at = start + 2;
    }
    html.len()
}

/// One event of a walk: an element opens or closes, or a text node.
pub enum Step<'a> {
    /// An element starts.
    Open(ElementRef<'a>),
    /// An element ends.
    Close(ElementRef<'a>),
    /// A text node, entities decoded.
    Text(&'a str),
}

/// Walk `root` in document order without furniture; `visit` returning false
/// on an `Open` skips that element's subtree (and its `Close`). Iterative:
/// no nesting depth overflows the stack.
pub fn walk<'a>(root: ElementRef<'a>, visit: &mut dyn FnMut(Step<'a>) -> bool) {
    let outer = std::iter::once(root).chain(root.ancestors().filter_map(ElementRef::wrap));
    let mut contained = outer.filter(|e| is_container(e.value())).count();
    if !visit(Step::Open(root)) {
        return;
    }
    let mut stack = vec![(root, root.children())];
    while let Some((element, children)) = stack.last_mut() {
        let Some(child) = children.next() else {
            let element = *element;
            stack.pop();
            contained -= usize::from(is_container(element.value()));
            visit(Step::Close(element));
            continue;
        };
        if let Some(text) = child.value().as_text() {
            visit(Step::Text(text));
        } else if let Some(child) = ElementRef::wrap(child) {
            if is_furniture(child.value(), contained > 0) || !visit(Step::Open(child)) {
                continue;
            }
            contained += usize::from(is_container(child.value()));
            stack.push((child, child.children()));
        }
    }
}

/// Whether `e` is an `<article>` or `<main>`, inside which `<header>` stays.
fn is_container(e: &Element) -> bool {
    matches!(e.name(), "article" | "main")
}

/// A list of words written as one string, single spaces between words,
/// and made a set on first use.
pub struct Words {
    list: &'static str,
    set: OnceLock<FxHashSet<&'static str>>,
}

impl Words {
    /// The words of `list`.
    pub const fn new(list: &'static str) -> Self {
        Words {
            list,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is one of the words.
    pub fn has(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.list.split(' ').collect())
            .contains(word)
    }
}

/// Whether `e` (inside an `<article>` or `<main>` if `contained`) is
/// furniture: by tag, by hiding, by role, by class or id.
pub fn is_furniture(e: &Element, contained: bool) -> bool {
    let tag = e.name();
    if DROPPED_TAGS.has(tag) || (tag == "header" && !contained) {
        return true;
    }
    let exempt = matches!(tag, "html" | "body" | "main" | "article");
    e.attrs()
        .any(|(name, value)| furniture_attribute(name, value, exempt))
}

/// Whether one attribute marks its element as furniture; class names and
/// ids are not looked at if `exempt`, nor WordPress's `tag-…` and
/// `category-…` classes.
fn furniture_attribute(name: &str, value: &str, exempt: bool) -> bool {
    let lowercase = || value.to_ascii_lowercase();
    let wordpress = |n: &&str| n.starts_with("tag-") || n.starts_with("category-");
    match name {
        "hidden" => true,
        "aria-hidden" => value.trim() == "true",
        "style" => {
            let style = lowercase().replace(' ', "");
            style.contains("display:none") || style.contains("visibility:hidden")
        }
        "role" => lowercase().split_whitespace().any(|r| DROPPED_ROLES.has(r)),
        "class" | "id" if !exempt => value
            .split_whitespace()
            .filter(|n| !wordpress(n))
            .any(furniture_name),
        _ => false,
    }
}

/// Whether one class name or id matches a furniture pattern.
pub fn furniture_name(name: &str) -> bool {
    let mut words = String::with_capacity(name.len() + 4);
    let mut after_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() || (c.is_uppercase() && after_lower) {
            words.push(' ');
        }
        after_lower = c.is_lowercase() || c.is_numeric();
        if c.is_alphanumeric() {
            words.extend(c.to_lowercase());
        }
    }
    let joined: String = words.split(' ').collect();
    FURNITURE_SUBSTRINGS.split(' ').any(|s| joined.contains(s))
        || words.split(' ').any(|w| FURNITURE_WORDS.has(w))
}

/// The key under which an element is scored: its address in the tree.
fn key(e: ElementRef) -> *const Element {
    e.value()
}

/// Paragraph scores of a page (see the `html` module doc).
#[derive(Default)]
struct Scores<'a> {
    /// Each scored element with its score, in first-scored order.
    candidates: Vec<(ElementRef<'a>, f64)>,
    /// Where each scored element sits in `candidates`.
    index: HashMap<*const Element, usize>,
    /// Each `<p>`'s own score.
    paragraphs: HashMap<*const Element, f64>,
    /// Each outermost `<article>` with its paragraphs' total score.
    articles: Vec<(ElementRef<'a>, f64)>,
}

impl<'a> Scores<'a> {
    /// Credit one finished paragraph to its parent, grandparent and article.
    fn add(&mut self, p: ElementRef<'a>, (letters, linked): (usize, usize), in_article: bool) {
        let score = if letters < MIN_PARAGRAPH_CHARS {
            0.0
        } else {
            (letters - linked) as f64
        };
        self.paragraphs.insert(key(p), score);
        if let Some((_, total)) = self.articles.last_mut().filter(|_| in_article) {
            *total += score;
        }
        let parent = p.parent().and_then(ElementRef::wrap);
        let grandparent = parent.and_then(|e| e.parent()).and_then(ElementRef::wrap);
        for (element, share) in [(parent, 1.0), (grandparent, 0.5)] {
            let Some(element) = element else { continue };
            let next = self.candidates.len();
            let at = *self.index.entry(key(element)).or_insert(next);
            if at == next {
                self.candidates.push((element, 0.0));
            }
            self.candidates[at].1 += score * share;
        }
    }

    /// The score of `e`, zero if unscored.
    fn of(&self, e: ElementRef) -> f64 {
        self.index
            .get(&key(e))
            .map_or(0.0, |&at| self.candidates[at].1)
    }
}

/// The state of the one walk over a page, scoring it and noting landmarks.
#[derive(Default)]
struct Scorer<'a> {
    scores: Scores<'a>,
    /// How many `<article>`s and links are open.
    articles: usize,
    links: usize,
    /// The open paragraph with its letters, and those of its links.
    paragraph: Option<(ElementRef<'a>, usize, usize)>,
    /// The first `[itemprop=articleBody]`, and `<main>` or `[role=main]`.
    body: Option<ElementRef<'a>>,
    main: Option<ElementRef<'a>>,
    /// The open `<h1>`, and the first one holding text.
    h1: Option<ElementRef<'a>>,
    first_h1: Option<ElementRef<'a>>,
}

impl<'a> Scorer<'a> {
    /// Take one step of the walk.
    fn step(&mut self, step: Step<'a>) {
        match step {
            Step::Open(e) => self.open(e),
            Step::Text(text) => {
                let n = text.chars().filter(|c| !c.is_whitespace()).count();
                if let Some((_, letters, linked)) = &mut self.paragraph {
                    *letters += n;
                    *linked += if self.links > 0 { n } else { 0 };
                }
                if n > 0 && self.first_h1.is_none() {
                    self.first_h1 = self.h1;
                }
            }
            Step::Close(e) => match (e.value().name(), self.paragraph) {
                ("article", _) => self.articles = self.articles.saturating_sub(1),
                ("a", _) => self.links = self.links.saturating_sub(1),
                ("h1", _) => self.h1 = None,
                ("p", Some((p, letters, linked))) if p == e => {
                    self.paragraph = None;
                    self.scores.add(p, (letters, linked), self.articles > 0);
                }
                _ => {}
            },
        }
    }

    /// Note an element that opens.
    fn open(&mut self, e: ElementRef<'a>) {
        let v = e.value();
        match v.name() {
            "article" if self.articles == 0 => self.scores.articles.push((e, 0.0)),
            "a" => self.links += 1,
            "p" if self.paragraph.is_none() => self.paragraph = Some((e, 0, 0)),
            "h1" if self.h1.is_none() => self.h1 = Some(e),
            _ => {}
        }
        self.articles += usize::from(v.name() == "article");
        if self.body.is_none()
            && v.attr("itemprop")
                .is_some_and(|p| p.split_whitespace().any(|p| p == "articleBody"))
        {
            self.body = Some(e);
        }
        if self.main.is_none() && (v.name() == "main" || v.attr("role") == Some("main")) {
            self.main = Some(e);
        }
    }
}

/// Where a page's article is.
pub struct Content<'a> {
    /// The elements holding it, in document order.
    pub roots: Vec<ElementRef<'a>>,
    /// The page's first `<h1>` with text, outside furniture.
    pub first_h1: Option<ElementRef<'a>>,
}

/// Where the article of `doc` is: the one substantial `<article>`,
/// `[itemprop=articleBody]`, `<main>` or `[role=main]`, else the best-scored
/// element and its sibling sections, else the `<body>`.
pub fn main_content(doc: &Html) -> Content<'_> {
    let root = doc.root_element();
    let mut scorer = Scorer::default();
    walk(root, &mut |step| {
        scorer.step(step);
        true
    });
    let scores = &scorer.scores;
    let mut substantial = scores
        .articles
        .iter()
        .filter(|(_, s)| *s >= MIN_ARTICLE_CHARS);
    let article = match (substantial.next(), substantial.next()) {
        (Some((article, _)), None) => Some(*article),
        _ => None,
    };
    let roots = match article.or(scorer.body).or(scorer.main) {
        Some(found) => vec![found],
        None => best_scored(scores).unwrap_or_else(|| {
            let body = root.child_elements().find(|e| e.value().name() == "body");
            vec![body.unwrap_or(root)]
        }),
    };
    Content {
        roots,
        first_h1: scorer.first_h1,
    }
}

/// The best-scored element with its sibling sections, if any scored.
fn best_scored<'a>(scores: &Scores<'a>) -> Option<Vec<ElementRef<'a>>> {
    let best = scores
        .candidates
        .iter()
        .fold(None, |best, &(e, s)| match best {
            Some((_, b)) if b >= s => best,
            _ => Some((e, s)),
        });
    let (top, score) = best.filter(|&(_, s)| s > 0.0)?;
    Some(with_siblings(top, score, scores))
}

/// `top` and the span of its siblings that also hold the article's text:
/// from the first to the last sibling scoring a fifth of `top` (at least
/// 10), or being a `<p>` of 80 letters.
fn with_siblings<'a>(top: ElementRef<'a>, score: f64, scores: &Scores<'a>) -> Vec<ElementRef<'a>> {
    let Some(parent) = top.parent().and_then(ElementRef::wrap) else {
        return vec![top];
    };
    let threshold = (score * 0.2).max(10.0);
    let siblings = parent
        .child_elements()
        .filter(|e| !is_furniture(e.value(), false));
    let siblings: Vec<ElementRef> = siblings.collect();
    let long_paragraph =
        |e: &ElementRef| scores.paragraphs.get(&key(*e)).is_some_and(|&s| s >= 80.0);
    let keep = |e: &ElementRef| *e == top || scores.of(*e) >= threshold || long_paragraph(e);
    match (
        siblings.iter().position(keep),
        siblings.iter().rposition(keep),
    ) {
        (Some(first), Some(last)) => siblings[first..=last].to_vec(),
        _ => vec![top],
    }
}
