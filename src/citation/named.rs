//! Documents cited by title, without a number: the laws, codes, ordinances and the
//! constitution that legal bases and bodies name (`Căn cứ Luật Tổ chức chính quyền địa
//! phương ngày 19 tháng 6 năm 2015`, `Bộ luật Lao động 2019`, `Luật sửa đổi, bổ sung một số
//! điều của Luật Đất đai`, `Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam`).
//!
//! A title is read word by word after its kind's name, up to its date or year, a clause's
//! punctuation, or a word that no title of a law continues with (`của`, `được`, `quy định`
//! …). Titles of amending laws (`Luật sửa đổi, bổ sung …`) run over `của` and `và Luật`.

use std::ops::Range;

use super::gap::{is_gap, skip_gap};
use crate::catalog::DocKind;
use crate::date::{VnDate, find_date};

/// A document cited by its title and kind, without a number.
///
/// ```
/// let text = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;";
/// let c = vanban::citation::named_citations(text).next().unwrap();
/// assert_eq!(c.kind, vanban::DocKind::Luat);
/// assert_eq!(c.title(), "Tổ chức chính quyền địa phương");
/// assert_eq!(c.date.unwrap().iso(), "2015-06-19");
/// assert_eq!(c.as_str(), "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct NamedCitation<'t> {
    text: &'t str,
    /// The whole mention: the kind's name, the title and its date or year.
    pub span: Range<usize>,
    /// Hiến pháp, Bộ luật, Luật or Pháp lệnh.
    pub kind: DocKind,
    /// Where the kind's name is written (`Luật`, `Bộ luật`).
    pub kind_span: Range<usize>,
    /// Where the title is (`Tổ chức chính quyền địa phương`).
    pub title_span: Range<usize>,
    /// The date written after the title, or its year alone (`Luật Đất đai năm 2024`).
    pub date: Option<VnDate>,
    /// Where that date or year is.
    pub date_span: Option<Range<usize>>,
}

impl<'t> NamedCitation<'t> {
    /// The mention as written.
    ///
    /// ```
    /// let c = vanban::citation::named_citations("theo Bộ luật Lao động 2019.").next().unwrap();
    /// assert_eq!(c.as_str(), "Bộ luật Lao động 2019");
    /// ```
    pub fn as_str(&self) -> &'t str {
        &self.text[self.span.clone()]
    }

    /// The title as written, without the kind's name.
    ///
    /// ```
    /// let c = vanban::citation::named_citations("Căn cứ Luật Đất đai năm 2024;").next().unwrap();
    /// assert_eq!(c.title(), "Đất đai");
    /// assert_eq!(c.date.unwrap().iso(), "2024");
    /// ```
    pub fn title(&self) -> &'t str {
        &self.text[self.title_span.clone()]
    }

    /// The kind's name as written.
    ///
    /// ```
    /// let c = vanban::citation::named_citations("Bộ Luật Lao động").next().unwrap();
    /// assert_eq!(c.kind_text(), "Bộ Luật");
    /// ```
    pub fn kind_text(&self) -> &'t str {
        &self.text[self.kind_span.clone()]
    }

    /// The role the citation's clause gives the named document (see
    /// [`Relation`](super::Relation)).
    ///
    /// ```
    /// let c = vanban::citation::named_citations("Căn cứ Luật Đất đai năm 2024;").next().unwrap();
    /// assert_eq!(c.relation(), vanban::citation::Relation::Basis);
    /// ```
    pub fn relation(&self) -> super::Relation {
        super::relation_at(self.text, self.span.clone())
    }

    /// The named document's work identifier (see [`named_work_uri`](super::named_work_uri)).
    ///
    /// ```
    /// let c = vanban::citation::named_citations("Bộ luật Lao động 2019").next().unwrap();
    /// assert_eq!(c.work_uri(), "/akn/vn/act/bo-luat/2019/lao-dong");
    /// ```
    pub fn work_uri(&self) -> String {
        super::named_work_uri(self.kind, self.title(), self.date)
    }

    /// The date as written, if any.
    ///
    /// ```
    /// let c = vanban::citation::named_citations("Luật Thương mại ngày 14/6/2005").next().unwrap();
    /// assert_eq!(c.date_text(), Some("ngày 14/6/2005"));
    /// ```
    pub fn date_text(&self) -> Option<&'t str> {
        self.date_span.clone().map(|s| &self.text[s])
    }
}

