//! Normalization that keeps spans: real strings in their damaged forms.

use vanban::{Normalized, fold_key, tone_key};

#[test]
fn normalizes_and_maps_back() {
    // (original, normalized): NFD with ASCII base letters, eth, dashes, no-break and
    // zero-width spaces, soft hyphen, Cyrillic look-alikes.
    let cases: &[(&str, &str)] = &[
        ("So\u{302}\u{301}: 3500/QÐ-BYT", "Số: 3500/QĐ-BYT"),
        (
            "Ha\u{300} No\u{323}\u{302}i, nga\u{300}y 19",
            "Hà Nội, ngày 19",
        ),
        ("1530/KH\u{2013}UBND", "1530/KH-UBND"),
        ("Số:\u{a0}701/QĐ-UBND", "Số: 701/QĐ-UBND"),
        ("701/Q\u{200b}Đ-UBND", "701/QĐ-UBND"),
        ("hành chí\u{ad}nh", "hành chính"),
        ("30/2020/NĐ-\u{421}P", "30/2020/NĐ-CP"),
        ("plain ASCII text", "plain ASCII text"),
    ];
    for &(original, want) in cases {
        let n = Normalized::new(original);
        assert_eq!(n.as_str(), want, "{original:?}");
        // Every normalized span maps to whole characters of the original.
        for (i, _) in n.as_str().char_indices() {
            let span = n.original_span(i..n.as_str().len());
            assert!(original.is_char_boundary(span.start) && original.is_char_boundary(span.end));
            assert_eq!(span.end, original.len(), "{original:?} at {i}");
        }
        let whole = n.original_span(0..n.as_str().len());
        assert_eq!(&original[whole], original);
    }
    assert!(Normalized::new("Quyết định số 12/QĐ-UBND").is_unchanged());
}

#[test]
fn folding_keys() {
    assert_eq!(fold_key("QUYẾT  ĐỊNH"), "quyet dinh");
    assert_eq!(fold_key("Nghi dinh"), fold_key("Nghị định"));
    assert_eq!(fold_key("Quye\u{302}\u{301}t"), "quyet");
    assert_eq!(tone_key("Văn hoá"), tone_key("văn hóa"));
    assert_eq!(tone_key("thuỷ"), tone_key("thủy"));
    assert_ne!(tone_key("hòa"), tone_key("hoa"));
}
