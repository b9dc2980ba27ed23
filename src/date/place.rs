//! The place-date line of a header (`Lai Châu, ngày 13 tháng 6 năm 2023`, NĐ 30/2020,
//! Điều 8.4).

use super::*;

/// The "địa danh và thời gian" line of a document header (NĐ 30/2020 Điều 8, Phụ lục I).
///
/// ```
/// let line = "Lai Châu, ngày 13 tháng 6 năm 2023";
/// let p = vanban::parse_place_date(line).unwrap();
/// assert_eq!(p.place, "Lai Châu");
/// assert_eq!(p.date.iso(), "2023-06-13");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
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
    ///
    /// ```
    /// let line = "*Lai Châu, ngày 13 tháng 6 năm 2023*";
    /// let p = vanban::parse_place_date(line).unwrap();
    /// assert_eq!(&line[p.span()], "Lai Châu, ngày 13 tháng 6 năm 2023");
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.place_span.start..self.date_span.end
    }
}

/// Longer "places" are sentences, not place names (`Thành phố Hồ Chí Minh` has five words).
pub(super) const MAX_PLACE_WORDS: usize = 8;

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

pub(super) fn place_before(line: &str, date_start: usize) -> Option<(Range<usize>, bool)> {
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
        let f = crate::text::fold_key(w);
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
                || crate::text::fold_key(w) == "pho"
        })
    {
        return None;
    }
    Some((start..end, has_comma))
}
