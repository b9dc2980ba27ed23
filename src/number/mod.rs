//! Số, ký hiệu: the number and symbol of a document, as a typed value.
//!
//! Four shapes are in use (see the crate docs for the full table):
//!
//! | system | shape | example |
//! |---|---|---|
//! | [`NumberSystem::Administrative`] | `SỐ/LOẠI-CƠQUAN[-ĐƠNVỊ]` | `1530/KH-UBND`, `67/VBHN-VPQH` |
//! | [`NumberSystem::CongVan`] | `SỐ/CƠQUAN[-ĐƠNVỊ]` | `05/BNV-VP`, `/SVHTTDL-VP` |
//! | [`NumberSystem::Normative`] | `SỐ/NĂM/[LOẠI-]CƠQUAN…` | `30/2020/NĐ-CP`, `80/2015/QH13` |
//! | [`NumberSystem::Party`] | `SỐ-LOẠI/CƠQUAN` | `08-NQ/TU`, `08-QĐi/TW` |

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use crate::catalog::{self, DocKind, Match};
use crate::text::{Normalized, map_char};
use unicode_normalization::char::is_combining_mark;

mod parse;

use parse::*;

/// The numbering system a number is written in.
///
/// ```
/// use vanban::{DocNumber, NumberSystem};
/// let n: DocNumber = "80/2015/QH13".parse().unwrap();
/// assert_eq!(n.system(), NumberSystem::Normative);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum NumberSystem {
    /// `SỐ/LOẠI-CƠQUAN[-ĐƠNVỊ]`: administrative documents (NĐ 30/2020, Phụ lục I, II.3),
    /// also consolidated texts (`67/VBHN-VPQH`).
    Administrative,
    /// `SỐ/CƠQUAN[-ĐƠNVỊ]`: công văn, which carry no kind (NĐ 30/2020, Phụ lục I, II.3).
    CongVan,
    /// `SỐ/NĂM/LOẠI-CƠQUAN` or `SỐ/NĂM/QH<khóa>`: normative documents (Luật 64/2025).
    Normative,
    /// `SỐ-LOẠI/CƠQUAN`: Communist Party documents (HD 36-HD/VPTW).
    Party,
    /// `SỐ-KÝHIỆU`: the older state form with a dash and no kind (`61-CP`, `388-HĐBT`),
    /// still cited for documents issued before the 2004 rules on văn thư.
    Legacy,
}

impl NumberSystem {
    /// A lower-case English name: `administrative`, `cong-van`, `normative`, `party`.
    ///
    /// ```
    /// assert_eq!(vanban::NumberSystem::CongVan.as_str(), "cong-van");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            NumberSystem::Administrative => "administrative",
            NumberSystem::CongVan => "cong-van",
            NumberSystem::Normative => "normative",
            NumberSystem::Party => "party",
            NumberSystem::Legacy => "legacy",
        }
    }
}

impl fmt::Display for NumberSystem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for NumberSystem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for NumberSystem {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        [
            NumberSystem::Administrative,
            NumberSystem::CongVan,
            NumberSystem::Normative,
            NumberSystem::Party,
            NumberSystem::Legacy,
        ]
        .into_iter()
        .find(|n| n.as_str() == s)
        .ok_or_else(|| {
            serde::de::Error::unknown_variant(
                &s,
                &["administrative", "cong-van", "normative", "party", "legacy"],
            )
        })
    }
}

/// A document kind as written in a number: the kind and its canonical code (`QĐ`, `QĐi`,
/// `TTLB`), since some kinds have several codes.
///
/// ```
/// let n: vanban::DocNumber = "08-QĐi/TW".parse().unwrap();
/// let k = n.kind_code().unwrap();
/// assert_eq!((k.kind, k.code), (vanban::DocKind::QuyDinhDang, "QĐi"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KindCode {
    /// The kind.
    pub kind: DocKind,
    /// The code, spelled as in the catalogue.
    pub code: &'static str,
}

