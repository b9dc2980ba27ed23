//! Citations: references to other documents in running text.
//!
//! ```
//! use vanban::citations;
//!
//! let text = "Thực hiện Kế hoạch số 1530/KH-UBND ngày 26/4/2023 của UBND tỉnh; \
//!             Báo cáo số 198, 199/BC-UBND ngày 07/6/2023";
//! let found: Vec<_> = citations(text).collect();
//! assert_eq!(found.len(), 3);
//! assert_eq!(found[0].as_str(), "Kế hoạch số 1530/KH-UBND");
//! assert_eq!(found[0].number.to_string(), "1530/KH-UBND");
//! assert_eq!(found[0].date.unwrap().iso(), "2023-04-26");
//! assert_eq!(found[0].issuer(), Some("UBND tỉnh"));
//! // Two numbers sharing one symbol give two citations over the same mention.
//! assert_eq!(found[1].as_str(), "Báo cáo số 198, 199/BC-UBND");
//! assert_eq!(found[2].number.to_string(), "199/BC-UBND");
//! assert_eq!(found[2].date.unwrap().iso(), "2023-06-07");
//! ```

use std::ops::Range;
use std::sync::LazyLock;

#[cfg(test)]
use regex::Regex;

use crate::catalog::DocKind;
use crate::date::{VnDate, find_date};
use crate::number::{DocNumber, Irregularity, NumberSystem};
use crate::text::{Normalized, map_char};

mod utf8_fold;

/// One reference to another document, with spans into the caller's text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Citation<'t> {
    text: &'t str,
    /// The whole mention: kind name, `số` and number (`Kế hoạch số 1530/KH-UBND`).
    pub span: Range<usize>,
    /// The cited number.
    pub number: DocNumber,
    /// Where the number is; for `198, 199/BC-UBND` the span of `199/BC-UBND` starts at `199`.
    pub number_span: Range<usize>,
    /// The kind: named in the text (`Kế hoạch`), or else given by the number (`…/KH-…`).
    pub kind: Option<DocKind>,
    /// Where the kind's name is written, if it is.
    pub kind_span: Option<Range<usize>>,
    /// Whether `số` was written before the number.
    pub has_so: bool,
    /// The date given with the mention, possibly partial (`ngày /6/2023`).
    pub date: Option<VnDate>,
    /// Where the date is (`ngày 26/4/2023`).
    pub date_span: Option<Range<usize>>,
    /// Where the issuer phrase is (`UBND tỉnh` in `của UBND tỉnh`), if one is given.
    pub issuer_span: Option<Range<usize>>,
}

impl<'t> Citation<'t> {
    /// The text of the mention (`Kế hoạch số 1530/KH-UBND`).
    pub fn as_str(&self) -> &'t str {
        &self.text[self.span.clone()]
    }

    /// The kind's name as written (`Kế hoạch`, `NGHỊ ĐỊNH`).
    pub fn kind_text(&self) -> Option<&'t str> {
        self.kind_span.clone().map(|s| &self.text[s])
    }

    /// The date as written.
    pub fn date_text(&self) -> Option<&'t str> {
        self.date_span.clone().map(|s| &self.text[s])
    }

    /// The issuer phrase (`Chính phủ`, `UBND tỉnh`).
    pub fn issuer(&self) -> Option<&'t str> {
        self.issuer_span.clone().map(|s| &self.text[s])
    }

    /// What was irregular in how the number is written, with spans into the caller's text:
    /// [`IrregularityKind::Case`](crate::IrregularityKind::Case) for a symbol in lower case,
    /// `SlashForDash` for `212/QĐ/CTN`, `Spacing` for `1530 /KH - UBND` … Read again from
    /// the text when asked for, so that [`citations`] spends nothing on it.
    ///
    /// ```
    /// use vanban::{IrregularityKind, citations};
    ///
    /// let text = "triển khai thông tư số 07/2022/tt-btttt của bộ thông tin và truyền thông";
    /// let c = citations(text).next().unwrap();
    /// assert_eq!(c.number.to_string(), "07/2022/TT-BTTTT");
    /// let case = c.irregularities().into_iter().find(|i| i.kind == IrregularityKind::Case);
    /// assert_eq!(&text[case.unwrap().span], "tt");
    /// ```
    pub fn irregularities(&self) -> Vec<Irregularity> {
        let raw = &self.text[self.number_span.clone()];
        // The span of a listed number (`198` of `198, 199/BC-UBND`) runs to the shared
        // symbol: the notes are those of the number the list ends with.
        let starts = std::iter::once(0).chain(
            raw.match_indices([',', ' ', '\t'])
                .map(|(i, m)| i + m.len()),
        );
        for i in starts {
            let from = i + raw[i..].len() - raw[i..].trim_start().len();
            if let Ok(p) = DocNumber::parse_with_notes(&raw[from..]) {
                let at = self.number_span.start + from;
                return p
                    .irregularities
                    .into_iter()
                    .map(|r| Irregularity {
                        kind: r.kind,
                        span: at + r.span.start..at + r.span.end,
                    })
                    .collect();
            }
        }
        Vec::new()
    }

    /// Whether this mention is of the document's own number `own` (its header number, also
    /// repeated in annexes and running headers), rather than of another document.
    ///
    /// Numbers are compared by value, so `08/2013/QĐ-TTG` and `8/2013/QĐ-TTg` are the same.
    pub fn is_self_reference(&self, own: &DocNumber) -> bool {
        self.number.same_document(own)
    }

    /// Whether this is a citation of another document than the one numbered `own`: what
    /// `Document::citations` keeps.
    pub(crate) fn cites_another(&self, own: Option<&DocNumber>) -> bool {
        !own.is_some_and(|o| self.is_self_reference(o))
    }
}

/// Finds every citation of a numbered document in `text`, in order.
///
/// It finds all the numbering systems of [`DocNumber`], with or without `số`, with the
/// kind's name before it (also with a law's name between: `Luật Bảo hiểm y tế số
/// 25/2008/QH12`; of several names, the closest: `quy định của Bộ luật Dân sự số
/// 33/2005/QH11` cites a Bộ luật), lists sharing a symbol (`số 198, 199/BC-UBND`), the date after the number
/// or after an issuer phrase (`của Chính phủ ngày 15/7/2021`), across line breaks, in NFD
/// text, with `Ð` and dash variants. A date written after a list of documents is each one's
/// (`Tờ trình số 357/TTr-CP và Đề án số 358/ĐA-CP ngày 09/5/2025`), up to 64 numbers back.
///
/// It leaves out what only looks like a number: dates, ratios (`3/15`), periods
/// (`2021-2030`), form numbers (`Mẫu số 03/HS`), blank placeholders (`…/QĐ-UBND`),
/// abbreviations (`V/v`, `Đ/c`) and URLs. The document's own number is reported like any
/// other; use [`Citation::is_self_reference`] to tell it apart.
///
/// A text over 8 MiB is read 1 MiB at a time as the iterator goes, so the citations held in
/// memory are about a stretch's, however long the text (1.1 MB at most for 10 MB of the test
/// corpus, `cargo bench --bench alloc`; 65 MB for 10 or 20 MB of nothing but listed numbers,
/// `cargo bench --bench adversarial`).
pub fn citations(text: &str) -> Citations<'_> {
    let inner = if text.len() > LARGE_TEXT && !has_invisible(text) {
        Inner::Stretches(Box::new(Stretches::new(text, 0..text.len(), STRETCH)))
    } else {
        Inner::Ready(find_in(text, 0..text.len()).into_iter())
    };
    Citations { inner }
}

/// Invisible characters (zero-width spaces and joiners, word joiner, byte-order mark, soft
/// hyphen) can sit inside a number; the scanning pattern does not admit them.
fn has_invisible(text: &str) -> bool {
    // By their UTF-8 lead bytes (E2 for U+200B–U+2060, EF for U+FEFF, C2 for U+00AD): a
    // byte search, where a search by characters would decode the whole text.
    let b = text.as_bytes();
    memchr::memchr3_iter(0xE2, 0xEF, 0xC2, b).any(|i| {
        matches!(
            b.get(i..i + 3),
            Some([0xE2, 0x80, 0x8B..=0x8D] | [0xE2, 0x81, 0xA0] | [0xEF, 0xBB, 0xBF])
        ) || b.get(i..i + 2) == Some(&[0xC2, 0xAD])
    })
}

/// How far around the numbers asked for the text is checked for invisible characters and,
/// when it has some, normalized: more than any reading reaches (a look-back of 240 bytes, a
/// look-ahead of 200 and the date and issuer after it). Asking for one line of a long text
/// (`Basis::citations`) then costs that line and its neighbourhood, not the whole text.
const NEIGHBOURHOOD: usize = 1024;

/// The citations whose number starts in `within`. Text with invisible characters (rare: web
/// pages, some converters) is read through a normalized copy of the neighbourhood of
/// `within` (all of it for the whole text), spans mapped back.
fn find_in(text: &str, within: Range<usize>) -> Vec<Citation<'_>> {
    let lo = floor_boundary(text, within.start.saturating_sub(NEIGHBOURHOOD));
    let hi = ceil_boundary(text, within.end.saturating_add(NEIGHBOURHOOD));
    let near = &text[lo..hi];
    if !has_invisible(near) {
        return find_all(text, within);
    }
    let norm = Normalized::new(near);
    let s = norm.as_str();
    // The normalized range whose original offsets fall in `within`.
    let norm_at = |orig: usize, from: usize| {
        (from..=s.len())
            .find(|&i| s.is_char_boundary(i) && lo + norm.original_offset(i) >= orig)
            .unwrap_or(s.len())
    };
    let from = if within.start <= lo {
        0
    } else {
        norm_at(within.start, 0)
    };
    let to = if within.end >= hi {
        s.len()
    } else {
        norm_at(within.end, from)
    };
    let map = |r: Range<usize>| {
        let o = norm.original_span(r);
        lo + o.start..lo + o.end
    };
    find_all(s, from..to)
        .into_iter()
        .map(|c| Citation {
            text,
            span: map(c.span),
            number: c.number,
            number_span: map(c.number_span),
            kind: c.kind,
            kind_span: c.kind_span.map(map),
            has_so: c.has_so,
            date: c.date,
            date_span: c.date_span.map(map),
            issuer_span: c.issuer_span.map(map),
        })
        .collect()
}

/// The iterator returned by [`citations`].
#[derive(Debug)]
pub struct Citations<'t> {
    inner: Inner<'t>,
}

/// How [`Citations`] has its citations: all read at once, or a stretch at a time.
#[derive(Debug)]
enum Inner<'t> {
    Ready(std::vec::IntoIter<Citation<'t>>),
    Stretches(Box<Stretches<'t>>),
}

impl<'t> Iterator for Citations<'t> {
    type Item = Citation<'t>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.inner {
            Inner::Ready(all) => all.next(),
            Inner::Stretches(st) => st.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.inner {
            Inner::Ready(all) => all.size_hint(),
            Inner::Stretches(st) => (st.ready.len(), None),
        }
    }
}

/// A number in running text: the sequence, then either `/` (with an optional year) or the
/// Party `-KIND/`, the file-name `-YEAR-` or the old `-`, then dash-separated groups (those
/// after a spaced dash are checked after the match, so that `… UBND - Về việc` stops before
/// `Về`).
#[cfg(test)]
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    // It runs on the caller's text, so it admits what normalization would have mended: no-break
    // spaces, dash and slash variants, `Ð` for `Đ` and Cyrillic look-alike capitals. Narrow
    // classes keep the automaton small enough for the fast DFA: a ký hiệu is written in Latin
    // capitals and Đ, never with tone marks (NĐ 30/2020, Phụ lục I, II.3).
    Regex::new(
        r"(?x)
        [0-9]{1,5}(?:\.[0-9]{1,3})?
        (?:
            [\ \t\u{A0}\u{202F}]*[/\u{2044}\u{2215}][\ \t\u{A0}\u{202F}]*
                (?:(?:19|20)[0-9]{2}[\ \t\u{A0}\u{202F}]*[/\u{2044}\u{2215}\-\u{2010}-\u{2015}\u{2212}][\ \t\u{A0}\u{202F}]*)?
                (?:TAIL|LTAIL)
          | [\ \t\u{A0}\u{202F}]*[\-\u{2010}-\u{2015}\u{2212}][\ \t\u{A0}\u{202F}]*
                [A-ZĐÐАВСЕНКМОРТХ][A-Za-zĐđÐðАВСЕНКМОРТХ]{0,4}[\ \t\u{A0}\u{202F}]*[/\u{2044}\u{2215}][\ \t\u{A0}\u{202F}]*
                TAIL
          | -[a-zđ]{1,5}/LTAIL
          | [\-\u{2010}-\u{2015}\u{2212}](?:19|20)[0-9]{2}[\-\u{2010}-\u{2015}\u{2212}] TAIL
          | [\ \t\u{A0}\u{202F}]*[\-\u{2010}-\u{2015}\u{2212}][\ \t\u{A0}\u{202F}]* TAIL
        )"
        // The whole symbol in lower case, as portals and queries write it (`tt-btttt`).
        .replace("LTAIL", r"[a-zđ][a-zđ0-9]{0,24}(?:-[a-zđ][a-zđ0-9]{0,24})*")
        .replace(
            "TAIL",
            r"GROUP(?:/GROUP)?
            (?:
                [\ \t\u{A0}\u{202F}]*[\-\u{2010}-\u{2015}\u{2212}][\ \t\u{A0}\u{202F}]*
                (?:\r?\n[\ \t\u{A0}\u{202F}]*)?
                GROUP
            )*",
        )
        // A code's parts may be joined by `&` (`TB&XH`) or `.` and capitals (`UB.QĐ`).
        .replace(
            "GROUP",
            r"[A-ZĐÐАВСЕНКМОРТХ][A-Za-zĐđÐðАВСЕНКМОРТХ0-9]{0,24}
            (?:&[A-ZĐÐАВСЕНКМОРТХ][A-Za-zĐđÐðАВСЕНКМОРТХ0-9]{0,24}
              |\.[A-ZĐÐАВСЕНКМОРТХ][A-ZĐÐАВСЕНКМОРТХ0-9]{0,24})*",
        )
        .as_str(),
    )
    .expect("valid regex")
});

