//! Legacy encodings: character tables, detection, mojibake repair, robustness.

use std::borrow::Cow;
use std::path::Path;

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vanban::encoding::{
    EncodingError, LegacyEncoding, decode, decode_windows_1252, detect, encode,
    encode_windows_1252, repair_mojibake, to_utf8,
};

use LegacyEncoding::{Tcvn3, Utf8, Viscii, Vni};

const EIGHT_BIT: [LegacyEncoding; 3] = [Tcvn3, Vni, Viscii];

// Byte values checked against two sources each (see the module docs of
// `vanban::encoding`): TCVN3 — glibc iconv TCVN5712-1 and the X-TrueType
// TCVNtoUCS2 table (lower case also the PHP VNCode ABC table); VNI — the PHP
// VNCode table and xvnkb's vni.h; VISCII — glibc iconv VISCII and the
// viscii-codec Python table (RFC 1456).
/// (letter, TCVN3 bytes, VNI bytes, VISCII bytes)
type Row = (char, &'static [u8], &'static [u8], &'static [u8]);

const LETTERS: [Row; 134] = [
    // (letter, TCVN3, VNI, VISCII)
    ('à', b"\xB5", b"a\xF8", b"\xE0"),
    ('á', b"\xB8", b"a\xF9", b"\xE1"),
    ('ả', b"\xB6", b"a\xFB", b"\xE4"),
    ('ã', b"\xB7", b"a\xF5", b"\xE3"),
    ('ạ', b"\xB9", b"a\xEF", b"\xD5"),
    ('ă', b"\xA8", b"a\xEA", b"\xE5"),
    ('ằ', b"\xBB", b"a\xE8", b"\xA2"),
    ('ắ', b"\xBE", b"a\xE9", b"\xA1"),
    ('ẳ', b"\xBC", b"a\xFA", b"\xC6"),
    ('ẵ', b"\xBD", b"a\xFC", b"\xC7"),
    ('ặ', b"\xC6", b"a\xEB", b"\xA3"),
    ('â', b"\xA9", b"a\xE2", b"\xE2"),
    ('ầ', b"\xC7", b"a\xE0", b"\xA5"),
    ('ấ', b"\xCA", b"a\xE1", b"\xA4"),
    ('ẩ', b"\xC8", b"a\xE5", b"\xA6"),
    ('ẫ', b"\xC9", b"a\xE3", b"\xE7"),
    ('ậ', b"\xCB", b"a\xE4", b"\xA7"),
    ('è', b"\xCC", b"e\xF8", b"\xE8"),
    ('é', b"\xD0", b"e\xF9", b"\xE9"),
    ('ẻ', b"\xCE", b"e\xFB", b"\xEB"),
    ('ẽ', b"\xCF", b"e\xF5", b"\xA8"),
    ('ẹ', b"\xD1", b"e\xEF", b"\xA9"),
    ('ê', b"\xAA", b"e\xE2", b"\xEA"),
    ('ề', b"\xD2", b"e\xE0", b"\xAB"),
    ('ế', b"\xD5", b"e\xE1", b"\xAA"),
    ('ể', b"\xD3", b"e\xE5", b"\xAC"),
    ('ễ', b"\xD4", b"e\xE3", b"\xAD"),
    ('ệ', b"\xD6", b"e\xE4", b"\xAE"),
    ('ì', b"\xD7", b"\xEC", b"\xEC"),
    ('í', b"\xDD", b"\xED", b"\xED"),
    ('ỉ', b"\xD8", b"\xE6", b"\xEF"),
    ('ĩ', b"\xDC", b"\xF3", b"\xEE"),
    ('ị', b"\xDE", b"\xF2", b"\xB8"),
    ('ò', b"\xDF", b"o\xF8", b"\xF2"),
    ('ó', b"\xE3", b"o\xF9", b"\xF3"),
    ('ỏ', b"\xE1", b"o\xFB", b"\xF6"),
    ('õ', b"\xE2", b"o\xF5", b"\xF5"),
    ('ọ', b"\xE4", b"o\xEF", b"\xF7"),
    ('ô', b"\xAB", b"o\xE2", b"\xF4"),
    ('ồ', b"\xE5", b"o\xE0", b"\xB0"),
    ('ố', b"\xE8", b"o\xE1", b"\xAF"),
    ('ổ', b"\xE6", b"o\xE5", b"\xB1"),
    ('ỗ', b"\xE7", b"o\xE3", b"\xB2"),
    ('ộ', b"\xE9", b"o\xE4", b"\xB5"),
    ('ơ', b"\xAC", b"\xF4", b"\xBD"),
    ('ờ', b"\xEA", b"\xF4\xF8", b"\xB6"),
    ('ớ', b"\xED", b"\xF4\xF9", b"\xBE"),
    ('ở', b"\xEB", b"\xF4\xFB", b"\xB7"),
    ('ỡ', b"\xEC", b"\xF4\xF5", b"\xDE"),
    ('ợ', b"\xEE", b"\xF4\xEF", b"\xFE"),
    ('ù', b"\xEF", b"u\xF8", b"\xF9"),
    ('ú', b"\xF3", b"u\xF9", b"\xFA"),
    ('ủ', b"\xF1", b"u\xFB", b"\xFC"),
    ('ũ', b"\xF2", b"u\xF5", b"\xFB"),
    ('ụ', b"\xF4", b"u\xEF", b"\xF8"),
    ('ư', b"\xAD", b"\xF6", b"\xDF"),
    ('ừ', b"\xF5", b"\xF6\xF8", b"\xD7"),
    ('ứ', b"\xF8", b"\xF6\xF9", b"\xD1"),
    ('ử', b"\xF6", b"\xF6\xFB", b"\xD8"),
    ('ữ', b"\xF7", b"\xF6\xF5", b"\xE6"),
    ('ự', b"\xF9", b"\xF6\xEF", b"\xF1"),
    ('ỳ', b"\xFA", b"y\xF8", b"\xCF"),
    ('ý', b"\xFD", b"y\xF9", b"\xFD"),
    ('ỷ', b"\xFB", b"y\xFB", b"\xD6"),
    ('ỹ', b"\xFC", b"y\xF5", b"\xDB"),
    ('ỵ', b"\xFE", b"\xEE", b"\xDC"),
    ('đ', b"\xAE", b"\xF1", b"\xF0"),
    ('À', b"\x80", b"A\xD8", b"\xC0"),
    ('Á', b"\x83", b"A\xD9", b"\xC1"),
    ('Ả', b"\x81", b"A\xDB", b"\xC4"),
    ('Ã', b"\x82", b"A\xD5", b"\xC3"),
    ('Ạ', b"\x84", b"A\xCF", b"\x80"),
    ('Ă', b"\xA1", b"A\xCA", b"\xC5"),
    ('Ằ', b"\xAF", b"A\xC8", b"\x82"),
    ('Ắ', b"\xC0", b"A\xC9", b"\x81"),
    ('Ẳ', b"\xBA", b"A\xDA", b"\x02"),
    ('Ẵ', b"\xBF", b"A\xDC", b"\x05"),
    ('Ặ', b"\x85", b"A\xCB", b"\x83"),
    ('Â', b"\xA2", b"A\xC2", b"\xC2"),
    ('Ầ', b"\xC1", b"A\xC0", b"\x85"),
    ('Ấ', b"\xC4", b"A\xC1", b"\x84"),
    ('Ẩ', b"\xC2", b"A\xC5", b"\x86"),
    ('Ẫ', b"\xC3", b"A\xC3", b"\x06"),
    ('Ậ', b"\x86", b"A\xC4", b"\x87"),
    ('È', b"\x87", b"E\xD8", b"\xC8"),
    ('É', b"\x8A", b"E\xD9", b"\xC9"),
    ('Ẻ', b"\x88", b"E\xDB", b"\xCB"),
    ('Ẽ', b"\x89", b"E\xD5", b"\x88"),
    ('Ẹ', b"\x8B", b"E\xCF", b"\x89"),
    ('Ê', b"\xA3", b"E\xC2", b"\xCA"),
    ('Ề', b"\xC5", b"E\xC0", b"\x8B"),
    ('Ế', b"\xDA", b"E\xC1", b"\x8A"),
    ('Ể', b"\xCD", b"E\xC5", b"\x8C"),
    ('Ễ', b"\xD9", b"E\xC3", b"\x8D"),
    ('Ệ', b"\x8C", b"E\xC4", b"\x8E"),
    ('Ì', b"\x8D", b"\xCC", b"\xCC"),
    ('Í', b"\x90", b"\xCD", b"\xCD"),
    ('Ỉ', b"\x8E", b"\xC6", b"\x9B"),
    ('Ĩ', b"\x8F", b"\xD3", b"\xCE"),
    ('Ị', b"\x91", b"\xD2", b"\x98"),
    ('Ò', b"\x92", b"O\xD8", b"\xD2"),
    ('Ó', b"\x95", b"O\xD9", b"\xD3"),
    ('Ỏ', b"\x93", b"O\xDB", b"\x99"),
    ('Õ', b"\x94", b"O\xD5", b"\xA0"),
    ('Ọ', b"\x96", b"O\xCF", b"\x9A"),
    ('Ô', b"\xA4", b"O\xC2", b"\xD4"),
    ('Ồ', b"\xDB", b"O\xC0", b"\x90"),
    ('Ố', b"\xFF", b"O\xC1", b"\x8F"),
    ('Ổ', b"\xE0", b"O\xC5", b"\x91"),
    ('Ỗ', b"\xF0", b"O\xC3", b"\x92"),
    ('Ộ', b"\x97", b"O\xC4", b"\x93"),
    ('Ơ', b"\xA5", b"\xD4", b"\xB4"),
    ('Ờ', b"\x98", b"\xD4\xD8", b"\x96"),
    ('Ớ', b"\x9B", b"\xD4\xD9", b"\x95"),
    ('Ở', b"\x99", b"\xD4\xDB", b"\x97"),
    ('Ỡ', b"\x9A", b"\xD4\xD5", b"\xB3"),
    ('Ợ', b"\x9C", b"\xD4\xCF", b"\x94"),
    ('Ù', b"\x9D", b"U\xD8", b"\xD9"),
    ('Ú', b"\x01", b"U\xD9", b"\xDA"),
    ('Ủ', b"\x9E", b"U\xDB", b"\x9C"),
    ('Ũ', b"\x9F", b"U\xD5", b"\x9D"),
    ('Ụ', b"\x02", b"U\xCF", b"\x9E"),
    ('Ư', b"\xA6", b"\xD6", b"\xBF"),
    ('Ừ', b"\x04", b"\xD6\xD8", b"\xBB"),
    ('Ứ', b"\x11", b"\xD6\xD9", b"\xBA"),
    ('Ử', b"\x05", b"\xD6\xDB", b"\xBC"),
    ('Ữ', b"\x06", b"\xD6\xD5", b"\xFF"),
    ('Ự', b"\x12", b"\xD6\xCF", b"\xB9"),
    ('Ỳ', b"\x13", b"Y\xD8", b"\x9F"),
    ('Ý', b"\x16", b"Y\xD9", b"\xDD"),
    ('Ỷ', b"\x14", b"Y\xDB", b"\x14"),
    ('Ỹ', b"\x15", b"Y\xD5", b"\x19"),
    ('Ỵ', b"\x17", b"\xCE", b"\x1E"),
    ('Đ', b"\xA7", b"\xD1", b"\xD0"),
];

fn letter_bytes(row: &Row, enc: LegacyEncoding) -> &'static [u8] {
    match enc {
        Tcvn3 => row.1,
        Vni => row.2,
        Viscii => row.3,
        _ => unreachable!(),
    }
}

