//! The date grammar: `ngày DD tháng MM năm YYYY`, its numeric and ISO forms, blank parts and
//! broken spacing, read on the caller's bytes, folding one character at a time, so that
//! spans need no mapping back from a normalized copy.

use super::*;

/// Folds a character for keyword matching: base letter without diacritics, lower case.
/// `ngày`, `NGÀY`, `ngay` and the NFD `nga\u{300}y` all fold to `ngay`.
pub(super) fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // Latin and Vietnamese letters, which normalization leaves alone (but for `Ð`, folded
    // to `d` either way): straight to the folding table.
    if matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
        && let Some(f) = crate::text::fold_char(c)
    {
        return f;
    }
    // The same character classes as `Normalized` (NBSP → space, dash variants → `-`,
    // Cyrillic look-alikes → Latin), so that both readers see one text.
    let c = crate::text::map_char(c).unwrap_or(c);
    // `đ` has no canonical decomposition; U+00D0 (Icelandic eth) stands in for `Đ` in
    // some documents.
    if matches!(c, 'đ' | 'Đ' | 'Ð') {
        return 'd';
    }
    // Letters: the folding table of `text` (the same base letter, lower case), which
    // spares decomposing each Vietnamese letter again.
    if !is_combining_mark(c)
        && let Some(f) = crate::text::fold_char(c)
    {
        return f;
    }
    let mut base = None;
    decompose_canonical(c, |d| {
        base.get_or_insert(d);
    });
    let base = base.unwrap_or(c);
    base.to_lowercase().next().unwrap_or(base)
}

pub(super) fn is_placeholder(c: char) -> bool {
    matches!(c, '.' | '…' | '_')
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// The whole input must be one date; every form is accepted.
    Whole,
    /// A date inside running text: a bare year or an ISO date without a day is not a date
    /// mention there.
    Running,
}

pub(super) struct Cur<'t> {
    pub(super) text: &'t str,
    pub(super) pos: usize,
}

#[derive(Clone, Copy)]
pub(super) struct Digits {
    pub(super) start: usize,
    pub(super) count: usize,
    pub(super) value: u32,
    pub(super) leading_zero: bool,
}

impl Cur<'_> {
    /// The folded character at the cursor and its length in bytes, combining marks
    /// included.
    pub(super) fn peek(&self) -> Option<(char, usize)> {
        peek_at(self.text, self.pos)
    }

    pub(super) fn peek_char(&self) -> Option<char> {
        self.peek().map(|(c, _)| c)
    }

    pub(super) fn bump(&mut self) {
        if let Some((_, len)) = self.peek() {
            self.pos += len;
        }
    }

    /// Consumes the character at the cursor if `f` accepts it (one decoding, not two).
    pub(super) fn eat_if(&mut self, f: impl Fn(char) -> bool) -> Option<char> {
        let (c, len) = self.peek().filter(|&(c, _)| f(c))?;
        self.pos += len;
        Some(c)
    }

    /// Skips white space and the Markdown emphasis portal pages leave inside dates
    /// (`ngày **21** tháng 11`, `ngày* *16/6/2025`): `*` is never part of a date (`_` is a
    /// blank's, see [`is_placeholder`]).
    pub(super) fn skip_ws(&mut self) -> usize {
        let mut n = 0;
        while self.eat_if(|c| c.is_whitespace() || c == '*').is_some() {
            n += 1;
        }
        n
    }

    pub(super) fn at_digit(&self) -> bool {
        self.peek_char().is_some_and(|c| c.is_ascii_digit())
    }

    /// Consumes `word` (folded ASCII) if it is at the cursor as a whole word.
    pub(super) fn eat_word(&mut self, word: &str) -> bool {
        let save = self.pos;
        for w in word.chars() {
            if self.eat_if(|c| c == w).is_none() {
                self.pos = save;
                return false;
            }
        }
        if self.peek_char().is_some_and(char::is_alphabetic) {
            self.pos = save;
            return false;
        }
        true
    }

    pub(super) fn digits(&mut self) -> Digits {
        let start = self.pos;
        let mut count = 0;
        let mut value: u32 = 0;
        while let Some(c) = self.eat_if(|c| c.is_ascii_digit()) {
            value = value
                .saturating_mul(10)
                .saturating_add(c as u32 - '0' as u32);
            count += 1;
        }
        let leading_zero = count > 1 && self.text.as_bytes().get(start) == Some(&b'0');
        Digits {
            start,
            count,
            value,
            leading_zero,
        }
    }
}

