//! Command-line interface: argument parsing, input collection, exit codes.

pub(crate) mod config_cmd;
mod git;
mod input;
mod output;
mod sarif;

use clap::{Parser, Subcommand, ValueEnum};
use copydesk::{Code, Format, Options, Severity};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
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

/// Collects the drafts and sets up the worker pool; `Err` is the exit code.
fn prepare(input: &InputArgs) -> Result<(Vec<input::Draft>, bool), ExitCode> {
    if let Some(n) = input.jobs {
        // Only fails when the pool was already built, which it is not.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
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
    // `collect` keeps the input order whatever order the threads finish in.
    let one = |d: &input::Draft| {
        let c = check_one(d, args.format, args.input.date);
        progress.inc();
        c
    };
    // One draft: no worker pool to start (its threads cost more CPU than
    // a short draft's analysis).
    let checked: Vec<Checked> = if drafts.len() == 1 {
        drafts.iter().map(one).collect()
    } else {
        drafts.par_iter().map(one).collect()
    };
    progress.finish();

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failing = false;
    let mut tally = output::Tally::default();
    let mut sarif_files = Vec::new();
    let mut problems = Vec::new();
    let mut broken_pipe = false;
    for c in checked {
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
                continue;
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
    }
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
    let one = |d: &input::Draft| {
        let row = TEXT.with_borrow_mut(|text| {
            d.load_into(text)?;
            let opts = options_for(d, date)?;
            let analysis = copydesk::analyze(text, &opts);
            Ok(copydesk::inspect::to_json(&d.name, &analysis).to_string())
        });
        progress.inc();
        row
    };
    let rows: Vec<Result<String, String>> = if drafts.len() == 1 {
        drafts.iter().map(one).collect()
    } else {
        drafts.par_iter().map(one).collect()
    };
    progress.finish();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut broken_pipe = false;
    for row in rows {
        match row {
            Ok(line) => {
                if !broken_pipe {
                    broken_pipe = writeln!(out, "{line}").is_err();
                }
            }
            Err(msg) => {
                eprintln!("copydesk: {msg}");
                had_error = true;
            }
        }
    }
    let _ = out.flush();
    if had_error {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
