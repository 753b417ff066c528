//! Syllables of numbers as they are read aloud in English: `26` is
//! "twenty-six" (3), `2.5` is "two point five" (3), `1,000` is "one
//! thousand" (3), and four-digit years are read in pairs: `1948` is
//! "nineteen forty-eight" (4), `2026` "twenty twenty-six" (5). Digit strings
//! with a leading zero or longer than fifteen digits are read digit by digit.

/// Syllables of 0–19 read aloud.
const UNITS: [u32; 20] = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2];
/// Syllables of twenty, thirty, … ninety (index = tens digit).
const TENS: [u32; 10] = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2];
/// Syllables of "hundred", and of "thousand", "million", "billion", "trillion".
const HUNDRED: u32 = 2;
const SCALE_WORD: u32 = 2;
/// Syllables of "point" and of "oh" (a zero read as in "nineteen oh five").
const POINT: u32 = 1;
const OH: u32 = 1;

/// Syllables of a number written in digits, with optional `,` group
/// separators and one `.` decimal point. `None` if `number` is not one.
pub fn number_syllables(number: &str) -> Option<u32> {
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    let digits: String = whole.chars().filter(|&c| c != ',').collect();
    let valid = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !valid(&digits) || fraction.is_some_and(|f| !valid(f)) {
        return None;
    }
    let whole_syllables = if whole.contains(',') {
        cardinal_digits(&digits)
    } else {
        integer_syllables(&digits)
    };
    let fraction_syllables = fraction.map_or(0, |f| POINT + digit_by_digit(f));
    Some(whole_syllables + fraction_syllables)
}

/// An integer written without separators: a year if it reads like one.
fn integer_syllables(digits: &str) -> u32 {
    match digits.parse::<u64>() {
        Ok(year @ (1100..=1999 | 2010..=2099)) if digits.len() == 4 => year_syllables(year),
        _ => cardinal_digits(digits),
    }
}

fn cardinal_digits(digits: &str) -> u32 {
    let leading_zero = digits.len() > 1 && digits.starts_with('0');
    match digits.parse::<u64>() {
        Ok(value) if !leading_zero && digits.len() <= 15 => cardinal(value),
        _ => digit_by_digit(digits),
    }
}

fn digit_by_digit(digits: &str) -> u32 {
    digits.bytes().map(|b| UNITS[usize::from(b - b'0')]).sum()
}

/// "nineteen forty-eight", "nineteen hundred", "nineteen oh five".
fn year_syllables(year: u64) -> u32 {
    let (high, low) = (year / 100, year % 100);
    let tail = match low {
        0 => HUNDRED,
        1..=9 => OH + UNITS[low as usize],
        _ => below_hundred(low),
    };
    below_hundred(high) + tail
}

/// Syllables of a whole number read as a cardinal ("three thousand and
/// six" without the "and").
pub fn cardinal(value: u64) -> u32 {
    if value == 0 {
        return UNITS[0];
    }
    let mut total = 0;
    let mut rest = value;
    let mut scale = 0;
    while rest > 0 {
        let group = rest % 1000;
        if group > 0 {
            total += below_thousand(group) + if scale > 0 { SCALE_WORD } else { 0 };
        }
        rest /= 1000;
        scale += 1;
    }
    total
}

fn below_thousand(value: u64) -> u32 {
    let (hundreds, rest) = (value / 100, value % 100);
    let head = if hundreds > 0 {
        UNITS[hundreds as usize] + HUNDRED
    } else {
        0
    };
    head + if rest > 0 { below_hundred(rest) } else { 0 }
}

fn below_hundred(value: u64) -> u32 {
    let (tens, units) = ((value / 10) as usize, (value % 10) as usize);
    match value {
        0..=19 => UNITS[value as usize],
        _ if units == 0 => TENS[tens],
        _ => TENS[tens] + UNITS[units],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_aloud() {
        let cases = [
            ("7", 2),      // seven
            ("26", 3),     // twen-ty-six
            ("100", 3),    // one hun-dred
            ("1,000", 3),  // one thou-sand
            ("70,000", 5), // sev-en-ty thou-sand
            ("2.5", 3),    // two point five
            ("1948", 5),   // nine-teen for-ty-eight
            ("1900", 4),   // nine-teen hun-dred
            ("1905", 4),   // nine-teen oh five
            ("2026", 5),   // twen-ty twen-ty-six
            ("2003", 4),   // two thou-sand three
            ("007", 6),    // ze-ro ze-ro sev-en
            ("3.50", 5),   // three point five ze-ro
        ];
        for (number, expected) in cases {
            assert_eq!(number_syllables(number), Some(expected), "{number}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for text in ["", "1.2.3", "12a", ",", "1."] {
            assert_eq!(number_syllables(text), None, "{text}");
        }
    }
}
