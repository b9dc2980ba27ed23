//! Dates in running text: one at a place ([`find_date`]), every one ([`dates`]), and the
//! impossible ones for the validator.

use super::*;

/// Reads a date at `from` in running text, after any spaces, commas or colons.
///
/// Made for citation extraction: after `Kế hoạch số 1530/KH-UBND` comes ` ngày 26/4/2023`,
/// after `31-QĐ/TW` comes `, ngày 01-10-1997`. The span indexes `text`. Returns `None` when
/// no date starts there, or when `from` is not a `char` boundary of `text`.
///
/// ```
/// use vanban::date::find_date;
/// let text = "Thực hiện Kế hoạch số 1530/KH-UBND ngày 26/4/2023 của UBND";
/// let from = text.find(" ngày").unwrap();
/// let m = find_date(text, from).unwrap();
/// assert_eq!(&text[m.span.clone()], "ngày 26/4/2023");
/// assert_eq!(m.date.iso(), "2023-04-26");
/// assert_eq!(find_date(text, 0), None);
/// ```
pub fn find_date(text: &str, from: usize) -> Option<DateMatch> {
    if !text.is_char_boundary(from) {
        return None;
    }
    let b = text.as_bytes();
    let mut pos = from;
    // ASCII white space, commas and colons standing alone (no mark after them): stepped
    // over without decoding, as the loop below would step over them.
    while let Some(&x) = b.get(pos) {
        if !matches!(x, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b',' | b':')
            || !starts_plain(b, pos + 1)
        {
            break;
        }
        pos += 1;
    }
    let mut c = Cur { text, pos };
    // An ASCII letter or digit (marks after it or not) ends the gap; anything else is
    // decoded.
    if !b.get(pos).is_some_and(u8::is_ascii_alphanumeric) {
        while c
            .peek_char()
            .is_some_and(|ch| ch.is_whitespace() || matches!(ch, ',' | ':' | '*'))
        {
            c.bump();
        }
    }
    if !starts_date(text, c.pos) {
        return None;
    }
    parse_at(text, c.pos, Mode::Running).ok()
}

/// Every date mentioned in `text`, in order, with its span in `text`.
///
/// Finds long forms, numeric forms (`/`, `-`, `.`), month-only phrases, ISO dates and,
/// after `ngày`, dates with a blank day. Ratios (`3/15`), periods (`2021-2030`) and
/// document numbers (`31/2013/NĐ-CP`) are not dates. Runs in time linear in the text.
///
/// ```
/// use vanban::date::dates;
/// let text = "Chỉ thị số 14-CT/TW ngày 19 tháng 7 năm 2017; xếp 3/15 sở, ngành; giai đoạn 2021-2030";
/// let found: Vec<&str> = dates(text).map(|m| &text[m.span]).collect();
/// assert_eq!(found, ["ngày 19 tháng 7 năm 2017"]);
/// ```
pub fn dates(text: &str) -> Dates<'_> {
    Dates { text, pos: 0 }
}

/// The iterator returned by [`dates`].
///
/// ```
/// let found: Vec<String> = vanban::dates("ngày 05/3/2020 và ngày 13 tháng 6 năm 2023").map(|m| m.date.iso()).collect();
/// assert_eq!(found, ["2020-03-05", "2023-06-13"]);
/// ```
#[derive(Clone, Debug)]
pub struct Dates<'t> {
    text: &'t str,
    pos: usize,
}

impl Iterator for Dates<'_> {
    type Item = DateMatch;

    fn next(&mut self) -> Option<DateMatch> {
        let b = self.text.as_bytes();
        loop {
            // ASCII that cannot start a date (not a digit, `n` or `t`), followed by a
            // character that stands alone: stepped over without decoding, as the loop below
            // would step over it.
            while let Some(&x) = b.get(self.pos) {
                if !x.is_ascii()
                    || matches!(x.to_ascii_lowercase(), b'0'..=b'9' | b'n' | b't')
                    || !starts_plain(b, self.pos + 1)
                {
                    break;
                }
                self.pos += 1;
            }
            let (c, len) = peek_at(self.text, self.pos)?;
            if (c.is_ascii_digit() || c == 'n' || c == 't')
                && starts_date(self.text, self.pos)
                && let Ok(m) = parse_at(self.text, self.pos, Mode::Running)
            {
                self.pos = m.span.end.max(self.pos + len);
                return Some(m);
            }
            self.pos += len;
        }
    }
}

/// The dates written in `text` that read whole but do not exist (`ngày 30 tháng 02 năm
/// 2021`, `ngày 31/4/2023`), by their spans: what [`dates`] steps over, for the validator
/// (VB203), read by the same grammar.
pub(crate) fn impossible_dates(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < text.len() {
            let Some((c, len)) = peek_at(text, pos) else {
                break;
            };
            let at = pos;
            pos += len;
            if !((c.is_ascii_digit() || c == 'n' || c == 'N') && starts_date(text, at)) {
                continue;
            }
            match parse_at(text, at, Mode::Running) {
                Ok(m) => pos = m.span.end.max(pos),
                Err(DateError::Impossible { year, .. }) => {
                    // The year is the last part of either form: the date ends after it.
                    let digits = year.to_string();
                    let end = text[at..]
                        .find(&digits)
                        .map_or(pos, |i| at + i + digits.len());
                    pos = end.max(pos);
                    return Some(at..end);
                }
                Err(_) => {}
            }
        }
        None
    })
}

/// Whether a date may start at `pos`: a word start that is `ngày`, `tháng` or a digit run.
/// A digit run right after `5/`, `1.` or `-` continues a number (`120/2010`, `2.055.000`)
/// and is not a start.
#[inline]
pub(super) fn starts_date(text: &str, pos: usize) -> bool {
    let b = text.as_bytes();
    // ASCII at `pos` and before it, as nearly always: an ASCII character is neither a mark
    // nor invisible, so it is the character seen (folded), and the one before `pos` is the
    // one before it.
    let (Some(&x), Some(&p)) = (b.get(pos), pos.checked_sub(1).and_then(|i| b.get(i))) else {
        return starts_date_slow(text, pos);
    };
    if !x.is_ascii() || !p.is_ascii() {
        return starts_date_slow(text, pos);
    }
    if !matches!(x.to_ascii_lowercase(), b'0'..=b'9' | b'n' | b't') {
        return false;
    }
    match p {
        _ if p.is_ascii_alphanumeric() => false,
        b'/' | b'-' | b'.' | b',' => match pos.checked_sub(2).map(|i| b[i]) {
            None => true,
            Some(q) if q.is_ascii() => !q.is_ascii_digit(),
            Some(_) => starts_date_slow(text, pos),
        },
        _ => true,
    }
}

/// [`starts_date`] for any text: decodes around `pos`.
#[cold]
pub(super) fn starts_date_slow(text: &str, pos: usize) -> bool {
    let Some((c, _)) = peek_at(text, pos) else {
        return false;
    };
    if !(c.is_ascii_digit() || c == 'n' || c == 't') {
        return false;
    }
    // Combining marks belong to the letter before them; invisible characters are not there.
    let mut before = text
        .get(..pos)
        .unwrap_or("")
        .chars()
        .rev()
        .filter(|ch| !is_ignorable(*ch));
    let prev = before.find(|ch| !is_combining_mark(*ch));
    match prev {
        None => true,
        Some(p) if p.is_alphanumeric() => false,
        Some('/' | '-' | '.' | ',') => !before.next().is_some_and(|q| q.is_ascii_digit()),
        Some(_) => true,
    }
}
