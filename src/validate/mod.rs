//! Validation: what a document does against the rules, as diagnostics a clerk can act on.
//!
//! [`validate`] returns the parser's diagnostics (`VB0xx`) and those of the rules below,
//! sorted by span. Each [`Diagnostic`] has a stable code, a severity, the span in the
//! caller's text, related spans, a message in Vietnamese and in English, the clause it
//! enforces and, where the fix is unambiguous, a [`Fix`] that [`apply_fixes`] applies.
//!
//! Real documents break these rules all the time; the validator reports deviations and
//! never what the document does right. Severities: an **error** is something the document
//! really does wrong, a **warning** a likely defect, a **note** information (a draft's
//! blank number).
//!
//! ```
//! use vanban::{Document, validate, apply_fixes};
//!
//! let text = "UBND TỈNH LAI CHÂU\nSỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\n\
//!             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
//!             Số: 5 /SVHTTDL-VP\nV/v cải cách hành chính\n\
//!             Lai Châu, ngày 13 tháng 6 năm 2023\n\
//!             Kính gửi: Trưởng các phòng, đơn vị trực thuộc Sở.\n\
//!             Nội dung.\n\
//!             Nơi nhận:\n- Như trên;\n- Lưu: VT, VP.\n\
//!             KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Mạnh Hùng\n";
//! let doc = Document::parse(text);
//! let diags = validate(&doc, text);
//! let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
//! assert_eq!(codes, ["VB101", "VB105"]); // no leading zero, a space in the number
//! let fixed = apply_fixes(text, &diags);
//! assert!(fixed.contains("Số: 05/SVHTTDL-VP"));
//! assert!(validate(&Document::parse(&fixed), &fixed).is_empty());
//! ```
//!
//! # Rules
//!
//! Sources: NĐ 30/2020 (công tác văn thư) and its Phụ lục I (format) and III
//! (abbreviations); Luật 80/2015 and Luật 64/2025 (normative documents); HD 36-HD/VPTW
//! (Party documents); TCVN 6909:2001 (Unicode). The table is [`RULES`]; a test keeps the
//! two identical.
//!
//! | code | severity | checks | source | failing example |
//! |---|---|---|---|---|
//! | VB001 | warning | no Quốc hiệu and Tiêu ngữ (or Party line) | NĐ 30/2020, Điều 8.1; Phụ lục I, II.1 | a text starting at `Số: /SVHTTDL-VP` |
//! | VB002 | warning | no issuer | NĐ 30/2020, Điều 8.2; Phụ lục I, II.2 | no `SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH` line |
//! | VB003 | error | no số, ký hiệu | NĐ 30/2020, Điều 8.3; Phụ lục I, II.3 | no `Số:` line |
//! | VB004 | note | blank number (a draft) | NĐ 30/2020, Điều 15.2 | `Số: /SVHTTDL-VP` |
//! | VB005 | error | no place and date | NĐ 30/2020, Điều 8.4; Phụ lục I, II.4 | no `Lai Châu, ngày …` line |
//! | VB006 | warning | header date without a day (a note for a draft) | NĐ 30/2020, Phụ lục I, II.4 | `Hà Nội, ngày   tháng 6 năm 2023` |
//! | VB007 | warning | no kind heading and no V/v subject | NĐ 30/2020, Phụ lục I, II.5 | no `QUYẾT ĐỊNH` and no `V/v` |
//! | VB008 | warning | no subject (trích yếu) | NĐ 30/2020, Phụ lục I, II.5 | `QUYẾT ĐỊNH` followed by `Căn cứ` |
//! | VB009 | warning | no signature block | NĐ 30/2020, Điều 8.7; Phụ lục I, II.7 | text ending after `./.` |
//! | VB010 | warning | no Nơi nhận (laws have none) | NĐ 30/2020, Điều 8.9; Phụ lục I, II.9 | no `Nơi nhận:` |
//! | VB011 | note | number written in another irregular form | NĐ 30/2020, Phụ lục I, II.3 | `82/2005-QĐ-UBND` |
//! | VB012 | error | text beyond the parser's limits: only its beginning was read | vanban limits (MAX_INPUT_LEN, MAX_LINES) | a 100 MB text |
//! | VB013 | warning | more outline nodes than the limit: the outline stops | vanban limits (MAX_OUTLINE_NODES, OUTLINE_BYTES_PER_NODE) | a million `1.` lines |
//! | VB101 | warning | number below 10 without its leading zero | NĐ 30/2020, Phụ lục I, II.3 | `Số: 5/2000/TT-BXD` |
//! | VB102 | error | kind in the number disagrees with the kind heading | NĐ 30/2020, Phụ lục I, II.3; Phụ lục III | `QUYẾT ĐỊNH` numbered `12/KH-UBND` |
//! | VB103 | warning | unknown kind code in the number | NĐ 30/2020, Phụ lục III | `QUYẾT ĐỊNH` numbered `12/QĐN-UBND` |
//! | VB104 | warning | công văn subject without `V/v` | NĐ 30/2020, Phụ lục I, II.5.b | `Số: 12/UBND-VX` then `Về việc …` |
//! | VB105 | warning | white space inside the number | NĐ 30/2020, Phụ lục I, II.3 | `Số: 773 /QĐ-TTg` |
//! | VB106 | warning | a dash variant instead of `-` in the number | NĐ 30/2020, Phụ lục I, II.3 | `Số: 12/QĐ–UBND` |
//! | VB107 | warning | `Ð` (U+00D0) instead of `Đ` in the number | NĐ 30/2020, Phụ lục I, II.3; TCVN 6909:2001 | `Số: 12/QÐ-UBND` |
//! | VB108 | warning | a code in the number in another case than the catalogue's | NĐ 30/2020, Phụ lục III | `Số: 12/QĐ-TTG` |
//! | VB201 | warning | a cited document's date without a day | NĐ 30/2020, Phụ lục I, II.4 | `Báo cáo số 198/BC-UBND ngày /6/2023` |
//! | VB202 | warning | header day below 10 or month 1, 2 without a leading zero | NĐ 30/2020, Phụ lục I, II.4 | `Hà Nội, ngày 5 tháng 1 năm 2020` |
//! | VB203 | error | impossible date | NĐ 30/2020, Phụ lục I, II.4 | `ngày 30 tháng 02 năm 2021` |
//! | VB204 | warning | a cited document dated after the citing document | NĐ 30/2020, Phụ lục I, II.4 | `ngày 15/7/2031` in a 2023 document |
//! | VB205 | error | a normative number whose year disagrees with its date | Luật 80/2015, Điều 8; NĐ 30/2020, Phụ lục I, II.3 | `Số: 12/2021/QĐ-UBND` dated `ngày 05 tháng 01 năm 2022` |
//! | VB301 | warning | Nơi nhận without `Lưu` | NĐ 30/2020, Phụ lục I, II.9 | `Nơi nhận: - Như trên.` |
//! | VB302 | warning | `Lưu` without `VT` (state documents) | NĐ 30/2020, Phụ lục I, II.9 | `- Lưu: VP.` |
//! | VB303 | warning | drafting unit in `Lưu` differs from the unit in the number | NĐ 30/2020, Phụ lục I, II.3 and II.9 | `/SVHTTDL-VP` with `Lưu: VT, KH` |
//! | VB304 | warning | công văn, tờ trình, báo cáo with Kính gửi but without `Như trên` | NĐ 30/2020, Phụ lục I, II.9 | `Kính gửi: …` with `Nơi nhận: - UBND tỉnh;` |
//! | VB401 | warning | signature block without the signer's name | NĐ 30/2020, Phụ lục I, II.7 | `KT. GIÁM ĐỐC` / `PHÓ GIÁM ĐỐC` and no name |
//! | VB402 | error | `KT.` whose title is not a deputy's | NĐ 30/2020, Điều 13.1; Phụ lục I, II.7 | `KT. BỘ TRƯỞNG` / `THỦ TRƯỞNG` |
//! | VB403 | warning | `TM.` of a body that is not collective | NĐ 30/2020, Điều 13.1; Phụ lục I, II.7 | `TM. GIÁM ĐỐC SỞ` |
//! | VB404 | warning | unknown authority prefix | NĐ 30/2020, Phụ lục I, II.7; HD 36 | `T.M. ỦY BAN NHÂN DÂN` |
//! | VB501 | warning | text not in Unicode NFC | NĐ 30/2020, Phụ lục I, I.2; TCVN 6909:2001 | `Quyê\u{0301}t đi\u{0323}nh` |
//! | VB502 | warning | `Ð` (U+00D0, eth) for `Đ` in the text | NĐ 30/2020, Phụ lục I, I.2; TCVN 6909:2001 | `ÐIỀU 1` |
//! | VB503 | warning | control or zero-width characters | NĐ 30/2020, Phụ lục I, I.2; TCVN 6909:2001 | `Quyết\u{200B}định` |
//! | VB504 | warning | legacy-encoding mojibake | NĐ 30/2020, Phụ lục I, I.2; TCVN 6909:2001 | `Ñoäc laäp - Töï do` |
//! | VB601 | warning | Quốc hiệu or Tiêu ngữ misspelt | NĐ 30/2020, Phụ lục I, II.1 | `CONG HOA XA HOI CHU NGHIA VIET NAM` |
//! | VB602 | error | Điều numbers skipping or repeating | NĐ 30/2020, Phụ lục I, II.6; Luật 80/2015, Điều 8 | `Điều 2.` followed by `Điều 4.` |
//! | VB603 | warning | khoản or điểm out of order | NĐ 30/2020, Phụ lục I, II.6; Luật 80/2015, Điều 8 | `1.` followed by `3.` in an Điều |
//! | VB701 | warning | the same document cited with different dates | NĐ 30/2020, Phụ lục I, II.6 | `198/BC-UBND ngày 07/6/2023` and `ngày /6/2023` |
//! | VB702 | warning | the same document cited as different kinds | NĐ 30/2020, Phụ lục I, II.6 | `Quyết định số 12/UBND-VX`, `Công văn số 12/UBND-VX` |
//! | VB703 | warning | the document cites its own number in its body | NĐ 30/2020, Phụ lục I, II.6 | `thực hiện Quyết định số 12/QĐ-UBND` in 12/QĐ-UBND |
//!
//! # Fixes
//!
//! Fixes are offered where there is one right answer: a missing leading zero (VB101,
//! VB202), spaces, dashes, `Ð` and case in the number (VB105–VB108), a missing `Lưu: VT` or
//! `VT` (VB301, VB302), `Ð` (VB502), invisible characters (VB503) and NFC (VB501, whose fix
//! takes in the fixes inside its span, so that all fixes apply together).

