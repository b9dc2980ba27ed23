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

use crate::diagnostic::DiagnosticCode;
use std::ops::Range;
use std::sync::LazyLock;

use crate::catalog::DocKind;
use crate::citation::Citation;
use crate::date::VnDate;
pub use crate::diagnostic::{Diagnostic, Severity};
use crate::number::{DocNumber, NumberSystem};
use crate::text::{Normalized, Options, fold_chars, fold_eq, fold_key, fold_starts_with};

mod addressees;
mod closing;
mod effect;
pub use effect::{EntryIntoForce, entry_into_force};
mod header;
mod labels;
mod layout;
mod line;
mod national_lines;
mod outline;
mod reading;
pub use reading::Reading;

use addressees::*;
use closing::*;
use header::*;
use layout::{View, build_view};
use line::{Kind, Kinds};
use outline::{Pending, read_outline};

/// How deep the outline tree may go: Phần › Chương › Mục › Tiểu mục › Điều › khoản › điểm
/// is seven levels, so anything deeper is flattened rather than nested without bound.
///
/// ```
/// assert_eq!(vanban::document::MAX_OUTLINE_DEPTH, 8);
/// ```
pub const MAX_OUTLINE_DEPTH: usize = 8;

/// The longest text [`Document::parse`] reads: 16 MiB, some thirty times the longest law in
/// the corpus with its annexes. Past it, only the text up to the last line break before the
/// limit is read and a `VB012` error diagnostic says so; parsing needs up to about 60 bytes
/// of memory per input byte on hostile input (one line per byte, one table cell per byte),
/// so this bounds it near 1 GiB.
///
/// ```
/// assert_eq!(vanban::document::MAX_INPUT_LEN, 16 << 20);
/// ```
pub const MAX_INPUT_LEN: usize = 16 << 20;

/// The most lines read, counting each table cell as a line: a 16 MiB code has some 200 000.
/// Each line costs about 50 bytes however short it is, so a flood of short lines or `|`
/// would otherwise take 50 times its size in memory. A run of blank lines and empty cells
/// is one break and counts once. Past the limit, the rest of the text is not read and a
/// `VB012` error diagnostic says from where.
///
/// ```
/// assert_eq!(vanban::document::MAX_LINES, 1_000_000);
/// ```
pub const MAX_LINES: usize = 1_000_000;

/// The most outline nodes kept: a big code has a few thousand (Điều, khoản, điểm); a
/// million `- ;` lines would otherwise cost a node each. Past it the outline stops and a
/// `VB013` warning says where.
///
/// ```
/// assert_eq!(vanban::document::MAX_OUTLINE_NODES, 100_000);
/// ```
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
///
/// ```
/// assert_eq!(vanban::document::MAX_TABLE_COLUMNS, 64);
/// ```
pub const MAX_TABLE_COLUMNS: usize = 64;

/// A piece of text read from the document, with its span in the caller's text.
///
/// `text` is the cleaned reading (table and Markdown markup removed, lines joined with a
/// space); `span` covers the original bytes it came from.
///
/// ```
/// let text = "Số: 12/UBND-VX\nV/v cải cách\nhành chính\n";
/// let doc = vanban::Document::parse(text);
/// let subject = doc.subject.unwrap();
/// assert_eq!(subject.text, "cải cách hành chính"); // lines joined
/// assert_eq!(&text[subject.span], "cải cách\nhành chính"); // the bytes it came from
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Spanned {
    /// The text as read, NFC, markup removed.
    pub text: String,
    /// Byte span in the caller's text.
    pub span: Range<usize>,
}

/// A number read from the header, with its span.
///
/// ```
/// let text = "Số: 12/UBND-VX";
/// let n = vanban::Document::parse(text).number.unwrap();
/// assert_eq!(&text[n.span], "12/UBND-VX");
/// assert_eq!(n.value.to_string(), "12/UBND-VX");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct NumberPart {
    /// The parsed number; blank (`seq == None`) for drafts (`Số: /SVHTTDL-VP`).
    pub value: DocNumber,
    /// Byte span of the number (without the `Số:` label) in the caller's text.
    pub span: Range<usize>,
}

