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
//! let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
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

/// Checks `doc`, parsed from `text`, against the rules: the parser's diagnostics and the
/// rules' ones, sorted by span.
///
/// The parser's `VB011` (an irregular number) is replaced by the specific codes
/// `VB101`–`VB108` where one applies.
///
/// ```
/// use vanban::{Document, validate};
/// let text = include_str!("../examples/sample.txt");
/// let codes: Vec<&str> = validate(&Document::parse(text), text).iter().map(|d| d.code).collect();
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
    out.sort_by(|a, b| (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code)));
    out
}

/// Applies the fixes of `diags` to `text`, from back to front. A fix overlapping one already
/// applied, or whose span is not on `char` boundaries of `text`, is skipped.
///
/// ```
/// use vanban::{Diagnostic, apply_fixes};
/// let text = "Số: 5/QÐ-UBND";
/// let (n, eth) = (text.find('5').unwrap(), text.find('Ð').unwrap());
/// let d = [
///     Diagnostic::new("VB101", n..n + 1).fix(n..n, "0"),
///     Diagnostic::new("VB107", eth..eth + 2).fix(eth..eth + 2, "Đ"),
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

    // --- VB1xx: the number ------------------------------------------------------------------

    fn number(&mut self) {
        let doc = self.doc;
        let Some(n) = &doc.number else { return };
        if n.value.is_blank() {
            return;
        }
        let raw = self.slice(&n.span).to_string();
        let base = n.span.start;
        if let Ok(p) = DocNumber::parse_with_notes(&raw) {
            let mut other = None;
            for irr in &p.irregularities {
                let span = base + irr.span.start..base + irr.span.end;
                let seg = raw.get(irr.span.clone()).unwrap_or("");
                let d = match irr.kind {
                    // HD 36 for Party numbers is not checked for leading zeros (unverified).
                    IrregularityKind::MissingLeadingZero if is_state(doc) => {
                        Diagnostic::new("VB101", span.clone())
                            .detail(&raw, &raw)
                            .fix(span.start..span.start, "0")
                    }
                    IrregularityKind::MissingLeadingZero => continue,
                    IrregularityKind::Spacing => {
                        Diagnostic::new("VB105", span.clone()).fix(span, "")
                    }
                    IrregularityKind::DashVariant => {
                        Diagnostic::new("VB106", span.clone()).fix(span, "-")
                    }
                    IrregularityKind::EthForD => {
                        self.eth_done.push(span.clone());
                        Diagnostic::new("VB107", span.clone()).fix(span, "Đ")
                    }
                    IrregularityKind::Case => {
                        let up = seg
                            .nfc()
                            .collect::<String>()
                            .replace('Ð', "Đ")
                            .replace('ð', "đ")
                            .to_uppercase();
                        let canon = p
                            .number
                            .kind_code()
                            .map(|k| k.code)
                            .into_iter()
                            .chain(p.number.issuer())
                            .chain(p.number.unit())
                            .find(|c| c.to_uppercase() == up)
                            .map(str::to_string);
                        let d = Diagnostic::new("VB108", span.clone()).detail(seg, seg);
                        match canon {
                            Some(c) => d.fix(span, c),
                            None => d,
                        }
                    }
                    _ => {
                        other.get_or_insert((span, format!("{:?}", irr.kind)));
                        continue;
                    }
                };
                self.push(d);
            }
            // A case fix rewrites the whole code (`qÐ` → `QĐ`): an eth fix inside it would
            // overlap, and is part of it.
            let cases: Vec<Range<usize>> = self
                .out
                .iter()
                .filter(|d| d.code == "VB108" && d.fix.is_some())
                .map(|d| d.span.clone())
                .collect();
            for d in &mut self.out {
                if d.code == "VB107"
                    && cases
                        .iter()
                        .any(|c| c.start <= d.span.start && d.span.end <= c.end)
                {
                    d.fix = None;
                }
            }
            if let Some((_, what)) = other {
                self.push(Diagnostic::new("VB011", n.span.clone()).detail(&what, &what));
            }
        }

        // VB102: the kind code against the heading (NĐ 30/2020, Phụ lục I, II.3). A
        // consolidated text (VBHN) keeps the heading of the act it consolidates, and copies
        // (SY, TrS, SL) the heading of the original.
        let num_kind = n.value.kind();
        let heading = doc
            .kind_heading
            .as_ref()
            .and_then(|h| DocKind::from_name(&h.text).map(|k| (k, h)));
        if let (Some(nk), Some((hk, h))) = (num_kind, heading)
            && !matches!(
                nk,
                DocKind::VanBanHopNhat | DocKind::SaoY | DocKind::TrichSao | DocKind::SaoLuc
            )
            && !same_kind(nk, hk)
        {
            let code = n.value.kind_code().map_or("", |k| k.code);
            self.push(
                Diagnostic::new("VB102", n.span.clone())
                    .detail(
                        &format!("{code} ≠ {}", h.text),
                        &format!("{code} but the heading is {}", h.text),
                    )
                    .related(h.span.clone(), "the kind heading"),
            );
        }

        // VB103: an unknown code where the kind belongs. A normative number (with a year)
        // always names its kind, except laws (`56/2024/QH15`); a công văn-shaped number of a
        // document with a kind heading whose first code is no known issuer but whose second
        // is (`12/QĐN-UBND`) has an unknown kind in front.
        let v = &n.value;
        let unknown = match v.system() {
            NumberSystem::Normative => {
                v.kind().is_none()
                    && v.legislature_term().is_none()
                    && v.issuer().next().is_none_or(|i| issuer_info(i).is_none())
                    && v.issuer().len() >= 2
            }
            NumberSystem::CongVan => {
                heading.is_some()
                    && v.issuer().next().is_some_and(|i| issuer_info(i).is_none())
                    && v.unit().next().is_some_and(|u| issuer_info(u).is_some())
            }
            _ => false,
        };
        if unknown {
            let code = v.issuer().next().unwrap_or_default();
            self.push(Diagnostic::new("VB103", n.span.clone()).detail(code, code));
        }

        // VB104: a công văn's subject starts with `V/v` (NĐ 30/2020, Phụ lục I, II.5.b).
        // Without it the parser finds no subject at all (VB008), and VB104 says why.
        let cv = doc.kind == Some(DocKind::CongVan)
            && doc.kind_heading.is_none()
            && v.system() == NumberSystem::CongVan;
        if cv && doc.subject.is_none() {
            let at = n.span.end;
            self.out.retain(|d| d.code != "VB008");
            self.push(Diagnostic::new("VB104", at..at));
        }
        if cv && let Some(s) = &doc.subject {
            let from = s.span.start.saturating_sub(16);
            let mut from = from;
            while !self.text.is_char_boundary(from) {
                from += 1;
            }
            let before = self.text.get(from..s.span.start).unwrap_or("");
            let before = before.rsplit('\n').next().unwrap_or("").to_lowercase();
            if !before.contains("v/v") {
                self.push(Diagnostic::new("VB104", s.span.clone()));
            }
        }
    }

    // --- VB2xx: dates -----------------------------------------------------------------------

    fn dates(&mut self) {
        let doc = self.doc;
        // VB202: leading zeros in the header date (NĐ 30/2020, Phụ lục I, II.4). The date
        // grammar says whether a zero is missing; its digit runs say where (the day's first,
        // unless it is blank, then the month's).
        if let Some(ds) = &doc.date_span
            && let Some(date) = doc.date
            && let Some(pd) = crate::date::parse_place_date(self.slice(ds))
            && pd
                .irregularities
                .contains(&DateIrregularity::MissingLeadingZero)
        {
            let base = ds.start + pd.date_span.start;
            let written = &self.slice(ds)[pd.date_span.clone()];
            let mut runs = digit_runs(written);
            let day = if pd.irregularities.contains(&DateIrregularity::DayMissing) {
                None
            } else {
                runs.next()
            };
            for (i, run) in [(0, day), (1, runs.next())] {
                let Some(run) = run else { continue };
                let Ok(v) = written[run.clone()].parse::<u8>() else {
                    continue;
                };
                let needs = if i == 0 {
                    (1..10).contains(&v) && date.day() == Some(v)
                } else {
                    (1..=2).contains(&v) && date.month() == Some(v)
                };
                if needs && run.len() == 1 {
                    let at = base + run.start;
                    let what = if i == 0 { "day" } else { "month" };
                    self.push(
                        Diagnostic::new("VB202", at..at + 1)
                            .detail(
                                &format!("{} {v}", if i == 0 { "ngày" } else { "tháng" }),
                                &format!("the {what} {v}"),
                            )
                            .fix(at..at, "0"),
                    );
                }
            }
        }

        // VB205: a normative number carries the year of its date.
        if let (Some(n), Some(date)) = (&doc.number, doc.date)
            && let Some(y) = n.value.year()
            && y != date.year()
            && !n.value.is_blank()
            && n.value.kind() != Some(DocKind::VanBanHopNhat)
        {
            let mut d = Diagnostic::new("VB205", n.span.clone()).detail(
                &format!("{y} ≠ {}", date.year()),
                &format!("{y} but dated {}", date.iso()),
            );
            if let Some(ds) = &doc.date_span {
                d = d.related(ds.clone(), "the date");
            }
            self.push(d);
        }

        // VB203: impossible dates anywhere in the text, read by the one date grammar.
        for span in crate::date::impossible_dates(self.text) {
            self.push(Diagnostic::new("VB203", span));
        }

        // Cited dates: VB201 (partial), VB204 (after this document).
        for c in self.others() {
            let (Some(cd), Some(span)) = (c.date, c.date_span.clone()) else {
                continue;
            };
            if cd.day().is_none() && cd.month().is_some() {
                let t = self.slice(&span).to_string();
                self.push(Diagnostic::new("VB201", span.clone()).detail(&t, &t));
            }
            if let (Some(own), Some(a), Some(b)) =
                (doc.date, cd.to_naive(), doc.date.and_then(|d| d.to_naive()))
                && a > b
            {
                let mut d = Diagnostic::new("VB204", span.clone()).detail(
                    &format!("{} > {}", cd.iso(), own.iso()),
                    &format!("{} after {}", cd.iso(), own.iso()),
                );
                if let Some(ds) = &doc.date_span {
                    d = d.related(ds.clone(), "this document's date");
                }
                self.push(d);
            }
        }
    }

    // --- VB3xx: Nơi nhận ----------------------------------------------------------------------

    fn noi_nhan(&mut self) {
        let doc = self.doc;
        let Some(last) = doc.noi_nhan.last() else {
            return;
        };
        let state = is_state(doc);
        let legislature = doc
            .number
            .as_ref()
            .is_some_and(|n| is_legislature(&n.value));
        let luu = doc.noi_nhan.iter().find_map(|e| match &e.kind {
            EntryKind::Luu { vt, units, .. } => Some((e, *vt, units)),
            _ => None,
        });
        match luu {
            None if state && !legislature => {
                // Insert the line after the last entry, unless the list sits in a table row.
                let end = last.text.span.end;
                let line_end = self.text[end.min(self.text.len())..]
                    .find('\n')
                    .map_or(self.text.len(), |i| end + i);
                let line = self.slice(&(end..line_end));
                let mut d = Diagnostic::new("VB301", last.text.span.clone());
                if !line.contains('|') && !line.contains("<br") {
                    d = d.fix(line_end..line_end, "\n- Lưu: VT.");
                }
                self.push(d);
            }
            Some((e, false, _)) if state && !legislature => {
                let t = self.slice(&e.text.span);
                let at = LUU_LABEL.find(t).map_or(0, |m| m.end());
                let at = e.text.span.start + at;
                self.push(Diagnostic::new("VB302", e.text.span.clone()).fix(at..at, "VT, "));
            }
            _ => {}
        }
        // VB303: `/SVHTTDL-VP` ↔ `Lưu: VT, VP`.
        if let (Some((e, _, units)), Some(n)) = (luu, &doc.number)
            && state
            && !legislature
            && !units.is_empty()
            && let Some(unit) = n.value.unit().last()
        {
            let key = |s: &str| -> String {
                let f = fold_key(s);
                let f = ["vu ", "cuc ", "phong ", "ban ", "van phong "]
                    .iter()
                    .fold(f.as_str(), |acc, p| acc.strip_prefix(p).unwrap_or(acc))
                    .to_string();
                f.chars().filter(|c| c.is_alphanumeric()).collect()
            };
            let want = key(unit);
            if !units
                .iter()
                .any(|u| key(u) == want || key(u).starts_with(&want))
            {
                self.push(
                    Diagnostic::new("VB303", e.text.span.clone())
                        .detail(
                            &format!("{unit} ≠ {}", units.join(", ")),
                            &format!("{unit} in the number, {} in lưu", units.join(", ")),
                        )
                        .related(n.span.clone(), "the number"),
                );
            }
        }
        // VB304: công văn, tờ trình and báo cáo send to the Kính gửi addressees `Như trên`.
        if matches!(
            doc.kind,
            Some(DocKind::CongVan | DocKind::ToTrinh | DocKind::BaoCao)
        ) && !doc.recipients.is_empty()
            && !doc
                .noi_nhan
                .iter()
                .any(|e| matches!(e.kind, EntryKind::NhuTren))
        {
            self.push(
                Diagnostic::new("VB304", doc.noi_nhan[0].text.span.clone())
                    .related(doc.recipients[0].span.clone(), "kính gửi"),
            );
        }
    }

    // --- VB4xx: signatures ------------------------------------------------------------------

    fn signatures(&mut self) {
        let doc = self.doc;
        for s in &doc.signatures {
            if s.name.is_none() {
                self.push(Diagnostic::new("VB401", s.span.clone()));
            }
            // NĐ 30/2020, Điều 13.1: KT. is signed by a deputy (cấp phó), TM. for a
            // collective body (tập thể lãnh đạo).
            for line in &s.authority_lines {
                let t = line.text.trim_start_matches('*');
                let f = fold_key(t);
                if (f.starts_with("kt.") || f.starts_with("k/t"))
                    && std::ptr::eq(line, s.authority_lines.last().unwrap_or(line))
                    && let Some(title) = &s.title
                {
                    // Diacritics matter: `THỨ TRƯỞNG` is a deputy, `THỦ TRƯỞNG` the head.
                    let tf: String = title.text.nfc().collect::<String>().to_uppercase();
                    let tf = tf.trim_start_matches('*');
                    if !(tf.starts_with("PHÓ ") || tf.starts_with("THỨ TRƯỞNG")) {
                        self.push(
                            Diagnostic::new("VB402", title.span.clone())
                                .detail(&title.text, &title.text)
                                .related(line.span.clone(), "ký thay"),
                        );
                    }
                }
                if f.starts_with("tm.") || f.starts_with("t/m") {
                    let body = f[3..].trim();
                    if !is_collective(body) {
                        self.push(Diagnostic::new("VB403", line.span.clone()).detail(t, t));
                    }
                }
            }
            // VB404: a prefix-like word that is none of TM., KT., TL., TUQ., Q., T/M, K/T, T/L.
            let block = self.slice(&s.span).to_string();
            let mut off = 0;
            for l in block.split_inclusive('\n') {
                let t = l.trim_start_matches([' ', '\t', '|']);
                let lead = l.len() - t.len();
                if let Some(c) = PREFIX_LIKE.captures(t)
                    && let Some(p) = c.name("p")
                    && !matches!(p.as_str(), "TM." | "KT." | "TL." | "TUQ.")
                {
                    let at = s.span.start + off + lead + p.start();
                    self.push(
                        Diagnostic::new("VB404", at..at + p.len()).detail(p.as_str(), p.as_str()),
                    );
                }
                off += l.len();
            }
        }
    }

    // --- VB6xx: structure -------------------------------------------------------------------

    fn structure(&mut self) {
        let doc = self.doc;
        // VB601: Quốc hiệu and Tiêu ngữ as NĐ 30/2020, Phụ lục I, II.1 writes them; tone-mark
        // placement (`HOÀ`/`HÒA`) is a matter of font, not spelling.
        let squash = |s: &str| -> String {
            s.nfc()
                .collect::<String>()
                .replace("OÀ", "ÒA")
                .replace("oà", "òa")
                .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—'))
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        if let Some(q) = &doc.quoc_hieu {
            let want = if doc.party {
                "ĐẢNG CỘNG SẢN VIỆT NAM"
            } else {
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
            };
            if squash(&q.text).to_uppercase() != want {
                self.push(Diagnostic::new("VB601", q.span.clone()).detail(&q.text, &q.text));
            }
        }
        if let Some(t) = &doc.tieu_ngu
            && squash(&t.text).to_lowercase() != "độc lập tự do hạnh phúc"
        {
            self.push(Diagnostic::new("VB601", t.span.clone()).detail(&t.text, &t.text));
        }

        // VB602, VB603: article, clause and point numbering.
        let mut dieus: Vec<&OutlineNode> = Vec::new();
        collect(&doc.outline, Level::Dieu, &mut dieus);
        let mut prev: Option<(u32, &OutlineNode)> = None;
        for node in dieus {
            if self.quoted(node) {
                continue;
            }
            let digits: String = node.label.chars().filter(|c| c.is_ascii_digit()).collect();
            let has_suffix = node
                .label
                .trim_end()
                .chars()
                .last()
                .is_some_and(|c| c.is_alphabetic());
            let Ok(num) = digits.parse::<u32>() else {
                continue;
            };
            if has_suffix {
                // `Điều 5a` is inserted by an amendment between 5 and 6.
                continue;
            }
            if let Some((p, pn)) = prev
                && num != p + 1
                && num != 1
                && !self.gap(pn.span.start..node.span.start)
            {
                let (vi, en) = if num == p {
                    (
                        format!("Điều {num} lặp lại"),
                        format!("article {num} repeated"),
                    )
                } else {
                    (
                        format!("sau Điều {p} là Điều {num}"),
                        format!("article {num} after article {p}"),
                    )
                };
                self.push(
                    Diagnostic::new("VB602", node.span.clone())
                        .detail(&vi, &en)
                        .related(pn.span.clone(), format!("Điều {p}")),
                );
            }
            prev = Some((num, node));
            self.clauses(node);
        }
    }

    fn clauses(&mut self, dieu: &OutlineNode) {
        // An amending article quotes the articles it amends ("… như sau: “1. …”"), whose
        // numbering is theirs, not its own.
        let ext = self.slice(&dieu.extent);
        if fold_key(ext).contains("nhu sau") && ext.contains(['“', '"']) {
            return;
        }
        let mut prev: Option<(u32, &OutlineNode)> = None;
        for k in dieu.children.iter().filter(|c| c.level == Level::Khoan) {
            if self.quoted(k) {
                continue;
            }
            let Ok(num) = k.label.trim().parse::<u32>() else {
                continue;
            };
            let ok = match prev {
                None => num == 1,
                Some((p, _)) => num == p + 1,
            };
            let from = prev.map_or(dieu.span.end, |(_, pn)| pn.span.end);
            let expected = prev.map_or(1, |(p, _)| p + 1).to_string();
            if !ok
                && !self.gap(from..k.span.start)
                && !self.has_label(from..k.span.start, &expected)
            {
                let (vi, en) = match prev {
                    Some((p, _)) => (
                        format!("sau khoản {p} là khoản {num}"),
                        format!("clause {num} after clause {p}"),
                    ),
                    None => (
                        format!("khoản đầu tiên là {num}"),
                        format!("the first clause is {num}"),
                    ),
                };
                let mut d = Diagnostic::new("VB603", k.span.clone()).detail(&vi, &en);
                if let Some((_, pn)) = prev {
                    d = d.related(pn.span.clone(), "the previous clause");
                }
                self.push(d);
            }
            prev = Some((num, k));
            self.points(k);
        }
    }

    fn points(&mut self, khoan: &OutlineNode) {
        // The Vietnamese alphabet of điểm: a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r,
        // s, t, u, v, x, y (no f, j, w, z).
        const ORDER: &[&str] = &[
            "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r",
            "s", "t", "u", "v", "x", "y",
        ];
        let mut prev: Option<(usize, &OutlineNode)> = None;
        for p in khoan.children.iter().filter(|c| c.level == Level::Diem) {
            if self.quoted(p) {
                continue;
            }
            let label = p.label.trim().to_lowercase();
            let Some(i) = ORDER.iter().position(|x| *x == label) else {
                continue;
            };
            let ok = match prev {
                None => i == 0,
                Some((j, _)) => i == j + 1,
            };
            let from = prev.map_or(khoan.span.end, |(_, pn)| pn.span.end);
            let expected = prev.map_or("a", |(j, _)| ORDER.get(j + 1).copied().unwrap_or(""));
            if !ok && !self.gap(from..p.span.start) && !self.has_label(from..p.span.start, expected)
            {
                let before = prev.map_or("", |(j, _)| ORDER[j]);
                let (vi, en) = if before.is_empty() {
                    (
                        format!("điểm đầu tiên là {label}"),
                        format!("the first point is {label}"),
                    )
                } else {
                    (
                        format!("sau điểm {before} là điểm {label}"),
                        format!("point {label} after point {before}"),
                    )
                };
                self.push(Diagnostic::new("VB603", p.span.clone()).detail(&vi, &en));
            }
            prev = Some((i, p));
        }
    }

    /// Whether a heading is quoted text (an amendment citing the amended Điều).
    fn quoted(&self, node: &OutlineNode) -> bool {
        let line = line_around(self.text, node.span.start, node.span.start, 200);
        let before = self.slice(&(line.start..node.span.start));
        let head = self.slice(&(node.span.start..node.span.end.min(node.span.start + 4)));
        before.contains(['“', '"', '‘', '„', '«']) || head.starts_with(['“', '"', '‘'])
    }

    /// Whether a line in `r` starts with `label` as a khoản or điểm label in a form the
    /// outline does not read (`1.[3]`, `1.Chính phủ`, Markdown's `2\.`).
    fn has_label(&self, r: Range<usize>, label: &str) -> bool {
        if label.is_empty() {
            return false;
        }
        self.slice(&r).lines().any(|l| {
            let t = l.trim_start_matches(['|', '*', ' ', '\t', '[']);
            t.strip_prefix(label)
                .is_some_and(|rest| rest.starts_with(['.', ')', '\\']))
        })
    }

    fn gap(&self, r: Range<usize>) -> bool {
        GAP.is_match(self.slice(&r))
    }

    // --- VB7xx: consistency -----------------------------------------------------------------

    fn consistency(&mut self) {
        let doc = self.doc;
        let cites: Vec<&Citation> = self.others().collect();
        let mut first_date: HashMap<String, usize> = HashMap::new();
        let mut first_kind: HashMap<String, usize> = HashMap::new();
        for (i, c) in cites.iter().enumerate() {
            let key = c.number.document_key();
            if let (Some(d), Some(span)) = (c.date, &c.date_span) {
                match first_date.get(&key) {
                    None => {
                        first_date.insert(key.clone(), i);
                    }
                    Some(&j) => {
                        let f = &cites[j];
                        // Numbers without a year restart every year: `02/CT-TTg` of 2018 and
                        // of 2019 are two documents, so only dates of one year disagree.
                        let same_doc = c.number.year().is_some()
                            || f.date.is_some_and(|fd| fd.year() == d.year());
                        if f.date != Some(d) && same_doc {
                            let ft = f.date_text().unwrap_or("");
                            let t = self.slice(span).to_string();
                            let num = c.number.to_string();
                            self.push(
                                Diagnostic::new("VB701", span.clone())
                                    .detail(
                                        &format!("{num}: {t} và {ft}"),
                                        &format!("{num}: {t} and {ft}"),
                                    )
                                    .related(
                                        f.date_span.clone().unwrap_or(0..0),
                                        format!("first given as {ft}"),
                                    ),
                            );
                        }
                    }
                }
            }
            // Only a kind named right before the number (`Thông tư số 24/2020/TT-BCA`) is
            // the cited document's: in `theo quy định tại Điều 6 Nghị định …` the words
            // before are not.
            let named = c.kind_span.as_ref().filter(|ks| {
                let between = self.slice(&(ks.end..c.number_span.start));
                let f = fold_key(between);
                let f = f.trim();
                f.is_empty() || f == "so"
            });
            if let (Some(k), Some(ks)) = (c.kind, named) {
                match first_kind.get(&key) {
                    None => {
                        first_kind.insert(key, i);
                    }
                    Some(&j) => {
                        let f = &cites[j];
                        if f.kind.is_some_and(|fk| !same_kind(fk, k)) {
                            let ft = f.kind_text().unwrap_or("");
                            let t = self.slice(ks).to_string();
                            self.push(
                                Diagnostic::new("VB702", ks.clone())
                                    .detail(&format!("{t} và {ft}"), &format!("{t} and {ft}"))
                                    .related(
                                        f.kind_span.clone().unwrap_or(0..0),
                                        format!("first cited as {ft}"),
                                    ),
                            );
                        }
                    }
                }
            }
        }

        // VB703: the own number in the body. The header, annex headings ("Ban hành kèm theo
        // Quyết định số …"), running headers and quotations of the number (`Số: …`) are
        // legitimate mentions, and so is anything in the closing "này" form.
        let Some(own) = &doc.number else { return };
        if own.value.is_blank() {
            return;
        }
        for c in self.cites {
            if !c.is_self_reference(&own.value) || c.span.start <= own.span.end {
                continue;
            }
            let Range { start: ls, end: le } =
                line_around(self.text, c.span.start, c.span.end, 200);
            let line = fold_key(self.slice(&(ls..le)));
            let before = fold_key(self.slice(&(ls..c.span.start)));
            let legit = line.contains("kem theo")
                || line.contains("phu luc")
                || before
                    .trim_start_matches(['|', '*', '(', ' ', '#'])
                    .starts_with("so")
                || c.span.start < self.header_end()
                || before.trim().is_empty();
            if !legit {
                self.push(
                    Diagnostic::new("VB703", c.span.clone())
                        .related(own.span.clone(), "the document's own number"),
                );
            }
        }
    }

    /// Where the body starts: the first legal basis or outline node, else the date line.
    fn header_end(&self) -> usize {
        let doc = self.doc;
        doc.bases
            .first()
            .map(|b| b.text.span.start)
            .or(doc.outline.first().map(|o| o.span.start))
            .or(doc.date_span.as_ref().map(|d| d.end))
            .unwrap_or(0)
    }

    // --- VB5xx: text ------------------------------------------------------------------------

    fn text_rules(&mut self) {
        let text = self.text;
        // VB503: control and zero-width characters, one diagnostic per run.
        let invisible = |c: char| {
            (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                || matches!(
                    c,
                    '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
                )
        };
        let mut run: Option<Range<usize>> = None;
        let mut runs = Vec::new();
        // Their UTF-8 starts below 0x20, with 0x7F, or with C2, E2 or EF.
        let leads = |b: u8| b < 0x20 || matches!(b, 0x7F | 0xC2 | 0xE2 | 0xEF);
        for (i, c) in chars_led_by(text, leads) {
            if invisible(c) {
                match &mut run {
                    Some(r) if r.end == i => r.end = i + c.len_utf8(),
                    _ => {
                        if let Some(r) = run.take() {
                            runs.push(r);
                        }
                        run = Some(i..i + c.len_utf8());
                    }
                }
            }
        }
        runs.extend(run);
        for r in runs {
            let what: String = self
                .slice(&r)
                .chars()
                .map(|c| format!("U+{:04X}", c as u32))
                .collect::<Vec<_>>()
                .join(" ");
            self.push(
                Diagnostic::new("VB503", r.clone())
                    .detail(&what, &what)
                    .fix(r, ""),
            );
        }

        // VB504: mojibake, line by line where a suspicious character occurs.
        let mut moji_lines: Vec<Range<usize>> = Vec::new();
        let mut off = 0;
        for l in text.split_inclusive('\n') {
            let r = off..off + l.len();
            off += l.len();
            if !l.chars().any(suspicious) {
                continue;
            }
            // The runs of words Windows-1252 can hold: mojibake is made of those, and a
            // run mixed with real Vietnamese letters (`ộ`) is left alone.
            for run in cp1252_runs(l) {
                let t = &l[run.clone()];
                // Two words at least: one odd word is a symbol (`³²P`, `25°C`), not an
                // encoding.
                if t.split_whitespace()
                    .filter(|w| w.chars().any(suspicious))
                    .count()
                    < 2
                {
                    continue;
                }
                if let Some((enc, fixed)) = crate::encoding::repair_mojibake(t) {
                    let span = r.start + run.start..r.start + run.end;
                    let preview: String = fixed.chars().take(60).collect();
                    self.push(Diagnostic::new("VB504", span.clone()).detail(
                        &format!("{}: {preview}", enc.name()),
                        &format!("{} reads as \"{preview}\"", enc.name()),
                    ));
                    moji_lines.push(span);
                }
            }
        }

        // VB502: the eth, outside what VB107 and VB504 already cover.
        for (i, c) in chars_led_by(text, |b| b == 0xC3) {
            if c == 'Ð' || c == 'ð' {
                let r = i..i + c.len_utf8();
                let covered = self
                    .eth_done
                    .iter()
                    .chain(&moji_lines)
                    .any(|s| s.start <= r.start && r.end <= s.end);
                if !covered {
                    let to = if c == 'Ð' { "Đ" } else { "đ" };
                    self.push(Diagnostic::new("VB502", r.clone()).fix(r, to));
                }
            }
        }

        // VB501: not NFC. One diagnostic for the document, from the first to the last
        // decomposed letter; related spans show a few more lines.
        if unicode_normalization::is_nfc(text) {
            return;
        }
        let mut first: Option<usize> = None;
        let mut last = 0;
        let mut lines: Vec<usize> = Vec::new();
        let mut base = 0;
        let mut ls = 0;
        for (i, c) in text.char_indices() {
            // Marks start at U+0300; the Vietnamese letters past them are none.
            let mark =
                c >= '\u{300}' && !('\u{1E00}'..='\u{1EFF}').contains(&c) && is_combining_mark(c);
            if mark {
                first.get_or_insert(base);
                last = i + c.len_utf8();
                if lines.last() != Some(&ls) {
                    lines.push(ls);
                }
            } else {
                base = i;
                if c == '\n' {
                    ls = i + 1;
                }
            }
        }
        let span = match first {
            Some(f) => f..last,
            None => 0..text.len(),
        };
        let mut d = Diagnostic::new("VB501", span.start..span.start).detail(
            &format!("{} dòng", lines.len().max(1)),
            &format!("{} lines", lines.len().max(1)),
        );
        // The primary span is the first decomposed letter.
        let first_end = text[span.start..]
            .char_indices()
            .skip(1)
            .find(|(_, c)| !is_combining_mark(*c))
            .map_or(span.end, |(i, _)| span.start + i);
        d.span = span.start..first_end;
        for &ls in lines.iter().skip(1).take(3) {
            let le = text[ls..].find('\n').map_or(text.len(), |i| ls + i);
            d = d.related(ls..le, "also here");
        }
        let replacement: String = text[span.clone()].nfc().collect();
        self.push(d.fix(span, replacement));
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
            Diagnostic::new("VB501", 0..0).fix(
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
        let src = include_str!("validate.rs");
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