/// Serialized as `{kind, title, date, span, kind_span, title_span, date_span, text, relation,
/// work}`
/// (spans as `{start, end}` byte offsets).
#[cfg(feature = "serde")]
impl serde::Serialize for NamedCitation<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct View<'a> {
            kind: DocKind,
            title: &'a str,
            date: Option<VnDate>,
            span: &'a Range<usize>,
            kind_span: &'a Range<usize>,
            title_span: &'a Range<usize>,
            date_span: &'a Option<Range<usize>>,
            text: &'a str,
            relation: super::Relation,
            work: String,
        }
        View {
            kind: self.kind,
            title: self.title(),
            date: self.date,
            span: &self.span,
            kind_span: &self.kind_span,
            title_span: &self.title_span,
            date_span: &self.date_span,
            text: self.as_str(),
            relation: self.relation(),
            work: self.work_uri(),
        }
        .serialize(s)
    }
}

/// The documents `text` cites by title (see [`NamedCitation`]), in the order of the text.
///
/// A name followed by `số` and a number is left to [`citations`](crate::citations), as are
/// `Luật này`, `Luật nêu trên` (the text itself, a document named before), `pháp luật`,
/// `Luật sư`. The text is read as written (NFC, as the document model gives it); a title
/// broken over lines, with Markdown emphasis inside, is read across them.
///
/// ```
/// let text = "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\
///             Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n\
///             Căn cứ Luật số 80/2015/QH13; theo quy định của pháp luật.";
/// let titles: Vec<&str> = vanban::citation::named_citations(text).map(|c| c.title()).collect();
/// assert_eq!(titles, ["nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Tổ chức Chính phủ"]);
/// ```
pub fn named_citations(text: &str) -> impl Iterator<Item = NamedCitation<'_>> {
    named_citations_in(text, 0..text.len())
}

/// The [`named_citations`] of `text` whose name starts in `within`, each read in the whole
/// text (its title or date may run past `within`): for callers that read a long text in
/// stretches, on several cores. Over stretches that no named citation runs across (cut after
/// a line ending a sentence, as `citations_parallel_with` of the `parallel` feature cuts
/// them), their concatenation is `named_citations(text)`.
///
/// ```
/// let text = "Căn cứ Luật Đất đai năm 2024;\nCăn cứ Bộ luật Lao động 2019;\n";
/// let cut = text.find("Căn cứ Bộ").unwrap();
/// let first: Vec<_> = vanban::citation::named_citations_in(text, 0..cut).collect();
/// let second: Vec<_> = vanban::citation::named_citations_in(text, cut..text.len()).collect();
/// assert_eq!(first[0].title(), "Đất đai");
/// assert_eq!(second[0].title(), "Lao động");
/// assert_eq!(second[0].span.start, cut + "Căn cứ ".len());
/// ```
pub fn named_citations_in(
    text: &str,
    within: Range<usize>,
) -> impl Iterator<Item = NamedCitation<'_>> {
    let end = within.end.min(text.len());
    let start = within.start.min(end);
    let mut found: Vec<NamedCitation<'_>> = read_in(text, start..end).collect();
    // A name in decomposed form (`Luật` as `Lua`, two combining marks and `t`, as some
    // systems write it) is read composed, in a window around it, its spans mapped back.
    let windows = decomposed_windows(text, start..end);
    if !windows.is_empty() {
        for w in windows {
            found.extend(read_composed(text, w, start..end));
        }
        // A stable sort keeps the mention read as written before the same one read composed.
        found.sort_by_key(|c| c.span.start);
        found.dedup_by_key(|c| c.span.start);
    }
    found.into_iter()
}

/// The decomposed forms of the words every name holds (`uật`, `lệnh`, `Hiến`, in NFD's
/// order of marks), in lower case and in capitals.
const DECOMPOSED: [&str; 6] = [
    "ua\u{323}\u{302}t",
    "UA\u{323}\u{302}T",
    "e\u{323}\u{302}nh",
    "E\u{323}\u{302}NH",
    "ie\u{302}\u{301}n",
    "IE\u{302}\u{301}N",
];

