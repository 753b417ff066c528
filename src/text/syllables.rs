// PLACEHOLDER (lead's scratch, to be overwritten by the syllable-rules helper's file).
pub fn rule_syllables(word: &str) -> u32 {
    let w = word.to_lowercase();
    let mut count = 0;
    let mut prev = false;
    for c in w.chars() {
        let v = "aeiouy".contains(c);
        if v && !prev {
            count += 1;
        }
        prev = v;
    }
    if w.ends_with('e') && !w.ends_with("le") && count > 1 {
        count -= 1;
    }
    count.max(u32::from(w.chars().any(char::is_alphabetic)))
}
