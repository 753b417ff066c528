//! The keyword options every function of the package takes, with the
//! CLI's defaults and meanings, turned into the library's `Config` once:
//! analysis (`themes`, `commentary`, `theme_negation`, `keep_furniture`,
//! `stopwords`, `ngrams`, `stem`, `mattr_window`) and reports (`top`,
//! `all_terms`, `min_g2`, `min_count`, `sentences`, `kwic`,
//! `kwic_window`). The first and second pass of a batch must be given the
//! same ones. An unknown keyword is a `TypeError`, not ignored.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::path::PathBuf;
use textgauge::config::{Config, Stopwords};
use textgauge::piece::PieceAnalyzer;
use textgauge::report::TableOptions;

/// Words each side of a match in `kwic.csv`, as the CLI's default.
const DEFAULT_KWIC_WINDOW: usize = 5;

/// The analyzer and report options of these keyword options.
pub fn settings(options: Option<&Bound<'_, PyDict>>) -> PyResult<(PieceAnalyzer, TableOptions)> {
    let config = config_of(options)?;
    let analyzer = PieceAnalyzer::new(&config).map_err(crate::value_error)?;
    Ok((analyzer, textgauge::table_options(&config)))
}

/// The library's settings for these keyword options.
fn config_of(options: Option<&Bound<'_, PyDict>>) -> PyResult<Config> {
    let mut config = Config::new(Vec::new(), PathBuf::from("reports"));
    let (mut kwic, mut window) = (false, DEFAULT_KWIC_WINDOW);
    for (key, value) in options.into_iter().flat_map(|o| o.iter()) {
        let key: String = key.extract()?;
        match key.as_str() {
            "kwic" => kwic = value.extract()?,
            "kwic_window" => window = value.extract()?,
            other => set(&mut config, other, &value)?,
        }
    }
    config.report.kwic = kwic.then_some(window);
    Ok(config)
}

/// Set option `key` of `config` to `value`.
fn set(config: &mut Config, key: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
    match key {
        "themes" => config.themes_file = value.extract::<Option<PathBuf>>()?,
        "commentary" => config.analysis.commentary = value.extract()?,
        "theme_negation" => config.analysis.theme_negation = value.extract()?,
        "keep_furniture" => config.input.keep_furniture = value.extract()?,
        "stopwords" => config.analysis.terms.stopwords = stopwords(value)?,
        "ngrams" => config.analysis.terms.ngrams = ngrams(value)?,
        "stem" => config.analysis.terms.stem = value.extract()?,
        "mattr_window" => config.analysis.mattr_window = value.extract()?,
        "top" => config.batch.top = value.extract()?,
        "all_terms" => config.batch.all_terms = value.extract()?,
        "min_g2" => config.batch.min_g2 = value.extract()?,
        "min_count" => config.batch.min_count = value.extract()?,
        "sentences" => config.report.sentences = value.extract()?,
        other => return Err(PyTypeError::new_err(format!("unexpected option `{other}`"))),
    }
    Ok(())
}

/// `"english"` (the default), `"none"`, or a word-list file, as `--stopwords`.
fn stopwords(value: &Bound<'_, PyAny>) -> PyResult<Stopwords> {
    let name: PathBuf = value.extract()?;
    Ok(match name.to_str() {
        Some("english") => Stopwords::English,
        Some("none") => Stopwords::None,
        _ => Stopwords::File(name),
    })
}

/// `n` or `(shortest, longest)`, both from 1, as `--ngrams A-B`.
fn ngrams(value: &Bound<'_, PyAny>) -> PyResult<(usize, usize)> {
    let (shortest, longest) = match value.extract::<usize>() {
        Ok(n) => (n, n),
        Err(_) => value.extract::<(usize, usize)>()?,
    };
    if shortest == 0 || shortest > longest {
        return Err(PyValueError::new_err(format!(
            "ngrams ({shortest}, {longest}): give n, or (shortest, longest), both from 1"
        )));
    }
    Ok((shortest, longest))
}
