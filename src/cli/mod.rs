//! Command-line interface: argument parsing, input collection, exit codes.

mod config_cmd;
mod input;
mod output;

use clap::{Parser, Subcommand, ValueEnum};
use copydesk::{Format, Options, Severity};
use std::io::Write;
use std::process::ExitCode;

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
    Human,
    Json,
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

fn options_for(path: &str, date: Option<chrono::NaiveDate>) -> Options {
    let mut opts = Options::new(Format::from_path(path));
    opts.reference_date = date;
    if config_cmd::apply(path, &mut opts).is_err() {
        std::process::exit(2);
    }
    opts
}

fn check(args: CheckArgs) -> ExitCode {
    let (drafts, mut had_error) = input::collect(
        &args.input.paths,
        args.input.stdin,
        args.input.stdin_filename.as_deref(),
    );
    if drafts.is_empty() && !had_error {
        eprintln!("copydesk: no drafts given: name files or directories, or pass `-` to read standard input");
        return ExitCode::from(2);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failing = false;
    let mut total = 0usize;
    for draft in drafts {
        let text = match draft.text {
            Ok(t) => t,
            Err(msg) => {
                eprintln!("copydesk: {msg}");
                had_error = true;
                continue;
            }
        };
        let analysis = copydesk::analyze(&text, &options_for(&draft.name, args.input.date));
        for f in &analysis.findings {
            if threshold.is_some_and(|t| f.severity.rank() <= t.rank()) {
                failing = true;
            }
        }
        total += analysis.findings.len();
        let res = match args.format {
            OutputFormat::Json => {
                output::json_lines(&mut out, &draft.name, &text, &analysis.findings)
            }
            OutputFormat::Human => output::human(&mut out, &draft.name, &text, &analysis.findings),
        };
        if res.is_err() {
            // Broken pipe (e.g. `| head`): stop quietly.
            return ExitCode::from(if had_error { 2 } else { 0 });
        }
    }
    if args.format == OutputFormat::Human {
        let _ = writeln!(out, "{}", output::summary_line(total));
    }
    let _ = out.flush();
    if had_error {
        ExitCode::from(2)
    } else if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn inspect(args: InspectArgs) -> ExitCode {
    let (drafts, mut had_error) = input::collect(
        &args.input.paths,
        args.input.stdin,
        args.input.stdin_filename.as_deref(),
    );
    if drafts.is_empty() && !had_error {
        eprintln!("copydesk: no drafts given: name files or directories, or pass `-` to read standard input");
        return ExitCode::from(2);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for draft in drafts {
        let text = match draft.text {
            Ok(t) => t,
            Err(msg) => {
                eprintln!("copydesk: {msg}");
                had_error = true;
                continue;
            }
        };
        let analysis = copydesk::analyze(&text, &options_for(&draft.name, args.input.date));
        let value = copydesk::inspect::to_json(&draft.name, &analysis);
        if writeln!(out, "{value}").is_err() {
            break;
        }
    }
    let _ = out.flush();
    if had_error {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
