//! Bytes to text, never losing a document over a bad byte.
//!
//! - A byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE.
//! - Without one, UTF-16 is recognised by its pattern of NUL bytes (ASCII
//!   text in UTF-16 has a NUL in every other byte); any other NUL means a
//!   binary file, which is refused.
//! - Valid UTF-8 is taken as it is.
//! - Bytes that are not UTF-8 are decoded, not rejected. When they stand alone
//!   or in short runs among ASCII, as Windows-1252's curly quotes (0x93, 0x94)
//!   and accented letters (é is 0xE9) do, they are read as Windows-1252: the
//!   whole file when its valid multi-byte UTF-8 sequences are no more than
//!   its invalid ones (a Windows-1252 or Latin-1 file), else only the bad
//!   bytes (a UTF-8 file with a few stray Windows-1252 bytes). Otherwise
//!   (long runs, as text in another legacy encoding gives) each bad sequence
//!   becomes U+FFFD, the Unicode replacement character, as the WHATWG UTF-8
//!   decoder does.
//! - `--encoding NAME` forces one encoding (any WHATWG label, via
//!   `encoding_rs`); its malformed sequences become U+FFFD.
//!
//! Every byte re-decoded or replaced is counted, for the `decode_errors`
//! column. CRLF and lone CR become `\n`, and the text is NFC-normalized so that
//! a letter typed precomposed or combined counts the same.

use super::InputError;
use encoding_rs::{DecoderResult, Encoding};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// The name of the encoding read when a whole file is Windows-1252.
pub const WINDOWS_1252: &str = "windows-1252";
/// The name of the encoding read when a UTF-8 file holds stray
/// Windows-1252 bytes.
pub const UTF8_WITH_WINDOWS_1252: &str = "UTF-8+windows-1252";

/// The `&'static str` name of an encoding read, from its name as text:
/// one of the names [`Decoded::encoding`] can hold (any `encoding_rs`
/// name, or [`UTF8_WITH_WINDOWS_1252`]); `None` for anything else.
pub fn encoding_named(name: &str) -> Option<&'static str> {
    if name == UTF8_WITH_WINDOWS_1252 {
        return Some(UTF8_WITH_WINDOWS_1252);
    }
    Encoding::for_label_no_replacement(name.as_bytes())
        .map(Encoding::name)
        .filter(|known| *known == name)
}

/// Serde for an encoding's name held as `&'static str` (see
/// [`encoding_named`]), e.g. `#[serde(with = "crate::input::encoding_serde")]`.
pub mod encoding_serde {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    /// Write the name.
    pub fn serialize<S: Serializer>(name: &&'static str, to: S) -> Result<S::Ok, S::Error> {
        to.serialize_str(name)
    }

    /// Read a name back as the same `&'static str`.
    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<&'static str, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(from)?;
        super::encoding_named(&name)
            .ok_or_else(|| D::Error::custom(format!("unknown encoding `{name}`")))
    }
}

/// A run of this many non-UTF-8 high bytes or more is not Windows-1252 prose.
const LONG_RUN: usize = 4;

/// Text decoded from a file's bytes, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// NFC text with `\n` line ends, without a byte-order mark.
    pub text: String,
    /// The encoding read: `UTF-8`, `UTF-16LE`, `UTF-16BE`,
    /// [`WINDOWS_1252`], [`UTF8_WITH_WINDOWS_1252`] or a forced encoding's
    /// name.
    pub encoding: &'static str,
    /// Bytes that were not valid in the encoding read: re-decoded as
    /// Windows-1252 or replaced by U+FFFD.
    pub decode_errors: usize,
}

