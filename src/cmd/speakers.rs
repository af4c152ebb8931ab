//! `pressdex speakers`: the most-quoted speakers, overall or among the hits of a query.

use std::io::Write;

use super::Outcome;
use crate::cli::SpeakersArgs;
use crate::index::open;
use crate::index::schema::{KIND_QUOTE, SPEAKER_KEY};
use crate::output;
use crate::query::SearchRequest;
use crate::query::facets::{kind_query, speakers_in_articles, top_terms};
use crate::query::run::build_query;

/// Runs `pressdex speakers`.
pub fn run(args: SpeakersArgs) -> anyhow::Result<Outcome> {
    let press = open(&args.location.index)?;
    let searcher = press.index.reader()?.searcher();
    let counts = match super::given_query(&args.query) {
        Some(text) => {
            let request = SearchRequest {
                query: Some(text.to_string()),
                ..Default::default()
            };
            let articles = build_query(&press, &request)?;
            speakers_in_articles(&press, &searcher, &*articles, args.limit)?
        }
        None => top_terms(
            &searcher,
            &*kind_query(&press, KIND_QUOTE),
            SPEAKER_KEY,
            args.limit,
        )?,
    };
    let mut out = super::buffered_stdout();
    if args.json {
        for c in &counts {
            output::json::write_value(&mut out, c)?;
        }
    } else {
        output::human::write_counts(&mut out, &counts)?;
    }
    out.flush()?;
    Ok(if counts.is_empty() {
        Outcome::NoHits
    } else {
        Outcome::Success
    })
}
