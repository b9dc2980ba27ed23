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

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use crate::catalog::{self, DocKind, Match};
use crate::text::{Normalized, map_char};
use unicode_normalization::char::is_combining_mark;

/// The numbering system a number is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

/// A document kind as written in a number: the kind and its canonical code (`QĐ`, `QĐi`,
/// `TTLB`), since some kinds have several codes.
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
/// assert_eq!(n.system, NumberSystem::Normative);
/// assert_eq!(n.seq.as_deref(), Some("30"));
/// assert_eq!(n.year, Some(2020));
/// assert_eq!(n.kind(), Some(DocKind::NghiDinh));
/// assert_eq!(n.issuer, ["CP"]);
///
/// // Lenient input, canonical output.
/// let m: DocNumber = "30 / 2020 / nđ – cp".parse().unwrap();
/// assert_eq!(m, n);
/// assert_eq!(m.to_string(), "30/2020/NĐ-CP");
///
/// // A công văn has no kind; a draft has no number yet.
/// let cv: DocNumber = "/SVHTTDL-VP".parse().unwrap();
/// assert_eq!(cv.system, NumberSystem::CongVan);
/// assert_eq!(cv.seq, None);
/// assert_eq!((cv.issuer.as_slice(), cv.unit.as_slice()), (&["SVHTTDL".to_string()][..], &["VP".to_string()][..]));
/// ```
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
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DocNumber {
    /// The number (số) as written, leading zeros kept (`08`, `66.7`); `None` when blank.
    pub seq: Option<String>,
    /// The year, in normative numbers.
    pub year: Option<u16>,
    /// The kind written in the number; `None` for công văn and for laws (`80/2015/QH13`).
    pub kind: Option<KindCode>,
    /// The issuing bodies: one, or several for joint documents (`TTLT-BNV-VPCP`).
    pub issuer: Vec<String>,
    /// The drafting unit(s) after the issuer (`VP` in `/SVHTTDL-VP`).
    pub unit: Vec<String>,
    /// The numbering system.
    pub system: NumberSystem,
}

/// Something irregular in how a number was written, kept for validation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Irregularity {
    /// What was irregular.
    pub kind: IrregularityKind,
    /// Where, in bytes of the parsed input.
    pub span: Range<usize>,
}

/// The kinds of [`Irregularity`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
}

/// A number together with what was irregular in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedNumber {
    /// The number.
    pub number: DocNumber,
    /// What was irregular, in input order.
    pub irregularities: Vec<Irregularity>,
}

/// The error returned when text is not a document number.
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
    pub fn offset(&self) -> usize {
        match self {
            NumberError::Empty => 0,
            NumberError::Expected { offset, .. } | NumberError::Year { offset, .. } => *offset,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    /// Digits, possibly with one `.` (`66.7`).
    Num,
    /// Letters and digits starting with a letter (`UBTVQH15`, `QĐi`).
    Word,
    Slash,
    Dash,
}

#[derive(Clone, Debug)]
struct Token<'a> {
    tok: Tok,
    /// Text in the normalized input: borrowed from the input when normalization changed
    /// nothing, which is the common case and costs no allocation.
    text: Cow<'a, str>,
    /// Span in the original input.
    span: Range<usize>,
}

/// Joint kinds list every issuer after the kind; other kinds have one issuer then units.
fn is_joint(kind: DocKind) -> bool {
    matches!(
        kind,
        DocKind::ThongTuLienTich | DocKind::NghiQuyetLienTich | DocKind::QuyetDinhLienTich
    )
}

impl DocNumber {
    /// Parses a number and reports what was irregular in it.
    ///
    /// ```
    /// use vanban::{DocNumber, IrregularityKind};
    /// let p = DocNumber::parse_with_notes("1530 /KH - UBND").unwrap();
    /// assert_eq!(p.number.to_string(), "1530/KH-UBND");
    /// assert_eq!(p.irregularities[0].kind, IrregularityKind::Spacing);
    /// ```
    pub fn parse_with_notes(input: &str) -> Result<ParsedNumber, NumberError> {
        Parser::new(input).parse()
    }

    /// The kind written in the number, if any.
    pub fn kind(&self) -> Option<DocKind> {
        self.kind.map(|k| k.kind)
    }

