//! What the benches share: the corpus texts.

/// Every text of `tests/corpus`, in name order: 31 real documents, 426 KB.
pub fn corpus_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/corpus exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("the corpus is UTF-8"))
        .collect()
}

/// One number of each system, for the number benches.
#[allow(dead_code)] // not every bench that includes this module parses numbers
pub const NUMBERS: [&str; 8] = [
    "1530/KH-UBND",
    "30/2020/NĐ-CP",
    "55/2005/TTLT-BNV-VPCP",
    "08-NQ/TU",
    "/SVHTTDL-VP",
    "7816/VPCP-TTĐT",
    "80/2015/QH13",
    "66.7/2025/NQ-CP",
];
