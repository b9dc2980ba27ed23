//! `Document::parse` over every text of the corpus.
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vanban::Document;

mod common;

fn bench(c: &mut Criterion) {
    let texts = common::corpus_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("document");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("parse_corpus_{}_docs", texts.len()), |b| {
        b.iter(|| {
            for t in &texts {
                black_box(Document::parse(black_box(t)));
            }
        })
    });
    // The document of median size: its time is the time per document of a typical one.
    let mut by_size: Vec<&String> = texts.iter().collect();
    by_size.sort_by_key(|t| t.len());
    let median = by_size[by_size.len() / 2];
    g.throughput(Throughput::Bytes(median.len() as u64));
    g.bench_function(format!("parse_median_doc_{}_bytes", median.len()), |b| {
        b.iter(|| black_box(Document::parse(black_box(median))))
    });
    // The rules, on documents already parsed.
    let docs: Vec<(Document, &String)> = texts.iter().map(|t| (Document::parse(t), t)).collect();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("validate_corpus_{}_docs", texts.len()), |b| {
        b.iter(|| {
            docs.iter()
                .map(|(d, t)| vanban::validate(black_box(d), t).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
