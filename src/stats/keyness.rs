//! Keyness: is a term used more (or less) in a target than in a reference,
//! and by how much? A raw count cannot say, because the target and the
//! reference differ in size and chance alone moves small counts a lot. The
//! statistics here answer the two halves of that question for one term:
//!
//! - **significance**: the signed log-likelihood G² of Rayson & Garside
//!   (2000), "Comparing corpora using frequency profiling", Proc. Workshop on
//!   Comparing Corpora, ACL 2000, pp. 1–6, in the two-cell form computed by
//!   the UCREL log-likelihood wizard (<https://ucrel.lancs.ac.uk/llwizard.html>),
//!   with its p-value from the χ² distribution with one degree of freedom;
//! - **effect size**: Log Ratio, the binary log of the ratio of relative
//!   frequencies (Hardie 2014, "Log Ratio – an informal introduction", ESRC
//!   Centre for Corpus Approaches to Social Science (CASS), Lancaster
//!   University, 28 April 2014).
//!
//! Notation, as in Rayson & Garside's contingency table: `a` is the term's
//! count in the target (a document or a group), `b` its count in the
//! reference (the rest of the batch, or a reference corpus), `c` the number
//! of words in the target and `d` in the reference. Every function is pure;
//! counts are exact `u64` and the arithmetic is `f64`.

use std::cmp::Ordering;

/// The frequency that stands in for a zero count in [`log_ratio`]: the
/// adjustment Hardie (2014) recommends and CQPweb applies, also used by
/// Rayson's `SigEff.c` (Wmatrix), the program behind the UCREL wizard's
/// effect sizes.
const ZERO_ADJUSTMENT: f64 = 0.5;

/// The keyness statistics of one term in a target against a reference.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Keyness {
    /// E1 = c (a + b) / (c + d): the count the term would have in the target
    /// if it were used at the same rate in the target and in the reference.
    pub expected: f64,
    /// Signed log-likelihood G² (see [`log_likelihood`]): positive when the
    /// target over-uses the term, negative when it under-uses it.
    pub g2: f64,
    /// Log Ratio (see [`log_ratio`]): log₂ of the ratio of relative
    /// frequencies, target over reference; +1 is twice as frequent.
    pub log_ratio: f64,
    /// P(χ²₁ ≥ |G²|) (see [`p_value`]): the chance of a difference at least
    /// this large if the term were used at the same rate in both.
    pub p_value: f64,
}

/// All keyness statistics of one term: `a` occurrences in a target of `c`
/// words, `b` in a reference of `d` words.
///
/// `None` when either side has no words (`c == 0` or `d == 0`: there is no
/// rate to compare) or the term occurs in neither (`a + b == 0`: there is
/// nothing to test).
pub fn keyness(a: u64, b: u64, c: u64, d: u64) -> Option<Keyness> {
    if c == 0 || d == 0 || (a == 0 && b == 0) {
        return None;
    }
    let g2 = log_likelihood(a, b, c, d);
    Some(Keyness {
        expected: expected(a, b, c, d),
        g2,
        log_ratio: log_ratio(a, b, c, d),
        p_value: p_value(g2),
    })
}

/// The expected count of the term in the target, E1 = c (a + b) / (c + d)
/// (Rayson & Garside 2000): its total count shared out in proportion to the
/// two sizes. The reference's E2 is `expected(b, a, d, c)`. NaN when
/// `c + d == 0`.
pub fn expected(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    c * (a + b) / (c + d)
}

