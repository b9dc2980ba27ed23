//! `vanban`: read Vietnamese official documents from files, folders, globs or standard input
//! and write what they hold as JSON Lines, JSON or text.
//!
//! ```text
//! vanban parse tests/corpus/ > out.jsonl     every document, one JSON object a line
//! vanban cite decree.txt --format text      the citations, one a line
//! cat letter.txt | vanban check             rustc-style diagnostics; exit 1 on an error
//! vanban check --select VB1 --min-severity warning docs/
//! vanban count decrees/                   citations per file, as `rg -c` counts lines
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
use vanban::text::LineIndex;
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
    /// How many citations each text holds (every one found and parsed), as `rg -c` counts.
    Count(Inputs),
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
    /// Each text with its citations marked up as links to their work identifiers, its own
    /// markup (HTML, Markdown) kept intact; text by default, or JSON records
    /// `{path, annotated}`.
    Annotate {
        #[command(flatten)]
        inputs: Inputs,
        /// The input's markup; `auto` takes it from the file's extension (`.html`, `.htm`,
        /// `.md`; plain otherwise).
        #[arg(long, value_enum, default_value = "auto")]
        markup: MarkupArg,
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
enum MarkupArg {
    /// From the file's extension.
    Auto,
    /// Plain text: citations become Markdown links.
    Plain,
    /// HTML: citations become `<a>` elements, tags and entities kept.
    Html,
    /// Markdown: citations become links, emphasis kept.
    Markdown,
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
    /// The records, one JSON object a line, written as they are made (no tree of values is
    /// built for them), in parts written one after the other.
    records: Vec<Vec<u8>>,
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
        if self.records.is_empty() {
            self.records.push(Vec::new());
        }
        let last = self.records.len() - 1;
        write_record(&mut self.records[last], &prefix(path, extra), value);
    }
}

/// `{"path":…` (and `,"line":…,"column":…`), the start of every record of an input, its
/// path escaped once.
fn prefix(path: &str, extra: Option<(usize, usize)>) -> Vec<u8> {
    let mut p = b"{\"path\":".to_vec();
    serde_json::to_writer(&mut p, path).expect("a string serializes");
    if let Some((line, column)) = extra {
        p.extend_from_slice(format!(",\"line\":{line},\"column\":{column}").as_bytes());
    }
    p
}

/// Writes `value`, a JSON object, as one line into `out` with `prefix` in place of its `{`.
fn write_record(out: &mut Vec<u8>, prefix: &[u8], value: &impl serde::Serialize) {
    out.extend_from_slice(prefix);
    let at = out.len();
    serde_json::to_writer(&mut *out, value).expect("the library's values serialize");
    debug_assert_eq!(out.get(at), Some(&b'{'));
    if out.get(at + 1) == Some(&b'}') {
        out.remove(at);
    } else {
        out[at] = b',';
    }
    out.push(b'\n');
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "vanban", &mut io::stdout());
            ExitCode::SUCCESS
        }
        Command::Number { numbers, format } => number(&numbers, format),
        Command::Parse(inputs) => run(&inputs, Format::Jsonl, |n, t, f, _| parse(n, t, f)),
        Command::Cite(inputs) => run(&inputs, Format::Jsonl, cite),
        Command::Count(inputs) => run(&inputs, Format::Text, |n, t, f, _| count(n, t, f)),
        Command::Annotate { inputs, markup } => {
            run(&inputs, Format::Text, |name, text, format, _| {
                annotate(name, text, format, markup)
            })
        }
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
            run(&inputs, Format::Text, |name, text, format, _| {
                check(name, text, format, &filter)
            })
        }
    }
}

/// How many inputs are read at a time: enough to share among the cores, few enough that the
/// output of the few batches in flight (one read, two waiting, one written) is small.
const BATCH: usize = 256;

/// From this size on, a file is read alone and its output written as it is made (for the
/// commands that can: `cite`), so that the memory held does not grow with the file. An
/// input given alone is read so whatever its size.
const STREAM_FROM: u64 = 64 << 20;

