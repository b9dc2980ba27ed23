//! What the benches share (and tests/robustness.rs, for the hostile shapes): the corpus
//! texts, sample numbers, adversarial inputs.

/// Every text of `tests/corpus`, in name order: 83 real documents, 965 KB (31, 426 KB, until
/// the team's whole dev corpus was copied in).
#[allow(dead_code)] // not every includer reads the corpus
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

/// The adversarial shapes, each about `n` bytes: near-misses of numbers, deep outlines,
/// floods of list lines, table cells, emphasis and line breaks.
#[allow(dead_code)] // not every includer builds hostile input
pub fn adversarial(n: usize) -> Vec<(&'static str, String)> {
    let rep = |u: &str| u.repeat(n / u.len());
    let mut outline = String::with_capacity(n);
    let mut depth = 0;
    while outline.len() < n {
        // Ever deeper numbered items: 1. / 1.1 / 1.1.1 … up to 60 levels, then again.
        depth = depth % 60 + 1;
        outline.push_str(&vec!["1"; depth].join("."));
        outline.push_str(". Nội dung\n");
    }
    vec![
        ("slashes", rep("1/")),
        ("dotted", rep("1.")),
        ("outline", outline),
        ("dash-lines", rep("- ;\n")),
        ("one-line", rep("Quyết định số 12/QĐ-UBND ngày 1/1/2020 ")),
        // One list of numbers that never ends with a date: each may yet take one.
        ("listed", rep("12/QĐ-UBND, ")),
        ("so", rep("số ")),
        ("pipes", rep("|")),
        ("pipe-rows", rep("|||||\n")),
        ("emphasis", rep("**KT. ")),
        ("newlines", rep("\n")),
    ]
}
