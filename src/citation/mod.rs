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

mod candidate;
mod fold;
mod issuer;
mod kind;
mod utf8_fold;

use candidate::*;
use fold::*;
use issuer::*;
use kind::*;

mod gap;
mod quotation;
mod relation;
pub use relation::{Relation, relation_at};
mod work;
pub use work::{named_work_uri, work_uri};
mod short_form;
pub use short_form::{
    Form, Resolution, ShortForm, resolve, resolve_for, resolve_short_forms, short_forms,
};
mod named;
pub use named::{NamedCitation, named_citations, named_citations_in};
mod pinpoint;
pub use pinpoint::{
    Item, Level, Pinpoint, PinpointGroup, ProvisionRef, Target, pinpoint_groups, pinpoints,
};
mod owned;
pub use owned::OwnedCitation;
mod recent;
use recent::{IssuerWords, ParsedNumbers};
#[cfg(feature = "parallel")]
mod parallel;
#[cfg(feature = "parallel")]
pub use parallel::{
    citations_parallel, citations_parallel_each, citations_parallel_parts, citations_parallel_with,
};

/// One reference to another document, with spans into the caller's text.
///
/// ```
/// let text = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;";
/// let c = vanban::citations(text).next().unwrap();
/// assert_eq!(c.kind, Some(vanban::DocKind::NghiDinh));
/// assert_eq!(&text[c.number_span.clone()], "30/2020/NĐ-CP");
/// assert_eq!(c.date.unwrap().iso(), "2020-03-05");
/// assert_eq!(c.issuer(), Some("Chính phủ"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
    ///
    /// ```
    /// let c = vanban::citations("theo Kế hoạch số 1530/KH-UBND ngày 26/4/2023").next().unwrap();
    /// assert_eq!(c.as_str(), "Kế hoạch số 1530/KH-UBND");
    /// ```
    pub fn as_str(&self) -> &'t str {
        &self.text[self.span.clone()]
    }

    /// The role the citation's clause gives the cited document (see [`Relation`]).
    ///
    /// ```
    /// let text = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;";
    /// let c = vanban::citations(text).next().unwrap();
    /// assert_eq!(c.relation(), vanban::citation::Relation::Basis);
    /// ```
    pub fn relation(&self) -> Relation {
        relation_at(self.text, self.span.clone())
    }

    /// The cited document's work identifier (see [`work_uri`]).
    ///
    /// ```
    /// let c = vanban::citations("theo Nghị định số 30/2020/NĐ-CP").next().unwrap();
    /// assert_eq!(c.work_uri(), "/akn/vn/act/nghi-dinh/2020/30-2020-nd-cp");
    /// ```
    pub fn work_uri(&self) -> String {
        work_uri(&self.number, self.kind, self.date)
    }

    /// The kind's name as written (`Kế hoạch`, `NGHỊ ĐỊNH`).
    ///
    /// ```
    /// let c = vanban::citations("theo Kế hoạch số 1530/KH-UBND").next().unwrap();
    /// assert_eq!(c.kind_text(), Some("Kế hoạch"));
    /// ```
    pub fn kind_text(&self) -> Option<&'t str> {
        self.kind_span.clone().map(|s| &self.text[s])
    }

    /// The date as written.
    ///
    /// ```
    /// let c = vanban::citations("Kế hoạch số 1530/KH-UBND ngày 26/4/2023").next().unwrap();
    /// assert_eq!(c.date_text(), Some("ngày 26/4/2023"));
    /// ```
    pub fn date_text(&self) -> Option<&'t str> {
        self.date_span.clone().map(|s| &self.text[s])
    }

    /// The issuer phrase (`Chính phủ`, `UBND tỉnh`).
    ///
    /// ```
    /// let c = vanban::citations("Kế hoạch số 1530/KH-UBND ngày 26/4/2023 của UBND tỉnh").next().unwrap();
    /// assert_eq!(c.issuer(), Some("UBND tỉnh"));
    /// ```
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
    ///
    /// ```
    /// let own: vanban::DocNumber = "08/2013/QĐ-TTg".parse().unwrap();
    /// let c = vanban::citations("Quyết định số 8/2013/QĐ-TTg").next().unwrap();
    /// assert!(c.is_self_reference(&own));
    /// ```
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
///
/// ```
/// let text = "Thực hiện Kế hoạch số 1530/KH-UBND ngày 26/4/2023; Báo cáo số 198, 199/BC-UBND.";
/// let cited: Vec<String> = vanban::citations(text).map(|c| c.number.to_string()).collect();
/// assert_eq!(cited, ["1530/KH-UBND", "198/BC-UBND", "199/BC-UBND"]);
/// // Lower case, as portal lists write it, with the irregularity kept.
/// let c = vanban::citations("thông tư số 07/2022/tt-btttt").next().unwrap();
/// assert_eq!(c.number.to_string(), "07/2022/TT-BTTTT");
/// ```
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
    scan_marks(text.as_bytes()).invisible
}

/// What one byte search of a text for the lead bytes of its rare characters tells.
struct Marks {
    /// An invisible character is there ([`has_invisible`]).
    invisible: bool,
    /// A separator beyond ASCII is there ([`has_unicode_separator`]), when no invisible
    /// character is: the search stops at the first of those.
    unicode_separator: bool,
}

