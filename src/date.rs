//! Dates as Vietnamese official documents write them.
//!
//! NĐ 30/2020 (Phụ lục I, mục II, "Địa danh và thời gian ban hành văn bản") fixes the long
//! form `ngày 05 tháng 01 năm 2020`: a leading zero for days below 10 and for months 1 and
//! 2, none for months 3 to 12. Running text cites dates as `ngày 26/4/2023`, `26-4-2023` or,
//! in Party documents, `ngày 01-10-1997`, and real documents leave the day blank
//! (`ngày /6/2023`) when it was meant to be filled in by hand.
//!
//! This module reads all of those, from text that may be NFD, upper case, without
//! diacritics or with PDF-broken spacing, and reports every byte span in the caller's text.
//!
//! ```
//! use vanban::date::{dates, parse_place_date, VnDate};
//!
//! let line = "Lai Châu, ngày 13 tháng 6 năm 2023";
//! let pd = parse_place_date(line).unwrap();
//! assert_eq!(pd.place, "Lai Châu");
//! assert_eq!(pd.date.iso(), "2023-06-13");
//!
//! let text = "Kế hoạch số 1530/KH-UBND ngày 26/4/2023 và Báo cáo số 198/BC-UBND ngày /6/2023";
//! let found: Vec<String> = dates(text).map(|m| m.date.iso()).collect();
//! assert_eq!(found, ["2023-04-26", "2023-06"]);
//!
//! let d: VnDate = "ngày 05/01/2020".parse().unwrap();
//! assert_eq!(d.to_string(), "ngày 05 tháng 01 năm 2020");
//! ```

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The earliest year accepted; older "dates" in this corpus are OCR noise or numbers.
pub const MIN_YEAR: u16 = 1900;
/// The latest year accepted.
pub const MAX_YEAR: u16 = 2100;

/// A calendar date that may lack its day, or its day and month.
///
/// Documents cite partial dates (`ngày /6/2023`, `tháng 6 năm 2023`); a partial date is
/// kept partial and never completed with an invented day. A day is only ever present
/// together with a month.
///
/// The derived order is chronological, with a partial date sorting before the complete
/// dates it covers (`2023-06` < `2023-06-01`).
///
/// ```
/// use vanban::date::VnDate;
///
/// let d = VnDate::new(2023, 6, 13).unwrap();
/// assert_eq!(d.to_string(), "ngày 13 tháng 6 năm 2023");
/// assert_eq!(d.iso(), "2023-06-13");
/// assert_eq!("13/6/2023".parse::<VnDate>().unwrap(), d);
///
/// let m = VnDate::month_only(2023, 6).unwrap();
/// assert_eq!(m.to_string(), "tháng 6 năm 2023");
/// assert_eq!(m.to_naive(), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct VnDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date could not be read or built.
///
/// Every variant carries the byte `offset` into the input where the problem is (0 for the
/// constructors of [`VnDate`], which have no text).
///
/// ```
/// use vanban::date::VnDate;
///
/// let err = "31/2/2023".parse::<VnDate>().unwrap_err();
/// assert_eq!(err.to_string(), "impossible date: day 31 of month 2 in 2023 at byte 0");
/// assert_eq!(err.offset(), 0);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// Nothing that starts a date (`ngày`, `tháng`, a digit) was found.
    #[error("expected a date at byte {offset}")]
    ExpectedDate {
        /// Where the date should start.
        offset: usize,
    },
    /// The day is not a number from 1 to 31 of at most two digits.
    #[error("expected a day (1-31) at byte {offset}")]
    ExpectedDay {
        /// Where the day should be.
        offset: usize,
    },
    /// The month is not a number from 1 to 12 of at most two digits.
    #[error("expected a month (1-12) at byte {offset}")]
    ExpectedMonth {
        /// Where the month should be.
        offset: usize,
    },
    /// The year is not exactly four digits.
    #[error("expected a four-digit year at byte {offset}")]
    ExpectedYear {
        /// Where the year should be.
        offset: usize,
    },
    /// A keyword of the long form (`tháng`, `năm`) is missing.
    #[error("expected `{word}` at byte {offset}")]
    ExpectedWord {
        /// The keyword, with its diacritics.
        word: &'static str,
        /// Where the keyword should be.
        offset: usize,
    },
    /// The second separator of a numeric date differs from the first (`13/6-2023`).
    #[error("expected '{separator}' at byte {offset}")]
    ExpectedSeparator {
        /// The separator the date started with.
        separator: char,
        /// Where the separator should be.
        offset: usize,
    },
    /// The year is four digits but outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    #[error("year {year} is out of range ({MIN_YEAR}-{MAX_YEAR}) at byte {offset}")]
    YearOutOfRange {
        /// The year as written (or given).
        year: i32,
        /// Where the year starts.
        offset: usize,
    },
    /// Day, month and year are each valid but the day does not exist (`31/2/2023`).
    #[error("impossible date: day {day} of month {month} in {year} at byte {offset}")]
    Impossible {
        /// The day.
        day: u8,
        /// The month.
        month: u8,
        /// The year.
        year: u16,
        /// Where the date starts.
        offset: usize,
    },
    /// [`VnDate::partial`] was given a day but no month.
    #[error("a day without a month at byte {offset}")]
    DayWithoutMonth {
        /// Always 0: the constructors have no text.
        offset: usize,
    },
    /// The date was read but more text follows it.
    #[error("unexpected text after the date at byte {offset}")]
    TrailingText {
        /// Where the extra text starts.
        offset: usize,
    },
}