#[test]
fn letter_table_is_the_134_letters() {
    let mut seen: Vec<char> = LETTERS.iter().map(|r| r.0).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 134);
    let lower = LETTERS.iter().filter(|r| r.0.is_lowercase()).count();
    assert_eq!(lower, 67);
    for row in LETTERS {
        let upper: String = row.0.to_uppercase().collect();
        let upper = upper.chars().next().unwrap();
        assert!(
            seen.binary_search(&upper).is_ok(),
            "{} has no capital",
            row.0
        );
    }
}

#[test]
fn every_letter_encodes_to_the_table_and_back() {
    for row in LETTERS {
        for enc in EIGHT_BIT {
            let bytes = letter_bytes(&row, enc);
            let letter = row.0.to_string();
            assert_eq!(
                encode(&letter, enc).as_deref(),
                Some(bytes),
                "encode {} in {enc}",
                row.0
            );
            assert_eq!(decode(bytes, enc), letter, "decode {bytes:x?} as {enc}");
            // Decomposed input is composed first.
            let nfd: String = letter.nfd().collect();
            assert_eq!(
                encode(&nfd, enc).as_deref(),
                Some(bytes),
                "encode NFD {} in {enc}",
                row.0
            );
        }
    }
}

#[test]
fn every_letter_round_trips_in_context() {
    // Letters inside words, next to ASCII letters that VNI could mistake for bases.
    let all: String = LETTERS.iter().map(|r| format!("x{}a ", r.0)).collect();
    for enc in EIGHT_BIT {
        let bytes = encode(&all, enc).unwrap();
        assert_eq!(decode(&bytes, enc), all, "{enc}");
    }
}

