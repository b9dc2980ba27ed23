//! The kind of document named before a number (`Quyết định số`, `Thông tư liên tịch`),
//! read on folded windows: the kind words, lists sharing one symbol (`số 198, 199/…`), the
//! forms and the dates that say a number is no citation.

use super::*;

/// Kind names as folded (lower case, no diacritics), longest first so that `thong tu lien
/// tich` wins over `thong tu`. `None` marks generic nouns (`văn bản`) that name no kind.
pub(super) const KIND_WORDS: &[(&str, Option<DocKind>)] = &[
    ("van ban quy pham phap luat", None),
    ("nghi quyet lien tich", Some(DocKind::NghiQuyetLienTich)),
    ("quyet dinh lien tich", Some(DocKind::QuyetDinhLienTich)),
    ("thong tu lien tich", Some(DocKind::ThongTuLienTich)),
    ("thong tu lien bo", Some(DocKind::ThongTuLienTich)),
    ("van ban hop nhat", Some(DocKind::VanBanHopNhat)),
    ("ban ghi nho", Some(DocKind::BanGhiNho)),
    ("chuong trinh", Some(DocKind::ChuongTrinh)),
    ("nghi quyet", Some(DocKind::NghiQuyet)),
    ("quyet dinh", Some(DocKind::QuyetDinh)),
    ("huong dan", Some(DocKind::HuongDan)),
    ("nghi dinh", Some(DocKind::NghiDinh)),
    ("thong bao", Some(DocKind::ThongBao)),
    ("thong cao", Some(DocKind::ThongCao)),
    ("thong tri", Some(DocKind::ThongTri)),
    ("phuong an", Some(DocKind::PhuongAn)),
    ("cong dien", Some(DocKind::CongDien)),
    ("phap lenh", Some(DocKind::PhapLenh)),
    ("hien phap", Some(DocKind::HienPhap)),
    ("thong tu", Some(DocKind::ThongTu)),
    ("ket luan", Some(DocKind::KetLuan)),
    ("quy dinh", Some(DocKind::QuyDinh)),
    ("ke hoach", Some(DocKind::KeHoach)),
    ("bao cao", Some(DocKind::BaoCao)),
    ("bien ban", Some(DocKind::BienBan)),
    ("to trinh", Some(DocKind::ToTrinh)),
    ("hop dong", Some(DocKind::HopDong)),
    ("cong van", Some(DocKind::CongVan)),
    ("giay moi", Some(DocKind::GiayMoi)),
    ("chi thi", Some(DocKind::ChiThi)),
    ("quy che", Some(DocKind::QuyChe)),
    ("van ban", None),
    ("bo luat", Some(DocKind::BoLuat)),
    ("de an", Some(DocKind::DeAn)),
    ("du an", Some(DocKind::DuAn)),
    ("luat", Some(DocKind::Luat)),
    ("lenh", Some(DocKind::Lenh)),
    ("dien", Some(DocKind::CongDien)),
];

#[cfg(test)]
pub(super) fn kind_alternation() -> String {
    KIND_WORDS
        .iter()
        .map(|(w, _)| w.replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Before a number, on folded text, anchored where a word starts: a kind name, optionally a
/// name of up to ten words (`luat bao hiem y te`), then `so`. Its matches at every word start
/// are the candidates of [`kind_before_so`], which the tests compare with it.
#[cfg(test)]
pub(super) static KIND_SO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<kind>{})(?:[ \t,:\-]+[a-z0-9]+){{0,10}}?[\s*_]+(?P<so>so)[\s*_:]*$",
        kind_alternation()
    ))
    .expect("valid regex")
});

/// Before a number, on folded text: a kind name right before it (`Quyết định 6556/…`). The
/// specification of [`kind_at_end`].
#[cfg(test)]
pub(super) static KIND_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^a-z0-9])(?P<kind>{})[\s*_:]*$",
        kind_alternation()
    ))
    .expect("valid regex")
});