/// The windows of `text` to read composed for the names in decomposed form starting in
/// `within`: around each such word, room for what a mention reads before its name (`Bộ`,
/// the sentence) and after it (its title, issuer and date), overlapping ones merged. Most
/// texts have none: a few byte searches tell.
fn decomposed_windows(text: &str, within: Range<usize>) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let hi = (within.end + 16).min(b.len());
    if !super::fold::has_combining_marks(&b[within.start..hi]) {
        return Vec::new();
    }
    // Found by their pairs of marks (dot below and circumflex, circumflex and acute), then
    // the letters around them.
    let hay = &b[within.start..hi];
    let mut at: Vec<usize> = ["\u{323}\u{302}", "\u{302}\u{301}"]
        .iter()
        .flat_map(|marks| {
            memchr::memmem::find_iter(hay, marks.as_bytes()).filter_map(move |i| {
                DECOMPOSED.iter().find_map(|w| {
                    let m = w.find(marks)?;
                    let s = i.checked_sub(m)?;
                    hay[s..]
                        .starts_with(w.as_bytes())
                        .then_some(within.start + s)
                })
            })
        })
        .collect();
    at.sort_unstable();
    let mut windows: Vec<Range<usize>> = Vec::new();
    for a in at {
        let lo = super::fold::ceil_boundary(text, a.saturating_sub(256));
        let up = super::fold::floor_boundary(text, (a + 1024).min(text.len()));
        match windows.last_mut() {
            Some(w) if lo <= w.end => w.end = w.end.max(up),
            _ => windows.push(lo..up),
        }
    }
    windows
}

/// The named citations of `text[window]`, read composed (NFC), starting in `within`, with
/// their spans in `text`.
fn read_composed(text: &str, window: Range<usize>, within: Range<usize>) -> Vec<NamedCitation<'_>> {
    let lo = window.start;
    let norm = crate::text::Normalized::with_options(&text[window], crate::text::Options::new());
    let n = norm.as_str();
    let map = |r: &Range<usize>| {
        let o = norm.original_span(r.clone());
        lo + o.start..lo + o.end
    };
    read_in(n, 0..n.len())
        .filter_map(|c| {
            let span = map(&c.span);
            within.contains(&span.start).then(|| NamedCitation {
                text,
                span,
                kind: c.kind,
                kind_span: map(&c.kind_span),
                title_span: map(&c.title_span),
                date: c.date,
                date_span: c.date_span.as_ref().map(map),
            })
        })
        .collect()
}

/// [`named_citations_in`] of a composed text.
fn read_in(text: &str, within: Range<usize>) -> impl Iterator<Item = NamedCitation<'_>> {
    let end = within.end.min(text.len());
    let start = within.start.min(end);
    // Every name ends in `luật`/`Luật` (`uật`, a byte after the name's start), `Pháp lệnh`
    // or `Hiến pháp`: looked for a name's length past `within`, for names starting in it.
    let b = &text.as_bytes()[start..(end + "Pháp lệnh".len()).min(text.len())];
    let inside = move |at: &usize| (start..end).contains(at);
    let luat = memchr::memmem::find_iter(b, "uật".as_bytes())
        .filter_map(move |i| (start + i).checked_sub(1))
        .filter(inside);
    let lenh = memchr::memmem::find_iter(b, "Pháp lệnh".as_bytes())
        .map(move |i| start + i)
        .filter(inside);
    let hien = memchr::memmem::find_iter(b, "Hiến pháp".as_bytes())
        .map(move |i| start + i)
        .filter(inside);
    let mut starts: Vec<usize> = luat.chain(lenh).chain(hien).collect();
    starts.sort_unstable();
    let mut last_end = 0;
    starts.into_iter().filter_map(move |at| {
        if at < last_end {
            return None;
        }
        let c = read_at(text, at)?;
        last_end = c.span.end;
        Some(c)
    })
}

