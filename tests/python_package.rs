//! The Python package (`python/`, PyO3 and maturin), tested from Python:
//! built with pip into a virtual environment under `target/`, its pytest
//! suite (`python/tests/`) run against this build's CLI binary; and the
//! batch on the engines, Spark and Dask (`examples/`), against the CLI on a
//! generated corpus. The first run builds the extension in release mode
//! (about three minutes on two cores) and installs pandas, pyarrow,
//! polars, pyspark and dask; later runs reuse `python/target/` and the
//! environment.
//!
//! Skipped, with a message, where there is no `python3` with `venv`, the
//! packages cannot be installed or (for Spark) there is no Java, unless
//! `TEXTGAUGE_REQUIRE_PYTHON=1` (as `.ci/run` sets), which makes that a
//! failure.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn required() -> bool {
    std::env::var("TEXTGAUGE_REQUIRE_PYTHON").is_ok_and(|v| v == "1")
}

/// Skip (or fail, when required) because of `why`.
fn unavailable(test: &str, why: &str) {
    assert!(!required(), "{test} cannot run: {why}");
    eprintln!("{test}: skipped: {why}");
}

fn run(command: &mut Command) -> Result<String, String> {
    let output = command.output().map_err(|e| e.to_string())?;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if output.status.success() {
        return Ok(stderr);
    }
    Err(format!(
        "{:?} failed:\n{}{stderr}",
        command,
        String::from_utf8_lossy(&output.stdout),
    ))
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The environment's Python with the package and its test and engine
/// packages installed, made once for the tests of this file.
fn python() -> &'static Result<PathBuf, String> {
    static PYTHON: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let venv = root().join("target").join("python-venv");
        let python = venv.join("bin").join("python");
        if !python.exists() {
            run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
        }
        run(Command::new(&python)
            .args(["-m", "pip", "install", "--quiet"])
            .arg("--disable-pip-version-check")
            .arg(root().join("python"))
            .args([
                "pytest",
                "pandas",
                "pyarrow",
                "polars",
                "pyspark",
                "dask[distributed]",
            ]))?;
        Ok(python)
    })
}

#[test]
fn the_python_package_builds_and_passes_its_tests() {
    let python = match python() {
        Ok(python) => python,
        Err(why) => return unavailable("python_package", why),
    };
    let tests = Command::new(python)
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
        .arg(root().join("python").join("tests"))
        .env("TEXTGAUGE_BIN", env!("CARGO_BIN_EXE_textgauge"))
        .current_dir(root())
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&tests.stdout);
    println!("{report}");
    assert!(tests.status.success(), "pytest failed:\n{report}");
    // The examples of the package's docstrings.
    let doctests = Command::new(python)
        .args(["-c", DOCTESTS])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&doctests.stdout);
    assert!(
        doctests.status.success(),
        "docstring examples failed:\n{out}"
    );
}

/// Runs the docstring examples of the package's modules.
const DOCTESTS: &str = "import doctest, sys, textgauge, textgauge.files, textgauge.polars
modules = [textgauge, textgauge.files, textgauge.polars]
sys.exit(sum(doctest.testmod(m).failed for m in modules))";

/// Words the generated articles are made of: commentary vocabulary, with
/// words of the built-in themes and of the commentary pack, so every report
/// has rows.
const WORDS: &[&str] = &[
    "the",
    "government",
    "minister",
    "said",
    "budget",
    "security",
    "forces",
    "attack",
    "economy",
    "growth",
    "inflation",
    "rose",
    "fell",
    "perhaps",
    "clearly",
    "however",
    "although",
    "officials",
    "according",
    "to",
    "we",
    "believe",
    "our",
    "party",
    "election",
    "voters",
    "reform",
    "corruption",
    "court",
    "ruled",
    "refugees",
    "border",
    "crisis",
    "propaganda",
    "media",
    "religion",
    "identity",
    "community",
    "tribal",
    "militants",
    "violence",
    "peace",
    "talks",
    "may",
    "might",
    "suggests",
    "certainly",
    "of",
    "and",
    "in",
    "a",
    "on",
    "for",
    "with",
    "by",
    "was",
    "is",
    "will",
    "new",
    "policy",
    "market",
    "bank",
    "interest",
    "rates",
    "unemployment",
    "trade",
    "tariffs",
    "exports",
    "prices",
    "energy",
    "climate",
    "health",
    "schools",
    "teachers",
    "hospital",
    "nurses",
    "strike",
    "union",
    "protest",
    "police",
    "arrested",
    "charged",
    "investigation",
    "report",
    "analysts",
    "warned",
    "expected",
    "likely",
    "despite",
    "nevertheless",
    "I",
    "think",
    "council",
    "parliament",
    "vote",
    "bill",
    "law",
    "rights",
    "freedom",
    "censorship",
    "journalists",
];