/// Before a number, on folded text: more numbers sharing its symbol (`so 198, `). The
/// specification of [`shared_list`]. A number's digits are ASCII (`[0-9]`, where `\d` would
/// take other scripts' digits too).
#[cfg(test)]
pub(super) static SHARED_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^a-z0-9])so[\s*_:]*(?P<list>(?:[0-9]{1,5}[ \t]*(?:,|va)[ \t]*)+)$")
        .expect("valid regex")
});

/// Contexts where a number-like string names a form, an annex or a code, not a document.
/// The specification of [`names_a_form`].
#[cfg(test)]
pub(super) static NOT_A_DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^a-z0-9])(?:mau|bieu|bieu mau|phu luc|ma|ma so|so hieu|tcvn|qcvn|iso|tk|tai khoan)[\s*_]*(?:so)?[\s*_:]*$",
    )
    .expect("valid regex")
});

/// After a number: a connector and an issuer phrase before the date
/// (`của Chính phủ ngày 15/7/2021`), or words like `ban hành` before it. The specification
/// of [`before_date`].
#[cfg(test)]
pub(super) static BEFORE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s*_,]*(?:(?:cua|do)\s+(?P<issuer>[^\n;.()\[\]]{1,120}?)[\s,]*)?(?:(?:duoc\s+)?(?:ban\s+hanh|ky|thong\s+qua)\s+)?(?P<ngay>ngay)(?:[^a-z]|$)",
    )
    .expect("valid regex")
});

// The readers below take the place of those patterns on folded windows, whose white space
// is all ASCII (`ascii_space` is their `\s`) and whose bytes beyond ASCII are never a
// letter or digit of the patterns. Compiling the patterns cost a process 1.7 ms, more than
// reading 1 MB of text, and the readers look at a few bytes where a search ran.

/// The numbers listed before the one read, sharing its symbol (`so 198, 199/…`): where the
/// list starts in folded `t`, which it ends. The list is read from the end: items of one to
/// five digits, each followed by `,` or `va` between spaces or tabs, after `so`.
pub(super) fn shared_list(t: &[u8]) -> Option<usize> {
    let blank = |b: u8| b == b' ' || b == b'\t';
    let mut i = t.len();
    let mut start = None;
    loop {
        // An item read backwards: spaces, a comma or `va`, spaces, then its digits.
        let mut j = i;
        while j > 0 && blank(t[j - 1]) {
            j -= 1;
        }
        j = if j > 0 && t[j - 1] == b',' {
            j - 1
        } else if t[..j].ends_with(b"va") {
            j - 2
        } else {
            break;
        };
        while j > 0 && blank(t[j - 1]) {
            j -= 1;
        }
        let digits = t[..j]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if !(1..=5).contains(&digits) {
            break;
        }
        i = j - digits;
        start = Some(i);
    }
    // Another list item can only end in a comma or `va`, never in `so`: the longest list is
    // the only one that can follow it.
    let start = start?;
    let before = trim_end_bytes(&t[..start], |b| matches!(b, b'*' | b'_' | b':'));
    ends_with_word(before, "so").then_some(start)
}

/// The runs of one to five ASCII digits in `t`, as `[0-9]{1,5}` finds them.
pub(super) fn digit_runs(t: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        i += t[i..].iter().position(u8::is_ascii_digit)?;
        let n = t[i..]
            .iter()
            .take(5)
            .take_while(|b| b.is_ascii_digit())
            .count();
        i += n;
        Some(i - n..i)
    })
}

/// Whether folded `t` ends with a word that introduces form, annex and code numbers
/// (`Mẫu số`, `Phụ lục`, `mã số`, `TCVN`), maybe followed by `số`, markup and a colon.
pub(super) fn names_a_form(t: &[u8]) -> bool {
    const WORDS: [&str; 12] = [
        "mau",
        "bieu",
        "bieu mau",
        "phu luc",
        "ma",
        "ma so",
        "so hieu",
        "tcvn",
        "qcvn",
        "iso",
        "tk",
        "tai khoan",
    ];
    // Every word ends with a letter, so it ends where the trailing markup starts, or
    // before a `so` there and the markup (without a colon) before that.
    let word_ends = |t: &[u8]| WORDS.iter().any(|w| ends_with_word(t, w));
    let t = trim_end_bytes(t, |b| matches!(b, b'*' | b'_' | b':'));
    word_ends(t)
        || t.strip_suffix(b"so")
            .is_some_and(|b| word_ends(trim_end_bytes(b, |b| matches!(b, b'*' | b'_'))))
}

