//! The labels a document's lines are known by: `Kính gửi` and `Nơi nhận` (NĐ 30/2020, Phụ
//! lục I §II.6 and §II.9), the trích yếu's `V/v` (§II.6), the marks of urgency and secrecy
//! (Điều 15, §II.11), and the words the body opens with (`Căn cứ`, `Điều 1`, …).
//!
//! Each is read by hand, exactly as the pattern in its tests reads it (the tests compare the
//! two on every line of the corpus and on generated lines): compiling the six patterns took
//! 0.8 ms of the first [`Document::parse`](super::Document::parse) in every process, a fifth
//! of `vanban parse` on one page, and `vanban cite` pays it for the header.

use std::ops::Range;

/// The end of a `Kính gửi` label (`(?:Kính|KÍNH)\s+(?:gửi|GỬI)\s*:?`) and where it starts:
/// the first in `t`.
pub(super) fn kinh_gui(t: &str) -> Option<Range<usize>> {
    memchr::memchr_iter(b'K', t.as_bytes()).find_map(|at| {
        let rest = &t[at..];
        let after = rest
            .strip_prefix("Kính")
            .or_else(|| rest.strip_prefix("KÍNH"))?;
        let words = after.trim_start_matches(char::is_whitespace);
        if words.len() == after.len() {
            return None;
        }
        let tail = words
            .strip_prefix("gửi")
            .or_else(|| words.strip_prefix("GỬI"))?;
        Some(at..t.len() - colon_after_spaces(tail).len())
    })
}

/// The end of a `Nơi nhận` label at the start of `t` (`^(?:Nơi|NƠI)\s*(?:nhận|NHẬN)\s*:?`).
pub(super) fn noi_nhan(t: &str) -> Option<usize> {
    let after = t.strip_prefix("Nơi").or_else(|| t.strip_prefix("NƠI"))?;
    let words = after.trim_start_matches(char::is_whitespace);
    let tail = words
        .strip_prefix("nhận")
        .or_else(|| words.strip_prefix("NHẬN"))?;
    Some(t.len() - colon_after_spaces(tail).len())
}

/// `t` after white space and a colon, if one follows it (`\s*:?`).
fn colon_after_spaces(t: &str) -> &str {
    let t = t.trim_start_matches(char::is_whitespace);
    t.strip_prefix(':').unwrap_or(t)
}

/// The marks of urgency and secrecy a line may be on its own (NĐ 30/2020, Điều 15; Luật Bảo
/// vệ bí mật nhà nước 2018, Điều 10), in capitals as printed.
const MARKS: [&str; 11] = [
    "HỎA TỐC HẸN GIỜ",
    "HOẢ TỐC HẸN GIỜ",
    "HỎA TỐC",
    "HOẢ TỐC",
    "THƯỢNG KHẨN",
    "KHẨN",
    "TUYỆT MẬT",
    "TỐI MẬT",
    "MẬT",
    "XEM XONG TRẢ LẠI",
    "LƯU HÀNH NỘI BỘ",
];

/// Whether the line `t` is a mark and nothing else.
pub(super) fn is_mark(t: &str) -> bool {
    MARKS.contains(&t)
}

