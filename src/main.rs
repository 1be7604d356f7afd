//! The `copydesk` binary: `check`, `inspect` and `lsp`.

mod allocator;
mod cli;
mod server;

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: allocator::Allocator = allocator::Allocator;

fn main() -> ExitCode {
    cli::run()
}