#[test]
fn single_byte_tables_are_bijective_where_defined() {
    for enc in [Tcvn3, Viscii] {
        for b in 0..=255u8 {
            let text = decode(&[b], enc);
            if let Some(back) = encode(&text, enc) {
                assert_eq!(back, vec![b], "{enc} byte {b:#04x} -> {text:?}");
            }
        }
    }
}

#[test]
fn tcvn3_combining_tone_marks_compose() {
    // 0xB0–0xB4 are combining marks in TCVN 5712.
    assert_eq!(decode(b"a\xb0 a\xb1 a\xb2 a\xb3 a\xb4", Tcvn3), "à ả ã á ạ");
    assert_eq!(decode(b"\xa9\xb4", Tcvn3), "ậ");
}

#[test]
fn vni_mixed_case_and_stray_marks() {
    // Capital base with lower-case mark (and the reverse) happen in VNI files.
    assert_eq!(decode(b"A\xf9 a\xd9", Vni), "Á á");
    // A mark byte with nothing to mark stays its Windows-1252 self.
    assert_eq!(decode(b"\xf9 n\xf8", Vni), "ù nø");
    // A second mark does not stack on a marked letter.
    assert_eq!(decode(b"a\xf9\xf9", Vni), "áù");
}

#[test]
fn unencodable_text_is_refused() {
    for enc in EIGHT_BIT {
        assert_eq!(encode("漢字", enc), None, "{enc}");
        assert_eq!(encode("ǒ", enc), None, "{enc}");
    }
    // C0 positions that VN1/VISCII reuse for capitals cannot hold the control.
    assert_eq!(encode("\u{1}", Tcvn3), None);
    assert_eq!(encode("\u{2}", Viscii), None);
    // VNI keeps Latin-1 characters it does not use, refuses those it uses.
    assert_eq!(encode("«§»", Vni).as_deref(), Some(&b"\xab\xa7\xbb"[..]));
    assert_eq!(encode("æ", Vni), None);
}

