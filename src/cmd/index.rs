//! `pressdex index`: walk folders, run an incremental indexing pass, print a summary.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use super::Outcome;
use crate::cli::IndexArgs;
use crate::extract::Limits;
use crate::index::writer::{IndexOptions, IndexReport, Progress, index_files};
use crate::index::{open_or_create, walk::walk};

/// Stack size of extraction threads: deeply nested HTML needs more than the 2 MiB default.
const WORKER_STACK_BYTES: usize = 64 * 1024 * 1024;

/// Progress on stderr: a bar on a terminal, nothing otherwise; skipped files one line each.
struct Reporter {
    bar: Option<ProgressBar>,
    quiet: bool,
}

impl Progress for Reporter {
    fn advance(&self, done: usize, total: usize) {
        if let Some(bar) = &self.bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    }

    fn skipped(&self, path: &str, reason: &str) {
        if self.quiet {
            return;
        }
        let line = format!("pressdex: skipped {path}: {reason}");
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }
}

/// Runs `pressdex index`.
pub fn run(args: IndexArgs, quiet: bool) -> anyhow::Result<Outcome> {
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
    let walked = walk(&args.dirs, args.follow_links);
    let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(walked.files.len() as u64);
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
    let reporter = Reporter { bar, quiet };
    let options = IndexOptions {
        limits: Limits {
            max_bytes: args.max_file_size,
        },
        threads,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(WORKER_STACK_BYTES)
        .build()?;
    let report = pool.install(|| index_files(&press, walked, &options, &reporter, &stop))?;
    if let Some(bar) = &reporter.bar {
        bar.finish_and_clear();
    }
    eprintln!("{}", summary(&report, &press.dir));
    Ok(if report.internal_errors > 0 {
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
