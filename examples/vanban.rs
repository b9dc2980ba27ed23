//! The `vanban` command-line program: the JSON contract other tools read.
//!
//! ```text
//! cargo run --example vanban                          parse the embedded sample directive
//! cargo run --example vanban -- number <TEXT>...      one JSON object per argument
//! cargo run --example vanban -- cite [FILE|-]         one JSON object per cited number
//! cargo run --example vanban -- count [FILE|-]        how many citations, as `rg -c` prints
//! cargo run --example vanban -- parse [FILE|-]        the document as one JSON object
//! cargo run --example vanban -- check [FILE|-] [--json]   diagnostics, rustc style or JSON lines
//! cargo run --example vanban -- check --fix FILE     the text with every fix applied
//! ```
//!
//! Without FILE, `cite`, `parse` and `check` read the embedded sample; `-` reads standard
//! input. `check` exits with 1 if any diagnostic is an error, else 0.
use std::io::{Read, Write};
use std::ops::Range;

use serde_json::{Value, json};
use vanban::text::LineIndex;
use vanban::{Citation, Diagnostic, DocNumber, Document, EntryKind, Purpose, Severity, Spanned};

/// The sample directive (Sở VHTT&DL Lai Châu, 2023) used when no file is given.
const SAMPLE: &str = include_str!("sample.txt");

