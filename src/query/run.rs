//! Executing a search: combine the parsed query and filters, collect the top hits in the
//! requested order, count all matches, and build a snippet for each hit.

use std::sync::OnceLock;

use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::directory::{CompositeFile, Directory};
use tantivy::query::{AllQuery, BooleanQuery, EnableScoring, Occur, Query};
use tantivy::schema::document::{DeserializeError, DocumentDeserialize, DocumentDeserializer};
use tantivy::schema::{Field, OwnedValue, Value};
use tantivy::{DateTime, DocAddress, Executor, Order, Searcher};

use super::count::count_union;
use super::filter::build_filters;
use super::parse::{QueryError, QueryShape, Target, parse_user_query_over, query_shape};
use super::snippet::Snippets;
use super::{Hit, SearchRequest, Sort};
use crate::date::PublishedDate;
use crate::index::PressIndex;
use crate::index::schema::{BODY_FIELDS, Fields, KIND_ARTICLE, KIND_QUOTE, PUBLISHED};

/// The hits of a search and how many documents matched in all.
#[derive(Debug)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// Why a search failed: the user's query, or the index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error("searching the index: {0}")]
    Index(#[from] tantivy::TantivyError),
}

/// The combined query of a request: the user's query (if any) AND every filter.
pub fn build_query(press: &PressIndex, req: &SearchRequest) -> Result<Box<dyn Query>, QueryError> {
    Ok(plan_query(press, None, &press.fields.bodies, req)?.query)
}

/// The per-language body fields that hold postings in some segment of `searcher`; all of
/// them when that cannot be told. A body field without postings matches nothing, and asking
/// a segment for its empty inverted index costs more than the rest of a typical query. A
/// segment made by a merge lists every indexed field, empty or not: a field counts when its
/// postings hold any token (tantivy writes their count first).
pub fn indexed_bodies(searcher: &Searcher, fields: &Fields) -> Vec<Field> {
    let mut present = [false; BODY_FIELDS];
    for segment in searcher.segment_readers() {
        let path = format!("{}.idx", segment.segment_id().uuid_string());
        let postings = searcher
            .index()
            .directory()
            .open_read(std::path::Path::new(&path))
            .ok()
            .and_then(|file| CompositeFile::open(&file).ok());
        let Some(postings) = postings else {
            return fields.bodies.to_vec();
        };
        for (seen, &field) in present.iter_mut().zip(&fields.bodies) {
            *seen |= postings
                .open_read(field)
                .is_some_and(|slice| holds_tokens(&slice));
        }
    }
    let bodies: Vec<Field> = fields
        .bodies
        .iter()
        .zip(present)
        .filter_map(|(&field, seen)| seen.then_some(field))
        .collect();
    if bodies.is_empty() {
        fields.bodies.to_vec()
    } else {
        bodies
    }
}

/// Whether a field's postings (in a segment's `.idx` file) count any token; `true` when the
/// count cannot be read, to be safe.
fn holds_tokens(postings: &tantivy::directory::FileSlice) -> bool {
    match postings.read_bytes_slice(0..8) {
        Ok(bytes) => bytes
            .as_slice()
            .try_into()
            .map_or(true, |count: [u8; 8]| u64::from_le_bytes(count) > 0),
        Err(_) => true,
    }
}

/// A request's combined query and how to collect its hits.
struct Plan {
    query: Box<dyn Query>,
    /// The query is the user's single word alone: its top hits are found with block-max WAND,
    /// skipping documents that cannot reach them, and matches are counted in a separate pass
    /// that does not score them. On a million articles that is several times faster than
    /// scoring every match; for other queries one pass that scores and counts is cheaper.
    prunable: bool,
}