use crate::diagnostic::DiagnosticCode;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::catalog::{DocKind, issuer_info};
use crate::citation::Citation;
use crate::date::DateIrregularity;
pub use crate::diagnostic::rules::{RULES, Rule, rule};
pub use crate::diagnostic::{Diagnostic, Fix, Related, Severity};
use crate::document::{Document, EntryKind, Level, OutlineNode};
use crate::number::{DocNumber, IrregularityKind, NumberSystem};
use crate::text::fold_key;

mod consistency;
mod dates;
mod noi_nhan;
mod number;
mod signatures;
mod structure;
mod text;

/// Checks `doc`, parsed from `text`, against the rules: the parser's diagnostics and the
/// rules' ones, sorted by span.
///
/// `text` must be the text `doc` was parsed from: the rules read it again, and the spans
/// are its byte ranges. [`Document::read`] keeps the two together
/// ([`Reading::validate`](crate::Reading::validate)).
///
/// The parser's `VB011` (an irregular number) is replaced by the specific codes
/// `VB101`–`VB108` where one applies.
///
/// ```
/// use vanban::{Document, validate};
/// let text = include_str!("../../examples/sample.txt");
/// let codes: Vec<&str> = validate(&Document::parse(text), text).iter().map(|d| d.code.as_str()).collect();
/// assert_eq!(codes, ["VB001", "VB002", "VB004", "VB201", "VB701"]);
/// ```
pub fn validate(doc: &Document, text: &str) -> Vec<Diagnostic> {
    let cites: Vec<Citation> = crate::citations(text).collect();
    let mut cx = Cx {
        doc,
        text,
        cites: &cites,
        out: Vec::new(),
        eth_done: Vec::new(),
    };
    cx.out.extend(
        doc.diagnostics
            .iter()
            .filter(|d| d.code != "VB011")
            .cloned(),
    );
    cx.number();
    cx.dates();
    cx.noi_nhan();
    cx.signatures();
    cx.structure();
    cx.consistency();
    cx.text_rules();
    let mut out = cx.out;
    for d in &mut out {
        if let Some(f) = &d.fix
            && !valid_span(text, &f.span)
        {
            d.fix = None;
        }
    }
    merge_nfc_fixes(text, &mut out);
    out.sort_by_key(|d| (d.span.start, d.span.end, d.code));
    out
}

