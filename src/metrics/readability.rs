//! Readability formulas, each a pure function of a document's counts, with
//! the published constants. A formula that is undefined for the counts (no
//! words, no sentences) gives `None`, which reports show as an empty cell.
//!
//! Notation: W words, S sentences, Y syllables, L letters, C letters and
//! digits, P polysyllables (3+ syllables), X Gunning complex words, G long
//! words (7+ letters), M monosyllables, N mini-words (1–3 letters), D
//! Dale–Chall difficult words, U distinct Spache-unfamiliar words.

use crate::counts::Counts;

/// Words per sentence, W/S.
pub fn words_per_sentence(c: &Counts) -> Option<f64> {
    ratio(c.words, c.sentences)
}

/// Syllables per word, Y/W.
pub fn syllables_per_word(c: &Counts) -> Option<f64> {
    ratio(c.syllables, c.words)
}

/// Letters per word, L/W.
pub fn letters_per_word(c: &Counts) -> Option<f64> {
    ratio(c.letters, c.words)
}

/// `part / whole`, or `None` when `whole` is zero.
fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// `100 × part / whole`: a percentage of the words.
fn percent(part: usize, whole: usize) -> Option<f64> {
    ratio(part, whole).map(|r| 100.0 * r)
}

/// Flesch Reading Ease (Flesch 1948, "A new readability yardstick", J. Appl.
/// Psych. 32): 206.835 − 1.015 W/S − 84.6 Y/W. 0–100, higher is easier
/// (60–70 plain English; below 30 very difficult).
pub fn flesch_reading_ease(c: &Counts) -> Option<f64> {
    Some(206.835 - 1.015 * words_per_sentence(c)? - 84.6 * syllables_per_word(c)?)
}

/// Flesch–Kincaid Grade Level (Kincaid, Fishburne, Rogers & Chissom 1975,
/// Navy research branch report 8-75): 0.39 W/S + 11.8 Y/W − 15.59. A US
/// school grade.
pub fn flesch_kincaid_grade(c: &Counts) -> Option<f64> {
    Some(0.39 * words_per_sentence(c)? + 11.8 * syllables_per_word(c)? - 15.59)
}

/// Gunning Fog index (Gunning 1952, *The Technique of Clear Writing*):
/// 0.4 (W/S + 100 X/W). A US school grade; 12 is a high-school senior.
pub fn gunning_fog(c: &Counts) -> Option<f64> {
    Some(0.4 * (words_per_sentence(c)? + percent(c.complex_words, c.words)?))
}

/// SMOG grade (McLaughlin 1969, "SMOG grading — a new readability formula",
/// J. Reading 12(8)), normalized to 30 sentences: 1.0430 √(P × 30/S) +
/// 3.1291. A US school grade. Defined on 30 sentences; see
/// [`smog_sample_too_short`].
pub fn smog(c: &Counts) -> Option<f64> {
    let per_30 = ratio(c.polysyllables * 30, c.sentences)?;
    Some(1.0430 * per_30.sqrt() + 3.1291)
}

/// Coleman–Liau index (Coleman & Liau 1975, "A computer readability formula
/// designed for machine scoring", J. Appl. Psych. 60(2)): 0.0588 L' −
/// 0.296 S' − 15.8, with L' letters and S' sentences per 100 words. A US
/// school grade.
pub fn coleman_liau(c: &Counts) -> Option<f64> {
    let letters_per_100 = percent(c.letters, c.words)?;
    let sentences_per_100 = percent(c.sentences, c.words)?;
    Some(0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8)
}

/// Automated Readability Index (Senter & Smith 1967, AMRL-TR-66-220; the
/// constants as in Kincaid et al. 1975): 4.71 C/W + 0.5 W/S − 21.43, with C
/// letters and digits. A US school grade.
pub fn ari(c: &Counts) -> Option<f64> {
    Some(4.71 * ratio(c.letters_and_digits, c.words)? + 0.5 * words_per_sentence(c)? - 21.43)
}

/// Coleman–Liau grade by the original two-step regression (Coleman & Liau
/// 1975): first the predicted cloze percentage CP = 141.8401 −
/// 0.214590 L' + 1.079812 S', then grade = −27.4004 CP/100 + 23.06395.
/// The one-step [`coleman_liau`] simplifies this.
pub fn coleman_liau_grade(c: &Counts) -> Option<f64> {
    let cloze = coleman_liau_cloze(c)?;
    Some(-27.4004 * cloze / 100.0 + 23.06395)
}

/// The cloze percentage Coleman & Liau (1975) predict: 141.8401 − 0.214590
/// L' + 1.079812 S' (L' letters, S' sentences per 100 words). Higher is easier.
pub fn coleman_liau_cloze(c: &Counts) -> Option<f64> {
    let letters_per_100 = percent(c.letters, c.words)?;
    let sentences_per_100 = percent(c.sentences, c.words)?;
    Some(141.8401 - 0.214590 * letters_per_100 + 1.079812 * sentences_per_100)
}