/// The matches of [`CANDIDATE`] in `s[within]`, the same as its `find_iter`, found faster.
///
/// Every match is digits, maybe spaces, then a separator: `/`, `-` or one of their
/// variants, whose UTF-8 starts with `E2`. A byte search for those three finds the few
/// places a match can be; the digits before each give where it must start (the earliest
/// start whose at most five digits, with an optional decimal part, reach the separator:
/// the leftmost match), and [`candidate_end`] reads the match from there. Text is scanned
/// at memchr speed instead of stepping an automaton over every byte.
fn candidates(s: &str, within: Range<usize>) -> Candidates<'_> {
    let hay = &s.as_bytes()[..within.end];
    Candidates {
        s: &s[..within.end],
        // The `E2` variants are rare, and `E2` also leads the curly quotes many texts use
        // throughout: searched for only when one is there.
        unicode: has_unicode_separator(&hay[within.start..]),
        pos: within.start,
        from: within.start,
    }
}

/// The iterator of [`candidates`].
struct Candidates<'t> {
    /// The text up to the end of the range searched.
    s: &'t str,
    /// Whether the text has separators beyond ASCII.
    unicode: bool,
    /// Where the byte search goes on.
    pos: usize,
    /// The end of the last match: no match starts before it.
    from: usize,
}

impl Iterator for Candidates<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let (s, hay) = (self.s, self.s.as_bytes());
        let (mut pos, from) = (self.pos, self.from);
        while pos < hay.len() {
            let rest = &hay[pos..];
            let found = if self.unicode {
                memchr::memchr3(b'/', b'-', 0xE2, rest)
            } else {
                memchr::memchr2(b'/', b'-', rest)
            };
            let Some(hit) = found.map(|i| pos + i) else {
                break;
            };
            pos = hit + 1;
            // A rule (`-----`) is read at once: a dash after a dash starts no number.
            if hay[hit] == b'-' {
                while hay.get(pos) == Some(&b'-') {
                    pos += 1;
                }
            }
            // Inside the last match, or with neither digits nor spaces before it.
            if hit <= from || !matches!(hay[hit - 1], b'0'..=b'9' | b' ' | b'\t' | 0xA0 | 0xAF) {
                continue;
            }
            let Some(st) = number_start(hay, from, hit) else {
                continue;
            };
            let Some(end) = candidate_end(s, st) else {
                continue;
            };
            self.from = end;
            // The separators inside the match, and one right after it, start no other.
            self.pos = pos.max(end + 1);
            return Some(st..end);
        }
        self.pos = hay.len();
        None
    }
}

/// The end of the match of [`CANDIDATE`] anchored at `st` in `t`, read without the
/// automaton.
///
/// Read in the pattern's order of preference, every choice in it is decided by the next
/// character (a greedy run never has to give back a character for the next part to
/// match), so one pass gives the pattern's leftmost-first match. The tests compare the
/// two on the corpus and on generated text.
fn candidate_end(t: &str, st: usize) -> Option<usize> {
    fn ws(c: char) -> bool {
        matches!(c, ' ' | '\t' | '\u{A0}' | '\u{202F}')
    }
    fn slash(c: char) -> bool {
        matches!(c, '/' | '\u{2044}' | '\u{2215}')
    }
    fn dash(c: char) -> bool {
        matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
    }
    fn sep(c: char) -> bool {
        slash(c) || dash(c)
    }
    fn cap(c: char) -> bool {
        matches!(
            c,
            'A'..='Z'
                | 'Đ'
                | 'Ð'
                | 'А'
                | 'В'
                | 'С'
                | 'Е'
                | 'Н'
                | 'К'
                | 'М'
                | 'О'
                | 'Р'
                | 'Т'
                | 'Х'
        )
    }
    fn letter(c: char) -> bool {
        cap(c) || matches!(c, 'a'..='z' | 'đ' | 'ð')
    }
    fn alnum(c: char) -> bool {
        letter(c) || c.is_ascii_digit()
    }
    fn digit(c: char) -> bool {
        c.is_ascii_digit()
    }
    fn cap_digit(c: char) -> bool {
        cap(c) || c.is_ascii_digit()
    }
    fn lower(c: char) -> bool {
        c.is_ascii_lowercase() || c == 'đ'
    }
    fn lower_digit(c: char) -> bool {
        lower(c) || c.is_ascii_digit()
    }
    // A class: its ASCII members as bits of `ASCII_CLASS`, the others by a test.
    #[derive(Clone, Copy)]
    struct Class(u8, fn(char) -> bool);
    const DIGIT: Class = Class(1, digit);
    const CAP: Class = Class(2, cap);
    const LETTER: Class = Class(2 | 4, letter);
    const ALNUM: Class = Class(1 | 2 | 4, alnum);
    const WS: Class = Class(8, ws);
    const DASH: Class = Class(16, dash);
    const SLASH: Class = Class(32, slash);
    const SEP: Class = Class(16 | 32, sep);
    const CAP_DIGIT: Class = Class(1 | 2, cap_digit);
    const LOWER: Class = Class(4, lower);
    const LOWER_DIGIT: Class = Class(1 | 4, lower_digit);
    const ASCII_CLASS: [u8; 128] = {
        let mut t = [0u8; 128];
        let mut b = 0;
        while b < 128 {
            t[b] = match b as u8 {
                b'0'..=b'9' => 1,
                b'A'..=b'Z' => 2,
                b'a'..=b'z' => 4,
                b' ' | b'\t' => 8,
                b'-' => 16,
                b'/' => 32,
                _ => 0,
            };
            b += 1;
        }
        t
    };
    // The length of the character at `i` if it is of class `c` (ASCII by the table, without
    // decoding).
    #[inline(always)]
    fn is_at(t: &str, i: usize, c: Class) -> Option<usize> {
        match t.as_bytes().get(i) {
            Some(&b) if b.is_ascii() => (ASCII_CLASS[usize::from(b)] & c.0 != 0).then_some(1),
            Some(_) => t
                .get(i..)
                .and_then(|r| r.chars().next())
                .filter(|&ch| (c.1)(ch))
                .map(char::len_utf8),
            None => None,
        }
    }
    // Past at most `max` characters of class `c`.
    #[inline(always)]
    fn run_at(t: &str, mut i: usize, c: Class, max: usize) -> usize {
        for _ in 0..max {
            match is_at(t, i, c) {
                Some(n) => i += n,
                None => break,
            }
        }
        i
    }
    #[inline(always)]
    fn skip_at(t: &str, i: usize, c: Class) -> usize {
        run_at(t, i, c, usize::MAX)
    }
    let year = |i: usize| {
        let y = t.as_bytes().get(i..i + 4)?;
        (matches!(y, [b'1', b'9', ..] | [b'2', b'0', ..]) && y.iter().all(u8::is_ascii_digit))
            .then_some(i + 4)
    };
    // A group: `CAP ALNUM{0,24}`, then parts joined by `&` (`TB&XH`) or by `.` and capitals
    // (`UB.QĐ`, `V.I`).
    let group = |k: usize| {
        let mut j = run_at(t, k + is_at(t, k, CAP).unwrap_or(0), ALNUM, 24);
        loop {
            match t.as_bytes().get(j) {
                Some(b'&') => match is_at(t, j + 1, CAP) {
                    Some(n) => j = run_at(t, j + 1 + n, ALNUM, 24),
                    None => return j,
                },
                Some(b'.') => match is_at(t, j + 1, CAP) {
                    Some(n) => j = run_at(t, j + 1 + n, CAP_DIGIT, 24),
                    None => return j,
                },
                _ => return j,
            }
        }
    };
    // A group, maybe `/` and another (`QĐ/CTN`), then more groups after dashes, a line
    // break allowed after one.
    let tail = |k: usize| {
        let mut j = group(k);
        if t.as_bytes().get(j) == Some(&b'/') && is_at(t, j + 1, CAP).is_some() {
            j = group(j + 1);
        }
        loop {
            let a = skip_at(t, j, WS);
            let Some(d) = is_at(t, a, DASH) else {
                return j;
            };
            let b = skip_at(t, a + d, WS);
            let rest = &t[b..];
            let c = if rest.starts_with("\r\n") {
                skip_at(t, b + 2, WS)
            } else if rest.starts_with('\n') {
                skip_at(t, b + 1, WS)
            } else {
                b
            };
            if is_at(t, c, CAP).is_none() {
                return j;
            }
            j = group(c);
        }
    };
    // The whole symbol in lower case: `[a-zđ][a-zđ0-9]{0,24}` and more after bare dashes.
    let lower_tail = |k: usize| {
        let mut j = run_at(t, k, LOWER_DIGIT, 25);
        while t.as_bytes().get(j) == Some(&b'-') {
            match is_at(t, j + 1, LOWER) {
                Some(n) => j = run_at(t, j + 1 + n, LOWER_DIGIT, 24),
                None => break,
            }
        }
        j
    };
    let either_tail = |k: usize| {
        if is_at(t, k, CAP).is_some() {
            Some(tail(k))
        } else {
            is_at(t, k, LOWER).map(|_| lower_tail(k))
        }
    };

    // The number: up to five digits (a longer run has no match) and a decimal part.
    let mut i = run_at(t, st, DIGIT, 5);
    if i == st || is_at(t, i, DIGIT).is_some() {
        return None;
    }
    if t[i..].starts_with('.') {
        let j = run_at(t, i + 1, DIGIT, 3);
        if j == i + 1 || is_at(t, j, DIGIT).is_some() {
            return None;
        }
        i = j;
    }
    let head = skip_at(t, i, WS);
    let c = t.get(head..)?.chars().next()?;
    // `/`, perhaps a year and its separator, then the symbol.
    if slash(c) {
        let k = skip_at(t, head + c.len_utf8(), WS);
        if let Some(y) = year(k) {
            let s2 = skip_at(t, y, WS);
            if let Some(n) = is_at(t, s2, SEP) {
                let k2 = skip_at(t, s2 + n, WS);
                if let Some(end) = either_tail(k2) {
                    return Some(end);
                }
            }
        }
        return either_tail(k);
    }
    if !dash(c) {
        return None;
    }
    let k = skip_at(t, head + c.len_utf8(), WS);
    // The Party `-KIND/`.
    if let Some(n) = is_at(t, k, CAP) {
        let j = skip_at(t, run_at(t, k + n, LETTER, 4), WS);
        if let Some(n2) = is_at(t, j, SLASH) {
            let k2 = skip_at(t, j + n2, WS);
            if is_at(t, k2, CAP).is_some() {
                return Some(tail(k2));
            }
        }
    }
    // The Party `-kind/` in lower case (`08-nq/tu`), with nothing between.
    if head == i && c == '-' {
        let j = run_at(t, i + 1, LOWER, 5);
        if j > i + 1 && t.as_bytes().get(j) == Some(&b'/') && is_at(t, j + 1, LOWER).is_some() {
            return Some(lower_tail(j + 1));
        }
    }
    // The file-name `-YEAR-`, with nothing between.
    if head == i {
        if let Some(y) = year(i + c.len_utf8()) {
            if let Some(n) = is_at(t, y, DASH) {
                if is_at(t, y + n, CAP).is_some() {
                    return Some(tail(y + n));
                }
            }
        }
    }
    // The old `-`.
    is_at(t, k, CAP).is_some().then(|| tail(k))
}

/// Whether `b` holds one of the separators written with three bytes from `E2`: U+2010 to
/// U+2015, U+2044, U+2212 and U+2215.
fn has_unicode_separator(b: &[u8]) -> bool {
    memchr::memchr_iter(0xE2, b).any(|i| {
        matches!(
            b.get(i + 1..i + 3),
            Some([0x80, 0x90..=0x95] | [0x81, 0x84] | [0x88, 0x92 | 0x95])
        )
    })
}

/// Where the number before the separator at `hit` starts, not before `from`; `None` when
/// no digits come before it.
fn number_start(hay: &[u8], from: usize, hit: usize) -> Option<usize> {
    // Spaces between the digits and the separator: ` `, tab, U+00A0, U+202F.
    let mut end = hit;
    loop {
        let before = &hay[from..end];
        if let [.., b' ' | b'\t'] = before {
            end -= 1;
        } else if before.ends_with(&[0xC2, 0xA0]) {
            end -= 2;
        } else if before.ends_with(&[0xE2, 0x80, 0xAF]) {
            end -= 3;
        } else {
            break;
        }
    }
    let run = |to: usize| {
        to - hay[from..to]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let digits_from = run(end);
    if digits_from == end {
        return None;
    }
    // A decimal part of one to three digits after a dot and digits (`66.7`).
    if end - digits_from <= 3 && digits_from > from + 1 && hay[digits_from - 1] == b'.' {
        let dot = digits_from - 1;
        let int_from = run(dot);
        if int_from < dot {
            return Some(int_from.max(dot.saturating_sub(5)));
        }
    }
    Some(digits_from.max(end.saturating_sub(5)))
}

/// Kind names as folded (lower case, no diacritics), longest first so that `thong tu lien
/// tich` wins over `thong tu`. `None` marks generic nouns (`văn bản`) that name no kind.
const KIND_WORDS: &[(&str, Option<DocKind>)] = &[
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
fn kind_alternation() -> String {
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
static KIND_SO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<kind>{})(?:[ \t,:\-]+[a-z0-9]+){{0,10}}?[\s*_]+(?P<so>so)[\s*_:]*$",
        kind_alternation()
    ))
    .expect("valid regex")
});