/// Số, ký hiệu: a parsed document number.
///
/// Parsing is lenient (spaces, dash variants, `Ð`, NFD text, lower case, file-name forms) and
/// printing is canonical, so equal numbers print the same.
///
/// ```
/// use vanban::{DocKind, DocNumber, NumberSystem};
///
/// let n: DocNumber = "30/2020/NĐ-CP".parse().unwrap();
/// assert_eq!(n.system(), NumberSystem::Normative);
/// assert_eq!(n.seq(), Some("30"));
/// assert_eq!(n.year(), Some(2020));
/// assert_eq!(n.kind(), Some(DocKind::NghiDinh));
/// assert!(n.issuer().eq(["CP"]));
///
/// // Lenient input, canonical output.
/// let m: DocNumber = "30 / 2020 / nđ – cp".parse().unwrap();
/// assert_eq!(m, n);
/// assert_eq!(m.to_string(), "30/2020/NĐ-CP");
///
/// // A công văn has no kind; a draft has no number yet.
/// let cv: DocNumber = "/SVHTTDL-VP".parse().unwrap();
/// assert_eq!(cv.system(), NumberSystem::CongVan);
/// assert_eq!(cv.seq(), None);
/// assert!(cv.issuer().eq(["SVHTTDL"]) && cv.unit().eq(["VP"]));
/// ```
///
/// A number is a small value: its canonical text (held inline, without allocating, up to
/// 32 bytes, which covers nearly every number in use) and where its parts are in that text.
///
/// # Errors
///
/// Input that is not a number gives a [`NumberError`] with the byte offset and what was
/// expected:
///
/// ```
/// use vanban::DocNumber;
/// let e = "1530/".parse::<DocNumber>().unwrap_err();
/// assert_eq!(e.to_string(), "expected a document kind or issuer after '/' at byte 5");
/// let e = "3/15".parse::<DocNumber>().unwrap_err();
/// assert_eq!(e.to_string(), "expected a document kind or issuer after '/' at byte 2, found '1'");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DocNumber {
    /// The canonical text; every part below is a view of it.
    text: Canonical,
    /// Bytes of the number at the start of `text` (0 when blank).
    seq_len: u32,
    /// Where the issuer groups are in `text`, and how many there are.
    issuer_at: u32,
    issuer_end: u32,
    issuers: u32,
    /// Where the unit groups are in `text`, and how many there are.
    unit_at: u32,
    unit_end: u32,
    units: u32,
    year: Option<u16>,
    kind: Option<KindCode>,
    system: NumberSystem,
}

impl fmt::Debug for DocNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("DocNumber")
            .field(&self.as_str())
            .field(&self.system)
            .finish()
    }
}

/// Bytes of canonical text kept inline.
const INLINE: usize = 32;

/// A canonical number's text: inline when short (no allocation), else on the heap.
#[derive(Clone)]
enum Canonical {
    Inline { len: u8, buf: Aligned },
    Heap(Box<str>),
}

/// The inline text, aligned so that it is written and read in whole 16-byte words: a
/// number is built in registers, stored once, and read back at once by its first move.
#[derive(Clone)]
#[repr(align(16))]
struct Aligned([u8; INLINE]);

impl Canonical {
    fn as_str(&self) -> &str {
        match self {
            // Only `TextBuf` writes the buffer, with whole `str`s.
            Canonical::Inline { len, buf } => {
                std::str::from_utf8(&buf.0[..usize::from(*len)]).unwrap_or_default()
            }
            Canonical::Heap(s) => s,
        }
    }
}

impl PartialEq for Canonical {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Canonical {}

impl std::hash::Hash for Canonical {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h)
    }
}

/// Builds a [`Canonical`] in two 128-bit registers, moving to the heap only past
/// [`INLINE`] bytes. The pieces are read from where they are (the input, the catalogue)
/// in whole words: copying them into memory byte by byte and reading the result back in
/// words would stall on every number.
struct TextBuf {
    len: usize,
    /// Bytes 0–15 and 16–31 of the text, byte `i` at bits `8 i`.
    lo: u128,
    hi: u128,
    /// Empty (no allocation) until the text outgrows [`INLINE`] bytes.
    heap: String,
}

