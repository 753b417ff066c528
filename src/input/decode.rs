//! Bytes to text: UTF-8 with or without a byte-order mark, UTF-16 with one;
//! CRLF and lone CR become `\n`; the text is NFC-normalized so that a letter
//! typed precomposed or combined counts the same.

use super::InputError;
use unicode_normalization::UnicodeNormalization;

/// Decode a file's bytes into NFC text with `\n` line ends.
pub fn decode_text(bytes: &[u8]) -> Result<String, InputError> {
    let raw = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)?
    } else {
        utf8(bytes)?
    };
    if raw.contains('\0') {
        return Err(InputError::Binary);
    }
    let unix = normalize_line_ends(&raw);
    Ok(if unicode_normalization::is_nfc(&unix) {
        unix
    } else {
        unix.nfc().collect()
    })
}

fn utf8(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(err) => Err(InputError::BadEncoding(err.valid_up_to())),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, InputError> {
    let units = bytes.chunks(2).map(|pair| match pair {
        [a, b] => unit([*a, *b]),
        _ => 0xFFFD,
    });
    char::decode_utf16(units)
        .enumerate()
        .map(|(i, c)| c.map_err(|_| InputError::BadEncoding(2 + 2 * i)))
        .collect()
}

/// Turn CRLF and lone CR into LF.
fn normalize_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        let text = decode_text(b"\xEF\xBB\xBFOne.\r\n\r\nTwo.\rThree.").unwrap();
        assert_eq!(text, "One.\n\nTwo.\nThree.");
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Hé!".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(decode_text(&bytes).unwrap(), "Hé!");
    }

    #[test]
    fn normalizes_to_nfc() {
        let decomposed = "cafe\u{301}";
        assert_eq!(decode_text(decomposed.as_bytes()).unwrap(), "caf\u{e9}");
    }

    #[test]
    fn rejects_binary_and_bad_utf8() {
        assert!(matches!(decode_text(b"ab\0cd"), Err(InputError::Binary)));
        assert!(matches!(
            decode_text(b"abc\xFFdef"),
            Err(InputError::BadEncoding(3))
        ));
    }
}