/// Before a number, on folded text: a kind name right before it (`Quyết định 6556/…`). The
/// specification of [`kind_at_end`].
#[cfg(test)]
static KIND_ONLY: LazyLock<Regex> = LazyLock::new(|| {
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
static SHARED_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^a-z0-9])so[\s*_:]*(?P<list>(?:[0-9]{1,5}[ \t]*(?:,|va)[ \t]*)+)$")
        .expect("valid regex")
});

/// Contexts where a number-like string names a form, an annex or a code, not a document.
/// The specification of [`names_a_form`].
#[cfg(test)]
static NOT_A_DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^a-z0-9])(?:mau|bieu|bieu mau|phu luc|ma|ma so|so hieu|tcvn|qcvn|iso|tk|tai khoan)[\s*_]*(?:so)?[\s*_:]*$",
    )
    .expect("valid regex")
});

/// After a number: a connector and an issuer phrase before the date
/// (`của Chính phủ ngày 15/7/2021`), or words like `ban hành` before it. The specification
/// of [`before_date`].
#[cfg(test)]
static BEFORE_DATE: LazyLock<Regex> = LazyLock::new(|| {
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
fn shared_list(t: &[u8]) -> Option<usize> {
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
fn digit_runs(t: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
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
fn names_a_form(t: &[u8]) -> bool {
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
fn before_date(t: &[u8]) -> Option<(usize, Option<Range<usize>>)> {
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
                if let Some(ngay) = date_words_at(t, end, true) {
                    return Some((ngay, Some(phrase..end)));
                }
            }
            // With no phrase after all the spaces, one space can be the phrase.
            if spaces > 1 {
                if let Some(ngay) = date_words_at(t, phrase, true) {
                    return Some((ngay, Some(phrase - 1..phrase)));
                }
            }
        }
    }
    date_words_at(t, start, false).map(|ngay| (ngay, None))
}

/// Where `ngay` starts when folded `t` reads, from `at`, `ngay` as a word, maybe after `ban
/// hanh`, `ky` or `thong qua` (with `duoc` before them), and after spaces and commas when
/// `spaced`.
fn date_words_at(t: &[u8], at: usize, spaced: bool) -> Option<usize> {
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

/// Lower-case words an issuer phrase may contain besides capitalised ones, folded.
/// The words of the titles that head an issuer phrase (`của Chủ tịch …`, `của Giám đốc …`,
/// `Chủ nhiệm`, `Thống đốc`) are among them.
const ISSUER_WORDS: &[&str] = &[
    "-", "an", "ban", "bao", "bi", "binh", "bo", "cao", "chap", "chinh", "chu", "cong", "cuc",
    "dan", "dao", "dau", "doc", "dong", "du", "duc", "dung", "giam", "giao", "hai", "hang", "hanh",
    "hiem", "hoa", "hoach", "hoc", "hoi", "huyen", "ke", "khoa", "kiem", "lao", "lich", "lien",
    "mat", "moi", "ngan", "nghe", "nghiep", "ngoai", "nguyen", "nha", "nhan", "nhiem", "ninh",
    "noi", "nong", "nuoc", "phap", "phat", "pho", "phong", "phu", "phuong", "quan", "quoc", "sat",
    "so", "tai", "tao", "te", "thanh", "thao", "the", "thi", "thon", "thong", "thu", "thue",
    "thuong", "tich", "tin", "tinh", "to", "toa", "toan", "toi", "tong", "tran", "tri", "trien",
    "trung", "truong", "truyen", "tu", "tuong", "uong", "uy", "va", "van", "vien", "vu", "xa",
    "xay", "y",
];

/// Whether `word`, folded, is one of [`ISSUER_WORDS`]. Those are ASCII and shorter than
/// nine letters, so the folded word is packed into an integer on the way and looked up
/// among the words packed the same way: this runs for every word of every issuer phrase.
fn is_issuer_word(word: &str) -> bool {
    // The packed words in an open-addressed table of four times their number: one probe,
    // rarely two, where a binary search took seven unpredictable steps.
    static TABLE: LazyLock<[u64; 512]> = LazyLock::new(|| {
        let mut t = [0u64; 512];
        for k in ISSUER_WORDS.iter().filter_map(|w| pack_folded(w)) {
            let mut i = issuer_slot(k);
            while t[i] != 0 && t[i] != k {
                i = (i + 1) % t.len();
            }
            t[i] = k;
        }
        t
    });
    let Some(k) = pack_folded(word).filter(|&k| k != 0) else {
        return false;
    };
    let t = &*TABLE;
    let mut i = issuer_slot(k);
    loop {
        match t[i] {
            e if e == k => return true,
            0 => return false,
            _ => i = (i + 1) % t.len(),
        }
    }
}

/// Where packed word `k` is first looked for in the table of [`is_issuer_word`].
fn issuer_slot(k: u64) -> usize {
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize
}

/// `word` folded and packed into an integer, byte `i` at bits `8 i`, when that is ASCII of
/// at most eight bytes.
fn pack_folded(word: &str) -> Option<u64> {
    let mut key = 0u64;
    let mut n = 0;
    let b = word.as_bytes();
    let mut i = 0;
    let table = &UTF8_FOLD;
    // Folded by the table where it can be (nearly always), by characters otherwise.
    while i < b.len() {
        let Some((f, len)) = fold_at(table, b, i) else {
            break;
        };
        if f != DROPPED {
            if n == 8 || !(f.is_ascii_alphanumeric() || f == b'-') {
                break;
            }
            key |= u64::from(f.to_ascii_lowercase()) << (8 * n);
            n += 1;
        }
        i += len;
    }
    if i == b.len() {
        return Some(key);
    }
    pack_folded_chars(word)
}

/// [`pack_folded`] character by character, for what the table does not hold.
fn pack_folded_chars(word: &str) -> Option<u64> {
    let mut key = 0u64;
    let mut n = 0;
    for c in word.chars() {
        let f = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            match map_char(c).and_then(crate::text::fold_char) {
                Some(f) => f,
                None => continue,
            }
        };
        if !f.is_ascii() || n == 8 {
            return None;
        }
        key |= u64::from(f as u8) << (8 * n);
        n += 1;
    }
    Some(key)
}

/// How far after a number the date and issuer are looked for: an issuer phrase of up to
/// 120 bytes, then the date.
const LOOK_AHEAD: usize = 200;

/// How far back (in bytes) the kind name and `số` are looked for.
const LOOK_BACK: usize = 160;

/// The first, short look back: `Thông tư liên tịch số ` fits in it.
const SHORT_LOOK_BACK: usize = 56;

/// A folded window without the spaces, markup and colon before the number.
fn trim_tail(t: &[u8]) -> &[u8] {
    trim_end_bytes(t, |b| matches!(b, b'*' | b'_' | b':'))
}

/// Folded `t` without the white space and the bytes `also` takes at its end. Folding
/// writes all white space as ASCII, so a byte beyond ASCII ends the trimming.
fn trim_end_bytes(t: &[u8], also: impl Fn(u8) -> bool) -> &[u8] {
    let keep = t.len()
        - t.iter()
            .rev()
            .take_while(|&&b| ascii_space(b) || also(b))
            .count();
    &t[..keep]
}

/// Whether folded `t` ends with the whole word `w`.
fn ends_with_word(t: &[u8], w: &str) -> bool {
    let w = w.as_bytes();
    // Compared from the end, where most names differ, without a call.
    t.len() >= w.len()
        && t.iter().rev().zip(w.iter().rev()).all(|(a, b)| a == b)
        && t[..t.len() - w.len()]
            .last()
            .is_none_or(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
}

/// The kind whose name ends folded `t`, as a whole phrase: its start in `t` and the kind.
fn kind_suffix(t: &[u8]) -> Option<(usize, Option<DocKind>)> {
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
fn may_name_a_form(t: &[u8]) -> bool {
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
fn word_start(s: &str, at: usize) -> usize {
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
fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// The kinds whose name starts with each letter, in [`KIND_WORDS`] order (the patterns'
/// order of preference).
static KINDS_BY_FIRST: LazyLock<[Vec<usize>; 26]> = LazyLock::new(|| {
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
fn kind_name_at(t: &[u8], p: usize, name: &str) -> Option<usize> {
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
fn kinds_at_starts<'a>(
    t: &'a [u8],
    end: usize,
    accept: impl Fn(usize) -> bool + 'a,
) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
    let word_byte = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    (0..end)
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
fn kind_before_so(
    t: &[u8],
    so_at: usize,
    symbol: Option<DocKind>,
) -> Option<(Range<usize>, usize)> {
    choose_kind(kinds_before_so(t, so_at), symbol)
}

/// Of the candidates of [`kind_before_so`] (in the order of their starts), the one it takes.
fn choose_kind(
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
fn kinds_before_so(t: &[u8], so_at: usize) -> impl Iterator<Item = (Range<usize>, usize)> + '_ {
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
    kinds_at_starts(t, so_at, gap_ok)
}

/// [`KIND_ONLY`] on folded `t` whose text ends at `end` (only white space, `*`, `_` and `:`
/// follow): a kind's name right there.
fn kind_at_end(t: &[u8], end: usize) -> Option<(Range<usize>, usize)> {
    kinds_at_starts(t, end, |e| e == end).next()
}

/// The largest window folded: a look-back of [`LOOK_BACK`], a look-ahead of [`LOOK_AHEAD`]
/// or a clause of 240 bytes, with the rest of a character at either end.
const WINDOW: usize = 255;

/// A window of the source folded for matching (lower case, no diacritics, one kind of
/// space), on the stack: one is folded for every number found, and the heap would cost
/// more than the folding.
struct Folded {
    base: usize,
    len: usize,
    /// One byte more than [`WINDOW`]: indexed by a `u8`, it needs no bounds check.
    text: [u8; 256],
    /// For each byte of the text, where the character it came from starts, from `base`.
    rel: [u8; 256],
}

/// How a character folds in a window: `None` when it is dropped (combining marks,
/// invisible characters), white space as one space.
fn window_fold(c: char) -> Option<char> {
    if matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') {
        // Latin and Vietnamese letters, which normalization leaves as they are (`Ð` folds
        // to `d` either way).
        return crate::text::fold_char(c);
    }
    match map_char(c) {
        None => None,
        Some(c) if c.is_whitespace() => Some(' '),
        Some(c) => crate::text::fold_char(c),
    }
}

/// A folded byte in [`UTF8_FOLD`]: the character is dropped.
const DROPPED: u8 = 0xFE;
/// A folded byte in [`UTF8_FOLD`]: the character does not fold to one ASCII byte.
const NOT_ASCII: u8 = 0xFF;

/// [`window_fold`] of every two-byte character (U+0080–U+07FF, by the low five bits of the
/// lead byte and six of the next) and of the Vietnamese block U+1E00–U+1EFF (`E1 B8`–`E1
/// BB` and six bits), as one ASCII byte, [`DROPPED`] or [`NOT_ASCII`]. Nearly every
/// character of Vietnamese text is one of these: a window folds with one load per character
/// instead of decoding it and searching tables.
///
/// The tables are written out in `citation/utf8_fold.rs`, generated from the functions
/// they stand for (see [`utf8_fold_table`]): building them at the first call cost every
/// process 0.3 ms, a third of reading the test corpus.
static UTF8_FOLD: Utf8Table = Utf8Table {
    fold: utf8_fold::FOLD,
    class: utf8_fold::CLASS,
};

/// Entries of [`UTF8_FOLD`].
const TABLE_LEN: usize = 2048 + 256;

/// A bit of [`Utf8Table::class`]: the character continues a word.
const WORD: u8 = 1;
/// A bit of [`Utf8Table::class`]: the character is an upper-case letter.
const UPPER: u8 = 2;

/// The tables of [`UTF8_FOLD`], by the same index.
struct Utf8Table {
    /// [`window_fold`] as one ASCII byte, [`DROPPED`] or [`NOT_ASCII`].
    fold: [u8; TABLE_LEN],
    /// [`WORD`] when the character continues a word for [`first_word_folded`] and
    /// [`UPPER`] when it is an upper-case letter.
    class: [u8; TABLE_LEN],
}

impl Utf8Table {
    fn is_word(&self, k: usize) -> bool {
        self.class[k] & WORD != 0
    }

    fn is_upper(&self, k: usize) -> bool {
        self.class[k] & UPPER != 0
    }
}

/// [`UTF8_FOLD`] as computed from [`window_fold`], [`is_word_char`] and
/// [`char::is_uppercase`]: what `citation/utf8_fold.rs` must hold.
#[cfg(test)]
fn utf8_fold_table() -> ([u8; TABLE_LEN], [u8; TABLE_LEN]) {
    let mut fold = [NOT_ASCII; TABLE_LEN];
    let mut class = [0; TABLE_LEN];
    let code = |c: Option<char>| match c {
        None => DROPPED,
        Some(f) if f.is_ascii() => f as u8,
        Some(_) => NOT_ASCII,
    };
    let chars = (0x80..0x800u32).chain(0x1E00..0x1F00);
    for (k, c) in chars.filter_map(char::from_u32).enumerate() {
        let k = if k < 0x780 {
            k + 0x80
        } else {
            k - 0x780 + 2048
        };
        fold[k] = code(window_fold(c));
        class[k] =
            if is_word_char(c) { WORD } else { 0 } | if c.is_uppercase() { UPPER } else { 0 };
    }
    (fold, class)
}

/// Whether `word` starts with an upper-case letter, by the table when it can.
fn starts_upper(word: &str) -> bool {
    match utf8_index(word.as_bytes(), 0) {
        Some((k, _)) => UTF8_FOLD.is_upper(k),
        None => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Whether `c`, beyond ASCII, continues a word: letters (Latin and Vietnamese, but `×`
/// and `÷`), other alphanumerics and combining marks (NFD text). Read from [`UTF8_FOLD`].
#[cfg(test)]
fn is_word_char(c: char) -> bool {
    (matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && !matches!(c, '×' | '÷'))
        || c.is_alphanumeric()
        || unicode_normalization::char::is_combining_mark(c)
}

/// The index in [`UTF8_FOLD`] of the character at `i` beyond ASCII, and its length.
#[inline(always)]
fn utf8_index(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
    match *bytes.get(i)? {
        b @ 0xC2..=0xDF => Some((
            usize::from(b & 0x1F) << 6 | usize::from(*bytes.get(i + 1)? & 0x3F),
            2,
        )),
        0xE1 => match *bytes.get(i + 1)? {
            b1 @ 0xB8..=0xBB => Some((
                2048 + (usize::from(b1 - 0xB8) << 6 | usize::from(*bytes.get(i + 2)? & 0x3F)),
                3,
            )),
            _ => None,
        },
        _ => None,
    }
}

/// How the ASCII bytes fold in a window: lower case, one kind of space, line breaks kept.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'\n' => b'\n',
            b' ' | b'\t' | b'\r' | 0x0C => b' ',
            x => x.to_ascii_lowercase(),
        };
        b += 1;
    }
    t
};

/// The folded ASCII byte of the character at `i` and its length, when it is one of those
/// [`UTF8_FOLD`] holds (`s` is UTF-8 and `i` starts a character).
#[inline(always)]
fn fold_at(table: &Utf8Table, bytes: &[u8], i: usize) -> Option<(u8, usize)> {
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return Some((ASCII_FOLD[usize::from(b)], 1));
    }
    let (k, n) = utf8_index(bytes, i)?;
    let f = table.fold[k];
    (f != NOT_ASCII).then_some((f, n))
}

/// Folds `s[start..end]` (at most [`WINDOW`] bytes of it) for matching and keeps where
/// each folded byte came from.
fn fold_window(s: &str, start: usize, end: usize) -> Folded {
    let mut f = Folded::empty();
    f.fold(s, start, end);
    f
}

/// The loop of [`fold_window`], with the length in a register rather than in the window
/// being written: the folded length of `s[start..end]` written to `text` and `rel`.
fn fold_into(
    s: &str,
    start: usize,
    end: usize,
    text: &mut [u8; 256],
    rel: &mut [u8; 256],
) -> usize {
    let end = floor_boundary(s, end.max(start).min(s.len()).min(start + WINDOW));
    let src = &s.as_bytes()[start.min(end)..end];
    let table = &UTF8_FOLD;
    // Folding never lengthens a character, so `len <= i < WINDOW`: both fit a `u8`.
    let mut len: u8 = 0;
    let mut i = 0;
    while i < src.len() {
        if let Some((f, n)) = fold_at(table, src, i) {
            text[usize::from(len)] = f;
            rel[usize::from(len)] = i as u8;
            // A dropped character is written and not counted: no branch on it.
            len = len.wrapping_add(u8::from(f != DROPPED));
            i += n;
            continue;
        }
        let Some(c) = s.get(start + i..end).and_then(|r| r.chars().next()) else {
            break;
        };
        if let Some(fc) = window_fold(c) {
            let mut utf8 = [0u8; 4];
            let folded = fc.encode_utf8(&mut utf8).as_bytes();
            // Whole characters only: the window's bytes are always its text's.
            if usize::from(len) + folded.len() > WINDOW {
                break;
            }
            for &fb in folded {
                text[usize::from(len)] = fb;
                rel[usize::from(len)] = i as u8;
                len += 1;
            }
        }
        i += c.len_utf8();
    }
    usize::from(len).min(WINDOW)
}

impl Folded {
    /// An empty window, to fold into again and again: one window per number would be
    /// cleared and copied out each time.
    fn empty() -> Self {
        Folded {
            base: 0,
            len: 0,
            text: [0; 256],
            rel: [0; 256],
        }
    }

    /// Folds `s[start..end]` into this window, as [`fold_window`] does.
    fn fold(&mut self, s: &str, start: usize, end: usize) {
        self.base = start;
        self.len = fold_into(s, start, end, &mut self.text, &mut self.rel);
    }

    /// The folded text's bytes (those of [`Folded::text`]: whole characters go in).
    fn bytes(&self) -> &[u8] {
        &self.text[..self.len]
    }

    /// The folded text.
    fn text(&self) -> &str {
        // `fold_into` writes whole characters only.
        std::str::from_utf8(self.bytes()).unwrap_or_default()
    }

    /// Where the character behind folded byte `i` starts in the source.
    fn at(&self, i: usize) -> usize {
        self.base + usize::from(self.rel[i])
    }

    /// The source span of folded bytes `a..b`, widened to whole characters with their marks.
    fn source_span(&self, s: &str, a: usize, b: usize) -> Range<usize> {
        let start = self.at(a);
        let last = self.at(b - 1);
        start..end_of_char(s, last)
    }
}

/// The first word at `at` after spaces, commas and markup, folded: enough to tell whether a
/// date or an issuer phrase can follow, before folding a whole window. At most the
/// characters within 24 bytes are read.
fn first_word_folded(s: &str, at: usize) -> Word {
    word_folded(s, word_after(s, at))
}

/// Where the first word at `at` starts, after spaces, commas and markup.
fn word_after(s: &str, at: usize) -> usize {
    let b = s.as_bytes();
    let mut i = at;
    while let Some(&x) = b.get(i) {
        let len = match x {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | b',' | b'*' | b'_' => 1,
            0x80.. => match s[i..].chars().next() {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => break,
            },
            _ => break,
        };
        i += len;
    }
    i
}

/// The word at `i`, folded (see [`first_word_folded`]).
fn word_folded(s: &str, mut i: usize) -> Word {
    let b = s.as_bytes();
    let limit = i + 24;
    let mut w = Word {
        buf: [0; 32],
        len: 0,
        end: i,
    };
    while let Some(&x) = b.get(i) {
        if x < 0x80 {
            if !x.is_ascii_alphanumeric() || i + 1 > limit {
                break;
            }
            w.push(char::from(x.to_ascii_lowercase()));
            i += 1;
            w.end = i;
            continue;
        }
        // Most characters are in the table: whether they continue the word, and their fold.
        if let Some((k, n)) = utf8_index(b, i) {
            let table = &UTF8_FOLD;
            let f = table.fold[k];
            if f != NOT_ASCII {
                if !table.is_word(k) || i + n > limit {
                    break;
                }
                if f != DROPPED {
                    w.push(char::from(f));
                }
                i += n;
                w.end = i;
                continue;
            }
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let letter =
            matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && !matches!(c, '×' | '÷');
        if !(letter || c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c))
            || i + c.len_utf8() > limit
        {
            break;
        }
        if let Some(f) = map_char(c).and_then(crate::text::fold_char) {
            w.push(f);
        }
        i += c.len_utf8();
        w.end = i;
    }
    w
}

/// The first word after a number, folded as [`crate::text::fold_key`] folds it, on the
/// stack: it is read after each number and would otherwise cost an allocation each.
struct Word {
    /// A word is read within 24 bytes, and folding never lengthens it.
    buf: [u8; 32],
    len: usize,
    /// Where the word ends in the source, for [`first_word_folded`].
    end: usize,
}

impl Word {
    /// Appends `c` if it fits.
    fn push(&mut self, c: char) {
        let n = c.len_utf8();
        if let Some(dst) = self.buf.get_mut(self.len..self.len + n) {
            c.encode_utf8(dst);
            self.len += n;
        }
    }

    /// The folded word's bytes: compared with ASCII words, they need no UTF-8 check.
    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// The end of the character at `at`, with the combining marks that follow it (NFD text).
fn end_of_char(s: &str, at: usize) -> usize {
    let mut chars = s[at..].chars();
    let mut end = at + chars.next().map_or(0, char::len_utf8);
    for c in chars {
        if !unicode_normalization::char::is_combining_mark(c) {
            break;
        }
        end += c.len_utf8();
    }
    end
}

fn ceil_boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn floor_boundary(s: &str, mut at: usize) -> usize {
    while at > 0 && !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A candidate before it is checked: its span in the normalized text and its number.
struct Found {
    /// The whole mention, normalized offsets.
    span: Range<usize>,
    number_span: Range<usize>,
    number: DocNumber,
    kind: Option<DocKind>,
    kind_span: Option<Range<usize>>,
    has_so: bool,
}

/// The citations whose number starts in `within`; the text around it is still read for the
/// kind, the date and the issuer.
pub(crate) fn citations_within(text: &str, within: Range<usize>) -> Vec<Citation<'_>> {
    let start = floor_boundary(text, within.start.min(text.len()));
    let end = floor_boundary(text, within.end.min(text.len()));
    find_in(text, start..end.max(start))
}

fn find_all(s: &str, within: Range<usize>) -> Vec<Citation<'_>> {
    let stretch = if within.len() > LARGE_TEXT {
        STRETCH
    } else {
        usize::MAX
    };
    find_all_by(s, within, stretch)
}

/// [`find_all`], reading the candidates `stretch` bytes of text at a time (all at once for
/// `usize::MAX`).
fn find_all_by(s: &str, within: Range<usize>, stretch: usize) -> Vec<Citation<'_>> {
    if stretch != usize::MAX {
        return Stretches::new(s, within, stretch).collect();
    }
    // The candidates are found first, then read: the scan's loop and the readings' code run
    // apart, each hot in the caches, rather than taking turns (measured 7% faster on 3.4 MB,
    // `citations/large`).
    let all: Vec<Range<usize>> = candidates(s, within).collect();
    let mut out = Vec::with_capacity(all.len());
    read_candidates(s, &all, &mut out, &mut Folded::empty());
    share_dates(s, &mut out, 0);
    out
}

/// The citations of a text read a stretch of it at a time, as an iterator: the candidates
/// of a stretch are found, then read, while its bytes are still in the caches (5% faster
/// than reading all candidates of a 34 MB text at once), and the citations of one stretch
/// are kept, not all of them (no page faults for an output growing with the text).
struct Stretches<'t> {
    s: &'t str,
    found: std::iter::Peekable<Candidates<'t>>,
    stretch: usize,
    window: Folded,
    batch: Vec<Range<usize>>,
    /// The citations read but not ready: a stretch's last ones without a date, which may
    /// take it from the next (`số 12, 13 và 14/QĐ-UBND ngày …`, see [`share_dates`]).
    held: Vec<Citation<'t>>,
    ready: std::collections::VecDeque<Citation<'t>>,
}

impl<'t> Stretches<'t> {
    fn new(s: &'t str, within: Range<usize>, stretch: usize) -> Self {
        Stretches {
            s,
            found: candidates(s, within).peekable(),
            stretch: stretch.max(1),
            window: Folded::empty(),
            batch: Vec::new(),
            held: Vec::new(),
            ready: std::collections::VecDeque::new(),
        }
    }

    /// Reads stretches until some citation is ready; `false` at the end of the text.
    fn fill(&mut self) -> bool {
        while self.ready.is_empty() {
            // Nothing is held after the last stretch (below).
            let Some(first) = self.found.peek().map(|m| m.start) else {
                return false;
            };
            self.batch.clear();
            let stretch = self.stretch;
            while let Some(m) = self.found.next_if(|m| m.start - first < stretch) {
                self.batch.push(m);
            }
            // Every citation held from before has no date: each stretch costs its own
            // citations and those the dates reach back to, not all that are held (a text of
            // nothing but listed numbers holds them all).
            let old = self.held.len();
            read_candidates(self.s, &self.batch, &mut self.held, &mut self.window);
            share_dates(self.s, &mut self.held, old);
            // After the last stretch, no later citation can give a date.
            let undated = if self.found.peek().is_none() {
                0
            } else {
                let new = self.held.len() - old;
                let n = self.held[old..]
                    .iter()
                    .rev()
                    .take_while(|c| c.date.is_none())
                    .count();
                // None new has a date, so none held took one; and a date to come reaches
                // back `LIST_REACH` numbers at most.
                if n == new { self.held.len() } else { n }.min(LIST_REACH)
            };
            let done = self.held.len() - undated;
            if done > 0 {
                // `ready` is empty: the buffers change places, nothing ready is copied.
                let mut spare: Vec<Citation<'t>> = std::mem::take(&mut self.ready).into();
                spare.extend(self.held.drain(done..));
                self.ready = std::mem::replace(&mut self.held, spare).into();
            }
        }
        true
    }
}

impl std::fmt::Debug for Stretches<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Not the text: it may be gigabytes.
        f.debug_struct("Stretches")
            .field("text_len", &self.s.len())
            .field("stretch", &self.stretch)
            .field("held", &self.held.len())
            .field("ready", &self.ready.len())
            .finish()
    }
}

impl<'t> Iterator for Stretches<'t> {
    type Item = Citation<'t>;

    fn next(&mut self) -> Option<Citation<'t>> {
        if self.ready.is_empty() && !self.fill() {
            return None;
        }
        self.ready.pop_front()
    }
}

/// Texts longer than this (a share of a last-level cache) are read a stretch at a time, by
/// [`citations`] as it is iterated and by [`find_all`].
const LARGE_TEXT: usize = 8 << 20;

/// The stretch of a large text whose candidates are read together (about a second-level
/// cache; 128 KiB to 4 MiB measured alike on 34 MB).
const STRETCH: usize = 1 << 20;

/// Reads candidates (in the order of the text) into citations appended to `out`: their
/// numbers and kinds first, then their dates and issuers.
fn read_candidates<'t>(
    s: &'t str,
    candidates: &[Range<usize>],
    out: &mut Vec<Citation<'t>>,
    window: &mut Folded,
) {
    let first = out.len();
    for m in candidates.iter().cloned() {
        let (start, end) = (m.start, m.end);
        // The sequence must start a word (`C74-HĐ` is a form code; `ngày 07/6/2023` is no
        // number), except right after `số` written without a space (`số357/TTr-CP`).
        if let Some(p) = s[..start].chars().next_back() {
            if (p.is_alphanumeric() && !folded_ends_with(s, start, "so"))
                || matches!(
                    p,
                    '/' | '.' | '-' | '_' | '\\' | '=' | '&' | '?' | '%' | '#'
                )
            {
                continue;
            }
            // `QCVN 01:2009/BYT`, `TCVN 5712:1993`: a standard's number and year.
            if p == ':' && s[..start - 1].ends_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
        }
        // A symbol all in lower case (`07/2022/tt-btttt`) has no case to trim by; it is
        // checked below, once the words before it are known.
        let lower = is_lower_symbol(&s[start..end]);
        let trimmed = if lower {
            Some(end)
        } else {
            trim_symbol(&s[start..end]).map(|len| start + len)
        };
        let Some(mut end) = trimmed else {
            continue;
        };
        // A `.` or `&` join followed by a letter is a sentence run on (`…-UBND.Điều`): the
        // code ends before it.
        while s[end..].chars().next().is_some_and(char::is_alphanumeric) {
            let sym = &s[start..end];
            let group = sym.rfind(['-', '/']).map_or(0, |i| i + 1);
            match sym[group..].rfind(['.', '&']) {
                Some(j) if group + j > 0 => end = start + group + j,
                _ => break,
            }
        }
        let end = extend_symbol(s, start, end);
        let dash_only = is_dash_only(&s[start..end]);
        // Followed by more path-like text (`/a/b`, `.aspx`) it is part of a URL or a path.
        let next = s[end..].chars().next();
        if next.is_some_and(|c| c == '/' || c == '_' || c == '=' || c.is_alphanumeric())
            || s[end..].starts_with(".aspx")
            || s[end..].starts_with(".htm")
            || in_url(s, start)
        {
            continue;
        }
        let Ok(number) = s[start..end].parse::<DocNumber>() else {
            continue;
        };
        // Most mentions read `Quyết định số …` right before the number: look at a short
        // window first and at the long one only for a name between kind and `số`.
        let short = word_start(s, start.saturating_sub(SHORT_LOOK_BACK)).min(start);
        window.fold(s, short, start);
        let window = &*window;
        // The common readings work on the folded bytes; the patterns, for the rare rest, on
        // the text.
        let wbytes = window.bytes();
        if may_name_a_form(wbytes) && names_a_form(wbytes) {
            continue;
        }
        let mut f = Found {
            span: start..end,
            number_span: start..end,
            kind: None,
            kind_span: None,
            has_so: false,
            number,
        };
        // Numbers sharing this symbol: `số 198, 199/BC-UBND`.
        let mut shared: Vec<(Range<usize>, DocNumber)> = Vec::new();
        let mut head_end = start;
        let before = &wbytes[..wbytes.len()
            - wbytes
                .iter()
                .rev()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count()];
        let listed = before.last() == Some(&b',') || ends_with_word(before, "va");
        if let Some(list) = listed.then(|| shared_list(wbytes)).flatten() {
            for d in digit_runs(&wbytes[list..]) {
                let (a, b) = (list + d.start, list + d.end);
                // Marks dropped by folding may sit between the digits in the source.
                let span = window.source_span(s, a, b);
                let digits = std::str::from_utf8(&wbytes[a..b]).unwrap_or_default();
                if let Some(n) = f.number.with_seq(digits) {
                    shared.push((span, n));
                }
            }
            head_end = window.at(list);
        }
        let refolded;
        let head = if head_end == start {
            window
        } else {
            refolded = fold_window(s, short, head_end);
            &refolded
        };
        let htext = head.bytes();
        // The usual shapes, `Kind số N` and `Kind N`, are read directly; the patterns are the
        // fallback for a name between kind and `số` and for white space inside a kind's name.
        let tail = trim_tail(htext);
        let so = ends_with_word(tail, "so").then(|| head.at(tail.len() - 2));
        // `KIND_SO` needs a word right before the spaces before `số`, so it cannot match
        // after a rule, a table's bar or a colon (`| Số: `, the header's own number).
        let mut word_before_so = false;
        let mut kind = match so {
            Some(_) => {
                let before_so = &tail[..tail.len() - 2];
                let b = trim_end_bytes(before_so, |b| matches!(b, b'*' | b'_'));
                word_before_so = b
                    .last()
                    .is_none_or(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
                (b.len() < before_so.len())
                    .then(|| kind_suffix(b))
                    .flatten()
                    .map(|(a, k)| ((head.source_span(s, a, b.len()), k), true))
            }
            None => {
                kind_suffix(tail).map(|(a, k)| ((head.source_span(s, a, tail.len()), k), false))
            }
        };
        // `KIND_SO` needs the `số` found above; without it, `KIND_ONLY` can only find what
        // `kind_suffix` did not: a name broken by a line break or a double space.
        let spaced = || {
            let end = &htext[htext.len().saturating_sub(48)..];
            end.contains(&b'\n') || end.windows(2).any(|w| w == b"  ")
        };
        let read = |head: &Folded, found: Option<(Range<usize>, usize)>| {
            found.map(|(r, k)| (head.source_span(s, r.start, r.end), KIND_WORDS[k].1))
        };
        if kind.is_none() && (word_before_so || (so.is_none() && spaced())) {
            kind = match so {
                Some(_) => read(head, kind_before_so(htext, tail.len() - 2, f.number.kind()))
                    .map(|k| (k, true)),
                None => read(head, kind_at_end(htext, tail.len())).map(|k| (k, false)),
            };
        }
        if kind.is_none() && word_before_so && short > 0 {
            let long = word_start(s, head_end.saturating_sub(LOOK_BACK)).min(head_end);
            let head = fold_window(s, long, head_end);
            let t = trim_tail(head.bytes());
            kind = t
                .strip_suffix(b"so")
                .and_then(|before| read(&head, kind_before_so(t, before.len(), f.number.kind())))
                .map(|k| (k, true));
        }
        if let Some(((span, k), has_so)) = kind {
            f.span.start = span.start;
            f.kind_span = Some(span);
            f.kind = k;
            f.has_so = has_so;
        } else if let Some(so) = so {
            f.has_so = true;
            f.span.start = so;
        } else if let Some((first, _)) = shared.first() {
            f.span.start = first.start;
        }
        // `61-CP` alone could be anything (a code, a range); named as a document it is one.
        // So is the ministries' old `88-TĐC/QĐ`.
        let legacy_slash = f.number.system() == NumberSystem::Legacy && !dash_only;
        if (dash_only || legacy_slash) && f.kind_span.is_none() && !f.has_so {
            continue;
        }
        // Lower case (`nghị định 30/2020/nđ-cp`, in portals' lists and queries) has none of
        // the capitals that tell a symbol from a ratio or a unit (`5/ha`): it is a number
        // only with the structure of one, a known kind or issuer in the symbol and a kind's
        // name or `số` before it, or both a known kind and a known issuer.
        if lower {
            let known_kind = f.number.kind().is_some();
            let known_issuer = f
                .number
                .issuer()
                .next()
                .is_some_and(|i| crate::catalog::issuer_info(i).is_some());
            let named = f.kind_span.is_some() || f.has_so;
            // `qh15`: the Quốc hội's term is a symbol of its own.
            let law = f.number.legislature_term().is_some();
            let kind_and_so = f.kind_span.is_some() && f.has_so;
            let structured =
                (known_kind || known_issuer) && (named || (known_kind && known_issuer));
            if !(structured || law || kind_and_so) {
                continue;
            }
        }
        // Party documents keep their symbol's kind (`Quy định 31-QĐ/TW` is the Party's QĐ).
        if f.number.system() == NumberSystem::Party && f.number.kind().is_some() {
            f.kind = f.number.kind();
        }
        if f.kind.is_none() {
            f.kind = f.number.kind().or_else(|| {
                if f.number.system() == NumberSystem::CongVan {
                    return Some(DocKind::CongVan);
                }
                // Laws carry no kind in the number, only the Quốc hội's term.
                (f.number.legislature_term().is_some()
                    && f.number.issuer().len() == 1
                    && f.number.issuer().all(|i| i.starts_with("QH")))
                .then_some(DocKind::Luat)
            });
        }
        // Written out without their date and issuer, read below.
        let cite = |number, number_span| Citation {
            text: s,
            span: f.span.clone(),
            number,
            number_span,
            kind: f.kind,
            kind_span: f.kind_span.clone(),
            has_so: f.has_so,
            date: None,
            date_span: None,
            issuer_span: None,
        };
        for (span, number) in shared {
            out.push(cite(number, span.start..f.number_span.end));
        }
        out.push(cite(f.number, f.number_span.clone()));
    }

    // The dates and issuers after all the numbers, as the numbers after all the candidates.
    // The numbers sharing a symbol end where it ends: theirs are read once.
    for i in first..out.len() {
        let (before, rest) = out.split_at_mut(i);
        let c = &mut rest[0];
        if let Some(p) = before
            .last()
            .filter(|p| p.span.start == c.span.start && p.number_span.end == c.number_span.end)
        {
            c.date = p.date;
            c.date_span = p.date_span.clone();
            c.issuer_span = p.issuer_span.clone();
            continue;
        }
        let (mut date, mut date_span, issuer_span) = date_and_issuer(s, c.number_span.end);
        if date.is_none() {
            if let Some(m) = date_before(s, c.span.start) {
                date = Some(m.date);
                date_span = Some(m.span);
            }
        }
        c.date = date;
        c.date_span = date_span;
        c.issuer_span = issuer_span;
    }
}

/// Whether the text before `at`, folded, ends with the word `word` (`số` → `so`).
fn folded_ends_with(s: &str, at: usize, word: &str) -> bool {
    let from = floor_boundary(s, at.saturating_sub(word.len() * 4 + 4));
    let window = fold_window(s, from, at);
    let folded = window.text();
    folded.ends_with(word)
        && folded[..folded.len() - word.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// The length of the candidate once groups that are words, not codes, are cut off its end;
/// `None` when its first group is already a word.
///
/// A symbol group has at most one lower-case letter (`TTg`, `QĐi`, `CTr`, `QyĐ`); a group
/// after a spaced dash must be all capitals or a known code (`QĐ- TTg`), so that `… UBND -
/// Về việc` stops before `Về`; `3/Chương`, `5/Năm` are not numbers.
fn trim_symbol(candidate: &str) -> Option<usize> {
    trim_plain_symbol(candidate).unwrap_or_else(|| trim_any_symbol(candidate))
}

/// [`trim_symbol`] of any candidate, by characters.
fn trim_any_symbol(candidate: &str) -> Option<usize> {
    // The dash and slash variants all lie past U+2000: most characters need no lookup.
    let is_dash = |c: char| c == '-' || (c > '\u{2000}' && map_char(c) == Some('-'));
    let known = |group: &str| {
        crate::catalog::issuer_info(group).is_some() || DocKind::from_abbr(group).is_some()
    };
    let mut sym = candidate;
    // PDF extraction breaks lines inside numbers (`12/QĐ-⏎UBND`): the number goes on over the
    // break only when the next line starts with a known code, not with a word (`Về`).
    if let Some(nl) = sym.find('\n') {
        let next_group = sym[nl..]
            .trim_start()
            .split(is_dash)
            .next()
            .unwrap_or("")
            .trim();
        if !known(next_group) {
            sym = sym[..nl].trim_end().trim_end_matches(is_dash).trim_end();
        }
    }
    while let Some(cut) = sym.rfind(is_dash) {
        let dash_len = sym[cut..].chars().next().map_or(1, char::len_utf8);
        let after = &sym[cut + dash_len..];
        let group = after.trim();
        let lower = group.chars().filter(|c| c.is_lowercase()).count();
        let spaced =
            after.starts_with(char::is_whitespace) || sym[..cut].ends_with(char::is_whitespace);
        if lower <= 1 && (!spaced || lower == 0 || known(group)) {
            break;
        }
        sym = sym[..cut].trim_end();
    }
    let first_group = sym
        .split(|c: char| is_dash(c) || c == '/' || (c > '\u{2000}' && map_char(c) == Some('/')))
        .map(str::trim)
        .find(|g| g.chars().next().is_some_and(char::is_alphabetic))
        .unwrap_or("");
    (first_group.chars().filter(|c| c.is_lowercase()).count() <= 1).then_some(sym.len())
}

/// [`trim_symbol`] of a candidate written in ASCII and `Đ`, `đ` on one line (nearly every
/// one), read by bytes; `None` for the others.
fn trim_plain_symbol(candidate: &str) -> Option<Option<usize>> {
    let b = candidate.as_bytes();
    let plain = b.iter().enumerate().all(|(i, &x)| match x {
        b'\n' => false,
        0x00..=0x7F => true,
        0xC4 => matches!(b.get(i + 1), Some(0x90 | 0x91)),
        0x90 | 0x91 => i > 0 && b[i - 1] == 0xC4,
        _ => false,
    });
    if !plain {
        return None;
    }
    let space = |x: u8| matches!(x, b' ' | b'\t' | b'\r' | 0x0B | 0x0C);
    // Lower-case letters: ASCII, and `đ` (its second byte: `Đ` is `C4 90`).
    let lower = |r: Range<usize>| {
        b[r].iter()
            .filter(|&&x| x.is_ascii_lowercase() || x == 0x91)
            .count()
    };
    let trim = |mut r: Range<usize>| {
        while r.start < r.end && space(b[r.start]) {
            r.start += 1;
        }
        while r.end > r.start && space(b[r.end - 1]) {
            r.end -= 1;
        }
        r
    };
    let known =
        |g: &str| crate::catalog::issuer_info(g).is_some() || DocKind::from_abbr(g).is_some();
    let mut end = b.len();
    while let Some(cut) = b[..end].iter().rposition(|&x| x == b'-') {
        let group = trim(cut + 1..end);
        let n = lower(group.clone());
        let spaced = b.get(cut + 1).is_some_and(|&x| space(x) && cut + 1 < end)
            || (cut > 0 && space(b[cut - 1]));
        if n <= 1 && (!spaced || n == 0 || known(&candidate[group])) {
            break;
        }
        end = cut;
        while end > 0 && space(b[end - 1]) {
            end -= 1;
        }
    }
    // The first group that starts with a letter (`Đ`, `đ` start with `C4`).
    let mut first = 0..0;
    let mut from = 0;
    while from <= end {
        let to = b[from..end]
            .iter()
            .position(|&x| matches!(x, b'-' | b'/'))
            .map_or(end, |p| from + p);
        let g = trim(from..to);
        if g.start < g.end && (b[g.start].is_ascii_alphabetic() || b[g.start] == 0xC4) {
            first = g;
            break;
        }
        from = to + 1;
    }
    Some((lower(first) <= 1).then_some(end))
}

/// Whether a candidate's symbol is written all in lower case (`07/2022/tt-btttt`).
fn is_lower_symbol(candidate: &str) -> bool {
    // One pass, stopping at the first capital (nearly every symbol has one, after its
    // digits); ASCII is answered without the Unicode tables.
    let mut lower = false;
    for c in candidate.chars() {
        if c.is_ascii() {
            if c.is_ascii_uppercase() {
                return false;
            }
            lower |= c.is_ascii_lowercase();
        } else if c.is_uppercase() {
            return false;
        } else {
            lower |= c.is_lowercase();
        }
    }
    lower
}

/// The end of the candidate `s[start..end]` with what the scanning pattern leaves off after
/// it: the legislature's term written apart (`04/2012/UBTVQH 13`) and, after a kind's code
/// alone, a code parted from it by a space instead of a dash (`630/CV SLĐTB&XH`, OCR), when
/// that code is a known issuer or joined by `&`.
fn extend_symbol(s: &str, start: usize, end: usize) -> usize {
    let sym = &s[start..end];
    let b = s.as_bytes();
    // In lower case, a spaced dash or a line break after a dash goes on only to a known
    // issuer (`qđ- ttg`).
    if is_lower_symbol(sym) {
        let rest = &s[end..];
        let after_ws = |r: &str| r.len() - r.trim_start_matches([' ', '\t']).len();
        let a = after_ws(rest);
        if rest[a..].starts_with('-') {
            // The line may break after the dash (`nq-⏎hđnd`), as it does in upper case.
            let r = &rest[a + 1..];
            let c = a + 1 + r.len() - r.trim_start_matches([' ', '\t', '\r', '\n']).len();
            let run = rest[c..]
                .char_indices()
                .find(|&(_, ch)| !(ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == 'đ'))
                .map_or(rest.len() - c, |(i, _)| i);
            let code = &rest[c..c + run];
            let next = rest[c + run..].chars().next();
            if (a > 0 || c > a + 1)
                && run > 0
                && crate::catalog::issuer_info(code).is_some()
                && !next.is_some_and(|ch| ch.is_alphanumeric() || ch == '/' || ch == '-')
            {
                return end + c + run;
            }
        }
        return end;
    }
    let last = sym.rfind(['-', '/']).map_or(sym, |i| &sym[i + 1..]);
    let spaces = b[end..]
        .iter()
        .take_while(|&&x| x == b' ' || x == b'\t')
        .count();
    if spaces == 0 || spaces > 2 {
        return end;
    }
    let at = end + spaces;
    // Followed by neither a letter nor a digit, nor a separator that would start a number.
    let ends_there = |e: usize| {
        let rest = s[e..].trim_start_matches([' ', '\t']);
        !s[e..].starts_with(|c: char| c.is_alphanumeric() || c == '&')
            && !rest.starts_with(['/', '-'])
    };
    if last.eq_ignore_ascii_case("QH") || last.eq_ignore_ascii_case("UBTVQH") {
        let digits = b[at..].iter().take_while(|x| x.is_ascii_digit()).count();
        let term = &s[at..at + digits];
        if (1..=2).contains(&digits)
            && !term.starts_with('0')
            && term.parse::<u8>().is_ok_and(|n| (1..=20).contains(&n))
            && ends_there(at + digits)
        {
            return at + digits;
        }
        return end;
    }
    // `SỐ/KIND` and nothing else after the slash: one group, no dash.
    let kind_alone = sym.matches('/').count() == 1
        && !sym.contains('-')
        && (last == "CV" || crate::catalog::lookup_abbr(last, false).is_some());
    if !kind_alone || spaces != 1 {
        return end;
    }
    let run = s[at..]
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_uppercase() || c == 'Đ' || c == '&'))
        .map_or(s.len() - at, |(i, _)| i);
    let code = &s[at..at + run];
    let known = code.contains('&') || crate::catalog::issuer_info(code).is_some();
    if run >= 2
        && code.starts_with(|c: char| c != '&')
        && !code.ends_with('&')
        && known
        && ends_there(at + run)
    {
        return at + run;
    }
    end
}

/// Whether a candidate joins its number to the symbol by a dash alone (`61-CP`), rather than
/// by `/`, the Party `-KIND/` or the file-name `-YEAR-`.
fn is_dash_only(candidate: &str) -> bool {
    if candidate.contains('/') {
        return false;
    }
    let rest = candidate.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let rest = rest.trim_start_matches([' ', '\t']);
    let year_form = rest
        .strip_prefix('-')
        .and_then(|r| r.get(..5))
        .is_some_and(|y| {
            (y.starts_with("19") || y.starts_with("20"))
                && y[2..4].bytes().all(|b| b.is_ascii_digit())
                && y.ends_with('-')
        });
    !year_form
}

/// Whether `at` is inside a URL (`https://…/Quyet-dinh-1351-QD-UBND-2022-…`).
fn in_url(s: &str, at: usize) -> bool {
    let token_start = s[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '<' || c == '[')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let token = &s[token_start..at];
    token.contains("://")
        || token.starts_with("www.")
        || token.contains(".vn/")
        || token.contains(".gov")
}

/// The date written after a number, and the issuer phrase before or after it.
fn date_and_issuer(
    s: &str,
    after: usize,
) -> (Option<VnDate>, Option<Range<usize>>, Option<Range<usize>>) {
    let mut issuer = None;
    let mut date_at = None;
    match first_word_folded(s, after).bytes() {
        // The common case: the date follows at once.
        b"ngay" => {
            date_at = Some(
                s[after..]
                    .find(|c: char| c.is_alphabetic())
                    .map_or(after, |i| after + i),
            );
        }
        // An issuer phrase or `ban hành` may stand before the date.
        b"cua" | b"do" | b"duoc" | b"ban" | b"ky" | b"thong" => {
            let ahead = fold_window(s, after, ceil_boundary(s, after + LOOK_AHEAD));
            if let Some((ngay, phrase)) = before_date(ahead.bytes()) {
                date_at = Some(ahead.at(ngay));
                if let Some(i) = phrase {
                    issuer = Some(ahead.source_span(s, i.start, i.end));
                }
            }
        }
        _ => {}
    }
    let m = match date_at {
        Some(at) => find_date(s, at),
        None => find_date(s, after).filter(|m| {
            // Without `ngày`, only a full date right after the number counts (`, 01-10-1997`).
            m.date.is_complete()
                && s[after..m.span.start]
                    .trim_matches(|c: char| c == ',' || c.is_whitespace())
                    .is_empty()
        }),
    };
    let (date, date_span, end) = match m {
        Some(m) => (Some(m.date), Some(m.span.clone()), m.span.end),
        None => (None, None, after),
    };
    if date.is_none() {
        issuer = None;
    }
    if issuer.is_none() {
        issuer = issuer_phrase(s, end);
    }
    if let Some(i) = &issuer {
        issuer = trim_issuer(s, i.clone());
    }
    (date, date_span, issuer)
}

/// The clause verbs that tie a date at the start of a sentence to the document named after
/// them: `Ngày 16/7/2012, Ủy ban Thường vụ Quốc hội đã ban hành Pháp lệnh số …`. The
/// specification of [`ends_with_issuing_verb`].
#[cfg(test)]
static ISSUED_BY_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^a-z])(?:da\s+)?(?:co|ban\s+hanh|ky|ky\s+ket|gui|phat\s+hanh|trinh|ra|thong\s+qua)\s*$",
    )
        .expect("valid regex")
});

