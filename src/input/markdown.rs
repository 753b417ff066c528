//! Markdown to plain text, enough for counting: heading markers, emphasis
//! markers, inline code ticks, images and link targets are removed, and
//! fenced code blocks are dropped (code is not prose).

/// Plain text of a Markdown document, paragraph breaks kept.
pub fn to_plain(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut in_fence = false;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        out.push_str(&inline_plain(strip_heading(trimmed).unwrap_or(line)));
        out.push('\n');
    }
    out
}

/// The text of an ATX heading line (`## Title`), without its markers.
fn strip_heading(line: &str) -> Option<&str> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    let rest = &line[hashes..];
    let is_heading = (1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with(' '));
    is_heading.then(|| rest.trim().trim_end_matches('#').trim_end())
}

/// Remove inline markup: `![alt](src)` goes, `[text](url)` keeps `text`,
/// `**`, `__`, `` ` `` markers go.
fn inline_plain(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let is_image = rest[..open].ends_with('!');
        let Some((text, after)) = link_parts(&rest[open..]) else {
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        };
        out.push_str(&rest[..open - usize::from(is_image)]);
        if !is_image {
            out.push_str(text);
        }
        rest = after;
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "").replace('`', "")
}

/// For text starting `[text](target)…`, the link text and what follows.
/// The text holds no bracket and the target no white space or bracket, so
/// each scan stops at the next `[` and a line is read in linear time.
fn link_parts(text: &str) -> Option<(&str, &str)> {
    let close = 1 + text[1..].find(['[', ']'])?;
    let target = text[close..].strip_prefix("](")?;
    let end = target.find(|c: char| c == ')' || c == '[' || c == ']' || c.is_whitespace())?;
    target[end..]
        .starts_with(')')
        .then(|| (&text[1..close], &target[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_markup_and_keeps_words() {
        let md = "# A Title #\n\nSome **bold** and `code` with [a link](http://x.y/z).\n\n![pic](p.png)\n```\nlet x = 1;\n```\nEnd.";
        assert_eq!(
            to_plain(md),
            "A Title\n\nSome bold and code with a link.\n\n\nEnd.\n"
        );
    }

    #[test]
    fn brackets_that_are_not_links_stay() {
        assert_eq!(
            inline_plain("see [1] and [a](b c) or [x](y)"),
            "see [1] and [a](b c) or x"
        );
        assert_eq!(inline_plain("[[nested](u)]"), "[nested]");
    }

    #[test]
    fn hash_without_space_is_not_a_heading() {
        assert_eq!(to_plain("#hashtag here"), "#hashtag here\n");
    }
}