/// The date announced after a number, on folded `t` that starts right after it: where
/// `ngay` starts, and the issuer phrase after `cua` or `do` before it (`cua Chinh phu ngay`,
/// `do Bo Tai chinh ban hanh ngay`), as the leftmost-first match of [`BEFORE_DATE`] gives
/// them: the most spaces after `cua`, then the shortest phrase.
pub(super) fn before_date(t: &[u8]) -> Option<(usize, Option<Range<usize>>)> {
    let start = t
        .iter()
        .take_while(|&&b| ascii_space(b) || matches!(b, b'*' | b'_' | b','))
        .count();
    let rest = &t[start..];
    let connector = if rest.starts_with(b"cua") {
        3
    } else if rest.starts_with(b"do") {
        2
    } else {
        0
    };
    if connector > 0 {
        let a = start + connector;
        let spaces = t[a..].iter().take_while(|&&b| ascii_space(b)).count();
        if spaces > 0 {
            let phrase = a + spaces;
            // The phrase: at most 120 characters, none of them a line break, `;`, `.` or a
            // bracket, ended by the first place the date's words can follow.
            let mut chars = 0;
            for (i, &b) in t.iter().enumerate().skip(phrase) {
                if matches!(b, b'\n' | b';' | b'.' | b'(' | b')' | b'[' | b']') {
                    break;
                }
                if b & 0xC0 == 0x80 {
                    continue;
                }
                chars += 1;
                if chars > 120 {
                    break;
                }
                // `i` starts the phrase's last character: the phrase ends after it.
                let end = t[i + 1..]
                    .iter()
                    .position(|&b| b & 0xC0 != 0x80)
                    .map_or(t.len(), |n| i + 1 + n);
                // What follows the phrase starts with a space, a comma or the first letter
                // of one of the date's words: elsewhere it cannot end.
                if !t.get(end).is_some_and(|&b| {
                    ascii_space(b) || matches!(b, b',' | b'd' | b'b' | b'k' | b't' | b'n')
                }) {
                    continue;
                }
                if let Some(ngay) = date_words_at(t, end, true) {
                    return Some((ngay, Some(phrase..end)));
                }
            }
            // With no phrase after all the spaces, one space can be the phrase.
            if spaces > 1
                && let Some(ngay) = date_words_at(t, phrase, true)
            {
                return Some((ngay, Some(phrase - 1..phrase)));
            }
        }
    }
    date_words_at(t, start, false).map(|ngay| (ngay, None))
}

/// Where `ngay` starts when folded `t` reads, from `at`, `ngay` as a word, maybe after `ban
/// hanh`, `ky` or `thong qua` (with `duoc` before them), and after spaces and commas when
/// `spaced`.
pub(super) fn date_words_at(t: &[u8], at: usize, spaced: bool) -> Option<usize> {
    let spaces = |i: usize, comma: bool| {
        i + t[i..]
            .iter()
            .take_while(|&&b| ascii_space(b) || (comma && b == b','))
            .count()
    };
    let mut i = if spaced { spaces(at, true) } else { at };
    // `(word\s+)+` from `i`: where it ends, if every word is there.
    let words = |mut i: usize, words: &[&[u8]]| {
        for w in words {
            if !t[i..].starts_with(w) {
                return None;
            }
            let after = spaces(i + w.len(), false);
            if after == i + w.len() {
                return None;
            }
            i = after;
        }
        Some(i)
    };
    let verb = |i: usize| {
        words(i, &[b"ban", b"hanh"])
            .or_else(|| words(i, &[b"ky"]))
            .or_else(|| words(i, &[b"thong", b"qua"]))
    };
    if let Some(after) = words(i, &[b"duoc"]).and_then(verb).or_else(|| verb(i)) {
        i = after;
    }
    (t[i..].starts_with(b"ngay") && t.get(i + 4).is_none_or(|b| !b.is_ascii_lowercase()))
        .then_some(i)
}