/// Applies the fixes of `diags` to `text`, from back to front. A fix overlapping one already
/// applied, or whose span is not on `char` boundaries of `text`, is skipped.
///
/// ```
/// use vanban::{Diagnostic, DiagnosticCode, apply_fixes};
/// let text = "Số: 5/QÐ-UBND";
/// let (n, eth) = (text.find('5').unwrap(), text.find('Ð').unwrap());
/// let d = [
///     Diagnostic::new(DiagnosticCode::VB101, n..n + 1).fix(n..n, "0"),
///     Diagnostic::new(DiagnosticCode::VB107, eth..eth + 2).fix(eth..eth + 2, "Đ"),
/// ];
/// assert_eq!(apply_fixes(text, &d), "Số: 05/QĐ-UBND");
/// ```
pub fn apply_fixes(text: &str, diags: &[Diagnostic]) -> String {
    let mut fixes: Vec<&Fix> = diags
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| valid_span(text, &f.span))
        .collect();
    fixes.sort_by_key(|f| std::cmp::Reverse((f.span.start, f.span.end)));
    let mut out = text.to_string();
    // The lowest start applied so far: later (earlier-placed) fixes must end at or before it.
    let mut limit = usize::MAX;
    let mut last_insert: Option<usize> = None;
    for f in fixes {
        let overlaps = if f.span.is_empty() {
            f.span.start > limit || last_insert == Some(f.span.start)
        } else {
            f.span.end > limit
        };
        if overlaps {
            continue;
        }
        out.replace_range(f.span.clone(), &f.replacement);
        limit = f.span.start;
        last_insert = f.span.is_empty().then_some(f.span.start);
    }
    out
}