/// Hands a part of one input's output to the writer, in order, before the input is read
/// to its end. Given to a reader only when its input is read alone.
type Emit<'a> = dyn Fn(Output) + Sync + 'a;

/// One input of a batch as the cores left it: read, or too large to be read beside the
/// others (its bytes, mapped: kept to be read alone, in its turn).
enum Slot {
    Done(Result<Output, String>),
    Alone(Bytes),
}

/// The inputs of `batch` read on every core, in order, but those of [`STREAM_FROM`] bytes
/// or more: their size is known once they are opened (no file is looked at twice: 4150
/// small files cost 2.5 system calls fewer each, a tenth of `vanban count DIR`).
fn read_batch<R>(batch: &[Source], read: &R, format: Format) -> Vec<Slot>
where
    R: Fn(&str, &str, Format, Option<&Emit<'_>>) -> Output + Sync,
{
    batch
        .par_iter()
        .map(|s| match read_bytes(s) {
            // One input alone (`vanban cite FILE`) is read as a large one is: its output
            // written as it is made, in the memory the output before it was written in.
            Ok(bytes) if batch.len() == 1 || bytes.len() as u64 >= STREAM_FROM => {
                Slot::Alone(bytes)
            }
            r => {
                Slot::Done(r.and_then(|bytes| {
                    decode(s, &bytes).map(|text| read(&s.name, text, format, None))
                }))
            }
        })
        .collect()
}

/// Reads every input (in parallel, output in input order), writes the output, and gives
/// the exit code.
fn run(
    inputs: &Inputs,
    default: Format,
    read: impl Fn(&str, &str, Format, Option<&Emit<'_>>) -> Output + Sync,
) -> ExitCode {
    let format = inputs.format.unwrap_or(default);
    let (sources, mut input_errors) = match sources(inputs) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("vanban: {e}");
            return ExitCode::from(2);
        }
    };
    // The calling thread is one of the pool's: it reads, rather than waking another thread
    // and sleeping till it is done at each step (the map, the UTF-8 check, the reading):
    // `vanban count` 4% faster on 19 MB, 5% on 2 MB, `parse DIR` 6% less time on all cores.
    // Building fails only when a pool exists already, which it cannot here.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(inputs.jobs.map_or(0, |n| n.max(1)))
        .use_current_thread()
        .build_global();
    let progress = (io::stderr().is_terminal() && sources.len() > 50).then(|| {
        let bar = indicatif::ProgressBar::new(sources.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    // The output of a batch is written by another thread while the next batch is read: the
    // cores are not left idle while one writes.
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Result<Output, String>>>(2);
    let writer = std::thread::spawn(move || {
        let stdout = io::stdout();
        let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
        let (mut findings, mut input_errors, mut first, mut closed) = (0, 0, true, false);
        if format == Format::Json {
            closed |= out.write_all(b"[").is_err();
        }
        for results in receive {
            for r in results {
                match r {
                    Ok(o) => {
                        findings += o.errors;
                        // A closed pipe (`| head`): nothing more can be written.
                        closed = closed || write(&mut out, &o, format, &mut first).is_err();
                    }
                    Err(e) => {
                        input_errors += 1;
                        eprintln!("vanban: {e}");
                    }
                }
            }
            if closed {
                // The reading stops too: its next batch finds no one to take it.
                break;
            }
        }
        if format == Format::Json && !closed {
            let _ = out.write_all(b"]\n");
        }
        let _ = out.flush();
        (findings, input_errors)
    });
    // A large file is read alone, its output handed to the writer as it is made (see
    // `Emit`): what is written first is not held while the rest is read.
    let emit = |o: Output| {
        let _ = send.send(vec![Ok(o)]);
    };
    'batches: for batch in sources.chunks(BATCH) {
        let mut ready = Vec::new();
        for (s, slot) in batch.iter().zip(read_batch(batch, &read, format)) {
            let r = match slot {
                Slot::Done(r) => r,
                Slot::Alone(bytes) => {
                    // What comes before it is written first, then its output as it is made.
                    if !ready.is_empty() && send.send(std::mem::take(&mut ready)).is_err() {
                        break 'batches;
                    }
                    decode(s, &bytes).map(|text| read(&s.name, text, format, Some(&emit)))
                }
            };
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            ready.push(r);
        }
        if send.send(ready).is_err() {
            break;
        }
    }
    drop(send);
    let (findings, unreadable) = writer.join().unwrap_or((0, 1));
    input_errors += unreadable;
    if let Some(bar) = progress {
        bar.finish_and_clear();
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
        Format::Jsonl => o.records.iter().try_for_each(|part| out.write_all(part)),
        Format::Json => {
            // The lines, as the items of one array.
            let lines = o
                .records
                .iter()
                .flat_map(|part| part.split(|&b| b == b'\n'));
            for r in lines.filter(|r| !r.is_empty()) {
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
    // The entry's type comes with the listing: no file is looked at but to follow a link.
    let mut entries: Vec<(PathBuf, std::fs::FileType)> = std::fs::read_dir(dir)?
        .map(|e| e.and_then(|e| Ok((e.path(), e.file_type()?))))
        .collect::<io::Result<_>>()?;
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (p, kind) in entries {
        if kind.is_dir() || (kind.is_symlink() && p.is_dir()) {
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

/// The bytes of an input: a large file mapped, the rest read.
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

/// A large map is let go of on every core: its pages' entries are cleared in parts at once
/// (`MADV_DONTNEED` holds the process's map lock shared), then the emptied map is removed
/// (`munmap` holds it alone: on one core, the 4700 pages of 19 MB cost 1 ms of 16 ms, with
/// the other cores idle).
impl Drop for Bytes {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Bytes::Mapped(m) = self {
            const PART: usize = 4 << 20;
            let parts = m.len().div_ceil(PART);
            if parts > 1 {
                (0..parts).into_par_iter().for_each(|i| {
                    let len = PART.min(m.len() - i * PART);
                    // SAFETY: the map is read only and no longer read (it is being dropped,
                    // and nothing borrows it): pages let go of would be read again from the
                    // file, never seen as anything but its bytes.
                    let _ = unsafe {
                        m.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, i * PART, len)
                    };
                });
            }
        }
    }
}

/// From this size on, a file is mapped: no copy by the kernel, no fresh pages to clear.
const MAP_FROM: u64 = 1 << 20;

/// The bytes of a source.
fn read_bytes(s: &Source) -> Result<Bytes, String> {
    let cannot = |e: io::Error| format!("cannot read {}: {e}", s.name);
    match &s.path {
        Some(p) => {
            let file = std::fs::File::open(p).map_err(cannot)?;
            let len = file.metadata().map_err(cannot)?.len();
            read_file(&file, len).map_err(cannot)
        }
        None => {
            let cannot = |e: io::Error| format!("cannot read standard input: {e}");
            // Standard input redirected from a file (`vanban check < file`), read from its
            // start, is read as the file is: mapped when large, no copy.
            if let Some((file, len)) = stdin_file() {
                return read_file(&file, len).map_err(cannot);
            }
            let mut b = Vec::new();
            io::stdin().read_to_end(&mut b).map_err(cannot)?;
            Ok(Bytes::Read(b))
        }
    }
}

/// Standard input as the file it is redirected from and that file's length, when it is a
/// regular file not yet read from.
#[cfg(unix)]
fn stdin_file() -> Option<(std::fs::File, u64)> {
    use std::io::Seek;
    use std::os::fd::AsFd;
    let mut file = std::fs::File::from(io::stdin().as_fd().try_clone_to_owned().ok()?);
    let meta = file.metadata().ok()?;
    (meta.is_file() && file.stream_position().ok()? == 0).then_some((file, meta.len()))
}

/// Standard input as a file: on Unix only; elsewhere it is read as a stream.
#[cfg(not(unix))]
fn stdin_file() -> Option<(std::fs::File, u64)> {
    None
}

/// The bytes of an open file of `len` bytes: mapped from [`MAP_FROM`] bytes on, read below.
fn read_file(file: &std::fs::File, len: u64) -> io::Result<Bytes> {
    if len >= MAP_FROM {
        // SAFETY: the map is only read, and checked to be UTF-8 before any use. Should
        // another program change the file while it is mapped, the text read may be torn
        // (as with ripgrep's maps), never unsound to read as bytes. Its pages are mapped as
        // they are first read, by the UTF-8 check on every core (`populate` maps them all on
        // one, first: 1 ms of 18 for 19 MB).
        if let Ok(m) = unsafe { memmap2::MmapOptions::new().map(file) } {
            return Ok(Bytes::Mapped(m));
        }
    }
    read_known(file, usize::try_from(len).unwrap_or(0)).map(Bytes::Read)
}

/// All of `file`, whose length was `len` when it was opened: read into a buffer of one byte
/// more (a file that grew fills it, and is read on to its end), without the length asked
/// again and the position sought that `read_to_end` costs a file.
fn read_known(mut file: &std::fs::File, len: usize) -> io::Result<Vec<u8>> {
    let mut b = vec![0; len.saturating_add(1)];
    let mut n = 0;
    loop {
        match file.read(&mut b[n..]) {
            Ok(0) => break,
            Ok(k) => {
                n += k;
                if n == b.len() {
                    file.read_to_end(&mut b)?;
                    return Ok(b);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    b.truncate(n);
    Ok(b)
}

/// The text of a source's bytes: UTF-8, after a byte-order mark if there is one (spans are
/// then offsets into the text after it), or an error naming the legacy encoding the bytes
/// look like. Checked with SIMD, without a copy.
fn decode<'b>(s: &Source, bytes: &'b [u8]) -> Result<&'b str, String> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    utf8(body).map_err(|_| {
        let why = vanban::encoding::to_utf8(bytes)
            .err()
            .map_or_else(|| "not UTF-8".to_string(), |e| e.to_string());
        format!("{}: {why}", s.name)
    })
}

/// `b` as text if it is UTF-8, checked on every core in pieces of about 1 MiB, each cut
/// before a byte that starts a character: the pieces are UTF-8 exactly when the whole is.
fn utf8(b: &[u8]) -> Result<&str, simdutf8::basic::Utf8Error> {
    const PIECE: usize = 1 << 20;
    if b.len() <= 2 * PIECE {
        return simdutf8::basic::from_utf8(b);
    }
    let mut cuts = vec![0];
    let mut at = PIECE;
    while at < b.len() {
        // A character is at most four bytes: three continuation bytes back at most.
        let mut c = at;
        while c > at - 3 && (b[c] & 0xC0) == 0x80 {
            c -= 1;
        }
        cuts.push(c);
        at = c + PIECE;
    }
    cuts.push(b.len());
    cuts.par_windows(2)
        .try_for_each(|w| simdutf8::basic::from_utf8(&b[w[0]..w[1]]).map(|_| ()))?;
    // SAFETY: every piece is UTF-8 and each starts a character, so the whole is UTF-8.
    Ok(unsafe { std::str::from_utf8_unchecked(b) })
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
        o.record(name, None, &ParseRecord::new(&doc, text));
    }
    o
}

/// A `parse` record: the document, and the references read beside it (documents cited by
/// title, short forms and what they stand for, pinpoints and the documents they point into,
/// the document's entry into force).
#[derive(serde::Serialize)]
struct ParseRecord<'a, 't> {
    #[serde(flatten)]
    doc: &'a Document,
    named_citations: Vec<vanban::citation::NamedCitation<'t>>,
    short_forms: Vec<ShortFormRecord<'t>>,
    pinpoints: Vec<PinpointRecord<'t>>,
    entry_into_force: Option<vanban::document::EntryIntoForce>,
}

/// A pinpoint with the document it points into: `refers_to` is `self`, the cited number or
/// null (a document named by title, or not told), `work` the cited document's work
/// identifier when it is one cited (by number or by title, or through a short form).
#[derive(serde::Serialize)]
struct PinpointRecord<'t> {
    #[serde(flatten)]
    pinpoint: vanban::citation::Pinpoint<'t>,
    refers_to: Option<String>,
    work: Option<String>,
}

/// A short form with what it stands for: `self`, the cited number, or null (unresolved).
#[derive(serde::Serialize)]
struct ShortFormRecord<'t> {
    #[serde(flatten)]
    form: vanban::citation::ShortForm<'t>,
    refers_to: Option<String>,
}

impl<'a, 't> ParseRecord<'a, 't> {
    fn new(doc: &'a Document, text: &'t str) -> Self {
        use vanban::citation::{Form, Resolution, Target};
        let forms: Vec<_> = vanban::citation::short_forms(text).collect();
        let pinpoints: Vec<_> = vanban::citation::pinpoints(text).collect();
        // The citations are read only when a form needs an antecedent (`… nêu trên`) or a
        // pinpoint names a document (`Điều 5 Nghị định số 30/2020/NĐ-CP`).
        // (`Luật này` in a text of another kind may stand for a law cited before.)
        let other_kind = |f: &vanban::citation::ShortForm<'_>| {
            f.kind.is_some() && doc.kind.is_some() && f.kind != doc.kind
        };
        let cited: Vec<vanban::Citation<'t>> =
            if forms.iter().any(|f| f.form != Form::This || other_kind(f))
                || pinpoints.iter().any(|p| p.target != Target::ThisDocument)
            {
                vanban::citations(text).collect()
            } else {
                Vec::new()
            };
        let named: Vec<_> = vanban::citation::named_citations(text).collect();
        let resolved: Vec<_> = forms
            .into_iter()
            .map(|form| {
                let r = vanban::citation::resolve_for(&form, &cited, doc.kind);
                (form, r)
            })
            .collect();
        let overlaps = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
            a.start < b.end && b.start < a.end
        };
        let pinpoints = pinpoints
            .into_iter()
            .map(|pinpoint| {
                let at = pinpoint.target_span.clone().unwrap_or_default();
                let numbered =
                    |i: usize| cited.get(i).map(|c| (c.number.to_string(), c.work_uri()));
                let (refers_to, work) = match pinpoint.target {
                    Target::Cited => match cited.iter().position(|c| overlaps(&c.span, &at)) {
                        Some(i) => numbered(i).map_or((None, None), |(n, w)| (Some(n), Some(w))),
                        None => (
                            None,
                            named
                                .iter()
                                .find(|c| overlaps(&c.span, &at))
                                .map(|c| c.work_uri()),
                        ),
                    },
                    _ => match pinpoint.target_resolution(&resolved, &cited) {
                        Some(Resolution::ThisDocument) => (Some("self".to_string()), None),
                        Some(Resolution::Cited(i)) => {
                            numbered(i).map_or((None, None), |(n, w)| (Some(n), Some(w)))
                        }
                        _ => (None, None),
                    },
                };
                PinpointRecord {
                    pinpoint,
                    refers_to,
                    work,
                }
            })
            .collect();
        let short_forms = resolved
            .into_iter()
            .map(|(form, r)| ShortFormRecord {
                refers_to: r.refers_to(&cited),
                form,
            })
            .collect();
        ParseRecord {
            doc,
            named_citations: named,
            short_forms,
            pinpoints,
            entry_into_force: vanban::document::entry_into_force(text),
        }
    }
}

/// The header is at the start: the document's own number is read from this much of it, so
/// that a long code of law is scanned for citations, not parsed whole.
const HEADER_BYTES: usize = 16 * 1024;

fn cite(name: &str, text: &str, format: Format, emit: Option<&Emit<'_>>) -> Output {
    let mut head_end = text.len().min(HEADER_BYTES);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let own = || Document::parse(&text[..head_end]).number.map(|n| n.value);
    let want_text = Output::new(format).want_text;
    let lines = want_text.then(|| LineIndex::new(text));
    let prefix = prefix(name, None);
    // Each stretch of the text is read, and its records written, on a core of its own
    // while its bytes are in the caches: a stretch's citations are held, not all.
    let write_stretch = |range: std::ops::Range<usize>, cited: Vec<vanban::Citation<'_>>| {
        let mut part = Part::default();
        // Documents cited by title with a date or year (a title alone names no one version
        // of a law), as the example program writes them, in the order of the text.
        let named: Vec<_> = vanban::citation::named_citations_in(text, range)
            .filter(|c| c.date.is_some())
            .collect();
        let mut records: Vec<(usize, Record<'_, '_>)> = cited
            .iter()
            .map(|c| (c.span.start, Record::Numbered(c)))
            .chain(named.iter().map(|c| (c.span.start, Record::Named(c))))
            .collect();
        records.sort_by_key(|r| r.0);
        part.out.reserve(records.len() * 512);
        for (_, r) in records {
            let at = part.out.len();
            let out = &mut part.out;
            match (r, &lines) {
                (r, Some(lines)) => {
                    let (at, number, mention, date) = match r {
                        Record::Numbered(c) => (
                            c.number_span.start,
                            c.number.to_string(),
                            c.as_str(),
                            c.date,
                        ),
                        Record::Named(c) => (c.span.start, "-".to_string(), c.as_str(), c.date),
                    };
                    let (line, col) = lines.locate(text, at);
                    let date = date.map_or_else(String::new, |d| format!("\t{}", d.iso()));
                    out.extend_from_slice(
                        format!("{name}:{line}:{col}: {number}\t{mention}{date}\n").as_bytes(),
                    );
                }
                (Record::Numbered(c), None) => write_record(out, &prefix, c),
                (Record::Named(c), None) => write_record(
                    out,
                    &prefix,
                    &NamedRecord {
                        number: None,
                        named: c,
                    },
                ),
            }
            if let Record::Numbered(c) = r {
                part.numbered
                    .push((at..part.out.len(), seq(&c.number), c.number.clone()));
            }
        }
        part
    };
    let output = |parts: Vec<Vec<u8>>| {
        let mut o = Output::new(format);
        if want_text {
            o.text = parts.iter().map(|p| String::from_utf8_lossy(p)).collect();
        } else {
            o.records = parts;
        }
        o
    };
    if let Some(emit) = emit {
        // Read alone: each stretch written as soon as it and those before it are read. The
        // header is parsed by a core of its own as the others start reading (its first
        // parse compiles the document's patterns), and its number is waited for, if at
        // all, when the first stretch is written.
        let own_number = std::sync::OnceLock::new();
        rayon::in_place_scope(|scope| {
            scope.spawn(|_| {
                own_number.get_or_init(own);
            });
            vanban::citation::citations_parallel_each(text, write_stretch, |part| {
                let own = own_number.get_or_init(own);
                emit(output(vec![part.without(own.as_ref())]));
            });
        });
        return Output::new(format);
    }
    // The header is parsed beside the reading (its first parse compiles the document's
    // patterns) and the records of the own number removed afterwards.
    let (own, parts) = rayon::join(own, || {
        vanban::citation::citations_parallel_with(text, write_stretch)
    });
    output(parts.into_iter().map(|p| p.without(own.as_ref())).collect())
}

