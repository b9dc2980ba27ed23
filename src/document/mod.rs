//! Whole documents: every part of a văn bản as typed data with spans into the caller's text.
//!
//! [`Document::parse`] never fails and never panics. A part that is missing or unreadable is
//! `None` (or empty) and a [`Diagnostic`] says so; every part that was found carries the byte
//! span of the caller's text it was read from, so nothing is silently dropped.
//!
//! ```
//! use vanban::{Document, DocKind};
//!
//! let text = "UBND TỈNH LAI CHÂU\nSỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\n\
//!             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
//!             Số: 05/SVHTTDL-VP\nV/v cải cách hành chính\n\
//!             Lai Châu, ngày 13 tháng 6 năm 2023\n\
//!             Kính gửi: Trưởng các phòng, đơn vị trực thuộc Sở.\n\
//!             Nội dung.\n\
//!             Nơi nhận:\n- Như trên;\n- Lưu: VT, VP.\n\
//!             KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Mạnh Hùng\n";
//! let doc = Document::parse(text);
//! assert_eq!(doc.number.as_ref().unwrap().value.to_string(), "05/SVHTTDL-VP");
//! assert_eq!(doc.kind, Some(DocKind::CongVan));
//! assert_eq!(doc.issuer.as_ref().unwrap().name.text, "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH");
//! assert_eq!(doc.date.unwrap().iso(), "2023-06-13");
//! assert_eq!(doc.subject.as_ref().unwrap().text, "cải cách hành chính");
//! assert_eq!(doc.signatures[0].name.as_ref().unwrap().text, "Trần Mạnh Hùng");
//! assert_eq!(doc.noi_nhan.len(), 2);
//! let span = doc.signatures[0].span.clone();
//! assert!(text[span].starts_with("KT. GIÁM ĐỐC"));
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::catalog::DocKind;
use crate::citation::Citation;
use crate::date::VnDate;
pub use crate::diagnostic::{Diagnostic, Severity};
use crate::number::{DocNumber, NumberSystem};
use crate::text::{Normalized, Options, fold_chars, fold_eq, fold_key, fold_starts_with};

mod layout;
mod outline;
use layout::{View, build_view};
use outline::{Pending, read_outline};

/// How deep the outline tree may go: Phần › Chương › Mục › Tiểu mục › Điều › khoản › điểm
/// is seven levels, so anything deeper is flattened rather than nested without bound.
pub const MAX_OUTLINE_DEPTH: usize = 8;

/// The longest text [`Document::parse`] reads: 16 MiB, some thirty times the longest law in
/// the corpus with its annexes. Past it, only the text up to the last line break before the
/// limit is read and a `VB012` error diagnostic says so; parsing needs up to about 60 bytes
/// of memory per input byte on hostile input (one line per byte, one table cell per byte),
/// so this bounds it near 1 GiB.
pub const MAX_INPUT_LEN: usize = 16 << 20;

/// The most lines read, counting each table cell as a line: a 16 MiB code has some 200 000.
/// Each line costs about 50 bytes however short it is, so a flood of short lines or `|`
/// would otherwise take 50 times its size in memory. A run of blank lines and empty cells
/// is one break and counts once. Past the limit, the rest of the text is not read and a
/// `VB012` error diagnostic says from where.
pub const MAX_LINES: usize = 1_000_000;

/// The most outline nodes kept: a big code has a few thousand (Điều, khoản, điểm); a
/// million `- ;` lines would otherwise cost a node each. Past it the outline stops and a
/// `VB013` warning says where.
pub const MAX_OUTLINE_NODES: usize = 100_000;

/// The outline holds at most one node per this many bytes of input too: a real text has far
/// fewer (a code of law, one per few hundred bytes; a bare list of names, one per line of
/// some twenty bytes), while a node costs about a hundred bytes of output, which a flood of
/// `- ;` lines must not multiply (at most 10 bytes of heap per input byte, issue 13). Past
/// it the outline stops with the same `VB013` warning.
///
/// ```
/// use vanban::Document;
/// use vanban::document::OUTLINE_BYTES_PER_NODE;
/// let text = "- ;\n".repeat(1000); // 4,000 bytes: at most 4000 / 16 + 1 nodes
/// let doc = Document::parse(&text);
/// assert_eq!(doc.outline.len(), text.len() / OUTLINE_BYTES_PER_NODE + 1);
/// assert!(doc.diagnostics.iter().any(|d| d.code == "VB013"));
/// ```
pub const OUTLINE_BYTES_PER_NODE: usize = 16;

/// The most cells a table row is split into: real header and signature tables have two to
/// a dozen columns. The rest of a longer row (`||||…`) stays in its last cell, so that a
/// row costs one cell per column, not one per `|`.
pub const MAX_TABLE_COLUMNS: usize = 64;

/// A piece of text read from the document, with its span in the caller's text.
///
/// `text` is the cleaned reading (table and Markdown markup removed, lines joined with a
/// space); `span` covers the original bytes it came from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Spanned {
    /// The text as read, NFC, markup removed.
    pub text: String,
    /// Byte span in the caller's text.
    pub span: Range<usize>,
}

/// A number read from the header, with its span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberPart {
    /// The parsed number; blank (`seq == None`) for drafts (`Số: /SVHTTDL-VP`).
    pub value: DocNumber,
    /// Byte span of the number (without the `Số:` label) in the caller's text.
    pub span: Range<usize>,
}

/// The issuing body: the issuer's line and the line above it (cơ quan chủ quản), if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issuer {
    /// The parent body (`UBND TỈNH LAI CHÂU`, `BỘ TÀI CHÍNH`).
    pub parent: Option<Spanned>,
    /// The issuing body (`SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH`, `TỔNG CỤC THUẾ`).
    pub name: Spanned,
}

/// A mark printed in the header (NĐ 30/2020, Phụ lục I, mục II.11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkKind {
    /// `KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`, `HỎA TỐC HẸN GIỜ`.
    Urgency,
    /// `MẬT`, `TỐI MẬT`, `TUYỆT MẬT`.
    Secrecy,
    /// `XEM XONG TRẢ LẠI`, `LƯU HÀNH NỘI BỘ`.
    Circulation,
}

/// A mark and where it was printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// What sort of mark.
    pub kind: MarkKind,
    /// The mark as printed.
    pub text: Spanned,
}

/// What a legal-basis line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BasisKind {
    /// `Căn cứ …;`
    CanCu,
    /// `Theo đề nghị của …;` or `Xét đề nghị của …,`
    DeNghi,
}

/// One line of the legal bases before the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Basis {
    /// `Căn cứ` or `Theo đề nghị`.
    pub kind: BasisKind,
    /// The line.
    pub text: Spanned,
}

impl Basis {
    /// The documents this basis cites, with spans into `text`, the text the document was
    /// parsed from.
    ///
    /// ```
    /// use vanban::Document;
    /// let text = "Số: 12/2012/QĐ-UBND\n\nQUYẾT ĐỊNH\nVề việc ban hành quy định\n\n\
    ///             Căn cứ Nghị định số 69/2009/NĐ-CP ngày 13/8/2009 của Chính phủ;\n\nQUYẾT ĐỊNH:\n";
    /// let doc = Document::parse(text);
    /// let basis = &doc.bases[0];
    /// let cited: Vec<String> = basis.citations(text).map(|c| c.number.to_string()).collect();
    /// assert_eq!(cited, ["69/2009/NĐ-CP"]);
    /// ```
    pub fn citations<'t>(&self, text: &'t str) -> impl Iterator<Item = Citation<'t>> + use<'t> {
        crate::citation::citations_within(text, self.text.span.clone()).into_iter()
    }
}

/// The level of an outline node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// `Phần thứ nhất`, `PHẦN I`.
    Phan,
    /// `Chương I`.
    Chuong,
    /// `Mục 1`.
    Muc,
    /// `Điều 5.`
    Dieu,
    /// A Roman-numbered section of an administrative text (`I.`, `II.`).
    Roman,
    /// `1.` — khoản in a normative text, item in an administrative one.
    Khoan,
    /// `2.1`, `2.1.3`.
    SubItem,
    /// `a)` — điểm.
    Diem,
    /// `-` bullet.
    Dash,
    /// `+` bullet.
    Plus,
}

/// A node of the outline: the heading line by span, its whole extent by span, its children.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineNode {
    /// The level.
    pub level: Level,
    /// The label as written (`Điều 5`, `1`, `a`, `-`).
    pub label: String,
    /// The heading line.
    pub span: Range<usize>,
    /// From the heading to the start of the next node of the same or a higher level.
    pub extent: Range<usize>,
    /// Nested nodes (bounded by [`MAX_OUTLINE_DEPTH`]).
    pub children: Vec<OutlineNode>,
}

/// One signature block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// The last authority prefix of the block: `TM.`, `KT.`, `Q.`, `TL.`, `TUQ.`, Party
    /// `T/M`, `K/T`, `T/L`.
    pub authority: Option<String>,
    /// Lines starting with an authority word (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`).
    pub authority_lines: Vec<Spanned>,
    /// The signer's title (`PHÓ CHỦ TỊCH`).
    pub title: Option<Spanned>,
    /// The signer's name.
    pub name: Option<Spanned>,
    /// The whole block.
    pub span: Range<usize>,
}

/// A purpose note on a Nơi nhận entry.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// `(B/c)`, `để báo cáo`.
    BaoCao,
    /// `(t/h)`, `thực hiện`.
    ThucHien,
    /// `(p/h)`, `phối hợp`.
    PhoiHop,
    /// `(để biết)`.
    DeBiet,
    /// Another note in brackets, as written.
    Other(String),
}

/// What a Nơi nhận entry is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// `Như trên` (the addressees of Kính gửi) or `Như Điều 3`.
    NhuTren,
    /// `Lưu: VT, VP, (2b)`: the archive copy.
    Luu {
        /// Whether `VT` (văn thư) or `Văn thư` is listed.
        vt: bool,
        /// The drafting units (`VP`, `KGVX`).
        units: Vec<String>,
        /// The copy count as written (`2b`, `3`).
        copies: Option<String>,
    },
    /// A recipient.
    Recipient {
        /// Whether the entry starts with `Đ/c` (đồng chí).
        dong_chi: bool,
        /// The purpose note, if any.
        purpose: Option<Purpose>,
    },
}

/// One entry of Nơi nhận.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoiNhanEntry {
    /// The entry without the leading `- ` and trailing `;`/`.`.
    pub text: Spanned,
    /// The typed reading.
    pub kind: EntryKind,
}

/// A parsed document. Build it with [`Document::parse`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, or `ĐẢNG CỘNG SẢN VIỆT NAM` for Party documents.
    pub quoc_hieu: Option<Spanned>,
    /// `Độc lập - Tự do - Hạnh phúc`.
    pub tieu_ngu: Option<Spanned>,
    /// Whether the national motto was the Party line.
    pub party: bool,
    /// The issuing body.
    pub issuer: Option<Issuer>,
    /// Số, ký hiệu.
    pub number: Option<NumberPart>,
    /// Địa danh.
    pub place: Option<Spanned>,
    /// Thời gian ban hành.
    pub date: Option<VnDate>,
    /// The span of the whole place-and-date line part.
    pub date_span: Option<Range<usize>>,
    /// The kind: from the number when it names one, else from the heading, else công văn.
    pub kind: Option<DocKind>,
    /// The kind heading (`QUYẾT ĐỊNH`), when printed.
    pub kind_heading: Option<Spanned>,
    /// Trích yếu, joined on one line (without `V/v`).
    pub subject: Option<Spanned>,
    /// Urgency, secrecy and circulation marks.
    pub marks: Vec<Mark>,
    /// Kính gửi addressees.
    pub recipients: Vec<Spanned>,
    /// `Căn cứ …` and `Theo đề nghị …` lines.
    pub bases: Vec<Basis>,
    /// The body as a tree.
    pub outline: Vec<OutlineNode>,
    /// Signature blocks (several for joint documents).
    pub signatures: Vec<Signature>,
    /// Nơi nhận entries.
    pub noi_nhan: Vec<NoiNhanEntry>,
    /// Missing and irregular parts.
    pub diagnostics: Vec<Diagnostic>,
}

// ---------------------------------------------------------------------------------------------
// Patterns, compiled once.

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| panic!("invalid built-in pattern {p}: {e}"))
}