impl DateError {
    /// The byte offset into the input where the problem is.
    pub fn offset(&self) -> usize {
        match *self {
            DateError::ExpectedDate { offset }
            | DateError::ExpectedDay { offset }
            | DateError::ExpectedMonth { offset }
            | DateError::ExpectedYear { offset }
            | DateError::ExpectedWord { offset, .. }
            | DateError::ExpectedSeparator { offset, .. }
            | DateError::YearOutOfRange { offset, .. }
            | DateError::Impossible { offset, .. }
            | DateError::DayWithoutMonth { offset }
            | DateError::TrailingText { offset } => offset,
        }
    }
}

/// A way a date was written that is readable but departs from NĐ 30/2020.
///
/// These are reported, not rejected: the validator decides what they weigh.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum DateIrregularity {
    /// A day below 10, or month 1 or 2, written with one digit (`ngày 5 tháng 1`); NĐ 30/2020
    /// Phụ lục I asks for `05`, `01`.
    MissingLeadingZero,
    /// Month 3 to 9 written with a leading zero (`tháng 05`); NĐ 30/2020 Phụ lục I writes
    /// these months without one.
    ExtraLeadingZero,
    /// The day is blank (`ngày /6/2023`, `ngày … tháng 6 năm 2023`).
    DayMissing,
    /// Numeric (`13/6/2023`) or ISO form instead of `ngày 13 tháng 6 năm 2023`.
    ShortForm,
    /// Spacing broken by PDF extraction: `09tháng`, `tháng 0 6`.
    BrokenSpacing,
    /// Place-date line without the comma after the place (`Hà Nội ngày …`); only
    /// [`parse_place_date`] reports it.
    MissingComma,
    /// The month is blank as well as the day (`ngày … tháng … năm 2026`): a draft, or a copy
    /// whose date was to be written by hand. Only the year is known.
    MonthMissing,
    /// A digit glued after the year (`năm 20264`): a footnote mark that a PDF's text layer
    /// writes inline. The year is its first four digits; the span ends before the mark.
    GluedDigit,
}

/// A date read out of text, with where it was and how it was written.
///
/// `span` always indexes the caller's text, on `char` boundaries, including a leading
/// `ngày` when there is one, so `&text[m.span.clone()]` is the date as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMatch {
    /// The date.
    pub date: VnDate,
    /// Byte range of the date in the text it was found in.
    pub span: Range<usize>,
    /// Departures from the NĐ 30/2020 form, each listed once, in the order met.
    pub irregularities: Vec<DateIrregularity>,
}

impl DateMatch {
    /// Whether `irregularity` was noted for this date.
    pub fn has(&self, irregularity: DateIrregularity) -> bool {
        self.irregularities.contains(&irregularity)
    }

    /// A match at `start` yet to be read.
    fn at(start: usize) -> DateMatch {
        DateMatch {
            date: VnDate {
                year: 0,
                month: None,
                day: None,
            },
            span: start..start,
            irregularities: Vec::new(),
        }
    }

    fn note(&mut self, irregularity: DateIrregularity) {
        if !self.has(irregularity) {
            self.irregularities.push(irregularity);
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn check_year(year: i32, offset: usize) -> Result<u16, DateError> {
    if (i32::from(MIN_YEAR)..=i32::from(MAX_YEAR)).contains(&year) {
        // The range check above makes the conversion lossless.
        Ok(year as u16)
    } else {
        Err(DateError::YearOutOfRange { year, offset })
    }
}

impl VnDate {
    fn build(year: u16, month: Option<u8>, day: Option<u8>, at: usize) -> Result<Self, DateError> {
        check_year(i32::from(year), at)?;
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::ExpectedMonth { offset: at });
            }
        }
        match (month, day) {
            (None, Some(_)) => return Err(DateError::DayWithoutMonth { offset: at }),
            (Some(m), Some(d)) if d == 0 || d > days_in_month(year, m) => {
                if d == 0 || d > 31 {
                    return Err(DateError::ExpectedDay { offset: at });
                }
                return Err(DateError::Impossible {
                    day: d,
                    month: m,
                    year,
                    offset: at,
                });
            }
            _ => {}
        }
        Ok(VnDate { year, month, day })
    }

