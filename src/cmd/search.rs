//! `pressdex search`: arguments → [`SearchRequest`] → hits → human or JSON output.

use std::io::Write;
use std::time::Instant;

use super::Outcome;
use crate::cli::{SearchArgs, SortOrder};
use crate::index::open_with_reader;
use crate::output;
use crate::query::{SearchRequest, Sort, search};

/// Most hits one search prints: each costs a stored-document read and a snippet.
const MAX_LIMIT: usize = 10_000;
/// Deepest page: collecting top-k keeps k documents in memory.
const MAX_OFFSET: usize = 1_000_000;

/// Converts the command line into a validated request.
pub fn to_request(args: &SearchArgs) -> anyhow::Result<SearchRequest> {
    let query = super::given_query(&args.query);
    let filtered = !args.authors.is_empty()
        || !args.speakers.is_empty()
        || !args.sources.is_empty()
        || args.since.is_some()
        || args.until.is_some();
    if query.is_none() && !filtered && !args.quotes {
        anyhow::bail!(
            "give a QUERY or a filter (--author, --speaker, --source, --since, --until); see `pressdex search --help`"
        );
    }
    if args.limit > MAX_LIMIT {
        anyhow::bail!(
            "--limit {} is over the maximum of {MAX_LIMIT}; page with --offset",
            args.limit
        );
    }
    if args.offset > MAX_OFFSET {
        anyhow::bail!(
            "--offset {} is over the maximum of {MAX_OFFSET}; narrow the search with filters",
            args.offset
        );
    }
    if let (Some(since), Some(until)) = (args.since, args.until)
        && since.start_timestamp() > until.end_timestamp()
    {
        anyhow::bail!("--since {since} is after --until {until}");
    }
    Ok(SearchRequest {
        query: query.map(str::to_string),
        authors: args.authors.clone(),
        speakers: args.speakers.clone(),
        sources: args.sources.clone(),
        since: args.since,
        until: args.until,
        quotes: args.quotes,
        sort: match args.sort {
            SortOrder::Relevance => Sort::Relevance,
            SortOrder::Newest => Sort::Newest,
            SortOrder::Oldest => Sort::Oldest,
        },
        limit: args.limit,
        offset: args.offset,
    })
}

/// Runs `pressdex search`.
pub fn run(args: SearchArgs) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let request = to_request(&args)?;
    // A one-shot search never sees a later commit: the reader that opening the index made
    // (with a manual reload policy) serves it, so each segment is opened once.
    let (press, reader) = open_with_reader(&args.location.index)?;
    let searcher = reader.searcher();
    let results = search(&press, &searcher, &request)?;
    let mut out = super::buffered_stdout();
    if args.json {
        output::json::write_hits(&mut out, &results.hits)?;
    } else {
        let style = output::human::Style::detect();
        output::human::write_hits(&mut out, &results.hits, style)?;
    }
    out.flush()?;
    let noun = if request.quotes { "quote" } else { "article" };
    // One write to the unbuffered stderr, not one per formatted piece.
    let summary = format!(
        "{} {noun} hit{} in {:.1} ms{}\n",
        results.total,
        if results.total == 1 { "" } else { "s" },
        started.elapsed().as_secs_f64() * 1000.0,
        if results.total > request.offset + results.hits.len() {
            format!(
                " (showing {}; --limit/--offset for more)",
                results.hits.len()
            )
        } else {
            String::new()
        }
    );
    let _ = std::io::stderr().write_all(summary.as_bytes());
    Ok(if results.total == 0 {
        Outcome::NoHits
    } else {
        Outcome::Success
    })
}