    /// The ký hiệu: everything after the number (`KH-UBND`, `2020/NĐ-CP`, `NQ/TU`).
    pub fn symbol(&self) -> String {
        let s = self.to_string();
        let seq_len = self.seq.as_ref().map_or(0, String::len);
        let rest = &s[seq_len..];
        rest.strip_prefix(['/', '-']).unwrap_or(rest).to_string()
    }

    /// The number as an integer, when it is one (`08` → 8); `None` when blank or decimal.
    pub fn seq_value(&self) -> Option<u32> {
        self.seq.as_deref()?.parse().ok()
    }

    /// Whether the number is blank, as in a draft (`Số: /SVHTTDL-VP`, NĐ 30/2020 Điều 15).
    pub fn is_blank(&self) -> bool {
        self.seq.is_none()
    }

    /// The Quốc hội term of the issuer, for laws and UBTVQH acts (`80/2015/QH13` → 13).
    pub fn legislature_term(&self) -> Option<u8> {
        self.issuer
            .iter()
            .find_map(|i| catalog::legislature_term(i))
    }
}

impl FromStr for DocNumber {
    type Err = NumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DocNumber::parse_with_notes(s).map(|p| p.number)
    }
}

impl fmt::Display for DocNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seq = self.seq.as_deref().unwrap_or("");
        let groups = || self.issuer.iter().chain(self.unit.iter());
        let write_groups = |f: &mut fmt::Formatter<'_>, first: bool| -> fmt::Result {
            for (i, g) in groups().enumerate() {
                if i > 0 || !first {
                    f.write_str("-")?;
                }
                f.write_str(g)?;
            }
            Ok(())
        };
        match self.system {
            NumberSystem::Legacy => {
                f.write_str(seq)?;
                for g in groups() {
                    write!(f, "-{g}")?;
                }
                Ok(())
            }
            NumberSystem::Party => {
                f.write_str(seq)?;
                if let Some(k) = self.kind {
                    write!(f, "-{}", k.code)?;
                }
                f.write_str("/")?;
                write_groups(f, true)
            }
            _ => {
                write!(f, "{seq}/")?;
                if let Some(y) = self.year {
                    write!(f, "{y}/")?;
                }
                match self.kind {
                    Some(k) => {
                        f.write_str(k.code)?;
                        write_groups(f, false)
                    }
                    None => write_groups(f, true),
                }
            }
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for DocNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for DocNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

struct Parser<'a> {
    input: &'a str,
    notes: Vec<Irregularity>,
}

impl<'a> Parser<'a> {
    fn new(input: &'a str) -> Self {
        Parser {
            input,
            notes: Vec::new(),
        }
    }

    fn note(&mut self, kind: IrregularityKind, span: Range<usize>) {
        self.notes.push(Irregularity { kind, span });
    }

    fn expected(&self, expected: &'static str, at: Option<&Token>) -> NumberError {
        match at {
            Some(t) => NumberError::Expected {
                expected,
                offset: t.span.start,
                found: self.input[t.span.start..].chars().next(),
            },
            None => NumberError::Expected {
                expected,
                offset: self.input.trim_end().len(),
                found: None,
            },
        }
    }

    /// Notes every character that normalization has to change.
    fn note_characters(&mut self) {
        if self.input.is_ascii() {
            return;
        }
        let mut prev_start = 0;
        for (i, c) in self.input.char_indices() {
            let end = i + c.len_utf8();
            let kind = if is_combining_mark(c) {
                Some((IrregularityKind::NotNfc, prev_start..end))
            } else {
                prev_start = i;
                match map_char(c) {
                    Some(m) if m == c || m == ' ' => None,
                    None => Some((IrregularityKind::Invisible, i..end)),
                    Some('-') => Some((IrregularityKind::DashVariant, i..end)),
                    Some(_) if matches!(c, 'Ð' | 'ð') => {
                        Some((IrregularityKind::EthForD, i..end))
                    }
                    Some(m) if m.is_ascii_alphabetic() => {
                        Some((IrregularityKind::Homoglyph, i..end))
                    }
                    Some(_) => None,
                }
            };
            if let Some((kind, span)) = kind {
                self.note(kind, span);
            }
        }
    }

