//! Output: renders results as human-readable text or JSON Lines. The only module that prints
//! results; everything it renders is built elsewhere.

pub mod human;
pub mod json;

use serde::Serialize;

use crate::article::Article;
use crate::date::PublishedDate;
use crate::query::facets::Count;

/// One line of `pressdex extract`: an article, or the reason a file gave none.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum ExtractRecord {
    Article(Box<Article>),
    Error { path: String, error: String },
}

/// What `pressdex stats` reports.
#[derive(Debug, Serialize)]
pub struct IndexStats {
    pub index: String,
    pub articles: u64,
    pub quotes: u64,
    pub first_published: Option<PublishedDate>,
    pub last_published: Option<PublishedDate>,
    pub top_authors: Vec<Count>,
    pub top_speakers: Vec<Count>,
    pub top_sources: Vec<Count>,
    pub size_bytes: u64,
}

/// A path as the user would type it: relative to the current folder when inside it.
pub fn display_path(path: &str) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            std::path::Path::new(path)
                .strip_prefix(&cwd)
                .ok()
                .map(|p| p.display().to_string())
        })
        .unwrap_or_else(|| path.to_string())
}