/// Signed log-likelihood G² of the term's counts (Rayson & Garside 2000, as
/// computed by the UCREL log-likelihood wizard):
///
/// G² = 2 (a ln(a/E1) + b ln(b/E2)), E1 = c (a+b)/(c+d), E2 = d (a+b)/(c+d),
///
/// where a term with a zero count contributes 0 (the limit of x ln x). The
/// sign gives the direction: negative when a/c < b/d (the target under-uses
/// the term), positive when a/c > b/d (over-use), exactly 0 when the two
/// rates are equal (decided exactly on the integers a·d and b·c). Swapping
/// target and reference negates the result exactly. NaN when `c == 0` or
/// `d == 0`.
///
/// This is the *two-cell* form: it sums over the term's own two cells of the
/// contingency table. Dunning (1993), "Accurate methods for the statistics
/// of surprise and coincidence", Computational Linguistics 19(1), 61–74,
/// sums over the full 2×2 table, adding the cells c − a and d − b (the other
/// words of each side). Those two cells add about G² · p/(1 − p), with
/// p = (a + b)/(c + d) the term's share of all words (second-order expansion
/// of x ln x): under 0.1% for a term at one word in a thousand, about 5%
/// only for the very commonest words (p ≈ 5%, like "the"). In practice the
/// two forms rank terms alike and cross the critical values together; the
/// two-cell form is kept so figures match the wizard and Wmatrix.
pub fn log_likelihood(a: u64, b: u64, c: u64, d: u64) -> f64 {
    if c == 0 || d == 0 {
        return f64::NAN;
    }
    let direction = (u128::from(a) * u128::from(d)).cmp(&(u128::from(b) * u128::from(c)));
    if direction == Ordering::Equal {
        return 0.0;
    }
    let (e1, e2) = (expected(a, b, c, d), expected(b, a, d, c));
    // Mathematically ≥ 0; rounding can leave a tiny negative when the rates
    // are nearly equal, which the wizard's program also clamps to 0.
    let g2 = (2.0 * (cell(a, e1) + cell(b, e2))).max(0.0);
    match direction {
        Ordering::Less => -g2,
        _ => g2,
    }
}

/// One cell's contribution O ln(O/E) to G², 0 for a zero count.
fn cell(observed: u64, expected: f64) -> f64 {
    if observed == 0 {
        return 0.0;
    }
    let observed = observed as f64;
    observed * (observed / expected).ln()
}

/// Log Ratio (Hardie 2014): log₂((a/c) / (b/d)), the binary log of the
/// ratio of the term's relative frequencies, target over reference. 0 means
/// the same rate, +1 twice as frequent in the target, +2 four times, −1 half
/// as frequent. Swapping target and reference negates it exactly.
///
/// Zero counts: a zero frequency cannot enter a ratio, so, following the
/// adjustment Hardie recommends, a count of zero is replaced by 0.5
/// *before* dividing by its side's size: b = 0 gives
/// log₂((a/c) / (0.5/d)), a = 0 gives log₂((0.5/c) / (b/d)). Each side is
/// adjusted on its own, exactly as Rayson's `SigEff.c` (behind the UCREL
/// wizard) does; non-zero counts are never changed. When the term occurs on
/// neither side (a = b = 0) there is no difference to measure and the result
/// is 0. NaN when `c == 0` or `d == 0`.
pub fn log_ratio(a: u64, b: u64, c: u64, d: u64) -> f64 {
    if c == 0 || d == 0 {
        return f64::NAN;
    }
    if a == 0 && b == 0 {
        return 0.0;
    }
    // A difference of logs, so that swapping the sides negates it exactly.
    (adjusted(a) / c as f64).log2() - (adjusted(b) / d as f64).log2()
}

/// A count as a frequency for [`log_ratio`], zero replaced by 0.5.
fn adjusted(count: u64) -> f64 {
    if count == 0 {
        ZERO_ADJUSTMENT
    } else {
        count as f64
    }
}