    /// A complete date.
    ///
    /// # Errors
    /// A year outside 1900–2100, a month outside 1–12, or a day the month does not have:
    ///
    /// ```
    /// use vanban::date::VnDate;
    /// assert!(VnDate::new(2024, 2, 29).is_ok());
    /// assert_eq!(
    ///     VnDate::new(2023, 2, 29).unwrap_err().to_string(),
    ///     "impossible date: day 29 of month 2 in 2023 at byte 0"
    /// );
    /// assert!(VnDate::new(1899, 1, 1).is_err());
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        Self::build(year, Some(month), Some(day), 0)
    }

    /// A month of a year, without a day.
    ///
    /// # Errors
    /// A year outside 1900–2100 or a month outside 1–12.
    ///
    /// ```
    /// use vanban::date::VnDate;
    /// assert_eq!(VnDate::month_only(2023, 6).unwrap().iso(), "2023-06");
    /// assert!(VnDate::month_only(2023, 13).is_err());
    /// ```
    pub fn month_only(year: u16, month: u8) -> Result<Self, DateError> {
        Self::build(year, Some(month), None, 0)
    }

    /// A year alone.
    ///
    /// # Errors
    /// A year outside 1900–2100.
    ///
    /// ```
    /// use vanban::date::VnDate;
    /// assert_eq!(VnDate::year_only(2023).unwrap().to_string(), "năm 2023");
    /// ```
    pub fn year_only(year: u16) -> Result<Self, DateError> {
        Self::build(year, None, None, 0)
    }

    /// A date with any of its parts missing, as long as a day comes with a month.
    ///
    /// # Errors
    /// As [`VnDate::new`], plus [`DateError::DayWithoutMonth`].
    ///
    /// ```
    /// use vanban::date::VnDate;
    /// assert_eq!(VnDate::partial(2023, Some(6), None), VnDate::month_only(2023, 6));
    /// assert!(VnDate::partial(2023, None, Some(13)).is_err());
    /// ```
    pub fn partial(year: u16, month: Option<u8>, day: Option<u8>) -> Result<Self, DateError> {
        Self::build(year, month, day, 0)
    }

    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month (1–12), if known.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// Whether year, month and day are all known.
    pub fn is_complete(&self) -> bool {
        self.day.is_some()
    }

    /// The `chrono` date, for complete dates only.
    ///
    /// ```
    /// use vanban::date::VnDate;
    /// use chrono::NaiveDate;
    /// let d: VnDate = "ngày 26/4/2023".parse().unwrap();
    /// assert_eq!(d.to_naive(), NaiveDate::from_ymd_opt(2023, 4, 26));
    /// ```
    pub fn to_naive(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(
            i32::from(self.year),
            u32::from(self.month?),
            u32::from(self.day?),
        )
    }

    /// ISO 8601 with as many parts as are known: `2023-06-13`, `2023-06`, `2023`.
    ///
    /// ```
    /// use vanban::date::VnDate;
    /// let d: VnDate = "ngày /6/2023".parse().unwrap();
    /// assert_eq!(d.iso(), "2023-06");
    /// ```
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// Reads an ISO date as [`VnDate::iso`] writes it, also accepting `2023-06-??`, the
    /// corpus gold's way of writing a missing day.
    ///
    /// # Errors
    /// Anything else, e.g. `2023-6-13` (ISO pads to two digits) or `2023-02-30`.
    ///
    /// ```
    /// use vanban::date::VnDate;
    /// assert_eq!(VnDate::parse_iso("2023-06-??").unwrap().iso(), "2023-06");
    /// assert!(VnDate::parse_iso("2023-6-13").is_err());
    /// ```
    pub fn parse_iso(s: &str) -> Result<Self, DateError> {
        let b = s.as_bytes();
        let num = |r: Range<usize>| -> Option<u16> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let year = num(0..4).ok_or(DateError::ExpectedYear { offset: 0 })?;
        check_year(i32::from(year), 0)?;
        if b.len() == 4 {
            return Ok(VnDate {
                year,
                month: None,
                day: None,
            });
        }
        if b.get(4) != Some(&b'-') {
            return Err(DateError::ExpectedSeparator {
                separator: '-',
                offset: 4,
            });
        }
        let month = match num(5..7) {
            Some(m @ 1..=12) if b.get(7).is_none_or(|c| !c.is_ascii_digit()) => m as u8,
            _ => return Err(DateError::ExpectedMonth { offset: 5 }),
        };
        if b.len() == 7 {
            return Self::build(year, Some(month), None, 0);
        }
        if b.get(7) != Some(&b'-') {
            return Err(DateError::ExpectedSeparator {
                separator: '-',
                offset: 7,
            });
        }
        if s.get(8..) == Some("??") {
            return Self::build(year, Some(month), None, 0);
        }
        if b.len() != 10 {
            return Err(DateError::ExpectedDay { offset: 8 });
        }
        let day = num(8..10).ok_or(DateError::ExpectedDay { offset: 8 })?;
        // `num` read two digits, so the day fits in a u8.
        Self::build(year, Some(month), Some(day as u8), 0)
    }

    /// Reads a whole string as a date and reports how it was written.
    ///
    /// Accepts what [`FromStr`] accepts; surrounding whitespace is ignored and excluded
    /// from the span.
    ///
    /// # Errors
    /// As [`FromStr`].
    ///
    /// ```
    /// use vanban::date::{DateIrregularity, VnDate};
    /// let m = VnDate::parse_with_notes("ngày 5/1/2020").unwrap();
    /// assert_eq!(m.date.iso(), "2020-01-05");
    /// assert_eq!(
    ///     m.irregularities,
    ///     [DateIrregularity::MissingLeadingZero, DateIrregularity::ShortForm]
    /// );
    /// ```
    pub fn parse_with_notes(s: &str) -> Result<DateMatch, DateError> {
        let start = s.len() - s.trim_start().len();
        parse_at(s, start, Mode::Whole)
    }
}

