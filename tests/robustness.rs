//! Robustness: every reader on damaged, hostile and arbitrary input.
//!
//! * Real corpus sentences with the damage converters and scanners leave (NFD, `Ð`, NBSP,
//!   zero-width characters, soft hyphens) read exactly like the clean sentences, and every
//!   span slices the damaged text the caller gave.
//! * Arbitrary input never panics and every span is inside the input on char boundaries.
//! * Every crash the fuzzers found is replayed here with its exact input (`REGRESSIONS`).
//! * Legacy-encoded documents are refused with the encoding named, never parsed as garbage.
//! * Adversarial shapes finish in linear time.
//!
//! The tests read only tests/corpus.

// The hostile shapes are the adversarial bench's own, so that test and bench agree.
#[path = "../benches/common/mod.rs"]
mod common;

use std::fs;
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;
use std::sync::LazyLock;

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vanban::encoding::{EncodingError, LegacyEncoding, encode};
use vanban::{
    DocNumber, Document, Normalized, OutlineNode, VnDate, citations, dates, parse_place_date,
};

// --- corpus -------------------------------------------------------------------------------

/// The corpus texts, NFC (the clean reference the damaged copies are compared with).
static CORPUS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut out: Vec<(String, String)> = fs::read_dir(&dir)
        .expect("tests/corpus")
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "txt").then_some(p)
        })
        .map(|p| {
            let text = fs::read_to_string(&p).expect("corpus text");
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, text.nfc().collect())
        })
        .collect();
    out.sort();
    out
});

/// The non-empty lines of every corpus text, in order, per document.
static LINES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    CORPUS
        .iter()
        .map(|(_, t)| {
            t.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned)
                .collect()
        })
        .collect()
});

/// The number of cases of a property: its default, or `PROPTEST_CASES` for a longer run
/// (`PROPTEST_CASES=3000 cargo test --release --test robustness`).
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// A run of consecutive corpus lines: a real header, body or signature block.
fn corpus_excerpt() -> impl Strategy<Value = String> {
    (0..LINES.len(), any::<prop::sample::Index>(), 1usize..40).prop_map(|(d, at, len)| {
        let lines = &LINES[d];
        let start = at.index(lines.len().max(1));
        lines[start..(start + len).min(lines.len())].join("\n")
    })
}

// --- damage ---------------------------------------------------------------------------------

/// One kind of damage, applied at a char of the clean text.
#[derive(Clone, Copy, Debug)]
enum Damage {
    /// Decompose the char (NFD): `ế` → `e` + U+0302 + U+0301.
    Nfd,
    /// `Đ`/`đ` → the Icelandic eth `Ð`/`ð`.
    Eth,
    /// A space → U+00A0.
    Nbsp,
    /// U+200B before the char.
    ZeroWidth,
    /// U+FEFF (a stray byte-order mark) before the char.
    Bom,
    /// U+00AD (soft hyphen) before the char.
    SoftHyphen,
}

fn damage() -> impl Strategy<Value = Vec<(prop::sample::Index, Damage)>> {
    let one = prop_oneof![
        4 => Just(Damage::Nfd),
        2 => Just(Damage::Eth),
        3 => Just(Damage::Nbsp),
        1 => Just(Damage::ZeroWidth),
        1 => Just(Damage::Bom),
        1 => Just(Damage::SoftHyphen),
    ];
    prop::collection::vec((any::<prop::sample::Index>(), one), 0..60)
}

/// `clean` with the damage applied; it normalizes back to `clean` exactly.
fn apply(clean: &str, damage: &[(prop::sample::Index, Damage)]) -> String {
    let chars: Vec<char> = clean.chars().collect();
    if chars.is_empty() {
        return String::new();
    }
    let mut what: Vec<Vec<Damage>> = vec![Vec::new(); chars.len()];
    for (at, d) in damage {
        what[at.index(chars.len())].push(*d);
    }
    let mut out = String::with_capacity(clean.len() * 2);
    for (c, ds) in chars.iter().zip(&what) {
        let mut c_out: String = c.to_string();
        for d in ds {
            match d {
                Damage::Nfd => c_out = c_out.nfd().collect(),
                Damage::Eth if *c == 'Đ' => c_out = "Ð".into(),
                Damage::Eth if *c == 'đ' => c_out = "ð".into(),
                Damage::Nbsp if *c == ' ' => c_out = "\u{a0}".into(),
                Damage::ZeroWidth => out.push('\u{200b}'),
                Damage::Bom => out.push('\u{feff}'),
                // Before a line break, a soft hyphen joins the lines: not mere damage.
                Damage::SoftHyphen if !matches!(c, '\n' | '\r') => out.push('\u{ad}'),
                _ => {}
            }
        }
        out.push_str(&c_out);
    }
    out
}

// --- spans ----------------------------------------------------------------------------------

