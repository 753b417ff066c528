//! The `textgauge` binary: parse the command line, call the library, print
//! messages and turn the outcome into an exit status (0 all analyzed, 1 some
//! inputs failed, 2 bad usage or nothing could be done). A closed output
//! pipe ends the program quietly.

mod cli;
mod progress_bar;

use clap::Parser;
use cli::{AnalyzeArgs, Cli, Command, SyllablesArgs, ThemesArgs};
use std::io::{BufRead, Write};
use std::process::ExitCode;
use textgauge::{analyze_with_progress, themes, write_reports, Error, Failure};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Analyze(args) => run_analyze(args),
        Command::Syllables(args) => print_output(|out| print_syllables(args, out)),
        Command::Themes(args) => print_output(|out| print_themes(args, out)),
    };
    ExitCode::from(result)
}

fn run_analyze(args: &AnalyzeArgs) -> u8 {
    let config = args.to_config();
    let progress = progress_bar::TerminalProgress::new(args.quiet);
    let batch = match analyze_with_progress(&config, &progress) {
        Ok(batch) => batch,
        Err(Error::NothingAnalyzed(failures)) => {
            report_failures(&failures);
            eprintln!("textgauge: nothing could be analyzed; no reports written");
            return 2;
        }
        Err(err) => {
            eprintln!("textgauge: {err}");
            return 2;
        }
    };
    report_failures(&batch.failures);
    if !args.quiet {
        for warning in &batch.warnings {
            eprintln!(
                "textgauge: warning: {}: {}",
                warning.document, warning.message
            );
        }
    }
    match write_reports(&batch, &config) {
        Ok(written) if !args.quiet => print_summary(&batch, &written),
        Ok(_) => {}
        Err(err) => {
            eprintln!("textgauge: {err}");
            return 2;
        }
    }
    u8::from(!batch.failures.is_empty())
}

fn report_failures(failures: &[Failure]) {
    for failure in failures {
        eprintln!("textgauge: {}: {}", failure.document, failure.message);
    }
}

fn print_summary(batch: &textgauge::Batch, written: &textgauge::Written) {
    for warning in &written.warnings {
        eprintln!("textgauge: warning: {warning}");
    }
    let failed = batch.failures.len();
    eprintln!(
        "analyzed {} document(s){}",
        batch.analyses.len(),
        if failed > 0 {
            format!(", {failed} input(s) with problems")
        } else {
            String::new()
        }
    );
    for file in &written.files {
        eprintln!("wrote {}", file.display());
    }
}

/// Run a printing command on buffered stdout; a broken pipe is a quiet success.
fn print_output(print: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> u8 {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match print(&mut out).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(err) => {
            eprintln!("textgauge: {err}");
            2
        }
    }
}

fn print_themes(args: &ThemesArgs, out: &mut dyn Write) -> std::io::Result<()> {
    if args.list {
        return out.write_all(themes::built_in::list_csv().as_bytes());
    }
    let found = themes::built_in::find(&args.name).expect("checked by the parser");
    out.write_all(found.csv.as_bytes())
}

fn print_syllables(args: &SyllablesArgs, out: &mut dyn Write) -> std::io::Result<()> {
    let count = if args.rules_only {
        textgauge::text::syllables::rule_syllables
    } else {
        textgauge::text::syllables
    };
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    writer.write_record(["word", "syllables"])?;
    let mut row = |word: &str| writer.write_record([word, &count(word).to_string()]);
    if args.words.is_empty() {
        for line in std::io::stdin().lock().lines() {
            let line = line?;
            let word = line.trim();
            if !word.is_empty() {
                row(word)?;
            }
        }
    } else {
        args.words.iter().try_for_each(|word| row(word))?;
    }
    writer.flush()
}