/// The kind named at `at` and where its name ends.
fn kind_at(text: &str, at: usize) -> Option<(DocKind, Range<usize>)> {
    let rest = &text[at..];
    let before = text[..at].chars().next_back();
    if before.is_some_and(char::is_alphanumeric) {
        return None;
    }
    if rest.starts_with("Hiến pháp") {
        return Some((DocKind::HienPhap, at..at + "Hiến pháp".len()));
    }
    if rest.starts_with("Pháp lệnh") {
        return Some((DocKind::PhapLenh, at..at + "Pháp lệnh".len()));
    }
    let upper = rest.starts_with("Luật");
    if !upper && !rest.starts_with("luật") {
        return None;
    }
    let end = at + "Luật".len();
    // `Bộ luật`, `Bộ Luật`, `BỘ LUẬT` aside: the code's name starts at `Bộ`.
    let head = &text[..at];
    for bo in ["Bộ ", "bộ "] {
        if let Some(h) = head.strip_suffix(bo) {
            if h.chars().next_back().is_some_and(char::is_alphanumeric) {
                return None;
            }
            return Some((DocKind::BoLuat, h.len()..end));
        }
    }
    // `pháp luật`, `Pháp luật`: the law in general.
    if head.ends_with("háp ") {
        return None;
    }
    Some((DocKind::Luat, at..end))
}

/// Words that a title does not start with: the name is not a title's (`Luật này`, `Luật sư`,
/// `luật định`, `Luật số …`). In byte order, for a binary search (a test checks it).
const NOT_A_TITLE: &[&str] = &[
    "cho", "chuyên", "chơi", "các", "có", "cũ", "của", "gia", "hiện", "hoặc", "học", "khác",
    "không", "kinh", "là", "lệ", "lệnh", "mới", "ngày", "này", "nêu", "nói", "năm", "nước", "pháp",
    "phải", "quy", "rừng", "sư", "sẽ", "số", "theo", "thì", "thơ", "trong", "trên", "tại", "tục",
    "và", "về", "với", "đã", "đó", "được", "định",
];

/// Words a title never goes on with: what follows a title in a sentence. In byte order, for
/// a binary search (a test checks it).
const ENDS_A_TITLE: &[&str] = &[
    "bao", "báo", "cho", "các", "có", "cũng", "của", "do", "giai", "gồm", "hiện", "hoặc", "hướng",
    "khi", "không", "là", "mà", "nay", "ngày", "như", "nhưng", "nhằm", "những", "này", "nêu",
    "nói", "năm", "phải", "quy", "sau", "sẽ", "số", "theo", "thuộc", "thì", "trong", "trên",
    "trước", "tại", "từ", "và", "vẫn", "về", "đang", "đã", "đó", "được", "đảm", "đến", "đều", "để",
    "đối",
];

/// A word of at most eight bytes as one integer whose order is the words' byte order: its
/// bytes from the most significant, padded with zeros, then its length (`ab` before `ab\0`);
/// `u128::MAX` for a longer word. The stop lists are searched by these, one compare a step,
/// rather than by strings (a call to compare bytes at every step). Not the relation reader's
/// packed words: those are folded ASCII letters, compared for equality only; a title's words
/// are any bytes (`của` and `của\0` differ) and searched by halves, so the key keeps order
/// and length.
const fn word_key(w: &str) -> u128 {
    let b = w.as_bytes();
    if b.len() > 8 {
        return u128::MAX;
    }
    let mut k = 0u64;
    let mut j = 0;
    while j < 8 {
        k = k << 8 | if j < b.len() { b[j] as u64 } else { 0 };
        j += 1;
    }
    (k as u128) << 8 | b.len() as u128
}

/// The [`word_key`]s of a stop list, in its order (byte order: the keys' order too).
const fn word_keys<const N: usize>(list: &[&str]) -> [u128; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        // No stop word is longer than eight bytes: each has a key of its own.
        assert!(list[i].len() <= 8);
        out[i] = word_key(list[i]);
        i += 1;
    }
    out
}

/// [`NOT_A_TITLE`] and [`ENDS_A_TITLE`] as [`word_key`]s.
static NOT_A_TITLE_KEYS: [u128; NOT_A_TITLE.len()] = word_keys(NOT_A_TITLE);
static ENDS_A_TITLE_KEYS: [u128; ENDS_A_TITLE.len()] = word_keys(ENDS_A_TITLE);

/// Whether `word` is one of the stop list whose keys are `keys`.
fn is_stop_word(keys: &[u128], word: &str) -> bool {
    word.len() <= 8 && keys.binary_search(&word_key(word)).is_ok()
}

/// Most words a title has (amending laws' titles name the laws they amend).
const MAX_TITLE_WORDS: usize = 16;
const MAX_AMENDING_WORDS: usize = 48;

