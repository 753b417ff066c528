//! Lexical diversity of one document: how varied its vocabulary is, as the
//! published measures define it, so that pieces of different lengths can be
//! compared in the report beside their readability.
//!
//! Nothing here sees text. A document arrives as its word tokens in order,
//! each replaced by a type id (one id per distinct lowercased word, ids dense
//! in `0..V`), and/or as the frequency of each type. Every measure is a small
//! pure function; a measure that is undefined for the input (no tokens, a
//! text shorter than the measure's window or sample) gives `None`, which the
//! reports show as an empty cell.
//!
//! Notation: N tokens, V types, V(m, N) the number of types occurring
//! exactly m times, f_t the frequency of type t.
//!
//! | measure | definition | source |
//! | --- | --- | --- |
//! | TTR | V / N | Templin 1957 |
//! | Root TTR (R) | V / √N | Guiraud 1954 |
//! | Herdan's C | log V / log N | Herdan 1960 |
//! | Maas a² | (lg N − lg V) / (lg N)², base-10 logs | Maas 1972 |
//! | MATTR | mean TTR of every window of w consecutive tokens | Covington & McFall 2010 |
//! | MTLD | N / factors, mean of a forward and a backward pass | McCarthy & Jarvis 2010 |
//! | HD-D | Σ_t P(t drawn in 42 tokens) / 42 | McCarthy & Jarvis 2007 |
//! | Yule's K | 10⁴ (Σ_m m² V(m, N) − N) / N² | Yule 1944 |
//!
//! References: Templin, M. C. (1957), *Certain Language Skills in Children*,
//! University of Minnesota Press. Guiraud, P. (1954), *Les caractères
//! statistiques du vocabulaire*, Presses Universitaires de France. Herdan,
//! G. (1960), *Type-Token Mathematics*, Mouton. Maas, H.-D. (1972), "Über den
//! Zusammenhang zwischen Wortschatzumfang und Länge eines Textes", Zeitschrift
//! für Literaturwissenschaft und Linguistik 2(8), 73–96. Covington, M. A. &
//! McFall, J. D. (2010), "Cutting the Gordian knot: the moving-average
//! type–token ratio (MATTR)", J. Quantitative Linguistics 17(2), 94–100.
//! McCarthy, P. M. & Jarvis, S. (2007), "vocd: a theoretical and empirical
//! evaluation", Language Testing 24(4), 459–488. McCarthy, P. M. & Jarvis, S.
//! (2010), "MTLD, vocd-D, and HD-D: a validation study of sophisticated
//! approaches to lexical diversity assessment", Behavior Research Methods
//! 42(2), 381–392. Yule, G. U. (1944), *The Statistical Study of Literary
//! Vocabulary*, Cambridge University Press.
//!
//! Cost: [`Diversity::of`] is linear in N (MATTR and MTLD are single passes
//! over a count array sized to the largest id + 1; HD-D is 42 steps per type).

/// Default MATTR window, 50 tokens. Covington & McFall (2010) leave the window
/// size to the analyst; 50 is the window of the TAALED tool and of Zenker &
/// Kyle (2021, Assessing Writing 47), who found MATTR-50 stable from texts
/// of 50 tokens, short enough for op-eds and briefs.
pub const MATTR_WINDOW: usize = 50;

/// MTLD factor threshold, 0.72 (McCarthy & Jarvis 2010): a factor is a run of
/// tokens whose running TTR has come down to this value.
pub const MTLD_THRESHOLD: f64 = 0.72;

/// HD-D sample size, 42 tokens (McCarthy & Jarvis 2007): the middle of the
/// 35–50-token samples vocd-D draws, HD-D being vocd-D computed exactly.
pub const HDD_DRAWS: u64 = 42;

/// Every lexical diversity measure of one document; `None` where a measure
/// is undefined for it (see each function).
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Diversity {
    /// Type–token ratio, [`ttr`].
    pub ttr: Option<f64>,
    /// Guiraud's root TTR, [`root_ttr`].
    pub root_ttr: Option<f64>,
    /// Herdan's C, [`herdan_c`].
    pub herdan_c: Option<f64>,
    /// Maas a², [`maas_a2`] (lower is more diverse).
    pub maas_a2: Option<f64>,
    /// Moving-average TTR, [`mattr`].
    pub mattr: Option<f64>,
    /// Measure of textual lexical diversity, [`mtld`].
    pub mtld: Option<f64>,
    /// Hypergeometric diversity, [`hdd`].
    pub hdd: Option<f64>,
    /// Yule's characteristic K, [`yules_k`] (lower is more diverse).
    pub yules_k: Option<f64>,
}