const PHRASES: &[&str] = &[
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Quyết định số 701/QĐ-UBND ngày 24/5/2023 của Ủy ban nhân dân tỉnh Lai Châu",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
    "Nghị định này có hiệu lực thi hành kể từ ngày ký ban hành",
    "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Quyết định này",
    "Thông tư này hướng dẫn thực hiện một số điều của Nghị định số 87/2013/NĐ-CP",
    "Kính gửi: Trưởng các phòng, đơn vị trực thuộc Sở",
    "Người ký: Nguyễn Xuân Phúc, Thủ tướng Chính phủ",
];

#[test]
fn phrases_are_detected_and_decoded_in_every_encoding() {
    for phrase in PHRASES {
        for enc in EIGHT_BIT {
            let bytes = encode(phrase, enc).unwrap();
            let found =
                detect(&bytes).unwrap_or_else(|| panic!("{enc}: nothing detected in {phrase}"));
            assert_eq!((found.encoding, found.mojibake), (enc, false), "{phrase}");
            assert!(
                found.confidence > 0.5,
                "{enc} {phrase}: {}",
                found.confidence
            );
            assert_eq!(found.decode(&bytes), *phrase);
            assert_eq!(decode(&bytes, enc), *phrase);
        }
    }
}

#[test]
fn phrases_as_mojibake_are_repaired() {
    for phrase in PHRASES {
        for enc in [Tcvn3, Vni, Viscii, Utf8] {
            let bytes = encode(phrase, enc).unwrap();
            let mojibake = decode_windows_1252(&bytes);
            assert_eq!(
                repair_mojibake(&mojibake),
                Some((enc, phrase.to_string())),
                "{enc}: {mojibake}"
            );
            let found = detect(mojibake.as_bytes()).unwrap();
            assert_eq!((found.encoding, found.mojibake), (enc, true), "{mojibake}");
            assert_eq!(found.decode(mojibake.as_bytes()), *phrase);
        }
    }
}

