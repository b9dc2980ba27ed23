//! `citations`: never panics; every span slices the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for c in vanban::citations(text) {
        for span in [Some(&c.span), Some(&c.number_span)]
            .into_iter()
            .chain([c.kind_span.as_ref(), c.date_span.as_ref(), c.issuer_span.as_ref()])
            .flatten()
        {
            assert!(text.get(span.clone()).is_some(), "span {span:?}");
        }
        let _ = (c.kind_text(), c.date_text(), c.issuer(), c.number.to_string());
    }
    // The document's own number, which `Document::citations` leaves out.
    let doc = vanban::Document::parse(text);
    for c in doc.citations(text) {
        assert!(text.get(c.span.clone()).is_some(), "span {:?}", c.span);
    }
});
