//! JSON Lines output: one object per line, keys equal to the schema field names, no colour.

use std::io::Write;

use serde::Serialize;

use super::ExtractRecord;
use crate::query::Hit;

/// Writes one `extract --json` line.
pub fn write_extract(out: &mut impl Write, record: &ExtractRecord) -> std::io::Result<()> {
    write_value(out, record)
}

/// Writes one JSON object per hit.
pub fn write_hits(out: &mut impl Write, hits: &[Hit]) -> std::io::Result<()> {
    for hit in hits {
        write_value(out, hit)?;
    }
    Ok(())
}

/// Writes any serialisable value as one line.
pub fn write_value(out: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}