/// The issuing body: the issuer's line and the line above it (cơ quan chủ quản), if any.
///
/// ```
/// let text = "UBND TỈNH LAI CHÂU\nSỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nSố: 12/SVHTTDL-VP\n";
/// let issuer = vanban::Document::parse(text).issuer.unwrap();
/// assert_eq!(issuer.parent.unwrap().text, "UBND TỈNH LAI CHÂU");
/// assert_eq!(issuer.name.text, "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Issuer {
    /// The parent body (`UBND TỈNH LAI CHÂU`, `BỘ TÀI CHÍNH`).
    pub parent: Option<Spanned>,
    /// The issuing body (`SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH`, `TỔNG CỤC THUẾ`).
    pub name: Spanned,
}

/// A mark printed in the header (NĐ 30/2020, Phụ lục I, mục II.11).
///
/// ```
/// use vanban::{Document, MarkKind};
/// let doc = Document::parse("Số: 12/UBND-VX\nHỎA TỐC\nLai Châu, ngày 13 tháng 6 năm 2023\n");
/// assert_eq!(doc.marks[0].kind, MarkKind::Urgency);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum MarkKind {
    /// `KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`, `HỎA TỐC HẸN GIỜ`.
    Urgency,
    /// `MẬT`, `TỐI MẬT`, `TUYỆT MẬT`.
    Secrecy,
    /// `XEM XONG TRẢ LẠI`, `LƯU HÀNH NỘI BỘ`.
    Circulation,
}

/// A mark and where it was printed.
///
/// ```
/// let doc = vanban::Document::parse("Số: 12/UBND-VX\nMẬT\nLai Châu, ngày 13 tháng 6 năm 2023\n");
/// assert_eq!(doc.marks[0].text.text, "MẬT");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Mark {
    /// What sort of mark.
    pub kind: MarkKind,
    /// The mark as printed.
    pub text: Spanned,
}

/// What a legal-basis line is.
///
/// ```
/// use vanban::{BasisKind, Document};
/// let doc = Document::parse("QUYẾT ĐỊNH\nVề việc x\nCăn cứ Luật Tổ chức chính quyền địa phương;\nTheo đề nghị của Giám đốc Sở Nội vụ.\nQUYẾT ĐỊNH:\n");
/// let kinds: Vec<BasisKind> = doc.bases.iter().map(|b| b.kind).collect();
/// assert_eq!(kinds, [BasisKind::CanCu, BasisKind::DeNghi]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum BasisKind {
    /// `Căn cứ …;`
    CanCu,
    /// `Theo đề nghị của …;` or `Xét đề nghị của …,`
    DeNghi,
}

/// One line of the legal bases before the body.
///
/// ```
/// let doc = vanban::Document::parse("QUYẾT ĐỊNH\nVề việc x\nCăn cứ Nghị định số 30/2020/NĐ-CP;\nQUYẾT ĐỊNH:\n");
/// assert!(doc.bases[0].text.text.starts_with("Căn cứ Nghị định"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
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
///
/// ```
/// use vanban::{Document, Level};
/// let doc = Document::parse("QUYẾT ĐỊNH:\nĐiều 1. Phạm vi\n1. Khoản một\na) Điểm a\n");
/// assert_eq!(doc.outline[0].level, Level::Dieu);
/// assert_eq!(doc.outline[0].children[0].level, Level::Khoan);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
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
    /// Tiết — item of a point, in circulars (`tiết a.1`); named in pinpoints.
    Tiet,
    /// Phụ lục — annex (`Phụ lục I`, `Phụ lục 01`); named in pinpoints.
    PhuLuc,
}

impl Level {
    /// The unit's name as legal drafting writes it in running text: `Điều`, `khoản`,
    /// `điểm`, `Phụ lục` (the layout's own levels by what they are: `mục La Mã`, `gạch
    /// đầu dòng`).
    ///
    /// ```
    /// use vanban::Level;
    /// assert_eq!(Level::Dieu.name(), "Điều");
    /// assert_eq!(Level::PhuLuc.name(), "Phụ lục");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Level::Phan => "Phần",
            Level::Chuong => "Chương",
            Level::Muc => "Mục",
            Level::Dieu => "Điều",
            Level::Roman => "mục La Mã",
            Level::Khoan => "khoản",
            Level::SubItem => "tiểu mục",
            Level::Diem => "điểm",
            Level::Dash => "gạch đầu dòng",
            Level::Plus => "dấu cộng",
            Level::Tiet => "tiết",
            Level::PhuLuc => "Phụ lục",
        }
    }

    /// An English gloss: `article`, `clause`, `point`.
    ///
    /// ```
    /// assert_eq!(vanban::Level::Khoan.english(), "clause");
    /// ```
    pub fn english(self) -> &'static str {
        match self {
            Level::Phan => "part",
            Level::Chuong => "chapter",
            Level::Muc => "section",
            Level::Dieu => "article",
            Level::Roman => "roman-numbered section",
            Level::Khoan => "clause",
            Level::SubItem => "sub-item",
            Level::Diem => "point",
            Level::Dash => "dash item",
            Level::Plus => "plus item",
            Level::Tiet => "item",
            Level::PhuLuc => "annex",
        }
    }
}