#[inline]
pub(super) fn peek_at(text: &str, pos: usize) -> Option<(char, usize)> {
    // An ASCII character followed by ASCII (or nothing) has no marks or invisible
    // characters to take along: most of a date.
    let b = text.as_bytes();
    if let Some(&c) = b.get(pos) {
        if c.is_ascii() && starts_plain(b, pos + 1) {
            return Some((char::from(c.to_ascii_lowercase()), 1));
        }
        // The same for a precomposed letter (`à` of `ngày`).
        let len = match c {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 0,
        };
        if len > 0
            && starts_plain(b, pos + len)
            && let Some(ch) = text.get(pos..pos + len).and_then(|t| t.chars().next())
            && !is_ignorable(ch)
        {
            return Some((fold(ch), len));
        }
    }
    peek_slow(text, pos)
}

#[cold]
pub(super) fn peek_slow(text: &str, pos: usize) -> Option<(char, usize)> {
    let rest = text.get(pos..)?;
    let mut chars = rest.char_indices();
    // Zero-width characters and soft hyphens (dropped by `Normalized`) are invisible to
    // matching: leading ones belong to the character after them, trailing ones (and
    // combining marks) to the character before, so `ng\u{AD}ày` still reads `ngày`.
    let (_, c) = chars.find(|&(_, c)| !is_ignorable(c))?;
    let mut len = rest.len();
    for (i, m) in chars {
        if !is_combining_mark(m) && !is_ignorable(m) {
            len = i;
            break;
        }
    }
    Some((fold(c), len))
}

/// Whether the character at `at` is surely neither a combining mark nor invisible (so the
/// character before it stands alone), judged from its first bytes: ASCII, U+00C0–U+02FF
/// (Latin letters and spacing modifiers) and U+1E00–U+1EFF (the Vietnamese letters).
pub(super) fn starts_plain(b: &[u8], at: usize) -> bool {
    match b.get(at) {
        None => true,
        Some(&x) if x < 0x80 => true,
        Some(0xC3..=0xCB) => true,
        Some(0xE1) => matches!(b.get(at + 1), Some(0xB8..=0xBB)),
        _ => false,
    }
}

/// Whether `c` is one of the invisible characters normalization drops.
pub(super) fn is_ignorable(c: char) -> bool {
    crate::text::map_char(c).is_none()
}

pub(super) fn parse_at(text: &str, start: usize, mode: Mode) -> Result<DateMatch, DateError> {
    if mode == Mode::Running
        && let Some(m) = plain_date(text, start)
    {
        return Ok(m);
    }
    parse_general(text, start, mode)
}

pub(super) fn parse_general(text: &str, start: usize, mode: Mode) -> Result<DateMatch, DateError> {
    let mut c = Cur { text, pos: start };
    let mut m = DateMatch::at(start);
    let (year, month, day) = if c.eat_word("ngay") {
        let gap_start = c.pos;
        c.skip_ws();
        if c.at_digit() {
            let d = c.digits();
            after_first_number(&mut c, &mut m, d, mode)?
        } else {
            let blank_start = c.pos;
            while c
                .peek_char()
                .is_some_and(|ch| is_placeholder(ch) || ch.is_whitespace())
            {
                c.bump();
            }
            m.note(DateIrregularity::DayMissing);
            match c.peek_char() {
                Some(sep @ ('/' | '-')) if c.pos > gap_start => {
                    c.bump();
                    numeric_rest(&mut c, &mut m, sep, mode)?
                }
                _ if c.eat_word("thang") => long_rest(&mut c, &mut m, mode)?,
                _ => {
                    return Err(DateError::ExpectedDay {
                        offset: blank_start,
                    });
                }
            }
        }
    } else if c.eat_word("thang") {
        long_rest(&mut c, &mut m, mode)?
    } else if mode == Mode::Whole && c.eat_word("nam") {
        c.skip_ws();
        (year(&mut c, &mut m, mode)?, None, None)
    } else if c.at_digit() {
        let d = c.digits();
        after_first_number(&mut c, &mut m, d, mode)?
    } else {
        return Err(DateError::ExpectedDate { offset: start });
    };
    m.span.end = c.pos;
    m.date = VnDate::build(year.0, month, day, start)?;
    if mode == Mode::Whole {
        c.skip_ws();
        if c.pos < text.len() {
            return Err(DateError::TrailingText { offset: c.pos });
        }
    }
    Ok(m)
}