static QUOC_HIEU: LazyLock<Regex> = LazyLock::new(|| {
    re(r"C[ỘO]NG\s*H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM")
});
static PARTY_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"Đ[ẢA]NG\s+C[ỘO]NG\s+S[ẢA]N\s+VI[ỆE]T\s+NAM"));
static TIEU_NGU: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)Độc\s*lập\s*[-–—]\s*Tự\s*do\s*[-–—]\s*Hạnh\s*phúc"));
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:^|[\s|(])(?:(?:Luật|LUẬT|Bộ luật|BỘ LUẬT|Pháp lệnh|PHÁP LỆNH|Lệnh|LỆNH)\s+(?:số|SỐ)|Số|SỐ|S0|Sô",
        // A kind name before the label, at the start of the line: `Nghị quyết số: 89/2025/…`.
        r"|(?m:^)[ \t]*(?:Nghị quyết|Quyết định|Nghị định|Thông tư|Chỉ thị|Thông báo|Kế hoạch|Công văn|Công điện|Báo cáo|Tờ trình|Hướng dẫn|Lệnh)[ \t]+số[ \t]*:)",
        r"[ \t]*:?[ \t]*\n?[ \t]*",
        // A letter may stand before or after the sequence (`A308/…`, `15a/2025/…`) and a
        // `.` inside a code (`VPCP-V.I`, `UB.QĐ`; a final `.` is trimmed by `parse_number`).
        r"(?P<num>(?:[A-Za-z]?\d[\d.]*[A-Za-z]?[ \t]*)?[/-][ \t]*[\p{L}\p{N}&.]+(?:[ \t]*[/-][ \t]*[\p{L}\p{N}&.]+)*",
        // The slash left out (`Số : 44 DN-UBND`): a code in capitals and a dash must follow.
        r"|\d+[ \t]+[A-ZĐ]+-[A-ZĐ&.]+(?:-[A-ZĐ&.]+)*)"
    ))
});
/// The trích yếu label of a công văn (NĐ 30/2020, Phụ lục I §II.6): `V/v`, also written
/// `Vv`, quoted (`"Vv …"`), or `Về việc` opening its line.
static VV: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r#"(?:^|\s)["“]?(?:[Vv]/[Vv]|Vv(?:[ \t:]|$))[ \t]*:?[ \t]*"#,
        r#"|^["“]?(?:Về việc|VỀ VIỆC)(?:[ \t:]|$)[ \t]*:?[ \t]*"#
    ))
});
static KINH_GUI: LazyLock<Regex> = LazyLock::new(|| re(r"(?:Kính|KÍNH)\s+(?:gửi|GỬI)\s*:?"));
static NOI_NHAN: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:Nơi|NƠI)\s*(?:nhận|NHẬN)\s*:?"));
static MARK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:HỎA TỐC HẸN GIỜ|HOẢ TỐC HẸN GIỜ|HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN|TUYỆT MẬT|TỐI MẬT|MẬT|XEM XONG TRẢ LẠI|LƯU HÀNH NỘI BỘ)$",
    )
});
static BODY_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:Căn cứ|Xét đề nghị|Xét |Theo đề nghị|Điều \d|Điều 1|Chương [IVXLC\d]|Phần thứ|PHẦN [IVXLC\d]|CHƯƠNG [IVXLC\d])",
    )
});
static OPENER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\s(?:Trong thời gian|Thực hiện|Căn cứ|Theo |Ngày \d|Tại |Trả lời|Vừa qua|Hiện nay|Để |Qua |Sau khi|Nhằm |Xét |Phúc đáp|Nhận được|Ngày|Thời gian qua)",
    )
});
// ---------------------------------------------------------------------------------------------
// Small text helpers.

/// `NOI_NHAN.is_match(t)`, asked of every line of the body: the literal start it needs
/// rules out nearly all lines before the regex runs.
fn noi_nhan_label(t: &str) -> bool {
    (t.starts_with("Nơi") || t.starts_with("NƠI")) && NOI_NHAN.is_match(t)
}

/// Whether `t` opens with an authority word of a signature block (NĐ 30/2020, Điều 13;
/// Phụ lục I §II.7): `TM.`, `KT.`, `TL.`, `TUQ.`, `Q.`, the Party's `T/M`, also written
/// without a space before the body (`TM.ỦY BAN …`) or, in OCR text, without the dot (`KT
/// GIÁM ĐỐC`). Asked of many lines: read by hand, every prefix starts with `T`, `K` or `Q`.
fn authority_line(t: &str) -> bool {
    if !t.starts_with(['T', 'K', 'Q']) {
        return false;
    }
    let upper = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    let space_or_end = |s: &str| s.is_empty() || s.starts_with(char::is_whitespace);
    for w in ["TUQ", "TM", "KT", "TL", "Q"] {
        let Some(rest) = t.strip_prefix(w) else {
            continue;
        };
        if let Some(r) = rest.strip_prefix('.') {
            if space_or_end(r) || upper(r) {
                return true;
            }
        } else if w != "Q" && rest.starts_with(char::is_whitespace) {
            // Undotted: a title in capitals follows (`KT GIÁM ĐỐC`).
            let next = rest.trim_start();
            if next.chars().take(2).filter(|c| c.is_uppercase()).count() == 2 {
                return true;
            }
        }
    }
    ["T/M", "K/T", "T/L"].iter().any(|w| {
        t.strip_prefix(w)
            .map(|r| r.strip_prefix('.').unwrap_or(r))
            .is_some_and(space_or_end)
    })
}

/// Whether `t` is its words joined by single spaces, as `split_whitespace` and a join would
/// give it back: no white space at the ends, none but single ASCII spaces inside.
fn is_single_spaced(t: &str) -> bool {
    let b = t.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    for (i, &c) in b.iter().enumerate() {
        let space = c == b' ';
        let odd = match c {
            b' ' => prev_space,
            b'\t'..=b'\r' => true,
            // The UTF-8 lead bytes of the other white space (U+0085, U+00A0, U+2000–U+200A,
            // U+2028, U+2029, U+202F, U+205F, U+3000; U+1680 is E1 9A, where the
            // Vietnamese letters are E1 BA and E1 BB): decoded only then.
            0xE1 => b.get(i + 1) == Some(&0x9A),
            0xC2 | 0xE2 | 0xE3 => t
                .get(i..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_whitespace),
            _ => false,
        };
        if odd {
            return false;
        }
        prev_space = space;
    }
    true
}

fn is_upper_word(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// Whether every word of `t` is in capitals, or a `-`, `&` or `,` between them: a line of an
/// issuer's name in the header's left column.
fn is_caps_line(t: &str) -> bool {
    t.split_whitespace()
        .all(|w| is_upper_word(w) || matches!(w, "-" | "&" | ","))
}

fn is_separator_line(t: &str) -> bool {
    !t.is_empty()
        && t.chars().all(|c| {
            matches!(
                c,
                '-' | '–' | '—' | '*' | '_' | '=' | '\\' | ' ' | '.' | '+'
            )
        })
}

/// Strips characters at both ends that are markup or list punctuation.
fn trim_entry(s: &str) -> &str {
    let s = s.trim();
    let s = s.trim_start_matches(['-', '–', '—', '+', '•', ' ']);
    s.trim_end_matches([';', '.', ',', ':', ' ', '\\'])
}

/// The view range of `sub`, a sub-slice of the view text.
fn sub_range(view: &View, sub: &str) -> Range<usize> {
    let base = view.text.as_ptr() as usize;
    let p = sub.as_ptr() as usize;
    let start = p.saturating_sub(base).min(view.text.len());
    start..(start + sub.len()).min(view.text.len())
}

struct Ctx<'a, 't> {
    norm: &'a Normalized<'t>,
    view: View,
    /// Diagnostics of limits reached while parsing, added after the parts' diagnostics.
    limits: Vec<Diagnostic>,
}

impl Ctx<'_, '_> {
    fn span(&self, r: Range<usize>) -> Range<usize> {
        match self.view.norm_span(r) {
            Some(n) => self.norm.original_span(n),
            None => 0..0,
        }
    }

    fn spanned(&self, r: Range<usize>, text: String) -> Spanned {
        Spanned {
            text,
            span: self.span(r),
        }
    }

    /// A spanned reading of a view range, whitespace runs (line breaks included) folded.
    ///
    /// The text keeps the characters as written where normalization only changed their
    /// form: an en dash stays an en dash (`Lao động – TBXH`), a Cyrillic letter typed for a
    /// Latin one stays Cyrillic. Composed letters (NFC) and mended spacing are kept.
    fn spanned_range(&self, r: Range<usize>) -> Spanned {
        let raw = self.view.text.get(r.clone()).unwrap_or("");
        let span = self.span(r.clone());
        // Characters are restored only where the caller's text has one that normalization
        // mapped to another (a dash variant, a homoglyph): nearly never, and only where
        // normalization changed something at all.
        let restore = !self.norm.is_unchanged()
            && !self.norm.copied_whole(span.clone())
            && self
                .norm
                .original()
                .get(span.clone())
                .is_some_and(|o| o.chars().any(is_restorable));
        if !restore && is_single_spaced(raw) {
            return Spanned {
                text: raw.to_string(),
                span,
            };
        }
        let mut text = String::with_capacity(raw.len());
        for w in raw.split_whitespace() {
            if !text.is_empty() {
                text.push(' ');
            }
            if !restore {
                text.push_str(w);
                continue;
            }
            let base = w.as_ptr() as usize - raw.as_ptr() as usize + r.start;
            for (k, c) in w.char_indices() {
                text.push(self.as_written(base + k, c));
            }
        }
        Spanned { text, span }
    }

    /// The character of the caller's text behind view character `c` at view offset `at`,
    /// when normalization mapped it to `c` one for one (dashes, slashes, homoglyphs); else `c`.
    fn as_written(&self, at: usize, c: char) -> char {
        // What `map_char` writes for a restorable character (a dash, a slash, a Latin letter
        // for a Cyrillic one) is ASCII; nothing else is looked up.
        if !c.is_ascii() {
            return c;
        }
        let Some(n) = self.view.norm_offset(at) else {
            return c;
        };
        let o = self.norm.original_offset(n);
        match self.norm.original().get(o..).and_then(|s| s.chars().next()) {
            Some(oc) if oc != c && crate::text::map_char(oc) == Some(c) => oc,
            _ => c,
        }
    }

    fn line_range(&self, i: usize) -> Range<usize> {
        self.view.lines.get(i).map_or(0..0, |l| l.start()..l.end())
    }

    fn diag(&mut self, out: &mut Vec<Diagnostic>, code: &'static str) {
        out.push(Diagnostic::new(code, 0..0));
    }
}

// ---------------------------------------------------------------------------------------------

impl Document {
    /// Reads every part of a document. Never fails and never panics: what is missing is
    /// `None` or empty, with a [`Diagnostic`].
    ///
    /// Spans are byte ranges of `text`, even when `text` is NFD or uses `Ð` for `Đ`.
    ///
    /// Time and memory are linear in the length of `text`. A text longer than
    /// [`MAX_INPUT_LEN`] bytes or [`MAX_LINES`] lines is read up to the limit only, with a
    /// `VB012` error diagnostic whose span is the part not read.
    pub fn parse(text: &str) -> Document {
        let read = within_limit(text, MAX_INPUT_LEN);
        // Words split at a line end (`hành chí-⏎nh`) are read whole; emphasis is dropped by
        // the view, which knows table markup too.
        let norm = Normalized::with_options(read, Options::new().join_hyphenated(true));
        let view = build_view(norm.as_str());
        let unread = view
            .cut
            .map_or(read.len(), |c| norm.original_offset(c).min(read.len()));
        let mut cx = Ctx {
            norm: &norm,
            view,
            limits: Vec::new(),
        };
        let mut doc = Document::default();
        let outline = parse_all(&mut cx, &mut doc);
        drop(cx);
        doc.outline = outline.build();
        if unread < text.len() {
            let detail = format!(
                "{unread} / {} bytes (MAX_INPUT_LEN {MAX_INPUT_LEN}, MAX_LINES {MAX_LINES})",
                text.len()
            );
            doc.diagnostics
                .push(Diagnostic::new("VB012", unread..text.len()).detail(&detail, &detail));
        }
        doc
    }

    /// Reads a document from bytes: UTF-8 (with or without a byte-order mark) is parsed as
    /// [`Document::parse`] does; anything else is refused, never decoded by guesswork.
    ///
    /// Spans are byte ranges of the text after the byte-order mark, that is of
    /// [`encoding::to_utf8`](crate::encoding::to_utf8)`(bytes)`.
    ///
    /// # Errors
    ///
    /// [`EncodingError::NotUtf8`](crate::encoding::EncodingError::NotUtf8) when the bytes are
    /// not UTF-8; the error names the legacy encoding they look like (TCVN3, VNI, VISCII), so
    /// that the caller can decode them with [`encoding::decode`](crate::encoding::decode)
    /// and parse the result.
    ///
    /// ```
    /// use vanban::Document;
    /// use vanban::encoding::{EncodingError, LegacyEncoding, decode, encode};
    ///
    /// let text = "Số: 05/SVHTTDL-VP\nLai Châu, ngày 13 tháng 6 năm 2023\nV/v cải cách hành chính";
    /// let doc = Document::parse_bytes(text.as_bytes())?;
    /// assert_eq!(doc.number.unwrap().value.to_string(), "05/SVHTTDL-VP");
    ///
    /// // The same text saved from a .VnTime (TCVN3) editor.
    /// let bytes = encode(text, LegacyEncoding::Tcvn3).unwrap();
    /// let err = Document::parse_bytes(&bytes).unwrap_err();
    /// let EncodingError::NotUtf8 { looks_like, .. } = &err else { unreachable!() };
    /// assert_eq!(looks_like.unwrap().encoding, LegacyEncoding::Tcvn3);
    /// assert!(err.to_string().contains("it looks like TCVN3 (ABC) text"));
    ///
    /// let doc = Document::parse(&decode(&bytes, LegacyEncoding::Tcvn3));
    /// assert_eq!(doc.date.unwrap().iso(), "2023-06-13");
    /// # Ok::<(), EncodingError>(())
    /// ```
    pub fn parse_bytes(bytes: &[u8]) -> Result<Document, crate::encoding::EncodingError> {
        crate::encoding::to_utf8(bytes).map(|text| Document::parse(&text))
    }

    /// Every span of the document, in no particular order: each part, each outline node's
    /// heading and extent, each diagnostic. All are byte ranges of the parsed text on char
    /// boundaries; tests and tools use this to check or highlight what was read.
    ///
    /// ```
    /// use vanban::Document;
    /// let text = "Số: 12/2012/QĐ-UBND\nĐiều 1. Phạm vi";
    /// let doc = Document::parse(text);
    /// assert!(doc.spans().iter().all(|r| text.get(r.clone()).is_some()));
    /// let number = doc.number.as_ref().unwrap().span.clone();
    /// assert_eq!(&text[number.clone()], "12/2012/QĐ-UBND");
    /// assert!(doc.spans().contains(&number));
    /// ```
    pub fn spans(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let spanned = [
            &self.quoc_hieu,
            &self.tieu_ngu,
            &self.place,
            &self.kind_heading,
            &self.subject,
        ];
        out.extend(spanned.into_iter().flatten().map(|s| s.span.clone()));
        if let Some(i) = &self.issuer {
            out.extend(i.parent.iter().chain([&i.name]).map(|s| s.span.clone()));
        }
        out.extend(self.number.iter().map(|n| n.span.clone()));
        out.extend(self.date_span.iter().cloned());
        out.extend(self.marks.iter().map(|m| m.text.span.clone()));
        out.extend(self.recipients.iter().map(|r| r.span.clone()));
        out.extend(self.bases.iter().map(|b| b.text.span.clone()));
        for s in &self.signatures {
            out.push(s.span.clone());
            let parts = s.authority_lines.iter().chain(&s.title).chain(&s.name);
            out.extend(parts.map(|x| x.span.clone()));
        }
        out.extend(self.noi_nhan.iter().map(|e| e.text.span.clone()));
        out.extend(self.diagnostics.iter().map(|d| d.span.clone()));
        // An explicit stack: the outline is bounded by MAX_OUTLINE_DEPTH, but a walk that
        // cannot overflow costs nothing more.
        let mut stack: Vec<&OutlineNode> = self.outline.iter().collect();
        while let Some(n) = stack.pop() {
            out.push(n.span.clone());
            out.push(n.extent.clone());
            stack.extend(&n.children);
        }
        out
    }

    /// The citations of other documents in `text`, the text this document was parsed from:
    /// every mention [`citations`](crate::citations) finds except those of the document's own
    /// number (in its header, annexes or running headers).
    ///
    /// ```
    /// use vanban::Document;
    /// let text = "Số: 12/2012/QĐ-UBND\n\nQUYẾT ĐỊNH\nCăn cứ Nghị định số 69/2009/NĐ-CP;\n\
    ///             (Ban hành kèm theo Quyết định số 12/2012/QĐ-UBND)";
    /// let doc = Document::parse(text);
    /// let cited: Vec<String> = doc.citations(text).map(|c| c.number.to_string()).collect();
    /// assert_eq!(cited, ["69/2009/NĐ-CP"]);
    /// ```
    pub fn citations<'t>(&self, text: &'t str) -> impl Iterator<Item = Citation<'t>> + use<'t> {
        let own = self.number.as_ref().map(|n| n.value.clone());
        crate::citations(text).filter(move |c| c.cites_another(own.as_ref()))
    }
}