fn assert_slices(text: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside 0..{}",
        text.len()
    );
    assert!(
        text.get(span.clone()).is_some(),
        "{what}: span {span:?} not on char boundaries"
    );
}

/// The normalized reading of `text[span]`, for comparing a damaged span with a clean one.
fn norm_slice(text: &str, span: &Range<usize>) -> String {
    Normalized::new(text.get(span.clone()).unwrap_or("<bad span>"))
        .as_str()
        .to_owned()
}

fn citation_spans(c: &vanban::Citation<'_>) -> Vec<Range<usize>> {
    [
        Some(c.span.clone()),
        Some(c.number_span.clone()),
        c.kind_span.clone(),
        c.date_span.clone(),
        c.issuer_span.clone(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The document without its spans, to compare readings of two texts.
fn without_spans(mut d: Document) -> Document {
    fn zero(r: &mut Range<usize>) {
        *r = 0..0;
    }
    fn walk(nodes: &mut [OutlineNode]) {
        for n in nodes {
            zero(&mut n.span);
            zero(&mut n.extent);
            walk(&mut n.children);
        }
    }
    for s in [
        &mut d.quoc_hieu,
        &mut d.tieu_ngu,
        &mut d.place,
        &mut d.kind_heading,
        &mut d.subject,
    ]
    .into_iter()
    .flatten()
    {
        zero(&mut s.span);
    }
    if let Some(i) = &mut d.issuer {
        zero(&mut i.name.span);
        if let Some(p) = &mut i.parent {
            zero(&mut p.span);
        }
    }
    if let Some(n) = &mut d.number {
        zero(&mut n.span);
    }
    d.date_span = d.date_span.map(|_| 0..0);
    d.marks.iter_mut().for_each(|m| zero(&mut m.text.span));
    d.recipients.iter_mut().for_each(|r| zero(&mut r.span));
    d.bases.iter_mut().for_each(|b| zero(&mut b.text.span));
    for s in &mut d.signatures {
        zero(&mut s.span);
        for x in s
            .authority_lines
            .iter_mut()
            .chain(&mut s.title)
            .chain(&mut s.name)
        {
            zero(&mut x.span);
        }
    }
    d.noi_nhan.iter_mut().for_each(|e| zero(&mut e.text.span));
    d.diagnostics.iter_mut().for_each(|x| zero(&mut x.span));
    walk(&mut d.outline);
    d
}

/// Every reader gives the damaged text the clean text's reading, with spans in the damaged
/// text that cover the same (normalized) words.
fn check_damaged(clean: &str, damaged: &str) {
    // Citations.
    let want: Vec<_> = citations(clean).collect();
    let have: Vec<_> = citations(damaged).collect();
    let key = |c: &vanban::Citation<'_>| (c.number.clone(), c.kind, c.date, c.has_so);
    assert_eq!(
        have.iter().map(key).collect::<Vec<_>>(),
        want.iter().map(key).collect::<Vec<_>>(),
        "citations differ in {damaged:?}"
    );
    for (h, w) in have.iter().zip(&want) {
        let (hs, ws) = (citation_spans(h), citation_spans(w));
        assert_eq!(hs.len(), ws.len());
        for (a, b) in hs.iter().zip(&ws) {
            assert_slices(damaged, a, "citation");
            assert_eq!(norm_slice(damaged, a), norm_slice(clean, b), "{damaged:?}");
        }
    }

    // Dates.
    let want: Vec<_> = dates(clean).collect();
    let have: Vec<_> = dates(damaged).collect();
    assert_eq!(
        have.iter().map(|m| m.date).collect::<Vec<_>>(),
        want.iter().map(|m| m.date).collect::<Vec<_>>(),
        "dates differ in {damaged:?}"
    );
    for (h, w) in have.iter().zip(&want) {
        assert_slices(damaged, &h.span, "date");
        assert_eq!(
            norm_slice(damaged, &h.span),
            norm_slice(clean, &w.span),
            "{damaged:?}"
        );
    }

    // The document.
    // The damage is itself an irregularity of the number (VB011: `Invisible`, `EthForD`,
    // `NotNfc`), reported on the side; everything else must be the same.
    let mut want = Document::parse(clean);
    let mut have = Document::parse(damaged);
    for s in have.spans() {
        assert_slices(damaged, &s, "document");
    }
    let vb011 = |d: &Document| d.diagnostics.iter().any(|x| x.code == "VB011");
    assert!(!vb011(&want) || vb011(&have), "{damaged:?}");
    have.diagnostics.retain(|x| x.code != "VB011");
    want.diagnostics.retain(|x| x.code != "VB011");
    let (ws, hs) = (want.spans(), have.spans());
    for s in &hs {
        assert_slices(damaged, s, "document");
    }
    assert_eq!(without_spans(have), without_spans(want), "{damaged:?}");
    assert_eq!(hs.len(), ws.len());
    for (a, b) in hs.iter().zip(&ws) {
        assert_eq!(norm_slice(damaged, a), norm_slice(clean, b), "{damaged:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(48)))]

    /// Damaged corpus excerpts read like the clean ones.
    #[test]
    fn damaged_corpus_text_reads_like_clean(clean in corpus_excerpt(), d in damage()) {
        let damaged = apply(&clean, &d);
        let (normalized, reference) = (Normalized::new(&damaged), Normalized::new(&clean));
        prop_assert_eq!(normalized.as_str(), reference.as_str());
        check_damaged(&clean, &damaged);
    }
}

/// Every corpus document, wholly damaged at once (NFD, eth, NBSP for every space, a
/// zero-width space every seventh character, a soft hyphen every eleventh), reads like the
/// clean one.
#[test]
fn damaged_corpus_documents_read_like_clean() {
    for (name, clean) in CORPUS.iter() {
        let mut damaged = String::with_capacity(clean.len() * 2);
        for (i, c) in clean.chars().enumerate() {
            if i % 7 == 3 {
                damaged.push('\u{200b}');
            }
            if i % 11 == 5 && !matches!(c, '\n' | '\r') {
                damaged.push('\u{ad}');
            }
            match c {
                'Đ' => damaged.push('Ð'),
                'đ' => damaged.push('ð'),
                ' ' => damaged.push('\u{a0}'),
                c => damaged.extend(c.nfd()),
            }
        }
        let result = std::panic::catch_unwind(|| check_damaged(clean, &damaged));
        assert!(result.is_ok(), "{name}");
    }
}

// --- arbitrary input ------------------------------------------------------------------------

/// Text made of the pieces the readers look for, glued at random.
fn documentish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Số: ".to_owned()),
        Just("số ".to_owned()),
        Just("Quyết định ".to_owned()),
        Just("Nghị định số ".to_owned()),
        Just("ngày ".to_owned()),
        Just(" tháng ".to_owned()),
        Just(" năm ".to_owned()),
        Just("Nơi nhận:\n".to_owned()),
        Just("Kính gửi: ".to_owned()),
        Just("KT. ".to_owned()),
        Just("Điều ".to_owned()),
        Just("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n".to_owned()),
        Just("| ".to_owned()),
        Just("**".to_owned()),
        Just("\n".to_owned()),
        Just("- ".to_owned()),
        Just("\u{ad}".to_owned()),
        Just("\u{200b}".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("Ð".to_owned()),
        Just("\u{301}".to_owned()),
        "[0-9]{1,4}",
        "[/\\-.]",
        "[A-ZĐ]{1,5}",
        "[a-zđơư ]{1,6}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(160)))]

    #[test]
    fn citations_never_panic_and_spans_slice(s in prop_oneof!["\\PC{0,80}", documentish()]) {
        for c in citations(&s) {
            for span in citation_spans(&c) {
                assert_slices(&s, &span, "citation");
            }
            prop_assert!(c.span.start <= c.number_span.start && c.number_span.end <= c.span.end);
            let _ = (c.as_str(), c.kind_text(), c.date_text(), c.issuer());
        }
        if let Some(n) = Document::parse(&s).number {
            assert_slices(&s, &n.span, "own number");
        }
    }

    #[test]
    fn document_never_panics_and_spans_slice(s in documentish()) {
        let d = Document::parse(&s);
        for span in d.spans() {
            assert_slices(&s, &span, "document");
        }
        let _ = d.citations(&s).count();
    }

    #[test]
    fn parse_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        match Document::parse_bytes(&bytes) {
            Ok(d) => {
                let text = std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes)).unwrap();
                for span in d.spans() {
                    assert_slices(text, &span, "document");
                }
            }
            Err(e) => prop_assert!(e.to_string().starts_with("input is not UTF-8")),
        }
    }

    #[test]
    fn place_date_spans_slice(s in prop_oneof!["\\PC{0,60}", documentish()]) {
        if let Some(pd) = parse_place_date(&s) {
            assert_slices(&s, &pd.place_span, "place");
            assert_slices(&s, &pd.date_span, "date");
            assert_slices(&s, &pd.span(), "place and date");
        }
        for m in dates(&s) {
            assert_slices(&s, &m.span, "date");
        }
    }

    #[test]
    fn number_and_date_readers_never_panic(s in documentish()) {
        match DocNumber::parse_with_notes(&s) {
            Ok(p) => {
                for i in &p.irregularities {
                    assert_slices(&s, &i.span, "irregularity");
                }
                prop_assert_eq!(p.number.to_string().parse::<DocNumber>(), Ok(p.number.clone()));
            }
            Err(e) => prop_assert!(s.is_char_boundary(e.offset())),
        }
        match VnDate::from_str(&s) {
            Ok(d) => prop_assert_eq!(VnDate::from_str(&d.to_string()), Ok(d)),
            Err(e) => prop_assert!(s.is_char_boundary(e.offset())),
        }
    }
}

/// Every number and date the corpus cites round-trips through `Display` and `FromStr`.
#[test]
fn corpus_numbers_and_dates_round_trip() {
    let mut n = 0;
    for (name, text) in CORPUS.iter() {
        for c in citations(text) {
            let shown = c.number.to_string();
            assert_eq!(shown.parse::<DocNumber>().as_ref(), Ok(&c.number), "{name}");
            if let Some(d) = c.date {
                assert_eq!(VnDate::from_str(&d.to_string()), Ok(d), "{name}");
                assert_eq!(VnDate::parse_iso(&d.iso()), Ok(d), "{name}");
            }
            n += 1;
        }
    }
    assert!(n > 300, "{n}");
}

// --- legacy encodings ---------------------------------------------------------------------

/// A corpus document saved by a TCVN3 or VNI editor is refused, and the error names the
/// encoding; decoded, it reads like the original.
#[test]
fn legacy_encoded_corpus_is_refused_with_the_encoding_named() {
    let mut tried = 0;
    for (name, text) in CORPUS.iter() {
        // Legacy tables have no curly quotes, dashes or symbols: keep what they can encode,
        // as the editors of the time did.
        for enc in [LegacyEncoding::Tcvn3, LegacyEncoding::Vni] {
            let Some(bytes) = encodable(text, enc) else {
                continue;
            };
            let err = Document::parse_bytes(&bytes).expect_err(name);
            let EncodingError::NotUtf8 { looks_like, .. } = &err else {
                panic!("{name}: {err}");
            };
            assert_eq!(looks_like.map(|d| d.encoding), Some(enc), "{name}: {err}");
            assert!(err.to_string().contains(enc.name()), "{name}: {err}");
            tried += 1;
        }
    }
    assert!(tried >= 40, "{tried}");
}

/// `text` with what `enc` cannot encode dropped, encoded; `None` when nothing non-ASCII is
/// left (then the bytes are UTF-8 too).
fn encodable(text: &str, enc: LegacyEncoding) -> Option<Vec<u8>> {
    let kept: String = text
        .chars()
        .filter(|c| encode(&c.to_string(), enc).is_some())
        .collect();
    let bytes = encode(&kept, enc)?;
    std::str::from_utf8(&bytes).is_err().then_some(bytes)
}

/// UTF-8 with a byte-order mark parses as the text after it, with spans into the bytes
/// given (issue 14: they were spans of the text after the mark, which the caller never had).
#[test]
fn parse_bytes_reads_utf8_with_a_byte_order_mark() {
    for (name, text) in CORPUS.iter() {
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        let d = Document::parse_bytes(&bytes).unwrap();
        let plain = Document::parse(text);
        let moved: Vec<_> = plain
            .spans()
            .into_iter()
            .map(|r| r.start + 3..r.end + 3)
            .collect();
        assert_eq!(d.spans(), moved, "{name}");
        assert_eq!(without_spans(d), without_spans(plain), "{name}");
        if let Some(s) = Document::parse_bytes(&bytes).unwrap().subject {
            assert_eq!(
                std::str::from_utf8(&bytes[s.span]).map(str::is_empty),
                Ok(false)
            );
        }
    }
}

// --- fuzz regressions -----------------------------------------------------------------------

/// Every crash the fuzzers found (fuzz/fuzz_targets/TARGET.rs), with its exact input:
/// (target, input bytes, what was wrong). `replay` makes the target's checks.
const REGRESSIONS: &[(&str, &[u8], &str)] = &[
    (
        "number",
        // Session 8, second round: "/tt", the long s U+017F, "yt".
        b"/tt\xc5\xbfyt",
        "the group with `\u{17F}` was not split, its capitals `TTSYT` were: the kind `TT` \
         fused with `SYT`, which came back as `/TT-SYT`",
    ),
    (
        "number",
        // Session 8: "/", the long s U+017F, "y", U+0318.
        b"/\xc5\xbfy\xcc\x98",
        "the catalogue's fold does not take `\u{17F}`, so the group was an unknown code; in \
         capitals it is `SY` and a mark, the kind `SY` read without its mark: the canonical \
         form came back as `/SY`",
    ),
    (
        "number",
        // Session 7: "/ngzz", Greek capital alpha, U+0351, U+0345, "g0".
        b"/ngzz\xce\x91\xcd\x91\xcd\x85g0",
        "NFC makes the alpha and the ypogegrammeni the title-case `\u{1FBC}`, which is not \
         upper case: the canonical form, written as the input was, read as lower case and \
         came back in capitals",
    ),
    (
        "number",
        // Session 6, third round: "/Ln", U+2001, U+0F9D, "r-Q" and more.
        b"/Ln\xe2\x80\x81\xe0\xbe\x9dr-Q\xe0\xbe\x67\x9dr-\xe0\xbe\x9dr-\xe0\xbe\x93n\xe2\x80r-r\x81",
        "the space for a dash was noted from the end of the first group to the start of the \
         next, which normalization had put inside the space: a reversed span",
    ),
    (
        "number",
        // Session 6, second round: "/", U+0345, "tc/", U+0345, "pc".
        b"/\xcd\x85tc/\xcd\x85pc",
        "upper case made the combining ypogegrammeni a Greek capital iota, a letter: the \
         canonical `/ΙTC/ΙPC` was cut into other groups and did not parse",
    ),
    (
        "number",
        // Session 6: "/tт" and a Tamil vowel sign.
        b"/t\xd1\x82\xe0\xae\xbe",
        "upper case made the Cyrillic `т` a `Т`, which normalization maps to Latin `T`: the \
         issuer written `/TT` plus the mark read back as the kind `TT`",
    ),
    (
        "number",
        // "50-u뱻м" and two stray bytes (libFuzzer's &str is the UTF-8 prefix).
        b"50-u\xeb\xb1\xbb\xd0\xbc\xab\xd3",
        "lower-case input is upper-cased; Cyrillic `\u{43c}` became `\u{41c}`, which \
         reads back as Latin `M`, so Display did not round-trip",
    ),
    (
        "number",
        // The same, minimized by `cargo fuzz tmin`: "5-м".
        b"5-\xd0\xbc",
        "Display of `5-\u{43c}` was `5/\u{41c}`, which parses as `5/M`",
    ),
    (
        "citations",
        // A sentence cut inside a number and followed by NUL bytes: no white space after the
        // look-back point, so the window start passed the number's start.
        b"1. \xc4\x90\xe1\xbb\x91i t\xc6\xb0\xe1\xbb\xa3ng h\xe1\xbb\x97 tr\xe1\xbb\xa3 ng\xc6\xb0\xe1\xbb\x9di c\xc3\xb3 c\xc3\xb4ng v\xe1\xbb\x9bi c\xc3\xa1ch m\xe1\xba\xa1ng v\xe1\xbb\x81 nh\xc3\xa0 \xe1\xbb\x9f quy \xc4\x91\xe1\xbb\x8bnh t\xe1\xba\xa1i \xc4\x90i\xe1\xbb\x81u 2 Quy\xe1\xba\xbft \xc4\x91\xe1\xbb\x8bnh s\xe1\xbb\x91 22/201\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x003/Q\xc4\x90-TTg .",
        "the look-back window started after the candidate (subtract with overflow)",
    ),
    (
        "citations",
        // A law's text where `của` and its spaces filled the look-ahead window exactly.
        include_bytes!("data/fuzz/citations-issuer-window.bin"),
        "the issuer phrase started at a folded offset taken for a source offset, inside `ó`",
    ),
    (
        "number",
        // "/B", soft hyphen, combining dot below (round 2).
        b"/B\xc2\xad\xcc\xa3",
        "the soft hyphen between `B` and its mark blocked NFC composition: the normalized \
         text kept `B\u{323}`, which composes to `\u{1e04}` when parsed again",
    ),
    (
        "number",
        // Session 2: a 31-digit number and `/T` (then a stray byte).
        b"9999999999999999999999999999998/T\xb420",
        "the canonical text filled its 32 inline bytes, then an empty separator was written \
         at byte 32 (shift left with overflow)",
    ),
    (
        "number",
        // Session 5: a Cyrillic `а` before the digits of a lettered number (`а6/QĐ…`).
        b"\xd0\xb06/Q\xc4\x90zzzzzz2zzzzzzt\xef\xbb\xabzzt\xef",
        "the letter before the sequence was noted as one byte, inside the two of `а`",
    ),
    (
        "number",
        // Session 5, round 18: a fused kind and issuer (`QC` + `QH`) with combining marks
        // after the kind's last letter.
        b"1/Q\xc4\x89\xcc\x89\xcc\x90qh-D\xc4\x90-L6\x90TB",
        "the fused group was split between `ĉ` and its marks; the issuer written after the dash \
         began with a combining mark and did not parse back",
    ),
    (
        "date",
        // Session 2: the month of a long-form date was a run of ten digits.
        "Từ ngày 01 tháng 015555972009, điều chỉnh tăng thêm 1".as_bytes(),
        "the byte-level date reader took the value of a digit run before checking its length \
         (multiply with overflow)",
    ),
];

/// The checks of fuzz target `target` on `data`.
fn replay(target: &str, data: &[u8]) {
    // libfuzzer-sys hands `&str` targets the longest UTF-8 prefix of the input.
    let text = match std::str::from_utf8(data) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).unwrap(),
    };
    match target {
        "number" => match DocNumber::parse_with_notes(text) {
            Ok(p) => {
                for i in &p.irregularities {
                    assert_slices(text, &i.span, "irregularity");
                }
                let shown = p.number.to_string();
                let again: DocNumber = shown.parse().expect("Display output parses");
                assert_eq!(again.to_string(), shown, "Display round trip");
            }
            Err(e) => assert!(text.is_char_boundary(e.offset())),
        },
        "citations" => {
            for c in citations(text) {
                for span in citation_spans(&c) {
                    assert_slices(text, &span, "citation");
                }
            }
            if let Some(n) = Document::parse(text).number {
                assert_slices(text, &n.span, "own number");
            }
        }
        "date" => {
            if let Ok(d) = VnDate::from_str(text) {
                assert_eq!(VnDate::from_str(&d.to_string()), Ok(d));
            }
            for m in dates(text) {
                assert_slices(text, &m.span, "date");
            }
            if let Some(pd) = parse_place_date(text) {
                assert_slices(text, &pd.place_span, "place");
                assert_slices(text, &pd.date_span, "date");
            }
        }
        "document" => {
            if let Ok(d) = Document::parse_bytes(data) {
                let text = vanban::encoding::to_utf8(data).unwrap();
                for span in d.spans() {
                    assert_slices(&text, &span, "document");
                }
                let _ = d.citations(&text).count();
                for b in &d.bases {
                    for c in b.citations(&text) {
                        assert_slices(&text, &c.span, "basis citation");
                    }
                }
            }
        }
        "decode" => {
            for enc in [
                LegacyEncoding::Tcvn3,
                LegacyEncoding::Vni,
                LegacyEncoding::Viscii,
                LegacyEncoding::Utf8,
            ] {
                let _ = encode(&vanban::encoding::decode(data, enc), enc);
            }
            if let Some(d) = vanban::encoding::detect(data) {
                let _ = d.decode(data);
            }
        }
        other => panic!("unknown fuzz target {other}"),
    }
}