/// `ngày 26/4/2023`, `ngày 01-10-1997` and `ngày 26 tháng 4 năm 2023` as most texts write
/// them (NFC, one space between words, the words in lower, upper or mixed case), read byte
/// by byte; `None` for anything else, which the general reader below takes. Both give the
/// same match: the notes are those the general reader makes, in its order, and a test
/// compares the two readers.
pub(super) fn plain_date(text: &str, start: usize) -> Option<DateMatch> {
    const NGAY: Word = Word::new("ngày ", "NGÀY ");
    const THANG: Word = Word::new(" tháng ", " THÁNG ");
    const NAM: Word = Word::new(" năm ", " NĂM ");
    let b = text.as_bytes();
    if !NGAY.is_at(b, start) {
        return None;
    }
    let day_at = start + NGAY.len;
    let day = small_number(b, day_at)?;
    if !(1..=31).contains(&day.value) {
        return None;
    }
    let after_day = day_at + day.count;
    let (short, month, year_at) = match b.get(after_day) {
        Some(&sep @ (b'/' | b'-' | b'.')) => {
            let month = small_number(b, after_day + 1)?;
            let sep_at = after_day + 1 + month.count;
            (b.get(sep_at) == Some(&sep)).then_some(())?;
            (true, month, sep_at + 1)
        }
        _ => {
            if !THANG.is_at(b, after_day) {
                return None;
            }
            let month_at = after_day + THANG.len;
            // `tháng 0 6` (a PDF's split) is the general reader's.
            let month = small_number(b, month_at).filter(|d| d.value > 0)?;
            let nam_at = month_at + month.count;
            if !NAM.is_at(b, nam_at) {
                return None;
            }
            (false, month, nam_at + NAM.len)
        }
    };
    if !(1..=12).contains(&month.value) {
        return None;
    }
    let year = b.get(year_at..year_at + 4)?;
    if !year.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let end = year_at + 4;
    // What follows must not join the last digit (a mark, another digit).
    if !starts_plain(b, end) || b.get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let year = year.iter().fold(0u16, |y, &d| y * 10 + u16::from(d - b'0'));
    // `VnDate::build`'s checks, of which only these are left.
    if !(MIN_YEAR..=MAX_YEAR).contains(&year)
        || day.value > u32::from(days_in_month(year, month.value as u8))
    {
        return None;
    }
    // The general reader's notes, in its order: the day's missing zero, the short form,
    // the month's missing zero (noted once) or extra zero (`month_number`).
    let day_zero = day.count == 1;
    let month_zero = month.value <= 2 && month.count == 1;
    let extra_zero = month.value >= 3 && month.leading_zero;
    let mut notes = [DateIrregularity::ShortForm; 3];
    let mut len = 0;
    for (noted, irregularity) in [
        (day_zero, DateIrregularity::MissingLeadingZero),
        (short, DateIrregularity::ShortForm),
        (
            month_zero && !day_zero,
            DateIrregularity::MissingLeadingZero,
        ),
        (extra_zero, DateIrregularity::ExtraLeadingZero),
    ] {
        // At most three: a month has a missing zero or an extra one, not both.
        if noted && len < notes.len() {
            notes[len] = irregularity;
            len += 1;
        }
    }
    Some(DateMatch {
        date: VnDate {
            year,
            month: Some(month.value as u8),
            day: Some(day.value as u8),
        },
        span: start..end,
        // Pushed one by one: copying one to three bytes is not worth a call to `memcpy`.
        irregularities: {
            let mut v = Vec::with_capacity(len);
            for &n in &notes[..len] {
                v.push(n);
            }
            v
        },
    })
}

/// A word of a date in lower and in upper case, each byte of one differing from the other's
/// in at most one bit: a byte with that bit set then equals both with it set exactly when
/// it is one of them, so the word is matched, in either case or mixed, by one load.
pub(super) struct Word {
    pub(super) len: usize,
    /// The bits that differ between the forms, the forms with them set, and the word's
    /// bytes, each at byte `i` of a little-endian word.
    pub(super) differ: u64,
    pub(super) set: u64,
    pub(super) mask: u64,
    pub(super) lower: &'static [u8],
    pub(super) upper: &'static [u8],
}