fn plan_query(
    press: &PressIndex,
    searcher: Option<&Searcher>,
    bodies: &[Field],
    req: &SearchRequest,
) -> Result<Plan, QueryError> {
    let target = if req.quotes {
        Target::Quotes
    } else {
        Target::Articles
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut shape = QueryShape::default();
    match &req.query {
        Some(text) => {
            let query =
                parse_user_query_over(&press.index, &press.fields, bodies, text, target, searcher)?;
            // Only once the query is known to be valid (and not too deeply nested).
            shape = query_shape(text, target);
            clauses.push((Occur::Must, query));
        }
        None => clauses.push((Occur::Must, Box::new(AllQuery))),
    }
    for filter in build_filters(&press.fields, req, !shape.articles_only) {
        // Filters select; they must not change the ranking.
        clauses.push((
            Occur::Must,
            Box::new(tantivy::query::ConstScoreQuery::new(filter, 0.0)),
        ));
    }
    if clauses.len() == 1 {
        let (_, query) = clauses.pop().expect("one clause");
        return Ok(Plan {
            query,
            prunable: shape.single_word,
        });
    }
    Ok(Plan {
        query: Box::new(BooleanQuery::new(clauses)),
        prunable: false,
    })
}

/// Runs a search.
pub fn search(
    press: &PressIndex,
    searcher: &Searcher,
    req: &SearchRequest,
) -> Result<SearchResults, SearchError> {
    let Plan { query, prunable } = match req.query {
        Some(_) => plan_query(
            press,
            Some(searcher),
            &indexed_bodies(searcher, &press.fields),
            req,
        )?,
        None => plan_query(press, Some(searcher), &press.fields.bodies, req)?,
    };
    let sort = match (req.sort, &req.query) {
        // Without query text there is no relevance: newest first is what users expect.
        (Sort::Relevance, None) => Sort::Newest,
        (sort, _) => sort,
    };
    let top = TopDocs::with_limit(req.limit.max(1)).and_offset(req.offset);
    let executor = executor(searcher);
    let (ranked, total): (Vec<(Option<f32>, DocAddress)>, usize) = match sort {
        Sort::Relevance if prunable => {
            let docs = on_segments(searcher, &query, &top.order_by_score(), executor)?;
            let total = match count_union(searcher, &*query, executor)? {
                Some(total) => total,
                None => on_segments(searcher, &query, &Count, executor)?,
            };
            (docs.into_iter().map(|(s, a)| (Some(s), a)).collect(), total)
        }
        Sort::Relevance => {
            let both = (top.order_by_score(), Count);
            let (docs, total) = on_segments(searcher, &query, &both, executor)?;
            (docs.into_iter().map(|(s, a)| (Some(s), a)).collect(), total)
        }
        Sort::Newest | Sort::Oldest => {
            let order = if sort == Sort::Newest {
                Order::Desc
            } else {
                Order::Asc
            };
            let both = (top.order_by_fast_field::<DateTime>(PUBLISHED, order), Count);
            let (docs, total) = on_segments(searcher, &query, &both, executor)?;
            (docs.into_iter().map(|(_, a)| (None, a)).collect(), total)
        }
    };
    let ranked = if req.limit == 0 { Vec::new() } else { ranked };
    let f = press.fields;
    let mut snippets = Snippets::new(
        searcher,
        &press.fields,
        req.query.as_deref().map(|text| (&*query, text)),
    );
    let mut hits = Vec::with_capacity(ranked.len());
    for (i, (score, address)) in ranked.into_iter().enumerate() {
        let doc: StoredFields = searcher.doc(address)?;
        hits.push(to_hit(&f, doc, req.offset + i + 1, score, &mut snippets)?);
    }
    Ok(SearchResults { hits, total })
}

/// Tantivy documents from which a search with several segments runs them on every core (up
/// to [`SEARCH_THREADS`]): below it, starting the threads costs about what they save.
const PARALLEL_DOCS: u64 = 100_000;
/// Most threads a search runs segments on.
const SEARCH_THREADS: usize = 4;

/// The executor for a search on `searcher`: one thread for a small index or a single
/// segment, else a pool over the cores, made once per process. A large index has many
/// segments (see [`crate::index::merge`]), each searched on its own: on a million articles
/// (19 segments) the search itself is most of a whole-process search's time.
fn executor(searcher: &Searcher) -> &'static Executor {
    static SINGLE: Executor = Executor::SingleThread;
    static POOL: OnceLock<Option<Executor>> = OnceLock::new();
    if !parallel(searcher.segment_readers().len(), searcher.num_docs()) {
        return &SINGLE;
    }
    let pool = POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = cores.min(SEARCH_THREADS);
        (threads > 1)
            .then(|| Executor::multi_thread(threads, "pressdex-search-").ok())
            .flatten()
    });
    pool.as_ref().unwrap_or(&SINGLE)
}