/// A number's sequence as an integer (`30` of `30/2020/NĐ-CP`), compared before the
/// numbers: most citations are not of the document's own number.
fn seq(n: &vanban::DocNumber) -> Option<u64> {
    n.seq().and_then(|s| s.parse::<u64>().ok())
}

impl Part {
    /// The records, without those of the document's own number (which `cite` leaves out).
    fn without(mut self, own: Option<&vanban::DocNumber>) -> Vec<u8> {
        let Some(own) = own else {
            return self.out;
        };
        let own_seq = seq(own);
        // From the last: the ranges before stay where they are.
        for (r, s, number) in self.numbered.iter().rev() {
            let may_be = s.is_none() || own_seq.is_none() || *s == own_seq;
            if may_be && number.same_document(own) {
                self.out.drain(r.clone());
            }
        }
        self.out
    }
}

/// The records `cite` writes for a stretch of the text, and those of numbered citations:
/// their byte ranges (in order), sequence numbers and numbers.
#[derive(Default)]
struct Part {
    out: Vec<u8>,
    numbered: Vec<(std::ops::Range<usize>, Option<u64>, vanban::DocNumber)>,
}

/// A record of `cite`: a numbered citation or a law cited by title.
#[derive(Clone, Copy)]
enum Record<'a, 't> {
    Numbered(&'a vanban::Citation<'t>),
    Named(&'a vanban::citation::NamedCitation<'t>),
}

