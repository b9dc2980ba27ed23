//! `vanban`: read Vietnamese official documents from files, folders, globs or standard input
//! and write what they hold as JSON Lines, JSON or text.
//!
//! ```text
//! vanban parse tests/corpus/ > out.jsonl     every document, one JSON object a line
//! vanban cite decree.txt --format text      the citations, one a line
//! cat letter.txt | vanban check             rustc-style diagnostics; exit 1 on an error
//! vanban check --select VB1 --min-severity warning docs/
//! vanban number 30/2020/nđ-cp 12/UBND-VP
//! vanban completions bash > vanban.bash
//! ```
//!
//! Exit codes: 0 done, 1 findings (`check` found an error, `number` read none of its
//! inputs), 2 a usage or input error (every unreadable file is named on standard error;
//! the others are still read).

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use serde_json::json;
use vanban::{Diagnostic, DocNumber, Document, Severity};

/// Read Vietnamese official documents (văn bản hành chính, quy phạm pháp luật, văn bản của
/// Đảng) into typed, validated JSON.
#[derive(Parser)]
#[command(name = "vanban", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse each document: header, addressees, bases, outline, signatures, Nơi nhận.
    Parse(Inputs),
    /// The citations of other documents in each text.
    Cite(Inputs),
    /// The diagnostics of each document, rustc style (or JSON); exit 1 if any is an error.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        /// Report only these codes or code prefixes (`VB1`, `VB201,VB205`).
        #[arg(long, value_delimiter = ',', value_name = "CODES")]
        select: Vec<String>,
        /// Leave out these codes or code prefixes.
        #[arg(long, value_delimiter = ',', value_name = "CODES")]
        ignore: Vec<String>,
        /// Leave out diagnostics below this severity.
        #[arg(long, value_name = "SEVERITY", default_value = "note")]
        min_severity: Severity,
    },
    /// Parse numbers (số, ký hiệu) given as arguments, one JSON object each.
    Number {
        /// The numbers (`30/2020/NĐ-CP`, `12/UBND-VP`, `08-NQ/TU` …).
        #[arg(required = true)]
        numbers: Vec<String>,
        /// How to write the output.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(clap::Args)]
struct Inputs {
    /// Files, folders (read recursively) and glob patterns; `-` or nothing reads standard
    /// input when it is piped.
    paths: Vec<String>,
    /// How to write the output: one JSON object a line, one JSON array, or text.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// The file extensions read in folders.
    #[arg(long, value_delimiter = ',', default_value = "txt,md")]
    ext: Vec<String>,
    /// Threads (all cores when not given).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object a line, each with the input's `path`.
    Jsonl,
    /// One JSON array of those objects.
    Json,
    /// Text for people.
    Text,
}

/// One input: where it comes from (a path, or `-` for standard input).
struct Source {
    name: String,
    path: Option<PathBuf>,
}

/// What reading one input gave: its records, text lines and findings.
#[derive(Default)]
struct Output {
    /// The records, one JSON object a line, written as they are made: no tree of values
    /// is built for them.
    records: Vec<u8>,
    /// The text for `--format text`.
    text: String,
    /// How many findings (errors, for `check`).
    errors: usize,
    /// Which of the two is wanted.
    want_text: bool,
}

impl Output {
    fn new(format: Format) -> Output {
        Output {
            want_text: format == Format::Text,
            ..Output::default()
        }
    }

    /// Appends `value` as one JSON line, the input's `path` first, and `extra` fields after
    /// it (a `check` record's line and column).
    fn record(&mut self, path: &str, extra: Option<(usize, usize)>, value: &impl serde::Serialize) {
        #[derive(serde::Serialize)]
        struct Record<'a, T> {
            path: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            line: Option<usize>,
            #[serde(skip_serializing_if = "Option::is_none")]
            column: Option<usize>,
            #[serde(flatten)]
            value: &'a T,
        }
        let r = Record {
            path,
            line: extra.map(|e| e.0),
            column: extra.map(|e| e.1),
            value,
        };
        serde_json::to_writer(&mut self.records, &r).expect("the library's values serialize");
        self.records.push(b'\n');
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "vanban", &mut io::stdout());
            ExitCode::SUCCESS
        }
        Command::Number { numbers, format } => number(&numbers, format),
        Command::Parse(inputs) => run(&inputs, Format::Jsonl, parse),
        Command::Cite(inputs) => run(&inputs, Format::Jsonl, cite),
        Command::Check {
            inputs,
            select,
            ignore,
            min_severity,
        } => {
            let filter = Filter {
                select,
                ignore,
                min_severity,
            };
            run(&inputs, Format::Text, |name, text, format| {
                check(name, text, format, &filter)
            })
        }
    }
}