/// The next word at or after `pos` (`None` past a blank line or the end).
fn next_word(text: &str, pos: usize) -> Option<Range<usize>> {
    let start = skip_gap(text, pos)?;
    let len = text[start..].find(is_gap).unwrap_or(text.len() - start);
    (len > 0).then(|| start..start + len)
}

/// Whether the word before `at` is one that cites a law after it (`của`, `theo`, `tại`, `căn
/// cứ`): in a text written all in lower case (`… hướng dẫn thi hành một số điều của luật
/// đầu tư`), `luật` and a title in lower case name a law there, where elsewhere it is a
/// word of its own (`kỷ luật`, `công ty luật trách nhiệm hữu hạn`).
fn cites_before(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t', '\n', '\r', '*', '_']);
    let word = &before[before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    })..];
    matches!(word, "của" | "theo" | "tại" | "cứ")
}

/// Whether a law's name follows `pos` (`Luật Đất đai`, `Pháp lệnh …`, `các luật có liên
/// quan`, `37 luật`): what an amending title's `của` goes on to.
fn amended_law_follows(text: &str, pos: usize) -> bool {
    let Some(n) = next_word(text, pos) else {
        return false;
    };
    let is_law = |w: &str| {
        let k = w.to_lowercase();
        matches!(k.as_str(), "luật" | "bộ" | "pháp" | "hiến" | "nghị")
    };
    let w = &text[n.clone()];
    // `của các luật …`, `của 37 luật có liên quan đến quy hoạch`.
    let counts = w.to_lowercase() == "các" || w.bytes().all(|b| b.is_ascii_digit());
    is_law(w) || counts && next_word(text, n.end).is_some_and(|m| is_law(&text[m]))
}

/// The punctuation a word of a title may carry: it ends the title after that word.
const TRAILING: [char; 7] = [',', ';', '.', ':', ')', '”', '"'];

