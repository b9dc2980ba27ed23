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

use regex::Regex;

use crate::catalog::DocKind;
use crate::date::{VnDate, find_date};
use crate::number::DocNumber;
use crate::text::{Normalized, push_folded};

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

    /// Whether this mention is of the document's own number `own` (its header number, also
    /// repeated in annexes and running headers), rather than of another document.
    ///
    /// Numbers are compared by value, so `08/2013/QĐ-TTG` and `8/2013/QĐ-TTg` are the same.
    pub fn is_self_reference(&self, own: &DocNumber) -> bool {
        same_number(&self.number, own)
    }
}

/// Whether two numbers name the same document: equal but for leading zeros.
pub(crate) fn same_number(a: &DocNumber, b: &DocNumber) -> bool {
    let strip = |s: &Option<String>| s.as_deref().map(|x| x.trim_start_matches('0').to_string());
    strip(&a.seq) == strip(&b.seq)
        && a.year == b.year
        && a.kind == b.kind
        && a.issuer == b.issuer
        && a.unit == b.unit
}

/// Finds every citation of a numbered document in `text`, in order.
///
/// It finds all the numbering systems of [`DocNumber`], with or without `số`, with the
/// kind's name before it (also with a law's name between: `Luật Bảo hiểm y tế số
/// 25/2008/QH12`), lists sharing a symbol (`số 198, 199/BC-UBND`), the date after the number
/// or after an issuer phrase (`của Chính phủ ngày 15/7/2021`), across line breaks, in NFD
/// text, with `Ð` and dash variants.
///
/// It leaves out what only looks like a number: dates, ratios (`3/15`), periods
/// (`2021-2030`), form numbers (`Mẫu số 03/HS`), blank placeholders (`…/QĐ-UBND`),
/// abbreviations (`V/v`, `Đ/c`) and URLs. The document's own number is reported like any
/// other; use [`Citation::is_self_reference`] to tell it apart.
pub fn citations(text: &str) -> Citations<'_> {
    Citations {
        inner: find_all(text).into_iter(),
    }
}

/// The iterator returned by [`citations`].
#[derive(Debug)]
pub struct Citations<'t> {
    inner: std::vec::IntoIter<Citation<'t>>,
}

impl<'t> Iterator for Citations<'t> {
    type Item = Citation<'t>;

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl ExactSizeIterator for Citations<'_> {}

/// A number in running text: the sequence, then either `/` (with an optional year) or the
/// Party `-KIND/`, or the file-name `-YEAR-`, then dash-separated groups. A group after a
/// spaced dash must be all capitals so that `… UBND - Về việc` stops before `Về`.
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<seq>\d{1,5}(?:\.\d{1,3})?)
        (?:
            [\ \t]*/[\ \t]*(?:(?P<year>(?:19|20)\d{2})[\ \t]*[/-][\ \t]*)?
          | [\ \t]*-[\ \t]*\p{Lu}\p{L}{0,4}[\ \t]*/[\ \t]*
          | -(?:19|20)\d{2}-
        )
        \p{Lu}[\p{L}\p{Nd}]{0,24}
        (?:
            -\p{Lu}[\p{L}\p{Nd}]{0,24}
          | [\ \t]*-[\ \t]*\p{Lu}[\p{L}\p{Nd}]{0,24}
        )*",
    )
    .expect("valid regex")
});

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

fn kind_alternation() -> String {
    KIND_WORDS
        .iter()
        .map(|(w, _)| w.replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Before a number, on folded text: a kind name, optionally a name of up to ten words
/// (`luat bao hiem y te`), then `so`.
static KIND_SO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^a-z0-9])(?P<kind>{})(?:[ \t,:\-]+[a-z0-9]+){{0,10}}?[\s*_]+(?P<so>so)[\s*_:]*$",
        kind_alternation()
    ))
    .expect("valid regex")
});

/// Before a number, on folded text: a kind name right before it (`Quyết định 6556/…`).
static KIND_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^a-z0-9])(?P<kind>{})[\s*_:]*$",
        kind_alternation()
    ))
    .expect("valid regex")
});

/// Before a number, on folded text: `so` alone.
static SO_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^a-z0-9])(?P<so>so)[\s*_:]*$").expect("valid regex"));

