//! Data-driven tests of `DocNumber` over the tables in `tests/data/`.

use proptest::prelude::*;
use vanban::{DocKind, DocNumber, IrregularityKind, NumberSystem};

fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty() || l.starts_with('\t'))
        .map(|l| l.split('\t').collect())
}

fn list(cell: &str) -> Vec<String> {
    if cell == "-" {
        Vec::new()
    } else {
        cell.split(',').map(str::to_string).collect()
    }
}

fn opt(cell: &str) -> Option<&str> {
    (cell != "-").then_some(cell)
}

#[test]
fn numbers_parse_to_their_parts() {
    let mut n = 0;
    for r in rows(include_str!("data/numbers.tsv")) {
        let [input, canonical, system, seq, year, kind, issuers, units] = r[..] else {
            panic!("bad row {r:?}");
        };
        let num: DocNumber = input.parse().unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(num.to_string(), canonical, "{input:?}");
        assert_eq!(num.system().as_str(), system, "{input:?}");
        assert_eq!(num.seq(), opt(seq), "{input:?}");
        assert_eq!(
            num.year().map(|y| y.to_string()).as_deref(),
            opt(year),
            "{input:?}"
        );
        assert_eq!(num.kind_code().map(|k| k.code), opt(kind), "{input:?}");
        assert_eq!(num.issuer().collect::<Vec<_>>(), list(issuers), "{input:?}");
        assert_eq!(num.unit().collect::<Vec<_>>(), list(units), "{input:?}");
        // Canonical output parses back to the same value.
        assert_eq!(canonical.parse::<DocNumber>().unwrap(), num, "{input:?}");
        n += 1;
    }
    assert!(n > 50, "table has {n} rows");
}

#[test]
fn errors_are_exact() {
    let mut n = 0;
    for r in rows(include_str!("data/number_errors.tsv")) {
        let [input, message] = r[..] else {
            panic!("bad row {r:?}");
        };
        let err = input.parse::<DocNumber>().unwrap_err();
        assert_eq!(err.to_string(), message, "{input:?}");
        assert!(err.offset() <= input.len());
        n += 1;
    }
    assert!(n >= 10);
}

/// Each input parses with an irregularity of the kind given, whose span is the text given.
fn assert_irregularities(cases: &[(&str, IrregularityKind, &str)]) {
    for &(input, kind, text) in cases {
        let p = DocNumber::parse_with_notes(input).unwrap();
        let found = p
            .irregularities
            .iter()
            .find(|i| i.kind == kind)
            .unwrap_or_else(|| panic!("{input:?}: no {kind:?} in {:?}", p.irregularities));
        assert_eq!(&input[found.span.clone()], text, "{input:?}");
    }
}

#[test]
fn irregularities_are_recorded_with_spans() {
    let cases: &[(&str, IrregularityKind, &str)] = &[
        ("1530 /KH-UBND", IrregularityKind::Spacing, " "),
        ("30/2020/NÐ-CP", IrregularityKind::EthForD, "Ð"),
        ("30/2020/NĐ–CP", IrregularityKind::DashVariant, "–"),
        ("30/2020/nđ-cp", IrregularityKind::Case, "nđ"),
        ("58-2026-ND-CP", IrregularityKind::MissingDiacritics, "ND"),
        ("58-2026-ND-CP", IrregularityKind::DashForSlash, "-"),
        ("82/2005-QĐ-UBND", IrregularityKind::OldYearForm, "-"),
        ("5/2000/TT-BXD", IrregularityKind::MissingLeadingZero, "5"),
        ("30/2020/NĐ-СP", IrregularityKind::Homoglyph, "С"),
        (
            "30/2020/Q\u{110}-U\u{200B}BND",
            IrregularityKind::Invisible,
            "\u{200B}",
        ),
    ];
    assert_irregularities(cases);
    for clean in ["1530/KH-UBND", "30/2020/N\u{0110}-CP", "08-QĐi/TW"] {
        let p = DocNumber::parse_with_notes(clean).unwrap();
        assert!(
            p.irregularities.is_empty(),
            "{clean:?}: {:?}",
            p.irregularities
        );
    }
}

#[test]
fn nfd_names_and_numbers() {
    // Decomposed (NFD) text, as three corpus files have it.
    let nfd_name = "Quye\u{0302}\u{0301}t \u{0111}i\u{0323}nh";
    assert_eq!(DocKind::from_name(nfd_name), Some(DocKind::QuyetDinh));
    let p = DocNumber::parse_with_notes("12/UBND-VHO\u{0301}A").unwrap();
    assert!(p.number.unit().eq(["VHÓA"]));
    assert_eq!(p.irregularities[0].kind, IrregularityKind::NotNfc);
}