impl TextBuf {
    fn new() -> Self {
        TextBuf {
            len: 0,
            lo: 0,
            hi: 0,
            heap: String::new(),
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    #[inline]
    fn push_str(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        let end = self.len + s.len();
        if self.heap.is_empty()
            && end <= INLINE
            && let Some(word) = crate::text::pack_le(s.as_bytes())
        {
            self.or_at(word, self.len);
            self.len = end;
            return;
        }
        self.push_slow(s);
    }

    /// ORs the bytes of `word` into the text from byte `at` (they fit: `push_str` checked,
    /// and an empty piece is not written, so `at` is below [`INLINE`]).
    fn or_at(&mut self, word: u128, at: usize) {
        if at >= INLINE {
            return;
        }
        if at < 16 {
            self.lo |= word << (8 * at);
            if at > 0 {
                self.hi |= word >> (128 - 8 * at);
            }
        } else {
            self.hi |= word << (8 * (at - 16));
        }
    }

    fn bytes(&self) -> [u8; INLINE] {
        let mut b = [0u8; INLINE];
        b[..16].copy_from_slice(&self.lo.to_le_bytes());
        b[16..].copy_from_slice(&self.hi.to_le_bytes());
        b
    }

    /// Pieces longer than 16 bytes, and texts longer than [`INLINE`]: kept out of
    /// `push_str`, which then stays small enough to inline.
    #[cold]
    #[inline(never)]
    fn push_slow(&mut self, s: &str) {
        let end = self.len + s.len();
        if self.heap.is_empty() && end <= INLINE {
            for (i, &b) in s.as_bytes().iter().enumerate() {
                self.or_at(u128::from(b), self.len + i);
            }
        } else {
            if self.heap.is_empty() {
                let bytes = self.bytes();
                self.heap.reserve(end + 16);
                self.heap
                    .push_str(std::str::from_utf8(&bytes[..self.len]).unwrap_or_default());
            }
            self.heap.push_str(s);
        }
        self.len = end;
    }

    /// The text `s` in one piece: two word loads, where pushing a piece past 16 bytes goes
    /// byte by byte.
    fn whole(s: &str) -> Canonical {
        let b = s.as_bytes();
        if b.len() <= INLINE {
            let (lo, hi) = b.split_at(b.len().min(16));
            if let (Some(lo), Some(hi)) = (crate::text::pack_le(lo), crate::text::pack_le(hi)) {
                return TextBuf {
                    len: b.len(),
                    lo,
                    hi,
                    heap: String::new(),
                }
                .finish();
            }
        }
        Canonical::Heap(s.into())
    }

    fn finish(self) -> Canonical {
        if self.heap.is_empty() {
            Canonical::Inline {
                len: self.len as u8,
                buf: Aligned(self.bytes()),
            }
        } else {
            Canonical::Heap(self.heap.into_boxed_str())
        }
    }
}

/// The groups of a number (issuers or units), in order: an iterator of `&str`.
///
/// ```
/// let n: vanban::DocNumber = "55/2005/TTLT-BNV-VPCP".parse().unwrap();
/// assert_eq!(n.issuer().collect::<Vec<_>>(), ["BNV", "VPCP"]);
/// assert_eq!(n.issuer().len(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Groups<'a> {
    rest: &'a str,
    left: usize,
}

impl<'a> Iterator for Groups<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        // Groups are letters and digits (or the old joint code `TT/LB`), so `-` only ever
        // separates them.
        let end = self.rest.find('-').unwrap_or(self.rest.len());
        let g = &self.rest[..end];
        self.rest = self.rest.get(end + 1..).unwrap_or("");
        Some(g)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Groups<'_> {}

impl std::iter::FusedIterator for Groups<'_> {}

/// Something irregular in how a number was written, kept for validation.
///
/// ```
/// use vanban::{DocNumber, IrregularityKind};
/// let p = DocNumber::parse_with_notes("1530 /KH-UBND").unwrap();
/// assert_eq!(p.irregularities[0].kind, IrregularityKind::Spacing);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Irregularity {
    /// What was irregular.
    pub kind: IrregularityKind,
    /// Where, in bytes of the parsed input.
    pub span: Range<usize>,
}

