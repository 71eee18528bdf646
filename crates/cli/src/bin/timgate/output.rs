//! Standard output for a tool that runs in pipes (`timgate explain … | head -1`).
//!
//! `print!` panics when the reader has gone ("failed printing to stdout: Broken pipe", exit
//! 101). `out!` and `outln!` write through a locked stdout instead. Once the pipe is closed they
//! drop the rest of the output, and the command finishes with the exit code it would have had
//! (`validate` still exits 1 on problems). Any other write error is the command's error.
//!
//! Why not restore SIGPIPE's default action, as C tools have it? The tool would then die by the
//! signal: `npm run rules` reports that as a failure, and a `validate` in a `set -o pipefail`
//! script could no longer tell "problems found" from "the reader stopped".

use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use timgate_cli::errors::ToolError;

static READER_GONE: AtomicBool = AtomicBool::new(false);

/// Writes to stdout; `Ok` without writing once the reader has closed the pipe.
pub fn write(args: fmt::Arguments<'_>) -> Result<(), ToolError> {
    if READER_GONE.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut stdout = io::stdout().lock();
    match stdout.write_fmt(args).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            READER_GONE.store(true, Ordering::Relaxed);
            Ok(())
        }
        Err(source) => Err(ToolError::Write { path: PathBuf::from("standard output"), source }),
        Ok(()) => Ok(()),
    }
}

/// Whether the reader of stdout has gone (a command that runs until stopped stops then).
pub fn reader_gone() -> bool {
    READER_GONE.load(Ordering::Relaxed)
}

/// `print!` that returns the write error from the enclosing function instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::output::write(format_args!($($arg)*))?
    };
}

/// `println!` that returns the write error from the enclosing function instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::output::write(format_args!("{}\n", format_args!($($arg)*)))?
    };
}