/// Whether a search over `segments` holding `docs` documents runs them in parallel.
fn parallel(segments: usize, docs: u64) -> bool {
    segments > 1 && docs >= PARALLEL_DOCS
}

/// `searcher.search`, with the segments run by `executor`.
fn on_segments<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
    executor: &Executor,
) -> tantivy::Result<C::Fruit> {
    let scoring = if collector.requires_scoring() {
        EnableScoring::enabled_from_searcher(searcher)
    } else {
        EnableScoring::disabled_from_searcher(searcher)
    };
    searcher.search_with_executor(query, collector, executor, scoring)
}

/// A hit's stored fields, each value as the doc store's deserializer made it. Tantivy's own
/// document copies every value once more into its compact buffer, the long bodies included:
/// 6% of the instructions of the benchmark's queries on the HTML pages (callgrind).
struct StoredFields(Vec<(Field, OwnedValue)>);

impl DocumentDeserialize for StoredFields {
    fn deserialize<'de, D>(mut deserializer: D) -> Result<Self, DeserializeError>
    where
        D: DocumentDeserializer<'de>,
    {
        let mut values = Vec::with_capacity(deserializer.size_hint());
        while let Some(value) = deserializer.next_field::<OwnedValue>()? {
            values.push(value);
        }
        Ok(StoredFields(values))
    }
}

impl StoredFields {
    /// The first value of `field`.
    fn first(&self, field: Field) -> Option<&OwnedValue> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, v)| v)
    }

    /// The first value of `field`, taken out, if it is text.
    fn take_text(&mut self, field: Field) -> Option<String> {
        match self.0.iter_mut().find(|(f, _)| *f == field) {
            Some((_, OwnedValue::Str(text))) => Some(std::mem::take(text)),
            _ => None,
        }
    }

    /// Every text value of `field`, taken out, in order.
    fn take_all_text(&mut self, field: Field) -> Vec<String> {
        self.0
            .iter_mut()
            .filter_map(|(f, value)| match value {
                OwnedValue::Str(text) if *f == field => Some(std::mem::take(text)),
                _ => None,
            })
            .collect()
    }
}

fn to_hit(
    f: &Fields,
    mut doc: StoredFields,
    rank: usize,
    score: Option<f32>,
    snippets: &mut Snippets,
) -> tantivy::Result<Hit> {
    let is_quote = doc.first(f.quote).is_some();
    let language = doc.take_text(f.language);
    let (stored, indexed) = if is_quote {
        (f.quote, f.quote)
    } else {
        (f.body, f.body_for(language.as_deref()))
    };
    let body = doc.take_text(stored).unwrap_or_default();
    let snippet = snippets.make(indexed, &body)?;
    let title = doc.take_text(f.title);
    Ok(Hit {
        rank,
        kind: if is_quote { KIND_QUOTE } else { KIND_ARTICLE },
        score,
        path: doc.take_text(f.path).unwrap_or_default(),
        url: doc.take_text(f.url),
        title: title.or_else(|| doc.take_text(f.quote_title)),
        authors: doc.take_all_text(f.authors),
        published: stored_date(f, &doc),
        source: doc.take_text(f.source),
        language,
        speakers: doc.take_all_text(f.speakers),
        confidence: is_quote
            .then(|| doc.first(f.confidence).and_then(|v| v.as_f64()))
            .flatten()
            .map(|c| c as f32),
        quote: is_quote.then_some(body),
        snippet,
    })
}

