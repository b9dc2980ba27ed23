//! `vanban` reads Vietnamese official documents — văn bản hành chính (administrative
//! documents), văn bản quy phạm pháp luật (normative legal documents) and văn bản của Đảng
//! (Communist Party documents) — and turns them into typed, validated values.
//!
//! A real document (the opening of a công văn of Sở VHTT&DL Lai Châu, 2023, as its PDF text
//! arrives: no header block above `Số:`, a blank number, a subject over two lines):
//!
//! ```
//! use vanban::{DocKind, Document, validate};
//!
//! let text = "Số: /SVHTTDL-VP\n\
//!     V/v tập trung đẩy mạnh nhằm cải thiện, nâng\n\
//!     cao chỉ số chỉ đạo điều hành\n\
//!     Lai Châu, ngày 13 tháng 6 năm 2023\n\
//!     Kính gửi: Trưởng các phòng, đơn vị trực thuộc Sở.\n\
//!     Thực hiện Kế hoạch số 1530/KH-UBND ngày 26/4/2023 của UBND tỉnh; Báo cáo số 198,\
//!     199/BC-UBND ngày 07/6/2023 của UBND tỉnh.\n\
//!     Nơi nhận:\n- Như trên;\n- Lưu: VT, VP.\n\
//!     KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Mạnh Hùng\n";
//! let doc = Document::parse(text);
//! assert!(doc.number.as_ref().unwrap().value.is_blank());
//! assert_eq!(doc.kind, Some(DocKind::CongVan));
//! assert_eq!(doc.date.unwrap().iso(), "2023-06-13");
//! assert_eq!(doc.subject.as_ref().unwrap().text,
//!            "tập trung đẩy mạnh nhằm cải thiện, nâng cao chỉ số chỉ đạo điều hành");
//! assert_eq!(doc.signatures[0].name.as_ref().unwrap().text, "Trần Mạnh Hùng");
//!
//! // Every citation, with a span into `text`, its kind, date and issuer.
//! let cited: Vec<String> = doc.citations(text).map(|c| c.number.to_string()).collect();
//! assert_eq!(cited, ["1530/KH-UBND", "198/BC-UBND", "199/BC-UBND"]);
//!
//! // What a clerk should look at: no Quốc hiệu, no issuer block, a draft's blank number.
//! let codes: Vec<&str> = validate(&doc, text).iter().map(|d| d.code.as_str()).collect();
//! assert!(codes.contains(&"VB001") && codes.contains(&"VB004"));
//! ```
//!
//! The values it is built from parse and print on their own:
//!
//! ```
//! use vanban::{DocKind, DocNumber, NumberSystem};
//!
//! let n: DocNumber = "55/2005/TTLT-BNV-VPCP".parse()?;
//! assert_eq!(n.kind(), Some(DocKind::ThongTuLienTich));
//! assert_eq!(n.issuer().collect::<Vec<_>>(), ["BNV", "VPCP"]);
//!
//! let party: DocNumber = "08-NQ/TU".parse()?;
//! assert_eq!(party.system(), NumberSystem::Party);
//! # Ok::<(), vanban::NumberError>(())
//! ```
//!
//! # Damaged and hostile input
//!
//! Every reader accepts any `&str` without panicking, and [`Document::parse_bytes`] any
//! bytes: UTF-8 is read, legacy encodings (TCVN3, VNI, VISCII) are refused with an error
//! that names the encoding they look like ([`encoding`] decodes them). Matching runs on a
//! [`Normalized`] copy (NFC, `Ð` → `Đ`, dash and space variants, zero-width characters and
//! soft hyphens dropped, Cyrillic look-alikes, words split at a line end joined), and every
//! span is a byte range of the caller's text, on char boundaries.
//!
//! # Limits
//!
//! Time is linear in the input for every reader, and nothing recurses on the input: the
//! outline is built with an explicit stack, at most [`document::MAX_OUTLINE_DEPTH`] deep.
//! [`Document::parse`] needs at most about 50 bytes of memory per input byte (measured on a
//! flood of line breaks; a 10 MB line of `**KT. ` takes 25) and bounds it with these
//! limits; past one, it reads what comes before and says so in a diagnostic instead of
//! failing:
//!
//! | limit | value | past it |
//! |---|---|---|
//! | [`document::MAX_INPUT_LEN`] | 16 MiB | only the text before the limit is read (`VB012`, error) |
//! | [`document::MAX_LINES`] | 1 000 000 lines and table cells (a run of blank ones counts once) | the rest is not read (`VB012`, error) |
//! | [`document::MAX_OUTLINE_NODES`] | 100 000 | the outline stops (`VB013`, warning) |
//! | [`document::OUTLINE_BYTES_PER_NODE`] | one node per 16 bytes of input | the outline stops (`VB013`, warning) |
//! | [`document::MAX_TABLE_COLUMNS`] | 64 | the rest of a row stays in its last cell; a wider simple-table rule is no table |
//! | [`document::MAX_OUTLINE_DEPTH`] | 8 levels | a deeper item becomes a sibling at the deepest level |
//!
//! [`citations`] and [`dates`] have no size limit: they scan the caller's text itself and
//! hold only their results (citations make a normalized copy, one byte per byte plus a map
//! of the few changed stretches, only for a text with invisible characters). Legacy decoding is linear too. `benches/adversarial.rs` measures
//! time and peak memory on hostile shapes (`1/1/1/…`, deep `1.1.1.…` outlines, a million
//! `- ;` lines, one long line, `số số số`, `|||||` rows) at 1, 2, 4 and 10 MB.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// Annotation of HTML and Markdown: plain text with a map back, links inserted without breaking markup.
pub mod annotate;
pub mod catalog;
pub mod citation;
pub mod date;
pub mod diagnostic;
pub mod document;
pub mod encoding;
pub mod number;
pub mod text;
pub mod validate;

pub use catalog::{
    DocKind, ISSUERS, IssuerClass, IssuerInfo, KINDS, KindInfo, UnknownKind, issuer_info,
    legislature_term,
};
pub use citation::{Citation, Citations, OwnedCitation, citations};
pub use date::{
    DateError, DateIrregularity, DateMatch, PlaceDate, VnDate, dates, find_date, parse_place_date,
};
pub use diagnostic::{Diagnostic, DiagnosticCode, Fix, Related, Severity};
pub use document::{
    Basis, BasisKind, Document, EntryKind, Issuer, Level, Mark, MarkKind, NoiNhanEntry, NumberPart,
    OutlineNode, Purpose, Reading, Signature, Spanned,
};
pub use number::{
    DocNumber, Groups, Irregularity, IrregularityKind, KindCode, NumberError, NumberSystem,
    ParsedNumber,
};
pub use text::{Normalized, Options as NormalizeOptions, fold_key, tone_key};
pub use validate::{RULES, Rule, apply_fixes, validate};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