#[test]
fn kinds_and_issuers() {
    assert_eq!(
        "08-QĐi/TW".parse::<DocNumber>().unwrap().kind(),
        Some(DocKind::QuyDinhDang)
    );
    assert_eq!(
        "08-TT/TW".parse::<DocNumber>().unwrap().kind(),
        Some(DocKind::ThongTri)
    );
    assert_eq!(
        "08/2020/TT-BNV".parse::<DocNumber>().unwrap().kind(),
        Some(DocKind::ThongTu)
    );
    assert_eq!(
        "80/2015/QH13"
            .parse::<DocNumber>()
            .unwrap()
            .legislature_term(),
        Some(13)
    );
    let n: DocNumber = "540-CV/VPQU".parse().unwrap();
    assert_eq!(
        (n.system(), n.kind()),
        (NumberSystem::Party, Some(DocKind::CongVan))
    );
    assert_eq!(n.symbol(), "CV/VPQU");
    assert_eq!(
        "/SVHTTDL-VP".parse::<DocNumber>().unwrap().symbol(),
        "SVHTTDL-VP"
    );
    assert!("/SVHTTDL-VP".parse::<DocNumber>().unwrap().is_blank());
}

#[cfg(feature = "serde")]
#[test]
fn serde_uses_the_canonical_string() {
    let n: DocNumber = "30/2020/nđ-cp".parse().unwrap();
    let json = serde_json::to_string(&n).unwrap();
    assert_eq!(json, "\"30/2020/NĐ-CP\"");
    let back: DocNumber = serde_json::from_str(&json).unwrap();
    assert_eq!(back, n);
    assert!(serde_json::from_str::<DocNumber>("\"3/15\"").is_err());
}

fn issuer() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("UBND".to_string()),
        Just("TTg".to_string()),
        Just("BLĐTBXH".to_string()),
        Just("VPCP".to_string()),
        "[A-Z][A-ZĐ]{1,6}",
    ]
}

fn kind() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "NQ", "QĐ", "CT", "QC", "QyĐ", "TB", "HD", "CTr", "KH", "PA", "ĐA", "BC", "BB", "TTr",
        "CĐ", "GM", "TT", "NĐ", "TTLT", "VBHN",
    ])
}

