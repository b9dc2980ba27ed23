//! The `vanban` command-line program: the JSON contract other tools read.
//!
//! ```text
//! cargo run --example vanban -- number <TEXT>...   one JSON object per argument
//! cargo run --example vanban -- parse [FILE|-]      the document as one JSON object
//! ```
use std::io::{Read, Write};
use std::ops::Range;

use serde_json::{Value, json};
use vanban::{DocNumber, Document, EntryKind, Purpose, Spanned};

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
    eprintln!("usage: vanban number <TEXT>...\n       vanban parse [FILE|-]");
    std::process::exit(2)
}

fn span_json(r: &Range<usize>) -> Value {
    json!([r.start, r.end])
}

fn text(s: &Option<Spanned>) -> Value {
    s.as_ref()
        .map_or(Value::Null, |s| Value::String(s.text.clone()))
}

fn purpose_str(p: &Purpose) -> String {
    match p {
        Purpose::BaoCao => "b/c".into(),
        Purpose::ThucHien => "t/h".into(),
        Purpose::PhoiHop => "p/h".into(),
        Purpose::DeBiet => "để biết".into(),
        Purpose::Other(s) => s.clone(),
    }
}

fn document_json(doc: &Document) -> Value {
    let issuer = doc.issuer.as_ref().map_or(Value::Null, |i| {
        json!({"parent": text(&i.parent), "name": i.name.text, "span": span_json(&i.name.span)})
    });
    let signatures: Vec<Value> = doc
        .signatures
        .iter()
        .map(|s| {
            json!({
                "authority": s.authority,
                "authority_lines": s.authority_lines.iter().map(|l| l.text.clone()).collect::<Vec<_>>(),
                "title": text(&s.title),
                "name": text(&s.name),
                "span": span_json(&s.span),
            })
        })
        .collect();
    let noi_nhan_typed: Vec<Value> = doc
        .noi_nhan
        .iter()
        .map(|e| match &e.kind {
            EntryKind::NhuTren => json!({"type": "nhu_tren", "text": e.text.text}),
            EntryKind::Luu { vt, units, copies } => json!({
                "type": "luu", "text": e.text.text, "vt": vt, "units": units, "copies": copies,
            }),
            EntryKind::Recipient { dong_chi, purpose } => json!({
                "type": "recipient", "text": e.text.text, "dong_chi": dong_chi,
                "purpose": purpose.as_ref().map(purpose_str),
            }),
        })
        .collect();
    json!({
        "number": doc.number.as_ref().map(|n| n.value.to_string()),
        "kind": doc.kind.map(|k| k.label()),
        "issuer": issuer,
        "place": text(&doc.place),
        "date": doc.date.map(|d| d.to_string()),
        "subject": text(&doc.subject),
        "recipients": doc.recipients.iter().map(|r| r.text.clone()).collect::<Vec<_>>(),
        "signatures": signatures,
        "noi_nhan": doc.noi_nhan.iter().map(|e| e.text.text.clone()).collect::<Vec<_>>(),
        "citations": [],
        "diagnostics": doc.diagnostics.iter().map(|d| json!({
            "code": d.code, "severity": d.severity.as_str(), "message": d.message,
            "span": span_json(&d.span),
        })).collect::<Vec<_>>(),
        "quoc_hieu": doc.quoc_hieu.as_ref().map(|q| q.text.clone()),
        "party": doc.party,
        "kind_heading": text(&doc.kind_heading),
        "marks": doc.marks.iter().map(|m| json!({"kind": format!("{:?}", m.kind), "text": m.text.text})).collect::<Vec<_>>(),
        "bases": doc.bases.iter().map(|b| json!({"kind": format!("{:?}", b.kind), "span": span_json(&b.text.span)})).collect::<Vec<_>>(),
        "outline_roots": doc.outline.len(),
        "noi_nhan_typed": noi_nhan_typed,
        "spans": {
            "number": doc.number.as_ref().map(|n| span_json(&n.span)),
            "place": doc.place.as_ref().map(|p| span_json(&p.span)),
            "date": doc.date_span.as_ref().map(span_json),
            "subject": doc.subject.as_ref().map(|s| span_json(&s.span)),
        },
    })
}

/// Reads the input as bytes; legacy 8-bit encodings are another command's job.
fn read_input(arg: Option<&str>) -> Result<String, String> {
    let bytes = match arg {
        None => return Ok(SAMPLE.to_string()),
        Some("-") => {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
            b
        }
        Some(path) => std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?,
    };
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "input is not valid UTF-8 (invalid byte at offset {}); legacy encodings (TCVN3, VNI, VISCII) are not handled by this command",
            e.utf8_error().valid_up_to()
        )
    })
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
        Some("parse") => match read_input(args.get(1).map(String::as_str)) {
            Ok(text) => {
                let doc = Document::parse(&text);
                let _ = writeln!(out, "{}", document_json(&doc));
            }
            Err(e) => {
                eprintln!("vanban: {e}");
                std::process::exit(1)
            }
        },
        _ => usage(),
    }
}