/// `text` cut to at most `limit` bytes: after the last line break before the limit if
/// there is one in the last 64 KiB, else at a char boundary.
fn within_limit(text: &str, limit: usize) -> &str {
    if text.len() <= limit {
        return text;
    }
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    match head.rfind('\n') {
        Some(nl) if cut - nl <= 64 << 10 => &text[..nl + 1],
        _ => head,
    }
}

/// Reads every part; the outline is returned to be built once the view is dropped.
fn parse_all(cx: &mut Ctx<'_, '_>, doc: &mut Document) -> Pending {
    let n = cx.view.lines.len();
    let scan_limit = n.min(80);

    // Quốc hiệu / Party line: the first in the opening lines. It may share a Markdown heading
    // with the issuer (`# ỦY BAN NHÂN DÂN TỈNH X CỘNG HÒA XÃ HỘI …`); a crawler's title is in
    // mixed case and never matches the capitals of the pattern.
    let mut qh_line = None;
    for i in 0..scan_limit {
        let line = cx.view.line(i);
        // Both lines end with `VIỆT NAM`: a line without `NAM` is not searched.
        if memchr::memmem::find(line.as_bytes(), b"NAM").is_none() {
            continue;
        }
        let m = QUOC_HIEU
            .find(line)
            .map(|m| (m, false))
            .or_else(|| PARTY_LINE.find(line).map(|m| (m, true)));
        if let Some((m, party)) = m {
            let lr = cx.line_range(i);
            let r = lr.start + m.start()..lr.start + m.end();
            doc.quoc_hieu = Some(cx.spanned_range(r));
            doc.party = party;
            qh_line = Some((i, m.start()));
            break;
        }
    }
    if let Some((q, _)) = qh_line {
        for i in q..(q + 4).min(n) {
            let line = cx.view.line(i);
            if let Some(m) = TIEU_NGU.find(line) {
                let lr = cx.line_range(i);
                doc.tieu_ngu = Some(cx.spanned_range(lr.start + m.start()..lr.start + m.end()));
                break;
            }
        }
    }

    // The header ends where the legal bases or the body begin.
    let start = qh_line.map_or(0, |(q, _)| q.saturating_sub(8));
    let mut header_end = (start + 45).min(n);
    for i in start..header_end {
        if BODY_START.is_match(cx.view.line(i)) || noi_nhan_label(cx.view.line(i)) {
            header_end = i;
            break;
        }
    }

    // Số, ký hiệu.
    let mut number_line = None;
    // From the Quốc hiệu down first: a flattened crawler title above it may name a number too.
    let num_end = header_end.max(qh_line.map_or(1, |(q, _)| q + 2)).min(n);
    let q0 = qh_line.map_or(0, |(q, _)| q.min(num_end));
    'num: for i in (q0..num_end).chain(0..q0) {
        let l = &cx.view.lines[i];
        if l.heading() {
            continue;
        }
        // The label may end one line and the number start the next (flattened text).
        let lr = cx.line_range(i);
        let next_end = cx.view.lines.get(i + 1).map_or(lr.end, |l| l.end());
        let hay = cx.view.text.get(lr.start..next_end).unwrap_or("");
        if !may_hold_number_label(hay) {
            continue;
        }
        for c in NUMBER.captures_iter(hay) {
            let Some(m) = c.name("num") else { continue };
            // Where the label itself starts (the match may begin with the line break before
            // it): a label on the next line belongs to that line.
            let full = c.get(0).map_or(0, |f| {
                f.start() + (f.as_str().len() - f.as_str().trim_start().len())
            });
            if full >= lr.end - lr.start {
                continue;
            }
            if let Some((value, len)) = parse_number(m.as_str()) {
                let r = lr.start + m.start()..lr.start + m.start() + len;
                let span = cx.span(r.clone());
                doc.number = Some(NumberPart { value, span });
                number_line = Some((i, r.end));
                break 'num;
            }
        }
    }

    // Issuer.
    parse_issuer(cx, doc, qh_line, number_line.map(|(i, _)| i));

    // Place and date.
    let mut pd_line = None;
    for i in 0..header_end.max(scan_limit.min(12)) {
        if cx.view.lines[i].heading() {
            continue;
        }
        let lr = cx.line_range(i);
        let line = cx.view.line(i);
        if let Some(pd) = place_date(line) {
            let pr = lr.start + pd.place_span.start..lr.start + pd.place_span.end;
            doc.place = Some(cx.spanned_range(pr.clone()));
            doc.date = Some(pd.date);
            doc.date_span = Some(cx.span(pr.start..lr.start + pd.date_span.end));
            pd_line = Some((i, pd.date_span.end));
            break;
        }
    }

    // Marks: a line of their own in the header.
    for i in 0..header_end {
        let line = cx.view.line(i);
        if MARK.is_match(line) {
            let kind = if line.contains("MẬT") {
                MarkKind::Secrecy
            } else if line.contains("KHẨN") || line.contains("TỐC") {
                MarkKind::Urgency
            } else {
                MarkKind::Circulation
            };
            let r = cx.line_range(i);
            doc.marks.push(Mark {
                kind,
                text: cx.spanned_range(r),
            });
        }
    }

    // Kind heading and subject.
    let head_from = number_line
        .map(|(i, _)| i)
        .or(qh_line.map(|(q, _)| q))
        .unwrap_or(0);
    parse_heading(cx, doc, head_from, header_end, pd_line);
    if doc.subject.is_none()
        && let Some((nl, _)) = number_line.or(pd_line)
    {
        parse_vv(cx, doc, nl, header_end);
    }
    let vv_found = doc.subject.is_some() && doc.kind_heading.is_none();

    // A text that lost its header still names itself in its annexes' captions.
    if doc.number.is_none() {
        number_from_annex(cx, doc);
    }

    // Kind: the number names it when it can (VBHN over the consolidated act's heading).
    let num_kind = doc.number.as_ref().and_then(|n| n.value.kind());
    let num_cv = doc
        .number
        .as_ref()
        .is_some_and(|n| n.value.system() == NumberSystem::CongVan);
    let heading_kind = doc
        .kind_heading
        .as_ref()
        .and_then(|h| DocKind::from_name(&h.text));
    let law = doc
        .number
        .as_ref()
        .is_some_and(|n| n.value.kind().is_none() && n.value.legislature_term().is_some());
    doc.kind = num_kind
        .or(heading_kind)
        .or(if law { Some(DocKind::Luat) } else { None })
        .or(if num_cv || vv_found {
            Some(DocKind::CongVan)
        } else {
            None
        });

    // Nơi nhận first, then signatures around it.
    // Without any header line found, the whole text is body.
    let body_from = pd_line
        .or(number_line)
        .or(qh_line)
        .map_or(0, |(i, _)| (i + 1).min(header_end));
    // The label may be a Markdown heading (`# Nơi nhận:`).
    let nn = (body_from..n).find(|&i| {
        let l = heading_body(cx, i).1;
        noi_nhan_label(l) || fold_starts_with(l.get(..l.len().min(20)).unwrap_or(l), "noi nhan")
    });

    // Kính gửi: near the header, before the body and before Nơi nhận.
    let kg_from = number_line.map_or(0, |(i, _)| i);
    let kg_to = (pd_line.map_or(header_end, |(i, _)| i.max(header_end)) + 12)
        .min(nn.unwrap_or(n))
        .min(n);
    parse_recipients(cx, doc, kg_from, kg_to);

    let mut nn_end = None;
    if let Some(nn) = nn {
        nn_end = Some(parse_noi_nhan(cx, doc, nn));
    }
    parse_signatures(cx, doc, body_from, nn, nn_end);

    parse_bases(cx, doc, header_end, n);
    let outline_end = nn
        .or_else(|| doc.signatures.first().map(|_| n))
        .unwrap_or(n);
    let outline = read_outline(cx, header_end, outline_end);

    diagnostics(cx, doc);
    outline
}

