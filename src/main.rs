//! The `copydesk` binary: `check`, `inspect` and `lsp`.

mod cli;
mod server;

use std::process::ExitCode;

/// mimalloc rather than the system allocator: a directory run allocates and
/// frees many small blocks per draft on every worker thread.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