/// Before a number, on folded text: more numbers sharing its symbol (`so 198, `).
static SHARED_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^a-z0-9])so[\s*_:]*(?P<list>(?:\d{1,5}[ \t]*(?:,|va)[ \t]*)+)$")
        .expect("valid regex")
});

static DIGITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d{1,5}").expect("valid regex"));

/// Contexts where a number-like string names a form, an annex or a code, not a document.
static NOT_A_DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^a-z0-9])(?:mau|bieu|bieu mau|phu luc|ma|ma so|so hieu|tcvn|qcvn|iso|tk|tai khoan)[\s*_]*(?:so)?[\s*_:]*$",
    )
    .expect("valid regex")
});

/// After a number: a connector and an issuer phrase before the date
/// (`của Chính phủ ngày 15/7/2021`), or words like `ban hành` before it.
static BEFORE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s*_,]*(?:(?:của|do)\s+(?P<issuer>[^\n;.()\[\]]{1,120}?)[\s,]*)?(?:(?:được\s+)?(?:ban\s+hành|ký|thông\s+qua)\s+)?(?:ngày|ngay)\b",
    )
    .expect("valid regex")
});

/// After a number or its date: an issuer phrase (`của UBND tỉnh`).
static ISSUER_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^[\s*_,]*(?:của|do)\s+").expect("valid regex"));

/// Lower-case words an issuer phrase may contain besides capitalised ones.
const ISSUER_WORDS: &[&str] = &[
    "tỉnh",
    "thành",
    "phố",
    "huyện",
    "quận",
    "xã",
    "phường",
    "thị",
    "trấn",
    "nhân",
    "dân",
    "và",
    "-",
    "ban",
    "thường",
    "vụ",
    "quốc",
    "hội",
    "chính",
    "phủ",
    "tướng",
    "trưởng",
    "bộ",
    "nước",
    "nhà",
    "ủy",
    "uỷ",
    "đồng",
    "văn",
    "phòng",
    "trung",
    "ương",
    "tối",
    "cao",
    "viện",
    "kiểm",
    "sát",
    "tòa",
    "án",
    "liên",
    "bí",
    "thư",
    "chấp",
    "hành",
    "tổng",
    "cục",
    "sở",
    "lao",
    "động",
    "thương",
    "binh",
    "tài",
    "y",
    "tế",
    "trị",
    "nghiệp",
    "phát",
    "triển",
    "nông",
    "thôn",
    "giáo",
    "dục",
    "đào",
    "tạo",
    "thể",
    "thao",
    "du",
    "lịch",
    "học",
    "công",
    "nghệ",
    "thông",
    "tin",
    "truyền",
    "nội",
    "ngoại",
    "giao",
    "xây",
    "dựng",
    "vận",
    "tải",
    "kế",
    "hoạch",
    "đầu",
    "tư",
    "pháp",
    "nguyên",
    "môi",
    "trường",
    "an",
    "ninh",
    "phòng",
    "hóa",
    "hoá",
    "khoa",
    "mặt",
    "trận",
    "tổ",
    "thuế",
    "hải",
    "quan",
    "bảo",
    "hiểm",
    "ngân",
    "hàng",
    "kiểm",
    "toán",
];

/// How far back (in bytes) the kind name and `số` are looked for.
const LOOK_BACK: usize = 160;

struct Folded {
    text: String,
    /// For each byte of `text`, the offset in the source of the character it came from.
    map: Vec<usize>,
}