/// How far after a number the date and issuer are looked for: an issuer phrase of up to
/// 120 bytes, then the date.
pub(super) const LOOK_AHEAD: usize = 200;

/// How far back (in bytes) the kind name and `số` are looked for.
pub(super) const LOOK_BACK: usize = 160;

/// The first, short look back: `Thông tư liên tịch số ` fits in it.
pub(super) const SHORT_LOOK_BACK: usize = 56;

/// A folded window without the spaces, markup and colon before the number.
#[inline]
pub(super) fn trim_tail(t: &[u8]) -> &[u8] {
    trim_end_bytes(t, |b| matches!(b, b'*' | b'_' | b':'))
}

/// Folded `t` without the white space and the bytes `also` takes at its end. Folding
/// writes all white space as ASCII, so a byte beyond ASCII ends the trimming.
pub(super) fn trim_end_bytes(t: &[u8], also: impl Fn(u8) -> bool) -> &[u8] {
    let keep = t.len()
        - t.iter()
            .rev()
            .take_while(|&&b| ascii_space(b) || also(b))
            .count();
    &t[..keep]
}

/// Whether folded `t` ends with the whole word `w`.
#[inline]
pub(super) fn ends_with_word(t: &[u8], w: &str) -> bool {
    let w = w.as_bytes();
    // Compared from the end, where most names differ, without a call.
    t.len() >= w.len()
        && t.iter().rev().zip(w.iter().rev()).all(|(a, b)| a == b)
        && t[..t.len() - w.len()]
            .last()
            .is_none_or(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
}

/// The kind whose name ends folded `t`, as a whole phrase: its start in `t` and the kind.
#[inline]
pub(super) fn kind_suffix(t: &[u8]) -> Option<(usize, Option<DocKind>)> {
    // Longest names come first in the table, so `bo luat` wins over `luat`.
    // The names ending in each letter, in table order: most tails end in a letter no name
    // ends with, or in one or two names' last letter.
    static BY_LAST: LazyLock<[Vec<usize>; 26]> = LazyLock::new(|| {
        let mut by: [Vec<usize>; 26] = Default::default();
        for (i, (w, _)) in KIND_WORDS.iter().enumerate() {
            if let Some(b @ b'a'..=b'z') = w.as_bytes().last() {
                by[usize::from(b - b'a')].push(i);
            }
        }
        by
    });
    let last = t.last()?.checked_sub(b'a')?;
    BY_LAST
        .get(usize::from(last))?
        .iter()
        .map(|&i| KIND_WORDS[i])
        .find(|(w, _)| ends_with_word(t, w))
        .map(|(w, k)| (t.len() - w.len(), k))
}

/// Whether the word before the number (and an optional `số`) could be one of the words that
/// introduce form and annex numbers: a cheap test before [`names_a_form`] (without it, 6% more
/// instructions a pass). It reads the last word whole, so `maso` (no space) passes
/// [`names_a_form`] but not this test.
#[inline]
pub(super) fn may_name_a_form(t: &[u8]) -> bool {
    let t = trim_tail(t);
    let b = if ends_with_word(t, "so") {
        trim_end_bytes(&t[..t.len() - 2], |b| matches!(b, b'*' | b'_'))
    } else {
        t
    };
    let last = &b[b.len()
        - b.iter()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count()..];
    matches!(
        last,
        b"mau"
            | b"bieu"
            | b"luc"
            | b"ma"
            | b"hieu"
            | b"tcvn"
            | b"qcvn"
            | b"iso"
            | b"tk"
            | b"khoan"
            | b"so"
    )
}

/// The start of the word at or after `at`, so that a window never begins inside a word.
#[inline]
pub(super) fn word_start(s: &str, at: usize) -> usize {
    if at == 0 {
        return 0;
    }
    let at = ceil_boundary(s, at);
    if s[..at].ends_with(char::is_whitespace) {
        return at;
    }
    // By bytes: ASCII white space, or white space beyond ASCII (see `space_len`).
    let b = s.as_bytes();
    (at..b.len())
        .find(|&i| ascii_space(b[i]) || space_len(s, i) > 0)
        .unwrap_or(at)
}

/// ASCII white space as `char::is_whitespace` counts it (with the vertical tab, which
/// `u8::is_ascii_whitespace` leaves out): all the white space of a folded window, where
/// it is the regular expressions' `\s`.
pub(super) fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// The kinds whose name starts with each letter, in [`KIND_WORDS`] order (the patterns'
/// order of preference).
pub(super) static KINDS_BY_FIRST: LazyLock<[Vec<usize>; 26]> = LazyLock::new(|| {
    let mut by: [Vec<usize>; 26] = Default::default();
    for (i, (w, _)) in KIND_WORDS.iter().enumerate() {
        if let Some(b @ b'a'..=b'z') = w.as_bytes().first() {
            by[usize::from(b - b'a')].push(i);
        }
    }
    by
});

/// The end of kind name `name` (its words separated by any white space) read at `p` in
/// folded `t`.
pub(super) fn kind_name_at(t: &[u8], p: usize, name: &str) -> Option<usize> {
    let mut i = p;
    for (k, word) in name.as_bytes().split(|&b| b == b' ').enumerate() {
        if k > 0 {
            let spaces = t[i..].iter().take_while(|&&b| ascii_space(b)).count();
            if spaces == 0 {
                return None;
            }
            i += spaces;
        }
        // Compared by a loop: the words are short, and a call to compare them cost more.
        match t.get(i..i + word.len()) {
            Some(at) if at.iter().rev().zip(word.iter().rev()).all(|(a, b)| a == b) => {}
            _ => return None,
        }
        i += word.len();
    }
    Some(i)
}

/// The kind names in folded `t` before `end` that `accept` takes, at each start (the
/// beginning, or after a character that is not a lower-case letter or a digit) the first
/// name in [`KIND_WORDS`] order: the span of the name in `t` and its entry.
pub(super) fn kinds_at_starts<'a>(
    t: &'a [u8],
    from: usize,
    end: usize,
    accept: impl Fn(usize) -> bool + 'a,
) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
    let word_byte = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    (from.min(end)..end)
        .filter(move |&p| p == 0 || !word_byte(t[p - 1]))
        .filter_map(move |p| {
            let first = t[p].checked_sub(b'a').filter(|&f| f < 26)?;
            KINDS_BY_FIRST[usize::from(first)].iter().find_map(|&k| {
                let e = kind_name_at(&t[..end], p, KIND_WORDS[k].0)?;
                accept(e).then_some((p..e, k))
            })
        })
}

