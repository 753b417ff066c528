//! The kinds of input file, told apart by their ending, each with its own
//! reader: plain text, Markdown, HTML, and rows (CSV, TSV, JSON lines),
//! one document a row.

use std::path::Path;

/// An input file's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (`.txt`, standard input, and any other ending).
    Text,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// A saved web page (`.html`, `.htm`).
    Html,
    /// Comma-separated rows, one document a row (`.csv`).
    Csv,
    /// Tab-separated rows (`.tsv`).
    Tsv,
    /// JSON lines, one object a line, one document a line (`.jsonl`).
    JsonLines,
}

impl Format {
    /// The format of a file by its ending; plain text for any other.
    pub fn of(path: &Path) -> Format {
        let ending = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ending.as_deref() {
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("csv") => Format::Csv,
            Some("tsv" | "tab") => Format::Tsv,
            Some("jsonl" | "ndjson") => Format::JsonLines,
            _ => Format::Text,
        }
    }

    /// Whether a file holds many documents, one a row.
    pub fn has_rows(self) -> bool {
        matches!(self, Format::Csv | Format::Tsv | Format::JsonLines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_decide_the_format_whatever_their_case() {
        assert_eq!(Format::of(Path::new("a/b.HTML")), Format::Html);
        assert_eq!(Format::of(Path::new("b.md")), Format::Markdown);
        assert_eq!(Format::of(Path::new("b.tsv")), Format::Tsv);
        assert_eq!(Format::of(Path::new("b.jsonl")), Format::JsonLines);
        assert_eq!(Format::of(Path::new("b.csv")), Format::Csv);
        assert_eq!(Format::of(Path::new("notes")), Format::Text);
        assert!(Format::Csv.has_rows() && !Format::Html.has_rows());
    }
}
