//! Throughput of `citations` on the test corpus, and its growth on adversarial input.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

mod common;

/// Every corpus text, joined: 965 KB of real documents (426 KB before the dev corpus grew to 83).
fn corpus() -> String {
    common::corpus_texts().join("\n")
}

fn bench_corpus(c: &mut Criterion) {
    let text = corpus();
    // The corpus eight times over, 7.7 MB (3.4 MB with the first 31 documents): past the 3 MB
    // of the speed target (issue 7).
    let large = [text.as_str(); 8].join("\n");
    let mut g = c.benchmark_group("citations");
    for (name, t) in [("corpus", &text), ("large", &large)] {
        g.throughput(Throughput::Bytes(t.len() as u64));
        g.bench_function(name, |b| b.iter(|| vanban::citations(black_box(t)).count()));
    }
    g.finish();
    #[cfg(feature = "parallel")]
    bench_parallel(c, &large);
    // The other readers of running text, on the same bytes.
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("dates", |b| {
        b.iter(|| vanban::dates(black_box(&text)).count())
    });
    g.bench_function("normalize", |b| {
        b.iter(|| vanban::Normalized::new(black_box(&text)).as_str().len())
    });
    g.finish();
    // The references beside the numbers (issue 15): documents cited by title, short forms,
    // and every citation's relation.
    let mut g = c.benchmark_group("references");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("named", |b| {
        b.iter(|| vanban::citation::named_citations(black_box(&text)).count())
    });
    g.bench_function("short_forms", |b| {
        b.iter(|| vanban::citation::short_forms(black_box(&text)).count())
    });
    g.bench_function("relations", |b| {
        b.iter(|| {
            vanban::citations(black_box(&text))
                .filter(|c| c.relation() != vanban::citation::Relation::Other)
                .count()
        })
    });
    g.finish();
}

/// The citations of a long text on every core, each stretch's written out as `vanban cite`
/// writes them (`cargo bench --features parallel --bench citation -- parallel`): all the
/// stretches' output held until the end (`with`), or each handed on as soon as it and those
/// before it are read, at most a few stretches per core ahead (`each`). In one warm process
/// both write into memory the allocator hands back from the last iteration, so this
/// measures what handing on in order costs (2026-12-07, 7.7 MB: `with` 3.68 ms, `each` 3.78
/// ms, 2.6% more); what it saves, fresh pages for all the output of a new process, shows in
/// `benches/compare_cli.sh` (`vanban cite FILE`: 9% less time on 19 MB).
#[cfg(feature = "parallel")]
fn bench_parallel(c: &mut Criterion, text: &str) {
    use std::fmt::Write;
    let write = |_: std::ops::Range<usize>, part: Vec<vanban::Citation<'_>>| {
        let mut out = String::with_capacity(part.len() * 96);
        for c in &part {
            let _ = writeln!(out, "{}\t{}\t{:?}", c.number, c.as_str(), c.date);
        }
        out
    };
    let mut g = c.benchmark_group("parallel");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("with", |b| {
        b.iter(|| {
            vanban::citation::citations_parallel_with(black_box(text), write)
                .iter()
                .map(String::len)
                .sum::<usize>()
        })
    });
    g.bench_function("each", |b| {
        b.iter(|| {
            let mut n = 0;
            vanban::citation::citations_parallel_each(black_box(text), write, |o| n += o.len());
            n
        })
    });
    g.finish();
}

/// Near-misses repeated to 1, 2 and 4 MB: time must grow in proportion to size.
fn bench_adversarial(c: &mut Criterion) {
    let patterns: &[(&str, &str)] = &[
        ("slashes", "1/1/1/1/1/"),
        ("so", "số số số "),
        ("numbers", "12/QĐ-UBND, "),
        ("dashes", "1-A/B-C-D-"),
        ("dates", "ngày 1/1/2000 "),
    ];
    let mut g = c.benchmark_group("citations-adversarial");
    g.sample_size(10);
    for (name, unit) in patterns {
        for mb in [1usize, 2, 4] {
            let text = unit.repeat(mb * 1_000_000 / unit.len());
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(*name, format!("{mb}MB")), &text, |b, t| {
                b.iter(|| vanban::citations(black_box(t)).count())
            });
        }
    }
    g.finish();
}

fn bench_number(c: &mut Criterion) {
    // Every number cited in the corpus, as written there (spaces, dashes, case and all).
    let text = corpus();
    let cited: Vec<&str> = vanban::citations(&text)
        .map(|c| &text[c.number_span])
        .collect();
    let mut g = c.benchmark_group("number");
    for (name, numbers) in [
        ("from_str", &common::NUMBERS[..]),
        ("from_str_cited", &cited[..]),
    ] {
        g.throughput(Throughput::Elements(numbers.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| {
                numbers
                    .iter()
                    .filter(|n| black_box(n).parse::<vanban::DocNumber>().is_ok())
                    .count()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench_corpus, bench_adversarial, bench_number);
criterion_main!(benches);
