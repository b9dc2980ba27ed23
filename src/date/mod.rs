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

mod grammar;
mod place;
mod running;

use grammar::*;
pub use place::{PlaceDate, parse_place_date};
pub(crate) use running::impossible_dates;
pub use running::{Dates, dates, find_date};

/// The earliest year accepted; older "dates" in this corpus are OCR noise or numbers.
///
/// ```
/// assert!("ngày 1 tháng 1 năm 1800".parse::<vanban::VnDate>().is_err());
/// assert!(vanban::date::MIN_YEAR <= 1945);
/// ```
pub const MIN_YEAR: u16 = 1900;
/// The latest year accepted.
///
/// ```
/// assert!(vanban::date::MAX_YEAR >= 2100);
/// ```
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
    ///
    /// ```
    /// let e = "ngày 5 tháng".parse::<vanban::VnDate>().unwrap_err();
    /// assert!(e.offset() <= "ngày 5 tháng".len());
    /// ```
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
///
/// ```
/// use vanban::{DateIrregularity, find_date};
/// let m = find_date("ngày 5 tháng 3 năm 2020", 0).unwrap();
/// assert!(m.has(DateIrregularity::MissingLeadingZero));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
///
/// ```
/// let text = "Hà Nội, ngày 05 tháng 3 năm 2020";
/// let m = vanban::dates(text).next().unwrap();
/// assert_eq!(&text[m.span.clone()], "ngày 05 tháng 3 năm 2020");
/// assert_eq!(m.date.iso(), "2020-03-05");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
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
    ///
    /// ```
    /// use vanban::{DateIrregularity, find_date};
    /// let m = find_date("ngày 05 tháng 03 năm 2020", 0).unwrap();
    /// assert!(!m.has(DateIrregularity::MissingLeadingZero));
    /// ```
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
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
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
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(DateError::ExpectedMonth { offset: at });
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
    ///
    /// ```
    /// let d: vanban::VnDate = "13/6/2023".parse().unwrap();
    /// assert_eq!(d.year(), 2023);
    /// ```
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month (1–12), if known.
    ///
    /// ```
    /// let d: vanban::VnDate = "tháng 6 năm 2023".parse().unwrap();
    /// assert_eq!((d.month(), d.day()), (Some(6), None));
    /// ```
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    ///
    /// ```
    /// let d: vanban::VnDate = "13/6/2023".parse().unwrap();
    /// assert_eq!(d.day(), Some(13));
    /// ```
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// Whether year, month and day are all known.
    ///
    /// ```
    /// use vanban::VnDate;
    /// assert!("13/6/2023".parse::<VnDate>().unwrap().is_complete());
    /// assert!(!"tháng 6 năm 2023".parse::<VnDate>().unwrap().is_complete());
    /// ```
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
        let (b, n) = self.iso_bytes();
        String::from_utf8_lossy(&b[..n]).into_owned()
    }

    /// [`VnDate::iso`] on the stack: its bytes and how many there are (for writing a date
    /// per citation without a string made for each).
    fn iso_bytes(&self) -> ([u8; 10], usize) {
        let mut b = [0u8; 10];
        let digits = |b: &mut [u8], v: u32| {
            let mut v = v;
            for x in b.iter_mut().rev() {
                *x = b'0' + (v % 10) as u8;
                v /= 10;
            }
        };
        // A year has four digits: `check_year` keeps it in `MIN_YEAR..=MAX_YEAR`.
        digits(&mut b[..4], u32::from(self.year));
        let mut n = 4;
        if let Some(m) = self.month {
            b[4] = b'-';
            digits(&mut b[5..7], u32::from(m));
            n = 7;
            if let Some(d) = self.day {
                b[7] = b'-';
                digits(&mut b[8..10], u32::from(d));
                n = 10;
            }
        }
        (b, n)
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
        let (b, n) = self.iso_bytes();
        // ASCII digits and dashes only.
        serializer.serialize_str(std::str::from_utf8(&b[..n]).unwrap_or_default())
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

#[cfg(test)]
mod tests {
    use super::running::*;
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
            if starts_date(text, pos)
                && let Ok(m) = parse_at(text, pos, Mode::Running)
            {
                pos = m.span.end.max(pos + len);
                out.push(m);
                continue;
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