/// The document's own number and date read from an annex caption, for a text whose header
/// was lost (a crawl that starts at `Kính gửi`): an annex is captioned with the document it
/// is attached to (NĐ 30/2020, Phụ lục I §III: `(Kèm theo Quyết định số …/QĐ-… ngày … của
/// …)`, also `(Ban hành kèm theo …)`). Only a caption line that opens with the bracket counts,
/// not `kèm theo` in running text, and the date is taken only when the header gave none.
fn number_from_annex(cx: &Ctx<'_, '_>, doc: &mut Document) {
    for i in 0..cx.view.lines.len() {
        let t = cx.view.line(i);
        let Some(rest) = t.strip_prefix('(') else {
            continue;
        };
        if !(fold_starts_with(rest, "kem theo ") || fold_starts_with(rest, "ban hanh kem theo ")) {
            continue;
        }
        // The caption as the view reads it: a caption wrapped inside its emphasis is one
        // line, and the next two are read too. Spans map back through the view.
        let lr = cx.line_range(i);
        let to = cx
            .view
            .lines
            .get(i + 2)
            .map_or(lr.end, |l| l.end().max(lr.end));
        let Some(caption) = cx.view.text.get(lr.start..to) else {
            continue;
        };
        let Some(c) = crate::citations(caption).next() else {
            continue;
        };
        let at = |r: &Range<usize>| cx.span(lr.start + r.start..lr.start + r.end);
        doc.number = Some(NumberPart {
            value: c.number.clone(),
            span: at(&c.number_span),
        });
        if doc.date.is_none()
            && let (Some(d), Some(ds)) = (c.date, c.date_span.as_ref())
        {
            doc.date = Some(d);
            doc.date_span = Some(at(ds));
        }
        if doc.kind.is_none() {
            doc.kind = c.kind;
        }
        // `… của Bộ Tài chính)`: whose document it is, when the header that said so is lost.
        if doc.issuer.is_none()
            && let Some(is) = c.issuer_span.as_ref()
        {
            doc.issuer = Some(Issuer {
                parent: None,
                name: cx.spanned_range(lr.start + is.start..lr.start + is.end),
            });
        }
        return;
    }
}

/// Parses a number written in the header, dropping trailing groups that do not parse.
/// Returns the number and the length of the text used.
fn parse_number(s: &str) -> Option<(DocNumber, usize)> {
    // A sentence's full stop after the number is not part of it.
    let mut t = s.trim_end().trim_end_matches('.');
    for _ in 0..6 {
        if let Ok(p) = DocNumber::parse_with_notes(t) {
            return Some((p.number, t.len()));
        }
        let cut = t.rfind(['/', '-'])?;
        t = t.get(..cut)?.trim_end();
        if t.is_empty() {
            return None;
        }
    }
    None
}

/// Words of `s` with their byte offsets.
fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace().map(move |w| {
        let off = w.as_ptr() as usize - s.as_ptr() as usize;
        (off, w)
    })
}

const SUB_BODIES: &[&str] = &[
    "TỔNG CỤC",
    "CHI CỤC",
    "CỤC",
    "SỞ",
    "VỤ",
    "VIỆN",
    "TRƯỜNG",
    "BỆNH VIỆN",
    "TRUNG TÂM",
    "BAN",
    "VĂN PHÒNG",
    "ỦY BAN NHÂN DÂN",
    "UỶ BAN NHÂN DÂN",
    "UBND",
    "HỘI ĐỒNG",
    "KHO BẠC",
    "BẢO HIỂM XÃ HỘI",
    "CÔNG AN",
    "BỘ CHỈ HUY",
    "ĐẢNG ỦY",
    "ĐẢNG ĐOÀN",
    "BAN CÁN SỰ",
    "PHÒNG",
];
const NOT_AFTER: &[&str] = &[
    "THƯỜNG",
    "ỦY",
    "UỶ",
    "VĂN",
    "QUỐC",
    "BỘ",
    "MÔI",
    "THỊ",
    "CƠ",
    "TỔNG",
    "CHI",
    "BỆNH",
    "NHÀ",
    "CÁN",
    "ĐẢNG",
    "VÀ",
    "-",
    ",",
];

/// [`SUB_BODIES`], each split into its words.
static SUB_BODY_WORDS: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| SUB_BODIES.iter().map(|k| k.split(' ').collect()).collect());

/// Where the issuing body starts in a header line that also holds its parent body.
fn split_parent(words: &[&str]) -> Option<usize> {
    let mut found = None;
    for i in 1..words.len() {
        if NOT_AFTER.contains(&words[i - 1].trim_end_matches(',')) || words[i - 1].ends_with(',') {
            continue;
        }
        for kws in SUB_BODY_WORDS.iter() {
            if words
                .get(i..i + kws.len())
                .is_some_and(|ws| ws.iter().zip(kws).all(|(a, b)| a == b))
                && i + kws.len() < words.len()
            {
                found = Some(i);
            }
        }
    }
    found
}

fn parse_issuer(
    cx: &mut Ctx<'_, '_>,
    doc: &mut Document,
    qh_line: Option<(usize, usize)>,
    number_line: Option<usize>,
) {
    // Collect the issuer text as view ranges (one per line).
    let mut parts: Vec<Range<usize>> = Vec::new();
    let anchor = qh_line.or(number_line.map(|i| (i, 0)));
    let Some((q, off)) = anchor else { return };
    let lr = cx.line_range(q);
    let pre = cx.view.text.get(lr.start..lr.start + off).unwrap_or("");
    let pre_t = pre.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '|'));
    // The upper-case run at the end of the text before the Quốc hiệu on a merged line.
    if let Some(f) = upper_tail(pre_t) {
        parts.push(lr.start + f..lr.start + pre_t.len());
        // The two header columns read row by row (OCR, PDF text): the issuer's name goes on
        // at the left of the next rows, before the tiêu ngữ (`SỞ LAO ĐỘNG THƯƠNG BINH Độc lập
        // - Tự do - Hạnh phúc⏎VÀ XÃ HỘI`).
        parts.extend(left_column_below(cx, q, number_line));
    } else {
        // Lines above, upper case, until a blank or a lower-case line. When the left column
        // came first (issuer, number, trích yếu, then the Quốc hiệu), the issuer is above the
        // number: what stands between the number and the Quốc hiệu is the trích yếu.
        let mut i = match number_line {
            Some(nl) if nl < q && q - nl <= 8 => nl + 1,
            _ => q,
        };
        let mut got: Vec<Range<usize>> = Vec::new();
        while i > 0 && got.len() < 4 {
            i -= 1;
            let l = cx.view.lines[i];
            let t = cx.view.line(i);
            if l.heading() {
                break;
            }
            // The number printed between the issuer and the Quốc hiệu, as gazette text
            // layers give the left column first (`CHÍNH PHỦ⏎___⏎Số: 113/NQ-CP⏎CỘNG HÒA …`).
            if got.is_empty() && Some(i) == number_line {
                continue;
            }
            if t.is_empty() || is_separator_line(t) {
                if got.is_empty() {
                    continue;
                }
                break;
            }
            let t2 = t.trim_end_matches(['-', '*', ' ', '_', '=']);
            // A copy's stamp above the issuer (NĐ 30/2020, Điều 25: bản sao y, sao lục,
            // trích sao) is not part of it.
            if ["sao y", "sao luc", "trich sao", "ban sao"]
                .iter()
                .any(|p| fold_starts_with(t2, p))
            {
                break;
            }
            if !t2
                .split_whitespace()
                .all(|w| is_upper_word(w) || w == "-" || w == "&")
                || t2.split_whitespace().count() > 16
                || t2.starts_with("SỐ")
                || NUMBER.is_match(t2)
            {
                // A crawler title fused with the issuer line: keep its upper-case tail.
                if got.is_empty()
                    && let Some(f) = upper_tail(t2)
                {
                    got.push(l.start() + f..l.start() + t2.len());
                }
                break;
            }
            got.push(l.start()..l.start() + t2.len());
        }
        got.reverse();
        parts = got;
    }
    if parts.is_empty() && doc.party && qh_line.is_some() {
        parts = party_committee_below(cx, q, number_line);
    }
    if parts.is_empty() && qh_line.is_some() {
        parts = top_of_left_column(cx, q);
    }
    if parts.is_empty() {
        return;
    }
    // Join, then split parent / name at a subordinate body's first word.
    let joined: Vec<(usize, &str)> = parts
        .iter()
        .flat_map(|r| {
            let t = cx.view.text.get(r.clone()).unwrap_or("");
            word_spans(t)
                .map(move |(o, w)| (r.start + o, w))
                .collect::<Vec<_>>()
        })
        .collect();
    let words: Vec<&str> = joined.iter().map(|&(_, w)| w).collect();
    let Some(&(first, _)) = joined.first() else {
        return;
    };
    let Some(&(lo, lw)) = joined.last() else {
        return;
    };
    let last_end = lo + lw.len();
    let split = if parts.len() >= 2 {
        // Separate lines: a subordinate body on a later line starts the name.
        let second = parts[1].start;
        split_parent(&words).or_else(|| {
            let line_words = joined.iter().position(|&(o, _)| o >= second)?;
            let first_line: Vec<&str> = words[..line_words].to_vec();
            // Two bodies on two lines are parent and name when the first is a known parent.
            (first_line
                .first()
                .is_some_and(|w| ["UBND", "BỘ", "ỦY", "UỶ", "TỈNH", "HUYỆN"].contains(w))
                && split_parent(&words).is_none()
                && words[line_words..]
                    .first()
                    .is_some_and(|w| SUB_BODIES.iter().any(|k| k.split(' ').next() == Some(*w))))
            .then_some(line_words)
        })
    } else {
        split_parent(&words)
    };
    // The text of the words from `a` to `b` (view offsets), part by part: the parts may
    // be apart (the other column between them), the span covers them all.
    let words_text = |a: usize, b: usize| -> Spanned {
        let mut text = String::new();
        for r in &parts {
            let (lo, hi) = (r.start.max(a), r.end.min(b));
            if lo < hi {
                let t = cx.spanned_range(lo..hi).text;
                if !t.is_empty() {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(&t);
                }
            }
        }
        cx.spanned(a..b, text)
    };
    match split {
        Some(k) if k > 0 && k < joined.len() => {
            let pend = joined[k - 1].0 + joined[k - 1].1.len();
            doc.issuer = Some(Issuer {
                parent: Some(words_text(first, pend)),
                name: words_text(joined[k].0, last_end),
            });
        }
        _ => {
            let name = words_text(first, last_end);
            doc.issuer = Some(Issuer { parent: None, name });
        }
    }
}

/// The issuer at the top of the left column of a header table whose columns are read one
/// after the other (cells broken by `<br>`: issuer, number and trích yếu in the left cell,
/// the Quốc hiệu in the right): the upper-case lines that open the table's first column.
fn top_of_left_column(cx: &Ctx<'_, '_>, q: usize) -> Vec<Range<usize>> {
    let mut got = Vec::new();
    let Some(qc) = cx.view.lines.get(q).and_then(|l| l.cell()) else {
        return got;
    };
    if qc.col == 0 {
        return got;
    }
    let Some(first) = (0..q).find(|&i| {
        cx.view.lines[i]
            .cell()
            .is_some_and(|c| c.table == qc.table && c.col == 0)
    }) else {
        return got;
    };
    for i in first..q {
        let l = &cx.view.lines[i];
        if l.cell().is_none_or(|c| c.table != qc.table || c.col != 0) || got.len() == 4 {
            break;
        }
        let t = cx.view.line(i).trim_end_matches(['-', '*', ' ', '_', '=']);
        if t.is_empty() || is_separator_line(t) {
            if got.is_empty() {
                continue;
            }
            break;
        }
        if !is_caps_line(t) || NUMBER.is_match(t) {
            break;
        }
        let lr = cx.line_range(i);
        got.push(lr.start..lr.start + t.len());
    }
    got
}

