//! The fixed lines of a header: the Quốc hiệu (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`), the
//! Tiêu ngữ (`Độc lập - Tự do - Hạnh phúc`; NĐ 30/2020/NĐ-CP, Phụ lục I, §II.1) and the
//! Party line (`ĐẢNG CỘNG SẢN VIỆT NAM`; HD 36-HD/VPTW, §1), found in a line as their
//! patterns find them (the patterns are kept in the tests, which compare the two).
//!
//! Read word by word rather than by compiled patterns: a first parse compiled all three,
//! 0.3–0.6 ms of every process that reads one document (`vanban cite FILE`, `cat FILE |
//! vanban check`), for three fixed phrases.

use std::ops::Range;

/// One step of a phrase.
#[derive(Clone, Copy)]
enum Step {
    /// One of these texts (tried in order: none is a prefix of another).
    Word(&'static [&'static str]),
    /// White space, none or more (`\s*`).
    Spaces,
    /// White space, one or more (`\s+`).
    Space,
    /// A dash, hyphen or en or em dash (`[-–—]`).
    Dash,
}

use Step::{Dash, Space, Spaces, Word};

/// `C[ỘO]NG\s*H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM`: in
/// capitals, the tone marks of OCR and old fonts optional (`CONG HOA`, `HOÀ`).
const QUOC_HIEU: &[Step] = &[
    Word(&["CỘNG", "CONG"]),
    Spaces,
    Word(&["HÒA", "HOÀ", "HOA"]),
    Space,
    Word(&["XÃ", "XA"]),
    Space,
    Word(&["HỘI", "HOI"]),
    Space,
    Word(&["CHỦ", "CHU"]),
    Space,
    Word(&["NGHĨA", "NGHIA"]),
    Space,
    Word(&["VIỆT", "VIET"]),
    Space,
    Word(&["NAM"]),
];

/// `Đ[ẢA]NG\s+C[ỘO]NG\s+S[ẢA]N\s+VI[ỆE]T\s+NAM`.
const PARTY_LINE: &[Step] = &[
    Word(&["ĐẢNG", "ĐANG"]),
    Space,
    Word(&["CỘNG", "CONG"]),
    Space,
    Word(&["SẢN", "SAN"]),
    Space,
    Word(&["VIỆT", "VIET"]),
    Space,
    Word(&["NAM"]),
];

/// `(?i)Độc\s*lập\s*[-–—]\s*Tự\s*do\s*[-–—]\s*Hạnh\s*phúc`, in any case.
const TIEU_NGU: &[Step] = &[
    Word(&["độc"]),
    Spaces,
    Word(&["lập"]),
    Spaces,
    Dash,
    Spaces,
    Word(&["tự"]),
    Spaces,
    Word(&["do"]),
    Spaces,
    Dash,
    Spaces,
    Word(&["hạnh"]),
    Spaces,
    Word(&["phúc"]),
];

/// Where the Quốc hiệu is in `line`, the first place it is.
pub(super) fn quoc_hieu(line: &str) -> Option<Range<usize>> {
    find(line, QUOC_HIEU, false)
}

/// Where the Party line is in `line`, the first place it is.
pub(super) fn party_line(line: &str) -> Option<Range<usize>> {
    find(line, PARTY_LINE, false)
}

/// Where the Tiêu ngữ is in `line` (in any case), the first place it is.
pub(super) fn tieu_ngu(line: &str) -> Option<Range<usize>> {
    find(line, TIEU_NGU, true)
}

/// The first place in `line` where `phrase` is, as a pattern's leftmost match: each start
/// is tried in order. Every step is decided by the next characters (a run of white space
/// is followed by a word or a dash, which starts with none), so a start has at most one
/// match and no step is tried again.
fn find(line: &str, phrase: &[Step], any_case: bool) -> Option<Range<usize>> {
    // Only where the first word's first letter is can the phrase start (the first word's
    // forms share it: `CỘNG`, `CONG`; in lower case when read in any case).
    let Some(Word([first, ..])) = phrase.first() else {
        return None;
    };
    let lead = first.chars().next()?;
    line.char_indices()
        .filter(|&(_, c)| if any_case { lower(c) } else { c } == lead)
        .find_map(|(at, _)| match_at(line, at, phrase, any_case).map(|end| at..end))
}

/// Where `phrase` ends when it starts at `at` of `line`.
fn match_at(line: &str, at: usize, phrase: &[Step], any_case: bool) -> Option<usize> {
    let mut pos = at;
    for step in phrase {
        let rest = &line[pos..];
        pos += match *step {
            Word(words) => words.iter().find_map(|w| word_len(rest, w, any_case))?,
            Spaces => rest.len() - rest.trim_start().len(),
            Space => {
                let n = rest.len() - rest.trim_start().len();
                (n > 0).then_some(n)?
            }
            Dash => rest
                .chars()
                .next()
                .filter(|c| matches!(c, '-' | '–' | '—'))?
                .len_utf8(),
        };
    }
    Some(pos)
}

