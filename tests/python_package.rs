//! The Python package (`python/`, PyO3 and maturin), tested from Python:
//! built with pip into a virtual environment under `target/`, its pytest
//! suite (`python/tests/`) run against this build's CLI binary. The first
//! run builds the extension in release mode (about three minutes on two
//! cores); later runs reuse `python/target/`.
//!
//! Skipped, with a message, where there is no `python3` with `venv` or the
//! packages cannot be installed, unless `TEXTGAUGE_REQUIRE_PYTHON=1` (as
//! `.ci/run` sets), which makes that a failure.

use std::path::Path;
use std::process::Command;

fn required() -> bool {
    std::env::var("TEXTGAUGE_REQUIRE_PYTHON").is_ok_and(|v| v == "1")
}

/// Skip (or fail, when required) because of `why`.
fn unavailable(why: &str) {
    assert!(!required(), "the Python package cannot be tested: {why}");
    eprintln!("python_package: skipped: {why}");
}

fn run(command: &mut Command) -> Result<(), String> {
    let output = command.output().map_err(|e| e.to_string())?;
    if output.status.success() {
        return Ok(());
    }
    Err(format!(
        "{:?} failed:\n{}{}",
        command,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    ))
}

#[test]
fn the_python_package_builds_and_passes_its_tests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let venv = root.join("target").join("python-venv");
    let python = venv.join("bin").join("python");
    if !python.exists() {
        if let Err(why) = run(Command::new("python3").args(["-m", "venv"]).arg(&venv)) {
            return unavailable(&why);
        }
    }
    let install = run(Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .arg(root.join("python"))
        .args(["pytest", "pandas", "pyarrow"]));
    if let Err(why) = install {
        return unavailable(&why);
    }
    let tests = Command::new(&python)
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
        .arg(root.join("python").join("tests"))
        .env("TEXTGAUGE_BIN", env!("CARGO_BIN_EXE_textgauge"))
        .current_dir(root)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&tests.stdout);
    println!("{report}");
    assert!(tests.status.success(), "pytest failed:\n{report}");
    // The examples of the package's docstrings.
    let doctests = Command::new(&python)
        .args([
            "-c",
            "import doctest, sys, textgauge; sys.exit(doctest.testmod(textgauge).failed)",
        ])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&doctests.stdout);
    assert!(
        doctests.status.success(),
        "docstring examples failed:\n{out}"
    );
}
