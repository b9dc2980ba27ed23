//! When the document itself comes into force: `Quyết định này có hiệu lực kể từ ngày ký`,
//! `Nghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026`, `… có hiệu lực sau 10
//! ngày kể từ ngày ký` (the final article of a normative text, NĐ 30/2020 Phụ lục I).

use std::ops::Range;

use crate::citation::{Form, short_forms};
use crate::date::{VnDate, find_date};

/// The document's entry into force, as its text states it.
///
/// ```
/// let text = "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.";
/// let e = vanban::document::entry_into_force(text).unwrap();
/// assert!(e.from_signing);
/// assert_eq!(&text[e.span.clone()], "Quyết định này có hiệu lực kể từ ngày ký");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct EntryIntoForce {
    /// From the subject (`Quyết định này`) to the end of the date phrase.
    pub span: Range<usize>,
    /// The date it comes into force, when the text gives one.
    pub date: Option<VnDate>,
    /// In force from the day it is signed or issued (`kể từ ngày ký`, `ngày ban hành`).
    pub from_signing: bool,
    /// In force this many days after signing or publication (`sau 45 ngày kể từ ngày ký`;
    /// `sau 15 ngày, kể từ ngày đăng Công báo`, with `from_signing` false).
    pub days_after: Option<u32>,
}

/// The first statement in `text` that the document itself (`… này`) comes into force.
///
/// ```
/// let text = "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.";
/// let e = vanban::document::entry_into_force(text).unwrap();
/// assert_eq!(e.date.unwrap().iso(), "2026-01-01");
/// assert!(vanban::document::entry_into_force("Quyết định số 12/QĐ-UBND có hiệu lực.").is_none());
/// ```
pub fn entry_into_force(text: &str) -> Option<EntryIntoForce> {
    // `… này có hiệu lực …`; failing that, as công văn and some decisions write it, `… này
    // được áp dụng (thực hiện) từ ngày …` and `thi hành Quyết định này kể từ ngày ký`.
    stated_by(text, "có hiệu lực")
        .or_else(|| stated_by(text, "áp dụng"))
        .or_else(|| stated_by(text, ""))
}

/// [`entry_into_force`] stated by `verb` after the text's `… này` (`""`: the `… này` right
/// before `kể từ ngày` or `từ ngày`).
fn stated_by(text: &str, verb: &str) -> Option<EntryIntoForce> {
    let needle = if verb.is_empty() { "từ ngày" } else { verb };
    for at in memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()) {
        // `kể từ ngày`: read from `kể`.
        let at = if verb.is_empty() && text[..at].ends_with("kể ") {
            at - "kể ".len()
        } else {
            at
        };
        // The subject: a `… này` ending shortly before, in the same clause (looked for in
        // the few words before, not the whole text).
        let mut from = at.saturating_sub(160);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let Some(subject) = short_forms(&text[from..at])
            .filter(|s| s.form == Form::This)
            .map(|s| from + s.span.start..from + s.span.end)
            .filter(|s| {
                let reach = if verb.is_empty() { 2 } else { 120 };
                at - s.end <= reach && !text[s.end..at].contains([';', '.'])
            })
            .last()
        else {
            continue;
        };
        let mut after = at + verb.len();
        // `được áp dụng thực hiện từ ngày …`
        if verb == "áp dụng" && text[after..].starts_with(" thực hiện") {
            after += " thực hiện".len();
        }
        if let Some(e) = read_when(text, after) {
            return Some(EntryIntoForce {
                span: subject.start..e.0,
                date: e.1,
                from_signing: e.2,
                days_after: e.3,
            });
        }
    }
    None
}

/// After `có hiệu lực`: `(thi hành) (kể) từ ngày ký|ban hành|DATE`, `sau N ngày kể từ ngày
/// ký`; its end, date, whether from signing, and days after.
fn read_when(text: &str, mut pos: usize) -> Option<(usize, Option<VnDate>, bool, Option<u32>)> {
    let skip = |pos: usize, word: &str| -> Option<usize> {
        let rest = &text[pos..];
        let t = rest.trim_start_matches([' ', '\n', '\t', '*', ',']);
        let start = pos + rest.len() - t.len();
        (t.starts_with(word)
            && !t[word.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric))
        .then_some(start + word.len())
    };
    if let Some(p) = skip(pos, "thi hành") {
        pos = p;
    }
    let mut days = None;
    if let Some(p) = skip(pos, "sau") {
        let rest = text[p..].trim_start();
        let n = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let value: u32 = rest[..n].parse().ok()?;
        let p = text.len() - rest.len() + n;
        pos = skip(p, "ngày")?;
        days = Some(value);
    }
    if let Some(p) = skip(pos, "kể") {
        pos = p;
    }
    pos = skip(pos, "từ")?;
    let ngay = skip(pos, "ngày")?;
    for signing in ["ký ban hành", "ký", "ban hành", "công bố"] {
        if let Some(end) = skip(ngay, signing) {
            return Some((end, None, true, days));
        }
    }
    // `… sau 15 ngày, kể từ ngày đăng Công báo`: counted from publication, not signing.
    if let Some(end) = skip(ngay, "đăng Công báo") {
        return Some((end, None, false, days));
    }
    let m = find_date(text, pos)?;
    Some((m.span.end, Some(m.date), false, days))
}