/// The kind named before `so` in folded `t` whose `so` starts at `so_at` (and only white
/// space, `*`, `_` and `:` follow it): a kind's name, up to ten words of a name after it
/// (`luat bao hiem y te`), white space or markup, then `so`.
///
/// Of several names, the number is the one closest to it (`quy định của Bộ luật dân sự số
/// 33/2005/QH11` is a Bộ luật, not a Quy định): the name that ends last, the longest of those
/// ending there. A name of the kind the symbol itself gives (`QĐ`) is taken first
/// (`Quyết định phê duyệt Đề án số 12/QĐ-UBND`).
pub(super) fn kind_before_so(
    t: &[u8],
    so_at: usize,
    symbol: Option<DocKind>,
) -> Option<(Range<usize>, usize)> {
    choose_kind(kinds_before_so(t, so_at), symbol)
}

/// Of the candidates of [`kind_before_so`] (in the order of their starts), the one it takes.
pub(super) fn choose_kind(
    found: impl Iterator<Item = (Range<usize>, usize)>,
    symbol: Option<DocKind>,
) -> Option<(Range<usize>, usize)> {
    // The first of the best: the longest of the names ending last.
    found.min_by_key(|(r, k)| {
        std::cmp::Reverse((symbol.is_some() && KIND_WORDS[*k].1 == symbol, r.end))
    })
}

