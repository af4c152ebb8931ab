//! `pressdex extract`: runs the pipeline on files and prints what the indexer would see.

use std::io::Write;

use rayon::prelude::*;

use super::Outcome;
use crate::cli::ExtractArgs;
use crate::extract::Limits;
use crate::output::{self, ExtractRecord};
use crate::pipeline::{process_file, worker_pool};

/// Extracts each file (in parallel, printed in the order given).
pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let limits = Limits {
        max_bytes: args.max_file_size,
    };
    // Extraction threads need big stacks (see `worker_pool`), not rayon's global 2 MiB ones.
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let pool = worker_pool(threads.min(args.files.len().max(1)))?;
    let records: Vec<ExtractRecord> = pool.install(|| {
        args.files
            .par_iter()
            .map(|path| {
                let key = path.to_string_lossy().into_owned();
                match process_file(path, &key, &limits) {
                    Ok(article) => ExtractRecord::Article(Box::new(article)),
                    Err(e) => ExtractRecord::Error {
                        path: key,
                        error: e.to_string(),
                    },
                }
            })
            .collect()
    });
    let mut out = super::buffered_stdout();
    let mut failed = false;
    for record in &records {
        failed |= matches!(record, ExtractRecord::Error { .. });
        if args.json {
            output::json::write_extract(&mut out, record)?;
        } else {
            output::human::write_extract(&mut out, record)?;
        }
    }
    out.flush()?;
    Ok(if failed {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
