//! The library's serde output, used as a downstream crate would use it: every document of
//! the corpus and every portal page is parsed, its `Document`, citations and diagnostics are
//! written with `serde_json` and read back equal, and the JSON is checked against the schema
//! checked in at `schema/vanban.schema.json`.
#![cfg(feature = "serde")]

use std::path::Path;

use serde_json::Value;
use vanban::{Diagnostic, Document, OwnedCitation};

/// Every `.txt` of `tests/corpus` and `tests/portal`, with its name.
fn texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["tests/corpus", "tests/portal"] {
        let mut paths: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
            .expect("the corpus is in the repository")
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
            .collect();
        paths.sort();
        for p in paths {
            let bytes = std::fs::read(&p).unwrap();
            if let Ok(text) = String::from_utf8(bytes) {
                out.push((p.display().to_string(), text));
            }
        }
    }
    assert!(out.len() > 100, "{} texts", out.len());
    out
}

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/vanban.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("the schema is JSON")
}

#[test]
fn documents_citations_and_diagnostics_read_back_equal() {
    let mut citations = 0;
    let mut diagnostics = 0;
    for (name, text) in texts() {
        let doc = Document::parse(&text);
        let json = serde_json::to_string(&doc).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back, doc, "{name}");

        for c in doc.citations(&text) {
            let json = serde_json::to_string(&c).unwrap();
            let back: OwnedCitation = serde_json::from_str(&json).unwrap();
            assert_eq!(back, c.into_owned(), "{name}");
            citations += 1;
        }
        for d in vanban::validate(&doc, &text) {
            let json = serde_json::to_string(&d).unwrap();
            let back: Diagnostic = serde_json::from_str(&json).unwrap();
            assert_eq!(back, d, "{name}");
            diagnostics += 1;
        }
    }
    assert!(
        citations > 1000 && diagnostics > 100,
        "{citations} {diagnostics}"
    );
}

#[test]
fn real_output_follows_the_schema() {
    let schema = schema();
    let defs = &schema["$defs"];
    for (name, text) in texts() {
        let doc = Document::parse(&text);
        let v = serde_json::to_value(&doc).unwrap();
        check(&v, &defs["Document"], defs, &format!("{name}: document"));
        for c in doc.citations(&text) {
            let v = serde_json::to_value(&c).unwrap();
            check(&v, &defs["Citation"], defs, &format!("{name}: citation"));
        }
        for d in vanban::validate(&doc, &text) {
            let v = serde_json::to_value(&d).unwrap();
            check(
                &v,
                &defs["Diagnostic"],
                defs,
                &format!("{name}: diagnostic"),
            );
        }
    }
}

#[test]
fn the_schema_rejects_what_is_not_output() {
    let schema = schema();
    let defs = &schema["$defs"];
    let text = "Số: 12/UBND-VX\nLai Châu, ngày 13 tháng 6 năm 2023\n";
    let d = &vanban::validate(&Document::parse(text), text)[0];
    let mut v = serde_json::to_value(d).unwrap();
    assert!(valid(&v, &defs["Diagnostic"], defs));
    v["severity"] = Value::from("fatal");
    assert!(!valid(&v, &defs["Diagnostic"], defs), "an unknown severity");
    let mut v = serde_json::to_value(d).unwrap();
    v.as_object_mut().unwrap().remove("span");
    assert!(!valid(&v, &defs["Diagnostic"], defs), "a missing span");
    let mut v = serde_json::to_value(d).unwrap();
    v["extra"] = Value::from(1);
    assert!(!valid(&v, &defs["Diagnostic"], defs), "an undeclared field");
}

fn check(v: &Value, s: &Value, defs: &Value, at: &str) {
    if let Err(e) = validate(v, s, defs, at) {
        panic!("{e}");
    }
}

fn valid(v: &Value, s: &Value, defs: &Value) -> bool {
    validate(v, s, defs, "").is_ok()
}

/// The part of JSON Schema (2020-12) the checked-in schema uses: `$ref` to `#/$defs/…`,
/// `type` (one or a list), `enum`, `const`, `properties`, `required`,
/// `additionalProperties: false`, `items`, `oneOf`, `minimum`, `minLength` and `pattern`
/// (checked with `regex`, whose syntax covers the schema's patterns).
fn validate(v: &Value, s: &Value, defs: &Value, at: &str) -> Result<(), String> {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local references");
        return validate(v, &defs[name], defs, &format!("{at} ({name})"));
    }
    if let Some(types) = s.get("type") {
        let names: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => panic!("type is a string or a list"),
        };
        let ok = names.iter().any(|t| match *t {
            "null" => v.is_null(),
            "boolean" => v.is_boolean(),
            "integer" => v.is_u64() || v.is_i64(),
            "number" => v.is_number(),
            "string" => v.is_string(),
            "array" => v.is_array(),
            "object" => v.is_object(),
            other => panic!("type {other}"),
        });
        if !ok {
            return Err(format!("{at}: {v} is not {names:?}"));
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array)
        && !e.contains(v)
    {
        return Err(format!("{at}: {v} is not one of {e:?}"));
    }
    if let Some(c) = s.get("const")
        && c != v
    {
        return Err(format!("{at}: {v} is not {c}"));
    }
    if let (Some(m), Some(n)) = (s.get("minimum").and_then(Value::as_u64), v.as_u64())
        && n < m
    {
        return Err(format!("{at}: {n} < {m}"));
    }
    if let (Some(m), Some(t)) = (s.get("minLength").and_then(Value::as_u64), v.as_str())
        && (t.chars().count() as u64) < m
    {
        return Err(format!("{at}: {t:?} is shorter than {m}"));
    }
    if let (Some(p), Some(t)) = (s.get("pattern").and_then(Value::as_str), v.as_str())
        && !regex::Regex::new(p).unwrap().is_match(t)
    {
        return Err(format!("{at}: {t:?} does not match {p}"));
    }
    if let Some(options) = s.get("oneOf").and_then(Value::as_array) {
        let matching = options
            .iter()
            .filter(|o| validate(v, o, defs, at).is_ok())
            .count();
        if matching != 1 {
            return Err(format!("{at}: {v} matches {matching} of oneOf"));
        }
    }
    if let Some(o) = v.as_object() {
        let props = s.get("properties").and_then(Value::as_object);
        if let Some(req) = s.get("required").and_then(Value::as_array) {
            for r in req.iter().filter_map(Value::as_str) {
                if !o.contains_key(r) {
                    return Err(format!("{at}: no `{r}`"));
                }
            }
        }
        for (k, x) in o {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => validate(x, ps, defs, &format!("{at}.{k}"))?,
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    return Err(format!("{at}: undeclared `{k}`"));
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(a)) = (s.get("items"), v.as_array()) {
        for (i, x) in a.iter().enumerate() {
            validate(x, items, defs, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}
