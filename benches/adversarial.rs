//! Time and peak memory of `Document::parse` and `citations` on adversarial input, at 1, 2
//! and 4 MB: both must grow in proportion to the size (issue 6).
//!
//! ```text
//! cargo bench --bench adversarial -- --warm-up-time 1 --measurement-time 3 --sample-size 10
//! ```
//!
//! Before the timings, a table of peak heap memory per input (1, 2, 4, 10 and 20 MB) is
//! printed, measured with a counting global allocator: the most bytes live at once during
//! one call, input excluded.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

mod common;

/// The system allocator, counting live bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; the counters are
// only bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let grow = new_size - layout.size();
                let live = LIVE.fetch_add(grow, Ordering::Relaxed) + grow;
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Peak bytes allocated above what was live before `f` ran, and its wall time.
fn peak_of<R>(f: impl FnOnce() -> R) -> (usize, f64) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let t = Instant::now();
    let r = f();
    let secs = t.elapsed().as_secs_f64();
    drop(black_box(r));
    (PEAK.load(Ordering::Relaxed) - base, secs)
}

const MB: usize = 1_000_000;

/// Prints peak memory and one-shot time per shape and size: the growth table of issue 6.
fn memory_table() {
    eprintln!(
        "\npeak heap (MB above the input) and one-shot time (s), Document::parse | citations"
    );
    eprintln!(
        "{:<11} {:>6} {:>9} {:>8} {:>9} {:>8}   {:>5}",
        "shape", "size", "parse MB", "parse s", "cite MB", "cite s", "parse heap/input"
    );
    // Issue 13's bound: at most 10 bytes of heap per input byte for `Document::parse`, on
    // every shape and on the dev corpus joined into one text.
    let mut worst = (0.0f64, String::new());
    let mut row = |name: &str, text: &str| {
        let (pm, pt) = peak_of(|| vanban::Document::parse(text));
        let (cm, ct) = peak_of(|| vanban::citations(text).count());
        let per_byte = pm as f64 / text.len().max(1) as f64;
        if per_byte > worst.0 {
            worst = (per_byte, format!("{name} {} bytes", text.len()));
        }
        eprintln!(
            "{name:<11} {:>4.1}MB {:>9.1} {pt:>8.3} {:>9.1} {ct:>8.3}   {per_byte:>5.2} B/B",
            text.len() as f64 / MB as f64,
            pm as f64 / MB as f64,
            cm as f64 / MB as f64
        );
    };
    let corpus = common::corpus_texts().join("\n");
    row("corpus", &corpus);
    for size in [1, 2, 4, 10, 20] {
        for (name, text) in common::adversarial(size * MB) {
            row(name, &text);
        }
    }
    eprintln!(
        "most heap per input byte, Document::parse: {:.2} ({})",
        worst.0, worst.1
    );
}

fn bench_adversarial(c: &mut Criterion) {
    memory_table();
    for (what, parse) in [("document", true), ("citations", false)] {
        let mut g = c.benchmark_group(format!("adversarial-{what}"));
        g.sample_size(10);
        for size in [1, 2, 4] {
            for (name, text) in common::adversarial(size * MB) {
                g.throughput(Throughput::Bytes(text.len() as u64));
                let id = BenchmarkId::new(name, format!("{size}MB"));
                g.bench_with_input(id, &text, |b, t| {
                    if parse {
                        b.iter(|| vanban::Document::parse(black_box(t)))
                    } else {
                        b.iter(|| vanban::citations(black_box(t)).count())
                    }
                });
            }
        }
        g.finish();
    }
}

criterion_group!(benches, bench_adversarial);
criterion_main!(benches);
