//! Article → tantivy documents: one article document plus one document per quote; and the
//! body analysed for its indexed field ahead of the writer ([`BodyAnalyzers`]).

use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, Index, TantivyDocument};

use super::pre_analysed::{as_text, pre_analyse};
use super::schema::{BODY_FIELDS, Fields, KIND_ARTICLE, KIND_QUOTE};
use crate::article::Article;

/// What the file looked like when it was read, stored so a re-run can skip it if unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileState {
    pub size: u64,
    pub mtime: i64,
    pub hash: u64,
}

/// What an article's indexed body field gets: its terms analysed ahead of the writer, or
/// its text for the writer to analyse.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedBody {
    field: Field,
    text: String,
}

/// The body analyzers of an index, one per indexed body field, made when first needed. Each
/// holds its own stem cache: give every thread its own `BodyAnalyzers`.
#[derive(Clone)]
pub struct BodyAnalyzers {
    index: Index,
    fields: Fields,
    analyzers: [Option<TextAnalyzer>; BODY_FIELDS],
}

impl BodyAnalyzers {
    pub fn new(index: &Index, fields: Fields) -> Self {
        Self {
            index: index.clone(),
            fields,
            analyzers: Default::default(),
        }
    }

    /// `a`'s body analysed with its indexed field's analyzer (so the writer's indexing thread,
    /// the pipeline's critical path, only reads the terms back).
    pub fn analyse(&mut self, a: &Article) -> IndexedBody {
        let field = self.fields.body_for(a.language.as_deref());
        let slot = self.fields.bodies.iter().position(|&f| f == field);
        let analyzer = slot.and_then(|slot| {
            let analyzer = &mut self.analyzers[slot];
            if analyzer.is_none() {
                *analyzer = self.index.tokenizer_for_field(field).ok();
            }
            analyzer.as_mut()
        });
        match analyzer.and_then(|analyzer| pre_analyse(analyzer, &a.body)) {
            Some(text) => IndexedBody { field, text },
            None => IndexedBody::text(&self.fields, a),
        }
    }
}

impl IndexedBody {
    /// `a`'s body as text, for the writer to analyse.
    pub fn text(f: &Fields, a: &Article) -> Self {
        Self {
            field: f.body_for(a.language.as_deref()),
            text: as_text(&a.body).into_owned(),
        }
    }
}

/// The documents that represent one article in the index; the writer analyses the body.
pub fn article_documents(f: &Fields, a: &Article, state: FileState) -> Vec<TantivyDocument> {
    article_documents_with(f, a, state, IndexedBody::text(f, a))
}

/// [`article_documents`] with the indexed body made beforehand (see [`BodyAnalyzers`]).
pub fn article_documents_with(
    f: &Fields,
    a: &Article,
    state: FileState,
    body: IndexedBody,
) -> Vec<TantivyDocument> {
    let mut docs = Vec::with_capacity(1 + a.quotes.len());
    let mut doc = shared_fields(f, a, f.title);
    doc.add_text(f.kind, KIND_ARTICLE);
    doc.add_text(f.body, &a.body);
    doc.add_text(body.field, body.text);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::{build_schema, register_analyzers};
    use tantivy::collector::TopDocs;
    use tantivy::index::SegmentComponent;
    use tantivy::query::QueryParser;

    fn article(language: Option<&str>, body: &str) -> Article {
        Article {
            path: format!("{language:?}/{}", body.len()),
            title: Some("Talks resumed".into()),
            language: language.map(str::to_string),
            body: body.into(),
            ..Default::default()
        }
    }

    /// The articles indexed in one segment, by one indexing thread; with `analysed`, their
    /// bodies analysed beforehand.
    fn index(articles: &[Article], analysed: bool) -> Index {
        let index = Index::create_in_ram(build_schema());
        register_analyzers(&index);
        let fields = Fields::new(&index.schema()).unwrap();
        let mut analyzers = BodyAnalyzers::new(&index, fields);
        let mut writer: tantivy::IndexWriter =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        let state = FileState {
            size: 1,
            mtime: 2,
            hash: 3,
        };
        for a in articles {
            let docs = if analysed {
                article_documents_with(&fields, a, state, analyzers.analyse(a))
            } else {
                article_documents(&fields, a, state)
            };
            for doc in docs {
                writer.add_document(doc).unwrap();
            }
        }
        writer.commit().unwrap();
        index
    }

    #[test]
    fn bodies_analysed_beforehand_give_the_same_index() {
        let long = "x".repeat(45);
        let articles = [
            article(
                Some("en"),
                &format!("{long} Ministers were talking; the MINISTER talked {long} again."),
            ),
            article(
                Some("de"),
                "Die Gespräche wurden fortgesetzt, sagten die Minister.",
            ),
            article(None, "東京 Ünïcödé ½ Æsir ΣΊΣΥΦΟΣ"),
            article(Some("en"), "\u{0}Opening\u{0}\u{0}with separators talked"),
            article(Some("fr"), ""),
            article(Some("zz"), "An unknown language talks"),
        ];
        let (plain, analysed) = (index(&articles, false), index(&articles, true));
        let components = |index: &Index| {
            let segments = index.searchable_segments().unwrap();
            assert_eq!(segments.len(), 1);
            [
                SegmentComponent::Terms,
                SegmentComponent::Postings,
                SegmentComponent::Positions,
                SegmentComponent::FieldNorms,
                SegmentComponent::Store,
            ]
            .map(|c| {
                segments[0]
                    .open_read(c)
                    .unwrap()
                    .read_bytes()
                    .unwrap()
                    .to_vec()
            })
        };
        assert_eq!(components(&plain), components(&analysed));
        // And the same hits with the same scores.
        let fields = Fields::new(&plain.schema()).unwrap();
        for query in [
            "minister",
            "\"minister talked\"",
            "gesprach",
            "aesir",
            "separators",
        ] {
            let hits = |index: &Index| {
                let parser = QueryParser::for_index(index, fields.bodies.to_vec());
                let query = parser.parse_query(query).unwrap();
                let searcher = index.reader().unwrap().searcher();
                let hits = searcher
                    .search(&query, &TopDocs::with_limit(10).order_by_score())
                    .unwrap();
                hits.into_iter()
                    .map(|(score, at)| (score.to_bits(), at))
                    .collect::<Vec<_>>()
            };
            let found = hits(&plain);
            assert!(!found.is_empty(), "{query}");
            assert_eq!(found, hits(&analysed), "{query}");
        }
    }
}
