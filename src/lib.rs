//! `vanban` reads Vietnamese official documents — văn bản hành chính (administrative
//! documents), văn bản quy phạm pháp luật (normative legal documents) and văn bản của Đảng
//! (Communist Party documents) — and turns them into typed, validated values.
//!
//! ```
//! use vanban::{DocKind, DocNumber, NumberSystem};
//!
//! let n: DocNumber = "55/2005/TTLT-BNV-VPCP".parse()?;
//! assert_eq!(n.kind(), Some(DocKind::ThongTuLienTich));
//! assert_eq!(n.issuer, ["BNV", "VPCP"]);
//!
//! let party: DocNumber = "08-NQ/TU".parse()?;
//! assert_eq!(party.system, NumberSystem::Party);
//! # Ok::<(), vanban::NumberError>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod catalog;
pub mod citation;
pub mod date;
pub mod document;
pub mod encoding;
pub mod number;
pub mod text;

pub use catalog::{
    DocKind, ISSUERS, IssuerClass, IssuerInfo, KINDS, KindInfo, UnknownKind, issuer_info,
    legislature_term,
};
pub use citation::{Citation, Citations, citations, own_number};
pub use date::{
    DateError, DateIrregularity, DateMatch, PlaceDate, VnDate, dates, find_date, parse_place_date,
};
pub use document::{
    Basis, BasisKind, Diagnostic, Document, EntryKind, Issuer, Level, Mark, MarkKind, NoiNhanEntry,
    NumberPart, OutlineNode, Purpose, Severity, Signature, Spanned,
};
pub use number::{
    DocNumber, Irregularity, IrregularityKind, KindCode, NumberError, NumberSystem, ParsedNumber,
};
pub use text::{Normalized, Options as NormalizeOptions, fold_key, tone_key};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