    /// Splits the input into tokens, noting every character normalization had to change.
    fn tokenize(&mut self) -> Result<Vec<Token<'a>>, NumberError> {
        let input: &'a str = self.input;
        self.note_characters();
        let norm = Normalized::new(self.input);
        let text = norm.as_str();
        // A number has a dozen tokens; one allocation holds them.
        let mut toks: Vec<Token> = Vec::with_capacity(16);
        let mut chars = text.char_indices().peekable();
        let mut space_start: Option<usize> = None;
        while let Some((i, c)) = chars.next() {
            let ospan = norm.original_span(i..i + c.len_utf8());
            if c.is_whitespace() {
                space_start.get_or_insert(ospan.start);
                continue;
            }
            if let Some(ws) = space_start.take() {
                if !toks.is_empty() {
                    self.note(IrregularityKind::Spacing, ws..ospan.start);
                }
            }
            let start = ospan.start;
            let (tok, mut end_n) = match c {
                '/' => (Tok::Slash, i + 1),
                '-' => (Tok::Dash, i + 1),
                '0'..='9' => {
                    let mut end = i + 1;
                    let mut dot = false;
                    while let Some(&(j, d)) = chars.peek() {
                        if d.is_ascii_digit() {
                            end = j + 1;
                            chars.next();
                        } else if d == '.' && !dot {
                            // `66.7`: a dot only counts when a digit follows it.
                            let after = text[j + 1..].chars().next();
                            if after.is_some_and(|a| a.is_ascii_digit()) {
                                dot = true;
                                end = j + 1;
                                chars.next();
                            } else {
                                break;
                            }
                        } else {
                            break;
                        }
                    }
                    (Tok::Num, end)
                }
                c if c.is_alphabetic() => {
                    let mut end = i + c.len_utf8();
                    while let Some(&(j, d)) = chars.peek() {
                        if d.is_alphanumeric() || is_combining_mark(d) {
                            end = j + d.len_utf8();
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    (Tok::Word, end)
                }
                _ => {
                    return Err(NumberError::Expected {
                        expected: "a digit, a letter, '/' or '-'",
                        offset: start,
                        found: self.input[start..].chars().next(),
                    });
                }
            };
            if end_n > text.len() {
                end_n = text.len();
            }
            let span = norm.original_span(i..end_n);
            let text = if norm.is_unchanged() {
                Cow::Borrowed(&input[i..end_n])
            } else {
                Cow::Owned(text[i..end_n].to_string())
            };
            toks.push(Token { tok, text, span });
        }
        // The old joint code `TT/LB` contains the separator it is written with.
        let mut i = 0;
        while i + 2 < toks.len() {
            if toks[i].tok == Tok::Word
                && toks[i].text.eq_ignore_ascii_case("TT")
                && toks[i + 1].tok == Tok::Slash
                && toks[i + 2].text.eq_ignore_ascii_case("LB")
                && i > 0
            {
                let end = toks[i + 2].span.end;
                toks[i].text = Cow::Borrowed("TT/LB");
                toks[i].span.end = end;
                toks.drain(i + 1..i + 3);
            }
            i += 1;
        }
        Ok(toks)
    }

    fn parse(mut self) -> Result<ParsedNumber, NumberError> {
        if self.input.trim().is_empty() {
            return Err(NumberError::Empty);
        }
        let toks = self.tokenize()?;
        let lower_input = !self.input.chars().any(char::is_uppercase);
        let mut pos = 0;
        let peek = |p: usize| toks.get(p);

        // The number: digits, or nothing when it is blank (a draft).
        let seq = match peek(0) {
            Some(t) if t.tok == Tok::Num => {
                pos = 1;
                Some(t.clone())
            }
            Some(t) if t.tok == Tok::Slash => None,
            t => return Err(self.expected("a number or '/'", t)),
        };
        if let Some(s) = &seq {
            if s.text.len() == 1 && s.text != "0" {
                self.note(IrregularityKind::MissingLeadingZero, s.span.clone());
            }
        }

        let mut dash_form = None;
        let (system, year, rest_start) = match (peek(pos), peek(pos + 1), peek(pos + 2)) {
            // SỐ/NĂM/…, and the old SỐ/NĂM-… form.
            (Some(a), Some(y), Some(b))
                if a.tok == Tok::Slash && y.tok == Tok::Num && is_year_like(&y.text) =>
            {
                let year = self.year(y)?;
                match b.tok {
                    Tok::Slash => {}
                    Tok::Dash => self.note(IrregularityKind::OldYearForm, b.span.clone()),
                    _ => return Err(self.expected("'/' after the year", Some(b))),
                }
                (NumberSystem::Normative, Some(year), pos + 3)
            }
            (Some(a), ..) if a.tok == Tok::Slash => (NumberSystem::Administrative, None, pos + 1),
            // File-name forms with dashes only: 58-2026-ND-CP, 09-CD-TTg.
            (Some(a), Some(y), Some(b))
                if a.tok == Tok::Dash
                    && y.tok == Tok::Num
                    && is_year_like(&y.text)
                    && b.tok == Tok::Dash =>
            {
                let year = self.year(y)?;
                self.note(IrregularityKind::DashForSlash, a.span.clone());
                (NumberSystem::Normative, Some(year), pos + 3)
            }
            (Some(a), Some(w), _) if a.tok == Tok::Dash && w.tok == Tok::Word => {
                // Party numbers put the kind before the slash: 08-NQ/TU.
                if toks[pos + 2..].iter().any(|t| t.tok == Tok::Slash) {
                    (NumberSystem::Party, None, pos + 1)
                } else {
                    // Either a file name (`09-CD-TTg`) or the pre-2000 form (`61-CP`): told
                    // apart below, once it is known whether a kind follows.
                    dash_form = Some(a.span.clone());
                    (NumberSystem::Administrative, None, pos + 1)
                }
            }
            (Some(a), t, _) if a.tok == Tok::Dash => {
                return Err(self.expected("a document kind or year after '-'", t));
            }
            (t, ..) if seq.is_some() => {
                return Err(self.expected("'/' or '-' after the number", t));
            }
            (t, ..) => return Err(self.expected("'/' before the symbol", t)),
        };

        // Groups: words separated by dashes (and, in Party numbers, one slash).
        let mut groups: Vec<&Token> = Vec::with_capacity(8);
        let mut party_slash = None;
        let mut p = rest_start;
        loop {
            let what =
                if groups.is_empty() && rest_start > 0 && toks[rest_start - 1].tok == Tok::Slash {
                    "a document kind or issuer after '/'"
                } else {
                    "a document kind or issuer"
                };
            match peek(p) {
                Some(t) if t.tok == Tok::Word => groups.push(t),
                // `UBTVQH15`-like groups are words; a group of digits only is not.
                t => return Err(self.expected(what, t)),
            }
            p += 1;
            match peek(p) {
                None => break,
                Some(t) if t.tok == Tok::Dash => p += 1,
                Some(t)
                    if t.tok == Tok::Slash
                        && system == NumberSystem::Party
                        && party_slash.is_none() =>
                {
                    party_slash = Some(groups.len());
                    p += 1;
                }
                t => return Err(self.expected("'-' between groups, or the end", t)),
            }
        }

        let mut number = DocNumber {
            seq: seq.map(|t| t.text.into_owned()),
            year,
            kind: None,
            issuer: Vec::new(),
            unit: Vec::new(),
            system,
        };
        let canon = |this: &mut Self, t: &Token| this.canonical_group(t, lower_input);

        match system {
            NumberSystem::Party => {
                let split = party_slash.unwrap_or(1);
                let kind_tok = groups[0];
                number.kind = Some(self.kind_code(kind_tok, true).ok_or_else(|| {
                    self.expected(
                        "a Party document kind (NQ, QĐ, CT, KL, HD, BC, CV …)",
                        Some(kind_tok),
                    )
                })?);
                // Anything between the kind and the slash belongs to the kind's side; rare.
                for t in &groups[1..split.max(1)] {
                    let g = canon(&mut self, t);
                    number.unit.push(g);
                }
                for t in &groups[split.max(1)..] {
                    let g = canon(&mut self, t);
                    number.issuer.push(g);
                }
            }
            _ => {
                let first = groups[0];
                let kind = self.kind_code(first, false);
                let first_is_issuer = catalog::lookup_issuer(&first.text).is_some();
                let next_is_issuer = groups
                    .get(1)
                    .is_some_and(|t| catalog::lookup_issuer(&t.text).is_some());
                // A group that is both a kind and an issuer (CT: Chỉ thị / Cục Thuế; TC:
                // Thông cáo / Bộ Tài chính) is a kind only when a known issuer follows it:
                // `05/CT-TTg` is a Chỉ thị, `123/CT-TTHT` a công văn of Cục Thuế.
                let is_kind = match kind {
                    Some(_) if first_is_issuer && year.is_none() => next_is_issuer,
                    Some(_) if first_is_issuer => next_is_issuer || groups.len() > 1,
                    Some(_) => true,
                    None => false,
                };
                if let Some(dash) = dash_form.clone() {
                    if is_kind && groups.len() > 1 {
                        self.note(IrregularityKind::DashForSlash, dash);
                    } else {
                        // `61-CP`, `388-HĐBT`: numbers written before NĐ 110/2004 joined the
                        // symbol with a dash; that is how they were issued, not a defect.
                        number.system = NumberSystem::Legacy;
                        for t in &groups {
                            let g = canon(&mut self, t);
                            number.issuer.push(g);
                        }
                        return Ok(ParsedNumber {
                            number,
                            irregularities: self.notes,
                        });
                    }
                }
                if is_kind {
                    let kc = kind.expect("is_kind implies a kind");
                    number.kind = Some(kc);
                    let rest = &groups[1..];
                    if rest.is_empty() {
                        self.note(IrregularityKind::MissingIssuer, first.span.clone());
                    }
                    let joint = is_joint(kc.kind);
                    for (i, t) in rest.iter().enumerate() {
                        let g = canon(&mut self, t);
                        if i == 0 || joint {
                            number.issuer.push(g);
                        } else {
                            number.unit.push(g);
                        }
                    }
                    if year.is_none() {
                        number.system = NumberSystem::Administrative;
                    }
                } else {
                    for (i, t) in groups.iter().enumerate() {
                        let g = canon(&mut self, t);
                        if i == 0 {
                            number.issuer.push(g);
                        } else {
                            number.unit.push(g);
                        }
                    }
                    if year.is_none() {
                        number.system = NumberSystem::CongVan;
                    }
                }
            }
        }
        Ok(ParsedNumber {
            number,
            irregularities: self.notes,
        })
    }

    fn year(&self, t: &Token) -> Result<u16, NumberError> {
        let year: u32 = t.text.parse().unwrap_or(0);
        if (1945..=2100).contains(&year) {
            Ok(year as u16)
        } else {
            Err(NumberError::Year {
                year,
                offset: t.span.start,
            })
        }
    }

    fn kind_code(&mut self, t: &Token, party: bool) -> Option<KindCode> {
        let (kind, code, m) = catalog::lookup_abbr(&t.text, party).or_else(|| {
            if party {
                catalog::lookup_abbr(&t.text, false)
            } else {
                None
            }
        })?;
        self.note_match(m, t);
        Some(KindCode { kind, code })
    }

    fn note_match(&mut self, m: Match, t: &Token) {
        match m {
            Match::Exact => {}
            Match::Case => self.note(IrregularityKind::Case, t.span.clone()),
            Match::Folded => self.note(IrregularityKind::MissingDiacritics, t.span.clone()),
        }
    }

    /// The catalogue's spelling of an issuer or unit group, or the group as written.
    fn canonical_group(&mut self, t: &Token, lower_input: bool) -> String {
        if let Some((info, m)) = catalog::lookup_issuer(&t.text) {
            // Diacritics are restored only for plain-ASCII groups, which lost them.
            if m != Match::Folded || t.text.is_ascii() {
                self.note_match(m, t);
                let term = catalog::legislature_term(&t.text);
                return match term {
                    Some(_) => {
                        let digits = t.text.trim_start_matches(|c: char| !c.is_ascii_digit());
                        format!("{}{}", info.abbr, digits)
                    }
                    None => info.abbr.to_string(),
                };
            }
        }
        if lower_input {
            self.note(IrregularityKind::Case, t.span.clone());
            // Upper case can leave what normalization changes: Cyrillic `м` becomes `М`,
            // which reads as Latin `M`; `ǰ` becomes `J` plus a combining caron. Normalize
            // again so that the canonical form parses back to itself.
            let upper = t.text.to_uppercase();
            Normalized::new(&upper).as_str().to_owned()
        } else {
            t.text.to_string()
        }
    }
}

fn is_year_like(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}