/// The kinds of [`Irregularity`].
///
/// ```
/// use vanban::{DocNumber, IrregularityKind};
/// let p = DocNumber::parse_with_notes("12/QÐ-UBND").unwrap();
/// assert!(p.irregularities.iter().any(|i| i.kind == IrregularityKind::EthForD));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum IrregularityKind {
    /// White space inside the number (`1530 /KH - UBND`); NĐ 30/2020 writes none.
    Spacing,
    /// An en dash, em dash or other dash variant instead of `-`.
    DashVariant,
    /// `Ð` (U+00D0, Icelandic eth) instead of `Đ` (U+0110).
    EthForD,
    /// Decomposed (NFD) characters.
    NotNfc,
    /// A Cyrillic letter that looks Latin.
    Homoglyph,
    /// A zero-width character or soft hyphen.
    Invisible,
    /// A code in another case than the catalogue's (`nđ-cp`, `QĐ-TTG`).
    Case,
    /// A code without its diacritics (`ND` for `NĐ`), as in file names and URLs.
    MissingDiacritics,
    /// `-` where `/` belongs, as in file names (`58-2026-ND-CP`).
    DashForSlash,
    /// The old form with the year joined by a dash (`82/2005-QĐ-UBND`).
    OldYearForm,
    /// A number below 10 without its leading zero (`5/2000/TT-BXD`); NĐ 30/2020, Phụ lục I, II.3.
    MissingLeadingZero,
    /// A kind with no issuer after it (`12/QĐ`).
    MissingIssuer,
    /// `/` between the kind and the issuer, where NĐ 30/2020 (Phụ lục I, II.3) writes `-`
    /// (`212/QĐ/CTN`, `16/2006/TTLT/BLĐTBXH-BGD-ĐT-BTC`). The slash is kept as written.
    SlashForDash,
    /// Two groups without the `-` between them: fused (`52/2024/NDCP`, `25/2023/TTBKHĐT`,
    /// read as `NĐ-CP`, `TT-BKHĐT`) or parted by a space (`630/CV SLĐTB&XH`, kept as written).
    MissingHyphen,
    /// A letter joined to the number (`15a/2025/NĐ-CP`, `A308/TUBND-VX`): NĐ 30/2020 numbers
    /// are Arabic digits (Phụ lục I, II.3).
    LetterInNumber,
    /// A kind's code split by a dash, as OCR leaves it (`TT-Tr` for `TTr`).
    SplitCode,
    /// No `/` between the number and the symbol (`44 DN-UBND`, OCR of a commune's letter);
    /// NĐ 30/2020, Phụ lục I, II.3 writes it. Kept as written: `44DN-UBND`.
    MissingSlash,
}

/// A number together with what was irregular in it.
///
/// ```
/// let p = vanban::DocNumber::parse_with_notes("30/2020/nđ-cp").unwrap();
/// assert_eq!(p.number.to_string(), "30/2020/NĐ-CP");
/// assert!(!p.irregularities.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParsedNumber {
    /// The number.
    pub number: DocNumber,
    /// What was irregular, in input order.
    pub irregularities: Vec<Irregularity>,
}

/// The error returned when text is not a document number.
///
/// ```
/// let e = "3/15".parse::<vanban::DocNumber>().unwrap_err();
/// assert_eq!(e.offset(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum NumberError {
    /// The input was empty or blank.
    #[error("expected a document number, found nothing")]
    Empty,
    /// Something other than what the grammar allows at `offset`.
    #[error("expected {expected} at byte {offset}{}", found_suffix(*.found))]
    Expected {
        /// What would have been valid there.
        expected: &'static str,
        /// Byte offset in the input.
        offset: usize,
        /// The character found, or `None` at the end of the input.
        found: Option<char>,
    },
    /// A year outside 1945–2100 where a year belongs.
    #[error("year {year} out of range (1945-2100) at byte {offset}")]
    Year {
        /// The year as written.
        year: u32,
        /// Byte offset in the input.
        offset: usize,
    },
}