fn valid_span(text: &str, r: &Range<usize>) -> bool {
    r.start <= r.end
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
}

// ---------------------------------------------------------------------------------------------

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| panic!("invalid built-in pattern {p}: {e}"))
}

/// An elision marked by whoever copied the text, an ellipsis in square brackets (`[...]`,
/// `[…]`, `[... phần này được lược bớt ...]`): numbering may jump across it without a defect
/// of the document. The editor's convention, not any one copier's wording.
static GAP: LazyLock<Regex> = LazyLock::new(|| re(r"\[[ \t]*(?:\.\.\.|…)[^\]\n]{0,160}\]"));
static LUU_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"^(?i:lưu)[ \t]*:?[ \t]*"));
static PREFIX_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\*\*)?(?P<p>(?:T\.?[ \t]?M|K\.?[ \t]?T|T\.?[ \t]?L|T\.?[ \t]?U\.?[ \t]?Q)[./:]*)[ \t]+\p{Lu}",
    )
});

/// The runs of ASCII digits of `t`, in order.
fn digit_runs(t: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = t.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !b[i].is_ascii_digit() {
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        (i > start).then_some(start..i)
    })
}

struct Cx<'a> {
    doc: &'a Document,
    text: &'a str,
    /// Every citation of the text, the document's own number among them: read once for
    /// the rules that need them.
    cites: &'a [Citation<'a>],
    out: Vec<Diagnostic>,
    /// `Ð` already reported inside the header number (VB107), not again as VB502.
    eth_done: Vec<Range<usize>>,
}

