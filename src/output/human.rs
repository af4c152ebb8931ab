//! Human-readable output: compact blocks, colour only on a terminal without `NO_COLOR`.

use std::io::{IsTerminal, Write};

use super::{ExtractRecord, IndexStats, display_path};
use crate::query::Hit;
use crate::query::facets::Count;

/// Whether to use ANSI colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Color,
    Plain,
}

impl Style {
    /// Colour on a terminal, unless `NO_COLOR` is set (https://no-color.org).
    pub fn detect() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if std::io::stdout().is_terminal() && !no_color {
            Style::Color
        } else {
            Style::Plain
        }
    }

    fn bold(self, s: &str) -> String {
        match self {
            Style::Color => format!("\x1b[1m{s}\x1b[0m"),
            Style::Plain => s.to_string(),
        }
    }

    fn dim(self, s: &str) -> String {
        match self {
            Style::Color => format!("\x1b[2m{s}\x1b[0m"),
            Style::Plain => s.to_string(),
        }
    }

    /// Matched text: bold red on a terminal, `**between stars**` in plain text.
    fn highlight(self, s: &str) -> String {
        match self {
            Style::Color => format!("\x1b[1;31m{s}\x1b[0m"),
            Style::Plain => format!("**{s}**"),
        }
    }
}

/// Writes search hits, one block each.
pub fn write_hits(out: &mut impl Write, hits: &[Hit], style: Style) -> std::io::Result<()> {
    for hit in hits {
        let snippet = highlighted(&hit.snippet.text, &hit.snippet.highlights, style);
        let title = hit.title.as_deref().unwrap_or("(untitled)");
        let date = hit
            .published
            .map_or("undated".to_string(), |d| d.to_string());
        let mut meta = vec![date];
        meta.extend(hit.source.clone());
        if !hit.authors.is_empty() {
            meta.push(format!("by {}", hit.authors.join(", ")));
        }
        if hit.kind == "quote" {
            let speaker = hit
                .speakers
                .first()
                .map_or("(unknown speaker)", String::as_str);
            // Quote texts may carry their own marks (a fragment quoted inside reported speech).
            let shown = one_line(&snippet);
            let shown = shown
                .trim_start_matches(['“', '"'])
                .trim_end_matches(['”', '"']);
            writeln!(out, "{:>2}. {}: “{}”", hit.rank, style.bold(speaker), shown)?;
            writeln!(out, "    in {} · {}", style.bold(title), meta.join(" · "))?;
        } else {
            writeln!(out, "{:>2}. {}", hit.rank, style.bold(title))?;
            writeln!(out, "    {}", meta.join(" · "))?;
            if !hit.speakers.is_empty() {
                writeln!(out, "    speakers: {}", hit.speakers.join(", "))?;
            }
            if !snippet.is_empty() {
                writeln!(out, "    {}", one_line(&snippet))?;
            }
        }
        writeln!(out, "    {}", style.dim(&display_path(&hit.path)))?;
        writeln!(out)?;
    }
    Ok(())
}

/// Text on one line, runs of white space folded to one space.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push(c);
    }
    out
}

/// Text with its highlighted ranges marked.
fn highlighted(text: &str, ranges: &[std::ops::Range<usize>], style: Style) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 8);
    let mut at = 0;
    for r in ranges {
        let (Some(before), Some(mark)) = (text.get(at..r.start), text.get(r.clone())) else {
            continue;
        };
        out.push_str(before);
        out.push_str(&style.highlight(mark));
        at = r.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

/// Writes the human view of one extracted file.
pub fn write_extract(out: &mut impl Write, record: &ExtractRecord) -> std::io::Result<()> {
    match record {
        ExtractRecord::Error { path, error } => writeln!(out, "{path}: error: {error}\n"),
        ExtractRecord::Article(a) => {
            writeln!(out, "path:      {}", a.path)?;
            writeln!(out, "title:     {}", a.title.as_deref().unwrap_or("-"))?;
            writeln!(out, "authors:   {}", list_or_dash(&a.authors))?;
            let date = a.published.map(|d| {
                format!(
                    "{d} (from {})",
                    a.published_source.as_deref().unwrap_or("?")
                )
            });
            writeln!(out, "published: {}", date.as_deref().unwrap_or("-"))?;
            writeln!(out, "source:    {}", a.source.as_deref().unwrap_or("-"))?;
            writeln!(out, "url:       {}", a.url.as_deref().unwrap_or("-"))?;
            writeln!(out, "language:  {}", a.language.as_deref().unwrap_or("-"))?;
            writeln!(out, "speakers:  {}", list_or_dash(&a.speakers))?;
            writeln!(out, "quotes:    {}", a.quotes.len())?;
            for q in &a.quotes {
                writeln!(
                    out,
                    "  {}: “{}”",
                    q.speaker.as_deref().unwrap_or("(unknown)"),
                    q.text
                )?;
            }
            writeln!(
                out,
                "body:      {} words",
                a.body.split_whitespace().count()
            )?;
            for line in a.body.lines() {
                writeln!(out, "  | {line}")?;
            }
            writeln!(out)
        }
    }
}

/// Writes `pressdex stats`.
pub fn write_stats(out: &mut impl Write, s: &IndexStats) -> std::io::Result<()> {
    writeln!(out, "index:     {}", s.index)?;
    writeln!(out, "articles:  {}", s.articles)?;
    writeln!(out, "quotes:    {}", s.quotes)?;
    match (s.first_published, s.last_published) {
        (Some(a), Some(b)) => writeln!(out, "published: {a} to {b}")?,
        _ => writeln!(out, "published: no dated articles")?,
    }
    writeln!(out, "size:      {:.1} MiB", s.size_bytes as f64 / 1048576.0)?;
    for (label, counts) in [
        ("top authors", &s.top_authors),
        ("top speakers (quotes)", &s.top_speakers),
        ("top sources", &s.top_sources),
    ] {
        writeln!(out, "\n{label}:")?;
        if counts.is_empty() {
            writeln!(out, "  -")?;
        }
        write_counts(out, counts)?;
    }
    Ok(())
}

/// Writes names with counts, one per line, counts right-aligned.
pub fn write_counts(out: &mut impl Write, counts: &[Count]) -> std::io::Result<()> {
    let width = counts
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1);
    for c in counts {
        writeln!(out, "  {:>width$}  {}", c.count, c.name)?;
    }
    Ok(())
}

/// Comma-separated list, or `-` when empty.
pub fn list_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "-".to_string()
    } else {
        items.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_folds_white_space_runs() {
        assert_eq!(one_line("  a\n\tb  c\u{a0}\u{2003}d \n"), "a b c d");
        assert_eq!(one_line("plain words"), "plain words");
        assert_eq!(one_line(" \n\t "), "");
        assert_eq!(one_line("“Été”,\r\nnoël"), "“Été”, noël");
    }
}
