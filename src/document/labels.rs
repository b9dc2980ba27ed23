//! The labels a document's lines are known by: the number's `Số:` (NĐ 30/2020, Phụ lục I
//! §II.3), `Kính gửi` and `Nơi nhận` (§II.6, §II.9), the trích yếu's `V/v` (§II.6), the
//! marks of urgency and secrecy (Điều 15, §II.11), and the words the body opens with (`Căn
//! cứ`, `Điều 1`, …).
//!
//! Each is read by hand, exactly as the pattern in its tests reads it (the tests compare the
//! two on every line and pair of lines of the test corpus and the portal pages, on real and
//! generated lines, and on every code point for `\d`): compiling the seven patterns, the
//! first of them warming the pattern compiler's code up, took about 1.5 ms of the first
//! [`Document::parse`](super::Document::parse) in every process, a third of `vanban parse`
//! on one page, and `vanban cite` paid it for the header.

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
        let r = after_quote(&t[at..]);
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
        let r = after_quote(t);
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

/// `t` after its opening quotation mark, if it has one (`["“]?`).
fn after_quote(t: &str) -> &str {
    t.strip_prefix(['"', '“']).unwrap_or(t)
}

/// `t` after spaces and tabs, a colon if one follows, and spaces and tabs again
/// (`[ \t]*:?[ \t]*`).
fn spaces_colon_spaces(t: &str) -> &str {
    let t = t.trim_start_matches([' ', '\t']);
    let t = t.strip_prefix(':').unwrap_or(t);
    t.trim_start_matches([' ', '\t'])
}

/// The number labels in `t` and the numbers after them, in order, each read on from the
/// end of the one before (NĐ 30/2020, Phụ lục I §II.3): `Số:`, `SỐ`, `S0`, `Sô`; `Luật số`,
/// `Pháp lệnh số` …; a kind's name and `số:` opening a line (`Nghị quyết số: 89/…`); then
/// white space, a colon, a line break, and the number: an optional sequence (a letter may
/// stand before or after it, `A308/…`, `15a/…`), a `/` or `-` and codes of Latin, Vietnamese
/// or look-alike letters, digits, `&` and `.` parted by `/` or `-` (`05/SVHTTDL-VP`,
/// `VPCP-V.I`); or, the slash left out, digits, a space and a capital code with a dash
/// (`44 DN-UBND`). Each as `(whole, number)`: where the match starts (at the white space,
/// `|` or `(` before the label, if any) and ends, and the number's range.
pub(super) fn number_labels(t: &str) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let found = (from..t.len())
            .filter(|&p| t.is_char_boundary(p))
            .find_map(|p| number_label_at(t, p))?;
        from = found.0.end;
        Some(found)
    })
}

/// Whether `t` holds a number label and a number ([`number_labels`]).
pub(super) fn has_number_label(t: &str) -> bool {
    number_labels(t).next().is_some()
}

/// The match of [`number_labels`] starting at `p`: the label right at the text's start, or
/// after a white-space character, `|` or `(` at `p`.
fn number_label_at(t: &str, p: usize) -> Option<(Range<usize>, Range<usize>)> {
    let labelled = |q: usize| label_and_number(t, q).map(|num| (p..num.end, num));
    if p == 0
        && let Some(m) = labelled(0)
    {
        return Some(m);
    }
    let c = t[p..].chars().next()?;
    if c.is_whitespace() || c == '|' || c == '(' {
        return labelled(p + c.len_utf8());
    }
    None
}

