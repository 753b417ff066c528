//! The dictionaries textgauge carries: the topic themes (`data/themes.csv`,
//! the default when no `--themes` file is given) and the commentary pack
//! (`data/commentary/*.csv`): hedging, boosters, attribution, concession
//! and first-person stance, the markers of stance that set commentary
//! apart from reporting (Hyland 2005, "Metadiscourse"; Biber et al. 1999,
//! "Longman Grammar", ch. 10). Each file names its sources in the comment
//! lines at its top, the first of which is its one-line summary, and is in
//! the CSV format `--themes` reads.

use super::ThemeDictionary;

/// The name of the commentary pack, as `themes.csv` shows it.
pub const COMMENTARY: &str = "commentary";

/// One built-in dictionary.
#[derive(Debug, Clone, Copy)]
pub struct BuiltIn {
    /// Its name (`textgauge themes NAME` prints it).
    pub name: &'static str,
    /// Its CSV text, as shipped.
    pub csv: &'static str,
    /// Part of the commentary pack (else the topic themes).
    pub commentary: bool,
}

/// Every built-in dictionary: the topic themes, then the commentary pack.
pub const BUILT_INS: [BuiltIn; 6] = [
    built_in("themes", crate::data::THEMES, false),
    built_in("hedging", crate::data::HEDGING, true),
    built_in("boosters", crate::data::BOOSTERS, true),
    built_in("attribution", crate::data::ATTRIBUTION, true),
    built_in("concession", crate::data::CONCESSION, true),
    built_in("first_person", crate::data::FIRST_PERSON, true),
];

const fn built_in(name: &'static str, csv: &'static str, commentary: bool) -> BuiltIn {
    BuiltIn {
        name,
        csv,
        commentary,
    }
}

impl BuiltIn {
    /// The dictionary, compiled.
    pub fn dictionary(&self) -> ThemeDictionary {
        ThemeDictionary::parse(self.csv, self.name).expect("built-in dictionaries are valid")
    }

    /// Its one-line summary: the first comment line, after its name.
    pub fn summary(&self) -> &'static str {
        let first = self.csv.lines().next().unwrap_or("");
        let text = first.trim_start_matches('#').trim();
        text.split_once(':').map_or(text, |(_, rest)| rest.trim())
    }
}

/// The built-in dictionary called `name`.
pub fn find(name: &str) -> Option<&'static BuiltIn> {
    BUILT_INS.iter().find(|b| b.name.eq_ignore_ascii_case(name))
}

/// The commentary pack: its five dictionaries as one, a theme each.
pub fn commentary() -> ThemeDictionary {
    let mut pack = ThemeDictionary::empty(COMMENTARY);
    for part in BUILT_INS.iter().filter(|b| b.commentary) {
        pack = pack.with_commentary(&part.dictionary());
    }
    // Appended to an empty dictionary, every theme counted as the pack's.
    pack
}

/// `textgauge themes --list`: CSV `dictionary,pack,themes,patterns,summary`.
pub fn list_csv() -> String {
    let mut out = String::from("dictionary,pack,themes,patterns,summary\n");
    for built in &BUILT_INS {
        let dictionary = built.dictionary();
        let pack = if built.commentary { COMMENTARY } else { "" };
        out.push_str(&format!(
            "{},{pack},{},{},\"{}\"\n",
            built.name,
            dictionary.themes().len(),
            dictionary.pattern_count(),
            built.summary().replace('"', "\"\"")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_dictionary_reads_and_names_its_sources() {
        for built in &BUILT_INS {
            let dictionary = built.dictionary();
            assert!(dictionary.pattern_count() >= 15, "{}", built.name);
            assert!(!built.summary().is_empty(), "{}", built.name);
            if built.commentary {
                assert_eq!(
                    dictionary.themes(),
                    [built.name],
                    "one theme, named as the file"
                );
                let dated = built.csv.contains(" 19") || built.csv.contains(" 20");
                assert!(dated, "{}: a dated source", built.name);
            }
        }
    }

    #[test]
    fn the_pack_is_five_themes_all_commentary() {
        let pack = commentary();
        assert_eq!(
            pack.themes(),
            [
                "hedging",
                "boosters",
                "attribution",
                "concession",
                "first_person"
            ]
        );
        assert!(pack.labels().iter().all(|l| l.commentary));
        let with = ThemeDictionary::built_in().with_commentary(&pack);
        let labels = with.labels();
        assert_eq!(labels.len(), 15);
        assert!(!labels[9].commentary && labels[10].commentary);
        assert_eq!(labels[10].rate_name(), "hedging_per_1000");
        assert_eq!(labels[0].rate_name(), "theme_security_violence_per_1000");
        assert_eq!(labels[0].dictionary, "built-in");
        assert_eq!(labels[10].dictionary, COMMENTARY);
    }

    #[test]
    fn the_list_counts_each_dictionary() {
        let list = list_csv();
        let hedging = list.lines().find(|l| l.starts_with("hedging,")).unwrap();
        let patterns = find("hedging").unwrap().dictionary().pattern_count();
        assert!(
            hedging.starts_with(&format!("hedging,commentary,1,{patterns},")),
            "{hedging}"
        );
        assert_eq!(list.lines().count(), 7);
    }
}