#[test]
fn fuzz_regressions() {
    for (target, data, why) in REGRESSIONS {
        let r = std::panic::catch_unwind(|| replay(target, data));
        assert!(r.is_ok(), "{target} {data:?}: {why}");
    }
}

// --- limits and linear time -----------------------------------------------------------------

fn all_nodes(nodes: &[OutlineNode]) -> usize {
    // Explicit stack, as the library does: no recursion on input-controlled depth.
    let mut stack: Vec<&OutlineNode> = nodes.iter().collect();
    let mut n = 0;
    while let Some(x) = stack.pop() {
        n += 1;
        stack.extend(&x.children);
    }
    n
}

/// A list of a hundred thousand lines stops at `MAX_OUTLINE_NODES` or at one node per
/// `OUTLINE_BYTES_PER_NODE` bytes, whichever comes first, with a `VB013` warning.
#[test]
fn outline_stops_at_its_limit() {
    use vanban::document::{MAX_OUTLINE_NODES, OUTLINE_BYTES_PER_NODE};
    let text = "- ;\n".repeat(MAX_OUTLINE_NODES + 100);
    let d = Document::parse(&text);
    let budget = MAX_OUTLINE_NODES.min(text.len() / OUTLINE_BYTES_PER_NODE + 1);
    assert_eq!(all_nodes(&d.outline), budget);
    // Lines of real length are all read up to the absolute limit.
    let long = "- Ủy ban nhân dân các xã, phường, thị trấn;\n".repeat(MAX_OUTLINE_NODES + 100);
    let dl = Document::parse(&long);
    assert_eq!(all_nodes(&dl.outline), MAX_OUTLINE_NODES);
    let w = d.diagnostics.iter().find(|x| x.code == "VB013").unwrap();
    // The outline starts after the first lines, read as a (missing) header.
    let last = d.outline.last().unwrap();
    assert_eq!(w.span, last.extent.end..last.extent.end);
    assert_eq!(&text[last.span.clone()], "- ;");
    let none = Document::parse(&"- Sở Tài chính;\n".repeat(1000));
    assert!(!none.diagnostics.iter().any(|x| x.code == "VB013"));
    for s in d.spans() {
        assert_slices(&text, &s, "document");
    }
}