impl std::fmt::Display for Level {
    /// Writes [`Level::name`].
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A node of the outline: the heading line by span, its whole extent by span, its children.
///
/// ```
/// let doc = vanban::Document::parse("QUYẾT ĐỊNH:\nĐiều 1. Phạm vi\n1. Khoản một\nĐiều 2. Hiệu lực\n");
/// let labels: Vec<&str> = doc.outline.iter().map(|n| n.label.as_str()).collect();
/// assert_eq!(labels, ["Điều 1", "Điều 2"]);
/// assert_eq!(doc.outline[0].children[0].label, "1");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
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
///
/// ```
/// let text = "Số: 12/UBND-VX\nNội dung.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n";
/// let doc = vanban::Document::parse(text);
/// let s = &doc.signatures[0];
/// assert_eq!(s.authority.as_deref(), Some("KT."));
/// assert_eq!(s.title.as_ref().unwrap().text, "PHÓ CHỦ TỊCH");
/// assert_eq!(s.name.as_ref().unwrap().text, "Nguyễn Văn A");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
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
///
/// ```
/// use vanban::{Document, EntryKind, Purpose};
/// let doc = Document::parse("Số: 12/UBND-VX\nNơi nhận:\n- UBND tỉnh (b/c);\n- Lưu: VT.\n");
/// let EntryKind::Recipient { purpose, .. } = &doc.noi_nhan[0].kind else { panic!() };
/// assert_eq!(purpose, &Some(Purpose::BaoCao));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
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
///
/// ```
/// use vanban::{Document, EntryKind};
/// let doc = Document::parse("Số: 12/UBND-VX\nNơi nhận:\n- Như trên;\n- Lưu: VT, VP.\n");
/// assert_eq!(doc.noi_nhan[0].kind, EntryKind::NhuTren);
/// assert!(matches!(&doc.noi_nhan[1].kind, EntryKind::Luu { vt: true, units, .. } if units == &["VP"]));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(tag = "type", rename_all = "snake_case")
)]
#[non_exhaustive]
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
///
/// ```
/// let doc = vanban::Document::parse("Số: 12/UBND-VX\nNơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\n");
/// assert_eq!(doc.noi_nhan[0].text.text, "Sở Nội vụ");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct NoiNhanEntry {
    /// The entry without the leading `- ` and trailing `;`/`.`.
    pub text: Spanned,
    /// The typed reading.
    pub kind: EntryKind,
}

/// A parsed document. Build it with [`Document::parse`].
///
/// ```
/// let text = include_str!("../../examples/sample.txt");
/// let doc = vanban::Document::parse(text);
/// assert_eq!(doc.kind, Some(vanban::DocKind::CongVan));
/// assert_eq!(doc.place.as_ref().unwrap().text, "Lai Châu");
/// assert!(doc.number.as_ref().unwrap().value.is_blank());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
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
// Small text helpers.

