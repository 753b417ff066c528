//! Batch summary statistics of one metric: how a batch's values of, say, a
//! readability score are spread, and where one document stands among them.
//! Reports compare documents side by side, so the same batch must always
//! give the same figures: whatever order the documents arrived in (parallel
//! workers finish in any order), the same multiset of values gives
//! bit-identical results. That is why the values are sorted first
//! ([`SortedValues`]) and every sum runs over them in sorted order.
//!
//! Definitions implemented:
//! - mean: the arithmetic mean;
//! - sample standard deviation, with the n − 1 (Bessel) denominator, as in
//!   the NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.5.6;
//! - median: the middle value, or the mean of the two middle values for an
//!   even count (every definition in Hyndman & Fan 1996, "Sample quantiles
//!   in statistical packages", The American Statistician 50(4), that
//!   interpolates agrees on this);
//! - percentile rank, mid-rank definition: 100 × (below + ½ equal) / n, the
//!   "mean" kind of SciPy's `percentileofscore` (the average of the strict
//!   and weak ranks, "often used in testing");
//! - z-score: (x − mean) / sd.
//!
//! The variance uses the corrected two-pass algorithm of Chan, Golub &
//! LeVeque (1983), "Algorithms for computing the sample variance: analysis
//! and recommendations", The American Statistician 37(3), 242–247: the mean
//! first, then the sum of squared deviations from it, less the square of
//! the (rounding-error) sum of deviations over n. Unlike the one-pass
//! textbook formula Σx² − (Σx)²/n it does not cancel catastrophically when
//! the values share a large offset.

/// Summary statistics of the finite values of one metric across a batch.
/// A statistic that is undefined for the count (any of them for no values,
/// the standard deviation for fewer than two) is `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// How many finite values were summarized.
    pub n: usize,
    /// Arithmetic mean.
    pub mean: Option<f64>,
    /// Median: the middle value, or the mean of the two middle values.
    pub median: Option<f64>,
    /// Sample standard deviation (n − 1 denominator); `None` for n < 2.
    pub sd: Option<f64>,
    /// Smallest value.
    pub min: Option<f64>,
    /// Largest value.
    pub max: Option<f64>,
}

/// The finite values of one metric, sorted ascending: the order-free form
/// from which every statistic here is computed.
#[derive(Debug, Clone, PartialEq)]
pub struct SortedValues {
    /// Finite values in ascending [`f64::total_cmp`] order.
    values: Vec<f64>,
}

impl SortedValues {
    /// Collects the values, drops the non-finite ones (NaN, ±∞: a metric
    /// that could not be computed) and sorts the rest with
    /// [`f64::total_cmp`]. Values equal under that order are bit-identical,
    /// so the result depends only on the multiset of values.
    pub fn new(values: impl IntoIterator<Item = f64>) -> Self {
        let mut values: Vec<f64> = values.into_iter().filter(|v| v.is_finite()).collect();
        values.sort_unstable_by(f64::total_cmp);
        Self { values }
    }

    /// How many finite values there are.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there are no finite values.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The values, ascending.
    pub fn as_slice(&self) -> &[f64] {
        &self.values
    }

    /// Every statistic at once.
    pub fn summary(&self) -> Summary {
        Summary {
            n: self.len(),
            mean: self.mean(),
            median: self.median(),
            sd: self.sd(),
            min: self.values.first().copied(),
            max: self.values.last().copied(),
        }
    }

    /// Arithmetic mean, summing in ascending order; `None` when empty.
    pub fn mean(&self) -> Option<f64> {
        if self.is_empty() {
            return None;
        }
        let sum = self.values.iter().fold(0.0, |sum, &x| sum + x);
        Some(sum / self.len() as f64)
    }

    /// Sample standard deviation, √(Σ(x − mean)² / (n − 1)), by the
    /// corrected two-pass algorithm (see the module doc); `None` for n < 2.
    /// Exactly 0 when all values are equal.
    pub fn sd(&self) -> Option<f64> {
        let n = self.len();
        if n < 2 {
            return None;
        }
        let mean = self.mean()?;
        let (squares, deviations) = self.values.iter().fold((0.0, 0.0), |(sq, dev), &x| {
            let deviation = x - mean;
            (sq + deviation * deviation, dev + deviation)
        });
        // `deviations` is 0 but for the rounding error in `mean`; removing
        // its square is the correction. Mathematically the result is ≥ 0.
        let sum_of_squares = (squares - deviations * deviations / n as f64).max(0.0);
        Some((sum_of_squares / (n - 1) as f64).sqrt())
    }

    /// Median: the middle value for an odd count, the mean of the two middle
    /// values for an even count; `None` when empty.
    pub fn median(&self) -> Option<f64> {
        let n = self.len();
        if n == 0 {
            return None;
        }
        let upper = self.values[n / 2];
        if n % 2 == 1 {
            return Some(upper);
        }
        // `midpoint` cannot overflow, even for values near ±f64::MAX.
        Some(self.values[n / 2 - 1].midpoint(upper))
    }