/// A document's words as type ids (dense from 0), read in order or
/// backwards: a slice, or a sequence too long to keep in memory (see
/// `analysis::token_log`).
pub trait TokenSequence {
    /// Tokens: N.
    fn token_count(&self) -> usize;
    /// The tokens, first to last.
    fn forward(&self) -> impl Iterator<Item = u32> + '_;
    /// The tokens, last to first.
    fn backward(&self) -> impl Iterator<Item = u32> + '_;
}

impl TokenSequence for [u32] {
    fn token_count(&self) -> usize {
        self.len()
    }

    fn forward(&self) -> impl Iterator<Item = u32> + '_ {
        self.iter().copied()
    }

    fn backward(&self) -> impl Iterator<Item = u32> + '_ {
        self.iter().rev().copied()
    }
}

impl Diversity {
    /// Every measure of the document whose tokens are `tokens` (type ids,
    /// dense from 0), with MATTR over windows of `mattr_window` tokens
    /// (normally [`MATTR_WINDOW`]). The type frequencies are counted once
    /// here and shared by the measures that need them.
    pub fn of(tokens: &(impl TokenSequence + ?Sized), mattr_window: usize) -> Self {
        let frequencies = frequencies(tokens);
        let types = frequencies.iter().filter(|&&f| f > 0).count();
        let n = tokens.token_count();
        Diversity {
            ttr: ttr(types, n),
            root_ttr: root_ttr(types, n),
            herdan_c: herdan_c(types, n),
            maas_a2: maas_a2(types, n),
            mattr: mattr_of(tokens, frequencies.len(), mattr_window),
            mtld: mtld_of(tokens, frequencies.len()),
            hdd: hdd(&frequencies, n as u64),
            yules_k: yules_k(&frequencies, n as u64),
        }
    }
}

/// The frequency of each type id, indexed by id (length: largest id + 1,
/// so V for dense ids).
fn frequencies(tokens: &(impl TokenSequence + ?Sized)) -> Vec<u32> {
    let mut counts = Vec::new();
    for t in tokens.forward() {
        let t = t as usize;
        if t >= counts.len() {
            counts.resize(t + 1, 0);
        }
        counts[t] += 1;
    }
    counts
}

/// The largest type id in `tokens` + 1 (0 for no tokens): the size of an
/// array indexed by id. Ids are dense, so this is V.
fn id_bound(tokens: &[u32]) -> usize {
    tokens.iter().max().map_or(0, |&max| max as usize + 1)
}

/// Type–token ratio (Templin 1957): V / N, from 0 (exclusive) to 1. Falls as
/// a text grows, so compare it only between texts of similar length. `None`
/// for no tokens. Expects 1 ≤ V ≤ N.
pub fn ttr(types: usize, tokens: usize) -> Option<f64> {
    debug_assert!(types <= tokens);
    (tokens > 0).then(|| types as f64 / tokens as f64)
}

/// Guiraud's root TTR, R (Guiraud 1954): V / √N. `None` for no tokens.
pub fn root_ttr(types: usize, tokens: usize) -> Option<f64> {
    debug_assert!(types <= tokens);
    (tokens > 0).then(|| types as f64 / (tokens as f64).sqrt())
}

/// Herdan's C, or LogTTR (Herdan 1960): log V / log N. A ratio of two
/// logarithms, so the same in every base (natural logs here). `None` for
/// N ≤ 1 (log N = 0) and for no types.
pub fn herdan_c(types: usize, tokens: usize) -> Option<f64> {
    debug_assert!(types <= tokens);
    (tokens > 1 && types > 0).then(|| (types as f64).ln() / (tokens as f64).ln())
}

