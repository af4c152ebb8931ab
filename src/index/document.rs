//! Article → tantivy documents: one article document plus one document per quote.

use tantivy::schema::Field;
use tantivy::{DateTime, TantivyDocument};

use super::schema::{Fields, KIND_ARTICLE, KIND_QUOTE};
use crate::article::Article;

/// What the file looked like when it was read, stored so a re-run can skip it if unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileState {
    pub size: u64,
    pub mtime: i64,
    pub hash: u64,
}

/// The documents that represent one article in the index.
pub fn article_documents(f: &Fields, a: &Article, state: FileState) -> Vec<TantivyDocument> {
    let mut docs = Vec::with_capacity(1 + a.quotes.len());
    let mut doc = shared_fields(f, a, f.title);
    doc.add_text(f.kind, KIND_ARTICLE);
    doc.add_text(f.body, &a.body);
    doc.add_text(f.body_for(a.language.as_deref()), &a.body);
    for author in &a.authors {
        doc.add_text(f.authors, author);
        doc.add_text(f.author_key, author);
    }
    for speaker in &a.speakers {
        doc.add_text(f.speakers, speaker);
    }
    if let Some(source) = &a.source {
        doc.add_text(f.source_key, source);
    }
    if let Some(lang) = &a.language {
        doc.add_text(f.language, lang);
    }
    doc.add_u64(f.file_size, state.size);
    doc.add_i64(f.file_mtime, state.mtime);
    doc.add_u64(f.content_hash, state.hash);
    docs.push(doc);
    for quote in &a.quotes {
        let mut doc = shared_fields(f, a, f.quote_title);
        doc.add_text(f.kind, KIND_QUOTE);
        doc.add_text(f.quote, &quote.text);
        for author in &a.authors {
            doc.add_text(f.authors, author);
        }
        if let Some(speaker) = &quote.speaker {
            doc.add_text(f.speakers, speaker);
            doc.add_text(f.speaker_key, speaker);
        }
        doc.add_f64(f.confidence, quote.confidence as f64);
        docs.push(doc);
    }
    docs
}

/// Fields an article and its quotes share: where it came from, what it is called (in
/// `title_field`: quotes keep their article's title apart, see [`super::schema`]), when.
fn shared_fields(f: &Fields, a: &Article, title_field: Field) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.path, &a.path);
    if let Some(url) = &a.url {
        doc.add_text(f.url, url);
    }
    if let Some(title) = &a.title {
        doc.add_text(title_field, title);
    }
    if let Some(source) = &a.source {
        doc.add_text(f.source, source);
    }
    if let Some(date) = a.published {
        doc.add_date(
            f.published,
            DateTime::from_timestamp_secs(date.start_timestamp()),
        );
        let precision = 1 + date.month.is_some() as u64 + date.day.is_some() as u64;
        doc.add_u64(f.published_precision, precision);
    }
    doc
}
