//! The legacy decoders: never panic on any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanban::encoding::{LegacyEncoding, decode, detect, encode, repair_mojibake, to_utf8};

fuzz_target!(|data: &[u8]| {
    for enc in [
        LegacyEncoding::Tcvn3,
        LegacyEncoding::Vni,
        LegacyEncoding::Viscii,
        LegacyEncoding::Utf8,
    ] {
        let text = decode(data, enc);
        let _ = encode(&text, enc);
    }
    if let Some(d) = detect(data) {
        assert!((0.0..=1.0).contains(&d.confidence));
        let _ = d.decode(data);
    }
    match to_utf8(data) {
        Ok(text) => {
            let _ = repair_mojibake(&text);
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