/// The left column of the header rows under a merged Quốc hiệu row: the upper-case text
/// before the tiêu ngữ on the next row, then whole upper-case rows, until a blank row, a rule,
/// the number or anything else (at most two rows).
fn left_column_below(cx: &Ctx<'_, '_>, q: usize, number_line: Option<usize>) -> Vec<Range<usize>> {
    let mut got = Vec::new();
    let n = cx.view.lines.len();
    for i in q + 1..(q + 3).min(n) {
        if Some(i) == number_line {
            break;
        }
        let lr = cx.line_range(i);
        let line = cx.view.line(i);
        let left = match TIEU_NGU.find(line) {
            Some(m) => line.get(..m.start()).unwrap_or(""),
            None if got.is_empty() && i == q + 1 => break,
            None => line,
        };
        let t = left.trim_end_matches([' ', '-', '*', '_']);
        if t.is_empty() || is_separator_line(t) || NUMBER.is_match(t) || !is_caps_line(t) {
            break;
        }
        let lead = t.len() - t.trim_start().len();
        got.push(lr.start + lead..lr.start + t.len());
    }
    got
}

/// The committee that issues a Party document, read under the Party line when nothing
/// stands above it (HD 36-HD/VPTW, §1: the committee's name and `*` on the left, the Party
/// line on the right; a text layer may give the right column first): the upper-case lines
/// after the Party line, before the `*` mark, the number or the place and date.
fn party_committee_below(
    cx: &Ctx<'_, '_>,
    q: usize,
    number_line: Option<usize>,
) -> Vec<Range<usize>> {
    let mut got = Vec::new();
    let n = cx.view.lines.len();
    // The rest of the Party line itself: `ĐẢNG CỘNG SẢN VIỆT NAM TỈNH ỦY LAI CHÂU`.
    let lr = cx.line_range(q);
    let line = cx.view.line(q);
    if let Some(m) = PARTY_LINE.find(line) {
        let rest = line.get(m.end()..).unwrap_or("");
        let t = rest.trim_matches([' ', '-', '*', ',']);
        if !t.is_empty() && t.split_whitespace().all(is_upper_word) && !NUMBER.is_match(t) {
            let o = lr.start
                + m.end()
                + (rest.len() - rest.trim_start_matches([' ', '-', '*', ',']).len());
            got.push(o..o + t.len());
            return got;
        }
    }
    for i in q + 1..(q + 6).min(n) {
        let t = cx.view.line(i);
        if t.is_empty() && got.is_empty() {
            continue;
        }
        if t.is_empty()
            || is_separator_line(t)
            || Some(i) == number_line
            || NUMBER.is_match(t)
            || has_place_date(t)
            || !t.split_whitespace().all(|w| is_upper_word(w) || w == "-")
        {
            break;
        }
        got.push(cx.line_range(i));
    }
    got
}

/// Where the run of upper-case words at the end of `t` starts, if there is one.
fn upper_tail(t: &str) -> Option<usize> {
    let mut from = None;
    for (i, w) in word_spans(t).collect::<Vec<_>>().into_iter().rev() {
        if is_upper_word(w) && !w.chars().any(|c| c.is_ascii_digit()) || w == "-" || w == "," {
            from = Some(i);
        } else {
            break;
        }
    }
    let f = from?;
    let s = t.get(f..)?;
    let s2 = s.trim_start_matches(['-', ',', ' ']);
    (!s2.is_empty()).then_some(f + (s.len() - s2.len()))
}

/// Whether `w` (upper case) starts an enacting-authority line such as `CHỦ TỊCH ỦY BAN …`.
fn is_authority_line(t: &str, issuer: Option<&str>) -> bool {
    if !t
        .split_whitespace()
        .all(|w| is_upper_word(w) || w == "-" || w == ",")
    {
        return false;
    }
    if issuer.is_some_and(|i| fold_eq(i, t)) {
        return true;
    }
    [
        "CHỦ TỊCH",
        "BỘ TRƯỞNG",
        "THỦ TƯỚNG",
        "GIÁM ĐỐC",
        "TỔNG GIÁM ĐỐC",
        "CỤC TRƯỞNG",
        "TỔNG CỤC TRƯỞNG",
        "ỦY BAN",
        "UỶ BAN",
        "HỘI ĐỒNG",
        "CHÍNH PHỦ",
        "QUỐC HỘI",
        "VIỆN TRƯỞNG",
        "CHÁNH ÁN",
        "TỔNG KIỂM TOÁN",
        "BAN THƯỜNG VỤ",
        "BAN CHẤP HÀNH",
        "BỘ CHÍNH TRỊ",
        "BAN BÍ THƯ",
        "THỐNG ĐỐC",
        "CHỦ NHIỆM",
        "TRƯỞNG BAN",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

fn parse_heading(
    cx: &mut Ctx<'_, '_>,
    doc: &mut Document,
    from: usize,
    header_end: usize,
    pd_line: Option<(usize, usize)>,
) {
    let n = cx.view.lines.len();
    let to = (header_end + 2).min(n).max(from);
    let issuer_name = doc.issuer.as_ref().map(|i| i.name.text.clone());
    // A line that is the kind name alone.
    let mut found: Option<(usize, Range<usize>, Option<Range<usize>>)> = None;
    // Lines from the number (or Quốc hiệu) down: a Markdown heading there is the document's
    // own (`# QUYẾT ĐỊNH`), unlike a crawler's title above the header.
    for i in from..to {
        let l = &cx.view.lines[i];
        let (off, line) = heading_body(cx, i);
        let t = line.trim_end_matches(':');
        if t.is_empty() || !is_upper_word(t) || t.len() > 40 {
            continue;
        }
        if t.split_whitespace().all(is_upper_word) && DocKind::from_name(t).is_some() {
            // `QUYẾT ĐỊNH:` with a colon is the enacting formula, not the heading.
            if line.ends_with(':') {
                continue;
            }
            found = Some((i, l.start() + off..l.start() + off + t.len(), None));
            break;
        }
    }
    // Or a kind name opening a line of upper-case text (flattened text), possibly after the
    // place and date on the same merged line.
    if found.is_none() {
        'outer: for i in from..to {
            let heading = cx.view.lines[i].heading();
            let lr = cx.line_range(i);
            let skip = match pd_line {
                Some((p, off)) if p == i => off,
                _ => heading_body(cx, i).0,
            };
            let t = cx.view.text.get(lr.start + skip..lr.end).unwrap_or("");
            let t_trim = t.trim_start();
            let base = lr.start + skip + (t.len() - t_trim.len());
            let ws: Vec<(usize, &str)> = word_spans(t_trim).take(5).collect();
            for k in (1..=ws.len().min(4)).rev() {
                let (o, w) = ws[k - 1];
                let head_end = o + w.len();
                let head = t_trim.get(..head_end).unwrap_or("");
                // In a Markdown heading the trích yếu may follow in any case (`# KẾ HOẠCH
                // Thực hiện …`); on a flattened line only in capitals.
                if head.split_whitespace().all(is_upper_word)
                    && DocKind::from_name(head).is_some()
                    && ws
                        .get(k)
                        .is_some_and(|&(_, nw)| heading || is_upper_word(nw))
                {
                    let rest = t_trim.get(head_end..).unwrap_or("");
                    let rest_t = rest.trim_start();
                    let rs = base + head_end + (rest.len() - rest_t.len());
                    let re_ = cut_at_body(rest_t);
                    found = Some((i, base..base + head_end, Some(rs..rs + re_)));
                    break 'outer;
                }
            }
        }
    }
    let Some((i, hr, inline)) = found else { return };
    doc.kind_heading = Some(cx.spanned_range(hr));
    // `QUYẾT ĐỊNH CỦA CHỦ TỊCH NƯỚC`: the issuer named on the heading line is part of the
    // heading; the trích yếu follows.
    let inline = inline.filter(|r| {
        let t = cx.view.text.get(r.clone()).unwrap_or("");
        !fold_starts_with(t, "cua ") || fold_key(t).contains(" ve ")
    });
    if let Some(r) = inline {
        let raw = cx.view.text.get(r.clone()).unwrap_or("");
        let cut = cut_enacting_authority(raw, issuer_name.as_deref());
        let r = r.start..r.start + cut;
        let s = cx.spanned_range(r.clone());
        if !s.text.is_empty() {
            doc.subject = Some(clean_subject(cx, r));
        }
        return;
    }
    // The subject: the lines under the heading until a blank line or the body.
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut j = i + 1;
    while j < n && lines.len() < 8 {
        let t = cx.view.line(j);
        if t.is_empty() || is_separator_line(t) {
            if lines.is_empty() && j < i + 3 {
                j += 1;
                continue;
            }
            break;
        }
        let upper_so_far = lines.iter().all(|r| {
            let t = cx.view.text.get(r.clone()).unwrap_or("");
            !t.chars().any(char::is_lowercase)
        });
        if BODY_START.is_match(t)
            || cx.view.lines[j].heading()
            || (!lines.is_empty() && is_authority_line(t, issuer_name.as_deref()))
            || KINH_GUI.is_match(t)
            || is_cong_dien_formula(t)
            // A trích yếu in capitals ends where prose begins (`… TỈNH ĐIỆN BIÊN⏎Trong các
            // ngày 08 và 09 tháng 11 năm 2025, Phó Thủ tướng …`).
            || (!lines.is_empty() && upper_so_far && is_prose(t))
        {
            break;
        }
        let lr = cx.line_range(j);
        let cut = cut_at_body(t);
        lines.push(lr.start..lr.start + cut);
        if cut < t.len() {
            break;
        }
        j += 1;
    }
    if let (Some(a), Some(b)) = (lines.first(), lines.last()) {
        let mut start = a.start;
        // `KẾT LUẬN⏎CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ⏎VỀ TÌNH HÌNH …`: the issuer under the
        // heading belongs to it; the trích yếu starts at `VỀ`.
        // Only a line that opens with `VỀ` starts it: `CỦA BỘ XÂY DỰNG SỐ 04/2001/TT-BXD …
        // HƯỚNG DẪN … VỀ …` is one trích yếu.
        let t = cx.view.text.get(a.clone()).unwrap_or("");
        if fold_starts_with(t, "cua ")
            && let Some(l) = lines[1..].iter().find(|l| {
                let t = cx.view.text.get((*l).clone()).unwrap_or("");
                fold_starts_with(t, "ve ")
            })
        {
            start = l.start;
        }
        doc.subject = Some(clean_subject(cx, start..b.end));
    }
}

/// A view line without the `#` marks of a Markdown heading: the offset of its text in the
/// line, and the text.
fn heading_body<'v>(cx: &'v Ctx<'_, '_>, i: usize) -> (usize, &'v str) {
    let line = cx.view.line(i);
    if !cx.view.lines.get(i).is_some_and(|l| l.heading()) {
        return (0, line);
    }
    let t = line.trim_start_matches('#').trim_start();
    (line.len() - t.len(), t)
}

/// Length of a flattened subject before the enacting authority that follows it on the same
/// line (`… VỀ VIỆC X BỘ TRƯỞNG BỘ Y TẾ`).
fn cut_enacting_authority(t: &str, issuer: Option<&str>) -> usize {
    const STARTERS: &[&str] = &[
        "BỘ TRƯỞNG",
        "CHỦ TỊCH",
        "THỦ TƯỚNG",
        "GIÁM ĐỐC",
        "TỔNG GIÁM ĐỐC",
        "CỤC TRƯỞNG",
        "TỔNG CỤC TRƯỞNG",
        "CHÁNH ÁN",
        "VIỆN TRƯỞNG",
        "TỔNG KIỂM TOÁN",
        "THỐNG ĐỐC",
    ];
    let ws: Vec<(usize, &str)> = word_spans(t).collect();
    if t.chars().any(char::is_lowercase) {
        // A mixed-case subject followed by an upper-case authority line.
        return match upper_tail(t) {
            Some(f)
                if t.get(f..)
                    .is_some_and(|x| x.split_whitespace().count() >= 2) =>
            {
                t.get(..f).map_or(f, |x| x.trim_end().len())
            }
            _ => t.len(),
        };
    }
    let issuer_key = issuer.map(fold_key);
    for k in 3..ws.len() {
        if ws.len() - k > 12 {
            continue;
        }
        let tail = t.get(ws[k].0..).unwrap_or("");
        let prev = ws[k - 1].1;
        if matches!(prev, "CỦA" | "VÀ" | "VỚI" | "TẠI" | "THUỘC" | "CHO" | "ĐỐI") {
            continue;
        }
        if STARTERS.iter().any(|s| tail.starts_with(s))
            || issuer_key
                .as_deref()
                .is_some_and(|i| fold_chars(tail).eq(i.chars()))
        {
            return t.get(..ws[k].0).map_or(ws[k].0, |x| x.trim_end().len());
        }
    }
    t.len()
}

