//! Command-line interface: argument parsing, input collection, exit codes.

pub(crate) mod config_cmd;
mod git;
mod input;
mod output;
mod sarif;

use clap::{Parser, Subcommand, ValueEnum};
use copydesk::{Code, Format, Options, Severity};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::VecDeque;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Parser)]
#[command(
    name = "copydesk",
    version,
    about = "Reads news drafts the way a copy editor does: attribution, dates and right of reply."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check drafts and report findings.
    Check(CheckArgs),
    /// Print what the analyser understood about each draft (JSON Lines).
    Inspect(InspectArgs),
    /// Print the effective house configuration for a draft or folder, and where each value came from.
    Config { path: Option<String> },
    /// Serve the Language Server Protocol over stdio.
    Lsp {
        /// Accepted for clients that add it on their own; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// rustc-style messages with the draft's lines.
    Human,
    /// JSON Lines, one finding per line (see the README).
    Json,
    /// SARIF 2.1.0, for code scanning and SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Never,
}

#[derive(clap::Args)]
struct InputArgs {
    /// Files or directories to read (`-` reads standard input).
    paths: Vec<String>,
    /// Read the draft from standard input.
    #[arg(long)]
    stdin: bool,
    /// Name to report for standard input; its extension picks Markdown or plain text.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Reference date (YYYY-MM-DD) for resolving relative dates, overriding the draft's own.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<chrono::NaiveDate>,
    /// In directories, read only files matching GLOB (repeatable; replaces the
    /// default .md/.markdown/.mdx/.txt/.text). A GLOB without `/` matches file names.
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Leave out files and directories matching GLOB (repeatable), also when
    /// named on the command line.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Only drafts changed since the git revision REV (committed on this branch
    /// since it left REV, uncommitted, or new and not ignored), within PATHs if given.
    #[arg(long, value_name = "REV")]
    changed_since: Option<String>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
}

#[derive(clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: OutputFormat,
    /// Exit with status 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
    /// Print a table of findings per code and severity (after the human
    /// output; on stderr with the other formats).
    #[arg(long)]
    summary: bool,
}

#[derive(clap::Args)]
struct InspectArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format (only JSON Lines is available).
    #[arg(long, value_enum, default_value = "json")]
    format: InspectFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InspectFormat {
    Json,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date: write it as YYYY-MM-DD, e.g. 2026-03-12"))
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Check(args) => check(args),
        Command::Inspect(args) => inspect(args),
        Command::Config { path } => config_cmd::run(path),
        Command::Lsp { stdio: _ } => crate::server::run(),
    }
}

/// Engine options for the draft at `path`, with its house rules. `Err` (the
/// draft is skipped, the run exits 2) when its copydesk.toml or actors file is
/// broken; the file's own error is printed once on standard error.
fn options_for(draft: &input::Draft, date: Option<chrono::NaiveDate>) -> Result<Options, String> {
    let path = draft.name.as_str();
    let mut opts = Options::new(Format::from_path(path));
    opts.reference_date = date;
    config_cmd::apply(path, draft.is_file(), &mut opts).map_err(|file| {
        format!(
            "skipped `{path}`: its house configuration ({file}) is broken; fix it and run again"
        )
    })?;
    Ok(opts)
}

/// Collects the drafts (and, for more than one, switches the allocator to
/// mimalloc); `Err` is the exit code.
fn prepare(input: &InputArgs) -> Result<(Vec<input::Draft>, bool), ExitCode> {
    let selection = input::Selection {
        include: input.include.clone(),
        exclude: input.exclude.clone(),
    };
    let request = input::Request {
        paths: &input.paths,
        stdin: input.stdin,
        stdin_name: input.stdin_filename.as_deref(),
        selection: &selection,
        changed_since: input.changed_since.as_deref(),
    };
    let (drafts, had_error) = match input::collect(&request) {
        Ok(x) => x,
        Err(msg) => {
            eprintln!("copydesk: {msg}");
            return Err(ExitCode::from(2));
        }
    };
    if drafts.len() > 1 {
        // Many drafts: mimalloc's thread caches pay (see allocator.rs).
        crate::allocator::switch_to_mimalloc();
    }
    if drafts.is_empty() && !had_error && input.changed_since.is_none() {
        eprintln!("copydesk: no drafts given: name files or directories, or pass `-` to read standard input");
        return Err(ExitCode::from(2));
    }
    Ok((drafts, had_error))
}