/// Powers–Sumner–Kearl grade (Powers, Sumner & Kearl 1958, "A recalculation
/// of four adult readability formulas", J. Educ. Psych. 49(2)), their
/// recalculation of Flesch: 0.0778 W/S + 0.0455 × 100 Y/W − 2.2029. Meant
/// for primary-school texts.
pub fn powers_sumner_kearl(c: &Counts) -> Option<f64> {
    Some(0.0778 * words_per_sentence(c)? + 0.0455 * percent(c.syllables, c.words)? - 2.2029)
}

/// Dale–Chall score (Dale & Chall 1948, Educ. Res. Bull. 27; word list as
/// revised by Chall & Dale 1995): 0.1579 × 100 D/W + 0.0496 W/S, plus
/// 3.6365 when difficult words are more than 5% of the words. Read with
/// [`dale_chall_grade`].
pub fn dale_chall(c: &Counts) -> Option<f64> {
    let difficult = percent(c.difficult_words, c.words)?;
    let adjustment = if difficult > 5.0 { 3.6365 } else { 0.0 };
    Some(0.1579 * difficult + 0.0496 * words_per_sentence(c)? + adjustment)
}

/// A band of US school grades, as the Dale–Chall table gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GradeBand {
    /// The lowest grade of the band; `None` for "4 and below".
    pub low: Option<u8>,
    /// The highest grade of the band; `None` for "16 and above".
    pub high: Option<u8>,
}

impl GradeBand {
    /// The band in words: `4 and below`, `5 to 6`, …, `16 and above`. Never
    /// `11-12`, which spreadsheets read as a date.
    pub fn label(self) -> String {
        match (self.low, self.high) {
            (Some(low), Some(high)) => format!("{low} to {high}"),
            (None, Some(high)) => format!("{high} and below"),
            (Some(low), None) => format!("{low} and above"),
            (None, None) => String::new(),
        }
    }
}

/// The grade band of a Dale–Chall score, from the published correction
/// table (Dale & Chall 1948): below 5.0 grade 4 and below, 5.0–5.9 grades
/// 5–6, 6.0–6.9 grades 7–8, 7.0–7.9 grades 9–10, 8.0–8.9 grades 11–12,
/// 9.0–9.9 grades 13–15 (college), 10 and above grade 16 and above.
pub fn dale_chall_grade(score: f64) -> GradeBand {
    const BANDS: [(f64, Option<u8>, u8); 6] = [
        (5.0, None, 4),
        (6.0, Some(5), 6),
        (7.0, Some(7), 8),
        (8.0, Some(9), 10),
        (9.0, Some(11), 12),
        (10.0, Some(13), 15),
    ];
    BANDS.iter().find(|(below, _, _)| score < *below).map_or(
        GradeBand {
            low: Some(16),
            high: None,
        },
        |&(_, low, high)| GradeBand {
            low,
            high: Some(high),
        },
    )
}

/// Revised Spache formula (Spache 1974, *Good Reading for Poor Readers*):
/// 0.121 W/S + 0.082 × 100 U/W + 0.659, U counting each unfamiliar word
/// once. A school grade, meant for texts of grades 1–3.
pub fn spache(c: &Counts) -> Option<f64> {
    let unfamiliar = percent(c.spache_unfamiliar_distinct, c.words)?;
    Some(0.121 * words_per_sentence(c)? + 0.082 * unfamiliar + 0.659)
}

/// Linsear Write (O'Hayre 1966, *Gobbledygook Has Gotta Go*, US Bureau of
/// Land Management): r = (easy + 3 × hard) / S, easy words having 1–2
/// syllables and hard ones 3 or more; grade r/2 if r > 20, else (r − 2)/2.
/// Defined on a 100-word sample; here on the whole text, scaled alike.
pub fn linsear_write(c: &Counts) -> Option<f64> {
    let easy = c.words - c.polysyllables;
    let r = ratio(easy + 3 * c.polysyllables, c.sentences)?;
    Some(if r > 20.0 { r / 2.0 } else { (r - 2.0) / 2.0 })
}

/// LIX, läsbarhetsindex (Björnsson 1968, *Läsbarhet*): W/S + 100 G/W, G the
/// words of more than six letters. Below 30 very easy, above 60 very hard.
pub fn lix(c: &Counts) -> Option<f64> {
    Some(words_per_sentence(c)? + percent(c.long_words, c.words)?)
}

/// RIX (Anderson 1983, "Lix and Rix", J. Reading 26(6)): G/S, long words
/// per sentence.
pub fn rix(c: &Counts) -> Option<f64> {
    ratio(c.long_words, c.sentences)
}

