//! Citations: data tables of real strings and the span invariant on every fixture (the corpus
//! score against the hand-made gold is tests/corpus_score.rs).

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use vanban::{Document, citations};

mod common;

fn check_spans(text: &str) {
    common::check_citation_spans("", text);
}

#[test]
fn table_of_real_strings() {
    let mut rows = 0;
    for line in include_str!("data/citations.tsv").lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (text, want) = line.split_once('\t').expect("two columns");
        let text = text.replace("\\n", "\n");
        check_spans(&text);
        let got: Vec<String> = citations(&text)
            .map(|c| {
                let date = c.date.map_or("-".to_string(), |d| d.iso());
                format!("{}@{}", c.number, date)
            })
            .collect();
        let want: Vec<&str> = want.split(" ; ").filter(|w| !w.is_empty()).collect();
        assert_eq!(got, want, "{text:?}");
        rows += 1;
    }
    assert!(rows >= 30);
}

#[test]
fn own_number_is_told_apart() {
    let text = "UBND TỈNH TUYÊN QUANG\nSố: 12/2012/QĐ-UBND\n\nQUY ĐỊNH\n(Ban hành kèm theo Quyết định số 12/2012/QĐ-UBND ngày 25/6/2012)\nCăn cứ Nghị định số 69/2009/NĐ-CP;";
    let own = Document::parse(text).number.unwrap();
    assert_eq!(&text[own.span.clone()], "12/2012/QĐ-UBND");
    let own = own.value;
    let all: Vec<_> = citations(text).collect();
    // The header number, its repetition in the annex, and the decree.
    assert_eq!(all.len(), 3, "citations() reports every mention");
    let others: Vec<String> = all
        .iter()
        .filter(|c| !c.is_self_reference(&own))
        .map(|c| c.number.to_string())
        .collect();
    assert_eq!(others, ["69/2009/NĐ-CP"]);
    // A blank own number (a draft) is read too.
    let blank = Document::parse("\n\nSố: /SVHTTDL-VP\nV/v tập trung")
        .number
        .unwrap();
    assert!(blank.value.is_blank());
}

#[test]
fn nfd_and_eth_keep_spans_in_the_original() {
    let nfc = "Căn cứ Quyết định số 701/QĐ-UBND ngày 24 tháng 5 năm 2023 của Ủy ban nhân dân tỉnh";
    let nfd: String = unicode_nfd(nfc);
    let eth = nfc.replace('Đ', "Ð");
    for text in [nfc.to_string(), nfd, eth] {
        let c: Vec<_> = citations(&text).collect();
        assert_eq!(c.len(), 1, "{text:?}");
        assert_eq!(c[0].number.to_string(), "701/QĐ-UBND");
        assert_eq!(c[0].date.unwrap().iso(), "2023-05-24");
        assert!(c[0].as_str().ends_with("UBND"));
        check_spans(&text);
    }
}

fn unicode_nfd(s: &str) -> String {
    // Decompose the letters with tone marks by hand: enough for this sentence.
    let table: &[(&str, &str)] = &[
        ("ă", "a\u{306}"),
        ("ứ", "u\u{31b}\u{301}"),
        ("ế", "e\u{302}\u{301}"),
        ("ị", "i\u{323}"),
        ("ố", "o\u{302}\u{301}"),
        ("à", "a\u{300}"),
        ("á", "a\u{301}"),
        ("ă", "a\u{306}"),
        ("ủ", "u\u{309}"),
        ("Ủ", "U\u{309}"),
        ("ỉ", "i\u{309}"),
        ("ư", "u\u{31b}"),
    ];
    let mut out = s.to_string();
    for (a, b) in table {
        out = out.replace(a, b);
    }
    out
}

#[test]
fn every_kind_of_number_is_found_once() {
    let text = include_str!("corpus/qd-1351-2022-ubnd-quangngai.txt");
    let nums: Vec<String> = citations(text).map(|c| c.number.to_string()).collect();
    let unique: HashSet<_> = nums.iter().collect();
    assert!(nums.contains(&"1025/QĐ-LĐTBXH".to_string()));
    assert!(unique.len() > 10);
    // The URL of the crawler's source line is not a citation.
    assert!(!nums.iter().any(|n| n.contains("QD-UBND-2022")));
}

#[test]
fn marks_inside_shared_numbers_keep_spans_on_boundaries() {
    // A combining mark between the digits of a shared list (damaged NFD text).
    let text = "Báo cáo số 1\u{301}9, 20/BC-UBND ngày 07/6/2023";
    check_spans(text);
    let got: Vec<String> = citations(text).map(|c| c.number.to_string()).collect();
    assert_eq!(got, ["19/BC-UBND", "20/BC-UBND"]);
}

/// Portal lists and search queries write whole lines in lower case (`triển khai thực hiện
/// thông tư số 07/2022/tt-btttt của bộ thông tin và truyền thông`): every line of the corpus
/// that holds citations, written so, must give nearly all of them again (issue 13).
#[test]
fn lower_case_lines_give_the_same_citations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let (mut found, mut all) = (0, 0);
    let mut missed = Vec::new();
    for e in fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = fs::read_to_string(&p).unwrap();
        for line in text.lines() {
            let want: Vec<String> = citations(line).map(|c| c.number.to_string()).collect();
            if want.is_empty() {
                continue;
            }
            let lower = line.to_lowercase();
            check_spans(&lower);
            let got: Vec<String> = citations(&lower).map(|c| c.number.to_string()).collect();
            for w in &want {
                all += 1;
                if got.contains(w) {
                    found += 1;
                } else {
                    missed.push(w.clone());
                }
            }
        }
    }
    let recall = found as f64 / all.max(1) as f64;
    println!("lower case: {found}/{all} = {recall:.3}; missed {missed:?}");
    assert!(
        all > 300 && recall >= 0.98,
        "{found}/{all}: missed {missed:?}"
    );
}

