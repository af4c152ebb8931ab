//! Facets: counts of speakers, authors and outlets over the documents a query matches, and
//! the date range of the index. Counts come from fast fields, never from stored documents.

use std::collections::HashSet;

use tantivy::aggregation::AggregationCollector;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::agg_result::AggregationResults;
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery, TermSetQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DateTime, Order, Searcher, Term};

use crate::date::PublishedDate;
use crate::index::PressIndex;
use crate::index::schema::{KIND_ARTICLE, KIND_QUOTE, PATH, PUBLISHED};

/// A name and how many documents carry it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Count {
    pub name: String,
    pub count: u64,
}

/// The query matching every document of a kind (`article` or `quote`).
pub fn kind_query(press: &PressIndex, kind: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(press.fields.kind, kind),
        IndexRecordOption::Basic,
    ))
}

/// The most frequent values of a keyword field among the documents `query` matches.
pub fn top_terms(
    searcher: &Searcher,
    query: &dyn Query,
    field: &str,
    size: usize,
) -> anyhow::Result<Vec<Count>> {
    let request: Aggregations = serde_json::from_value(serde_json::json!({
        "top": { "terms": { "field": field, "size": size, "min_doc_count": 1 } }
    }))?;
    let collector = AggregationCollector::from_aggs(request, Default::default());
    let result: AggregationResults = searcher.search(query, &collector)?;
    let json = serde_json::to_value(&result)?;
    let buckets = json["top"]["buckets"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    Ok(buckets
        .iter()
        .filter_map(|b| {
            Some(Count {
                name: b["key"].as_str()?.to_string(),
                count: b["doc_count"].as_u64()?,
            })
        })
        .collect())
}

/// Speakers with their quote counts among the quotes of the articles `articles` matches.
pub fn speakers_in_articles(
    press: &PressIndex,
    searcher: &Searcher,
    articles: &dyn Query,
    size: usize,
) -> anyhow::Result<Vec<Count>> {
    let paths = matching_paths(searcher, articles)?;
    let terms = paths
        .iter()
        .map(|p| Term::from_field_text(press.fields.path, p));
    let quotes = BooleanQuery::new(vec![
        (Occur::Must, kind_query(press, KIND_QUOTE)),
        (Occur::Must, Box::new(TermSetQuery::new(terms))),
    ]);
    top_terms(searcher, &quotes, crate::index::schema::SPEAKER_KEY, size)
}

/// The paths of the documents `query` matches, read from the `path` fast field.
pub fn matching_paths(searcher: &Searcher, query: &dyn Query) -> tantivy::Result<HashSet<String>> {
    let mut addresses: Vec<_> = searcher
        .search(query, &DocSetCollector)?
        .into_iter()
        .collect();
    addresses.sort_unstable();
    let mut paths = HashSet::new();
    // A segment's column is opened once, and its dictionary read in one pass over the sorted
    // ordinals: looking each ordinal up alone decodes a dictionary block per document.
    for segment_hits in addresses.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
        let segment = searcher.segment_reader(segment_hits[0].segment_ord);
        let Some(col) = segment.fast_fields().str(PATH)? else {
            continue;
        };
        let mut ords: Vec<u64> = segment_hits
            .iter()
            .filter_map(|a| col.ords().first(a.doc_id))
            .collect();
        ords.sort_unstable();
        ords.dedup();
        col.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
            paths.insert(String::from_utf8_lossy(bytes).into_owned());
        })?;
    }
    Ok(paths)
}

/// Earliest and latest publication dates of the articles.
pub fn date_range(
    press: &PressIndex,
    searcher: &Searcher,
) -> anyhow::Result<Option<(PublishedDate, PublishedDate)>> {
    let articles = kind_query(press, KIND_ARTICLE);
    let first = |order| -> anyhow::Result<Option<PublishedDate>> {
        let top = TopDocs::with_limit(1).order_by_fast_field::<DateTime>(PUBLISHED, order);
        let docs = searcher.search(&*articles, &top)?;
        Ok(docs
            .first()
            .and_then(|(d, _)| *d)
            .and_then(|d| PublishedDate::from_timestamp(d.into_timestamp_secs())))
    };
    Ok(match (first(Order::Asc)?, first(Order::Desc)?) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => None,
    })
}