/// A row of 200 000 `|` and a 200 000-column simple-table rule are no 200 000 cells.
#[test]
fn long_table_rows_are_bounded() {
    let pipes = format!("Số: 12/QĐ-UBND\n{}\nĐiều 1. Phạm vi\n", "|".repeat(200_000));
    let d = Document::parse(&pipes);
    assert_eq!(d.number.unwrap().value.to_string(), "12/QĐ-UBND");
    assert_eq!(d.outline.len(), 1);
    let rule = format!("{}\nx\n{}\n", "--- ".repeat(50_000), "--- ".repeat(50_000));
    let d = Document::parse(&rule);
    for s in d.spans() {
        assert_slices(&rule, &s, "document");
    }
}

/// The adversarial shapes of the bench (benches/adversarial.rs), at 128 KB, read without a
/// panic and with every span in bounds. (Their time is measured by that bench, not here.)
#[test]
fn adversarial_input_finishes() {
    let n = 128 << 10;
    for (name, text) in common::adversarial(n) {
        let d = Document::parse(&text);
        for s in d.spans() {
            assert_slices(&text, &s, name);
        }
        let _ = citations(&text).count();
        let _ = dates(&text).count();
    }
}

/// A flood of line breaks, or of table cells, is read up to `MAX_LINES` lines, with a
/// `VB012` error whose span is the part not read.
#[test]
fn lines_past_the_limit_are_not_read() {
    use vanban::document::MAX_LINES;
    let head = "Số: 12/QĐ-UBND\n";
    let text = format!("{head}{}Điều 1. Phạm vi\n", "x\n".repeat(MAX_LINES + 5));
    let d = Document::parse(&text);
    assert_eq!(d.number.as_ref().unwrap().value.to_string(), "12/QĐ-UBND");
    assert!(d.outline.is_empty(), "the last line is past the limit");
    let e = d.diagnostics.iter().find(|x| x.code == "VB012").unwrap();
    assert_eq!(e.span, head.len() + 2 * (MAX_LINES - 1)..text.len());
    assert!(e.message().contains("MAX_LINES"), "{}", e.message());

    // A run of blank lines is one break and costs one line: what follows it is read.
    let text = format!("{head}{}Điều 1. Phạm vi\n", "\n".repeat(MAX_LINES + 5));
    let d = Document::parse(&text);
    assert!(!d.diagnostics.iter().any(|x| x.code == "VB012"));
    assert_eq!(
        d.outline.len(),
        1,
        "the article after the blank lines is read"
    );

    // 64 cells a row: the limit is reached after MAX_LINES / 64 rows.
    let row = format!("{}\n", "| a ".repeat(64));
    let rows = MAX_LINES / 64 + 10;
    let text = format!("{head}{}", row.repeat(rows));
    let d = Document::parse(&text);
    let e = d.diagnostics.iter().find(|x| x.code == "VB012").unwrap();
    assert!(e.span.start > head.len() && e.span.start < text.len());
    assert_eq!(e.span.end, text.len());
    for s in d.spans() {
        assert_slices(&text, &s, "document");
    }

    let d = Document::parse(&"\n".repeat(MAX_LINES - 1));
    assert!(!d.diagnostics.iter().any(|x| x.code == "VB012"));
}