/// The p-value of a (signed) G²: P(χ²₁ ≥ |G²|), the upper tail of the χ²
/// distribution with one degree of freedom, which is erfc(√(|G²|/2)).
///
/// Computed with `libm::erfc`, which has small *relative* error right down
/// to the underflow of `f64` (about G² = 1,500), so very small p-values stay
/// accurate: G² = 500 gives about 9.5 × 10⁻¹¹¹. The wizard's critical values
/// 3.84, 6.63, 10.83 and 15.13 give p ≈ 0.05, 0.01, 0.001 and 0.0001. NaN
/// for a NaN G².
pub fn p_value(g2: f64) -> f64 {
    libm::erfc((g2.abs() / 2.0).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One million words: the corpus sizes assumed in Rayson's example.
    const MILLION: u64 = 1_000_000;

    fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
        (actual - expected).abs() <= tolerance
    }

    fn relative_error(actual: f64, expected: f64) -> f64 {
        ((actual - expected) / expected).abs()
    }

    /// Published: Paul Rayson, "Corpora: statistics in learner English",
    /// Corpora mailing list, 18 January 2002
    /// (listserv.linguistlist.org/pipermail/corpora/2002-January/002455.html).
    /// Learner vs native-speaker counts of the forms of KEEP, both corpora
    /// taken as one million words, LL "rounded to zero d.p.": lemma 392 vs
    /// 170 → 90; keep 348 vs 99 → 147; keeps 15 vs 14 → 0; keeping 9 vs 32 →
    /// 14; kept 21 vs 25 → 0; "keep is significantly overused and keeping is
    /// significantly underused".
    #[test]
    fn rayson_2002_keep_example() {
        let rows = [
            (392, 170, 90.0),
            (348, 99, 147.0),
            (15, 14, 0.0),
            (9, 32, 14.0),
            (21, 25, 0.0),
        ];
        for (a, b, published) in rows {
            let g2 = log_likelihood(a, b, MILLION, MILLION);
            assert_eq!(g2.abs().round(), published, "{a} vs {b}: G² = {g2}");
        }
        assert!(
            log_likelihood(348, 99, MILLION, MILLION) > 0.0,
            "keep is over-used"
        );
        assert!(
            log_likelihood(9, 32, MILLION, MILLION) < 0.0,
            "keeping is under-used"
        );
        // The arithmetic for "keep": E1 = E2 = 10⁶ · 447 / (2 · 10⁶) = 223.5;
        // G² = 2 (348 ln(348/223.5) + 99 ln(99/223.5))
        //    = 2 (348 · 0.442792 − 99 · 0.814240) = 2 · 73.4764 = 146.953.
        assert!(close(
            log_likelihood(348, 99, MILLION, MILLION),
            146.953,
            1e-3
        ));
        assert!(close(expected(348, 99, MILLION, MILLION), 223.5, 1e-12));
    }

    /// Published worked example of the Lancaster log-likelihood calculator
    /// walk-through (as reproduced in the slide deck "Corpus 2",
    /// scribd.com/presentation/807361921): a word occurring 52 times in
    /// Corpus 1 of 50,000 tokens and 57 times in Corpus 2 of 75,000 tokens
    /// gives "Word 52 0.10 57 0.08 + 2.65", below 3.84 and so "not
    /// statistically significant".
    #[test]
    fn lancaster_calculator_52_vs_57_example() {
        let k = keyness(52, 57, 50_000, 75_000).unwrap();
        // E1 = 50,000 · 109 / 125,000 = 43.6; E2 = 75,000 · 109 / 125,000 = 65.4;
        // G² = 2 (52 ln(52/43.6) + 57 ln(57/65.4))
        //    = 2 (52 · 0.176193 − 57 · 0.137473) = 2 · 1.32585 = 2.6517.
        assert_eq!((k.g2 * 100.0).round() / 100.0, 2.65);
        assert!(k.g2 > 0.0, "more frequent in Corpus 1: '+'");
        assert!(close(k.expected, 43.6, 1e-12));
        assert!(k.p_value > 0.05, "p = {}", k.p_value);
    }

    /// Published: Hardie (2014) — a relative frequency of 0.0006 in corpus A
    /// and 0.0002 in corpus B is three times bigger (0.0006 ÷ 0.0002 = 3);
    /// the binary log is 0 for the same rate, 1 for twice, 2 for four times.
    #[test]
    fn hardie_2014_examples() {
        // 6 in 10,000 words = 0.0006; 2 in 10,000 = 0.0002; log₂ 3 = 1.5849625.
        assert!(close(log_ratio(6, 2, 10_000, 10_000), 3f64.log2(), 1e-12));
        assert!(close(log_ratio(6, 4, 10_000, 20_000), 3f64.log2(), 1e-12));
        assert_eq!(log_ratio(10, 20, 1_000, 2_000), 0.0);
        assert!(close(log_ratio(20, 10, 1_000, 1_000), 1.0, 1e-12));
        assert!(close(log_ratio(40, 10, 1_000, 1_000), 2.0, 1e-12));
        assert!(close(log_ratio(10, 20, 1_000, 1_000), -1.0, 1e-12));
    }

    /// Published: the UCREL wizard's table of critical values — 95th
    /// percentile, p < 0.05, 3.84; 99th, p < 0.01, 6.63; 99.9th, p < 0.001,
    /// 10.83; 99.99th, p < 0.0001, 15.13. The table rounds to two decimals
    /// (15.13 is in fact truncated: the exact quantile is 15.1367), so only
    /// 3.84 hits its p within 1e-3 relative; each value is within 0.01 of
    /// the exact quantile, i.e. its p-value brackets the level.
    #[test]
    fn wizard_critical_values() {
        let table = [
            (3.84, 0.05, 1e-3),
            (6.63, 0.01, 3e-3),
            (10.83, 0.001, 2e-3),
            (15.13, 0.0001, 4e-3),
        ];
        for (critical, level, tolerance) in table {
            let p = p_value(critical);
            assert!(relative_error(p, level) < tolerance, "{critical}: p = {p}");
            assert!(p_value(critical + 0.01) < level && level < p_value(critical - 0.01));
        }
    }

    /// The exact χ²₁ quantiles (standard tables give 3.841, 6.635, 10.828,
    /// 15.137; these are to 15 digits, as Python's `math.erfc` also
    /// confirms) map to the levels within 1e-6 relative.
    #[test]
    fn exact_quantiles_give_the_levels() {
        let quantiles = [
            (3.841_458_820_694_124, 0.05),
            (6.634_896_601_021_214, 0.01),
            (10.827_566_170_662_733, 0.001),
            (15.136_705_226_623_606, 0.0001),
        ];
        for (q, level) in quantiles {
            assert!(
                relative_error(p_value(q), level) < 1e-6,
                "{q}: {}",
                p_value(q)
            );
            assert_eq!(p_value(-q), p_value(q), "p uses |G²|");
        }
    }

    /// Very small p-values keep their relative accuracy. Check against the
    /// asymptotic series erfc(x) = e^(−x²)/(x√π) · (1 − 1/(2x²) + 3/(2x²)² −
    /// 15/(2x²)³ + …), whose next term at x² = 250 is 105/500⁴ ≈ 1.7e-9.
    #[test]
    fn tiny_p_values_are_accurate() {
        let x2: f64 = 250.0; // G² = 500, x = √(G²/2)
        let u = 1.0 / (2.0 * x2);
        let series = 1.0 - u + 3.0 * u * u - 15.0 * u * u * u;
        let asymptotic = (-x2).exp() / (x2.sqrt() * std::f64::consts::PI.sqrt()) * series;
        let p = p_value(500.0);
        assert!(relative_error(p, asymptotic) < 1e-8, "{p} vs {asymptotic}");
        assert!(p > 9.0e-111 && p < 1.0e-110, "about 9.5e-111: {p}");
        assert_eq!(p_value(f64::INFINITY), 0.0);
        assert_eq!(p_value(0.0), 1.0);
        assert!(p_value(f64::NAN).is_nan());
    }

    #[test]
    fn sign_follows_the_direction_of_the_difference() {
        assert!(log_likelihood(30, 10, 1_000, 1_000) > 0.0, "over-use");
        assert!(log_likelihood(10, 30, 1_000, 1_000) < 0.0, "under-use");
        assert_eq!(log_likelihood(10, 20, 1_000, 2_000), 0.0, "same rate");
        assert!(log_ratio(30, 10, 1_000, 1_000) > 0.0);
        assert!(log_ratio(10, 30, 1_000, 1_000) < 0.0);
        // Same rate with uneven sizes: still exactly zero, p exactly 1.
        let k = keyness(7, 21, 3_000, 9_000).unwrap();
        assert_eq!((k.g2, k.log_ratio, k.p_value), (0.0, 0.0, 1.0));
    }

    #[test]
    fn swapping_target_and_reference_negates_exactly() {
        let cases = [
            (52, 57, 50_000, 75_000),
            (348, 99, MILLION, MILLION),
            (0, 5, 123, 4_567),
            (9, 0, 77, 1_000_003),
        ];
        for (a, b, c, d) in cases {
            assert_eq!(log_likelihood(b, a, d, c), -log_likelihood(a, b, c, d));
            assert_eq!(log_ratio(b, a, d, c), -log_ratio(a, b, c, d));
            let (forward, back) = (keyness(a, b, c, d).unwrap(), keyness(b, a, d, c).unwrap());
            assert_eq!(forward.p_value, back.p_value);
            // E1 of the swap is the reference's E2; E1 + E2 = a + b.
            assert!(close(
                forward.expected + back.expected,
                (a + b) as f64,
                1e-9
            ));
        }
    }

    #[test]
    fn zero_count_in_the_target() {
        // a = 0, b = 10, c = d = 1,000: E1 = E2 = 5; the a-cell contributes 0:
        // G² = 2 (0 + 10 ln(10/5)) = 20 ln 2 = 13.8629, under-use so negative.
        let k = keyness(0, 10, 1_000, 1_000).unwrap();
        assert!(close(k.g2, -20.0 * 2f64.ln(), 1e-12));
        assert!(close(k.expected, 5.0, 1e-12));
        // Log ratio with a = 0 → 0.5: log₂((0.5/1,000) / (10/1,000)) = log₂ 0.05 = −4.321928.
        assert!(close(k.log_ratio, 0.05f64.log2(), 1e-12));
    }

    #[test]
    fn zero_count_in_the_reference() {
        // a = 5, b = 0, c = 1,000, d = 2,000: E1 = 1,000 · 5 / 3,000 = 5/3;
        // G² = 2 · 5 ln(5 / (5/3)) = 10 ln 3 = 10.986123, over-use so positive.
        let k = keyness(5, 0, 1_000, 2_000).unwrap();
        assert!(close(k.g2, 10.0 * 3f64.ln(), 1e-12));
        // Log ratio with b = 0 → 0.5 (Hardie's adjustment), not b + 0.5 on both:
        // log₂((5/1,000) / (0.5/2,000)) = log₂(0.005 / 0.00025) = log₂ 20 = 4.321928.
        assert!(close(k.log_ratio, 20f64.log2(), 1e-12));
        assert!(close(
            log_ratio(5, 0, 1_000, 2_000),
            4.321_928_094_887_363,
            1e-12
        ));
    }

    #[test]
    fn undefined_inputs() {
        assert_eq!(keyness(0, 0, 100, 100), None, "term in neither");
        assert_eq!(keyness(1, 2, 0, 100), None, "empty target");
        assert_eq!(keyness(1, 2, 100, 0), None, "empty reference");
        assert_eq!(log_likelihood(0, 0, 100, 200), 0.0);
        assert_eq!(log_ratio(0, 0, 100, 200), 0.0);
        assert!(log_likelihood(1, 2, 0, 100).is_nan());
        assert!(log_ratio(1, 2, 100, 0).is_nan());
        assert!(expected(0, 0, 0, 0).is_nan());
    }

    /// Counts beyond 2⁵³ and products beyond u64 do not overflow or panic.
    #[test]
    fn huge_counts() {
        let k = keyness(u64::MAX / 4, u64::MAX / 8, u64::MAX / 2, u64::MAX / 2).unwrap();
        assert!(k.g2 > 0.0 && k.g2.is_finite());
        assert!(close(k.log_ratio, 1.0, 1e-12));
        assert_eq!(k.p_value, 0.0);
    }

    /// Dunning's (1993) full-table G², for comparison only.
    fn dunning(a: u64, b: u64, c: u64, d: u64) -> f64 {
        let (e1, e2) = (expected(a, b, c, d), expected(b, a, d, c));
        let rest = |o: u64, e: f64| {
            if o == 0 {
                0.0
            } else {
                o as f64 * (o as f64 / e).ln()
            }
        };
        2.0 * (cell(a, e1) + cell(b, e2) + rest(c - a, c as f64 - e1) + rest(d - b, d as f64 - e2))
    }

    /// The documented claim: the full table exceeds the two-cell form by
    /// about p/(1 − p), p = (a + b)/(c + d).
    #[test]
    fn two_cell_form_against_dunning_full_table() {
        // 52 vs 57 in 50,000 vs 75,000 words: p = 109/125,000 = 0.000872;
        // Dunning 2.65406 vs 2.65171, +0.089%.
        // 6,000 vs 4,000 in 100,000 each ("the"-like, p = 5%): p/(1 − p) =
        // 5.26%; Dunning 423.763 vs 402.710, +5.23%.
        // keep, 348 vs 99 in a million each: p = 0.0224%; Dunning 146.98386
        // vs 146.95285, +0.0211% (the expansion is only second-order, so
        // "about" means within 10% of p/(1 − p) here).
        for (a, b, c, d) in [
            (52, 57, 50_000, 75_000),
            (6_000, 4_000, 100_000, 100_000),
            (348, 99, MILLION, MILLION),
        ] {
            let p = (a + b) as f64 / (c + d) as f64;
            let excess = dunning(a, b, c, d) / log_likelihood(a, b, c, d) - 1.0;
            assert!(
                relative_error(excess, p / (1.0 - p)) < 0.1,
                "{excess} vs {}",
                p / (1.0 - p)
            );
        }
    }
}
