//! The team's corpus scores, inside `cargo test` (issue 13).
//!
//! * `dev_corpus_meets_the_bars`: the 83 documents of `tests/corpus/` against their hand-made
//!   gold, as the team's `score.py` scores them (fields, citation precision / recall, citation
//!   dates), plus the agreement of each matched citation's kind with the gold's `doc_type`.
//! * `portal_pages_meet_the_bars`: the 140 pages of `tests/portal/` against the portal's weak
//!   labels, as the team's `score_portal.py` scores them.
//!
//! Both are faithful ports of the Python scorers: the same normalisations, the same matching,
//! the same counts, so that on one build the figures here equal what the scripts print for
//! `target/release/examples/vanban` (the scripts run the example program and read its JSON;
//! here the library is called directly and the same JSON values are built, see
//! [`parse_json`] and [`cite_json`]). Every miss is printed on one line; run
//! `cargo test --test corpus_score -- --nocapture` to read them and the summary tables.
//!
//! The test fails when a figure is below its bar. `TARGET_*` are the bars of issue 13; `BAR_*`
//! are the bars enforced, now the targets themselves (never lowered to let a change through).
//!
//! The figures equal the scripts' on these corpora (checked at commit 8505195: every figure and
//! every miss). Where a Python construct has no exact Rust counterpart the port says so where
//! it is made; none of these changes a figure here:
//!
//! * Unicode tables: Python 3.11's `unicodedata` is Unicode 14; `unicode-normalization` and
//!   `regex` (NFC / NFD, combining classes, `\p{Mn}`, `\d`, case) may be of a later version.
//! * Python's `\s` is Rust's `char::is_whitespace` plus U+001C..U+001F ([`is_py_space`]).
//! * `as_text` and the misses print non-string JSON with serde_json's separators, not
//!   `json.dumps`'s (never reached: the values are strings or null); `repr` is ported only
//!   for quotes, backslashes and control characters ([`py_repr`]).
//! * A run that fails (a crash, no JSON) counts as a miss in the scripts; here the library
//!   is called in the test, so a panic fails the test.
//!
//! The example's JSON is built with the library's serde serialisation, so the test needs the
//! default `serde` feature.
#![cfg(feature = "serde")]

mod common;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Value, json};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;
use vanban::Document;

// --- the bars --------------------------------------------------------------------------------

/// Issue 13's bars for the dev corpus: every field 0.97, subject, recipients and Nơi nhận 0.95.
const TARGET_DEV_NUMBER: f64 = 0.97;
const TARGET_DEV_KIND: f64 = 0.97;
const TARGET_DEV_DATE: f64 = 0.97;
const TARGET_DEV_PLACE: f64 = 0.97;
const TARGET_DEV_SUBJECT: f64 = 0.95;
const TARGET_DEV_ISSUER_NAME: f64 = 0.97;
const TARGET_DEV_SIGNER_NAME: f64 = 0.97;
const TARGET_DEV_SIGNER_AUTHORITY: f64 = 0.97;
const TARGET_DEV_RECIPIENTS: f64 = 0.95;
const TARGET_DEV_NOI_NHAN: f64 = 0.95;
/// Citations: precision and recall 0.99, dates of matched citations 0.97.
const TARGET_DEV_CITE_P: f64 = 0.99;
const TARGET_DEV_CITE_R: f64 = 0.99;
const TARGET_DEV_CITE_DATES: f64 = 0.97;
/// Not in score.py: each matched citation's kind against the gold's `doc_type` (the bar of the
/// old `corpus_score` test in tests/citation.rs).
const TARGET_DEV_CITE_KINDS: f64 = 0.99;

/// Issue 13's bars for the portal pages: number, kind, date and signer 0.95, issuer 0.90.
const TARGET_PORTAL_NUMBER: f64 = 0.95;
const TARGET_PORTAL_KIND: f64 = 0.95;
const TARGET_PORTAL_DATE: f64 = 0.95;
const TARGET_PORTAL_SIGNER: f64 = 0.95;
const TARGET_PORTAL_ISSUER: f64 = 0.90;

// The bars enforced. Every figure issue 13 names now meets its target, so the bar is the
// target itself; the comment gives the figure when the bar was set (December 2026, after the
// layout model). A bar is never lowered to let a change through.
const BAR_DEV_NUMBER: f64 = TARGET_DEV_NUMBER; // 81/83 = 0.976
const BAR_DEV_KIND: f64 = TARGET_DEV_KIND; // 81/83 = 0.976
const BAR_DEV_DATE: f64 = TARGET_DEV_DATE; // 82/83 = 0.988
const BAR_DEV_PLACE: f64 = TARGET_DEV_PLACE; // 83/83
const BAR_DEV_SUBJECT: f64 = TARGET_DEV_SUBJECT; // 82/83 = 0.988
const BAR_DEV_ISSUER_NAME: f64 = TARGET_DEV_ISSUER_NAME; // 81/83 = 0.976
const BAR_DEV_SIGNER_NAME: f64 = TARGET_DEV_SIGNER_NAME; // 79/80 = 0.988
const BAR_DEV_SIGNER_AUTHORITY: f64 = TARGET_DEV_SIGNER_AUTHORITY; // 80/80
const BAR_DEV_RECIPIENTS: f64 = TARGET_DEV_RECIPIENTS; // 80/83 = 0.964
const BAR_DEV_NOI_NHAN: f64 = TARGET_DEV_NOI_NHAN; // 83/83
const BAR_DEV_CITE_P: f64 = TARGET_DEV_CITE_P; // 993/994 = 0.999
const BAR_DEV_CITE_R: f64 = TARGET_DEV_CITE_R; // 993/994 = 0.999
const BAR_DEV_CITE_DATES: f64 = TARGET_DEV_CITE_DATES; // 745/747 = 0.997
const BAR_DEV_CITE_KINDS: f64 = TARGET_DEV_CITE_KINDS; // 991/993 = 0.998