fn found_suffix(found: Option<char>) -> String {
    found.map(|c| format!(", found {c:?}")).unwrap_or_default()
}

impl NumberError {
    /// The byte offset of the error in the input.
    ///
    /// ```
    /// let e = "12/".parse::<vanban::DocNumber>().unwrap_err();
    /// assert_eq!(e.offset(), 3);
    /// ```
    pub fn offset(&self) -> usize {
        match self {
            NumberError::Empty => 0,
            NumberError::Expected { offset, .. } | NumberError::Year { offset, .. } => *offset,
        }
    }
}

impl DocNumber {
    /// Parses a number and reports what was irregular in it.
    ///
    /// # Errors
    ///
    /// [`NumberError`] when `input` is not a number: empty, no digits or `/` where the number
    /// starts, no kind or issuer after the `/` (`3/15`, a ratio), a year out of 1945–2100, or
    /// text left after the symbol; [`NumberError::offset`] says at which byte.
    ///
    /// ```
    /// use vanban::{DocNumber, IrregularityKind};
    /// let p = DocNumber::parse_with_notes("1530 /KH - UBND").unwrap();
    /// assert_eq!(p.number.to_string(), "1530/KH-UBND");
    /// assert_eq!(p.irregularities[0].kind, IrregularityKind::Spacing);
    /// ```
    pub fn parse_with_notes(input: &str) -> Result<ParsedNumber, NumberError> {
        let mut p = Parser::new(input, true);
        let number = p.parse()?;
        Ok(ParsedNumber {
            number,
            irregularities: p.notes,
        })
    }

    /// The canonical text (`30/2020/NĐ-CP`), the same as `to_string()` without allocating.
    ///
    /// ```
    /// let n: vanban::DocNumber = "30 / 2020 / nđ – cp".parse().unwrap();
    /// assert_eq!(n.as_str(), "30/2020/NĐ-CP");
    /// ```
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// The number (số) as written, leading zeros kept (`08`, `66.7`); `None` when blank.
    ///
    /// ```
    /// let n: vanban::DocNumber = "08/2013/QĐ-TTg".parse().unwrap();
    /// assert_eq!(n.seq(), Some("08"));
    /// ```
    pub fn seq(&self) -> Option<&str> {
        (self.seq_len > 0).then(|| &self.as_str()[..self.seq_len as usize])
    }

    /// The year, in normative numbers (`30/2020/NĐ-CP` → 2020).
    ///
    /// ```
    /// let n: vanban::DocNumber = "30/2020/NĐ-CP".parse().unwrap();
    /// assert_eq!(n.year(), Some(2020));
    /// ```
    pub fn year(&self) -> Option<u16> {
        self.year
    }

    /// The kind written in the number, if any.
    ///
    /// ```
    /// let n: vanban::DocNumber = "1530/KH-UBND".parse().unwrap();
    /// assert_eq!(n.kind(), Some(vanban::DocKind::KeHoach));
    /// ```
    pub fn kind(&self) -> Option<DocKind> {
        self.kind.map(|k| k.kind)
    }

    /// The kind written in the number with its code as the catalogue spells it (`QĐ`, `QĐi`,
    /// `TTLB`); `None` for công văn and for laws (`80/2015/QH13`).
    ///
    /// ```
    /// let n: vanban::DocNumber = "1530/KH-UBND".parse().unwrap();
    /// assert_eq!(n.kind_code().unwrap().code, "KH");
    /// ```
    pub fn kind_code(&self) -> Option<KindCode> {
        self.kind
    }