#[test]
fn known_mojibake_examples() {
    let cases: &[(&str, LegacyEncoding, &str)] = &[
        (
            "Céng hoµ x· héi chñ nghÜa viÖt nam",
            Tcvn3,
            "Cộng hoà xã hội chủ nghĩa việt nam",
        ),
        (
            "§éc lËp - Tù do - H¹nh phóc",
            Tcvn3,
            "Độc lập - Tự do - Hạnh phúc",
        ),
        ("Coäng hoøa", Vni, "Cộng hòa"),
        (
            "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM",
            Vni,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ),
        ("Cá»™ng hÃ²a", Utf8, "Cộng hòa"),
        (
            "Quyáº¿t Ä‘á»‹nh sá»‘ 701/QÄ\u{90}-UBND",
            Utf8,
            "Quyết định số 701/QĐ-UBND",
        ),
        (
            "Cµng hòa xã hµi chü nghîa Vi®t Nam",
            Viscii,
            "Cộng hòa xã hội chủ nghĩa Việt Nam",
        ),
    ];
    for (mojibake, enc, fixed) in cases {
        assert_eq!(
            repair_mojibake(mojibake),
            Some((*enc, fixed.to_string())),
            "{mojibake}"
        );
    }
}

fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "corpus missing");
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// Corpus lines that every legacy encoding can hold, with some Vietnamese in them.
fn corpus_lines() -> Vec<String> {
    let mut lines = Vec::new();
    for (_, text) in corpus() {
        for line in text.lines() {
            let line: String = line.trim().nfc().collect();
            let words = line.split_whitespace().filter(|w| !w.is_ascii()).count();
            if words >= 6 && EIGHT_BIT.iter().all(|e| encode(&line, *e).is_some()) {
                lines.push(line);
            }
        }
    }
    lines
}

