//! The `vanban` command-line program: the JSON contract other tools read.
//!
//! ```text
//! cargo run --example vanban -- number <TEXT>...   one JSON object per argument
//! ```
use std::io::Write;

use serde_json::{Value, json};
use vanban::{Citation, DocNumber};

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

/// Reads FILE, `-` for standard input, or the embedded sample when none is given.
fn read_input(arg: Option<&String>) -> (String, String) {
    let (name, bytes) = match arg.map(String::as_str) {
        None => return ("<sample>".into(), SAMPLE.to_string()),
        Some("-") => {
            let mut b = Vec::new();
            if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut b) {
                eprintln!("vanban: cannot read standard input: {e}");
                std::process::exit(2);
            }
            ("<stdin>".to_string(), b)
        }
        Some(path) => match std::fs::read(path) {
            Ok(b) => (path.to_string(), b),
            Err(e) => {
                eprintln!("vanban: cannot read {path}: {e}");
                std::process::exit(2);
            }
        },
    };
    match String::from_utf8(bytes) {
        Ok(s) => (name, s),
        Err(e) => {
            eprintln!(
                "vanban: {name} is not UTF-8 (first invalid byte at {})",
                e.utf8_error().valid_up_to()
            );
            std::process::exit(2);
        }
    }
}

fn citation_json(c: &Citation<'_>) -> Value {
    json!({
        "number": c.number.to_string(),
        "kind": c.kind.map(|k| k.label()),
        "date": c.date.map(|d| d.iso()),
        "start": c.span.start,
        "end": c.span.end,
        "text": c.as_str(),
        "kind_text": c.kind_text(),
        "has_so": c.has_so,
        "number_start": c.number_span.start,
        "number_end": c.number_span.end,
        "date_text": c.date_text(),
        "issuer": c.issuer(),
        "system": c.number.system.as_str(),
    })
}

fn usage() -> ! {
    eprintln!("usage: vanban number <TEXT>... | cite [FILE|-]");
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // With no command, run the main job on the embedded sample.
    let args = if args.is_empty() { vec!["cite".to_string()] } else { args };
    match args.first().map(String::as_str) {
        Some("number") => {
            for a in &args[1..] {
                let _ = writeln!(out, "{}", number_json(a));
            }
        }
        Some("cite") => {
            let (_, text) = read_input(args.get(1));
            let own = vanban::own_number(&text).map(|(n, _)| n);
            for c in vanban::citations(&text) {
                if own.as_ref().is_some_and(|o| c.is_self_reference(o)) {
                    continue;
                }
                let _ = writeln!(out, "{}", citation_json(&c));
            }
        }
        _ => usage(),
    }
}