/// Every kind name before `so` that [`KIND_SO`] matches from a word start: at each start,
/// the first name in [`KIND_WORDS`] order.
pub(super) fn kinds_before_so(
    t: &[u8],
    so_at: usize,
) -> impl Iterator<Item = (Range<usize>, usize)> + '_ {
    // Between the kind's name and `so`: up to ten words each after `[ \t,:-]+`, then
    // `[\s*_]+`; no other character.
    let gap_ok = move |e: usize| {
        let gap = &t[e..so_at];
        let markup = gap
            .iter()
            .rev()
            .take_while(|&&b| ascii_space(b) || b == b'*' || b == b'_')
            .count();
        if markup == 0 {
            return false;
        }
        let mut words = 0;
        let mut rest = &gap[..gap.len() - markup];
        while !rest.is_empty() {
            let sep = rest
                .iter()
                .take_while(|&&b| matches!(b, b' ' | b'\t' | b',' | b':' | b'-'))
                .count();
            let word = rest[sep..]
                .iter()
                .take_while(|&&b| b.is_ascii_lowercase() || b.is_ascii_digit())
                .count();
            if sep == 0 || word == 0 || words == 10 {
                return false;
            }
            words += 1;
            rest = &rest[sep + word..];
        }
        true
    };
    kinds_at_starts(t, name_reach(t, so_at), so_at, gap_ok)
}

/// The most words a name of [`KIND_WORDS`] has.
static NAME_WORDS: LazyLock<usize> = LazyLock::new(|| {
    KIND_WORDS
        .iter()
        .map(|(w, _)| w.split(' ').count())
        .max()
        .unwrap_or(1)
});

/// Where in folded `t` a name that [`kinds_before_so`] takes can start, at the earliest:
/// its gap to `so` at `so_at` is at most ten words back (see `gap_ok`), and the name ends
/// where one of those gaps starts; its own words are at most [`NAME_WORDS`] tokens before
/// that. Only there are names looked for, not in the whole window.
fn name_reach(t: &[u8], so_at: usize) -> usize {
    let so_at = so_at.min(t.len());
    let mut j = so_at;
    while j > 0 && (ascii_space(t[j - 1]) || matches!(t[j - 1], b'*' | b'_')) {
        j -= 1;
    }
    // The words of the gap, each after its separators, read from the end.
    let mut earliest_end = j;
    for _ in 0..10 {
        let word_end = j;
        while j > 0 && (t[j - 1].is_ascii_lowercase() || t[j - 1].is_ascii_digit()) {
            j -= 1;
        }
        if j == word_end {
            break;
        }
        let sep_end = j;
        while j > 0 && matches!(t[j - 1], b' ' | b'\t' | b',' | b':' | b'-') {
            j -= 1;
        }
        if j == sep_end {
            break;
        }
        earliest_end = j;
    }
    // The name's words, separated by white space only, each in a token of its own.
    let mut lo = earliest_end;
    for _ in 0..*NAME_WORDS {
        while lo > 0 && ascii_space(t[lo - 1]) {
            lo -= 1;
        }
        while lo > 0 && !ascii_space(t[lo - 1]) {
            lo -= 1;
        }
    }
    lo
}

/// [`KIND_ONLY`] on folded `t` whose text ends at `end` (only white space, `*`, `_` and `:`
/// follow): a kind's name right there.
pub(super) fn kind_at_end(t: &[u8], end: usize) -> Option<(Range<usize>, usize)> {
    kinds_at_starts(t, 0, end, |e| e == end).next()
}