impl Word {
    const fn new(lower: &'static str, upper: &'static str) -> Word {
        let (l, u) = (lower.as_bytes(), upper.as_bytes());
        assert!(l.len() == u.len() && l.len() <= 8);
        let (mut differ, mut set, mut mask) = (0u64, 0u64, 0u64);
        let mut i = 0;
        while i < l.len() {
            let d = l[i] ^ u[i];
            assert!(
                d & d.wrapping_sub(1) == 0,
                "the forms differ in one bit at most"
            );
            differ |= (d as u64) << (8 * i);
            set |= ((l[i] | u[i]) as u64) << (8 * i);
            mask |= 0xFF << (8 * i);
            i += 1;
        }
        Word {
            len: l.len(),
            differ,
            set,
            mask,
            lower: l,
            upper: u,
        }
    }

    /// Whether `b` holds the word at `at`, each byte in either form: `Ngày`, `NGÀY` and
    /// `ngÀy` fold alike.
    #[inline]
    pub(super) fn is_at(&self, b: &[u8], at: usize) -> bool {
        match b.get(at..at + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
            Some(w) => (u64::from_le_bytes(w) | self.differ) & self.mask == self.set,
            // Near the end of the text.
            None => b.get(at..at + self.len).is_some_and(|w| {
                w.iter()
                    .zip(self.lower.iter().zip(self.upper))
                    .all(|(&x, (&l, &u))| x == l || x == u)
            }),
        }
    }
}

/// One or two digits at `at` and no third.
#[inline]
pub(super) fn small_number(b: &[u8], at: usize) -> Option<Digits> {
    let digit = |i: usize| {
        b.get(i)
            .map(|x| u32::from(x.wrapping_sub(b'0')))
            .filter(|&d| d < 10)
    };
    let first = digit(at)?;
    match digit(at + 1) {
        None => Some(Digits {
            start: at,
            count: 1,
            value: first,
            leading_zero: false,
        }),
        Some(_) if digit(at + 2).is_some() => None,
        Some(second) => Some(Digits {
            start: at,
            count: 2,
            value: first * 10 + second,
            leading_zero: first == 0,
        }),
    }
}

pub(super) type Parts = ((u16, usize), Option<u8>, Option<u8>);

pub(super) fn after_first_number(
    c: &mut Cur<'_>,
    m: &mut DateMatch,
    d: Digits,
    mode: Mode,
) -> Result<Parts, DateError> {
    if d.count == 4 && c.peek_char() == Some('-') {
        return iso_rest(c, m, d, mode);
    }
    if !(1..=2).contains(&d.count) || !(1..=31).contains(&d.value) {
        return Err(DateError::ExpectedDay { offset: d.start });
    }
    if d.count == 1 {
        m.note(DateIrregularity::MissingLeadingZero);
    }
    let ws = c.skip_ws();
    let (y, month, _) = match c.peek_char() {
        Some(sep @ ('/' | '-' | '.')) => {
            c.bump();
            numeric_rest(c, m, sep, mode)?
        }
        _ if c.eat_word("thang") => {
            if ws == 0 {
                m.note(DateIrregularity::BrokenSpacing);
            }
            long_rest(c, m, mode)?
        }
        _ => {
            return Err(DateError::ExpectedWord {
                word: "tháng",
                offset: c.pos,
            });
        }
    };
    Ok((y, month, Some(d.value as u8)))
}

pub(super) fn month_number(m: &mut DateMatch, d: Digits) -> Result<u8, DateError> {
    if !(1..=2).contains(&d.count) || !(1..=12).contains(&d.value) {
        return Err(DateError::ExpectedMonth { offset: d.start });
    }
    // NĐ 30/2020 Phụ lục I: `01`, `02`, but `3` … `12`.
    if d.value <= 2 && d.count == 1 {
        m.note(DateIrregularity::MissingLeadingZero);
    }
    if d.value >= 3 && d.leading_zero {
        m.note(DateIrregularity::ExtraLeadingZero);
    }
    Ok(d.value as u8)
}

/// After `13/`: month, the same separator, year.
pub(super) fn numeric_rest(
    c: &mut Cur<'_>,
    m: &mut DateMatch,
    sep: char,
    mode: Mode,
) -> Result<Parts, DateError> {
    m.note(DateIrregularity::ShortForm);
    c.skip_ws();
    let d = c.digits();
    let month = month_number(m, d)?;
    c.skip_ws();
    if c.peek_char() != Some(sep) {
        return Err(DateError::ExpectedSeparator {
            separator: sep,
            offset: c.pos,
        });
    }
    c.bump();
    c.skip_ws();
    Ok((year(c, m, mode)?, Some(month), None))
}

