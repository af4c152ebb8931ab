//! `pressdex stats`: what the index holds.

use std::io::Write;

use super::Outcome;
use crate::cli::StatsArgs;
use crate::index::schema::{AUTHOR_KEY, KIND_ARTICLE, KIND_QUOTE, SOURCE_KEY, SPEAKER_KEY};
use crate::index::{open, writer::count_kinds};
use crate::output::{self, IndexStats};
use crate::query::facets::{date_range, kind_query, top_terms};

/// How many names each top list shows.
const TOP: usize = 10;

/// Runs `pressdex stats`.
pub fn run(args: StatsArgs) -> anyhow::Result<Outcome> {
    let press = open(&args.location.index)?;
    let searcher = press.index.reader()?.searcher();
    let (articles, quotes) = count_kinds(&press, &searcher)?;
    let article_q = kind_query(&press, KIND_ARTICLE);
    let quote_q = kind_query(&press, KIND_QUOTE);
    let stats = IndexStats {
        index: press.dir.display().to_string(),
        articles,
        quotes,
        first_published: date_range(&press, &searcher)?.map(|r| r.0),
        last_published: date_range(&press, &searcher)?.map(|r| r.1),
        top_authors: top_terms(&searcher, &*article_q, AUTHOR_KEY, TOP)?,
        top_speakers: top_terms(&searcher, &*quote_q, SPEAKER_KEY, TOP)?,
        top_sources: top_terms(&searcher, &*article_q, SOURCE_KEY, TOP)?,
        size_bytes: dir_size(&press.dir),
    };
    let mut out = super::buffered_stdout();
    if args.json {
        output::json::write_value(&mut out, &stats)?;
    } else {
        output::human::write_stats(&mut out, &stats)?;
    }
    out.flush()?;
    Ok(Outcome::Success)
}

fn dir_size(dir: &std::path::Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}