/// Reads every input (in parallel, output in input order), writes the output, and gives
/// the exit code.
fn run(
    inputs: &Inputs,
    default: Format,
    read: impl Fn(&str, &str, Format) -> Output + Sync,
) -> ExitCode {
    let format = inputs.format.unwrap_or(default);
    let (sources, mut input_errors) = match sources(inputs) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("vanban: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(n) = inputs.jobs {
        // Only fails when a pool exists already, which it cannot here.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let progress = (io::stderr().is_terminal() && sources.len() > 50).then(|| {
        let bar = indicatif::ProgressBar::new(sources.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut findings = 0;
    let mut first = true;
    if format == Format::Json {
        let _ = out.write_all(b"[");
    }
    // In batches, so that the output of a large folder is not all held at once.
    for batch in sources.chunks(256) {
        let results: Vec<Result<Output, String>> = batch
            .par_iter()
            .map(|s| {
                let r = read_text(s).map(|text| read(&s.name, &text, format));
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
                r
            })
            .collect();
        for r in results {
            match r {
                Ok(o) => {
                    findings += o.errors;
                    if write(&mut out, &o, format, &mut first).is_err() {
                        // A closed pipe (`| head`): nothing more can be written.
                        return ExitCode::SUCCESS;
                    }
                }
                Err(e) => {
                    input_errors += 1;
                    eprintln!("vanban: {e}");
                }
            }
        }
    }
    if format == Format::Json {
        let _ = out.write_all(b"]\n");
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if out.flush().is_err() {
        return ExitCode::SUCCESS;
    }
    if input_errors > 0 {
        ExitCode::from(2)
    } else if findings > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn write(out: &mut impl Write, o: &Output, format: Format, first: &mut bool) -> io::Result<()> {
    match format {
        Format::Text => out.write_all(o.text.as_bytes()),
        Format::Jsonl => out.write_all(&o.records),
        Format::Json => {
            // The lines, as the items of one array.
            for r in o.records.split(|&b| b == b'\n').filter(|r| !r.is_empty()) {
                if !std::mem::take(first) {
                    out.write_all(b",")?;
                }
                out.write_all(r)?;
            }
            Ok(())
        }
    }
}

/// The inputs the arguments name, in order: folders walked (sorted), globs expanded, `-`
/// or nothing for standard input. Paths that name nothing are counted as input errors.
fn sources(inputs: &Inputs) -> Result<(Vec<Source>, usize), String> {
    let mut out = Vec::new();
    let mut missing = 0;
    let stdin = || Source {
        name: "<stdin>".to_string(),
        path: None,
    };
    if inputs.paths.is_empty() {
        if io::stdin().is_terminal() {
            return Err(
                "no input: give files, folders or globs, or pipe a text in (see --help)"
                    .to_string(),
            );
        }
        out.push(stdin());
    }
    for arg in &inputs.paths {
        if arg == "-" {
            out.push(stdin());
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            walk(path, &inputs.ext, &mut out).map_err(|e| format!("cannot read {arg}: {e}"))?;
        } else if path.exists() {
            out.push(file(path));
        } else if arg.contains(['*', '?', '[']) {
            let matches = glob::glob(arg).map_err(|e| format!("bad pattern {arg}: {e}"))?;
            let before = out.len();
            for m in matches {
                match m {
                    Ok(p) if p.is_dir() => walk(&p, &inputs.ext, &mut out)
                        .map_err(|e| format!("cannot read {}: {e}", p.display()))?,
                    Ok(p) => out.push(file(&p)),
                    Err(e) => {
                        eprintln!("vanban: cannot read {}: {}", e.path().display(), e.error());
                        missing += 1;
                    }
                }
            }
            if out.len() == before {
                eprintln!("vanban: {arg}: no file matches");
                missing += 1;
            }
        } else {
            eprintln!("vanban: cannot read {arg}: no such file or folder");
            missing += 1;
        }
    }
    Ok((out, missing))
}

fn file(path: &Path) -> Source {
    Source {
        name: path.display().to_string(),
        path: Some(path.to_path_buf()),
    }
}

/// The files of `dir` with one of the extensions `ext`, recursively, in name order.
fn walk(dir: &Path, ext: &[String], out: &mut Vec<Source>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<_>>()?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, ext, out)?;
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ext.iter().any(|x| x.eq_ignore_ascii_case(e)))
        {
            out.push(file(&p));
        }
    }
    Ok(())
}

/// The text of a source: UTF-8 (a byte-order mark dropped), or an error naming the legacy
/// encoding the bytes look like.
fn read_text(s: &Source) -> Result<String, String> {
    let bytes = match &s.path {
        Some(p) => std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", s.name))?,
        None => {
            let mut b = Vec::new();
            io::stdin()
                .read_to_end(&mut b)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            b
        }
    };
    // Checked once, in place: the bytes become the text without a copy.
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{FEFF}') {
                text.drain(..'\u{FEFF}'.len_utf8());
            }
            Ok(text)
        }
        // Not UTF-8: the error names the legacy encoding the bytes look like.
        Err(e) => {
            let why = vanban::encoding::to_utf8(e.as_bytes())
                .err()
                .map_or_else(|| "not UTF-8".to_string(), |e| e.to_string());
            Err(format!("{}: {why}", s.name))
        }
    }
}