/// [`Marks`] of `b`, in one pass: the search for invisible characters finds the lead byte
/// of the separators beyond ASCII as well, which [`candidates`] would look for again.
fn scan_marks(b: &[u8]) -> Marks {
    // By their UTF-8 lead bytes (E2 for U+200B–U+2060, EF for U+FEFF, C2 for U+00AD): a
    // byte search, where a search by characters would decode the whole text.
    let mut unicode_separator = false;
    for i in memchr::memchr3_iter(0xE2, 0xEF, 0xC2, b) {
        let invisible = matches!(
            b.get(i..i + 3),
            Some([0xE2, 0x80, 0x8B..=0x8D] | [0xE2, 0x81, 0xA0] | [0xEF, 0xBB, 0xBF])
        ) || b.get(i..i + 2) == Some(&[0xC2, 0xAD]);
        if invisible {
            return Marks {
                invisible,
                unicode_separator,
            };
        }
        unicode_separator |= is_unicode_separator_at(b, i);
    }
    Marks {
        invisible: false,
        unicode_separator,
    }
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
    let marks = scan_marks(near.as_bytes());
    if !marks.invisible {
        // `near` holds `within`: a separator found in it may lie outside, which makes the
        // search only look for one in vain.
        return find_all_with(text, within, Some(marks.unicode_separator));
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
///
/// ```
/// let mut it: vanban::Citations<'_> = vanban::citations("Công văn số 12/UBND-VX");
/// assert!(it.next().is_some() && it.next().is_none());
/// ```
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
    find_all_with(s, within, None)
}

/// [`find_all`], with whether `s[within]` may hold a separator beyond ASCII when it is known.
fn find_all_with(s: &str, within: Range<usize>, unicode: Option<bool>) -> Vec<Citation<'_>> {
    if within.len() > LARGE_TEXT {
        return find_all_by(s, within, STRETCH);
    }
    let unicode = unicode.unwrap_or_else(|| has_unicode_separator(&s.as_bytes()[within.clone()]));
    read_all(s, candidates_with(s, within, unicode))
}

/// [`find_all`], reading the candidates `stretch` bytes of text at a time (all at once for
/// `usize::MAX`).
fn find_all_by(s: &str, within: Range<usize>, stretch: usize) -> Vec<Citation<'_>> {
    if stretch != usize::MAX {
        return Stretches::new(s, within, stretch).collect();
    }
    read_all(s, candidates(s, within))
}

/// The citations of every candidate of `found`.
fn read_all<'t>(s: &'t str, found: Candidates<'_>) -> Vec<Citation<'t>> {
    // The candidates are found first, then read: the scan's loop and the readings' code run
    // apart, each hot in the caches, rather than taking turns (measured 7% faster on 3.4 MB,
    // `citations/large`).
    let all: Vec<Range<usize>> = found.collect();
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
    let mut parsed = ParsedNumbers::new();
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
        let Some(number) = parsed.parse(s, start..end) else {
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
    let mut words = IssuerWords::new();
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
        let (mut date, mut date_span, issuer_span) =
            date_and_issuer(s, c.number_span.end, &mut words);
        if date.is_none()
            && let Some(m) = date_before(s, c.span.start)
        {
            date = Some(m.date);
            date_span = Some(m.span);
        }
        c.date = date;
        c.date_span = date_span;
        c.issuer_span = issuer_span;
    }
}

/// `Tờ trình số 357/TTr-CP và Đề án số 358/ĐA-CP ngày 09/5/2025`: one date written after a
/// list of numbers is the date of each (the annotators' rule, and the reading a clerk makes).
/// The first `held` citations of `out` were read before and have no date (see
/// [`Stretches`]).
fn share_dates<'t, C: std::borrow::BorrowMut<Citation<'t>>>(s: &str, out: &mut [C], held: usize) {
    // How many numbers back the date of `out[i + 1]` was passed (0: its own, or none).
    let mut passed = 0;
    for i in (0..out.len().saturating_sub(1)).rev() {
        // The first `held` citations have no date: one takes a date only from the next.
        if i + 1 < held && out[i + 1].borrow().date.is_none() {
            break;
        }
        let next = std::mem::take(&mut passed);
        let (this, after) = (out[i].borrow(), out[i + 1].borrow());
        if this.date.is_some() || after.date.is_none() || next == LIST_REACH {
            continue;
        }
        let (a, b) = (this.number_span.end, after.span.start);
        if b < a || b - a > 16 {
            continue;
        }
        let gap = fold_window(s, a, b);
        if matches!(
            gap.text().trim_matches([' ', '\n', '*']),
            "," | "va" | ", va"
        ) {
            out[i].borrow_mut().date = out[i + 1].borrow().date;
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
    pub(super) fn corpus() -> Vec<String> {
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
    fn remembered_issuer_words_answer_as_the_lookup() {
        // Every word of the corpus, twice over, through one cache of a few slots: each
        // answer from a slot is the lookup's, whatever words shared the slot before.
        let all = corpus().concat();
        let mut words = IssuerWords::new();
        let mut asked = 0;
        for _ in 0..2 {
            for w in all.split_whitespace() {
                assert_eq!(words.is_issuer_word(w), is_issuer_word(w), "{w:?}");
                asked += 1;
            }
        }
        assert!(asked > 100_000, "{asked} words");
    }

    #[test]
    fn repeated_numbers_parse_as_once() {
        let all = corpus().concat();
        let mut parsed = ParsedNumbers::new();
        let mut numbers = 0;
        for _ in 0..2 {
            for c in candidates(&all, 0..all.len()) {
                let direct = all[c.clone()].parse::<DocNumber>().ok();
                assert_eq!(parsed.parse(&all, c.clone()), direct, "{:?}", &all[c]);
                numbers += 1;
            }
        }
        assert!(numbers > 1000, "{numbers} numbers");
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