#[test]
fn irregularities_of_cited_numbers_point_into_the_text() {
    use vanban::IrregularityKind;
    for (text, kind, written) in [
        (
            "triển khai thực hiện thông tư số 07/2022/tt-btttt của bộ thông tin và truyền thông",
            IrregularityKind::Case,
            "tt",
        ),
        (
            "Quyết định truy tặng AHLLVT số 212/QĐ/CTN ngày 23/02/2010",
            IrregularityKind::SlashForDash,
            "/",
        ),
        (
            "Thông tư số 25/2023/TTBKHĐT",
            IrregularityKind::MissingHyphen,
            "TTBKHĐT",
        ),
        ("Báo cáo số 198, 199/bc-UBND", IrregularityKind::Case, "bc"),
    ] {
        for c in citations(text) {
            let found = c
                .irregularities()
                .into_iter()
                .find(|i| i.kind == kind)
                .unwrap_or_else(|| panic!("{text:?}: no {kind:?}"));
            assert_eq!(&text[found.span], written, "{text:?}");
        }
    }
    let clean = "Quyết định số 701/QĐ-UBND ngày 24/5/2023";
    assert!(citations(clean).all(|c| c.irregularities().is_empty()));
}

/// The issuer phrase after `của`: a title and the body it heads, a place of two syllables,
/// and where it ends when the next phrase opens with a capital (real strings; issue 13,
/// class 10).
#[test]
fn issuer_phrases_end_where_the_name_ends() {
    let table = [
        // examples/sample.txt: "của UBND Cải thiện, nâng cao Chỉ số …"
        (
            "Thực hiện Kế hoạch số 1530/KH-UBND ngày 26/4/2023 của UBND Cải thiện, nâng cao",
            "UBND",
        ),
        (
            "Báo cáo số 198, 199/BC-UBND ngày 07/6/2023 của UBND tỉnh phân tích, đánh giá",
            "UBND tỉnh",
        ),
        (
            "số 38/2019/TT-BTC ngày 28/6/2019 của Bộ trưởng Bộ Tài chính hướng dẫn xây dựng",
            "Bộ trưởng Bộ Tài chính",
        ),
        (
            "số 16/CT-TTg ngày 25/6/2019 của Thủ tướng Chính phủ về xây dựng Kế hoạch",
            "Thủ tướng Chính phủ",
        ),
        (
            "số 1346/2007/QĐ-UBND ngày 29/5/2007 của Chủ tịch UBND tỉnh Long An về việc ủy quyền",
            "Chủ tịch UBND tỉnh Long An",
        ),
        (
            "số 212/QĐ-CTN ngày 23/02/2010 của Chủ tịch nước về việc truy tặng danh hiệu",
            "Chủ tịch nước",
        ),
        // A line wrapped inside the name goes on in lower case (tests/corpus/ct-21-2026-ttg,
        // nq-89-2025-ubtvqh15, qd-2416-2024-bkhdt).
        (
            "Thực hiện Kết luận số 34-KL/TW ngày 18 tháng 5 năm 2026 của Bộ Chính \r\ntrị về sắp xếp thôn",
            "Bộ Chính \r\ntrị",
        ),
        (
            "Căn cứ Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính \nphủ quy định chi tiết",
            "Chính \nphủ",
        ),
        // After `và`, a kind's name opens the next mention (nq-89-2025-ubtvqh15).
        (
            "Sau khi xem xét Tờ trình số 613/TTr-CP ngày 27 tháng 6 năm 2025 của Chính \nphủ và Báo cáo thẩm tra số 685/BC-UBVHXH15",
            "Chính \nphủ",
        ),
        // `ban hành` in lower case is the verb, not a `Ban` (qd-1351-2022-ubnd-quangngai).
        (
            "Căn cứ Quyết định số 19/2020/QĐ-UBND ngày 29/12/2020 của UBND tỉnh ban hành Quy chế hoạt động",
            "UBND tỉnh",
        ),
        // Before a capital too, unless the line starts anew (tests/portal/fc5c0bce58bee8ce).
        (
            "sung tại Thông tư số 17/2021/TT-BTC ngày 26 tháng 01 năm 2021 của Bộ trưởng Bộ\nTài chính;",
            "Bộ trưởng Bộ\nTài chính",
        ),
        // A line that starts anew ends the name (tests/portal/5545b1799f2968c0: a list item).
        (
            "55/2014/QĐ-UBND ngày 31/12/2014 của UBND thành phố Đà Nẵng\n3. Bãi bỏ toàn bộ Quyết định",
            "UBND thành phố Đà Nẵng",
        ),
        // `Về` opens what a document is about (tests/portal/e452177a27361c26).
        (
            "Nghị định số 79/2025/NĐ-CP ngày 01/4/2025 của Chính phủ Về\nkiểm tra, rà soát, hệ thống hóa",
            "Chính phủ",
        ),
    ];
    for (text, want) in table {
        let c = citations(text).next().expect(text);
        assert_eq!(c.issuer(), Some(want), "{text}");
    }
}