impl<'a> Cx<'a> {
    /// The citations of other documents: what `Document::citations` gives.
    fn others(&self) -> impl Iterator<Item = &'a Citation<'a>> + use<'a> {
        let own = self.doc.number.as_ref().map(|n| &n.value);
        self.cites.iter().filter(move |c| c.cites_another(own))
    }
}

/// The characters of `text` whose UTF-8 starts with a byte `lead` accepts, with their
/// offsets: a byte scan for the few characters a rule looks for, where decoding every
/// character of the text cost more than the rest of validation. `lead` must accept no
/// continuation byte (0x80–0xBF).
fn chars_led_by(text: &str, lead: impl Fn(u8) -> bool) -> impl Iterator<Item = (usize, char)> {
    text.bytes()
        .enumerate()
        .filter(move |&(_, b)| lead(b))
        .filter_map(move |(i, _)| Some((i, text.get(i..)?.chars().next()?)))
}

fn is_state(doc: &Document) -> bool {
    !doc.party
        && doc
            .number
            .as_ref()
            .is_none_or(|n| n.value.system() != NumberSystem::Party)
}

/// Bodies of the Quốc hội keep their own archive practice (`Lưu: HC, …`, the Vụ Hành
/// chính), outside NĐ 30/2020's `Lưu: VT`.
fn is_legislature(n: &DocNumber) -> bool {
    n.issuer()
        .chain(n.unit())
        .any(|p| p.starts_with("QH") || p.starts_with("UBTVQH") || p == "VPQH" || p == "HĐDT")
        || n.legislature_term().is_some()
}

/// Key for comparing numbers: equal but for leading zeros (`08/2013` = `8/2013`).
fn same_kind(a: DocKind, b: DocKind) -> bool {
    use DocKind::*;
    let norm = |k| match k {
        QuyDinhDang => QuyDinh,
        QuyetDinhLienTich => QuyetDinh,
        NghiQuyetLienTich => NghiQuyet,
        other => other,
    };
    norm(a) == norm(b)
}

impl<'a> Cx<'a> {
    fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    fn slice(&self, r: &Range<usize>) -> &'a str {
        self.text.get(r.clone()).unwrap_or("")
    }
}

/// The line around `start..end`, at most `max` bytes either side, so that looking around
/// stays linear on texts of one huge line.
fn line_around(text: &str, start: usize, end: usize, max: usize) -> Range<usize> {
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    let mut lo = start.saturating_sub(max);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (end + max).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let ls = text[lo..start].rfind('\n').map_or(lo, |i| lo + i + 1);
    let le = text[end..hi].find('\n').map_or(hi, |i| end + i);
    ls..le
}

fn collect<'a>(nodes: &'a [OutlineNode], level: Level, out: &mut Vec<&'a OutlineNode>) {
    for n in nodes {
        if n.level == level {
            out.push(n);
        } else if n.level < level {
            collect(&n.children, level, out);
        }
    }
}

/// Collective bodies sign `TM.` (NĐ 30/2020, Điều 13.1): Chính phủ, Ủy ban, Hội đồng, Quốc
/// hội, Party committees and standing boards.
fn is_collective(body_folded: &str) -> bool {
    const WORDS: &[&str] = &[
        "chinh phu",
        "uy ban",
        "hoi dong",
        "quoc hoi",
        "ban thuong vu",
        "ban chap hanh",
        "ban bi thu",
        "bo chinh tri",
        "ban can su",
        "dang uy",
        "dang doan",
        "tinh uy",
        "thanh uy",
        "huyen uy",
        "quan uy",
        "thi uy",
        "doan chu tich",
        "ban chi dao",
        "tap the",
        "ban thuong truc",
        "thuong truc",
    ];
    if WORDS.iter().any(|w| body_folded.contains(w)) {
        return true;
    }
    // An abbreviation of a known collective body (`TM. UBND`).
    let up = body_folded.to_uppercase();
    issuer_info(up.split_whitespace().next().unwrap_or("")).is_some_and(|i| i.collective)
}