/// Decode a file's bytes; `forced` overrides detection.
pub fn decode_text(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, InputError> {
    decode_owned(bytes.to_vec(), forced)
}

/// [`decode_text`] taking the bytes: UTF-8 becomes the text in place,
/// without a copy, even with stray bytes to re-decode or replace (the
/// text is widened inside the same buffer, see [`utf8_patched`]).
pub fn decode_owned(
    bytes: Vec<u8>,
    forced: Option<&'static Encoding>,
) -> Result<Decoded, InputError> {
    let raw = match forced {
        Some(encoding) => forced_decode(&bytes, encoding),
        None => detect_and_decode(bytes)?,
    };
    finish_decoding(raw)
}

/// Refuse binary text, then make line ends `\n` and the text NFC.
fn finish_decoding((raw, encoding, decode_errors): RawDecode) -> Result<Decoded, InputError> {
    if looks_binary(&raw) {
        return Err(InputError::Binary);
    }
    Ok(Decoded {
        text: unix_nfc(raw),
        encoding,
        decode_errors,
    })
}

/// (text, encoding name, bytes re-decoded or replaced).
type RawDecode = (String, &'static str, usize);

fn detect_and_decode(mut bytes: Vec<u8>) -> Result<RawDecode, InputError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
        return Ok(utf8_lossy(bytes));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16(rest, u16::from_le_bytes, "UTF-16LE"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16(rest, u16::from_be_bytes, "UTF-16BE"));
    }
    if bytes.contains(&0) {
        return match utf16_without_bom(&bytes) {
            Some(decoded) => Ok(decoded),
            None => Err(InputError::Binary),
        };
    }
    Ok(utf8_lossy(bytes))
}

/// UTF-16 recognised by its NUL bytes: a character below U+0100 (Latin
/// letters, digits, spaces, punctuation) has a NUL high byte, so in UTF-16
/// text nearly every NUL sits on the same side of its byte pair, whatever
/// the script of the rest. The pairs must also decode: at most 2% unpaired
/// surrogates.
fn utf16_without_bom(bytes: &[u8]) -> Option<RawDecode> {
    let nul_at = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    let one_sided = |this: usize, other: usize| this >= 2 && other * 50 <= this;
    let (unit, name): (fn([u8; 2]) -> u16, _) = if one_sided(odd, even) {
        (u16::from_le_bytes, "UTF-16LE")
    } else if one_sided(even, odd) {
        (u16::from_be_bytes, "UTF-16BE")
    } else {
        return None;
    };
    let decoded = utf16(bytes, unit, name);
    let units = bytes.len() / 2;
    (decoded.2 * 100 <= units * 2).then_some(decoded)
}

/// UTF-16 code units to text; an unpaired surrogate or odd final byte is
/// replaced and its bytes counted.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, name: &'static str) -> RawDecode {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut errors = bytes.len() % 2;
    let mut text: String = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                errors += 2;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    (text, name, errors)
}

/// UTF-8, with the bytes that are not UTF-8 read as Windows-1252 when they
/// look like it, else replaced by U+FFFD. A file whose valid multi-byte
/// UTF-8 sequences are no more than its invalid ones is Windows-1252 text
/// in which a few byte pairs happen to form UTF-8 (`É”` is C9 94): it is
/// read wholly as Windows-1252.
fn utf8_lossy(bytes: Vec<u8>) -> RawDecode {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return (text, "UTF-8", 0),
        Err(err) => err.into_bytes(),
    };
    let runs = HighByteRuns::of(&bytes);
    if !runs.look_like_windows_1252() {
        return utf8_replacing(bytes);
    }
    if runs.valid_utf8 <= runs.short + runs.long {
        let text = bytes.iter().map(|&b| windows_1252_char(b)).collect();
        let high = bytes.iter().filter(|&&b| b >= 0x80).count();
        return (text, WINDOWS_1252, high);
    }
    patched_with_1252(bytes)
}

/// UTF-8 with each stray byte read as Windows-1252.
fn patched_with_1252(bytes: Vec<u8>) -> RawDecode {
    utf8_patched(bytes, UTF8_WITH_WINDOWS_1252, |bad, text| {
        text.extend(bad.iter().map(|&b| windows_1252_char(b)))
    })
}

/// UTF-8 with each invalid sequence replaced by U+FFFD.
fn utf8_replacing(bytes: Vec<u8>) -> RawDecode {
    utf8_patched(bytes, "UTF-8", |_, text| {
        text.push(char::REPLACEMENT_CHARACTER)
    })
}