/// A progress bar on stderr for runs that take a while; never drawn when
/// stderr is not a terminal.
struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    shown: AtomicBool,
}

impl Progress {
    /// Runs shorter than this never show a bar.
    const DELAY: Duration = Duration::from_millis(400);

    fn new(len: usize) -> Progress {
        let bar = (len > 1 && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:30.cyan/blue} {pos}/{len} drafts  {per_sec:.dim}  {eta} left",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    fn inc(&self) {
        let Some(bar) = &self.bar else { return };
        bar.inc(1);
        if self.start.elapsed() >= Self::DELAY && !self.shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Runs `work` on every draft on `jobs` threads (this one among them) and
/// hands each result to `emit` in input order, as soon as it and every
/// draft before it are done. Output streams while the run goes on, and
/// memory holds only results waiting for an earlier draft, never a whole
/// archive's rendered findings. Threads take drafts in input order from a
/// shared counter, so few results wait; whichever thread finds the next
/// result due emits it, so no thread sleeps waiting on the others.
fn in_order<T: Sync, R: Send>(
    drafts: &[T],
    jobs: usize,
    work: impl Fn(&T) -> R + Sync,
    emit: impl FnMut(R) + Send,
) {
    let next = AtomicUsize::new(0);
    let queue = Mutex::new(Reorder {
        waiting: VecDeque::new(),
        due: 0,
    });
    let emit = Mutex::new(emit);
    let run = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(d) = drafts.get(i) else { break };
        let result = work(d);
        lock(&queue).put(i, result);
        // Busy emitter: it will find this result when it looks again.
        if let Ok(mut emit) = emit.try_lock() {
            drain(&queue, &mut *emit);
        }
    };
    let threads = jobs.clamp(1, drafts.len().max(1));
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(run);
        }
        run();
    });
    // A result put while the last emitter was finishing is still waiting.
    drain(&queue, &mut *lock(&emit));
}

/// Results that came in out of order: `waiting[k]` is draft `due + k`.
struct Reorder<R> {
    waiting: VecDeque<Option<R>>,
    due: usize,
}

impl<R> Reorder<R> {
    fn put(&mut self, i: usize, result: R) {
        let slot = i - self.due;
        if self.waiting.len() <= slot {
            self.waiting.resize_with(slot + 1, || None);
        }
        self.waiting[slot] = Some(result);
    }

    /// The result due next, if it is in.
    fn take_due(&mut self) -> Option<R> {
        let r = self.waiting.front_mut()?.take()?;
        self.waiting.pop_front();
        self.due += 1;
        Some(r)
    }
}

/// Emits every result that is due, in order, without holding the queue's
/// lock while emitting.
fn drain<R>(queue: &Mutex<Reorder<R>>, emit: &mut impl FnMut(R)) {
    while let Some(r) = lock(queue).take_due() {
        emit(r);
    }
}

/// A poisoned lock means a worker panicked, and the panic is already on its
/// way to the caller; the data is still whole.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The threads a run uses: `--jobs`, or one per core.
fn jobs(input: &InputArgs) -> usize {
    input
        .jobs
        .filter(|&n| n > 0)
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
}

/// One draft, checked on a worker thread and rendered in the chosen format.
struct Checked {
    name: String,
    outcome: Result<Report, String>,
}

struct Report {
    /// Code and severity of each finding (exit status, `--summary`).
    counts: Vec<(Code, Severity)>,
    /// Human, JSON Lines or workflow-command output.
    rendered: Vec<u8>,
    sarif: Option<sarif::FileResults>,
}