/// Whether `c` of the caller's text is one that normalization writes as another visible
/// character and that [`Ctx::spanned_range`] gives back: a dash or slash variant, a Cyrillic
/// letter typed for a Latin one.
fn is_restorable(c: char) -> bool {
    !c.is_ascii()
        && !c.is_whitespace()
        && !matches!(c, 'Ð' | 'ð')
        && crate::text::map_char(c).is_some_and(|m| m != c)
}

/// Whether `t` is the formula that opens a Công điện after its trích yếu
/// (`THỦ TƯỚNG CHÍNH PHỦ điện:`).
fn is_cong_dien_formula(t: &str) -> bool {
    let t = t.trim_end_matches(['*', ' ']);
    t.len() < 120
        && t.ends_with(':')
        && t.rsplit(' ')
            .next()
            .is_some_and(|w| w != t && fold_eq(w, "điện:"))
}

/// Whether `t` may hold a label of [`NUMBER`]: each has `ố`/`Ố` (`Số`, `SỐ`, `số`) or is one
/// of the two OCR forms `S0`, `Sô`. The header's lines are asked before the pattern runs.
fn may_hold_number_label(t: &str) -> bool {
    let b = t.as_bytes();
    ["ố", "Ố", "S0", "Sô"]
        .iter()
        .any(|p| memchr::memmem::find(b, p.as_bytes()).is_some())
}

/// The place-date of header line `t` ([`crate::date::parse_place_date`], the one reader of
/// it), asked only when `t` names a day in the spellings a header uses.
fn place_date(t: &str) -> Option<crate::date::PlaceDate> {
    let b = t.as_bytes();
    let named = memchr::memmem::find(b, "gày".as_bytes()).is_some()
        || memchr::memmem::find(b, "GÀY".as_bytes()).is_some();
    if !named {
        return None;
    }
    crate::date::parse_place_date(t)
}

/// Whether `t` holds a place-date.
fn has_place_date(t: &str) -> bool {
    place_date(t).is_some()
}

/// Whether `t` reads as prose: it opens with a word in lower or mixed case and most of its
/// words are in lower case.
fn is_prose(t: &str) -> bool {
    let mut words = 0;
    let mut lower = 0;
    for w in t.split_whitespace() {
        words += 1;
        if w.chars().any(char::is_lowercase) {
            lower += 1;
        }
    }
    let first_mixed = t
        .split_whitespace()
        .next()
        .is_some_and(|w| w.chars().any(char::is_lowercase));
    first_mixed && lower >= 3 && lower * 2 > words
}

/// Length of `t` before an inline `Căn cứ` that starts the body on a flattened line.
fn cut_at_body(t: &str) -> usize {
    for pat in [" Căn cứ ", " Xét đề nghị", " Theo đề nghị", " Kính gửi"] {
        if let Some(p) = t.find(pat) {
            return p;
        }
    }
    t.len()
}

fn clean_subject(cx: &Ctx<'_, '_>, r: Range<usize>) -> Spanned {
    let raw = cx.view.text.get(r.clone()).unwrap_or("");
    let mut t = raw.trim_end_matches([';', '.', ' ', ',', '\n']);
    // Quotes around a whole trích yếu (`"Vv …"`) are not part of it; a quoted name that
    // ends it (`… DỰ ÁN “GIÚP ĐỠ …”`) is.
    let mut lead = 0;
    let opened = t.trim_start_matches(' ');
    if opened.starts_with(['"', '“']) {
        lead = t.len() - opened.len() + opened.chars().next().map_or(0, char::len_utf8);
        t = t.trim_end_matches(['"', '”', ' ', '.', ';']);
    }
    let r = r.start + lead.min(t.len())..r.start + t.len();
    cx.spanned_range(r)
}

fn parse_vv(cx: &mut Ctx<'_, '_>, doc: &mut Document, from: usize, header_end: usize) {
    let n = cx.view.lines.len();
    let to = (header_end + 3).min(n);
    for i in from.saturating_sub(2)..to {
        if cx.view.lines[i].heading() {
            continue;
        }
        let line = cx.view.line(i);
        let Some(m) = VV.find(line) else { continue };
        let lr = cx.line_range(i);
        let cell = cx.view.lines[i].cell();
        let first = line.get(m.end()..).unwrap_or("");
        let cut = cut_vv(first);
        let mut end = lr.start + m.end() + cut;
        let mut stopped = cut < first.len();
        let mut j = i + 1;
        while !stopped && cell.is_none() && j < n && j < i + 8 {
            let t = cx.view.line(j);
            if t.is_empty()
                || is_separator_line(t)
                || has_place_date(t)
                || KINH_GUI.is_match(t)
                || BODY_START.is_match(t)
                || cx.view.lines[j].cell().is_some()
            {
                break;
            }
            let c = cut_vv(t);
            end = cx.line_range(j).start + c;
            stopped = c < t.len();
            j += 1;
        }
        let mut r = lr.start + m.end()..end.max(lr.start + m.end());
        // `"Vv …"`: the quote opened before the label closes the trích yếu.
        if m.as_str().contains(['"', '“']) {
            let t = cx.view.text.get(r.clone()).unwrap_or("");
            let kept = t.trim_end_matches([' ', '.', ';', '"', '”']);
            r.end = r.start + kept.len();
        }
        let s = clean_subject(cx, r);
        if !s.text.is_empty() {
            doc.subject = Some(s);
        }
        return;
    }
}

/// Where a V/v subject ends on a merged line: at the place and date or at Kính gửi.
fn cut_vv(t: &str) -> usize {
    let mut end = t.len();
    if let Some(pd) = place_date(t) {
        end = end.min(pd.place_span.start);
    }
    if let Some(m) = KINH_GUI.find(t) {
        end = end.min(m.start());
    }
    t.get(..end).map_or(0, |s| s.trim_end().len())
}

/// Splits a list of entries at bullets: a line starting with `-`, or an inline ` - ` right
/// after `;`, `)` or `.` (a dash inside a name, `Bộ Lao động - Thương binh`, has none).
fn split_entries(text: &str, base: usize) -> Vec<Range<usize>> {
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of previous, start of next)
    let b = text.as_bytes();
    let mut line_start = true;
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        let cl = c.len_utf8();
        if c == '\n' {
            line_start = true;
            i += cl;
            continue;
        }
        if line_start {
            if c == ' ' || c == '\t' {
                i += cl;
                continue;
            }
            line_start = false;
            // OCR drops the space after a bullet (`-Sở LĐTBXH;`): a capital follows it then.
            if matches!(c, '-' | '–' | '—' | '+' | '•')
                && text.get(i + cl..).is_some_and(|r| {
                    r.starts_with([' ', '\t']) || r.is_empty() || r.starts_with(char::is_uppercase)
                })
            {
                cuts.push((i, i + cl));
                i += cl;
                continue;
            }
        }
        if matches!(c, '-' | '–' | '—')
            && i > 0
            && text.get(i + cl..).is_some_and(|r| r.starts_with(' '))
        {
            let before = text.get(..i).unwrap_or("").trim_end();
            // Items run on one line (`- Sở LĐTBXH;- Như điều 3;- Lưu VP`), with or without a
            // space before the bullet; a comma may end an item too (`… LĐTBXH,- Như …`).
            let spaced = b.get(i - 1) == Some(&b' ') && before.ends_with([';', ')', '.']);
            let tight = matches!(b.get(i - 1), Some(b';' | b','));
            if spaced || tight {
                cuts.push((before.len(), i + cl));
            }
        }
        i += cl;
    }
    let mut out = Vec::new();
    let mut prev = 0;
    let mut have_prev = false;
    for (end, next) in cuts {
        if have_prev || text.get(prev..end).is_some_and(|s| !s.trim().is_empty()) {
            out.push(base + prev..base + end);
        }
        prev = next;
        have_prev = true;
    }
    out.push(base + prev..base + text.len());
    out
}

/// Trims an entry range to its text without bullets and trailing punctuation.
fn entry_range(view: &View, r: Range<usize>) -> Option<Range<usize>> {
    let s = view.text.get(r.clone())?;
    let t = trim_entry(s);
    if t.is_empty() {
        return None;
    }
    Some(sub_range(view, t))
}

fn parse_recipients(cx: &mut Ctx<'_, '_>, doc: &mut Document, from: usize, to: usize) {
    let n = cx.view.lines.len();
    for i in from..to {
        if cx.view.lines[i].heading() {
            continue;
        }
        let line = cx.view.line(i);
        let Some(m) = KINH_GUI.find(line) else {
            continue;
        };
        let lr = cx.line_range(i);
        let rest = line.get(m.end()..).unwrap_or("").trim();
        let mut ranges: Vec<Range<usize>> = Vec::new();
        if !rest.is_empty() {
            let rr = sub_range(&cx.view, rest);
            let single = !rest.starts_with(['-', '–']);
            if single {
                // One addressee on the line; a flattened body may follow it.
                let cut = OPENER
                    .find(rest)
                    .filter(|o| o.start() > 10)
                    .map_or(rest.len(), |o| o.start());
                let cut = rest.get(..cut).map_or(cut, |s| {
                    s.find(". ").map_or(cut, |p| if p > 10 { p } else { cut })
                });
                let mut end = rr.start + cut;
                // The addressee wrapped onto the next lines, which go on in lower case
                // (`Kính gửi : Phòng Lao động Thương binh và Xã hội⏎huyện, thành phố`).
                if cut == rest.len() && cx.view.lines[i].cell().is_none() {
                    let mut j = i + 1;
                    while j < n && j < i + 3 {
                        let t = cx.view.line(j);
                        if !t.starts_with(|c: char| c.is_lowercase()) || KINH_GUI.is_match(t) {
                            break;
                        }
                        end = cx.line_range(j).end;
                        j += 1;
                    }
                }
                ranges.push(rr.start..end);
            } else {
                ranges.extend(split_entries(rest, rr.start));
            }
            let _ = lr;
        } else {
            // On the following cell, or on `- …;` lines.
            let mut j = i + 1;
            let cell = cx.view.lines[i].cell();
            if cell.is_some() {
                if let Some(next) = cx.view.lines.get(j)
                    && next
                        .cell()
                        .is_some_and(|c| Some(c.table) == cell.map(|c| c.table))
                {
                    let t = cx.view.line(j);
                    let r = cx.line_range(j);
                    ranges.extend(split_entries(t, r.start));
                }
            } else {
                let mut start = None;
                let mut end = 0;
                while j < n && j < i + 40 {
                    let t = cx.view.line(j);
                    if t.is_empty() && start.is_none() {
                        j += 1;
                        continue;
                    }
                    if !t.starts_with(['-', '–', '+', '•']) {
                        break;
                    }
                    let r = cx.line_range(j);
                    start.get_or_insert(r.start);
                    end = r.end;
                    j += 1;
                }
                if let Some(s) = start {
                    let t = cx.view.text.get(s..end).unwrap_or("").to_string();
                    ranges.extend(split_entries(&t, s));
                }
            }
        }
        for r in ranges {
            if let Some(er) = entry_range(&cx.view, r) {
                let s = cx.spanned_range(er);
                doc.recipients.push(s);
            }
        }
        return;
    }
}