/// Folds `s[range]` for matching and keeps where each folded byte came from.
fn fold_window(s: &str, start: usize, end: usize) -> Folded {
    let mut text = String::with_capacity(end - start);
    let mut map = Vec::with_capacity(end - start);
    for (i, c) in s[start..end].char_indices() {
        let before = text.len();
        if c.is_whitespace() {
            text.push(if c == '\n' { '\n' } else { ' ' });
        } else {
            push_folded(&mut text, c);
        }
        for _ in before..text.len() {
            map.push(start + i);
        }
    }
    Folded { text, map }
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

fn find_all(original: &str) -> Vec<Citation<'_>> {
    let norm = Normalized::new(original);
    let s = norm.as_str();
    let mut found: Vec<Found> = Vec::new();
    for m in CANDIDATE.find_iter(s) {
        let (start, mut end) = (m.start(), m.end());
        // The sequence must start a word (`C74-HĐ` is a form code; `ngày 07/6/2023` is no
        // number), except right after `số` written without a space (`số357/TTr-CP`).
        let prev = s[..start].chars().next_back();
        if let Some(p) = prev {
            let glued_so = s[..start].ends_with("số") || s[..start].ends_with("Số");
            if (p.is_alphanumeric() && !glued_so)
                || matches!(
                    p,
                    '/' | '.' | '-' | '_' | '\\' | '=' | '&' | '?' | '%' | '#'
                )
            {
                continue;
            }
        }
        // Trim a trailing group that is really a word (`…/QĐ-UBND-Về`): a symbol group has
        // at most two lower-case letters (`TTg`, `QĐi`, `CTr`).
        // A group after a spaced dash must be all capitals or a known code (`QĐ- TTg`), so
        // that `… UBND - Về việc` stops before `Về`.
        let mut sym = &s[start..end];
        while let Some(cut) = sym.rfind('-') {
            let group = sym[cut + 1..].trim();
            let lower = group.chars().filter(|c| c.is_lowercase()).count();
            let spaced =
                sym[cut + 1..].starts_with([' ', '\t']) || sym[..cut].ends_with([' ', '\t']);
            let known =
                crate::catalog::issuer_info(group).is_some() || DocKind::from_abbr(group).is_some();
            if lower <= 2 && (!spaced || lower == 0 || known) {
                break;
            }
            sym = sym[..cut].trim_end();
        }
        end = start + sym.len();
        // Followed by more path-like text (`/a/b`, `.aspx`) it is part of a URL or a path.
        let next = s[end..].chars().next();
        if next.is_some_and(|c| c == '/' || c == '_' || c == '=' || c.is_alphanumeric()) {
            continue;
        }
        if s[end..].starts_with(".aspx") || s[end..].starts_with(".htm") {
            continue;
        }
        if in_url(s, start) {
            continue;
        }
        let Ok(number) = s[start..end].parse::<DocNumber>() else {
            continue;
        };
        let wstart = floor_boundary(s, start.saturating_sub(LOOK_BACK));
        let window = fold_window(s, wstart, start);
        if NOT_A_DOCUMENT.is_match(&window.text) {
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
        let mut shared: Vec<(Range<usize>, String)> = Vec::new();
        let mut head_end = start;
        if let Some(c) = SHARED_LIST.captures(&window.text) {
            let list = c.name("list").expect("group");
            for d in DIGITS.find_iter(list.as_str()) {
                let a = window.map[list.start() + d.start()];
                let b = a + d.len();
                shared.push((a..b, s[a..b].to_string()));
            }
            head_end = window.map[list.start()];
        }
        let head = if head_end == start {
            window
        } else {
            fold_window(s, wstart, head_end)
        };
        if let Some(c) = KIND_SO
            .captures(&head.text)
            .or_else(|| KIND_ONLY.captures(&head.text))
        {
            let k = c.name("kind").expect("group");
            let ks = head.map[k.start()];
            let ke = head.map[k.end() - 1];
            let ke = ke + s[ke..].chars().next().map_or(1, char::len_utf8);
            f.kind_span = Some(ks..ke);
            f.kind = KIND_WORDS
                .iter()
                .find(|(w, _)| *w == k.as_str().split_whitespace().collect::<Vec<_>>().join(" "))
                .and_then(|(_, kind)| *kind);
            f.has_so = c.name("so").is_some();
            f.span.start = ks;
        } else if let Some(c) = SO_ONLY.captures(&head.text) {
            let so = c.name("so").expect("group");
            f.has_so = true;
            f.span.start = head.map[so.start()];
        } else if let Some((first, _)) = shared.first() {
            f.span.start = first.start;
        }
        // Party documents keep their symbol's kind (`Quy định 31-QĐ/TW` is the Party's QĐ).
        if f.number.system == crate::number::NumberSystem::Party && f.number.kind().is_some() {
            f.kind = f.number.kind();
        }
        if f.kind.is_none() {
            f.kind = f.number.kind().or_else(|| {
                if f.number.system == crate::number::NumberSystem::CongVan {
                    return Some(DocKind::CongVan);
                }
                // Laws and UBTVQH acts carry no kind in the number.
                (f.number.legislature_term().is_some()
                    && f.number.issuer.len() == 1
                    && f.number.issuer[0].starts_with("QH"))
                .then_some(DocKind::Luat)
            });
        }
        for (span, seq) in shared {
            let mut number = f.number.clone();
            number.seq = Some(seq);
            found.push(Found {
                span: f.span.clone(),
                number_span: span.start..f.number_span.end,
                number,
                kind: f.kind,
                kind_span: f.kind_span.clone(),
                has_so: f.has_so,
            });
        }
        found.push(f);
    }

    let mut out: Vec<Citation<'_>> = Vec::with_capacity(found.len());
    for f in found {
        let after = f.number_span.end;
        let (mut date, mut date_span, issuer_span) = date_and_issuer(s, after);
        if date.is_none() {
            if let Some(m) = date_before(s, f.span.start) {
                date = Some(m.date);
                date_span = Some(m.span);
            }
        }
        out.push(Citation {
            text: original,
            span: norm.original_span(f.span),
            number: f.number,
            number_span: norm.original_span(f.number_span),
            kind: f.kind,
            kind_span: f.kind_span.map(|k| norm.original_span(k)),
            has_so: f.has_so,
            date,
            date_span: date_span.map(|d| norm.original_span(d)),
            issuer_span: issuer_span.map(|i| norm.original_span(i)),
        });
    }
    share_dates(s, &norm, &mut out);
    out
}

/// Whether `at` is inside a URL (`https://…/Quyet-dinh-1351-QD-UBND-2022-…`).
fn in_url(s: &str, at: usize) -> bool {
    let token_start = s[..at]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '<' || c == '[')
        .map_or(0, |i| i + 1);
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
    let rest = &s[after..];
    let mut issuer = None;
    let mut date_at = None;
    if let Some(c) = BEFORE_DATE.captures(rest) {
        let whole = c.get(0).expect("group 0");
        // The match ends after `ngày`; the date reader starts at that word.
        let ngay_start = after + whole.end()
            - if whole.as_str().ends_with("ngày")
                || whole.as_str().ends_with("NGÀY")
                || whole.as_str().ends_with("Ngày")
            {
                "ngày".len()
            } else {
                "ngay".len()
            };
        date_at = Some(ngay_start);
        if let Some(i) = c.name("issuer") {
            issuer = Some(after + i.start()..after + i.end());
        }
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
/// them: `Ngày 16/7/2012, Ủy ban Thường vụ Quốc hội đã ban hành Pháp lệnh số …`.
static ISSUED_BY_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^a-z])(?:da\s+)?(?:co|ban\s+hanh|ky|gui|phat\s+hanh|trinh)\s*$")
        .expect("valid regex")
});

