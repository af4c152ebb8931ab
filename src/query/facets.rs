//! Facets: counts of speakers, authors and outlets over the documents a query matches, and
//! the date range of the index. Counts come from fast fields, never from stored documents.

use std::collections::{HashMap, HashSet};

use tantivy::collector::{Collector, DocSetCollector, SegmentCollector, TopDocs};
use tantivy::columnar::StrColumn;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery, TermSetQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DateTime, DocId, Order, Score, Searcher, SegmentOrdinal, SegmentReader, Term};

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

/// The most frequent values of a keyword field among the documents `query` matches, most
/// documents first, ties in name order.
///
/// Counts are exact whatever the number of segments (tantivy's terms aggregation keeps only
/// each segment's top `10 × size`, which loses a value that is frequent overall but never near
/// the top of one segment). Each segment counts its documents per term ordinal; the names are
/// read only for candidates, see [`exact_top`].
pub fn top_terms(
    searcher: &Searcher,
    query: &dyn Query,
    field: &str,
    size: usize,
) -> anyhow::Result<Vec<Count>> {
    let segments = searcher.search(query, &TermCounts { field })?;
    Ok(exact_top(&segments, size)?)
}

/// One segment's counts: its keyword column and, for each term ordinal that matched, how many
/// matching documents hold it, most first (ties by ordinal, which is name order).
struct SegmentCounts {
    column: StrColumn,
    by_count: Vec<(u32, u64)>,
    count_of_ord: Vec<u32>,
}

/// The `size` terms with the highest total count over all segments, most first, ties in name
/// order. One segment's counts are already ordered; several are added up by name, each
/// segment's names read in one pass over its dictionary.
fn exact_top(segments: &[SegmentCounts], size: usize) -> std::io::Result<Vec<Count>> {
    if let [segment] = segments {
        return segment_top(segment, size);
    }
    let mut totals: HashMap<Vec<u8>, u64> = HashMap::new();
    for segment in segments {
        let mut ords: Vec<u64> = segment.by_count.iter().map(|&(_, ord)| ord).collect();
        ords.sort_unstable();
        let mut counts = ords.iter().map(|&ord| segment.count_of_ord[ord as usize]);
        segment
            .column
            .dictionary()
            .sorted_ords_to_term_cb(&ords, |name| {
                let count = counts.next().unwrap_or(0) as u64;
                match totals.get_mut(name) {
                    Some(total) => *total += count,
                    None => {
                        totals.insert(name.to_vec(), count);
                    }
                }
            })?;
    }
    let mut top: Vec<(u64, Vec<u8>)> = totals.into_iter().map(|(name, n)| (n, name)).collect();
    let order = |a: &(u64, Vec<u8>), b: &(u64, Vec<u8>)| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1));
    if top.len() > size && size > 0 {
        top.select_nth_unstable_by(size - 1, order);
    }
    top.truncate(size);
    top.sort_unstable_by(order);
    Ok(top
        .into_iter()
        .map(|(count, name)| Count {
            name: String::from_utf8_lossy(&name).into_owned(),
            count,
        })
        .collect())
}

/// The top of one segment, which is the whole answer when the index has one segment: its
/// counts are already in order, ties by ordinal, which is name order.
fn segment_top(segment: &SegmentCounts, size: usize) -> std::io::Result<Vec<Count>> {
    let mut top: Vec<(u64, u32)> = segment
        .by_count
        .iter()
        .take(size)
        .map(|&(count, ord)| (ord, count))
        .collect();
    top.sort_unstable();
    let ords: Vec<u64> = top.iter().map(|&(ord, _)| ord).collect();
    let mut names = Vec::with_capacity(ords.len());
    segment
        .column
        .dictionary()
        .sorted_ords_to_term_cb(&ords, |bytes| {
            names.push(String::from_utf8_lossy(bytes).into_owned());
        })?;
    let mut counts: Vec<Count> = names
        .into_iter()
        .zip(&top)
        .map(|(name, &(_, count))| Count {
            name,
            count: count as u64,
        })
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.count));
    Ok(counts)
}

/// Counts, per value of a keyword fast field, the matching documents that hold it.
struct TermCounts<'a> {
    field: &'a str,
}

/// One segment's share of [`TermCounts`]: a count per term ordinal of its column.
struct SegmentTermCounts {
    column: Option<StrColumn>,
    counts: Vec<u32>,
    doc_ords: Vec<u64>,
}