/// A year of a law written after its title: four digits from 1945 on.
fn year_of(word: &str) -> Option<u16> {
    let y: u16 = (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())??;
    (1945..=2100).contains(&y).then_some(y)
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_kind_word(w: &str) -> bool {
    matches!(
        w,
        "Luật" | "Bộ" | "Pháp" | "Hiến" | "Nghị" | "Thông" | "Quyết"
    )
}

/// The named citation whose kind's name starts at `at`, if a title follows it.
fn read_at(text: &str, at: usize) -> Option<NamedCitation<'_>> {
    let (kind, kind_span) = kind_at(text, at)?;
    if in_a_name(text, kind_span.start) {
        return None;
    }
    let lower_kind = text[kind_span.clone()]
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    let first = next_word(text, kind_span.end)?;
    if first.start == kind_span.end {
        return None;
    }
    let w0 = text[first.clone()].trim_end_matches([',', ';', '.', ':', ')', '”', '"', '’']);
    let w0_lower = crate::text::lower_case(w0);
    // The constitution needs no title (`Căn cứ Hiến pháp năm 2013;`).
    if kind == DocKind::HienPhap && w0 != "nước" && !starts_upper(w0) {
        let (date, date_span) = match year_after(text, kind_span.end) {
            Some((d, s)) => (Some(d), Some(s)),
            None => (None, None),
        };
        let end = date_span.as_ref().map_or(kind_span.end, |s| s.end);
        return Some(NamedCitation {
            text,
            span: kind_span.start..end,
            kind,
            title_span: kind_span.end..kind_span.end,
            kind_span,
            date,
            date_span,
        });
    }
    // A law named by its date alone (`được sửa đổi, bổ sung bởi Luật ngày 25 tháng 6 năm
    // 2025`).
    if kind == DocKind::Luat
        && w0.to_lowercase() == "ngày"
        && let Some(m) = find_date(text, kind_span.end)
    {
        return Some(NamedCitation {
            text,
            span: kind_span.start..m.span.end,
            kind,
            title_span: kind_span.end..kind_span.end,
            kind_span,
            date: Some(m.date),
            date_span: Some(m.span),
        });
    }
    if w0.is_empty()
        || is_stop_word(&NOT_A_TITLE_KEYS, &w0_lower)
            && !(kind == DocKind::HienPhap && w0 == "nước")
        || w0.starts_with(|c: char| c.is_ascii_digit() || !c.is_alphabetic())
        || (lower_kind && !starts_upper(w0) && !(kind == DocKind::Luat && cites_before(text, at)))
    {
        return None;
    }
    let amending = w0_lower == "sửa";
    let max = if amending {
        MAX_AMENDING_WORDS
    } else {
        MAX_TITLE_WORDS
    };
    let mut title_end = kind_span.end;
    let mut word = Some(first);
    let mut words = 0;
    let mut date = None;
    let mut issuer_between = false;
    while let Some(w) = word.take() {
        let raw = &text[w.clone()];
        let plain = raw.trim_end_matches([',', ';', '.', ':', '!', '?', ')', '”', '"']);
        let lower = crate::text::lower_case(plain);
        if words > 0 {
            if year_of(plain).is_some() || lower == "năm" {
                date = year_after(text, title_end);
                // A stray `năm` before the date (`… địa phương năm⏎ngày 16/6/2025`, as
                // several texts of 2025 write it).
                if date.is_none()
                    && let Some(n) = next_word(text, w.end)
                    && text[n.clone()].to_lowercase() == "ngày"
                {
                    date = find_date(text, n.start).map(|m| (m.date, m.span));
                }
                break;
            }
            if lower == "ngày" {
                if let Some(m) = find_date(text, title_end) {
                    date = Some((m.date, m.span));
                }
                break;
            }
            if lower == "số"
                && next_word(text, w.end)
                    .is_some_and(|n| text[n].starts_with(|c: char| c.is_ascii_digit()))
            {
                // A number after the title: a numbered citation's (`Luật Đất đai số 45/2013/QH13`).
                return None;
            }
            // An amending title goes on over `của` to the laws it amends (`… một số điều của
            // Luật Đất đai`, `… của các luật có liên quan`); otherwise `của` names its issuer
            // (`Pháp lệnh sửa đổi, bổ sung Pháp lệnh … của Ủy ban thường vụ Quốc hội`).
            let amends_of = amending && lower == "của" && amended_law_follows(text, w.end);
            if matches!(&*lower, "của" | "được" | "do") && !amends_of {
                date = date_after_issuer(text, w.start);
                issuer_between = date.is_some();
                break;
            }
            // A header read as one line: the place and date after the subject (`… Luật BHYT
            // Hà Nội, ngày …`).
            if starts_upper(plain) && place_date_at(text, w.start) {
                break;
            }
            let goes_on = match &*lower {
                // `Luật sửa đổi, bổ sung một số điều của Luật …`
                "của" | "số" if amending => true,
                // `Pháp lệnh Ưu đãi người có công với cách mạng`
                "có" => next_word(text, w.end).is_some_and(|n| {
                    let next = text[n].trim_end_matches(TRAILING).to_lowercase();
                    // `… của các luật có liên quan đến quy hoạch`
                    next == "công" || amending && next == "liên"
                }),
                "đến" => {
                    amending
                        && text[..title_end]
                            .rsplit(' ')
                            .next()
                            .unwrap_or("")
                            .to_lowercase()
                            == "quan"
                }
                // `… người có công với cách mạng`, not `Luật Thương mại với 2 nhóm vấn đề`.
                "với" => next_word(text, w.end)
                    .is_some_and(|n| !text[n].starts_with(|c: char| c.is_ascii_digit())),
                // `Luật Ban hành văn bản quy phạm pháp luật`
                "quy" => next_word(text, w.end).is_some_and(|n| {
                    // `quy phạm pháp luật`, `quy hoạch`; not `quy định`
                    matches!(
                        text[n].trim_end_matches(TRAILING).to_lowercase().as_str(),
                        "phạm" | "hoạch"
                    )
                }),
                // `Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân`; in an amending
                // title, `và Luật Tổ chức chính quyền địa phương`.
                "và" => next_word(text, w.end).is_some_and(|n| {
                    let nw = &text[n];
                    starts_upper(nw) && (!is_kind_word(nw) || amending)
                }),
                _ => !is_stop_word(&ENDS_A_TITLE_KEYS, &lower),
            };
            if !goes_on
                || plain.is_empty()
                || (is_kind_word(plain) && !amending && !prev_joins(text, title_end))
            {
                break;
            }
        }
        words += 1;
        if words > max {
            break;
        }
        title_end = w.start + plain.len();
        if plain.len() < raw.len() {
            // Punctuation after the word: a comma goes on inside a title (`Luật Khám bệnh,
            // chữa bệnh`, `sửa đổi, bổ sung`) before a word in lower case that ends none.
            let punct = &raw[plain.len()..];
            if !punct.starts_with(',') || punct.len() > 1 {
                break;
            }
            let Some(n) = next_word(text, w.end) else {
                break;
            };
            let nw = text[n.clone()].trim_end_matches([',', ';', '.', ':', ')']);
            let nl = crate::text::lower_case(nw);
            // An amending title lists the laws it amends (`… của Luật Thương mại, Luật Cạnh
            // tranh`); a comma inside another title comes early (`Phòng, chống tham nhũng`,
            // `Thực hành tiết kiệm, chống lãng phí`), a clause's comma after a long title.
            let listed = amending && is_kind_word(nw);
            // A capital after the comma goes on a title only when its date follows within a
            // few words (`Luật Khoa học, Công nghệ và Đổi mới sáng tạo ngày 27/6/2025`).
            let dated_on = !is_kind_word(nw) && words <= 3 && date_follows(text, n.start);
            if !listed
                && !dated_on
                && (starts_upper(nw)
                    || is_stop_word(&ENDS_A_TITLE_KEYS, &nl)
                    || year_of(nw).is_some()
                    || (!amending && words > 3))
            {
                break;
            }
            word = Some(n);
            continue;
        }
        // An opening bracket or quote after the word ends the title, and so does a line
        // starting with a capital (a title wrapped over lines goes on in lower case; a
        // place or a name comes next), unless the word joins another law's name.
        let joins = matches!(&*lower, "và" | "của");
        word = next_word(text, w.end).filter(|n| {
            let nw = &text[n.clone()];
            let new_line = text[w.end..n.start].contains('\n');
            let opens = nw.starts_with(['(', '[', '“', '"', '-', '–']);
            !(opens || new_line && starts_upper(nw) && !joins && !line_goes_on(text, n.start))
        });
    }
    if words == 0 || words > max {
        return None;
    }
    let title_span = next_word(text, kind_span.end)?.start..title_end;
    let (date, date_span) = match date {
        Some((d, s)) => (Some(d), Some(s)),
        None => (None, None),
    };
    // The mention is the name and the date written with it; a date after the issuer
    // (`được Quốc hội … thông qua ngày …`) is the law's but not the mention's.
    let end = date_span
        .as_ref()
        .filter(|_| !issuer_between)
        .map_or(title_end, |s| s.end.max(title_end));
    Some(NamedCitation {
        text,
        span: kind_span.start..end,
        kind,
        kind_span,
        title_span,
        date,
        date_span,
    })
}

