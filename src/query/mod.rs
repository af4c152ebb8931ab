//! Searching: a validated [`SearchRequest`] in, ranked [`Hit`]s out.
//!
//! `parse` turns the query text into a tantivy query (`join` resolves a quote search's title
//! clauses), `filter` builds the author, speaker, outlet and date filters as structured
//! queries, `run` executes, `snippet` picks and marks each hit's passage, and `facets`
//! counts speakers, authors and outlets.

pub mod count;
pub mod facets;
pub mod filter;
pub mod join;
pub mod parse;
pub mod run;
pub mod snippet;

use serde::Serialize;

use crate::date::PublishedDate;

pub use parse::{QueryError, Target};
pub use run::{SearchResults, search};

/// Sort order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

/// A search, validated and free of command-line types.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Query text; `None` means every document that passes the filters.
    pub query: Option<String>,
    /// Any of these authors (OR).
    pub authors: Vec<String>,
    /// Any of these speakers (OR).
    pub speakers: Vec<String>,
    /// Any of these outlets (OR).
    pub sources: Vec<String>,
    pub since: Option<PublishedDate>,
    pub until: Option<PublishedDate>,
    /// Search quotes instead of articles.
    pub quotes: bool,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
}

/// One search result, an article or a quote. Keys are the schema's field names.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub rank: usize,
    pub kind: &'static str,
    /// BM25 score; `None` when sorted by date.
    pub score: Option<f32>,
    pub path: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<PublishedDate>,
    pub source: Option<String>,
    pub language: Option<String>,
    /// For an article, everyone quoted in it; for a quote, its speaker.
    pub speakers: Vec<String>,
    /// For a quote hit, the quote's words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// For a quote hit, how sure attribution is of the speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    pub snippet: Snippet,
}

/// A short passage of the text with the matched terms marked.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(into = "String")]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` to highlight; adjacent matched words form one range.
    pub highlights: Vec<std::ops::Range<usize>>,
}

impl From<Snippet> for String {
    fn from(s: Snippet) -> String {
        s.text
    }
}
