//! YAML dictionaries, as quanteda writes and reads them
//! (`dictionary(file = …, format = "YAML")`): nested keys are nested
//! themes, and a key's list holds its patterns.
//!
//! ```yaml
//! security:
//!   violence: [attack*, bomb*]
//!   policing:
//!     - police
//!     - armed police
//! economy:
//!   - tax*
//! ```
//!
//! gives the themes `security`, `security/violence`, `security/policing`
//! and `economy`. A key may also hold a single pattern (`economy: tax*`).
//! Anything else (a list inside a list, a key inside a list, a document
//! that is not a mapping) is an error naming its line.

use super::ThemeDictionary;
use yaml_rust2::parser::{Event, Parser};

/// Where the reader is.
enum Frame {
    /// In a mapping; the key read and waiting for its value, if any.
    Keys(Option<String>),
    /// In the list of patterns of a theme.
    Patterns(String),
}

/// Read YAML text into `dictionary`; an error is (line, message).
pub(super) fn read_yaml(text: &str, dictionary: &mut ThemeDictionary) -> Result<(), (u64, String)> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut path: Vec<String> = Vec::new();
    loop {
        let (event, mark) = parser
            .next_token()
            .map_err(|err| (err.marker().line() as u64, err.info().to_owned()))?;
        let line = mark.line() as u64;
        let at = |message: &str| (line, message.to_owned());
        match event {
            Event::StreamEnd => return Ok(()),
            Event::MappingStart(..) => match stack.last_mut() {
                None => stack.push(Frame::Keys(None)),
                Some(Frame::Keys(key @ Some(_))) => {
                    path.push(key.take().expect("matched Some"));
                    stack.push(Frame::Keys(None));
                }
                Some(_) => return Err(at("a list of patterns holds words, not `key:` lines")),
            },
            Event::SequenceStart(..) => match stack.last_mut() {
                Some(Frame::Keys(key @ Some(_))) => {
                    let theme = theme_name(&path, key.take().expect("matched Some"));
                    stack.push(Frame::Patterns(theme));
                }
                Some(Frame::Patterns(_)) => return Err(at("a list inside a list of patterns")),
                _ => return Err(at("a dictionary is a mapping of themes to patterns")),
            },
            Event::MappingEnd => {
                stack.pop();
                path.pop();
            }
            Event::SequenceEnd => {
                stack.pop();
            }
            Event::Scalar(value, ..) => match stack.last_mut() {
                Some(Frame::Keys(key @ None)) => *key = Some(value),
                Some(Frame::Keys(key @ Some(_))) => {
                    let theme = theme_name(&path, key.take().expect("matched Some"));
                    dictionary.add(&theme, &value).map_err(|m| (line, m))?;
                }
                Some(Frame::Patterns(theme)) => {
                    dictionary.add(theme, &value).map_err(|m| (line, m))?;
                }
                None => return Err(at("a dictionary is a mapping of themes to patterns")),
            },
            Event::Alias(_) => return Err(at("YAML aliases are not read in a dictionary")),
            _ => {}
        }
    }
}

/// The theme at `key` under the keys of `path`.
fn theme_name(path: &[String], key: String) -> String {
    if path.is_empty() {
        return key;
    }
    format!("{}/{key}", path.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<ThemeDictionary, (u64, String)> {
        let mut dictionary = ThemeDictionary::empty("t.yml");
        read_yaml(text, &mut dictionary).map(|()| dictionary)
    }

    #[test]
    fn nested_keys_are_nested_themes() {
        let text = "security:\n  violence: [attack*, bomb*]\n  policing:\n    - police\n    - armed police\neconomy:\n  - tax*\nfinance: bank*\n";
        let dictionary = read(text).unwrap();
        assert_eq!(
            dictionary.themes(),
            [
                "security",
                "security/violence",
                "security/policing",
                "economy",
                "finance"
            ]
        );
        assert_eq!(dictionary.pattern_count(), 6);
    }

    #[test]
    fn what_is_not_a_dictionary_names_its_line() {
        let line = |text: &str| read(text).unwrap_err().0;
        assert_eq!(
            line("security:\n  - [attack, bomb]\n"),
            2,
            "a list in a list"
        );
        assert_eq!(
            line("security:\n  - attack\n  - key: value\n"),
            3,
            "a key in a list"
        );
        assert_eq!(line("- attack\n"), 1, "not a mapping");
        assert_eq!(line("security:\n  - wa*r\n"), 2, "a bad pattern");
        assert_eq!(line("security: [attack\n"), 2, "unclosed");
    }
}
