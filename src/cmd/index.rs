//! `pressdex index`: walk folders, run an incremental indexing pass, print a summary.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use super::Outcome;
use crate::cli::IndexArgs;
use crate::extract::Limits;
use crate::index::open_or_create;
use crate::index::walk::{Found, walk};
use crate::index::writer::{IndexOptions, IndexReport, Progress, index_files};
use crate::pipeline::worker_pool;

/// Environment variable that makes the indexer commit after every N new or changed files
/// (instead of every 20 seconds) and print `pressdex: committing …` / `pressdex: committed N
/// files` around each commit. A hook for the tests that interrupt indexing at chosen points
/// (`tests/cli/interrupt.rs`); small commits make many small segments, so it is not for
/// everyday use.
pub const COMMIT_EVERY_ENV: &str = "PRESSDEX_COMMIT_EVERY";

/// Progress on stderr: a bar on a terminal, nothing otherwise; skipped files one line each.
struct Reporter {
    bar: Option<ProgressBar>,
    quiet: bool,
    /// Print a line around each commit ([`COMMIT_EVERY_ENV`] is set).
    commits: bool,
}

impl Reporter {
    fn line(&self, line: String) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }
}

impl Progress for Reporter {
    fn advance(&self, done: usize) {
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
        }
    }

    fn skipped(&self, path: &str, reason: &str) {
        if self.quiet {
            return;
        }
        // One line per file, whatever the file name or the error message holds.
        let one_line = |s: &str| s.replace('\n', "\\n").replace('\r', "\\r");
        self.line(format!(
            "pressdex: skipped {}: {}",
            one_line(path),
            one_line(reason)
        ));
    }

    fn committing(&self) {
        if self.commits {
            self.line("pressdex: committing …".to_string());
        }
    }

    fn committed(&self, files: usize) {
        if self.commits {
            self.line(format!("pressdex: committed {files} files"));
        }
    }
}

/// The value of [`COMMIT_EVERY_ENV`], if set.
fn commit_every() -> anyhow::Result<Option<usize>> {
    match std::env::var(COMMIT_EVERY_ENV) {
        Err(_) => Ok(None),
        Ok(v) => match v.trim().parse::<usize>() {
            Ok(n) if n > 0 => Ok(Some(n)),
            _ => anyhow::bail!("{COMMIT_EVERY_ENV} must be a positive number of files, not {v:?}"),
        },
    }
}

/// Runs `pressdex index`.
///
/// Exit codes: 0 when every file was indexed, unchanged or skipped for a known reason (empty,
/// binary, over a limit, unreadable …, each reported on one line of stderr); 2 on an error that
/// stops the run (index damaged, foreign or locked by another writer) or when a file failed
/// for an internal reason (a bug: please report); 130 when interrupted by Ctrl-C (SIGINT) or
/// SIGTERM, after committing what was done.
pub fn run(args: IndexArgs, quiet: bool) -> anyhow::Result<Outcome> {
    let commit_every = commit_every()?;
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    // A second Ctrl-C falls through to the default: the user insists.
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
    let press = open_or_create(&args.location.index, args.rebuild)?;
    let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
        // The pass walks as it goes; a first walk that only counts sizes the bar.
        let files = walk(&args.dirs, args.follow_links)
            .filter(|found| matches!(found, Found::File(_)))
            .count();
        let bar = ProgressBar::new(files as u64);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} indexing {pos}/{len} files [{bar:30}] {per_sec} eta {eta}",
            )
            .expect("valid template")
            .progress_chars("=> "),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    });
    let reporter = Reporter {
        bar,
        quiet,
        commits: commit_every.is_some(),
    };
    let options = IndexOptions {
        limits: Limits {
            max_bytes: args.max_file_size,
        },
        commit_every,
        follow_links: args.follow_links,
    };
    let pool = worker_pool(threads)?;
    let report = pool.install(|| index_files(&press, &args.dirs, &options, &reporter, &stop))?;
    if let Some(bar) = &reporter.bar {
        bar.finish_and_clear();
    }
    eprintln!("{}", summary(&report, &press.dir));
    Ok(if report.interrupted {
        Outcome::Interrupted
    } else if report.internal_errors > 0 {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}

/// The one summary line printed at the end of a run.
fn summary(r: &IndexReport, dir: &std::path::Path) -> String {
    let mut line = format!(
        "{}added {}, updated {}, removed {}, unchanged {}, skipped {}",
        if r.interrupted {
            "interrupted; kept what was done: "
        } else {
            ""
        },
        thousands(r.added),
        thousands(r.updated),
        thousands(r.removed),
        thousands(r.unchanged),
        thousands(r.skipped.len()),
    );
    if !r.skip_kinds.is_empty() {
        let kinds: Vec<String> = r
            .skip_kinds
            .iter()
            .map(|(k, n)| format!("{k} {}", thousands(*n)))
            .collect();
        line.push_str(&format!(" ({})", kinds.join(", ")));
    }
    if r.ignored > 0 {
        line.push_str(&format!(", ignored {} other files", thousands(r.ignored)));
    }
    line.push_str(&format!(
        "; the index ({}) holds {}, {}; {:.1}s",
        dir.display(),
        counted(r.articles as usize, "article"),
        counted(r.quotes as usize, "quote"),
        r.elapsed.as_secs_f64()
    ));
    line
}

/// "1 article", "21,578 articles".
fn counted(n: usize, noun: &str) -> String {
    format!("{} {noun}{}", thousands(n), if n == 1 { "" } else { "s" })
}

/// 21578 → "21,578".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(21_578), "21,578");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn counted_says_one_article_and_many_articles() {
        assert_eq!(counted(1, "article"), "1 article");
        assert_eq!(counted(1350, "article"), "1,350 articles");
    }
}