/// A date written before the mention in the same clause, as in `ngày 16/8/2018 Bộ … đã có
/// Công văn số 3395/LĐTBXH-KHTC`.
fn date_before(s: &str, mention_start: usize) -> Option<crate::date::DateMatch> {
    let from = floor_boundary(s, mention_start.saturating_sub(240));
    let before = &s[from..mention_start];
    let clause_start = before.rfind(['\n', ';']).map_or(from, |i| from + i + 1);
    let clause = &s[clause_start..mention_start];
    let lower = clause.to_lowercase();
    let at = lower.rfind("ngày")?;
    let m = find_date(s, clause_start + at)?;
    let between = &s[m.span.end.min(mention_start)..mention_start];
    // Another number or date in between would be what the date belongs to.
    let digits_run = between
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() >= 3);
    if between.len() > 160 || between.contains('/') || digits_run {
        return None;
    }
    let folded = fold_window(s, m.span.end.min(mention_start), mention_start).text;
    ISSUED_BY_VERB.is_match(folded.trim_end()).then_some(m)
}

/// `của <issuer>` at `at`: capitalised words and the lower-case words of issuers' names.
fn issuer_phrase(s: &str, at: usize) -> Option<Range<usize>> {
    let m = ISSUER_AFTER.find(&s[at..])?;
    let start = at + m.end();
    let mut end = start;
    for (i, w) in s[start..]
        .split_inclusive([' ', '\t'])
        .scan(start, |pos, w| {
            let here = *pos;
            *pos += w.len();
            Some((here, w))
        })
        .take(14)
    {
        // A line break ends the phrase after the word before it.
        let line_end = w.find('\n');
        let word = w[..line_end.unwrap_or(w.len())].trim_end();
        let bare = word.trim_end_matches([',', ';', '.', ':', ')']);
        let ok = bare.chars().next().is_some_and(char::is_uppercase)
            || ISSUER_WORDS.contains(&bare.to_lowercase().as_str());
        if !ok || bare.is_empty() {
            break;
        }
        end = i + bare.len();
        if bare.len() != word.len() || line_end.is_some() {
            break;
        }
    }
    (end > start).then_some(start..end)
}