/// Whether `t` opens with a `Nơi nhận` label ([`labels::noi_nhan`]).
fn noi_nhan_label(t: &str) -> bool {
    labels::noi_nhan(t).is_some()
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
    /// What each line of the view is, as far as a reader has asked.
    kinds: Kinds,
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

    /// Whether view line `i` is of kind `k` ([`line`]'s table).
    fn is(&self, i: usize, k: Kind) -> bool {
        self.kinds.is(i, self.view.line(i), k)
    }

    fn line_range(&self, i: usize) -> Range<usize> {
        self.view.lines.get(i).map_or(0..0, |l| l.start()..l.end())
    }

    fn diag(&mut self, out: &mut Vec<Diagnostic>, code: DiagnosticCode) {
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
    ///
    /// ```
    /// let text = "Số: 12/2012/QĐ-UBND\nHà Nội, ngày 05 tháng 3 năm 2012\nQUYẾT ĐỊNH\nVề việc ban hành quy định\n";
    /// let doc = vanban::Document::parse(text);
    /// assert_eq!(doc.kind, Some(vanban::DocKind::QuyetDinh));
    /// assert_eq!(doc.date.unwrap().iso(), "2012-03-05");
    /// assert_eq!(doc.subject.unwrap().text, "Về việc ban hành quy định");
    /// ```
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
            kinds: Kinds::new(view.lines.len()),
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
            doc.diagnostics.push(
                Diagnostic::new(DiagnosticCode::VB012, unread..text.len()).detail(&detail, &detail),
            );
        }
        doc
    }

    /// Reads a document from bytes: UTF-8 (with or without a byte-order mark) is parsed as
    /// [`Document::parse`] does; anything else is refused, never decoded by guesswork.
    ///
    /// Spans are byte ranges of `bytes` (past a byte-order mark, which is not read):
    ///
    /// ```
    /// let bytes = b"\xEF\xBB\xBFS\xE1\xBB\x91: 12/UBND-VX\n";
    /// let doc = vanban::Document::parse_bytes(bytes)?;
    /// let span = doc.number.unwrap().span;
    /// assert_eq!(&bytes[span], b"12/UBND-VX");
    /// # Ok::<(), vanban::encoding::EncodingError>(())
    /// ```
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
        let text = crate::encoding::to_utf8(bytes)?;
        let mut doc = Document::parse(&text);
        // A byte-order mark is not part of the text read: the spans are moved past it, so
        // that they are ranges of `bytes`.
        let skipped = bytes.len() - text.len();
        if skipped > 0 {
            doc.visit_spans(|r| *r = r.start + skipped..r.end + skipped);
        }
        Ok(doc)
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
        self.clone().visit_spans(|r| out.push(r.clone()));
        out
    }

    /// Calls `f` on every span of the document (those of [`Document::spans`], and the
    /// related places and fixes of its diagnostics).
    fn visit_spans(&mut self, mut f: impl FnMut(&mut Range<usize>)) {
        let spanned = [
            &mut self.quoc_hieu,
            &mut self.tieu_ngu,
            &mut self.place,
            &mut self.kind_heading,
            &mut self.subject,
        ];
        spanned.into_iter().flatten().for_each(|s| f(&mut s.span));
        if let Some(i) = &mut self.issuer {
            i.parent
                .iter_mut()
                .chain([&mut i.name])
                .for_each(|s| f(&mut s.span));
        }
        self.number.iter_mut().for_each(|n| f(&mut n.span));
        self.date_span.iter_mut().for_each(&mut f);
        self.marks.iter_mut().for_each(|m| f(&mut m.text.span));
        self.recipients.iter_mut().for_each(|r| f(&mut r.span));
        self.bases.iter_mut().for_each(|b| f(&mut b.text.span));
        for s in &mut self.signatures {
            f(&mut s.span);
            let parts = s
                .authority_lines
                .iter_mut()
                .chain(&mut s.title)
                .chain(&mut s.name);
            parts.for_each(|x| f(&mut x.span));
        }
        self.noi_nhan.iter_mut().for_each(|e| f(&mut e.text.span));
        for d in &mut self.diagnostics {
            f(&mut d.span);
            d.related.iter_mut().for_each(|r| f(&mut r.span));
            d.fix.iter_mut().for_each(|x| f(&mut x.span));
        }
        // An explicit stack: the outline is bounded by MAX_OUTLINE_DEPTH, but a walk that
        // cannot overflow costs nothing more.
        let mut stack: Vec<&mut OutlineNode> = self.outline.iter_mut().collect();
        while let Some(n) = stack.pop() {
            f(&mut n.span);
            f(&mut n.extent);
            stack.extend(n.children.iter_mut());
        }
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

/// The opening lines searched for the Quốc hiệu: gazette running headers, portal preambles
/// and crawler titles stand above it, rarely more than a screen.
const OPENING_LINES: usize = 80;

/// Lines from the Quốc hiệu to the Tiêu ngữ under it (the motto may be cut over two lines
/// and a rule may stand between).
const MOTTO_REACH: usize = 4;

/// Lines above the Quốc hiệu that still belong to the header: the issuer's column, read
/// first by converters that flatten the two columns (parent body, body, rule, number).
const ABOVE_QUOC_HIEU: usize = 8;

/// The most lines a header has, from there to the legal bases or the body: a long trích yếu
/// wrapped over many lines and a table of two columns cut into cells stay within it.
const MAX_HEADER_LINES: usize = 45;

/// The place-date is looked for in at least these first lines, even when the header seems to
/// end before (a body start read too early on a flattened line).
const MIN_PLACE_DATE_LINES: usize = 12;

/// How many bytes of a line are folded to find the `Nơi nhận` label in another spelling
/// (`NOI NHAN`, `Noi nhan`): the label opens the line.
const NOI_NHAN_LABEL_BYTES: usize = 20;

/// Lines after the header (or its place-date) in which Kính gửi is looked for.
const KINH_GUI_REACH: usize = 12;

/// Reads every part; the outline is returned to be built once the view is dropped.
fn parse_all(cx: &mut Ctx<'_, '_>, doc: &mut Document) -> Pending {
    let n = cx.view.lines.len();
    let scan_limit = n.min(OPENING_LINES);

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
        let m = national_lines::quoc_hieu(line)
            .map(|m| (m, false))
            .or_else(|| national_lines::party_line(line).map(|m| (m, true)));
        if let Some((m, party)) = m {
            let lr = cx.line_range(i);
            let r = lr.start + m.start..lr.start + m.end;
            doc.quoc_hieu = Some(cx.spanned_range(r));
            doc.party = party;
            qh_line = Some((i, m.start));
            break;
        }
    }
    if let Some((q, _)) = qh_line {
        for i in q..(q + MOTTO_REACH).min(n) {
            let line = cx.view.line(i);
            if let Some(m) = national_lines::tieu_ngu(line) {
                let lr = cx.line_range(i);
                doc.tieu_ngu = Some(cx.spanned_range(lr.start + m.start..lr.start + m.end));
                break;
            }
        }
    }

    // The header ends where the legal bases or the body begin.
    let start = qh_line.map_or(0, |(q, _)| q.saturating_sub(ABOVE_QUOC_HIEU));
    let mut header_end = (start + MAX_HEADER_LINES).min(n);
    for i in start..header_end {
        if cx.is(i, Kind::BodyStart) || cx.is(i, Kind::NoiNhan) {
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
        for (whole, num) in labels::number_labels(hay) {
            // Where the label itself starts (the match may begin with the line break before
            // it): a label on the next line belongs to that line.
            let w = &hay[whole.clone()];
            let full = whole.start + (w.len() - w.trim_start().len());
            if full >= lr.end - lr.start {
                continue;
            }
            if let Some((value, len)) = parse_number(&hay[num.clone()]) {
                let r = lr.start + num.start..lr.start + num.start + len;
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
    for i in 0..header_end.max(scan_limit.min(MIN_PLACE_DATE_LINES)) {
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
        if cx.is(i, Kind::Mark) {
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
        let head = l.get(..l.len().min(NOI_NHAN_LABEL_BYTES)).unwrap_or(l);
        noi_nhan_label(l) || fold_starts_with(head, "noi nhan")
    });

    // Kính gửi: near the header, before the body and before Nơi nhận.
    let kg_from = number_line.map_or(0, |(i, _)| i);
    let kg_to = (pd_line.map_or(header_end, |(i, _)| i.max(header_end)) + KINH_GUI_REACH)
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

fn diagnostics(cx: &mut Ctx<'_, '_>, doc: &mut Document) {
    // Severities, messages and sources come from the rule catalogue (`validate::RULES`).
    let mut d = Vec::new();
    if doc.quoc_hieu.is_none() {
        cx.diag(&mut d, DiagnosticCode::VB001);
    }
    if doc.issuer.is_none() {
        cx.diag(&mut d, DiagnosticCode::VB002);
    }
    match &doc.number {
        None => cx.diag(&mut d, DiagnosticCode::VB003),
        Some(n) if n.value.is_blank() => {
            d.push(Diagnostic::new(DiagnosticCode::VB004, n.span.clone()))
        }
        Some(n) => {
            let raw = cx.norm.original().get(n.span.clone()).unwrap_or("");
            if let Ok(p) = DocNumber::parse_with_notes(raw)
                && let Some(first) = p.irregularities.first()
            {
                let what = format!("{:?}", first.kind);
                d.push(Diagnostic::new(DiagnosticCode::VB011, n.span.clone()).detail(&what, &what));
            }
        }
    }
    match doc.date {
        None => cx.diag(&mut d, DiagnosticCode::VB005),
        Some(date) if date.day().is_none() => {
            let mut x =
                Diagnostic::new(DiagnosticCode::VB006, doc.date_span.clone().unwrap_or(0..0));
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
        cx.diag(&mut d, DiagnosticCode::VB007);
    }
    if doc.subject.is_none() {
        cx.diag(&mut d, DiagnosticCode::VB008);
    }
    if doc.signatures.is_empty() {
        cx.diag(&mut d, DiagnosticCode::VB009);
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
        cx.diag(&mut d, DiagnosticCode::VB010);
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