/// Parses Nơi nhận starting at view line `nn`; returns the last line used.
fn parse_noi_nhan(cx: &mut Ctx<'_, '_>, doc: &mut Document, nn: usize) -> usize {
    let n = cx.view.lines.len();
    let lr = cx.line_range(nn);
    let (mark, line) = heading_body(cx, nn);
    let label_end = mark
        + NOI_NHAN
            .find(line)
            .map_or_else(|| line.find(':').map_or(line.len(), |p| p + 1), |m| m.end());
    let cell = cx.view.lines[nn].cell();
    let start = lr.start + label_end;
    let mut end = lr.end;
    let mut last = nn;
    let mut j = nn + 1;
    let mut ended = cx
        .view
        .text
        .get(start..end)
        .is_some_and(|s| s.trim_end().ends_with('.') && s.trim().len() > 1);
    // A pipe-table cell holds the whole list; a grid-table column or plain lines continue.
    let single_cell =
        cell.is_some()
            && cx.view.lines.get(nn + 1).is_none_or(|l| {
                l.cell().map(|c| (c.table, c.col)) != cell.map(|c| (c.table, c.col))
            });
    while !single_cell && !ended && j < n && j < nn + 80 {
        let l = &cx.view.lines[j];
        if cell.is_some() && l.cell().map(|c| (c.table, c.col)) != cell.map(|c| (c.table, c.col)) {
            break;
        }
        let t = cx.view.line(j);
        if t.is_empty() {
            // A blank line ends the list unless another entry follows.
            let next = (j + 1..n.min(j + 3)).find(|&k| !cx.view.line(k).is_empty());
            let has_items = cx
                .view
                .text
                .get(start..end)
                .is_some_and(|s| s.contains('-'));
            match next {
                Some(k) if cx.view.line(k).starts_with(['-', '–', '+']) || !has_items => {
                    if next.is_some() && !cx.view.line(k).starts_with(['-', '–', '+']) {
                        break;
                    }
                    j += 1;
                    continue;
                }
                _ => break,
            }
        }
        let bullet = t.starts_with(['-', '–', '+', '•']);
        if !bullet && (authority_line(t) || sig_like(t)) {
            break;
        }
        end = cx.line_range(j).end;
        last = j;
        if t.ends_with('.') && !t.ends_with("..") {
            ended = true;
        }
        j += 1;
    }
    let text = cx.view.text.get(start..end).unwrap_or("").to_string();
    let ranges = split_entries(&text, start);
    for r in ranges {
        let Some(er) = entry_range(&cx.view, r) else {
            continue;
        };
        let mut s = cx.spanned_range(er.clone());
        // A signature fused onto the last entry of a flattened text.
        if s.text.starts_with("Lưu") || s.text.starts_with("LƯU") {
            let raw = cx.view.text.get(er.clone()).unwrap_or("").to_string();
            if let Some(p) = fused_signature(&raw) {
                let cut = raw.get(..p).map_or(p, |x| trim_entry(x).len());
                s = cx.spanned_range(er.start..er.start + cut);
                doc.signatures
                    .extend(read_signatures(cx, er.start + p..er.end));
            }
        }
        let kind = classify_entry(&s.text);
        doc.noi_nhan.push(NoiNhanEntry { text: s, kind });
    }
    last
}

const TITLE_WORDS: &[&str] = &[
    "TRƯỞNG",
    "TỊCH",
    "TƯỚNG",
    "ĐỐC",
    "NHIỆM",
    "THƯ",
    "PHÓ",
    "ÁN",
    "TOÁN",
];

/// Whether a line looks like a signature: upper-case words naming a title, then a name.
fn sig_like(t: &str) -> bool {
    // Word by word: asked of every line of a body without Nơi nhận, it mostly stops at
    // the first word.
    let mut ws = t.split_whitespace();
    let mut caps = 0;
    let mut title = false;
    let mut after_caps = None;
    for w in ws.by_ref() {
        if !(is_upper_word(w) || w == "-" || w == ",") {
            after_caps = Some(w);
            break;
        }
        caps += 1;
        title = title || TITLE_WORDS.contains(&w.trim_end_matches(','));
    }
    caps >= 1 && title && after_caps.is_none_or(|w| is_name_words(std::iter::once(w).chain(ws)))
}

/// Whether words read as a person's name (capitalised words, at most eight, optionally
/// followed by `(Đã ký)`), read one at a time and stopping at the first that rules it out.
fn is_name_words<'a>(ws: impl Iterator<Item = &'a str>) -> bool {
    let mut count = 0;
    for w in ws.take_while(|w| !w.starts_with('(')) {
        count += 1;
        let ok = count <= 8
            && (count > 1 || w.chars().next().is_some_and(char::is_uppercase))
            && w.chars().all(|c| c.is_alphabetic() || c == '.')
            && !is_upper_word(w)
            && !w.chars().skip(1).any(char::is_uppercase);
        if !ok {
            return false;
        }
    }
    count >= 1
}

/// Byte offset in a Lưu entry where a fused signature starts (`… (2b). Trung Anh BỘ TRƯỞNG`).
fn fused_signature(raw: &str) -> Option<usize> {
    // Bounded: a Lưu entry is a few words; a long one is not fused with a signature.
    let ws: Vec<(usize, &str)> = word_spans(raw).take(40).collect();
    for k in 1..ws.len() {
        let tail = raw.get(ws[k].0..)?;
        if (authority_line(tail) || sig_like(tail))
            && tail.split_whitespace().filter(|w| is_upper_word(w)).count() >= 2
            && is_upper_word(ws[k].1)
            && !ws[k].1.ends_with(',')
            && ws.get(k + 1).is_some_and(|w| is_upper_word(w.1))
        {
            return Some(ws[k].0);
        }
    }
    None
}

fn classify_entry(t: &str) -> EntryKind {
    let f = fold_key(t);
    if f.starts_with("nhu tren") || f.starts_with("nhu dieu") || f.starts_with("nhu khoan") {
        return EntryKind::NhuTren;
    }
    if f.starts_with("luu") {
        let rest = t
            .split_once([':', ' '])
            .map_or("", |(_, r)| r)
            .trim_start_matches([':', ' ']);
        let mut vt = false;
        let mut units = Vec::new();
        let mut copies = None;
        for part in rest.split([',', ';']) {
            let p = part.trim().trim_end_matches('.');
            if p.is_empty() {
                continue;
            }
            let (unit, paren) = match p.find('(') {
                Some(i) => (p.get(..i).unwrap_or("").trim(), p.get(i..)),
                None => (p, None),
            };
            if let Some(pc) = paren {
                let c = pc.trim_matches(['(', ')', ' ', '.']);
                if c.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                    copies = Some(c.to_string());
                }
            }
            if unit == "VT" || fold_key(unit) == "van thu" {
                vt = true;
            } else if !unit.is_empty() {
                units.push(unit.to_string());
            }
        }
        return EntryKind::Luu { vt, units, copies };
    }
    let dong_chi = f.starts_with("d/c") || f.starts_with("cac d/c");
    let purpose = purpose_of(t, &f);
    EntryKind::Recipient { dong_chi, purpose }
}

/// The purpose note of entry `t` (folded: `f`).
fn purpose_of(t: &str, f: &str) -> Option<Purpose> {
    let has = |p: &str| f.contains(p);
    if has("b/c") || has("bao cao") {
        Some(Purpose::BaoCao)
    } else if has("p/h") || has("phoi hop") {
        Some(Purpose::PhoiHop)
    } else if has("t/h") || has("thuc hien") {
        Some(Purpose::ThucHien)
    } else if has("de biet") {
        Some(Purpose::DeBiet)
    } else {
        // The note as written (`(Hoài)`, `(2B,7)`), not its folded key.
        let open = t.rfind('(')?;
        let close = t.get(open..)?.find(')')? + open;
        Some(Purpose::Other(t.get(open + 1..close)?.trim().to_string()))
    }
}

fn parse_signatures(
    cx: &mut Ctx<'_, '_>,
    doc: &mut Document,
    body_from: usize,
    nn: Option<usize>,
    nn_end: Option<usize>,
) {
    if !doc.signatures.is_empty() {
        return;
    }
    let n = cx.view.lines.len();
    let mut region: Option<(usize, usize)> = None;
    if let (Some(nn), Some(nn_end)) = (nn, nn_end) {
        let nn_cell = cx.view.lines[nn].cell();
        // Next to Nơi nhận: the other column of its table, or the lines after it.
        if let Some(c) = nn_cell {
            let sig = (nn + 1..n.min(nn_end + 60)).find(|&j| {
                cx.view.lines[j]
                    .cell()
                    .is_some_and(|d| d.table == c.table && d.col != c.col)
                    && !cx.view.line(j).is_empty()
            });
            if let Some(s) = sig {
                let mut e = s;
                while e + 1 < n
                    && cx.view.lines[e + 1]
                        .cell()
                        .is_some_and(|d| d.table == c.table && d.col != c.col)
                {
                    e += 1;
                }
                region = Some((s, e));
            }
        }
        if region.is_none() {
            region = sig_after(cx, nn_end + 1).or_else(|| sig_before(cx, nn));
        }
    }
    if region.is_none() {
        // No Nơi nhận: the first signature-like line after the header.
        for i in body_from..n {
            let t = cx.view.line(i);
            if cx.view.lines[i].heading() || t.is_empty() {
                continue;
            }
            let in_cell_after_empty = cx.view.lines[i].cell().is_some_and(|c| c.col > 0)
                && i > 0
                && cx.view.line(i - 1).is_empty();
            if authority_line(t)
                || (sig_like(t) && t.split_whitespace().any(|w| !is_upper_word(w)))
                || (in_cell_after_empty && t.len() < 200 && sig_tail_name(t))
            {
                region = sig_after(cx, i);
                break;
            }
        }
    }
    if let Some((s, e)) = region {
        let a = cx.line_range(s).start;
        let b = cx.line_range(e).end;
        let sigs = read_signatures(cx, a..b);
        doc.signatures.extend(sigs);
    }
}

/// Whether the line ends with a name (a cell holding only the signer, `Nguyễn Mạnh Kiểm
/// (Đã ký)`).
fn sig_tail_name(t: &str) -> bool {
    is_name_words(
        t.split_whitespace()
            .skip_while(|w| is_upper_word(w) || *w == "-" || *w == ","),
    )
}

/// A signature region starting at or after line `from`: lines until a name has been read.
fn sig_after(cx: &Ctx<'_, '_>, from: usize) -> Option<(usize, usize)> {
    let n = cx.view.lines.len();
    let mut s = None;
    let mut j = from;
    while j < n && j < from + 14 {
        let t = cx.view.line(j);
        // Blank lines, rules and notes such as `(Đã ký)` or a converter's `[Đã ký]` between
        // title and name.
        if t.is_empty()
            || is_separator_line(t)
            || (t.starts_with('(') && t.ends_with(')'))
            || (t.starts_with('[') && t.ends_with(']'))
        {
            j += 1;
            continue;
        }
        // Word by word, without a list of them: a line may be a megabyte of words.
        let caps_only = t
            .split_whitespace()
            .all(|w| is_upper_word(w) || w == "-" || w == ",");
        let starts = authority_line(t) || sig_like(t) || caps_only;
        if s.is_none() {
            if !(starts || t.len() < 60 && is_name_words(t.split_whitespace())) {
                return None;
            }
            s = Some(j);
        }
        if !caps_only {
            // The name ends the block, unless a joint block follows.
            let mut k = j + 1;
            while k < n && k < j + 4 && cx.view.line(k).is_empty() {
                k += 1;
            }
            if k < n && authority_line(cx.view.line(k)) {
                j = k;
                continue;
            }
            return s.map(|s| (s, j));
        }
        j += 1;
    }
    s.map(|s| (s, j.saturating_sub(1).max(s)))
}

/// A signature printed before Nơi nhận (PDF text where the right column came first).
fn sig_before(cx: &Ctx<'_, '_>, nn: usize) -> Option<(usize, usize)> {
    let from = nn.saturating_sub(8);
    for i in from..nn {
        let t = cx.view.line(i);
        if authority_line(t) || sig_like(t) {
            return sig_after(cx, i).filter(|&(_, e)| e < nn);
        }
    }
    None
}

/// Reads signature blocks from a view range: upper-case authority and title words, then a
/// name; a new block starts when upper-case words follow a name.
/// At most this many words are read as signature blocks: joint blocks of several signers
/// hold a few dozen; a longer range (one line of 16 MiB of `**KT. `) is read only so far, so
/// that its tokens cost bounded memory.
const MAX_SIGNATURE_WORDS: usize = 256;

