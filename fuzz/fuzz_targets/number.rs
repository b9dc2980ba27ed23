//! `DocNumber::from_str`: never panics; what parses round-trips through `Display`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanban::DocNumber;

fuzz_target!(|text: &str| {
    match DocNumber::parse_with_notes(text) {
        Ok(p) => {
            for i in &p.irregularities {
                assert!(text.get(i.span.clone()).is_some(), "irregularity span {:?}", i.span);
            }
            let shown = p.number.to_string();
            let again: DocNumber = shown.parse().expect("Display output parses");
            assert_eq!(again.to_string(), shown, "Display round trip");
        }
        Err(e) => assert!(text.is_char_boundary(e.offset()), "error offset {}", e.offset()),
    }
});