/// Whether folded `t` ends with a verb of [`ISSUED_BY_VERB`] and white space. (`da` before
/// the verb changes nothing: the space before the verb is a boundary as well.)
fn ends_with_issuing_verb(t: &[u8]) -> bool {
    let t = trim_end_bytes(t, |_| false);
    let word = |t: &[u8], w: &[u8]| {
        t.ends_with(w)
            && t[..t.len() - w.len()]
                .last()
                .is_none_or(|b| !b.is_ascii_lowercase())
    };
    // Two words with white space between: `ban hành`, `phát hành`, `thông qua`, `ký kết`.
    let two = |last: &[u8], firsts: &[&[u8]]| {
        t.strip_suffix(last).is_some_and(|b| {
            let b2 = trim_end_bytes(b, |_| false);
            b2.len() < b.len() && firsts.iter().any(|f| word(b2, f))
        })
    };
    ["co", "ky", "gui", "trinh", "ra"]
        .iter()
        .any(|w| word(t, w.as_bytes()))
        || two(b"hanh", &[b"ban", b"phat"])
        || two(b"qua", &[b"thong"])
        || two(b"ket", &[b"ky"])
}

/// Whether `between` (the text from a date to a mention) ends a sentence: a `.`, `!` or `?`
/// before white space, but for the `.` of a short abbreviation (`TP. Hồ Chí Minh`, `Q. 1`).
fn ends_a_sentence(between: &str) -> bool {
    let b = between.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        let before_space = b.get(i + 1).is_none_or(|n| ascii_space(*n));
        match c {
            b'!' | b'?' => before_space,
            b'.' if before_space => {
                let word = b[..i]
                    .iter()
                    .rev()
                    .take_while(|x| x.is_ascii_alphabetic())
                    .count();
                let abbreviation = (1..=2).contains(&word)
                    && b[i - word].is_ascii_uppercase()
                    && (i == word || !b[i - word - 1].is_ascii_alphanumeric());
                !abbreviation
            }
            _ => false,
        }
    })
}

