//! Does analysis time grow linearly with draft length? Generated drafts of
//! 1,000 to 1,000,000 words of varied invented news prose (quotes, names,
//! dates, accusations, responses, lists and block quotes); criterion reports
//! time and MB/s per size, which should stay flat.
//! `cargo bench --bench scaling` (add `-- --quick` for a rough curve).

use copydesk::{analyze, Format, Options};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// A small deterministic generator (xorshift) so drafts vary without a
/// dependency on `rand`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next() % xs.len()]
    }
}

const FIRST: &[&str] = &[
    "Ines", "Bram", "Tova", "Kofi", "Maren", "Ilya", "Dara", "Yusuf", "Petra", "Caio",
];
const LAST: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Ferrand",
    "Haddad",
    "Moreau",
    "Quill",
    "Sato",
    "Varga",
];
const ORGS: &[&str] = &[
    "Pelton Freight",
    "the Ashgrove Transit Authority",
    "Norrow Mutual",
    "the regional water board",
    "Glasswing Labs",
    "the county sheriff's office",
];
const ROLES: &[&str] = &[
    "a spokeswoman for",
    "the chief executive of",
    "a lawyer representing",
    "an auditor hired by",
    "a former manager at",
];
const DATES: &[&str] = &[
    "on Tuesday",
    "last week",
    "on March 3",
    "in 2021",
    "yesterday",
    "on Jan. 14, 2025",
    "earlier this month",
    "next Friday",
];
const TEMPLATES: &[&str] = &[
    "{P}, {R} {O}, said {D} that the budget had been cut by a third.",
    "“We were never shown the inspection reports,” said {P}, who has lived on the estate for 20 years.",
    "{O} did not respond to requests for comment {D}.",
    "{P} accused {O} of hiding safety complaints from regulators.",
    "Critics say {O} misled investors about the losses.",
    "The council voted 7-2 {D} to extend the contract.",
    "According to court filings, {O} paid $3.4 million to settle the claims {D}.",
    "“That is false,” {P} said in a statement, adding that the records were public.",
    "It is widely believed that the merger will collapse.",
    "{P} denied the allegations {D}, calling them “a smear.”",
    "Officials reportedly met {D} to discuss the closures.",
    "The plant will reopen {D}, a company memo said.",
    "Residents said the water had smelled of chlorine for months.",
    "{O} has been accused of retaliating against {P}, a former employee.",
];

/// A deterministic draft of about `words` words.
pub fn make_draft(words: usize, seed: u64) -> String {
    let mut rng = Rng(seed | 1);
    let mut out = String::from("---\ndate: 2026-03-12\ntitle: Scaling draft\n---\n\n");
    out.push_str("HARWICK, March 11 — ");
    let mut n = 0;
    while n < words {
        let sentences = 1 + rng.next() % 4;
        let lead = match rng.next() % 12 {
            0 => "> ",
            1 => "- ",
            2 => "## ",
            _ => "",
        };
        out.push_str(lead);
        for _ in 0..sentences {
            let t = rng.pick(TEMPLATES);
            let person = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
            let s = t
                .replace("{P}", &person)
                .replace("{R}", rng.pick(ROLES))
                .replace("{O}", rng.pick(ORGS))
                .replace("{D}", rng.pick(DATES));
            n += s.split_whitespace().count();
            out.push_str(&s);
            out.push(' ');
        }
        out.push_str("\n\n");
    }
    out
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    let opts = Options::new(Format::Markdown);
    for words in [1_000usize, 10_000, 100_000, 1_000_000] {
        let draft = make_draft(words, 42);
        group.throughput(Throughput::Bytes(draft.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(words), &draft, |b, d| {
            b.iter(|| analyze(d, &opts))
        });
    }
    group.finish();
}

criterion_group!(benches, scaling);
criterion_main!(benches);
