//! The values of one metric across a batch, at the precision the reports
//! print them with: a [`Histogram`] (mergeable integers) and, finalized, a
//! [`Distribution`] that answers the statistics defined in
//! [`super::summary`] (mean, sd, median, percentile rank).

use super::summary::Summary;
use std::collections::BTreeMap;

/// [`printed_units`] the fast way, through the scaled value, when that
/// gives the digits `format!` would: the scaled value is well inside the
/// exactly representable integers and not within a millionth of a rounding
/// tie (where the binary value decides). `None` otherwise (and for a
/// non-finite value). The reports print numbers through it too.
pub fn fast_units(value: f64, decimals: usize) -> Option<i64> {
    const SCALES: [f64; 7] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6];
    let scaled = value * SCALES.get(decimals)?;
    let fraction = (scaled - scaled.trunc()).abs();
    (scaled.abs() < 1e15 && (fraction - 0.5).abs() >= 1e-6).then(|| scaled.round() as i64)
}

/// The value `value` is printed as with `decimals` decimals, as a whole
/// number of units of the last decimal (39.9132 to 2 decimals is 3991):
/// the digits of `format!("{value:.decimals$}")`, found through a whole
/// number where that gives the same digits. `None` for a non-finite value;
/// a value beyond ±9.2 × 10¹⁸ units saturates.
pub fn printed_units(value: f64, decimals: usize) -> Option<i64> {
    if !value.is_finite() {
        return None;
    }
    if let Some(units) = fast_units(value, decimals) {
        return Some(units);
    }
    let printed = format!("{value:.decimals$}").replace('.', "");
    Some(
        printed
            .parse()
            .unwrap_or(if value < 0.0 { i64::MIN } else { i64::MAX }),
    )
}

/// The finite values of one metric at a printed precision: how many values
/// print as each number. Integers only, so histograms merge exactly.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Histogram {
    /// Decimals the values are printed with.
    decimals: usize,
    /// Printed value (in units of the last decimal) → how many values.
    counts: BTreeMap<i64, u64>,
}

impl Histogram {
    /// An empty histogram of values printed with `decimals` decimals.
    pub fn new(decimals: usize) -> Self {
        Histogram {
            decimals: decimals.min(MAX_DECIMALS),
            counts: BTreeMap::new(),
        }
    }

    /// A histogram of `values` (non-finite ones are left out).
    pub fn of(decimals: usize, values: impl IntoIterator<Item = f64>) -> Self {
        let mut histogram = Histogram::new(decimals);
        values.into_iter().for_each(|v| histogram.add(v));
        histogram
    }

    /// Count one value; a non-finite one (NaN, ±∞: a metric that could not
    /// be computed) is left out.
    pub fn add(&mut self, value: f64) {
        if let Some(units) = printed_units(value, self.decimals) {
            *self.counts.entry(units).or_default() += 1;
        }
    }

    /// Decimals the values are kept at.
    pub fn decimals(&self) -> usize {
        self.decimals
    }

    /// Add the values of `other` (of the same decimals).
    pub fn merge(&mut self, other: Histogram) {
        debug_assert_eq!(self.decimals, other.decimals, "merging unlike histograms");
        for (units, n) in other.counts {
            *self.counts.entry(units).or_default() += n;
        }
    }

    /// The histogram ready for queries: cumulative counts, and every
    /// statistic.
    pub fn distribution(&self) -> Distribution {
        let mut below = 0;
        let mut units = Vec::with_capacity(self.counts.len());
        let mut cumulative = Vec::with_capacity(self.counts.len());
        for (&value, &n) in &self.counts {
            units.push(value);
            cumulative.push(below);
            below += n;
        }
        let mut distribution = Distribution {
            scale: 10f64.powi(self.decimals as i32),
            decimals: self.decimals,
            units,
            below: cumulative,
            n: below,
            summary: Summary::empty(),
        };
        distribution.summary = distribution.summarize(&self.counts);
        distribution
    }
}

/// Decimals a histogram keeps at most (10¹² units still leave values up to
/// about 9 million exact).
const MAX_DECIMALS: usize = 12;

