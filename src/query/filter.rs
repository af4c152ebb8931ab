//! Filters as structured queries: names (author, speaker, outlet) match case- and
//! accent-insensitively, a surname alone matches the full name; dates are ranges; a flag given
//! twice means either value, and different flags must all match.

use std::ops::Bound;

use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, Term};

use super::SearchRequest;
use crate::index::schema::{Fields, KIND_ARTICLE, KIND_QUOTE, name_tokens};

/// Every filter of a request, each a query that must match. `by_kind` adds the one that
/// keeps articles or quotes, as asked; leave it out only when the query matches one kind alone.
pub fn build_filters(f: &Fields, req: &SearchRequest, by_kind: bool) -> Vec<Box<dyn Query>> {
    let mut filters: Vec<Box<dyn Query>> = Vec::new();
    if by_kind {
        let kind = if req.quotes { KIND_QUOTE } else { KIND_ARTICLE };
        filters.push(Box::new(TermQuery::new(
            Term::from_field_text(f.kind, kind),
            IndexRecordOption::Basic,
        )));
    }
    for (field, names) in [
        (f.authors, &req.authors),
        (f.speakers, &req.speakers),
        (f.source, &req.sources),
    ] {
        if let Some(q) = any_name(field, names) {
            filters.push(q);
        }
    }
    if req.since.is_some() || req.until.is_some() {
        let bound = |secs: Option<i64>| match secs {
            Some(s) => Bound::Included(Term::from_field_date(
                f.published,
                DateTime::from_timestamp_secs(s),
            )),
            None => Bound::Unbounded,
        };
        filters.push(Box::new(RangeQuery::new(
            bound(req.since.map(|d| d.start_timestamp())),
            bound(req.until.map(|d| d.end_timestamp())),
        )));
    }
    filters
}

/// Matches documents whose name field contains any of `names` (each as a phrase of tokens).
pub fn any_name(field: Field, names: &[String]) -> Option<Box<dyn Query>> {
    let clauses: Vec<(Occur, Box<dyn Query>)> = names
        .iter()
        .filter_map(|name| name_query(field, name))
        .map(|q| (Occur::Should, q))
        .collect();
    (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
}

fn name_query(field: Field, name: &str) -> Option<Box<dyn Query>> {
    let terms: Vec<Term> = name_tokens(name)
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    match terms.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            terms.into_iter().next().expect("one term"),
            IndexRecordOption::Basic,
        ))),
        _ => Some(Box::new(PhraseQuery::new(terms))),
    }
}
