//! The `copydesk` binary: `check`, `inspect` and `lsp`.

mod cli;
mod server;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