    /// Percentile rank of `value` among the values, 0–100, mid-rank
    /// definition: 100 × (below + ½ equal) / n, with `below` the values
    /// strictly less than `value` and `equal` those equal to it (−0.0 equals
    /// 0.0). A value below them all gives 0, above them all 100, the only
    /// value 50. `value` need not be one of the values. `None` when empty or
    /// `value` is NaN. Two binary searches: O(log n).
    pub fn percentile_rank(&self, value: f64) -> Option<f64> {
        if self.is_empty() || value.is_nan() {
            return None;
        }
        let below = self.values.partition_point(|&x| x < value);
        let at_or_below = self.values.partition_point(|&x| x <= value);
        let equal = at_or_below - below;
        Some(100.0 * (below as f64 + 0.5 * equal as f64) / self.len() as f64)
    }
}

/// Standard score (value − mean) / sd: how many standard deviations `value`
/// lies above (positive) or below (negative) the mean. `None` when `sd` is
/// 0, negative or not finite (no spread to measure against), or when the
/// result is not finite (a NaN or infinite `value` or `mean`).
pub fn z_score(value: f64, mean: f64, sd: f64) -> Option<f64> {
    if !(sd.is_finite() && sd > 0.0) {
        return None;
    }
    let z = (value - mean) / sd;
    z.is_finite().then_some(z)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: Option<f64>, expected: f64) -> bool {
        actual.is_some_and(|a| (a - expected).abs() <= 1e-12 * expected.abs().max(1.0))
    }

    /// The summary as raw bits, to compare results bit for bit.
    fn bits(s: &Summary) -> (usize, [Option<u64>; 5]) {
        let fields = [s.mean, s.median, s.sd, s.min, s.max];
        (s.n, fields.map(|f| f.map(f64::to_bits)))
    }

    #[test]
    fn no_values() {
        let v = SortedValues::new([]);
        assert!(v.is_empty());
        let none = Summary {
            n: 0,
            mean: None,
            median: None,
            sd: None,
            min: None,
            max: None,
        };
        assert_eq!(v.summary(), none);
        assert_eq!(v.percentile_rank(1.0), None);
    }

    #[test]
    fn one_value() {
        let v = SortedValues::new([3.5]);
        let s = v.summary();
        assert_eq!(
            (s.n, s.mean, s.median, s.min, s.max),
            (1, Some(3.5), Some(3.5), Some(3.5), Some(3.5))
        );
        assert_eq!(s.sd, None, "no sample sd from one value");
        assert_eq!(v.percentile_rank(3.5), Some(50.0), "(0 + ½·1)/1");
    }

    #[test]
    fn two_values() {
        // [4, 1] → sorted [1, 4]; mean = median = 5/2 = 2.5;
        // sd = √(((1 − 2.5)² + (4 − 2.5)²) / 1) = √4.5 = 2.1213203.
        let s = SortedValues::new([4.0, 1.0]).summary();
        assert_eq!((s.n, s.mean, s.median), (2, Some(2.5), Some(2.5)));
        assert!(close(s.sd, 4.5f64.sqrt()));
        assert_eq!((s.min, s.max), (Some(1.0), Some(4.0)));
    }

    #[test]
    fn medians() {
        // Odd: [5, 1, 3] → [1, 3, 5], the middle one is 3.
        assert_eq!(SortedValues::new([5.0, 1.0, 3.0]).median(), Some(3.0));
        // Even: [4, 1, 3, 2] → [1, 2, 3, 4], (2 + 3)/2 = 2.5.
        assert_eq!(SortedValues::new([4.0, 1.0, 3.0, 2.0]).median(), Some(2.5));
        // Even with extreme values: (−MAX + MAX)/2 = 0 without overflow.
        assert_eq!(SortedValues::new([f64::MAX, -f64::MAX]).median(), Some(0.0));
        assert_eq!(
            SortedValues::new([f64::MAX, f64::MAX]).median(),
            Some(f64::MAX)
        );
    }

    /// The classic example: [2, 4, 4, 4, 5, 5, 7, 9], mean 5; squared
    /// deviations 9, 1, 1, 1, 0, 0, 4, 16 sum to 32; sample variance 32/7 =
    /// 4.5714286, sample sd √(32/7) = 2.1380899 (population sd 2).
    #[test]
    fn sample_sd_by_hand() {
        let s = SortedValues::new([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).summary();
        assert_eq!(s.mean, Some(5.0));
        assert!(close(s.sd, (32.0f64 / 7.0).sqrt()));
        assert!(close(s.sd, 2.138_089_935_299_395));
        assert_eq!(s.median, Some(4.5), "(4 + 5)/2");
    }

    /// Values 4, 7, 13, 16 shifted by 10⁹ (the shifted-data example used to
    /// show the one-pass formula's cancellation): mean 10⁹ + 10; deviations
    /// −6, −3, 3, 6; sample variance (36 + 9 + 9 + 36)/3 = 30, sd √30.
    #[test]
    fn sd_survives_a_large_offset() {
        let v = SortedValues::new([4.0, 7.0, 13.0, 16.0].map(|x| 1e9 + x));
        assert!(close(v.sd(), 30f64.sqrt()));
        assert_eq!(SortedValues::new([7.25; 5]).sd(), Some(0.0), "equal values");
    }

    #[test]
    fn non_finite_values_are_dropped() {
        let v = SortedValues::new([1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 3.0]);
        assert_eq!(v.as_slice(), &[1.0, 3.0]);
        assert_eq!((v.len(), v.mean()), (2, Some(2.0)));
    }

    /// Published: SciPy's `percentileofscore([1, 2, 3, 3, 4], 3)` docs give
    /// strict 40 (2 of 5 below), weak 80 (4 of 5 at or below) and "mean",
    /// their average, 60 = 100 (2 + ½·2)/5.
    #[test]
    fn percentile_ranks_with_ties() {
        let v = SortedValues::new([3.0, 1.0, 4.0, 3.0, 2.0]);
        assert_eq!(v.percentile_rank(3.0), Some(60.0));
        assert_eq!(v.percentile_rank(1.0), Some(10.0), "100 (0 + ½)/5");
        assert_eq!(v.percentile_rank(4.0), Some(90.0), "100 (4 + ½)/5");
        assert_eq!(v.percentile_rank(2.5), Some(40.0), "absent: 100 · 2/5");
        assert_eq!(v.percentile_rank(0.0), Some(0.0));
        assert_eq!(v.percentile_rank(9.0), Some(100.0));
        assert_eq!(v.percentile_rank(f64::INFINITY), Some(100.0));
        assert_eq!(v.percentile_rank(f64::NAN), None);
        // All tied: everyone is at the middle, 100 (0 + ½·4)/4 = 50.
        assert_eq!(SortedValues::new([2.0; 4]).percentile_rank(2.0), Some(50.0));
        // −0.0 sorts before 0.0 but they are equal: 100 (0 + ½·2)/3.
        let zeros = SortedValues::new([0.0, 1.0, -0.0]);
        assert_eq!(zeros.percentile_rank(0.0), Some(100.0 / 3.0));
        assert_eq!(zeros.percentile_rank(-0.0), Some(100.0 / 3.0));
    }

    /// Values of very different magnitudes, with a repeat, whose arrival-order
    /// sum depends on the order.
    const MIXED: [f64; 12] = [
        1e16,
        1.0,
        -1e16,
        1.0,
        0.1,
        0.2,
        0.3,
        1.0 / 3.0,
        -7.5,
        2e-9,
        123.456,
        0.1,
    ];

    /// Fisher–Yates shuffle driven by a fixed linear congruential generator
    /// (Knuth's MMIX constants), so the test is reproducible.
    fn shuffle(values: &mut [f64], state: &mut u64) {
        for i in (1..values.len()).rev() {
            *state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            values.swap(i, (*state >> 33) as usize % (i + 1));
        }
    }

    /// The same multiset in any arrival order gives a bit-identical summary,
    /// even where summing in arrival order would not: 1e16 + 1 rounds to
    /// 1e16, so [1e16, 1, −1e16, 1] sums to 1 but [1, 1, 1e16, −1e16] to 2.
    #[test]
    fn order_independent() {
        let arrival_sum = |xs: &[f64]| xs.iter().fold(0.0, |s, &x| s + x);
        assert_eq!(arrival_sum(&[1e16, 1.0, -1e16, 1.0]), 1.0);
        assert_eq!(arrival_sum(&[1.0, 1.0, 1e16, -1e16]), 2.0);
        let base = MIXED;
        let reference = bits(&SortedValues::new(base).summary());
        let (mut shuffled, mut state) = (base, 0x9E37_79B9_7F4A_7C15);
        for round in 0..50 {
            shuffle(&mut shuffled, &mut state);
            let summary = SortedValues::new(shuffled).summary();
            assert_eq!(bits(&summary), reference, "round {round}");
        }
        let mut reversed = base;
        reversed.reverse();
        assert_eq!(bits(&SortedValues::new(reversed).summary()), reference);
    }

    #[test]
    fn z_scores() {
        // (7 − 5)/2 = 1; (2 − 5)/2 = −1.5.
        assert_eq!(z_score(7.0, 5.0, 2.0), Some(1.0));
        assert_eq!(z_score(2.0, 5.0, 2.0), Some(-1.5));
        assert_eq!(z_score(7.0, 5.0, 0.0), None, "sd 0: no spread");
        assert_eq!(z_score(5.0, 5.0, 0.0), None);
        assert_eq!(z_score(7.0, 5.0, f64::NAN), None);
        assert_eq!(z_score(7.0, 5.0, f64::INFINITY), None);
        assert_eq!(z_score(7.0, 5.0, -2.0), None);
        assert_eq!(z_score(f64::NAN, 5.0, 2.0), None);
        // With a batch: [2, 4, 4, 4, 5, 5, 7, 9], 9 is (9 − 5)/√(32/7) = 1.8708287 sd above.
        let s = SortedValues::new([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).summary();
        let z = z_score(9.0, s.mean.unwrap(), s.sd.unwrap());
        assert!(close(z, 4.0 / (32.0f64 / 7.0).sqrt()));
    }
}