/// UTF-8, with `patch` writing what stands for each invalid sequence; every
/// invalid byte is counted. Done inside `bytes`: a patch is never shorter
/// than what it replaces (a byte at or above 0x80 takes two or three bytes
/// as a character), so the buffer is lengthened once and filled from the
/// end, each piece moved right before anything still to be read there is
/// overwritten. A file with stray bytes then needs its size once, not
/// twice (a 100 MB file peaked at 214 MB before).
fn utf8_patched(
    mut bytes: Vec<u8>,
    name: &'static str,
    mut patch: impl FnMut(&[u8], &mut String),
) -> RawDecode {
    let mut invalid: Vec<(usize, usize)> = Vec::new();
    let (mut errors, mut growth, mut scratch) = (0, 0, String::new());
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        at += chunk.valid().len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            scratch.clear();
            patch(bad, &mut scratch);
            growth += scratch.len() - bad.len();
            errors += bad.len();
            invalid.push((at, bad.len()));
            at += bad.len();
        }
    }
    let mut read_end = bytes.len();
    bytes.resize(read_end + growth, 0);
    let mut write_end = bytes.len();
    for &(start, len) in invalid.iter().rev() {
        let valid = start + len..read_end;
        write_end -= valid.len();
        bytes.copy_within(valid, write_end);
        scratch.clear();
        patch(&bytes[start..start + len], &mut scratch);
        write_end -= scratch.len();
        bytes[write_end..write_end + scratch.len()].copy_from_slice(scratch.as_bytes());
        read_end = start;
    }
    debug_assert_eq!(read_end, write_end, "the text before the first patch stays");
    let text = String::from_utf8(bytes).expect("valid UTF-8 and UTF-8 patches");
    (text, name, errors)
}

/// The runs of bytes at or above 0x80 in a file, by kind.
#[derive(Debug, Default)]
struct HighByteRuns {
    /// Runs that are valid UTF-8.
    valid_utf8: usize,
    /// Invalid runs of one to three bytes, as Windows-1252 prose has.
    short: usize,
    /// Invalid runs of [`LONG_RUN`] bytes or more.
    long: usize,
}

impl HighByteRuns {
    fn of(bytes: &[u8]) -> Self {
        let mut runs = HighByteRuns::default();
        let mut rest = bytes;
        while let Some(start) = rest.iter().position(|&b| b >= 0x80) {
            let len = rest[start..].iter().take_while(|&&b| b >= 0x80).count();
            match std::str::from_utf8(&rest[start..start + len]) {
                Ok(_) => runs.valid_utf8 += 1,
                Err(_) if len >= LONG_RUN => runs.long += 1,
                Err(_) => runs.short += 1,
            }
            rest = &rest[start + len..];
        }
        runs
    }

    /// Mostly short invalid runs: Windows-1252 punctuation and accents,
    /// not text in another legacy encoding.
    fn look_like_windows_1252(&self) -> bool {
        self.short > 0 && self.short >= 4 * self.long
    }
}

/// A byte as Windows-1252, from `encoding_rs`; U+FFFD for the five bytes
/// it defines no character for (which the WHATWG mapping turns into C1
/// control characters).
fn windows_1252_char(byte: u8) -> char {
    static HIGH: OnceLock<Vec<char>> = OnceLock::new();
    if byte < 0x80 {
        return char::from(byte);
    }
    let high = HIGH.get_or_init(|| {
        let bytes: Vec<u8> = (0x80..=0xFF).collect();
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
        text.chars()
            .map(|c| {
                if c.is_control() {
                    char::REPLACEMENT_CHARACTER
                } else {
                    c
                }
            })
            .collect()
    });
    high[usize::from(byte - 0x80)]
}

