// The CMUdict lookup table's layout, hash and construction, shared by the
// crate (`text/pronouncing.rs`) and `build.rs`, which builds the table at
// compile time so that no run spends time on it. Included with `include!`
// by the build script, so: plain `//` comments, no `crate::` paths.

// log2 of the slot count: 2^18 = 262,144 slots for ~126,000 words keeps the
// load factor under one half, so linear probes stay short.
pub const SLOT_BITS: u32 = 18;
pub const SLOT_MASK: usize = (1 << SLOT_BITS) - 1;

// Slot layout: offset (21 bits) | length (7 bits) | syllables (4 bits).
// A slot whose length field is 0 is empty (words are never empty).
pub const OFFSET_SHIFT: u32 = 11;
pub const LEN_SHIFT: u32 = 4;
pub const LEN_MASK: u32 = 0x7f;
pub const COUNT_MASK: u32 = 0xf;
pub const MAX_OFFSET: usize = (1 << (32 - OFFSET_SHIFT)) - 1;
pub const MAX_WORD_LEN: usize = LEN_MASK as usize;

// Iterates over `(word, syllables)` in the table text, as
// `(byte offset of the word in the text, word bytes, syllables)`.
pub fn slot_entries(text: &str) -> impl Iterator<Item = (usize, &[u8], u32)> {
    let text = text.as_bytes();
    let mut pos = 0;
    let mut count: Option<u32> = None;
    std::iter::from_fn(move || loop {
        if pos >= text.len() {
            return None;
        }
        let start = pos;
        let end = text[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| start + i);
        pos = end + 1;
        let mut line = &text[start..end];
        if let [rest @ .., b'\r'] = line {
            line = rest; // tolerate a CRLF checkout of the data file
        }
        match line.first() {
            None | Some(b'#') => {}
            Some(b'=') => {
                let n = std::str::from_utf8(&line[1..])
                    .ok()
                    .and_then(|s| s.parse().ok());
                assert!(n.is_some(), "cmudict table: bad group line {line:?}");
                count = n;
            }
            Some(_) => {
                let n = count.expect("cmudict table: word before the first '=N' line");
                return Some((start, line, n));
            }
        }
    })
}

// FxHash-style multiplicative hash over 8-byte chunks, with a final mix so
// the low bits (used for the slot index) depend on every input byte.
pub fn slot_hash(bytes: &[u8]) -> usize {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("8-byte chunk"));
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
    }
    (h ^ (h >> 32)) as usize
}

// The table of `text` as bytes: the entry count and the longest word's
// length (u32 each, little-endian), then 2^SLOT_BITS little-endian slots.
pub fn slot_table_bytes(text: &str) -> Vec<u8> {
    assert!(
        text.len() <= MAX_OFFSET,
        "cmudict table too large for slot layout"
    );
    let mut slots = vec![0u32; 1 << SLOT_BITS];
    let mut len = 0u32;
    let mut max_len = 0u32;
    for (offset, word, n) in slot_entries(text) {
        assert!(
            word.len() <= MAX_WORD_LEN && n <= COUNT_MASK,
            "cmudict table entry does not fit slot layout: {word:?}"
        );
        let mut i = slot_hash(word) & SLOT_MASK;
        while slots[i] != 0 {
            i = (i + 1) & SLOT_MASK;
        }
        slots[i] = (offset as u32) << OFFSET_SHIFT | (word.len() as u32) << LEN_SHIFT | n;
        len += 1;
        max_len = max_len.max(word.len() as u32);
    }
    assert!(
        (len as usize) < slots.len() / 2,
        "cmudict table: raise SLOT_BITS"
    );
    let mut bytes = Vec::with_capacity(8 + 4 * slots.len());
    bytes.extend_from_slice(&len.to_le_bytes());
    bytes.extend_from_slice(&max_len.to_le_bytes());
    for slot in slots {
        bytes.extend_from_slice(&slot.to_le_bytes());
    }
    bytes
}