const BAR_PORTAL_NUMBER: f64 = TARGET_PORTAL_NUMBER; // 135/140 = 0.964
const BAR_PORTAL_KIND: f64 = TARGET_PORTAL_KIND; // 135/139 = 0.971
const BAR_PORTAL_DATE: f64 = TARGET_PORTAL_DATE; // 136/140 = 0.971
const BAR_PORTAL_SIGNER: f64 = TARGET_PORTAL_SIGNER; // 139/140 = 0.993
const BAR_PORTAL_ISSUER: f64 = TARGET_PORTAL_ISSUER; // 130/140 = 0.929

/// How many documents each corpus has: the bars were measured on exactly these.
const DEV_DOCUMENTS: usize = 83;
const PORTAL_PAGES: usize = 140;

// --- reading the corpora ---------------------------------------------------------------------

/// `NAME` of every `NAME.json` with a `NAME.txt` beside it in `dir`, sorted (as the scripts
/// list them).
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let p = e.ok()?.path();
            let stem = p.file_stem()?.to_str()?.to_string();
            (p.extension()? == "json" && dir.join(format!("{stem}.txt")).exists()).then_some(stem)
        })
        .collect();
    names.sort();
    names
}

fn corpus_dir(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(sub)
}

/// The text as the example program reads it: the file's bytes, a byte-order mark skipped,
/// UTF-8 required.
fn read_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read_json(path: &Path) -> Value {
    let s = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&s).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// --- what the example program prints ----------------------------------------------------------

fn text(s: &Option<vanban::Spanned>) -> Value {
    s.as_ref()
        .map_or(Value::Null, |s| Value::String(s.text.clone()))
}

fn ser<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).expect("the library's values serialise")
}

/// The fields of `vanban parse FILE` (examples/vanban.rs, `document_json`) the scorers read,
/// built the same way: the library's own serialisation for the number (its text), the kind (its
/// label) and the date (ISO, `2023-06` without a day), the texts of the rest.
fn parse_json(doc: &Document) -> Value {
    let issuer = doc.issuer.as_ref().map_or(
        Value::Null,
        |i| json!({"parent": text(&i.parent), "name": i.name.text}),
    );
    let signatures: Vec<Value> = doc
        .signatures
        .iter()
        .map(|s| json!({"authority": s.authority, "name": text(&s.name)}))
        .collect();
    json!({
        "number": ser(doc.number.as_ref().map(|n| &n.value)),
        "kind": ser(doc.kind),
        "issuer": issuer,
        "place": text(&doc.place),
        "date": ser(doc.date),
        "subject": text(&doc.subject),
        "recipients": doc.recipients.iter().map(|r| r.text.clone()).collect::<Vec<_>>(),
        "signatures": signatures,
        "noi_nhan": doc.noi_nhan.iter().map(|e| e.text.text.clone()).collect::<Vec<_>>(),
    })
}

/// The lines of `vanban cite FILE` (`citation_json`) the scorers read: every citation of
/// another document (`Document::citations`), its number, date and kind.
fn cite_json(doc: &Document, source: &str) -> Vec<Value> {
    doc.citations(source)
        .map(|c| json!({"number": ser(&c.number), "date": ser(c.date), "kind": ser(c.kind)}))
        .collect()
}

/// The span invariant of every citation (moved here from tests/citation.rs's corpus test).
fn check_spans(name: &str, source: &str) {
    common::check_citation_spans(name, source);
}

// --- Python's helpers -------------------------------------------------------------------------

/// Python's `\s` and `str.isspace` (on `str`): Unicode White_Space, as Rust's
/// `char::is_whitespace`, plus the separators U+001C..U+001F.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `unicodedata.normalize("NFC", s)`; a text that is NFC already (most are) is only checked.
fn nfc(s: &str) -> String {
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        s.to_string()
    } else {
        s.nfc().collect()
    }
}

/// Python's `s.strip()`.
fn py_strip(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// `re.sub(r"\s+", "", s)`.
fn drop_py_space(s: &str) -> String {
    s.chars().filter(|c| !is_py_space(*c)).collect()
}

/// Python's `repr` of a string or None, as score.py prints its misses (`{h!r}`): enough of it
/// (quotes, backslash, control characters) for the lines here to read as the script's.
fn py_repr(s: Option<&str>) -> String {
    let Some(s) = s else {
        return "None".into();
    };
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// score.py's `get(d, *keys)`: the value of the first key the object has.
fn get<'v>(d: &'v Value, keys: &[&str]) -> Option<&'v Value> {
    let o = d.as_object()?;
    keys.iter().find_map(|k| o.get(*k))
}

/// score.py's `as_text`: a string, or the text / canonical field of an object, or the JSON of
/// anything else (never reached: every value the program prints is a string or null).
fn as_text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => ["canonical", "text", "value", "name"]
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str).map(str::to_string))
            .or_else(|| Some(Value::Object(o.clone()).to_string())),
        v => Some(v.to_string()),
    }
}

/// Python truthiness of an optional string.
fn truthy(s: &Option<String>) -> bool {
    s.as_deref().is_some_and(|s| !s.is_empty())
}

fn rate(ok: usize, n: usize) -> f64 {
    if n == 0 { 0.0 } else { ok as f64 / n as f64 }
}

// --- score.py's normalisations ------------------------------------------------------------------

mod dev {
    use super::*;

    /// `nfc`: NFC, and the Icelandic eth (Ð ð) to the Vietnamese đ (Đ đ).
    pub fn nfc(s: &str) -> String {
        super::nfc(s)
            .replace('\u{00D0}', "\u{0110}")
            .replace('\u{00F0}', "\u{0111}")
    }

    /// `fold`: whitespace-insensitive (gold keeps PDF-broken spacing), no `*`.
    pub fn fold(s: &str) -> String {
        drop_py_space(&nfc(s).replace('*', ""))
    }