/// Whether the line starting at `at` (with a capital) carries on a title wrapped before it
/// (`Căn cứ Luật Tổ chức⏎Chính phủ ngày 18 tháng 02 năm 2025`) rather than start a line of
/// its own: a place and date, a name, a heading or the next legal basis.
fn line_goes_on(text: &str, at: usize) -> bool {
    let line = text[at..].split('\n').next().unwrap_or("");
    let first = line.split(is_gap).next().unwrap_or("");
    line.split(is_gap).filter(|w| !w.is_empty()).count() >= 4
        && !line.contains(", ngày")
        && !matches!(
            first,
            "Căn" | "Theo" | "Xét" | "Điều" | "Chương" | "Nơi" | "Kính"
        )
}

/// Whether the place-date line starts at `at`: capitalised words, a comma, `ngày` (`Hà Nội,
/// ngày 04 tháng 02 năm 2021`, `Thành phố Hồ Chí Minh, ngày …`). Only its start is told:
/// [`parse_place_date`](crate::date::parse_place_date) reads a whole line for one, and takes
/// a title's last words for a place (`… Luật BHYT Hà Nội, ngày …`).
fn place_date_at(text: &str, at: usize) -> bool {
    let mut end = (at + 64).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let Some(comma) = text[at..end].find(", ngày") else {
        return false;
    };
    let place = &text[at..at + comma];
    !place.contains('\n') && place.split(' ').all(|w| starts_upper(w) || w == "phố")
}