/// A date written before the mention in the same clause, as in `ngày 16/8/2018 Bộ … đã có
/// Công văn số 3395/LĐTBXH-KHTC`.
fn date_before(s: &str, mention_start: usize) -> Option<crate::date::DateMatch> {
    let from = floor_boundary(s, mention_start.saturating_sub(240));
    let clause_start = memchr::memrchr2(b'\n', b';', &s.as_bytes()[from..mention_start])
        .map_or(from, |i| from + i + 1);
    // Most clauses hold no date at all: look for `ngày` in its spellings (NFC, capitals, no
    // diacritics, NFD) before folding anything.
    let raw = &s[clause_start..mention_start];
    let r = raw.as_bytes();
    // Found by its last letter, rarer than `g`: `gày`, `gay`, `GÀY`, `GAY`, or any grave
    // accent in NFD.
    let ngay = memchr::memchr2_iter(b'y', b'Y', r).any(|p| {
        let two = p.checked_sub(2).map(|q| &r[q..p]);
        let three = p.checked_sub(3).map(|q| &r[q..p]);
        match r[p] {
            b'y' => {
                matches!(three, Some([b'g' | b'G', 0xC3, 0xA0]))
                    || matches!(two, Some([b'g' | b'G', b'a']))
            }
            _ => matches!(three, Some([b'G', 0xC3, 0x80])) || matches!(two, Some([b'G', b'A'])),
        }
    }) || memchr::memchr_iter(0xCC, r).any(|i| r.get(i + 1) == Some(&0x80));
    if !ngay {
        return None;
    }
    let clause = fold_window(s, clause_start, mention_start);
    let at = clause.text().rfind("ngay")?;
    let m = find_date(s, clause.at(at))?;
    let date_end = m.span.end.min(mention_start);
    let between = &s[date_end..mention_start];
    // Another number or date in between would be what the date belongs to.
    let digits_run = between
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() >= 3);
    // Bounded, and within one sentence: `Ngày 10/11/2025. Bộ Y tế gửi Công văn số …` dates
    // something else.
    if between.len() > 160 || between.contains('/') || digits_run || ends_a_sentence(between) {
        return None;
    }
    let folded = fold_window(s, date_end, mention_start);
    ends_with_issuing_verb(folded.bytes()).then_some(m)
}

