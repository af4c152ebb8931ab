//! Extraction: raw file bytes → [`Article`] fields (title, authors, date, outlet, language, body).
//!
//! This module owns deciding what a file is (HTML, plain text, gzip), decoding it to text and
//! dispatching to the HTML or plain-text extractor. It does not attribute quotes (see
//! [`crate::attribute`]) and never touches the index.

mod byline;
mod content;
mod decode;
mod html;
mod language;
mod meta;
mod nesting;
mod text;

pub use byline::{clean_author_names, split_authors};
pub use decode::decode_text;

use std::io::Read;

use crate::article::Article;

/// Bounds on the work spent on one file, so a hostile file cannot stall or exhaust a run.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest file read, in bytes (after decompression for `.gz`).
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        // 32 MiB holds the largest real article pages by two orders of magnitude.
        Self {
            max_bytes: 32 * 1024 * 1024,
        }
    }
}

/// Why a file produced no article. Each variant is a one-line reason shown to the user.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("empty file")]
    Empty,
    #[error("binary file ({0}), not an article")]
    Binary(&'static str),
    #[error("file is {size} bytes, over the {limit}-byte limit (--max-file-size)")]
    TooLarge { size: u64, limit: u64 },
    #[error("corrupt gzip data: {0}")]
    Gzip(std::io::Error),
    #[error("no article text found")]
    NoText,
    #[error("internal error while extracting (please report): {0}")]
    Internal(String),
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
}

impl ExtractError {
    /// A short stable name of the reason, used to count skips in summaries.
    pub fn kind(&self) -> &'static str {
        match self {
            ExtractError::Empty => "empty",
            ExtractError::Binary(_) => "binary",
            ExtractError::TooLarge { .. } => "too large",
            ExtractError::Gzip(_) => "bad gzip",
            ExtractError::NoText => "no text",
            ExtractError::Internal(_) => "internal error",
            ExtractError::Io(_) => "unreadable",
        }
    }
}

/// What kind of document a file holds, decided from its name and, failing that, its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Text,
}

/// The format a path's extension announces (`.gz` looks at the name inside).
pub fn format_of(path: &str) -> Option<Format> {
    let lower = path.to_ascii_lowercase();
    let name = lower.strip_suffix(".gz").unwrap_or(&lower);
    let ext = name.rsplit_once('.').map(|(_, e)| e)?;
    match ext {
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "txt" | "md" | "markdown" | "text" => Some(Format::Text),
        _ => None,
    }
}

/// Reads a file within the limits, decompressing `.gz`.
pub fn read_file(path: &std::path::Path, limits: &Limits) -> Result<Vec<u8>, ExtractError> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > limits.max_bytes {
        return Err(ExtractError::TooLarge {
            size,
            limit: limits.max_bytes,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limits.max_bytes + 1).read_to_end(&mut bytes)?;
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .take(limits.max_bytes + 1)
            .read_to_end(&mut out)
            .map_err(ExtractError::Gzip)?;
        bytes = out;
    }
    if bytes.len() as u64 > limits.max_bytes {
        return Err(ExtractError::TooLarge {
            size: bytes.len() as u64,
            limit: limits.max_bytes,
        });
    }
    Ok(bytes)
}

/// Extracts an article (without quotes) from a file's decompressed bytes.
///
/// `path` is recorded in the article and its extension picks the extractor; content that
/// is plainly HTML is treated as HTML whatever its name.
pub fn extract_article(path: &str, bytes: &[u8]) -> Result<Article, ExtractError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError::Empty);
    }
    let declared = format_of(path).unwrap_or(Format::Text);
    let text = decode::decode_text(bytes, declared == Format::Html)?;
    let format = if declared == Format::Text && html::looks_like_html(&text) {
        Format::Html
    } else {
        declared
    };
    let mut article = match format {
        Format::Html => html::extract(&text),
        Format::Text => text::extract(&text),
    };
    if article.body.trim().is_empty()
        && article.title.is_none()
        && article.published.is_none()
        && article.authors.is_empty()
    {
        return Err(ExtractError::NoText);
    }
    article.path = path.to_string();
    if article.language.is_none() {
        article.language = language::detect(&article.body);
    }
    Ok(article)
}
