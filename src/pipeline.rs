//! One file in, one attributed article out: read within limits → extract → attribute.
//!
//! The indexer and `pressdex extract` both go through here, so what `extract` prints is
//! exactly what the index stores.

use std::path::Path;

use crate::article::Article;
use crate::attribute::attribute_article;
use crate::extract::{ExtractError, Limits, extract_article, read_file};

/// Stack size of extraction threads. The HTML parser and renderer recurse over the element
/// tree; [`crate::extract`] caps nesting before parsing, and this leaves a wide margin on top.
pub const WORKER_STACK_BYTES: usize = 64 * 1024 * 1024;

/// A thread pool for extraction with [`WORKER_STACK_BYTES`] stacks (rayon's global pool has
/// 2 MiB ones). `pressdex index` and `pressdex extract` both run files on it.
pub fn worker_pool(threads: usize) -> anyhow::Result<rayon::ThreadPool> {
    Ok(rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(WORKER_STACK_BYTES)
        .thread_name(|i| format!("pressdex-extract-{i}"))
        .build()?)
}

/// Reads, extracts and attributes one file. `key` is the path recorded in the article.
pub fn process_file(path: &Path, key: &str, limits: &Limits) -> Result<Article, ExtractError> {
    let bytes = read_file(path, limits)?;
    process_bytes(key, &bytes)
}

/// Extracts and attributes an article from bytes already read.
///
/// A bug that panics on some input costs that one file, never the run: the panic is caught
/// and reported as [`ExtractError::Internal`].
pub fn process_bytes(key: &str, bytes: &[u8]) -> Result<Article, ExtractError> {
    let mut article = extract_bytes(key, bytes)?;
    attribute(&mut article)?;
    Ok(article)
}

/// The extraction half of [`process_bytes`]: the article without its quotes and speakers.
pub fn extract_bytes(key: &str, bytes: &[u8]) -> Result<Article, ExtractError> {
    caught(|| extract_article(key, bytes))
}

/// The attribution half of [`process_bytes`]: fills the article's quotes and speakers.
///
/// The indexer runs it on one thread for all files: the cue patterns' lazy automata then
/// grow once, not once per extraction thread (see `crate::index::writer`).
pub fn attribute(article: &mut Article) -> Result<(), ExtractError> {
    caught(std::panic::AssertUnwindSafe(|| {
        attribute_article(article);
        Ok(())
    }))
}

/// Runs `work`, turning a panic into [`ExtractError::Internal`].
fn caught<T>(
    work: impl FnOnce() -> Result<T, ExtractError> + std::panic::UnwindSafe,
) -> Result<T, ExtractError> {
    std::panic::catch_unwind(work).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Err(ExtractError::Internal(message))
    })
}
