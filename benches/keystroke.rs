//! Per-keystroke cost of the reusing `Analyzer`: a draft is analysed once,
//! then a word is inserted and deleted again at pseudo-random places in its
//! middle half (like the LSP benchmark driver), timing each re-analysis.
//!
//! `cargo bench --bench keystroke -- FILE [EDITS]` (default: a generated
//! draft, 100 edits). Prints p50/p95/max and the first analysis.
//! `KEYSTROKE_VERIFY=1` also checks each result against a fresh analysis.

use copydesk::{analyze, Analyzer, Format, Options};

#[path = "../tests/common/view.rs"]
mod view;
use std::time::Instant;
use view::view;

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| !a.starts_with("--"));
    let text = match args.next() {
        Some(path) => std::fs::read_to_string(&path).expect("read the draft"),
        None => "The agency lost $4 million, officials said yesterday. \"We will fix it,\" said Ana Ruiz.\n\n".repeat(3000),
    };
    let edits: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let verify = std::env::var_os("KEYSTROKE_VERIFY").is_some();
    let opts = Options::new(Format::Markdown);
    let mut analyzer = Analyzer::new();
    let t = Instant::now();
    let first = analyzer.analyze(&text, &opts);
    let first_ms = t.elapsed().as_secs_f64() * 1e3;
    let n_findings = first.findings.len();
    drop(first);
    // Word starts in the middle half.
    let lo = text.len() / 4;
    let hi = 3 * text.len() / 4;
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| i >= lo && i < hi && c.is_alphabetic() && text[..i].ends_with(' '))
        .map(|(i, _)| i)
        .collect();
    let mut seed: u64 = 0x9e3779b97f4a7c15;
    let mut times = Vec::with_capacity(edits);
    let mut doc = text.clone();
    let mut pending: Option<usize> = None;
    for _ in 0..edits {
        match pending.take() {
            Some(at) => {
                doc.replace_range(at..at + 5, "");
            }
            None => {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let at = starts[(seed as usize) % starts.len().max(1)];
                doc.insert_str(at, "very ");
                pending = Some(at);
            }
        }
        let t = Instant::now();
        let a = analyzer.analyze(&doc, &opts);
        times.push(t.elapsed().as_secs_f64() * 1e3);
        if verify {
            assert_eq!(
                view(&a),
                view(&analyze(&doc, &opts)),
                "reuse differs from a fresh read"
            );
        }
        drop(a);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| {
        let k = (p * times.len() as f64).ceil() as usize;
        times.get(k.max(1) - 1).copied().unwrap_or(0.0)
    };
    println!(
        "{} bytes, {n_findings} findings: first {first_ms:.2} ms, edits p50 {:.2} / p95 {:.2} / max {:.2} ms",
        text.len(),
        pct(0.5),
        pct(0.95),
        times.last().copied().unwrap_or(0.0)
    );
}