fn annotate(name: &str, text: &str, format: Format, markup: MarkupArg) -> Output {
    use vanban::annotate::Markup;
    let lower = name.to_ascii_lowercase();
    let markup = match markup {
        MarkupArg::Plain => Markup::Plain,
        MarkupArg::Html => Markup::Html,
        MarkupArg::Markdown => Markup::Markdown,
        MarkupArg::Auto if lower.ends_with(".html") || lower.ends_with(".htm") => Markup::Html,
        MarkupArg::Auto if lower.ends_with(".md") => Markup::Markdown,
        MarkupArg::Auto => Markup::Plain,
    };
    let plain = vanban::annotate::plain_text(text, markup);
    let visible = plain.as_str();
    // Every citation, numbered or by title, with its work identifier and relation; those
    // that overlap (a list sharing a symbol: `số 198, 199/BC-UBND`) are one link.
    let mut marks: Vec<(std::ops::Range<usize>, String, &'static str)> = vanban::citations(visible)
        .map(|c| (c.span.clone(), c.work_uri(), c.relation().as_str()))
        .collect();
    marks.extend(
        vanban::citation::named_citations(visible)
            .map(|c| (c.span.clone(), c.work_uri(), c.relation().as_str())),
    );
    marks.sort_by_key(|m| m.0.start);
    let mut merged: Vec<(std::ops::Range<usize>, String, &'static str)> = Vec::new();
    for m in marks {
        match merged.last_mut() {
            Some(last) if m.0.start < last.0.end => last.0.end = last.0.end.max(m.0.end),
            _ => merged.push(m),
        }
    }
    let spans: Vec<std::ops::Range<usize>> = merged.iter().map(|m| m.0.clone()).collect();
    let out = plain.annotate(&spans, |i, _| {
        let (_, work, relation) = &merged[i];
        match markup {
            Markup::Html => (
                format!(
                    "<a class=\"vanban-citation\" href=\"{work}\" data-relation=\"{relation}\">"
                ),
                "</a>".to_string(),
            ),
            _ => ("[".to_string(), format!("]({work})")),
        }
    });
    let mut o = Output::new(format);
    match out {
        Ok(annotated) if o.want_text => o.text = annotated,
        Ok(annotated) => o.record(name, None, &json!({ "annotated": annotated })),
        // The spans are the library's own, sorted and merged: an error is a bug, reported
        // with the file rather than hidden.
        Err(e) => {
            eprintln!("vanban: {name}: cannot annotate: {e}");
            o.text = text.to_string();
        }
    }
    o
}

/// A document cited by title as a `cite` record: `number` null, then its fields.
#[derive(serde::Serialize)]
struct NamedRecord<'a, 't> {
    number: Option<&'a str>,
    #[serde(flatten)]
    named: &'a vanban::citation::NamedCitation<'t>,
}

fn count(name: &str, text: &str, format: Format) -> Output {
    // Every citation of the text read as running text, on every core, each stretch's
    // counted as it is read: none is held.
    let n: usize = vanban::citation::citations_parallel_with(text, |_, part| part.len())
        .iter()
        .sum();
    let mut o = Output::new(format);
    if o.want_text {
        o.text = format!("{name}:{n}\n");
    } else {
        o.record(name, None, &json!({ "citations": n }));
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
    let lines = LineIndex::new(text);
    let mut o = Output::new(format);
    for d in &diags {
        if o.want_text {
            o.text.push_str(&d.render(text, &lines, name));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The test corpus joined, three times over: stretches enough for several rounds.
    fn corpus() -> String {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("tests/corpus")
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let one: String = files
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("a text"))
            .collect::<Vec<_>>()
            .join("\n");
        [one.as_str(); 3].join("\n")
    }

    #[test]
    fn cite_streamed_writes_what_it_writes_at_once() {
        let text = corpus();
        for format in [Format::Jsonl, Format::Text] {
            let whole = cite("x.txt", &text, format, None);
            let parts = std::sync::Mutex::new(Vec::new());
            let emit = |o: Output| parts.lock().expect("not poisoned").push(o);
            let rest = cite("x.txt", &text, format, Some(&emit));
            assert!(rest.records.is_empty() && rest.text.is_empty());
            let parts = parts.into_inner().expect("not poisoned");
            assert!(parts.len() > 1, "one part: nothing streamed");
            let streamed: Vec<u8> = parts
                .iter()
                .flat_map(|o| o.records.concat().into_iter().chain(o.text.bytes()))
                .collect();
            let at_once: Vec<u8> = whole
                .records
                .concat()
                .into_iter()
                .chain(whole.text.bytes())
                .collect();
            assert!(!at_once.is_empty());
            assert_eq!(
                String::from_utf8_lossy(&streamed),
                String::from_utf8_lossy(&at_once)
            );
        }
    }

    #[test]
    fn a_file_is_read_whole_whatever_its_length_was() {
        let p = std::env::temp_dir().join(format!("vanban-read-{}", std::process::id()));
        for bytes in [&b""[..], b"x", "Số: 12/UBND-VX\n".as_bytes(), &[7; 70_000]] {
            std::fs::write(&p, bytes).expect("a file");
            // The length known, smaller (the file grew since) and larger (it shrank).
            for len in [bytes.len(), bytes.len() / 2, bytes.len() + 3] {
                let f = std::fs::File::open(&p).expect("the file");
                assert_eq!(read_known(&f, len).expect("read"), bytes, "len {len}");
            }
        }
        let _ = std::fs::remove_file(&p);
    }

    #[test]
    fn a_large_file_is_read_alone() {
        let dir = std::env::temp_dir().join(format!("vanban-batches-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        let mut sources = Vec::new();
        for (name, len) in [("a", 10), ("b", STREAM_FROM), ("c", 10), ("d", 10)] {
            let p = dir.join(name);
            // A sparse file: its length, not its bytes.
            std::fs::File::create(&p)
                .and_then(|f| f.set_len(len))
                .expect("a file");
            sources.push(file(&p));
        }
        let read = |name: &str, text: &str, _: Format, emit: Option<&Emit<'_>>| {
            assert!(emit.is_none(), "{name} streamed beside others");
            Output {
                text: text.to_string(),
                ..Output::default()
            }
        };
        let got: Vec<Option<String>> = read_batch(&sources, &read, Format::Text)
            .into_iter()
            .map(|slot| match slot {
                Slot::Done(r) => Some(r.expect("read").text),
                Slot::Alone(bytes) => {
                    assert_eq!(bytes.len() as u64, STREAM_FROM);
                    None
                }
            })
            .collect();
        let _ = std::fs::remove_dir_all(&dir);
        let ten = "\0".repeat(10);
        assert_eq!(got, [Some(ten.clone()), None, Some(ten.clone()), Some(ten)]);
    }
}