proptest! {
    #[test]
    fn display_then_parse_round_trips(
        seq in "(0[1-9]|[1-9][0-9]{1,4})",
        year in proptest::option::of(1990u16..2030),
        kind in kind(),
        issuer in issuer(),
        unit in proptest::option::of("[A-Z]{2,5}"),
        party in any::<bool>(),
    ) {
        let text = if party {
            format!("{seq}-{kind}/TU")
        } else {
            let mut t = format!("{seq}/");
            if let Some(y) = year { t += &format!("{y}/"); }
            t += &format!("{kind}-{issuer}");
            if let Some(u) = unit { t += &format!("-{u}"); }
            t
        };
        let n: DocNumber = text.parse().unwrap();
        let shown = n.to_string();
        prop_assert_eq!(shown.parse::<DocNumber>().unwrap(), n.clone());
        prop_assert_eq!(shown.parse::<DocNumber>().unwrap().to_string(), shown);
    }

    #[test]
    fn never_panics(s in "\\PC{0,40}") {
        if let Err(e) = s.parse::<DocNumber>() {
            prop_assert!(e.offset() <= s.len());
        }
    }

    #[test]
    fn never_panics_on_number_like_text(s in "[0-9/\\- .ĐÐđQHKTNUBCPVabc–—\u{0300}\u{200B}]{0,30}") {
        if let Ok(n) = s.parse::<DocNumber>() {
            let shown = n.to_string();
            prop_assert_eq!(shown.parse::<DocNumber>().unwrap(), n);
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// `from_str` reads the common shapes on a fast path; `parse_with_notes` always takes
    /// the general one. Both must give the same number, or the same error.
    #[test]
    fn fast_and_general_paths_agree(s in number_like()) {
        let fast = s.parse::<DocNumber>();
        let general = DocNumber::parse_with_notes(&s).map(|p| p.number);
        prop_assert_eq!(&fast, &general, "{:?}", s);
        if let Ok(n) = fast {
            prop_assert_eq!(n.as_str().parse::<DocNumber>().unwrap(), n);
        }
    }
}

/// Text shaped like numbers: real and made-up codes (in the catalogue's spelling and in
/// others, short and past 16 bytes), years, separators, case and `Đ`.
fn number_like() -> impl Strategy<Value = String> {
    let code = prop_oneof![
        4 => prop::sample::select(vec![
            "KH", "UBND", "NĐ", "CP", "QĐ", "QĐi", "TTLT", "BNV", "VPCP", "NQ", "TU", "TW", "CT",
            "TC", "TTg", "TTG", "QH13", "UBTVQH15", "LB", "TT", "VP", "nđ", "cp", "ND", "CD", "CĐ",
            "HĐND", "BGDĐT", "VBHN", "BTC", "CV", "HD", "ĐUK", "SVHTTDL", "BC", "TT/LB", "qh13",
            "Qh15", "QH", "UBTVQH", "TTLB", "BLĐTBXH", "BLDTBXH", "Ubnd", "bnv", "QĐI", "Qđ",
            "HDND", "ĐĐĐĐĐĐĐĐĐĐ", "TTLTBTCBLĐTBXHBNV",
        ])
        .prop_map(str::to_string),
        2 => "[A-Za-zĐđ][A-Za-z0-9Đđ]{0,6}",
        1 => "[A-ZĐ][A-Z0-9Đđ]{12,20}",
    ];
    let sep = prop::sample::select(vec!["/", "-", "/", "-", "/", "-", " ", ".", "–"]);
    (
        "[0-9]{0,5}(\\.[0-9]{1,2})?",
        prop::sample::select(vec!["/", "-", "/2020/", "/1999-", "-2026-", "/1800/", ""]),
        prop::collection::vec((code, sep), 1..6),
    )
        .prop_map(|(seq, head, groups)| {
            let mut s = seq + head;
            let last = groups.len() - 1;
            for (i, (code, sep)) in groups.into_iter().enumerate() {
                s += &code;
                if i < last {
                    s += sep;
                }
            }
            s
        })
}

#[test]
fn forms_as_really_written_record_their_irregularities() {
    // Issue 13: the form is read, and what departs from NĐ 30/2020 (Phụ lục I, II.3) is said.
    let cases: &[(&str, IrregularityKind, &str)] = &[
        ("212/QĐ/CTN", IrregularityKind::SlashForDash, "/"),
        (
            "16/2006/TTLT/BLĐTBXH-BGD-ĐT-BTC",
            IrregularityKind::SlashForDash,
            "/",
        ),
        ("52/2024/NDCP", IrregularityKind::MissingHyphen, "NDCP"),
        (
            "25/2023/TTBKHĐT",
            IrregularityKind::MissingHyphen,
            "TTBKHĐT",
        ),
        ("630/CV SLĐTB&XH", IrregularityKind::MissingHyphen, " "),
        ("15a/2025/NĐ-CP", IrregularityKind::LetterInNumber, "a"),
        ("A308/TUBND-VX", IrregularityKind::LetterInNumber, "A"),
        ("312/TT-Tr-LDTB&XH", IrregularityKind::SplitCode, "TT-Tr"),
        ("07/2022/tt-btttt", IrregularityKind::Case, "tt"),
        ("958/Kh-BTC", IrregularityKind::Case, "Kh"),
        ("04/2012/UBTVQH 13", IrregularityKind::Spacing, " "),
        // dn-44-2010-ubnd-xa-ductan: `Số : *44* DN-UBND` (OCR of a commune's letter).
        ("44 DN-UBND", IrregularityKind::MissingSlash, ""),
    ];
    assert_irregularities(cases);
    // Issued so, and not irregular: `&` and `.` in codes, the ministries' old form.
    for clean in [
        "423/LĐ-TB&XH",
        "11554/VPCP-V.I",
        "88-TĐC/QĐ",
        "89-TC/TCT",
        "4/2012/UBTVQH13",
    ] {
        let p = DocNumber::parse_with_notes(clean).unwrap();
        let irregular: Vec<_> = p
            .irregularities
            .iter()
            .filter(|i| i.kind != IrregularityKind::MissingLeadingZero)
            .collect();
        assert!(irregular.is_empty(), "{clean:?}: {irregular:?}");
    }
    // A sentence's full stop is not part of the code.
    assert!("12/QĐ-UBND.".parse::<DocNumber>().is_err());
    let n: DocNumber = "1450-LB/TT".parse().unwrap();
    assert_eq!(
        (n.system(), n.kind()),
        (NumberSystem::Legacy, Some(DocKind::ThongTu))
    );
    let n: DocNumber = "08-NQ/TU".parse().unwrap();
    assert_eq!(n.system(), NumberSystem::Party);
}

/// One notion of "the same document" (issue 13): leading zeros and case do not matter, any
/// other difference does. Pairs as the corpus writes them.
#[test]
fn same_document_ignores_leading_zeros_and_case() {
    let same = [
        ("08/2013/QĐ-TTg", "8/2013/QĐ-TTg"),
        // tt-98-2013-btc writes the Prime Minister's decision in capitals in its trích yếu.
        ("22/2013/QĐ-TTg", "22/2013/QĐ-TTG"),
        // Portal lists in lower case.
        ("07/2022/TT-BTTTT", "07/2022/tt-btttt"),
        ("/SVHTTDL-VP", "/SVHTTDL-VP"),
    ];
    let different = [
        ("8/2013/QĐ-TTg", "80/2013/QĐ-TTg"),
        ("1530/KH-UBND", "1530/QĐ-UBND"),
        ("30/2020/NĐ-CP", "30/2021/NĐ-CP"),
        ("/SVHTTDL-VP", "0/SVHTTDL-VP"),
    ];
    for (a, b) in same {
        let (x, y): (DocNumber, DocNumber) = (a.parse().unwrap(), b.parse().unwrap());
        assert!(x.same_document(&y), "{a} ~ {b}");
        assert_eq!(x.document_key(), y.document_key(), "{a} ~ {b}");
    }
    for (a, b) in different {
        let (x, y): (DocNumber, DocNumber) = (a.parse().unwrap(), b.parse().unwrap());
        assert!(!x.same_document(&y), "{a} !~ {b}");
        assert_ne!(x.document_key(), y.document_key(), "{a} !~ {b}");
    }
}