/// The number after a label starting at `q`, the labels tried in the pattern's order.
fn label_and_number(t: &str, q: usize) -> Option<Range<usize>> {
    let r = &t[q..];
    let end = |rest: &str| t.len() - rest.len();
    // `Luật số`, `Pháp lệnh số`, …: the name, white space, `số`.
    const NAMED: [&str; 8] = [
        "Luật",
        "LUẬT",
        "Bộ luật",
        "BỘ LUẬT",
        "Pháp lệnh",
        "PHÁP LỆNH",
        "Lệnh",
        "LỆNH",
    ];
    let named = NAMED
        .iter()
        .find_map(|n| r.strip_prefix(n))
        .and_then(|after| {
            let words = after.trim_start_matches(char::is_whitespace);
            if words.len() == after.len() {
                return None;
            }
            words
                .strip_prefix("số")
                .or_else(|| words.strip_prefix("SỐ"))
        });
    if let Some(num) = named.and_then(|rest| number_after_label(t, end(rest))) {
        return Some(num);
    }
    let so = ["Số", "SỐ", "S0", "Sô"]
        .iter()
        .find_map(|l| r.strip_prefix(l));
    if let Some(num) = so.and_then(|rest| number_after_label(t, end(rest))) {
        return Some(num);
    }
    // A kind's name and `số:` opening a line.
    if q > 0 && t.as_bytes()[q - 1] != b'\n' {
        return None;
    }
    const KINDS: [&str; 13] = [
        "Nghị quyết",
        "Quyết định",
        "Nghị định",
        "Thông tư",
        "Chỉ thị",
        "Thông báo",
        "Kế hoạch",
        "Công văn",
        "Công điện",
        "Báo cáo",
        "Tờ trình",
        "Hướng dẫn",
        "Lệnh",
    ];
    let r = r.trim_start_matches([' ', '\t']);
    let after = KINDS.iter().find_map(|k| r.strip_prefix(k))?;
    let so = after.trim_start_matches([' ', '\t']);
    if so.len() == after.len() {
        return None;
    }
    let rest = so.strip_prefix("số")?.trim_start_matches([' ', '\t']);
    let rest = rest.strip_prefix(':')?;
    number_after_label(t, end(rest))
}

/// The number after a label ending at `k`: spaces, a colon, spaces, a line break, spaces,
/// then one of the number's two shapes.
fn number_after_label(t: &str, k: usize) -> Option<Range<usize>> {
    let r = t[k..].trim_start_matches([' ', '\t']);
    let r = r
        .strip_prefix(':')
        .unwrap_or(r)
        .trim_start_matches([' ', '\t']);
    let r = r
        .strip_prefix('\n')
        .unwrap_or(r)
        .trim_start_matches([' ', '\t']);
    let at = t.len() - r.len();
    number_with_slash(t, at)
        .or_else(|| number_without_slash(t, at))
        .map(|end| at..end)
}

/// The end of `(?:[A-Za-z]?\d[\d.]*[A-Za-z]?[ \t]*)?[/-][ \t]*C+(?:[ \t]*[/-][ \t]*C+)*`
/// at `at`, where `C` is a code's character ([`code_char`]).
fn number_with_slash(t: &str, at: usize) -> Option<usize> {
    let b = t.as_bytes();
    let spaces = |i: usize| run_end(t, i, |c| c == ' ' || c == '\t');
    let sep = |i: usize| matches!(b.get(i), Some(b'/' | b'-'));
    // The sequence, if one stands before the separator.
    let sequence = || {
        let i = at + usize::from(b.get(at).is_some_and(u8::is_ascii_alphabetic));
        let d = t
            .get(i..)?
            .chars()
            .next()
            .filter(|&c| is_decimal_digit(c))?;
        let i = run_end(t, i + d.len_utf8(), |c| c == '.' || is_decimal_digit(c));
        let i = i + usize::from(b.get(i).is_some_and(u8::is_ascii_alphabetic));
        let i = spaces(i);
        sep(i).then_some(i)
    };
    let s = sequence().or_else(|| sep(at).then_some(at))?;
    // A code after the separator and spaces: its end, if it has a character.
    let code = |i: usize| {
        let end = run_end(t, i, code_char);
        (end > i).then_some(end)
    };
    let mut end = code(spaces(s + 1))?;
    loop {
        let i = spaces(end);
        match sep(i).then(|| code(spaces(i + 1))).flatten() {
            Some(e) => end = e,
            None => return Some(end),
        }
    }
}

/// Where the run of characters of `t` from `i` that `f` accepts ends.
fn run_end(t: &str, i: usize, f: impl Fn(char) -> bool) -> usize {
    i + t[i..]
        .char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(t.len() - i, |(j, _)| j)
}

/// A character of a number's code: an ASCII letter or digit, a letter of U+00C0–U+1EFF
/// (Latin, Vietnamese, combining marks, the Greek and Cyrillic look-alikes OCR puts in),
/// `&` or `.`.
fn code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\u{C0}'..='\u{1EFF}' | '&' | '.')
}