/// What to tell the user about a document read in `encoding` with
/// `decode_errors` bytes re-decoded or replaced; nothing for a clean file.
pub fn decoding_note(encoding: &str, decode_errors: usize) -> Option<String> {
    let bytes = decode_errors;
    Some(match encoding {
        _ if bytes == 0 => return None,
        WINDOWS_1252 => format!("not UTF-8: read as Windows-1252 ({bytes} byte(s) re-decoded)"),
        UTF8_WITH_WINDOWS_1252 => {
            format!("{bytes} byte(s) not valid UTF-8 were read as Windows-1252")
        }
        other => format!(
            "{bytes} byte(s) not valid {other} were replaced with U+FFFD \
             (if the file is in another encoding, name it with --encoding)"
        ),
    })
}

/// Decode with an encoding the user named; a byte-order mark of that
/// encoding is dropped, malformed sequences become U+FFFD and are counted.
fn forced_decode(bytes: &[u8], encoding: &'static Encoding) -> RawDecode {
    let bytes = match Encoding::for_bom(bytes) {
        Some((bom_encoding, len)) if bom_encoding == encoding => &bytes[len..],
        _ => bytes,
    };
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() + 16);
    let (mut src, mut errors) = (bytes, 0);
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(src, &mut text, true);
        src = &src[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => text.reserve(src.len() * 3 + 16),
            DecoderResult::Malformed(bad, _) => {
                errors += usize::from(bad);
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    (text, encoding.name(), errors)
}

/// NUL characters, or more than one character in ten a control character
/// other than tab, line feed, form feed and carriage return.
fn looks_binary(text: &str) -> bool {
    text.contains('\0') || ControlShare::of(text).too_many()
}

/// Control characters (other than tab, line feed, form feed and carriage
/// return) among all characters: more than one in ten is not text.
#[derive(Debug, Clone, Copy, Default)]
pub struct ControlShare {
    controls: usize,
    total: usize,
}

impl ControlShare {
    /// The share in `text`.
    pub fn of(text: &str) -> Self {
        let mut share = ControlShare::default();
        for c in text.chars() {
            share.total += 1;
            share.controls +=
                usize::from(c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C'));
        }
        share
    }

    /// Both shares together.
    pub fn add(&mut self, other: ControlShare) {
        self.controls += other.controls;
        self.total += other.total;
    }

    /// More than one character in ten a control character.
    pub fn too_many(&self) -> bool {
        self.controls * 10 > self.total
    }
}

/// How the segments of a UTF-8 file read in segments are decoded: decided
/// from the whole file first ([`ByteSurvey`]), exactly as a file read whole
/// would be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentDecoding {
    /// Valid UTF-8 throughout.
    Utf8,
    /// UTF-8 with stray Windows-1252 bytes.
    Utf8With1252,
    /// UTF-8 with bytes that are replaced by U+FFFD.
    Utf8Replacing,
}

impl SegmentDecoding {
    /// The name of the encoding read, as for the file read whole.
    pub fn encoding(self) -> &'static str {
        match self {
            SegmentDecoding::Utf8With1252 => UTF8_WITH_WINDOWS_1252,
            SegmentDecoding::Utf8 | SegmentDecoding::Utf8Replacing => "UTF-8",
        }
    }
}

/// What decides the decoding of a file read in segments, each cut right
/// after a line feed (so no multi-byte character and no run of high bytes
/// is ever split).
#[derive(Debug, Default)]
pub struct ByteSurvey {
    runs: HighByteRuns,
    invalid: bool,
    nul: bool,
}

impl ByteSurvey {
    /// Take in the next segment.
    pub fn add(&mut self, segment: &[u8]) {
        self.nul |= segment.contains(&0);
        if std::str::from_utf8(segment).is_err() {
            self.invalid = true;
        }
        let runs = HighByteRuns::of(segment);
        self.runs.valid_utf8 += runs.valid_utf8;
        self.runs.short += runs.short;
        self.runs.long += runs.long;
    }