fn number_json(input: &str) -> Value {
    match DocNumber::parse_with_notes(input) {
        Ok(p) => {
            let n = &p.number;
            json!({
                "input": input,
                "canonical": n.to_string(),
                "system": n.system().as_str(),
                "seq": n.seq(),
                "year": n.year(),
                "kind": n.kind_code().map(|k| k.code),
                "issuer": n.issuer().collect::<Vec<_>>(),
                "unit": n.unit().collect::<Vec<_>>(),
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
        // A purpose added later: the library's name for it.
        other => serde_json::to_value(other)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
    }
}

/// The library's serialization of `d`, with the fields this program wrote before the
/// library had one: `span` as `[start, end]`, `start`, `end`, `message`, and `start`/`end`
/// in each related place and in the fix (beside their `span`).
fn diagnostic_json(d: &Diagnostic) -> Value {
    let mut v = serde_json::to_value(d).expect("a diagnostic serializes");
    v["span"] = span_json(&d.span);
    v["start"] = json!(d.span.start);
    v["end"] = json!(d.span.end);
    v["message"] = json!(d.message());
    for (r, out) in d
        .related
        .iter()
        .zip(v["related"].as_array_mut().into_iter().flatten())
    {
        out["start"] = json!(r.span.start);
        out["end"] = json!(r.span.end);
    }
    match &d.fix {
        Some(f) => {
            v["fix"]["start"] = json!(f.span.start);
            v["fix"]["end"] = json!(f.span.end);
        }
        // As before: no `fix` field when there is none.
        None => {
            if let Some(o) = v.as_object_mut() {
                o.remove("fix");
            }
        }
    }
    v
}

fn document_json(doc: &Document, source: &str) -> Value {
    let citations: Vec<Value> = doc.citations(source).map(|c| citation_json(&c)).collect();
    let named: Vec<Value> = vanban::citation::named_citations(source)
        .map(|c| named_json(&c))
        .collect();
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
            // A kind added later: the library's serialization, with the text.
            other => {
                let mut v = serde_json::to_value(other).expect("an entry kind serializes");
                v["text"] = json!(e.text.text);
                v
            }
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
        "named_citations": named,
        "short_forms": short_forms_json(source),
        "entry_into_force": vanban::document::entry_into_force(source),
        "diagnostics": vanban::validate(doc, source).iter().map(diagnostic_json).collect::<Vec<_>>(),
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
/// A text as read: bytes checked to be UTF-8 and kept as they came, without a copy, and
/// where the text starts in them (after a byte-order mark, as `vanban::encoding::to_utf8`
/// reads it).
struct Input(Bytes, usize);

/// The bytes of an input: a file is mapped rather than copied (as ripgrep does for one
/// large file: no copy by the kernel, no fresh pages to clear), standard input is read.
enum Bytes {
    Mapped(memmap2::Mmap),
    Read(Vec<u8>),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(m) => m,
            Bytes::Read(v) => v,
        }
    }
}

impl Input {
    /// The text, checked to be UTF-8 once, here (with SIMD: std's check is slower than the
    /// citation scan on Vietnamese text). Not UTF-8: the program ends saying which legacy
    /// encoding the bytes look like.
    fn text(&self) -> &str {
        simdutf8::basic::from_utf8(&self.0[self.1..]).unwrap_or_else(|_| {
            let why = vanban::encoding::to_utf8(&self.0)
                .err()
                .map_or_else(|| "not UTF-8".to_string(), |e| e.to_string());
            eprintln!("vanban: {why}");
            std::process::exit(1)
        })
    }
}

fn read_input(arg: Option<&str>) -> Result<Input, String> {
    let bytes = match arg {
        None => return Ok(Input(Bytes::Read(SAMPLE.as_bytes().to_vec()), 0)),
        Some("-") => {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Bytes::Read(b)
        }
        Some(path) => {
            let file = std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            // SAFETY: the map is only read. Should another program change the file while it
            // is mapped, the text read may be torn (as with ripgrep's maps); the program ends
            // before the map is dropped, and the text is checked to be UTF-8 before any use.
            // An empty or unmappable file (a pipe) is read instead. The whole text is read, so
            // its pages are mapped at once (`populate`: 0.6 ms less on 34 MB than faulting
            // them in as they are first read).
            match unsafe { memmap2::MmapOptions::new().populate().map(&file) } {
                Ok(m) if !m.is_empty() => Bytes::Mapped(m),
                _ => Bytes::Read(
                    std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?,
                ),
            }
        }
    };
    let start = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    Ok(Input(bytes, start))
}

/// The library's serialization of `c`, with the flat fields this program wrote before:
/// `start`, `end`, `kind_text`, `number_start`, `number_end`, `date_text`, `system`.
fn citation_json(c: &Citation<'_>) -> Value {
    let mut v = serde_json::to_value(c).expect("a citation serializes");
    v["start"] = json!(c.span.start);
    v["end"] = json!(c.span.end);
    v["kind_text"] = json!(c.kind_text());
    v["number_start"] = json!(c.number_span.start);
    v["number_end"] = json!(c.number_span.end);
    v["date_text"] = json!(c.date_text());
    v["system"] = json!(c.number.system());
    v
}

/// The short forms of the text with what each stands for: `self`, the cited number, or null.
fn short_forms_json(source: &str) -> Value {
    let cited: Vec<Citation<'_>> = vanban::citations(source).collect();
    let all: Vec<Value> = vanban::citation::short_forms(source)
        .map(|s| {
            let mut v = serde_json::to_value(&s).expect("a short form serializes");
            v["refers_to"] = json!(vanban::citation::resolve(&s, &cited).refers_to(&cited));
            v
        })
        .collect();
    Value::Array(all)
}

/// A document cited by title: the record of a numbered citation, `number` null.
fn named_json(c: &vanban::citation::NamedCitation<'_>) -> Value {
    let mut v = serde_json::to_value(c).expect("a named citation serializes");
    v["number"] = Value::Null;
    v["start"] = json!(c.span.start);
    v["end"] = json!(c.span.end);
    v["kind_text"] = json!(c.kind_text());
    v["date_text"] = json!(c.date_text());
    v["relation"] = json!(c.relation());
    v
}

fn usage() -> ! {
    eprintln!(
        "usage: vanban [number <TEXT>... | cite [FILE|-] | count [FILE|-] | parse [FILE|-] | check [--fix] [--json] [FILE|-]]"
    );
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
            let read = input(&args);
            let text = read.text();
            let doc = Document::parse(text);
            // The documents cited by number, and those cited by title with a date or year
            // (a title alone names no one version of a law), in the order of the text.
            let mut records: Vec<(usize, Value)> = doc
                .citations(text)
                .map(|c| (c.span.start, citation_json(&c)))
                .collect();
            records.extend(
                vanban::citation::named_citations(text)
                    .filter(|c| c.date.is_some())
                    .map(|c| (c.span.start, named_json(&c))),
            );
            records.sort_by_key(|r| r.0);
            for (_, r) in records {
                let _ = writeln!(out, "{r}");
            }
        }
        // Every citation of the text read as one (no document header), only counted: the
        // library's share of the work, for timing beside `rg -c` (benches/compare_rg.sh).
        Some("count") => {
            let read = input(&args);
            let text = read.text();
            let _ = writeln!(out, "{}", vanban::citations(text).count());
        }
        Some("parse") => {
            let read = input(&args);
            let text = read.text();
            let doc = Document::parse(text);
            let _ = writeln!(out, "{}", document_json(&doc, text));
        }
        Some("check") => {
            let fix = args.iter().any(|a| a == "--fix");
            let as_json = args.iter().any(|a| a == "--json");
            let files: Vec<&String> = args[1..].iter().filter(|a| !a.starts_with("--")).collect();
            if files.len() > 1
                || args[1..]
                    .iter()
                    .any(|a| a.starts_with("--") && a != "--fix" && a != "--json")
            {
                usage();
            }
            let file = files.first().map(|s| s.as_str());
            let read = read_input(file).unwrap_or_else(|e| {
                eprintln!("vanban: {e}");
                std::process::exit(1)
            });
            let text = read.text();
            let doc = Document::parse(text);
            let diags = vanban::validate(&doc, text);
            if fix {
                let _ = write!(out, "{}", vanban::apply_fixes(text, &diags));
                return;
            }
            let name = match file {
                None => "sample.txt",
                Some("-") => "<stdin>",
                Some(f) => f,
            };
            let lines = LineIndex::new(text);
            for d in &diags {
                if as_json {
                    let _ = writeln!(out, "{}", diagnostic_json(d));
                } else {
                    let _ = write!(out, "{}", d.render(text, &lines, name));
                }
            }
            if !as_json {
                let count = |s| diags.iter().filter(|d| d.severity == s).count();
                let _ = writeln!(
                    out,
                    "{}: {} error(s), {} warning(s), {} note(s)",
                    name,
                    count(Severity::Error),
                    count(Severity::Warning),
                    count(Severity::Note)
                );
            }
            let _ = out.flush();
            if diags.iter().any(|d| d.severity == Severity::Error) {
                std::process::exit(1);
            }
        }
        _ => usage(),
    }
}