/// Maas a² (Maas 1972): (lg N − lg V) / (lg N)², with base-10 logarithms.
/// Lower is more diverse; 0 when every token is a different word.
///
/// Unlike Herdan's C, a² depends on the base: with natural logarithms every
/// value is divided by ln 10 ≈ 2.3026. Maas wrote the formula with `lg`, the
/// decimal logarithm, and quanteda's `textstat_lexdiv` (`log.base = 10` by
/// default), koRpus's `lex.div` (`log.base = 10`) and TAALED all compute it
/// in base 10. quanteda's `Maas` column is a = √a², the square root of this
/// value; koRpus reports a² as here. (The Python `lexicalrichness` package
/// uses natural logarithms: divide by ln 10 there.)
/// `None` for N ≤ 1 (log N = 0) and for no types.
pub fn maas_a2(types: usize, tokens: usize) -> Option<f64> {
    debug_assert!(types <= tokens);
    if tokens < 2 || types == 0 {
        return None;
    }
    let lg_n = (tokens as f64).log10();
    Some((lg_n - (types as f64).log10()) / (lg_n * lg_n))
}

/// Moving-average type–token ratio (Covington & McFall 2010): the mean TTR of
/// every window of `window` consecutive tokens (tokens 1–w, 2–(w+1), …,
/// (N−w+1)–N), which does not fall with text length as TTR does.
///
/// Covington & McFall define MATTR over full windows only, so it is `None`
/// when the text has fewer tokens than `window` (and for a zero window);
/// some tools fall back to plain TTR there, which is a different measure.
/// One pass: a count per type id, and the distinct count updated as each
/// token enters and leaves the window.
pub fn mattr(tokens: &[u32], window: usize) -> Option<f64> {
    mattr_of(tokens, id_bound(tokens), window)
}

/// [`mattr`] of any token sequence whose ids are below `id_bound`: the
/// tokens entering the window and those leaving it are two forward reads.
fn mattr_of(tokens: &(impl TokenSequence + ?Sized), id_bound: usize, window: usize) -> Option<f64> {
    let n = tokens.token_count();
    if window == 0 || n < window {
        return None;
    }
    let mut counts = vec![0u32; id_bound];
    let mut distinct = 0u64;
    let mut entering = tokens.forward();
    for t in entering.by_ref().take(window) {
        distinct += enter(&mut counts, t);
    }
    let mut distinct_sum = u128::from(distinct);
    for (entering, leaving) in entering.zip(tokens.forward()) {
        distinct += enter(&mut counts, entering);
        distinct -= leave(&mut counts, leaving);
        distinct_sum += u128::from(distinct);
    }
    let windows = (n - window + 1) as f64;
    Some(distinct_sum as f64 / (window as f64 * windows))
}

/// Counts token `t` into the window; 1 if it is new to the window.
fn enter(counts: &mut [u32], t: u32) -> u64 {
    let count = &mut counts[t as usize];
    *count += 1;
    u64::from(*count == 1)
}

/// Counts token `t` out of the window; 1 if it was its last occurrence.
fn leave(counts: &mut [u32], t: u32) -> u64 {
    let count = &mut counts[t as usize];
    *count -= 1;
    u64::from(*count == 0)
}

/// Measure of textual lexical diversity (McCarthy & Jarvis 2010): the mean
/// length of the runs of tokens ("factors") over which the running TTR stays
/// above [`MTLD_THRESHOLD`], computed forward and backward and averaged.
///
/// Each pass reads the tokens in order, keeping the TTR of the current
/// factor. Following the paper ("when the default TTR factor size value is
/// reached … the factor count increases by a value of 1, and the TTR
/// evaluations are reset"), a factor closes as soon as its TTR is at or below
/// 0.72 (`<=`); koRpus and Kyle's `lexical_diversity`/TAALED close it only
/// below 0.72 (`<`), which differs only when a factor's TTR hits 0.72
/// exactly (18 types in 25 tokens, 36 in 50, …). As in the paper a factor has
/// no minimum length (TAALED's 10-token minimum is its own addition). The
/// tokens left at the end form a partial factor worth (1 − TTR) / (1 − 0.72),
/// where TTR is theirs; none are left if the last factor closed on the last
/// token. A pass's value is N / (full factors + partial factor), and MTLD is
/// the mean of the forward and backward values (not N over the mean count).
///
/// Short texts: the paper's quotient is defined for any text with a repeated
/// word, however short (a short text is mostly one partial factor), so MTLD
/// is given for them; McCarthy & Jarvis validated it on texts of 100–2,000
/// words, so read values for shorter texts with care. With no repeated word
/// (no tokens, or every token a new type) the TTR never leaves 1, the factor
/// count is 0, the quotient is undefined, and MTLD is `None`.
pub fn mtld(tokens: &[u32]) -> Option<f64> {
    mtld_of(tokens, id_bound(tokens))
}

