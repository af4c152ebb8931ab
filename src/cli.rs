//! Command-line arguments (clap derive types only). Doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::date::PublishedDate;

/// Full-text search over a folder of press articles: who said what, where and when.
#[derive(Debug, Parser)]
#[command(name = "pressdex", version, propagate_version = true)]
#[command(after_long_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Print less: no progress bar and no per-file warnings.
    #[arg(long = "quiet", short = 'q', global = true, display_order = 100)]
    pub quiet: bool,
}

const EXAMPLES: &str = "\
Examples:
  pressdex index corpus
  pressdex search '\"megaphone diplomacy\"'
  pressdex search --quotes --speaker peskov diplomacy
  pressdex search --author morozov --since 2025-11 --json
  pressdex extract --json page.html

Exit codes: 0 success (search: at least one hit), 1 search found nothing,
2 error (I/O, index, bad query, usage), 130 index interrupted (Ctrl-C; committed work kept).";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index folders of articles (HTML, text, Markdown, optionally gzipped).
    ///
    /// Walks each DIR for .html, .htm, .xhtml, .txt and .md files (and the same gzipped, .gz),
    /// skipping hidden folders. Running it again re-reads only files that changed and removes
    /// articles whose files are gone. A file that cannot be read or parsed is skipped with a
    /// one-line reason; it never stops the run. Ctrl-C stops cleanly, keeping what was
    /// committed.
    Index(IndexArgs),
    /// Search the index; print ranked articles or quotes.
    ///
    /// QUERY syntax: words (all must match), "exact phrase", "phrase"~2 (slop), AND / OR / NOT,
    /// +required -excluded, field:value (title:, body:, author:, speaker:, source:, quote:,
    /// language:), prefix dipl*, parentheses. QUERY may be left out when a filter is given;
    /// hits are then listed newest first.
    ///
    /// Filters: a flag given twice means either value (--author A --author B is A OR B);
    /// different flags must all match. Names match case- and accent-insensitively, and a
    /// surname alone matches the full name.
    ///
    /// Exit codes: 0 at least one hit, 1 no hits, 2 error (bad query, no index, I/O).
    Search(SearchArgs),
    /// Print what the indexer extracts from files, without indexing.
    Extract(ExtractArgs),
    /// Summarise the index: counts, date range, top authors, speakers and sources.
    Stats(StatsArgs),
    /// List speakers with their quote counts, overall or among the hits of a query.
    Speakers(SpeakersArgs),
}

/// Where the index lives, shared by every subcommand that reads or writes it.
#[derive(Debug, Args, Clone)]
pub struct IndexLocation {
    /// Index directory.
    #[arg(
        long = "index",
        value_name = "PATH",
        env = "PRESSDEX_INDEX",
        default_value = "index"
    )]
    pub index: PathBuf,
}

/// Arguments of `pressdex index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folders (or single files) to index.
    #[arg(value_name = "DIR", default_value = "corpus")]
    pub dirs: Vec<PathBuf>,
    #[command(flatten)]
    pub location: IndexLocation,
    /// Delete the index and build it again from scratch.
    #[arg(long = "rebuild")]
    pub rebuild: bool,
    /// Follow symbolic links while walking.
    #[arg(long = "follow-links")]
    pub follow_links: bool,
    /// Skip files larger than this many bytes (after decompression).
    #[arg(long = "max-file-size", value_name = "BYTES", default_value_t = 32 * 1024 * 1024)]
    pub max_file_size: u64,
    /// Worker threads for extraction (default: all cores).
    #[arg(long = "threads", short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

/// Sort order of search results.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum SortOrder {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

/// Arguments of `pressdex search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query (syntax above).
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    #[command(flatten)]
    pub location: IndexLocation,
    /// Keep articles written by this author (repeatable: any of them).
    #[arg(long = "author", value_name = "NAME")]
    pub authors: Vec<String>,
    /// Keep articles quoting this speaker, or with --quotes, quotes by them (repeatable).
    #[arg(long = "speaker", value_name = "NAME")]
    pub speakers: Vec<String>,
    /// Keep articles from this outlet (repeatable).
    #[arg(long = "source", value_name = "NAME")]
    pub sources: Vec<String>,
    /// Keep articles published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long = "since", value_name = "DATE")]
    pub since: Option<PublishedDate>,
    /// Keep articles published on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long = "until", value_name = "DATE")]
    pub until: Option<PublishedDate>,
    /// Return quotes instead of articles.
    #[arg(long = "quotes")]
    pub quotes: bool,
    /// Order of results.
    #[arg(long = "sort", value_enum, default_value_t)]
    pub sort: SortOrder,
    /// Number of hits to print.
    #[arg(long = "limit", short = 'n', value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Number of hits to skip first (for paging).
    #[arg(long = "offset", value_name = "N", default_value_t = 0)]
    pub offset: usize,
    /// Print JSON Lines, one object per hit.
    #[arg(long = "json")]
    pub json: bool,
}

/// Print what the indexer extracts from files, without indexing.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files to extract.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Print one JSON object per file per line.
    #[arg(long = "json")]
    pub json: bool,
    /// Skip files larger than this many bytes (after decompression).
    #[arg(long = "max-file-size", value_name = "BYTES", default_value_t = 32 * 1024 * 1024)]
    pub max_file_size: u64,
}

/// Summarise the index.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub location: IndexLocation,
    /// Print one JSON object.
    #[arg(long = "json")]
    pub json: bool,
}

/// List speakers with their quote counts.
#[derive(Debug, Args)]
pub struct SpeakersArgs {
    /// Only count quotes among the hits of this query (same syntax as `search`).
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    #[command(flatten)]
    pub location: IndexLocation,
    /// Number of speakers to print.
    #[arg(long = "limit", short = 'n', value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Print JSON Lines, one object per speaker.
    #[arg(long = "json")]
    pub json: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
