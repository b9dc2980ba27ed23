//! Where a number starts and ends in running text: the candidates found by their
//! separators (`/`, the Party `-KIND/`), then their symbols trimmed of words and extended
//! over what the scan leaves off (a legislature's term written apart, a code parted by a
//! space).

use super::*;

/// A number in running text: the sequence, then either `/` (with an optional year) or the
/// Party `-KIND/`, the file-name `-YEAR-` or the old `-`, then dash-separated groups (those
/// after a spaced dash are checked after the match, so that `… UBND - Về việc` stops before
/// `Về`).
#[cfg(test)]
pub(super) static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
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
pub(super) fn candidates(s: &str, within: Range<usize>) -> Candidates<'_> {
    // The `E2` variants are rare, and `E2` also leads the curly quotes many texts use
    // throughout: searched for only when one is there.
    let unicode = has_unicode_separator(&s.as_bytes()[within.clone()]);
    candidates_with(s, within, unicode)
}

/// [`candidates`] when whether `s[within]` holds a separator beyond ASCII is known already
/// ([`has_unicode_separator`]; `true` is always right, only slower).
pub(super) fn candidates_with(s: &str, within: Range<usize>, unicode: bool) -> Candidates<'_> {
    Candidates {
        s: &s[..within.end],
        unicode,
        pos: within.start,
        from: within.start,
    }
}

/// The iterator of [`candidates`].
pub(super) struct Candidates<'t> {
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
pub(super) fn candidate_end(t: &str, st: usize) -> Option<usize> {
    pub(super) fn ws(c: char) -> bool {
        matches!(c, ' ' | '\t' | '\u{A0}' | '\u{202F}')
    }
    pub(super) fn slash(c: char) -> bool {
        matches!(c, '/' | '\u{2044}' | '\u{2215}')
    }
    pub(super) fn dash(c: char) -> bool {
        matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
    }
    pub(super) fn sep(c: char) -> bool {
        slash(c) || dash(c)
    }
    pub(super) fn cap(c: char) -> bool {
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
    pub(super) fn letter(c: char) -> bool {
        cap(c) || matches!(c, 'a'..='z' | 'đ' | 'ð')
    }
    pub(super) fn alnum(c: char) -> bool {
        letter(c) || c.is_ascii_digit()
    }
    pub(super) fn digit(c: char) -> bool {
        c.is_ascii_digit()
    }
    pub(super) fn cap_digit(c: char) -> bool {
        cap(c) || c.is_ascii_digit()
    }
    pub(super) fn lower(c: char) -> bool {
        c.is_ascii_lowercase() || c == 'đ'
    }
    pub(super) fn lower_digit(c: char) -> bool {
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
    pub(super) fn is_at(t: &str, i: usize, c: Class) -> Option<usize> {
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
    pub(super) fn run_at(t: &str, mut i: usize, c: Class, max: usize) -> usize {
        for _ in 0..max {
            match is_at(t, i, c) {
                Some(n) => i += n,
                None => break,
            }
        }
        i
    }
    #[inline(always)]
    pub(super) fn skip_at(t: &str, i: usize, c: Class) -> usize {
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
    if head == i
        && let Some(y) = year(i + c.len_utf8())
        && let Some(n) = is_at(t, y, DASH)
        && is_at(t, y + n, CAP).is_some()
    {
        return Some(tail(y + n));
    }
    // The old `-`.
    is_at(t, k, CAP).is_some().then(|| tail(k))
}

/// Whether `b` holds one of the separators written with three bytes from `E2`: U+2010 to
/// U+2015, U+2044, U+2212 and U+2215.
pub(super) fn has_unicode_separator(b: &[u8]) -> bool {
    memchr::memchr_iter(0xE2, b).any(|i| is_unicode_separator_at(b, i))
}

/// Whether the `E2` at `i` of `b` starts one of the separators of [`has_unicode_separator`].
#[inline]
pub(super) fn is_unicode_separator_at(b: &[u8], i: usize) -> bool {
    matches!(
        b.get(i..i + 3),
        Some([0xE2, 0x80, 0x90..=0x95] | [0xE2, 0x81, 0x84] | [0xE2, 0x88, 0x92 | 0x95])
    )
}

/// Where the number before the separator at `hit` starts, not before `from`; `None` when
/// no digits come before it.
pub(super) fn number_start(hay: &[u8], from: usize, hit: usize) -> Option<usize> {
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

/// Whether the text before `at`, folded, ends with the word `word` (`số` → `so`).
#[inline]
pub(super) fn folded_ends_with(s: &str, at: usize, word: &str) -> bool {
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
#[inline]
pub(super) fn trim_symbol(candidate: &str) -> Option<usize> {
    trim_plain_symbol(candidate).unwrap_or_else(|| trim_any_symbol(candidate))
}

/// [`trim_symbol`] of any candidate, by characters.
pub(super) fn trim_any_symbol(candidate: &str) -> Option<usize> {
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
#[inline]
pub(super) fn trim_plain_symbol(candidate: &str) -> Option<Option<usize>> {
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
#[inline]
pub(super) fn is_lower_symbol(candidate: &str) -> bool {
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
#[inline]
pub(super) fn extend_symbol(s: &str, start: usize, end: usize) -> usize {
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
#[inline]
pub(super) fn is_dash_only(candidate: &str) -> bool {
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
#[inline]
pub(super) fn in_url(s: &str, at: usize) -> bool {
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