fn parse(name: &str, text: &str, format: Format) -> Output {
    let doc = Document::parse(text);
    let mut o = Output::new(format);
    if o.want_text {
        o.text = format!(
            "{name}: {} {} {} — {}\n",
            doc.kind.map_or("?", |k| k.label()),
            doc.number
                .as_ref()
                .map_or_else(|| "(no number)".to_string(), |n| n.value.to_string()),
            doc.date
                .map_or_else(|| "(no date)".to_string(), |d| d.iso()),
            doc.subject
                .as_ref()
                .map_or("(no subject)", |s| s.text.as_str()),
        );
    } else {
        o.record(name, None, &doc);
    }
    o
}

/// The header is at the start: the document's own number is read from this much of it, so
/// that a long code of law is scanned for citations, not parsed whole.
const HEADER_BYTES: usize = 16 * 1024;

fn cite(name: &str, text: &str, format: Format) -> Output {
    let mut head_end = text.len().min(HEADER_BYTES);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let own = Document::parse(&text[..head_end]).number.map(|n| n.value);
    let mut o = Output::new(format);
    let lines = o.want_text.then(|| Lines::new(text));
    for c in
        vanban::citations(text).filter(|c| own.as_ref().is_none_or(|o| !c.is_self_reference(o)))
    {
        match &lines {
            Some(lines) => {
                let (line, col) = lines.locate(text, c.number_span.start);
                o.text.push_str(&format!(
                    "{name}:{line}:{col}: {}\t{}{}\n",
                    c.number,
                    c.as_str(),
                    c.date
                        .map_or_else(String::new, |d| format!("\t{}", d.iso()))
                ));
            }
            None => o.record(name, None, &c),
        }
    }
    o
}

/// Which diagnostics `check` reports.
struct Filter {
    select: Vec<String>,
    ignore: Vec<String>,
    min_severity: Severity,
}

impl Filter {
    fn keeps(&self, d: &Diagnostic) -> bool {
        let code = d.code.as_str();
        d.severity >= self.min_severity
            && (self.select.is_empty() || self.select.iter().any(|s| code.starts_with(s.as_str())))
            && !self.ignore.iter().any(|s| code.starts_with(s.as_str()))
    }
}

fn check(name: &str, text: &str, format: Format, filter: &Filter) -> Output {
    let doc = Document::parse(text);
    let diags: Vec<Diagnostic> = vanban::validate(&doc, text)
        .into_iter()
        .filter(|d| filter.keeps(d))
        .collect();
    let lines = Lines::new(text);
    let mut o = Output::new(format);
    for d in &diags {
        if o.want_text {
            render(&mut o.text, d, text, &lines, name);
        } else {
            o.record(name, Some(lines.locate(text, d.span.start)), d);
        }
    }
    let count = |s| diags.iter().filter(|d| d.severity == s).count();
    o.errors = count(Severity::Error);
    if o.want_text {
        o.text.push_str(&format!(
            "{name}: {} error(s), {} warning(s), {} note(s)\n",
            o.errors,
            count(Severity::Warning),
            count(Severity::Note)
        ));
    }
    o
}