    /// How the segments decode, or `None` when the file must be read whole
    /// (NUL bytes: UTF-16 or binary; or Windows-1252 throughout).
    pub fn decoding(&self) -> Option<SegmentDecoding> {
        if self.nul {
            return None;
        }
        if !self.invalid {
            return Some(SegmentDecoding::Utf8);
        }
        if !self.runs.look_like_windows_1252() {
            return Some(SegmentDecoding::Utf8Replacing);
        }
        if self.runs.valid_utf8 <= self.runs.short + self.runs.long {
            return None;
        }
        Some(SegmentDecoding::Utf8With1252)
    }
}

/// One segment decoded as `decoding` says, line ends made `\n` and the
/// text NFC, as [`decode_owned`] gives the whole file; and the bytes
/// re-decoded or replaced.
pub fn decode_segment(bytes: Vec<u8>, decoding: SegmentDecoding) -> (String, usize) {
    let (text, _, errors) = match decoding {
        SegmentDecoding::Utf8 => match String::from_utf8(bytes) {
            Ok(text) => (text, "UTF-8", 0),
            Err(err) => utf8_replacing(err.into_bytes()),
        },
        SegmentDecoding::Utf8With1252 => patched_with_1252(bytes),
        SegmentDecoding::Utf8Replacing => utf8_replacing(bytes),
    };
    (unix_nfc(text), errors)
}

/// `text` with `\n` line ends, NFC-normalized (untouched when it already is).
pub(crate) fn unix_nfc(text: String) -> String {
    let unix = normalize_line_ends(text);
    if unicode_normalization::is_nfc(&unix) {
        unix
    } else {
        unix.nfc().collect()
    }
}

