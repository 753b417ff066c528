//! Batch summary statistics of one metric: how a batch's values of, say, a
//! readability score are spread, and where one document stands among them.
//!
//! The values are taken at the precision the reports print them with
//! (`39.91`, not `39.9132…`): each becomes a whole number of hundredths (or
//! whatever the metric's decimals are) in a [`super::histogram::Histogram`], the count of
//! documents at each printed value. So the statistics are those a reader
//! recomputes from `documents.csv` in a spreadsheet, and, because a
//! histogram is integers, histograms of parts of a batch merge exactly, in
//! any grouping and any order: the statistics of a batch cut across many
//! machines are bit for bit those of one pass. A histogram has one entry per
//! distinct printed value, so it stays small however many documents there
//! are.
//!
//! Definitions implemented:
//! - mean: the arithmetic mean, from the exact integer sum;
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
//! and recommendations", The American Statistician 37(3), 242–247, over the
//! histogram in ascending order: the sum of squared deviations from the
//! mean, less the square of the (rounding-error) sum of deviations over n.
//! Unlike the one-pass textbook formula Σx² − (Σx)²/n it does not cancel
//! catastrophically when the values share a large offset.

/// Summary statistics of the finite values of one metric across a batch.
/// A statistic that is undefined for the count (any of them for no values,
/// the standard deviation for fewer than two) is `None`.
#[derive(Debug, Clone, Copy, PartialEq)]
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

impl Summary {
    /// The summary of no values: every statistic undefined.
    pub fn empty() -> Self {
        Summary {
            n: 0,
            mean: None,
            median: None,
            sd: None,
            min: None,
            max: None,
        }
    }
}