/// The stored publication date, to the precision it was known.
fn stored_date(f: &Fields, doc: &StoredFields) -> Option<PublishedDate> {
    let secs = doc.first(f.published)?.as_datetime()?.into_timestamp_secs();
    let full = PublishedDate::from_timestamp(secs)?;
    let precision = doc
        .first(f.published_precision)
        .and_then(|v| v.as_u64())
        .unwrap_or(3);
    Some(PublishedDate {
        month: (precision >= 2).then_some(full.month).flatten(),
        day: (precision >= 3).then_some(full.day).flatten(),
        ..full
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Quote};
    use crate::index::document::{FileState, article_documents};
    use crate::index::schema::{build_schema, register_analyzers};
    use tantivy::Index;

    fn article(
        path: &str,
        title: &str,
        date: &str,
        author: &str,
        quotes: &[(&str, &str)],
    ) -> Article {
        let quotes: Vec<Quote> = quotes
            .iter()
            .map(|(s, t)| Quote {
                speaker: Some(s.to_string()),
                text: t.to_string(),
                confidence: 0.9,
            })
            .collect();
        Article {
            path: path.into(),
            title: Some(title.into()),
            authors: vec![author.into()],
            published: date.parse().ok(),
            body: format!(
                "{title}. {}",
                quotes
                    .iter()
                    .map(|q| format!("“{}”", q.text))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            speakers: crate::attribute::speakers_of(&quotes),
            quotes,
            source: Some("Test Wire".into()),
            ..Default::default()
        }
    }

    fn index() -> PressIndex {
        let index = Index::create_in_ram(build_schema());
        register_analyzers(&index);
        let fields = Fields::new(&index.schema()).unwrap();
        add_articles(
            &index,
            &fields,
            &[
                article(
                    "a",
                    "Kremlin talks",
                    "2025-12-03",
                    "Pavel Morozov",
                    &[
                        ("Dmitry Peskov", "we avoid megaphone diplomacy at all costs"),
                        ("Yury Ushakov", "the talks were useful and constructive"),
                    ],
                ),
                article(
                    "b",
                    "Budget vote",
                    "2024-05",
                    "Ann Lee",
                    &[("Péter Szabó", "diplomacy is slow work")],
                ),
                article("c", "Undated diplomacy piece", "", "Ann Lee", &[]),
            ],
        );
        PressIndex {
            index,
            fields,
            dir: "mem".into(),
        }
    }

    /// Indexes `articles` in one commit (a new segment).
    fn add_articles(index: &Index, fields: &Fields, articles: &[Article]) {
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        let state = FileState {
            size: 1,
            mtime: 1,
            hash: 1,
        };
        for a in articles {
            for d in article_documents(fields, a, state) {
                writer.add_document(d).unwrap();
            }
        }
        writer.commit().unwrap();
    }

    fn paths(press: &PressIndex, req: SearchRequest) -> Vec<String> {
        let searcher = press.index.reader().unwrap().searcher();
        let req = SearchRequest { limit: 10, ..req };
        search(press, &searcher, &req)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.path)
            .collect()
    }

    fn q(text: &str) -> SearchRequest {
        SearchRequest {
            query: Some(text.into()),
            ..Default::default()
        }
    }

    #[test]
    fn finds_phrases_and_filters_by_name() {
        let press = index();
        assert_eq!(paths(&press, q("\"megaphone diplomacy\"")), vec!["a"]);
        let searcher = press.index.reader().unwrap().searcher();
        let req = SearchRequest {
            limit: 1,
            ..q("\"megaphone diplomacy\"")
        };
        let hit = &search(&press, &searcher, &req).unwrap().hits[0];
        assert_eq!((hit.kind, hit.quote.as_deref()), (KIND_ARTICLE, None));
        let snippet = &hit.snippet;
        let marked: Vec<&str> = snippet
            .highlights
            .iter()
            .map(|r| &snippet.text[r.clone()])
            .collect();
        assert_eq!(marked, vec!["megaphone diplomacy"]);
        assert_eq!(
            paths(
                &press,
                SearchRequest {
                    authors: vec!["morozov".into()],
                    ..q("talks")
                }
            ),
            vec!["a"]
        );
        assert_eq!(
            paths(
                &press,
                SearchRequest {
                    speakers: vec!["szabo".into()],
                    ..Default::default()
                }
            ),
            vec!["b"]
        );
        assert!(
            paths(
                &press,
                SearchRequest {
                    speakers: vec!["witkoff".into()],
                    ..Default::default()
                }
            )
            .is_empty()
        );
    }

    #[test]
    fn flags_or_within_and_across() {
        let press = index();
        let either = SearchRequest {
            speakers: vec!["peskov".into(), "szabo".into()],
            ..Default::default()
        };
        assert_eq!(paths(&press, either), vec!["a", "b"]);
        let both = SearchRequest {
            speakers: vec!["peskov".into()],
            authors: vec!["lee".into()],
            ..Default::default()
        };
        assert!(paths(&press, both).is_empty());
    }

    #[test]
    fn filters_dates_and_sorts_newest_first() {
        let press = index();
        let since = SearchRequest {
            since: "2025".parse().ok(),
            ..Default::default()
        };
        assert_eq!(paths(&press, since), vec!["a"]);
        let until = SearchRequest {
            until: "2024-05-31".parse().ok(),
            ..Default::default()
        };
        assert_eq!(paths(&press, until), vec!["b"]);
        let all = SearchRequest {
            sort: Sort::Newest,
            ..q("diplomacy")
        };
        assert_eq!(paths(&press, all), vec!["a", "b", "c"]);
    }

    #[test]
    fn quote_search_returns_only_the_speakers_quotes() {
        let press = index();
        let searcher = press.index.reader().unwrap().searcher();
        let req = SearchRequest {
            quotes: true,
            speakers: vec!["peskov".into()],
            limit: 10,
            ..q("diplomacy")
        };
        let hits = search(&press, &searcher, &req).unwrap().hits;
        assert_eq!(hits.len(), 1);
        // The kind is not stored: a document with a quote is a quote.
        assert_eq!(hits[0].kind, KIND_QUOTE);
        assert_eq!(hits[0].speakers, vec!["Dmitry Peskov"]);
        assert!(
            hits[0]
                .quote
                .as_deref()
                .unwrap()
                .contains("megaphone diplomacy")
        );
    }

    #[test]
    fn quote_searches_match_titles_through_their_articles() {
        let press = index();
        let quotes = |text: &str| {
            let req = SearchRequest {
                quotes: true,
                ..q(text)
            };
            let mut found: Vec<String> = search(
                &press,
                &press.index.reader().unwrap().searcher(),
                &SearchRequest { limit: 10, ..req },
            )
            .unwrap()
            .hits
            .into_iter()
            .map(|h| format!("{}: {}", h.path, h.speakers.join(",")))
            .collect();
            found.sort();
            found
        };
        let kremlin = vec!["a: Dmitry Peskov", "a: Yury Ushakov"];
        assert_eq!(quotes("title:kremlin"), kremlin);
        assert_eq!(quotes("headline:\"kremlin talks\""), kremlin);
        assert_eq!(quotes("title:\"talks kremlin\""), Vec::<String>::new());
        assert_eq!(quotes("title:kremlin diplomacy"), vec!["a: Dmitry Peskov"]);
        assert_eq!(quotes("diplomacy -title:kremlin"), vec!["b: Péter Szabó"]);
        assert_eq!(
            quotes("title:(budget OR kremlin) useful"),
            vec!["a: Yury Ushakov"]
        );
        assert_eq!(quotes("title:nowhere"), Vec::<String>::new());
        // Title words alone never match a quote's text, nor article words a quote search.
        assert_eq!(quotes("kremlin"), Vec::<String>::new());
    }

    #[test]
    fn stems_each_article_in_its_own_language() {
        let press = index();
        let german = Article {
            path: "de".into(),
            title: Some("Gipfel".into()),
            language: Some("de".into()),
            body: "Die Verhandlungen in Berlin dauerten bis in die Nacht.".into(),
            ..Default::default()
        };
        add_articles(&press.index, &press.fields, &[german]);
        assert_eq!(paths(&press, q("Verhandlung")), vec!["de"]);
        assert_eq!(paths(&press, q("body:verhandlung")), vec!["de"]);
        let searcher = press.index.reader().unwrap().searcher();
        let hits = search(
            &press,
            &searcher,
            &SearchRequest {
                limit: 1,
                ..q("Verhandlung")
            },
        )
        .unwrap()
        .hits;
        assert_eq!(
            &hits[0].snippet.text[hits[0].snippet.highlights[0].clone()],
            "Verhandlungen"
        );
    }

    #[test]
    fn searches_only_the_body_fields_that_hold_text() {
        let press = index();
        let searcher = press.index.reader().unwrap().searcher();
        let bodies = indexed_bodies(&searcher, &press.fields);
        assert!(!bodies.is_empty() && bodies.len() < BODY_FIELDS);
        assert!(!bodies.contains(&press.fields.body_for(Some("fi"))));
        let mut found = paths(&press, q("body:diplomacy"));
        found.sort();
        assert_eq!(found, vec!["a", "b", "c"]);
        // A merged segment lists every indexed field, empty ones too.
        let german = Article {
            path: "de".into(),
            language: Some("de".into()),
            body: "Die Verhandlungen dauerten bis in die Nacht.".into(),
            ..Default::default()
        };
        add_articles(&press.index, &press.fields, &[german]);
        let mut writer: tantivy::IndexWriter = press.index.writer(15_000_000).unwrap();
        let segments = press.index.searchable_segment_ids().unwrap();
        assert_eq!(segments.len(), 2);
        writer.merge(&segments).wait().unwrap();
        writer.wait_merging_threads().unwrap();
        let reader = press.index.reader().unwrap();
        reader.reload().unwrap();
        let searcher = reader.searcher();
        assert_eq!(searcher.segment_readers().len(), 1);
        let bodies = indexed_bodies(&searcher, &press.fields);
        assert_eq!(
            bodies,
            vec![
                press.fields.body_for(Some("de")),
                press.fields.body_for(None)
            ]
        );
        assert_eq!(paths(&press, q("Verhandlung")), vec!["de"]);
    }

    #[test]
    fn segments_run_in_parallel_find_the_same_hits() {
        assert!(!parallel(1, 10 * PARALLEL_DOCS));
        assert!(!parallel(5, PARALLEL_DOCS - 1));
        assert!(parallel(2, PARALLEL_DOCS));
        let press = index();
        let german = Article {
            path: "de".into(),
            title: Some("Diplomacy in Berlin".into()),
            language: Some("de".into()),
            body: "Die Verhandlungen dauerten bis in die Nacht.".into(),
            ..Default::default()
        };
        add_articles(&press.index, &press.fields, &[german]);
        let searcher = press.index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        let pool = Executor::multi_thread(2, "test-search-").unwrap();
        let query = build_query(&press, &q("diplomacy")).unwrap();
        let top = (TopDocs::with_limit(10).order_by_score(), Count);
        let single = on_segments(&searcher, &*query, &top, &Executor::SingleThread).unwrap();
        let pooled = on_segments(&searcher, &*query, &top, &pool).unwrap();
        assert_eq!(single.1, 4);
        assert_eq!(single, pooled);
    }
}