/// Turn CRLF and lone CR into LF.
/// In place: the text only shrinks.
fn normalize_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    let (mut read, mut write) = (0, 0);
    while read < bytes.len() {
        let byte = bytes[read];
        read += 1;
        if byte == b'\r' && bytes.get(read) == Some(&b'\n') {
            continue;
        }
        bytes[write] = if byte == b'\r' { b'\n' } else { byte };
        write += 1;
    }
    bytes.truncate(write);
    String::from_utf8(bytes).expect("ASCII line ends replaced by ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_names_read_back() {
        for name in [
            "UTF-8",
            "UTF-16LE",
            "UTF-16BE",
            WINDOWS_1252,
            UTF8_WITH_WINDOWS_1252,
            "ISO-8859-2",
        ] {
            assert_eq!(encoding_named(name), Some(name));
        }
        assert_eq!(encoding_named("latin1"), None, "a label, not a name read");
        assert_eq!(encoding_named("klingon"), None);
    }

    fn decode(bytes: &[u8]) -> Decoded {
        decode_text(bytes, None).unwrap()
    }

    #[test]
    fn strips_bom_and_crlf() {
        let decoded = decode(b"\xEF\xBB\xBFOne.\r\n\r\nTwo.\rThree.");
        assert_eq!(decoded.text, "One.\n\nTwo.\nThree.");
        assert_eq!((decoded.encoding, decoded.decode_errors), ("UTF-8", 0));
    }

    #[test]
    fn decodes_utf16_with_and_without_bom() {
        let le: Vec<u8> = "Hé said “no”!"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Hé!".encode_utf16().flat_map(u16::to_be_bytes).collect();
        let with_bom = [&[0xFF, 0xFE][..], &le].concat();
        assert_eq!(decode(&with_bom).text, "Hé said “no”!");
        assert_eq!(decode(&le).text, "Hé said “no”!");
        assert_eq!(decode(&le).encoding, "UTF-16LE");
        assert_eq!(decode(&be).text, "Hé!");
        assert_eq!(decode(&be).encoding, "UTF-16BE");
    }

    #[test]
    fn normalizes_to_nfc() {
        assert_eq!(decode("cafe\u{301}".as_bytes()).text, "caf\u{e9}");
    }

    /// What [`utf8_patched`] must give: each valid piece, then the patch
    /// of each invalid one, written out into a new string.
    fn patched_by_copying(bytes: &[u8], patch: fn(&[u8], &mut String)) -> (String, usize) {
        let (mut text, mut errors) = (String::new(), 0);
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            if !chunk.invalid().is_empty() {
                errors += chunk.invalid().len();
                patch(chunk.invalid(), &mut text);
            }
        }
        (text, errors)
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn patching_in_place_gives_what_copying_gives(
            pieces in proptest::collection::vec(
                prop_oneof![
                    "\\PC{0,12}".prop_map(String::into_bytes),
                    proptest::collection::vec(0x80u8..=0xFF, 1..4),
                ],
                0..12,
            )
        ) {
            let bytes: Vec<u8> = pieces.concat();
            let windows: fn(&[u8], &mut String) =
                |bad, text| text.extend(bad.iter().map(|&b| windows_1252_char(b)));
            let replacing: fn(&[u8], &mut String) =
                |_, text| text.push(char::REPLACEMENT_CHARACTER);
            for patch in [windows, replacing] {
                let (text, _, errors) = utf8_patched(bytes.clone(), "UTF-8", patch);
                prop_assert_eq!((text, errors), patched_by_copying(&bytes, patch));
            }
        }
    }

    #[test]
    fn windows_1252_quotes_and_accents_are_re_decoded() {
        let decoded = decode(b"\x93Caf\xe9\x94 costs \xa315 \x96 or \x80 20.");
        assert_eq!(decoded.text, "“Café” costs £15 – or € 20.");
        assert_eq!(
            (decoded.encoding, decoded.decode_errors),
            ("windows-1252", 6)
        );
    }

    #[test]
    fn one_stray_windows_1252_byte_in_utf8_is_re_decoded() {
        let decoded = decode(
            "Naïve “quotes” and \u{2019}"
                .bytes()
                .chain(*b" \x92s")
                .collect::<Vec<_>>()
                .as_slice(),
        );
        assert_eq!(decoded.text, "Naïve “quotes” and ’ ’s");
        assert_eq!(
            (decoded.encoding, decoded.decode_errors),
            ("UTF-8+windows-1252", 1)
        );
    }

    #[test]
    fn a_windows_1252_file_whose_bytes_happen_to_form_utf8_is_read_whole() {
        let decoded = decode(b"He said \x93JOS\xc9\x94 loudly.");
        assert_eq!(decoded.text, "He said “JOSÉ” loudly.");
        assert_eq!(
            (decoded.encoding, decoded.decode_errors),
            ("windows-1252", 3)
        );
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_in_any_script() {
        for text in [
            "Привет, мир. Как дела?",
            "你好，世界。 1 2",
            "Hello “world”.",
        ] {
            let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            assert_eq!(decode(&le).text, text);
            assert_eq!(decode(&be).text, text);
        }
    }

    #[test]
    fn long_runs_of_bad_bytes_are_replaced() {
        // Russian in Windows-1251: long runs of high bytes, not Windows-1252 prose.
        let decoded = decode(b"\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0 ok");
        assert_eq!(
            decoded.text,
            "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} \u{FFFD}\u{FFFD}\u{FFFD} ok"
        );
        assert_eq!((decoded.encoding, decoded.decode_errors), ("UTF-8", 9));
    }

    #[test]
    fn a_forced_encoding_wins() {
        let cyrillic = encoding_rs::Encoding::for_label(b"windows-1251").unwrap();
        let decoded = decode_text(b"\xcf\xf0\xe8\xe2\xe5\xf2", Some(cyrillic)).unwrap();
        assert_eq!(decoded.text, "Привет");
        assert_eq!(
            (decoded.encoding, decoded.decode_errors),
            ("windows-1251", 0)
        );
        let utf8 = decode_text(b"ok \xff", Some(encoding_rs::UTF_8)).unwrap();
        assert_eq!((utf8.text.as_str(), utf8.decode_errors), ("ok \u{FFFD}", 1));
    }

    #[test]
    fn rejects_binary() {
        assert!(matches!(
            decode_text(b"ab\0cd\0\0\x01", None),
            Err(InputError::Binary)
        ));
        assert!(matches!(
            decode_text(b"\x01\x02\x03\x04 ab", None),
            Err(InputError::Binary)
        ));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
        assert!(matches!(decode_text(png, None), Err(InputError::Binary)));
    }
}