/// The end of `\d+[ \t]+[A-ZĐ]+-[A-ZĐ&.]+(?:-[A-ZĐ&.]+)*` at `at` (`44 DN-UBND`).
fn number_without_slash(t: &str, at: usize) -> Option<usize> {
    let caps = |c: char| c.is_ascii_uppercase() || c == 'Đ';
    let code = |c: char| caps(c) || c == '&' || c == '.';
    let digits = run_end(t, at, is_decimal_digit);
    let spaced = run_end(t, digits, |c| c == ' ' || c == '\t');
    let first = run_end(t, spaced, caps);
    if digits == at || spaced == digits || first == spaced || t.as_bytes().get(first) != Some(&b'-')
    {
        return None;
    }
    let mut end = run_end(t, first + 1, code);
    if end == first + 1 {
        return None;
    }
    while t.as_bytes().get(end) == Some(&b'-') {
        let next = run_end(t, end + 1, code);
        if next == end + 1 {
            break;
        }
        end = next;
    }
    Some(end)
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
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?:^|[\s|(])(?:(?:Luật|LUẬT|Bộ luật|BỘ LUẬT|Pháp lệnh|PHÁP LỆNH|Lệnh|LỆNH)\s+(?:số|SỐ)|Số|SỐ|S0|Sô",
            r"|(?m:^)[ \t]*(?:Nghị quyết|Quyết định|Nghị định|Thông tư|Chỉ thị|Thông báo|Kế hoạch|Công văn|Công điện|Báo cáo|Tờ trình|Hướng dẫn|Lệnh)[ \t]+số[ \t]*:)",
            r"[ \t]*:?[ \t]*\n?[ \t]*",
            r"(?P<num>(?:[A-Za-z]?\d[\d.]*[A-Za-z]?[ \t]*)?[/-][ \t]*[0-9A-Za-z\u{C0}-\u{1EFF}&.]+(?:[ \t]*[/-][ \t]*[0-9A-Za-z\u{C0}-\u{1EFF}&.]+)*",
            r"|\d+[ \t]+[A-ZĐ]+-[A-ZĐ&.]+(?:-[A-ZĐ&.]+)*)"
        ))
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
        let by_pattern: Vec<_> = NUMBER
            .captures_iter(t)
            .map(|c| {
                (
                    c[0].len(),
                    c.get(0).unwrap().range(),
                    c.name("num").unwrap().range(),
                )
            })
            .map(|(_, whole, num)| (whole, num))
            .collect();
        assert_eq!(
            number_labels(t).collect::<Vec<_>>(),
            by_pattern,
            "number {t:?}"
        );
        assert_eq!(has_number_label(t), NUMBER.is_match(t), "number {t:?}");
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
                // A label may end one line and its number start the next: lines in pairs.
                let all: Vec<&str> = text.lines().collect();
                for pair in all.windows(2) {
                    same_as_patterns(&format!("{}\n{}", pair[0], pair[1]));
                }
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
            "Số: 05/SVHTTDL-VP",
            "SỐ 12 /UBND-VP",
            "Số:\n  1530/KH-UBND",
            "Số : 44 DN-UBND",
            "Luật số: 80/2015/QH13",
            "BỘ LUẬT\nSỐ 91/2015/QH13",
            "Nghị quyết số: 89/2025/NQ-HĐND",
            "  Quyết định số:12/QĐ-UBND",
            "| Số: A308/BC-UBND |",
            "(Số 15a/2025/TT-BTC)",
            "Số: /SVHTTDL-VP",
            "Số: 198, 199/BC-UBND",
            "S0: 12/UB",
            "Sô 12/UB-VP",
            "Số: 08-NQ/TU",
            "Số 12 ab",
            "Lệnh số 5 x Số 6/A",
            "Số: ١٢/UBND",
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
        #![proptest_config(ProptestConfig::with_cases(4096))]
        /// Lines made of the labels' pieces, in any order.
        #[test]
        fn readers_read_generated_lines_as_the_patterns(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Kính", "KÍNH", "gửi", "GỬI", "Nơi", "NƠI", "nhận", "NHẬN", " ", "  ",
                    "\t", "\u{A0}", "\u{2003}", "\n", ":", "V", "v", "/", "Vv", "\"", "“",
                    "Về việc", "VỀ VIỆC", "Căn cứ", "Xét ", "Điều ", "Chương ", "PHẦN ",
                    "CHƯƠNG ", "1", "١", "I", "X", "Ngày", "Theo ", "Thực hiện", "KHẨN",
                    "MẬT", "a", "K", "Đ", "x", "Số", "SỐ", "số", "Luật", "Lệnh", "Nghị quyết",
                    "12", "3", "/", "-", ".", "&", "A", "b", "UBND", "QĐ", "|", "(", "ệ",
                    "١",
                ]),
                0..10,
            )
        ) {
            same_as_patterns(&parts.concat());
        }
    }
}
