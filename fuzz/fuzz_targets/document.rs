//! `Document::parse`: never panics; every span slices the input, also those of the
//! citations of each basis.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanban::Document;

fuzz_target!(|data: &[u8]| {
    // Bytes, so that `parse_bytes` and the UTF-8 path are both exercised.
    let Ok(doc) = Document::parse_bytes(data) else {
        return;
    };
    let text = vanban::encoding::to_utf8(data).expect("parse_bytes accepted it");
    for span in doc.spans() {
        assert!(text.get(span.clone()).is_some(), "span {span:?}");
    }
    let _ = doc.citations(&text).count();
    for b in &doc.bases {
        for c in b.citations(&text) {
            assert!(text.get(c.span.clone()).is_some(), "basis citation {:?}", c.span);
        }
    }
});