/// Byte ranges of the maximal runs of whitespace-separated words of `line` that Windows-1252
/// can encode.
fn cp1252_runs(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut run: Option<Range<usize>> = None;
    let mut pos = 0;
    for word in line.split_inclusive(char::is_whitespace) {
        let start = pos;
        pos += word.len();
        let w = word.trim_end();
        if w.is_empty() {
            continue;
        }
        if crate::encoding::encode_windows_1252(w).is_some() {
            match &mut run {
                Some(r) => r.end = start + w.len(),
                None => run = Some(start..start + w.len()),
            }
        } else if let Some(r) = run.take() {
            out.push(r);
        }
    }
    out.extend(run);
    out
}

/// A character that Vietnamese text does not use but mojibake of TCVN3, VNI, VISCII or UTF-8
/// read as Windows-1252 does.
fn suspicious(c: char) -> bool {
    matches!(
        c,
        '\u{A1}'
            ..='\u{BF}'
                | 'Ä'
                | 'Å'
                | 'Æ'
                | 'Ç'
                | 'Ë'
                | 'Î'
                | 'Ï'
                | 'Ñ'
                | 'Ö'
                | '×'
                | 'Ø'
                | 'Û'
                | 'Ü'
                | 'Þ'
                | 'ß'
                | 'ä'
                | 'å'
                | 'æ'
                | 'ç'
                | 'ë'
                | 'î'
                | 'ï'
                | 'ñ'
                | 'ö'
                | '÷'
                | 'ø'
                | 'û'
                | 'ü'
                | 'þ'
                | 'ÿ'
                | '\u{2020}'
                | '\u{2021}'
                | '\u{2030}'
                | '\u{0152}'
                | '\u{0153}'
                | '\u{0160}'
                | '\u{0161}'
                | '\u{0178}'
                | '\u{017D}'
                | '\u{017E}'
    )
}

/// Folds the fixes lying inside the NFC fix (VB501) into it, so that all fixes apply
/// together: the inner fixes are applied to the segment, then the segment is normalized.
fn merge_nfc_fixes(text: &str, diags: &mut [Diagnostic]) {
    let Some(k) = diags
        .iter()
        .position(|d| d.code == "VB501" && d.fix.is_some())
    else {
        return;
    };
    let Some(outer) = diags[k].fix.clone() else {
        return;
    };
    let mut inner: Vec<(usize, Fix)> = Vec::new();
    for (i, d) in diags.iter().enumerate() {
        if i == k {
            continue;
        }
        if let Some(f) = &d.fix
            && f.span.start >= outer.span.start
            && f.span.end <= outer.span.end
        {
            inner.push((i, f.clone()));
        }
    }
    if inner.is_empty() {
        return;
    }
    let seg = &text[outer.span.clone()];
    let shifted: Vec<Diagnostic> = inner
        .iter()
        .map(|(_, f)| {
            Diagnostic::new(DiagnosticCode::VB501, 0..0).fix(
                f.span.start - outer.span.start..f.span.end - outer.span.start,
                f.replacement.clone(),
            )
        })
        .collect();
    let applied = apply_fixes(seg, &shifted);
    if let Some(f) = diags[k].fix.as_mut() {
        f.replacement = applied.nfc().collect();
    }
    for (i, _) in inner {
        diags[i].fix = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The module docs hold a table row for every rule, exactly as [`Rule::table_row`]
    /// writes it, in catalogue order.
    #[test]
    fn docs_table_matches_catalogue() {
        let src = include_str!("mod.rs");
        let rows: Vec<&str> = src
            .lines()
            .filter_map(|l| l.strip_prefix("//! | VB"))
            .collect();
        let want: Vec<String> = RULES.iter().map(|r| r.table_row()).collect();
        let got: Vec<String> = rows.iter().map(|r| format!("| VB{r}")).collect();
        if got != want {
            for w in &want {
                println!("//! {w}");
            }
        }
        assert_eq!(got, want);
    }

    #[test]
    fn codes_unique_and_sorted() {
        for w in RULES.windows(2) {
            assert!(w[0].code < w[1].code, "{}", w[1].code);
        }
    }
}