fn read_signatures(cx: &Ctx<'_, '_>, r: Range<usize>) -> Vec<Signature> {
    let text = cx.view.text.get(r.clone()).unwrap_or("").to_string();
    // Tokens: (offset, word, line number)
    let mut toks: Vec<(usize, &str, usize)> = Vec::new();
    let mut pos = 0;
    'lines: for (line_no, l) in text.split('\n').enumerate() {
        for (o, w) in word_spans(l) {
            if toks.len() >= MAX_SIGNATURE_WORDS {
                break 'lines;
            }
            // `TM.ỦY BAN …`: the authority word without its space is two tokens.
            let glued = ["TM.", "KT.", "TL.", "TUQ.", "Q."].iter().find_map(|a| {
                let rest = w.strip_prefix(a)?;
                rest.starts_with(char::is_uppercase).then_some(a.len())
            });
            match glued {
                Some(n) => {
                    toks.push((pos + o, &w[..n], line_no));
                    toks.push((pos + o + n, &w[n..], line_no));
                }
                None => toks.push((pos + o, w, line_no)),
            }
        }
        pos += l.len() + 1;
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() && out.len() < 6 {
        let b_start = i;
        // Upper-case part.
        while i < toks.len() && (is_upper_word(toks[i].1) || matches!(toks[i].1, "-" | "," | "&")) {
            i += 1;
        }
        let caps_end = i;
        // Name part: until a line break followed by upper case, or `(`.
        // A note such as `(Đã ký)` may stand between the title and the name.
        // So may a placeholder in square brackets (`[Đã ký]`, `[Chữ ký, dấu]`).
        if i < toks.len() && toks[i].1.starts_with(['(', '[']) {
            let close = if toks[i].1.starts_with('(') { ')' } else { ']' };
            let mut k = i;
            while k < toks.len() && k < i + 4 && !toks[k].1.ends_with(close) {
                k += 1;
            }
            if k + 1 < toks.len() && k < i + 4 && !is_upper_word(toks[k + 1].1) {
                i = k + 1;
            }
        }
        let mut name_start = i;
        while i < toks.len() {
            let (_, w, ln) = toks[i];
            if w.starts_with('(') || w.starts_with('[') {
                break;
            }
            // A one-letter syllable inside a name (`Nguyễn Văn A`) is upper case too.
            let initial = i > name_start && ln == toks[i - 1].2 && w.chars().count() == 1;
            if is_upper_word(w) && !initial {
                break;
            }
            i += 1;
        }
        let mut name_end = i;
        let mut caps_end = caps_end;
        // Some documents print the signer's name in capitals: then it is the last upper-case
        // line, when that line reads as a name and holds no title.
        if name_end == name_start && caps_end > b_start {
            let last_ln = toks[caps_end - 1].2;
            let line_start = (b_start..caps_end)
                .find(|&k| toks[k].2 == last_ln)
                .unwrap_or(caps_end);
            let words: Vec<&str> = toks[line_start..caps_end].iter().map(|t| t.1).collect();
            if line_start > b_start && is_caps_name(&words) {
                name_start = line_start;
                name_end = caps_end;
                caps_end = line_start;
            }
        }
        // Skip notes such as `(Đã ký)`.
        while i < toks.len() && !is_upper_word(toks[i].1) {
            i += 1;
        }
        if caps_end == b_start && name_end == name_start {
            i += 1;
            continue;
        }
        let caps = &toks[b_start..caps_end];
        // Authority lines and title.
        let mut authority = None;
        let mut auth_lines: Vec<Spanned> = Vec::new();
        let mut title = None;
        let mut lines: Vec<(usize, usize)> = Vec::new(); // token index ranges per line
        let mut k = 0;
        while k < caps.len() {
            let ln = caps[k].2;
            let s = k;
            while k < caps.len() && caps[k].2 == ln {
                k += 1;
            }
            lines.push((s, k));
        }
        // A line may hold several authority prefixes (merged cells): split there.
        let mut segs: Vec<(usize, usize)> = Vec::new();
        for (s, e) in lines {
            let mut st = s;
            for (t, tok) in caps.iter().enumerate().take(e).skip(s + 1) {
                if is_auth_token(tok.1) {
                    segs.push((st, t));
                    st = t;
                }
            }
            segs.push((st, e));
        }
        let mut title_seg: Option<(usize, usize)> = None;
        for &(s, e) in &segs {
            // OCR drops the dot (`KT GIÁM ĐỐC`); only a line's first word is read so.
            let undotted = matches!(caps[s].1, "TM" | "KT" | "TL" | "TUQ")
                && caps.get(s + 1).is_some_and(|t| t.2 == caps[s].2);
            if is_auth_token(caps[s].1) || undotted {
                authority = Some(auth_label(caps[s].1));
                // A merged line: the title starts at the first title word after the body.
                let split = title_start(&caps[s..e]).map(|t| s + t);
                match split {
                    Some(t) if t < e => {
                        auth_lines.push(span_of(cx, r.start, &text, &caps[s..t]));
                        title_seg = Some((t, e));
                    }
                    _ => auth_lines.push(span_of(cx, r.start, &text, &caps[s..e])),
                }
            } else if fold_key(&words_of(&caps[s..e])).starts_with("xac thuc") {
                auth_lines.push(span_of(cx, r.start, &text, &caps[s..e]));
            } else {
                title_seg = Some((s, e));
            }
        }
        if let Some((s, e)) = title_seg
            && s < e
        {
            title = Some(span_of(cx, r.start, &text, &caps[s..e]));
        }
        let name = (name_end > name_start).then(|| {
            let a = toks[name_start].0;
            let (lo, lw, _) = toks[name_end - 1];
            let rr = r.start + a..r.start + lo + lw.len();
            let s = cx.spanned_range(rr);
            Spanned {
                text: s.text.trim_end_matches([',', '.', ';']).to_string(),
                span: s.span,
            }
        });
        let a = toks[b_start].0;
        let last = toks[i.max(b_start + 1).min(toks.len()) - 1];
        let span = cx.span(r.start + a..r.start + last.0 + last.1.len());
        if name.is_none() && title.is_none() && authority.is_none() {
            continue;
        }
        out.push(Signature {
            authority,
            authority_lines: auth_lines,
            title,
            name,
            span,
        });
    }
    out
}

/// Family names that start nearly every Vietnamese name, folded.
const SURNAMES: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "dinh", "mai", "trinh", "dao", "cao", "lam", "ha", "ta", "luong",
    "trieu", "chu", "kieu", "quach", "vuong", "luc", "giang", "lo", "tong", "sung", "thao", "vang",
    "lai", "khuat", "nong", "be", "ma", "la", "luu", "tieu", "doan", "thai", "tang", "than",
    "nghiem", "ton", "au", "quan", "kha", "hua", "dieu", "lu", "hau", "tu", "truong", "bach",
    "phung", "ung", "mac", "dam", "to", "ong", "vi", "ninh", "dong", "giap", "khong", "kim",
    "thach", "danh", "hoa", "cu", "lieu", "lu", "tang", "trang", "van", "yen",
];

/// Whether upper-case words read as a person's name: two to five syllables, the first a
/// family name, none a word of a title or a body.
fn is_caps_name(words: &[&str]) -> bool {
    (2..=5).contains(&words.len())
        && SURNAMES.contains(&fold_key(words[0]).as_str())
        && words.iter().all(|w| {
            w.chars().all(char::is_alphabetic) && !TITLE_WORDS.contains(w) && !is_auth_token(w)
        })
}

fn is_auth_token(w: &str) -> bool {
    matches!(
        w,
        "TM." | "KT." | "TL." | "TUQ." | "Q." | "T/M" | "K/T" | "T/L" | "T/M." | "K/T." | "T/L."
    )
}

fn auth_label(w: &str) -> String {
    match w {
        "TM" | "KT" | "TL" | "TUQ" => format!("{w}."),
        "T/M." => "T/M".into(),
        "K/T." => "K/T".into(),
        "T/L." => "T/L".into(),
        w => w.to_string(),
    }
}

/// Where the title starts in a merged `KT. BỘ TRƯỞNG THỨ TRƯỞNG` segment (token index).
fn title_start(seg: &[(usize, &str, usize)]) -> Option<usize> {
    const TITLES: &[&str] = &[
        "PHÓ",
        "THỨ TRƯỞNG",
        "CHỦ TỊCH",
        "THỦ TƯỚNG",
        "BỘ TRƯỞNG",
        "GIÁM ĐỐC",
        "TỔNG GIÁM ĐỐC",
        "VỤ TRƯỞNG",
        "CỤC TRƯỞNG",
        "TỔNG CỤC TRƯỞNG",
        "CHÁNH",
        "TRƯỞNG BAN",
        "BÍ THƯ",
        "TỔNG BÍ THƯ",
        "VIỆN TRƯỞNG",
        "HIỆU TRƯỞNG",
        "CHỦ NHIỆM",
    ];
    // Skip the prefix and at least one word of the body it signs for; a title word right
    // after `PHÓ`/`TỔNG` or a comma continues the previous title.
    (2..seg.len()).find(|&k| {
        let prev = seg[k - 1].1;
        !prev.ends_with(',')
            && prev != "PHÓ"
            && prev != "TỔNG"
            && TITLES.iter().any(|t| {
                t.split(' ')
                    .enumerate()
                    .all(|(o, w)| seg.get(k + o).is_some_and(|x| x.1 == w))
            })
    })
}

fn words_of(seg: &[(usize, &str, usize)]) -> String {
    seg.iter().map(|t| t.1).collect::<Vec<_>>().join(" ")
}

fn span_of(cx: &Ctx<'_, '_>, base: usize, _text: &str, seg: &[(usize, &str, usize)]) -> Spanned {
    let (Some(f), Some(l)) = (seg.first(), seg.last()) else {
        return Spanned {
            text: String::new(),
            span: 0..0,
        };
    };
    cx.spanned_range(base + f.0..base + l.0 + l.1.len())
}

fn parse_bases(cx: &mut Ctx<'_, '_>, doc: &mut Document, from: usize, n: usize) {
    let to = n.min(from + 60);
    for i in from..to {
        let t = cx.view.line(i);
        if t.starts_with("Điều ") || t.starts_with("Chương") || t.starts_with("CHƯƠNG") {
            break;
        }
        let kind = if t.starts_with("Căn cứ") {
            BasisKind::CanCu
        } else if t.starts_with("Theo đề nghị") || t.starts_with("Xét đề nghị") {
            BasisKind::DeNghi
        } else {
            continue;
        };
        let r = cx.line_range(i);
        doc.bases.push(Basis {
            kind,
            text: cx.spanned_range(r),
        });
    }
}

fn diagnostics(cx: &mut Ctx<'_, '_>, doc: &mut Document) {
    // Severities, messages and sources come from the rule catalogue (`validate::RULES`).
    let mut d = Vec::new();
    if doc.quoc_hieu.is_none() {
        cx.diag(&mut d, "VB001");
    }
    if doc.issuer.is_none() {
        cx.diag(&mut d, "VB002");
    }
    match &doc.number {
        None => cx.diag(&mut d, "VB003"),
        Some(n) if n.value.is_blank() => d.push(Diagnostic::new("VB004", n.span.clone())),
        Some(n) => {
            let raw = cx.norm.original().get(n.span.clone()).unwrap_or("");
            if let Ok(p) = DocNumber::parse_with_notes(raw)
                && let Some(first) = p.irregularities.first()
            {
                let what = format!("{:?}", first.kind);
                d.push(Diagnostic::new("VB011", n.span.clone()).detail(&what, &what));
            }
        }
    }
    match doc.date {
        None => cx.diag(&mut d, "VB005"),
        Some(date) if date.day().is_none() => {
            let mut x = Diagnostic::new("VB006", doc.date_span.clone().unwrap_or(0..0));
            // A draft leaves the day blank with the number: both are filled at signing
            // (NĐ 30/2020, Điều 15.2).
            if doc.number.as_ref().is_some_and(|n| n.value.is_blank()) {
                x.severity = Severity::Note;
            }
            d.push(x);
        }
        _ => {}
    }
    if doc.kind.is_none() {
        cx.diag(&mut d, "VB007");
    }
    if doc.subject.is_none() {
        cx.diag(&mut d, "VB008");
    }
    if doc.signatures.is_empty() {
        cx.diag(&mut d, "VB009");
    }
    // Laws, ordinances, orders and the Quốc hội's resolutions end with the signature and
    // have no Nơi nhận (Luật 80/2015, Điều 8; the QH format), so its absence is no defect.
    let no_noi_nhan = matches!(
        doc.kind,
        Some(
            DocKind::Luat | DocKind::BoLuat | DocKind::HienPhap | DocKind::PhapLenh | DocKind::Lenh
        )
    ) || doc
        .number
        .as_ref()
        .is_some_and(|n| n.value.kind().is_none() && n.value.legislature_term().is_some());
    if doc.noi_nhan.is_empty() && !no_noi_nhan {
        cx.diag(&mut d, "VB010");
    }
    d.append(&mut cx.limits);
    doc.diagnostics = d;
}

#[cfg(test)]
mod tests {
    use super::within_limit;

    #[test]
    fn input_cut_at_a_line_break_or_a_char_boundary() {
        assert_eq!(within_limit("Số: 1\nĐiều 1", 100), "Số: 1\nĐiều 1");
        assert_eq!(within_limit("Số: 1\nĐiều 1", 10), "Số: 1\n");
        // No line break: the cut backs off to a char boundary (`Đ` is two bytes).
        assert_eq!(within_limit("ĐĐĐ", 3), "Đ");
        assert_eq!(within_limit("", 0), "");
        let long = format!("a\n{}", "b".repeat(100 << 10));
        assert_eq!(within_limit(&long, 90 << 10).len(), 90 << 10);
    }
}
