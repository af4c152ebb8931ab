//! Subcommands: each file turns its clap arguments into calls on the library and picks the
//! outcome. Dispatch only here.

mod extract;
mod index;
mod search;
mod speakers;
mod stats;

/// How the `index` summary writes counts ("21,578"), for those who read it back.
pub use index::thousands;

use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// How a command that did not fail ended, mapped to the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Success; for `search`, at least one hit.
    Success,
    /// `search` ran and found nothing.
    NoHits,
    /// The command ran to the end but some input failed unexpectedly.
    Partial,
    /// `index` stopped early on Ctrl-C (or SIGTERM), keeping what it had committed.
    Interrupted,
}

impl Outcome {
    /// The process exit code: 0 success, 1 no hits, 2 errors, 130 interrupted.
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::NoHits => ExitCode::from(1),
            Outcome::Partial => ExitCode::from(2),
            Outcome::Interrupted => ExitCode::from(130),
        }
    }
}

/// Standard output behind a buffer; the caller flushes it.
fn buffered_stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}

/// The query given on the command line, trimmed; `None` when absent or blank.
fn given_query(query: &Option<String>) -> Option<&str> {
    query.as_deref().map(str::trim).filter(|q| !q.is_empty())
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Index(args) => index::run(args, cli.quiet),
        Command::Search(args) => search::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Speakers(args) => speakers::run(args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_query_is_no_query() {
        assert_eq!(given_query(&None), None);
        assert_eq!(given_query(&Some("  \t".into())), None);
        assert_eq!(given_query(&Some(" peskov  ".into())), Some("peskov"));
    }
}