/// Whether `t` starts as a body does: its bases (`Căn cứ`, `Xét đề nghị`, `Theo đề nghị`),
/// its first article, chapter or part (`Điều 1`, `Chương II`, `PHẦN I`, `Phần thứ`).
pub(super) fn body_start(t: &str) -> bool {
    // A Roman numeral's letter or a digit after `Chương`, `PHẦN`, `CHƯƠNG`.
    let numeral = |r: &str| {
        r.chars()
            .next()
            .is_some_and(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C') || is_decimal_digit(c))
    };
    ["Căn cứ", "Xét ", "Theo đề nghị", "Phần thứ"]
        .iter()
        .any(|p| t.starts_with(p))
        || t.strip_prefix("Điều ")
            .is_some_and(|r| r.chars().next().is_some_and(is_decimal_digit))
        || ["Chương ", "PHẦN ", "CHƯƠNG "]
            .iter()
            .any(|p| t.strip_prefix(p).is_some_and(numeral))
}

/// Where, after an addressee, the words a body opens with start (`Thực hiện …`, `Căn cứ …`,
/// `Ngày 5 …`): the white space before the first of them.
pub(super) fn opener(t: &str) -> Option<usize> {
    const OPENERS: [&str; 17] = [
        "Trong thời gian",
        "Thực hiện",
        "Căn cứ",
        "Theo ",
        "Tại ",
        "Trả lời",
        "Vừa qua",
        "Hiện nay",
        "Để ",
        "Qua ",
        "Sau khi",
        "Nhằm ",
        "Xét ",
        "Phúc đáp",
        "Nhận được",
        // `Ngày` and a digit, of the pattern, is `Ngày` too.
        "Ngày",
        "Thời gian qua",
    ];
    t.char_indices().find_map(|(at, c)| {
        let rest = &t[at + c.len_utf8()..];
        (c.is_whitespace() && OPENERS.iter().any(|o| rest.starts_with(o))).then_some(at)
    })
}

/// The first trích yếu label in `t`: `V/v` (any case of either `v`) or `Vv`
/// followed by a space, a tab, a colon or the end, at the start or after white space, maybe
/// after a quotation mark; or `Về việc`, `VỀ VIỆC` opening `t`; then spaces, a colon, spaces.
/// As `(?:^|\s)["“]?(?:[Vv]/[Vv]|Vv(?:[ \t:]|$))[ \t]*:?[ \t]*` and
/// `^["“]?(?:Về việc|VỀ VIỆC)(?:[ \t:]|$)[ \t]*:?[ \t]*` read it.
pub(super) fn vv(t: &str) -> Option<Range<usize>> {
    // The end of the label read from `at`, a quotation mark maybe first.
    let label = |at: usize| -> Option<usize> {
        let r = &t[at..];
        let r = r
            .strip_prefix('"')
            .or_else(|| r.strip_prefix('“'))
            .unwrap_or(r);
        let b = r.as_bytes();
        let after = match b {
            [b'V' | b'v', b'/', b'V' | b'v', ..] => &r[3..],
            [b'V', b'v', b' ' | b'\t' | b':', ..] => &r[3..],
            [b'V', b'v'] => &r[2..],
            _ => return None,
        };
        Some(t.len() - spaces_colon_spaces(after).len())
    };
    // `Về việc` opens the text only.
    let about = || {
        let r = t
            .strip_prefix('"')
            .or_else(|| t.strip_prefix('“'))
            .unwrap_or(t);
        let after = r
            .strip_prefix("Về việc")
            .or_else(|| r.strip_prefix("VỀ VIỆC"))?;
        let after = match after.as_bytes().first() {
            Some(b' ' | b'\t' | b':') => &after[1..],
            Some(_) => return None,
            None => after,
        };
        Some(t.len() - spaces_colon_spaces(after).len())
    };
    // At the start: the label there, after the white space opening the text, or `Về việc`.
    let first = t.chars().next().filter(|c| c.is_whitespace());
    if let Some(end) = label(0)
        .or_else(|| first.and_then(|c| label(c.len_utf8())))
        .or_else(about)
    {
        return Some(0..end);
    }
    // Later: from a white-space character, which the label's match holds.
    t.char_indices()
        .skip(1)
        .filter(|&(_, c)| c.is_whitespace())
        .find_map(|(at, c)| label(at + c.len_utf8()).map(|end| at..end))
}

/// `t` after spaces and tabs, a colon if one follows, and spaces and tabs again
/// (`[ \t]*:?[ \t]*`).
fn spaces_colon_spaces(t: &str) -> &str {
    let t = t.trim_start_matches([' ', '\t']);
    let t = t.strip_prefix(':').unwrap_or(t);
    t.trim_start_matches([' ', '\t'])
}

/// The first code points of the ten-digit runs of Unicode's decimal digits (`Nd`, what a
/// pattern's `\d` matches): ASCII, Arabic-Indic, Devanagari, …, full-width, mathematical.
/// The tests check every code point against `\d`.
const DIGIT_ZEROS: [u32; 76] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50, 0x11D50,
    0x11DA0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE, 0x1D7D8,
    0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// Whether `c` is a decimal digit of any script (`\d`).
fn is_decimal_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    let u = u32::from(c);
    let i = DIGIT_ZEROS.partition_point(|&z| z <= u);
    i > 0 && u - DIGIT_ZEROS[i - 1] < 10
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::LazyLock;

    /// The patterns the readers read as, as the parser compiled them before.
    static KINH_GUI: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:Kính|KÍNH)\s+(?:gửi|GỬI)\s*:?").unwrap());
    static NOI_NHAN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:Nơi|NƠI)\s*(?:nhận|NHẬN)\s*:?").unwrap());
    static MARK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:HỎA TỐC HẸN GIỜ|HOẢ TỐC HẸN GIỜ|HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN|TUYỆT MẬT|TỐI MẬT|MẬT|XEM XONG TRẢ LẠI|LƯU HÀNH NỘI BỘ)$",
        )
        .unwrap()
    });
    static BODY_START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:Căn cứ|Xét đề nghị|Xét |Theo đề nghị|Điều \d|Điều 1|Chương [IVXLC\d]|Phần thứ|PHẦN [IVXLC\d]|CHƯƠNG [IVXLC\d])",
        )
        .unwrap()
    });
    static OPENER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\s(?:Trong thời gian|Thực hiện|Căn cứ|Theo |Ngày \d|Tại |Trả lời|Vừa qua|Hiện nay|Để |Qua |Sau khi|Nhằm |Xét |Phúc đáp|Nhận được|Ngày|Thời gian qua)",
        )
        .unwrap()
    });
    static VV: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r#"(?:^|\s)["“]?(?:[Vv]/[Vv]|Vv(?:[ \t:]|$))[ \t]*:?[ \t]*"#,
            r#"|^["“]?(?:Về việc|VỀ VIỆC)(?:[ \t:]|$)[ \t]*:?[ \t]*"#
        ))
        .unwrap()
    });

    /// Every reader says of `t` what its pattern says.
    fn same_as_patterns(t: &str) {
        let m = KINH_GUI.find(t).map(|m| m.range());
        assert_eq!(kinh_gui(t), m, "Kính gửi {t:?}");
        let m = NOI_NHAN.find(t).map(|m| m.end());
        assert_eq!(noi_nhan(t), m, "Nơi nhận {t:?}");
        assert_eq!(is_mark(t), MARK.is_match(t), "mark {t:?}");
        assert_eq!(body_start(t), BODY_START.is_match(t), "body {t:?}");
        assert_eq!(opener(t), OPENER.find(t).map(|m| m.start()), "opener {t:?}");
        assert_eq!(vv(t), VV.find(t).map(|m| m.range()), "V/v {t:?}");
    }

    /// The lines of the test corpus and the portal pages, and each line's rests after its
    /// characters (a label found after others on the line).
    #[test]
    fn readers_read_the_corpus_lines_as_the_patterns() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
        let mut lines = 0;
        for dir in ["corpus", "portal"] {
            let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
                .expect("a folder of texts")
                .map(|e| e.expect("an entry").path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            paths.sort();
            for p in paths {
                let text = std::fs::read_to_string(&p).expect("a text");
                for line in text.lines() {
                    lines += 1;
                    same_as_patterns(line);
                    same_as_patterns(line.trim());
                    // Each rest from a white-space character on, where a label may follow.
                    for (at, c) in line.char_indices().filter(|(_, c)| c.is_whitespace()) {
                        same_as_patterns(&line[at..]);
                        same_as_patterns(&line[at + c.len_utf8()..]);
                    }
                }
            }
        }
        assert!(lines > 10_000, "{lines} lines");
    }

    /// Lines that hold every label, and what comes close to one.
    #[test]
    fn readers_read_real_labels_as_the_patterns() {
        for t in [
            "Kính gửi: Ủy ban nhân dân các huyện",
            "KÍNH GỬI : Sở Tài chính",
            "Kính  gửi Bộ Nội vụ",
            "Kínhgửi: Bộ",
            "Kính\u{A0}gửi:",
            "Kính gửi",
            "Nơi nhận:",
            "NƠI NHẬN :",
            "Nơinhận:",
            "Nơi nhận\u{A0}: - Như trên;",
            "KHẨN",
            "HỎA TỐC",
            "MẬT ",
            "Căn cứ Luật Tổ chức chính quyền địa phương",
            "Điều 1. Ban hành",
            "Điều １.",
            "Điều ١",
            "Chương II",
            "CHƯƠNG ٣",
            "PHẦN THỨ NHẤT",
            "Phần thứ hai",
            "Xét đề nghị của Giám đốc",
            "Xét",
            "- Các phòng, ban. Thực hiện Kế hoạch số 12",
            "Sở Y tế\tNgày 5 tháng 3",
            "V/v triển khai",
            "V/V: triển khai",
            "Vv: triển khai",
            "Vv",
            "“V/v tăng cường”",
            " V/v x",
            "Số: 12/UBND-VP V/v báo cáo",
            "Về việc ban hành Quy chế",
            "VỀ VIỆC: ban hành",
            "\"Về việc",
            "Về việcx",
            "vv: x",
            "Vvx",
        ] {
            same_as_patterns(t);
        }
    }

    /// Every code point is a digit to the reader exactly when it is to `\d`.
    #[test]
    fn decimal_digits_are_those_of_the_pattern() {
        let d = Regex::new(r"^\d$").unwrap();
        let mut b = [0u8; 4];
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_decimal_digit(c),
                d.is_match(c.encode_utf8(&mut b)),
                "{c:?}"
            );
        }
    }

    proptest! {
        /// Lines made of the labels' pieces, in any order.
        #[test]
        fn readers_read_generated_lines_as_the_patterns(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Kính", "KÍNH", "gửi", "GỬI", "Nơi", "NƠI", "nhận", "NHẬN", " ", "  ",
                    "\t", "\u{A0}", "\u{2003}", "\n", ":", "V", "v", "/", "Vv", "\"", "“",
                    "Về việc", "VỀ VIỆC", "Căn cứ", "Xét ", "Điều ", "Chương ", "PHẦN ",
                    "CHƯƠNG ", "1", "١", "I", "X", "Ngày", "Theo ", "Thực hiện", "KHẨN",
                    "MẬT", "a", "K", "Đ", "x",
                ]),
                0..10,
            )
        ) {
            same_as_patterns(&parts.concat());
        }
    }
}