/// Writes NĐ 30/2020's long form, which [`FromStr`] reads back.
///
/// ```
/// use vanban::date::VnDate;
/// assert_eq!(VnDate::new(2020, 1, 5).unwrap().to_string(), "ngày 05 tháng 01 năm 2020");
/// assert_eq!(VnDate::new(2019, 6, 29).unwrap().to_string(), "ngày 29 tháng 6 năm 2019");
/// assert_eq!(VnDate::new(2012, 10, 23).unwrap().to_string(), "ngày 23 tháng 10 năm 2012");
/// ```
impl fmt::Display for VnDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(d) = self.day {
            write!(f, "ngày {d:02} ")?;
        }
        if let Some(m) = self.month {
            // NĐ 30/2020 Phụ lục I: leading zero for months 1 and 2 only.
            if m <= 2 {
                write!(f, "tháng {m:02} ")?;
            } else {
                write!(f, "tháng {m} ")?;
            }
        }
        write!(f, "năm {}", self.year)
    }
}

/// Reads a date in any form documents use.
///
/// Long form `ngày 13 tháng 6 năm 2023`; numeric `13/6/2023`, `13-6-2023`, `13.6.2023`;
/// month only `tháng 6 năm 2023`; year only `năm 2023`; missing day `ngày /6/2023`,
/// `ngày …/6/2023`; ISO `2023-06-13`. The leading `ngày` is optional. Case, missing
/// diacritics, NFD, extra spaces and line breaks are tolerated.
///
/// # Errors
/// ```
/// use vanban::date::VnDate;
/// let err = |s: &str| s.parse::<VnDate>().unwrap_err().to_string();
/// assert_eq!(err("13/13/2023"), "expected a month (1-12) at byte 3");
/// assert_eq!(err("13/6/23"), "expected a four-digit year at byte 5");
/// assert_eq!(err("13/6/2023 của"), "unexpected text after the date at byte 10");
/// assert_eq!(err("ngày 13 tháng 6"), "expected `năm` at byte 17");
/// ```
impl FromStr for VnDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        VnDate::parse_with_notes(s).map(|m| m.date)
    }
}

/// Fails for years outside 1900–2100, which `VnDate` does not represent.
impl TryFrom<NaiveDate> for VnDate {
    type Error = DateError;