#[test]
fn corpus_lines_round_trip_and_are_detected() {
    let lines = corpus_lines();
    assert!(lines.len() > 500, "only {} lines", lines.len());
    for enc in EIGHT_BIT {
        let mut right = 0;
        let mut repaired = 0;
        for line in &lines {
            let bytes = encode(line, enc).unwrap();
            assert_eq!(decode(&bytes, enc), *line, "{enc}");
            if detect(&bytes).is_some_and(|d| d.encoding == enc && !d.mojibake) {
                right += 1;
            } else {
                eprintln!("not detected as {enc}: {line} -> {:?}", detect(&bytes));
            }
            let mojibake = decode_windows_1252(&bytes);
            if repair_mojibake(&mojibake) == Some((enc, line.clone())) {
                repaired += 1;
            } else {
                eprintln!(
                    "not repaired from {enc}: {line} -> {:?}",
                    repair_mojibake(&mojibake)
                );
            }
        }
        let n = lines.len() as f64;
        eprintln!(
            "{enc}: {} lines, detected {:.4}, repaired {:.4}",
            lines.len(),
            right as f64 / n,
            repaired as f64 / n
        );
        assert!(right as f64 / n > 0.99, "{enc}: detected {right}/{n}");
        assert!(repaired as f64 / n > 0.99, "{enc}: repaired {repaired}/{n}");
    }
}

#[test]
fn whole_corpus_documents_are_detected_with_high_confidence() {
    for (name, text) in corpus() {
        let text: String = text.nfc().collect();
        // Keep the characters every encoding can hold (the corpus has Markdown
        // tables, bullets and the like).
        let text: String = text
            .chars()
            .filter(|c| {
                EIGHT_BIT
                    .iter()
                    .all(|e| encode(&c.to_string(), *e).is_some())
            })
            .collect();
        for enc in EIGHT_BIT {
            let bytes = encode(&text, enc).unwrap();
            let found = detect(&bytes).unwrap();
            assert_eq!((found.encoding, found.mojibake), (enc, false), "{name}");
            assert!(found.confidence > 0.9, "{name} {enc}: {}", found.confidence);
            assert_eq!(found.decode(&bytes), text, "{name}");
            let err = to_utf8(&bytes).unwrap_err();
            let EncodingError::NotUtf8 { looks_like, .. } = &err else {
                unreachable!()
            };
            assert_eq!(looks_like.map(|d| d.encoding), Some(enc));
            // The same document after a trip through Windows-1252.
            let mojibake = decode_windows_1252(&bytes);
            assert_eq!(
                repair_mojibake(&mojibake),
                Some((enc, text.clone())),
                "{name} {enc}"
            );
        }
    }
}

#[test]
fn clean_text_is_never_taken_for_legacy() {
    for (name, text) in corpus() {
        assert_eq!(detect(text.as_bytes()), None, "{name}");
        assert_eq!(repair_mojibake(&text), None, "{name}");
        assert!(matches!(to_utf8(text.as_bytes()), Ok(Cow::Borrowed(_))));
        for line in text.lines() {
            assert_eq!(detect(line.as_bytes()), None, "{name}: {line}");
        }
    }
    for clean in [
        "",
        "Quyet dinh so 701/QD-UBND ngay 24/5/2023",
        "Xin chào các bạn",
        "Tôi là ai",
        "Điều 1. Phạm vi điều chỉnh",
        "Café au lait, naïve résumé",
        "à á â ã è é ê ì í ò ó ô õ ù ú ý",
    ] {
        assert_eq!(detect(clean.as_bytes()), None, "{clean}");
        assert_eq!(repair_mojibake(clean), None, "{clean}");
    }
}