// --- normalization options ------------------------------------------------------------------

/// (text, options: e = emphasis, h = hyphens, t = tones, normalized text).
const OPTIONS: &[(&str, &str, &str)] = &[
    ("**KT. GIÁM ĐỐC**", "e", "KT. GIÁM ĐỐC"),
    ("**KT. GIÁM ĐỐC**", "", "**KT. GIÁM ĐỐC**"),
    ("*Source: https://x.vn/a*", "e", "Source: https://x.vn/a"),
    ("Ghi chú (*) và * dấu", "e", "Ghi chú (*) và * dấu"),
    ("****", "e", "****"),
    ("hành chí-\nnh", "h", "hành chính"),
    ("hành chí-  \r\n   nh", "h", "hành chính"),
    ("hành chí\u{ad}\nnh", "h", "hành chính"),
    ("hành chí\u{ad}\nnh", "", "hành chí\nnh"),
    ("số 12/QĐ-\nUBND", "h", "số 12/QĐ-\nUBND"),
    ("kinh tế -\nxã hội", "h", "kinh tế -\nxã hội"),
    ("2021-\n2025", "h", "2021-\n2025"),
    ("hành chí-\nnh", "", "hành chí-\nnh"),
    ("văn hoá, thuỷ lợi, khoẻ", "t", "văn hóa, thủy lợi, khỏe"),
    ("VĂN HOÁ, THUỶ", "t", "VĂN HÓA, THỦY"),
    (
        "hòa, quý, hoàng, hoạch, khuya",
        "t",
        "hòa, quý, hoàng, hoạch, khuya",
    ),
    ("hoa\u{301} (NFD)", "t", "hóa (NFD)"),
    ("**văn hoá** hành chí-\nnh", "eht", "văn hóa hành chính"),
];

