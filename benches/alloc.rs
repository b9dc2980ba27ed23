//! Allocations per citation, per document and per number, and peak heap, counted with dhat;
//! then the same for one text read a stretch at a time.
//!
//!     cargo bench --bench alloc
//!
//! Not a timing: dhat's allocator is slow. It prints one line per entry point.

use std::hint::black_box;

mod common;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// Runs `f` and returns (allocations, bytes allocated, peak heap above the start).
fn count<T>(f: impl FnOnce() -> T) -> (u64, u64, usize, T) {
    let before = dhat::HeapStats::get();
    let out = f();
    let after = dhat::HeapStats::get();
    (
        after.total_blocks - before.total_blocks,
        after.total_bytes - before.total_bytes,
        after.max_bytes.saturating_sub(before.curr_bytes),
        out,
    )
}

fn main() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let docs = common::corpus_texts();
    let bytes: usize = docs.iter().map(String::len).sum();
    // Warm the lazily built tables and patterns so that they are not counted.
    for d in &docs {
        black_box(vanban::citations(d).count());
        black_box(vanban::Document::parse(d));
    }

    let (allocs, total, peak, n) = count(|| {
        docs.iter()
            .map(|d| vanban::citations(black_box(d)).count())
            .sum::<usize>()
    });
    println!(
        "citations: {n} citations in {bytes} bytes: {allocs} allocations ({:.1} per citation, {:.4} per byte), {total} bytes allocated, peak {peak} bytes",
        allocs as f64 / n as f64,
        allocs as f64 / bytes as f64
    );

    let (allocs, total, peak, ()) = count(|| {
        for d in &docs {
            black_box(vanban::Document::parse(black_box(d)));
        }
    });
    println!(
        "Document::parse: {} documents, {bytes} bytes: {allocs} allocations ({:.0} per document, {:.3} per byte), {total} bytes allocated, peak {peak} bytes",
        docs.len(),
        allocs as f64 / docs.len() as f64,
        allocs as f64 / bytes as f64
    );

    let numbers = common::NUMBERS;
    let (allocs, total, _, ()) = count(|| {
        for n in numbers {
            black_box(black_box(n).parse::<vanban::DocNumber>().ok());
        }
    });
    println!(
        "DocNumber::from_str: {} numbers: {allocs} allocations ({:.1} per number), {total} bytes allocated",
        numbers.len(),
        allocs as f64 / numbers.len() as f64
    );

    // Past 8 MiB a text is read a stretch at a time: the corpus 24 times over, 10 MB. Last,
    // as dhat's peak is the highest since the start.
    let large = docs.join("\n").repeat(24);
    let (allocs, total, peak, n) = count(|| vanban::citations(black_box(&large)).count());
    println!(
        "citations, one text of {} bytes: {n} citations: {allocs} allocations ({:.4} per citation), {total} bytes allocated, peak {peak} bytes",
        large.len(),
        allocs as f64 / n as f64,
    );
}