/// [`mtld`] of any token sequence whose ids are below `id_bound`.
fn mtld_of(tokens: &(impl TokenSequence + ?Sized), id_bound: usize) -> Option<f64> {
    let mut factor_of = vec![0usize; id_bound];
    let forward = mtld_factors(tokens.forward(), &mut factor_of);
    factor_of.fill(0);
    let backward = mtld_factors(tokens.backward(), &mut factor_of);
    if forward <= 0.0 || backward <= 0.0 {
        return None;
    }
    let n = tokens.token_count() as f64;
    Some((n / forward + n / backward) / 2.0)
}

/// One MTLD pass: full factors plus the partial factor at the end.
/// `factor_of[t]` is the number (from 1) of the factor in which type `t` was
/// last seen, so that closing a factor costs nothing: the next one has a new
/// number. All zeros on entry.
fn mtld_factors(tokens: impl Iterator<Item = u32>, factor_of: &mut [usize]) -> f64 {
    let (mut factor, mut full) = (1usize, 0usize);
    let (mut types, mut length) = (0usize, 0usize);
    for t in tokens {
        let seen = &mut factor_of[t as usize];
        if *seen != factor {
            *seen = factor;
            types += 1;
        }
        length += 1;
        if types as f64 / length as f64 <= MTLD_THRESHOLD {
            full += 1;
            factor += 1;
            (types, length) = (0, 0);
        }
    }
    let mut factors = full as f64;
    if length > 0 {
        factors += (1.0 - types as f64 / length as f64) / (1.0 - MTLD_THRESHOLD);
    }
    factors
}

/// HD-D (McCarthy & Jarvis 2007), vocd-D computed exactly: the expected TTR
/// of a random sample of [`HDD_DRAWS`] = 42 tokens drawn without replacement.
/// `frequencies` holds each type's count (any order; zeros are ignored) and
/// `tokens` is N, their sum.
///
/// For a type of frequency f, the chance that a 42-token sample misses it
/// is hypergeometric: P(X = 0) = C(N − f, 42) / C(N, 42) = ∏_{i=0}^{41}
/// (N − f − i) / (N − i), zero when N − f < 42. HD-D = Σ_types (1 − P(X =
/// 0)) / 42, from 0 to 1, on the TTR scale: McCarthy & Jarvis (2007, pp.
/// 465–466) give each type's contribution to the sample's TTR as its
/// probability × 1/42. This is the value lexicalrichness and TAALED report;
/// koRpus reports the undivided sum (0–42, the expected number of types in
/// the sample) as "HD-D" and this value as "ATTR": multiply by 42 to compare.
/// The product is taken as a sum of `ln_1p` terms and `1 − P` as `-expm1`,
/// so that rare types in long texts (P close to 1) lose no precision.
/// `None` when N < 42: no 42-token sample exists.
pub fn hdd(frequencies: &[u32], tokens: u64) -> Option<f64> {
    debug_assert_eq!(
        frequencies.iter().map(|&f| u64::from(f)).sum::<u64>(),
        tokens
    );
    if tokens < HDD_DRAWS {
        return None;
    }
    // Types of the same frequency have the same probability: compute it
    // once a frequency (a text has few distinct frequencies), smallest first.
    let mut spectrum: Vec<u32> = frequencies.iter().copied().filter(|&f| f > 0).collect();
    spectrum.sort_unstable();
    let drawn: f64 = spectrum
        .chunk_by(|a, b| a == b)
        .map(|same| same.len() as f64 * probability_drawn(u64::from(same[0]), tokens))
        .sum();
    Some(drawn / HDD_DRAWS as f64)
}

/// The probability that a type of frequency `f`, in a text of `n` ≥ 42
/// tokens, occurs at least once in a random sample of 42 of them.
fn probability_drawn(f: u64, n: u64) -> f64 {
    if n.saturating_sub(f) < HDD_DRAWS {
        return 1.0;
    }
    // ln P(X = 0) = Σ ln((n − f − i) / (n − i)) = Σ ln(1 − f / (n − i)).
    let ln_missed: f64 = (0..HDD_DRAWS)
        .map(|i| (-(f as f64) / (n - i) as f64).ln_1p())
        .sum();
    -ln_missed.exp_m1()
}