fn options(spec: &str) -> vanban::NormalizeOptions {
    vanban::NormalizeOptions::new()
        .strip_emphasis(spec.contains('e'))
        .join_hyphenated(spec.contains('h'))
        .tone_placement(spec.contains('t'))
}

#[test]
fn normalization_options_table() {
    for (text, spec, want) in OPTIONS {
        let n = Normalized::with_options(text, options(spec));
        assert_eq!(n.as_str(), *want, "{text:?} with {spec:?}");
        check_map(text, &n);
    }
}

/// Every span of the normalized text, char by char, maps to a slice of the original, and
/// the map never goes backwards.
fn check_map(text: &str, n: &Normalized<'_>) {
    let s = n.as_str();
    let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
    let mut last = 0;
    for (k, &a) in bounds.iter().enumerate() {
        let o = n.original_offset(a);
        assert!(o >= last && text.is_char_boundary(o), "{text:?} at {a}");
        last = o;
        for &b in bounds[k..].iter().take(4) {
            let span = n.original_span(a..b);
            assert_slices(text, &span, "normalized span");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn normalization_options_keep_spans(
        s in prop_oneof![
            "\\PC{0,40}",
            "([a-zđ]{1,3}|[-*\n ]|\u{ad}|\u{200b}|o\u{301}|oá|uỷ|q|\r\n|\u{301}){0,30}",
        ],
        spec in "e?h?t?",
    ) {
        let n = Normalized::with_options(&s, options(&spec));
        check_map(&s, &n);
        // Repairs are idempotent: a second pass changes nothing (unless dropping `*` left
        // a stray combining mark next to a letter, which composes on the second pass).
        if unicode_normalization::is_nfc(n.as_str()) {
            let again = Normalized::with_options(n.as_str(), options(&spec));
            prop_assert_eq!(again.as_str(), n.as_str());
        }
    }
}

/// A subject split by a line-end hyphen reads whole; its span is the caller's bytes.
#[test]
fn document_joins_words_split_at_a_line_end() {
    let text = "Số: 05/SVHTTDL-VP\nV/v cải cách hành chí-\nnh năm 2023\n\
                Lai Châu, ngày 13 tháng 6 năm 2023\nKính gửi: Các phòng.\n";
    let d = Document::parse(text);
    let subject = d.subject.unwrap();
    assert_eq!(subject.text, "cải cách hành chính năm 2023");
    assert_eq!(&text[subject.span], "cải cách hành chí-\nnh năm 2023");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(512)))]

    /// The normalized text is NFC whatever sits between letters and their marks.
    #[test]
    fn normalized_text_is_nfc(
        s in prop_oneof![
            "\\PC{0,30}",
            "([aeoAEOBĐÐаоС]|\u{ad}|\u{200b}|\u{feff}|[\u{300}\u{301}\u{302}\u{303}\u{309}\u{323}\u{306}\u{31b}]){0,20}",
        ],
    ) {
        let n = Normalized::new(&s);
        prop_assert!(unicode_normalization::is_nfc(n.as_str()), "{:?} -> {:?}", s, n.as_str());
        check_map(&s, &n);
    }
}