/// The length in `text` of `word` at its start, compared letter by letter in one case
/// when `any_case` (`ĐỘC`, `Độc`, `độc`).
fn word_len(text: &str, word: &str, any_case: bool) -> Option<usize> {
    if !any_case {
        return text.starts_with(word).then_some(word.len());
    }
    let mut len = 0;
    let mut chars = text.chars();
    for w in word.chars() {
        let c = chars.next()?;
        if lower(c) != w {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

/// The lower case of a letter of the phrases: every one has one letter for each case
/// (`Đ`/`đ`, `Ộ`/`ộ`), and no other letter folds to one of them.
fn lower(c: char) -> char {
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// A phrase's finder.
    type Finder = fn(&str) -> Option<Range<usize>>;

    /// The patterns the phrases stand for, as the parser compiled them before.
    static PATTERNS: std::sync::LazyLock<[(Regex, Finder); 3]> = std::sync::LazyLock::new(|| {
        [
            (
                Regex::new(
                    r"C[ỘO]NG\s*H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM",
                )
                .unwrap(),
                quoc_hieu,
            ),
            (
                Regex::new(r"Đ[ẢA]NG\s+C[ỘO]NG\s+S[ẢA]N\s+VI[ỆE]T\s+NAM").unwrap(),
                party_line,
            ),
            (
                Regex::new(r"(?i)Độc\s*lập\s*[-–—]\s*Tự\s*do\s*[-–—]\s*Hạnh\s*phúc").unwrap(),
                tieu_ngu,
            ),
        ]
    });

    fn same(line: &str) {
        for (re, find) in PATTERNS.iter() {
            let want = re.find(line).map(|m| m.range());
            assert_eq!(find(line), want, "{re} in {line:?}");
        }
    }

    /// Every line of the test corpus and of the portal pages, as the patterns read them.
    #[test]
    fn the_phrases_are_found_where_the_patterns_find_them() {
        let mut lines = 0;
        let mut found = 0;
        for dir in ["tests/corpus", "tests/portal"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in std::fs::read_dir(dir).expect("dir") {
                let path = entry.expect("entry").path();
                if path.extension().is_none_or(|x| x != "txt") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("text");
                for line in text.lines() {
                    same(line);
                    lines += 1;
                    found += usize::from(quoc_hieu(line).is_some() || tieu_ngu(line).is_some());
                }
            }
        }
        assert!(lines > 10_000 && found > 80, "{lines} lines, {found} found");
    }

    /// A phrase starts where its first word's first letter is: every form of that word
    /// has the same, in lower case when the phrase is read in any case.
    #[test]
    fn first_words_share_their_first_letter() {
        for (phrase, any_case) in [(QUOC_HIEU, false), (PARTY_LINE, false), (TIEU_NGU, true)] {
            let Some(Word(forms)) = phrase.first() else {
                panic!("a phrase starts with a word");
            };
            let first = forms[0].chars().next();
            assert!(forms.iter().all(|f| f.chars().next() == first));
            assert!(!any_case || forms.iter().all(|f| f.chars().all(|c| lower(c) == c)));
        }
    }

    /// The forms real headers take, and near misses.
    #[test]
    fn real_forms_and_near_misses() {
        for line in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CONG HOA XA HOI CHU NGHIA VIET NAM",
            "CỘNGHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "# ỦY BAN NHÂN DÂN TỈNH X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "| **BỘ TÀI CHÍNH** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\u{A0}|",
            "CỘNG HÒA\u{A0}XÃ HỘI\tCHỦ NGHĨA\n VIỆT NAM",
            "Cộng hòa xã hội chủ nghĩa Việt Nam",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT",
            "CỘNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "ĐẢNG CỘNG SẢN VIỆT NAM TỈNH ỦY LAI CHÂU",
            "ĐANG CONG SAN VIET NAM",
            "ĐẢNG  CỘNG SẢN VIỆTNAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Độc lập – Tự do – Hạnh phúc",
            "ĐỘC LẬP — TỰ DO — HẠNH PHÚC",
            "Độc lập-Tự do-Hạnh phúc",
            "độclập - tựdo - hạnhphúc",
            "Độc lập - Tự do - Hạnh",
            "Độc lập -- Tự do - Hạnh phúc",
            "**Độc lập - Tự do - Hạnh phúc** Độc lập - Tự do - Hạnh phúc",
            "",
            "C",
            "Đ",
        ] {
            same(line);
        }
    }

    /// Lines made of the phrases' pieces, cut, doubled and spaced at random.
    #[test]
    fn generated_lines() {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "CỘNG", "CONG", "HÒA", "HOÀ", "HOA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "VIET",
            "NAM", "ĐẢNG", "SẢN", "Độc", "ĐỘC", "độc", "lập", "LẬP", "Tự", "TỰ", "do", "DO",
            "Hạnh", "HẠNH", "phúc", "PHÚC", "-", "–", "—", " ", "  ", "\u{A0}", "\t", "C", "Đ",
            "x",
        ]);
        let mut runner = proptest::test_runner::TestRunner::default();
        runner
            .run(&prop::collection::vec(piece, 0..40), |pieces| {
                same(&pieces.concat());
                same(&pieces.join(" "));
                Ok(())
            })
            .unwrap();
    }
}
