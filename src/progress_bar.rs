//! The progress bar of `textgauge analyze`: on standard error, only when
//! that is a terminal, never with `--quiet`, and only once the work has
//! taken a second (a small batch finishes without one). It shows files and
//! megabytes counted, throughput and time left. Reports and standard
//! output never see it.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};
use textgauge::batch::Progress;

/// How long the work runs before the bar appears.
const SHOW_AFTER: Duration = Duration::from_secs(1);
/// Environment variable that sets that delay in milliseconds (for tests).
const DELAY_VARIABLE: &str = "TEXTGAUGE_PROGRESS_DELAY_MS";

/// A bar that appears when the batch turns out to be large.
pub struct TerminalProgress {
    bar: ProgressBar,
    started: Instant,
    bytes: AtomicU64,
    shown: AtomicBool,
    enabled: bool,
    delay: Duration,
}

impl TerminalProgress {
    /// A bar for this run: drawn only if standard error is a terminal and
    /// the user did not ask for quiet.
    pub fn new(quiet: bool) -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let style = ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} files, {msg} ({eta} left)",
        )
        .expect("the template is valid");
        bar.set_style(style);
        TerminalProgress {
            bar,
            started: Instant::now(),
            bytes: AtomicU64::new(0),
            shown: AtomicBool::new(false),
            enabled: !quiet && std::io::stderr().is_terminal(),
            delay: std::env::var(DELAY_VARIABLE)
                .ok()
                .and_then(|ms| ms.parse().ok())
                .map_or(SHOW_AFTER, Duration::from_millis),
        }
    }
}

impl Progress for TerminalProgress {
    fn start(&self, sources: usize) {
        self.bar.set_length(sources as u64);
    }

    fn advance(&self, sources: usize, bytes: u64) {
        let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        let megabytes = total as f64 / 1e6;
        self.bar.set_message(format!(
            "{megabytes:.1} MB, {:.1} MB/s",
            megabytes / seconds
        ));
        self.bar.inc(sources as u64);
        let due = self.enabled && self.started.elapsed() >= self.delay;
        if due && !self.shown.swap(true, Ordering::Relaxed) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
