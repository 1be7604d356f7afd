//! Whole-draft analysis throughput on generated drafts of 600, 5,000 and
//! 50,000 words. `cargo bench --bench analysis` reports time and MB/s.

use copydesk::{analyze, Format, Options};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

mod common;

/// A deterministic draft of about `words` words, made of invented paragraphs
/// that exercise every stage (quotes, attributions, dates, accusations).
pub fn make_draft(words: usize) -> String {
    let vocabulary = common::Vocabulary {
        names: &common::NAMES[..5],
        orgs: &common::ORGS[..4],
        templates: &common::TEMPLATES[..10],
    };
    let mut out = String::from(
        "---\ndate: 2026-03-12\ntitle: Benchmark draft\n---\n\n# A generated draft\n\n",
    );
    common::fill(&mut out, words, 0, &vocabulary, |i| {
        if i % 3 == 2 {
            "\n\n"
        } else {
            " "
        }
    });
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    group.sample_size(20);
    for words in [600usize, 5_000, 50_000] {
        let draft = make_draft(words);
        let opts = Options::new(Format::Markdown);
        group.throughput(Throughput::Bytes(draft.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(words), &draft, |b, d| {
            b.iter(|| analyze(d, &opts))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