/// Yule's characteristic K (Yule 1944): 10⁴ × (Σ_m m² V(m, N) − N) / N², where
/// Σ_m m² V(m, N) = Σ_types f². The chance, × 10⁴, that two tokens drawn
/// with replacement are the same word, less the 1/N of drawing the same
/// token; independent of length for a text drawn at random from one
/// vocabulary. Lower is more diverse; 0 when every token is a new word.
/// Identical to quanteda's `K` (Tweedie & Baayen 1998, eq. 16).
/// `frequencies` as for [`hdd`]. `None` for no tokens.
pub fn yules_k(frequencies: &[u32], tokens: u64) -> Option<f64> {
    debug_assert_eq!(
        frequencies.iter().map(|&f| u64::from(f)).sum::<u64>(),
        tokens
    );
    if tokens == 0 {
        return None;
    }
    let squares: u128 = frequencies.iter().map(|&f| u128::from(f).pow(2)).sum();
    let n = tokens as f64;
    Some(1e4 * (squares - u128::from(tokens)) as f64 / (n * n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// "the cat saw the dog, the cat": ids the=0, cat=1, saw=2, … The
    /// running example: N = 6, V = 3, frequencies 3, 2, 1.
    const SAMPLE: [u32; 6] = [0, 1, 0, 2, 1, 0];

    fn close(actual: Option<f64>, expected: f64) {
        let actual = actual.expect("a value");
        assert!(
            (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
            "{actual} != {expected}"
        );
    }

    #[test]
    fn ttr_is_types_over_tokens() {
        // 3 / 6.
        close(ttr(3, 6), 0.5);
        close(ttr(1, 1), 1.0);
    }

    #[test]
    fn root_ttr_is_types_over_root_tokens() {
        // 3 / √6 = 3 / 2.449490 = 1.224745; 10 / √100 = 1.
        close(root_ttr(3, 6), 1.224_744_871_391_589);
        close(root_ttr(10, 100), 1.0);
    }

    #[test]
    fn herdan_c_is_a_ratio_of_logs_in_any_base() {
        // ln 3 / ln 6 = 1.098612 / 1.791759 = 0.613147; lg 10 / lg 100 = 1/2.
        close(herdan_c(3, 6), 0.613_147_192_765_458_5);
        close(herdan_c(10, 100), 0.5);
        close(herdan_c(3, 6), 3f64.log10() / 6f64.log10());
    }

    #[test]
    fn maas_uses_decimal_logarithms() {
        // (lg 6 − lg 3) / (lg 6)² = lg 2 / (lg 6)² = 0.301030 / 0.605519
        // = 0.497143. With natural logs it would be ln 2 / (ln 6)² = 0.693147
        // / 3.210402 = 0.215907, smaller by the factor ln 10.
        close(maas_a2(3, 6), 0.497_143_462_847_120_9);
        let natural = maas_a2(3, 6).map(|a2| a2 / std::f64::consts::LN_10);
        close(natural, 0.215_906_662_628_778_9);
        // (lg 100 − lg 10) / (lg 100)² = 1 / 4; all tokens distinct gives 0.
        close(maas_a2(10, 100), 0.25);
        close(maas_a2(7, 7), 0.0);
    }

    #[test]
    fn maas_squared_is_quantedas_maas_column_squared() {
        // quanteda's `Maas` column: a = sqrt((log N − log V) / (log N)²),
        // log.base = 10 by default; a² is its square.
        let (n, v) = (1234f64, 567f64);
        let quanteda_a = ((n.log10() - v.log10()) / n.log10().powi(2)).sqrt();
        close(maas_a2(567, 1234), quanteda_a * quanteda_a);
    }

    #[test]
    fn count_measures_are_undefined_without_tokens() {
        assert_eq!(ttr(0, 0), None);
        assert_eq!(root_ttr(0, 0), None);
        assert_eq!(herdan_c(0, 0), None);
        assert_eq!(maas_a2(0, 0), None);
    }

    #[test]
    fn log_measures_are_undefined_for_one_token() {
        // log 1 = 0 in the denominator.
        assert_eq!(herdan_c(1, 1), None);
        assert_eq!(maas_a2(1, 1), None);
        close(ttr(1, 1), 1.0);
        close(root_ttr(1, 1), 1.0);
    }

    #[test]
    fn mattr_by_hand() {
        // Windows of 3 over 0 1 0 2 1 0: {0,1}, {1,0,2}, {0,2,1}, {2,1,0}
        // → 2 + 3 + 3 + 3 = 11 types over 4 windows of 3 = 11/12.
        close(mattr(&SAMPLE, 3), 11.0 / 12.0);
        // Windows of 2: 01 10 02 21 10 all have 2 types → 1.
        close(mattr(&SAMPLE, 2), 1.0);
        // Windows of 1 always have 1 type.
        close(mattr(&SAMPLE, 1), 1.0);
    }

    #[test]
    fn mattr_with_one_window_is_ttr() {
        close(mattr(&SAMPLE, SAMPLE.len()), 0.5);
        let tokens = [4, 4, 1, 0, 3, 2, 1, 4];
        close(mattr(&tokens, tokens.len()), 5.0 / 8.0);
    }

    #[test]
    fn mattr_is_undefined_without_a_full_window() {
        assert_eq!(mattr(&SAMPLE, 7), None);
        assert_eq!(mattr(&[], 1), None);
        assert_eq!(mattr(&[], MATTR_WINDOW), None);
        assert_eq!(mattr(&SAMPLE, 0), None);
        let short: Vec<u32> = (0..49).collect();
        assert_eq!(mattr(&short, MATTR_WINDOW), None);
        let exact: Vec<u32> = (0..50).collect();
        close(mattr(&exact, MATTR_WINDOW), 1.0);
    }

    /// MATTR straight from its definition: the TTR of every window, averaged.
    fn brute_force_mattr(tokens: &[u32], window: usize) -> f64 {
        let ttrs: Vec<f64> = tokens
            .windows(window)
            .map(|w| w.iter().collect::<HashSet<_>>().len() as f64 / window as f64)
            .collect();
        ttrs.iter().sum::<f64>() / ttrs.len() as f64
    }

    /// Every sequence of `length` ids below `alphabet`, in counting order.
    fn all_sequences(alphabet: u32, length: usize) -> Vec<Vec<u32>> {
        let mut sequences = vec![vec![]];
        for _ in 0..length {
            sequences = sequences
                .iter()
                .flat_map(|s| (0..alphabet).map(move |t| [s.as_slice(), &[t]].concat()))
                .collect();
        }
        sequences
    }

    #[test]
    fn sliding_mattr_equals_the_mean_over_all_windows() {
        for length in 1..=7 {
            for tokens in all_sequences(3, length) {
                for window in 1..=length {
                    close(mattr(&tokens, window), brute_force_mattr(&tokens, window));
                }
            }
        }
        let long: Vec<u32> = (0..400u32).map(|i| (i * i + 3 * i) % 37).collect();
        for window in [1, 2, 10, 50, 399, 400] {
            close(mattr(&long, window), brute_force_mattr(&long, window));
        }
    }

    #[test]
    fn mtld_closes_a_factor_at_exactly_the_threshold() {
        // Ids 0..=17, then 0 seven times, then 18 19: N = 27.
        // Forward: after token 25 the factor has 18 types in 25 tokens, TTR
        // 0.72 exactly, and closes (`<=`). Then 18 19: TTR 1, partial
        // (1 − 1)/0.28 = 0. Factors 1 → 27 / 1 = 27.
        // Backward: 19 18 0 0 0 → TTRs 1 1 1 .75 .6: factor 1 (5 tokens);
        // 0 0 → .5: factor 2; 0 0 → .5: factor 3; then 17 16 … 1 0, all
        // distinct: partial 0. Factors 3 → 27 / 3 = 9.
        // MTLD = (27 + 9) / 2 = 18. Closing only below 0.72 (`<`) would
        // carry the forward factor on to 20 types in 27 tokens, partial
        // (1 − 20/27)/0.28 = 0.926, forward 29.16 and MTLD 19.08.
        let mut tokens: Vec<u32> = (0..18).collect();
        tokens.extend([0; 7]);
        tokens.extend([18, 19]);
        close(mtld(&tokens), 18.0);
    }

    #[test]
    fn mtld_counts_the_last_run_as_a_partial_factor() {
        // 0 0 1 2 3 4 1, N = 7.
        // Forward: 0 0 → TTR .5: factor 1. 1 2 3 4 1 → 1 1 1 1 .8: partial
        // (1 − .8)/(1 − .72) = .2/.28 = 5/7. Factors 12/7 → 7 / (12/7) = 49/12.
        // Backward: 1 4 3 2 1 0 0 → 1 1 1 1 .8 .833 5/7 = .714 ≤ .72: factor 1,
        // ending on the last token, so no partial factor. 7 / 1 = 7.
        // MTLD = (49/12 + 84/12) / 2 = 133/24 = 5.541667.
        close(mtld(&[0, 0, 1, 2, 3, 4, 1]), 133.0 / 24.0);
    }

    #[test]
    fn mtld_by_hand_on_the_sample() {
        // 0 1 0 2 1 0. Forward: 0 1 0 → 1 1 .667: factor 1; 2 1 0 → all new
        // in the new factor: partial 0. 6 / 1 = 6.
        // Backward: 0 1 2 0 1 → 1 1 1 .75 .6: factor 1; 0 → partial 0. 6.
        close(mtld(&SAMPLE), 6.0);
        // A text that is one partial factor: 0 1 2 0 → TTR .75 both ways,
        // partial .25/.28 = 25/28, MTLD 4 / (25/28) = 4.48.
        close(mtld(&[0, 1, 2, 0]), 4.48);
    }

    #[test]
    fn mtld_is_undefined_without_a_repeated_word() {
        assert_eq!(mtld(&[]), None);
        assert_eq!(mtld(&[7]), None);
        assert_eq!(mtld(&[0, 1, 2, 3]), None);
        close(mtld(&[0, 0]), 2.0);
    }

    /// MTLD straight from the paper: the TTR of each factor recomputed from
    /// its tokens at every step.
    fn brute_force_mtld(tokens: &[u32]) -> Option<f64> {
        let pass = |tokens: Vec<u32>| {
            let (mut factors, mut start) = (0.0, 0);
            for end in 1..=tokens.len() {
                let run = &tokens[start..end];
                let ttr = run.iter().collect::<HashSet<_>>().len() as f64 / run.len() as f64;
                if ttr <= MTLD_THRESHOLD {
                    (factors, start) = (factors + 1.0, end);
                } else if end == tokens.len() {
                    factors += (1.0 - ttr) / (1.0 - MTLD_THRESHOLD);
                }
            }
            tokens.len() as f64 / factors
        };
        let forward = pass(tokens.to_vec());
        let backward = pass(tokens.iter().rev().copied().collect());
        let mean = (forward + backward) / 2.0;
        mean.is_finite().then_some(mean)
    }

    #[test]
    fn single_pass_mtld_equals_the_definition() {
        for length in 0..=8 {
            for tokens in all_sequences(3, length) {
                match brute_force_mtld(&tokens) {
                    Some(expected) => close(mtld(&tokens), expected),
                    None => assert_eq!(mtld(&tokens), None, "{tokens:?}"),
                }
            }
        }
        let long: Vec<u32> = (0..2000u32).map(|i| (i * 7 + i / 13) % 211).collect();
        close(mtld(&long), brute_force_mtld(&long).unwrap());
    }

    #[test]
    fn hdd_of_42_distinct_tokens_is_one() {
        // N − f = 41 < 42 for every type: each is surely drawn. 42 / 42.
        let frequencies = [1u32; 42];
        close(hdd(&frequencies, 42), 1.0);
    }

    #[test]
    fn hdd_of_a_42_token_text_is_its_ttr() {
        // The only 42-token sample is the whole text.
        close(hdd(&[40, 2], 42), 2.0 / 42.0);
        close(hdd(&[10, 10, 10, 5, 5, 1, 1], 42), 7.0 / 42.0);
    }

    #[test]
    fn hdd_by_hand_for_a_mixed_text() {
        // N = 44, frequencies 2, 1, 41 (and a zero, ignored).
        // f = 2: P(miss) = C(42,42)/C(44,42) = 1/946, P(drawn) = 945/946.
        // f = 1: P(miss) = ∏ (43 − i)/(44 − i) = 2/44 = 43/946 → 903/946.
        // f = 41: N − f = 3 < 42: drawn surely, 946/946.
        // HD-D = (945 + 903 + 946) / 946 / 42 = 2794 / 39732 = 0.070321.
        close(hdd(&[2, 0, 1, 41], 44), 2794.0 / 39732.0);
        // N = 43, frequencies 1, 42: P(miss the singleton) = 1/43.
        // HD-D = (42/43 + 1) / 42 = 85/1806.
        close(hdd(&[1, 42], 43), 85.0 / 1806.0);
    }

    #[test]
    fn hdd_is_undefined_below_42_tokens() {
        assert_eq!(hdd(&[], 0), None);
        assert_eq!(hdd(&[1; 41], 41), None);
        assert_eq!(hdd(&[30, 11], 41), None);
    }

    #[test]
    fn hdd_loses_no_precision_for_rare_types_in_long_texts() {
        // One singleton in a million tokens: P(drawn) = 42 / 10⁶ exactly
        // (P(miss) telescopes to (N − 42)/N); the other type is surely drawn.
        let n = 1_000_000u64;
        let expected = (42.0 / n as f64 + 1.0) / 42.0;
        close(hdd(&[1, (n - 1) as u32], n), expected);
        assert!((probability_drawn(1, n) - 42e-6).abs() < 1e-18);
    }

    #[test]
    fn yules_k_by_hand() {
        // Frequencies 3, 2, 1: Σ f² = 9 + 4 + 1 = 14, N = 6.
        // K = 10⁴ (14 − 6) / 36 = 2222.22.
        close(yules_k(&[3, 2, 1], 6), 1e4 * 8.0 / 36.0);
        // quanteda: K = 10⁴ [−1/N + Σ_i V(i,N) (i/N)²]
        //             = 10⁴ [−1/6 + (3/6)² + (2/6)² + (1/6)²].
        let quanteda = 1e4 * (-1.0 / 6.0 + 0.25 + 4.0 / 36.0 + 1.0 / 36.0);
        close(yules_k(&[0, 1, 2, 0, 3], 6), quanteda);
        // Every token a new word: Σ f² = N, K = 0.
        close(yules_k(&[1; 9], 9), 0.0);
        close(yules_k(&[1], 1), 0.0);
    }

    #[test]
    fn yules_k_is_undefined_without_tokens() {
        assert_eq!(yules_k(&[], 0), None);
        assert_eq!(yules_k(&[0, 0], 0), None);
    }

    #[test]
    fn diversity_of_the_sample() {
        let d = Diversity::of(&SAMPLE[..], 3);
        close(d.ttr, 0.5);
        close(d.root_ttr, 3.0 / 6f64.sqrt());
        close(d.herdan_c, 3f64.ln() / 6f64.ln());
        close(d.maas_a2, 2f64.log10() / 6f64.log10().powi(2));
        close(d.mattr, 11.0 / 12.0);
        close(d.mtld, 6.0);
        assert_eq!(d.hdd, None);
        close(d.yules_k, 1e4 * 8.0 / 36.0);
    }

    #[test]
    fn diversity_of_nothing_is_empty() {
        assert_eq!(Diversity::of(&[][..], MATTR_WINDOW), Diversity::default());
        let one = Diversity::of(&[0][..], MATTR_WINDOW);
        close(one.ttr, 1.0);
        assert_eq!((one.herdan_c, one.maas_a2, one.mattr), (None, None, None));
        assert_eq!((one.mtld, one.hdd), (None, None));
        close(one.yules_k, 0.0);
    }

    #[test]
    fn diversity_of_a_million_tokens() {
        // 1,000 types in turn: every 50-token window has 50 types; each
        // type has f = 1000. Linear passes make this quick even unoptimized.
        let tokens: Vec<u32> = (0..1_000_000u32).map(|i| i % 1000).collect();
        let d = Diversity::of(&tokens[..], MATTR_WINDOW);
        close(d.ttr, 0.001);
        close(d.mattr, 1.0);
        // Forward and backward alike: factors of 1000 + 389 tokens (1000 /
        // 1389 = .71994 ≤ .72 < 1000/1388), the run's own period shifting.
        assert!(d.mtld.unwrap() > 1000.0 && d.mtld.unwrap() < 1400.0);
        // f = 1000 of 10⁶: P(miss) = ∏ (10⁶ − 1000 − i)/(10⁶ − i) = 0.958849
        // (about 0.999^42), so HD-D = 1000 × 0.041151 / 42 = 0.979790.
        assert!((d.hdd.unwrap() - 0.97979).abs() < 1e-5);
        // Σ f² = 1000 × 10⁶ = 10⁹: K = 10⁴ (10⁹ − 10⁶) / 10¹² = 9.99.
        close(d.yules_k, 9.99);
    }
}
