//! Whole-draft analysis throughput on generated drafts of 600, 5,000 and
//! 50,000 words. `cargo bench --bench analysis` reports time and MB/s.

use copydesk::{analyze, Format, Options};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// A deterministic draft of about `words` words, made of invented paragraphs
/// that exercise every stage (quotes, attributions, dates, accusations).
pub fn make_draft(words: usize) -> String {
    const NAMES: &[&str] = &[
        "Ana Ruiz",
        "Tom Brandt",
        "Lia Chen",
        "Omar Diallo",
        "Greta Holm",
    ];
    const ORGS: &[&str] = &[
        "Corvane Logistics",
        "the Harlow County Board",
        "Millbrook Water Co.",
        "the state health department",
    ];
    const TEMPLATES: &[&str] = &[
        "{N}, the county's finance director, said Tuesday that revenue fell 12% last year because tourism slowed.",
        "\"We warned them about the pipes in 2019 and nobody listened,\" said {N}, who lives on Mill Street.",
        "{O} did not respond to a request for comment.",
        "Critics say {O} ignored the inspection reports for months.",
        "The board voted 5-2 on March 3 to approve the contract. The contract runs through 2028.",
        "{N} accused {O} of billing the city for work its crews never finished.",
        "Officials reportedly discussed closing the plant yesterday.",
        "The company will lay off 40 workers.",
        "According to court records, {O} paid $2.1 million to settle the case in 2024.",
        "Residents are frustrated with the repairs, which have dragged on since last spring.",
    ];
    let mut out = String::from(
        "---\ndate: 2026-03-12\ntitle: Benchmark draft\n---\n\n# A generated draft\n\n",
    );
    let mut n = 0usize;
    let mut i = 0usize;
    while n < words {
        let t = TEMPLATES[i % TEMPLATES.len()]
            .replace("{N}", NAMES[(i / 3) % NAMES.len()])
            .replace("{O}", ORGS[(i / 7) % ORGS.len()]);
        n += t.split_whitespace().count();
        out.push_str(&t);
        out.push_str(if i % 3 == 2 { "\n\n" } else { " " });
        i += 1;
    }
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