thread_local! {
    /// Each worker's buffer for the text of the draft it is checking.
    static TEXT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

fn check_one(
    draft: &input::Draft,
    format: OutputFormat,
    date: Option<chrono::NaiveDate>,
) -> Checked {
    let outcome = TEXT.with_borrow_mut(|text| {
        draft.load_into(text)?;
        let text = text.as_str();
        let opts = options_for(draft, date)?;
        let analysis = copydesk::analyze(text, &opts);
        let findings = &analysis.findings;
        let mut rendered = Vec::new();
        let mut sarif_results = None;
        // Writing to a Vec cannot fail.
        let _ = match format {
            OutputFormat::Json => {
                output::json_lines(&mut rendered, &draft.name, text, findings);
                Ok(())
            }
            OutputFormat::Human => output::human(&mut rendered, &draft.name, text, findings),
            OutputFormat::Github => output::github(&mut rendered, &draft.name, text, findings),
            OutputFormat::Sarif => {
                sarif_results = Some(sarif::file_results(&draft.name, text, findings));
                Ok(())
            }
        };
        Ok(Report {
            counts: findings.iter().map(|f| (f.code, f.severity)).collect(),
            rendered,
            sarif: sarif_results,
        })
    });
    Checked {
        name: draft.name.clone(),
        outcome,
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let (drafts, mut had_error) = match prepare(&args.input) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let progress = Progress::new(drafts.len());
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut failing = false;
    let mut tally = output::Tally::default();
    let mut sarif_files = Vec::new();
    let mut problems = Vec::new();
    let mut broken_pipe = false;
    let work = |d: &input::Draft| {
        let c = check_one(d, args.format, args.input.date);
        progress.inc();
        c
    };
    in_order(&drafts, jobs(&args.input), work, |c| {
        let report = match c.outcome {
            Ok(r) => r,
            Err(msg) => {
                eprintln!("copydesk: {msg}");
                had_error = true;
                tally.unreadable += 1;
                if args.format == OutputFormat::Github && !broken_pipe {
                    broken_pipe = output::github_problem(&mut out, &c.name, &msg).is_err();
                }
                problems.push(sarif::Problem {
                    name: c.name,
                    message: msg,
                });
                return;
            }
        };
        tally.drafts += 1;
        for &(code, severity) in &report.counts {
            tally.add(code, severity);
            if threshold.is_some_and(|t| severity.rank() <= t.rank()) {
                failing = true;
            }
        }
        if let Some(s) = report.sarif {
            sarif_files.push(s);
        }
        if !broken_pipe {
            // Broken pipe (e.g. `| head`): stop writing, keep counting.
            broken_pipe = out.write_all(&report.rendered).is_err();
        }
    });
    progress.finish();
    let code: u8 = if had_error {
        2
    } else if failing {
        1
    } else {
        0
    };
    if !broken_pipe {
        match args.format {
            OutputFormat::Human => {
                let _ = writeln!(out, "{}", output::summary_line(tally.total()));
                if args.summary {
                    let _ = write!(out, "\n{}", tally.table());
                }
            }
            OutputFormat::Sarif => {
                let log = sarif::log(sarif_files, &problems, code);
                if serde_json::to_writer_pretty(&mut out, &log).is_ok() {
                    let _ = writeln!(out);
                }
            }
            OutputFormat::Json | OutputFormat::Github => {}
        }
    }
    let _ = out.flush();
    if args.summary && args.format != OutputFormat::Human {
        eprint!("{}", tally.table());
    }
    ExitCode::from(code)
}

fn inspect(args: InspectArgs) -> ExitCode {
    let (drafts, mut had_error) = match prepare(&args.input) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let progress = Progress::new(drafts.len());
    let date = args.input.date;
    let work = |d: &input::Draft| {
        let row = TEXT.with_borrow_mut(|text| {
            d.load_into(text)?;
            let opts = options_for(d, date)?;
            let analysis = copydesk::analyze(text, &opts);
            Ok(copydesk::inspect::to_json(&d.name, &analysis).to_string())
        });
        progress.inc();
        row
    };
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut broken_pipe = false;
    in_order(
        &drafts,
        jobs(&args.input),
        work,
        |row: Result<String, String>| match row {
            Ok(line) => {
                if !broken_pipe {
                    broken_pipe = writeln!(out, "{line}").is_err();
                }
            }
            Err(msg) => {
                eprintln!("copydesk: {msg}");
                had_error = true;
            }
        },
    );
    progress.finish();
    let _ = out.flush();
    if had_error {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::in_order;

    #[test]
    fn in_order_emits_every_result_in_input_order() {
        for jobs in [1, 2, 3, 8] {
            for n in [0, 1, 2, 7, 300] {
                let items: Vec<u64> = (0..n).collect();
                let mut seen = Vec::new();
                // Uneven work, so threads finish out of order.
                let work = |&i: &u64| {
                    let spin = (i * 7919) % 23 * 2_000;
                    let mut x = i;
                    for k in 0..spin {
                        x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(k));
                    }
                    (i, x)
                };
                in_order(&items, jobs, work, |(i, _)| seen.push(i));
                assert_eq!(seen, items, "jobs {jobs}, {n} items");
            }
        }
    }
}