    /// `norm_entry`: a Nơi nhận / Kính gửi item without its leading dash and trailing
    /// punctuation.
    pub fn norm_entry(s: &str) -> String {
        let f = fold(s);
        // re.sub(r"^[-–—+•]\s*", "", s): one leading mark (fold left no space after it).
        let f = f
            .strip_prefix(['-', '–', '—', '+', '•'])
            .unwrap_or(&f)
            .to_string();
        // re.sub(r"[;.,:]+$", "", s).strip()
        py_strip(f.trim_end_matches([';', '.', ',', ':'])).to_string()
    }

    static LEADING_ZEROS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^0+(\d)").unwrap());

    /// `norm_number`: no spaces, ASCII hyphens, leading zeros of the sequence number dropped
    /// (one digit kept), upper case.
    pub fn norm_number(s: &str) -> String {
        let s = drop_py_space(&nfc(s)).replace(['–', '—', '‐', '‑'], "-");
        LEADING_ZEROS.replace(&s, "$1").to_uppercase()
    }

    /// `norm_date`: the gold's `-??` of a missing day or month dropped.
    pub fn norm_date(s: Option<&str>) -> Option<String> {
        s.filter(|s| !s.is_empty()).map(|s| s.replace("-??", ""))
    }

    /// `norm_auth`: KT. / T/M / TM. compared without dots and slashes.
    pub fn norm_auth(s: &str) -> Option<String> {
        if s.is_empty() {
            return None;
        }
        Some(py_strip(&fold(s).to_uppercase().replace(['/', '.'], "")).to_string())
    }

    static MN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Mn}").unwrap());

    /// `strip_marks`: NFD without nonspacing marks (category Mn), Đ đ to D d.
    pub fn strip_marks(s: &str) -> String {
        let d: String = s.nfd().collect();
        MN.replace_all(&d, "").replace('Đ', "D").replace('đ', "d")
    }

    pub fn norm_kind(s: &str) -> Option<String> {
        Some(strip_marks(&fold(s)).to_uppercase())
    }

    static VV: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?i:v/v:?|vềviệc:?)").unwrap());

    /// The subject without a leading `V/v`, `V/v:` or `Về việc` (any case).
    pub fn norm_subject(s: &str) -> Option<String> {
        Some(VV.replace(&fold(s), "").into_owned())
    }
}

// --- the dev score ------------------------------------------------------------------------------

/// Matched / scored per field, in the order score.py prints them, and the misses.
#[derive(Default)]
struct Tally {
    ok: BTreeMap<&'static str, usize>,
    n: BTreeMap<&'static str, usize>,
    order: Vec<&'static str>,
    misses: Vec<String>,
}

impl Tally {
    /// score.py's `cmp`: `norm` applied to each side that is not None; equal, or both empty.
    fn cmp(
        &mut self,
        doc: &str,
        field: &'static str,
        want: Option<String>,
        have: Option<String>,
        norm: impl Fn(&str) -> Option<String>,
    ) {
        if !self.n.contains_key(field) {
            self.order.push(field);
        }
        *self.n.entry(field).or_default() += 1;
        let w = want.and_then(|s| norm(&s));
        let h = have.and_then(|s| norm(&s));
        if w == h || (!truthy(&w) && !truthy(&h)) {
            *self.ok.entry(field).or_default() += 1;
        } else {
            self.misses.push(format!(
                "{doc}: {field}: got {} want {}",
                py_repr(h.as_deref()),
                py_repr(w.as_deref())
            ));
        }
    }

    fn counts(&self, field: &str) -> (usize, usize) {
        (
            self.ok.get(field).copied().unwrap_or(0),
            self.n.get(field).copied().unwrap_or(0),
        )
    }
}

#[derive(Default)]
struct CiteTally {
    tp: usize,
    fp: usize,
    fn_: usize,
    dates_ok: usize,
    dates_n: usize,
    kinds_ok: usize,
    kinds_n: usize,
}

fn gold_str(g: &Value, k: &str) -> Option<String> {
    g.get(k).and_then(Value::as_str).map(str::to_string)
}

/// score.py's citation score of one document: each output mention matched to one gold mention
/// (with multiplicity, in order), first on the number as written, then, for the mentions left,
/// on the gold's official number (OCR damage, wrong case); the date compared on each matched
/// pair whose gold has a date. The kind of each matched pair is compared too (not in score.py).
fn score_citations(
    name: &str,
    g: &Value,
    got: &[Value],
    t: &mut CiteTally,
    misses: &mut Vec<String>,
) {
    use dev::{norm_date, norm_number};
    let empty = Vec::new();
    let gold_cites = g
        .get("citations")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let gold: Vec<(String, String, Option<String>, Option<String>)> = gold_cites
        .iter()
        .map(|c| {
            (
                norm_number(c["number"].as_str().unwrap_or_default()),
                norm_number(
                    c.get("official_number")
                        .and_then(Value::as_str)
                        .unwrap_or(""),
                ),
                norm_date(c.get("date").and_then(Value::as_str)),
                gold_str(c, "doc_type"),
            )
        })
        .collect();
    let mut outs: Vec<(String, Option<String>, Option<String>)> = got
        .iter()
        .map(|c| {
            (
                norm_number(&as_text(get(c, &["number"])).unwrap_or_default()),
                norm_date(as_text(get(c, &["date"])).as_deref()),
                as_text(get(c, &["kind"])),
            )
        })
        .collect();
    let mut used = vec![false; gold.len()];
    let mut pairs = Vec::new();
    for key in 0..2 {
        let mut rest = Vec::new();
        for o in outs {
            let hit = gold.iter().enumerate().position(|(i, gm)| {
                let k = if key == 0 { &gm.0 } else { &gm.1 };
                !used[i] && !k.is_empty() && *k == o.0
            });
            match hit {
                Some(i) => {
                    used[i] = true;
                    pairs.push((i, o));
                }
                None => rest.push(o),
            }
        }
        outs = rest;
    }
    t.tp += pairs.len();
    t.fp += outs.len();
    t.fn_ += used.iter().filter(|u| !**u).count();
    for o in &outs {
        misses.push(format!("{name}: false citation {}", o.0));
    }
    for (i, gm) in gold.iter().enumerate() {
        if !used[i] {
            misses.push(format!("{name}: missed citation {}", gm.0));
        }
    }
    for (i, o) in &pairs {
        let gm = &gold[*i];
        if let Some(want) = gm.2.as_ref().filter(|w| !w.is_empty()) {
            t.dates_n += 1;
            if o.1.as_ref() == Some(want) {
                t.dates_ok += 1;
            } else {
                misses.push(format!(
                    "{name}: citation {} date {} want {}",
                    gm.0,
                    py_repr(o.1.as_deref()),
                    py_repr(Some(want))
                ));
            }
        }
        if let Some(want) = &gm.3 {
            t.kinds_n += 1;
            if o.2.as_ref() == Some(want) {
                t.kinds_ok += 1;
            } else {
                misses.push(format!(
                    "{name}: citation {} kind {} want {} (not in score.py)",
                    gm.0,
                    py_repr(o.2.as_deref()),
                    py_repr(Some(want))
                ));
            }
        }
    }
}

