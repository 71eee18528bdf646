//! `timgate`: the operator's rules tool (`cargo run --bin timgate -- …`, `npm run rules -- …`).
//!
//! Thin on purpose: it reads arguments and files, calls `timgate_cli`, prints, and picks the
//! exit code. Native only; the worker is the library's wasm build.

#[cfg(not(target_arch = "wasm32"))]
#[macro_use]
mod output;
#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod commands;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser;
    commands::run(args::Cli::parse())
}

/// The tool does not exist in the wasm build (worker-build builds only the library).
#[cfg(target_arch = "wasm32")]
fn main() {}
