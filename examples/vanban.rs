//! The `vanban` command-line program: the JSON contract other tools read.
//!
//! ```text
//! cargo run --example vanban -- number <TEXT>...   one JSON object per argument
//! ```
use std::io::Write;

use serde_json::{Value, json};
use vanban::DocNumber;

/// The sample directive (Sở VHTT&DL Lai Châu, 2023) used when no file is given.
const SAMPLE: &str = include_str!("sample.txt");

fn number_json(input: &str) -> Value {
    match DocNumber::parse_with_notes(input) {
        Ok(p) => {
            let n = &p.number;
            json!({
                "input": input,
                "canonical": n.to_string(),
                "system": n.system.as_str(),
                "seq": n.seq,
                "year": n.year,
                "kind": n.kind.map(|k| k.code),
                "issuer": n.issuer,
                "unit": n.unit,
                "irregularities": p.irregularities.iter().map(|i| json!({
                    "kind": format!("{:?}", i.kind),
                    "start": i.span.start,
                    "end": i.span.end,
                })).collect::<Vec<_>>(),
            })
        }
        Err(e) => json!({
            "input": input,
            "error": {"message": e.to_string(), "offset": e.offset()},
        }),
    }
}

fn usage() -> ! {
    eprintln!("usage: vanban number <TEXT>...");
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.first().map(String::as_str) {
        Some("number") => {
            for a in &args[1..] {
                let _ = writeln!(out, "{}", number_json(a));
            }
        }
        _ => {
            let _ = SAMPLE;
            usage()
        }
    }
}