/// score.py's parse score of one document.
fn score_fields(name: &str, g: &Value, d: &Value, t: &mut Tally) {
    use dev::*;
    let fold_ = |s: &str| Some(fold(s));
    let number = gold_str(g, "number").filter(|s| !s.is_empty());
    t.cmp(name, "number", number, as_text(get(d, &["number"])), |s| {
        Some(norm_number(s))
    });
    let mut kind_out = as_text(get(d, &["kind", "doc_type"]));
    // A letter in công văn form numbered as a "đề nghị" (ĐN) may fairly be called CV.
    if gold_str(g, "doc_type").as_deref() == Some("ĐN")
        && truthy(&kind_out)
        && norm_kind(kind_out.as_deref().unwrap()).as_deref() == Some("CV")
    {
        kind_out = Some("ĐN".into());
    }
    t.cmp(name, "kind", gold_str(g, "doc_type"), kind_out, norm_kind);
    let gold_date = norm_date(gold_str(g, "date").as_deref());
    let have_date = norm_date(as_text(get(d, &["date"])).as_deref());
    t.cmp(name, "date", gold_date, have_date, |s| Some(s.to_string()));
    t.cmp(
        name,
        "place",
        gold_str(g, "place"),
        as_text(get(d, &["place"])),
        fold_,
    );
    t.cmp(
        name,
        "subject",
        gold_str(g, "subject"),
        as_text(get(d, &["subject"])),
        norm_subject,
    );
    let iss = get(d, &["issuer"]);
    let iss_name = match iss {
        Some(i @ Value::Object(_)) => as_text(get(i, &["name"])),
        other => as_text(other),
    };
    t.cmp(
        name,
        "issuer.name",
        gold_str(g, "issuer_line"),
        iss_name,
        fold_,
    );
    let sig = g
        .get("signer")
        .filter(|s| s.is_object())
        .cloned()
        .unwrap_or(json!({}));
    let sigs = get(d, &["signatures", "signers"])
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let s0 = sigs.first().cloned().unwrap_or(json!({}));
    let s0_truthy = s0.as_object().is_some_and(|o| !o.is_empty());
    if sig.get("name").is_some_and(|n| !n.is_null()) || s0_truthy {
        t.cmp(
            name,
            "signer.name",
            gold_str(&sig, "name"),
            as_text(get(&s0, &["name"])),
            fold_,
        );
        t.cmp(
            name,
            "signer.authority",
            gold_str(&sig, "authority"),
            as_text(get(&s0, &["authority"])),
            norm_auth,
        );
    }
    let gold_list = |k: &str| -> String {
        g.get(k)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(norm_entry)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
            .join("|")
    };
    let have_list = |k: &str| -> String {
        get(d, &[k])
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .map(|x| norm_entry(&as_text(Some(x)).unwrap_or_default()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
            .join("|")
    };
    let same = |s: &str| Some(s.to_string());
    t.cmp(
        name,
        "recipients",
        Some(gold_list("recipients")),
        Some(have_list("recipients")),
        same,
    );
    t.cmp(
        name,
        "noi_nhan",
        Some(gold_list("noi_nhan")),
        Some(have_list("noi_nhan")),
        same,
    );
}

/// Checks figures against their bars: the table of figures, bars and targets written to
/// `out`, and the failures.
fn check_bars(out: &mut String, rows: &[(&str, usize, usize, f64, f64)]) -> Vec<String> {
    let mut failed = Vec::new();
    let _ = writeln!(
        out,
        "{:18} {:>9} {:>6} {:>6} {:>6}",
        "figure", "count", "rate", "bar", "target"
    );
    for &(f, ok, n, bar, target) in rows {
        let r = rate(ok, n);
        let mark = if r < bar { "  BELOW THE BAR" } else { "" };
        let _ = writeln!(
            out,
            "{f:18} {:>9} {r:>6.3} {bar:>6.3} {target:>6.3}{mark}",
            format!("{ok}/{n}")
        );
        if r < bar {
            failed.push(format!("{f} {ok}/{n} = {r:.3} < {bar}"));
        }
    }
    failed
}

#[test]
fn dev_corpus_meets_the_bars() {
    let dir = corpus_dir("corpus");
    let names = names(&dir);
    assert_eq!(
        names.len(),
        DEV_DOCUMENTS,
        "tests/corpus holds the team's dev corpus"
    );
    let mut fields = Tally::default();
    let mut cites = CiteTally::default();
    let mut misses = Vec::new();
    let mut out = String::new();
    for name in &names {
        let source = read_text(&dir.join(format!("{name}.txt")));
        let g = read_json(&dir.join(format!("{name}.json")));
        check_spans(name, &source);
        let doc = Document::parse(&source);
        // score.py runs `cite` then `parse` for each document: the misses in its order.
        score_citations(name, &g, &cite_json(&doc, &source), &mut cites, &mut misses);
        let before = fields.misses.len();
        score_fields(name, &g, &parse_json(&doc), &mut fields);
        misses.extend(fields.misses.drain(before..));
    }
    for m in &misses {
        let _ = writeln!(out, "miss dev {m}");
    }
    // score.py's table.
    for f in &fields.order {
        let (ok, n) = fields.counts(f);
        let _ = writeln!(out, "{f:18} {ok}/{n} = {:.3}", rate(ok, n));
    }
    let CiteTally {
        tp,
        fp,
        fn_,
        dates_ok,
        dates_n,
        kinds_ok,
        kinds_n,
    } = cites;
    let p = rate(tp, tp + fp);
    let r = rate(tp, tp + fn_);
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let _ = writeln!(
        out,
        "citations: tp={tp} fp={fp} fn={fn_} P={p:.3} R={r:.3} F1={f1:.3}; dates {dates_ok}/{dates_n}"
    );
    let _ = writeln!(
        out,
        "citation kinds (not in score.py) {kinds_ok}/{kinds_n} = {:.3}",
        rate(kinds_ok, kinds_n)
    );
    let field = |f: &str, bar, target| {
        let (ok, n) = fields.counts(f);
        (f.to_string(), ok, n, bar, target)
    };
    let rows = [
        field("number", BAR_DEV_NUMBER, TARGET_DEV_NUMBER),
        field("kind", BAR_DEV_KIND, TARGET_DEV_KIND),
        field("date", BAR_DEV_DATE, TARGET_DEV_DATE),
        field("place", BAR_DEV_PLACE, TARGET_DEV_PLACE),
        field("subject", BAR_DEV_SUBJECT, TARGET_DEV_SUBJECT),
        field("issuer.name", BAR_DEV_ISSUER_NAME, TARGET_DEV_ISSUER_NAME),
        field("signer.name", BAR_DEV_SIGNER_NAME, TARGET_DEV_SIGNER_NAME),
        field(
            "signer.authority",
            BAR_DEV_SIGNER_AUTHORITY,
            TARGET_DEV_SIGNER_AUTHORITY,
        ),
        field("recipients", BAR_DEV_RECIPIENTS, TARGET_DEV_RECIPIENTS),
        field("noi_nhan", BAR_DEV_NOI_NHAN, TARGET_DEV_NOI_NHAN),
        (
            "citations.P".to_string(),
            tp,
            tp + fp,
            BAR_DEV_CITE_P,
            TARGET_DEV_CITE_P,
        ),
        (
            "citations.R".to_string(),
            tp,
            tp + fn_,
            BAR_DEV_CITE_R,
            TARGET_DEV_CITE_R,
        ),
        (
            "citations.dates".to_string(),
            dates_ok,
            dates_n,
            BAR_DEV_CITE_DATES,
            TARGET_DEV_CITE_DATES,
        ),
        (
            "citations.kinds".to_string(),
            kinds_ok,
            kinds_n,
            BAR_DEV_CITE_KINDS,
            TARGET_DEV_CITE_KINDS,
        ),
    ];
    let rows: Vec<_> = rows
        .iter()
        .map(|(f, a, b, c, d)| (f.as_str(), *a, *b, *c, *d))
        .collect();
    let failed = check_bars(&mut out, &rows);
    // One block, not lines interleaved with the other test's, after a line break (libtest's
    // progress dot may end the line before).
    print!("\n{out}");
    assert!(failed.is_empty(), "dev corpus below the bars: {failed:?}");
}

// --- score_portal.py's normalisations -----------------------------------------------------------

mod portal {
    use super::*;

    /// Labels that say nothing (`known`).
    const UNKNOWN: [&str; 9] = [
        "",
        "đã biết",
        "đang cập nhật",
        "***",
        "không xác định",
        "none",
        "null",
        "-",
        "...",
    ];

    pub fn nfc(s: &str) -> String {
        super::nfc(s)
    }

    /// `known(v)`: a label with a usable value.
    pub fn known(v: Option<&Value>) -> bool {
        let s = match v {
            None | Some(Value::Null) => return false,
            Some(Value::String(s)) => s.clone(),
            // str(v) of a non-string: never reached, the labels are strings.
            Some(v) => v.to_string(),
        };
        !UNKNOWN.contains(&py_strip(&nfc(&s)).to_lowercase().as_str())
    }

    /// `fold`: NFC, đ to d, no diacritics (canonical combining class > 0), lower case, every run
    /// of characters other than a-z0-9 to one space.
    pub fn fold(s: &str) -> String {
        let s = nfc(s).replace('Đ', "D").replace('đ', "d").replace('Ð', "D");
        let bare: String = s
            .nfd()
            .filter(|c| canonical_combining_class(*c) == 0)
            .collect();
        let lower = bare.to_lowercase();
        let spaced: String = lower
            .chars()
            .map(|c| {
                if c.is_ascii_digit() || c.is_ascii_lowercase() {
                    c
                } else {
                    ' '
                }
            })
            .collect();
        spaced.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    static SO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(SỐ|SO)[\s\x1C-\x1F]*:?").unwrap());
    static ZEROS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^0+(\d)").unwrap());

    /// `norm_number`: NFC, Ð đ to Đ, upper case, a leading `Số:` dropped, no whitespace, en /
    /// em dash to `-`; `lenient`: leading zeros of the sequence number dropped too.
    pub fn norm_number(s: &str, lenient: bool) -> String {
        let s = nfc(s).replace(['Ð', 'đ'], "Đ").to_uppercase();
        let s = SO.replace(py_strip(&s), "").into_owned();
        let s = drop_py_space(&s).replace(['–', '—'], "-");
        if lenient {
            // re.sub(r"^0+(?=\d)", "", s): every zero followed by a digit.
            ZEROS.replace(&s, "$1").into_owned()
        } else {
            s
        }
    }

    static ISO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{1,2})-(\d{1,2})").unwrap());
    static DMY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$").unwrap());

    /// `norm_date`: `YYYY-MM-DD` from an ISO or a d/m/y date, else None.
    pub fn norm_date(s: &str) -> Option<String> {
        let s = py_strip(s);
        if s.is_empty() {
            return None;
        }
        let n = |m: &regex::Captures, i: usize| m[i].parse::<u32>().unwrap_or(0);
        if let Some(m) = ISO.captures(s) {
            return Some(format!("{:04}-{:02}-{:02}", n(&m, 1), n(&m, 2), n(&m, 3)));
        }
        // Python's `$` also matches before a final line break.
        let t = s.strip_suffix('\n').unwrap_or(s);
        DMY.captures(t)
            .map(|m| format!("{:04}-{:02}-{:02}", n(&m, 3), n(&m, 2), n(&m, 1)))
    }

    static SUBJECT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(v v|ve viec|ve)[\s\x1C-\x1F]+").unwrap());

    pub fn norm_subject(s: &str) -> String {
        SUBJECT.replace(&fold(s), "").into_owned()
    }

    /// `date_in_text`: the ISO date written in the folded text as "ngày d tháng m năm y" or
    /// d/m/y, leading zeros optional: the regular expression
    /// `ngay\s+0?{d}\s+thang\s+0?{m}\s+nam\s+{y}|\b0?{d}\s+0?{m}\s+{y}\b`, matched by hand
    /// (compiling one expression per date took seconds in a debug build). In the folded text
    /// every run of whitespace is one space and every character is a-z, 0-9 or a space, so
    /// the expression matches exactly where one of its four spellings (each `0?` present or
    /// not) occurs, the second form only between word boundaries.
    pub fn date_in_text(iso: &str, ftext: &str) -> bool {
        let mut parts = iso.split('-');
        let (Some(y), Some(mo), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            panic!("related date {iso:?} is not ISO");
        };
        let (mo, d): (u32, u32) = (mo.parse().unwrap(), d.parse().unwrap());
        let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        for z1 in ["", "0"] {
            for z2 in ["", "0"] {
                if ftext.contains(&format!("ngay {z1}{d} thang {z2}{mo} nam {y}")) {
                    return true;
                }
                let needle = format!("{z1}{d} {z2}{mo} {y}");
                let mut from = 0;
                while let Some(i) = ftext[from..].find(&needle) {
                    let (start, end) = (from + i, from + i + needle.len());
                    // \b on both sides: the needle starts and ends with a digit.
                    if !word(ftext[..start].chars().next_back())
                        && !word(ftext[end..].chars().next())
                    {
                        return true;
                    }
                    from = start + 1;
                }
            }
        }
        false
    }

    /// `difflib.SequenceMatcher(None, a, b).ratio()`, ported with its defaults: no junk
    /// function, `autojunk` (in a `b` of 200 elements or more, elements that make up more than
    /// 1% + 1 of it are left out of the index, though matches still extend over them).
    pub fn ratio(a: &str, b: &str) -> f64 {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut b2j: BTreeMap<char, Vec<usize>> = BTreeMap::new();
        for (j, c) in b.iter().enumerate() {
            b2j.entry(*c).or_default().push(j);
        }
        if b.len() >= 200 {
            let ntest = b.len() / 100 + 1;
            b2j.retain(|_, idx| idx.len() <= ntest);
        }
        let longest = |alo: usize, ahi: usize, blo: usize, bhi: usize| {
            let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0);
            let mut j2len: BTreeMap<usize, usize> = BTreeMap::new();
            for (i, ai) in a.iter().enumerate().take(ahi).skip(alo) {
                let mut new = BTreeMap::new();
                if let Some(js) = b2j.get(ai) {
                    for &j in js {
                        if j < blo {
                            continue;
                        }
                        if j >= bhi {
                            break;
                        }
                        let k = j
                            .checked_sub(1)
                            .and_then(|p| j2len.get(&p))
                            .copied()
                            .unwrap_or(0)
                            + 1;
                        new.insert(j, k);
                        if k > bestsize {
                            (besti, bestj, bestsize) = (i + 1 - k, j + 1 - k, k);
                        }
                    }
                }
                j2len = new;
            }
            // No junk: extend the best match by equal elements on each side (the popular
            // elements are not junk).
            while besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1] {
                (besti, bestj, bestsize) = (besti - 1, bestj - 1, bestsize + 1);
            }
            while besti + bestsize < ahi
                && bestj + bestsize < bhi
                && a[besti + bestsize] == b[bestj + bestsize]
            {
                bestsize += 1;
            }
            (besti, bestj, bestsize)
        };
        let mut matches = 0;
        let mut queue = vec![(0, a.len(), 0, b.len())];
        while let Some((alo, ahi, blo, bhi)) = queue.pop() {
            let (i, j, k) = longest(alo, ahi, blo, bhi);
            if k > 0 {
                matches += k;
                if alo < i && blo < j {
                    queue.push((alo, i, blo, j));
                }
                if i + k < ahi && j + k < bhi {
                    queue.push((i + k, ahi, j + k, bhi));
                }
            }
        }
        let total = a.len() + b.len();
        if total == 0 {
            1.0
        } else {
            2.0 * matches as f64 / total as f64
        }
    }

    pub const ABBREV: [(&str, &str); 4] = [
        (r"\bubnd\b", "uy ban nhan dan"),
        (r"\bhdnd\b", "hoi dong nhan dan"),
        (r"\btp\b", "thanh pho"),
        (r"\bub\b", "uy ban"),
    ];
}

