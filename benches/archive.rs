//! Directory-check throughput over a generated archive of invented drafts.
//!
//! `cargo bench --bench archive` writes 2,000+ drafts into a temporary
//! directory, then measures `copydesk check --format json DIR` end to end
//! (the real binary: walk, read, parallel analysis, ordered output) with
//! criterion (MB/s), and prints drafts/s plus a breakdown by stage measured
//! in-process: reading the files, analysis on one thread, analysis on all
//! cores (rayon). `ARCHIVE_DRAFTS=N` changes the archive size;
//! `ARCHIVE_KEEP=DIR` writes the archive into DIR and leaves it there, for
//! profiling `copydesk check DIR` by hand.

use copydesk::{analyze, Format, Options};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

/// One invented draft, varied by `seed` (length, front matter, format).
fn draft(seed: usize) -> (String, &'static str) {
    let words = 250 + (seed * 7919) % 1500;
    let markdown = !seed.is_multiple_of(4);
    let mut out = String::new();
    if markdown {
        if !seed.is_multiple_of(3) {
            out.push_str(&format!(
                "---\ndate: 2026-0{}-1{}\n---\n\n",
                1 + seed % 9,
                seed % 10
            ));
        }
        out.push_str(&format!("# Desk story {seed}\n\n"));
    }
    let vocabulary = common::Vocabulary {
        names: common::NAMES,
        orgs: common::ORGS,
        templates: common::TEMPLATES,
    };
    common::fill(&mut out, words, seed, &vocabulary, |i| {
        if i % 3 == 2 {
            "\n\n"
        } else if markdown {
            " "
        } else {
            "\n"
        }
    });
    (out, if markdown { "md" } else { "txt" })
}

struct Archive {
    _dir: Option<tempfile::TempDir>,
    root: PathBuf,
    files: Vec<PathBuf>,
    bytes: u64,
}

fn archive(count: usize) -> Archive {
    let (dir, root) = match std::env::var_os("ARCHIVE_KEEP") {
        Some(keep) => (None, PathBuf::from(keep)),
        None => {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path().join("archive");
            (Some(dir), root)
        }
    };
    let mut files = Vec::with_capacity(count);
    let mut bytes = 0u64;
    for seed in 0..count {
        let (text, ext) = draft(seed);
        let sub = root.join(format!("{}/{:02}", 2015 + seed % 10, seed % 12 + 1));
        std::fs::create_dir_all(&sub).unwrap();
        let path = sub.join(format!("story-{seed:05}.{ext}"));
        bytes += text.len() as u64;
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    // Things a real archive holds that a run must skip.
    std::fs::write(root.join(".gitignore"), "drafts-private/\n").unwrap();
    std::fs::create_dir_all(root.join("drafts-private")).unwrap();
    std::fs::write(root.join("drafts-private/x.md"), "Skipped.\n").unwrap();
    std::fs::write(root.join("index.json"), "{}").unwrap();
    Archive {
        _dir: dir,
        root,
        files,
        bytes,
    }
}

fn run_check(root: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(root)
        .stdout(Stdio::null())
        .status()
        .expect("copydesk runs");
    assert!(status.success(), "{status}");
}

fn rate(label: &str, bytes: u64, drafts: usize, t: Duration) {
    let s = t.as_secs_f64();
    eprintln!(
        "archive: {label:<28} {:>8.1} ms  {:>7.1} MB/s  {:>8.0} drafts/s",
        s * 1e3,
        bytes as f64 / 1e6 / s,
        drafts as f64 / s
    );
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap()
}

fn bench(c: &mut Criterion) {
    let count: usize = std::env::var("ARCHIVE_DRAFTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2_000);
    let a = archive(count);
    eprintln!(
        "archive: {} drafts, {:.1} MB, {} threads",
        a.files.len(),
        a.bytes as f64 / 1e6,
        rayon::current_num_threads()
    );

    // Stages, in-process.
    let read = || -> Vec<(String, String)> {
        a.files
            .iter()
            .map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap()))
            .collect()
    };
    rate("read files (1 thread)", a.bytes, count, best_of(3, read));
    let texts = read();
    let opts = |name: &str| Options::new(Format::from_path(name));
    rate(
        "analyze (1 thread)",
        a.bytes,
        count,
        best_of(1, || {
            texts
                .iter()
                .map(|(n, t)| analyze(t, &opts(n)).findings.len())
                .sum::<usize>()
        }),
    );
    rate(
        "analyze (rayon, all cores)",
        a.bytes,
        count,
        best_of(2, || {
            texts
                .par_iter()
                .map(|(n, t)| analyze(t, &opts(n)).findings.len())
                .sum::<usize>()
        }),
    );
    rate(
        "copydesk check DIR (e2e)",
        a.bytes,
        count,
        best_of(3, || run_check(&a.root)),
    );

    let mut group = c.benchmark_group("archive");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Bytes(a.bytes));
    group.bench_function("check-dir-json", |b| b.iter(|| run_check(&a.root)));
    group.throughput(Throughput::Elements(count as u64));
    group.bench_function("check-dir-json-drafts", |b| b.iter(|| run_check(&a.root)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
