//! Build the CMUdict syllable lookup table at compile time, so that no run
//! spends time on it (see `src/text/cmudict_slots.rs`).

include!("src/text/cmudict_slots.rs");

fn main() {
    const SOURCE: &str = "data/cmudict_syllables.txt";
    println!("cargo::rerun-if-changed={SOURCE}");
    println!("cargo::rerun-if-changed=src/text/cmudict_slots.rs");
    let text = std::fs::read_to_string(SOURCE).expect("data/cmudict_syllables.txt is readable");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("cmudict_slots.bin");
    std::fs::write(out, slot_table_bytes(&text)).expect("OUT_DIR is writable");
}