/// After `tháng`: month, `năm`, year.
pub(super) fn long_rest(
    c: &mut Cur<'_>,
    m: &mut DateMatch,
    mode: Mode,
) -> Result<Parts, DateError> {
    if c.skip_ws() == 0 && c.at_digit() {
        m.note(DateIrregularity::BrokenSpacing);
    }
    let mut d = c.digits();
    // PDF extraction splits `06` into `0 6` (QĐ 773/QĐ-TTg: `ngày 26 tháng 0 6 năm 2018`).
    if d.count == 1 && d.value == 0 {
        let save = c.pos;
        if c.peek_char() == Some(' ') {
            c.bump();
            let second = c.digits();
            if second.count == 1 {
                d = Digits {
                    start: d.start,
                    count: 2,
                    value: second.value,
                    leading_zero: true,
                };
                m.note(DateIrregularity::BrokenSpacing);
            } else {
                c.pos = save;
            }
        }
    }
    if d.count == 0 && m.has(DateIrregularity::DayMissing) {
        // The form left blank to be filled in by hand (`ngày … tháng … năm 2026`): only the
        // year is read, and only after a blank day and where `năm` follows the blank month;
        // `hàng tháng năm 2019` is no date.
        while c
            .peek_char()
            .is_some_and(|ch| is_placeholder(ch) || ch.is_whitespace())
        {
            c.bump();
        }
        if !c.eat_word("nam") {
            return Err(DateError::ExpectedMonth { offset: d.start });
        }
        m.note(DateIrregularity::MonthMissing);
        c.skip_ws();
        return Ok((year(c, m, mode)?, None, None));
    }
    let month = month_number(m, d)?;
    if c.skip_ws() == 0 && c.peek_char().is_some_and(char::is_alphabetic) {
        m.note(DateIrregularity::BrokenSpacing);
    }
    if !c.eat_word("nam") {
        return Err(DateError::ExpectedWord {
            word: "năm",
            offset: c.pos,
        });
    }
    c.skip_ws();
    Ok((year(c, m, mode)?, Some(month), None))
}

/// After `2023-`: `06-13`, or in a whole string also `06` and `06-??`.
pub(super) fn iso_rest(
    c: &mut Cur<'_>,
    m: &mut DateMatch,
    y: Digits,
    mode: Mode,
) -> Result<Parts, DateError> {
    m.note(DateIrregularity::ShortForm);
    let year = (check_year(y.value as i32, y.start)?, y.start);
    c.bump();
    let d = c.digits();
    if d.count != 2 || !(1..=12).contains(&d.value) {
        return Err(DateError::ExpectedMonth { offset: d.start });
    }
    let month = Some(d.value as u8);
    if c.peek_char() != Some('-') {
        return match mode {
            Mode::Whole => Ok((year, month, None)),
            Mode::Running => Err(DateError::ExpectedSeparator {
                separator: '-',
                offset: c.pos,
            }),
        };
    }
    c.bump();
    if mode == Mode::Whole && c.text.get(c.pos..c.pos + 2) == Some("??") {
        c.pos += 2;
        m.note(DateIrregularity::DayMissing);
        return Ok((year, month, None));
    }
    let d = c.digits();
    if d.count != 2 || !(1..=31).contains(&d.value) {
        return Err(DateError::ExpectedDay { offset: d.start });
    }
    Ok((year, month, Some(d.value as u8)))
}

pub(super) fn year(
    c: &mut Cur<'_>,
    m: &mut DateMatch,
    mode: Mode,
) -> Result<(u16, usize), DateError> {
    let d = c.digits();
    // A footnote mark glued to the year in a text (`năm 20264`): the year is the first four
    // digits. A date given alone has no footnote.
    if d.count == 5
        && mode == Mode::Running
        && let Ok(y) = check_year((d.value / 10) as i32, d.start)
    {
        c.pos = d.start;
        for _ in 0..4 {
            c.eat_if(|ch| ch.is_ascii_digit());
        }
        m.note(DateIrregularity::GluedDigit);
        return Ok((y, d.start));
    }
    if d.count != 4 {
        return Err(DateError::ExpectedYear { offset: d.start });
    }
    Ok((check_year(d.value as i32, d.start)?, d.start))
}