    fn try_from(d: NaiveDate) -> Result<Self, Self::Error> {
        let year = check_year(d.year(), 0)?;
        // chrono guarantees month 1..=12 and day 1..=31.
        Self::build(year, Some(d.month() as u8), Some(d.day() as u8), 0)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for VnDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for VnDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = VnDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO date (2023-06-13, 2023-06, 2023-06-??) or a Vietnamese date")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<VnDate, E> {
                VnDate::parse_iso(s)
                    .or_else(|_| s.parse())
                    .map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

// ---------------------------------------------------------------------------------------
// Scanning. Matching runs on the caller's bytes, folding one character at a time, so that
// spans need no mapping back from a normalized copy.

/// Folds a character for keyword matching: base letter without diacritics, lower case.
/// `ngày`, `NGÀY`, `ngay` and the NFD `nga\u{300}y` all fold to `ngay`.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // Latin and Vietnamese letters, which normalization leaves alone (but for `Ð`, folded
    // to `d` either way): straight to the folding table.
    if matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') {
        if let Some(f) = crate::text::fold_char(c) {
            return f;
        }
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
    if !is_combining_mark(c) {
        if let Some(f) = crate::text::fold_char(c) {
            return f;
        }
    }
    let mut base = None;
    decompose_canonical(c, |d| {
        base.get_or_insert(d);
    });
    let base = base.unwrap_or(c);
    base.to_lowercase().next().unwrap_or(base)
}

fn is_placeholder(c: char) -> bool {
    matches!(c, '.' | '…' | '_')
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The whole input must be one date; every form is accepted.
    Whole,
    /// A date inside running text: a bare year or an ISO date without a day is not a date
    /// mention there.
    Running,
}

struct Cur<'t> {
    text: &'t str,
    pos: usize,
}

#[derive(Clone, Copy)]
struct Digits {
    start: usize,
    count: usize,
    value: u32,
    leading_zero: bool,
}