/// A [`Histogram`] finalized: its printed values ascending, how many values
/// lie below each, and its [`Summary`].
#[derive(Debug, Clone, PartialEq)]
pub struct Distribution {
    scale: f64,
    decimals: usize,
    units: Vec<i64>,
    below: Vec<u64>,
    n: u64,
    summary: Summary,
}

impl Distribution {
    /// Every statistic at once.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// How many values there are.
    pub fn len(&self) -> u64 {
        self.n
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// `value` as the histogram holds it: rounded to its printed precision.
    pub fn printed(&self, value: f64) -> Option<f64> {
        printed_units(value, self.decimals).map(|units| self.value(units))
    }

    fn value(&self, units: i64) -> f64 {
        units as f64 / self.scale
    }

    /// How many values there are at position `index` of `units`.
    fn count_at(&self, index: usize) -> u64 {
        let next = self.below.get(index + 1).copied().unwrap_or(self.n);
        next - self.below[index]
    }

    /// Percentile rank of `value` (at its printed precision) among the
    /// values, 0–100, mid-rank definition: 100 × (below + ½ equal) / n. A
    /// value below them all gives 0, above them all 100, the only value 50.
    /// `value` need not be one of the values. `None` when empty or `value`
    /// is not finite. A binary search: O(log distinct values).
    pub fn percentile_rank(&self, value: f64) -> Option<f64> {
        let units = printed_units(value, self.decimals)?;
        if self.is_empty() {
            return None;
        }
        let index = self.units.partition_point(|&u| u < units);
        let below = self.below.get(index).copied().unwrap_or(self.n);
        let equal = match self.units.get(index) {
            Some(&u) if u == units => self.count_at(index),
            _ => 0,
        };
        Some(100.0 * (below as f64 + 0.5 * equal as f64) / self.n as f64)
    }

    fn summarize(&self, counts: &BTreeMap<i64, u64>) -> Summary {
        if self.is_empty() {
            return Summary::empty();
        }
        let mean = self.mean(counts);
        Summary {
            n: self.n as usize,
            mean: Some(mean),
            median: Some(self.median()),
            sd: self.sd(counts, mean),
            min: self.units.first().map(|&u| self.value(u)),
            max: self.units.last().map(|&u| self.value(u)),
        }
    }

    /// The exact integer sum over n, rounded once to a float.
    fn mean(&self, counts: &BTreeMap<i64, u64>) -> f64 {
        let sum: i128 = counts
            .iter()
            .map(|(&u, &n)| i128::from(u) * i128::from(n))
            .sum();
        let n = i128::from(self.n);
        let (whole, rest) = (sum.div_euclid(n), sum.rem_euclid(n));
        (whole as f64 + rest as f64 / n as f64) / self.scale
    }

    /// The sample sd by the corrected two-pass algorithm over the
    /// histogram in ascending order; `None` for n < 2, exactly 0 when all
    /// values are equal.
    fn sd(&self, counts: &BTreeMap<i64, u64>, mean: f64) -> Option<f64> {
        if self.n < 2 {
            return None;
        }
        let (squares, deviations) = counts.iter().fold((0.0, 0.0), |(sq, dev), (&u, &n)| {
            let deviation = self.value(u) - mean;
            let n = n as f64;
            (sq + n * deviation * deviation, dev + n * deviation)
        });
        let n = self.n as f64;
        // `deviations` is 0 but for the rounding error in `mean`; removing
        // its square is the correction. Mathematically the result is ≥ 0.
        let sum_of_squares = (squares - deviations * deviations / n).max(0.0);
        Some((sum_of_squares / (n - 1.0)).sqrt())
    }

    /// The middle value, or the mean of the two middle values.
    fn median(&self) -> f64 {
        let upper = self.nth(self.n / 2);
        if self.n % 2 == 1 {
            return self.value(upper);
        }
        let lower = self.nth(self.n / 2 - 1);
        ((i128::from(lower) + i128::from(upper)) as f64 / 2.0) / self.scale
    }

    /// The value at 0-based rank `rank` in ascending order, in units.
    fn nth(&self, rank: u64) -> i64 {
        let index = self.below.partition_point(|&b| b <= rank) - 1;
        self.units[index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::summary::z_score;

    fn close(actual: Option<f64>, expected: f64) -> bool {
        actual.is_some_and(|a| (a - expected).abs() <= 1e-12 * expected.abs().max(1.0))
    }

    /// The summary as raw bits, to compare results bit for bit.
    fn bits(s: &Summary) -> (usize, [Option<u64>; 5]) {
        let fields = [s.mean, s.median, s.sd, s.min, s.max];
        (s.n, fields.map(|f| f.map(f64::to_bits)))
    }

    /// The distribution of `values` printed with `decimals` decimals.
    fn of(decimals: usize, values: impl IntoIterator<Item = f64>) -> Distribution {
        Histogram::of(decimals, values).distribution()
    }

    #[test]
    fn printed_units_are_the_printed_digits() {
        assert_eq!(printed_units(39.9132, 2), Some(3991));
        assert_eq!(printed_units(-0.001, 2), Some(0), "prints as 0.00");
        // 1.005 is 1.00499999999999989… in binary: printed 1.00, not 1.01.
        assert_eq!(printed_units(1.005, 2), Some(100));
        assert_eq!(printed_units(2.5, 0), Some(2), "a tie prints to even");
        assert_eq!(printed_units(f64::NAN, 2), None);
        assert_eq!(printed_units(1e300, 2), Some(i64::MAX), "saturates");
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for i in 0..100_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let magnitude = 10f64.powi((i % 10) as i32 - 3);
            let value = (state as f64 / u64::MAX as f64 - 0.3) * magnitude;
            let decimals = i % 7;
            let printed: i64 = format!("{value:.decimals$}")
                .replace('.', "")
                .parse()
                .unwrap();
            assert_eq!(printed_units(value, decimals), Some(printed), "{value:e}");
        }
    }

    #[test]
    fn no_values() {
        let v = of(2, []);
        assert!(v.is_empty());
        assert_eq!(v.summary(), &Summary::empty());
        assert_eq!(v.percentile_rank(1.0), None);
    }

    #[test]
    fn one_value() {
        let v = of(2, [3.5]);
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
        let v = of(0, [4.0, 1.0]);
        let s = v.summary();
        assert_eq!((s.n, s.mean, s.median), (2, Some(2.5), Some(2.5)));
        assert!(close(s.sd, 4.5f64.sqrt()));
        assert_eq!((s.min, s.max), (Some(1.0), Some(4.0)));
    }

    #[test]
    fn medians() {
        // Odd: [5, 1, 3] → [1, 3, 5], the middle one is 3.
        assert_eq!(of(0, [5.0, 1.0, 3.0]).summary().median, Some(3.0));
        // Even: [4, 1, 3, 2] → [1, 2, 3, 4], (2 + 3)/2 = 2.5.
        assert_eq!(of(0, [4.0, 1.0, 3.0, 2.0]).summary().median, Some(2.5));
        // Even, the two middle ones in one bucket: [1, 2, 2, 9] → 2.
        assert_eq!(of(0, [1.0, 2.0, 2.0, 9.0]).summary().median, Some(2.0));
        // At 2 decimals: [0.25, 0.1] → (0.10 + 0.25)/2 = 0.175.
        assert_eq!(of(2, [0.25, 0.1]).summary().median, Some(0.175));
    }

    /// The classic example: [2, 4, 4, 4, 5, 5, 7, 9], mean 5; squared
    /// deviations 9, 1, 1, 1, 0, 0, 4, 16 sum to 32; sample variance 32/7 =
    /// 4.5714286, sample sd √(32/7) = 2.1380899 (population sd 2).
    #[test]
    fn sample_sd_by_hand() {
        let v = of(0, [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
        let s = v.summary();
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
        let v = of(0, [4.0, 7.0, 13.0, 16.0].map(|x| 1e9 + x));
        assert!(close(v.summary().sd, 30f64.sqrt()));
        assert_eq!(of(2, [7.25; 5]).summary().sd, Some(0.0), "equal values");
    }

    #[test]
    fn values_are_taken_as_printed() {
        // 39.9132 and 39.9149 both print as 39.91: one value, twice.
        let v = of(2, [39.9132, 39.9149]);
        assert_eq!(v.summary().mean, Some(39.91));
        assert_eq!(v.summary().sd, Some(0.0));
        assert_eq!(v.printed(39.9132), Some(39.91));
        assert_eq!(v.percentile_rank(39.912), Some(50.0), "tied at 39.91");
    }

    #[test]
    fn non_finite_values_are_dropped() {
        let v = of(0, [1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 3.0]);
        assert_eq!((v.len(), v.summary().mean), (2, Some(2.0)));
    }

    /// Published: SciPy's `percentileofscore([1, 2, 3, 3, 4], 3)` docs give
    /// strict 40 (2 of 5 below), weak 80 (4 of 5 at or below) and "mean",
    /// their average, 60 = 100 (2 + ½·2)/5.
    #[test]
    fn percentile_ranks_with_ties() {
        let v = of(1, [3.0, 1.0, 4.0, 3.0, 2.0]);
        assert_eq!(v.percentile_rank(3.0), Some(60.0));
        assert_eq!(v.percentile_rank(1.0), Some(10.0), "100 (0 + ½)/5");
        assert_eq!(v.percentile_rank(4.0), Some(90.0), "100 (4 + ½)/5");
        assert_eq!(v.percentile_rank(2.5), Some(40.0), "absent: 100 · 2/5");
        assert_eq!(v.percentile_rank(0.0), Some(0.0));
        assert_eq!(v.percentile_rank(9.0), Some(100.0));
        assert_eq!(v.percentile_rank(f64::NAN), None);
        // All tied: everyone is at the middle, 100 (0 + ½·4)/4 = 50.
        assert_eq!(of(0, [2.0; 4]).percentile_rank(2.0), Some(50.0));
        // −0.0 and 0.0 print alike: 100 (0 + ½·2)/3.
        let zeros = of(2, [0.0, 1.0, -0.0]);
        assert_eq!(zeros.percentile_rank(0.0), Some(100.0 / 3.0));
        assert_eq!(zeros.percentile_rank(-0.0), Some(100.0 / 3.0));
    }

    /// Fisher–Yates shuffle driven by a fixed linear congruential generator
    /// (Knuth's MMIX constants), so the test is reproducible.
    fn shuffle<T>(values: &mut [T], state: &mut u64) {
        for i in (1..values.len()).rev() {
            *state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            values.swap(i, (*state >> 33) as usize % (i + 1));
        }
    }

    /// Histograms of any split of the values, merged in any order, give a
    /// bit-identical summary: values of very different magnitudes, whose
    /// float sum in arrival order would depend on the order.
    #[test]
    fn merged_in_any_order() {
        let values: Vec<f64> = (0..200)
            .map(|i| match i % 4 {
                0 => 1e9 + f64::from(i) / 7.0,
                1 => -f64::from(i) / 3.0,
                2 => 0.1 * f64::from(i),
                _ => 1.0 / f64::from(i),
            })
            .collect();
        let reference = bits(of(3, values.iter().copied()).summary());
        let mut state = 0x9E37_79B9_7F4A_7C15;
        for parts in [1, 2, 3, 7, 64] {
            let mut shuffled = values.clone();
            shuffle(&mut shuffled, &mut state);
            let mut histograms: Vec<Histogram> = shuffled
                .chunks(shuffled.len().div_ceil(parts))
                .map(|chunk| Histogram::of(3, chunk.iter().copied()))
                .collect();
            shuffle(&mut histograms, &mut state);
            let mut merged = Histogram::new(3);
            histograms.into_iter().for_each(|h| merged.merge(h));
            assert_eq!(
                bits(merged.distribution().summary()),
                reference,
                "{parts} parts"
            );
        }
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
        let v = of(0, [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
        let s = v.summary();
        let z = z_score(9.0, s.mean.unwrap(), s.sd.unwrap());
        assert!(close(z, 4.0 / (32.0f64 / 7.0).sqrt()));
    }
}