fn trim_issuer(s: &str, r: Range<usize>) -> Option<Range<usize>> {
    let t = &s[r.clone()];
    let trimmed = t.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == '-');
    let lead = t.len() - t.trim_start().len();
    (trimmed.len() > lead).then_some(r.start + lead..r.start + trimmed.len())
}

/// `Tờ trình số 357/TTr-CP và Đề án số 358/ĐA-CP ngày 09/5/2025`: one date written after a
/// list of numbers is the date of each (the annotators' rule, and the reading a clerk makes).
fn share_dates(s: &str, norm: &Normalized<'_>, out: &mut [Citation<'_>]) {
    for i in (0..out.len().saturating_sub(1)).rev() {
        if out[i].date.is_some() || out[i + 1].date.is_none() {
            continue;
        }
        let a = out[i].number_span.end;
        let b = out[i + 1].span.start;
        if b < a {
            continue;
        }
        // The spans are in the caller's text: normalize the connector between them, so that
        // `,\u{200B} và` or an NFD `và` still joins the list.
        let gap = Normalized::new(original_gap(norm, s, a, b));
        let g = gap
            .as_str()
            .trim_matches(|c: char| c.is_whitespace() || c == '*');
        if g == "," || g == "và" || g == ", và" {
            out[i].date = out[i + 1].date;
        }
    }
}

fn original_gap<'a>(norm: &Normalized<'a>, _s: &str, a: usize, b: usize) -> &'a str {
    norm.original().get(a..b).unwrap_or("")
}

/// The document's own number as stated in its header: the first `Số:` line (also `Luật
/// số:`, Party `Số 08-NQ/TU`) near the top, with its span.
///
/// ```
/// let text = "UBND TỈNH LAI CHÂU\nSố: 701/QĐ-UBND\nLai Châu, ngày 24 tháng 5 năm 2023";
/// let (n, span) = vanban::own_number(text).unwrap();
/// assert_eq!(n.to_string(), "701/QĐ-UBND");
/// assert_eq!(&text[span], "701/QĐ-UBND");
/// ```
pub fn own_number(text: &str) -> Option<(DocNumber, Range<usize>)> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)(?:^|\|)[\s*_#>|]*(?:(?:Luật|LUẬT|Bộ luật|Pháp lệnh|Nghị quyết)\s+)?(?:Số|SỐ|số|S0|So)\s*[:.]?[\s*_]*(?P<rest>[^\n|]{0,60})")
            .expect("valid regex")
    });
    let norm = Normalized::new(text);
    let s = norm.as_str();
    // The header is at the top; a crawler's title may come first, so look a little further.
    let limit = floor_boundary(s, s.len().min(6000));
    for c in LABEL.captures_iter(&s[..limit]) {
        let rest = c.name("rest").expect("group");
        let r = rest.as_str();
        let cand_end = r
            .char_indices()
            .find(|&(_, ch)| !(ch.is_alphanumeric() || matches!(ch, '/' | '-' | '.' | ' ')))
            .map_or(r.len(), |(i, _)| i);
        let cand = &r[..cand_end];
        // Longest prefix (by whole words) that parses: `701/QĐ-UBND Lai Châu` → `701/QĐ-UBND`.
        let lead = cand.len() - cand.trim_start().len();
        let body = &cand[lead..];
        let mut best = None;
        for i in body.char_indices().map(|(i, _)| i).chain([body.len()]) {
            if i == 0 || !(i == body.len() || body[i..].starts_with(' ')) {
                continue;
            }
            let t = body[..i].trim_end_matches(['.', ' ']);
            if let Ok(n) = t.parse::<DocNumber>() {
                best = Some((n, t.len()));
            }
        }
        if let Some((n, len)) = best {
            let st = rest.start() + lead;
            return Some((n, norm.original_span(st..st + len)));
        }
    }
    None
}