/// `của <issuer>` at `at`: capitalised words and the lower-case words of issuers' names.
fn issuer_phrase(s: &str, at: usize) -> Option<Range<usize>> {
    let first = word_after(s, at);
    // Only `c` or `d` can start `của` or `do` written in ASCII; other letters may fold to
    // them (`đ`, `ç`).
    if s.as_bytes()
        .get(first)
        .is_none_or(|&x| x.is_ascii() && !matches!(x, b'c' | b'C' | b'd' | b'D'))
    {
        return None;
    }
    let word = word_folded(s, first);
    if !matches!(word.bytes(), b"cua" | b"do") {
        return None;
    }
    // `của` and white space after it, read within 16 bytes of `at`.
    let window_end = ceil_boundary(s, at + 16);
    let after = &s[word.end..];
    let space = after.len() - after.trim_start().len();
    if space == 0 || word.end >= window_end {
        return None;
    }
    let start = (word.end + space).min(window_end);
    let mut end = start;
    let b = s.as_bytes();
    let mut here = start;
    // The run of capitalised words that are not issuer words, and where it began.
    let mut cap_run = 0;
    let mut before_run = start;
    // Words end after white space other than a line break (a no-break space too); read
    // by bytes, decoding only the rare lead bytes of other white space.
    for _ in 0..14 {
        if here >= b.len() {
            break;
        }
        // The word runs to white space (which ends it) or to a line break (which ends the
        // phrase after it).
        let mut next = here;
        let mut space_at = b.len();
        let mut line_end = None;
        while let Some(&x) = b.get(next) {
            let n = match x {
                b'\t' | 0x0B | 0x0C | b' ' => 1,
                b'\n' => {
                    line_end = line_end.or(Some(next));
                    0
                }
                0xC2 | 0xE1 | 0xE2 | 0xE3 => space_len(s, next),
                _ => 0,
            };
            if n > 0 {
                space_at = next;
                next += n;
                break;
            }
            next += 1;
        }
        // The word, without the white space after it: only a `\r` can stand between it and
        // the line break or the space that ends it.
        let mut word_end = line_end.unwrap_or(space_at);
        while word_end > here && b[word_end - 1] == b'\r' {
            word_end -= 1;
        }
        let bare_end = word_end
            - b[here..word_end]
                .iter()
                .rev()
                .take_while(|&&c| matches!(c, b',' | b';' | b'.' | b':' | b')'))
                .count();
        let bare = &s[here..bare_end];
        let known = !bare.is_empty() && is_issuer_word(bare);
        let ok = match b.get(here) {
            _ if bare.is_empty() => false,
            Some(&c) if c.is_ascii() => c.is_ascii_uppercase() || known,
            _ => starts_upper(bare) || known,
        };
        if !ok {
            // One capitalised word that no issuer's name holds, followed by lower case, opens
            // the next phrase (`của UBND Cải thiện, nâng cao …`): the issuer ends before it. A
            // name of a place has two syllables or more (`UBND tỉnh Lai Châu`).
            if cap_run == 1 {
                end = before_run;
            }
            break;
        }
        let capitalised_only = !known && bare.chars().any(char::is_lowercase);
        if capitalised_only {
            if cap_run == 0 {
                before_run = end;
            }
            cap_run += 1;
        } else {
            cap_run = 0;
        }
        end = bare_end;
        if bare_end != word_end || line_end.is_some() {
            break;
        }
        here = next;
    }
    (end > start).then_some(start..end)
}

