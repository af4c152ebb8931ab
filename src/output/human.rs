//! Human-readable output: compact blocks, colour only on a terminal without `NO_COLOR`.

use std::io::Write;

use super::ExtractRecord;

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

/// Comma-separated list, or `-` when empty.
pub fn list_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "-".to_string()
    } else {
        items.join(", ")
    }
}
