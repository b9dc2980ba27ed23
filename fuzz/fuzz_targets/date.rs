//! The date readers: never panic; spans slice the input; found dates re-read the same.
#![no_main]

use std::str::FromStr;

use libfuzzer_sys::fuzz_target;
use vanban::{VnDate, dates, parse_place_date};

fuzz_target!(|text: &str| {
    if let Ok(d) = VnDate::from_str(text) {
        assert_eq!(VnDate::from_str(&d.to_string()), Ok(d), "Display round trip");
    }
    for m in dates(text) {
        assert!(text.get(m.span.clone()).is_some(), "span {:?}", m.span);
    }
    if let Some(pd) = parse_place_date(text) {
        assert!(text.get(pd.place_span.clone()).is_some(), "place {:?}", pd.place_span);
        assert!(text.get(pd.date_span.clone()).is_some(), "date {:?}", pd.date_span);
    }
});