/// Text of the reference readers' words, composed and decomposed (NFD), with the brackets,
/// colons and line breaks their rules read.
fn referencish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Luật ".to_owned()),
        Just("Lua\u{323}\u{302}t ".to_owned()),
        Just("Bộ luật ".to_owned()),
        Just("Pha\u{301}p le\u{323}\u{302}nh ".to_owned()),
        Just("Hie\u{302}\u{301}n pháp ".to_owned()),
        Just("Điều ".to_owned()),
        Just("Đie\u{302}\u{300}u ".to_owned()),
        Just("khoản ".to_owned()),
        Just("Phụ lục ".to_owned()),
        Just("này".to_owned()),
        Just("na\u{300}y".to_owned()),
        Just("Quyết\nđịnh ".to_owned()),
        Just("Thông báo ".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just(": ".to_owned()),
        Just("; ".to_owned()),
        Just(", ".to_owned()),
        Just("kèm theo ".to_owned()),
        Just("(sau đây gọi là ".to_owned()),
        Just("Căn cứ ".to_owned()),
        Just(" thì ".to_owned()),
        Just(", thực hiện ".to_owned()),
        Just("theo hướng ".to_owned()),
        Just("dự án ".to_owned()),
        Just("Công văn 12/UBND-VP năm 2024 ".to_owned()),
        Just("Nghị định số 30/2020/NĐ-CP ".to_owned()),
        Just("ngày 05/3/2020 ".to_owned()),
        Just("năm 2024 ".to_owned()),
        Just("\n".to_owned()),
        "[0-9]{1,3}",
        "[a-zđ ]{1,6}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..50).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(160)))]

    #[test]
    fn reference_readers_never_panic_and_spans_slice(s in referencish()) {
        for c in vanban::citation::named_citations(&s) {
            for span in [&c.span, &c.kind_span, &c.title_span] {
                assert_slices(&s, span, "named");
            }
            if let Some(d) = &c.date_span {
                assert_slices(&s, d, "named date");
            }
            let _ = c.relation();
        }
        for (f, _) in vanban::citation::resolve_short_forms(&s) {
            assert_slices(&s, &f.span, "short form");
        }
        for g in vanban::citation::pinpoint_groups(&s) {
            assert_slices(&s, &g.span, "pinpoint group");
            for p in &g.pinpoints {
                assert_slices(&s, &p.span, "pinpoint");
                if let Some(t) = &p.target_span {
                    assert_slices(&s, t, "pinpoint target");
                }
            }
        }
        for c in citations(&s) {
            let _ = c.relation();
        }
    }
}