impl Cur<'_> {
    /// The folded character at the cursor and its length in bytes, combining marks
    /// included.
    fn peek(&self) -> Option<(char, usize)> {
        peek_at(self.text, self.pos)
    }

    fn peek_char(&self) -> Option<char> {
        self.peek().map(|(c, _)| c)
    }

    fn bump(&mut self) {
        if let Some((_, len)) = self.peek() {
            self.pos += len;
        }
    }

    /// Consumes the character at the cursor if `f` accepts it (one decoding, not two).
    fn eat_if(&mut self, f: impl Fn(char) -> bool) -> Option<char> {
        let (c, len) = self.peek().filter(|&(c, _)| f(c))?;
        self.pos += len;
        Some(c)
    }

    fn skip_ws(&mut self) -> usize {
        let mut n = 0;
        while self.eat_if(char::is_whitespace).is_some() {
            n += 1;
        }
        n
    }

    fn at_digit(&self) -> bool {
        self.peek_char().is_some_and(|c| c.is_ascii_digit())
    }

    /// Consumes `word` (folded ASCII) if it is at the cursor as a whole word.
    fn eat_word(&mut self, word: &str) -> bool {
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

    fn digits(&mut self) -> Digits {
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
fn peek_at(text: &str, pos: usize) -> Option<(char, usize)> {
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
        if len > 0 && starts_plain(b, pos + len) {
            if let Some(ch) = text.get(pos..pos + len).and_then(|t| t.chars().next()) {
                if !is_ignorable(ch) {
                    return Some((fold(ch), len));
                }
            }
        }
    }
    peek_slow(text, pos)
}

#[cold]
fn peek_slow(text: &str, pos: usize) -> Option<(char, usize)> {
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
fn starts_plain(b: &[u8], at: usize) -> bool {
    match b.get(at) {
        None => true,
        Some(&x) if x < 0x80 => true,
        Some(0xC3..=0xCB) => true,
        Some(0xE1) => matches!(b.get(at + 1), Some(0xB8..=0xBB)),
        _ => false,
    }
}

/// Whether `c` is one of the invisible characters normalization drops.
fn is_ignorable(c: char) -> bool {
    crate::text::map_char(c).is_none()
}

fn parse_at(text: &str, start: usize, mode: Mode) -> Result<DateMatch, DateError> {
    if mode == Mode::Running {
        if let Some(m) = plain_date(text, start) {
            return Ok(m);
        }
    }
    parse_general(text, start, mode)
}

fn parse_general(text: &str, start: usize, mode: Mode) -> Result<DateMatch, DateError> {
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
fn plain_date(text: &str, start: usize) -> Option<DateMatch> {
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
struct Word {
    len: usize,
    /// The bits that differ between the forms, the forms with them set, and the word's
    /// bytes, each at byte `i` of a little-endian word.
    differ: u64,
    set: u64,
    mask: u64,
    lower: &'static [u8],
    upper: &'static [u8],
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
    fn is_at(&self, b: &[u8], at: usize) -> bool {
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
fn small_number(b: &[u8], at: usize) -> Option<Digits> {
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

type Parts = ((u16, usize), Option<u8>, Option<u8>);

fn after_first_number(
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

fn month_number(m: &mut DateMatch, d: Digits) -> Result<u8, DateError> {
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
fn numeric_rest(
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
fn long_rest(c: &mut Cur<'_>, m: &mut DateMatch, mode: Mode) -> Result<Parts, DateError> {
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
fn iso_rest(c: &mut Cur<'_>, m: &mut DateMatch, y: Digits, mode: Mode) -> Result<Parts, DateError> {
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

fn year(c: &mut Cur<'_>, m: &mut DateMatch, mode: Mode) -> Result<(u16, usize), DateError> {
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

// ---------------------------------------------------------------------------------------
// Running text.

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
            .is_some_and(|ch| ch.is_whitespace() || matches!(ch, ',' | ':'))
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
            if (c.is_ascii_digit() || c == 'n' || c == 't') && starts_date(self.text, self.pos) {
                if let Ok(m) = parse_at(self.text, self.pos, Mode::Running) {
                    self.pos = m.span.end.max(self.pos + len);
                    return Some(m);
                }
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
fn starts_date(text: &str, pos: usize) -> bool {
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
fn starts_date_slow(text: &str, pos: usize) -> bool {
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

// ---------------------------------------------------------------------------------------
// The place-date line.

/// The "địa danh và thời gian" line of a document header (NĐ 30/2020 Điều 8, Phụ lục I).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceDate {
    /// The place as written (not normalized; PDF spacing such as `Qu ả ng Ngãi` kept).
    pub place: String,
    /// Byte range of the place in the line.
    pub place_span: Range<usize>,
    /// The date.
    pub date: VnDate,
    /// Byte range of the date in the line, from `ngày`.
    pub date_span: Range<usize>,
    /// Departures from `Place, ngày DD tháng M năm YYYY`.
    pub irregularities: Vec<DateIrregularity>,
}

impl PlaceDate {
    /// Byte range of the whole place-date in the line, without wrappers such as `*` or `|`.
    pub fn span(&self) -> Range<usize> {
        self.place_span.start..self.date_span.end
    }
}

/// Longer "places" are sentences, not place names (`Thành phố Hồ Chí Minh` has five words).
const MAX_PLACE_WORDS: usize = 8;

/// Reads `Place, ngày … tháng … năm …` out of a header line.
///
/// The line may carry more: a Markdown table row (`| Số: 31/CT-TTg | Hà Nội, ngày … |`),
/// italics (`*Hà Nội, ngày …*`), the number before it, `Kính gửi` after it. Returns `None`
/// when no date after `ngày` is preceded by something that looks like a place name.
///
/// ```
/// use vanban::date::{parse_place_date, DateIrregularity};
///
/// let line = "| Số: 1351/QĐ-UBND | Qu ả ng Ngãi, ngày 04 tháng 10 năm 2022 |";
/// let pd = parse_place_date(line).unwrap();
/// assert_eq!(pd.place, "Qu ả ng Ngãi");
/// assert_eq!(&line[pd.span()], "Qu ả ng Ngãi, ngày 04 tháng 10 năm 2022");
///
/// let pd = parse_place_date("Hà Nội ngày 05 tháng 01 năm 2020").unwrap();
/// assert_eq!(pd.irregularities, [DateIrregularity::MissingComma]);
/// ```
pub fn parse_place_date(line: &str) -> Option<PlaceDate> {
    dates(line).find_map(|m| {
        let mut c = Cur {
            text: line,
            pos: m.span.start,
        };
        if !c.eat_word("ngay") {
            return None;
        }
        let (place_span, has_comma) = place_before(line, m.span.start)?;
        // Without the comma only the long form marks a place-date line; `… QĐ-TTg ngày
        // 26/4/2013` is a citation.
        if !has_comma && m.has(DateIrregularity::ShortForm) {
            return None;
        }
        let mut irregularities = m.irregularities;
        if !has_comma {
            irregularities.push(DateIrregularity::MissingComma);
        }
        Some(PlaceDate {
            place: line[place_span.clone()].to_owned(),
            place_span,
            date: m.date,
            date_span: m.span,
            irregularities,
        })
    })
}

fn fold_str(s: &str) -> String {
    s.chars()
        .filter(|c| !is_combining_mark(*c))
        .map(fold)
        .collect()
}

fn place_before(line: &str, date_start: usize) -> Option<(Range<usize>, bool)> {
    let before = line.get(..date_start)?.trim_end();
    let (before, has_comma) = match before.strip_suffix(',') {
        Some(b) => (b.trim_end(), true),
        None => (before, false),
    };
    let end = before.len();
    let mut start = end;
    let mut words = 1;
    let mut after_space = false;
    let mut capped = false;
    for (i, ch) in before.char_indices().rev() {
        if ch.is_alphabetic() || is_combining_mark(ch) || matches!(ch, '.' | '-' | '\'' | '’') {
            start = i;
            after_space = false;
        } else if ch == ' ' && !after_space {
            after_space = true;
            words += 1;
            if words > MAX_PLACE_WORDS {
                capped = true;
                break;
            }
        } else {
            // Two spaces, a tab, `|`, `*`, a digit or `:` end the place: column gaps,
            // Markdown wrappers, the document number.
            break;
        }
    }

    let mut place = &before[start..];
    // Merged two-column headers put the motto `Độc lập - Tự do - Hạnh phúc` right
    // before the place.
    let mut motto_end = None;
    let mut at = 0;
    let mut prev_hanh = false;
    for w in place.split(' ') {
        let f = fold_str(w);
        if prev_hanh && f == "phuc" {
            motto_end = Some(at + w.len());
        }
        prev_hanh = f == "hanh";
        at += w.len() + 1;
    }
    if let Some(e) = motto_end {
        start += e;
        place = &before[start..];
    } else if capped {
        return None;
    }
    let mut trimmed =
        place.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '.'));
    start += place.len() - trimmed.len();
    // A first word glued to a number or code is the end of it: on a merged header line the
    // place follows the number (`Số: 435/QĐ-UBND Kon Tum, ngày …`), and after a citation
    // nothing does (`170/2008/QĐ-TTg ngày …`).
    if before[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '\\'))
    {
        let space = trimmed.find(' ')?;
        start += space + 1;
        trimmed = &before[start..];
    }
    let first = trimmed.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    // Without the comma, `Căn cứ Luật Tổ chức Chính phủ ngày …` would pass for a place. Place
    // names capitalise every word (`Hà Nội`, `Lai Châu`) except `phố` in `Thành phố`; short
    // lower-case pieces come from PDF-broken words (`Qu ả ng Ngãi`).
    if !has_comma
        && !trimmed.split(' ').all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || w.chars().filter(|c| !is_combining_mark(*c)).count() <= 2
                || fold_str(w) == "pho"
        })
    {
        return None;
    }
    Some((start..end, has_comma))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn impossible_dates_by_the_grammar() {
        let text = "ngày 30 tháng 02 năm 2021; NGÀY 31/4/2023, ngày 26/4/2023 và 29/02/2023.";
        let found: Vec<&str> = impossible_dates(text).map(|r| &text[r]).collect();
        assert_eq!(
            found,
            ["ngày 30 tháng 02 năm 2021", "NGÀY 31/4/2023", "29/02/2023"]
        );
        assert_eq!(impossible_dates("ngày 29/02/2024, 3/15 sở").count(), 0);
    }

    use proptest::prelude::*;

    /// Dates as written after `ngày`, and near misses of every part of them: each part is
    /// mostly well formed, so that whole dates are common.
    fn written_date() -> impl Strategy<Value = String> {
        let word = |v: Vec<&'static str>| prop::sample::select(v).prop_map(str::to_string);
        let ngay = prop_oneof![
            4 => word(vec!["ngày ", "Ngày ", "NGÀY ", "nGÀy "]),
            1 => word(vec!["ngày  ", "ngay ", "ngày", "nga\u{300}y ", "ngày\n"]),
        ];
        let day = prop_oneof![4 => "(0?[1-9]|[12][0-9]|3[01])", 1 => "[0-9]{0,3}"];
        let month = prop_oneof![4 => "(0?[1-9]|1[0-2])", 1 => "[0-9]{0,3}"];
        let year = prop_oneof![4 => "(19|20)[0-9]{2}", 1 => "[0-9]{0,5}"];
        let sep = || word(vec!["/", "-", "."]);
        let month_words = vec![" tháng ", " THÁNG ", " Tháng ", " tHÁng "];
        let year_words = vec![" năm ", " NĂM ", " Năm ", " nĂM "];
        let odd_words = vec![
            "/",
            "-",
            ".",
            " tháng  ",
            "tháng ",
            " thang ",
            " tha\u{301}ng ",
            " năm",
            " nam ",
            " / ",
            ",",
        ];
        // The words around the month: a numeric form's two separators (mostly the same),
        // the long form's words, or anything.
        let middle = prop_oneof![
            2 => (sep(), prop::option::weighted(0.2, sep()))
                .prop_map(|(a, b)| (a.clone(), b.unwrap_or(a))),
            2 => (word(month_words), word(year_words)),
            1 => (word(odd_words.clone()), word(odd_words)),
        ];
        let tail = word(vec!["", " ", ",", "a", "\u{301}", "7", ";", "\u{200B}"]);
        (ngay, day, middle, month, year, tail)
            .prop_map(|(a, b, (c, e), d, f, g)| [a, b, c, d, e, f, g].concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        /// The byte-level reader of the usual forms agrees with the general reader
        /// wherever it answers.
        #[test]
        fn plain_dates_read_as_the_general_reader_reads_them(s in written_date()) {
            if let Some(fast) = plain_date(&s, 0) {
                prop_assert_eq!(Some(fast), parse_general(&s, 0, Mode::Running).ok(), "{:?}", s);
            }
        }

        /// `find_date` as it was before it read bytes: every gap character decoded, the
        /// start judged by decoding around it, the date read by the general reader.
        #[test]
        fn find_date_agrees_with_the_character_reader(
            gap in "[ ,:\t\n\u{0B}\u{A0}\u{200B}\u{301}a1/.-]{0,4}",
            before in "[ a1/.,\u{301}\u{200B}-]{0,3}",
            date in written_date(),
        ) {
            let text = format!("{before}{gap}{date}");
            let from = before.len();
            let mut c = Cur { text: &text, pos: from };
            while c
                .peek_char()
                .is_some_and(|ch| ch.is_whitespace() || matches!(ch, ',' | ':'))
            {
                c.bump();
            }
            let slow = if starts_date_slow(&text, c.pos) {
                parse_general(&text, c.pos, Mode::Running).ok()
            } else {
                None
            };
            prop_assert_eq!(find_date(&text, from), slow, "{:?}", text);
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                prop_assert_eq!(
                    starts_date(&text, at),
                    starts_date_slow(&text, at),
                    "{:?} {}",
                    text,
                    at
                );
            }
        }
    }

    /// `dates` as it was written before it stepped over plain ASCII: every character.
    fn dates_one_by_one(text: &str) -> Vec<DateMatch> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some((_, len)) = peek_at(text, pos) {
            if starts_date(text, pos) {
                if let Ok(m) = parse_at(text, pos, Mode::Running) {
                    pos = m.span.end.max(pos + len);
                    out.push(m);
                    continue;
                }
            }
            pos += len;
        }
        out
    }

    #[test]
    fn dates_step_over_what_cannot_start_one() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
        for e in std::fs::read_dir(dir).expect("corpus") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "txt") {
                let t = std::fs::read_to_string(&p).expect("text");
                assert_eq!(dates(&t).collect::<Vec<_>>(), dates_one_by_one(&t), "{p:?}");
            }
        }
    }

    #[test]
    fn dates_step_over_ascii_as_the_character_loop_does() {
        for s in [
            "x\u{200B}26/4/2023",
            "Số: \u{200B}26/4/2023",
            "x\u{AD}ngày 26/4/2023",
            "n\u{301}gày 1/2/2020 và t\u{300}háng 3 năm 2021",
            "ngày\u{200B} 05/6/2023",
            "Số 12 ngày 7/6/2023, 3/15, 2021-2030",
        ] {
            assert_eq!(dates(s).collect::<Vec<_>>(), dates_one_by_one(s), "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn dates_match_the_character_loop(s in "[ -~]{0,6}(ngày|ng\u{AD}ày|ngày\u{301}|tháng|\u{200B}1|2\u{301}|[0-9/.,-]|N|T|a\u{300}| ){0,12}") {
            prop_assert_eq!(dates(&s).collect::<Vec<_>>(), dates_one_by_one(&s));
        }
    }

    #[test]
    fn plain_dates_are_read_on_the_fast_path() {
        for s in [
            "ngày 26/4/2023",
            "Ngày 07 tháng 6 năm 2023",
            "ngày 1 tháng 12 năm 2020,",
            "ngày 01-10-1997",
            "ngày 5.02.2019 ",
            "NGÀY 19 THÁNG 7 NĂM 2017 CỦA",
            "Ngày 19 Tháng 7 Năm 2017",
        ] {
            let fast = plain_date(s, 0).expect(s);
            assert_eq!(Some(fast), parse_general(s, 0, Mode::Running).ok(), "{s}");
        }
        for s in [
            "ngày 26 /4/2023",
            "ngày 26/4/20231",
            "ngày 26 tháng 0 6 năm 2018",
            "ngày 32/1/2020",
            "ngày 26/4-2023",
            "nga\u{300}y 26/4/2023",
        ] {
            assert!(plain_date(s, 0).is_none(), "{s}");
        }
    }
}