/// Whether `ngày` and a date, or `năm` and a year, come within eight words of `pos` with
/// no clause's punctuation and no other kind's name between.
fn date_follows(text: &str, pos: usize) -> bool {
    let mut at = pos;
    for _ in 0..8 {
        let Some(w) = next_word(text, at) else {
            return false;
        };
        let word = &text[w.clone()];
        if word == "ngày" {
            return find_date(text, w.start).is_some();
        }
        if word == "năm" {
            return year_after(text, w.start).is_some();
        }
        if is_kind_word(word) || word.ends_with([';', '.', ':', ')']) {
            return false;
        }
        at = w.end;
    }
    false
}

/// The year written at `pos`, after spaces: `năm 2024`, `2019`.
fn year_after(text: &str, pos: usize) -> Option<(VnDate, Range<usize>)> {
    let w = next_word(text, pos)?;
    let word = &text[w.clone()];
    let plain = |r: Range<usize>| text[r].trim_end_matches([',', ';', '.', ':', ')', '*']);
    if let Some(y) = year_of(plain(w.clone())) {
        return Some((VnDate::year_only(y).ok()?, w.start..w.start + 4));
    }
    if word != "năm" {
        return None;
    }
    let n = next_word(text, w.end)?;
    let y = year_of(plain(n.clone()))?;
    Some((VnDate::year_only(y).ok()?, w.start..n.start + 4))
}

/// The date after an issuer phrase of the legislature (`của Quốc hội ngày …`, `được Quốc hội
/// khóa XIII thông qua ngày …`), starting at `pos`, within a few words.
fn date_after_issuer(text: &str, pos: usize) -> Option<(VnDate, Range<usize>)> {
    let mut at = pos;
    let mut legislature = false;
    // `được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII, kỳ họp thứ 7 thông
    // qua ngày 23 tháng 6 năm 2014`: the Quốc hội's name, term and session, then the date.
    for _ in 0..24 {
        let w = next_word(text, at)?;
        let word = &text[w.clone()];
        if word == "ngày" {
            if !legislature {
                return None;
            }
            let m = find_date(text, w.start)?;
            return Some((m.date, m.span));
        }
        let ends_clause = word.ends_with([';', '.', ':', ')'])
            || word.ends_with(',') && !(legislature && word.len() <= 8);
        legislature |= word.starts_with("Quốc");
        if ends_clause || word == "số" || !legislature && w.start - pos > 120 {
            return None;
        }
        at = w.end;
    }
    None
}

/// Whether the word at `at` goes on a proper name begun mid-sentence (`cộng đồng Dân Luật
/// Việt Nam`): a capitalized word before it, after a word in lower case.
fn in_a_name(text: &str, at: usize) -> bool {
    // At a line's start (after a break, not a space) no name goes on.
    if !text[..at].ends_with([' ', '\t']) {
        return false;
    }
    let mut words = text[..at].rsplit([' ', '\t']);
    let _ = words.next(); // empty: the space before `at`
    let (Some(prev), Some(before)) = (words.next(), words.next()) else {
        return false;
    };
    starts_upper(prev)
        && prev.chars().all(char::is_alphabetic)
        && !before.is_empty()
        && before.chars().all(char::is_alphabetic)
        && before.chars().next().is_some_and(char::is_lowercase)
}

/// Whether the title so far ends in a word that joins another law's name to it (`của`, `và`).
fn prev_joins(text: &str, title_end: usize) -> bool {
    let t = text[..title_end].trim_end_matches(is_gap);
    t.ends_with(" của") || t.ends_with(" và")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stop lists are searched by halves: each must be in byte order, without repeats.
    #[test]
    fn stop_lists_are_sorted() {
        for list in [NOT_A_TITLE, ENDS_A_TITLE] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        // Their keys keep that order, so a key is found where its word is.
        for keys in [&NOT_A_TITLE_KEYS[..], &ENDS_A_TITLE_KEYS[..]] {
            assert!(keys.windows(2).all(|w| w[0] < w[1]));
        }
        for (list, keys) in [
            (NOT_A_TITLE, &NOT_A_TITLE_KEYS[..]),
            (ENDS_A_TITLE, &ENDS_A_TITLE_KEYS[..]),
        ] {
            for w in list {
                assert!(is_stop_word(keys, w), "{w}");
            }
            // A word is listed only as itself: not with a byte more or less, nor a NUL after.
            for w in ["", "c", "củ", "của\0", "cuả", "không có", "đượcđược"] {
                assert_eq!(is_stop_word(keys, w), list.contains(&w), "{w:?}");
            }
        }
    }
}