/// One field's comparison on one page: agree?, want, got, and the auxiliary figures.
struct Scored {
    ok: bool,
    want: Value,
    got: Value,
    aux: Vec<(&'static str, bool)>,
    found: usize,
    total: usize,
    ratio: Option<f64>,
}

impl Scored {
    fn new(ok: bool, want: Value, got: Value) -> Self {
        Scored {
            ok,
            want,
            got,
            aux: Vec::new(),
            found: 0,
            total: 0,
            ratio: None,
        }
    }

    fn aux(mut self, k: &'static str, v: bool) -> Self {
        self.aux.push((k, v));
        self
    }
}

/// score_portal.py's `compare`: each field the label scores.
fn compare(meta: &Value, source: &str, p: &Value, cites: &[Value]) -> Vec<(&'static str, Scored)> {
    use portal::*;
    static ABBREV: LazyLock<Vec<(Regex, &str)>> = LazyLock::new(|| {
        portal::ABBREV
            .iter()
            .map(|(a, b)| (Regex::new(a).unwrap(), *b))
            .collect()
    });
    let mut out = Vec::new();
    let ftext = fold(source);
    let s = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
    // number
    if known(meta.get("number")) {
        let exp = s(meta.get("number")).unwrap_or_default();
        let got = p.get("number").cloned().unwrap_or(Value::Null);
        let g = got
            .as_str()
            .map(str::to_string)
            .or_else(|| (!got.is_null()).then(|| got.to_string()));
        let ok = g
            .as_deref()
            .is_some_and(|g| norm_number(&exp, false) == norm_number(g, false));
        let lenient = g
            .as_deref()
            .is_some_and(|g| norm_number(&exp, true) == norm_number(g, true));
        let in_text = norm_number(source, false).contains(&norm_number(&exp, false));
        out.push((
            "number",
            Scored::new(ok, json!(exp), got)
                .aux("lenient", lenient)
                .aux("in_text", in_text),
        ));
    }
    // kind
    if let Some(lab) = s(meta.get("kind_abbr")).filter(|l| !l.is_empty() && known(meta.get("kind")))
    {
        let got = p.get("kind").cloned().unwrap_or(Value::Null);
        let want = format!("{} ({lab})", s(meta.get("kind")).unwrap_or_default());
        out.push((
            "kind",
            Scored::new(got.as_str() == Some(&lab), json!(want), got),
        ));
    }
    // date
    let meta_date = match meta.get("date") {
        Some(Value::String(d)) => d.clone(),
        _ => String::new(),
    };
    if let Some(exp) = norm_date(&meta_date) {
        let got = p.get("date").cloned().unwrap_or(Value::Null);
        let ok = got.as_str() == Some(&exp);
        let in_text = date_in_text(&exp, &ftext);
        out.push((
            "date",
            Scored::new(ok, json!(exp), got).aux("in_text", in_text),
        ));
    }
    // issuer
    if known(meta.get("issuer")) {
        let exp = s(meta.get("issuer")).unwrap_or_default();
        let m = fold(&exp);
        let m2 = m
            .strip_prefix("tinh ")
            .or_else(|| m.strip_prefix("thanh pho "))
            .map_or(m.clone(), |r| r.trim_start().to_string());
        let iss = p
            .get("issuer")
            .filter(|i| i.as_object().is_some_and(|o| !o.is_empty()));
        let part = |k: &str| iss.and_then(|i| s(i.get(k))).filter(|x| !x.is_empty());
        let mut lib = [part("name"), part("parent")]
            .iter()
            .flatten()
            .map(|x| fold(x))
            .collect::<Vec<_>>()
            .join(" ");
        for (a, b) in ABBREV.iter() {
            lib = a.replace_all(&lib, *b).into_owned();
        }
        // An issuer that swallowed the quốc hiệu line is not the issuer, whatever it holds.
        let ok = !lib.is_empty()
            && !lib.contains("cong hoa xa hoi chu nghia")
            && (format!(" {lib} ").contains(&format!(" {m2} "))
                || format!(" {lib} ").contains(&format!(" {m} ")));
        let got = iss.map_or(Value::Null, |_| {
            let parent = part("parent")
                .map(|x| format!("{x} / "))
                .unwrap_or_default();
            json!(parent + &iss.and_then(|i| s(i.get("name"))).unwrap_or_default())
        });
        let in_text = format!(" {ftext} ").contains(&format!(" {m2} "));
        out.push((
            "issuer",
            Scored::new(ok, json!(exp), got).aux("in_text", in_text),
        ));
    }
    // signer
    let wanted: Vec<String> = match meta.get("signer") {
        Some(Value::String(x)) => {
            static SPLIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[;,]| và ").unwrap());
            SPLIT
                .split(&nfc(x))
                .map(fold)
                .filter(|f| !f.is_empty())
                .collect()
        }
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(fold)
            .filter(|f| !f.is_empty())
            .collect(),
        _ => Vec::new(),
    };
    if !wanted.is_empty() {
        let sigs = p
            .get("signatures")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let names: Vec<String> = sigs
            .iter()
            .filter_map(|x| s(x.get("name")).filter(|n| !n.is_empty()))
            .map(|n| fold(&n))
            .collect();
        let ok = wanted.iter().any(|w| {
            names.iter().any(|n| {
                w == n
                    || (w.chars().count() >= 6
                        && n.chars().count() >= 6
                        && (w.contains(n.as_str()) || n.contains(w.as_str())))
            })
        });
        let got: Vec<Value> = sigs
            .iter()
            .map(|x| x.get("name").cloned().unwrap_or(Value::Null))
            .collect();
        let in_text = wanted
            .iter()
            .any(|w| format!(" {ftext} ").contains(&format!(" {w} ")));
        let want = meta.get("signer").cloned().unwrap_or(Value::Null);
        out.push((
            "signer",
            Scored::new(ok, want, json!(got)).aux("in_text", in_text),
        ));
    }
    // subject
    if known(meta.get("subject_portal")) {
        let exp = s(meta.get("subject_portal")).unwrap_or_default();
        let got = p.get("subject").cloned().unwrap_or(Value::Null);
        let a = norm_subject(&exp);
        let b = norm_subject(got.as_str().unwrap_or(""));
        let r = if b.is_empty() { 0.0 } else { ratio(&a, &b) };
        let mut sc = Scored::new(a == b, json!(exp), got).aux("fuzzy", r >= 0.8);
        sc.ratio = Some(r);
        out.push(("subject", sc));
    }
    // citations: related documents issued on or before the document, whose date the text writes
    if let Some(related) = meta.get("related_dates").filter(|r| !r.is_null()) {
        let own = norm_date(&meta_date);
        let rel: BTreeSet<String> = related
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .filter(|d| !d.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let rel: Vec<String> = rel
            .into_iter()
            .filter(|d| own.as_ref().is_none_or(|o| d <= o))
            .filter(|d| date_in_text(d, &ftext))
            .collect();
        if !rel.is_empty() {
            let have: BTreeSet<String> = cites
                .iter()
                .filter_map(|c| {
                    c.get("date")
                        .and_then(Value::as_str)
                        .filter(|d| !d.is_empty())
                })
                .map(str::to_string)
                .collect();
            let missed: Vec<&String> = rel.iter().filter(|d| !have.contains(*d)).collect();
            // The miss shows the dates not found (the script's --misses file shows every date
            // of the output instead).
            let mut sc = Scored::new(missed.is_empty(), json!(rel), json!(missed));
            sc.found = rel.len() - missed.len();
            sc.total = rel.len();
            out.push(("citations", sc));
        }
    }
    out
}

#[test]
fn portal_pages_meet_the_bars() {
    const FIELDS: [&str; 7] = [
        "number",
        "kind",
        "date",
        "issuer",
        "signer",
        "subject",
        "citations",
    ];
    const AUX: [&str; 7] = [
        "number.lenient",
        "number.in_text",
        "date.in_text",
        "issuer.in_text",
        "signer.in_text",
        "subject.fuzzy",
        "citations.recall",
    ];
    let dir = corpus_dir("portal");
    let names = names(&dir);
    assert_eq!(
        names.len(),
        PORTAL_PAGES,
        "tests/portal holds the development half"
    );
    let mut agree: BTreeMap<&str, usize> = BTreeMap::new();
    let mut scored: BTreeMap<&str, usize> = BTreeMap::new();
    let mut aux: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut out = String::new();
    for name in &names {
        let source = read_text(&dir.join(format!("{name}.txt")));
        let meta = read_json(&dir.join(format!("{name}.json")));
        check_spans(name, &source);
        let doc = Document::parse(&source);
        for (f, sc) in compare(&meta, &source, &parse_json(&doc), &cite_json(&doc, &source)) {
            *scored.entry(f).or_default() += 1;
            *agree.entry(f).or_default() += usize::from(sc.ok);
            for (k, v) in &sc.aux {
                let e = aux.entry(format!("{f}.{k}")).or_default();
                e.0 += usize::from(*v);
                e.1 += 1;
            }
            if f == "citations" {
                let e = aux.entry("citations.recall".into()).or_default();
                e.0 += sc.found;
                e.1 += sc.total;
            }
            if !sc.ok {
                let ratio = sc
                    .ratio
                    .map(|r| format!(" (ratio {r:.3})"))
                    .unwrap_or_default();
                let (got, want) = if f == "citations" {
                    (format!("missed {}", sc.got), format!("{}", sc.want))
                } else {
                    (sc.got.to_string(), sc.want.to_string())
                };
                let _ = writeln!(out, "miss portal {name}: {f}: got {got} want {want}{ratio}");
            }
        }
    }
    // score_portal.py's table.
    let count = |f: &str| {
        (
            agree.get(f).copied().unwrap_or(0),
            scored.get(f).copied().unwrap_or(0),
        )
    };
    for f in FIELDS {
        let (ok, n) = count(f);
        let _ = writeln!(out, "{f:18} {ok}/{n} = {:.3}", rate(ok, n));
    }
    for k in AUX {
        let (ok, n) = aux.get(k).copied().unwrap_or((0, 0));
        let _ = writeln!(out, "{k:18} {ok}/{n} = {:.3}", rate(ok, n));
    }
    let row = |f: &'static str, bar, target| {
        let (ok, n) = count(f);
        (f, ok, n, bar, target)
    };
    let failed = check_bars(
        &mut out,
        &[
            row("number", BAR_PORTAL_NUMBER, TARGET_PORTAL_NUMBER),
            row("kind", BAR_PORTAL_KIND, TARGET_PORTAL_KIND),
            row("date", BAR_PORTAL_DATE, TARGET_PORTAL_DATE),
            row("issuer", BAR_PORTAL_ISSUER, TARGET_PORTAL_ISSUER),
            row("signer", BAR_PORTAL_SIGNER, TARGET_PORTAL_SIGNER),
        ],
    );
    // After a line break: libtest's progress dot may end the line before.
    print!("\n{out}");
    assert!(failed.is_empty(), "portal pages below the bars: {failed:?}");
}

/// The hand-made `date_in_text` agrees with score_portal.py's regular expression on folded
/// texts (a-z, 0-9 and single spaces: the only texts it is given).
#[test]
fn date_in_text_is_the_scripts_expression() {
    let texts = [
        "ngay 5 thang 3 nam 2025",
        "ngay 05 thang 03 nam 20251",
        "xngay 5 thang 03 nam 2025 x",
        "ngay 15 thang 3 nam 2025",
        "so 12 ngay 5 3 2025 cua",
        "105 3 2025",
        "05 3 2025x",
        "a05 03 2025",
        "5 03 2025",
        "05 3 20250",
        "ngay 5 thang 13 nam 2025",
        "",
    ];
    for iso in ["2025-03-05", "2025-3-5", "2025-10-15"] {
        let mut p = iso.split('-');
        let (y, m, d) = (p.next().unwrap(), p.next().unwrap(), p.next().unwrap());
        let (m, d): (u32, u32) = (m.parse().unwrap(), d.parse().unwrap());
        let re = Regex::new(&format!(
            r"ngay\s+0?{d}\s+thang\s+0?{m}\s+nam\s+{y}|\b0?{d}\s+0?{m}\s+{y}\b"
        ))
        .unwrap();
        for t in texts {
            assert_eq!(
                portal::date_in_text(iso, t),
                re.is_match(t),
                "{iso} in {t:?}"
            );
        }
    }
}