/// A deterministic generator of article texts (xorshift).
struct Articles(u64);

impl Articles {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }

    fn sentence(&mut self) -> String {
        let length = 4 + self.next(22);
        let words: Vec<&str> = (0..length).map(|_| WORDS[self.next(WORDS.len())]).collect();
        let mut sentence = words.join(" ");
        sentence[..1].make_ascii_uppercase();
        sentence + [".", ".", ".", "?", "!"][self.next(5)]
    }

    fn article(&mut self) -> String {
        let mut text = String::new();
        if self.next(3) == 0 {
            text += "Ministers Face a Hard Winter\n\n";
        }
        for _ in 0..1 + self.next(6) {
            let sentences: Vec<String> = (0..1 + self.next(5)).map(|_| self.sentence()).collect();
            text += &sentences.join(" ");
            text += "\n\n";
        }
        text
    }
}

/// 2,000 generated articles in four folders, and the seed article.
fn corpus(dir: &Path) {
    let mut articles = Articles(0x9E37_79B9_7F4A_7C15);
    for i in 0..2_000 {
        let folder = dir.join(["politics", "economy", "security", "society"][i % 4]);
        fs::create_dir_all(&folder).unwrap();
        fs::write(folder.join(format!("{i:04}.txt")), articles.article()).unwrap();
    }
    let seeds = dir.join("seeds");
    fs::create_dir_all(&seeds).unwrap();
    for seed in fs::read_dir(root().join("seeds")).unwrap() {
        let seed = seed.unwrap().path();
        fs::copy(&seed, seeds.join(seed.file_name().unwrap())).unwrap();
    }
}

/// The reports the equivalence covers.
const REPORTS: [&str; 7] = [
    "documents",
    "compare",
    "keyness",
    "groups",
    "corpus_terms",
    "terms",
    "themes",
];

/// The CLI, analyze_batch in one process, Spark with 1, 2, 7 and 64
/// partitions (and with its vocabulary merged by shard and pruned) and Dask
/// with 2 workers write byte-identical reports of a corpus of 2,001
/// articles.
#[test]
fn the_engines_write_the_cli_s_reports() {
    const TEST: &str = "engine equivalence";
    let python = match python() {
        Ok(python) => python,
        Err(why) => return unavailable(TEST, why),
    };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus");
    corpus(&input);
    let cli = |name: &str, options: &[&str]| {
        let out = dir.path().join(name);
        let status = Command::new(env!("CARGO_BIN_EXE_textgauge"))
            .arg("analyze")
            .arg(&input)
            .args(["--group-by", "folder", "--quiet"])
            .args(options)
            .arg("--out")
            .arg(&out)
            .status()
            .unwrap();
        assert!(status.success());
        out
    };
    let expected = cli("cli", &[]);
    let expected_min_count = cli("cli-min-count", &["--min-count", "2"]);
    let examples = root().join("examples");
    let mut runs: Vec<(String, Command, &Path)> = Vec::new();
    let mut in_process = Command::new(python);
    in_process.arg(examples.join("batch_textgauge.py"));
    runs.push(("analyze_batch".into(), in_process, &expected));
    match run(Command::new("java").arg("-version")) {
        Ok(_) => {
            for partitions in ["1", "2", "7", "64"] {
                let mut spark = Command::new(python);
                spark.arg(examples.join("pyspark_textgauge.py"));
                spark.args(["--partitions", partitions]);
                runs.push((format!("spark, {partitions} partitions"), spark, &expected));
            }
            // The vocabulary merged by shard on the executors, pruned there.
            let mut sharded = Command::new(python);
            sharded.arg(examples.join("pyspark_textgauge.py"));
            sharded.args(["--partitions", "7", "--shards", "4", "--min-count", "2"]);
            let name = "spark, 7 partitions, 4 shards, --min-count 2".to_owned();
            runs.push((name, sharded, &expected_min_count));
        }
        Err(why) => unavailable("the Spark runs", &format!("no Java: {why}")),
    }
    let mut dask = Command::new(python);
    dask.arg(examples.join("dask_textgauge.py"))
        .args(["--workers", "2"]);
    runs.push(("dask, 2 workers".into(), dask, &expected));
    for (index, (name, mut command, expected)) in runs.into_iter().enumerate() {
        let out = dir.path().join(format!("run{index}"));
        command.arg(&input).arg(&out).args(["--group-by", "folder"]);
        let log = run(&mut command).unwrap_or_else(|why| panic!("{name}: {why}"));
        eprintln!("{name}: {}", log.lines().last().unwrap_or_default());
        for report in REPORTS {
            let file = format!("{report}.csv");
            let want = fs::read(expected.join(&file)).unwrap();
            let got = fs::read(out.join(&file)).unwrap_or_else(|e| panic!("{name}: {file}: {e}"));
            assert!(got == want, "{name}: {file} differs from the CLI's");
        }
    }
}
