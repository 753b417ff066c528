// PLACEHOLDER (lead's scratch, to be overwritten by the sentence-splitter helper's file).
pub fn split_sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let end_mark = matches!(bytes[i], b'.' | b'!' | b'?') && (i + 1 == bytes.len() || bytes[i + 1].is_ascii_whitespace());
        let para = bytes[i] == b'\n' && i + 1 < bytes.len() && bytes[i + 1] == b'\n';
        if end_mark || para {
            let end = if para { i } else { i + 1 };
            push(text, start, end, &mut out);
            start = end;
        }
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
}
fn push(text: &str, start: usize, end: usize, out: &mut Vec<std::ops::Range<usize>>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(start + lead..start + lead + trimmed.len());
    }
}
