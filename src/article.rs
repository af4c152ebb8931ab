//! The `Article` and `Quote` types: what extraction produces and the index stores.
//!
//! Everything downstream (attribution, indexing, search output) speaks in these types, so they
//! carry no behaviour beyond small conveniences and serialisation.

use serde::{Deserialize, Serialize};

use crate::date::PublishedDate;

/// One article as pressdex sees it after extraction and attribution.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Article {
    /// Path of the file the article came from, as walked.
    pub path: String,
    /// Canonical URL, when the page names one.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Authors (people who wrote the piece), cleaned and deduplicated.
    pub authors: Vec<String>,
    /// Publication date; `None` when no trustworthy date was found.
    pub published: Option<PublishedDate>,
    /// Where the publication date came from (`json-ld`, `meta`, `time`, `url`, `text`).
    pub published_source: Option<String>,
    /// Outlet or site name.
    pub source: Option<String>,
    /// ISO 639-1 language code, when detected.
    pub language: Option<String>,
    /// Main text of the article.
    pub body: String,
    /// Quotes attributed (or not) to speakers.
    pub quotes: Vec<Quote>,
    /// Canonical names of the people and organisations quoted.
    pub speakers: Vec<String>,
}

/// A quote found in an article body.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Quote {
    /// Canonical name of the speaker; `None` when no speaker could be found with confidence.
    pub speaker: Option<String>,
    /// The quoted words, without the quote marks.
    pub text: String,
    /// How sure attribution is of the speaker, from 0 to 1.
    pub confidence: f32,
}