    /// The issuing bodies: one, or several for joint documents (`TTLT-BNV-VPCP`).
    ///
    /// ```
    /// let n: vanban::DocNumber = "55/2005/TTLT-BNV-VPCP".parse().unwrap();
    /// assert_eq!(n.issuer().collect::<Vec<_>>(), ["BNV", "VPCP"]);
    /// ```
    pub fn issuer(&self) -> Groups<'_> {
        self.groups(self.issuer_at, self.issuer_end, self.issuers)
    }

    /// The drafting unit(s) after the issuer (`VP` in `/SVHTTDL-VP`).
    ///
    /// ```
    /// let n: vanban::DocNumber = "12/UBND-VP".parse().unwrap();
    /// assert_eq!(n.unit().collect::<Vec<_>>(), ["VP"]);
    /// ```
    pub fn unit(&self) -> Groups<'_> {
        self.groups(self.unit_at, self.unit_end, self.units)
    }

    fn groups(&self, at: u32, end: u32, count: u32) -> Groups<'_> {
        Groups {
            rest: self.as_str().get(at as usize..end as usize).unwrap_or(""),
            left: count as usize,
        }
    }

    /// The numbering system.
    ///
    /// ```
    /// let n: vanban::DocNumber = "08-NQ/TU".parse().unwrap();
    /// assert_eq!(n.system(), vanban::NumberSystem::Party);
    /// ```
    pub fn system(&self) -> NumberSystem {
        self.system
    }

    /// The ký hiệu: everything after the number (`KH-UBND`, `2020/NĐ-CP`, `NQ/TU`).
    ///
    /// ```
    /// let n: vanban::DocNumber = "30/2020/NĐ-CP".parse().unwrap();
    /// assert_eq!(n.symbol(), "2020/NĐ-CP");
    /// ```
    pub fn symbol(&self) -> &str {
        let rest = &self.as_str()[self.seq_len as usize..];
        rest.strip_prefix(['/', '-']).unwrap_or(rest)
    }

    /// Whether two numbers name the same document: equal but for the leading zeros of the
    /// sequence (NĐ 30/2020, Phụ lục I §II.3 writes `08`; citations often write `8`) and the
    /// case of letters (`QĐ-TTG` for `QĐ-TTg`, lower case in portal lists).
    ///
    /// ```
    /// use vanban::DocNumber;
    /// let a: DocNumber = "8/2013/QĐ-TTg".parse().unwrap();
    /// let b: DocNumber = "08/2013/qđ-ttg".parse().unwrap();
    /// assert!(a.same_document(&b));
    /// assert_eq!(a.document_key(), b.document_key());
    /// let c: DocNumber = "80/2013/QĐ-TTg".parse().unwrap();
    /// assert!(!a.same_document(&c));
    /// ```
    pub fn same_document(&self, other: &DocNumber) -> bool {
        fn lower(s: &str) -> impl Iterator<Item = char> + '_ {
            s.chars().flat_map(char::to_lowercase)
        }
        fn seq(n: &DocNumber) -> Option<&str> {
            n.seq().map(|s| s.trim_start_matches('0'))
        }
        let same_seq = match (seq(self), seq(other)) {
            (Some(a), Some(b)) => lower(a).eq(lower(b)),
            (a, b) => a == b,
        };
        same_seq && lower(self.symbol()).eq(lower(other.symbol()))
    }

    /// A key that two numbers share exactly when [`DocNumber::same_document`] holds: the
    /// sequence without leading zeros and the symbol, in lower case. For grouping mentions
    /// of one document in a map.
    ///
    /// ```
    /// use vanban::DocNumber;
    /// let n: DocNumber = "05/CT-TTg".parse().unwrap();
    /// assert_eq!(n.document_key(), "5/ct-ttg");
    /// ```
    pub fn document_key(&self) -> String {
        let seq = self.seq().map(|s| s.trim_start_matches('0'));
        let mut key = String::with_capacity(self.as_str().len());
        key.extend(seq.unwrap_or("").chars().flat_map(char::to_lowercase));
        // A blank number and a number of zeros differ.
        key.push(if seq.is_some() { '/' } else { '|' });
        key.extend(self.symbol().chars().flat_map(char::to_lowercase));
        key
    }

    /// The number as an integer, when it is one (`08` → 8); `None` when blank or decimal.
    ///
    /// ```
    /// let n: vanban::DocNumber = "08/2013/QĐ-TTg".parse().unwrap();
    /// assert_eq!(n.seq_value(), Some(8));
    /// ```
    pub fn seq_value(&self) -> Option<u32> {
        self.seq()?.parse().ok()
    }

    /// Whether the number is blank, as in a draft (`Số: /SVHTTDL-VP`, NĐ 30/2020 Điều 15).
    ///
    /// ```
    /// let n: vanban::DocNumber = "/SVHTTDL-VP".parse().unwrap();
    /// assert!(n.is_blank());
    /// ```
    pub fn is_blank(&self) -> bool {
        self.seq_len == 0
    }

    /// The Quốc hội term of the issuer, for laws and UBTVQH acts (`80/2015/QH13` → 13).
    ///
    /// ```
    /// let n: vanban::DocNumber = "80/2015/QH13".parse().unwrap();
    /// assert_eq!(n.legislature_term(), Some(13));
    /// ```
    pub fn legislature_term(&self) -> Option<u8> {
        self.issuer().find_map(catalog::legislature_term)
    }

    /// The same symbol with another number: `198, 199/BC-UBND` shares one symbol between
    /// two numbers. `None` when `seq` is not digits (with at most one `.` between digits).
    ///
    /// ```
    /// let n: vanban::DocNumber = "198/BC-UBND".parse().unwrap();
    /// assert_eq!(n.with_seq("199").unwrap().to_string(), "199/BC-UBND");
    /// assert!(n.with_seq("1a").is_none());
    /// ```
    pub fn with_seq(&self, seq: &str) -> Option<DocNumber> {
        let (a, b) = seq.split_once('.').unwrap_or((seq, "0"));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(a) || !digits(b) {
            return None;
        }
        let mut out = TextBuf::new();
        out.push_str(seq);
        out.push_str(&self.as_str()[self.seq_len as usize..]);
        let new_len = u32::try_from(seq.len()).ok()?;
        let shift = |at: u32| (at - self.seq_len).checked_add(new_len);
        Some(DocNumber {
            text: out.finish(),
            seq_len: new_len,
            issuer_at: shift(self.issuer_at)?,
            issuer_end: shift(self.issuer_end)?,
            unit_at: shift(self.unit_at)?,
            unit_end: shift(self.unit_end)?,
            ..self.clone()
        })
    }
}

