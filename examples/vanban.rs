//! The `vanban` command-line program: the JSON contract other tools read.
//!
//! ```text
//! cargo run --example vanban                          parse the embedded sample directive
//! cargo run --example vanban -- number <TEXT>...      one JSON object per argument
//! cargo run --example vanban -- cite [FILE|-]         one JSON object per cited number
//! cargo run --example vanban -- parse [FILE|-]        the document as one JSON object
//! ```
//!
//! Without FILE, `cite` and `parse` read the embedded sample; `-` reads standard input.
use std::io::{Read, Write};
use std::ops::Range;

use serde_json::{Value, json};
use vanban::{Citation, DocNumber, Document, EntryKind, Purpose, Spanned};

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

fn document_json(doc: &Document, source: &str) -> Value {
    let citations: Vec<Value> = doc.citations(source).map(|c| citation_json(&c)).collect();
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
        "date": doc.date.map(|d| d.iso()),
        "subject": text(&doc.subject),
        "recipients": doc.recipients.iter().map(|r| r.text.clone()).collect::<Vec<_>>(),
        "signatures": signatures,
        "noi_nhan": doc.noi_nhan.iter().map(|e| e.text.text.clone()).collect::<Vec<_>>(),
        "citations": citations,
        "diagnostics": doc.diagnostics.iter().map(|d| json!({
            "code": d.code, "severity": d.severity.as_str(), "message": d.message,
            "span": span_json(&d.span),
        })).collect::<Vec<_>>(),
        "quoc_hieu": doc.quoc_hieu.as_ref().map(|q| q.text.clone()),
        "party": doc.party,
        "kind_heading": text(&doc.kind_heading),
        "marks": doc.marks.iter().map(|m| json!({"kind": format!("{:?}", m.kind), "text": m.text.text})).collect::<Vec<_>>(),
        "bases": doc.bases.iter().map(|b| json!({
            "kind": format!("{:?}", b.kind),
            "text": b.text.text,
            "span": span_json(&b.text.span),
            "citations": b.citations(source).map(|c| c.number.to_string()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
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

/// Reads FILE, `-` for standard input, or the embedded sample when none is given, as UTF-8.
fn read_input(arg: Option<&str>) -> Result<String, String> {
    let bytes = match arg {
        None => return Ok(SAMPLE.to_string()),
        Some("-") => {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            b
        }
        Some(path) => std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?,
    };
    // Not UTF-8: the error says which legacy encoding the bytes look like.
    vanban::encoding::to_utf8(&bytes)
        .map(|s| s.into_owned())
        .map_err(|e| e.to_string())
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
    eprintln!("usage: vanban [number <TEXT>... | cite [FILE|-] | parse [FILE|-]]");
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // With no command, run the main job on the embedded sample.
    let args = if args.is_empty() {
        vec!["parse".to_string()]
    } else {
        args
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let input = |args: &[String]| {
        read_input(args.get(1).map(String::as_str)).unwrap_or_else(|e| {
            eprintln!("vanban: {e}");
            std::process::exit(1)
        })
    };
    match args.first().map(String::as_str) {
        Some("number") => {
            for a in &args[1..] {
                let _ = writeln!(out, "{}", number_json(a));
            }
        }
        Some("cite") => {
            let text = input(&args);
            let doc = Document::parse(&text);
            for c in doc.citations(&text) {
                let _ = writeln!(out, "{}", citation_json(&c));
            }
        }
        Some("parse") => {
            let text = input(&args);
            let doc = Document::parse(&text);
            let _ = writeln!(out, "{}", document_json(&doc, &text));
        }
        _ => usage(),
    }
}