/// FORCAST (Caylor, Sticht, Fox & Ford 1973, HumRRO): 20 − M'/10, with M'
/// the monosyllables per 150 words. A US school grade; it ignores sentences.
pub fn forcast(c: &Counts) -> Option<f64> {
    Some(20.0 - ratio(c.monosyllables * 150, c.words)? / 10.0)
}

/// McAlpine EFLAW (McAlpine 2006, *From Plain English to Global English*):
/// (W + N)/S, N the mini-words of 1–3 letters. Up to 20 very easy, above 29
/// confusing for readers of English as a foreign language.
pub fn mcalpine_eflaw(c: &Counts) -> Option<f64> {
    ratio(c.words + c.mini_words, c.sentences)
}

/// Wiener Sachtextformel, first form (Bamberger & Vanecek 1984, *Lesen —
/// Verstehen — Lernen — Schreiben*): 0.1935 MS + 0.1672 SL + 0.1297 IW −
/// 0.0327 ES − 0.875, with MS the % of words of 3+ syllables, SL W/S, IW
/// the % of words of 7+ letters, ES the % of one-syllable words. A German
/// school grade (4–15), calibrated on German text.
pub fn wiener_sachtextformel_1(c: &Counts) -> Option<f64> {
    let ms = percent(c.polysyllables, c.words)?;
    let iw = percent(c.long_words, c.words)?;
    let es = percent(c.monosyllables, c.words)?;
    Some(0.1935 * ms + 0.1672 * words_per_sentence(c)? + 0.1297 * iw - 0.0327 * es - 0.875)
}

/// Wiener Sachtextformel, second form (Bamberger & Vanecek 1984): 0.2007
/// MS + 0.1682 SL + 0.1373 IW − 2.779 (no monosyllable term).
pub fn wiener_sachtextformel_2(c: &Counts) -> Option<f64> {
    let ms = percent(c.polysyllables, c.words)?;
    let iw = percent(c.long_words, c.words)?;
    Some(0.2007 * ms + 0.1682 * words_per_sentence(c)? + 0.1373 * iw - 2.779)
}

/// Wiener Sachtextformel, third form (Bamberger & Vanecek 1984): 0.2963
/// MS + 0.1905 SL − 1.1144.
pub fn wiener_sachtextformel_3(c: &Counts) -> Option<f64> {
    Some(0.2963 * percent(c.polysyllables, c.words)? + 0.1905 * words_per_sentence(c)? - 1.1144)
}

/// Wiener Sachtextformel, fourth form (Bamberger & Vanecek 1984), for
/// school texts: 0.2744 MS + 0.2656 SL − 1.693.
pub fn wiener_sachtextformel_4(c: &Counts) -> Option<f64> {
    Some(0.2744 * percent(c.polysyllables, c.words)? + 0.2656 * words_per_sentence(c)? - 1.693)
}

/// Consensus grade: the median of the US grade-level measures
/// (Flesch–Kincaid, Gunning Fog, SMOG, Coleman–Liau, ARI, Linsear Write,
/// FORCAST), clamped to 0–20 (kindergarten to doctoral). `None` when none
/// is defined.
pub fn consensus_grade(c: &Counts) -> Option<f64> {
    let grades = [
        flesch_kincaid_grade,
        gunning_fog,
        smog,
        coleman_liau,
        ari,
        linsear_write,
        forcast,
    ];
    let mut defined: Vec<f64> = grades.iter().filter_map(|grade| grade(c)).collect();
    median(&mut defined).map(|m| m.clamp(0.0, 20.0))
}

fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

/// Minutes to read the words silently at 238 words a minute, the mean for
/// non-fiction in English (Brysbaert 2019, J. Memory and Language 109).
pub fn reading_time_minutes(c: &Counts) -> f64 {
    c.words as f64 / 238.0
}

/// Sentences SMOG is defined on (McLaughlin 1969: ten from the start, ten
/// from the middle, ten from the end).
pub const SMOG_SAMPLE_SENTENCES: usize = 30;
/// Words of the sample Linsear Write, Spache, Dale–Chall and Fry-style
/// measures are defined on.
pub const WORD_SAMPLE: usize = 100;
/// Words of the sample FORCAST is defined on (Caylor et al. 1973).
pub const FORCAST_SAMPLE_WORDS: usize = 150;

/// True when the text has fewer sentences than SMOG's 30-sentence sample,
/// so the normalization to 30 sentences extrapolates.
pub fn smog_sample_too_short(c: &Counts) -> bool {
    c.sentences < SMOG_SAMPLE_SENTENCES
}

/// True when the text has fewer words than the 100-word sample of Linsear
/// Write, Dale–Chall and Spache, so their percentages rest on too little text.
pub fn word_sample_too_short(c: &Counts) -> bool {
    c.words < WORD_SAMPLE
}

/// True when the text has fewer words than FORCAST's 150-word sample.
pub fn forcast_sample_too_short(c: &Counts) -> bool {
    c.words < FORCAST_SAMPLE_WORDS
}

#[cfg(test)]
mod tests;
