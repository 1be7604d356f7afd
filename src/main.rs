//! The `copydesk` binary: `check`, `inspect` and `lsp`.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