impl Collector for TermCounts<'_> {
    type Fruit = Vec<SegmentCounts>;
    type Child = SegmentTermCounts;

    fn for_segment(
        &self,
        _segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentTermCounts> {
        let column = segment.fast_fields().str(self.field)?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(SegmentTermCounts {
            column,
            counts: vec![0; terms],
            doc_ords: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        segments: Vec<Vec<SegmentCounts>>,
    ) -> tantivy::Result<Vec<SegmentCounts>> {
        Ok(segments.into_iter().flatten().collect())
    }
}

impl SegmentCollector for SegmentTermCounts {
    type Fruit = Vec<SegmentCounts>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(column) = &self.column else {
            return;
        };
        // A value written twice in one document counts once.
        self.doc_ords.clear();
        self.doc_ords.extend(column.ords().values_for_doc(doc));
        self.doc_ords.sort_unstable();
        self.doc_ords.dedup();
        for &ord in &self.doc_ords {
            self.counts[ord as usize] += 1;
        }
    }

    fn harvest(self) -> Vec<SegmentCounts> {
        let Some(column) = self.column else {
            return Vec::new();
        };
        let mut by_count: Vec<(u32, u64)> = (self.counts.iter().zip(0u64..))
            .filter(|(count, _)| **count > 0)
            .map(|(&count, ord)| (count, ord))
            .collect();
        by_count.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        vec![SegmentCounts {
            column,
            by_count,
            count_of_ord: self.counts,
        }]
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::Count as CountCollector;
    use tantivy::indexer::NoMergePolicy;
    use tantivy::query::AllQuery;
    use tantivy::schema::{FAST, STRING, Schema};
    use tantivy::{Index, IndexWriter, TantivyDocument};

    /// An index with one segment per item of `segments`, each a list of documents, each the
    /// values of its `key` field.
    fn index_of(segments: &[Vec<Vec<String>>]) -> Index {
        let mut builder = Schema::builder();
        let key = builder.add_text_field("key", STRING | FAST);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.set_merge_policy(Box::new(NoMergePolicy));
        for docs in segments {
            for values in docs {
                let mut doc = TantivyDocument::new();
                for value in values {
                    doc.add_text(key, value);
                }
                writer.add_document(doc).unwrap();
            }
            writer.commit().unwrap();
        }
        index
    }

    fn docs(counts: &[(&str, usize)]) -> Vec<Vec<String>> {
        counts
            .iter()
            .flat_map(|&(name, n)| std::iter::repeat_n(vec![name.to_string()], n))
            .collect()
    }

    fn top(index: &Index, size: usize) -> Vec<(String, u64)> {
        let searcher = index.reader().unwrap().searcher();
        top_terms(&searcher, &AllQuery, "key", size)
            .unwrap()
            .into_iter()
            .map(|c| (c.name, c.count))
            .collect()
    }

    #[test]
    fn top_terms_are_exact_when_the_top_value_is_never_near_a_segments_top() {
        // Each segment: one document naming "rare", and thirty names of its own twice each.
        let segments: Vec<_> = (0..3)
            .map(|s| {
                let mut d = vec![vec!["rare".to_string()]];
                for n in 0..30 {
                    d.extend(docs(&[(&format!("s{s}-n{n}"), 2)]));
                }
                d
            })
            .collect();
        let index = index_of(&segments);
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 3);
        assert_eq!(searcher.search(&AllQuery, &CountCollector).unwrap(), 183);
        assert_eq!(
            top(&index, 2),
            vec![("rare".into(), 3), ("s0-n0".into(), 2)]
        );
    }

    #[test]
    fn a_value_held_twice_by_a_document_counts_it_once() {
        let twice = vec![vec!["a".to_string(), "a".to_string(), "b".to_string()]];
        let index = index_of(&[twice, docs(&[("b", 1)])]);
        assert_eq!(top(&index, 5), vec![("b".into(), 2), ("a".into(), 1)]);
    }

    #[test]
    fn ties_go_in_name_order_even_when_the_first_name_is_below_every_segments_cut() {
        // Totals a = b = c = 3; "a" is second in both segments.
        let index = index_of(&[docs(&[("b", 3), ("a", 2)]), docs(&[("c", 3), ("a", 1)])]);
        assert_eq!(top(&index, 1), vec![("a".into(), 3)]);
        assert_eq!(
            top(&index, 10),
            vec![("a".into(), 3), ("b".into(), 3), ("c".into(), 3)]
        );
    }

    #[test]
    fn name_keys_are_counted_from_fast_fields_alone() {
        use crate::article::{Article, Quote};
        use crate::index::document::{FileState, article_documents};
        use crate::index::schema::{
            AUTHOR_KEY, Fields, SOURCE_KEY, SPEAKER_KEY, build_schema, register_analyzers,
        };
        let index = Index::create_in_ram(build_schema());
        register_analyzers(&index);
        let fields = Fields::new(&index.schema()).unwrap();
        for key in [fields.author_key, fields.speaker_key, fields.source_key] {
            let entry = index.schema().get_field_entry(key).clone();
            assert!(entry.is_fast() && !entry.is_indexed(), "{}", entry.name());
        }
        let quote = |speaker: &str| Quote {
            speaker: Some(speaker.into()),
            text: "we will see".into(),
            confidence: 0.9,
        };
        let article = |path: &str, author: &str, quotes: Vec<Quote>| Article {
            path: path.into(),
            authors: vec![author.into()],
            source: Some("Test Wire".into()),
            speakers: crate::attribute::speakers_of(&quotes),
            quotes,
            ..Default::default()
        };
        let articles = [
            article("a", "Ann Lee", vec![quote("Bo Lind"), quote("Cy Dahl")]),
            article("b", "Ann Lee", vec![quote("Bo Lind")]),
        ];
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let state = FileState {
            size: 1,
            mtime: 1,
            hash: 1,
        };
        for a in &articles {
            for doc in article_documents(&fields, a, state) {
                writer.add_document(doc).unwrap();
            }
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let counts = |field: &str| -> Vec<(String, u64)> {
            top_terms(&searcher, &AllQuery, field, 5)
                .unwrap()
                .into_iter()
                .map(|c| (c.name, c.count))
                .collect()
        };
        assert_eq!(counts(AUTHOR_KEY), [("Ann Lee".to_string(), 2)]);
        assert_eq!(counts(SOURCE_KEY), [("Test Wire".to_string(), 2)]);
        assert_eq!(
            counts(SPEAKER_KEY),
            [("Bo Lind".to_string(), 2), ("Cy Dahl".to_string(), 1)]
        );
    }

    #[test]
    fn no_values_no_counts() {
        let index = index_of(&[vec![vec![]]]);
        assert!(top(&index, 3).is_empty());
    }
}
