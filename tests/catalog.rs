//! The catalogue against the tables of domain.md (NĐ 30/2020, Luật 64/2025, HD 36).

use vanban::{DocKind, ISSUERS, KINDS, issuer_info};

fn rows() -> impl Iterator<Item = (&'static str, Option<&'static str>)> {
    include_str!("data/kinds.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (name, abbr) = l.split_once('\t').expect("two columns");
            (name, (abbr != "-").then_some(abbr))
        })
}

#[test]
fn every_kind_by_name_and_abbreviation() {
    let mut n = 0;
    for (name, abbr) in rows() {
        let kind = DocKind::from_name(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(kind.abbr(), abbr, "{name}");
        // The lookup ignores case, diacritics and the placement of tone marks.
        assert_eq!(
            DocKind::from_name(&name.to_uppercase()),
            Some(kind),
            "{name}"
        );
        assert_eq!(
            DocKind::from_name(&vanban::fold_key(name)),
            Some(kind),
            "{name}"
        );
        if let Some(a) = abbr {
            assert_eq!(DocKind::from_abbr(a), Some(kind), "{a}");
            assert_eq!(a.parse::<DocKind>().unwrap(), kind);
        }
        assert_eq!(name.parse::<DocKind>().unwrap(), kind);
        n += 1;
    }
    assert_eq!(n, 40);
    // 29 administrative kinds, all present.
    assert_eq!(rows().take(29).count(), 29);
}

#[test]
fn names_in_their_real_spellings() {
    let cases = [
        ("QUYẾT ĐỊNH", DocKind::QuyetDinh),
        ("quyet dinh", DocKind::QuyetDinh),
        ("Quyết định", DocKind::QuyetDinh),
        ("BỘ LUẬT", DocKind::BoLuat),
        ("Bản thoả thuận", DocKind::BanThoaThuan),
        ("Giấy uỷ quyền", DocKind::GiayUyQuyen),
        ("NGHỊ  QUYẾT", DocKind::NghiQuyet),
        ("Thông tư liên bộ", DocKind::ThongTuLienTich),
    ];
    for (name, kind) in cases {
        assert_eq!(DocKind::from_name(name), Some(kind), "{name}");
    }
    assert_eq!(DocKind::from_name("Điều lệ hội"), None);
    assert!("XYZ".parse::<DocKind>().is_err());
}

#[test]
fn older_codes_are_known() {
    for (code, kind) in [
        ("GN", DocKind::BanGhiNho),
        ("TTh", DocKind::BanThoaThuan),
        ("UQ", DocKind::GiayUyQuyen),
        ("NP", DocKind::GiayNghiPhep),
        ("TTLB", DocKind::ThongTuLienTich),
    ] {
        assert_eq!(DocKind::from_abbr(code), Some(kind), "{code}");
    }
}

#[test]
fn labels_for_kinds_without_abbreviation() {
    assert_eq!(DocKind::CongVan.label(), "CV");
    assert_eq!(DocKind::Luat.label(), "LUẬT");
    assert_eq!(DocKind::BoLuat.label(), "LUẬT");
    assert_eq!(DocKind::PhapLenh.label(), "PL");
    assert_eq!(DocKind::VanBanHopNhat.label(), "VBHN");
    for info in KINDS {
        assert!(!info.kind.label().is_empty());
        assert_eq!(info.kind.info().name, info.name);
    }
}

#[test]
fn issuers() {
    for (abbr, name) in [
        ("UBND", "Ủy ban nhân dân"),
        ("TTg", "Thủ tướng Chính phủ"),
        ("BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
        ("VKSTC", "Viện kiểm sát nhân dân tối cao"),
        ("TU", "Tỉnh ủy, Thành ủy"),
        ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ] {
        assert_eq!(issuer_info(abbr).map(|i| i.name), Some(name), "{abbr}");
    }
    // Case and lost diacritics are forgiven; an unknown code is simply not in the table.
    assert_eq!(issuer_info("ttg").map(|i| i.abbr), Some("TTg"));
    assert_eq!(issuer_info("BLDTBXH").map(|i| i.abbr), Some("BLĐTBXH"));
    assert_eq!(issuer_info("UBTVQH15").map(|i| i.abbr), Some("UBTVQH"));
    assert!(issuer_info("THNVDT").is_none());
    assert!(ISSUERS.iter().all(|i| !i.name.is_empty()));
}