/// The length of the character at `i` if it is white space beyond ASCII, else 0.
///
/// Those are U+0085, U+00A0 (led by `C2`), U+1680 (`E1 9A`), U+2000–U+205F (`E2 80`, `E2
/// 81`) and U+3000 (`E3 80`): the two first bytes tell them from letters (`E1` leads most
/// Vietnamese letters) before anything is decoded.
#[inline(always)]
fn space_len(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    if !matches!(
        (b.get(i), b.get(i + 1)),
        (Some(0xC2), Some(0x85 | 0xA0))
            | (Some(0xE1), Some(0x9A))
            | (Some(0xE2), Some(0x80 | 0x81))
            | (Some(0xE3), Some(0x80))
    ) {
        return 0;
    }
    s.get(i..)
        .and_then(|r| r.chars().next())
        .filter(|c| c.is_whitespace())
        .map_or(0, char::len_utf8)
}

fn trim_issuer(s: &str, r: Range<usize>) -> Option<Range<usize>> {
    let t = &s[r.clone()];
    let trimmed = t.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == '-');
    let lead = t.len() - t.trim_start().len();
    (trimmed.len() > lead).then_some(r.start + lead..r.start + trimmed.len())
}

/// `Tờ trình số 357/TTr-CP và Đề án số 358/ĐA-CP ngày 09/5/2025`: one date written after a
/// list of numbers is the date of each (the annotators' rule, and the reading a clerk makes).
/// The first `held` citations of `out` were read before and have no date (see
/// [`Stretches`]).
fn share_dates(s: &str, out: &mut [Citation<'_>], held: usize) {
    // How many numbers back the date of `out[i + 1]` was passed (0: its own, or none).
    let mut passed = 0;
    for i in (0..out.len().saturating_sub(1)).rev() {
        // The first `held` citations have no date: one takes a date only from the next.
        if i + 1 < held && out[i + 1].date.is_none() {
            break;
        }
        let next = std::mem::take(&mut passed);
        if out[i].date.is_some() || out[i + 1].date.is_none() || next == LIST_REACH {
            continue;
        }
        let (a, b) = (out[i].number_span.end, out[i + 1].span.start);
        if b < a || b - a > 16 {
            continue;
        }
        let gap = fold_window(s, a, b);
        if matches!(
            gap.text().trim_matches([' ', '\n', '*']),
            "," | "va" | ", va"
        ) {
            out[i].date = out[i + 1].date;
            passed = next + 1;
        }
    }
}

/// How many numbers back a date written after a list is shared, at most. Real lists name a
/// few documents; a text of nothing but listed numbers would otherwise keep every number
/// waiting for a date that may close the list (see [`Stretches`]).
const LIST_REACH: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The byte search must find exactly what the pattern finds on its own.
    fn same_as_pattern(s: &str) {
        for within in [0..s.len(), floor_boundary(s, s.len() / 3)..s.len()] {
            let fast: Vec<_> = candidates(s, within.clone()).collect();
            let offset = within.start;
            let slow: Vec<_> = CANDIDATE
                .find_iter(&s[within])
                .map(|m| offset + m.start()..offset + m.end())
                .collect();
            assert_eq!(fast, slow, "{s:?}");
        }
    }

    /// The texts of `tests/corpus`.
    fn corpus() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("corpus")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let texts: Vec<String> = paths
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("text"))
            .collect();
        assert!(texts.len() >= 31, "{} files", texts.len());
        texts
    }

    #[test]
    fn candidates_match_the_pattern_on_the_corpus() {
        for s in corpus() {
            same_as_pattern(&s);
        }
    }

    /// A text read a stretch at a time gives what it gives read at once: a number's date,
    /// issuer or list may lie across the end of a stretch.
    #[test]
    fn large_texts_stream_as_the_whole() {
        // Past `LARGE_TEXT`, `citations` reads a stretch at a time as it goes.
        let all = corpus().concat();
        let large = all.repeat(LARGE_TEXT / all.len() + 1);
        let Inner::Stretches(_) = citations(&large).inner else {
            panic!("a text of {} bytes is read whole", large.len());
        };
        let streamed: Vec<_> = citations(&large).collect();
        assert_eq!(streamed, find_all_by(&large, 0..large.len(), usize::MAX));
    }

    #[test]
    fn dates_shared_across_stretches() {
        // A date written after a list is each number's, whichever stretch the numbers fall
        // in: those without one are held until the next stretch is read.
        for s in [
            "Quyết định số 12/QĐ-UBND, 345/2020/NĐ-CP ngày 1/2/2020 của UBND tỉnh",
            "các Quyết định số 12/QĐ-UBND, 13/QĐ-UBND và 14/QĐ-UBND ngày 01/02/2020",
            "Tờ trình số 357/TTr-CP và Đề án số 358/ĐA-CP ngày 09/5/2025",
        ] {
            let whole = find_all_by(s, 0..s.len(), usize::MAX);
            assert!(
                whole[0].date.is_some() && whole[0].date_span.is_none(),
                "{s:?}: the first number takes the date written after the last"
            );
            for stretch in 1..s.len() {
                assert_eq!(
                    find_all_by(s, 0..s.len(), stretch),
                    whole,
                    "{s:?} by {stretch}"
                );
            }
        }
    }

    #[test]
    fn dates_reach_back_a_list_so_far() {
        // 70 numbers and a dated one: the date reaches `LIST_REACH` of them, read whole or
        // by stretches.
        let s = format!("số {}2/QĐ-UBND ngày 1/2/2020", "1/QĐ-UBND, ".repeat(70));
        let whole = find_all_by(&s, 0..s.len(), usize::MAX);
        assert_eq!(whole.len(), 71);
        let dated = whole.iter().filter(|c| c.date.is_some()).count();
        assert_eq!(dated, LIST_REACH + 1);
        assert!(whole[..70 - LIST_REACH].iter().all(|c| c.date.is_none()));
        for stretch in [1, 7, 100] {
            assert_eq!(find_all_by(&s, 0..s.len(), stretch), whole, "by {stretch}");
        }
    }

    #[test]
    fn stretches_read_as_the_whole() {
        let all = corpus().concat();
        let whole = find_all_by(&all, 0..all.len(), usize::MAX);
        assert!(whole.len() > 400, "{} citations", whole.len());
        for stretch in [1, 100, 4096, 65_536] {
            let by = find_all_by(&all, 0..all.len(), stretch);
            assert_eq!(by, whole, "stretch {stretch}");
        }
    }

    #[test]
    fn issuer_words_are_found_folded() {
        for w in ISSUER_WORDS {
            assert!(is_issuer_word(w), "{w}");
        }
        for (w, is) in [
            ("tỉnh", true),
            ("Phố", true),
            ("TỈNH", true),
            ("về", false),
            ("", false),
        ] {
            assert_eq!(is_issuer_word(w), is, "{w}");
        }
    }

    #[test]
    fn words_pack_by_table_as_by_characters() {
        for w in [
            "tỉnh",
            "TỈNH",
            "Phố",
            "nhân",
            "dân",
            "Ủy",
            "ủy",
            "ban",
            "bo\u{302}",
            "ð",
            "Đ",
            "quốc-hội",
            "a\u{AD}b",
            "ấp",
            "abcdefgh",
            "abcdefghi",
            "x,y",
            "a b",
            "",
            "Ω",
            "—",
        ] {
            assert_eq!(pack_folded(w), pack_folded_chars(w), "{w:?}");
        }
    }

    #[test]
    fn candidates_match_the_pattern_on_edge_cases() {
        for s in [
            "123456/QĐ-UBND",
            "1234567.89/QĐ",
            "1.2.3/ABC",
            "1.2345/QĐ",
            "66.7/2025/NQ-CP",
            "12 \u{202F}/ QĐ",
            "12\u{A0}/KH-UBND và 13 / KH - UBND",
            "80/2015/QH13/2016/QH14",
            "số 08-NQ/TU, 61-CP, 58-2026-ND-CP",
            "- 12 –QĐ—UB ‐ X",
            "ngày 07/6/2023 /6/2023 /// --- 1/ 1- 1/A",
            "12/QĐ-\nUBND",
            "00000/QĐ",
            "0.000\u{2044}QĐ",
            "423/LĐ-TB&XH, 4236/SXD-QLN&CS, 1890/STP-VB&TDTHPL",
            "11554/VPCP-V.I, 3453/1998/UB.QĐ, 838/CCTKV.XII-NVDTPC.HUE, 15/2025/CV-E.K.LM",
            "12/QĐ-UBND.Điều, 12/QĐ-UBND. Điều, 12/QĐ-UBND.&, 12/A&b, 12/A&&B, 12/A..B",
            "212/QĐ/CTN, 16/2006/TTLT/BLĐTBXH-BGD-ĐT-BTC, 12/QĐ//CTN, 12/QĐ/ctn",
            "07/2022/tt-btttt, 30/2020/nđ-cp, 958/Kh-BTC, 1/2, 24/7, 5/ha, 12/2020/tt-, 3/tháng",
            "08-nq/tu, 08-nq/TU, 08-Nq/tu, 08 -nq/tu, 08-nqnqnq/tu, 08-nq/, 1-a/b-c",
        ] {
            same_as_pattern(s);
        }
    }

    /// The byte reading of plain symbols must cut where the reading by characters does.
    fn same_trim(candidate: &str) {
        if let Some(plain) = trim_plain_symbol(candidate) {
            assert_eq!(plain, trim_any_symbol(candidate), "{candidate:?}");
        }
    }

    #[test]
    fn plain_symbols_trim_as_any() {
        let mut n = 0;
        for s in corpus() {
            for m in candidates(&s, 0..s.len()) {
                same_trim(&s[m]);
                n += 1;
            }
        }
        assert!(n >= 450, "{n} candidates");
        for c in [
            "12/QĐ-UBND - Về",
            "12/QĐ-UBND - VP",
            "12/QĐ - Ubnd",
            "3/Chương",
            "5/Năm",
            "12/QĐ-Đảng",
            "12/QĐ-đđ",
            "12/QĐ-đ",
            "1-ab/Cd",
            "08-NQ/TU -  ",
            "12/ab-CD",
            "12/Ab-Cd-Ef",
            "12/A - b",
        ] {
            same_trim(c);
        }
    }

    /// Pieces that numbers and their near misses are made of.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9]{1,8}",
            prop::sample::select(vec![
                ".",
                "/",
                "-",
                " ",
                "\t",
                "\n",
                "\u{A0}",
                "\u{202F}",
                "\u{2044}",
                "–",
                "—",
                "“",
                "QĐ",
                "UBND",
                "KH",
                "NĐ",
                "CP",
                "TTg",
                "Về",
                "năm",
                "2020",
                "1999",
                "/2020/",
                "-2026-",
                "X",
                "\r\n",
                "\r",
                "АВ",
                "Ðð",
                "đ",
                "abcde",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                "19",
                "20",
                "2020-",
                "\u{2212}",
                "\u{2215}",
                "TT/LB",
                "-A/",
                "NQ/TW",
                "&",
                "&XH",
                ".",
                ".QĐ",
                ".I",
                "/CTN",
                "tt",
                "nđ-cp",
                "-btttt",
                "đ",
            ])
            .prop_map(str::to_string),
        ]
    }

    /// The kind readers must find what their patterns find, in the same place, on folded
    /// text ending after `so` (or after a name when there is none).
    fn kinds_as_patterns(t: &str) {
        let tail = trim_tail(t.as_bytes());
        let spec = |c: Option<regex::Captures<'_>>| {
            c.map(|c| {
                let k = c.name("kind").expect("group");
                let name = k.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
                let entry = KIND_WORDS.iter().position(|(w, _)| *w == name);
                (k.range(), entry.expect("a kind of the table"))
            })
        };
        if ends_with_word(tail, "so")
            && tail.len() == t.trim_end_matches(['*', '_', ':']).trim_end().len()
        {
            // The pattern's matches from every word start are the candidates.
            let b = t.as_bytes();
            let starts = (0..t.len()).filter(|&p| {
                t.is_char_boundary(p)
                    && (p == 0 || !(b[p - 1].is_ascii_lowercase() || b[p - 1].is_ascii_digit()))
            });
            let candidates: Vec<_> = starts
                .filter_map(|p| {
                    spec(KIND_SO.captures(&t[p..])).map(|(r, k)| (p + r.start..p + r.end, k))
                })
                .collect();
            assert_eq!(
                kinds_before_so(b, tail.len() - 2).collect::<Vec<_>>(),
                candidates,
                "{t:?}"
            );
        }
        assert_eq!(
            kind_at_end(t.as_bytes(), tail.len()),
            spec(KIND_ONLY.captures(t)),
            "{t:?}"
        );
    }

    #[test]
    fn the_kind_named_closest_to_the_number() {
        use DocKind::*;
        // Folded windows before a number, the kind its symbol gives, and the name read.
        for (t, symbol, name) in [
            // luat-56-2024-qh15 and Bộ luật Dân sự 2015: `quy định` is a common noun here.
            ("theo quy dinh cua luat chung khoan so ", None, "luat"),
            ("quy dinh cua bo luat dan su so ", None, "bo luat"),
            ("quy dinh chi tiet bo luat dan su so ", None, "bo luat"),
            ("luat bao hiem y te so ", None, "luat"),
            ("quyet dinh phe duyet de an so ", None, "de an"),
            (
                "quyet dinh phe duyet de an so ",
                Some(QuyetDinh),
                "quyet dinh",
            ),
            ("quyet dinh phe duyet de an so ", Some(DeAn), "de an"),
            ("quyet dinh phe duyet de an so ", Some(NghiDinh), "de an"),
            (
                "nghi quyet lien tich ve viec so ",
                None,
                "nghi quyet lien tich",
            ),
        ] {
            let so_at = t.trim_end().len() - 2;
            let (r, k) = kind_before_so(t.as_bytes(), so_at, symbol).expect(t);
            assert_eq!((&t[r], KIND_WORDS[k].0), (name, name), "{t:?} {symbol:?}");
        }
    }

    #[test]
    fn kinds_match_the_patterns_on_the_corpus() {
        let mut n = 0;
        for s in corpus() {
            // The windows read before every number, short and long.
            for m in candidates(&s, 0..s.len()) {
                for back in [SHORT_LOOK_BACK, LOOK_BACK] {
                    let from = word_start(&s, m.start.saturating_sub(back)).min(m.start);
                    kinds_as_patterns(fold_window(&s, from, m.start).text());
                    n += 1;
                }
            }
        }
        assert!(n >= 900, "{n} windows");
    }

    #[test]
    fn kinds_match_the_patterns_on_edge_cases() {
        for t in [
            "quyet dinh so ",
            "theo quy dinh cua luat chung khoan so ",
            "thong tu lien tich so",
            "thong  tu\nlien tich so: ",
            "luat bao hiem y te so ** ",
            "luat a b c d e f g h i j so ",
            "luat a b c d e f g h i j k so ",
            "xluat so ",
            "luat, so ",
            "luat: a, b - c so ",
            "luat\nso ",
            "luat * so ",
            "luat a\nb so ",
            "“luat so ",
            "van ban quy pham phap luat",
            "nghi  quyet",
            "cong dien",
            "so",
            "",
        ] {
            kinds_as_patterns(t);
        }
    }

    /// `citation/utf8_fold.rs` holds what the folding functions give today; with
    /// `VANBAN_WRITE_TABLES=1` in the environment the test writes it anew.
    #[test]
    fn utf8_fold_table_is_current() {
        let (fold, class) = utf8_fold_table();
        if std::env::var_os("VANBAN_WRITE_TABLES").is_some() {
            let rows = |t: &[u8]| {
                t.chunks(16)
                    .map(|row| {
                        let row: Vec<String> = row.iter().map(|b| format!("0x{b:02X},")).collect();
                        format!("    {}\n", row.join(" "))
                    })
                    .collect::<String>()
            };
            let file = format!(
                "//! The tables of `UTF8_FOLD`, written by the test `utf8_fold_table_is_current`\n\
                 //! (`VANBAN_WRITE_TABLES=1 cargo test --lib utf8_fold_table_is_current`) from\n\
                 //! the functions they stand for. Not to be edited by hand.\n\n\
                 /// `window_fold` of each character, as one ASCII byte, `DROPPED` or `NOT_ASCII`.\n\
                 #[rustfmt::skip]\n\
                 pub(super) const FOLD: [u8; super::TABLE_LEN] = [\n{}];\n\n\
                 /// `WORD` and `UPPER` of each character.\n\
                 #[rustfmt::skip]\n\
                 pub(super) const CLASS: [u8; super::TABLE_LEN] = [\n{}];\n",
                rows(&fold),
                rows(&class)
            );
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/citation/utf8_fold.rs");
            std::fs::write(path, file).expect("writable source tree");
            return;
        }
        assert!(
            fold == UTF8_FOLD.fold && class == UTF8_FOLD.class,
            "src/citation/utf8_fold.rs is out of date: run \
             VANBAN_WRITE_TABLES=1 cargo test --lib utf8_fold_table_is_current"
        );
    }

    /// Any one of `pieces`.
    fn one_of(pieces: &[&str]) -> impl Strategy<Value = String> + use<> {
        prop::sample::select(pieces.iter().map(|p| p.to_string()).collect::<Vec<_>>())
    }

    /// The readers that replaced patterns must answer as the patterns do, on folded `t`.
    fn readers_as_patterns(t: &str) {
        let b = t.as_bytes();
        let list = SHARED_LIST
            .captures(t)
            .map(|c| c.name("list").expect("group"));
        assert_eq!(shared_list(b), list.map(|l| l.start()), "{t:?}");
        if let Some(l) = list {
            let runs: Vec<_> = digit_runs(l.as_str().as_bytes()).collect();
            let spec: Vec<_> = Regex::new("[0-9]{1,5}")
                .expect("valid regex")
                .find_iter(l.as_str())
                .map(|d| d.range())
                .collect();
            assert_eq!(runs, spec, "{t:?}");
        }
        assert_eq!(names_a_form(b), NOT_A_DOCUMENT.is_match(t), "{t:?}");
        let spec = BEFORE_DATE.captures(t).map(|c| {
            let ngay = c.name("ngay").expect("group").start();
            (ngay, c.name("issuer").map(|i| i.range()))
        });
        assert_eq!(before_date(b), spec, "{t:?}");
        assert_eq!(
            ends_with_issuing_verb(b),
            ISSUED_BY_VERB.is_match(t.trim_end()),
            "{t:?}"
        );
    }

    #[test]
    fn readers_match_the_patterns_on_the_corpus() {
        let mut n = 0;
        let mut matched = [0usize; 4];
        for s in corpus() {
            for m in candidates(&s, 0..s.len()) {
                // The windows the readers are given: before the number, after it, and the
                // clause before a mention.
                let short = word_start(&s, m.start.saturating_sub(SHORT_LOOK_BACK)).min(m.start);
                let ahead = ceil_boundary(&s, m.end + LOOK_AHEAD);
                let clause = floor_boundary(&s, m.start.saturating_sub(240));
                for w in [
                    fold_window(&s, short, m.start),
                    fold_window(&s, m.end, ahead),
                    fold_window(&s, clause, m.start),
                ] {
                    let t = w.text();
                    readers_as_patterns(t);
                    let found = [
                        SHARED_LIST.is_match(t),
                        NOT_A_DOCUMENT.is_match(t),
                        BEFORE_DATE
                            .captures(t)
                            .is_some_and(|c| c.name("issuer").is_some()),
                        ISSUED_BY_VERB.is_match(t.trim_end()),
                    ];
                    for (n, f) in matched.iter_mut().zip(found) {
                        *n += usize::from(f);
                    }
                }
                n += 1;
            }
        }
        // The corpus has every reading: lists, forms, issuers before dates, verbs.
        assert!(n >= 450, "{n} numbers");
        assert!(matched.iter().all(|&m| m > 0), "{matched:?}");
    }

    #[test]
    fn readers_match_the_patterns_on_edge_cases() {
        let long = "x".repeat(119);
        for t in [
            "so 198, ",
            "so 198, 199 va ",
            "so198,",
            "so: 12 ,\t",
            "**so** 12, ",
            "xso 12, ",
            "so 123456, ",
            "so 12345, ",
            "so , 12, ",
            "12, 13, ",
            "so 12 va, ",
            "so 12va13va",
            "mau so ",
            "mau so: ",
            "bieu mau: ",
            "phu luc so ",
            "maso",
            "ma so*",
            "so hieu ",
            "xmau so ",
            "tai khoan ",
            "ma so so ",
            "ma : so",
            "ngay 15",
            ", ngay",
            "_ngay 5",
            "*_, cua x ngay",
            "cua x. ngay",
            "tk ",
            "ngayx",
            "cua chinh phu ngay 15",
            "cua  ngay 5",
            "cua   ngay 5",
            "cua ngay 5",
            "cua\n ngay",
            "do bo tai chinh ban hanh ngay 1",
            "do bo tai chinh duoc ban  hanh ngay 1",
            "cua ubnd (tinh) ngay",
            "cua ubnd; ngay",
            "duoc ky ngay",
            "ban hanh ngay",
            "thong qua ngay",
            "thong  qua\nngay",
            "ky ngay",
            "kyngay",
            "cuangay",
            "cua x, ngay",
            "cua xngay",
            "cua “ubnd” ngay",
            &format!("cua {long} ngay"),
            &format!("cua {long}x ngay"),
            &format!("cua {long}xx ngay"),
            &format!("cua  {long}x ngay"),
            "da co ",
            "da ban  hanh",
            "phat hanh\n",
            "phathanh",
            "5co",
            "eco",
            "gui",
            "trinh ",
            "ra ",
            "xra",
            "thong  qua ",
            "ky ket",
            "kyket",
            "",
        ] {
            readers_as_patterns(t);
        }
    }

    /// Pieces of the folded text around a number, for the readers that replaced patterns.
    fn around_piece() -> impl Strategy<Value = String> {
        one_of(&[
            " ",
            "  ",
            "\n",
            "\t",
            ",",
            ":",
            "*",
            "_",
            ";",
            ".",
            "(",
            "]",
            "“",
            "so",
            "va",
            "1",
            "12",
            "12345",
            "123456",
            "ngay",
            "cua",
            "do",
            "duoc",
            "ban",
            "hanh",
            "ky",
            "thong",
            "qua",
            "mau",
            "bieu",
            "phu luc",
            "ma",
            "tcvn",
            "iso",
            "tai khoan",
            "da",
            "co",
            "gui",
            "trinh",
            "phat",
            "ra",
            "ket",
            "x",
            "ubnd",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ])
    }

    /// Pieces of running text dense in citations, lists and dates.
    fn mention_piece() -> impl Strategy<Value = String> {
        one_of(&[
            "số ",
            "12/QĐ-UBND",
            "345/2020/NĐ-CP",
            "08-NQ/TW",
            "7",
            ", ",
            " và ",
            " ",
            " ngày 1/2/2020",
            " ngày 15 tháng 7 năm 2021",
            " của UBND tỉnh",
            "Quyết định ",
            "Nghị định số ",
            "\n",
            "; ",
            ". ",
            " đã ban hành ",
            "Ngày 3/4/2019, ",
        ])
    }

    /// Pieces of folded text before a number.
    fn folded_piece() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(
                KIND_WORDS
                    .iter()
                    .map(|(w, _)| w.to_string())
                    .collect::<Vec<_>>()
            ),
            one_of(&[
                " ", "  ", "\n", "\t", ",", ":", "-", "*", "_", "so", "a", "bao", "y", "te",
                "2019", "x", "“", "quy", "dinh", "thong", "tu", "lien", "tich", "van ban",
            ]),
        ]
    }

    proptest! {
        #[test]
        fn candidates_match_the_pattern(parts in prop::collection::vec(piece(), 0..14)) {
            same_as_pattern(&parts.concat());
        }

        #[test]
        fn plain_symbols_trim_as_any_generated(parts in prop::collection::vec(piece(), 0..14)) {
            let s = parts.concat();
            for m in candidates(&s, 0..s.len()) {
                same_trim(&s[m]);
            }
            same_trim(&s);
        }

        #[test]
        fn words_pack_by_table_as_by_characters_generated(w in "[a-zđĐàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵA-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ\u{300}\u{301}\u{AD},Ωα -]{0,10}") {
            prop_assert_eq!(pack_folded(&w), pack_folded_chars(&w), "{:?}", w);
        }

        #[test]
        fn stretches_read_as_the_whole_generated(
            parts in prop::collection::vec(mention_piece(), 0..40),
            stretch in 1usize..64,
        ) {
            let s = parts.concat();
            let whole = find_all_by(&s, 0..s.len(), usize::MAX);
            prop_assert_eq!(find_all_by(&s, 0..s.len(), stretch), whole, "{:?}", s);
        }

        #[test]
        fn readers_match_the_patterns(parts in prop::collection::vec(around_piece(), 0..24)) {
            readers_as_patterns(&parts.concat());
        }

        #[test]
        fn kinds_match_the_patterns(parts in prop::collection::vec(folded_piece(), 0..16)) {
            kinds_as_patterns(&parts.concat());
            kinds_as_patterns(&(parts.concat() + " so "));
        }
    }
}