/// Where each line starts: a diagnostic is placed by a binary search, so that `check` is
/// linear in its input however many diagnostics it writes.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines(starts)
    }

    /// The line (1-based) of byte `at`.
    fn line(&self, at: usize) -> usize {
        self.0.partition_point(|&s| s <= at)
    }

    /// Line and column (1-based; the column in characters) of byte `at`.
    fn locate(&self, text: &str, at: usize) -> (usize, usize) {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let line = self.line(at);
        let start = self.0[line - 1];
        (line, text[start..at].chars().count() + 1)
    }

    /// The byte range of line `line` (1-based), without its line break.
    fn range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.0[line - 1];
        let end = self.0.get(line).map_or(text.len(), |&n| n - 1);
        start..end.max(start)
    }
}

/// One diagnostic, as rustc writes one: the message, where, the line with carets, notes.
fn render(s: &mut String, d: &Diagnostic, text: &str, lines: &Lines, file: &str) {
    use std::fmt::Write as _;
    let (line, col) = lines.locate(text, d.span.start);
    let range = lines.range(text, line);
    let src = text[range.clone()].trim_end_matches('\r');
    let num = line.to_string();
    let pad = " ".repeat(num.len());
    let _ = writeln!(s, "{}[{}]: {}", d.severity, d.code, d.message_vi);
    let _ = writeln!(s, "{pad}--> {file}:{line}:{col}\n{pad} |");
    // Long lines (flattened paragraphs) are cut around the span.
    let start_ch = col - 1;
    let span_end = d.span.end.clamp(d.span.start.min(range.end), range.end);
    let mut from_b = d.span.start.min(range.end);
    while !text.is_char_boundary(from_b) {
        from_b -= 1;
    }
    let mut to_b = span_end;
    while !text.is_char_boundary(to_b) {
        to_b -= 1;
    }
    let span_ch = text[from_b..to_b.max(from_b)].chars().count().max(1);
    let skip = start_ch.saturating_sub(40);
    let shown: String = src.chars().skip(skip).take(120.max(span_ch + 50)).collect();
    let lead = if skip > 0 { "…" } else { "" };
    let _ = writeln!(s, "{num} | {lead}{shown}");
    let _ = writeln!(
        s,
        "{pad} | {}{}{} {}",
        if skip > 0 { " " } else { "" },
        " ".repeat(start_ch - skip),
        "^".repeat(span_ch.min(120)),
        d.message_en
    );
    for r in &d.related {
        let (l, c) = lines.locate(text, r.span.start);
        let _ = writeln!(s, "{pad} = note: {}: {file}:{l}:{c}", r.label);
    }
    if !d.rule.is_empty() {
        let _ = writeln!(s, "{pad} = rule: {}", d.rule);
    }
    if let Some(f) = &d.fix {
        let n = f.replacement.chars().count();
        let what = if n > 60 {
            format!("{n} characters")
        } else {
            format!("`{}`", f.replacement.escape_debug())
        };
        let verb = if f.span.is_empty() {
            "insert"
        } else {
            "replace with"
        };
        let _ = writeln!(s, "{pad} = help: {verb} {what}");
    }
    s.push('\n');
}

fn number(numbers: &[String], format: Format) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut read = 0;
    let mut records = Vec::new();
    for input in numbers {
        let v = match DocNumber::parse_with_notes(input) {
            Ok(p) => {
                read += 1;
                let n = &p.number;
                json!({
                    "input": input,
                    "canonical": n.to_string(),
                    "system": n.system(),
                    "seq": n.seq(),
                    "year": n.year(),
                    "kind": n.kind_code().map(|k| k.code),
                    "issuer": n.issuer().collect::<Vec<_>>(),
                    "unit": n.unit().collect::<Vec<_>>(),
                    "irregularities": p.irregularities,
                })
            }
            Err(e) => {
                json!({"input": input, "error": {"message": e.to_string(), "offset": e.offset()}})
            }
        };
        records.push(v);
    }
    let written = match format {
        Format::Json => serde_json::to_writer(&mut out, &records).map_err(io::Error::other),
        Format::Jsonl => records.iter().try_for_each(|r| {
            serde_json::to_writer(&mut out, r)?;
            out.write_all(b"\n")
        }),
        Format::Text => records.iter().try_for_each(|r| {
            let shown = r["canonical"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| format!("error: {}", r["error"]["message"]));
            writeln!(out, "{}\t{shown}", r["input"].as_str().unwrap_or_default())
        }),
    };
    let _ = written.and_then(|()| out.flush());
    if read == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