impl FromStr for DocNumber {
    type Err = NumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Parser::new(s, false).parse()
    }
}

/// Numbers sort by year (numbers without one first), then by the value of their sequence
/// (`9` before `10`; blank numbers first), then by their canonical text: an order for
/// registers and indexes, consistent with `==`.
///
/// ```
/// use vanban::DocNumber;
/// let mut v: Vec<DocNumber> = ["10/2020/NĐ-CP", "9/2020/NĐ-CP", "5/2019/TT-BTC", "/SVHTTDL-VP"]
///     .iter()
///     .map(|s| s.parse().unwrap())
///     .collect();
/// v.sort();
/// let shown: Vec<String> = v.iter().map(|n| n.to_string()).collect();
/// assert_eq!(shown, ["/SVHTTDL-VP", "5/2019/TT-BTC", "9/2020/NĐ-CP", "10/2020/NĐ-CP"]);
/// ```
impl Ord for DocNumber {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        fn value(n: &DocNumber) -> Option<u64> {
            let digits = n.seq()?.split(|c: char| !c.is_ascii_digit()).next()?;
            digits.parse().ok()
        }
        (self.year, value(self), self.as_str()).cmp(&(other.year, value(other), other.as_str()))
    }
}

impl PartialOrd for DocNumber {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for DocNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for DocNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for DocNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