#[test]
fn to_utf8_passes_utf8_and_explains_the_rest() {
    assert_eq!(to_utf8("Độc lập".as_bytes()).unwrap(), "Độc lập");
    assert_eq!(to_utf8(b"\xef\xbb\xbfabc").unwrap(), "abc");
    assert_eq!(to_utf8(b"").unwrap(), "");

    let bytes = encode(PHRASES[2], Tcvn3).unwrap();
    let err = to_utf8(&bytes).unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("input is not UTF-8 (first invalid byte at 3); it looks like TCVN3 (ABC) text (confidence 0."),
        "{message}"
    );
    assert!(
        message.ends_with("): decode it with encoding::decode"),
        "{message}"
    );

    let bytes = encode(PHRASES[1], Vni).unwrap();
    let EncodingError::NotUtf8 { offset, looks_like } = to_utf8(&bytes).unwrap_err() else {
        unreachable!()
    };
    assert_eq!(offset, 0);
    assert_eq!(looks_like.unwrap().encoding, Vni);

    // With a BOM the offset still counts from the start of the input.
    let mut with_bom = b"\xef\xbb\xbf".to_vec();
    with_bom.extend(encode("Việt", Viscii).unwrap());
    let EncodingError::NotUtf8 { offset, .. } = to_utf8(&with_bom).unwrap_err() else {
        unreachable!()
    };
    assert_eq!(offset, 5);

    let err = to_utf8(b"\xff\xfe\x00\x01").unwrap_err();
    assert!(
        err.to_string()
            .ends_with("does not look like TCVN3, VNI or VISCII Vietnamese text"),
        "{err}"
    );

    // UTF-8 with one damaged byte is recognised as such.
    let mut damaged = "Quyết định này có hiệu lực thi hành kể từ ngày ký"
        .as_bytes()
        .to_vec();
    damaged[4] = 0xff;
    let found = detect(&damaged).unwrap();
    assert_eq!((found.encoding, found.mojibake), (Utf8, false));
}

#[test]
fn windows_1252_table() {
    // Spot checks against the Windows-1252 code page definition.
    assert_eq!(
        decode_windows_1252(b"\x80\x8a\x91\x92\x93\x94\x96\x97\x99\x9f"),
        "€Š‘’“”–—™Ÿ"
    );
    assert_eq!(
        decode_windows_1252(b"\x81\x8d\x8f\x90\x9d"),
        "\u{81}\u{8d}\u{8f}\u{90}\u{9d}"
    );
    let all: Vec<u8> = (0..=255).collect();
    assert_eq!(encode_windows_1252(&decode_windows_1252(&all)), Some(all));
}

fn vietnamese_text() -> impl Strategy<Value = String> {
    let letters: Vec<char> = LETTERS
        .iter()
        .map(|r| r.0)
        .chain("abcdeghiklmnopqrstuvxy ABDGHKLMNTV.,;:-()/0123456789\n".chars())
        .collect();
    proptest::collection::vec(proptest::sample::select(letters), 0..200)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #[test]
    fn nothing_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        for enc in [Tcvn3, Vni, Viscii, Utf8] {
            let text = decode(&bytes, enc);
            prop_assert!(unicode_normalization::is_nfc(&text));
            let _ = encode(&text, enc);
        }
        if let Some(found) = detect(&bytes) {
            prop_assert!((0.0..=1.0).contains(&found.confidence));
            let _ = found.decode(&bytes);
        }
        match to_utf8(&bytes) {
            Ok(text) => prop_assert_eq!(text.as_bytes(), bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes)),
            Err(err) => { let _ = err.to_string(); }
        }
        let _ = repair_mojibake(&decode_windows_1252(&bytes));
        let _ = repair_mojibake(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn vietnamese_text_round_trips(text in vietnamese_text()) {
        for enc in EIGHT_BIT {
            let bytes = encode(&text, enc);
            prop_assert!(bytes.is_some(), "{} cannot encode {:?}", enc, text);
            prop_assert_eq!(decode(&bytes.unwrap(), enc), text.clone());
        }
    }

    #[test]
    fn mojibake_bytes_of_any_string_never_panic(text in "\\PC{0,100}") {
        let _ = detect(text.as_bytes());
        let _ = repair_mojibake(&text);
        for enc in [Tcvn3, Vni, Viscii, Utf8] {
            if let Some(bytes) = encode(&text, enc) {
                let _ = repair_mojibake(&decode_windows_1252(&bytes));
            }
        }
    }
}
